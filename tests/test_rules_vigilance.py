"""VIG001 pre-project-assessment-missing, VIG002 prohibited-practice, VIG003 high-risk-not-declared,
VIG004 exemption-with-profiling, VIG005 fria-missing, VIG006 eu-registration-missing."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import brief, lint
from rule_harness import manifest_with, run_rules, smallest, summary

CHATBOT = {
    "id": "chatbot-mairie",
    "name": "Assistant en ligne de la mairie",
    "status": "pilot",
    "purpose": {
        "need": "Answer residents' frequent questions at any hour.",
        "beneficiaries": ["residents"],
    },
    "task": "rag_qa",
    "audience": ["public"],
}
PRE_PROJECT = {
    "date": "2026-03-10",
    "opportunities": "Réponses en dehors des heures d'ouverture.",
    "risks": "Réponses erronées sur l'état civil.",
    "impact": "L'accueil garde les demandes complexes.",
}

# On or after 2 December 2027, a use in service whose start is unknown is bound, and told how to
# show it was in service before (AI Act art. 111(2)).
IN_SERVICE_HINT = " (unless it was in service before 2027-12-02: declare `dates.start`)"
IN_SERVICE_HINT_FR = " (sauf s'il était en service avant le 2027-12-02 : déclarer `dates.start`)"


def test_public_project_without_pre_project_assessment():
    manifest = manifest_with(CHATBOT, charter="public")
    findings = run_rules(manifest, codes=["VIG001"])
    assert summary(findings) == [("VIG001", "/uses/0")]
    assert findings[0].severity == "warning"
    assert findings[0].charter == "S9"
    assert findings[0].message == (
        "use `chatbot-mairie` (`status: pilot`) has no `assessments.pre_project`: record the "
        "assessment of its opportunities, risks and real impact on the public service"
    )
    french = run_rules(manifest, lang="fr", codes=["VIG001"])
    assert french[0].message == (
        "l'usage `chatbot-mairie` (`status: pilot`) n'a pas d'`assessments.pre_project` : "
        "consigner l'évaluation de ses opportunités, de ses risques et de son impact réel pour "
        "le service public"
    )


def test_pointer_is_the_assessments_mapping_when_it_exists():
    use = {**CHATBOT, "assessments": {"dpia": {"status": "not_required"}}}
    assert summary(run_rules(manifest_with(use, charter="public"), codes=["VIG001"])) == [
        ("VIG001", "/uses/0/assessments")
    ]


@pytest.mark.parametrize(
    "facts",
    [
        {"audience": ["clients"]},
        {"purpose": {"need": "Help residents.", "beneficiaries": ["users"]}},
        {"data": {"personal": True, "legal_basis": "public_task"}},
        {"data": {"personal": False, "special": ["health"]}},
        {"decision": {"affects_individuals": True, "automation": "assist"}},
        {"interaction": {"published": True}},
    ],
)
def test_each_fact_that_reaches_people(facts):
    internal = {
        "id": "interne",
        "status": "design",
        "audience": ["staff"],
        "purpose": {"need": "Help agents.", "beneficiaries": ["agents"]},
    }
    manifest = manifest_with({**internal, **facts}, charter="public")
    assert summary(run_rules(manifest, codes=["VIG001"])) == [("VIG001", "/uses/0")]


def test_silent_cases():
    assessed = {**CHATBOT, "assessments": {"pre_project": PRE_PROJECT}}
    idea = {**CHATBOT, "id": "idee", "status": "idea"}
    retired = {**CHATBOT, "id": "ancien", "status": "retired"}
    manifest = manifest_with(assessed, idea, retired, charter="public")
    assert run_rules(manifest, codes=["VIG001"]) == []
    # A low-risk internal tool (the smallest manifest) is left to the organisation's judgement.
    assert run_rules(smallest(charter="public"), codes=["VIG001"]) == []
    # The rule belongs to the public charter only.
    assert run_rules(manifest_with(CHATBOT), codes=["VIG001"]) == []


@pytest.mark.parametrize(
    "use",
    [
        {**CHATBOT, "assessments": "done"},
        {**CHATBOT, "assessments": {"pre_project": "yes"}},
        {**CHATBOT, "audience": "public", "purpose": "x", "data": 3, "decision": []},
        {**CHATBOT, "status": {"pilot": True}},
        {**CHATBOT, "interaction": {"published": "true"}, "audience": None},
    ],
)
def test_wrong_types_do_not_raise(use):
    run_rules(manifest_with(use, charter="public"), codes=["VIG001"])


# VIG002 prohibited-practice ---------------------------------------------------------------


EMOTIONS = {
    "id": "humeur-centre-appels",
    "name": "Détection de l'humeur des téléconseillers",
    "status": "pilot",
    "domain": ["employment"],
    "capabilities": ["monitoring", "emotion_recognition"],
    "data": {"personal": True, "subjects": ["staff"], "legal_basis": "legitimate_interests"},
}


def test_emotion_recognition_at_work_is_prohibited():
    findings = run_rules(manifest_with(EMOTIONS), codes=["VIG002"])
    assert summary(findings) == [("VIG002", "/uses/0/capabilities/1")]
    assert findings[0].severity == "error"
    assert findings[0].charter == "P8"
    assert findings[0].message == (
        "use `humeur-centre-appels` infers people's emotions (`emotion_recognition`) in the "
        "workplace (`data.subjects: [staff]`): prohibited by AI Act, art. 5(1)(f), save for "
        "medical or safety reasons (declare them in a waiver of this rule); stop it"
    )
    french = run_rules(manifest_with(EMOTIONS, charter="public"), lang="fr", codes=["VIG002"])
    assert french[0].charter == "S9"
    assert french[0].message == (
        "l'usage `humeur-centre-appels` infère les émotions des personnes "
        "(`emotion_recognition`) sur le lieu de travail (`data.subjects: [staff]`) : interdit "
        "par le règlement IA, art. 5, 1, f), sauf raison médicale ou de sécurité (la déclarer "
        "dans une dérogation à cette règle) ; y mettre fin"
    )


def test_other_prohibited_practices():
    scoring = {"id": "notation-citoyenne", "capabilities": ["profiling", "social_scoring"]}
    declared = {"id": "declare", "ai_act": {"category": "prohibited"}}
    nudges = {
        "id": "jeu-incitatif",
        "capabilities": ["behaviour_manipulation"],
        "data": {"personal": True, "subjects": ["minors"]},
    }
    findings = run_rules(manifest_with(scoring, declared, nudges), codes=["VIG002"])
    assert summary(findings) == [
        ("VIG002", "/uses/0/capabilities/1"),
        ("VIG002", "/uses/1/ai_act/category"),
        ("VIG002", "/uses/2/capabilities/0"),
    ]
    assert findings[0].message == (
        "use `notation-citoyenne` declares `social_scoring`: evaluating people by their social "
        "behaviour or personal traits for detrimental treatment is prohibited by AI Act, "
        "art. 5(1)(c); stop it"
    )
    assert findings[1].message == (
        "use `declare` is declared `ai_act.category: prohibited`: the AI Act forbids it (AI "
        "Act, art. 5(1)); stop the use"
    )
    assert findings[2].message == (
        "use `jeu-incitatif` manipulates behaviour (`behaviour_manipulation`) of minors or "
        "vulnerable people: exploiting their vulnerabilities is prohibited by AI Act, "
        "art. 5(1)(b); stop it"
    )


def test_prohibited_practice_silent_cases():
    # Emotion recognition outside work and school is high-risk (Annex III 1(c)), not prohibited.
    retail = {**EMOTIONS, "domain": ["marketing"], "data": {"personal": True}}
    nudges_adults = {"id": "relances", "capabilities": ["behaviour_manipulation"]}
    stopped = {**EMOTIONS, "id": "arrete", "status": "retired"}
    manifest = manifest_with(retail, nudges_adults, stopped)
    assert run_rules(manifest, codes=["VIG002"]) == []
    assert run_rules(smallest(), codes=["VIG002"]) == []


# VIG003 high-risk-not-declared ------------------------------------------------------------

SCREENING = {
    "id": "tri-candidatures",
    "name": "Présélection des candidatures",
    "status": "production",
    "domain": ["employment"],
    "capabilities": ["scoring"],
    "data": {"personal": True, "subjects": ["candidates"], "legal_basis": "legitimate_interests"},
    "decision": {"affects_individuals": True, "automation": "assist"},
    "ai_act": {"category": "minimal"},
}


ANNEX_III_DAY = dt.date(2027, 12, 2)  # AI Act art. 113(c)(i), as amended: Annex III duties


def test_annex_iii_use_declared_minimal():
    findings = run_rules(manifest_with(SCREENING), codes=["VIG003"], today=ANNEX_III_DAY)
    assert summary(findings) == [("VIG003", "/uses/0/ai_act/category")]
    assert findings[0].severity == "error"
    assert findings[0].message == (
        "use `tri-candidatures` is high-risk under AI Act, art. 6(2) and Annex III, point 4(a) "
        "(employment and workers management), but is declared `ai_act.category: minimal`: "
        "declare it `high` and meet the deployer's duties, or document an Art. 6(3) exemption "
        "in `ai_act.exemption`" + IN_SERVICE_HINT
    )
    french = run_rules(manifest_with(SCREENING), lang="fr", codes=["VIG003"], today=ANNEX_III_DAY)
    assert french[0].message == (
        "l'usage `tri-candidatures` est à haut risque au sens du règlement IA, art. 6, 2, et "
        "annexe III, point 4, a) (emploi et gestion de la main-d'œuvre), mais est déclaré "
        "`ai_act.category: minimal` : le déclarer `high` et remplir les obligations du "
        "déployeur, ou documenter une dérogation de l'art. 6, 3, dans `ai_act.exemption`"
        + IN_SERVICE_HINT_FR
    )
    # Before that date, the same finding is the charter's warning: a use in service before the
    # date of application is bound only on a significant change (art. 111(2)); one still in
    # design is bound from that date.
    early = run_rules(manifest_with(SCREENING), codes=["VIG003"])
    assert early[0].severity == "warning"
    assert early[0].message.endswith(
        " (legal duty only once its design changes significantly: AI Act, art. 111(2))"
    )
    planned = run_rules(manifest_with({**SCREENING, "status": "design"}), codes=["VIG003"])
    assert planned[0].message.endswith(" (legal duty from 2027-12-02)")


def test_annex_iii_use_without_category():
    use = {key: value for key, value in SCREENING.items() if key != "ai_act"}
    findings = run_rules(manifest_with(use), codes=["VIG003"], today=ANNEX_III_DAY)
    assert summary(findings) == [("VIG003", "/uses/0")]
    assert findings[0].message == (
        "use `tri-candidatures` is high-risk under AI Act, art. 6(2) and Annex III, point 4(a) "
        "(employment and workers management), and declares no `ai_act.category`: declare it "
        "`high` and meet the deployer's duties, or document an Art. 6(3) exemption in "
        "`ai_act.exemption`" + IN_SERVICE_HINT
    )


@pytest.mark.parametrize(
    ("facts", "points"),
    [
        ({"capabilities": ["biometric_identification"]}, "1(a) (biometrics)"),
        ({"domain": ["marketing"], "capabilities": ["emotion_recognition"]}, "1(c) (biometrics)"),
        (
            {"domain": ["education"], "decision": {"affects_individuals": True}},
            "3 (education and vocational training; inferred from `domain`: declare `settings`)",
        ),
        (
            {"domain": ["credit"], "capabilities": ["scoring"]},
            "5(b) (essential private and public services; inferred from `domain`: declare "
            "`decision.purpose`)",
        ),
        (
            {
                "domain": ["insurance"],
                "capabilities": ["profiling"],
                "data": {"personal": True, "special": ["health"]},
            },
            "5(c) (essential private and public services; inferred from `domain`: declare "
            "`decision.purpose`)",
        ),
        (
            {"domain": ["emergency"], "capabilities": ["scoring"]},
            "5(d) (essential private and public services)",
        ),
        (
            {"ai_act": {"category": "limited", "annex_iii": "8a"}},
            "8(a) (justice and democratic processes)",
        ),
    ],
)
def test_each_annex_iii_fact(facts, points):
    use = {"id": "u", "status": "pilot", "ai_act": {"category": "minimal"}, **facts}
    findings = run_rules(manifest_with(use), codes=["VIG003"])
    assert [f.code for f in findings] == ["VIG003"]
    assert f"point {points}, but" in findings[0].message


def test_public_benefits_need_a_public_deployer():
    use = {
        "id": "aides",
        "domain": ["public_benefits"],
        "decision": {"affects_individuals": True},
        "ai_act": {"category": "minimal"},
    }
    assert summary(run_rules(manifest_with(use, charter="public"), codes=["VIG003"])) == [
        ("VIG003", "/uses/0/ai_act/category")
    ]
    private = manifest_with(use)
    assert run_rules(private, codes=["VIG003"]) == []
    private["organisation"]["sector"] = "private_public_service"
    assert [f.code for f in run_rules(private, codes=["VIG003"])] == ["VIG003"]


def test_high_risk_not_declared_silent_cases():
    declared = {**SCREENING, "ai_act": {"category": "high", "annex_iii": "4a"}}
    exempt = {
        **SCREENING,
        "id": "exempt",
        "capabilities": [],
        "ai_act": {
            "category": "limited",
            "exemption": {"ground": "d", "justification": "Sorts CVs by date of receipt."},
        },
    }
    drafting = {"id": "offres", "domain": ["employment"], "capabilities": ["content_generation"]}
    car_insurance = {"id": "auto", "domain": ["insurance"], "capabilities": ["scoring"]}
    faq = {"id": "faq-credit", "domain": ["credit"], "capabilities": ["chatbot"]}
    retired = {**SCREENING, "id": "ancien", "status": "retired"}
    manifest = manifest_with(declared, exempt, drafting, car_insurance, faq, retired)
    assert run_rules(manifest, codes=["VIG003"]) == []
    # A prohibited practice is VIG002's business, not a high-risk use to declare.
    assert run_rules(manifest_with(EMOTIONS), codes=["VIG003"]) == []


# VIG004 exemption-with-profiling ----------------------------------------------------------


def test_exemption_claimed_with_profiling():
    use = {
        **SCREENING,
        "capabilities": ["profiling"],
        "ai_act": {
            "category": "limited",
            "exemption": {"ground": "d", "justification": "Only ranks applications."},
        },
    }
    findings = run_rules(manifest_with(use), codes=["VIG003", "VIG004"])
    assert summary(findings) == [("VIG004", "/uses/0/ai_act/exemption")]
    assert findings[0].message == (
        "use `tri-candidatures` claims an Art. 6(3) exemption (`ai_act.exemption`) but profiles "
        "people (`capabilities: profiling`): an Annex III system that profiles natural persons "
        "is always high-risk (AI Act, art. 6(3), last subparagraph) (legal duty only once its "
        "design changes significantly: AI Act, art. 111(2))"
    )
    french = run_rules(manifest_with(use), lang="fr", codes=["VIG004"], today=ANNEX_III_DAY)
    assert french[0].message == (
        "l'usage `tri-candidatures` invoque une dérogation de l'art. 6, 3, (`ai_act.exemption`) "
        "mais profile des personnes (`capabilities: profiling`) : un système de l'annexe III "
        "qui profile des personnes physiques est toujours à haut risque (règlement IA, art. 6, "
        "3, dernier alinéa)" + IN_SERVICE_HINT_FR
    )
    # Scoring people is profiling them (GDPR, art. 4(4)); with neither, and with the human
    # assessing each case, the exemption stands.
    scoring = {**use, "capabilities": ["scoring"]}
    (finding,) = run_rules(manifest_with(scoring), codes=["VIG004"])
    assert finding.message.startswith(
        "use `tri-candidatures` claims an Art. 6(3) exemption (`ai_act.exemption`) but scores "
        "people (`capabilities: scoring`): scoring a person's performance"
    )
    without_profiling = {**use, "capabilities": ["content_generation"]}
    assert run_rules(manifest_with(without_profiling), codes=["VIG004"]) == []


# VIG005 fria-missing / VIG006 eu-registration-missing -------------------------------------

BENEFITS = {
    "id": "aide-energie",
    "name": "Instruction du chèque énergie local",
    "status": "pilot",
    "domain": ["public_benefits"],
    "data": {"personal": True, "legal_basis": "public_task"},
    "decision": {"affects_individuals": True, "automation": "assist"},
    "ai_act": {"category": "high", "annex_iii": "5a"},
}


def test_public_body_high_risk_without_fria_or_registration():
    manifest = manifest_with(BENEFITS, charter="public")
    findings = run_rules(manifest, codes=["VIG005", "VIG006"], today=ANNEX_III_DAY)
    assert summary(findings) == [("VIG005", "/uses/0"), ("VIG006", "/uses/0/ai_act")]
    assert [f.severity for f in findings] == ["error", "error"]
    assert findings[0].message == (
        "use `aide-energie` (`status: pilot`) is high-risk (AI Act, Annex III, point 5(a) "
        "(essential private and public services)) and deployed by a public body or a private "
        "body providing a public service (`organisation.sector: public_body`), without a "
        "completed fundamental-rights impact assessment (`assessments.fria.status: done`): "
        "carry it out before its first use (AI Act, art. 27)" + IN_SERVICE_HINT
    )
    assert findings[1].message == (
        "use `aide-energie` (`status: pilot`) is a high-risk system (AI Act, Annex III, point "
        "5(a) (essential private and public services)) used by a public authority and has no "
        "`ai_act.registration`: register its use in the EU database before using it (AI Act, "
        "art. 49(3))" + IN_SERVICE_HINT
    )
    french = run_rules(manifest, lang="fr", codes=["VIG005", "VIG006"], today=ANNEX_III_DAY)
    assert french[0].message == (
        "l'usage `aide-energie` (`status: pilot`) est à haut risque (règlement IA, annexe III, "
        "point 5, a) (services privés et publics essentiels)) et déployé par un organisme "
        "public ou un organisme privé chargé d'un service public (`organisation.sector: "
        "public_body`), sans analyse d'impact sur les droits fondamentaux achevée "
        "(`assessments.fria.status: done`) : la mener avant sa première utilisation (règlement "
        "IA, art. 27)" + IN_SERVICE_HINT_FR
    )
    assert french[1].message == (
        "l'usage `aide-energie` (`status: pilot`) est un système à haut risque (règlement IA, "
        "annexe III, point 5, a) (services privés et publics essentiels)) utilisé par une "
        "autorité publique et n'a pas d'`ai_act.registration` : enregistrer son utilisation "
        "dans la base de données de l'UE avant de s'en servir (règlement IA, art. 49, 3)"
        + IN_SERVICE_HINT_FR
    )


def test_fria_todo_is_reported_at_its_status():
    use = {**BENEFITS, "assessments": {"fria": {"status": "todo"}}}
    assert summary(run_rules(manifest_with(use, charter="public"), codes=["VIG005"])) == [
        ("VIG005", "/uses/0/assessments/fria/status")
    ]


def test_private_credit_scoring_needs_a_fria_but_no_registration():
    credit = {
        "id": "score-credit",
        "status": "production",
        "domain": ["credit"],
        "capabilities": ["scoring"],
        "ai_act": {"category": "high", "annex_iii": "5b"},
    }
    findings = run_rules(manifest_with(credit), codes=["VIG005", "VIG006"], today=ANNEX_III_DAY)
    assert summary(findings) == [("VIG005", "/uses/0")]
    assert findings[0].message == (
        "use `score-credit` (`status: production`) evaluates people for credit or for life and "
        "health insurance (AI Act, Annex III, point 5(b) (essential private and public "
        "services)) without a completed fundamental-rights impact assessment "
        "(`assessments.fria.status: done`): carry it out before its first use (AI Act, art. 27)"
        + IN_SERVICE_HINT
    )


def test_fria_and_registration_silent_cases():
    done = {
        **BENEFITS,
        "assessments": {"fria": {"status": "done", "ref": "AIDF-1", "date": "2026-05-12"}},
        "ai_act": {"category": "high", "annex_iii": "5a", "registration": "EU-DB-1"},
    }
    idea = {**BENEFITS, "id": "projet", "status": "idea"}
    infrastructure = {**BENEFITS, "id": "reseau", "ai_act": {"category": "high", "annex_iii": "2"}}
    high_without_point = {
        **BENEFITS,
        "id": "annexe-i",
        "domain": [],
        "ai_act": {"category": "high"},
    }
    manifest = manifest_with(done, idea, infrastructure, high_without_point, charter="public")
    assert run_rules(manifest, codes=["VIG005", "VIG006"]) == []
    # A private employer's high-risk recruitment tool: no FRIA, no registration duty.
    assert (
        run_rules(
            manifest_with({**SCREENING, "ai_act": {"category": "high"}}), codes=["VIG005", "VIG006"]
        )
        == []
    )
    assert (
        run_rules(
            smallest(charter="public"), codes=["VIG002", "VIG003", "VIG004", "VIG005", "VIG006"]
        )
        == []
    )


# Positions through the engine -------------------------------------------------------------

POSITIONS = """
version: 1
charter: public
organisation:
  name: Ville d'Exemple
