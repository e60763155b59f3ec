"""TRN001 chatbot-without-disclosure."""

from __future__ import annotations

import pytest
from rule_harness import manifest_with, run_rules, smallest, summary

CHATBOT = {
    "id": "assistant-sav",
    "name": "Assistant du service client",
    "purpose": {
        "need": "Answer delivery questions outside office hours.",
        "beneficiaries": ["clients"],
    },
    "task": "chat",
    "capabilities": ["chatbot"],
    "audience": ["clients"],
}


def test_chatbot_for_clients_without_disclosure():
    findings = run_rules(manifest_with(CHATBOT), codes=["TRN001"])
    assert summary(findings) == [("TRN001", "/uses/0")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `assistant-sav` is a chatbot for `clients` without `interaction.disclosure`: add the "
        "text that tells people, at the first exchange, that they are talking to an AI"
    )


def test_message_in_french_names_every_outside_audience():
    manifest = manifest_with({**CHATBOT, "audience": ["staff", "public", "clients"]})
    findings = run_rules(manifest, lang="fr", codes=["TRN001"])
    assert findings[0].message == (
        "l'usage `assistant-sav` est un agent conversationnel pour `clients, public` sans "
        "`interaction.disclosure` : ajouter le texte qui annonce, dès le premier échange, que "
        "l'interlocuteur est une IA"
    )


def test_pointer_is_the_interaction_mapping_when_it_exists():
    manifest = manifest_with({**CHATBOT, "interaction": {"generates": ["text"]}})
    assert summary(run_rules(manifest, codes=["TRN001"])) == [("TRN001", "/uses/0/interaction")]


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_empty_disclosure_is_reported_at_the_value(empty):
    manifest = manifest_with({**CHATBOT, "interaction": {"disclosure": empty}})
    assert summary(run_rules(manifest, codes=["TRN001"])) == [
        ("TRN001", "/uses/0/interaction/disclosure")
    ]


def test_chatbot_detected_by_capability_or_by_task():
    by_capability = {**CHATBOT, "task": "rag_qa"}
    by_task = {key: value for key, value in CHATBOT.items() if key != "capabilities"}
    manifest = manifest_with(by_capability, {**by_task, "id": "other"}, charter="public")
    assert summary(run_rules(manifest, codes=["TRN001"])) == [
        ("TRN001", "/uses/0"),
        ("TRN001", "/uses/1"),
    ]


def test_silent_with_a_disclosure_or_for_staff_only():
    disclosed = {
        **CHATBOT,
        "interaction": {"disclosure": "Vous échangez avec un assistant automatisé."},
    }
    staff_only = {**CHATBOT, "id": "helpdesk", "audience": ["staff"]}
    not_a_chatbot = {**CHATBOT, "id": "drafts", "task": "drafting", "capabilities": []}
    manifest = manifest_with(disclosed, staff_only, not_a_chatbot)
    assert run_rules(manifest, codes=["TRN001"]) == []
    assert run_rules(smallest(), codes=["TRN001"]) == []


@pytest.mark.parametrize(
    "use",
    [
        {**CHATBOT, "audience": "clients"},  # a string is not a list
        {**CHATBOT, "capabilities": "chatbot", "task": "drafting"},
        {**CHATBOT, "interaction": "none"},
        {**CHATBOT, "interaction": {"disclosure": 3}},
        {**CHATBOT, "audience": [["clients"], {"a": 1}]},
    ],
)
def test_wrong_types_do_not_raise(use):
    run_rules(manifest_with(use), codes=["TRN001"])
