"""INC001 public-service-without-accessibility, INC002 decision-without-bias-testing,
INC003 public-service-without-alternative, INC004 vulnerable-people-without-groups."""

from __future__ import annotations

import pytest
from conftest import brief, lint
from rule_harness import manifest_with, run_rules, smallest, summary

CHATBOT = {
    "id": "chatbot-mairie",
    "name": "Assistant en ligne de la mairie",
    "status": "production",
    "purpose": {
        "need": "Answer residents' frequent questions at any hour.",
        "beneficiaries": ["residents"],
    },
    "task": "rag_qa",
    "capabilities": ["chatbot"],
    "audience": ["public"],
    "interaction": {"disclosure": "Vous échangez avec un assistant automatisé."},
}
ACCESSIBILITY = {
    "accessibility": {
        "standard": "RGAA",
        "status": "partial",
        "statement": "https://www.ville-exemple.fr/accessibilite",
    },
    "alternative": "Accueil de la mairie et 05 00 00 00 00, du lundi au samedi.",
}

SHORTLIST = {
    "id": "preselection-cv",
    "name": "Aide au tri des candidatures",
    "purpose": {"need": "Read the 2,000 yearly applications to the apprenticeship programme."},
    "task": "classification",
    "domain": ["employment"],
    "data": {"personal": True, "legal_basis": "legitimate_interests", "subjects": ["candidates"]},
    "decision": {"affects_individuals": True, "automation": "assist"},
}


# INC001 -----------------------------------------------------------------------------------


def test_public_facing_service_without_accessibility():
    manifest = manifest_with(CHATBOT, charter="public")
    findings = run_rules(manifest, codes=["INC001"])
    assert summary(findings) == [("INC001", "/uses/0")]
    assert findings[0].severity == "warning"
    assert findings[0].charter == "S4"
    assert findings[0].message == (
        "use `chatbot-mairie` serves the public (`audience: public`, `status: production`) "
        "without `inclusion.accessibility`: declare its conformance status against RGAA and the "
        "address of its accessibility statement"
    )
    french = run_rules(manifest, lang="fr", codes=["INC001"])
    assert french[0].message == (
        "l'usage `chatbot-mairie` s'adresse au public (`audience: public`, `status: production`) "
        "sans `inclusion.accessibility` : déclarer son état de conformité (référentiel : RGAA) "
        "et l'adresse de sa déclaration d'accessibilité"
    )


def test_pointer_is_the_inclusion_mapping_when_it_exists():
    use = {**CHATBOT, "status": "pilot", "inclusion": {"alternative": "Accueil physique."}}
    assert summary(run_rules(manifest_with(use, charter="public"), codes=["INC001"])) == [
        ("INC001", "/uses/0/inclusion")
    ]


def test_inc001_silent_cases():
    accessible = {**CHATBOT, "inclusion": ACCESSIBILITY}
    designing = {**CHATBOT, "id": "projet", "status": "design"}
    staff = {**CHATBOT, "id": "interne", "audience": ["staff"]}
    clients = {**CHATBOT, "id": "clients", "audience": ["clients"]}
    manifest = manifest_with(accessible, designing, staff, clients, charter="public")
    assert run_rules(manifest, codes=["INC001"]) == []
    # The rule belongs to the public charter only.
    assert run_rules(manifest_with(CHATBOT), codes=["INC001"]) == []


# INC002 -----------------------------------------------------------------------------------


def test_decision_about_people_without_bias_testing():
    manifest = manifest_with(SHORTLIST)
    findings = run_rules(manifest, codes=["INC002"])
    assert summary(findings) == [("INC002", "/uses/0")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `preselection-cv` informs decisions about people (`decision.affects_individuals: "
        "true`) without `inclusion.bias_testing`: test its outputs for discrimination and record "
        "the date, method and result"
    )
    french = run_rules(manifest_with(SHORTLIST, charter="public"), lang="fr", codes=["INC002"])
    assert french[0].charter == "S4"
    assert french[0].message == (
        "l'usage `preselection-cv` sert à des décisions sur des personnes "
        "(`decision.affects_individuals: true`) sans `inclusion.bias_testing` : tester ses "
        "résultats pour détecter les discriminations et en consigner la date, la méthode et le "
        "résultat"
    )


def test_bias_testing_pointer_and_silence():
    groups_only = {**SHORTLIST, "inclusion": {"groups": ["women"], "bias_testing": {}}}
    assert summary(run_rules(manifest_with(groups_only), codes=["INC002"])) == [
        ("INC002", "/uses/0/inclusion/bias_testing")
    ]
    tested = {
        **SHORTLIST,
        "inclusion": {
            "bias_testing": {
                "date": "2026-09-15",
                "method": "Selection rates by sex.",
                "result": "No gap above 5 points.",
            }
        },
    }
    assert run_rules(manifest_with(tested), codes=["INC002"]) == []
    assert run_rules(smallest(), codes=["INC002"]) == []


