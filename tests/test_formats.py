"""CI output formats (sarif, github, gitlab, junit) and several reports in one run."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from conftest import REPO, SMALLEST, clean_env, invoke

from charte_lint.docs_rules import render_docs, render_docs_text
from charte_lint.rules import RULES
from charte_lint.structure import UNKNOWN_KEY

# the official schema, kept verbatim under tests/data (origin and licence in its README)
SARIF_SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"
WAIVER = (
    "waivers:\n"
    "  - rule: CL102\n"
    "    use: code-assistant\n"
    "    reason: Read by the legacy inventory until March\n"
    "    approved_by: CIO\n"
    "    until: 2027-03-31\n"
)
# WRK001 at 28:15 (reported), SEC001 at 30:13 (silenced inline), CL102 at 22:5 (waived).
MIXED = (
    SMALLEST.replace("      impact: none", "      impact: headcount_reduction")
    .replace(
        "      last: 2026-10-01",
        "      last: 2020-10-01  # charte-lint: ignore[SEC001] -- review booked, SEC-4",
    )
    .replace("    task: code_assist\n", "    task: code_assist\n    legacy: true\n")
    + WAIVER
)
WRK001_MESSAGE = (
    "use `code-assistant` declares `work.impact: headcount_reduction`: the charter allows AI "
    "to relieve repetitive tasks, not to replace staff"
)


def write(tmp_path: Path, text: str = MIXED) -> Path:
    path = tmp_path / "ai-usage.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def sarif_errors(document: dict) -> list[str]:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)  # the schema's own "$schema"
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]


def test_sarif_is_valid_with_rules_regions_and_suppressions(tmp_path):
    write(tmp_path)
    result = invoke("--format", "sarif", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (1, "")
    document = result.json()
    assert sarif_errors(document) == []
    (run,) = document["runs"]
    assert document["version"] == "2.1.0"
    assert run["tool"]["driver"]["name"] == "charte-lint"
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["CL102", "SEC001", "WRK001"]
    assert rules[0]["fullDescription"] == {"text": UNKNOWN_KEY.summary["en"]}
    # help in Markdown (what GitHub shows) and in plain text, from the rule's content files
    assert rules[0]["help"] == {
        "text": render_docs_text(UNKNOWN_KEY, "en"),
        "markdown": render_docs(UNKNOWN_KEY, "en"),
    }
    assert rules[0]["help"]["markdown"].startswith("## What it does\n")
    assert rules[0]["help"]["text"].startswith("WHAT IT DOES\n")
    assert "```" not in rules[0]["help"]["text"]
    assert rules[2]["defaultConfiguration"] == {"level": "error"}
    by_rule = {result["ruleId"]: result for result in run["results"]}
    reported = by_rule["WRK001"]
    assert reported["level"] == "error"
    assert reported["message"] == {"text": WRK001_MESSAGE}
    assert rules[reported["ruleIndex"]]["id"] == "WRK001"
    location = reported["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "ai-usage.yaml"},
        "region": {"startLine": 28, "startColumn": 15, "endLine": 28, "endColumn": 34},
    }
    assert "suppressions" not in reported
    assert by_rule["SEC001"]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "review booked, SEC-4"}
    ]
    assert by_rule["CL102"]["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Read by the legacy inventory until March",
            "properties": {"approved_by": "CIO", "until": "2027-03-31"},
        }
    ]


def test_sarif_speaks_the_run_language(tmp_path):
    write(tmp_path)
    document = invoke("--format", "sarif", "--lang", "fr", "ai-usage.yaml", cwd=tmp_path).json()
    assert sarif_errors(document) == []
    (run,) = document["runs"]
    assert run["language"] == "fr"
    work = next(rule for rule in RULES if rule.code == "WRK001")
    (described,) = [r for r in run["tool"]["driver"]["rules"] if r["id"] == "WRK001"]
    assert described["fullDescription"] == {"text": work.summary["fr"]}
    assert described["help"]["markdown"] == render_docs(work, "fr")
    assert described["help"]["text"].startswith("CE QUE FAIT LA RÈGLE\n")


def test_sarif_of_a_clean_run_and_odd_paths_is_valid(tmp_path):
    folder = tmp_path / "équipe données"
    folder.mkdir()
    write(folder, SMALLEST)
    document = invoke("--format", "sarif", str(folder), cwd=tmp_path).json()
    assert sarif_errors(document) == []
    assert document["runs"][0]["results"] == []
    assert document["runs"][0]["artifacts"][0]["location"]["uri"].startswith("file:///")


def test_github_annotations_have_positions_and_titles(tmp_path):
    write(tmp_path)
    result = invoke("--format", "github", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.out == (
        "::error file=ai-usage.yaml,line=28,col=15,endLine=28,endColumn=34,"
        f"title=WRK001 headcount-reduction::WRK001 {WRK001_MESSAGE}\n"
    )


def test_github_output_escapes_manifest_text(tmp_path):
    hostile = SMALLEST.replace(
        "    status: production", '    status: "x\\n::error file=a::pwned%0A"'
    ).replace(
        "  - id: code-assistant\n", '  - id: code-assistant\n    "k\\r\\n::warning::b,c": 1\n'
    )
    folder = tmp_path / "odd:dir,x"
    folder.mkdir()
    write(folder, hostile)
    result = invoke("--format", "github", "odd:dir,x/ai-usage.yaml", cwd=tmp_path)
    lines = result.out.splitlines()
    assert len(lines) == 2  # one command per finding, nothing injected
    assert all(line.startswith("::error file=odd%3Adir%2Cx/ai-usage.yaml,line=") for line in lines)
    assert lines[0].endswith("::CL102 unknown key `k%0D%0A::warning::b,c` in `uses[0]`")
    assert "`x%0A::error file=a::pwned%250A`" in lines[1]


def test_github_is_chosen_inside_github_actions_when_not_on_a_terminal(tmp_path):
    write(tmp_path)
    env = clean_env(GITHUB_ACTIONS="true")
    automatic = invoke("ai-usage.yaml", cwd=tmp_path, env=env)
    assert automatic.out.startswith("::error file=ai-usage.yaml,line=28,col=15,")
    chosen = invoke("--format", "text", "-q", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert chosen.out.startswith("ai-usage.yaml:28:15: WRK001 [error]")
    to_file = invoke("-o", "out.txt", "ai-usage.yaml", cwd=tmp_path, env=env)
    assert to_file.out == ""
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("ai-usage.yaml:28:15:")
    outside = invoke("-q", "ai-usage.yaml", cwd=tmp_path)
    assert outside.out.startswith("ai-usage.yaml:28:15: WRK001 [error]")


def test_gitlab_code_quality_issues(tmp_path):
    write(tmp_path)
    result = invoke("--format", "gitlab", "ai-usage.yaml", cwd=tmp_path)
    (issue,) = result.json()
    fingerprint = issue.pop("fingerprint")
    assert len(fingerprint) == 32 and int(fingerprint, 16) >= 0
    assert issue == {
        "type": "issue",
        "description": f"WRK001 {WRK001_MESSAGE}",
        "check_name": "WRK001",
        "categories": ["Compliance"],
        "severity": "major",
        "location": {"path": "ai-usage.yaml", "lines": {"begin": 28, "end": 28}},
    }


def test_gitlab_fingerprints_survive_moved_lines_and_are_unique(tmp_path):
    text = MIXED.replace("    legacy: true\n", "    legacy: true\n    other: 1\n")
    write(tmp_path, text + "  - rule: DAT001\n")
    first = invoke("--format", "gitlab", "--no-suppressions", "ai-usage.yaml", cwd=tmp_path)
    write(tmp_path, "# moved\n# down\n" + text + "  - rule: DAT001\n")
    second = invoke("--format", "gitlab", "--no-suppressions", "ai-usage.yaml", cwd=tmp_path)
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in first.json()}
    after = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in second.json()}
    assert len(before) == len(first.json()) > 3  # unique
    assert set(before) == set(after)
    assert all(after[key] == line + 2 for key, line in before.items())


def test_junit_parses_and_counts(tmp_path):
    write(tmp_path)
    clean = tmp_path / "clean"
    clean.mkdir()
    write(clean, SMALLEST)
    result = invoke("--format", "junit", "ai-usage.yaml", "clean/ai-usage.yaml", cwd=tmp_path)
    root = ET.fromstring(result.out)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "1", "2")
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == ["ai-usage.yaml", "clean/ai-usage.yaml"]
    cases = suites["ai-usage.yaml"].findall("testcase")
    assert [case.get("name") for case in cases] == [
        "CL102 unknown-key at 22:5",
        "WRK001 headcount-reduction at 28:15",
        "SEC001 review-overdue at 30:13",
    ]
    failure = cases[1].find("failure")
    assert (failure.get("type"), failure.get("message")) == ("WRK001", WRK001_MESSAGE)
    assert cases[0].find("skipped").get("message") == (
        "waived by CIO until 2027-03-31: Read by the legacy inventory until March"
    )
    assert cases[2].find("skipped").get("message") == "review booked, SEC-4"
    (passing,) = suites["clean/ai-usage.yaml"].findall("testcase")
    assert list(passing) == []


def test_junit_survives_control_characters(tmp_path):
    write(tmp_path, SMALLEST.replace("    status: production", '    status: "a\\x01b\\u001b"'))
    result = invoke("--format", "junit", "ai-usage.yaml", cwd=tmp_path)
    failure = ET.fromstring(result.out).find("testsuite/testcase/failure")
    assert "`a\\u0001b\\u001b`" in failure.get("message")


def test_several_reports_in_one_run(tmp_path):
    write(tmp_path)
    result = invoke(
        "-q",
        "--report",
        "sarif:out/charte-lint.sarif",
        "--report",
        "junit:out/junit.xml",
        "--report",
        "gitlab:gl-code-quality.json",
        "--report",
        "json:report.json",
        "ai-usage.yaml",
        cwd=tmp_path,
    )
    # --report writes into existing directories only
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("charte-lint: error: cannot write out/charte-lint.sarif: ")
    (tmp_path / "out").mkdir()
    result = invoke(
        "-q",
        "--report",
        "sarif:out/charte-lint.sarif",
        "--report",
        "junit:out/junit.xml",
        "--report",
        "gitlab:gl-code-quality.json",
        "--report",
        "json:report.json",
        "ai-usage.yaml",
        cwd=tmp_path,
    )
    assert (result.code, result.err) == (1, "")
    assert (
        result.out
        == f"ai-usage.yaml:28:15: WRK001 [error] {WRK001_MESSAGE} (headcount-reduction)\n"
    )
    sarif = json.loads((tmp_path / "out/charte-lint.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(sarif) == []
    assert ET.parse(tmp_path / "out/junit.xml").getroot().get("failures") == "1"
    gitlab = json.loads((tmp_path / "gl-code-quality.json").read_text(encoding="utf-8"))
    assert [issue["check_name"] for issue in gitlab] == ["WRK001"]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0, "files": 1}
    with_output = invoke(
        "--format",
        "json",
        "-o",
        "main.json",
        "--report",
        "text:main.txt",
        "ai-usage.yaml",
        cwd=tmp_path,
    )
    assert (with_output.code, with_output.out) == (1, "")
    assert json.loads((tmp_path / "main.json").read_text(encoding="utf-8"))["findings"]
    assert (tmp_path / "main.txt").read_text(encoding="utf-8").startswith("ai-usage.yaml:28:15:")


def test_bad_report_options_are_usage_errors(tmp_path):
    write(tmp_path, SMALLEST)
    for value in ("xml:out.xml", "sarif", "sarif:", "markdown:x.md"):
        result = invoke("--report", value, "ai-usage.yaml", cwd=tmp_path)
        assert (result.code, result.out) == (2, "")
        assert result.err == (
            "charte-lint: error: --report expects FORMAT:FILE with FORMAT one of `text`, `json`, "
            f"`sarif`, `github`, `gitlab`, `junit`, not `{value}`\n"
        )
    listed = invoke("--list-rules", "--format", "sarif")
    assert (listed.code, listed.err) == (
        2,
        "charte-lint: error: --format sarif is not available with --list-rules\n",
    )


def test_json_keeps_its_keys_and_adds_the_suppression(tmp_path):
    write(tmp_path)
    findings = invoke("--format", "json", "ai-usage.yaml", cwd=tmp_path).json()["findings"]
    assert list(findings[0]) == [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "principle",
        "charter",
        "use",
        "pointer",
        "message",
        "suppression",
    ]
    assert [(f["code"], f["suppression"] and f["suppression"]["kind"]) for f in findings] == [
        ("CL102", "external"),
        ("WRK001", None),
        ("SEC001", "inSource"),
    ]


def test_github_escaping_follows_the_runner():
    from charte_lint.reporters.github import escape_data, escape_property

    assert escape_data("50%\r\n::x:, y") == "50%25%0D%0A::x:, y"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


DAT003_FAILING = REPO / "rules" / "content" / "examples" / "DAT003" / "failing.yaml"
DAT003_DETAIL = (
    "ai-usage.yaml:15:5: DAT003 [info] no `approved_tools` registry is configured, so use "
    "`customer-replies`, which sends personal or confidential data, could not be checked: add "
    "`approved_tools` to the organisation's configuration (no-approved-tools-registry)"
)


def test_junit_fails_only_findings_at_or_above_fail_on(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(DAT003_FAILING.read_text(encoding="utf-8"))
    result = invoke("--format", "junit", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    root = ET.fromstring(result.out)
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("1", "0", "0")
    suite = root.find("testsuite")
    assert (suite.get("failures"), suite.get("skipped")) == ("0", "0")
    (case,) = suite.findall("testcase")
    assert case.get("name") == "DAT003 no-approved-tools-registry at 15:5"
    assert [child.tag for child in case] == ["system-out"]
    assert case.find("system-out").text == DAT003_DETAIL

    failing = invoke("--format", "junit", "--fail-on", "info", "ai-usage.yaml", cwd=tmp_path)
    assert failing.code == 1
    root = ET.fromstring(failing.out)
    assert (root.get("failures"), root.find("testsuite").get("failures")) == ("1", "1")
    failure = root.find("testsuite/testcase/failure")
    assert (failure.get("type"), failure.text) == ("DAT003", DAT003_DETAIL)


def test_sarif_regions_cover_the_value_even_for_a_whole_use(tmp_path):
    example = REPO / "examples" / "cooperation-faulty" / "ai-usage.yaml"
    (tmp_path / "ai-usage.yaml").write_text(example.read_text(encoding="utf-8"))
    result = invoke("--format", "sarif", "ai-usage.yaml", cwd=tmp_path)
    sarif = json.loads(result.out)
    assert sarif_errors(sarif) == []
    regions = {
        (r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]): r[
            "locations"
        ][0]["physicalLocation"]["region"]
        for r in sarif["runs"][0]["results"]
    }
    # a finding about a whole use covers its first line, `id: conseil-boutique`
    assert regions["COO002", "/uses/0"] == {
        "startLine": 10,
        "startColumn": 5,
        "endLine": 10,
        "endColumn": 25,
    }
    for region in regions.values():  # none is zero-width
        assert (region["endLine"], region["endColumn"]) > (
            region["startLine"],
            region["startColumn"],
        )
    text = invoke("ai-usage.yaml", cwd=tmp_path).out.splitlines()
    where = text.index("    10 |   - id: conseil-boutique")
    assert text[where + 1] == "       |     ^^^^^^^^^^^^^^^^^^^^"


def test_a_sarif_region_without_an_end_runs_to_the_end_of_its_line_text():
    from charte_lint.api import Finding
    from charte_lint.reporters.sarif import _region

    def region(**position):
        finding = Finding("CL000", "rule-crashed", "error", "", "m", file="a.yaml", **position)
        return _region(finding)

    assert region(line=2, column=3, source_line="  id: x  ") == {
        "startLine": 2,
        "startColumn": 3,
        "endLine": 2,
        "endColumn": 8,
    }
    assert region(line=2, column=3, end_line=4, end_column=1) == {
        "startLine": 2,
        "startColumn": 3,
        "endLine": 4,
        "endColumn": 1,
    }
    assert region(line=3, column=1) == {"startLine": 3, "startColumn": 1}  # past the text
