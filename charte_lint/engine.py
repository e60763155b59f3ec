"""load -> validate -> run rules -> select and set severities -> positioned findings.

`lint_file(path, raw, config, settings)` lints one file and returns a FileResult: a value, which
forked workers send back as it is. The engine is the only place that knows about files,
positions and configuration; rules see a manifest and a policy, reporters see findings. A rule's
check is called in one place (`_call_check`); a rule that raises is one CL000 finding.
"""

from __future__ import annotations

import datetime as _dt
import os

from charte_lint.api import (
    CHARTERS,
    SEVERITY_RANK,
    Finding,
    RuleContext,
    string_values,
    uses_of,
)
from charte_lint.identity import value_fingerprint
from charte_lint.manifest import read_manifest
from charte_lint.pointer import use_index
from charte_lint.registry import matches
from charte_lint.structure import RULE_CRASH

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TypedDict

    from charte_lint.api import DeclaredUse, Repository, Rule
    from charte_lint.config import Config
    from charte_lint.manifest import Manifest

    class _Position(TypedDict, total=False):
        """Where an engine finding is when it is not at its pointer: `Finding` keywords."""

        line: int
        column: int
        end_line: int
        end_column: int


def _today() -> _dt.date:
    """The date rules compare with; `CHARTE_LINT_TODAY=2026-11-29` makes runs reproducible."""
    pinned = os.environ.get("CHARTE_LINT_TODAY")
    if pinned:
        try:
            return _dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return _dt.date.today()


class FileResult:
    """What linting one file gives: a value, built once and never appended to afterwards.

    `findings` are placed, selected and sorted; `declared_uses` are the manifest's uses as the
    cross-check with code sees them (only when code detection found evidence to check them
    against); `error` says why the file could not be read (then there is nothing else);
    `code_waivers` the manifest's waivers that may cover findings in code, applied once those
    are known (`waive_code`).
    """

    __slots__ = ("code_waivers", "declared_uses", "error", "findings", "path")

    def __init__(
        self,
        path: str,
        findings: list[Finding],
        declared_uses: tuple[DeclaredUse, ...] = (),
        error: str | None = None,
        code_waivers: tuple[CodeWaiver, ...] = (),
    ) -> None:
        self.path = path
        self.findings = findings
        self.declared_uses = declared_uses
        self.error = error
        self.code_waivers = code_waivers

    @property
    def fingerprints(self) -> dict[str, str]:
        """Pointer -> fingerprint of the value there, for the findings that have one."""
        return {f.pointer: f.fingerprint for f in self.findings if f.fingerprint is not None}

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (
            FileResult,
            (self.path, self.findings, self.declared_uses, self.error, self.code_waivers),
        )

    def __repr__(self) -> str:
        return f"<FileResult {self.path} {len(self.findings)} finding(s)>"


class CodeWaiver:
    """A manifest's waiver that may cover findings in code: one naming a rule that reports in
    code (TRN008, DAT015) or with a `path`. It covers a finding of its rule in a file under the
    manifest's directory that its `path` (gitignore-style, relative to that directory) matches,
    or, without `path`, any such file when its `use` is `*`. `unused` is its CL202 finding, for
    when it covers nothing (None when CL202 is not checked)."""

    __slots__ = ("directory", "path", "record", "rule", "unused", "use")

    def __init__(
        self,
        rule: str,
        use: str,
        path: str | None,
        record: dict[str, Any],
        directory: str,
        unused: Finding | None = None,
    ) -> None:
        self.rule = rule
        self.use = use
        self.path = path
        self.record = record
        self.directory = directory
        self.unused = unused

    def covers(self, finding: Finding) -> bool:
        from charte_lint.paths import matches
        from charte_lint.suppressions import UNSILENCEABLE, names_rule

        if finding.use is not None or finding.code in UNSILENCEABLE:
            return False  # a finding in a manifest: that manifest's waivers decided
        if not names_rule(self.rule, finding):
            return False
        relative = os.path.relpath(os.path.abspath(finding.file), os.path.abspath(self.directory))
        relative = relative.replace(os.sep, "/")
        if relative == ".." or relative.startswith("../"):
            return False
        return matches([self.path], relative) if self.path else self.use == "*"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (
            CodeWaiver,
            (self.rule, self.use, self.path, self.record, self.directory, self.unused),
        )


