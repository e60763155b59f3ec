"""Detection: find the AI use a repository's code shows, driven by `signatures.json`.

Evidence is anchored on syntax, never on bare words: an import or require statement, a
dependency entry, a call in a file that imports the SDK it belongs to, an API endpoint, key
variable or key in code (comments removed), a model file. A comment that mentions GPT-4, prose in
a README or a variable named `openai_like` is not evidence.

Files come from git when the directory is inside a work tree, else from a walk that reads the
`.gitignore` files as git would (`files.listed_files`): `.gitignore` is honoured either way.
Vendored folders, lock files, minified bundles, binaries and files over `MAX_SOURCE_BYTES` are
skipped. Most files contain no signature at all: a file none of the prefilter words (`triggers`)
is in, whatever the case, is rejected before anything is decoded. Inside a work tree, one
`git grep` of those words names the files it read and found none in (`_unmatched`), and those
are not even opened; elsewhere each file's lowercased bytes are searched for the words.
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
CONFIG = frozenset(
    (".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties", ".bru")
)
"""Configuration, and API-client collections (Bruno's `.bru` environments name the API a
team calls)."""

_KIND_RANK = {kind: rank for rank, kind in enumerate(EVIDENCE_KINDS)}


class Catalogue:
    """The signature catalogue, compiled: what to look for and how declarations name it."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.version: int = document["version"]
        self.providers: dict[str, dict[str, Any]] = document["providers"]
        self.signatures: list[dict[str, Any]] = document["signatures"]
        self.model_files = tuple(document["model_files"])
        self.prefilter_words: list[str] = list(document.get("prefilter", ()))
        self.model_prefixes: dict[str, str] = dict(document.get("model_prefixes", {}))
        self.any_case_prefixes = frozenset(document.get("model_prefixes_any_case", ()))
        self.compatible_clients: dict[str, Any] = dict(document.get("compatible_clients", {}))
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
                if not signature.get("not_ai_use"):  # nothing to find in a file importing it
                    anchors.update(_js_anchors(package))
            for name in signature.get("pypi", ()):
                self.pypi[_normalise_pypi(name)] = provider
            for package in signature.get("npm", ()):  # "": a package that is not AI use
                self.npm.append((package, "" if signature.get("not_ai_use") else provider))
            for module in signature.get("go", ()):
                self.go.append((module, provider))
                anchors.add(module)
            self.calls[signature["id"]] = (
                _alternation(signature.get("python_calls", ())),
                _alternation(signature.get("javascript_calls", ())),
            )
        self._compile_models_and_clients(anchors)
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
        compatible_urls: list[str] = []
        self.models: list[tuple[re.Pattern[str], str]] = []
        prefixes: dict[str, str] = {}
        for provider, info in self.providers.items():
            for name in info.get("env", ()):
                self.env[name] = provider
                anchors.add(name)
            for prefix in info.get("key_prefixes", ()):
                prefixes[prefix] = provider
                anchors.add(prefix + "_")
            for host in info.get("endpoints", ()):
                pattern = r"[A-Za-z0-9-]+".join(re.escape(part) for part in host.split("*"))
                endpoints.append(f"(?P<{self._group(provider)}>{pattern})")
                self.endpoint_anchors.append(max(host.split("*"), key=len).lower())
            for key in info.get("keys", ()):
                keys.append(f"(?P<{self._group(provider)}>{key['pattern']})")
                self.key_anchors.extend(key["anchors"])
            for host in info.get("compatible_urls", ()):
                pattern = r"[A-Za-z0-9-]+".join(re.escape(part) for part in host.split("*"))
                compatible_urls.append(f"(?P<{self._group(provider)}>{pattern})")
            for model in info.get("models", ()):
                self.models.append((re.compile(model, re.IGNORECASE), provider))
        self.endpoint_re = re.compile(
            r"(?<![\w.-])(?:" + "|".join(endpoints) + r")(?![\w-])", re.IGNORECASE
        )
        self.key_re = re.compile(r"(?<![\w-])(?:" + "|".join(keys) + r")(?![\w-])")
        self.compatible_url_re = re.compile(
            r"(?<![\w.-])(?:" + ("|".join(compatible_urls) or "(?!)") + r")(?![\w-])",
            re.IGNORECASE,
        )
        self.key_prefixes = prefixes
        self.key_name_re = re.compile(
            r"(?<![\w])(?P<prefix>"
            + ("|".join(sorted(prefixes, key=len, reverse=True)) or "(?!)")
            + r")(?:_[A-Z0-9]+)*_(?:KEY|TOKEN)(?![\w])"
        )
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
        """The provider a model's name says (`claude-...` is Anthropic's), from `models`."""
        for pattern, provider in self.models:
            if pattern.match(model):
                return provider
        return None

    def model_family(self, model: str) -> str | None:
        """The provider whose known model families (`families`) include `model`, an id
        without its provider prefix (`gpt-5.4-nano`, `claude-haiku-4-5-20251001`)."""
        name = model.lower().rsplit("/", 1)[-1]
        if name in self._family_cache:
            return self._family_cache[name]
        found = next((p for pattern, p in self.families if pattern.fullmatch(name)), None)
        if len(self._family_cache) < 10_000:
            self._family_cache[name] = found
        return found

    def knows_model(self, provider: str, model: str) -> bool:
        """Whether `model` belongs to a model family the catalogue knows for `provider`.

        False for an unknown model of a known provider (`openai`, `gpt-7-turbo`), and for any
        model of a provider the catalogue does not have. A provider that serves other
        developers' models (an OpenAI-compatible endpoint, a gateway, a local runtime, Azure,
        Bedrock) knows every known family: `knows_model("albert", "mistral-small-3.1")`.
        """
        info = self.providers.get(provider)
        if info is None:
            return False
        family = self.model_family(model)
        if family is None:
            return False
        return family == provider or self.serves_others(provider)

    def serves_others(self, provider: str) -> bool:
        """Whether `provider` runs models other developers made: a model named in its call is
        used through it (`azure("gpt-4o")` is Azure OpenAI, `LLM("mistralai/...")` is vLLM)."""
        info = self.providers.get(provider)
        if info is None:
            return False
        return bool(info.get("serves_others")) or info["kind"] in ("local", "gateway")

    def prefixed_model(self, literal: str) -> tuple[str, str, str | None] | None:
        """`(provider, model, gateway)` for a provider-prefixed model id, else None.

        `anthropic:claude-haiku-4-5`, `xai/grok-4.1-fast`, `openrouter/anthropic/claude-3.5-sonnet`
        (provider anthropic, through the gateway openrouter). Only a prefix of `model_prefixes`
        counts, and only when the rest looks like a model: a known family, or a lowercase id with
        a digit (`text/plain`, `openai/openai-python`, `image/png` are not models).
        """
        match = _PREFIXED.fullmatch(literal)
        if match is None:
            return None
        prefix, model = match.group("prefix"), match.group("model")
        provider = self.model_prefixes.get(prefix.lower())
        if provider is None:
            return None
        if self.kind(provider) == "gateway" and match.group("sep") == "/":
            inner = self.prefixed_model(model)
            if inner is not None and self.kind(inner[0]) != "gateway":
                return inner[0], inner[1], provider
        if not self._looks_like_model(prefix.lower(), provider, model):
            return None
        return provider, model, None

    def _looks_like_model(self, prefix: str, provider: str, model: str) -> bool:
        lowered = model.lower()
        if lowered != model and prefix not in self.any_case_prefixes:
            return False  # `mistralai/Mistral-7B-v0.3` is a Hugging Face repository id
        if _NOT_A_MODEL.search(lowered):
            return False
        if self.model_family(lowered) or self.model_provider(lowered):
            return True
        name = lowered.split("/")[-1].split(":")[0]
        return name != prefix and any(c.isdigit() for c in lowered)  # not `ollama/ollama:0.5`

    def key_variable(self, name: str) -> str | None:
        """The provider a key variable's name says beyond the exact names of `env`: a name
        that starts with one of its `key_prefixes` and ends in KEY or TOKEN (`ALBERT_KEY`,
        `HF_INFERENCE_KEY`)."""
        if name in self.env:
            return self.env[name]
        match = self.key_name_re.fullmatch(name)
        return self.key_prefixes[match.group("prefix")] if match else None

    def hinted_provider(self, text: str) -> str | None:
        """The first provider a word of `text` names (`config.albert_api_url` -> albert)."""
        for word in _words(text):
            provider = self.hint_words.get(word)
            if provider:
                return provider
        return None

    def _compile_models_and_clients(self, anchors: set[str]) -> None:
        """Model families, prefixed ids, hint words and the OpenAI-compatible clients."""
        self.families: list[tuple[re.Pattern[str], str]] = []
        self._family_cache: dict[str, str | None] = {}  # string literals repeat: ~45 regexes each
        self.hint_words: dict[str, str] = {}
        self.upstreams: list[tuple[re.Pattern[str], str, str]] = []
        for provider, info in self.providers.items():
            for family in info.get("families", ()):
                self.families.append((re.compile(family + _FAMILY_SUFFIX), provider))
            for word in info.get("hints", ()):
                self.hint_words.setdefault(word, provider)
            for pattern, upstream in (info.get("upstreams") or {}).items():
                self.upstreams.append((re.compile(pattern, re.IGNORECASE), provider, upstream))
        self.prefix_anchors = sorted(
            {f"{prefix}{sep}" for prefix in self.model_prefixes for sep in ":/"}
        )
        anchors.update(self.prefix_anchors)
        clients = self.compatible_clients
        self.client_signatures = frozenset(clients.get("signatures", ()))
        self.client_calls = (
            _alternation(clients.get("python", ())),
            _alternation(clients.get("javascript", ())),
        )
        self.base_url_re = re.compile(clients.get("base_url", "(?!)"))
        self.base_url_env: tuple[str, ...] = tuple(clients.get("base_url_env", ()))
        self.not_ai_use = frozenset(
            package
            for signature in self.signatures
            if signature.get("not_ai_use")
            for package in signature.get("javascript", ())
        )


