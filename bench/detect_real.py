"""Measure AI-use detection on real public repositories: charte-lint, aibom-scanner and ai-bom.

Run from the repository root with any Python 3.10+: `python bench/detect_real.py` (stdlib only).
What each repository really uses (providers, gateways, models) was established by reading its code
and is recorded in tests/data/real/expectations.yaml, with the commit read. This script:

1. checks out each snapshot into bench/.work/real/<name>/ (once) from a bare mirror of the
   repository (`--mirror`, default /work/.mirror/<owner>+<name>/repo, as the `fetch` tool of the
   project's sessions leaves them; any bare clone holding the commit will do), as a git work tree of
   its own whose one commit holds exactly the snapshot's files, so that each tool lists files as
   it would in a user's checkout;
2. installs charte-lint (from a copy of this work tree), aibom-scanner 1.3.5 and ai-bom 3.6.0, each
   in its own venv (bench/run.py's set-up, shared with bench/detect.py);
3. runs each tool on each snapshot, maps its output to sets of third parties (providers and
   gateways, as catalogue ids) and models, and scores them against the expectations:
   precision and recall, micro-averaged over the repositories and per repository; plus the
   number of findings a first run shows, and for charte-lint the vendors `--init` drafts that
   the repository does not use.

Scoring: a reported party or model in the repository's `possible_*` lists counts neither way;
frameworks (LangChain, LiteLLM as a library, the Vercel AI SDK, MCP...) are not parties and are
not scored. Models are compared without a routing prefix ("openai:", "anthropic/"...), case
folded, with the repository's `model_aliases` applied. Raw results go to
bench/.work/detect-real-results.json; the Markdown tables are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))  # bench/run.py: venvs; bench/detect.py: peers and their names

import detect as peers  # noqa: E402
import run as common  # noqa: E402

EXPECTATIONS = ROOT / "tests" / "data" / "real" / "expectations.yaml"
SNAPSHOTS = common.WORK / "real"
RESULTS = common.WORK / "detect-real-results.json"
DEFAULT_MIRROR = Path("/work/.mirror")
SNAPSHOT_MESSAGE = "snapshot {commit}"

# Peers' provider names (normalised by bench/detect.py's normalise_name) beyond detect.py's map.
EXTRA_PROVIDER_MAP = {
    "aws": "bedrock",  # ai-bom: "AWS completion" for boto3, the SDK Bedrock is called with
    "aws-bedrock": "bedrock",
    "openrouter": "openrouter",
    "xai": "xai",
    "x-ai": "xai",
    "grok": "xai",
    "perplexity": "perplexity",
    "groq": "groq",
    "deepseek": "deepseek",
    "together": "together",
    "together-ai": "together",
    "albert": "albert",
    "lm-studio": "lmstudio",
    "lmstudio": "lmstudio",
}
# Labels that name a library, a protocol or nothing: never a party, never scored.
NOT_PARTIES = {
    "langchain",
    "langgraph",
    "llamaindex",
    "litellm",
    "vercel-ai",
    "crewai",
    "autogen",
    "mcp",
    "github-actions",
    "unknown",
    "dspy",
    "haystack",
    "semantic-kernel",
}
# LangChain's "provider:" prefixes, removed from model ids before comparison ("ollama:llama2:70b"
# is llama2:70b); "provider/" prefixes go with the rest of the path (see `model_key`).
MODEL_PREFIXES = (
    "openai",
    "anthropic",
    "google",
    "google_genai",
    "google_vertexai",
    "google-vertex",
    "vertex_ai",
    "gemini",
    "xai",
    "mistral",
    "mistralai",
    "ollama",
    "bedrock",
    "bedrock_converse",
    "azure",
    "azure_openai",
    "cohere",
    "groq",
    "deepseek",
    "together",
    "fireworks",
    "perplexity",
    "openrouter",
    "huggingface",
    "vllm",
    "albert",
)
_PREFIX = re.compile(r"^(?:" + "|".join(re.escape(p) for p in MODEL_PREFIXES) + r"):", re.I)

CHARTE_EVIDENCE_SCRIPT = """
import json, sys
from charte_lint.detect import detect, load_catalogue
catalogue = load_catalogue()
kinds = {key: info.get("kind") for key, info in catalogue.providers.items()}
vendors = {key: info.get("vendor") for key, info in catalogue.providers.items()}
evidence = [
    {"file": e.file, "line": e.line, "provider": e.provider, "kind": e.kind,
     "model": getattr(e, "model", None), "via": getattr(e, "via", None)}
    for e in detect(sys.argv[1], None, catalogue)
]
print(json.dumps({"evidence": evidence, "kinds": kinds, "vendors": vendors}))
"""
YAML_TO_JSON = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"
DRAFT_VENDORS = (
    "import json, sys, yaml\n"
    "data = yaml.safe_load(open(sys.argv[1])) or {}\n"
    "uses = data.get('uses') or []\n"
    "print(json.dumps([((u or {}).get('tool') or {}).get('vendor') for u in uses]))"
)


@dataclass
class Outcome:
    """One tool on one repository: what it reported, mapped, and its first-run finding count."""

    parties: set[str] = field(default_factory=set)
    models: set[str] = field(default_factory=set)
    findings: int | None = None
    false_vendors: list[str] | None = None  # charte-lint --init only
    error: str | None = None


# --------------------------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------------------------


def run_text(cmd: list[str], **kwargs: Any) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)
    if proc.returncode != 0:
        raise common.SetupError(f"{' '.join(cmd[:4])}... failed:\n{common.tail(proc.stderr)}")
    return proc.stdout


def snapshot_is_current(target: Path, commit: str) -> bool:
    if not (target / ".git").is_dir():
        return False
    proc = subprocess.run(
        ["git", "-C", str(target), "log", "-1", "--format=%s"],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.strip() == SNAPSHOT_MESSAGE.format(commit=commit)


def extract(git_dir: Path, commit: str, target: Path) -> list[str]:
    """Write the commit's files under `target`; return the paths whose blobs the mirror lacks
    (a shallow or partial mirror may hold only the tree for its largest files)."""
    listing = run_text(["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-z", commit])
    entries = []
    for record in listing.split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, sha = meta.split()
        if kind == "blob":
            entries.append((mode, sha, path))
    batch = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        input=b"".join(f"{sha}\n".encode() for _, sha, _ in entries),
        capture_output=True,
        check=False,
    ).stdout
    missing: list[str] = []
    offset = 0
    for mode, _, path in entries:
        end = batch.index(b"\n", offset)
        header = batch[offset:end].split()
        offset = end + 1
        if header[-1] == b"missing":
            missing.append(path)
            continue
        size = int(header[2])
        data = batch[offset : offset + size]
        offset += size + 1
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            os.symlink(data.decode(), destination)
        else:
            destination.write_bytes(data)
            if mode == "100755":
                destination.chmod(0o755)
    return missing


def prepare_snapshot(name: str, spec: dict[str, Any], mirror: Path) -> str:
    """bench/.work/real/<name>/ at the expected commit, as a one-commit git work tree."""
    target = SNAPSHOTS / name
    commit = spec["commit"]
    if snapshot_is_current(target, commit):
        return "reused"
    owner_repo = spec["url"].rstrip("/").split("github.com/")[1]
    git_dir = mirror / owner_repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        git_dir = mirror / owner_repo.replace("/", "+")
    if not git_dir.is_dir():
        raise common.SetupError(f"{name}: no mirror of {owner_repo} under {mirror}")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    missing = extract(git_dir, commit, target)
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00Z")
    env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"]
    git = ["git", "-C", str(target), "-c", "user.name=bench", "-c", "user.email=bench@invalid"]
    run_text(["git", "init", "-q", str(target)])
    run_text([*git, "add", "-A", "-f"], env=env)  # upstream tracks them all, ignored or not
    message = SNAPSHOT_MESSAGE.format(commit=commit)
    run_text([*git, "commit", "-q", "--no-verify", "-m", message], env=env)
    note = "extracted"
    if missing:
        note += f" ({len(missing)} file(s) absent from the mirror: {', '.join(missing[:3])})"
    return note


# --------------------------------------------------------------------------------------------
# Mapping and scoring
# --------------------------------------------------------------------------------------------


def party(name: str) -> str | None:
    """A peer's provider label as a catalogue id, or None when it names no third party."""
    key = peers.normalise_name(name)
    mapped = EXTRA_PROVIDER_MAP.get(key) or peers.PROVIDER_MAP.get(key, key)
    return None if mapped in NOT_PARTIES or mapped == "local-model" else mapped


