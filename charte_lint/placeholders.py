"""What a placeholder is: the one definition the engine (CL106) and the rules (VAL001) share.

A placeholder is a value that stands for a fact not stated yet: what `charte-lint --init` writes
(`TODO`, `À COMPLÉTER`: the `"TODO"` text of the catalogue in every language), the usual to-do
words in English and French (`TBD`, `TBC`, `FIXME`, `n/a`, `à définir`, `à préciser`, `à
venir`), `xxx`, or filler alone (`-`, `...`, `?`, `—`; not `*`, which a waiver uses for every
use). Case, accents, spaces and punctuation do not count (`tbd.`, `A COMPLETER`, `N/A`). A to-do
word followed by a colon starts a placeholder however long the rest is (`TODO: ask the DPO`, `À
compléter : nom du DPO`).
"""

from __future__ import annotations

import re
import unicodedata

# Compared after `normalise`: case, accents, punctuation and spaces do not count.
_PLACEHOLDERS = frozenset(
    {
        "tbd",
        "tbc",
        "todo",
        "fixme",
        "na",  # n/a, N.A.
        "adefinir",  # à définir
        "acompleter",  # à compléter
        "avenir",  # à venir
        "apreciser",  # à préciser
    }
)
# The words that say "to do", as opposed to "not applicable": followed by a colon, they start a
# placeholder whatever follows (`TODO: the person who answers for this use`).
_TO_DO = frozenset({"tbd", "tbc", "todo", "fixme", "adefinir", "acompleter", "apreciser"})
_XXX = re.compile(r"^x{2,}$")
# The first letter of a placeholder: not an ASCII letter or digit (`À`, `-`, `?`), or the first
# letter of a word above (t, f, n, a, x). One C-level match rules out most values.
_MAY_START = re.compile(r"[^0-9A-Za-z]|[tfnaxTFNAX]")
_LONGEST_PLACEHOLDER = 30  # characters, punctuation and spaces included
_LONGEST_TO_DO = 14  # `à compléter :` with spaces around
_NOT_WORD = re.compile(r"[\W_]+")
# Filler: dashes, dots, question marks alone. Not every punctuation: `*` means "every use".
_FILLER = re.compile(r"[\s\-.?\u2026\u2013\u2014_]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")  # accents left apart by NFKD


def normalise(text: str) -> str:
    """`text` without case, accents, spaces or punctuation: `À compléter.` -> `acompleter`."""
    compact = _NOT_WORD.sub("", text.casefold())
    if compact.isascii():
        return compact
    return _NOT_WORD.sub("", _COMBINING.sub("", unicodedata.normalize("NFKD", compact)))


may_be_placeholder = _MAY_START.match
"""Whether `text` may be a placeholder (a match, or None): a necessary condition of
`is_placeholder`, cheap enough to ask of every value of a manifest before it."""


def is_placeholder(text: str) -> bool:
    """Whether `text` (a value of the manifest) is a placeholder rather than a stated fact.

    A blank text is not one: it is a missing value, which the schema reports."""
    if not may_be_placeholder(text) or text.isspace():
        return False  # most values: no placeholder starts with this letter (fast path)
    if _FILLER.fullmatch(text):  # "-", "...", "?", "—"
        return True
    if len(text) <= _LONGEST_PLACEHOLDER:
        normalised = normalise(text)
        if normalised in _PLACEHOLDERS or _XXX.match(normalised):
            return True
    head, colon, _ = text[: _LONGEST_TO_DO + 1].partition(":")
    return bool(colon) and normalise(head) in _TO_DO


__all__ = ["is_placeholder", "may_be_placeholder", "normalise"]
