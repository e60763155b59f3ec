"""Rules for the `data` principle: lawful processing, and no personal or sensitive data in tools
the organisation has not approved for it (P3 / S3)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from charte_lint.api import Rule, get

from ._common import (
    SENSITIVE_CLASSIFICATIONS,
    as_list,
    if_missing,
    is_blank,
    is_public_body,
    missing_pointer,
    processes_personal_data,
    sends_sensitive_data,
    strings,
    use_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import ApprovedTool, Finding, Repository, RuleContext

# EU member states (ISO 3166-1 alpha-2); the EEA adds Iceland, Liechtenstein and Norway.
# fmt: off
_EU = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
))
# fmt: on
_EEA = _EU | {"IS", "LI", "NO", "EU"}

# How the most sensitive data a use sends is named in DAT002 messages.
_DATA_KINDS = {
    "en": {
        "special": "special-category data (`data.special`)",
        "personal": "personal data",
        "classified": "`{classification}` data",
    },
    "fr": {
        "special": "des données sensibles (`data.special`)",
        "personal": "des données personnelles",
        "classified": "des données `{classification}`",
    },
}


def _check_legal_basis(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "data.personal") is True and is_blank(get(use, "data.legal_basis")):
            yield ctx.finding(missing_pointer(pointer, use, "data.legal_basis"), use_id=use_id(use))


def _region_allowed(region: str, allowed: tuple[str, ...]) -> bool:
    region = region.upper()
    regions = {str(entry).upper() for entry in allowed}
    return (
        region in regions
        or ("EU" in regions and region in _EU)
        or ("EEA" in regions and region in _EEA)
    )


def _tool_label(tool: Mapping[str, Any]) -> str:
    for key in ("name", "approved"):
        value = tool.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "?"


def _data_kind(use: Mapping[str, Any], lang: str) -> str:
    kinds = _DATA_KINDS.get(lang, _DATA_KINDS["en"])
    if as_list(get(use, "data.special")):
        return kinds["special"]
    if get(use, "data.personal") is True:
        return kinds["personal"]
    return kinds["classified"].format(classification=get(use, "data.classification"))


def _registry_mismatches(
    pointer: str, use: Mapping[str, Any], entry: ApprovedTool
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(pointer, message id, parameters) for each way the entry does not cover the use's data."""
    data = use.get("data")
    data = data if isinstance(data, Mapping) else {}
    if data.get("personal") is True and not entry.personal_data:
        yield f"{pointer}/data/personal", "personal_data", {}
    if as_list(data.get("special")) and not entry.special_data:
        yield f"{pointer}/data/special", "special_data", {}
    classification = data.get("classification")
    if isinstance(classification, str) and entry.data and classification not in entry.data:
        allowed = ", ".join(f"`{name}`" for name in entry.data)
        params = {"classification": classification, "allowed": allowed}
        yield f"{pointer}/data/classification", "classification", params
    region = get(use, "tool.region")
    if isinstance(region, str) and entry.regions and not _region_allowed(region, entry.regions):
        allowed = ", ".join(f"`{name}`" for name in entry.regions)
        yield f"{pointer}/tool/region", "region", {"region": region, "allowed": allowed}


