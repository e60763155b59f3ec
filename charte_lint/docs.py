"""Markdown reference documentation generated from charte-lint's JSON Schemas.

The schemas in `schemas/` (installed as the package `charte_lint.schemas`) are the single source
of the manifest and configuration reference: every key carries an English `description` and a
French `x-description-fr`, which this module renders as one table per object.
"""

from __future__ import annotations

import json
from typing import Any

LANGUAGES = ("en", "fr")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "manifest_title": "`ai-usage.yaml` reference",
        "config_title": "Configuration reference",
        "top": "Top level",
        "key": "key",
        "type": "type",
        "required": "required",
        "description": "description",
        "yes": "yes",
        "no": "no",
        "list": "list of {}",
        "map": "map of {}",
        "default": "Default: {}.",
        "any_name": "<name>",
        "any": "any",
    },
    "fr": {
        "manifest_title": "Référence de `ai-usage.yaml`",
        "config_title": "Référence de la configuration",
        "top": "Niveau supérieur",
        "key": "clé",
        "type": "type",
        "required": "requis",
        "description": "description",
        "yes": "oui",
        "no": "non",
        "list": "liste de {}",
        "map": "table de {}",
        "default": "Par défaut : {}.",
        "any_name": "<nom>",
        "any": "quelconque",
    },
}

# JSON type names, singular then plural (the plural names the items of a list or map).
_TYPE_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "string": ("string", "strings"),
        "integer": ("integer", "integers"),
        "number": ("number", "numbers"),
        "boolean": ("boolean", "booleans"),
        "object": ("object", "objects"),
        "array": ("list", "lists"),
        "null": ("null", "nulls"),
    },
    "fr": {
        "string": ("chaîne", "chaînes"),
        "integer": ("entier", "entiers"),
        "number": ("nombre", "nombres"),
        "boolean": ("booléen", "booléens"),
        "object": ("objet", "objets"),
        "array": ("liste", "listes"),
        "null": ("null", "nulls"),
    },
}

# How a `$ref` to a well-known scalar shape is named in the type column, singular then plural.
_SHAPE_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "date": ("date (ISO 8601)", "dates (ISO 8601)"),
        "duration": ("duration (ISO 8601)", "durations (ISO 8601)"),
        "country": ("country code", "country codes"),
        "email": ("e-mail", "e-mails"),
        "url": ("URL", "URLs"),
        "slug": ("slug", "slugs"),
    },
    "fr": {
        "date": ("date (ISO 8601)", "dates (ISO 8601)"),
        "duration": ("durée (ISO 8601)", "durées (ISO 8601)"),
        "country": ("code pays", "codes pays"),
        "email": ("adresse électronique", "adresses électroniques"),
        "url": ("URL", "URL"),
        "slug": ("identifiant (slug)", "identifiants (slug)"),
    },
}

_REF_PREFIX = "#/$defs/"


def manifest_reference(schema: dict[str, Any], lang: str = "en") -> str:
    """Render the manifest schema (`ai-usage.schema.json`) as a Markdown reference."""
    return _reference(schema, lang, _text(lang)["manifest_title"])


def config_reference(schema: dict[str, Any], lang: str = "en") -> str:
    """Render the configuration schema (`config.schema.json`) as a Markdown reference."""
    return _reference(schema, lang, _text(lang)["config_title"])


def _text(lang: str) -> dict[str, str]:
    """The UI strings for `lang`, or ValueError for an unsupported language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")
    return _TEXT[lang]


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Follow local `$ref`s from `node`; return the target and the last `$defs` name seen."""
    name = None
    seen: set[str] = set()
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith(_REF_PREFIX) or ref in seen:
            raise ValueError(f"unsupported or circular $ref: {ref!r}")
        seen.add(ref)
        name = ref[len(_REF_PREFIX) :]
        node = root.get("$defs", {})[name]
    return node, name


def _is_table(node: dict[str, Any]) -> bool:
    """Whether `node` is an object with named properties (rendered as rows)."""
    return isinstance(node.get("properties"), dict)


