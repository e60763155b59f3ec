"""Rules for the `work` principle: AI relieves work, it does not replace people (P7 / S7)."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import Rule, get

from ._common import LIVE_STATUSES, as_list, is_blank, missing_pointer, use_id
from .vigilance import high_risk_points

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _check_headcount_reduction(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "work.impact") == "headcount_reduction":
            yield ctx.finding(f"{pointer}/work/impact", use_id=use.get("id", "?"))


HEADCOUNT_REDUCTION = Rule(
    code="WRK001",
    name="headcount-reduction",
    principle="work",
    charters={"private": "P7", "public": "S7"},
    severity="error",
    summary={
        "en": "A use declared to cut jobs goes against the charter.",
        "fr": "Un usage déclaré pour supprimer des postes va contre la charte.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` declares `work.impact: headcount_reduction`: the charter allows "
            "AI to relieve repetitive tasks, not to replace staff",
            "fr": "l'usage `{use_id}` déclare `work.impact: headcount_reduction` : la charte "
            "admet l'IA pour alléger les tâches répétitives, pas pour remplacer le personnel",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use whose declared effect on jobs is `headcount_reduction`.

## Why it matters
Private charter P7 ("better work, not substitution": AI aims to relieve repetitive tasks, not to
replace employees) and public charter S7 ("never to cut positions"). Under the Code du travail
(art. L2312-8), introducing new technology that affects jobs also requires informing and consulting
the CSE.

## Example
Failing:
```yaml
work:
  impact: headcount_reduction
```
Passing:
```yaml
work:
  impact: role_change
  tasks: [first-level triage of incoming mail]
```

## How to fix
Redesign the use so that it relieves tasks rather than removing positions, and declare
`role_change` with the tasks relieved; if jobs are truly at stake, this is a decision for the
management and the staff representatives, not for a declaration.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont l'effet déclaré sur l'emploi est `headcount_reduction`.

## Pourquoi c'est important
Charte privée P7 (« amélioration du travail, pas substitution ») et charte publique S7 (« jamais
pour supprimer des postes »). Le Code du travail (art. L2312-8) impose en outre d'informer et de
consulter le CSE sur l'introduction de nouvelles technologies qui touchent l'emploi.

## Exemple
En échec :
```yaml
work:
  impact: headcount_reduction
```
Conforme :
```yaml
work:
  impact: role_change
  tasks: [premier tri du courrier entrant]
```

## Comment corriger
Revoir l'usage pour qu'il allège des tâches au lieu de supprimer des postes, et déclarer
`role_change` avec les tâches allégées ; si des emplois sont réellement en jeu, c'est une décision
de la direction et des représentants du personnel, pas d'une déclaration.
""",
    },
    references=("Charte P7 / S7", "Code du travail, art. L2312-8"),
    check=_check_headcount_reduction,
)


def _concerns_staff(use: Mapping[str, Any]) -> bool:
    """The staff's data go into the use, or it monitors the staff who use it."""
    return "staff" in as_list(get(use, "data.subjects")) or (
        "monitoring" in as_list(use.get("capabilities")) and "staff" in as_list(use.get("audience"))
    )


def _staff_not_informed(
    manifest: Mapping[str, Any], ctx: RuleContext, high_risk: bool
) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES or not is_blank(get(use, "work.staff_informed")):
            continue
        if not _concerns_staff(use):
            continue
        if (high_risk_points(use, manifest, ctx.shared) is not None) == high_risk:
            yield ctx.finding(
                missing_pointer(pointer, use, "work.staff_informed"),
                use_id=use_id(use),
                status=status,
            )


def _check_high_risk_staff_informed(
    manifest: Mapping[str, Any], ctx: RuleContext
) -> Iterator[Finding]:
    return _staff_not_informed(manifest, ctx, high_risk=True)


