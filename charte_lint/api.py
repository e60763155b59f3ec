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

    from charte_lint.content import RuleText
    from charte_lint.law import Law

    CheckFunction = Callable[["RuleContext"], Iterable["Finding"]]

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SCOPES = ("manifest", "repository")
CHARTERS = ("private", "public")
STATUSES = ("idea", "design", "pilot", "production", "retired")
IN_SERVICE = ("pilot", "production")
"""A pilot is a use: it is put into service on real cases (AI Act art. 3(11)), and the duties
that bind "before use" bind before the pilot."""
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

_CODE_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
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


_PLACEMENT = (
    "use",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "source_line",
    "suppression",
    "fingerprint",
    "legal",
    "related",
    "subject",
)
_FIELDS: tuple[str, ...]  # of any length: grown on the next line
_FIELDS = ("code", "name", "severity", "pointer", "message", "principle", "charter", "on_key")
_FIELDS += _PLACEMENT


class _FindingFields:
    """A Finding's storage, writable only while a Finding is being made (see `Finding.__new__`)."""

    __slots__ = _FIELDS

    code: str
    name: str
    severity: str
    pointer: str
    message: str
    principle: str | None
    charter: str | None
    on_key: bool
    use: str | None
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    source_line: str
    suppression: dict[str, Any] | None
    fingerprint: str | None
    legal: dict[str, Any] | None
    related: tuple[Related, ...]
    subject: str | None


_new = object.__new__


