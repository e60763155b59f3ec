"""Linting many files: reading each, and forked workers when there are many."""

from __future__ import annotations

import os

from charte_lint.engine import FileResult, lint_file
from charte_lint.files import read_file
from charte_lint.manifest import MAX_BYTES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from charte_lint.config import Config
    from charte_lint.engine import Linter

PARALLEL_THRESHOLD = 32
"""Below this many files, starting workers costs more than it saves (bench/ measures it)."""


def lint_files(settings: Linter, jobs: list[tuple[str, Config]]) -> list[FileResult]:
    """One FileResult per (path, configuration), in order; forked workers for many files."""
    workers = _worker_count(len(jobs))
    if workers > 1:
        return _parallel(settings, jobs, workers)
    return _serial(settings, jobs)


def _worker_count(jobs: int) -> int:
    return worker_count(jobs, PARALLEL_THRESHOLD)


def worker_count(jobs: int, threshold: int) -> int:
    """Forked workers for `jobs` pieces of work: one per usable core, none below `threshold`,
    and at least `threshold / 2` jobs each (starting a worker costs about that much)."""
    if jobs < threshold or not hasattr(os, "fork"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(cores, jobs // (threshold // 2)))


def _serial(settings: Linter, jobs: list[tuple[str, Config]]) -> list[FileResult]:
    results = []
    for path, config in jobs:
        try:
            raw = read_file(path, config.max_file_bytes or MAX_BYTES)
        except OSError as error:
            results.append(FileResult(path, [], error=_read_error(settings.lang, path, error)))
            continue
        results.append(lint_file(path, raw, config, settings))
    return results


def _read_error(lang: str, path: str, error: OSError) -> str:
    from charte_lint.messages import text

    return text(lang, "unreadable", path=path, reason=error.strerror or str(error))


def _parallel(settings: Linter, jobs: list[tuple[str, Config]], workers: int) -> list[FileResult]:
    """Contiguous chunks, one forked worker each; their FileResults come back pickled."""
    size = -(-len(jobs) // workers)

    def lint_chunk(index: int) -> list[FileResult]:
        return _serial(settings, jobs[index * size : (index + 1) * size])

    chunks = in_forked_workers(lint_chunk, -(-len(jobs) // size))
    return [result for chunk in chunks for result in chunk]


def in_forked_workers(work: Callable[[int], Any], workers: int) -> list[Any]:
    """`work(index)` for each index below `workers`, each in a forked child that sends its
    (picklable) result back through a pipe and leaves without cleanup; the results in index
    order. A worker's exception is raised here: itself when it can be sent, else by name."""
    import pickle

    children = []
    for index in range(workers):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(read_end)
            status = 0
            try:
                payload: tuple[Any, ...] = ("ok", work(index))
            except BaseException as error:  # sent to the parent, which raises it
                payload, status = ("error", error, f"{type(error).__name__}: {error}"), 1
            try:
                data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                reason = payload[2] if status else "Error: a worker's result cannot be sent"
                data = pickle.dumps(("error", None, reason))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            os._exit(status)
        os.close(write_end)
        children.append((pid, read_end))
    results = []
    failure = None
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        payload = pickle.loads(data) if data else ("error", None, "Error: a worker died")
        if payload[0] == "ok":
            results.append(payload[1])
        elif failure is None:
            failure = payload
    if failure is not None:
        if isinstance(failure[1], BaseException):
            raise failure[1]
        raise RuntimeError(failure[2])
    return results
