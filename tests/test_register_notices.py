"""Notices per use (issue 13, point 3): which notices apply, what they say, where they are drafts.

Records come from the register builder (`records_from_paths`) over the restated public registers
of tests/data/registers/ and examples/public-clean/, and over variations written to tmp_path.

The texts each notice implements, as read for this file. Légifrance and EUR-Lex could not be
reached from where it was written: every wording below was read in a reproduction, named with it.

CRPA art. L311-3-1 (https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205535), read
in the reproduction of developpez.com (actualité 123894): "Sous réserve de l'application du 2° de
l'article L. 311-5, une décision individuelle prise sur le fondement d'un traitement algorithmique
comporte une mention explicite en informant l'intéressé. Les règles définissant ce traitement
ainsi que les principales caractéristiques de sa mise en œuvre sont communiquées par
l'administration à l'intéressé s'il en fait la demande."

CRPA art. R311-3-1-1 (https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000034195878),
same reproduction: "La mention explicite prévue à l'article L. 311-3-1 indique la finalité
poursuivie par le traitement algorithmique. Elle rappelle le droit, garanti par cet article,
d'obtenir la communication des règles définissant ce traitement et des principales
caractéristiques de sa mise en œuvre, ainsi que les modalités d'exercice de ce droit à
communication et de saisine, le cas échéant, de la commission d'accès aux documents
administratifs."

CRPA art. R311-3-1-2 (https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000034195881),
read in capitani-moritz.fr (2 April 2017) and service-public.fr (actualité A11502): the
administration communicates, "sous une forme intelligible et sous réserve de ne pas porter
atteinte à des secrets protégés par la loi": "1° Le degré et le mode de contribution du
traitement algorithmique à la prise de décision ; 2° Les données traitées et leurs sources ;
3° Les paramètres de traitement et, le cas échéant, leur pondération, appliqués à la situation
de l'intéressé ; 4° Les opérations effectuées par le traitement".

CRPA art. R343-1, read on weka.fr (reproduction of the code): "L'intéressé dispose d'un délai de
deux mois à compter de la notification du refus ou de l'expiration du délai prévu à l'article
R. 311-13 pour saisir la Commission d'accès aux documents administratifs." The one-month silence
(R311-13) and the referral to the CADA before any court appeal (L342-1) were read on cada.fr
("Quand et comment saisir la CADA ?": "le recours devant la CADA constitue un préalable
obligatoire à tout recours contentieux").

AI Act (https://eur-lex.europa.eu/eli/reg/2024/1689/oj), read in repository copies of the
Official Journal text (English). Art. 26(11): "Without prejudice to Article 50 of this
Regulation, deployers of high-risk AI systems referred to in Annex III that make decisions or
assist in making decisions related to natural persons shall inform the natural persons that they
are subject to the use of the high-risk AI system. For high-risk AI systems used for law
enforcement purposes Article 13 of Directive (EU) 2016/680 shall apply." Art. 50(1): "Providers
shall ensure that AI systems intended to interact directly with natural persons are designed and
developed in such a way that the natural persons concerned are informed that they are
interacting with an AI system"; 50(3): "Deployers of an emotion recognition system or a
biometric categorisation system shall inform the natural persons exposed thereto of the
operation of the system"; 50(4): "Deployers of an AI system that generates or manipulates image,
audio or video content constituting a deep fake, shall disclose that the content has been
artificially generated or manipulated" and, for text "published with the purpose of informing
the public on matters of public interest", the same, except "where the AI-generated content has
undergone a process of human review or editorial control"; 50(5): "in a clear and
distinguishable manner at the latest at the time of the first interaction or exposure".
Art. 86(1): "Any affected person subject to a decision which is taken by the deployer on the
basis of the output from a high-risk AI system listed in Annex III, with the exception of systems
listed under point 2 thereof, and which produces legal effects or similarly significantly
affects that person [...] shall have the right to obtain from the deployer clear and meaningful
explanations of the role of the AI system in the decision-making procedure and the main elements
of the decision taken."
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TODAY

from charte_lint.register.build import records_from_paths
from charte_lint.register.notices import KINDS, Notice, notices, render_markdown, texts

REGISTERS = sorted((REPO / "tests" / "data" / "registers").glob("*.yaml"))
PUBLIC_CLEAN = REPO / "examples" / "public-clean" / "ai-usage.yaml"


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    """The register's records of the restated registers and the public example, by use id
    (and country, for the two benefit-review uses)."""
    paths = [str(path) for path in [*REGISTERS, PUBLIC_CLEAN]]
    document = records_from_paths(paths, today=TODAY)
    by_id = {}
    for record in document["uses"]:
        country = record["organisation"].get("country", "FR")
        by_id[f"{country}:{record['key']['use']}"] = record
    return by_id


def manifest(name: str) -> dict:
    path = REPO / "tests" / "data" / "registers" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def record_of(data: dict, tmp_path: Path, index: int = 0) -> dict:
    """The register record of use `index` of a manifest written to tmp_path."""
    path = tmp_path / "ai-usage.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return records_from_paths([str(path)], today=TODAY)["uses"][index]


def by_kind(record: dict, lang: str) -> dict[str, Notice]:
    return {notice.kind: notice for notice in notices(record, lang, today=TODAY)}


# Which notices apply --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("FI:health-centre-chatbot", ["ai-act-art50"]),
        ("GB:benefit-review-prioritisation", []),
        ("NL:benefit-review-prioritisation", ["ai-act-art26-11"]),
        ("FR:affectation-enseignement-superieur", ["crpa-mention", "crpa-sheet"]),
        ("FR:assistant-mairie", ["ai-act-art50"]),
        ("FR:synthese-documents-agents", []),
        # published text reviewed by a person before it goes out: art. 50(4), 2nd subparagraph
        ("FR:transcription-conseil", []),
    ],
)
def test_which_notices_apply_to_the_restated_registers(records, key, expected):
    for lang in ("en", "fr"):
        assert [notice.kind for notice in notices(records[key], lang, today=TODAY)] == expected


def test_a_private_company_gets_no_crpa_notice(tmp_path):
    data = manifest("fr-admission-rules.yaml")
    data["charter"] = "private"
    data["organisation"]["sector"] = "private"
    assert notices(record_of(data, tmp_path), "fr", today=TODAY) == []


def test_a_private_public_service_gets_the_crpa_notices(tmp_path):
    data = manifest("fr-admission-rules.yaml")
    data["organisation"]["sector"] = "private_public_service"
    kinds = [n.kind for n in notices(record_of(data, tmp_path), "fr", today=TODAY)]
    assert kinds == ["crpa-mention", "crpa-sheet"]


def test_a_french_public_body_outside_france_gets_no_crpa_notice(tmp_path):
    data = manifest("fr-admission-rules.yaml")
    data["organisation"]["country"] = "BE"
    assert notices(record_of(data, tmp_path), "en", today=TODAY) == []


def test_gb_gets_no_ai_act_notice(records, tmp_path):
    assert notices(records["GB:benefit-review-prioritisation"], "en", today=TODAY) == []
    data = manifest("fi-city-chatbot.yaml")
    data["organisation"]["country"] = "GB"
    assert notices(record_of(data, tmp_path), "en", today=TODAY) == []


def test_a_rules_based_algorithm_gets_crpa_notices_but_no_ai_act_notice(tmp_path):
    """AI Act art. 3(1): rules written by people are not an "AI system"; the CRPA reaches every
    algorithmic processing that grounds individual decisions."""
    data = manifest("fr-admission-rules.yaml")
    use = data["uses"][0]
    use["capabilities"] = ["chatbot"]
    use["ai_act"] = {"category": "high", "annex_iii": "3(a)"}
    record = record_of(data, tmp_path)
    assert record["classification"]["risk"] == "not_ai_system"
    assert [n.kind for n in notices(record, "en", today=TODAY)] == ["crpa-mention", "crpa-sheet"]
    use["algorithm"]["type"] = "machine_learning"
    found = {n.kind: n for n in notices(record_of(data, tmp_path), "en", today=TODAY)}
    assert list(found) == list(KINDS)
    assert (
        "- Derived by charte-lint from the declared facts (not declared as such): Annex III, "
        "point 3(a) (AI Act); declared: `ai_act.category: high`.\n"
    ) in found["ai-act-art26-11"].text


def test_a_retired_use_gets_no_notice(records):
    record = copy.deepcopy(records["FI:health-centre-chatbot"])
    record["use"]["status"] = "retired"
    assert notices(record, "en", today=TODAY) == []


def test_art_26_11_leaves_out_law_enforcement_and_staff_only_decisions(records):
    """Art. 26(11): "For high-risk AI systems used for law enforcement purposes Article 13 of
    Directive (EU) 2016/680 shall apply"; the deployer's own workers are informed under
    art. 26(7) instead."""
    record = copy.deepcopy(records["NL:benefit-review-prioritisation"])
    record["classification"]["annex_iii"] = ["6(d)"]
    assert notices(record, "en", today=TODAY) == []
    record = copy.deepcopy(records["NL:benefit-review-prioritisation"])
    record["use"]["data"]["subjects"] = ["staff"]
    assert notices(record, "en", today=TODAY) == []
    record["use"]["decision"] = {"subjects_are": "legal_persons"}
    assert notices(record, "en", today=TODAY) == []


# The CRPA mention (L311-3-1, R311-3-1-1) --------------------------------------------------


def test_the_declared_crpa_mention_is_quoted_as_the_organisations_own_text(records):
    record = records["FR:affectation-enseignement-superieur"]
    mention = record["use"]["transparency"]["mention"]
    for lang, intro in (
        ("en", "declares its mention (`transparency.mention`), quoted as written:"),
        ("fr", "déclare sa mention (`transparency.mention`), citée telle quelle :"),
    ):
        notice = by_kind(record, lang)["crpa-mention"]
        assert notice.draft is False
        assert notice.missing == []
        assert f"Ministère de l'Enseignement supérieur {intro}\n\n> {mention}\n" in notice.text
        assert notice.legal == ["CRPA, art. L311-3-1", "CRPA, art. R311-3-1-1"]
        assert notice.binds_from == {"CRPA, art. L311-3-1": "2017-09-01"}


def test_a_crpa_mention_is_drafted_from_facts_with_the_content_of_r311_3_1_1(records):
    """R311-3-1-1: the mention states the purpose ("la finalité poursuivie"), "le droit ...
    d'obtenir la communication des règles définissant ce traitement et des principales
    caractéristiques de sa mise en œuvre", and how to exercise it and refer to the CADA."""
    record = copy.deepcopy(records["FR:affectation-enseignement-superieur"])
    del record["use"]["transparency"]["mention"]
    record["use"]["owner"]["contact"] = "algorithmes@enseignementsup.gouv.fr"
    french = by_kind(record, "fr")["crpa-mention"]
    assert french.draft is True
    assert french.missing == ["uses[].transparency.mention"]
    need = record["use"]["purpose"]["need"]
    assert (
        "> Cette décision a été prise sur le fondement d'un traitement algorithmique, "
        "« Affectation des candidats dans l'enseignement supérieur ».\n"
        f"> Sa finalité : {need}\n"
    ) in french.text
    flat = re.sub(r"\s*\n>?\s*", " ", french.text)
    assert (
        "Vous avez le droit d'obtenir la communication des règles définissant ce traitement et "
        "des principales caractéristiques de sa mise en œuvre (code des relations entre le "
        "public et l'administration, art. L311-3-1). Pour exercer ce droit, écrivez à "
        "algorithmes@enseignementsup.gouv.fr."
    ) in flat
    assert "saisir la Commission d'accès aux documents administratifs (CADA" in flat
    assert "dans un délai de deux mois" in flat
    english = by_kind(record, "en")["crpa-mention"]
    flat = re.sub(r"\s*\n>?\s*", " ", english.text)
    assert (
        "This decision was taken on the basis of an algorithmic processing, "
        '"Affectation des candidats dans l\'enseignement supérieur". Its purpose: ' + need
    ) in flat
    assert "To exercise this right, write to algorithmes@enseignementsup.gouv.fr." in flat


