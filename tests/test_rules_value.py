"""VAL001 need-placeholder, VAL002 beneficiaries-missing, VAL003 benefits-missing,
VAL004 no-public-beneficiary."""

from __future__ import annotations

import pytest
from conftest import brief, lint
from rule_harness import manifest_with, run_rules, smallest, summary


def _with_need(need, **use):
    return manifest_with({"purpose": {"need": need, "beneficiaries": ["staff"]}, **use})


def test_placeholder_need_is_an_error():
    findings = run_rules(_with_need("TBD"), codes=["VAL001"])
    assert summary(findings) == [("VAL001", "/uses/0/purpose/need")]
    assert findings[0].severity == "error"
    assert findings[0].use == "code-assistant"
    assert findings[0].message == (
        "use `code-assistant` gives a placeholder as `purpose.need` (`TBD`): describe the real "
        "need the use answers and who has it"
    )


def test_placeholder_message_in_french():
    findings = run_rules(_with_need("À définir."), lang="fr", codes=["VAL001"])
    assert findings[0].message == (
        "l'usage `code-assistant` donne un texte d'attente comme `purpose.need` (`À définir.`) : "
        "décrire le besoin réel auquel il répond et qui l'exprime"
    )


@pytest.mark.parametrize(
    "need",
    [
        "TBD",
        "todo",
        "ToDo:",
        "N/A",
        "n.a.",
        "-",
        "—",
        "...",
        "?",
        "XXX",
        "xxxx",
        "à définir",
        "A DEFINIR",
        "à compléter...",
        "à venir !",
        "  tbd  ",
        "TBC",
        "à préciser",
    ],
)
def test_placeholders_whatever_the_case_accents_and_punctuation(need):
    assert summary(run_rules(_with_need(need), codes=["VAL001"])) == [
        ("VAL001", "/uses/0/purpose/need")
    ]


def test_blank_need_has_its_own_message():
    findings = run_rules(_with_need("   "), codes=["VAL001"])
    assert [f.message for f in findings] == [
        "use `code-assistant` has an empty `purpose.need`: describe the real need the use "
        "answers and who has it"
    ]


def test_need_repeating_the_name():
    manifest = _with_need("code completion in the IDE.")
    findings = run_rules(manifest, codes=["VAL001"])
    assert summary(findings) == [("VAL001", "/uses/0/purpose/need")]
    assert findings[0].message == (
        "use `code-assistant` repeats its `name` as `purpose.need`: describe the real need the "
        "use answers, not the tool"
    )
    french = run_rules(manifest, lang="fr", codes=["VAL001"])
    assert french[0].message == (
        "l'usage `code-assistant` reprend son `name` comme `purpose.need` : décrire le besoin "
        "réel auquel il répond, pas l'outil"
    )


def test_real_needs_are_silent():
    assert run_rules(smallest(), codes=["VAL001"]) == []
    for need in (
        "Clear the TBD backlog: 400 unanswered support tickets a month.",
        "Translate n/a fields in legacy forms",
        "Les agents de l'accueil passent 30 % de leur temps à répondre aux mêmes questions.",
        "x",  # short but not a placeholder word
    ):
        assert run_rules(_with_need(need), codes=["VAL001"]) == [], need


def test_each_use_is_checked_on_its_own():
    manifest = manifest_with(
        {"id": "ok"}, {"id": "vague", "purpose": {"need": "TODO"}}, charter="public"
    )
    findings = run_rules(manifest, codes=["VAL001"])
    assert summary(findings) == [("VAL001", "/uses/1/purpose/need")]
    assert findings[0].use == "vague"


@pytest.mark.parametrize(
    "use",
    [
        {"purpose": "TBD"},
        {"purpose": {"need": 3}},
        {"purpose": {"need": None}},
        {"purpose": {"need": ["TBD"]}},
        {"name": 3, "purpose": {"need": "3"}},
        {"purpose": {"need": ""}},  # the schema reports it (minLength)
    ],
)
def test_wrong_types_do_not_raise(use):
    assert run_rules(manifest_with(use), codes=["VAL001"]) == []
    assert run_rules(smallest(uses=[3, "x", None]), codes=["VAL001"]) == []


# VAL002 beneficiaries-missing -------------------------------------------------------------

DRAFTS = {
    "id": "brouillons-reponses",
    "name": "Brouillons de réponses aux clients",
    "status": "production",
    "purpose": {"need": "Answer the 3,000 monthly e-mails about deliveries faster."},
}


def test_use_in_production_without_beneficiaries():
    findings = run_rules(manifest_with(DRAFTS), codes=["VAL002"])
    assert summary(findings) == [("VAL002", "/uses/0/purpose")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `brouillons-reponses` (`status: production`) has no `purpose.beneficiaries`: say "
        "who the use serves (`clients`, `staff`, `agents`, `residents`, `users`, `partners`)"
    )
    french = run_rules(manifest_with(DRAFTS, charter="public"), lang="fr", codes=["VAL002"])
    assert french[0].message == (
        "l'usage `brouillons-reponses` (`status: production`) n'a pas de "
        "`purpose.beneficiaries` : dire à qui l'usage profite (`clients`, `staff`, `agents`, "
        "`residents`, `users`, `partners`)"
    )


