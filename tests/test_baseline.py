"""Baselines: record today's findings, report only new ones, list the stale entries."""

from __future__ import annotations

import json

from conftest import SMALLEST, invoke

from charte_lint.api import Finding
from charte_lint.baseline import subtract, value_fingerprint

USE = SMALLEST.split("uses:\n", 1)[1]
HEADCOUNT = "      impact: headcount_reduction"
# Two uses, the second one cutting jobs (WRK001 on line 51).
TWO = SMALLEST + USE.replace("id: code-assistant", "id: chatbot").replace(
    "      impact: none", HEADCOUNT
)
WRK001_LINE = (
    "ai-usage.yaml:51:15: WRK001 [error] use `chatbot` declares `work.impact: "
    "headcount_reduction`: the charter allows AI to relieve repetitive tasks, not to replace "
    "staff (headcount-reduction)"
)
FINGERPRINT = value_fingerprint({"impact": "headcount_reduction"}, "/impact")


def test_write_baseline_records_findings_by_identity_not_line(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(TWO, encoding="utf-8")
    result = invoke("--write-baseline", "baseline.json", "-q", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 0  # every finding is now in the baseline
    assert result.out == ""  # the confirmation only, not the report
    assert result.err == "charte-lint: wrote 1 finding to the baseline baseline.json\n"
    assert json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8")) == {
        "version": 1,
        "tool": "charte-lint",
        "entries": [
            {
                "file": "ai-usage.yaml",
                "code": "WRK001",
                "use": "chatbot",
                "pointer": "/uses/1/work/impact",
                "fingerprint": FINGERPRINT,
            }
        ],
    }
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".charte-lint-")] == []


def test_the_baseline_absorbs_known_findings_even_when_lines_and_uses_move(tmp_path):
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(TWO, encoding="utf-8")
    assert invoke("--write-baseline", "b.json", "ai-usage.yaml", cwd=tmp_path).code == 0
    clean = invoke("--baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    assert (clean.code, clean.out, clean.err) == (
        0,
        "No findings in 1 file.\n",
        "charte-lint: 1 finding matched the baseline b.json\n",
    )
    # the chatbot use moves first, ten lines of comments arrive on top
    chatbot = USE.replace("id: code-assistant", "id: chatbot").replace(
        "impact: none", "impact: headcount_reduction"
    )
    moved = "# comment\n" * 10 + SMALLEST.replace(USE, chatbot + USE)
    manifest.write_text(moved, encoding="utf-8")
    still = invoke("--baseline", "b.json", "--format", "json", "ai-usage.yaml", cwd=tmp_path)
    assert still.code == 0
    document = still.json()
    assert document["findings"] == []
    assert document["baseline"] == {"stale": []}