def waive_code(
    findings: list[Finding], results: Iterable[FileResult], reported: set[str]
) -> list[Finding]:
    """Findings in code, those a manifest's waiver covers silenced (`CodeWaiver`), then the
    CL202 findings of the waivers of the `reported` manifests that covered nothing."""
    waivers = [(result.path, w) for result in results for w in result.code_waivers]
    used: set[int] = set()
    waived = []
    for finding in findings:
        for index, (_, waiver) in enumerate(waivers):
            if waiver.covers(finding):
                used.add(index)
                if finding.suppression is None:
                    finding = finding.replace(suppression=waiver.record)
        waived.append(finding)
    for index, (path, waiver) in enumerate(waivers):
        if index not in used and path in reported and waiver.unused is not None:
            waived.append(waiver.unused)
    return waived


class Linter:
    """The settings of a run, and what it builds once from them: the rules, the schema
    validator, the selection of rules per configuration. Linting a file changes none of it.

    `fingerprints`: give each finding the fingerprint of the value it is about (for a
    baseline, GitLab or SARIF). `repository`: what code detection found, for the rules that
    compare the manifest with the code (None when detection is off).
    """

    def __init__(
        self,
        rules: list[Rule] | None = None,
        lang: str = "en",
        select: list[str] | None = None,
        ignore: Iterable[str] = (),
        today: _dt.date | None = None,
        suppressions: bool = True,
        fingerprints: bool = False,
        repository: Repository | None = None,
    ) -> None:
        if rules is None:
            from charte_lint.registry import load_rules

            rules = load_rules()
        self.rules = rules
        self.lang = lang
        self.select = select
        self.ignore = list(ignore)
        self.today = today or _today()
        self.suppressions = suppressions  # False: `--no-suppressions`, comments and waivers ignored
        self.fingerprints = fingerprints
        self.repository = repository
        self._validator: Any = None
        self._selection: dict[int, tuple[dict[str, str], list[Rule]]] = {}
        self._codes: dict[str, str] | None = None
        self._defaults: dict[str, str] | None = None

    @property
    def validator(self) -> Any:
        if self._validator is None:
            from charte_lint.schema import Validator, load_schema

            self._validator = Validator(load_schema("ai-usage.schema.json"))
        return self._validator

    def selection(self, config: Config) -> tuple[dict[str, str], list[Rule]]:
        """(severity by code for enabled rules, enabled principle rules) under `config`.

        CL000 (a rule that crashed) is always enabled: a crash never goes unreported.
        """
        cached = self._selection.get(id(config))
        if cached is not None:
            return cached
        _check_config_selectors(self.rules, config)
        select = self.select if self.select is not None else (config.select or ["ALL"])
        ignore = [*config.ignore, *self.ignore]
        severities: dict[str, str] = {}
        for rule in self.rules:
            if any(matches(rule, s) for s in select) and not any(matches(rule, s) for s in ignore):
                severities[rule.code] = rule.severity
        for key, severity in config.severity.items():
            for rule in self.rules:
                if rule.code in severities and key in (rule.code, rule.name):
                    severities[rule.code] = severity
        severities[RULE_CRASH.code] = RULE_CRASH.severity
        checks = [
            r
            for r in self.rules
            if r.code in severities and r.principle is not None and r.scope == "manifest"
        ]
        self._selection[id(config)] = (severities, checks)
        return severities, checks

    def default_severity(self, code: str) -> str | None:
        """The severity `code` is declared with, None for an unknown code."""
        if self._defaults is None:
            self._defaults = {rule.code: rule.severity for rule in self.rules}
        return self._defaults.get(code)

    def disabled(self, rule: str, severities: dict[str, str]) -> bool:
        """Whether `rule` names a known rule that this run does not check."""
        if self._codes is None:
            self._codes = {key: r.code for r in self.rules for key in (r.code, r.name)}
        code = self._codes.get(rule) or self._codes.get(rule.upper())
        return code is not None and code not in severities

    def lint_file(self, path: str, raw: bytes, config: Config) -> FileResult:
        return lint_file(path, raw, config, self)

    def lint_bytes(self, path: str, raw: bytes, config: Config) -> list[Finding]:
        """All findings for one file's bytes, positioned, selected and sorted."""
        return lint_file(path, raw, config, self).findings


