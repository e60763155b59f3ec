"""Rules for the `human` principle: AI assists, people decide (P4 / S5)."""

from __future__ import annotations

from charte_lint.api import get, rule

from .facts import if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from charte_lint.api import Finding, RuleContext


@rule("HUM001", "decision-without-human", principle="human", severity="error")
def decision_without_human(ctx: RuleContext) -> Iterator[Finding]:
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


# HUM002 ------------------------------------------------------------------------------------


@rule("HUM002", "decision-without-reviewer", principle="human", severity="error")
def decision_without_reviewer(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") == "full" or use.get("status") == "retired":
            continue  # no human acts on each case: HUM001's concern
        for path, message in (("oversight.reviewer", "default"), ("oversight.review", "review")):
            yield from if_missing(ctx, pointer, use, path, message)


# HUM003 ------------------------------------------------------------------------------------


@rule("HUM003", "partial-automation-without-override", principle="human", severity="error")
def partial_automation_without_override(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") != "partial" or use.get("status") == "retired":
            continue
        if get(use, "oversight.can_override") is not True:
            yield ctx.finding(
                missing_pointer(pointer, use, "oversight.can_override"), use_id=use_id(use)
            )


# HUM004 ------------------------------------------------------------------------------------


@rule("HUM004", "decision-without-recourse", principle="human", severity="error")
def decision_without_recourse(ctx: RuleContext) -> Iterator[Finding]:
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


RULES = [
    decision_without_human,
    decision_without_reviewer,
    partial_automation_without_override,
    decision_without_recourse,
]
