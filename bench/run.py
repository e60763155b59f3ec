"""Benchmark charte-lint against yamllint and check-jsonschema, as installed console scripts.

Run from the repository root with any Python 3.10+: `python bench/run.py` (stdlib only).
It measures what a user pays: cold start on one manifest (pre-commit hook use), throughput on a
tree of manifests (`charte-lint path/` over a monorepo) and, with `--big N`, one huge manifest.
Method (shared/docs/research-performance.md): each tool in its own venv, called as
`<venv>/bin/<script>` (never through a pyenv shim), interleaved runs after an untimed warm-up,
medians, and paired per-round ratios so that machine noise hits all tools alike.
Everything it creates lives under bench/.work/ (git-ignored), results in bench/.work/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
VENVS = WORK / "venvs"
SRC_COPY = WORK / "src"
DATA = WORK / "data"
RESULTS = WORK / "results.json"
REPO_SCHEMA = ROOT / "schemas" / "ai-usage.schema.json"
LAUNCHER = Path(__file__).resolve().parent / "launcher.py"

COLD_TARGET = 0.45  # charte-lint / yamllint, paired median, one manifest
THROUGHPUT_TARGET = 2500.0  # manifests per second over the tree
BIG_TARGET = 2.5  # charte-lint / libyaml's bare event parse, one huge manifest
BIG_MEMORY_TARGET_MIB = 160.0  # peak RSS on the 40,000-use manifest
MEMORY_TARGET = 10.0  # peak RSS above a one-manifest run, as a multiple of the file's size
LIBYAML_BARE = (
    "import sys, yaml; loader = yaml.CSafeLoader(open(sys.argv[1], 'rb').read()); "
    "loader.raw_parse()"
)
"""libyaml's event parse with no Python object per event: the floor of any YAML reader."""
LIBYAML_EVENTS = (
    "import gc, sys, yaml; gc.disable()\n"
    "loader = yaml.CSafeLoader(open(sys.argv[1], 'rb').read())\n"
    "while loader.get_event() is not None: pass"
)
"""libyaml's events as PyYAML hands them to Python: the floor of a reader written in Python."""
YAMLLINT_CONFIG = "default"  # `-d default`: yamllint's stock rules, and no config-file lookup
SEED = 20261129
FILES_PER_GROUP = 50
BUSY_CPUS = 0.25  # CPUs kept busy by other processes above which timings are flagged

# Directories never copied into the install source nor hashed: VCS, venvs, build output, caches,
# and bench/ itself (its .work/ holds the venvs, so copying it would recurse).
SKIP_DIRS = {
    ".git",
    ".venv",
    "venv",
    "bench",
    "build",
    "dist",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
    ".tox",
    ".nox",
}
# Variables that would change what a child imports or add start-up work to it.
SCRUBBED_ENV = (
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PYTHONINSPECT",
    "PYTHONVERBOSE",
    "PYTHONDEVMODE",
    "PYTHONPROFILEIMPORTTIME",
    "PYTHONTRACEMALLOC",
    "PYTHONMALLOC",
    "PYTHONASYNCIODEBUG",
    "PYTHONWARNINGS",
)


class SetupError(Exception):
    """A step that must work for the benchmark to mean anything failed; the message says why."""


@dataclass(frozen=True)
class Tool:
    """A tool under test: its venv and console-script name, and what pip installs there."""

    name: str
    requirement: str | None  # a pinned PyPI requirement; None means this repository

    @property
    def venv(self) -> Path:
        return VENVS / self.name

    @property
    def exe(self) -> Path:
        return self.venv / "bin" / self.name

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"


# Pinned to the versions of the research baselines so that numbers stay comparable over time.
CHARTE = Tool("charte-lint", None)
YAMLLINT = Tool("yamllint", "yamllint==1.38.0")
CHECK_JSONSCHEMA = Tool("check-jsonschema", "check-jsonschema==0.39.0")
TOOLS = (CHARTE, YAMLLINT, CHECK_JSONSCHEMA)


# --------------------------------------------------------------------------------------------
# Environment set-up
# --------------------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The parent's environment minus variables that would change or slow the tools' start-up."""
    env = dict(os.environ)
    for key in SCRUBBED_ENV:
        env.pop(key, None)
    env.pop("VIRTUAL_ENV", None)
    return env


def source_tree() -> list[Path]:
    """The folders and files that make up the installable project, in a stable order.

    Folders are listed too: an empty package folder still matters to setuptools.
    """
    found = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(
            d for d in dirnames if d not in SKIP_DIRS and not d.endswith(".egg-info")
        )
        found.extend(Path(dirpath, d) for d in dirnames)
        found.extend(Path(dirpath, f) for f in sorted(filenames) if not f.endswith(".pyc"))
    return found


