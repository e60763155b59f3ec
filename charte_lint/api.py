"""The public API for rule packs: `Rule`, `RuleContext`, `Finding`.

A rule pack (the built-in one in `rules/`, or a third-party package) exposes a list of `Rule`
objects through the `charte_lint.rules` entry-point group. A rule never reads files, prints, or
counts lines: its `check` yields findings at JSON pointers, and the engine resolves positions.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:  # typing costs import time on the hot path; annotations stay strings
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

    CheckFunction = Callable[[Mapping[str, Any], "RuleContext"], Iterable["Finding"]]

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
LANGUAGES = ("en", "fr")
CHARTERS = ("private", "public")
PRINCIPLES = (
    "value",
    "transparency",
    "data",
    "human",
    "inclusion",
    "sobriety",
    "work",
    "security",
    "cooperation",
    "vigilance",
)
# Principle numbers in each charter version (../shared/docs/charter.md). The public charter
# folds security into S9 (continuous vigilance); the private one folds vigilance into P8.
PRINCIPLE_NUMBERS: dict[str, dict[str, str | None]] = {
    "value": {"private": "P1", "public": "S1"},
    "transparency": {"private": "P2", "public": "S2"},
    "data": {"private": "P3", "public": "S3"},
    "human": {"private": "P4", "public": "S5"},
    "inclusion": {"private": "P5", "public": "S4"},
    "sobriety": {"private": "P6", "public": "S6"},
    "work": {"private": "P7", "public": "S7"},
    "security": {"private": "P8", "public": "S9"},
    "cooperation": {"private": "P9", "public": "S8"},
    "vigilance": {"private": "P8", "public": "S9"},
}

_CODE_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_DOC_SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")
EVIDENCE_KINDS = (
    "import",
    "call",
    "dependency",
    "api-key",
    "endpoint",
    "env-var",
    "model",
    "model-file",
)
"""Kinds of evidence, strongest first: one line shows one provider once, as its strongest kind."""


class Finding:
    """One problem, located by JSON pointer; the engine fills in file, use and position.

    `on_key` places the finding on the key at `pointer` rather than on its value (an unknown or
    duplicate key, a missing child reported at its parent).
    """

    __slots__ = (
        "charter",
        "code",
        "column",
        "end_column",
        "end_line",
        "file",
        "line",
        "message",
        "name",
        "on_key",
        "pointer",
        "principle",
        "severity",
        "source_line",
        "suppression",
        "use",
    )

    def __init__(
        self,
        code: str,
        name: str,
        severity: str,
        pointer: str,
        message: str,
        principle: str | None = None,
        charter: str | None = None,
        on_key: bool = False,
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.pointer = pointer
        self.message = message
        self.principle = principle
        self.charter = charter
        self.on_key = on_key
        self.use: str | None = None
        self.file = ""
        self.line = self.column = self.end_line = self.end_column = 0
        self.source_line = ""  # the text of `line`, for reporters that show it
        # Set when an inline comment or a waiver silences the finding: {"kind": "inSource" or
        # "external", "justification": str, "approved_by": str | None, "until": str | None}.
        self.suppression: dict[str, Any] | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, Any]:
        """The JSON output's shape for one finding (a public contract)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "principle": self.principle,
            "charter": self.charter,
            "use": self.use,
            "pointer": self.pointer,
            "message": self.message,
        }

    def __repr__(self) -> str:
        return f"<Finding {self.code} {self.file}:{self.line}:{self.column} {self.message!r}>"


class Evidence:
    """One place in a repository's code that shows AI use: an import, a call, a dependency...

    `provider` is a signature catalogue id (`openai`, `anthropic`, `langchain`...), `kind` one of
    `EVIDENCE_KINDS`; `line` and `column` are 1-based. `model` is a literal model name seen
    there, `secret` the masked value of a hard-coded API key (`kind == "api-key"`).
    """

    __slots__ = (
        "column",
        "end_column",
        "file",
        "kind",
        "line",
        "model",
        "provider",
        "secret",
        "text",
    )

    def __init__(
        self,
        file: str,
        line: int,
        column: int,
        end_column: int,
        provider: str,
        kind: str,
        text: str,
        model: str | None = None,
        secret: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.end_column = end_column
        self.provider = provider
        self.kind = kind
        self.text = text  # the matched source, as written (masked for an API key)
        self.model = model
        self.secret = secret

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self) -> str:
        return f"<Evidence {self.provider} {self.kind} {self.file}:{self.line}:{self.column}>"


