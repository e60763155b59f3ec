"""HUM001 decision-without-human."""

from __future__ import annotations

import pytest
from rule_harness import manifest_with, run_rules, smallest, summary

SCORING = {
    "id": "score-credit",
    "name": "Score d'octroi des crédits à la consommation",
    "purpose": {"need": "Decide on small consumer loans within the hour."},
    "task": "decision_support",
    "domain": ["credit"],
    "capabilities": ["scoring"],
    "data": {"personal": True, "legal_basis": "contract", "classification": "confidential"},
    "decision": {"affects_individuals": True, "automation": "full", "significant_effect": True},
}

AID = {
    "id": "tri-aides",
    "name": "Pré-instruction des demandes d'aide au transport scolaire",
    "purpose": {"need": "Process the 3,000 yearly school-transport aid requests before term."},
    "task": "decision_support",
    "domain": ["public_benefits"],
    "data": {"personal": True, "legal_basis": "public_task"},
    "decision": {"affects_individuals": True, "automation": "full", "administrative": True},
}


def test_private_full_automation_with_significant_effect():
    findings = run_rules(manifest_with(SCORING), codes=["HUM001"])
    assert summary(findings) == [("HUM001", "/uses/0/decision/automation")]
    assert findings[0].severity == "error"
    assert findings[0].charter == "P4"
    assert findings[0].message == (
        "use `score-credit` lets the AI decide alone (`decision.automation: full`) about people, "
        "with a significant effect on them: important decisions stay human; set "
        "`decision.automation` to `assist` or `partial` and name an `oversight.reviewer`"
    )
    french = run_rules(manifest_with(SCORING), lang="fr", codes=["HUM001"])
    assert french[0].message == (
        "l'usage `score-credit` laisse l'IA décider seule (`decision.automation: full`) à propos "
        "de personnes, avec un effet important pour elles : les décisions importantes restent "
        "humaines ; passer `decision.automation` à `assist` ou `partial` et désigner un "
        "`oversight.reviewer`"
    )


def test_public_full_automation_always():
    manifest = manifest_with(AID, charter="public")
    findings = run_rules(manifest, codes=["HUM001"])
    assert summary(findings) == [("HUM001", "/uses/0/decision/automation")]
    assert findings[0].charter == "S5"
    assert findings[0].message == (
        "use `tri-aides` lets the AI decide alone (`decision.automation: full`) about people: in "
        "the public service the AI helps decide, it never decides alone; set "
        "`decision.automation` to `assist` or `partial` and name an `oversight.reviewer`"
    )
    french = run_rules(manifest, lang="fr", codes=["HUM001"])
    assert french[0].message == (
        "l'usage `tri-aides` laisse l'IA décider seule (`decision.automation: full`) à propos de "
        "personnes : dans le service public, l'IA aide à décider, elle ne décide jamais seule ; "
        "passer `decision.automation` à `assist` ou `partial` et désigner un `oversight.reviewer`"
    )


def test_private_without_significant_effect_is_silent():
    minor = {
        **SCORING,
        "decision": {
            "affects_individuals": True,
            "automation": "full",
            "significant_effect": False,
        },
    }
    unknown = {
        **SCORING,
        "id": "routage",
        "decision": {"affects_individuals": True, "automation": "full"},
    }
    assert run_rules(manifest_with(minor, unknown), codes=["HUM001"]) == []
    # ... but the same facts under the public charter are reported.
    public = run_rules(manifest_with(minor, unknown, charter="public"), codes=["HUM001"])
    assert summary(public) == [
        ("HUM001", "/uses/0/decision/automation"),
        ("HUM001", "/uses/1/decision/automation"),
    ]


@pytest.mark.parametrize("automation", ["none", "assist", "partial"])
def test_a_human_in_the_loop_is_silent(automation):
    decision = {**SCORING["decision"], "automation": automation}
    for charter in ("private", "public"):
        manifest = manifest_with({**SCORING, "decision": decision}, charter=charter)
        assert run_rules(manifest, codes=["HUM001"]) == []


def test_no_individuals_is_silent():
    batch = {**AID, "decision": {"affects_individuals": False, "automation": "full"}}
    assert run_rules(manifest_with(batch, charter="public"), codes=["HUM001"]) == []
    assert run_rules(smallest(charter="public"), codes=["HUM001"]) == []


@pytest.mark.parametrize(
    "decision",
    [
        "full",
        ["full"],
        {"affects_individuals": "true", "automation": "full"},
        {"affects_individuals": True, "automation": ["full"], "significant_effect": "yes"},
        None,
    ],
)
def test_wrong_types_do_not_raise_nor_fire(decision):
    for charter in ("private", "public"):
        manifest = manifest_with({**SCORING, "decision": decision}, charter=charter)
        assert run_rules(manifest, codes=["HUM001"]) == []
