"""Validating manifests and configurations against their JSON Schemas.

Two validators, one answer: a module generated from each shipped schema by fastjsonschema
(checked in, so fastjsonschema is needed only to regenerate it) decides quickly whether a document
is valid (most are), and only a document that fails pays for importing jsonschema, whose complete
error list is turned into plain English and French findings located by JSON pointer. Both check
the named formats (date, duration, country...) with the same checkers, `FORMATS`. Tests check
that the two validators agree and that the generated modules are up to date.

    python -m charte_lint.schema --regenerate   # rewrite charte_lint/_*_validator.py
    python -m charte_lint.schema --check        # exit 1 if one is stale
"""

from __future__ import annotations

import json
import os
import re
from difflib import get_close_matches
from functools import cache

from charte_lint.messages import N_
from charte_lint.pointer import join

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with charte-lint (`ai-usage.schema.json`, `config.schema.json`)."""
    import charte_lint.schemas

    directory = os.path.dirname(charte_lint.schemas.__file__)
    with open(os.path.join(directory, name), encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


# --- formats -----------------------------------------------------------------------------------

# The named formats of the schemas, each with the regular expression that defines it. The schema
# files spell these shapes as `pattern` (the published contract, and what other JSON Schema tools
# check); `with_formats` turns each `pattern` that is exactly one of these into `format: <name>`,
# so that both validators below check it with the checker of that name, and a failure is reported
# under that name. A test holds each shipped `$defs/<name>` pattern to the expression here.
FORMAT_PATTERNS = {
    "slug": r"^[a-z0-9][a-z0-9-]*$",
    "date": r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "duration": (
        r"^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$"
    ),
    "country": r"^([A-Z]{2}|EU|EEA)$",
    "email": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    "url": r"^https?://",
}


def _format_checker(name: str) -> Callable[[Any], bool]:
    search = re.compile(FORMAT_PATTERNS[name]).search

    def check(value: Any) -> bool:
        return not isinstance(value, str) or search(value) is not None

    check.__name__ = check.__qualname__ = f"is_{name}"
    return check


# name -> checker; a checker accepts any non-string, as JSON Schema formats do.
FORMATS: dict[str, Callable[[Any], bool]] = {
    name: _format_checker(name) for name in FORMAT_PATTERNS
}
_FORMAT_OF_PATTERN = {pattern: name for name, pattern in FORMAT_PATTERNS.items()}


def with_formats(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with each `pattern` that is a named format replaced by `format: <name>`."""

    def named(node: dict[str, Any]) -> dict[str, Any]:
        pattern = node.get("pattern")
        if not isinstance(pattern, str) or pattern not in _FORMAT_OF_PATTERN:
            return node
        out = {}
        for key, value in node.items():  # in place of the pattern, keeping the keys' order
            if key == "pattern":
                out["format"] = _FORMAT_OF_PATTERN[pattern]
            else:
                out[key] = value
        return out

    return _each_subschema(schema, named)


def _each_subschema(schema: dict[str, Any], change: Callable[[Any], Any]) -> dict[str, Any]:
    """A copy of `schema` with `change` applied to it and to each of its subschemas, at any depth
    (under the keywords the shipped schemas use: properties, $defs, items, additionalProperties).
    """
    out = dict(change(schema))
    for key in ("properties", "$defs"):
        if isinstance(out.get(key), dict):
            out[key] = {k: _each_subschema(v, change) for k, v in out[key].items()}
    for key in ("items", "additionalProperties"):
        if isinstance(out.get(key), dict):
            out[key] = _each_subschema(out[key], change)
    return out


# --- the fast path: validators generated from the schemas ---------------------------------------

# Schema file -> the module generated from it (`python -m charte_lint.schema --regenerate`);
# `_fast_path` imports them with plain import statements, which -X importtime shows.
GENERATED = {
    "ai-usage.schema.json": "charte_lint._manifest_validator",
    "config.schema.json": "charte_lint._config_validator",
}


def _is_shipped(schema: dict[str, Any], name: str) -> bool:
    shipped = load_schema(name)
    return schema is shipped or schema == shipped


