"""Rule content in files: complete, translated, consistent, and examples that do what they say.

Every rule (the built-in pack and the engine's own CL rules) keeps its summary, messages,
documentation and references in `content/LANG/CODE.md`, and its examples in
`content/examples/CODE/`. These tests are where a missing translation is reported: a run falls
back to English silently.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import string
from pathlib import Path

import pytest
from conftest import clean_env, invoke

from charte_lint.api import Rule
from charte_lint.config import DEFAULT, load_config
from charte_lint.content import SECTIONS, examples, languages, read_rule_file, rule_text
from charte_lint.docs_rules import explain, render_docs, render_docs_text
from charte_lint.engine import lint_source
from charte_lint.registry import load_rules

ALL_RULES = load_rules()
TODAY = dt.date(2026, 11, 29)
# Rules no manifest can show, and where they are shown instead.
WITHOUT_EXAMPLES = {
    "CL000": "a rule crashing needs a broken rule pack: tests/test_engine.py installs one",
    "CL301": "an export in a published standard raises it, not linting: "
    "tests/test_register_exports.py exports records that lack a fact",
}
# Where a rule's failing example cannot fire that rule alone, what else it fires, and why.
ALSO_FIRES = {
    # a suppression comment without a reason silences nothing: the finding it names stays
    "CL901": ["SEC002"],
}
EXAMPLES = [
    (rule, example)
    for rule in ALL_RULES
    for example in examples(rule.content, rule.code)
    if not example.is_directory
]
DIRECTORY_EXAMPLES = [
    (rule, example)
    for rule in ALL_RULES
    for example in examples(rule.content, rule.code)
    if example.is_directory
]


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _outside_code(text: str) -> str:
    return re.sub(r"`[^`]*`|\{[^}]*\}", "``", text)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_has_complete_english_content(rule: Rule) -> None:
    text = read_rule_file(os.path.join(rule.content, "en", f"{rule.code}.md"))
    assert text.summary.strip()
    assert "default" in text.messages
    assert all(message.strip() for message in text.messages.values())
    assert [title for title, _ in text.sections] == [
        "What it does",
        "Why it matters",
        "How to fix",
    ]
    assert all(body for _, body in text.sections)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_is_translated_in_every_language(rule: Rule) -> None:
    """A translation that lacks a file, a summary, a message or a section is reported here."""
    for lang in languages(rule.content)[1:]:
        text = rule_text(rule.content, rule.code, lang)
        assert text.fallbacks == (), (lang, text.fallbacks)
        own = read_rule_file(os.path.join(rule.content, lang, f"{rule.code}.md"))
        assert len(own.sections) == SECTIONS, lang
        assert set(own.messages) == set(rule.text("en").messages), lang


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_messages_keep_their_placeholders_and_style_in_every_language(rule: Rule) -> None:
    english = rule.text("en").messages
    for lang in languages(rule.content):
        for key, template in rule.text(lang).messages.items():
            assert _fields(template) == _fields(english[key]), (lang, key)
            assert not template.endswith((".", " ")), (lang, key)
            if rule.principle is not None:  # CL messages may start with a quoted name or "YAML"
                assert template[0].islower() or template[0] == "`", (lang, key)
    for key, template in rule.text("fr").messages.items():
        prose = _outside_code(template)
        assert not re.search(r"[^\s]:(\s|$)", prose), f"French needs a space before ':' ({key})"
    for key, template in english.items():
        assert " :" not in _outside_code(template), key


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rendered_documentation_has_its_sections_examples_and_no_stray_lines(rule: Rule) -> None:
    titles = {
        "en": ("## What it does", "## Why it matters", "## Example", "## How to fix"),
        "fr": (
            "## Ce que fait la règle",
            "## Pourquoi c'est important",
            "## Exemple",
            "## Comment corriger",
        ),
    }
    labels = {"en": ("Failing:", "Passing:"), "fr": ("En échec :", "Conforme :")}
    for lang in ("en", "fr"):
        docs = render_docs(rule, lang)
        if rule.code in WITHOUT_EXAMPLES:  # the same sections, without an example
            titles[lang] = (*titles[lang][:2], titles[lang][3], titles[lang][3])
        positions = [docs.find(title + "\n") for title in titles[lang]]
        assert -1 not in positions and positions == sorted(positions), (lang, positions)
        example = docs[positions[2] : positions[3]]
        if rule.code not in WITHOUT_EXAMPLES:
            assert all(label in example for label in labels[lang]), lang
        for rendered in (docs, explain(rule, lang), render_docs_text(rule, lang)):
            # the defect of eight rules: a lone backslash line left by a Python literal
            assert not any(line.strip() == "\\" for line in rendered.splitlines()), lang
        assert "```" not in render_docs_text(rule, lang)


def test_charter_references_derive_from_the_catalogue() -> None:
    rule = next(r for r in ALL_RULES if r.code == "VAL004")  # a public-charter rule
    assert rule.charters == {"private": None, "public": "S1"}
    assert "- Charte S1 Une IA au service du public" in explain(rule, "fr")
    assert "- Charter S1 AI serving the public" in explain(rule, "en")
    structural = next(r for r in ALL_RULES if r.code == "CL001")
    assert structural.charters == {"private": None, "public": None}


# Executable examples ---------------------------------------------------------------------


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_failing_and_a_passing_example(rule: Rule) -> None:
    if rule.code in WITHOUT_EXAMPLES:
        assert examples(rule.content, rule.code) == []
        return
    found = examples(rule.content, rule.code)
    kinds = {(example.failing, example.lang) for example in found}
    assert (True, None) in kinds and (False, None) in kinds, rule.code


def _codes(rule: Rule, example: object) -> list[str]:
    config = load_config(example.config) if example.config else DEFAULT  # type: ignore[attr-defined]
    path = example.manifest_path()  # type: ignore[attr-defined]
    raw = Path(path).read_bytes()
    codes = set()
    for lang in ("en", "fr"):
        findings = lint_source(raw, path, config, lang=lang, today=TODAY)
        reported = {finding.code for finding in findings if finding.suppression is None}
        codes.add(tuple(sorted(reported)))
    assert len(codes) == 1, "the language changed the findings"
    return list(codes.pop())


@pytest.mark.parametrize(
    ("rule", "example"),
    EXAMPLES,
    ids=lambda value: os.path.relpath(value.path) if hasattr(value, "path") else value.code,
)
def test_failing_example_fires_exactly_its_rule_and_passing_example_nothing(
    rule: Rule, example: object
) -> None:
    codes = _codes(rule, example)
    if example.failing:  # type: ignore[attr-defined]
        assert codes == sorted([rule.code, *ALSO_FIRES.get(rule.code, [])])
    else:
        assert codes == []


@pytest.mark.parametrize(
    ("rule", "example"),
    DIRECTORY_EXAMPLES,
    ids=lambda value: os.path.relpath(value.path) if hasattr(value, "path") else value.code,
)
def test_directory_examples_fire_through_code_detection(
    rule: Rule, example: object, tmp_path: Path
) -> None:
    import shutil

    work = tmp_path / "repo"
    shutil.copytree(example.path, work)  # type: ignore[attr-defined]
    args = [".", "--format", "json", "--detect"]
    if example.config:  # type: ignore[attr-defined]
        args += ["--config", example.config]  # type: ignore[attr-defined]
    result = invoke(*args, cwd=work, env=clean_env(CHARTE_LINT_TODAY=TODAY.isoformat()))
    findings = json.loads(result.out)["findings"]
    codes = sorted({f["code"] for f in findings if f["suppression"] is None})
    if example.failing:  # type: ignore[attr-defined]
        assert codes == [rule.code], result.err
    else:
        assert codes == [], result.err


# A new language is a folder of files --------------------------------------------------------


def _throwaway_pack(root: Path) -> Rule:
    """A rule whose content exists in English and, partly, in a made-up language `xx`."""
    (root / "en").mkdir(parents=True)
    (root / "xx").mkdir()
    (root / "en" / "ZZZ001.md").write_text(
        "---\nsummary: Hosting is not declared.\nmessages:\n"
        "  default: use `{use_id}` does not say where the tool is hosted\n"
        "  other: use `{use_id}` has another problem\n"
        "references:\n  - ACME policy 4.2\n---\n\n"
        "## What it does\nChecks hosting.\n\n## Why it matters\nIt matters.\n\n"
        "## How to fix\nSay where.\n",
        encoding="utf-8",
    )
    (root / "xx" / "ZZZ001.md").write_text(
        "---\nsummary: Xx hosting xx.\nmessages:\n  default: xx `{use_id}` xx\n---\n\n"
        "## Xx one\nXx.\n\n## Xx two\nXx xx.\n",
        encoding="utf-8",
    )
    return Rule(
        code="ZZZ001",
        name="hosting-undeclared",
        principle="data",
        severity="warning",
        check=lambda ctx: iter(()),
        content=str(root),
    )


def test_a_new_language_is_a_folder_of_files_and_gaps_fall_back_to_english(
    tmp_path: Path,
) -> None:
    rule = _throwaway_pack(tmp_path / "content")
    assert languages(rule.content) == ["en", "xx"]
    assert rule.summary["xx"] == "Xx hosting xx."
    assert rule.messages["default"]["xx"] == "xx `{use_id}` xx"
    # what xx lacks comes from English, and is reported (to a test, not to the run)
    assert rule.messages["other"]["xx"] == "use `{use_id}` has another problem"
    assert rule.text("xx").fallbacks == ("message:other", "section:3", "references")
    docs = render_docs(rule, "xx")
    assert docs.startswith("## Xx one\nXx.\n\n## Xx two\nXx xx.\n\n## How to fix\nSay where.")
    # a language with no file at all is English throughout
    assert rule.summary["yy"] == "Hosting is not declared."
    assert rule.text("yy").fallbacks == ("file",)


@pytest.mark.parametrize("directory", sorted({rule.content for rule in ALL_RULES}))
def test_terms_are_translated_with_the_same_groups_and_keys(directory: str) -> None:
    from charte_lint.content import read_terms

    english = read_terms(os.path.join(directory, "en", "terms.yaml"))
    for lang in languages(directory)[1:]:
        own = read_terms(os.path.join(directory, lang, "terms.yaml"))
        assert {g: set(w) for g, w in own.items()} == {g: set(w) for g, w in english.items()}


# Rule options (yamllint's CONF / DEFAULT) ----------------------------------------------------

HIGH_VOLUME = """\
version: 1
charter: private
organisation:
  name: Exemple SAS
