"""The register (`charte-lint --register`): records built from manifests, their derived AI Act
class, open findings and review dates, the JSON document against its schema, CSV and Markdown,
repository names, and the command's exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, TODAY, clean_env, invoke

from charte_lint.register.build import records_from_paths, remote_name, review
from charte_lint.register.merge import merge
from charte_lint.register.render import counts, render_csv, render_markdown

SCHEMA = json.loads((REPO / "schemas" / "register.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
REGISTERS = REPO / "tests" / "data" / "registers"


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTE_LINT_TODAY", TODAY.isoformat())
    for name in ("GITHUB_WORKSPACE", "GITHUB_REPOSITORY", "CI_PROJECT_DIR", "CI_PROJECT_PATH"):
        monkeypatch.delenv(name, raising=False)


def _by_use(document: dict) -> dict[str, dict]:
    return {record["key"]["use"]: record for record in document["uses"]}


def _errors(document: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"] == {"const": 1}


def test_each_example_use_gets_the_class_its_facts_give():
    """AI Act art. 5(1)(f) ("the placing on the market ... of AI systems to infer emotions of a
    natural person in the areas of workplace and education institutions"), Annex III 4(b)
    (decisions on promotion and termination, task allocation, monitoring of workers) and 5(b)
    (creditworthiness of natural persons), and art. 50(1) and (4) (chatbots; text published to
    inform the public): the classes the rules derive, recorded per use."""
    document = records_from_paths(
        [str(REPO / "examples" / "vigilance-faulty"), str(REPO / "examples" / "public-clean")]
    )
    assert _errors(document) == []
    classes = {
        use: (
            r["classification"]["risk"],
            r["classification"]["annex_iii"],
            r["classification"]["prohibited"],
            r["classification"]["article_50"],
        )
        for use, r in _by_use(document).items()
    }
    assert classes == {
        "detection-talents": ("high", ["4(b)"], [], []),
        "humeur-conseillers": ("prohibited", [], ["5(1)(f)"], ["emotion_recognition"]),
        "score-octroi-credit": ("high", ["5(b)"], [], []),
        "assistant-mairie": ("limited", [], [], ["chatbot"]),
        "synthese-documents-agents": ("minimal", [], [], []),
        "transcription-conseil": ("limited", [], [], ["generated_text"]),
    }


def test_the_law_of_the_country_and_rules_based_algorithms():
    """A council in Great Britain is outside the AI Act; a rules-based algorithm is not an AI
    system (AI Act art. 3(1): a system that "infers, from the input it receives, how to generate
    outputs"; recital 12 excludes "systems that are based on the rules defined solely by natural
    persons to automatically execute operations"), but still grounds individual decisions."""
    paths = sorted(str(p) for p in REGISTERS.glob("*.yaml"))
    document = records_from_paths(paths)
    assert _errors(document) == []
    got = {
        (r["key"]["organisation"], r["key"]["use"]): (
            r["classification"]["ai_act_applies"],
            r["classification"]["ai_system"],
            r["classification"]["risk"],
            r["classification"]["annex_iii"],
            r["classification"]["individual_decisions"],
        )
        for r in document["uses"]
    }
    assert got == {
        ("City of Helsinki", "health-centre-chatbot"): (True, True, "limited", [], False),
        ("Example Borough Council", "benefit-review-prioritisation"): (
            False,
            True,
            "outside_ai_act",
            [],
            True,
        ),
        ("Gemeente Voorbeeld", "benefit-review-prioritisation"): (
            True,
            True,
            "high",
            ["5(a)"],
            True,
        ),
        ("Ministère de l'Enseignement supérieur", "affectation-enseignement-superieur"): (
            True,
            False,
            "not_ai_system",
            [],
            True,
        ),
    }


def test_open_findings_are_those_of_the_lint_run_by_use_and_principle():
    path = str(REGISTERS / "nl-benefit-review.yaml")
    document = records_from_paths([path])
    record = document["uses"][0]
    linted = invoke("--format", "json", "--no-detect", path).json()["findings"]
    open_codes = sorted({f["code"] for f in linted if not f.get("suppression")})
    assert (
        record["findings"]["codes"]
        == open_codes
        == [
            "DAT003",
            "VIG003",
            "VIG005",
            "VIG006",
            "VIG007",
        ]
    )
    assert record["findings"]["open"] == len(linted) == 5
    assert record["findings"]["by_principle"] == {"data": 1, "vigilance": 4}
    assert record["findings"]["by_severity"] == {"error": 0, "warning": 4, "info": 1}
    assert record["file"].endswith("tests/data/registers/nl-benefit-review.yaml")
    assert record["line"] == 10
    assert record["use"]["name"] and record["organisation"]["country"] == "NL"


def test_review_due_from_the_use_or_the_configuration_cadence():
    assert review({"review": {"last": "2026-01-15", "every": "P6M"}}, TODAY, "P1Y") == {
        "last": "2026-01-15",
        "every": "P6M",
        "due": "2026-07-16",
        "overdue": True,
    }
    assert review({"review": {"last": "2026-01-15"}}, TODAY, "P1Y") == {
        "last": "2026-01-15",
        "every": "P1Y",
        "due": "2027-01-15",
        "overdue": False,
    }
    assert review({}, TODAY, "P1Y") == {"last": None, "every": "P1Y", "due": None, "overdue": False}


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://github.com/ville-exemple/aides.git", "ville-exemple/aides"),
        ("git@gitlab.com:dinum/albert/chat.git", "dinum/albert/chat"),
        ("ssh://git@git.example.org:2222/team/app", "team/app"),
        ("/srv/git/app.git", None),
        ("../app", None),
    ],
)
def test_repository_names_from_remote_urls(url: str, name: str | None):
    assert remote_name(url) == name


