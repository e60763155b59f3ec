"""COO001 retired-without-lessons."""

from __future__ import annotations

import pytest
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
