"""Rules for the `human` principle: AI assists, people decide (P4 / S5)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import if_missing, is_blank, missing_pointer, use_id

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


# HUM002 ------------------------------------------------------------------------------------


def _check_reviewer(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") == "full" or use.get("status") == "retired":
            continue  # no human acts on each case: HUM001's concern
        for path, message in (("oversight.reviewer", "default"), ("oversight.review", "review")):
            yield from if_missing(ctx, pointer, use, path, message)


DECISION_WITHOUT_REVIEWER = Rule(
    code="HUM002",
    name="decision-without-reviewer",
    principle="human",
    charters={"private": "P4", "public": "S5"},
    severity="error",
    summary={
        "en": "A use that feeds decisions about people names who reviews its outputs and what "
        "that review consists of.",
        "fr": "Un usage qui alimente des décisions sur des personnes désigne qui contrôle ses "
        "résultats et en quoi consiste ce contrôle.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` feeds decisions about people without `oversight.reviewer`: name "
            "the role that reviews each output before the decision",
            "fr": "l'usage `{use_id}` alimente des décisions sur des personnes sans "
            "`oversight.reviewer` : désigner la fonction qui contrôle chaque résultat avant la "
            "décision",
        },
        "review": {
            "en": "use `{use_id}` feeds decisions about people without `oversight.review`: "
            "describe the concrete act the reviewer performs on each case (what is checked, what "
            "can be changed)",
            "fr": "l'usage `{use_id}` alimente des décisions sur des personnes sans "
            "`oversight.review` : décrire l'acte concret que le contrôleur accomplit sur chaque "
            "cas (ce qui est vérifié, ce qui peut être modifié)",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use whose outputs are used in decisions about identified people
(`decision.affects_individuals: true`), with a person in the loop (`decision.automation` other
than `full`, which HUM001 covers), that does not say who reviews the outputs
(`oversight.reviewer`) or what the review is (`oversight.review`). One finding per missing key.
Retired uses are left out.

## Why it matters
Private charter P4 ("important decisions stay human; everyone stays responsible for what is
produced with AI") and public charter S5 ("the agent always keeps control"). A human in the loop
who is not named, or whose review is not defined, quickly becomes a rubber stamp: the Défenseur
des droits (2024) holds that a decision is only partly automated if the agent performs a
positive, concrete and significant act. For high-risk AI systems, deployers must assign human
oversight to people with the competence, training and authority it needs (AI Act Art. 26(2)).

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
oversight:
  reviewer: Chargé de recrutement
  review: Lit chaque candidature proposée et écartée, et décide seul de la suite.
  can_override: true
```

## How to fix
Name the role that reviews each output in `oversight.reviewer`, and describe in
`oversight.review` what that person actually does on each case: what they read, check and can
change, and that they take the decision.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont les résultats servent à des décisions sur des personnes identifiées
(`decision.affects_individuals: true`), avec une personne dans la boucle (`decision.automation`
autre que `full`, que traite HUM001), qui n'indique pas qui contrôle ses résultats
(`oversight.reviewer`) ni en quoi consiste ce contrôle (`oversight.review`). Une alerte par clé
manquante. Les usages retirés ne sont pas concernés.

## Pourquoi c'est important
Charte privée P4 (« les décisions importantes restent humaines ; chacun reste responsable des
contenus et actions produits avec l'IA ») et charte publique S5 (« l'agent garde toujours la
main »). Une personne dans la boucle qui n'est pas désignée, ou dont le contrôle n'est pas
défini, devient vite une chambre d'enregistrement : le Défenseur des droits (2024) considère
qu'une décision n'est partiellement automatisée que si l'agent accomplit une action positive,
concrète et significative. Pour les systèmes d'IA à haut risque, les déployeurs confient le
contrôle humain à des personnes qui ont la compétence, la formation et l'autorité nécessaires
(AI Act, art. 26(2)).

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
oversight:
  reviewer: Chargé de recrutement
  review: Lit chaque candidature proposée et écartée, et décide seul de la suite.
  can_override: true
```

## Comment corriger
Désigner dans `oversight.reviewer` la fonction qui contrôle chaque résultat, et décrire dans
`oversight.review` ce que cette personne fait réellement sur chaque cas : ce qu'elle lit,
vérifie et peut modifier, et le fait qu'elle prend la décision.
""",
    },
    references=(
        "Charte P4 / S5",
        "Défenseur des droits, « Algorithmes, systèmes d'IA et services publics : quels droits "
        "pour les usagers ? » (2024)",
        "Règlement (UE) 2024/1689 (AI Act), art. 26(2)",
    ),
    check=_check_reviewer,
)


