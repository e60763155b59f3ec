"""Rules for the `vigilance` principle: assess before starting a project (S9; part of P8 in the
private charter), and the AI Act's classification and deployer duties.

The AI Act rules (VIG002 to VIG007) follow Regulation (EU) 2024/1689 as amended by Regulation
(EU) 2026/1744; what they read is in `facts.py` ("The AI Act"), the legal calendar in
`charte_lint/content/law.yaml`. They stay silent where the AI Act does not apply (an
organisation established outside the EU and the EEA, `organisation.country`).
"""

from __future__ import annotations

from charte_lint.api import get, rule

from .facts import (
    BEFORE_USE,
    IN_USE,
    PUBLIC_SECTORS,
    annex_iii_points,
    decides_about_people,
    declared_point,
    exemption_blockers,
    exemption_claimed,
    high_risk_points,
    if_missing,
    is_ai_system,
    is_blank,
    missing_pointer,
    prohibited_grounds,
    reaches_people,
    sector,
    strings,
    use_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext

_SECTOR_FACTS = ("organisation.sector", "charter", "organisation.country")
_CLASSIFICATION_FACTS = (
    "algorithm.type",
    "capabilities",
    "domain",
    "settings",
    "data.subjects",
    "data.modalities",
    "data.special",
    "decision.affects_individuals",
    "decision.purpose",
    "decision.subjects_are",
    "ai_act.category",
    "ai_act.annex_iii",
    "ai_act.exemption",
    "waivers",
    "dates.start",
    *_SECTOR_FACTS,
)


def describe_points(
    points: list[str], ctx: RuleContext, use: Mapping[str, Any] | None = None
) -> str:
    """`4(b) (employment and workers management), 5(b) (...)`, in the run's language; a point a
    `domain` label decided (the facts that would were not declared, and `ai_act.annex_iii` does
    not name it) says so."""
    inferred = (
        {found.point: found.inferred for found in annex_iii_points(use, ctx.manifest)}
        if use is not None
        else {}
    )
    if use is not None:
        inferred.pop(declared_point(use) or "", None)  # the use names the point itself
    described = []
    for point in points:
        label = point
        if ctx.lang == "fr" and "(" in point:  # French citation style: "point 5, b)"
            label = point.replace("(", ", ")
        words = ctx.term("annex_iii_areas", point[0])
        if inferred.get(point):
            words += ctx.term("ai_act", f"inferred_{inferred[point]}")
        described.append(f"{label} ({words})")
    return ", ".join(described)


def _ai_act_applies(ctx: RuleContext) -> bool:
    """The AI Act binds organisations established in the EU and the EEA (its territorial
    scope, Art. 2(1), also reaches others whose output is used in the Union: the manifest cannot
    tell, and these rules stay silent rather than guess)."""
    return ctx.law.applies("ai_act")


@rule(
    "VIG001",
    "pre-project-assessment-missing",
    principle="vigilance",
    severity="warning",
    charters=("public",),
    statuses=BEFORE_USE,
    reads=(
        "audience",
        "purpose.beneficiaries",
        "data.personal",
        "data.special",
        "decision.affects_individuals",
        "interaction.published",
        "assessments.pre_project",
    ),
)
def pre_project_assessment_missing(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in BEFORE_USE or not reaches_people(use):
            continue
        yield from if_missing(ctx, pointer, use, "assessments.pre_project", status=status)


@rule(
    "VIG002",
    "prohibited-practice",
    principle="vigilance",
    severity="error",
    statuses=("idea", *BEFORE_USE),
    reads=(
        "algorithm.type",
        "ai_act.category",
        "capabilities",
        "settings",
        "data.subjects",
        "data.modalities",
        "data.special",
        "domain",
        "waivers",
        "organisation.country",
    ),
    duties=("prohibited_practices",),
)
def prohibited_practice(ctx: RuleContext) -> Iterator[Finding]:
    if not _ai_act_applies(ctx):
        return
    for pointer, use in ctx.uses():
        if not is_ai_system(use):
            continue  # rules written by people: not an AI system (art. 3(1))
        if use.get("status") == "retired":
            continue
        for ground in prohibited_grounds(use, ctx.manifest, ctx.today):
            params = dict(ground.params)
            if "area" in params:
                params["area"] = ctx.term("ai_act_areas", params["area"])
            yield ctx.finding(
                pointer + ground.where,
                ground.message,
                duty="prohibited_practices",
                use=use,
                use_id=use_id(use),
                **params,
            )


@rule(
    "VIG003",
    "high-risk-not-declared",
    principle="vigilance",
    severity="error",
    statuses=BEFORE_USE,
    reads=_CLASSIFICATION_FACTS,
    duties=("high_risk",),
)
def high_risk_not_declared(ctx: RuleContext) -> Iterator[Finding]:
    if not _ai_act_applies(ctx):
        return
    manifest = ctx.manifest
    for pointer, use in ctx.uses():
        if not is_ai_system(use):
            continue  # rules written by people: not an AI system (art. 3(1))
        category = get(use, "ai_act.category")
        if category in ("high", "prohibited") or exemption_claimed(use):
            continue
        if use.get("status") == "retired":
            continue
        points = high_risk_points(use, manifest, ctx.shared, today=ctx.today)
        if not points:
            continue
        common: dict[str, Any] = {
            "use_id": use_id(use),
            "points": describe_points(points, ctx, use),
        }
        if category in ("minimal", "limited"):
            where, message = f"{pointer}/ai_act/category", "default"
        else:
            where, message = missing_pointer(pointer, use, "ai_act.category"), "undeclared"
        yield ctx.finding(where, message, duty="high_risk", use=use, category=category, **common)


@rule(
    "VIG004",
    "exemption-with-profiling",
    principle="vigilance",
    severity="error",
    statuses=BEFORE_USE,
    reads=(
        "algorithm.type",
        "ai_act.exemption",
        "capabilities",
        "decision.subjects_are",
        "decision.stage",
        "decision.automation",
        "organisation.country",
    ),
    duties=("high_risk",),
)
def exemption_with_profiling(ctx: RuleContext) -> Iterator[Finding]:
    if not _ai_act_applies(ctx):
        return
    for pointer, use in ctx.uses():
        if not is_ai_system(use):
            continue  # rules written by people: not an AI system (art. 3(1))
        if use.get("status") == "retired" or not exemption_claimed(use):
            continue
        blockers = exemption_blockers(use)
        if blockers:
            message, _ = blockers[0]
            yield ctx.finding(
                f"{pointer}/ai_act/exemption",
                message,
                duty="high_risk",
                use=use,
                use_id=use_id(use),
                automation=get(use, "decision.automation"),
            )


def _annex_iii_uses(
    ctx: RuleContext,
) -> Iterator[tuple[str, Mapping[str, Any], list[str]]]:
    """(pointer, use, points) for each use the AI Act's deployer duties bind: high-risk under
    Annex III (Art. 6(2)) with a point of it, critical infrastructure (point 2) left out as
    Art. 27(1) and 49(3) do."""
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            continue
        points = high_risk_points(use, ctx.manifest, ctx.shared, today=ctx.today)
        if points and not any(point.startswith("2") for point in points):
            yield pointer, use, points


@rule(
    "VIG005",
    "fria-missing",
    principle="vigilance",
    severity="error",
    statuses=BEFORE_USE,
    reads=(*_CLASSIFICATION_FACTS, "assessments.fria.status"),
    duties=("fria",),
)
def fria_missing(ctx: RuleContext) -> Iterator[Finding]:
    if not _ai_act_applies(ctx):
        return
    organisation = sector(ctx.manifest)
    public = organisation in PUBLIC_SECTORS
    for pointer, use, points in _annex_iii_uses(ctx):
        scoring = any(point in ("5(b)", "5(c)") for point in points)
        if not (public or scoring) or get(use, "assessments.fria.status") == "done":
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "assessments.fria.status"),
            "public" if public else "scoring",
            duty="fria",
            use=use,
            use_id=use_id(use),
            status=use.get("status"),
            sector=organisation,
            points=describe_points(points, ctx, use),
        )