def _check_tool_approved(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    registry = ctx.policy.approved_tools
    if registry is None:
        return
    known_ids = [entry.id for entry in registry]
    for pointer, use in ctx.uses():
        tool = use.get("tool")
        if not isinstance(tool, Mapping):
            continue
        label = _tool_label(tool)
        lookup: Mapping[str, Any] = tool
        approved = tool.get("approved")
        if isinstance(approved, str) and approved not in known_ids:
            yield ctx.finding(
                f"{pointer}/tool/approved", "unknown_id", use_id=use_id(use), approved=approved
            )
            lookup = {key: value for key, value in tool.items() if key != "approved"}
        if not sends_sensitive_data(use):
            continue
        entry = ctx.policy.approved_tool(lookup)
        if entry is None:
            if lookup is tool:  # an unknown `tool.approved` id has already been reported
                where = f"{pointer}/tool/name" if "name" in tool else f"{pointer}/tool"
                kind = _data_kind(use, ctx.lang)
                yield ctx.finding(where, use_id=use_id(use), tool=label, data=kind)
            continue
        for where, message, params in _registry_mismatches(pointer, use, entry):
            yield ctx.finding(where, message, use_id=use_id(use), tool=label, **params)


def _check_registry_configured(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if ctx.policy.approved_tools is not None:
        return
    unchecked = [(pointer, use) for pointer, use in ctx.uses() if sends_sensitive_data(use)]
    if not unchecked:
        return
    pointer, first = unchecked[0]
    where = f"{pointer}/tool" if "tool" in first else pointer
    message = "default" if len(unchecked) > 1 else "one"
    yield ctx.finding(where, message, use_id=use_id(first), count=len(unchecked))


_DAT002_FAILING_EN = """\
```yaml
# .charte-lint.yaml
approved_tools:
  - id: m365-copilot
    name: Microsoft 365 Copilot
    data: [public, internal]
    personal_data: false
    regions: [EU]
```
```yaml
# ai-usage.yaml
tool:
  name: ChatGPT Plus        # not in the registry
data:
  personal: true
  legal_basis: contract
```"""

PERSONAL_DATA_WITHOUT_LEGAL_BASIS = Rule(
    code="DAT001",
    name="personal-data-without-legal-basis",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "A use that processes personal data must state its GDPR legal basis.",
        "fr": "Un usage qui traite des données personnelles doit indiquer sa base légale RGPD.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` processes personal data (`data.personal: true`) without "
            "`data.legal_basis`: add the GDPR Art. 6(1) legal basis",
            "fr": "l'usage `{use_id}` traite des données personnelles (`data.personal: true`) "
            "sans `data.legal_basis` : ajouter la base légale de l'art. 6(1) du RGPD",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use declaring `data.personal: true` with no `data.legal_basis`.

## Why it matters
Private charter P3 ("strict regulatory compliance, GDPR included") and public charter S3
("strict legal framework"). Under the GDPR (Art. 6(1)) processing personal data is lawful only
on one of six bases: `consent`, `contract`, `legal_obligation`, `vital_interests`, `public_task`
or `legitimate_interests`. Sending personal data to an AI tool is processing; its basis must be
known before the use starts. Note that public authorities cannot rely on legitimate interests
for the performance of their tasks (Art. 6(1), second subparagraph).

## Example
Failing:
```yaml
data:
  personal: true
  categories: [identity, contact]
```
Passing:
```yaml
data:
  personal: true
  categories: [identity, contact]
  legal_basis: contract
  retention: P1Y
```

## How to fix
Ask the data protection officer which basis the processing relies on (it is usually already in
the record of processing activities) and declare it in `data.legal_basis`. If no basis applies,
stop sending personal data to the tool.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage qui déclare `data.personal: true` sans `data.legal_basis`.

## Pourquoi c'est important
Charte privée P3 (« conformité réglementaire, dont RGPD ») et charte publique S3 (« cadre
juridique strict »). Selon le RGPD (art. 6(1)), un traitement de données personnelles n'est
licite que sur l'une de six bases : `consent`, `contract`, `legal_obligation`,
`vital_interests`, `public_task` ou `legitimate_interests`. Envoyer des données personnelles à
un outil d'IA est un traitement : sa base doit être connue avant le début de l'usage. Les
autorités publiques ne peuvent pas invoquer l'intérêt légitime pour l'exécution de leurs
missions (art. 6(1), second alinéa).

## Exemple
En échec :
```yaml
data:
  personal: true
  categories: [identity, contact]
```
Conforme :
```yaml
data:
  personal: true
  categories: [identity, contact]
  legal_basis: contract
  retention: P1Y
```

## Comment corriger
Demander au délégué à la protection des données sur quelle base repose le traitement (elle
figure en général déjà au registre des traitements) et la déclarer dans `data.legal_basis`. Si
aucune base ne s'applique, cesser d'envoyer des données personnelles à l'outil.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 6(1)"),
    check=_check_legal_basis,
)

TOOL_NOT_APPROVED = Rule(
    code="DAT002",
    name="tool-not-approved",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "Personal, special-category or confidential data only go to tools the "
        "organisation approved for them.",
        "fr": "Les données personnelles, sensibles ou confidentielles ne vont que dans des "
        "outils autorisés pour elles par l'organisation.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` sends {data} to `{tool}`, which is not in the `approved_tools` "
            "registry: use an approved tool or have this one approved, then set `tool.approved`",
            "fr": "l'usage `{use_id}` envoie {data} à `{tool}`, qui ne figure pas dans le "
            "registre `approved_tools` : utiliser un outil autorisé ou faire autoriser celui-ci, "
            "puis renseigner `tool.approved`",
        },
        "unknown_id": {
            "en": "use `{use_id}` declares `tool.approved: {approved}`, which is not an id of the "
            "`approved_tools` registry: correct the id or have the tool approved",
            "fr": "l'usage `{use_id}` déclare `tool.approved: {approved}`, qui n'est pas un "
            "identifiant du registre `approved_tools` : corriger l'identifiant ou faire "
            "autoriser l'outil",
        },
        "personal_data": {
            "en": "use `{use_id}` sends personal data to `{tool}`, which the registry does not "
            "approve for personal data (`personal_data: false`): use another tool or remove the "
            "personal data",
            "fr": "l'usage `{use_id}` envoie des données personnelles à `{tool}`, que le registre "
            "n'autorise pas pour des données personnelles (`personal_data: false`) : utiliser un "
            "autre outil ou retirer les données personnelles",
        },
        "special_data": {
            "en": "use `{use_id}` sends special-category data (`data.special`) to `{tool}`, which "
            "the registry does not approve for them (`special_data: false`): use another tool or "
            "remove these data",
            "fr": "l'usage `{use_id}` envoie des données sensibles (`data.special`) à `{tool}`, "
            "que le registre n'autorise pas pour ces données (`special_data: false`) : utiliser "
            "un autre outil ou retirer ces données",
        },
        "classification": {
            "en": "use `{use_id}` sends `{classification}` data (`data.classification`) to "
            "`{tool}`, which the registry approves only for {allowed} data: use another tool or "
            "send less sensitive data",
            "fr": "l'usage `{use_id}` envoie des données `{classification}` "
            "(`data.classification`) à `{tool}`, que le registre n'autorise que pour des données "
            "{allowed} : utiliser un autre outil ou envoyer des données moins sensibles",
        },
        "region": {
            "en": "use `{use_id}` has `{tool}` process its data in `{region}` (`tool.region`), "
            "where the registry approves it only in {allowed}: choose an approved region",
            "fr": "l'usage `{use_id}` fait traiter ses données par `{tool}` en `{region}` "
            "(`tool.region`), alors que le registre ne l'autorise qu'en {allowed} : choisir une "
            "région autorisée",
        },
    },
    docs={
        "en": f"""\
## What it does
When the organisation's configuration has an `approved_tools` registry, flags a use that sends
personal data, special-category data (`data.special`) or data classified `confidential` or
`secret` to a tool the registry does not approve for them. The tool is looked up by
`tool.approved` (a registry `id`), else by `tool.name` (a registry `name`, whatever the case).
One finding per reason:
- the tool is not in the registry;
- the entry has `personal_data: false` and the use sends personal data;
- the entry has `special_data: false` and the use declares `data.special`;
- `data.classification` is not in the entry's `data` list (when the list is not empty);
- `tool.region` is not in the entry's `regions` (when not empty; `EU` covers the member states,
  `EEA` also Iceland, Liechtenstein and Norway).

A `tool.approved` that names no registry id is flagged too, whatever the data.

## Why it matters
Private charter P3: "no sensitive or personal data put into tools that are not authorised";
public charter S3: protect personal data within a strict legal framework. The registry is where
the organisation records which tools passed its checks (processing agreement, hosting, security).
Under the GDPR (Art. 28(1)), a controller may only use processors that provide sufficient
guarantees for the protection of the data.

## Example
Failing:
{_DAT002_FAILING_EN}
Passing:
```yaml
# ai-usage.yaml
tool:
  name: Microsoft 365 Copilot
  approved: m365-copilot
  region: FR
data:
  personal: false
  classification: internal
```

## How to fix
Move the use to a tool the registry approves for this kind of data, send less sensitive data
(remove or pseudonymise personal data), or have the tool reviewed and added to the registry by
whoever owns it (often the DPO and the CISO), then reference it in `tool.approved`.
""",
        "fr": f"""\
## Ce que fait la règle
Lorsque la configuration de l'organisation contient un registre `approved_tools`, signale un
usage qui envoie des données personnelles, des données sensibles (`data.special`) ou des données
classées `confidential` ou `secret` à un outil que le registre n'autorise pas pour elles.
L'outil est recherché par `tool.approved` (un `id` du registre), sinon par `tool.name` (un
`name` du registre, sans tenir compte de la casse). Une alerte par motif :
- l'outil ne figure pas au registre ;
- l'entrée porte `personal_data: false` et l'usage envoie des données personnelles ;
- l'entrée porte `special_data: false` et l'usage déclare `data.special` ;
- `data.classification` n'est pas dans la liste `data` de l'entrée (si elle n'est pas vide) ;
- `tool.region` n'est pas dans les `regions` de l'entrée (si elles ne sont pas vides ; `EU`
  couvre les États membres, `EEA` aussi l'Islande, le Liechtenstein et la Norvège).

Un `tool.approved` qui ne désigne aucun identifiant du registre est aussi signalé, quelles que
soient les données.

## Pourquoi c'est important
Charte privée P3 : « pas de données sensibles ou personnelles injectées dans des outils non
autorisés » ; charte publique S3 : protéger les données personnelles dans un cadre juridique
strict. Le registre consigne les outils qui ont passé les vérifications de l'organisation
(contrat de sous-traitance, hébergement, sécurité). Selon le RGPD (art. 28(1)), le responsable
du traitement ne fait appel qu'à des sous-traitants présentant des garanties suffisantes.

## Exemple
En échec :
{_DAT002_FAILING_EN.replace("# not in the registry", "# absent du registre")}
Conforme :
```yaml
# ai-usage.yaml
tool:
  name: Microsoft 365 Copilot
  approved: m365-copilot
  region: FR
data:
  personal: false
  classification: internal
```

## Comment corriger
Passer l'usage sur un outil que le registre autorise pour ce type de données, envoyer des
données moins sensibles (retirer ou pseudonymiser les données personnelles), ou faire examiner
l'outil et l'ajouter au registre par ses responsables (souvent le DPO et le RSSI), puis le
référencer dans `tool.approved`.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 28(1)"),
    check=_check_tool_approved,
)

NO_APPROVED_TOOLS_REGISTRY = Rule(
    code="DAT003",
    name="no-approved-tools-registry",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="info",
    summary={
        "en": "Without an `approved_tools` registry, the tools receiving sensitive data cannot "
        "be checked.",
        "fr": "Sans registre `approved_tools`, les outils qui reçoivent des données sensibles ne "
        "peuvent pas être vérifiés.",
    },
    messages={
        "default": {
            "en": "no `approved_tools` registry is configured, so {count} uses sending personal "
            "or confidential data (the first is `{use_id}`) could not be checked: add "
            "`approved_tools` to the organisation's configuration",
            "fr": "aucun registre `approved_tools` n'est configuré : {count} usages qui envoient "
            "des données personnelles ou confidentielles (le premier est `{use_id}`) n'ont pas pu "
            "être vérifiés ; ajouter `approved_tools` à la configuration de l'organisation",
        },
        "one": {
            "en": "no `approved_tools` registry is configured, so use `{use_id}`, which sends "
            "personal or confidential data, could not be checked: add `approved_tools` to the "
            "organisation's configuration",
            "fr": "aucun registre `approved_tools` n'est configuré : l'usage `{use_id}`, qui "
            "envoie des données personnelles ou confidentielles, n'a pas pu être vérifié ; "
            "ajouter `approved_tools` à la configuration de l'organisation",
        },
    },
    docs={
        "en": """\
## What it does
When the configuration has no `approved_tools` key at all, and at least one use sends personal
data, special-category data or data classified `confidential` or `secret`, reports once per
manifest (at the first such use's `tool`) how many uses could not be checked by DAT002.
An empty registry (`approved_tools: []`) is a registry: then DAT002 applies.

## Why it matters
Private charter P3 ("no sensitive or personal data in tools that are not authorised") and public
charter S3. The linter can only enforce it against a list of authorised tools; without one,
this part of the charter goes unchecked, silently.

## Example
Failing (no `approved_tools` in `.charte-lint.yaml`):
```yaml
# ai-usage.yaml
tool:
  name: Mistral Le Chat Pro
data:
  personal: true
  legal_basis: legitimate_interests
```
Passing:
```yaml
# .charte-lint.yaml
approved_tools:
  - id: le-chat-pro
    name: Mistral Le Chat Pro
    vendor: Mistral AI
    data: [public, internal, confidential]
    personal_data: true
    special_data: false
    regions: [EU]
```

## How to fix
Add the organisation's list of authorised tools to `.charte-lint.yaml` (or `[tool.charte-lint]`
in `pyproject.toml`), shared across repositories with `extends:` if need be.
""",
        "fr": """\
## Ce que fait la règle
Lorsque la configuration n'a aucune clé `approved_tools` et qu'au moins un usage envoie des
données personnelles, des données sensibles ou des données classées `confidential` ou
`secret`, indique une seule fois par manifeste (sur le `tool` du premier de ces usages) combien
d'usages n'ont pas pu être vérifiés par DAT002. Un registre vide (`approved_tools: []`) reste un
registre : DAT002 s'applique alors.

## Pourquoi c'est important
Charte privée P3 (« pas de données sensibles ou personnelles injectées dans des outils non
autorisés ») et charte publique S3. L'outil ne peut le vérifier que par rapport à une liste des
outils autorisés ; sans elle, cette partie de la charte n'est pas contrôlée, sans que personne
ne le voie.

## Exemple
En échec (pas d'`approved_tools` dans `.charte-lint.yaml`) :
```yaml
# ai-usage.yaml
tool:
  name: Mistral Le Chat Pro
data:
  personal: true
  legal_basis: legitimate_interests
```
Conforme :
```yaml
# .charte-lint.yaml
approved_tools:
  - id: le-chat-pro
    name: Mistral Le Chat Pro
    vendor: Mistral AI
    data: [public, internal, confidential]
    personal_data: true
    special_data: false
    regions: [EU]
```

## Comment corriger
Ajouter la liste des outils autorisés par l'organisation à `.charte-lint.yaml` (ou à
`[tool.charte-lint]` dans `pyproject.toml`), partagée entre dépôts avec `extends:` au besoin.
""",
    },
    references=("Charte P3 / S3",),
    check=_check_registry_configured,
)


# DAT004 ------------------------------------------------------------------------------------


def _check_legitimate_interests(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if not is_public_body(manifest):
        return
    for pointer, use in ctx.uses():
        if get(use, "data.legal_basis") == "legitimate_interests":
            yield ctx.finding(f"{pointer}/data/legal_basis", use_id=use_id(use))


LEGITIMATE_INTERESTS_PUBLIC_BODY = Rule(
    code="DAT004",
    name="legitimate-interests-public-body",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "A public body cannot rely on legitimate interests for the processing it carries "
        "out in the performance of its tasks.",
        "fr": "Un organisme public ne peut pas invoquer l'intérêt légitime pour les traitements "
        "qu'il met en œuvre dans l'exécution de ses missions.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` of a public body relies on `legitimate_interests`, which GDPR "
            "Art. 6(1) excludes for processing by public authorities in the performance of their "
            "tasks: use `public_task` or `legal_obligation`",
            "fr": "l'usage `{use_id}` d'un organisme public repose sur `legitimate_interests`, que "
            "l'art. 6(1) du RGPD exclut pour les traitements des autorités publiques dans "
            "l'exécution de leurs missions : retenir `public_task` ou `legal_obligation`",
        }
    },
    docs={
        "en": """\
## What it does
Flags `data.legal_basis: legitimate_interests` when the organisation is a public body:
`organisation.sector: public_body`, or no `organisation.sector` under the public charter.
A private body running a public service (`private_public_service`) is left out.

## Why it matters
Private charter P3 and public charter S3 ("strict legal framework"). The GDPR (Art. 6(1),
second subparagraph) says that legitimate interests (point (f)) "shall not apply to processing
carried out by public authorities in the performance of their tasks". An AI use in a public body
almost always serves its tasks; its basis is then the public task (point (e)) or a legal
obligation (point (c)).

## Example
Failing:
```yaml
organisation:
  name: Ville de Saint-Aubin
  sector: public_body
# ...
    data:
      personal: true
      legal_basis: legitimate_interests
```
Passing:
```yaml
organisation:
  name: Ville de Saint-Aubin
  sector: public_body
# ...
    data:
      personal: true
      legal_basis: public_task
```

## How to fix
With the DPO, find the text that gives the body the task the use serves, and declare
`public_task` (or `legal_obligation`). In the rare case of a processing outside the body's tasks,
record a waiver that explains it.
""",
        "fr": """\
## Ce que fait la règle
Signale `data.legal_basis: legitimate_interests` lorsque l'organisation est un organisme
public : `organisation.sector: public_body`, ou pas d'`organisation.sector` avec la charte
publique. Un organisme privé chargé d'un service public (`private_public_service`) n'est pas
concerné.

## Pourquoi c'est important
Charte privée P3 et charte publique S3 (« cadre juridique strict »). Le RGPD (art. 6(1), second
alinéa) prévoit que l'intérêt légitime (point f) « ne s'applique pas au traitement effectué par
les autorités publiques dans l'exécution de leurs missions ». Un usage de l'IA dans un organisme
public sert presque toujours ses missions : sa base est alors la mission d'intérêt public
(point e) ou une obligation légale (point c).

## Exemple
En échec :
```yaml
organisation:
  name: Ville de Saint-Aubin
  sector: public_body
# ...
    data:
      personal: true
      legal_basis: legitimate_interests
```
Conforme :
```yaml
organisation:
  name: Ville de Saint-Aubin
  sector: public_body
# ...
    data:
      personal: true
      legal_basis: public_task
```

## Comment corriger
Avec le DPO, retrouver le texte qui confie à l'organisme la mission que sert l'usage, et déclarer
`public_task` (ou `legal_obligation`). Dans le cas rare d'un traitement étranger aux missions de
l'organisme, enregistrer une dérogation (`waivers`) qui l'explique.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 6(1), second alinéa"),
    check=_check_legitimate_interests,
)


# DAT005 ------------------------------------------------------------------------------------

_ART9_CATEGORIES = (
    "health",
    "ethnic_origin",
    "political",
    "religious",
    "union",
    "genetic",
    "biometric",
    "sex_life",
)


def _check_special_basis(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        special = strings(get(use, "data.special"))
        art9 = [category for category in _ART9_CATEGORIES if category in special]
        if art9 and is_blank(get(use, "data.special_basis")):
            yield ctx.finding(
                missing_pointer(pointer, use, "data.special_basis"),
                use_id=use_id(use),
                categories=", ".join(art9),
            )


SPECIAL_DATA_WITHOUT_BASIS = Rule(
    code="DAT005",
    name="special-data-without-basis",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "Special-category data need one of the exceptions of GDPR Art. 9(2).",
        "fr": "Les données sensibles exigent l'une des exceptions de l'art. 9(2) du RGPD.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` processes special-category data (`{categories}`) without "
            "`data.special_basis`: their processing is prohibited unless an exception of GDPR "
            "Art. 9(2) applies; declare it",
            "fr": "l'usage `{use_id}` traite des données sensibles (`{categories}`) sans "
            "`data.special_basis` : leur traitement est interdit sauf exception de l'art. 9(2) "
            "du RGPD ; la déclarer",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use whose `data.special` lists a category of GDPR Art. 9 (`health`, `ethnic_origin`,
`political`, `religious`, `union`, `genetic`, `biometric`, `sex_life`) and that declares no
`data.special_basis`. `criminal` alone does not trigger it: data on criminal convictions and
offences fall under Art. 10, not Art. 9, and the Art. 9(2) exceptions do not apply to them.

## Why it matters
Private charter P3 ("no sensitive data in tools that are not authorised", "GDPR compliance") and
public charter S3. The GDPR (Art. 9(1)) prohibits processing these data; Art. 9(2) lists the
exceptions (explicit consent, employment and social-security law, vital interests, data made
public by the person, legal claims, substantial public interest, health or social care, public
health, research). The legal basis of Art. 6 is needed too (DAT001).

## Example
Failing:
```yaml
data:
  personal: true
  special: [health]
  legal_basis: public_task
```
Passing:
```yaml
data:
  personal: true
  special: [health]
  legal_basis: public_task
  special_basis: health_care
```

## How to fix
With the DPO, find the Art. 9(2) exception the processing relies on and declare it in
`data.special_basis`. If none applies, the use must not process these data: remove them before
they reach the tool.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont `data.special` cite une catégorie de l'art. 9 du RGPD (`health`,
`ethnic_origin`, `political`, `religious`, `union`, `genetic`, `biometric`, `sex_life`) et qui
ne déclare pas de `data.special_basis`. `criminal` seul ne la déclenche pas : les données
relatives aux condamnations pénales et aux infractions relèvent de l'art. 10, pas de l'art. 9,
et les exceptions de l'art. 9(2) ne s'y appliquent pas.

## Pourquoi c'est important
Charte privée P3 (« pas de données sensibles dans des outils non autorisés », « conformité
RGPD ») et charte publique S3. Le RGPD (art. 9(1)) interdit le traitement de ces données ;
l'art. 9(2) en énumère les exceptions (consentement explicite, droit du travail et de la
sécurité sociale, intérêts vitaux, données rendues publiques par la personne, droits en justice,
intérêt public important, soins, santé publique, recherche). La base légale de l'art. 6 reste
nécessaire (DAT001).

## Exemple
En échec :
```yaml
data:
  personal: true
  special: [health]
  legal_basis: public_task
```
Conforme :
```yaml
data:
  personal: true
  special: [health]
  legal_basis: public_task
  special_basis: health_care
```

## Comment corriger
Avec le DPO, identifier l'exception de l'art. 9(2) sur laquelle repose le traitement et la
déclarer dans `data.special_basis`. Si aucune ne s'applique, l'usage ne doit pas traiter ces
données : les retirer avant qu'elles n'atteignent l'outil.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 9(1) et 9(2)", "RGPD, art. 10"),
    check=_check_special_basis,
)


