"""Schema validation: every error, each at its exact place, in plain English and French."""

from __future__ import annotations

import ast
import copy
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import SMALLEST, brief, clean_env, lint, value_paths
from hypothesis import given, settings
from hypothesis import strategies as st

from charte_lint.schema import (
    FORMAT_PATTERNS,
    FORMATS,
    GENERATED,
    Validator,
    generated_code,
    load_schema,
    with_formats,
)

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


# --- the generated fast path: up to date, self-contained, and agreeing with jsonschema ----------

SCHEMA = load_schema("ai-usage.schema.json")
CONFIG_SCHEMA = load_schema("config.schema.json")
FAST = Validator(SCHEMA)
FAST_CONFIG = Validator(CONFIG_SCHEMA)
# jsonschema on the schema files exactly as shipped: their patterns, no format checker.
FULL = jsonschema.Draft202012Validator(SCHEMA)
FULL_CONFIG = jsonschema.Draft202012Validator(CONFIG_SCHEMA)


def _full_manifest() -> dict:
    document = yaml.safe_load(SMALLEST)
    document["uses"][0]["review"]["last"] = "2026-10-01"
    document["organisation"].update(sector="public_body", agents=120, dpo="dpo@example.org")
    use = document["uses"][0]
    use["owner"]["contact"] = "platform@example.org"
    use["tool"].update(hosting="saas", region="EU", trains_on_inputs=False)
    use["model"] = {"name": "mistral-small-3", "params_b": 24, "reasoning": False}
    use["domain"] = ["software"]
    use["data"].update(retention="P30D", transfers=[{"country": "US", "mechanism": "dpf"}])
    use["transparency"] = {"public_record": "https://example.org/register/code-assistant"}
    use["assessments"] = {"dpia": {"status": "not_required", "date": "2026-01-15"}}
    use["ai_act"] = {"category": "minimal", "annex_iii": "4a"}
    use["risks"] = [{"risk": "prompt_injection", "mitigation": "No tool use."}]
    use["review"]["every"] = "P6M"
    document["waivers"] = [
        {
            "rule": "data-retention",
            "use": "*",
            "reason": "Being rewritten.",
            "approved_by": "DPO",
            "until": "2026-06-30",
        }
    ]
    return document


BASE = _full_manifest()
BASE_CONFIG = {
    "approved_tools": [{"id": "albert", "name": "Albert", "data": ["public"], "regions": ["EU"]}],
    "max_model_tier": {"chat": "large"},
    "models": {"tiny": {"params_b": 1, "tier": "small"}},
    "review_every": "P6M",
    "select": ["CL"],
    "severity": {"CL101": "warning"},
    "fail_on": "warning",
    "exclude": ["archive/**"],
}


def test_the_bases_are_valid():
    assert FULL.is_valid(BASE) and FAST.is_valid(BASE) and FAST.errors(BASE) == []
    assert FULL_CONFIG.is_valid(BASE_CONFIG) and FAST_CONFIG.is_valid(BASE_CONFIG)
    empty: dict = {}
    assert FAST_CONFIG.is_valid(empty) and empty == {}  # no `default` written into the document


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_modules_are_up_to_date(name):
    path = Path(import_module(GENERATED[name]).__file__)
    assert path.read_text(encoding="utf-8") == generated_code(name), (
        f"{path.name} is stale: run python -m charte_lint.schema --regenerate"
    )


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_modules_import_nothing_but_re(name):
    tree = ast.parse(Path(import_module(GENERATED[name]).__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported <= {"re"}


def test_a_clean_run_with_a_configuration_imports_no_validator_library(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    (tmp_path / ".charte-lint.yaml").write_text("fail_on: warning\nreview_every: P6M\n")
    probe = (
        "import sys\n"
        "from charte_lint import cli\n"
        "sys.argv = ['charte-lint', 'ai-usage.yaml']\n"
        "try:\n    cli.main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, [m for m in ('jsonschema', 'fastjsonschema', 'decimal') if m in sys.modules],"
        " 'charte_lint._config_validator' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=tmp_path,
        check=False,
    )
    assert result.stderr == "0 [] True\n"


def test_named_formats_are_the_schema_files_patterns():
    for schema in (SCHEMA, CONFIG_SCHEMA):
        for name, definition in schema["$defs"].items():
            if name in FORMAT_PATTERNS:
                assert definition["pattern"] == FORMAT_PATTERNS[name], name
    assert set(FORMAT_PATTERNS) <= set(SCHEMA["$defs"])
    prepared = with_formats(SCHEMA)
    assert {n: prepared["$defs"][n].get("format") for n in FORMAT_PATTERNS} == {
        n: n for n in FORMAT_PATTERNS
    }
    # what is left as a plain pattern is reported as that pattern
    left = [p for p in value_paths(prepared) if p and p[-1] == "pattern"]
    assert [p[-2] for p in left] == ["country", "annex_iii", "use"]
    assert with_formats(CONFIG_SCHEMA)["properties"]["review_every"]["format"] == "duration"


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("date", "2026-02-28", "2026-13-01"),
        ("duration", "PT1H", "P"),
        ("country", "EEA", "France"),
        ("email", "a@b.fr", "a@b"),
        ("url", "http://a", "ftp://a"),
        ("slug", "a-1", "-a"),
    ],
)
def test_format_checkers_are_named_and_used_by_both_validators(name, good, bad):
    check = FORMATS[name]
    assert check.__name__ == f"is_{name}"
    assert check(good) and not check(bad) and check(3) and check(None)
    # the generated code calls the checker of that name: refusing everything makes BASE invalid
    validate = import_module(GENERATED["ai-usage.schema.json"]).validate
    validate(BASE, FORMATS)
    with pytest.raises(ValueError):
        validate(BASE, {**FORMATS, name: lambda value: False})


def test_a_broken_format_is_reported_under_its_name():
    document = copy.deepcopy(BASE)
    document["uses"][0]["data"]["retention"] = "30 days"
    document["uses"][0]["ai_act"]["annex_iii"] = "9z"
    assert [(e.pointer, e.params["format"]) for e in FAST.errors(document)] == [
        ("/uses/0/ai_act/annex_iii", "pattern:^[1-8]([a-h]|\\([a-h]\\))?$"),
        ("/uses/0/data/retention", "duration"),
    ]


def test_another_schema_has_no_fast_path_but_the_same_answers():
    schema = {"type": "object", "required": ["a"], "properties": {"a": {"pattern": "^x"}}}
    validator = Validator(schema)
    assert validator.is_valid({"a": "xy"}) and not validator.is_valid({"a": "y"})
    assert [e.kind for e in validator.errors({"b": 1})] == ["missing-key"]


ODD_STRINGS = [
    *("private", "public", "", "P1Y", "P", "PT", "PT1H", "P1YT", "P1Y\n", "P1Y "),
    *("2026-01-01", "2026-01-01\n", "2026-02-31", "2026-13-01", "26-01-01", "２０２６-01-01"),
    *("FR", "FR\n", "fr", "EEA", "EUR", "NO", "x@y.fr", "x@y", "x @y.fr", "x@y.fr\n"),
    *("https://a.fr", "http://", "ftp://a", " https://a", "code_assist", "a-b", "-a", "a\n"),
    *("*", "**", "2", "2a", "2a\n", "9a", "4ab", "production", "staff", "saas", "dpf", "US"),
]
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10),
    st.floats(allow_nan=False),
    st.sampled_from([1.0, 0, -1, 0.0, 2.0, 24.5, 4]),
    st.text(max_size=8),
    st.sampled_from(ODD_STRINGS),
    st.lists(st.sampled_from(["staff", "public", "clients", "x", 1, 1.0, True]), max_size=3),
    st.dictionaries(
        st.sampled_from(["name", "need", "x", "accountable", "id", "status", "country"]),
        st.sampled_from(ODD_STRINGS),
        max_size=2,
    ),
)


