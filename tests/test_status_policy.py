"""The status policy, tested on every built-in rule with its own failing example.

A rule declares the use statuses it checks (`@rule(..., statuses=...)`). The policy, decided once
for all rules:

- `idea`: only the prohibited-practice rule (VIG002): an idea is asked nothing else yet;
- `design`: the rules whose duty must be met BEFORE the use starts (reported at the charter's
  severity, "legal duty before the use starts"), and the charter's checks on what is designed;
- `pilot`, `production`: every rule about a running use (a pilot runs on real cases);
- `retired`: nothing, except the personal data written in the manifest itself (DAT013) and the
  lessons a use leaves when it is retired (COO001, whose subject is the retirement).

For each rule, each use of its failing example is given each status in turn (the `status:` line
is rewritten, so comments and suppressions stay), and the rule must fire exactly for the
statuses it declares. Nothing here lists the statuses of a rule: they are read from the rule.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from charte_lint.api import STATUSES, Rule
from charte_lint.config import DEFAULT, load_config
from charte_lint.content import examples
from charte_lint.engine import lint_source
from charte_lint.registry import load_rules

TODAY = dt.date(2026, 11, 29)
ALL_RULES = load_rules()

# Rules whose findings do not depend on a use's status, and why. Each must fire whatever the
# status of the uses; any other rule must declare `statuses`.
STATUS_INDEPENDENT = {
    "DAT013": "personal data written in the manifest itself: the file is published whatever "
    "the status of the use it describes",
}
# The engine's own findings (CL codes) are about the file: its YAML, its schema, its comments
# and waivers. They have no principle and read no use's status.
STRUCTURAL = "CL"
# Rules whose examples are repositories, run with code detection (tests/test_rule_content.py):
# their status handling is tested there and in tests/test_detect_rules.py.
DIRECTORY_EXAMPLES_ONLY = {
    "TRN009": "compares the live declared uses with the code found: its examples are directories",
}
# The exceptions the policy makes to "idea: VIG002 only" and "retired: nothing".
IDEA_ALLOWED = {"VIG002"}
RETIRED_ALLOWED = {"DAT013", "COO001"}

_STATUS_LINE = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?)status:\s*(?:" + "|".join(STATUSES) + r")\b", re.MULTILINE
)

CASES = [
    (rule, example)
    for rule in ALL_RULES
    if not rule.code.startswith(STRUCTURAL) and rule.scope == "manifest"
    for example in examples(rule.content, rule.code)
    if example.failing and not example.is_directory
]


def _with_status(text: str, status: str) -> str:
    """The manifest with every use's `status:` set to `status` (other `status:` keys, such as
    `assessments.dpia.status: done`, have values outside the use statuses and stay)."""
    rewritten, count = _STATUS_LINE.subn(lambda m: f"{m.group('lead')}status: {status}", text)
    assert count, "the example declares no use status"
    return rewritten


def _fires(rule: Rule, example: object, status: str) -> bool:
    config = load_config(example.config) if example.config else DEFAULT  # type: ignore[attr-defined]
    path = example.manifest_path()  # type: ignore[attr-defined]
    text = _with_status(Path(path).read_text(encoding="utf-8"), status)
    findings = lint_source(text, path, config, lang="en", today=TODAY)
    return any(f.code == rule.code and f.suppression is None for f in findings)


def test_every_rule_with_a_failing_example_is_checked_here():
    checked = {rule.code for rule, _ in CASES}
    principled = {r.code for r in ALL_RULES if r.principle is not None and r.scope == "manifest"}
    assert checked == principled - set(DIRECTORY_EXAMPLES_ONLY)


@pytest.mark.parametrize(
    ("rule", "example"),
    CASES,
    ids=lambda value: (
        str(Path(value.path).relative_to(Path(value.path).parents[2]))
        if hasattr(value, "path")
        else value.code
    ),
)
def test_a_rule_fires_exactly_for_the_statuses_it_declares(rule: Rule, example: object) -> None:
    fired = {status for status in STATUSES if _fires(rule, example, status)}
    if rule.code in STATUS_INDEPENDENT:
        assert fired == set(STATUSES), (rule.code, STATUS_INDEPENDENT[rule.code])
        return
    assert rule.statuses is not None, f"{rule.code} declares no `statuses`"
    assert fired == set(rule.statuses), rule.code


@pytest.mark.parametrize(
    "rule",
    [r for r in ALL_RULES if r.statuses is not None],
    ids=lambda rule: rule.code,
)
def test_declared_statuses_follow_the_policy(rule: Rule) -> None:
    assert rule.statuses, rule.code  # an empty tuple would check nothing
    assert set(rule.statuses) <= set(STATUSES), rule.code
    if "idea" in rule.statuses:
        assert rule.code in IDEA_ALLOWED | set(STATUS_INDEPENDENT), rule.code
    if "retired" in rule.statuses:
        assert rule.code in RETIRED_ALLOWED | set(STATUS_INDEPENDENT), rule.code
