"""Rules for the `security` principle: keep checking the tools in use (P8; S9 in the public
charter, which folds security into continuous vigilance)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from charte_lint.api import Rule, duration_days, get, parse_date

from ._common import is_blank, missing_pointer, use_id
from .vigilance import high_risk_points

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
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


def _check_exit_plan(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") != "production" or get(use, "tool.hosting") != "saas":
            continue
        if is_blank(get(use, "tool.exit_plan")):
            tool = get(use, "tool.name")
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.exit_plan"),
                use_id=use_id(use),
                tool=tool.strip() if isinstance(tool, str) and tool.strip() else "?",
            )


SAAS_WITHOUT_EXIT_PLAN = Rule(
    code="SEC002",
    name="saas-without-exit-plan",
    principle="security",
    charters={"private": "P8", "public": "S9"},
    severity="warning",
    summary={
        "en": "A use in production on a SaaS tool says how to do without the tool.",
        "fr": "Un usage en production sur un outil SaaS dit comment se passer de l'outil.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` runs in production on `{tool}`, a SaaS tool, with no "
            "`tool.exit_plan`: say how the work would go on if the tool stopped or changed "
            "its terms",
            "fr": "l'usage `{use_id}` est en production sur `{tool}`, un outil SaaS, sans "
            "`tool.exit_plan` : dire comment le travail continuerait si l'outil s'arrêtait ou "
            "changeait ses conditions",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `status: production` and `tool.hosting: saas` that gives no `tool.exit_plan`.

## Why it matters
Private charter P8 names technological dependency among the risks to watch; public charter S9
asks to assess the risks for the public service before and during a project. A SaaS tool can
change its prices, models or terms, suffer an outage, or disappear; a use in production needs a
known way to keep the work going (a manual procedure, another tool, data in an open format).

## Example
Failing:
```yaml
status: production
tool:
  name: Microsoft 365 Copilot
  hosting: saas
```
Passing:
```yaml
status: production
tool:
  name: Microsoft 365 Copilot
  hosting: saas
  exit_plan: The procedures stay on SharePoint and its search; nothing depends on Copilot.
```

## How to fix
Write down, in a sentence or two, how the team would work without the tool, what data or
prompts would need to be taken out, and in what format, and put it in `tool.exit_plan`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage en `status: production` avec `tool.hosting: saas` qui ne donne pas de
`tool.exit_plan`.

## Pourquoi c'est important
La charte privée P8 cite la dépendance technologique parmi les risques à surveiller ; la charte
publique S9 demande d'évaluer les risques pour le service public avant et pendant un projet. Un
outil SaaS peut changer de prix, de modèle ou de conditions, tomber en panne ou disparaître ; un
usage en production a besoin d'un moyen connu de poursuivre le travail (procédure manuelle,
autre outil, données dans un format ouvert).

## Exemple
En échec :
```yaml
status: production
tool:
  name: Microsoft 365 Copilot
  hosting: saas
```
Conforme :
```yaml
status: production
tool:
  name: Microsoft 365 Copilot
  hosting: saas
  exit_plan: Les procédures restent sur SharePoint ; rien ne dépend de Copilot.
```

## Comment corriger
Écrire, en une ou deux phrases, comment l'équipe travaillerait sans l'outil, quelles données ou
quels prompts il faudrait récupérer, et dans quel format, et le porter dans `tool.exit_plan`.
""",
    },
    references=("Charte P8 / S9",),
    check=_check_exit_plan,
)


