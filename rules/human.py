"""Rules for the `human` principle: AI assists, people decide (P4 / S5); and the law on decisions
based solely on automated processing (GDPR art. 22, UK GDPR arts 22A to 22D, loi 78-17 art. 47),
whose facts are derived in `gdpr.py`."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get, rule

from .data import dpia_mandatory
from .facts import BEFORE_USE, IN_USE, if_missing, is_blank, missing_pointer, strings, use_id
from .gdpr import (
    ART22_SPECIAL_BASES,
    art9_categories,
    art22_case,
    art22_exception,
    data_protection_law,
    effect_text,
    effect_unknown,
    settles_cases_alone,
    uk,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, RuleContext

_DECISION_FACTS = (
    "decision.affects_individuals",
    "decision.automation",
    "decision.significant_effect",
    "decision.administrative",
    "decision.purpose",
)


@rule(
    "HUM001",
    "decision-without-human",
    principle="human",
    severity="error",
    statuses=IN_USE,
    reads=(
        *_DECISION_FACTS,
        "data.legal_basis",
        "legal_texts",
        "data.special",
        "data.special_basis",
        "oversight.can_override",
        "organisation.country",
        "organisation.sector",
    ),
    duties=("automated_decision", "automated_decision_special"),
)
def decision_without_human(ctx: RuleContext) -> Iterator[Finding]:
    law = data_protection_law(ctx)
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        where = f"{pointer}/decision/automation"
        legal = list(_art22_findings(ctx, pointer, use)) if law and art22_case(use) else []
        yield from legal
        if get(use, "decision.automation") != "full" or any(f.pointer == where for f in legal):
            continue  # the charter asks what the law already asks at the same place
        if ctx.charter == "public":
            yield ctx.finding(where, "public", use_id=use_id(use))
        elif get(use, "decision.significant_effect") is True:
            yield ctx.finding(where, use_id=use_id(use))


def _art22_findings(ctx: RuleContext, pointer: str, use: Mapping[str, Any]) -> Iterator[Finding]:
    """GDPR art. 22(2) to (4), or UK GDPR arts 22B and 22C, for a use that takes decisions based
    solely on automated processing with a legal or similarly significant effect."""
    where = f"{pointer}/decision/automation"
    automation = get(use, "decision.automation")
    effect = effect_text(ctx, use)
    common: dict[str, Any] = {"use_id": use_id(use), "automation": automation, "effect": effect}
    if not uk(ctx) and art22_exception(ctx, use) is None:
        yield ctx.finding(where, "no_exception", duty="automated_decision", use=use, **common)
    elif automation == "full" and get(use, "oversight.can_override") is not True:
        # with `partial`, HUM003 asks the same of the reviewer
        yield ctx.finding(where, "intervention", duty="automated_decision", use=use, **common)
    special = art9_categories(use)
    if special and get(use, "data.special_basis") not in ART22_SPECIAL_BASES:
        yield ctx.finding(
            f"{pointer}/data/special",
            "special",
            duty="automated_decision_special",
            use=use,
            use_id=use_id(use),
            categories=", ".join(special),
        )


# HUM002 ------------------------------------------------------------------------------------


@rule(
    "HUM002",
    "decision-without-reviewer",
    principle="human",
    severity="error",
    statuses=IN_USE,
    reads=(
        "decision.affects_individuals",
        "decision.automation",
        "oversight.reviewer",
        "oversight.review",
    ),
)
def decision_without_reviewer(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") == "full":
            continue  # no human acts on each case: HUM001's concern
        for path, message in (("oversight.reviewer", "default"), ("oversight.review", "review")):
            yield from if_missing(ctx, pointer, use, path, message)


# HUM003 ------------------------------------------------------------------------------------


@rule(
    "HUM003",
    "partial-automation-without-override",
    principle="human",
    severity="error",
    statuses=IN_USE,
    reads=(*_DECISION_FACTS, "oversight.can_override", "organisation.country"),
    duties=("automated_decision",),
)
def partial_automation_without_override(ctx: RuleContext) -> Iterator[Finding]:
    law = data_protection_law(ctx)
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if get(use, "decision.automation") != "partial":
            continue
        if get(use, "oversight.can_override") is True:
            continue
        where = missing_pointer(pointer, use, "oversight.can_override")
        yield _art22_or_charter(ctx, where, use, law and art22_case(use))


# HUM004 ------------------------------------------------------------------------------------


@rule(
    "HUM004",
    "decision-without-recourse",
    principle="human",
    severity="error",
    statuses=IN_USE,
    reads=(*_DECISION_FACTS, "recourse", "organisation.country"),
    duties=("automated_decision",),
)
def decision_without_recourse(ctx: RuleContext) -> Iterator[Finding]:
    law = data_protection_law(ctx)
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        significant = get(use, "decision.significant_effect") is True
        art22 = law and art22_case(use)
        if not (significant or get(use, "decision.administrative") is True or art22):
            continue
        if not is_blank(use.get("recourse")):
            continue
        where = pointer if "recourse" not in use else f"{pointer}/recourse"
        yield _art22_or_charter(ctx, where, use, art22)


def _art22_or_charter(ctx: RuleContext, where: str, use: Mapping[str, Any], art22: bool) -> Finding:
    """The GDPR art. 22(3) safeguard where art. 22 reaches the use, else the charter's ask."""
    if not art22:
        return ctx.finding(where, use_id=use_id(use))
    return ctx.finding(
        where,
        "art22",
        duty="automated_decision",
        use=use,
        use_id=use_id(use),
        effect=effect_text(ctx, use),
    )


