"""Validating manifests and configurations against their JSON Schemas.

Two validators, one answer: a small interpreter of the schema subset charte-lint uses decides
quickly whether a document is valid (most are), and only a document that fails pays for importing
jsonschema, whose complete error list is turned into plain English and French findings located
by JSON pointer. A test checks both validators agree.
"""

from __future__ import annotations

import json
import os
import re
from difflib import get_close_matches
from functools import cache

from charte_lint.messages import N_
from charte_lint.pointer import join, split

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

    Check = Callable[[Any], bool]


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with charte-lint (`ai-usage.schema.json`, `config.schema.json`)."""
    import charte_lint.schemas

    directory = os.path.dirname(charte_lint.schemas.__file__)
    with open(os.path.join(directory, name), encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


# --- the fast path ------------------------------------------------------------------------------

_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "null": lambda v: v is None,
}


class FastValidator:
    """Answers "is this document valid?" for the keyword subset charte-lint's schemas use.

    The schema is compiled once into nested closures, one per subschema, so that checking a
    document costs a few function calls per value. Supported: $ref (local), type, enum, const,
    pattern, required, properties, additionalProperties, items, minItems, maxItems,
    uniqueItems, minimum, maximum, exclusiveMinimum, minLength, maxLength. A schema using any
    other assertion is unfit for the fast path (`unsupported_keywords` says which, and a test
    holds the shipped schemas to it).
    """

    ANNOTATIONS = frozenset(
        (
            "$schema",
            "$id",
            "$defs",
            "title",
            "description",
            "x-description-fr",
            "$comment",
            "examples",
            "default",
        )
    )
    ASSERTIONS = frozenset(
        (
            "$ref",
            "type",
            "enum",
            "const",
            "pattern",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "minLength",
            "maxLength",
        )
    )

    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self._refs: dict[str, Check] = {}
        self.is_valid: Check = self._compile(schema)

    @classmethod
    def unsupported_keywords(cls, schema: Any) -> set[str]:
        """Keywords in `schema` (at any depth) that the fast path does not implement."""
        found: set[str] = set()
        if isinstance(schema, dict):
            for key, value in schema.items():
                if key not in cls.ANNOTATIONS and key not in cls.ASSERTIONS:
                    found.add(key)
                if key in ("properties", "$defs"):
                    for sub in value.values():
                        found |= cls.unsupported_keywords(sub)
                elif key in ("items", "additionalProperties") and isinstance(value, dict):
                    found |= cls.unsupported_keywords(value)
        return found

    def _reference(self, ref: str) -> Check:
        """A check for `#/$defs/name`, compiled once, safe for recursive references."""
        known = self._refs.get(ref)
        if known is not None:
            return known
        compiled: list[Check] = []
        self._refs[ref] = lambda value: compiled[0](value)
        target: Any = self.root
        for part in split(ref.removeprefix("#")):
            target = target[part]
        compiled.append(self._compile(target))
        return self._refs[ref]

    def _compile(self, schema: dict[str, Any]) -> Check:
        checks: list[Check] = []
        if "$ref" in schema:
            checks.append(self._reference(schema["$ref"]))
        expected = schema.get("type")
        if expected is not None:
            tests = tuple(
                _TYPES[name] for name in ([expected] if isinstance(expected, str) else expected)
            )
            checks.append(tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests))
        if "enum" in schema:
            checks.append(_one_of(schema["enum"]))
        if "const" in schema:
            checks.append(_one_of([schema["const"]]))
        for build in (_string_check, _number_check, self._object_check, self._array_check):
            check = build(schema)
            if check is not None:
                checks.append(check)
        if not checks:
            return _anything
        if len(checks) == 1:
            return checks[0]
        chain = tuple(checks)

        def every(value: Any) -> bool:
            for check in chain:  # noqa: SIM110 - a plain loop beats all() on this hot path
                if not check(value):
                    return False
            return True

        return every

    def _object_check(self, schema: dict[str, Any]) -> Check | None:
        if not any(k in schema for k in ("required", "properties", "additionalProperties")):
            return None
        required = tuple(schema.get("required", ()))
        properties = {k: self._compile(v) for k, v in schema.get("properties", {}).items()}
        additional = schema.get("additionalProperties", True)
        closed = additional is False
        others = self._compile(additional) if isinstance(additional, dict) else None

        def check(value: Any) -> bool:
            if type(value) is not dict:
                return True
            for key in required:
                if key not in value:
                    return False
            for key, item in value.items():
                sub = properties.get(key)
                if sub is not None:
                    if not sub(item):
                        return False
                elif closed or (others is not None and not others(item)):
                    return False
            return True

        return check

    def _array_check(self, schema: dict[str, Any]) -> Check | None:
        if not any(k in schema for k in ("items", "minItems", "maxItems", "uniqueItems")):
            return None
        least, most = schema.get("minItems", 0), schema.get("maxItems")
        items = self._compile(schema["items"]) if "items" in schema else None
        unique = bool(schema.get("uniqueItems"))

        def check(value: Any) -> bool:
            if type(value) is not list:
                return True
            if len(value) < least or (most is not None and len(value) > most):
                return False
            if items is not None:
                for item in value:
                    if not items(item):
                        return False
            return not unique or _unique(value)

        return check


def _anything(value: Any) -> bool:
    return True


def _one_of(options: list[Any]) -> Check:
    texts = frozenset(o for o in options if isinstance(o, str))

    def check(value: Any) -> bool:
        if type(value) is str:
            return value in texts
        return _member(value, options)

    return check


def _string_check(schema: dict[str, Any]) -> Check | None:
    if not any(k in schema for k in ("pattern", "minLength", "maxLength")):
        return None
    pattern = re.compile(schema["pattern"]).search if "pattern" in schema else None
    least, most = schema.get("minLength", 0), schema.get("maxLength")

    def check(value: Any) -> bool:
        if type(value) is not str:
            return True
        if len(value) < least or (most is not None and len(value) > most):
            return False
        return pattern is None or pattern(value) is not None

    return check


def _number_check(schema: dict[str, Any]) -> Check | None:
    bounds = [(k, schema[k]) for k in ("minimum", "maximum", "exclusiveMinimum") if k in schema]
    if not bounds:
        return None

    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        for keyword, bound in bounds:
            if keyword == "minimum" and value < bound:
                return False
            if keyword == "maximum" and value > bound:
                return False
            if keyword == "exclusiveMinimum" and value <= bound:
                return False
        return True

    return check


def _same(left: Any, right: Any) -> bool:
    """JSON equality: booleans are not numbers."""
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    return bool(left == right)


def _member(value: Any, options: list[Any]) -> bool:
    return any(_same(value, option) for option in options)


def _unique(items: list[Any]) -> bool:
    return not any(_same(a, b) for i, a in enumerate(items) for b in items[i + 1 :])


# --- the complete error list --------------------------------------------------------------------


class SchemaError:
    """One schema violation: a structural code, where, and a message id with its parameters."""

    __slots__ = ("kind", "on_key", "params", "pointer")

    def __init__(self, kind: str, pointer: str, on_key: bool = False, **params: Any) -> None:
        self.kind = kind
        self.pointer = pointer
        self.on_key = on_key
        self.params = params

    def __repr__(self) -> str:
        return f"<SchemaError {self.kind} {self.pointer} {self.params}>"


def pointer_of(path: Any) -> str:
    return join(path)


def dotted(path: Any) -> str:
    """`uses[0].data.personal`-style name of a location, for messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Validator:
    """A schema's validators, built once and reused for every document."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.fast = FastValidator(schema)
        self._full: Any = None

    def errors(self, document: Any) -> list[SchemaError]:
        """Every violation in `document`, in a stable order; [] when it is valid."""
        if self.fast.is_valid(document):
            return []
        if self._full is None:
            self._full = _build_jsonschema_validator(self.schema)
        found: list[SchemaError] = []
        for error in self._full.iter_errors(document):
            found.extend(self._explain(error))
        unique = {(e.kind, e.pointer, repr(sorted(e.params.items()))): e for e in found}
        mistyped = {e.pointer for e in unique.values() if e.kind == "wrong-type"}
        kept = [  # a value of the wrong type needs no second finding saying it is not allowed
            e
            for e in unique.values()
            if e.kind in ("wrong-type", "missing-key") or e.on_key or e.pointer not in mistyped
        ]
        return sorted(kept, key=lambda e: (e.pointer, e.kind, str(e.params)))

    def _explain(self, error: Any) -> Iterator[SchemaError]:
        path = list(error.absolute_path)
        pointer = pointer_of(path)
        where = dotted(path) or "(top level)"
        keyword = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        value = error.instance
        if keyword == "required":
            missing = [key for key in error.validator_value if key not in (value or {})]
            for key in missing:
                yield SchemaError("missing-key", pointer, key=key, where=where)
        elif keyword == "additionalProperties":
            allowed = sorted(schema.get("properties", {}))
            for key in sorted(k for k in value if k not in schema.get("properties", {})):
                close = get_close_matches(key, allowed, n=1, cutoff=0.6)
                params = {"key": key, "where": where}
                kind = "unknown-key"
                if close:
                    kind, params["suggestion"] = "unknown-key-suggest", close[0]
                yield SchemaError(kind, pointer_of([*path, key]), True, **params)
        elif keyword == "type":
            expected = error.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            yield SchemaError(
                "wrong-type",
                pointer,
                expected=names,
                actual=_json_type(value),
                where=where,
                value=_show(value),
            )
        elif keyword == "const":
            yield SchemaError(
                "not-const",
                pointer,
                value=_show(value),
                where=where,
                wanted=_show(error.validator_value),
            )
        elif keyword == "enum":
            options = error.validator_value
            params = {"value": _show(value), "where": where, "options": options}
            close = (
                get_close_matches(value, [o for o in options if isinstance(o, str)], n=1)
                if isinstance(value, str)
                else []
            )
            kind = "not-allowed"
            if close:
                kind, params["suggestion"] = "not-allowed-suggest", close[0]
            yield SchemaError(kind, pointer, **params)
        elif keyword == "pattern":
            fmt = _format_name(schema)
            yield SchemaError("bad-format", pointer, value=_show(value), where=where, format=fmt)
        elif keyword in ("minLength",):
            yield SchemaError("empty-text", pointer, where=where)
        elif keyword in ("minItems",):
            yield SchemaError("too-few-items", pointer, where=where, limit=error.validator_value)
        elif keyword in ("maxItems", "maxLength"):
            yield SchemaError("too-long", pointer, where=where, limit=error.validator_value)
        elif keyword == "uniqueItems":
            yield SchemaError("repeated-items", pointer, where=where)
        elif keyword in ("minimum", "exclusiveMinimum", "maximum"):
            yield SchemaError(
                "out-of-range",
                pointer,
                where=where,
                value=_show(value),
                bound=error.validator_value,
                keyword=keyword,
            )
        else:  # a keyword the shipped schemas do not use; keep jsonschema's words
            yield SchemaError("other", pointer, where=where, detail=error.message)


_FORMAT_NAMES = {
    "date": N_("an ISO 8601 date such as 2026-03-01"),
    "duration": N_("an ISO 8601 duration such as P30D or P1Y"),
    "country": N_("a country code such as FR, or EU / EEA"),
    "email": N_("an e-mail address"),
    "url": N_("a URL starting with https://"),
    "slug": N_("lower-case letters, digits and dashes, starting with a letter or digit"),
}


def _format_name(schema: dict[str, Any]) -> str:
    """Which of the schemas' named formats a `pattern` failure is about."""
    pattern = schema.get("pattern", "")
    if pattern.startswith("^[0-9]{4}-"):
        return "date"
    if pattern.startswith("^P"):
        return "duration"
    if "EU" in pattern and "EEA" in pattern:
        return "country"
    if "@" in pattern:
        return "email"
    if "http" in pattern:
        return "url"
    if pattern.startswith("^[a-z0-9]"):
        return "slug"
    return "pattern:" + pattern


