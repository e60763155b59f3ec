"""Rules for the `transparency` principle: say what the AI does, and that it is AI (P2 / S2)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from charte_lint.api import EVIDENCE_KINDS, Related, get, rule

from .facts import (
    IN_USE,
    as_list,
    biometric_input,
    headcount,
    individual_decisions,
    is_ai_system,
    is_blank,
    missing_pointer,
    strings,
    use_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from charte_lint.api import Evidence, Finding, RuleContext

_OUTSIDE_AUDIENCES = ("clients", "public")


@rule(
    "TRN001",
    "chatbot-without-disclosure",
    principle="transparency",
    severity="error",
    statuses=IN_USE,
    reads=(
        "capabilities",
        "task",
        "audience",
        "interaction.disclosure",
        "algorithm.type",
        "organisation.country",
    ),
    duties=("ai_interaction_notice",),
)
def chatbot_without_disclosure(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        is_chatbot = "chatbot" in as_list(use.get("capabilities")) or use.get("task") == "chat"
        audience = as_list(use.get("audience"))  # who talks with it
        outside = [group for group in _OUTSIDE_AUDIENCES if group in audience]
        if not (is_chatbot and outside):
            continue
        disclosure = get(use, "interaction.disclosure")
        if is_blank(disclosure):
            where = missing_pointer(pointer, use, "interaction.disclosure")
            yield _art50_finding(
                ctx, where, use, "ai_interaction_notice", audience=", ".join(outside)
            )


def _art50_finding(
    ctx: RuleContext, where: str, use: Mapping[str, Any], duty: str, **params: Any
) -> Finding:
    """A finding on an AI Act art. 50 duty where the AI Act reaches the use (the EU and the EEA,
    an AI system); elsewhere the charter's own ask (`charter` message, charter severity)."""
    if ctx.law.applies("ai_act") and is_ai_system(use):
        return ctx.finding(where, duty=duty, use=use, use_id=use_id(use), **params)
    return ctx.finding(where, "charter", charter_only=True, use_id=use_id(use), **params)


def _disclosure_missing(pointer: str, use: Mapping[str, Any]) -> str | None:
    """Where to report a missing `interaction.disclosure`, or None when there is one."""
    if is_blank(get(use, "interaction.disclosure")):
        return missing_pointer(pointer, use, "interaction.disclosure")
    return None


# TRN002, TRN003 ----------------------------------------------------------------------------

_MEDIA = ("image", "audio", "video")


