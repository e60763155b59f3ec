"""Scenarios from the text of the AI Act: what its rules (VIG002 to VIG007, TRN005) must report,
and what they must leave alone.

Primary text: Regulation (EU) 2024/1689, https://eur-lex.europa.eu/eli/reg/2024/1689/oj, as
amended by Regulation (EU) 2026/1744, https://eur-lex.europa.eu/eli/reg/2026/1744/oj
(consolidated text CELEX 02024R1689-20260727,
https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02024R1689-20260727).

PROVENANCE OF THE QUOTES. EUR-Lex itself could not be read from this environment. The words
quoted below were read in two verbatim reproductions found in public repositories: a
pdfminer extraction of the Official Journal PDF of 12 July 2024 (articles 3, 26, 50 and
Annex III), and a conversion of the consolidated text CELEX 02024R1689-20260727 (articles 5, 6,
26, 113 and Annex III, with the 2026 amendments marked). Where both carry a provision, they
agree word for word. Article 27(1), 49(3) and the amended 111(2) were read in several
repositories quoting them, not in a whole-text reproduction. Every quote here should be checked
once against EUR-Lex before a release relies on it.

The run's date is pinned: 2026-12-01 by default here (after Art. 50 applies, before Annex III
duties do); 2027-12-01 and 2027-12-02 on both sides of the date of Art. 113(c)(i).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import dedent
from rule_harness import manifest_with, run_rules, summary

from charte_lint.engine import Linter, lint_source
from charte_lint.rules.facts import high_risk_points

TODAY = dt.date(2026, 12, 1)
BEFORE = dt.date(2027, 12, 1)
ANNEX_III_DAY = dt.date(2027, 12, 2)
AI_ACT = ["VIG002", "VIG003", "VIG004", "VIG005", "VIG006", "VIG007", "TRN005"]
# A use in service now (pilot or production, no `dates.start`) was put into service before the
# date of application of Chapter III (2 December 2027): art. 111(2) binds it only once its design
# changes significantly, or by 2 August 2030 for public authorities and those acting for them.
NOT_YET = " (legal duty only once its design changes significantly: AI Act, art. 111(2))"
PUBLIC_BY = " (legal duty from 2030-08-02)"


def ai_act(manifest: dict[str, Any], today: dt.date = TODAY, lang: str = "en") -> list[Any]:
    """The AI Act rules' findings on a manifest, at `today`."""
    return run_rules(manifest, codes=AI_ACT, today=today, lang=lang)


def one_use(use: dict[str, Any], charter: str = "private", **organisation: Any) -> dict[str, Any]:
    manifest = manifest_with(use, charter=charter)
    manifest["organisation"].update(organisation)
    return manifest


def codes(findings: list[Any]) -> list[str]:
    return [finding.code for finding in findings]


# 1. Art. 5(1)(f): emotion recognition at work and at school -----------------------------------
#
# Art. 5(1)(f): "the placing on the market, the putting into service for this specific purpose,
# or the use of AI systems to infer emotions of a natural person in the areas of workplace and
# education institutions, except where the use of the AI system is intended to be put in place
# or into the market for medical or safety reasons".
# Annex III, point 1: "(c) AI systems intended to be used for emotion recognition."

CALL_CENTRE_STAFF = {
    "id": "agent-mood",
    "name": "Stress detection on the agents' voice",
    "status": "pilot",
    "domain": ["customer_service"],  # the label says nothing of work: the facts do
    "capabilities": ["emotion_recognition"],
    "data": {
        "personal": True,
        "modalities": ["audio"],
        "subjects": ["staff"],
        "legal_basis": "legitimate_interests",
    },
}


def test_emotion_recognition_of_call_centre_staff_via_audio_is_prohibited():
    findings = ai_act(one_use(CALL_CENTRE_STAFF))
    assert summary(findings) == [("TRN005", "/uses/0"), ("VIG002", "/uses/0/capabilities/0")]
    notice, prohibited = findings
    assert prohibited.severity == "error"
    assert prohibited.message == (
        "use `agent-mood` infers people's emotions (`emotion_recognition`) in the workplace "
        "(`data.subjects: [staff]`): prohibited by AI Act, art. 5(1)(f), save for medical or "
        "safety reasons (declare them in a waiver of this rule); stop it"
    )
    assert prohibited.legal == {
        "duty": "prohibited_practices",
        "instrument": "ai_act",
        "cite": "AI Act, art. 5(1)",
        "binds_from": "2025-02-02",
        "in_force": True,
    }
    # Art. 50(3) binds the deployer of an emotion recognition system, lawful or not.
    assert notice.severity == "error"
    french = ai_act(one_use(CALL_CENTRE_STAFF), lang="fr")
    assert french[1].message == (
        "l'usage `agent-mood` infère les émotions des personnes (`emotion_recognition`) sur le "
        "lieu de travail (`data.subjects: [staff]`) : interdit par le règlement IA, art. 5, 1, "
        "f), sauf raison médicale ou de sécurité (la déclarer dans une dérogation à cette "
        "règle) ; y mettre fin"
    )


