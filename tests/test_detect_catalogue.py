"""The catalogue's model knowledge and the attribution of models, gateways and endpoints.

Provider-prefixed ids follow LangChain's `init_chat_model` ("{model_provider}:{model}", e.g.
'openai:o1': https://reference.langchain.com/v0.3/python/langchain/chat_models/
langchain.chat_models.base.init_chat_model.html, read through the search tool's docs corpus)
and the Vercel AI SDK, where "the AI Gateway is the default global provider, so you can access
models using a simple string" ('anthropic/claude-sonnet-4.5':
https://ai-sdk.dev/docs/getting-started/choosing-a-provider, same corpus).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from charte_lint.detect import detect, load_catalogue

CATALOGUE = load_catalogue()
HOSTING = {None, "saas", "private_cloud", "self_hosted", "on_device"}  # docs/manifest.md
KINDS = {"provider", "local", "framework", "gateway", "compatible-endpoint"}


def found(
    tmp_path: Path, files: dict[str, str]
) -> list[tuple[str, int, str, str, str | None, str | None]]:
    for name, text in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return [
        (Path(e.file).relative_to(tmp_path).as_posix(), e.line, e.provider, e.kind, e.model, e.via)
        for e in detect(str(tmp_path))
    ]


@pytest.mark.parametrize(
    ("provider", "model", "known"),
    [
        ("openai", "gpt-5.4-nano", True),
        ("openai", "gpt-4o-mini-2024-07-18", True),
        ("openai", "o4-mini", True),
        ("anthropic", "claude-haiku-4-5-20251001", True),
        ("anthropic", "claude-3-5-sonnet-latest", True),
        ("anthropic", "claude-sonnet-4.5", True),
        ("google", "gemini-3.5-flash-lite", True),
        ("mistral", "mistral-small-latest", True),
        ("mistral", "magistral-medium-2509", True),
        ("cohere", "command-r-plus", True),
        ("xai", "grok-4.1-fast", True),
        ("deepseek", "deepseek-r1", True),
        ("meta", "llama-3.3-70b-instruct", True),
        ("qwen", "qwen2.5:7b", True),
        # an unknown model of a known provider
        ("openai", "gpt-7-turbo", False),
        ("anthropic", "claude-code", False),
        ("mistral", "gpt-4o", False),
        # endpoints that serve other developers' models know every known family
        ("albert", "mistral-small-3.1", True),
        ("ollama", "llama3.1:8b", True),
        ("openrouter", "claude-3.5-sonnet", True),
        # the Albert API's own aliases; albert-large-v2 is Google's ALBERT encoder, not one
        ("albert", "albert-large", True),
        ("albert", "openweight-small", True),
        ("albert", "albert-large-v2", False),
        # a provider the catalogue does not have
        ("nobody", "gpt-4o", False),
    ],
)
def test_knows_model(provider: str, model: str, known: bool) -> None:
    assert CATALOGUE.knows_model(provider, model) is known


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("anthropic:claude-haiku-4-5-20251001", ("anthropic", "claude-haiku-4-5-20251001", None)),
        ("google_genai:gemini-3.5-flash-lite", ("google", "gemini-3.5-flash-lite", None)),
        ("mistralai:mistral-small-latest", ("mistral", "mistral-small-latest", None)),
        ("ollama:llama3", ("ollama", "llama3", None)),
        ("xai/grok-4.1-fast", ("xai", "grok-4.1-fast", None)),
        ("mistral/mistral-large", ("mistral", "mistral-large", None)),
        ("azure/gpt-4o", ("azure-openai", "gpt-4o", None)),
        ("bedrock/anthropic.claude-3", ("bedrock", "anthropic.claude-3", None)),
        ("vertex_ai/gemini-2.0", ("google", "gemini-2.0", None)),
        (
            "openrouter/anthropic/claude-3.5-sonnet",
            ("anthropic", "claude-3.5-sonnet", "openrouter"),
        ),
        # not model ids
        ("text/plain", None),
        ("image/png", None),
        ("application/json", None),
        ("openai/openai-python", None),
        ("anthropic/sdk.py", None),
        ("https://openrouter.ai/api/v1", None),
        ("ollama/ollama:0.5.4", None),
        ("mistralai/Mistral-7B-Instruct-v0.3", None),  # a Hugging Face repository
        ("openai:api_key", None),
    ],
)
def test_prefixed_model(literal: str, expected: tuple[str, str, str | None] | None) -> None:
    assert CATALOGUE.prefixed_model(literal) == expected


def test_catalogue_entries_are_complete() -> None:
    """Every provider has what --init drafts from; prefixes and hints name real entries."""
    for provider, info in CATALOGUE.providers.items():
        assert info["kind"] in KINDS, provider
        assert info["hosting"] in HOSTING, provider
        assert info["region"] is None or re.fullmatch(r"[A-Z]{2}|EU|EEA", info["region"])
        assert info["name"] and info["product"], provider
    assert set(CATALOGUE.model_prefixes.values()) <= set(CATALOGUE.providers)
    assert set(CATALOGUE.hint_words.values()) <= set(CATALOGUE.providers)
    assert CATALOGUE.providers["albert"]["region"] == "FR"
    assert CATALOGUE.providers["albert"]["vendor"].startswith("DINUM")
    assert CATALOGUE.kind("openai-compatible") == "compatible-endpoint"
    assert CATALOGUE.providers["openai-compatible"]["vendor"] is None
    gateways = {p for p in CATALOGUE.providers if CATALOGUE.kind(p) == "gateway"}
    assert gateways == {
        "vercel-ai-gateway",
        "openrouter",
        "litellm-proxy",
        "portkey",
        "cloudflare-ai-gateway",
        "helicone",
    }


def test_prefilter_words_cover_every_anchor() -> None:
    """The catalogue's `prefilter` list is complete: no anchor had to be added to it, so a
    new signature's word is reviewed where the prefilter is (and its cost measured)."""
    path = Path(__file__).parent.parent / "charte_lint" / "signatures.json"
    words = {w.lower().encode() for w in json.loads(path.read_text())["prefilter"]}
    assert set(CATALOGUE.triggers) == words