def test_new_findings_are_reported_and_fixed_ones_listed_as_stale(tmp_path):
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(TWO, encoding="utf-8")
    invoke("--write-baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    # the chatbot is fixed; code-assistant now cuts jobs: a new finding
    swapped = SMALLEST.replace("      impact: none", HEADCOUNT) + USE.replace(
        "id: code-assistant", "id: chatbot"
    )
    manifest.write_text(swapped, encoding="utf-8")
    result = invoke("--baseline", "b.json", "-q", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.out == (
        "ai-usage.yaml:27:15: WRK001 [error] use `code-assistant` declares `work.impact: "
        "headcount_reduction`: the charter allows AI to relieve repetitive tasks, not to "
        "replace staff (headcount-reduction)\n"
    )
    assert result.err == (
        "charte-lint: baseline entry no longer matches: ai-usage.yaml WRK001 "
        "/uses/1/work/impact (use chatbot)\n"
        "charte-lint: baseline entries that no longer match: 1; run --write-baseline b.json to "
        "shrink the baseline\n"
    )
    document = invoke("--baseline", "b.json", "--format", "json", "ai-usage.yaml", cwd=tmp_path)
    assert document.json()["baseline"] == {
        "stale": [
            {
                "file": "ai-usage.yaml",
                "code": "WRK001",
                "use": "chatbot",
                "pointer": "/uses/1/work/impact",
                "fingerprint": FINGERPRINT,
            }
        ]
    }


def test_a_changed_value_is_a_new_finding(tmp_path):
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(TWO.replace("    status: production", "    status: live"), encoding="utf-8")
    invoke("--write-baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    manifest.write_text(TWO.replace("    status: production", "    status: gone"), encoding="utf-8")
    result = invoke("--baseline", "b.json", "--format", "json", "ai-usage.yaml", cwd=tmp_path)
    document = result.json()
    assert [(f["code"], f["line"], f["pointer"]) for f in document["findings"]] == [
        ("CL104", 8, "/uses/0/status"),
        ("CL104", 32, "/uses/1/status"),
    ]
    assert [e["pointer"] for e in document["baseline"]["stale"]] == [  # the baseline's order
        "/uses/1/status",
        "/uses/0/status",
    ]


def test_paths_are_relative_to_the_baseline_so_it_works_from_any_directory(tmp_path):
    team = tmp_path / "team"
    team.mkdir()
    (team / "ai-usage.yaml").write_text(TWO, encoding="utf-8")
    invoke("--write-baseline", "team/.charte-lint-baseline.json", "team", cwd=tmp_path)
    entries = json.loads((team / ".charte-lint-baseline.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in entries["entries"]] == ["ai-usage.yaml"]
    inside = invoke("--baseline", ".charte-lint-baseline.json", "ai-usage.yaml", cwd=team)
    assert (inside.code, inside.err) == (
        0,
        "charte-lint: 1 finding matched the baseline .charte-lint-baseline.json\n",
    )
    outside = invoke("--baseline", "team/.charte-lint-baseline.json", "team", cwd=tmp_path)
    assert (outside.code, outside.err) == (
        0,
        "charte-lint: 1 finding matched the baseline team/.charte-lint-baseline.json\n",
    )


def test_entries_for_files_not_linted_are_not_stale(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "ai-usage.yaml").write_text(TWO, encoding="utf-8")
    invoke("--write-baseline", "b.json", "a", "b", cwd=tmp_path)
    only_a = invoke("--baseline", "b.json", "a", cwd=tmp_path)
    assert (only_a.code, only_a.err) == (0, "charte-lint: 1 finding matched the baseline b.json\n")


def test_matching_counts_identical_entries():
    def finding() -> Finding:
        return Finding(
            "WRK001",
            "headcount-reduction",
            "error",
            "/uses/0/work/impact",
            "m",
            file="ai-usage.yaml",
            use="chatbot",
            fingerprint="f",
        )

    entry = {
        "file": "ai-usage.yaml",
        "code": "WRK001",
        "use": "chatbot",
        "pointer": "/uses/3/work/impact",  # the use moved: compared from the use down
        "fingerprint": "f",
    }
    files = ["ai-usage.yaml"]
    two = [finding(), finding()]
    kept, stale = subtract([entry], two, "b.json", files)
    assert (kept, stale) == ([two[1]], [])
    kept, stale = subtract([entry, dict(entry), dict(entry)], two, "b.json", files)
    assert (kept, stale) == ([], [entry])


def test_suppressed_findings_stay_out_of_the_baseline(tmp_path):
    text = TWO.replace(HEADCOUNT, HEADCOUNT + "  # charte-lint: ignore[WRK001] -- HR-7")
    (tmp_path / "ai-usage.yaml").write_text(text, encoding="utf-8")
    result = invoke("--write-baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    assert result.err == "charte-lint: wrote 0 findings to the baseline b.json\n"
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["entries"] == []


def test_unusable_baselines_are_one_line_errors(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST, encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"version": 2, "entries": []}', encoding="utf-8")
    cases = {
        ("--baseline", "missing.json"): "cannot read missing.json: No such file or directory",
        ("--baseline", "broken.json"): "invalid baseline broken.json: not JSON (Expecting "
        "property name enclosed in double quotes: line 1 column 2 (char 1))",
        ("--baseline", "other.json"): 'invalid baseline other.json: expected {"version": 1, '
        '"tool": "charte-lint", "entries": [...]} with entries of strings `file`, `code`, '
        "`pointer`, `fingerprint` and `use` (a string or null)",
        ("--baseline", "b.json", "--write-baseline", "b.json"): "--baseline and "
        "--write-baseline cannot be used together",
        ("--write-baseline", "no/such/dir/b.json"): "cannot write no/such/dir/b.json: No such "
        "file or directory",
    }
    for args, message in cases.items():
        result = invoke(*args, "ai-usage.yaml", cwd=tmp_path)
        assert (result.code, result.out, result.err) == (2, "", f"charte-lint: error: {message}\n")


def test_fingerprints_are_of_canonical_values():
    data = {"uses": [{"data": {"b": 1, "a": [True, None]}}], "x/y": "z"}
    assert value_fingerprint(data, "/uses/0/data") == value_fingerprint(
        {"a": [True, None], "b": 1}, ""
    )
    assert value_fingerprint(data, "/x~1y") == value_fingerprint("z", "")
    assert value_fingerprint(data, "/uses/5") == value_fingerprint(data, "/nope")
    assert value_fingerprint(data, "/nope") != value_fingerprint(None, "")
    assert len(value_fingerprint(data, "")) == 16


def test_a_baseline_works_with_parallel_workers(tmp_path):
    for index in range(40):
        folder = tmp_path / f"team-{index:02}"
        folder.mkdir()
        (folder / "ai-usage.yaml").write_text(TWO, encoding="utf-8")
    written = invoke("--write-baseline", "b.json", ".", cwd=tmp_path)
    assert (written.code, written.err) == (
        0,
        "charte-lint: wrote 40 findings to the baseline b.json\n",
    )
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["entries"]
    assert {e["fingerprint"] for e in entries} == {FINGERPRINT}
    result = invoke("--baseline", "b.json", ".", cwd=tmp_path)
    assert (result.code, result.err) == (
        0,
        "charte-lint: 40 findings matched the baseline b.json\n",
    )
    assert result.out == "No findings in 40 files.\n"


def test_the_baseline_says_how_many_findings_it_absorbed_in_english_and_french(tmp_path):
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(TWO, encoding="utf-8")
    written = invoke("--lang", "fr", "--write-baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    assert (written.code, written.out) == (0, "")
    assert written.err == "charte-lint: 1 constat enregistré dans la référence b.json\n"
    french = invoke("--lang", "fr", "--baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    assert french.err == "charte-lint: 1 constat correspond à la référence b.json\n"
    manifest.write_text(SMALLEST, encoding="utf-8")  # the chatbot is gone: nothing matches
    none = invoke("--baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    assert (none.code, none.out) == (0, "No findings in 1 file.\n")
    assert none.err == (
        "charte-lint: 0 findings matched the baseline b.json\n"
        "charte-lint: baseline entry no longer matches: ai-usage.yaml WRK001 "
        "/uses/1/work/impact (use chatbot)\n"
        "charte-lint: baseline entries that no longer match: 1; run --write-baseline b.json to "
        "shrink the baseline\n"
    )
    quiet = invoke("-q", "--baseline", "b.json", "ai-usage.yaml", cwd=tmp_path)
    assert quiet.err.startswith("charte-lint: baseline entry no longer matches: ")
