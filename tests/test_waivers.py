"""Waivers (`waivers[]`): accountable, time-limited exceptions, and the findings about them."""

from __future__ import annotations

from conftest import SMALLEST, TODAY, invoke

from charte_lint.engine import Linter, lint_source

BAD = SMALLEST.replace("      impact: none", "      impact: headcount_reduction")  # WRK001 27:15


def waiver(rule: str = "WRK001", use: str = "code-assistant", until: str = "2026-12-31") -> str:
    return (
        "waivers:\n"
        f"  - rule: {rule}\n"
        f"    use: {use!r}\n"
        "    reason: Reorganisation agreed with staff representatives, HR-7\n"
        "    approved_by: Head of HR\n"
        f"    until: {until}\n"
    )


def lint(text: str, lang: str = "en", **options: object) -> list:
    linter = Linter(lang=lang, today=TODAY, **options)  # type: ignore[arg-type]
    return lint_source(text, linter=linter)


def brief(findings: list) -> list[tuple[str, int, int, bool]]:
    return [(f.code, f.line, f.column, f.suppression is not None) for f in findings]


def test_a_waiver_silences_its_rule_for_its_use_with_approver_and_date():
    (finding,) = lint(BAD + waiver())
    assert (finding.code, finding.line, finding.column, finding.use) == (
        "WRK001",
        27,
        15,
        "code-assistant",
    )
    assert finding.suppression == {
        "kind": "external",
        "justification": "Reorganisation agreed with staff representatives, HR-7",
        "approved_by": "Head of HR",
        "until": "2026-12-31",
    }


def test_a_waiver_names_its_rule_by_code_or_name_and_its_use_or_star():
    assert brief(lint(BAD + waiver(rule="headcount-reduction"))) == [("WRK001", 27, 15, True)]
    assert brief(lint(BAD + waiver(use="*"))) == [("WRK001", 27, 15, True)]


def test_a_waiver_holds_through_its_last_day():
    assert brief(lint(BAD + waiver(until=TODAY.isoformat()))) == [("WRK001", 27, 15, True)]


def test_an_expired_waiver_silences_nothing_and_is_reported():
    findings = lint(BAD + waiver(until="2026-11-28"))
    assert brief(findings) == [("WRK001", 27, 15, False), ("CL201", 35, 12, False)]
    expired = findings[1]
    assert (expired.severity, expired.pointer, expired.end_column) == (
        "warning",
        "/waivers/0/until",
        22,
    )
    assert expired.message == (
        "the waiver of `WRK001` for `code-assistant` (approved by Head of HR) ended on "
        "2026-11-28: fix what it covered, or renew it with a new approval and date"
    )
    french = lint(BAD + waiver(until="2026-11-28"), lang="fr")[1]
    assert french.message == (
        "la dérogation à `WRK001` pour `code-assistant` (approuvée par Head of HR) a pris fin le "
        "2026-11-28 : corriger ce qu'elle couvrait, ou la renouveler avec une nouvelle "
        "approbation et une nouvelle date"
    )


def test_a_waiver_that_matches_nothing_is_reported():
    findings = lint(BAD + waiver(use="chatbot"))
    assert brief(findings) == [("WRK001", 27, 15, False), ("CL202", 31, 11, False)]
    assert findings[1].pointer == "/waivers/0/rule"
    assert findings[1].message == (
        "the waiver of `WRK001` for `chatbot` silences nothing: remove it"
    )
    assert brief(lint(SMALLEST + waiver(rule="no-such-rule"))) == [("CL202", 31, 11, False)]


def test_waivers_of_rules_not_run_are_not_reported_as_unused():
    assert brief(lint(SMALLEST + waiver(), ignore=["WRK001"])) == []
    assert brief(lint(SMALLEST + waiver(), ignore=["CL202"])) == []


