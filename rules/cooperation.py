"""Rules for the `cooperation` principle: share what was learned (P9 / S8)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _check_retired_lessons(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired" and is_blank(get(use, "cooperation.lessons")):
            yield ctx.finding(
                missing_pointer(pointer, use, "cooperation.lessons"), use_id=use_id(use)
            )


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

RULES = [RETIRED_WITHOUT_LESSONS]
