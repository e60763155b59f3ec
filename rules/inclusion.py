"""Rules for the `inclusion` principle: no discrimination, accessible to everyone (P5 / S4)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import as_list, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext

_LIVE_STATUSES = ("pilot", "production")


def _check_accessibility(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if "public" not in as_list(use.get("audience")) or status not in _LIVE_STATUSES:
            continue
        if is_blank(get(use, "inclusion.accessibility")):
            yield ctx.finding(
                missing_pointer(pointer, use, "inclusion.accessibility"),
                use_id=use_id(use),
                status=status,
            )


def _check_bias_testing(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if is_blank(get(use, "inclusion.bias_testing")):
            yield ctx.finding(
                missing_pointer(pointer, use, "inclusion.bias_testing"), use_id=use_id(use)
            )


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

RULES = [PUBLIC_SERVICE_WITHOUT_ACCESSIBILITY, DECISION_WITHOUT_BIAS_TESTING]
