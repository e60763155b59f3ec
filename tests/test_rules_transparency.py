"""TRN001 chatbot-without-disclosure, TRN002 deepfake-without-disclosure,
TRN003 published-media-without-disclosure, TRN004 published-text-without-disclosure,
TRN005 emotion-or-biometric-without-notice, TRN006 administrative-decision-without-mention,
TRN007 algorithm-not-published."""

from __future__ import annotations

import pytest
from conftest import brief, lint
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
        " (AI Act, art. 50(1))"
    )


def test_message_in_french_names_every_outside_audience():
    manifest = manifest_with({**CHATBOT, "audience": ["staff", "public", "clients"]})
    findings = run_rules(manifest, lang="fr", codes=["TRN001"])
    assert findings[0].message == (
        "l'usage `assistant-sav` est un agent conversationnel pour `clients, public` sans "
        "`interaction.disclosure` : ajouter le texte qui annonce, dès le premier échange, que "
        "l'interlocuteur est une IA (règlement IA, art. 50, 1)"
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


# TRN002, TRN003 ---------------------------------------------------------------------------

VIDEO = {
    "id": "video-place",
    "name": "Vidéo de la future place du Marché",
    "status": "pilot",
    "task": "other",
    "audience": ["public"],
    "capabilities": ["deepfake"],
    "interaction": {"generates": ["video"], "published": True},
}
DISCLOSED = {"disclosure": "Images de synthèse générées par IA : la place n'existe pas encore."}


def test_deepfake_without_disclosure():
    findings = run_rules(manifest_with(VIDEO, charter="public"), codes=["TRN002", "TRN003"])
    assert summary(findings) == [("TRN002", "/uses/0/interaction")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `video-place` produces deep fakes (`capabilities: deepfake`) without "
        "`interaction.disclosure`: state, on the content itself, that it was generated or "
        "manipulated by AI (AI Act, art. 50(4), first subparagraph)"
    )
    french = run_rules(manifest_with(VIDEO), lang="fr", codes=["TRN002"])
    assert french[0].message == (
        "l'usage `video-place` produit des hypertrucages (`capabilities: deepfake`) sans "
        "`interaction.disclosure` : indiquer, sur le contenu lui-même, qu'il a été généré ou "
        "manipulé par une IA (règlement IA, art. 50, 4, premier alinéa)"
    )


def test_published_generated_media_without_disclosure():
    use = {**VIDEO, "capabilities": [], "interaction": {"generates": ["text", "image", "audio"]}}
    use["interaction"]["published"] = True
    findings = run_rules(manifest_with(use), codes=["TRN002", "TRN003"])
    assert summary(findings) == [("TRN003", "/uses/0/interaction")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `video-place` publishes AI-generated `image, audio` without "
        "`interaction.disclosure`: say that the content is AI-generated (a legal duty where it "
        "can pass for real: AI Act, art. 50(4), see TRN002)"
    )
    french = run_rules(manifest_with(use), lang="fr", codes=["TRN003"])
    assert french[0].message == (
        "l'usage `video-place` publie des contenus `image, audio` générés par IA sans "
        "`interaction.disclosure` : indiquer que le contenu est généré par IA (obligation légale "
        "s'il peut passer pour réel : règlement IA, art. 50, 4, voir TRN002)"
    )


@pytest.mark.parametrize(
    "use",
    [
        {**VIDEO, "interaction": {**VIDEO["interaction"], **DISCLOSED}},
        {**VIDEO, "status": "retired"},
        {**VIDEO, "capabilities": [], "interaction": {"generates": ["image"], "published": False}},
        {**VIDEO, "capabilities": [], "interaction": {"generates": ["text"], "published": True}},
    ],
)
def test_media_rules_are_silent(use):
    assert run_rules(manifest_with(use), codes=["TRN002", "TRN003"]) == []


# TRN004 -----------------------------------------------------------------------------------

NEWS = {
    "id": "actualites",
    "name": "Rédaction des actualités du site",
    "task": "drafting",
    "audience": ["public"],
    "capabilities": ["content_generation"],
    "interaction": {"generates": ["text"], "published": True},
}


def test_published_text_without_review_nor_disclosure():
    findings = run_rules(manifest_with(NEWS), codes=["TRN004"])
    assert summary(findings) == [("TRN004", "/uses/0/interaction")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `actualites` publishes AI-generated text with neither human review "
        "(`oversight.content_review: true`) nor `interaction.disclosure`: have each text reviewed "
        "before publication, or say that it is AI-generated (AI Act, art. 50(4), second "
        "subparagraph)"
    )
    french = run_rules(manifest_with(NEWS, charter="public"), lang="fr", codes=["TRN004"])
    assert french[0].message == (
        "l'usage `actualites` publie des textes générés par IA sans relecture humaine "
        "(`oversight.content_review: true`) ni `interaction.disclosure` : faire relire chaque "
        "texte avant publication, ou indiquer qu'il est généré par IA (règlement IA, art. 50, 4, "
        "deuxième alinéa)"
    )


@pytest.mark.parametrize(
    "use",
    [
        {**NEWS, "oversight": {"reviewer": "Chargée de communication", "content_review": True}},
        {**NEWS, "interaction": {**NEWS["interaction"], "disclosure": "Article rédigé par IA."}},
        {**NEWS, "interaction": {"generates": ["text"], "published": False}},
        {**NEWS, "interaction": {"generates": ["code"], "published": True}},
    ],
)
def test_trn004_is_silent(use):
    assert run_rules(manifest_with(use), codes=["TRN004"]) == []


# TRN005 -----------------------------------------------------------------------------------

CALLS = {
    "id": "analyse-appels",
    "name": "Détection de l'insatisfaction dans les appels",
    "task": "classification",
    "domain": ["customer_service"],
    "capabilities": ["biometric_categorisation", "emotion_recognition"],
}


def test_emotion_recognition_without_notice():
    findings = run_rules(manifest_with(CALLS), codes=["TRN005"])
    assert summary(findings) == [("TRN005", "/uses/0")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `analyse-appels` performs `emotion_recognition, biometric_categorisation` without "
        "`interaction.disclosure`: inform the people exposed to it of the system's operation (AI "
        "Act, art. 50(3))"
    )
    french = run_rules(manifest_with(CALLS), lang="fr", codes=["TRN005"])
    assert french[0].message == (
        "l'usage `analyse-appels` pratique `emotion_recognition, biometric_categorisation` sans "
        "`interaction.disclosure` : informer les personnes qui y sont exposées du fonctionnement "
        "du système (règlement IA, art. 50, 3)"
    )


def test_trn005_is_silent_with_a_notice_or_other_capabilities():
    notice = {**CALLS, "interaction": {"disclosure": "Cet appel est analysé par une IA."}}
    other = {**CALLS, "id": "b", "capabilities": ["biometric_identification", "profiling"]}
    assert run_rules(manifest_with(notice, other), codes=["TRN005"]) == []


# TRN006, TRN007 ---------------------------------------------------------------------------

PARKING = {
    "id": "cartes-resident",
    "name": "Instruction des cartes de stationnement résidentiel",
    "task": "extraction",
    "data": {"personal": True, "legal_basis": "public_task", "retention": "P1Y"},
    "decision": {"affects_individuals": True, "automation": "assist", "administrative": True},
}
MENTION = {
    "mention": "Décision prise sur le fondement d'un traitement algorithmique qui vérifie les "
    "justificatifs ; ses règles vous sont communiquées sur demande au service stationnement.",
    "public_record": "https://www.montreval.fr/algorithmes-publics",
}


def _town(*uses, agents=None, inhabitants=None, sector="public_body"):
    manifest = manifest_with(*uses, charter="public")
    organisation = {"name": "Ville de Montreval", "sector": sector}
    if agents is not None:
        organisation["agents"] = agents
    if inhabitants is not None:
        organisation["inhabitants"] = inhabitants
    manifest["organisation"] = organisation
    return manifest


def test_administrative_decision_without_mention():
    manifest = _town(PARKING, agents=30)
    findings = run_rules(manifest, codes=["TRN006", "TRN007"])
    assert summary(findings) == [("TRN006", "/uses/0")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `cartes-resident` grounds individual administrative decisions "
        "(`decision.administrative: true`) without `transparency.mention`: each decision must "
        "carry the explicit mention (CRPA, art. L311-3-1), stating the purpose of the processing, "
        "the right to obtain its rules and how to exercise it"
    )
    french = run_rules(manifest, lang="fr", codes=["TRN006"])
    assert french[0].message == (
        "l'usage `cartes-resident` fonde des décisions administratives individuelles "
        "(`decision.administrative: true`) sans `transparency.mention` : chaque décision doit "
        "porter la mention explicite (CRPA, art. L311-3-1), qui indique la finalité du "
        "traitement, le droit d'obtenir la communication de ses règles et les modalités "
        "d'exercice de ce droit"
    )


def test_mention_given_or_no_administrative_decision_is_silent():
    with_mention = {**PARKING, "transparency": MENTION}
    not_administrative = {
        **PARKING,
        "id": "b",
        "decision": {"affects_individuals": True, "administrative": False},
    }
    retired = {**PARKING, "id": "c", "status": "retired"}
    manifest = _town(with_mention, not_administrative, retired, agents=620)
    assert run_rules(manifest, codes=["TRN006", "TRN007"]) == []


def test_algorithm_not_published_above_the_threshold():
    use = {**PARKING, "transparency": {"mention": MENTION["mention"]}}
    manifest = _town(use, agents=160)
    findings = run_rules(manifest, codes=["TRN007"])
    assert summary(findings) == [("TRN007", "/uses/0/transparency")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `cartes-resident` grounds individual administrative decisions "
        "(`decision.administrative: true`) of an organisation of 160 agents, at or above the "
        "threshold of 50, and has no `transparency.public_record`: publish online the rules of "
        "the processing (CRPA, art. L312-1-3) and link the entry"
    )
    french = run_rules(manifest, lang="fr", codes=["TRN007"])
    assert french[0].message == (
        "l'usage `cartes-resident` fonde des décisions administratives individuelles "
        "(`decision.administrative: true`) d'un organisme de 160 agents, au seuil de 50 ou "
        "au-delà, et n'a pas de `transparency.public_record` : publier en ligne les règles du "
        "traitement (CRPA, art. L312-1-3) et indiquer le lien"
    )


@pytest.mark.parametrize(
    ("agents", "inhabitants", "sector", "expected"),
    [
        (51, None, "public_body", "/uses/0/transparency"),
        (50, None, "public_body", "/uses/0/transparency"),  # "inférieur à" 50 is exempt
        (49, None, "public_body", None),
        (None, 3500, "public_body", "/organisation"),  # inhabitants are not read: a question
        (None, 3499, "public_body", "/organisation"),
        (40, 12000, "public_body", None),  # the declared headcount decides
        (None, None, "public_body", "/organisation"),
        (300, None, "private_public_service", "/uses/0/transparency"),
        (300, None, "private", None),
    ],
)
def test_publication_threshold(agents, inhabitants, sector, expected):
    use = {**PARKING, "transparency": {"mention": MENTION["mention"]}}
    manifest = _town(use, agents=agents, inhabitants=inhabitants, sector=sector)
    wanted = [("TRN007", expected)] if expected else []
    assert summary(run_rules(manifest, codes=["TRN007"])) == wanted


# Positions --------------------------------------------------------------------------------

POSITIONS = """\
version: 1
charter: public
organisation:
  name: Ville de Montreval-les-Bains
  agents: 160
uses:
  - id: cartes
    name: Cartes de stationnement
    status: production
    owner:
      accountable: Chef du service stationnement
    purpose:
      need: Délivrer les cartes plus vite.
    tool:
      name: Albert API
    data:
      personal: false
    decision:
      affects_individuals: true
      automation: assist
      administrative: true
    transparency:
      mention: ""
    review:
      last: 2026-10-01
  - id: medias
    name: Médias de la ville
    status: pilot
    owner:
      accountable: Directeur de la communication
    purpose:
      need: Illustrer les projets.
    tool:
      name: Studio
    capabilities: [deepfake, emotion_recognition]
    interaction:
      generates: [image, text]
      published: true
    data:
      personal: false
    review:
      last: 2026-10-01
  - id: affiches
    name: Affiches des événements
    status: production
    owner:
      accountable: Directeur de la communication
    purpose:
      need: Annoncer les événements.
    tool:
      name: Studio
    interaction: {generates: [image], published: true}
    data:
      personal: false
    review:
      last: 2026-10-01
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code.startswith("TRN")]
    assert sorted(brief(findings)) == [
        ("TRN002", 36, 5),
        ("TRN003", 52, 5),
        ("TRN004", 36, 5),
        ("TRN005", 36, 5),
        ("TRN006", 23, 16),
        ("TRN007", 22, 5),
    ]


# AI Act art. 50 by country and date (issue 11) ----------------------------------------------
# Art. 50(1): "Providers shall ensure that AI systems intended to interact directly with natural
# persons are designed and developed in such a way that the natural persons concerned are
# informed that they are interacting with an AI system, unless this is obvious [...]".
# It applies from 2 August 2026 (art. 113, second paragraph; not deferred by Regulation (EU)
# 2026/1744). https://eur-lex.europa.eu/eli/reg/2024/1689/oj


def _chatbot_in(country: str | None, today: str = "2026-11-29", status: str = "production"):
    manifest = manifest_with({**CHATBOT, "status": status})
    if country:
        manifest["organisation"]["country"] = country
    import datetime as dt

    return run_rules(manifest, codes=["TRN001"], today=dt.date.fromisoformat(today))


def test_art_50_binds_from_2_august_2026_in_the_eu():
    (before,) = _chatbot_in("FR", today="2026-08-01")
    assert before.severity == "warning"
    assert before.message.endswith("(AI Act, art. 50(1)) (legal duty from 2026-08-02)")
    (after,) = _chatbot_in("DE", today="2026-08-02")
    assert after.severity == "error"
    assert after.legal == {
        "duty": "ai_interaction_notice",
        "instrument": "ai_act",
        "cite": "AI Act, art. 50(1)",
        "binds_from": "2026-08-02",
        "in_force": True,
    }


def test_outside_the_eu_the_charter_still_asks_without_citing_the_ai_act():
    (british,) = _chatbot_in("GB")
    assert (british.severity, british.legal) == ("warning", None)
    assert british.message.endswith("(the charter's transparency commitment)")
    assert "AI Act" not in british.message


def test_a_chatbot_still_in_design_or_retired_is_not_checked():
    assert _chatbot_in("FR", status="design") == []
    assert _chatbot_in("FR", status="retired") == []
    assert len(_chatbot_in("FR", status="pilot")) == 1
