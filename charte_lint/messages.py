"""User-facing words outside the rules: the run's summary, type and format names, errors.

Every text exists in English and French; `pick_language` chooses from `--lang` or the locale.
"""

from __future__ import annotations

import os

FORMAT_NAMES_FR = {
    "date": "une date ISO 8601 comme 2026-03-01",
    "duration": "une durée ISO 8601 comme P30D ou P1Y",
    "country": "un code pays comme FR, ou EU / EEA",
    "email": "une adresse e-mail",
    "url": "une URL commençant par https://",
    "slug": "des minuscules, chiffres et tirets, commençant par une lettre ou un chiffre",
}

TYPE_NAMES = {
    "en": {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping of keys",
        "null": "empty",
    },
    "fr": {
        "string": "du texte",
        "integer": "un nombre entier",
        "number": "un nombre",
        "boolean": "true ou false",
        "array": "une liste",
        "object": "un bloc de clés",
        "null": "vide",
    },
}

RELATIONS = {
    "en": {"minimum": "at least", "exclusiveMinimum": "more than", "maximum": "at most"},
    "fr": {"minimum": "au moins", "exclusiveMinimum": "plus de", "maximum": "au plus"},
}

TEXTS = {
    "en": {
        "summary": "{errors} error(s), {warnings} warning(s), {infos} info in {files} file(s)",
        "clean": "No findings in {files} file(s).",
        "or": " or ",
        "no-files": "no ai-usage.yaml or ai-usage.yml found under {paths}",
        "no-such-path": "no such file or directory: {path}",
        "unreadable": "cannot read {path}: {reason}",
        "unknown-rule": "unknown rule `{code}`",
        "unknown-rule-suggest": "unknown rule `{code}`; did you mean {suggestions}?",
        "config-error": "{location}: invalid configuration: {reason}",
        "cannot-write": "cannot write {path}: {reason}",
        "init-directory": "--init takes one directory (default: the current directory)",
        "init-exists": "{path} already exists: --init never overwrites a manifest",
        "init-written": "wrote {path} from {evidence} piece(s) of evidence of {providers} "
        "provider(s); complete every TODO, then run charte-lint",
        "manifest": "the manifest",
        "configuration": "the configuration",
    },
    "fr": {
        "summary": "{errors} erreur(s), {warnings} avertissement(s), {infos} info dans "
        "{files} fichier(s)",
        "clean": "Aucun constat dans {files} fichier(s).",
        "or": " ou ",
        "no-files": "aucun ai-usage.yaml ni ai-usage.yml trouvé sous {paths}",
        "no-such-path": "fichier ou dossier introuvable : {path}",
        "unreadable": "impossible de lire {path} : {reason}",
        "unknown-rule": "règle inconnue `{code}`",
        "unknown-rule-suggest": "règle inconnue `{code}` ; vouliez-vous dire {suggestions} ?",
        "config-error": "{location} : configuration invalide : {reason}",
        "cannot-write": "impossible d'écrire {path} : {reason}",
        "init-directory": "--init prend un dossier (par défaut : le dossier courant)",
        "init-exists": "{path} existe déjà : --init n'écrase jamais un manifeste",
        "init-written": "{path} écrit à partir de {evidence} trace(s) de {providers} "
        "fournisseur(s) ; compléter chaque « À COMPLÉTER », puis lancer charte-lint",
        "manifest": "le manifeste",
        "configuration": "la configuration",
    },
}


def pick_language(requested: str | None = None) -> str:
    """`--lang` if given, else French when LC_ALL / LC_MESSAGES / LANG starts with `fr`."""
    if requested in ("en", "fr"):
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def text(lang: str, key: str, **params: object) -> str:
    return TEXTS[lang][key].format(**params)