def lint_file(path: str, raw: bytes, config: Config, settings: Linter) -> FileResult:
    """Lint one file's bytes under `config`: its findings, placed, selected and sorted, and
    the uses it declares when code detection has evidence to check them against."""
    manifest = read_manifest(path, raw, config.max_file_bytes)
    data = manifest.data
    findings = []
    if data is not None or (not manifest.has_document and not manifest.problems):
        findings = _schema_findings(manifest, settings)  # first: it may absorb YAML 1.1 traps
    findings.extend(_reading_findings(manifest, settings))
    severities, checks = settings.selection(config)
    declared: tuple[DeclaredUse, ...] = ()
    code_waivers: tuple[CodeWaiver, ...] = ()
    ran = isinstance(data, dict) and data.get("charter") in CHARTERS
    if ran:
        context = _context(manifest, config, settings)
        refused = _refused_pointers(findings)
        findings.extend(_not_refused(_rule_findings(manifest, checks, context), refused))
        repository = settings.repository
        if repository is not None and repository.evidence:  # kept for the cross-check
            declared = tuple(context.declared_uses())
    kept = _place(findings, manifest, severities, settings)
    if settings.suppressions:
        waivers = data.get("waivers") if ran else None
        if waivers or manifest.mentions("charte-lint:"):
            kept, extra, deferred = _suppress(manifest, kept, severities, settings, ran)
            kept.extend(_place(extra, manifest, severities, settings))
            code_waivers = tuple(
                _placed_unused(w, manifest, severities, settings) for w in deferred
            )
    kept.sort(key=Finding.sort_key)
    return FileResult(path, kept, declared, code_waivers=code_waivers)


def _placed_unused(
    waiver: CodeWaiver, manifest: Manifest, severities: dict[str, str], settings: Linter
) -> CodeWaiver:
    """The waiver with its CL202 finding placed like the file's others (dropped when CL202 is
    not checked)."""
    placed = _place([waiver.unused], manifest, severities, settings) if waiver.unused else []
    waiver.unused = placed[0] if placed else None
    return waiver


def _severity(finding: Finding, selected: str, settings: Linter) -> str:
    """The severity of a placed finding: the configuration's override where there is one,
    otherwise the severity the rule gave the finding."""
    default = settings.default_severity(finding.code)
    if default is None or selected != default:
        return selected  # configured (or a structural finding's own)
    return finding.severity


def _place(
    findings: list[Finding], manifest: Manifest, severities: dict[str, str], settings: Linter
) -> list[Finding]:
    """The findings of enabled rules, placed: severity, file, use, position, source line, and
    the fingerprint of the value they are about when the run needs it."""
    data = manifest.data
    fingerprints: dict[str, str] | None = {} if settings.fingerprints else None
    kept = []
    for finding in findings:
        severity = severities.get(finding.code)
        if severity is None:
            continue
        if finding.legal is not None or severity != finding.severity:
            # A finding that rests on a legal duty has its severity from the calendar (the
            # rule's, or its charter severity while the duty does not bind yet), unless the
            # configuration sets the rule's severity (`severity:`), which wins.
            severity = _severity(finding, severity, settings)
        position = (
            (finding.line, finding.column, finding.end_line, finding.end_column)
            if finding.line
            else manifest.locate(finding.pointer, finding.on_key)
        )
        fingerprint = None
        if fingerprints is not None:  # several rules often report at one pointer
            fingerprint = fingerprints.get(finding.pointer)
            if fingerprint is None:
                fingerprint = fingerprints[finding.pointer] = value_fingerprint(
                    data, finding.pointer
                )
        kept.append(
            finding.placed(
                severity,
                manifest.path,
                _use_id(data, finding.pointer),
                position,
                manifest.source_line(position[0]),
                fingerprint,
            )
        )
    return kept


