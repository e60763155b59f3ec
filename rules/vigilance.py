"""Rules for the `vigilance` principle: assess before starting a project (S9; part of P8 in the
private charter)."""

from __future__ import annotations

from charte_lint.api import get, rule

from .facts import (
    LIVE_STATUSES,
    PUBLIC_SECTORS,
    UNDER_WAY,
    exemption_claimed,
    high_risk_points,
    if_missing,
    missing_pointer,
    prohibited_grounds,
    reaches_people,
    sector,
    strings,
    use_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, RuleContext


def describe_points(points: list[str], ctx: RuleContext) -> str:
    """`4 (employment and workers management), 5(b) (...)`, in the run's language."""
    return ", ".join(f"{point} ({ctx.term('annex_iii_areas', point[0])})" for point in points)


@rule(
    "VIG001",
    "pre-project-assessment-missing",
    principle="vigilance",
    severity="warning",
    charters=("public",),
)
def pre_project_assessment_missing(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in UNDER_WAY or not reaches_people(use):
            continue
        yield from if_missing(ctx, pointer, use, "assessments.pre_project", status=status)


@rule("VIG002", "prohibited-practice", principle="vigilance", severity="error")
def prohibited_practice(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            continue
        for message, where in prohibited_grounds(use):
            yield ctx.finding(pointer + where, message, use_id=use_id(use))


@rule("VIG003", "high-risk-not-declared", principle="vigilance", severity="error")
def high_risk_not_declared(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    for pointer, use in ctx.uses():
        category = get(use, "ai_act.category")
        if category in ("high", "prohibited") or exemption_claimed(use):
            continue
        if use.get("status") == "retired":
            continue
        points = high_risk_points(use, manifest, ctx.shared)
        if not points:
            continue
        common: dict[str, Any] = {"use_id": use_id(use), "points": describe_points(points, ctx)}
        if category in ("minimal", "limited"):
            yield ctx.finding(f"{pointer}/ai_act/category", category=category, **common)
        else:
            where = missing_pointer(pointer, use, "ai_act.category")
            yield ctx.finding(where, "undeclared", **common)


@rule("VIG004", "exemption-with-profiling", principle="vigilance", severity="error")
def exemption_with_profiling(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            continue
        if exemption_claimed(use) and "profiling" in strings(use.get("capabilities")):
            yield ctx.finding(f"{pointer}/ai_act/exemption", use_id=use_id(use))


@rule("VIG005", "fria-missing", principle="vigilance", severity="error")
def fria_missing(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    public = sector(manifest) in PUBLIC_SECTORS
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES:
            continue
        points = high_risk_points(use, manifest, ctx.shared)
        if not points or any(point.startswith("2") for point in points):
            continue
        scoring = any(point in ("5(b)", "5(c)") for point in points)
        if not (public or scoring) or get(use, "assessments.fria.status") == "done":
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "assessments.fria.status"),
            "public" if public else "scoring",
            use_id=use_id(use),
            status=status,
            points=describe_points(points, ctx),
        )


@rule("VIG006", "eu-registration-missing", principle="vigilance", severity="error")
def registration_missing(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    if sector(manifest) != "public_body":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES:
            continue
        points = high_risk_points(use, manifest, ctx.shared)
        if not points or any(point.startswith("2") for point in points):
            continue
        yield from if_missing(ctx, pointer, use, "ai_act.registration", status=status)


RULES = [
    pre_project_assessment_missing,
    prohibited_practice,
    high_risk_not_declared,
    exemption_with_profiling,
    fria_missing,
    registration_missing,
]
