"""SEC001 review-overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from rule_harness import manifest_with, run_rules, smallest, summary

from charte_lint.api import Policy

STALE = {
    "id": "traduction",
    "name": "Traduction des fiches produit",
    "review": {"last": "2024-06-15", "every": "P1Y"},
}


def test_overdue_review():
    findings = run_rules(manifest_with(STALE), codes=["SEC001"])
    assert summary(findings) == [("SEC001", "/uses/0/review/last")]
    assert findings[0].severity == "warning"
    assert findings[0].charter == "P8"
    assert findings[0].message == (
        "use `traduction` was last reviewed on 2024-06-15 and was due for review on 2025-06-15 "
        "(every `P1Y`): review the use and update `review.last`"
    )
    french = run_rules(manifest_with(STALE, charter="public"), lang="fr", codes=["SEC001"])
    assert french[0].charter == "S9"
    assert french[0].message == (
        "l'usage `traduction` a été revu pour la dernière fois le 2024-06-15 et devait l'être de "
        "nouveau le 2025-06-15 (périodicité `P1Y`) : revoir l'usage et mettre à jour "
        "`review.last`"
    )


def test_cadence_of_the_use_then_of_the_configuration():
    use = {"review": {"last": "2026-04-01", "every": "P6M"}}
    findings = run_rules(manifest_with(use), codes=["SEC001"])
    assert "was due for review on 2026-09-30 (every `P6M`)" in findings[0].message
    default = {"review": {"last": "2026-04-01"}}
    assert run_rules(manifest_with(default), codes=["SEC001"]) == []  # P1Y by default
    quarterly = Policy(review_every="P3M")
    findings = run_rules(manifest_with(default), policy=quarterly, codes=["SEC001"])
    assert "was due for review on 2026-07-01 (every `P3M`)" in findings[0].message


def test_due_today_is_not_overdue():
    use = {"review": {"last": "2025-11-29", "every": "P1Y"}}
    assert run_rules(manifest_with(use), codes=["SEC001"]) == []
    later = run_rules(manifest_with(use), today=dt.date(2026, 11, 30), codes=["SEC001"])
    assert summary(later) == [("SEC001", "/uses/0/review/last")]


def test_silent_cases():
    retired = {**STALE, "status": "retired"}
    no_review = {"id": "jamais", "review": None}
    manifest = manifest_with(retired, no_review)
    del manifest["uses"][1]["review"]
    assert run_rules(manifest, codes=["SEC001"]) == []
    assert run_rules(smallest(), codes=["SEC001"]) == []
    assert run_rules(smallest(charter="public"), codes=["SEC001"]) == []


@pytest.mark.parametrize(
    "review",
    [
        "2024-01-01",
        ["2024-01-01"],
        {"last": 2024},
        {"last": "01/06/2024"},
        {"last": "2024-13-45"},
        {"last": "2024-01-01", "every": "yearly"},
        {"last": "2024-01-01", "every": 365},
        {"last": "9999-12-01", "every": "P1Y"},
        {"last": "2024-01-01", "every": "P999999999Y"},
        {"last": None},
    ],
)
def test_wrong_values_do_not_raise(review):
    run_rules(manifest_with({"review": review}), codes=["SEC001"])
    run_rules(
        manifest_with({"review": review}), policy=Policy(review_every="soon"), codes=["SEC001"]
    )


def test_invalid_cadence_falls_back_to_the_configuration():
    use = {"review": {"last": "2024-01-01", "every": "yearly"}}
    findings = run_rules(manifest_with(use), codes=["SEC001"])
    assert "(every `P1Y`)" in findings[0].message
    assert (
        run_rules(manifest_with(use), policy=Policy(review_every="never"), codes=["SEC001"]) == []
    )
