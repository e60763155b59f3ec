"""Declared vs detected: code detection before the manifests are linted, the cross-check after.

`scan` runs detection over the linted directories and gives the `Repository` that manifest rules
see (`context.repository`); once the manifests are linted, `repository_findings` (the project
phase) gives it the uses the manifests' FileResults declare, runs the repository rules
(undeclared AI use, hard-coded keys) over the evidence and those uses, and places their findings
in code, where inline `charte-lint: ignore[...]` comments apply.
"""

from __future__ import annotations

import os
import re

from charte_lint.api import Repository
from charte_lint.suppressions import DIRECTIVE_BODY, UNSILENCEABLE, names_rule

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable

    from charte_lint.api import Evidence, Finding, Rule
    from charte_lint.config import Config
    from charte_lint.engine import FileResult, Linter
    from charte_lint.files import Listings


_DIRECTIVE_IN_CODE = re.compile(DIRECTIVE_BODY + r"(?:\*/|-->)?\s*$")  # a C or HTML comment's end


def scan(
    roots: list[str],
    exclude: list[str],
    base: str | None = None,
    listings: Listings | None = None,
) -> Repository:
    """The evidence under every root, without uses yet (the project phase adds those of the
    linted manifests); `exclude` globs are relative to `base`, the configuration's directory."""
    from charte_lint.detect import detect, load_catalogue

    catalogue = load_catalogue()
    evidence = []
    scanned: list[str] = []
    for root in roots:
        evidence.extend(detect(root, exclude, catalogue, scanned, base, listings))
    return Repository(evidence, scanned, catalogue.providers, catalogue.model_provider)


def scan_files(paths: list[str], exclude: list[str], base: str | None = None) -> Repository:
    """The evidence in exactly these files (a commit's), without uses yet. No code files are
    recorded: a rule that compares a manifest with all the code under it (TRN009, declared but
    not in the code) has nothing to say about a part of it."""
    from charte_lint.detect import detect_files, load_catalogue

    catalogue = load_catalogue()
    evidence = detect_files(paths, exclude, catalogue, base)
    return Repository(evidence, [], catalogue.providers, catalogue.model_provider)


def repository_findings(
    results: Iterable[FileResult],
    repository: Repository | None,
    settings: Linter,
    config: Config,
    where: str = ".",
) -> list[Finding]:
    """The project phase: the findings of the enabled repository rules over what detection
    found and the uses the linted manifests declare (their FileResults), with severity, source
    line and suppressions. A rule that crashes gives one CL000 finding at `where`, the first
    directory detection scanned.

    A rule may make one finding of many places (one per file and provider, `related`): it
    sees the evidence that inline comments silence apart from the rest, so that a comment
    silences its own line only, never the other places of the finding it would belong to.
    """
    from charte_lint.api import RuleContext
    from charte_lint.engine import run_check

    if repository is None:
        return []
    repository = repository.with_uses(use for result in results for use in result.declared_uses)
    severities, _ = settings.selection(config)
    lines: dict[str, list[str]] = {}
    findings: list[Finding] = []
    for rule in settings.rules:
        if rule.scope != "repository" or rule.code not in severities:
            continue
        parts = [repository]
        if settings.suppressions:
            parts = [part for part in _by_silence(repository, rule, lines) if part.evidence]
        for part in parts:
            context = RuleContext(rule, {}, config.policy, settings.lang, settings.today)
            context.repository = part
            for finding in run_check(rule, context, where):
                findings.append(finding.replace(severity=severities[finding.code]))
    return _finish(findings, settings.suppressions, lines)


def _by_silence(
    repository: Repository, rule: Rule, lines: dict[str, list[str]]
) -> list[Repository]:
    """(the repository with the evidence no inline comment silences for `rule`, the one with
    the evidence that is silenced); `lines` caches the files' lines."""
    import copy

    from charte_lint.api import Finding

    probe = Finding(rule.code, rule.name, rule.severity, "", "")
    open_: list[Evidence] = []
    silenced: list[Evidence] = []
    for evidence in repository.evidence:
        if evidence.file not in lines:
            lines[evidence.file] = _lines(evidence.file)
        text, number = lines[evidence.file], evidence.line
        near = (text[n - 1] for n in (number, number - 1) if 0 < n <= len(text))
        marked = any("charte-lint:" in line for line in near)
        quiet = marked and _suppression(text, probe.replace(line=number)) is not None
        (silenced if quiet else open_).append(evidence)
    if not silenced:
        return [repository]
    parts = []
    for found in (open_, silenced):
        part = copy.copy(repository)  # the same uses and catalogue, caches and all
        part.evidence = found
        parts.append(part)
    return parts