def source_digest(entries: list[Path]) -> str:
    """Hash of the project's files, so the venv is reinstalled exactly when the code changed."""
    digest = hashlib.sha256()
    for path in entries:
        digest.update(str(path.relative_to(ROOT)).encode())
        if path.is_file():
            digest.update(b"\0")
            digest.update(path.read_bytes())
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def copy_source(entries: list[Path]) -> Path:
    """Copy the project to bench/.work/src and install from there.

    `pip install <repo>` runs setuptools in place, which writes build/ and *.egg-info into the
    repository; building from a copy installs the same package and leaves the work tree alone.
    """
    shutil.rmtree(SRC_COPY, ignore_errors=True)
    SRC_COPY.mkdir(parents=True)
    for path in entries:
        target = SRC_COPY / path.relative_to(ROOT)
        if path.is_dir():
            target.mkdir()
        else:
            shutil.copy2(path, target)
    return SRC_COPY


def pip_install(tool: Tool, args: list[str]) -> None:
    """Run the venv's own pip; on failure show its last lines instead of a traceback."""
    cmd = [str(tool.python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), check=False)
    if proc.returncode != 0:
        raise SetupError(f"pip install for {tool.name} failed:\n{tail(proc.stdout + proc.stderr)}")


def ensure_venv(tool: Tool, fresh: bool) -> str:
    """Create or reuse the tool's venv; reinstall when the wanted requirement or code changed.

    A stamp file records what was installed, so a rerun costs nothing unless something moved.
    Returns a short note on what was done, for the log.
    """
    files = source_tree() if tool.requirement is None else []
    wanted = tool.requirement or f"repo@{source_digest(files)}"
    stamp = tool.venv / ".bench-installed"
    if fresh or not tool.python.exists():
        venv.EnvBuilder(with_pip=True, clear=True, symlinks=True).create(tool.venv)
        note = "created"
    elif stamp.exists() and stamp.read_text() == wanted and tool.exe.exists():
        return "reused"
    else:
        note = "updated"
    stamp.unlink(missing_ok=True)
    if tool.requirement is None:
        pip_install(tool, ["--force-reinstall", str(copy_source(files))])
    else:
        pip_install(tool, [tool.requirement])
    if not tool.exe.exists():
        raise SetupError(f"{tool.name}: pip succeeded but {tool.exe} does not exist")
    stamp.write_text(wanted)
    return f"{note} ({wanted})"


def has_bytecode(tool: Tool, package: str) -> bool:
    """True when the installed package has .pyc files; without them every run recompiles."""
    return any(tool.venv.glob(f"lib/python*/site-packages/{package}/__pycache__/*.pyc"))