@pytest.mark.parametrize(
    ("facts", "where"),
    [
        (
            {"settings": ["workplace"], "domain": ["marketing"]},
            "the workplace (`settings: [workplace]`)",
        ),
        (
            {"settings": ["education"], "domain": ["other"]},
            "education institutions (`settings: [education]`)",
        ),
        (
            {"data": {"personal": True, "modalities": ["video"], "subjects": ["candidates"]}},
            "the workplace (`data.subjects: [candidates]`)",
        ),
    ],
)
def test_the_areas_of_workplace_and_education_come_from_the_facts(facts, where):
    use = {**CALL_CENTRE_STAFF, "data": {"personal": True, "subjects": ["public"]}, **facts}
    findings = run_rules(one_use(use), codes=["VIG002"], today=TODAY)
    assert summary(findings) == [("VIG002", "/uses/0/capabilities/0")]
    assert f"emotions (`emotion_recognition`) in {where}: prohibited" in findings[0].message


def test_the_domain_label_stands_in_only_where_no_fact_says_and_the_message_says_so():
    use = {
        "id": "engagement",
        "status": "pilot",
        "domain": ["employment"],
        "capabilities": ["emotion_recognition"],
        "data": {"personal": True},
    }
    findings = run_rules(one_use(use), codes=["VIG002"], today=TODAY)
    assert findings[0].message == (
        "use `engagement` infers people's emotions (`emotion_recognition`) in the workplace "
        "(inferred from `domain: [employment]`; declare `settings` and `data.subjects`): "
        "prohibited by AI Act, art. 5(1)(f), save for medical or safety reasons (declare them "
        "in a waiver of this rule); stop it"
    )
    # Declared subjects who are customers: the label no longer decides.
    customers = {**use, "data": {"personal": True, "subjects": ["clients"]}}
    assert run_rules(one_use(customers), codes=["VIG002"], today=TODAY) == []


CALL_CENTRE_CUSTOMERS = {
    "id": "caller-mood",
    "name": "Caller dissatisfaction detection",
    "status": "pilot",
    "domain": ["customer_service"],
    "settings": ["commercial_premises"],
    "capabilities": ["emotion_recognition"],
    "data": {
        "personal": True,
        "modalities": ["audio"],
        "subjects": ["clients"],
        "legal_basis": "legitimate_interests",
    },
    "interaction": {"disclosure": "This call is analysed by an AI system that estimates mood."},
    "ai_act": {"category": "minimal"},
}


def test_emotion_recognition_of_customers_is_high_risk_not_prohibited():
    findings = ai_act(one_use(CALL_CENTRE_CUSTOMERS))
    assert summary(findings) == [("VIG003", "/uses/0/ai_act/category")]
    assert findings[0].severity == "warning"  # Annex III duties: 2 December 2027
    assert findings[0].message == (
        "use `caller-mood` is high-risk under AI Act, art. 6(2) and Annex III, point 1(c) "
        "(biometrics), but is declared `ai_act.category: minimal`: declare it `high` and meet "
        "the deployer's duties, or document an Art. 6(3) exemption in `ai_act.exemption`" + NOT_YET
    )
    assert findings[0].legal["binds_from"] is None
    at_the_date = ai_act(one_use(CALL_CENTRE_CUSTOMERS), today=ANNEX_III_DAY)
    assert [(f.code, f.severity) for f in at_the_date] == [("VIG003", "error")]
    assert not at_the_date[0].message.endswith(")" + NOT_YET)
    # Customers are not decided about here (no `decision`): Art. 26(11) does not reach them.
    declared = {**CALL_CENTRE_CUSTOMERS, "ai_act": {"category": "high", "annex_iii": "1c"}}
    assert ai_act(one_use(declared), today=ANNEX_III_DAY) == []


WAIVER = {
    "rule": "VIG002",
    "use": "driver-drowsiness",
    "reason": "Safety: detects drowsiness of bus drivers at the wheel and sounds an alarm.",
    "approved_by": "Safety director",
    "until": "2027-06-30",
}
DROWSINESS = {
    "id": "driver-drowsiness",
    "status": "pilot",
    "settings": ["workplace"],
    "capabilities": ["emotion_recognition"],
    "data": {"personal": True, "modalities": ["video"], "subjects": ["staff"]},
    "interaction": {"disclosure": "A camera in the cab detects drowsiness and sounds an alarm."},
    "ai_act": {"category": "limited"},
}


def test_a_medical_or_safety_waiver_is_the_exception_and_the_use_stays_high_risk():
    manifest = one_use(DROWSINESS)
    manifest["waivers"] = [WAIVER]
    findings = ai_act(manifest)
    # VIG002 still reports (the waiver silences it in a run, and is used); VIG003 asks for
    # `high`: Annex III 1(c) covers emotion recognition whatever its purpose.
    assert summary(findings) == [
        ("VIG002", "/uses/0/capabilities/0"),
        ("VIG003", "/uses/0/ai_act/category"),
    ]
    assert "point 1(c) (biometrics)" in findings[1].message
    assert high_risk_points(manifest["uses"][0], manifest, None, today=TODAY) == ["1(c)"]
    # The waiver has expired: the prohibition stands, and a prohibited practice is not a
    # high-risk use to declare.
    expired = ai_act(manifest, today=dt.date(2027, 7, 1))
    assert codes(expired) == ["VIG002"]
    assert high_risk_points(manifest["uses"][0], manifest, None, today=dt.date(2027, 7, 1)) is None
    # A waiver of another use, or of another rule, is no exception.
    manifest["waivers"] = [{**WAIVER, "use": "other-use"}, {**WAIVER, "rule": "VIG003"}]
    assert codes(ai_act(manifest)) == ["VIG002"]


