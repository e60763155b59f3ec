"""Finding rule packs: the entry-point group `charte_lint.rules`, without paying for it.

Each pack is an entry point whose object is a list of `Rule`. The built-in pack is declared
like any other (`builtin = "charte_lint.rules:RULES"`), but importing `importlib.metadata` and
scanning every installed distribution costs tens of milliseconds, so the default path only
peeks at each distribution's `entry_points.txt` for the group name; the full entry-point
machinery runs only when some other distribution declares a pack.
"""

from __future__ import annotations

import os
import sys
from difflib import get_close_matches

from charte_lint.messages import Lazy, lazy

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Rule

GROUP = "charte_lint.rules"
BUILTIN = "charte_lint.rules:RULES"
_OWN_DISTRIBUTIONS = ("charte_lint-", "charte-lint-")


class RuleError(Exception):
    """A rule pack is broken, or a rule code is unknown: a usage error (exit 2).

    `str(error)` is English; `in_language(lang)` is the message in the run's language.
    """

    def in_language(self, lang: str) -> str:
        message = self.args[0] if self.args else ""
        return message.in_language(lang) if isinstance(message, Lazy) else str(message)


def _third_party_declared() -> bool:
    """Whether any installed distribution other than charte-lint declares a rule pack."""
    marker = f"[{GROUP}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            if name.lower().startswith(_OWN_DISTRIBUTIONS):
                continue
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as f:
                    if marker in f.read():
                        return True
            except OSError:
                continue
    return False


def _load(reference: str, source: str) -> list[Rule]:
    from importlib import import_module

    from charte_lint.api import Rule

    module_name, _, attribute = reference.partition(":")
    try:
        rules = getattr(import_module(module_name), attribute)
    except Exception as error:  # a broken third-party pack must not crash the run
        raise RuleError(
            lazy(
                "cannot load rule pack {source} ({reference}): {error}",
                source=source,
                reference=reference,
                error=error,
            )
        ) from None
    if not isinstance(rules, (list, tuple)) or not all(isinstance(r, Rule) for r in rules):
        raise RuleError(
            lazy(
                "rule pack {source} ({reference}) is not a list of charte_lint Rule",
                source=source,
                reference=reference,
            )
        )
    return list(rules)


def load_rules() -> list[Rule]:
    """Every rule: the engine's structural ones, the built-in pack, then third-party packs."""
    from charte_lint.structure import RULES as STRUCTURAL

    rules = [*STRUCTURAL, *_load(BUILTIN, "builtin")]
    if _third_party_declared():
        from importlib.metadata import entry_points

        for point in sorted(entry_points(group=GROUP), key=lambda p: p.name):
            if point.value != BUILTIN:
                rules.extend(_load(point.value, point.name))
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen and seen[key] is not rule:
                raise RuleError(
                    lazy(
                        "two rules claim `{key}`: {first} and {second}",
                        key=key,
                        first=seen[key].code,
                        second=rule.code,
                    )
                )
            seen[key] = rule
    return rules


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code (`DAT001`), a name (`tool-not-approved`), a prefix (`DAT`) or ALL."""
    return (
        selector == "ALL"
        or selector == rule.name
        or ((selector.isupper() or selector[:1].isupper()) and rule.code.startswith(selector))
    )


def unknown_selector(rules: list[Rule], selectors: list[str]) -> str | None:
    """The first selector that matches no rule, or None when all are known."""
    for selector in selectors:
        if not any(matches(rule, selector) for rule in rules):
            return selector
    return None


def find_rule(rules: list[Rule], key: str) -> Rule | None:
    for rule in rules:
        if key in (rule.code, rule.name) or key.upper() == rule.code:
            return rule
    return None


def suggestions(rules: list[Rule], key: str) -> list[str]:
    candidates = [r.code for r in rules] + [r.name for r in rules]
    close = get_close_matches(key.upper(), candidates, n=3, cutoff=0.75)
    close += [c for c in get_close_matches(key, candidates, n=3, cutoff=0.75) if c not in close]
    return close[:3]
