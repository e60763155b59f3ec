"""The law of the organisation's country and the legal calendar, as rules see them.

What a lawyer reviews is data, in `content/law.yaml` beside this module: which instruments apply
in which country (and to which sector), and for each legal duty the article, the date it applies
from, the text that sets that date, and the transitional rules. Rules ask for a duty by its key
(`ctx.law.duty("fria")`); the answer is the article of the instrument that binds the organisation
where it is established, or None when no instrument does (the AI Act in `GB`, the CRPA outside
France). `RuleContext.finding(..., duty=...)` then compares the duty's date with the run's date:
a duty in force makes a legal finding at the rule's severity; a duty not yet in force says
"legal duty from DATE" and keeps the charter's own severity.

An organisation's counsel may read an amendment differently: `legal_dates:` in the configuration
overrides a duty's date, by key.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

DEFAULT_COUNTRY = "FR"
_IN_SERVICE = ("pilot", "production")
_HERE = os.path.dirname(os.path.abspath(__file__))
_DATA: dict[str, Any] = {}


def data() -> dict[str, Any]:
    """The reviewed legal data, read once: `content/law.json`, generated from the file a lawyer
    edits, `content/law.yaml` (`python -m charte_lint.docs` writes it; a test checks it is up to
    date), because parsing the YAML would cost every run 40 ms."""
    if not _DATA:
        import json

        with open(os.path.join(_HERE, "content", "law.json"), encoding="utf-8") as handle:
            _DATA.update(json.load(handle, object_hook=_dates))
    return _DATA


def read_source() -> dict[str, Any]:
    """`content/law.yaml` itself, for generating `law.json` and for its tests."""
    from charte_lint.content import _load_yaml

    path = os.path.join(_HERE, "content", "law.yaml")
    with open(path, encoding="utf-8") as handle:
        loaded: dict[str, Any] = _load_yaml(handle.read(), path)
    return loaded


def generated_json() -> str:
    """The text of `content/law.json` for the current `law.yaml`: dates as ISO strings."""
    import json

    def plain(value: Any) -> Any:
        if isinstance(value, _dt.date):
            return value.isoformat()
        raise TypeError(f"law.yaml: cannot store {value!r}")

    return json.dumps(read_source(), ensure_ascii=False, indent=1, default=plain) + "\n"


_DATE_KEYS = ("from", "adopted", "until", "public_authorities_by", "in_service_before")


def _dates(entry: dict[str, Any]) -> dict[str, Any]:
    """Dates back to `datetime.date` as `law.yaml` has them (`application` stays a word)."""
    for key in _DATE_KEYS:
        value = entry.get(key)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            entry[key] = _dt.date.fromisoformat(value)
    return entry


def duty_keys() -> list[str]:
    """Every duty the calendar knows, for configuration checks and documentation."""
    return sorted(data()["duties"])


def countries(group: str) -> frozenset[str]:
    """The ISO codes of a country group of `law.yaml` (`eu`, `eea`)."""
    return frozenset(data()["country_groups"][group])


def in_eea(country: str) -> bool:
    """A member of the European Economic Area (the EU and Iceland, Liechtenstein, Norway), or
    the words `EU` / `EEA` themselves."""
    country = country.upper()
    return country in ("EU", "EEA") or country in countries("eea")


def adequacy(country: str, on_date: _dt.date) -> dict[str, Any] | None:
    """The GDPR Art. 45 adequacy decision for `country` (ISO code) in force on `on_date`, or None:
    a decision not yet adopted, or expired (`until` passed), does not count. The entry keeps
    its `scope` (and `scope_only`, the one mechanism a limited decision covers: `dpf` for the
    United States)."""
    wanted = country.upper()
    for entry in data().get("adequacy") or ():
        if str(entry.get("code", "")).upper() != wanted:
            continue
        adopted = _date(entry.get("adopted"))
        until = _date(entry.get("until"))
        if adopted is None or adopted > on_date or (until is not None and until < on_date):
            continue
        return dict(entry)
    return None


class Instrument:
    """A legal text, with how messages name it in each language."""

    __slots__ = ("key", "name", "scope", "short", "url")

    def __init__(self, key: str, entry: Mapping[str, Any]) -> None:
        self.key = key
        self.name: dict[str, str] = dict(entry["name"])
        self.short: dict[str, str] = dict(entry["short"])
        self.scope: dict[str, str] = dict(entry["scope"])  # where it binds, in words
        self.url: str = entry.get("url", "")


class Duty:
    """One legal duty as it binds in one country: an article of an instrument, from a date."""

    __slots__ = (
        "article",
        "instrument",
        "key",
        "note",
        "source",
        "start",
        "transitional",
        "url",
        "verified",
    )

    def __init__(
        self,
        key: str,
        instrument: Instrument,
        entry: Mapping[str, Any],
        start: _dt.date,
    ) -> None:
        self.key = key
        self.instrument = instrument
        self.article: dict[str, str] = dict(entry["article"])
        self.start = start
        self.source: str = entry.get("source", "")
        self.url: str = entry.get("url", "")
        self.verified: bool = bool(entry.get("verified", False))
        self.note: str = entry.get("note", "")
        self.transitional: Mapping[str, Any] | None = entry.get("transitional")

    def cite(self, lang: str) -> str:
        """`AI Act, art. 27` / `règlement IA, art. 27`: the short form messages use."""
        short = self.instrument.short.get(lang) or self.instrument.short["en"]
        return f"{short}, {self.article.get(lang) or self.article['en']}"

    def transitional_cite(self, lang: str) -> str:
        """The provision of the transitional rule, e.g. `AI Act, art. 111(2)`."""
        cite: Mapping[str, str] = (self.transitional or {}).get("cite") or {}
        return cite.get(lang) or cite.get("en", "")

    @property
    def cutoff(self) -> _dt.date | None:
        """The transitional rule's cut-off: a system in service before it is bound only once
        its design changes significantly. `application` in the data is the duty's own date (AI
        Act art. 111(2): "before the date of application of Chapter III")."""
        before = (self.transitional or {}).get("in_service_before")
        return self.start if before == "application" else _date(before)

    @property
    def public_authorities_by(self) -> _dt.date | None:
        """The date by which public authorities comply all the same (AI Act art. 111(2))."""
        return _date((self.transitional or {}).get("public_authorities_by"))

    def binds_from(
        self, use: Mapping[str, Any], public_authority: bool, today: _dt.date | None = None
    ) -> _dt.date | None:
        """The date from which the duty binds for this use, or None when it binds only on a
        later event (a system already in service before a transitional cut-off binds only once
        its design changes significantly, AI Act art. 111(2)). A use is in service before the
        cut-off when its `dates.start` says so, or when it is a pilot or in production at a
        run's date before the cut-off."""
        cutoff = self.cutoff
        if cutoff is None:
            return self.start
        started = _date(_get(use, "dates.start"))
        if started is None and today is not None and use.get("status") in _IN_SERVICE:
            started = today  # in service now: at the latest today
        if started is None or started >= cutoff:
            return self.start
        return self.public_authorities_by if public_authority else None

    def __repr__(self) -> str:
        return f"Duty({self.key!r}, {self.cite('en')!r}, from {self.start})"


