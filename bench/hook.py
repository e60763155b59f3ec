"""Time the pre-commit hooks on a commit of one file in a repository of about 2,000 code files.

Run from the repository root with the `test` extra installed (pre-commit):
`.venv/bin/python bench/hook.py [--files 2000] [--runs 7]`.

It builds the seeded repository of tests/detect_corpus.py (`build_large`: Python, TypeScript,
Go and Markdown files, about 2% with AI use) with a manifest at the top that declares what it
uses, commits it, then stages a change to one Python file that imports an undeclared SDK, and
times, interleaved, median of N runs after one untimed warm-up each:

- `pre-commit run charte-lint` (the default hook: `charte-lint --changed` on the staged file);
- `pre-commit run charte-lint-repo` (the whole repository, `charte-lint .`);
- the same two commands without pre-commit: `charte-lint --changed FILE` and `charte-lint .`;
- `charte-lint ai-usage.yaml`, one manifest: what the hook did before it read code.

pre-commit installs charte-lint from a snapshot of this working tree (as tests/test_precommit.py
does) into bench/.work/hook/, which is git-ignored.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work" / "hook"
sys.path.insert(0, str(ROOT / "tests"))

from conftest import SMALLEST, working_tree_files  # noqa: E402
from detect_corpus import build_large  # noqa: E402

MANIFEST = SMALLEST.replace(  # a use whose `code` matches every file declares all their AI use
    "    task: code_assist\n", "    code: ['**']\n    task: code_assist\n"
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's run reads compiled modules
    env.update(
        PRE_COMMIT_HOME=str(WORK / "pre-commit"),
        GIT_AUTHOR_NAME="Bench",
        GIT_AUTHOR_EMAIL="bench@example.org",
        GIT_COMMITTER_NAME="Bench",
        GIT_COMMITTER_EMAIL="bench@example.org",
        LANG="C.UTF-8",
    )
    return env


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=_env(), capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _hook_repository() -> tuple[Path, str]:
    repo = WORK / "charte-lint"
    shutil.rmtree(repo, ignore_errors=True)
    for name in working_tree_files():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=repo)
    return repo, _git("rev-parse", "HEAD", cwd=repo)


def _project(files: int, hook_repo: Path, rev: str) -> tuple[Path, str]:
    project = WORK / "project"
    build_large(project, files)
    (project / "ai-usage.yaml").write_text(MANIFEST, encoding="utf-8")
    config = (
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: charte-lint\n      - id: charte-lint-repo\n"
    )
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "--no-verify", "-m", "manifest and hooks", cwd=project)
    listed = _git("ls-files", "*.py", cwd=project).splitlines()
    changed = listed[len(listed) // 2]
    with open(project / changed, "a", encoding="utf-8") as handle:
        handle.write("\nimport cohere\n")
    _git("add", changed, cwd=project)
    return project, changed


def _time(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, check=False)
    return time.perf_counter() - start, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    shutil.rmtree(WORK / "pre-commit", ignore_errors=True)  # one environment, for this snapshot
    WORK.mkdir(parents=True, exist_ok=True)
    hook_repo, rev = _hook_repository()
    project, changed = _project(args.files, hook_repo, rev)
    code = int(_git("ls-files", cwd=project).count("\n")) + 1
    pre_commit = str(Path(sys.executable).with_name("pre-commit"))
    cli = str(Path(sys.executable).with_name("charte-lint"))
    commands = {
        "pre-commit run charte-lint": [pre_commit, "run", "charte-lint"],
        "pre-commit run charte-lint-repo": [pre_commit, "run", "charte-lint-repo"],
        f"charte-lint --changed {changed}": [cli, "--changed", changed],
        "charte-lint .": [cli, "."],
        "charte-lint ai-usage.yaml": [cli, "ai-usage.yaml"],  # the hook's work before --changed
    }
    for command in commands.values():  # warm-up: pre-commit installs its environment here
        _time(command, project)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    codes: dict[str, set[int]] = {name: set() for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            seconds, returncode = _time(command, project)
            samples[name].append(seconds)
            codes[name].add(returncode)
    print(f"{code} files in the repository, 1 staged ({changed}); {args.runs} runs each")
    print(f"cores: {len(os.sched_getaffinity(0))}, load: {os.getloadavg()[0]:.2f}")
    for name, values in samples.items():
        median = statistics.median(values)
        spread = f"{min(values):.3f}-{max(values):.3f}"
        print(f"{median:8.3f} s  (min-max {spread} s, exit {sorted(codes[name])})  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
