"""Exports of the register in published standards, validated against the standards as published.

The published files are kept verbatim under tests/data/standards/ (origin and licence in
tests/data/standards/README.md): the Algoritmeregister's configuration v1.0 (its own format,
read by the register's keywords), the GOV.UK ATRS data standard CSV, and Etalab's fiche on the
inventory of main algorithmic processing (no machine-readable schema: its column tables).

Register records are built here by hand in the register's contract shape (format version 1),
from the facts of tests/data/registers/*.yaml and examples/public-clean, with the
classification charte-lint derives for them (rules/facts.py, checked at 2026-11-29).
"""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from charte_lint.register.exports import (
    STANDARDS,
    Gap,
    atrs_attributes,
    eligible,
    export,
    gap_findings,
    inventory_columns,
    validate,
)

REPO = Path(__file__).resolve().parent.parent
PUBLISHED = REPO / "tests" / "data" / "standards"
SCHEMAS = {
    "nl-algoritmeregister": PUBLISHED / "nl-algoritmeregister" / "v1_0.json",
    "uk-atrs": PUBLISHED / "uk-atrs" / "Algorithmic_transparency_data_standard.csv",
    "fr-inventaire": PUBLISHED / "fr-inventaire" / "2-inventaire.md",
}


def _classification(risk: str, **changes: Any) -> dict[str, Any]:
    shape: dict[str, Any] = {
        "ai_act_applies": risk != "outside_ai_act",
        "ai_system": risk != "not_ai_system",
        "risk": risk,
        "declared": None,
        "annex_iii": [],
        "prohibited": [],
        "article_50": [],
        "individual_decisions": False,
    }
    shape.update(changes)
    return shape


def _records(path: str, repository: str, classifications: dict[str, dict[str, Any]]) -> list:
    text = (REPO / path).read_text(encoding="utf-8")
    manifest = yaml.safe_load(text)
    lines = text.splitlines()
    records = []
    for use in manifest["uses"]:
        line = next(n for n, t in enumerate(lines, 1) if t.strip() == f"- id: {use['id']}")
        records.append(
            {
                "key": {
                    "organisation": manifest["organisation"]["name"],
                    "repository": repository,
                    "use": use["id"],
                },
                "file": "ai-usage.yaml",
                "line": line,
                "charter": manifest["charter"],
                "organisation": json.loads(json.dumps(manifest["organisation"], default=str)),
                "use": json.loads(json.dumps(use, default=str)),
                "classification": classifications[use["id"]],
            }
        )
    return records


def _document(*records: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "charte-lint-register",
        "version": 1,
        "generated": "2026-11-29T00:00:00Z",
        "tool": "charte-lint test",
        "sources": [],
        "uses": sorted(records, key=lambda r: tuple(r["key"].values())),
        "conflicts": [],
        "stale": [],
    }


NL = _records(
    "tests/data/registers/nl-benefit-review.yaml",
    "voorbeeld/toeslagen",
    {
        "benefit-review-prioritisation": _classification(
            "high", annex_iii=["5(a)"], individual_decisions=True
        )
    },
)[0]
GB = _records(
    "tests/data/registers/gb-benefit-review.yaml",
    "council/benefits",
    {"benefit-review-prioritisation": _classification("outside_ai_act", individual_decisions=True)},
)[0]
FR = _records(
    "tests/data/registers/fr-admission-rules.yaml",
    "mesr/affectation",
    {
        "affectation-enseignement-superieur": _classification(
            "not_ai_system", ai_system=False, individual_decisions=True
        )
    },
)[0]
TOWN = _records(
    "examples/public-clean/ai-usage.yaml",
    "ville/numerique",
    {
        "assistant-mairie": _classification("limited", article_50=["chatbot"]),
        "transcription-conseil": _classification("limited", article_50=["generated_text"]),
        "synthese-documents-agents": _classification("minimal"),
    },
)


def _complete(record: dict[str, Any], **facts: Any) -> dict[str, Any]:
    """The record with facts added to its use (dotted keys), as a team would declare them."""
    record = copy.deepcopy(record)
    for dotted, value in facts.items():
        target = record["use"]
        *path, last = dotted.split(".")
        for part in path:
            target = target.setdefault(part, {})
        target[last] = value
    return record


# The kept copies are the package's copies ---------------------------------------------------


@pytest.mark.parametrize("standard", sorted(SCHEMAS))
def test_the_published_file_the_package_validates_with_is_the_one_kept_here(standard: str) -> None:
    assert Path(STANDARDS[standard].schema).read_bytes() == SCHEMAS[standard].read_bytes()


