"""Benchmark charte-lint's AI-use detection: accuracy on a known-answer corpus, and speed.

Run from the repository root with any Python 3.10+: `python bench/detect.py` (stdlib only).
It builds the small known-answer corpus of tests/detect_corpus.py (about 70 files, every
expected evidence written by hand, decoys included) and a generated 10,000-file repository, then
runs on both:

- charte-lint's detection: `charte-lint --detect --format json ROOT` when the installed CLI offers
  `--detect`, else `python -c "...detect(ROOT)"` (see --charte-mode);
- `git grep -F -n -I` with one `-e` per anchor word of the catalogue: the floor, a lower bound on
  the time any scan of the same files takes, not a detector (the ratios use it), and `git grep -E`
  with one regex of them, far slower (`--skip "git grep -E"` leaves it out);
- two peers from PyPI, each in its own venv: aibom-scanner and ai-bom.

Accuracy is scored at (file, provider) granularity, since the peers report files and providers
but not always lines. Timings: median of N interleaved runs (same method as bench/run.py, whose
venv set-up and launcher this script reuses). Raw results go to bench/.work/detect-results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))  # the corpus builders
sys.path.insert(0, str(BENCH))  # bench/run.py: venvs, launcher

import run as common  # noqa: E402
from detect_corpus import Corpus, build_corpus, build_large  # noqa: E402

WORK = common.WORK
DATA = WORK / "detect"
RESULTS = WORK / "detect-results.json"
CATALOGUE = ROOT / "charte_lint" / "signatures.json"

AIBOM_SCANNER = common.Tool("aibom-scanner", "aibom-scanner==1.3.5")
AI_BOM = common.Tool("ai-bom", "ai-bom==3.6.0")

MODEL_FILE_EXTENSIONS = (".gguf", ".onnx", ".safetensors", ".pt", ".pth", ".ckpt", ".tflite")
MODEL_FILE_EXTENSIONS += (".mlmodel", ".keras")
DEPENDENCY_FILES = re.compile(
    r"(^|/)(requirements[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in)|pyproject\.toml|Pipfile"
    r"|package\.json|go\.mod)$"
)

# Peers' provider names -> catalogue ids. Keys are normalised by `normalise_name` (lower case,
# runs of spaces, dots, dashes and underscores turned into one "-"). A name not listed keeps
# its normalised form, so it only scores where that exact pair was expected (never, in effect).
PROVIDER_MAP = {
    # aibom-scanner (detections[].provider, dependencies[].provider)
    "openai": "openai",
    "azure-openai": "azure-openai",
    "anthropic": "anthropic",
    "mistral": "mistral",
    "mistralai": "mistral",
    "google-ai": "google",
    "google": "google",
    "gemini": "google",
    "vertex-ai": "google",
    "cohere": "cohere",
    "aws-bedrock": "bedrock",
    "bedrock": "bedrock",
    "huggingface": "huggingface",
    "hugging-face": "huggingface",
    "ollama": "ollama",
    "vllm": "vllm",
    "llama-cpp": "llama-cpp",
    "llamacpp": "llama-cpp",
    "langchain": "langchain",
    "langgraph": "langchain",
    "llamaindex": "llamaindex",
    "llama-index": "llamaindex",
    "litellm": "litellm",
    "vercel-ai": "vercel-ai",
    "vercel": "vercel-ai",
    # ai-bom (trusera:provider), where it differs from the above after normalisation
    "google-vertex-ai": "google",
    "amazon-bedrock": "bedrock",
    "onnx-runtime": "local-model",
    # "AWS" (ai-bom, for boto3) and "Unknown" stay as they are: not AI providers
}

CHARTE_API_SCRIPT = "import sys; from charte_lint.detect import detect; detect(sys.argv[1])"
CHARTE_EVIDENCE_SCRIPT = (
    "import json, os, sys\n"
    "from charte_lint.detect import detect\n"
    "root = sys.argv[1]\n"
    "print(json.dumps([[os.path.relpath(e.file, root), e.line, e.provider, e.kind]"
    " for e in detect(root)]))\n"
)


@dataclass
class Runner:
    """One tool: how to time it, how to get its findings, and what it found."""

    name: str
    tool: common.Tool | None
    command: Any  # root -> argv
    ok_codes: frozenset[int] = frozenset((0, 1))
    broken: str | None = None
    note: str = ""
    samples: dict[str, list[common.Sample]] = field(default_factory=dict)
    accuracy: dict[str, Any] | None = None


# --------------------------------------------------------------------------------------------
# Set-up
# --------------------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    return re.sub(r"[\s._-]+", "-", name.strip().lower())


def map_provider(name: str) -> str:
    key = normalise_name(name)
    return PROVIDER_MAP.get(key, key)


def ere_escape(text: str) -> str:
    """Escape for POSIX extended regexes (git grep -E), where Python's re.escape over-escapes."""
    return re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)


