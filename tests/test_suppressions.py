"""Inline suppression comments: what they silence, and the findings about them."""

from __future__ import annotations

import subprocess
import sys

from conftest import SMALLEST, TODAY, clean_env, invoke

from charte_lint.engine import Linter, lint_source
from charte_lint.suppressions import parse

IMPACT = "      impact: headcount_reduction"  # WRK001 at 27:15
BAD = SMALLEST.replace("      impact: none", IMPACT)
WRK001_MESSAGE = (
    "use `code-assistant` declares `work.impact: headcount_reduction`: the charter allows AI "
    "to relieve repetitive tasks, not to replace staff"
)


def lint(text: str, **options: object) -> list:
    return lint_source(text, linter=Linter(today=TODAY, **options))  # type: ignore[arg-type]


def brief(findings: list) -> list[tuple[str, int, int, bool]]:
    return [(f.code, f.line, f.column, f.suppression is not None) for f in findings]


def test_a_comment_on_the_line_silences_the_finding_and_records_why():
    text = BAD.replace(IMPACT, IMPACT + "  # charte-lint: ignore[WRK001] -- reorganisation, HR-7")
    (finding,) = lint(text)
    assert (finding.code, finding.line, finding.column) == ("WRK001", 27, 15)
    assert finding.suppression == {
        "kind": "inSource",
        "justification": "reorganisation, HR-7",
        "approved_by": None,
        "until": None,
    }


def test_a_comment_alone_on_the_line_above_silences_the_next_line_only():
    text = BAD.replace(
        IMPACT, "      # charte-lint: ignore[headcount-reduction] -- HR-7\n" + IMPACT
    )
    assert brief(lint(text)) == [("WRK001", 28, 15, True)]
    two_above = BAD.replace("    work:\n", "    # charte-lint: ignore[WRK001] -- HR-7\n    work:\n")
    assert brief(lint(two_above)) == [
        ("CL902", 26, 5, False),
        ("WRK001", 28, 15, False),
    ]


def test_codes_are_case_insensitive_and_lists_are_comma_separated():
    text = BAD.replace(IMPACT, IMPACT + " # charte-lint: ignore[wrk001, SEC001] -- HR-7")
    findings = lint(text)
    assert brief(findings) == [("WRK001", 27, 15, True), ("CL902", 27, 35, False)]
    assert findings[1].message == (
        "`SEC001` in `# charte-lint: ignore[...]` silences nothing: remove it"
    )
    assert (findings[1].end_line, findings[1].end_column) == (27, 80)
    assert findings[1].severity == "warning"


def test_a_suppression_without_a_reason_silences_nothing_and_is_an_error():
    for comment in ("# charte-lint: ignore[WRK001]", "# charte-lint: ignore[WRK001] --  "):
        findings = lint(BAD.replace(IMPACT, f"{IMPACT}  {comment}"))
        assert brief(findings) == [("WRK001", 27, 15, False), ("CL901", 27, 36, False)]
        assert findings[1].severity == "error"
        assert findings[1].message == (
            "`# charte-lint: ignore[WRK001]` gives no reason: add ` -- ` and why the finding "
            "does not apply; until then it silences nothing"
        )


def test_messages_about_suppressions_are_in_french_too():
    text = BAD.replace(IMPACT, f"{IMPACT}  # charte-lint: ignore[WRK001]")
    findings = lint_source(text, linter=Linter(lang="fr", today=TODAY))
    assert findings[1].message == (
        "`# charte-lint: ignore[WRK001]` ne donne pas de raison : ajouter ` -- ` et pourquoi le "
        "constat ne s'applique pas ; d'ici là, il ne fait rien taire"
    )


def test_suppressions_cannot_silence_the_findings_about_suppressions():
    text = BAD.replace(IMPACT, f"{IMPACT}  # charte-lint: ignore[WRK001]").replace(
        "    work:\n", "    # charte-lint: disable[CL901, CL902] -- no\n    work:\n"
    )
    assert brief(lint(text)) == [
        ("CL902", 26, 5, False),
        ("CL902", 26, 5, False),
        ("WRK001", 28, 15, False),
        ("CL901", 28, 36, False),
    ]


def test_a_block_silences_down_to_its_enable():
    text = (
        BAD.replace("2026-10-01", "2020-10-01")
        .replace(
            "    work:\n",
            "    # charte-lint: disable[WRK001, SEC001] -- migration, PRJ-9\n    work:\n",
        )
        .replace("    review:\n", "    # charte-lint: enable[SEC001]\n    review:\n")
    )
    assert brief(lint(text)) == [
        ("CL902", 26, 5, False),  # SEC001 is enabled again before the review date
        ("WRK001", 28, 15, True),
        ("SEC001", 31, 13, False),
    ]
    closed = BAD.replace(
        "version: 1\n",
        "# charte-lint: disable[WRK001] -- x\n# charte-lint: enable[wrk001]\nversion: 1\n",
    )
    assert brief(lint(closed)) == [("CL902", 1, 1, False), ("WRK001", 29, 15, False)]
    unclosed = BAD.replace("version: 1\n", "version: 1\n# charte-lint: disable[WRK001] -- PRJ-9\n")
    assert brief(lint(unclosed)) == [("WRK001", 28, 15, True)]