def test_the_published_field_lists_are_read_from_the_files() -> None:
    configuration = json.loads(SCHEMAS["nl-algoritmeregister"].read_text(encoding="utf-8"))
    required = [k for k, v in configuration["properties"].items() if v.get("required") is True]
    assert required == [
        "name",
        "description_short",
        "organization",
        "status",
        "contact_email",
        "publication_category",
        "lang",
    ]
    attributes = atrs_attributes(SCHEMAS["uk-atrs"].read_text(encoding="utf-8"))
    assert len(attributes) == 37
    assert attributes[7] == {
        "attribute": "external_supplier",
        "multiple": True,
        "type": "UTF-8 string",
        "required": True,
    }
    columns = inventory_columns(SCHEMAS["fr-inventaire"].read_text(encoding="utf-8"))
    assert columns[:5] == [
        "Nom de l'administration concernée",
        "Direction/service porteur",
        "Contact au sein de l'administration concernée",
        "Date de mise à jour des informations",
        "Nom de l'algorithme",
    ]
    assert len(columns) == 21 and columns.count("Ressources connexes") == 3
    assert columns[15] == "Données traitées"  # the fiche's "Données traitées*" note marker


def test_every_mapped_field_is_a_field_of_the_standard() -> None:
    configuration = json.loads(SCHEMAS["nl-algoritmeregister"].read_text(encoding="utf-8"))
    nl = [spec["field"] for spec in STANDARDS["nl-algoritmeregister"].fields]
    assert set(nl) <= set(configuration["properties"])
    uk = [spec["field"] for spec in STANDARDS["uk-atrs"].fields]
    published = atrs_attributes(SCHEMAS["uk-atrs"].read_text(encoding="utf-8"))
    assert uk == [a["attribute"] for a in published if a["attribute"] in uk]
    assert {a["attribute"] for a in published if a["required"]} <= set(uk)
    multiple = {a["attribute"] for a in published if a["multiple"]}
    assert {s["field"] for s in STANDARDS["uk-atrs"].fields if s.get("multiple")} <= multiple
    fr = [spec["field"] for spec in STANDARDS["fr-inventaire"].fields]
    assert fr == inventory_columns(SCHEMAS["fr-inventaire"].read_text(encoding="utf-8"))


# Dutch Algoritmeregister --------------------------------------------------------------------

NL_COMPLETE = _complete(
    NL,
    **{"owner.contact": "algoritmes@voorbeeld.nl", "dates.start": "2025-03-01"},
)


TOWN_CONTACTS = [
    TOWN[0],
    *(
        _complete(record, **{"owner.contact": "numerique@saint-aubin-sur-loire.fr"})
        for record in TOWN[1:]
    ),
]


def test_dutch_export_of_complete_records_fits_the_published_configuration() -> None:
    result = export("nl-algoritmeregister", _document(NL_COMPLETE, *TOWN_CONTACTS))
    assert result.filename == "algoritmeregister.json"
    assert result.name == "Algoritmeregister publicatiestandaard 1.0"
    assert result.gaps == []
    assert result.problems == []
    assert (
        validate("nl-algoritmeregister", result.content, str(SCHEMAS["nl-algoritmeregister"])) == []
    )
    names = [r["source_id"] for r in json.loads(result.content)]
    assert names == [
        "benefit-review-prioritisation",
        "assistant-mairie",
        "synthese-documents-agents",
        "transcription-conseil",
    ]


def test_dutch_export_states_the_declared_facts_field_by_field() -> None:
    (record,) = json.loads(export("nl-algoritmeregister", _document(NL_COMPLETE)).content)
    assert record == {
        "name": "Housing benefit review prioritisation",
        "description_short": "Scores each claim on the likelihood of a change of circumstances "
        "and orders the review queue.",
        "organization": "Gemeente Voorbeeld",
        "category": ["Sociale zekerheid"],
        "status": "In gebruik",
        "begin_date": "2025-03",
        "contact_email": "algoritmes@voorbeeld.nl",
        "url": "https://www.example.org/algorithms/benefit-review-prioritisation",
        "publication_category": "Hoog-risico AI-systeem",
        "goal": "Reviews of housing benefit claims are done in order of arrival and miss "
        "changes of circumstances.\n\nOverpayments found earlier, so that residents repay less.",
        "human_intervention": "Benefits officer: Reviews the claim in full before any change "
        "is made.",
        "risks": "bias: Quarterly comparison of review rates by group; officers review every "
        "case in full.",
        "source_data": "identity, income, household",
        "methods_and_models": "Zelflerend algoritme (machine learning).\n\nA gradient-boosted "
        "model trained on past reviews scores each claim monthly.",
        "provider": "In-house",
        "lang": "nld",
        "standard_version": "1.0",
        "source_id": "benefit-review-prioritisation",
    }