def anchor_words() -> tuple[list[str], list[str]]:
    """The catalogue's anchor words: module and package names, env variables and endpoints.

    Returns (literals, patterns): the words as fixed strings (an endpoint with a `*` label by
    its longest literal part) and as extended regexes (the `*` as one DNS label).
    """
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    words: set[str] = set()
    for signature in catalogue["signatures"]:
        for key in ("python", "javascript", "pypi", "npm", "go"):
            words.update(name.rstrip("/*") for name in signature.get(key, ()))
    for info in catalogue["providers"].values():
        words.update(info.get("env", ()))
    words.discard("")
    literals, patterns = set(words), {ere_escape(word) for word in words}
    for info in catalogue["providers"].values():
        for host in info.get("endpoints", ()):
            parts = host.split("*")
            literals.add(max(parts, key=len))
            patterns.add("[A-Za-z0-9-]+".join(ere_escape(part) for part in parts))
    order = lambda w: (-len(w), w)  # noqa: E731
    return sorted(literals, key=order), sorted(patterns, key=order)


def grep_commands() -> list[tuple[str, Any, str]]:
    """The two git grep floors: fixed strings (git's fast multi-string search), and the
    one combined extended regex, which git's POSIX engine runs far more slowly."""
    literals, patterns = anchor_words()
    fixed = [arg for word in literals for arg in ("-e", word)]
    combined = "|".join(patterns)
    return [
        (
            "git grep -F",
            lambda root: ["git", "-C", str(root), "grep", "-F", "-n", "-I", *fixed],
            f"{len(literals)} fixed strings (-e each): the floor used for the ratios",
        ),
        (
            "git grep -E",
            lambda root: ["git", "-C", str(root), "grep", "-E", "-n", "-I", "-e", combined],
            f"one extended regex of {len(patterns)} alternatives",
        ),
    ]


def package_version(tool: common.Tool, distribution: str) -> str:
    proc = subprocess.run(
        [
            str(tool.python),
            "-c",
            f"import importlib.metadata as m; print(m.version({distribution!r}))",
        ],
        capture_output=True,
        text=True,
        env=common.child_env(),
        check=False,
    )
    return proc.stdout.strip() or f"unknown ({common.tail(proc.stderr, 2).strip()})"


def charte_has_detect(tool: common.Tool) -> bool:
    """True once the installed CLI lists --detect in its help."""
    proc = subprocess.run(
        [str(tool.exe), "--help"],
        capture_output=True,
        text=True,
        env=common.child_env(),
        check=False,
    )
    return "--detect" in proc.stdout


