"""One run, from options to a value: `run(Options) -> RunResult`.

Collect the files and their configurations, detect AI use in the code when a directory is linted
(or in exactly the files of a commit, `--changed`), lint each file (a FileResult each), run the
project phase (the cross-check of declared and detected use), subtract a baseline or compute the
entries of a new one, and decide the exit status. Nothing here prints or writes: the command line
renders and prints the result.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from charte_lint.api import Finding, Rule
    from charte_lint.config import Config, ConfigFinder


class Options:
    """Everything a run needs from the command line, with the defaults of a bare run."""

    def __init__(self, **values: Any) -> None:
        self.changed: bool = bool(values.get("changed"))  # PATHs are the files of a commit
        self.paths: list[str] = list(values.get("paths") or ([] if self.changed else ["."]))
        self.output_format: str | None = values.get("output_format")  # None: text, or github
        self.reports: list[str] = list(values.get("reports") or [])  # FORMAT:FILE
        self.no_suppressions: bool = bool(values.get("no_suppressions"))
        self.baseline: str | None = values.get("baseline")
        self.write_baseline: str | None = values.get("write_baseline")
        self.output: str | None = values.get("output")
        self.config: str | None = values.get("config")
        self.fail_on: str | None = values.get("fail_on")
        self.select: list[str] | None = values.get("select")
        self.ignore: list[str] = list(values.get("ignore") or [])
        self.lang: str | None = values.get("lang")
        self.quiet: bool = bool(values.get("quiet"))
        self.no_color: bool = bool(values.get("no_color"))
        self.list_rules: bool = bool(values.get("list_rules"))
        self.explain: str | None = values.get("explain")
        self.charter: str | None = values.get("charter")
        self.principle: str | None = values.get("principle")
        self.detect: bool | None = values.get("detect")  # None: when a directory is linted
        self.init: bool = bool(values.get("init"))
        self.show_config: bool = bool(values.get("show_config"))
        self.register: str | None = values.get("register")  # TARGET: a directory or *.json
        self.stale_after: str = values.get("stale_after") or "P90D"


class UsageError(Exception):
    """Exit 2 with this one-line message."""


IDENTIFIED_FORMATS = ("sarif", "gitlab")
"""Reports that carry each finding's identity, which needs the fingerprint of its value."""


class RunResult:
    """What a run found, and what the command line has to say about it.

    `findings` are sorted, suppressed ones included, baselined ones left out; `files` the files
    linted, sorted; `errors` the files that could not be read; `stale` the baseline's entries
    that match nothing (None without a baseline); `baseline_entries` the entries to write with
    `--write-baseline`; `notes` the lines for standard error; `thresholds` each finding's file's
    fail-on severity (`--fail-on`, else its configuration's); `exit_code` 0, 1 or 2.
    """

    __slots__ = (
        "baseline_entries",
        "errors",
        "exit_code",
        "files",
        "findings",
        "notes",
        "rules",
        "stale",
        "thresholds",
    )

    def __init__(
        self,
        findings: list[Finding],
        files: list[str],
        rules: list[Rule],
        errors: list[str],
        notes: list[str],
        stale: list[dict[str, Any]] | None = None,
        baseline_entries: list[dict[str, Any]] | None = None,
        exit_code: int = 0,
    ) -> None:
        self.findings = findings
        self.files = files
        self.rules = rules
        self.errors = errors
        self.notes = notes
        self.stale = stale
        self.baseline_entries = baseline_entries
        self.exit_code = exit_code
        self.thresholds: dict[str, str] = {}


