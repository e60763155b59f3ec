"""Rules for the `data` principle: lawful processing, and no personal or sensitive data in tools
the organisation has not approved for it.

Longer than the other modules for a reason: the GDPR is the widest of the texts behind the
charter, and this module holds its fifteen checks (legal basis, registry, DPIA, transfers,
processors, retention...); the personal-data scanner is apart, in `pii.py`."""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get, rule

from .facts import (
    as_list,
    if_missing,
    is_blank,
    is_public_body,
    missing_pointer,
    processes_personal_data,
    sends_sensitive_data,
    strings,
    use_id,
)
from .pii import CONTACT_FIELDS, personal_data_in, strings_of

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


@rule("DAT001", "personal-data-without-legal-basis", principle="data", severity="error")
def personal_data_without_legal_basis(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "data.personal") is True and is_blank(get(use, "data.legal_basis")):
            yield ctx.finding(missing_pointer(pointer, use, "data.legal_basis"), use_id=use_id(use))


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


@rule("DAT002", "tool-not-approved", principle="data", severity="error")
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


@rule("DAT003", "no-approved-tools-registry", principle="data", severity="info")
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


@rule("DAT004", "legitimate-interests-public-body", principle="data", severity="error")
def legitimate_interests_public_body(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    if not is_public_body(manifest):
        return
    for pointer, use in ctx.uses():
        if get(use, "data.legal_basis") == "legitimate_interests":
            yield ctx.finding(f"{pointer}/data/legal_basis", use_id=use_id(use))


# DAT005 ------------------------------------------------------------------------------------

_ART9_CATEGORIES = (
    "health",
    "ethnic_origin",
    "political",
    "religious",
    "union",
    "genetic",
    "biometric",
    "sex_life",
)


@rule("DAT005", "special-data-without-basis", principle="data", severity="error")
def special_data_without_basis(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        special = strings(get(use, "data.special"))
        art9 = [category for category in _ART9_CATEGORIES if category in special]
        if art9 and is_blank(get(use, "data.special_basis")):
            yield ctx.finding(
                missing_pointer(pointer, use, "data.special_basis"),
                use_id=use_id(use),
                categories=", ".join(art9),
            )


# DAT006, DAT007 ----------------------------------------------------------------------------

_VULNERABLE_SUBJECTS = ("minors", "vulnerable", "patients", "staff", "candidates")
_ACCESS_DOMAINS = ("credit", "insurance", "public_benefits", "housing")
_GENERATIVE_CAPABILITIES = ("content_generation", "chatbot", "deepfake", "emotion_recognition")
_GENERATIVE_TASKS = ("drafting", "chat", "rag_qa", "image_generation", "agentic")


def _dpia_mandatory(use: Mapping[str, Any]) -> list[str]:
    """Why a DPIA is mandatory for the use: GDPR Art. 35(3) and the CNIL list (délib. 2018-327)."""
    capabilities = strings(use.get("capabilities"))
    special = strings(get(use, "data.special"))
    subjects = strings(get(use, "data.subjects"))
    scoring = "profiling" in capabilities or "scoring" in capabilities
    vulnerable = any(group in subjects for group in ("minors", "vulnerable", "patients"))
    reasons = []
    if (
        scoring
        and get(use, "decision.affects_individuals") is True
        and get(use, "decision.significant_effect") is True
    ):
        reasons.append("art35_3a")
    if special and get(use, "data.scale") == "large":
        reasons.append("art35_3b")
    if scoring and "employment" in strings(use.get("domain")):
        reasons.append("cnil_hr")
    if "monitoring" in capabilities and "staff" in subjects:
        reasons.append("cnil_staff_monitoring")
    if "health" in special and "patients" in subjects:
        reasons.append("cnil_patients")
    biometric = (
        "biometric" in special or "genetic" in special or "biometric_identification" in capabilities
    )
    if biometric and vulnerable:
        reasons.append("cnil_vulnerable")
    return reasons


def _dpia_criteria(use: Mapping[str, Any]) -> list[str]:
    """The EDPB (WP248) criteria the declared facts meet."""
    capabilities = strings(use.get("capabilities"))
    subjects = strings(get(use, "data.subjects"))
    affects = get(use, "decision.affects_individuals") is True
    criteria = []
    if "profiling" in capabilities or "scoring" in capabilities:
        criteria.append("evaluation")
    if (
        affects
        and get(use, "decision.significant_effect") is True
        and get(use, "decision.automation") in ("partial", "full")
    ):
        criteria.append("automated_decision")
    if "monitoring" in capabilities:
        criteria.append("monitoring")
    if strings(get(use, "data.special")):
        criteria.append("sensitive")
    if get(use, "data.scale") == "large":
        criteria.append("large_scale")
    if any(group in subjects for group in _VULNERABLE_SUBJECTS):
        criteria.append("vulnerable")
    if (
        any(capability in capabilities for capability in _GENERATIVE_CAPABILITIES)
        or use.get("task") in _GENERATIVE_TASKS
    ):
        criteria.append("innovative")
    if affects and any(domain in strings(use.get("domain")) for domain in _ACCESS_DOMAINS):
        criteria.append("access")
    return criteria


def _dpia_status(use: Mapping[str, Any]) -> Any:
    dpia = get(use, "assessments.dpia")
    return dpia.get("status") if isinstance(dpia, Mapping) else None


@rule("DAT006", "dpia-missing", principle="data", severity="error")
def dpia_missing(ctx: RuleContext) -> Iterator[Finding]:
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
        mandatory = _dpia_mandatory(use)
        if mandatory:
            yield ctx.finding(
                where, use_id=use_id(use), reasons=ctx.terms("dpia_reasons", mandatory)
            )
            continue
        criteria = _dpia_criteria(use)
        if len(criteria) < 2:
            continue
        if status == "not_required":
            if is_blank(get(use, "assessments.dpia.reason")):
                yield ctx.finding(
                    where,
                    "no_reason",
                    use_id=use_id(use),
                    reasons=ctx.terms("dpia_reasons", criteria),
                )
            continue
        yield ctx.finding(
            where, "criteria", use_id=use_id(use), reasons=ctx.terms("dpia_reasons", criteria)
        )


@rule("DAT007", "dpia-pending", principle="data", severity="warning")
def dpia_pending(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in ("pilot", "production") or _dpia_status(use) != "todo":
            continue
        if not processes_personal_data(use):
            continue
        mandatory = _dpia_mandatory(use)
        reasons = mandatory or _dpia_criteria(use)
        if mandatory or len(reasons) >= 2:
            yield ctx.finding(
                f"{pointer}/assessments/dpia/status",
                use_id=use_id(use),
                status=status,
                reasons=ctx.terms("dpia_reasons", reasons),
            )


# DAT008 ------------------------------------------------------------------------------------

# Countries with an adequacy decision (GDPR Art. 45), besides the United States whose decision
# covers only organisations certified under the EU-US Data Privacy Framework (10 July 2023).
# Canada's covers commercial organisations only.
# fmt: off
_ADEQUATE = frozenset((
    "AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY",
))
# fmt: on


def _transfer_problem(country: str, mechanism: Any) -> str | None:
    """The message id for a transfer to `country` (outside the EEA) under `mechanism`."""
    if is_blank(mechanism):
        return "default"
    if mechanism == "adequacy" and country not in _ADEQUATE:
        return "us_adequacy" if country == "US" else "no_adequacy"
    if mechanism == "dpf" and country != "US":
        return "dpf_not_us"
    return None


@rule("DAT008", "transfer-without-safeguard", principle="data", severity="error")
def transfer_without_safeguard(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not processes_personal_data(use):
            continue
        transfers = as_list(get(use, "data.transfers"))
        declared = set()
        for index, transfer in enumerate(transfers):
            if not isinstance(transfer, Mapping) or not isinstance(transfer.get("country"), str):
                continue
            country = transfer["country"].upper()
            declared.add(country)
            if country in _EEA or country == "EEA":
                continue
            mechanism = transfer.get("mechanism")
            problem = _transfer_problem(country, mechanism)
            if problem is None:
                continue
            where = f"{pointer}/data/transfers/{index}"
            if "mechanism" in transfer:
                where += "/mechanism"
            yield ctx.finding(where, problem, use_id=use_id(use), country=country)
        region = get(use, "tool.region")
        if not isinstance(region, str):
            continue
        region = region.upper()
        if region in _EEA or region == "EEA" or region in _ADEQUATE or region in declared:
            continue
        yield ctx.finding(f"{pointer}/tool/region", "region", use_id=use_id(use), country=region)


# DAT009 ------------------------------------------------------------------------------------


@rule("DAT009", "retention-missing", principle="data", severity="warning")
def retention_missing(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired" or not processes_personal_data(use):
            continue
        yield from if_missing(ctx, pointer, use, "data.retention")


# DAT010 ------------------------------------------------------------------------------------

_PROCESSOR_HOSTING = ("saas", "private_cloud")


@rule("DAT010", "processor-without-contract", principle="data", severity="error")
def processor_without_contract(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        hosting = get(use, "tool.hosting")
        if hosting not in _PROCESSOR_HOSTING or not processes_personal_data(use):
            continue
        if get(use, "tool.contract") is not True:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.contract"), use_id=use_id(use), hosting=hosting
            )


# DAT011, DAT012 ----------------------------------------------------------------------------


def _saas_with_sensitive_data(use: Mapping[str, Any]) -> bool:
    return get(use, "tool.hosting") == "saas" and sends_sensitive_data(use)


@rule("DAT011", "vendor-trains-on-inputs", principle="data", severity="error")
def vendor_trains_on_inputs(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if _saas_with_sensitive_data(use) and get(use, "tool.trains_on_inputs") is True:
            yield ctx.finding(
                f"{pointer}/tool/trains_on_inputs",
                use_id=use_id(use),
                data=_data_kind(use, ctx),
            )


@rule("DAT012", "training-on-inputs-unknown", principle="data", severity="warning")
def training_on_inputs_unknown(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if not _saas_with_sensitive_data(use) or use.get("status") == "retired":
            continue
        tool = use.get("tool")
        if isinstance(tool, Mapping) and tool.get("trains_on_inputs") is None:
            yield ctx.finding(
                missing_pointer(pointer, use, "tool.trains_on_inputs"),
                use_id=use_id(use),
                data=_data_kind(use, ctx),
            )


# DAT013 ------------------------------------------------------------------------------------


@rule("DAT013", "personal-data-in-manifest", principle="data", severity="error")
def personal_data_in_manifest(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    for pointer, text in strings_of(manifest):
        email = not CONTACT_FIELDS.match(pointer)
        for kind, masked in personal_data_in(text, email=email):
            yield ctx.finding(pointer, kind=ctx.term("personal_data_kinds", kind), masked=masked)


# DAT014 ------------------------------------------------------------------------------------


@rule("DAT014", "criminal-data-private-body", principle="data", severity="warning")
def criminal_data_private_body(ctx: RuleContext) -> Iterator[Finding]:
    manifest = ctx.manifest
    sector = get(manifest, "organisation.sector")
    private = sector == "private" or (sector is None and manifest.get("charter") == "private")
    if not private:
        return
    for pointer, use in ctx.uses():
        if "criminal" in strings(get(use, "data.special")) and use.get("status") != "retired":
            yield ctx.finding(f"{pointer}/data/special", use_id=use_id(use))


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
]