_PREFIXED = re.compile(
    r"(?P<prefix>[A-Za-z][\w-]*)(?P<sep>[:/])(?P<model>[A-Za-z][\w.:@-]*(?:/[A-Za-z0-9][\w.:@-]*){0,2})"
)
_NOT_A_MODEL = re.compile(
    r"\.(?:py|js|ts|tsx|json|ya?ml|toml|md|txt|html?|css|svg|png|jpe?g|gif|pdf|csv|zip|gz|git)$"
)
_FAMILY_SUFFIX = (
    r"(?:[-@](?:\d{4}-?\d{2}-?\d{2}|\d{2}-\d{2}|\d{3,4}|latest|preview|exp|experimental|instruct"
    r"|chat|it|hf|v\d+(?:[.:]\d+)*|\d+b|fp\d+|q\d\w*))*(?::[\w.-]+)?"
)
"""What may follow a family's name: a date, `-latest`, a version, a size, an Ollama tag."""


def _words(text: str) -> Iterator[str]:
    """The lowercase words of identifiers and strings: `albertApiUrl`, `ALBERT_API_URL` and
    `config.albert_api_url` all give `albert`, `api`, `url`."""
    for token in re.findall(r"[A-Za-z][A-Za-z0-9]*", text):
        for part in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", token):
            yield part.lower()


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
    listings = {} if listings is None else listings  # git lists the files once, for both uses
    names = repository_files(root, exclude, base, listings)
    unmatched = _unmatched(root, names, catalogue, listings)
    workers = _worker_count(len(names))
    if workers > 1:
        found = _detect_in_parallel(root, names, catalogue, scanned, workers, unmatched)
    else:
        found = []
        for name in names:
            found.extend(scan_file(root, name, catalogue, scanned, unmatched))
        found = compatible_endpoint(compatible_dependencies(found, catalogue), catalogue)
    return endpoint_models(root, names, found, catalogue)


GIT_PREFILTER_FILES = 200
"""From this many files, the prefilter words are looked for by one `git grep` (inside a work
tree) rather than in each file's bytes: below it, starting git costs more than it saves."""


def _unmatched(
    root: str, names: list[str], catalogue: Catalogue, listings: Listings
) -> frozenset[str]:
    """The names (relative to `root`) of files that `git grep` read and found no prefilter word
    in, whatever the case: the same test as `_scan_file`'s, so these files need not be opened.

    Empty (every file is tested in Python) outside a work tree, for few files, or when git is
    missing or fails. `-L` lists what git read and did not match, so that any file it did not
    read, for whatever reason, is still read here; `--no-index` has it read each file from the
    disk, as this module does, never a version in git's index (files marked assume-unchanged or
    skip-worktree); `-i` under the C locale folds ASCII letters only, as `bytes.lower` does.
    The pathspecs only save work: the files of no filtered scanner and vendored folders are not
    searched, and whatever git leaves out is read here.
    """
    from charte_lint.files import git_files

    if len(names) < GIT_PREFILTER_FILES or git_files(root, listings) is None:
        return frozenset()
    words = [trigger.decode("ascii", "replace") for trigger in catalogue.triggers]
    if not all(word.isascii() and word.isprintable() for word in words):
        return frozenset()
    return _git_unmatched(root, words) or frozenset()


