"""Configuration: discovery, pyproject.toml, extends, validation, selection and severities."""

from __future__ import annotations

from pathlib import Path

from conftest import SMALLEST, dedent, invoke

HEADCOUNT = SMALLEST.replace("impact: none", "impact: headcount_reduction")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return path


def test_closest_configuration_wins_and_stops_at_the_repository_root(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / ".charte-lint.yaml", "ignore: [WRK001]\n")  # above the repository: unused
    write(tmp_path / "repo" / "team" / "ai-usage.yaml", HEADCOUNT)
    result = invoke("repo", cwd=tmp_path)
    assert result.code == 1
    assert "WRK001" in result.out
    write(tmp_path / "repo" / ".charte-lint.yaml", "severity:\n  WRK001: warning\n")
    result = invoke("repo", cwd=tmp_path)
    assert result.code == 0
    assert "repo/team/ai-usage.yaml:27:15: WRK001 [warning]" in result.out
    write(tmp_path / "repo" / "team" / ".charte-lint.yml", "ignore: [headcount-reduction]\n")
    result = invoke("repo", cwd=tmp_path)
    assert (result.code, "WRK001" in result.out) == (0, False)


def test_pyproject_table(tmp_path):
    write(tmp_path / "ai-usage.yaml", HEADCOUNT)
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.charte-lint]\nfail_on = "warning"\n'
        'severity = { WRK001 = "warning" }\n',
    )
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1  # a warning, with fail_on = "warning"
    assert "ai-usage.yaml:27:15: WRK001 [warning]" in result.out


def test_pyproject_without_the_table_is_not_a_configuration(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / ".charte-lint.yaml", "ignore: [WRK]\n")
    write(tmp_path / "repo" / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "repo" / "sub" / "ai-usage.yaml", HEADCOUNT)
    assert invoke("repo/sub/ai-usage.yaml", cwd=tmp_path).code == 0


def test_extends_is_relative_to_the_configuration_and_merges_severities(tmp_path):
    write(
        tmp_path / "org" / "base.yaml", "severity:\n  WRK001: info\n  CL003: error\nfail_on: info\n"
    )
    write(tmp_path / "repo" / ".charte-lint.yaml", "extends: ../org/base.yaml\nfail_on: error\n")
    write(tmp_path / "repo" / "ai-usage.yaml", HEADCOUNT)
    result = invoke("repo", cwd=tmp_path)
    assert result.code == 0  # WRK001 became info; the repository's fail_on wins
    assert "WRK001 [info]" in result.out


def test_extends_cycle_is_an_error(tmp_path):
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: [a.yaml]\n")
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    result = invoke("--config", "a.yaml", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(
        f"charte-lint: error: {tmp_path}/a.yaml:1:1: invalid configuration: "
        f"`extends` makes a cycle: {tmp_path}/a.yaml -> {tmp_path}/b.yaml -> {tmp_path}/a.yaml\n"
    )
    assert result.err.count("\n") == 1


def test_extends_refuses_urls_and_missing_files(tmp_path):
    write(tmp_path / ".charte-lint.yaml", "fail_on: info\nextends: https://example.org/c.yaml\n")
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    result = invoke(".", cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        f"charte-lint: error: {tmp_path}/.charte-lint.yaml:2:1: invalid configuration: "
        "`extends` reads local files only, not URLs: https://example.org/c.yaml\n"
    )
    write(tmp_path / ".charte-lint.yaml", "extends: missing.yaml\n")
    result = invoke(".", cwd=tmp_path)
    assert result.err.endswith("`extends` names a missing file: missing.yaml\n")


def test_invalid_configuration_is_exit_2_with_position(tmp_path):
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    config = write(
        tmp_path / ".charte-lint.yaml",
        dedent("""
        approved_tools:
          - id: copilot-business
            name: GitHub Copilot Business
            personal_data: maybe
        fail_on: severe
        """),
    )
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        f"charte-lint: error: {config}:4:20: invalid configuration: "
        "`approved_tools[0].personal_data` must be true or false, not text\n"
    )
    write(config, "fail_on: severe\n")
    assert invoke("ai-usage.yaml", cwd=tmp_path).err == (
        f"charte-lint: error: {config}:1:10: invalid configuration: "
        "`fail_on` cannot be `severe`: expected one of `error`, `warning`, `info`\n"
    )
    write(config, "fail_on: warnin\n")
    assert invoke("ai-usage.yaml", cwd=tmp_path).err == (
        f"charte-lint: error: {config}:1:10: invalid configuration: "
        "`fail_on` cannot be `warnin`: did you mean `warning`?\n"
    )
    write(config, "fail_on: error\nfail_on: info\n")
    assert invoke("ai-usage.yaml", cwd=tmp_path).err == (
        f"charte-lint: error: {config}:2:1: invalid configuration: duplicate key `fail_on`: it "
        "is already defined on line 1, and YAML tools silently keep only one of the two values\n"
    )
    write(config, "selct: [DAT]\n")
    assert invoke("ai-usage.yaml", cwd=tmp_path).err == (
        f"charte-lint: error: {config}:1:1: invalid configuration: unknown key `selct` in the "
        "configuration: did you mean `select`?\n"
    )
    write(config, "ignore: [DAT999]\n")
    assert invoke("ai-usage.yaml", cwd=tmp_path).err == (
        f"charte-lint: error: {config}:1:1: invalid configuration: `ignore` names an unknown "
        "rule `DAT999`\n"
    )