def _check_staff_informed(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    return _staff_not_informed(manifest, ctx, high_risk=False)


HIGH_RISK_WORKERS_NOT_INFORMED = Rule(
    code="WRK002",
    name="high-risk-workers-not-informed",
    principle="work",
    charters={"private": "P7", "public": "S7"},
    severity="error",
    summary={
        "en": "Workers and their representatives are told before a high-risk AI system is used "
        "at work.",
        "fr": "Les travailleurs et leurs représentants sont informés avant qu'un système d'IA à "
        "haut risque soit utilisé au travail.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) is a high-risk AI system used at the "
            "workplace and has no `work.staff_informed`: inform the staff representatives and "
            "the workers concerned before using it (AI Act Art. 26(7))",
            "fr": "l'usage `{use_id}` (`status: {status}`) est un système d'IA à haut risque "
            "utilisé sur le lieu de travail et n'a pas de `work.staff_informed` : informer les "
            "représentants du personnel et les travailleurs concernés avant de l'utiliser "
            "(art. 26, par. 7 du règlement sur l'IA)",
        }
    },
    docs={
        "en": """\\
## What it does
Flags a use in `pilot` or `production` that is high-risk under Annex III of the AI Act (as in
`VIG003`) and to which the organisation's own staff are subject (`data.subjects` includes
`staff`, or `capabilities` includes `monitoring` with `staff` in `audience`), when it declares
no `work.staff_informed`. A recruitment tool that only assesses outside candidates is not
flagged: the candidates are not yet workers.

## Why it matters
Private charter P7 ("better work, not substitution") and public charter S7 (quality of working
life). Article 26(7) of the AI Act requires employers, before putting into service or using a
high-risk AI system at the workplace, to inform the workers' representatives and the workers
affected. In France, the CSE is also informed and consulted on the introduction of new
technologies (Code du travail, art. L2312-8) and of means of monitoring employees' activity
(art. L2312-38).

## Example
Failing:
```yaml
status: pilot
domain: [employment]
data:
  subjects: [staff]
ai_act:
  category: high
  annex_iii: 4b
```
Passing:
```yaml
status: pilot
domain: [employment]
data:
  subjects: [staff]
ai_act:
  category: high
  annex_iii: 4b
work:
  staff_informed:
    date: 2026-02-03
    body: CSE
```

## How to fix
Inform (and, where the law requires it, consult) the staff representatives (CSE, or the social
committee in the public sector) and the workers concerned before the use starts; record the date
and the body in `work.staff_informed`.
""",
        "fr": """\\
## Ce que fait la règle
Signale un usage en `pilot` ou en `production` à haut risque au sens de l'annexe III du règlement
sur l'IA (comme dans `VIG003`) auquel le personnel de l'organisation est soumis (`data.subjects`
comprend `staff`, ou `capabilities` comprend `monitoring` avec `staff` dans `audience`),
lorsqu'il ne déclare pas de `work.staff_informed`. Un outil de recrutement qui n'évalue que des
candidats extérieurs n'est pas signalé : les candidats ne sont pas encore des travailleurs.

## Pourquoi c'est important
Charte privée P7 (« amélioration du travail, pas substitution ») et charte publique S7 (qualité
de vie au travail). L'article 26, paragraphe 7, du règlement sur l'IA impose à l'employeur,
avant de mettre en service ou d'utiliser un système d'IA à haut risque sur le lieu de travail,
d'en informer les représentants des travailleurs et les travailleurs concernés. En France, le
CSE est aussi informé et consulté sur l'introduction de nouvelles technologies (Code du travail,
art. L2312-8) et des moyens de contrôle de l'activité des salariés (art. L2312-38).

## Exemple
En échec :
```yaml
status: pilot
domain: [employment]
data:
  subjects: [staff]
ai_act:
  category: high
  annex_iii: 4b
```
Conforme :
```yaml
status: pilot
domain: [employment]
data:
  subjects: [staff]
ai_act:
  category: high
  annex_iii: 4b
work:
  staff_informed:
    date: 2026-02-03
    body: CSE
```

## Comment corriger
Informer (et, lorsque la loi l'exige, consulter) les représentants du personnel (CSE, ou comité
social dans le secteur public) et les travailleurs concernés avant le début de l'usage ;
consigner la date et l'instance dans `work.staff_informed`.
""",
    },
    references=(
        "Charte P7 / S7",
        "Règlement (UE) 2024/1689 (AI Act), art. 26, par. 7",
        "Code du travail, art. L2312-8 et L2312-38",
    ),
    check=_check_high_risk_staff_informed,
)

