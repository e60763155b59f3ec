"""Shared helpers: run the real console script or the same command line in this process, write
manifests, lint text in-process."""

from __future__ import annotations

import compileall
import contextlib
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from charte_lint.engine import Linter

TODAY = dt.date(2026, 11, 29)
SCRIPT = str(Path(sys.executable).with_name("charte-lint"))
REPO = Path(__file__).resolve().parent.parent

SMALLEST = """\
version: 1
charter: private
organisation:
  name: Exemple SAS
uses:
  - id: code-assistant
    name: Code completion in the IDE
    status: production
    owner:
      team: Platform engineering
      accountable: Head of engineering
    purpose:
      need: Speed up routine code and test writing for the platform team.
      beneficiaries: [staff]
    description:
      does: Suggests code completions inside the editor.
      does_not: Does not commit, review or deploy code; suggestions are accepted by a developer.
    tool:
      name: GitHub Copilot Business
      approved: copilot-business
    task: code_assist
    audience: [staff]
    data:
      personal: false
      classification: internal
    work:
      impact: none
    review:
      last: 2026-10-01
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child run: English, no colour preferences, pinned date."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "GITHUB_ACTIONS")
    }
    env["CHARTE_LINT_TODAY"] = TODAY.isoformat()
    env.update(extra)
    return env


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def json(self) -> dict:
        return json.loads(self.out)


def run_cli(
    *args: str,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
    script: str = SCRIPT,
) -> Result:
    """Run the installed `charte-lint` console script, as a user would."""
    completed = subprocess.run(
        [script, *args],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def invoke(
    *args: str,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """`run_cli` without a new process, where no process boundary is under test: the console
    script's function `charte_lint.cli.main` called here with the child's environment, working
    directory, arguments, standard input (/dev/null) and standard streams (UTF-8, not a
    terminal), its output decoded as `subprocess.run(text=True)` decodes a child's. A child
    starts Python, imports and (under PYTHONDONTWRITEBYTECODE) recompiles the package: 0.2 to
    0.5 s each, for hundreds of runs. An exception the command does not handle is raised here,
    where a child would print a traceback and exit 1: no test expects that."""
    from charte_lint import cli

    env = env or clean_env()
    for variable in ("PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH"):  # read when Python starts
        if env.get(variable) != os.environ.get(variable):
            raise AssertionError(f"{variable} differs from this process's: use run_cli")
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape", newline="\n")
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", newline="\n")
    saved_env, saved_cwd, saved_argv = dict(os.environ), os.getcwd(), sys.argv
    code = 0
    try:
        with (
            open(os.devnull, encoding="utf-8") as stdin,
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            os.environ.clear()
            os.environ.update(env)
            if cwd is not None:
                os.chdir(cwd)
            saved_stdin, sys.stdin = sys.stdin, stdin
            sys.argv = [SCRIPT, *args]
            try:
                cli.main(list(args))
            except SystemExit as done:
                code = _exit_status(done.code)
            finally:
                sys.stdin = saved_stdin
                stdout.flush()
                stderr.flush()
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        sys.argv = saved_argv
    return Result(code, _decoded(out.getvalue()), _decoded(err.getvalue()))


def _exit_status(code: object) -> int:
    """The status a process leaving with `sys.exit(code)` has."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def _decoded(data: bytes) -> str:
    """What `subprocess.run(..., text=True)` makes of a child's output: universal newlines."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def pytest_configure(config: pytest.Config) -> None:
    """Compile the package's bytecode once, before any test: the console script's children
    would otherwise each recompile every module they import from this (editable) tree when
    PYTHONDONTWRITEBYTECODE is set, as it is in some CI images; they still read what is here.
    Once per run: not again in each xdist worker."""
    if hasattr(config, "workerinput"):
        return
    for package in ("charte_lint", "rules", "schemas"):
        for module in (REPO / package).rglob("*.py"):
            if "content" not in module.relative_to(REPO).parts:  # example data, not modules
                compileall.compile_file(module, quiet=1)


SAME_WORKER = {"tests/test_user_paths.py": "tests/test_precommit.py"}
"""Test files whose tests share a session fixture with another's (`hook_repo`: pre-commit's hook
environment), run by the same xdist worker."""


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """With pytest-xdist (`-n 2`): each test file runs whole in one worker, so that a module
    fixture (the Action's install, a browser, policy packages) is set up once; the files are
    spread over the workers. (`--dist loadgroup` would do it by marks, but it cannot rename
    pytest 9.2's node ids, so it groups nothing.)"""
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return SAME_WORKER.get(path, path)

    return ByFile(config, log)


# Never part of a copy of the working tree: environments, caches, build output.
_NOT_COPIED = {
    ".git",
    ".venv",
    "build",
    "dist",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
}


def working_tree_files() -> list[Path]:
    """Tracked and untracked-but-not-ignored files of this working tree, as they are now,
    relative to it: what a user installing from this revision would get (bench scratch aside)."""
    if (REPO / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        names = [Path(n) for n in listed.split("\0") if n]
    else:
        names = [p.relative_to(REPO) for p in REPO.rglob("*")]
    return [
        n
        for n in names
        if not _NOT_COPIED.intersection(n.parts)
        and n.parts[:2] != ("bench", ".work")
        and (REPO / n).is_file()
        and not (REPO / n).is_symlink()
    ]


def precommit_env(home: Path) -> dict[str, str]:
    """English, pinned date, no inherited git state, an empty git configuration."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PRE_COMMIT", "LC_"))
        and k not in ("LANG", "LANGUAGE", "NO_COLOR", "GITHUB_ACTIONS", "VIRTUAL_ENV")
    }
    gitconfig = home / "gitconfig"
    gitconfig.touch()
    env.update(
        LANG="C.UTF-8",
        CHARTE_LINT_TODAY=TODAY.isoformat(),
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
    )
    return env


def run_process(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = run_process("git", *args, cwd=cwd, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """A git repository holding a snapshot of this working tree: (path, commit sha, env). Once
    per run: its env's PRE_COMMIT_HOME keeps the hook environment pre-commit builds from it (a
    pip install of the package), shared by every test that runs pre-commit."""
    home = tmp_path_factory.mktemp("home")
    env = precommit_env(home)
    repo = home / "charte-lint"
    for name in working_tree_files():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, repo / name)
    git("init", "-q", "-b", "main", cwd=repo, env=env)  # the branch the README snippets name
    git("add", "-A", cwd=repo, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=repo, env=env)
    return repo, git("rev-parse", "HEAD", cwd=repo, env=env), env


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def lint(text: str, lang: str = "en", config=None):
    """In-process lint of a manifest's text, with the date pinned."""
    from charte_lint.engine import lint_source

    return lint_source(dedent(text), lang=lang, config=config, linter=_linter(lang))


_LINTERS: dict[str, Linter] = {}


def _linter(lang: str) -> Linter:
    if lang not in _LINTERS:
        _LINTERS[lang] = Linter(lang=lang, today=TODAY)
    return _LINTERS[lang]


def value_paths(value, prefix=()):
    """Every path (tuple of keys and indexes) into a nested value, the root first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from value_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from value_paths(item, (*prefix, index))


def brief(findings) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


@pytest.fixture
def smallest() -> str:
    return SMALLEST