def test_dutch_publication_category_and_status_follow_the_mapping() -> None:
    town = {
        r["source_id"]: r
        for r in json.loads(export("nl-algoritmeregister", _document(*TOWN)).content)
    }
    assert town["assistant-mairie"]["publication_category"] == "Overige algoritmes"
    assert town["synthese-documents-agents"]["status"] == "In gebruik"  # a pilot
    retired = _complete(TOWN[1], status="retired", **{"dates.end": "2026-09-30"})
    (record,) = json.loads(export("nl-algoritmeregister", _document(retired)).content)
    assert (record["status"], record["end_date"]) == ("Buiten gebruik", "2026-09")
    piloted = _complete(TOWN[1], **{"dates.end": "2027-06-30"})  # a planned end: not published
    (record,) = json.loads(export("nl-algoritmeregister", _document(piloted)).content)
    assert "end_date" not in record
    impactful = _complete(TOWN[1], **{"decision.significant_effect": True})
    (record,) = json.loads(export("nl-algoritmeregister", _document(impactful)).content)
    assert record["publication_category"] == "Impactvolle algoritmes"


def test_dutch_record_without_a_contact_gives_its_gap_and_no_invented_value() -> None:
    result = export("nl-algoritmeregister", _document(NL))
    assert result.gaps == [
        Gap(
            key={
                "organisation": "Gemeente Voorbeeld",
                "repository": "voorbeeld/toeslagen",
                "use": "benefit-review-prioritisation",
            },
            file="ai-usage.yaml",
            line=10,
            standard="nl-algoritmeregister",
            field="contact_email",
            keys=["uses[].owner.contact"],
        )
    ]
    (record,) = json.loads(result.content)
    assert "contact_email" not in record
    assert result.problems == ["[0]: contact_email is required"]


def test_the_dutch_validator_reads_the_configurations_own_keywords() -> None:
    content = json.dumps(
        [
            {
                "name": "x" * 101,
                "description_short": "Kort.",
                "organization": "Gemeente Voorbeeld",
                "status": "Actief",
                "contact_email": "a@b.nl",
                "publication_category": "Overige algoritmes",
                "lang": "nld",
                "category": ["Verkeer", "Sport"],
                "goal": "<p>Doel</p><script>x</script>",
                "lawful_basis_grouping": [{"title": "Wet"}],
                "colour": "blue",
            }
        ]
    )
    assert validate("nl-algoritmeregister", content, str(SCHEMAS["nl-algoritmeregister"])) == [
        "[0]: unknown field 'colour'",
        "[0].name: 101 characters, at most 100",
        "[0].category[1]: 'Sport' is not one of the permitted values",
        "[0].status: 'Actief' is not one of the permitted values",
        "[0].goal: HTML tag <script> is not allowed",
        "[0].goal: HTML tag <script> is not allowed",
        "[0].lawful_basis_grouping[0]: link is required",
    ]


# UK ATRS ------------------------------------------------------------------------------------

GB_COMPLETE = _complete(
    GB,
    **{
        "owner.contact": "benefits@example.gov.uk",
        "parties": [{"name": "Example Analytics Ltd", "role": "developer"}],
        "data.sources": ["Housing benefit claims system", "Past review outcomes"],
        "tool.contract": True,
    },
)


def test_atrs_export_gives_the_gap_of_each_required_attribute_without_a_fact() -> None:
    result = export("uk-atrs", _document(GB))
    assert [(gap.field, gap.keys) for gap in result.gaps] == [
        ("contact_email", ["uses[].owner.contact"]),
        ("external_supplier_role", ["uses[].parties"]),
        ("source_data_name", ["uses[].data.sources"]),
        ("data_collection", []),
        ("data_sharing_agreements", ["uses[].tool.contract"]),
    ]
    assert {gap.line for gap in result.gaps} == {11}
    (record,) = json.loads(result.content)
    assert record["external_supplier"] == ["In-house"]  # tool.vendor, as declared
    for gap in result.gaps:
        assert gap.field not in record
    assert result.problems == [
        f"[0]: {name} is required"
        for name in (
            "contact_email",
            "external_supplier_role",
            "source_data_name",
            "data_collection",
            "data_sharing_agreements",
        )
    ]


