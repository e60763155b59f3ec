"""The built-in rule pack as a whole: metadata, precision on clean manifests, robustness."""

from __future__ import annotations

import copy
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_harness import SMALLEST, manifest_with, registry, run_rules, smallest

from charte_lint.api import Policy, rule_problems
from charte_lint.content import catalogue
from charte_lint.rules import RULES

COPILOT = {
    "id": "copilot-business",
    "name": "GitHub Copilot Business",
    "vendor": "GitHub",
    "data": ["public", "internal"],
    "personal_data": False,
    "special_data": False,
    "regions": ["EU", "US"],
}
FULL_POLICY = Policy(
    approved_tools=registry(COPILOT).approved_tools,
    max_model_tier={"code_assist": "small", "classification": "small"},
    models={"gpt-4.1": {"tier": "frontier"}},
)


# Metadata ---------------------------------------------------------------------------------


def test_codes_and_names_are_unique():
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_metadata_is_complete(rule):
    assert rule_problems(rule) == []
    assert rule.check.__module__ == f"charte_lint.rules.{rule.principle}"
    # the principle numbers come from the charter catalogue, for the versions the rule runs in
    for charter, number in rule.charters.items():
        expected = catalogue()["principles"][rule.principle][charter]["number"]
        assert number == (expected if charter in rule.versions else None)


# Precision --------------------------------------------------------------------------------


@pytest.mark.parametrize("charter", ["private", "public"])
@pytest.mark.parametrize(
    "policy",
    [None, FULL_POLICY, Policy(approved_tools=registry(COPILOT).approved_tools)],
    ids=["no-config", "full-config", "registry"],
)
def test_smallest_manifest_has_no_finding(charter, policy):
    assert run_rules(smallest(charter=charter), policy=policy) == []
    assert run_rules(smallest(charter=charter), policy=policy, lang="fr") == []


HONEST_USE = {
    "id": "fiches-base-connaissances",
    "name": "Rédaction des fiches de la base de connaissances",
    "status": "production",
    "owner": {
        "team": "Support niveau 2",
        "accountable": "Responsable du support",
        "contact": "ia-support@exemple.fr",
    },
    "purpose": {
        "need": "Turn the 300 tickets solved each month into reusable help articles.",
        "beneficiaries": ["staff"],
        "benefits": "Articles published within a week instead of never.",
        "alternatives": "Writing them by hand (tried in 2025, abandoned for lack of time).",
    },
    "description": {
        "does": "Drafts a help article from an anonymised, solved ticket.",
        "how": "A small hosted language model, prompted with the ticket's technical content.",
        "does_not": "Does not publish anything; does not see customer names or contacts.",
    },
    "tool": {
        "name": "GitHub Copilot Business",
        "approved": "copilot-business",
        "region": "FR",
        "hosting": "saas",
        "trains_on_inputs": False,
        "contract": True,
        "exit_plan": "Articles are plain Markdown; any editor will do.",
    },
    "model": {"name": "mistral-small-3", "params_b": 24, "reasoning": False},
    "task": "drafting",
    "audience": ["staff"],
    "domain": ["internal_productivity"],
    "capabilities": ["content_generation"],
    "interaction": {"generates": ["text"], "published": False},
    "data": {"personal": False, "classification": "internal"},
    "decision": {"affects_individuals": False, "automation": "none"},
    "oversight": {"reviewer": "Support engineer", "content_review": True},
    "assessments": {
        "pre_project": {
            "date": "2025-12-01",
            "opportunities": "Reuse of answers.",
            "risks": "Wrong procedures.",
            "impact": "None on users.",
        }
    },
    "risks": [{"risk": "hallucination", "mitigation": "Every draft is read.", "owner": "Lead"}],
    "sobriety": {"smaller_model_evaluated": True, "calls_per_month": 300},
    "work": {
        "impact": "role_change",
        "tasks": ["first drafts"],
        "staff_informed": {"date": "2026-01-15", "body": "CSE"},
        "staff_consulted": {"date": "2026-01-29", "body": "CSE"},
    },
    "cooperation": {"shared_in": ["communauté IA interne"]},
    "review": {"last": "2026-11-02", "every": "P1Y"},
}


