"""Benchmark the organisation's register: merging N CI fragments with `charte-lint --register`.

Run from the repository root with any Python 3.10+: `python bench/register.py` (stdlib only).
It installs charte-lint as bench/run.py does (its own venv under bench/.work/, from a copy of the
work tree), makes template records of the repository's example manifests with that charte-lint
(`--register templates.json examples/ tests/data/registers/*.yaml`), writes seeded fleets of
fragments with tests/fleet_corpus.py (the generator the fleet test uses: 1-5 real uses per
repository, one directory per repository as actions/download-artifact lays them out, with planted
conflicts, superseded, expired and duplicated fragments), and times
`charte-lint --register OUT/ FRAGMENTS/` on each fleet: one untimed warm-up that also checks the
merge's counts against what was planted, then interleaved runs started by bench/launcher.py
(wall time, CPU, the process's own peak RSS); medians. Results go to
bench/.work/register-results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fleet generator
sys.path.insert(0, str(BENCH))  # bench/run.py: venvs, launcher

import run as common  # noqa: E402
from fleet_corpus import Fleet, write_fleet  # noqa: E402

WORK = common.WORK
DATA = WORK / "register"
RESULTS = WORK / "register-results.json"
TODAY = dt.date(2026, 11, 29)  # CHARTE_LINT_TODAY for the runs: the fleets' ages are from it
SEED = 20261129
TEMPLATE_PATHS = [
    "examples",
    *sorted(
        f"tests/data/registers/{p.name}"
        for p in (ROOT / "tests" / "data" / "registers").glob("*.yaml")
    ),
]


def make_templates(env: dict[str, str]) -> list[dict[str, Any]]:
    """Real records, from the installed charte-lint, of the repository's example manifests."""
    target = DATA / "templates.json"
    DATA.mkdir(parents=True, exist_ok=True)
    cmd = [str(common.CHARTE.exe), "--register", str(target), *TEMPLATE_PATHS]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise common.SetupError(
            f"charte-lint --register on the examples failed:\n"
            f"{common.tail(done.stdout + done.stderr)}"
        )
    uses = json.loads(target.read_text(encoding="utf-8"))["uses"]
    if not uses:
        raise common.SetupError("charte-lint --register found no use in the examples")
    return uses


def make_fleet(count: int, templates: list[dict[str, Any]]) -> tuple[Path, Fleet, float]:
    """`count` fragments under bench/.work/register/fragments-<count>/ (old ones removed)."""
    root = DATA / f"fragments-{count}"
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    fleet = write_fleet(root, templates, count, SEED, TODAY)
    size = sum(p.stat().st_size for p in root.rglob("*.json"))
    print(
        f"  {count} fragments: {fleet.repositories} repositories, {fleet.uses} uses, "
        f"{size / 2**20:.1f} MiB, written in {time.perf_counter() - started:.1f} s"
    )
    return root, fleet, size / 2**20


def check_counts(out: Path, fleet: Fleet) -> list[str]:
    """What the warm-up's register says against what was planted; empty when they agree."""
    register = json.loads((out / "register.json").read_text(encoding="utf-8"))
    stale = [s["reason"] for s in register["stale"]]
    found = {
        "uses": len(register["uses"]),
        "sources": len(register["sources"]),
        "conflicts": len(register["conflicts"]),
        "superseded": stale.count("superseded"),
        "expired": stale.count("expired"),
    }
    wanted = {
        "uses": fleet.uses,
        "sources": fleet.repositories,
        "conflicts": len(fleet.conflicts),
        "superseded": len(fleet.superseded),
        "expired": len(fleet.expired),
    }
    return [f"{k}: {found[k]} merged, {wanted[k]} planted" for k in wanted if found[k] != wanted[k]]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark merging CI register fragments with charte-lint --register.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000], help="fragments per fleet"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per fleet")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per process")
    parser.add_argument("--fresh", action="store_true", help="recreate the charte-lint venv")
    args = parser.parse_args(argv)
    if args.runs < 1 or min(args.sizes) < 100:
        parser.error("--runs must be at least 1 and every size at least 100")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    env = {**common.child_env(), "CHARTE_LINT_TODAY": TODAY.isoformat()}
    try:
        print(f"Set-up in {WORK.relative_to(ROOT)}/ (base Python {sys.executable})")
        print(f"  charte-lint: {common.ensure_venv(common.CHARTE, args.fresh)}")
        version = common.tool_version(common.CHARTE)
        templates = make_templates(env)
        organisations = len({r["key"]["organisation"] for r in templates})
        print(f"  templates: {len(templates)} records of {organisations} organisations")
        fleets = {n: make_fleet(n, templates) for n in args.sizes}
        benches = {
            n: common.Bench(
                f"--register OUT/ <{n} fragments>",
                common.CHARTE,
                [str(common.CHARTE.exe), "--register", str(DATA / f"out-{n}"), str(root)],
                args.runs,
            )
            for n, (root, _, _) in fleets.items()
        }
        with common.Launcher(env, args.timeout) as launcher:
            for n, bench in benches.items():
                common.warm_up(bench, launcher, {1})  # 1: written, with the planted conflicts
                if bench.broken is None:
                    wrong = check_counts(DATA / f"out-{n}", fleets[n][1])
                    bench.broken = "counts differ: " + "; ".join(wrong) if wrong else None
            busy = common.check_quiet("the start of the timed runs")
            common.interleave(list(benches.values()), launcher)
    except common.SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = []
    for n, bench in benches.items():
        row = common.summarise(bench)
        row["fragments"] = n
        row["uses"] = fleets[n][1].uses
        row["size_mib"] = fleets[n][2]
        rows.append(row)
    print(
        f"\nMerging fragments (median of {args.runs} interleaved runs after an untimed warm-up "
        f"that checked the counts), Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}; {version}"
    )
    common.print_table(rows, "s")
    timed = [r for r in rows if "median_s" in r]
    for row in timed:
        print(
            f"  {row['fragments']} fragments ({row['uses']} uses, {row['size_mib']:.0f} MiB): "
            f"{row['median_s']:.2f} s, {row['uses'] / row['median_s']:.0f} uses/s, "
            f"{row['peak_mib']:.0f} MiB peak"
        )
    if len(timed) >= 2:
        small, large = timed[0], timed[-1]
        print(
            f"  {large['fragments']} / {small['fragments']} fragments: "
            f"x{large['median_s'] / small['median_s']:.1f} time, "
            f"x{large['peak_mib'] / small['peak_mib']:.1f} peak memory"
        )
    results = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "loadavg": os.getloadavg(),
        "busy_cpus": busy,
        "charte_lint": version,
        "rows": rows,
        "elapsed_s": time.perf_counter() - started,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nTotal {results['elapsed_s']:.0f} s; results in {RESULTS.relative_to(ROOT)}")
    return 1 if len(timed) < len(rows) else 0


if __name__ == "__main__":
    sys.exit(main())
