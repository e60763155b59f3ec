"""Rules for the `inclusion` principle: no discrimination, accessible to everyone (P5 / S4)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import LIVE_STATUSES, as_list, if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _missing_for_the_public(ctx: RuleContext, path: str) -> Iterator[Finding]:
    """Under the public charter, `path` missing from a live use whose audience is the public."""
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if "public" not in as_list(use.get("audience")) or status not in LIVE_STATUSES:
            continue
        yield from if_missing(ctx, pointer, use, path, status=status)


def _check_accessibility(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    return _missing_for_the_public(ctx, "inclusion.accessibility")


def _check_bias_testing(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        yield from if_missing(ctx, pointer, use, "inclusion.bias_testing")


PUBLIC_SERVICE_WITHOUT_ACCESSIBILITY = Rule(
    code="INC001",
    name="public-service-without-accessibility",
    principle="inclusion",
    charters={"public": "S4"},
    severity="warning",
    summary={
        "en": "A public service open to the public states its accessibility.",
        "fr": "Un service public ouvert au public déclare son accessibilité.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` serves the public (`audience: public`, `status: {status}`) "
            "without `inclusion.accessibility`: declare the RGAA conformance status and the "
            "accessibility statement",
            "fr": "l'usage `{use_id}` s'adresse au public (`audience: public`, "
            "`status: {status}`) sans `inclusion.accessibility` : déclarer l'état de conformité "
            "au RGAA et la déclaration d'accessibilité",
        }
    },
    docs={
        "en": """\
## What it does
Under the public charter, flags a use in `pilot` or `production` whose `audience` includes
`public` and that declares no `inclusion.accessibility`.

## Why it matters
Public charter S4: AI "stays accessible to every public". Public bodies' online services must be
accessible to people with disabilities (loi n° 2005-102 of 11 February 2005, art. 47), following
the RGAA (décret n° 2019-768), and publish an accessibility statement saying whether they are
fully, partially or not compliant. A chatbot or a form assistant on the town's website is such a
service.

## Example
Failing:
```yaml
status: production
audience: [public]
```
Passing:
```yaml
status: production
audience: [public]
inclusion:
  accessibility:
    standard: RGAA
    status: partial
    statement: https://www.example-mairie.fr/accessibilite
  alternative: Reception desk and phone line, Monday to Friday.
```

## How to fix
Have the service audited against the RGAA (or check it is covered by the site's audit), declare
the standard, the conformance status and the statement's address in
`inclusion.accessibility`, and keep a non-digital channel in `inclusion.alternative`.
""",
        "fr": """\
## Ce que fait la règle
Avec la charte publique, signale un usage en `pilot` ou `production` dont l'`audience`
comprend `public` et qui ne déclare pas d'`inclusion.accessibility`.

## Pourquoi c'est important
Charte publique S4 : l'IA « reste accessible à tous les publics ». Les services en ligne des
organismes publics doivent être accessibles aux personnes handicapées (loi n° 2005-102 du
11 février 2005, art. 47), selon le RGAA (décret n° 2019-768), et publier une déclaration
d'accessibilité indiquant s'ils sont totalement, partiellement ou non conformes. Un agent
conversationnel ou un assistant de formulaire sur le site de la mairie en fait partie.

## Exemple
En échec :
```yaml
status: production
audience: [public]
```
Conforme :
```yaml
status: production
audience: [public]
inclusion:
  accessibility:
    standard: RGAA
    status: partial
    statement: https://www.exemple-mairie.fr/accessibilite
  alternative: Accueil physique et téléphonique, du lundi au vendredi.
```

## Comment corriger
Faire auditer le service selon le RGAA (ou vérifier qu'il est couvert par l'audit du site),
déclarer le référentiel, l'état de conformité et l'adresse de la déclaration dans
`inclusion.accessibility`, et conserver un canal non numérique dans `inclusion.alternative`.
""",
    },
    references=("Charte S4", "Loi n° 2005-102, art. 47", "RGAA (décret n° 2019-768)"),
    check=_check_accessibility,
)

DECISION_WITHOUT_BIAS_TESTING = Rule(
    code="INC002",
    name="decision-without-bias-testing",
    principle="inclusion",
    charters={"private": "P5", "public": "S4"},
    severity="warning",
    summary={
        "en": "A use that informs decisions about people is tested for bias.",
        "fr": "Un usage qui sert à décider à propos de personnes est testé contre les biais.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` informs decisions about people "
            "(`decision.affects_individuals: true`) without `inclusion.bias_testing`: test its "
            "outputs for discrimination and record the date, method and result",
            "fr": "l'usage `{use_id}` sert à des décisions sur des personnes "
            "(`decision.affects_individuals: true`) sans `inclusion.bias_testing` : tester ses "
            "résultats pour détecter les discriminations et en consigner la date, la méthode et "
            "le résultat",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use whose outputs are used in decisions about identified people
(`decision.affects_individuals: true`) and that declares no `inclusion.bias_testing`.

## Why it matters
Private charter P5 (check that uses exclude no one and create no discrimination, internally or
towards clients) and public charter S4 (check that AI creates no discrimination). Models learn
from past data and can reproduce or amplify unequal treatment, as the Défenseur des droits and
the CNIL warned in "Algorithmes : prévenir l'automatisation des discriminations" (2020).
Checking it once, with a written method and result, is the least a decision about people needs.

## Example
Failing:
```yaml
decision:
  affects_individuals: true
  automation: assist
```
Passing:
```yaml
decision:
  affects_individuals: true
  automation: assist
inclusion:
  groups: [women, applicants over 50]
  bias_testing:
    date: 2026-09-15
    method: Compared shortlisting rates by sex and age band on 1,200 past applications.
    result: No gap above 5 points; re-run at each model change.
```

## How to fix
Compare the outputs across the groups that may be affected (sex, age, disability, origin,
place of residence...), record the date, method and result in `inclusion.bias_testing`, and
repeat the test when the model or the data change.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont les résultats servent à des décisions sur des personnes identifiées
(`decision.affects_individuals: true`) et qui ne déclare pas d'`inclusion.bias_testing`.

## Pourquoi c'est important
Charte privée P5 (vérifier que les usages n'excluent personne et ne créent pas de
discrimination, en interne ou vis-à-vis des clients) et charte publique S4 (vérifier que l'IA
ne crée pas de discrimination). Les modèles apprennent de données passées et peuvent reproduire
ou amplifier des inégalités de traitement, comme l'ont rappelé le Défenseur des droits et la
CNIL dans « Algorithmes : prévenir l'automatisation des discriminations » (2020). Le vérifier
au moins une fois, avec une méthode et un résultat écrits, est le minimum pour une décision qui
concerne des personnes.

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
  automation: assist
```
Conforme :
```yaml
decision:
  affects_individuals: true
  automation: assist
inclusion:
  groups: [femmes, candidats de plus de 50 ans]
  bias_testing:
    date: 2026-09-15
    method: Taux de présélection comparés par sexe et tranche d'âge sur 1 200 candidatures passées.
    result: Aucun écart supérieur à 5 points ; test refait à chaque changement de modèle.
```

## Comment corriger
Comparer les résultats entre les groupes susceptibles d'être touchés (sexe, âge, handicap,
origine, lieu de résidence...), consigner la date, la méthode et le résultat dans
`inclusion.bias_testing`, et refaire le test quand le modèle ou les données changent.
""",
    },
    references=(
        "Charte P5 / S4",
        "Défenseur des droits et CNIL, « Algorithmes : prévenir l'automatisation des "
        "discriminations » (2020)",
    ),
    check=_check_bias_testing,
)


