"""How detection is reported: one finding per file and provider, its related places in every
format, an identity that survives added lines, the first-run summary of undeclared AI use."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from conftest import SMALLEST, run_cli
from test_formats import sarif_errors

from charte_lint.api import Evidence, Finding, Policy, Related, Repository, RuleContext
from charte_lint.detect import load_catalogue
from charte_lint.reporters import Report, github, gitlab, sarif, text
from charte_lint.reporters import json as json_reporter
from charte_lint.rules.transparency import undeclared_ai_use

CATALOGUE = load_catalogue()
PROVIDERS = {
    **CATALOGUE.providers,
    # until the "detect" helper's catalogue lands: the gateway as it describes it
    "vercel-ai-gateway": {
        "name": "Vercel AI Gateway",
        "product": "Vercel AI Gateway",
        "vendor": "Vercel",
        "kind": "gateway",
        "declared_by": ["vercel ai gateway"],
    },
}


class _Routed(Evidence):
    """Evidence with `via`, for as long as `Evidence` has no such field."""

    __slots__ = ("via",)


def ev(
    line: int,
    provider: str = "openai",
    kind: str = "call",
    column: int = 1,
    file: str = "app/chat.py",
    via: str | None = None,
    text: str = "OpenAI(",
) -> Evidence:
    try:
        return Evidence(file, line, column, column + 7, provider, kind, text, via=via)  # type: ignore[call-arg]
    except TypeError:
        routed = _Routed(file, line, column, column + 7, provider, kind, text)
        routed.via = via
        return routed


def findings(evidence: list[Evidence], lang: str = "en") -> list[Finding]:
    repository = Repository(evidence, [], PROVIDERS, CATALOGUE.model_provider)
    context = RuleContext(undeclared_ai_use, {}, Policy(), lang)
    context.repository = repository
    return list(undeclared_ai_use.check(context))


def write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


CHAT = (
    "from openai import OpenAI\n"
    "import anthropic\n"
    "\n"
    "client = OpenAI()\n"
    'reply = client.chat.completions.create(model="gpt-4o-mini", messages=[])\n'
    "other = anthropic.Anthropic()\n"
)


# Grouping -----------------------------------------------------------------------------------


def test_one_finding_per_file_and_provider_at_its_first_place():
    found = findings(
        [
            ev(9),
            ev(3, kind="import", text="import openai"),
            ev(5),
            ev(4, "anthropic", "import"),
            ev(2, file="app/other.py"),
        ]
    )
    assert [(f.file, f.line, f.subject) for f in found] == [
        ("app/chat.py", 3, "OpenAI"),
        ("app/chat.py", 4, "Anthropic"),
        ("app/other.py", 2, "OpenAI"),
    ]
    assert [(r.line, r.text) for r in found[0].related] == [
        (5, "call `OpenAI(`"),
        (9, "call `OpenAI(`"),
    ]
    assert found[0].message == (
        "undeclared AI use: OpenAI (import `import openai`, and 2 more places in this file), and "
        "no `ai-usage.yaml` covers this file; `charte-lint --init` writes a first one"
    )
    assert found[1].related == () and "more place" not in found[1].message
    assert found[2].related == ()


def test_on_one_line_the_strongest_kind_comes_first():
    # a model name at column 1 and a call at column 20 on the same line: the call is first
    found = findings([ev(4, kind="model", column=1, text="gpt-4o"), ev(4, kind="call", column=20)])
    assert [(f.line, f.column) for f in found] == [(4, 20)]
    assert [(r.line, r.column, r.text) for r in found[0].related] == [(4, 1, "model name `gpt-4o`")]
    assert found[0].message.startswith(
        "undeclared AI use: OpenAI (call `OpenAI(`, and 1 more place in this file)"
    )


def test_a_provider_through_a_gateway_is_its_own_finding_named_with_the_gateway():
    found = findings(
        [
            ev(
                2, "anthropic", "model", text="anthropic/claude-sonnet-4.5", via="vercel-ai-gateway"
            ),
            ev(3, "anthropic", "model", text="anthropic/claude-haiku-4.5", via="vercel-ai-gateway"),
            ev(7, "anthropic", "import", text="import Anthropic"),
        ]
    )
    assert [(f.line, f.subject, len(f.related)) for f in found] == [
        (2, "Anthropic via Vercel AI Gateway", 1),
        (7, "Anthropic", 0),
    ]
    assert found[0].fingerprint != found[1].fingerprint
    french = findings([ev(2, "anthropic", "model", text="x", via="vercel-ai-gateway")], "fr")
    assert french[0].message.startswith(
        "usage de l'IA non déclaré : Anthropic via Vercel AI Gateway (nom de modèle `x`)"
    )


# Identity -----------------------------------------------------------------------------------


def test_the_identity_stays_when_a_line_of_the_same_provider_is_added_before_or_after():
    before = findings([ev(4), ev(6)])[0]
    added_after = findings([ev(4), ev(6), ev(8)])[0]
    added_before = findings([ev(2, kind="import", text="import openai"), ev(5), ev(7)])[0]
    moved = findings([ev(40)])[0]
    assert before.fingerprint == added_after.fingerprint == added_before.fingerprint
    assert before.fingerprint == moved.fingerprint
    other_provider = findings([ev(4, "anthropic")])[0]
    assert other_provider.fingerprint != before.fingerprint
    other_file = findings([ev(4, file="app/b.py")])[0]
    from charte_lint.identity import finding_identity

    assert finding_identity(other_file) != finding_identity(before)  # the file is in it


def test_a_finding_with_related_places_survives_pickling_and_replace():
    finding = findings([ev(1), ev(3), ev(5)])[0]
    copy = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy.related == finding.related
    assert isinstance(copy.related[0], Related)
    assert (copy.related[0].file, copy.related[0].line, copy.related[0].end_column) == (
        "app/chat.py",
        3,
        8,
    )
    assert copy.subject == "OpenAI"
    placed = finding.placed("warning", "app/chat.py", None, (1, 1, 1, 8), "x", None)
    assert placed.related == finding.related and placed.subject == "OpenAI"
    assert finding.replace(message="m").related == finding.related


def test_a_baseline_keeps_the_finding_when_a_call_of_the_same_provider_is_added(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": CHAT})
    assert run_cli(".", "--write-baseline", "baseline.json", cwd=tmp_path).code == 0
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == 2  # OpenAI and Anthropic in chat.py
    more = "import os\n" + CHAT + "again = client.chat.completions.create(messages=[])\n"
    (tmp_path / "chat.py").write_text(more, encoding="utf-8")
    result = run_cli(".", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    assert (result.code, result.json()["findings"]) == (0, [])
    (tmp_path / "chat.py").write_text(more + "import mistralai\n", encoding="utf-8")
    result = run_cli(".", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    assert [(f["file"], f["line"]) for f in result.json()["findings"]] == [("chat.py", 9)]


# Suppressions -------------------------------------------------------------------------------


def test_a_comment_silences_its_own_line_only(tmp_path):
    code = (
        "from openai import OpenAI\n"
        "\n"
        "client = OpenAI()  # charte-lint: ignore[TRN008] -- a test double\n"
        "\n"
        "reply = client.chat.completions.create(messages=[])\n"
    )
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": code})
    result = run_cli(".", "--format", "json", "--select", "TRN008", cwd=tmp_path)
    shown = [
        (f["line"], [p["line"] for p in f.get("related", [])], bool(f["suppression"]))
        for f in result.json()["findings"]
    ]
    assert shown == [(1, [5], False), (3, [], True)]
    assert result.json()["findings"][1]["suppression"]["justification"] == "a test double"


# Reports ------------------------------------------------------------------------------------


def _report(tmp_path: Path, files: dict[str, str], *args: str) -> str:
    write(tmp_path, files)
    return run_cli(".", "--no-color", *args, cwd=tmp_path).out


def test_text_lists_related_places_under_the_finding(tmp_path):
    out = _report(tmp_path, {"ai-usage.yaml": SMALLEST, "app/chat.py": CHAT})
    assert out.splitlines()[:5] == [
        "app/chat.py:1:1: TRN008 [error] undeclared AI use: OpenAI (import `from openai import "
        "OpenAI`, and 2 more places in this file); no use of the `ai-usage.yaml` covering this "
        "file names it (undeclared-ai-use)",
        "     1 | from openai import OpenAI",
        "       | ^^^^^^^^^^^^^^^^^^^^^^^^^",
        "    also at app/chat.py:4:10: call `OpenAI(`",
        "    also at app/chat.py:5:15: call `.chat.completions.create(`",
    ]


def _many(count: int) -> Finding:
    related = tuple(Related("a.py", n, 1, 8, "call `OpenAI(`") for n in range(2, count + 2))
    return Finding(
        "TRN008",
        "undeclared-ai-use",
        "error",
        "",
        "m",
        "transparency",
        file="a.py",
        line=1,
        column=1,
        end_line=1,
        end_column=8,
        related=related,
        subject="OpenAI",
    )


def test_text_shows_ten_related_places_and_counts_the_rest():
    report = Report([_many(13)], [], "en", "0")
    lines = text.render(report, quiet=False).splitlines()
    also = [line for line in lines if line.startswith("    ")]
    assert also[0] == "    also at a.py:2:1: call `OpenAI(`"
    assert also[9] == "    also at a.py:11:1: call `OpenAI(`"
    assert also[10:] == ["    and 3 more"]
    assert text.render(report, quiet=True) == "a.py:1:1: TRN008 [error] m (undeclared-ai-use)\n"


def test_json_lists_related_places(tmp_path):
    document = json.loads(json_reporter.render(Report([_many(2)], [], "en", "0")))
    assert document["findings"][0]["related"] == [
        {"file": "a.py", "line": 2, "column": 1, "end_column": 8, "text": "call `OpenAI(`"},
        {"file": "a.py", "line": 3, "column": 1, "end_column": 8, "text": "call `OpenAI(`"},
    ]
    single = Finding("TRN008", "undeclared-ai-use", "error", "", "m", file="a.py", line=1)
    assert (
        "related"
        not in json.loads(json_reporter.render(Report([single], [], "en", "0")))["findings"][0]
    )


def test_sarif_has_schema_valid_related_locations(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": CHAT})
    document = json.loads(run_cli(".", "--format", "sarif", cwd=tmp_path).out)
    assert sarif_errors(document) == []
    first = document["runs"][0]["results"][0]
    assert first["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "chat.py"},
                "region": {"startLine": 4, "startColumn": 10, "endLine": 4, "endColumn": 17},
            },
            "message": {"text": "call `OpenAI(`"},
        },
        {
            "id": 2,
            "physicalLocation": {
                "artifactLocation": {"uri": "chat.py"},
                "region": {"startLine": 5, "startColumn": 15, "endLine": 5, "endColumn": 40},
            },
            "message": {"text": "call `.chat.completions.create(`"},
        },
    ]
    many = json.loads(sarif.render(Report([_many(13)], [], "en", "0")))
    assert sarif_errors(many) == []
    assert len(many["runs"][0]["results"][0]["relatedLocations"]) == 13  # SARIF keeps them all


def test_github_and_gitlab_name_the_related_places_in_the_description():
    report = Report([_many(2)], [], "en", "0")
    assert github.render(report) == (
        "::error file=a.py,line=1,col=1,endLine=1,endColumn=8,title=TRN008 undeclared-ai-use"
        "::TRN008 m%0Aalso at a.py:2:1: call `OpenAI(`%0Aalso at a.py:3:1: call `OpenAI(`\n"
    )
    issue = json.loads(gitlab.render(report))[0]
    assert issue["description"] == (
        "TRN008 m; also at a.py:2:1: call `OpenAI(`; also at a.py:3:1: call `OpenAI(`"
    )
    assert issue["location"] == {"path": "a.py", "lines": {"begin": 1, "end": 1}}


# The first-run summary ------------------------------------------------------------------------


def test_a_first_run_sums_up_the_undeclared_use_by_provider_and_files(tmp_path):
    files = {f"svc/{n}.py": "from openai import OpenAI\n" for n in range(3)}
    files["svc/claude.py"] = "import anthropic\n"
    files["svc/both.py"] = "import anthropic\nfrom openai import OpenAI\n"
    out = _report(tmp_path, files)
    assert out.splitlines()[-2:] == [
        "AI use in the code that no manifest declares: OpenAI (4 files), Anthropic (2 files)",
        "6 errors, 0 warnings, 0 info in 5 files",
    ]


def test_the_summary_counts_a_gateway_route_apart_and_skips_other_rules():
    routed = findings([ev(2, "anthropic", "model", text="x", via="vercel-ai-gateway")])
    direct = findings([ev(2, "anthropic", file="b.py"), ev(3, "anthropic", file="c.py")])
    other = Finding("DAT015", "hard-coded-api-key", "error", "", "m", file="d.py", subject="X")
    report = Report([*routed, *direct, other], [], "en", "0")
    assert text.undeclared_summary(report) == (
        "AI use in the code that no manifest declares: Anthropic (2 files), "
        "Anthropic via Vercel AI Gateway (1 file)"
    )


def test_no_summary_with_a_baseline_in_quiet_mode_or_when_all_is_declared(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "chat.py": CHAT})
    run_cli(".", "--write-baseline", "baseline.json", cwd=tmp_path)
    (tmp_path / "chat.py").write_text(CHAT + "import mistralai\n", encoding="utf-8")
    with_baseline = run_cli(".", "--no-color", "--baseline", "baseline.json", cwd=tmp_path)
    assert "no manifest declares" not in with_baseline.out
    assert with_baseline.code == 1  # Mistral AI is new
    quiet = run_cli(".", "--no-color", "-q", cwd=tmp_path)
    assert "no manifest declares" not in quiet.out
    assert text.undeclared_summary(Report([], [], "en", "0")) is None


def test_the_summary_in_french(tmp_path):
    out = _report(tmp_path, {"a.py": "import anthropic\n"}, "--lang", "fr")
    assert out.splitlines()[-2] == (
        "Usage de l'IA dans le code qu'aucun manifeste ne déclare : Anthropic (1 fichier)"
    )
