"""`charte-lint --init`'s starter manifest: what it declares, that it lints, how it is written."""

from __future__ import annotations

import errno
import os

import pytest
import yaml
from conftest import lint

from charte_lint.api import Evidence
from charte_lint.init import code_globs, quote, render_starter, write_starter

DESCRIBE = {
    "openai": {"name": "OpenAI", "product": "OpenAI API", "vendor": "OpenAI", "kind": "provider"},
    "anthropic": {
        "name": "Anthropic",
        "product": "Claude API",
        "vendor": "Anthropic",
        "kind": "provider",
    },
    "ollama": {"name": "Ollama", "product": "Ollama", "vendor": "Ollama", "kind": "local"},
    "langchain": {
        "name": "LangChain",
        "product": "LangChain",
        "vendor": "LangChain",
        "kind": "framework",
    },
    "llamaindex": {
        "name": "LlamaIndex",
        "product": "LlamaIndex",
        "vendor": "LlamaIndex",
        "kind": "framework",
    },
}


def ev(file: str, line: int, provider: str, kind: str = "import", model: str | None = None):
    return Evidence(file, line, 1, 10, provider, kind, "matched text", model=model)


TWO_PROVIDERS = [
    ev("src/chat.py", 10, "openai", "call", model="gpt-4o-mini"),
    ev("src/chat.py", 3, "openai"),
    ev("requirements.txt", 2, "openai", "dependency"),
    ev("src/agent.py", 1, "anthropic"),
    ev("src/chat.py", 1, "langchain"),  # shares a file with openai only
    ev("src/pipeline.py", 4, "langchain"),  # no provider in this file: joins every use
]


def uses(text: str) -> list[dict]:
    return yaml.safe_load(text)["uses"]


def codes(findings) -> list[tuple[str, str | None]]:
    return sorted(((f.code, f.use) for f in findings), key=lambda pair: (pair[0], pair[1] or ""))


def structural(findings) -> list:
    """The findings about YAML or the schema; CL106 (a placeholder) is the starter's purpose."""
    return [f for f in findings if f.code.startswith("CL") and f.code != "CL106"]


def placeholders(findings) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.line, f.column) for f in findings if f.code in ("CL106", "VAL001"))


# --- what a starter declares ---------------------------------------------------------------------


def test_two_providers_parse_and_lint_with_only_the_intended_rule_findings():
    text = render_starter(TWO_PROVIDERS, DESCRIBE, "en", "Exemple SAS")
    data = yaml.safe_load(text)
    assert data["version"] == 1
    assert data["charter"] == "private"
    assert data["organisation"] == {"name": "Exemple SAS"}
    findings = lint(text)
    assert structural(findings) == []
    # What only a person can state is a placeholder, on purpose: the starter must not lint clean
    # before someone does. Who answers for each use, who it serves and whether personal data is
    # sent (CL106), and its need (VAL001). No rule asks for the optional facts left commented.
    assert codes(findings) == [
        ("CL106", "anthropic"),
        ("CL106", "anthropic"),
        ("CL106", "anthropic"),
        ("CL106", "openai"),
        ("CL106", "openai"),
        ("CL106", "openai"),
        ("VAL001", "anthropic"),
        ("VAL001", "openai"),
    ]


def test_one_use_per_provider_with_the_detected_facts_and_placeholders_for_the_rest():
    found = uses(render_starter(TWO_PROVIDERS, DESCRIBE, "en", "Exemple SAS"))
    assert found == [
        {
            "id": "anthropic",
            "name": "Claude API in this repository",
            "status": "pilot",
            "owner": {"accountable": "TODO"},
            "purpose": {"need": "TODO", "beneficiaries": ["TODO"]},
            "tool": {"name": "Claude API", "vendor": "Anthropic", "hosting": "saas"},
            "data": {"personal": "TODO"},
            "code": ["src/agent.py", "src/pipeline.py"],
        },
        {
            "id": "openai",
            "name": "OpenAI API in this repository",
            "status": "pilot",
            "owner": {"accountable": "TODO"},
            "purpose": {"need": "TODO", "beneficiaries": ["TODO"]},
            "tool": {"name": "OpenAI API", "vendor": "OpenAI", "hosting": "saas"},
            "model": {"name": "gpt-4o-mini"},
            "data": {"personal": "TODO"},
            "code": ["/requirements.txt", "src/chat.py", "src/pipeline.py"],
        },
    ]