def _git_repository(path: Path, remote: str | None) -> str:
    path.mkdir(parents=True)
    (path / "ai-usage.yaml").write_text(
        (REPO / "examples" / "public-clean" / "ai-usage.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    env = clean_env(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "manifest"]):
        subprocess.run(["git", *args], cwd=path, env=env, check=True)
    if remote:
        subprocess.run(["git", "remote", "add", "origin", remote], cwd=path, check=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=path, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_each_repository_is_named_by_its_remote_and_commit(tmp_path, monkeypatch):
    commit_a = _git_repository(tmp_path / "a", "https://github.com/ville/aides.git")
    commit_b = _git_repository(tmp_path / "checkout", None)
    monkeypatch.chdir(tmp_path)
    document = records_from_paths(["a", "checkout"])
    assert [(s["repository"], s["commit"]) for s in document["sources"]] == [
        ("checkout", commit_b),
        ("ville/aides", commit_a),
    ]
    assert {r["file"] for r in document["uses"]} == {"ai-usage.yaml"}


def test_ci_names_the_repository_it_checks_out(tmp_path, monkeypatch):
    _git_repository(tmp_path / "w", None)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "w"))
    monkeypatch.setenv("GITHUB_REPOSITORY", "ville/portail")
    monkeypatch.setenv("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
    document = records_from_paths([str(tmp_path / "w")])
    assert [(s["repository"], s["commit"]) for s in document["sources"]] == [
        ("ville/portail", "0123456789abcdef0123456789abcdef01234567")
    ]


def test_csv_one_row_per_use_with_formulas_neutralised():
    document = records_from_paths([str(REPO / "examples" / "public-clean")])
    record = document["uses"][0]
    record["use"]["name"] = '=HYPERLINK("http://evil.example","x")'
    rows = list(csv.DictReader(io.StringIO(render_csv(document))))
    assert len(rows) == 3
    assert rows[0]["use"] == "assistant-mairie"
    assert rows[0]["name"] == "'" + '=HYPERLINK("http://evil.example","x")'
    assert rows[0]["risk"] == "limited" and rows[0]["article_50"] == "chatbot"
    assert rows[0]["vendor"] == "DINUM" and rows[0]["review_due"] == "2027-11-05"
    assert rows[0]["review_overdue"] == "false" and rows[0]["open_findings"] == "0"


def test_markdown_in_french_with_counts_and_escaped_cells():
    document = records_from_paths(
        [str(REPO / "examples" / "vigilance-faulty"), str(REPO / "examples" / "public-clean")]
    )
    document["uses"][0]["use"]["name"] = "<img src=x onerror=alert(1)> | pipe"
    text = render_markdown(document, "fr", TODAY)
    assert text.startswith("# Registre des usages de l'IA\n")
    assert "- haut risque: 2\n" in text and "- pratique interdite: 1\n" in text
    assert "- vigilance: 5\n" in text
    assert "&lt;img src=x onerror=alert(1)&gt; \\| pipe" in text
    assert "<img" not in text
    assert counts(document, TODAY)["risk"] == {
        "prohibited": 1,
        "high": 2,
        "limited": 2,
        "minimal": 1,
    }


def _fragment(uses: list[tuple[str, str, str]], generated: str) -> dict:
    """A fragment of bare records (organisation, repository, use id) with a name each."""
    records = [
        {
            "key": {"organisation": o, "repository": r, "use": u},
            "file": "ai-usage.yaml",
            "line": 5,
            "charter": "public",
            "organisation": {"name": o},
            "use": {"id": u, "name": f"{u} name", "status": "production"},
            "classification": {
                "ai_act_applies": True,
                "ai_system": True,
                "risk": "minimal",
                "declared": None,
                "annex_iii": [],
                "prohibited": [],
                "article_50": [],
                "individual_decisions": False,
            },
            "findings": {"open": 0, "by_severity": {}, "by_principle": {}, "codes": []},
            "review": {"last": None, "every": None, "due": None, "overdue": False},
        }
        for o, r, u in uses
    ]
    pairs = sorted({(o, r) for o, r, _ in uses})
    return {
        "format": "charte-lint-register",
        "version": 1,
        "generated": generated,
        "tool": "charte-lint test",
        "sources": [
            {"organisation": o, "repository": r, "commit": "c" * 40, "generated": generated}
            for o, r in pairs
        ],
        "uses": records,
        "conflicts": [],
        "stale": [],
    }


def test_merge_keeps_the_newest_fragment_of_a_repository_and_reports_conflicts():
    old = _fragment(
        [("Ville", "ville/a", "chat"), ("Ville", "ville/a", "gone")], "2026-11-01T00:00:00Z"
    )
    new = _fragment([("Ville", "ville/a", "chat")], "2026-11-20T00:00:00Z")
    other = _fragment([("Ville", "ville/b", "chat")], "2026-05-01T00:00:00Z")
    twin = _fragment([("Ville", "ville/b", "chat")], "2026-05-01T00:00:00Z")
    twin["uses"][0]["use"]["status"] = "pilot"
    twin["uses"][0]["use"]["tool"] = {"name": "Albert"}
    for order in ([old, new, other, twin], [twin, new, other, old]):
        merged = merge([(f"f{i}", f) for i, f in enumerate(order)], TODAY)
        assert _errors(merged) == []
        assert [(r["key"]["repository"], r["key"]["use"]) for r in merged["uses"]] == [
            ("ville/a", "chat"),
            ("ville/b", "chat"),
        ]
        assert [(s["reason"], s["key"]["repository"]) for s in merged["stale"]] == [
            ("superseded", "ville/a"),
            ("expired", "ville/b"),
        ]
        assert [c["fields"] for c in merged["conflicts"]] == [["use.status", "use.tool"]]
    same = merge([("x", new), ("y", json.loads(json.dumps(new)))], TODAY)
    assert same["conflicts"] == [] and len(same["uses"]) == 1


def test_cli_writes_every_format_and_says_what_it_wrote(tmp_path):
    out = tmp_path / "site"
    result = invoke("--register", str(out), str(REPO / "examples" / "public-clean"))
    assert result.code == 0, result.err
    assert result.err == (
        f"charte-lint: register of 3 uses from 1 repository written to {out} "
        "(0 conflicts, 0 stale fragments)\n"
    )
    document = json.loads((out / "register.json").read_text(encoding="utf-8"))
    assert _errors(document) == [] and len(document["uses"]) == 3
    assert (
        (out / "register.csv")
        .read_text(encoding="utf-8")
        .startswith("organisation,repository,use,")
    )
    assert (out / "register.md").read_text(encoding="utf-8").startswith("# Register of AI uses\n")
    page = (out / "register.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<tr data-s=") == 3


def test_cli_merges_fragments_and_exits_1_on_conflicts(tmp_path):
    one = tmp_path / "fragments" / "ville-b-1" / "charte-lint-register.json"
    two = tmp_path / "fragments" / "ville-b-2" / "charte-lint-register.json"
    first = _fragment([("Ville", "ville/b", "chat")], "2026-11-20T00:00:00Z")
    second = json.loads(json.dumps(first))
    second["uses"][0]["use"]["status"] = "retired"
    for path, fragment in ((one, first), (two, second)):
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(fragment), encoding="utf-8")
    result = invoke("--register", str(tmp_path / "out.json"), str(tmp_path / "fragments"))
    assert result.code == 1
    merged = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert merged["conflicts"] == [
        {
            "key": {"organisation": "Ville", "repository": "ville/b", "use": "chat"},
            "records": [
                {"fragment": str(one), "file": "ai-usage.yaml", "line": 5},
                {"fragment": str(two), "file": "ai-usage.yaml", "line": 5},
            ],
            "fields": ["use.status"],
        }
    ]


def test_cli_names_a_broken_fragment_with_line_and_column_and_keeps_the_rest(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_fragment([("Ville", "ville/a", "chat")], "2026-11-20T00:00:00Z")))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "charte-lint-register",\n  "version": 1,\n  "uses": [}\n')
    result = invoke("--register", str(tmp_path / "site"), str(good), str(bad))
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"charte-lint: error: {bad}:3:12: not JSON: Expecting value: left out of the register"
    )
    merged = json.loads((tmp_path / "site" / "register.json").read_text(encoding="utf-8"))
    assert [r["key"]["use"] for r in merged["uses"]] == ["chat"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "json"],
            "--register builds the register: it takes no --format, --output or --report",
        ),
        (
            ["--stale-after", "3"],
            "--stale-after takes an ISO 8601 duration of at least a day (P30D, P6M), not `3`",
        ),
    ],
)
def test_cli_usage_errors_exit_2_with_one_line(tmp_path, args: list[str], message: str):
    result = invoke(
        "--register", str(tmp_path / "x"), *args, str(REPO / "examples" / "public-clean")
    )
    assert (result.code, result.err) == (2, f"charte-lint: error: {message}\n")


