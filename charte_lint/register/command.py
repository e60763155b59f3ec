"""`charte-lint --register TARGET [PATH]...`: the register, from manifests and CI fragments.

PATHs are manifests, directories (searched for manifests and for fragments named
`charte-lint-register.json`) and fragment files (`*.json`). The manifests are linted (no code
detection) into one document, the fragments are read one at a time, and everything is merged
(`charte_lint.register.merge`). A TARGET ending in `.json` receives that document alone: the
fragment a repository's CI job publishes. Any other TARGET is a directory that receives the
register in every format, the exports in the published standards and the notices.

Exit status: 0 written; 1 written, with conflicts between records; 2 a usage error, or a
manifest or fragment that could not be read (named on standard error; the rest is written).
"""

from __future__ import annotations

import functools
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Iterable, Iterator
    from typing import Any

    from charte_lint.api import Finding
    from charte_lint.run import Options

FRAGMENT_NAME = "charte-lint-register.json"
_SKIPPED_DIRECTORIES = ("node_modules", "__pycache__")


def register(options: Options, target: str, lang: str) -> int:
    """Build and write the register; the exit status."""
    from charte_lint.engine import _today
    from charte_lint.messages import text
    from charte_lint.register.build import document_from_run
    from charte_lint.register.merge import FragmentError, merge, read_fragment
    from charte_lint.run import UsageError, run

    today = _today()
    given = list(options.paths)
    manifests, fragments = split_paths(given, lang)
    failures = 0
    documents: list[tuple[str, dict[str, Any]]] = []
    local: dict[tuple[str, str, str], str] = {}  # the manifests linted here, by record key
    if manifests:  # files, and directories that may hold manifests as well as fragments
        options.paths = manifests
        options.detect = False
        result = run(options, lang)
        if result.files or result.errors:  # else the one note says a directory has none
            for note in result.notes:
                sys.stderr.write(f"{note}\n")
            failures += len(result.errors)
            documents.append((".", document_from_run(result, options, today, local)))
    if not documents and not fragments:
        raise UsageError(text(lang, "register-nothing", paths=" ".join(given)))

    def read_all() -> Iterator[tuple[str, dict[str, Any]]]:
        nonlocal failures
        yield from documents
        for path in fragments:
            try:
                yield path, read_fragment(path)
            except FragmentError as error:
                failures += 1
                message = text(lang, "register-bad-fragment", error=str(error))
                sys.stderr.write(f"charte-lint: error: {message}\n")

    merged = merge(read_all(), today, options.stale_after)
    written, gaps = write(merged, target, lang, today, local)
    if gaps:
        sys.stdout.write(gap_report(gaps, lang))
    sys.stderr.write(
        "charte-lint: "
        + text(
            lang,
            "register-written",
            uses=len(merged["uses"]),
            repositories=len(merged["sources"]),
            target=written,
            conflicts=len(merged["conflicts"]),
            stale=len(merged["stale"]),
        )
        + "\n"
    )
    if failures:
        return 2
    return 1 if merged["conflicts"] else 0


def split_paths(paths: list[str], lang: str) -> tuple[list[str], list[str]]:
    """(manifests and directories to lint, fragment files to read), in the order given; a
    directory is searched for fragments here, and for manifests by the lint run."""
    from charte_lint.messages import text
    from charte_lint.run import UsageError

    manifests, fragments = [], []
    for path in paths:
        if not os.path.exists(path):
            raise UsageError(text(lang, "no-such-path", path=path))
        if os.path.isdir(path):
            fragments.extend(sorted(fragments_under(path)))
            manifests.append(path)  # the lint run finds its manifests, if any
        elif path.endswith(".json"):
            fragments.append(path)
        else:
            manifests.append(path)
    return manifests, fragments


def fragments_under(directory: str) -> Iterator[str]:
    """The fragment files under a directory (hidden directories and dependencies skipped)."""
    for root, directories, files in os.walk(directory):
        directories[:] = [
            d for d in directories if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES
        ]
        if FRAGMENT_NAME in files:
            yield os.path.join(root, FRAGMENT_NAME)


