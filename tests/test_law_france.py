"""French law read from facts and the country: CRPA (TRN006, TRN007), Code du travail and the
civil service's committees (WRK002, WRK003), accessibility standards (INC001), stale uses
(SEC001 `dates.end`).

Each scenario quotes the text it follows. What was read where (primary or not) is recorded in
`charte_lint/content/law.yaml`; where the primary text could not be read it is said below.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from conftest import dedent, lint
from rule_harness import run_rules

from charte_lint.law import Law

TODAY = dt.date(2026, 11, 29)

# -- Manifests -------------------------------------------------------------------------------

TOWN_USE: dict[str, Any] = {
    "id": "canteen-rates",
    "name": "Canteen rate calculation",
    "status": "pilot",
    "owner": {"accountable": "Head of school services"},
    "purpose": {"need": "Compute each family's canteen rate from its tax notice."},
    "tool": {"name": "Albert API"},
    "data": {"personal": True, "subjects": ["public"], "legal_basis": "public_task"},
    "decision": {"affects_individuals": True, "automation": "assist"},
}


def town(agents: int | None = None, **use: Any) -> dict[str, Any]:
    """A French town hall (public body) whose use proposes rates an agent adopts."""
    organisation: dict[str, Any] = {"name": "Commune de Lagrave", "sector": "public_body"}
    if agents is not None:
        organisation["agents"] = agents
    merged = copy.deepcopy(TOWN_USE)
    for key, value in use.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return {"version": 1, "charter": "public", "organisation": organisation, "uses": [merged]}


def company(country: str | None = "FR", agents: int | None = 120, **use: Any) -> dict[str, Any]:
    """A private company giving its staff an AI assistant, in pilot, with no staff data."""
    organisation: dict[str, Any] = {"name": "Exemple SAS", "sector": "private"}
    if country is not None:
        organisation["country"] = country
    if agents is not None:
        organisation["agents"] = agents
    base: dict[str, Any] = {
        "id": "assistant",
        "name": "Writing assistant for the staff",
        "status": "pilot",
        "owner": {"accountable": "Head of IT"},
        "purpose": {"need": "Draft internal notes faster.", "beneficiaries": ["staff"]},
        "tool": {"name": "Le Chat Pro"},
        "audience": ["staff"],
        "data": {"personal": False},
        "work": {"impact": "none"},
    }
    base.update(use)
    return {"version": 1, "charter": "private", "organisation": organisation, "uses": [base]}


def only(findings: list[Any], code: str) -> list[Any]:
    return [f for f in findings if f.code == code]


# -- TRN006: CRPA art. L311-3-1 ---------------------------------------------------------------
# https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205514
# "Sous réserve de l'application du 2° de l'article L. 311-5, une décision individuelle prise
# sur le fondement d'un traitement algorithmique comporte une mention explicite en informant
# l'intéressé." (read in reproductions of the article: developpez.com, lexbase; the Légifrance
# page itself was not readable here). The Government, on amendment n° 860 (2018): the article
# applies "à toutes les décisions, y compris celles faisant intervenir en partie un traitement
# algorithmique, quand bien même un humain aurait pris la décision finale".
# Date: décret n° 2017-330, reported in force on 1 September 2017 (its notice on Légifrance
# says "le lendemain de sa publication"; law.yaml records the discrepancy).


def test_a_town_deciding_with_an_algorithm_needs_the_mention_even_when_an_agent_decides():
    findings = only(run_rules(town(agents=40), codes=["TRN006"]), "TRN006")
    assert [(f.pointer, f.severity) for f in findings] == [("/uses/0", "error")]
    assert findings[0].message == (
        "use `canteen-rates` is used in decisions about identified people "
        "(`decision.affects_individuals: true`) and has no `transparency.mention`: a public "
        "body's individual decisions taken on the basis of an algorithmic processing carry the "
        "explicit mention (CRPA, art. L311-3-1), even when a person takes the final decision "
        "(taken to be administrative; declare `decision.administrative: false` if they are not)"
    )
    assert findings[0].legal == {
        "duty": "algorithm_mention",
        "instrument": "crpa",
        "cite": "CRPA, art. L311-3-1",
        "binds_from": "2017-09-01",
        "in_force": True,
    }


def test_the_declared_administrative_decision_has_its_own_message_in_both_languages():
    manifest = town(agents=40, decision={"affects_individuals": True, "administrative": True})
    english = only(run_rules(manifest, codes=["TRN006"]), "TRN006")
    assert english[0].message.startswith(
        "use `canteen-rates` grounds individual administrative decisions "
        "(`decision.administrative: true`) without `transparency.mention`: each decision must "
        "carry the explicit mention (CRPA, art. L311-3-1)"
    )
    french = only(run_rules(manifest, lang="fr", codes=["TRN006"]), "TRN006")
    assert "la mention explicite (CRPA, art. L311-3-1)" in french[0].message


@pytest.mark.parametrize(
    ("manifest", "why"),
    [
        (town(decision={"affects_individuals": True, "administrative": False}), "not admin"),
        (town(decision={"affects_individuals": False}), "no decision about people"),
        (town(transparency={"mention": "Tarif calculé par un traitement algorithmique."}), "ok"),
        (town(status="design"), "not in use yet"),
        (town(status="retired"), "over"),
    ],
)
def test_the_mention_is_not_asked_where_the_facts_do_not_call_for_it(manifest, why):
    assert only(run_rules(manifest, codes=["TRN006"]), "TRN006") == [], why


@pytest.mark.parametrize(
    ("country", "sector", "fires"),
    [
        ("FR", "public_body", True),
        ("FR", "private_public_service", True),  # CRPA L300-2: bodies running a public service
        ("FR", "private", False),
        ("BE", "public_body", False),  # the CRPA is French law only
        ("GB", "public_body", False),
    ],
)
def test_the_crpa_binds_french_public_bodies_and_public_services_only(country, sector, fires):
    manifest = town(agents=40)
    manifest["organisation"].update(country=country, sector=sector)
    assert bool(only(run_rules(manifest, codes=["TRN006"]), "TRN006")) is fires


@pytest.mark.parametrize(
    ("today", "severity", "suffix"),
    [
        (dt.date(2017, 8, 31), "warning", " (legal duty from 2017-09-01)"),
        (dt.date(2017, 9, 1), "error", ""),
    ],
)
def test_the_mention_binds_from_the_decree_s_entry_into_force(today, severity, suffix):
    finding = only(run_rules(town(agents=40), today=today, codes=["TRN006"]), "TRN006")[0]
    assert finding.severity == severity
    assert finding.message.endswith("if they are not)" + suffix)


# -- TRN007: CRPA art. L312-1-3 and its threshold ---------------------------------------------
# https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205535
# "... les administrations mentionnées au premier alinéa de l'article L. 300-2, à l'exception
# des personnes morales dont le nombre d'agents ou de salariés est inférieur à un seuil fixé par
# décret, publient en ligne les règles définissant les principaux traitements algorithmiques
# utilisés dans l'accomplissement de leurs missions lorsqu'ils fondent des décisions
# individuelles." (read on lexbase). Threshold, art. D312-1-4 (décret n° 2016-1922, whose notice
# was read on Légifrance: https://www.legifrance.gouv.fr/eli/decret/2016/12/28/PRMJ1632826D/jo/texte,
# "le texte entre en vigueur le 1er janvier 2017"): "50 agents ou salariés exprimé en
# équivalents temps plein" (read in a reproduction, koubi.fr). "Inférieur à" 50 is exempt:
# 50 is bound. The 3,500-inhabitant figure is L312-1-1's (open data), not this article's.


@pytest.mark.parametrize(("agents", "fires"), [(0, False), (40, False), (49, False), (50, True)])
def test_fewer_than_50_agents_are_exempt_and_50_is_bound(agents, fires):
    findings = only(run_rules(town(agents=agents), codes=["TRN007"]), "TRN007")
    assert bool(findings) is fires
    if fires:
        assert [(f.pointer, f.severity) for f in findings] == [("/uses/0", "error")]
        assert findings[0].legal is not None
        assert findings[0].legal["cite"] == "CRPA, art. L312-1-3"
        assert findings[0].legal["binds_from"] == "2017-01-01"
        assert "of an organisation of 50 agents, at or above the threshold of 50" in (
            findings[0].message
        )


def test_a_town_hall_of_120_agents_publishes_and_one_that_does_is_clean():
    findings = only(run_rules(town(agents=120), codes=["TRN007"]), "TRN007")
    assert findings[0].message.startswith(
        "use `canteen-rates` is used in decisions about identified people "
        "(`decision.affects_individuals: true`) of an organisation of 120 agents"
    )
    published = town(
        agents=120, transparency={"public_record": "https://lagrave.fr/algorithmes-publics"}
    )
    assert only(run_rules(published, codes=["TRN007"]), "TRN007") == []


def test_a_public_body_with_no_headcount_is_asked_for_it_once_not_left_in_silence():
    manifest = town()
    manifest["uses"].append({**copy.deepcopy(TOWN_USE), "id": "housing-files"})
    findings = only(run_rules(manifest, codes=["TRN007"]), "TRN007")
    assert [(f.pointer, f.severity, f.legal) for f in findings] == [
        ("/organisation", "warning", None)
    ]
    assert findings[0].message == (
        "the uses `canteen-rates`, `housing-files` ground individual decisions and have no "
        "`transparency.public_record`, but `organisation.agents` is not declared: CRPA, art. "
        "L312-1-3 binds bodies of 50 agents or more (full-time equivalents) to publish the rules "
        "of these algorithms; declare the headcount"
    )
    french = only(run_rules(manifest, lang="fr", codes=["TRN007"]), "TRN007")
    assert "déclarer l'effectif" in french[0].message


def test_the_number_of_inhabitants_is_not_read():
    small_staff = town(agents=40)
    small_staff["organisation"]["inhabitants"] = 12000  # above L312-1-1's 3,500
    assert only(run_rules(small_staff, codes=["TRN007"]), "TRN007") == []
    unknown_staff = town()
    unknown_staff["organisation"]["inhabitants"] = 12000
    findings = only(run_rules(unknown_staff, codes=["TRN007"]), "TRN007")
    assert [f.pointer for f in findings] == ["/organisation"]  # a question, not a verdict


def test_the_headcount_question_lands_on_the_organisation_line():
    findings = lint(
        """\
        version: 1
        charter: public
        organisation:
          name: Commune de Lagrave
        uses:
          - id: canteen-rates
            name: Canteen rate calculation
            status: production
            owner:
              accountable: Head of school services
            purpose:
              need: Compute each family's canteen rate from its tax notice.
            tool:
              name: Albert API
            data:
              personal: false
            decision:
              affects_individuals: true
              automation: assist
            transparency:
              mention: Tarif calculé sur le fondement d'un traitement algorithmique.
        """
    )
    question = only(findings, "TRN007")
    assert [(f.line, f.pointer, f.severity) for f in question] == [(3, "/organisation", "warning")]


# -- WRK003: Code du travail art. L2312-8, the CST, the charter elsewhere ---------------------
# https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000036262198
# "Le comité est informé et consulté [...] sur [...] l'introduction de nouvelles technologies,
# tout aménagement important modifiant les conditions de santé et de sécurité ou les conditions
# de travail" (L2312-8, II, 4°; read in reproductions: droits.nvo.fr, apteis.fr; the Légifrance
# page could not be read here). A CSE exists in companies of 50 employees or more (section 3 of
# the chapter). A pilot runs on real cases: it is already the introduction.


def test_a_french_company_piloting_an_assistant_for_its_staff_consults_the_cse():
    findings = only(run_rules(company(), codes=["WRK003"]), "WRK003")
    assert [(f.pointer, f.severity) for f in findings] == [("/uses/0/work", "warning")]
    assert findings[0].message == (
        "use `assistant` (`status: pilot`) is a new technology in the staff's work "
        "(`audience: staff`, `purpose.beneficiaries: staff`) and has no `work.staff_consulted`: "
        "the CSE (social and economic committee) must be informed and consulted before it is "
        "used, a pilot included (Code du travail, art. L2312-8)"
    )
    assert findings[0].legal == {
        "duty": "staff_consultation",
        "instrument": "code_du_travail",
        "cite": "Code du travail, art. L2312-8",
        "binds_from": "2018-01-01",
        "in_force": True,
    }


def test_informed_is_not_consulted():
    informed = company(
        work={"impact": "none", "staff_informed": {"date": "2026-09-01", "body": "CSE"}}
    )
    findings = only(run_rules(informed, codes=["WRK003"]), "WRK003")
    assert [f.pointer for f in findings] == ["/uses/0/work"]
    assert "declares `work.staff_informed` but no `work.staff_consulted`: informing the CSE " in (
        findings[0].message
    )
    french = only(run_rules(informed, lang="fr", codes=["WRK003"]), "WRK003")
    assert "informer le CSE (comité social et économique) n'est pas le consulter" in (
        french[0].message
    )
    consulted = company(
        work={"impact": "none", "staff_consulted": {"date": "2026-09-20", "body": "CSE"}}
    )
    assert only(run_rules(consulted, codes=["WRK003"]), "WRK003") == []


def test_a_design_is_told_before_the_use_starts_and_idea_or_retired_are_not():
    design = only(run_rules(company(status="design"), codes=["WRK003"]), "WRK003")
    assert design[0].severity == "warning"
    assert design[0].message.endswith(
        "(Code du travail, art. L2312-8) (legal duty before the use starts)"
    )
    assert design[0].legal is not None and design[0].legal["in_force"] is False
    for status in ("idea", "retired"):
        assert only(run_rules(company(status=status), codes=["WRK003"]), "WRK003") == []


@pytest.mark.parametrize("agents", [0, 12, 49])
def test_an_employer_below_50_has_no_cse_to_consult(agents):
    staff_data = company(agents=agents, data={"personal": True, "subjects": ["staff"]})
    assert only(run_rules(staff_data, codes=["WRK003"]), "WRK003") == []


def test_with_no_headcount_the_staff_s_data_raise_a_question_and_a_mere_tool_does_not():
    # the format's "smallest clean manifest" (a code assistant, no personal data) stays clean
    assert only(run_rules(company(agents=None), codes=["WRK003"]), "WRK003") == []
    staff_data = company(agents=None, data={"personal": True, "subjects": ["staff"]})
    findings = only(run_rules(staff_data, codes=["WRK003"]), "WRK003")
    assert [(f.pointer, f.severity, f.legal) for f in findings] == [
        ("/organisation", "warning", None)
    ]
    assert findings[0].message.startswith(
        "the uses `assistant` concern the staff (or job candidates) and record no consultation, "
        "but `organisation.agents` is not declared: Code du travail, art. L2312-8 binds "
        "employers of 50 employees or more"
    )


def test_staff_data_are_not_needed_for_a_new_technology():
    """Whether or not staff data are processed: the staff work with it, or their jobs change."""
    for use in (
        {"data": {"personal": False}},
        {
            "audience": ["clients"],
            "purpose": {"need": "x", "beneficiaries": ["clients"]},
            "work": {"impact": "role_change"},
        },
    ):
        findings = only(run_rules(company(**use), codes=["WRK003"]), "WRK003")
        assert [f.pointer for f in findings] == ["/uses/0/work"], use


def test_a_french_public_body_consults_its_social_committee_whatever_its_size():
    manifest = town(agents=40, work={"impact": "role_change"})
    findings = only(run_rules(manifest, codes=["WRK003"]), "WRK003")
    assert [f.pointer for f in findings] == ["/uses/0/work"]
    assert "the social committee (CST, CSA or CSE) or its specialised formation must be " in (
        findings[0].message
    )
    assert findings[0].legal is not None
    assert findings[0].legal["cite"] == "CGFP, art. L253-1 ff."
    assert findings[0].legal["binds_from"] == "2023-01-01"
    french = only(run_rules(manifest, lang="fr", codes=["WRK003"]), "WRK003")
    assert "le CST (comité social territorial, d'administration ou d'établissement) ou sa " in (
        french[0].message
    )
    assert "(CGFP, art. L253-1 et s.)" in french[0].message


def test_cameras_in_a_street_do_not_concern_the_staff():
    """`audience` is who sees the output; the people watched are `data.subjects`, `settings`."""
    street = town(
        agents=300,
        audience=["staff"],
        settings=["public_space"],
        capabilities=["monitoring"],
        data={"personal": True, "subjects": ["public"], "modalities": ["video"]},
        decision={"affects_individuals": False},
    )
    assert run_rules(street, codes=["WRK002", "WRK003"]) == []
    workplace = town(agents=300, settings=["workplace"], decision={"affects_individuals": False})
    assert [f.code for f in run_rules(workplace, codes=["WRK003"])] == ["WRK003"]


def test_a_belgian_company_gets_the_charter_not_french_law():
    staff_data = company(country="BE", data={"personal": True, "subjects": ["staff"]})
    findings = only(run_rules(staff_data, codes=["WRK003"]), "WRK003")
    assert [(f.pointer, f.severity, f.legal) for f in findings] == [
        ("/uses/0/work", "warning", None)
    ]
    assert findings[0].message == (
        "use `assistant` (`status: pilot`) concerns the staff (`data.subjects: staff`) and has no "
        "`work.staff_informed`: the charter asks to inform the staff representatives and the "
        "people concerned before it is used, and to record it"
    )
    assert "L2312-8" not in findings[0].message and "CSE" not in findings[0].message
    informed = company(
        country="BE",
        data={"personal": True, "subjects": ["staff"]},
        work={"staff_informed": {"date": "2026-09-01", "body": "conseil d'entreprise"}},
    )
    assert only(run_rules(informed, codes=["WRK003"]), "WRK003") == []
    # a tool the staff merely use, or a recruitment tool about outside candidates: nothing
    assert only(run_rules(company(country="BE"), codes=["WRK003"]), "WRK003") == []
    recruiting = company(country="BE", data={"personal": True, "subjects": ["candidates"]})
    assert run_rules(recruiting, codes=["WRK002", "WRK003"]) == []
    assert Law("BE").duty("staff_consultation") is None


# -- WRK002: AI Act art. 26(7) ----------------------------------------------------------------
# https://eur-lex.europa.eu/eli/reg/2024/1689/oj (not readable here; wording as reproduced by
# the research draft): "Before putting into service or using a high-risk AI system at the
# workplace, deployers who are employers shall inform workers' representatives and the
# affected workers that they will be subject to the use of the high-risk AI system."
# From 2 December 2027 for Annex III systems (Regulation (EU) 2026/1744, as reported).

HIGH_RISK_AT_WORK: dict[str, Any] = {
    "id": "shift-allocation",
    "domain": ["employment"],
    "task": "decision_support",
    "data": {"personal": True, "subjects": ["staff"], "legal_basis": "legitimate_interests"},
    "decision": {"affects_individuals": True, "automation": "assist"},
    "ai_act": {"category": "high", "annex_iii": "4b"},
}


@pytest.mark.parametrize(
    ("today", "severity", "in_force", "suffix"),
    [
        # in service before 2 December 2027: bound only on a significant change (art. 111(2))
        (
            dt.date(2027, 12, 1),
            "warning",
            False,
            " (legal duty only once its design changes significantly: AI Act, art. 111(2))",
        ),
        (
            dt.date(2027, 12, 2),
            "error",
            True,
            " (unless it was in service before 2027-12-02: declare `dates.start`)",
        ),
    ],
)
def test_a_german_employer_informs_before_a_high_risk_system_is_used_at_work(
    today, severity, in_force, suffix
):
    manifest = company(country="DE", **HIGH_RISK_AT_WORK)
    findings = run_rules(manifest, today=today, codes=["WRK002", "WRK003"])
    assert [(f.code, f.pointer, f.severity) for f in findings] == [
        ("WRK002", "/uses/0/work", severity)
    ]
    assert findings[0].message == (
        "use `shift-allocation` (`status: pilot`) is a high-risk AI system used at the workplace "
        "(`data.subjects: staff`) and has neither `work.staff_informed` nor "
        "`work.staff_consulted`: before it is put into service or used, inform the staff "
        "representatives and the workers who will be subject to it (AI Act, art. 26(7))" + suffix
    )
    assert findings[0].legal is not None
    assert (findings[0].legal["cite"], findings[0].legal["in_force"]) == (
        "AI Act, art. 26(7)",
        in_force,
    )


def test_informing_satisfies_art_26_7_and_candidates_are_not_workers():
    informed = company(
        country="DE",
        **{**HIGH_RISK_AT_WORK, "work": {"staff_informed": {"date": "2026-05-01", "body": "BR"}}},
    )
    assert run_rules(informed, codes=["WRK002"]) == []
    candidates = company(
        country="DE",
        **{**HIGH_RISK_AT_WORK, "data": {"personal": True, "subjects": ["candidates"]}},
    )
    assert run_rules(candidates, codes=["WRK002"]) == []


def test_outside_the_eea_art_26_7_is_not_cited():
    findings = run_rules(company(country="GB", **HIGH_RISK_AT_WORK), codes=["WRK002"])
    assert [(f.severity, f.legal) for f in findings] == [("warning", None)]
    assert "AI Act" not in findings[0].message
    assert "the charter asks to inform the staff representatives" in findings[0].message


def test_in_france_a_high_risk_use_at_work_owes_both_the_information_and_the_consultation():
    findings = run_rules(company(**HIGH_RISK_AT_WORK), codes=["WRK002", "WRK003"])
    assert [(f.code, f.pointer) for f in findings] == [
        ("WRK002", "/uses/0/work"),
        ("WRK003", "/uses/0/work"),
    ]
    consulted = company(
        **{**HIGH_RISK_AT_WORK, "work": {"staff_consulted": {"date": "2026-05-01", "body": "CSE"}}}
    )
    assert run_rules(consulted, codes=["WRK002", "WRK003"]) == []


# -- INC001: the accessibility standard of the country ---------------------------------------
# Loi n° 2005-102, art. 47, and décret n° 2019-768 (RGAA) in France
# (https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=JORFTEXT000038811937, whose art. 1
# was read: "accessibles aux personnes handicapées conformément aux normes harmonisées
# publiées au Journal officiel de l'Union européenne"); elsewhere in the EU, Directive (EU)
# 2016/2102 and its harmonised standard EN 301 549 (not read here).

CHATBOT: dict[str, Any] = {
    "id": "residents-chatbot",
    "status": "production",
    "audience": ["public"],
    "capabilities": ["chatbot"],
    "interaction": {"disclosure": "Vous échangez avec un assistant automatisé."},
    "data": {"personal": False},
    "decision": {"affects_individuals": False},
}


@pytest.mark.parametrize(
    ("country", "lang", "standard"),
    [
        ("FR", "en", "against RGAA and"),
        ("BE", "en", "against EN 301 549 (WCAG 2.1 AA) and"),
        ("FR", "fr", "(référentiel : RGAA)"),
        ("DE", "fr", "(référentiel : EN 301 549 (WCAG 2.1 AA))"),
    ],
)
def test_the_accessibility_message_names_the_standard_of_the_country(country, lang, standard):
    manifest = town(agents=40, **CHATBOT)
    manifest["organisation"]["country"] = country
    findings = only(run_rules(manifest, lang=lang, codes=["INC001"]), "INC001")
    assert [f.pointer for f in findings] == ["/uses/0"]
    assert standard in findings[0].message


@pytest.mark.parametrize(("country", "declared"), [("FR", "WCAG"), ("BE", "RGAA")])
def test_a_declared_standard_is_not_second_guessed(country, declared):
    """The RGAA is a method for checking EN 301 549 / WCAG conformance: no false positive."""
    manifest = town(
        agents=40,
        **CHATBOT,
        inclusion={"accessibility": {"standard": declared, "status": "partial"}},
    )
    manifest["organisation"]["country"] = country
    assert only(run_rules(manifest, codes=["INC001"]), "INC001") == []


# -- SEC001: a use past its planned end (manifest.md, "A pilot or production use past its `end`
# is stale") --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "end", "fires"),
    [
        ("pilot", "2026-11-28", True),
        ("production", "2025-06-30", True),
        ("pilot", "2026-11-29", False),  # ends today: not past yet
        ("pilot", "2027-03-31", False),
        ("design", "2026-01-31", False),  # not running: nothing has gone stale
        ("retired", "2026-01-31", False),
    ],
)
def test_a_use_past_its_planned_end_is_stale(status, end, fires):
    manifest = company(status=status, dates={"start": "2026-01-05", "end": end})
    findings = [f for f in run_rules(manifest, codes=["SEC001"]) if f.pointer.endswith("/end")]
    assert bool(findings) is fires
    if fires:
        assert [(f.pointer, f.severity) for f in findings] == [("/uses/0/dates/end", "warning")]
        assert findings[0].message == (
            f"use `assistant` (`status: {status}`) was planned to end on {end} (`dates.end`), "
            "before today (2026-11-29), and still says it runs: retire it (`status: retired`) "
            "or review the declaration and set its new end"
        )


def test_the_stale_use_is_reported_on_the_end_line():
    text = dedent(
        """\
        version: 1
        charter: private
        organisation:
          name: Exemple SAS
          agents: 20
        uses:
          - id: pilot-assistant
            name: Pilot of a drafting assistant
            status: pilot
            owner:
              accountable: Head of IT
            purpose:
              need: Draft internal notes faster.
              beneficiaries: [staff]
            tool:
              name: Le Chat Pro
            audience: [staff]
            data:
              personal: false
            dates:
              start: 2026-03-01
              end: 2026-09-30
        """
    )
    findings = lint(text)
    assert [(f.code, f.line, f.column, f.severity) for f in findings] == [
        ("SEC001", 22, 12, "warning")
    ]
    assert "planned to end on 2026-09-30" in findings[0].message
    assert "devait prendre fin le 2026-09-30" in lint(text, lang="fr")[0].message


# -- The legal calendar's French entries -----------------------------------------------------


def test_the_calendar_holds_the_french_dates_and_says_they_are_not_all_verified():
    france, town_hall = Law("FR", "private"), Law("FR", "public_body")
    mention = town_hall.duty("algorithm_mention")
    publication = town_hall.duty("algorithm_publication")
    cse, cst = france.duty("staff_consultation"), town_hall.duty("staff_consultation")
    assert mention is not None and publication is not None and cse is not None and cst is not None
    assert (mention.start, publication.start) == (dt.date(2017, 9, 1), dt.date(2017, 1, 1))
    assert (cse.start, cst.start) == (dt.date(2018, 1, 1), dt.date(2023, 1, 1))
    assert "DISCREPANCY" in mention.note and "2017-330" in mention.source
    assert "2016-1922" in publication.source and "3,500" in publication.note
    assert "2021-571" in cst.source and "2020-1427" in cst.source
    assert not any(d.verified for d in (mention, publication, cse, cst))
    assert france.duty("algorithm_mention") is None  # a private company: no CRPA
    assert Law("FR", "private").term("staff_body", "en").startswith("the CSE")
    assert Law("FR", "public_body").term("staff_body", "fr").startswith("le CST")
    assert Law("IT", "private").term("staff_body", "en") == "the staff representatives"
