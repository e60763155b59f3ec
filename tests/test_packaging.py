"""The package works both as a built wheel and as the editable install used for development."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

from conftest import REPO, SMALLEST, clean_env, working_tree_files

import charte_lint.rules
import charte_lint.schemas


def test_editable_install_maps_rules_and_schemas_to_the_source_tree():
    assert Path(charte_lint.rules.__file__).resolve() == REPO / "rules" / "__init__.py"
    assert Path(charte_lint.schemas.__file__).resolve().parent == REPO / "schemas"


PIP_INTO = [sys.executable, "-m", "pip", "--python"]
"""The test environment's pip, installing into the environment of the Python named next."""

EXAMPLES_SUMMARY = "33 errors, 52 warnings, 5 info in 20 files"
"""The last line of `charte-lint examples/`, as docs/output-formats.md shows it."""


def _build(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_sdist_and_wheel_ship_rules_content_and_schemas_and_run(tmp_path):
    # What `python -m build` does: an sdist from the source tree, then the wheel from the sdist,
    # so the wheel proves the sdist complete. The tree is a snapshot of the files git would
    # publish, so nothing is built inside the repository.
    source = tmp_path / "source"
    for name in working_tree_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    dist = tmp_path / "dist"
    _build(
        "-c",
        f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})",
        cwd=source,
    )
    (sdist,) = dist.glob("charte_lint-*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
        archive.extractall(tmp_path / "unpacked", filter="data")
    (root,) = {name.split("/", 1)[0] for name in members}
    in_sdist = {name.split("/", 1)[1] for name in members if "/" in name}
    for expected in (
        "pyproject.toml",
        "README.md",
        "schemas/ai-usage.schema.json",
        "schemas/ai-usage.schema.fr.json",
        "schemas/config.schema.json",
        "schemas/config.schema.fr.json",
        "charte_lint/signatures.json",
        "charte_lint/content/charter.yaml",
        "charte_lint/content/en/CL101.md",
        "charte_lint/content/fr/CL101.md",
        "rules/content/en/WRK001.md",
        "rules/content/fr/WRK001.md",
        "rules/content/examples/WRK001/failing.yaml",
        "rules/content/examples/WRK001/passing.yaml",
        "charte_lint/locale/charte_lint.pot",
        "charte_lint/locale/fr/LC_MESSAGES/charte_lint.po",
        "charte_lint/locale/fr/LC_MESSAGES/charte_lint.mo",
    ):
        assert expected in in_sdist, expected
    content = {
        name
        for name in in_sdist
        if name.startswith(("rules/content/", "charte_lint/content/")) and not name.endswith("/")
    }
    tracked = {
        str(name)
        for name in working_tree_files()
        if str(name).startswith(("rules/content/", "charte_lint/content/"))
    }
    assert content >= tracked, sorted(tracked - content)[:5]  # every content file, none left out

    _build(
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(dist),
        str(tmp_path / "unpacked" / root),
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("charte_lint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "charte_lint/rules/__init__.py",
        "charte_lint/rules/work.py",
        "charte_lint/rules/content/fr/WRK001.md",
        "charte_lint/rules/content/examples/WRK001/failing.yaml",
        "charte_lint/content/fr/CL101.md",
        "charte_lint/schemas/ai-usage.schema.json",
        "charte_lint/schemas/ai-usage.schema.fr.json",
        "charte_lint/schemas/config.schema.json",
        "charte_lint/schemas/config.schema.fr.json",
        "charte_lint/reporters/json.py",
        "charte_lint/locale/charte_lint.pot",
        "charte_lint/locale/fr/LC_MESSAGES/charte_lint.po",
        "charte_lint/locale/fr/LC_MESSAGES/charte_lint.mo",
    ):
        assert expected in names, expected
    assert not any(name.startswith(("tests/", "rules/", "schemas/")) for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    declared = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[charte_lint.rules]\nbuiltin = charte_lint.rules:RULES" in declared
    assert "charte-lint = charte_lint.cli:main" in declared

    # pip of the test environment installs into the new one (`--python`): a venv of its own
    # with pip would cost ensurepip's install of pip, longer than the rest of this test
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    installed = subprocess.run(
        [*PIP_INTO, str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
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

    examples = subprocess.run(
        [str(environment / "bin" / "charte-lint"), "examples/"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=REPO,
    )
    assert (examples.returncode, examples.stderr) == (1, "")
    assert examples.stdout.splitlines()[-1] == EXAMPLES_SUMMARY
    formats = (REPO / "docs" / "output-formats.md").read_text(encoding="utf-8")
    assert f"\n{EXAMPLES_SUMMARY}\n```" in formats
