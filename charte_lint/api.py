"""The public API for rule packs: `Rule`, `RuleContext`, `Finding`.

A rule pack (the built-in one in `rules/`, or a third-party package) exposes a list of `Rule`
objects through the `charte_lint.rules` entry-point group. A rule never reads files, prints, or
counts lines: its `check` yields findings at JSON pointers, and the engine resolves positions.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Mapping

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:  # typing costs import time on the hot path; annotations stay strings
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

    CheckFunction = Callable[[Mapping[str, Any], "RuleContext"], Iterable["Finding"]]
    RepositoryCheckFunction = Callable[["Repository", "RuleContext"], Iterable["Finding"]]

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
LANGUAGES = ("en", "fr")
SCOPES = ("manifest", "repository")
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
        "fingerprint",
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
        # For a finding in code (no pointer): what identifies it in a baseline, lines aside.
        self.fingerprint: str | None = None

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

    `scope` is "manifest" (the default: `check(manifest, context)` runs once per manifest) or
    "repository": `check(repository, context)` runs once per linted directory when code
    detection is on, and reports at evidence in code with `context.finding_in_code`.
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
        "scope",
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
        check: CheckFunction | RepositoryCheckFunction,
        references: tuple[str, ...] = (),
        scope: str = "manifest",
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
        self.scope = scope
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
    if rule.scope not in SCOPES:
        problems.append(f"scope must be one of {', '.join(SCOPES)}")
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
        repository: Repository | None = None,
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
        # What code detection found, when it runs (a directory is linted): None otherwise.
        self.repository = repository
        self.path = ""  # the manifest's path, as linted
        self._declared: list[DeclaredUse] | None = None

    def uses(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """(pointer, use) for each use that is a mapping, e.g. ("/uses/0", {...})."""
        return iter(self._uses)

    def declared_uses(self) -> list[DeclaredUse]:
        """The manifest's uses as the cross-check with code sees them, worked out once."""
        if self._declared is None:
            self._declared = declared_uses(self.path, self.manifest, self.policy)
        return self._declared

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

    def finding_in_code(
        self,
        evidence: Evidence,
        message: str = "default",
        charter: str | None = None,
        **params: Any,
    ) -> Finding:
        """A finding of a repository rule at a piece of evidence in code."""
        finding = Finding(
            code=self.rule.code,
            name=self.rule.name,
            severity=self.rule.severity,
            pointer="",
            message=self.rule.messages[message][self.lang].format(**params),
            principle=self.rule.principle,
            charter=self.rule.charters.get(charter) if charter else None,
        )
        finding.file = evidence.file
        finding.line, finding.column = evidence.line, evidence.column
        finding.end_line, finding.end_column = evidence.line, evidence.end_column
        import hashlib

        identity = "\0".join((self.rule.code, evidence.provider, evidence.kind, evidence.text))
        finding.fingerprint = hashlib.sha256(identity.encode()).hexdigest()[:16]
        return finding


class DeclaredUse:
    """A use of a linted manifest, as the cross-check with code sees it.

    `names` are the words that say which tool it is: `tool.name`, `tool.vendor`, `tool.approved`
    and the approved-tools entry it names, `model.name`. `code` are its gitignore-style path
    patterns (`charte_lint.paths`), relative to the manifest's directory.
    """

    __slots__ = ("_prefix", "charter", "code", "hosting", "id", "manifest", "model", "names")
    __slots__ += ("pointer", "status", "tool")

    def __init__(
        self,
        manifest: str,
        pointer: str,
        use_id: str,
        status: str | None,
        tool: str,
        names: tuple[str, ...],
        model: str | None,
        code: tuple[str, ...],
        hosting: str | None,
        charter: str,
    ) -> None:
        self.manifest = manifest
        self.pointer = pointer
        self.id = use_id
        self.status = status
        self.tool = tool
        self.names = names
        self.model = model
        self.code = code
        self.hosting = hosting
        self.charter = charter
        self._prefix: str | None = None  # the manifest's directory, normalised

    @property
    def directory(self) -> str:
        return os.path.dirname(self.manifest)

    def in_directory(self, path: str) -> bool:
        """Whether the file at `path` is in the manifest's directory or below it."""
        return self._relative(path) is not None

    def covers(self, path: str) -> bool:
        """Whether the file at `path` is code this use names: one its `code` patterns match, or,
        for a use without `code`, any file in the manifest's directory or below it."""
        relative = self._relative(path)
        if relative is None:
            return False
        if not self.code:
            return True
        from charte_lint.paths import matches

        return matches(self.code, relative)

    def _relative(self, path: str) -> str | None:
        """`path` relative to the manifest's directory ('/' separators), or None when outside.

        String work on normalised paths: the cross-check asks it for every piece of evidence
        and every use, and `os.path.relpath` would ask the OS for the working directory each time.
        """
        if self._prefix is None:
            self._prefix = os.path.normpath(self.directory or ".")
        directory, path = self._prefix, os.path.normpath(path)
        if os.path.isabs(directory) != os.path.isabs(path):
            directory, path = os.path.abspath(directory), os.path.abspath(path)
        if directory == ".":
            inside = path != os.pardir and not path.startswith(os.pardir + os.sep)
            return path.replace(os.sep, "/") if inside else None
        start = directory if directory.endswith(os.sep) else directory + os.sep
        return path[len(start) :].replace(os.sep, "/") if path.startswith(start) else None