def test_frameworks_are_folded_into_the_provider_uses_and_named_in_their_comments():
    text = render_starter(TWO_PROVIDERS, DESCRIBE, "en", "Exemple SAS")
    assert [use["id"] for use in uses(text)] == ["anthropic", "openai"]
    assert text.count("  # Called via LangChain.\n") == 2
    openai_comment = text[text.index("  # Detected in:\n  #   requirements.txt") :]
    assert openai_comment.startswith(
        "  # Detected in:\n"
        "  #   requirements.txt:2 (dependency)\n"
        "  #   src/chat.py:1 (import, LangChain)\n"
        "  #   src/chat.py:3 (import)\n"
        "  #   src/chat.py:10 (call)\n"
        "  #   src/pipeline.py:4 (import, LangChain)\n"
        "  # Called via LangChain.\n"
        "  - id: openai\n"
    )


def test_a_local_model_is_self_hosted():
    found = uses(render_starter([ev("serve.py", 5, "ollama")], DESCRIBE, "en", "Exemple SAS"))
    assert [use["id"] for use in found] == ["ollama"]
    assert found[0]["tool"] == {"name": "Ollama", "vendor": "Ollama", "hosting": "self_hosted"}


def test_only_frameworks_each_get_a_use_without_hosting():
    evidence = [ev("b/index.py", 1, "llamaindex"), ev("a/chain.py", 2, "langchain")]
    text = render_starter(evidence, DESCRIBE, "en", "Exemple SAS")
    found = uses(text)
    assert [(use["id"], use["tool"], use["code"]) for use in found] == [
        ("langchain", {"name": "LangChain", "vendor": "LangChain"}, ["a/chain.py"]),
        ("llamaindex", {"name": "LlamaIndex", "vendor": "LlamaIndex"}, ["b/index.py"]),
    ]
    assert text.count("  # Only a framework was detected: declare the model provider") == 2
    assert structural(lint(text)) == []


def test_a_provider_missing_from_describe_is_shown_by_its_id_without_guessed_facts():
    found = uses(render_starter([ev("x.py", 1, "acme")], {}, "en", "Exemple SAS"))
    assert found[0]["id"] == "acme"
    assert found[0]["name"] == "acme in this repository"
    assert found[0]["tool"] == {"name": "acme"}


def test_ids_are_slugs_and_unique():
    evidence = [ev("x.py", 1, "Acme_AI"), ev("y.py", 1, "acme-ai")]
    assert [use["id"] for use in uses(render_starter(evidence, {}, "en", "E"))] == [
        "acme-ai",
        "acme-ai-2",
    ]


def test_no_evidence_gives_one_example_use_and_says_nothing_was_detected():
    text = render_starter([], DESCRIBE, "en", "Exemple SAS")
    assert "  # No AI use was detected in the code. Here is an example use" in text
    assert uses(text) == [
        {
            "id": "code-assistant",
            "name": "Code assistant",
            "status": "pilot",
            "owner": {"accountable": "TODO"},
            "purpose": {"need": "TODO", "beneficiaries": ["staff"]},
            "tool": {"name": "TODO"},
            "task": "code_assist",
            "audience": ["staff"],
            "data": {"personal": "TODO"},
        }
    ]
    assert codes(lint(text)) == [
        ("CL106", "code-assistant"),
        ("CL106", "code-assistant"),
        ("CL106", "code-assistant"),
        ("VAL001", "code-assistant"),
    ]


