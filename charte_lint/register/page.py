"""The register as one HTML page a DPO opens from a file: counts first, then the table of uses.

The page is self-contained (inline CSS and JavaScript, no asset, no network) and carries both
languages: it is written in `lang`, every translatable text is marked `data-t="key"` (with its
placeholders in `data-a`), and the labels of every language ride along as JSON for the
language switch. Every row is written here, so the whole table shows without JavaScript; the
script only sorts, filters and switches language. Every string that comes from a manifest is
untrusted and goes through `html.escape` (or, for the labels' JSON, `_script_json`).

The labels live in `charte_lint/content/register/page.yaml`; the charter's principle titles in
`charte_lint/content/charter.yaml`.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from collections import Counter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

STATUSES = ("idea", "design", "pilot", "production", "retired")
RISKS = ("prohibited", "high", "limited", "minimal", "not_ai_system", "outside_ai_act")
"""The register's AI Act classes, most severe first (the order of `register.build.RISKS`)."""
HOSTINGS = ("saas", "private_cloud", "self_hosted", "on_device")
SOON_DAYS = 90
"""A review due within this many days of the register's date is listed as due soon."""
TOP = 12
"""A chart of free-text values (vendors, regions) shows this many bars, the rest as one."""
LISTED_REVIEWS = 10

_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_LABELS: dict[str, dict[str, str]] = {}


def labels() -> dict[str, dict[str, str]]:
    """The page's labels by language (`content/register/page.yaml`), read once."""
    if not _LABELS:
        import yaml

        path = os.path.join(_HERE, "content", "register", "page.yaml")
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        for lang, texts in data.items():
            _LABELS[str(lang)] = {str(k): str(v) for k, v in texts.items()}
    return _LABELS


def render_page(document: Mapping[str, Any], lang: str = "en") -> str:
    """The register document as one self-contained HTML page, shown first in `lang` (English
    when the page has no labels in that language), switchable to the other languages."""
    texts = labels()
    if lang not in texts:
        lang = "en"
    uses = [u for u in document.get("uses", []) if isinstance(u, dict)]
    principles = _principle_labels(uses)
    all_labels = {
        code: {**own, **{f"principle.{k}": v[code] for k, v in principles.items()}}
        for code, own in texts.items()
    }
    page = _Page(all_labels, lang)
    return page.render(document, uses, principles)


