"""Output formats: each module turns a finished run into text, and decides nothing.

Reporters are found through the entry-point group `charte_lint.reporters` (see
`charte_lint.registry`): the entry point's name is the format's, its object a `Reporter`, or a
function `render(report, color, quiet) -> str`, or any object with such a `render` (and a
`color` attribute when it can paint for a terminal).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from charte_lint.api import Finding, Rule


class Reporter:
    """A report format: its `name` (what `--format` and `--report` take), its `render`
    function, `render(report, color, quiet) -> str`, and whether it uses `color` (ANSI colours,
    only asked for when writing to a terminal); `quiet` is `-q`, findings only."""

    __slots__ = ("color", "name", "render")

    def __init__(
        self, name: str, render: Callable[[Report, bool, bool], str], color: bool = False
    ) -> None:
        self.name = name
        self.render = render
        self.color = color


class Report:
    """What a run produced, as every reporter receives it.

    `findings` include the suppressed ones (`finding.suppression` set): they count for nothing,
    but JSON and SARIF show them. `rules` maps codes to rules, for formats that describe them;
    `baseline` holds the stale baseline entries when a baseline was used, else None;
    `thresholds` each file's fail-on severity (`error` for a file it does not name).
    """

    __slots__ = ("baseline", "files", "findings", "lang", "rules", "thresholds", "version")

    def __init__(
        self,
        findings: list[Finding],
        files: list[str],
        lang: str,
        version: str,
        rules: dict[str, Rule] | None = None,
        baseline: list[dict[str, Any]] | None = None,
        thresholds: dict[str, str] | None = None,
    ) -> None:
        self.findings = findings
        self.files = files
        self.lang = lang
        self.version = version
        self.rules = rules or {}
        self.baseline = baseline
        self.thresholds = thresholds or {}

    def active(self) -> list[Finding]:
        """The findings that are not suppressed: the ones that count."""
        return [f for f in self.findings if f.suppression is None]

    def fails(self, finding: Finding) -> bool:
        """Whether a finding fails the run: not suppressed, and at or above its file's
        fail-on severity."""
        if finding.suppression is not None:
            return False
        from charte_lint.api import SEVERITY_RANK

        threshold = SEVERITY_RANK[self.thresholds.get(finding.file, "error")]
        return SEVERITY_RANK[finding.severity] >= threshold

    def files_with_findings(self) -> int:
        """How many files the summary speaks of: the files linted, and the files (code files
        included) that findings are in, so that findings in code without any manifest are not
        `in 0 files`."""
        return len({*self.files, *(finding.file for finding in self.findings)})

    def suppressed(self) -> int:
        return sum(1 for f in self.findings if f.suppression is not None)

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            if finding.suppression is None:
                counts[finding.severity] += 1
        return counts
