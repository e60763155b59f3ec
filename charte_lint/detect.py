"""Detection: find the AI use a repository's code shows, driven by `signatures.json`.

Evidence is anchored on syntax, never on bare words: an import or require statement, a
dependency entry, a call in a file that imports the SDK it belongs to, an API endpoint, key
variable or key in code (comments removed), a model file. A comment that mentions GPT-4, prose in
a README or a variable named `openai_like` is not evidence.

Files come from git when the directory is inside a work tree, else from a walk that reads the
`.gitignore` files as git would (`files.listed_files`): `.gitignore` is honoured either way.
Vendored folders, lock files, minified bundles, binaries and files over `MAX_SOURCE_BYTES` are
skipped. Most files contain no signature at all: one bytes regex of every
anchor word rejects them before anything is decoded.
"""

from __future__ import annotations

import json
import os
import re
import stat

from charte_lint.api import EVIDENCE_KINDS, Evidence
from charte_lint.files import MANIFEST_NAMES, SKIPPED_DIRECTORIES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from charte_lint.files import Listings

MAX_SOURCE_BYTES = 1 << 20
"""Larger files are generated bundles or data, not code someone wrote: skipped."""
MAX_NOTEBOOK_BYTES = 16 << 20
"""Notebooks carry their outputs (images in base64): their limit is higher."""

VENDORED_DIRECTORIES = SKIPPED_DIRECTORIES | frozenset(
    [
        "vendor",
        "bower_components",
        "third_party",
        "third-party",
        "site-packages",
        "dist",
        "build",
        ".next",
        ".nuxt",
    ]
)
"""Where code is someone else's, or generated: never evidence of this repository's AI use."""
LOCK_FILES = frozenset(
    (
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "poetry.lock",
        "pipfile.lock",
        "uv.lock",
        "pdm.lock",
        "go.sum",
        "cargo.lock",
        "composer.lock",
    )
)

