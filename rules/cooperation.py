"""Rules for the `cooperation` principle: share what was learned (P9 / S8)."""

from __future__ import annotations

from charte_lint.api import get, rule

from .facts import as_list, if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from charte_lint.api import Finding, RuleContext


@rule(
    "COO001",
    "retired-without-lessons",
    principle="cooperation",
    severity="info",
    # about the end of a use: lessons are asked when it is retired, and only then
    statuses=("retired",),
    reads=("cooperation.lessons",),
)
def retired_without_lessons(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        # `ctx.uses()` also yields a use whose status is missing or invalid (CL104 says so):
        # it is not known to be retired
        if use.get("status") == "retired":
            yield from if_missing(ctx, pointer, use, "cooperation.lessons")


@rule(
    "COO002",
    "production-use-not-shared",
    principle="cooperation",
    severity="info",
    statuses=("production",),  # what a use in production has learnt is worth sharing
    reads=(
        "audience",
        "decision.affects_individuals",
        "ai_act.category",
        "cooperation.shared_in",
        "cooperation.lessons",
    ),
)
def production_use_not_shared(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        audience = as_list(use.get("audience"))
        reaches = (
            "public" in audience
            or "clients" in audience
            or get(use, "decision.affects_individuals") is True
            or get(use, "ai_act.category") == "high"
        )
        if not reaches:
            continue
        if is_blank(get(use, "cooperation.shared_in")) and is_blank(
            get(use, "cooperation.lessons")
        ):
            yield ctx.finding(
                missing_pointer(pointer, use, "cooperation.shared_in"), use_id=use_id(use)
            )


RULES = [retired_without_lessons, production_use_not_shared]