@rule(
    "VIG006",
    "eu-registration-missing",
    principle="vigilance",
    severity="error",
    statuses=BEFORE_USE,
    reads=(*_CLASSIFICATION_FACTS, "ai_act.registration"),
    duties=("eu_registration",),
)
def registration_missing(ctx: RuleContext) -> Iterator[Finding]:
    if not _ai_act_applies(ctx):
        return
    organisation = sector(ctx.manifest)
    if organisation not in PUBLIC_SECTORS:
        return
    for pointer, use, points in _annex_iii_uses(ctx):
        if not is_blank(get(use, "ai_act.registration")):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "ai_act.registration"),
            "default" if organisation == "public_body" else "on_behalf",
            duty="eu_registration",
            use=use,
            use_id=use_id(use),
            status=use.get("status"),
            points=describe_points(points, ctx, use),
        )


@rule(
    "VIG007",
    "affected-persons-not-informed",
    principle="vigilance",
    severity="error",
    statuses=IN_USE,
    reads=(
        "algorithm.type",
        *_CLASSIFICATION_FACTS,
        "decision.stage",
        "transparency.mention",
        "interaction.disclosure",
    ),
    duties=("inform_affected_persons",),
)
def affected_persons_not_informed(ctx: RuleContext) -> Iterator[Finding]:
    if not _ai_act_applies(ctx):
        return
    for pointer, use in ctx.uses():
        if not is_ai_system(use):
            continue  # rules written by people: not an AI system (art. 3(1))
        if not is_ai_system(use):
            continue  # rules written by people: not an AI system (art. 3(1))
        if not is_ai_system(use):
            continue  # rules written by people: not an AI system (art. 3(1))
        if use.get("status") == "retired" or not decides_about_people(use):
            continue
        subjects = strings(get(use, "data.subjects"))
        if subjects and all(subject == "staff" for subject in subjects):
            continue  # the workers themselves: Art. 26(7) informs them before use (WRK002)
        points = high_risk_points(use, ctx.manifest, ctx.shared, today=ctx.today)
        # Art. 26(11): "For high-risk AI systems used for law enforcement purposes Article 13 of
        # Directive (EU) 2016/680 shall apply" instead.
        if not points or any(point.startswith("6") for point in points):
            continue
        informed = get(use, "transparency.mention"), get(use, "interaction.disclosure")
        if not all(is_blank(text) for text in informed):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "transparency.mention"),
            duty="inform_affected_persons",
            use=use,
            use_id=use_id(use),
            points=describe_points(points, ctx, use),
        )


RULES = [
    pre_project_assessment_missing,
    prohibited_practice,
    high_risk_not_declared,
    exemption_with_profiling,
    fria_missing,
    registration_missing,
    affected_persons_not_informed,
]