def test_the_facts_to_declare_are_marked_and_list_their_allowed_values():
    text = render_starter([ev("x.py", 1, "openai")], DESCRIBE, "en", "Exemple SAS")
    for line in (
        "      accountable: TODO  # TODO: the person or role who answers for this use\n",
        "      need: TODO  # TODO: the real need this use answers, and who has it\n",
        "      personal: TODO  # TODO: true or false, whether personal data is sent to the tool\n",
        "    # task: TODO\n",
        "    # audience: [TODO]\n",
        "      # classification: TODO\n",
        "    # review:\n    #   last: TODO\n",
        "      beneficiaries: [TODO]\n",
        "    # TODO: who interacts with it or receives its output, a list of: staff | clients"
        " | public\n",
        "      # TODO: the most sensitive class of data sent, one of: public | internal |"
        " confidential |\n      #   secret\n",
    ):
        assert line in text
    assert "image_generation | decision_support | agentic | other\n    # task: TODO\n" in text
    assert text.startswith(
        "# AI-usage manifest generated by `charte-lint --init` from the AI use found in the\n"
        "# code. It is a draft, not a declaration: complete every TODO"
    )
    assert "# `charte-lint --explain CODE` explains each finding" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_detected_places_are_listed_up_to_five_then_counted():
    evidence = [ev("src/app.py", line, "openai") for line in range(1, 8)]
    text = render_starter(evidence, DESCRIBE, "en", "Exemple SAS")
    assert (
        "  # Detected in:\n"
        "  #   src/app.py:1 (import)\n"
        "  #   src/app.py:2 (import)\n"
        "  #   src/app.py:3 (import)\n"
        "  #   src/app.py:4 (import)\n"
        "  #   src/app.py:5 (import)\n"
        "  #   and 2 more\n"
        "  - id: openai\n"
    ) in text


def test_a_path_that_would_break_a_comment_stays_in_its_comment():
    text = render_starter([ev("src/a\nb.py", 1, "openai")], DESCRIBE, "en", "Exemple SAS")
    assert "  #   src/a?b.py:1 (import)\n" in text
    assert uses(text)[0]["code"] == ["src/a\nb.py"]


# --- code globs ----------------------------------------------------------------------------------


def test_code_lists_the_files_relative_sorted_and_once():
    evidence = [
        ev("./src/b.py", 1, "openai"),
        ev("src/a.py", 9, "openai"),
        ev("src/b.py", 4, "openai", "call"),
        ev("src/../pyproject.toml", 3, "openai", "dependency"),
    ]
    found = uses(render_starter(evidence, DESCRIBE, "en", "Exemple SAS"))
    assert found[0]["code"] == ["/pyproject.toml", "src/a.py", "src/b.py"]


def test_code_is_made_relative_to_root_when_given(tmp_path):
    evidence = [ev(str(tmp_path / "app" / "src" / "chat.py"), 1, "openai")]
    text = render_starter(evidence, DESCRIBE, "en", "E", root=str(tmp_path / "app"))
    assert uses(text)[0]["code"] == ["src/chat.py"]


