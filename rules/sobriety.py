"""Rules for the `sobriety` principle: models proportionate to the task (P6 / S6)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

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
        task, model = use.get("task"), use.get("model")
        if task not in _SIMPLE_TASKS or not isinstance(model, Mapping):
            continue
        if not is_blank(get(use, "sobriety.justification")):
            continue
        reasoning, name = model.get("reasoning"), model.get("name")
        if reasoning is True:
            yield ctx.finding(f"{pointer}/model/reasoning", use_id=use_id(use), task=task)
        elif reasoning is None and isinstance(name, str) and _builtin_entry(name).get("reasoning"):
            yield ctx.finding(
                f"{pointer}/model/name",
                "reasoning_model",
                use_id=use_id(use),
                task=task,
                model=name.strip(),
            )


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


# Calls a month above which a use should know its energy use (SOB003).
HIGH_VOLUME = 100_000
_MODELS_FILE = "models.json"
_builtin_index: dict[str, Mapping[str, Any]] | None = None


def builtin_models() -> list[dict[str, Any]]:
    """The built-in model catalogue (`rules/models.json`), as a list of entries.

    Each entry: `name` and `aliases` (matched without regard to case), `params_b` (billions of
    parameters as the vendor published them, `null` when it did not), `tier`, `source` (where
    the size comes from, or the basis of the estimated tier, with a date) and, for models that
    always reason before answering, `reasoning: true`."""
    with open(Path(__file__).with_name(_MODELS_FILE), encoding="utf-8") as file:
        entries: list[dict[str, Any]] = json.load(file)
    return entries


def _builtin_entry(name: str) -> Mapping[str, Any]:
    """The built-in catalogue's entry for `name` or one of its aliases (read on first need)."""
    global _builtin_index
    if _builtin_index is None:
        index: dict[str, Mapping[str, Any]] = {}
        for entry in builtin_models():
            for key in (entry["name"], *entry.get("aliases", ())):
                index[key.casefold()] = entry
        _builtin_index = index
    return _builtin_index.get(name.strip().casefold(), {})


def _configured_entry(policy: Policy, name: str) -> Mapping[str, Any]:
    entry = policy.models.get(name)
    if entry is None:
        wanted = name.strip().casefold()
        entry = next(
            (value for key, value in policy.models.items() if str(key).casefold() == wanted), None
        )
    return entry if isinstance(entry, Mapping) else {}


