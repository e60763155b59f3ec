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
from conftest import REPO, SCRIPT, SMALLEST, clean_env, run_cli, working_tree_files

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
STEP = {step["id"]: step for step in STEPS if "id" in step}
GITLAB = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
README = (REPO / "README.md").read_text(encoding="utf-8")
FAULTY = SMALLEST.replace("impact: none", "impact: headcount_reduction")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _help() -> str:
    result = run_cli("--help")
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
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
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


# --------------------------------------------------------------------------- GitLab CI template


def test_gitlab_template_structure():
    job = GITLAB["charte-lint"]
    assert job["image"] == "python:3.12"  # with git, for pip's git+https:// specs
    install, command = job["script"]
    assert install.startswith('pip install --quiet "${CHARTE_LINT_VERSION:?')
    assert job["variables"]["CHARTE_LINT_VERSION"] == ""  # required: nothing on PyPI yet
    report = re.search(r"--report gitlab:(\S+)", command).group(1)
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["codequality"] == report
    assert report in job["artifacts"]["paths"]
    assert command.startswith("charte-lint ")
    assert _options(command) <= _options(_help())


def _gitlab_job(workspace: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """The template's charte-lint line, run by a POSIX shell with the job's variables."""
    job = GITLAB["charte-lint"]
    env = clean_env(**{**{k: str(v) for k, v in job["variables"].items()}, **variables})
    env["PATH"] = str(Path(SCRIPT).parent) + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        ["sh", "-c", job["script"][1]],
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
        for name in ("README.md", "action.yml", "docs/ci/README.md", "docs/ci/gitlab-ci.yml")
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
    for name in [*ACTION["inputs"], *ACTION["outputs"], *GITLAB["charte-lint"]["variables"]]:
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