def tool_version(tool: Tool) -> str:
    """`<tool> --version`, or a one-line reason why it could not be read."""
    try:
        proc = subprocess.run(
            [str(tool.exe), "--version"],
            capture_output=True,
            text=True,
            env=child_env(),
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    text = (proc.stdout or proc.stderr).strip()
    if proc.returncode != 0:
        last = text.splitlines()[-1] if text else "no output"
        return f"unavailable (exit {proc.returncode}: {last})"
    return text.splitlines()[0] if text else "?"


def tail(text: str, lines: int = 12) -> str:
    """The last lines of a tool's output, indented, for error reports."""
    kept = text.strip().splitlines()[-lines:]
    return "\n".join(f"    {line}" for line in kept) or "    (no output)"


# --------------------------------------------------------------------------------------------
# Data generation
# --------------------------------------------------------------------------------------------

# (id, name, task, tool, vendor, need): realistic uses; texts stay short enough that every
# generated line fits yamllint's default 80 columns, so yamllint exits 0 too.
USE_TEMPLATES = (
    (
        "code-assistant",
        "Code completion in the IDE",
        "code_assist",
        "GitHub Copilot Business",
        "GitHub",
        "Speed up routine code and test writing.",
    ),
    (
        "meeting-notes",
        "Meeting summaries",
        "summarization",
        "Microsoft 365 Copilot",
        "Microsoft",
        "Share decisions with people who missed the meeting.",
    ),
    (
        "support-drafts",
        "Draft replies to customer e-mails",
        "drafting",
        "Mistral Le Chat Pro",
        "Mistral AI",
        "Answer routine customer questions faster.",
    ),
    (
        "contract-search",
        "Question answering over signed contracts",
        "rag_qa",
        "Albert",
        "DINUM",
        "Find clauses without reading every contract.",
    ),
    (
        "invoice-extraction",
        "Read supplier invoices",
        "extraction",
        "Azure AI Document Intelligence",
        "Microsoft",
        "Stop retyping invoice totals into the ledger.",
    ),
    (
        "doc-translation",
        "Translate product documentation",
        "translation",
        "DeepL Pro",
        "DeepL",
        "Publish the manuals in five languages.",
    ),
    (
        "ticket-triage",
        "Route incoming support tickets",
        "classification",
        "Zendesk AI",
        "Zendesk",
        "Send each ticket to the right queue on arrival.",
    ),
    (
        "call-transcripts",
        "Transcribe recorded training calls",
        "transcription",
        "Whisper large-v3",
        "OpenAI",
        "Turn training sessions into searchable text.",
    ),
    (
        "blog-images",
        "Illustrations for blog posts",
        "image_generation",
        "Adobe Firefly",
        "Adobe",
        "Illustrate articles without stock photo fees.",
    ),
    (
        "policy-chat",
        "Internal policy assistant",
        "chat",
        "Le Chat Enterprise",
        "Mistral AI",
        "Answer staff questions on HR and IT policies.",
    ),
    (
        "incident-summaries",
        "Summarise incident timelines",
        "summarization",
        "Claude for Work",
        "Anthropic",
        "Write post-incident reviews in less time.",
    ),
    (
        "release-notes",
        "Draft release notes",
        "drafting",
        "ChatGPT Enterprise",
        "OpenAI",
        "Describe each release from its merged changes.",
    ),
)
TEAMS = ("Platform engineering", "Customer care", "Finance", "Legal", "Marketing", "People")
ACCOUNTABLE = ("Head of engineering", "Customer care director", "CFO", "General counsel", "CMO")
STATUSES = ("production", "production", "pilot", "design")
BENEFICIARIES = ("[staff]", "[clients]", "[staff, clients]")
IMPACTS = ("none", "role_change")


def make_use(rng: random.Random, template: tuple[str, ...], use_id: str) -> list[str]:
    """One use of about 16 lines: the required keys plus a seeded share of optional ones."""
    _, name, task, tool, vendor, need = template
    lines = [
        f"  - id: {use_id}",
        f"    name: {name}",
        f"    status: {rng.choice(STATUSES)}",
        "    owner:",
    ]
    if rng.random() < 0.35:
        lines.append(f"      team: {rng.choice(TEAMS)}")
    lines += [
        f"      accountable: {rng.choice(ACCOUNTABLE)}",
        "    purpose:",
        f"      need: {need}",
    ]
    if rng.random() < 0.35:
        lines.append(f"      beneficiaries: {rng.choice(BENEFICIARIES)}")
    lines += ["    tool:", f"      name: {tool}"]
    if rng.random() < 0.35:
        lines.append(f"      vendor: {vendor}")
    lines += [f"    task: {task}", "    data:"]
    if rng.random() < 0.2:
        lines += [
            "      personal: true",
            "      legal_basis: legitimate_interests",
            f"      retention: P{rng.choice((30, 90, 180))}D",
        ]
    else:
        lines.append("      personal: false")
    if rng.random() < 0.3:
        lines += ["    work:", f"      impact: {rng.choice(IMPACTS)}"]
    review = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randrange(150))
    lines += ["    review:", f"      last: {review.isoformat()}"]
    return lines


def make_manifest(rng: random.Random, uses: int, org: str) -> str:
    """A valid format-1 manifest with `uses` entries; ids are unique whatever the count."""
    lines = [
        "version: 1",
        "charter: private",
        "organisation:",
        f"  name: {org}",
        "uses:",
    ]
    if uses <= len(USE_TEMPLATES):
        for template in rng.sample(USE_TEMPLATES, uses):
            lines += make_use(rng, template, template[0])
    else:
        width = len(str(uses))
        for index in range(uses):
            template = USE_TEMPLATES[index % len(USE_TEMPLATES)]
            lines += make_use(rng, template, f"{template[0]}-{index:0{width}d}")
    return "\n".join(lines) + "\n"


def write_sample(path: Path) -> Path:
    """The one-file benchmark input: 10 uses, about 160 lines, the same bytes on every run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(make_manifest(random.Random(SEED), 10, "Exemple SAS"), encoding="utf-8")
    return path


def write_tree(root: Path, count: int) -> list[Path]:
    """`count` distinct manifests as tree/group-XX/svc-NNNN/ai-usage.yaml (old tree removed)."""
    shutil.rmtree(root, ignore_errors=True)
    paths = []
    for index in range(count):
        rng = random.Random(SEED + 1 + index)
        path = root / f"group-{index // FILES_PER_GROUP:02d}" / f"svc-{index:04d}" / "ai-usage.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_manifest(rng, 10, f"Service {index:04d}"), encoding="utf-8")
        paths.append(path)
    return paths


def write_big(path: Path, uses: int) -> Path:
    """One manifest with `uses` entries, for the huge-input measurement."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(make_manifest(random.Random(SEED - 1), uses, "Big Corp"), encoding="utf-8")
    return path