def test_code_is_relative_to_root_for_paths_joined_to_it_as_detect_gives_them(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    evidence = [ev(os.path.join("proj", "src", "chat.py"), 1, "openai")]
    text = render_starter(evidence, DESCRIBE, "en", "E", root="proj")
    assert uses(text)[0]["code"] == ["src/chat.py"]
    assert "  #   src/chat.py:1 (import)\n" in text


def test_ten_files_are_listed_and_eleven_become_their_common_directory():
    ten = [f"src/chat/m{i:02}.py" for i in range(10)]
    assert code_globs(ten) == ten
    eleven = [*ten, "src/agents/run.py"]
    assert code_globs(eleven) == ["src/**"]
    evidence = [ev(file, 1, "openai") for file in eleven]
    found = uses(render_starter(evidence, DESCRIBE, "en", "Exemple SAS"))
    assert found[0]["code"] == ["src/**"]


def test_eleven_files_with_nothing_in_common_cover_everything_quoted():
    files = [f"m{i:02}.py" for i in range(10)] + ["lib/x.py"]
    assert code_globs(files) == ["**"]
    # a file beside the manifest is anchored: gitignore-style, `chat.py` would match `a/chat.py`
    assert code_globs(["chat.py", "src/app.py"]) == ["/chat.py", "src/app.py"]
    text = render_starter([ev(f, 1, "openai") for f in files], DESCRIBE, "en", "E")
    assert '    code:\n      - "**"\n' in text  # `*` would start an alias
    assert uses(text)[0]["code"] == ["**"]
    assert structural(lint(text)) == []


# --- models --------------------------------------------------------------------------------------


def test_one_model_seen_is_declared():
    evidence = [ev("a.py", 1, "openai"), ev("a.py", 5, "openai", "call", model="gpt-4o-mini")]
    text = render_starter(evidence, DESCRIBE, "en", "Exemple SAS")
    assert "      name: gpt-4o-mini\n" in text
    assert uses(text)[0]["model"] == {"name": "gpt-4o-mini"}


def test_several_models_declare_the_first_and_list_the_others():
    evidence = [
        ev("b.py", 2, "openai", "model", model="o3"),
        ev("a.py", 5, "openai", "call", model="gpt-4o"),
        ev("b.py", 9, "openai", "call", model="gpt-4o"),
        ev("a.py", 1, "openai", "call", model="gpt-4o-mini"),
    ]
    text = render_starter(evidence, DESCRIBE, "en", "Exemple SAS")
    assert (
        "    model:\n      name: gpt-4o-mini  # TODO: also seen: gpt-4o, o3; keep the model this"
        " use relies on\n"
    ) in text
    assert uses(text)[0]["model"] == {"name": "gpt-4o-mini"}


def test_the_same_place_with_and_without_a_model():
    evidence = [ev("a.py", 1, "openai", "call", model="gpt-4o"), ev("a.py", 1, "openai", "call")]
    text = render_starter(evidence, DESCRIBE, "en", "E")
    assert uses(text)[0]["model"] == {"name": "gpt-4o"}
    assert "  # Detected in:\n  #   a.py:1 (call)\n  - id: openai\n" in text


def test_no_model_seen_leaves_model_out():
    assert "model" not in uses(render_starter([ev("a.py", 1, "openai")], DESCRIBE, "en", "E"))[0]


def test_a_model_seen_on_a_framework_line_is_not_given_to_a_provider():
    evidence = [ev("a.py", 1, "openai"), ev("a.py", 2, "langchain", "call", model="claude-3")]
    assert "model" not in uses(render_starter(evidence, DESCRIBE, "en", "E"))[0]


# --- French --------------------------------------------------------------------------------------


def test_french_starter_has_french_comments_and_placeholders_and_lints_the_same():
    text = render_starter(TWO_PROVIDERS, DESCRIBE, "fr", "Exemple SAS")
    assert text.startswith(
        "# Manifeste d'usage de l'IA généré par `charte-lint --init` à partir des usages de\n"
    )
    for line in (
        "  # Détecté dans :\n",
        "  # Appelé via LangChain.\n",
        "      accountable: À COMPLÉTER  # À COMPLÉTER : la personne ou la fonction qui répond"
        " de cet usage\n",
        "      personal: À COMPLÉTER  # À COMPLÉTER : true (données personnelles envoyées)"
        " ou false\n",
        "      beneficiaries: [À COMPLÉTER]\n",
        "    # task: À COMPLÉTER\n",
        "    # Les fichiers où un usage de l'IA a été détecté (motifs relatifs à ce fichier).\n",
    ):
        assert line in text
    assert "TODO" not in text
    found = uses(text)
    assert [(use["name"], use["purpose"]["need"]) for use in found] == [
        ("Claude API dans ce dépôt", "À COMPLÉTER"),
        ("OpenAI API dans ce dépôt", "À COMPLÉTER"),
    ]
    findings = lint(text, lang="fr")
    assert structural(findings) == []
    assert codes(findings) == [
        ("CL106", "anthropic"),
        ("CL106", "anthropic"),
        ("CL106", "anthropic"),
        ("CL106", "openai"),
        ("CL106", "openai"),
        ("CL106", "openai"),
        ("VAL001", "anthropic"),
        ("VAL001", "openai"),
    ]


def test_french_with_no_evidence():
    text = render_starter([], DESCRIBE, "fr", "Mairie de Exemple", charter="public")
    assert "  # Aucun usage de l'IA n'a été détecté dans le code." in text
    assert uses(text)[0]["name"] == "Assistant de code"
    assert uses(text)[0]["purpose"]["beneficiaries"] == ["agents"]
    assert yaml.safe_load(text)["organisation"] == {
        "name": "Mairie de Exemple",
        "sector": "À COMPLÉTER",
        "agents": "À COMPLÉTER",
    }
    assert codes(lint(text, lang="fr")) == [
        ("CL106", None),
        ("CL106", None),
        ("CL106", "code-assistant"),
        ("CL106", "code-assistant"),
        ("CL106", "code-assistant"),
        ("VAL001", "code-assistant"),
    ]


# --- quoting -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["no", "010", "On", "yes", "~", "null", "2026-01-01", "1e3"])
def test_organisation_names_yaml_would_misread_are_quoted(name):
    text = render_starter([ev("a.py", 1, "openai")], DESCRIBE, "en", name)
    assert f'organisation:\n  name: "{name}"\n' in text
    assert yaml.safe_load(text)["organisation"]["name"] == name
    assert structural(lint(text)) == []


def test_a_product_name_with_colon_space_or_hash_is_quoted():
    describe = {
        "acme": {"name": "Acme", "product": "Acme: Chat #1", "vendor": "no", "kind": "provider"}
    }
    text = render_starter([ev("a.py", 1, "acme")], describe, "en", "E")
    assert '    name: "Acme: Chat #1 in this repository"\n' in text
    assert '      name: "Acme: Chat #1"\n      vendor: "no"\n' in text
    assert uses(text)[0]["tool"] == {"name": "Acme: Chat #1", "vendor": "no", "hosting": "saas"}
    assert structural(lint(text)) == []


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Exemple SAS", "Exemple SAS"),
        ("gpt-4o-mini", "gpt-4o-mini"),
        ("Société générale", "Société générale"),
        ("key:value", "key:value"),
        ("no", '"no"'),
        ("OFF", '"OFF"'),
        ("y", '"y"'),
        ("010", '"010"'),
        ("0o17", '"0o17"'),
        ("1:30", '"1:30"'),
        (".inf", '".inf"'),
        ("<<", '"<<"'),
        ("", '""'),
        (" padded", '" padded"'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("ends:", '"ends:"'),
        ("*alias", '"*alias"'),
        ("- dash", '"- dash"'),
        ("!tag", '"!tag"'),
        ('say "hi": now', '"say \\"hi\\": now"'),
        ("back\\slash #", '"back\\\\slash #"'),
        ("tab\there", '"tab\\x09here"'),
        ("line\u2028break", '"line\\u2028break"'),
    ],
)
def test_quote(value, written):
    assert quote(value) == written
    assert yaml.safe_load(f"k: {written}") == {"k": value}


