"""Running a Linter over many files: configuration per file, reading, and forked workers."""

from __future__ import annotations

import os

from charte_lint.api import Finding
from charte_lint.files import read_file
from charte_lint.manifest import MAX_BYTES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from charte_lint.config import Config, ConfigFinder
    from charte_lint.engine import Linter

PARALLEL_THRESHOLD = 32
"""Below this many files, starting workers costs more than it saves (bench/ measures it)."""

_FIELDS = (
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "use",
    "severity",
    "source_line",
    "suppression",
)


class RunResult:
    __slots__ = ("errors", "files", "findings")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.errors: list[str] = []  # files that could not be read: exit 2, the rest is linted


def lint_files(
    linter: Linter, paths: list[str], finder: ConfigFinder | None, forced: Config | None = None
) -> RunResult:
    """Lint `paths`, each under its configuration (`forced` for all when given)."""
    jobs = [(path, forced or finder.config_for(path)) for path in paths]  # type: ignore[union-attr]
    workers = _worker_count(len(jobs))
    if workers > 1:
        return _parallel(linter, jobs, workers)
    return _serial(linter, jobs)


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


def _serial(linter: Linter, jobs: list[tuple[str, Config]]) -> RunResult:
    result = RunResult()
    for path, config in jobs:
        try:
            raw = read_file(path, MAX_BYTES)
        except OSError as error:
            result.errors.append(_read_error(linter.lang, path, error))
            continue
        result.files.append(path)
        result.findings.extend(linter.lint_bytes(path, raw, config))
    return result


def _read_error(lang: str, path: str, error: OSError) -> str:
    from charte_lint.messages import text

    return text(lang, "unreadable", path=path, reason=error.strerror or str(error))


def _parallel(linter: Linter, jobs: list[tuple[str, Config]], workers: int) -> RunResult:
    """Contiguous chunks, one forked worker each; findings come back as plain tuples."""
    size = -(-len(jobs) // workers)

    def lint_chunk(index: int) -> tuple[object, ...]:
        chunk = _serial(linter, jobs[index * size : (index + 1) * size])
        flat = [_flatten(f) for f in chunk.findings]
        return chunk.files, chunk.errors, flat, linter.fingerprints, linter.declarations

    result = RunResult()
    for files, errors, flat, fingerprints, declarations in in_forked_workers(
        lint_chunk, -(-len(jobs) // size)
    ):
        result.files.extend(files)
        result.errors.extend(errors)
        result.findings.extend(_rebuild(f) for f in flat)
        if linter.fingerprints is not None and fingerprints:
            linter.fingerprints.update(fingerprints)  # values fingerprinted for a baseline
        if linter.declarations is not None and declarations:
            linter.declarations.extend(declarations)  # uses, for the cross-check with code
    return result


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


def _flatten(finding: Finding) -> tuple[object, ...]:
    return (
        finding.code,
        finding.name,
        finding.severity,
        finding.pointer,
        finding.message,
        finding.principle,
        finding.charter,
        finding.on_key,
        *(getattr(finding, name) for name in _FIELDS),
    )


def _rebuild(values: tuple[object, ...]) -> Finding:
    finding = Finding(*values[:8])  # type: ignore[arg-type]
    for name, value in zip(_FIELDS, values[8:], strict=True):
        setattr(finding, name, value)
    return finding
