"""Placeholders: one definition (`charte_lint.placeholders`), CL106 in any key, VAL001 for the
need, and `--init` starters that lint with exactly their placeholders until a person states
the facts, then clean."""

from __future__ import annotations

import pytest
from conftest import invoke, lint
from hypothesis import given, settings
from hypothesis import strategies as st

from charte_lint.api import Evidence
from charte_lint.init import render_starter
from charte_lint.messages import languages, t
from charte_lint.placeholders import is_placeholder, may_be_placeholder

# --- what a placeholder is -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", languages())
def test_what_init_writes_is_a_placeholder_in_every_language(lang):
    assert is_placeholder(t(lang, "TODO"))


@pytest.mark.parametrize(
    "text",
    [
        "TODO",
        "todo",
        "À COMPLÉTER",
        "a completer",
        "À compléter.",
        "TBD",
        "tbc",
        "FIXME",
        "n/a",
        "N.A.",
        "à définir",
        "à préciser",
        "À venir",
        "xxx",
        "-",
        "...",
        "?",
        "TODO: the person who answers for this use",
        "À compléter : nom du DPO",
        "tbd: ask legal",
    ],
)
def test_placeholders(text):
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Head of support",
        "Todo list assistant",  # a to-do word is a placeholder alone, or before a colon
        "Avenir Telecom",
        "N/A: the tool is internal",  # "not applicable", said and explained, is a statement
        "Mistral AI API (La Plateforme)",
        "x",
        "*",  # a waiver's `use: "*"`: every use
        "!!!",
        "A completely different and much longer text that says TODO somewhere",
    ],
)
def test_not_placeholders(text):
    assert not is_placeholder(text)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(["TODO", "tbd", "À compléter", "N/A", "xxx", "—", "FIXME:"]).flatmap(
            lambda word: st.text(max_size=8).map(lambda rest: word + rest)
        ),
    )
)
def test_the_fast_check_keeps_every_placeholder(text):
    # CL106 asks `is_placeholder` only of the values `may_be_placeholder` keeps.
    assert bool(may_be_placeholder(text)) or not is_placeholder(text)
    assert bool(may_be_placeholder(text)) is (
        bool(text) and (not text[0].isascii() or not text[0].isalnum() or text[0] in "tfnaxTFNAX")
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Head of support", False), ("2026-06-15", False), ("todo", True), ("À venir", True)],
)
def test_the_fast_check_rules_out_most_values(text, kept):
    assert bool(may_be_placeholder(text)) is kept


# --- CL106 ---------------------------------------------------------------------------------------

MANIFEST = """\
version: 1
charter: private
organisation:
  name: Exemple SAS
  dpo: TBD
uses:
  - id: support-replies
    name: Drafting replies to support tickets
    status: pilot
    owner:
      accountable: "TODO: ask the head of support"
    purpose:
      need: TODO
      beneficiaries: [staff, À COMPLÉTER]
    tool:
      name: Mistral AI API
      hosting: "?"
    task: drafting
    audience: [staff]
    data:
      personal: TODO
      classification: n/a
    assessments:
      dpia:
        status: todo
    review:
      last: xxx
"""


def placed(findings) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.message) for f in findings]


def test_each_placeholder_is_one_finding_at_its_value_saying_what_to_write():
    assert placed(lint(MANIFEST)) == [
        (
            "CL106",
            5,
            8,
            "`organisation.dpo` is still the placeholder `TBD`: write an e-mail address (e-mail"
            " address of the data protection officer (DPO))",
        ),
        (
            "CL106",
            11,
            20,
            "`uses[0].owner.accountable` is still the placeholder `TODO: ask the head of support`:"
            " write the real value (the named human (a role or a person) who answers for the"
            " decisions and content produced with this use)",
        ),
        (
            "VAL001",
            13,
            13,
            "use `support-replies` gives a placeholder as `purpose.need` (`TODO`): describe the"
            " real need the use answers and who has it",
        ),
        (
            "CL106",
            14,
            30,
            "`uses[0].purpose.beneficiaries[1]` is still the placeholder `À COMPLÉTER`: write one"
            " of `clients`, `staff`, `agents`, `residents`, `users`, `partners`",
        ),
        (
            "CL106",
            17,
            16,
            "`uses[0].tool.hosting` is still the placeholder `?`: write one of `saas`,"
            " `private_cloud`, `self_hosted`, `on_device`",
        ),
        (
            "CL106",
            21,
            17,
            "`uses[0].data.personal` is still the placeholder `TODO`: write true or false"
            " (personal data goes into the tool)",
        ),
        (
            "CL106",
            22,
            23,
            "`uses[0].data.classification` is still the placeholder `n/a`: write one of"
            " `public`, `internal`, `confidential`, `secret`",
        ),
        (
            "CL106",
            27,
            13,
            "`uses[0].review.last` is still the placeholder `xxx`: write an ISO 8601 date such as"
            " 2026-03-01 (date of the last review of this declaration)",
        ),
    ]


