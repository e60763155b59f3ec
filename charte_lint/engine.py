"""load -> validate -> run rules -> select and set severities -> positioned findings.

The engine is the only place that knows about files, positions and configuration; rules see a
manifest and a policy, reporters see findings.
"""

from __future__ import annotations

import datetime as _dt
import os

from charte_lint.api import (
    CHARTERS,
    SEVERITY_RANK,
    Finding,
    RuleContext,
    uses_of,
)
from charte_lint.manifest import read_manifest
from charte_lint.messages import RELATIONS, TYPE_NAMES, text
from charte_lint.registry import matches

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from charte_lint.api import DeclaredUse, Repository, Rule
    from charte_lint.config import Config
    from charte_lint.manifest import Manifest
    from charte_lint.schema import SchemaError


class RuleCrash(Exception):
    """A rule raised: a bug in a rule pack, reported as an error (exit 2), not a traceback."""


def _today() -> _dt.date:
    """The date rules compare with; `CHARTE_LINT_TODAY=2026-11-29` makes runs reproducible."""
    pinned = os.environ.get("CHARTE_LINT_TODAY")
    if pinned:
        try:
            return _dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return _dt.date.today()


class Linter:
    """Everything a run builds once: the rules, the schema validator, per-config selections."""

    def __init__(
        self,
        rules: list[Rule] | None = None,
        lang: str = "en",
        select: list[str] | None = None,
        ignore: Iterable[str] = (),
        today: _dt.date | None = None,
        suppressions: bool = True,
    ) -> None:
        if rules is None:
            from charte_lint.registry import load_rules

            rules = load_rules()
        self.rules = rules
        self.lang = lang
        self.select = select
        self.ignore = list(ignore)
        self.today = today or _today()
        self._validator: Any = None
        self._selection: dict[int, tuple[dict[str, str], list[Rule]]] = {}
        self.suppressions = suppressions  # False: `--no-suppressions`, comments and waivers ignored
        # (file, pointer) -> fingerprint of the value there, collected for baselines when not None.
        self.fingerprints: dict[tuple[str, str], str] | None = None
        self._codes: dict[str, str] | None = None
        # Code detection (a directory is linted): what it found, for rules that look at it, and
        # the uses the linted manifests declare, collected for the cross-check when not None.
        self.repository: Repository | None = None
        self.declarations: list[DeclaredUse] | None = None

    @property
    def validator(self) -> Any:
        if self._validator is None:
            from charte_lint.schema import Validator, load_schema

            self._validator = Validator(load_schema("ai-usage.schema.json"))
        return self._validator

    def selection(self, config: Config) -> tuple[dict[str, str], list[Rule]]:
        """(severity by code for enabled rules, enabled principle rules) under `config`."""
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
        checks = [
            r
            for r in self.rules
            if r.code in severities and r.principle is not None and r.scope == "manifest"
        ]
        self._selection[id(config)] = (severities, checks)
        return severities, checks

    def lint_bytes(self, path: str, raw: bytes, config: Config) -> list[Finding]:
        """All findings for one file's bytes, positioned, selected and sorted."""
        manifest = read_manifest(path, raw)
        data = manifest.data
        findings = []
        if data is not None or (manifest.root is None and not manifest.problems):
            findings = self._schema_findings(manifest)  # first: it may absorb YAML 1.1 traps
        findings.extend(self._reading_findings(manifest))
        severities, checks = self.selection(config)
        if isinstance(data, dict) and data.get("charter") in CHARTERS:
            context = self._context(manifest, config)
            findings.extend(self._rule_findings(manifest, checks, context))
            if self.declarations is not None:  # code detection runs: keep the uses for it
                self.declarations.extend(context.declared_uses())
        kept = self._place(findings, manifest, severities)
        if self.suppressions:
            waivers = data.get("waivers") if isinstance(data, dict) else None
            if waivers or (manifest.text and "charte-lint:" in manifest.text):
                kept.extend(
                    self._place(self._suppress(manifest, kept, severities), manifest, severities)
                )
        if self.fingerprints is not None:
            from charte_lint.baseline import value_fingerprint

            for finding in kept:
                key = (path, finding.pointer)
                if key not in self.fingerprints:
                    self.fingerprints[key] = value_fingerprint(data, finding.pointer)
        kept.sort(key=Finding.sort_key)
        return kept

    def _place(
        self, findings: list[Finding], manifest: Manifest, severities: dict[str, str]
    ) -> list[Finding]:
        """The findings of enabled rules, with their severity, file, use and position."""
        data = manifest.data
        kept = []
        for finding in findings:
            severity = severities.get(finding.code)
            if severity is None:
                continue
            finding.severity = severity
            finding.file = manifest.path
            finding.use = _use_id(data, finding.pointer)
            if not finding.line:
                finding.line, finding.column, finding.end_line, finding.end_column = (
                    manifest.locate(finding.pointer, finding.on_key)
                )
            finding.source_line = manifest.source_line(finding.line)
            kept.append(finding)
        return kept

    def _suppress(
        self, manifest: Manifest, findings: list[Finding], severities: dict[str, str]
    ) -> list[Finding]:
        """Apply inline directives then waivers; return the findings about them.

        Unused ones are reported only when the rules ran: not for a file that could not be read.
        """
        from charte_lint import structure

        data = manifest.data
        ran = isinstance(data, dict) and data.get("charter") in CHARTERS
        extra: list[Finding] = []
        if manifest.text and "charte-lint:" in manifest.text:
            from charte_lint import suppressions

            directives = suppressions.parse(manifest.text, manifest.root)
            suppressions.apply(directives, findings)
            for directive in directives:
                kind, rules = directive.kind, ", ".join(directive.rules)
                if not directive.reason:
                    finding = self._engine_finding(
                        structure.SUPPRESSION_WITHOUT_REASON, "", kind=kind, rules=rules
                    )
                    finding.line, finding.column = directive.line, directive.column
                    finding.end_line, finding.end_column = directive.line, directive.end_column
                    extra.append(finding)
                    continue
                for rule in directive.rules:
                    if not ran or rule in directive.used or self._disabled(rule, severities):
                        continue
                    finding = self._engine_finding(
                        structure.UNUSED_SUPPRESSION, "", kind=kind, rule=rule
                    )
                    finding.line, finding.column = directive.line, directive.column
                    finding.end_line, finding.end_column = directive.line, directive.end_column
                    extra.append(finding)
        waivers = data.get("waivers") if ran else None
        if isinstance(waivers, list):
            extra.extend(self._waive(waivers, findings, severities))
        return extra

    def _waive(
        self, waivers: list[Any], findings: list[Finding], severities: dict[str, str]
    ) -> list[Finding]:
        from charte_lint.api import parse_date
        from charte_lint.structure import EXPIRED_WAIVER, UNUSED_WAIVER
        from charte_lint.suppressions import UNSILENCEABLE, names_rule

        extra = []
        for index, waiver in enumerate(waivers):
            if not isinstance(waiver, dict):
                continue
            fields = [waiver.get(k) for k in ("rule", "use", "reason", "approved_by")]
            until = parse_date(waiver.get("until"))
            if until is None or not all(isinstance(v, str) and v.strip() for v in fields):
                continue  # the schema reports it
            rule, use, reason, approved_by = fields
            params = {"rule": rule, "use": use, "approved_by": approved_by, "until": until}
            if until < self.today:
                extra.append(
                    self._engine_finding(EXPIRED_WAIVER, f"/waivers/{index}/until", **params)
                )
                continue
            record = {
                "kind": "external",
                "justification": reason,
                "approved_by": approved_by,
                "until": until.isoformat(),
            }
            used = False
            for finding in findings:
                if finding.code in UNSILENCEABLE or not names_rule(rule, finding):
                    continue
                if use == "*" or use == finding.use:
                    used = True
                    if finding.suppression is None:
                        finding.suppression = record
            if not used and not self._disabled(rule, severities):
                extra.append(
                    self._engine_finding(UNUSED_WAIVER, f"/waivers/{index}/rule", **params)
                )
        return extra

    def _disabled(self, rule: str, severities: dict[str, str]) -> bool:
        """Whether `rule` names a known rule that this run does not check."""
        if self._codes is None:
            self._codes = {key: r.code for r in self.rules for key in (r.code, r.name)}
        code = self._codes.get(rule) or self._codes.get(rule.upper())
        return code is not None and code not in severities

    def _engine_finding(
        self,
        which: Rule,
        pointer: str,
        message: str = "default",
        on_key: bool = False,
        **params: Any,
    ) -> Finding:
        """A finding of one of the engine's own rules, its message in the run's language."""
        text = which.messages[message][self.lang].format(**params)
        return Finding(which.code, which.name, which.severity, pointer, text, on_key=on_key)

    def _structural(
        self, kind: str, table: dict[str, Any], pointer: str, on_key: bool, params: dict[str, Any]
    ) -> Finding:
        rule, message = table[kind]
        return self._engine_finding(rule, pointer, message, on_key, **params)

    def _reading_findings(self, manifest: Manifest) -> list[Finding]:
        from charte_lint.structure import READ_PROBLEMS

        findings = []
        for problem in manifest.problems:
            params = dict(problem.params)
            if "value" in params and isinstance(params["value"], bool):
                params["value"] = "true" if params["value"] else "false"
            finding = self._structural(
                problem.kind, READ_PROBLEMS, problem.pointer, problem.on_key, params
            )
            finding.line, finding.column = problem.line, problem.column
            finding.end_line, finding.end_column = problem.end
            findings.append(finding)
        return findings

    def _schema_findings(self, manifest: Manifest) -> list[Finding]:
        from charte_lint.structure import SCHEMA_PROBLEMS

        data = manifest.data
        if data is None:
            return [self._structural("empty", SCHEMA_PROBLEMS, "", False, {})]
        errors = self.validator.errors(data)
        findings = []
        for error in errors:
            if error.kind == "wrong-type" and manifest.traps:
                node = manifest.node_at(error.pointer)
                raw = manifest.traps.get(id(node)) if node is not None else None
                if raw is not None:
                    error.kind = "trap"
                    error.params["raw"] = raw
                    _drop_trap_warning(manifest, error.pointer)
            message = render_schema_message(error, self.lang)
            rule, _ = SCHEMA_PROBLEMS[error.kind]
            findings.append(
                Finding(
                    rule.code, rule.name, rule.severity, error.pointer, message, on_key=error.on_key
                )
            )
        findings.extend(self._duplicate_use_ids(manifest))
        return findings

    def _duplicate_use_ids(self, manifest: Manifest) -> list[Finding]:
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
                    self._structural(
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

    def _context(self, manifest: Manifest, config: Config) -> RuleContext:
        """One context per manifest, pointed at each rule in turn: what it holds is the same."""
        context = RuleContext(
            self.rules[0] if self.rules else None,  # type: ignore[arg-type]  # set per rule
            manifest.data,
            config.policy,
            self.lang,
            self.today,
            uses_of(manifest.data),
            {},
            self.repository,
        )
        context.path = manifest.path
        context.configured = config.options
        return context

    def _rule_findings(
        self, manifest: Manifest, checks: list[Rule], context: RuleContext
    ) -> list[Finding]:
        findings: list[Finding] = []
        charter = manifest.data["charter"]
        applicable = [rule for rule in checks if rule.charters.get(charter)]
        for rule in applicable:
            context.rule = rule
            try:
                findings.extend(rule.check(context))
            except Exception as error:
                raise RuleCrash(
                    f"rule {rule.code} ({rule.name}) failed on {manifest.path}: "
                    f"{type(error).__name__}: {error}"
                ) from None
        return findings


def _check_config_selectors(rules: list[Rule], config: Config) -> None:
    """Unknown rule codes in a configuration are configuration errors (exit 2)."""
    from charte_lint.config import ConfigError, key_position
    from charte_lint.registry import find_rule, unknown_selector

    for key in ("select", "ignore", "severity", "options"):
        values = list(getattr(config, key))
        unknown = (
            next((v for v in values if find_rule(rules, v) is None), None)
            if key in ("severity", "options")
            else unknown_selector(rules, values)
        )
        if unknown is not None and config.source:
            line, column = key_position(config.source, key)
            raise ConfigError(
                config.source, line, column, f"`{key}` names an unknown rule `{unknown}`"
            )
    for key, options in config.options.items():
        rule = find_rule(rules, key)
        problem = _options_problem(rule, options) if rule is not None else None
        if problem is not None and config.source:
            line, column = key_position(config.source, "options")
            raise ConfigError(config.source, line, column, f"`options.{key}`: {problem}")


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
    if not pointer.startswith("/uses/") or not isinstance(data, dict):
        return None
    index = pointer.split("/")[2]
    uses = data.get("uses")
    if not index.isdigit() or not isinstance(uses, list) or int(index) >= len(uses):
        return None
    use = uses[int(index)]
    use_id = use.get("id") if isinstance(use, dict) else None
    return use_id if isinstance(use_id, str) else None


def render_schema_message(error: SchemaError, lang: str, base: str = "manifest") -> str:
    """A schema error in plain words, in `lang`."""
    from charte_lint.schema import format_description
    from charte_lint.structure import SCHEMA_PROBLEMS

    params = dict(error.params)
    if "where" in params:
        where = params["where"]
        params["where"] = text(lang, base) if where == "(top level)" else f"`{where}`"
    if "expected" in params:
        names = TYPE_NAMES[lang]
        params["expected"] = text(lang, "or").join(names[n] for n in params["expected"])
    if "actual" in params:
        params["actual"] = TYPE_NAMES[lang][params["actual"]]
    if "options" in params:
        params["options"] = ", ".join(f"`{o}`" for o in params["options"])
    if "format" in params:
        params["format"] = format_description(params["format"], lang)
    if "keyword" in params:
        params["relation"] = RELATIONS[lang][params.pop("keyword")]
    rule, message = SCHEMA_PROBLEMS[error.kind]
    return rule.messages[message][lang].format(**params)


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
