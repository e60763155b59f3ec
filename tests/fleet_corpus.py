"""A seeded fleet of CI register fragments, laid out as the organisation job downloads them.

Shared by tests/test_register_fleet.py (1,000 fragments, exact counts) and bench/register.py
(10,000 fragments, time and memory); standard library only, so that the benchmark can import it.

The records are real: `templates` are records the register builder made from the repository's
example manifests (46 uses of 19 organisations, every AI Act class). Each repository belongs to
one of those organisations and declares 1 to 5 of its uses (re-keyed, with a seeded status); a
repository's fragment is the document its CI job writes, in `<root>/<owner>/<name>/` as
`actions/download-artifact` lays out one artifact per repository. Planted on top, counted as
they are planted (never by running the merge): uses declared twice differently in two manifests
of one repository, two fragments of one repository written at the same second that disagree,
older fragments of a repository (superseded, with a use the newer one no longer has), fragments
older than the stale limit (expired), and fragments downloaded twice (identical: no conflict).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FRAGMENT = "charte-lint-register.json"
MANIFEST = "ai-usage.yaml"
STATUSES = ("production", "production", "production", "pilot", "pilot", "design", "retired")
STALE_AFTER_DAYS = 90  # the default --stale-after, P90D


@dataclass
class Fleet:
    """What the merge of the fragments written must give, counted while planting."""

    fragments: int = 0  # files written
    repositories: int = 0  # (organisation, repository) pairs: the register's sources
    uses: int = 0  # distinct keys of the kept fragments: the register's records
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # keys, sorted at the end
    conflict_fields: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    superseded: list[tuple[str, str, str]] = field(default_factory=list)  # (org, repo, directory)
    expired: list[tuple[str, str, str]] = field(default_factory=list)  # (org, repo, directory)
    gone: list[tuple[str, str, str]] = field(default_factory=list)  # keys of superseded runs only
    duplicates: int = 0  # fragments written twice, identical


def slug(text: str) -> str:
    """A repository owner from an organisation's name: `Vallée SAS` -> `vallee-sas`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def dump(document: dict[str, Any]) -> str:
    """The document's text as charte-lint writes it (`render.render_json`: one top-level member
    per line, one item of a top-level list per line); a test checks that the two agree."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for name, value in document.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(encode(item) for item in value)
            parts.append(f"  {encode(name)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {encode(name)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def fragment_document(
    organisation: str, repository: str, commit: str, generated: str, records: list[dict[str, Any]]
) -> dict[str, Any]:
    """The register document a repository's CI job writes (format version 1)."""
    records = sorted(records, key=lambda r: (r["key"]["use"], r["file"]))
    return {
        "format": "charte-lint-register",
        "version": 1,
        "generated": generated,
        "tool": "charte-lint 0.1.0",
        "sources": [
            {
                "organisation": organisation,
                "repository": repository,
                "commit": commit,
                "generated": generated,
            }
        ],
        "uses": records,
        "conflicts": [],
        "stale": [],
    }


def record_from(
    template: str,
    organisation: str,
    repository: str,
    use_id: str,
    status: str,
    file: str,
) -> dict[str, Any]:
    """A template record (its JSON text) re-keyed for a repository, its declared id and status
    to match."""
    record: dict[str, Any] = json.loads(template)
    record["key"] = {"organisation": organisation, "repository": repository, "use": use_id}
    record["use"]["id"] = use_id
    record["use"]["status"] = status
    record["file"] = file
    return record