# DAT006, DAT007 ----------------------------------------------------------------------------

_VULNERABLE_SUBJECTS = ("minors", "vulnerable", "patients", "staff", "candidates")
_ACCESS_DOMAINS = ("credit", "insurance", "public_benefits", "housing")
_GENERATIVE_CAPABILITIES = ("content_generation", "chatbot", "deepfake", "emotion_recognition")
_GENERATIVE_TASKS = ("drafting", "chat", "rag_qa", "image_generation", "agentic")

# Why a DPIA is mandatory (GDPR Art. 35(3), CNIL list) or expected (EDPB WP248 criteria).
_DPIA_LABELS = {
    "en": {
        "art35_3a": "profiling or scoring on which decisions with significant effects are based "
        "(Art. 35(3)(a))",
        "art35_3b": "large-scale special-category or criminal data (Art. 35(3)(b))",
        "cnil_hr": "profiling for human-resources management (CNIL list)",
        "cnil_staff_monitoring": "monitoring of employees (CNIL list)",
        "cnil_patients": "health data of patients (CNIL list)",
        "cnil_vulnerable": "biometric or genetic data of vulnerable persons (CNIL list)",
        "evaluation": "evaluation or scoring",
        "automated_decision": "automated decision with significant effect",
        "monitoring": "systematic monitoring",
        "sensitive": "special-category data",
        "large_scale": "large scale",
        "vulnerable": "vulnerable data subjects",
        "innovative": "innovative technology",
        "access": "access to a service or a right at stake",
    },
    "fr": {
        "art35_3a": "profilage ou notation fondant des décisions à effets importants "
        "(art. 35(3)(a))",
        "art35_3b": "données sensibles ou pénales à grande échelle (art. 35(3)(b))",
        "cnil_hr": "profilage à des fins de gestion des ressources humaines (liste CNIL)",
        "cnil_staff_monitoring": "surveillance des salariés ou agents (liste CNIL)",
        "cnil_patients": "données de santé de patients (liste CNIL)",
        "cnil_vulnerable": "données biométriques ou génétiques de personnes vulnérables "
        "(liste CNIL)",
        "evaluation": "évaluation ou notation",
        "automated_decision": "décision automatisée à effet important",
        "monitoring": "surveillance systématique",
        "sensitive": "données sensibles",
        "large_scale": "grande échelle",
        "vulnerable": "personnes vulnérables",
        "innovative": "technologie innovante",
        "access": "accès à un service ou à un droit en jeu",
    },
}


def _dpia_mandatory(use: Mapping[str, Any]) -> list[str]:
    """Why a DPIA is mandatory for the use: GDPR Art. 35(3) and the CNIL list (délib. 2018-327)."""
    capabilities = strings(use.get("capabilities"))
    special = strings(get(use, "data.special"))
    subjects = strings(get(use, "data.subjects"))
    scoring = "profiling" in capabilities or "scoring" in capabilities
    vulnerable = any(group in subjects for group in ("minors", "vulnerable", "patients"))
    reasons = []
    if (
        scoring
        and get(use, "decision.affects_individuals") is True
        and get(use, "decision.significant_effect") is True
    ):
        reasons.append("art35_3a")
    if special and get(use, "data.scale") == "large":
        reasons.append("art35_3b")
    if scoring and "employment" in strings(use.get("domain")):
        reasons.append("cnil_hr")
    if "monitoring" in capabilities and "staff" in subjects:
        reasons.append("cnil_staff_monitoring")
    if "health" in special and "patients" in subjects:
        reasons.append("cnil_patients")
    biometric = (
        "biometric" in special or "genetic" in special or "biometric_identification" in capabilities
    )
    if biometric and vulnerable:
        reasons.append("cnil_vulnerable")
    return reasons


def _dpia_criteria(use: Mapping[str, Any]) -> list[str]:
    """The EDPB (WP248) criteria the declared facts meet."""
    capabilities = strings(use.get("capabilities"))
    subjects = strings(get(use, "data.subjects"))
    affects = get(use, "decision.affects_individuals") is True
    criteria = []
    if "profiling" in capabilities or "scoring" in capabilities:
        criteria.append("evaluation")
    if (
        affects
        and get(use, "decision.significant_effect") is True
        and get(use, "decision.automation") in ("partial", "full")
    ):
        criteria.append("automated_decision")
    if "monitoring" in capabilities:
        criteria.append("monitoring")
    if strings(get(use, "data.special")):
        criteria.append("sensitive")
    if get(use, "data.scale") == "large":
        criteria.append("large_scale")
    if any(group in subjects for group in _VULNERABLE_SUBJECTS):
        criteria.append("vulnerable")
    if (
        any(capability in capabilities for capability in _GENERATIVE_CAPABILITIES)
        or use.get("task") in _GENERATIVE_TASKS
    ):
        criteria.append("innovative")
    if affects and any(domain in strings(use.get("domain")) for domain in _ACCESS_DOMAINS):
        criteria.append("access")
    return criteria


def _dpia_labels(keys: list[str], lang: str) -> str:
    labels = _DPIA_LABELS.get(lang, _DPIA_LABELS["en"])
    return (" ; " if lang == "fr" else "; ").join(labels[key] for key in keys)


def _dpia_status(use: Mapping[str, Any]) -> Any:
    dpia = get(use, "assessments.dpia")
    return dpia.get("status") if isinstance(dpia, Mapping) else None