def test_a_missing_contact_leaves_a_visible_slot_and_no_invented_address(records):
    record = copy.deepcopy(records["FR:affectation-enseignement-superieur"])
    del record["use"]["transparency"]["mention"]
    for lang, slot, draft in (
        ("en", "write to [to complete: `uses[].owner.contact`].", "**Draft.**"),
        ("fr", "écrivez à [à compléter : `uses[].owner.contact`].", "**Brouillon.**"),
    ):
        notice = by_kind(record, lang)["crpa-mention"]
        assert notice.missing == ["uses[].transparency.mention", "uses[].owner.contact"]
        assert slot in notice.text
        assert f"{draft} " in notice.text
        assert "`uses[].transparency.mention`, `uses[].owner.contact`." in notice.text
        assert "@" not in notice.text  # the DPO's address is not the contact for this right


def test_an_inferred_administrative_decision_is_said_to_be_derived(tmp_path):
    data = manifest("fr-admission-rules.yaml")
    del data["uses"][0]["decision"]["administrative"]
    notice = by_kind(record_of(data, tmp_path), "en")["crpa-mention"]
    assert (
        "- Derived by charte-lint from the declared facts (not declared as such): individual "
        "administrative decisions, from `decision.affects_individuals: true`"
    ) in notice.text


# The R311-3-1-2 information sheet ----------------------------------------------------------


