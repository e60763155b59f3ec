"""`--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`).

A JSON list of issues, each with `description`, `check_name`, `fingerprint`, `severity` and
`location` (`path`, `lines.begin`). The fingerprint hashes the file, the rule, the use and the
JSON pointer within the use, never a line number: an issue keeps its fingerprint when lines
move, so GitLab tells new issues from old ones. Suppressed findings are left out.
"""

from __future__ import annotations

import hashlib
import json

from charte_lint.reporters import Reporter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding
    from charte_lint.reporters import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    issues = []
    seen: dict[str, int] = {}
    for finding in report.active():
        identity = "\0".join((_path(finding.file), finding.code, *logical_place(finding)))
        occurrence = seen.get(identity, 0)  # several findings of one rule at one place
        seen[identity] = occurrence + 1
        digest = hashlib.sha256(f"{identity}\0{occurrence}".encode()).hexdigest()
        issues.append(_issue(finding, digest[:32]))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def logical_place(finding: Finding) -> tuple[str, str]:
    """(use id, pointer within the use), or ("", pointer) outside a use: stable under edits
    that move lines or reorder uses."""
    pointer = finding.pointer
    if finding.use is not None and pointer.startswith("/uses/"):
        rest = pointer.split("/", 3)
        return finding.use, "/" + rest[3] if len(rest) > 3 else ""
    return "", pointer


def _path(path: str) -> str:
    posix = path.replace("\\", "/")
    return posix[2:] if posix.startswith("./") else posix


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": f"{finding.code} {finding.message}",
        "check_name": finding.code,
        "categories": ["Compliance"],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": _path(finding.file),
            "lines": {"begin": finding.line, "end": max(finding.end_line, finding.line)},
        },
    }


REPORTER = Reporter("gitlab", render)
