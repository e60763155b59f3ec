"""The command line: `charte-lint [OPTIONS] [PATH]...`.

Options are parsed by click; a command line of paths only (what pre-commit and most runs pass)
skips importing click, which would otherwise be a third of a one-file run. Both roads lead to
`run(Options)`, which sets the exit code: 0 nothing at or above `--fail-on`, 1 findings at or
above it, 2 usage, configuration or I/O errors, always with a one-line message and never a
traceback.
"""

from __future__ import annotations

import os
import sys

from charte_lint import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any, NoReturn

    from charte_lint.api import Rule

REPORT_FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")  # the built-in reporters


class Options:
    """Everything a run needs from the command line, with the defaults of a bare run."""

    def __init__(self, **values: Any) -> None:
        self.paths: list[str] = list(values.get("paths") or ["."])
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


class UsageError(Exception):
    """Exit 2 with this one-line message."""


def main(argv: list[str] | None = None) -> NoReturn:
    """Console entry point."""
    args = sys.argv[1:] if argv is None else list(argv)
    if all(not arg.startswith("-") for arg in args):
        sys.exit(_guarded(Options(paths=args)))
    sys.exit(_parse_with_click(args))


def _guarded(options: Options) -> int:
    from charte_lint.messages import pick_language

    lang = pick_language(options.lang)
    try:
        return run(options, lang)
    except UsageError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as error:  # the promise is "never a traceback": say what broke, exit 2
        if os.environ.get("CHARTE_LINT_DEBUG"):
            raise
        from charte_lint.config import ConfigError
        from charte_lint.engine import RuleCrash
        from charte_lint.files import PathError
        from charte_lint.messages import text
        from charte_lint.registry import RuleError

        if isinstance(error, ConfigError):
            location = f"{error.path}:{error.line}:{error.column}"
            return _fail(text(lang, "config-error", location=location, reason=error.reason))
        if isinstance(error, PathError):
            return _fail(text(lang, error.key, **error.params))
        if isinstance(error, (RuleCrash, RuleError)):
            return _fail(str(error))
        return _fail(f"internal error: {type(error).__name__}: {error}")


def _fail(message: str, code: int = 2) -> int:
    sys.stderr.write(f"charte-lint: error: {message}\n")
    return code


def run(options: Options, lang: str) -> int:
    """One invocation, from options to exit code."""
    if options.output_format == "markdown" and not options.list_rules:
        raise UsageError("--format markdown is only for --list-rules")
    if options.list_rules and options.output_format not in (None, "text", "json", "markdown"):
        raise UsageError(f"--format {options.output_format} is not available with --list-rules")
    if options.init:
        return _init(options, lang)
    if options.list_rules or options.explain:
        from charte_lint.registry import load_rules

        rules = load_rules()
        if options.explain:
            return _explain(rules, options.explain, lang)
        return _emit(options, _list_rules(rules, options, lang), color=False)
    return _lint(options, lang)


