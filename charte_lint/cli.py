"""The command line: `charte-lint [OPTIONS] [PATH]...`.

Options are parsed by click; a command line of paths only (what most runs pass), or `--changed`
and paths (what the pre-commit hook passes), skips importing click, which would otherwise be a
third of a one-file run. Both roads lead to
`charte_lint.run.run(Options)`, which lints and decides the exit code: 0 nothing at or above
`--fail-on`, 1 findings at or above it (a rule that crashes is one, CL000), 2 usage,
configuration or I/O errors, always with a one-line message and never a traceback. This module
only parses, renders and prints.
"""

from __future__ import annotations

import os
import sys

from charte_lint import __version__
from charte_lint.run import Options, UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any, NoReturn

    from charte_lint.api import Rule

REPORT_FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")  # the built-in reporters


def main(argv: list[str] | None = None) -> NoReturn:
    """Console entry point."""
    args = sys.argv[1:] if argv is None else list(argv)
    if all(not arg.startswith("-") for arg in args):
        sys.exit(_guarded(Options(paths=args)))
    if args[:1] == ["--changed"] and all(not arg.startswith("-") for arg in args[1:]):
        sys.exit(_guarded(Options(paths=args[1:], changed=True)))  # the pre-commit hook's
    sys.exit(_parse_with_click(args))


def _guarded(options: Options) -> int:
    from charte_lint.messages import pick_language

    lang = pick_language(options.lang)
    try:
        return _dispatch(options, lang)
    except UsageError as error:
        return _fail(str(error), lang=lang)
    except KeyboardInterrupt:
        return _interrupted(lang)
    except Exception as error:  # the promise is "never a traceback": say what broke, exit 2
        if os.environ.get("CHARTE_LINT_DEBUG"):
            raise
        from charte_lint.config import ConfigError
        from charte_lint.files import PathError
        from charte_lint.messages import t, text
        from charte_lint.registry import RuleError

        if isinstance(error, ConfigError):
            location = f"{error.path}:{error.line}:{error.column}"
            reason = error.reason
            return _fail(text(lang, "config-error", location=location, reason=reason), lang=lang)
        if isinstance(error, PathError):
            return _fail(text(lang, error.key, **error.params), lang=lang)
        if isinstance(error, RuleError):
            return _fail(error.in_language(lang), lang=lang)
        message = t(lang, "internal error: {error}")
        return _fail(message.format(error=f"{type(error).__name__}: {error}"), lang=lang)


def _fail(message: str, code: int = 2, lang: str = "en") -> int:
    """A one-line error on standard error, and the exit code to return."""
    from charte_lint.messages import t

    sys.stderr.write(t(lang, "charte-lint: error: {message}").format(message=message) + "\n")
    return code


def _interrupted(lang: str) -> int:
    from charte_lint.messages import t

    return _fail(t(lang, "interrupted"), 130, lang)


def _dispatch(options: Options, lang: str) -> int:
    """One invocation, from options to exit code: `--init`, `--list-rules`, `--explain`, or a
    run."""
    from charte_lint.messages import t

    if options.output_format == "markdown" and not options.list_rules:
        raise UsageError(t(lang, "--format markdown is only for --list-rules"))
    if options.list_rules and options.output_format not in (None, "text", "json", "markdown"):
        message = t(lang, "--format {format} is not available with --list-rules")
        raise UsageError(message.format(format=options.output_format))
    if options.init:
        return _init(options, lang)
    if options.register:
        return _register(options, lang)
    if options.show_config:
        return _show_config(options, lang)
    if options.list_rules or options.explain:
        from charte_lint.registry import load_rules

        rules = load_rules()
        if options.explain:
            return _explain(rules, options.explain, lang)
        return _emit(options, _list_rules(rules, options, lang), color=False)
    return _lint(options, lang)