def _model_tier(model: Mapping[str, Any], policy: Policy) -> tuple[str, float | None] | None:
    """(tier, params_b used to derive it or None), or None when the tier is unknown.

    The configuration's catalogue comes first, then the use's `model.params_b`, then the
    built-in catalogue."""
    name = model.get("name")
    configured = _configured_entry(policy, name) if isinstance(name, str) else {}
    if configured.get("tier") in TIERS:
        return configured["tier"], None
    params_b = _size(model.get("params_b")) or _size(configured.get("params_b"))
    if params_b is None and isinstance(name, str):
        builtin = _builtin_entry(name)
        params_b = _size(builtin.get("params_b"))
        if params_b is None:
            return (builtin["tier"], None) if builtin.get("tier") in TIERS else None
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
        },
        "reasoning_model": {
            "en": "use `{use_id}` runs `{model}`, a reasoning model, for `{task}`, a simple "
            "task: choose a model without a reasoning mode or give `sobriety.justification`",
            "fr": "l'usage `{use_id}` utilise `{model}`, un modèle de raisonnement, pour "
            "`{task}`, une tâche simple : choisir un modèle sans mode de raisonnement ou "
            "renseigner `sobriety.justification`",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use with `model.reasoning: true` whose `task` is `classification`, `extraction`,
`translation`, `summarization` or `transcription`, and that gives no `sobriety.justification`.
When `model.reasoning` is not given, a model that the built-in catalogue lists as a reasoning
model (such as `o3` or `magistral-medium`) counts as one.

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
`sobriety.justification`. Lorsque `model.reasoning` n'est pas renseigné, un modèle que le
catalogue intégré classe parmi les modèles de raisonnement (comme `o3` ou `magistral-medium`)
compte comme tel.

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
derived from its size in billions of parameters (`model.params_b`, else the configured
catalogue's `params_b`); failing both, the built-in catalogue gives it (`rules/models.json`:
common models with the size their vendor published, or, for closed models, an estimated tier
with its basis):

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
paramètres (`model.params_b`, sinon le `params_b` du catalogue configuré) ; à défaut, le
catalogue intégré le donne (`rules/models.json` : modèles courants avec la taille publiée par
leur éditeur ou, pour les modèles fermés, un niveau estimé et son fondement) :

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


def _check_energy(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        calls = get(use, "sobriety.calls_per_month")
        if use.get("status") == "retired" or isinstance(calls, bool):
            continue
        if not isinstance(calls, int) or calls < HIGH_VOLUME:
            continue
        if is_blank(get(use, "sobriety.energy")):
            yield ctx.finding(
                f"{pointer}/sobriety/calls_per_month",
                use_id=use_id(use),
                calls=f"{calls:,}".replace(",", "," if ctx.lang == "en" else " "),
            )


HIGH_VOLUME_WITHOUT_ENERGY = Rule(
    code="SOB003",
    name="high-volume-without-energy-estimate",
    principle="sobriety",
    charters={"private": "P6", "public": "S6"},
    severity="warning",
    summary={
        "en": "A use with a high volume of calls knows its energy use.",
        "fr": "Un usage au volume d'appels élevé connaît sa consommation d'énergie.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` makes {calls} calls a month and gives no `sobriety.energy`: "
            "estimate its energy use (`kwh_month` and `method`)",
            "fr": "l'usage `{use_id}` fait {calls} appels par mois et ne donne pas de "
            "`sobriety.energy` : estimer sa consommation d'énergie (`kwh_month` et `method`)",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use, unless `retired`, that declares `sobriety.calls_per_month` of 100,000 or more and
no `sobriety.energy` estimate.

## Why it matters
Private charter P6 ("keep informed of the environmental impact") and public charter S6
("energy-efficient solutions"). At that volume the use's consumption is no longer negligible,
and it can only be reduced once it is known. The AFNOR frugal-AI framework (Spec 2314) asks
for the impacts to be measured or estimated; tools such as EcoLogits or CodeCarbon give an
estimate per request or per run.

## Example
Failing:
```yaml
sobriety:
  calls_per_month: 250000
```
Passing:
```yaml
sobriety:
  calls_per_month: 250000
  energy:
    kwh_month: 180
    method: EcoLogits estimate for mistral-small-3.1, 800 output tokens a call
```

## How to fix
Estimate the monthly energy use (provider figures, EcoLogits for APIs, CodeCarbon for a
self-hosted model), record it with its method in `sobriety.energy`, and revisit it when the
volume or the model changes.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage, sauf s'il est `retired`, qui déclare `sobriety.calls_per_month` à 100 000 ou
plus sans estimation `sobriety.energy`.

## Pourquoi c'est important
Charte privée P6 (« se tenir informé de l'impact environnemental ») et charte publique S6
(« solutions économes en énergie »). À ce volume, la consommation de l'usage n'est plus
négligeable, et on ne peut la réduire qu'une fois connue. Le référentiel AFNOR de l'IA frugale
(Spec 2314) demande de mesurer ou d'estimer les impacts ; des outils comme EcoLogits ou
CodeCarbon en donnent une estimation par requête ou par exécution.

## Exemple
En échec :
```yaml
sobriety:
  calls_per_month: 250000
```
Conforme :
```yaml
sobriety:
  calls_per_month: 250000
  energy:
    kwh_month: 180
    method: estimation EcoLogits pour mistral-small-3.1, 800 jetons produits par appel
```

## Comment corriger
Estimer la consommation mensuelle (chiffres du fournisseur, EcoLogits pour les API, CodeCarbon
pour un modèle auto-hébergé), la consigner avec sa méthode dans `sobriety.energy`, et la revoir
quand le volume ou le modèle change.
""",
    },
    references=("Charte P6 / S6", "AFNOR Spec 2314 (IA frugale)"),
    check=_check_energy,
)


def _check_smaller_model(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        model = use.get("model")
        if use.get("status") != "production" or not isinstance(model, Mapping):
            continue
        evaluated = get(use, "sobriety.smaller_model_evaluated")
        if evaluated is True:
            continue
        found = _model_tier(model, ctx.policy)
        if found is None or found[0] not in ("large", "frontier"):
            continue
        name = model.get("name")
        label = name.strip() if isinstance(name, str) and name.strip() else f"{found[1]:g} B"
        if evaluated is not None and isinstance(use.get("sobriety"), Mapping):
            where = f"{pointer}/sobriety/smaller_model_evaluated"
        else:
            where = f"{pointer}/model/name" if "name" in model else f"{pointer}/model"
        yield ctx.finding(where, use_id=use_id(use), model=label, tier=found[0])


SMALLER_MODEL_NOT_EVALUATED = Rule(
    code="SOB004",
    name="smaller-model-not-evaluated",
    principle="sobriety",
    charters={"private": "P6", "public": "S6"},
    severity="warning",
    summary={
        "en": "A use in production on a large or frontier model has tried a smaller one.",
        "fr": "Un usage en production sur un modèle `large` ou `frontier` a essayé un modèle "
        "plus petit.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` runs `{model}`, a `{tier}` model, in production without "
            "`sobriety.smaller_model_evaluated: true`: compare it with a smaller model on real "
            "cases",
            "fr": "l'usage `{use_id}` utilise `{model}`, un modèle `{tier}`, en production sans "
            "`sobriety.smaller_model_evaluated: true` : le comparer à un modèle plus petit sur "
            "des cas réels",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `status: production` whose model is in the `large` or `frontier` tier (found
as in `SOB002`: configured catalogue, `model.params_b`, built-in catalogue) and that does not
declare `sobriety.smaller_model_evaluated: true`. A model whose tier cannot be known is not
flagged.

## Why it matters
Private charter P6 ("proportionate solutions; limit calls to the most resource-hungry models")
and public charter S6 ("proportionate solutions fitted to the need"). The AFNOR frugal-AI
framework (Spec 2314) counts a service as frugal only if the need for it, rather than for a
less consuming solution, has been shown. Many production tasks run as well on a model several
times smaller, for a fraction of the energy; only a comparison on real cases tells.

## Example
Failing:
```yaml
status: production
model:
  name: gpt-4o
```
Passing:
```yaml
status: production
model:
  name: gpt-4o
sobriety:
  smaller_model_evaluated: true
  justification: gpt-4o-mini missed a third of the clauses on 200 real contracts.
```

## How to fix
Run the use on a sample of real inputs with a smaller model (for example `mistral-small-3.1`
instead of `mistral-large-2`), compare the quality, and switch if it is enough. Either way,
set `sobriety.smaller_model_evaluated: true`, and say in `sobriety.justification` why the
larger model stays, if it does.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage en `status: production` dont le modèle est de niveau `large` ou `frontier`
(déterminé comme dans `SOB002` : catalogue configuré, `model.params_b`, catalogue intégré) et
qui ne déclare pas `sobriety.smaller_model_evaluated: true`. Un modèle dont le niveau ne peut
être connu n'est pas signalé.

## Pourquoi c'est important
Charte privée P6 (« solutions proportionnées au besoin ; limiter les appels aux modèles les plus
gourmands ») et charte publique S6 (« solutions proportionnées, adaptées au besoin »). Le
référentiel AFNOR de l'IA frugale (Spec 2314) ne tient un service pour frugal que si le besoin de
celui-ci, plutôt que d'une solution moins consommatrice, a été démontré. Beaucoup de tâches en
production tournent aussi bien sur un modèle plusieurs fois plus petit, pour une fraction de
l'énergie ; seule une comparaison sur des cas réels le dit.

## Exemple
En échec :
```yaml
status: production
model:
  name: gpt-4o
```
Conforme :
```yaml
status: production
model:
  name: gpt-4o
sobriety:
  smaller_model_evaluated: true
  justification: gpt-4o-mini manquait un tiers des clauses sur 200 contrats réels.
```

## Comment corriger
Faire tourner l'usage sur un échantillon de cas réels avec un modèle plus petit (par exemple
`mistral-small-3.1` au lieu de `mistral-large-2`), comparer la qualité, et changer si elle
suffit. Dans tous les cas, déclarer `sobriety.smaller_model_evaluated: true`, et dire dans
`sobriety.justification` pourquoi le grand modèle est gardé, s'il l'est.
""",
    },
    references=("Charte P6 / S6", "AFNOR Spec 2314 (IA frugale)"),
    check=_check_smaller_model,
)


RULES = [
    REASONING_ON_SIMPLE_TASK,
    MODEL_ABOVE_TASK_TIER,
    HIGH_VOLUME_WITHOUT_ENERGY,
    SMALLER_MODEL_NOT_EVALUATED,
]
