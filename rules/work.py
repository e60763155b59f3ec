"""Rules for the `work` principle: AI relieves work, it does not replace people (P7 / S7)."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get, rule

from .facts import LIVE_STATUSES, as_list, high_risk_points, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, RuleContext


@rule("WRK001", "headcount-reduction", principle="work", severity="error")
def headcount_reduction(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "work.impact") == "headcount_reduction":
            yield ctx.finding(f"{pointer}/work/impact", use_id=use.get("id", "?"))


def _concerns_staff(use: Mapping[str, Any]) -> bool:
    """The staff's data go into the use, or it monitors the staff who use it."""
    return "staff" in as_list(get(use, "data.subjects")) or (
        "monitoring" in as_list(use.get("capabilities")) and "staff" in as_list(use.get("audience"))
    )


def _staff_not_informed(
    manifest: Mapping[str, Any], ctx: RuleContext, high_risk: bool
) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES or not is_blank(get(use, "work.staff_informed")):
            continue
        if not _concerns_staff(use):
            continue
        if (high_risk_points(use, manifest, ctx.shared) is not None) == high_risk:
            yield ctx.finding(
                missing_pointer(pointer, use, "work.staff_informed"),
                use_id=use_id(use),
                status=status,
            )


@rule("WRK002", "high-risk-workers-not-informed", principle="work", severity="error")
def high_risk_workers_not_informed(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    return _staff_not_informed(manifest, ctx, high_risk=True)


@rule("WRK003", "staff-not-informed", principle="work", severity="warning")
def staff_not_informed(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    return _staff_not_informed(manifest, ctx, high_risk=False)


RULES = [headcount_reduction, high_risk_workers_not_informed, staff_not_informed]