def model_key(model: str, aliases: dict[str, str] | None = None) -> str:
    """A model id as compared: a known "provider:" prefix and any "organisation/" path removed
    (OpenRouter's "meta-llama/llama-4-scout" and a detector's "llama-4-scout" of provider
    meta are one model; so are "BAAI/bge-m3" and "bge-m3"), case folded, alias resolved."""
    key = _PREFIX.sub("", model.strip()).rsplit("/", 1)[-1].lower()
    table = {model_key(k): model_key(v) for k, v in (aliases or {}).items()}
    return table.get(key, key)


def expected_sets(spec: dict[str, Any]) -> dict[str, set[str]]:
    aliases = spec.get("model_aliases") or {}
    return {
        "parties": set(spec.get("providers") or ()) | set(spec.get("gateways") or ()),
        "possible_parties": set(spec.get("possible_providers") or ())
        | set(spec.get("possible_gateways") or ()),
        "models": {model_key(m, aliases) for m in spec.get("models") or ()},
        "possible_models": {model_key(m, aliases) for m in spec.get("possible_models") or ()},
    }


def confusion(found: set[str], expected: set[str], possible: set[str]) -> tuple[int, int, int]:
    """(true positives, false positives, misses); `possible` items count neither way."""
    return len(found & expected), len(found - expected - possible), len(expected - found)


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