def test_beneficiaries_silent_cases():
    named = {**DRAFTS, "purpose": {**DRAFTS["purpose"], "beneficiaries": ["clients"]}}
    idea = {**DRAFTS, "id": "idee", "status": "idea"}
    assert run_rules(manifest_with(named, idea), codes=["VAL002"]) == []


# VAL003 benefits-missing ------------------------------------------------------------------

CHATBOT = {
    "id": "assistant-mairie",
    "name": "Assistant en ligne de la mairie",
    "status": "pilot",
    "audience": ["public"],
    "purpose": {
        "need": "Residents call the town hall with the same questions.",
        "beneficiaries": ["residents"],
    },
}


def test_public_facing_use_without_benefits():
    findings = run_rules(manifest_with(CHATBOT, charter="public"), codes=["VAL003"])
    assert summary(findings) == [("VAL003", "/uses/0/purpose")]
    assert findings[0].message == (
        "use `assistant-mairie` (`status: pilot`) reaches clients or the public, or weighs on "
        "decisions about people, and has no `purpose.benefits`: state the expected added "
        "value, measurable where possible"
    )
    french = run_rules(manifest_with(CHATBOT, charter="public"), lang="fr", codes=["VAL003"])
    assert french[0].message == (
        "l'usage `assistant-mairie` (`status: pilot`) touche des clients ou le public, ou pèse "
        "sur des décisions concernant des personnes, et n'a pas de `purpose.benefits` : "
        "énoncer la valeur ajoutée attendue, mesurable si possible"
    )


@pytest.mark.parametrize(
    "facts",
    [
        {"audience": ["clients"]},
        {"audience": ["staff"], "decision": {"affects_individuals": True}},
        {"audience": ["staff"], "ai_act": {"category": "high"}},
    ],
)
def test_each_fact_that_calls_for_benefits(facts):
    assert [f.code for f in run_rules(manifest_with({**CHATBOT, **facts}), codes=["VAL003"])] == [
        "VAL003"
    ]


def test_benefits_silent_cases():
    stated = {
        **CHATBOT,
        "purpose": {**CHATBOT["purpose"], "benefits": "Answers at any hour."},
    }
    design = {**CHATBOT, "id": "projet", "status": "design"}
    internal = {**CHATBOT, "id": "interne", "audience": ["staff"]}
    assert run_rules(manifest_with(stated, design, internal), codes=["VAL003"]) == []
    assert run_rules(smallest(), codes=["VAL003"]) == []


# VAL004 no-public-beneficiary -------------------------------------------------------------

EXPORT = {
    "id": "export-urbanisme",
    "name": "Mise au format des données d'urbanisme",
    "purpose": {
        "need": "The regional agency wants our permit data in its format.",
        "beneficiaries": ["partners"],
    },
}


def test_public_use_serving_only_partners():
    findings = run_rules(manifest_with(EXPORT, charter="public"), codes=["VAL004"])
    assert summary(findings) == [("VAL004", "/uses/0/purpose/beneficiaries")]
    assert findings[0].charter == "S1"
    assert findings[0].message == (
        "use `export-urbanisme` serves only `partners`: under the public charter, AI answers a "
        "need of residents or users, or eases agents' work; say which, in "
        "`purpose.beneficiaries`"
    )
    french = run_rules(manifest_with(EXPORT, charter="public"), lang="fr", codes=["VAL004"])
    assert french[0].message == (
        "l'usage `export-urbanisme` ne sert que `partners` : selon la charte publique, l'IA "
        "répond à un besoin des habitants ou des usagers, ou facilite le travail des agents ; "
        "dire lequel dans `purpose.beneficiaries`"
    )


@pytest.mark.parametrize("beneficiary", ["residents", "users", "agents", "staff", "clients"])
def test_public_beneficiaries_silent_cases(beneficiary):
    use = {**EXPORT, "purpose": {**EXPORT["purpose"], "beneficiaries": ["partners", beneficiary]}}
    assert run_rules(manifest_with(use, charter="public"), codes=["VAL004"]) == []
    # The private charter has no such requirement.
    assert run_rules(manifest_with(EXPORT), codes=["VAL004"]) == []


POSITIONS = """
version: 1
charter: public
organisation:
  name: Ville d'Exemple
uses:
  - id: export
    name: Export
    status: production
    owner:
      accountable: DSI
    purpose:
      need: Mettre les données au format de l'agence régionale.
      beneficiaries: [partners]
    tool:
      name: Outil
    data:
      personal: false
  - id: chatbot
    name: Assistant
    status: pilot
    owner:
      accountable: DSI
    purpose:
      need: Répondre aux habitants.
    tool:
      name: Outil
    audience: [public]
    data:
      personal: false
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code in ("VAL002", "VAL003", "VAL004")]
    assert sorted(brief(findings)) == [
        ("VAL002", 23, 5),
        ("VAL003", 23, 5),
        ("VAL004", 13, 7),
    ]