def _finish(
    findings: list[Finding], suppressions: bool, lines: dict[str, list[str]] | None = None
) -> list[Finding]:
    """Source lines, and inline suppressions written in the code's own comments (at the
    finding's first place: `_by_silence` kept the silenced places apart)."""
    lines = {} if lines is None else lines
    finished = []
    for finding in findings:
        if finding.file not in lines:
            lines[finding.file] = _lines(finding.file)
        text = lines[finding.file]
        source_line = mask_keys(text[finding.line - 1]) if 0 < finding.line <= len(text) else ""
        suppression = _suppression(text, finding) if suppressions else None
        finished.append(finding.replace(source_line=source_line, suppression=suppression))
    return finished


def mask_keys(line: str) -> str:
    """`line` with every API key in it starred out, so that no report shows a key in full."""
    from charte_lint.detect import holds_a_key, load_catalogue, looks_like_a_key

    catalogue = load_catalogue()
    spans = [match.span() for match in catalogue.key_re.finditer(line)]
    spans += [
        match.span(2)
        for match in catalogue.env_assignment_re.finditer(line)
        if holds_a_key(match.group(1)) and looks_like_a_key(match.group(2))
    ]
    for start, end in spans:
        line = line[:start] + line[start : start + 3] + "*" * (end - start - 3) + line[end:]
    return line


def _lines(path: str) -> list[str]:
    from charte_lint.detect import MAX_NOTEBOOK_BYTES
    from charte_lint.files import read_file

    try:
        raw = read_file(path, 8191)  # non-blocking: a FIFO never hangs the run
        if b"\0" in raw:
            return []  # a model file (gigabytes, maybe): evidence at line 1, no text to show
        raw = read_file(path, MAX_NOTEBOOK_BYTES)
    except OSError:
        return []
    return raw.decode("utf-8", "replace").splitlines()


def _suppression(lines: list[str], finding: Finding) -> dict[str, str | None] | None:
    """`# charte-lint: ignore[TRN008] -- reason` (or `//`, `/* */`) on the line or the line
    above: the manifests' directive, after whatever comment opener the language has."""
    for number in (finding.line, finding.line - 1):
        if not 0 < number <= len(lines) or "charte-lint:" not in lines[number - 1]:
            continue
        match = _DIRECTIVE_IN_CODE.search(lines[number - 1])
        reason = (match["reason"] or "").strip() if match else ""
        if match is None or match["kind"] != "ignore" or not reason:
            continue  # a suppression must say why
        rules = [part.strip() for part in match["rules"].split(",")]
        if finding.code not in UNSILENCEABLE and any(names_rule(rule, finding) for rule in rules):
            return {"kind": "inSource", "justification": reason, "approved_by": None, "until": None}
    return None


def detection_roots(paths: list[str]) -> list[str]:
    """The directories among the paths given: detection runs over each."""
    return [os.path.normpath(path) for path in paths if os.path.isdir(path)]


def ancestor_manifests(roots: list[str]) -> list[str]:
    """Manifests in the directories above each root, up to the top of its git work tree:
    they declare for the code below them even when only a subdirectory is linted."""
    from charte_lint.files import MANIFEST_NAMES, work_tree_top

    found: list[str] = []
    for root in roots:
        top = work_tree_top(root)  # outside a work tree, no boundary: nothing above counts
        current = os.path.abspath(root)
        while top is not None and current != top:
            current = os.path.dirname(current)
            for name in MANIFEST_NAMES:
                path = os.path.join(current, name)
                if os.path.isfile(path):
                    found.append(os.path.relpath(path))
    return list(dict.fromkeys(found))


def covering_manifests(files: Iterable[str]) -> list[str]:
    """The manifests that can declare what each file shows: in its directory and above it, up
    to the top of its git work tree (outside one, up to the current directory when the file is
    below it, else in its directory only)."""
    from charte_lint.files import MANIFEST_NAMES, work_tree_top

    found: list[str] = []
    seen: set[str] = set()
    here = os.getcwd()
    for file in files:
        directory = os.path.dirname(os.path.abspath(file))
        top = work_tree_top(directory)
        if top is None:
            below = (directory + os.sep).startswith(here.rstrip(os.sep) + os.sep)
            top = here if below else directory
        while directory not in seen:
            seen.add(directory)
            for name in MANIFEST_NAMES:
                path = os.path.join(directory, name)
                if os.path.isfile(path):
                    found.append(os.path.relpath(path))
            if directory == top or os.path.dirname(directory) == directory:
                break
            directory = os.path.dirname(directory)
    return found
