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