STAFF_NOT_INFORMED = Rule(
    code="WRK003",
    name="staff-not-informed",
    principle="work",
    charters={"private": "P7", "public": "S7"},
    severity="warning",
    summary={
        "en": "Staff are told about a use that concerns them before it goes live.",
        "fr": "Le personnel est informé d'un usage qui le concerne avant sa mise en service.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) concerns the staff and has no "
            "`work.staff_informed`: inform the staff representatives (CSE, CST...) and the "
            "people concerned, and record it",
            "fr": "l'usage `{use_id}` (`status: {status}`) concerne le personnel et n'a pas de "
            "`work.staff_informed` : informer les représentants du personnel (CSE, CST...) et "
            "les personnes concernées, et le consigner",
        }
    },
    docs={
        "en": """\\
## What it does
Flags a use in `pilot` or `production` that concerns the staff (`data.subjects` includes
`staff`, or `capabilities` includes `monitoring` with `staff` in `audience`) and declares no
`work.staff_informed`. High-risk uses are left to `WRK002`, which is an error.

## Why it matters
Private charter P7 (AI relieves work, it does not replace people) and public charter S7
(quality of working life): both are hard to keep without telling the people concerned. In
France, the CSE is informed and consulted on the introduction of new technologies that affect
working conditions (Code du travail, art. L2312-8, in companies of 50 employees or more), and
no information about an employee may be collected by a device not brought to their knowledge
beforehand (art. L1222-4).

## Example
Failing:
```yaml
status: production
data:
  personal: true
  subjects: [staff]
```
Passing:
```yaml
status: production
data:
  personal: true
  subjects: [staff]
work:
  staff_informed:
    date: 2026-01-15
    body: CSE
```

## How to fix
Present the use to the staff representatives (CSE; CST or CSA in the public sector) and to the
teams concerned before it goes live, and record the date and the body in `work.staff_informed`.
""",
        "fr": """\\
## Ce que fait la règle
Signale un usage en `pilot` ou en `production` qui concerne le personnel (`data.subjects`
comprend `staff`, ou `capabilities` comprend `monitoring` avec `staff` dans `audience`) et ne
déclare pas de `work.staff_informed`. Les usages à haut risque relèvent de `WRK002`, qui est une
erreur.

## Pourquoi c'est important
Charte privée P7 (l'IA allège le travail, elle ne remplace pas les personnes) et charte
publique S7 (qualité de vie au travail) : les tenir sans informer les personnes concernées est
difficile. En France, le CSE est informé et consulté sur l'introduction de nouvelles
technologies qui touchent les conditions de travail (Code du travail, art. L2312-8, dans les
entreprises d'au moins 50 salariés), et aucune information concernant un salarié ne peut être
collectée par un dispositif qui n'a pas été porté préalablement à sa connaissance
(art. L1222-4).

## Exemple
En échec :
```yaml
status: production
data:
  personal: true
  subjects: [staff]
```
Conforme :
```yaml
status: production
data:
  personal: true
  subjects: [staff]
work:
  staff_informed:
    date: 2026-01-15
    body: CSE
```

## Comment corriger
Présenter l'usage aux représentants du personnel (CSE ; CST ou CSA dans le secteur public) et
aux équipes concernées avant sa mise en service, puis consigner la date et l'instance dans
`work.staff_informed`.
""",
    },
    references=("Charte P7 / S7", "Code du travail, art. L2312-8 et L1222-4"),
    check=_check_staff_informed,
)


RULES = [HEADCOUNT_REDUCTION, HIGH_RISK_WORKERS_NOT_INFORMED, STAFF_NOT_INFORMED]