def _check_risks(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") in ("idea", "retired"):
            continue
        high_risk = high_risk_points(use, manifest, ctx.shared) is not None
        if not high_risk and get(use, "decision.affects_individuals") is not True:
            continue
        why = _WHY[ctx.lang][high_risk]
        risks = use.get("risks")
        if is_blank(risks) or not isinstance(risks, list):
            yield ctx.finding(
                f"{pointer}/risks" if "risks" in use else pointer, use_id=use_id(use), why=why
            )
            continue
        for index, risk in enumerate(risks):
            if isinstance(risk, Mapping) and is_blank(risk.get("mitigation")):
                name = risk.get("risk")
                yield ctx.finding(
                    f"{pointer}/risks/{index}",
                    "unmitigated",
                    use_id=use_id(use),
                    why=why,
                    risk=name.strip() if isinstance(name, str) and name.strip() else "?",
                )


_WHY = {
    "en": {True: "a high-risk system", False: "used in decisions about people"},
    "fr": {True: "un système à haut risque", False: "utilisé pour des décisions sur des personnes"},
}

RISKS_NOT_HANDLED = Rule(
    code="SEC003",
    name="risks-not-handled",
    principle="security",
    charters={"private": "P8", "public": "S9"},
    severity="warning",
    summary={
        "en": "A use that weighs on people lists its risks, each with a mitigation.",
        "fr": "Un usage qui pèse sur des personnes liste ses risques, chacun avec une parade.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is {why} and lists no `risks`: name its risks (errors, bias, "
            "data leaks, dependency...) and how each is mitigated",
            "fr": "l'usage `{use_id}` est {why} et ne liste aucun risque (`risks`) : nommer ses "
            "risques (erreurs, biais, fuites de données, dépendance...) et la parade à chacun",
        },
        "unmitigated": {
            "en": "use `{use_id}` is {why} and gives no `mitigation` for its risk `{risk}`: say "
            "how the risk is reduced or watched",
            "fr": "l'usage `{use_id}` est {why} et ne donne pas de `mitigation` pour son risque "
            "`{risk}` : dire comment le risque est réduit ou surveillé",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use in `design`, `pilot` or `production` that is high-risk under the AI Act (declared
`ai_act.category: high`, or placed in Annex III by its facts as in `VIG003`) or that is used in
decisions about people (`decision.affects_individuals: true`), when it lists no `risks`, and each
listed risk that has no `mitigation`.

## Why it matters
Private charter P8 ("stay alert to the risks: generation errors, hallucinations, technological
dependency, cybersecurity") and public charter S9 (assess the risks before any project). When
the output weighs on people, an error or a bias is a harm to someone; naming each risk with its
mitigation and owner is the least a review can check. Deployers of high-risk systems must also
monitor them and act when a risk appears (AI Act Art. 26(5)).

## Example
Failing:
```yaml
decision:
  affects_individuals: true
risks:
  - risk: bias
```
Passing:
```yaml
decision:
  affects_individuals: true
risks:
  - risk: bias
    mitigation: Quarterly comparison of outcomes by age group and district.
    owner: Head of the benefits service
```

## How to fix
List the risks (`hallucination`, `bias`, `data_leak`, `prompt_injection`, `vendor_lock_in`...)
in `risks`, each with the `mitigation` in place and its `owner`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage en `design`, `pilot` ou `production` à haut risque au sens du règlement sur
l'IA (déclaré `ai_act.category: high`, ou placé dans l'annexe III par ses faits comme dans
`VIG003`) ou utilisé pour des décisions sur des personnes
(`decision.affects_individuals: true`), lorsqu'il ne liste aucun risque (`risks`), ainsi que
chaque risque listé sans `mitigation`.

## Pourquoi c'est important
Charte privée P8 (« rester attentif aux risques : erreurs de génération, hallucinations,
dépendance technologique, cybersécurité ») et charte publique S9 (évaluer les risques avant tout
projet). Quand le résultat pèse sur des personnes, une erreur ou un biais cause un préjudice à
quelqu'un ; nommer chaque risque avec sa parade et son responsable est le minimum qu'une revue
puisse vérifier. Les déployeurs de systèmes à haut risque doivent aussi les surveiller et agir
quand un risque apparaît (art. 26, par. 5 du règlement sur l'IA).

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
risks:
  - risk: bias
```
Conforme :
```yaml
decision:
  affects_individuals: true
risks:
  - risk: bias
    mitigation: Comparaison trimestrielle des résultats par tranche d'âge et par quartier.
    owner: Chef du service des aides
```

## Comment corriger
Lister les risques (`hallucination`, `bias`, `data_leak`, `prompt_injection`,
`vendor_lock_in`...) dans `risks`, chacun avec la `mitigation` en place et son `owner`.
""",
    },
    references=("Charte P8 / S9", "Règlement (UE) 2024/1689 (AI Act), art. 26, par. 5"),
    check=_check_risks,
)


RULES = [REVIEW_OVERDUE, SAAS_WITHOUT_EXIT_PLAN, RISKS_NOT_HANDLED]