def run(options: Options, lang: str | None = None) -> RunResult:
    """Lint what `options` name; UsageError (and ConfigError, PathError, RuleError) for what
    stops a run before it starts."""
    import gc

    from charte_lint.engine import Linter
    from charte_lint.files import collect
    from charte_lint.messages import pick_language, t, text
    from charte_lint.registry import load_rules
    from charte_lint.runner import lint_files

    gc.disable()  # a run builds many small objects and frees them all at exit
    lang = lang or pick_language(options.lang)
    entries = _read_baseline(options, lang)
    rules = load_rules()
    _check_selectors(rules, [*(options.select or []), *options.ignore], lang)
    forced, finder = _configs(options, lang)
    listings: dict[str, list[str] | None] = {}  # what git lists, asked once per directory
    manifests, code = _changed(options.paths, lang) if options.changed else (options.paths, [])
    paths = collect(manifests, None, listings)
    given = [] if options.changed else options.paths  # a commit's manifests are not "given"
    config_of = _config_lookup(forced, finder)
    paths = [p for p in paths if not _excluded(p, config_of(p), given)]
    if options.changed:
        detection = _detect_changed(options, code, finder, forced)
    else:
        detection = _detect(options, finder, forced, listings)
    repository = detection[2] if detection else None
    settings = Linter(
        rules=rules,
        lang=lang,
        select=options.select,
        ignore=options.ignore,
        suppressions=not options.no_suppressions,
        fingerprints=_identified(options),
        repository=repository,
    )
    jobs = [(path, config_of(path)) for path in paths]
    results = lint_files(settings, jobs)
    linted = [result for result in results if result.error is None]
    findings = [finding for result in linted for finding in result.findings]
    prefix = t(lang, "charte-lint: error: {message}")
    notes = [prefix.format(message=result.error) for result in results if result.error]
    if detection is not None and (detection[2].evidence or not options.changed):
        from charte_lint.engine import waive_code
        from charte_lint.repository import (
            ancestor_manifests,
            covering_manifests,
            repository_findings,
        )

        roots, root_config, scanned = detection
        if options.changed:  # the manifests in each evidence file's directory and above
            covering = covering_manifests(dict.fromkeys(e.file for e in scanned.evidence))
            covering = [p for p in covering if not _excluded(p, config_of(p), [])]
        else:  # those inside the roots are linted already
            covering = ancestor_manifests(roots)
        linted_files = {result.path for result in linted}
        above = _manifests_for_uses(covering, linted_files, settings, config_of)
        in_code = repository_findings(
            [*linted, *above], repository, settings, root_config, roots[0]
        )
        # a commit's code is not all the code: a code waiver unused there may be used elsewhere
        reported = set() if options.changed else linted_files
        findings.extend(waive_code(in_code, [*linted, *above], reported))
    if not paths and not options.changed and not options.quiet:
        notes.append(f"charte-lint: {text(lang, 'no-files', paths=' '.join(options.paths))}")
    findings.sort(key=lambda f: f.sort_key())
    files = sorted(result.path for result in linted)
    result = RunResult(findings, files, rules, [r.error for r in results if r.error], notes)
    if entries is not None and options.baseline:
        _subtract_baseline(result, entries, options.baseline, lang, options.quiet)
    if options.write_baseline:
        from charte_lint.baseline import entries_for

        result.baseline_entries = entries_for(result.findings, options.write_baseline)
    result.thresholds = _thresholds(result.findings, options, config_of)
    result.exit_code = _exit_code(result, options)
    return result


def _configs(options: Options, lang: str) -> tuple[Config | None, ConfigFinder | None]:
    """(the configuration `--config` forces on every file, or None; else the finder that
    discovers each file's)."""
    if options.config:
        from charte_lint.config import load_config
        from charte_lint.messages import text

        if not os.path.isfile(options.config):
            raise UsageError(text(lang, "no-such-path", path=options.config))
        return load_config(options.config), None
    from charte_lint.config import ConfigFinder

    return None, ConfigFinder()


def configs_for(options: Options, lang: str) -> list[tuple[str, Config]]:
    """Each path of `options` and the configuration that applies to it (`--show-config`): a
    directory's is the one its manifest would have."""
    from charte_lint.messages import text

    forced, finder = _configs(options, lang)
    targets = []
    for path in options.paths:
        if not os.path.exists(path):
            raise UsageError(text(lang, "no-such-path", path=path))
        probe = os.path.join(path, "ai-usage.yaml") if os.path.isdir(path) else path
        targets.append((path, forced or finder.config_for(probe)))  # type: ignore[union-attr]
    return targets


def _identified(options: Options) -> bool:
    """Whether findings need their identity: for a baseline, or a SARIF or GitLab report."""
    formats = [options.output_format, *(value.partition(":")[0] for value in options.reports)]
    return bool(options.baseline or options.write_baseline) or any(
        output_format in IDENTIFIED_FORMATS for output_format in formats
    )


def _detect(
    options: Options, finder: Any, forced: Config | None, listings: dict[str, Any]
) -> tuple[list[str], Config, Any] | None:
    """Detect AI use in the code before the manifests are linted, when detection is on:
    (the directories scanned, the configuration that applies to them, what was found)."""
    if not _detecting(options):
        return None
    from charte_lint.repository import detection_roots, scan

    roots = detection_roots(options.paths) or ["."]
    config = forced or finder.config_for(os.path.join(roots[0], "ai-usage.yaml"))
    base = config.directory if config.source else None
    return roots, config, scan(roots, config.exclude, base, listings)


def _detecting(options: Options) -> bool:
    """`--detect`, `--no-detect`, else on when a directory is linted (not for manifest files
    only: `charte-lint FILE.yaml` reads no code; `--changed` has its own, `_detect_changed`)."""
    if options.detect is not None:
        return options.detect
    return any(os.path.isdir(path) for path in options.paths)


def _changed(paths: list[str], lang: str) -> tuple[list[str], list[str]]:
    """`--changed`: (the manifests among the files of a commit, the other files). A directory
    is refused (a commit's files are files); other kinds of files are left to detection, which
    reads only those it knows."""
    from charte_lint.files import MANIFEST_NAMES, PathError
    from charte_lint.messages import t

    manifests: list[str] = []
    code: list[str] = []
    for path in paths:
        if not os.path.lexists(path):
            raise PathError("no-such-path", path=path)
        if os.path.isdir(path):
            message = t(lang, "--changed takes the files of a commit, not a directory: {path}")
            raise UsageError(message.format(path=path))
        name = os.path.basename(path)
        (manifests if name in MANIFEST_NAMES else code).append(path)
    return manifests, code


