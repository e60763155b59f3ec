"""The register document as JSON, CSV and Markdown.

JSON is the document itself (`schemas/register.schema.json`). CSV is one row per use with the
columns a spreadsheet user filters on, machine names as headers, and any cell a spreadsheet would
read as a formula neutralised. Markdown is a summary and a table, in the run's language, with
labels from `content/register/labels.yaml`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

CSV_COLUMNS = (
    "organisation",
    "repository",
    "use",
    "name",
    "status",
    "charter",
    "risk",
    "declared_category",
    "annex_iii",
    "prohibited",
    "article_50",
    "tool",
    "vendor",
    "hosting",
    "region",
    "model",
    "personal_data",
    "accountable",
    "open_findings",
    "errors",
    "warnings",
    "principles",
    "review_last",
    "review_due",
    "review_overdue",
    "file",
    "line",
)
REVIEW_HORIZON_DAYS = 90  # "due soon" in the summaries
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_json(document: Mapping[str, Any]) -> str:
    return "".join(json_chunks(document))


def json_chunks(document: Mapping[str, Any]) -> Iterator[str]:
    """The document as JSON text, one top-level member per line and one item of a top-level
    list (a use, a source, a conflict, a stale fragment) per line: a register of 30,000 uses is
    written by the C encoder in seconds (`indent=` takes the pure-Python one, 3x slower and
    3x the memory), can be written as it is produced, and a change to one use is one line of a
    diff."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    yield "{"
    separator = "\n"
    for name, value in document.items():
        yield f"{separator}  {encode(name)}: "
        separator = ",\n"
        if isinstance(value, list) and value:
            yield "[\n    " + encode(value[0])
            for item in value[1:]:
                yield ",\n    " + encode(item)
            yield "\n  ]"
        else:
            yield encode(value)
    yield "\n}\n"


def row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's CSV row: declared facts and derived values, lists joined with `;`."""
    use, key = record["use"], record["key"]
    tool = _mapping(use.get("tool"))
    classification, findings, review = (
        record["classification"],
        record["findings"],
        record["review"],
    )
    return {
        "organisation": key["organisation"],
        "repository": key["repository"],
        "use": key["use"],
        "name": use.get("name"),
        "status": use.get("status"),
        "charter": record.get("charter"),
        "risk": classification["risk"],
        "declared_category": classification.get("declared"),
        "annex_iii": ";".join(classification["annex_iii"]),
        "prohibited": ";".join(classification["prohibited"]),
        "article_50": ";".join(classification["article_50"]),
        "tool": tool.get("name"),
        "vendor": tool.get("vendor"),
        "hosting": tool.get("hosting"),
        "region": tool.get("region"),
        "model": _mapping(use.get("model")).get("name"),
        "personal_data": _mapping(use.get("data")).get("personal"),
        "accountable": _mapping(use.get("owner")).get("accountable"),
        "open_findings": findings["open"],
        "errors": findings["by_severity"].get("error", 0),
        "warnings": findings["by_severity"].get("warning", 0),
        "principles": ";".join(findings["by_principle"]),
        "review_last": review["last"],
        "review_due": review["due"],
        "review_overdue": review["overdue"],
        "file": record.get("file"),
        "line": record.get("line"),
    }


def render_csv(document: Mapping[str, Any]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in document["uses"]:
        values = row(record)
        writer.writerow([_cell(values[column]) for column in CSV_COLUMNS])
    return stream.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell: empty for none, `true`/`false`, and a quote before text a spreadsheet would
    run as a formula (`=HYPERLINK(...)` in a use's name)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def labels(lang: str) -> dict[str, Any]:
    """The Markdown register's labels in `lang` (English where a language has none)."""
    from charte_lint.content import _load_yaml

    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "content", "register")
    path = os.path.join(path, "labels.yaml")
    with open(path, encoding="utf-8") as stream:
        data = _load_yaml(stream.read(), path)
    return dict(data.get(lang) or data["en"])


def counts(document: Mapping[str, Any], today: _dt.date) -> dict[str, dict[str, int]]:
    """The summary every view of the register shows: uses by status, by AI Act class, open
    findings by principle, and reviews overdue or due within `REVIEW_HORIZON_DAYS`."""
    from charte_lint.register.build import RISKS

    by_status: dict[str, int] = {}
    by_risk = dict.fromkeys(RISKS, 0)
    by_principle: dict[str, int] = {}
    reviews = {"overdue": 0, "due_soon": 0}
    horizon = (today + _dt.timedelta(days=REVIEW_HORIZON_DAYS)).isoformat()
    for record in document["uses"]:
        status = str(record["use"].get("status"))
        by_status[status] = by_status.get(status, 0) + 1
        by_risk[record["classification"]["risk"]] += 1
        for principle, number in record["findings"]["by_principle"].items():
            by_principle[principle] = by_principle.get(principle, 0) + number
        review = record["review"]
        if review["overdue"]:
            reviews["overdue"] += 1
        elif review["due"] and review["due"] <= horizon:
            reviews["due_soon"] += 1
    return {
        "status": by_status,
        "risk": {risk: number for risk, number in by_risk.items() if number},
        "principle": dict(sorted(by_principle.items())),
        "reviews": reviews,
    }


def render_markdown(document: Mapping[str, Any], lang: str, today: _dt.date) -> str:
    text = labels(lang)
    summary = counts(document, today)
    lines = [
        f"# {text['title']}",
        "",
        text["generated"].format(
            date=document["generated"][:10],
            tool=document["tool"],
            sources=len(document["sources"]),
        ),
        "",
        text["uses"].format(count=len(document["uses"])),
        "",
    ]
    status_names, risk_names = text["status"], text["risk"]
    sections = (
        ("by_status", {status_names.get(k, k): v for k, v in summary["status"].items()}),
        ("by_risk", {risk_names.get(k, k): v for k, v in summary["risk"].items()}),
        ("by_principle", summary["principle"]),
    )
    for title, values in sections:
        lines += [f"## {text[title]}", ""]
        lines += [f"- {name}: {number}" for name, number in values.items()] or [f"- {text['none']}"]
        lines.append("")
    horizon = (today + _dt.timedelta(days=REVIEW_HORIZON_DAYS)).isoformat()
    due = [r for r in document["uses"] if r["review"]["due"] and r["review"]["due"] <= horizon]
    lines += [f"## {text['reviews_due']}", ""]
    for record in sorted(due, key=lambda r: r["review"]["due"]):
        late = f" ({text['overdue']})" if record["review"]["overdue"] else ""
        lines.append(f"- {record['review']['due']}{late}: {_name(record)}")
    if not due:
        lines.append(f"- {text['none']}")
    lines += ["", "| " + " | ".join(text["columns"]) + " |"]
    lines.append("|" + "---|" * len(text["columns"]))
    for record in document["uses"]:
        values = row(record)
        cells = [
            values["organisation"],
            values["repository"],
            f"`{values['use']}`",
            values["name"],
            status_names.get(str(values["status"]), values["status"]),
            risk_names.get(values["risk"], values["risk"]),
            values["open_findings"],
            values["vendor"],
            values["region"],
            values["review_due"],
        ]
        lines.append("| " + " | ".join(_md(cell) for cell in cells) + " |")
    lines += _problems(document, text)
    return "\n".join(lines) + "\n"


def _problems(document: Mapping[str, Any], text: Mapping[str, Any]) -> list[str]:
    lines: list[str] = []
    if document["conflicts"]:
        lines += ["", f"## {text['conflicts']}", ""]
        for conflict in document["conflicts"]:
            places = ", ".join(
                f"{p['fragment']} ({p['file']}:{p['line']})" for p in conflict["records"]
            )
            lines.append(
                "- "
                + text["conflict"].format(
                    **conflict["key"], places=places, fields=", ".join(conflict["fields"])
                )
            )
    if document["stale"]:
        lines += ["", f"## {text['stale']}", ""]
        for stale in document["stale"]:
            template = text[
                "stale_superseded" if stale["reason"] == "superseded" else "stale_expired"
            ]
            lines.append("- " + template.format(**stale["key"], **stale))
    return lines


def _name(record: Mapping[str, Any]) -> str:
    key = record["key"]
    return _md(
        f"{record['use'].get('name') or key['use']} ({key['repository']}, {key['organisation']})"
    )


def _md(value: Any) -> str:
    """A table cell: one line, pipes escaped, HTML neutralised (a manifest is untrusted)."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}