_EXTENSIONS = PYTHON | JAVASCRIPT | C_LIKE | HASH_COMMENTS | CONFIG | {".go", ".ipynb", ".env"}
_GREPPED = (*(f"*{extension}" for extension in sorted(_EXTENSIONS)), ".env.*", "*/.env.*")
"""Pathspecs of the files whose scanner the prefilter applies to (git's `*` matches `/` too)."""


def _git_unmatched(root: str, words: list[str]) -> frozenset[str] | None:
    """`git grep -L` of `words` under `root` (a work tree's directory), or None when it fails."""
    import subprocess

    command = ["git", "-C", root or ".", "grep", "--no-index", "--exclude-standard", "-L", "-z"]
    command += ["-i", "-F", "--no-color", "--no-full-name"]
    for word in words:
        command += ["-e", word]
    command.append("--")
    command += _GREPPED
    for directory in sorted(VENDORED_DIRECTORIES):
        command += [f":(exclude){directory}/*", f":(exclude)*/{directory}/*"]
    environment = dict(os.environ, LC_ALL="C")
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=600, check=False, env=environment
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode not in (0, 1) or result.stderr:
        return None
    listed = result.stdout.decode("utf-8", "surrogateescape").split("\0")
    return frozenset(name for name in listed if name)


def endpoint_models(
    root: str, names: list[str], found: list[Evidence], catalogue: Catalogue
) -> list[Evidence]:
    """In a repository whose only party is one endpoint or runtime that serves other
    developers' models (the Albert API, Ollama, vLLM, an OpenAI-compatible endpoint), a
    literal of a known model family anywhere in its code is a model that endpoint serves
    (document-ia's `class LLMModel(str, Enum): ALBERT_LARGE = "albert-large"`, an OCR body's
    `"model": "mistral-ocr-2512"`), never its developer's: nothing else in the repository could
    receive it. Gateways are left out (a gateway forwards to the model's developer, whom a bare
    id does not say for sure); so are table keys and tokenizer names, as in a file."""
    parties = {e.provider for e in found if catalogue.kind(e.provider) != "framework"}
    if len(parties) != 1:
        return found
    target = next(iter(parties))
    if not catalogue.serves_others(target) or catalogue.kind(target) == "gateway":
        return found
    from charte_lint.files import read_file

    on_line = {(e.file, e.line): e for e in found if e.provider == target}
    added: list[Evidence] = []
    for name in names:
        extension = os.path.splitext(name.lower())[1]
        if extension in PYTHON:
            lexemes, docstrings = _PYTHON_LEXEMES, True
        elif extension in JAVASCRIPT or extension == ".go":
            lexemes, docstrings = _C_LEXEMES, False
        else:
            continue
        path = os.path.join(root, name) if root not in ("", ".") else name
        if not _is_regular(path):
            continue
        try:
            raw = read_file(path, MAX_SOURCE_BYTES)
        except OSError:
            continue
        if len(raw) > MAX_SOURCE_BYTES or b"\0" in raw[:8192]:
            continue
        text = raw.decode("utf-8", "replace")
        code = _without_comments(text, lexemes, blank_docstrings=docstrings)
        hits: list[Hit] = [
            (
                m.start("model") - 1,
                m.end("model") + 1,
                target,
                "model",
                m.group("model"),
                None,
                None,
            )
            for m in _STRING_LITERAL.finditer(code)
            if catalogue.model_family(m.group("model")) is not None
            and catalogue.prefixed_model(m.group("model")) is None
            and not _TABLE_KEY.match(code, m.end())
            and not _TOKENIZER.search(code, max(0, m.start() - 160), m.start())
        ]
        for evidence in _located(path, text, hits):
            same = on_line.get((evidence.file, evidence.line))
            if same is None:
                added.append(evidence)
            elif same.model is None:  # one piece of evidence per line and provider
                same.model = evidence.model
    if not added:
        return found
    return sorted(found + added, key=lambda e: (e.file, e.line, e.column, e.provider, e.kind))


_OPENAI_SDK_PACKAGES = frozenset(
    ("openai", "@ai-sdk/openai", "langchain-openai", "@langchain/openai", "llama-index-llms-openai")
)


def compatible_dependencies(found: list[Evidence], catalogue: Catalogue) -> list[Evidence]:
    """The OpenAI SDK installed to call another endpoint is not OpenAI: when no file calls
    OpenAI itself and the SDK's clients all go elsewhere, its dependency entries are given to
    that endpoint (the only one), else to `openai-compatible`; so are imports of the SDK in
    files that call nothing with it (`from openai import BaseModel`)."""
    used = {e.file for e in found if e.provider == "openai" and e.kind not in _SDK_ONLY}
    sdk_only = [
        e
        for e in found
        if e.provider == "openai" and (e.kind == "dependency" or e.file not in used)
    ]
    if any(e.provider == "openai" and e.file in used for e in found):
        return found
    elsewhere = {
        e.provider
        for e in found
        if e.kind == "call"
        and e.provider != "openai"
        and any(p is not None and p.match(e.text) for p in catalogue.client_calls)
    }
    if not elsewhere:
        return found
    target = elsewhere.pop() if len(elsewhere) == 1 else "openai-compatible"
    for evidence in sdk_only:
        if evidence.kind == "import" or evidence.text.lower() in _OPENAI_SDK_PACKAGES:
            evidence.provider = target
    return found


_SDK_ONLY = frozenset(("import", "dependency"))


def compatible_endpoint(found: list[Evidence], catalogue: Catalogue) -> list[Evidence]:
    """An OpenAI client whose base URL comes from configuration (`OpenAI(base_url=settings.
    OPENAI_BASE_URL)`) calls the one OpenAI-compatible endpoint the repository names
    elsewhere (its URL in a deployment file or an API-client environment, its key variable):
    `openai-compatible` evidence is given to it. With none, or several, it stays
    `openai-compatible` and the starter asks who runs the endpoint."""
    if not any(e.provider == "openai-compatible" for e in found):
        return found
    named = {
        e.provider
        for e in found
        if e.kind in ("endpoint", "env-var", "api-key", "import", "call")
        and e.provider != "openai-compatible"
        and (
            catalogue.kind(e.provider) == "compatible-endpoint"
            or catalogue.providers.get(e.provider, {}).get("compatible_urls")
        )
    }
    if len(named) != 1:
        return found
    target = named.pop()
    for evidence in found:
        if evidence.provider == "openai-compatible":
            evidence.provider = target
    return found


PARALLEL_FILES = 2000
"""From this many files, detection is shared between forked workers (one per core)."""


def _worker_count(files: int) -> int:
    from charte_lint.runner import worker_count

    return worker_count(files, PARALLEL_FILES)