def _mutate(document, mutations):
    document = copy.deepcopy(document)
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
    return document


def _mutations(base):
    paths = [p for p in value_paths(base) if p]
    return st.lists(st.tuples(st.sampled_from(paths), ODD_VALUES, st.booleans()), max_size=4)


@settings(max_examples=500, deadline=None)
@given(_mutations(BASE))
def test_fast_path_agrees_with_jsonschema_on_manifests(mutations):
    document = _mutate(BASE, mutations)
    valid = FULL.is_valid(document)
    assert FAST.is_valid(document) == valid
    # the error list (jsonschema with the named format checkers) finds something iff invalid
    assert (FAST.errors(document) == []) == valid


@settings(max_examples=300, deadline=None)
@given(_mutations(BASE_CONFIG))
def test_fast_path_agrees_with_jsonschema_on_configurations(mutations):
    document = _mutate(BASE_CONFIG, mutations)
    valid = FULL_CONFIG.is_valid(document)
    assert FAST_CONFIG.is_valid(document) == valid
    assert (FAST_CONFIG.errors(document) == []) == valid


HABITANTS = SMALLEST.replace("charter: private", "charter: public").replace(
    "beneficiaries: [staff]", "beneficiaries: [habitants]"
)


def test_a_value_the_schema_refused_is_reported_once_with_the_word_it_stands_for():
    findings = lint(HABITANTS)
    assert [(f.code, f.line, f.column, f.pointer, f.message) for f in findings] == [
        (
            "CL104",
            14,
            23,
            "/uses/0/purpose/beneficiaries/0",
            "`uses[0].purpose.beneficiaries[0]` cannot be `habitants`: did you mean `residents`?",
        )
    ]  # not also VAL004 no-public-beneficiary about the list holding it
    french = lint(HABITANTS, lang="fr")
    assert [f.message for f in french] == [
        "`uses[0].purpose.beneficiaries[0]` ne peut pas valoir `habitants` : vouliez-vous dire "
        "`residents` ?"
    ]
    # a valid value next to a refused one: no rule judges the list; a finding about the whole
    # use stays (VIG001: a production use for clients without a pre-project assessment)
    assert brief(lint(HABITANTS.replace("[habitants]", "[Usagers, clients]"))) == [
        ("VIG001", 6, 5),
        ("CL104", 14, 23),
    ]
    assert lint(HABITANTS.replace("[habitants]", "[Usagers]"))[0].message.endswith(
        "did you mean `users`?"
    )


def test_a_synonym_is_suggested_only_where_its_value_is_allowed():
    # `salariés` means `staff`, which `data.classification` does not allow: the usual
    # closest spelling, or the list of values
    findings = lint(SMALLEST.replace("classification: internal", "classification: salariés"))
    assert [(f.code, f.message) for f in findings] == [
        (
            "CL104",
            "`uses[0].data.classification` cannot be `salariés`: expected one of `public`, "
            "`internal`, `confidential`, `secret`",
        )
    ]


def test_rules_still_judge_values_next_to_a_refused_one():
    wrong = SMALLEST.replace("      impact: none", "      impact: headcount_reduction").replace(
        "classification: internal", "classification: interne"
    )
    assert brief(lint(wrong)) == [("CL104", 25, 23), ("WRK001", 27, 15)]
