"""The register's uses in published standards: the Dutch Algoritmeregister, the UK ATRS and the
French inventory of main algorithmic processing (CRPA L312-1-3).

Which manifest fact fills which field is data a reviewer reads, one file per standard in
`content/exports/`; this module only interprets it. A required field without a fact is left out
and becomes a `Gap` naming the manifest keys to add (CL301 `export-missing-fact`, a finding only
an export raises): a value is never invented. Each export is checked against the standard as
published (kept verbatim in `content/exports/standards/`), and what does not fit is listed in
`Export.problems`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from charte_lint.api import Finding
from charte_lint.content import _load_yaml
from charte_lint.rules import facts

EXPORTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "content", "exports")
PUBLIC_SECTORS = ("public_body", "private_public_service")


@dataclass(frozen=True)
class Standard:
    """One standard as its mapping file declares it (`content/exports/<standard>.yaml`)."""

    standard: str
    title: str
    filename: str
    format: str  # "json" (a list of records) or "csv" (one row per record)
    country: str  # where publishing in this standard is expected (`organisation.country`)
    schema: str  # the published schema or field list, absolute path
    fields: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Gap:
    """A required field of `standard` that no declared fact fills, for the use at `key`."""

    key: dict[str, str]
    file: str
    line: int
    standard: str
    field: str
    keys: list[str]


@dataclass
class Export:
    """One standard's file: `content` is what to write as `filename`."""

    name: str
    filename: str
    content: str
    gaps: list[Gap] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _load(standard: str) -> Standard:
    path = os.path.join(EXPORTS, f"{standard}.yaml")
    with open(path, encoding="utf-8") as handle:
        data = _load_yaml(handle.read(), path)
    return Standard(
        standard=data["standard"],
        title=data["title"],
        filename=data["filename"],
        format=data["format"],
        country=data["country"],
        schema=os.path.join(EXPORTS, data["schema"]),
        fields=tuple(data["fields"]),
    )


STANDARDS: dict[str, Standard] = {
    name: _load(name) for name in ("nl-algoritmeregister", "uk-atrs", "fr-inventaire")
}


# Which uses -----------------------------------------------------------------------------------


def eligible(standard: str, record: dict[str, Any]) -> bool:
    """Whether a register record belongs in `standard`'s export.

    Dutch and UK registers publish the algorithms of public bodies and of those acting for them
    (a `private_public_service` use counts as run on behalf of a public authority), once the
    use is more than an idea: a design is already registrable ("In ontwikkeling"). A standard
    is a format, so the organisation's country does not filter here.

    The French inventory lists the "traitements algorithmiques [...] lorsqu'ils fondent des
    décisions individuelles" (CRPA L312-1-3) of public administrations and bodies with a
    public-service mission, whatever the kind of algorithm (rules included: the CRPA does not
    require AI), and only those in use (pilot, production): the article publishes the
    processing "utilisés". The 50-agent threshold is the lead's to apply, not the format's.
    """
    use = record.get("use") or {}
    organisation = {
        "organisation": record.get("organisation") or {},
        "charter": record.get("charter"),
    }
    if facts.sector(organisation) not in PUBLIC_SECTORS:
        return False
    status = use.get("status")
    if standard == "fr-inventaire":
        classification = record.get("classification") or {}
        return bool(classification.get("individual_decisions")) and status in facts.IN_USE
    if standard in STANDARDS:
        return status is not None and status != "idea"
    raise KeyError(f"unknown standard {standard!r}: one of {', '.join(STANDARDS)}")


# Reading a mapping ----------------------------------------------------------------------------

_EMPTY: tuple[Any, ...] = (None, "", [], {})


def _lookup(record: dict[str, Any], key: str) -> Any:
    """The value of a dotted manifest key (`uses[].owner.contact`) in a register record."""
    head, _, rest = key.partition(".")
    roots = {
        "uses[]": record.get("use"),
        "organisation": record.get("organisation"),
        "classification": record.get("classification"),
        "key": record.get("key"),
    }
    if head not in roots:
        raise KeyError(f"unknown root in mapping key {key!r}")
    return _walk(roots[head], rest.split(".") if rest else [])