def write(
    document: dict[str, Any],
    target: str,
    lang: str,
    today: _dt.date,
    local: dict[tuple[str, str, str], str] | None = None,
) -> tuple[str, list[Finding]]:
    """Write the document (TARGET `*.json`) or every output into the TARGET directory, each
    file atomically; the path written, and the exports' gaps as CL301 findings."""
    from charte_lint.output import write_atomically
    from charte_lint.register import page, render

    if target.endswith(".json"):
        write_atomically(target, render.json_chunks(document))
        return target, []
    os.makedirs(target, exist_ok=True)
    outputs: dict[str, str | Iterable[str]] = {
        "register.json": render.json_chunks(document),
        "register.csv": render.render_csv(document),
        "register.md": render.render_markdown(document, lang, today),
        "register.html": page.render_page(document, lang),
    }
    exported, gaps = export_files(document, lang, local or {})
    outputs.update(exported)
    for name, content in outputs.items():
        path = os.path.join(target, *name.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomically(path, content)
    replace_tree(os.path.join(target, NOTICES), notice_files(document, today))
    return target, gaps


def export_files(
    document: dict[str, Any], lang: str, local: dict[tuple[str, str, str], str]
) -> tuple[dict[str, str], list[Finding]]:
    """`exports/FILE` in each published standard, with the uses of the organisations of the
    standard's country (the Dutch register for `NL`, the ATRS for `GB`, the French inventory
    for `FR`: a French body is not asked for what the Dutch register requires), and the CL301
    findings of the required fields no declared fact fills: at the manifest this run linted,
    else at REPOSITORY/FILE (a record read in a fragment)."""
    import json

    from charte_lint.law import organisation_country
    from charte_lint.messages import text
    from charte_lint.register.exports import STANDARDS, export, gap_findings

    files: dict[str, str] = {}
    gaps = []
    countries = {
        _key(r["key"]): organisation_country({"organisation": r["organisation"]})
        for r in document["uses"]
    }
    validation = {}
    for name, standard in STANDARDS.items():
        home = [r for r in document["uses"] if countries[_key(r["key"])] == standard.country]
        made = export(name, {**document, "uses": home}, lang)
        path = f"exports/{made.filename}"
        files[path] = made.content
        validation[made.filename] = {
            "standard": made.name,
            "valid": not made.problems,
            "problems": made.problems,
        }
        if made.problems:  # missing required facts, or a declared text too long for a field
            sys.stderr.write(
                "charte-lint: "
                + text(
                    lang,
                    "register-export-invalid",
                    path=path,
                    standard=made.name,
                    problems=len(made.problems),
                )
                + "\n"
            )
        gaps += made.gaps
    files["exports/validation.json"] = json.dumps(validation, ensure_ascii=False, indent=2) + "\n"
    placed = []
    for gap, finding in zip(gaps, gap_findings(gaps, lang), strict=True):
        key = _key(gap.key)
        where = local.get(key) or f"{gap.key['repository']}/{gap.file}"
        placed.append(finding.replace(file=where))
    return files, placed


def _key(key: dict[str, str]) -> tuple[str, str, str]:
    return (key["organisation"], key["repository"], key["use"])


def gap_report(findings: list[Finding], lang: str) -> str:
    """The CL301 findings in the text format, each under its repository's manifest path."""
    from charte_lint import __version__
    from charte_lint.reporters import Report
    from charte_lint.reporters.text import render

    return (
        render(Report(findings, sorted({f.file for f in findings}), lang, __version__), quiet=True)
        + "\n"
    )


def replace_tree(directory: str, files: dict[str, str]) -> None:
    """Replace `directory` with one holding `files` (POSIX names relative to it): written into
    a new sibling directory, then swapped in whole. Tens of thousands of notices are written
    without a temporary file and an fsync each (5 ms apiece on a CI disk), readers never see a
    mix of two runs, and the notices of uses gone since the last run go with it."""
    import shutil
    import tempfile

    parent = os.path.dirname(os.path.abspath(directory))
    fresh = tempfile.mkdtemp(prefix=".charte-lint-", dir=parent)
    old: str | None = None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(fresh, 0o777 & ~umask)  # mkdtemp's 0700 is not what a new directory gets
        made = {fresh}
        for name, content in files.items():
            path = os.path.join(fresh, *name.split("/"))
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            with open(path, "w", encoding="utf-8", newline="") as stream:
                stream.write(content)
        if os.path.lexists(directory):
            old = tempfile.mkdtemp(prefix=".charte-lint-old-", dir=parent)
            os.replace(directory, os.path.join(old, "previous"))
        os.replace(fresh, directory)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        if old is not None and not os.path.lexists(directory):  # put the previous one back
            os.replace(os.path.join(old, "previous"), directory)
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


NOTICE_LANGUAGES = ("en", "fr")
NOTICES = "notices"  # the TARGET folder of the notices, replaced whole by each run


def notice_files(document: dict[str, Any], today: _dt.date) -> dict[str, str]:
    """The files of the `notices/` folder, named relative to it: `ORGANISATION/REPOSITORY/
    USE.LANG.md` for each use some notice applies to, in English and French, and `index.json`
    listing them (by their path in TARGET) with their drafts' missing keys."""
    import json

    from charte_lint.register.notices import notices, render_markdown

    files: dict[str, str] = {}
    index = []
    for record in document["uses"]:
        key = record["key"]
        parts = [key["organisation"], *key["repository"].split("/"), key["use"]]
        stem = "/".join(safe_name(part) for part in parts)
        made = {"en": notices(record, "en", today)}
        if not made["en"]:
            continue  # which notices apply does not depend on the language
        for lang in NOTICE_LANGUAGES:
            if lang not in made:
                made[lang] = notices(record, lang, today)
            files[f"{stem}.{lang}.md"] = render_markdown(made[lang], record, lang)
        index.append(
            {
                "key": key,
                "files": [f"{NOTICES}/{stem}.{lang}.md" for lang in NOTICE_LANGUAGES],
                "notices": [
                    {"kind": n.kind, "draft": n.draft, "missing": n.missing, "legal": n.legal}
                    for n in made["en"]
                ],
            }
        )
    # one entry per line, by the C encoder (`indent=` takes the pure-Python one: seconds for
    # the 30,000 uses of 10,000 repositories)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    entries = ",\n".join(f"  {encode(entry)}" for entry in index)
    files["index.json"] = f"[\n{entries}\n]\n" if index else "[]\n"
    return files


@functools.lru_cache(maxsize=4096)  # a repository's names recur in each of its records
def safe_name(part: str) -> str:
    """A path component from a name read in a fragment, which nothing vouches for: ASCII
    letters (accents dropped), digits, `.`, `_` and `-` only, never `.`, `..` or empty."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", part)  # `é` -> `e` and a combining accent, dropped
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "-", plain)
    cleaned = cleaned.strip(".") or "_"
    return cleaned