# --------------------------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------------------------


def charte_outcome(root: Path, spec: dict[str, Any], timeout: float) -> Outcome:
    tool = common.CHARTE
    outcome = Outcome()
    proc = subprocess.run(
        [str(tool.python), "-c", CHARTE_EVIDENCE_SCRIPT, str(root)],
        capture_output=True,
        text=True,
        env=common.child_env(),
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        outcome.error = common.tail(proc.stderr)
        return outcome
    data = json.loads(proc.stdout)
    kinds, vendors = data["kinds"], data["vendors"]
    aliases = spec.get("model_aliases") or {}
    for item in data["evidence"]:
        provider, kind = item["provider"], kinds.get(item["provider"])
        if item.get("via"):
            outcome.parties.add(item["via"])
        if kind != "framework" and provider != "local-model":
            outcome.parties.add(provider)
        if item.get("model"):
            outcome.models.add(model_key(item["model"], aliases))
    # the first run a user sees: `charte-lint --format json .` in a repository with no manifest
    proc = subprocess.run(
        [str(tool.exe), "--format", "json", "."],
        cwd=root,
        capture_output=True,
        text=True,
        env=common.child_env(),
        timeout=timeout,
        check=False,
    )
    try:
        outcome.findings = len(json.loads(proc.stdout)["findings"])
    except (ValueError, KeyError):
        outcome.error = f"exit {proc.returncode}: {common.tail(proc.stdout + proc.stderr)}"
    outcome.false_vendors = init_false_vendors(root, spec, vendors, timeout)
    return outcome


def init_false_vendors(
    root: Path, spec: dict[str, Any], vendors: dict[str, str | None], timeout: float
) -> list[str] | None:
    """Vendors `charte-lint --init` drafts that belong to no provider or gateway the repository
    uses (or may use). The draft is written into a temporary copy, the snapshot is left alone."""
    allowed_ids = set(spec.get("providers") or ()) | set(spec.get("gateways") or ())
    allowed_ids |= set(spec.get("possible_providers") or ())
    allowed_ids |= set(spec.get("possible_gateways") or ())
    allowed = {vendors.get(i) or i for i in allowed_ids}
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / root.name
        shutil.copytree(root, copy, symlinks=True)
        proc = subprocess.run(
            [str(common.CHARTE.exe), "--init", str(copy)],
            capture_output=True,
            text=True,
            env=common.child_env(),
            timeout=timeout,
            check=False,
        )
        draft = copy / "ai-usage.yaml"
        if proc.returncode != 0 or not draft.exists():
            return None
        listed = run_text([str(common.CHARTE.python), "-c", DRAFT_VENDORS, str(draft)])
    drafted = [v for v in json.loads(listed) if isinstance(v, str)]
    placeholder = {"TODO", "À COMPLÉTER"}
    return sorted({v for v in drafted if v not in allowed and v.strip() not in placeholder})


def peer_outcome(name: str, root: Path, spec: dict[str, Any], timeout: float) -> Outcome:
    outcome = Outcome()
    aliases = spec.get("model_aliases") or {}
    if name == "aibom-scanner":
        cmd = [str(peers.AIBOM_SCANNER.exe), "scan", "--path", str(root), "--format", "json"]
    else:
        cmd = [str(peers.AI_BOM.exe), "scan", str(root), "--format", "json", "-q", "--no-telemetry"]
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            env=common.child_env(),
            timeout=timeout,
            check=False,
        )
        document = json.loads(proc.stdout)
    except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
        outcome.error = str(exc)
        return outcome
    if name == "aibom-scanner":
        hits = document.get("detections", []) + document.get("dependencies", [])
        outcome.findings = len(hits)
        for hit in hits:
            mapped = party(hit.get("provider") or "")
            if mapped:
                outcome.parties.add(mapped)
            if hit.get("model_name"):
                outcome.models.add(model_key(hit["model_name"], aliases))
    else:
        components = document.get("components", [])
        outcome.findings = len(components)
        for component in components:
            properties = {p["name"]: p["value"] for p in component.get("properties", [])}
            mapped = party(properties.get("trusera:provider") or component.get("name", ""))
            if mapped:
                outcome.parties.add(mapped)
            if properties.get("trusera:model_name"):
                outcome.models.add(model_key(properties["trusera:model_name"], aliases))
    return outcome


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def scores(outcome: Outcome, expected: dict[str, set[str]]) -> dict[str, Any]:
    parties = confusion(outcome.parties, expected["parties"], expected["possible_parties"])
    models = confusion(outcome.models, expected["models"], expected["possible_models"])
    return {
        "parties": parties,
        "models": models,
        "missed_parties": sorted(expected["parties"] - outcome.parties),
        "extra_parties": sorted(
            outcome.parties - expected["parties"] - expected["possible_parties"]
        ),
        "missed_models": sorted(expected["models"] - outcome.models),
        "extra_models": sorted(outcome.models - expected["models"] - expected["possible_models"]),
    }


