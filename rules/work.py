"""Rules for the `work` principle: AI relieves work, it does not replace people (P7 / S7)."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get, rule

from .facts import (
    BEFORE_USE,
    headcount,
    high_risk_points,
    is_blank,
    missing_pointer,
    staff_facts,
    use_id,
    work_change_facts,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, RuleContext


@rule(
    "WRK001",
    "headcount-reduction",
    principle="work",
    severity="error",
    statuses=BEFORE_USE,
    reads=("work.impact",),
)
def headcount_reduction(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "work.impact") == "headcount_reduction":
            yield ctx.finding(f"{pointer}/work/impact", use_id=use.get("id", "?"))


def _informed(use: Mapping[str, Any]) -> bool:
    """Staff informed, or consulted (a consultation informs first)."""
    return not (is_blank(get(use, "work.staff_informed")) and _not_consulted(use))


def _not_consulted(use: Mapping[str, Any]) -> bool:
    return is_blank(get(use, "work.staff_consulted"))


def _workers_subject(use: Mapping[str, Any]) -> list[str]:
    """The facts that make the staff subject to the use (AI Act art. 26(7): "the affected
    workers ... will be subject to the use"): their data, the workplace, decisions about their
    work. Job candidates are not yet workers."""
    return [
        fact
        for fact in staff_facts(use)
        if fact not in ("data.subjects: candidates", "decision.purpose: recruitment")
    ]


def _high_risk_at_work(use: Mapping[str, Any], ctx: RuleContext) -> list[str]:
    """The facts that make a high-risk use one at the workplace; empty when it is not."""
    if high_risk_points(use, ctx.manifest, ctx.shared, ctx.today) is None:
        return []
    return _workers_subject(use)


def _facts(facts: list[str]) -> str:
    return ", ".join(f"`{fact}`" for fact in facts)


@rule(
    "WRK002",
    "high-risk-workers-not-informed",
    principle="work",
    severity="error",
    statuses=BEFORE_USE,
    reads=(
        "organisation.country",
        "ai_act.category",
        "ai_act.annex_iii",
        "domain",
        "capabilities",
        "decision.purpose",
        "data.subjects",
        "settings",
        "work.staff_informed",
        "work.staff_consulted",
    ),
    duties=("inform_workers",),
)
def high_risk_workers_not_informed(ctx: RuleContext) -> Iterator[Finding]:
    message = "default" if ctx.law.duty("inform_workers") is not None else "charter"
    body = ctx.law.term("staff_body", ctx.lang)
    for pointer, use in ctx.uses():
        facts = _high_risk_at_work(use, ctx)
        if not facts or _informed(use):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "work.staff_informed"),
            message,
            duty="inform_workers",
            use=use,
            use_id=use_id(use),
            status=use.get("status"),
            facts=_facts(facts),
            body=body,
        )


# Code du travail L2312-8: the CSE's attributions of section 3, in companies of 50 employees
# or more; below, there is no CSE to consult on a new technology.
CSE_THRESHOLD = 50


def _new_technology(use: Mapping[str, Any], private: bool) -> list[str]:
    """The facts that make the use a new technology at work, as French law reads them: for a
    private employer (L2312-8, "l'introduction de nouvelles technologies", whatever its
    effects), any use its staff work with or are subject to; for a public body, whose
    committees are consulted on the organisation of work and the projects that change working
    conditions, a use the staff are subject to or that changes jobs."""
    if private:
        return work_change_facts(use)
    return [fact for fact in work_change_facts(use) if not fact.startswith(("audience", "purpose"))]


@rule(
    "WRK003",
    "staff-not-informed",
    principle="work",
    severity="warning",
    statuses=BEFORE_USE,
    reads=(
        "organisation.country",
        "organisation.sector",
        "organisation.agents",
        "data.subjects",
        "settings",
        "decision.purpose",
        "work.impact",
        "audience",
        "purpose.beneficiaries",
        "work.staff_informed",
        "work.staff_consulted",
    ),
    duties=("staff_consultation",),
)
def staff_not_informed(ctx: RuleContext) -> Iterator[Finding]:
    law = ctx.law
    body = law.term("staff_body", ctx.lang)
    if law.duty("staff_consultation") is None:  # no national duty known: the charter's own
        yield from _charter_information(ctx, body)
        return
    private = law.applies("code_du_travail")
    agents = headcount(ctx.manifest) if private else None
    if private and agents is not None and agents < CSE_THRESHOLD:
        return  # no CSE to consult
    if private and agents is None:
        # Whether a CSE must be consulted turns on the headcount: ask for it where the staff
        # are at the receiving end of a use (their data, the workplace, their work), and
        # say nothing of the tools they merely use (a 15-line manifest stays clean).
        asked = [use for _, use in ctx.uses() if staff_facts(use) and _not_consulted(use)]
        if asked:
            finding = ctx.finding(
                missing_pointer("", ctx.manifest, "organisation.agents"),
                "headcount",
                uses=", ".join(f"`{use_id(use)}`" for use in asked),
                threshold=CSE_THRESHOLD,
            )
            yield finding.replace(severity=ctx.rule.charter_severity)
        return
    for pointer, use in ctx.uses():
        facts = _new_technology(use, private)
        if not facts or not _not_consulted(use):
            continue
        informed = not is_blank(get(use, "work.staff_informed"))
        yield ctx.finding(
            missing_pointer(pointer, use, "work.staff_consulted"),
            "informed_only" if informed else "default",
            duty="staff_consultation",
            use=use,
            use_id=use_id(use),
            status=use.get("status"),
            facts=_facts(facts),
            body=body,
        )


def _charter_information(ctx: RuleContext, body: str) -> Iterator[Finding]:
    """Where no law of the country known here asks for a consultation: the charter's own
    commitment to tell the staff about a use they are subject to (job candidates are not staff
    yet; high-risk uses at the workplace are WRK002's)."""
    for pointer, use in ctx.uses():
        facts = _workers_subject(use)
        if not facts or _informed(use) or _high_risk_at_work(use, ctx):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "work.staff_informed"),
            "charter",
            use_id=use_id(use),
            status=use.get("status"),
            facts=_facts(facts),
            body=body,
        )


RULES = [headcount_reduction, high_risk_workers_not_informed, staff_not_informed]
