"""Organisation policy packages (`extends: policy:NAME`), the merge of `approved_tools` by `id`,
and `--show-config`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SMALLEST, clean_env, dedent, invoke, run_cli

from charte_lint.config import load_config

EXAMPLE = REPO / "examples" / "org-policy"
BROKEN = {
    "pyproject.toml": dedent("""
        [build-system]
        requires = ["setuptools>=64"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "broken-charte-policy"
        version = "0.1.0"

        [project.entry-points."charte_lint.policies"]
        broken = "broken_charte_policy:POLICY"
        crashing = "broken_charte_policy:MISSING"

        [tool.setuptools]
        packages = ["broken_charte_policy"]
        """),
    "broken_charte_policy/__init__.py": 'POLICY = "no-such-policy.yaml"\n',
}
CONFIDENTIAL = (
    SMALLEST.replace("copilot-business", "le-chat-pro")
    .replace("GitHub Copilot Business", "Mistral Le Chat Pro")
    .replace("classification: internal", "classification: confidential")
)
INTERNAL = SMALLEST.replace("approved: copilot-business", "approved: internal-llm")


def _pip_install(source: Path, target: Path) -> None:
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The example policy package and a broken one, built from their directories and
    installed with pip into a directory of their own (what PYTHONPATH then points at)."""
    base = tmp_path_factory.mktemp("policies")
    shutil.copytree(EXAMPLE, base / "acme", ignore=shutil.ignore_patterns("build", "*.egg-info"))
    for name, text in BROKEN.items():
        (base / "broken" / name).parent.mkdir(parents=True, exist_ok=True)
        (base / "broken" / name).write_text(text, encoding="utf-8")
    _pip_install(base / "acme", base / "site")
    _pip_install(base / "broken", base / "site")
    return base / "site"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return path


def lint(*args: str, cwd: Path, site: Path | None = None):
    """The command line; in a child process when policy packages are on its PYTHONPATH (they are
    found through the entry points of its sys.path, set when Python starts)."""
    if site:
        return run_cli(*args, cwd=cwd, env=clean_env(PYTHONPATH=str(site)))
    return invoke(*args, cwd=cwd)


REPOSITORY = """\
extends: [policy:acme]
approved_tools:
  - id: internal-llm
    name: ACME internal LLM
  - id: le-chat-pro
    name: Mistral Le Chat Pro
    data: [public]
severity:
  WRK001: info
"""


def test_a_policy_package_installed_with_pip_is_inherited(site, tmp_path):
    write(tmp_path / "repo" / ".charte-lint.yaml", "extends: policy:acme\n")
    write(tmp_path / "repo" / "ai-usage.yaml", INTERNAL)
    result = lint("-q", "--no-detect", "repo", cwd=tmp_path, site=site)
    assert (result.code, result.err) == (1, "")
    assert result.out == (
        "repo/ai-usage.yaml:20:17: DAT002 [error] use `code-assistant` declares "
        "`tool.approved: internal-llm`, which is not an id of the `approved_tools` registry: "
        "correct the id or have the tool approved (tool-not-approved)\n"
    )
    # the repository adds its tool: the policy's are still approved
    write(tmp_path / "repo" / ".charte-lint.yaml", REPOSITORY)
    assert lint("-q", "--no-detect", "repo", cwd=tmp_path, site=site).code == 0
    write(tmp_path / "repo" / "ai-usage.yaml", SMALLEST)
    assert lint("-q", "--no-detect", "repo", cwd=tmp_path, site=site).code == 0
    # and narrows one it overrides
    write(tmp_path / "repo" / "ai-usage.yaml", CONFIDENTIAL)
    result = lint("-q", "--no-detect", "repo", cwd=tmp_path, site=site)
    assert (result.code, result.err) == (1, "")
    assert result.out == (
        "repo/ai-usage.yaml:25:23: DAT002 [error] use `code-assistant` sends `confidential` data "
        "(`data.classification`) to `Mistral Le Chat Pro`, which the registry approves only for "
        "`public` data: use another tool or send less sensitive data (tool-not-approved)\n"
    )
    write(tmp_path / "repo" / ".charte-lint.yaml", "extends: policy:acme\n")  # the policy's entry
    assert lint("-q", "--no-detect", "repo", cwd=tmp_path, site=site).code == 0


def tool(tool_id: str, name: str, **more: object) -> dict[str, object]:
    return {"id": tool_id, "name": name, **more}


def test_approved_tools_merge_by_id_and_other_keys_keep_their_rules(tmp_path):
    write(
        tmp_path / "org.yaml",
        """
        approved_tools:
          - {id: a, name: A}
          - {id: b, name: B}
        severity: {WRK001: info, SOB002: error}
        options: {SOB001: {x: 1, y: 2}}
        select: [DAT]
        exclude: [archive/]
        fail_on: warning
        """,
    )
    write(
        tmp_path / "team.yaml",
        """
        approved_tools:
          - {id: c, name: C}
          - {id: b, name: B2, data: [public]}
        """,
    )
    write(
        tmp_path / ".charte-lint.yaml",
        """
        extends: [org.yaml, team.yaml]
        approved_tools:
          - {id: d, name: D}
          - {id: a, name: A2}
        severity: {WRK001: warning}
        options: {SOB001: {x: 3}}
        exclude: [build/]
        """,
    )
    config = load_config(str(tmp_path / ".charte-lint.yaml"))
    assert config.data == {
        "approved_tools": [
            tool("a", "A2"),
            tool("b", "B2", data=["public"]),
            tool("c", "C"),
            tool("d", "D"),
        ],
        "severity": {"WRK001": "warning", "SOB002": "error"},
        "options": {"SOB001": {"x": 3}},  # a rule's options are replaced as a whole
        "select": ["DAT"],
        "exclude": ["build/"],  # lists are replaced, not added to
        "fail_on": "warning",
    }
    assert [t.id for t in config.policy.approved_tools or ()] == ["a", "b", "c", "d"]
    # an empty list adds nothing and drops nothing
    write(tmp_path / ".charte-lint.yaml", "extends: org.yaml\napproved_tools: []\n")
    config = load_config(str(tmp_path / ".charte-lint.yaml"))
    assert config.data["approved_tools"] == [tool("a", "A"), tool("b", "B")]
    # without `extends`, a configuration's registry is its own, duplicates and all
    write(tmp_path / "alone.yaml", "approved_tools: [{id: a, name: A}, {id: a, name: A2}]\n")
    config = load_config(str(tmp_path / "alone.yaml"))
    assert config.data["approved_tools"] == [tool("a", "A"), tool("a", "A2")]


def _show(site: Path, tmp_path: Path, *args: str):
    (tmp_path / ".git").mkdir(exist_ok=True)
    write(tmp_path / "repo" / ".charte-lint.yaml", REPOSITORY)
    write(tmp_path / "repo" / "ai-usage.yaml", SMALLEST)
    return lint("--show-config", *args, cwd=tmp_path, site=site)


def test_show_config_says_where_each_value_comes_from(site, tmp_path):
    result = _show(site, tmp_path, "repo")
    policy = f"{site}/acme_charte_policy/charte-lint.yaml"
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Effective configuration for repo (from repo/.charte-lint.yaml):\n"
        '  approved_tools[copilot-business] = {"id": "copilot-business", "name": "GitHub Copilot '
        'Business", "vendor": "GitHub", "data": ["public", "internal"], "personal_data": false, '
        f'"regions": ["EU", "US"]}}  # {policy}:3 (policy:acme)\n'
        '  approved_tools[le-chat-pro] = {"id": "le-chat-pro", "name": "Mistral Le Chat Pro", '
        '"data": ["public"]}  # repo/.charte-lint.yaml:5\n'
        '  approved_tools[internal-llm] = {"id": "internal-llm", "name": "ACME internal LLM"}  '
        "# repo/.charte-lint.yaml:3\n"
        f'  max_model_tier.classification = "small"  # {policy}:16 (policy:acme)\n'
        "  models = {}  # default\n"
        '  review_every = "P1Y"  # default\n'
        "  max_file_size_mib = 32  # default\n"
        "  legal_dates = {}  # default\n"
        '  select = ["ALL"]  # default\n'
        "  ignore = []  # default\n"
        f'  severity.SOB002 = "error"  # {policy}:18 (policy:acme)\n'
        '  severity.WRK001 = "info"  # repo/.charte-lint.yaml:9\n'
        "  options = {}  # default\n"
        f'  fail_on = "warning"  # {policy}:19 (policy:acme)\n'
        "  exclude = []  # default\n"
    )
    french = _show(site, tmp_path, "--lang", "fr", "repo/ai-usage.yaml")
    assert french.code == 0
    assert french.out.splitlines()[0] == (
        "Configuration effective pour repo/ai-usage.yaml (d'après repo/.charte-lint.yaml) :"
    )
    assert french.out.splitlines()[1:] == [
        line.replace("# default", "# par défaut") for line in result.out.splitlines()[1:]
    ]
    document = _show(site, tmp_path, "--format", "json", "repo").json()
    assert [(s["key"], s["source"]) for s in document[0]["settings"]][:4] == [
        ("approved_tools[copilot-business]", {"file": policy, "line": 3, "policy": "acme"}),
        (
            "approved_tools[le-chat-pro]",
            {"file": "repo/.charte-lint.yaml", "line": 5, "policy": None},
        ),
        (
            "approved_tools[internal-llm]",
            {"file": "repo/.charte-lint.yaml", "line": 3, "policy": None},
        ),
        ("max_model_tier.classification", {"file": policy, "line": 16, "policy": "acme"}),
    ]
    assert (document[0]["path"], document[0]["config"]) == ("repo", "repo/.charte-lint.yaml")
    assert document[0]["settings"][-1] == {"key": "exclude", "value": [], "source": None}
    assert len(document) == 1


