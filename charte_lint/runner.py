"""Linting many files: reading each, and forked workers when there are many."""

from __future__ import annotations

import os

from charte_lint.engine import FileResult, lint_file
from charte_lint.files import read_file

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
            raw = read_file(path, config.max_file_bytes)
        except OSError as error:
            results.append(FileResult(path, [], error=_read_error(settings.lang, path, error)))
            continue
        results.append(lint_file(path, raw, config, settings))
    return results


def _read_error(lang: str, path: str, error: OSError) -> str:
    from charte_lint.messages import text

    return text(lang, "unreadable", path=path, reason=error.strerror or str(error))


def _parallel(settings: Linter, jobs: list[tuple[str, Config]], workers: int) -> list[FileResult]:
    """`workers` lanes: this process and `workers - 1` forked ones.

    This process lints the first file before forking, so that what is loaded on first use (the
    schema validator, the rules' texts, late imports) is loaded once and inherited rather than
    once per worker. The other files are cut into small chunks, which the lanes take in turn
    from a shared pipe of chunk numbers: a slow file or a busy core leaves no lane idle while
    another works. This process keeps the results of its own chunks as they are, and between
    two of them unpickles what the workers have sent, one message per chunk, so that little is
    left to read once the last chunk is done. The results come back in the order of `jobs`; an
    exception is the one a serial run would have raised first, a worker's sent by pickle."""
    done = _serial(settings, jobs[:1])
    rest = jobs[1:]
    if not rest:
        return done
    size = -(-len(rest) // min(MAX_CHUNKS, workers * CHUNKS_PER_WORKER))
    chunks = [rest[start : start + size] for start in range(0, len(rest), size)]
    tickets, feed = os.pipe()
    os.write(feed, bytes(range(len(chunks))))  # fewer than PIPE_BUF bytes: written at once
    os.close(feed)  # once every ticket is taken, the pipe reads as empty: the end of the work
    results: list[list[FileResult] | None] = [None] * len(chunks)
    failures: dict[int, tuple[Any, ...]] = {}
    children: list[tuple[int, int]] = []
    try:
        for _ in range(workers - 1):
            children.append(_fork_worker(settings, chunks, tickets))
        inbox = _Inbox([read_end for _, read_end in children], results, failures)
        while ticket := os.read(tickets, 1):
            try:
                results[ticket[0]] = _serial(settings, chunks[ticket[0]])
            except BaseException as error:  # raised below, unless a serial run fails earlier
                failures[ticket[0]] = ("raise", error)
                while os.read(tickets, MAX_CHUNKS):  # take the rest: the workers stop
                    pass
                break
            inbox.receive(wait=False)
        inbox.receive(wait=True)
    finally:
        os.close(tickets)
        for pid, read_end in children:
            os.close(read_end)
            os.waitpid(pid, 0)
    for index, chunk in enumerate(results):  # no result, no failure: its worker died
        if chunk is None:  # (or it was never taken, after an earlier failure)
            failures.setdefault(index, ("error", None, "Error: a worker died"))
    if failures:
        failure = failures[min(failures)]
        if failure[0] == "raise" or isinstance(failure[1], BaseException):
            raise failure[1]
        raise RuntimeError(failure[2])
    return done + [result for chunk in results for result in chunk or ()]


MAX_CHUNKS = 255
"""Chunk numbers travel as single bytes through the pipe of tickets."""
CHUNKS_PER_WORKER = 32
"""Small chunks balance the lanes; each costs one read of one byte, and one message back."""
_HEADER = 8  # the length of a worker's message, before it


def _fork_worker(
    settings: Linter, chunks: list[list[tuple[str, Config]]], tickets: int
) -> tuple[int, int]:
    """A forked worker that lints the chunks whose tickets it takes, each chunk's results sent
    as one pickled message: (pid, the read end of its messages)."""
    read_end, write_end = os.pipe()
    _widen(write_end)
    pid = os.fork()
    if pid == 0:  # the worker: whatever happens, it leaves here
        status = 1
        try:
            os.close(read_end)
            status = _work(settings, chunks, tickets, write_end)
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _widen(pipe: int) -> None:
    """Let a pipe hold a whole chunk's results where the system allows it (Linux: 1 MiB for
    any user), so that a worker seldom waits for this process to read."""
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _work(settings: Linter, chunks: list[list[tuple[str, Config]]], tickets: int, out: int) -> int:
    """A worker's loop: take a ticket, lint its chunk, send the results; stop at the first
    exception, which is sent instead (itself when it can be pickled, else by name)."""
    import pickle

    with os.fdopen(out, "wb") as stream:
        while ticket := os.read(tickets, 1):
            index = ticket[0]
            try:
                message: tuple[Any, ...] = ("ok", index, _serial(settings, chunks[index]))
            except BaseException as error:
                message = ("error", index, error, f"{type(error).__name__}: {error}")
            try:
                data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                reason = message[3] if message[0] == "error" else None
                reason = reason or "Error: a worker's result cannot be sent"
                data = pickle.dumps(("error", index, None, reason))
            stream.write(len(data).to_bytes(_HEADER, "big") + data)
            stream.flush()
            if message[0] == "error":
                return 1
    return 0


class _Inbox:
    """The workers' messages, read as they come: each chunk's results into `results`, each
    failure into `failures` (by chunk number)."""

    def __init__(
        self,
        pipes: list[int],
        results: list[list[FileResult] | None],
        failures: dict[int, tuple[Any, ...]],
    ) -> None:
        self.pending = {pipe: bytearray() for pipe in pipes}
        self.results = results
        self.failures = failures

    def receive(self, wait: bool) -> None:
        """Read what has arrived (`wait`: everything, until every worker has finished)."""
        import pickle
        import select

        while self.pending:
            ready, _, _ = select.select(list(self.pending), [], [], None if wait else 0)
            if not ready:
                return
            for pipe in ready:
                data = os.read(pipe, 1 << 20)
                if not data:  # the worker has finished (a message cut short is dropped)
                    del self.pending[pipe]
                    continue
                buffer = self.pending[pipe]
                buffer += data
                while len(buffer) >= _HEADER:
                    end = _HEADER + int.from_bytes(buffer[:_HEADER], "big")
                    if len(buffer) < end:
                        break
                    message = pickle.loads(buffer[_HEADER:end])
                    del buffer[:end]
                    if message[0] == "ok":
                        self.results[message[1]] = message[2]
                    else:
                        self.failures[message[1]] = ("error", *message[2:])


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