class _Page:
    """One rendering: the labels and the language the page is written in."""

    def __init__(self, texts: dict[str, dict[str, str]], lang: str) -> None:
        self.texts = texts
        self.lang = lang

    def text(self, key: str, **args: Any) -> str:
        """The label `key` in the page's language, placeholders filled, as escaped HTML with
        `backticked` words as code."""
        template = self.texts[self.lang].get(key, self.texts["en"].get(key, key))
        return _code(template.format(**args) if args else template)

    def el(self, tag: str, key: str, attrs: str = "", **args: Any) -> str:
        """An element whose text is the label `key`, marked for the language switch."""
        data = f' data-a="{_attr(json.dumps(args, ensure_ascii=False))}"' if args else ""
        return f'<{tag}{attrs} data-t="{key}"{data}>{self.text(key, **args)}</{tag}>'

    def value(self, kind: str, value: Any) -> str:
        """An enumerated value (status, risk, hosting, region) in words where the labels know
        it, else as declared; `undeclared` when missing."""
        if value is None or value == "":
            return self.el("span", "undeclared", ' class="undeclared"')
        key = f"{kind}.{value}"
        if key in self.texts["en"]:
            return self.el("span", key)
        return _escape(value)

    def render(
        self,
        document: Mapping[str, Any],
        uses: list[dict[str, Any]],
        principles: dict[str, dict[str, str]],
    ) -> str:
        today = _day(document.get("generated"))
        reviews = _reviews(uses, today)
        stamp = str(document.get("generated") or "")[:10]
        organisations = sorted({str(_key(u, "organisation")) for u in uses})
        repositories = {(_key(u, "organisation"), _key(u, "repository")) for u in uses}
        high = sum(1 for u in uses if _risk(u) in ("prohibited", "high"))
        findings = sum(_open(u) for u in uses)
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # no request may leave the page, whatever a manifest holds
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
            f'<title data-t="title">{self.text("title")}</title>',
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            '<header><div class="head">',
            self.el("h1", "title"),
            self._switch(),
            "</div>",
            f'<p class="orgs">{_escape(", ".join(organisations))}</p>' if organisations else "",
            self.el(
                "p",
                "generated",
                ' class="meta"',
                date=stamp,
                tool=str(document.get("tool") or "charte-lint"),
            ),
            self.el("p", "derived_note", ' class="meta"'),
            "</header>",
            "<main>",
            '<section aria-labelledby="tiles-h">',
            self.el("h2", "tiles", ' id="tiles-h" class="visually-hidden"'),
            '<ul class="tiles">',
            self._tile("tile.uses", len(uses), "uses"),
            self._tile("organisation_count", len(organisations), "orgs"),
            self._tile("repository_count", len(repositories), "repos"),
            self._tile("tile.high", high, "high", warn=high > 0),
            self._tile("tile.findings", findings, "findings", warn=findings > 0),
            self._tile("tile.overdue", reviews["overdue"], "overdue", warn=reviews["overdue"] > 0),
            "</ul>",
            "</section>",
            # what the merge could not settle, before the counts it may affect
            self._conflicts(document.get("conflicts") or []),
            self._stale(document.get("stale") or []),
            '<div class="charts">',
            self._chart(
                "status",
                "chart.status",
                [(self.value("status", s), n) for s, n in _ordered(uses, _status, STATUSES)],
            ),
            self._chart(
                "risk",
                "chart.risk",
                [
                    (f'<span class="risk risk-{s}">{self.value("risk", s)}</span>', n)
                    for s, n in _ordered(uses, _risk, RISKS)
                ],
            ),
            self._principles(uses, principles),
            self._free_chart("vendor", "chart.vendor", uses, _vendor, "vendor"),
            self._free_chart("region", "chart.region", uses, _region, "region"),
            self._chart(
                "hosting",
                "chart.hosting",
                [(self.value("hosting", s), n) for s, n in _ordered(uses, _hosting, HOSTINGS)],
                "missing.hosting" if any(_hosting(u) is None for u in uses) else None,
            ),
            self._reviews(reviews),
            "</div>",
            self._table(uses),
            "</main>",
            '<script type="application/json" id="labels">',
            _script_json(self.texts),
            "</script>",
            f"<script>{_JS}</script>",
            "</body>",
            "</html>",
        ]
        return "\n".join(p for p in parts if p) + "\n"

    def _switch(self) -> str:
        """The language buttons, each named in its own language; shown by the script (without
        it they could not work)."""
        buttons = "".join(
            f'<button type="button" lang="{code}" data-lang="{code}" '
            f'aria-pressed="{"true" if code == self.lang else "false"}">'
            f"{_escape(texts['language'])}</button>"
            for code, texts in self.texts.items()
        )
        label = self.text("switch")
        return (
            f'<div class="switch" role="group" aria-label="{label}" data-t-label="switch" '
            f"hidden>{buttons}</div>"
        )

    def _tile(self, key: str, number: int, name: str, warn: bool = False) -> str:
        cls = "tile warn" if warn else "tile"
        text = self.el("span", key, ' class="l"')
        return f'<li class="{cls}" id="tile-{name}"><span class="n">{number}</span>{text}</li>'

    def _chart(
        self,
        name: str,
        title: str,
        bars: list[tuple[str, int]],
        note: str | None = None,
        empty: str = "none",
    ) -> str:
        """A titled list of counts with bars proportional to the largest (the bars are
        decoration; the numbers are text)."""
        top = max((n for _, n in bars), default=0)
        if not bars:
            items = self.el("p", empty, ' class="empty"')
        else:
            rows = "".join(
                f'<li><span class="bl">{label}</span><span class="bn">{n}</span>'
                f'<span class="bar" aria-hidden="true"><span style="width:{_percent(n, top)}%">'
                "</span></span></li>"
                for label, n in bars
            )
            items = f'<ul class="bars">{rows}</ul>'
        foot = self.el("p", note, ' class="note"') if note else ""
        heading = self.el("h2", title, f' id="chart-{name}-h"')
        return (
            f'<section class="card" id="chart-{name}" aria-labelledby="chart-{name}-h">'
            f"{heading}{items}{foot}</section>"
        )

    def _free_chart(
        self, name: str, title: str, uses: list[dict[str, Any]], get: Any, kind: str
    ) -> str:
        """A chart of a free-text fact: the most frequent values, the others folded into one
        bar, and which key to add when some uses do not declare it."""
        counts = Counter(get(u) for u in uses)
        missing = counts.pop(None, 0)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        bars = [(self.value(kind, v), n) for v, n in ranked[:TOP]]
        rest = ranked[TOP:]
        if rest:
            bars.append((self.el("span", "others", count=len(rest)), sum(n for _, n in rest)))
        if missing:
            bars.append((self.el("span", "undeclared", ' class="undeclared"'), missing))
        return self._chart(name, title, bars, f"missing.{name}" if missing else None)

    def _principles(self, uses: list[dict[str, Any]], principles: dict[str, Any]) -> str:
        counts: Counter[str] = Counter()
        for use in uses:
            by = (use.get("findings") or {}).get("by_principle") or {}
            for key, n in by.items():
                if isinstance(n, int) and n > 0:
                    counts[str(key)] += n
        # principles that share a number in the charter (security, vigilance) share a bar
        folded: dict[str, int] = {}
        first: dict[str, str] = {}
        order = list(principles)
        for key in sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k)):
            label = principles[key]["en"] if key in principles else key
            first.setdefault(label, key)
            folded[label] = folded.get(label, 0) + counts[key]
        bars = [
            (
                self.el("span", f"principle.{first[label]}")
                if first[label] in principles
                else _escape(first[label]),
                n,
            )
            for label, n in folded.items()
        ]
        return self._chart("principles", "chart.principles", bars, empty="no_findings")

    def _reviews(self, reviews: dict[str, Any]) -> str:
        bars = [
            (self.el("span", "reviews.overdue"), reviews["overdue"]),
            (self.el("span", "reviews.soon", days=SOON_DAYS), reviews["soon"]),
            (self.el("span", "reviews.later"), reviews["later"]),
            (self.el("span", "reviews.undated"), reviews["undated"]),
        ]
        chart = self._chart(
            "reviews",
            "chart.reviews",
            bars,
            "missing.review" if reviews["undated"] else None,
        )
        listed: list[dict[str, Any]] = reviews["listed"]
        if not listed:
            return chart
        items = "".join(
            f'<li><span class="due{" late" if _overdue(u) else ""}">{_escape(_due(u))}</span> '
            f"{_escape(_key(u, 'repository'))} / <strong>{_escape(_key(u, 'use'))}</strong></li>"
            for u in listed[:LISTED_REVIEWS]
        )
        more = (
            f"<li>{self.el('span', 'more', count=len(listed) - LISTED_REVIEWS)}</li>"
            if len(listed) > LISTED_REVIEWS
            else ""
        )
        block = (
            f'{self.el("h3", "reviews.list", days=SOON_DAYS)}<ul class="duelist">{items}{more}</ul>'
        )
        return chart.replace("</section>", block + "</section>")

    def _table(self, uses: list[dict[str, Any]]) -> str:
        total = len(uses)
        statuses = "".join(
            f'<option value="{s}" data-t="status.{s}">{self.text(f"status.{s}")}</option>'
            for s in STATUSES
        )
        risks = "".join(
            f'<option value="{s}" data-t="risk.{s}">{self.text(f"risk.{s}")}</option>'
            for s in RISKS
        )
        controls = (
            '<div class="controls" id="controls" hidden>'
            f'<div class="field"><label for="q" data-t="filter.text">{self.text("filter.text")}'
            "</label>"
            f'<input type="search" id="q" autocomplete="off" data-t-placeholder="filter.text_hint"'
            f' placeholder="{self.text("filter.text_hint")}"></div>'
            f'<div class="field"><label for="fs" data-t="filter.status">'
            f"{self.text('filter.status')}</label>"
            f'<select id="fs"><option value="" data-t="filter.all">{self.text("filter.all")}'
            f"</option>{statuses}</select></div>"
            f'<div class="field"><label for="fr" data-t="filter.risk">{self.text("filter.risk")}'
            "</label>"
            f'<select id="fr"><option value="" data-t="filter.all">{self.text("filter.all")}'
            f"</option>{risks}</select></div>"
            f'<button type="button" id="reset" data-t="filter.reset">{self.text("filter.reset")}'
            "</button>"
            "</div>"
        )
        count_key = "shown_one" if total == 1 else "shown_other"
        count = self.el(
            "p", count_key, ' id="count" class="count" aria-live="polite"', shown=total, total=total
        )
        columns = [
            ("col.organisation", "text"),
            ("col.repository", "text"),
            ("col.use", "text"),
            ("col.name", "text"),
            ("col.status", "rank"),
            ("col.risk", "rank"),
            ("col.findings", "num"),
            ("col.vendor", "text"),
            ("col.region", "text"),
            ("col.due", "date"),
        ]
        num = ' class="num"'
        head = "".join(
            f'<th scope="col" data-type="{kind}"{num if kind == "num" else ""}>'
            f'<span data-t="{key}">{self.text(key)}</span></th>'
            for key, kind in columns
        )
        body = "".join(self._row(u) for u in uses)
        return "".join(
            (
                '<section id="uses" aria-labelledby="uses-h">',
                self.el("h2", "table", ' id="uses-h"'),
                "<noscript>" + self.el("p", "no_script", ' class="note"') + "</noscript>",
                controls,
                count,
                self.el("p", "sort_hint", ' id="sort-hint" class="note" hidden'),
                '<div class="scroll" tabindex="0" role="region" aria-labelledby="uses-h">',
                '<table id="register" aria-describedby="count">',
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>",
                self.el("p", "no_match", ' id="empty" class="empty" hidden'),
                "</section>",
            )
        )

    def _row(self, use: dict[str, Any]) -> str:
        status = _status(use)
        risk = _risk(use)
        late = _overdue(use)
        due = _due(use)
        name = _declared(use, "name")
        hosting = _hosting(use)
        region = self.value("region", _region(use))
        if hosting is not None:
            region += f" · {self.value('hosting', hosting)}"
        due_cell = (
            f'<span class="date">{_escape(due)}</span>'
            if due
            else self.el("span", "undeclared", ' class="undeclared"')
        )
        if late:
            due_cell += " " + self.el("span", "overdue", ' class="late"')
        status_rank = STATUSES.index(status) if status in STATUSES else len(STATUSES)
        risk_rank = RISKS.index(risk) if risk in RISKS else len(RISKS)
        return (
            f'<tr data-s="{_attr(status)}" data-r="{_attr(risk)}">'
            f"<td>{_escape(_key(use, 'organisation'))}</td>"
            f"<td>{_escape(_key(use, 'repository'))}</td>"
            f"<td><code>{_escape(_key(use, 'use'))}</code></td>"
            f"<td>{_escape(name or '')}</td>"
            f'<td data-k="{status_rank}">{self.value("status", status)}</td>'
            f'<td data-k="{risk_rank}"><span class="risk risk-{_attr(risk)}">'
            f"{self.value('risk', risk)}</span></td>"
            f'<td class="num">{_open(use)}</td>'
            f"<td>{self.value('vendor', _vendor(use))}</td>"
            f"<td>{region}</td>"
            f'<td data-k="{_attr(due)}">{due_cell}</td>'
            "</tr>"
        )

    def _conflicts(self, conflicts: Iterable[Any]) -> str:
        items = []
        for conflict in conflicts:
            if not isinstance(conflict, dict):
                continue
            key = conflict.get("key") or {}
            places = "".join(
                "<li>" + self._place(p) + "</li>"
                for p in conflict.get("records") or []
                if isinstance(p, dict)
            )
            fields = ", ".join(str(f) for f in conflict.get("fields") or [])
            items.append(
                f"<li><strong>{_escape(' / '.join(str(v) for v in key.values()))}</strong>"
                f"{self.el('p', 'conflict.fields', fields=fields) if fields else ''}"
                f"<ul>{places}</ul></li>"
            )
        if not items:
            return ""
        return (
            '<section id="conflicts" class="alert" aria-labelledby="conflicts-h">'
            + self.el("h2", "conflicts", ' id="conflicts-h"')
            + f"{self.el('p', 'conflicts_intro')}<ul>{''.join(items)}</ul></section>"
        )

    def _place(self, place: Mapping[str, Any]) -> str:
        return self.text(
            "conflict.at",
            fragment=place.get("fragment") or "",
            file=place.get("file") or "",
            line=place.get("line") or "",
        )

    def _stale(self, stale: Iterable[Any]) -> str:
        items = []
        for entry in stale:
            if not isinstance(entry, dict):
                continue
            key = entry.get("key") or {}
            reason = entry.get("reason")
            label = f"stale.{reason}" if f"stale.{reason}" in self.texts["en"] else None
            args = {
                "fragment": str(entry.get("fragment") or ""),
                "generated": str(entry.get("generated") or ""),
                "detail": str(entry.get("detail") or ""),
            }
            text = self.el("span", label, **args) if label else _escape(json.dumps(entry))
            items.append(
                f"<li><strong>{_escape(' / '.join(str(v) for v in key.values()))}</strong>: "
                f"{text}</li>"
            )
        if not items:
            return ""
        return (
            '<section id="stale" class="alert" aria-labelledby="stale-h">'
            + self.el("h2", "stale", ' id="stale-h"')
            + f"{self.el('p', 'stale_intro')}<ul>{''.join(items)}</ul></section>"
        )


