"""Facts several built-in rules need, derived once from the declared facts; not public API.

Rules see the manifest as plain data that may have failed the schema, so every helper here
accepts any value and never raises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from charte_lint.api import get

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding, RuleContext

SENSITIVE_CLASSIFICATIONS = ("confidential", "secret")
LIVE_STATUSES = ("pilot", "production")
"""The statuses in which a use reaches people, and most obligations apply."""


def use_id(use: Mapping[str, Any]) -> str:
    """The use's `id` for messages, or `?` when it has none."""
    value = use.get("id")
    return str(value) if value is not None and value != "" else "?"


def as_list(value: Any) -> list[Any]:
    """`value` when it is a list, else an empty list (a string is not a list of strings)."""
    return value if isinstance(value, list) else []


def is_blank(value: Any) -> bool:
    """True for a missing value: None, a blank string, an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, Mapping)):
        return not value
    return False


def missing_pointer(pointer: str, use: Mapping[str, Any], path: str) -> str:
    """Where to report that `path` (e.g. `data.legal_basis`) is missing from the use at `pointer`.

    The value's own pointer when the key is there but blank; otherwise the deepest mapping on
    the way that exists (or the value of the wrong type that stopped the walk): a missing
    `data.legal_basis` is reported at `/uses/N/data`, a missing `interaction` at `/uses/N`.
    """
    node: Any = use
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return pointer
        node = node[part]
        pointer = f"{pointer}/{part}"
    return pointer


def sends_sensitive_data(use: Mapping[str, Any]) -> bool:
    """Personal data, special-category data, or data classified confidential or secret."""
    data = use.get("data")
    if not isinstance(data, Mapping):
        return False
    return (
        data.get("personal") is True
        or bool(as_list(data.get("special")))
        or data.get("classification") in SENSITIVE_CLASSIFICATIONS
    )


def is_administration(manifest: Mapping[str, Any]) -> bool:
    """A public body, or a private body running a public service; by default, from `charter`."""
    sector = get(manifest, "organisation.sector")
    if sector in ("public_body", "private_public_service"):
        return True
    return sector is None and manifest.get("charter") == "public"


def is_public_body(manifest: Mapping[str, Any]) -> bool:
    """`organisation.sector: public_body`, or no sector under the public charter."""
    sector = get(manifest, "organisation.sector")
    if sector is not None:
        return sector == "public_body"
    return manifest.get("charter") == "public"


def processes_personal_data(use: Mapping[str, Any]) -> bool:
    """`data.personal: true`, or special-category data declared (they are personal data)."""
    data = use.get("data")
    if not isinstance(data, Mapping):
        return False
    return data.get("personal") is True or bool(as_list(data.get("special")))


def strings(value: Any) -> list[str]:
    """The strings of a list (other items left out); empty when `value` is not a list."""
    return [item for item in as_list(value) if isinstance(item, str)]


def if_missing(
    ctx: RuleContext,
    pointer: str,
    use: Mapping[str, Any],
    path: str,
    message: str = "default",
    **params: Any,
) -> list[Finding]:
    """A finding where `path` (e.g. `inclusion.bias_testing`) is missing from the use at
    `pointer`, or nothing when it is declared: the most common shape of a rule's check."""
    if not is_blank(get(use, path)):
        return []
    where = missing_pointer(pointer, use, path)
    return [ctx.finding(where, message, use_id=use_id(use), **params)]


# The AI Act: prohibited practices, Annex III, the Art. 6(3) exemption -----------------------

UNDER_WAY = ("design", "pilot", "production")
_SECTORS = ("private", "public_body", "private_public_service")
PUBLIC_SECTORS = ("public_body", "private_public_service")
_AT_WORK_OR_SCHOOL = ("employment", "education")
_VULNERABLE = ("minors", "vulnerable")
_ABOUT_PEOPLE = ("scoring", "profiling", "monitoring")
_POINT_RE = re.compile(r"^\s*([1-8])\s*(?:\(?\s*([a-h])\s*\)?)?\s*$", re.IGNORECASE)


