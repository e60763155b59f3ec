"""Start and time commands for bench/run.py, in a separate process that stays small.

Why a separate process: Linux folds the parent's peak RSS into a child's ru_maxrss (the memory
the child had between fork and exec counts), so a parent that has generated data would report
its own peak as every tool's peak. Run as `python -I -S bench/launcher.py`, this process stays
around 10 MiB, which is then the floor of every peak reading.

Protocol: one JSON request per line on stdin, `{"cmd": [...], "timeout": seconds}`; one JSON
result per line on stdout. Stdlib only, and only the modules it needs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def run_timed(cmd: list[str], timeout: float) -> dict[str, object]:
    """Start `cmd` and reap it with os.wait4, which gives this child's own rusage.

    subprocess.run hides the rusage and RUSAGE_CHILDREN can't give a per-run peak (ru_maxrss is
    a maximum, not a sum); wait4 on the Popen's pid gives both. A SIGALRM timer ends a hung run
    without a helper thread competing with the child.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    timed_out = False
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except _Timeout:
        timed_out = True
        proc.kill()
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_kib": usage.ru_maxrss,  # KiB on Linux
        "code": proc.returncode,
        "timed_out": timed_out,
    }


def serve() -> None:
    """Answer requests until stdin closes; an error is reported, never raised past here."""
    signal.signal(signal.SIGALRM, _alarm)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            result = run_timed(request["cmd"], float(request["timeout"]))
        except OSError as exc:
            result = {"error": f"could not start {request['cmd'][0]}: {exc}"}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
