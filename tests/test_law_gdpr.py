"""Scenarios from the primary texts of data protection law: GDPR arts 6, 10, 13, 22, 28, 35 and
44-49, UK GDPR arts 22A to 22D, loi 78-17 art. 47, the CNIL list of processing requiring a DPIA.

Where a text could not be read on its official site, the comment says where it was read.
- GDPR (Regulation (EU) 2016/679), https://eur-lex.europa.eu/eli/reg/2016/679/oj: the EUR-Lex
  page was not in the search corpus; the quoted words were read in reproductions of the Official
  Journal text (gdprhub.eu, law-reg.org, gdpr-dpa.co.uk).
- UK GDPR arts 22A to 22D, Data (Use and Access) Act 2025 s. 80: read on legislation.gov.uk,
  https://www.legislation.gov.uk/ukpga/2025/18/section/80; the commencement date (5 February
  2026, SI 2026/82 reg. 2(j)) only in reproductions of the SI.
- Loi 78-17 art. 47: the Légifrance page was not in the corpus; read in the Etalab guide on
  public algorithms and Conseil constitutionnel décision n° 2018-765 DC (reproduced).
- CNIL délibération n° 2018-327: https://cnil.fr/liste-traitements-aipd-requise (count of 14
  types read); item labels read in reproductions of the JORF table.
"""

from __future__ import annotations

import copy
import datetime as dt

from rule_harness import manifest_with, run_rules

from charte_lint.law import Law, adequacy

TODAY = dt.date(2026, 11, 29)
MINE = (
    "DAT001",
    "DAT004",
    "DAT005",
    "DAT006",
    "DAT007",
    "DAT008",
    "DAT009",
    "DAT010",
    "DAT014",
    "DAT016",
    "DAT017",
    "HUM001",
    "HUM002",
    "HUM003",
    "HUM004",
    "HUM005",
    "HUM006",
)

# A loan pre-screening: the system refuses some applications alone (partial automation).
LOANS = {
    "id": "loan-screening",
    "name": "Consumer loan pre-screening",
    "status": "production",
    "capabilities": ["scoring"],
    "description": {"how": "A scorecard weighs income, debts and repayment history."},
    "data": {
        "personal": True,
        "legal_basis": "contract",
        "subjects": ["clients"],
        "retention": "P1Y",
    },
    "decision": {
        "affects_individuals": True,
        "automation": "partial",
        "significant_effect": True,
        "purpose": "eligibility",
    },
    "oversight": {
        "reviewer": "Credit analyst",
        "review": "Reads every borderline file and its main factors before deciding.",
        "can_override": True,
    },
    "recourse": "An applicant can ask a credit analyst to re-examine a refusal within 30 days.",
    "assessments": {"dpia": {"status": "done", "ref": "DPIA-12", "date": "2026-01-10"}},
}


def use(base=LOANS, **changes):
    """A deep copy of `base` with dotted keys changed (None removes the key)."""
    result = copy.deepcopy(base)
    for dotted, value in changes.items():
        node = result
        *parents, last = dotted.split("__")
        for part in parents:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return result


def manifest(*uses, country=None, sector=None, charter="private"):
    built = manifest_with(*uses, charter=charter)
    if country:
        built["organisation"]["country"] = country
    if sector:
        built["organisation"]["sector"] = sector
    return built


def only(findings, code):
    return [f for f in findings if f.code == code]


def lint(*uses, codes=MINE, today=TODAY, lang="en", **org):
    return run_rules(manifest(*uses, **org), codes=codes, today=today, lang=lang)


# GDPR art. 22 ------------------------------------------------------------------------------
# Art. 22(1): "The data subject shall have the right not to be subject to a decision based
# solely on automated processing, including profiling, which produces legal effects concerning
# him or her or similarly significantly affects him or her."
# Art. 22(2): "Paragraph 1 shall not apply if the decision: (a) is necessary for entering into,
# or performance of, a contract ...; (b) is authorised by Union or Member State law ...; or
# (c) is based on the data subject's explicit consent."


