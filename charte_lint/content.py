"""What a person reads about a rule, kept in files a lawyer or a translator edits without Python.

A rule pack keeps, beside the module that defines its rules, a `content/` folder:

    content/en/DAT001.md        front matter (summary, messages, references), then three sections:
    content/fr/DAT001.md        what it does, why it matters, how to fix, in that order
    content/examples/DAT001/    failing.yaml and passing.yaml (and .fr.yaml variants), and the
                                configuration they are linted with: config.yaml, or
                                failing.config.yaml / passing.config.yaml where the fix is there

English is the reference: a language that lacks a file, a message or a section falls back to it
(tests report every fallback; a run never fails for one). A new language is a new folder. The
charter's principles and their numbers live in one catalogue, `charter.yaml`, beside this module.
"""

from __future__ import annotations

import os
import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

REFERENCE_LANGUAGE = "en"
SECTIONS = 3  # what it does, why it matters, how to fix
_HERE = os.path.dirname(os.path.abspath(__file__))


class ContentError(Exception):
    """A content file that cannot be used: a bug in a rule pack, reported with its path."""


def _load_yaml(text: str, path: str) -> Any:
    from charte_lint._startup import import_yaml

    yaml = import_yaml()  # patterns compiled on first use: see charte_lint._startup

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: {error}") from None


_CATALOGUE: dict[str, Any] = {}


def catalogue() -> dict[str, Any]:
    """The charter catalogue (`charter.yaml`): versions, principles, numbers, titles."""
    if not _CATALOGUE:
        path = os.path.join(_HERE, "content", "charter.yaml")
        with open(path, encoding="utf-8") as handle:
            _CATALOGUE.update(_load_yaml(handle.read(), path))
    return _CATALOGUE


_SYNONYMS: dict[str, str] = {}


def synonyms() -> dict[str, str]:
    """Words people write for an enum value of the manifest, and the value they mean
    (`synonyms.yaml`: `habitants` -> `residents`), keyed in lower case."""
    if not _SYNONYMS:
        path = os.path.join(_HERE, "content", "synonyms.yaml")
        with open(path, encoding="utf-8") as handle:
            loaded = _load_yaml(handle.read(), path)
        _SYNONYMS.update({str(k).lower(): str(v) for k, v in loaded.items()})
    return _SYNONYMS


def principle_number(principle: str | None, charter: str) -> str | None:
    """`principle_number("data", "public")` -> "S3"; None for no principle or version."""
    if principle is None:
        return None
    entry = catalogue()["principles"].get(principle, {}).get(charter)
    return entry["number"] if entry else None


def principle_title(principle: str, charter: str, lang: str) -> str:
    titles = catalogue()["principles"][principle][charter]["title"]
    return str(titles.get(lang) or titles[REFERENCE_LANGUAGE])


class RuleText:
    """One rule's content in one language, English filling in what that language lacks.

    `fallbacks` names what came from English (`file`, `summary`, `message:KEY`, `section:N`,
    `references`): empty for a complete translation.
    """

    __slots__ = ("fallbacks", "messages", "references", "sections", "summary")

    def __init__(
        self,
        summary: str,
        messages: dict[str, str],
        references: tuple[str, ...],
        sections: tuple[tuple[str, str], ...],
        fallbacks: tuple[str, ...] = (),
    ) -> None:
        self.summary = summary
        self.messages = messages
        self.references = references
        self.sections = sections  # (title, Markdown body), SECTIONS of them
        self.fallbacks = fallbacks


def read_rule_file(path: str) -> RuleText:
    """Parse one `content/LANG/CODE.md`: YAML front matter between `---` lines, then sections."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if not text.startswith("---\n"):
        raise ContentError(f"{path}: a rule file starts with `---` and its front matter")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ContentError(f"{path}: the front matter is not closed by a `---` line")
    front = _load_yaml(text[4:end], path) or {}
    if not isinstance(front, dict):
        raise ContentError(f"{path}: the front matter must be a mapping")
    sections: list[tuple[str, list[str]]] = []
    for line in text[end + 5 :].splitlines():
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
        elif line.strip():
            raise ContentError(f"{path}: text before the first `## ` section")
    messages = front.get("messages") or {}
    references = front.get("references") or []
    if not isinstance(messages, dict) or not isinstance(references, list):
        raise ContentError(f"{path}: `messages` is a mapping and `references` a list")
    return RuleText(
        summary=str(front.get("summary") or ""),
        messages={str(k): str(v) for k, v in messages.items()},
        references=tuple(str(r) for r in references),
        sections=tuple((title, "\n".join(body).strip()) for title, body in sections),
    )


_TEXTS: dict[tuple[str, str, str], RuleText] = {}


def rule_text(directory: str, code: str, lang: str) -> RuleText:
    """A rule's content in `lang`, merged over English; read once per run and language."""
    key = (directory, code, lang)
    cached = _TEXTS.get(key)
    if cached is not None:
        return cached
    english_path = os.path.join(directory, REFERENCE_LANGUAGE, f"{code}.md")
    if not os.path.isfile(english_path):
        raise ContentError(f"{english_path}: no content for rule {code}")
    english = read_rule_file(english_path)
    if lang == REFERENCE_LANGUAGE:
        _TEXTS[key] = english
        return english
    path = os.path.join(directory, lang, f"{code}.md")
    if not os.path.isfile(path):
        merged = RuleText(
            english.summary, english.messages, english.references, english.sections, ("file",)
        )
    else:
        own = read_rule_file(path)
        fallbacks = []
        if not own.summary:
            fallbacks.append("summary")
        messages = dict(english.messages)
        for name in english.messages:
            if name in own.messages:
                messages[name] = own.messages[name]
            else:
                fallbacks.append(f"message:{name}")
        sections = list(own.sections[:SECTIONS])
        for index in range(len(sections), len(english.sections)):
            sections.append(english.sections[index])
            fallbacks.append(f"section:{index + 1}")
        if english.references and not own.references:
            fallbacks.append("references")
        merged = RuleText(
            own.summary or english.summary,
            messages,
            own.references or english.references,
            tuple(sections),
            tuple(fallbacks),
        )
    _TEXTS[key] = merged
    return merged


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


