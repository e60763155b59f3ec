"""Shared helpers: run the real console script, write manifests, lint text in-process."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from charte_lint.engine import Linter

TODAY = dt.date(2026, 11, 29)
SCRIPT = str(Path(sys.executable).with_name("charte-lint"))
REPO = Path(__file__).resolve().parent.parent

SMALLEST = """\
version: 1
charter: private
organisation:
  name: Exemple SAS
uses:
  - id: code-assistant
    name: Code completion in the IDE
    status: production
    owner:
      team: Platform engineering
      accountable: Head of engineering
    purpose:
      need: Speed up routine code and test writing for the platform team.
      beneficiaries: [staff]
    description:
      does: Suggests code completions inside the editor.
      does_not: Does not commit, review or deploy code; suggestions are accepted by a developer.
    tool:
      name: GitHub Copilot Business
      approved: copilot-business
    task: code_assist
    audience: [staff]
    data:
      personal: false
      classification: internal
    work:
      impact: none
    review:
      last: 2026-10-01
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child run: English, no colour preferences, pinned date."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "GITHUB_ACTIONS")
    }
    env["CHARTE_LINT_TODAY"] = TODAY.isoformat()
    env.update(extra)
    return env


class Result:
    def __init__(self, completed: subprocess.CompletedProcess[str]) -> None:
        self.code = completed.returncode
        self.out = completed.stdout
        self.err = completed.stderr

    def json(self) -> dict:
        return json.loads(self.out)


def run_cli(
    *args: str,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
    script: str = SCRIPT,
) -> Result:
    """Run the installed `charte-lint` console script, as a user would."""
    completed = subprocess.run(
        [script, *args],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return Result(completed)


# Never part of a copy of the working tree: environments, caches, build output.
_NOT_COPIED = {
    ".git",
    ".venv",
    "build",
    "dist",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
}


def working_tree_files() -> list[Path]:
    """Tracked and untracked-but-not-ignored files of this working tree, as they are now,
    relative to it: what a user installing from this revision would get (bench scratch aside)."""
    if (REPO / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        names = [Path(n) for n in listed.split("\0") if n]
    else:
        names = [p.relative_to(REPO) for p in REPO.rglob("*")]
    return [
        n
        for n in names
        if not _NOT_COPIED.intersection(n.parts)
        and n.parts[:2] != ("bench", ".work")
        and (REPO / n).is_file()
        and not (REPO / n).is_symlink()
    ]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def lint(text: str, lang: str = "en", config=None):
    """In-process lint of a manifest's text, with the date pinned."""
    from charte_lint.engine import lint_source

    return lint_source(dedent(text), lang=lang, config=config, linter=_linter(lang))


_LINTERS: dict[str, Linter] = {}


def _linter(lang: str) -> Linter:
    if lang not in _LINTERS:
        _LINTERS[lang] = Linter(lang=lang, today=TODAY)
    return _LINTERS[lang]


def value_paths(value, prefix=()):
    """Every path (tuple of keys and indexes) into a nested value, the root first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from value_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from value_paths(item, (*prefix, index))


def brief(findings) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


@pytest.fixture
def smallest() -> str:
    return SMALLEST