def test_partial_automation_settles_some_cases_alone_so_art22_needs_an_exception():
    findings = lint(use(data__legal_basis="legitimate_interests"))
    hum001 = only(findings, "HUM001")
    assert [(f.pointer, f.severity) for f in hum001] == [("/uses/0/decision/automation", "error")]
    assert hum001[0].message.startswith(
        "use `loan-screening` settles decisions about people alone (`decision.automation: "
        "partial`) with legal or similarly significant effects, and declares none of the "
        "exceptions of GDPR, art. 22(2): a contract"
    )
    assert hum001[0].legal == {
        "duty": "automated_decision",
        "instrument": "gdpr",
        "cite": "GDPR, art. 22",
        "binds_from": "2018-05-25",
        "in_force": True,
    }
    french = only(lint(use(data__legal_basis="legitimate_interests"), lang="fr"), "HUM001")
    assert "aucune des exceptions prévues (RGPD, art. 22, 2)" in french[0].message


def test_a_contract_with_human_intervention_and_recourse_meets_art22():
    assert lint(use()) == []


def test_an_individual_administrative_decision_has_legal_effects():
    # no `significant_effect`: `administrative: true` is enough; in Germany `public_task` needs
    # the authorising statute (art. 22(2)(b)) in `legal_texts`
    aid = use(
        data__legal_basis="public_task",
        decision__significant_effect=None,
        decision__administrative=True,
        decision__purpose=None,
    )
    findings = only(lint(aid, country="DE", sector="public_body", charter="public"), "HUM001")
    assert [f.pointer for f in findings] == ["/uses/0/decision/automation"]
    assert "with legal effects (an individual administrative decision)" in findings[0].message
    statute = use(aid, legal_texts=[{"title": "Sozialgesetzbuch", "url": "https://example.org"}])
    assert only(lint(statute, country="DE", sector="public_body", charter="public"), "HUM001") == []
    # in France loi 78-17 art. 47 is the Member State law that authorises it (HUM006 checks it)
    assert only(lint(aid, sector="public_body", charter="public"), "HUM001") == []


def test_full_automation_needs_human_intervention_on_request():
    # Art. 22(3): "at least the right to obtain human intervention on the part of the
    # controller, to express his or her point of view and to contest the decision"
    full = use(decision__automation="full", oversight=None)
    findings = only(lint(full), "HUM001")
    assert [(f.pointer, f.message.split(":")[0]) for f in findings] == [
        (
            "/uses/0/decision/automation",
            "use `loan-screening` settles decisions about people alone (`decision.automation",
        )
    ]
    assert "`oversight.can_override: true`" in findings[0].message
    assert "contest the decision (GDPR, art. 22)" in findings[0].message
    with_override = use(full, oversight={"can_override": True})
    # the law is met; the private charter still keeps important decisions human
    charter = only(lint(with_override), "HUM001")
    assert [f.legal for f in charter] == [None]
    assert charter[0].message.startswith("use `loan-screening` lets the AI decide alone")


def test_art22_4_special_categories_need_explicit_consent_or_substantial_public_interest():
    # Art. 22(4): decisions "shall not be based on special categories of personal data referred
    # to in Article 9(1), unless point (a) or (g) of Article 9(2) applies"
    health = use(data__special=["health"], data__special_basis="health_care")
    findings = only(lint(health), "HUM001")
    assert [f.pointer for f in findings] == ["/uses/0/data/special"]
    assert findings[0].legal["cite"] == "GDPR, art. 22(4)"
    assert findings[0].legal["duty"] == "automated_decision_special"
    consent = use(health, data__special_basis="explicit_consent")
    assert only(lint(consent), "HUM001") == []


def test_the_effect_is_inferred_from_the_purpose_and_said_so():
    inferred = use(data__legal_basis="legitimate_interests", decision__significant_effect=None)
    [finding] = only(lint(inferred), "HUM001")
    assert (
        "(inferred from `decision.purpose: eligibility`; declare "
        "`decision.significant_effect`)" in finding.message
    )