def sector(manifest: Mapping[str, Any]) -> str:
    """`organisation.sector`, or its default from the charter version."""
    value = get(manifest, "organisation.sector")
    if value in _SECTORS:
        return str(value)
    return "public_body" if manifest.get("charter") == "public" else "private"


def prohibited_grounds(use: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(message id, pointer suffix) for each AI Act Art. 5 practice the use's facts show."""
    grounds = []
    if get(use, "ai_act.category") == "prohibited":
        grounds.append(("declared", "/ai_act/category"))
    domains = strings(use.get("domain"))
    subjects = strings(get(use, "data.subjects"))
    for index, capability in enumerate(as_list(use.get("capabilities"))):
        where = f"/capabilities/{index}"
        if capability == "emotion_recognition" and any(d in domains for d in _AT_WORK_OR_SCHOOL):
            grounds.append(("emotion_recognition", where))
        elif capability == "social_scoring":
            grounds.append(("social_scoring", where))
        elif capability == "behaviour_manipulation" and any(s in subjects for s in _VULNERABLE):
            grounds.append(("exploits_vulnerability", where))
    return grounds


def annex_iii_by_facts(use: Mapping[str, Any], manifest: Mapping[str, Any]) -> list[str]:
    """The AI Act Annex III points the use's declared facts place it in, e.g. `["4", "5(b)"]`."""
    capabilities = strings(use.get("capabilities"))
    domains = strings(use.get("domain"))
    about_people = get(use, "decision.affects_individuals") is True
    judges = about_people or any(c in capabilities for c in _ABOUT_PEOPLE)
    scores = about_people or "scoring" in capabilities or "profiling" in capabilities
    points = []
    if "biometric_identification" in capabilities:
        points.append("1(a)")
    if "emotion_recognition" in capabilities:
        points.append("1(c)")
    if "education" in domains and judges:
        points.append("3")
    if "employment" in domains and judges:
        points.append("4")
    if "public_benefits" in domains and about_people and sector(manifest) in PUBLIC_SECTORS:
        points.append("5(a)")
    if "credit" in domains and scores:
        points.append("5(b)")
    health = "health" in strings(get(use, "data.special"))
    if "insurance" in domains and scores and health:
        points.append("5(c)")
    if "emergency" in domains and (about_people or "scoring" in capabilities):
        points.append("5(d)")
    return points


def declared_point(use: Mapping[str, Any]) -> str | None:
    """`ai_act.annex_iii` written as `4(a)`, or None when it is not a point of Annex III."""
    value = get(use, "ai_act.annex_iii")
    match = _POINT_RE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    number, letter = match.groups()
    return f"{number}({letter.lower()})" if letter else number


def exemption_claimed(use: Mapping[str, Any]) -> bool:
    return not is_blank(get(use, "ai_act.exemption"))


def high_risk_points(
    use: Mapping[str, Any], manifest: Mapping[str, Any], memo: dict[Any, Any] | None = None
) -> list[str] | None:
    """The Annex III points that make the use high-risk (empty when it is only declared `high`),
    or None when it is not high-risk: no Annex III fact, a valid Art. 6(3) exemption, or a
    prohibited practice (which no duty makes lawful). Several rules ask this of each use: pass
    `ctx.shared` as `memo` to answer once per use and run."""
    if memo is None:
        return _high_risk_points(use, manifest)
    key = ("high_risk_points", id(use))
    if key not in memo:
        memo[key] = _high_risk_points(use, manifest)
    points = memo[key]
    return None if points is None else list(points)


def _high_risk_points(use: Mapping[str, Any], manifest: Mapping[str, Any]) -> list[str] | None:
    if prohibited_grounds(use):
        return None
    points = annex_iii_by_facts(use, manifest)
    declared = declared_point(use)
    if declared and declared not in points and declared[0] not in points:
        points.append(declared)
    if get(use, "ai_act.category") == "high":
        return points
    if not points:
        return None
    if exemption_claimed(use) and "profiling" not in strings(use.get("capabilities")):
        return None
    return points


def reaches_people(use: Mapping[str, Any]) -> bool:
    """Whether the use touches people beyond the staff who operate it: residents or users as
    audience or beneficiaries, personal data, decisions about individuals, published output."""
    audience = as_list(use.get("audience"))
    beneficiaries = as_list(get(use, "purpose.beneficiaries"))
    return (
        any(group in audience for group in ("public", "clients"))
        or any(group in beneficiaries for group in ("residents", "users", "clients"))
        or get(use, "data.personal") is True
        or bool(as_list(get(use, "data.special")))
        or get(use, "decision.affects_individuals") is True
        or get(use, "interaction.published") is True
    )


# Statuses and French law --------------------------------------------------------------------

BEFORE_USE = ("design", "pilot", "production")
"""The statuses a duty that binds BEFORE the use starts is checked in (the status policy: a
design is told now, at the charter's severity, "legal duty before the use starts")."""
IN_USE = ("pilot", "production")
"""The statuses a duty about a use that runs is checked in: a pilot runs on real cases."""
_AT_WORK_SUBJECTS = ("staff", "candidates")
_AT_WORK_PURPOSES = ("work_management", "recruitment")
_JOB_IMPACTS = ("role_change", "headcount_reduction")
_STAFF_USERS = ("staff", "agents")


def headcount(manifest: Mapping[str, Any]) -> int | None:
    """`organisation.agents` (full-time equivalents), or None when it is not declared as a
    whole number of people."""
    agents = get(manifest, "organisation.agents")
    if isinstance(agents, bool) or not isinstance(agents, int) or agents < 0:
        return None
    return agents


def staff_facts(use: Mapping[str, Any]) -> list[str]:
    """The declared facts that put the staff (or job candidates) at the receiving end of the
    use, as `key: value` for messages: their data go into it (`data.subjects`), it observes or
    acts on people at the workplace (`settings`), its decisions are about work or hiring
    (`decision.purpose`). `audience` is NOT one of them: it says who sees the output, and
    cameras in a street watched by agents do not concern the staff."""
    facts = [
        f"data.subjects: {s}" for s in strings(get(use, "data.subjects")) if s in _AT_WORK_SUBJECTS
    ]
    if "workplace" in strings(use.get("settings")):
        facts.append("settings: workplace")
    purpose = get(use, "decision.purpose")
    if purpose in _AT_WORK_PURPOSES:
        facts.append(f"decision.purpose: {purpose}")
    return facts


def work_change_facts(use: Mapping[str, Any]) -> list[str]:
    """The declared facts that make the use a new technology in the staff's work: those of
    `staff_facts`, a declared effect on jobs (`work.impact`), and the staff as its users
    (`audience: staff`, or `purpose.beneficiaries` naming the staff or agents)."""
    facts = staff_facts(use)
    impact = get(use, "work.impact")
    if impact in _JOB_IMPACTS:
        facts.append(f"work.impact: {impact}")
    if "staff" in strings(use.get("audience")):
        facts.append("audience: staff")
    users = [b for b in strings(get(use, "purpose.beneficiaries")) if b in _STAFF_USERS]
    facts.extend(f"purpose.beneficiaries: {b}" for b in users)
    return facts


def individual_decisions(use: Mapping[str, Any]) -> str | None:
    """Whether the use grounds individual administrative decisions (CRPA L311-3-1): `declared`
    with `decision.administrative: true`; `inferred` when a public body's use takes decisions
    about identified people (`decision.affects_individuals: true`) and the manifest does not
    say they are not administrative (`decision.administrative: false`); None otherwise. Call
    it only where the CRPA applies (a French public body or public service)."""
    administrative = get(use, "decision.administrative")
    if administrative is True:
        return "declared"
    if administrative is None and get(use, "decision.affects_individuals") is True:
        return "inferred"
    return None
