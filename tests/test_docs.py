"""The README and docs/ stay true: generated sections, commands, example manifest, links."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from conftest import REPO, SMALLEST, invoke, lint

from charte_lint.docs import GENERATED_PAGES, french_files, update_page
from charte_lint.schema import load_schema

README = (REPO / "README.md").read_text(encoding="utf-8")
MANIFEST_DOC = (REPO / "docs" / "manifest.md").read_text(encoding="utf-8")


def test_generated_sections_are_up_to_date():
    assert sorted(GENERATED_PAGES.items()) == [
        ("config-reference", "docs/configuration.md"),
        ("manifest-reference", "docs/manifest.md"),
    ]
    for page in set(GENERATED_PAGES.values()):
        text = (REPO / page).read_text(encoding="utf-8")
        assert update_page(text, page) == text, f"{page} is stale: run python -m charte_lint.docs"


def test_a_page_without_its_markers_is_an_error():
    missing = r"^docs/manifest\.md lacks the markers for manifest-reference$"
    with pytest.raises(ValueError, match=missing):
        update_page("# The manifest\n", "docs/manifest.md")


def test_ci_runs_exactly_the_readme_test_command():
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    test_command = next(c for c in commands if "pytest" in c)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    install_and_run = commands[0]
    assert install_and_run == (
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/charte-lint examples/"
    )


def test_manifest_doc_example_manifest_lints_clean():
    example = re.search(r"```yaml\n(# yaml-language-server.*?)```", MANIFEST_DOC, re.S).group(1)
    assert lint(example) == []


def test_manifest_reference_lists_every_use_key():
    section = MANIFEST_DOC.split("<!-- manifest-reference:start -->")[1].split("<!-- manifest")[0]
    for key in (
        "`data.legal_basis`",
        "`decision.automation`",
        "`assessments.dpia`",
        "`work.staff_informed`",
        "`review.every`",
        "`waivers[]`",
    ):
        assert key in section


# --------------------------------------------------------------------------- the French path


def test_french_schemas_and_references_are_up_to_date():
    files = french_files()
    assert sorted(files) == [
        "docs/configuration.fr.md",
        "docs/manifest.fr.md",
        "schemas/ai-usage.schema.fr.json",
        "schemas/config.schema.fr.json",
    ]
    for path, text in files.items():
        assert (REPO / path).read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m charte_lint.docs"
        )


def _descriptions(node, path=""):
    """Every (path, description, x-description-fr, x-description-en) of a schema, in order."""
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):  # not a property named `description`
            yield (
                path,
                node["description"],
                node.get("x-description-fr"),
                node.get("x-description-en"),
            )
        for key, value in node.items():
            yield from _descriptions(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _descriptions(value, f"{path}/{index}")


def _without_texts(node):
    if isinstance(node, dict):
        return {
            k: _without_texts(v)
            for k, v in node.items()
            if k not in ("title", "description", "x-description-fr", "x-description-en", "$id")
        }
    if isinstance(node, list):
        return [_without_texts(v) for v in node]
    return node


@pytest.mark.parametrize(
    ("name", "french", "title"),
    [
        (
            "ai-usage.schema.json",
            "ai-usage.schema.fr.json",
            "Manifeste des usages de l'IA (ai-usage.yaml), version 1 du format",
        ),
        ("config.schema.json", "config.schema.fr.json", "Configuration de charte-lint"),
    ],
)
def test_french_schema_swaps_the_descriptions_only(name, french, title):
    main = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    variant = json.loads((REPO / "schemas" / french).read_text(encoding="utf-8"))
    assert variant["$id"] == main["$id"].removesuffix(".schema.json") + ".schema.fr.json"
    assert variant["$id"].startswith("https://charte-lint.org/schemas/")
    assert variant["title"] == title
    assert _without_texts(variant) == _without_texts(main)  # validates exactly the same documents
    english = list(_descriptions(main))
    swapped = list(_descriptions(variant))
    assert len(swapped) == len(english) > 50
    for (path, en, fr, _), (path2, description, fr2, en2) in zip(english, swapped, strict=True):
        assert (path2, description, fr2, en2) == (path, fr, None, en), path
    assert load_schema(french) == variant  # installed with the package, beside the main schema


def test_french_schema_accepts_and_rejects_as_the_main_one():
    main = json.loads((REPO / "schemas" / "ai-usage.schema.json").read_text(encoding="utf-8"))
    variant = json.loads((REPO / "schemas" / "ai-usage.schema.fr.json").read_text(encoding="utf-8"))

    def document(text):  # as JSON data: the dates as strings
        return json.loads(json.dumps(yaml.safe_load(text), default=str))

    clean = document(SMALLEST)
    wrong = document(SMALLEST.replace("impact: none", "impact: sometimes"))
    for document, errors in ((clean, 0), (wrong, 1)):
        for schema in (main, variant):
            found = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
            assert [e.json_path for e in found] == ["$.uses[0].work.impact"] * errors


def test_french_reference_pages():
    manifest = (REPO / "docs" / "manifest.fr.md").read_text(encoding="utf-8")
    assert manifest.startswith(
        "<!-- Généré depuis schemas/ai-usage.schema.json par `python -m charte_lint.docs` : "
        "ne pas modifier à la main. -->\n\n# Référence de `ai-usage.yaml`\n"
    )
    assert (
        "```yaml\n# yaml-language-server: $schema=schemas/ai-usage.schema.fr.json\n```\n\n"
        "## Niveau supérieur\n"
    ) in manifest
    assert (
        "| `data.personal` | booléen | oui | Des données personnelles sont confiées à l'outil. |"
        in (manifest)
    )
    assert "## `waivers[]`" in manifest
    config = (REPO / "docs" / "configuration.fr.md").read_text(encoding="utf-8")
    assert "# Référence de la configuration\n" in config
    assert "Par défaut : `P1Y`." in config


def test_readme_leads_french_readers_to_the_french_references():
    section = README.split("## Pour les DPO et les juristes\n", 1)[1].split("\n## ", 1)[0]
    for link in (
        "](docs/rules.fr.md)",
        "](docs/manifest.fr.md)",
        "](docs/configuration.fr.md)",
    ):
        assert link in section, link
        assert (REPO / link[2:-1]).is_file()
    assert (
        "```yaml\n# yaml-language-server: $schema=schemas/ai-usage.schema.fr.json\n```" in section
    )
    assert "`charte-lint --lang fr .`" in section
    assert "`charte-lint --explain WRK001 --lang fr`" in section
    assert "[Pour les DPO et les juristes](#pour-les-dpo-et-les-juristes)" in README
    rules = (REPO / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    rules = rules.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    assert "[`docs/rules.fr.md`](rules.fr.md)" in rules
    index = README.split("\n## Documentation\n", 1)[1]
    assert "[docs/rules.fr.md](docs/rules.fr.md)" in index


def test_readme_french_finding_is_what_charte_lint_prints():
    section = README.split("## Pour les DPO et les juristes\n", 1)[1].split("\n## ", 1)[0]
    shown = re.search(r"```\n(examples/.*?)```", section, re.S).group(1)
    done = invoke(
        "--lang",
        "fr",
        "--no-color",
        "--select",
        "WRK001",
        "examples/private-faulty/ai-usage.yaml",
        cwd=REPO,
    )
    assert done.code == 1
    assert done.out.startswith(shown)


# --------------------------------------------------------------------------- links

DOCUMENTS = sorted(
    [
        REPO / "README.md",
        REPO / "CONTRIBUTING.md",
        REPO / "bench" / "README.md",
        REPO / "examples" / "README.md",
        *(REPO / "docs").rglob("*.md"),
    ]
)


def _outside_code(text: str) -> str:
    """`text` without its fenced code blocks (a link or a heading there is not one)."""
    return re.sub(r"^```.*?^```[^\n]*$", "", text, flags=re.S | re.M)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path) -> set[str]:
    anchors: set[str] = set()
    for heading in re.findall(r"^#+ (.+)$", _outside_code(path.read_text(encoding="utf-8")), re.M):
        slug, n = _slug(heading), 1
        while slug in anchors:  # GitHub numbers repeated headings: name, name-1, name-2...
            slug, n = f"{_slug(heading)}-{n}", n + 1
        anchors.add(slug)
    return anchors


def _links(path) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", _outside_code(path.read_text(encoding="utf-8")))


def test_slugs_are_githubs():
    assert _slug("`ai-usage.yaml` reference") == "ai-usageyaml-reference"
    assert _slug("Five minutes: starter, lint, pre-commit, CI") == (
        "five-minutes-starter-lint-pre-commit-ci"
    )
    assert _slug("Pour les DPO et les juristes") == "pour-les-dpo-et-les-juristes"
    assert _slug("`models.<name>`") == "modelsname"


def test_documents_are_found():
    names = [str(p.relative_to(REPO)) for p in DOCUMENTS]
    for name in ("README.md", "CONTRIBUTING.md", "docs/manifest.md", "docs/configuration.md"):
        assert name in names
    counts = {str(p.relative_to(REPO)): len(_links(p)) for p in DOCUMENTS}
    assert counts["README.md"] > 30 and counts["docs/rules.md"] > 70  # the links are found


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_points_at_a_file_and_heading(document):
    broken = []
    for link in _links(document):
        if re.match(r"[a-z]+:", link):  # https:, mailto:
            continue
        path, _, anchor = link.partition("#")
        target = (document.parent / path).resolve() if path else document
        found = target.is_relative_to(REPO) and target.exists()
        if not found or (anchor and (target.suffix != ".md" or anchor not in _anchors(target))):
            broken.append(link)
    assert broken == []


def test_readme_five_minute_path_spells_out_the_placeholder_rule():
    section = README.split("## Five minutes: starter, lint, pre-commit, CI\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    for phrase in (
        "`charte-lint --init`",
        "written `TODO` (`À COMPLÉTER` in French)",
        "`CL106 placeholder`",
        "the starter does\nnot lint clean until each one is replaced by a real fact",
        "```\ncharte-lint .\n```",
    ):
        assert phrase in section, phrase
    assert len(README.splitlines()) < 320  # read in five minutes; the details are in docs/
