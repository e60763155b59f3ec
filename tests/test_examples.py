"""examples/: each manifest gives exactly the findings examples/README.md announces."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, clean_env, invoke

EXAMPLES = REPO / "examples"
BULLET = re.compile(r"^- `(?P<file>[^`]+\.ya?ml)`: (?P<what>.*?)Expected: (?P<expected>.*)$", re.M)


def announced() -> dict[str, list[tuple[str, str]]]:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    table = {}
    for match in BULLET.finditer(readme):
        expected = match.group("expected").strip()
        table[f"examples/{match.group('file')}"] = (
            []
            if expected == "no finding"
            else re.findall(r"`([A-Z]+[0-9]{3})` at `([^`]*)`", expected)
        )
    return table


def test_every_example_is_announced():
    manifests = sorted(str(p.relative_to(REPO)) for p in EXAMPLES.glob("*/ai-usage.yaml"))
    assert sorted(announced()) == manifests
    assert len(manifests) >= 4


@pytest.mark.parametrize(
    ("lang", "today"), [("en", "2026-11-29"), ("fr", "2026-11-29"), ("en", "2027-05-31")]
)
def test_examples_give_exactly_the_announced_findings(lang, today):
    result = invoke(
        "--no-detect",
        "--format",
        "json",
        "--lang",
        lang,
        "examples",
        cwd=REPO,
        env=clean_env(CHARTE_LINT_TODAY=today),
    )
    assert result.err == ""
    report = result.json()
    assert report["files"] == sorted(announced())
    found: dict[str, list[tuple[str, str]]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["file"], []).append((finding["code"], finding["pointer"]))
        assert finding["line"] >= 1 and finding["column"] >= 1
    for name, expected in announced().items():
        assert sorted(found.get(name, [])) == sorted(expected), name
    assert result.code == 1  # the faulty examples fail the run, as the README says


def test_clean_examples_lint_clean_on_their_own():
    for name in ("private-clean", "public-clean"):
        result = invoke(f"examples/{name}/ai-usage.yaml", cwd=REPO)
        assert (result.code, result.out) == (0, "No findings in 1 file.\n")


def announced_in_code() -> list[tuple[str, str]]:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^- In code: (.*)$", readme, re.M)
    assert line is not None
    return re.findall(r"`([A-Z]+[0-9]{3})` at `([^`]+:[0-9]+)`", line.group(1))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_linting_the_directory_adds_exactly_the_announced_findings_in_code(lang):
    result = invoke(
        "--format",
        "json",
        "--lang",
        lang,
        "examples",
        cwd=REPO,
        env=clean_env(CHARTE_LINT_TODAY="2026-11-29"),
    )
    assert result.err == ""
    findings = result.json()["findings"]
    manifests = [f for f in findings if f["file"].endswith("/ai-usage.yaml")]
    in_code = [
        (f["code"], f"{f['file'].removeprefix('examples/')}:{f['line']}")
        for f in findings
        if not f["file"].endswith("/ai-usage.yaml")
    ]
    assert in_code == announced_in_code()
    expected = [(code, pointer) for found in announced().values() for code, pointer in found]
    assert sorted((f["code"], f["pointer"]) for f in manifests) == sorted(expected)
    assert all(f["pointer"] == "" and f["use"] is None for f in findings if f["code"] == "TRN008")
    assert result.code == 1
