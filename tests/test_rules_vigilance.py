"""VIG001 pre-project-assessment-missing."""

from __future__ import annotations

import pytest
from rule_harness import manifest_with, run_rules, smallest, summary

CHATBOT = {
    "id": "chatbot-mairie",
    "name": "Assistant en ligne de la mairie",
    "status": "pilot",
    "purpose": {
        "need": "Answer residents' frequent questions at any hour.",
        "beneficiaries": ["residents"],
    },
    "task": "rag_qa",
    "audience": ["public"],
}
PRE_PROJECT = {
    "date": "2026-03-10",
    "opportunities": "Réponses en dehors des heures d'ouverture.",
    "risks": "Réponses erronées sur l'état civil.",
    "impact": "L'accueil garde les demandes complexes.",
}


def test_public_project_without_pre_project_assessment():
    manifest = manifest_with(CHATBOT, charter="public")
    findings = run_rules(manifest, codes=["VIG001"])
    assert summary(findings) == [("VIG001", "/uses/0")]
    assert findings[0].severity == "warning"
    assert findings[0].charter == "S9"
    assert findings[0].message == (
        "use `chatbot-mairie` (`status: pilot`) has no `assessments.pre_project`: record the "
        "assessment of its opportunities, risks and real impact on the public service"
    )
    french = run_rules(manifest, lang="fr", codes=["VIG001"])
    assert french[0].message == (
        "l'usage `chatbot-mairie` (`status: pilot`) n'a pas d'`assessments.pre_project` : "
        "consigner l'évaluation de ses opportunités, de ses risques et de son impact réel pour "
        "le service public"
    )


def test_pointer_is_the_assessments_mapping_when_it_exists():
    use = {**CHATBOT, "assessments": {"dpia": {"status": "not_required"}}}
    assert summary(run_rules(manifest_with(use, charter="public"), codes=["VIG001"])) == [
        ("VIG001", "/uses/0/assessments")
    ]


@pytest.mark.parametrize(
    "facts",
    [
        {"audience": ["clients"]},
        {"purpose": {"need": "Help residents.", "beneficiaries": ["users"]}},
        {"data": {"personal": True, "legal_basis": "public_task"}},
        {"data": {"personal": False, "special": ["health"]}},
        {"decision": {"affects_individuals": True, "automation": "assist"}},
        {"interaction": {"published": True}},
    ],
)
def test_each_fact_that_reaches_people(facts):
    internal = {
        "id": "interne",
        "status": "design",
        "audience": ["staff"],
        "purpose": {"need": "Help agents.", "beneficiaries": ["agents"]},
    }
    manifest = manifest_with({**internal, **facts}, charter="public")
    assert summary(run_rules(manifest, codes=["VIG001"])) == [("VIG001", "/uses/0")]


def test_silent_cases():
    assessed = {**CHATBOT, "assessments": {"pre_project": PRE_PROJECT}}
    idea = {**CHATBOT, "id": "idee", "status": "idea"}
    retired = {**CHATBOT, "id": "ancien", "status": "retired"}
    manifest = manifest_with(assessed, idea, retired, charter="public")
    assert run_rules(manifest, codes=["VIG001"]) == []
    # A low-risk internal tool (the smallest manifest) is left to the organisation's judgement.
    assert run_rules(smallest(charter="public"), codes=["VIG001"]) == []
    # The rule belongs to the public charter only.
    assert run_rules(manifest_with(CHATBOT), codes=["VIG001"]) == []


@pytest.mark.parametrize(
    "use",
    [
        {**CHATBOT, "assessments": "done"},
        {**CHATBOT, "assessments": {"pre_project": "yes"}},
        {**CHATBOT, "audience": "public", "purpose": "x", "data": 3, "decision": []},
        {**CHATBOT, "status": {"pilot": True}},
        {**CHATBOT, "interaction": {"published": "true"}, "audience": None},
    ],
)
def test_wrong_types_do_not_raise(use):
    run_rules(manifest_with(use, charter="public"), codes=["VIG001"])
