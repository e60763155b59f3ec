"""`--format github`: GitHub Actions workflow commands, shown as annotations on the diff.

    ::error file=ai-usage.yaml,line=27,col=15,endLine=27,endColumn=34,title=WRK001 ...::message

Every property value and the message are escaped as GitHub's runner expects (`%`, CR and LF in
the message; also `:` and `,` in properties), so no manifest text can end the line and start a
command of its own. A finding in code that stands for several lines lists them after its
message, one a line (`also at path:line:col: what`; an annotation's message may span lines).
Suppressed findings are left out. Chosen by default inside GitHub Actions
(`GITHUB_ACTIONS=true`) when standard output is not a terminal and `--format` is not given.
"""

from __future__ import annotations

from charte_lint.reporters import Reporter
from charte_lint.reporters.text import related_places

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.reporters import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool = False, quiet: bool = False) -> str:
    lines = []
    for finding in report.active():
        properties = [
            ("file", finding.file),
            ("line", str(finding.line)),
            ("col", str(finding.column)),
            ("endLine", str(max(finding.end_line, finding.line))),
        ]
        if finding.end_line == finding.line and finding.end_column > finding.column:
            properties.append(("endColumn", str(finding.end_column)))
        properties.append(("title", f"{finding.code} {finding.name}"))
        rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        places = related_places(finding, report.lang) if finding.related else []
        message = escape_data("\n".join([f"{finding.code} {finding.message}", *places]))
        lines.append(f"::{COMMANDS[finding.severity]} {rendered}::{message}")
    return "\n".join(lines) + "\n" if lines else ""


REPORTER = Reporter("github", render)