def test_through_the_engine_the_waiver_silences_the_prohibition_and_is_used():
    text = dedent(
        """
        version: 1
        charter: private
        organisation:
          name: Cars du Littoral SA
        uses:
          - id: driver-drowsiness
            name: Drowsiness alarm in bus cabs
            status: pilot
            owner:
              accountable: Safety director
            purpose:
              need: Prevent accidents caused by drivers falling asleep at the wheel.
            tool:
              name: CabGuard
            settings: [workplace]
            capabilities: [emotion_recognition]
            data:
              personal: true
              modalities: [video]
              subjects: [staff]
            interaction:
              disclosure: A camera in the cab detects drowsiness and sounds an alarm.
            ai_act:
              category: high
              annex_iii: 1c
        waivers:
          - rule: VIG002
            use: driver-drowsiness
            reason: "Safety: drowsiness of drivers at the wheel (AI Act, art. 5(1)(f))."
            approved_by: Safety director
            until: 2027-06-30
        """
    )
    findings = lint_source(text, linter=Linter(today=TODAY))
    vig002 = [f for f in findings if f.code == "VIG002"]
    assert len(vig002) == 1 and vig002[0].suppression is not None
    assert not [f for f in findings if f.code.startswith("CL2")]  # the waiver is used
    assert not [f for f in findings if f.code in AI_ACT and f.suppression is None]


# 2. Art. 5(1)(g): biometric categorisation inferring sensitive traits ------------------------
#
# Art. 5(1)(g): "the placing on the market, the putting into service for this specific purpose,
# or the use of biometric categorisation systems that categorise individually natural persons
# based on their biometric data to deduce or infer their race, political opinions, trade union
# membership, religious or philosophical beliefs, sex life or sexual orientation; this
# prohibition does not cover any labelling or filtering of lawfully acquired biometric
# datasets, such as images, based on biometric data or categorizing of biometric data in the
# area of law enforcement".
# Annex III, point 1: "(b) AI systems intended to be used for biometric categorisation,
# according to sensitive or protected attributes or characteristics based on the inference of
# those attributes or characteristics".
# Reading: the manifest has no key for what a system infers; the special-category data a
# categorisation system yields are its output, declared in `data.special`.

CATEGORISATION = {
    "id": "audience-profile",
    "status": "pilot",
    "capabilities": ["biometric_categorisation"],
    "data": {
        "personal": True,
        "modalities": ["image"],
        "special": ["ethnic_origin", "political"],
        "subjects": ["public"],
    },
    "interaction": {"disclosure": "Cameras classify visitors."},
}


def test_biometric_categorisation_inferring_sensitive_traits_is_prohibited():
    findings = run_rules(one_use(CATEGORISATION), codes=["VIG002", "VIG003"], today=TODAY)
    assert summary(findings) == [("VIG002", "/uses/0/capabilities/0")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `audience-profile` categorises people from their biometric data "
        "(`biometric_categorisation`) and yields special-category data (`data.special: "
        "[ethnic_origin, political]`): inferring race, political opinions, trade union "
        "membership, beliefs, sex life or sexual orientation this way is prohibited by AI Act, "
        "art. 5(1)(g); stop it"
    )


@pytest.mark.parametrize("category", ["union", "religious", "sex_life"])
def test_each_category_of_article_5_1_g(category):
    use = {**CATEGORISATION, "data": {**CATEGORISATION["data"], "special": [category]}}
    assert codes(run_rules(one_use(use), codes=["VIG002"], today=TODAY)) == ["VIG002"]


def test_other_biometric_categorisation_is_high_risk_under_annex_iii_1b():
    by_age = {**CATEGORISATION, "data": {**CATEGORISATION["data"], "special": ["biometric"]}}
    findings = ai_act(one_use(by_age))
    assert summary(findings) == [("VIG003", "/uses/0")]
    assert "Annex III, point 1(b) (biometrics), and declares no" in findings[0].message
    # "categorizing of biometric data in the area of law enforcement" is outside 5(1)(g).
    police = {**CATEGORISATION, "domain": ["law_enforcement"]}
    assert codes(run_rules(one_use(police), codes=["VIG002"], today=TODAY)) == []


# 3. Biometric input (Art. 3(34), 3(39), 3(40)); Annex III 1(a) excludes verification ---------
#
# Art. 3(39): "'emotion recognition system' means an AI system for the purpose of identifying or
# inferring emotions or intentions of natural persons on the basis of their biometric data";
# Art. 3(40): "'biometric categorisation system' means an AI system for the purpose of assigning
# natural persons to specific categories on the basis of their biometric data ...";
# Art. 3(34): "'biometric data' means personal data resulting from specific technical processing
# relating to the physical, physiological or behavioural characteristics of a natural person,
# such as facial images or dactyloscopic data".
# Annex III 1(a): "remote biometric identification systems. This shall not include AI systems
# intended to be used for biometric verification the sole purpose of which is to confirm that a
# specific natural person is the person he or she claims to be".

REVIEWS = {
    "id": "review-sentiment",
    "name": "Sentiment of customer reviews",
    "status": "production",
    "domain": ["customer_service"],
    "capabilities": ["sentiment_analysis"],
    "data": {"personal": True, "modalities": ["text"], "subjects": ["clients"]},
}


def test_text_sentiment_analysis_of_customer_reviews_is_silent():
    assert ai_act(one_use(REVIEWS)) == []
    # Even declared `emotion_recognition`, a mood read from text is not AI Act emotion
    # recognition: not prohibited at work, not high-risk, no Art. 50(3) notice.
    staff_text = {
        **REVIEWS,
        "capabilities": ["emotion_recognition"],
        "data": {"personal": True, "modalities": ["text", "tabular"], "subjects": ["staff"]},
    }
    assert ai_act(one_use(staff_text)) == []
    # `biometric` in `data.special` is biometric input, whatever the modalities say.
    biometric = {**staff_text, "data": {**staff_text["data"], "special": ["biometric"]}}
    assert codes(ai_act(one_use(biometric))) == ["TRN005", "VIG002"]


