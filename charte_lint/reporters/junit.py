"""`--format junit`: JUnit XML, for CI systems that show test reports.

One test suite per file; one test case per finding: failing (`failure` with the rule code as
type) when the finding fails the run (at or above its file's fail-on severity), passing with the
finding in its `system-out` when it is below, skipped for a suppressed finding (with the reason);
and one passing case for a file with no findings. Characters XML cannot hold are written as
`\\uXXXX`.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from charte_lint.messages import SEVERITIES, t
from charte_lint.reporters import Reporter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Finding
    from charte_lint.reporters import Report

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


_ESCAPED = re.compile('[&<>"\n\r\t]')  # what an attribute value escapes


def _clean(value: str) -> str:
    if value.isprintable():  # none of them: most texts, checked in C
        return value
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def _attr(value: object) -> str:
    text = _clean(str(value))
    if not _ESCAPED.search(text):
        return f'"{text}"'  # what quoteattr gives a value with nothing to escape
    return quoteattr(text, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    by_file: dict[str, list[Finding]] = {path: [] for path in report.files}
    for finding in report.findings:
        by_file.setdefault(finding.file, []).append(finding)
    verdicts = {path: [report.fails(f) for f in found] for path, found in by_file.items()}
    failures = sum(sum(fails) for fails in verdicts.values())
    skipped = report.suppressed()
    total = sum(max(1, len(found)) for found in by_file.values())
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="charte-lint" tests="{total}" failures="{failures}" '
        f'errors="0" skipped="{skipped}">',
    ]
    for path, found in by_file.items():
        failed = sum(verdicts[path])
        skipped = sum(1 for f in found if f.suppression is not None)
        lines.append(
            f'  <testsuite name={_attr(path)} tests="{max(1, len(found))}" '
            f'failures="{failed}" errors="0" skipped="{skipped}">'
        )
        if not found:
            lines.append(
                f'    <testcase name="charte-lint" classname={_attr(path)} file={_attr(path)}/>'
            )
        for finding, fails in zip(found, verdicts[path], strict=True):
            lines.extend(_case(finding, report.lang, fails))
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"


def _case(finding: Finding, lang: str = "en", fails: bool = True) -> list[str]:
    name = t(lang, "{code} {name} at {line}:{column}").format(
        code=finding.code, name=finding.name, line=finding.line, column=finding.column
    )
    opening = (
        f"    <testcase name={_attr(name)} classname={_attr(finding.file)} "
        f'file={_attr(finding.file)} line="{finding.line}">'
    )
    if finding.suppression is not None:
        record = finding.suppression
        reason = record["justification"]
        if record.get("approved_by"):
            reason = t(lang, "waived by {approver} until {until}: {reason}").format(
                approver=record["approved_by"], until=record["until"], reason=reason
            )
        return [opening, f"      <skipped message={_attr(reason)}/>", "    </testcase>"]
    severity = SEVERITIES[lang][finding.severity]
    detail = (
        f"{finding.file}:{finding.line}:{finding.column}: {finding.code} [{severity}] "
        f"{finding.message} ({finding.name})"
    )
    if not fails:  # below the fail-on severity: shown, but the case passes
        return [
            opening,
            f"      <system-out>{escape(_clean(detail))}</system-out>",
            "    </testcase>",
        ]
    return [
        opening,
        f"      <failure message={_attr(finding.message)} type={_attr(finding.code)}>"
        f"{escape(_clean(detail))}</failure>",
        "    </testcase>",
    ]


REPORTER = Reporter("junit", render)
