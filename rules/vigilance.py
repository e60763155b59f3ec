"""Rules for the `vigilance` principle: assess before starting a project (S9; part of P8 in the
private charter)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import as_list, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext

_UNDER_WAY = ("design", "pilot", "production")


def reaches_people(use: Mapping[str, Any]) -> bool:
    """Whether the use touches people beyond the staff who operate it: residents or users as
    audience or beneficiaries, personal data, decisions about individuals, published output."""
    audience = as_list(use.get("audience"))
    beneficiaries = as_list(get(use, "purpose.beneficiaries"))
    return (
        any(group in audience for group in ("public", "clients"))
        or any(group in beneficiaries for group in ("residents", "users", "clients"))
        or get(use, "data.personal") is True
        or bool(as_list(get(use, "data.special")))
        or get(use, "decision.affects_individuals") is True
        or get(use, "interaction.published") is True
    )


def _check_pre_project(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in _UNDER_WAY or not reaches_people(use):
            continue
        if is_blank(get(use, "assessments.pre_project")):
            yield ctx.finding(
                missing_pointer(pointer, use, "assessments.pre_project"),
                use_id=use_id(use),
                status=status,
            )


PRE_PROJECT_ASSESSMENT_MISSING = Rule(
    code="VIG001",
    name="pre-project-assessment-missing",
    principle="vigilance",
    charters={"public": "S9"},
    severity="warning",
    summary={
        "en": "A public-sector use that reaches people is assessed before the project starts.",
        "fr": "Un usage public qui touche des personnes est évalué avant le début du projet.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) has no `assessments.pre_project`: record "
            "the assessment of its opportunities, risks and real impact on the public service",
            "fr": "l'usage `{use_id}` (`status: {status}`) n'a pas d'`assessments.pre_project` : "
            "consigner l'évaluation de ses opportunités, de ses risques et de son impact réel "
            "pour le service public",
        }
    },
    docs={
        "en": """\
## What it does
Under the public charter, flags a use in `design`, `pilot` or `production` that reaches people
beyond the staff who operate it, and that declares no `assessments.pre_project`. A use reaches
people when its `audience` includes `public` or `clients`, its `purpose.beneficiaries` include
`residents`, `users` or `clients`, it processes personal data (`data.personal: true` or
`data.special`), it informs decisions about individuals (`decision.affects_individuals: true`),
or its output is published (`interaction.published: true`). A low-risk internal tool (a code
assistant for the IT team, with no personal data) is left to the organisation's judgement.

## Why it matters
Public charter S9 ("continuous vigilance"): before any new project, assess the opportunities,
the risks and the real impact on the public service. Writing it down before the pilot is what
makes the later review possible: the expected benefits can be compared with what happened.

## Example
Failing:
```yaml
status: pilot
audience: [public]
```
Passing:
```yaml
status: pilot
audience: [public]
assessments:
  pre_project:
    date: 2026-03-10
    opportunities: Answers to frequent questions outside opening hours.
    risks: Wrong answers on civil-status procedures; residents uneasy with a chatbot.
    impact: Reception staff keep complex requests; phone line unchanged.
```

## How to fix
Before going further, write down (with the service, the DPO and, where relevant, the users'
representatives) the opportunities, risks and expected impact of the use, and record the date
and the three answers in `assessments.pre_project`.
""",
        "fr": """\
## Ce que fait la règle
Avec la charte publique, signale un usage en `design`, `pilot` ou `production` qui touche des
personnes au-delà des agents qui l'utilisent, et qui ne déclare pas
d'`assessments.pre_project`. Un usage touche des personnes lorsque son `audience` comprend
`public` ou `clients`, ses `purpose.beneficiaries` comprennent `residents`, `users` ou
`clients`, il traite des données personnelles (`data.personal: true` ou `data.special`), il sert
à des décisions sur des personnes (`decision.affects_individuals: true`) ou ses résultats sont
publiés (`interaction.published: true`). Un outil interne à faible risque (un assistant de code
pour le service informatique, sans données personnelles) est laissé à l'appréciation de
l'organisation.

## Pourquoi c'est important
Charte publique S9 (« vigilance continue ») : avant tout nouveau projet, évaluer les
opportunités, les risques et l'impact réel pour le service public. L'écrire avant le pilote
rend possible la revue ultérieure : les bénéfices attendus peuvent être comparés à ce qui s'est
réellement passé.

## Exemple
En échec :
```yaml
status: pilot
audience: [public]
```
Conforme :
```yaml
status: pilot
audience: [public]
assessments:
  pre_project:
    date: 2026-03-10
    opportunities: Réponses aux questions fréquentes en dehors des heures d'ouverture.
    risks: Réponses erronées sur l'état civil ; usagers réticents face à un agent conversationnel.
    impact: L'accueil garde les demandes complexes ; ligne téléphonique inchangée.
```

## Comment corriger
Avant d'aller plus loin, écrire (avec le service, le DPO et, le cas échéant, des représentants
des usagers) les opportunités, les risques et l'impact attendu de l'usage, puis en consigner la
date et les trois réponses dans `assessments.pre_project`.
""",
    },
    references=("Charte S9",),
    check=_check_pre_project,
)

RULES = [PRE_PROJECT_ASSESSMENT_MISSING]