class Related(tuple):  # type: ignore[type-arg]  # a named tuple, without importing typing
    """Another place in code that a finding is about: (file, line, column, end_column, text).

    A finding in code stands for every line of one file where one provider shows (one finding
    per file and provider, not one per line); it is placed at the first, and the others are
    its related places, with `text` saying what is there (`call `client.chat...``), in the
    run's language. Immutable and picklable, as a tuple.
    """

    __slots__ = ()

    def __new__(cls, file: str, line: int, column: int, end_column: int, text: str) -> Related:
        return tuple.__new__(cls, (file, line, column, end_column, text))

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)

    @property
    def file(self) -> str:
        return str(self[0])

    @property
    def line(self) -> int:
        return int(self[1])

    @property
    def column(self) -> int:
        return int(self[2])

    @property
    def end_column(self) -> int:
        return int(self[3])

    @property
    def text(self) -> str:
        return str(self[4])

    def as_dict(self) -> dict[str, Any]:
        """The JSON output's shape for a related place (a public contract)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_column": self.end_column,
            "text": self.text,
        }

    def __repr__(self) -> str:
        return f"<Related {self.file}:{self.line}:{self.column} {self.text!r}>"


class Finding(_FindingFields):
    """One problem, located by JSON pointer; immutable once made.

    A rule makes it at a pointer (`RuleContext.finding`); the engine makes placed copies with
    the file, use, position, severity and source line (`placed`), or silenced ones (`replace`).
    `on_key` places the finding on the key at `pointer` rather than on its value (an unknown or
    duplicate key, a missing child reported at its parent). `suppression` is set when an inline
    comment or a waiver silences the finding: {"kind": "inSource" or "external",
    "justification": str, "approved_by": str | None, "until": str | None}. `fingerprint` is a
    short hash of what the finding is about, for its identity (`charte_lint.identity`): the
    value at the pointer in a manifest, the evidence for a finding in code. `legal` is set
    on a finding that rests on a legal duty (`RuleContext.finding(..., duty=...)`):
    {"duty", "instrument", "cite", "binds_from", "in_force"}.

    `related` are the other places of a finding in code (`Related`): one finding stands for
    every line of one file where one provider shows, placed at the first. `subject` says, for
    a finding in code, what it is about as a reader names it ("OpenAI", "Anthropic via Vercel
    AI Gateway"): the text report's first-run summary counts files by it.
    """

    __slots__ = ()

    def __new__(
        cls,
        code: str,
        name: str,
        severity: str,
        pointer: str,
        message: str,
        principle: str | None = None,
        charter: str | None = None,
        on_key: bool = False,
        *,
        use: str | None = None,
        file: str = "",
        line: int = 0,
        column: int = 0,
        end_line: int = 0,
        end_column: int = 0,
        source_line: str = "",
        suppression: dict[str, Any] | None = None,
        fingerprint: str | None = None,
        legal: dict[str, Any] | None = None,
        related: tuple[Related, ...] = (),
        subject: str | None = None,
    ) -> Finding:
        # Filled as a plain slotted object, then made a Finding: five times faster than
        # object.__setattr__ per field, and a run makes tens of thousands of findings.
        self = _new(_FindingFields)
        self.code = code
        self.name = name
        self.severity = severity
        self.pointer = pointer
        self.message = message
        self.principle = principle
        self.charter = charter
        self.on_key = on_key
        self.use = use
        self.file = file
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.source_line = source_line  # the text of `line`, for reporters that show it
        self.suppression = suppression
        self.fingerprint = fingerprint
        self.legal = legal
        self.related = related
        self.subject = subject
        self.__class__ = cls
        return self  # type: ignore[return-value]  # a Finding now: mypy cannot see __class__ set

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Finding is immutable: use replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Finding is immutable")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_finding, tuple(getattr(self, name) for name in _FIELDS))

    def placed(
        self,
        severity: str,
        file: str,
        use: str | None,
        position: tuple[int, int, int, int],
        source_line: str,
        fingerprint: str | None,
    ) -> Finding:
        """This finding in a file: with its severity, use, position (line, column, end line,
        end column), source line and fingerprint."""
        line, column, end_line, end_column = position
        return Finding(
            self.code,
            self.name,
            severity,
            self.pointer,
            self.message,
            self.principle,
            self.charter,
            self.on_key,
            use=use,
            file=file,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            source_line=source_line,
            suppression=self.suppression,
            fingerprint=fingerprint if fingerprint is not None else self.fingerprint,
            legal=self.legal,
            related=self.related,
            subject=self.subject,
        )

    def replace(self, **changes: Any) -> Finding:
        """A copy with some fields changed, e.g. `finding.replace(suppression=record)`."""
        values = {name: getattr(self, name) for name in _FIELDS}
        values.update(changes)
        return Finding(**values)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, Any]:
        """The JSON output's shape for one finding (a public contract); `legal` only on a
        finding that rests on a legal duty, `related` only on a finding in code with more
        than one place."""
        shape = {
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
        if self.legal is not None:
            shape["legal"] = self.legal
        if self.related:
            shape["related"] = [place.as_dict() for place in self.related]
        return shape

    def __repr__(self) -> str:
        return f"<Finding {self.code} {self.file}:{self.line}:{self.column} {self.message!r}>"


def _finding(*values: Any) -> Finding:
    """A Finding from its fields in `_FIELDS` order (how pickle rebuilds one)."""
    return Finding(*values[:8], **dict(zip(_PLACEMENT, values[8:], strict=True)))


class Evidence:
    """One place in a repository's code that shows AI use: an import, a call, a dependency...

    `provider` is a signature catalogue id (`openai`, `anthropic`, `langchain`...), `kind` one of
    `EVIDENCE_KINDS`; `line` and `column` are 1-based. `model` is a literal model name seen
    there, without its provider prefix (`claude-sonnet-4.5` for `anthropic/claude-sonnet-4.5`);
    `secret` the masked value of a hard-coded API key (`kind == "api-key"`). `via` is the
    catalogue id of the gateway or router the provider is reached through (provider
    `anthropic`, via `vercel-ai-gateway`), or None when the code calls the provider directly.
    An OpenAI client with a base URL is never provider `openai`: it is the endpoint the URL,
    a variable's name or the file names (`albert`, `scaleway`...), else `openai-compatible`.
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
        "via",
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
        via: str | None = None,
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
        self.via = via

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self) -> str:
        return f"<Evidence {self.provider} {self.kind} {self.file}:{self.line}:{self.column}>"