def summary_table(results: dict[str, dict[str, Any]], tools: list[str]) -> str:
    lines = [
        "| tool | provider precision | provider recall | model precision | model recall "
        "| findings on a first run (total) | repos with a false `--init` vendor |",
        "|---|---|---|---|---|---|---|",
    ]
    for tool in tools:
        tp = fp = fn = mtp = mfp = mfn = findings = 0
        false_vendor_repos = 0
        ran = 0
        for per_tool in results.values():
            entry = per_tool.get(tool)
            if not entry or entry.get("error"):
                continue
            ran += 1
            a, b, c = entry["scores"]["parties"]
            tp, fp, fn = tp + a, fp + b, fn + c
            a, b, c = entry["scores"]["models"]
            mtp, mfp, mfn = mtp + a, mfp + b, mfn + c
            findings += entry["findings"] or 0
            false_vendor_repos += bool(entry.get("false_vendors"))
        vendors = f"{false_vendor_repos} of {ran}" if tool == "charte-lint" else "n/a"
        lines.append(
            f"| {tool} | {percent(ratio(tp, tp + fp))} ({tp}/{tp + fp}) "
            f"| {percent(ratio(tp, tp + fn))} ({tp}/{tp + fn}) "
            f"| {percent(ratio(mtp, mtp + mfp))} ({mtp}/{mtp + mfp}) "
            f"| {percent(ratio(mtp, mtp + mfn))} ({mtp}/{mtp + mfn}) "
            f"| {findings} | {vendors} |"
        )
    return "\n".join(lines)


