"""The engine's own findings: YAML that cannot be trusted, and manifests that break the schema.

They are rules like any other for `--list-rules`, `--explain`, `--select` and severities, but the
engine produces them (their `check` does nothing); their codes start with CL, a prefix reserved
for charte-lint itself. They belong to no charter principle.
"""

from __future__ import annotations

from charte_lint.api import Rule

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _produced_by_engine(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    return iter(())


def _rule(
    code: str,
    name: str,
    severity: str,
    summary: tuple[str, str],
    messages: dict[str, tuple[str, str]],
    docs: tuple[str, str],
    references: tuple[str, ...] = (),
) -> Rule:
    return Rule(
        code=code,
        name=name,
        principle=None,
        charters={"private": None, "public": None},
        severity=severity,
        summary={"en": summary[0], "fr": summary[1]},
        messages={key: {"en": en, "fr": fr} for key, (en, fr) in messages.items()},
        docs={"en": docs[0], "fr": docs[1]},
        references=references,
        check=_produced_by_engine,
    )


def _docs(what: str, why: str, bad: str, good: str, fix: str, lang: str = "en") -> str:
    titles = (
        ("What it does", "Why it matters", "Example", "Failing:", "Passing:", "How to fix")
        if lang == "en"
        else (
            "Ce que fait la règle",
            "Pourquoi c'est important",
            "Exemple",
            "En échec :",
            "Conforme :",
            "Comment corriger",
        )
    )
    return (
        f"## {titles[0]}\n{what}\n\n## {titles[1]}\n{why}\n\n## {titles[2]}\n{titles[3]}\n"
        f"```yaml\n{bad}\n```\n{titles[4]}\n```yaml\n{good}\n```\n\n## {titles[5]}\n{fix}\n"
    )


RULE_CRASH = _rule(
    "CL000",
    "rule-crash",
    "error",
    (
        "A rule failed with an internal error on this file.",
        "Une règle a échoué sur ce fichier (erreur interne).",
    ),
    {
        "default": (
            "rule `{rule}` ({name}) failed on this file: {error}",
            "la règle `{rule}` ({name}) a échoué sur ce fichier : {error}",
        )
    },
    (
        _docs(
            "Reports a rule whose check raised an exception on the file: a bug in the rule, "
            "most often in a third-party rule pack. The message names the rule, and the "
            "exception's type and message. The other rules and files are still checked; this "
            "finding cannot be disabled, silenced or waived.",
            "A crashed rule checked nothing: without this finding, its silence would read as a "
            "pass. Reporting it as one finding, instead of stopping the run, keeps every other "
            "result.",
            "    # any manifest on which a rule raises, for example ZeroDivisionError",
            "    # the same manifest once the rule is fixed",
            "Report the message to the rule pack's maintainers, with the manifest if you can "
            "share it; upgrade the pack, or leave it out of the run until it is fixed.",
        ),
        _docs(
            "Signale une règle dont la vérification a levé une exception sur le fichier : un "
            "défaut de la règle, le plus souvent d'un paquet de règles tiers. Le message nomme la "
            "règle, ainsi que le type et le message de l'exception. Les autres règles et fichiers "
            "sont tout de même vérifiés ; ce constat ne peut être ni désactivé, ni neutralisé, ni "
            "couvert par une dérogation.",
            "Une règle qui a échoué n'a rien vérifié : sans ce constat, son silence passerait "
            "pour une réussite. Le signaler par un constat, au lieu d'arrêter l'exécution, garde "
            "tous les autres résultats.",
            "    # tout manifeste sur lequel une règle lève une exception, par exemple "
            "ZeroDivisionError",
            "    # le même manifeste une fois la règle corrigée",
            "Transmettre le message aux mainteneurs du paquet de règles, avec le manifeste si "
            "possible ; mettre le paquet à jour, ou l'écarter de l'exécution jusqu'à sa "
            "correction.",
            "fr",
        ),
    ),
)

SYNTAX_ERROR = _rule(
    "CL001",
    "syntax-error",
    "error",
    ("The file is not valid YAML.", "Le fichier n'est pas du YAML valide."),
    {
        "default": ("YAML syntax error: {reason}", "erreur de syntaxe YAML : {reason}"),
        "multiple-documents": (
            "the file holds several YAML documents (`---`): a manifest is one document",
            "le fichier contient plusieurs documents YAML (`---`) : un manifeste est un seul "
            "document",
        ),
        "unreadable": ("{reason}", "{reason}"),
    },
    (
        _docs(
            "Reports YAML that cannot be read, at the line and column where reading stopped: bad "
            "indentation, an unclosed quote or bracket, a tab used for indentation, invalid "
            "UTF-8 or control characters, several documents in one file.",
            "Nothing else can be checked in a file that cannot be read, and a declaration that "
            "no tool can read declares nothing.",
            "uses:\n  - id: chatbot\n     name: Chatbot   # indented too far",
            "uses:\n  - id: chatbot\n    name: Chatbot",
            "Fix the YAML at the position given; an editor with the YAML language server shows "
            "the error as you type.",
        ),
        _docs(
            "Signale un YAML illisible, à la ligne et à la colonne où la lecture s'est arrêtée : "
            "indentation incorrecte, guillemet ou crochet non fermé, tabulation, UTF-8 invalide "
            "ou caractères de contrôle, plusieurs documents dans un même fichier.",
            "Rien d'autre ne peut être vérifié dans un fichier illisible, et une déclaration "
            "qu'aucun outil ne sait lire ne déclare rien.",
            "uses:\n  - id: chatbot\n     name: Chatbot   # trop indenté",
            "uses:\n  - id: chatbot\n    name: Chatbot",
            "Corriger le YAML à la position indiquée ; un éditeur avec le serveur de langage YAML "
            "montre l'erreur pendant la saisie.",
            "fr",
        ),
    ),
)

DUPLICATE_KEY = _rule(
    "CL002",
    "duplicate-key",
    "error",
    ("A key appears twice in the same mapping.", "Une clé apparaît deux fois dans le même bloc."),
    {
        "default": (
            "duplicate key `{key}`: it is already defined on line {first_line}, and YAML tools "
            "silently keep only one of the two values",
            "clé `{key}` en double : elle est déjà définie ligne {first_line}, et les outils YAML "
            "ne gardent silencieusement qu'une des deux valeurs",
        )
    },
    (
        _docs(
            "Reports the second occurrence of a key in a mapping, naming the line of the first.",
            "Most YAML libraries keep one of the two values without a word, so a reviewer reads "
            "one declaration and the tools use another. charte-lint keeps the first value.",
            "data:\n  personal: false\n  classification: internal\n  personal: true",
            "data:\n  personal: true\n  classification: internal",
            "Keep a single occurrence, with the value you mean.",
        ),
        _docs(
            "Signale la seconde occurrence d'une clé dans un bloc, en indiquant la ligne de la "
            "première.",
            "La plupart des bibliothèques YAML gardent une des deux valeurs sans prévenir : un "
            "relecteur lit une déclaration, les outils en utilisent une autre. charte-lint garde "
            "la première valeur.",
            "data:\n  personal: false\n  classification: internal\n  personal: true",
            "data:\n  personal: true\n  classification: internal",
            "Ne garder qu'une occurrence, avec la valeur voulue.",
            "fr",
        ),
    ),
)

AMBIGUOUS_VALUE = _rule(
    "CL003",
    "yaml11-ambiguous-value",
    "warning",
    (
        "A value that YAML 1.1 and YAML 1.2 read differently (`no`, `on`, `0777`).",
        "Une valeur que YAML 1.1 et YAML 1.2 lisent différemment (`no`, `on`, `0777`).",
    ),
    {
        "default": (
            "`{raw}` is read as the boolean {value} by YAML 1.1 but as text by YAML 1.2: write "
            '`{value}` for a boolean, or quote it ("{raw}") for text',
            "`{raw}` est lu comme le booléen {value} en YAML 1.1 mais comme du texte en YAML "
            '1.2 : écrire `{value}` pour un booléen, ou le mettre entre guillemets ("{raw}") '
            "pour du texte",
        ),
        "number": (
            "`{raw}` is read as the number {value} by YAML 1.1 (octal or base 60): quote it "
            '("{raw}") if you mean text',
            "`{raw}` est lu comme le nombre {value} en YAML 1.1 (octal ou base 60) : le mettre "
            "entre guillemets (\"{raw}\") s'il s'agit de texte",
        ),
    },
    (
        _docs(
            "Reports plain scalars that YAML 1.1 reads as booleans (`yes`, `no`, `on`, `off`, "
            "`y`... in any case) or as octal and base-60 numbers (`0777`, `1:30`). Where such a "
            "value sits in a place that expects text (a country code such as `NO` for Norway), "
            "the schema error says to quote it instead.",
            "PyYAML and many CI tools read YAML 1.1, editors and other languages YAML 1.2: the "
            "same file then means different things. `tool.region: NO` becomes `false`.",
            "data:\n  personal: no\ntool:\n  region: NO",
            'data:\n  personal: false\ntool:\n  region: "NO"',
            "Write `true` or `false` for booleans, and quote text that looks like one.",
        ),
        _docs(
            "Signale les valeurs que YAML 1.1 lit comme des booléens (`yes`, `no`, `on`, `off`, "
            "`y`... quelle que soit la casse) ou comme des nombres octaux ou en base 60 (`0777`, "
            "`1:30`). Si la valeur est à un endroit qui attend du texte (un code pays comme `NO` "
            "pour la Norvège), l'erreur de schéma demande de la mettre entre guillemets.",
            "PyYAML et beaucoup d'outils de CI lisent YAML 1.1, les éditeurs et d'autres "
            "langages YAML 1.2 : le même fichier n'a alors pas le même sens. "
            "`tool.region: NO` devient `false`.",
            "data:\n  personal: no\ntool:\n  region: NO",
            'data:\n  personal: false\ntool:\n  region: "NO"',
            "Écrire `true` ou `false` pour les booléens, et mettre entre guillemets le texte qui "
            "ressemble à un booléen ou à un nombre.",
            "fr",
        ),
    ),
)

ALIAS_LIMIT = _rule(
    "CL004",
    "alias-expansion",
    "error",
    (
        "Aliases that would expand the file far beyond its size, or refer to themselves.",
        "Des alias qui démultiplieraient le fichier, ou qui se référencent eux-mêmes.",
    ),
    {
        "default": (
            "aliases would expand this file's {nodes} values into {expanded}: the file is "
            "refused (an alias bomb?)",
            "les alias feraient passer les {nodes} valeurs de ce fichier à {expanded} : le "
            "fichier est refusé (une bombe d'alias ?)",
        ),
        "recursive": (
            "an alias refers to a value that contains it: the file is refused",
            "un alias renvoie à une valeur qui le contient : le fichier est refusé",
        ),
    },
    (
        _docs(
            "Refuses a file whose anchors and aliases (`&a`, `*a`) would expand to more than ten "
            "times its own values plus 100,000, or that refer to themselves. The expansion is "
            "counted without being performed.",
            'A few hundred bytes of nested aliases ("billion laughs") can make a naive reader '
            "build billions of values and take down a CI runner.",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: [*b, *b, *b, *b, *b, *b, *b, *b]   # and so on",
            "defaults: &defaults\n  personal: false\nuses:\n  - data: *defaults",
            "Write the values out, or use aliases for small shared blocks only.",
        ),
        _docs(
            "Refuse un fichier dont les ancres et alias (`&a`, `*a`) produiraient plus de dix "
            "fois ses propres valeurs plus 100 000, ou qui se référencent eux-mêmes. Le compte "
            "se fait sans rien développer.",
            "Quelques centaines d'octets d'alias imbriqués (« billion laughs ») peuvent faire "
            "construire des milliards de valeurs à un lecteur naïf et arrêter un serveur de CI.",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: [*b, *b, *b, *b, *b, *b, *b, *b]   # et ainsi de suite",
            "defaults: &defaults\n  personal: false\nuses:\n  - data: *defaults",
            "Écrire les valeurs en toutes lettres, ou réserver les alias à de petits blocs "
            "partagés.",
            "fr",
        ),
    ),
)

FILE_LIMIT = _rule(
    "CL005",
    "file-limit",
    "error",
    (
        "A file too large or nested too deeply to be a manifest.",
        "Un fichier trop gros ou trop imbriqué pour être un manifeste.",
    ),
    {
        "default": (
            "the file is {size} bytes, above the limit of {limit} bytes",
            "le fichier fait {size} octets, au-delà de la limite de {limit} octets",
        ),
        "depth": (
            "values are nested more than {limit} levels deep: the file is refused",
            "les valeurs sont imbriquées sur plus de {limit} niveaux : le fichier est refusé",
        ),
    },
    (
        _docs(
            "Refuses files over 100 MiB (a 40,000-use inventory is about 50 MiB) and values "
            "nested more than 64 levels deep (a manifest needs about six).",
            "Limits keep a hostile or generated file from exhausting memory or time in CI.",
            "# a 2 GB file, or [[[[[[...]]]]]] nested 10,000 times",
            "uses:\n  - id: chatbot",
            "Split a huge inventory into several manifests, one per team or repository.",
        ),
        _docs(
            "Refuse les fichiers de plus de 100 Mio (un inventaire de 40 000 usages fait environ "
            "50 Mio) et les valeurs imbriquées sur plus de 64 niveaux (un manifeste en utilise "
            "environ six).",
            "Ces limites empêchent un fichier hostile ou généré d'épuiser la mémoire ou le temps "
            "de la CI.",
            "# un fichier de 2 Go, ou [[[[[[...]]]]]] imbriqué 10 000 fois",
            "uses:\n  - id: chatbot",
            "Découper un inventaire énorme en plusieurs manifestes, un par équipe ou par dépôt.",
            "fr",
        ),
    ),
)

UNKNOWN_TAG = _rule(
    "CL006",
    "unknown-tag",
    "error",
    ("A YAML tag such as `!!python/object`.", "Une étiquette YAML comme `!!python/object`."),
    {
        "default": (
            "the tag `{tag}` is not allowed: a manifest holds plain data, and the tag was not "
            "applied",
            "l'étiquette `{tag}` n'est pas admise : un manifeste ne contient que des données "
            "simples, et l'étiquette n'a pas été appliquée",
        )
    },
    (
        _docs(
            "Reports explicit tags other than YAML's plain types (`!!python/object`, `!!binary`, "
            "`!custom`). The value is read as plain text or a plain collection; no tag is ever "
            "executed or constructed.",
            "Tags are how unsafe YAML loading runs code; a manifest never needs one.",
            'tool:\n  name: !!python/object/apply:os.system ["id"]',
            "tool:\n  name: Mistral Le Chat Pro",
            "Remove the tag.",
        ),
        _docs(
            "Signale les étiquettes explicites autres que les types simples de YAML "
            "(`!!python/object`, `!!binary`, `!custom`). La valeur est lue comme du texte ou une "
            "collection simple ; aucune étiquette n'est jamais exécutée ni construite.",
            "Les étiquettes sont le moyen par lequel un chargement YAML non sûr exécute du code ; "
            "un manifeste n'en a jamais besoin.",
            'tool:\n  name: !!python/object/apply:os.system ["id"]',
            "tool:\n  name: Mistral Le Chat Pro",
            "Retirer l'étiquette.",
            "fr",
        ),
    ),
)

UNSUPPORTED_YAML = _rule(
    "CL007",
    "unsupported-yaml",
    "error",
    (
        "YAML constructs a manifest cannot use (complex keys, bad merges).",
        "Des constructions YAML inutilisables dans un manifeste (clés complexes, fusions "
        "invalides).",
    ),
    {
        "default": (
            "a key must be plain text, not a list or a mapping",
            "une clé doit être du texte simple, pas une liste ni un bloc",
        ),
        "bad-merge": (
            "`<<` can only merge mappings",
            "`<<` ne peut fusionner que des blocs (mappings)",
        ),
    },
    (
        _docs(
            "Reports complex keys (`? [a, b]`) and merge keys (`<<`) whose value is not a mapping.",
            "Such YAML has no meaning in a manifest and other tools read it differently.",
            "? [a, b]\n: value",
            "key: value",
            "Use plain text keys; merge only mappings.",
        ),
        _docs(
            "Signale les clés complexes (`? [a, b]`) et les fusions (`<<`) dont la valeur n'est "
            "pas un bloc.",
            "Un tel YAML n'a pas de sens dans un manifeste et les autres outils le lisent "
            "autrement.",
            "? [a, b]\n: value",
            "key: value",
            "Utiliser des clés textuelles simples ; ne fusionner que des blocs.",
            "fr",
        ),
    ),
)

MISSING_KEY = _rule(
    "CL101",
    "missing-key",
    "error",
    ("A required key is missing.", "Une clé obligatoire manque."),
    {
        "default": (
            "{where} lacks the required key `{key}`",
            "il manque la clé obligatoire `{key}` dans {where}",
        )
    },
    (
        _docs(
            "Reports a key that the manifest format requires, at the mapping that should hold it.",
            "The required keys are the smallest honest declaration: what the use is, who answers "
            "for it, why it exists, which tool, and whether personal data goes in.",
            "uses:\n  - id: chatbot\n    name: Chatbot\n    status: pilot",
            "uses:\n  - id: chatbot\n    name: Chatbot\n    status: pilot\n    owner:\n"
            "      accountable: Head of customer service\n    purpose:\n      need: Answer "
            "common questions at night.\n    tool:\n      name: Mistral Le Chat Pro\n    data:\n"
            "      personal: false",
            "Add the key; the README's manifest reference says what each key means.",
        ),
        _docs(
            "Signale une clé exigée par le format du manifeste, au bloc qui devrait la contenir.",
            "Les clés obligatoires sont la plus petite déclaration honnête : ce qu'est l'usage, "
            "qui en répond, pourquoi il existe, quel outil, et si des données personnelles y "
            "entrent.",
            "uses:\n  - id: chatbot\n    name: Chatbot\n    status: pilot",
            "uses:\n  - id: chatbot\n    name: Chatbot\n    status: pilot\n    owner:\n"
            "      accountable: Responsable du service client\n    purpose:\n      need: "
            "Répondre aux questions courantes la nuit.\n    tool:\n      name: Mistral Le Chat "
            "Pro\n    data:\n      personal: false",
            "Ajouter la clé ; la référence du manifeste dans le README décrit chaque clé.",
            "fr",
        ),
    ),
)

UNKNOWN_KEY = _rule(
    "CL102",
    "unknown-key",
    "error",
    ("A key the manifest format does not define.", "Une clé que le format ne définit pas."),
    {
        "default": ("unknown key `{key}` in {where}", "clé inconnue `{key}` dans {where}"),
        "suggest": (
            "unknown key `{key}` in {where}: did you mean `{suggestion}`?",
            "clé inconnue `{key}` dans {where} : vouliez-vous dire `{suggestion}` ?",
        ),
    },
    (
        _docs(
            "Reports a key that the format does not define, with the closest known key when "
            "there is one.",
            "A misspelt key is a fact silently not declared: `purpose.nede` leaves the need "
            "unstated while the author believes it is there.",
            "purpose:\n  nede: Answer residents' questions.",
            "purpose:\n  need: Answer residents' questions.",
            "Fix the spelling, or remove the key.",
        ),
        _docs(
            "Signale une clé que le format ne définit pas, avec la clé connue la plus proche "
            "quand il y en a une.",
            "Une clé mal orthographiée est un fait qui n'est pas déclaré sans que personne ne le "
            "voie : `purpose.nede` laisse le besoin non déclaré alors que l'auteur le croit "
            "présent.",
            "purpose:\n  nede: Répondre aux questions des habitants.",
            "purpose:\n  need: Répondre aux questions des habitants.",
            "Corriger l'orthographe, ou retirer la clé.",
            "fr",
        ),
    ),
)

WRONG_TYPE = _rule(
    "CL103",
    "wrong-type",
    "error",
    ("A value of the wrong type.", "Une valeur du mauvais type."),
    {
        "default": (
            "{where} must be {expected}, not {actual}",
            "{where} doit être {expected}, pas {actual}",
        ),
        "empty": (
            "the file is empty: a manifest is a mapping with `version`, `charter`, "
            "`organisation` and `uses`",
            "le fichier est vide : un manifeste est un bloc avec `version`, `charter`, "
            "`organisation` et `uses`",
        ),
        "trap": (
            "{where} must be {expected}, but `{raw}` is read as {value} by YAML 1.1: quote it "
            '("{raw}")',
            "{where} doit être {expected}, mais `{raw}` est lu comme {value} en YAML 1.1 : le "
            'mettre entre guillemets ("{raw}")',
        ),
    },
    (
        _docs(
            "Reports a value whose type differs from the format's: text where a list is "
            "expected, a number for a boolean, and so on.",
            "Tools and reviewers read the declaration by its types; a wrong type is a fact "
            "nobody can use.",
            'audience: staff\ndata:\n  personal: "false"',
            "audience: [staff]\ndata:\n  personal: false",
            "Write the value with the type the reference gives.",
        ),
        _docs(
            "Signale une valeur dont le type diffère de celui du format : du texte au lieu "
            "d'une liste, un nombre au lieu d'un booléen, etc.",
            "Outils et relecteurs lisent la déclaration selon ses types ; un type faux est un "
            "fait inutilisable.",
            'audience: staff\ndata:\n  personal: "false"',
            "audience: [staff]\ndata:\n  personal: false",
            "Écrire la valeur avec le type indiqué par la référence.",
            "fr",
        ),
    ),
)

INVALID_VALUE = _rule(
    "CL104",
    "invalid-value",
    "error",
    ("A value outside what the format allows.", "Une valeur que le format n'admet pas."),
    {
        "default": (
            "{where} cannot be `{value}`: expected one of {options}",
            "{where} ne peut pas valoir `{value}` : valeurs admises {options}",
        ),
        "const": (
            "{where} must be `{wanted}`, not `{value}`",
            "{where} doit valoir `{wanted}`, pas `{value}`",
        ),
        "suggest": (
            "{where} cannot be `{value}`: did you mean `{suggestion}`?",
            "{where} ne peut pas valoir `{value}` : vouliez-vous dire `{suggestion}` ?",
        ),
        "format": (
            "{where} must be {format}, not `{value}`",
            "{where} doit être {format}, pas `{value}`",
        ),
        "empty-text": ("{where} must not be empty", "{where} ne doit pas être vide"),
        "too-few-items": (
            "{where} needs at least {limit} item(s)",
            "{where} doit avoir au moins {limit} élément(s)",
        ),
        "too-long": ("{where} is longer than {limit}", "{where} dépasse {limit}"),
        "repeated-items": (
            "{where} lists the same item twice",
            "{where} contient deux fois le même élément",
        ),
        "out-of-range": (
            "{where} must be {relation} {bound}, not {value}",
            "{where} doit être {relation} {bound}, pas {value}",
        ),
        "other": ("{where}: {detail}", "{where} : {detail}"),
    },
    (
        _docs(
            "Reports values outside the format: an enum value that does not exist (with the "
            "closest one), a date, duration, country code, e-mail or URL in the wrong form, an "
            "empty text, an empty list, a number out of range.",
            "charte-lint derives obligations from these values; a value it cannot interpret is "
            "a declaration it cannot check.",
            "charter: privat\ndata:\n  retention: 30 days",
            "charter: private\ndata:\n  retention: P30D",
            "Use one of the values the reference lists, in the form it gives.",
        ),
        _docs(
            "Signale les valeurs hors format : une valeur d'énumération qui n'existe pas (avec "
            "la plus proche), une date, une durée, un code pays, une adresse e-mail ou une URL "
            "mal écrite, un texte vide, une liste vide, un nombre hors limites.",
            "charte-lint déduit des obligations de ces valeurs ; une valeur qu'il ne sait pas "
            "interpréter est une déclaration qu'il ne peut pas vérifier.",
            "charter: privat\ndata:\n  retention: 30 jours",
            "charter: private\ndata:\n  retention: P30D",
            "Utiliser une des valeurs de la référence, sous la forme qu'elle indique.",
            "fr",
        ),
    ),
)

DUPLICATE_USE_ID = _rule(
    "CL105",
    "duplicate-use-id",
    "error",
    ("Two uses share an id.", "Deux usages ont le même identifiant."),
    {
        "default": (
            "use id `{id}` is already used by the use on line {first_line}",
            "l'identifiant `{id}` est déjà celui de l'usage de la ligne {first_line}",
        )
    },
    (
        _docs(
            "Reports a use whose `id` repeats an earlier use's in the same file.",
            "Findings, waivers and baselines name uses by id: two uses with one id make them "
            "ambiguous.",
            "uses:\n  - id: chatbot\n    ...\n  - id: chatbot\n    ...",
            "uses:\n  - id: chatbot-residents\n    ...\n  - id: chatbot-agents\n    ...",
            "Give each use its own id, and keep it stable once published.",
        ),
        _docs(
            "Signale un usage dont l'`id` reprend celui d'un usage précédent du même fichier.",
            "Constats, dérogations et références nomment les usages par leur identifiant : deux "
            "usages au même identifiant les rendent ambigus.",
            "uses:\n  - id: chatbot\n    ...\n  - id: chatbot\n    ...",
            "uses:\n  - id: chatbot-habitants\n    ...\n  - id: chatbot-agents\n    ...",
            "Donner à chaque usage son propre identifiant, stable une fois publié.",
            "fr",
        ),
    ),
)

EXPIRED_WAIVER = _rule(
    "CL201",
    "expired-waiver",
    "warning",
    (
        "A waiver whose end date has passed: it no longer silences anything.",
        "Une dérogation dont la date de fin est passée : elle ne fait plus taire aucun constat.",
    ),
    {
        "default": (
            "the waiver of `{rule}` for `{use}` (approved by {approved_by}) ended on {until}: "
            "fix what it covered, or renew it with a new approval and date",
            "la dérogation à `{rule}` pour `{use}` (approuvée par {approved_by}) a pris fin le "
            "{until} : corriger ce qu'elle couvrait, ou la renouveler avec une nouvelle "
            "approbation et une nouvelle date",
        )
    },
    (
        _docs(
            "Reports a waiver (`waivers[]`) whose `until` date is in the past. From the day after "
            "`until`, the waiver silences nothing and the findings it covered are reported again.",
            "A waiver is a time-limited exception someone approved. Once it has run out, the "
            "exception needs a fresh decision: either the problem is fixed, or someone accountable "
            "approves it again, knowingly.",
            "waivers:\n  - rule: DAT002\n    use: chatbot\n    reason: Contract being signed\n"
            "    approved_by: DPO\n    until: 2025-01-31",
            "waivers:\n  - rule: DAT002\n    use: chatbot\n    reason: Contract signed, renewal "
            "pending\n    approved_by: DPO\n    until: 2026-06-30",
            "Fix the findings the waiver covered and remove it, or have it approved again with a "
            "new `until` date.",
        ),
        _docs(
            "Signale une dérogation (`waivers[]`) dont la date `until` est passée. Dès le "
            "lendemain de `until`, la dérogation ne fait plus taire aucun constat et ceux qu'elle "
            "couvrait sont de nouveau signalés.",
            "Une dérogation est une exception limitée dans le temps, approuvée par quelqu'un. Une "
            "fois échue, elle demande une nouvelle décision : soit le problème est corrigé, soit "
            "une personne responsable l'approuve de nouveau, en connaissance de cause.",
            "waivers:\n  - rule: DAT002\n    use: chatbot\n    reason: Contrat en cours\n"
            "    approved_by: DPO\n    until: 2025-01-31",
            "waivers:\n  - rule: DAT002\n    use: chatbot\n    reason: Contrat signé, "
            "renouvellement en cours\n    approved_by: DPO\n    until: 2026-06-30",
            "Corriger les constats que couvrait la dérogation et la retirer, ou la faire approuver "
            "de nouveau avec une nouvelle date `until`.",
            "fr",
        ),
    ),
)

UNUSED_WAIVER = _rule(
    "CL202",
    "unused-waiver",
    "warning",
    (
        "A waiver that silences nothing.",
        "Une dérogation qui ne fait taire aucun constat.",
    ),
    {
        "default": (
            "the waiver of `{rule}` for `{use}` silences nothing: remove it",
            "la dérogation à `{rule}` pour `{use}` ne fait taire aucun constat : la retirer",
        )
    },
    (
        _docs(
            "Reports a waiver that matched no finding in this run: the problem was fixed, the use "
            "was renamed or removed, or the rule is misspelt. Waivers of rules that are not "
            "enabled in the run are not reported.",
            "Stale exceptions hide future problems: a waiver left behind would silence the same "
            "rule if the problem came back, without anyone deciding it again.",
            "waivers:\n  - rule: DAT002\n    use: old-chatbot   # no such use any more\n"
            "    reason: Contract being signed\n    approved_by: DPO\n    until: 2026-06-30",
            "# no waiver: nothing left to excuse",
            "Remove the waiver, or correct its `rule` or `use`.",
        ),
        _docs(
            "Signale une dérogation qui ne correspond à aucun constat : le problème a été "
            "corrigé, l'usage renommé ou retiré, ou la règle est mal orthographiée. Les "
            "dérogations à des règles non activées pendant l'exécution ne sont pas signalées.",
            "Une exception oubliée masque les problèmes futurs : elle ferait taire la même règle "
            "si le problème revenait, sans que personne ne l'ait de nouveau décidé.",
            "waivers:\n  - rule: DAT002\n    use: ancien-chatbot   # cet usage n'existe plus\n"
            "    reason: Contrat en cours\n    approved_by: DPO\n    until: 2026-06-30",
            "# pas de dérogation : plus rien à excuser",
            "Retirer la dérogation, ou corriger sa `rule` ou son `use`.",
            "fr",
        ),
    ),
)

SUPPRESSION_WITHOUT_REASON = _rule(
    "CL901",
    "suppression-without-reason",
    "error",
    (
        "A suppression comment that does not say why.",
        "Un commentaire de suppression qui ne dit pas pourquoi.",
    ),
    {
        "default": (
            "`# charte-lint: {kind}[{rules}]` gives no reason: add ` -- ` and why the finding "
            "does not apply; until then it silences nothing",
            "`# charte-lint: {kind}[{rules}]` ne donne pas de raison : ajouter ` -- ` et "
            "pourquoi le constat ne s'applique pas ; d'ici là, il ne fait rien taire",
        )
    },
    (
        _docs(
            "Reports an `ignore` or `disable` comment without a reason after ` -- `. Such a "
            "comment silences nothing: the findings it names are still reported.",
            "A declaration is read by people who must trust it: an exception nobody explained "
            "cannot be reviewed, and cannot be told apart from a shortcut.",
            "    tool:\n      name: Shadow GPT  # charte-lint: ignore[DAT002]",
            "    tool:\n      name: Shadow GPT  # charte-lint: ignore[DAT002] -- public data "
            "only, LEGAL-12",
            "Write the reason after ` -- `: a ticket, a decision, the fact that makes the rule "
            "not apply.",
        ),
        _docs(
            "Signale un commentaire `ignore` ou `disable` sans raison après ` -- `. Un tel "
            "commentaire ne fait rien taire : les constats qu'il nomme sont toujours signalés.",
            "Une déclaration est lue par des personnes qui doivent pouvoir s'y fier : une "
            "exception que personne n'a expliquée ne peut pas être vérifiée, ni distinguée d'un "
            "raccourci.",
            "    tool:\n      name: Shadow GPT  # charte-lint: ignore[DAT002]",
            "    tool:\n      name: Shadow GPT  # charte-lint: ignore[DAT002] -- données "
            "publiques uniquement, LEGAL-12",
            "Écrire la raison après ` -- ` : un ticket, une décision, le fait qui rend la règle "
            "inapplicable.",
            "fr",
        ),
    ),
)

UNUSED_SUPPRESSION = _rule(
    "CL902",
    "unused-suppression",
    "warning",
    (
        "A suppression comment that silences nothing.",
        "Un commentaire de suppression qui ne fait rien taire.",
    ),
    {
        "default": (
            "`{rule}` in `# charte-lint: {kind}[...]` silences nothing: remove it",
            "`{rule}` dans `# charte-lint: {kind}[...]` ne fait rien taire : le retirer",
        )
    },
    (
        _docs(
            "Reports a rule named in an `ignore` or `disable` comment that silenced no finding: "
            "the problem was fixed, the comment sits on the wrong line, or the rule is misspelt. "
            "Rules that are not enabled in the run are not reported.",
            "A forgotten suppression would silence the same rule if the problem came back, "
            "without anyone deciding it again.",
            "    data:\n      personal: false  # charte-lint: ignore[DAT001] -- no longer true",
            "    data:\n      personal: false",
            "Remove the comment, or the rule from its list.",
        ),
        _docs(
            "Signale une règle nommée dans un commentaire `ignore` ou `disable` qui n'a fait "
            "taire aucun constat : le problème a été corrigé, le commentaire n'est pas sur la "
            "bonne ligne, ou la règle est mal orthographiée. Les règles non activées pendant "
            "l'exécution ne sont pas signalées.",
            "Une suppression oubliée ferait taire la même règle si le problème revenait, sans "
            "que personne ne l'ait de nouveau décidé.",
            "    data:\n      personal: false  # charte-lint: ignore[DAT001] -- plus vrai",
            "    data:\n      personal: false",
            "Retirer le commentaire, ou la règle de sa liste.",
            "fr",
        ),
    ),
)

RULES = [
    RULE_CRASH,
    SYNTAX_ERROR,
    DUPLICATE_KEY,
    AMBIGUOUS_VALUE,
    ALIAS_LIMIT,
    FILE_LIMIT,
    UNKNOWN_TAG,
    UNSUPPORTED_YAML,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
    INVALID_VALUE,
    DUPLICATE_USE_ID,
    EXPIRED_WAIVER,
    UNUSED_WAIVER,
    SUPPRESSION_WITHOUT_REASON,
    UNUSED_SUPPRESSION,
]

# What the reader (manifest.py) and the schema validator (schema.py) report -> (rule, message id).
READ_PROBLEMS: dict[str, tuple[Rule, str]] = {
    "syntax-error": (SYNTAX_ERROR, "default"),
    "multiple-documents": (SYNTAX_ERROR, "multiple-documents"),
    "duplicate-key": (DUPLICATE_KEY, "default"),
    "yaml11-boolean": (AMBIGUOUS_VALUE, "default"),
    "yaml11-number": (AMBIGUOUS_VALUE, "number"),
    "alias-expansion": (ALIAS_LIMIT, "default"),
    "recursive-alias": (ALIAS_LIMIT, "recursive"),
    "too-large": (FILE_LIMIT, "default"),
    "too-deep": (FILE_LIMIT, "depth"),
    "unknown-tag": (UNKNOWN_TAG, "default"),
    "complex-key": (UNSUPPORTED_YAML, "default"),
    "bad-merge": (UNSUPPORTED_YAML, "bad-merge"),
}
SCHEMA_PROBLEMS: dict[str, tuple[Rule, str]] = {
    "missing-key": (MISSING_KEY, "default"),
    "unknown-key": (UNKNOWN_KEY, "default"),
    "unknown-key-suggest": (UNKNOWN_KEY, "suggest"),
    "wrong-type": (WRONG_TYPE, "default"),
    "empty": (WRONG_TYPE, "empty"),
    "trap": (WRONG_TYPE, "trap"),
    "not-allowed": (INVALID_VALUE, "default"),
    "not-const": (INVALID_VALUE, "const"),
    "not-allowed-suggest": (INVALID_VALUE, "suggest"),
    "bad-format": (INVALID_VALUE, "format"),
    "empty-text": (INVALID_VALUE, "empty-text"),
    "too-few-items": (INVALID_VALUE, "too-few-items"),
    "too-long": (INVALID_VALUE, "too-long"),
    "repeated-items": (INVALID_VALUE, "repeated-items"),
    "out-of-range": (INVALID_VALUE, "out-of-range"),
    "other": (INVALID_VALUE, "other"),
    "duplicate-use-id": (DUPLICATE_USE_ID, "default"),
}