def write_fleet(
    root: Path, templates: list[dict[str, Any]], count: int, seed: int, today: dt.date
) -> Fleet:
    """Write `count` fragment files under `root` and return what their merge must give.

    About 1% of the files are older fragments of a repository (superseded), 0.4% copies of a
    fragment (identical) and 0.4% same-second fragments that disagree on one use's status
    (conflicts); about 0.5% of the repositories declare one use in two manifests differently
    (conflicts), and 1% have published nothing for longer than the stale limit (expired).
    """
    rng = random.Random(seed)
    by_org: dict[str, list[tuple[str, str]]] = {}  # organisation: [(use id, record's JSON)]
    for template in sorted(templates, key=lambda r: (r["key"]["organisation"], r["key"]["use"])):
        by_org.setdefault(template["key"]["organisation"], []).append(
            (template["key"]["use"], json.dumps(template))
        )
    organisations = sorted(by_org)
    n_superseded = max(1, count // 100)
    n_copies = max(1, count // 250)
    n_disagree = max(1, count // 250)
    repositories = count - n_superseded - n_copies - n_disagree
    n_expired = max(1, repositories // 100)
    n_twice = max(1, repositories // 200)
    if repositories < n_superseded + n_copies + n_disagree + n_expired + n_twice:
        raise ValueError(f"{count} fragments are too few to plant every case")
    fleet = Fleet(repositories=repositories)
    now = dt.datetime.combine(today, dt.time(0, 0), dt.timezone.utc)
    written: list[tuple[str, str, str, dict[str, Any]]] = []  # (org, repo, directory, document)

    def write(directory: str, document: dict[str, Any]) -> None:
        path = root / directory / FRAGMENT
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(document), "utf-8")
        fleet.fragments += 1

    # Which repositories get which planted case; none gets two, so each count is exact.
    order = list(range(repositories))
    rng.shuffle(order)
    cases: dict[int, str] = {}
    for case, number in (
        ("expired", n_expired),
        ("twice", n_twice),
        ("superseded", n_superseded),
        ("copy", n_copies),
        ("disagree", n_disagree),
    ):
        for _ in range(number):
            cases[order.pop()] = case

    for index in range(repositories):
        organisation = organisations[index % len(organisations)]
        owner = slug(organisation)
        name = f"app-{index:05d}"
        repository = f"{owner}/{name}"
        commit = f"{rng.getrandbits(160):040x}"
        case = cases.get(index)
        age = dt.timedelta(days=rng.randrange(STALE_AFTER_DAYS), seconds=rng.randrange(86400))
        if case == "expired":
            age = dt.timedelta(days=STALE_AFTER_DAYS + 1 + rng.randrange(300))
        generated = stamp(now - age)
        own = by_org[organisation]
        records = []
        for number in range(rng.randint(1, 5)):
            use_id, template = own[number % len(own)]
            if number >= len(own):
                use_id = f"{use_id}-{number // len(own) + 1}"
            records.append(
                record_from(
                    template, organisation, repository, use_id, rng.choice(STATUSES), MANIFEST
                )
            )
        fleet.uses += len(records)
        if case == "twice":  # a second manifest of the repository declares a use id again
            first = records[0]
            other = "retired" if first["use"]["status"] != "retired" else "production"
            again = copy.deepcopy(first)
            again["file"] = "services/second/ai-usage.yaml"
            again["line"] = 6
            again["use"]["status"] = other
            records.append(again)
            key = (organisation, repository, first["key"]["use"])
            fleet.conflicts.append(key)
            fleet.conflict_fields[key] = ["use.status"]
        document = fragment_document(organisation, repository, commit, generated, records)
        directory = f"{owner}/{name}"
        write(directory, document)
        written.append((organisation, repository, directory, document))
        if case == "expired":
            fleet.expired.append((organisation, repository, directory))
        elif case == "superseded":  # the run before, with a use since removed
            older = copy.deepcopy(document)
            before = now - age - dt.timedelta(days=1 + rng.randrange(60), seconds=rng.randrange(9))
            older["generated"] = older["sources"][0]["generated"] = stamp(before)
            gone = f"removed-use-{index:05d}"
            removed = record_from(own[0][1], organisation, repository, gone, "production", MANIFEST)
            older["uses"].append(removed)
            fleet.gone.append((organisation, repository, removed["key"]["use"]))
            write(f"{directory}-previous-run", older)
            fleet.superseded.append((organisation, repository, f"{directory}-previous-run"))
        elif case == "copy":  # the same artifact downloaded twice
            write(f"{directory}-again", copy.deepcopy(document))
            fleet.duplicates += 1
        elif case == "disagree":  # two jobs of one commit, the same second, different results
            other_run = copy.deepcopy(document)
            record = other_run["uses"][0]
            record["use"]["status"] = "pilot" if record["use"]["status"] != "pilot" else "design"
            write(f"{directory}-other-job", other_run)
            key = (organisation, repository, record["key"]["use"])
            fleet.conflicts.append(key)
            fleet.conflict_fields[key] = ["use.status"]
    fleet.conflicts.sort()
    return fleet


CORRUPT_LINE, CORRUPT_COLUMN = 3, 3
"""Where json.loads stops in `corrupt()`'s text: the start of line 3, after a missing comma."""


def corrupt(root: Path, directory: str) -> Path:
    """A fragment edited by hand, its first comma lost: `"format": "charte-lint-register"` then
    `"version": 1` on the next line with nothing between."""
    text = dump(fragment_document("Nowhere", "nowhere/app", "0" * 40, "2026-11-01T00:00:00Z", []))
    lines = text.rstrip("\n").split("\n")
    assert lines[1] == '  "format": "charte-lint-register",' and lines[2].startswith('  "version"')
    lines[1] = lines[1].rstrip(",")
    path = root / directory / FRAGMENT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