def _lint(options: Options, lang: str) -> int:
    import gc

    from charte_lint.engine import Linter, exceeds
    from charte_lint.files import collect
    from charte_lint.messages import text
    from charte_lint.reporters import Report
    from charte_lint.runner import lint_files

    gc.disable()  # a run builds many small objects and frees them all at exit
    reports = [_parse_report(value) for value in options.reports]
    if options.output_format:
        _reporter(options.output_format)  # an unknown format stops the run before any work
    entries = _read_baseline(options, lang)
    linter = Linter(
        lang=lang,
        select=options.select,
        ignore=options.ignore,
        suppressions=not options.no_suppressions,
    )
    if options.baseline or options.write_baseline:
        linter.fingerprints = {}
    _check_selectors(linter.rules, [*(options.select or []), *options.ignore], lang)
    forced = None
    finder = None
    if options.config:
        from charte_lint.config import load_config

        if not os.path.isfile(options.config):
            raise UsageError(text(lang, "no-such-path", path=options.config))
        forced = load_config(options.config)
    else:
        from charte_lint.config import ConfigFinder

        finder = ConfigFinder()
    listings: dict[str, list[str] | None] = {}  # what git lists, asked once per directory
    paths = collect(options.paths, None, listings)
    paths = [p for p in paths if not _excluded(p, forced or finder.config_for(p), options.paths)]
    detection = _start_detection(options, linter, finder, forced, listings)
    result = lint_files(linter, paths, finder, forced)
    if detection is not None:
        from charte_lint.repository import ancestor_manifests, repository_findings

        roots, root_config = detection
        above = [p for p in ancestor_manifests(roots) if p not in result.files]
        lint_files(linter, above, finder, forced)  # their uses only: the run is not about them
        result.findings.extend(repository_findings(linter, root_config))
    for error in result.errors:
        sys.stderr.write(f"charte-lint: error: {error}\n")
    if not paths and not options.quiet:
        sys.stderr.write(f"charte-lint: {text(lang, 'no-files', paths=' '.join(options.paths))}\n")
    findings = sorted(result.findings, key=lambda f: f.sort_key())
    files = sorted(result.files)
    stale = None
    if entries is not None and options.baseline:
        findings, stale = _apply_baseline(entries, findings, linter, options.baseline, files, lang)
    if options.write_baseline:
        _write_baseline(findings, linter, options.write_baseline, lang)
    rules = {rule.code: rule for rule in linter.rules}
    report = Report(findings, files, lang, __version__, rules, stale)
    for report_format, path in reports:
        _write(path, _render(report, report_format, color=False, quiet=False), lang)
    color = _use_color(options)
    _emit(options, _render(report, _main_format(options), color, options.quiet), color=False)
    if result.errors:
        return 2
    if options.write_baseline:
        return 0  # every finding is in the new baseline
    failing = False
    for finding in findings:
        if finding.suppression is not None:
            continue
        threshold = options.fail_on
        if threshold is None:
            config = forced or (finder.config_for(finding.file) if finder else None)
            threshold = (config.fail_on if config else None) or "error"
        if exceeds([finding], threshold):
            failing = True
            break
    return 1 if failing else 0


def _start_detection(
    options: Options, linter: Any, finder: Any, forced: Any, listings: dict[str, Any]
) -> tuple[list[str], Any] | None:
    """Detect AI use in the code before the manifests are linted, when detection is on:
    (the directories scanned, the configuration that applies to them), or None."""
    if not _detecting(options):
        return None
    from charte_lint.repository import detection_roots, scan

    roots = detection_roots(options.paths) or ["."]
    config = forced or finder.config_for(os.path.join(roots[0], "ai-usage.yaml"))
    base = config.directory if config.source else None
    linter.repository = scan(roots, config.exclude, base, listings)
    # filled as the manifests are linted; with no evidence, nothing to declare and no need
    linter.declarations = [] if linter.repository.evidence else None
    return roots, config


def _detecting(options: Options) -> bool:
    """`--detect`, `--no-detect`, else on when a directory is linted (not for files only, so that
    the per-file pre-commit hook stays fast)."""
    if options.detect is not None:
        return options.detect
    return any(os.path.isdir(path) for path in options.paths)


