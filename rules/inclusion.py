"""Rules for the `inclusion` principle: no discrimination, accessible to everyone (P5 / S4)."""

from __future__ import annotations

from charte_lint.api import get, rule

from .facts import BEFORE_USE, IN_USE, as_list, if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from charte_lint.api import Finding, RuleContext


def _missing_for_the_public(ctx: RuleContext, path: str, **params: str) -> Iterator[Finding]:
    """Under the public charter, `path` missing from a use whose audience is the public."""
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        if "public" not in as_list(use.get("audience")):
            continue
        yield from if_missing(ctx, pointer, use, path, status=use.get("status"), **params)


@rule(
    "INC001",
    "public-service-without-accessibility",
    principle="inclusion",
    severity="warning",
    charters=("public",),
    statuses=IN_USE,
    reads=("organisation.country", "audience", "inclusion.accessibility"),
)
def public_service_without_accessibility(ctx: RuleContext) -> Iterator[Finding]:
    # RGAA in France (loi n° 2005-102, art. 47; décret n° 2019-768); elsewhere EN 301 549, the
    # harmonised standard of Directive (EU) 2016/2102 (WCAG 2.1 AA). The standard a use declares
    # is not compared with the country's: the RGAA is a method for checking EN 301 549 / WCAG
    # conformance, so one declared instead of the other shows no failure.
    standard = ctx.law.term("accessibility_standard", ctx.lang)
    return _missing_for_the_public(ctx, "inclusion.accessibility", standard=standard)


@rule(
    "INC002",
    "decision-without-bias-testing",
    principle="inclusion",
    severity="warning",
    statuses=IN_USE,
    reads=("decision.affects_individuals", "inclusion.bias_testing"),
)
def decision_without_bias_testing(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        yield from if_missing(ctx, pointer, use, "inclusion.bias_testing")


_AT_RISK_SUBJECTS = ("minors", "vulnerable", "patients")


@rule(
    "INC003",
    "public-service-without-alternative",
    principle="inclusion",
    severity="warning",
    charters=("public",),
    statuses=IN_USE,
    reads=("audience", "inclusion.alternative"),
)
def public_service_without_alternative(ctx: RuleContext) -> Iterator[Finding]:
    return _missing_for_the_public(ctx, "inclusion.alternative")


@rule(
    "INC004",
    "vulnerable-people-without-groups",
    principle="inclusion",
    severity="warning",
    statuses=BEFORE_USE,
    reads=("decision.affects_individuals", "data.special", "data.subjects", "inclusion.groups"),
)
def vulnerable_people_without_groups(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "decision.affects_individuals") is not True:
            continue
        special = [item for item in as_list(get(use, "data.special")) if isinstance(item, str)]
        subjects = [s for s in as_list(get(use, "data.subjects")) if s in _AT_RISK_SUBJECTS]
        if not (special or subjects) or not is_blank(get(use, "inclusion.groups")):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "inclusion.groups"),
            use_id=use_id(use),
            facts=", ".join(f"`{item}`" for item in subjects + special),
        )


RULES = [
    public_service_without_accessibility,
    decision_without_bias_testing,
    public_service_without_alternative,
    vulnerable_people_without_groups,
]