_AT_RISK_SUBJECTS = ("minors", "vulnerable", "patients")


def _check_alternative(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    return _missing_for_the_public(ctx, "inclusion.alternative")


def _check_groups(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired" or get(use, "decision.affects_individuals") is not True:
            continue
        special = [item for item in as_list(get(use, "data.special")) if isinstance(item, str)]
        subjects = [s for s in as_list(get(use, "data.subjects")) if s in _AT_RISK_SUBJECTS]
        if not (special or subjects) or not is_blank(get(use, "inclusion.groups")):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "inclusion.groups"),
            use_id=use_id(use),
            facts=", ".join(f"`{item}`" for item in subjects + special),
        )


PUBLIC_SERVICE_WITHOUT_ALTERNATIVE = Rule(
    code="INC003",
    name="public-service-without-alternative",
    principle="inclusion",
    charters={"public": "S4"},
    severity="warning",
    summary={
        "en": "A public-facing AI service keeps a human or non-digital channel.",
        "fr": "Un service d'IA ouvert au public garde un canal humain ou non numérique.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) serves the public and has no "
            "`inclusion.alternative`: name the human or non-digital channel people can use "
            "instead",
            "fr": "l'usage `{use_id}` (`status: {status}`) s'adresse au public et n'a pas "
            "d'`inclusion.alternative` : indiquer le canal humain ou non numérique que les "
            "personnes peuvent utiliser à la place",
        }
    },
    docs={
        "en": """\\
## What it does
Under the public charter, flags a use in `pilot` or `production` whose `audience` includes
`public` and that gives no `inclusion.alternative`.

## Why it matters
Public charter S4 (inclusion: AI stays accessible to every public). Some residents cannot or
will not use a digital, automated channel: people far from digital tools, with some
disabilities, or with a situation the tool does not handle. The Défenseur des droits insists
that the dematerialisation of public services must keep another way of reaching them.

## Example
Failing:
```yaml
status: production
audience: [public]
```
Passing:
```yaml
status: production
audience: [public]
inclusion:
  alternative: Reception desk and phone line of the town hall, Monday to Saturday morning.
```

## How to fix
Keep (or open) a channel with a person, at a desk, by phone or by post, say where and when in
`inclusion.alternative`, and point to it from the AI service itself.
""",
        "fr": """\\
## Ce que fait la règle
Avec la charte publique, signale un usage en `pilot` ou en `production` dont l'`audience`
comprend `public` et qui ne donne pas d'`inclusion.alternative`.

## Pourquoi c'est important
Charte publique S4 (inclusion : l'IA reste accessible à tous les publics). Certains habitants ne
peuvent ou ne veulent pas passer par un canal numérique automatisé : personnes éloignées du
numérique, en situation de handicap, ou dont la situation sort de ce que l'outil traite. Le
Défenseur des droits rappelle que la dématérialisation des services publics doit garder un autre
moyen d'y accéder.

## Exemple
En échec :
```yaml
status: production
audience: [public]
```
Conforme :
```yaml
status: production
audience: [public]
inclusion:
  alternative: Accueil de la mairie et accueil téléphonique, du lundi au samedi matin.
```

## Comment corriger
Garder (ou ouvrir) un canal humain, au guichet, par téléphone ou par courrier, indiquer où et
quand dans `inclusion.alternative`, et le signaler depuis le service d'IA lui-même.
""",
    },
    references=(
        "Charte S4",
        "Défenseur des droits, « Dématérialisation des services publics : trois ans après » (2022)",
    ),
    check=_check_alternative,
)

