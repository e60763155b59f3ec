"""Detection on excerpts of real public repositories, against what their code really uses.

tests/data/real/expectations.yaml records, for each repository, the providers, gateways and
models its code uses, established by reading it (bench/detect_real.py measures the same on whole
snapshots); tests/data/real/<name>/ holds a few of its files, copied verbatim with their origin and
licence in a NOTICE file. Each excerpt must give exactly the expected providers, gateways and
models (items listed as `possible_*` may be reported or not), and `charte-lint --init` on it must
draft no vendor the repository does not use.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli

from charte_lint.detect import detect, load_catalogue
from charte_lint.placeholders import is_placeholder

DATA = Path(__file__).resolve().parent / "data" / "real"
EXPECTATIONS = yaml.safe_load((DATA / "expectations.yaml").read_text(encoding="utf-8"))
REPOSITORIES = EXPECTATIONS["repositories"]
EXCERPTS = sorted(name for name, spec in REPOSITORIES.items() if spec.get("excerpt"))

# LangChain's "provider:" prefixes (init_chat_model ids), removed before models are compared;
# a "provider/" or "organisation/" path goes too: "anthropic/claude-haiku-4.5" is claude-haiku-4.5.
_LANGCHAIN_PREFIX = re.compile(
    r"^(?:openai|anthropic|google|google_genai|google_vertexai|vertex_ai|gemini|xai|mistral"
    r"|mistralai|ollama|bedrock|bedrock_converse|azure|azure_openai|cohere|groq|deepseek"
    r"|together|fireworks|perplexity|openrouter|huggingface|vllm|albert):",
    re.IGNORECASE,
)


def model_key(model: str) -> str:
    """A model id as compared: no routing prefix, no organisation path, case folded."""
    return _LANGCHAIN_PREFIX.sub("", model.strip()).rsplit("/", 1)[-1].lower()


def expected(name: str) -> dict[str, Any]:
    """The repository's expectations with its excerpt's overrides applied."""
    spec = dict(REPOSITORIES[name])
    spec.update({k: v for k, v in spec["excerpt"].items() if k != "files"})
    aliases = {model_key(k): model_key(v) for k, v in (spec.get("model_aliases") or {}).items()}
    keys = lambda models: {aliases.get(model_key(m), model_key(m)) for m in models or ()}  # noqa: E731
    return {
        "providers": set(spec.get("providers") or ()),
        "gateways": set(spec.get("gateways") or ()),
        "models": keys(spec.get("models")),
        "possible_providers": set(spec.get("possible_providers") or ()),
        "possible_gateways": set(spec.get("possible_gateways") or ()),
        "possible_models": keys(spec.get("possible_models")),
        "aliases": aliases,
    }


@pytest.fixture
def excerpt(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The excerpt's listed files copied to a fresh directory outside any git work tree, so
    that detection reads exactly them whatever the state of this repository's index."""
    name = request.param
    target = tmp_path / name
    for relative in REPOSITORIES[name]["excerpt"]["files"]:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DATA / name / relative, destination)
    return target


def found(root: Path, aliases: dict[str, str]) -> dict[str, set[str]]:
    """Providers, gateways and models charte-lint's detection reports for `root`.

    A provider is a catalogue entry other than a framework (LangChain, the Vercel AI SDK...) or
    a gateway; a gateway is an entry of kind "gateway" or the `via` of a piece of evidence."""
    catalogue = load_catalogue()
    kinds = {key: info.get("kind") for key, info in catalogue.providers.items()}
    providers: set[str] = set()
    gateways: set[str] = set()
    models: set[str] = set()
    for evidence in detect(str(root), None, catalogue):
        kind = kinds.get(evidence.provider)
        if kind == "gateway":
            gateways.add(evidence.provider)
        elif kind != "framework" and evidence.provider != "local-model":
            providers.add(evidence.provider)
        via = getattr(evidence, "via", None)
        if via:
            gateways.add(via)
        if evidence.model:
            key = model_key(evidence.model)
            models.add(aliases.get(key, key))
    return {"providers": providers, "gateways": gateways, "models": models}


def test_every_repository_is_recorded_with_its_commit_and_licence() -> None:
    assert len(REPOSITORIES) >= 10
    for name, spec in REPOSITORIES.items():
        assert re.fullmatch(r"[0-9a-f]{40}", spec["commit"]), name
        assert spec["url"].startswith("https://github.com/"), name
        if spec.get("excerpt"):
            notice = (DATA / name / "NOTICE").read_text(encoding="utf-8")
            assert spec["url"] in notice and spec["commit"] in notice, name
            assert f"Licence: {spec['licence']}" in notice, name
            assert (DATA / name / "LICENSE").is_file(), name
            for relative in spec["excerpt"]["files"]:
                assert (DATA / name / relative).is_file(), (name, relative)


@pytest.mark.parametrize("excerpt", EXCERPTS, indirect=True)
def test_detection_reports_exactly_what_the_code_uses(excerpt: Path) -> None:
    want = expected(excerpt.name)
    got = found(excerpt, want["aliases"])
    assert got["providers"] - want["possible_providers"] == want["providers"]
    assert got["gateways"] - want["possible_gateways"] == want["gateways"]
    assert got["models"] - want["possible_models"] == want["models"]


@pytest.mark.parametrize("excerpt", EXCERPTS, indirect=True)
def test_init_drafts_no_vendor_the_code_does_not_use(excerpt: Path) -> None:
    want = expected(excerpt.name)
    vendors = {key: info.get("vendor") for key, info in load_catalogue().providers.items()}
    parties = want["providers"] | want["gateways"]
    parties |= want["possible_providers"] | want["possible_gateways"]
    allowed = {vendors.get(party) or party for party in parties}
    result = run_cli("--init", str(excerpt))
    assert result.code == 0, result.err
    draft = yaml.safe_load((excerpt / "ai-usage.yaml").read_text(encoding="utf-8"))
    drafted = {((use.get("tool") or {}).get("vendor")) for use in draft["uses"]}
    stated = {v for v in drafted if isinstance(v, str) and not is_placeholder(v)}
    assert stated <= allowed, f"vendors the code does not use: {sorted(stated - allowed)}"