class Rule:
    """A rule as a pack declares it: its identity, its principle, its check and its options.

    Everything a person reads (summary, messages, documentation, references, examples) lives in
    files under `content` (by default the `content/` folder beside the module that defines the
    check; see `charte_lint.content`). `charters` names the charter versions the rule runs for;
    the principle numbers come from the charter catalogue.

    `check(ctx)` yields findings made with `ctx.finding(...)`. With `scope="manifest"` (the
    default) it runs once per manifest; with `scope="repository"` once per linted directory when
    code detection is on, reporting at evidence with `ctx.finding_in_code(...)`. `options` are the
    rule's own settings with their defaults, checked against `options_schema` (a JSON Schema for
    one object) when an organisation's configuration sets them.

    `reads` names the manifest facts the check reads (`data.subjects`, `settings`...), and
    `duties` the legal duties of the calendar (`charte_lint/content/law.yaml`) it may rest on;
    both are shown by `--explain` and the rules reference. `charter_severity` is the severity
    of a finding whose legal duty does not bind yet (or not in the organisation's country):
    the charter still asks for it, the law not yet (by default, `warning` for an `error` rule).
    `statuses` names the use statuses the rule checks (`ctx.uses()` yields only those uses, and
    uses whose status is missing or unknown); None checks every use.
    """

    __slots__ = (
        "_numbers",
        "charter_severity",
        "check",
        "code",
        "content",
        "duties",
        "name",
        "options",
        "options_schema",
        "principle",
        "reads",
        "scope",
        "severity",
        "statuses",
        "versions",
    )

    def __init__(
        self,
        *,
        code: str,
        name: str,
        principle: str | None,
        severity: str,
        check: CheckFunction,
        charters: Iterable[str] = CHARTERS,
        scope: str = "manifest",
        options: Mapping[str, Any] | None = None,
        options_schema: Mapping[str, Any] | None = None,
        content: str | None = None,
        reads: Iterable[str] = (),
        duties: Iterable[str] = (),
        charter_severity: str | None = None,
        statuses: Iterable[str] | None = None,
    ) -> None:
        self.code = code
        self.name = name
        self.principle = principle
        self.severity = severity
        self.check = check
        self.versions = tuple(charters) if principle is not None else ()
        self.scope = scope
        self.options = dict(options or {})
        self.options_schema = dict(options_schema or {"type": "object"})
        self.content = content or _content_beside(check)
        self.reads = tuple(reads)
        self.duties = tuple(duties)
        if charter_severity is None:
            charter_severity = "warning" if severity == "error" else severity
        self.charter_severity = charter_severity
        self.statuses = tuple(statuses) if statuses is not None else None
        self._numbers: dict[str, str | None] | None = None
        problems = rule_problems(self)
        if problems:
            raise ValueError(f"rule {self.code!r} is malformed: " + "; ".join(problems))

    @property
    def charters(self) -> dict[str, str | None]:
        """The principle number in each charter version, None where the rule does not run."""
        if self._numbers is None:  # asked for every rule and manifest: worked out once
            from charte_lint.content import principle_number

            self._numbers = {
                charter: principle_number(self.principle, charter)
                if charter in self.versions
                else None
                for charter in CHARTERS
            }
        return self._numbers

    def applies_to(self, charter: str) -> bool:
        return charter in self.versions

    def text(self, lang: str) -> RuleText:
        """The rule's content in `lang`, English filling what that language lacks."""
        from charte_lint.content import rule_text

        return rule_text(self.content, self.code, lang)

    def message(self, key: str, lang: str) -> str:
        """The template of message `key` in `lang` (`str.format` placeholders)."""
        messages = self.text(lang).messages
        if key not in messages:
            raise KeyError(f"rule {self.code} has no message {key!r} in {self.content}")
        return messages[key]

    @property
    def messages(self) -> _Messages:
        """`rule.messages[key][lang]`: a message template, read from the content files."""
        return _Messages(self)

    @property
    def summary(self) -> _PerLanguage:
        return _PerLanguage(lambda lang: self.text(lang).summary)

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