def test_atrs_export_states_the_declared_facts_attribute_by_attribute() -> None:
    result = export("uk-atrs", _document(GB_COMPLETE))
    assert [gap.field for gap in result.gaps] == ["data_collection"]  # no manifest key says it
    (record,) = json.loads(result.content)
    assert record == {
        "name": "Housing benefit review prioritisation",
        "description": "Scores each claim on the likelihood of a change of circumstances and "
        "orders the review queue.\n\nReviews of housing benefit claims are done in order of "
        "arrival and miss changes of circumstances.",
        "website": "https://www.example.org/algorithms/benefit-review-prioritisation",
        "contact_email": "benefits@example.gov.uk",
        "organisation": "Example Borough Council",
        "team": "Revenues and Benefits",
        "senior_responsible_owner": "Head of Revenues and Benefits",
        "external_supplier": ["Example Analytics Ltd"],
        "external_supplier_role": ["Example Analytics Ltd: developer"],
        "data_access_terms": ["A processing agreement (GDPR Art. 28) is signed with the vendor."],
        "scope": "Scores each claim on the likelihood of a change of circumstances and orders "
        "the review queue.\n\nDoes not decide any claim; an officer reviews every case it ranks.",
        "benefit": "Overpayments found earlier, so that residents repay less.",
        "model_type": "Machine learning model",
        "phase": "production",
        "process_integration": "The tool orders the queue of cases that people work through.",
        "human_decisions": "Benefits officer: Reviews the claim in full before any change is made.",
        "appeals_and_review": "Mandatory reconsideration, then appeal to the First-tier Tribunal.",
        "source_data_name": ["Housing benefit claims system", "Past review outcomes"],
        "source_data_description": ["identity, income, household"],
        "data_sharing_agreements": [
            "A processing agreement (GDPR Art. 28) is signed with the vendor."
        ],
        "data_access_and_storage": ["The data is kept for P6Y (ISO 8601 duration)."],
        "impact_assessment_name": ["Data protection impact assessment (DPIA) DPIA-2025-07"],
        "impact_assessment_date": ["2025-05-12"],
        "risk_name": ["bias"],
        "risk_mitigation": [
            "Quarterly comparison of review rates by group; officers review every case in full."
        ],
    }
    assert result.problems == ["[0]: data_collection is required"]


def test_atrs_export_with_every_fact_fits_the_published_attributes() -> None:
    """The one attribute no manifest key states (data collection), filled by hand as the CL301
    message says, makes the record fit the standard."""
    result = export("uk-atrs", _document(GB_COMPLETE, *TOWN))
    records = json.loads(result.content)
    assert len(records) == 4
    for record in records:
        record["data_collection"] = ["Filled in by the team."]
    filled = json.dumps(records)
    problems = validate("uk-atrs", filled, str(SCHEMAS["uk-atrs"]))
    assert problems == [  # the town's records lack what its manifest does not declare
        f"[{index}]: {name} is required"
        for index, names in (
            (
                1,
                (
                    "external_supplier_role",
                    "model_type",
                    "human_decisions",
                    "appeals_and_review",
                    "source_data_name",
                ),
            ),
            (
                2,
                (
                    "contact_email",
                    "external_supplier",
                    "external_supplier_role",
                    "benefit",
                    "model_type",
                    "human_decisions",
                    "appeals_and_review",
                    "source_data_name",
                    "source_data_description",
                    "data_sharing_agreements",
                    "data_access_and_storage",
                    "impact_assessment_name",
                    "risk_name",
                ),
            ),
            (
                3,
                (
                    "contact_email",
                    "external_supplier",
                    "external_supplier_role",
                    "model_type",
                    "appeals_and_review",
                    "source_data_name",
                    "data_sharing_agreements",
                    "impact_assessment_name",
                    "risk_name",
                ),
            ),
        )
        for name in names
    ]
    assert validate("uk-atrs", json.dumps(records[:1]), str(SCHEMAS["uk-atrs"])) == []


def test_the_atrs_validator_reads_the_published_attributes() -> None:
    content = json.dumps([{"name": "x", "website": "www.example.org", "risk_name": "bias", "x": 1}])
    problems = validate("uk-atrs", content, str(SCHEMAS["uk-atrs"]))
    assert problems[:4] == [
        "[0]: unknown attribute 'x'",
        "[0]: description is required",
        "[0].website: expected an http(s) URL",
        "[0]: contact_email is required",
    ]
    assert "[0].risk_name: expected a list (a multi-value attribute)" in problems
    assert len(problems) == 1 + 1 + 18  # x, website, and the 18 other required attributes


