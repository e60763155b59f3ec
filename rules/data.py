"""Rules for the `data` principle: lawful processing, and no personal or sensitive data in tools
the organisation has not approved for it.

Longer than the other modules for a reason: the GDPR is the widest of the texts behind the
charter, and this module holds its fifteen checks (legal basis, registry, DPIA, transfers,
processors, retention...); the personal-data scanner is apart, in `pii.py`."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get, rule
from charte_lint.law import adequacy
from charte_lint.pointer import join

from .facts import (
    BEFORE_USE,
    IN_USE,
    PUBLIC_SECTORS,
    as_list,
    is_blank,
    is_public_body,
    missing_pointer,
    processes_personal_data,
    sector,
    sends_sensitive_data,
    strings,
    use_id,
)
from .gdpr import (
    ART9_CATEGORIES,
    art22_case,
    art22_effect,
    data_protection_law,
    effect_text,
    uk,
)
from .pii import CONTACT_FIELDS, candidates, personal_data_in

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import ApprovedTool, Finding, RuleContext

# EU member states (ISO 3166-1 alpha-2); the EEA adds Iceland, Liechtenstein and Norway.
# fmt: off
_EU = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
))
# fmt: on
_EEA = _EU | {"IS", "LI", "NO", "EU"}


"""Statuses of rules whose duty must be met before the use starts (the status policy)."""


@rule(
    "DAT001",
    "personal-data-without-legal-basis",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=("data.personal", "data.legal_basis", "organisation.country"),
    duties=("legal_basis",),
)
def personal_data_without_legal_basis(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return  # the Art. 6(1) grounds are the GDPR's
    for pointer, use in ctx.uses():
        if get(use, "data.personal") is True and is_blank(get(use, "data.legal_basis")):
            yield ctx.finding(
                missing_pointer(pointer, use, "data.legal_basis"),
                duty="legal_basis",
                use=use,
                use_id=use_id(use),
            )


def _region_allowed(region: str, allowed: tuple[str, ...]) -> bool:
    region = region.upper()
    regions = {str(entry).upper() for entry in allowed}
    return (
        region in regions
        or ("EU" in regions and region in _EU)
        or ("EEA" in regions and region in _EEA)
    )


def _tool_label(tool: Mapping[str, Any]) -> str:
    for key in ("name", "approved"):
        value = tool.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "?"


def _data_kind(use: Mapping[str, Any], ctx: RuleContext) -> str:
    """How the most sensitive data a use sends is named in messages."""
    if as_list(get(use, "data.special")):
        return ctx.term("data_kinds", "special")
    if get(use, "data.personal") is True:
        return ctx.term("data_kinds", "personal")
    kind = ctx.term("data_kinds", "classified")
    return kind.format(classification=get(use, "data.classification"))


def _registry_mismatches(
    pointer: str, use: Mapping[str, Any], entry: ApprovedTool
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(pointer, message id, parameters) for each way the entry does not cover the use's data."""
    data = use.get("data")
    data = data if isinstance(data, Mapping) else {}
    if data.get("personal") is True and not entry.personal_data:
        yield f"{pointer}/data/personal", "personal_data", {}
    if as_list(data.get("special")) and not entry.special_data:
        yield f"{pointer}/data/special", "special_data", {}
    classification = data.get("classification")
    if isinstance(classification, str) and entry.data and classification not in entry.data:
        allowed = ", ".join(f"`{name}`" for name in entry.data)
        params = {"classification": classification, "allowed": allowed}
        yield f"{pointer}/data/classification", "classification", params
    region = get(use, "tool.region")
    if isinstance(region, str) and entry.regions and not _region_allowed(region, entry.regions):
        allowed = ", ".join(f"`{name}`" for name in entry.regions)
        yield f"{pointer}/tool/region", "region", {"region": region, "allowed": allowed}