uses:
  - id: humeur-agents
    name: Humeur des agents d'accueil
    status: pilot
    owner:
      accountable: DGS
    purpose:
      need: Mesurer la fatigue des agents d'accueil.
    tool:
      name: Outil X
    domain: [employment]
    capabilities: [emotion_recognition]
    data:
      personal: false
  - id: aide-energie
    name: Chèque énergie local
    status: pilot
    owner:
      accountable: DGS
    purpose:
      need: Instruire 2 000 demandes par an.
    tool:
      name: Outil Y
    domain: [public_benefits]
    capabilities: [profiling]
    data:
      personal: false
    decision:
      affects_individuals: true
    ai_act:
      category: minimal
      exemption:
        ground: d
        justification: Prépare le dossier.
"""


def test_positions():
    findings = [f for f in lint(POSITIONS) if f.code.startswith("VIG") and f.code != "VIG001"]
    assert sorted(brief(findings)) == [
        ("VIG002", 16, 20),
        ("VIG004", 36, 7),
        ("VIG005", 19, 5),
        ("VIG006", 34, 5),
        ("VIG007", 19, 5),  # the applicants are not told (AI Act, art. 26(11))
    ]


MY_CODES = [
    *(f"VAL00{n}" for n in (2, 3, 4)),
    *(f"INC00{n}" for n in (3, 4)),
    *(f"SOB00{n}" for n in (3, 4)),
    *(f"WRK00{n}" for n in (2, 3)),
    *(f"SEC00{n}" for n in (2, 3)),
    "COO002",
    *(f"VIG00{n}" for n in (2, 3, 4, 5, 6, 7)),
]
HONEST_HIGH_RISK = {
    **BENEFITS,
    "status": "production",
    "purpose": {
        "need": "12,000 income-support files a year take six weeks to process.",
        "beneficiaries": ["residents", "agents"],
        "benefits": "Files processed in two weeks.",
    },
    "tool": {"name": "Albert API", "hosting": "private_cloud", "exit_plan": "Manual processing."},
    "data": {
        "personal": True,
        "subjects": ["public", "vulnerable", "staff"],
        "legal_basis": "legal_obligation",
    },
    "ai_act": {"category": "high", "annex_iii": "5a", "registration": "EU-DB-2026-001"},
    "transparency": {"mention": "Each decision letter says an AI system prepared the file."},
    "assessments": {"fria": {"status": "done", "ref": "AIDF-1", "date": "2026-03-15"}},
    "risks": [{"risk": "bias", "mitigation": "Quarterly review by group.", "owner": "Director"}],
    "inclusion": {"groups": ["homeless people", "self-employed workers"]},
    "work": {
        "impact": "role_change",
        "staff_informed": {"date": "2026-02-01", "body": "CST"},
        "staff_consulted": {"date": "2026-02-15", "body": "CST"},
    },
    "cooperation": {"shared_in": ["network of départements"]},
}


@pytest.mark.parametrize("charter", ["private", "public"])
def test_complete_honest_high_risk_use_has_no_finding(charter):
    manifest = manifest_with(HONEST_HIGH_RISK, charter=charter)
    manifest["organisation"]["sector"] = "public_body"
    assert run_rules(manifest, codes=MY_CODES) == []