def test_the_sheet_has_the_four_points_of_r311_3_1_2_in_order(records):
    record = records["FR:affectation-enseignement-superieur"]
    french = by_kind(record, "fr")["crpa-sheet"].text
    points = [
        "**1° Degré et mode de contribution du traitement algorithmique à la prise de décision**",
        "**2° Données traitées et leurs sources**",
        "**3° Paramètres de traitement et, le cas échéant, leur pondération, appliqués à votre "
        "situation**",
        "**4° Opérations effectuées par le traitement**",
    ]
    positions = [french.index(point) for point in points]
    assert positions == sorted(positions)
    assert (
        "sous une forme intelligible et sous réserve de\nne pas porter atteinte à des secrets"
        in (french)
    )
    english = by_kind(record, "en")["crpa-sheet"].text
    for point in (
        "**1. Degree and mode of contribution of the processing to the decision**",
        "**2. Data processed and their sources**",
        "**3. Processing parameters and, where relevant, their weighting, applied to your "
        "situation**",
        "**4. Operations carried out by the processing**",
    ):
        assert point in english


def test_the_sheet_is_filled_from_declared_facts(records):
    record = records["FR:affectation-enseignement-superieur"]
    french = by_kind(record, "fr")["crpa-sheet"]
    assert french.draft is True
    assert french.missing == ["uses[].data.sources"]  # the restated register declares none
    for line in (
        "- Degré : le traitement aide une personne, qui prend la décision.",
        "- Mode : il propose une issue, qu'une personne adopte ou modifie.",
        "- La personne qui examine chaque dossier : Commissions d'examen des vœux.",
        "- Cette personne peut écarter le résultat du traitement : oui.",
        "- Données : identité, scolarité, vœux.",
        "- Sources : [à compléter : `uses[].data.sources`].",
        "- Les règles du traitement sont publiées : "
        "https://framagit.org/parcoursup/algorithmes-de-parcoursup",
        "- Textes que le traitement applique : Code de l'éducation, art. L612-3 "
        "(https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037353484).",
        "- Type de traitement : des règles écrites par des personnes (sans apprentissage sur "
        "des données).",
        "- CRPA, art. R311-3-1-2 : applicable à partir du 2017-09-01",
    ):
        assert f"\n{line}\n" in french.text, line
    english = by_kind(record, "en")["crpa-sheet"]
    for line in (
        "- Degree: the processing assists a person, who takes the decision.",
        "- Data: identité, scolarité, vœux.",
        "- Sources: [to complete: `uses[].data.sources`].",
        "- Type of processing: rules written by people (no learning from data).",
        "- CRPA, art. R311-3-1-2: applies from 2017-09-01",
    ):
        assert f"\n{line}\n" in english.text, line
    assert english.legal == ["CRPA, art. L311-3-1", "CRPA, art. R311-3-1-2"]


