"""The engine's shape: values in, values out.

Linting a file returns a FileResult; the project phase takes them all; findings are immutable;
one `run(Options) -> RunResult`; no import cycle; a rule that crashes is one CL000 finding; one
finding identity; one JSON-pointer module.
"""

from __future__ import annotations

import ast
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SMALLEST, TODAY, clean_env, invoke, run_cli
from test_registry import PACK, install_pack

from charte_lint import pointer
from charte_lint.api import Finding, Rule, get
from charte_lint.config import DEFAULT
from charte_lint.engine import FileResult, Linter, lint_file
from charte_lint.identity import digests, finding_identity, identity, value_fingerprint
from charte_lint.registry import load_rules
from charte_lint.run import Options, RunResult, UsageError, run

HEADCOUNT = SMALLEST.replace("impact: none", "impact: headcount_reduction")
OPENAI_USE = SMALLEST.replace("name: GitHub Copilot Business", "name: OpenAI API").replace(
    "approved: copilot-business", "vendor: OpenAI"
)
CHAT = "from openai import OpenAI\n\nclient = OpenAI()\n"
RULES = load_rules()


def _crashing_check(ctx):
    for pointer_, use in ctx.uses():
        if get(use, "tool.name"):
            raise ValueError(f"cannot read {pointer_}")
        yield ctx.finding(pointer_)  # pragma: no cover - never reached


def _rule(check, scope: str = "manifest") -> Rule:
    # it crashes before it makes a finding: its content folder is never read
    return Rule(
        code="ACME900",
        name="always-crashes",
        principle="data",
        severity="warning",
        check=check,
        scope=scope,
        content=str(REPO / "tests" / "no-such-content"),
    )


CRASHING = _rule(_crashing_check)
CRASH_MESSAGE = (
    "rule `ACME900` (always-crashes) failed on this file: ValueError: cannot read /uses/0"
)


def _linter(**options) -> Linter:
    return Linter(rules=options.pop("rules", RULES), today=TODAY, **options)


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# 1. Linting one file returns a value ------------------------------------------------------


def test_linting_a_file_returns_its_findings_uses_and_fingerprints():

    settings = _linter(fingerprints=True)
    result = lint_file("team/ai-usage.yaml", HEADCOUNT.encode(), DEFAULT, settings)
    assert isinstance(result, FileResult)
    assert [(f.code, f.line, f.column, f.use) for f in result.findings] == [
        ("WRK001", 27, 15, "code-assistant")
    ]
    expected = value_fingerprint({"impact": "headcount_reduction"}, "/impact")
    assert result.fingerprints == {"/uses/0/work/impact": expected}
    assert result.declared_uses == ()  # no detection: nothing to cross-check
    assert not hasattr(settings, "declarations")
    assert settings.fingerprints is True  # a setting, never a collector


def test_declared_uses_come_back_with_the_file_when_detection_found_evidence(tmp_path):
    from charte_lint.repository import scan

    _write(tmp_path, {"chat.py": CHAT})
    repository = scan([str(tmp_path)], [])
    settings = _linter(repository=repository)
    result = lint_file(str(tmp_path / "ai-usage.yaml"), OPENAI_USE.encode(), DEFAULT, settings)
    assert [(u.id, u.tool, u.pointer) for u in result.declared_uses] == [
        ("code-assistant", "OpenAI API", "/uses/0")
    ]
    assert repository.uses == []  # linting declares nothing into the shared repository


def test_file_results_travel_through_pickle_as_forked_workers_send_them():
    settings = _linter(fingerprints=True)
    result = lint_file("ai-usage.yaml", HEADCOUNT.encode(), DEFAULT, settings)
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.path == result.path and again.error is None
    assert [
        (f.as_dict(), f.suppression, f.fingerprint, f.source_line, f.on_key) for f in again.findings
    ] == [
        (f.as_dict(), f.suppression, f.fingerprint, f.source_line, f.on_key)
        for f in result.findings
    ]


