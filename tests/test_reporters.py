"""Reporters through the entry-point group `charte_lint.reporters`, built-in and third-party."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

from conftest import SMALLEST, clean_env, invoke, run_cli

from charte_lint.registry import BUILTIN_REPORTERS, load_reporter, reporter_names
from charte_lint.reporters import Reporter

REPORTER = """
def render(report, color, quiet):
    return f"{len(report.active())} finding(s) in {len(report.files)} file(s)\\n"


class Painted:
    color = True

    def render(self, report, color, quiet):
        return f"painted color={color} quiet={quiet}\\n"


PAINTED = Painted()
"""
BROKEN = SMALLEST.replace("      name: GitHub Copilot Business\n", "")  # WRK001 and more


def install_reporter(site: Path, declared: str, module: str = REPORTER) -> dict:
    """A distribution with reporters, as pip would leave it: a module and its dist-info."""
    site.mkdir()
    (site / "acme_report.py").write_text(textwrap.dedent(module), encoding="utf-8")
    info = site / "acme_report-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-report\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[charte_lint.reporters]\n{declared}\n")
    return clean_env(PYTHONPATH=str(site))


def test_the_built_in_reporters_are_the_declared_entry_points():
    declared = {p.name: p.value for p in entry_points(group="charte_lint.reporters")}
    assert declared == BUILTIN_REPORTERS
    assert reporter_names() == ["text", "json", "sarif", "github", "gitlab", "junit"]
    for name in BUILTIN_REPORTERS:
        reporter = load_reporter(name)
        assert isinstance(reporter, Reporter)
        assert (reporter.name, reporter.color) == (name, name == "text")
    assert load_reporter("xml") is None


def test_an_installed_reporter_serves_format_and_report(tmp_path):
    env = install_reporter(
        tmp_path / "site", "count = acme_report:render\npainted = acme_report:PAINTED"
    )
    (tmp_path / "ai-usage.yaml").write_text(BROKEN, encoding="utf-8")
    result = run_cli("--format", "count", "--report", "count:out.txt", ".", cwd=tmp_path, env=env)
    assert (result.code, result.err) == (1, "")
    assert result.out == (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert result.out.endswith("finding(s) in 1 file(s)\n") and not result.out.startswith("0 ")
    # an object with `render` and `color`: no colour outside a terminal, -q passed on
    painted = run_cli("--format", "painted", "-q", ".", cwd=tmp_path, env=env)
    assert painted.out == "painted color=False quiet=True\n"
    unknown = run_cli("--format", "xml", ".", cwd=tmp_path, env=env)
    assert (unknown.code, unknown.out) == (2, "")
    assert unknown.err == (
        "charte-lint: error: `--format xml` is not a report format; "
        "available: text, json, sarif, github, gitlab, junit, count, painted\n"
    )
    report = run_cli("--report", "xml:out.xml", ".", cwd=tmp_path, env=env)
    assert report.err == (
        "charte-lint: error: --report expects FORMAT:FILE with FORMAT one of `text`, `json`, "
        "`sarif`, `github`, `gitlab`, `junit`, `count`, `painted`, not `xml:out.xml`\n"
    )


def test_an_unknown_format_is_one_line_listing_the_available_ones(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    result = invoke("--format", "xml", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: `--format xml` is not a report format; "
        "available: text, json, sarif, github, gitlab, junit\n"
    )


def test_a_broken_or_clashing_reporter_is_a_one_line_error(tmp_path):
    env = install_reporter(
        tmp_path / "broken", "count = acme_report:render", "raise OSError('boom')"
    )
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    result = run_cli("--format", "count", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert (result.code, result.out) == (2, "")
    assert (
        result.err == "charte-lint: error: cannot load reporter count (acme_report:render): boom\n"
    )
    env = install_reporter(tmp_path / "clash", "text = acme_report:render")
    result = run_cli("--format", "json", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: two reporters claim the format `text`: "
        "charte_lint.reporters.text:REPORTER and acme_report:render\n"
    )
    env = install_reporter(tmp_path / "not-callable", "count = acme_report:VALUE", "VALUE = 3\n")
    result = run_cli("--format", "count", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert result.err == (
        "charte-lint: error: reporter count (acme_report:VALUE) is neither a render function "
        "nor has one\n"
    )


def test_an_installed_reporter_does_not_slow_the_text_path(tmp_path):
    """With a third-party reporter installed, a text run imports none of its code."""
    env = install_reporter(tmp_path / "site", "count = acme_report:render")
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    probe = (
        "import sys\n"
        "from charte_lint import cli\n"
        "sys.argv = ['charte-lint', 'ai-usage.yaml']\n"
        "try:\n    cli.main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, 'acme_report' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.stderr == "0 False\n"