def test_the_sheet_never_invents_parameters_it_leaves_a_slot_per_person(records):
    """R311-3-1-2, 3°: the parameters "appliqués à la situation de l'intéressé" are one
    person's; the manifest declares no parameter or weighting, so none is written."""
    record = copy.deepcopy(records["FR:affectation-enseignement-superieur"])
    record["use"]["data"]["sources"] = ["dossiers des candidats", "classements des commissions"]
    notice = by_kind(record, "en")["crpa-sheet"]
    assert notice.draft is False
    assert notice.missing == []
    assert (
        "- [to fill in for each person: the parameters of the processing and, where relevant, "
        "their weighting, as applied to the person's situation (this sheet cannot state them in "
        "advance)]"
    ) in notice.text
    assert "- Sources: dossiers des candidats, classements des commissions." in notice.text
    assert "weight" not in notice.text.split("**4.")[1]


def test_the_sheet_lists_each_missing_fact(records):
    record = copy.deepcopy(records["FR:affectation-enseignement-superieur"])
    for key in ("automation", "stage"):
        del record["use"]["decision"][key]
    del record["use"]["algorithm"]
    del record["use"]["description"]["how"]
    del record["use"]["data"]["categories"]
    notice = by_kind(record, "en")["crpa-sheet"]
    assert notice.missing == [
        "uses[].decision.automation",
        "uses[].decision.stage",
        "uses[].data.categories",
        "uses[].data.sources",
        "uses[].algorithm.type",
        "uses[].description.how",
    ]
    assert "- Degree: [to complete: `uses[].decision.automation`]." in notice.text
    assert "- How it works: [to complete: `uses[].description.how`]" in notice.text
    assert "The rules of the processing are published" not in notice.text


