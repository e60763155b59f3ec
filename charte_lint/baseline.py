"""Baselines for gradual adoption: record today's findings, then report only new ones.

    {"version": 1, "tool": "charte-lint", "entries": [
      {"file": "ai-usage.yaml", "code": "SEC001", "use": "chatbot",
       "pointer": "/uses/2/review/last", "fingerprint": "9c1e0f3b5a7d2e48"}]}

An entry names a finding by file (relative to the baseline's directory, so the baseline works
from any working directory), rule code, use id, JSON pointer, and a fingerprint of the offending
value (a short SHA-256 of its canonical JSON): never by line, so entries survive edits that move
lines. Within a use, the pointer is compared from the use down, so reordering uses keeps
entries matching. Matching counts: N identical entries absorb N findings. Entries that match
nothing are stale: the problem was fixed, and the baseline can shrink.
"""

from __future__ import annotations

import json
import os

from charte_lint.identity import identity
from charte_lint.identity import value_fingerprint as value_fingerprint  # re-exported
from charte_lint.messages import nt, t

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from charte_lint.api import Finding

VERSION = 1
_KEYS = ("file", "code", "use", "pointer", "fingerprint")


def stale(lang: str, file: str, code: str, pointer: str, use: str) -> str:
    return t(lang, "baseline entry no longer matches: {file} {code} {pointer}{use}").format(
        file=file, code=code, pointer=pointer, use=use
    )


def stale_count(lang: str, count: int, path: str) -> str:
    return t(
        lang,
        "baseline entries that no longer match: {count}; run --write-baseline {path} to shrink "
        "the baseline",
    ).format(count=count, path=path)


def matched(lang: str, count: int, path: str) -> str:
    return nt(
        lang,
        "{count} finding matched the baseline {path}",
        "{count} findings matched the baseline {path}",
        count,
    ).format(count=count, path=path)


def written(lang: str, count: int, path: str) -> str:
    return nt(
        lang,
        "wrote {count} finding to the baseline {path}",
        "wrote {count} findings to the baseline {path}",
        count,
    ).format(count=count, path=path)


class _Template:
    """`TEXTS[lang][key].format(...)` for callers of the former table of texts."""

    def __init__(self, render: Callable[..., str], lang: str) -> None:
        self._render, self._lang = render, lang

    def format(self, **params: Any) -> str:
        return self._render(self._lang, **params)


class _Texts:
    def __getitem__(self, lang: str) -> dict[str, _Template]:
        return {
            "stale-count": _Template(stale_count, lang),
            "written": _Template(written, lang),
        }


TEXTS = _Texts()
"""Deprecated: call `stale_count` and `written`."""


class BaselineError(Exception):
    """A baseline that cannot be read or is not one: a usage error (exit 2)."""


def relative(path: str, baseline: str) -> str:
    """`path` relative to the baseline file's directory, with `/` separators."""
    directory = os.path.dirname(os.path.abspath(baseline))
    try:
        found = os.path.relpath(os.path.abspath(path), directory)
    except ValueError:  # another drive on Windows
        found = os.path.abspath(path)
    return found.replace(os.sep, "/")


def entry_for(finding: Finding, baseline: str) -> dict[str, Any]:
    """The entry for a finding (made with fingerprints: `Linter(fingerprints=True)`)."""
    return {
        "file": relative(finding.file, baseline),
        "code": finding.code,
        "use": finding.use,
        "pointer": finding.pointer,
        "fingerprint": finding.fingerprint or "",
    }


def entries_for(findings: list[Finding], baseline: str) -> list[dict[str, Any]]:
    """Baseline entries for the findings that count (suppressed ones are left out), sorted."""
    entries = [entry_for(f, baseline) for f in findings if f.suppression is None]
    entries.sort(
        key=lambda e: (e["file"], e["code"], e["use"] or "", e["pointer"], e["fingerprint"])
    )
    return entries


def render(entries: list[dict[str, Any]]) -> str:
    document = {"version": VERSION, "tool": "charte-lint", "entries": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def load(path: str, lang: str) -> list[dict[str, Any]]:
    """The entries of the baseline at `path`; BaselineError when it cannot be used."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        from charte_lint.messages import text

        raise BaselineError(
            text(lang, "unreadable", path=path, reason=error.strerror or str(error))
        ) from None
    except ValueError as error:
        raise BaselineError(_invalid(lang, path, _not_json(lang, error))) from None
    entries = document.get("entries") if isinstance(document, dict) else None
    if (
        not isinstance(document, dict)
        or document.get("version") != VERSION
        or document.get("tool") != "charte-lint"
        or not isinstance(entries, list)
        or not all(_well_formed(entry) for entry in entries)
    ):
        shape = t(
            lang,
            'expected {"version": 1, "tool": "charte-lint", "entries": [...]} with entries of '
            "strings `file`, `code`, `pointer`, `fingerprint` and `use` (a string or null)",
        )
        raise BaselineError(_invalid(lang, path, shape))
    return entries


def _not_json(lang: str, error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return t(lang, "not JSON ({message}: line {line} column {column} (char {char}))").format(
            message=error.msg, line=error.lineno, column=error.colno, char=error.pos
        )
    return t(lang, "not JSON ({reason})").format(reason=error)


def _invalid(lang: str, path: str, reason: str) -> str:
    return t(lang, "invalid baseline {path}: {reason}").format(path=path, reason=reason)


def _well_formed(entry: Any) -> bool:
    if not isinstance(entry, dict) or set(entry) != set(_KEYS):
        return False
    strings = all(isinstance(entry[k], str) for k in ("file", "code", "pointer", "fingerprint"))
    return strings and (entry["use"] is None or isinstance(entry["use"], str))


def _key(entry: dict[str, Any]) -> tuple[str, ...]:
    """An entry's finding identity (`charte_lint.identity`)."""
    return identity(
        entry["file"], entry["code"], entry["use"], entry["pointer"], entry["fingerprint"]
    )


def subtract(
    entries: list[dict[str, Any]],
    findings: list[Finding],
    baseline: str,
    files: list[str],
) -> tuple[list[Finding], list[dict[str, Any]]]:
    """(findings not in the baseline, stale entries for the files of this run).

    Suppressed findings are kept as they are: they are neither new nor baselined.
    """
    remaining: dict[tuple[str, ...], int] = {}
    for entry in entries:
        key = _key(entry)
        remaining[key] = remaining.get(key, 0) + 1
    kept = []
    for finding in findings:
        if finding.suppression is None:
            key = _key(entry_for(finding, baseline))
            if remaining.get(key, 0) > 0:
                remaining[key] -= 1
                continue
        kept.append(finding)
    linted = {relative(path, baseline) for path in files}
    stale = []
    for entry in entries:
        key = _key(entry)
        if entry["file"] in linted and remaining.get(key, 0) > 0:
            remaining[key] -= 1
            stale.append(entry)
    return kept, stale


def describe_stale(entry: dict[str, Any], lang: str) -> str:
    use = t(lang, " (use {use})").format(use=entry["use"]) if entry["use"] else ""
    return stale(lang, entry["file"], entry["code"], entry["pointer"] or "/", use)