def test_unknown_language_or_charter_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        render_starter([], DESCRIBE, "de", "E")
    with pytest.raises(ValueError, match="unknown charter 'both'"):
        render_starter([], DESCRIBE, "en", "E", charter="both")


def test_a_blank_organisation_is_a_marked_placeholder():
    text = render_starter([], DESCRIBE, "en", "  ")
    assert "  name: TODO  # TODO: the name of the organisation\n" in text
    assert structural(lint(text)) == []


# --- writing -------------------------------------------------------------------------------------

CONTENT = "version: 1\n# é\n"


def test_write_creates_the_file_with_exact_content_and_no_temporary_file(tmp_path):
    path = tmp_path / "ai-usage.yaml"
    write_starter(str(path), CONTENT)
    assert path.read_bytes() == CONTENT.encode("utf-8")
    assert os.listdir(tmp_path) == ["ai-usage.yaml"]


def test_write_gives_the_file_ordinary_permissions(tmp_path):
    path = tmp_path / "ai-usage.yaml"
    umask = os.umask(0)
    os.umask(umask)
    write_starter(str(path), CONTENT)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_refuses_an_existing_file_and_leaves_it_unchanged(tmp_path):
    path = tmp_path / "ai-usage.yaml"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_starter(str(path), CONTENT)
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert os.listdir(tmp_path) == ["ai-usage.yaml"]


def test_write_never_overwrites_a_file_created_meanwhile(tmp_path, monkeypatch):
    path = tmp_path / "ai-usage.yaml"
    real_link = os.link

    def racing_link(source, target):
        path.write_text("theirs\n", encoding="utf-8")  # another process wins the race
        real_link(source, target)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(FileExistsError):
        write_starter(str(path), CONTENT)
    assert path.read_text(encoding="utf-8") == "theirs\n"
    assert os.listdir(tmp_path) == ["ai-usage.yaml"]


def test_without_os_link_the_file_is_created_exclusively(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "link")
    path = tmp_path / "ai-usage.yaml"
    write_starter(str(path), CONTENT)
    assert path.read_bytes() == CONTENT.encode("utf-8")
    with pytest.raises(FileExistsError):
        write_starter(str(path), "other\n")
    assert path.read_bytes() == CONTENT.encode("utf-8")
    assert os.listdir(tmp_path) == ["ai-usage.yaml"]