# AI Act art. 50 --------------------------------------------------------------------------


def test_a_declared_disclosure_is_quoted_and_dated(records):
    record = records["FI:health-centre-chatbot"]
    disclosure = record["use"]["interaction"]["disclosure"]
    notice = by_kind(record, "en")["ai-act-art50"]
    assert notice.draft is False
    assert (
        "City of Helsinki declares its disclosure text (`interaction.disclosure`), quoted as "
        f"written:\n\n> {disclosure}\n"
    ) in notice.text
    assert notice.legal == ["AI Act, art. 50(1)"]
    assert notice.binds_from == {"AI Act, art. 50(1)": "2026-08-02"}
    assert "at the latest at the first\n  interaction or exposure" in notice.text
    french = by_kind(record, "fr")["ai-act-art50"]
    assert french.legal == ["règlement IA, art. 50, 1"]
    assert "- règlement IA, art. 50, 1 : applicable à partir du 2026-08-02" in french.text


def test_a_missing_disclosure_is_drafted_and_marked(records):
    record = copy.deepcopy(records["FI:health-centre-chatbot"])
    del record["use"]["interaction"]["disclosure"]
    english = by_kind(record, "en")["ai-act-art50"]
    assert english.draft is True
    assert english.missing == ["uses[].interaction.disclosure"]
    assert (
        "> **Information: artificial intelligence**\n>\n"
        '> You are interacting with an artificial intelligence system ("Health centre chatbot", '
        "City of Helsinki), not with a person.\n>\n"
        "> To deal with a person instead: Health centre phone lines and front desks.\n"
    ) in english.text
    french = by_kind(record, "fr")["ai-act-art50"]
    assert (
        "> Vous échangez avec un système d'intelligence artificielle (« Health centre chatbot », "
        "City of Helsinki), et non avec une personne.\n"
    ) in french.text
    assert "**Brouillon.** Faits absents de la déclaration" in french.text


def test_emotion_recognition_and_generated_media(records):
    """50(3) informs people exposed "of the operation of the system": what it does, declared;
    images generated but not deep fakes carry no deployer duty of art. 50 (50(2) binds the
    provider), and the notice says the charter asks for the disclosure."""
    record = copy.deepcopy(records["FI:health-centre-chatbot"])
    del record["use"]["interaction"]["disclosure"]
    del record["use"]["description"]["does"]
    record["classification"]["article_50"] = ["emotion_recognition", "generated_media"]
    record["use"]["interaction"]["generates"] = ["text", "video"]
    notice = by_kind(record, "en")["ai-act-art50"]
    assert notice.missing == ["uses[].interaction.disclosure", "uses[].description.does"]
    assert (
        '> "Health centre chatbot" (City of Helsinki), an emotion recognition system, operates '
        "here: you are exposed to it. What it does: [to complete: "
        "`uses[].description.does`]\n"
    ) in notice.text
    assert (
        '> These contents (video) have been generated by artificial intelligence with "Health '
        'centre chatbot".'
    ) in notice.text
    assert notice.legal == ["AI Act, art. 50(3)"]
    assert "art. 50(2) of the AI Act binds\n  the provider" in notice.text