def test_art22_stays_silent_without_significant_effect_or_before_service():
    minor = use(data__legal_basis="legitimate_interests", decision__significant_effect=False)
    assert only(lint(minor), "HUM001") == []
    for status in ("idea", "design", "retired"):
        planned = use(data__legal_basis="legitimate_interests", status=status)
        assert only(lint(planned), "HUM001") == [], status


def test_a_missing_purpose_is_asked_when_art22_turns_on_it():
    unknown = use(decision__significant_effect=None, decision__purpose=None)
    findings = lint(unknown)
    assert [(f.code, f.pointer, f.severity) for f in findings] == [
        ("HUM005", "/uses/0/decision", "warning")
    ]
    assert findings[0].message == (
        "use `loan-screening` settles cases about people alone (`decision.automation: partial`) "
        "but declares neither `decision.significant_effect` nor `decision.purpose`: whether "
        "GDPR, art. 22 applies depends on the effect of these decisions; declare both"
    )
    assert findings[0].legal["duty"] == "automated_decision"


# UK GDPR arts 22A to 22D ---------------------------------------------------------------------
# Art. 22A(1)(a): "a decision is based solely on automated processing if there is no meaningful
# human involvement in the taking of the decision"; 22B(1): "A significant decision based
# entirely or partly on processing described in Article 9(1) ... may not be taken based solely
# on automated processing, unless one of the following conditions is met"; 22C: safeguards.


def test_uk_permits_solely_automated_decisions_with_safeguards():
    no_exception = use(data__legal_basis="legitimate_interests")
    assert only(lint(no_exception, country="GB"), "HUM001") == []
    full = use(no_exception, decision__automation="full", oversight=None)
    [finding] = [f for f in only(lint(full, country="GB"), "HUM001") if f.legal]
    assert "(UK GDPR, art. 22A to 22D)" in finding.message
    assert finding.legal == {
        "duty": "automated_decision",
        "instrument": "uk_gdpr",
        "cite": "UK GDPR, art. 22A to 22D",
        "binds_from": "2026-02-05",
        "in_force": True,
    }
    before = [
        f for f in only(lint(full, country="GB", today=dt.date(2026, 2, 4)), "HUM001") if f.legal
    ]
    assert before[0].severity == "warning"
    assert before[0].message.endswith(" (legal duty from 2026-02-05)")


def test_uk_special_categories_cite_art_22b():
    health = use(data__special=["health"], data__special_basis="health_care")
    [finding] = only(lint(health, country="GB"), "HUM001")
    assert finding.message.endswith("such decisions are otherwise forbidden (UK GDPR, art. 22B)")


def test_outside_the_eea_and_the_uk_no_gdpr_is_cited():
    full = use(data__legal_basis="legitimate_interests", decision__automation="full")
    findings = lint(full, country="US")
    assert [(f.code, f.severity, f.legal) for f in findings] == [("HUM001", "error", None)]
    assert "GDPR" not in findings[0].message
    assert findings[0].message.startswith("use `loan-screening` lets the AI decide alone")


# GDPR art. 13(2)(f) / 14(2)(g) -------------------------------------------------------------
# "the existence of automated decision-making, including profiling, referred to in Article
# 22(1) and (4) and, at least in those cases, meaningful information about the logic involved,
# as well as the significance and the envisaged consequences of such processing"


def test_meaningful_information_about_the_logic_is_described():
    findings = lint(use(description=None))
    assert [(f.code, f.pointer) for f in findings] == [("DAT017", "/uses/0/description")]
    assert findings[0].legal["cite"] == "GDPR, art. 13(2)(f) and 14(2)(g)"
    assistant = use(description=None, decision__automation="assist")
    assert only(lint(assistant), "DAT017") == []
    assert only(lint(use(description=None), country="US"), "DAT017") == []