class _PerLanguage:
    """`value[lang]` computed on demand: content is read only for what a run shows."""

    __slots__ = ("_get",)

    def __init__(self, get: Callable[[str], str]) -> None:
        self._get = get

    def __getitem__(self, lang: str) -> str:
        return self._get(lang)


class _Messages:
    __slots__ = ("_rule",)

    def __init__(self, rule: Rule) -> None:
        self._rule = rule

    def __getitem__(self, key: str) -> _PerLanguage:
        return _PerLanguage(lambda lang: self._rule.message(key, lang))

    def __contains__(self, key: str) -> bool:
        from charte_lint.content import REFERENCE_LANGUAGE

        return key in self._rule.text(REFERENCE_LANGUAGE).messages


def rule(
    code: str,
    name: str,
    *,
    principle: str | None,
    severity: str,
    charters: Iterable[str] = CHARTERS,
    scope: str = "manifest",
    options: Mapping[str, Any] | None = None,
    options_schema: Mapping[str, Any] | None = None,
    content: str | None = None,
    reads: Iterable[str] = (),
    duties: Iterable[str] = (),
    charter_severity: str | None = None,
    statuses: Iterable[str] | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule on its check: `@rule("DAT001", "legal-basis-missing", principle="data",
    severity="error")` above `def legal_basis_missing(ctx): ...` makes that name the `Rule`."""

    def declare(check: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            principle=principle,
            severity=severity,
            check=check,
            charters=charters,
            scope=scope,
            options=options,
            options_schema=options_schema,
            content=content,
            reads=reads,
            duties=duties,
            charter_severity=charter_severity,
            statuses=statuses,
        )

    return declare


def _content_beside(check: Any) -> str:
    """The `content/` folder beside the module that defines `check`."""
    import sys

    module = sys.modules.get(getattr(check, "__module__", ""), None)
    where = getattr(module, "__file__", None) or "."
    return os.path.join(os.path.dirname(os.path.abspath(where)), "content")


def rule_problems(rule: Rule) -> list[str]:
    """What is wrong with a rule's declaration; empty when it is well formed."""
    problems = []
    if not _CODE_RE.match(rule.code):
        problems.append("code must be 2-5 capitals and 3 digits, e.g. DAT001")
    if not _NAME_RE.match(rule.name):
        problems.append("name must be kebab-case")
    structural = rule.code.startswith("CL")  # the engine's own findings: no principle
    if structural and rule.principle is not None:
        problems.append("CL codes are reserved for charte-lint's structural findings")
    if not structural and rule.principle not in PRINCIPLES:
        problems.append(f"principle must be one of {', '.join(PRINCIPLES)}")
    if rule.charter_severity not in SEVERITIES:
        problems.append(f"charter_severity must be one of {', '.join(SEVERITIES)}")
    if rule.severity not in SEVERITIES:
        problems.append(f"severity must be one of {', '.join(SEVERITIES)}")
    if set(rule.versions) - set(CHARTERS) or not (structural or rule.versions):
        problems.append(f"charters must name one or more of {', '.join(CHARTERS)}")
    if rule.scope not in SCOPES:
        problems.append(f"scope must be one of {', '.join(SCOPES)}")
    if not callable(rule.check):
        problems.append("check must be a function of the rule context")
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

    __slots__ = ("approved_tools", "legal_dates", "max_model_tier", "models", "review_every")

    def __init__(
        self,
        approved_tools: tuple[ApprovedTool, ...] | None = None,
        max_model_tier: Mapping[str, str] | None = None,
        models: Mapping[str, Mapping[str, Any]] | None = None,
        review_every: str = "P1Y",
        legal_dates: Mapping[str, _dt.date] | None = None,
    ) -> None:
        self.approved_tools = approved_tools
        # The organisation's reading of the legal calendar: a duty's date, by duty key.
        self.legal_dates = dict(legal_dates or {})
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
        self._by_statuses: dict[tuple[str, ...], list[tuple[str, Mapping[str, Any]]]] = {}
        # One dict for every rule checking this manifest in this run: facts derived once (for
        # example a use's AI Act classification) and asked by several rules.
        self.shared: dict[Any, Any] = shared if shared is not None else {}
        # What code detection found, when it runs (a directory is linted): None otherwise.
        self.repository = repository
        self.path = ""  # the manifest's path, as linted
        self.configured: Mapping[str, Mapping[str, Any]] = {}  # rule options, by code or name
        self._declared: list[DeclaredUse] | None = None
        self._law: Law | None = None

    @property
    def law(self) -> Law:
        """The law of the organisation's country (`organisation.country`, default `FR`) and
        sector, with the configuration's `legal_dates`: which instruments apply, which duties
        bind and from when (`charte_lint.law`)."""
        if self._law is None:
            from charte_lint.law import Law, organisation_country

            self._law = Law(
                organisation_country(self.manifest),
                _sector(self.manifest),
                self.policy.legal_dates,
            )
        return self._law

    def uses(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """(pointer, use) for each use that is a mapping, e.g. ("/uses/0", {...}), among the
        statuses the rule checks (`Rule.statuses`; a use without a known status is checked)."""
        statuses = self.rule.statuses
        if statuses is None:
            return iter(self._uses)
        # Most rules check one of a few sets of statuses: each set is picked out once.
        chosen = self._by_statuses.get(statuses)
        if chosen is None:
            chosen = self._by_statuses[statuses] = [
                pair  # the same (pointer, use) pairs, not copies of them
                for pair in self._uses
                if pair[1].get("status") in statuses or pair[1].get("status") not in STATUSES
            ]
        return iter(chosen)

    def declared_uses(self) -> list[DeclaredUse]:
        """The manifest's uses as the cross-check with code sees them, worked out once."""
        if self._declared is None:
            self._declared = _declared_uses(self.path, self.manifest, self.policy)
        return self._declared

    @property
    def options(self) -> dict[str, Any]:
        """The rule's options: its defaults, overridden by the configuration (`options:`)."""
        rule = self.rule
        configured = self.configured.get(rule.code) or self.configured.get(rule.name) or {}
        return {**rule.options, **configured}

    def term(self, group: str, key: str) -> str:
        """A word the rule's pack keeps in `content/LANG/terms.yaml`, in the run's language:
        `ctx.term("annex_iii_areas", "4")` -> "employment and workers management"."""
        from charte_lint.content import terms

        return terms(self.rule.content, self.lang)[group][key]

    def terms(self, group: str, keys: Iterable[str]) -> str:
        """Several terms of `group`, joined with the language's list separator."""
        separator = self.term("separators", "list")
        return separator.join(self.term(group, key) for key in keys)

    def finding(
        self,
        pointer: str,
        message: str = "default",
        *,
        duty: str | None = None,
        use: Mapping[str, Any] | None = None,
        charter_only: bool = False,
        **params: Any,
    ) -> Finding:
        """A finding of this rule at `pointer`, its message rendered in the run's language.

        With `duty` (a key of the legal calendar), the finding rests on that duty as it binds
        the organisation: in force at the run's date, it keeps the rule's severity; not yet in
        force (for `use`, which may be under a transitional rule), or not law in the
        organisation's country, it takes the rule's `charter_severity` and the message says
        from when the duty binds. The message's `{cite}` placeholder is the duty's citation.
        `charter_only=True`: the charter asks for it, no law does here (e.g. the use is not an
        AI system in the AI Act's sense): the rule's `charter_severity`, no legal record.
        """
        rule = self.rule
        severity = rule.severity
        legal = None
        suffix = ""
        if charter_only:
            severity = rule.charter_severity
        elif duty is not None:
            severity, legal, suffix = self._legal_standing(duty, use or {}, params)
        template = rule.message(message, self.lang)  # `rule.messages[message][lang]`
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=severity,
            pointer=pointer,
            message=template.format(**params) + suffix,
            principle=rule.principle,
            charter=rule.charters.get(self.charter),
            legal=legal,
        )

    def _legal_standing(
        self, key: str, use: Mapping[str, Any], params: dict[str, Any]
    ) -> tuple[str, dict[str, Any] | None, str]:
        """(severity, the finding's `legal` record, what the message adds) for duty `key`."""
        from charte_lint.messages import t

        rule = self.rule
        duty = self.law.duty(key)
        if duty is None:
            params.setdefault("cite", "")
            return rule.charter_severity, None, ""
        params.setdefault("cite", duty.cite(self.lang))
        public = _sector(self.manifest) in ("public_body", "private_public_service")
        binds = duty.binds_from(use, public, self.today)
        status = use.get("status")
        in_service = status in IN_SERVICE or status not in STATUSES
        in_force = binds is not None and binds <= self.today and in_service
        legal = {
            "duty": key,
            "instrument": duty.instrument.key,
            "cite": duty.cite("en"),
            "binds_from": binds.isoformat() if binds else None,
            "in_force": in_force,
        }
        if in_force:
            if duty.transitional and get(use, "dates.start") is None and use:
                # bound from the date of application on, unless it was in service before it: the
                # manifest does not say, and `dates.start` settles it (art. 111(2)); moot once
                # a system in service before is bound too (public authorities, from 2030)
                earlier = duty.binds_from({"dates": {"start": "0001-01-01"}}, public)
                if earlier is not None and earlier <= self.today:
                    return rule.severity, legal, ""
                note = t(
                    self.lang, " (unless it was in service before {date}: declare `dates.start`)"
                ).format(date=duty.start.isoformat())
                return rule.severity, legal, note
            return rule.severity, legal, ""
        if binds is not None and binds <= self.today:
            # the law binds, but the use is not in service yet: nothing is breached yet
            note = t(self.lang, " (legal duty before the use starts)")
        elif binds is None:
            note = t(
                self.lang, " (legal duty only once its design changes significantly: {cite})"
            ).format(cite=duty.transitional_cite(self.lang))
        else:
            note = t(self.lang, " (legal duty from {date})").format(date=binds.isoformat())
        return rule.charter_severity, legal, note

    def finding_in_code(
        self,
        evidence: Evidence,
        message: str = "default",
        charter: str | None = None,
        *,
        per_file: bool = False,
        related: Iterable[Related] = (),
        subject: str | None = None,
        **params: Any,
    ) -> Finding:
        """A finding of a repository rule at a piece of evidence in code.

        `per_file=True`: the finding stands for every place in the file where the evidence's
        provider shows (through the same gateway, `via`): `evidence` is the first, `related`
        the others, and its identity is the rule, the file, the provider and the gateway, so
        that it stays the same finding (for a baseline, GitLab, SARIF) when lines of the file
        are added, moved or removed. Otherwise its identity is the evidence's provider, kind
        and text. `subject` names what it is about for a reader ("Anthropic via Vercel AI
        Gateway"): the text report's first-run summary counts files by it.
        """
        import hashlib

        if per_file:
            via = getattr(evidence, "via", None) or ""  # Evidence.via: the "detect" helper's
            parts: tuple[str, ...] = ("per file", evidence.provider, via)
        else:
            parts = (evidence.provider, evidence.kind, evidence.text)
        identity = "\0".join((self.rule.code, *parts))
        return Finding(
            code=self.rule.code,
            name=self.rule.name,
            severity=self.rule.severity,
            pointer="",
            message=self.rule.messages[message][self.lang].format(**params),
            principle=self.rule.principle,
            charter=self.rule.charters.get(charter) if charter else None,
            file=evidence.file,
            line=evidence.line,
            column=evidence.column,
            end_line=evidence.line,
            end_column=evidence.end_column,
            fingerprint=hashlib.sha256(identity.encode()).hexdigest()[:16],
            related=tuple(related),
            subject=subject,
        )


class DeclaredUse:
    """A use of a linted manifest, as the cross-check with code sees it.

    `names` are the words that say which tool it is: `tool.name`, `tool.vendor`, `tool.approved`
    and the approved-tools entry it names, `model.name`. `code` are its gitignore-style path
    patterns (`charte_lint.paths`), relative to the manifest's directory.
    """

    __slots__ = (
        "_prefix",
        "charter",
        "code",
        "hosting",
        "id",
        "manifest",
        "model",
        "names",
        "pointer",
        "status",
        "tool",
    )

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
        uses: Iterable[DeclaredUse] = (),
    ) -> None:
        self.evidence = evidence
        self.code_files = code_files  # the source and dependency files detection looked at
        self.uses: list[DeclaredUse] = list(uses)  # none while the manifests are being linted
        self.providers = providers  # the signature catalogue's providers, by id
        self._model_provider = model_provider
        self._aliases: dict[str, re.Pattern[str]] = {}
        self._code_directories: set[str] | None = None
        self._by_directory: dict[str, list[DeclaredUse]] | None = None  # uses, by directory
        self._indexed = 0  # how many uses `_by_directory` holds

    def with_uses(self, uses: Iterable[DeclaredUse]) -> Repository:
        """The same evidence with the uses the linted manifests declare: the project phase's."""
        return Repository(
            self.evidence, self.code_files, self.providers, self._model_provider, uses
        )

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


