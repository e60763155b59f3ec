"""Hostile files and trees: refused or skipped with a clear message, never executed, never
followed outside the tree, and nothing a user did not ask for is written."""

from __future__ import annotations

import hashlib
import json
import os
import socket
from pathlib import Path

import pytest
from conftest import SMALLEST, lint, run_cli

from charte_lint.manifest import MAX_BYTES


def make(tmp_path: Path, relative: str, content: str | bytes = SMALLEST) -> Path:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_python_tags_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    hostile = (
        f'version: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'charter: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n'
        "organisation: !!python/name:os.system {}\n"
    )
    make(tmp_path, "ai-usage.yaml", hostile)
    result = run_cli("-q", "--select", "CL006", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert not marker.exists()
    assert result.out.splitlines() == [
        "ai-usage.yaml:1:10: CL006 [error] the tag `!!python/object/apply:os.system` is not "
        "allowed: a manifest holds plain data, and the tag was not applied (unknown-tag)",
        "ai-usage.yaml:2:10: CL006 [error] the tag `!!python/object/new:subprocess.Popen` is not "
        "allowed: a manifest holds plain data, and the tag was not applied (unknown-tag)",
        "ai-usage.yaml:3:15: CL006 [error] the tag `!!python/name:os.system` is not allowed: a "
        "manifest holds plain data, and the tag was not applied (unknown-tag)",
    ]


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "ai-usage.yaml"
    with open(path, "wb") as handle:
        handle.write(b"# ")
        handle.truncate(MAX_BYTES + 10)  # sparse: cheap to make
    result = run_cli("-q", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert MAX_BYTES == 32 * 1024 * 1024
    assert result.out == (
        "ai-usage.yaml:1:1: CL005 [error] the file is larger than the limit of 33554432 bytes "
        "(32 MiB): split it, or raise `max_file_size_mib` in the configuration (up to 1024) "
        "(file-limit)\n"
    )


def test_the_configuration_moves_the_size_limit_both_ways(tmp_path):
    """`max_file_size_mib` lowers the limit (CL005 names it, in French too) or raises it: a
    file of 1.5 MiB is refused under a 1 MiB limit and linted under the default."""
    big = SMALLEST + "".join(f"# {'padding ' * 12}{i}\n" for i in range(16_000))
    assert 1024 * 1024 < len(big.encode()) < 2 * 1024 * 1024
    make(tmp_path, "ai-usage.yaml", big)
    assert run_cli("-q", "ai-usage.yaml", cwd=tmp_path).code == 0
    make(tmp_path, ".charte-lint.yaml", "max_file_size_mib: 1\n")
    result = run_cli("-q", "--lang", "fr", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.out == (
        "ai-usage.yaml:1:1: CL005 [erreur] le fichier dépasse la limite de 1048576 octets "
        "(1 Mio) : le découper, ou relever `max_file_size_mib` dans la configuration "
        "(jusqu'à 1024) (file-limit)\n"
    )
    make(tmp_path, ".charte-lint.yaml", "max_file_size_mib: 2\n")
    assert run_cli("-q", "ai-usage.yaml", cwd=tmp_path).code == 0
    # the register reads the file under the same limit: under 1 MiB it has no record of it
    for mib, records in ((2, 1), (1, 0)):
        make(tmp_path, ".charte-lint.yaml", f"max_file_size_mib: {mib}\n")
        result = run_cli("--register", "register.json", "ai-usage.yaml", cwd=tmp_path)
        document = json.loads((tmp_path / "register.json").read_text(encoding="utf-8"))
        assert (result.code, len(document["uses"])) == (0, records)


def test_a_large_file_with_anchors_is_refused_where_it_first_uses_one(tmp_path):
    """Anchors, aliases and merge keys are read through PyYAML's node tree (about 50 times
    the file's size): above 2 MiB such a file is refused at the first of them; below, read."""
    padding = "".join(f"# {'padding ' * 12}{i}\n" for i in range(24_000))
    anchored = SMALLEST.replace("charter: private\n", "charter: &kind private\n")
    assert anchored != SMALLEST and len((anchored + padding).encode()) > 2 * 1024 * 1024
    make(tmp_path, "ai-usage.yaml", anchored + padding)
    result = run_cli("-q", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    line = anchored.splitlines().index("charter: &kind private") + 1
    assert result.out == (
        f"ai-usage.yaml:{line}:10: CL005 [error] the file uses anchors, aliases, tags, merge "
        "keys or complex keys, which are read through a node tree of about 50 times the file's "
        "size: above 2097152 bytes (2 MiB) such a file is refused; write its values out in full "
        "(file-limit)\n"
    )
    make(tmp_path, "ai-usage.yaml", anchored + padding[: len(padding) // 2])
    assert run_cli("-q", "ai-usage.yaml", cwd=tmp_path).code == 0


def test_a_size_limit_above_one_gib_is_a_configuration_error(tmp_path):
    make(tmp_path, "ai-usage.yaml", SMALLEST)
    make(tmp_path, ".charte-lint.yaml", "fail_on: error\nmax_file_size_mib: 2048\n")
    result = run_cli("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        f"charte-lint: error: {tmp_path / '.charte-lint.yaml'}:2:20: invalid configuration: "
        "`max_file_size_mib` must be at most 1024, not 2048\n"
    )


def test_very_long_line_is_linted_and_shown_cut(tmp_path):
    long_need = "x" * 2_000_000
    text = (
        SMALLEST.replace("impact: none", "impact: headcount_reduction")
        .replace(
            "      does: Suggests code completions inside the editor.\n",
            f"      does: {long_need}\n      how: {long_need} y\n",
        )
        .replace("impact: headcount_reduction", "impact: headcount_reduction  # " + "z" * 500)
    )
    make(tmp_path, "ai-usage.yaml", text)
    result = run_cli("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    source = result.out.splitlines()[1]
    assert source.startswith("    28 |       impact: headcount_reduction  # zzz")
    assert source.endswith("...") and len(source) < 200


def test_deeply_nested_and_alias_bombs_through_the_cli(tmp_path):
    make(tmp_path, "deep/ai-usage.yaml", "a: " + "[" * 900 + "]" * 900 + "\n")
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghij"):
        previous = "abcdefghij"[index]
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]")
    make(tmp_path, "bomb/ai-usage.yaml", "\n".join(levels) + "\n")
    result = run_cli("-q", ".", cwd=tmp_path)
    assert result.code == 1
    assert result.out.splitlines() == [
        "bomb/ai-usage.yaml:1:1: CL004 [error] aliases would expand this file's 111 values into "
        "12345679021: the file is refused (an alias bomb?) (alias-expansion)",
        "deep/ai-usage.yaml:1:67: CL005 [error] values are nested more than 64 levels deep: the "
        "file is refused (file-limit)",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"version: 1\n---\nversion: 1\n", "2:1: CL001"),
        (b"", "1:1: CL103"),
        (b"- just\n- a list\n", "1:1: CL103"),
        (b"42\n", "1:1: CL103"),
        (b"version: 1\ncharter: \xc3\x28\n", "2:11: CL001"),
        (b"version: 1\x00\n", "1:11: CL001"),
    ],
)
def test_odd_files_are_findings_not_crashes(tmp_path, content, expected):
    make(tmp_path, "ai-usage.yaml", content)
    result = run_cli("-q", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (1, "")
    assert result.out.startswith(f"ai-usage.yaml:{expected} ")


def test_utf16_and_bom_manifests_are_read(tmp_path):
    make(tmp_path, "a/ai-usage.yaml", SMALLEST.encode("utf-16"))
    make(tmp_path, "b/ai-usage.yaml", b"\xef\xbb\xbf" + SMALLEST.encode())
    result = run_cli(".", cwd=tmp_path)
    assert (result.code, result.out) == (0, "No findings in 2 files.\n")


def test_sockets_fifos_and_directories_named_like_manifests_are_skipped(tmp_path):
    make(tmp_path, "ai-usage.yaml")
    os.mkfifo(make(tmp_path, "fifo/keep").parent / "ai-usage.yaml")
    (tmp_path / "dir" / "ai-usage.yml").mkdir(parents=True)
    server = socket.socket(socket.AF_UNIX)
    sock_dir = make(tmp_path, "sock/keep").parent
    previous = os.getcwd()
    os.chdir(sock_dir)  # AF_UNIX paths are short: bind relative to the directory
    try:
        server.bind("ai-usage.yaml")
    finally:
        os.chdir(previous)
    try:
        result = run_cli("--format", "json", ".", cwd=tmp_path)
    finally:
        server.close()
    assert (result.code, result.err) == (0, "")
    assert result.json()["files"] == ["ai-usage.yaml"]


def test_symlink_loops_and_links_leaving_the_tree(tmp_path):
    inside = tmp_path / "repo"
    make(inside, "ai-usage.yaml")
    (inside / "loop").symlink_to(inside, target_is_directory=True)
    (inside / "self.yaml").symlink_to(inside / "self.yaml")  # a link to itself
    secret = make(tmp_path, "secret/ai-usage.yaml", "password: hunter2\n")
    (inside / "leak").mkdir()
    (inside / "leak" / "ai-usage.yaml").symlink_to(secret)
    make(inside, "alias/real.yaml")
    (inside / "alias" / "ai-usage.yml").symlink_to(inside / "alias" / "real.yaml")
    result = run_cli("--format", "json", ".", cwd=inside)
    assert (result.code, result.err) == (0, "")
    assert result.json()["files"] == ["ai-usage.yaml", "alias/ai-usage.yml"]


def test_terminal_escapes_in_values_are_neutralised(tmp_path):
    hostile = SMALLEST.replace("impact: none", 'impact: "\\e]0;owned\\a\\e[2J"')
    make(tmp_path, "ai-usage.yaml", hostile)
    result = run_cli("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "\\u001b]0;owned\\u0007\\u001b[2J" in result.out


def test_linting_never_touches_the_manifest_or_writes_files(tmp_path):
    path = make(tmp_path, "ai-usage.yaml", SMALLEST.replace("personal: false", "personal: no"))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    listing = sorted(os.listdir(tmp_path))
    for args in (["ai-usage.yaml"], ["--format", "json", "."], ["--lang", "fr", "-q", "."]):
        run_cli(*args, cwd=tmp_path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_a_failed_write_keeps_the_previous_report(tmp_path, monkeypatch):
    from charte_lint import output

    report = make(tmp_path, "report.json", "previous report\n")

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OSError):
        output.write_atomically(str(report), "new report\n")
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_configuration_cannot_name_code_to_load(tmp_path):
    make(tmp_path, "ai-usage.yaml")
    config = make(tmp_path, ".charte-lint.yaml", "rules_dir: ./evil\n")
    result = run_cli("ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (
        2,
        f"charte-lint: error: {config}:1:1: invalid configuration: unknown key `rules_dir` in "
        "the configuration\n",
    )


def test_rule_findings_on_hostile_but_valid_yaml_stay_positioned():
    # anchors shared across uses are fine and findings point into the anchored text
    text = SMALLEST.replace("    work:\n      impact: none\n", "    work: &w\n      impact: none\n")
    text += (
        text.split("uses:\n")[1]
        .replace("code-assistant", "second")
        .replace("    work: &w\n      impact: none\n", "    work: *w\n")
    )
    assert lint(text) == []
