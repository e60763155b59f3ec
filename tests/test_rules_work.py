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


def _in(country, *uses, agents=120):
    manifest = manifest_with(*uses)
    manifest["organisation"] = {"name": "Exemple", "country": country, "agents": agents}
    return manifest


def test_high_risk_system_on_staff_without_informing_them():
    findings = run_rules(_in("DE", EVALUATION), codes=["WRK002", "WRK003"])
    assert summary(findings) == [("WRK002", "/uses/0/work")]
    assert findings[0].severity == "warning"  # AI Act art. 26(7): a pilot before 2027-12-02
    assert findings[0].message == (
        "use `evaluation-commerciaux` (`status: pilot`) is a high-risk AI system used at the "
        "workplace (`data.subjects: staff`) and has neither `work.staff_informed` nor "
        "`work.staff_consulted`: before it is put into service or used, inform the staff "
        "representatives and the workers who will be subject to it (AI Act, art. 26(7)) "
        "(legal duty only once its design changes significantly: AI Act, art. 111(2))"
    )
    french = run_rules(_in("DE", EVALUATION), lang="fr", codes=["WRK002"])
    assert french[0].message.startswith(  # the calendar's own note is the engine's to translate
        "l'usage `evaluation-commerciaux` (`status: pilot`) est un système d'IA à haut risque "
        "utilisé sur le lieu de travail (`data.subjects: staff`) et n'a ni "
        "`work.staff_informed` ni `work.staff_consulted` : avant sa mise en service ou son "
        "utilisation, informer les représentants du personnel et les travailleurs qui y seront "
        "soumis (règlement IA, art. 26, 7)"
    )


def test_high_risk_by_facts_alone():
    use = {**EVALUATION, "ai_act": {"category": "minimal"}, "work": {"impact": "none"}}
    assert summary(run_rules(_in("DE", use), codes=["WRK002", "WRK003"])) == [
        ("WRK002", "/uses/0/work")
    ]


def test_use_on_staff_data_without_consulting_the_cse():
    findings = run_rules(_in("FR", PLANNING), codes=["WRK002", "WRK003"])
    assert summary(findings) == [("WRK003", "/uses/0/work")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `plannings` (`status: production`) is a new technology in the staff's work "
        "(`data.subjects: staff`, `audience: staff`, `purpose.beneficiaries: staff`) and has no "
        "`work.staff_consulted`: the CSE (social and economic committee) must be informed and "
        "consulted before it is used, a pilot included (Code du travail, art. L2312-8)"
    )
    public = _in("FR", PLANNING)
    public["charter"] = "public"
    public["organisation"]["sector"] = "public_body"
    french = run_rules(public, lang="fr", codes=["WRK003"])
    assert french[0].charter == "S7"
    assert french[0].message == (
        "l'usage `plannings` (`status: production`) est une nouvelle technologie dans le "
        "travail du personnel (`data.subjects: staff`) et n'a pas de `work.staff_consulted` : "
        "le CST (comité social territorial, d'administration ou d'établissement) ou sa "
        "formation spécialisée doit être informé et consulté avant son utilisation, pilote "
        "compris (CGFP, art. L253-1 et s.)"
    )
    monitoring = {"id": "suivi-activite", "status": "pilot", "capabilities": ["monitoring"]}
    assert summary(run_rules(_in("FR", monitoring), codes=["WRK003"])) == [
        ("WRK003", "/uses/0/work")  # the staff use it: a new technology (audience: staff)
    ]


def test_staff_informed_silent_cases():
    informed = {**EVALUATION, "work": {"staff_informed": {"date": "2026-02-03", "body": "BR"}}}
    # Outside candidates are not yet workers: Art. 26(7) does not reach them.
    candidates = {
        **EVALUATION,
        "id": "tri-cv",
        "data": {"personal": True, "subjects": ["candidates"]},
        "ai_act": {"category": "high", "annex_iii": "4a"},
    }
    clients = {**PLANNING, "id": "clients", "data": {"personal": True, "subjects": ["clients"]}}
    retired = {**PLANNING, "id": "ancien", "status": "retired"}
    idea = {**PLANNING, "id": "idee", "status": "idea"}
    manifest = _in("DE", informed, candidates, clients, retired, idea)
    assert run_rules(manifest, codes=["WRK002", "WRK003"]) == []
    assert run_rules(smallest(), codes=["WRK002", "WRK003"]) == []
    # a design is told before the use starts
    design = {**PLANNING, "id": "projet", "status": "design"}
    assert summary(run_rules(_in("DE", design), codes=["WRK003"])) == [("WRK003", "/uses/0/work")]


POSITIONS = """
version: 1
charter: private
organisation:
  name: Exemple SAS
  agents: 120
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
    assert brief(findings) == [("WRK002", 7, 5), ("WRK003", 7, 5), ("WRK003", 35, 5)]
