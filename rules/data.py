"""Rules for the `data` principle: lawful processing, and no personal or sensitive data in tools
the organisation has not approved for it (P3 / S3)."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import Rule, get

from ._common import (
    as_list,
    is_blank,
    missing_pointer,
    sends_sensitive_data,
    use_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import ApprovedTool, Finding, RuleContext

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

RULES = [PERSONAL_DATA_WITHOUT_LEGAL_BASIS, TOOL_NOT_APPROVED, NO_APPROVED_TOOLS_REGISTRY]