@pytest.mark.parametrize(
    ("call", "provider", "via"),
    [
        ("OpenAI(base_url=config.albert_api_url, api_key=config.albert_api_key)", "albert", None),
        ('OpenAI(base_url=os.environ["ALBERT_API_URL"])', "albert", None),
        ('OpenAI(base_url="https://albert.api.etalab.gouv.fr/v1")', "albert", None),
        ('OpenAI(base_url="https://api.mistral.ai/v1")', "mistral", None),
        ('OpenAI(base_url="https://contoso.openai.azure.com/openai/v1")', "azure-openai", None),
        ('OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")', "ollama", None),
        ('OpenAI(base_url="http://localhost:8000/v1")', "vllm", None),
        ("OpenAI(base_url=SCALEWAY_URL, api_key=SCW_SECRET_KEY)", "scaleway", None),
        ('OpenAI(base_url="https://oai.endpoints.kepler.ai.cloud.ovh.net/v1")', "ovhcloud", None),
        ('OpenAI(base_url="https://api.groq.com/openai/v1")', "groq", None),
        ("OpenAI(base_url=settings.llm_url)", "openai-compatible", None),
        (
            'OpenAI(base_url="https://gateway.ai.cloudflare.com/v1/acct/prod/openai")',
            "openai",
            "cloudflare-ai-gateway",
        ),
        ('OpenAI(base_url="https://oai.helicone.ai/v1")', "openai", "helicone"),
        ('OpenAI(base_url="https://api.openai.com/v1")', "openai", None),
        ("OpenAI()", "openai", None),
    ],
)
def test_openai_clients_with_a_base_url(
    tmp_path: Path, call: str, provider: str, via: str | None
) -> None:
    """An OpenAI client with a custom base URL is the endpoint's, never OpenAI's."""
    hits = found(tmp_path, {"bot.py": f"import os\nfrom openai import OpenAI\n\nclient = {call}\n"})
    assert ("bot.py", 2, provider, "import", None, via) in hits
    assert ("bot.py", 4, provider, "call", None, via) in hits
    assert not [h for h in hits if h[2] != provider and h[3] in ("import", "call")]


def test_javascript_compatible_clients(tmp_path: Path) -> None:
    hits = found(
        tmp_path,
        {
            "groq.ts": 'import { createOpenAI } from "@ai-sdk/openai";\n'
            'export const groq = createOpenAI({ baseURL: "https://api.groq.com/openai/v1" });\n',
            "compat.ts": 'import { createOpenAICompatible } from "@ai-sdk/openai-compatible";\n'
            "export const p = createOpenAICompatible("
            '{ name: "lab", baseURL: process.env.LAB_URL! });\n',
            "albert.ts": 'import OpenAI from "openai";\n'
            "const c = new OpenAI({ baseURL: process.env.ALBERT_API_URL });\n",
        },
    )
    assert hits == [
        ("albert.ts", 1, "albert", "import", None, None),
        ("albert.ts", 2, "albert", "call", None, None),  # and its key variable, merged
        ("compat.ts", 1, "openai-compatible", "import", None, None),
        ("compat.ts", 2, "openai-compatible", "call", None, None),
        ("groq.ts", 1, "groq", "import", None, None),
        ("groq.ts", 2, "groq", "call", None, None),  # and its endpoint, merged
    ]


def test_the_openai_sdk_installed_for_another_endpoint(tmp_path: Path) -> None:
    """Its dependency entry is that endpoint's once no file calls OpenAI itself."""
    files = {
        "requirements.txt": "openai==1.58.1\nfastapi\n",
        "bot.py": "from openai import OpenAI\nclient = OpenAI(base_url=ALBERT_URL)\n",
    }
    assert found(tmp_path, files) == [
        ("bot.py", 1, "albert", "import", None, None),
        ("bot.py", 2, "albert", "call", None, None),
        ("requirements.txt", 1, "albert", "dependency", None, None),
    ]
    (tmp_path / "direct.py").write_text("from openai import OpenAI\nclient = OpenAI()\n")
    assert ("requirements.txt", 1, "openai", "dependency", None, None) in found(tmp_path, {})