def test_biometric_verification_is_not_annex_iii_1a_but_identification_is():
    badge = {
        "id": "face-badge",
        "status": "production",
        "capabilities": ["biometric_verification"],
        "data": {"personal": True, "modalities": ["image"], "special": ["biometric"]},
        "ai_act": {"category": "minimal"},
    }
    assert ai_act(one_use(badge)) == []
    crowd = {**badge, "id": "crowd-search", "capabilities": ["biometric_identification"]}
    findings = ai_act(one_use(crowd))
    assert summary(findings) == [("VIG003", "/uses/0/ai_act/category")]
    assert "point 1(a) (biometrics)" in findings[0].message


# 4. Annex III points 4, 5(a), 5(b), 5(c); `ai_act.annex_iii` as written ----------------------
#
# Annex III 5(b): "AI systems intended to be used to evaluate the creditworthiness of natural
# persons or establish their credit score, with the exception of AI systems used for the
# purpose of detecting financial fraud".
# Annex III 5(c): "AI systems intended to be used for risk assessment and pricing in relation
# to natural persons in the case of life and health insurance".
# Annex III 4(a): "AI systems intended to be used for the recruitment or selection of natural
# persons ..."; 4(b): "AI systems intended to be used to make decisions affecting terms of
# work-related relationships, the promotion or termination of work-related contractual
# relationships, to allocate tasks based on individual behaviour or personal traits or
# characteristics or to monitor and evaluate the performance and behaviour of persons in such
# relationships".
# Annex III 5(a): "AI systems intended to be used by public authorities or on behalf of public
# authorities to evaluate the eligibility of natural persons for essential public assistance
# benefits and services, including healthcare services, as well as to grant, reduce, revoke, or
# reclaim such benefits and services".

CREDIT = {
    "id": "loan-scoring",
    "name": "Scoring of consumer-loan applications",
    "status": "production",
    "domain": ["credit"],
    "capabilities": ["scoring"],
    "data": {"personal": True, "modalities": ["tabular"], "subjects": ["clients"]},
    "decision": {
        "affects_individuals": True,
        "automation": "assist",
        "purpose": "eligibility",
        "stage": "recommendation",
    },
    "ai_act": {"category": "minimal"},
}


def _points(use: dict[str, Any], **organisation: Any) -> list[str] | None:
    manifest = one_use(use, **organisation)
    return high_risk_points(manifest["uses"][0], manifest, None, today=TODAY)


def test_creditworthiness_of_natural_persons_is_annex_iii_5b():
    assert _points(CREDIT) == ["5(b)"]
    findings = run_rules(one_use(CREDIT), codes=["VIG003"], today=TODAY)
    assert "point 5(b) (essential private and public services), but" in findings[0].message
    pricing = {**CREDIT, "decision": {**CREDIT["decision"], "purpose": "pricing"}}
    assert _points(pricing) == ["5(b)"]


def test_fraud_detection_on_credit_is_not_5b():
    fraud = {**CREDIT, "decision": {**CREDIT["decision"], "purpose": "fraud_detection"}}
    assert _points(fraud) is None
    assert ai_act(one_use(fraud)) == []


def test_company_credit_scoring_is_not_5b():
    companies = {
        **CREDIT,
        "data": {"personal": False, "modalities": ["tabular"]},
        "decision": {**CREDIT["decision"], "subjects_are": "legal_persons"},
    }
    assert _points(companies) is None
    assert ai_act(one_use(companies)) == []
    both = {**CREDIT, "decision": {**CREDIT["decision"], "subjects_are": "both"}}
    assert _points(both) == ["5(b)"]


def test_without_a_purpose_the_credit_label_decides_and_the_message_says_so():
    undeclared = {**CREDIT, "decision": {"affects_individuals": True}}
    findings = run_rules(one_use(undeclared), codes=["VIG003"], today=TODAY)
    assert findings[0].message.startswith(
        "use `loan-scoring` is high-risk under AI Act, art. 6(2) and Annex III, point 5(b) "
        "(essential private and public services; inferred from `domain`: declare "
        "`decision.purpose`), but"
    )
    french = run_rules(one_use(undeclared), codes=["VIG003"], today=TODAY, lang="fr")
    assert french[0].message.startswith(
        "l'usage `loan-scoring` est à haut risque au sens du règlement IA, art. 6, 2, et annexe "
        "III, point 5, b) (services privés et publics essentiels ; déduit de `domain` : "
        "déclarer `decision.purpose`), mais"
    )


HEALTH_INSURANCE = {
    "id": "premium",
    "status": "production",
    "domain": ["insurance", "health"],
    "capabilities": ["scoring"],
    "data": {"personal": True, "modalities": ["tabular"], "subjects": ["clients"]},
    "decision": {"affects_individuals": True, "purpose": "pricing"},
}


def test_health_insurance_pricing_is_5c_whether_or_not_health_data_are_sent():
    assert _points(HEALTH_INSURANCE) == ["5(c)"]
    with_health_data = {
        **HEALTH_INSURANCE,
        "domain": ["insurance"],
        "data": {**HEALTH_INSURANCE["data"], "special": ["health"]},
    }
    assert _points(with_health_data) == ["5(c)"]
    underwriting = {**HEALTH_INSURANCE, "decision": {"purpose": "eligibility"}}
    assert _points(underwriting) == ["5(c)"]