# Loi 78-17 art. 47 -----------------------------------------------------------------------------
# Etalab guide, quoting art. 47: "le responsable du traitement s'assure de la maîtrise du
# traitement algorithmique et de ses évolutions afin de pouvoir expliquer, en détail et sous une
# forme intelligible, à la personne concernée, la manière dont le traitement a été mis en oeuvre
# à son égard"; Conseil constitutionnel 2018-765 DC § 65: allowed "dès lors que l'algorithme de
# traitement utilisé ne porte pas sur des données sensibles, que des recours administratifs sont
# possibles et qu'une information est délivrée sur l'usage de l'algorithme".

RATES = use(
    id="canteen-rates",
    data__legal_basis="public_task",
    decision__significant_effect=None,
    decision__administrative=True,
    decision__purpose=None,
    description=None,
    capabilities=None,
)


def test_art47_conditions_on_a_french_solely_algorithmic_administrative_decision():
    health = use(RATES, data__special=["health"], data__special_basis="public_interest")
    findings = only(lint(health, sector="public_body", charter="public"), "HUM006")
    assert [(f.pointer, f.severity) for f in findings] == [
        ("/uses/0", "error"),
        ("/uses/0/data/special", "error"),
        ("/uses/0/description", "error"),
    ]
    assert findings[0].message == (
        "use `canteen-rates` takes individual administrative decisions solely on an algorithm "
        "(`decision.automation: partial`) without `transparency.mention`: loi 78-17, art. 47 "
        "allows such decisions only with the mention of CRPA art. L311-3-1, and a decision "
        "without it is void; write the mention"
    )
    assert findings[0].legal == {
        "duty": "automated_administrative_decision",
        "instrument": "loi_78_17",
        "cite": "loi 78-17, art. 47",
        "binds_from": "2019-06-01",
        "in_force": True,
    }
    assert "`description.how` or `algorithm.code`" in findings[2].message
    complete = use(
        RATES,
        transparency={"mention": "Rate set by an algorithm; its rules are communicable."},
        algorithm={"code": "https://example.org/bareme"},
    )
    assert only(lint(complete, sector="public_body", charter="public"), "HUM006") == []
    # elsewhere the loi does not bind; a person deciding each case is not "solely"
    assert only(lint(health, country="DE", sector="public_body", charter="public"), "HUM006") == []
    assisted = use(health, decision__automation="assist")
    assert only(lint(assisted, sector="public_body", charter="public"), "HUM006") == []


# GDPR art. 35 and the CNIL list ----------------------------------------------------------------
# Art. 35(3): "(c) a systematic monitoring of a publicly accessible area on a large scale".

CAMERAS = {
    "id": "street-cameras",
    "name": "Crowd density cameras on the market square",
    "status": "production",
    "capabilities": ["monitoring"],
    "settings": ["public_space"],
    "audience": ["staff"],
    "data": {
        "personal": True,
        "legal_basis": "public_task",
        "modalities": ["video"],
        "subjects": ["public"],
        "retention": "P7D",
    },
}


def test_monitoring_a_public_space_requires_a_dpia_whoever_sees_the_output():
    findings = lint(CAMERAS, sector="public_body", charter="public")
    assert [(f.code, f.pointer, f.severity) for f in findings] == [("DAT006", "/uses/0", "error")]
    assert (
        "systematic monitoring of a publicly accessible area on a large scale "
        "(art. 35(3)(c))" in findings[0].message
    )
    assert findings[0].legal["cite"] == "GDPR, art. 35"
    # declared small, it is one EDPB criterion (systematic monitoring) and no more
    small = use(CAMERAS, data__scale="small")
    assert lint(small, sector="public_body", charter="public") == []
    # the staff see the output (`audience`): that does not make it a monitoring of staff
    assert "employees" not in findings[0].message


def test_a_retired_use_is_not_asked_for_a_dpia_and_a_design_is_asked_before_it_starts():
    assert lint(use(CAMERAS, status="retired"), sector="public_body", charter="public") == []
    [design] = lint(use(CAMERAS, status="design"), sector="public_body", charter="public")
    assert design.severity == "warning"
    assert design.message.endswith(" (legal duty before the use starts)")