def test_a_file_system_without_hard_links_falls_back_and_cleans_up(tmp_path, monkeypatch):
    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "ai-usage.yaml"
    write_starter(str(path), CONTENT)
    assert path.read_bytes() == CONTENT.encode("utf-8")
    assert os.listdir(tmp_path) == ["ai-usage.yaml"]


def test_other_link_errors_are_raised_and_clean_up(tmp_path, monkeypatch):
    def broken(source, target):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "link", broken)
    with pytest.raises(OSError, match="Input/output error"):
        write_starter(str(tmp_path / "ai-usage.yaml"), CONTENT)
    assert os.listdir(tmp_path) == []


def test_a_starter_written_and_read_back_lints(tmp_path):
    path = tmp_path / "ai-usage.yaml"
    text = render_starter(TWO_PROVIDERS, DESCRIBE, "fr", "Exemple SAS")
    write_starter(str(path), text)
    assert structural(lint(path.read_text(encoding="utf-8"), lang="fr")) == []


# --- gateways, compatible endpoints, unknown models (issue 15) -----------------------------------

ROUTES = {
    **DESCRIBE,
    "vercel-ai-gateway": {
        "name": "Vercel AI Gateway",
        "product": "Vercel AI Gateway",
        "vendor": "Vercel",
        "kind": "gateway",
        "hosting": "saas",
        "region": None,
    },
    "xai": {"name": "xAI", "product": "Grok API", "vendor": "xAI", "kind": "provider"},
    "openai-compatible": {
        "name": "OpenAI-compatible endpoint",
        "product": "OpenAI-compatible endpoint",
        "vendor": None,
        "kind": "compatible-endpoint",
        "hosting": None,
        "region": None,
    },
    "albert": {
        "name": "Albert API",
        "product": "Albert API",
        "vendor": "DINUM",
        "kind": "compatible-endpoint",
        "hosting": "saas",
        "region": "FR",
    },
}


class _Routed(Evidence):
    """Evidence with `via`, for as long as `Evidence` has no such field (the "detect" helper's)."""

    __slots__ = ("via",)


def routed(file: str, line: int, provider: str, kind: str, model: str | None, via: str | None):
    try:
        return Evidence(file, line, 1, 10, provider, kind, "x", model=model, via=via)  # type: ignore[call-arg]
    except TypeError:
        found = _Routed(file, line, 1, 10, provider, kind, "x", model=model)
        found.via = via
        return found


class StubCatalogue:
    """`knows_model` as the catalogue answers it: these models only."""

    KNOWN = frozenset(
        {
            ("anthropic", "claude-sonnet-4.5"),
            ("xai", "grok-4.1-fast"),
            ("albert", "mistral-small-3.1"),
        }
    )

    def knows_model(self, provider: str, model: str) -> bool:
        return (provider, model) in self.KNOWN


GATEWAY_APP = [
    routed("lib/ai.ts", 1, "vercel-ai-gateway", "import", None, None),
    routed("lib/models.ts", 3, "anthropic", "model", "claude-sonnet-4.5", "vercel-ai-gateway"),
    routed("lib/models.ts", 4, "xai", "model", "grok-4.1-fast", "vercel-ai-gateway"),
    routed("lib/models.ts", 5, "anthropic", "model", "claude-opus-9", "vercel-ai-gateway"),
]


def test_a_provider_through_a_gateway_keeps_its_vendor_and_lists_both_parties():
    text = render_starter(GATEWAY_APP, ROUTES, "en", "Exemple SAS", catalogue=StubCatalogue())
    found = {use["id"]: use for use in uses(text)}
    assert list(found) == ["anthropic", "xai"]  # the gateway is a party, not a use of its own
    assert found["anthropic"]["tool"] == {
        "name": "Claude API",
        "vendor": "Anthropic",
        "hosting": "saas",
    }
    assert found["anthropic"]["parties"] == [
        {"name": "Vercel", "role": "gateway"},
        {"name": "Anthropic", "role": "provider"},
    ]
    assert found["xai"]["tool"]["vendor"] == "xAI"
    assert found["xai"]["parties"] == [
        {"name": "Vercel", "role": "gateway"},
        {"name": "xAI", "role": "provider"},
    ]
    assert found["anthropic"]["model"] == {"name": "claude-sonnet-4.5"}
    assert found["anthropic"]["code"] == ["lib/ai.ts", "lib/models.ts"]
    assert "  # Reached through Vercel AI Gateway: a gateway receives every prompt" in text
    # the model the catalogue does not know for a known provider is said so, not dropped
    assert (
        "      # charte-lint does not know claude-opus-9 among the models of Anthropic: check the"
        " name\n      name: claude-sonnet-4.5  # TODO: also seen: claude-opus-9;"
    ) in text
    assert "does not know grok" not in text