@rule(
    "TRN002",
    "deepfake-without-disclosure",
    principle="transparency",
    severity="error",
    statuses=IN_USE,
    reads=("capabilities", "interaction.disclosure", "algorithm.type", "organisation.country"),
    duties=("deepfake_disclosure",),
)
def deepfake_without_disclosure(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if "deepfake" not in strings(use.get("capabilities")):
            continue
        where = _disclosure_missing(pointer, use)
        if where is not None:
            yield _art50_finding(ctx, where, use, "deepfake_disclosure")


@rule(
    "TRN003",
    "published-media-without-disclosure",
    principle="transparency",
    severity="warning",
    statuses=IN_USE,
    reads=("interaction.published", "interaction.generates", "capabilities"),
)
def published_media_without_disclosure(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "interaction.published") is not True:
            continue
        if "deepfake" in strings(use.get("capabilities")):
            continue  # TRN002
        media = [kind for kind in _MEDIA if kind in strings(get(use, "interaction.generates"))]
        where = _disclosure_missing(pointer, use) if media else None
        if where is not None:
            yield ctx.finding(where, use_id=use_id(use), media=", ".join(media))


# TRN004 ------------------------------------------------------------------------------------


@rule(
    "TRN004",
    "published-text-without-disclosure",
    principle="transparency",
    severity="error",
    statuses=IN_USE,
    reads=(
        "interaction.published",
        "interaction.generates",
        "oversight.content_review",
        "interaction.disclosure",
        "algorithm.type",
        "organisation.country",
    ),
    duties=("published_text_disclosure",),
)
def published_text_without_disclosure(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "interaction.published") is not True:
            continue
        if "text" not in strings(get(use, "interaction.generates")):
            continue
        if get(use, "oversight.content_review") is True:
            continue  # human review and editorial responsibility: art. 50(4), second subparagraph
        where = _disclosure_missing(pointer, use)
        if where is not None:
            yield _art50_finding(ctx, where, use, "published_text_disclosure")


# TRN005 ------------------------------------------------------------------------------------

_EXPOSING_CAPABILITIES = ("emotion_recognition", "biometric_categorisation")


@rule(
    "TRN005",
    "emotion-or-biometric-without-notice",
    principle="transparency",
    severity="error",
    statuses=IN_USE,
    reads=(
        "capabilities",
        "algorithm.type",
        "data.modalities",
        "data.special",
        "interaction.disclosure",
        "organisation.country",
    ),
    duties=("emotion_biometric_notice",),
)
def exposure_without_notice(ctx: RuleContext) -> Iterator[Finding]:
    """AI Act art. 50(3): "Deployers of an emotion recognition system or a biometric
    categorisation system shall inform the natural persons exposed thereto of the operation of
    the system", whether the practice is otherwise lawful or not (VIG002 judges that); only on
    biometric input (art. 3(39), 3(40)), and only where the AI Act applies."""
    if not ctx.law.applies("ai_act"):
        return
    for pointer, use in ctx.uses():
        if not is_ai_system(use):
            continue
        capabilities = strings(use.get("capabilities"))
        found = [name for name in _EXPOSING_CAPABILITIES if name in capabilities]
        if not found or use.get("status") == "retired" or not biometric_input(use):
            continue
        where = _disclosure_missing(pointer, use)
        if where is not None:
            yield ctx.finding(
                where,
                duty="emotion_biometric_notice",
                use=use,
                use_id=use_id(use),
                capabilities=", ".join(found),
            )


# TRN006, TRN007: the CRPA (French public bodies and public services only) -------------------


def _administrative_uses(ctx: RuleContext) -> Iterator[tuple[str, Mapping[str, Any], str]]:
    """(pointer, use, `declared` or `inferred`) for each use the rule checks whose outputs ground
    individual administrative decisions, where the CRPA binds the organisation."""
    if not ctx.law.applies("crpa"):
        return
    for pointer, use in ctx.uses():
        how = individual_decisions(use)
        if how is not None:
            yield pointer, use, how


@rule(
    "TRN006",
    "administrative-decision-without-mention",
    principle="transparency",
    severity="error",
    statuses=IN_USE,
    reads=(
        "organisation.country",
        "organisation.sector",
        "decision.administrative",
        "decision.affects_individuals",
        "transparency.mention",
    ),
    duties=("algorithm_mention",),
)
def administrative_decision_without_mention(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use, how in _administrative_uses(ctx):
        if is_blank(get(use, "transparency.mention")):
            yield ctx.finding(
                missing_pointer(pointer, use, "transparency.mention"),
                "default" if how == "declared" else "inferred",
                duty="algorithm_mention",
                use=use,
                use_id=use_id(use),
            )


# CRPA L312-1-3 exempts "les personnes morales dont le nombre d'agents ou de salariés est
# inférieur à un seuil fixé par décret": 50 full-time equivalents (art. D312-1-4, décret
# n° 2016-1922). Fewer than 50 are exempt; 50 is bound.
PUBLICATION_THRESHOLD = 50


@rule(
    "TRN007",
    "algorithm-not-published",
    principle="transparency",
    severity="error",
    statuses=IN_USE,
    reads=(
        "organisation.country",
        "organisation.sector",
        "organisation.agents",
        "decision.administrative",
        "decision.affects_individuals",
        "transparency.public_record",
    ),
    duties=("algorithm_publication",),
)
def algorithm_not_published(ctx: RuleContext) -> Iterator[Finding]:
    agents = headcount(ctx.manifest)
    if agents is not None and agents < PUBLICATION_THRESHOLD:
        return
    unpublished = [
        (pointer, use, how)
        for pointer, use, how in _administrative_uses(ctx)
        if is_blank(get(use, "transparency.public_record"))
    ]
    if not unpublished:
        return
    if agents is None:  # the exemption turns on the headcount: ask for it, once, as a question
        # (the charter's severity, no legal record: whether the duty binds is what is asked)
        uses = ", ".join(f"`{use_id(use)}`" for _, use, _ in unpublished)
        finding = ctx.finding(
            missing_pointer("", ctx.manifest, "organisation.agents"),
            "headcount",
            uses=uses,
            threshold=PUBLICATION_THRESHOLD,
        )
        yield finding.replace(severity=ctx.rule.charter_severity)
        return
    for pointer, use, how in unpublished:
        yield ctx.finding(
            missing_pointer(pointer, use, "transparency.public_record"),
            "default" if how == "declared" else "inferred",
            duty="algorithm_publication",
            use=use,
            use_id=use_id(use),
            agents=agents,
        )


# Declared vs detected: the code's AI use against the manifests (when a directory is linted) --

_LONGEST_SNIPPET = 60


def snippet(text: str) -> str:
    """Evidence as shown in a message: one line, at most 60 characters, no backquote."""
    text = " ".join(text.split()).replace("`", "'")
    return text if len(text) <= _LONGEST_SNIPPET else text[: _LONGEST_SNIPPET - 3] + "..."


_RANK = {kind: rank for rank, kind in enumerate(EVIDENCE_KINDS)}


def first_places(found: Iterable[Evidence]) -> list[Evidence]:
    """Evidence of one file in the order a finding lists it: by line, the strongest kind first
    on a line (`EVIDENCE_KINDS`), then by column."""
    return sorted(found, key=lambda e: (e.line, _RANK.get(e.kind, len(_RANK)), e.column))


def by_file_and_provider(found: Iterable[Evidence]) -> list[list[Evidence]]:
    """Evidence grouped by file, provider and gateway (`via`), each group in `first_places`
    order, groups in the order of their files and first places."""
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    for evidence in found:
        key = (evidence.file, evidence.provider, getattr(evidence, "via", None) or "")
        groups.setdefault(key, []).append(evidence)
    ordered = [first_places(group) for group in groups.values()]
    ordered.sort(key=lambda group: (group[0].file, group[0].line, group[0].column))
    return ordered


def subject(ctx: RuleContext, evidence: Evidence) -> str:
    """The provider as a reader names it, with the gateway it is reached through if any."""
    repository = ctx.repository
    assert repository is not None
    provider = repository.provider_name(evidence.provider)
    via = getattr(evidence, "via", None)  # Evidence.via: set by detection for a gateway's route
    if not via:
        return provider
    gateway = repository.provider_name(via)
    return ctx.term("subjects", "through").format(provider=provider, gateway=gateway)


def more_places(ctx: RuleContext, count: int) -> str:
    """ ", and N more places in this file" in the run's language, or "" for none."""
    if not count:
        return ""
    key = "more-one" if count == 1 else "more-other"
    return ", " + ctx.rule.messages[key][ctx.lang].format(count=count)


@rule("TRN008", "undeclared-ai-use", principle="transparency", severity="error", scope="repository")
def undeclared_ai_use(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per file and provider (and gateway), at its first place, the others as
    related places: a first run on a real repository lists what is used where, not every line."""
    repository = ctx.repository
    if repository is None:
        return  # a repository rule runs only when detection ran
    said = {(e.file, e.line) for e in repository.evidence if e.kind != "api-key"}
    undeclared = [
        evidence
        for evidence in repository.evidence
        if not (evidence.kind == "api-key" and (evidence.file, evidence.line) in said)
        # ^ the same line already says it (a call with the key in it)
        and not repository.declaring(evidence)
    ]
    for group in by_file_and_provider(undeclared):
        first, others = group[0], group[1:]
        covered = bool(repository.uses_above(first.file))
        yield ctx.finding_in_code(
            first,
            "default" if covered else "no-manifest",
            charter=repository.charter_at(first.file),
            per_file=True,
            related=[_related(ctx, evidence) for evidence in others],
            subject=subject(ctx, first),
            provider=subject(ctx, first),
            kind=ctx.term("evidence_kinds", first.kind),
            text=snippet(first.text),
            more=more_places(ctx, len(others)),
        )


def _related(ctx: RuleContext, evidence: Evidence) -> Related:
    kind = ctx.term("evidence_kinds", evidence.kind)
    return Related(
        evidence.file,
        evidence.line,
        evidence.column,
        evidence.end_column,
        f"{kind} `{snippet(evidence.text)}`",
    )


@rule("TRN009", "declared-ai-use-not-in-code", principle="transparency", severity="info")
def declared_not_found(ctx: RuleContext) -> Iterator[Finding]:
    repository = ctx.repository
    if repository is None or not repository.code_files:
        return  # detection is off, or found no code
    live = [use for use in ctx.declared_uses() if use.status in IN_USE]
    if not live or not repository.has_code_under(live[0].directory):
        return  # no code here to compare with: a repository of declarations only
    below = [e for e in repository.evidence if live[0].in_directory(e.file)]  # all share it
    for use in live:
        covered = [e for e in below if use.covers(e.file)]  # `code`, or all below
        if use.code:
            if not covered:
                yield ctx.finding(f"{use.pointer}/code", "code", use_id=use.id)
            continue
        named = [
            provider
            for provider in repository.providers
            if repository.provider_kind(provider) != "framework"
            and repository.names_provider(use, provider)
        ]
        if named and not any(e.provider in named for e in covered):
            scope = use.directory.replace(os.sep, "/") or "."
            yield ctx.finding(
                f"{use.pointer}/tool/name",
                use_id=use.id,
                provider=repository.provider_name(named[0]),
                scope=scope if scope.endswith("/") else scope + "/",
            )


RULES = [
    chatbot_without_disclosure,
    deepfake_without_disclosure,
    published_media_without_disclosure,
    published_text_without_disclosure,
    exposure_without_notice,
    administrative_decision_without_mention,
    algorithm_not_published,
    undeclared_ai_use,
    declared_not_found,
]