# French inventory ---------------------------------------------------------------------------

FR_COMPLETE = _complete(
    FR,
    **{
        "owner.contact": "algorithmes@enseignementsup.gouv.fr",
        "data.sources": ["dossier du candidat sur la plateforme", "classements des commissions"],
    },
)


def test_inventory_exports_the_uses_that_ground_individual_decisions_of_public_bodies() -> None:
    """CRPA L312-1-3: the administrations "publient en ligne les règles définissant les
    principaux traitements algorithmiques utilisés dans l'accomplissement de leurs missions
    lorsqu'ils fondent des décisions individuelles" (read in Etalab's fiche, kept in
    tests/data/standards/fr-inventaire/, which quotes these words and links them to
    https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205516/ under the number
    L312-1-2, where charte-lint's law.yaml has L312-1-3; Légifrance could not be reached from
    this machine to settle the number). The fiche: "Un classeur Excel constitue un traitement
    algorithmique": a rule-based algorithm is one, the CRPA does not ask for AI."""
    result = export("fr-inventaire", _document(FR_COMPLETE, *TOWN), lang="fr")
    rows = list(csv.reader(io.StringIO(result.content)))
    assert len(rows) == 2  # the header and Parcoursup: the town's uses decide nothing
    assert result.problems == []
    assert validate("fr-inventaire", result.content, str(SCHEMAS["fr-inventaire"])) == []
    assert result.filename == "inventaire-algorithmes.csv"
    assert dict(zip(rows[0], rows[1], strict=True)) | {"Ressources connexes": ""} == {
        "Nom de l'administration concernée": "Ministère de l'Enseignement supérieur",
        "Direction/service porteur": "Service de l'orientation",
        "Contact au sein de l'administration concernée": "algorithmes@enseignementsup.gouv.fr",
        "Date de mise à jour des informations": "2026-07-01",
        "Nom de l'algorithme": "Affectation des candidats dans l'enseignement supérieur",
        "Contexte global": "Répartir chaque année plus de 900 000 candidats entre les formations "
        "selon leurs vœux et les capacités d'accueil.",
        "Finalité de l'algorithme": "Ordonne les vœux selon les classements des commissions "
        "d'examen et propose les places disponibles.",
        "Comment et quand l'algorithme intervient-il dans la prise de décision ?": (
            "L'algorithme propose une issue qu'un agent adopte ou modifie.\n\nChaque commission "
            "établit son classement ; l'algorithme n'applique que ces classements."
        ),
        "Niveau d'automatisation de la décision": "Outil d'aide à la décision ; un agent décide.",
        "Fondements juridiques": "Code de l'éducation, art. L612-3 "
        "(https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037353484)",
        "Ressources connexes": "",
        "Nombre de décisions administratives prises par an": "900000",
        "Portée de la décision": "",
        "Public concerné par la décision": "",
        "Données traitées": "identité, scolarité, vœux",
        "Source des données traitées": "dossier du candidat sur la plateforme ; classements des "
        "commissions",
        "Mode de collecte des données traitées": "",
        "Type d'algorithme": "Système de règles (les règles de calcul sont écrites par des "
        "personnes)",
        "Opérations effectuées par l'algorithme": "Un algorithme de règles écrites (appariement) "
        "applique les classements établis par les commissions et les taux minimaux fixés par les "
        "recteurs.",
    }
    related = [
        value for name, value in zip(rows[0], rows[1], strict=True) if name == "Ressources connexes"
    ]
    assert related == [
        "https://www.parcoursup.gouv.fr/algorithmes",
        "",
        "https://framagit.org/parcoursup/algorithmes-de-parcoursup",
    ]


def test_inventory_gaps_name_the_keys_and_leave_the_cells_empty() -> None:
    result = export("fr-inventaire", _document(FR), lang="fr")
    assert [(gap.field, gap.keys) for gap in result.gaps] == [
        ("Contact au sein de l'administration concernée", ["uses[].owner.contact"]),
        ("Source des données traitées", ["uses[].data.sources"]),
    ]
    header, row = list(csv.reader(io.StringIO(result.content)))
    cells = dict(zip(header, row, strict=False))
    assert cells["Contact au sein de l'administration concernée"] == ""
    assert cells["Source des données traitées"] == ""
    assert result.problems == []  # the fiche makes no column mandatory: the gaps say what lacks