def _fast_path(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """The generated "is it valid?" check for a shipped schema; None for any other schema."""
    if _is_shipped(schema, "ai-usage.schema.json"):
        from charte_lint._manifest_validator import validate
    elif _is_shipped(schema, "config.schema.json"):
        from charte_lint._config_validator import validate
    else:
        return None
    formats = FORMATS

    def is_valid(document: Any) -> bool:
        try:
            validate(document, formats)
        except Exception:  # its own "invalid", or a surprise: jsonschema decides either way
            return False
        return True

    return is_valid


def generated_code(name: str) -> str:
    """The source of the fast-path module for the schema file `name` (needs fastjsonschema).

    fastjsonschema compiles the schema, its named formats calling `FORMATS`; the result is then
    trimmed to a yes/no validator that imports neither fastjsonschema nor decimal at run time:
    each `raise` loses the message and subschema it would build, and each call the name of the
    value it checks, built for messages only (the complete error list comes from jsonschema:
    validation takes a third less time without them); the isinstance tests lose
    `decimal.Decimal`, which YAML, JSON and TOML never produce.
    """
    import fastjsonschema

    schema = _python_dollars(with_formats(load_schema(name)))
    code = fastjsonschema.compile_to_code(schema, formats=FORMATS, use_default=False)
    header = (
        "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n",
        "from decimal import Decimal\n",
    )
    for line in header:
        if line not in code:
            raise RuntimeError(f"fastjsonschema {fastjsonschema.VERSION}: no {line!r}")
        code = code.replace(line, "")
    code = code.replace(", Decimal)", ")").replace(", Decimal, ", ", ")
    code = re.sub(r"raise JsonSchemaValueException\(.*\)$", "raise Invalid", code, flags=re.M)
    code = re.sub(r'(custom_formats), \(name_prefix or "data"\).*\)$', r"\1)", code, flags=re.M)
    root = re.search(r"^def (\w+)\(", code, flags=re.M)
    if any(word in code for word in ("Decimal", "JsonSchemaValue", "name_prefix or")) or not root:
        raise RuntimeError(f"fastjsonschema {fastjsonschema.VERSION}: unexpected code")
    return (
        f'"""Generated from schemas/{name} by fastjsonschema {fastjsonschema.VERSION}: '
        "do not edit.\n"
        "\n"
        "Regenerate with `python -m charte_lint.schema --regenerate` after changing the schema or\n"
        "charte_lint.schema's FORMATS; tests/test_validation.py fails while this file is stale.\n"
        "`validate(document, FORMATS)` raises `Invalid` when the document breaks the schema.\n"
        '"""\n'
        "\n"
        "\n"
        "class Invalid(ValueError):\n"
        '    """The document breaks the schema (jsonschema says where and why)."""\n'
        "\n"
        "\n"
        f"{code.rstrip()}\n"
        "\n"
        "\n"
        f"validate = {root.group(1)}\n"
    )


def _python_dollars(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with each `$` of a `pattern` spelt `(?=\\n?\\Z)`, what `$` means to Python's re.

    fastjsonschema reads `$` as the end of the text (`\\Z`), jsonschema as Python does, which also
    matches before a final newline: spelt out, both agree.
    """

    def spelt(node: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(node.get("pattern"), str):
            return node
        return {**node, "pattern": re.sub(r"(?<!\\)\$", lambda _: r"(?=\n?\Z)", node["pattern"])}

    return _each_subschema(schema, spelt)


def _regenerate(check_only: bool) -> int:
    """Write (or, with `check_only`, compare) every generated module; 1 when one was stale."""
    stale = 0
    directory = os.path.dirname(os.path.abspath(__file__))
    for name, module in GENERATED.items():
        path = os.path.join(directory, module.rsplit(".", 1)[1] + ".py")
        code = generated_code(name)
        try:
            with open(path, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current == code:
            continue
        stale = 1
        if check_only:
            print(f"{path} is stale: run python -m charte_lint.schema --regenerate")
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(code)
            print(f"wrote {path}")
    return stale if check_only else 0


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
        self._fast = _fast_path(schema)
        self._full: Any = None

    def is_valid(self, document: Any) -> bool:
        """Whether `document` meets the schema: the generated check, else jsonschema's."""
        if self._fast is not None:
            return self._fast(document)
        return not self.errors(document)

    def errors(self, document: Any) -> list[SchemaError]:
        """Every violation in `document`, in a stable order; [] when it is valid."""
        if self._fast is not None and self._fast(document):
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
            close = _enum_suggestions(value, options)
            kind = "not-allowed"
            if close:
                kind, params["suggestion"] = "not-allowed-suggest", close[0]
            yield SchemaError(kind, pointer, **params)
        elif keyword in ("format", "pattern"):
            fmt = error.validator_value if keyword == "format" else "pattern:" + schema["pattern"]
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


def _enum_suggestions(value: Any, options: list[Any]) -> list[str]:
    """The allowed value a refused one most likely means: the value its word stands for in
    `content/synonyms.yaml` (`habitants` -> `residents`), else the closest spelling."""
    if not isinstance(value, str):
        return []
    from charte_lint.content import synonyms

    allowed = [o for o in options if isinstance(o, str)]
    meant = synonyms().get(value.strip().lower())
    if meant in allowed:
        return [meant]
    return get_close_matches(value, allowed, n=1)


_FORMAT_NAMES = {
    "date": N_("an ISO 8601 date such as 2026-03-01"),
    "duration": N_("an ISO 8601 duration such as P30D or P1Y"),
    "country": N_("a country code such as FR, or EU / EEA"),
    "email": N_("an e-mail address"),
    "url": N_("a URL starting with https://"),
    "slug": N_("lower-case letters, digits and dashes, starting with a letter or digit"),
}


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


# Optional format backends that jsonschema imports eagerly when installed; charte-lint checks its
# formats with its own checkers only (`FORMATS`), and one of them (rfc3987_syntax) takes most of
# a second to import.
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
        sys.modules[name] = None  # type: ignore[assignment]  # None blocks the import
    try:
        from jsonschema import Draft202012Validator
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return Draft202012Validator(with_formats(schema), format_checker=checker)


def subschema(schema: dict[str, Any], path: list[Any]) -> dict[str, Any] | None:
    """The schema node that describes the value at `path` (keys and list indexes), its `$ref`s
    followed (the referring node's own keys, such as its description, win); None where the
    schema says nothing of that place (an unknown key)."""
    node = _followed(schema, schema)
    for part in path:
        child = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if not isinstance(child, dict):
            return None
        node = _followed(schema, child)
    return node


def _followed(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    merged = dict(node)
    while isinstance(merged.get("$ref"), str):
        target: Any = schema
        for key in merged.pop("$ref").lstrip("#/").split("/"):
            target = target[key]
        merged = {**target, **merged}
    return merged


_FIRST_SENTENCE = re.compile(r"\.\s+(?=[A-Z])")


def what_to_write(node: dict[str, Any] | None, lang: str) -> tuple[str, dict[str, str]]:
    """(message id, parameters) of CL106 for a placeholder where `node` (see `subschema`) is
    expected: the allowed values, the type or format, and what the key means in `lang`."""
    from charte_lint.messages import TYPE_NAMES

    if node is None:
        return "unknown", {}
    described = node.get(f"x-description-{lang}") or node.get("description", "")
    about = _FIRST_SENTENCE.split(described, maxsplit=1)[0].partition(": `")[0].rstrip(". ")
    if len(about) > 1 and not about[1].isupper():
        about = about[0].lower() + about[1:]
    if isinstance(node.get("enum"), list):
        return "choice", {"options": ", ".join(f"`{o}`" for o in node["enum"])}
    params = {"about": about}
    fmt = node.get("format") or _FORMAT_OF_PATTERN.get(node.get("pattern", ""))
    if isinstance(fmt, str) and fmt in FORMAT_PATTERNS:
        params["expected"] = format_description(fmt, lang)
        return "typed", params
    kind = node.get("type")
    if kind in ("boolean", "integer", "number"):
        params["expected"] = TYPE_NAMES[lang][kind]
        return "typed", params
    return "default", params


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


if __name__ == "__main__":
    import sys

    if sys.argv[1:] not in (["--regenerate"], ["--check"]):
        sys.exit("usage: python -m charte_lint.schema --regenerate | --check")
    sys.exit(_regenerate(check_only=sys.argv[1] == "--check"))