def languages(directory: str) -> list[str]:
    """The languages a content folder has files for, English first: its folders named by a
    language code (`fr`, `pt_BR`), not those of other content (`examples`, `register`)."""
    try:
        found = sorted(
            name
            for name in os.listdir(directory)
            if _LANGUAGE_CODE.fullmatch(name) and os.path.isdir(os.path.join(directory, name))
        )
    except OSError:
        return [REFERENCE_LANGUAGE]
    return [REFERENCE_LANGUAGE, *(name for name in found if name != REFERENCE_LANGUAGE)]


class Example:
    """One executable example of a rule: a manifest (or a directory with one) that fails it or
    passes it, in the reference language or another one, with an optional configuration."""

    __slots__ = ("config", "failing", "lang", "path")

    def __init__(self, path: str, failing: bool, lang: str | None, config: str | None) -> None:
        self.path = path
        self.failing = failing
        self.lang = lang  # None: the reference example, shown where no translation exists
        self.config = config

    @property
    def is_directory(self) -> bool:
        return os.path.isdir(self.path)

    def manifest_path(self) -> str:
        return os.path.join(self.path, "ai-usage.yaml") if self.is_directory else self.path

    def text(self) -> str:
        with open(self.manifest_path(), encoding="utf-8") as handle:
            return handle.read()

    def __repr__(self) -> str:
        return f"<Example {self.path}>"


def examples(directory: str, code: str) -> list[Example]:
    """Every example of a rule: `failing` and `passing`, `.yaml` files or directories, with
    `.LANG` variants (`failing.fr.yaml`, `failing.fr/`)."""
    folder = os.path.join(directory, "examples", code)
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    shared = os.path.join(folder, "config.yaml")
    found = []
    for name in names:
        stem = name[: -len(".yaml")] if name.endswith(".yaml") else name
        kind, _, lang = stem.partition(".")
        if kind not in ("failing", "passing") or lang == "config":
            continue
        own = os.path.join(folder, f"{kind}.config.yaml")
        config = own if os.path.isfile(own) else shared
        if not name.endswith(".yaml") and not os.path.isdir(os.path.join(folder, name)):
            continue
        found.append(
            Example(
                os.path.join(folder, name),
                kind == "failing",
                lang or None,
                config if os.path.isfile(config) else None,
            )
        )
    return found


def example_for(directory: str, code: str, failing: bool, lang: str) -> Example | None:
    """The example to show in `lang`: its own variant, else the reference one."""
    chosen = None
    for example in examples(directory, code):
        if example.failing != failing:
            continue
        if example.lang == lang:
            return example
        if example.lang is None:
            chosen = example
    return chosen


_TERMS: dict[tuple[str, str], dict[str, dict[str, str]]] = {}


def read_terms(path: str) -> dict[str, dict[str, str]]:
    """One `content/LANG/terms.yaml`: groups of words that checks put into messages."""
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        data = _load_yaml(handle.read(), path) or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ContentError(f"{path}: terms are groups (mappings) of key: text")
    return {str(g): {str(k): str(v) for k, v in words.items()} for g, words in data.items()}


def terms(directory: str, lang: str) -> dict[str, dict[str, str]]:
    """A pack's terms in `lang`, each missing group or key taken from English."""
    key = (directory, lang)
    cached = _TERMS.get(key)
    if cached is None:
        english = read_terms(os.path.join(directory, REFERENCE_LANGUAGE, "terms.yaml"))
        own = (
            {}
            if lang == REFERENCE_LANGUAGE
            else read_terms(os.path.join(directory, lang, "terms.yaml"))
        )
        cached = {group: {**words, **own.get(group, {})} for group, words in english.items()}
        _TERMS[key] = cached
    return cached
