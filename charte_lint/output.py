"""Writing the files a user asked for, and only those, atomically.

The new content goes to a temporary file beside the target, is flushed to disk, then renamed
over it: a reader sees the old file or the new one, never half of one, and a failed write
leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable


def write_atomically(path: str, content: str | Iterable[str]) -> None:
    """Write `content` to `path` atomically; text produced in pieces (the JSON of a register of
    30,000 uses) is written as it comes, never held whole, nor twice (as text and as UTF-8)."""
    if isinstance(content, str):
        temporary = write_temporary(path, content.encode("utf-8"))
    else:
        temporary = write_temporary(path, b"")  # with the permissions a new file gets
        try:
            with open(temporary, "w", encoding="utf-8", newline="") as stream:
                for piece in content:
                    stream.write(piece)
                stream.flush()
                os.fsync(stream.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    try:
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_temporary(path: str, data: bytes) -> str:
    """A new file beside `path` holding `data`, flushed to disk, with the permissions a new file
    gets under the umask (not mkstemp's 0600): the caller renames or links it into place."""
    directory = os.path.dirname(os.path.abspath(path))
    descriptor, temporary = tempfile.mkstemp(prefix=".charte-lint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary
