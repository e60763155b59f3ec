"""SEC001 review-overdue, SEC002 saas-without-exit-plan, SEC003 risks-not-handled."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SMALLEST, brief, lint
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


def test_a_review_in_the_future_is_a_finding():
    use = {"id": "traduction", "review": {"last": "2027-11-01", "every": "P1Y"}}
    findings = run_rules(manifest_with(use), codes=["SEC001"])
    assert summary(findings) == [("SEC001", "/uses/0/review/last")]
    assert (findings[0].severity, findings[0].message) == (
        "warning",
        "use `traduction` declares `review.last: 2027-11-01`, a date in the future (today is "
        "2026-11-29): set `review.last` to the date of the last review that took place",
    )
    french = run_rules(manifest_with(use), lang="fr", codes=["SEC001"])
    assert french[0].message == (
        "l'usage `traduction` déclare `review.last: 2027-11-01`, une date future (nous sommes le "
        "2026-11-29) : indiquer dans `review.last` la date de la dernière revue effectivement "
        "tenue"
    )
    today = {"review": {"last": "2026-11-29"}}
    assert run_rules(manifest_with(today), codes=["SEC001"]) == []  # today is not the future
    (tomorrow,) = lint(SMALLEST.replace("last: 2026-10-01", "last: 2026-11-30"))
    assert (tomorrow.code, tomorrow.line, tomorrow.column, tomorrow.end_column) == (
        "SEC001",
        29,
        13,
        23,
    )


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


# SEC002 saas-without-exit-plan ------------------------------------------------------------

SAAS = {
    "id": "recherche-procedures",
    "name": "Recherche dans les procédures internes",
    "status": "production",
    "tool": {"name": "Microsoft 365 Copilot", "hosting": "saas", "region": "EU"},
}


def test_production_saas_without_exit_plan():
    findings = run_rules(manifest_with(SAAS), codes=["SEC002"])
    assert summary(findings) == [("SEC002", "/uses/0/tool")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `recherche-procedures` runs in production on `Microsoft 365 Copilot`, a SaaS tool, "
        "with no `tool.exit_plan`: say how the work would go on if the tool stopped or changed "
        "its terms"
    )
    french = run_rules(manifest_with(SAAS, charter="public"), lang="fr", codes=["SEC002"])
    assert french[0].message == (
        "l'usage `recherche-procedures` est en production sur `Microsoft 365 Copilot`, un outil "
        "SaaS, sans `tool.exit_plan` : dire comment le travail continuerait si l'outil "
        "s'arrêtait ou changeait ses conditions"
    )
    blank = {**SAAS, "tool": {**SAAS["tool"], "exit_plan": " "}}
    assert summary(run_rules(manifest_with(blank), codes=["SEC002"])) == [
        ("SEC002", "/uses/0/tool/exit_plan")
    ]


def test_exit_plan_silent_cases():
    planned = {**SAAS, "tool": {**SAAS["tool"], "exit_plan": "Procedures stay on SharePoint."}}
    pilot = {**SAAS, "id": "essai", "status": "pilot"}
    self_hosted = {**SAAS, "id": "local", "tool": {"name": "Whisper", "hosting": "self_hosted"}}
    undeclared = {**SAAS, "id": "inconnu", "tool": {"name": "Outil"}}
    manifest = manifest_with(planned, pilot, self_hosted, undeclared)
    assert run_rules(manifest, codes=["SEC002"]) == []
    assert run_rules(smallest(), codes=["SEC002"]) == []


# SEC003 risks-not-handled -----------------------------------------------------------------

ORIENTATION = {
    "id": "orientation-demandeurs",
    "name": "Aide à l'orientation des demandeurs de logement",
    "status": "pilot",
    "data": {"personal": True, "legal_basis": "public_task"},
    "decision": {"affects_individuals": True, "automation": "assist"},
}


def test_decision_use_without_risks():
    findings = run_rules(manifest_with(ORIENTATION), codes=["SEC003"])
    assert summary(findings) == [("SEC003", "/uses/0")]
    assert findings[0].message == (
        "use `orientation-demandeurs` is used in decisions about people and lists no `risks`: "
        "name its risks (errors, bias, data leaks, dependency...) and how each is mitigated"
    )
    french = run_rules(manifest_with(ORIENTATION), lang="fr", codes=["SEC003"])
    assert french[0].message == (
        "l'usage `orientation-demandeurs` est utilisé pour des décisions sur des personnes et "
        "ne liste aucun risque (`risks`) : nommer ses risques (erreurs, biais, fuites de "
        "données, dépendance...) et la parade à chacun"
    )


def test_high_risk_use_with_an_unmitigated_risk():
    use = {
        **ORIENTATION,
        "decision": {"affects_individuals": False},
        "ai_act": {"category": "high", "annex_iii": "5a"},
        "risks": [
            {"risk": "hallucination", "mitigation": "Sources cited.", "owner": "Lead"},
            {"risk": "bias", "owner": "Lead"},
        ],
    }
    findings = run_rules(manifest_with(use), codes=["SEC003"])
    assert summary(findings) == [("SEC003", "/uses/0/risks/1")]
    assert findings[0].message == (
        "use `orientation-demandeurs` is a high-risk system and gives no `mitigation` for its "
        "risk `bias`: say how the risk is reduced or watched"
    )


def test_risks_silent_cases():
    handled = {
        **ORIENTATION,
        "risks": [{"risk": "bias", "mitigation": "Quarterly check by district.", "owner": "Lead"}],
    }
    idea = {**ORIENTATION, "id": "idee", "status": "idea"}
    internal = {**ORIENTATION, "id": "interne", "decision": {"affects_individuals": False}}
    manifest = manifest_with(handled, idea, internal)
    assert run_rules(manifest, codes=["SEC003"]) == []


POSITIONS = """
version: 1
charter: private
organisation:
  name: Exemple SAS
uses:
  - id: recherche
    name: Recherche
    status: production
    owner:
      accountable: DSI
    purpose:
      need: Trouver les procédures.
    tool:
      name: Microsoft 365 Copilot
      hosting: saas
    data:
      personal: false
  - id: orientation
    name: Orientation
    status: pilot
    owner:
      accountable: DSI
    purpose:
      need: Orienter les demandes.
    tool:
      name: Outil
    data:
      personal: false
    decision:
      affects_individuals: true
    risks:
      - risk: bias
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code in ("SEC002", "SEC003")]
    assert brief(findings) == [("SEC002", 13, 5), ("SEC003", 32, 9)]
