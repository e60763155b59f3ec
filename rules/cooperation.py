"""Rules for the `cooperation` principle: share what was learned (P9 / S8)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import as_list, if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _check_retired_lessons(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            yield from if_missing(ctx, pointer, use, "cooperation.lessons")


RETIRED_WITHOUT_LESSONS = Rule(
    code="COO001",
    name="retired-without-lessons",
    principle="cooperation",
    charters={"private": "P9", "public": "S8"},
    severity="info",
    summary={
        "en": "A retired use leaves behind what was learned from it.",
        "fr": "Un usage arrêté laisse les enseignements qu'on en a tirés.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is retired without `cooperation.lessons`: record what was "
            "learned, so that other teams and organisations can benefit from it",
            "fr": "l'usage `{use_id}` est arrêté sans `cooperation.lessons` : consigner les "
            "enseignements tirés, pour que d'autres équipes et organisations en profitent",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `status: retired` that declares no `cooperation.lessons`.

## Why it matters
Private charter P9 (teams exchange to use tools better and pool what they learn) and public
charter S8 (work with other organisations and experts to develop responsible practices). A use
that was stopped is the cheapest lesson there is: why it was started, what worked, why it ended.
Lost, the next team repeats the experiment.

## Example
Failing:
```yaml
status: retired
```
Passing:
```yaml
status: retired
cooperation:
  lessons: https://wiki.example.fr/ia/retours/tri-courriels-2025
  shared_in: [communauté IA interne]
```

## How to fix
Write a short note (why the use was started, what it brought, what went wrong, why it was
stopped) and give its text or address in `cooperation.lessons`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage en `status: retired` qui ne déclare pas de `cooperation.lessons`.

## Pourquoi c'est important
Charte privée P9 (échanger entre équipes pour mieux utiliser les outils et mutualiser les
apprentissages) et charte publique S8 (travailler avec d'autres organisations et des
expert·es pour développer des pratiques responsables). Un usage arrêté est l'enseignement le
moins coûteux qui soit : pourquoi il a été lancé, ce qui a marché, pourquoi il a pris fin. Perdu,
la prochaine équipe refera l'expérience.

## Exemple
En échec :
```yaml
status: retired
```
Conforme :
```yaml
status: retired
cooperation:
  lessons: https://wiki.exemple.fr/ia/retours/tri-courriels-2025
  shared_in: [communauté IA interne]
```

## Comment corriger
Rédiger une note courte (pourquoi l'usage a été lancé, ce qu'il a apporté, ce qui n'a pas
marché, pourquoi il a été arrêté) et en donner le texte ou l'adresse dans
`cooperation.lessons`.
""",
    },
    references=("Charte P9 / S8",),
    check=_check_retired_lessons,
)


def _check_shared(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") != "production":
            continue
        audience = as_list(use.get("audience"))
        reaches = (
            "public" in audience
            or "clients" in audience
            or get(use, "decision.affects_individuals") is True
            or get(use, "ai_act.category") == "high"
        )
        if not reaches:
            continue
        if is_blank(get(use, "cooperation.shared_in")) and is_blank(
            get(use, "cooperation.lessons")
        ):
            yield ctx.finding(
                missing_pointer(pointer, use, "cooperation.shared_in"), use_id=use_id(use)
            )


PRODUCTION_USE_NOT_SHARED = Rule(
    code="COO002",
    name="production-use-not-shared",
    principle="cooperation",
    charters={"private": "P9", "public": "S8"},
    severity="info",
    summary={
        "en": "A use in production that reaches people is shared beyond its team.",
        "fr": "Un usage en production qui touche des personnes est partagé au-delà de son équipe.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is in production for clients, the public or decisions about "
            "people, with neither `cooperation.shared_in` nor `cooperation.lessons`: say where "
            "its practice is shared",
            "fr": "l'usage `{use_id}` est en production pour des clients, le public ou des "
            "décisions sur des personnes, sans `cooperation.shared_in` ni "
            "`cooperation.lessons` : dire où sa pratique est partagée",
        }
    },
    docs={
        "en": """\\
## What it does
Flags a use with `status: production` whose `audience` includes `clients` or `public`, or that
is used in decisions about people (`decision.affects_individuals: true`), or that is declared
`ai_act.category: high`, when it gives neither `cooperation.shared_in` nor
`cooperation.lessons`. Internal low-risk tools are left out.

## Why it matters
Private charter P9 (teams exchange to use tools better and pool what they learn) and public
charter S8 (work with other organisations, experts and public-sector actors). The uses that
reach people are those whose prompts, safeguards and mistakes are most worth sharing, and for
which others' experience is most useful.

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
cooperation:
  shared_in: [community of local authorities using Albert]
```

## How to fix
Present the use in an internal community of practice, a network of peers or a public register,
and list those places in `cooperation.shared_in` (or link a write-up in `cooperation.lessons`).
""",
        "fr": """\\
## Ce que fait la règle
Signale un usage en `status: production` dont l'`audience` comprend `clients` ou `public`, ou
qui sert à des décisions sur des personnes (`decision.affects_individuals: true`), ou qui est
déclaré `ai_act.category: high`, lorsqu'il ne donne ni `cooperation.shared_in` ni
`cooperation.lessons`. Les outils internes à faible risque sont exclus.

## Pourquoi c'est important
Charte privée P9 (échanger entre équipes pour mieux utiliser les outils et mutualiser les
apprentissages) et charte publique S8 (travailler avec d'autres organisations, des expert·es et
des acteur·trices du secteur public). Les usages qui touchent des personnes sont ceux dont les
prompts, les garde-fous et les erreurs méritent le plus d'être partagés, et pour lesquels
l'expérience des autres est la plus utile.

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
cooperation:
  shared_in: [communauté des collectivités utilisatrices d'Albert]
```

## Comment corriger
Présenter l'usage dans une communauté de pratique interne, un réseau de pairs ou un registre
public, et lister ces lieux dans `cooperation.shared_in` (ou donner un retour d'expérience dans
`cooperation.lessons`).
""",
    },
    references=("Charte P9 / S8",),
    check=_check_shared,
)


RULES = [RETIRED_WITHOUT_LESSONS, PRODUCTION_USE_NOT_SHARED]