def test_in_french():
    findings = lint(MANIFEST, lang="fr")
    assert [(f.code, f.line) for f in findings][:2] == [("CL106", 5), ("CL106", 11)]
    assert findings[5].message == (
        "`uses[0].data.personal` est encore le texte d'attente `TODO` : écrire true ou false"
        " (des données personnelles sont confiées à l'outil)"
    )


def test_a_placeholder_under_an_unknown_key_says_to_write_the_real_value():
    text = MANIFEST.replace("  dpo: TBD\n", "  contact_person: TBD\n")
    findings = [(f.code, f.line, f.column, f.message) for f in lint(text) if f.line == 5]
    assert findings == [
        (
            "CL102",
            5,
            3,
            "unknown key `contact_person` in `organisation`",
        ),
        (
            "CL106",
            5,
            19,
            "`organisation.contact_person` is still the placeholder `TBD`: write the real value",
        ),
    ]


def test_a_placeholder_charter_is_one_finding_and_no_rule_runs_on_an_unknown_charter():
    text = MANIFEST.replace("charter: private", "charter: TODO")
    findings = lint(text)
    assert [(f.code, f.line, f.column) for f in findings if f.line < 5] == [("CL106", 2, 10)]
    assert findings[0].message == (
        "`charter` is still the placeholder `TODO`: write one of `private`, `public`"
    )
    assert "VAL001" not in {f.code for f in findings}


# --- the starters of `--init`: exactly their placeholders, then clean ----------------------------

DESCRIBE = {
    "openai": {"name": "OpenAI", "product": "OpenAI API", "vendor": "OpenAI", "kind": "provider"}
}
DETECTED = [Evidence("src/chat.py", 3, 1, 10, "openai", "call", "client.chat", model="gpt-4o")]

# (code, line, column, pointer) of each placeholder finding, per starter.
EXPECTED = {
    ("empty", "en", "private"): [
        ("CL106", 8, 9, "/organisation/name"),
        ("CL106", 16, 20, "/uses/0/owner/accountable"),
        ("VAL001", 18, 13, "/uses/0/purpose/need"),
        ("CL106", 21, 13, "/uses/0/tool/name"),
        ("CL106", 25, 17, "/uses/0/data/personal"),
    ],
    ("empty", "en", "public"): [
        ("CL106", 8, 9, "/organisation/name"),
        ("CL106", 11, 11, "/organisation/sector"),
        ("CL106", 15, 11, "/organisation/agents"),
        ("CL106", 23, 20, "/uses/0/owner/accountable"),
        ("VAL001", 25, 13, "/uses/0/purpose/need"),
        ("CL106", 28, 13, "/uses/0/tool/name"),
        ("CL106", 32, 17, "/uses/0/data/personal"),
    ],
    ("empty", "fr", "private"): [
        ("CL106", 9, 9, "/organisation/name"),
        ("CL106", 18, 20, "/uses/0/owner/accountable"),
        ("VAL001", 20, 13, "/uses/0/purpose/need"),
        ("CL106", 23, 13, "/uses/0/tool/name"),
        ("CL106", 27, 17, "/uses/0/data/personal"),
    ],
    ("empty", "fr", "public"): [
        ("CL106", 9, 9, "/organisation/name"),
        ("CL106", 12, 11, "/organisation/sector"),
        ("CL106", 16, 11, "/organisation/agents"),
        ("CL106", 25, 20, "/uses/0/owner/accountable"),
        ("VAL001", 27, 13, "/uses/0/purpose/need"),
        ("CL106", 30, 13, "/uses/0/tool/name"),
        ("CL106", 34, 17, "/uses/0/data/personal"),
    ],
    ("detected", "en", "private"): [
        ("CL106", 8, 9, "/organisation/name"),
        ("CL106", 16, 20, "/uses/0/owner/accountable"),
        ("VAL001", 18, 13, "/uses/0/purpose/need"),
        ("CL106", 21, 23, "/uses/0/purpose/beneficiaries/0"),
        ("CL106", 35, 17, "/uses/0/data/personal"),
    ],
    ("detected", "en", "public"): [
        ("CL106", 8, 9, "/organisation/name"),
        ("CL106", 11, 11, "/organisation/sector"),
        ("CL106", 15, 11, "/organisation/agents"),
        ("CL106", 23, 20, "/uses/0/owner/accountable"),
        ("VAL001", 25, 13, "/uses/0/purpose/need"),
        ("CL106", 28, 23, "/uses/0/purpose/beneficiaries/0"),
        ("CL106", 42, 17, "/uses/0/data/personal"),
    ],
    ("detected", "fr", "private"): [
        ("CL106", 9, 9, "/organisation/name"),
        ("CL106", 17, 20, "/uses/0/owner/accountable"),
        ("VAL001", 19, 13, "/uses/0/purpose/need"),
        ("CL106", 22, 23, "/uses/0/purpose/beneficiaries/0"),
        ("CL106", 37, 17, "/uses/0/data/personal"),
    ],
    ("detected", "fr", "public"): [
        ("CL106", 9, 9, "/organisation/name"),
        ("CL106", 12, 11, "/organisation/sector"),
        ("CL106", 16, 11, "/organisation/agents"),
        ("CL106", 24, 20, "/uses/0/owner/accountable"),
        ("VAL001", 26, 13, "/uses/0/purpose/need"),
        ("CL106", 29, 23, "/uses/0/purpose/beneficiaries/0"),
        ("CL106", 44, 17, "/uses/0/data/personal"),
    ],
}

