"""VAL001 need-placeholder."""

from __future__ import annotations

import pytest
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