def repo_table(results: dict[str, dict[str, Any]], tools: list[str]) -> str:
    lines = [
        "| repository | tool | providers P / R | models P / R | findings | missed | "
        "reported, not used |",
        "|---|---|---|---|---|---|---|",
    ]
    for repo, per_tool in results.items():
        for tool in tools:
            entry = per_tool.get(tool)
            if not entry:
                continue
            if entry.get("error"):
                lines.append(f"| {repo} | {tool} | error | | | | |")
                continue
            s = entry["scores"]
            tp, fp, fn = s["parties"]
            mtp, mfp, mfn = s["models"]
            missed = s["missed_parties"] + [f"`{m}`" for m in s["missed_models"]]
            extra = s["extra_parties"] + [f"`{m}`" for m in s["extra_models"]]
            if entry.get("false_vendors"):
                extra.append("--init vendor " + ", ".join(entry["false_vendors"]))
            lines.append(
                f"| {repo} | {tool} | {percent(ratio(tp, tp + fp))} / "
                f"{percent(ratio(tp, tp + fn))} | {percent(ratio(mtp, mtp + mfp))} / "
                f"{percent(ratio(mtp, mtp + mfn))} | {entry['findings']} "
                f"| {shorten(missed)} | {shorten(extra)} |"
            )
    return "\n".join(lines)


def shorten(items: list[str], keep: int = 6) -> str:
    text = ", ".join(items[:keep])
    return text + (f" and {len(items) - keep} more" if len(items) > keep else "")


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def load_expectations() -> dict[str, Any]:
    """The expectations file, read with the charte-lint venv's PyYAML (this script is stdlib)."""
    text = run_text([str(common.CHARTE.python), "-c", YAML_TO_JSON, str(EXPECTATIONS)])
    return json.loads(text)["repositories"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="bare mirrors' folder")
    parser.add_argument("--repo", action="append", default=[], help="only this repository")
    parser.add_argument("--skip", action="append", default=[], help="leave a tool out")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per tool run")
    parser.add_argument("--fresh", action="store_true", help="recreate the venvs")
    args = parser.parse_args()

    started = dt.datetime.now()
    try:
        print(f"charte-lint: {common.ensure_venv(common.CHARTE, args.fresh)}")
        tools = ["charte-lint"]
        for peer in (peers.AIBOM_SCANNER, peers.AI_BOM):
            if peer.name not in args.skip:
                print(f"{peer.name}: {common.ensure_venv(peer, args.fresh)}")
                tools.append(peer.name)
        repositories = load_expectations()
        if args.repo:
            repositories = {k: v for k, v in repositories.items() if k in args.repo}
        for name, spec in repositories.items():
            note = prepare_snapshot(name, spec, args.mirror)
            print(f"snapshot {name} {spec['commit'][:12]}: {note}")
    except common.SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    versions = {
        "charte-lint": peers.package_version(common.CHARTE, "charte-lint"),
        **{t: peers.package_version(common.Tool(t, t), t) for t in tools[1:]},
    }
    results: dict[str, dict[str, Any]] = {}
    for name, spec in repositories.items():
        root = SNAPSHOTS / name
        expected = expected_sets(spec)
        results[name] = {}
        for tool in tools:
            print(f"  {name}: {tool}...", flush=True)
            if tool == "charte-lint":
                outcome = charte_outcome(root, spec, args.timeout)
            else:
                outcome = peer_outcome(tool, root, spec, args.timeout)
            results[name][tool] = {
                "parties": sorted(outcome.parties),
                "models": sorted(outcome.models),
                "findings": outcome.findings,
                "false_vendors": outcome.false_vendors,
                "error": outcome.error,
                "scores": scores(outcome, expected),
            }
            if outcome.error:
                print(f"    error: {outcome.error}")
    print("\nVersions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    print("\n" + summary_table(results, tools))
    print("\n" + repo_table(results, tools))
    RESULTS.write_text(
        json.dumps(
            {
                "date": started.isoformat(timespec="seconds"),
                "versions": versions,
                "repositories": {
                    k: {"url": v["url"], "commit": v["commit"]} for k, v in repositories.items()
                },
                "results": results,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\nResults in {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
