"""What a cold start does not need to pay for.

Importing PyYAML compiles some twenty regular expressions (about 15 ms of a 95 ms run), among
them a character class spanning all of Unicode for its pure-Python reader, which libyaml makes
useless, and resolvers charte-lint mostly answers from a memo or a cheaper exact test. While
`yaml` is first imported, `re.compile` hands out patterns that compile themselves on first use;
everything PyYAML does with them works as before, and what it never uses is never compiled.
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any


class CompiledOnUse:
    """A compiled pattern that compiles itself on first use."""

    def __init__(self, pattern: Any, flags: int = 0) -> None:
        self.args = (pattern, flags)
        self._compiled: re.Pattern[Any] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = _COMPILE(*self.args)
        found = getattr(self._compiled, name)
        setattr(self, name, found)  # found directly from now on, without this method
        return found


def compiled_on_use(pattern: str, flags: int = 0) -> Any:
    """A module's pattern that a plain run may never need (a detector behind a prefilter,
    an escape for characters a text seldom has), compiled the first time it is used."""
    return CompiledOnUse(pattern, flags)


_COMPILE = re.compile


def _compile_on_use(pattern: Any, flags: int = 0) -> Any:
    """`re.compile` while `yaml` is imported: PyYAML's own patterns are compiled on first use
    (it only ever calls their methods), anyone else's at once, as usual."""
    caller = sys._getframe(1).f_globals.get("__name__", "")
    if caller == "yaml" or caller.startswith("yaml."):
        return CompiledOnUse(pattern, flags)
    return _COMPILE(pattern, flags)


def import_yaml() -> Any:
    """`yaml`, imported (the first time) with its patterns compiled on first use."""
    if "yaml" not in sys.modules:
        re.compile = _compile_on_use  # while PyYAML's modules load
        try:
            import yaml  # noqa: F401
        finally:
            re.compile = _COMPILE
    return sys.modules["yaml"]
