"""The README stays true: generated sections, its commands, its example manifest."""

from __future__ import annotations

import re

from conftest import REPO, lint

from charte_lint.docs import update_readme

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_generated_sections_are_up_to_date():
    assert update_readme(README) == README, "run: python -m charte_lint.docs"


def test_ci_runs_exactly_the_readme_test_command():
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    test_command = next(c for c in commands if "pytest" in c)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    install_and_run = commands[0]
    assert install_and_run == (
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/charte-lint examples/"
    )


def test_readme_example_manifest_lints_clean():
    example = re.search(r"```yaml\n(# yaml-language-server.*?)```", README, re.S).group(1)
    assert lint(example) == []


def test_manifest_reference_lists_every_use_key():
    section = README.split("<!-- manifest-reference:start -->")[1].split("<!-- manifest")[0]
    for key in (
        "`data.legal_basis`",
        "`decision.automation`",
        "`assessments.dpia`",
        "`work.staff_informed`",
        "`review.every`",
        "`waivers[]`",
    ):
        assert key in section