def make_runners(mode: str, fresh: bool) -> tuple[list[Runner], dict[str, str]]:
    """Install (or reuse) each tool's venv; a tool that fails to install is reported, not fatal."""
    print(f"Set-up in {WORK.relative_to(ROOT)}/ (base Python {sys.executable})")
    versions: dict[str, str] = {}
    runners: list[Runner] = []
    charte = common.CHARTE
    try:
        print(f"  charte-lint: {common.ensure_venv(charte, fresh)}")
        versions["charte-lint"] = package_version(charte, "charte-lint")
        use_cli = mode == "cli" or (mode == "auto" and charte_has_detect(charte))
        if use_cli:
            command = lambda root: [str(charte.exe), "--detect", "--format", "json", str(root)]  # noqa: E731
            note = "charte-lint --detect --format json ROOT"
        else:
            command = lambda root: [str(charte.python), "-c", CHARTE_API_SCRIPT, str(root)]  # noqa: E731
            note = 'python -c "detect(ROOT)" (the CLI has no --detect yet)'
        runners.append(Runner("charte-lint", charte, command, note=note))
    except (common.SetupError, OSError, subprocess.SubprocessError) as exc:
        print(f"  charte-lint: FAILED\n{exc}")
        runners.append(Runner("charte-lint", None, None, broken=str(exc)))
    for name, command, note in grep_commands():
        runners.append(Runner(name, None, command, note=note))
    for tool, command in (
        (
            AIBOM_SCANNER,
            lambda root: [str(AIBOM_SCANNER.exe), "scan", "--path", str(root), "--format", "json"],
        ),
        (
            AI_BOM,
            lambda root: [
                str(AI_BOM.exe),
                "scan",
                str(root),
                "--format",
                "json",
                "-q",
                "--no-telemetry",
            ],
        ),
    ):
        try:
            print(f"  {tool.name}: {common.ensure_venv(tool, fresh)}")
            versions[tool.name] = package_version(tool, tool.name)
            runners.append(Runner(tool.name, tool, command))
        except (common.SetupError, OSError, subprocess.SubprocessError) as exc:
            print(f"  {tool.name}: FAILED\n{exc}")
            runners.append(Runner(tool.name, None, None, broken=str(exc)))
    versions["git"] = subprocess.run(
        ["git", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return runners, versions


# --------------------------------------------------------------------------------------------
# Accuracy
# --------------------------------------------------------------------------------------------

Pair = tuple[str, str]  # (relative posix path, provider id)


def relative_path(path: str, root: Path) -> str:
    if os.path.isabs(path):
        path = os.path.relpath(path, root)
    return Path(path).as_posix()


def reported_pair(path: str, provider: str, root: Path) -> Pair:
    """A peer's hit as a pair; a hit on a model file is credited as `local-model` whatever
    runtime the peer names (ai-bom says "llama.cpp" for .gguf), as our catalogue does."""
    relative = relative_path(path, root)
    if relative.lower().endswith(MODEL_FILE_EXTENSIONS):
        return relative, "local-model"
    return relative, map_provider(provider)


def parse_aibom_scanner(output: str, root: Path) -> tuple[set[Pair], set[str]]:
    document = json.loads(output)
    pairs = {
        reported_pair(d["file_path"], d["provider"], root)
        for d in document.get("detections", [])
        if d.get("file_path") and d.get("provider")
    }
    pairs |= {
        reported_pair(d["source_file"], d["provider"], root)
        for d in document.get("dependencies", [])
        if d.get("source_file") and d.get("provider")
    }
    return pairs, set()


def parse_ai_bom(output: str, root: Path) -> tuple[set[Pair], set[str]]:
    """Pairs with a path, and the providers of hits located only in "dependency files"."""
    document = json.loads(output)
    pairs: set[Pair] = set()
    dependency_providers: set[str] = set()
    for component in document.get("components", []):
        properties = {p["name"]: p["value"] for p in component.get("properties", [])}
        provider = properties.get("trusera:provider") or component.get("name", "?")
        location = properties.get("trusera:source_location", "")
        if location == "dependency files":
            dependency_providers.add(map_provider(provider))
            continue
        path = re.sub(r":\d+$", "", location)
        if path:
            pairs.add(reported_pair(path, provider, root))
    return pairs, dependency_providers


def parse_charte_evidence(output: str, root: Path) -> tuple[set[Pair], set[str]]:
    return {(Path(path).as_posix(), provider) for path, _, provider, _ in json.loads(output)}, set()


def score(corpus: Corpus, pairs: set[Pair], dependency_providers: set[str]) -> dict[str, Any]:
    """Recall over expected (file, provider) pairs; false positives are reported pairs that were
    not expected. A path-less dependency hit credits every expected dependency-file pair of its
    provider (lenient), or counts once as a false positive when there is none."""
    expected = {(path, provider) for path, _, provider, _ in corpus.expected}
    found = set(pairs)
    for provider in dependency_providers:
        credited = {
            pair for pair in expected if pair[1] == provider and DEPENDENCY_FILES.search(pair[0])
        }
        found |= credited or {("(dependency files)", provider)}
    hits = found & expected
    false_positives = found - expected
    return {
        "expected_pairs": len(expected),
        "found_pairs": len(hits),
        "recall": len(hits) / len(expected) if expected else 1.0,
        "false_positives": len(false_positives),
        "false_positives_in_decoys": sum(1 for p, _ in false_positives if p in corpus.decoy_files),
        "missed": sorted(expected - found),
        "false_positive_pairs": sorted(false_positives),
    }


def measure_accuracy(runner: Runner, corpus: Corpus, root: Path, timeout: float) -> None:
    """Run the tool once with its output captured (untimed, also its warm-up) and score it."""
    if runner.name.startswith("git grep"):
        return
    if runner.name == "charte-lint":
        assert runner.tool is not None
        cmd = [str(runner.tool.python), "-c", CHARTE_EVIDENCE_SCRIPT, str(root)]
        parse = parse_charte_evidence
    else:
        cmd = runner.command(root)
        parse = parse_aibom_scanner if runner.name == "aibom-scanner" else parse_ai_bom
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            env=common.child_env(),
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        runner.broken = f"accuracy run failed: {exc}"
        return
    if proc.returncode not in runner.ok_codes or "Traceback (most recent" in proc.stderr:
        runner.broken = f"exit {proc.returncode}:\n{common.tail(proc.stdout + proc.stderr)}"
        return
    try:
        pairs, dependency_providers = parse(proc.stdout, root)
    except (ValueError, KeyError, TypeError) as exc:
        runner.broken = f"unreadable output ({exc}):\n{common.tail(proc.stdout)}"
        return
    runner.accuracy = score(corpus, pairs, dependency_providers)


# --------------------------------------------------------------------------------------------
# Timing and report
# --------------------------------------------------------------------------------------------


def time_runs(
    runners: list[Runner], label: str, root: Path, runs: int, launcher: common.Launcher
) -> None:
    """Interleaved rounds (A B C D A B C D ...), so that load drifts hit every tool alike."""
    active = [r for r in runners if r.broken is None]
    for runner in active:
        runner.samples[label] = []
    for round_no in range(runs):
        for runner in active:
            sample = launcher.run(runner.command(root))
            runner.samples[label].append(sample)
            if sample.code not in runner.ok_codes or sample.timed_out:
                print(f"  note: {runner.name} run {round_no + 1} on {label}: exit {sample.code}")


def median(runner: Runner, label: str) -> float | None:
    samples = [s.wall_s for s in runner.samples.get(label, []) if not s.timed_out]
    return statistics.median(samples) if samples else None


def report(runners: list[Runner], corpus: Corpus, large_files: int, runs: int) -> None:
    floor = next((r for r in runners if r.name == "git grep -F"), None)
    floors = {label: median(floor, label) if floor else None for label in ("small", "large")}
    print(
        f"\nAccuracy on the small corpus ({corpus.files} files, "
        f"{len({(p, v) for p, _, v, _ in corpus.expected})} expected (file, provider) pairs); "
        f"time: median of {runs} interleaved runs"
    )
    header = (
        f"  {'tool':<18} {'recall':>7} {'false pos.':>10} {'small s':>9} {'x grep':>7}"
        f" {f'{large_files:,} files s':>17} {'x grep':>7}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for runner in runners:
        if runner.broken and not runner.samples:
            print(f"  {runner.name:<18} broken: {runner.broken.splitlines()[0]}")
            continue
        accuracy = runner.accuracy
        recall = f"{accuracy['recall']:.0%}" if accuracy else "n/a"
        false_pos = str(accuracy["false_positives"]) if accuracy else "n/a"
        cells = []
        for label in ("small", "large"):
            value = median(runner, label)
            base = floors[label]
            cells.append(f"{value:.3f}" if value is not None else "n/a")
            cells.append(f"{value / base:.1f}" if value is not None and base else "n/a")
        print(
            f"  {runner.name:<18} {recall:>7} {false_pos:>10} {cells[0]:>9} {cells[1]:>7}"
            f" {cells[2]:>17} {cells[3]:>7}"
        )
    print("Commands and per-tool details:")
    for runner in runners:
        argv = runner.command(Path("ROOT")) if runner.command else ["?"]
        print(f"  {runner.name}: {runner.note or ' '.join([Path(argv[0]).name, *argv[1:]])}")
        if runner.accuracy:
            for title, items in (
                ("missed", runner.accuracy["missed"]),
                ("false positives", runner.accuracy["false_positive_pairs"]),
            ):
                shown = ", ".join(f"{p} {v}" for p, v in items[:6])
                more = f" (+{len(items) - 6} more in the JSON)" if len(items) > 6 else ""
                print(f"    {title}: {shown or '-'}{more}")
        if runner.broken:
            print(f"    broken: {runner.broken}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark charte-lint's detection against git grep, aibom-scanner and ai-bom.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool, small corpus")
    parser.add_argument("--large-runs", type=int, default=3, help="timed runs, large corpus")
    parser.add_argument("--files", type=int, default=10_000, help="files in the large corpus")
    parser.add_argument("--seed", type=int, default=7, help="seed of the large corpus")
    parser.add_argument(
        "--charte-mode",
        choices=("auto", "cli", "api"),
        default="auto",
        help="time `charte-lint --detect` (cli), `python -c detect()` (api), or cli when the "
        "installed charte-lint lists --detect (auto)",
    )
    parser.add_argument(
        "--skip", action="append", default=[], metavar="TOOL", help="leave a tool out (repeat)"
    )
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per process")
    parser.add_argument("--fresh", action="store_true", help="recreate the venvs")
    args = parser.parse_args(argv)
    if min(args.runs, args.large_runs, args.files) < 1:
        parser.error("counts must be at least 1")
    return args


def prepare_corpora(files: int, seed: int) -> tuple[Path, Corpus, Path, Corpus]:
    """Both corpora under bench/.work/detect/, rebuilt on every run (a few seconds)."""
    small, large = DATA / "small", DATA / f"large-{files}-{seed}"
    shutil.rmtree(small, ignore_errors=True)
    started = time.perf_counter()
    small_corpus = build_corpus(small)
    large_corpus = build_large(large, files=files, seed=seed)
    print(
        f"Data: {small.relative_to(ROOT)} ({small_corpus.files} files, "
        f"{len(small_corpus.expected)} expected evidence), {large.relative_to(ROOT)} "
        f"({large_corpus.files:,} files, {len(large_corpus.expected)} expected evidence), "
        f"built in {time.perf_counter() - started:.0f} s"
    )
    return small, small_corpus, large, large_corpus


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        small, small_corpus, large, large_corpus = prepare_corpora(args.files, args.seed)
        runners, versions = make_runners(args.charte_mode, args.fresh)
        runners = [r for r in runners if r.name not in args.skip]
        print(
            f"\nPython {platform.python_version()}, {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.2f}; versions: "
            + ", ".join(f"{k} {v}" for k, v in versions.items())
        )
        for runner in runners:
            if runner.broken is None:
                measure_accuracy(runner, small_corpus, small, args.timeout)
        with common.Launcher(common.child_env(), args.timeout) as launcher:
            print(f"Timing the small corpus ({args.runs} rounds)...", flush=True)
            time_runs(runners, "small", small, args.runs, launcher)
            print(f"Timing the large corpus ({args.large_runs} rounds)...", flush=True)
            time_runs(runners, "large", large, args.large_runs, launcher)
    except common.SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report(runners, small_corpus, args.files, args.runs)
    results = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "versions": versions,
        "args": vars(args),
        "small": {"files": small_corpus.files, "expected": len(small_corpus.expected)},
        "large": {"files": large_corpus.files, "expected": len(large_corpus.expected)},
        "tools": {
            r.name: {
                "note": r.note,
                "broken": r.broken,
                "accuracy": r.accuracy,
                "command_small": r.command(small) if r.command else None,
                "samples": {
                    label: [vars(s) for s in samples] for label, samples in r.samples.items()
                },
                "median_s": {label: median(r, label) for label in r.samples},
            }
            for r in runners
        },
        "elapsed_s": time.perf_counter() - started,
    }
    text = json.dumps(results, indent=2) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")  # a partial rerun must not erase a full one
    (WORK / f"detect-results-{stamp}.json").write_text(text, encoding="utf-8")
    print(
        f"\nTotal {results['elapsed_s']:.0f} s; results in {RESULTS.relative_to(ROOT)}"
        f" and detect-results-{stamp}.json"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