VULNERABLE_PEOPLE_WITHOUT_GROUPS = Rule(
    code="INC004",
    name="vulnerable-people-without-groups",
    principle="inclusion",
    charters={"private": "P5", "public": "S4"},
    severity="warning",
    summary={
        "en": "Decisions about vulnerable people or on sensitive data name the groups at risk.",
        "fr": "Les décisions sur des personnes vulnérables ou des données sensibles nomment les "
        "groupes exposés.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is used in decisions about people and involves {facts}, but "
            "has no `inclusion.groups`: name the groups that could be excluded or treated "
            "unfairly",
            "fr": "l'usage `{use_id}` sert à des décisions sur des personnes et concerne "
            "{facts}, mais n'a pas d'`inclusion.groups` : nommer les groupes qui pourraient être "
            "exclus ou traités inéquitablement",
        }
    },
    docs={
        "en": """\\
## What it does
Flags a use, unless `retired`, that is used in decisions about people
(`decision.affects_individuals: true`), whose data concern `minors`, `vulnerable` people or
`patients` (`data.subjects`) or include special-category data (`data.special`), and that
names no `inclusion.groups`.

## Why it matters
Private charter P5 (no exclusion, no discrimination, internally or towards clients) and public
charter S4 (no discrimination). Children, vulnerable people, patients and people described by
health, origin or beliefs are those an automated decision harms most and most silently. Naming
these groups is the first step of any bias test or impact assessment (see `INC002`), which
the Défenseur des droits and the CNIL call for to prevent automated discrimination.

## Example
Failing:
```yaml
decision:
  affects_individuals: true
data:
  personal: true
  subjects: [public, minors]
```
Passing:
```yaml
decision:
  affects_individuals: true
data:
  personal: true
  subjects: [public, minors]
inclusion:
  groups: [single-parent families, pupils with disabilities, families without internet access]
```

## How to fix
With the service and, where possible, people from the groups concerned, list the groups that
the use could exclude or treat unfairly in `inclusion.groups`, and check the results for them.
""",
        "fr": """\\
## Ce que fait la règle
Signale un usage, sauf s'il est `retired`, qui sert à des décisions sur des personnes
(`decision.affects_individuals: true`), dont les données concernent des mineurs (`minors`), des
personnes vulnérables (`vulnerable`) ou des patients (`patients`) dans `data.subjects`, ou
comprennent des données sensibles (`data.special`), et qui ne nomme pas d'`inclusion.groups`.

## Pourquoi c'est important
Charte privée P5 (n'exclure personne, ne créer aucune discrimination, en interne comme envers
les clients) et charte publique S4 (aucune discrimination). Les enfants, les personnes
vulnérables, les patients et les personnes décrites par leur santé, leur origine ou leurs
convictions sont ceux qu'une décision automatisée pénalise le plus, et le plus discrètement.
Nommer ces groupes est la première étape de tout test de biais ou analyse d'impact (voir
`INC002`), que le Défenseur des droits et la CNIL demandent pour prévenir les discriminations
automatisées.

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
data:
  personal: true
  subjects: [public, minors]
```
Conforme :
```yaml
decision:
  affects_individuals: true
data:
  personal: true
  subjects: [public, minors]
inclusion:
  groups: [familles monoparentales, élèves en situation de handicap, familles sans internet]
```

## Comment corriger
Avec le service et, si possible, des personnes des groupes concernés, lister dans
`inclusion.groups` les groupes que l'usage pourrait exclure ou traiter inéquitablement, et
vérifier les résultats pour eux.
""",
    },
    references=(
        "Charte P5 / S4",
        "Défenseur des droits et CNIL, « Algorithmes : prévenir l'automatisation des "
        "discriminations » (2020)",
    ),
    check=_check_groups,
)


RULES = [
    PUBLIC_SERVICE_WITHOUT_ACCESSIBILITY,
    DECISION_WITHOUT_BIAS_TESTING,
    PUBLIC_SERVICE_WITHOUT_ALTERNATIVE,
    VULNERABLE_PEOPLE_WITHOUT_GROUPS,
]
