"""Declared vs detected through the command line: TRN008, TRN009, DAT015, --detect, --init."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import SMALLEST, dedent, run_cli

OPENAI_USE = SMALLEST.replace(
    "      name: GitHub Copilot Business\n      approved: copilot-business\n",
    "      name: OpenAI API\n      vendor: OpenAI\n",
)
CHAT = dedent(
    """
    from openai import OpenAI

    client = OpenAI()
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[])
    """
)
CLAUDE = dedent(
    """
    import anthropic

    client = anthropic.Anthropic()
    """
)
KEY = "sk-proj-" + "Q7wE9rT2yU4iO6pA8sD0fG1hJ3kL5zX7cV9bN2mQ4wE6rT8yU0iO2pA4sD6fG8hJ0"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def git_init(root: Path) -> None:
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def codes_at(result) -> list[tuple[str, str, int]]:
    return [(f["code"], f["file"], f["line"]) for f in result.json()["findings"]]


# TRN008: undeclared AI use ----------------------------------------------------------------


def test_an_undeclared_call_fails_the_run_at_the_calls_line(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "app/support.py": CLAUDE})
    result = run_cli(".", "--no-color", cwd=tmp_path)
    assert result.code == 1
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[:4] == [
        "app/support.py:1:1: TRN008 [error] undeclared AI use: Anthropic (import `import "
        "anthropic`, and 1 more place in this file); no use of the `ai-usage.yaml` covering this "
        "file names it (undeclared-ai-use)",
        "     1 | import anthropic",
        "       | ^^^^^^^^^^^^^^^^",
        "    also at app/support.py:3:20: call `Anthropic(`",  # one finding per file and provider
    ]
    assert lines[-2] == "AI use in the code that no manifest declares: Anthropic (1 file)"
    assert lines[-1] == "1 error, 0 warnings, 0 info in 2 files"  # the manifest, and the code file


def test_french_messages(tmp_path):
    write(tmp_path, {"app/support.py": CLAUDE})
    result = run_cli(".", "--lang", "fr", "--format", "json", cwd=tmp_path)
    messages = [f["message"] for f in result.json()["findings"]]
    assert messages == [
        "usage de l'IA non déclaré : Anthropic (import `import anthropic`, et 1 autre endroit "
        "dans ce fichier), et aucun `ai-usage.yaml` ne couvre ce fichier ; `charte-lint --init` "
        "en écrit un premier",
    ]
    assert result.json()["findings"][0]["related"] == [
        {
            "file": "app/support.py",
            "line": 3,
            "column": 20,
            "end_column": 30,
            "text": "appel `Anthropic(`",
        },
    ]
    assert result.err.startswith("charte-lint: aucun ai-usage.yaml")
    assert result.code == 1


def test_json_shape_of_a_finding_in_code(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "app/chat.py": CHAT})
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    first = result.json()["findings"][0]
    assert first == {
        "file": "app/chat.py",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 26,
        "code": "TRN008",
        "name": "undeclared-ai-use",
        "severity": "error",
        "principle": "transparency",
        "charter": "P2",
        "use": None,
        "pointer": "",
        "message": "undeclared AI use: OpenAI (import `from openai import OpenAI`, and 2 more "
        "places in this file); no use of the `ai-usage.yaml` covering this file names it",
        "related": [
            {
                "file": "app/chat.py",
                "line": 3,
                "column": 10,
                "end_column": 17,
                "text": "call `OpenAI(`",
            },
            {
                "file": "app/chat.py",
                "line": 4,
                "column": 15,
                "end_column": 40,
                "text": "call `.chat.completions.create(`",
            },
        ],
        "suppression": None,
    }
    assert len(result.json()["findings"]) == 1
    assert result.json()["files"] == ["ai-usage.yaml"]


@pytest.mark.parametrize(
    "tool",
    [
        "      name: OpenAI API\n",
        "      name: Assistant\n      vendor: OpenAI\n",
        "      name: ChatGPT Enterprise\n",
        "      name: Azure OpenAI Service\n      vendor: Microsoft\n",
    ],
    ids=["name", "vendor", "product", "azure-names-openai"],
)
def test_a_use_naming_the_provider_declares_it(tmp_path, tool):
    manifest = SMALLEST.replace(
        "      name: GitHub Copilot Business\n      approved: copilot-business\n", tool
    )
    write(tmp_path, {"ai-usage.yaml": manifest, "app/chat.py": CHAT})
    result = run_cli(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    assert (result.code, codes_at(result)) == (0, [])


def test_a_model_name_declares_its_provider(tmp_path):
    manifest = SMALLEST.replace(
        "    task: code_assist\n", "    model:\n      name: gpt-4o-mini\n    task: code_assist\n"
    )
    write(tmp_path, {"ai-usage.yaml": manifest, "app/chat.py": CHAT})
    result = run_cli(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    assert codes_at(result) == []


def test_the_approved_tools_entry_a_use_names_declares_its_vendor(tmp_path):
    config = dedent(
        """
        approved_tools:
          - id: copilot-business
            name: Assistant interne
            vendor: OpenAI
            data: [public, internal]
        """
    )
    write(tmp_path, {"ai-usage.yaml": SMALLEST, ".charte-lint.yaml": config, "chat.py": CHAT})
    result = run_cli(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    assert codes_at(result) == []
    result = run_cli(".", "--format", "json", "--select", "TRN008", "--no-detect", cwd=tmp_path)
    assert codes_at(result) == []


def test_code_globs_declare_everything_in_their_files(tmp_path):
    # an in-house server no catalogue entry names: only `code` can declare it
    compatible = CHAT.replace("OpenAI()", 'OpenAI(base_url="https://llm.intranet.example/v1")')
    manifest = SMALLEST.replace(
        "      name: GitHub Copilot Business\n      approved: copilot-business\n",
        "      name: In-house inference server\n      vendor: Contoso\n",
    ).replace("    task: code_assist\n", "    code: [services/inhouse/**]\n    task: code_assist\n")
    write(
        tmp_path,
        {
            "ai-usage.yaml": manifest,
            "services/inhouse/client.py": compatible,
            "services/other/client.py": compatible,
        },
    )
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "services/other/client.py", 1)]
    assert [p["line"] for p in result.json()["findings"][0]["related"]] == [3, 4]


def test_a_manifest_declares_only_for_its_own_directory(tmp_path):
    write(tmp_path, {"team-a/ai-usage.yaml": OPENAI_USE, "team-b/chat.py": CHAT})
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert [f["message"].split(";")[1].strip() for f in result.json()["findings"]] == [
        "`charte-lint --init` writes a first one"
    ]
    assert {f["file"] for f in result.json()["findings"]} == {"team-b/chat.py"}


def test_frameworks_are_declared_by_any_use_and_local_models_by_a_self_hosted_one(tmp_path):
    chain = "from langchain_core.prompts import ChatPromptTemplate\n"
    local = "from transformers import pipeline\n\nclassify = pipeline('sentiment-analysis')\n"
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chain.py": chain, "local.py": local})
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "camembert.onnx").write_bytes(b"\x08\x07onnx\0")
    result = run_cli(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    assert codes_at(result) == [
        ("TRN008", "local.py", 1),  # and line 3, a related place
        ("TRN008", "models/camembert.onnx", 1),
    ]
    self_hosted = SMALLEST.replace(
        "      approved: copilot-business\n",
        "      approved: copilot-business\n      hosting: self_hosted\n",
    )
    (tmp_path / "ai-usage.yaml").write_text(self_hosted, encoding="utf-8")
    result = run_cli(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    assert codes_at(result) == []


def test_decoys_give_nothing(tmp_path):
    decoys = {
        "README.md": "We use GPT-4 from OpenAI:\n\n```python\nimport openai\n```\n",
        "notes.py": '"""import anthropic is not used here."""\n# import openai\nopenai_like = 1\n',
        "ui.ts": '// import OpenAI from "openai";\nconst label = "gpt-4o";\n',
        "local.py": "from . import openai\nimport openai_helpers\n",
        "requirements.txt": "langchainify==1.0\nopenai-whisper-ui==0.1  # not the SDK\n",
    }
    write(tmp_path, {"ai-usage.yaml": SMALLEST, **decoys})
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert (result.code, codes_at(result)) == (0, [])


def test_gitignored_and_vendored_files_are_not_evidence(tmp_path):
    write(
        tmp_path,
        {
            "ai-usage.yaml": SMALLEST,
            ".gitignore": "scratch/\n",
            "scratch/try.py": CLAUDE,
            "node_modules/openai/index.js": 'const OpenAI = require("openai");\n',
            "vendor/lib/chat.py": CHAT,
        },
    )
    git_init(tmp_path)
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert (result.code, codes_at(result)) == (0, [])
    (tmp_path / ".gitignore").write_text("", encoding="utf-8")
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert {f["file"] for f in result.json()["findings"]} == {"scratch/try.py"}


# When detection runs ------------------------------------------------------------------------


def test_detection_is_off_for_manifest_files_and_can_be_chosen(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": CHAT})
    assert run_cli("ai-usage.yaml", cwd=tmp_path).code == 0
    assert run_cli(".", "--no-detect", cwd=tmp_path).code == 0
    assert run_cli(".", cwd=tmp_path).code == 1
    forced = run_cli("ai-usage.yaml", "--detect", "--format", "json", cwd=tmp_path)
    assert forced.code == 1
    assert [c for c, _, _ in codes_at(forced)] == ["TRN008"]


def test_a_directory_without_manifests_still_reports_undeclared_use(tmp_path):
    write(tmp_path, {"src/chat.py": CHAT})
    result = run_cli("src", "--format", "json", cwd=tmp_path)
    assert result.code == 1
    assert codes_at(result)[0] == ("TRN008", "src/chat.py", 1)


def test_many_manifests_linted_by_workers_still_declare_their_code(tmp_path):
    files = {}
    for index in range(40):  # past the parallel threshold: declarations come back from workers
        files[f"team{index:02d}/ai-usage.yaml"] = OPENAI_USE
        files[f"team{index:02d}/chat.py"] = CHAT
    files["team07/ai-usage.yaml"] = SMALLEST
    write(tmp_path, files)
    result = run_cli(".", "--format", "json", "--select", "TRN", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "team07/chat.py", 1)]
    assert len(result.json()["files"]) == 40


# Suppressions and baselines in code ----------------------------------------------------------


def test_a_comment_with_a_reason_silences_a_finding_in_code(tmp_path):
    silenced = CLAUDE.replace(
        "client = anthropic.Anthropic()",
        "client = anthropic.Anthropic()  # charte-lint: ignore[TRN008] -- test double only",
    ).replace("import anthropic", "import anthropic  # charte-lint: ignore[TRN008]")
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "fake.py": silenced})
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    findings = result.json()["findings"]
    assert [(f["line"], f.get("suppression")) for f in findings] == [
        (1, None),  # no reason: not silenced
        (
            3,
            {
                "kind": "inSource",
                "justification": "test double only",
                "approved_by": None,
                "until": None,
            },
        ),
    ]
    assert result.code == 1
    audit = run_cli(".", "--format", "json", "--no-suppressions", cwd=tmp_path)
    assert [(f["line"], f.get("suppression")) for f in audit.json()["findings"]] == [(1, None)]
    assert [p["line"] for p in audit.json()["findings"][0]["related"]] == [3]


def test_a_baseline_keeps_findings_in_code_when_lines_move(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": CLAUDE})
    written = run_cli(".", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert written.code == 0
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["file"], e["code"], e["pointer"]) for e in entries] == [("chat.py", "TRN008", "")]
    (tmp_path / "chat.py").write_text("import os\n\n" + CLAUDE, encoding="utf-8")
    result = run_cli(".", "--baseline", "baseline.json", cwd=tmp_path)
    assert (result.code, result.err) == (
        0,
        "charte-lint: 1 finding matched the baseline baseline.json\n",
    )
    (tmp_path / "chat.py").write_text(CLAUDE + "other = anthropic.Anthropic()\n", encoding="utf-8")
    result = run_cli(".", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == []  # one more place of the same provider: the same finding
    (tmp_path / "chat.py").write_text(CLAUDE + "import openai\n", encoding="utf-8")
    result = run_cli(".", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "chat.py", 4)]


# DAT015: hard-coded keys --------------------------------------------------------------------


def test_a_hard_coded_key_is_reported_masked_in_every_format(tmp_path):
    config = f'OPENAI_API_KEY = "{KEY}"\n'
    write(tmp_path, {"ai-usage.yaml": OPENAI_USE, "settings.py": config})
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    findings = result.json()["findings"]
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in findings] == [
        (
            "DAT015",
            1,
            19,
            "hard-coded OpenAI API key `sk-proj-… (73 characters)`: revoke it, then read it "
            "from the environment or a secret store",
        )
    ]
    assert findings[0]["principle"] == "data" and findings[0]["charter"] == "P3"
    for output_format in ("text", "json", "sarif", "github", "gitlab", "junit"):
        shown = run_cli(".", "--format", output_format, "--no-color", cwd=tmp_path)
        assert shown.code == 1
        assert "DAT015" in shown.out
        assert KEY[5:] not in shown.out, output_format
    text = run_cli(".", "--no-color", cwd=tmp_path).out.splitlines()
    assert text[1] == '     1 | OPENAI_API_KEY = "sk-' + "*" * (len(KEY) - 3) + '"'


def test_placeholder_keys_are_not_keys(tmp_path):
    env = "OPENAI_API_KEY=your-key-here\nMISTRAL_API_KEY=\nANTHROPIC_API_KEY=sk-ant-...\n"
    write(tmp_path, {".env.example": env})
    result = run_cli(".", "--format", "json", "--select", "DAT015", cwd=tmp_path)
    assert (result.code, codes_at(result)) == (0, [])


# TRN009: declared but not in code ---------------------------------------------------------


def test_declared_but_not_in_code_is_information(tmp_path):
    manifest = OPENAI_USE.replace(
        "    task: code_assist\n", "    code: [services/chat/**]\n    task: code_assist\n"
    )
    write(tmp_path, {"ai-usage.yaml": manifest, "services/billing/app.py": "import os\n"})
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    findings = result.json()["findings"]
    assert [(f["code"], f["severity"], f["pointer"], f["message"]) for f in findings] == [
        (
            "TRN009",
            "info",
            "/uses/0/code",
            "use `code-assistant` names its code in `code`, but no AI use was found in those "
            "files: check the globs",
        )
    ]
    assert result.code == 0
    (tmp_path / "ai-usage.yaml").write_text(OPENAI_USE, encoding="utf-8")
    findings = run_cli(".", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["pointer"], f["message"]) for f in findings] == [
        (
            "/uses/0/tool/name",
            "use `code-assistant` declares OpenAI, but the code under `./` shows no sign of "
            "it: fine for a service used outside the code, otherwise check the declaration",
        )
    ]
    (tmp_path / "services/billing/app.py").write_text(CHAT, encoding="utf-8")
    assert codes_at(run_cli(".", "--format", "json", cwd=tmp_path)) == []


def test_declared_not_in_code_is_silent_without_code_or_for_an_idea(tmp_path):
    write(tmp_path, {"ai-usage.yaml": OPENAI_USE, "README.md": "# Inventory\n"})
    assert codes_at(run_cli(".", "--format", "json", cwd=tmp_path)) == []
    idea = OPENAI_USE.replace("status: production", "status: idea")
    write(tmp_path, {"ai-usage.yaml": idea, "app.py": "import os\n"})
    assert codes_at(run_cli(".", "--format", "json", cwd=tmp_path)) == []


# SARIF ------------------------------------------------------------------------------------


def test_sarif_with_findings_in_code_is_valid(tmp_path):
    from test_formats import sarif_errors

    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": CHAT, "settings.py": f'K = "{KEY}"\n'})
    result = run_cli(".", "--format", "sarif", cwd=tmp_path)
    document = json.loads(result.out)
    assert sarif_errors(document) == []
    results = document["runs"][0]["results"]
    locations = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    ]
    assert locations == [
        ("TRN008", "chat.py", 1),
        ("DAT015", "settings.py", 1),
        ("TRN008", "settings.py", 1),
    ]
    assert [
        (place["id"], place["physicalLocation"]["region"]["startLine"], place["message"]["text"])
        for place in results[0]["relatedLocations"]
    ] == [(1, 3, "call `OpenAI(`"), (2, 4, "call `.chat.completions.create(`")]


# --init -------------------------------------------------------------------------------------


def test_init_writes_a_starter_that_declares_what_was_found(tmp_path):
    write(
        tmp_path,
        {"app/chat.py": CHAT, "web/help.ts": 'import Anthropic from "@anthropic-ai/sdk";\n'},
    )
    result = run_cli("--init", cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.err == (
        "charte-lint: wrote ./ai-usage.yaml from 4 pieces of evidence of 2 providers; "
        "complete every TODO, then run charte-lint\n"
    )
    starter = (tmp_path / "ai-usage.yaml").read_text(encoding="utf-8")
    assert "TODO" in starter
    linted = run_cli(".", "--format", "json", cwd=tmp_path)
    codes = sorted({c for c, _, _ in codes_at(linted)})
    # Every use declares what was found (no TRN008); only what a person must state is left:
    # placeholders (CL106) and the need (VAL001), and no other YAML or schema finding.
    assert codes == ["CL106", "VAL001"]


def test_init_never_overwrites(tmp_path):
    write(tmp_path, {"ai-usage.yml": SMALLEST, "chat.py": CHAT})
    result = run_cli("--init", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: ./ai-usage.yml already exists: --init never overwrites a manifest\n"
    )
    assert (tmp_path / "ai-usage.yml").read_text(encoding="utf-8") == SMALLEST
    assert not (tmp_path / "ai-usage.yaml").exists()


def test_init_in_french_and_in_a_given_directory(tmp_path):
    write(tmp_path, {"proj/src/chat.py": CHAT})
    result = run_cli("--init", "--lang", "fr", "proj", cwd=tmp_path)
    assert result.code == 0, result.err
    starter = (tmp_path / "proj" / "ai-usage.yaml").read_text(encoding="utf-8")
    assert "À COMPLÉTER" in starter and "TODO" not in starter
    assert "src/chat.py" in starter and "proj/src" not in starter
    bad = run_cli("--init", "proj/src/chat.py", cwd=tmp_path)
    assert (bad.code, bad.err) == (
        2,
        "charte-lint: error: --init takes one directory (default: the current directory)\n",
    )


def test_the_configurations_exclude_applies_to_detection(tmp_path):
    write(
        tmp_path,
        {
            ".charte-lint.yaml": "exclude: ['tests/*', 'docs/examples/*']\n",
            "ai-usage.yaml": SMALLEST,
            "tests/test_chat.py": CHAT,
            "docs/examples/chat.py": CHAT,
            "app/chat.py": CHAT,
        },
    )
    result = run_cli("app", "tests", "docs", "--format", "json", cwd=tmp_path)
    assert {f["file"] for f in result.json()["findings"]} == {"app/chat.py"}
    result = run_cli(".", "--format", "json", cwd=tmp_path)
    assert {f["file"] for f in result.json()["findings"]} == {"app/chat.py"}


def test_manifests_above_a_linted_subdirectory_declare_its_code(tmp_path):
    write(tmp_path, {"ai-usage.yaml": OPENAI_USE, "app/chat.py": CHAT, "app/help.py": CLAUDE})
    git_init(tmp_path)
    result = run_cli("app", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "app/help.py", 1)]
    assert result.json()["files"] == []  # the manifest above declares, it is not linted
    assert result.json()["findings"][0]["message"].endswith(
        "no use of the `ai-usage.yaml` covering this file names it"
    )


def test_parallel_detection_finds_what_serial_detection_finds(tmp_path, monkeypatch):
    from charte_lint import detect

    files = {f"pkg{index:03d}/mod.py": "import os\n" for index in range(60)}
    files.update({f"pkg{index:03d}/chat.py": CHAT for index in range(0, 60, 7)})
    files["web/help.ts"] = 'import Anthropic from "@anthropic-ai/sdk";\n'
    write(tmp_path, files)
    serial_scanned: list[str] = []
    serial = detect.detect(str(tmp_path), scanned=serial_scanned)
    monkeypatch.setattr(detect, "_worker_count", lambda count: 3)
    parallel_scanned: list[str] = []
    parallel = detect.detect(str(tmp_path), scanned=parallel_scanned)
    assert [e.as_dict() for e in parallel] == [e.as_dict() for e in serial]
    assert len(serial) == 9 * 3 + 1
    assert sorted(parallel_scanned) == sorted(serial_scanned)


def evidence_in(tmp_path: Path, name: str, text: str) -> list[tuple[int, str, str, str | None]]:
    from charte_lint.detect import detect

    write(tmp_path, {name: text})
    return [(e.line, e.provider, e.kind, e.model) for e in detect(str(tmp_path))]


def test_a_model_belongs_to_the_call_it_is_in(tmp_path):
    source = dedent(
        """
        from langchain_ollama import ChatOllama
        from sentence_transformers import SentenceTransformer

        chat = ChatOllama(model="llama3.1")
        encoder = SentenceTransformer(
            "all-MiniLM-L6-v2",
        )
        """
    )
    assert evidence_in(tmp_path, "rag.py", source) == [
        (1, "ollama", "import", None),
        (2, "huggingface", "import", None),
        (4, "ollama", "call", "llama3.1"),
        (5, "huggingface", "call", None),
        (6, "huggingface", "model", "all-MiniLM-L6-v2"),
    ]


def test_azure_openai_from_the_openai_package_in_typescript(tmp_path):
    source = 'import { AzureOpenAI } from "openai";\nconst client = new AzureOpenAI();\n'
    assert evidence_in(tmp_path, "azure.ts", source) == [
        (1, "openai", "import", None),
        (2, "azure-openai", "call", None),
    ]


def test_shell_variables_and_vertex_ai(tmp_path):
    shell = 'curl -H "x-api-key: $ANTHROPIC_API_KEY" https://api.anthropic.com/v1/messages\n'
    assert evidence_in(tmp_path, "call.sh", shell) == [(1, "anthropic", "endpoint", None)]
    vertex = "from google.cloud import aiplatform\n"
    assert evidence_in(tmp_path / "v", "vertex.py", vertex) == [(1, "google", "import", None)]


def test_findings_in_code_carry_the_nearest_manifests_charter_number(tmp_path):
    public = SMALLEST.replace("charter: private", "charter: public")
    write(
        tmp_path,
        {
            "ai-usage.yaml": SMALLEST,
            "town/ai-usage.yaml": public,
            "town/chat.py": CHAT,
            "shop/chat.py": CHAT,
            "town/settings.py": f'K = "{KEY}"\n',
        },
    )
    findings = run_cli(".", "--format", "json", "--select", "TRN008,DAT015", cwd=tmp_path)
    numbers = {(f["code"], f["file"], f["charter"]) for f in findings.json()["findings"]}
    assert numbers == {
        ("TRN008", "shop/chat.py", "P2"),
        ("TRN008", "town/chat.py", "S2"),
        ("DAT015", "town/settings.py", "S3"),
        ("TRN008", "town/settings.py", "S2"),
    }


def test_notebook_code_cells_are_python_placed_on_the_notebooks_own_lines(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["import anthropic\n"]},
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {},
                "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": ["import cohere\n"]}
                ],
                "source": [
                    "from openai import OpenAI\n",
                    "\n",
                    'client = OpenAI(base_url="https://api.openai.com/v1")\n',
                    '# r = client.chat.completions.create(model="gpt-4o")',
                ],
            },
            {"cell_type": "code", "metadata": {}, "outputs": [], "source": "import mistralai\n"},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    text = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
    lines = text.splitlines()
    found = evidence_in(tmp_path, "analysis.ipynb", text)
    placed = [(lines[line - 1].strip(), provider, kind) for line, provider, kind, _ in found]
    assert placed == [
        ('"from openai import OpenAI\\n",', "openai", "import"),
        ('"client = OpenAI(base_url=\\"https://api.openai.com/v1\\")\\n",', "openai", "call"),
        ('"source": "import mistralai\\n"', "mistral", "import"),
    ]
    from charte_lint.detect import detect

    columns = [e.column for e in detect(str(tmp_path))]
    assert columns == [lines[found[0][0] - 1].index('"') + 2, 15, 15]


def test_links_and_fifos_are_never_read(tmp_path):
    import os

    from charte_lint.detect import load_catalogue, scan_file

    outside = write(tmp_path / "outside", {"secret.py": CHAT})
    repo = write(tmp_path / "repo", {"ai-usage.yaml": SMALLEST})
    (repo / "linked.py").symlink_to(outside / "secret.py")  # may point anywhere: not followed
    os.mkfifo(repo / "pipe.py")  # opening it to read would block the run forever
    os.mkfifo(repo / "model.gguf")
    git_init(repo)
    result = run_cli(".", "--format", "json", cwd=repo)
    assert (result.code, result.err, codes_at(result)) == (0, "", [])
    assert scan_file(str(repo), "pipe.py", load_catalogue()) == []
    assert scan_file(str(repo), "linked.py", load_catalogue()) == []
    assert scan_file(str(repo), "model.gguf", load_catalogue()) == []
    assert len(scan_file(str(outside), "secret.py", load_catalogue())) == 3


def test_without_a_manifest_the_summary_counts_the_code_files_with_findings(tmp_path):
    write(tmp_path, {"requirements.txt": "openai==1.51.0\n", "sub/app.py": "import anthropic\n"})
    result = run_cli(".", cwd=tmp_path)
    assert result.code == 1
    assert result.err == "charte-lint: no ai-usage.yaml or ai-usage.yml found under .\n"
    assert result.out.endswith(
        "\n\nAI use in the code that no manifest declares: Anthropic (1 file), OpenAI (1 file)"
        "\n2 errors, 0 warnings, 0 info in 2 files\n"
    )
    french = run_cli("--lang", "fr", ".", cwd=tmp_path)
    assert french.out.endswith("\n2 erreurs, 0 avertissement, 0 info dans 2 fichiers\n")
