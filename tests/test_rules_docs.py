"""docs/rules.md and docs/rules.fr.md stay true to the rules' own metadata."""

from __future__ import annotations

import pytest
from conftest import REPO, invoke

from charte_lint.docs import RULES_DOCS, rules_docs, write_rules_docs
from charte_lint.rules import RULES


@pytest.mark.parametrize("path", sorted(RULES_DOCS.values()))
def test_rules_docs_are_up_to_date(path):
    written = (REPO / path).read_text(encoding="utf-8")
    assert written == rules_docs()[path], "run: python -m charte_lint.docs"


@pytest.mark.parametrize(("lang", "path"), sorted(RULES_DOCS.items()))
def test_list_rules_as_markdown_is_the_rules_page(lang, path):
    result = invoke("--list-rules", "--format", "markdown", "--lang", lang, cwd=REPO)
    assert (result.code, result.err) == (0, "")
    assert result.out == (REPO / path).read_text(encoding="utf-8")


def test_every_built_in_rule_has_a_section_in_both_languages():
    for path, text in rules_docs().items():
        if path not in RULES_DOCS.values():
            continue  # the legal calendar
        for rule in RULES:
            assert f"\n## {rule.code}\n" in text, (path, rule.code)
            assert f"(#{rule.code.lower()})" in text, (path, rule.code)


def test_write_rules_docs(tmp_path):
    write_rules_docs(tmp_path)
    for path, text in rules_docs().items():
        assert (tmp_path / path).read_text(encoding="utf-8") == text


@pytest.mark.parametrize("charter", ["private", "public"])
def test_every_principle_of_each_charter_has_at_least_two_rules(charter):
    shared = ("value", "transparency", "data", "human", "inclusion", "sobriety", "work")
    principles = (*shared, "cooperation", "security" if charter == "private" else "vigilance")
    for principle in principles:
        rules = [r for r in RULES if r.principle == principle and r.applies_to(charter)]
        assert len(rules) >= 2, (charter, principle, [r.code for r in rules])
