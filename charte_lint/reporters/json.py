"""`--format json`: a contract other tools read; keys and their meaning do not change.

Suppressed findings are listed with their `suppression` record ({kind, justification,
approved_by, until}), other findings with `"suppression": null`; the summary counts only the
findings that are not suppressed. `baseline` appears only when `--baseline` was given.
"""

from __future__ import annotations

from charte_lint.reporters import Reporter
from charte_lint.reporters.indented import dumps

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.reporters import Report


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    counts = report.counts()
    document: dict[str, object] = {
        "version": report.version,
        "files": report.files,
        "findings": [
            {**finding.as_dict(), "suppression": finding.suppression} for finding in report.findings
        ],
        "summary": {**counts, "files": len(report.files)},
    }
    if report.baseline is not None:
        document["baseline"] = {"stale": report.baseline}
    return dumps(document) + "\n"


REPORTER = Reporter("json", render)