def format_description(fmt: str, lang: str) -> str:
    from charte_lint.messages import t

    if fmt.startswith("pattern:"):
        return t(lang, "the pattern {pattern}").format(pattern=f"`{fmt[8:]}`")
    return t(lang, _FORMAT_NAMES[fmt])


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _show(value: Any) -> str:
    """A short rendering of a value for a message."""
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Optional format backends that jsonschema imports eagerly when installed; charte-lint asserts
# no `format`, and one of them (rfc3987_syntax) takes most of a second to import.
_FORMAT_BACKENDS = (
    "rfc3987_syntax",
    "rfc3987",
    "rfc3339_validator",
    "fqdn",
    "idna",
    "isoduration",
    "jsonpointer",
    "uri_template",
    "webcolors",
    "rfc3986_validator",
)


def _build_jsonschema_validator(schema: dict[str, Any]) -> Any:
    import sys

    blocked = [name for name in _FORMAT_BACKENDS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        from jsonschema import Draft202012Validator
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return Draft202012Validator(schema)


def render_schema_message(error: SchemaError, lang: str, base: str = "manifest") -> str:
    """A schema error in plain words, in `lang` (`base` names the top level: the manifest,
    or the configuration)."""
    from charte_lint.messages import RELATIONS, TYPE_NAMES, text
    from charte_lint.structure import SCHEMA_PROBLEMS

    params = dict(error.params)
    if "where" in params:
        where = params["where"]
        params["where"] = text(lang, base) if where == "(top level)" else f"`{where}`"
    if "expected" in params:
        names = TYPE_NAMES[lang]
        params["expected"] = text(lang, "or").join(names[n] for n in params["expected"])
    if "actual" in params:
        params["actual"] = TYPE_NAMES[lang][params["actual"]]
    if "options" in params:
        params["options"] = ", ".join(f"`{o}`" for o in params["options"])
    if "format" in params:
        params["format"] = format_description(params["format"], lang)
    if "keyword" in params:
        params["relation"] = RELATIONS[lang][params.pop("keyword")]
    rule, message = SCHEMA_PROBLEMS[error.kind]
    return rule.messages[message][lang].format(**params)
