"""`--format json`: a contract other tools read; keys and their meaning do not change."""

from __future__ import annotations

import json

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.reporters import Report


def render(report: Report, color: bool = False, sources: object = None) -> str:
    counts = report.counts()
    document = {
        "version": report.version,
        "files": report.files,
        "findings": [finding.as_dict() for finding in report.findings],
        "summary": {**counts, "files": len(report.files)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