def test_show_config_without_a_configuration_and_with_pyproject(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    result = lint("--show-config", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Effective configuration for ai-usage.yaml (no configuration file):\n"
        "  approved_tools = null  # default\n"
        "  max_model_tier = {}  # default\n"
        "  models = {}  # default\n"
        '  review_every = "P1Y"  # default\n'
        "  max_file_size_mib = 32  # default\n"
        "  legal_dates = {}  # default\n"
        '  select = ["ALL"]  # default\n'
        "  ignore = []  # default\n"
        "  severity = {}  # default\n"
        "  options = {}  # default\n"
        '  fail_on = "error"  # default\n'
        "  exclude = []  # default\n"
    )
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.charte-lint]\nfail_on = "info"\n'
        'severity = { WRK001 = "warning" }\n',
    )
    result = lint("--show-config", ".", cwd=tmp_path)
    assert result.out.splitlines()[0] == "Effective configuration for . (from pyproject.toml):"
    write(tmp_path / "other.yaml", "fail_on: warning\n")
    forced = lint("--show-config", "--config", "other.yaml", ".", cwd=tmp_path).out.splitlines()
    assert (forced[0], forced[11]) == (
        "Effective configuration for . (from other.yaml):",
        '  fail_on = "warning"  # other.yaml:1',
    )
    assert [line for line in result.out.splitlines() if "pyproject" in line][1:] == [
        '  severity.WRK001 = "warning"  # pyproject.toml:6',
        '  fail_on = "info"  # pyproject.toml:5',
    ]