def _check_dpia_missing(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        status = _dpia_status(use)
        if status in ("done", "todo"):
            continue
        where = (
            f"{pointer}/assessments/dpia/status"
            if status == "not_required"
            else missing_pointer(pointer, use, "assessments.dpia.status")
        )
        mandatory = _dpia_mandatory(use)
        if mandatory:
            yield ctx.finding(where, use_id=use_id(use), reasons=_dpia_labels(mandatory, ctx.lang))
            continue
        criteria = _dpia_criteria(use)
        if len(criteria) < 2:
            continue
        if status == "not_required":
            if is_blank(get(use, "assessments.dpia.reason")):
                yield ctx.finding(
                    where, "no_reason", use_id=use_id(use), reasons=_dpia_labels(criteria, ctx.lang)
                )
            continue
        yield ctx.finding(
            where, "criteria", use_id=use_id(use), reasons=_dpia_labels(criteria, ctx.lang)
        )


def _check_dpia_pending(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in ("pilot", "production") or _dpia_status(use) != "todo":
            continue
        if not processes_personal_data(use):
            continue
        mandatory = _dpia_mandatory(use)
        reasons = mandatory or _dpia_criteria(use)
        if mandatory or len(reasons) >= 2:
            yield ctx.finding(
                f"{pointer}/assessments/dpia/status",
                use_id=use_id(use),
                status=status,
                reasons=_dpia_labels(reasons, ctx.lang),
            )


_DPIA_WHAT_EN = """\
A DPIA is **mandatory** when the declared facts match GDPR Art. 35(3) or the CNIL list of
processing requiring one (délibération n° 2018-327):
- profiling or scoring (`capabilities`) with `decision.affects_individuals` and
  `decision.significant_effect` (Art. 35(3)(a));
- special-category or criminal data (`data.special`) with `data.scale: large` (Art. 35(3)(b));
- profiling or scoring in the `employment` domain (CNIL: profiling for HR management);
- `monitoring` of `staff` (CNIL: constant monitoring of employees' activity);
- `health` data of `patients` (CNIL: health data processed for patient care);
- biometric or genetic data, or biometric identification, about `minors`, `vulnerable` persons
  or `patients` (CNIL: genetic data of vulnerable persons, biometric identification including
  vulnerable persons).

It is **required in principle** when two or more of the EDPB criteria (WP248 rev.01) are met:
evaluation or scoring (`profiling`, `scoring`); automated decision with significant effect
(`partial` or `full` automation with `significant_effect`); systematic monitoring
(`monitoring`); special-category data; large scale (`data.scale: large`); vulnerable data
subjects (`minors`, `vulnerable`, `patients`, and also `staff` and `candidates`, whom WP248
counts as vulnerable because of the imbalance of power with the employer); innovative technology
(generative AI: `content_generation`, `chatbot`, `deepfake`, emotion recognition, or the tasks
`drafting`, `chat`, `rag_qa`, `image_generation`, `agentic`); and a decision about people in the
`credit`, `insurance`, `public_benefits` or `housing` domains (access to a service or a right).
Matching or combining datasets cannot be read from the manifest and is not counted; neither is
Art. 35(3)(c) (monitoring of publicly accessible areas)."""

_DPIA_WHAT_FR = """\
Une AIPD est **obligatoire** lorsque les faits déclarés correspondent à l'art. 35(3) du RGPD ou
à la liste CNIL des traitements qui en exigent une (délibération n° 2018-327) :
- profilage ou notation (`capabilities`) avec `decision.affects_individuals` et
  `decision.significant_effect` (art. 35(3)(a)) ;
- données sensibles ou pénales (`data.special`) avec `data.scale: large` (art. 35(3)(b)) ;
- profilage ou notation dans le domaine `employment` (CNIL : profilage à des fins de gestion
  des ressources humaines) ;
- `monitoring` du personnel (`staff`) (CNIL : surveillance constante de l'activité des
  salariés) ;
- données de santé (`health`) de patients (`patients`) (CNIL : données de santé traitées pour la
  prise en charge des patients) ;
- données biométriques ou génétiques, ou identification biométrique, de mineurs (`minors`), de
  personnes vulnérables (`vulnerable`) ou de patients (CNIL : données génétiques de personnes
  vulnérables, identification biométrique incluant des personnes vulnérables).

Elle est **requise en principe** dès que deux critères du CEPD (WP248 rév. 01) sont réunis :
évaluation ou notation (`profiling`, `scoring`) ; décision automatisée à effet important
(automatisation `partial` ou `full` avec `significant_effect`) ; surveillance systématique
(`monitoring`) ; données sensibles ; grande échelle (`data.scale: large`) ; personnes
vulnérables (`minors`, `vulnerable`, `patients`, ainsi que `staff` et `candidates`, que le WP248
compte parmi les personnes vulnérables du fait du déséquilibre avec l'employeur) ; technologie
innovante (IA générative : `content_generation`, `chatbot`, `deepfake`, reconnaissance des
émotions, ou les tâches `drafting`, `chat`, `rag_qa`, `image_generation`, `agentic`) ; décision
sur des personnes dans les domaines `credit`, `insurance`, `public_benefits` ou `housing` (accès
à un service ou à un droit). Le croisement de jeux de données ne se lit pas dans le manifeste et
n'est pas compté, pas plus que l'art. 35(3)(c) (surveillance de zones accessibles au public)."""

DPIA_MISSING = Rule(
    code="DAT006",
    name="dpia-missing",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "A use whose facts call for a data protection impact assessment (DPIA) has one "
        "carried out or planned.",
        "fr": "Un usage dont les faits appellent une analyse d'impact relative à la protection "
        "des données (AIPD) en a une, réalisée ou prévue.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` requires a DPIA ({reasons}): carry it out before the processing "
            "and set `assessments.dpia.status: done` (GDPR Art. 35)",
            "fr": "l'usage `{use_id}` exige une AIPD ({reasons}) : la réaliser avant le traitement "
            "et indiquer `assessments.dpia.status: done` (RGPD, art. 35)",
        },
        "criteria": {
            "en": "use `{use_id}` meets several EDPB criteria for a DPIA ({reasons}): carry one "
            "out (`assessments.dpia`), or set `status: not_required` with the `reason`",
            "fr": "l'usage `{use_id}` réunit plusieurs critères du CEPD appelant une AIPD "
            "({reasons}) : en réaliser une (`assessments.dpia`), ou indiquer "
            "`status: not_required` avec la raison (`reason`)",
        },
        "no_reason": {
            "en": "use `{use_id}` declares its DPIA `not_required` without a `reason` although it "
            "meets several EDPB criteria ({reasons}): write down why no DPIA is needed",
            "fr": "l'usage `{use_id}` déclare son AIPD `not_required` sans raison (`reason`) alors "
            "qu'il réunit plusieurs critères du CEPD ({reasons}) : écrire pourquoi aucune AIPD "
            "n'est nécessaire",
        },
    },
    docs={
        "en": f"""\
## What it does
Flags a use that processes personal data and whose facts call for a DPIA, when
`assessments.dpia.status` is neither `done` nor `todo` (DAT007 follows up `todo`).

{_DPIA_WHAT_EN}

When the DPIA is mandatory, `not_required` is reported too. When it is only required in
principle, `not_required` is accepted with a `reason` (WP248 asks the controller to document why).

## Why it matters
Private charter P3 ("strict regulatory compliance, GDPR included") and public charter S3. The
GDPR (Art. 35(1)) requires an assessment **before** a processing likely to result in a high risk,
in particular with new technologies; Art. 35(3) and the CNIL list name cases where it is always
required, and the CNIL considers that meeting two EDPB criteria calls for one. Deployers of
high-risk AI systems use the provider's information to carry it out (AI Act Art. 26(9)).

## Example
Failing:
```yaml
domain: [employment]
capabilities: [scoring]
data:
  personal: true
  subjects: [candidates]
  legal_basis: legitimate_interests
```
Passing:
```yaml
domain: [employment]
capabilities: [scoring]
data:
  personal: true
  subjects: [candidates]
  legal_basis: legitimate_interests
assessments:
  dpia:
    status: done
    ref: AIPD-2026-04
    date: 2026-05-12
```

## How to fix
Carry out the DPIA with the DPO (the CNIL's PIA tool helps), then set `status: done` with its
`ref` and `date`; while it is under way, `status: todo`. If the DPIA is only required in
principle and you conclude it is not needed, set `status: not_required` and explain why in
`reason`.
""",
        "fr": f"""\
## Ce que fait la règle
Signale un usage qui traite des données personnelles et dont les faits appellent une AIPD,
lorsque `assessments.dpia.status` ne vaut ni `done` ni `todo` (DAT007 suit le cas `todo`).

{_DPIA_WHAT_FR}

Lorsque l'AIPD est obligatoire, `not_required` est aussi signalé. Lorsqu'elle n'est requise
qu'en principe, `not_required` est accepté avec une raison (`reason`) : le WP248 demande au
responsable du traitement de documenter pourquoi.

## Pourquoi c'est important
Charte privée P3 (« conformité réglementaire, dont RGPD ») et charte publique S3. Le RGPD
(art. 35(1)) impose une analyse **avant** tout traitement susceptible d'engendrer un risque
élevé, notamment avec de nouvelles technologies ; l'art. 35(3) et la liste de la CNIL désignent
des cas où elle est toujours exigée, et la CNIL considère que deux critères du CEPD réunis
appellent une AIPD. Les déployeurs de systèmes d'IA à haut risque s'appuient sur les
informations du fournisseur pour la réaliser (AI Act, art. 26(9)).

## Exemple
En échec :
```yaml
domain: [employment]
capabilities: [scoring]
data:
  personal: true
  subjects: [candidates]
  legal_basis: legitimate_interests
```
Conforme :
```yaml
domain: [employment]
capabilities: [scoring]
data:
  personal: true
  subjects: [candidates]
  legal_basis: legitimate_interests
assessments:
  dpia:
    status: done
    ref: AIPD-2026-04
    date: 2026-05-12
```

## Comment corriger
Réaliser l'AIPD avec le DPO (l'outil PIA de la CNIL y aide), puis indiquer `status: done` avec
sa référence (`ref`) et sa date ; tant qu'elle est en cours, `status: todo`. Si l'AIPD n'est
requise qu'en principe et que vous concluez qu'elle n'est pas nécessaire, indiquer
`status: not_required` et expliquer pourquoi dans `reason`.
""",
    },
    references=(
        "Charte P3 / S3",
        "RGPD, art. 35(1) et 35(3)",
        "CEPD, lignes directrices WP248 rév. 01 sur l'AIPD",
        "CNIL, délibération n° 2018-327 (liste des traitements soumis à AIPD)",
        "Règlement (UE) 2024/1689 (AI Act), art. 26(9)",
    ),
    check=_check_dpia_missing,
)