def copy_schema(source: Path, target: Path) -> Path:
    """The JSON Schema check-jsonschema validates against: the project's own, copied to data/."""
    if not source.is_file():
        raise SetupError(
            f"JSON Schema not found: {source}\n"
            "    check-jsonschema needs the manifest schema (schemas/ai-usage.schema.json in the\n"
            "    repository). Add it, or point to another file with --schema PATH."
        )
    try:
        json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SetupError(f"JSON Schema {source} is not readable JSON: {exc}") from exc
    shutil.copyfile(source, target)
    return target


# --------------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------------


@dataclass
class Sample:
    """One timed process: wall and CPU time, its own peak RSS, and how it ended."""

    wall_s: float
    cpu_s: float
    rss_mib: float
    code: int
    timed_out: bool = False


@dataclass
class Bench:
    """A command measured over several runs; `broken` holds why it was left out, if it was."""

    label: str
    tool: Tool | None  # the venv the command needs, if any
    cmd: list[str]
    runs: int
    samples: list[Sample] = field(default_factory=list)
    broken: str | None = None


class Launcher:
    """Client of bench/launcher.py, the small process that starts and times every command.

    Timing from here would report this process's own peak RSS (it builds the data) as every
    tool's peak; see the launcher's docstring. Its interpreter runs with -I -S to stay small.
    """

    def __init__(self, env: dict[str, str], timeout: float) -> None:
        self.env = env
        self.timeout = timeout
        self._proc = subprocess.Popen(
            [sys.executable, "-I", "-S", str(LAUNCHER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def run(self, cmd: list[str]) -> Sample:
        """Time one run of `cmd` (output discarded)."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps({"cmd": cmd, "timeout": self.timeout}) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise SetupError(f"the launcher ({LAUNCHER}) died; its error is above")
        result = json.loads(line)
        if "error" in result:
            raise SetupError(result["error"])
        return Sample(
            wall_s=result["wall_s"],
            cpu_s=result["cpu_s"],
            rss_mib=result["rss_kib"] / 1024,
            code=result["code"],
            timed_out=result["timed_out"],
        )

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def warm_up(bench: Bench, launcher: Launcher, ok_codes: set[int]) -> None:
    """One untimed run that also checks the command works; a failing one is marked broken.

    The output is captured here (never in timed runs) so a crash or a wrong set-up is shown
    in the tool's own words. Exit 1 with a Python traceback is a crash, not findings.
    """
    try:
        proc = subprocess.run(
            bench.cmd,
            capture_output=True,
            text=True,
            env=launcher.env,
            timeout=launcher.timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        bench.broken = f"warm-up run timed out after {launcher.timeout:.0f} s"
        return
    except OSError as exc:
        bench.broken = f"could not start: {exc}"
        return
    output = proc.stdout + proc.stderr
    if "Traceback (most recent call last)" in output or proc.returncode not in ok_codes:
        bench.broken = f"warm-up run exited {proc.returncode}:\n{tail(output)}"
    elif proc.returncode != 0:
        print(f"  note: {bench.label} exits {proc.returncode} on this input:\n{tail(output, 6)}")


def interleave(benches: list[Bench], launcher: Launcher) -> None:
    """Round-robin A B C A B C ...: slow drifts in machine load then hit every command alike."""
    active = [b for b in benches if b.broken is None]
    for round_no in range(max((b.runs for b in active), default=0)):
        for bench in active:
            if round_no < bench.runs:
                bench.samples.append(launcher.run(bench.cmd))


def mark_missing(benches: list[Bench], ready: set[str]) -> None:
    """Leave out the commands whose tool could not be installed."""
    for bench in benches:
        if bench.tool is not None and bench.tool.name not in ready:
            bench.broken = f"{bench.tool.name} is not installed (see set-up above)"


def paired_ratio(a: Bench, b: Bench) -> float | None:
    """Median of per-round wall-time ratios a/b over the rounds both ran."""
    pairs = zip(a.samples, b.samples, strict=False)  # a shorter list just means fewer rounds
    ratios = [x.wall_s / y.wall_s for x, y in pairs if y.wall_s > 0]
    return statistics.median(ratios) if ratios else None


def summarise(bench: Bench) -> dict[str, Any]:
    """Median/min/max wall, median CPU, peak RSS and exit-code counts of one command."""
    if bench.broken is not None or not bench.samples:
        return {"label": bench.label, "cmd": bench.cmd, "broken": bench.broken or "no runs"}
    walls = [s.wall_s for s in bench.samples]
    codes: dict[str, int] = {}
    for sample in bench.samples:
        key = "timeout" if sample.timed_out else str(sample.code)
        codes[key] = codes.get(key, 0) + 1
    return {
        "label": bench.label,
        "cmd": bench.cmd,
        "runs": len(walls),
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "max_s": max(walls),
        "cpu_median_s": statistics.median(s.cpu_s for s in bench.samples),
        "peak_mib": max(s.rss_mib for s in bench.samples),
        "exit_codes": codes,
        "wall_s": walls,
    }


def verdict(value: float | None, target: float, higher_is_better: bool) -> str:
    """PASS/FAIL against a target, or n/a when charte-lint produced no number."""
    if value is None:
        return "n/a"
    ok = value >= target if higher_is_better else value <= target
    return "PASS" if ok else "FAIL"


# --------------------------------------------------------------------------------------------
# The three benchmarks
# --------------------------------------------------------------------------------------------


def bench_cold(
    sample: Path, schema: Path, ready: set[str], runs: int, launcher: Launcher
) -> dict[str, Any]:
    """Cold start on one manifest: the pre-commit case, where start-up is most of the cost.

    Two floors run in the same rotation: /bin/true (process spawn, and the peak-RSS floor of
    the launcher) and the charte-lint venv's bare interpreter.
    """
    charte = Bench("charte-lint FILE", CHARTE, [str(CHARTE.exe), str(sample)], runs)
    yamllint = Bench(
        f"yamllint -d {YAMLLINT_CONFIG} FILE",
        YAMLLINT,
        [str(YAMLLINT.exe), "-d", YAMLLINT_CONFIG, str(sample)],
        runs,
    )
    cjs = Bench(
        "check-jsonschema --schemafile S FILE",
        CHECK_JSONSCHEMA,
        [str(CHECK_JSONSCHEMA.exe), "--schemafile", str(schema), str(sample)],
        runs,
    )
    benches = [
        Bench("/bin/true (spawn floor)", None, ["/bin/true"], runs),
        Bench("python -c pass (floor)", CHARTE, [str(CHARTE.python), "-c", "pass"], runs),
        charte,
        yamllint,
        cjs,
    ]
    mark_missing(benches, ready)
    for bench in benches:
        if bench.broken is None:
            # charte-lint may exit 1 (findings at error level): still timed, with a note.
            warm_up(bench, launcher, {0, 1} if bench is charte else {0})
    interleave(benches, launcher)
    vs_yamllint = paired_ratio(charte, yamllint) if charte.samples and yamllint.samples else None
    vs_cjs = paired_ratio(charte, cjs) if charte.samples and cjs.samples else None
    return {
        "runs": runs,
        "rows": [summarise(b) for b in benches],
        "charte_median_s": statistics.median(s.wall_s for s in charte.samples)
        if charte.samples
        else None,
        "charte_broken": charte.broken,
        "ratio_charte_yamllint": vs_yamllint,
        "ratio_charte_check_jsonschema": vs_cjs,
        "target": COLD_TARGET,
        "verdict": verdict(vs_yamllint, COLD_TARGET, higher_is_better=False),
    }


def bench_tree(
    tree: Path,
    files: list[Path],
    schema: Path,
    ready: set[str],
    runs: int,
    compare_runs: int,
    launcher: Launcher,
) -> dict[str, Any]:
    """Throughput over many manifests: the `charte-lint path/` monorepo case.

    Only charte-lint gets a warm-up (it also checks that a directory argument works); the
    comparison tools take 10+ s per pass and were already checked by the cold benchmark.
    """
    charte = Bench("charte-lint TREE", CHARTE, [str(CHARTE.exe), str(tree)], runs)
    benches = [charte]
    if compare_runs > 0:
        benches.append(
            Bench(
                f"yamllint -d {YAMLLINT_CONFIG} TREE",
                YAMLLINT,
                [str(YAMLLINT.exe), "-d", YAMLLINT_CONFIG, str(tree)],
                compare_runs,
            )
        )
        benches.append(
            Bench(
                f"check-jsonschema --schemafile S <{len(files)} files>",
                CHECK_JSONSCHEMA,
                [str(CHECK_JSONSCHEMA.exe), "--schemafile", str(schema), *map(str, files)],
                compare_runs,
            )
        )
    mark_missing(benches, ready)
    if charte.broken is None:
        warm_up(charte, launcher, {0, 1})
    interleave(benches, launcher)
    rows = [summarise(b) for b in benches]
    for row in rows:
        if "median_s" in row:
            row["files_per_s"] = len(files) / row["median_s"]
    rate = rows[0].get("files_per_s")
    return {
        "files": len(files),
        "runs": runs,
        "compare_runs": compare_runs,
        "rows": rows,
        "charte_files_per_s": rate,
        "target": THROUGHPUT_TARGET,
        "verdict": verdict(rate, THROUGHPUT_TARGET, higher_is_better=True),
    }


def bench_big(path: Path, uses: int, runs: int, launcher: Launcher) -> dict[str, Any]:
    """charte-lint on one huge manifest, side by side with libyaml parsing the same file: the
    time and memory a huge input costs, against the floor of any reader.

    No warm-up: one pass can take seconds, and writing the file just put it in the page cache.
    """
    python = str(CHARTE.python)
    charte = Bench(f"charte-lint BIG ({uses} uses)", CHARTE, [str(CHARTE.exe), str(path)], runs)
    bare = Bench("libyaml bare event parse", CHARTE, [python, "-c", LIBYAML_BARE, str(path)], runs)
    events = Bench(
        "libyaml events into Python", CHARTE, [python, "-c", LIBYAML_EVENTS, str(path)], runs
    )
    interleave([charte, bare, events], launcher)
    rows = [summarise(b) for b in (charte, bare, events)]
    row = rows[0]
    size_mib = path.stat().st_size / 2**20
    with path.open("rb") as handle:
        lines = sum(1 for _ in handle)
    over_bare = paired_ratio(charte, bare)
    return {
        **row,
        "uses": uses,
        "size_mib": size_mib,
        "lines": lines,
        "rows": rows,
        "ratio_bare": over_bare,
        "ratio_events": paired_ratio(charte, events),
        "target": BIG_TARGET,
        "verdict": verdict(over_bare, BIG_TARGET, higher_is_better=False),
        "memory_target_mib": BIG_MEMORY_TARGET_MIB,
        "memory_verdict": verdict(row.get("peak_mib"), BIG_MEMORY_TARGET_MIB, False),
    }


def bench_memory(sizes: list[int], baseline_mib: float, launcher: Launcher) -> dict[str, Any]:
    """Peak memory of charte-lint on one manifest of each size: what it takes above a run on a
    small manifest, as a multiple of the file's size (target: at most 10)."""
    rows = []
    for uses in sizes:
        path = write_big(DATA / f"memory-{uses}.yaml", uses)
        bench = Bench(f"charte-lint ({uses} uses)", CHARTE, [str(CHARTE.exe), str(path)], 1)
        interleave([bench], launcher)
        row = summarise(bench)
        size_mib = path.stat().st_size / 2**20
        path.unlink()
        peak = row.get("peak_mib")
        row["uses"], row["size_mib"] = uses, size_mib
        row["over_size"] = (peak - baseline_mib) / size_mib if peak is not None else None
        rows.append(row)
    worst = max((r["over_size"] for r in rows if r.get("over_size") is not None), default=None)
    return {
        "baseline_mib": baseline_mib,
        "rows": rows,
        "worst": worst,
        "target": MEMORY_TARGET,
        "verdict": verdict(worst, MEMORY_TARGET, higher_is_better=False),
    }


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def format_codes(codes: dict[str, int]) -> str:
    """Exit codes seen, e.g. `0×30` or `0×28 1×2`: a wrong set-up shows up here."""
    return " ".join(f"{code}×{count}" for code, count in sorted(codes.items()))


def print_table(rows: list[dict[str, Any]], unit: str, files: int | None = None) -> None:
    """A fixed-width table; the reasons for left-out commands follow it."""
    scale, digits = (1000.0, 1) if unit == "ms" else (1.0, 2)
    head = f"  {'command':<44} {'median ' + unit:>10} {'min ' + unit:>9} {'cpu ' + unit:>9}"
    head += f" {'peak MiB':>9}" + (f" {'files/s':>8}" if files else "") + "  exit codes"
    print(head)
    for row in rows:
        if "broken" in row:
            print(f"  {row['label']:<44} {'FAILED':>10}")
            continue
        line = (
            f"  {row['label']:<44} {row['median_s'] * scale:>10.{digits}f}"
            f" {row['min_s'] * scale:>9.{digits}f} {row['cpu_median_s'] * scale:>9.{digits}f}"
            f" {row['peak_mib']:>9.1f}"
        )
        if files:
            line += f" {files / row['median_s']:>8.0f}"
        print(f"{line}  {format_codes(row['exit_codes'])}")
    for row in rows:
        if "broken" in row:
            print(f"  ! {row['label']}: {row['broken']}")


def report_cold(cold: dict[str, Any]) -> None:
    print(f"\nCold start, one manifest ({cold['runs']} interleaved rounds after 1 warm-up each)")
    print_table(cold["rows"], "ms")
    for key, other in (
        ("ratio_charte_yamllint", "yamllint"),
        ("ratio_charte_check_jsonschema", "check-jsonschema"),
    ):
        value = cold[key]
        shown = f"{value:.2f}" if value is not None else "n/a"
        print(f"  charte-lint / {other}: {shown} (median of per-round ratios)")
    print(f"  target {cold['target']:.2f}: {cold['verdict']}")


def report_tree(tree: dict[str, Any]) -> None:
    print(
        f"\nThroughput, {tree['files']} manifests ({tree['runs']} charte-lint runs, "
        f"{tree['compare_runs']} each for the others, interleaved)"
    )
    print_table(tree["rows"], "s", files=tree["files"])
    rate = tree["charte_files_per_s"]
    shown = f"{rate:.0f} manifests/s" if rate is not None else "n/a"
    print(f"  charte-lint: {shown}; target {tree['target']:.0f}/s: {tree['verdict']}")


def report_big(big: dict[str, Any]) -> None:
    print(
        f"\nHuge manifest: {big['uses']} uses, {big['lines']} lines, {big['size_mib']:.1f} MiB "
        f"(median of {big.get('runs', 0)} interleaved runs, no warm-up)"
    )
    print_table(big["rows"], "s")
    for key, floor in (("ratio_bare", "libyaml's bare event parse"), ("ratio_events", "events")):
        value = big[key]
        print(f"  charte-lint / {floor}: {value:.2f}" if value is not None else f"  {key}: n/a")
    print(f"  target {big['target']:.1f}: {big['verdict']}")
    print(
        f"  peak {big.get('peak_mib', 0):.1f} MiB; target under "
        f"{big['memory_target_mib']:.0f} MiB: {big['memory_verdict']}"
    )


def report_memory(memory: dict[str, Any]) -> None:
    print(
        f"\nMemory by file size (one run each; above {memory['baseline_mib']:.1f} MiB, "
        "the peak on the one-manifest run)"
    )
    print(f"  {'uses':>7} {'size MiB':>9} {'peak MiB':>9} {'above / size':>13}")
    for row in memory["rows"]:
        over = row.get("over_size")
        shown = f"{over:>13.2f}" if over is not None else f"{'FAILED':>13}"
        print(f"  {row['uses']:>7} {row['size_mib']:>9.1f} {row.get('peak_mib', 0):>9.1f} {shown}")
    print(f"  worst {memory['worst']}; target at most {memory['target']:.0f}: {memory['verdict']}")


def sanity_notes(cold: dict[str, Any], tree: dict[str, Any]) -> None:
    """Flag a result that suggests charte-lint did not lint what it was given."""
    one, many = cold["charte_median_s"], tree["rows"][0].get("median_s")
    if tree["files"] >= 100 and one is not None and many is not None and many < 3 * one:
        print(
            "  warning: charte-lint on the whole tree took under 3x one file: check that it "
            "finds the ai-usage.yaml files under a directory argument"
        )


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark charte-lint against yamllint and check-jsonschema.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=30, help="timed rounds, one-file benchmark")
    parser.add_argument("--tree-runs", type=int, default=5, help="timed charte-lint tree runs")
    parser.add_argument(
        "--compare-runs", type=int, default=1, help="yamllint/check-jsonschema tree runs (0: skip)"
    )
    parser.add_argument("--files", type=int, default=1000, help="manifests in the tree")
    parser.add_argument("--big", type=int, metavar="N", help="also time one manifest of N uses")
    parser.add_argument("--big-runs", type=int, default=3, help="timed runs for --big")
    parser.add_argument(
        "--memory",
        type=lambda text: [int(part) for part in text.split(",")],
        metavar="N,N,...",
        help="also measure the peak memory on one manifest of each number of uses",
    )
    parser.add_argument("--schema", type=Path, default=REPO_SCHEMA, help="JSON Schema to use")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per process")
    parser.add_argument("--fresh", action="store_true", help="recreate the venvs")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 unless every target is met (for CI)"
    )
    args = parser.parse_args(argv)
    if min(args.runs, args.tree_runs, args.files, args.big_runs) < 1 or args.compare_runs < 0:
        parser.error("counts must be at least 1 (--compare-runs at least 0)")
    if args.big is not None and args.big < 1:
        parser.error("--big needs a positive number of uses")
    return args


def set_up(fresh: bool) -> tuple[set[str], dict[str, str]]:
    """Create or reuse each venv; a tool that cannot be installed is left out, not fatal."""
    print(f"Set-up in {WORK.relative_to(ROOT)}/ (base Python {sys.executable})")
    ready: set[str] = set()
    versions: dict[str, str] = {}
    for tool in TOOLS:
        try:
            note = ensure_venv(tool, fresh)
        except (SetupError, OSError, subprocess.SubprocessError) as exc:
            print(f"  {tool.name}: FAILED\n{exc}")
            versions[tool.name] = "not installed"
            continue
        print(f"  {tool.name}: {note}")
        ready.add(tool.name)
        versions[tool.name] = tool_version(tool)
    if CHARTE.name in ready and not has_bytecode(CHARTE, "charte_lint"):
        print("  warning: no .pyc in the installed charte_lint: every run will recompile it")
    return ready, versions


def describe_machine(versions: dict[str, str]) -> dict[str, Any]:
    """What the numbers depend on: interpreter, tool versions, cores and current load."""
    info = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "base_executable": sys.executable,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "loadavg": os.getloadavg(),
        "pythondontwritebytecode": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
        "versions": versions,
        "yamllint_config": YAMLLINT_CONFIG,
    }
    print(
        f"\nPython {info['python']} ({sys.executable}), {info['cpu_count']} cores "
        f"({info['usable_cpus']} usable), load average {info['loadavg'][0]:.2f}"
    )
    for name, version in versions.items():
        print(f"  {name} --version: {version}")
    info["busy_cpus_start"] = check_quiet("the start")
    return info