def test_no_suppressions_ignores_waivers(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(BAD + waiver(), encoding="utf-8")
    audited = invoke("--no-suppressions", "--format", "json", "ai-usage.yaml", cwd=tmp_path)
    assert audited.code == 1
    assert [(f["code"], f["suppression"]) for f in audited.json()["findings"]] == [("WRK001", None)]
    normal = invoke("--format", "json", "ai-usage.yaml", cwd=tmp_path)
    assert normal.code == 0
    (finding,) = normal.json()["findings"]
    assert finding["suppression"] == {
        "kind": "external",
        "justification": "Reorganisation agreed with staff representatives, HR-7",
        "approved_by": "Head of HR",
        "until": "2026-12-31",
    }


def test_an_expired_waiver_fails_the_run_with_its_findings(tmp_path):
    (tmp_path / "ai-usage.yaml").write_text(BAD + waiver(until="2026-01-31"), encoding="utf-8")
    result = invoke("-q", "ai-usage.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.out.splitlines() == [
        "ai-usage.yaml:27:15: WRK001 [error] use `code-assistant` declares `work.impact: "
        "headcount_reduction`: the charter allows AI to relieve repetitive tasks, not to "
        "replace staff (headcount-reduction)",
        "ai-usage.yaml:35:12: CL201 [warning] the waiver of `WRK001` for `code-assistant` "
        "(approved by Head of HR) ended on 2026-01-31: fix what it covered, or renew it with a "
        "new approval and date (expired-waiver)",
    ]


def _code_waiver(rule: str = "TRN008", path: str | None = None) -> str:
    return (
        "waivers:\n"
        f"  - rule: {rule}\n"
        '    use: "*"\n'
        + (f"    path: {path}\n" if path else "")
        + "    reason: Prototype being declared by its team, LEGAL-7\n"
        "    approved_by: CTO\n"
        "    until: 2026-12-31\n"
    )


def _project(tmp_path, waivers: str) -> None:
    (tmp_path / "ai-usage.yaml").write_text(SMALLEST + waivers, encoding="utf-8")
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "package.json").write_text(
        '{\n  "dependencies": {\n    "@anthropic-ai/sdk": "^0.39.0"\n  }\n}\n', encoding="utf-8"
    )
    (tmp_path / "app.py").write_text("import anthropic\n", encoding="utf-8")


TRN008_APP = (
    "app.py:1:1: TRN008 [error] undeclared AI use: Anthropic (import `import anthropic`); no use "
    "of the `ai-usage.yaml` covering this file names it (undeclared-ai-use)"
)


def test_a_waiver_for_every_use_covers_findings_in_code_under_the_manifest(tmp_path):
    _project(tmp_path, _code_waiver())
    result = invoke("-q", ".", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")
    document = invoke("--format", "json", ".", cwd=tmp_path).json()
    assert [(f["file"], f["code"], f["suppression"]) for f in document["findings"]] == [
        (
            path,
            "TRN008",
            {
                "kind": "external",
                "justification": "Prototype being declared by its team, LEGAL-7",
                "approved_by": "CTO",
                "until": "2026-12-31",
            },
        )
        for path in ("app.py", "web/package.json")
    ]


def test_a_waiver_with_a_path_covers_only_the_files_it_matches(tmp_path):
    _project(tmp_path, _code_waiver(path="web/"))
    result = invoke("-q", ".", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (1, TRN008_APP + "\n", "")
    (tmp_path / "app.py").unlink()
    assert invoke("-q", ".", cwd=tmp_path).code == 0


def test_a_code_waiver_that_covers_nothing_is_reported_only_when_code_was_checked(tmp_path):
    _project(tmp_path, _code_waiver(rule="undeclared-ai-use", path="legacy/**"))
    result = invoke("-q", ".", cwd=tmp_path)
    assert result.code == 1
    assert result.out.splitlines() == [
        "ai-usage.yaml:31:11: CL202 [warning] the waiver of `undeclared-ai-use` for `*` silences "
        "nothing: remove it (unused-waiver)",
        TRN008_APP,
        "web/package.json:3:6: TRN008 [error] undeclared AI use: Anthropic (dependency "
        "`@anthropic-ai/sdk`); no use of the `ai-usage.yaml` covering this file names it "
        "(undeclared-ai-use)",
    ]
    # the file alone (the pre-commit hook): no code was checked, so nothing is known unused
    alone = invoke("-q", "ai-usage.yaml", cwd=tmp_path)
    assert (alone.code, alone.out) == (0, "")
    # a manifest finding is not covered by a waiver with a path
    assert brief(lint(BAD + _code_waiver(rule="WRK001", path='"*.py"'))) == [
        ("WRK001", 27, 15, False)
    ]


def test_a_waiver_path_must_be_text():
    findings = lint(SMALLEST + _code_waiver(path="[web, app.py]"))
    assert [(f.code, f.message) for f in findings] == [
        ("CL103", "`waivers[0].path` must be text, not a list")
    ]


def test_the_commit_hook_applies_code_waivers_and_reports_none_unused(tmp_path):
    _project(tmp_path, _code_waiver(path="web/") + _code_waiver(path="legacy/").split("\n", 1)[1])
    # the commit's files: the manifest and web/package.json, not app.py nor legacy/
    result = invoke("--changed", "-q", "ai-usage.yaml", "web/package.json", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")
    code_only = invoke("--changed", "-q", "app.py", cwd=tmp_path)
    assert (code_only.code, code_only.out) == (1, TRN008_APP + "\n")
