"""SOB001 reasoning-on-simple-task, SOB002 model-above-task-tier, SOB003
high-volume-without-energy-estimate, SOB004 smaller-model-not-evaluated, and the model catalogue."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import brief, lint
from rule_harness import manifest_with, run_rules, smallest, summary

from charte_lint.api import Policy
from charte_lint.rules.sobriety import TIERS, builtin_models, tier_for_params

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
    unknown_size = {**SUMMARY, "id": "unknown", "model": {"name": "modele-maison-v2"}}
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


# The built-in model catalogue -------------------------------------------------------------

CATALOGUE = builtin_models()


def test_catalogue_entries_are_complete_and_sourced():
    assert len(CATALOGUE) >= 30
    names = []
    for entry in CATALOGUE:
        assert set(entry) <= {"name", "aliases", "params_b", "tier", "source", "reasoning"}
        assert entry["tier"] in TIERS, entry["name"]
        assert re.search(r"https://\S+", entry["source"]), entry["name"]
        assert re.search(r"\b20[0-9]{2}\b", entry["source"]), entry["name"]
        if entry["params_b"] is None:
            assert entry["source"].startswith("Size not published by the vendor"), entry["name"]
        else:
            assert entry["params_b"] > 0
            assert f"{entry['params_b']:g} B parameters" in entry["source"], entry["name"]
            assert entry["tier"] == tier_for_params(entry["params_b"]), entry["name"]
        assert entry.get("reasoning", True) is True
        names += [entry["name"], *entry["aliases"]]
    folded = [name.casefold() for name in names]
    assert len(set(folded)) == len(folded)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]*", name) for name in names)


def test_catalogue_gives_tiers_and_the_configuration_wins():
    use = {**SUMMARY, "model": {"name": "Llama-3.1-405B-Instruct"}}  # an alias, any case
    policy = Policy(max_model_tier={"summarization": "large"})
    findings = run_rules(manifest_with(use), policy=policy, codes=["SOB002"])
    assert [f.message for f in findings] == [
        "use `syntheses` runs `Llama-3.1-405B-Instruct`, a `frontier` model, for "
        "`summarization`, where the organisation allows at most `large`: choose a smaller model "
        "or give `sobriety.justification`"
    ]
    overriding = Policy(
        max_model_tier={"summarization": "large"},
        models={"llama-3.1-405b-instruct": {"tier": "large"}},
    )
    assert run_rules(manifest_with(use), policy=overriding, codes=["SOB002"]) == []
    # The use's own size comes before the built-in catalogue (a distilled variant, say).
    declared = {**SUMMARY, "model": {"name": "gpt-4o", "params_b": 8}}
    assert run_rules(manifest_with(declared), policy=policy, codes=["SOB002"]) == []


def test_catalogue_is_read_only_when_a_rule_needs_it():
    script = (
        "import datetime as dt\n"
        "from charte_lint.engine import lint_source\n"
        "from charte_lint.rules import sobriety\n"
        "from conftest import SMALLEST\n"
        "assert lint_source(SMALLEST, today=dt.date(2026, 11, 29)) == []\n"
        "assert sobriety._builtin_index is None\n"
        "lint_source(SMALLEST.replace('task: code_assist', 'model: {name: o3}\\n    task: "
        "code_assist'))\n"
        "assert sobriety._builtin_index is not None\n"
    )
    tests = Path(__file__).parent
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tests, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


# SOB001 with a reasoning model from the catalogue ------------------------------------------


def test_reasoning_model_from_the_catalogue():
    use = {**TRIAGE, "model": {"name": "o3-mini"}}
    findings = run_rules(manifest_with(use), codes=["SOB001"])
    assert summary(findings) == [("SOB001", "/uses/0/model/name")]
    assert findings[0].message == (
        "use `tri-courriels` runs `o3-mini`, a reasoning model, for `classification`, a simple "
        "task: choose a model without a reasoning mode or give `sobriety.justification`"
    )
    french = run_rules(manifest_with(use), lang="fr", codes=["SOB001"])
    assert french[0].message == (
        "l'usage `tri-courriels` utilise `o3-mini`, un modèle de raisonnement, pour "
        "`classification`, une tâche simple : choisir un modèle sans mode de raisonnement ou "
        "renseigner `sobriety.justification`"
    )
    switched_off = {**TRIAGE, "model": {"name": "magistral-medium", "reasoning": False}}
    assert run_rules(manifest_with(switched_off), codes=["SOB001"]) == []


# SOB003 high-volume-without-energy-estimate -----------------------------------------------

VOLUME = {
    "id": "assistant-clients",
    "name": "Assistant du site marchand",
    "status": "production",
    "task": "chat",
    "sobriety": {"calls_per_month": 250000, "smaller_model_evaluated": True},
}


def test_high_volume_without_energy_estimate():
    findings = run_rules(manifest_with(VOLUME), codes=["SOB003"])
    assert summary(findings) == [("SOB003", "/uses/0/sobriety/calls_per_month")]
    assert findings[0].message == (
        "use `assistant-clients` makes 250,000 calls a month and gives no `sobriety.energy`: "
        "estimate its energy use (`kwh_month` and `method`)"
    )
    french = run_rules(manifest_with(VOLUME, charter="public"), lang="fr", codes=["SOB003"])
    assert french[0].message == (
        "l'usage `assistant-clients` fait 250 000 appels par mois et ne donne pas de "
        "`sobriety.energy` : estimer sa consommation d'énergie (`kwh_month` et `method`)"
    )


def test_energy_silent_cases():
    estimated = {
        **VOLUME,
        "sobriety": {**VOLUME["sobriety"], "energy": {"kwh_month": 180, "method": "EcoLogits"}},
    }
    modest = {**VOLUME, "id": "modeste", "sobriety": {"calls_per_month": 99999}}
    retired = {**VOLUME, "id": "ancien", "status": "retired"}
    manifest = manifest_with(estimated, modest, retired)
    assert run_rules(manifest, codes=["SOB003"]) == []


# SOB004 smaller-model-not-evaluated -------------------------------------------------------

CONTRACTS = {
    "id": "analyse-contrats",
    "name": "Analyse des contrats fournisseurs",
    "status": "production",
    "task": "extraction",
    "model": {"name": "gpt-4o"},
}


def test_large_model_in_production_without_trying_a_smaller_one():
    findings = run_rules(manifest_with(CONTRACTS), codes=["SOB004"])
    assert summary(findings) == [("SOB004", "/uses/0/model/name")]
    assert findings[0].message == (
        "use `analyse-contrats` runs `gpt-4o`, a `frontier` model, in production without "
        "`sobriety.smaller_model_evaluated: true`: compare it with a smaller model on real cases"
    )
    french = run_rules(manifest_with(CONTRACTS), lang="fr", codes=["SOB004"])
    assert french[0].message == (
        "l'usage `analyse-contrats` utilise `gpt-4o`, un modèle `frontier`, en production sans "
        "`sobriety.smaller_model_evaluated: true` : le comparer à un modèle plus petit sur des "
        "cas réels"
    )
    said_no = {**CONTRACTS, "sobriety": {"smaller_model_evaluated": False}}
    unnamed = {**CONTRACTS, "id": "sans-nom", "model": {"params_b": 123}}
    findings = run_rules(manifest_with(said_no, unnamed), codes=["SOB004"])
    assert summary(findings) == [
        ("SOB004", "/uses/0/sobriety/smaller_model_evaluated"),
        ("SOB004", "/uses/1/model"),
    ]
    assert "runs `123 B`, a `large` model" in findings[1].message


def test_smaller_model_silent_cases():
    evaluated = {**CONTRACTS, "sobriety": {"smaller_model_evaluated": True}}
    pilot = {**CONTRACTS, "id": "essai", "status": "pilot"}
    medium = {**CONTRACTS, "id": "moyen", "model": {"name": "mistral-small-3.1"}}
    unknown = {**CONTRACTS, "id": "inconnu", "model": {"name": "modele-maison-v2"}}
    manifest = manifest_with(evaluated, pilot, medium, unknown)
    assert run_rules(manifest, codes=["SOB004"]) == []
    configured = Policy(models={"gpt-4o": {"tier": "medium"}})
    assert run_rules(manifest_with(CONTRACTS), policy=configured, codes=["SOB004"]) == []


POSITIONS = """
version: 1
charter: private
organisation:
  name: Exemple SAS
uses:
  - id: contrats
    name: Analyse des contrats
    status: production
    owner:
      accountable: Direction juridique
    purpose:
      need: Relever les clauses des contrats.
    tool:
      name: Azure OpenAI
    model:
      name: gpt-4o
    task: classification
    data:
      personal: false
  - id: tri
    name: Tri des courriels
    status: production
    owner:
      accountable: Service client
    purpose:
      need: Router les courriels.
    tool:
      name: Azure OpenAI
    model:
      name: o3
    task: classification
    data:
      personal: false
    sobriety:
      smaller_model_evaluated: true
      calls_per_month: 300000
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code in ("SOB001", "SOB003", "SOB004")]
    assert sorted(brief(findings)) == [
        ("SOB001", 30, 13),
        ("SOB003", 36, 24),
        ("SOB004", 16, 13),
    ]