def _suppress(
    manifest: Manifest,
    findings: list[Finding],
    severities: dict[str, str],
    settings: Linter,
    ran: bool,
) -> tuple[list[Finding], list[Finding], list[CodeWaiver]]:
    """Apply inline directives then waivers: (the findings, some now silenced; the findings
    about the directives and waivers themselves; the waivers that may cover findings in code).

    Unused ones are reported only when the rules ran: not for a file that could not be read.
    """
    from charte_lint import structure

    data = manifest.data
    extra: list[Finding] = []
    if manifest.mentions("charte-lint:"):
        from charte_lint import suppressions

        directives = suppressions.parse(manifest.text, manifest.multiline_scalars())
        findings = suppressions.apply(directives, findings)
        for directive in directives:
            kind, rules = directive.kind, ", ".join(directive.rules)
            at: _Position = {
                "line": directive.line,
                "column": directive.column,
                "end_line": directive.line,
                "end_column": directive.end_column,
            }
            if not directive.reason:
                extra.append(
                    _engine_finding(
                        settings,
                        structure.SUPPRESSION_WITHOUT_REASON,
                        "",
                        at=at,
                        kind=kind,
                        rules=rules,
                    )
                )
                continue
            for rule in directive.rules:
                if not ran or rule in directive.used or settings.disabled(rule, severities):
                    continue
                extra.append(
                    _engine_finding(
                        settings, structure.UNUSED_SUPPRESSION, "", at=at, kind=kind, rule=rule
                    )
                )
    waivers = data.get("waivers") if ran else None
    deferred: list[CodeWaiver] = []
    if isinstance(waivers, list):
        findings, unused, deferred = _waive(waivers, findings, severities, settings, manifest.path)
        extra.extend(unused)
    return findings, extra, deferred


def _waive(
    waivers: list[Any],
    findings: list[Finding],
    severities: dict[str, str],
    settings: Linter,
    path: str = "",
) -> tuple[list[Finding], list[Finding], list[CodeWaiver]]:
    """(the findings, those a waiver covers silenced; the findings about expired or unused
    waivers; the waivers that may cover findings in code, whose use is known only once the
    code's findings are, `CodeWaiver`)."""
    from charte_lint.api import parse_date
    from charte_lint.structure import EXPIRED_WAIVER, UNUSED_WAIVER
    from charte_lint.suppressions import UNSILENCEABLE, names_rule

    extra = []
    deferred = []
    in_code = [(r.code, r.name) for r in settings.rules if r.scope == "repository"]
    for index, waiver in enumerate(waivers):
        if not isinstance(waiver, dict):
            continue
        keys = ("rule", "use", "reason", "approved_by")
        fields = [v for k in keys if isinstance(v := waiver.get(k), str) and v.strip()]
        until = parse_date(waiver.get("until"))
        if until is None or len(fields) < len(keys):
            continue  # the schema reports it
        rule, use, reason, approved_by = fields
        params: dict[str, Any] = {
            "rule": rule,
            "use": use,
            "approved_by": approved_by,
            "until": until,
        }
        if until < settings.today:
            extra.append(
                _engine_finding(settings, EXPIRED_WAIVER, f"/waivers/{index}/until", **params)
            )
            continue
        record = {
            "kind": "external",
            "justification": reason,
            "approved_by": approved_by,
            "until": until.isoformat(),
        }
        glob = waiver.get("path")
        glob = glob if isinstance(glob, str) and glob.strip() else None
        used = False
        for position, finding in enumerate(findings):
            if glob is not None:
                break  # a waiver with `path` is for findings in code
            if finding.code in UNSILENCEABLE or not names_rule(rule, finding):
                continue
            if use == "*" or use == finding.use:
                used = True
                if finding.suppression is None:
                    findings[position] = finding.replace(suppression=record)
        if used:
            continue
        unused = None
        if not settings.disabled(rule, severities):
            unused = _engine_finding(settings, UNUSED_WAIVER, f"/waivers/{index}/rule", **params)
        if glob is not None or any(rule in names or rule.upper() in names for names in in_code):
            directory = os.path.dirname(path)
            deferred.append(CodeWaiver(rule, use, glob, record, directory, unused))
        elif unused is not None:
            extra.append(unused)
    return findings, extra, deferred