def test_cnil_list_large_scale_location_data_only_in_france():
    # CNIL délibération n° 2018-327, item 14: "Traitements de données de localisation à large
    # échelle"
    fleet = use(
        CAMERAS,
        id="delivery-tracking",
        capabilities=None,
        settings=None,
        data__modalities=["location"],
        data__scale="large",
        data__subjects=["clients"],
        data__legal_basis="contract",
    )
    [france] = lint(fleet)
    assert "large-scale location data (CNIL list)" in france.message
    [germany] = lint(fleet, country="DE")
    assert "EDPB criteria" in germany.message and "CNIL" not in germany.message
    assert lint(fleet, country="US") == []


def test_cnil_list_hr_profiling_read_from_subjects_or_inferred_from_the_domain():
    # item 3: "Traitements établissant des profils de personnes physiques à des fins de gestion
    # des ressources humaines"
    hr = use(
        CAMERAS,
        id="skills-scoring",
        capabilities=["scoring"],
        settings=None,
        data__modalities=None,
        data__subjects=["staff"],
        data__legal_basis="legitimate_interests",
    )
    [finding] = lint(hr)
    assert "profiling for human-resources management (CNIL list)" in finding.message
    by_domain = use(hr, data__subjects=["clients"], domain=["employment"])
    [inferred] = lint(by_domain)
    assert "inferred from `domain: employment`" in inferred.message


def test_biometrics_are_an_innovative_use():
    # WP248 rev.01, criterion 8: "Innovative use or applying new technological or organisational
    # solutions, like combining use of finger print and face recognition for improved physical
    # access control" (read in secondary reproductions)
    gate = use(
        CAMERAS,
        id="face-gate",
        capabilities=["biometric_verification"],
        settings=["workplace"],
        data__modalities=["biometric"],
        data__subjects=["staff"],
        data__special=["biometric"],
        data__special_basis="explicit_consent",
        data__legal_basis="legitimate_interests",
    )
    [finding] = only(lint(gate), "DAT006")
    assert "innovative technology (generative AI or biometrics)" in finding.message


# Transfers: adequacy decisions as dated data ------------------------------------------------


def test_adequacy_is_read_at_the_run_date():
    assert adequacy("BR", dt.date(2026, 1, 25)) is None
    assert adequacy("BR", dt.date(2026, 1, 26))["decision"].endswith("2026/179")
    assert adequacy("GB", dt.date(2031, 12, 27)) is not None
    assert adequacy("GB", dt.date(2031, 12, 28)) is None
    assert adequacy("US", TODAY)["scope_only"] == "dpf"
    assert adequacy("IN", TODAY) is None


def test_transfers_follow_the_adequacy_calendar():
    brazil = use(data__transfers=[{"country": "BR", "mechanism": "adequacy"}])
    [early] = lint(brazil, today=dt.date(2026, 1, 1))
    assert (early.code, early.pointer) == ("DAT008", "/uses/0/data/transfers/0/mechanism")
    assert "no adequacy decision in force on 2026-01-01 (GDPR, art. 44 to 49)" in early.message
    assert lint(brazil) == []
    uk_region = use(tool={"name": "Hosted scorer", "region": "GB"})
    assert lint(uk_region, today=dt.date(2031, 12, 27)) == []
    [expired] = lint(uk_region, today=dt.date(2031, 12, 28))
    assert (expired.code, expired.pointer) == ("DAT008", "/uses/0/tool/region")
    us = use(data__transfers=[{"country": "US", "mechanism": "adequacy"}])
    assert [f.message.split(",")[0] for f in lint(us)] == [
        "use `loan-screening` relies on `adequacy` for `US`"
    ]
    assert lint(use(data__transfers=[{"country": "US", "mechanism": "dpf"}])) == []


def test_gb_transfers_ask_only_for_a_mechanism_and_us_organisations_are_not_judged():
    japan = use(data__transfers=[{"country": "JP", "mechanism": "adequacy"}])
    assert lint(japan, country="GB") == []
    india = use(data__transfers=[{"country": "IN"}])
    [finding] = lint(india, country="GB")
    assert "(UK GDPR: `adequacy`, `dpf`" not in finding.message
    assert "(UK GDPR, art. 44 to 49: `adequacy`" in finding.message
    assert lint(india, country="US") == []


