"""`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, through the C encoder.

With `indent`, the standard library encodes in pure Python, a generator per container and a
string per token: most of the time a SARIF or JSON report of a large run takes. Here each
container whose items are all plain values (strings, numbers, booleans, null) is encoded in one
call of the C encoder, its item separator carrying the newline and the indentation of its
depth; only the containers that hold other containers are walked in Python. Anything else (a
subclass, a non-string key in a nested container, an object the encoder refuses) falls back to
`json.dumps` for the whole value, which then gives the same text or raises the same error.
"""

from __future__ import annotations

import json
import json.encoder
from json.encoder import encode_basestring

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

PLAIN = frozenset({str, int, float, bool, type(None)})
CONTAINERS = frozenset({dict, list, tuple})
_make_encoder: Any = getattr(json.encoder, "c_make_encoder", None)  # None: no accelerator
_ENCODERS: list[Callable[[Any, int], Any]] = []  # by depth: items separated by ",\n" + indent


class _Unusual(Exception):
    """A value the fast path does not handle: the standard encoder takes the whole value."""


def dumps(value: Any) -> str:
    """The JSON text of `value` as `json.dumps(value, ensure_ascii=False, indent=2)` gives it."""
    if _make_encoder is None or type(value) not in CONTAINERS:
        return json.dumps(value, ensure_ascii=False, indent=2)
    out: list[str] = []
    try:
        _container(value, 1, out)
    except (_Unusual, TypeError, ValueError, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _refuse(value: Any) -> Any:
    raise _Unusual


def _encoder(depth: int) -> Callable[[Any, int], Any]:
    """The C encoder for the items of a container at `depth` (its items indented `depth`
    times): compact, except that its item separator goes to the next line."""
    while len(_ENCODERS) <= depth:
        indent = "\n" + "  " * len(_ENCODERS)
        separators = (": ", "," + indent)  # between a key and its value, between items
        _ENCODERS.append(
            _make_encoder(None, _refuse, encode_basestring, None, *separators, False, False, True)
        )
    return _ENCODERS[depth]


def _plain(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    return "".join(_encoder(0)(value, 0))  # a float: NaN and Infinity as json spells them


def _container(value: Any, depth: int, out: list[str]) -> None:
    """Append the text of a dict, list or tuple whose items are indented `depth` times."""
    if not value:
        out.append("{}" if type(value) is dict else "[]")
        return
    indent = "\n" + "  " * depth
    close = "\n" + "  " * (depth - 1)
    is_dict = type(value) is dict
    for item in value.values() if is_dict else value:
        if type(item) not in PLAIN:
            break
    else:  # only plain values: one call of the C encoder
        text = "".join(_encoder(depth)(value, 0))
        out.append(text[0] + indent + text[1:-1] + close + text[-1])
        return
    separator = indent
    if is_dict:
        out.append("{")
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            kind = type(item)
            if kind in PLAIN:
                out.append(f"{separator}{encode_basestring(key)}: {_plain(item)}")
            elif kind in CONTAINERS:
                out.append(f"{separator}{encode_basestring(key)}: ")
                _container(item, depth + 1, out)
            else:
                raise _Unusual
            separator = "," + indent
        out.append(close + "}")
    else:
        out.append("[")
        for item in value:
            kind = type(item)
            if kind in PLAIN:
                out.append(separator + _plain(item))
            elif kind in CONTAINERS:
                out.append(separator)
                _container(item, depth + 1, out)
            else:
                raise _Unusual
            separator = "," + indent
        out.append(close + "]")
