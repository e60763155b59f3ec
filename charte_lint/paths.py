"""The one path-pattern dialect: gitignore-style, as `pathspec` implements it.

The configuration's `exclude`, a use's `code` and the `.gitignore` files read when git is not
there all mean what they would mean in a `.gitignore`: a pattern without a slash (`*.py`) matches
a name at any depth, a leading slash or a slash inside anchors it to the base directory
(`/src/*.py`, `src/*.py`), a trailing slash matches a directory and what is below it (`docs/`),
`**` crosses folders, and `!` re-includes what an earlier pattern matched (the last matching
pattern wins). Paths are relative to a base directory with `/` separators; a path outside the
base (`../x`) matches nothing.

`pathspec` costs about 20 ms to import, so it is imported only when there are patterns to match:
a run without `exclude`, `code` or (without git) `.gitignore` files never pays for it.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

_SPECS: dict[tuple[str, ...], Any] = {}


def spec(patterns: Iterable[str]) -> Any:
    """The compiled `pathspec.GitIgnoreSpec` of `patterns`, memoised."""
    key = tuple(patterns)
    compiled = _SPECS.get(key)
    if compiled is None:
        from pathspec import GitIgnoreSpec

        compiled = _SPECS[key] = GitIgnoreSpec.from_lines(key)
    return compiled


def matches(patterns: Iterable[str], relative: str) -> bool:
    """Whether the path `relative` (to the patterns' base, `/` separators; a directory ends
    with `/`) is matched by `patterns`, the last matching pattern deciding."""
    key = tuple(patterns)
    if not key or not relative or relative == ".." or relative.startswith("../"):
        return False
    return bool(spec(key).match_file(relative))


def verdict(patterns: Iterable[str], relative: str) -> bool | None:
    """True when the last pattern matching `relative` ignores it, False when it is a negation
    (`!`), None when no pattern matches: how nested `.gitignore` files defer to their parents."""
    key = tuple(patterns)
    if not key:
        return None
    return spec(key).check_file(relative).include
