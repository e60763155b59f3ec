"""The pre-commit hooks, run by pre-commit itself.

The hook repository is a snapshot of this working tree (uncommitted changes included), committed
into a temporary git repository; pre-commit clones it and pip-installs it into its own virtual
environment, once for the test run (PRE_COMMIT_HOME is shared with tests/test_user_paths.py: the
session fixture `hook_repo` of tests/conftest.py), as it would for a user.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SMALLEST
from conftest import git as _git
from conftest import run_process as _run

PRE_COMMIT = str(Path(sys.executable).with_name("pre-commit"))
FAULTY = SMALLEST.replace("impact: none", "impact: headcount_reduction")
FINDING = (
    "team/ai-usage.yaml:27:15: WRK001 [error] use `code-assistant` declares "
    "`work.impact: headcount_reduction`: the charter allows AI to relieve repetitive tasks, "
    "not to replace staff (headcount-reduction)"
)
COHERE_USE = SMALLEST.replace(
    "      name: GitHub Copilot Business\n      approved: copilot-business\n",
    "      name: Cohere API\n      vendor: Cohere\n",
)
COHERE = "import os\nimport cohere\n\nco = cohere.Client()\n"
UNDECLARED = (
    "team/bot.py:2:1: TRN008 [error] undeclared AI use: Cohere (import `import cohere`, and 1 more "
    "place in this file), and no `ai-usage.yaml` covers this file; `charte-lint --init` writes a "
    "first one (undeclared-ai-use)"
)


@pytest.fixture
def project(hook_repo, tmp_path: Path):
    """A user's repository whose .pre-commit-config.yaml uses both hooks; returns a runner."""
    repo, rev, env = hook_repo
    config = {
        "repos": [
            {
                "repo": str(repo),
                "rev": rev,
                "hooks": [{"id": "charte-lint"}, {"id": "charte-lint-repo"}],
            }
        ]
    }
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "team").mkdir()
    _git("init", "-q", cwd=tmp_path, env=env)
    _git("add", ".pre-commit-config.yaml", cwd=tmp_path, env=env)

    class Project:
        path = tmp_path

        def write(self, name: str, text: str, stage: bool = True) -> None:
            (tmp_path / name).write_text(text, encoding="utf-8")
            if stage:
                _git("add", name, cwd=tmp_path, env=env)

        def git(self, *args: str) -> str:
            return _git(*args, cwd=tmp_path, env=env)

        def only(self, hook: str) -> None:
            """Keep one of the two hooks in .pre-commit-config.yaml."""
            config["repos"][0]["hooks"] = [{"id": hook}]
            self.write(".pre-commit-config.yaml", yaml.safe_dump(config))

        def run(self, *args: str, program: str = PRE_COMMIT) -> subprocess.CompletedProcess[str]:
            return _run(program, *args, cwd=tmp_path, env=env)

        def pre_commit(self, *args: str) -> subprocess.CompletedProcess[str]:
            return self.run("run", "--color", "never", *args)

    return Project()


def _hooks() -> dict[str, dict]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in hooks}


