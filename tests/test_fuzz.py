"""Fuzzing, bounded for CI: whatever the bytes, charte-lint answers with findings or a clean
exit code, never a traceback, and `--format json` is always valid JSON."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import yaml
from conftest import SMALLEST, TODAY, value_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from charte_lint import cli
from charte_lint.engine import Linter, lint_source
from charte_lint.manifest import read_manifest
from charte_lint.registry import load_rules

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
RULES = load_rules()
LINTERS = {lang: Linter(rules=RULES, lang=lang, today=TODAY) for lang in ("en", "fr")}
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*/ai-usage.yaml"))
SEEDS = [SMALLEST] + [p.read_text(encoding="utf-8") for p in EXAMPLES]

YAML_PIECES = [
    "version: 1\n",
    "charter: private\n",
    "charter: public\n",
    "uses:\n",
    "  - id: a\n",
    "    name: x\n",
    "    data:\n",
    "      personal: yes\n",
    "      personal: true\n",
    "- ",
    ": ",
    "&a ",
    "*a ",
    "<<: *a\n",
    "!!python/object:os.system ",
    "!!binary ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "---\n",
    "...\n",
    "\t",
    "\x00",
    "\ufeff",
    "0777",
    "NO",
    "~",
    "2026-13-45",
    "1:30",
    ".inf",
    "\n",
    "  ",
    "|\n  text\n",
    ">-\n  folded\n",
    "%YAML 1.1\n",
]


def check_findings(findings) -> None:
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.severity in ("error", "warning", "info")
        assert isinstance(finding.message, str) and finding.message.strip()
        assert finding.pointer == "" or finding.pointer.startswith("/")
        json.dumps(finding.as_dict())


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw):
    check_findings(lint_source(raw, linter=LINTERS["en"]))


@FUZZ
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40))
def test_random_yaml_fragments_never_raise(pieces):
    text = "".join(pieces)
    check_findings(lint_source(text, linter=LINTERS["en"]))
    read_manifest("x.yaml", text.encode("utf-8", "surrogatepass"))


WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.lists(st.one_of(st.text(max_size=5), st.integers(), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=6), st.one_of(st.text(max_size=5), st.integers()), max_size=3),
)


@FUZZ
@given(
    st.integers(0, len(SEEDS) - 1),
    st.randoms(use_true_random=False),
    WRONG,
    st.sampled_from(["en", "fr"]),
)
def test_wrong_types_at_every_key_never_raise(seed, rng, value, lang):
    """Replace one value anywhere in a real manifest by a value of any type, or delete it."""
    document = yaml.safe_load(SEEDS[seed])
    paths = [p for p in value_paths(document) if p]
    path = rng.choice(paths)
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    if rng.random() < 0.3 and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    check_findings(lint_source(text, linter=LINTERS[lang]))


EDITS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 3), st.sampled_from(YAML_PIECES)),
    min_size=1,
    max_size=6,
)
"""Edits for `mutate`: (position, length, piece)."""


@FUZZ
@given(st.integers(0, len(SEEDS) - 1), EDITS)
def test_mutated_real_manifests_never_raise(seed, edits):
    """Byte-level edits of real manifests: deletions, insertions, replacements."""
    check_findings(lint_source(mutate(SEEDS[seed], edits), linter=LINTERS["en"]))


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """`text` with each (position, length, piece) edit applied: `length` characters at
    `position` (modulo the text's length) replaced by `piece`."""
    for position, length, piece in edits:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at + length :]
    return text


def run_main(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            cli.main(args)
        except SystemExit as done:
            code = done.code
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=120, deadline=None, derandomize=True)
@given(
    st.integers(0, len(SEEDS) - 1),
    st.binary(max_size=60),
    st.integers(0, 10**6),
    st.sampled_from(["text", "json"]),
    st.sampled_from(
        [
            [],
            ["--lang", "fr"],
            ["-q"],
            ["--fail-on", "info"],
            ["--select", "CL"],
            ["--ignore", "WRK,DAT"],
        ]
    ),
)
def test_cli_on_mutated_files_exits_0_1_or_2_and_json_is_valid(seed, junk, position, fmt, extra):
    raw = SEEDS[seed].encode()
    at = position % (len(raw) + 1)
    raw = raw[:at] + junk + raw[at:]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "ai-usage.yaml"
        path.write_bytes(raw)
        code, out, err = run_main(["--format", fmt, *extra, str(path)])
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("charte-lint: error: ")
    if fmt == "json" and code != 2:
        document = json.loads(out)
        assert document["summary"]["files"] == 1


# Code detection: whatever a repository's files hold, scanning them never raises -------------

_DETECTED_NAMES = (
    "app.py",
    "web.ts",
    "main.go",
    "go.mod",
    "package.json",
    "pyproject.toml",
    "Pipfile",
    "requirements.txt",
    ".env.example",
    "analysis.ipynb",
    "settings.yaml",
    "run.sh",
)
_CODE_WORDS = st.sampled_from(
    [
        "import openai\n",
        "from openai import OpenAI\n",
        'require("@anthropic-ai/sdk")\n',
        "client = OpenAI(\n",
        'model="gpt-4o"\n',
        '"""\n',
        "#",
        "`",
        '{"cells": [{"cell_type": "code", "source": ',
        '"dependencies": {"openai": "1"}',
        "[project]\ndependencies = [\n",
        '"mistralai>=1",\n',
        "require (\n\tgithub.com/sashabaranov/go-openai v1.0.0\n",
        "OPENAI_API_KEY=",
        "sk-proj-" + "a1B2c3D4" * 6,
        "https://api.openai.com/v1",
        "]",
        ")",
        "\n",
        "\\",
        "'",
        '"',
    ]
)


@FUZZ
@given(
    name=st.sampled_from(_DETECTED_NAMES),
    pieces=st.lists(st.one_of(_CODE_WORDS, st.text(max_size=20)), max_size=30),
)
def test_detection_never_raises(tmp_path_factory, name, pieces):
    from charte_lint.detect import load_catalogue, scan_file

    root = tmp_path_factory.mktemp("scan")
    (root / name).write_text("".join(pieces), encoding="utf-8", errors="surrogatepass")
    for evidence in scan_file(str(root), name, load_catalogue()):
        assert evidence.line >= 1 and evidence.column >= 1
        assert evidence.end_column >= evidence.column
        assert "a1B2c3D4" * 6 not in evidence.text