DPIA_PENDING = Rule(
    code="DAT007",
    name="dpia-pending",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="warning",
    summary={
        "en": "A use in pilot or production does not run while its required DPIA is still to "
        "be done.",
        "fr": "Un usage en expérimentation ou en production ne fonctionne pas alors que son AIPD "
        "requise reste à faire.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is in `{status}` while its DPIA is still `todo` ({reasons}): "
            "the assessment comes before the processing; finish it and set `status: done`",
            "fr": "l'usage `{use_id}` est en `{status}` alors que son AIPD est encore `todo` "
            "({reasons}) : l'analyse précède le traitement ; la terminer et indiquer "
            "`status: done`",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use in `pilot` or `production` that processes personal data, whose facts call for a
DPIA (the triggers of DAT006), and whose `assessments.dpia.status` is `todo`. Uses at the `idea`
or `design` stage are left out: that is when the DPIA is being written.

## Why it matters
Private charter P3 and public charter S3. The GDPR (Art. 35(1)) requires the assessment
**prior to** the processing: a pilot on real people's data is already a processing. It is a
warning rather than an error because the `todo` shows the assessment is under way.

## Example
Failing:
```yaml
status: pilot
capabilities: [scoring]
domain: [employment]
data:
  personal: true
assessments:
  dpia:
    status: todo
```
Passing:
```yaml
status: design
capabilities: [scoring]
domain: [employment]
data:
  personal: true
assessments:
  dpia:
    status: todo
```

## How to fix
Finish the DPIA and set `status: done` with its `ref` and `date`, or go back to `design` (and
stop processing real data) until it is done.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage en `pilot` ou en `production` qui traite des données personnelles, dont les
faits appellent une AIPD (les déclencheurs de DAT006) et dont `assessments.dpia.status` vaut
`todo`. Les usages au stade `idea` ou `design` ne sont pas concernés : c'est le moment où l'AIPD
s'écrit.

## Pourquoi c'est important
Charte privée P3 et charte publique S3. Le RGPD (art. 35(1)) impose l'analyse **avant** le
traitement : une expérimentation sur les données de vraies personnes est déjà un traitement.
C'est un avertissement plutôt qu'une erreur, car `todo` montre que l'analyse est engagée.

## Exemple
En échec :
```yaml
status: pilot
capabilities: [scoring]
domain: [employment]
data:
  personal: true
assessments:
  dpia:
    status: todo
```
Conforme :
```yaml
status: design
capabilities: [scoring]
domain: [employment]
data:
  personal: true
assessments:
  dpia:
    status: todo
```

## Comment corriger
Terminer l'AIPD et indiquer `status: done` avec sa référence (`ref`) et sa date, ou revenir au
stade `design` (et cesser de traiter des données réelles) jusqu'à ce qu'elle soit faite.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 35(1)"),
    check=_check_dpia_pending,
)


# DAT008 ------------------------------------------------------------------------------------

# Countries with an adequacy decision (GDPR Art. 45), besides the United States whose decision
# covers only organisations certified under the EU-US Data Privacy Framework (10 July 2023).
# Canada's covers commercial organisations only.
# fmt: off
_ADEQUATE = frozenset((
    "AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY",
))
# fmt: on


def _transfer_problem(country: str, mechanism: Any) -> str | None:
    """The message id for a transfer to `country` (outside the EEA) under `mechanism`."""
    if is_blank(mechanism):
        return "default"
    if mechanism == "adequacy" and country not in _ADEQUATE:
        return "us_adequacy" if country == "US" else "no_adequacy"
    if mechanism == "dpf" and country != "US":
        return "dpf_not_us"
    return None


def _check_transfers(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        transfers = as_list(get(use, "data.transfers"))
        declared = set()
        for index, transfer in enumerate(transfers):
            if not isinstance(transfer, Mapping) or not isinstance(transfer.get("country"), str):
                continue
            country = transfer["country"].upper()
            declared.add(country)
            if country in _EEA or country == "EEA":
                continue
            mechanism = transfer.get("mechanism")
            problem = _transfer_problem(country, mechanism)
            if problem is None:
                continue
            where = f"{pointer}/data/transfers/{index}"
            if "mechanism" in transfer:
                where += "/mechanism"
            yield ctx.finding(where, problem, use_id=use_id(use), country=country)
        region = get(use, "tool.region")
        if not isinstance(region, str):
            continue
        region = region.upper()
        if region in _EEA or region == "EEA" or region in _ADEQUATE or region in declared:
            continue
        yield ctx.finding(f"{pointer}/tool/region", "region", use_id=use_id(use), country=region)


TRANSFER_WITHOUT_SAFEGUARD = Rule(
    code="DAT008",
    name="transfer-without-safeguard",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "Personal data leave the European Economic Area only under a transfer mechanism "
        "of GDPR Chapter V.",
        "fr": "Les données personnelles ne quittent l'Espace économique européen qu'avec un "
        "instrument de transfert du chapitre V du RGPD.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` transfers personal data to `{country}` with no `mechanism`: "
            "name the GDPR Chapter V instrument (`adequacy`, `dpf`, `scc`, `bcr` or `derogation`)",
            "fr": "l'usage `{use_id}` transfère des données personnelles vers `{country}` sans "
            "`mechanism` : indiquer l'instrument du chapitre V du RGPD (`adequacy`, `dpf`, "
            "`scc`, `bcr` ou `derogation`)",
        },
        "no_adequacy": {
            "en": "use `{use_id}` relies on `adequacy` for `{country}`, which has no adequacy "
            "decision (GDPR Art. 45): use standard contractual clauses (`scc`) or another "
            "Art. 46-49 instrument",
            "fr": "l'usage `{use_id}` invoque `adequacy` pour `{country}`, qui ne bénéficie "
            "d'aucune décision d'adéquation (RGPD, art. 45) : recourir aux clauses contractuelles "
            "types (`scc`) ou à un autre instrument des art. 46 à 49",
        },
        "us_adequacy": {
            "en": "use `{use_id}` relies on `adequacy` for `US`, where the adequacy decision "
            "covers only organisations certified under the Data Privacy Framework: declare `dpf` "
            "if the recipient is certified, `scc` otherwise",
            "fr": "l'usage `{use_id}` invoque `adequacy` pour `US`, où la décision d'adéquation "
            "ne couvre que les organisations certifiées au Data Privacy Framework : déclarer "
            "`dpf` si le destinataire est certifié, `scc` sinon",
        },
        "dpf_not_us": {
            "en": "use `{use_id}` declares `dpf` for `{country}`, but the Data Privacy Framework "
            "only covers transfers to the United States: correct the mechanism",
            "fr": "l'usage `{use_id}` déclare `dpf` pour `{country}`, mais le Data Privacy "
            "Framework ne couvre que les transferts vers les États-Unis : corriger l'instrument",
        },
        "region": {
            "en": "use `{use_id}` has its personal data processed in `{country}` (`tool.region`), "
            "outside the EEA, with no entry for it in `data.transfers`: declare the transfer "
            "and its mechanism",
            "fr": "l'usage `{use_id}` fait traiter ses données personnelles en `{country}` "
            "(`tool.region`), hors de l'EEE, sans entrée correspondante dans `data.transfers` : "
            "déclarer le transfert et son instrument",
        },
    },
    docs={
        "en": """\
## What it does
For a use that processes personal data, flags:
- a `data.transfers` entry to a country outside the EEA with no `mechanism`;
- `mechanism: adequacy` for a country without an adequacy decision (the list kept here: Andorra,
  Argentina, Canada (commercial organisations), Faroe Islands, Guernsey, Israel, Isle of Man,
  Japan, Jersey, New Zealand, Republic of Korea, Switzerland, United Kingdom, Uruguay);
- `adequacy` for the United States, whose decision covers only organisations certified under
  the EU-US Data Privacy Framework (declare `dpf`), and `dpf` for any other country;
- a `tool.region` outside the EEA and the adequacy list with no `data.transfers` entry for it.

## Why it matters
Private charter P3 ("strict regulatory compliance, GDPR included") and public charter S3. The
GDPR (Art. 44) allows transfers outside the EEA only on an adequacy decision (Art. 45),
appropriate safeguards such as standard contractual clauses or binding corporate rules
(Art. 46, 47), or a derogation for specific situations (Art. 49).

## Example
Failing:
```yaml
tool:
  name: Assistant de rédaction
  region: US
data:
  personal: true
  legal_basis: contract
```
Passing:
```yaml
tool:
  name: Assistant de rédaction
  region: US
data:
  personal: true
  legal_basis: contract
  transfers:
    - country: US
      mechanism: dpf
```

## How to fix
Ask the vendor where the data are processed and under which instrument (its data processing
agreement says it), and declare each transfer in `data.transfers`. Better still, choose an EU
region when the vendor offers one.
""",
        "fr": """\
## Ce que fait la règle
Pour un usage qui traite des données personnelles, signale :
- une entrée de `data.transfers` vers un pays hors EEE sans `mechanism` ;
- `mechanism: adequacy` pour un pays sans décision d'adéquation (la liste tenue ici : Andorre,
  Argentine, Canada (organisations commerciales), îles Féroé, Guernesey, Israël, île de Man,
  Japon, Jersey, Nouvelle-Zélande, République de Corée, Suisse, Royaume-Uni, Uruguay) ;
- `adequacy` pour les États-Unis, dont la décision ne couvre que les organisations certifiées
  au Data Privacy Framework UE-États-Unis (déclarer `dpf`), et `dpf` pour tout autre pays ;
- une `tool.region` hors EEE et hors de la liste d'adéquation sans entrée correspondante dans
  `data.transfers`.

## Pourquoi c'est important
Charte privée P3 (« conformité réglementaire, dont RGPD ») et charte publique S3. Le RGPD
(art. 44) n'autorise les transferts hors EEE que sur décision d'adéquation (art. 45), avec des
garanties appropriées comme les clauses contractuelles types ou les règles d'entreprise
contraignantes (art. 46, 47), ou par dérogation dans des situations particulières (art. 49).

## Exemple
En échec :
```yaml
tool:
  name: Assistant de rédaction
  region: US
data:
  personal: true
  legal_basis: contract
```
Conforme :
```yaml
tool:
  name: Assistant de rédaction
  region: US
data:
  personal: true
  legal_basis: contract
  transfers:
    - country: US
      mechanism: dpf
```

## Comment corriger
Demander au fournisseur où les données sont traitées et sous quel instrument (son contrat de
sous-traitance l'indique), et déclarer chaque transfert dans `data.transfers`. Mieux encore,
choisir une région de l'UE quand le fournisseur en propose une.
""",
    },
    references=(
        "Charte P3 / S3",
        "RGPD, art. 44 à 49",
        "Décision d'adéquation UE-États-Unis (Data Privacy Framework) du 10 juillet 2023",
    ),
    check=_check_transfers,
)


# DAT009 ------------------------------------------------------------------------------------