def variants(key: str) -> list[Duty]:
    """Duty `key` as each of its instruments imposes it, wherever that binds (for the docs)."""
    return [
        Duty(key, Instrument(instrument, data()["instruments"][instrument]), entry, entry["from"])
        for instrument, entry in data()["duties"][key]["in"].items()
    ]


class Law:
    """The instruments and duties that bind an organisation established in `country`."""

    def __init__(
        self,
        country: str = DEFAULT_COUNTRY,
        sector: str = "private",
        overrides: Mapping[str, _dt.date] | None = None,
    ) -> None:
        self.country = country.upper()
        self.sector = sector
        self.overrides = dict(overrides or {})
        self._duties: dict[str, Duty | None] = {}

    def applies(self, instrument: str) -> bool:
        """Whether the instrument binds an organisation of this country and sector."""
        entry = data()["instruments"].get(instrument)
        if entry is None:
            return False
        where = entry["countries"]
        if isinstance(where, str):
            in_scope = self.country in countries(where) or (
                where == "eea" and self.country in ("EU", "EEA")
            )
        else:
            in_scope = self.country in where
        sectors = entry.get("sectors")
        return in_scope and (not sectors or self.sector in sectors)

    def instrument(self, key: str) -> Instrument:
        return Instrument(key, data()["instruments"][key])

    def duty(self, key: str) -> Duty | None:
        """The duty `key` as it binds here (the first of its instruments that applies), or None
        when no instrument of this country imposes it."""
        if key not in self._duties:
            self._duties[key] = self._find(key)
        return self._duties[key]

    def _find(self, key: str) -> Duty | None:
        entry = data()["duties"][key]  # a KeyError is a bug in the rule that asks
        for instrument, variant in entry["in"].items():
            if not self.applies(instrument):
                continue
            override = self.overrides.get(key)
            start = override or _date(variant["from"])
            if start is None:
                raise ValueError(f"law.yaml: duty {key!r} has no valid `from` date")
            return Duty(key, self.instrument(instrument), variant, start)
        return None

    def term(self, group: str, lang: str) -> str:
        """A word that depends on the country and sector (`staff_body`, `accessibility`):
        the CSE of a French private employer, the CST of a French public body..."""
        choices = data()["terms"][group]
        for choice in choices:
            if _matches(choice.get("when", {}), self.country, self.sector):
                text: dict[str, str] = choice["text"]
                return text.get(lang) or text["en"]
        raise KeyError(group)


def _matches(when: Mapping[str, Any], country: str, sector: str) -> bool:
    wanted = when.get("countries")
    if wanted is not None and not (
        country in wanted or ("eea" in wanted and in_eea(country)) or "*" in wanted
    ):
        return False
    sectors = when.get("sectors")
    return not sectors or sector in sectors


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def organisation_country(manifest: Mapping[str, Any]) -> str:
    """`organisation.country`, or `FR` (the format's default) when it is absent or not a code."""
    value = _get(manifest, "organisation.country")
    if isinstance(value, str) and len(value) == 2 and value.isalpha():
        return value.upper()
    return DEFAULT_COUNTRY