@rule(
    "DAT002",
    "tool-not-approved",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=(
        "tool.approved",
        "tool.name",
        "tool.region",
        "data.personal",
        "data.special",
        "data.classification",
    ),
)
def tool_not_approved(ctx: RuleContext) -> Iterator[Finding]:
    registry = ctx.policy.approved_tools
    if registry is None:
        return
    known_ids = [entry.id for entry in registry]
    for pointer, use in ctx.uses():
        tool = use.get("tool")
        if not isinstance(tool, Mapping):
            continue
        label = _tool_label(tool)
        lookup: Mapping[str, Any] = tool
        approved = tool.get("approved")
        if isinstance(approved, str) and approved not in known_ids:
            yield ctx.finding(
                f"{pointer}/tool/approved", "unknown_id", use_id=use_id(use), approved=approved
            )
            lookup = {key: value for key, value in tool.items() if key != "approved"}
        if not sends_sensitive_data(use):
            continue
        entry = ctx.policy.approved_tool(lookup)
        if entry is None:
            if lookup is tool:  # an unknown `tool.approved` id has already been reported
                where = f"{pointer}/tool/name" if "name" in tool else f"{pointer}/tool"
                kind = _data_kind(use, ctx)
                yield ctx.finding(where, use_id=use_id(use), tool=label, data=kind)
            continue
        for where, message, params in _registry_mismatches(pointer, use, entry):
            yield ctx.finding(where, message, use_id=use_id(use), tool=label, **params)