def test_validate_manifest_accepts_the_hooks():
    done = _run(
        PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml", cwd=REPO, env=dict(os.environ)
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_definitions():
    hooks = _hooks()
    assert list(hooks) == ["charte-lint", "charte-lint-repo"]
    staged = hooks["charte-lint"]
    assert staged["entry"] == "charte-lint --changed"  # in `entry`: a user's `args` add to it
    assert "args" not in staged and "types" not in staged
    assert staged["language"] == "python"
    assert staged["pass_filenames"] is True
    assert staged["require_serial"] is False
    assert staged["minimum_pre_commit_version"] == "2.9.2"
    files = re.compile(staged["files"])
    for name in ("ai-usage.yaml", "ai-usage.yml", "team/ai-usage.yaml", "a/b/ai-usage.yml"):
        assert files.search(name), name
    for name in ("app.py", "web/App.TSX", "requirements.txt", "go.mod", "Pipfile", ".env"):
        assert files.search(name), name  # tests/test_changed.py checks every kind
    for name in ("README.md", "ai-usage.yaml.bak", "team/ai-usage", "logo.png", "Makefile"):
        assert not files.search(name), name
    repo_wide = hooks["charte-lint-repo"]
    assert (repo_wide["entry"], repo_wide["args"]) == ("charte-lint", ["."])
    assert repo_wide["pass_filenames"] is False
    assert repo_wide["always_run"] is True
    assert "pre-commit" in repo_wide["stages"] and "manual" in repo_wide["stages"]


def test_staged_manifests_only(project):
    project.write("team/ai-usage.yaml", FAULTY)
    project.write("notes.yaml", "not: [a manifest")  # not a manifest: never passed to the hook

    done = project.pre_commit("charte-lint")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "charte-lint" in done.stdout and "Failed" in done.stdout
    assert "- exit code: 1" in done.stdout
    assert FINDING in done.stdout.splitlines()
    assert "notes.yaml" not in done.stdout

    done = project.pre_commit("charte-lint", "--files", "team/ai-usage.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert FINDING in done.stdout.splitlines()

    project.write("team/ai-usage.yaml", SMALLEST)
    done = project.pre_commit("charte-lint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+Passed$", done.stdout, re.M), done.stdout
    assert "WRK001" not in done.stdout


def test_yml_extension_is_linted(project):
    project.write("team/ai-usage.yml", FAULTY)
    done = project.pre_commit("charte-lint")
    assert done.returncode == 1, done.stdout + done.stderr
    assert FINDING.replace("ai-usage.yaml", "ai-usage.yml") in done.stdout.splitlines()


def test_nothing_staged_is_skipped(project):
    project.git("commit", "-q", "--no-verify", "-m", "hooks")  # a YAML file: the hook reads it
    project.write("team/ai-usage.yaml", FAULTY, stage=False)  # untracked: not this commit's
    project.write("README.md", "# hello\n")
    done = project.pre_commit("charte-lint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+\(no files to check\)Skipped$", done.stdout, re.M), (
        done.stdout
    )


def test_repository_hook_lints_every_manifest(project):
    project.write("team/ai-usage.yaml", FAULTY)
    project.git("commit", "-q", "--no-verify", "-m", "faulty manifest")
    project.write("README.md", "# an unrelated change\n")

    done = project.pre_commit("charte-lint")  # the staged hook has nothing to lint
    assert done.returncode == 0, done.stdout + done.stderr

    done = project.pre_commit("charte-lint-repo")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "charte-lint (repository)" in done.stdout and "Failed" in done.stdout
    assert FINDING in done.stdout.splitlines()

    project.write("team/ai-usage.yaml", SMALLEST)
    done = project.pre_commit("charte-lint-repo")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint \(repository\)\.+Passed$", done.stdout, re.M), done.stdout


def test_repository_hook_finds_ai_use_no_manifest_declares(project):
    project.write("team/ai-usage.yaml", SMALLEST)
    project.git("commit", "-q", "--no-verify", "-m", "manifest")
    project.write("team/support.py", "import anthropic\n\nclient = anthropic.Anthropic()\n")
    project.git("commit", "-q", "--no-verify", "-m", "undeclared code")
    project.write("README.md", "# an unrelated change\n")

    done = project.pre_commit("charte-lint")  # the staged hook: no staged code
    assert done.returncode == 0, done.stdout + done.stderr

    done = project.pre_commit("charte-lint-repo")
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "    also at team/support.py:3:20: call `Anthropic(`" in lines

    declared = SMALLEST.replace("name: GitHub Copilot Business", "name: Claude API")
    project.write("team/ai-usage.yaml", declared)
    done = project.pre_commit("charte-lint-repo")
    assert done.returncode == 0, done.stdout + done.stderr


def test_installed_hook_blocks_the_commit(project):
    done = project.run("install")
    assert done.returncode == 0, done.stdout + done.stderr
    project.write("team/ai-usage.yaml", FAULTY)

    done = project.run("commit", "-m", "faulty", program="git")
    assert done.returncode == 1, done.stdout + done.stderr
    assert FINDING in (done.stdout + done.stderr).splitlines()
    assert project.run("rev-parse", "--verify", "-q", "HEAD", program="git").returncode != 0

    project.write("team/ai-usage.yaml", SMALLEST)
    done = project.run("commit", "-m", "clean", program="git")
    assert done.returncode == 0, done.stdout + done.stderr
    assert project.git("log", "--format=%s") == "clean"


def test_readme_snippet_works_as_printed_and_autoupdate_pins_a_commit(hook_repo, tmp_path: Path):
    repo, rev, env = hook_repo
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Five minutes: starter, lint, pre-commit, CI\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    (snippet,) = [block for block in blocks if block.startswith("repos:")]
    # the one thing a user replaces: where charte-lint lives (it has no public address yet)
    assert snippet.count("https://github.com/OWNER/charte-lint") == 1
    config = snippet.replace("https://github.com/OWNER/charte-lint", str(repo))
    assert yaml.safe_load(config)["repos"][0]["rev"] == "main"
    assert _git("rev-parse", "main", cwd=repo, env=env) == rev  # `rev: main` names a commit
    (tmp_path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "team").mkdir()
    _git("init", "-q", cwd=tmp_path, env=env)

    done = _run(PRE_COMMIT, "autoupdate", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    updated = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(updated)["repos"][0]["rev"] == rev  # no tag yet: the latest commit
    assert f"rev: {rev} # " in updated  # the comment stays

    (tmp_path / "team" / "ai-usage.yaml").write_text(FAULTY, encoding="utf-8")
    _git("add", "-A", cwd=tmp_path, env=env)
    done = _run(PRE_COMMIT, "run", "--color", "never", cwd=tmp_path, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert FINDING in done.stdout.splitlines()


def test_staged_code_that_no_manifest_declares_blocks_the_commit(project):
    project.only("charte-lint")  # the commit is blocked by the default hook alone
    done = project.run("install")
    assert done.returncode == 0, done.stdout + done.stderr
    project.write("team/bot.py", COHERE)

    done = project.run("commit", "-m", "undeclared", program="git")
    assert done.returncode == 1, done.stdout + done.stderr
    output = (done.stdout + done.stderr).splitlines()
    assert [line for line in output if "TRN008" in line] == [UNDECLARED]
    assert "    also at team/bot.py:4:6: call `cohere.Client(`" in output
    assert "- exit code: 1" in output
    assert project.run("rev-parse", "--verify", "-q", "HEAD", program="git").returncode != 0

    project.write("ai-usage.yaml", SMALLEST)  # a manifest that covers it, declaring Copilot only
    done = project.run("commit", "-m", "still undeclared", program="git")
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "team/bot.py:2:1: TRN008 [error] undeclared AI use: Cohere (import `import cohere`, and 1 "
        "more place in this file); no use of the `ai-usage.yaml` covering this file names it "
        "(undeclared-ai-use)"
    ) in (done.stdout + done.stderr).splitlines()

    project.write("ai-usage.yaml", COHERE_USE)  # the same commit, declaring Cohere
    done = project.run("commit", "-m", "declared", program="git")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+Passed$", done.stderr, re.M), done.stderr
    assert project.git("log", "--format=%s") == "declared"


def test_a_manifest_committed_earlier_declares_the_staged_code(project):
    project.write("ai-usage.yaml", COHERE_USE)
    project.git("commit", "-q", "--no-verify", "-m", "manifest")
    project.write("team/bot.py", COHERE)  # only the code is staged: the manifest is read for it

    done = project.pre_commit("charte-lint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+Passed$", done.stdout, re.M), done.stdout


def test_a_commit_without_code_or_manifest_does_not_run_detection_on_the_rest(project):
    project.write("team/bot.py", COHERE)
    project.git("commit", "-q", "--no-verify", "-m", "undeclared code, committed unchecked")
    project.write("README.md", "# notes\n")

    done = project.pre_commit("charte-lint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+\(no files to check\)Skipped$", done.stdout, re.M)

    project.write("team/util.py", "import os\n")  # code, but none with AI use
    done = project.pre_commit("charte-lint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^charte-lint\.+Passed$", done.stdout, re.M), done.stdout
    assert "team/bot.py" not in done.stdout

    done = project.pre_commit("charte-lint-repo")  # the whole repository: it is there
    assert done.returncode == 1, done.stdout + done.stderr
    assert UNDECLARED in done.stdout.splitlines()


def test_a_staged_manifest_fault_is_reported_with_the_staged_code(project):
    project.write(
        "team/ai-usage.yaml", FAULTY.replace("name: GitHub Copilot Business", "name: Cohere")
    )
    project.write("team/bot.py", COHERE)

    done = project.pre_commit("charte-lint")
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert FINDING in lines
    assert not [line for line in lines if "TRN008" in line]  # the staged manifest declares it