def _engine_finding(
    settings: Linter,
    which: Rule,
    pointer: str,
    message: str = "default",
    on_key: bool = False,
    at: _Position | None = None,
    **params: Any,
) -> Finding:
    """A finding of one of the engine's own rules, its message in the run's language; `at`
    gives its position when it is not that of `pointer` (line, column, end_line, end_column)."""
    text = which.messages[message][settings.lang].format(**params)
    return Finding(
        which.code, which.name, which.severity, pointer, text, on_key=on_key, **(at or {})
    )


def _structural(
    settings: Linter,
    kind: str,
    table: dict[str, Any],
    pointer: str,
    on_key: bool,
    params: dict[str, Any],
    at: _Position | None = None,
) -> Finding:
    rule, message = table[kind]
    return _engine_finding(settings, rule, pointer, message, on_key, at, **params)


def _reading_findings(manifest: Manifest, settings: Linter) -> list[Finding]:
    from charte_lint.structure import READ_PROBLEMS

    findings = []
    for problem in manifest.problems:
        params = dict(problem.params)
        if "value" in params and isinstance(params["value"], bool):
            params["value"] = "true" if params["value"] else "false"
        at: _Position = {
            "line": problem.line,
            "column": problem.column,
            "end_line": problem.end[0],
            "end_column": problem.end[1],
        }
        findings.append(
            _structural(
                settings, problem.kind, READ_PROBLEMS, problem.pointer, problem.on_key, params, at
            )
        )
    return findings


def _schema_findings(manifest: Manifest, settings: Linter) -> list[Finding]:
    from charte_lint.schema import render_schema_message
    from charte_lint.structure import SCHEMA_PROBLEMS

    data = manifest.data
    if data is None:
        return [_structural(settings, "empty", SCHEMA_PROBLEMS, "", False, {})]
    placeholders = _placeholder_findings(data, settings)
    errors = settings.validator.errors(data)
    if placeholders:  # a placeholder where a type or a value is expected: one finding, CL106
        errors = [e for e in errors if e.on_key or e.pointer not in placeholders]
    findings = list(placeholders.values())
    for error in errors:
        if error.kind == "wrong-type":
            raw = manifest.trap_at(error.pointer)
            if raw is not None:
                error.kind = "trap"
                error.params["raw"] = raw
                _drop_trap_warning(manifest, error.pointer)
        message = render_schema_message(error, settings.lang)
        rule, _ = SCHEMA_PROBLEMS[error.kind]
        findings.append(
            Finding(
                rule.code, rule.name, rule.severity, error.pointer, message, on_key=error.on_key
            )
        )
    findings.extend(_duplicate_use_ids(manifest, settings))
    return findings


def _placeholder_findings(data: Any, settings: Linter) -> dict[str, Finding]:
    """CL106 for each placeholder value (`TODO`, `À COMPLÉTER`...) anywhere in the manifest,
    by pointer; a value the schema allows (`status: todo` of an assessment) is not one."""
    from charte_lint.placeholders import is_placeholder, may_be_placeholder

    found: dict[str, Finding] = {}
    for path, value in string_values(data, may_be_placeholder):
        # VAL001 reports a placeholder as a use's need, with the principle it breaks.
        if is_placeholder(value) and not _is_need(path):
            finding = _placeholder_finding(path, value, settings)
            if finding is not None:
                found[finding.pointer] = finding
    return found


