"""The CI integrations: the GitHub Action (action.yml), the GitLab CI template (docs/ci/), and the
README's copy-paste snippets for them and for pre-commit.

The Action's shell steps are run as the GitHub runner runs them (`bash --noprofile --norc -eo
pipefail`, the step's `env:` with its expressions evaluated, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
files), the install step included; the steps that `uses:` another action are checked, not run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SCRIPT, SMALLEST, clean_env, invoke, run_process, working_tree_files

BASH_STEP = ("bash", "--noprofile", "--norc", "-eo", "pipefail")
"""How a runner runs a step's `run:` script."""

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
STEP = {step["id"]: step for step in STEPS if "id" in step}
GITLAB = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
ORG_WORKFLOW = yaml.safe_load(
    (REPO / "docs" / "ci" / "github-register.yml").read_text(encoding="utf-8")
)
README = (REPO / "README.md").read_text(encoding="utf-8")
FAULTY = SMALLEST.replace("impact: none", "impact: headcount_reduction")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _help() -> str:
    result = invoke("--help")
    assert result.code == 0, result.err
    return result.out


def _options(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))


# --------------------------------------------------------------------------- action.yml: shape


def test_action_metadata():
    assert ACTION["name"] == "charte-lint"
    assert ACTION["description"] and ACTION["branding"]
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert isinstance(spec.get("default"), str), name
    assert set(ACTION["inputs"]) >= {
        "version",
        "paths",
        "args",
        "fail-on",
        "sarif",
        "python-version",
    }
    assert ACTION["inputs"]["paths"]["default"] == "."
    assert ACTION["inputs"]["sarif"]["default"] == "true"
    assert ACTION["inputs"]["fail-on"]["default"] == "error"
    for step in STEPS:
        assert step.get("name"), step
        assert ("run" in step) != ("uses" in step), step["name"]
        if "run" in step:
            assert step["shell"] == "bash", step["name"]


def test_every_input_is_used_and_every_reference_exists():
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    expressions = EXPRESSION.findall(text) + [s["if"] for s in STEPS if "if" in s]
    used_inputs = {m for e in expressions for m in re.findall(r"inputs\.([\w-]+)", e)}
    assert used_inputs == set(ACTION["inputs"])
    for expression in expressions:
        for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
            assert step_id in STEP, expression
            step = STEP[step_id]
            if "run" in step:
                assert f'echo "{output}=' in step["run"], expression
            else:
                assert (step["uses"].split("@")[0], output) == (
                    "actions/setup-python",
                    "python-path",
                ), expression
    for name, spec in ACTION["outputs"].items():
        assert EXPRESSION.fullmatch(spec["value"]), name


def test_run_scripts_take_inputs_from_the_environment_only():
    # ${{ }} inside a script is pasted in before bash reads it: a value with a quote would run.
    for step in STEPS:
        if "run" in step:
            assert "${{" not in step["run"], step["name"]
            for value in step.get("env", {}).values():
                assert EXPRESSION.fullmatch(value), value


def test_pinned_actions_and_guards():
    for step in STEPS:
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step["uses"]
    assert STEP["python"]["uses"] == "actions/setup-python@v6"
    upload = next(s for s in STEPS if s.get("uses", "").startswith("github/codeql-action/"))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"
    assert "!cancelled()" in upload["if"] and "inputs.sarif == 'true'" in upload["if"]
    assert upload["continue-on-error"] is True
    summary = next(s for s in STEPS if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert "!cancelled()" in summary["if"] and "inputs.summary == 'true'" in summary["if"]
    assert STEP["python"]["with"]["update-environment"] is False
    fragment = next(s for s in STEPS if s.get("uses", "").startswith("actions/upload-artifact"))
    assert fragment["uses"] == "actions/upload-artifact@v4"
    assert fragment["with"] == {
        "name": "charte-lint-register",
        "path": "${{ steps.register.outputs.register-file }}",
        "if-no-files-found": "ignore",
    }
    assert fragment["if"] == "${{ !cancelled() && steps.register.outputs.register-file != '' }}"
    # after the lint step, whatever its result: a failing lint still publishes the register
    assert STEPS.index(STEP["register"]) > STEPS.index(STEP["lint"])
    assert STEPS.index(fragment) > STEPS.index(STEP["register"])
    assert STEP["register"]["if"] == (
        "${{ !cancelled() && inputs.register == 'true' && steps.install.outputs.bin != '' }}"
    )
    assert ACTION["inputs"]["register"]["default"] == "false"
    assert ACTION["inputs"]["register-file"]["default"] == "charte-lint-register.json"


def test_register_step_uses_options_that_exist():
    help_text = _help()
    run = STEP["register"]["run"]
    assert '"$BIN/charte-lint" "${options[@]}" -- ' in run
    assert _options(run) == {"--register", "--config"}
    assert _options(run) <= _options(help_text)
    # the same paths and configuration as the lint step
    for name in ("PATHS", "CONFIG", "BIN"):
        assert STEP["register"]["env"][name] == STEP["lint"]["env"][name]


def test_lint_step_uses_options_that_exist():
    help_text = _help()
    run = STEP["lint"]["run"]
    assert '"$BIN/charte-lint"' in run
    assert _options(run) <= _options(help_text), _options(run) - _options(help_text)
    assert "--format github" in run
    assert re.search(r"--format \[[^\]]*\bgithub\b", help_text), "--format github is gone"


# --------------------------------------------------------------------------- action.yml: run


def _snapshot(dest: Path) -> Path:
    """This working tree as it is now (what `uses: owner/charte-lint@ref` would check out)."""
    for name in working_tree_files():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, dest / name)
    return dest