def test_forked_workers_return_file_results_equal_to_a_serial_run(tmp_path, monkeypatch):
    from charte_lint import runner

    paths = []
    for index in range(40):
        text = HEADCOUNT if index % 4 == 0 else SMALLEST
        _write(tmp_path, {f"t{index:02}/ai-usage.yaml": text})
        paths.append(str(tmp_path / f"t{index:02}" / "ai-usage.yaml"))
    jobs = [(path, DEFAULT) for path in paths]
    settings = _linter(fingerprints=True)
    monkeypatch.setattr(runner, "_worker_count", lambda jobs: 2)
    forked = runner.lint_files(settings, jobs)
    serial = runner._serial(settings, jobs)
    assert [r.path for r in forked] == paths
    assert [[f.as_dict() for f in r.findings] for r in forked] == [
        [f.as_dict() for f in r.findings] for r in serial
    ]
    assert [r.fingerprints for r in forked] == [r.fingerprints for r in serial]


# 2. The project phase ---------------------------------------------------------------------


def test_the_project_phase_takes_the_file_results_and_leaves_detection_untouched(tmp_path):
    from charte_lint.repository import repository_findings, scan

    _write(tmp_path, {"a/chat.py": CHAT, "b/chat.py": CHAT})
    repository = scan([str(tmp_path)], [])
    settings = _linter(repository=repository)
    declared = lint_file(
        str(tmp_path / "a" / "ai-usage.yaml"), OPENAI_USE.encode(), DEFAULT, settings
    )
    findings = repository_findings([declared], repository, settings, DEFAULT)
    assert {(f.code, os.path.relpath(f.file, tmp_path), f.line) for f in findings} == {
        ("TRN008", "b/chat.py", 1),  # with line 3 as a related place
    }
    assert all(f.severity == "error" and f.source_line for f in findings)
    assert repository.uses == []
    none = repository_findings([], repository, settings, DEFAULT)
    assert len(none) == 2  # without the FileResult, nothing declares a/chat.py either


# 3. Findings are immutable ----------------------------------------------------------------


def test_a_finding_cannot_be_changed_only_copied():
    finding = Finding("WRK001", "headcount-reduction", "error", "/uses/0/work/impact", "m")
    with pytest.raises(AttributeError):
        finding.line = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        finding.suppression = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del finding.code
    placed = finding.placed("warning", "a.yaml", "u", (3, 5, 3, 9), "  impact: x", "f")
    assert (finding.severity, finding.file, finding.line, finding.use) == ("error", "", 0, None)
    assert (placed.severity, placed.file, placed.line, placed.column, placed.use) == (
        "warning",
        "a.yaml",
        3,
        5,
        "u",
    )
    assert (placed.end_line, placed.end_column, placed.source_line, placed.fingerprint) == (
        3,
        9,
        "  impact: x",
        "f",
    )
    silenced = placed.replace(suppression={"kind": "inSource"})
    assert placed.suppression is None and silenced.suppression == {"kind": "inSource"}
    assert silenced.as_dict() == placed.as_dict()
    assert type(silenced) is Finding and isinstance(silenced, Finding)


def test_the_json_shape_of_a_finding_is_unchanged():
    finding = Finding("WRK001", "n", "error", "/p", "m", "work", "P7", file="a", line=1, column=2)
    assert finding.as_dict() == {
        "file": "a",
        "line": 1,
        "column": 2,
        "end_line": 0,
        "end_column": 0,
        "code": "WRK001",
        "name": "n",
        "severity": "error",
        "principle": "work",
        "charter": "P7",
        "use": None,
        "pointer": "/p",
        "message": "m",
    }


def test_suppressed_and_waived_findings_are_new_findings():
    text = HEADCOUNT.replace(
        "impact: headcount_reduction",
        "impact: headcount_reduction  # charte-lint: ignore[WRK001] -- HR-7",
    )
    (finding,) = _linter().lint_bytes("ai-usage.yaml", text.encode(), DEFAULT)
    assert finding.suppression == {
        "kind": "inSource",
        "justification": "HR-7",
        "approved_by": None,
        "until": None,
    }


# 4. One run: options in, RunResult out ----------------------------------------------------


def test_run_returns_a_value_and_prints_nothing(tmp_path, monkeypatch, capsys):
    _write(tmp_path, {"a/ai-usage.yaml": HEADCOUNT, "b/ai-usage.yaml": SMALLEST})
    monkeypatch.chdir(tmp_path)
    result = run(Options(paths=["a", "b"], lang="en"))
    assert isinstance(result, RunResult)
    assert (result.exit_code, result.files, result.errors, result.notes) == (
        1,
        ["a/ai-usage.yaml", "b/ai-usage.yaml"],
        [],
        [],
    )
    assert [(f.code, f.file) for f in result.findings] == [("WRK001", "a/ai-usage.yaml")]
    assert result.findings[0].fingerprint is None  # no baseline, SARIF or GitLab: not needed
    assert capsys.readouterr() == ("", "")
    info = run(Options(paths=["a"], lang="en", fail_on="error", ignore=["WRK001"]))
    assert (info.exit_code, info.findings) == (0, [])


