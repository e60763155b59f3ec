"""Rules for the `security` principle: keep checking the tools in use (P8; S9 in the public
charter, which folds security into continuous vigilance)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from charte_lint.api import duration_days, get, parse_date, rule

from .facts import BEFORE_USE, IN_USE, high_risk_points, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def _cadence(value: Any) -> tuple[str, int] | None:
    days = duration_days(value) if isinstance(value, str) else None
    return (value, days) if days else None


def _day(value: Any) -> dt.date | None:
    day = parse_date(value)
    return day.date() if isinstance(day, dt.datetime) else day


@rule(
    "SEC001",
    "review-overdue",
    principle="security",
    severity="warning",
    statuses=BEFORE_USE,
    reads=("review.last", "review.every", "dates.end", "status"),
)
def review_overdue(ctx: RuleContext) -> Iterator[Finding]:
    default = _cadence(ctx.policy.review_every)
    for pointer, use in ctx.uses():
        # A pilot or production use past its planned end (`dates.end`) is stale: the
        # declaration says it still runs, its own plan says it should not.
        end = _day(get(use, "dates.end"))
        status = use.get("status")
        if end is not None and end < ctx.today and status in IN_USE:
            yield ctx.finding(
                f"{pointer}/dates/end",
                "ended",
                use_id=use_id(use),
                status=status,
                end=end.isoformat(),
                today=ctx.today.isoformat(),
            )
        last = parse_date(get(use, "review.last"))
        if last is None:
            continue
        if isinstance(last, dt.datetime):
            last = last.date()
        if last > ctx.today:  # a review cannot have taken place yet: a typo, or a wish
            yield ctx.finding(
                f"{pointer}/review/last",
                "future",
                use_id=use_id(use),
                last=last.isoformat(),
                today=ctx.today.isoformat(),
            )
            continue
        cadence = _cadence(get(use, "review.every")) or default
        if cadence is None:
            continue
        every, days = cadence
        try:
            due = last + dt.timedelta(days=days)
        except OverflowError:  # a review.last near year 9999
            continue
        if due < ctx.today:
            yield ctx.finding(
                f"{pointer}/review/last",
                use_id=use_id(use),
                last=last.isoformat(),
                due=due.isoformat(),
                every=every,
            )


@rule(
    "SEC002",
    "saas-without-exit-plan",
    principle="security",
    severity="warning",
    # a dependency to get out of is one the organisation has: a use in production
    statuses=("production",),
    reads=("tool.hosting", "tool.exit_plan"),
)
def saas_without_exit_plan(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "tool.hosting") != "saas":
            continue
        if is_blank(get(use, "tool.exit_plan")):
            tool = get(use, "tool.name")
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.exit_plan"),
                use_id=use_id(use),
                tool=tool.strip() if isinstance(tool, str) and tool.strip() else "?",
            )


@rule(
    "SEC003",
    "risks-not-handled",
    principle="security",
    severity="warning",
    statuses=BEFORE_USE,
    reads=(
        "ai_act.category",
        "ai_act.annex_iii",
        "domain",
        "capabilities",
        "decision.affects_individuals",
        "risks",
    ),
)
def risks_not_handled(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    for pointer, use in ctx.uses():
        high_risk = high_risk_points(use, manifest, ctx.shared, ctx.today) is not None
        if not high_risk and get(use, "decision.affects_individuals") is not True:
            continue
        why = ctx.term("high_risk_why", "high_risk" if high_risk else "decisions")
        risks = use.get("risks")
        if is_blank(risks) or not isinstance(risks, list):
            yield ctx.finding(
                f"{pointer}/risks" if "risks" in use else pointer, use_id=use_id(use), why=why
            )
            continue
        for index, risk in enumerate(risks):
            if isinstance(risk, Mapping) and is_blank(risk.get("mitigation")):
                name = risk.get("risk")
                yield ctx.finding(
                    f"{pointer}/risks/{index}",
                    "unmitigated",
                    use_id=use_id(use),
                    why=why,
                    risk=name.strip() if isinstance(name, str) and name.strip() else "?",
                )


RULES = [review_overdue, saas_without_exit_plan, risks_not_handled]