def _placeholder_finding(path: list[Any], value: str, settings: Linter) -> Finding | None:
    from charte_lint.schema import dotted, pointer_of, subschema, what_to_write
    from charte_lint.structure import PLACEHOLDER

    node = subschema(settings.validator.schema, path)
    if node is not None and value in node.get("enum", ()):
        return None
    message, hints = what_to_write(node, settings.lang)
    params: dict[str, Any] = {"where": dotted(path), "value": _short(value), **hints}
    return _engine_finding(settings, PLACEHOLDER, pointer_of(path), message, **params)


def _short(value: str) -> str:
    """A placeholder as a message shows it: one line, at most 60 characters."""
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:57] + "..."


def _is_need(path: list[Any]) -> bool:
    return (
        len(path) == 4
        and path[0] == "uses"
        and isinstance(path[1], int)
        and path[2:] == ["purpose", "need"]
    )


def _duplicate_use_ids(manifest: Manifest, settings: Linter) -> list[Finding]:
    from charte_lint.structure import SCHEMA_PROBLEMS

    uses = manifest.data.get("uses") if isinstance(manifest.data, dict) else None
    if not isinstance(uses, list):
        return []
    first: dict[str, int] = {}
    findings = []
    for index, use in enumerate(uses):
        use_id = use.get("id") if isinstance(use, dict) else None
        if not isinstance(use_id, str):
            continue
        pointer = f"/uses/{index}/id"
        if use_id in first:
            first_line = manifest.locate(f"/uses/{first[use_id]}/id")[0]
            findings.append(
                _structural(
                    settings,
                    "duplicate-use-id",
                    SCHEMA_PROBLEMS,
                    pointer,
                    False,
                    {"id": use_id, "first_line": first_line},
                )
            )
        else:
            first[use_id] = index
    return findings


def _context(manifest: Manifest, config: Config, settings: Linter) -> RuleContext:
    """One context per manifest, pointed at each rule in turn: what it holds is the same."""
    context = RuleContext(
        settings.rules[0] if settings.rules else None,  # type: ignore[arg-type]  # set per rule
        manifest.data,
        config.policy,
        settings.lang,
        settings.today,
        uses_of(manifest.data),
        {},
        settings.repository,
    )
    context.path = manifest.path
    context.configured = config.options
    return context


def _refused_pointers(findings: list[Finding]) -> tuple[str, ...]:
    """The pointers of the values the schema refused (CL103 wrong-type, CL104 invalid-value;
    not a missing or unknown key)."""
    from charte_lint.structure import INVALID_VALUE, WRONG_TYPE

    codes = (WRONG_TYPE.code, INVALID_VALUE.code)
    return tuple(f.pointer for f in findings if f.code in codes and not f.on_key)


def _not_refused(findings: list[Finding], refused: tuple[str, ...]) -> list[Finding]:
    """Rule findings, without those about a value the schema already refused: a rule finding
    is dropped when its pointer is at or under a refused value's, or is the list one of whose
    items was refused (`beneficiaries: [habitants]` is CL104 on `.../beneficiaries/0`, not also
    VAL004 on `.../beneficiaries`). The schema finding says what to fix; a rule's judgement of
    a value it cannot read would only mislead. A rule finding at a use or higher stays."""
    if not refused:
        return findings
    kept = []
    for finding in findings:
        pointer = finding.pointer
        if not any(
            pointer == bad
            or pointer.startswith(bad + "/")
            or (bad.startswith(pointer + "/") and bad[len(pointer) + 1 :].isdigit())
            for bad in refused
        ):
            kept.append(finding)
    return kept


def _rule_findings(manifest: Manifest, checks: list[Rule], context: RuleContext) -> list[Finding]:
    findings: list[Finding] = []
    charter = manifest.data["charter"]
    for rule in checks:
        if rule.applies_to(charter):
            context.rule = rule
            findings.extend(run_check(rule, context))
    return findings