PYTHON = frozenset((".py", ".pyw"))
JAVASCRIPT = frozenset(
    (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte")
)
C_LIKE = frozenset(
    [
        ".java",
        ".kt",
        ".kts",
        ".scala",
        ".cs",
        ".rs",
        ".swift",
        ".php",
        ".c",
        ".h",
        ".cc",
        ".cpp",
        ".hpp",
        ".dart",
        ".m",
    ]
)
HASH_COMMENTS = frozenset((".rb", ".sh", ".bash", ".zsh", ".pl", ".r", ".ps1"))
CONFIG = frozenset((".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties"))

_KIND_RANK = {kind: rank for rank, kind in enumerate(EVIDENCE_KINDS)}


class Catalogue:
    """The signature catalogue, compiled: what to look for and how declarations name it."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.version: int = document["version"]
        self.providers: dict[str, dict[str, Any]] = document["providers"]
        self.signatures: list[dict[str, Any]] = document["signatures"]
        self.model_files = tuple(document["model_files"])
        self.prefilter_words: list[str] = list(document.get("prefilter", ()))
        self._compile()

    def _compile(self) -> None:
        anchors: set[str] = set()
        self.python_modules: list[tuple[str, dict[str, Any]]] = []
        self.js_packages: list[tuple[str, dict[str, Any]]] = []
        self.pypi: dict[str, str] = {}
        self.npm: list[tuple[str, str]] = []
        self.go: list[tuple[str, str]] = []
        self.calls: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
        for signature in self.signatures:
            provider = signature["provider"]
            for module in signature.get("python", ()):
                self.python_modules.append((module, signature))
                anchors.add(module.rsplit(".", 1)[-1])  # in both `import a.b` and `from a import b`
            for package in signature.get("javascript", ()):
                self.js_packages.append((package, signature))
                anchors.update(_js_anchors(package))
            for name in signature.get("pypi", ()):
                self.pypi[_normalise_pypi(name)] = provider
            for package in signature.get("npm", ()):
                self.npm.append((package, provider))
            for module in signature.get("go", ()):
                self.go.append((module, provider))
                anchors.add(module)
            self.calls[signature["id"]] = (
                _alternation(signature.get("python_calls", ())),
                _alternation(signature.get("javascript_calls", ())),
            )
        # longest first, so that `llama_index.llms.openai` wins over `llama_index`
        self.python_modules.sort(key=lambda item: -len(item[0]))
        self.python_by_module: dict[str, list[dict[str, Any]]] = {}
        for module, signature in self.python_modules:
            self.python_by_module.setdefault(module, []).append(signature)
        self.js_packages.sort(key=lambda item: -len(item[0]))
        self.npm.sort(key=lambda item: -len(item[0]))
        self.go.sort(key=lambda item: -len(item[0]))
        self.env: dict[str, str] = {}
        self._groups: dict[str, str] = {}  # regex group name -> provider
        # Literal words every match of a family of patterns contains: a substring test on them
        # decides whether the (slower) regexes run at all.
        self.endpoint_anchors: list[str] = []
        self.key_anchors: list[str] = []
        endpoints = []
        keys = []
        self.models: list[tuple[re.Pattern[str], str]] = []
        for provider, info in self.providers.items():
            for name in info.get("env", ()):
                self.env[name] = provider
                anchors.add(name)
            for host in info.get("endpoints", ()):
                pattern = r"[A-Za-z0-9-]+".join(re.escape(part) for part in host.split("*"))
                endpoints.append(f"(?P<{self._group(provider)}>{pattern})")
                self.endpoint_anchors.append(max(host.split("*"), key=len).lower())
            for key in info.get("keys", ()):
                keys.append(f"(?P<{self._group(provider)}>{key['pattern']})")
                self.key_anchors.extend(key["anchors"])
            for model in info.get("models", ()):
                self.models.append((re.compile(model, re.IGNORECASE), provider))
        self.endpoint_re = re.compile(
            r"(?<![\w.-])(?:" + "|".join(endpoints) + r")(?![\w-])", re.IGNORECASE
        )
        self.key_re = re.compile(r"(?<![\w-])(?:" + "|".join(keys) + r")(?![\w-])")
        names = "|".join(sorted(self.env, key=len, reverse=True))
        self.env_re = re.compile(rf"(?<!\w)({names})(?!\w)")
        self.env_assignment_re = re.compile(
            rf"(?<!\w)({names})[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9_\-]{{20,}})"
        )
        anchors.update(self.endpoint_anchors, self.key_anchors)
        # The prefilter: the catalogue's words, plus any anchor none of them covers (so that a
        # new signature can never be filtered out). Substring tests on the lowercased bytes beat
        # one regex of a hundred alternatives by an order of magnitude.
        triggers = [word.lower() for word in self.prefilter_words]
        for word in sorted({a.lower() for a in anchors if a}, key=len):
            if not any(trigger in word for trigger in triggers):
                triggers.append(word)
        self.triggers = tuple(word.encode() for word in triggers)

    def _group(self, provider: str) -> str:
        name = f"g{len(self._groups)}"
        self._groups[name] = provider
        return name

    def provider_of(self, match: re.Match[str]) -> str:
        """The provider whose endpoint or key pattern made `match`."""
        return self._groups[match.lastgroup or ""]

    def kind(self, provider: str) -> str:
        info = self.providers.get(provider)
        return info["kind"] if info else "provider"

    def python_signatures(self, modules: list[str]) -> list[dict[str, Any]]:
        """The signatures whose module is one of `modules` or a parent of one, longest first."""
        found: list[tuple[int, dict[str, Any]]] = []
        for module in modules:
            parts = module.split(".")
            for depth in range(len(parts), 0, -1):
                for signature in self.python_by_module.get(".".join(parts[:depth]), ()):
                    found.append((-depth, signature))
        found.sort(key=lambda item: item[0])
        return _unique(signature for _, signature in found)

    def js_signatures(self, source: str) -> list[dict[str, Any]]:
        """The signatures of the package `source` names, most specific first."""
        return _unique(sig for name, sig in self.js_packages if _package_matches(source, name))

    def model_provider(self, model: str) -> str | None:
        for pattern, provider in self.models:
            if pattern.match(model):
                return provider
        return None


_CATALOGUE: Catalogue | None = None


def load_catalogue(path: str | None = None) -> Catalogue:
    """The built-in catalogue (cached), or the one at `path`."""
    global _CATALOGUE
    if path is None and _CATALOGUE is not None:
        return _CATALOGUE
    source = path or os.path.join(os.path.dirname(__file__), "signatures.json")
    with open(source, encoding="utf-8") as handle:
        catalogue = Catalogue(json.load(handle))
    if path is None:
        _CATALOGUE = catalogue
    return catalogue


def _alternation(patterns: Iterable[str]) -> re.Pattern[str] | None:
    patterns = list(patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _js_anchors(package: str) -> list[str]:
    """What any import of `package` contains: the name, quoted when it is a short word (`ai`)."""
    name = package[:-1] if package.endswith("/*") else package
    if len(name) >= 5:
        return [name]
    return [f"{quote}{name}{end}" for quote in "\"'" for end in (quote, "/")]


def _package_matches(source: str, package: str) -> bool:
    if package.endswith("/*"):
        return source.startswith(package[:-1])
    return source == package or source.startswith(package + "/")


def _normalise_pypi(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --- reading the repository ---------------------------------------------------------------


def repository_files(
    root: str,
    exclude: list[str] | None = None,
    base: str | None = None,
    listings: Listings | None = None,
) -> list[str]:
    """Paths relative to `root` ('/' separators) of the files detection looks at.

    `exclude` patterns (gitignore-style, `charte_lint.paths`) are matched against paths
    relative to `base` (the configuration's directory), or to `root` when no base is given.
    """
    from charte_lint.files import listed_files

    names = listed_files(root, VENDORED_DIRECTORIES, listings)
    offset = ""
    if exclude and base is not None:
        offset = os.path.relpath(os.path.abspath(root), os.path.abspath(base)).replace(os.sep, "/")
        offset = "" if offset == "." else offset + "/"
    kept = []
    for name in names:
        if _not_code(name):
            continue
        if exclude and _excluded(offset + name, exclude):
            continue
        kept.append(name)
    kept.sort()
    return kept


def _not_code(name: str) -> bool:
    """Whether a path ('/' separators) is one detection never reads whatever its kind: in a
    vendored folder, a lock file, a manifest, a minified bundle."""
    parts = name.split("/")
    if any(part in VENDORED_DIRECTORIES for part in parts[:-1]):
        return True
    lower = parts[-1].lower()
    return lower in LOCK_FILES or lower in MANIFEST_NAMES or lower.endswith(".min.js")


def _excluded(name: str, exclude: list[str]) -> bool:
    from charte_lint.paths import matches

    return matches(exclude, name)


def detect_files(
    paths: list[str],
    exclude: list[str] | None = None,
    catalogue: Catalogue | None = None,
    base: str | None = None,
) -> list[Evidence]:
    """The evidence in exactly these files (a commit's, say), sorted by file and position:
    what `detect` finds in them when it scans their directory, and nothing else is read.

    Paths are as given (normalised); `exclude` patterns are matched against paths relative to
    `base`, or to the current directory.
    """
    from charte_lint.files import work_tree_top

    catalogue = catalogue or load_catalogue()
    tops: dict[str, str | None] = {}
    found: list[Evidence] = []
    for path in sorted(dict.fromkeys(os.path.normpath(p) for p in paths)):
        absolute = os.path.abspath(path)
        directory = os.path.dirname(absolute)
        if directory not in tops:
            tops[directory] = work_tree_top(directory)
        # vendored folders are judged below the work tree's top, as a scan of it judges them
        inside = os.path.relpath(absolute, tops[directory] or os.getcwd()).replace(os.sep, "/")
        if _not_code(os.path.basename(path) if inside.startswith("../") else inside):
            continue
        if exclude:
            relative = os.path.relpath(absolute, os.path.abspath(base or "."))
            if _excluded(relative.replace(os.sep, "/"), exclude):
                continue
        found.extend(scan_file(".", path.replace(os.sep, "/"), catalogue))
    return found


def detect(
    root: str,
    exclude: list[str] | None = None,
    catalogue: Catalogue | None = None,
    scanned: list[str] | None = None,
    base: str | None = None,
    listings: Listings | None = None,
) -> list[Evidence]:
    """Every piece of evidence under `root`, sorted by file and position.

    Evidence paths are `os.path.join(root, relative)`, as the linted manifests' paths are;
    `scanned`, when given, receives the paths of the source and dependency files looked at.
    """
    catalogue = catalogue or load_catalogue()
    names = repository_files(root, exclude, base, listings)
    workers = _worker_count(len(names))
    if workers > 1:
        return _detect_in_parallel(root, names, catalogue, scanned, workers)
    found: list[Evidence] = []
    for name in names:
        found.extend(scan_file(root, name, catalogue, scanned))
    return found


PARALLEL_FILES = 2000
"""From this many files, detection is shared between forked workers (one per core)."""


def _worker_count(files: int) -> int:
    from charte_lint.runner import worker_count

    return worker_count(files, PARALLEL_FILES)


def _detect_in_parallel(
    root: str, names: list[str], catalogue: Catalogue, scanned: list[str] | None, workers: int
) -> list[Evidence]:
    """Interleaved slices of the files (big and small files spread evenly), one forked worker
    each; evidence comes back as plain tuples."""
    from charte_lint.runner import in_forked_workers

    def scan_slice(index: int) -> tuple[list[tuple[Any, ...]], list[str]]:
        seen: list[str] = []
        found = []
        for name in names[index::workers]:
            found.extend(scan_file(root, name, catalogue, seen))
        return [tuple(e.as_dict().values()) for e in found], seen

    found: list[Evidence] = []
    for evidence, seen in in_forked_workers(scan_slice, workers):
        found.extend(_evidence(values) for values in evidence)
        if scanned is not None:
            scanned.extend(seen)
    found.sort(key=lambda e: (e.file, e.line, e.column, e.provider, e.kind))
    return found


def _evidence(values: tuple[Any, ...]) -> Evidence:
    evidence = Evidence.__new__(Evidence)
    for name, value in zip(Evidence.__slots__, values, strict=True):
        setattr(evidence, name, value)
    return evidence


def scan_file(
    root: str, name: str, catalogue: Catalogue, scanned: list[str] | None = None
) -> list[Evidence]:
    """The evidence in one file (`name` relative to `root`), one per line and provider."""
    path = os.path.join(root, name) if root not in ("", ".") else name
    base = name.rsplit("/", 1)[-1]
    lower = base.lower()
    extension = os.path.splitext(lower)[1]
    if extension in catalogue.model_files:  # the name says it; the file is never opened
        if not _is_regular(path):
            return []
        return [Evidence(path, 1, 1, 1, "local-model", "model-file", base)]
    scanner = _scanner_for(lower, extension, name)
    if scanner is None or scanner is _scan_config:
        return [] if scanner is None else _scan_file(path, scanner, catalogue)
    if scanned is not None:
        scanned.append(path)
    return _scan_file(path, scanner, catalogue)


def _is_regular(path: str) -> bool:
    """A regular file, not a link (it may point outside the tree), a FIFO or a socket."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _scan_file(path: str, scanner: Any, catalogue: Catalogue) -> list[Evidence]:
    from charte_lint.files import read_file

    limit = MAX_NOTEBOOK_BYTES if scanner is _scan_notebook else MAX_SOURCE_BYTES
    if not _is_regular(path):
        return []
    try:
        raw = read_file(path, limit)  # non-blocking open, checked again once open
    except OSError:
        return []
    if len(raw) > limit or b"\0" in raw[:8192]:
        return []
    if scanner not in _UNFILTERED:
        lowered = raw.lower()
        if not any(trigger in lowered for trigger in catalogue.triggers):
            return []
    text = raw.decode("utf-8", "replace")
    found = list(scanner(text, catalogue))
    return _located(path, text, found)


def _scanner_for(lower: str, extension: str, name: str) -> Any:
    if extension in PYTHON:
        return _scan_python
    if extension == ".ipynb":
        return _scan_notebook
    if extension in JAVASCRIPT:
        return _scan_javascript
    if extension == ".go":
        return _scan_go
    if lower == "go.mod":
        return _scan_go_mod
    if lower == "package.json":
        return _scan_package_json
    if lower == "pyproject.toml":
        return _scan_pyproject
    if lower == "pipfile":
        return _scan_pipfile
    if _is_requirements(lower, name):
        return _scan_requirements
    if lower == ".env" or lower.startswith(".env.") or lower.endswith(".env"):
        return _scan_env
    if extension in C_LIKE:
        return _scan_c_like
    if extension in HASH_COMMENTS:
        return _scan_hash_commented
    if extension in CONFIG:
        return _scan_config
    return None


def _is_requirements(lower: str, name: str) -> bool:
    if not lower.endswith((".txt", ".in")):
        return False
    return lower.startswith("requirements") or "/requirements/" in f"/{name.lower()}"


def _unfiltered() -> frozenset[Any]:
    """Dependency files: package names there are case-insensitive, and the files are few."""
    return frozenset((_scan_requirements, _scan_pyproject, _scan_pipfile, _scan_package_json))


# A hit before positions: (offset in text, end offset, provider, kind, model, secret).
Hit = tuple[int, int, str, str, str | None, str | None]


def _located(path: str, text: str, hits: list[Hit]) -> list[Evidence]:
    """Hits turned into evidence with line and column; one per line and provider, strongest kind."""
    if not hits:
        return []
    hits.sort(key=lambda h: h[0])
    best: dict[tuple[int, str, bool], Evidence] = {}
    line, line_start, cursor = 1, 0, 0
    for start, end, provider, kind, model, secret in hits:
        newlines = text.count("\n", cursor, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", 0, start) + 1
        cursor = start
        line_end = text.find("\n", start)
        end = min(end, line_end if line_end != -1 else len(text))
        column = start - line_start + 1
        snippet = secret if secret else text[start:end]
        evidence = Evidence(path, line, column, end - line_start + 1, provider, kind, snippet)
        evidence.model, evidence.secret = model, secret
        key = (line, provider, kind == "api-key")  # a key is also reported on its own
        previous = best.get(key)
        if previous is None:
            best[key] = evidence
        elif _KIND_RANK[kind] < _KIND_RANK[previous.kind]:
            evidence.model = evidence.model or previous.model
            best[key] = evidence
        elif previous.model is None and model:
            previous.model = model
    return sorted(best.values(), key=lambda e: (e.line, e.column, e.provider))


# --- comments out, strings kept ----------------------------------------------------------

_PYTHON_LEXEMES = re.compile(
    r"""(?P<s>[rRbBuUfF]{0,2}(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))"""
    r"|(?P<c>\#[^\n]*)"
)
_C_LEXEMES = re.compile(
    r"""(?P<s>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)"""
    r"|(?P<c>//[^\n]*|/\*[\s\S]*?\*/)"
)
_HASH_LEXEMES = re.compile(r"""(?P<s>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(?P<c>\#[^\n]*)""")


def _blank(text: str) -> str:
    """`text` with everything but newlines turned to spaces: offsets and lines are kept."""
    return re.sub(r"[^\n]", " ", text)


def _without_comments(text: str, lexemes: re.Pattern[str], blank_docstrings: bool = False) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group()
        if match.lastgroup == "c":
            return _blank(token)
        if blank_docstrings and ('"""' in token[:5] or "'''" in token[:5]):
            return _blank(token)
        return token

    return lexemes.sub(replace, text)


# --- scanners: each yields hits ------------------------------------------------------------

_PY_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<from>[\w.]+)[ \t]+import[ \t]+\(?(?P<names>[^\n;]*)"
    r"|import[ \t]+(?P<modules>[^\n;]+))",
    re.MULTILINE,
)
_MODEL_LITERAL = re.compile(
    r"""(?:\bmodel(?:_name|_id)?\s*[=:]\s*|["']model(?:_name|_id)?["']\s*:\s*|"""
    r"""\.from_pretrained\s*\(\s*|\bSentenceTransformer\s*\(\s*|\bGenerativeModel\s*\(\s*)"""
    r"""(?P<q>["'])(?P<model>[A-Za-z0-9][\w.:/@-]{1,100})(?P=q)"""
)


def _scan_python(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = _without_comments(text, _PYTHON_LEXEMES, blank_docstrings=True)
    imported: list[dict[str, Any]] = []
    for match in _PY_IMPORT.finditer(code):
        if match.group("from"):
            base = match.group("from")
            names = [n.split()[0] for n in match.group("names").split(",") if n.split()]
            candidates = [base] + [f"{base}.{n}" for n in names if n.isidentifier()]
        else:
            candidates = [m.split()[0] for m in match.group("modules").split(",") if m.split()]
        matched = catalogue.python_signatures(candidates)
        if not matched:
            continue
        imported.extend(sig for sig in matched if sig not in imported)  # their calls count
        primary = next((sig for sig in matched if sig.get("imports_are_evidence", True)), None)
        if primary is not None:
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            yield (start, match.end(), primary["provider"], "import", None, None)
    calls = list(_calls(code, imported, catalogue, 0))
    yield from calls
    yield from _code_common(code, catalogue, imported, calls)


def _unique(signatures: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for signature in signatures:
        if not any(signature is other for other in seen):
            seen.append(signature)
    return seen


def _calls(
    code: str, imported: list[dict[str, Any]], catalogue: Catalogue, which: int
) -> Iterator[Hit]:
    for signature in imported:
        pattern = catalogue.calls[signature["id"]][which]
        if pattern is None:
            continue
        for match in pattern.finditer(code):
            yield (match.start(), match.end(), signature["provider"], "call", None, None)


def _code_common(
    code: str, catalogue: Catalogue, imported: list[dict[str, Any]], calls: list[Hit]
) -> Iterator[Hit]:
    """What any code file may show: endpoints, key variables, keys; model literals with an SDK.

    A model's provider is the one its name says (`claude-...`), else the provider of the call
    whose arguments it is in (`SentenceTransformer("all-MiniLM-L6-v2")`), else the file's first
    SDK.
    """
    yield from _endpoints_keys_env(code, catalogue)
    if not imported:
        return
    fallback = next(
        (s["provider"] for s in imported if catalogue.kind(s["provider"]) != "framework"),
        imported[0]["provider"],
    )
    calls = sorted(calls, key=lambda hit: hit[0])
    for match in _MODEL_LITERAL.finditer(code):
        model = match.group("model")
        start, end = match.start("model") - 1, match.end("model") + 1
        provider = catalogue.model_provider(model) or _enclosing_call(code, calls, start)
        provider = provider or fallback
        yield (start, end, provider, "model", model, None)


def _enclosing_call(code: str, calls: list[Hit], offset: int) -> str | None:
    """The provider of the innermost call whose parentheses are still open at `offset`."""
    for start, end, provider, *_ in reversed(calls):
        if start < offset and code.count("(", end, offset) >= code.count(")", end, offset):
            return str(provider)
    return None


def _endpoints_keys_env(code: str, catalogue: Catalogue) -> Iterator[Hit]:
    yield from _endpoints_and_keys(code, catalogue)
    if not any(name in code for name in catalogue.env):
        return
    for match in catalogue.env_re.finditer(code):
        yield (match.start(), match.end(), catalogue.env[match.group(1)], "env-var", None, None)
    for match in catalogue.env_assignment_re.finditer(code):
        value = match.group(2)
        if holds_a_key(match.group(1)) and looks_like_a_key(value):
            if catalogue.key_re.search(value):
                continue  # a known key format: reported as such
            provider = catalogue.env[match.group(1)]
            yield (match.start(2), match.end(2), provider, "api-key", None, mask(value))


def _endpoints_and_keys(code: str, catalogue: Catalogue) -> Iterator[Hit]:
    """Endpoints and key formats; each family's regex runs only when one of its words is there."""
    lowered = code.lower()
    if any(anchor in lowered for anchor in catalogue.endpoint_anchors):
        for match in catalogue.endpoint_re.finditer(code):
            provider = catalogue.provider_of(match)
            yield (match.start(), match.end(), provider, "endpoint", None, None)
    if any(anchor in code for anchor in catalogue.key_anchors):
        for match in catalogue.key_re.finditer(code):
            if looks_like_a_key(match.group()):  # not `hf_xxxxxxxx...`
                provider = catalogue.provider_of(match)
                yield (match.start(), match.end(), provider, "api-key", None, mask(match.group()))


_KEY_SHAPE = re.compile(r"[A-Za-z0-9_\-]{20,}")


def holds_a_key(variable: str) -> bool:
    """`MISTRAL_API_KEY`, `HF_TOKEN`: a variable for a secret, not `OLLAMA_HOST` or an endpoint."""
    return "KEY" in variable or "TOKEN" in variable


_PLACEHOLDER_WORDS: tuple[str, ...]  # of any length: grown on the next line
_PLACEHOLDER_WORDS = ("your", "xxxx", "example", "placeholder", "changeme", "change-me")
_PLACEHOLDER_WORDS += ("replace", "dummy", "fake", "redacted", "sample", "insert", "secret")


def looks_like_a_key(value: str) -> bool:
    """A literal that could be a real key: long, letters and digits mixed, not a placeholder."""
    lowered = value.lower()
    if len(value) < 20 or any(word in lowered for word in _PLACEHOLDER_WORDS):
        return False
    has_digit = any(c.isdigit() for c in value)
    has_letter = any(c.isalpha() for c in value)
    return has_digit and has_letter and len(set(value)) > 10


def mask(value: str) -> str:
    """A key shown without giving it away: its first characters and its length."""
    shown = min(8, len(value) // 6)
    return f"{value[:shown]}… ({len(value)} characters)"


_JS_TEMPLATE = re.compile(r"`(?:\\.|[^`\\])*`")
_JS_IMPORT = re.compile(
    r"""(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+[\w*{}\s,$]+?\s+from\s+"""
    r"""|\brequire\s*\(\s*|\bimport\s*\(\s*)(?P<q>["'])(?P<source>[^"'\n]+)(?P=q)"""
)


def _scan_javascript(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = _without_comments(text, _C_LEXEMES)
    statements = _JS_TEMPLATE.sub(lambda m: _blank(m.group()), code)  # code quoted in a template
    imported: list[dict[str, Any]] = []
    for match in _JS_IMPORT.finditer(statements):
        matched = catalogue.js_signatures(match.group("source"))
        imported.extend(sig for sig in matched if sig not in imported)  # their calls count
        primary = next((sig for sig in matched if sig.get("imports_are_evidence", True)), None)
        if primary is not None:
            yield (match.start(), match.end(), primary["provider"], "import", None, None)
    calls = list(_calls(statements, imported, catalogue, 1))
    yield from calls
    yield from _code_common(code, catalogue, imported, calls)


_GO_IMPORT_BLOCK = re.compile(r"^import\s*\(([^)]*)\)", re.MULTILINE)
_GO_IMPORT_LINE = re.compile(r"""^import\s+(?:[\w.]+\s+)?"([^"\n]+)\"""", re.MULTILINE)
_GO_STRING = re.compile(r'"([^"\n]+)"')


def _go_provider(module: str, catalogue: Catalogue) -> str | None:
    for name, provider in catalogue.go:
        if module == name or module.startswith(name + "/"):
            return provider
    return None


def _scan_go(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = _without_comments(text, _C_LEXEMES)
    for block in _GO_IMPORT_BLOCK.finditer(code):
        for match in _GO_STRING.finditer(code, block.start(1), block.end(1)):
            provider = _go_provider(match.group(1), catalogue)
            if provider:
                yield (match.start(), match.end(), provider, "import", None, None)
    for match in _GO_IMPORT_LINE.finditer(code):
        provider = _go_provider(match.group(1), catalogue)
        if provider:
            yield (match.start(), match.end(), provider, "import", None, None)
    yield from _endpoints_keys_env(code, catalogue)


_GO_REQUIRE = re.compile(r"^[ \t]*(?:require[ \t]+)?([\w.\-/]+)[ \t]+v\d", re.MULTILINE)


def _scan_go_mod(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = re.sub(r"//[^\n]*", lambda m: _blank(m.group()), text)
    for match in _GO_REQUIRE.finditer(code):
        provider = _go_provider(match.group(1), catalogue)
        if provider:
            yield (match.start(1), match.end(1), provider, "dependency", None, None)


_REQUIREMENT = re.compile(r"^[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)", re.MULTILINE)


def _scan_requirements(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = re.sub(r"(?:^|[ \t])#[^\n]*", lambda m: _blank(m.group()), text)
    for match in _REQUIREMENT.finditer(code):
        provider = catalogue.pypi.get(_normalise_pypi(match.group(1)))
        if provider:
            yield (match.start(1), match.end(1), provider, "dependency", None, None)


_TOML_SECTION = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"^\s*\"?([A-Za-z0-9][A-Za-z0-9._-]*)\"?\s*=")
_QUOTED_REQUIREMENT = re.compile(
    r"""(["'])([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@ ,(]|\1)"""
)


def _scan_pyproject(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    """PEP 621 and dependency-group arrays, and Poetry's dependency tables."""
    section = ""
    in_array = False
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.split("#", 1)[0]
        header = _TOML_SECTION.match(stripped) if not in_array else None
        if header:
            section = header.group(1).strip().strip('"')
        elif section.startswith("tool.poetry") and section.endswith("dependencies"):
            key = _TOML_KEY.match(stripped)
            if key and key.group(1).lower() != "python":
                yield from _pypi_hit(key.group(1), offset + key.start(1), catalogue)
        else:
            arrays = section in ("project.optional-dependencies", "dependency-groups") or (
                section == "project" and re.match(r"\s*dependencies\s*=", stripped)
            )
            if arrays or in_array:
                if "[" in stripped and not in_array and "=" in stripped:
                    in_array = True
                    stripped_from = stripped.index("[")
                else:
                    stripped_from = 0
                if in_array:
                    for match in _QUOTED_REQUIREMENT.finditer(stripped, stripped_from):
                        yield from _pypi_hit(match.group(2), offset + match.start(2), catalogue)
                    if "]" in _strip_strings(stripped[stripped_from:]):
                        in_array = False
        offset += len(line)


def _strip_strings(line: str) -> str:
    return re.sub(r"\"[^\"]*\"|'[^']*'", "", line)


def _pypi_hit(name: str, start: int, catalogue: Catalogue) -> Iterator[Hit]:
    provider = catalogue.pypi.get(_normalise_pypi(name))
    if provider:
        yield (start, start + len(name), provider, "dependency", None, None)


def _scan_pipfile(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    section = ""
    offset = 0
    for line in text.splitlines(keepends=True):
        header = _TOML_SECTION.match(line)
        if header:
            section = header.group(1).strip()
        elif section in ("packages", "dev-packages"):
            key = _TOML_KEY.match(line)
            if key:
                yield from _pypi_hit(key.group(1), offset + key.start(1), catalogue)
        offset += len(line)


def _scan_notebook(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    """A Jupyter notebook: its code cells, scanned as one Python file, each hit placed back on
    the line of the notebook's JSON that holds that source line (markdown and outputs are not
    code)."""
    try:
        document = json.loads(text)
    except ValueError:
        return
    cells = document.get("cells") if isinstance(document, dict) else None
    if not isinstance(cells, list):
        return
    code: list[str] = []
    starts: list[int] = []  # where each line of `code` starts in the notebook's text
    cursor = 0
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source")
        lines = source.splitlines() if isinstance(source, str) else source
        for line in lines if isinstance(lines, list) else ():
            if not isinstance(line, str):
                continue
            line = line.rstrip("\n")
            found = -1
            for encoded in (json.dumps(line, ensure_ascii=False), json.dumps(line)):
                found = text.find(encoded[1:-1], cursor)  # as the JSON text spells it
                if found != -1:
                    break
            if found == -1:
                continue  # a source the notebook's text does not hold as written: not placed
            code.append(line)
            starts.append(found)
            cursor = found + len(line)
    if not code:
        return
    offsets = []
    position = 0
    for line in code:
        offsets.append(position)
        position += len(line) + 1
    for hit in _scan_python("\n".join(code), catalogue):
        index = _line_index(offsets, hit[0])
        start = starts[index] + hit[0] - offsets[index]
        yield (start, start + hit[1] - hit[0], *hit[2:])


def _line_index(offsets: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(offsets, offset) - 1


_NPM_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


def _npm_provider(name: str, catalogue: Catalogue) -> str | None:
    for package, provider in catalogue.npm:
        if name == package or (package.endswith("/*") and _package_matches(name, package)):
            return provider
    return None


def _scan_package_json(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    try:
        document = json.loads(text)
    except ValueError:
        return
    if not isinstance(document, dict):
        return
    for section in _NPM_SECTIONS:
        dependencies = document.get(section)
        if not isinstance(dependencies, dict):
            continue
        section_at = re.search(rf'"{section}"\s*:\s*\{{', text)
        if section_at is None:
            continue
        for name in dependencies:
            provider = _npm_provider(name, catalogue)
            if provider is None:
                continue
            found = re.compile(rf'"{re.escape(name)}"\s*:').search(text, section_at.end())
            if found:
                yield (
                    found.start() + 1,
                    found.start() + 1 + len(name),
                    provider,
                    "dependency",
                    None,
                    None,
                )


_ENV_LINE = re.compile(
    r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$", re.MULTILINE
)


def _scan_env(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    for match in _ENV_LINE.finditer(text):
        provider = catalogue.env.get(match.group(1))
        value = match.group(2).strip().strip("\"'")
        if provider:
            yield (match.start(1), match.end(1), provider, "env-var", None, None)
            shaped = _KEY_SHAPE.fullmatch(value) and not catalogue.key_re.search(value)
            if holds_a_key(match.group(1)) and shaped and looks_like_a_key(value):
                start = match.start(2) + match.group(2).index(value) if value else match.start(2)
                yield (start, start + len(value), provider, "api-key", None, mask(value))
    code = re.sub(r"(?m)^[ \t]*#[^\n]*", lambda m: _blank(m.group()), text)
    yield from _endpoints_and_keys(code, catalogue)


def _scan_c_like(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    yield from _endpoints_keys_env(_without_comments(text, _C_LEXEMES), catalogue)


def _scan_hash_commented(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    yield from _endpoints_keys_env(_without_comments(text, _HASH_LEXEMES), catalogue)


def _scan_config(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    """Configuration files: endpoints and keys only (key variable names there are not use)."""
    code = re.sub(r"(?m)(?:^|[ \t])[#;][^\n]*", lambda m: _blank(m.group()), text)
    yield from _endpoints_and_keys(code, catalogue)


_UNFILTERED = _unfiltered()
