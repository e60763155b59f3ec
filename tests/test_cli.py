"""The command line: formats, exit codes, discovery, errors.

Exit codes 0, 1 and 2 (from click's parser and from the run), `--version` and `python -m
charte_lint` go through the real console script in a child process (`run_cli`); the rest call its
function in this process (`invoke`), with the same arguments, environment and directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import SMALLEST, clean_env, invoke, run_cli

from charte_lint import __version__

HEADCOUNT = SMALLEST.replace("impact: none", "impact: headcount_reduction")


def make(tmp_path: Path, relative: str, text: str = SMALLEST) -> Path:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_0_with_a_summary(tmp_path):
    make(tmp_path, "ai-usage.yaml")
    result = run_cli("ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "No findings in 1 file.\n", "")


def test_text_output_shows_source_and_caret(tmp_path):
    make(tmp_path, "ai-usage.yaml", HEADCOUNT)
    result = run_cli("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.out == (
        "ai-usage.yaml:27:15: WRK001 [error] use `code-assistant` declares `work.impact: "
        "headcount_reduction`: the charter allows AI to relieve repetitive tasks, not to replace "
        "staff (headcount-reduction)\n"
        "    27 |       impact: headcount_reduction\n"
        "       |               ^^^^^^^^^^^^^^^^^^^\n"
        "\n"
        "1 error, 0 warnings, 0 info in 1 file\n"
    )


def test_default_path_is_the_current_directory_and_order_is_deterministic(tmp_path):
    make(tmp_path, "b/ai-usage.yml", HEADCOUNT)
    make(tmp_path, "a/ai-usage.yaml", HEADCOUNT.replace("personal: false", "personal: no"))
    make(tmp_path, "c/other.yaml", HEADCOUNT)
    result = invoke("-q", cwd=tmp_path)
    assert result.code == 1
    assert [line.split(" ")[0:2] for line in result.out.splitlines()] == [
        ["a/ai-usage.yaml:24:17:", "CL003"],
        ["a/ai-usage.yaml:27:15:", "WRK001"],
        ["b/ai-usage.yml:27:15:", "WRK001"],
    ]


def test_json_output_is_the_documented_contract(tmp_path):
    make(tmp_path, "ai-usage.yaml", HEADCOUNT)
    make(tmp_path, "ok/ai-usage.yaml")
    result = invoke("--format", "json", ".", cwd=tmp_path)
    assert result.code == 1
    document = result.json()
    assert document == {
        "version": __version__,
        "files": ["ai-usage.yaml", "ok/ai-usage.yaml"],
        "findings": [
            {
                "file": "ai-usage.yaml",
                "line": 27,
                "column": 15,
                "end_line": 27,
                "end_column": 34,
                "code": "WRK001",
                "name": "headcount-reduction",
                "severity": "error",
                "principle": "work",
                "charter": "P7",
                "use": "code-assistant",
                "pointer": "/uses/0/work/impact",
                "message": "use `code-assistant` declares `work.impact: headcount_reduction`: the "
                "charter allows AI to relieve repetitive tasks, not to replace staff",
                "suppression": None,
            }
        ],
        "summary": {"error": 1, "warning": 0, "info": 0, "files": 2},
    }


def test_json_charter_number_follows_the_manifest_version(tmp_path):
    make(tmp_path, "ai-usage.yaml", HEADCOUNT.replace("charter: private", "charter: public"))
    finding = invoke("--format", "json", "--select", "WRK", "ai-usage.yaml", cwd=tmp_path).json()
    assert finding["findings"][0]["charter"] == "S7"
    structural = make(tmp_path, "x/ai-usage.yaml", "version: 1\n")
    data = invoke("--format", "json", str(structural), cwd=tmp_path).json()
    assert {(f["principle"], f["charter"], f["use"]) for f in data["findings"]} == {
        (None, None, None)
    }


def test_fail_on_threshold(tmp_path):
    make(tmp_path, "ai-usage.yaml", SMALLEST.replace("personal: false", "personal: no"))
    assert invoke("ai-usage.yaml", cwd=tmp_path).code == 0
    assert invoke("--fail-on", "warning", "ai-usage.yaml", cwd=tmp_path).code == 1
    assert invoke("--fail-on", "info", "ai-usage.yaml", cwd=tmp_path).code == 1
    assert invoke("--fail-on", "error", "ai-usage.yaml", cwd=tmp_path).code == 0


def test_output_file_is_written_atomically_and_stdout_stays_empty(tmp_path):
    make(tmp_path, "ai-usage.yaml", HEADCOUNT)
    report = tmp_path / "report.json"
    report.write_text("previous", encoding="utf-8")
    result = invoke("--format", "json", "--output", "report.json", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.out) == (1, "")
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".charte-lint-")] == []
    failed = invoke("-o", "missing-dir/report.json", "ai-usage.yaml", cwd=tmp_path)
    assert failed.code == 2
    assert failed.err == (
        "charte-lint: error: cannot write missing-dir/report.json: No such file or directory\n"
    )


def test_usage_errors_are_one_line_and_exit_2(tmp_path):
    make(tmp_path, "ai-usage.yaml")
    unknown = run_cli("--frobnicate", cwd=tmp_path)
    assert (unknown.code, unknown.out) == (2, "")
    # click's own errors are reworded in the run's language: one line, our prefix
    assert unknown.err == (
        "charte-lint: error: no such option: --frobnicate; did you mean `--format`?\n"
    )
    french = run_cli("--frobnicate", "--lang", "fr", cwd=tmp_path)
    assert french.err == (
        "charte-lint : erreur : option inconnue : --frobnicate ; vouliez-vous dire `--format` ?\n"
    )
    bad_choice = run_cli("--format", "xml", cwd=tmp_path)
    assert bad_choice.code == 2
    assert bad_choice.err.startswith("charte-lint: error: `--format xml` is not a report format; ")
    assert bad_choice.err.count("\n") == 1
    bad_fail_on = run_cli("--fail-on", "critical", "--lang", "fr", cwd=tmp_path)
    assert (bad_fail_on.code, bad_fail_on.err) == (
        2,
        "charte-lint : erreur : `--fail-on` prend l'une des valeurs `error`, `warning`, `info`\n",
    )
    missing = run_cli("nothing-here.yaml", cwd=tmp_path)
    assert (missing.code, missing.err) == (
        2,
        "charte-lint: error: no such file or directory: nothing-here.yaml\n",
    )
    markdown = run_cli("--format", "markdown", "ai-usage.yaml", cwd=tmp_path)
    assert (markdown.code, markdown.err) == (
        2,
        "charte-lint: error: --format markdown is only for --list-rules\n",
    )


def test_version_and_module_entry_point(tmp_path):
    assert run_cli("--version").out == f"charte-lint {__version__}\n"
    make(tmp_path, "ai-usage.yaml", HEADCOUNT)
    module = subprocess.run(
        [sys.executable, "-m", "charte_lint", "-q", "ai-usage.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    assert module.returncode == 1
    assert module.stdout.startswith("ai-usage.yaml:27:15: WRK001 [error]")


def test_help_lists_the_options():
    result = invoke("--help")
    assert result.code == 0
    for option in (
        "--format",
        "--output",
        "--config",
        "--fail-on",
        "--select",
        "--ignore",
        "--lang",
        "--list-rules",
        "--explain",
        "--version",
        "--quiet",
        "--no-color",
    ):
        assert option in result.out


def test_language_from_option_and_locale(tmp_path):
    make(tmp_path, "ai-usage.yaml", HEADCOUNT)
    french = "l'usage `code-assistant` déclare `work.impact: headcount_reduction`"
    assert french in invoke("--lang", "fr", "ai-usage.yaml", cwd=tmp_path).out
    by_locale = invoke("ai-usage.yaml", cwd=tmp_path, env=clean_env(LANG="fr_FR.UTF-8"))
    assert french in by_locale.out
    assert by_locale.out.endswith("1 erreur, 0 avertissement, 0 info dans 1 fichier\n")
    overridden = invoke(
        "ai-usage.yaml", cwd=tmp_path, env=clean_env(LANG="fr_FR.UTF-8", LC_ALL="en_GB.UTF-8")
    )
    assert "use `code-assistant` declares" in overridden.out
    forced = invoke("--lang", "en", "ai-usage.yaml", cwd=tmp_path, env=clean_env(LC_ALL="fr_FR"))
    assert "use `code-assistant` declares" in forced.out


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from charte_lint import cli

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli.sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli._use_color(cli.Options()) is True
    assert cli._use_color(cli.Options(no_color=True)) is False
    assert cli._use_color(cli.Options(output="report.txt")) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._use_color(cli.Options()) is False


def test_colour_codes_in_text_output():
    from charte_lint.api import Finding
    from charte_lint.reporters import Report
    from charte_lint.reporters.text import render

    finding = Finding(
        "WRK001",
        "headcount-reduction",
        "error",
        "/uses/0/work/impact",
        "msg",
        file="a.yaml",
        line=3,
        column=5,
        end_line=3,
        end_column=7,
        source_line="    ab: x\x1b]0;pwn\x07",
    )
    output = render(Report([finding], ["a.yaml"], "en", "0"), color=True)
    assert output.splitlines()[0] == (
        "\x1b[1ma.yaml:3:5:\x1b[0m \x1b[1mWRK001\x1b[0m [\x1b[31merror\x1b[0m] msg "
        "(headcount-reduction)"
    )
    assert "\x1b]0" not in output.replace("\x1b[", "")  # the file's escape is shown, not sent
    assert "\\u001b]0;pwn\\u0007" in output


def test_directory_search_skips_vendored_and_special_files(tmp_path):
    make(tmp_path, "ai-usage.yaml")
    make(tmp_path, "node_modules/pkg/ai-usage.yaml", "not: [valid")
    make(tmp_path, ".venv/lib/ai-usage.yaml", "not: [valid")
    make(tmp_path, "env/pyvenv.cfg", "home = /usr\n")
    make(tmp_path, "env/lib/ai-usage.yaml", "not: [valid")
    (tmp_path / "dir" / "ai-usage.yaml").mkdir(parents=True)  # a directory with the name
    (tmp_path / "fifo").mkdir()
    os.mkfifo(tmp_path / "fifo" / "ai-usage.yml")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "back").symlink_to(tmp_path, target_is_directory=True)
    outside = make(tmp_path.parent / f"{tmp_path.name}-outside", "ai-usage.yaml", "x: [")
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "ai-usage.yaml").symlink_to(outside)
    result = invoke("--format", "json", ".", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    assert result.json()["files"] == ["ai-usage.yaml"]


def test_gitignore_is_honoured_inside_a_git_repository(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    make(tmp_path, ".gitignore", "generated/\n")
    make(tmp_path, "ai-usage.yaml")
    make(tmp_path, "generated/ai-usage.yaml", "not: [valid")
    make(tmp_path, "team/ai-usage.yml")
    result = invoke("--format", "json", cwd=tmp_path)
    assert result.json()["files"] == ["ai-usage.yaml", "team/ai-usage.yml"]
    # a file or an ignored directory named explicitly is linted as given
    assert invoke("generated/ai-usage.yaml", cwd=tmp_path).code == 1
    assert invoke("generated", cwd=tmp_path).code == 1


def test_not_a_regular_file_given_explicitly(tmp_path):
    os.mkfifo(tmp_path / "ai-usage.yaml")
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (
        2,
        "charte-lint: error: cannot read ai-usage.yaml: not a regular file\n",
    )


def test_unreadable_file_is_reported_and_the_rest_is_linted(tmp_path, monkeypatch, capsys):
    from charte_lint import cli, runner

    make(tmp_path, "a/ai-usage.yaml", HEADCOUNT)
    make(tmp_path, "b/ai-usage.yaml")
    real = runner.read_file

    def refuse(path: str, limit: int) -> bytes:
        if path.startswith(str(tmp_path / "b")):
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(runner, "read_file", refuse)
    code = cli._guarded(cli.Options(paths=[str(tmp_path)], quiet=True, lang="en"))
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (
        f"charte-lint: error: cannot read {tmp_path}/b/ai-usage.yaml: Permission denied\n"
    )
    assert captured.out.startswith(f"{tmp_path}/a/ai-usage.yaml:27:15: WRK001 [error]")


def test_no_manifest_found_is_not_an_error(tmp_path):
    make(tmp_path, "README.md", "# nothing\n")
    result = invoke(".", cwd=tmp_path)
    assert result.code == 0
    assert result.err == "charte-lint: no ai-usage.yaml or ai-usage.yml found under .\n"
    assert result.out == "No findings in 0 files.\n"


def test_a_directory_named_rules_is_linted_not_a_subcommand(tmp_path):
    make(tmp_path, "rules/ai-usage.yaml", HEADCOUNT)
    result = invoke("-q", "rules", cwd=tmp_path)
    assert result.code == 1
    assert result.out.startswith("rules/ai-usage.yaml:27:15: WRK001")


def test_many_files_in_parallel_give_the_same_report_as_one_by_one(tmp_path):
    for index in range(80):
        text = HEADCOUNT if index % 3 == 0 else SMALLEST
        make(
            tmp_path,
            f"team-{index:02}/ai-usage.yaml",
            text.replace("code-assistant", f"use-{index}"),
        )
    parallel = invoke("--format", "json", ".", cwd=tmp_path).json()
    assert parallel["summary"] == {"error": 27, "warning": 0, "info": 0, "files": 80}
    from charte_lint import runner
    from charte_lint.config import ConfigFinder
    from charte_lint.engine import Linter

    paths = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob("*/ai-usage.yaml"))
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        serial = runner._serial(
            Linter(lang="en"), [(p, ConfigFinder().config_for(p)) for p in paths]
        )
    finally:
        os.chdir(previous)
    serial_findings = sorted((f for r in serial for f in r.findings), key=lambda f: f.sort_key())
    assert [{**f.as_dict(), "suppression": f.suppression} for f in serial_findings] == (
        parallel["findings"]
    )


def test_list_rules_and_explain(tmp_path):
    listing = invoke("--list-rules", "--format", "json")
    rules = listing.json()
    assert listing.code == 0
    codes = [rule["code"] for rule in rules]
    assert codes[:2] == ["CL000", "CL001"] and "WRK001" in codes
    work = next(rule for rule in rules if rule["code"] == "WRK001")
    assert work["charters"] == {"private": "P7", "public": "S7"}
    assert set(work) == {
        "code",
        "name",
        "principle",
        "charters",
        "severity",
        "summary",
        "docs",
        "references",
    }
    explained = invoke("--explain", "WRK001")
    assert explained.code == 0
    assert explained.out.startswith("WRK001 headcount-reduction\n\n")
    for section in ("## What it does", "## Why it matters", "## Example", "## How to fix"):
        assert section in explained.out
    by_name = invoke("--explain", "headcount-reduction", "--lang", "fr")
    assert "## Pourquoi c'est important" in by_name.out
    unknown = invoke("--explain", "headcount-reductoin")
    assert (unknown.code, unknown.out) == (2, "")
    assert unknown.err == (
        "charte-lint: error: unknown rule `headcount-reductoin`; did you mean "
        "`headcount-reduction`?\n"
    )
    nothing_close = invoke("--explain", "XYZ123")
    assert (nothing_close.code, nothing_close.err) == (
        2,
        "charte-lint: error: unknown rule `XYZ123`\n",
    )
    text = invoke("--list-rules", "--charter", "public", "--principle", "work")
    assert text.out.splitlines()[0].split()[:3] == ["WRK001", "headcount-reduction", "error"]
    markdown = invoke("--list-rules", "--format", "markdown")
    assert markdown.out.startswith("# Rules\n")


def test_an_unknown_selector_suggests_the_rules_whose_name_holds_the_word(tmp_path):
    result = invoke("--ignore", "dpia", ".", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: unknown rule `dpia`; did you mean `dpia-missing`, `dpia-pending`?\n"
    )
    words = invoke("--select", "AI_USE", ".", cwd=tmp_path)
    assert words.err == (
        "charte-lint: error: unknown rule `AI_USE`; did you mean `undeclared-ai-use`, "
        "`declared-ai-use-not-in-code`?\n"
    )
    explained = invoke("--lang", "fr", "--explain", "dpia")
    assert (explained.code, explained.err) == (
        2,
        "charte-lint : erreur : règle inconnue `dpia` ; vouliez-vous dire `dpia-missing`, "
        "`dpia-pending` ?\n",
    )
    assert invoke("--ignore", "ai", ".", cwd=tmp_path).err == (
        "charte-lint: error: unknown rule `ai`\n"  # too short a word to search names for
    )
