"""Join register documents (each repository's CI fragment) into the organisation's register.

Records are keyed by organisation, repository and use id. Of several fragments of one
repository, the newest (by `generated`) is kept and the others are listed as stale
(`superseded`); a kept fragment older than the stale limit is kept and listed as stale
(`expired`): its repository's CI has not published since. Two different records under one key
(two manifests of a repository declaring the same use id, or two fragments of one repository
generated at the same time that disagree) are a conflict: the first in the fragments' order is
kept, and the conflict names every origin and the fields that differ.
"""

from __future__ import annotations

import datetime as _dt
import json

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

DEFAULT_STALE_AFTER = "P90D"


class FragmentError(Exception):
    """A fragment that is not a register document: `path`, 1-based `line` and `column`, and
    what is wrong."""

    def __init__(self, path: str, line: int, column: int, reason: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {reason}")
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason


def read_fragment(path: str) -> dict[str, Any]:
    """A register document from a file, checked enough to merge it (the format, the version and
    each record's key); FragmentError otherwise."""
    from charte_lint.register.build import FORMAT, VERSION

    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        raise FragmentError(path, 1, 1, error.strerror or str(error)) from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise FragmentError(path, 1, 1, "not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise FragmentError(path, error.lineno, error.colno, f"not JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FragmentError(path, 1, 1, f'not a register: `"format": "{FORMAT}"` is missing')
    if data.get("version") != VERSION:
        reason = (
            f"register format version {data.get('version')!r}: this charte-lint reads {VERSION}"
        )
        raise FragmentError(path, 1, 1, reason)
    uses = data.get("uses")
    if not isinstance(uses, list):
        raise FragmentError(path, 1, 1, "`uses` is not a list")
    for index, record in enumerate(uses):
        key = record.get("key") if isinstance(record, dict) else None
        if not isinstance(key, dict) or not all(
            isinstance(key.get(part), str) and key.get(part)
            for part in ("organisation", "repository", "use")
        ):
            reason = f"`/uses/{index}/key` needs `organisation`, `repository` and `use`"
            raise FragmentError(path, 1, 1, reason)
    if not isinstance(data.get("generated"), str):
        raise FragmentError(path, 1, 1, "`generated` is missing")
    return data


def merge(
    fragments: Iterable[tuple[str, dict[str, Any]]],
    today: _dt.date,
    stale_after: str = DEFAULT_STALE_AFTER,
) -> dict[str, Any]:
    """One register from (origin, document) pairs, read one at a time: only the newest
    fragment of each repository is held, so memory follows the register, not the input."""
    from charte_lint.api import duration_days
    from charte_lint.register.build import document

    repositories: dict[tuple[str, str], _Repository] = {}
    superseded: list[tuple[tuple[str, str], str, str]] = []  # (pair, origin, generated)
    for origin, fragment in fragments:
        generated = fragment["generated"]
        sources = {
            (s.get("organisation"), s.get("repository")): s
            for s in fragment.get("sources", [])
            if isinstance(s, dict)
        }
        for pair in _repositories(fragment):
            held = repositories.get(pair)
            if held is None or generated > held.generated:
                if held is not None:
                    superseded.append((pair, held.origin, held.generated))
                repositories[pair] = _Repository(pair, origin, generated, sources.get(pair))
            elif generated < held.generated:
                superseded.append((pair, origin, generated))
        for record in fragment["uses"]:
            key = record["key"]
            held = repositories[(key["organisation"], key["repository"])]
            if held.generated == generated:
                held.add(record, origin)
    # A superseded fragment names the fragment kept, whatever the order they were read in.
    stale = [
        _stale(pair, origin, generated, "superseded", repositories[pair].origin)
        for pair, origin, generated in superseded
    ]
    limit = today - _dt.timedelta(days=duration_days(stale_after) or 0)
    records: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for pair in sorted(repositories):
        held = repositories[pair]
        records.extend(held.records.values())
        conflicts.extend(held.conflicts())
        day = _day(held.generated)
        if day is not None and day < limit:
            stale.append(_stale(pair, held.origin, held.generated, "expired", stale_after))
    merged = document(
        records, [repositories[pair].source() for pair in sorted(repositories)], today
    )
    merged["conflicts"] = conflicts
    merged["stale"] = sorted(stale, key=lambda s: (*s["key"].values(), s["fragment"]))
    return merged


class _Repository:
    """The newest fragment's records for one (organisation, repository), and the keys that
    more than one record claims."""

    __slots__ = ("declared", "differ", "generated", "origin", "pair", "places", "records")

    def __init__(
        self, pair: tuple[str, str], origin: str, generated: str, declared: dict[str, Any] | None
    ) -> None:
        self.pair = pair
        self.origin = origin
        self.generated = generated
        self.declared = declared or {}
        self.records: dict[str, dict[str, Any]] = {}
        self.places: dict[str, list[dict[str, Any]]] = {}
        self.differ: dict[str, set[str]] = {}

    def add(self, record: dict[str, Any], origin: str) -> None:
        use = record["key"]["use"]
        place = {
            "fragment": origin,
            "file": record.get("file"),
            "line": record.get("line"),
        }
        first = self.records.get(use)
        if first is None:
            self.records[use] = record
            self.places[use] = [place]
            return
        fields = differing(first, record)
        if fields:  # the same record twice (a fragment given twice) is not a conflict
            self.places[use].append(place)
            self.differ.setdefault(use, set()).update(fields)

    def conflicts(self) -> list[dict[str, Any]]:
        organisation, repository = self.pair
        return [
            {
                "key": {"organisation": organisation, "repository": repository, "use": use},
                "records": self.places[use],
                "fields": sorted(self.differ[use]),
            }
            for use in sorted(self.differ)
        ]

    def source(self) -> dict[str, Any]:
        organisation, repository = self.pair
        return {
            "organisation": organisation,
            "repository": repository,
            "commit": self.declared.get("commit"),
            "generated": self.generated,
            "fragment": self.origin,
        }


def differing(left: dict[str, Any], right: dict[str, Any]) -> list[str]:
    """The declared fields two records of one key disagree on, dotted (`use.tool.name`), down
    to the second level under the use; the place in a file is not a disagreement."""
    fields: list[str] = []
    for part in ("charter", "organisation", "use"):
        a, b = left.get(part), right.get(part)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            for name in sorted(set(a) | set(b)):
                x, y = a.get(name), b.get(name)
                if x == y:
                    continue
                if part == "use" and isinstance(x, dict) and isinstance(y, dict):
                    fields.extend(
                        f"use.{name}.{sub}"
                        for sub in sorted(set(x) | set(y))
                        if x.get(sub) != y.get(sub)
                    )
                else:
                    fields.append(f"{part}.{name}")
        else:
            fields.append(part)
    return fields


def _repositories(fragment: dict[str, Any]) -> list[tuple[str, str]]:
    """The (organisation, repository) pairs a fragment speaks for: those of its records, and
    of its sources (a repository whose manifest declares no use any more)."""
    pairs = {(r["key"]["organisation"], r["key"]["repository"]) for r in fragment["uses"]}
    for source in fragment.get("sources", []):
        if isinstance(source, dict):
            organisation, repository = source.get("organisation"), source.get("repository")
            if isinstance(organisation, str) and isinstance(repository, str):
                pairs.add((organisation, repository))
    return sorted(pairs)


def _stale(
    pair: tuple[str, str], origin: str, generated: str, reason: str, detail: str
) -> dict[str, Any]:
    """A fragment left out (`superseded`, `detail` the fragment kept) or kept but old
    (`expired`, `detail` the limit)."""
    return {
        "key": {"organisation": pair[0], "repository": pair[1]},
        "fragment": origin,
        "generated": generated,
        "reason": reason,
        "detail": detail,
    }


def _day(stamp: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None