def _lint(options: Options, lang: str) -> int:
    """Lint, then print: messages on standard error, the reports, the exit code."""
    from charte_lint.reporters import Report
    from charte_lint.run import run as run_lint

    reports = [_parse_report(value, lang) for value in options.reports]
    if options.output_format:
        _reporter(options.output_format, lang)  # an unknown format stops the run before any work
    result = run_lint(options, lang)
    for note in result.notes:
        sys.stderr.write(f"{note}\n")
    if result.baseline_entries is not None and options.write_baseline:
        _write_baseline(result.baseline_entries, options.write_baseline, lang)
    rules = {rule.code: rule for rule in result.rules}
    report = Report(
        result.findings, result.files, lang, __version__, rules, result.stale, result.thresholds
    )
    for report_format, path in reports:
        _write(path, _render(report, report_format, color=False, quiet=False), lang)
    if options.write_baseline:
        return result.exit_code  # the confirmation on standard error says it all
    color = _use_color(options)
    _emit(options, _render(report, _main_format(options), color, options.quiet), color=False)
    return result.exit_code


def _register(options: Options, lang: str) -> int:
    """`--register TARGET [PATH]...`: the organisation's register (charte_lint.register)."""
    from charte_lint.api import duration_days
    from charte_lint.messages import text
    from charte_lint.register.command import register

    if options.output_format or options.output or options.reports:
        raise UsageError(text(lang, "register-options"))
    if not duration_days(options.stale_after):
        raise UsageError(text(lang, "register-stale-after", value=options.stale_after))
    assert options.register is not None
    return register(options, options.register, lang)


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
    config = _init_config(options, target, lang)
    catalogue = load_catalogue()
    evidence = detect(directory, None, catalogue)
    starter = render_starter(
        evidence,
        catalogue.providers,
        lang,
        "",  # the organisation's name is the user's to state: a directory name is only a guess
        options.charter or "private",
        root=directory,
        registry=config.policy.approved_tools,
        catalogue=catalogue,
    )
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


def _show_config(options: Options, lang: str) -> int:
    """`--show-config [PATH]...`: the effective configuration of each path, and its sources."""
    from charte_lint.effective import render_json, render_text
    from charte_lint.messages import t
    from charte_lint.run import configs_for

    if options.output_format not in (None, "text", "json"):
        message = t(lang, "--format {format} is not available with --show-config")
        raise UsageError(message.format(format=options.output_format))
    targets = configs_for(options, lang)
    if options.output_format == "json":
        return _emit(options, render_json(targets), color=False)
    return _emit(options, render_text(targets, lang), color=False)


def _init_config(options: Options, target: str, lang: str) -> Any:
    """The configuration that will apply to the starter: `--config`, else the one found for it."""
    from charte_lint.config import ConfigFinder, load_config
    from charte_lint.messages import text

    if options.config:
        if not os.path.isfile(options.config):
            raise UsageError(text(lang, "no-such-path", path=options.config))
        return load_config(options.config)
    return ConfigFinder().config_for(target)


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


def _reporter(output_format: str, lang: str = "en") -> Any:
    """The reporter registered as `output_format` (entry points `charte_lint.reporters`)."""
    from charte_lint.messages import t
    from charte_lint.registry import load_reporter, reporter_names

    reporter = load_reporter(output_format)
    if reporter is None:
        message = t(lang, "`--format {format}` is not a report format; available: {formats}")
        raise UsageError(message.format(format=output_format, formats=", ".join(reporter_names())))
    return reporter


def _parse_report(value: str, lang: str) -> tuple[str, str]:
    """`--report sarif:out.sarif` -> ("sarif", "out.sarif")."""
    from charte_lint.messages import t
    from charte_lint.registry import reporter_names

    output_format, _, path = value.partition(":")
    names = reporter_names()
    if output_format not in names or not path:
        message = t(
            lang, "--report expects FORMAT:FILE with FORMAT one of {formats}, not `{value}`"
        )
        raise UsageError(message.format(formats=", ".join(f"`{n}`" for n in names), value=value))
    return output_format, path