# Where the data go, and processors (GDPR art. 28(3)) -------------------------------------------
# Art. 28(3): "Processing by a processor shall be governed by a contract or other legal act".


def test_a_named_saas_vendor_without_a_region_is_asked_where_it_processes():
    saas = use(tool={"name": "Scoring API", "vendor": "Acme", "hosting": "saas", "contract": True})
    findings = lint(saas)
    assert [(f.code, f.pointer, f.severity) for f in findings] == [
        ("DAT016", "/uses/0/tool", "warning")
    ]
    assert "of `Acme` with no `tool.region` and no `data.transfers`" in findings[0].message
    located = use(saas, tool__region="FR")
    assert lint(located) == []


def test_each_receiving_party_needs_a_contract_and_a_region():
    parties = use(
        parties=[
            {"name": "Acme Hosting", "role": "host", "region": "FR"},
            {"name": "Router Inc", "role": "gateway", "contract": True},
            {"name": "Model Lab", "role": "developer"},
        ]
    )
    findings = lint(parties)
    assert [(f.code, f.pointer) for f in findings] == [
        ("DAT010", "/uses/0/parties/0"),
        ("DAT016", "/uses/0/parties/1"),
    ]
    assert findings[0].legal["cite"] == "GDPR, art. 28(3)"
    gateway = {"name": "Router Inc", "role": "gateway", "contract": True, "region": "IN"}
    abroad = use(parties=[gateway])
    [transfer] = lint(abroad)
    assert (transfer.code, transfer.pointer) == ("DAT008", "/uses/0/parties/0/region")
    # outside the GDPR's reach the agreement is still a charter commitment, no law cited
    [charter] = lint(parties, country="US")
    assert (charter.code, charter.severity, charter.legal) == ("DAT010", "warning", None)
    assert "GDPR" not in charter.message


# Art. 6(1), second subparagraph; art. 10 ---------------------------------------------------


def test_public_bodies_cannot_rely_on_legitimate_interests():
    # "Point (f) of the first subparagraph shall not apply to processing carried out by public
    # authorities in the performance of their tasks."
    replies = use(data__legal_basis="legitimate_interests", decision=None, description=None)
    [finding] = only(lint(replies, sector="public_body", charter="public"), "DAT004")
    assert "(GDPR, art. 6(1), second subparagraph)" in finding.message
    [uk] = only(lint(replies, country="GB", sector="public_body", charter="public"), "DAT004")
    assert "(UK GDPR, art. 6(1), second subparagraph)" in uk.message
    us = lint(replies, country="US", sector="public_body", charter="public")
    assert only(us, "DAT004") == []


def test_criminal_data_in_a_private_body_cites_art_10_where_it_binds():
    # Art. 10: processing of such data "shall be carried out only under the control of official
    # authority or when the processing is authorised by Union or Member State law"
    checks = use(data__special=["criminal"], decision=None, description=None)
    [finding] = only(lint(checks), "DAT014")
    assert finding.message.endswith(
        "with safeguards (GDPR, art. 10); check that one does, or remove these data"
    )
    assert only(lint(checks, country="US"), "DAT014") == []


# Complete, honest manifests lint clean ---------------------------------------------------------


def test_a_complete_honest_manifest_with_personal_data_is_clean():
    complete = use(
        tool={
            "name": "Scoring API",
            "vendor": "Acme",
            "hosting": "saas",
            "region": "EU",
            "contract": True,
            "trains_on_inputs": False,
        },
        parties=[{"name": "Acme", "role": "processor", "region": "FR", "contract": True}],
        data__transfers=[{"country": "US", "mechanism": "dpf"}],
    )
    assert lint(complete) == []
    assert lint(complete, country="GB") == []
    assert lint(complete, country="US") == []
    assert Law("GB").duty("automated_decision").cite("fr") == "UK GDPR, art. 22A à 22D"
