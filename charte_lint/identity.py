"""What makes a finding the same finding from one run to the next, lines aside.

A finding is identified by (file, rule code, use id, JSON pointer within the use, fingerprint of
the value it is about): never by line, so an edit that moves lines keeps it, and a use's findings
keep theirs when uses are reordered. The baseline matches entries with it, and the GitLab and
SARIF reports derive their fingerprints from it: one identity, computed here.
"""

from __future__ import annotations

from charte_lint.pointer import within_use

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding

    Identity = tuple[str, str, str, str, str]

_ABSENT = "\0absent"


def identity(file: str, code: str, use: str | None, pointer: str, fingerprint: str) -> Identity:
    """(file, code, use, pointer within the use, fingerprint): a pointer in a use is taken
    from the use down, so that reordering uses changes nothing; "" for no use."""
    if use is not None:
        pointer = within_use(pointer)
    return (file, code, use or "", pointer, fingerprint)


def finding_identity(finding: Finding, file: str | None = None) -> Identity:
    """The identity of `finding`, with its file written as `file` when given (relative to a
    baseline, say)."""
    return identity(
        finding.file if file is None else file,
        finding.code,
        finding.use,
        finding.pointer,
        finding.fingerprint or "",
    )


def digest(place: Identity, occurrence: int = 0) -> str:
    """A hex SHA-256 of an identity and its occurrence (the n-th finding with that identity in
    a run, from 0), for reports that want one string per finding."""
    import hashlib

    return hashlib.sha256("\0".join((*place, str(occurrence))).encode()).hexdigest()


def digests(findings: list[Finding]) -> list[str]:
    """`digest` for each finding of a report, in order, counting occurrences; files as
    `report_path` writes them. GitLab and SARIF fingerprints."""
    seen: dict[Identity, int] = {}
    found = []
    for finding in findings:
        place = finding_identity(finding, report_path(finding.file))
        occurrence = seen.get(place, 0)
        seen[place] = occurrence + 1
        found.append(digest(place, occurrence))
    return found


def report_path(path: str) -> str:
    """A path as reports identify files: `/` separators, no leading `./`."""
    posix = path.replace("\\", "/")
    return posix[2:] if posix.startswith("./") else posix


def value_fingerprint(data: Any, pointer: str) -> str:
    """A short hash of the canonical JSON of the value at `pointer` in `data`."""
    import hashlib
    import json

    from charte_lint.pointer import resolve

    value = resolve(data, pointer, _ABSENT)
    canonical = json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
