"""WRK001 headcount-reduction, WRK002 high-risk-workers-not-informed, WRK003 staff-not-informed."""

from __future__ import annotations

import pytest
from conftest import brief, lint
from rule_harness import manifest_with, run_rules, smallest, summary

CUTS = {
    "id": "standard-telephonique",
    "name": "Standard téléphonique automatisé",
    "work": {"impact": "headcount_reduction", "tasks": ["answering the switchboard"]},
}


def test_headcount_reduction():
    findings = run_rules(manifest_with(CUTS), codes=["WRK001"])
    assert summary(findings) == [("WRK001", "/uses/0/work/impact")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `standard-telephonique` declares `work.impact: headcount_reduction`: the charter "
        "allows AI to relieve repetitive tasks, not to replace staff"
    )
    french = run_rules(manifest_with(CUTS, charter="public"), lang="fr", codes=["WRK001"])
    assert french[0].charter == "S7"
    assert french[0].message == (
        "l'usage `standard-telephonique` déclare `work.impact: headcount_reduction` : la charte "
        "admet l'IA pour alléger les tâches répétitives, pas pour remplacer le personnel"
    )


@pytest.mark.parametrize("impact", ["none", "role_change", None])
def test_other_impacts_are_silent(impact):
    assert run_rules(manifest_with({**CUTS, "work": {"impact": impact}}), codes=["WRK001"]) == []
    assert run_rules(smallest(), codes=["WRK001"]) == []


@pytest.mark.parametrize("work", ["headcount_reduction", ["headcount_reduction"], 3, None])
def test_wrong_types_do_not_raise(work):
    assert run_rules(manifest_with({**CUTS, "work": work}), codes=["WRK001"]) == []


# WRK002 high-risk-workers-not-informed / WRK003 staff-not-informed -----------------------

EVALUATION = {
    "id": "evaluation-commerciaux",
    "name": "Évaluation des performances des commerciaux",
    "status": "pilot",
    "domain": ["employment"],
    "capabilities": ["scoring"],
    "data": {"personal": True, "subjects": ["staff"], "legal_basis": "legitimate_interests"},
    "decision": {"affects_individuals": True, "automation": "assist"},
    "ai_act": {"category": "high", "annex_iii": "4b"},
}
PLANNING = {
    "id": "plannings",
    "name": "Propositions de plannings d'équipe",
    "status": "production",
    "data": {"personal": True, "subjects": ["staff"], "legal_basis": "contract"},
}


def test_high_risk_system_on_staff_without_informing_them():
    findings = run_rules(manifest_with(EVALUATION), codes=["WRK002", "WRK003"])
    assert summary(findings) == [("WRK002", "/uses/0/work")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `evaluation-commerciaux` (`status: pilot`) is a high-risk AI system used at the "
        "workplace and has no `work.staff_informed`: inform the staff representatives and the "
        "workers concerned before using it (AI Act Art. 26(7))"
    )
    french = run_rules(manifest_with(EVALUATION), lang="fr", codes=["WRK002"])
    assert french[0].message == (
        "l'usage `evaluation-commerciaux` (`status: pilot`) est un système d'IA à haut risque "
        "utilisé sur le lieu de travail et n'a pas de `work.staff_informed` : informer les "
        "représentants du personnel et les travailleurs concernés avant de l'utiliser "
        "(art. 26, par. 7 du règlement sur l'IA)"
    )


def test_high_risk_by_facts_alone():
    use = {**EVALUATION, "ai_act": {"category": "minimal"}, "work": {"impact": "none"}}
    assert summary(run_rules(manifest_with(use), codes=["WRK002", "WRK003"])) == [
        ("WRK002", "/uses/0/work")
    ]


def test_use_on_staff_data_without_informing_them():
    findings = run_rules(manifest_with(PLANNING), codes=["WRK002", "WRK003"])
    assert summary(findings) == [("WRK003", "/uses/0/work")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `plannings` (`status: production`) concerns the staff and has no "
        "`work.staff_informed`: inform the staff representatives (CSE, CST...) and the people "
        "concerned, and record it"
    )
    french = run_rules(manifest_with(PLANNING, charter="public"), lang="fr", codes=["WRK003"])
    assert french[0].charter == "S7"
    assert french[0].message == (
        "l'usage `plannings` (`status: production`) concerne le personnel et n'a pas de "
        "`work.staff_informed` : informer les représentants du personnel (CSE, CST...) et les "
        "personnes concernées, et le consigner"
    )
    monitoring = {
        "id": "suivi-activite",
        "status": "pilot",
        "audience": ["staff"],
        "capabilities": ["monitoring"],
    }
    assert summary(run_rules(manifest_with(monitoring), codes=["WRK003"])) == [
        ("WRK003", "/uses/0/work")
    ]


def test_staff_informed_silent_cases():
    informed = {**EVALUATION, "work": {"staff_informed": {"date": "2026-02-03", "body": "CSE"}}}
    design = {**PLANNING, "id": "projet", "status": "design"}
    # Outside candidates are not yet workers: Art. 26(7) does not reach them.
    candidates = {
        **EVALUATION,
        "id": "tri-cv",
        "data": {"personal": True, "subjects": ["candidates"]},
        "ai_act": {"category": "high", "annex_iii": "4a"},
    }
    clients = {**PLANNING, "id": "clients", "data": {"personal": True, "subjects": ["clients"]}}
    manifest = manifest_with(informed, design, candidates, clients)
    assert run_rules(manifest, codes=["WRK002", "WRK003"]) == []
    assert run_rules(smallest(), codes=["WRK002", "WRK003"]) == []


POSITIONS = """
version: 1
charter: private
organisation:
  name: Exemple SAS
uses:
  - id: evaluation
    name: Évaluation
    status: pilot
    owner:
      accountable: DRH
    purpose:
      need: Évaluer les commerciaux.
    tool:
      name: Outil
    domain: [employment]
    data:
      personal: true
      subjects: [staff]
    ai_act:
      category: high
      annex_iii: 4b
  - id: plannings
    name: Plannings
    status: production
    owner:
      accountable: DRH
    purpose:
      need: Proposer les plannings.
    tool:
      name: Outil
    data:
      personal: true
      subjects: [staff]
    work:
      impact: none
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code in ("WRK002", "WRK003")]
    assert brief(findings) == [("WRK002", 6, 5), ("WRK003", 34, 5)]
