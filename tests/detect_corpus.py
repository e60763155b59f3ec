"""Known-answer repositories for measuring detection: every expected evidence is written by hand.

`build_corpus` writes a small, plausible product (a support-ticket assistant: Python backend,
TypeScript front end, Go worker) with AI use in every language and dependency format the
detector reads, plus decoys that must give nothing. `build_large` writes a big, mostly AI-free
repository for the benchmark. Line numbers come from construction (each line is added with the
evidence it must give), never from running detection, so the corpus can judge the detector.

Fake API keys are assembled at build time from a seeded generator, so no key-shaped string
sits in this file as text (secret scanners and reviewers stay quiet).
"""

# ruff: noqa: E501  (the corpus holds realistic source lines, some longer than 100 columns)

from __future__ import annotations

import json
import random
import shutil
import string
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

Expected = tuple[str, int, str, str]
"""(relative posix path, 1-based line, provider id, kind)."""

GIT_IDENTITY = ["-c", "user.email=a@b", "-c", "user.name=bench"]


@dataclass
class Corpus:
    """What a corpus must yield: the exact evidence set and the files that must yield nothing.

    `columns` gives the 1-based column of a few evidence items, `details` the `(model, via)` of
    a few (None for none), `secrets` the full fake keys
    (none may appear in any evidence field), `ignored_expected` the evidence of git-ignored
    files, found only when the tree is walked without git.
    """

    expected: set[Expected]
    decoy_files: set[str]
    columns: dict[Expected, int] = field(default_factory=dict)
    details: dict[Expected, tuple[str | None, str | None]] = field(default_factory=dict)
    secrets: set[str] = field(default_factory=set)
    ignored_expected: set[Expected] = field(default_factory=set)
    ignored_files: set[str] = field(default_factory=set)
    files: int = 0


class _Source:
    """A text file built line by line, each line carrying the evidence it must give.

    A hit is "provider kind", optionally followed by "model=M via=V" (the evidence's model and
    gateway; "-" for none) and by " @marker": the evidence's column is then that of the
    marker's first occurrence in the line (1-based).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: list[str] = []
        self.hits: list[tuple[int, str, str, int | None]] = []
        self.details: dict[tuple[int, str, str], tuple[str | None, str | None]] = {}

    def add(self, text: str, *hits: str) -> _Source:
        self.lines.append(text)
        number = len(self.lines)
        for hit in hits:
            spec, _, marker = hit.partition(" @")
            provider, kind, *extras = spec.split()
            column = text.index(marker) + 1 if marker else None
            self.hits.append((number, provider, kind, column))
            if extras:
                values = dict(extra.split("=", 1) for extra in extras)
                model, via = values.get("model", "-"), values.get("via", "-")
                self.details[(number, provider, kind)] = (
                    None if model == "-" else model,
                    None if via == "-" else via,
                )
        return self

    def extend(self, *texts: str) -> _Source:
        """Lines that must give no evidence."""
        for text in texts:
            self.add(text)
        return self

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class _Builder:
    """Writes files under `root` and collects what each must yield."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.corpus = Corpus(expected=set(), decoy_files=set())

    def source(self, path: str) -> _Source:
        return _Source(path)

    def write(self, source: _Source, *, decoy: bool = False, ignored: bool = False) -> None:
        if decoy and source.hits:
            raise ValueError(f"decoy {source.path} declares evidence")
        self._write_bytes(source.path, source.text().encode("utf-8"))
        self._record(source.path, decoy=decoy, ignored=ignored)
        target = self.corpus.ignored_expected if ignored else self.corpus.expected
        for line, provider, kind, column in source.hits:
            item = (source.path, line, provider, kind)
            target.add(item)
            if column is not None:
                self.corpus.columns[item] = column
            if (line, provider, kind) in source.details:
                self.corpus.details[item] = source.details[(line, provider, kind)]

    def write_raw(
        self,
        path: str,
        data: bytes,
        *,
        decoy: bool = False,
        evidence: tuple[str, str] | None = None,
    ) -> None:
        """A file whose content is not line-built (binary, huge): evidence at line 1 if any."""
        self._write_bytes(path, data)
        self._record(path, decoy=decoy, ignored=False)
        if evidence:
            item = (path, 1, *evidence)
            self.corpus.expected.add(item)
            self.corpus.columns[item] = 1

    def _write_bytes(self, path: str, data: bytes) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def _record(self, path: str, *, decoy: bool, ignored: bool) -> None:
        self.corpus.files += 1
        if decoy:
            self.corpus.decoy_files.add(path)
        if ignored:
            self.corpus.ignored_files.add(path)


def fake_key(prefix: str, length: int, seed: str) -> str:
    """A well-formed but meaningless key: `prefix` + `length` seeded letters and digits."""
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits
    while True:
        body = "".join(rng.choice(alphabet) for _ in range(length))
        lowered = body.lower()
        # keep clear of words a detector may read as "placeholder"
        if not any(w in lowered for w in ("your", "xxxx", "fake", "test", "demo", "secret")):
            return prefix + body