@pytest.mark.parametrize("charter", ["private", "public"])
def test_complete_honest_low_risk_manifest_has_no_finding(charter):
    manifest = manifest_with(HONEST_USE, charter=charter)
    manifest["uses"].insert(0, copy.deepcopy(SMALLEST["uses"][0]))
    manifest["organisation"] = {"name": "Exemple SAS", "dpo": "dpo@exemple.fr"}
    assert run_rules(manifest, policy=FULL_POLICY) == []
    assert run_rules(manifest) == []


# Robustness -------------------------------------------------------------------------------

STRANGE_VALUES = [
    10**400,
    None,
    True,
    False,
    0,
    -1,
    3.5,
    math.nan,
    math.inf,
    "",
    "yes",
    "full",
    "public",
    "2024-01-01",
    [],
    [3],
    ["public", None],
    [[1]],
    {},
    {"a": 1},
    {"personal": True},
]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


def _replaced(manifest, path, value):
    manifest = copy.deepcopy(manifest)
    if not path:
        return value
    node = manifest
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return manifest


def _rich_manifest(charter):
    use = copy.deepcopy(HONEST_USE)
    use.update(
        status="retired",
        capabilities=["chatbot"],
        audience=["public", "clients"],
        data={"personal": True, "special": ["health"], "classification": "secret"},
        decision={"affects_individuals": True, "automation": "full", "significant_effect": True},
        model={"name": "gpt-4.1", "reasoning": True, "params_b": 500},
        task="classification",
        purpose={"need": "TBD", "beneficiaries": ["residents"]},
        assessments={"pre_project": {}},
        inclusion={"accessibility": None, "bias_testing": []},
        review={"last": "2020-01-01", "every": "P1Y"},
    )
    return manifest_with(use, copy.deepcopy(SMALLEST["uses"][0]), charter=charter)


@pytest.mark.parametrize("charter", ["private", "public"])
def test_no_rule_raises_whatever_value_is_put_anywhere(charter):
    base = _rich_manifest(charter)
    assert run_rules(base, policy=FULL_POLICY)  # the base manifest does trigger rules
    policies = [None, FULL_POLICY, registry()]
    for path in list(_paths(base)):
        if path[:1] == ("charter",):
            continue
        for value in STRANGE_VALUES:
            manifest = _replaced(base, path, value)
            if not isinstance(manifest, dict):
                continue
            for policy in policies:
                run_rules(manifest, policy=policy)


MANIFEST_KEYS = [
    "uses",
    "id",
    "name",
    "status",
    "purpose",
    "need",
    "tool",
    "approved",
    "region",
    "data",
    "personal",
    "special",
    "classification",
    "legal_basis",
    "decision",
    "affects_individuals",
    "automation",
    "significant_effect",
    "audience",
    "capabilities",
    "task",
    "interaction",
    "disclosure",
    "model",
    "reasoning",
    "params_b",
    "inclusion",
    "accessibility",
    "bias_testing",
    "review",
    "last",
    "every",
    "assessments",
    "pre_project",
    "cooperation",
    "lessons",
    "work",
    "impact",
    "sobriety",
    "justification",
    "beneficiaries",
    "published",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(
        [
            "full",
            "public",
            "clients",
            "chat",
            "chatbot",
            "retired",
            "pilot",
            "secret",
            "P1Y",
            "2024-01-01",
            "TBD",
            "classification",
            "le-chat-pro",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(MANIFEST_KEYS), children, max_size=6),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    charter=st.sampled_from(["private", "public"]),
    uses=st.lists(VALUES, max_size=3),
    policy=st.sampled_from([None, FULL_POLICY, registry()]),
)
def test_no_rule_raises_on_random_manifests(charter, uses, policy):
    run_rules({"version": 1, "charter": charter, "uses": uses}, policy=policy)
