"""Rules for the `sobriety` principle: models proportionate to the task (P6 / S6)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from charte_lint.api import Rule, get

from ._common import is_blank, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, Policy, RuleContext

_SIMPLE_TASKS = ("classification", "extraction", "translation", "summarization", "transcription")
TIERS = ("small", "medium", "large", "frontier")
# Upper bounds, in billions of parameters, of the tiers derived from a model's size.
TIER_LIMITS = ((15, "small"), (80, "medium"), (300, "large"))


def _check_reasoning(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        task = use.get("task")
        if get(use, "model.reasoning") is not True or task not in _SIMPLE_TASKS:
            continue
        if is_blank(get(use, "sobriety.justification")):
            yield ctx.finding(f"{pointer}/model/reasoning", use_id=use_id(use), task=task)


def _size(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        size = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return size if math.isfinite(size) and size > 0 else None


def tier_for_params(params_b: float) -> str:
    """The tier of a model of `params_b` billion parameters."""
    for limit, tier in TIER_LIMITS:
        if params_b <= limit:
            return tier
    return "frontier"


def _catalogue_entry(policy: Policy, name: Any) -> Mapping[str, Any]:
    if not isinstance(name, str):
        return {}
    entry = policy.models.get(name)
    if entry is None:
        wanted = name.casefold()
        entry = next(
            (value for key, value in policy.models.items() if str(key).casefold() == wanted), None
        )
    return entry if isinstance(entry, Mapping) else {}


def _model_tier(model: Mapping[str, Any], policy: Policy) -> tuple[str, float | None] | None:
    """(tier, params_b used to derive it or None), or None when the tier is unknown."""
    entry = _catalogue_entry(policy, model.get("name"))
    if entry.get("tier") in TIERS:
        return entry["tier"], None
    params_b = _size(model.get("params_b"))
    if params_b is None:
        params_b = _size(entry.get("params_b"))
    if params_b is None:
        return None
    return tier_for_params(params_b), params_b


def _check_tier(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        task, model = use.get("task"), use.get("model")
        if not isinstance(task, str) or not isinstance(model, Mapping):
            continue
        max_tier = ctx.policy.max_model_tier.get(task)
        if max_tier not in TIERS:
            continue
        found = _model_tier(model, ctx.policy)
        if found is None or TIERS.index(found[0]) <= TIERS.index(max_tier):
            continue
        if not is_blank(get(use, "sobriety.justification")):
            continue
        tier, params_b = found
        name = model.get("name")
        common = {"use_id": use_id(use), "tier": tier, "task": task, "max_tier": max_tier}
        if isinstance(name, str) and name.strip():
            yield ctx.finding(f"{pointer}/model/name", model=name.strip(), **common)
        else:
            yield ctx.finding(f"{pointer}/model/params_b", "unnamed", params_b=params_b, **common)


REASONING_ON_SIMPLE_TASK = Rule(
    code="SOB001",
    name="reasoning-on-simple-task",
    principle="sobriety",
    charters={"private": "P6", "public": "S6"},
    severity="warning",
    summary={
        "en": "Reasoning modes are not used for simple tasks without a reason.",
        "fr": "Les modes de raisonnement ne servent pas aux tâches simples sans justification.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` turns on a reasoning mode (`model.reasoning: true`) for "
            "`{task}`, a simple task: turn it off or give `sobriety.justification`",
            "fr": "l'usage `{use_id}` active un mode de raisonnement (`model.reasoning: true`) "
            "pour `{task}`, une tâche simple : le désactiver ou renseigner "
            "`sobriety.justification`",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `model.reasoning: true` whose `task` is `classification`, `extraction`,
`translation`, `summarization` or `transcription`, and that gives no `sobriety.justification`.

## Why it matters
Private charter P6 ("proportionate solutions; limit calls to the most resource-hungry models")
and public charter S6 ("proportionate, energy-efficient solutions fitted to the need").
A reasoning ("thinking") mode generates many intermediate tokens before answering: it multiplies
the energy and cost of each call, and brings little to tasks that need no multi-step reasoning.
The AFNOR frugal-AI framework (Spec 2314) counts a service as frugal only if the need for it,
rather than for a less consuming solution, has been shown.

## Example
Failing:
```yaml
task: classification
model:
  name: o3
  reasoning: true
```
Passing:
```yaml
task: classification
model:
  name: mistral-small-3
  reasoning: false
```

## How to fix
Turn the reasoning mode off (or pick a model without it) and compare the quality on a sample;
if the task really needs it, say why in `sobriety.justification`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage avec `model.reasoning: true` dont la `task` est `classification`,
`extraction`, `translation`, `summarization` ou `transcription`, et qui ne donne pas de
`sobriety.justification`.

## Pourquoi c'est important
Charte privée P6 (« solutions proportionnées au besoin ; limiter les appels aux modèles les plus
gourmands ») et charte publique S6 (« solutions proportionnées, économes en énergie et adaptées
au besoin »). Un mode de raisonnement produit de nombreux jetons intermédiaires avant de
répondre : il multiplie l'énergie et le coût de chaque appel, pour un faible apport sur des
tâches qui ne demandent pas de raisonnement en plusieurs étapes. Le référentiel AFNOR de l'IA
frugale (Spec 2314) ne tient un service pour frugal que si le besoin de celui-ci, plutôt que
d'une solution moins consommatrice, a été démontré.

## Exemple
En échec :
```yaml
task: classification
model:
  name: o3
  reasoning: true
```
Conforme :
```yaml
task: classification
model:
  name: mistral-small-3
  reasoning: false
```

## Comment corriger
Désactiver le mode de raisonnement (ou choisir un modèle qui n'en a pas) et comparer la qualité
sur un échantillon ; si la tâche l'exige vraiment, l'expliquer dans `sobriety.justification`.
""",
    },
    references=("Charte P6 / S6", "AFNOR Spec 2314 (IA frugale)"),
    check=_check_reasoning,
)

