"""The package works both as a built wheel and as the editable install used for development."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from conftest import REPO, SMALLEST, clean_env

import charte_lint.rules
import charte_lint.schemas


def test_editable_install_maps_rules_and_schemas_to_the_source_tree():
    assert Path(charte_lint.rules.__file__).resolve() == REPO / "rules" / "__init__.py"
    assert Path(charte_lint.schemas.__file__).resolve().parent == REPO / "schemas"


def test_wheel_ships_rules_and_schemas_and_runs(tmp_path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("charte_lint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "charte_lint/rules/__init__.py",
        "charte_lint/rules/work.py",
        "charte_lint/schemas/ai-usage.schema.json",
        "charte_lint/schemas/config.schema.json",
        "charte_lint/reporters/json.py",
        "charte_lint/locale/charte_lint.pot",
        "charte_lint/locale/fr/LC_MESSAGES/charte_lint.po",
        "charte_lint/locale/fr/LC_MESSAGES/charte_lint.mo",
    ):
        assert expected in names
    assert not any(name.startswith(("tests/", "rules/", "schemas/")) for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    declared = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[charte_lint.rules]\nbuiltin = charte_lint.rules:RULES" in declared
    assert "charte-lint = charte_lint.cli:main" in declared

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    # dependencies come from the test environment; charte_lint itself from the wheel
    env = clean_env(PYTHONPATH=sysconfig.get_paths()["purelib"])
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(SMALLEST.replace("impact: none", "impact: headcount_reduction"))
    run = subprocess.run(
        [str(environment / "bin" / "charte-lint"), "-q", str(manifest)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout.startswith(f"{manifest}:27:15: WRK001 [error]")
    french = subprocess.run(
        [str(environment / "bin" / "charte-lint"), "--lang", "fr", str(manifest)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert french.stdout.startswith(f"{manifest}:27:15: WRK001 [erreur]")  # the catalogue ships
    assert french.stdout.endswith("1 erreur, 0 avertissement, 0 info dans 1 fichier\n")
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import charte_lint.rules, charte_lint.schemas as s, os;"
            "print(charte_lint.rules.__file__); print(os.listdir(os.path.dirname(s.__file__)))",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    rules_file, listing = where.stdout.splitlines()
    assert rules_file.startswith(str(environment))
    assert "ai-usage.schema.json" in listing
    assert os.path.exists(environment / "bin" / "charte-lint")
