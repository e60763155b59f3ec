"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` describes each rule that has a result (`fullDescription` is the
rule's summary, `help` its documentation, in the run's language); each result carries its
region, the use and JSON pointer, `partialFingerprints` from the finding's identity
(`charte_lint.identity`, as the GitLab fingerprint), and, when an inline comment or a waiver
silenced it, a SARIF suppression (`inSource` or `external`) with the reason as justification.
A finding in code that stands for several lines has them as `relatedLocations` (with an `id`,
their region and what is there as `message.text`).
"""

from __future__ import annotations

import os
from urllib.parse import quote

from charte_lint.identity import digests
from charte_lint.reporters import Reporter
from charte_lint.reporters.indented import dumps

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding, Related, Rule
    from charte_lint.reporters import Report

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    codes = sorted({finding.code for finding in report.findings})
    index = {code: position for position, code in enumerate(codes)}
    driver: dict[str, Any] = {
        "name": "charte-lint",
        "version": report.version,
        "rules": [_rule(report.rules.get(code), code, report.lang) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        "language": report.lang,
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": artifact_uri(path)}} for path in report.files],
        "results": [
            _result(finding, index[finding.code], fingerprint)
            for finding, fingerprint in zip(report.findings, digests(report.findings), strict=True)
        ],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return dumps(document) + "\n"


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference, an absolute one as a `file://` URI."""
    posix = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix)
    return quote(posix[2:] if posix.startswith("./") else posix)


def _rule(rule: Rule | None, code: str, lang: str) -> dict[str, Any]:
    from charte_lint.docs_rules import render_docs, render_docs_text

    if rule is None:  # a finding from a rule no longer loaded: describe it by its code
        return {"id": code}
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary[lang]},
        "fullDescription": {"text": rule.summary[lang]},
        "help": {"text": render_docs_text(rule, lang), "markdown": render_docs(rule, lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.principle or "structure"]},
    }
    if rule.principle:
        described["properties"]["principle"] = rule.principle
        described["properties"]["charters"] = {k: v for k, v in rule.charters.items() if v}
    return described


def _region(finding: Finding) -> dict[str, int]:
    """Where the finding is, covering its value (the end position the engine computed; the
    end column is the one after it), so that GitHub underlines it: when that would be
    zero-width (a finding without an end, on an empty value), to the end of its line's text."""
    line, column = max(1, finding.line), max(1, finding.column)
    region = {"startLine": line, "startColumn": column}
    end_line, end_column = finding.end_line, finding.end_column
    if end_line < line or (end_line == line and end_column <= column):
        end_line, end_column = line, len(finding.source_line.rstrip()) + 1
    if end_line > line or end_column > column:
        region["endLine"] = end_line
        region["endColumn"] = end_column
    return region


def _place_region(place: Related) -> dict[str, int]:
    """A related place's region: its line, and its text's columns when known."""
    line, column = max(1, place.line), max(1, place.column)
    region = {"startLine": line, "startColumn": column}
    if place.end_column > column:
        region["endLine"] = line
        region["endColumn"] = place.end_column
    return region


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    region = _region(finding)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.file)},
                    "region": region,
                },
                "logicalLocations": [{"fullyQualifiedName": finding.pointer or "/"}],
            }
        ],
        "partialFingerprints": {"charteLintIdentity/v1": fingerprint},
        "properties": {
            "name": finding.name,
            "use": finding.use,
            "pointer": finding.pointer,
            "principle": finding.principle,
            "charter": finding.charter,
        },
    }
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(place.file)},
                    "region": _place_region(place),
                },
                "message": {"text": place.text},
            }
            for number, place in enumerate(finding.related, start=1)
        ]
    if finding.legal is not None:  # the legal duty the finding rests on, and from when
        result["properties"]["legal"] = finding.legal
    if finding.suppression is not None:
        record = finding.suppression
        suppression: dict[str, Any] = {
            "kind": record["kind"],
            "status": "accepted",
            "justification": record["justification"],
        }
        if record.get("approved_by") or record.get("until"):
            suppression["properties"] = {
                "approved_by": record.get("approved_by"),
                "until": record.get("until"),
            }
        result["suppressions"] = [suppression]
    return result


REPORTER = Reporter("sarif", render)