@pytest.mark.parametrize(
    "use",
    [
        {**CHATBOT, "audience": "public"},
        {**CHATBOT, "status": ["production"], "inclusion": "RGAA"},
        {**CHATBOT, "audience": [{"public": True}], "inclusion": {"accessibility": None}},
        {**SHORTLIST, "inclusion": ["bias"]},
        {**SHORTLIST, "decision": "yes"},
    ],
)
def test_wrong_types_do_not_raise(use):
    for charter in ("private", "public"):
        run_rules(manifest_with(use, charter=charter), codes=["INC001", "INC002"])


# INC003 public-service-without-alternative ------------------------------------------------


def test_public_service_without_alternative():
    findings = run_rules(manifest_with(CHATBOT, charter="public"), codes=["INC003"])
    assert [f.code for f in findings] == ["INC003"]
    assert findings[0].message == (
        "use `chatbot-mairie` (`status: production`) serves the public and has no "
        "`inclusion.alternative`: name the human or non-digital channel people can use instead"
    )
    french = run_rules(manifest_with(CHATBOT, charter="public"), lang="fr", codes=["INC003"])
    assert french[0].message == (
        "l'usage `chatbot-mairie` (`status: production`) s'adresse au public et n'a pas "
        "d'`inclusion.alternative` : indiquer le canal humain ou non numérique que les "
        "personnes peuvent utiliser à la place"
    )


def test_alternative_silent_cases():
    offered = {**CHATBOT, "inclusion": {"alternative": "Reception desk, Monday to Saturday."}}
    internal = {**CHATBOT, "id": "interne", "audience": ["staff"]}
    design = {**CHATBOT, "id": "projet", "status": "design"}
    assert (
        run_rules(manifest_with(offered, internal, design, charter="public"), codes=["INC003"])
        == []
    )
    assert run_rules(manifest_with(CHATBOT), codes=["INC003"]) == []  # public charter only


# INC004 vulnerable-people-without-groups --------------------------------------------------

AID = {
    "id": "aide-cantine",
    "name": "Instruction de l'aide à la cantine",
    "status": "pilot",
    "data": {"personal": True, "subjects": ["public", "minors"], "legal_basis": "public_task"},
    "decision": {"affects_individuals": True, "automation": "assist"},
}


def test_decision_on_minors_without_groups():
    findings = run_rules(manifest_with(AID, charter="public"), codes=["INC004"])
    assert summary(findings) == [("INC004", "/uses/0")]
    assert findings[0].message == (
        "use `aide-cantine` is used in decisions about people and involves `minors`, but has no "
        "`inclusion.groups`: name the groups that could be excluded or treated unfairly"
    )
    french = run_rules(manifest_with(AID), lang="fr", codes=["INC004"])
    assert french[0].charter == "P5"
    assert french[0].message == (
        "l'usage `aide-cantine` sert à des décisions sur des personnes et concerne `minors`, "
        "mais n'a pas d'`inclusion.groups` : nommer les groupes qui pourraient être exclus ou "
        "traités inéquitablement"
    )
    health = {
        **AID,
        "data": {"personal": True, "special": ["health"], "subjects": ["patients"]},
        "inclusion": {"bias_testing": {"date": "2026-01-01"}},
    }
    findings = run_rules(manifest_with(health), codes=["INC004"])
    assert summary(findings) == [("INC004", "/uses/0/inclusion")]
    assert "involves `patients`, `health`, but" in findings[0].message


def test_groups_silent_cases():
    named = {**AID, "inclusion": {"groups": ["single-parent families"]}}
    adults = {**AID, "id": "adultes", "data": {"personal": True, "subjects": ["public"]}}
    no_decision = {**AID, "id": "info", "decision": {"affects_individuals": False}}
    retired = {**AID, "id": "ancien", "status": "retired"}
    manifest = manifest_with(named, adults, no_decision, retired)
    assert run_rules(manifest, codes=["INC004"]) == []


POSITIONS = """
version: 1
charter: public
organisation:
  name: Ville d'Exemple
uses:
  - id: aide-cantine
    name: Aide à la cantine
    status: pilot
    owner:
      accountable: DGS
    purpose:
      need: Instruire les demandes d'aide.
    tool:
      name: Outil
    audience: [public]
    data:
      personal: true
      subjects: [minors]
    decision:
      affects_individuals: true
    inclusion:
      accessibility:
        standard: RGAA
        status: partial
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code in ("INC003", "INC004")]
    assert sorted(brief(findings)) == [("INC003", 21, 5), ("INC004", 21, 5)]