@pytest.mark.parametrize("purpose", ["fraud_detection", "other"])
def test_claims_handling_is_not_5c(purpose):
    claims = {
        **HEALTH_INSURANCE,
        "data": {**HEALTH_INSURANCE["data"], "special": ["health"]},
        "decision": {"affects_individuals": True, "purpose": purpose},
    }
    assert _points(claims) is None


def test_car_insurance_pricing_is_not_5c():
    car = {**HEALTH_INSURANCE, "domain": ["insurance"]}
    assert _points(car) is None


def test_monitoring_and_evaluating_workers_is_4b_whatever_the_domain_label():
    productivity = {
        "id": "activity-tracker",
        "status": "pilot",
        "domain": ["internal_productivity"],
        "capabilities": ["monitoring"],
        "data": {"personal": True, "subjects": ["staff"]},
    }
    assert _points(productivity) == ["4(b)"]
    warehouse = {
        "id": "picking-rate",
        "status": "pilot",
        "domain": ["other"],
        "settings": ["workplace"],
        "capabilities": ["scoring"],
        "data": {"personal": True},
    }
    assert _points(warehouse) == ["4(b)"]
    rota = {"id": "rota", "status": "pilot", "decision": {"purpose": "work_management"}}
    assert _points(rota) == ["4(b)"]
    hiring = {"id": "hiring", "status": "pilot", "decision": {"purpose": "recruitment"}}
    assert _points(hiring) == ["4(a)"]
    # Writing job ads about no one in particular is not Annex III 4.
    ads = {"id": "ads", "domain": ["employment"], "capabilities": ["content_generation"]}
    assert _points(ads) is None


def test_public_assistance_eligibility_is_5a_for_public_bodies_and_those_acting_for_them():
    benefits = {
        "id": "benefit-check",
        "status": "pilot",
        "domain": ["public_benefits"],
        "data": {"personal": True, "subjects": ["public"]},
        "decision": {"affects_individuals": True, "purpose": "eligibility"},
    }
    assert _points(benefits) is None  # a private company
    assert _points(benefits, sector="public_body") == ["5(a)"]
    assert _points(benefits, sector="private_public_service") == ["5(a)"]
    reclaim = {**benefits, "decision": {"affects_individuals": True, "purpose": "enforcement"}}
    assert _points(reclaim, sector="public_body") == ["5(a)"]


@pytest.mark.parametrize("written", [5, "5", "5b", "5(b)", " 5 (B) "])
def test_annex_iii_point_is_read_however_it_is_written(written):
    use = {
        "id": "declared",
        "status": "pilot",
        "ai_act": {"category": "minimal", "annex_iii": written},
    }
    findings = run_rules(one_use(use), codes=["VIG003"], today=TODAY)
    assert codes(findings) == ["VIG003"]
    expected = "5(b)" if "b" in str(written).lower() else "5"
    assert f"point {expected} (essential private and public services), but" in findings[0].message


# 5. Art. 6(3): no exemption for profiling, nor for a system that settles the outcome --------
#
# Art. 6(3), first subparagraph: "By derogation from paragraph 2, an AI system referred to in
# Annex III shall not be considered to be high-risk where it does not pose a significant risk of
# harm to the health, safety or fundamental rights of natural persons, including by not
# materially influencing the outcome of decision making." ... "(d) the AI system is intended to
# perform a preparatory task to an assessment relevant for the purposes of the use cases listed
# in Annex III." Last subparagraph: "Notwithstanding the first subparagraph, an AI system
# referred to in Annex III shall always be considered to be high-risk where the AI system
# performs profiling of natural persons."
# GDPR Art. 4(4) (to which AI Act Art. 3(52) refers): "'profiling' means any form of automated
# processing of personal data consisting of the use of personal data to evaluate certain
# personal aspects relating to a natural person, in particular to analyse or predict aspects
# concerning that natural person's performance at work, economic situation, health, personal
# preferences, interests, reliability, behaviour, location or movements",
# https://eur-lex.europa.eu/eli/reg/2016/679/oj (not read in this environment either).

EXEMPT = {
    "id": "cv-sorting",
    "status": "pilot",
    "domain": ["employment"],
    "data": {"personal": True, "subjects": ["candidates"]},
    "decision": {"affects_individuals": True, "automation": "assist", "purpose": "recruitment"},
    "transparency": {"mention": "The acknowledgement says an AI system sorts applications."},
    "ai_act": {
        "category": "limited",
        "exemption": {"ground": "d", "justification": "Sorts applications by date received."},
    },
}


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (
            {"capabilities": ["profiling"]},
            "but profiles people (`capabilities: profiling`): an Annex III system that profiles "
            "natural persons is always high-risk (AI Act, art. 6(3), last subparagraph)",
        ),
        (
            {"capabilities": ["scoring"]},
            "but scores people (`capabilities: scoring`): scoring a person's performance, "
            "situation or behaviour is profiling (GDPR, art. 4(4))",
        ),
        (
            {"decision": {**EXEMPT["decision"], "stage": "final"}},
            "but its output is the outcome (`decision.stage: final`): a system that materially "
            "influences the outcome of decision making is not exempt (AI Act, art. 6(3), first "
            "subparagraph)",
        ),
        (
            {"decision": {**EXEMPT["decision"], "automation": "partial"}},
            "but settles cases alone (`decision.automation: partial`)",
        ),
        (
            {"decision": {**EXEMPT["decision"], "automation": "full"}},
            "but settles cases alone (`decision.automation: full`)",
        ),
    ],
)
def test_the_exemption_fails_and_vig004_names_the_fact(change, fragment):
    use = {**EXEMPT, **change}
    findings = ai_act(one_use(use))
    assert summary(findings) == [("VIG004", "/uses/0/ai_act/exemption")]
    assert fragment in findings[0].message
    assert findings[0].message.endswith(NOT_YET)
    assert _points(use) == ["4(a)"]  # the exemption void, the use is high-risk