def test_only_real_comments_count():
    quoted = BAD.replace(
        "    name: Code completion in the IDE",
        '    name: "Code # charte-lint: ignore[WRK001] -- x"',
    )
    assert brief(lint(quoted)) == [("WRK001", 27, 15, False)]
    assert parse("a: b#charte-lint: ignore[X001] -- r\n") == []  # `#` inside a value
    block = BAD.replace(
        "      does: Suggests code completions inside the editor.",
        "      does: |\n        # charte-lint: disable[WRK001] -- inside text\n        Suggests.",
    )
    assert brief(lint(block)) == [("WRK001", 29, 15, False)]
    after_quoted = BAD.replace(
        "    name: Code completion in the IDE",
        '    name: "Code # no\n      completion # no"  # charte-lint: disable[WRK001] -- yes',
    )
    assert brief(lint(after_quoted)) == [("WRK001", 28, 15, True)]
    after_block = BAD.replace(
        "      does: Suggests code completions inside the editor.\n",
        "      does: >-\n        Suggests.\n      # charte-lint: disable[WRK001] -- after it\n",
    )
    assert brief(lint(after_block)) == [("WRK001", 29, 15, True)]
    single = BAD.replace(
        "    name: Code completion in the IDE",
        "    name: 'it''s # charte-lint: disable[WRK001] -- x'",
    )
    assert brief(lint(single)) == [("WRK001", 27, 15, False)]


def test_parse_finds_directives_and_their_lines():
    text = (
        "a: 1  # charte-lint: ignore[X001] -- r\n"
        "# charte-lint: ignore[X002]\n"
        "b: '#' # charte-lint: disable[X003, name-x] -- block\n"
        "c: 2\n"
        "# charte-lint: enable[X003]\n"
    )
    found = [(d.kind, d.rules, d.reason, d.line, d.column, d.first, d.last) for d in parse(text)]
    assert found == [
        ("ignore", ["X001"], "r", 1, 7, 1, 1),
        ("ignore", ["X002"], "", 2, 1, 3, 3),
        ("disable", ["X003", "name-x"], "block", 3, 8, 3, 5),
    ]
    assert parse("a: 1  # charte-lint is great\n") == []
    assert parse("a: 1\n") == []


def test_unused_suppressions_of_rules_not_run_are_not_reported():
    text = BAD.replace(IMPACT, IMPACT + "  # charte-lint: ignore[WRK001, SEC001] -- HR-7")
    assert brief(lint(text, ignore=["WRK"])) == [("CL902", 27, 36, False)]
    assert brief(lint(text, ignore=["WRK", "SEC"])) == []
    assert brief(lint(text, ignore=["CL902"])) == [("WRK001", 27, 15, True)]


def test_unknown_rules_in_a_suppression_are_unused():
    text = SMALLEST.replace("version: 1\n", "version: 1  # charte-lint: ignore[NOPE999] -- x\n")
    findings = lint(text)
    assert brief(findings) == [("CL902", 1, 13, False)]
    assert findings[0].message.startswith("`NOPE999` in")


def test_the_cli_hides_suppressed_findings_counts_them_and_exits_zero(tmp_path):
    text = BAD.replace(IMPACT, IMPACT + "  # charte-lint: ignore[WRK001] -- reorganisation, HR-7")
    (tmp_path / "ai-usage.yaml").write_text(text, encoding="utf-8")
    result = invoke("ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "No findings in 1 file.\n"
        "1 suppressed by a comment or a waiver (--no-suppressions shows it)\n"
    )
    document = invoke("--format", "json", "ai-usage.yaml", cwd=tmp_path).json()
    assert document["summary"] == {"error": 0, "warning": 0, "info": 0, "files": 1}
    assert document["findings"][0]["suppression"] == {
        "kind": "inSource",
        "justification": "reorganisation, HR-7",
        "approved_by": None,
        "until": None,
    }


def test_no_suppressions_shows_everything_for_an_audit(tmp_path):
    text = BAD.replace(IMPACT, IMPACT + "  # charte-lint: ignore[WRK001, SEC001] -- HR-7")
    (tmp_path / "ai-usage.yaml").write_text(text, encoding="utf-8")
    result = invoke("--no-suppressions", "-q", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert (
        result.out
        == f"ai-usage.yaml:27:15: WRK001 [error] {WRK001_MESSAGE} (headcount-reduction)\n"
    )


def test_files_without_directives_do_not_load_the_suppression_parser(tmp_path):
    manifest = tmp_path / "ai-usage.yaml"
    manifest.write_text(SMALLEST, encoding="utf-8")
    probe = (
        "import sys\n"
        "from charte_lint import cli\n"
        f"sys.argv = ['charte-lint', {str(manifest)!r}]\n"
        "try:\n    cli.main()\nexcept SystemExit as done:\n    code = done.code\n"
        "loaded = [m for m in ('charte_lint.suppressions', 'charte_lint.baseline', "
        "'charte_lint.reporters.sarif', 'hashlib') if m in sys.modules]\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=clean_env(), check=False
    )
    assert done.stderr == "0 []\n"


def test_a_file_that_cannot_be_read_reports_no_unused_suppression():
    text = BAD.replace(IMPACT, IMPACT + "  # charte-lint: ignore[WRK001] -- HR-7") + "  bad: [\n"
    assert [f.code for f in lint(text)] == ["CL001"]
    unreasoned = "version: 1  # charte-lint: ignore[CL102]\nuses: [\n"
    assert [f.code for f in lint(unreasoned)] == ["CL901", "CL001"]


def test_malformed_directives_are_not_directives():
    text = (
        "a: 'open # charte-lint: ignore[X001] -- r\n"
        "# charte-lint: ignore[X002 -- unterminated\n"
        "# charte-lint: skip[X003] -- unknown verb\n"
        "# charte-lint:ignore[X004]--tight\n"
        '"q\\"#": 1 # charte-lint: ignore[] -- nothing named\n'
    )
    found = [(d.kind, d.rules, d.reason, d.line) for d in parse(text)]
    assert found == [("ignore", ["X004"], "tight", 4), ("ignore", [], "nothing named", 5)]