def test_a_gateway_alone_leaves_the_tool_and_provider_to_state_and_never_names_its_vendor():
    evidence = [routed("api.py", 2, "vercel-ai-gateway", "import", None, None)]
    text = render_starter(evidence, ROUTES, "en", "Exemple SAS")
    (use,) = uses(text)
    assert use["tool"] == {"name": "TODO", "vendor": "TODO"}
    assert use["parties"] == [
        {"name": "Vercel", "role": "gateway"},
        {"name": "TODO", "role": "provider"},
    ]
    assert "Only the gateway was detected: name the provider" in text


def test_an_unattributed_compatible_endpoint_is_never_drafted_as_openai():
    evidence = [routed("bot/llm.py", 4, "openai-compatible", "call", "my-model", None)]
    text = render_starter(evidence, ROUTES, "en", "Exemple SAS", catalogue=StubCatalogue())
    (use,) = uses(text)
    assert use["tool"] == {"name": "OpenAI-compatible endpoint", "vendor": "TODO"}
    assert "OpenAI API" not in text and "vendor: OpenAI" not in text
    assert "# TODO: who runs the endpoint the code calls (its base URL)" in text
    findings = lint(text)
    assert structural(findings) == []
    vendor_line = text.splitlines().index("      vendor: TODO") + 1
    assert ("CL106", vendor_line, 15) in placeholders(findings)  # it cannot pass as it is
    french = render_starter(evidence, ROUTES, "fr", "Exemple SAS")
    assert uses(french)[0]["tool"]["vendor"] == "À COMPLÉTER"


def test_a_known_compatible_endpoint_has_its_own_vendor_hosting_and_region():
    evidence = [routed("bot/albert.py", 7, "albert", "call", "mistral-small-3.1", None)]
    text = render_starter(evidence, ROUTES, "en", "Ministère", "public", catalogue=StubCatalogue())
    (use,) = uses(text)
    assert use["tool"] == {
        "name": "Albert API",
        "vendor": "DINUM",
        "hosting": "saas",
        "region": "FR",
    }
    assert use["model"] == {"name": "mistral-small-3.1"}
    assert "does not know" not in text


def test_starters_with_gateways_and_endpoints_lint_with_only_the_intended_placeholders():
    evidence = [
        *GATEWAY_APP,
        routed("bot/llm.py", 4, "openai-compatible", "call", None, None),
        routed("bot/albert.py", 7, "albert", "call", "mistral-small-3.1", None),
    ]
    text = render_starter(evidence, ROUTES, "en", "Exemple SAS", catalogue=StubCatalogue())
    findings = lint(text)
    assert structural(findings) == []
    assert codes(findings) == [
        ("CL106", "albert"),
        ("CL106", "albert"),
        ("CL106", "albert"),
        ("CL106", "anthropic"),
        ("CL106", "anthropic"),
        ("CL106", "anthropic"),
        ("CL106", "openai-compatible"),
        ("CL106", "openai-compatible"),
        ("CL106", "openai-compatible"),
        ("CL106", "openai-compatible"),  # tool.vendor: who runs the endpoint
        ("CL106", "xai"),
        ("CL106", "xai"),
        ("CL106", "xai"),
        ("VAL001", "albert"),
        ("VAL001", "anthropic"),
        ("VAL001", "openai-compatible"),
        ("VAL001", "xai"),
    ]


def test_without_a_catalogue_nothing_is_said_about_models():
    text = render_starter(GATEWAY_APP, ROUTES, "en", "Exemple SAS")
    assert "does not know" not in text
