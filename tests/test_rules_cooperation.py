"""COO001 retired-without-lessons, COO002 production-use-not-shared."""

from __future__ import annotations

import pytest
from conftest import brief, lint
from rule_harness import manifest_with, run_rules, smallest, summary

RETIRED = {"id": "tri-courriels", "name": "Tri automatique des courriels", "status": "retired"}


def test_retired_use_without_lessons():
    findings = run_rules(manifest_with(RETIRED), codes=["COO001"])
    assert summary(findings) == [("COO001", "/uses/0")]
    assert findings[0].severity == "info"
    assert findings[0].charter == "P9"
    assert findings[0].message == (
        "use `tri-courriels` is retired without `cooperation.lessons`: record what was learned, "
        "so that other teams and organisations can benefit from it"
    )
    french = run_rules(manifest_with(RETIRED, charter="public"), lang="fr", codes=["COO001"])
    assert french[0].charter == "S8"
    assert french[0].message == (
        "l'usage `tri-courriels` est arrêté sans `cooperation.lessons` : consigner les "
        "enseignements tirés, pour que d'autres équipes et organisations en profitent"
    )


def test_pointer_is_the_cooperation_mapping_when_it_exists():
    use = {**RETIRED, "cooperation": {"shared_in": ["communauté IA interne"], "lessons": ""}}
    assert summary(run_rules(manifest_with(use), codes=["COO001"])) == [
        ("COO001", "/uses/0/cooperation/lessons")
    ]
    use = {**RETIRED, "cooperation": {"shared_in": ["communauté IA interne"]}}
    assert summary(run_rules(manifest_with(use), codes=["COO001"])) == [
        ("COO001", "/uses/0/cooperation")
    ]


def test_silent_cases():
    documented = {**RETIRED, "cooperation": {"lessons": "https://wiki.exemple.fr/ia/tri"}}
    assert run_rules(manifest_with(documented), codes=["COO001"]) == []
    assert run_rules(smallest(), codes=["COO001"]) == []


@pytest.mark.parametrize("cooperation", ["none", ["lessons"], {"lessons": 3}, None])
def test_wrong_types_do_not_raise(cooperation):
    run_rules(manifest_with({**RETIRED, "cooperation": cooperation}), codes=["COO001"])
    run_rules(manifest_with({**RETIRED, "status": ["retired"]}), codes=["COO001"])


# COO002 production-use-not-shared ---------------------------------------------------------

SHOP_ASSISTANT = {
    "id": "assistant-boutique",
    "name": "Assistant de la boutique en ligne",
    "status": "production",
    "audience": ["clients"],
}


def test_production_use_reaching_clients_not_shared():
    findings = run_rules(manifest_with(SHOP_ASSISTANT), codes=["COO002"])
    assert summary(findings) == [("COO002", "/uses/0")]
    assert findings[0].severity == "info"
    assert findings[0].message == (
        "use `assistant-boutique` is in production for clients, the public or decisions about "
        "people, with neither `cooperation.shared_in` nor `cooperation.lessons`: say where its "
        "practice is shared"
    )
    french = run_rules(manifest_with(SHOP_ASSISTANT, charter="public"), lang="fr", codes=["COO002"])
    assert french[0].charter == "S8"
    assert french[0].message == (
        "l'usage `assistant-boutique` est en production pour des clients, le public ou des "
        "décisions sur des personnes, sans `cooperation.shared_in` ni `cooperation.lessons` : "
        "dire où sa pratique est partagée"
    )
    empty = {**SHOP_ASSISTANT, "cooperation": {"shared_in": []}}
    assert summary(run_rules(manifest_with(empty), codes=["COO002"])) == [
        ("COO002", "/uses/0/cooperation/shared_in")
    ]


def test_shared_silent_cases():
    shared = {**SHOP_ASSISTANT, "cooperation": {"shared_in": ["communauté IA interne"]}}
    lessons = {**SHOP_ASSISTANT, "id": "retex", "cooperation": {"lessons": "https://wiki/x"}}
    pilot = {**SHOP_ASSISTANT, "id": "essai", "status": "pilot"}
    internal = {**SHOP_ASSISTANT, "id": "interne", "audience": ["staff"]}
    manifest = manifest_with(shared, lessons, pilot, internal)
    assert run_rules(manifest, codes=["COO002"]) == []
    assert run_rules(smallest(charter="public"), codes=["COO002"]) == []


def test_positions():
    text = """
    version: 1
    charter: private
    organisation:
      name: Exemple SAS
    uses:
      - id: assistant-boutique
        name: Assistant de la boutique
        status: production
        owner:
          accountable: Direction commerciale
        purpose:
          need: Répondre aux clients.
        tool:
          name: Outil
        audience: [clients]
        data:
          personal: false
    """
    findings = [f for f in lint(text) if f.code == "COO002"]
    assert brief(findings) == [("COO002", 6, 5)]