class Repository:
    """What code detection found under one linted directory, and the uses declared there."""

    def __init__(
        self,
        evidence: list[Evidence],
        code_files: list[str],
        providers: Mapping[str, Mapping[str, Any]],
        model_provider: Callable[[str], str | None],
    ) -> None:
        self.evidence = evidence
        self.code_files = code_files  # the source and dependency files detection looked at
        self.uses: list[DeclaredUse] = []  # filled once every manifest is linted
        self.providers = providers  # the signature catalogue's providers, by id
        self._model_provider = model_provider
        self._aliases: dict[str, re.Pattern[str]] = {}
        self._code_directories: set[str] | None = None
        self._by_directory: dict[str, list[DeclaredUse]] | None = None  # uses, by directory
        self._indexed = 0  # how many uses `_by_directory` holds

    def provider_name(self, provider: str) -> str:
        info = self.providers.get(provider)
        return str(info["name"]) if info else provider

    def provider_kind(self, provider: str) -> str:
        info = self.providers.get(provider)
        return str(info["kind"]) if info else "provider"

    def names_provider(self, use: DeclaredUse, provider: str) -> bool:
        """Whether the use's tool, vendor, registry entry or model names `provider`."""
        pattern = self._aliases.get(provider)
        if pattern is None:
            aliases = self.providers.get(provider, {}).get("declared_by", ())
            words = "|".join(re.escape(a) for a in aliases) or "(?!)"
            pattern = re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z0-9])", re.IGNORECASE)
            self._aliases[provider] = pattern
        if any(pattern.search(name) for name in use.names):
            return True
        return use.model is not None and self._model_provider(use.model) == provider

    def declares(self, use: DeclaredUse, evidence: Evidence) -> bool:
        """Whether `use` declares the AI use `evidence` shows.

        Only a use of a manifest in the file's directory or above it can. A use whose `code`
        globs match the file declares all the AI use in it (an OpenAI-compatible API called with
        the openai SDK, say). Elsewhere, a use declares the provider it names; a framework
        (LangChain routes to a provider) is declared by any use, and local models and runtimes
        by any self-hosted or on-device use.
        """
        if not use.in_directory(evidence.file):
            return False
        if use.code and use.covers(evidence.file):
            return True
        kind = self.provider_kind(evidence.provider)
        if kind == "framework":
            return True
        if kind == "local" and use.hosting in ("self_hosted", "on_device"):
            return True
        return self.names_provider(use, evidence.provider)

    def has_code_under(self, directory: str) -> bool:
        """Whether detection looked at any source or dependency file in `directory` or below."""
        if self._code_directories is None:  # every directory holding code, at any depth
            self._code_directories = set()
            for path in self.code_files:
                parent = _directory_key(os.path.dirname(path))
                while parent not in self._code_directories:
                    self._code_directories.add(parent)
                    above = _directory_key(os.path.dirname(parent))
                    if above == parent:
                        break
                    parent = above
        return _directory_key(directory) in self._code_directories

    def uses_above(self, path: str) -> list[DeclaredUse]:
        """The uses of the manifests in the file's directory or above it, nearest first: the
        only ones that can declare what the file shows."""
        if self._by_directory is None or self._indexed != len(self.uses):
            self._by_directory = {}
            for use in self.uses:
                directory = os.path.abspath(use.directory or ".")
                self._by_directory.setdefault(directory, []).append(use)
            self._indexed = len(self.uses)
        found: list[DeclaredUse] = []
        directory = os.path.dirname(os.path.abspath(path))
        while True:
            found.extend(self._by_directory.get(directory, ()))
            parent = os.path.dirname(directory)
            if parent == directory:
                return found
            directory = parent

    def charter_at(self, path: str) -> str | None:
        """The charter version for a finding in the file at `path`: that of the nearest manifest
        above it, else the one every manifest shares, else None."""
        above = self.uses_above(path)
        if above:
            return above[0].charter
        charters = {use.charter for use in self.uses}
        return charters.pop() if len(charters) == 1 else None

    def declaring(self, evidence: Evidence) -> list[DeclaredUse]:
        return [use for use in self.uses_above(evidence.file) if self.declares(use, evidence)]


def declared_uses(path: str, manifest: Mapping[str, Any], policy: Policy) -> list[DeclaredUse]:
    """The uses of the manifest at `path` with an `id`, as the cross-check with code sees them."""
    charter = manifest.get("charter", "private")
    declared = []
    for pointer, use in uses_of(manifest):
        use_id = use.get("id")
        tool = use.get("tool")
        if not isinstance(use_id, str) or not isinstance(tool, Mapping):
            continue
        names = [tool.get("name"), tool.get("vendor"), tool.get("approved")]
        entry = policy.approved_tool(tool)
        if entry is not None:
            names += [entry.id, entry.name, entry.vendor]
        model = get(use, "model.name")
        code = use.get("code")
        hosting = tool.get("hosting")
        status = use.get("status")
        declared.append(
            DeclaredUse(
                path,
                pointer,
                use_id,
                status if isinstance(status, str) else None,
                str(tool.get("name", "")),
                tuple(n for n in (*names, model) if isinstance(n, str) and n),
                model if isinstance(model, str) else None,
                tuple(g for g in code if isinstance(g, str) and g)
                if isinstance(code, list)
                else (),
                hosting if isinstance(hosting, str) else None,
                charter if isinstance(charter, str) else "private",
            )
        )
    return declared


def _directory_key(directory: str) -> str:
    """A directory as `has_code_under` files it: normalised, the current one as ''."""
    normal = os.path.normpath(directory) if directory else "."
    return "" if normal == "." else normal


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
    "EVIDENCE_KINDS",
    "LANGUAGES",
    "PRINCIPLES",
    "PRINCIPLE_NUMBERS",
    "SEVERITIES",
    "ApprovedTool",
    "DeclaredUse",
    "Evidence",
    "Finding",
    "Policy",
    "Repository",
    "Rule",
    "RuleContext",
    "declared_uses",
    "duration_days",
    "get",
    "parse_date",
]