def _check_retention(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired" or not processes_personal_data(use):
            continue
        yield from if_missing(ctx, pointer, use, "data.retention")


RETENTION_MISSING = Rule(
    code="DAT009",
    name="retention-missing",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="warning",
    summary={
        "en": "A use that processes personal data says how long they are kept.",
        "fr": "Un usage qui traite des données personnelles indique combien de temps elles sont "
        "conservées.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` processes personal data without `data.retention`: state how "
            "long the tool and its logs keep them (an ISO 8601 duration such as `P30D`)",
            "fr": "l'usage `{use_id}` traite des données personnelles sans `data.retention` : "
            "indiquer combien de temps l'outil et ses journaux les conservent (une durée ISO 8601 "
            "comme `P30D`)",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use that processes personal data (`data.personal: true`, or `data.special`) and
declares no `data.retention`. Retired uses are left out.

## Why it matters
Private charter P3 and public charter S3 ("limit collection"). The GDPR's storage limitation
principle (Art. 5(1)(e)) says personal data are kept no longer than necessary, and the record of
processing activities gives, where possible, the time limits for erasure (Art. 30(1)(f)). AI
tools keep prompts, conversations and logs: how long is part of the choice of the tool. It is a
warning: the period may exist elsewhere (the record of processing) without being declared here.

## Example
Failing:
```yaml
data:
  personal: true
  legal_basis: contract
```
Passing:
```yaml
data:
  personal: true
  legal_basis: contract
  retention: P30D
```

## How to fix
Find how long the tool keeps inputs, outputs and logs (the vendor's documentation or contract),
set it to the shortest period the use needs, and declare it in `data.retention`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage qui traite des données personnelles (`data.personal: true`, ou
`data.special`) sans déclarer `data.retention`. Les usages retirés (`retired`) ne sont pas
concernés.

## Pourquoi c'est important
Charte privée P3 et charte publique S3 (« limiter les collectes »). Le principe de limitation de
la conservation du RGPD (art. 5(1)(e)) veut que les données personnelles ne soient pas gardées
plus longtemps que nécessaire, et le registre des traitements indique, si possible, les délais
d'effacement (art. 30(1)(f)). Les outils d'IA conservent requêtes, conversations et journaux :
leur durée fait partie du choix de l'outil. C'est un avertissement : la durée peut figurer
ailleurs (au registre des traitements) sans être déclarée ici.

## Exemple
En échec :
```yaml
data:
  personal: true
  legal_basis: contract
```
Conforme :
```yaml
data:
  personal: true
  legal_basis: contract
  retention: P30D
```

## Comment corriger
Vérifier combien de temps l'outil garde les entrées, les sorties et les journaux (documentation
ou contrat du fournisseur), la ramener à la plus courte durée utile et la déclarer dans
`data.retention`.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 5(1)(e)", "RGPD, art. 30(1)(f)"),
    check=_check_retention,
)


# DAT010 ------------------------------------------------------------------------------------

_PROCESSOR_HOSTING = ("saas", "private_cloud")


def _check_processor_contract(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        hosting = get(use, "tool.hosting")
        if hosting not in _PROCESSOR_HOSTING or not processes_personal_data(use):
            continue
        if get(use, "tool.contract") is not True:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.contract"), use_id=use_id(use), hosting=hosting
            )


PROCESSOR_WITHOUT_CONTRACT = Rule(
    code="DAT010",
    name="processor-without-contract",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "Personal data go to a hosted tool only under a signed processing agreement.",
        "fr": "Les données personnelles ne vont dans un outil hébergé qu'avec un contrat de "
        "sous-traitance signé.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` sends personal data to a `{hosting}` tool without a signed "
            "processing agreement (`tool.contract: true`): sign the vendor's data processing "
            "agreement (GDPR Art. 28(3)) before sending any",
            "fr": "l'usage `{use_id}` envoie des données personnelles à un outil `{hosting}` sans "
            "contrat de sous-traitance signé (`tool.contract: true`) : signer l'accord de "
            "traitement des données du fournisseur (RGPD, art. 28(3)) avant tout envoi",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use that processes personal data with a tool hosted by someone else
(`tool.hosting: saas` or `private_cloud`) when `tool.contract` is not `true`. Self-hosted and
on-device tools, and tools whose hosting is not declared, are left out.

## Why it matters
Private charter P3 ("no personal data in tools that are not authorised") and public charter S3.
A vendor that processes personal data on the organisation's behalf is a processor: the GDPR
(Art. 28(3)) requires a contract binding it to act only on documented instructions, keep the
data confidential and secure, help with data subjects' rights, and delete or return the data at
the end. A personal subscription accepted with a click is not such a contract.

## Example
Failing:
```yaml
tool:
  name: ChatGPT Plus
  hosting: saas
data:
  personal: true
  legal_basis: legitimate_interests
```
Passing:
```yaml
tool:
  name: ChatGPT Enterprise
  hosting: saas
  contract: true
data:
  personal: true
  legal_basis: legitimate_interests
```

## How to fix
Have the purchasing department and the DPO sign the vendor's data processing agreement (often
offered only with business plans), then set `tool.contract: true`; until then, send no personal
data.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage qui traite des données personnelles avec un outil hébergé par un tiers
(`tool.hosting: saas` ou `private_cloud`) lorsque `tool.contract` ne vaut pas `true`. Les outils
auto-hébergés ou embarqués, et ceux dont l'hébergement n'est pas déclaré, ne sont pas concernés.

## Pourquoi c'est important
Charte privée P3 (« pas de données personnelles dans des outils non autorisés ») et charte
publique S3. Un fournisseur qui traite des données personnelles pour le compte de
l'organisation est un sous-traitant : le RGPD (art. 28(3)) exige un contrat qui l'oblige à
n'agir que sur instruction documentée, à garder les données confidentielles et sûres, à aider à
l'exercice des droits des personnes, et à supprimer ou rendre les données en fin de contrat. Un
abonnement personnel accepté d'un clic n'est pas un tel contrat.

## Exemple
En échec :
```yaml
tool:
  name: ChatGPT Plus
  hosting: saas
data:
  personal: true
  legal_basis: legitimate_interests
```
Conforme :
```yaml
tool:
  name: ChatGPT Enterprise
  hosting: saas
  contract: true
data:
  personal: true
  legal_basis: legitimate_interests
```

## Comment corriger
Faire signer par les achats et le DPO l'accord de traitement des données du fournisseur (souvent
réservé aux offres entreprise), puis indiquer `tool.contract: true` ; d'ici là, n'envoyer aucune
donnée personnelle.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 28(3)"),
    check=_check_processor_contract,
)


# DAT011, DAT012 ----------------------------------------------------------------------------


def _saas_with_sensitive_data(use: Mapping[str, Any]) -> bool:
    return get(use, "tool.hosting") == "saas" and sends_sensitive_data(use)