@rule(
    "DAT003",
    "no-approved-tools-registry",
    principle="data",
    severity="info",
    statuses=BEFORE_USE,
    reads=("data.personal", "data.special", "data.classification"),
)
def no_approved_tools_registry(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.policy.approved_tools is not None:
        return
    unchecked = [(pointer, use) for pointer, use in ctx.uses() if sends_sensitive_data(use)]
    if not unchecked:
        return
    pointer, first = unchecked[0]
    where = f"{pointer}/tool" if "tool" in first else pointer
    message = "default" if len(unchecked) > 1 else "one"
    yield ctx.finding(where, message, use_id=use_id(first), count=len(unchecked))


# DAT004 ------------------------------------------------------------------------------------


@rule(
    "DAT004",
    "legitimate-interests-public-body",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=("data.legal_basis", "organisation.sector", "organisation.country"),
    duties=("legitimate_interests_public_authority",),
)
def legitimate_interests_public_body(ctx: RuleContext) -> Iterator[Finding]:
    duty = "legitimate_interests_public_authority"
    if not is_public_body(ctx.manifest) or ctx.law.duty(duty) is None:
        return
    for pointer, use in ctx.uses():
        if get(use, "data.legal_basis") == "legitimate_interests":
            yield ctx.finding(f"{pointer}/data/legal_basis", duty=duty, use=use, use_id=use_id(use))


# DAT005 ------------------------------------------------------------------------------------


@rule(
    "DAT005",
    "special-data-without-basis",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=("data.special", "data.special_basis", "organisation.country"),
    duties=("special_categories",),
)
def special_data_without_basis(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return
    for pointer, use in ctx.uses():
        special = strings(get(use, "data.special"))
        art9 = [category for category in ART9_CATEGORIES if category in special]
        if art9 and is_blank(get(use, "data.special_basis")):
            yield ctx.finding(
                missing_pointer(pointer, use, "data.special_basis"),
                duty="special_categories",
                use=use,
                use_id=use_id(use),
                categories=", ".join(art9),
            )


# DAT006, DAT007 ----------------------------------------------------------------------------

_VULNERABLE_SUBJECTS = ("minors", "vulnerable", "patients", "staff", "candidates")
_ACCESS_DOMAINS = ("credit", "insurance", "public_benefits", "housing")
_GENERATIVE_CAPABILITIES = ("content_generation", "chatbot", "deepfake")
_GENERATIVE_TASKS = ("drafting", "chat", "rag_qa", "image_generation", "agentic")
_BIOMETRIC_CAPABILITIES = (
    "biometric_identification",
    "biometric_verification",
    "biometric_categorisation",
    "emotion_recognition",
)
_WATCHING_MODALITIES = ("image", "video", "biometric")
_DPIA_READS = (
    "data.personal",
    "data.special",
    "data.subjects",
    "data.scale",
    "data.modalities",
    "data.categories",
    "settings",
    "capabilities",
    "task",
    "domain",
    "decision.affects_individuals",
    "decision.significant_effect",
    "decision.administrative",
    "decision.automation",
    "decision.purpose",
    "assessments.dpia",
    "organisation.country",
    "organisation.sector",
)


def _location(use: Mapping[str, Any]) -> bool:
    return "location" in strings(get(use, "data.modalities")) or "location" in [
        category.casefold() for category in strings(get(use, "data.categories"))
    ]


def dpia_mandatory(use: Mapping[str, Any], manifest: Mapping[str, Any], france: bool) -> list[str]:
    """Why a DPIA is mandatory: GDPR Art. 35(3) everywhere, and in France the CNIL list
    (délibération n° 2018-327, items readable from the manifest: 1, 2, 3, 4, 8, 11, 12, 14)."""
    capabilities = strings(use.get("capabilities"))
    special = strings(get(use, "data.special"))
    subjects = strings(get(use, "data.subjects"))
    settings = strings(use.get("settings"))
    purpose = get(use, "decision.purpose")
    affects = get(use, "decision.affects_individuals") is True
    scoring = "profiling" in capabilities or "scoring" in capabilities
    large = get(use, "data.scale") == "large"
    reasons = []
    if scoring and affects and art22_effect(use) is not None:
        reasons.append("art35_3a")
    if special and large:
        reasons.append("art35_3b")
    watches = "monitoring" in capabilities or "biometric_identification" in capabilities
    if "public_space" in settings and watches and get(use, "data.scale") != "small":
        reasons.append("art35_3c")
    if not france:
        return reasons
    if "health" in special and "patients" in subjects:
        reasons.append("cnil_patients")
    if "genetic" in special and any(s in _VULNERABLE_SUBJECTS for s in subjects):
        reasons.append("cnil_genetic")
    if scoring:
        if any(s in ("staff", "candidates") for s in subjects) or purpose in (
            "recruitment",
            "work_management",
        ):
            reasons.append("cnil_hr")
        elif "employment" in strings(use.get("domain")):
            reasons.append("cnil_hr_domain")
    if "monitoring" in capabilities and ("staff" in subjects or "workplace" in settings):
        reasons.append("cnil_staff_monitoring")
    if (
        scoring
        and affects
        and purpose in ("eligibility", "fraud_detection")
        and sector(manifest) == "private"
    ):
        reasons.append("cnil_contract")
    biometric = "biometric" in special or "biometric_identification" in capabilities
    if biometric and any(s in ("minors", "vulnerable", "patients") for s in subjects):
        reasons.append("cnil_vulnerable")
    if (
        "housing" in strings(use.get("domain"))
        and purpose == "eligibility"
        and sector(manifest) in PUBLIC_SECTORS
    ):
        reasons.append("cnil_social_housing")
    if _location(use) and large:
        reasons.append("cnil_location")
    return reasons


def _dpia_criteria(use: Mapping[str, Any]) -> list[str]:
    """The EDPB criteria (WP248 rev.01) the declared facts meet; matching or combining
    datasets cannot be read from the manifest."""
    capabilities = strings(use.get("capabilities"))
    subjects = strings(get(use, "data.subjects"))
    modalities = strings(get(use, "data.modalities"))
    affects = get(use, "decision.affects_individuals") is True
    criteria = []
    if "profiling" in capabilities or "scoring" in capabilities:
        criteria.append("evaluation")
    if art22_case(use):
        criteria.append("automated_decision")
    public_watch = "public_space" in strings(use.get("settings")) and any(
        m in _WATCHING_MODALITIES for m in modalities
    )
    if "monitoring" in capabilities or public_watch:
        criteria.append("monitoring")
    if strings(get(use, "data.special")) or _location(use):
        criteria.append("sensitive")
    if get(use, "data.scale") == "large":
        criteria.append("large_scale")
    if any(group in subjects for group in _VULNERABLE_SUBJECTS):
        criteria.append("vulnerable")
    if (
        any(c in capabilities for c in (*_GENERATIVE_CAPABILITIES, *_BIOMETRIC_CAPABILITIES))
        or "biometric" in modalities
        or use.get("task") in _GENERATIVE_TASKS
    ):
        criteria.append("innovative")
    access = any(d in strings(use.get("domain")) for d in _ACCESS_DOMAINS)
    if affects and (access or get(use, "decision.purpose") == "eligibility"):
        criteria.append("access")
    return criteria


def _dpia_status(use: Mapping[str, Any]) -> Any:
    dpia = get(use, "assessments.dpia")
    return dpia.get("status") if isinstance(dpia, Mapping) else None


@rule(
    "DAT006",
    "dpia-missing",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=_DPIA_READS,
    duties=("dpia",),
)
def dpia_missing(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return
    france = ctx.law.country == "FR"
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        status = _dpia_status(use)
        if status in ("done", "todo"):
            continue
        where = (
            f"{pointer}/assessments/dpia/status"
            if status == "not_required"
            else missing_pointer(pointer, use, "assessments.dpia.status")
        )
        params: dict[str, Any] = {"duty": "dpia", "use": use, "use_id": use_id(use)}
        mandatory = dpia_mandatory(use, ctx.manifest, france)
        if mandatory:
            yield ctx.finding(where, reasons=ctx.terms("dpia_reasons", mandatory), **params)
            continue
        criteria = _dpia_criteria(use)
        if len(criteria) < 2:
            continue
        reasons = ctx.terms("dpia_reasons", criteria)
        if status == "not_required":
            if is_blank(get(use, "assessments.dpia.reason")):
                yield ctx.finding(where, "no_reason", reasons=reasons, **params)
            continue
        yield ctx.finding(where, "criteria", reasons=reasons, **params)


@rule(
    "DAT007",
    "dpia-pending",
    principle="data",
    severity="warning",
    statuses=IN_USE,
    reads=_DPIA_READS,
    duties=("dpia",),
)
def dpia_pending(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return
    france = ctx.law.country == "FR"
    for pointer, use in ctx.uses():
        if _dpia_status(use) != "todo" or not processes_personal_data(use):
            continue
        mandatory = dpia_mandatory(use, ctx.manifest, france)
        reasons = mandatory or _dpia_criteria(use)
        if mandatory or len(reasons) >= 2:
            yield ctx.finding(
                f"{pointer}/assessments/dpia/status",
                duty="dpia",
                use=use,
                use_id=use_id(use),
                status=use.get("status"),
                reasons=ctx.terms("dpia_reasons", reasons),
            )


# DAT008 ------------------------------------------------------------------------------------

_RECEIVING_ROLES = ("processor", "host", "gateway")
"""`parties[].role` values that receive the personal data a use sends (GDPR Art. 28)."""


def _home(ctx: RuleContext) -> frozenset[str]:
    """Where personal data may go without a transfer mechanism: the EEA, and the UK for a GB
    organisation (UK adequacy regulations cover the EEA states: DPA 2018, Sch. 21, para. 5)."""
    home = _EEA | {"EEA"}
    return home | {"GB"} if uk(ctx) else home


def _adequate(ctx: RuleContext, country: str) -> bool:
    """A full-scope EU adequacy decision in force at the run's date; never for a GB
    organisation (the UK list is not modelled: see law.yaml `transfers`)."""
    if uk(ctx):
        return False
    entry = adequacy(country, ctx.today)
    return entry is not None and not entry.get("scope_only")


def _transfer_problem(ctx: RuleContext, country: str, mechanism: Any) -> str | None:
    """The message id for a transfer to `country` (outside home) under `mechanism`."""
    if is_blank(mechanism):
        return "default"
    if mechanism == "dpf" and country != "US":
        return "dpf_not_us"
    if uk(ctx):
        return None  # UK adequacy regulations are not modelled: the mechanism is taken as declared
    if mechanism == "adequacy":
        entry = adequacy(country, ctx.today)
        if entry is None:
            return "no_adequacy"
        if entry.get("scope_only") == "dpf":
            return "us_adequacy"
    if mechanism == "dpf" and adequacy("US", ctx.today) is None:
        return "dpf_lapsed"
    return None


@rule(
    "DAT008",
    "transfer-without-safeguard",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=(
        "data.personal",
        "data.special",
        "data.transfers",
        "tool.region",
        "parties",
        "organisation.country",
    ),
    duties=("transfers",),
)
def transfer_without_safeguard(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return
    home = _home(ctx)
    date = ctx.today.isoformat()
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        params: dict[str, Any] = {
            "duty": "transfers",
            "use": use,
            "use_id": use_id(use),
            "date": date,
        }
        transfers = as_list(get(use, "data.transfers"))
        declared = set()
        for index, transfer in enumerate(transfers):
            if not isinstance(transfer, Mapping) or not isinstance(transfer.get("country"), str):
                continue
            country = transfer["country"].upper()
            declared.add(country)
            if country in home:
                continue
            problem = _transfer_problem(ctx, country, transfer.get("mechanism"))
            if problem is None:
                continue
            where = f"{pointer}/data/transfers/{index}"
            if "mechanism" in transfer:
                where += "/mechanism"
            yield ctx.finding(where, problem, country=country, **params)
        region = get(use, "tool.region")
        if isinstance(region, str):
            region = region.upper()
            if not (region in home or region in declared or _adequate(ctx, region)):
                yield ctx.finding(f"{pointer}/tool/region", "region", country=region, **params)
        for index, party in enumerate(as_list(use.get("parties"))):
            if not isinstance(party, Mapping) or party.get("role") not in _RECEIVING_ROLES:
                continue
            region = party.get("region")
            if not isinstance(region, str) or not region.strip():
                continue  # DAT016 asks for it
            region = region.upper()
            if region in home or region in declared or _adequate(ctx, region):
                continue
            yield ctx.finding(
                f"{pointer}/parties/{index}/region",
                "party_region",
                country=region,
                party=_party_name(party),
                **params,
            )


def _party_name(party: Mapping[str, Any]) -> str:
    name = party.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else "?"


# DAT009 ------------------------------------------------------------------------------------


@rule(
    "DAT009",
    "retention-missing",
    principle="data",
    severity="warning",
    statuses=IN_USE,
    reads=("data.personal", "data.special", "data.retention"),
    duties=("storage_limitation",),
)
def retention_missing(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not processes_personal_data(use) or not is_blank(get(use, "data.retention")):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "data.retention"),
            duty="storage_limitation",
            use=use,
            use_id=use_id(use),
        )


# DAT010 ------------------------------------------------------------------------------------

_PROCESSOR_HOSTING = ("saas", "private_cloud")


@rule(
    "DAT010",
    "processor-without-contract",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=(
        "data.personal",
        "data.special",
        "tool.hosting",
        "tool.contract",
        "parties",
        "organisation.country",
    ),
    duties=("processor_contract",),
)
def processor_without_contract(ctx: RuleContext) -> Iterator[Finding]:
    # a charter commitment too: outside the GDPR's reach it is asked without citing a law
    law = ctx.law.duty("processor_contract") is not None
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        params: dict[str, Any] = {"duty": "processor_contract", "use": use, "use_id": use_id(use)}
        hosting = get(use, "tool.hosting")
        if hosting in _PROCESSOR_HOSTING and get(use, "tool.contract") is not True:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.contract"),
                "default" if law else "charter",
                hosting=hosting,
                **params,
            )
        for index, party in enumerate(as_list(use.get("parties"))):
            if not isinstance(party, Mapping) or party.get("role") not in _RECEIVING_ROLES:
                continue
            if party.get("contract") is True:
                continue
            where = f"{pointer}/parties/{index}"
            if "contract" in party:
                where += "/contract"
            yield ctx.finding(
                where,
                "party" if law else "party_charter",
                party=_party_name(party),
                role=party["role"],
                **params,
            )


# DAT011, DAT012 ----------------------------------------------------------------------------


def _saas_with_sensitive_data(use: Mapping[str, Any]) -> bool:
    return get(use, "tool.hosting") == "saas" and sends_sensitive_data(use)


@rule(
    "DAT011",
    "vendor-trains-on-inputs",
    principle="data",
    severity="error",
    statuses=BEFORE_USE,
    reads=(
        "tool.hosting",
        "tool.trains_on_inputs",
        "data.personal",
        "data.special",
        "data.classification",
    ),
)
def vendor_trains_on_inputs(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if _saas_with_sensitive_data(use) and get(use, "tool.trains_on_inputs") is True:
            yield ctx.finding(
                f"{pointer}/tool/trains_on_inputs",
                use_id=use_id(use),
                data=_data_kind(use, ctx),
            )


@rule(
    "DAT012",
    "training-on-inputs-unknown",
    principle="data",
    severity="warning",
    statuses=BEFORE_USE,
    reads=(
        "tool.hosting",
        "tool.trains_on_inputs",
        "data.personal",
        "data.special",
        "data.classification",
    ),
)
def training_on_inputs_unknown(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not _saas_with_sensitive_data(use):
            continue
        tool = use.get("tool")
        if isinstance(tool, Mapping) and tool.get("trains_on_inputs") is None:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.trains_on_inputs"),
                use_id=use_id(use),
                data=_data_kind(use, ctx),
            )


# DAT013 ------------------------------------------------------------------------------------


@rule(
    "DAT013",
    "personal-data-in-manifest",
    principle="data",
    severity="error",
    reads=("*",),  # every string of the manifest, whatever the use's status
)
def personal_data_in_manifest(ctx: RuleContext) -> Iterator[Finding]:
    for path, text in candidates(ctx.manifest):
        pointer = None  # made only where it is needed: an `@` to place, or a finding
        email = True
        if "@" in text:
            pointer = join(path)
            email = not CONTACT_FIELDS.match(pointer)
        for kind, masked in personal_data_in(text, email=email):
            if pointer is None:
                pointer = join(path)
            yield ctx.finding(pointer, kind=ctx.term("personal_data_kinds", kind), masked=masked)


# DAT014 ------------------------------------------------------------------------------------


@rule(
    "DAT014",
    "criminal-data-private-body",
    principle="data",
    severity="warning",
    statuses=BEFORE_USE,
    reads=("data.special", "organisation.sector", "organisation.country"),
    duties=("criminal_data",),
)
def criminal_data_private_body(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    declared = get(manifest, "organisation.sector")
    private = declared == "private" or (declared is None and manifest.get("charter") == "private")
    if not private or ctx.law.duty("criminal_data") is None:
        return
    for pointer, use in ctx.uses():
        if "criminal" in strings(get(use, "data.special")):
            yield ctx.finding(
                f"{pointer}/data/special", duty="criminal_data", use=use, use_id=use_id(use)
            )


# DAT016 ------------------------------------------------------------------------------------


@rule(
    "DAT016",
    "processing-location-unknown",
    principle="data",
    severity="warning",
    statuses=BEFORE_USE,
    reads=(
        "data.personal",
        "data.special",
        "tool.hosting",
        "tool.vendor",
        "tool.region",
        "data.transfers",
        "parties",
        "organisation.country",
    ),
    duties=("transfers",),
)
def processing_location_unknown(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return  # where the data go matters here for the transfer rules
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        params: dict[str, Any] = {"duty": "transfers", "use": use, "use_id": use_id(use)}
        parties = [
            (index, party)
            for index, party in enumerate(as_list(use.get("parties")))
            if isinstance(party, Mapping) and party.get("role") in _RECEIVING_ROLES
        ]
        tool = use.get("tool")
        tool = tool if isinstance(tool, Mapping) else {}
        vendor = tool.get("vendor")
        located = not is_blank(tool.get("region")) or not is_blank(get(use, "data.transfers"))
        located = located or any(not is_blank(party.get("region")) for _, party in parties)
        if tool.get("hosting") == "saas" and not is_blank(vendor) and not located:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.region"), vendor=str(vendor).strip(), **params
            )
        for index, party in parties:
            if is_blank(party.get("region")):
                yield ctx.finding(
                    f"{pointer}/parties/{index}",
                    "party",
                    party=_party_name(party),
                    role=party["role"],
                    **params,
                )


# DAT017 ------------------------------------------------------------------------------------


@rule(
    "DAT017",
    "automated-decision-logic-missing",
    principle="data",
    severity="error",
    statuses=IN_USE,
    reads=(
        "decision.affects_individuals",
        "decision.automation",
        "decision.significant_effect",
        "decision.administrative",
        "decision.purpose",
        "description.how",
        "organisation.country",
    ),
    duties=("automated_decision_information",),
)
def automated_decision_logic_missing(ctx: RuleContext) -> Iterator[Finding]:
    if not data_protection_law(ctx):
        return
    for pointer, use in ctx.uses():
        if not art22_case(use) or not is_blank(get(use, "description.how")):
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "description.how"),
            duty="automated_decision_information",
            use=use,
            use_id=use_id(use),
            effect=effect_text(ctx, use),
        )


@rule("DAT015", "hard-coded-api-key", principle="data", severity="error", scope="repository")
def hard_coded_api_key(ctx: RuleContext) -> Iterator[Finding]:
    repository = ctx.repository
    if repository is None:
        return  # a repository rule runs only when detection ran
    for evidence in repository.evidence:
        if evidence.kind != "api-key":
            continue
        yield ctx.finding_in_code(
            evidence,
            charter=repository.charter_at(evidence.file),
            provider=repository.provider_name(evidence.provider),
            key=evidence.secret or evidence.text,
        )


RULES = [
    personal_data_without_legal_basis,
    tool_not_approved,
    no_approved_tools_registry,
    legitimate_interests_public_body,
    special_data_without_basis,
    dpia_missing,
    dpia_pending,
    transfer_without_safeguard,
    retention_missing,
    processor_without_contract,
    vendor_trains_on_inputs,
    training_on_inputs_unknown,
    personal_data_in_manifest,
    criminal_data_private_body,
    hard_coded_api_key,
    processing_location_unknown,
    automated_decision_logic_missing,
]
