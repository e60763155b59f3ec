"""Rule packs: third-party packs through entry points, and a default path that pays nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import SMALLEST, clean_env, run_cli

from charte_lint.api import Rule
from charte_lint.registry import load_rules

PACK = """
from charte_lint.api import get, rule


@rule("ACME001", "hosting-undeclared", principle="data", severity="warning", charters=["private"])
def hosting_undeclared(ctx):
    for pointer, use in ctx.uses():
        if get(use, "tool.hosting") is None:
            yield ctx.finding(pointer + "/tool", use_id=use["id"])


RULES = [hosting_undeclared]
"""
# A pack's texts are files beside its module: content/LANG/CODE.md.
PACK_CONTENT = {
    "en": "---\nsummary: Hosting is not declared.\nmessages:\n"
    "  default: use `{use_id}` does not say where the tool is hosted\n"
    "references:\n  - ACME policy 4.2\n---\n\n## What it does\nx\n\n## Why it matters\nx\n\n"
    "## How to fix\nx\n",
    "fr": "---\nsummary: L'hébergement n'est pas déclaré.\nmessages:\n"
    "  default: l'usage `{use_id}` ne dit pas où l'outil est hébergé\n---\n\n"
    "## Ce que fait la règle\nx\n\n## Pourquoi c'est important\nx\n\n## Comment corriger\nx\n",
}


def install_pack(site: Path, module: str = PACK, value: str = "acme_rules:RULES") -> dict:
    site.mkdir()
    (site / "acme_rules.py").write_text(textwrap.dedent(module), encoding="utf-8")
    for lang, text in PACK_CONTENT.items():
        (site / "content" / lang).mkdir(parents=True)
        (site / "content" / lang / "ACME001.md").write_text(text, encoding="utf-8")
    info = site / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[charte_lint.rules]\nacme = {value}\n")
    return clean_env(PYTHONPATH=str(site))


def test_builtin_pack_is_complete_and_unique():
    rules = load_rules()
    assert all(isinstance(rule, Rule) for rule in rules)
    assert len({r.code for r in rules}) == len(rules) == len({r.name for r in rules})
    principles = {r.principle for r in rules if r.principle}
    assert principles == {
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
    }
    for charter in ("private", "public"):
        served = {r.principle for r in rules if r.principle and r.applies_to(charter)}
        expected = principles - ({"vigilance"} if charter == "private" else set())
        assert expected <= served, charter


def test_installed_third_party_pack_is_loaded(tmp_path):
    env = install_pack(tmp_path / "site")
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    result = run_cli("-q", "--fail-on", "warning", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert (result.code, result.err) == (1, "")
    assert result.out == (
        "ai-usage.yaml:18:5: ACME001 [warning] use `code-assistant` does not say where the tool "
        "is hosted (hosting-undeclared)\n"
    )
    listed = run_cli("--list-rules", "--format", "json", env=env).json()
    assert listed[-1]["code"] == "ACME001"
    assert listed[-1]["charters"] == {"private": "P3", "public": None}


def test_broken_third_party_pack_is_a_one_line_error(tmp_path):
    env = install_pack(tmp_path / "site", module="raise ImportError('boom')\n")
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    result = run_cli("ai-usage.yaml", cwd=tmp_path, env=env)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: cannot load rule pack acme (acme_rules:RULES): boom\n"
    )


def test_a_rule_that_crashes_is_one_finding_and_the_run_goes_on(tmp_path):
    crashing = PACK.replace('get(use, "tool.hosting") is None', "1 / 0")
    env = install_pack(tmp_path / "site", module=crashing)
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    result = run_cli("-q", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert (result.code, result.err) == (1, "")
    assert result.out == (
        "ai-usage.yaml:1:1: CL000 [error] rule `ACME001` (hosting-undeclared) failed on this "
        "file: ZeroDivisionError: division by zero (rule-crash)\n"
    )


def test_the_default_path_imports_neither_click_nor_jsonschema_nor_entry_points(tmp_path):
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(SMALLEST, encoding="utf-8")
    probe = (
        "import sys\n"
        "from charte_lint import cli\n"
        f"sys.argv = ['charte-lint', {str(manifest)!r}]\n"
        "try:\n    cli.main()\nexcept SystemExit as done:\n    code = done.code\n"
        "heavy = [m for m in ('click', 'jsonschema', 'importlib.metadata', 'typing',"
        " 'dataclasses', 'multiprocessing', 'pathspec') if m in sys.modules]\n"
        "print(code, heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=tmp_path,
        check=False,
    )
    assert result.stderr == "0 []\n"
    invalid = probe.replace("cli.main()", "open(sys.argv[1], 'a').write('oops: 1\\n'); cli.main()")
    result = subprocess.run(
        [sys.executable, "-c", invalid],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=tmp_path,
        check=False,
    )
    code, heavy = result.stderr.split(" ", 1)
    assert code == "1"  # only a failing document pays for jsonschema (which imports typing)
    assert "'jsonschema'" in heavy and "click" not in heavy and "importlib" not in heavy
