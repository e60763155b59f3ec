"""Run the built-in rules on a manifest dict, without files, schema or engine.

Findings keep the rule's pointer and message; file and positions stay unset (the engine fills
them from the YAML). Each finding's `use` is set from its pointer, as the engine does.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from charte_lint.api import ApprovedTool, Policy, RuleContext
from charte_lint.rules import RULES

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from charte_lint.api import Finding

TODAY = dt.date(2026, 11, 29)

SMALLEST: dict[str, Any] = {
    "version": 1,
    "charter": "private",
    "organisation": {"name": "Exemple SAS"},
    "uses": [
        {
            "id": "code-assistant",
            "name": "Code completion in the IDE",
            "status": "production",
            "owner": {"team": "Platform engineering", "accountable": "Head of engineering"},
            "purpose": {
                "need": "Speed up routine code and test writing for the platform team.",
                "beneficiaries": ["staff"],
            },
            "description": {
                "does": "Suggests code completions inside the editor.",
                "does_not": "Does not commit, review or deploy code; suggestions are accepted "
                "by a developer.",
            },
            "tool": {"name": "GitHub Copilot Business", "approved": "copilot-business"},
            "task": "code_assist",
            "audience": ["staff"],
            "data": {"personal": False, "classification": "internal"},
            "work": {"impact": "none"},
            "review": {"last": "2026-10-01"},
        }
    ],
}
"""The smallest clean manifest of docs/manifest.md, as the engine hands it to rules."""


def smallest(**changes: Any) -> dict[str, Any]:
    """A deep copy of SMALLEST, with top-level keys replaced by `changes`."""
    manifest = copy.deepcopy(SMALLEST)
    manifest.update(changes)
    return manifest


def manifest_with(*uses: Mapping[str, Any], charter: str = "private") -> dict[str, Any]:
    """A manifest around `uses`, each merged over a deep copy of SMALLEST's only use."""
    merged = []
    for use in uses:
        base = copy.deepcopy(SMALLEST["uses"][0])
        base.update(copy.deepcopy(dict(use)))
        merged.append(base)
    return smallest(charter=charter, uses=merged)


def registry(*entries: Mapping[str, Any]) -> Policy:
    """A policy whose `approved_tools` registry holds `entries` (none: an empty registry)."""
    return Policy(approved_tools=tuple(ApprovedTool(entry) for entry in entries))


def run_rules(
    manifest: Any,
    *,
    policy: Policy | None = None,
    lang: str = "en",
    today: dt.date = TODAY,
    codes: Iterable[str] | None = None,
) -> list[Finding]:
    """The findings of every built-in rule (or only `codes`) that applies to the manifest's
    charter, in rule order. One context for the manifest, pointed at each rule in turn, as the
    engine does: facts the rules share (`ctx.shared`, `ctx.law`) are derived once."""
    policy = policy or Policy()
    wanted = None if codes is None else set(codes)
    charter = manifest.get("charter") if isinstance(manifest, Mapping) else None
    findings: list[Finding] = []
    ctx: RuleContext | None = None
    for rule in RULES:
        if wanted is not None and rule.code not in wanted:
            continue
        if not isinstance(charter, str) or not rule.applies_to(charter):
            continue
        if rule.scope != "manifest":
            continue  # repository rules see code evidence: tests/test_detect_rules.py
        if ctx is None:
            ctx = RuleContext(rule, manifest, policy, lang=lang, today=today)
        ctx.rule = rule
        for finding in rule.check(ctx):
            findings.append(finding.replace(use=_use_of(manifest, finding.pointer)))
    return findings


def _use_of(manifest: Mapping[str, Any], pointer: str) -> str | None:
    parts = pointer.split("/")
    if len(parts) < 3 or parts[1] != "uses" or not parts[2].isdigit():
        return None
    uses = manifest.get("uses")
    index = int(parts[2])
    if not isinstance(uses, list) or index >= len(uses) or not isinstance(uses[index], Mapping):
        return None
    use_id = uses[index].get("id")
    return use_id if isinstance(use_id, str) else None


def summary(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """(code, pointer) of each finding, for compact assertions."""
    return [(finding.code, finding.pointer) for finding in findings]