def test_run_computes_baseline_entries_and_the_exit_code_for_them(tmp_path, monkeypatch):
    _write(tmp_path, {"ai-usage.yaml": HEADCOUNT})
    monkeypatch.chdir(tmp_path)
    written = run(Options(paths=["ai-usage.yaml"], write_baseline="b.json", lang="en"))
    assert written.exit_code == 0
    assert written.baseline_entries == [
        {
            "file": "ai-usage.yaml",
            "code": "WRK001",
            "use": "code-assistant",
            "pointer": "/uses/0/work/impact",
            "fingerprint": value_fingerprint("headcount_reduction", ""),
        }
    ]
    assert not (tmp_path / "b.json").exists()  # the command line writes it
    with pytest.raises(UsageError):
        run(Options(paths=["x"], baseline="b.json", write_baseline="b.json", lang="en"))


def test_run_reports_stale_entries_as_notes(tmp_path, monkeypatch):
    _write(tmp_path, {"ai-usage.yaml": SMALLEST})
    entry = {
        "file": "ai-usage.yaml",
        "code": "WRK001",
        "use": "code-assistant",
        "pointer": "/uses/0/work/impact",
        "fingerprint": "0",
    }
    document = {"version": 1, "tool": "charte-lint", "entries": [entry]}
    (tmp_path / "b.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(Options(paths=["ai-usage.yaml"], baseline="b.json", lang="en"))
    assert (result.exit_code, result.stale) == (0, [entry])
    assert result.notes == [
        "charte-lint: 0 findings matched the baseline b.json",
        "charte-lint: baseline entry no longer matches: ai-usage.yaml WRK001 "
        "/uses/0/work/impact (use code-assistant)",
        "charte-lint: baseline entries that no longer match: 1; run --write-baseline b.json "
        "to shrink the baseline",
    ]


def test_the_cli_prints_what_run_returns(tmp_path):
    _write(tmp_path, {"ai-usage.yaml": HEADCOUNT})
    result = invoke("-q", "ai-usage.yaml", cwd=tmp_path)
    assert (result.code, result.err) == (1, "")
    assert result.out.startswith("ai-usage.yaml:27:15: WRK001 [error]")


# 5. No import cycle -----------------------------------------------------------------------


def _module_imports() -> dict[str, set[str]]:
    """Every charte_lint module and the charte_lint modules it imports, at any level of the
    code (function-level and TYPE_CHECKING imports included)."""
    roots = {"charte_lint": REPO / "charte_lint", "charte_lint.rules": REPO / "rules"}
    files: dict[str, Path] = {}
    for package, directory in roots.items():
        for path in directory.rglob("*.py"):
            parts = path.relative_to(directory).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            files[".".join((package, *parts))] = path
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                names = [base] + [f"{base}.{alias.name}" for alias in node.names]
            found.update(name for name in names if name in files and name != module)
        graph[module] = found
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                return [*stack[stack.index(imported) :], imported]
            if imported not in state:
                found = visit(imported)
                if found:
                    return found
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_no_module_imports_itself_through_others():
    graph = _module_imports()
    assert "charte_lint.engine" in graph and "charte_lint.rules.data" in graph
    assert "charte_lint.engine" not in graph["charte_lint.config"]
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize(
    "module", ["charte_lint.config", "charte_lint.schema", "charte_lint.engine", "charte_lint.run"]
)
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")


# 6. A rule that crashes is one finding ----------------------------------------------------


def test_a_crashing_rule_is_one_cl000_finding_and_the_other_rules_still_run():
    settings = _linter(rules=[*RULES, CRASHING])
    findings = settings.lint_bytes("ai-usage.yaml", HEADCOUNT.encode(), DEFAULT)
    assert [(f.code, f.name, f.severity, f.line, f.column, f.pointer) for f in findings] == [
        ("CL000", "rule-crash", "error", 1, 1, ""),
        ("WRK001", "headcount-reduction", "error", 27, 15, "/uses/0/work/impact"),
    ]
    assert findings[0].message == CRASH_MESSAGE
    french = _linter(rules=[*RULES, CRASHING], lang="fr")
    (crash,) = french.lint_bytes("ai-usage.yaml", SMALLEST.encode(), DEFAULT)
    assert crash.message == (
        "la règle `ACME900` (always-crashes) a échoué sur ce fichier : "
        "ValueError: cannot read /uses/0"
    )


def test_a_crash_cannot_be_deselected_suppressed_or_waived():
    settings = _linter(rules=[*RULES, CRASHING], ignore=["CL000", "CL9"])
    text = "# charte-lint: disable[CL000, ACME900] -- no\n" + HEADCOUNT
    findings = settings.lint_bytes("ai-usage.yaml", text.encode(), DEFAULT)
    assert [(f.code, f.suppression is None) for f in findings] == [
        ("CL000", True),
        ("WRK001", True),
    ]


def test_a_crash_in_forked_workers_is_one_finding_per_file(tmp_path, monkeypatch):
    from charte_lint import registry

    for index in range(40):
        _write(tmp_path, {f"t{index:02}/ai-usage.yaml": HEADCOUNT if index == 3 else SMALLEST})
    monkeypatch.setattr(registry, "load_rules", lambda: [*RULES, CRASHING])
    monkeypatch.chdir(tmp_path)
    result = run(Options(paths=["."], lang="en", detect=False))
    assert result.exit_code == 1
    assert len(result.files) == 40
    crashes = [f for f in result.findings if f.code == "CL000"]
    assert [f.file for f in crashes] == result.files
    assert {f.message for f in crashes} == {CRASH_MESSAGE}
    assert [(f.code, f.file) for f in result.findings if f.code != "CL000"] == [
        ("WRK001", "t03/ai-usage.yaml")
    ]


def test_a_crashing_repository_rule_is_one_finding_at_the_directory(tmp_path, monkeypatch):
    from charte_lint import registry

    def crash(ctx):
        raise RuntimeError("no evidence index")

    _write(tmp_path, {"ai-usage.yaml": OPENAI_USE, "chat.py": CHAT})
    monkeypatch.setattr(registry, "load_rules", lambda: [*RULES, _rule(crash, "repository")])
    monkeypatch.chdir(tmp_path)
    result = run(Options(paths=["."], lang="en"))
    assert [(f.code, f.file, f.line, f.message) for f in result.findings] == [
        (
            "CL000",
            ".",
            1,
            "rule `ACME900` (always-crashes) failed on this file: RuntimeError: no evidence index",
        )
    ]
    assert result.exit_code == 1


def test_a_crashing_third_party_rule_through_the_cli_in_workers(tmp_path):
    crashing = PACK.replace('get(use, "tool.hosting") is None', "1 / 0")
    env = install_pack(tmp_path / "site", module=crashing)
    for index in range(40):
        _write(tmp_path, {f"t{index:02}/ai-usage.yaml": SMALLEST})
    result = run_cli("--format", "json", ".", cwd=tmp_path, env=env)
    assert (result.code, result.err) == (1, "")
    findings = result.json()["findings"]
    assert len(findings) == 40
    assert {(f["code"], f["name"], f["severity"], f["line"], f["message"]) for f in findings} == {
        (
            "CL000",
            "rule-crash",
            "error",
            1,
            "rule `ACME001` (hosting-undeclared) failed on this file: ZeroDivisionError: "
            "division by zero",
        )
    }


# 7. One finding identity ------------------------------------------------------------------


def _placed(use_index: int, fingerprint: str = "f", file: str = "./a.yaml") -> Finding:
    return Finding(
        "WRK001",
        "headcount-reduction",
        "error",
        f"/uses/{use_index}/work/impact",
        "m",
        file=file,
        use="chatbot",
        fingerprint=fingerprint,
    )


def test_the_identity_is_file_code_use_pointer_within_the_use_and_value():
    assert finding_identity(_placed(0)) == ("./a.yaml", "WRK001", "chatbot", "/work/impact", "f")
    assert finding_identity(_placed(0)) == finding_identity(_placed(5))  # uses reordered
    assert finding_identity(_placed(0), "a.yaml")[0] == "a.yaml"
    assert identity("a", "C", None, "/uses/1/x", "f") == ("a", "C", "", "/uses/1/x", "f")
    assert identity("a", "C", "u", "/uses/1", "f") == ("a", "C", "u", "", "f")


def test_baseline_gitlab_and_sarif_share_the_identity():
    from charte_lint.baseline import _key, entry_for
    from charte_lint.reporters import Report
    from charte_lint.reporters.gitlab import render as gitlab
    from charte_lint.reporters.sarif import render as sarif

    findings = [_placed(0), _placed(3), _placed(1, "g")]
    entry = entry_for(findings[0], "b.json")  # files relative to the baseline's directory
    assert _key(entry) == finding_identity(findings[1], "a.yaml")
    report = Report(findings, ["a.yaml"], "en", "0")
    issues = json.loads(gitlab(report))
    results = json.loads(sarif(report))["runs"][0]["results"]
    expected = digests(findings)
    assert [issue["fingerprint"] for issue in issues] == [d[:32] for d in expected]
    assert [r["partialFingerprints"] for r in results] == [
        {"charteLintIdentity/v1": d} for d in expected
    ]
    assert len(set(expected)) == 3  # the same identity twice: told apart by occurrence
    assert expected[2] != digests([_placed(1, "h")])[0]  # another value, another finding


def test_sarif_and_gitlab_from_the_cli_carry_value_fingerprints(tmp_path):
    _write(tmp_path, {"ai-usage.yaml": HEADCOUNT})
    first = invoke("--format", "sarif", "ai-usage.yaml", cwd=tmp_path).json()
    changed = HEADCOUNT.replace("    review:", "    # a comment\n    review:")
    (tmp_path / "ai-usage.yaml").write_text("# moved\n" + changed, encoding="utf-8")
    second = invoke("--format", "sarif", "ai-usage.yaml", cwd=tmp_path).json()
    prints = [
        [r["partialFingerprints"] for r in doc["runs"][0]["results"]] for doc in (first, second)
    ]
    assert prints[0] == prints[1] and len(prints[0]) == 1
    gitlab = invoke("--format", "gitlab", "ai-usage.yaml", cwd=tmp_path).json()
    assert gitlab[0]["fingerprint"] == prints[0][0]["charteLintIdentity/v1"][:32]


# 8. One JSON-pointer module ---------------------------------------------------------------


def test_pointers_escape_split_join_and_find_their_use():
    assert pointer.escape("a/b~c") == "a~1b~0c"
    assert pointer.unescape("a~1b~0c") == "a/b~c"
    assert pointer.unescape("~01") == "~1"  # ~0 is undone last
    assert pointer.split("/a~1b/0/~0") == ["a/b", "0", "~"]
    assert pointer.split("") == []
    assert pointer.join(["a/b", 0, "~"]) == "/a~1b/0/~0"
    assert pointer.join(pointer.split("/x~1y/3")) == "/x~1y/3"
    assert pointer.parent("/uses/0/tool") == "/uses/0"
    assert pointer.parent("/uses") == "" and pointer.parent("") == ""
    assert pointer.first("/tool~1x/y") == "tool/x" and pointer.first("") == ""
    assert pointer.use_index("/uses/12/tool") == 12
    assert pointer.use_index("/uses/x/tool") is None and pointer.use_index("/tools/1") is None
    assert pointer.within_use("/uses/3/tool/name") == "/tool/name"
    assert pointer.within_use("/uses/3") == "" and pointer.within_use("/version") == "/version"
    data = {"uses": [{"a/b": [1, 2]}], "x": None}
    assert pointer.resolve(data, "/uses/0/a~1b/1") == 2
    assert pointer.resolve(data, "/x", "missing") is None
    assert pointer.resolve(data, "/uses/4", "missing") == "missing"
    assert pointer.resolve(data, "/uses/0/a~1b/z", "missing") == "missing"
    assert pointer.resolve(data, "") is data


def test_no_module_splits_or_escapes_pointers_by_hand():
    checked = [p for p in (REPO / "charte_lint").rglob("*.py") if p.name != "pointer.py"]
    for path in checked:
        text = path.read_text(encoding="utf-8")
        for needle in ('"~1"', '"~0"', 'split("/", 3)', '.split("/")[1:]', '.split("/")[2]'):
            assert needle not in text, (path.name, needle)
