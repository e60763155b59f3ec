"""Rules for the `sobriety` principle: models proportionate to the task (P6 / S6)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping

from charte_lint.api import get, rule

from .facts import BEFORE_USE, is_blank, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, Policy, RuleContext

_SIMPLE_TASKS = ("classification", "extraction", "translation", "summarization", "transcription")
TIERS = ("small", "medium", "large", "frontier")
# Upper bounds, in billions of parameters, of the tiers derived from a model's size.
TIER_LIMITS = ((15, "small"), (80, "medium"), (300, "large"))


@rule(
    "SOB001",
    "reasoning-on-simple-task",
    principle="sobriety",
    severity="warning",
    statuses=BEFORE_USE,
    reads=("task", "model.reasoning", "model.name"),
)
def reasoning_on_simple_task(ctx: RuleContext) -> Iterator[Finding]:
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


_MODELS_FILE = "models.json"
_builtin_index: dict[str, Mapping[str, Any]] | None = None


def builtin_models() -> list[dict[str, Any]]:
    """The built-in model catalogue (`rules/models.json`), as a list of entries.

    Each entry: `name` and `aliases` (matched without regard to case), `params_b` (billions of
    parameters as the vendor published them, `null` when it did not), `tier`, `source` (where
    the size comes from, or the basis of the estimated tier, with a date) and, for models that
    always reason before answering, `reasoning: true`."""
    with open(os.path.join(os.path.dirname(__file__), _MODELS_FILE), encoding="utf-8") as file:
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


@rule(
    "SOB002",
    "model-above-task-tier",
    principle="sobriety",
    severity="warning",
    statuses=BEFORE_USE,
    reads=("task", "model.name", "model.params_b", "sobriety.justification"),
)
def model_above_task_tier(ctx: RuleContext) -> Iterator[Finding]:
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
        common: dict[str, Any] = {
            "use_id": use_id(use),
            "tier": tier,
            "task": task,
            "max_tier": max_tier,
        }
        if isinstance(name, str) and name.strip():
            yield ctx.finding(f"{pointer}/model/name", model=name.strip(), **common)
        else:
            yield ctx.finding(f"{pointer}/model/params_b", "unnamed", params_b=params_b, **common)


@rule(
    "SOB003",
    "high-volume-without-energy-estimate",
    principle="sobriety",
    severity="warning",
    statuses=BEFORE_USE,
    reads=("sobriety.calls_per_month", "sobriety.energy"),
    # calls a month from which a use should know its energy use
    options={"calls_per_month": 100_000},
    options_schema={
        "type": "object",
        "properties": {"calls_per_month": {"type": "integer", "minimum": 1}},
        "additionalProperties": False,
    },
)
def high_volume_without_energy(ctx: RuleContext) -> Iterator[Finding]:
    high_volume = ctx.options["calls_per_month"]
    for pointer, use in ctx.uses():
        calls = get(use, "sobriety.calls_per_month")
        if isinstance(calls, bool):
            continue
        if not isinstance(calls, int) or calls < high_volume:
            continue
        if is_blank(get(use, "sobriety.energy")):
            yield ctx.finding(
                f"{pointer}/sobriety/calls_per_month",
                use_id=use_id(use),
                calls=f"{calls:,}".replace(",", "," if ctx.lang == "en" else " "),
            )


@rule(
    "SOB004",
    "smaller-model-not-evaluated",
    principle="sobriety",
    severity="warning",
    # a pilot is where models are compared: asked of a use once it is in production
    statuses=("production",),
    reads=("model.name", "model.params_b", "sobriety.smaller_model_evaluated"),
)
def smaller_model_not_evaluated(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        model = use.get("model")
        if not isinstance(model, Mapping):
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


RULES = [
    reasoning_on_simple_task,
    model_above_task_tier,
    high_volume_without_energy,
    smaller_model_not_evaluated,
]