def test_show_config_usage_errors(tmp_path):
    result = lint("--show-config", "--format", "sarif", ".", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: --format sarif is not available with --show-config\n"
    )
    result = lint("--show-config", "nowhere", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == "charte-lint: error: no such file or directory: nowhere\n"


def test_an_unknown_policy_is_a_configuration_error_with_close_names(site, tmp_path):
    config = write(tmp_path / ".charte-lint.yaml", "fail_on: info\nextends:\n  - policy:acm\n")
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    result = lint(".", cwd=tmp_path, site=site)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"charte-lint: error: {config}:3:5: invalid configuration: `extends` names an unknown "
        "policy `policy:acm`: did you mean `policy:acme`?\n"
    )
    result = lint("--lang", "fr", ".", cwd=tmp_path, site=site)
    assert result.err == (
        f"charte-lint : erreur : {config}:3:5 : configuration invalide : `extends` nomme une "
        "politique inconnue `policy:acm` ; vouliez-vous dire `policy:acme` ?\n"
    )
    result = lint(".", cwd=tmp_path)  # nothing installed
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"charte-lint: error: {config}:3:5: invalid configuration: `extends` names an unknown "
        "policy `policy:acm`: no installed package declares it (entry points "
        "`charte_lint.policies`)\n"
    )


def test_a_broken_policy_package_is_a_configuration_error(site, tmp_path):
    config = write(tmp_path / ".charte-lint.yaml", "extends: policy:broken\n")
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    result = lint(".", cwd=tmp_path, site=site)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"charte-lint: error: {config}:1:10: invalid configuration: policy broken "
        "(broken_charte_policy:POLICY) is not the path of a configuration file\n"
    )
    write(config, "extends: [policy:crashing]\n")
    result = lint(".", cwd=tmp_path, site=site)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"charte-lint: error: {config}:1:11: invalid configuration: cannot load policy crashing "
        "(broken_charte_policy:MISSING): module 'broken_charte_policy' has no attribute 'MISSING'\n"
    )


def test_an_unknown_rule_is_reported_in_the_file_that_names_it(tmp_path):
    org = write(tmp_path / "org.yaml", "fail_on: info\nseverity:\n  XYZ999: info\n")
    write(tmp_path / ".charte-lint.yaml", "extends: org.yaml\n")
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    result = lint(".", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"charte-lint: error: {org}:2:1: invalid configuration: `severity` names an unknown rule "
        "`XYZ999`\n"
    )


def test_policies_are_found_without_importlib_metadata(site, tmp_path):
    write(tmp_path / "org.yaml", "fail_on: info\n")
    write(tmp_path / ".charte-lint.yaml", "extends: org.yaml\n")
    write(tmp_path / "ai-usage.yaml", INTERNAL)
    probe = (
        "import sys\n"
        "from charte_lint import cli\n"
        "sys.argv = ['charte-lint', 'ai-usage.yaml']\n"
        "try:\n    cli.main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, 'importlib.metadata' in sys.modules, file=sys.stderr)\n"
    )

    def run() -> str:
        env = clean_env(PYTHONPATH=str(site))  # policies are installed
        command = [sys.executable, "-c", probe]
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False
        )
        return done.stderr

    assert run() == "0 False\n"  # none is named: internal-llm is not checked, no registry
    write(tmp_path / "org.yaml", "extends: policy:acme\n")
    assert run() == "1 False\n"  # the policy's registry does not approve internal-llm


def test_the_example_policy_is_valid():
    config = load_config(str(EXAMPLE / "acme_charte_policy" / "charte-lint.yaml"))
    assert [t.id for t in config.policy.approved_tools or ()] == ["copilot-business", "le-chat-pro"]