MODEL_ABOVE_TASK_TIER = Rule(
    code="SOB002",
    name="model-above-task-tier",
    principle="sobriety",
    charters={"private": "P6", "public": "S6"},
    severity="warning",
    summary={
        "en": "A model larger than the organisation allows for the task needs a justification.",
        "fr": "Un modèle plus gros que ce que l'organisation admet pour la tâche doit être "
        "justifié.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` runs `{model}`, a `{tier}` model, for `{task}`, where the "
            "organisation allows at most `{max_tier}`: choose a smaller model or give "
            "`sobriety.justification`",
            "fr": "l'usage `{use_id}` utilise `{model}`, un modèle `{tier}`, pour `{task}`, alors "
            "que l'organisation admet au plus `{max_tier}` : choisir un modèle plus petit ou "
            "renseigner `sobriety.justification`",
        },
        "unnamed": {
            "en": "use `{use_id}` runs a `{tier}` model ({params_b:g} B parameters) for "
            "`{task}`, where the organisation allows at most `{max_tier}`: choose a smaller "
            "model or give `sobriety.justification`",
            "fr": "l'usage `{use_id}` utilise un modèle `{tier}` ({params_b:g} milliards de "
            "paramètres) pour `{task}`, alors que l'organisation admet au plus `{max_tier}` : "
            "choisir un modèle plus petit ou renseigner `sobriety.justification`",
        },
    },
    docs={
        "en": """\
## What it does
When the configuration sets a maximum model tier for the use's `task` (`max_model_tier`),
flags a use whose model is in a higher tier and that gives no `sobriety.justification`.
Tiers, from lightest to heaviest: `small`, `medium`, `large`, `frontier`. A model's tier is the
one given in the configuration's model catalogue (`models: {name: {tier}}`); otherwise it is
derived from its size in billions of parameters (`model.params_b`, else the catalogue's
`params_b`):

| parameters | tier |
|---|---|
| up to 15 B | `small` |
| up to 80 B | `medium` |
| up to 300 B | `large` |
| more | `frontier` |

A model whose tier cannot be known is not flagged.

## Why it matters
Private charter P6 ("limit calls to the most resource-hungry models") and public charter S6
("proportionate, energy-efficient solutions"). The energy of each call grows with the model's
size, which is why benchmarks such as the AI Energy Score compare text models by size class.
The AFNOR frugal-AI framework (Spec 2314) counts a service as frugal only if the need for it,
rather than for a less consuming solution, has been shown.

## Example
Failing (with `max_model_tier: {summarization: medium}`):
```yaml
task: summarization
model:
  name: mistral-large-2
  params_b: 123
```
Passing:
```yaml
task: summarization
model:
  name: mistral-small-3
  params_b: 24
```

## How to fix
Try a model of the allowed tier on a sample of real inputs; keep the larger one only if the
smaller one fails, and write down why in `sobriety.justification` (and
`sobriety.smaller_model_evaluated: true`).
""",
        "fr": """\
## Ce que fait la règle
Lorsque la configuration fixe un niveau de modèle maximal pour la `task` de l'usage
(`max_model_tier`), signale un usage dont le modèle est d'un niveau supérieur et qui ne donne
pas de `sobriety.justification`. Niveaux, du plus léger au plus lourd : `small`, `medium`,
`large`, `frontier`. Le niveau d'un modèle est celui qu'indique le catalogue de modèles de la
configuration (`models: {nom: {tier}}`) ; à défaut, il est déduit de sa taille en milliards de
paramètres (`model.params_b`, sinon le `params_b` du catalogue) :

| paramètres | niveau |
|---|---|
| jusqu'à 15 Md | `small` |
| jusqu'à 80 Md | `medium` |
| jusqu'à 300 Md | `large` |
| au-delà | `frontier` |

Un modèle dont le niveau ne peut être connu n'est pas signalé.

## Pourquoi c'est important
Charte privée P6 (« limiter les appels aux modèles les plus gourmands ») et charte publique S6
(« solutions proportionnées, économes en énergie »). L'énergie consommée par appel croît avec la
taille du modèle, c'est pourquoi des bancs d'essai comme l'AI Energy Score comparent les modèles
de texte par classe de taille. Le référentiel AFNOR de l'IA frugale (Spec 2314)
ne tient un service pour frugal que si le besoin de celui-ci, plutôt que d'une solution moins
consommatrice, a été démontré.

## Exemple
En échec (avec `max_model_tier: {summarization: medium}`) :
```yaml
task: summarization
model:
  name: mistral-large-2
  params_b: 123
```
Conforme :
```yaml
task: summarization
model:
  name: mistral-small-3
  params_b: 24
```

## Comment corriger
Essayer un modèle du niveau admis sur un échantillon de cas réels ; ne garder le plus gros que
si le petit échoue, et l'expliquer dans `sobriety.justification` (avec
`sobriety.smaller_model_evaluated: true`).
""",
    },
    references=("Charte P6 / S6", "AFNOR Spec 2314 (IA frugale)"),
    check=_check_tier,
)

RULES = [REASONING_ON_SIMPLE_TASK, MODEL_ABOVE_TASK_TIER]