def run_check(rule: Rule, context: RuleContext, file: str = "") -> list[Finding]:
    """A rule's findings on the context's manifest or repository; a rule that raises gives one
    CL000 finding that names it and the error (in `file`, else the manifest's), and the run
    goes on."""
    try:
        return _call_check(rule, context)
    except Exception as error:
        return [crash_finding(rule, error, context.lang, file)]


def _call_check(rule: Rule, context: RuleContext) -> list[Finding]:
    """The one place a rule's check is called."""
    return list(rule.check(context))


def crash_finding(rule: Rule, error: BaseException, lang: str, file: str = "") -> Finding:
    """CL000: `rule` raised `error`; at the top of the file (a manifest's, or `file`)."""
    reason = f"{type(error).__name__}: {error}".replace("\n", " ")
    template = RULE_CRASH.messages["default"][lang]
    return Finding(
        RULE_CRASH.code,
        RULE_CRASH.name,
        RULE_CRASH.severity,
        "",
        template.format(rule=rule.code, name=rule.name, error=reason),
        file=file,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
    )


def _check_config_selectors(rules: list[Rule], config: Config) -> None:
    """Unknown rule codes in a configuration are configuration errors (exit 2)."""
    from charte_lint.config import ConfigError, key_position, unknown_rule_reason
    from charte_lint.registry import find_rule, unknown_selector

    for key in ("select", "ignore", "severity", "options"):
        values = list(getattr(config, key))
        unknown = (
            next((v for v in values if find_rule(rules, v) is None), None)
            if key in ("severity", "options")
            else unknown_selector(rules, values)
        )
        if unknown is not None and config.source:
            # the file that set it: the configuration's own, or one it extends
            origin = config.origins.get(f"{key}.{unknown}") or config.origins.get(key)
            path = origin[0] if origin else config.source
            line, column = key_position(path, key)
            raise ConfigError(path, line, column, unknown_rule_reason(key, unknown))
    for key, options in config.options.items():
        rule = find_rule(rules, key)
        problem = _options_problem(rule, options) if rule is not None else None
        if problem is not None and config.source:
            line, column = key_position(config.source, "options")
            from charte_lint.lazytext import lazy

            reason = lazy(
                "`options.{key}` does not fit the rule: {problem}", key=key, problem=problem
            )
            raise ConfigError(config.source, line, column, reason)


def _options_problem(rule: Rule, options: Any) -> str | None:
    """Why `options` do not fit the rule's `options_schema`, or None when they do."""
    from jsonschema import Draft202012Validator

    error = next(iter(Draft202012Validator(rule.options_schema).iter_errors(options)), None)
    return None if error is None else error.message


def _drop_trap_warning(manifest: Manifest, pointer: str) -> None:
    manifest.problems[:] = [
        p
        for p in manifest.problems
        if not (p.pointer == pointer and p.kind in ("yaml11-boolean", "yaml11-number"))
    ]


def _use_id(data: Any, pointer: str) -> str | None:
    index = use_index(pointer)
    if index is None or not isinstance(data, dict):
        return None
    uses = data.get("uses")
    if not isinstance(uses, list) or index >= len(uses):
        return None
    use = uses[index]
    use_id = use.get("id") if isinstance(use, dict) else None
    return use_id if isinstance(use_id, str) else None


def exceeds(findings: Iterable[Finding], fail_on: str) -> bool:
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)


def lint_source(
    source: str | bytes,
    path: str = "ai-usage.yaml",
    config: Config | None = None,
    lang: str = "en",
    today: _dt.date | None = None,
    linter: Linter | None = None,
) -> list[Finding]:
    """Lint a manifest given as text: the entry point for tests and embedding."""
    from charte_lint.config import DEFAULT

    raw = source.encode("utf-8") if isinstance(source, str) else source
    linter = linter or Linter(lang=lang, today=today)
    return linter.lint_bytes(path, raw, config or DEFAULT)
