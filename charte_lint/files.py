"""Which files to lint: paths as given, and manifests found under directories.

A directory is searched for `ai-usage.yaml` and `ai-usage.yml`, skipping version-control and
dependency folders and virtual environments, and what `.gitignore` files ignore: inside a git
repository git lists the candidates; without git (no `git` on PATH, git failing, a copy of the tree
without `.git`), the walk reads the `.gitignore` files itself, root and nested, with git's rules
(`charte_lint.paths`), so that a CI image without git finds what a laptop finds. What the walk
cannot know: files git tracks although they are ignored, and git's global excludes file.

Symbolic links to directories are not followed (no loops), a linked file is read only when its
target is a regular file inside the directory searched, and anything that is not a regular file
(a FIFO, a socket, a directory named `ai-usage.yaml`) is skipped.
"""

from __future__ import annotations

import os
import stat
from itertools import pairwise

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator

    Listings = dict[str, list[str] | None]
    """What git listed per directory (absolute path), for the rest of a run."""

MANIFEST_NAMES = ("ai-usage.yaml", "ai-usage.yml")
SKIPPED_DIRECTORIES = frozenset(
    (
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".venv",
        "venv",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".direnv",
    )
)


class PathError(Exception):
    """A path given on the command line that cannot be linted: exit 2."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def collect(
    paths: list[str], exclude: list[str] | None = None, listings: Listings | None = None
) -> list[str]:
    """The files to lint, in a stable order, without duplicates; `exclude` patterns
    (gitignore-style) apply to the manifests found in a directory, relative to it."""
    found: list[str] = []
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            raise PathError("no-such-path", path=path) from None
        except OSError as error:
            raise PathError("unreadable", path=path, reason=error.strerror or str(error)) from None
        if stat.S_ISDIR(mode):
            found.extend(_search(path, exclude or [], listings))
        elif stat.S_ISREG(mode):
            found.append(path)
        else:
            raise PathError("unreadable", path=path, reason="not a regular file")
    unique = dict.fromkeys(os.path.normpath(p) for p in found)
    return list(unique)


def _search(directory: str, exclude: list[str], listings: Listings | None) -> list[str]:
    candidates = [
        os.path.join(directory, name)
        for name in listed_files(directory, SKIPPED_DIRECTORIES, listings)
        if name.rsplit("/", 1)[-1] in MANIFEST_NAMES
    ]
    root = os.path.realpath(directory)
    kept = []
    for path in sorted(candidates):
        relative = os.path.relpath(path, directory)
        if exclude and _excluded(relative.replace(os.sep, "/"), exclude):
            continue
        if _skipped(relative, directory) or not _is_regular_inside(path, root):
            continue
        kept.append(path)
    return kept


def _skipped(relative: str, directory: str) -> bool:
    parts = relative.split(os.sep)[:-1]
    current = directory
    for part in parts:
        current = os.path.join(current, part)
        if part in SKIPPED_DIRECTORIES or os.path.exists(os.path.join(current, "pyvenv.cfg")):
            return True
    return False


def _is_regular_inside(path: str, root: str) -> bool:
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = os.path.realpath(path)
            if os.path.commonpath([root, target]) != root:
                return False
            info = os.stat(target)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode)


def _excluded(relative: str, exclude: list[str]) -> bool:
    from charte_lint.paths import matches

    return matches(exclude, relative)


def listed_files(
    directory: str, skipped: frozenset[str], listings: Listings | None = None
) -> list[str]:
    """Paths relative to `directory` ('/' separators) of the files below it that `.gitignore`
    does not ignore: git's list inside a work tree, else a walk that reads the `.gitignore`
    files (see `walk`), so that both give the same answer. A directory that is itself ignored
    yet named explicitly counts whole, with or without git."""
    names = git_files(directory, listings)
    if names is not None:
        return names
    return list(walk(directory, skipped, gitignores_above(directory)))


def walk(directory: str, skipped: frozenset[str], ignores: Ignores | None = None) -> Iterator[str]:
    """Paths relative to `directory` ('/' separators) of every entry below it that is not a
    directory, entering neither linked directories, nor `skipped` ones, nor virtual
    environments (a `pyvenv.cfg` inside).

    With `ignores` (from `gitignores_above`), the `.gitignore` file of each directory walked is
    read too, and what they ignore is neither yielded nor entered, as git does: a deeper file's
    patterns take precedence, the last matching pattern of a file decides, and nothing below an
    ignored directory can be re-included."""
    pending: list[tuple[str, Ignores | None]] = [("", ignores)]
    while pending:
        relative, levels = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(directory, relative)))
        except OSError:
            continue
        if relative and any(entry.name == "pyvenv.cfg" for entry in entries):
            continue
        if levels is not None and any(entry.name == ".gitignore" for entry in entries):
            patterns = _read_patterns(os.path.join(directory, relative, ".gitignore"))
            if patterns:
                levels = (*levels, (len(relative) + 1 if relative else 0, "", patterns))
        for entry in entries:
            name = f"{relative}/{entry.name}" if relative else entry.name
            is_directory = _is_real_directory(entry)
            if is_directory and entry.name in skipped:
                continue
            if levels and _ignored(levels, name + "/" if is_directory else name):
                continue
            if is_directory:
                pending.append((name, levels))
            else:
                yield name


if TYPE_CHECKING:
    Ignores = tuple[tuple[int, str, tuple[str, ...]], ...]
    """`.gitignore` patterns by level, outermost first: (characters to drop from the start of a
    walked path, prefix to put before it, patterns), giving the path relative to the level's
    directory."""


def gitignores_above(directory: str) -> Ignores | None:
    """The ignore patterns that apply to `directory` from above it, as git reads them inside a
    work tree (`.git/info/exclude`, then each `.gitignore` from the top down to `directory`'s
    parent; outside one, none); None when `directory` itself is ignored."""
    here = os.path.abspath(directory)
    top = work_tree_top(here)
    chain = [here]
    while top is not None and chain[0] != top:
        chain.insert(0, os.path.dirname(chain[0]))
    above: list[tuple[str, tuple[str, ...]]] = []  # (directory, patterns)
    if top is not None:
        patterns = _read_patterns(os.path.join(top, ".git", "info", "exclude"))
        if patterns:
            above.append((top, patterns))
    for parent, child in pairwise(chain):
        patterns = _read_patterns(os.path.join(parent, ".gitignore"))
        if patterns:
            above.append((parent, patterns))
        levels = tuple((0, _relative_to(child, base), p) for base, p in above)
        if levels and _ignored(levels, ""):
            return None
    return tuple((0, _relative_to(here, base), patterns) for base, patterns in above)


def _relative_to(path: str, base: str) -> str:
    """`path` relative to `base`, as the prefix of the names below it ('' when they are one)."""
    relative = os.path.relpath(path, base).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def _ignored(levels: Ignores, name: str) -> bool:
    from charte_lint.paths import verdict

    for strip, prefix, patterns in reversed(levels):
        ignored = verdict(patterns, prefix + name[strip:])
        if ignored is not None:
            return ignored
    return False


def _read_patterns(path: str) -> tuple[str, ...]:
    """The patterns of an ignore file (blank lines and comments left out), or () when absent."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            lines = handle.read().splitlines()
    except (OSError, ValueError):
        return ()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


