"""Finding rule packs, reporters and policies: the entry-point groups `charte_lint.rules`,
`charte_lint.reporters` and `charte_lint.policies`, without paying for them.

Each pack is an entry point whose object is a list of `Rule`; each reporter an entry point named
after its format whose object renders a report (see `charte_lint.reporters.Reporter`). The
built-in ones are declared like any other (`builtin = "charte_lint.rules:RULES"`,
`text = "charte_lint.reporters.text:REPORTER"`...), but importing `importlib.metadata` and
scanning every installed distribution costs tens of milliseconds, so the default path only
peeks at each distribution's `entry_points.txt` for the group names, once for both groups; the
full entry-point machinery runs only when some other distribution declares a pack or a reporter.
A policy (an organisation's configuration shipped as a package, `extends: policy:NAME`) is
looked up only when a configuration names one, in the `entry_points.txt` files themselves.
"""

from __future__ import annotations

import os
import sys

from charte_lint.messages import N_

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Rule
    from charte_lint.reporters import Reporter

GROUP = "charte_lint.rules"
BUILTIN = "charte_lint.rules:RULES"
REPORTERS = "charte_lint.reporters"
POLICIES = "charte_lint.policies"
BUILTIN_REPORTERS = {
    name: f"charte_lint.reporters.{name}:REPORTER"
    for name in ("text", "json", "sarif", "github", "gitlab", "junit")
}
"""The built-in reporters, as pyproject.toml declares them, in the order help texts list them."""
_OWN_DISTRIBUTIONS = ("charte_lint-", "charte-lint-")
_DECLARED: dict[tuple[str, ...], frozenset[str]] = {}  # sys.path -> groups others declare


class RuleError(Exception):
    """A rule pack or a reporter is broken, or a rule code is unknown: a usage error (exit 2).

    `str(error)` is English; `in_language(lang)` is the message in the run's language.
    """

    def in_language(self, lang: str) -> str:
        message = self.args[0] if self.args else ""
        render = getattr(message, "in_language", None)  # a lazytext.Lazy
        return render(lang) if render is not None else str(message)


def lazy(message: str, **params: object) -> str:
    """`lazytext.lazy`, imported only when a rule pack or a reporter is broken."""
    from charte_lint.lazytext import lazy as make

    return make(message, **params)


def _third_party_declared(group: str = GROUP) -> bool:
    """Whether any installed distribution other than charte-lint declares entry points in
    `group`: one look at the installed distributions per run answers for every group."""
    key = tuple(sys.path)
    declared = _DECLARED.get(key)
    if declared is None:
        declared = _DECLARED[key] = _third_party_groups()
    return group in declared


def _third_party_groups() -> frozenset[str]:
    markers = {f"[{group}]": group for group in (GROUP, REPORTERS)}
    found: set[str] = set()
    for _, declared in _entry_points_files(skip_own=True):
        found.update(group for marker, group in markers.items() if marker in declared)
    return frozenset(found)


def _entry_points_files(skip_own: bool = False) -> Iterator[tuple[str, str]]:
    """(distribution folder, text of its `entry_points.txt`) of every installed distribution, in
    `sys.path` order: read directly, as `importlib.metadata` would cost more than a small run.
    `skip_own`: not charte-lint's own, which declares the built-in pack and reporters."""
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            if skip_own and name.lower().startswith(_OWN_DISTRIBUTIONS):
                continue
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as f:
                    yield name, f.read()
            except (OSError, ValueError):
                continue


def _import_entry(reference: str, source: str, failure: str) -> Any:
    """The object an entry point names (`module:attribute`); a broken third-party package is a
    one-line error (`failure` names `{source}`, `{reference}` and `{error}`), not a crash."""
    from importlib import import_module

    module_name, _, attribute = reference.partition(":")
    try:
        return getattr(import_module(module_name), attribute)
    except Exception as error:
        raise RuleError(lazy(failure, source=source, reference=reference, error=error)) from None


def _load(reference: str, source: str) -> list[Rule]:
    from charte_lint.api import Rule

    rules = _import_entry(
        reference, source, N_("cannot load rule pack {source} ({reference}): {error}")
    )
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