# The facts a person states in place of each placeholder, by the end of its pointer.
FACTS = {
    "/organisation/name": "Exemple SAS",
    "/organisation/sector": "public_body",
    "/organisation/agents": "40",
    "/owner/accountable": "Head of support",
    "/purpose/need": "Answer routine support tickets faster for the support team.",
    "/purpose/beneficiaries/0": "agents",
    "/tool/name": "GitHub Copilot Business",
    "/data/personal": "false",
}


def state_the_facts(text: str, findings) -> str:
    """`text` with each placeholder a finding points at replaced by the fact for its key."""
    lines = text.split("\n")
    for finding in findings:
        fact = next(value for end, value in FACTS.items() if finding.pointer.endswith(end))
        line = lines[finding.line - 1]
        assert finding.end_line == finding.line
        lines[finding.line - 1] = line[: finding.column - 1] + fact + line[finding.end_column - 1 :]
    return "\n".join(lines)


@pytest.mark.parametrize(("where", "lang", "charter"), sorted(EXPECTED))
def test_a_starter_lints_with_exactly_its_placeholders_then_clean(where, lang, charter):
    evidence = DETECTED if where == "detected" else []
    text = render_starter(evidence, DESCRIBE, lang, "", charter)
    assert f"\ncharter: {charter}\n" in text
    findings = lint(text, lang=lang)
    assert [(f.code, f.line, f.column, f.pointer) for f in findings] == EXPECTED[
        (where, lang, charter)
    ]
    placeholder = t(lang, "TODO")
    lines = text.split("\n")
    assert all(lines[f.line - 1][f.column - 1 : f.end_column - 1] == placeholder for f in findings)
    assert lint(state_the_facts(text, findings), lang=lang) == []


def test_a_detected_provider_the_registry_names_is_written_approved():
    from charte_lint.api import ApprovedTool

    registry = [
        ApprovedTool({"id": "copilot-business", "name": "GitHub Copilot Business"}),
        ApprovedTool({"id": "openai-api", "name": "OpenAI API"}),
    ]
    text = render_starter(DETECTED, DESCRIBE, "en", "", registry=registry)
    assert (
        "    tool:\n      name: OpenAI API\n      vendor: OpenAI\n      hosting: saas\n"
        "      approved: openai-api\n    model:\n"
    ) in text


def test_several_or_no_registry_entries_are_listed_for_the_person_to_choose():
    from charte_lint.api import ApprovedTool

    registry = [
        ApprovedTool({"id": "chatgpt-enterprise", "name": "OpenAI API (ChatGPT Enterprise)"}),
        ApprovedTool({"id": "openai-batch", "name": "openai api"}),
    ]
    describe = {"openai": {**DESCRIBE["openai"], "declared_by": ["openai", "chatgpt"]}}
    text = render_starter(DETECTED, describe, "en", "", registry=registry)
    assert (
        "      hosting: saas\n"
        "      # TODO: the tool's id in the approved-tools registry, one of: chatgpt-enterprise"
        " |\n      #   openai-batch\n"
        "      # approved: TODO\n"
    ) in text
    empty = render_starter([], describe, "fr", "", registry=registry[:1])
    assert (
        "      # À COMPLÉTER : l'identifiant de l'outil au registre des outils autorisés, parmi :"
        "\n      #   chatgpt-enterprise\n      # approved: À COMPLÉTER\n"
    ) in empty


# --- through the command line --------------------------------------------------------------------