def _is_real_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _inside_git(directory: str) -> bool:
    return work_tree_top(directory) is not None


def work_tree_top(directory: str) -> str | None:
    """The absolute path of the git work tree holding `directory` (where `.git` is), or None."""
    current = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def git_files(directory: str, listings: Listings | None = None) -> list[str] | None:
    """Paths relative to `directory` of the files git knows of (tracked, or untracked and not
    ignored); None outside a work tree, when git fails, or when the directory is itself ignored
    yet named explicitly (then all of it counts). `listings` keeps the answers for a run, so
    that finding manifests and detecting AI use in code ask git once."""
    key = os.path.abspath(directory)
    if listings is not None and key in listings:
        return listings[key]
    names = _ls_files(directory)
    if names == [] and _ignored_by_git(directory):
        names = None
    if listings is not None:
        listings[key] = names
    return names


def _ls_files(directory: str) -> list[str] | None:
    if not _inside_git(directory):
        return None
    import subprocess

    command = ["git", "-C", directory, "ls-files", "-z", "--cached", "--others"]
    command += ["--exclude-standard"]
    try:
        result = subprocess.run(command, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    names = result.stdout.decode("utf-8", "surrogateescape").split("\0")
    return list(dict.fromkeys(name for name in names if name))  # a conflicted file is listed thrice


def _ignored_by_git(directory: str) -> bool:
    import subprocess

    try:
        result = subprocess.run(
            ["git", "-C", directory, "check-ignore", "-q", "."],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def read_file(path: str, limit: int) -> bytes:
    """The file's bytes, at most `limit` + 1 of them (enough to tell it is too large), read
    in one piece when the file is as large as it says (no second copy of a large file)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the run
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(0, "not a regular file")
        remaining = limit + 1
        chunks = []
        size = min(status.st_size + 1, remaining)  # one more, to see the end (or growth)
        while remaining > 0:
            chunk = os.read(descriptor, size)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            size = min(remaining, 1 << 20)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(descriptor)
