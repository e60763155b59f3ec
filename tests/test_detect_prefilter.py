"""The prefilter's two paths give the same evidence: `git grep` inside a work tree (files it
read and found no prefilter word in are not opened) and the test of each file's bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from detect_corpus import GIT_IDENTITY, build_corpus, build_large, build_one_endpoint

from charte_lint import detect as detection
from charte_lint.detect import detect, load_catalogue, repository_files


def _evidence(root: Path, monkeypatch: pytest.MonkeyPatch, git: bool) -> tuple[Any, ...]:
    """Every field of every piece of evidence, and the files looked at, by one path."""
    with monkeypatch.context() as patch:
        if git:
            patch.setattr(detection, "GIT_PREFILTER_FILES", 0)
        else:
            patch.setattr(detection, "_git_unmatched", lambda root, words: None)
        scanned: list[str] = []
        found = detect(str(root), scanned=scanned)
    return [list(e.as_dict().items()) for e in found], scanned


def _filtered(root: Path, name: str) -> bool:
    """Whether the prefilter applies to the file: a scanner other than a dependency file's."""
    lower = name.rsplit("/", 1)[-1].lower()
    extension = os.path.splitext(lower)[1]
    scanner = detection._scanner_for(lower, extension, name)
    catalogue = load_catalogue()
    return (
        extension not in catalogue.model_files
        and scanner is not None
        and scanner not in detection._UNFILTERED
    )


def _without_words(root: Path, names: list[str]) -> set[str]:
    triggers = load_catalogue().triggers
    return {
        name
        for name in names
        if _filtered(root, name)
        and not any(t in (root / name).read_bytes().lower() for t in triggers)
    }


def _words() -> list[str]:
    return [trigger.decode() for trigger in load_catalogue().triggers]


@pytest.mark.parametrize("corpus", ["small", "large", "one-endpoint"])
def test_both_paths_agree_on_the_corpora(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: str
) -> None:
    root = tmp_path / corpus
    if corpus == "small":
        build_corpus(root)
    elif corpus == "large":
        build_large(root, files=300)
    else:
        build_one_endpoint(root)
    names = repository_files(str(root))
    unmatched = detection._git_unmatched(str(root), _words())
    assert unmatched is not None
    skipped = unmatched & set(names)
    assert skipped == _without_words(root, names)
    assert len(skipped) == {"small": 7, "large": 247, "one-endpoint": 1}[corpus]
    by_git = _evidence(root, monkeypatch, git=True)
    assert by_git == _evidence(root, monkeypatch, git=False)
    assert len(by_git[0]) >= 5


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *GIT_IDENTITY, *args], cwd=root, check=True, capture_output=True)


def test_what_git_would_read_otherwise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files git's index stands in for, binary-looking and upper-case ones, links, vendored,
    ignored and untracked files: each is read, or not, as without git."""
    root = tmp_path / "repo"
    root.mkdir()
    openai = b"import openai\nclient = openai.OpenAI()\n"
    files = {
        ".gitignore": b"ignored/\nscratch.py\n",
        ".gitattributes": b"binaryish.py binary\n",
        "plain.py": b"x = 1\n",
        "hidden_change.py": b"x = 2\n",
        "sparse.py": b"x = 3\n",
        "UPPER.PY": openai,
        "shouting.py": b"import OPENAI\nKEY = OPENAI_API_KEY\n",
        "binaryish.py": openai,
        "late_nul.py": openai + b"#" * 9000 + b"\0\n",
        "early_nul.py": b"\0" + openai,
        "vendor/lib.py": openai,
        "ignored/secret.py": openai,
        "src/app.ts": b'import OpenAI from "openai";\nconst c = new OpenAI();\n',
        "src/util.ts": b"export const a = 1;\n",
        ".env.local": b"ANTHROPIC_API_KEY=\n",
        "deploy/.env.staging": b"MISTRAL_API_KEY=\n",
        "requirements.txt": b"openai==1.0\n",
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "add", "-f", "ignored/secret.py")
    _git(root, "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", "start")
    # the index's copies stand in for these two in an index-based `git grep`
    _git(root, "update-index", "--assume-unchanged", "hidden_change.py")
    _git(root, "update-index", "--skip-worktree", "sparse.py")
    (root / "hidden_change.py").write_bytes(openai)
    (root / "sparse.py").write_bytes(openai)
    (root / "untracked.py").write_bytes(openai)
    (root / "linked.py").symlink_to("plain.py")
    (root / "scratch.py").write_bytes(openai)
    by_git = _evidence(root, monkeypatch, git=True)
    assert by_git == _evidence(root, monkeypatch, git=False)
    files_with_evidence = sorted({dict(e)["file"] for e in by_git[0]})
    assert [os.path.relpath(f, root) for f in files_with_evidence] == [
        ".env.local",
        "UPPER.PY",
        "binaryish.py",
        os.path.join("deploy", ".env.staging"),
        "hidden_change.py",
        os.path.join("ignored", "secret.py"),
        "late_nul.py",
        "requirements.txt",
        "shouting.py",
        "sparse.py",
        os.path.join("src", "app.ts"),
        "untracked.py",
    ]
    unmatched = detection._git_unmatched(str(root), _words())
    assert unmatched is not None
    assert unmatched & set(repository_files(str(root))) == {"plain.py", "src/util.ts"}


def test_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No git on the PATH: no list of unmatched files, every file is read."""
    root = tmp_path / "large"
    build_large(root, files=40)
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert detection._git_unmatched(str(root), _words()) is None
    monkeypatch.setattr(detection, "GIT_PREFILTER_FILES", 0)
    assert detection._unmatched(str(root), ["a.py"], load_catalogue(), {}) == frozenset()


def test_outside_a_work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files from the walk are tested in Python, git or not."""
    built = tmp_path / "built"
    build_one_endpoint(built)
    root = tmp_path / "plain"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns(".git"))
    monkeypatch.setattr(detection, "GIT_PREFILTER_FILES", 0)
    names = repository_files(str(root))
    assert len(names) >= 5
    assert detection._unmatched(str(root), names, load_catalogue(), {}) == frozenset()