def test_cli_with_nothing_to_register_is_a_usage_error(tmp_path):
    result = invoke("--register", str(tmp_path / "x"), str(tmp_path))
    assert (result.code, result.err) == (
        2,
        f"charte-lint: error: no manifest and no register fragment found under {tmp_path}\n",
    )
    assert not (tmp_path / "x").exists()


def test_notices_are_written_per_organisation_repository_and_use(tmp_path):
    """Two organisations with a use of the same id in repositories of the same name each get
    their own notices; a use no notice applies to gets none."""
    paths = [
        str(REGISTERS / "gb-benefit-review.yaml"),
        str(REGISTERS / "nl-benefit-review.yaml"),
        str(REGISTERS / "fr-admission-rules.yaml"),
    ]
    result = invoke("--register", str(tmp_path / "site"), *paths)
    assert result.code == 0, result.err
    notices = tmp_path / "site" / "notices"
    written = sorted(str(p.relative_to(notices)) for p in notices.rglob("*.md"))
    repository = REPO.name
    assert written == [
        f"Gemeente-Voorbeeld/{repository}/benefit-review-prioritisation.en.md",
        f"Gemeente-Voorbeeld/{repository}/benefit-review-prioritisation.fr.md",
        f"Ministere-de-l-Enseignement-superieur/{repository}/affectation-enseignement-superieur.en.md",
        f"Ministere-de-l-Enseignement-superieur/{repository}/affectation-enseignement-superieur.fr.md",
    ]
    index = json.loads((notices / "index.json").read_text(encoding="utf-8"))
    assert [(i["key"]["organisation"], [n["kind"] for n in i["notices"]]) for i in index] == [
        ("Gemeente Voorbeeld", ["ai-act-art26-11"]),
        ("Ministère de l'Enseignement supérieur", ["crpa-mention", "crpa-sheet"]),
    ]
    sheet = index[1]["notices"][1]
    assert (sheet["draft"], sheet["missing"]) == (True, ["uses[].data.sources"])


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Ministère de l'Enseignement supérieur", "Ministere-de-l-Enseignement-superieur"),
        ("..", "_"),
        ("../../etc", "-..-etc"),
        ("", "_"),
        ("ville/a", "ville-a"),
    ],
)
def test_names_read_in_fragments_never_leave_the_target_directory(name: str, safe: str):
    from charte_lint.register.command import safe_name

    assert safe_name(name) == safe