def test_a_valid_exemption_is_silent_and_lifts_the_high_risk_duties():
    assert ai_act(one_use(EXEMPT)) == []
    assert _points(EXEMPT) is None
    # Scoring companies is not profiling natural persons.
    companies = {
        **CREDIT,
        "capabilities": ["scoring"],
        "decision": {"purpose": "eligibility", "subjects_are": "legal_persons"},
        "ai_act": {"category": "minimal", "exemption": {"ground": "d", "justification": "x"}},
    }
    assert codes(run_rules(one_use(companies), codes=["VIG004"], today=TODAY)) == []


# 6. Art. 27 (FRIA) and Art. 49(3) (registration): public bodies and those acting for them ----
#
# Art. 27(1): "Prior to deploying a high-risk AI system referred to in Article 6(2), with the
# exception of high-risk AI systems intended to be used in the area listed in point 2 of Annex
# III, deployers that are bodies governed by public law, or are private entities providing
# public services, and deployers of high-risk AI systems referred to in points 5 (b) and (c) of
# Annex III, shall perform an assessment of the impact on fundamental rights that the use of
# such system may produce."
# Art. 49(3): "Before putting into service or using a high-risk AI system listed in Annex III,
# with the exception of high-risk AI systems listed in point 2 of Annex III, deployers that are
# public authorities, Union institutions, bodies, offices or agencies or persons acting on their
# behalf shall register themselves, select the system and register its use in the EU database
# referred to in Article 71."
# Art. 113, third paragraph, as amended: "(c) Chapter III, Sections 1, 2, and 3, with the
# exception of Article 6(5), shall apply from: (i) 2 December 2027 as regards AI systems
# classified as high-risk pursuant to Article 6(2) and Annex III". Open point: Art. 49 is in
# Section 5, which point (c) does not name (see law.yaml, `eu_registration`).

HOUSING = {
    "id": "housing-priority",
    "status": "pilot",
    "domain": ["housing"],
    "data": {"personal": True, "subjects": ["public"]},
    "decision": {"affects_individuals": True, "automation": "assist", "purpose": "eligibility"},
    "transparency": {"mention": "The decision letter says an AI system ranked the application."},
    "ai_act": {"category": "high", "annex_iii": "5a"},
}


def test_a_private_public_service_needs_a_fria_and_a_registration():
    manifest = one_use(HOUSING, sector="private_public_service")
    findings = ai_act(manifest)
    assert summary(findings) == [("VIG005", "/uses/0"), ("VIG006", "/uses/0/ai_act")]
    fria, registration = findings
    assert fria.severity == registration.severity == "warning"
    assert fria.message == (
        "use `housing-priority` (`status: pilot`) is high-risk (AI Act, Annex III, point 5(a) "
        "(essential private and public services)) and deployed by a public body or a private "
        "body providing a public service (`organisation.sector: private_public_service`), "
        "without a completed fundamental-rights impact assessment (`assessments.fria.status: "
        "done`): carry it out before its first use (AI Act, art. 27)" + PUBLIC_BY
    )
    assert registration.message == (
        "use `housing-priority` (`status: pilot`) is a high-risk system (AI Act, Annex III, "
        "point 5(a) (essential private and public services)) used on behalf of a public "
        "authority (`organisation.sector: private_public_service`) and has no "
        "`ai_act.registration`: register its use in the EU database before using it (AI Act, "
        "art. 49(3))" + PUBLIC_BY
    )
    assert registration.legal == {
        "duty": "eu_registration",
        "instrument": "ai_act",
        "cite": "AI Act, art. 49(3)",
        "binds_from": "2030-08-02",
        "in_force": False,
    }


def test_fria_and_registration_become_errors_on_2_december_2027():
    manifest = one_use(HOUSING, sector="public_body")
    before = ai_act(manifest, today=BEFORE)
    assert [(f.code, f.severity) for f in before] == [("VIG005", "warning"), ("VIG006", "warning")]
    on_the_day = ai_act(manifest, today=ANNEX_III_DAY)
    assert [(f.code, f.severity) for f in on_the_day] == [("VIG005", "error"), ("VIG006", "error")]
    assert on_the_day[1].message.endswith(
        "used by a public authority and has no "
        "`ai_act.registration`: register its use in the EU database before using it (AI Act, "
        "art. 49(3)) (unless it was in service before 2027-12-02: declare `dates.start`)"
    )
    assert all(f.legal["in_force"] for f in on_the_day)
    # with its start declared, the finding says nothing more
    started = one_use({**HOUSING, "dates": {"start": "2027-12-02"}}, sector="public_body")
    (_, registration) = ai_act(started, today=ANNEX_III_DAY)
    assert registration.message.endswith("(AI Act, art. 49(3))")


def test_a_design_is_asked_before_the_use_starts():
    manifest = one_use({**HOUSING, "status": "design"}, sector="public_body")
    on_the_day = ai_act(manifest, today=ANNEX_III_DAY)
    assert [(f.code, f.severity) for f in on_the_day] == [
        ("VIG005", "warning"),
        ("VIG006", "warning"),
    ]
    assert all(f.message.endswith(" (legal duty before the use starts)") for f in on_the_day)


