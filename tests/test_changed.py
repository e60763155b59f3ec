"""`--changed`: the files of a commit, as the default pre-commit hook passes them.

The manifests among them are linted as `charte-lint FILE.yaml` lints them; detection reads the
other files and nothing else, and checks what it finds against the manifests in each file's
directory and above (linted for their uses, their findings not reported).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml
from conftest import REPO, SMALLEST, invoke
from test_detect_rules import CHAT, CLAUDE, OPENAI_USE, codes_at, write

COHERE = "import os\nimport cohere\n\nco = cohere.Client()\n"
COHERE_USE = SMALLEST.replace(
    "      name: GitHub Copilot Business\n      approved: copilot-business\n",
    "      name: Cohere API\n      vendor: Cohere\n",
)
FAULTY = SMALLEST.replace("impact: none", "impact: headcount_reduction")
UNDECLARED = (
    "team/bot.py:2:1: TRN008 [error] undeclared AI use: Cohere (import `import cohere`, and 1 more "
    "place in this file); no use of the `ai-usage.yaml` covering this file names it "
    "(undeclared-ai-use)"
)


def git_init(root: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, capture_output=True)


def test_only_the_files_given_are_read_and_the_manifests_above_declare(tmp_path):
    write(
        tmp_path,
        {
            "ai-usage.yaml": SMALLEST,
            "team/bot.py": COHERE,
            "team/other.py": CLAUDE,  # not in the commit: never read
            "README.md": "import cohere\n",  # not a kind detection reads
        },
    )
    git_init(tmp_path)
    result = invoke("--changed", "team/bot.py", "README.md", "--no-color", cwd=tmp_path)
    assert (result.code, result.err) == (1, "")
    lines = result.out.splitlines()
    assert [line for line in lines if "TRN008" in line] == [UNDECLARED]
    assert "    also at team/bot.py:4:6: call `cohere.Client(`" in lines
    assert lines[-1] == "1 error, 0 warnings, 0 info in 1 file"  # the code file it is in

    write(tmp_path, {"ai-usage.yaml": COHERE_USE})  # declared above, not in the commit
    result = invoke("--changed", "team/bot.py", "--no-color", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "No findings in 0 files.\n", "")


def test_the_fast_path_and_click_agree(tmp_path):
    write(tmp_path, {"team/bot.py": COHERE})
    git_init(tmp_path)
    fast = invoke("--changed", "team/bot.py", cwd=tmp_path)  # no other option: no click
    parsed = invoke("--changed", "--no-color", "team/bot.py", cwd=tmp_path)
    assert (fast.code, fast.out, fast.err) == (parsed.code, parsed.out, parsed.err)
    assert fast.code == 1
    assert fast.out.splitlines()[0] == (
        "team/bot.py:2:1: TRN008 [error] undeclared AI use: Cohere (import `import cohere`, and 1 "
        "more place in this file), and no `ai-usage.yaml` covers this file; `charte-lint --init` "
        "writes a first one (undeclared-ai-use)"
    )


def test_manifests_given_are_linted_as_given_and_declare(tmp_path):
    write(tmp_path, {"ai-usage.yaml": SMALLEST, "team/ai-usage.yaml": FAULTY, "team/bot.py": CHAT})
    git_init(tmp_path)
    result = invoke("--changed", "team/ai-usage.yaml", "--format", "json", cwd=tmp_path)
    alone = invoke("team/ai-usage.yaml", "--format", "json", cwd=tmp_path)
    assert result.code == alone.code == 1
    assert result.json()["findings"] == alone.json()["findings"]
    assert codes_at(result) == [("WRK001", "team/ai-usage.yaml", 27)]
    assert result.json()["files"] == ["team/ai-usage.yaml"]

    declared = OPENAI_USE.replace("impact: none", "impact: headcount_reduction")
    write(tmp_path, {"team/ai-usage.yaml": declared})
    both = ["--changed", "team/ai-usage.yaml", "team/bot.py", "--format", "json"]
    result = invoke(*both, cwd=tmp_path)
    assert codes_at(result) == [("WRK001", "team/ai-usage.yaml", 27)]  # OpenAI is declared
    assert result.json()["files"] == ["team/ai-usage.yaml"]


def test_findings_of_the_manifests_above_are_not_reported(tmp_path):
    write(tmp_path, {"ai-usage.yaml": FAULTY.replace("work:", "code: [app/**]\n    work:")})
    write(tmp_path, {"app/chat.py": CHAT, "lib/help.py": CLAUDE})
    git_init(tmp_path)
    result = invoke("--changed", "app/chat.py", "lib/help.py", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "lib/help.py", 1)]
    assert result.json()["files"] == []


def test_declared_use_whose_code_is_not_in_the_commit_is_not_reported(tmp_path):
    manifest = OPENAI_USE.replace("    task:", "    code: [services/chat/**]\n    task:")
    write(tmp_path, {"ai-usage.yaml": manifest, "services/chat/bot.py": CHAT})
    write(tmp_path, {"services/billing/app.py": CLAUDE})
    git_init(tmp_path)
    given = ["--changed", "ai-usage.yaml", "services/billing/app.py", "--format", "json"]
    result = invoke(*given, cwd=tmp_path)  # TRN009 needs all the code: silent on a part of it
    expected = [("TRN008", "services/billing/app.py", 1)]
    assert codes_at(result) == expected
    assert codes_at(invoke(".", "--format", "json", cwd=tmp_path)) == expected


def test_excluded_vendored_and_lock_files_are_not_read(tmp_path):
    write(
        tmp_path,
        {
            ".charte-lint.yaml": "exclude: ['tests/*', 'fixtures/']\n",
            "tests/test_chat.py": CHAT,
            "vendor/lib/chat.py": CHAT,
            "web/app.min.js": 'import OpenAI from "openai";\n',
            "package-lock.json": '{"packages": {"node_modules/openai": {}}}\n',
            "fixtures/ai-usage.yaml": FAULTY,
            "app/chat.py": CHAT,
        },
    )
    git_init(tmp_path)
    given = [
        "tests/test_chat.py",
        "vendor/lib/chat.py",
        "web/app.min.js",
        "package-lock.json",
        "fixtures/ai-usage.yaml",
    ]
    result = invoke("--changed", *given, "--format", "json", cwd=tmp_path)
    assert (result.code, codes_at(result), result.json()["files"]) == (0, [], [])
    result = invoke("--changed", *given, "app/chat.py", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "app/chat.py", 1)]
    assert invoke("fixtures/ai-usage.yaml", cwd=tmp_path).code == 1  # named: linted as given


def test_no_detect_and_no_files(tmp_path):
    write(tmp_path, {"app/chat.py": CHAT, "ai-usage.yaml": FAULTY})
    git_init(tmp_path)
    result = invoke("--changed", "--no-detect", "app/chat.py", "--format", "json", cwd=tmp_path)
    assert (result.code, codes_at(result)) == (0, [])
    result = invoke("--changed", cwd=tmp_path)  # nothing staged of a kind the hook passes
    assert (result.code, result.out, result.err) == (0, "No findings in 0 files.\n", "")


def test_directories_and_missing_files_are_refused(tmp_path):
    write(tmp_path, {"app/chat.py": CHAT})
    result = invoke("--changed", "app", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "charte-lint: error: --changed takes the files of a commit, not a directory: app\n"
    )
    result = invoke("--changed", "app/gone.py", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == "charte-lint: error: no such file or directory: app/gone.py\n"
    result = invoke("--changed", "--lang", "fr", "app", cwd=tmp_path)
    assert result.err == (
        "charte-lint : erreur : --changed prend les fichiers d'un commit, pas un dossier : app\n"
    )


def test_outside_a_work_tree_the_manifests_up_to_the_current_directory_declare(tmp_path):
    write(tmp_path, {"ai-usage.yaml": OPENAI_USE, "a/b/chat.py": CHAT, "a/b/help.py": CLAUDE})
    result = invoke("--changed", "a/b/chat.py", "a/b/help.py", "--format", "json", cwd=tmp_path)
    assert codes_at(result) == [("TRN008", "a/b/help.py", 1)]
    result = invoke("--changed", "b/chat.py", "--format", "json", cwd=tmp_path / "a")
    assert codes_at(result) == [("TRN008", "b/chat.py", 1)]  # above: not read


# The hook's `files` pattern against what detection reads ----------------------------------


def _hook_files() -> re.Pattern[str]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return re.compile(next(h for h in hooks if h["id"] == "charte-lint")["files"])


def test_the_hook_passes_every_kind_of_file_detection_reads_and_no_other():
    from charte_lint import detect

    pattern = _hook_files()
    catalogue = detect.load_catalogue()
    extensions = detect.PYTHON | detect.JAVASCRIPT | detect.C_LIKE | detect.HASH_COMMENTS
    extensions |= detect.CONFIG | {".ipynb", ".go", *catalogue.model_files}
    names = [f"src/x{extension}" for extension in sorted(extensions)]
    names += [f"x{extension.upper()}" for extension in sorted(extensions)]
    names += ["go.mod", "a/package.json", "pyproject.toml", "Pipfile", "requirements.txt"]
    names += ["requirements-dev.in", "a/requirements/base.txt", ".env", ".env.local", "a/prod.env"]
    names += ["ai-usage.yaml", "team/ai-usage.yml"]
    for name in names:
        base = name.rsplit("/", 1)[-1].lower()
        extension = Path(base).suffix
        reads = extension in catalogue.model_files or detect._scanner_for(base, extension, name)
        assert reads, name
        assert pattern.search(name), name
    others = ["README.md", "notes.txt", "logo.png", "Makefile", "Dockerfile", "a/b.lock"]
    others += ["docs/requirements.md", "environment", "x.envelope", "LICENSE"]
    for name in others:
        base = name.rsplit("/", 1)[-1].lower()
        assert detect._scanner_for(base, Path(base).suffix, name) is None, name
        assert not pattern.search(name), name
