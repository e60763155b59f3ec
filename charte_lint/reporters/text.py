"""`--format text`: `path:line:col: CODE [severity] message (name)`, grouped by file.

Each finding shows its source line with a caret under the offending text; a summary line counts
findings by severity. Manifest text can hold anything, so control characters are shown escaped:
a file cannot move the cursor, change colours or rewrite the terminal's title.
"""

from __future__ import annotations

import re

from charte_lint.messages import SEVERITIES, clean, nt, summary
from charte_lint.reporters import Reporter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Finding
    from charte_lint.reporters import Report

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_COLORS = {"error": "31", "warning": "33", "info": "36"}
MAX_SHOWN = 160


def neutralise(value: str) -> str:
    """Control and bidirectional-override characters as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", value.replace("\t", " "))


def _paint(value: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{value}\x1b[0m" if color else value


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    lines: list[str] = []
    current = None
    shown = report.active()
    labels = SEVERITIES[report.lang]
    for finding in shown:
        if finding.file != current:
            if current is not None and not quiet:
                lines.append("")
            current = finding.file
        location = _paint(
            f"{neutralise(finding.file)}:{finding.line}:{finding.column}:", "1", color
        )
        severity = _paint(labels[finding.severity], _COLORS[finding.severity], color)
        lines.append(
            f"{location} {_paint(finding.code, '1', color)} [{severity}] "
            f"{neutralise(finding.message)} ({finding.name})"
        )
        if not quiet and finding.source_line:
            lines.extend(_snippet(finding, color))
    if not quiet:
        counts = report.counts()
        if lines:
            lines.append("")
        if shown:
            lines.append(
                summary(
                    report.lang,
                    errors=counts["error"],
                    warnings=counts["warning"],
                    infos=counts["info"],
                    files=report.files_with_findings(),
                )
            )
        else:
            lines.append(clean(report.lang, files=len(report.files)))
        suppressed = report.suppressed()
        if suppressed:
            lines.append(
                nt(
                    report.lang,
                    "{count} suppressed by a comment or a waiver (--no-suppressions shows it)",
                    "{count} suppressed by comments or waivers (--no-suppressions shows them)",
                    suppressed,
                ).format(count=suppressed)
            )
    return "\n".join(lines) + "\n" if lines else ""


def _snippet(finding: Finding, color: bool) -> list[str]:
    source = finding.source_line
    line, column = finding.line, finding.column
    end_line, end_column = finding.end_line, finding.end_column
    start = max(0, column - 1 - MAX_SHOWN // 2) if len(source) > MAX_SHOWN else 0
    shown = source[start : start + MAX_SHOWN]
    prefix = "..." if start else ""
    suffix = "..." if start + MAX_SHOWN < len(source) else ""
    width = end_column - column if end_line == line and end_column > column else 1
    width = max(1, min(width, len(shown) - (column - 1 - start)))
    gutter = f"{line:>6} | "
    caret = " " * (len(gutter) - 2) + "| " + " " * (len(prefix) + column - 1 - start)
    return [
        gutter + prefix + neutralise(shown) + suffix,
        caret + _paint("^" * width, _COLORS[finding.severity], color),
    ]


REPORTER = Reporter("text", render, color=True)