def reporter_names() -> list[str]:
    """The formats `--format` and `--report` accept: the built-in ones, then installed ones."""
    return [*BUILTIN_REPORTERS, *_third_party_reporters()]


def load_reporter(name: str) -> Reporter | None:
    """The reporter registered under `name`, or None when there is none. Only its module is
    imported; installed reporters are looked up (and checked for clashes) only when some
    distribution declares one."""
    others = _third_party_reporters()
    reference = BUILTIN_REPORTERS.get(name)
    source = "builtin"
    if reference is None:
        reference, source = others.get(name), name
    if reference is None:
        return None
    from charte_lint.reporters import Reporter

    found = _import_entry(
        reference, source, N_("cannot load reporter {source} ({reference}): {error}")
    )
    if isinstance(found, Reporter):
        return found if found.name == name else Reporter(name, found.render, found.color)
    render = getattr(found, "render", found)
    if not callable(render):
        raise RuleError(
            lazy(
                "reporter {source} ({reference}) is neither a render function nor has one",
                source=source,
                reference=reference,
            )
        )
    return Reporter(name, render, bool(getattr(found, "color", False)))


def _third_party_reporters() -> dict[str, str]:
    """Format name -> entry-point reference of the reporters other distributions declare."""
    if not _third_party_declared(REPORTERS):
        return {}
    from importlib.metadata import entry_points

    found: dict[str, str] = {}
    for point in sorted(entry_points(group=REPORTERS), key=lambda p: p.name):
        if BUILTIN_REPORTERS.get(point.name) == point.value:
            continue  # charte-lint's own declaration
        if point.name in BUILTIN_REPORTERS or point.name in found:
            first = BUILTIN_REPORTERS.get(point.name) or found[point.name]
            raise RuleError(
                lazy(
                    "two reporters claim the format `{name}`: {first} and {second}",
                    name=point.name,
                    first=first,
                    second=point.value,
                )
            )
        found[point.name] = point.value
    return found


def installed_policies() -> dict[str, str]:
    """Policy name -> entry-point reference, of the policies installed distributions declare
    (the first on `sys.path` for a name, as Python imports). Read from each distribution's
    `entry_points.txt` directly: `importlib.metadata` would cost more than the rest of a run."""
    found: dict[str, str] = {}
    for _, declared in _entry_points_files():
        for policy, reference in _section(declared, POLICIES):
            found.setdefault(policy, reference)
    return found


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The `name = value` lines of `[group]` in an `entry_points.txt`."""
    entries, inside = [], False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            inside = line == f"[{group}]"
        elif inside and "=" in line and not line.startswith(("#", ";")):
            name, _, value = line.partition("=")
            entries.append((name.strip(), value.strip()))
    return entries


def load_policy(name: str, reference: str) -> str:
    """The path of the configuration file policy `name` ships: its entry point names an
    attribute holding that path (`acme_policy:POLICY`)."""
    found = _import_entry(reference, name, N_("cannot load policy {source} ({reference}): {error}"))
    path = os.fspath(found) if isinstance(found, (str, os.PathLike)) else None
    if not isinstance(path, str) or not os.path.isfile(path):
        raise RuleError(
            lazy(
                "policy {source} ({reference}) is not the path of a configuration file",
                source=name,
                reference=reference,
            )
        )
    return path


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
    """What an unknown rule selector may have meant: up to three close spellings of a code or a
    name, then the names that contain it as a word (`dpia`: `dpia-missing`, `dpia-pending`),
    five in all."""
    from difflib import get_close_matches

    candidates = [r.code for r in rules] + [r.name for r in rules]
    close = get_close_matches(key.upper(), candidates, n=3, cutoff=0.75)
    close += [c for c in get_close_matches(key, candidates, n=3, cutoff=0.75) if c not in close]
    close = close[:3]
    word = key.strip().lower().replace("_", "-")
    if len(word) >= 3:
        close += [r.name for r in rules if f"-{word}-" in f"-{r.name}-"]
    return list(dict.fromkeys(close))[:5]