# HUM005 ------------------------------------------------------------------------------------

_PROFILING = ("profiling", "scoring")


@rule(
    "HUM005",
    "decision-facts-missing",
    principle="human",
    severity="warning",
    statuses=BEFORE_USE,
    reads=(
        *_DECISION_FACTS,
        "capabilities",
        "data.personal",
        "assessments.dpia.status",
        "organisation.country",
    ),
    duties=("automated_decision", "dpia"),
)
def decision_facts_missing(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return  # the facts are asked because the data protection law turns on them
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        if not is_blank(get(use, "decision.purpose")):
            continue
        where = missing_pointer(pointer, use, "decision.purpose")
        if settles_cases_alone(use) and effect_unknown(use):
            # art. 22 binds decisions actually taken: in design, the calendar makes it a question
            # at charter severity ("legal duty before the use starts")
            yield ctx.finding(
                where,
                duty="automated_decision",
                use=use,
                use_id=use_id(use),
                automation=get(use, "decision.automation"),
            )
            continue
        profiles = any(c in _PROFILING for c in strings(use.get("capabilities")))
        dpia = get(use, "assessments.dpia")
        status = dpia.get("status") if isinstance(dpia, Mapping) else None
        if not profiles or status in ("done", "todo") or get(use, "data.personal") is not True:
            continue
        if dpia_mandatory(use, ctx.manifest, ctx.law.country == "FR"):
            continue  # DAT006 already asks for the DPIA: the purpose would not change that
        yield ctx.finding(where, "dpia", duty="dpia", use=use, use_id=use_id(use))


# HUM006 ------------------------------------------------------------------------------------


@rule(
    "HUM006",
    "automated-administrative-decision",
    principle="human",
    severity="error",
    statuses=IN_USE,
    reads=(
        "decision.affects_individuals",
        "decision.administrative",
        "decision.automation",
        "transparency.mention",
        "data.special",
        "description.how",
        "algorithm.code",
        "organisation.country",
    ),
    duties=("automated_administrative_decision",),
)
def automated_administrative_decision(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.law.duty("automated_administrative_decision") is None:
        return  # loi 78-17 binds only in France
    duty = "automated_administrative_decision"
    for pointer, use in ctx.uses():
        if get(use, "decision.administrative") is not True or not settles_cases_alone(use):
            continue
        automation = get(use, "decision.automation")
        params: dict[str, Any] = {"use_id": use_id(use), "automation": automation}
        if is_blank(get(use, "transparency.mention")):
            where = missing_pointer(pointer, use, "transparency.mention")
            yield ctx.finding(where, duty=duty, use=use, **params)
        special = art9_categories(use)
        if special:
            yield ctx.finding(
                f"{pointer}/data/special",
                "special",
                duty=duty,
                use=use,
                categories=", ".join(special),
                **params,
            )
        if is_blank(get(use, "description.how")) and is_blank(get(use, "algorithm.code")):
            where = missing_pointer(pointer, use, "description.how")
            yield ctx.finding(where, "explain", duty=duty, use=use, **params)


RULES = [
    decision_without_human,
    decision_without_reviewer,
    partial_automation_without_override,
    decision_without_recourse,
    decision_facts_missing,
    automated_administrative_decision,
]
