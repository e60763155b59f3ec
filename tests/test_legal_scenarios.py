"""Manifests restated from published registers (a French algorithm publication, Helsinki's AI
register, a UK ATRS record, a Dutch Algoritmeregister entry), linted whole: what a careful
lawyer expects in each country, and nothing else.

Texts quoted (EUR-Lex and Légifrance could not be reached from where these tests were written;
the wording was read in reproductions of the published texts, see docs/legal-calendar.md):

- AI Act art. 3(1): "'AI system' means a machine-based system that is designed to operate with
  varying levels of autonomy [...] and that, for explicit or implicit objectives, infers, from
  the input it receives, how to generate outputs"; recital 12: the definition "should not cover
  systems that are based on the rules defined solely by natural persons to automatically execute
  operations". https://eur-lex.europa.eu/eli/reg/2024/1689/oj
- AI Act Annex III, point 5(a): "AI systems intended to be used by public authorities or on
  behalf of public authorities to evaluate the eligibility of natural persons for essential
  public assistance benefits and services [...] as well as to grant, reduce, revoke, or reclaim
  such benefits and services".
- AI Act art. 111(2), as amended by Regulation (EU) 2026/1744: the Regulation applies to
  operators of high-risk AI systems placed on the market or put into service before the date of
  application of Chapter III "only if, as from that date, those systems are subject to
  significant changes in their designs"; providers and deployers of such systems "intended to be
  used by public authorities shall take the necessary steps to comply [...] by 2 August 2030".
- CRPA art. L311-3-1: "une décision individuelle prise sur le fondement d'un traitement
  algorithmique comporte une mention explicite en informant l'intéressé".
  https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033205514
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from charte_lint.engine import Linter, lint_source
from charte_lint.registry import load_rules

REGISTERS = REPO / "tests" / "data" / "registers"
TODAY = dt.date(2026, 11, 29)
RULES = load_rules()


def lint(path: Path | str, today: dt.date = TODAY, change=None, lang: str = "en"):
    """The findings of the whole built-in pack on a register manifest, optionally changed."""
    text = Path(path).read_text(encoding="utf-8")
    if change is not None:
        data = yaml.safe_load(text)
        change(data)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    linter = Linter(rules=RULES, today=today, lang=lang)
    return lint_source(text, path=str(path), linter=linter, lang=lang)


def found(findings) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.pointer, f.severity) for f in findings if f.code != "DAT003")


@pytest.mark.parametrize(
    "name", ["fr-admission-rules.yaml", "fi-city-chatbot.yaml", "gb-benefit-review.yaml"]
)
def test_complete_honest_declarations_lint_clean(name):
    # DAT003 (info) says once that no approved-tools registry is configured: these tests lint
    # without an organisation's configuration.
    findings = lint(REGISTERS / name)
    assert found(findings) == []
    assert [f.code for f in findings] == ["DAT003"]


def test_a_rule_based_algorithm_is_not_an_ai_system_but_french_law_still_applies():
    path = REGISTERS / "fr-admission-rules.yaml"

    def learned(data):
        data["uses"][0]["algorithm"]["type"] = "machine_learning"

    # The same admission procedure run by a learned model is Annex III 3(a), high-risk; in
    # service before 2 December 2027 and used by a public authority, it is bound by 2 August 2030.
    (high,) = [f for f in lint(path, change=learned) if f.code == "VIG003"]
    assert (high.pointer, high.severity) == ("/uses/0", "warning")
    assert "Annex III, point 3(a)" in high.message
    assert high.message.endswith(" (legal duty from 2030-08-02)")
    assert high.legal["binds_from"] == "2030-08-02"

    def no_mention(data):
        del data["uses"][0]["transparency"]["mention"]

    # Rules written by people are still an algorithmic processing for the CRPA.
    (mention,) = found(lint(path, change=no_mention))
    assert mention == ("TRN006", "/uses/0/transparency", "error")
    (finding,) = [f for f in lint(path, change=no_mention) if f.code == "TRN006"]
    assert finding.legal["cite"] == "CRPA, art. L311-3-1" and finding.legal["in_force"] is True


def test_the_crpa_binds_french_administrations_only():
    def belgian(data):
        data["organisation"]["country"] = "BE"
        del data["uses"][0]["transparency"]

    # No mention, no publication: nothing to say under Belgian law as charte-lint knows it
    # (the GDPR and the AI Act apply, and the declaration satisfies them).
    assert found(lint(REGISTERS / "fr-admission-rules.yaml", change=belgian)) == []


def test_the_same_risk_model_is_high_risk_in_the_netherlands_and_not_under_uk_law():
    british = lint(REGISTERS / "gb-benefit-review.yaml")
    assert found(british) == []
    dutch = lint(REGISTERS / "nl-benefit-review.yaml")
    assert found(dutch) == [
        ("VIG003", "/uses/0", "warning"),
        ("VIG005", "/uses/0/assessments", "warning"),
        ("VIG006", "/uses/0", "warning"),
        ("VIG007", "/uses/0/transparency", "warning"),
    ]
    for finding in dutch:
        if finding.code != "DAT003":
            assert "Annex III, point 5(a)" in finding.message
            assert finding.message.endswith(" (legal duty from 2030-08-02)"), finding.code
            assert finding.legal["in_force"] is False
    # On 2 August 2030, a public authority's system already in service must comply.
    later = lint(REGISTERS / "nl-benefit-review.yaml", today=dt.date(2030, 8, 2))
    assert sorted((f.code, f.severity) for f in later if f.code.startswith("VIG")) == [
        ("VIG003", "error"),
        ("VIG005", "error"),
        ("VIG006", "error"),
        ("VIG007", "error"),
    ]


def test_in_french_the_dutch_findings_cite_the_regulation_in_french():
    dutch = lint(REGISTERS / "nl-benefit-review.yaml", lang="fr")
    (fria,) = [f for f in dutch if f.code == "VIG005"]
    assert "(règlement IA, art. 27) (obligation légale à compter du 2030-08-02)" in fria.message
