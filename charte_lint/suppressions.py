"""Inline suppression comments in a manifest, and what they silence.

    tool:
      name: Shadow GPT  # charte-lint: ignore[DAT002] -- pilot on public data only, LEGAL-12

    # charte-lint: ignore[tool-not-approved, SEC001] -- see LEGAL-12
    - id: chatbot

    # charte-lint: disable[SOB001] -- reasoning is the point of this pilot
    ...
    # charte-lint: enable[SOB001]

`ignore` covers its own line when it follows YAML on that line, otherwise the line below it;
`disable` covers every line down to the matching `enable` (or the end of the file). Rules are
named by code or name. Only real YAML comments count: a `#` at the start of a line or after
whitespace, outside quotes and outside multi-line scalars. A file that never says
`charte-lint:` costs one substring search.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Finding

MARKER = "charte-lint:"
DIRECTIVE_BODY = (
    r"charte-lint:\s*(?P<kind>ignore|disable|enable)\s*\[(?P<rules>[^\]]*)\]"
    r"\s*(?:--\s*(?P<reason>.*?))?\s*"
)
"""A directive after its comment opener: YAML's `#` here, any language's in code."""
_DIRECTIVE = re.compile(r"#\s*" + DIRECTIVE_BODY + "$")
UNSILENCEABLE = ("CL000", "CL901", "CL902")
"""A rule that crashed, and the findings about suppression comments themselves, cannot be
silenced by one."""


class Directive:
    """One `# charte-lint: ...` comment: what it covers, and which of its rules were used."""

    __slots__ = (
        "column",
        "end_column",
        "ends",
        "first",
        "kind",
        "last",
        "line",
        "reason",
        "rules",
        "used",
    )

    def __init__(
        self, kind: str, rules: list[str], reason: str, line: int, column: int, end: int
    ) -> None:
        self.kind = kind
        self.rules = rules
        self.reason = reason
        self.line = line
        self.column = column
        self.end_column = end
        self.first = self.last = line  # the lines it covers, set by `parse`
        self.ends: dict[str, int] = {}  # a block's last line per rule, when an `enable` names it
        self.used: set[str] = set()

    def covers(self, finding: Finding) -> str | None:
        """The entry of `rules` that silences `finding`, if any."""
        if not self.first <= finding.line <= self.last:
            return None
        for rule in self.rules:
            if finding.line > self.ends.get(rule, self.last):
                continue
            if names_rule(rule, finding):
                return rule
        return None

    def __repr__(self) -> str:
        return f"<Directive {self.kind}{self.rules} {self.line}-{self.last} {self.reason!r}>"


def names_rule(rule: str, finding: Finding) -> bool:
    """Whether `rule`, as a user wrote it in a directive or a waiver, names `finding`'s rule."""
    return rule in (finding.code, finding.name) or rule.upper() == finding.code


def parse(
    text: str | None, spans: list[tuple[str, int, int, int]] | None = None
) -> list[Directive]:
    """The `ignore` and `disable` directives in a manifest's text, with the lines they cover.

    `spans` are the multi-line scalars of the file when it could be read
    (`Manifest.multiline_scalars`): lines inside block `|` / `>` text and quoted text over
    several lines are content, not comments.
    """
    if not text or MARKER not in text:
        return []
    lines = text.splitlines()
    inside = _scalar_lines(spans) if spans else {}
    found: list[Directive] = []
    for number, line in enumerate(lines, 1):
        offset = inside.get(number, 0)
        if MARKER not in line or offset < 0:
            continue
        start = _comment_start(line, offset)
        if start < 0:
            continue
        match = _DIRECTIVE.match(line, start)
        if match is None:
            continue
        rules = [part.strip() for part in match["rules"].split(",") if part.strip()]
        reason = (match["reason"] or "").strip()
        directive = Directive(match["kind"], rules, reason, number, start + 1, len(line) + 1)
        if directive.kind == "ignore" and not line[:start].strip():
            directive.first = directive.last = number + 1  # alone on its line: the line below
        found.append(directive)
    return _close_blocks(found, len(lines))


def _close_blocks(directives: list[Directive], last_line: int) -> list[Directive]:
    """Give each `disable` the lines down to the `enable` that names each of its rules."""
    kept = []
    blocks: list[Directive] = []
    for directive in directives:
        if directive.kind != "enable":
            if directive.kind == "disable":
                directive.last = last_line
                blocks.append(directive)
            kept.append(directive)
            continue
        closing = {rule.upper() for rule in directive.rules} | set(directive.rules)
        for block in blocks:
            for rule in block.rules:
                if rule not in block.ends and (rule in closing or rule.upper() in closing):
                    block.ends[rule] = directive.line
            if len(block.ends) == len(block.rules):
                block.last = max(block.ends.values())
    return kept


def _comment_start(line: str, index: int = 0) -> int:
    """The index of the `#` that starts a YAML comment on `line` (from `index`), or -1."""
    quote = ""
    length = len(line)
    while index < length:
        char = line[index]
        if quote == '"':
            if char == "\\":
                index += 1
            elif char == '"':
                quote = ""
        elif quote == "'":
            if char == "'":
                if index + 1 < length and line[index + 1] == "'":
                    index += 1
                else:
                    quote = ""
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        elif char in "\"'" and (index == 0 or line[index - 1] in " \t[{,:-?"):
            quote = char
        index += 1
    return -1


def _scalar_lines(spans: list[tuple[str, int, int, int]]) -> dict[int, int]:
    """1-based lines that multi-line block or quoted scalars hold, and where their text ends.

    -1 for a line that is all text (nothing there is a comment); for the last line of a quoted
    scalar, the column where a comment may start. `spans` are the reader's (style, first line,
    last line, end column) of each such scalar, 0-based.
    """
    lines: dict[int, int] = {}
    for style, start, end, end_column in spans:
        if style in ("|", ">"):  # ends at the start of the next line, or at the end of the file
            last = end if end_column else end - 1
            lines.update(dict.fromkeys(range(start + 2, last + 2), -1))
        else:
            lines.update(dict.fromkeys(range(start + 2, end + 1), -1))
            lines[end + 1] = end_column
    return lines


def apply(directives: list[Directive], findings: list[Finding]) -> list[Finding]:
    """The findings, those a directive with a reason silences made with their `suppression`;
    each directive notes in `used` the rules that silenced something."""
    silenced = []
    for finding in findings:
        if finding.suppression is not None or finding.code in UNSILENCEABLE:
            silenced.append(finding)
            continue
        for directive in directives:
            if not directive.reason:
                continue  # a reason is required: without one, nothing is silenced
            rule = directive.covers(finding)
            if rule is not None:
                directive.used.add(rule)
                finding = finding.replace(
                    suppression={
                        "kind": "inSource",
                        "justification": directive.reason,
                        "approved_by": None,
                        "until": None,
                    }
                )
                break
        silenced.append(finding)
    return silenced
