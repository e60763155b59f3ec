"""The law of the country and the legal calendar (`charte_lint.law`, `content/law.yaml`), as a
rule pack sees them through `ctx.finding(..., duty=...)`: which instrument binds, from when,
with which severity, and what the organisation's configuration may change."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import REPO, dedent

from charte_lint import law
from charte_lint.api import rule
from charte_lint.config import Config
from charte_lint.engine import Linter, lint_source
from charte_lint.registry import load_rules

CONTENT = str(REPO / "tests" / "data" / "law_pack" / "content")
DUTY = {"key": "fria"}  # which duty the test rule rests on, set per test


@rule("LAW100", "legal-test", principle="vigilance", severity="error", content=CONTENT)
def _legal_test(ctx):
    for pointer, use in ctx.uses():
        yield ctx.finding(pointer, duty=DUTY["key"], use=use, use_id=use.get("id"))


MANIFEST = """\
version: 1
charter: {charter}
organisation:
  name: Exemple
{organisation}uses:
  - id: triage
    name: Triage
    status: {status}
{dates}    owner:
      accountable: Head of service
    purpose:
      need: Sort the requests.
    tool:
      name: In-house model
    data:
      personal: false
"""


def _lint(
    today: str = "2026-11-29",
    duty: str = "fria",
    charter: str = "private",
    organisation: str = "",
    status: str = "production",
    dates: str = "",
    config: Config | None = None,
    lang: str = "en",
):
    DUTY["key"] = duty
    text = MANIFEST.format(charter=charter, organisation=organisation, status=status, dates=dates)
    linter = Linter(rules=[_legal_test], today=dt.date.fromisoformat(today), lang=lang)
    findings = lint_source(text, config=config, linter=linter, lang=lang)
    (finding,) = [f for f in findings if f.code == "LAW100"]
    return finding


def test_a_duty_not_yet_in_force_keeps_the_charter_severity_and_says_from_when():
    # AI Act art. 27 (FRIA) applies to Annex III systems from 2 December 2027 (art. 113, third
    # paragraph, point (c), as amended by Regulation (EU) 2026/1744).
    finding = _lint(today="2027-12-01", status="design")  # to be put into service later
    assert finding.severity == "warning"
    assert finding.message == (
        "use `triage` has no fundamental rights impact assessment (AI Act, art. 27)"
        " (legal duty from 2027-12-02)"
    )
    assert finding.legal == {
        "duty": "fria",
        "instrument": "ai_act",
        "cite": "AI Act, art. 27",
        "binds_from": "2027-12-02",
        "in_force": False,
    }


def test_the_same_duty_in_force_is_a_legal_finding_at_the_rule_severity():
    finding = _lint(today="2027-12-02")
    assert finding.severity == "error"
    assert finding.message == (
        "use `triage` has no fundamental rights impact assessment (AI Act, art. 27)"
        " (unless it was in service before 2027-12-02: declare `dates.start`)"
    )
    started = _lint(today="2027-12-02", dates="    dates:\n      start: 2027-12-02\n")
    assert started.message == (
        "use `triage` has no fundamental rights impact assessment (AI Act, art. 27)"
    )
    assert finding.legal["in_force"] is True


def test_the_organisation_may_read_the_calendar_differently():
    config = Config({"legal_dates": {"fria": "2026-08-02"}})
    finding = _lint(today="2026-11-29", config=config)
    assert (finding.severity, finding.legal["binds_from"]) == ("error", "2026-08-02")


def test_a_configured_severity_wins_over_the_calendar():
    config = Config({"severity": {"LAW100": "info"}})
    assert _lint(today="2027-12-02", config=config).severity == "info"
    assert _lint(today="2026-11-29", config=config).severity == "info"


def test_no_ai_act_duty_binds_a_british_organisation():
    finding = _lint(today="2028-01-01", organisation="  country: GB\n")
    assert finding.severity == "warning"  # the charter still asks; the law of GB does not
    assert finding.legal is None
    assert "legal duty" not in finding.message


def test_the_gdpr_binds_in_the_eea_and_the_uk_gdpr_in_great_britain():
    # GDPR art. 35 in Germany; UK GDPR art. 35 in Great Britain; nothing in the United States.
    german = _lint(duty="dpia", organisation="  country: DE\n")
    assert german.legal["cite"] == "GDPR, art. 35" and german.severity == "error"
    british = _lint(duty="dpia", organisation="  country: GB\n")
    assert british.legal["cite"] == "UK GDPR, art. 35" and british.severity == "error"
    american = _lint(duty="dpia", organisation="  country: US\n")
    assert american.legal is None and american.severity == "warning"


def test_french_law_binds_only_in_france_and_by_sector():
    # CRPA art. L311-3-1 binds French administrations; not a French private company, nor a
    # Belgian public body.
    public = "  sector: public_body\n"
    french_public = _lint(duty="algorithm_mention", organisation=public)
    assert french_public.legal["cite"] == "CRPA, art. L311-3-1"
    assert _lint(duty="algorithm_mention").legal is None
    belgian = _lint(duty="algorithm_mention", organisation=public + "  country: BE\n")
    assert belgian.legal is None


def test_a_high_risk_system_already_in_service_is_bound_on_a_significant_change_only():
    # AI Act art. 111(2): operators of high-risk systems in service before the date of
    # application of Chapter III are bound only if their design changes significantly;
    # public authorities must comply by 2 August 2030.
    dates = "    dates:\n      start: 2025-03-01\n"
    private = _lint(today="2028-01-01", dates=dates)
    assert private.severity == "warning"
    assert private.legal["binds_from"] is None
    assert private.message.endswith(
        " (legal duty only once its design changes significantly: AI Act, art. 111(2))"
    )
    public = _lint(
        today="2028-01-01", dates=dates, charter="public", organisation="  sector: public_body\n"
    )
    assert public.legal["binds_from"] == "2030-08-02"
    assert public.message.endswith(" (legal duty from 2030-08-02)")
    started_later = _lint(today="2028-01-01", dates="    dates:\n      start: 2027-12-02\n")
    assert started_later.severity == "error"


def test_a_use_in_service_today_is_in_service_before_the_date_of_application():
    # No `dates.start`, but in production on 29 November 2026: it was put into service before
    # 2 December 2027, so art. 111(2) applies to it.
    private = _lint(today="2026-11-29")
    assert private.legal["binds_from"] is None
    public = _lint(today="2026-11-29", charter="public", organisation="  sector: public_body\n")
    assert public.message.endswith(" (legal duty from 2030-08-02)")
    # from the date of application on, a use whose start is unknown is taken as bound
    assert _lint(today="2027-12-02").severity == "error"
    # a counsel who reads the Omnibus as not deferring art. 27 moves the cut-off with the date
    config = Config({"legal_dates": {"fria": "2026-08-02"}})
    assert _lint(today="2026-11-29", config=config).severity == "error"


def test_a_use_not_yet_in_service_has_not_breached_a_duty_in_force():
    finding = _lint(duty="dpia", status="design")
    assert finding.severity == "warning"
    assert finding.message.endswith(" (legal duty before the use starts)")
    assert finding.legal["in_force"] is False and finding.legal["binds_from"] == "2018-05-25"


def test_the_calendar_speaks_french():
    finding = _lint(today="2027-01-01", lang="fr", status="design")
    assert finding.message == (
        "l'usage `triage` n'a pas d'analyse d'impact sur les droits fondamentaux "
        "(règlement IA, art. 27) (obligation légale à compter du 2027-12-02)"
    )


def test_the_legal_record_is_in_the_json_and_sarif_output():
    from charte_lint.reporters import Report
    from charte_lint.reporters.json import render as render_json
    from charte_lint.reporters.sarif import render as render_sarif

    finding = _lint(today="2027-01-01", status="design")
    finding = finding.replace(file="ai-usage.yaml", line=6, column=5)
    report = Report([finding], ["ai-usage.yaml"], "en", "0", rules={"LAW100": _legal_test})
    (found,) = json.loads(render_json(report, False, False))["findings"]
    assert found["legal"]["binds_from"] == "2027-12-02"
    (result,) = json.loads(render_sarif(report, False, False))["runs"][0]["results"]
    assert result["properties"]["legal"]["duty"] == "fria"


# The calendar itself ----------------------------------------------------------------------


def test_every_duty_names_its_article_date_source_and_whether_it_was_verified():
    data = law.data()
    for key, duty in data["duties"].items():
        assert set(duty["title"]) == {"en", "fr"}, key
        for instrument, variant in duty["in"].items():
            assert instrument in data["instruments"], (key, instrument)
            assert set(variant["article"]) == {"en", "fr"}, key
            assert isinstance(variant["from"], dt.date), key
            assert variant["source"].strip(), key
            assert re.match(r"https://", variant["url"]), key
            assert isinstance(variant["verified"], bool), key
            if not variant["verified"]:
                assert variant.get("note", "").strip(), f"{key}: say what was not verified"


def test_the_french_citations_follow_one_style():
    # "règlement IA, art. 5, 1, f)": paragraphs and points separated by commas, no brackets.
    for key in law.duty_keys():
        for variant in law.data()["duties"][key]["in"].values():
            assert "(" not in variant["article"]["fr"].replace("f)", "").replace("g)", ""), key


def test_the_configuration_schema_knows_every_duty():
    from charte_lint.docs import legal_dates_schema
    from charte_lint.schema import load_schema

    schema = load_schema("config.schema.json")
    assert sorted(schema["properties"]["legal_dates"]["properties"]) == law.duty_keys()
    assert schema["properties"]["legal_dates"]["properties"] == legal_dates_schema(), (
        "python -m charte_lint.docs, then python -m charte_lint.schema --regenerate"
    )


def test_every_built_in_rule_rests_on_known_duties():
    for found in load_rules():
        for key in found.duties:
            assert key in law.duty_keys(), (found.code, key)


@pytest.mark.parametrize(
    ("country", "sector", "body"),
    [
        ("FR", "private", "the CSE (social and economic committee)"),
        (
            "FR",
            "public_body",
            "the social committee (CST, CSA or CSE) or its specialised formation",
        ),
        ("DE", "private", "the staff representatives"),
    ],
)
def test_who_represents_the_staff_depends_on_the_country_and_the_sector(country, sector, body):
    assert law.Law(country, sector).term("staff_body", "en") == body


def test_an_unknown_duty_date_in_the_configuration_is_a_configuration_error(tmp_path):
    from conftest import invoke

    (tmp_path / ".charte-lint.yaml").write_text("legal_dates:\n  fira: 2027-01-01\n")
    (tmp_path / "ai-usage.yaml").write_text(
        dedent(MANIFEST.format(charter="private", organisation="", status="production", dates=""))
    )
    result = invoke(str(tmp_path))
    assert result.code == 2
    assert result.err == (
        f"charte-lint: error: {tmp_path}/.charte-lint.yaml:2:3: invalid configuration: unknown "
        "key `fira` in `legal_dates`: did you mean `fria`?\n"
    )


def test_the_legal_calendar_page_is_up_to_date():
    from charte_lint.docs import LAW_DOCS, rules_docs

    pages = rules_docs()
    for path in LAW_DOCS.values():
        assert (REPO / path).read_text(encoding="utf-8") == pages[path], (
            "python -m charte_lint.docs"
        )
    assert "| AI Act | [art. 27](" in pages["docs/legal-calendar.md"]
    assert "| règlement IA | [art. 27](" in pages["docs/legal-calendar.fr.md"]


def test_the_generated_json_is_the_reviewed_yaml():
    # law.yaml is what a lawyer edits; law.json is what a run reads (40 ms less per run)
    path = REPO / "charte_lint" / "content" / "law.json"
    assert path.read_text(encoding="utf-8") == law.generated_json(), "python -m charte_lint.docs"
    assert law.read_source() == law.data()


def test_the_start_date_is_asked_only_where_it_decides():
    # After 2 December 2027, a use with no `dates.start` may have been in service before:
    # a private deployer is then bound only on a significant change, so the finding asks.
    private = _lint(today="2030-08-02")
    assert private.message.endswith(
        " (unless it was in service before 2027-12-02: declare `dates.start`)"
    )
    # A public authority is bound by 2 August 2030 either way: nothing to ask.
    public = _lint(today="2030-08-02", charter="public", organisation="  sector: public_body\n")
    assert (public.severity, public.message) == (
        "error",
        "use `triage` has no fundamental rights impact assessment (AI Act, art. 27)",
    )
