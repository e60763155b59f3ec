"""`--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`).

A JSON list of issues, each with `description`, `check_name`, `fingerprint`, `severity` and
`location` (`path`, `lines.begin`). The fingerprint hashes the finding's identity
(`charte_lint.identity`: file, rule, use, JSON pointer within the use, value), never a line
number: an issue keeps its fingerprint when lines move, so GitLab tells new issues from old ones.
A finding in code that stands for several lines names them in its description
(`; also at path:line:col: what`): GitLab's subset of the Code Climate format shows one location
per issue. Suppressed findings are left out.
"""

from __future__ import annotations

from charte_lint.identity import digests, report_path
from charte_lint.reporters import Reporter
from charte_lint.reporters.indented import dumps
from charte_lint.reporters.text import related_places

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding
    from charte_lint.reporters import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    fingerprints = digests(report.findings)  # as SARIF's, suppressed findings counted
    issues = [
        _issue(finding, fingerprint[:32], report.lang)
        for finding, fingerprint in zip(report.findings, fingerprints, strict=True)
        if finding.suppression is None
    ]
    return dumps(issues) + "\n"


def _issue(finding: Finding, fingerprint: str, lang: str) -> dict[str, Any]:
    places = related_places(finding, lang) if finding.related else []
    return {
        "type": "issue",
        "description": "; ".join([f"{finding.code} {finding.message}", *places]),
        "check_name": finding.code,
        "categories": ["Compliance"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": report_path(finding.file),
            "lines": {"begin": finding.line, "end": max(finding.end_line, finding.line)},
        },
    }


REPORTER = Reporter("gitlab", render)
