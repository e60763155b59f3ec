"""SOB001 reasoning-on-simple-task, SOB002 model-above-task-tier."""

from __future__ import annotations

import math

import pytest
from rule_harness import manifest_with, run_rules, smallest, summary

from charte_lint.api import Policy
from charte_lint.rules.sobriety import tier_for_params

TRIAGE = {
    "id": "tri-courriels",
    "name": "Tri des courriels entrants",
    "purpose": {"need": "Route 5,000 incoming e-mails a month to the right team."},
    "task": "classification",
    "model": {"name": "o3", "reasoning": True},
}
SUMMARY = {
    "id": "syntheses",
    "name": "Synthèse des rapports d'intervention",
    "purpose": {"need": "Give managers a half-page digest of each field report."},
    "task": "summarization",
    "model": {"name": "mistral-large-2", "params_b": 123},
}
POLICY = Policy(
    max_model_tier={"summarization": "medium", "classification": "small", "drafting": "large"},
    models={"gpt-4o": {"tier": "frontier"}, "llama-3.1-70b": {"params_b": 70}},
)


# SOB001 -----------------------------------------------------------------------------------


def test_reasoning_mode_on_a_simple_task():
    findings = run_rules(manifest_with(TRIAGE), codes=["SOB001"])
    assert summary(findings) == [("SOB001", "/uses/0/model/reasoning")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `tri-courriels` turns on a reasoning mode (`model.reasoning: true`) for "
        "`classification`, a simple task: turn it off or give `sobriety.justification`"
    )
    french = run_rules(manifest_with(TRIAGE), lang="fr", codes=["SOB001"])
    assert french[0].message == (
        "l'usage `tri-courriels` active un mode de raisonnement (`model.reasoning: true`) pour "
        "`classification`, une tâche simple : le désactiver ou renseigner "
        "`sobriety.justification`"
    )


@pytest.mark.parametrize(
    "task", ["classification", "extraction", "translation", "summarization", "transcription"]
)
def test_every_simple_task(task):
    manifest = manifest_with({**TRIAGE, "task": task}, charter="public")
    assert summary(run_rules(manifest, codes=["SOB001"])) == [("SOB001", "/uses/0/model/reasoning")]


def test_sob001_silent_cases():
    justified = {**TRIAGE, "sobriety": {"justification": "Legal nuance in tenancy letters."}}
    hard_task = {**TRIAGE, "id": "agent", "task": "agentic"}
    no_reasoning = {**TRIAGE, "id": "plain", "model": {"name": "mistral-small-3"}}
    manifest = manifest_with(justified, hard_task, no_reasoning)
    assert run_rules(manifest, codes=["SOB001"]) == []
    assert run_rules(smallest(), codes=["SOB001"]) == []


# SOB002 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params_b", "tier"),
    [
        (0.5, "small"),
        (15, "small"),
        (15.1, "medium"),
        (80, "medium"),
        (81, "large"),
        (300, "large"),
        (301, "frontier"),
        (1800, "frontier"),
    ],
)
def test_tier_thresholds(params_b, tier):
    assert tier_for_params(params_b) == tier


def test_model_above_the_task_tier():
    findings = run_rules(manifest_with(SUMMARY), policy=POLICY, codes=["SOB002"])
    assert summary(findings) == [("SOB002", "/uses/0/model/name")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `syntheses` runs `mistral-large-2`, a `large` model, for `summarization`, where the "
        "organisation allows at most `medium`: choose a smaller model or give "
        "`sobriety.justification`"
    )
    french = run_rules(manifest_with(SUMMARY), policy=POLICY, lang="fr", codes=["SOB002"])
    assert french[0].message == (
        "l'usage `syntheses` utilise `mistral-large-2`, un modèle `large`, pour `summarization`, "
        "alors que l'organisation admet au plus `medium` : choisir un modèle plus petit ou "
        "renseigner `sobriety.justification`"
    )


def test_unnamed_model_is_reported_at_its_size():
    manifest = manifest_with({**SUMMARY, "model": {"params_b": 405}})
    findings = run_rules(manifest, policy=POLICY, codes=["SOB002"])
    assert summary(findings) == [("SOB002", "/uses/0/model/params_b")]
    assert findings[0].message == (
        "use `syntheses` runs a `frontier` model (405 B parameters) for `summarization`, where "
        "the organisation allows at most `medium`: choose a smaller model or give "
        "`sobriety.justification`"
    )
    french = run_rules(manifest, policy=POLICY, lang="fr", codes=["SOB002"])
    assert french[0].message == (
        "l'usage `syntheses` utilise un modèle `frontier` (405 milliards de paramètres) pour "
        "`summarization`, alors que l'organisation admet au plus `medium` : choisir un modèle "
        "plus petit ou renseigner `sobriety.justification`"
    )


def test_tier_from_the_catalogue():
    by_tier = {**SUMMARY, "model": {"name": "gpt-4o"}}
    by_size = {**SUMMARY, "id": "by-size", "model": {"name": "Llama-3.1-70B"}}  # any case
    catalogue_wins = {**SUMMARY, "id": "catalogue", "model": {"name": "gpt-4o", "params_b": 8}}
    findings = run_rules(
        manifest_with(by_tier, by_size, catalogue_wins), policy=POLICY, codes=["SOB002"]
    )
    assert summary(findings) == [("SOB002", "/uses/0/model/name"), ("SOB002", "/uses/2/model/name")]
    assert "a `frontier` model" in findings[0].message
    declared_size_wins = {**SUMMARY, "model": {"name": "llama-3.1-70b", "params_b": 400}}
    assert summary(
        run_rules(manifest_with(declared_size_wins), policy=POLICY, codes=["SOB002"])
    ) == [("SOB002", "/uses/0/model/name")]


def test_sob002_silent_cases():
    justified = {
        **SUMMARY,
        "sobriety": {
            "justification": "Reports mix three languages.",
            "smaller_model_evaluated": True,
        },
    }
    within = {**SUMMARY, "id": "small", "model": {"name": "mistral-small-3", "params_b": 24}}
    unknown_size = {**SUMMARY, "id": "unknown", "model": {"name": "claude-sonnet-4"}}
    no_maximum = {**SUMMARY, "id": "search", "task": "search"}
    manifest = manifest_with(justified, within, unknown_size, no_maximum)
    assert run_rules(manifest, policy=POLICY, codes=["SOB002"]) == []
    assert run_rules(manifest_with(SUMMARY), codes=["SOB002"]) == []  # no max_model_tier
    assert run_rules(smallest(), policy=POLICY, codes=["SOB002"]) == []


@pytest.mark.parametrize(
    "model",
    [
        "o3",
        ["o3"],
        {"name": 3, "params_b": "123"},
        {"params_b": True},
        {"params_b": -5},
        {"params_b": math.nan},
        {"params_b": math.inf},
        {"params_b": 10**400},
        {"name": ["gpt-4o"]},
        {"name": "x", "reasoning": "true"},
        None,
    ],
)
def test_wrong_types_do_not_raise_nor_fire(model):
    strange = Policy(
        max_model_tier={"summarization": "medium", "classification": "huge"},
        models={"x": "big", "gpt-4o": {"tier": "enormous", "params_b": "a lot"}},
    )
    for policy in (POLICY, strange):
        for task in ("summarization", "classification", 3, ["summarization"]):
            manifest = manifest_with({**SUMMARY, "task": task, "model": model})
            assert run_rules(manifest, policy=policy, codes=["SOB001", "SOB002"]) == []
