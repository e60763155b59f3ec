"""The tree stays ruff-clean (lint and format), as the contributing rules say."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_ruff_check_and_format():
    for command in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


SHARED_PATH = "/ " + '"shared"'  # written in two parts so that this file does not match itself


def test_no_test_reads_a_path_outside_the_repository():
    """The suite must pass in a fresh clone with nothing beside it: no `REPO.parent`, no shared/."""
    offending = []
    for path in sorted((REPO / "tests").glob("*.py")):
        if path.name == "test_style.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "REPO.parent" in line or SHARED_PATH in line:
                offending.append(f"{path.name}:{number}: {line.strip()}")
    assert offending == []