# AI Act art. 26(11) and art. 86 ----------------------------------------------------------


def test_art_26_11_for_a_high_risk_use_is_filled_and_its_classification_said_derived(records):
    record = records["NL:benefit-review-prioritisation"]
    notice = by_kind(record, "en")["ai-act-art26-11"]
    assert notice.missing == ["uses[].owner.contact", "uses[].decision.significant_effect"]
    assert notice.draft is True
    for line in (
        "> Its role in the decision: it sets the order in which cases are examined.",
        "> The person who examines each case: Benefits officer.",
        "> For any question about this system, write to [to complete: `uses[].owner.contact`].",
        "> To contest a decision: Mandatory reconsideration, then appeal to the First-tier "
        "Tribunal.",
        "- Derived by charte-lint from the declared facts (not declared as such): Annex III, "
        "point 5(a) (AI Act).",
    ):
        assert f"\n{line}\n" in notice.text, line
    assert "Scores each claim on the likelihood of a change of circumstances" in notice.text
    # a public body's system in service before 2 December 2027: bound by 2 August 2030
    assert notice.binds_from == {"AI Act, art. 26(11)": "2030-08-02"}
    assert notice.legal == ["AI Act, art. 26(11)"]
    french = by_kind(record, "fr")["ai-act-art26-11"]
    assert "> Son rôle dans la décision : il fixe l'ordre d'examen des dossiers.\n" in french.text
    assert "- règlement IA, art. 26, 11 : applicable à partir du 2030-08-02" in french.text


def test_art_86_is_mentioned_where_decisions_have_significant_effects(records):
    record = copy.deepcopy(records["NL:benefit-review-prioritisation"])
    record["use"]["decision"]["significant_effect"] = True
    record["use"]["owner"]["contact"] = "algoritmes@voorbeeld.nl"
    record["use"]["dates"] = {"start": "2028-01-10"}
    notice = by_kind(record, "en")["ai-act-art26-11"]
    assert notice.draft is False
    flat = re.sub(r"\s*\n>?\s*", " ", notice.text)
    assert (
        "You have the right to obtain from Gemeente Voorbeeld clear and meaningful explanations "
        "of the role of the AI system in the decision-making procedure and of the main elements "
        "of the decision taken (Regulation (EU) 2024/1689, art. 86). Write to "
        "algoritmes@voorbeeld.nl."
    ) in flat
    assert notice.legal == ["AI Act, art. 26(11)", "AI Act, art. 86(1)"]
    assert notice.binds_from == {
        "AI Act, art. 26(11)": "2027-12-02",
        "AI Act, art. 86(1)": "2026-08-02",
    }
    # Annex III point 2 (critical infrastructure) is excepted from art. 86
    record["classification"]["annex_iii"] = ["2"]
    notice = by_kind(record, "en")["ai-act-art26-11"]
    assert notice.legal == ["AI Act, art. 26(11)"]
    assert "art. 86" not in notice.text
    record["use"]["decision"]["significant_effect"] = False
    assert by_kind(record, "en")["ai-act-art26-11"].missing == []


def test_a_private_deployer_in_service_before_the_date_is_bound_only_on_a_significant_change(
    records,
):
    """AI Act art. 111(2): a system in service before the date of application of Chapter III
    is bound only once its design changes significantly (public authorities: by 2 August
    2030)."""
    record = copy.deepcopy(records["NL:benefit-review-prioritisation"])
    record["organisation"]["sector"] = "private"
    record["charter"] = "private"
    notice = by_kind(record, "en")["ai-act-art26-11"]
    assert notice.binds_from == {"AI Act, art. 26(11)": None}
    assert (
        "- AI Act, art. 26(11): applies to this use only once its design changes significantly "
        "(AI Act, art. 111(2))"
    ) in notice.text


# Every notice ----------------------------------------------------------------------------