def _child(node: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    """The schema a list or map holds, with the suffix its keys get in dotted names."""
    if "array" in _types(node) and isinstance(node.get("items"), dict):
        return node["items"], "[]"
    if isinstance(node.get("additionalProperties"), dict):
        return node["additionalProperties"], ".*"
    return None


def _types(node: dict[str, Any]) -> list[str]:
    """The declared JSON types of `node`, as a list."""
    declared = node.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def _cell(value: str) -> str:
    """Make `value` safe inside a Markdown table cell."""
    return " ".join(value.split()).replace("|", "\\|")


def _literal(value: Any) -> str:
    """A JSON value as inline code."""
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"`{shown}`"


def _of(template: str, inner: str, lang: str) -> str:
    """Fill "list of {}"-like templates, eliding the French "de" before a vowel."""
    if lang == "fr" and inner[:1].lower() in "aeéiouy" and template.endswith("de {}"):
        return template[: -len("de {}")] + "d'" + inner
    return template.format(inner)


def _type_label(root: dict[str, Any], node: dict[str, Any], lang: str, plural: bool = False) -> str:
    """The type column for `node`: enum values, a shape name, or the JSON type."""
    target, name = _resolve(root, node)
    text = _TEXT[lang]
    number = 1 if plural else 0
    if "const" in target:
        return _literal(target["const"])
    if "enum" in target:
        return " | ".join(_literal(value) for value in target["enum"])
    if name in _SHAPE_NAMES[lang]:
        return _SHAPE_NAMES[lang][name][number]
    labels = []
    for kind in _types(target):
        if kind == "array" and isinstance(target.get("items"), dict):
            inner = _type_label(root, target["items"], lang, plural=True)
            labels.append(_of(text["list"], inner, lang))
        elif kind == "object" and isinstance(target.get("additionalProperties"), dict):
            inner = _type_label(root, target["additionalProperties"], lang, plural=True)
            labels.append(_of(text["map"], inner, lang))
        else:
            names = _TYPE_NAMES[lang].get(kind, (kind, kind))
            labels.append(names[number])
    return " | ".join(labels) if labels else text["any"]


def _description(node: dict[str, Any], target: dict[str, Any], lang: str) -> str:
    """The description of `node` in `lang`, falling back to its `$ref` target, then English."""
    keys = ("x-description-fr", "description") if lang == "fr" else ("description",)
    for key in keys:
        for source in (node, target):
            if source.get(key):
                return str(source[key])
    return ""


def _rows(
    root: dict[str, Any],
    node: dict[str, Any],
    prefix: str,
    lang: str,
    own_sections: set[str],
) -> list[tuple[str, str, str, str]]:
    """Table rows for the properties of `node`, nested objects flattened to dotted keys."""
    text = _TEXT[lang]
    target, _ = _resolve(root, node)
    required = set(target.get("required", []))
    rows = []
    for key, sub in target.get("properties", {}).items():
        dotted = prefix + key
        sub_target, _ = _resolve(root, sub)
        description = _description(sub, sub_target, lang)
        if "default" in sub_target:
            description += " " + text["default"].format(_literal(sub_target["default"]))
        rows.append(
            (
                f"`{dotted}`",
                _type_label(root, sub, lang),
                text["yes"] if key in required else text["no"],
                description.strip(),
            )
        )
        rows.extend(_nested_rows(root, sub, dotted, lang, own_sections))
    return rows


def _nested_rows(
    root: dict[str, Any],
    node: dict[str, Any],
    dotted: str,
    lang: str,
    own_sections: set[str],
) -> list[tuple[str, str, str, str]]:
    """Rows for what `node` contains, unless it is a definition with a section of its own."""
    target, name = _resolve(root, node)
    if name in own_sections:
        return []
    if _is_table(target):
        return _rows(root, target, dotted + ".", lang, own_sections)
    child = _child(target)
    if child is None:
        return []
    inner, suffix = child
    inner_target, inner_name = _resolve(root, inner)
    if inner_name in own_sections or not _is_table(inner_target):
        return []
    label = suffix if suffix == "[]" else "." + _TEXT[lang]["any_name"]
    return _rows(root, inner_target, dotted + label + ".", lang, own_sections)


def _sections(root: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """Definitions that get a table of their own: objects a top-level list or map holds."""
    sections = []
    seen = set()
    for key, sub in root.get("properties", {}).items():
        child = _child(_resolve(root, sub)[0])
        if child is None:
            continue
        inner, suffix = child
        inner_target, name = _resolve(root, inner)
        if name is None or name in seen or not _is_table(inner_target):
            continue
        seen.add(name)
        path = key + (suffix if suffix == "[]" else "." + _TEXT[lang]["any_name"])
        sections.append((name, path))
    return sections


def _table(rows: list[tuple[str, str, str, str]], lang: str) -> list[str]:
    """A Markdown table with the columns key | type | required | description."""
    text = _TEXT[lang]
    lines = [
        f"| {text['key']} | {text['type']} | {text['required']} | {text['description']} |",
        "|---|---|---|---|",
    ]
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)
    return lines


def _reference(schema: dict[str, Any], lang: str, title: str) -> str:
    """The whole reference: a title, the top-level table, then one table per section."""
    text = _text(lang)
    sections = _sections(schema, lang)
    own = {name for name, _ in sections}
    lines = [f"# {title}", ""]
    intro = _description(schema, schema, lang)
    if intro:
        lines += [intro, ""]
    lines += [f"## {text['top']}", ""]
    lines += _table(_rows(schema, schema, "", lang, own), lang)
    for name, path in sections:
        definition = schema["$defs"][name]
        lines += ["", f"## `{path}`", ""]
        intro = _description(definition, definition, lang)
        if intro:
            lines += [intro, ""]
        lines += _table(_rows(schema, definition, "", lang, own), lang)
    return "\n".join(lines) + "\n"


# --- French schemas and reference pages ------------------------------------------------------

FRENCH_SCHEMAS = {
    "ai-usage.schema.json": "ai-usage.schema.fr.json",
    "config.schema.json": "config.schema.fr.json",
}
"""Each schema of `schemas/`, and the name of its French variant beside it."""

_FRENCH_TITLES = {
    "ai-usage.schema.json": "Manifeste des usages de l'IA (ai-usage.yaml), version 1 du format",
    "config.schema.json": "Configuration de charte-lint",
}


def french_schema(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The schema `name` with French `description`s, so that editors show French hovers.

    Every `description` becomes the node's `x-description-fr`, and the English text moves to
    `x-description-en`; the validation keywords are untouched, so both variants accept exactly
    the same documents. The `$id` gets a `.fr` suffix (`ai-usage.schema.fr.json`).
    """

    def swap(node: Any) -> Any:
        if isinstance(node, list):
            return [swap(item) for item in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "description" and "x-description-fr" in node:
                out["description"] = node["x-description-fr"]
            elif key == "x-description-fr" and "description" in node:
                out["x-description-en"] = node["description"]
            else:
                out[key] = swap(value)
        return out

    french: dict[str, Any] = swap(schema)
    if isinstance(french.get("$id"), str):
        french["$id"] = french["$id"].replace(name, FRENCH_SCHEMAS[name])
    if name in _FRENCH_TITLES:
        french["title"] = _FRENCH_TITLES[name]
    return french


FRENCH_DOCS = {"manifest": "docs/manifest.fr.md", "config": "docs/configuration.fr.md"}
"""The French manifest and configuration reference pages, as paths relative to the repository."""

_GENERATED_NOTE = (
    "<!-- Généré depuis schemas/{schema} par `python -m charte_lint.docs` : "
    "ne pas modifier à la main. -->\n\n"
)


_EDITOR_NOTE = (
    "Pour lire ces descriptions en infobulle dans l'éditeur (VS Code avec l'extension YAML, "
    "Neovim, JetBrains), mettez en première ligne du manifeste le chemin du schéma français, "
    "`schemas/ai-usage.schema.fr.json` :\n\n"
    "```yaml\n# yaml-language-server: $schema=schemas/ai-usage.schema.fr.json\n```\n"
)


def french_files() -> dict[str, str]:
    """The text of each generated French file (schemas and reference pages), by repository path."""
    from charte_lint.schema import load_schema

    files = {}
    for name, french in FRENCH_SCHEMAS.items():
        schema = french_schema(load_schema(name), name)
        files[f"schemas/{french}"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    manifest = manifest_reference(load_schema("ai-usage.schema.json"), "fr")
    config = config_reference(load_schema("config.schema.json"), "fr")
    top = f"\n## {_TEXT['fr']['top']}\n"  # the note goes after the introduction
    manifest = manifest.replace(top, f"\n{_EDITOR_NOTE}{top}", 1)
    files[FRENCH_DOCS["manifest"]] = (
        _GENERATED_NOTE.format(schema="ai-usage.schema.json") + manifest
    )
    files[FRENCH_DOCS["config"]] = _GENERATED_NOTE.format(schema="config.schema.json") + config
    return files


# --- generated sections of docs/manifest.md and docs/configuration.md ------------------------

GENERATED_PAGES = {
    "manifest-reference": "docs/manifest.md",
    "config-reference": "docs/configuration.md",
}
"""The page, relative to the repository, holding each generated section, by marker name."""


def generated_sections() -> dict[str, str]:
    """The English references generated from the schemas, by marker name."""
    from charte_lint.schema import load_schema

    def demote(markdown: str) -> str:  # each page nests these under its own title
        return "\n".join(
            "#" + line if line.startswith("#") else line for line in markdown.splitlines()
        ).strip()

    return {
        "manifest-reference": demote(manifest_reference(load_schema("ai-usage.schema.json"))),
        "config-reference": demote(config_reference(load_schema("config.schema.json"))),
    }


def update_page(text: str, path: str) -> str:
    """`text`, the page at `path`, with each `<!-- NAME:start -->...<!-- NAME:end -->` of it
    regenerated."""
    for name, content in generated_sections().items():
        if GENERATED_PAGES[name] != path:
            continue
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        if start not in text or end not in text:
            raise ValueError(f"{path} lacks the markers for {name}")
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = f"{before}{start}\n{content}\n{end}{after}"
    return text


# --- docs/rules.md and docs/rules.fr.md ------------------------------------------------------

RULES_DOCS = {"en": "docs/rules.md", "fr": "docs/rules.fr.md"}
"""The rule reference pages, by language, as paths relative to the repository."""
LAW_DOCS = {"en": "docs/legal-calendar.md", "fr": "docs/legal-calendar.fr.md"}
"""The legal calendar (`charte_lint/content/law.yaml` for people), by language."""


def rules_docs() -> dict[str, str]:
    """The text of each rule reference page (built-in rules only) and of the legal calendar,
    by path in the repository."""
    from charte_lint.docs_rules import legal_calendar_markdown, rules_markdown
    from charte_lint.rules import RULES as BUILTIN
    from charte_lint.structure import RULES as STRUCTURAL

    rules = [*STRUCTURAL, *BUILTIN]
    pages = {path: rules_markdown(rules, lang) for lang, path in RULES_DOCS.items()}
    pages.update({path: legal_calendar_markdown(lang) for lang, path in LAW_DOCS.items()})
    return pages


def write_rules_docs(root: Any) -> None:
    """Write docs/rules*.md and the French schemas and references under the repository `root`."""
    from pathlib import Path

    for path, text in {**rules_docs(), **french_files()}.items():
        target = Path(root) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def legal_dates_schema() -> dict[str, Any]:
    """The `legal_dates` properties of the configuration schema: one date per duty of the legal
    calendar (`content/law.yaml`), described by the duty's title."""
    from charte_lint.law import data

    return {
        key: {
            "$ref": "#/$defs/date",
            "description": f"The date from which this duty binds: {duty['title']['en']}.",
            "x-description-fr": "La date à compter de laquelle cette obligation s'applique : "
            f"{duty['title']['fr']}.",
        }
        for key, duty in sorted(data()["duties"].items())
    }


def write_config_schema(root: Any) -> bool:
    """Refresh `legal_dates` in schemas/config.schema.json from the calendar; True if changed."""
    from pathlib import Path

    path = Path(root) / "schemas" / "config.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    wanted = legal_dates_schema()
    if schema["properties"]["legal_dates"]["properties"] == wanted:
        return False
    schema["properties"]["legal_dates"]["properties"] = wanted
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return True


if __name__ == "__main__":  # python -m charte_lint.docs [ROOT]: refresh docs/, the French schemas
    import sys
    from pathlib import Path

    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    from charte_lint.law import generated_json

    (root / "charte_lint" / "content" / "law.json").write_text(generated_json(), encoding="utf-8")
    if write_config_schema(root):  # the calendar changed: the configuration schema follows
        print("schemas/config.schema.json changed: run python -m charte_lint.schema --regenerate")
    for page in sorted(set(GENERATED_PAGES.values())):
        target = root / page
        target.write_text(update_page(target.read_text(encoding="utf-8"), page), encoding="utf-8")
    write_rules_docs(root)