def git_init(root: Path, commit: bool = True) -> None:
    """Make `root` a git work tree with every non-ignored file added (and committed)."""

    def git(*args: str) -> None:
        subprocess.run(
            ["git", *GIT_IDENTITY, "-c", "init.defaultBranch=main", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    if commit:
        git("commit", "-q", "--no-verify", "--no-gpg-sign", "-m", "corpus")


# --------------------------------------------------------------------------------------------
# The small corpus
# --------------------------------------------------------------------------------------------


def build_corpus(root: Path) -> Corpus:
    """Write the support-ticket assistant under `root` (created, must not exist or be empty)."""
    root.mkdir(parents=True, exist_ok=True)
    b = _Builder(root)
    keys = {
        "openai": fake_key("sk-proj-", 48, "openai-settings"),
        "anthropic": fake_key("sk-ant-api03-", 93, "anthropic-settings"),
        "hf": fake_key("hf_", 36, "hf-settings"),
        "hf_helm": fake_key("hf_", 37, "hf-helm"),
        "mistral_env": fake_key("", 32, "mistral-staging"),
        "cohere_env": fake_key("", 40, "cohere-staging"),
        "openai_env": fake_key("sk-proj-", 56, "openai-staging"),
        "anthropic_dotenv": fake_key("sk-ant-api03-", 95, "anthropic-dotenv"),
    }
    b.corpus.secrets.update(keys.values())

    _repository_files(b)
    _python_backend(b, keys)
    _python_decoys(b)
    _python_dependencies(b)
    _env_and_config(b, keys)
    _web(b)
    _worker(b)
    _models_and_docs(b)
    _gateways_and_endpoints(b)
    _real_code_patterns(b)
    _catalogue_tables(b)
    _agents_sdk(b)
    git_init(root)
    return b.corpus


def _repository_files(b: _Builder) -> None:
    b.write(b.source(".gitignore").extend("__pycache__/", ".env", "scratch/", "*.log", ".venv/"))
    # git-ignored: scanned only by a walk without git
    b.write(
        b.source("scratch/try_gemini.py")
        .add("import google.generativeai as genai", "google import @import")
        .add("")
        .add('genai.configure(api_key="local")', "google call @genai.configure")
        .add(
            'print(genai.GenerativeModel("gemini-1.5-flash").generate_content("hi"))', "google call"
        ),
        ignored=True,
    )


def _python_backend(b: _Builder, keys: dict[str, str]) -> None:
    b.write(b.source("helpdesk/__init__.py").add('"""Support-ticket assistant."""'), decoy=True)

    b.write(
        b.source("helpdesk/settings.py")
        .extend(
            '"""Settings of the helpdesk backend, read once at start-up."""', "", "import os", ""
        )
        .add('DEBUG = os.environ.get("HELPDESK_DEBUG") == "1"')
        .add('DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/helpdesk")')
        .add("# TODO(security): move these to the vault before the next release.")
        .add(f'OPENAI_FALLBACK_KEY = "{keys["openai"]}"', "openai api-key @sk-proj-")
        .add(
            f'ANTHROPIC_API_KEY = "{keys["anthropic"]}"',
            "anthropic env-var @ANTHROPIC_API_KEY",
            "anthropic api-key @sk-ant-",
        )
        .add(
            f'HF_TOKEN = os.environ.get("HF_TOKEN", "{keys["hf"]}")',
            "huggingface env-var",
            "huggingface api-key @hf_",
        )
        .add('GEMINI_API_KEY = os.environ.get("GEMINI_API_KEY", "")', "google env-var")
        .add(
            'OLLAMA_HOST = os.environ.get("OLLAMA_HOST", "http://127.0.0.1:11434")',
            "ollama endpoint @127.0.0.1:11434",
        )
    )

    b.write(
        b.source("helpdesk/llm.py")
        .extend(
            '"""Reply drafting with OpenAI (Azure OpenAI for EU customers).',
            "",
            "We used to `import anthropic` here; see docs/architecture.md.",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "import os",
            "",
        )
        .add("from openai import (", "openai import @from")
        .add("    AzureOpenAI,")
        .add("    OpenAI,")
        .add(")")
        .add("from openai.types.chat import ChatCompletion", "openai import")
        .add("")
        .add("from .settings import OPENAI_FALLBACK_KEY")
        .add("")
        .add(
            'client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY", OPENAI_FALLBACK_KEY))',
            "openai call @OpenAI(",
        )
        .add("azure = AzureOpenAI(", "azure-openai call @AzureOpenAI(")
        .add(
            '    azure_endpoint="https://contoso-helpdesk.openai.azure.com/",',
            "azure-openai endpoint @contoso-helpdesk",
        )
        .add('    api_key=os.environ["AZURE_OPENAI_API_KEY"],', "azure-openai env-var")
        .add('    api_version="2024-10-21",')
        .add(")")
        .extend("", "")
        .add("def draft_reply(ticket: str) -> str:")
        .add('    # client.chat.completions.create(model="gpt-3.5-turbo") was too weak')
        .add("    response = client.chat.completions.create(", "openai call")
        .add('        model="gpt-4o-mini",', 'openai model @"gpt-4o-mini"')
        .add('        messages=[{"role": "user", "content": ticket}],')
        .add("    )")
        .add('    return response.choices[0].message.content or ""')
        .extend("", "")
        .add("def embed(texts: list[str]) -> list[list[float]]:")
        .add(
            '    result = client.embeddings.create(model="text-embedding-3-small", input=texts)',
            "openai call",
        )
        .add("    return [item.embedding for item in result.data]")
        .extend("", "")
        .add("def second_opinion(ticket: str) -> str:")
        .add('    """Ask the gateway for a Claude answer through the OpenAI-compatible API."""')
        .add("    reply = client.chat.completions.create(", "openai call")
        .add('        model="claude-3-5-haiku-latest",', "anthropic model")
        .add('        messages=[{"role": "user", "content": ticket}],')
        .add("    )")
        .add('    return reply.choices[0].message.content or ""')
        .extend("", "")
        .add("def reason(ticket: str) -> str:")
        .add(
            '    reply = azure.chat.completions.create(model="o3-mini", messages=[])',
            "openai call",
        )
        .add('    return reply.choices[0].message.content or ""')
        .extend("", "")
        .add("def text_of(completion: ChatCompletion) -> str:")
        .add('    return completion.choices[0].message.content or ""')
    )

    b.write(
        b.source("helpdesk/triage.py")
        .extend('"""Classify incoming tickets with Claude."""', "", "import json", "")
        .add("import anthropic", "anthropic import")
        .add("")
        .add('PROMPT = """Classify the ticket and reply in JSON.')
        .add('model="claude-3-opus" is only named here; import openai is not code."""')
        .extend("", "")
        .add("class Triage:")
        .add("    def __init__(self) -> None:")
        .add("        self.client = anthropic.Anthropic()", "anthropic call")
        .add("")
        .add("    def classify(self, ticket: str) -> dict[str, str]:")
        .add("        message = self.client.messages.create(", "anthropic call")
        .add('            model="claude-3-5-haiku-latest",', "anthropic model")
        .add("            max_tokens=300,")
        .add("            system=PROMPT,")
        .add('            messages=[{"role": "user", "content": ticket}],')
        .add("        )")
        .add("        return json.loads(message.content[0].text)")
        .add("")
        .add("    async def classify_later(self, ticket: str) -> None:")
        .add(
            '        client = anthropic.AsyncAnthropic(base_url="https://api.anthropic.com")',
            "anthropic call",
        )
        .add("        await client.close()")
    )

    b.write(
        b.source("helpdesk/summarise.py")
        .extend('"""Thread summaries with Mistral (EU hosting)."""', "", "import os", "")
        .add("from mistralai import Mistral", "mistral import")
        .add("")
        .add('mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"])', "mistral call")
        .extend("", "")
        .add("def summarise(thread: str) -> str:")
        .add("    result = mistral.chat.complete(", "mistral call")
        .add('        model="mistral-small-latest",', "mistral model")
        .add('        messages=[{"role": "user", "content": thread}],')
        .add("    )")
        .add("    return result.choices[0].message.content")
        .extend("", "")
        .add("def complete_code(snippet: str) -> str:")
        .add(
            '    result = mistral.fim.complete(model="codestral-latest", prompt=snippet)',
            "mistral call",
        )
        .add("    return result.choices[0].message.content")
    )

    b.write(
        b.source("helpdesk/router.py")
        .extend('"""One entry point for every model, through LiteLLM."""', "")
        .add("from litellm import completion", "litellm import")
        .extend("", "")
        .add("def route(messages: list[dict[str, str]]) -> str:")
        .add("    response = completion(", "litellm call")
        .add('        model="gpt-4o-mini",', "openai model")
        .add('        api_base="https://api.openai.com/v1",', "openai endpoint")
        .add("        messages=messages,")
        .add("    )")
        .add("    return response.choices[0].message.content")
        .extend("", "")
        .add("def offline(messages: list[dict[str, str]]) -> str:")
        # a LiteLLM provider-prefixed id: the provider is the prefix, the model the rest
        .add(
            '    return completion(model="ollama/llama3.1", messages=messages)',
            "litellm call",
            'ollama model @"ollama/',
        )
        .extend("", "")
        .add("def batch(prompts: list[str]) -> list[str]:")
        .add("    import json, litellm as ll", "litellm import @import")
        .add("")
        .add('    request = {"model": "mistral-large-latest", "temperature": 0}', "mistral model")
        .add(
            "    return [json.dumps(ll.batch_completion(messages=[p], **request)) for p in prompts]"
        )
    )

    b.write(
        b.source("helpdesk/search.py")
        .extend('"""Search past tickets: local embeddings, Cohere rerank, LlamaIndex RAG."""', "")
        .add("import os")
        .add("")
        .add("import cohere", "cohere import")
        .add("from llama_index.core import VectorStoreIndex", "llamaindex import")
        .add("from llama_index.llms.openai import OpenAI as LlamaOpenAI", "openai import")
        .add("from sentence_transformers import SentenceTransformer", "huggingface import")
        .add("")
        .add('co = cohere.ClientV2(api_key=os.environ["CO_API_KEY"])', "cohere call")
        # the model is a Hugging Face repository id: its provider is the SDK that loads it
        .add(
            'encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")',
            "huggingface call",
        )
        .add('llm = LlamaOpenAI(model="gpt-4o-mini")', "openai model")
        .extend("", "")
        .add("def build(documents: list[str]) -> VectorStoreIndex:")
        .add("    return VectorStoreIndex.from_documents(documents)")
        .extend("", "")
        .add("def rerank(query: str, documents: list[str]) -> list[int]:")
        .add(
            '    result = co.rerank(model="rerank-v3.5", query=query, documents=documents)',
            "cohere model",
        )
        .add("    return [item.index for item in result.results]")
    )

    b.write(
        b.source("helpdesk/gemini.py")
        .extend('"""Tag suggestions with Gemini."""', "", "import os", "")
        .add("from google import genai", "google import")
        .add("import google.generativeai as palm", "google import")
        .add("import google.genai.types as gtypes", "google import")
        .add("")
        .add(
            'REST_URL = "https://generativelanguage.googleapis.com/v1beta/models"',
            "google endpoint @generativelanguage",
        )
        .add('VERTEX_URL = "https://europe-west1-aiplatform.googleapis.com/v1"', "google endpoint")
        .add('client = genai.Client(api_key=os.environ["GEMINI_API_KEY"])', "google call")
        .add('legacy = palm.GenerativeModel("gemini-1.5-flash")', "google call")
        .extend("", "")
        .add("def suggest_tags(ticket: str) -> str:")
        .add("    config = gtypes.GenerateContentConfig(temperature=0)")
        .add(
            '    response = client.models.generate_content(model="gemini-2.0-flash", contents=ticket, config=config)',
            "google call",
        )
        .add("    return response.text")
    )

    b.write(
        b.source("helpdesk/bedrock.py")
        .extend('"""Claude on Amazon Bedrock for customers bound to AWS."""', "")
        .add("import boto3")
        .add("")
        .add(
            'ENDPOINT = "https://bedrock-runtime.eu-west-3.amazonaws.com"',
            "bedrock endpoint @bedrock-runtime",
        )
        .add(
            'runtime = boto3.client("bedrock-runtime", region_name="eu-west-3")',
            "bedrock call @.client",
        )
        .extend("", "")
        .add("def ask(prompt: str) -> str:")
        .add("    response = runtime.converse(", "bedrock call")
        .add(
            '        modelId="anthropic.claude-3-5-sonnet-20240620-v1:0",',
            "bedrock model model=anthropic.claude-3-5-sonnet-20240620-v1:0 via=-",
        )
        .add('        messages=[{"role": "user", "content": [{"text": prompt}]}],')
        .add("    )")
        .add('    return response["output"]["message"]["content"][0]["text"]')
    )

    b.write(
        b.source("helpdesk/storage.py")
        .extend('"""Attachments in S3 (boto3, and nothing about AI)."""', "", "import boto3", "")
        .add('s3 = boto3.client("s3")')
        .extend("", "")
        .add("def save(key: str, data: bytes) -> None:")
        .add('    s3.put_object(Bucket="helpdesk-attachments", Key=key, Body=data)'),
        decoy=True,
    )

    b.write(
        b.source("helpdesk/local/ollama_backend.py")
        .extend('"""On-premise replies through Ollama, for customers who refuse the cloud."""', "")
        .add("from __future__ import annotations")
        .extend("", "")
        .add("def reply(prompt: str) -> str:")
        .add("    import ollama", "ollama import @import")
        .add("")
        .add(
            '    response = ollama.chat(model="llama3.1:8b", messages=[{"role": "user", "content": prompt}])',
            "ollama call",
        )
        .add('    return response["message"]["content"]')
        .extend("", "")
        .add("def embed(text: str) -> list[float]:")
        .add("    import ollama", "ollama import")
        .add("")
        .add('    name = "nomic-embed-text"')
        .add(
            '    result = ollama.Client(host="http://localhost:11434").embed(name, text)',
            "ollama call",
        )
        .add('    return result["embeddings"][0]')
        .extend("", "")
        .add("def default_model() -> str:")
        .add("    import ollama  # noqa: F401  (checked at start-up)", "ollama import")
        .add('    return model_for("mistral")')
        .extend("", "")
        .add("def model_for(family: str) -> str:")
        .add('    model = "llama3.1:8b"', 'ollama model @"llama3.1:8b"')
        .add('    return {"mistral": "mistral:7b"}.get(family, model)')
    )
    b.write(
        b.source("helpdesk/local/vllm_backend.py")
        .extend('"""Batch drafting on our own GPUs with vLLM."""', "")
        .add("from vllm import LLM, SamplingParams", "vllm import")
        .add("")
        .add('engine = LLM(model="mistralai/Mistral-7B-Instruct-v0.3")', "vllm call")
        .add("params = SamplingParams(temperature=0.2, max_tokens=400)")
        .extend("", "")
        .add("def draft_all(prompts: list[str]) -> list[str]:")
        .add("    return [out.outputs[0].text for out in engine.generate(prompts, params)]")
    )
    b.write(
        b.source("helpdesk/local/llama_backend.py")
        .extend('"""Laptop mode: a quantised model through llama.cpp."""', "")
        .add("from llama_cpp import Llama", "llama-cpp import")
        .add("")
        .add('llm = Llama(model_path="models/ggml-support-q4.gguf", n_ctx=4096)', "llama-cpp call")
        .extend("", "")
        .add("def reply(prompt: str) -> str:")
        .add('    return llm(prompt, max_tokens=256)["choices"][0]["text"]')
    )

    b.write(
        b.source("helpdesk/agents.py")
        .extend('"""The escalation agent: one graph, a model per step."""', "")
        .add("from langchain_anthropic import ChatAnthropic", "anthropic import")
        .add("from langchain_aws import ChatBedrock", "bedrock import")
        .add("from langchain_cohere import ChatCohere", "cohere import")
        .add("from langchain_core.prompts import ChatPromptTemplate", "langchain import")
        .add("from langchain_google_genai import ChatGoogleGenerativeAI", "google import")
        .add("from langchain_huggingface import HuggingFaceEmbeddings", "huggingface import")
        .add("from langchain_mistralai import ChatMistralAI", "mistral import")
        .add("from langchain_ollama import ChatOllama", "ollama import")
        .add("from langchain_openai import AzureChatOpenAI, ChatOpenAI", "openai import")
        .add("from langgraph.graph import StateGraph", "langchain import")
        .add("")
        .add(
            "BEDROCK_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0'",
            "bedrock model model=anthropic.claude-3-haiku-20240307-v1:0 via=-",
        )
        .add('prompt = ChatPromptTemplate.from_messages([("system", "You triage tickets.")])')
        .add('gpt = ChatOpenAI(model="gpt-4o", temperature=0)', "openai call")
        .add(
            'azure = AzureChatOpenAI(azure_deployment="helpdesk-gpt4o", api_version="2024-10-21")',
            "azure-openai call",
        )
        .add('claude = ChatAnthropic(model="claude-3-5-sonnet-latest")', "anthropic call")
        .add("bedrock = ChatBedrock(model_id=BEDROCK_MODEL)", "bedrock call")
        .add('command = ChatCohere(model="command-r")', "cohere call")
        .add('gemini = ChatGoogleGenerativeAI(model="gemini-1.5-pro")', "google call")
        .add('mistral = ChatMistralAI(model="mistral-large-latest")', "mistral call")
        .add('local = ChatOllama(base_url="http://localhost:11434")', "ollama call")
        # after ChatOllama( on the line above: the model belongs to the call it is in
        .add(
            'embeddings = HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")',
            "huggingface call",
        )
        .add("graph = StateGraph(dict)")
    )

    b.write(
        b.source("tests/test_triage.py")
        .extend(
            '"""Triage without the network: the SDK is patched."""',
            "",
            "from unittest import mock",
            "",
        )
        .add("")
        .add('@mock.patch("anthropic.Anthropic")')
        .add("def test_classify(client: mock.Mock) -> None:")
        .add(
            '    client.return_value.messages.create.return_value.content = [mock.Mock(text="{}")]'
        ),
        decoy=True,
    )


def _python_decoys(b: _Builder) -> None:
    b.write(
        b.source("helpdesk/legacy.py").extend(
            '"""Legacy helpers kept for the v1 API.',
            "",
            "Example (old)::",
            "",
            "    import anthropic",
            "    client = anthropic.Anthropic()",
            '"""',
            "",
            "# import openai  -- removed in 2.0",
            "# from anthropic import Anthropic",
            "",
            "from openai_like import Client as GatewayClient",
            "",
            'openai_like = GatewayClient(base_url="http://gateway.internal/v1")',
            'model = "gpt-4o"  # only a label shown in the UI',
            'LABELS = {"gpt-4o": "GPT-4o", "claude-3-5-sonnet": "Claude"}',
            'HELP = "import openai  # then set your key"',
            "",
            "",
            "def describe(name: str) -> str:",
            '    """Return the display label; `import anthropic` is not needed here."""',
            "    return LABELS.get(name, name)",
        ),
        decoy=True,
    )
    b.write(
        b.source("helpdesk/ai.py").extend(
            '"""Our own helpers, named "ai" for historical reasons: no SDK here."""',
            "",
            "",
            "def suggest(subject: str) -> str:",
            '    return subject.strip().capitalize() or "(no subject)"',
        ),
        decoy=True,
    )
    b.write(
        b.source("helpdesk/openai_helpers.py").extend(
            '"""Prompt formatting helpers (pure string work, no client)."""',
            "",
            "",
            "def format_prompt(ticket: str, tone: str = 'friendly') -> str:",
            '    return f"Tone: {tone}\\n\\n{ticket}"',
        ),
        decoy=True,
    )
    b.write(
        b.source("helpdesk/compat/openai.py").extend(
            '"""Token counting compatible with the old OpenAI tokenizer, reimplemented locally."""',
            "",
            "",
            "def count_tokens(text: str) -> int:",
            "    return max(1, len(text) // 4)",
        ),
        decoy=True,
    )
    b.write(
        b.source("helpdesk/compat/__init__.py").extend(
            "from . import openai", "", '__all__ = ["openai"]'
        ),
        decoy=True,
    )
    b.write(
        b.source("helpdesk/views.py").extend(
            '"""HTTP views; they only use local helpers."""',
            "",
            "from . import ai, openai_helpers",
            "from .ai import suggest",
            "from .compat import openai",
            "from .openai_helpers import format_prompt",
            "",
            "",
            "def preview(ticket: str) -> str:",
            "    tokens = openai.count_tokens(ticket)",
            '    return f"{suggest(ticket)} ({tokens}): {format_prompt(ticket)}"',
            "",
            "",
            "__all__ = [ai.__name__, openai_helpers.__name__]",
        ),
        decoy=True,
    )
    # over the 1 MiB limit: generated code with an import at the top is never read
    lines = ["from openai import OpenAI", "", "", "class Schema:"]
    lines += [f"    field_{i:06d}: int = {i}" for i in range(80_000)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 2 * 1024 * 1024
    b.write_raw("helpdesk/generated/openapi_models.py", data, decoy=True)


def _python_dependencies(b: _Builder) -> None:
    b.write(
        b.source("requirements.txt")
        .add("# Runtime dependencies of the helpdesk backend")
        .add("fastapi==0.115.6")
        .add("openai>=1.58,<2", "openai dependency @openai")
        .add("anthropic==0.42.0", "anthropic dependency")
        .add("mistralai~=1.2", "mistral dependency")
        .add("google-genai==0.5.0", "google dependency")
        .add("cohere==5.13.4  # rerank", "cohere dependency")
        .add("boto3==1.35.90")
        .add("Sentence_Transformers>=3.3", "huggingface dependency")
        .add("llama-index-core==0.12.8", "llamaindex dependency")
        .add("llama-index-llms-openai==0.3.12", "openai dependency")
        .add('litellm==1.56.4 ; python_version >= "3.10"', "litellm dependency")
        .add("langchain-openai==0.2.14", "openai dependency")
        .add("langchain-anthropic", "anthropic dependency")
        .add("langgraph==0.2.60", "langchain dependency")
        .add("langchainify==0.1.0")
        .add("psycopg[binary]==3.2.3")
        .add("-r requirements/ml.txt")
    )
    b.write(
        b.source("requirements/ml.txt")
        .add("transformers==4.47.1", "huggingface dependency")
        .add('vllm==0.6.6 ; sys_platform == "linux"', "vllm dependency")
        .add("llama_cpp_python==0.3.5", "llama-cpp dependency")
        .add("ollama==0.4.4", "ollama dependency")
        .add("torch==2.5.1")
        .add("huggingface-hub[cli]>=0.27", "huggingface dependency")
        .add(
            "langchain-community @ git+https://github.com/langchain-ai/langchain#subdirectory=libs/community",
            "langchain dependency",
        )
    )
    b.write(
        b.source("requirements-docs.txt").extend(
            "mkdocs-material==9.5.49",
            "mkdocstrings[python]==0.27.0",
            "openai-whisper-ui==0.3.1",
            "langchainify==0.1.0",
            "# openai==1.58.1  (pinned in requirements.txt)",
        ),
        decoy=True,
    )
    b.write(
        b.source("pyproject.toml")
        .extend(
            "[build-system]",
            'requires = ["setuptools>=75"]',
            'build-backend = "setuptools.build_meta"',
            "",
            "[project]",
            'name = "helpdesk"',
            'version = "1.4.0"',
            'description = "Support-ticket assistant: drafts with OpenAI, routes with Claude"',
            'requires-python = ">=3.10"',
        )
        .add("dependencies = [")
        .add('    "fastapi>=0.115",')
        .add('    "openai>=1.58",', "openai dependency @openai")
        .add('    "anthropic>=0.42",', "anthropic dependency")
        .add('    "google-genai>=0.5",', "google dependency")
        .add('    "litellm>=1.56",', "litellm dependency")
        .add("]")
        .add("")
        .add("[project.optional-dependencies]")
        .add(
            'local = ["vllm>=0.6", "llama-cpp-python>=0.3"]',
            "vllm dependency @vllm",
            "llama-cpp dependency @llama-cpp",
        )
        .add("search = [")
        .add('    "cohere>=5.13",', "cohere dependency")
        .add('    "sentence-transformers>=3.3",', "huggingface dependency")
        .add('    "llama-index>=0.12",', "llamaindex dependency")
        .add("]")
        .add("")
        .add("[dependency-groups]")
        .add('dev = ["pytest>=8", "ruff>=0.8", "langchainify>=0.1"]')
        .add(
            'agents = ["langchain>=0.3", "langchain-mistralai>=0.2"]',
            "langchain dependency",
            "mistral dependency",
        )
        .add("")
        .add("[tool.ruff]")
        .add("line-length = 100")
    )
    b.write(
        b.source("tools/evaluation/pyproject.toml")
        .extend(
            "[tool.poetry]",
            'name = "helpdesk-evals"',
            'version = "0.1.0"',
            'description = "Offline evaluation of reply quality (OpenAI vs Claude)"',
            'authors = ["Support Tools <tools@example.com>"]',
            "",
            "[tool.poetry.dependencies]",
            'python = "^3.11"',
        )
        .add('openai = "^1.58"', "openai dependency @openai")
        .add('anthropic = { version = "^0.42", optional = true }', "anthropic dependency")
        .add('pandas = "^2.2"')
        .add("")
        .add("[tool.poetry.group.dev.dependencies]")
        .add('huggingface-hub = "^0.27"', "huggingface dependency")
        .add('langchain-community = "^0.3"', "langchain dependency")
        .add('pytest = "^8.3"')
        .add("")
        .add("[build-system]")
        .add('requires = ["poetry-core"]')
    )
    b.write(
        b.source("tools/evaluation/poetry.lock").extend(
            "[[package]]", 'name = "openai"', 'version = "1.58.1"', ""
        ),
        decoy=True,
    )
    b.write(
        b.source("tools/labelling/Pipfile")
        .extend(
            "[[source]]",
            'url = "https://pypi.org/simple"',
            "verify_ssl = true",
            'name = "pypi"',
            "",
            "[packages]",
            'requests = "*"',
        )
        .add('mistralai = "==1.2.5"', "mistral dependency")
        .add('transformers = "*"', "huggingface dependency")
        .add("")
        .add("[dev-packages]")
        .add('langchain-cohere = "*"', "cohere dependency")
        .add("")
        .add("[requires]")
        .add('python_version = "3.12"')
    )


def _env_and_config(b: _Builder, keys: dict[str, str]) -> None:
    # placeholders: the variable names are evidence, the values are not keys
    b.write(
        b.source(".env.example")
        .add("# Copy to .env and fill in; never commit real keys.")
        .add("OPENAI_API_KEY=your-key-here", "openai env-var @OPENAI_API_KEY")
        .add("ANTHROPIC_API_KEY=sk-ant-...", "anthropic env-var")
        .add("MISTRAL_API_KEY=", "mistral env-var")
        .add('GEMINI_API_KEY="<your Gemini key>"', "google env-var")
        .add("CO_API_KEY=changeme", "cohere env-var")
        .add("HF_TOKEN=hf_" + "x" * 36, "huggingface env-var")
        .add(
            "AZURE_OPENAI_ENDPOINT=https://<your-resource>.openai.azure.com/",
            "azure-openai env-var",
        )
        .add("AZURE_OPENAI_API_KEY=", "azure-openai env-var")
        .add("OLLAMA_HOST=http://localhost:11434", "ollama endpoint @localhost")
        .add("HUGGINGFACEHUB_API_TOKEN=", "huggingface env-var")
        .add("CODESTRAL_API_KEY=" + "x" * 32, "mistral env-var")
        .add("LOG_LEVEL=info")
    )
    b.write(
        b.source("deploy/staging.env")
        .add("# Staging secrets (should live in the vault!)")
        .add(
            f"MISTRAL_API_KEY={keys['mistral_env']}",
            "mistral env-var @MISTRAL",
            f"mistral api-key @{keys['mistral_env']}",
        )
        .add(f'COHERE_API_KEY="{keys["cohere_env"]}"', "cohere env-var", "cohere api-key")
        .add(f"OPENAI_API_KEY={keys['openai_env']}", "openai env-var", "openai api-key @sk-proj-")
        .add("LOG_LEVEL=info")
    )
    # git-ignored .env with a real-looking key: only the walk without git sees it
    b.write(
        b.source(".env")
        .add("DATABASE_URL=postgresql://localhost/helpdesk")
        .add(
            f"ANTHROPIC_API_KEY={keys['anthropic_dotenv']}",
            "anthropic env-var",
            "anthropic api-key",
        ),
        ignored=True,
    )
    b.write(
        b.source("deploy/values.yaml")
        .add("replicaCount: 2")
        .add("image:")
        .add("  repository: ghcr.io/contoso/helpdesk")
        .add("env:")
        .add("  - name: OPENAI_API_KEY")
        .add("    valueFrom:")
        .add("      secretKeyRef: {name: llm-keys, key: openai}")
        .add("  - name: LLM_BASE_URL")
        .add("    value: https://api.mistral.ai/v1", "mistral endpoint @api.mistral.ai")
        .add("  # - name: LEGACY_URL")
        .add("  #   value: https://api.openai.com/v1")
        .add("  - name: BEDROCK_URL")
        .add("    value: https://bedrock-runtime.eu-west-3.amazonaws.com", "bedrock endpoint")
        .add("  - name: HF_TOKEN")
        .add(f"    value: {keys['hf_helm']}", "huggingface api-key @hf_")
    )
    b.write(
        b.source("config/providers.json")
        .add("{")
        .add('  "providers": {')
        .add(
            '    "gemini": {"url": "https://generativelanguage.googleapis.com/v1beta", "timeout": 30},',
            "google endpoint",
        )
        .add('    "cohere": {"url": "https://api.cohere.com/v2"},', "cohere endpoint")
        .add(
            '    "openai": {"url": "https://api.openai.com/v1", "model": "gpt-4o-mini"}',
            "openai endpoint",
        )
        .add("  }")
        .add("}")
    )
    b.write(
        b.source("config/local.toml")
        .add("[ollama]")
        .add('url = "http://127.0.0.1:11434"', "ollama endpoint")
        .add('model = "llama3.1:8b"')
        .add("")
        .add("[vertex]")
        .add('url = "https://europe-west1-aiplatform.googleapis.com"', "google endpoint")
    )
    b.write(
        b.source("config/search.ini")
        .add("[cohere]")
        .add("; api_base = https://api.cohere.ai/v1")
        .add("api_base = https://api.cohere.com/v2", "cohere endpoint")
        .add("")
        .add("[hf]")
        .add("endpoint = https://router.huggingface.co/v1", "huggingface endpoint")
    )
    b.write(
        b.source("scripts/smoke.sh")
        .add("#!/bin/sh")
        .add("set -eu")
        .add("# curl https://api.anthropic.com/v1/models")
        .add(
            'curl -sf https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"',
            "openai endpoint @api.openai.com",
        )
        .add('echo "ok"')
    )
    b.write(
        b.source("ai-usage.yaml").extend(
            "version: 1",
            "charter: private",
            "organisation:",
            "  name: Contoso Helpdesk",
            "uses:",
            "  - id: reply-drafts",
            "    tool:",
            "      name: OpenAI API (https://api.openai.com)",
        ),
        decoy=True,
    )


def _web(b: _Builder) -> None:
    dependencies = [
        ("@ai-sdk/anthropic", "^1.0.0", "anthropic"),
        ("@ai-sdk/azure", "^1.0.0", "azure-openai"),
        ("@ai-sdk/mistral", "^1.0.0", "mistral"),
        ("@ai-sdk/openai", "^1.0.0", "openai"),
        ("@ai-sdk/react", "^1.0.0", None),  # UI hooks only: not AI use
        ("@anthropic-ai/sdk", "^0.33.0", "anthropic"),
        ("@aws-sdk/client-bedrock-runtime", "^3.716.0", "bedrock"),
        ("@azure/openai", "^2.0.0", "azure-openai"),
        ("@google/genai", "^0.4.0", "google"),
        ("@huggingface/inference", "^3.0.0", "huggingface"),
        ("@langchain/core", "^0.3.26", "langchain"),
        ("@langchain/openai", "^0.3.16", "openai"),
        ("@mistralai/mistralai", "^1.3.5", "mistral"),
        ("ai", "^4.0.22", "vercel-ai"),
        ("cohere-ai", "^7.15.0", "cohere"),
        ("express", "^4.21.2", None),
        ("llamaindex", "^0.8.31", "llamaindex"),
        ("ollama", "^0.5.11", "ollama"),
        ("openai", "^4.77.0", "openai"),
        ("react", "^18.3.1", None),
    ]
    package = (
        b.source("web/package.json")
        .add("{")
        .add('  "name": "helpdesk-web",')
        .add('  "private": true,')
        .add('  "version": "1.4.0",')
        .add('  "type": "module",')
        .add('  "scripts": {')
        .add('    "openai": "node scripts/check-openai.js",')
        .add('    "build": "vite build"')
        .add("  },")
        .add('  "dependencies": {')
    )
    for index, (name, version, provider) in enumerate(dependencies):
        comma = "," if index < len(dependencies) - 1 else ""
        hits = [f"{provider} dependency @{name}"] if provider else []
        package.add(f'    "{name}": "{version}"{comma}', *hits)
    (
        package.add("  },")
        .add('  "devDependencies": {')
        .add('    "@langchain/langgraph": "^0.2.36",', "langchain dependency")
        .add('    "langchainify": "^0.1.0",')
        .add('    "typescript": "^5.7.2"')
        .add("  },")
        .add('  "peerDependencies": {')
        .add('    "@langchain/core": ">=0.3"', "langchain dependency")
        .add("  },")
        .add('  "optionalDependencies": {')
        .add('    "@xenova/transformers": "^2.17.2"', "huggingface dependency")
        .add("  }")
        .add("}")
    )
    b.write(package)
    lock = {
        "name": "helpdesk-web",
        "lockfileVersion": 1,
        "dependencies": {
            "openai": {"version": "4.77.0"},
            "@anthropic-ai/sdk": {"version": "0.33.1"},
        },
    }
    b.write(b.source("web/package-lock.json").extend(json.dumps(lock, indent=2)), decoy=True)
    b.write(
        b.source("web/src/config.ts")
        .add('export const apiBase = "/api";')
        .add(
            "export const hasServerKey = Boolean(process.env.OPENAI_API_KEY);",
            "openai env-var @OPENAI_API_KEY",
        )
    )
    # a docs page shows code to users: an import inside a template string is text, not code
    b.write(
        b.source("web/src/docs/snippets.ts").extend(
            'export const QUICKSTART = `import OpenAI from "openai";',
            "const client = new OpenAI();",
            'const reply = await client.chat.completions.create({ model: "gpt-4o", messages });`;',
        ),
        decoy=True,
    )

    b.write(
        b.source("web/src/chat.ts")
        .add('import OpenAI from "openai";', "openai import @import")
        # a type-only import: erased before the code runs
        .add('import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";')
        .add('import { streamText } from "ai";', "vercel-ai import")
        .add('import { openai } from "@ai-sdk/openai";', "openai import")
        .add('import { formatTicket } from "./ai";')
        .add("")
        .add('// import Anthropic from "@anthropic-ai/sdk";')
        .add("")
        .add(
            "const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
            "openai call @new OpenAI",
        )
        .add("")
        .add(
            "export async function draft(messages: ChatCompletionMessageParam[]): Promise<string> {"
        )
        .add("  const completion = await client.chat.completions.create({", "openai call")
        .add('    model: "gpt-4o-mini",', 'openai model @"gpt-4o-mini"')
        .add("    messages,")
        .add("  });")
        .add('  return completion.choices[0]?.message.content ?? "";')
        .add("}")
        .add("")
        .add("export function streamDraft(ticket: string) {")
        .add(
            '  return streamText({ model: openai("gpt-4o"), prompt: formatTicket(ticket) });',
            "vercel-ai call",
            "openai call @openai(",
        )
        .add("}")
    )
    b.write(
        b.source("web/src/assist.tsx")
        .add('import { useState } from "react";')
        # a UI hook that talks to this app's own /api/chat route: not AI use
        .add('import { useChat } from "@ai-sdk/react";')
        .add('import { generateText } from "ai";', "vercel-ai import")
        .add('import { anthropic } from "@ai-sdk/anthropic";', "anthropic import")
        .add('import { mistral } from "@ai-sdk/mistral";', "mistral import")
        .add('import { createAzure } from "@ai-sdk/azure";', "azure-openai import")
        .add("")
        .add(
            'const azure = createAzure({ resourceName: "contoso-helpdesk" });', "azure-openai call"
        )
        .add("")
        .add("export async function suggest(text: string): Promise<string> {")
        .add("  const { text: answer } = await generateText({", "vercel-ai call")
        .add('    model: anthropic("claude-3-5-haiku-latest"),', "anthropic call @anthropic(")
        .add("    prompt: text,")
        .add("  });")
        .add("  return answer;")
        .add("}")
        .add("")
        .add("export function Assistant() {")
        .add('  const [draft] = useState("");')
        .add('  const chat = useChat({ api: "/api/chat" });')
        .add("  return <pre>{draft || chat.input}</pre>;")
        .add("}")
        .add("")
        # gpt-4o in Azure's call is Azure OpenAI's deployment, not OpenAI's API
        .add(
            'export const models = { eu: mistral("mistral-small-latest"), azure: azure("gpt-4o") };',
            "mistral call @mistral(",
            "azure-openai call @azure(",
        )
    )
    b.write(
        b.source("web/src/azure.ts")
        .add(
            'import { AzureKeyCredential, OpenAIClient } from "@azure/openai";',
            "azure-openai import",
        )
        .add("")
        .add(
            'const endpoint = "https://contoso-helpdesk.openai.azure.com/";',
            "azure-openai endpoint",
        )
        .add(
            "export const client = new OpenAIClient(endpoint, new AzureKeyCredential(process.env.AZURE_OPENAI_API_KEY!));",
            "azure-openai call",
        )
    )
    b.write(
        b.source("web/src/comments.js").extend(
            '// import OpenAI from "openai";',
            '/* const Anthropic = require("@anthropic-ai/sdk");',
            "   const client = new Anthropic(); */",
            'import { slugify } from "./ai.js";',
            "",
            'const label = "gpt-4o";',
            "export const title = (s) => `${slugify(s)} (${label})`;",
        ),
        decoy=True,
    )
    b.write(
        b.source("web/src/ai.ts").extend(
            "// Local helpers; the file is named ai.ts, it is not the Vercel AI SDK.",
            "export function formatTicket(text: string): string {",
            "  return text.trim();",
            "}",
            'export const slugify = (s: string) => s.toLowerCase().replace(/\\s+/g, "-");',
        ),
        decoy=True,
    )
    b.write(
        b.source("web/src/labels.ts").extend(
            'import { formatTicket } from "./ai";',
            "",
            'export const MODELS = { fast: "gpt-4o-mini", smart: "gpt-4o" };',
            'export const model = "claude-3-5-sonnet";',
            "export const label = (s: string) => formatTicket(s);",
        ),
        decoy=True,
    )

    b.write(
        b.source("web/server/index.cjs")
        .add('"use strict";')
        .add('const express = require("express");')
        .add('const Anthropic = require("@anthropic-ai/sdk");', "anthropic import @require")
        .add('const { Mistral } = require("@mistralai/mistralai");', "mistral import")
        .add("")
        .add("const app = express();")
        .add(
            "const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });",
            "anthropic call",
        )
        .add(
            "const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });", "mistral call"
        )
        .add("")
        .add('app.post("/triage", async (req, res) => {')
        .add("  const message = await anthropic.messages.create({", "anthropic call")
        .add('    model: "claude-3-5-haiku-latest",', "anthropic model")
        .add("    max_tokens: 256,")
        .add('    messages: [{ role: "user", content: req.body.text }],')
        .add("  });")
        .add("  res.json(message.content);")
        .add("});")
        .add("")
        .add('app.post("/summary", async (req, res) => {')
        .add(
            '  const result = await mistral.chat.complete({ model: "mistral-small-latest", messages: req.body.messages });',
            "mistral call",
        )
        .add("  res.json(result.choices);")
        .add("});")
        .add("")
        .add("module.exports = app;")
    )
    b.write(
        b.source("web/server/lazy.mjs")
        .add('import "@langchain/core/utils/env";', "langchain import")
        .add("")
        .add("export async function loadCohere() {")
        .add('  const { CohereClientV2 } = await import("cohere-ai");', "cohere import @import(")
        .add("  return new CohereClientV2({ token: process.env.CO_API_KEY });", "cohere call")
        .add("}")
        .add("")
        .add("export async function loadHf() {")
        .add(
            '  const { HfInference } = await import("@huggingface/inference");',
            "huggingface import",
        )
        .add("  return new HfInference(process.env.HF_TOKEN);", "huggingface call")
        .add("}")
    )
    b.write(
        b.source("web/server/bedrock.js")
        .add(
            'const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");',
            "bedrock import",
        )
        .add("")
        .add('const client = new BedrockRuntimeClient({ region: "eu-west-3" });', "bedrock call")
        .add("")
        .add("async function ask(prompt) {")
        .add("  const out = await client.send(")
        .add(
            '    new ConverseCommand({ modelId: "mistral.mistral-large-2407-v1:0", messages: [{ role: "user", content: [{ text: prompt }] }] }),',
            "bedrock call",
        )
        .add("  );")
        .add("  return out.output.message.content[0].text;")
        .add("}")
        .add("")
        .add("module.exports = { ask };")
    )
    b.write(
        b.source("web/server/rag.ts")
        .add('import { Document, VectorStoreIndex } from "llamaindex";', "llamaindex import")
        .add('import { Ollama } from "ollama";', "ollama import")
        .add('import { GoogleGenAI } from "@google/genai";', "google import")
        .add('import { ChatOpenAI } from "@langchain/openai";', "openai import")
        .add("")
        .add('const ollama = new Ollama({ host: "http://localhost:11434" });', "ollama call")
        .add(
            "const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });", "google call"
        )
        .add('const chat = new ChatOpenAI({ model: "gpt-4o-mini" });', "openai call")
        .add("")
        .add("export async function answer(question: string, docs: string[]) {")
        .add(
            "  const index = await VectorStoreIndex.fromDocuments(docs.map((text) => new Document({ text })));"
        )
        .add(
            '  const res = await gemini.models.generateContent({ model: "gemini-2.0-flash", contents: question });',
            "google call",
        )
        .add(
            '  const local = await ollama.chat({ model: "llama3.1", messages: [{ role: "user", content: question }] });',
            "ollama call",
        )
        .add("  return [index, res.text, local.message.content, await chat.invoke(question)];")
        .add("}")
    )
    # vendored, built and minified files: never scanned
    b.write(
        b.source("web/node_modules/openai/index.js").extend(
            '"use strict";',
            'const { OpenAI } = require("./client");',
            'const base = "https://api.openai.com/v1";',
            "module.exports = OpenAI;",
        ),
        decoy=True,
    )
    b.write(
        b.source(".github/workflows/ci.yml").extend(
            "name: ci",
            "on: [push]",
            "jobs:",
            "  test:",
            "    runs-on: ubuntu-latest",
            "    env:",
            "      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}",
            "    steps:",
            "      - run: pytest",
        ),
        decoy=True,
    )
    b.write(
        b.source("web/dist/assets/index-8f3a2c.js").extend(
            'import OpenAI from "openai";const c=new OpenAI();c.chat.completions.create({model:"gpt-4o"});'
        ),
        decoy=True,
    )
    b.write(
        b.source("web/public/vendor.min.js").extend(
            'const A=require("@anthropic-ai/sdk");new A().messages.create({model:"claude-3-5-haiku-latest"});'
        ),
        decoy=True,
    )


def _worker(b: _Builder) -> None:
    b.write(
        b.source("worker/go.mod")
        .add("module github.com/contoso/helpdesk/worker")
        .add("")
        .add("go 1.23")
        .add("")
        .add("require (")
        .add(
            "\tgithub.com/anthropics/anthropic-sdk-go v0.2.0-alpha.8",
            "anthropic dependency @github.com",
        )
        .add(
            "\tgithub.com/Azure/azure-sdk-for-go/sdk/ai/azopenai v0.7.1", "azure-openai dependency"
        )
        .add("\tgithub.com/aws/aws-sdk-go-v2/service/bedrockruntime v1.23.1", "bedrock dependency")
        .add("\tgithub.com/jackc/pgx/v5 v5.7.1")
        # the module is github.com/ollama/ollama; its client package is .../api
        .add("\tgithub.com/ollama/ollama v0.5.4", "ollama dependency")
        .add("\tgithub.com/sashabaranov/go-openai v1.36.0", "openai dependency")
        .add("\tgithub.com/tmc/langchaingo v0.1.12", "langchain dependency")
        .add("\tgoogle.golang.org/genai v0.4.0", "google dependency")
        .add(")")
        .add("")
        .add("require github.com/cohere-ai/cohere-go/v2 v2.12.2 // indirect", "cohere dependency")
        .add("")
        .add("replace github.com/sashabaranov/go-openai => ../forks/go-openai")
    )
    b.write(
        b.source("worker/go.sum").extend(
            "github.com/sashabaranov/go-openai v1.36.0 h1:fcSrn8uGuorzPWCBp8L0aCR95Zjb/Dd+ZSML0YZy9EI=",
        ),
        decoy=True,
    )
    b.write(
        b.source("worker/main.go")
        .add("package main")
        .add("")
        .add("import (")
        .add('\t"context"')
        .add('\t"log"')
        .add('\t"os"')
        .add("")
        .add('\t"github.com/anthropics/anthropic-sdk-go"', 'anthropic import @"')
        .add('\t"github.com/anthropics/anthropic-sdk-go/option"', "anthropic import")
        .add('\topenai "github.com/sashabaranov/go-openai"', 'openai import @"')
        .add('\t// "github.com/cohere-ai/cohere-go/v2"')
        .add(")")
        .add("")
        .add('const anthropicURL = "https://api.anthropic.com/v1/messages"', "anthropic endpoint")
        .add("")
        .add('// model names are not read in Go: "claude-3-5-haiku-latest" below is not evidence')
        .add('const model = "claude-3-5-haiku-latest"')
        .add("")
        .add("func main() {")
        .add('\tkey := os.Getenv("ANTHROPIC_API_KEY")', "anthropic env-var")
        .add(
            "\tclient := anthropic.NewClient(option.WithAPIKey(key), option.WithBaseURL(anthropicURL))"
        )
        .add('\toa := openai.NewClient(os.Getenv("OPENAI_API_KEY"))', "openai env-var")
        .add("\tlog.Println(client, oa, model, context.Background())")
        .add("}")
    )
    b.write(
        b.source("worker/embed.go")
        .add("package main")
        .add("")
        .add('import "google.golang.org/genai"', "google import @import")
        .add("")
        .add('import lc "github.com/tmc/langchaingo/llms"', "langchain import")
        .add("")
        .add("var _ = genai.NewClient")
        .add("var _ lc.Model")
    )
    b.write(
        b.source("worker/vendor/github.com/sashabaranov/go-openai/client.go").extend(
            "package openai",
            "",
            'import "github.com/sashabaranov/go-openai/internal"',
            "",
            'const apiURLv1 = "https://api.openai.com/v1"',
        ),
        decoy=True,
    )


def _models_and_docs(b: _Builder) -> None:
    rng = random.Random("onnx")
    b.write_raw(
        "models/intent-classifier.onnx",
        b"\x08\x07\x12\x07pytorch" + bytes(rng.randrange(256) for _ in range(4096)),
        evidence=("local-model", "model-file"),
    )
    b.write_raw(
        "models/ggml-support-q4.gguf",
        b"GGUF\x03\x00\x00\x00" + bytes(rng.randrange(256) for _ in range(4096)),
        evidence=("local-model", "model-file"),
    )
    b.write(
        b.source("models/README.md").extend(
            "# Models", "", "`intent-classifier.onnx` was distilled from GPT-4 labels (OpenAI)."
        ),
        decoy=True,
    )
    b.write(
        b.source("README.md").extend(
            "# Helpdesk",
            "",
            "A support-ticket assistant. Replies are drafted by GPT-4 through the OpenAI API,",
            "triage uses Anthropic's Claude, summaries use Mistral.",
            "",
            "```python",
            "import openai",
            "from anthropic import Anthropic",
            'client = openai.OpenAI(api_key="...")  # OPENAI_API_KEY',
            'client.chat.completions.create(model="gpt-4o", messages=[])',
            "```",
            "",
            "Set `OPENAI_API_KEY` and point `BASE_URL` at https://api.openai.com/v1.",
        ),
        decoy=True,
    )
    b.write(
        b.source("docs/architecture.md").extend(
            "# Architecture",
            "",
            "    import anthropic",
            "    client = anthropic.Anthropic()",
            "",
            'The worker `require("@anthropic-ai/sdk")` and calls https://api.anthropic.com.',
        ),
        decoy=True,
    )
    b.write(
        b.source("docs/index.rst").extend(
            "Helpdesk",
            "========",
            "",
            ".. code-block:: python",
            "",
            "   from mistralai import Mistral",
            '   Mistral(api_key=os.environ["MISTRAL_API_KEY"])',
        ),
        decoy=True,
    )
    b.write(
        b.source("NOTES.txt").extend(
            "Ideas: import openai in the worker too? MISTRAL_API_KEY rotation every 90 days.",
            "https://api.mistral.ai/v1 is the EU endpoint.",
        ),
        decoy=True,
    )


def _gateways_and_endpoints(b: _Builder) -> None:
    """Models kept in tables of provider-prefixed ids, gateways, OpenAI-compatible endpoints,
    type-only imports: AI use as real repositories write it."""
    b.write(
        b.source("assistant/models.py")
        .extend('"""The model table: LangChain ids, one per tier."""', "")
        .add("from langchain.chat_models import init_chat_model", "langchain import")
        .add("")
        .add("MODELS = {")
        .add(
            '    "fast": "anthropic:claude-haiku-4-5-20251001",',
            'anthropic model model=claude-haiku-4-5-20251001 via=- @"anthropic:',
        )
        .add('    "cheap": "openai:gpt-5.4-nano",', "openai model model=gpt-5.4-nano via=-")
        .add(
            '    "long": "google_genai:gemini-3.5-flash-lite",',
            "google model model=gemini-3.5-flash-lite via=-",
        )
        .add(
            '    "eu": "mistralai:mistral-small-latest",',
            "mistral model model=mistral-small-latest via=-",
        )
        .add('    "local": "ollama:llama3",', "ollama model model=llama3 via=-")
        .add('    "legacy": "gpt-4o-mini",', "openai model model=gpt-4o-mini via=-")
        .add("}")
        .add('MIME_TYPES = ["text/plain", "image/png", "application/json"]')
        .add('UPSTREAM = "openai/openai-python"  # the SDK\'s repository, for the docs link')
        .add('DOCS = "https://docs.anthropic.com/en/docs/about-claude/models"')
        .add('LABEL = "claude is our assistant"')
        .add("")
        .add("")
        .add("def model_for(tier: str):")
        .add("    return init_chat_model(MODELS[tier])")
    )
    b.write(
        b.source("assistant/albert.py")
        .extend('"""Answers for agents through the Albert API (the State\'s own models)."""', "")
        .add("from openai import OpenAI", "albert import")
        .add("")
        .add("from .config import config")
        .add("")
        .add(
            "client = OpenAI(base_url=config.albert_api_url, api_key=config.albert_api_key)",
            "albert call model=- via=- @OpenAI(",
        )
        .extend("", "")
        .add("def answer(question: str) -> str:")
        .add("    reply = client.chat.completions.create(", "albert call")
        .add(
            '        model="mistralai/Mistral-Small-3.2-24B-Instruct-2506",',
            "albert model model=mistralai/Mistral-Small-3.2-24B-Instruct-2506 via=-",
        )
        .add('        messages=[{"role": "user", "content": question}],')
        .add("    )")
        .add('    return reply.choices[0].message.content or ""')
    )
    b.write(
        b.source("assistant/inhouse.ts")
        .add('import OpenAI from "openai";', "openai-compatible import")
        .add("")
        .add(
            "const client = new OpenAI({ baseURL: process.env.LLM_URL, apiKey: process.env.LLM_KEY });",
            "openai-compatible call",
        )
        .add("")
        .add("export const ask = (prompt: string) =>")
        .add(
            '  client.chat.completions.create({ model: process.env.LLM_MODEL!, messages: [{ role: "user", content: prompt }] });',
            "openai-compatible call",
        )
    )
    b.write(
        b.source("assistant/scaleway.py")
        .add("from langchain_openai import ChatOpenAI", "scaleway import")
        .add("")
        .add(
            'llm = ChatOpenAI(model="mistral-small-3.1-24b-instruct-2503", openai_api_base="https://api.scaleway.ai/v1")',
            "scaleway call model=mistral-small-3.1-24b-instruct-2503 via=- @ChatOpenAI(",
        )
    )
    b.write(
        b.source("assistant/typing_only.py").extend(
            '"""Helpers typed against the SDK, which only the server module imports."""',
            "",
            "from __future__ import annotations",
            "",
            "from typing import TYPE_CHECKING",
            "",
            "if TYPE_CHECKING:",
            "    from anthropic.types import Message",
            "    import openai",
            "",
            "",
            "def text_of(message: Message) -> str:",
            '    return "".join(block.text for block in message.content)',
        ),
        decoy=True,
    )
    b.write(
        b.source("web/app/api/chat/route.ts")
        .add(
            'import { convertToModelMessages, streamText, type UIMessage } from "ai";',
            "vercel-ai import",
        )
        .add("")
        .add("export async function POST(req: Request) {")
        .add("  const { messages }: { messages: UIMessage[] } = await req.json();")
        .add("  const result = streamText({", "vercel-ai call")
        .add(
            '    model: "anthropic/claude-sonnet-4.5",',
            "anthropic model model=claude-sonnet-4.5 via=vercel-ai-gateway",
        )
        .add("    messages: convertToModelMessages(messages),")
        .add("  });")
        .add("  return result.toUIMessageStreamResponse();")
        .add("}")
        .add("")
        .add(
            'export const fallback = "xai/grok-4.1-fast";',
            "xai model model=grok-4.1-fast via=vercel-ai-gateway",
        )
    )
    b.write(
        b.source("web/app/api/gateway.ts")
        .add('import { gateway } from "@ai-sdk/gateway";', "vercel-ai-gateway import")
        .add('import { generateText } from "ai";', "vercel-ai import")
        .add("")
        .add(
            'export const summarise = (prompt: string) => generateText({ model: gateway("mistral/mistral-large"), prompt });',
            "vercel-ai call",
            "vercel-ai-gateway call",
            "mistral model model=mistral-large via=vercel-ai-gateway",
        )
    )
    b.write(
        b.source("web/src/components/message.tsx").extend(
            'import type { UIMessage } from "ai";',
            'import { type ModelMessage, type ToolSet } from "ai";',
            'import { useChat } from "@ai-sdk/react";',
            'export type { UIMessage } from "ai";',
            "",
            "export function Messages({ items }: { items: UIMessage[] }) {",
            '  const chat = useChat({ api: "/api/chat" });',
            "  return <ul>{items.map((m) => <li key={m.id}>{m.role}</li>)}{chat.status}</ul>;",
            "}",
        ),
        decoy=True,
    )
    b.write(
        b.source("gateway/litellm.yaml")
        .add("model_list:")
        .add("  - model_name: claude")
        .add("    litellm_params:")
        .add(
            "      model: anthropic/claude-3-5-sonnet-20240620",
            "anthropic model model=claude-3-5-sonnet-20240620 via=litellm-proxy",
        )
        .add("      api_key: os.environ/ANTHROPIC_API_KEY")
        .add("  - model_name: gpt")
        .add("    litellm_params:")
        .add("      model: azure/gpt-4o", "azure-openai model model=gpt-4o via=litellm-proxy")
        .add("      api_base: https://contoso.openai.azure.com/", "azure-openai endpoint")
        .add("  - model_name: local")
        .add("    litellm_params:")
        .add(
            '      model: "ollama/llama3.1:8b"', "ollama model model=llama3.1:8b via=litellm-proxy"
        )
        .add("# model: openai/gpt-4o (disabled)")
    )
    b.write(
        b.source("gateway/docker-compose.yml").extend(
            "services:",
            "  ollama:",
            "    image: ollama/ollama:0.5.4",
            "  proxy:",
            "    image: ghcr.io/berriai/litellm:main-v1.56.4",
            "    environment:",
            "      CONTENT_TYPE: application/json",
        ),
        decoy=True,
    )
    b.write(
        b.source("deploy/albert.env")
        .add("OPENAI_BASE_URL=https://albert.api.etalab.gouv.fr/v1", "albert endpoint")
        .add("OPENAI_API_KEY=", "albert env-var model=- via=-")
        .add("OPENROUTER_API_KEY=", "openrouter env-var")
        .add(
            "CHAT_MODEL=openrouter/anthropic/claude-3.5-haiku",
            "anthropic model model=claude-3.5-haiku via=openrouter",
        )
    )
    b.write(
        b.source("assistant/router.py")
        .add("from openai import OpenAI", "openrouter import")
        .add("")
        .add(
            'client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=KEY)',
            "openrouter call",
        )
        .add(
            'reply = client.chat.completions.create(model="deepseek/deepseek-r1", messages=[])',
            "openrouter call",
            "deepseek model model=deepseek-r1 via=openrouter",
        )
    )


def _real_code_patterns(b: _Builder) -> None:
    """AI use as eleven real repositories write it (issue 15): local runtimes and the models
    they run, client subclasses, clients named by their class, Claude on Vertex AI, settings
    named for a provider, models posted with fetch, API-client environments; and what looks
    like them but is not."""
    b.write(
        b.source("assistant/lmstudio.py")
        .extend('"""A chat model for LM Studio\'s local server."""', "")
        .add("from langchain_openai import ChatOpenAI", "lmstudio import")
        .extend("", "")
        .add("class ChatLMStudio(ChatOpenAI):", "lmstudio call")
        .add(
            '    def __init__(self, base_url: str = "http://localhost:1234/v1", model: str = "qwen2.5-7b-instruct"):',
            "lmstudio model model=qwen2.5-7b-instruct via=-",
        )
        .add("        super().__init__(base_url=base_url, model=model)")
    )
    b.write(
        b.source("assistant/local_settings.py")
        .add("from pydantic import BaseModel, Field")
        .extend("", "")
        .add("class Local(BaseModel):")
        .add(
            '    local_llm: str = Field(default="llama3.2", title="Model")',
            "ollama model model=llama3.2 via=-",
        )
        .add('    ollama_base_url: str = "http://localhost:11434/"', "ollama endpoint")
    )
    b.write(
        b.source("assistant/vertex.py")
        .add("from anthropic import AnthropicVertex", "google import")
        .add("")
        .add(
            'client = AnthropicVertex(region="europe-west1", project_id="helpdesk")', "google call"
        )
        .add(
            'reply = client.messages.create(model="claude-sonnet-4@20250514", max_tokens=256, messages=[])',
            "google call model=claude-sonnet-4@20250514 via=-",
        )
    )
    b.write(
        b.source("assistant/albert_client.py")
        .add("from openai import OpenAI", "albert import")
        .extend("", "")
        .add("class AlbertApiClient:")
        .add("    def __init__(self, url: str, key: str):")
        .add("        self.client = OpenAI(base_url=url, api_key=key)", "albert call")
    )
    b.write(
        b.source("assistant/summariser.py")
        .add("from openai import OpenAI", "openai-compatible import")
        .extend("", "")
        .add("class Summariser:")
        .add("    def __init__(self, url: str):")
        .add("        self.client = OpenAI(base_url=url)", "openai-compatible call")
    )
    b.write(
        b.source("assistant/settings.py")
        .add("from pydantic_settings import BaseSettings")
        .extend("", "")
        .add("class Settings(BaseSettings):")
        .add(
            '    albert_model: str = Field("AgentPublic/albertlight-7b", description="chat")',
            "albert model model=AgentPublic/albertlight-7b via=-",
        )
        .add("    ALBERT_KEY: str | None = None", "albert env-var")
        .add("    HF_INFERENCE_KEY: str | None = None", "huggingface env-var")
        .add('    VERTEXAI_LOCATION: str = "europe-west1"', "google env-var")
        .add("    OPENAI_BASE_URL: str | None = None")
        .add("    OPENAI_API_KEY: str | None = None", "openai-compatible env-var")
        .add('    HF_PUSH_DATASET_KEY: str = ""')
        .add("    AZURE_STORAGE_KEY: str | None = None")
        .add('    report_model: str = "quarterly-2"')
    )
    b.write(
        b.source("web/app/api/realtime/route.ts")
        .add("export async function POST() {")
        .add(
            '  const r = await fetch("https://api.openai.com/v1/realtime/sessions", {',
            "openai endpoint",
        )
        .add('    method: "POST",')
        .add(
            '    body: JSON.stringify({ model: "gpt-4o-realtime-preview-2025-06-03", voice: "alloy" }),',
            "openai model model=gpt-4o-realtime-preview-2025-06-03 via=-",
        )
        .add("  });")
        .add("  return r;")
        .add("}")
    )
    b.write(
        b.source("web/src/lib/ask.ts").extend(
            "export const ask = (prompt: string) =>",
            '  fetch("/api/chat", { method: "POST", body: JSON.stringify({ model: "gpt-4o", prompt }) });',
        ),
        decoy=True,
    )
    b.write(
        b.source("bruno/environments/Scaleway.bru")
        .add("vars {")
        .add("  url: https://api.scaleway.ai/v1", "scaleway endpoint")
        .add("}")
    )
    b.write(
        b.source("bruno/environments/Local.bru").extend(
            "vars {", "  url: http://localhost:3000", "}"
        ),
        decoy=True,
    )
    b.write(
        b.source("deploy/search.env")
        .add("PERPLEXITY_API_KEY=", "perplexity env-var")
        .add("PPLX_MODEL=sonar-pro", "perplexity model model=sonar-pro via=-")
        .add("SEARCH_MODEL=sonar-pro")
    )


def _catalogue_tables(b: _Builder) -> None:
    """Tables that list model ids to size or price them (open_deep_research's
    MODEL_TOKEN_LIMITS): their keys are no use; a table of ids with names and descriptions
    (ai-chatbot's model picker), or a model id as a mapping's value, is."""
    b.write(
        b.source("assistant/limits.py").extend(
            '"""Context sizes and prices, to trim and bill whatever model is configured."""',
            "",
            "CONTEXT_LIMITS = {",
            '    "cohere:command-r-plus": 128_000,',
            '    "mistral:mistral-large": 32768,  # tokens',
            '    "ollama:llama2:13b": 4096,',
            '    "bedrock:us.amazon.nova-pro-v1:0": 3e5,',
            "}",
            'PRICES = {"anthropic:claude-3-5-haiku": {"input": 0.8, "output": 4.0}}',
            "",
            "def limit(model: str) -> int | None:",
            "    return next((v for k, v in CONTEXT_LIMITS.items() if k in model), None)",
        ),
        decoy=True,
    )
    b.write(
        b.source("web/src/lib/limits.ts").extend(
            "export const contextWindow: Record<string, number> = {",
            "  'xai/grok-4': 256000,",
            '  "google/gemini-2.5-pro": 1_048_576, // tokens',
            "};",
        ),
        decoy=True,
    )
    b.write(
        b.source("web/src/lib/picker.ts")
        .add("export const pickerModels = {")
        .add(
            '  "mistral/mistral-medium-2508": { name: "Mistral Medium", description: "Balanced" },',
            "mistral model model=mistral-medium-2508 via=-",
        )
        .add("};")
    )
    b.write(
        b.source("assistant/tokens.py")
        .add("import tiktoken")
        .add("from openai import OpenAI", "openai import")
        .add("")
        .add('ENCODING = tiktoken.encoding_for_model("gpt-4o")')
        .add("client = OpenAI()", "openai call")
        .add(
            'reply = client.chat.completions.create(model="gpt-4.1-mini", messages=[])',
            "openai call model=gpt-4.1-mini via=-",
        )
    )
    b.write(
        b.source("assistant/roles.py")
        .add(
            'ROLES = {"summary": "cohere:command-r", "max_tokens": 4096}',
            "cohere model model=command-r via=-",
        )
        .add("FALLBACK = {")
        .add(
            '    "cohere:command-r7b": 0 if CHEAP else None,',
            "cohere model model=command-r7b via=-",
        )
        .add("}")
    )


def _agents_sdk(b: _Builder) -> None:
    """The OpenAI Agents SDK (npm `@openai/agents`, PyPI `openai-agents` imported as `agents`)
    calls OpenAI; a project's own `agents` package, and a type-only import, do not."""
    b.write(
        b.source("voice/package.json")
        .extend("{", '  "name": "voice",', '  "dependencies": {')
        .add('    "@openai/agents": "^0.0.5",', "openai dependency")
        .extend('    "zod": "^3.25.0"', "  }", "}")
    )
    b.write(
        b.source("voice/src/support.ts")
        .add("import { RealtimeAgent, tool } from '@openai/agents/realtime';", "openai import")
        .extend("", "export const support = new RealtimeAgent({ name: 'support', tools: [] });")
        .add(
            "export const transcription = { model: 'gpt-4o-mini-transcribe' };",
            "openai model model=gpt-4o-mini-transcribe via=-",
        )
    )
    b.write(
        b.source("voice/src/types.ts").extend(
            "import type { RealtimeAgent } from '@openai/agents/realtime';",
            "export type Agents = RealtimeAgent[];",
        ),
        decoy=True,
    )
    b.write(b.source("crew/requirements.txt").add("openai-agents==0.6.1", "openai dependency"))
    b.write(
        b.source("crew/triage.py")
        .add("from agents import Agent, Runner", "openai import")
        .extend("")
        .add(
            'triage = Agent(name="triage", model="gpt-4.1-mini")',
            "openai model model=gpt-4.1-mini via=-",
        )
        .extend('result = Runner.run_sync(triage, "My order is late")')
    )
    b.write(
        b.source("bots/planner.py").extend(
            "from agents import Agent",
            "from agents.planner import Planner",
            "",
            'bot = Agent(name="planner", planner=Planner())',
        ),
        decoy=True,
    )


def build_one_endpoint(root: Path, other: str | None = None) -> Corpus:
    """A small repository whose only party is the Albert API (document-ia's shape): its
    client's base URL comes from settings, the endpoint is named in an API-client environment,
    and its models sit in an enumeration and an OCR request body in files with no SDK. With
    `other` ("anthropic": a second provider; "openrouter": a gateway is the only party), no
    model can be attributed to one endpoint and those files give nothing."""
    root.mkdir(parents=True, exist_ok=True)
    b = _Builder(root)
    alone = other is None
    if other != "openrouter":
        b.write(
            b.source("bruno/environments/Albert.bru")
            .add("vars {")
            .add("  baseUrl: https://albert.api.etalab.gouv.fr/v1", "albert endpoint")
            .add("}")
        )
        b.write(
            b.source("app/llm.py")
            .add("from openai import AsyncOpenAI", "albert import")
            .add("from app.settings import settings")
            .extend("", "")
            .add("class LlmManager:")
            .add("    def __init__(self) -> None:")
            .add(
                "        self.client = AsyncOpenAI(base_url=settings.LLM_BASE_URL, api_key=settings.LLM_KEY)",
                "albert call",
            )
            .extend("", "    async def ask(self, model: str, prompt: str):")
            .add(
                '        return await self.client.chat.completions.create(model="albert-large", messages=[prompt])',
                "albert call model=albert-large via=-",
            )
        )
    else:
        b.write(b.source(".env.example").add("OPENROUTER_API_KEY=", "openrouter env-var"))
    if other == "anthropic":
        b.write(
            b.source("app/review.py")
            .add("import anthropic", "anthropic import")
            .add("")
            .add("client = anthropic.Anthropic()", "anthropic call")
        )
    enum = b.source("app/models.py").extend(
        "from enum import Enum", "", "", "class LLMModel(str, Enum):"
    )
    for name, model in (
        ("LARGE", "openweight-large"),
        ("SMALL", "albert-small"),
        ("MISTRAL_MEDIUM", "mistral-medium-2508"),
    ):
        hit = (f"albert model model={model} via=-",) if alone else ()
        enum.add(f'    {name} = "{model}"', *hit)
    enum.add('    REPORT = "quarterly-2"')
    b.write(enum, decoy=not alone)
    ocr = (
        b.source("app/ocr.py")
        .extend('"""OCR through the endpoint\'s /ocr route (see gpt-4o-mini for a cheaper one)."""')
        .extend("import tiktoken", "", '# fallback: "mistral-ocr-2505"')
        .extend('ENCODING = tiktoken.encoding_for_model("gpt-4o")')
        .extend('CONTEXT = {"mistral-ocr-2512": 128_000}')
        .extend("", "def payload(document: dict) -> dict:")
    )
    ocr.add(
        '    return {"model": "mistral-ocr-2512", "document": document}',
        *(("albert model model=mistral-ocr-2512 via=-",) if alone else ()),
    )
    b.write(ocr, decoy=not alone)
    b.write(
        b.source("app/settings.py").extend(
            "from pydantic import Field",
            "from pydantic_settings import BaseSettings",
            "",
            "",
            "class Settings(BaseSettings):",
            "    LLM_BASE_URL: str | None = None",
            "    ENCODING_MODEL: str = Field(",
            '        default="gpt-4", description="tokens are counted with this encoding"',
            "    )",
        ),
        decoy=True,
    )
    b.write(
        b.source("README.md").extend("Runs openweight-large and `mistral-ocr-2512`."), decoy=True
    )
    git_init(root)
    return b.corpus


# --------------------------------------------------------------------------------------------
# The large corpus (benchmark)
# --------------------------------------------------------------------------------------------

_WORDS = [
    "account",
    "order",
    "ticket",
    "invoice",
    "customer",
    "queue",
    "status",
    "report",
    "window",
    "cache",
    "buffer",
    "record",
    "payload",
    "entry",
    "schedule",
    "region",
    "branch",
    "column",
    "filter",
    "sample",
    "metric",
    "budget",
    "channel",
    "label",
    "session",
    "segment",
    "vendor",
    "folder",
    "archive",
    "profile",
    "summary",
    "ledger",
    "parcel",
    "route",
    "shift",
]


def _python_filler(
    rng: random.Random, size: int, comment_decoy: bool, header: bool = True
) -> list[str]:
    lines = []
    if header:
        lines += ['"""Business rules for the back office (generated for benchmarks)."""', ""]
        lines += ["from __future__ import annotations", "", "import json", "import os", ""]
    if comment_decoy:
        lines += ["# We considered `import openai` here; see the ADR.", ""]
    total = 0
    while total < size:
        a, b, c = rng.sample(_WORDS, 3)
        n = rng.randrange(2, 97)
        block = [
            "",
            f"def {a}_{b}_{n}(payload: dict[str, int], limit: int = {n}) -> int:",
            f'    """Weighted total of the {a} entries, capped at the {b} limit."""',
            "    total = 0",
            "    for key, value in sorted(payload.items()):",
            f'        if key.startswith("{c}"):',
            f"            total += value * {n}",
            "        elif value > limit:",
            "            total -= limit",
            f'    return min(total, int(os.environ.get("{a.upper()}_CAP", "{n * 1000}")))',
            "",
        ]
        total += sum(len(x) + 1 for x in block)
        lines += block
    return lines


def _ts_filler(rng: random.Random, size: int) -> list[str]:
    lines = ['import { format } from "./format";', 'import type { Row } from "../types";', ""]
    total = 0
    while total < size:
        a, b, c = rng.sample(_WORDS, 3)
        n = rng.randrange(2, 97)
        block = [
            f"export function {a}{b.capitalize()}{n}(rows: Row[], limit = {n}): string {{",
            "  let total = 0;",
            "  for (const row of rows) {",
            f'    if (row.kind === "{c}") total += row.value * {n};',
            "    else if (row.value > limit) total -= limit;",
            "  }",
            f'  return format("{a}", total);',
            "}",
            "",
        ]
        total += sum(len(x) + 1 for x in block)
        lines += block
    return lines


def _go_filler(rng: random.Random, size: int) -> list[str]:
    lines = ["package billing", "", "import (", '\t"fmt"', '\t"sort"', ")", ""]
    total = 0
    while total < size:
        a, b, c = rng.sample(_WORDS, 3)
        n = rng.randrange(2, 97)
        block = [
            f"func {a.capitalize()}{b.capitalize()}{n}(rows map[string]int) string {{",
            "\tkeys := make([]string, 0, len(rows))",
            "\tfor k := range rows {",
            "\t\tkeys = append(keys, k)",
            "\t}",
            "\tsort.Strings(keys)",
            f'\treturn fmt.Sprintf("{c}: %v (%d)", keys, {n})',
            "}",
            "",
        ]
        total += sum(len(x) + 1 for x in block)
        lines += block
    return lines


def _markdown_filler(rng: random.Random, size: int, ai_prose: bool) -> list[str]:
    lines = ["# Notes", ""]
    if ai_prose:
        lines += [
            "We compared GPT-4o (OpenAI) with Claude; set OPENAI_API_KEY to try it:",
            "",
            "```python",
            "import openai",
            "```",
            "",
        ]
    total = 0
    while total < size:
        words = " ".join(rng.choice(_WORDS) for _ in range(14))
        lines += [f"The {words}.", ""]
        total += len(words) + 7
    return lines


def _ai_templates(index: int) -> list[tuple[str, _Source]]:
    """AI-using files, one of several shapes; their filler is appended after these lines."""
    shape = index % 6
    folder = f"services/svc{index:05d}"
    if shape == 0:
        src = _Source(f"{folder}/assistant.py")
        src.add('"""Assistant endpoint."""').add("").add("import os")
        src.add("from openai import OpenAI", "openai import").add("")
        src.add("client = OpenAI()", "openai call").add("")
        src.add(f"def ask_{index}(question: str) -> str:")
        src.add("    reply = client.chat.completions.create(", "openai call")
        src.add('        model="gpt-4o-mini",', "openai model")
        src.add('        messages=[{"role": "user", "content": question}],')
        src.add("    )")
        src.add('    return reply.choices[0].message.content or ""')
        return [("py", src)]
    if shape == 1:
        src = _Source(f"{folder}/triage.py")
        src.add("import os").add("import anthropic", "anthropic import").add("")
        src.add("client = anthropic.Anthropic()", "anthropic call").add("")
        src.add(f"def classify_{index}(text: str) -> str:")
        src.add("    message = client.messages.create(", "anthropic call")
        src.add('        model="claude-3-5-haiku-latest", max_tokens=64,', "anthropic model")
        src.add('        messages=[{"role": "user", "content": text}],')
        src.add("    )")
        src.add("    return message.content[0].text")
        return [("py", src)]
    if shape == 2:
        src = _Source(f"{folder}/suggest.ts")
        src.add('import { generateText } from "ai";', "vercel-ai import")
        src.add('import { mistral } from "@ai-sdk/mistral";', "mistral import").add("")
        src.add(f"export async function suggest{index}(prompt: string): Promise<string> {{")
        src.add(
            '  const { text } = await generateText({ model: mistral("mistral-small-latest"), prompt });',
            "vercel-ai call",
            "mistral call",
        )
        src.add("  return text;").add("}")
        return [("ts", src)]
    if shape == 3:
        src = _Source(f"{folder}/main.go")
        src.add("package main").add("")
        src.add("import (").add('\t"fmt"').add('\t"os"').add('\t"sort"').add("")
        src.add('\topenai "github.com/sashabaranov/go-openai"', "openai import")
        src.add(")").add("")
        src.add(f"func client{index}() *openai.Client {{")
        src.add('\treturn openai.NewClient(os.Getenv("OPENAI_API_KEY"))', "openai env-var")
        src.add("}")
        return [("go", src)]
    if shape == 4:
        src = _Source(f"{folder}/requirements.txt")
        src.add("fastapi==0.115.6").add("cohere==5.13.4", "cohere dependency")
        src.add("sentence-transformers==3.3.1", "huggingface dependency").add("pydantic==2.10.4")
        return [("none", src)]
    src = _Source(f"{folder}/server.cjs")
    src.add('"use strict";')
    src.add('const Anthropic = require("@anthropic-ai/sdk");', "anthropic import")
    src.add("const client = new Anthropic();", "anthropic call").add("")
    src.add("module.exports = async function reply(text) {")
    src.add(
        '  const m = await client.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 64, messages: [{ role: "user", content: text }] });',
        "anthropic call",
    )
    src.add("  return m.content[0].text;").add("};")
    return [("js", src)]


def build_large(root: Path, files: int = 10_000, seed: int = 7) -> Corpus:
    """`files` files of ordinary code (1-20 KB), about 2% with known AI use; committed to git."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    rng = random.Random(seed)
    b = _Builder(root)
    written = 0
    index = 0
    while written < files:
        index += 1
        size = rng.randrange(1024, 20 * 1024)
        if index % 50 == 0:
            for language, src in _ai_templates(index):
                if language == "py":
                    src.extend(*_python_filler(rng, size, False, header=False))
                elif language == "ts":
                    src.extend("", *_ts_filler(rng, size))
                elif language == "go":
                    src.extend(*_go_filler(rng, size)[7:])
                elif language == "js":
                    src.extend(
                        "", "// helpers", "function noop() {}", "module.exports.noop = noop;"
                    )
                b.write(src)
                written += 1
            continue
        area = f"{rng.choice(('core', 'billing', 'ops', 'web', 'docs'))}/m{index // 100:03d}"
        kind = rng.random()
        if kind < 0.4:
            src = _Source(f"{area}/{rng.choice(_WORDS)}_{index}.py")
            src.extend(*_python_filler(rng, size, comment_decoy=rng.random() < 0.05))
        elif kind < 0.7:
            src = _Source(f"{area}/{rng.choice(_WORDS)}{index}.ts")
            src.extend(*_ts_filler(rng, size))
        elif kind < 0.85:
            src = _Source(f"{area}/{rng.choice(_WORDS)}_{index}.go")
            src.extend(*_go_filler(rng, size))
        else:
            ai_prose = rng.random() < 0.1
            src = _Source(f"{area}/{rng.choice(_WORDS)}-{index}.md")
            src.extend(*_markdown_filler(rng, size, ai_prose))
            b.write(src, decoy=ai_prose)
            written += 1
            continue
        b.write(src)
        written += 1
    git_init(root)
    return b.corpus