class Rule:
    """A rule's metadata, documentation and check, as a rule pack declares it.

    `charters` gives the principle number the rule serves in each charter version, e.g.
    `{"private": "P3", "public": "S3"}`; a version left out (or `None`) means the rule does not
    run for manifests of that version. `messages` maps a message id to its English and French
    templates (`str.format` syntax); `docs` holds Markdown in both languages with the sections
    "What it does", "Why it matters", "Example" and "How to fix" (French titles in French).
    """

    __slots__ = (
        "charters",
        "check",
        "code",
        "docs",
        "messages",
        "name",
        "principle",
        "references",
        "severity",
        "summary",
    )

    def __init__(
        self,
        *,
        code: str,
        name: str,
        principle: str | None,
        charters: Mapping[str, str | None],
        severity: str,
        summary: Mapping[str, str],
        docs: Mapping[str, str],
        messages: Mapping[str, Mapping[str, str]],
        check: CheckFunction,
        references: tuple[str, ...] = (),
    ) -> None:
        self.code = code
        self.name = name
        self.principle = principle
        self.charters = dict(charters)
        self.severity = severity
        self.summary = dict(summary)
        self.docs = dict(docs)
        self.messages = {key: dict(texts) for key, texts in messages.items()}
        self.check = check
        self.references = tuple(references)
        problems = rule_problems(self)
        if problems:
            raise ValueError(f"rule {self.code!r} is malformed: " + "; ".join(problems))

    def applies_to(self, charter: str) -> bool:
        return bool(self.charters.get(charter))

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


def rule_problems(rule: Rule) -> list[str]:
    """What is wrong with a rule's metadata; empty when it is well formed."""
    problems = []
    if not _CODE_RE.match(rule.code):
        problems.append("code must be 2-5 capitals and 3 digits, e.g. DAT001")
    if not _NAME_RE.match(rule.name):
        problems.append("name must be kebab-case")
    structural = rule.code.startswith("CL")  # the engine's own findings: no principle
    if structural and (rule.principle is not None or any(rule.charters.values())):
        problems.append("CL codes are reserved for charte-lint's structural findings")
    if not structural and rule.principle not in PRINCIPLES:
        problems.append(f"principle must be one of {', '.join(PRINCIPLES)}")
    if rule.severity not in SEVERITIES:
        problems.append(f"severity must be one of {', '.join(SEVERITIES)}")
    if set(rule.charters) - set(CHARTERS) or not (structural or any(rule.charters.values())):
        problems.append("charters must map 'private' and/or 'public' to a principle number")
    for charter, number in rule.charters.items():
        expected = PRINCIPLE_NUMBERS.get(rule.principle or "", {}).get(charter)
        if number and number != expected:
            problems.append(
                f"principle {rule.principle!r} is {expected} in the {charter} charter, not {number}"
            )
    for what, texts in (("summary", rule.summary), ("docs", rule.docs)):
        if set(texts) != set(LANGUAGES):
            problems.append(f"{what} must be given in English and French")
    if "default" not in rule.messages:
        problems.append("messages must have a 'default' entry")
    for key, texts in rule.messages.items():
        if set(texts) != set(LANGUAGES):
            problems.append(f"message {key!r} must be given in English and French")
    return problems


class ApprovedTool:
    """An entry of the organisation's approved-tools registry (`approved_tools[]`)."""

    __slots__ = ("data", "id", "name", "personal_data", "regions", "special_data", "vendor")

    def __init__(self, entry: Mapping[str, Any]) -> None:
        self.id: str = entry["id"]
        self.name: str = entry["name"]
        self.vendor: str | None = entry.get("vendor")
        self.data: tuple[str, ...] = tuple(entry.get("data", ()))
        self.personal_data: bool = bool(entry.get("personal_data", False))
        self.special_data: bool = bool(entry.get("special_data", False))
        self.regions: tuple[str, ...] = tuple(entry.get("regions", ()))


