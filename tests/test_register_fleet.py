"""The organisation's register merged from its repositories' CI fragments (issue 13, point 4).

1,000 fragments of real records (tests/fleet_corpus.py), laid out one directory per repository as
`actions/download-artifact` lays them out, merged by the command an organisation job runs,
`charte-lint --register out/ fragments/`, and counted exactly: uses, sources, the conflicts and
stale fragments planted, the exit code. Then merge() itself on tiny documents.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, TODAY, clean_env, invoke
from fleet_corpus import (
    CORRUPT_COLUMN,
    CORRUPT_LINE,
    FRAGMENT,
    corrupt,
    dump,
    fragment_document,
    write_fleet,
)

from charte_lint.register import render
from charte_lint.register.build import records_from_paths
from charte_lint.register.merge import FragmentError, differing, merge, read_fragment

SEED = 20261129
TEMPLATE_PATHS = [
    REPO / "examples",
    *sorted((REPO / "tests" / "data" / "registers").glob("*.yaml")),
]


@pytest.fixture(scope="module")
def templates() -> list[dict[str, Any]]:
    """Records the builder makes of the repository's example manifests: 46 uses of 19
    organisations, every AI Act class."""
    return records_from_paths([str(p) for p in TEMPLATE_PATHS], today=TODAY)["uses"]


def test_templates_cover_every_class(templates: list[dict[str, Any]]):
    risks: dict[str, int] = {}
    for record in templates:
        risk = record["classification"]["risk"]
        risks[risk] = risks.get(risk, 0) + 1
    assert len(templates) == 46
    assert len({r["key"]["organisation"] for r in templates}) == 19
    assert risks == {
        "high": 6,
        "limited": 12,
        "minimal": 25,
        "not_ai_system": 1,
        "outside_ai_act": 1,
        "prohibited": 1,
    }


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory, templates: list[dict[str, Any]]):
    root = tmp_path_factory.mktemp("fleet")
    planted = write_fleet(root / "fragments", templates, 1000, SEED, TODAY)
    corrupt(root / "broken", "acme/truncated")
    return root, planted


def _keys(items: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return [tuple(item["key"].values()) for item in items]


def test_a_thousand_fragments_merge_with_exact_counts(fleet):
    root, planted = fleet
    assert planted.fragments == 1000
    # what was planted: 10 superseded runs, 4 copies and 4 same-second runs among 1,000 files
    assert (planted.repositories, planted.uses) == (982, 2943)
    assert (len(planted.superseded), len(planted.expired), planted.duplicates) == (10, 9, 4)
    assert len(planted.conflicts) == 8  # 4 same-second pairs, 4 uses declared in two manifests

    done = invoke("--register", "out/", "fragments/", cwd=root)
    assert done.code == 1, done.err  # written, with conflicts
    # the fleet's records are real ones, some of which miss facts the standards require: the
    # exports of their countries say so first
    assert [line.split(" does not validate")[0] for line in done.err.splitlines()] == [
        "charte-lint: exports/algoritmeregister.json",
        "charte-lint: exports/atrs.json",
        "charte-lint: register of 2943 uses from 982 repositories written to out/ "
        "(8 conflicts, 19 stale fragments)",
    ]
    register = json.loads((root / "out" / "register.json").read_text(encoding="utf-8"))
    assert len(register["uses"]) == planted.uses
    assert len(register["sources"]) == planted.repositories
    keys = _keys(register["uses"])
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert not set(planted.gone) & set(keys)  # the superseded runs' uses are gone
    assert len(planted.gone) == 10

    assert _keys(register["conflicts"]) == planted.conflicts
    for conflict in register["conflicts"]:
        assert conflict["fields"] == ["use.status"]
        assert len(conflict["records"]) == 2

    stale = {(s["reason"], s["fragment"]) for s in register["stale"]}
    assert len(register["stale"]) == len(stale) == 19
    assert stale == {
        ("superseded", f"fragments/{d}/{FRAGMENT}") for _, _, d in planted.superseded
    } | {("expired", f"fragments/{d}/{FRAGMENT}") for _, _, d in planted.expired}
    assert {s["detail"] for s in register["stale"] if s["reason"] == "expired"} == {"P90D"}
    for entry in register["stale"]:
        if entry["reason"] == "superseded":  # the newer fragment of the same repository
            assert entry["detail"] == entry["fragment"].replace("-previous-run/", "/")
    kept = {s["fragment"] for s in register["sources"]}
    assert not kept & {f"fragments/{d}/{FRAGMENT}" for _, _, d in planted.superseded}

    rows = list(csv.reader(io.StringIO((root / "out" / "register.csv").read_text("utf-8"))))
    assert len(rows) == 1 + planted.uses
    markdown = (root / "out" / "register.md").read_text(encoding="utf-8")
    assert "2943" in markdown.split("\n## ", 1)[0]


def test_a_corrupt_fragment_is_named_and_the_rest_is_merged(fleet):
    root, planted = fleet
    done = invoke("--register", "out-broken.json", "fragments/", "broken/", cwd=root)
    assert done.code == 2, done.err
    path = f"broken/acme/truncated/{FRAGMENT}"
    assert done.err.splitlines() == [
        f"charte-lint: error: {path}:{CORRUPT_LINE}:{CORRUPT_COLUMN}: not JSON: "
        "Expecting ',' delimiter: left out of the register",
        "charte-lint: register of 2943 uses from 982 repositories written to out-broken.json "
        "(8 conflicts, 19 stale fragments)",
    ]
    register = json.loads((root / "out-broken.json").read_text(encoding="utf-8"))
    assert (len(register["uses"]), len(register["sources"])) == (planted.uses, 982)


def test_the_corpus_writes_fragments_as_charte_lint_does(templates: list[dict[str, Any]]):
    document = records_from_paths([str(REPO / "examples" / "public-clean")], today=TODAY)
    assert dump(document) == render.render_json(document)
    assert json.loads(render.render_json(document)) == document
    assert render.render_json(document).splitlines()[:3] == [
        "{",
        '  "format": "charte-lint-register",',
        '  "version": 1,',
    ]


# --------------------------------------------------------------------------- merge() semantics


def _record(template: dict[str, Any], repository: str = "ville/aides", **use: Any) -> dict:
    record = copy.deepcopy(template)
    record["key"] = {**record["key"], "repository": repository}
    record["use"].update(use)
    return record


def _fragment(generated: str, *records: dict[str, Any], repository: str = "ville/aides") -> dict:
    organisation = (
        records[0]["key"]["organisation"] if records else "Ville de Saint-Aubin-sur-Loire"
    )
    return fragment_document(organisation, repository, generated[:10], generated, list(records))


@pytest.fixture(scope="module")
def record(templates: list[dict[str, Any]]) -> dict[str, Any]:
    (found,) = [r for r in templates if r["key"]["use"] == "assistant-mairie"]
    return found


def test_the_newest_fragment_wins_whatever_the_order(record: dict[str, Any]):
    old = _fragment("2026-11-01T08:00:00Z", _record(record, status="pilot"))
    new = _fragment("2026-11-20T08:00:00Z", _record(record, status="production"))
    forward = merge([("a.json", old), ("b.json", new)], TODAY)
    backward = merge([("b.json", new), ("a.json", old)], TODAY)
    for merged in (forward, backward):
        assert [r["use"]["status"] for r in merged["uses"]] == ["production"]
        assert merged["stale"] == [
            {
                "key": {
                    "organisation": "Ville de Saint-Aubin-sur-Loire",
                    "repository": "ville/aides",
                },
                "fragment": "a.json",
                "generated": "2026-11-01T08:00:00Z",
                "reason": "superseded",
                "detail": "b.json",
            }
        ]
        assert merged["conflicts"] == []
        assert [(s["fragment"], s["commit"]) for s in merged["sources"]] == [
            ("b.json", "2026-11-20")
        ]
    assert forward == backward


def test_a_use_removed_since_is_gone(record: dict[str, Any]):
    other = _record(record)
    other["key"]["use"] = other["use"]["id"] = "ancien-usage"
    old = _fragment("2026-11-01T08:00:00Z", _record(record), other)
    new = _fragment("2026-11-20T08:00:00Z", _record(record))
    emptied = _fragment("2026-11-21T08:00:00Z")  # the manifest declares no use any more
    merged = merge([("old", old), ("new", new)], TODAY)
    assert _keys(merged["uses"]) == [
        ("Ville de Saint-Aubin-sur-Loire", "ville/aides", "assistant-mairie")
    ]
    merged = merge([("old", old), ("new", new), ("emptied", emptied)], TODAY)
    assert merged["uses"] == []
    assert [(s["fragment"], s["detail"]) for s in merged["stale"]] == [
        ("new", "emptied"),
        ("old", "emptied"),
    ]
    runs = [("old", old), ("new", new), ("emptied", emptied)]
    for order in itertools.permutations(runs):  # the fragment kept is named, in any order
        assert merge(order, TODAY) == merged


def test_identical_duplicates_are_not_conflicts(record: dict[str, Any]):
    fragment = _fragment("2026-11-20T08:00:00Z", _record(record))
    merged = merge([("run/a", fragment), ("run/b", copy.deepcopy(fragment))], TODAY)
    assert (len(merged["uses"]), merged["conflicts"], merged["stale"]) == (1, [], [])


def test_two_manifests_declaring_one_use_differently_conflict(record: dict[str, Any]):
    first = _record(record)
    second = _record(record, status="retired", tool={**record["use"]["tool"], "name": "Autre"})
    second["organisation"] = {**second["organisation"], "country": "BE"}
    second["file"], second["line"] = "mairie/ai-usage.yaml", 40
    merged = merge([("f.json", _fragment("2026-11-20T08:00:00Z", first, second))], TODAY)
    assert merged["uses"] == [first]  # the first in the fragment's order is kept
    assert merged["conflicts"] == [
        {
            "key": first["key"],
            "records": [
                {"fragment": "f.json", "file": first["file"], "line": first["line"]},
                {"fragment": "f.json", "file": "mairie/ai-usage.yaml", "line": 40},
            ],
            "fields": ["organisation.country", "use.status", "use.tool.name"],
        }
    ]


def test_the_place_of_a_use_is_not_a_disagreement(record: dict[str, Any]):
    moved = _record(record)
    moved["file"], moved["line"] = "elsewhere/ai-usage.yaml", 99
    assert differing(_record(record), moved) == []
    changed = _record(record, purpose={**record["use"]["purpose"], "need": "Autre besoin"})
    assert differing(_record(record), changed) == ["use.purpose.need"]
    assert differing(_record(record), _record(record, review="none")) == ["use.review"]


def test_same_second_fragments_that_disagree_conflict(record: dict[str, Any]):
    one = _fragment("2026-11-20T08:00:00Z", _record(record, status="pilot"))
    two = _fragment("2026-11-20T08:00:00Z", _record(record, status="production"))
    forward = merge([("one", one), ("two", two)], TODAY)
    backward = merge([("two", two), ("one", one)], TODAY)
    assert [c["fields"] for c in forward["conflicts"]] == [["use.status"]]
    assert [[p["fragment"] for p in c["records"]] for c in forward["conflicts"]] == [["one", "two"]]
    assert [[p["fragment"] for p in c["records"]] for c in backward["conflicts"]] == [
        ["two", "one"]
    ]
    assert forward["stale"] == backward["stale"] == []


def test_a_fragment_older_than_the_limit_is_kept_and_listed(record: dict[str, Any]):
    fragment = _fragment("2026-08-30T23:59:59Z", _record(record))  # 91 days before TODAY
    fresh = _fragment("2026-08-31T00:00:00Z", _record(record), repository="ville/autre")
    fresh["uses"][0]["key"]["repository"] = "ville/autre"
    merged = merge([("old", fragment), ("fresh", fresh)], TODAY)
    assert len(merged["uses"]) == 2
    assert [(s["fragment"], s["reason"], s["detail"]) for s in merged["stale"]] == [
        ("old", "expired", "P90D")
    ]
    assert merge([("old", fragment)], TODAY, "P100D")["stale"] == []


def test_read_fragment_says_where_and_why(tmp_path: Path):
    broken = corrupt(tmp_path, "x")
    with pytest.raises(FragmentError) as caught:
        read_fragment(str(broken))
    assert (caught.value.line, caught.value.column) == (3, 3)
    cases = {
        '{"format": "other"}': 'not a register: `"format": "charte-lint-register"` is missing',
        '{"format": "charte-lint-register", "version": 2}': (
            "register format version 2: this charte-lint reads 1"
        ),
        '{"format": "charte-lint-register", "version": 1, "uses": [{"key": {"use": "x"}}]}': (
            "`/uses/0/key` needs `organisation`, `repository` and `use`"
        ),
        '{"format": "charte-lint-register", "version": 1, "uses": []}': "`generated` is missing",
        "\n\n  [1,": "not JSON: Expecting value",
    }
    for text, reason in cases.items():
        path = tmp_path / "f.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(FragmentError) as caught:
            read_fragment(str(path))
        assert caught.value.reason == reason, text
    assert (caught.value.line, caught.value.column) == (3, 6)


def test_a_fragment_written_by_the_command_merges_back(tmp_path: Path):
    """Both ends of the command: a repository's job writes `*.json`, the organisation's reads it."""
    fragment = tmp_path / "ci" / FRAGMENT
    fragment.parent.mkdir()
    done = invoke("--register", str(fragment), str(REPO / "examples" / "public-clean"))
    assert done.code == 0, done.err
    merged = invoke("--register", str(tmp_path / "site"), str(tmp_path / "ci"), env=clean_env())
    assert merged.code == 0, merged.err
    mine = json.loads(fragment.read_text(encoding="utf-8"))
    site = json.loads((tmp_path / "site" / "register.json").read_text(encoding="utf-8"))
    assert site["uses"] == mine["uses"] and len(site["uses"]) == 3
    assert [s["fragment"] for s in site["sources"]] == [str(fragment)]
    assert dt.date.fromisoformat(site["generated"][:10]) == TODAY