REGISTRY = """\
approved_tools:
  - id: openai-api
    name: OpenAI API
    vendor: OpenAI
    data: [public, internal]
  - id: copilot-business
    name: GitHub Copilot Business
"""


def project(tmp_path, files: dict[str, str]):
    (tmp_path / ".git").mkdir()  # the configuration search stops here, inside the test's tree
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return tmp_path


def fill(path, lines: dict[int, tuple[str, str]]) -> None:
    """Replace, on each numbered line, the placeholder with the fact."""
    text = path.read_text(encoding="utf-8").split("\n")
    for number, (placeholder, fact) in lines.items():
        assert placeholder in text[number - 1], (number, text[number - 1])
        text[number - 1] = text[number - 1].replace(placeholder, fact, 1)
    path.write_text("\n".join(text), encoding="utf-8")


def test_cli_init_in_an_empty_directory_in_french_for_the_public_charter(tmp_path):
    root = project(tmp_path, {"app/README.md": "rien\n"})
    result = invoke("--init", "app", "--lang", "fr", "--charter", "public", cwd=root)
    assert (result.code, result.out) == (0, "")
    assert result.err == (
        "charte-lint: app/ai-usage.yaml écrit à partir de 0 trace de 0 fournisseur ;"
        " compléter chaque « À COMPLÉTER », puis lancer charte-lint\n"
    )
    manifest = root / "app" / "ai-usage.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "\ncharter: public\norganisation:\n  name: À COMPLÉTER  #" in text
    assert "TODO" not in text
    result = invoke("-q", "--lang", "fr", "app/ai-usage.yaml", cwd=root)
    assert result.code == 1
    assert [line.split(" [")[0] for line in result.out.splitlines()] == [
        "app/ai-usage.yaml:9:9: CL106",
        "app/ai-usage.yaml:12:11: CL106",
        "app/ai-usage.yaml:16:11: CL106",
        "app/ai-usage.yaml:25:20: CL106",
        "app/ai-usage.yaml:27:13: VAL001",
        "app/ai-usage.yaml:30:13: CL106",
        "app/ai-usage.yaml:34:17: CL106",
    ]
    fill(
        manifest,
        {
            9: ("À COMPLÉTER", "Mairie d'Exemple"),
            12: ("À COMPLÉTER", "public_body"),
            16: ("À COMPLÉTER", "40"),
            25: ("À COMPLÉTER", "Directrice du numérique"),
            27: ("À COMPLÉTER", "Écrire plus vite les scripts de l'équipe numérique"),
            30: ("À COMPLÉTER", "GitHub Copilot Business"),
            34: ("À COMPLÉTER", "false"),
        },
    )
    result = invoke("--lang", "fr", "app/ai-usage.yaml", cwd=root)
    assert (result.code, result.out) == (0, "Aucun constat dans 1 fichier.\n")


def test_cli_init_with_detected_code_and_the_organisation_registry(tmp_path):
    root = project(
        tmp_path,
        {
            ".charte-lint.yaml": REGISTRY,
            "app/chat.py": "from openai import OpenAI\nclient = OpenAI()\n",
        },
    )
    result = invoke("--init", "app", cwd=root)
    assert (result.code, result.out) == (0, "")
    manifest = root / "app" / "ai-usage.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "\ncharter: private\n" in text
    assert "      hosting: saas\n      approved: openai-api\n" in text
    result = invoke("-q", "app", cwd=root)  # a directory: the code is cross-checked too
    assert result.code == 1
    assert [line.split(" [")[0] for line in result.out.splitlines()] == [
        "app/ai-usage.yaml:8:9: CL106",
        "app/ai-usage.yaml:17:20: CL106",
        "app/ai-usage.yaml:19:13: VAL001",
        "app/ai-usage.yaml:22:23: CL106",
        "app/ai-usage.yaml:35:17: CL106",
    ]
    fill(
        manifest,
        {
            8: ("TODO", "Exemple SAS"),
            17: ("TODO", "Head of support"),
            19: ("TODO", "Answer routine support tickets faster for the support team."),
            22: ("TODO", "staff"),
            35: ("TODO", "false"),
        },
    )
    result = invoke("app", cwd=root)
    assert (result.code, result.out) == (0, "No findings in 1 file.\n")


def test_cli_init_with_a_missing_config_is_a_usage_error(tmp_path):
    root = project(tmp_path, {"app/x.py": ""})
    result = invoke("--init", "app", "--config", "missing.yaml", cwd=root)
    assert (result.code, result.out) == (2, "")
    assert result.err == "charte-lint: error: no such file or directory: missing.yaml\n"
    assert not (root / "app" / "ai-usage.yaml").exists()
