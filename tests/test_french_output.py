"""A French run speaks French: no English word of the tool's own, on any output or error path.

Every case runs the real console script with `--lang fr`. What is not the tool's own words is
taken out first: `code`, quoted values ("...", '...', « ... »), file paths and names, options,
rule codes and names, the source lines under a finding; what is left must hold none of the
common English words below.

Cases that still print English only because of texts in modules edited elsewhere are listed in
NOT_YET_TRANSLATED with the file and line to change; for them the test checks that the English
is still there, so that an entry that is no longer needed is noticed and removed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SMALLEST, clean_env, invoke

NOT_YET_TRANSLATED: list[tuple[str, str]] = []

ENGLISH = frozenset(
    """
    the and or of to in is are be for with by from into at as this that these those it its
    error errors warning warnings found finding findings file files cannot can must should not
    no none unknown invalid expected expects expecting use uses used using did you mean read
    write wrote written such directory directories only takes already exists never overwrites
    complete every then run rule rules names missing mapping keys key value values
    allowed needs least most more than suppressed waived until evidence piece pieces provider
    providers entry entries baseline match matches longer shrink line column char default
    current one item items list text whole number empty pattern starting letters digits
    dashes address duration country available internal interrupted pack claim makes reads
    urls syntax did find node when where which what who there here
    has have had was were will would if else also
    """.split()  # noqa: SIM905
)
"""Common English words that are not French words too (`a`, `on`, `info`, `code`, `local`,
`cycle`, `configuration`... are both, and are left out; so are YAML's `true` and `false`)."""

_QUOTED = (  # in this order: backticks first, then quotes (not French elisions: l'usage)
    re.compile(r"`[^`]*`"),
    re.compile(r"«[^»]*»|\"[^\"]*\""),
    re.compile(r"(?<![A-Za-zÀ-ÿ])'[^'\n]*'"),
)
_SNIPPET = re.compile(r"^\s*\d*\s*\|.*$", re.MULTILINE)
_FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)  # examples: manifests, data
_CODE = re.compile(r"\b[A-Z]{2,4}\d{3}\b")
_TOKEN = re.compile(r"\S+")


def english_words(output: str) -> set[str]:
    """The English words of `output` once other people's words are taken out."""
    text = _SNIPPET.sub(" ", _FENCED.sub(" ", output))
    for quoted in _QUOTED:
        text = quoted.sub(" ", text)
    text = _CODE.sub(" ", text)
    kept = []
    for token in _TOKEN.findall(text):
        bare = token.strip("()[],;:.?!")
        if (
            "/" in bare
            or "\\" in bare
            or bare.startswith("-")
            or "-" in bare  # rule names (`headcount-reduction`), `charte-lint`, ai-usage.yaml
            or "_" in bare  # keys and values (`work.impact`, `self_hosted`)
            or "." in bare  # file names, dotted keys
            or "=" in bare
        ):
            continue
        kept.append(bare)
    words = {w.lower() for token in kept for w in re.findall(r"[^\W\d_]+", token)}
    return words & ENGLISH


def _examples() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "examples").glob("*/ai-usage.yaml"))