def test_exports_hold_the_uses_of_their_country_and_name_missing_facts(tmp_path):
    """Each standard's file holds the uses of the organisations of its country (NL: the Dutch
    Algoritmeregister; GB: the ATRS; FR: the inventory of CRPA art. L312-1-3); a required field
    no declared fact fills is a CL301 finding naming the key to add, on standard output."""
    paths = [
        str(REGISTERS / name) for name in ("nl-benefit-review.yaml", "fr-admission-rules.yaml")
    ]
    result = invoke("--register", str(tmp_path / "site"), *paths)
    assert result.code == 0, result.err
    exports = tmp_path / "site" / "exports"
    dutch = json.loads((exports / "algoritmeregister.json").read_text(encoding="utf-8"))
    assert [record["organization"] for record in dutch] == ["Gemeente Voorbeeld"]
    assert json.loads((exports / "atrs.json").read_text(encoding="utf-8")) == []
    rows = list(
        csv.reader(
            io.StringIO((exports / "inventaire-algorithmes.csv").read_text(encoding="utf-8"))
        )
    )
    assert len(rows) == 2 and "Ministère de l'Enseignement supérieur" in rows[1]
    validation = json.loads((exports / "validation.json").read_text(encoding="utf-8"))
    assert {name: v["valid"] for name, v in validation.items()} == {
        "algoritmeregister.json": False,
        "atrs.json": True,
        "inventaire-algorithmes.csv": True,
    }
    assert validation["algoritmeregister.json"]["problems"] == ["[0]: contact_email is required"]
    nl, fr = paths  # named as the command line named them, as lint findings are
    assert result.out.splitlines() == [
        f"{nl}:10:1: CL301 [warning] Algoritmeregister publicatiestandaard 1.0: the required "
        "field `contact_email` has no fact: add `uses[].owner.contact` (export-missing-fact)",
        f"{fr}:12:1: CL301 [warning] Inventaire des principaux traitements algorithmiques "
        "(fiche Etalab): the required field `Contact au sein de l'administration concernée` has "
        "no fact: add `uses[].owner.contact` (export-missing-fact)",
        f"{fr}:12:1: CL301 [warning] Inventaire des principaux traitements algorithmiques "
        "(fiche Etalab): the required field `Source des données traitées` has no fact: add "
        "`uses[].data.sources` (export-missing-fact)",
        "",
    ]
    assert (
        "charte-lint: exports/algoritmeregister.json does not validate against Algoritmeregister "
        "publicatiestandaard 1.0 yet (problems: 1, listed in exports/validation.json); the CL301 "
        "findings say which facts to declare\n"
    ) in result.err


def test_a_gap_read_in_a_fragment_is_placed_in_its_repository(tmp_path):
    """Merged from CI fragments, a CL301 finding names the repository before the manifest's
    path inside it: `ai-usage.yaml:10:1` alone would not say which of a thousand repositories."""
    fragment = tmp_path / "charte-lint-register.json"
    made = invoke("--register", str(fragment), str(REGISTERS / "nl-benefit-review.yaml"))
    assert made.code == 0 and made.out == "", made.err
    repository = json.loads(fragment.read_text(encoding="utf-8"))["uses"][0]["key"]["repository"]
    merged = invoke("--register", str(tmp_path / "site"), str(fragment))
    assert merged.code == 0, merged.err
    assert merged.out.splitlines()[0].startswith(
        f"{repository}/tests/data/registers/nl-benefit-review.yaml:10:1: CL301 [warning] "
        "Algoritmeregister publicatiestandaard 1.0: the required field `contact_email`"
    )
