"""Schema validation: every error, each at its exact place, in plain English and French."""

from __future__ import annotations

import copy

import jsonschema
import yaml
from conftest import SMALLEST, brief, lint, value_paths
from hypothesis import given, settings
from hypothesis import strategies as st

from charte_lint.schema import FastValidator, load_schema

FAULTY = """\
version: 1
charter: privat
organisation:
  name: Exemple SAS
uses:
  - id: Code Assistant
    name: Code completion
    status: live
    owner:
      team: Platform
    purpose:
      nede: Speed up routine code writing.
    tool:
      name: GitHub Copilot Business
      region: France
    audience: staff
    data:
      personal: true
      retention: 30 days
      transfers:
        - country: US
  - id: second
    name: ""
    status: idea
    owner: {accountable: CTO}
    purpose: {need: Try a chatbot for the intranet.}
    tool: {name: Le Chat}
    data: {personal: false}
    review: {last: 2026-13-45, every: yearly}
"""


def test_every_error_is_reported_at_its_place_in_order():
    findings = lint(FAULTY)
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("CL104", 2, 10, "`charter` cannot be `privat`: did you mean `private`?"),
        (
            "CL104",
            6,
            9,
            "`uses[0].id` must be lower-case letters, digits and dashes, starting "
            "with a letter or digit, not `Code Assistant`",
        ),
        (
            "CL104",
            8,
            13,
            "`uses[0].status` cannot be `live`: expected one of `idea`, `design`, "
            "`pilot`, `production`, `retired`",
        ),
        ("CL101", 9, 5, "`uses[0].owner` lacks the required key `accountable`"),
        ("CL101", 11, 5, "`uses[0].purpose` lacks the required key `need`"),
        ("CL102", 12, 7, "unknown key `nede` in `uses[0].purpose`: did you mean `need`?"),
        (
            "CL104",
            15,
            15,
            "`uses[0].tool.region` must be a country code such as FR, or EU / EEA, not `France`",
        ),
        ("CL103", 16, 15, "`uses[0].audience` must be a list, not text"),
        (
            "CL104",
            19,
            18,
            "`uses[0].data.retention` must be an ISO 8601 duration such as P30D or "
            "P1Y, not `30 days`",
        ),
        ("CL101", 21, 11, "`uses[0].data.transfers[0]` lacks the required key `mechanism`"),
        ("CL104", 23, 11, "`uses[1].name` must not be empty"),
        (
            "CL104",
            29,
            20,
            "`uses[1].review.last` must be an ISO 8601 date such as 2026-03-01, not `2026-13-45`",
        ),
        (
            "CL104",
            29,
            39,
            "`uses[1].review.every` must be an ISO 8601 duration such as P30D or P1Y, not `yearly`",
        ),
    ]
    assert all(f.severity == "error" for f in findings)


def test_use_ids_in_findings():
    findings = lint(FAULTY)
    assert [f.use for f in findings] == [None] + ["Code Assistant"] * 9 + ["second"] * 3


def test_messages_in_french():
    findings = lint(FAULTY, lang="fr")
    messages = [f.message for f in findings]
    assert messages[0] == "`charter` ne peut pas valoir `privat` : vouliez-vous dire `private` ?"
    assert messages[3] == "il manque la clé obligatoire `accountable` dans `uses[0].owner`"
    assert messages[5] == "clé inconnue `nede` dans `uses[0].purpose` : vouliez-vous dire `need` ?"
    assert messages[7] == "`uses[0].audience` doit être une liste, pas du texte"
    assert messages[8] == (
        "`uses[0].data.retention` doit être une durée ISO 8601 comme P30D ou P1Y, pas `30 days`"
    )


def test_missing_top_level_keys_and_version():
    findings = lint("version: 2\ncharter: public\n")
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("CL101", 1, 1, "the manifest lacks the required key `organisation`"),
        ("CL101", 1, 1, "the manifest lacks the required key `uses`"),
        ("CL104", 1, 10, "`version` must be `1`, not `2`"),
    ]


def test_empty_uses_and_unknown_top_level_key():
    text = SMALLEST.replace("version: 1\n", "version: 1\nuse: []\n")
    findings = lint(text)
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("CL102", 2, 1, "unknown key `use` in the manifest: did you mean `uses`?"),
    ]
    no_uses = lint("version: 1\ncharter: private\norganisation: {name: X}\nuses: []\n")
    assert [(f.code, f.line, f.column, f.message) for f in no_uses] == [
        ("CL104", 4, 1, "`uses` needs at least 1 item(s)"),
    ]


def test_duplicate_use_id():
    use = SMALLEST.split("uses:\n")[1]
    findings = lint(SMALLEST + use)
    assert brief(findings) == [("CL105", 30, 9)]
    assert findings[0].message == ("use id `code-assistant` is already used by the use on line 6")


def test_number_out_of_range_and_wrong_type_only_once():
    text = SMALLEST.replace("  name: Exemple SAS\n", "  name: Exemple SAS\n  agents: -3\n")
    assert [(f.code, f.message) for f in lint(text)] == [
        ("CL104", "`organisation.agents` must be at least 0, not -3"),
    ]
    text = SMALLEST.replace("    task: code_assist\n", "    task: [code_assist]\n")
    assert [(f.code, f.message) for f in lint(text)] == [
        ("CL103", "`uses[0].task` must be text, not a list"),
    ]


# --- the fast validator agrees with jsonschema ----------------------------------------------

SCHEMA = load_schema("ai-usage.schema.json")
FAST = FastValidator(SCHEMA)
FULL = jsonschema.Draft202012Validator(SCHEMA)
BASE = yaml.safe_load(SMALLEST)
BASE["uses"][0]["review"]["last"] = "2026-10-01"


def test_shipped_schemas_use_only_what_the_fast_validator_implements():
    assert FastValidator.unsupported_keywords(SCHEMA) == set()
    assert FastValidator.unsupported_keywords(load_schema("config.schema.json")) == set()
    assert FastValidator.unsupported_keywords({"anyOf": []}) == {"anyOf"}


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(
        [
            "private",
            "public",
            "",
            "P1Y",
            "2026-01-01",
            "FR",
            "production",
            "x@y.fr",
            "https://a.fr",
            "code_assist",
            1.0,
            0,
            -1,
        ]
    ),
    st.lists(st.sampled_from(["staff", "public", "clients", "x"]), max_size=3),
    st.dictionaries(
        st.sampled_from(["name", "need", "x", "accountable"]), st.text(max_size=3), max_size=2
    ),
)
ALL_PATHS = [p for p in value_paths(BASE) if p]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), ODD_VALUES, st.booleans()), max_size=4))
def test_fast_validator_agrees_with_jsonschema(mutations):
    document = copy.deepcopy(BASE)
    for path, value, delete in mutations:
        parent = document
        try:
            for part in path[:-1]:
                parent = parent[part]
            if delete and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    assert FAST.is_valid(document) == FULL.is_valid(document)