def _detect_changed(
    options: Options, code: list[str], finder: Any, forced: Config | None
) -> tuple[list[str], Config, Any] | None:
    """`--changed`: detection in exactly the files given (not the manifests), unless
    `--no-detect`; the configuration of the current directory applies, as for `charte-lint .`."""
    if options.detect is False:
        return None
    from charte_lint.repository import scan_files

    config = forced or finder.config_for(os.path.join(".", "ai-usage.yaml"))
    base = config.directory if config.source else None
    return ["."], config, scan_files(code, config.exclude, base)


def _manifests_for_uses(
    manifests: list[str], linted: set[str], settings: Any, config_of: Callable[[str], Config]
) -> list[Any]:
    """The FileResults of the manifests that cover the code detection read (above the linted
    directories, or above a commit's files) and were not linted, for the uses they declare;
    the run is not about them, so their findings are not reported."""
    from charte_lint.runner import lint_files

    above = [p for p in manifests if p not in linted]
    jobs = [(path, config_of(path)) for path in above]
    return [result for result in lint_files(settings, jobs) if result.error is None]


def _excluded(path: str, config: Config, given: list[str]) -> bool:
    """Whether the configuration that covers a discovered file (`--config`, else the one found
    for it) excludes it: its `exclude` patterns, gitignore-style, relative to its directory."""
    if path in given:
        return False  # a file named on the command line is linted as given
    if not config.exclude or not config.source:
        return False
    from charte_lint.paths import matches

    relative = os.path.relpath(os.path.abspath(path), config.directory)
    return matches(config.exclude, relative.replace(os.sep, "/"))


def _check_selectors(rules: list[Rule], selectors: list[str], lang: str) -> None:
    from charte_lint.messages import text
    from charte_lint.registry import suggestions, unknown_selector

    unknown = unknown_selector(rules, selectors)
    if unknown is not None:
        close = suggestions(rules, unknown)
        if close:
            found = ", ".join(f"`{c}`" for c in close)
            raise UsageError(text(lang, "unknown-rule-suggest", code=unknown, suggestions=found))
        raise UsageError(text(lang, "unknown-rule", code=unknown))


def _read_baseline(options: Options, lang: str) -> list[Any] | None:
    from charte_lint.messages import t

    if options.baseline and options.write_baseline:
        raise UsageError(t(lang, "--baseline and --write-baseline cannot be used together"))
    if not options.baseline:
        return None
    from charte_lint.baseline import BaselineError, load

    try:
        return load(options.baseline, lang)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _subtract_baseline(
    result: RunResult, entries: list[Any], path: str, lang: str, quiet: bool
) -> None:
    """Leave out the findings the baseline holds; say how many (unless quiet) and which of its
    entries are stale."""
    from charte_lint.baseline import describe_stale, matched, stale_count, subtract

    before = len(result.findings)
    result.findings, stale = subtract(entries, result.findings, path, result.files)
    result.stale = stale
    if not quiet:
        result.notes.append(f"charte-lint: {matched(lang, before - len(result.findings), path)}")
    result.notes.extend(f"charte-lint: {describe_stale(entry, lang)}" for entry in stale)
    if stale:
        result.notes.append(f"charte-lint: {stale_count(lang, len(stale), path)}")


def _config_lookup(forced: Config | None, finder: ConfigFinder | None) -> Callable[[str], Config]:
    """The configuration of a path: `--config`, else the one discovered for it, each path's
    looked up once in a run (excluding, linting and the fail-on threshold all ask for it)."""
    if forced is not None:
        return lambda path: forced
    assert finder is not None  # `_configs` gives one or the other
    found: dict[str, Config] = {}

    def config_of(path: str) -> Config:
        config = found.get(path)
        if config is None:
            config = found[path] = finder.config_for(path)
        return config

    return config_of


def _thresholds(
    findings: list[Finding], options: Options, config_of: Callable[[str], Config]
) -> dict[str, str]:
    """The fail-on severity of each file with findings: `--fail-on`, else the `fail_on` of its
    configuration, else `error`."""
    files = dict.fromkeys(finding.file for finding in findings)
    if options.fail_on is not None:
        return dict.fromkeys(files, options.fail_on)
    return {file: config_of(file).fail_on or "error" for file in files}


def _exit_code(result: RunResult, options: Options) -> int:
    """2 when a file could not be read; 0 when writing a baseline; else 1 when a finding that
    counts is at or above its file's threshold (`result.thresholds`)."""
    from charte_lint.api import SEVERITY_RANK

    if result.errors:
        return 2
    if options.write_baseline:
        return 0  # every finding is in the new baseline
    ranks = {file: SEVERITY_RANK[threshold] for file, threshold in result.thresholds.items()}
    for finding in result.findings:
        if finding.suppression is None and SEVERITY_RANK[finding.severity] >= ranks[finding.file]:
            return 1
    return 0