def busy_cpus(window: float = 1.0) -> float | None:
    """How many CPUs other processes kept busy over `window` seconds, from /proc/stat.

    Taken while this benchmark runs nothing, unlike the load average, which still counts our
    own runs (and pip's) for a minute after they end. None where /proc/stat is unavailable.
    """

    def snapshot() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as handle:
            ticks = [int(x) for x in handle.readline().split()[1:9]]
        return ticks[3] + ticks[4], sum(ticks)  # idle + iowait, all

    try:
        idle_a, total_a = snapshot()
        time.sleep(window)
        idle_b, total_b = snapshot()
    except (OSError, ValueError, IndexError):
        return None
    total = total_b - total_a
    return (1 - (idle_b - idle_a) / total) * (os.cpu_count() or 1) if total > 0 else None


def check_quiet(when: str) -> float | None:
    """Other work on the machine skews timings, parallel tree runs most: say so when it shows."""
    busy = busy_cpus()
    if busy is not None and busy > BUSY_CPUS:
        print(f"  warning: other processes kept {busy:.1f} CPUs busy at {when}: timings are noisy")
    return busy


def prepare_data(schema_source: Path, files: int) -> tuple[Path, Path, list[Path]]:
    """Write the schema copy, the one-file sample and the tree; print what they are."""
    DATA.mkdir(parents=True, exist_ok=True)
    schema = copy_schema(schema_source.resolve(), DATA / "schema.json")
    sample = write_sample(DATA / "sample.yaml")
    tree = write_tree(DATA / "tree", files)
    text = sample.read_text(encoding="utf-8")
    print(
        f"Data: {sample.relative_to(ROOT)} ({text.count(chr(10))} lines, "
        f"{len(text.encode()) / 1024:.1f} KiB), tree of {len(tree)} manifests, "
        f"schema from {schema_source}"
    )
    return schema, sample, tree


