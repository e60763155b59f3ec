"""The JSON Schemas of the manifest and configuration, and the reference generated from them.

The key names and enum values below are copied from the format contract (manifest.md, format
version 1) on purpose: a change to the schema that breaks the contract must fail here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import SMALLEST

from charte_lint.docs import config_reference, manifest_reference
from charte_lint.schema import load_schema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
MANIFEST = "ai-usage.schema.json"
CONFIG = "config.schema.json"

ALLOWED_KEYWORDS = {
    *("$schema", "$id", "$ref", "$defs", "$comment"),
    *("title", "description", "x-description-fr", "examples", "default"),
    *("type", "enum", "const", "pattern", "required", "properties", "additionalProperties"),
    *("items", "minItems", "maxItems", "uniqueItems"),
    *("minimum", "maximum", "exclusiveMinimum", "minLength", "maxLength"),
}
REF_KEYWORDS = {"$ref", "description", "x-description-fr"}
JSON_TYPES = {"string", "integer", "number", "boolean", "object", "array", "null"}

SMALLEST_CLEAN_MANIFEST = SMALLEST

WAIVER = {
    "rule": "data-retention",
    "use": "code-assistant",
    "reason": "Retention policy being rewritten.",
    "approved_by": "DPO",
    "until": "2026-06-30",
}

TOP_KEYS = {"version", "charter", "organisation", "uses", "waivers"}
ORGANISATION_KEYS = {"name", "country", "sector", "agents", "inhabitants", "dpo"}
USE_KEYS = {
    "code",  # added by charte-lint (issue 6): the code a use covers
    "id",
    "name",
    "status",
    "owner.team",
    "owner.accountable",
    "owner.contact",
    "purpose.need",
    "purpose.beneficiaries",
    "purpose.benefits",
    "purpose.alternatives",
    "description.does",
    "description.how",
    "description.does_not",
    "tool.name",
    "tool.vendor",
    "tool.approved",
    "tool.hosting",
    "tool.region",
    "tool.trains_on_inputs",
    "tool.contract",
    "tool.exit_plan",
    "model.name",
    "model.params_b",
    "model.reasoning",
    "task",
    "audience",
    "domain",
    "capabilities",
    "interaction.disclosure",
    "interaction.generates",
    "interaction.published",
    "data.personal",
    "data.categories",
    "data.special",
    "data.subjects",
    "data.classification",
    "data.legal_basis",
    "data.special_basis",
    "data.retention",
    "data.transfers",
    "data.scale",
    "decision.affects_individuals",
    "decision.automation",
    "decision.significant_effect",
    "decision.administrative",
    "oversight.reviewer",
    "oversight.review",
    "oversight.can_override",
    "oversight.content_review",
    "recourse",
    "transparency.mention",
    "transparency.public_record",
    "assessments.dpia",
    "assessments.fria",
    "assessments.pre_project",
    "ai_act.category",
    "ai_act.annex_iii",
    "ai_act.exemption",
    "ai_act.registration",
    "risks",
    "inclusion.groups",
    "inclusion.bias_testing",
    "inclusion.accessibility",
    "inclusion.alternative",
    "sobriety.justification",
    "sobriety.smaller_model_evaluated",
    "sobriety.calls_per_month",
    "sobriety.energy",
    "work.impact",
    "work.tasks",
    "work.staff_informed",
    "cooperation.shared_in",
    "cooperation.lessons",
    "review.last",
    "review.every",
    # The additions of December 2026 (manifest.md), all optional.
    "settings",
    "data.modalities",
    "data.sources",
    "decision.purpose",
    "decision.stage",
    "decision.subjects_are",
    "decision.per_year",
    "dates.start",
    "dates.end",
    "algorithm.type",
    "algorithm.training_data",
    "algorithm.performance",
    "algorithm.code",
    "legal_texts",
    "parties",
    # added by charte-lint (issue 11): consulting staff representatives is not informing them
    "work.staff_consulted",
}
# Keys of the objects nested one level further (the table's `{...}` shapes).
NESTED_KEYS = {
    "assessments.dpia": {"status", "ref", "date", "reason"},
    "assessments.fria": {"status", "ref", "date", "reason"},
    "assessments.pre_project": {"date", "opportunities", "risks", "impact"},
    "ai_act.exemption": {"ground", "justification"},
    "inclusion.bias_testing": {"date", "method", "result"},
    "inclusion.accessibility": {"standard", "status", "statement"},
    "sobriety.energy": {"kwh_month", "method"},
    "work.staff_informed": {"date", "body"},
    "work.staff_consulted": {"date", "body"},
    "data.transfers[]": {"country", "mechanism"},
    "algorithm.performance[]": {"metric", "value", "date"},
    "legal_texts[]": {"title", "url"},
    "parties[]": {"name", "role", "region", "contract"},
    "risks[]": {"risk", "mitigation", "owner"},
}
WAIVER_KEYS = {"rule", "use", "path", "reason", "approved_by", "until"}  # `path`: optional

# Every `required` list of the manifest schema, by the dotted path of its object.
MANIFEST_REQUIRED = {
    "": {"version", "charter", "organisation", "uses"},
    "organisation": {"name"},
    "uses[]": {"id", "name", "status", "owner", "purpose", "tool", "data"},
    "uses[].owner": {"accountable"},
    "uses[].purpose": {"need"},
    "uses[].tool": {"name"},
    "uses[].data": {"personal"},
    "uses[].data.transfers[]": {"country", "mechanism"},
    "uses[].risks[]": {"risk"},
    # The additions of December 2026: an entry without these says nothing.
    "uses[].algorithm.performance[]": {"metric", "value"},
    "uses[].legal_texts[]": {"title"},
    "uses[].parties[]": {"name", "role"},
    "waivers[]": WAIVER_KEYS - {"path"},
}

ENUMS = {
    "status": ["idea", "design", "pilot", "production", "retired"],
    "task": [
        "classification",
        "extraction",
        "summarization",
        "translation",
        "search",
        "rag_qa",
        "drafting",
        "chat",
        "code_assist",
        "transcription",
        "image_analysis",
        "image_generation",
        "decision_support",
        "agentic",
        "other",
    ],
    "audience[]": ["staff", "clients", "public"],
    "domain[]": [
        "employment",
        "education",
        "credit",
        "insurance",
        "public_benefits",
        "emergency",
        "health",
        "housing",
        "law_enforcement",
        "migration",
        "justice",
        "elections",
        "critical_infrastructure",
        "marketing",
        "customer_service",
        "internal_productivity",
        "software",
        "other",
    ],
    "capabilities[]": [
        "profiling",
        "scoring",
        "emotion_recognition",
        "biometric_identification",
        "biometric_categorisation",
        "social_scoring",
        "behaviour_manipulation",
        "monitoring",
        "content_generation",
        "chatbot",
        "deepfake",
        # the additions of December 2026
        "biometric_verification",
        "sentiment_analysis",
    ],
    "data.special[]": [
        "health",
        "ethnic_origin",
        "political",
        "religious",
        "union",
        "genetic",
        "biometric",
        "sex_life",
        "criminal",
    ],
    "data.subjects[]": [
        "staff",
        "clients",
        "public",
        "minors",
        "vulnerable",
        "patients",
        "candidates",
    ],
    "data.classification": ["public", "internal", "confidential", "secret"],
    "data.legal_basis": [
        "consent",
        "contract",
        "legal_obligation",
        "vital_interests",
        "public_task",
        "legitimate_interests",
    ],
    "data.special_basis": [
        "explicit_consent",
        "employment_law",
        "vital_interests",
        "made_public",
        "legal_claims",
        "public_interest",
        "health_care",
        "public_health",
        "research",
    ],
    "data.transfers[].mechanism": ["adequacy", "dpf", "scc", "bcr", "derogation"],
    "data.scale": ["small", "large"],
    "decision.automation": ["none", "assist", "partial", "full"],
    "work.impact": ["none", "role_change", "headcount_reduction"],
    "ai_act.category": ["prohibited", "high", "limited", "minimal"],
    "ai_act.exemption.ground": ["a", "b", "c", "d"],
    "tool.hosting": ["saas", "private_cloud", "self_hosted", "on_device"],
    "purpose.beneficiaries[]": ["clients", "staff", "agents", "residents", "users", "partners"],
    "interaction.generates[]": ["text", "image", "audio", "video", "code"],
    "assessments.dpia.status": ["done", "todo", "not_required"],
    "assessments.fria.status": ["done", "todo", "not_required"],
    "inclusion.accessibility.standard": ["RGAA", "WCAG", "EN301549"],
    "inclusion.accessibility.status": ["full", "partial", "none"],
    # The additions of December 2026.
    "settings[]": ["workplace", "education", "public_space", "commercial_premises", "online"],
    "data.modalities[]": ["text", "tabular", "image", "video", "audio", "biometric", "location"],
    "decision.purpose": [
        "eligibility",
        "pricing",
        "fraud_detection",
        "enforcement",
        "safeguarding",
        "recruitment",
        "work_management",
        "admission",
        "other",
    ],
    "decision.stage": ["selection", "prioritisation", "recommendation", "final"],
    "decision.subjects_are": ["natural_persons", "legal_persons", "both"],
    "algorithm.type": [
        "rules",
        "statistical",
        "machine_learning",
        "deep_learning",
        "generative",
        "mixed",
    ],
    "parties[].role": ["provider", "developer", "host", "processor", "contractor", "gateway"],
}
TOP_ENUMS = {
    "charter": ["private", "public"],
    "organisation.sector": ["private", "public_body", "private_public_service"],
}


# --- helpers -------------------------------------------------------------------------------


def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def _at(root: dict[str, Any], dotted: str, start: dict[str, Any] | None = None) -> dict[str, Any]:
    """The resolved subschema at a dotted path (`name[]` steps into a list's items)."""
    node = _resolve(root, start if start is not None else root)
    for step in dotted.split("."):
        if step.endswith("[]"):
            node = _resolve(root, node["properties"][step[:-2]])
            node = _resolve(root, node["items"])
        else:
            node = _resolve(root, node["properties"][step])
    return node


def _use(root: dict[str, Any]) -> dict[str, Any]:
    return _resolve(root, root["properties"]["uses"]["items"])


def _walk(node: dict[str, Any], path: str = "#"):
    """Yield (path, subschema) for every subschema, data-valued keywords left out."""
    yield path, node
    for keyword in ("properties", "$defs"):
        for key, sub in node.get(keyword, {}).items():
            yield from _walk(sub, f"{path}/{keyword}/{key}")
    for keyword in ("items", "additionalProperties"):
        if isinstance(node.get(keyword), dict):
            yield from _walk(node[keyword], f"{path}/{keyword}")


def _required_lists(root: dict[str, Any], node: dict[str, Any], path: str, seen: dict) -> None:
    node = _resolve(root, node)
    if node.get("required"):
        seen[path] = set(node["required"])
    for key, sub in node.get("properties", {}).items():
        _required_lists(root, sub, f"{path}.{key}" if path else key, seen)
    if isinstance(node.get("items"), dict):
        _required_lists(root, node["items"], f"{path}[]", seen)


def _to_json(value: Any) -> Any:
    """What the loader hands over: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: _to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _clean() -> dict[str, Any]:
    return _to_json(yaml.safe_load(SMALLEST_CLEAN_MANIFEST))


def _errors(schema: dict[str, Any], document: Any) -> set[tuple[tuple, str]]:
    validator = jsonschema.Draft202012Validator(schema)
    return {
        (tuple(error.absolute_path), error.validator) for error in validator.iter_errors(document)
    }


@pytest.fixture(scope="module")
def manifest_schema() -> dict[str, Any]:
    return _schema(MANIFEST)


@pytest.fixture(scope="module")
def config_schema() -> dict[str, Any]:
    return _schema(CONFIG)


# --- both schemas: well-formed, in the engine's keyword subset, documented in two languages ---


@pytest.mark.parametrize("name", [MANIFEST, CONFIG])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = _schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://") and schema["$id"].endswith(name)
    assert schema["title"]
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", [MANIFEST, CONFIG])
def test_only_the_engine_keyword_subset_is_used(name: str) -> None:
    schema = _schema(name)
    for path, node in _walk(schema):
        assert set(node) <= ALLOWED_KEYWORDS, f"{path}: {sorted(set(node) - ALLOWED_KEYWORDS)}"
        if "$ref" in node:
            assert set(node) <= REF_KEYWORDS, (
                f"{path}: $ref with {sorted(set(node) - REF_KEYWORDS)}"
            )
        declared = node.get("type", [])
        declared = [declared] if isinstance(declared, str) else declared
        assert set(declared) <= JSON_TYPES, path
        for keyword in ("$schema", "$id"):
            assert path == "#" or keyword not in node, f"{path}: nested {keyword}"


@pytest.mark.parametrize("name", [MANIFEST, CONFIG])
def test_every_ref_resolves_and_every_def_is_used(name: str) -> None:
    schema = _schema(name)
    used = set()
    for path, node in _walk(schema):
        if "$ref" in node:
            ref = node["$ref"]
            assert ref.startswith("#/$defs/"), f"{path}: non-local $ref {ref}"
            assert ref.removeprefix("#/$defs/") in schema["$defs"], f"{path}: dangling {ref}"
            used.add(ref.removeprefix("#/$defs/"))
    assert used == set(schema["$defs"])


@pytest.mark.parametrize("name", [MANIFEST, CONFIG])
def test_every_subschema_is_described_in_english_and_french(name: str) -> None:
    schema = _schema(name)
    for path, node in _walk(schema):
        for keyword in ("description", "x-description-fr"):
            value = node.get(keyword)
            assert isinstance(value, str) and value.strip(), f"{path}: no {keyword}"
        assert node["description"] != node["x-description-fr"] or len(node["description"]) < 12


@pytest.mark.parametrize("name", [MANIFEST, CONFIG])
def test_every_object_closes_its_keys(name: str) -> None:
    schema = _schema(name)
    for path, node in _walk(schema):
        if "object" in (
            [node["type"]] if isinstance(node.get("type"), str) else node.get("type", [])
        ):
            assert "additionalProperties" in node, path
            assert node["additionalProperties"] is not True, path
            for key in node.get("required", []):
                assert key in node.get("properties", {}), f"{path}: required {key} not declared"


@pytest.mark.parametrize("name", [MANIFEST, CONFIG])
def test_examples_and_defaults_are_valid(name: str) -> None:
    schema = _schema(name)
    for path, node in _walk(schema):
        if "$ref" in node:
            continue
        sub = {**node, "$defs": schema["$defs"]}
        validator = jsonschema.Draft202012Validator(sub)
        for value in [*node.get("examples", []), *([node["default"]] if "default" in node else [])]:
            assert validator.is_valid(value), f"{path}: {value!r}"


# --- the manifest schema follows the format contract ------------------------------------------


def test_top_level_keys(manifest_schema: dict[str, Any]) -> None:
    assert set(manifest_schema["properties"]) == TOP_KEYS
    assert set(_at(manifest_schema, "organisation")["properties"]) == ORGANISATION_KEYS
    assert manifest_schema["properties"]["version"]["const"] == 1
    assert manifest_schema["properties"]["uses"]["minItems"] == 1
    for dotted, values in TOP_ENUMS.items():
        assert _at(manifest_schema, dotted)["enum"] == values, dotted


def test_use_keys(manifest_schema: dict[str, Any]) -> None:
    use = _use(manifest_schema)
    flat = set()
    for key, sub in use["properties"].items():
        target = _resolve(manifest_schema, sub)
        if "properties" in target:
            flat.update(f"{key}.{child}" for child in target["properties"])
        else:
            flat.add(key)
    assert flat == USE_KEYS


@pytest.mark.parametrize("dotted", sorted(NESTED_KEYS))
def test_nested_shapes(manifest_schema: dict[str, Any], dotted: str) -> None:
    node = _at(manifest_schema, dotted, start=_use(manifest_schema))
    assert set(node["properties"]) == NESTED_KEYS[dotted]


def test_waiver_keys(manifest_schema: dict[str, Any]) -> None:
    waiver = _resolve(manifest_schema, manifest_schema["properties"]["waivers"]["items"])
    assert set(waiver["properties"]) == WAIVER_KEYS


def test_required_keys_are_exactly_the_contract(manifest_schema: dict[str, Any]) -> None:
    seen: dict[str, set[str]] = {}
    _required_lists(manifest_schema, manifest_schema, "", seen)
    assert seen == MANIFEST_REQUIRED


@pytest.mark.parametrize("dotted", sorted(ENUMS))
def test_enum_values(manifest_schema: dict[str, Any], dotted: str) -> None:
    node = _at(manifest_schema, dotted.removesuffix("[]"), start=_use(manifest_schema))
    if dotted.endswith("[]"):
        node = _resolve(manifest_schema, node["items"])
    assert node["enum"] == ENUMS[dotted]


def test_dpia_and_fria_share_the_assessment_shape(manifest_schema: dict[str, Any]) -> None:
    assessments = _at(manifest_schema, "assessments", start=_use(manifest_schema))
    refs = {assessments["properties"][key]["$ref"] for key in ("dpia", "fria")}
    assert refs == {"#/$defs/assessment"}


# --- the manifest schema on documents -------------------------------------------------------


def test_smallest_clean_manifest_is_valid(manifest_schema: dict[str, Any]) -> None:
    document = _clean()
    assert document["uses"][0]["review"]["last"] == "2026-10-01"
    assert _errors(manifest_schema, document) == set()


def test_a_full_manifest_is_valid(manifest_schema: dict[str, Any]) -> None:
    document = _clean()
    document["organisation"].update(
        sector="public_body", agents=120, inhabitants=40000, dpo="dpo@example.org"
    )
    use = document["uses"][0]
    use["owner"]["contact"] = "platform@example.org"
    use["tool"].update(hosting="saas", region="EU", trains_on_inputs=False, contract=True)
    use["model"] = {"name": "mistral-small-3", "params_b": 24, "reasoning": False}
    use["domain"] = ["software"]
    use["capabilities"] = ["content_generation"]
    use["data"].update(
        retention="P30D",
        transfers=[{"country": "US", "mechanism": "dpf"}],
        special=["health"],
        special_basis="health_care",
    )
    use["decision"] = {"affects_individuals": False, "automation": "assist"}
    use["transparency"] = {"public_record": "https://example.org/register/code-assistant"}
    use["assessments"] = {
        "dpia": {"status": "not_required", "reason": "No personal data.", "date": "2026-01-15"},
        "fria": {"status": "todo"},
        "pre_project": {"date": "2025-12-01", "risks": "Leaking internal code."},
    }
    use["ai_act"] = {"category": "minimal", "annex_iii": "4a"}
    use["risks"] = [{"risk": "prompt_injection", "mitigation": "No tool use.", "owner": "CISO"}]
    use["inclusion"] = {"accessibility": {"standard": "RGAA", "status": "partial"}}
    use["sobriety"] = {"calls_per_month": 20000, "energy": {"kwh_month": 1.5, "method": "est."}}
    use["work"]["staff_informed"] = {"date": "2026-02-01", "body": "CSE"}
    use["cooperation"] = {"lessons": "https://example.org/lessons"}
    use["review"]["every"] = "P6M"
    document["waivers"] = [WAIVER, {**WAIVER, "use": "*"}]
    assert _errors(manifest_schema, document) == set()


def _mutated(change) -> dict[str, Any]:
    document = _clean()
    change(document)
    return document


def _use0(document: dict[str, Any]) -> dict[str, Any]:
    return document["uses"][0]


INVALID_MANIFESTS = {
    "missing uses": (lambda d: d.pop("uses"), {((), "required")}),
    "empty uses": (lambda d: d.update(uses=[]), {(("uses",), "minItems")}),
    "version 2": (lambda d: d.update(version=2), {(("version",), "const")}),
    "version as text": (
        lambda d: d.update(version="1"),
        {(("version",), "type"), (("version",), "const")},
    ),
    "charter privat": (lambda d: d.update(charter="privat"), {(("charter",), "enum")}),
    "unknown top-level key": (lambda d: d.update(usage=[]), {((), "additionalProperties")}),
    "purpose.nede typo": (
        lambda d: _use0(d)["purpose"].update(nede=_use0(d)["purpose"].pop("need")),
        {
            (("uses", 0, "purpose"), "required"),
            (("uses", 0, "purpose"), "additionalProperties"),
        },
    ),
    "missing owner.accountable": (
        lambda d: _use0(d)["owner"].pop("accountable"),
        {(("uses", 0, "owner"), "required")},
    ),
    "empty accountable": (
        lambda d: _use0(d)["owner"].update(accountable=""),
        {(("uses", 0, "owner", "accountable"), "minLength")},
    ),
    "missing data.personal": (
        lambda d: _use0(d)["data"].pop("personal"),
        {(("uses", 0, "data"), "required")},
    ),
    "data.retention in words": (
        lambda d: _use0(d)["data"].update(retention="30 days"),
        {(("uses", 0, "data", "retention"), "pattern")},
    ),
    "tool.region as a name": (
        lambda d: _use0(d)["tool"].update(region="France"),
        {(("uses", 0, "tool", "region"), "pattern")},
    ),
    "tool.region NO read as a boolean": (
        lambda d: _use0(d)["tool"].update(region=yaml.safe_load("NO")),
        {(("uses", 0, "tool", "region"), "type")},
    ),
    "id not a slug": (
        lambda d: _use0(d).update(id="Code_Assistant"),
        {(("uses", 0, "id"), "pattern")},
    ),
    "status unknown": (
        lambda d: _use0(d).update(status="live"),
        {(("uses", 0, "status"), "enum")},
    ),
    "audience not a list": (
        lambda d: _use0(d).update(audience="staff"),
        {(("uses", 0, "audience"), "type")},
    ),
    "audience repeated": (
        lambda d: _use0(d).update(audience=["staff", "staff"]),
        {(("uses", 0, "audience"), "uniqueItems")},
    ),
    "domain unknown": (
        lambda d: _use0(d).update(domain=["software", "hr"]),
        {(("uses", 0, "domain", 1), "enum")},
    ),
    "params_b zero": (
        lambda d: _use0(d).update(model={"params_b": 0}),
        {(("uses", 0, "model", "params_b"), "exclusiveMinimum")},
    ),
    "review.last not a date": (
        lambda d: _use0(d)["review"].update(last="01/10/2026"),
        {(("uses", 0, "review", "last"), "pattern")},
    ),
    "dpo not an e-mail": (
        lambda d: d["organisation"].update(dpo="dpo at example.org"),
        {(("organisation", "dpo"), "pattern")},
    ),
    "public_record not a URL": (
        lambda d: _use0(d).update(transparency={"public_record": "example.org/register"}),
        {(("uses", 0, "transparency", "public_record"), "pattern")},
    ),
    "transfer without mechanism": (
        lambda d: _use0(d)["data"].update(transfers=[{"country": "US"}]),
        {(("uses", 0, "data", "transfers", 0), "required")},
    ),
    "annex_iii out of range": (
        lambda d: _use0(d).update(ai_act={"annex_iii": "9a"}),
        {(("uses", 0, "ai_act", "annex_iii"), "pattern")},
    ),
    "negative agents": (
        lambda d: d["organisation"].update(agents=-1),
        {(("organisation", "agents"), "minimum")},
    ),
    "waiver without until": (
        lambda d: d.update(waivers=[{k: v for k, v in WAIVER.items() if k != "until"}]),
        {(("waivers", 0), "required")},
    ),
    "waiver use not a slug": (
        lambda d: d.update(waivers=[{**WAIVER, "use": "All uses"}]),
        {(("waivers", 0, "use"), "pattern")},
    ),
    "waiver until not a date": (
        lambda d: d.update(waivers=[{**WAIVER, "until": "end of June"}]),
        {(("waivers", 0, "until"), "pattern")},
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID_MANIFESTS))
def test_invalid_manifests(manifest_schema: dict[str, Any], case: str) -> None:
    change, expected = INVALID_MANIFESTS[case]
    assert _errors(manifest_schema, _mutated(change)) == expected


def test_annex_iii_accepts_an_unquoted_point_number(manifest_schema: dict[str, Any]) -> None:
    # `annex_iii: 2` (critical infrastructure has no sub-points) reaches the schema as an int.
    for value, ok in ((2, True), ("2", True), (9, False), (0, False)):
        document = _mutated(lambda d, value=value: _use0(d).update(ai_act={"annex_iii": value}))
        assert (_errors(manifest_schema, document) == set()) is ok, value


# --- the configuration schema ---------------------------------------------------------------

VALID_CONFIG = {
    "extends": ["../shared/charte-lint.yaml"],
    "approved_tools": [
        {
            "id": "copilot-business",
            "name": "GitHub Copilot Business",
            "vendor": "GitHub",
            "data": ["public", "internal"],
            "personal_data": False,
            "special_data": False,
            "regions": ["EU", "US"],
        },
        {"id": "albert", "name": "Albert"},
    ],
    "max_model_tier": {"code_assist": "medium", "classification": "small", "chat": "large"},
    "models": {"mistral-small-3": {"params_b": 24, "tier": "medium"}},
    "review_every": "P6M",
    "select": ["CL", "data-retention"],
    "ignore": ["CL9"],
    "severity": {"CL101": "warning", "review-overdue": "info"},
    "fail_on": "warning",
    "exclude": ["archive/**", "tests/fixtures/*.yaml"],
}

INVALID_CONFIGS = {
    "unknown key": ({"fail-on": "error"}, {((), "additionalProperties")}),
    "extends not a path": ({"extends": 3}, {(("extends",), "type")}),
    "tool without id": (
        {"approved_tools": [{"name": "Albert"}]},
        {(("approved_tools", 0), "required")},
    ),
    "tool id not a slug": (
        {"approved_tools": [{"id": "Albert AI", "name": "Albert"}]},
        {(("approved_tools", 0, "id"), "pattern")},
    ),
    "tool data class unknown": (
        {"approved_tools": [{"id": "a", "name": "A", "data": ["restricted"]}]},
        {(("approved_tools", 0, "data", 0), "enum")},
    ),
    "tool region unknown": (
        {"approved_tools": [{"id": "a", "name": "A", "regions": ["Europe"]}]},
        {(("approved_tools", 0, "regions", 0), "pattern")},
    ),
    "tier unknown": ({"max_model_tier": {"chat": "huge"}}, {(("max_model_tier", "chat"), "enum")}),
    "task unknown": (
        {"max_model_tier": {"cooking": "small"}},
        {(("max_model_tier",), "additionalProperties")},
    ),
    "model params zero": (
        {"models": {"tiny": {"params_b": 0}}},
        {(("models", "tiny", "params_b"), "exclusiveMinimum")},
    ),
    "model unknown key": (
        {"models": {"tiny": {"size": 1}}},
        {(("models", "tiny"), "additionalProperties")},
    ),
    "review_every in words": ({"review_every": "1 year"}, {(("review_every",), "pattern")}),
    "severity unknown": ({"severity": {"CL101": "critical"}}, {(("severity", "CL101"), "enum")}),
    "fail_on unknown": ({"fail_on": "fatal"}, {(("fail_on",), "enum")}),
    "exclude not a list": ({"exclude": "archive/**"}, {(("exclude",), "type")}),
}


def test_valid_config(config_schema: dict[str, Any]) -> None:
    assert _errors(config_schema, VALID_CONFIG) == set()
    assert _errors(config_schema, {}) == set()
    assert _errors(config_schema, {"extends": "../base.yaml"}) == set()


@pytest.mark.parametrize("case", sorted(INVALID_CONFIGS))
def test_invalid_configs(config_schema: dict[str, Any], case: str) -> None:
    document, expected = INVALID_CONFIGS[case]
    assert _errors(config_schema, document) == expected


def test_max_model_tier_lists_every_task(
    manifest_schema: dict[str, Any], config_schema: dict[str, Any]
) -> None:
    tasks = _use(manifest_schema)["properties"]["task"]["enum"]
    assert list(config_schema["properties"]["max_model_tier"]["properties"]) == tasks


def test_shared_shapes_agree_between_schemas(
    manifest_schema: dict[str, Any], config_schema: dict[str, Any]
) -> None:
    for name in ("slug", "country"):
        assert manifest_schema["$defs"][name]["pattern"] == config_schema["$defs"][name]["pattern"]
    classification = _at(manifest_schema, "data.classification", start=_use(manifest_schema))
    assert config_schema["$defs"]["classification"]["enum"] == classification["enum"]
    duration = manifest_schema["$defs"]["duration"]["pattern"]
    assert config_schema["properties"]["review_every"]["pattern"] == duration


# --- generated reference --------------------------------------------------------------------


def test_load_schema_reads_the_packaged_files() -> None:
    assert load_schema(MANIFEST) == _schema(MANIFEST)
    assert load_schema(CONFIG) == _schema(CONFIG)
    with pytest.raises(ValueError):
        load_schema("../pyproject.toml")


def test_manifest_reference_mentions_every_key(manifest_schema: dict[str, Any]) -> None:
    text = manifest_reference(manifest_schema)
    for key in USE_KEYS | TOP_KEYS | WAIVER_KEYS:
        assert f"`{key}`" in text, key
    for key in ORGANISATION_KEYS:
        assert f"`organisation.{key}`" in text, key
    assert "`assessments.dpia.status`" in text
    assert "`data.transfers[].mechanism`" in text
    assert "## `uses[]`" in text and "## `waivers[]`" in text
    assert "`idea` \\| `design` \\| `pilot` \\| `production` \\| `retired`" in text
    assert "\\\\|" not in text


def test_manifest_reference_rows_are_well_formed(manifest_schema: dict[str, Any]) -> None:
    for lang in ("en", "fr"):
        for line in manifest_reference(manifest_schema, lang).splitlines():
            if line.startswith("| `"):
                cells = line.replace("\\|", "").split("|")
                assert len(cells) == 6, line
                assert cells[3].strip() in {"yes", "no", "oui", "non"}, line
                assert cells[4].strip(), line


def test_reference_is_deterministic(
    manifest_schema: dict[str, Any], config_schema: dict[str, Any]
) -> None:
    for lang in ("en", "fr"):
        first = manifest_reference(manifest_schema, lang)
        assert manifest_reference(copy.deepcopy(manifest_schema), lang) == first
        assert manifest_reference(_schema(MANIFEST), lang) == first
        assert config_reference(config_schema, lang) == config_reference(_schema(CONFIG), lang)


def test_french_reference_uses_french_descriptions(manifest_schema: dict[str, Any]) -> None:
    personal = _at(manifest_schema, "data.personal", start=_use(manifest_schema))
    english, french = manifest_reference(manifest_schema), manifest_reference(manifest_schema, "fr")
    assert personal["x-description-fr"] in french
    assert personal["description"] not in french
    assert personal["description"] in english
    assert "| clé | type | requis | description |" in french
    assert "| `data.personal` | booléen | oui |" in french


def test_config_reference(config_schema: dict[str, Any]) -> None:
    text = config_reference(config_schema)
    for key in config_schema["properties"]:
        assert f"`{key}`" in text, key
    assert "`max_model_tier.code_assist`" in text
    assert "## `approved_tools[]`" in text and "## `models.<name>`" in text
    assert "Default: `P1Y`." in text
    french = config_reference(config_schema, "fr")
    assert config_schema["properties"]["fail_on"]["x-description-fr"] in french
    assert "Par défaut : `P1Y`." in french


def test_reference_rejects_unknown_language(manifest_schema: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        manifest_reference(manifest_schema, "de")