def all_notices(records):
    for record in records.values():
        for lang in ("en", "fr"):
            for notice in notices(record, lang, today=TODAY):
                yield record, lang, notice
    record = copy.deepcopy(records["NL:benefit-review-prioritisation"])
    record["classification"]["article_50"] = ["chatbot", "deepfake", "generated_text"]
    del record["use"]["owner"]
    for lang in ("en", "fr"):
        for notice in notices(record, lang, today=TODAY):
            yield record, lang, notice


def test_every_notice_starts_with_the_review_header_and_leaves_no_placeholder(records):
    seen = set()
    for record, lang, notice in all_notices(records):
        seen.add(notice.kind)
        first = notice.text.split("\n\n")[0]
        use_id = record["use"]["id"]
        if lang == "en":
            assert first.startswith(
                f"*Text generated by charte-lint from the declaration of the use `{use_id}`"
            )
            assert "to be reviewed, completed and adopted by the organisation (" in first
        else:
            assert first.startswith(
                f"*Texte généré par charte-lint à partir de la déclaration de l'usage `{use_id}`"
            )
            assert "à relire, compléter et adopter par l'organisation (" in first
        assert not re.search(r"[{}]", notice.text), notice.text
        assert notice.draft is bool(notice.missing)
        for key in notice.missing:
            slot = "[to complete: `{}`]" if lang == "en" else "[à compléter : `{}`]"
            assert slot.format(key) in notice.text or key.endswith(
                ("transparency.mention", "interaction.disclosure", "significant_effect")
            )
    assert seen == set(KINDS)


def test_french_notices_follow_the_house_typography():
    """« » with spaces, and a space before : ; ? ! as in charte_lint/content/fr and
    rules/content/fr (declared facts are quoted as written, so the texts are checked here)."""

    def strings(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    checked = 0
    for text in strings(texts("fr")):
        prose = re.sub(r"`[^`]*`|\{[a-z_]+\}|https?://\S+", "", text)
        assert not re.search(r"[^\s]:(\s|$)", prose), text
        assert not re.search(r"[^\s][;?!](\s|$)", prose), text
        assert '"' not in prose, text
        checked += 1
    assert checked > 80
    french = texts("fr")["notices"]["ai-act-art50"]["parts"]["chatbot"]
    assert "(« {use_name} »,\n{organisation})" not in french
    assert "(« {use_name} », {organisation})" in french


def test_render_markdown_gives_one_document_per_use(records):
    record = records["FI:health-centre-chatbot"]
    found = notices(record, "en", today=TODAY)
    document = render_markdown(found, record, "en")
    assert document.startswith("# Health centre chatbot (City of Helsinki)\n\n")
    assert (
        "\n\n## Disclosure to the people concerned (AI Act, art. 50)\n\n*Text generated" in document
    )
    assert document.endswith("- AI Act, art. 50(1): applies from 2026-08-02\n")
    empty = records["FR:synthese-documents-agents"]
    assert render_markdown([], empty, "fr") == (
        "# Synthèse de documents pour les agents (Ville de Saint-Aubin-sur-Loire)\n\n"
        "Notices de l'usage `synthese-documents-agents` de la déclaration "
        f"`{empty['key']['repository']}/examples/public-clean/ai-usage.yaml`, générées par "
        "charte-lint. Chacune est un texte que l'organisation (Ville de Saint-Aubin-sur-Loire) "
        "relit avant usage.\n\n"
        "_Aucune notice ne s'applique à cet usage, d'après les faits déclarés._\n"
    )


def test_both_languages_hold_the_same_texts():
    def keys(value, prefix=""):
        if not isinstance(value, dict):
            return {prefix}
        return set().union(*(keys(v, f"{prefix}.{k}") for k, v in value.items()))

    assert keys(texts("en")) == keys(texts("fr"))
    with pytest.raises(ValueError):
        texts("de")


def test_notice_as_dict(records):
    notice = by_kind(records["FI:health-centre-chatbot"], "en")["ai-act-art50"]
    assert sorted(notice.as_dict()) == [
        "binds_from",
        "draft",
        "kind",
        "legal",
        "missing",
        "text",
        "title",
    ]
    assert notice.as_dict()["title"] == "Disclosure to the people concerned (AI Act, art. 50)"