def _walk(value: Any, parts: list[str]) -> Any:
    for index, part in enumerate(parts):
        many = part.endswith("[]")
        value = value.get(part.removesuffix("[]")) if isinstance(value, dict) else None
        if many:
            if not isinstance(value, list):
                return None
            found = [_walk(item, parts[index + 1 :]) for item in value]
            return [item for item in found if item not in _EMPTY]
    return value


def _holds(record: dict[str, Any], conditions: dict[str, list[Any]] | None) -> bool:
    return all(_lookup(record, key) in accepted for key, accepted in (conditions or {}).items())


def _in_language(text: Any, lang: str) -> Any:
    if isinstance(text, dict):
        return text.get(lang, text.get("en"))
    return text


def _format(value: Any, spec: dict[str, Any], lang: str) -> Any:
    """One declared value as the standard writes it (`values`, `format`, `template`)."""
    if "values" in spec:
        values = spec["values"]
        if isinstance(value, list):
            mapped = [_in_language(values.get(item), lang) for item in value]
            return [item for item in mapped if item is not None]
        return _in_language(values.get(value), lang) if isinstance(value, (str, bool)) else None
    if spec.get("format") == "month":
        return str(value)[:7] if re.match(r"^\d{4}-\d{2}", str(value)) else None
    if "template" in spec:
        return _in_language(spec["template"], lang).replace("{value}", str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _fill(item: dict[str, Any], match: re.Match[str]) -> str:
    return str(item[match.group(1)])


def _items(value: list[Any], spec: dict[str, Any]) -> list[Any]:
    """The items of a list of mappings as text (`item`) or as mappings (`items`)."""
    result: list[Any] = []
    for item in value:
        if not isinstance(item, dict):
            result.append(item)
        elif "items" in spec:
            shaped = {name: item.get(source) for name, source in spec["items"].items()}
            if all(text not in _EMPTY for text in shaped.values()):
                result.append({name: str(text) for name, text in shaped.items()})
        else:
            for template in spec.get("item", []):
                names = re.findall(r"\{(\w+)\}", template)
                if all(item.get(name) not in _EMPTY for name in names):
                    result.append(re.sub(r"\{(\w+)\}", partial(_fill, item), template))
                    break
    return result


def _value(record: dict[str, Any], spec: dict[str, Any], lang: str) -> Any:
    """What a field (or a part of one) holds for this record; None where no fact fills it."""
    if not _holds(record, spec.get("when")):
        return None
    if "constant" in spec:
        return spec["constant"]
    if "rules" in spec:
        for rule in spec["rules"]:
            if _holds(record, rule.get("if")):
                return _in_language(rule["value"], lang)
        return None
    if "parts" in spec:
        found = [_value(record, part, lang) for part in spec["parts"]]
        parts = [part for part in found if part not in _EMPTY]
        if spec.get("multiple"):
            return parts
        return spec.get("join", "\n\n").join(str(part) for part in parts) if parts else None
    for key in spec.get("keys", []):
        raw = _lookup(record, key)
        if raw in _EMPTY:
            continue
        if isinstance(raw, list) and any(isinstance(item, dict) for item in raw):
            raw = _items(raw, spec)
        value = _format(raw, spec, lang)
        if isinstance(value, list) and "join" in spec:
            value = spec["join"].join(str(item) for item in value) if value else None
        if value not in _EMPTY:
            return value
    return None


def _keys(spec: dict[str, Any]) -> list[str]:
    keys = list(spec.get("keys", []))
    for part in spec.get("parts", []):
        keys += [key for key in _keys(part) if key not in keys]
    return keys


def _record(
    standard: Standard, record: dict[str, Any], lang: str
) -> tuple[list[tuple[str, Any]], list[Gap]]:
    """The standard's fields for one use, in the standard's order, and the required ones empty."""
    row: list[tuple[str, Any]] = []
    gaps = []
    for spec in standard.fields:
        value = _value(record, spec, lang)
        if value not in _EMPTY and spec.get("multiple") and not isinstance(value, list):
            value = [value]
        if value in _EMPTY:
            if spec.get("required"):
                gaps.append(
                    Gap(
                        key=dict(record.get("key") or {}),
                        file=str(record.get("file", "")),
                        line=int(record.get("line", 0)),
                        standard=standard.standard,
                        field=spec["field"],
                        keys=_keys(spec),
                    )
                )
            value = None
        row.append((spec["field"], value))
    return row, gaps


# Writing the file -----------------------------------------------------------------------------


def export(standard: str, document: dict[str, Any], lang: str = "en") -> Export:
    """`standard`'s file for the eligible uses of a register document, with its gaps and the
    problems the published schema finds in it."""
    spec = STANDARDS[standard]
    rows = []
    gaps: list[Gap] = []
    for record in document.get("uses", []):
        if eligible(standard, record):
            row, missing = _record(spec, record, lang)
            rows.append(row)
            gaps += missing
    if spec.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(_header(spec))
        for row in rows:
            writer.writerow([_cell(value) for _, value in row])
        content = buffer.getvalue()
    else:
        records = [{name: value for name, value in row if value is not None} for row in rows]
        content = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    return Export(
        name=spec.title,
        filename=spec.filename,
        content=content,
        gaps=gaps,
        problems=validate(standard, content),
    )


def _header(spec: Standard) -> list[str]:
    return [str(field_spec["field"]) for field_spec in spec.fields]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ; ".join(str(item) for item in value)
    return str(value)


# Checking the file against the standard as published -------------------------------------------


def validate(standard: str, content: str, schema: str | None = None) -> list[str]:
    """What in `content` (an export's file) does not fit `standard` as published in `schema`
    (by default the verbatim copy beside the mappings); empty when it fits."""
    path = schema or STANDARDS[standard].schema
    with open(path, encoding="utf-8", newline="") as handle:
        published = handle.read()
    if standard == "nl-algoritmeregister":
        return algoritmeregister_problems(json.loads(content), json.loads(published))
    if standard == "uk-atrs":
        return atrs_problems(json.loads(content), published)
    if standard == "fr-inventaire":
        return inventory_problems(content, published)
    raise KeyError(f"unknown standard {standard!r}")


def _required(flag: Any) -> bool:
    """The register's configuration writes `required` as a boolean, once as the string
    "false" (`source_data_grouping`): read both."""
    return flag is True or (isinstance(flag, str) and flag.lower() == "true")


def _property_problems(where: str, value: Any, prop: dict[str, Any]) -> list[str]:
    """One value against one property of the register's own format: `type` (string, enum,
    array), `max_length`, `permitted_values`, `allowed_html_tags` and `items`."""
    kind = prop.get("type")
    permitted = prop.get("permitted_values")
    problems = []
    if kind in ("string", "enum") and not isinstance(value, str):
        return [f"{where}: expected a string"]
    if kind == "array" and not isinstance(value, list):
        return [f"{where}: expected a list"]
    if isinstance(value, str):
        limit = prop.get("max_length")
        if limit is not None and len(value) > limit:
            problems.append(f"{where}: {len(value)} characters, at most {limit}")
        if permitted is not None and value not in permitted:
            problems.append(f"{where}: {value!r} is not one of the permitted values")
        allowed = prop.get("allowed_html_tags")
        for tag in re.findall(r"</?\s*([A-Za-z][A-Za-z0-9]*)", value):
            if allowed is None or tag.lower() not in allowed:
                problems.append(f"{where}: HTML tag <{tag}> is not allowed")
    if isinstance(value, list):
        for index, item in enumerate(value):
            inner = f"{where}[{index}]"
            if "items" in prop:
                problems += _object_problems(inner, item, prop["items"])
            elif not isinstance(item, str):
                problems.append(f"{inner}: expected a string")
            elif permitted is not None and item not in permitted:
                problems.append(f"{inner}: {item!r} is not one of the permitted values")
    return problems


def _object_problems(where: str, value: Any, properties: dict[str, Any]) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: expected an object"]
    problems = [f"{where}: unknown field {name!r}" for name in value if name not in properties]
    for name, prop in properties.items():
        if name not in value or value[name] in _EMPTY:
            if _required(prop.get("required")):
                problems.append(f"{where}: {name} is required")
            continue
        problems += _property_problems(f"{where}.{name}", value[name], prop)
    return problems


def algoritmeregister_problems(records: Any, configuration: dict[str, Any]) -> list[str]:
    """A list of registrations against the Algoritmeregister's configuration (its own format,
    not JSON Schema: `properties` with `type`, `required`, `max_length`, `permitted_values`,
    `allowed_html_tags`, `items`)."""
    if not isinstance(records, list):
        return ["expected a list of registrations"]
    properties = configuration["properties"]
    problems = []
    for index, record in enumerate(records):
        problems += _object_problems(f"[{index}]", record, properties)
    return problems


def atrs_attributes(published: str) -> list[dict[str, Any]]:
    """The ATRS data standard's attributes: `attribute` (without the asterisk), `multiple`
    (the asterisk: "a multi-value field"), `type` and `required` ("TRUE")."""
    rows = csv.DictReader(io.StringIO(published))
    return [
        {
            "attribute": row["attribute"].strip().rstrip("*"),
            "multiple": row["attribute"].strip().endswith("*"),
            "type": row["type"].strip(),
            "required": row["required"].strip().upper() == "TRUE",
        }
        for row in rows
    ]


def atrs_problems(records: Any, published: str) -> list[str]:
    """A list of ATRS records against the data standard's attributes: no other attribute,
    every required one filled, a list for a multi-value attribute, a string otherwise, and an
    http(s) address for a URL."""
    if not isinstance(records, list):
        return ["expected a list of records"]
    attributes = {spec["attribute"]: spec for spec in atrs_attributes(published)}
    problems = []
    for index, record in enumerate(records):
        where = f"[{index}]"
        if not isinstance(record, dict):
            problems.append(f"{where}: expected an object")
            continue
        problems += [
            f"{where}: unknown attribute {name!r}" for name in record if name not in attributes
        ]
        for name, spec in attributes.items():
            value = record.get(name)
            if value in _EMPTY:
                if spec["required"]:
                    problems.append(f"{where}: {name} is required")
                continue
            if spec["multiple"] and not isinstance(value, list):
                problems.append(f"{where}.{name}: expected a list (a multi-value attribute)")
                continue
            values: list[Any] = value if isinstance(value, list) else [value]
            for item in values:
                if not isinstance(item, str):
                    problems.append(f"{where}.{name}: expected a string")
                elif spec["type"] == "URL" and not re.match(r"^https?://", item):
                    problems.append(f"{where}.{name}: expected an http(s) URL")
    return problems


def inventory_columns(published: str) -> list[str]:
    """The fiche's columns: the first cell of each row of the tables under "En pratique", in
    order, without the asterisk that refers to its note on data."""
    section = published.split("## En pratique", 1)[1].split("\n## ", 1)[0]
    columns = []
    for line in section.splitlines():
        if not line.startswith("|"):
            continue
        cell = line.strip("|").split("|")[0].strip()
        if cell in ("Information", "") or set(cell) <= set("- "):
            continue
        columns.append(cell.rstrip("*").strip())
    return columns


def inventory_problems(content: str, published: str) -> list[str]:
    """A CSV inventory against the fiche: its header is the fiche's columns, in order, and
    every row has one cell per column. The fiche makes no column mandatory."""
    rows = list(csv.reader(io.StringIO(content)))
    if not rows:
        return ["empty file: expected a header row"]
    columns = inventory_columns(published)
    problems = []
    if rows[0] != columns:
        problems.append(f"header {rows[0]!r} is not the fiche's columns {columns!r}")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            problems.append(f"row {number}: {len(row)} cells, expected {len(columns)}")
    return problems


# The finding ----------------------------------------------------------------------------------


def gap_findings(gaps: list[Gap], lang: str) -> list[Finding]:
    """CL301 for each gap, at the use's line in its manifest, ready for the text reporter."""
    from charte_lint.structure import EXPORT_MISSING_FACT as rule

    findings = []
    for gap in gaps:
        standard = STANDARDS[gap.standard].title
        if gap.keys:
            keys = ", ".join(f"`{key}`" for key in gap.keys)
            message = rule.message("default", lang).format(
                standard=standard, field=gap.field, keys=keys
            )
        else:
            message = rule.message("no_key", lang).format(standard=standard, field=gap.field)
        findings.append(
            Finding(
                rule.code,
                rule.name,
                rule.severity,
                "",
                message,
                "transparency",
                None,
                use=gap.key.get("use"),
                file=gap.file,
                line=gap.line,
                column=1,
            )
        )
    return findings
