"""Output formats: each module turns a finished run into text, and decides nothing."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Finding


class Report:
    """What a run produced, as every reporter receives it."""

    __slots__ = ("files", "findings", "lang", "version")

    def __init__(self, findings: list[Finding], files: list[str], lang: str, version: str) -> None:
        self.findings = findings
        self.files = files
        self.lang = lang
        self.version = version

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


FORMATS = ("text", "json")