def _setup(tmp_path: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


STALE = {
    "version": 1,
    "tool": "charte-lint",
    "entries": [
        {
            "file": "ai-usage.yaml",
            "code": "WRK001",
            "use": "code-assistant",
            "pointer": "/uses/0/work/impact",
            "fingerprint": "0000000000000000",
        }
    ],
}
HEADCOUNT = SMALLEST.replace("impact: none", "impact: headcount_reduction")

# id -> (arguments after `--lang fr`, files to write in the run's directory)
CASES: dict[str, tuple[list[str], dict[str, str]]] = {
    "error/no-such-path": (["nowhere.yaml"], {}),
    "error/not-a-regular-file": (["fifo/ai-usage.yaml"], {}),
    "error/no-manifest-found": (["no-manifest"], {"no-manifest/README": "nothing\n"}),
    "error/unknown-rule": (["--select", "XYZ999", "."], {"ai-usage.yaml": SMALLEST}),
    "error/unknown-rule-suggest": (["--explain", "WRK0011"], {}),
    "error/bad-report": (["--report", "bogus", "."], {"ai-usage.yaml": SMALLEST}),
    "error/markdown-without-list-rules": (["--format", "markdown", "."], {}),
    "error/bad-fail-on": (["--fail-on", "critical", "."], {}),
    "locale/fr_FR": (["."], {"ai-usage.yaml": HEADCOUNT}),
    "error/unknown-language": (["--lang", "xx", "."], {"ai-usage.yaml": SMALLEST}),
    "error/baseline-missing": (["--baseline", "missing.json", "."], {"ai-usage.yaml": SMALLEST}),
    "error/baseline-not-json": (
        ["--baseline", "b.json", "."],
        {"ai-usage.yaml": SMALLEST, "b.json": "{\n"},
    ),
    "error/baseline-shape": (
        ["--baseline", "b.json", "."],
        {"ai-usage.yaml": SMALLEST, "b.json": "[]\n"},
    ),
    "baseline/stale-entries": (
        ["--baseline", "b.json", "."],
        {"ai-usage.yaml": SMALLEST, "b.json": json.dumps(STALE)},
    ),
    "baseline/written": (["--write-baseline", "b.json", "."], {"ai-usage.yaml": HEADCOUNT}),
    "error/cannot-write-output": (
        ["--output", "missing/dir/out.txt", "."],
        {"ai-usage.yaml": SMALLEST},
    ),
    "error/changed-directory": (["--changed", "app"], {"app/main.py": "import os\n"}),
    "changed/undeclared": (
        ["--changed", "app/main.py"],
        {"app/main.py": "import cohere\n", "ai-usage.yaml": SMALLEST},
    ),
    "error/init-exists": (["--init", "."], {"ai-usage.yaml": SMALLEST}),
    "error/init-two-directories": (["--init", "a", "b"], {"a/x": "", "b/x": ""}),
    "init/written": (
        ["--init", "app"],
        {"app/main.py": "from openai import OpenAI\nclient = OpenAI()\n"},
    ),
    "config/fail-on-critical": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "fail_on: critical\n"},
    ),
    "config/extends-cycle": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "extends: c.yaml\n"},
    ),
    "config/extends-url": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "extends: https://example.org/c.yaml\n"},
    ),
    "config/extends-missing": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "extends: base.yaml\n"},
    ),
    "config/extends-unknown-policy": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "extends: policy:acme\n"},
    ),
    "config/show-config": (
        ["--show-config", "."],
        {"ai-usage.yaml": SMALLEST, ".charte-lint.yaml": "severity:\n  WRK001: info\n"},
    ),
    "error/show-config-format": (["--show-config", "--format", "sarif", "."], {}),
    "config/yaml-syntax": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "select: [\n"},
    ),
    "config/not-a-mapping": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "- WRK001\n"},
    ),
    "config/unknown-key": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "colour: blue\n"},
    ),
    "config/unknown-rule": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "select: [XYZ999]\n"},
    ),
    "config/invalid-toml": (
        ["--config", "pyproject.toml", "."],
        {"ai-usage.yaml": SMALLEST, "pyproject.toml": "[tool.charte-lint]\nfail_on = \n"},
    ),
    "config/bad-severity": (
        ["--config", "c.yaml", "."],
        {"ai-usage.yaml": SMALLEST, "c.yaml": "severity:\n  WRK001: fatal\n"},
    ),
    "suppressed": (
        ["."],
        {
            "ai-usage.yaml": HEADCOUNT.replace(
                "headcount_reduction",
                "headcount_reduction  # charte-lint: disable=WRK001 -- agreed with staff",
            )
        },
    ),
    "list-rules": (["--list-rules"], {}),
    "list-rules-markdown": (["--list-rules", "--format", "markdown"], {}),
    "explain": (["--explain", "WRK001"], {}),
}


def _run_case(case: str, tmp_path: Path):
    arguments, files = CASES[case]
    _setup(tmp_path, files)
    if case == "error/not-a-regular-file":
        (tmp_path / "fifo").mkdir()
        os.mkfifo(tmp_path / "fifo" / "ai-usage.yaml")
    if case in ("locale/fr_FR", "error/unknown-language"):  # French from the locale only
        return invoke(*arguments, cwd=tmp_path, env=clean_env(LANG="fr_FR.UTF-8"))
    return invoke("--lang", "fr", *arguments, cwd=tmp_path)


def _check(case: str, output: str) -> None:
    found = english_words(output)
    reasons = dict(NOT_YET_TRANSLATED)
    if case in reasons:
        assert found, (
            f"{case} is French now: remove it from NOT_YET_TRANSLATED ({reasons[case]})\n{output}"
        )
    else:
        assert not found, f"English words {sorted(found)} in a French run ({case}):\n{output}"


@pytest.mark.parametrize("manifest", [*_examples(), "examples"])
def test_every_example_is_reported_in_french(manifest):
    result = invoke("--lang", "fr", "--format", "text", manifest, cwd=REPO)
    assert result.code in (0, 1), result.err
    assert result.out.strip()
    _check(manifest, result.out + result.err)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_message_path_is_in_french(case, tmp_path):
    result = _run_case(case, tmp_path)
    output = result.out + result.err
    assert output.strip()
    _check(case, output)


def test_the_french_junit_report_is_in_french(tmp_path):
    shutil.copy(REPO / "examples" / "private-faulty" / "ai-usage.yaml", tmp_path)
    result = invoke("--lang", "fr", "--format", "junit", ".", cwd=tmp_path)
    assert "[erreur]" in result.out and " à " in result.out
    assert "[error]" not in result.out


def test_the_word_filter_sees_english_and_ignores_other_peoples_words():
    assert english_words("charte-lint: error: cannot read x.yaml") == {"error", "cannot", "read"}
    assert english_words("règle inconnue `the rule` « not JSON » (no-such-rule) WRK001") == set()
    assert english_words("    27 |   need: the need\n       |   ^^^\n") == set()