def _write_baseline(entries: list[Any], path: str, lang: str) -> None:
    from charte_lint.baseline import render as render_baseline
    from charte_lint.baseline import written

    _write(path, render_baseline(entries), lang)
    sys.stderr.write(f"charte-lint: {written(lang, len(entries), path)}\n")


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
    from charte_lint.messages import languages

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
        type=click.Choice(languages()),
        help="Language of messages [default: from LC_ALL / LC_MESSAGES / LANG].",
    )
    @click.option(
        "--detect/--no-detect",
        default=None,
        help="Also look for AI use in the code that no manifest declares [default: on when a "
        "directory is linted, off for manifest files only].",
    )
    @click.option(
        "--changed",
        is_flag=True,
        help="PATHs are the files of a commit (what the pre-commit hook passes): lint the "
        "manifests among them, look for AI use in the others only, and check it against the "
        "manifests in each file's directory and above; report nothing on other files.",
    )
    @click.option(
        "--init",
        is_flag=True,
        help="Write a commented starter ai-usage.yaml in PATH (a directory, default: .) from "
        "the AI use detected there; never overwrites a file.",
    )
    @click.option(
        "--show-config",
        is_flag=True,
        help="Print the effective configuration of each PATH (a file or a directory), with the "
        "file and line, or the policy package, that set each value, and exit (--format text or "
        "json).",
    )
    @click.option(
        "--register",
        metavar="TARGET",
        help="Write the register of the AI uses declared under PATH (manifests, directories, "
        "and CI fragments `charte-lint-register.json`): TARGET `*.json` receives the register "
        "document alone (a repository's fragment); any other TARGET is a directory that "
        "receives it as JSON, CSV, Markdown and HTML, the exports and the notices.",
    )
    @click.option(
        "--stale-after",
        metavar="DURATION",
        help="With --register: a fragment older than this ISO 8601 duration is listed as stale "
        "[default: P90D].",
    )
    @click.option("--list-rules", is_flag=True, help="List the rules and exit.")
    @click.option(
        "--charter",
        type=click.Choice(CHARTERS),
        help="With --list-rules: only rules of this charter version; with --init: the charter "
        "the starter declares [default: private].",
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
        lang = _requested_language(args)
        return _fail(_click_message(error, lang), lang=lang)
    except click.exceptions.Abort:
        return _interrupted(_requested_language(args))
    except click.ClickException as error:
        lang = _requested_language(args)
        return _fail(_quoted(error.format_message(), lang), lang=lang)
    if isinstance(result, int):
        return result
    return 0  # --help


def _requested_language(args: list[str]) -> str:
    """The language of a command line click refused: its `--lang`, else the locale's."""
    from charte_lint.messages import has_language, pick_language

    for index, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value is not None and has_language(value):
            return value
    return pick_language(None)


def _click_message(error: Any, lang: str) -> str:
    """click's usage errors in the run's language: click itself speaks English only."""
    import click

    from charte_lint.messages import t

    if isinstance(error, click.NoSuchOption):
        message = t(lang, "no such option: {option}").format(option=error.option_name)
        if error.possibilities:
            close = ", ".join(f"`{p}`" for p in sorted(error.possibilities))
            message += t(lang, "; did you mean {suggestions}?").format(suggestions=close)
        return message
    param = getattr(error, "param", None)
    if isinstance(error, click.BadParameter) and param is not None:
        name = param.opts[-1] if getattr(param, "opts", None) else param.name
        choices = getattr(param.type, "choices", None)
        if choices:
            message = t(lang, "`{option}` takes one of {choices}")
            return message.format(option=name, choices=", ".join(f"`{c}`" for c in choices))
    if isinstance(error, click.BadOptionUsage) and error.option_name:
        return t(lang, "`{option}` needs a value").format(option=error.option_name)
    return _quoted(error.format_message().replace("\n", " "), lang)


def _quoted(message: str, lang: str) -> str:
    """A message from another tool, shown as it is: quoted, in a language that is not its own."""
    return message if lang == "en" else f"« {message} »"