def run_all(
    args: argparse.Namespace,
    data: tuple[Path, Path, list[Path]],
    ready: set[str],
    launcher: Launcher,
) -> dict[str, Any]:
    """Run each benchmark on the prepared data, printing as it goes."""
    schema, sample, files = data
    results: dict[str, Any] = {}
    results["cold"] = cold = bench_cold(sample, schema, ready, args.runs, launcher)
    report_cold(cold)
    results["tree"] = tree = bench_tree(
        DATA / "tree", files, schema, ready, args.tree_runs, args.compare_runs, launcher
    )
    report_tree(tree)
    sanity_notes(cold, tree)
    if args.big and cold["charte_broken"]:
        print("\nHuge manifest: skipped, charte-lint failed on the one-file run above")
    elif args.big:
        big_path = write_big(DATA / f"big-{args.big}.yaml", args.big)
        results["big"] = big = bench_big(big_path, args.big, args.big_runs, launcher)
        report_big(big)
    if args.memory and not cold["charte_broken"]:
        baseline = next(r for r in cold["rows"] if r["label"] == "charte-lint FILE")["peak_mib"]
        results["memory"] = memory = bench_memory(args.memory, baseline, launcher)
        report_memory(memory)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        data = prepare_data(args.schema, args.files)  # first: a missing schema fails fast
        ready, versions = set_up(args.fresh)
        results: dict[str, Any] = {"machine": describe_machine(versions)}
        results["args"] = {**vars(args), "schema": str(args.schema)}
        with Launcher(child_env(), args.timeout) as launcher:
            results.update(run_all(args, data, ready, launcher))
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results["busy_cpus_end"] = check_quiet("the end")
    results["elapsed_s"] = time.perf_counter() - started
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nTotal {results['elapsed_s']:.0f} s; results in {RESULTS.relative_to(ROOT)}")
    verdicts = [results["cold"]["verdict"], results["tree"]["verdict"]]
    if "big" in results:
        verdicts += [results["big"]["verdict"], results["big"]["memory_verdict"]]
    if "memory" in results:
        verdicts.append(results["memory"]["verdict"])
    met = all(v == "PASS" for v in verdicts)
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
