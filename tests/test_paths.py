"""One path dialect, gitignore-style: `exclude`, a use's `code`, and `.gitignore` without git."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SMALLEST, clean_env, dedent, invoke

from charte_lint import files, paths
from charte_lint.api import DeclaredUse

CHAT = dedent(
    """
    from openai import OpenAI

    client = OpenAI()
    """
)
CLAUDE = "import anthropic\n"
BROKEN = "x: [\n"


def write(root: Path, tree: dict[str, str]) -> Path:
    for name, text in tree.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def use(manifest: str, *code: str) -> DeclaredUse:
    return DeclaredUse(manifest, "/uses/0", "u", "production", "t", ("t",), None, code, None, "x")


# The dialect ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patterns", "path", "expected"),
    [
        (["*.py"], "b.py", True),
        (["*.py"], "a/b.py", True),  # no slash: at any depth, as in .gitignore
        (["/src/*.py"], "src/a.py", True),
        (["/src/*.py"], "lib/src/a.py", False),  # a leading slash anchors
        (["/src/*.py"], "src/a/b.py", False),  # `*` stays within a name
        (["src/*.py"], "lib/src/a.py", False),  # a slash inside anchors too
        (["docs/"], "docs/guide/ai-usage.yaml", True),  # a directory and what is below it
        (["docs/"], "docs", False),  # ...but not a file named so
        (["docs/"], "team/docs/a.py", True),
        (["**/gen/**"], "a/b/gen/c/d.py", True),
        (["a/**/b.py"], "a/b.py", True),
        (["a/**/b.py"], "a/x/y/b.py", True),
        (["**"], "any/thing.py", True),
        (["services/albert"], "services/albert/client.py", True),
        (["tests/*", "!tests/keep.py"], "tests/keep.py", False),  # the last match wins
        (["tests/*", "!tests/keep.py"], "tests/other.py", True),
        (["*.py"], "../outside.py", False),  # outside the base: nothing
        ([], "a.py", False),
    ],
)
def test_patterns_mean_what_they_mean_in_a_gitignore(patterns, path, expected):
    assert paths.matches(patterns, path) is expected


def test_code_patterns_are_relative_to_the_manifests_directory():
    assert use("team/ai-usage.yaml", "*.py").covers("team/a/b.py")
    assert not use("team/ai-usage.yaml", "*.py").covers("other/b.py")
    assert use("team/ai-usage.yaml", "/src/*.py").covers("team/src/a.py")
    assert not use("team/ai-usage.yaml", "/src/*.py").covers("team/x/src/a.py")
    assert use("ai-usage.yaml", "docs/").covers("docs/x/y.py")
    assert use("ai-usage.yaml", "**").covers("a/b/c.py")
    negated = use("ai-usage.yaml", "src/**", "!src/vendored/**")
    assert negated.covers("src/app.py")
    assert not negated.covers("src/vendored/lib.py")
    assert use("team/ai-usage.yaml").covers("team/deep/x.py")  # no `code`: all below


def test_exclude_in_a_configuration_is_gitignore_style_for_manifests(tmp_path):
    write(
        tmp_path,
        {
            ".charte-lint.yaml": "exclude: ['legacy/', '/top/*.yml', '!legacy/keep/*']\n",
            "ai-usage.yaml": SMALLEST,
            "legacy/a/ai-usage.yaml": BROKEN,
            "legacy/keep/ai-usage.yaml": SMALLEST,
            "top/ai-usage.yml": BROKEN,
            "team/top/ai-usage.yml": SMALLEST,  # `/top` is anchored to the configuration's dir
        },
    )
    result = invoke("--format", "json", "--no-detect", cwd=tmp_path)
    assert result.json()["files"] == [
        "ai-usage.yaml",
        "legacy/keep/ai-usage.yaml",
        "team/top/ai-usage.yml",
    ]


def test_exclude_of_a_given_configuration_is_relative_to_it(tmp_path):
    write(
        tmp_path,
        {
            "ci/lint.yaml": "exclude: ['/*/ai-usage.yaml']\n",  # ci/*/, not the linted directory
            "ci/x/ai-usage.yaml": BROKEN,
            "ai-usage.yaml": SMALLEST,
            "team/ai-usage.yaml": SMALLEST,
        },
    )
    result = invoke(
        "--config", "ci/lint.yaml", "--format", "json", "--no-detect", ".", cwd=tmp_path
    )
    assert result.json()["files"] == ["ai-usage.yaml", "team/ai-usage.yaml"]
    (tmp_path / "ci" / "lint.yaml").write_text("exclude: ['*.yaml']\n", encoding="utf-8")
    result = invoke(
        "--config", "ci/lint.yaml", "--format", "json", "--no-detect", "ci", cwd=tmp_path
    )
    assert result.json()["files"] == []


def test_exclude_and_code_use_the_same_dialect_in_detection(tmp_path):
    manifest = SMALLEST.replace(
        "      name: GitHub Copilot Business\n      approved: copilot-business\n",
        "      name: Albert API\n      vendor: DINUM\n",
    ).replace(
        "    task: code_assist\n", "    code: ['*.py', '!legacy/**']\n    task: code_assist\n"
    )
    write(
        tmp_path,
        {
            ".charte-lint.yaml": "exclude: ['fixtures/']\n",
            "ai-usage.yaml": manifest,
            "services/deep/client.py": CHAT,  # `*.py` matches at any depth
            "legacy/old.py": CHAT,  # re-excluded from `code` by `!legacy/**`
            "tests/fixtures/chat.py": CHAT,  # excluded from detection
        },
    )
    result = invoke(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    assert {f["file"] for f in result.json()["findings"]} == {"legacy/old.py"}


def test_pathspec_is_imported_only_when_there_are_patterns():
    code = (
        "import sys\n"
        "from charte_lint import paths\n"
        "from charte_lint.api import DeclaredUse\n"
        "u = DeclaredUse('ai-usage.yaml', '', 'u', None, 't', (), None, (), None, 'x')\n"
        "assert u.covers('a.py') and not paths.matches([], 'a.py')\n"
        "assert 'pathspec' not in sys.modules\n"
        "assert paths.matches(['*.py'], 'a/b.py') and 'pathspec' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# .gitignore, with and without git ---------------------------------------------------------

TREE = {
    ".gitignore": "generated/\nscratch_*.py\n/out\n*.log\n",
    "ai-usage.yaml": SMALLEST,
    "generated/ai-usage.yaml": BROKEN,
    "generated/chat.py": CHAT,
    "scratch_try.py": CLAUDE,
    "out/chat.py": CHAT,
    "app/out/chat.py": CHAT,  # `/out` is anchored to the root
    "app/chat.py": CHAT,
    "app/debug.log": "OPENAI_API_KEY=1\n",
    "team/ai-usage.yml": SMALLEST,
    "team/.gitignore": "/local/\n!scratch_keep.py\n",
    "team/local/ai-usage.yaml": BROKEN,
    "team/local/chat.py": CHAT,
    "team/scratch_keep.py": CLAUDE,  # re-included by the nested negation
    "team/sub/local/chat.py": CHAT,  # `/local/` is anchored to team/
    "secret/chat.py": CHAT,  # in .git/info/exclude
}


def _without_git() -> dict[str, str]:
    return clean_env(PATH="/nonexistent")  # the console script names its Python in full


def _runs(tmp_path: Path, *args: str) -> tuple[dict, dict]:
    with_git = invoke(*args, "--format", "json", cwd=tmp_path)
    without = invoke(*args, "--format", "json", cwd=tmp_path, env=_without_git())
    assert with_git.err == without.err == ""
    return with_git.json(), without.json()


def test_gitignore_is_honoured_the_same_with_and_without_git(tmp_path):
    assert shutil.which("git") is not None  # the comparison needs git (the suite's pre-commit too)
    root = write(tmp_path / "repo", TREE)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("secret/\n", encoding="utf-8")
    with_git, without = _runs(root, ".")
    assert with_git == without
    assert with_git["files"] == ["ai-usage.yaml", "team/ai-usage.yml"]
    assert {f["file"] for f in with_git["findings"]} == {
        "app/out/chat.py",
        "app/chat.py",
        "team/scratch_keep.py",
        "team/sub/local/chat.py",
    }
    with_git, without = _runs(root, "team")  # the root's .gitignore applies from above
    assert with_git == without
    assert {f["file"] for f in with_git["findings"]} == {
        "team/scratch_keep.py",
        "team/sub/local/chat.py",
    }
    # a directory that is itself ignored, named explicitly, counts whole either way
    with_git, without = _runs(root, "generated")
    assert with_git == without
    assert with_git["files"] == ["generated/ai-usage.yaml"]
    # a copy of the tree without .git (a CI image's COPY) reads the .gitignore files too
    shutil.rmtree(root / ".git")
    copy, _ = _runs(root, ".")
    assert copy["files"] == ["ai-usage.yaml", "team/ai-usage.yml"]
    assert {f["file"] for f in copy["findings"]} == {
        "app/out/chat.py",
        "app/chat.py",
        "secret/chat.py",  # .git/info/exclude went with .git
        "team/scratch_keep.py",
        "team/sub/local/chat.py",
    }


def test_the_walk_lists_what_git_lists(tmp_path, monkeypatch):
    root = write(tmp_path, TREE)
    expected = [
        ".gitignore",
        "ai-usage.yaml",
        "app/chat.py",
        "app/out/chat.py",
        "secret/chat.py",
        "team/.gitignore",
        "team/ai-usage.yml",
        "team/scratch_keep.py",
        "team/sub/local/chat.py",
    ]
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        assert sorted(files.git_files(str(root))) == expected
    else:
        (root / ".git").mkdir()
    monkeypatch.setattr(files, "_ls_files", lambda directory: None)  # git fails, or is absent
    assert sorted(files.listed_files(str(root), files.SKIPPED_DIRECTORIES)) == expected


def test_what_an_ignored_directory_holds_cannot_be_re_included(tmp_path):
    root = write(
        tmp_path,
        {".gitignore": "out/\n!out/keep.py\n", "out/keep.py": CHAT, "out/.gitignore": "!*\n"},
    )
    assert list(files.walk(str(root), frozenset(), files.gitignores_above(str(root)))) == [
        ".gitignore"
    ]


def test_the_run_is_the_same_json_with_and_without_git(tmp_path):
    assert shutil.which("git") is not None  # the comparison needs git
    root = write(
        tmp_path, {".gitignore": "*.yml\n", "ai-usage.yaml": SMALLEST, "a/ai-usage.yml": ""}
    )
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    with_git, without = _runs(root, ".")
    assert json.dumps(with_git) == json.dumps(without)
    assert with_git["files"] == ["ai-usage.yaml"]