# Which uses ---------------------------------------------------------------------------------


def test_ineligible_records_are_not_exported() -> None:
    private = copy.deepcopy(TOWN[0])
    private["charter"] = "private"
    private["organisation"]["sector"] = "private"
    idea = _complete(TOWN[1], status="idea")
    retired = _complete(FR, status="retired")
    assert not eligible("nl-algoritmeregister", private)
    assert not eligible("uk-atrs", idea)
    assert eligible("uk-atrs", _complete(TOWN[1], status="design"))
    assert not eligible("fr-inventaire", retired)
    assert not eligible("fr-inventaire", TOWN[0])  # no individual decision
    service = copy.deepcopy(FR)
    service["organisation"]["sector"] = "private_public_service"
    assert eligible("fr-inventaire", service)
    assert json.loads(export("uk-atrs", _document(private, idea)).content) == []
    assert export("uk-atrs", _document(private, idea)).gaps == []
    header = list(csv.reader(io.StringIO(export("fr-inventaire", _document(retired)).content)))
    assert len(header) == 1


# The finding --------------------------------------------------------------------------------


def test_gaps_become_cl301_findings_in_both_languages() -> None:
    gaps = export("uk-atrs", _document(GB)).gaps
    english = gap_findings(gaps[:1] + gaps[3:4], "en")
    assert [
        (f.code, f.name, f.severity, f.principle, f.file, f.line, f.column, f.use) for f in english
    ] == [
        (
            "CL301",
            "export-missing-fact",
            "warning",
            "transparency",
            "ai-usage.yaml",
            11,
            1,
            "benefit-review-prioritisation",
        ),
    ] * 2
    assert [f.message for f in english] == [
        "Algorithmic Transparency Recording Standard (data standard v1.1): the required field "
        "`contact_email` has no fact: add `uses[].owner.contact`",
        "Algorithmic Transparency Recording Standard (data standard v1.1): the required field "
        "`data_collection` has no fact, and no manifest key states it: fill it in the exported "
        "file",
    ]
    (french,) = gap_findings(export("fr-inventaire", _document(FR), lang="fr").gaps[1:], "fr")
    assert french.message == (
        "Inventaire des principaux traitements algorithmiques (fiche Etalab) : le champ "
        "obligatoire `Source des données traitées` n'a aucun fait : ajouter `uses[].data.sources`"
    )


def test_the_text_reporter_prints_the_findings() -> None:
    from charte_lint.reporters import Report
    from charte_lint.reporters.text import render

    findings = gap_findings(export("nl-algoritmeregister", _document(NL)).gaps, "en")
    text = render(Report(findings, ["ai-usage.yaml"], "en", "test"), quiet=True)
    assert text.splitlines()[0] == (
        "ai-usage.yaml:10:1: CL301 [warning] Algoritmeregister publicatiestandaard 1.0: the "
        "required field `contact_email` has no fact: add `uses[].owner.contact` "
        "(export-missing-fact)"
    )


# The lead's builder gives the same records ---------------------------------------------------


def test_exports_of_the_builders_records_equal_those_of_the_hand_built_ones(
    tmp_path: Path,
) -> None:
    """The records built by hand above follow the register's contract: the builder's records of
    the same manifests export to the same files, with the same gaps (field, keys, line)."""
    import datetime as dt
    import shutil

    from charte_lint.register.build import records_from_paths

    for name in ("nl-benefit-review", "gb-benefit-review", "fr-admission-rules"):
        (tmp_path / name).mkdir()
        shutil.copy(
            REPO / "tests" / "data" / "registers" / f"{name}.yaml",
            tmp_path / name / "ai-usage.yaml",
        )
    shutil.copytree(REPO / "examples" / "public-clean", tmp_path / "public-clean")
    built = records_from_paths([str(tmp_path)], today=dt.date(2026, 11, 29))
    assert len(built["uses"]) == 6
    for standard in STANDARDS:
        lang = "fr" if standard == "fr-inventaire" else "en"
        real = export(standard, built, lang)
        hand = export(standard, _document(NL, GB, FR, *TOWN), lang)
        assert sorted(real.content.splitlines()) == sorted(hand.content.splitlines()), standard
        assert sorted((g.key["use"], g.field, tuple(g.keys), g.line) for g in real.gaps) == sorted(
            (g.key["use"], g.field, tuple(g.keys), g.line) for g in hand.gaps
        )
        assert sorted(real.problems) == sorted(hand.problems)
