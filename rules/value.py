"""Rules for the `value` principle: AI only where it answers a real need (P1 / S1)."""

from __future__ import annotations

from charte_lint.api import get, rule
from charte_lint.placeholders import is_placeholder, normalise

from .facts import BEFORE_USE, IN_USE, as_list, if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _repeats(need: str, name: Any) -> bool:
    # Texts whose lengths differ this much are not the same words in practice: skip the work.
    if not isinstance(name, str) or abs(len(name.strip()) - len(need)) > 10:
        return False
    return normalise(name) == normalise(need)


@rule(
    "VAL001",
    "need-placeholder",
    principle="value",
    severity="error",
    statuses=BEFORE_USE,  # an idea may still say `TODO`
    reads=("purpose.need", "name"),
)
def need_placeholder(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        need = get(use, "purpose.need")
        if not isinstance(need, str) or not need:  # the schema reports a missing or "" need
            continue
        where = f"{pointer}/purpose/need"
        need = need.strip()
        if not need:
            yield ctx.finding(where, "empty", use_id=use_id(use))
        elif is_placeholder(need):
            yield ctx.finding(where, use_id=use_id(use), need=need)
        elif _repeats(need, use.get("name")):
            yield ctx.finding(where, "repeats_name", use_id=use_id(use))


# Under the public charter (S1), who a use may serve: residents or users, or agents.
_PUBLIC_BENEFICIARIES = ("residents", "users", "agents", "staff", "clients")


@rule(
    "VAL002",
    "beneficiaries-missing",
    principle="value",
    severity="warning",
    statuses=IN_USE,
    reads=("purpose.beneficiaries",),
)
def beneficiaries_missing(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if is_blank(get(use, "purpose.beneficiaries")):
            yield ctx.finding(
                missing_pointer(pointer, use, "purpose.beneficiaries"),
                use_id=use_id(use),
                status=use.get("status"),
            )


def _weighs_on_people(use: Mapping[str, Any]) -> bool:
    audience = as_list(use.get("audience"))
    return (
        "public" in audience
        or "clients" in audience
        or get(use, "decision.affects_individuals") is True
        or get(use, "ai_act.category") == "high"
    )


@rule(
    "VAL003",
    "benefits-missing",
    principle="value",
    severity="warning",
    statuses=IN_USE,
    reads=("audience", "decision.affects_individuals", "ai_act.category", "purpose.benefits"),
)
def benefits_missing(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if _weighs_on_people(use):
            yield from if_missing(ctx, pointer, use, "purpose.benefits", status=use.get("status"))


@rule(
    "VAL004",
    "no-public-beneficiary",
    principle="value",
    severity="warning",
    charters=("public",),
    statuses=BEFORE_USE,
    reads=("purpose.beneficiaries",),
)
def no_public_beneficiary(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        beneficiaries = [  # a placeholder (`[TODO]`) is CL106's: it names no one yet
            b
            for b in as_list(get(use, "purpose.beneficiaries"))
            if isinstance(b, str) and not is_placeholder(b)
        ]
        if beneficiaries and not any(b in _PUBLIC_BENEFICIARIES for b in beneficiaries):
            yield ctx.finding(
                f"{pointer}/purpose/beneficiaries",
                use_id=use_id(use),
                beneficiaries=", ".join(beneficiaries),
            )


RULES = [need_placeholder, beneficiaries_missing, benefits_missing, no_public_beneficiary]