def test_invalid_toml_configuration(tmp_path):
    write(tmp_path / "ai-usage.yaml", SMALLEST)
    write(tmp_path / "pyproject.toml", '[tool.charte-lint]\nfail_on = "warning\n')
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith(f"charte-lint: error: {tmp_path}/pyproject.toml:2:")
    assert "invalid configuration: invalid TOML" in result.err
    write(tmp_path / "pyproject.toml", '[tool.charte-lint]\nfail_on = "warning"\nselect = "DAT"\n')
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert result.err == (
        f"charte-lint: error: {tmp_path}/pyproject.toml:3:1: invalid configuration: "
        "`select` must be a list, not text\n"
    )


def test_config_option_overrides_discovery(tmp_path):
    write(tmp_path / ".charte-lint.yaml", "ignore: [WRK001]\n")
    write(tmp_path / "strict.yaml", "fail_on: info\n")
    write(tmp_path / "ai-usage.yaml", HEADCOUNT)
    assert invoke("ai-usage.yaml", cwd=tmp_path).code == 0
    result = invoke("--config", "strict.yaml", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert "WRK001 [error]" in result.out
    missing = invoke("--config", "nope.yaml", "ai-usage.yaml", cwd=tmp_path)
    assert (missing.code, missing.err) == (
        2,
        "charte-lint: error: no such file or directory: nope.yaml\n",
    )


def test_select_and_ignore_from_the_command_line(tmp_path):
    write(tmp_path / "ai-usage.yaml", HEADCOUNT.replace("personal: false", "personal: no"))
    everything = invoke("-q", "ai-usage.yaml", cwd=tmp_path)
    assert [line.split()[1] for line in everything.out.splitlines()] == ["CL003", "WRK001"]
    only = invoke("-q", "--select", "CL", "ai-usage.yaml", cwd=tmp_path)
    assert [line.split()[1] for line in only.out.splitlines()] == ["CL003"]
    assert only.code == 0
    ignored = invoke("-q", "--ignore", "yaml11-ambiguous-value,WRK", "ai-usage.yaml", cwd=tmp_path)
    assert (ignored.code, ignored.out) == (0, "")
    unknown = invoke("--select", "WRK01", "ai-usage.yaml", cwd=tmp_path)
    assert (unknown.code, unknown.err) == (
        2,
        "charte-lint: error: unknown rule `WRK01`; did you mean `WRK001`?\n",
    )


def test_approved_tools_registry_reaches_rules(tmp_path):
    personal = SMALLEST.replace(
        "      personal: false\n",
        "      personal: true\n      legal_basis: contract\n      retention: P1Y\n",
    )
    write(tmp_path / "ai-usage.yaml", personal)
    write(
        tmp_path / ".charte-lint.yaml",
        dedent("""
        approved_tools:
          - id: copilot-business
            name: GitHub Copilot Business
            data: [public, internal]
            personal_data: false
        """),
    )
    result = invoke("-q", "--select", "DAT", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.out.startswith("ai-usage.yaml:") and " DAT002 [error] " in result.out
