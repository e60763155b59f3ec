"""Rules for the `security` principle: keep checking the tools in use (P8; S9 in the public
charter, which folds security into continuous vigilance)."""

from __future__ import annotations

import datetime as dt

from charte_lint.api import Rule, duration_days, get, parse_date

from ._common import use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _cadence(value: Any) -> tuple[str, int] | None:
    days = duration_days(value) if isinstance(value, str) else None
    return (value, days) if days else None


def _check_review_overdue(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    default = _cadence(ctx.policy.review_every)
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            continue
        last = parse_date(get(use, "review.last"))
        cadence = _cadence(get(use, "review.every")) or default
        if last is None or cadence is None:
            continue
        if isinstance(last, dt.datetime):
            last = last.date()
        every, days = cadence
        try:
            due = last + dt.timedelta(days=days)
        except OverflowError:  # a review.last near year 9999
            continue
        if due < ctx.today:
            yield ctx.finding(
                f"{pointer}/review/last",
                use_id=use_id(use),
                last=last.isoformat(),
                due=due.isoformat(),
                every=every,
            )


REVIEW_OVERDUE = Rule(
    code="SEC001",
    name="review-overdue",
    principle="security",
    charters={"private": "P8", "public": "S9"},
    severity="warning",
    summary={
        "en": "Each use's declaration is reviewed at the agreed cadence.",
        "fr": "La déclaration de chaque usage est revue au rythme convenu.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` was last reviewed on {last} and was due for review on {due} "
            "(every `{every}`): review the use and update `review.last`",
            "fr": "l'usage `{use_id}` a été revu pour la dernière fois le {last} et devait l'être "
            "de nouveau le {due} (périodicité `{every}`) : revoir l'usage et mettre à jour "
            "`review.last`",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use, unless `retired`, whose last review (`review.last`) plus its cadence
(`review.every`, else the configuration's `review_every`, one year by default) falls before
today. The message gives the date the review was due. A use without `review.last` is not
flagged by this rule.

## Why it matters
Private charter P8 ("check the reliability of tools and stay alert to risks: generation errors,
hallucinations, technological dependency, cybersecurity") and public charter S9 (continuous
vigilance). Tools, models, vendors' terms and the use itself change; a declaration nobody has
looked at for more than its cadence no longer says what really happens.

## Example
Failing (today 2026-11-29):
```yaml
review:
  last: 2024-06-15
  every: P1Y
```
Passing:
```yaml
review:
  last: 2026-10-01
  every: P1Y
```

## How to fix
Review the use with its owner: is the declaration still true (tool, model, data, audience)?
are the risks still handled? Update what changed and set `review.last` to the review's date.
If the use has stopped, set `status: retired`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage, sauf s'il est `retired`, dont la dernière revue (`review.last`) augmentée de sa
périodicité (`review.every`, sinon le `review_every` de la configuration, un an par défaut) est
antérieure à aujourd'hui. Le message donne la date à laquelle la revue était due. Un usage sans
`review.last` n'est pas signalé par cette règle.

## Pourquoi c'est important
Charte privée P8 (« vérifier la fiabilité des outils et rester attentif aux risques : erreurs de
génération, hallucinations, dépendance technologique, cybersécurité ») et charte publique S9
(vigilance continue). Les outils, les modèles, les conditions des fournisseurs et l'usage lui-même
évoluent ; une déclaration que personne n'a relue depuis plus que sa périodicité ne dit plus ce
qui se passe réellement.

## Exemple
En échec (aujourd'hui 2026-11-29) :
```yaml
review:
  last: 2024-06-15
  every: P1Y
```
Conforme :
```yaml
review:
  last: 2026-10-01
  every: P1Y
```

## Comment corriger
Revoir l'usage avec son responsable : la déclaration est-elle toujours exacte (outil, modèle,
données, public) ? les risques sont-ils toujours traités ? Mettre à jour ce qui a changé et
porter la date de la revue dans `review.last`. Si l'usage a cessé, passer `status: retired`.
""",
    },
    references=("Charte P8 / S9",),
    check=_check_review_overdue,
)

RULES = [REVIEW_OVERDUE]
