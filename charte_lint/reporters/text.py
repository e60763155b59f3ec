"""`--format text`: `path:line:col: CODE [severity] message (name)`, grouped by file.

Each finding shows its source line with a caret under the offending text, and, for a finding in
code that stands for several lines, those lines (`also at path:line:col: what`, at most
`MAX_RELATED`); a summary line counts findings by severity. Without a baseline (a first run,
typically), a line before it sums up the undeclared AI use by provider and number of files.
Manifest text can hold anything, so control characters are shown escaped: a file cannot move the
cursor, change colours or rewrite the terminal's title.
"""

from __future__ import annotations

from charte_lint._startup import compiled_on_use
from charte_lint.messages import SEVERITIES, clean, nt, summary, t
from charte_lint.reporters import Reporter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Finding
    from charte_lint.reporters import Report

_CONTROL = compiled_on_use(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_COLORS = {"error": "31", "warning": "33", "info": "36"}
MAX_SHOWN = 160
MAX_RELATED = 10
"""Related places listed under a finding; the rest are counted."""
UNDECLARED = "TRN008"
"""The rule whose findings the first-run summary sums up (undeclared AI use)."""


def neutralise(value: str) -> str:
    """Control and bidirectional-override characters as visible escapes."""
    if value.isprintable():  # none of them (nor a tab): most texts, checked in C
        return value
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
        if not quiet and finding.related:
            lines.extend("    " + place for place in related_places(finding, report.lang))
    if not quiet:
        counts = report.counts()
        if lines:
            lines.append("")
        undeclared = undeclared_summary(report) if report.baseline is None else None
        if undeclared:
            lines.append(neutralise(undeclared))
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


def related_places(finding: Finding, lang: str, limit: int = MAX_RELATED) -> list[str]:
    """`also at path:line:col: what` for each of the finding's related places, at most `limit`,
    then `and N more`; shared by the reporters that write text (GitHub, GitLab)."""
    places = [
        t(lang, "also at {location}: {text}").format(
            location=f"{neutralise(place.file)}:{place.line}:{place.column}",
            text=neutralise(place.text),
        )
        for place in finding.related[:limit]
    ]
    if len(finding.related) > limit:
        places.append(t(lang, "and {n} more").format(n=len(finding.related) - limit))
    return places


def undeclared_summary(report: Report) -> str | None:
    """`AI use in the code that no manifest declares: OpenAI (12 files), ...`: the providers of
    the active findings of undeclared AI use, by how many files show each, most first; None
    when there are none."""
    files: dict[str, set[str]] = {}
    for finding in report.active():
        if finding.code == UNDECLARED and finding.subject:
            files.setdefault(finding.subject, set()).add(finding.file)
    if not files:
        return None
    ordered = sorted(files.items(), key=lambda item: (-len(item[1]), item[0].casefold()))
    lang = report.lang
    subjects = ", ".join(
        nt(lang, "{subject} ({count} file)", "{subject} ({count} files)", len(where)).format(
            subject=subject, count=len(where)
        )
        for subject, where in ordered
    )
    return t(lang, "AI use in the code that no manifest declares: {subjects}").format(
        subjects=subjects
    )


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