def _init(options: Options, lang: str) -> int:
    """`--init [DIR]`: a commented starter ai-usage.yaml from what detection finds there."""
    from charte_lint.detect import detect, load_catalogue
    from charte_lint.init import render_starter, write_starter
    from charte_lint.messages import text

    if len(options.paths) != 1 or not os.path.isdir(options.paths[0]):
        raise UsageError(text(lang, "init-directory"))
    directory = options.paths[0]
    target = os.path.join(directory, "ai-usage.yaml")
    for name in ("ai-usage.yaml", "ai-usage.yml"):
        if os.path.lexists(os.path.join(directory, name)):
            raise UsageError(text(lang, "init-exists", path=os.path.join(directory, name)))
    catalogue = load_catalogue()
    evidence = detect(directory, None, catalogue)
    organisation = os.path.basename(os.path.abspath(directory)) or "TODO"
    starter = render_starter(evidence, catalogue.providers, lang, organisation, root=directory)
    try:
        write_starter(target, starter)
    except FileExistsError:
        raise UsageError(text(lang, "init-exists", path=target)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(text(lang, "cannot-write", path=target, reason=reason)) from None
    providers = len({e.provider for e in evidence})
    sys.stderr.write(
        "charte-lint: "
        + text(lang, "init-written", path=target, evidence=len(evidence), providers=providers)
        + "\n"
    )
    return 0


def _main_format(options: Options) -> str:
    """`--format`, else `github` inside GitHub Actions when writing to a pipe, else `text`."""
    if options.output_format:
        return options.output_format
    if (
        os.environ.get("GITHUB_ACTIONS") == "true"
        and not options.output
        and not sys.stdout.isatty()
    ):
        return "github"
    return "text"


def _render(report: Any, output_format: str, color: bool, quiet: bool) -> str:
    """The report in a registered format; colours only for a reporter that paints."""
    reporter = _reporter(output_format)
    return reporter.render(report, color and reporter.color, quiet)


def _reporter(output_format: str) -> Any:
    """The reporter registered as `output_format` (entry points `charte_lint.reporters`)."""
    from charte_lint.registry import load_reporter, reporter_names

    reporter = load_reporter(output_format)
    if reporter is None:
        raise UsageError(
            f"Invalid value for '--format': `{output_format}` is not a report format; "
            f"available: {', '.join(reporter_names())}"
        )
    return reporter


def _parse_report(value: str) -> tuple[str, str]:
    """`--report sarif:out.sarif` -> ("sarif", "out.sarif")."""
    from charte_lint.registry import reporter_names

    output_format, _, path = value.partition(":")
    names = reporter_names()
    if output_format not in names or not path:
        raise UsageError(
            f"--report expects FORMAT:FILE with FORMAT one of {', '.join(names)}, not `{value}`"
        )
    return output_format, path


def _read_baseline(options: Options, lang: str) -> list[Any] | None:
    if options.baseline and options.write_baseline:
        raise UsageError("--baseline and --write-baseline cannot be used together")
    if not options.baseline:
        return None
    from charte_lint.baseline import BaselineError, load

    try:
        return load(options.baseline, lang)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _apply_baseline(
    entries: list[Any], findings: list[Any], linter: Any, path: str, files: list[str], lang: str
) -> tuple[list[Any], list[Any]]:
    from charte_lint.baseline import TEXTS, describe_stale, subtract

    findings, stale = subtract(entries, findings, linter.fingerprints, path, files)
    for entry in stale:
        sys.stderr.write(f"charte-lint: {describe_stale(entry, lang)}\n")
    if stale:
        count = TEXTS[lang]["stale-count"].format(count=len(stale), path=path)
        sys.stderr.write(f"charte-lint: {count}\n")
    return findings, stale


def _write_baseline(findings: list[Any], linter: Any, path: str, lang: str) -> None:
    from charte_lint.baseline import TEXTS, entries_for
    from charte_lint.baseline import render as render_baseline

    entries = entries_for(findings, linter.fingerprints, path)
    _write(path, render_baseline(entries), lang)
    sys.stderr.write(
        f"charte-lint: {TEXTS[lang]['written'].format(count=len(entries), path=path)}\n"
    )


def _excluded(path: str, config: Any, given: list[str]) -> bool:
    """Whether the configuration that covers a discovered file (`--config`, else the one found
    for it) excludes it: its `exclude` patterns, relative to its directory."""
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


def _use_color(options: Options) -> bool:
    if options.no_color or options.output or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _emit(options: Options, rendered: str, color: bool) -> int:
    if options.output:
        from charte_lint.messages import pick_language

        _write(options.output, rendered, pick_language(options.lang))
    else:
        sys.stdout.write(rendered)
        sys.stdout.flush()
    return 0


def _write(path: str, rendered: str, lang: str) -> None:
    from charte_lint.output import write_atomically

    try:
        write_atomically(path, rendered)
    except OSError as error:
        from charte_lint.messages import text

        reason = error.strerror or str(error)
        raise UsageError(text(lang, "cannot-write", path=path, reason=reason)) from None


def _explain(rules: list[Rule], key: str, lang: str) -> int:
    from charte_lint.docs_rules import explain
    from charte_lint.messages import text
    from charte_lint.registry import find_rule, suggestions

    rule = find_rule(rules, key)
    if rule is None:
        close = suggestions(rules, key)
        if close:
            found = ", ".join(f"`{c}`" for c in close)
            raise UsageError(text(lang, "unknown-rule-suggest", code=key, suggestions=found))
        raise UsageError(text(lang, "unknown-rule", code=key))
    sys.stdout.write(explain(rule, lang))
    return 0


def _list_rules(rules: list[Rule], options: Options, lang: str) -> str:
    from charte_lint.docs_rules import rules_json, rules_markdown, rules_text

    chosen = [
        rule
        for rule in rules
        if (options.charter is None or rule.charters.get(options.charter) or rule.principle is None)
        and (options.principle is None or rule.principle == options.principle)
    ]
    if options.output_format == "json":
        return rules_json(chosen, lang)
    if options.output_format == "markdown":
        return rules_markdown(chosen, lang)
    return rules_text(chosen, lang)


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _parse_with_click(args: list[str]) -> int:
    """Parse options with click; any usage error is one line on stderr and exit 2."""
    import click

    from charte_lint.api import CHARTERS, PRINCIPLES, SEVERITIES

    @click.command(
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
        help="Lint AI usage declarations (ai-usage.yaml) against the charter for the "
        "responsible use of AI. PATH is a manifest file or a directory to search "
        "(default: the current directory).",
    )
    @click.argument("paths", nargs=-1, metavar="[PATH]...")
    @click.option(
        "--format",
        "output_format",
        metavar=f"[{'|'.join(REPORT_FORMATS)}|markdown|NAME]",
        help="Format of the main report, NAME that of an installed reporter [default: text; "
        "github inside GitHub Actions when standard output is not a terminal] (markdown: only "
        "with --list-rules).",
    )
    @click.option(
        "-o", "--output", metavar="FILE", help="Write the main report to FILE (atomically)."
    )
    @click.option(
        "--report",
        "reports",
        multiple=True,
        metavar="FORMAT:FILE",
        help=f"Also write a report in FORMAT ({', '.join(REPORT_FORMATS)} or an installed "
        "reporter) to FILE; repeatable.",
    )
    @click.option(
        "--no-suppressions",
        is_flag=True,
        help="Audit: ignore suppression comments and waivers, report everything.",
    )
    @click.option(
        "--baseline",
        metavar="FILE",
        help="Report only findings that are not in this baseline; list its stale entries.",
    )
    @click.option(
        "--write-baseline",
        metavar="FILE",
        help="Record the current findings in FILE as the baseline, and exit 0.",
    )
    @click.option(
        "--config",
        metavar="PATH",
        help="Use this configuration for every file instead of discovering one.",
    )
    @click.option(
        "--fail-on",
        type=click.Choice(SEVERITIES),
        help="Exit 1 when a finding is at or above this severity [default: error].",
    )
    @click.option(
        "--select",
        multiple=True,
        metavar="CODES",
        help="Only these rules: codes, names or code prefixes, comma-separated.",
    )
    @click.option(
        "--ignore",
        multiple=True,
        metavar="CODES",
        help="Skip these rules: codes, names or code prefixes, comma-separated.",
    )
    @click.option(
        "--lang",
        type=click.Choice(["en", "fr"]),
        help="Language of messages [default: from LC_ALL / LC_MESSAGES / LANG].",
    )
    @click.option(
        "--detect/--no-detect",
        default=None,
        help="Also look for AI use in the code that no manifest declares [default: on when a "
        "directory is linted, off for manifest files only].",
    )
    @click.option(
        "--init",
        is_flag=True,
        help="Write a commented starter ai-usage.yaml in PATH (a directory, default: .) from "
        "the AI use detected there; never overwrites a file.",
    )
    @click.option("--list-rules", is_flag=True, help="List the rules and exit.")
    @click.option(
        "--charter",
        type=click.Choice(CHARTERS),
        help="With --list-rules: only rules of this charter version.",
    )
    @click.option(
        "--principle",
        type=click.Choice(PRINCIPLES),
        help="With --list-rules: only rules of this principle.",
    )
    @click.option("--explain", metavar="CODE", help="Print a rule's documentation and exit.")
    @click.option("-q", "--quiet", is_flag=True, help="Print findings only: no source, no summary.")
    @click.option("--no-color", is_flag=True, help="No colours (also when NO_COLOR is set).")
    @click.option("--version", is_flag=True, help="Print the version and exit.")
    def command(**values: Any) -> int:
        if values.pop("version"):
            click.echo(f"charte-lint {__version__}")
            return 0
        values["select"] = _split(values["select"]) if values["select"] else None
        values["ignore"] = _split(values["ignore"])
        return _guarded(Options(**values))

    try:
        result = command.main(args=args, prog_name="charte-lint", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:  # pragma: no cover - not configured
        click.echo(error.ctx.get_help() if error.ctx else "")
        return 2
    except click.UsageError as error:
        return _fail(error.format_message().replace("\n", " "))
    except click.exceptions.Abort:
        return _fail("interrupted", 130)
    except click.ClickException as error:
        return _fail(error.format_message())
    if isinstance(result, int):
        return result
    return 0  # --help