# HUM003 ------------------------------------------------------------------------------------


def _check_override(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") != "partial" or use.get("status") == "retired":
            continue
        if get(use, "oversight.can_override") is not True:
            yield ctx.finding(
                missing_pointer(pointer, use, "oversight.can_override"), use_id=use_id(use)
            )


PARTIAL_AUTOMATION_WITHOUT_OVERRIDE = Rule(
    code="HUM003",
    name="partial-automation-without-override",
    principle="human",
    charters={"private": "P4", "public": "S5"},
    severity="error",
    summary={
        "en": "When the AI prepares part of a decision about people, the person in charge can "
        "override it.",
        "fr": "Quand l'IA prépare une partie d'une décision sur des personnes, la personne "
        "responsable peut passer outre.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` partly automates decisions about people "
            "(`decision.automation: partial`) without `oversight.can_override: true`: the "
            "reviewer must be able to change the AI's result, or the decision is in fact automated",
            "fr": "l'usage `{use_id}` automatise en partie des décisions sur des personnes "
            "(`decision.automation: partial`) sans `oversight.can_override: true` : le "
            "contrôleur doit pouvoir modifier le résultat de l'IA, sinon la décision est en "
            "fait automatisée",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `decision.affects_individuals: true` and `decision.automation: partial` whose
`oversight.can_override` is not `true` (absent or `false`). Retired uses are left out.

## Why it matters
Private charter P4 ("important decisions stay human") and public charter S5 ("AI helps decide,
it never decides alone"). A reviewer who cannot change the AI's result does not take the
decision: it is then based solely on automated processing, with the limits of GDPR Art. 22 and,
for administrations, of the loi Informatique et Libertés (art. 47). The Défenseur des droits
(2024) asks for a positive, concrete and significant human act for a decision to count as
partly automated.

## Example
Failing:
```yaml
decision:
  affects_individuals: true
  automation: partial
oversight:
  reviewer: Instructeur
  review: Vérifie les pièces signalées comme manquantes.
```
Passing:
```yaml
decision:
  affects_individuals: true
  automation: partial
oversight:
  reviewer: Instructeur
  review: Vérifie les pièces signalées comme manquantes et fixe lui-même le montant.
  can_override: true
```

## How to fix
Make sure the tool lets the reviewer change or reject the AI's result (and that doing so is
expected, not frowned upon), then set `oversight.can_override: true`. If that is not possible,
the use is fully automated: see HUM001.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage avec `decision.affects_individuals: true` et `decision.automation: partial`
dont `oversight.can_override` ne vaut pas `true` (absent ou `false`). Les usages retirés ne sont
pas concernés.

## Pourquoi c'est important
Charte privée P4 (« les décisions importantes restent humaines ») et charte publique S5
(« l'IA aide à décider, elle ne décide jamais seule »). Un contrôleur qui ne peut pas modifier
le résultat de l'IA ne prend pas la décision : elle est alors fondée exclusivement sur un
traitement automatisé, dans les limites de l'art. 22 du RGPD et, pour les administrations, de la
loi Informatique et Libertés (art. 47). Le Défenseur des droits (2024) demande une action
humaine positive, concrète et significative pour qu'une décision soit partiellement
automatisée.

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
  automation: partial
oversight:
  reviewer: Instructeur
  review: Vérifie les pièces signalées comme manquantes.
```
Conforme :
```yaml
decision:
  affects_individuals: true
  automation: partial
oversight:
  reviewer: Instructeur
  review: Vérifie les pièces signalées comme manquantes et fixe lui-même le montant.
  can_override: true
```

## Comment corriger
S'assurer que l'outil permet au contrôleur de modifier ou d'écarter le résultat de l'IA (et que
c'est attendu, pas mal vu), puis indiquer `oversight.can_override: true`. Si ce n'est pas
possible, l'usage est entièrement automatisé : voir HUM001.
""",
    },
    references=(
        "Charte P4 / S5",
        "RGPD, art. 22",
        "Loi n° 78-17 (Informatique et Libertés), art. 47",
        "Défenseur des droits, « Algorithmes, systèmes d'IA et services publics : quels droits "
        "pour les usagers ? » (2024)",
    ),
    check=_check_override,
)


# HUM004 ------------------------------------------------------------------------------------


def _check_recourse(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True or use.get("status") == "retired":
            continue
        significant = get(use, "decision.significant_effect") is True
        if not (significant or get(use, "decision.administrative") is True):
            continue
        if is_blank(use.get("recourse")):
            yield ctx.finding(
                pointer if "recourse" not in use else f"{pointer}/recourse", use_id=use_id(use)
            )


DECISION_WITHOUT_RECOURSE = Rule(
    code="HUM004",
    name="decision-without-recourse",
    principle="human",
    charters={"private": "P4", "public": "S5"},
    severity="error",
    summary={
        "en": "People subject to a decision that matters, made with AI, know how to contest it "
        "before a human.",
        "fr": "Les personnes visées par une décision importante prise avec l'IA savent comment "
        "la contester auprès d'un humain.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` feeds decisions with legal or significant effects on people "
            "without `recourse`: say how a person obtains human review of the decision and "
            "contests it",
            "fr": "l'usage `{use_id}` alimente des décisions aux effets juridiques ou importants "
            "pour des personnes sans `recourse` : indiquer comment une personne obtient le "
            "réexamen de la décision par un humain et la conteste",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use whose outputs are used in decisions about identified people
(`decision.affects_individuals: true`) with a legal or similarly significant effect
(`decision.significant_effect: true`) or that are individual administrative decisions
(`decision.administrative: true`), when it declares no `recourse`. Retired uses are left out.

## Why it matters
Private charter P4 ("important decisions stay human") and public charter S5 ("the agent always
keeps control"). When a decision is based solely on automated processing, the GDPR (Art. 22(3))
requires at least the right to obtain human intervention, to express one's point of view and to
contest the decision. Whatever the automation, a person affected by a decision taken with an
AI's help must know where to turn: it is how errors are caught and how the human keeps the last
word.

## Example
Failing:
```yaml
decision:
  affects_individuals: true
  automation: assist
  significant_effect: true
```
Passing:
```yaml
decision:
  affects_individuals: true
  automation: assist
  significant_effect: true
recourse: >-
  Réclamation auprès du service crédit (credit@exemple.fr) : un analyste réexamine le
  dossier sous dix jours ; médiateur bancaire ensuite.
```

## How to fix
Write in `recourse` how a person asks for the decision to be reviewed by a human, within what
time, and what comes next (mediator, administrative appeal, court), and make sure the decision
letters say it too.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont les résultats servent à des décisions sur des personnes identifiées
(`decision.affects_individuals: true`) produisant un effet juridique ou un effet important
similaire (`decision.significant_effect: true`) ou constituant des décisions administratives
individuelles (`decision.administrative: true`), lorsqu'il ne déclare pas de `recourse`. Les
usages retirés ne sont pas concernés.

## Pourquoi c'est important
Charte privée P4 (« les décisions importantes restent humaines ») et charte publique S5
(« l'agent garde toujours la main »). Lorsqu'une décision est fondée exclusivement sur un
traitement automatisé, le RGPD (art. 22(3)) exige au moins le droit d'obtenir une intervention
humaine, d'exprimer son point de vue et de contester la décision. Quelle que soit
l'automatisation, une personne visée par une décision prise avec l'aide d'une IA doit savoir à
qui s'adresser : c'est ainsi que les erreurs sont corrigées et que l'humain garde le dernier
mot.

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
  automation: assist
  significant_effect: true
```
Conforme :
```yaml
decision:
  affects_individuals: true
  automation: assist
  significant_effect: true
recourse: >-
  Réclamation auprès du service crédit (credit@exemple.fr) : un analyste réexamine le
  dossier sous dix jours ; médiateur bancaire ensuite.
```

## Comment corriger
Indiquer dans `recourse` comment une personne demande le réexamen de la décision par un humain,
dans quel délai, et la suite possible (médiateur, recours administratif, juge), et vérifier que
les courriers de décision le disent aussi.
""",
    },
    references=("Charte P4 / S5", "RGPD, art. 22(3)"),
    check=_check_recourse,
)

RULES = [
    DECISION_WITHOUT_HUMAN,
    DECISION_WITHOUT_REVIEWER,
    PARTIAL_AUTOMATION_WITHOUT_OVERRIDE,
    DECISION_WITHOUT_RECOURSE,
]
