"""Detection against known-answer repositories: exact recall and precision, not samples.

The corpora (tests/detect_corpus.py) state every evidence by construction, so a failure here
is a disagreement between the specification and the detector, printed as a diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from detect_corpus import Corpus, Expected, build_corpus, build_large, build_one_endpoint

from charte_lint.api import EVIDENCE_KINDS, Evidence
from charte_lint.detect import detect

PROVIDERS = (
    "openai",
    "azure-openai",
    "anthropic",
    "mistral",
    "google",
    "cohere",
    "bedrock",
    "huggingface",
    "ollama",
    "vllm",
    "llama-cpp",
    "local-model",
    "langchain",
    "llamaindex",
    "litellm",
    "vercel-ai",
    "albert",
    "scaleway",
    "openai-compatible",
    "openrouter",
    "vercel-ai-gateway",
    "xai",
    "deepseek",
    "lmstudio",
    "perplexity",
)


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    root = tmp_path_factory.mktemp("detect") / "helpdesk"
    return root, build_corpus(root)


@pytest.fixture(scope="module")
def found(corpus_root: tuple[Path, Corpus]) -> list[Evidence]:
    return detect(str(corpus_root[0]))


def relative(root: Path, evidence: Evidence) -> str:
    return Path(os.path.relpath(evidence.file, root)).as_posix()


def keyed(root: Path, evidence: list[Evidence]) -> dict[Expected, Evidence]:
    return {(relative(root, e), e.line, e.provider, e.kind): e for e in evidence}


def diff(expected: set[Expected], got: dict[Expected, Evidence]) -> str:
    """Missing and extra evidence, one per line, with the source text of the extra ones."""
    lines = [
        f"  missing  {path}:{line}  {provider} {kind}"
        for path, line, provider, kind in sorted(expected - set(got))
    ]
    for item in sorted(set(got) - expected):
        path, line, provider, kind = item
        lines.append(f"  extra    {path}:{line}  {provider} {kind}  text={got[item].text!r}")
    return "\n".join(lines)


def test_corpus_covers_every_provider_and_kind(corpus_root: tuple[Path, Corpus]) -> None:
    _, corpus = corpus_root
    assert {p for _, _, p, _ in corpus.expected} == set(PROVIDERS)
    assert {k for _, _, _, k in corpus.expected} == set(EVIDENCE_KINDS)
    assert 40 <= corpus.files <= 120


def test_ignored_files_stay_untracked(corpus_root: tuple[Path, Corpus]) -> None:
    root, corpus = corpus_root
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert corpus.ignored_files and not corpus.ignored_files & set(listed)
    assert all((root / name).is_file() for name in corpus.ignored_files)


def test_exact_evidence(corpus_root: tuple[Path, Corpus], found: list[Evidence]) -> None:
    """Recall 100% and no extra hit, at (file, line, provider, kind) granularity."""
    root, corpus = corpus_root
    got = keyed(root, found)
    assert len(got) == len(found), "two evidence items share (file, line, provider, kind)"
    assert set(got) == corpus.expected, "\n" + diff(corpus.expected, got)


def test_models_and_gateways(corpus_root: tuple[Path, Corpus], found: list[Evidence]) -> None:
    """The model without its provider prefix, and the gateway it goes through (`via`)."""
    root, corpus = corpus_root
    got = keyed(root, found)
    assert len(corpus.details) >= 15
    wrong = [
        f"{item}: expected {wanted}, got {(got[item].model, got[item].via)}"
        for item, wanted in sorted(corpus.details.items())
        if item in got and (got[item].model, got[item].via) != wanted
    ]
    assert not wrong, "\n".join(wrong)


def test_decoys_give_nothing(corpus_root: tuple[Path, Corpus], found: list[Evidence]) -> None:
    root, corpus = corpus_root
    hits = sorted(
        f"{relative(root, e)}:{e.line} {e.provider} {e.kind}"
        for e in found
        if relative(root, e) in corpus.decoy_files
    )
    assert not hits
    assert not corpus.ignored_files & {relative(root, e) for e in found}


def test_env_example_placeholders_are_variables_not_keys(
    corpus_root: tuple[Path, Corpus], found: list[Evidence]
) -> None:
    """Placeholder values (your-key-here, sk-..., hf_xxx..., empty, a URL) are not keys."""
    root, corpus = corpus_root
    got = {k for k in keyed(root, found) if k[0] == ".env.example"}
    wanted = {k for k in corpus.expected if k[0] == ".env.example"}
    assert not {k for k in wanted if k[3] == "api-key"}
    assert got == wanted, "\n" + diff(
        wanted, {k: e for k, e in keyed(root, found).items() if k in got}
    )


def test_columns(corpus_root: tuple[Path, Corpus], found: list[Evidence]) -> None:
    root, corpus = corpus_root
    got = keyed(root, found)
    assert len(corpus.columns) >= 20
    wrong = [
        f"{item}: expected column {column}, got {got[item].column}"
        for item, column in sorted(corpus.columns.items())
        if item in got and got[item].column != column
    ]
    assert not wrong, "\n".join(wrong)


def test_evidence_paths_join_root(corpus_root: tuple[Path, Corpus], found: list[Evidence]) -> None:
    root, _ = corpus_root
    model_files = [e for e in found if e.kind == "model-file"]
    assert {e.file for e in model_files} == {
        os.path.join(str(root), "models", "intent-classifier.onnx"),
        os.path.join(str(root), "models", "ggml-support-q4.gguf"),
    }
    assert all((e.line, e.column) == (1, 1) for e in model_files)


def test_keys_are_masked(corpus_root: tuple[Path, Corpus], found: list[Evidence]) -> None:
    """No evidence field gives a hard-coded key away, not even its last characters."""
    _, corpus = corpus_root
    keys = [e for e in found if e.kind == "api-key"]
    assert len(keys) >= sum(1 for item in corpus.expected if item[3] == "api-key")
    assert all(e.secret for e in keys)
    for evidence in found:
        fields = " ".join(
            str(getattr(evidence, name))
            for name in ("file", "text", "model", "secret", "line", "column", "provider", "kind")
        )
        for key in corpus.secrets:
            assert key not in fields
            assert key[-12:] not in fields, f"the tail of a key shows in {fields!r}"


def test_walk_without_git(
    corpus_root: tuple[Path, Corpus], found: list[Evidence], tmp_path: Path
) -> None:
    """Without .git the walk reads `.gitignore` itself: it finds exactly what the git listing
    finds; once `.gitignore` is gone, it finds that plus exactly the evidence of the ignored
    `.env` and `scratch/try_gemini.py`. Vendored, built, lock, minified, oversized and
    documentation files are skipped either way."""
    root, corpus = corpus_root
    copy = tmp_path / "helpdesk"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git"))
    assert set(keyed(copy, detect(str(copy)))) == set(keyed(root, found))
    (copy / ".gitignore").unlink()
    assert {k[0] for k in corpus.ignored_expected} == {".env", "scratch/try_gemini.py"}
    expected = set(keyed(root, found)) | corpus.ignored_expected
    got = keyed(copy, detect(str(copy)))
    assert set(got) == expected, "\n" + diff(expected, got)


def test_large_corpus(tmp_path: Path) -> None:
    """The benchmark's generator: 300 files, about 2% with AI use, found exactly."""
    root = tmp_path / "large"
    corpus = build_large(root, files=300)
    tracked = subprocess.run(
        ["git", "-C", str(root), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(tracked) == corpus.files == 300
    assert len({k[0] for k in corpus.expected}) >= 5
    got = keyed(root, detect(str(root)))
    assert set(got) == corpus.expected, "\n" + diff(corpus.expected, got)


@pytest.mark.parametrize("other", [None, "anthropic", "openrouter"])
def test_models_of_the_one_endpoint(tmp_path: Path, other: str | None) -> None:
    """A repository whose only party is the Albert API: the known model ids of an enumeration
    and a request body are that endpoint's (never Mistral AI's), table keys, tokenizer names,
    comments, docstrings and prose are not; beside a second provider or with only a gateway,
    those files give nothing."""
    root = tmp_path / "extraction"
    corpus = build_one_endpoint(root, other)
    found = detect(str(root))
    got = keyed(root, found)
    assert len(got) == len(found), "two evidence items share (file, line, provider, kind)"
    assert set(got) == corpus.expected, "\n" + diff(corpus.expected, got)
    details = {item: (got[item].model, got[item].via) for item in corpus.details}
    assert details == corpus.details
    assert len(corpus.details) == (5 if other is None else 0 if other == "openrouter" else 1)
