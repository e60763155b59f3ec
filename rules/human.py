"""Rules for the `human` principle: AI assists, people decide (P4 / S5)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _check_decision_without_human(
    manifest: Mapping[str, Any], ctx: RuleContext
) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") != "full":
            continue
        where = f"{pointer}/decision/automation"
        if ctx.charter == "public":
            yield ctx.finding(where, "public", use_id=use_id(use))
        elif get(use, "decision.significant_effect") is True:
            yield ctx.finding(where, use_id=use_id(use))


DECISION_WITHOUT_HUMAN = Rule(
    code="HUM001",
    name="decision-without-human",
    principle="human",
    charters={"private": "P4", "public": "S5"},
    severity="error",
    summary={
        "en": "Decisions about people that matter are not left to the AI alone.",
        "fr": "Les décisions importantes qui concernent des personnes ne sont pas laissées à "
        "l'IA seule.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` lets the AI decide alone (`decision.automation: full`) about "
            "people, with a significant effect on them: important decisions stay human; set "
            "`decision.automation` to `assist` or `partial` and name an `oversight.reviewer`",
            "fr": "l'usage `{use_id}` laisse l'IA décider seule (`decision.automation: full`) à "
            "propos de personnes, avec un effet important pour elles : les décisions "
            "importantes restent humaines ; passer `decision.automation` à `assist` ou "
            "`partial` et désigner un `oversight.reviewer`",
        },
        "public": {
            "en": "use `{use_id}` lets the AI decide alone (`decision.automation: full`) about "
            "people: in the public service the AI helps decide, it never decides alone; set "
            "`decision.automation` to `assist` or `partial` and name an `oversight.reviewer`",
            "fr": "l'usage `{use_id}` laisse l'IA décider seule (`decision.automation: full`) à "
            "propos de personnes : dans le service public, l'IA aide à décider, elle ne décide "
            "jamais seule ; passer `decision.automation` à `assist` ou `partial` et désigner un "
            "`oversight.reviewer`",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use whose outputs are used in decisions about identified people
(`decision.affects_individuals: true`) with no human acting on each case
(`decision.automation: full`):
- under the public charter, always;
- under the private charter, when the decision has a legal or similarly significant effect on
  the person (`decision.significant_effect: true`).

## Why it matters
Public charter S5: "the agent always keeps control: AI helps decide, it never decides alone".
Private charter P4: "AI assists, but important decisions stay human".

The GDPR (Art. 22) gives everyone the right not to be subject to a decision based solely on
automated processing that produces legal or similarly significant effects, save narrow
exceptions (contract, law, explicit consent) that require safeguards: human intervention, the
right to express one's view and to contest. For administrations, the loi Informatique et
Libertés (art. 47) only allows a fully automated individual administrative decision if it
complies with CRPA art. L311-3-1 and uses no sensitive data, and never for a decision on an
administrative appeal; the public charter goes further and excludes it.

## Example
Failing:
```yaml
decision:
  affects_individuals: true
  automation: full
  significant_effect: true
```
Passing:
```yaml
decision:
  affects_individuals: true
  automation: assist
  significant_effect: true
oversight:
  reviewer: Credit analyst
  review: Reads the file and the score's main factors, then decides and signs.
  can_override: true
```

## How to fix
Put a person in each decision: the AI proposes (`assist`) or prepares part of it (`partial`),
and a named role (`oversight.reviewer`) performs a concrete review act and can override it.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont les résultats servent à des décisions sur des personnes identifiées
(`decision.affects_individuals: true`) sans qu'aucun humain n'intervienne sur chaque cas
(`decision.automation: full`) :
- avec la charte publique, toujours ;
- avec la charte privée, lorsque la décision produit un effet juridique ou un effet important
  similaire pour la personne (`decision.significant_effect: true`).

## Pourquoi c'est important
Charte publique S5 : « l'agent garde toujours la main : l'IA aide à décider, elle ne décide
jamais seule ». Charte privée P4 : « l'IA assiste, mais les décisions importantes restent
humaines ».

Le RGPD (art. 22) donne à chacun le droit de ne pas faire l'objet d'une décision fondée
exclusivement sur un traitement automatisé produisant des effets juridiques ou l'affectant de
manière significative, sauf exceptions étroites (contrat, loi, consentement explicite) assorties
de garanties : intervention humaine, droit d'exprimer son point de vue et de contester. Pour les
administrations, la loi Informatique et Libertés (art. 47) n'admet une décision administrative
individuelle entièrement automatisée que si elle respecte l'art. L311-3-1 du CRPA et ne porte
pas sur des données sensibles, et jamais pour statuer sur un recours administratif ; la charte
publique va plus loin et l'exclut.

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
  automation: full
  significant_effect: true
```
Conforme :
```yaml
decision:
  affects_individuals: true
  automation: assist
  significant_effect: true
oversight:
  reviewer: Chargé d'instruction
  review: Lit le dossier et les principaux facteurs du score, puis décide et signe.
  can_override: true
```

## Comment corriger
Mettre une personne dans chaque décision : l'IA propose (`assist`) ou en prépare une partie
(`partial`), et un rôle désigné (`oversight.reviewer`) accomplit un acte de contrôle concret et
peut passer outre.
""",
    },
    references=(
        "Charte P4 / S5",
        "RGPD, art. 22",
        "Loi n° 78-17 (Informatique et Libertés), art. 47",
        "CRPA, art. L311-3-1",
    ),
    check=_check_decision_without_human,
)

RULES = [DECISION_WITHOUT_HUMAN]
