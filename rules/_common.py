"""Small helpers shared by the built-in rules; not part of the public rule API.

Rules see the manifest as plain data that may have failed the schema, so every helper here
accepts any value and never raises.
"""

from __future__ import annotations

from collections.abc import Mapping

from charte_lint.api import get

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding, RuleContext

SENSITIVE_CLASSIFICATIONS = ("confidential", "secret")
LIVE_STATUSES = ("pilot", "production")
"""The statuses in which a use reaches people, and most obligations apply."""


def use_id(use: Mapping[str, Any]) -> str:
    """The use's `id` for messages, or `?` when it has none."""
    value = use.get("id")
    return str(value) if value is not None and value != "" else "?"


def as_list(value: Any) -> list[Any]:
    """`value` when it is a list, else an empty list (a string is not a list of strings)."""
    return value if isinstance(value, list) else []


def is_blank(value: Any) -> bool:
    """True for a missing value: None, a blank string, an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, Mapping)):
        return not value
    return False


def missing_pointer(pointer: str, use: Mapping[str, Any], path: str) -> str:
    """Where to report that `path` (e.g. `data.legal_basis`) is missing from the use at `pointer`.

    The value's own pointer when the key is there but blank; otherwise the deepest mapping on
    the way that exists (or the value of the wrong type that stopped the walk): a missing
    `data.legal_basis` is reported at `/uses/N/data`, a missing `interaction` at `/uses/N`.
    """
    node: Any = use
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return pointer
        node = node[part]
        pointer = f"{pointer}/{part}"
    return pointer


def sends_sensitive_data(use: Mapping[str, Any]) -> bool:
    """Personal data, special-category data, or data classified confidential or secret."""
    data = use.get("data")
    if not isinstance(data, Mapping):
        return False
    return (
        data.get("personal") is True
        or bool(as_list(data.get("special")))
        or data.get("classification") in SENSITIVE_CLASSIFICATIONS
    )


def is_administration(manifest: Mapping[str, Any]) -> bool:
    """A public body, or a private body running a public service; by default, from `charter`."""
    sector = get(manifest, "organisation.sector")
    if sector in ("public_body", "private_public_service"):
        return True
    return sector is None and manifest.get("charter") == "public"


def is_public_body(manifest: Mapping[str, Any]) -> bool:
    """`organisation.sector: public_body`, or no sector under the public charter."""
    sector = get(manifest, "organisation.sector")
    if sector is not None:
        return sector == "public_body"
    return manifest.get("charter") == "public"


def processes_personal_data(use: Mapping[str, Any]) -> bool:
    """`data.personal: true`, or special-category data declared (they are personal data)."""
    data = use.get("data")
    if not isinstance(data, Mapping):
        return False
    return data.get("personal") is True or bool(as_list(data.get("special")))


def strings(value: Any) -> list[str]:
    """The strings of a list (other items left out); empty when `value` is not a list."""
    return [item for item in as_list(value) if isinstance(item, str)]


def if_missing(
    ctx: RuleContext,
    pointer: str,
    use: Mapping[str, Any],
    path: str,
    message: str = "default",
    **params: Any,
) -> list[Finding]:
    """A finding where `path` (e.g. `inclusion.bias_testing`) is missing from the use at
    `pointer`, or nothing when it is declared: the most common shape of a rule's check."""
    if not is_blank(get(use, path)):
        return []
    where = missing_pointer(pointer, use, path)
    return [ctx.finding(where, message, use_id=use_id(use), **params)]
