"""What a cold start does not need to pay for.

PyYAML's pure-Python reader compiles, when `yaml` is imported, a character class spanning all
of Unicode (`Reader.NON_PRINTABLE`): about 10 ms, a tenth of a one-manifest run, for a pattern
only that reader uses, and charte-lint reads YAML with libyaml. `re.compile` looks its cache up
before compiling, so a stand-in put there under that exact pattern is what PyYAML receives; it
compiles the real pattern the first time it is used (by the pure-Python reader, when libyaml
is missing). Where `re` keeps its cache differently, or PyYAML changes the pattern, the entry
is simply never looked up and PyYAML compiles its own, as before.
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

YAML_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
"""`yaml.reader.Reader.NON_PRINTABLE`'s pattern in PyYAML 5 and 6."""


class CompiledOnUse:
    """A compiled pattern that compiles itself on first use."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            # re.UNICODE, implied for a str pattern, keys the cache apart from this stand-in
            self._compiled = re.compile(self.pattern, re.UNICODE)
        return getattr(self._compiled, name)


def defer_yaml_reader_pattern() -> None:
    """Put the stand-in where `re.compile` will find it, before `yaml` is imported."""
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict) and "yaml" not in sys.modules:
        cache.setdefault((str, YAML_NON_PRINTABLE, 0), CompiledOnUse(YAML_NON_PRINTABLE))