def _detect_in_parallel(
    root: str,
    names: list[str],
    catalogue: Catalogue,
    scanned: list[str] | None,
    workers: int,
    unmatched: frozenset[str] = frozenset(),
) -> list[Evidence]:
    """Interleaved slices of the files (big and small files spread evenly), one forked worker
    each; evidence comes back as plain tuples."""
    from charte_lint.runner import in_forked_workers

    def scan_slice(index: int) -> tuple[list[tuple[Any, ...]], list[str]]:
        seen: list[str] = []
        found = []
        for name in names[index::workers]:
            found.extend(scan_file(root, name, catalogue, seen, unmatched))
        return [tuple(e.as_dict().values()) for e in found], seen

    found: list[Evidence] = []
    for evidence, seen in in_forked_workers(scan_slice, workers):
        found.extend(_evidence(values) for values in evidence)
        if scanned is not None:
            scanned.extend(seen)
    found.sort(key=lambda e: (e.file, e.line, e.column, e.provider, e.kind))
    return compatible_endpoint(compatible_dependencies(found, catalogue), catalogue)


def _evidence(values: tuple[Any, ...]) -> Evidence:
    evidence = Evidence.__new__(Evidence)
    for name, value in zip(Evidence.__slots__, values, strict=True):
        setattr(evidence, name, value)
    return evidence


def scan_file(
    root: str,
    name: str,
    catalogue: Catalogue,
    scanned: list[str] | None = None,
    unmatched: frozenset[str] = frozenset(),
) -> list[Evidence]:
    """The evidence in one file (`name` relative to `root`), one per line and provider.
    A name in `unmatched` is a file known to hold no prefilter word (`_unmatched`)."""
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
        if scanner is None or name in unmatched:
            return []
        return _scan_file(path, scanner, catalogue)
    if scanned is not None:
        scanned.append(path)
    if name in unmatched and scanner not in _UNFILTERED:
        return []
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


# A hit before positions: (offset in text, end offset, provider, kind, model, secret, via).
Hit = tuple[int, int, str, str, str | None, str | None, str | None]


def _located(path: str, text: str, hits: list[Hit]) -> list[Evidence]:
    """Hits turned into evidence with line and column; one per line and provider, strongest kind."""
    if not hits:
        return []
    hits.sort(key=lambda h: h[0])
    best: dict[tuple[int, str, bool], Evidence] = {}
    line, line_start, cursor = 1, 0, 0
    for start, end, provider, kind, model, secret, via in hits:
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
        evidence.model, evidence.secret, evidence.via = model, secret, via
        key = (line, provider, kind == "api-key")  # a key is also reported on its own
        previous = best.get(key)
        if previous is None:
            best[key] = evidence
        elif _KIND_RANK[kind] < _KIND_RANK[previous.kind]:
            evidence.model = evidence.model or previous.model
            evidence.via = evidence.via or previous.via
            best[key] = evidence
        else:
            previous.model = previous.model or model
            previous.via = previous.via or via
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
    """`text` with everything but newlines turned to spaces: offsets and lines are kept.
    (Twenty times faster than a regex substitution of each character.)"""
    return "\n".join(" " * len(line) for line in text.split("\n"))


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
    r"""(?:\bmodel(?:_name|_id)?\s*(?::\s*[\w.\[\]]+(?:\s*\|\s*[\w.\[\]]+)*\s*)?[=:]\s*"""
    r"""|["']model(?:_name|_id)?["']\s*:\s*|"""
    r"""\.from_pretrained\s*\(\s*|\bSentenceTransformer\s*\(\s*|\bGenerativeModel\s*\(\s*)"""
    r"""(?P<q>["'])(?P<model>[A-Za-z0-9][\w.:/@-]{1,100})(?P=q)"""
)
_STRING_LITERAL = re.compile(
    r"""(?P<q>["'`])(?P<model>[A-Za-z][\w.:/@]*[-\d][\w.:/@-]{0,120})(?P=q)"""
)
"""A short one-word string literal: where prefixed model ids and bare model names are looked for."""
_NUMBER = r"[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_TOKENIZER = re.compile(
    r"""(?i)(?:encod|tokeni[sz])\w*["']?\s*(?::[^=\n]*)?[=(:]\s*(?:Field\s*\(\s*)?"""
    r"""(?:default\s*=\s*)?\Z"""
)
"""What precedes a model name that only picks a tokenizer: `encoding_for_model("gpt-4")`,
`OPENAI_ENCODING_MODEL: str = Field(default="gpt-4")` (tiktoken counts tokens locally: no
model is called)."""
_TABLE_KEY = re.compile(
    rf"""\s*:\s*(?:{_NUMBER}|\{{\s*(?:(?:"[^"\n]*"|'[^'\n]*'|\w+)\s*:\s*{_NUMBER}\s*,?\s*)+\}})"""
    r"""[ \t]*(?:[,}\n#]|//|$)"""
)
"""What follows the key of a catalogue table: `"cohere:command-r": 128000` (a context size) or
`"gpt-4o": {"input": 2.5, "output": 10}` (prices). A model id that only maps to numbers is
listed, not called: the table sizes or prices whatever model the configuration names."""
_TYPE_CHECKING_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)if[ \t]+(?:typing\.)?TYPE_CHECKING[ \t]*:[ \t]*\n"
    r"(?P<body>(?:(?P=indent)[ \t]+[^\n]*\n|[ \t]*\n)*)",
    re.MULTILINE,
)


def _without_type_checking(code: str) -> str:
    """`code` with the bodies of `if TYPE_CHECKING:` blocks blanked: imports for type hints
    only, never run."""
    if "TYPE_CHECKING" not in code:
        return code
    return _TYPE_CHECKING_BLOCK.sub(
        lambda m: m.group()[: m.start("body") - m.start()] + _blank(m.group("body")), code
    )