def _principle_labels(uses: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Each principle's label by language: its number and title in the charter the uses
    follow, or both numbers and the private title when uses follow both versions."""
    from charte_lint.content import catalogue

    charters = sorted({str(u.get("charter")) for u in uses if u.get("charter")}) or ["public"]
    out: dict[str, dict[str, str]] = {}
    for key, versions in catalogue()["principles"].items():
        known = [c for c in charters if c in versions] or list(versions)
        main = versions[known[0]]
        number = " / ".join(str(versions[c]["number"]) for c in known)
        out[key] = {
            lang: f"{number} {main['title'].get(lang, main['title']['en'])}" for lang in labels()
        }
    return out


def _key(use: Mapping[str, Any], part: str) -> str:
    key = use.get("key")
    return str(key.get(part, "")) if isinstance(key, dict) else ""


def _declared(use: Mapping[str, Any], *path: str) -> Any:
    value: Any = use.get("use")
    for part in path:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _status(use: Mapping[str, Any]) -> str:
    return str(_declared(use, "status") or "")


def _risk(use: Mapping[str, Any]) -> str:
    classification = use.get("classification")
    return str(classification.get("risk") or "") if isinstance(classification, dict) else ""


def _vendor(use: Mapping[str, Any]) -> str | None:
    value = _declared(use, "tool", "vendor")
    return str(value) if value not in (None, "") else None


def _region(use: Mapping[str, Any]) -> str | None:
    value = _declared(use, "tool", "region")
    return str(value) if value not in (None, "") else None


def _hosting(use: Mapping[str, Any]) -> str | None:
    value = _declared(use, "tool", "hosting")
    return str(value) if value not in (None, "") else None


def _open(use: Mapping[str, Any]) -> int:
    findings = use.get("findings")
    n = findings.get("open") if isinstance(findings, dict) else 0
    return n if isinstance(n, int) else 0


def _review(use: Mapping[str, Any]) -> Mapping[str, Any]:
    review = use.get("review")
    return review if isinstance(review, dict) else {}


def _due(use: Mapping[str, Any]) -> str:
    return str(_review(use).get("due") or "")


def _overdue(use: Mapping[str, Any]) -> bool:
    return _review(use).get("overdue") is True


def _day(value: Any) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _reviews(uses: list[dict[str, Any]], today: _dt.date | None) -> dict[str, Any]:
    """Uses by review state: overdue (as the record says), due within SOON_DAYS of the
    register's date, due later, or with no due date; and the overdue and soon ones by date."""
    horizon = today + _dt.timedelta(days=SOON_DAYS) if today else None
    counts = {"overdue": 0, "soon": 0, "later": 0, "undated": 0}
    listed = []
    for use in uses:
        due = _day(_due(use)) if _due(use) else None
        if _overdue(use):
            counts["overdue"] += 1
            listed.append(use)
        elif due is None:
            counts["undated"] += 1
        elif horizon is not None and due <= horizon:
            counts["soon"] += 1
            listed.append(use)
        else:
            counts["later"] += 1
    listed.sort(key=lambda u: (_due(u), _key(u, "organisation"), _key(u, "use")))
    return {**counts, "listed": listed}


def _ordered(uses: list[dict[str, Any]], get: Any, order: tuple[str, ...]) -> list[tuple[str, int]]:
    """Counts of an enumerated fact in the format's order, values outside it after."""
    counts = Counter(get(u) for u in uses)
    known = [(v, counts[v]) for v in order if counts.get(v)]
    other = sorted((str(v), n) for v, n in counts.items() if v not in order and v)
    return known + other


def _percent(n: int, top: int) -> str:
    return f"{100 * n / top:.1f}" if top else "0"


def _escape(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _attr(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _code(text: str) -> str:
    """Escaped text, with the `backticked` parts (manifest keys) as code."""
    parts = text.split("`")
    return "".join(
        f"<code>{html.escape(p)}</code>" if i % 2 else html.escape(p)
        for i, p in enumerate(parts)
        if p
    )


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` can end it or open a comment."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


_CSS = """
:root{--ink:#161616;--muted:#3a3a3a;--line:#c8c8c8;--accent:#000091;--soft:#ececfe;--bg:#f6f6f6;
--warn:#8a1c1c}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,
sans-serif;color:var(--ink);background:var(--bg)}
header{background:#fff;border-bottom:4px solid var(--accent);padding:18px 28px 10px}
.head{display:flex;align-items:center;justify-content:space-between;gap:16px;flex-wrap:wrap}
h1{font-size:26px;margin:0;color:var(--accent)}
h2{font-size:16px;margin:0 0 10px}
h3{font-size:14px;margin:14px 0 6px}
.orgs{font-size:16px;font-weight:600;margin:6px 0 2px}
.meta{color:var(--muted);margin:2px 0;font-size:13px;max-width:110ch}
main{padding:18px 28px 40px}
code{font:13px/1.3 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.switch button,.controls button{font:inherit;border:2px solid var(--accent);background:#fff;
color:var(--accent);padding:4px 12px;cursor:pointer}
.switch button+button{border-left:0}
.switch button[aria-pressed=true]{background:var(--accent);color:#fff}
:focus-visible{outline:3px solid #ff9b00;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}
.tiles{list-style:none;margin:0 0 18px;padding:0;display:grid;gap:12px;
grid-template-columns:repeat(auto-fit,minmax(150px,1fr))}
.tile{background:#fff;border:1px solid var(--line);border-top:4px solid var(--accent);
padding:10px 14px}
.tile.warn{border-top-color:var(--warn)}
.tile .n{display:block;font-size:30px;font-weight:700;line-height:1.1}
.tile.warn .n{color:var(--warn)}
.tile .l{color:var(--muted);font-size:13px}
.charts{display:grid;gap:14px;grid-template-columns:repeat(auto-fit,minmax(290px,1fr));
margin-bottom:22px}
.card{background:#fff;border:1px solid var(--line);padding:14px 16px}
.bars{list-style:none;margin:0;padding:0}
.bars li{display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:8px;margin:0 0 6px}
.bl{overflow-wrap:anywhere;font-size:13px}
.bn{font-weight:700;font-variant-numeric:tabular-nums;text-align:right}
.bar{grid-column:1/3;height:7px;background:var(--soft)}
.bar span{display:block;height:100%;background:var(--accent)}
.note{color:var(--muted);font-size:13px;margin:8px 0 0}
.empty{color:var(--muted);margin:0}
.undeclared{color:var(--muted);font-style:italic}
.duelist{margin:0;padding-left:18px;font-size:13px;columns:2 18em;column-gap:28px}
.duelist li{break-inside:avoid}
@media (min-width:900px){#chart-reviews{grid-column:span 2}}
.due,.date{font-variant-numeric:tabular-nums;white-space:nowrap}
.due.late,.late{color:var(--warn);font-weight:700}
.risk{display:inline-block;padding:0 6px;border-radius:3px;font-size:13px}
.bars .risk{white-space:nowrap}
.risk-prohibited{background:#fde2e1;color:#7a1010}
.risk-high{background:#ffe4cc;color:#6e2f00}
.risk-limited{background:#fff3bf;color:#4d3c00}
.risk-minimal{background:#dff3e5;color:#17502b}
.risk-not_ai_system{background:#ececec;color:#2e2e2e}
.risk-outside_ai_act{background:#e3ebfb;color:#1b336e}
#uses{background:#fff;border:1px solid var(--line);padding:14px 16px}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin-bottom:8px}
.field{display:flex;flex-direction:column;gap:2px;font-size:13px;font-weight:600}
.field input,.field select{font:inherit;font-weight:400;padding:5px 8px;border:1px solid #666;
background:#fff;color:var(--ink);min-width:12em}
.field input{min-width:31em}
.count{font-weight:700;margin:6px 0}
.scroll{overflow:auto;max-height:80vh;border:1px solid var(--line)}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid #e1e1e1;text-align:left;vertical-align:top}
thead th{position:sticky;top:0;z-index:1;background:#eeeef6;
border-bottom:2px solid var(--accent)}
th button{font:inherit;font-weight:700;border:0;background:none;color:var(--ink);padding:0;
cursor:pointer;text-align:left}
th button::after{content:"\\a0\\2195";color:#767676}
th[aria-sort=ascending] button::after{content:"\\a0\\25B2";color:var(--accent)}
th[aria-sort=descending] button::after{content:"\\a0\\25BC";color:var(--accent)}
.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:nth-child(even){background:#fafafa}
tbody tr:hover{background:var(--soft)}
.alert{background:#fff;border:1px solid var(--line);border-left:5px solid var(--warn);
padding:10px 16px;margin:0 0 14px}
.alert ul{margin:4px 0;padding-left:20px}
.alert p{margin:4px 0}
.alert h2{margin:0 0 4px}
@media print{.controls,.switch{display:none}.scroll{max-height:none;overflow:visible}}
"""

_JS = r"""
(function () {
  "use strict";
  var L = JSON.parse(document.getElementById("labels").textContent);
  var root = document.documentElement;
  var lang = root.lang;
  function label(key) {
    var own = L[lang] || {};
    return key in own ? own[key] : (L.en || {})[key];
  }
  function format(text, args) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return args && Object.prototype.hasOwnProperty.call(args, k) ? String(args[k]) : m;
    });
  }
  function fill(el, text) {
    if (text.indexOf("`") < 0) { el.textContent = text; return; }
    el.textContent = "";
    text.split("`").forEach(function (part, i) {
      if (!part) return;
      if (i % 2) {
        var code = document.createElement("code");
        code.textContent = part;
        el.appendChild(code);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    });
  }
  function translate(el) {
    var text = label(el.getAttribute("data-t"));
    if (text == null) return;
    var args = el.getAttribute("data-a");
    fill(el, format(text, args ? JSON.parse(args) : null));
  }
  var table = document.getElementById("register");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var query = document.getElementById("q");
  var byStatus = document.getElementById("fs");
  var byRisk = document.getElementById("fr");
  var count = document.getElementById("count");
  var empty = document.getElementById("empty");
  var searchable = [0, 1, 2, 3, 7, 8];
  var haystack = [];
  function index() {
    haystack = rows.map(function (row) {
      return searchable.map(function (i) { return row.cells[i].textContent; })
        .join(" ").toLowerCase();
    });
  }
  function apply() {
    var terms = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var s = byStatus.value, r = byRisk.value, shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!s || row.getAttribute("data-s") === s) &&
        (!r || row.getAttribute("data-r") === r) &&
        terms.every(function (t) { return haystack[i].indexOf(t) >= 0; });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.setAttribute("data-t", rows.length === 1 ? "shown_one" : "shown_other");
    count.setAttribute("data-a", JSON.stringify({shown: shown, total: rows.length}));
    translate(count);
    empty.hidden = shown > 0;
  }
  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"});
  var sorted = {col: -1, dir: 1};
  rows.forEach(function (row, i) { row.setAttribute("data-i", i); });
  function sortKey(row, col, kind) {
    var cell = row.cells[col];
    var k = cell.getAttribute("data-k");
    var v = k !== null ? k : cell.textContent.trim();
    return kind === "num" || kind === "rank" ? Number(v) : v;
  }
  function sortBy(col) {
    var kind = heads[col].getAttribute("data-type");
    var dir = sorted.col === col ? -sorted.dir : 1;
    sorted = {col: col, dir: dir};
    var keyed = rows.map(function (row) {
      return {row: row, k: sortKey(row, col, kind), i: Number(row.getAttribute("data-i"))};
    });
    keyed.sort(function (a, b) {
      var blankA = a.k === "", blankB = b.k === "";
      if (blankA || blankB) return (blankA - blankB) || a.i - b.i; /* undeclared last */
      var c = typeof a.k === "number" ? a.k - b.k : collator.compare(a.k, b.k);
      return c * dir || a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (e) { frag.appendChild(e.row); });
    body.appendChild(frag);
    heads.forEach(function (th, i) {
      if (i === col) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }
  heads.forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    button.addEventListener("click", function () { sortBy(col); });
    th.appendChild(button);
  });
  function setLang(code) {
    if (!L[code]) return;
    lang = code;
    root.lang = code;
    var marked = document.querySelectorAll("[data-t]");
    for (var i = 0; i < marked.length; i += 1) translate(marked[i]);
    document.querySelectorAll("[data-t-placeholder]").forEach(function (el) {
      el.setAttribute("placeholder", label(el.getAttribute("data-t-placeholder")));
    });
    document.querySelectorAll("[data-t-label]").forEach(function (el) {
      el.setAttribute("aria-label", label(el.getAttribute("data-t-label")));
    });
    document.querySelectorAll("[data-lang]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === code));
    });
    index();
  }
  document.querySelectorAll("[data-lang]").forEach(function (b) {
    b.addEventListener("click", function () {
      setLang(b.getAttribute("data-lang"));
      history.replaceState(null, "", "#" + lang);
    });
  });
  query.addEventListener("input", apply);
  byStatus.addEventListener("change", apply);
  byRisk.addEventListener("change", apply);
  document.getElementById("reset").addEventListener("click", function () {
    query.value = ""; byStatus.value = ""; byRisk.value = ""; apply(); query.focus();
  });
  document.getElementById("controls").hidden = false;
  document.getElementById("sort-hint").hidden = false;
  document.querySelector(".switch").hidden = false;
  window.addEventListener("hashchange", function () {
    var asked = location.hash.slice(1);
    if (asked !== lang && L[asked]) { setLang(asked); apply(); }
  });
  var wanted = location.hash.slice(1);
  if (wanted && wanted !== lang && L[wanted]) setLang(wanted); else index();
  apply();
})();
"""