class Runner:
    """Runs the Action's shell steps the way the GitHub runner does."""

    def __init__(self, tmp: Path, action_path: Path) -> None:
        self.tmp, self.action_path = tmp, action_path
        self.outputs: dict[str, dict[str, str]] = {"python": {"python-path": sys.executable}}
        (tmp / "runner-temp").mkdir(exist_ok=True)
        self.summary = tmp / "step-summary.md"

    def value(self, expression: str, inputs: dict[str, str]) -> str:
        inner = EXPRESSION.fullmatch(expression).group(1)
        if m := re.fullmatch(r"inputs\.([\w-]+)", inner):
            return inputs.get(m.group(1), ACTION["inputs"][m.group(1)]["default"])
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", inner)
        assert m, f"the test runner cannot evaluate {expression}"
        return self.outputs.get(m.group(1), {}).get(m.group(2), "")

    def step(self, step: dict, workspace: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
        script = self.tmp / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        output = self.tmp / "github-output"
        output.write_text("", encoding="utf-8")
        env = clean_env(
            GITHUB_ACTIONS="true",
            CI="true",
            GITHUB_ACTION_PATH=str(self.action_path),
            GITHUB_WORKSPACE=str(workspace),
            GITHUB_OUTPUT=str(output),
            GITHUB_STEP_SUMMARY=str(self.summary),
            GITHUB_SERVER_URL="https://github.com",
            GITHUB_REPOSITORY="acme/handbook",
            GITHUB_SHA="0123abcd",
            RUNNER_TEMP=str(self.tmp / "runner-temp"),
        )
        env.update({k: self.value(v, inputs) for k, v in step.get("env", {}).items()})
        done = run_process(*BASH_STEP, str(script), cwd=workspace, env=env)
        lines = output.read_text(encoding="utf-8").splitlines()
        self.outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
        return done

    def lint(self, workspace: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], str]:
        """The lint step, then the summary step (which runs whatever the lint step's result)."""
        self.summary.write_text("", encoding="utf-8")
        done = self.step(STEP["lint"], workspace, **inputs)
        summary_step = next(s for s in STEPS if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
        summarised = self.step({**summary_step, "id": "summary"}, workspace, **inputs)
        assert summarised.returncode == 0, summarised.stderr
        return done, self.summary.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """A runner on which the install step has run (pip installs the action's own checkout)."""
    # the action's steps are bash, and it installs from a git working tree: both are needed here
    assert shutil.which("bash") is not None and (REPO / ".git").exists()
    tmp = tmp_path_factory.mktemp("action")
    runner = Runner(tmp, _snapshot(tmp_path_factory.mktemp("action-path")))
    done = runner.step(STEP["install"], tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    bin_dir = Path(runner.outputs["install"]["bin"])
    assert bin_dir.is_relative_to(tmp / "runner-temp")
    assert re.fullmatch(r"charte-lint \S+\n", done.stdout), done.stdout
    return runner


def _workspace(tmp_path: Path, manifest: str) -> Path:
    (tmp_path / "ws" / "team").mkdir(parents=True)
    (tmp_path / "ws" / "team" / "ai-usage.yaml").write_text(manifest, encoding="utf-8")
    return tmp_path / "ws"


def test_action_on_a_faulty_manifest(runner: Runner, tmp_path: Path):
    workspace = _workspace(tmp_path, FAULTY)
    done, summary = runner.lint(workspace)
    assert done.returncode == 1, done.stdout + done.stderr
    outputs = runner.outputs["lint"]
    assert outputs["exit-code"] == "1"
    annotation = next(line for line in done.stdout.splitlines() if line.startswith("::error "))
    assert "file=team/ai-usage.yaml" in annotation and "line=27" in annotation
    assert "WRK001" in annotation
    text = _text_report(done.stdout)
    assert any(line.startswith("team/ai-usage.yaml:27:15: WRK001 [error] ") for line in text)
    sarif = Path(outputs["sarif-file"])
    assert sarif == workspace / "charte-lint.sarif"
    report = json.loads(sarif.read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    assert "WRK001" in sarif.read_text(encoding="utf-8")
    assert "charte-lint failed (`--fail-on error`): 1 finding(s) in 1 file(s)" in summary
    assert "| error | 1 |" in summary and "| warning | 0 |" in summary
    link = "https://github.com/acme/handbook/blob/0123abcd/team/ai-usage.yaml#L27"
    row = next(line for line in summary.splitlines() if "WRK001" in line)
    assert row.startswith(f"| [team/ai-usage.yaml:27:15]({link}) | WRK001 | error | use `code-")


def _text_report(stdout: str) -> list[str]:
    """The text report the lint step prints in a log group, with workflow commands stopped."""
    lines = stdout.splitlines()
    start = lines.index("::group::charte-lint report")
    assert lines[start + 1].startswith("::stop-commands::")
    token = lines[start + 1].split("::")[2]
    assert len(token) > len("charte-lint-")
    end = lines.index(f"::{token}::")
    assert lines[end + 1] == "::endgroup::"
    return lines[start + 2 : end]


def test_action_log_cannot_be_driven_by_a_path(runner: Runner, tmp_path: Path):
    workspace = tmp_path / "ws"
    (workspace / "::error::pwned").mkdir(parents=True)
    (workspace / "::error::pwned" / "ai-usage.yaml").write_text(FAULTY, encoding="utf-8")
    done, _ = runner.lint(workspace, sarif="false", summary="false")
    assert done.returncode == 1, done.stdout + done.stderr
    text = _text_report(done.stdout)
    assert any(line.startswith("::error::pwned/ai-usage.yaml:27:15:") for line in text)
    outside = [line for line in done.stdout.splitlines() if line not in text]
    assert not any(line.startswith("::error::") for line in outside), outside
    assert any("file=%3A%3Aerror%3A%3Apwned/ai-usage.yaml" in line for line in outside)


def test_action_on_a_clean_manifest_with_options(runner: Runner, tmp_path: Path):
    workspace = _workspace(tmp_path, SMALLEST)
    done, summary = runner.lint(
        workspace,
        paths="team/ai-usage.yaml\n",
        args="--lang fr",
        sarif="false",
        **{"fail-on": "info"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert runner.outputs["lint"]["exit-code"] == "0"
    assert "sarif-file" not in runner.outputs["lint"]
    assert not (workspace / "charte-lint.sarif").exists()
    assert "charte-lint passed: 0 finding(s) in 1 file(s)" in summary


def test_action_summary_leaves_suppressed_findings_out(runner: Runner, tmp_path: Path):
    silenced = FAULTY.replace(
        "impact: headcount_reduction",
        "impact: headcount_reduction  # charte-lint: ignore[WRK001] -- test of the summary",
    )
    workspace = _workspace(tmp_path, silenced)
    done, summary = runner.lint(workspace, sarif="false")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "charte-lint passed: 0 finding(s) in 1 file(s)" in summary
    assert "1 more suppressed by a comment or a waiver." in summary
    assert "WRK001" not in summary


def test_action_fail_on_and_args_reach_charte_lint(runner: Runner, tmp_path: Path):
    workspace = _workspace(tmp_path, FAULTY)
    done, _ = runner.lint(workspace, args="--ignore WRK001", summary="false")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WRK001" not in done.stdout


def test_action_usage_error_keeps_exit_code_2(runner: Runner, tmp_path: Path):
    workspace = _workspace(tmp_path, SMALLEST)
    done, summary = runner.lint(workspace, paths="missing/")
    assert done.returncode == 2
    assert runner.outputs["lint"]["exit-code"] == "2"
    assert "No report (exit code 2)" in summary


def _git_workspace(tmp_path: Path, manifests: dict[str, str]) -> Path:
    """A checkout as actions/checkout leaves it: a git work tree at GITHUB_WORKSPACE."""
    workspace = tmp_path / "ws"
    for name, text in manifests.items():
        (workspace / name).parent.mkdir(parents=True, exist_ok=True)
        (workspace / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(workspace)], check=True, timeout=60)
    return workspace


def test_action_writes_the_register_fragment_after_a_failed_lint(runner: Runner, tmp_path: Path):
    workspace = _git_workspace(tmp_path, {"team/ai-usage.yaml": FAULTY})
    done, _ = runner.lint(workspace, sarif="false", register="true")
    assert done.returncode == 1  # the lint fails; the register step runs all the same
    written = runner.step(STEP["register"], workspace, register="true")
    assert written.returncode == 0, written.stdout + written.stderr
    path = workspace / "charte-lint-register.json"
    assert runner.outputs["register"] == {"register-file": str(path)}
    assert written.stderr == (
        f"charte-lint: register of 1 use from 1 repository written to {path} "
        "(0 conflicts, 0 stale fragments)\n"
    )
    fragment = json.loads(path.read_text(encoding="utf-8"))
    assert (fragment["format"], fragment["version"]) == ("charte-lint-register", 1)
    assert fragment["generated"] == "2026-11-29T00:00:00Z"
    # named as GitHub names the repository and the commit (GITHUB_REPOSITORY, GITHUB_SHA)
    assert fragment["sources"] == [
        {
            "organisation": "Exemple SAS",
            "repository": "acme/handbook",
            "commit": "0123abcd",
            "generated": "2026-11-29T00:00:00Z",
            "fragment": ".",
        }
    ]
    (record,) = fragment["uses"]
    assert record["key"] == {
        "organisation": "Exemple SAS",
        "repository": "acme/handbook",
        "use": "code-assistant",
    }
    assert (record["file"], record["line"], record["charter"]) == (
        "team/ai-usage.yaml",
        6,
        "private",
    )
    assert record["use"]["work"] == {"impact": "headcount_reduction"}
    assert record["findings"]["codes"] == ["WRK001"]
    assert record["findings"]["by_severity"] == {"error": 1, "warning": 0, "info": 0}
    assert record["classification"]["risk"] == "minimal"
    assert (fragment["conflicts"], fragment["stale"]) == ([], [])


def test_action_register_conflict_and_bad_file(runner: Runner, tmp_path: Path):
    other = SMALLEST.replace("status: production", "status: pilot")
    workspace = _git_workspace(
        tmp_path, {"team/ai-usage.yaml": SMALLEST, "other/ai-usage.yaml": other}
    )
    out = "reports/fragment.json"
    (workspace / "reports").mkdir()
    done = runner.step(STEP["register"], workspace, **{"register-file": out})
    assert done.returncode == 1  # written, with the conflict named
    assert runner.outputs["register"] == {"register-file": str(workspace / out)}
    fragment = json.loads((workspace / out).read_text(encoding="utf-8"))
    (conflict,) = fragment["conflicts"]
    assert conflict["fields"] == ["use.status"]
    assert [p["file"] for p in conflict["records"]] == [
        "other/ai-usage.yaml",
        "team/ai-usage.yaml",
    ]
    done = runner.step(STEP["register"], workspace, **{"register-file": "fragment.txt"})
    assert done.returncode == 2 and runner.outputs["register"] == {}
    assert (
        done.stdout
        == "::error::register-file must end in .json (a fragment file), not: fragment.txt\n"
    )


# --------------------------------------------------------------- the organisation's workflow


def _org_steps() -> list[dict]:
    return [step for job in ORG_WORKFLOW["jobs"].values() for step in job["steps"]]


def test_org_workflow_shape():
    jobs = ORG_WORKFLOW["jobs"]
    assert list(jobs) == ["fragment", "register", "pages"]
    assert ORG_WORKFLOW[True] == {  # PyYAML reads the key `on` as true
        "schedule": [{"cron": "17 5 * * 1"}],
        "workflow_dispatch": None,
    }
    assert ORG_WORKFLOW["permissions"] == {"contents": "read"}
    for step in _org_steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step["uses"]
        else:  # values reach scripts through the environment, never pasted into them
            assert "${{" not in step["run"], step.get("name")
            for value in step.get("env", {}).values():
                assert EXPRESSION.fullmatch(value) or "${{" not in value, value
    fragment = jobs["fragment"]
    assert fragment["strategy"] == {
        "fail-fast": False,
        "matrix": {"repository": "${{ fromJSON(vars.CHARTE_LINT_REPOSITORIES) }}"},
    }
    find, download, keep = fragment["steps"]
    uploaded = next(s for s in STEPS if s.get("uses", "").startswith("actions/upload-artifact"))
    assert download["uses"] == "actions/download-artifact@v4"
    assert download["with"] == {
        "name": uploaded["with"]["name"],  # the artifact the action uploads
        "path": "fragment",
        "github-token": "${{ secrets.CHARTE_LINT_REGISTER_TOKEN }}",
        "repository": "${{ matrix.repository }}",
        "run-id": "${{ steps.find.outputs.run-id }}",
    }
    assert find["env"]["GH_TOKEN"] == download["with"]["github-token"]
    # a single named artifact is extracted into `path` itself: the file keeps the action's name
    assert keep["with"]["path"] == "fragment/" + ACTION["inputs"]["register-file"]["default"]
    assert keep["with"]["name"] == "${{ steps.find.outputs.artifact }}"
    register = jobs["register"]
    assert register["needs"] == "fragment" and register["if"] == "${{ !cancelled() }}"
    gather = next(s for s in register["steps"] if s.get("uses", "").startswith("actions/download"))
    assert gather["with"] == {"pattern": "fragment-*", "path": "fragments"}
    merge_step = next(s for s in register["steps"] if s.get("id") == "merge")
    assert "charte-lint --register site/ fragments/\n" in merge_step["run"]
    assert _options(merge_step["run"]) <= _options(_help())
    assert jobs["pages"]["permissions"] == {"pages": "write", "id-token": "write"}


def _org_step(step: dict, cwd: Path, path: Path | None = None, **env: str):
    output = cwd / "github-output"
    output.write_text("", encoding="utf-8")
    (cwd / "step.sh").write_text(step["run"], encoding="utf-8")
    environment = clean_env(GITHUB_OUTPUT=str(output), **env)
    if path is not None:
        environment["PATH"] = str(path) + os.pathsep + environment.get("PATH", "")
    done = run_process(*BASH_STEP, "step.sh", cwd=cwd, env=environment)
    lines = output.read_text(encoding="utf-8").splitlines()
    return done, dict(line.split("=", 1) for line in lines)


def test_org_workflow_finds_the_newest_fragment_of_the_default_branch(tmp_path: Path):
    def artifact(run: int, branch: str, created: str, expired: bool = False) -> dict:
        return {
            "name": "charte-lint-register",
            "expired": expired,
            "created_at": created,
            "workflow_run": {"id": run, "head_branch": branch, "head_sha": "0123abcd"},
        }

    answers = tmp_path / "answers"
    answers.mkdir()
    listing = [
        artifact(333, "trunk", "2026-11-27T10:00:00Z", expired=True),
        artifact(222, "feature", "2026-11-25T10:00:00Z"),
        artifact(444, "trunk", "2026-11-22T10:00:00Z"),
        artifact(111, "trunk", "2026-11-20T10:00:00Z"),
    ]
    (answers / "handbook.json").write_text(json.dumps({"artifacts": listing}), "utf-8")
    (answers / "payroll.json").write_text(json.dumps({"artifacts": []}), "utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gh"  # answers as `gh api` does, `--jq .default_branch` applied
    fake.write_text(
        "#!/bin/sh\n"
        '[ "$1" = api ] || exit 9\n'
        'case "$2" in\n'
        "  repos/acme/*/actions/artifacts\\?name=charte-lint-register\\&per_page=100)\n"
        '    name=${2#repos/acme/}; cat "$ANSWERS/${name%%/*}.json" ;;\n'
        '  repos/acme/*) [ "$3 $4" = "--jq .default_branch" ] && echo trunk ;;\n'
        "  *) exit 9 ;;\n"
        "esac\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    (find,) = [s for s in ORG_WORKFLOW["jobs"]["fragment"]["steps"] if s.get("id") == "find"]
    env = {"GH_TOKEN": "token", "ANSWERS": str(answers)}
    done, outputs = _org_step(find, tmp_path, bin_dir, REPOSITORY="acme/handbook", **env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"run-id": "444", "artifact": "fragment-acme--handbook"}
    assert done.stdout == ""
    done, outputs = _org_step(find, tmp_path, bin_dir, REPOSITORY="acme/payroll", **env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"run-id": "", "artifact": "fragment-acme--payroll"}
    assert done.stdout == (
        "::warning::acme/payroll: no charte-lint-register artifact on trunk; it is left out of "
        "the register (run the action there with register: true)\n"
    )


def test_org_workflow_merges_fragments_as_download_artifact_lays_them_out(tmp_path: Path):
    fragments = tmp_path / "fragments"
    for repository, manifest in (("acme/handbook", SMALLEST), ("acme/payroll", FAULTY)):
        workspace = _git_workspace(tmp_path / repository, {"ai-usage.yaml": manifest})
        # what the action's register step writes in that repository's job
        ci = clean_env(
            GITHUB_WORKSPACE=str(workspace), GITHUB_REPOSITORY=repository, GITHUB_SHA="0123abcd"
        )
        target = (
            fragments / f"fragment-{repository.replace('/', '--')}" / "charte-lint-register.json"
        )
        target.parent.mkdir(parents=True)
        done = invoke("--register", str(target), ".", cwd=workspace, env=ci)
        assert done.code == 0, done.err
    merge_step = next(
        s for s in ORG_WORKFLOW["jobs"]["register"]["steps"] if s.get("id") == "merge"
    )
    done, outputs = _org_step(merge_step, tmp_path, Path(SCRIPT).parent)
    assert done.returncode == 0 and outputs == {"exit-code": "0"}, done.stderr
    assert done.stderr == (
        "charte-lint: register of 2 uses from 2 repositories written to site/ "
        "(0 conflicts, 0 stale fragments)\n"
    )
    register = json.loads((tmp_path / "site" / "register.json").read_text(encoding="utf-8"))
    assert [(s["repository"], s["fragment"]) for s in register["sources"]] == [
        ("acme/handbook", "fragments/fragment-acme--handbook/charte-lint-register.json"),
        ("acme/payroll", "fragments/fragment-acme--payroll/charte-lint-register.json"),
    ]
    assert [r["findings"]["codes"] for r in register["uses"]] == [[], ["WRK001"]]
    written = {p.name for p in (tmp_path / "site").iterdir()}
    assert written >= {"register.csv", "register.json", "register.md", "notices"}


# --------------------------------------------------------------------------- GitLab CI template


def test_gitlab_template_structure():
    job = GITLAB["charte-lint"]
    assert job["image"] == "python:3.12"  # with git, for pip's git+https:// specs
    install, register, command = job["script"]
    assert install.startswith('pip install --quiet "${CHARTE_LINT_VERSION:?')
    assert register == (
        'if [ "$CHARTE_LINT_REGISTER" = true ]; then charte-lint --register '
        "charte-lint-register.json $CHARTE_LINT_PATHS || [ $? -eq 1 ]; fi"
    )
    assert job["variables"]["CHARTE_LINT_REGISTER"] == "true"
    assert "charte-lint-register.json" in job["artifacts"]["paths"]
    assert job["variables"]["CHARTE_LINT_VERSION"] == ""  # required: nothing on PyPI yet
    report = re.search(r"--report gitlab:(\S+)", command).group(1)
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["codequality"] == report
    assert report in job["artifacts"]["paths"]
    assert command.startswith("charte-lint ")
    assert _options(command) <= _options(_help())


def _gitlab_job(workspace: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """The template's lines after the install, run by a POSIX shell that stops at the first
    failing line, as the runner does, with the job's variables."""
    job = GITLAB["charte-lint"]
    env = clean_env(**{**{k: str(v) for k, v in job["variables"].items()}, **variables})
    env["PATH"] = str(Path(SCRIPT).parent) + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        ["sh", "-ec", "\n".join(job["script"][1:])],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_gitlab_job_on_a_faulty_manifest(tmp_path: Path):
    workspace = _workspace(tmp_path, FAULTY)
    done = _gitlab_job(workspace)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith("team/ai-usage.yaml:27:15: WRK001 [error] ")  # text in the log
    issues = json.loads((workspace / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    (issue,) = issues
    assert issue["check_name"] == "WRK001"
    assert issue["location"]["path"] == "team/ai-usage.yaml"
    assert issue["location"]["lines"]["begin"] == 27
    assert issue["severity"] in ("blocker", "critical", "major", "minor", "info")
    assert issue["fingerprint"] and issue["description"]


def _gitlab_install(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """The template's install line, with a `pip` that only records its arguments."""
    (tmp_path / "bin").mkdir(parents=True)
    fake = tmp_path / "bin" / "pip"
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    job = GITLAB["charte-lint"]
    env = clean_env(**{**{k: str(v) for k, v in job["variables"].items()}, **variables})
    env["PATH"] = str(tmp_path / "bin") + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        ["sh", "-c", job["script"][0]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_gitlab_install_needs_a_spec_and_passes_it_to_pip(tmp_path: Path):
    spec = "git+https://gitlab.example.org/tools/charte-lint.git@0123abcd"
    done = _gitlab_install(tmp_path, CHARTE_LINT_VERSION=spec)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"install\n--quiet\n{spec}\n", "")
    done = _gitlab_install(tmp_path / "unset")
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip().endswith(
        "CHARTE_LINT_VERSION: set it to what pip installs, e.g. "
        "git+https://github.com/OWNER/charte-lint@<commit> (charte-lint is not on PyPI yet)"
    )


def test_gitlab_job_on_a_clean_manifest(tmp_path: Path):
    workspace = _workspace(tmp_path, SMALLEST)
    done = _gitlab_job(workspace, CHARTE_LINT_ARGS="--quiet", CHARTE_LINT_PATHS="team")
    assert done.returncode == 0, done.stdout + done.stderr
    report = workspace / "gl-code-quality-report.json"
    assert json.loads(report.read_text(encoding="utf-8")) == []


def _gitlab_ci(workspace: Path, project: str) -> dict[str, str]:
    """The variables GitLab sets for a job of `project` checked out in `workspace`."""
    return {
        "CI_PROJECT_DIR": str(workspace),
        "CI_PROJECT_PATH": project,
        "CI_COMMIT_SHA": "4567cdef",
    }


def test_gitlab_job_writes_the_register_fragment_when_the_lint_fails(tmp_path: Path):
    workspace = _git_workspace(tmp_path, {"team/ai-usage.yaml": FAULTY})
    done = _gitlab_job(workspace, **_gitlab_ci(workspace, "acme/handbook"))
    assert done.returncode == 1, done.stdout + done.stderr  # the lint's verdict
    assert done.stderr.startswith(
        "charte-lint: register of 1 use from 1 repository written to charte-lint-register.json "
        "(0 conflicts, 0 stale fragments)\n"
    )
    fragment = json.loads((workspace / "charte-lint-register.json").read_text(encoding="utf-8"))
    # named as GitLab names the project and the commit (CI_PROJECT_PATH, CI_COMMIT_SHA)
    assert [(s["repository"], s["commit"]) for s in fragment["sources"]] == [
        ("acme/handbook", "4567cdef")
    ]
    (record,) = fragment["uses"]
    assert (record["key"]["use"], record["file"], record["findings"]["codes"]) == (
        "code-assistant",
        "team/ai-usage.yaml",
        ["WRK001"],
    )
    (workspace / "charte-lint-register.json").unlink()
    done = _gitlab_job(workspace, CHARTE_LINT_REGISTER="false")
    assert done.returncode == 1 and "register" not in done.stderr
    assert not (workspace / "charte-lint-register.json").exists()


def test_gitlab_job_register_conflict_does_not_stop_the_lint(tmp_path: Path):
    other = SMALLEST.replace("status: production", "status: pilot")
    workspace = _git_workspace(
        tmp_path, {"team/ai-usage.yaml": SMALLEST, "other/ai-usage.yaml": other}
    )
    done = _gitlab_job(workspace, **_gitlab_ci(workspace, "acme/handbook"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == (
        "charte-lint: register of 1 use from 1 repository written to charte-lint-register.json "
        "(1 conflict, 0 stale fragments)\n"
    )
    fragment = json.loads((workspace / "charte-lint-register.json").read_text(encoding="utf-8"))
    assert [c["fields"] for c in fragment["conflicts"]] == [["use.status"]]
    assert json.loads((workspace / "gl-code-quality-report.json").read_text("utf-8")) == []


GITLAB_ORG = yaml.safe_load(
    (REPO / "docs" / "ci" / "gitlab-register.yml").read_text(encoding="utf-8")
)
FAKE_CURL = """\
import json, os, shutil, sys

args, headers, output = sys.argv[1:], [], None
while args[:-1]:
    flag = args.pop(0)
    if flag == "--header":
        headers.append(args.pop(0))
    elif flag == "--output":
        output = args.pop(0)
    else:
        assert flag in ("--silent", "--show-error", "--fail", "--location"), flag
(url,) = args
with open(os.environ["CURL_LOG"], "a", encoding="utf-8") as log:
    log.write(f"{headers} {url}\\n")
answers = json.loads(os.environ["CURL_ANSWERS"])
if url not in answers:
    sys.stderr.write("curl: (22) The requested URL returned error: 404\\n")
    sys.exit(22)
answer = answers[url]
if output:
    shutil.copyfile(answer, output)
else:
    sys.stdout.write(answer)
"""


def _gitlab_org(tmp_path: Path, answers: dict[str, str], **variables: str):
    job = GITLAB_ORG["charte-lint-register"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "curl").write_text(f"#!{sys.executable}\n{FAKE_CURL}", encoding="utf-8")
    (bin_dir / "curl").chmod(0o755)
    env = clean_env(
        **{
            **{k: str(v) for k, v in job["variables"].items()},
            "CI_API_V4_URL": "https://gitlab.example.org/api/v4",
            "CI_JOB_TOKEN": "job-token",
            "CURL_LOG": str(tmp_path / "curl.log"),
            "CURL_ANSWERS": json.dumps(answers),
            **variables,
        }
    )
    env["PATH"] = os.pathsep.join([str(bin_dir), str(Path(SCRIPT).parent), env["PATH"]])
    return subprocess.run(
        ["sh", "-ec", "\n".join(job["script"][1:])],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_gitlab_org_job_shape():
    job = GITLAB_ORG["charte-lint-register"]
    assert job["image"] == GITLAB["charte-lint"]["image"]
    install, fetch, merge_line = job["script"]
    assert install == GITLAB["charte-lint"]["script"][0]
    assert merge_line == (
        'charte-lint --register site/ --stale-after "$CHARTE_LINT_STALE_AFTER" fragments/'
    )
    assert _options(merge_line) <= _options(_help())
    assert job["variables"]["CHARTE_LINT_JOB"] == "charte-lint"  # the job of gitlab-ci.yml
    assert "charte-lint" in GITLAB
    assert job["variables"]["CHARTE_LINT_STALE_AFTER"] == "P90D"
    assert job["artifacts"] == {"when": "always", "paths": ["site/"], "expire_in": "30 days"}
    assert "/jobs/artifacts/" in fetch and "/raw/charte-lint-register.json?job=" in fetch


def test_gitlab_org_job_fetches_one_directory_per_project_and_merges(tmp_path: Path):
    api = "https://gitlab.example.org/api/v4/projects/"
    answers: dict[str, str] = {}
    for project, manifest, ref in (
        ("acme/handbook", SMALLEST, "main"),
        ("acme/payroll/api", FAULTY, "release/2026"),
    ):
        workspace = _git_workspace(tmp_path / "checkouts" / project, {"ai-usage.yaml": manifest})
        fragment = tmp_path / "served" / project / "charte-lint-register.json"
        fragment.parent.mkdir(parents=True)
        done = invoke(
            "--register",
            str(fragment),
            ".",
            cwd=workspace,
            env=clean_env(**_gitlab_ci(workspace, project)),
        )
        assert done.code == 0, done.err
        encoded = project.replace("/", "%2F")
        answers[api + encoded] = json.dumps({"default_branch": ref})
        raw = f"/jobs/artifacts/{ref.replace('/', '%2F')}/raw/charte-lint-register.json"
        answers[f"{api}{encoded}{raw}?job=charte-lint"] = str(fragment)
    answers[api + "acme%2Fgone"] = json.dumps({"default_branch": "main"})  # no fragment there
    done = _gitlab_org(
        tmp_path, answers, CHARTE_LINT_PROJECTS="acme/handbook acme/payroll/api acme/gone"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == (
        "warning: acme/gone: no charte-lint-register.json from job charte-lint on main; "
        "left out of the register\n"
    )
    assert done.stderr.endswith(
        "charte-lint: register of 2 uses from 2 repositories written to site/ "
        "(0 conflicts, 0 stale fragments)\n"
    )
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob("fragments/**/*.json")) == [
        "fragments/acme/handbook/charte-lint-register.json",
        "fragments/acme/payroll/api/charte-lint-register.json",
    ]
    register = json.loads((tmp_path / "site" / "register.json").read_text(encoding="utf-8"))
    assert [(s["repository"], s["commit"]) for s in register["sources"]] == [
        ("acme/handbook", "4567cdef"),
        ("acme/payroll/api", "4567cdef"),
    ]
    log = (tmp_path / "curl.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 6 and all(line.startswith("['JOB-TOKEN: job-token'] ") for line in log)


def test_gitlab_org_job_with_a_token_and_nothing_to_merge(tmp_path: Path):
    done = _gitlab_org(
        tmp_path, {}, CHARTE_LINT_PROJECTS="acme/gone", CHARTE_LINT_REGISTER_TOKEN="glpat-x"
    )
    assert done.returncode == 2  # no fragment at all: nothing to merge, said so
    assert done.stdout == (
        "warning: acme/gone: no charte-lint-register.json from job charte-lint on its default "
        "branch; left out of the register\n"
    )
    assert "no manifest and no register fragment found under fragments/" in done.stderr
    log = (tmp_path / "curl.log").read_text(encoding="utf-8")
    assert (
        log == "['PRIVATE-TOKEN: glpat-x'] https://gitlab.example.org/api/v4/projects/acme%2Fgone\n"
    )
    (tmp_path / "unset").mkdir()
    done = _gitlab_org(tmp_path / "unset", {})  # CHARTE_LINT_PROJECTS left empty
    assert done.returncode != 0 and done.stdout == ""
    assert "CHARTE_LINT_PROJECTS: list the projects whose fragments to merge" in done.stderr


# --------------------------------------------------------------------------- README snippets


FIVE_MINUTES = "## Five minutes: starter, lint, pre-commit, CI\n"
"""The README section with the snippets to paste."""


def _section() -> str:
    return README.split(FIVE_MINUTES, 1)[1].split("\n## ", 1)[0]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _section(), re.S)


def test_readme_section_comes_right_after_install():
    headings = re.findall(r"^## (.+)$", README, re.M)
    assert headings[:2] == ["Install", FIVE_MINUTES[3:-1]]


def test_readme_pre_commit_snippet_uses_the_hooks(tmp_path: Path):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for hook in hooks}
    blocks = [b for b in _blocks("yaml") if b.startswith("repos:")]
    assert blocks
    pre_commit = Path(sys.executable).with_name("pre-commit")
    for block in blocks:
        if pre_commit.exists():
            (tmp_path / "config.yaml").write_text(block, encoding="utf-8")
            checked = subprocess.run(
                [str(pre_commit), "validate-config", "config.yaml"],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert checked.returncode == 0, checked.stdout + checked.stderr
    for config in map(yaml.safe_load, blocks):
        (repo,) = config["repos"]
        assert (repo["repo"], repo["rev"]) == ("https://github.com/OWNER/charte-lint", "main")
        assert {hook["id"] for hook in repo["hooks"]} <= ids


def test_readme_workflow_snippet_uses_the_action_inputs():
    workflows = [yaml.safe_load(b) for b in _blocks("yaml") if b.startswith("name:")]
    (workflow,) = workflows
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    steps = [s for s in job["steps"] if "/charte-lint@" in s.get("uses", "")]
    assert [step["uses"] for step in steps] == ["OWNER/charte-lint@main"]
    for step in steps:
        assert set(step.get("with", {})) <= set(ACTION["inputs"])


def test_readme_gitlab_snippet_includes_the_template():
    snippets = [yaml.safe_load(b) for b in _blocks("yaml") if b.startswith("include:")]
    (snippet,) = snippets
    assert snippet["include"][0]["remote"] == (
        "https://raw.githubusercontent.com/OWNER/charte-lint/main/docs/ci/gitlab-ci.yml"
    )
    assert set(snippet["charte-lint"]["variables"]) <= set(GITLAB["charte-lint"]["variables"])
    spec = snippet["charte-lint"]["variables"]["CHARTE_LINT_VERSION"]
    assert spec == "git+https://github.com/OWNER/charte-lint@main"


def test_snippets_name_no_release_that_does_not_exist():
    # No tag and nothing on PyPI yet: every snippet installs from a branch or a commit, and says
    # in one line what to write once a release exists.
    texts = {
        name: (REPO / name).read_text(encoding="utf-8")
        for name in (
            "README.md",
            "action.yml",
            "docs/ci/README.md",
            "docs/ci/gitlab-ci.yml",
            "docs/ci/gitlab-register.yml",
            "docs/ci/github-register.yml",
        )
    }
    for name, text in texts.items():
        for stale in ("v0.1.0", "==0.1.0", "image: python:3.12-slim"):
            assert stale not in text, (name, stale)
    section = _section()
    assert "rev: main # `pre-commit autoupdate` pins the latest commit; a release tag" in section
    assert "@main # a commit SHA to pin it; @vX.Y.Z once a release exists" in section
    assert "@main # charte-lint==X.Y.Z once on PyPI" in section
    assert "has no release yet" in section and "no public address" in section


def test_ci_docs_list_every_input_and_variable():
    docs = (REPO / "docs" / "ci" / "README.md").read_text(encoding="utf-8")
    variables = [
        *GITLAB["charte-lint"]["variables"],
        *GITLAB_ORG["charte-lint-register"]["variables"],
    ]
    for name in [*ACTION["inputs"], *ACTION["outputs"], *variables, "CHARTE_LINT_REGISTER_TOKEN"]:
        if not name.startswith("PIP_"):
            assert f"| `{name}` |" in docs, name
    for block in _blocks("yaml"):
        if block.startswith(("name:", "include:")):
            assert f"```yaml\n{block}```" in docs  # the same snippets in both places


def test_readme_workflow_can_upload_sarif_in_a_private_repository():
    (workflow,) = [yaml.safe_load(b) for b in _blocks("yaml") if b.startswith("name:")]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "actions": "read",
    }


def test_readme_counts_the_faulty_examples_right():
    faulty = sorted(p.name for p in (REPO / "examples").iterdir() if p.name.endswith("-faulty"))
    clean = sorted(p.name for p in (REPO / "examples").iterdir() if p.name.endswith("-clean"))
    assert (len(faulty), len(clean)) == (13, 2)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert (
        "(the thirteen faulty examples, `examples/*-faulty/`, make it exit with 1, as\n"
        "they should; the two clean ones have no finding)"
    ) in readme
    formats = (REPO / "docs" / "output-formats.md").read_text(encoding="utf-8")
    assert "at most 10 annotations of each kind (error, warning, notice) per step" in formats
