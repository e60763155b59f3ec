"""JSON pointers (RFC 6901), the one way findings, positions and baselines name a place.

`/uses/0/tool/name` names the `name` of the `tool` of the first use; `~1` stands for `/` and `~0`
for `~` inside a token; the empty pointer names the whole document.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

USES = "/uses/"


def escape(token: object) -> str:
    """One token as it is written in a pointer."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def split(pointer: str) -> list[str]:
    """The tokens of `pointer`, unescaped: `/a~1b/0` -> ["a/b", "0"]; "" -> []."""
    if not pointer:
        return []
    return [unescape(token) for token in pointer.split("/")[1:]]


def join(tokens: Iterable[object]) -> str:
    """The pointer to `tokens` (keys or list indexes): ["a/b", 0] -> `/a~1b/0`."""
    return "".join("/" + escape(token) for token in tokens)


def parent(pointer: str) -> str:
    """The pointer one step up: `/uses/0/tool` -> `/uses/0`; the root is its own parent."""
    return pointer.rsplit("/", 1)[0] if pointer else ""


def first(pointer: str) -> str:
    """The first token, unescaped: the top-level key a pointer is under ("" for the root)."""
    tokens = split(pointer)
    return tokens[0] if tokens else ""


def use_index(pointer: str) -> int | None:
    """The index of the use `pointer` is in (`/uses/3/tool` -> 3), or None outside a use."""
    if not pointer.startswith(USES):
        return None
    token = pointer[len(USES) :].split("/", 1)[0]
    return int(token) if token.isdigit() else None


def within_use(pointer: str) -> str:
    """The part of `pointer` below its use: `/uses/3/tool/name` -> `/tool/name`, `/uses/3` -> ""."""
    if not pointer.startswith(USES):
        return pointer
    rest = pointer[len(USES) :]
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else ""


_MISSING = object()


def resolve(data: Any, pointer: str, default: Any = None) -> Any:
    """The value at `pointer` in plain data (dicts and lists), or `default` when absent."""
    value = data
    for token in split(pointer):
        if isinstance(value, dict):
            value = value.get(token, _MISSING)
            if value is _MISSING:
                return default
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return default
    return value