def test_a_private_company_registers_nothing_and_needs_a_fria_only_for_5b_5c():
    assert ai_act(one_use(HOUSING, sector="private")) == []
    credit = {
        **CREDIT,
        "ai_act": {"category": "high", "annex_iii": "5b"},
        "transparency": {"mention": "The answer letter says an AI system scored it."},
    }
    assert summary(ai_act(one_use(credit))) == [("VIG005", "/uses/0")]


# 7. The duties' dates: Art. 5 since 2025, Annex III from 2027, Art. 111(2) -------------------
#
# Art. 113, third paragraph, as amended: "(a) Chapters I and II shall apply from 2 February
# 2025, with the exception of Article 5(1), first subparagraph, points (ba) and (bb) ...".
# Art. 111(2), as amended: "Without prejudice to the application of Article 5 as referred to in
# Article 113, third paragraph, point (a), this Regulation shall apply to operators of high-risk
# AI systems, other than the systems referred to in paragraph 1 of this Article, that have been
# placed on the market or put into service before the date of application of Chapter III
# referred to in Article 113, only if, as from that date, those systems are subject to
# significant changes in their designs. In any case, the providers and deployers of high-risk AI
# systems intended to be used by public authorities shall take the necessary steps to comply
# with the requirements and obligations laid down in this Regulation by 2 August 2030."


def test_prohibitions_bind_since_2_february_2025():
    on_the_eve = run_rules(one_use(CALL_CENTRE_STAFF), codes=["VIG002"], today=dt.date(2025, 2, 1))
    assert on_the_eve[0].severity == "warning"
    assert on_the_eve[0].message.endswith(" (legal duty from 2025-02-02)")
    idea = {**CALL_CENTRE_STAFF, "status": "idea"}
    findings = run_rules(one_use(idea), codes=["VIG002"], today=TODAY)
    assert findings[0].severity == "warning"
    assert findings[0].message.endswith("; stop it (legal duty before the use starts)")


def test_article_111_2_for_a_system_in_service_before_the_date():
    legacy = {**CREDIT, "dates": {"start": "2026-03-01"}}
    findings = run_rules(one_use(legacy), codes=["VIG003"], today=ANNEX_III_DAY)
    assert findings[0].severity == "warning"
    assert findings[0].message.endswith(
        " (legal duty only once its design changes significantly: AI Act, art. 111(2))"
    )
    assert findings[0].legal["binds_from"] is None
    # A public authority's system: by 2 August 2030 in any case.
    benefits = {
        **legacy,
        "domain": ["public_benefits"],
        "capabilities": [],
        "ai_act": {"category": "minimal"},
    }
    public = run_rules(
        one_use(benefits, sector="public_body"), codes=["VIG003"], today=ANNEX_III_DAY
    )
    assert public[0].message.endswith(" (legal duty from 2030-08-02)")
    # Put into service after the cut-off: bound from its first day.
    recent = {**CREDIT, "dates": {"start": "2028-01-10"}}
    later = run_rules(one_use(recent), codes=["VIG003"], today=dt.date(2028, 2, 1))
    assert later[0].severity == "error"
    # Art. 111(2) is "without prejudice to the application of Article 5".
    old_prohibited = {**CALL_CENTRE_STAFF, "dates": {"start": "2024-01-01"}}
    assert run_rules(one_use(old_prohibited), codes=["VIG002"], today=TODAY)[0].severity == "error"


# 8. Art. 26(11) (VIG007) and Art. 50(3) (TRN005) ------------------------------------------
#
# Art. 26(11): "Without prejudice to Article 50 of this Regulation, deployers of high-risk AI
# systems referred to in Annex III that make decisions or assist in making decisions related to
# natural persons shall inform the natural persons that they are subject to the use of the
# high-risk AI system. For high-risk AI systems used for law enforcement purposes Article 13 of
# Directive (EU) 2016/680 shall apply."
# Art. 50(3): "Deployers of an emotion recognition system or a biometric categorisation system
# shall inform the natural persons exposed thereto of the operation of the system, and shall
# process the personal data in accordance with Regulations (EU) 2016/679 and (EU) 2018/1725 and
# Directive (EU) 2016/680, as applicable." Art. 50 applies from 2 August 2026 (Art. 113, second
# paragraph, "It shall apply from 2 August 2026.").

DECLARED_CREDIT = {
    **CREDIT,
    "ai_act": {"category": "high", "annex_iii": "5b"},
    "assessments": {"fria": {"status": "done", "ref": "AIDF-1", "date": "2026-05-20"}},
}


def test_people_decided_about_by_a_high_risk_system_are_informed():
    findings = ai_act(one_use(DECLARED_CREDIT))
    assert summary(findings) == [("VIG007", "/uses/0")]
    assert findings[0].severity == "warning"
    assert findings[0].message == (
        "use `loan-scoring` is a high-risk system (AI Act, Annex III, point 5(b) (essential "
        "private and public services)) that makes or assists decisions about people, and "
        "declares no information given to them (`transparency.mention` or "
        "`interaction.disclosure`): tell the people concerned that they are subject to its use "
        "(AI Act, art. 26(11))" + NOT_YET
    )
    on_the_day = ai_act(one_use(DECLARED_CREDIT), today=ANNEX_III_DAY)
    assert [(f.code, f.severity) for f in on_the_day] == [("VIG007", "error")]
    french = ai_act(one_use(DECLARED_CREDIT), today=ANNEX_III_DAY, lang="fr")
    assert french[0].message == (
        "l'usage `loan-scoring` est un système à haut risque (règlement IA, annexe III, point "
        "5, b) (services privés et publics essentiels)) qui prend ou aide à prendre des "
        "décisions sur des personnes, et ne déclare aucune information qui leur soit donnée "
        "(`transparency.mention` ou `interaction.disclosure`) : informer les personnes "
        "concernées qu'elles sont soumises à son utilisation (règlement IA, art. 26, 11) (sauf "
        "s'il était en service avant le 2027-12-02 : déclarer `dates.start`)"
    )


