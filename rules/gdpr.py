"""Facts the GDPR and UK GDPR rules (`data.py`, `human.py`) derive from a use; not public API.

Decisions based solely on automated processing (GDPR art. 22, UK GDPR arts 22A to 22D):
- `decision.automation: full` means no person acts on any case; with `partial`, the cases the
  system settles alone are decided "solely" by automated processing, so art. 22 reaches them too.
- The effect is legal or similarly significant when `decision.significant_effect: true`, or when
  the decision is an individual administrative decision (`decision.administrative: true`: such a
  decision has legal effects). Where `significant_effect` is not declared, a `decision.purpose`
  of eligibility, recruitment, admission, enforcement or work management is read as significant
  (WP251 rev.01 names access to credit, employment, education and benefits), and the message
  says so; `pricing`, `fraud_detection`, `safeguarding` and `other` decide nothing, and a use
  with neither fact is asked for them (HUM005).
- The exceptions of GDPR art. 22(2): (a) a contract (`data.legal_basis: contract`), (c) explicit
  consent (`consent`: the manifest cannot tell explicit from ordinary consent), (b) a Union or
  Member State law (`legal_obligation` or `public_task` with the statute in `legal_texts`; for
  an individual administrative decision in France, loi 78-17 art. 47 is that law). The UK
  text needs no exception: art. 22C permits such decisions with safeguards.
- The safeguards of art. 22(3) / 22C: a person who can change a decision on request
  (`oversight.can_override: true`) and a way to contest it (`recourse`).
"""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get

from .facts import is_blank, strings

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import RuleContext

ART9_CATEGORIES = (
    "health",
    "ethnic_origin",
    "political",
    "religious",
    "union",
    "genetic",
    "biometric",
    "sex_life",
)
"""`data.special` values that are GDPR art. 9(1) data (`criminal` is art. 10 data)."""
SIGNIFICANT_PURPOSES = ("eligibility", "recruitment", "admission", "enforcement", "work_management")
"""`decision.purpose` values whose decisions have a legal or similarly significant effect."""
ART22_SPECIAL_BASES = ("explicit_consent", "public_interest")
"""GDPR art. 22(4): art. 9(2)(a) explicit consent or (g) substantial public interest."""
SOLELY = ("partial", "full")


def data_protection_law(ctx: RuleContext) -> bool:
    """Whether the GDPR (EEA) or the UK GDPR (GB) binds the organisation (asked for each use
    by several rules: answered once per manifest)."""
    known = ctx.shared.get(_DATA_PROTECTION_LAW)
    if known is None:
        law = ctx.law
        known = ctx.shared[_DATA_PROTECTION_LAW] = law.applies("gdpr") or law.applies("uk_gdpr")
    return bool(known)


_DATA_PROTECTION_LAW = ("data_protection_law",)  # its key in `ctx.shared`


def uk(ctx: RuleContext) -> bool:
    return ctx.law.applies("uk_gdpr")


def art9_categories(use: Mapping[str, Any]) -> list[str]:
    special = strings(get(use, "data.special"))
    return [category for category in ART9_CATEGORIES if category in special]


def settles_cases_alone(use: Mapping[str, Any]) -> bool:
    """A decision about people that the system takes, in all cases or in some, with no person
    acting on the case (`full`, or `partial`)."""
    return (
        get(use, "decision.affects_individuals") is True
        and get(use, "decision.automation") in SOLELY
    )


def art22_effect(use: Mapping[str, Any]) -> tuple[str, str] | None:
    """Why the decisions have a legal or similarly significant effect: ("administrative", ""),
    ("declared", ""), ("inferred", purpose), or None when they do not or nobody says."""
    if get(use, "decision.administrative") is True:
        return ("administrative", "")
    significant = get(use, "decision.significant_effect")
    if significant is True:
        return ("declared", "")
    if significant is False:
        return None
    purpose = get(use, "decision.purpose")
    if purpose in SIGNIFICANT_PURPOSES:
        return ("inferred", str(purpose))
    return None


def effect_unknown(use: Mapping[str, Any]) -> bool:
    """Neither `decision.significant_effect` nor `administrative` nor a telling `purpose`."""
    return (
        not isinstance(get(use, "decision.significant_effect"), bool)
        and get(use, "decision.administrative") is not True
        and is_blank(get(use, "decision.purpose"))
    )


def art22_case(use: Mapping[str, Any]) -> bool:
    """Decisions based solely on automated processing with a legal or significant effect."""
    return settles_cases_alone(use) and art22_effect(use) is not None


def effect_text(ctx: RuleContext, use: Mapping[str, Any]) -> str:
    """How a message says why the effect is significant, in the run's language."""
    effect = art22_effect(use)
    if effect is None:
        return ""
    key, purpose = effect
    return ctx.term("art22_effects", key).format(purpose=purpose)


def art22_exception(ctx: RuleContext, use: Mapping[str, Any]) -> str | None:
    """The GDPR art. 22(2) exception the declared facts show (`contract`, `consent`, `law`), or
    None."""
    basis = get(use, "data.legal_basis")
    if basis == "contract":
        return "contract"
    if basis == "consent":
        return "consent"
    if basis in ("legal_obligation", "public_task"):
        if not is_blank(use.get("legal_texts")):
            return "law"
        administrative = get(use, "decision.administrative") is True
        if administrative and ctx.law.duty("automated_administrative_decision") is not None:
            return "law"  # loi 78-17 art. 47, 2°: French individual administrative decisions
    return None
