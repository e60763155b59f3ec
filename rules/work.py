"""Rules for the `work` principle: AI relieves work, it does not replace people (P7 / S7)."""

from __future__ import annotations

from charte_lint.api import Rule, get

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
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

RULES = [HEADCOUNT_REDUCTION]