def _scan_python(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = _without_comments(text, _PYTHON_LEXEMES, blank_docstrings=True)
    statements = _without_type_checking(code)
    imported: list[dict[str, Any]] = []
    hits: list[Hit] = []
    for match in _PY_IMPORT.finditer(statements):
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
            hits.append((start, match.end(), primary["provider"], "import", None, None, None))
    yield from _code_hits(code, catalogue, imported, hits, 0)


def _code_hits(
    code: str,
    catalogue: Catalogue,
    imported: list[dict[str, Any]],
    hits: list[Hit],
    which: int,
    statements: str | None = None,
) -> list[Hit]:
    """Calls, endpoints, keys and models of a Python (`which` 0) or JavaScript (1) file whose
    imports gave `hits`; OpenAI clients with a base URL attributed to their endpoint. Calls
    are looked for in `statements` (code with JavaScript templates blanked) when given."""
    hits.extend(_calls(statements or code, imported, catalogue, which))
    hosted = _hosted_clients(code, imported, hits)
    hits.extend(_endpoints_keys_env(code, catalogue))
    _attribute_compatible_clients(code, catalogue, imported, hits, which)
    _settings_keys(code, catalogue, hits, which)
    named = _named_models(code, catalogue)
    hits.extend(named)
    models = _models(code, catalogue, imported, hits, {hit[0] + 1 for hit in named})
    if hosted:  # `claude-sonnet-4@20250514` sent through AnthropicVertex() goes to Google
        models = [(h[0], h[1], hosted.get(h[2], h[2]), *h[3:]) for h in models]
    hits.extend(models)
    return hits


def _hosted_clients(code: str, imported: list[dict[str, Any]], hits: list[Hit]) -> dict[str, str]:
    """A provider's SDK pointed at another host (`AnthropicVertex()` is Claude on Google
    Vertex AI, `AnthropicBedrock()` on Amazon Bedrock; signatures with `hosts`): when every
    client of that SDK in the file is hosted by one provider, the SDK's import and calls in the
    file are that host's, since the SDK's own vendor receives nothing; so are the models the
    file names for that vendor (the mapping returned)."""
    for signature in imported:
        hosts = signature.get("hosts")
        if not hosts or re.search(hosts["unless"], code):
            continue
        hosted = {
            s["provider"]
            for s in imported
            if (s.get("hosts") or {}).get("provider") == hosts["provider"]
            and any(hit[2] == s["provider"] and hit[3] == "call" for hit in hits)
        }
        if len(hosted) != 1:
            continue
        target = hosted.pop()
        for index, hit in enumerate(hits):
            if hit[2] == hosts["provider"] and hit[3] in ("import", "call"):
                hits[index] = (hit[0], hit[1], target, *hit[3:])
        return {hosts["provider"]: target}
    return {}


def _settings_keys(code: str, catalogue: Catalogue, hits: list[Hit], which: int) -> None:
    """In a file that reads `OPENAI_BASE_URL` (a settings module) and constructs no OpenAI
    client, `OPENAI_API_KEY` is the key of that configurable endpoint, not evidence of OpenAI:
    it goes to the endpoint the file names, else to `openai-compatible`."""
    if not any(name in code for name in catalogue.base_url_env):
        return
    pattern = catalogue.client_calls[which]
    if pattern is not None and pattern.search(code):
        return  # clients are judged by _attribute_compatible_clients
    if any(hit[2] == "openai" and hit[3] in ("endpoint", "import", "call") for hit in hits):
        return
    named = {hit[2] for hit in hits if hit[3] == "endpoint" and catalogue.serves_others(hit[2])}
    named.update(catalogue.provider_of(m) for m in catalogue.compatible_url_re.finditer(code))
    target = named.pop() if len(named) == 1 else "openai-compatible"
    for index, hit in enumerate(hits):
        if hit[2] == "openai" and hit[3] == "env-var":
            hits[index] = (hit[0], hit[1], target, *hit[3:])


_NAMED_MODEL = re.compile(
    r"""(?P<name>\b[A-Za-z_]\w*)["']?\s*(?::\s*[\w.\[\]]+(?:\s*\|\s*[\w.\[\]]+)*\s*)?[=:]\s*"""
    r"""(?:Field\s*\(\s*(?:default\s*=\s*)?)?(?P<q>["'])(?P<model>[A-Za-z0-9][\w.:/@-]{1,100})(?P=q)"""
)


def _named_model(name: str, value: str, catalogue: Catalogue) -> str | None:
    """The provider of a model setting named for it (`ALBERT_MODEL`, `albert_model_embedding`,
    `OLLAMA_MODEL`): a name with the word "model" and one of a provider's hint words, whose
    value looks like a model id. Gateways are left out (they relay other vendors' models)."""
    words = list(_words(name))
    if "model" not in words or not re.fullmatch(r"[A-Za-z0-9][\w.:/@-]{1,100}", value):
        return None
    for word in words:
        provider = catalogue.hint_words.get(word)
        if provider and catalogue.kind(provider) not in ("gateway", "framework"):
            return provider
    return None


def _named_models(code: str, catalogue: Catalogue) -> list[Hit]:
    """Model ids assigned to a setting named for a provider (`albert_model = "..."`), in any
    code file: the name says who serves the model, as a key variable's name says whose key
    it is."""
    if "model" not in code.lower():
        return []
    found: list[Hit] = []
    for match in _NAMED_MODEL.finditer(code):
        model = match.group("model")
        provider = _named_model(match.group("name"), model, catalogue)
        if provider is not None:
            start, end = match.start("model") - 1, match.end("model") + 1
            found.append((start, end, provider, "model", model, None, None))
    return found


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
            yield (match.start(), match.end(), signature["provider"], "call", None, None, None)


# --- OpenAI-compatible clients ---------------------------------------------------------------


def _arguments(code: str, open_paren: int) -> str:
    """The text between the parenthesis at `open_paren - 1` and its match (at most 4000 chars)."""
    depth = 0
    for index in range(open_paren - 1, min(len(code), open_paren + 4000)):
        char = code[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return code[open_paren:index]
    return code[open_paren : open_paren + 4000]


def _attribute_compatible_clients(
    code: str, catalogue: Catalogue, imported: list[dict[str, Any]], hits: list[Hit], which: int
) -> None:
    """An OpenAI client given a base URL (`OpenAI(base_url=...)`, `createOpenAI({ baseURL })`,
    `ChatOpenAI(openai_api_base=...)`) calls that endpoint, not OpenAI: its call, and the
    file's other OpenAI SDK hits when every client in the file has a base URL, are given to
    the provider the URL, a word of the arguments (`config.albert_api_url`) or the file's
    endpoints and key variables name, else to `openai-compatible`."""
    pattern = catalogue.client_calls[which]
    if pattern is None or not any(s["id"] in catalogue.client_signatures for s in imported):
        return
    from_environment = any(name in code for name in catalogue.base_url_env)
    clients: list[tuple[int, int, str, str | None]] = []  # start, end, provider, via
    plain = 0  # clients that call OpenAI itself
    for match in pattern.finditer(code):
        # `class ChatLMStudio(ChatOpenAI):` its body holds the base URL
        subclass = match.group().lstrip().startswith("class")
        arguments = _class_body(code, match, which) if subclass else _arguments(code, match.end())
        custom = "Compatible" in match.group() or "OpenAILike" in match.group()
        custom = custom or bool(catalogue.base_url_re.search(arguments))
        if not custom and not from_environment:
            plain += 1
            continue
        provider, via = _endpoint_of(arguments, code, catalogue, hits)
        if provider == "openai-compatible":
            provider = _enclosing_hint(code, match.start(), catalogue) or provider
        if provider == "openai" and via is None:
            plain += 1
            continue
        clients.append((match.start(), match.end(), provider, via))
    if not clients:
        return
    starts = {start for start, *_ in clients}
    for index, hit in enumerate(hits):
        if hit[0] in starts and hit[3] == "call":
            _, _, provider, via = _client_at(clients, hit[0])
            hits[index] = (hit[0], hit[1], provider, "call", None, None, via)
            starts.discard(hit[0])
    for start, end, provider, via in clients:
        if start in starts:  # a constructor no signature lists as a call (`createOpenAI(`)
            hits.append((start, end, provider, "call", None, None, via))
    if plain:
        return
    for index, hit in enumerate(hits):  # every client has a base URL: the SDK is theirs
        if hit[2] == "openai" and hit[3] in ("import", "call", "env-var"):
            _, _, provider, via = _client_at(clients, hit[0])
            hits[index] = (hit[0], hit[1], provider, hit[3], hit[4], hit[5], via)


def _class_body(code: str, match: re.Match[str], which: int) -> str:
    """The body of a class that subclasses a client: its indented block (Python) or its
    braces (JavaScript), at most 4000 characters."""
    if which == 1:
        brace = code.find("{", match.end())
        return _arguments(code, brace + 1) if brace != -1 else ""
    body = re.match(r"[^\n]*\n(?:[ \t]+[^\n]*\n|[ \t]*\n)*", code[match.end() : match.end() + 4000])
    return body.group() if body else ""


_DEFINITION = re.compile(
    r"^([ \t]*)(?:export\s+)?(?:async\s+)?(?:class|def|function)\s+(\w+)", re.MULTILINE
)


def _enclosing_hint(code: str, offset: int, catalogue: Catalogue) -> str | None:
    """The provider a hint word of an enclosing class or function names (`class
    AlbertApiClient:` around `OpenAI(base_url=base_url)`), innermost first."""
    line_start = code.rfind("\n", 0, offset) + 1
    indent = len(code[line_start:offset]) - len(code[line_start:offset].lstrip())
    for definition in reversed(list(_DEFINITION.finditer(code, 0, line_start))):
        depth = len(definition.group(1))
        if depth >= indent:
            continue
        indent = depth
        hinted = catalogue.hinted_provider(definition.group(2))
        if hinted:
            return hinted
        if depth == 0:
            break
    return None


def _client_at(
    clients: list[tuple[int, int, str, str | None]], offset: int
) -> tuple[int, int, str, str | None]:
    """The client constructed nearest before `offset`, else the first one."""
    before = [client for client in clients if client[0] <= offset]
    return before[-1] if before else clients[0]


def _endpoint_of(
    arguments: str, code: str, catalogue: Catalogue, hits: list[Hit]
) -> tuple[str, str | None]:
    """`(provider, via)` of an OpenAI client with a base URL, from its arguments, else the file."""
    for pattern, gateway, upstream in catalogue.upstreams:
        if pattern.search(arguments):
            return upstream, gateway
    for regex in (catalogue.endpoint_re, catalogue.compatible_url_re):
        found = regex.search(arguments)
        if found:
            return catalogue.provider_of(found), None
    hinted = catalogue.hinted_provider(arguments)
    if hinted:
        return hinted, None
    named = {
        hit[2]
        for hit in hits
        if hit[3] in ("endpoint", "env-var")
        and hit[2] != "openai"
        and catalogue.kind(hit[2]) != "framework"
    }
    named.update(catalogue.provider_of(m) for m in catalogue.compatible_url_re.finditer(code))
    if len(named) == 1:
        return named.pop(), None
    return "openai-compatible", None


# --- model names ---------------------------------------------------------------------------


def _models(
    code: str,
    catalogue: Catalogue,
    imported: list[dict[str, Any]],
    hits: list[Hit],
    named: set[int] | frozenset[int] = frozenset(),
) -> list[Hit]:
    """Model ids in string literals.

    A provider-prefixed id (`anthropic:claude-haiku-4-5`, `xai/grok-4.1-fast`) counts in any
    file; a bare name in a `model=` argument, or any literal of a known family (`gpt-4o-mini`),
    only in a file that imports an AI SDK or shows a prefixed id. Through a gateway (a
    gateway's call around it, a gateway the file uses, or the Vercel AI SDK, whose plain
    `provider/model` strings go to the Vercel AI Gateway by default), the hit carries `via`.
    An API endpoint counts as an SDK does (`fetch("https://api.openai.com/v1/realtime/...")`
    with `model: "gpt-4o-realtime-preview"` in its body). Literals at `named` offsets were
    attributed by their setting's name.
    """
    lowered = code.lower()
    endpoints = [hit for hit in hits if hit[3] == "endpoint"]
    if not (imported or endpoints) and not any(a in lowered for a in catalogue.prefix_anchors):
        return []
    calls = sorted((hit for hit in hits if hit[3] == "call"), key=lambda hit: hit[0])
    gateway = _file_gateway(code, catalogue, imported, hits)
    context = _Context(catalogue, imported, hits)
    literals = [(m, True) for m in _MODEL_LITERAL.finditer(code) if m.start("model") not in named]
    taken = {m.start("model") for m, _ in literals} | set(named)
    literals += [
        (m, False) for m in _STRING_LITERAL.finditer(code) if m.start("model") not in taken
    ]
    literals = [
        (m, a)
        for m, a in literals
        if not _TABLE_KEY.match(code, m.end())
        and not _TOKENIZER.search(code, max(0, m.start("model") - 161), m.start("model") - 1)
    ]
    found: list[Hit] = []
    bare: list[tuple[re.Match[str], bool]] = []
    for match, in_argument in literals:
        hit = _prefixed_hit(match, code, catalogue, calls, gateway)
        if hit is not None:
            found.append(hit)
        else:
            bare.append((match, in_argument))
    if imported or endpoints or found:  # a bare name counts beside an SDK or a prefixed id
        for match, in_argument in bare:
            hit = _bare_hit(match, code, catalogue, calls, context, in_argument)
            if hit is not None:
                found.append(hit)
    return found


class _Context:
    """What a file shows besides its model names: the SDKs it imports, the providers its
    evidence names, and the runtimes and endpoints that serve other developers' models."""

    def __init__(self, catalogue: Catalogue, imported: list[dict[str, Any]], hits: list[Hit]):
        self.imported = imported
        strong = ("import", "call", "endpoint", "env-var", "api-key")
        self.providers = {hit[2] for hit in hits if hit[3] in strong}
        self.serving = sorted(
            (hit[0], hit[2])
            for hit in hits
            if hit[3] in strong
            and catalogue.kind(hit[2]) in ("local", "compatible-endpoint")
            and hit[2] != "local-model"
        )
        self.endpoint = next((hit[2] for hit in hits if hit[3] == "endpoint"), None)

    def server(self, provider: str | None, offset: int) -> str | None:
        """The runtime or endpoint nearest `offset` that serves a model of `provider` in this
        file, when the file shows nothing of `provider` itself: a Llama model beside Ollama
        is run by Ollama, not sent to Meta."""
        if not self.serving or provider in self.providers:
            return None
        return min(self.serving, key=lambda item: abs(item[0] - offset))[1]


def _file_gateway(
    code: str, catalogue: Catalogue, imported: list[dict[str, Any]], hits: list[Hit]
) -> str | None:
    """The gateway a file sends its `provider/model` ids to: one whose import, call, endpoint
    or key variable it shows, else the Vercel AI Gateway for a file that imports the Vercel AI
    SDK without setting another default provider."""
    for hit in hits:
        if catalogue.kind(hit[2]) == "gateway" and hit[3] != "dependency":
            return hit[2]
        if hit[6] is not None:
            return hit[6]
    vercel = any(s["provider"] == "vercel-ai" for s in imported)
    return "vercel-ai-gateway" if vercel and "AI_SDK_DEFAULT_PROVIDER" not in code else None


def _prefixed_hit(
    match: re.Match[str], code: str, catalogue: Catalogue, calls: list[Hit], gateway: str | None
) -> Hit | None:
    """A provider-prefixed id: its provider, the model without the prefix, the gateway."""
    literal = match.group("model")
    prefixed = catalogue.prefixed_model(literal)
    if prefixed is None:
        return None
    start, end = match.start("model") - 1, match.end("model") + 1
    provider, model, via = prefixed
    around = _enclosing_call(code, calls, start)
    if around is not None and catalogue.serves_others(around[0]):
        if catalogue.kind(around[0]) == "gateway":
            return (start, end, provider, "model", model, None, via or around[0])
        return (start, end, around[0], "model", literal, None, around[1])  # its own model id
    if via is None and "/" in literal.split(":")[0]:
        via = gateway
    return (start, end, provider, "model", model, None, via)


def _bare_hit(
    match: re.Match[str],
    code: str,
    catalogue: Catalogue,
    calls: list[Hit],
    context: _Context,
    in_argument: bool,
) -> Hit | None:
    """A model name with no prefix: in a `model=` argument whatever it is, elsewhere only a
    known family's. Its provider is the endpoint whose call it is in when that endpoint serves
    other developers' models, else the local runtime or endpoint the file shows when it shows
    nothing of the model's developer, else the one its name says, else the call's, else the
    file's SDK or endpoint."""
    literal = match.group("model")
    family = catalogue.model_family(literal)
    if family is None and not in_argument:
        return None
    start, end = match.start("model") - 1, match.end("model") + 1
    around = _enclosing_call(code, calls, start)
    if around is not None and catalogue.serves_others(around[0]):
        return (start, end, around[0], "model", literal, None, around[1])
    named = catalogue.model_provider(literal)
    server = context.server(named or family, start)
    if server is not None:
        return (start, end, server, "model", literal, None, None)
    if named:
        return (start, end, named, "model", literal, None, None)
    if around is not None:
        return (start, end, around[0], "model", literal, None, around[1])
    imported = context.imported
    fallback = next(
        (s["provider"] for s in imported if catalogue.kind(s["provider"]) != "framework"),
        imported[0]["provider"] if imported else (family or context.endpoint),
    )
    if family is not None and (fallback is None or not catalogue.serves_others(fallback)):
        return (start, end, family, "model", literal, None, None)
    return (start, end, fallback, "model", literal, None, None) if fallback else None


def _enclosing_call(code: str, calls: list[Hit], offset: int) -> tuple[str, str | None] | None:
    """`(provider, via)` of the innermost call whose parentheses are still open at `offset`."""
    for start, end, provider, *rest in reversed(calls):
        if start < offset and offset - end < 2000 and _still_open(code, end, offset):
            return str(provider), rest[-1]
    return None


def _still_open(code: str, end: int, offset: int) -> bool:
    """Whether the parenthesis just before `end` is not closed before `offset`."""
    depth = 1
    for char in code[end:offset]:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return False
    return True


def _endpoints_keys_env(code: str, catalogue: Catalogue) -> Iterator[Hit]:
    yield from _endpoints_and_keys(code, catalogue)
    if any(prefix in code for prefix in catalogue.key_prefixes):
        for match in catalogue.key_name_re.finditer(code):
            if match.group() not in catalogue.env:  # exact names: found below
                provider = catalogue.key_prefixes[match.group("prefix")]
                yield (match.start(), match.end(), provider, "env-var", None, None, None)
    if not any(name in code for name in catalogue.env):
        return
    for match in catalogue.env_re.finditer(code):
        yield (
            match.start(),
            match.end(),
            catalogue.env[match.group(1)],
            "env-var",
            None,
            None,
            None,
        )
    for match in catalogue.env_assignment_re.finditer(code):
        value = match.group(2)
        if holds_a_key(match.group(1)) and looks_like_a_key(value):
            if catalogue.key_re.search(value):
                continue  # a known key format: reported as such
            provider = catalogue.env[match.group(1)]
            yield (match.start(2), match.end(2), provider, "api-key", None, mask(value), None)


def _endpoints_and_keys(code: str, catalogue: Catalogue) -> Iterator[Hit]:
    """Endpoints and key formats; each family's regex runs only when one of its words is there."""
    lowered = code.lower()
    if any(anchor in lowered for anchor in catalogue.endpoint_anchors):
        for match in catalogue.endpoint_re.finditer(code):
            provider = catalogue.provider_of(match)
            yield (match.start(), match.end(), provider, "endpoint", None, None, None)
    if any(anchor in code for anchor in catalogue.key_anchors):
        for match in catalogue.key_re.finditer(code):
            if looks_like_a_key(match.group()):  # not `hf_xxxxxxxx...`
                provider = catalogue.provider_of(match)
                yield (
                    match.start(),
                    match.end(),
                    provider,
                    "api-key",
                    None,
                    mask(match.group()),
                    None,
                )


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
    r"""(?:\bimport\s+(?P<itype>type\s+)?(?:(?P<clause>[\w*{}\s,$]+?)\s+from\s+)?"""
    r"""|\bexport\s+(?P<etype>type\s+)?(?P<eclause>[\w*{}\s,$]+?)\s+from\s+"""
    r"""|\brequire\s*\(\s*|\bimport\s*\(\s*)(?P<q>["'])(?P<source>[^"'\n]+)(?P=q)"""
)


def _type_only(match: re.Match[str]) -> bool:
    """`import type {...} from`, `export type {...} from`, `import { type A, type B } from`:
    types for the compiler, erased before the code runs."""
    if match.group("itype") or match.group("etype"):
        return True
    clause = (match.group("clause") or match.group("eclause") or "").strip()
    if not (clause.startswith("{") and clause.endswith("}")):
        return False
    names = [name.strip() for name in clause[1:-1].split(",") if name.strip()]
    return bool(names) and all(name.startswith("type ") for name in names)


def _scan_javascript(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = _without_comments(text, _C_LEXEMES)
    statements = _JS_TEMPLATE.sub(lambda m: _blank(m.group()), code)  # code quoted in a template
    imported: list[dict[str, Any]] = []
    hits: list[Hit] = []
    for match in _JS_IMPORT.finditer(statements):
        source = match.group("source")
        if _type_only(match) or source in catalogue.not_ai_use:
            continue  # types, or UI hooks that talk to the app's own server
        matched = catalogue.js_signatures(source)
        imported.extend(sig for sig in matched if sig not in imported)  # their calls count
        primary = next((sig for sig in matched if sig.get("imports_are_evidence", True)), None)
        if primary is not None:
            hits.append(
                (match.start(), match.end(), primary["provider"], "import", None, None, None)
            )
    yield from _code_hits(code, catalogue, imported, hits, 1, statements)


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
                yield (match.start(), match.end(), provider, "import", None, None, None)
    for match in _GO_IMPORT_LINE.finditer(code):
        provider = _go_provider(match.group(1), catalogue)
        if provider:
            yield (match.start(), match.end(), provider, "import", None, None, None)
    yield from _endpoints_keys_env(code, catalogue)


_GO_REQUIRE = re.compile(r"^[ \t]*(?:require[ \t]+)?([\w.\-/]+)[ \t]+v\d", re.MULTILINE)


def _scan_go_mod(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = re.sub(r"//[^\n]*", lambda m: _blank(m.group()), text)
    for match in _GO_REQUIRE.finditer(code):
        provider = _go_provider(match.group(1), catalogue)
        if provider:
            yield (match.start(1), match.end(1), provider, "dependency", None, None, None)


_REQUIREMENT = re.compile(r"^[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)", re.MULTILINE)


def _scan_requirements(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    code = re.sub(r"(?:^|[ \t])#[^\n]*", lambda m: _blank(m.group()), text)
    for match in _REQUIREMENT.finditer(code):
        provider = catalogue.pypi.get(_normalise_pypi(match.group(1)))
        if provider:
            yield (match.start(1), match.end(1), provider, "dependency", None, None, None)


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
        yield (start, start + len(name), provider, "dependency", None, None, None)


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
            return provider or None
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
                    None,
                )


_ENV_LINE = re.compile(
    r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$", re.MULTILINE
)


def _scan_env(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    base_url = _env_base_url(text, catalogue) if "OPENAI_" in text else None
    for match in _ENV_LINE.finditer(text):
        provider = catalogue.key_variable(match.group(1))
        value = match.group(2).strip().strip("\"'")
        via = None
        named = _named_model(match.group(1), value, catalogue)
        if named is not None:
            start = match.start(2) + match.group(2).index(value)
            yield (start, start + len(value), named, "model", value, None, None)
        if provider == "openai" and base_url is not None:
            provider, via = base_url
        if provider:
            yield (match.start(1), match.end(1), provider, "env-var", None, None, via)
            shaped = _KEY_SHAPE.fullmatch(value) and not catalogue.key_re.search(value)
            if holds_a_key(match.group(1)) and shaped and looks_like_a_key(value):
                start = match.start(2) + match.group(2).index(value) if value else match.start(2)
                yield (start, start + len(value), provider, "api-key", None, mask(value), None)
    code = re.sub(r"(?m)^[ \t]*#[^\n]*", lambda m: _blank(m.group()), text)
    hits = list(_endpoints_and_keys(code, catalogue))
    yield from hits
    yield from _configured_models(code, catalogue, hits)


def _env_base_url(text: str, catalogue: Catalogue) -> tuple[str, str | None] | None:
    """`(provider, via)` of the endpoint `OPENAI_BASE_URL` (or `OPENAI_API_BASE`) is set to in
    an environment file: the OpenAI SDK reads it, so `OPENAI_API_KEY` is that endpoint's key.
    None when it is unset, empty or OpenAI's own."""
    for match in _ENV_LINE.finditer(text):
        if match.group(1) not in catalogue.base_url_env:
            continue
        value = match.group(2).strip().strip("\"'")
        if not value:
            continue
        provider, via = _endpoint_of(value, value, catalogue, [])
        return None if provider == "openai" and via is None else (provider, via)
    return None


def _scan_c_like(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    yield from _endpoints_keys_env(_without_comments(text, _C_LEXEMES), catalogue)


def _scan_hash_commented(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    yield from _endpoints_keys_env(_without_comments(text, _HASH_LEXEMES), catalogue)


def _scan_config(text: str, catalogue: Catalogue) -> Iterator[Hit]:
    """Configuration files: endpoints, keys and provider-prefixed model ids (key variable names
    there are not use)."""
    code = re.sub(r"(?m)(?:^|[ \t])[#;][^\n]*", lambda m: _blank(m.group()), text)
    hits = list(_endpoints_and_keys(code, catalogue))
    yield from hits
    yield from _configured_models(code, catalogue, hits)


_CONFIG_VALUE = re.compile(r"(?<![\w.:/@-])[A-Za-z][\w-]*[:/][A-Za-z][\w.:@/-]*(?![\w.:/@-])")
_IMAGE_KEY = re.compile(r"[ \t]*-?[ \t]*[\"']?image[\"']?[ \t]*[:=]")
"""A container image (`image: ollama/ollama:0.5.4`) is not a model id."""


def _configured_models(code: str, catalogue: Catalogue, hits: list[Hit]) -> Iterator[Hit]:
    """Provider-prefixed model ids written as values, quoted or not. In a LiteLLM proxy's
    configuration (`model_list` entries with `litellm_params`) they go through that proxy; in
    a file that names a gateway's endpoint or key variable, through that gateway."""
    lowered = code.lower()
    if not any(anchor in lowered for anchor in catalogue.prefix_anchors):
        return
    gateway = next((hit[2] for hit in hits if catalogue.kind(hit[2]) == "gateway"), None)
    if "model_list" in code and "litellm_params" in code:
        gateway = "litellm-proxy"
    for match in _CONFIG_VALUE.finditer(code):
        prefixed = catalogue.prefixed_model(match.group())
        if prefixed is None:
            continue
        line_start = code.rfind("\n", 0, match.start()) + 1
        if _IMAGE_KEY.match(code, line_start):
            continue
        provider, model, via = prefixed
        slash = "/" in match.group().split(":")[0]
        via = via or (gateway if slash or gateway == "litellm-proxy" else None)
        yield (match.start(), match.end(), provider, "model", model, None, via)


_UNFILTERED = _unfiltered()