@pytest.mark.parametrize(
    "change",
    [
        {"transparency": {"mention": "The answer letter says an AI system scored the file."}},
        {"interaction": {"disclosure": "An AI system scores your application."}},
        {"decision": {"purpose": "eligibility", "subjects_are": "legal_persons"}},
        {"status": "design"},
        {
            "data": {"personal": True, "subjects": ["staff"]},
            "decision": {"affects_individuals": True},
        },
    ],
    ids=["mention", "disclosure", "companies", "design", "own-staff-wrk002"],
)
def test_vig007_silent_cases(change):
    use = {**DECLARED_CREDIT, **change}
    assert "VIG007" not in codes(ai_act(one_use(use), today=ANNEX_III_DAY))


def test_the_art_50_3_notice_whenever_such_a_system_is_deployed():
    # Prohibited or not, the people exposed are told: the notice is in force, an error.
    prohibited = ai_act(one_use(CALL_CENTRE_STAFF))
    assert [(f.code, f.severity) for f in prohibited] == [("TRN005", "error"), ("VIG002", "error")]
    assert prohibited[0].message == (
        "use `agent-mood` performs `emotion_recognition` without `interaction.disclosure`: "
        "inform the people exposed to it of the system's operation (AI Act, art. 50(3))"
    )
    assert prohibited[0].legal["binds_from"] == "2026-08-02"
    categorisation = {**CATEGORISATION, "interaction": {}}
    assert "TRN005" in codes(ai_act(one_use(categorisation)))
    # Not such a system without biometric input; not asked of a design (status policy).
    assert (
        ai_act(one_use({**CALL_CENTRE_STAFF, "data": {"personal": True, "modalities": ["text"]}}))
        == []
    )
    design = run_rules(
        one_use({**CALL_CENTRE_CUSTOMERS, "interaction": {}, "status": "design"}),
        codes=["TRN005"],
        today=TODAY,
    )
    assert design == []
    assert (
        run_rules(
            one_use({**CALL_CENTRE_CUSTOMERS, "interaction": {}}),
            codes=["TRN005"],
            today=dt.date(2026, 8, 1),
        )[0].severity
        == "warning"
    )


# 9. The AI Act applies in the EU and the EEA ----------------------------------------------


@pytest.mark.parametrize("country", ["GB", "US"])
def test_outside_the_eu_and_the_eea_the_ai_act_rules_stay_silent(country):
    uses = [
        CALL_CENTRE_STAFF,
        CALL_CENTRE_CUSTOMERS,
        CATEGORISATION,
        DECLARED_CREDIT,
        {**EXEMPT, "capabilities": ["profiling"]},
        {**HOUSING, "id": "housing"},
    ]
    manifest = manifest_with(*uses, charter="public")
    manifest["organisation"]["country"] = country
    assert ai_act(manifest, today=ANNEX_III_DAY) == []
    # The public charter's own pre-project assessment is not an AI Act rule.
    assert "VIG001" in codes(run_rules(manifest, codes=["VIG001"], today=TODAY))
    manifest["organisation"]["country"] = "NO"  # the EEA
    assert set(codes(ai_act(manifest, today=ANNEX_III_DAY))) == set(AI_ACT)


# 10. `audience` is who sees the output, not who is watched -------------------------------


def test_audience_does_not_say_who_is_watched():
    shop_cameras = {
        "id": "shopper-mood",
        "status": "pilot",
        "audience": ["staff"],  # the staff see the dashboard; the shoppers are watched
        "settings": ["commercial_premises"],
        "capabilities": ["emotion_recognition"],
        "data": {"personal": True, "modalities": ["video"], "subjects": ["clients"]},
        "interaction": {"disclosure": "Cameras estimate shoppers' mood."},
        "ai_act": {"category": "high", "annex_iii": "1c"},
    }
    assert ai_act(one_use(shop_cameras)) == []
    coaching = {
        **shop_cameras,
        "audience": ["clients"],
        "data": {**shop_cameras["data"], "subjects": ["staff"]},
    }
    assert codes(ai_act(one_use(coaching))) == ["VIG002"]


# A complete, honest high-risk use lints clean of AI Act findings -------------------------

HONEST_BANK = {
    **DECLARED_CREDIT,
    "dates": {"start": "2028-01-10"},
    "decision": {
        **CREDIT["decision"],
        "subjects_are": "natural_persons",
        "significant_effect": True,
    },
    "transparency": {"mention": "The form and the answer letter say an AI system scores the file."},
    "oversight": {
        "reviewer": "Credit analyst",
        "review": "Decides each file.",
        "can_override": True,
    },
}


@pytest.mark.parametrize("today", [TODAY, ANNEX_III_DAY, dt.date(2031, 1, 1)])
def test_a_bank_with_everything_declared_has_no_ai_act_finding(today):
    assert ai_act(one_use(HONEST_BANK, country="FR"), today=today) == []
    assert ai_act(one_use(HONEST_BANK, country="DE"), today=today) == []