def test_type_only_imports_are_not_ai_use(tmp_path: Path) -> None:
    hits = found(
        tmp_path,
        {
            "types.ts": 'import type { UIMessage } from "ai";\n'
            'import { type ModelMessage, type ToolSet } from "ai";\n'
            'export type { UIMessage } from "ai";\n'
            'import { useChat } from "@ai-sdk/react";\n'
            'import { useCompletion } from "ai/react";\n',
            "server.ts": 'import { type UIMessage, streamText } from "ai";\n'
            'import Anthropic, { type Message } from "@anthropic-ai/sdk";\n',
            "hints.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    import anthropic\n\n    from openai import OpenAI\n"
            "else:\n    import mistralai\n",
        },
    )
    assert hits == [
        ("hints.py", 7, "mistral", "import", None, None),
        ("server.ts", 1, "vercel-ai", "import", None, None),
        ("server.ts", 2, "anthropic", "import", None, None),
    ]


def test_bare_names_need_an_sdk_or_a_prefixed_id(tmp_path: Path) -> None:
    hits = found(
        tmp_path,
        {
            "labels.py": 'LABELS = {"gpt-4o-mini": "fast", "claude-3-5-sonnet": "smart"}\n',
            "table.py": 'FAST = "openai/gpt-4o-mini"\nSMART = "claude-3-5-sonnet"\n'
            'MIME = "text/plain"\n',
        },
    )
    assert hits == [
        ("table.py", 1, "openai", "model", "gpt-4o-mini", None),
        ("table.py", 2, "anthropic", "model", "claude-3-5-sonnet", None),
    ]


def test_vercel_default_provider_changed(tmp_path: Path) -> None:
    """With `AI_SDK_DEFAULT_PROVIDER` set, plain strings no longer go to the gateway."""
    code = (
        'import { generateText } from "ai";\n'
        "globalThis.AI_SDK_DEFAULT_PROVIDER = mine;\n"
        'await generateText({ model: "openai/gpt-4o", prompt });\n'
    )
    assert ("a.ts", 3, "openai", "model", "gpt-4o", None) in found(tmp_path, {"a.ts": code})


def test_a_configured_endpoint_is_the_one_the_repository_names(tmp_path: Path) -> None:
    """`OpenAI(base_url=settings.OPENAI_BASE_URL)` calls the one compatible endpoint named
    elsewhere in the repository (here a Bruno environment); with two named, nobody can say."""
    files = {
        "llm.py": "from openai import OpenAI\nclient = OpenAI(base_url=settings.OPENAI_BASE_URL)\n",
        "settings.py": "OPENAI_BASE_URL = env('OPENAI_BASE_URL')\nOPENAI_API_KEY = env('KEY')\n",
        "bruno/environments/Albert.bru": "vars {\n  url: https://albert.api.etalab.gouv.fr\n}\n",
    }
    assert found(tmp_path, files) == [
        ("bruno/environments/Albert.bru", 2, "albert", "endpoint", None, None),
        ("llm.py", 1, "albert", "import", None, None),
        ("llm.py", 2, "albert", "call", None, None),
        ("settings.py", 2, "albert", "env-var", None, None),
    ]
    scaleway = {"deploy.yaml": "url: https://api.scaleway.ai/v1\n"}
    assert {h[2] for h in found(tmp_path, scaleway) if h[0] != "deploy.yaml"} == {
        "albert",
        "openai-compatible",
    }


def test_a_client_of_another_host_and_a_direct_one(tmp_path: Path) -> None:
    """Both clients in one file: each constructor is its host's, the SDK stays Anthropic's."""
    code = (
        "from anthropic import Anthropic, AnthropicBedrock\n"
        "a = Anthropic()\nb = AnthropicBedrock()\n"
        'b.messages.create(model="claude-sonnet-4-20250514", max_tokens=9, messages=[])\n'
    )
    assert found(tmp_path, {"x.py": code}) == [
        ("x.py", 1, "anthropic", "import", None, None),
        ("x.py", 2, "anthropic", "call", None, None),
        ("x.py", 3, "bedrock", "call", None, None),
        ("x.py", 4, "anthropic", "call", "claude-sonnet-4-20250514", None),
    ]


def test_an_sdk_import_that_calls_nothing_follows_the_endpoint(tmp_path: Path) -> None:
    """`from openai import BaseModel` (pydantic, re-exported) in a repository whose only
    client is the Albert API's is the Albert API's, as the SDK's dependency entry is; beside a
    direct OpenAI client it stays OpenAI's."""
    files = {
        "bot.py": "from openai import OpenAI\nclient = OpenAI(base_url=ALBERT_URL)\n",
        "result.py": "from openai import BaseModel\n",
    }
    assert ("result.py", 1, "albert", "import", None, None) in found(tmp_path, files)
    (tmp_path / "direct.py").write_text("from openai import OpenAI\nclient = OpenAI()\n")
    assert ("result.py", 1, "openai", "import", None, None) in found(tmp_path, {})