uses:
  - id: support-bot
    name: Support answers
    status: pilot
    owner:
      accountable: Head of support
    purpose:
      need: Answer the routine questions of the support queue.
    tool:
      name: Mistral Le Chat Pro
    data:
      personal: false
    sobriety:
      calls_per_month: 60000
"""


def test_a_rule_option_has_a_default_and_the_configuration_overrides_it(tmp_path: Path) -> None:
    (tmp_path / "ai-usage.yaml").write_text(HIGH_VOLUME, encoding="utf-8")
    result = invoke("ai-usage.yaml", "--select", "SOB003", "--format", "json", cwd=tmp_path)
    assert json.loads(result.out)["findings"] == []  # 60,000 < the default 100,000
    (tmp_path / ".charte-lint.yaml").write_text(
        "options:\n  SOB003:\n    calls_per_month: 50000\n", encoding="utf-8"
    )
    result = invoke("ai-usage.yaml", "--select", "SOB003", "--format", "json", cwd=tmp_path)
    findings = json.loads(result.out)["findings"]
    assert [(f["code"], f["line"], f["pointer"]) for f in findings] == [
        ("SOB003", 18, "/uses/0/sobriety/calls_per_month")
    ]


def test_an_option_that_does_not_fit_the_rule_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "ai-usage.yaml").write_text(HIGH_VOLUME, encoding="utf-8")
    (tmp_path / ".charte-lint.yaml").write_text(
        "options:\n  SOB003:\n    calls_per_month: lots\n", encoding="utf-8"
    )
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        f"charte-lint: error: {tmp_path / '.charte-lint.yaml'}:1:1: invalid configuration: "
        "`options.SOB003` does not fit the rule: 'lots' is not of type 'integer'\n"
    )
    (tmp_path / ".charte-lint.yaml").write_text(
        "options:\n  SOB999:\n    calls_per_month: 5\n", encoding="utf-8"
    )
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert result.code == 2
    assert "`options` names an unknown rule `SOB999`" in result.err