def _declared_uses(path: str, manifest: Mapping[str, Any], policy: Policy) -> list[DeclaredUse]:
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


def _sector(manifest: Mapping[str, Any]) -> str:
    """`organisation.sector`, or its default from the charter version."""
    value = get(manifest, "organisation.sector")
    if value in ("private", "public_body", "private_public_service"):
        return str(value)
    return "public_body" if manifest.get("charter") == "public" else "private"


def uses_of(manifest: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """(pointer, use) for each use of `manifest` that is a mapping."""
    uses = manifest.get("uses")
    if not isinstance(uses, list):
        return []
    return [
        (f"/uses/{i}", use)
        for i, use in enumerate(uses)
        if type(use) is dict or isinstance(use, Mapping)
    ]


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


def string_values(data: Any, keep: Callable[[str], object]) -> list[tuple[list[Any], str]]:
    """(path, text) of every string value in `data` (nested mappings and lists) that `keep`
    accepts, in document order; a path is the keys and indexes from the top, e.g.
    `["uses", 0, "purpose", "need"]` (`charte_lint.pointer.join` makes it a JSON pointer)."""
    found: list[tuple[list[Any], str]] = []
    if isinstance(data, (Mapping, list)):
        _visit_strings(data, keep, found, [])
    return found


def _visit_strings(
    value: Any, keep: Callable[[str], object], found: list[tuple[list[Any], str]], path: list[Any]
) -> None:
    # This visits every value of every manifest: exact types first, and the ABC checks
    # (`Mapping`, slow) only for a type a YAML reader does not make. A module function, not a
    # closure: a closure that calls itself lives until a cyclic collection, and a run (gc
    # disabled) never makes one, so every list it found would stay in memory.
    kind = type(value)
    mapping = kind is dict or (kind is not list and isinstance(value, Mapping))
    for key, item in value.items() if mapping else enumerate(value):
        kind = type(item)
        if kind is str:
            if keep(item):
                found.append(([*path, key], item))
        elif kind is dict or kind is list:
            path.append(key)
            _visit_strings(item, keep, found, path)
            path.pop()
        elif kind in _SCALARS:
            continue
        elif isinstance(item, str):
            if keep(item):
                found.append(([*path, key], item))
        elif isinstance(item, (Mapping, list)):
            path.append(key)
            _visit_strings(item, keep, found, path)
            path.pop()


_SCALARS = frozenset((bool, int, float, type(None), _dt.date, _dt.datetime))
"""The types of the values a YAML reader makes that hold no string."""


def parse_date(value: Any) -> _dt.date | None:
    """An ISO 8601 date (`2026-03-01`), or None when the value is not one."""
    if isinstance(value, _dt.date):
        return value
    if value is None:  # a missing value, most often: no exception to raise and catch
        return None
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
    "PRINCIPLES",
    "SEVERITIES",
    "ApprovedTool",
    "DeclaredUse",
    "Evidence",
    "Finding",
    "Policy",
    "Related",
    "Repository",
    "Rule",
    "RuleContext",
    "duration_days",
    "get",
    "parse_date",
    "rule",
    "string_values",
]
