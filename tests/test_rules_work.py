"""WRK001 headcount-reduction."""

from __future__ import annotations

import pytest
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