class Policy:
    """What the organisation's configuration says, as rules see it.

    `approved_tools` is None when no registry is configured at all (not the same as an empty one).
    """

    __slots__ = ("approved_tools", "max_model_tier", "models", "review_every")

    def __init__(
        self,
        approved_tools: tuple[ApprovedTool, ...] | None = None,
        max_model_tier: Mapping[str, str] | None = None,
        models: Mapping[str, Mapping[str, Any]] | None = None,
        review_every: str = "P1Y",
    ) -> None:
        self.approved_tools = approved_tools
        self.max_model_tier = dict(max_model_tier or {})
        self.models = dict(models or {})
        self.review_every = review_every

    def approved_tool(self, tool: Mapping[str, Any]) -> ApprovedTool | None:
        """The registry entry a use's `tool` names, by `approved` id or by name."""
        if not self.approved_tools:
            return None
        wanted_id = tool.get("approved")
        wanted_name = str(tool.get("name", "")).casefold()
        for entry in self.approved_tools:
            if wanted_id is not None and entry.id == wanted_id:
                return entry
        for entry in self.approved_tools:
            if wanted_name and entry.name.casefold() == wanted_name:
                return entry
        return None


class RuleContext:
    """What a rule's check sees besides the manifest, and how it makes findings."""

    def __init__(
        self,
        rule: Rule,
        manifest: Mapping[str, Any],
        policy: Policy,
        lang: str = "en",
        today: _dt.date | None = None,
        uses: list[tuple[str, Mapping[str, Any]]] | None = None,
        shared: dict[Any, Any] | None = None,
    ) -> None:
        self.rule = rule
        self.manifest = manifest
        self.policy = policy
        self.lang = lang
        self.today = today or _dt.date.today()
        self.charter: str = manifest.get("charter", "private")
        self._uses = uses if uses is not None else uses_of(manifest)
        # One dict for every rule checking this manifest in this run: facts derived once (for
        # example a use's AI Act classification) and asked by several rules.
        self.shared: dict[Any, Any] = shared if shared is not None else {}

    def uses(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """(pointer, use) for each use that is a mapping, e.g. ("/uses/0", {...})."""
        return iter(self._uses)

    def finding(self, pointer: str, message: str = "default", **params: Any) -> Finding:
        """A finding of this rule at `pointer`, its message rendered in the run's language."""
        template = self.rule.messages[message][self.lang]
        return Finding(
            code=self.rule.code,
            name=self.rule.name,
            severity=self.rule.severity,
            pointer=pointer,
            message=template.format(**params),
            principle=self.rule.principle,
            charter=self.rule.charters.get(self.charter),
        )


def uses_of(manifest: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """(pointer, use) for each use of `manifest` that is a mapping."""
    uses = manifest.get("uses")
    if not isinstance(uses, list):
        return []
    return [(f"/uses/{i}", use) for i, use in enumerate(uses) if isinstance(use, Mapping)]


_PATHS: dict[str, tuple[str, ...]] = {}
_MISSING = object()


def get(data: Any, path: str, default: Any = None) -> Any:
    """`get(use, "data.personal")`: a nested value, or `default` where any step is missing."""
    parts = _PATHS.get(path)
    if parts is None:  # rules ask for a few dozen paths, millions of times: split each once
        parts = _PATHS[path] = tuple(path.split("."))
    for part in parts:
        if type(data) is not dict and not isinstance(data, Mapping):  # dict first: fast path
            return default
        data = data.get(part, _MISSING)
        if data is _MISSING:
            return default
    return data


def parse_date(value: Any) -> _dt.date | None:
    """An ISO 8601 date (`2026-03-01`), or None when the value is not one."""
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        return None


_DURATION_RE = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)


def duration_days(value: Any) -> int | None:
    """Whole days in an ISO 8601 duration (`P1Y` = 365, `P6M` = 182), or None if not one."""
    match = _DURATION_RE.match(str(value)) if value not in (None, "P", "PT") else None
    if not match:
        return None
    years, months, weeks, days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    total = years * 365 + months * 365 // 12 + weeks * 7 + days
    return total + (hours * 3600 + minutes * 60 + seconds) // 86400


__all__ = [
    "CHARTERS",
    "LANGUAGES",
    "PRINCIPLES",
    "PRINCIPLE_NUMBERS",
    "SEVERITIES",
    "ApprovedTool",
    "Finding",
    "Policy",
    "Rule",
    "RuleContext",
    "duration_days",
    "get",
    "parse_date",
]
