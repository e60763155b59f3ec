"""Running a Linter over many files: configuration per file, reading, and forked workers."""

from __future__ import annotations

import os

from charte_lint.api import Finding
from charte_lint.files import read_file
from charte_lint.manifest import MAX_BYTES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
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
    """Contiguous chunks, one forked worker each, results back through a pipe."""
    import pickle

    size = -(-len(jobs) // workers)
    children = []
    for start in range(0, len(jobs), size):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: lint its chunk, send plain tuples, leave without cleanup
            os.close(read_end)
            status = 0
            try:
                chunk = _serial(linter, jobs[start : start + size])
                flat = [_flatten(f) for f in chunk.findings]
                payload = (
                    "ok",
                    chunk.files,
                    chunk.errors,
                    flat,
                    linter.fingerprints,
                    linter.declarations,
                )
            except BaseException as error:  # sent to the parent, which reports it
                payload = ("error", type(error).__name__, str(error), error)
                status = 1
            try:
                data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                data = pickle.dumps(("error", "Error", str(payload[2]), None))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            os._exit(status)
        os.close(write_end)
        children.append((pid, read_end))
    result = RunResult()
    failure = None
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        payload = pickle.loads(data) if data else ("error", "Error", "a worker died", None)
        if payload[0] == "ok":
            result.files.extend(payload[1])
            result.errors.extend(payload[2])
            result.findings.extend(_rebuild(f) for f in payload[3])
            if linter.fingerprints is not None and payload[4]:
                linter.fingerprints.update(payload[4])  # values fingerprinted for a baseline
            if linter.declarations is not None and payload[5]:
                linter.declarations.extend(payload[5])  # uses, for the cross-check with code
        elif failure is None:
            failure = payload
    if failure is not None:
        if isinstance(failure[3], BaseException):
            raise failure[3]
        raise RuntimeError(f"{failure[1]}: {failure[2]}")
    return result


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