def _check_trains_on_inputs(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if _saas_with_sensitive_data(use) and get(use, "tool.trains_on_inputs") is True:
            yield ctx.finding(
                f"{pointer}/tool/trains_on_inputs",
                use_id=use_id(use),
                data=_data_kind(use, ctx.lang),
            )


def _check_training_unknown(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not _saas_with_sensitive_data(use) or use.get("status") == "retired":
            continue
        tool = use.get("tool")
        if isinstance(tool, Mapping) and tool.get("trains_on_inputs") is None:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.trains_on_inputs"),
                use_id=use_id(use),
                data=_data_kind(use, ctx.lang),
            )


_TRAINING_EXAMPLE = """\
```yaml
tool:
  name: Assistant rédactionnel grand public
  hosting: saas
  trains_on_inputs: {value}
data:
  personal: true
  classification: confidential
```"""

VENDOR_TRAINS_ON_INPUTS = Rule(
    code="DAT011",
    name="vendor-trains-on-inputs",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "Personal or confidential data do not go to a SaaS tool whose vendor trains its "
        "models on them.",
        "fr": "Les données personnelles ou confidentielles ne vont pas dans un outil SaaS dont "
        "le fournisseur entraîne ses modèles avec.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` sends {data} to a SaaS tool whose vendor trains on inputs "
            "(`tool.trains_on_inputs: true`): turn training off (business plan or opt-out) or "
            "stop sending these data",
            "fr": "l'usage `{use_id}` envoie {data} à un outil SaaS dont le fournisseur "
            "s'entraîne sur les entrées (`tool.trains_on_inputs: true`) : désactiver "
            "l'entraînement (offre entreprise ou refus explicite) ou cesser d'envoyer ces données",
        }
    },
    docs={
        "en": f"""\
## What it does
Flags a SaaS tool (`tool.hosting: saas`) with `tool.trains_on_inputs: true` that receives
personal data, special-category data or data classified `{SENSITIVE_CLASSIFICATIONS[0]}` or
`{SENSITIVE_CLASSIFICATIONS[1]}`.

## Why it matters
Private charter P3 ("confidentiality", "no sensitive or personal data in tools that are not
authorised") and public charter S3. Data used to train a vendor's model leave the
organisation's control for good and may resurface in other customers' outputs. A vendor that
reuses personal data for its own purposes is no longer acting only on the controller's
instructions, as a processor must (GDPR Art. 28(3)(a)), and the reuse needs its own legal basis
(Art. 6).

## Example
Failing:
{_TRAINING_EXAMPLE.format(value="true")}
Passing:
{_TRAINING_EXAMPLE.format(value="false")}

## How to fix
Use a plan where the vendor contractually does not train on customer data (most business plans),
or switch the opt-out on and check it, then set `tool.trains_on_inputs: false`. Otherwise send
only public or internal data without personal data.
""",
        "fr": f"""\
## Ce que fait la règle
Signale un outil SaaS (`tool.hosting: saas`) avec `tool.trains_on_inputs: true` qui reçoit des
données personnelles, des données sensibles ou des données classées
`{SENSITIVE_CLASSIFICATIONS[0]}` ou `{SENSITIVE_CLASSIFICATIONS[1]}`.

## Pourquoi c'est important
Charte privée P3 (« confidentialité », « pas de données sensibles ou personnelles dans des
outils non autorisés ») et charte publique S3. Les données qui servent à entraîner le modèle
d'un fournisseur échappent définitivement à l'organisation et peuvent ressortir dans les
réponses faites à d'autres clients. Un fournisseur qui réutilise des données personnelles pour
ses propres fins n'agit plus seulement sur instruction du responsable du traitement, comme doit
le faire un sous-traitant (RGPD, art. 28(3)(a)), et cette réutilisation exige sa propre base
légale (art. 6).

## Exemple
En échec :
{_TRAINING_EXAMPLE.format(value="true")}
Conforme :
{_TRAINING_EXAMPLE.format(value="false")}

## Comment corriger
Choisir une offre où le fournisseur s'engage par contrat à ne pas entraîner ses modèles sur les
données des clients (la plupart des offres entreprise), ou activer le refus et le vérifier, puis
indiquer `tool.trains_on_inputs: false`. Sinon, n'envoyer que des données publiques ou internes
sans données personnelles.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 28(3)(a)", "RGPD, art. 6(1)"),
    check=_check_trains_on_inputs,
)

TRAINING_ON_INPUTS_UNKNOWN = Rule(
    code="DAT012",
    name="training-on-inputs-unknown",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="warning",
    summary={
        "en": "Before sending personal or confidential data to a SaaS tool, find out whether "
        "the vendor trains on them.",
        "fr": "Avant d'envoyer des données personnelles ou confidentielles à un outil SaaS, "
        "vérifier si le fournisseur s'entraîne avec.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` sends {data} to a SaaS tool without saying whether the vendor "
            "trains on inputs: check the contract and set `tool.trains_on_inputs`",
            "fr": "l'usage `{use_id}` envoie {data} à un outil SaaS sans indiquer si le "
            "fournisseur s'entraîne sur les entrées : vérifier le contrat et renseigner "
            "`tool.trains_on_inputs`",
        }
    },
    docs={
        "en": """\
## What it does
Flags a SaaS tool (`tool.hosting: saas`) that receives personal data, special-category data or
data classified `confidential` or `secret` and has no `tool.trains_on_inputs` (absent means
unknown). Retired uses are left out.

## Why it matters
Private charter P3 and public charter S3: the organisation must know what happens to the data it
sends. Consumer plans of many AI tools train on inputs by default; not knowing is how
confidential data end up in a vendor's training set (DAT011 reports a known `true`). It is a
warning: the answer may well be `false`, it is just not declared.

## Example
Failing:
```yaml
tool:
  name: Assistant rédactionnel
  hosting: saas
data:
  personal: true
```
Passing:
```yaml
tool:
  name: Assistant rédactionnel
  hosting: saas
  trains_on_inputs: false
data:
  personal: true
```

## How to fix
Read the vendor's terms or data processing agreement (look for "training", "improve our
services") and declare the answer in `tool.trains_on_inputs`.
""",
        "fr": """\
## Ce que fait la règle
Signale un outil SaaS (`tool.hosting: saas`) qui reçoit des données personnelles, des données
sensibles ou des données classées `confidential` ou `secret` et ne déclare pas
`tool.trains_on_inputs` (absent veut dire inconnu). Les usages retirés ne sont pas concernés.

## Pourquoi c'est important
Charte privée P3 et charte publique S3 : l'organisation doit savoir ce que deviennent les
données qu'elle envoie. Les offres grand public de nombreux outils d'IA s'entraînent par défaut
sur les entrées ; l'ignorer, c'est ainsi que des données confidentielles finissent dans un
corpus d'entraînement (DAT011 signale un `true` connu). C'est un avertissement : la réponse est
peut-être `false`, elle n'est simplement pas déclarée.

## Exemple
En échec :
```yaml
tool:
  name: Assistant rédactionnel
  hosting: saas
data:
  personal: true
```
Conforme :
```yaml
tool:
  name: Assistant rédactionnel
  hosting: saas
  trains_on_inputs: false
data:
  personal: true
```

## Comment corriger
Lire les conditions du fournisseur ou son accord de traitement des données (chercher
« entraînement », « amélioration de nos services ») et déclarer la réponse dans
`tool.trains_on_inputs`.
""",
    },
    references=("Charte P3 / S3",),
    check=_check_training_unknown,
)


# DAT013 ------------------------------------------------------------------------------------

_DIGIT = re.compile(r"[0-9]")
_CANDIDATE = re.compile(r"[0-9@]")
_NIR_RE = re.compile(
    r"(?<![0-9A-Za-z])([1-478])\s?(\d{2})\s?(0[1-9]|1[0-2]|[2-9]\d)\s?(\d{2}|2[ABab])"
    r"\s?(\d{3})\s?(\d{3})\s?(\d{2})(?![0-9A-Za-z])"
)
_IBAN_RE = re.compile(r"(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_MOBILE_RE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[67](?:[\s.-]?\d{2}){4}(?!\d)"
)
_EMAIL_RE = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
# A person's address: `prenom.nom`, `p.nom`, `jean-marc.nom_2`, with no service word in it.
_PERSON_LOCAL_RE = re.compile(r"^[a-z]+(?:-[a-z]+)?[._][a-z]+(?:-[a-z]+)?\d*$")
# fmt: off
_WEBMAIL_DOMAINS = frozenset((
    "aol.com", "bbox.fr", "free.fr", "gmail.com", "gmx.com", "gmx.fr", "googlemail.com",
    "hotmail.com", "hotmail.fr", "icloud.com", "laposte.net", "live.com", "live.fr", "me.com",
    "msn.com", "neuf.fr", "orange.fr", "outlook.com", "outlook.fr", "proton.me",
    "protonmail.com", "sfr.fr", "wanadoo.fr", "yahoo.com", "yahoo.fr",
))
_SERVICE_WORDS = frozenset((
    "accessibilite", "accueil", "achats", "admin", "administration", "affaires", "agence",
    "agences", "agents", "ai", "alertes", "algorithmes", "archives", "assemblees",
    "assistance", "billing", "bureau", "cabinet", "candidats", "careers", "catalogue", "ccas",
    "cil", "citoyennete", "civil", "client", "clients", "commercial", "communication",
    "compliance", "compta", "comptabilite", "conformite", "contact", "courrier", "cse",
    "culture", "data", "dechets", "direction", "donnees", "dpd", "dpo", "drh", "dsi",
    "economie", "education", "elections", "emploi", "enfance", "environnement", "equipe",
    "etat", "evenements", "events", "facturation", "finance", "finances", "formation", "gdpr",
    "hello", "help", "helpdesk", "hr", "humaines", "ia", "info", "infos", "it", "jeunesse",
    "jobs", "juridique", "legal", "logistique", "mairie", "marches", "marketing", "media",
    "medias", "mediation", "mobilite", "mobilites", "municipale", "newsletter", "no",
    "noreply", "notifications", "numerique", "office", "paie", "partenaires", "personnel",
    "police", "population", "presse", "prestations", "privacy", "projets", "publics",
    "qualite", "reclamations", "recrutement", "relations", "reply", "ressources", "rgpd", "rh",
    "rssi", "sales", "scolaire", "scolaires", "secretariat", "securite", "security", "service",
    "services", "si", "social", "sociale", "sport", "sports", "stationnement", "support",
    "team", "technique", "techniques", "transport", "transports", "urbanisme", "usagers",
    "ventes", "voirie", "webmaster",
))
# fmt: on
_IBAN_LENGTHS = {
    "AT": 20,
    "BE": 16,
    "CH": 21,
    "DE": 22,
    "ES": 24,
    "FR": 27,
    "GB": 22,
    "IE": 22,
    "IT": 27,
    "LU": 20,
    "MC": 27,
    "NL": 18,
    "PT": 25,
}  # fmt: skip
# Where a named address is expected: contact fields, and who approved a waiver.
_CONTACT_FIELDS = re.compile(
    r"^/(?:organisation/dpo|uses/\d+/owner/contact|waivers/\d+/approved_by)$"
)
_PII_KINDS = {
    "en": {
        "nir": "a French social security number (NIR)",
        "iban": "a bank account number (IBAN)",
        "mobile": "a personal mobile phone number",
        "email": "a personal e-mail address",
    },
    "fr": {
        "nir": "un numéro de sécurité sociale (NIR)",
        "iban": "un numéro de compte bancaire (IBAN)",
        "mobile": "un numéro de téléphone mobile personnel",
        "email": "une adresse électronique personnelle",
    },
}


def _nir_is_valid(match: re.Match[str]) -> bool:
    sex, year, month, department, commune, order, key = match.groups()
    department = {"2A": "19", "2B": "18"}.get(department.upper(), department)
    number = int(sex + year + month + department + commune + order)
    return 97 - number % 97 == int(key)


def _iban_is_valid(text: str) -> bool:
    iban = text.replace(" ", "")
    expected = _IBAN_LENGTHS.get(iban[:2])
    if (expected is not None and len(iban) != expected) or not 15 <= len(iban) <= 34:
        return False
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _is_personal_email(address: str) -> bool:
    local, _, domain = address.lower().rpartition("@")
    if set(re.split(r"[._+-]", local)) & _SERVICE_WORDS:
        return False
    return domain in _WEBMAIL_DOMAINS or bool(_PERSON_LOCAL_RE.match(local))


def _mask(text: str, head: int, tail: int) -> str:
    """`text` with its letters and digits starred, except the first `head` and last `tail`."""
    positions = [i for i, char in enumerate(text) if char.isalnum()]
    hidden = set(positions[head : len(positions) - tail])
    return "".join("*" if i in hidden else char for i, char in enumerate(text))


def _mask_email(address: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{local[0]}***@{domain}"


def personal_data_in(text: str, email: bool = True) -> Iterator[tuple[str, str]]:
    """(kind, masked value) for each personal datum found in `text`: a NIR with a valid key, an
    IBAN with valid check digits, a French mobile number, a personal e-mail address."""
    if _DIGIT.search(text):
        for match in _NIR_RE.finditer(text):
            if _nir_is_valid(match):
                yield "nir", _mask(match.group(), 1, 2)
        for match in _IBAN_RE.finditer(text):
            if _iban_is_valid(match.group()):
                yield "iban", _mask(match.group(), 4, 2)
        for match in _MOBILE_RE.finditer(text):
            yield "mobile", _mask(match.group(), 2, 2)
    if email and "@" in text:
        for match in _EMAIL_RE.finditer(text):
            if _is_personal_email(match.group()):
                yield "email", _mask_email(match.group())


def _strings_of(manifest: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(JSON pointer, text) for every string value of the manifest that holds a digit or an `@`
    (nothing else can hold the personal data looked for), in document order."""
    found: list[tuple[str, str]] = []
    path: list[str] = []

    def visit(value: Any) -> None:
        children = (
            value.items()
            if type(value) is dict or isinstance(value, Mapping)
            else enumerate(value)
            if isinstance(value, list)
            else ()
        )
        for key, child in children:
            if isinstance(child, str):
                if _CANDIDATE.search(child):
                    token = str(key).replace("~", "~0").replace("/", "~1")
                    found.append(("".join(f"/{part}" for part in [*path, token]), child))
            elif type(child) in (dict, list) or isinstance(child, (Mapping, list)):
                path.append(str(key).replace("~", "~0").replace("/", "~1"))
                visit(child)
                path.pop()

    visit(manifest)
    return found


def _check_personal_data_in_manifest(
    manifest: Mapping[str, Any], ctx: RuleContext
) -> Iterator[Finding]:
    kinds = _PII_KINDS.get(ctx.lang, _PII_KINDS["en"])
    for pointer, text in _strings_of(manifest):
        email = not _CONTACT_FIELDS.match(pointer)
        for kind, masked in personal_data_in(text, email=email):
            yield ctx.finding(pointer, kind=kinds[kind], masked=masked)


PERSONAL_DATA_IN_MANIFEST = Rule(
    code="DAT013",
    name="personal-data-in-manifest",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    summary={
        "en": "The manifest itself holds no personal data: no social security number, IBAN, "
        "personal phone number or personal e-mail address.",
        "fr": "Le manifeste lui-même ne contient pas de données personnelles : ni numéro de "
        "sécurité sociale, ni IBAN, ni téléphone ou adresse électronique personnels.",
    },
    messages={
        "default": {
            "en": "this value holds {kind} (`{masked}`): personal data do not belong in the "
            "manifest, which is versioned and often published; remove it or name a role or a "
            "service instead",
            "fr": "cette valeur contient {kind} (`{masked}`) : les données personnelles n'ont "
            "pas leur place dans le manifeste, versionné et souvent publié ; la retirer ou "
            "désigner plutôt une fonction ou un service",
        }
    },
    docs={
        "en": """\
## What it does
Looks through every text value of the manifest for:
- a French social security number (NIR): 15 characters, spaces allowed, whose key is
  97 - (the first 13 digits mod 97), with `2A` and `2B` (Corsica) counted as 19 and 18;
- an IBAN whose check digits are valid (ISO 13616, mod 97) and whose length fits the country;
- a French mobile number (`06`, `07`, `+33 6`, `+33 7`, `0033 6`...). Landline numbers (01 to
  05, 09) are left alone: they are usually switchboards or services;
- a personal e-mail address: an address at a consumer webmail (gmail.com, orange.fr...) or
  shaped like `firstname.lastname@`, unless it holds a service word (`contact`, `dpo`, `rgpd`,
  `support`, `noreply`, `equipe`, `rh`...). Contact fields (`organisation.dpo`,
  `owner.contact`, a waiver's `approved_by`) are meant to give a way to reach someone and are
  not checked for e-mail addresses; a role address is still better there.

The finding shows the value masked: the full value is never printed.

## Why it matters
Private charter P3 ("confidentiality", "no personal data put into tools that are not
authorised") and public charter S3. The manifest is versioned, copied into CI logs and often
published; a social security number or an IBAN pasted into a description leaks there for good.
The GDPR requires personal data to be adequate and limited to what is necessary (Art. 5(1)(c))
and kept confidential (Art. 5(1)(f)).

## Example
Failing:
```yaml
description:
  does: >-
    Drafts the reply; example of input: M. Martin, 06 12 34 56 78,
    jean.martin@gmail.com.
```
Passing:
```yaml
description:
  does: >-
    Drafts the reply from the customer's message and order (name, phone and e-mail are
    removed before sending).
owner:
  contact: service-client@exemple.fr
```

## How to fix
Remove the value from the manifest (and from the repository history if it was committed), and
describe the data instead of quoting them; for contacts, use a role or service address.
""",
        "fr": """\
## Ce que fait la règle
Cherche dans chaque valeur textuelle du manifeste :
- un numéro de sécurité sociale (NIR) : 15 caractères, espaces admises, dont la clé vaut
  97 - (les 13 premiers chiffres modulo 97), `2A` et `2B` (Corse) comptant pour 19 et 18 ;
- un IBAN dont la clé de contrôle est valide (ISO 13616, modulo 97) et la longueur conforme au
  pays ;
- un numéro de mobile français (`06`, `07`, `+33 6`, `+33 7`, `0033 6`...). Les numéros fixes
  (01 à 05, 09) ne sont pas signalés : ce sont en général des standards ou des services ;
- une adresse électronique personnelle : une adresse de messagerie grand public (gmail.com,
  orange.fr...) ou de la forme `prenom.nom@`, sauf si elle contient un mot de service
  (`contact`, `dpo`, `rgpd`, `support`, `noreply`, `equipe`, `rh`...). Les champs de contact
  (`organisation.dpo`, `owner.contact`, le `approved_by` d'une dérogation) servent à joindre
  quelqu'un et ne sont pas vérifiés pour les adresses électroniques ; une adresse fonctionnelle
  y reste préférable.

L'alerte montre la valeur masquée : la valeur complète n'est jamais affichée.

## Pourquoi c'est important
Charte privée P3 (« confidentialité », « pas de données personnelles injectées dans des outils
non autorisés ») et charte publique S3. Le manifeste est versionné, recopié dans les journaux
d'intégration continue et souvent publié ; un numéro de sécurité sociale ou un IBAN collé dans
une description y fuit pour de bon. Le RGPD exige des données adéquates et limitées au
nécessaire (art. 5(1)(c)) et confidentielles (art. 5(1)(f)).

## Exemple
En échec :
```yaml
description:
  does: >-
    Rédige la réponse ; exemple d'entrée : M. Martin, 06 12 34 56 78,
    jean.martin@gmail.com.
```
Conforme :
```yaml
description:
  does: >-
    Rédige la réponse à partir du message et de la commande du client (nom, téléphone et
    adresse électronique retirés avant l'envoi).
owner:
  contact: service-client@exemple.fr
```

## Comment corriger
Retirer la valeur du manifeste (et de l'historique du dépôt si elle a été validée), et décrire
les données plutôt que les citer ; pour les contacts, utiliser une adresse de fonction ou de
service.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 5(1)(c) et 5(1)(f)"),
    check=_check_personal_data_in_manifest,
)


# DAT014 ------------------------------------------------------------------------------------


def _check_criminal_data(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    sector = get(manifest, "organisation.sector")
    private = sector == "private" or (sector is None and manifest.get("charter") == "private")
    if not private:
        return
    for pointer, use in ctx.uses():
        if "criminal" in strings(get(use, "data.special")) and use.get("status") != "retired":
            yield ctx.finding(f"{pointer}/data/special", use_id=use_id(use))


CRIMINAL_DATA_PRIVATE_BODY = Rule(
    code="DAT014",
    name="criminal-data-private-body",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="warning",
    summary={
        "en": "A private organisation processes data on criminal convictions and offences only "
        "where a law authorises it.",
        "fr": "Un organisme privé ne traite des données relatives aux condamnations pénales et "
        "aux infractions que si la loi l'y autorise.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` processes data on criminal convictions or offences "
            "(`criminal`) in a private organisation: GDPR Art. 10 allows it only under the "
            "control of official authority or where a law authorises it with safeguards; check "
            "that one does, or remove these data",
            "fr": "l'usage `{use_id}` traite des données relatives aux condamnations pénales ou "
            "aux infractions (`criminal`) dans un organisme privé : l'art. 10 du RGPD ne le "
            "permet que sous le contrôle de l'autorité publique ou si une loi l'autorise avec des "
            "garanties ; vérifier qu'une loi l'autorise, ou retirer ces données",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use declaring `criminal` in `data.special` when the organisation is private
(`organisation.sector: private`, or no sector under the private charter). Retired uses are left
out. Public bodies and private bodies running a public service are left out: they may act under
the control of official authority.

## Why it matters
Private charter P3 ("no sensitive data in tools that are not authorised", "GDPR compliance").
Data relating to criminal convictions and offences are not special categories of Art. 9 but
have their own regime: the GDPR (Art. 10) allows their processing only under the control of
official authority or when Union or Member State law authorises it with appropriate safeguards;
the exceptions of Art. 9(2) (`data.special_basis`) do not apply. The manifest cannot show which
law applies, hence a warning.

## Example
Failing:
```yaml
data:
  personal: true
  special: [criminal]
  legal_basis: legitimate_interests
```
Passing:
```yaml
data:
  personal: true
  categories: [identité, parcours professionnel]
  legal_basis: legitimate_interests
```

## How to fix
With the DPO, find the text that authorises the organisation to process these data for this
purpose; if there is one, record a waiver that cites it. Otherwise remove these data before they
reach the tool (for instance, keep criminal-record extracts out of candidates' files).
""",
        "fr": """\
## Ce que fait la règle
Signale un usage qui déclare `criminal` dans `data.special` lorsque l'organisation est privée
(`organisation.sector: private`, ou pas de secteur avec la charte privée). Les usages retirés ne
sont pas concernés, pas plus que les organismes publics et les organismes privés chargés d'un
service public, qui peuvent agir sous le contrôle de l'autorité publique.

## Pourquoi c'est important
Charte privée P3 (« pas de données sensibles dans des outils non autorisés », « conformité
RGPD »). Les données relatives aux condamnations pénales et aux infractions ne sont pas des
catégories particulières de l'art. 9 mais relèvent d'un régime propre : le RGPD (art. 10) n'en
permet le traitement que sous le contrôle de l'autorité publique ou si le droit de l'Union ou
d'un État membre l'autorise avec des garanties appropriées ; les exceptions de l'art. 9(2)
(`data.special_basis`) ne s'y appliquent pas. Le manifeste ne dit pas quelle loi s'applique,
d'où un avertissement.

## Exemple
En échec :
```yaml
data:
  personal: true
  special: [criminal]
  legal_basis: legitimate_interests
```
Conforme :
```yaml
data:
  personal: true
  categories: [identité, parcours professionnel]
  legal_basis: legitimate_interests
```

## Comment corriger
Avec le DPO, identifier le texte qui autorise l'organisation à traiter ces données pour cette
finalité ; s'il existe, enregistrer une dérogation (`waivers`) qui le cite. Sinon, retirer ces
données avant qu'elles n'atteignent l'outil (par exemple, écarter les extraits de casier
judiciaire des dossiers de candidature).
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 10"),
    check=_check_criminal_data,
)


def _check_hard_coded_keys(repository: Repository, ctx: RuleContext) -> Iterator[Finding]:
    for evidence in repository.evidence:
        if evidence.kind != "api-key":
            continue
        yield ctx.finding_in_code(
            evidence,
            charter=repository.charter_at(evidence.file),
            provider=repository.provider_name(evidence.provider),
            key=evidence.secret or evidence.text,
        )


HARD_CODED_API_KEY = Rule(
    code="DAT015",
    name="hard-coded-api-key",
    principle="data",
    charters={"private": "P3", "public": "S3"},
    severity="error",
    scope="repository",
    summary={
        "en": "No AI provider's API key is written in the repository.",
        "fr": "Aucune clé d'API d'un fournisseur d'IA n'est écrite dans le dépôt.",
    },
    messages={
        "default": {
            "en": "hard-coded {provider} API key `{key}`: revoke it, then read it from the "
            "environment or a secret store",
            "fr": "clé d'API {provider} écrite en clair `{key}` : la révoquer, puis la lire "
            "depuis l'environnement ou un coffre à secrets",
        }
    },
    docs={
        "en": """\
## What it does
When a directory is linted, flags API keys of AI providers written in code, `.env` files and
configuration files: the formats of the signature catalogue (OpenAI `sk-proj-...`, Anthropic
`sk-ant-api03-...`, Hugging Face `hf_...`), and a key-like literal assigned to a key variable
(`MISTRAL_API_KEY=...`). Placeholders (`your-key-here`, `sk-...`, `changeme`) are not keys. The
key is never shown: only its first characters and its length.

## Why it matters
Charter P3 / S3 (data protection) and P8 / S9 (security): whoever reads the repository can send
data to the provider in the organisation's name and read what the account stores (files,
fine-tuning data, conversation logs). GDPR Art. 32 asks for measures that keep personal data
secure; a key in a repository is the opposite, and stays in its history after deletion.

## Example
Failing: `.env.example` is committed with a real key.
```yaml
# .env.example
MISTRAL_API_KEY=Zq8Xw2Lk5Rt9Yp3Vb6Nm1Hc4Jd7Fg0Sa
```
Passing: a placeholder, the real key kept in the secret store of the CI or the host.
```yaml
# .env.example
MISTRAL_API_KEY=your-key-here
```

## How to fix
Revoke the key in the provider's console first (it is in the git history), then read it from
the environment (`os.environ["MISTRAL_API_KEY"]`) or a secret manager, and commit only a
placeholder.
""",
        "fr": """\
## Ce que fait la règle
Quand un dossier est analysé, signale les clés d'API de fournisseurs d'IA écrites dans le code,
les fichiers `.env` et les fichiers de configuration : les formats du catalogue de signatures
(OpenAI `sk-proj-...`, Anthropic `sk-ant-api03-...`, Hugging Face `hf_...`), et une valeur qui a
l'allure d'une clé affectée à une variable de clé (`MISTRAL_API_KEY=...`). Les valeurs d'exemple
(`your-key-here`, `sk-...`, `changeme`) ne sont pas des clés. La clé n'est jamais affichée :
seulement ses premiers caractères et sa longueur.

## Pourquoi c'est important
Charte P3 / S3 (protection des données) et P8 / S9 (sécurité) : quiconque lit le dépôt peut
envoyer des données au fournisseur au nom de l'organisation et lire ce que le compte conserve
(fichiers, données d'affinage, historiques de conversation). Le RGPD (art. 32) demande des
mesures qui garantissent la sécurité des données personnelles ; une clé dans un dépôt est
l'inverse, et reste dans son historique après suppression.

## Exemple
En échec : `.env.example` est versionné avec une vraie clé.
```yaml
# .env.example
MISTRAL_API_KEY=Zq8Xw2Lk5Rt9Yp3Vb6Nm1Hc4Jd7Fg0Sa
```
Conforme : une valeur d'exemple, la vraie clé gardée dans le coffre à secrets de la CI ou de
l'hébergeur.
```yaml
# .env.example
MISTRAL_API_KEY=your-key-here
```

## Comment corriger
Révoquer d'abord la clé dans la console du fournisseur (elle est dans l'historique git), puis la
lire depuis l'environnement (`os.environ["MISTRAL_API_KEY"]`) ou un gestionnaire de secrets, et
ne versionner qu'une valeur d'exemple.
""",
    },
    references=("Charte P3 / S3", "RGPD, art. 32"),
    check=_check_hard_coded_keys,
)


RULES = [
    PERSONAL_DATA_WITHOUT_LEGAL_BASIS,
    TOOL_NOT_APPROVED,
    NO_APPROVED_TOOLS_REGISTRY,
    LEGITIMATE_INTERESTS_PUBLIC_BODY,
    SPECIAL_DATA_WITHOUT_BASIS,
    DPIA_MISSING,
    DPIA_PENDING,
    TRANSFER_WITHOUT_SAFEGUARD,
    RETENTION_MISSING,
    PROCESSOR_WITHOUT_CONTRACT,
    VENDOR_TRAINS_ON_INPUTS,
    TRAINING_ON_INPUTS_UNKNOWN,
    PERSONAL_DATA_IN_MANIFEST,
    CRIMINAL_DATA_PRIVATE_BODY,
    HARD_CODED_API_KEY,
]
