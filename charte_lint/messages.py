"""User-facing words outside the rules, and how they are translated.

The summary, type and format names, errors... are English in the code and translated through
a standard gettext catalogue; `pick_language` chooses from `--lang` or the locale.
`text(lang, key, **params)` is the older keyed entry point, kept for callers that name a text
by key.

Source strings are English, written in the code and marked for extraction:

    t(lang, "no such file or directory: {path}").format(path=path)
    nt(lang, "{n} error", "{n} errors", count).format(n=count)
    N_("a list")  # marked here, translated later with t(lang, value)

The language is always passed explicitly (a test may run both languages in one process, so
there is no global "current language"). Catalogues live in `locale/<lang>/LC_MESSAGES/
charte_lint.mo`, read with the standard library's `gettext` the first time a language other
than English is asked for: an English run never imports `gettext` nor reads a file. Adding a
language is adding such a folder (see "Translating charte-lint" in CONTRIBUTING.md).

`lazytext.lazy("...", **params)` makes a text where the language is not known yet (a
configuration error raised deep in the loading code); `text` renders such parameters in the
run's language. It lives apart so that a run without errors does not pay for importing it.

Extraction keywords (CONTRIBUTING.md, "Translating charte-lint"): `t:2`, `nt:2,3`, `lazy`, `N_`.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from gettext import NullTranslations

DOMAIN = "charte_lint"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
SOURCE_LANGUAGE = "en"
_loaded: dict[str, NullTranslations] = {}


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it (it is translated where shown)."""
    return message


def languages() -> tuple[str, ...]:
    """English, then every language with a catalogue folder, sorted."""
    try:
        found = sorted(
            name
            for name in os.listdir(LOCALE_DIR)
            if name != SOURCE_LANGUAGE
            and os.path.isdir(os.path.join(LOCALE_DIR, name, "LC_MESSAGES"))
        )
    except OSError:
        found = []
    return (SOURCE_LANGUAGE, *found)


def has_language(lang: str) -> bool:
    """Whether `lang` can be used: English, or a language with a catalogue folder."""
    if lang == SOURCE_LANGUAGE:
        return True
    if not lang or "/" in lang or "\\" in lang or lang.startswith("."):
        return False
    return os.path.isdir(os.path.join(LOCALE_DIR, lang, "LC_MESSAGES"))


def _translations(lang: str) -> NullTranslations:
    found = _loaded.get(lang)
    if found is None:
        import gettext

        found = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
        _loaded[lang] = found
    return found


def t(lang: str, message: str) -> str:
    """`message` (English) in `lang`; English when the catalogue lacks it."""
    if lang == SOURCE_LANGUAGE:
        return message
    return _translations(lang).gettext(message)


def nt(lang: str, singular: str, plural: str, n: int) -> str:
    """The form of `singular` / `plural` for the number `n`, by the plural rule of `lang`."""
    if lang == SOURCE_LANGUAGE:
        return singular if n == 1 else plural
    return _translations(lang).ngettext(singular, plural, n)


class ByLanguage:
    """`TABLE[lang][name]`: a table of English texts, translated into `lang` on first use."""

    def __init__(self, english: Mapping[str, str]) -> None:
        self._english = dict(english)
        self._by_language: dict[str, dict[str, str]] = {}

    def __getitem__(self, lang: str) -> dict[str, str]:
        found = self._by_language.get(lang)
        if found is None:
            found = {name: t(lang, value) for name, value in self._english.items()}
            self._by_language[lang] = found
        return found

    def __contains__(self, lang: object) -> bool:
        return isinstance(lang, str) and has_language(lang)

    def __iter__(self) -> Iterator[str]:
        return iter(languages())


TYPE_NAMES = ByLanguage(
    {
        "string": N_("text"),
        "integer": N_("a whole number"),
        "number": N_("a number"),
        "boolean": N_("true or false"),
        "array": N_("a list"),
        "object": N_("a mapping of keys"),
        "null": N_("empty"),
    }
)

RELATIONS = ByLanguage(
    {
        "minimum": N_("at least"),
        "exclusiveMinimum": N_("more than"),
        "maximum": N_("at most"),
    }
)

SEVERITIES = ByLanguage({"error": N_("error"), "warning": N_("warning"), "info": N_("info")})
"""A severity as shown to people (`[erreur]`); JSON and SARIF keep the English keyword."""

_KEYED = {
    "or": N_(" or "),
    "no-files": N_("no ai-usage.yaml or ai-usage.yml found under {paths}"),
    "no-such-path": N_("no such file or directory: {path}"),
    "unreadable": N_("cannot read {path}: {reason}"),
    "unknown-rule": N_("unknown rule `{code}`"),
    "unknown-rule-suggest": N_("unknown rule `{code}`; did you mean {suggestions}?"),
    "config-error": N_("{location}: invalid configuration: {reason}"),
    "cannot-write": N_("cannot write {path}: {reason}"),
    "init-directory": N_("--init takes one directory (default: the current directory)"),
    "init-exists": N_("{path} already exists: --init never overwrites a manifest"),
    "manifest": N_("the manifest"),
    "configuration": N_("the configuration"),
    "register-nothing": N_("no manifest and no register fragment found under {paths}"),
    "register-bad-fragment": N_("{error}: left out of the register"),
    "register-stale-after": N_(
        "--stale-after takes an ISO 8601 duration of at least a day (P30D, P6M), not `{value}`"
    ),
    "register-export-invalid": N_(
        "{path} does not validate against {standard} yet (problems: {problems}, listed in "
        "exports/validation.json); the CL301 findings say which facts to declare"
    ),
    "register-options": N_(
        "--register builds the register: it takes no --format, --output or --report"
    ),
}


def summary(lang: str, errors: int, warnings: int, infos: int, files: int) -> str:
    """`2 errors, 1 warning, 0 info in 3 files`."""
    # TRANSLATORS: {errors}, {warnings}, {infos} and {files} are the counted texts below.
    return t(lang, "{errors}, {warnings}, {infos} in {files}").format(
        errors=nt(lang, "{n} error", "{n} errors", errors).format(n=errors),
        warnings=nt(lang, "{n} warning", "{n} warnings", warnings).format(n=warnings),
        infos=nt(lang, "{n} info", "{n} info", infos).format(n=infos),
        files=count_files(lang, files),
    )


def count_files(lang: str, files: int) -> str:
    return nt(lang, "{n} file", "{n} files", files).format(n=files)


def clean(lang: str, files: int) -> str:
    """`No findings in 3 files.`"""
    return t(lang, "No findings in {files}.").format(files=count_files(lang, files))


def init_written(lang: str, path: str, evidence: int, providers: int) -> str:
    # TRANSLATORS: {evidence} and {providers} are the counted texts below.
    return t(
        lang,
        "wrote {path} from {evidence} of {providers}; complete every TODO, then run charte-lint",
    ).format(
        path=path,
        evidence=nt(lang, "{n} piece of evidence", "{n} pieces of evidence", evidence).format(
            n=evidence
        ),
        providers=nt(lang, "{n} provider", "{n} providers", providers).format(n=providers),
    )


def register_written(
    lang: str, uses: int, repositories: int, target: str, conflicts: int, stale: int
) -> str:
    """`register of 12 uses from 3 repositories written to site (0 conflicts, 1 stale fragment)`."""
    # TRANSLATORS: {uses}, {repositories}, {conflicts} and {stale} are the counted texts below.
    return t(
        lang, "register of {uses} from {repositories} written to {target} ({conflicts}, {stale})"
    ).format(
        uses=nt(lang, "{n} use", "{n} uses", uses).format(n=uses),
        repositories=nt(lang, "{n} repository", "{n} repositories", repositories).format(
            n=repositories
        ),
        target=target,
        conflicts=nt(lang, "{n} conflict", "{n} conflicts", conflicts).format(n=conflicts),
        stale=nt(lang, "{n} stale fragment", "{n} stale fragments", stale).format(n=stale),
    )


_COUNTED: dict[str, Callable[..., str]] = {
    "register-written": register_written,
    "summary": summary,
    "clean": clean,
    "init-written": init_written,
}


def pick_language(requested: str | None = None) -> str:
    """`--lang` if it has a catalogue, else the language of LC_ALL / LC_MESSAGES / LANG when
    it has one (`fr_FR.UTF-8` gives `fr`), else English."""
    if requested and has_language(requested):
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            lang = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
            return lang if has_language(lang) else "en"
    return "en"


OS_REASONS = frozenset(
    (
        N_("No such file or directory"),
        N_("Permission denied"),
        N_("Is a directory"),
        N_("Not a directory"),
        N_("File name too long"),
        N_("Too many levels of symbolic links"),
        N_("Read-only file system"),
        N_("No space left on device"),
        N_("File exists"),
        N_("Operation not permitted"),
        N_("Input/output error"),
        N_("Disk quota exceeded"),
        N_("not a regular file"),
    )
)
"""The system's reasons for failing to read or write a file that are translated as they are
(`os.strerror` speaks English: Python does not set the C library's message locale)."""


def reason(lang: str, value: object) -> str:
    """A system reason (`Permission denied`) in `lang` when the catalogue knows it."""
    render = getattr(value, "in_language", None)  # a lazytext.Lazy
    if render is not None:
        return render(lang)
    if isinstance(value, str) and value in OS_REASONS:
        return t(lang, value)
    return str(value)


def text(lang: str, key: str, **params: object) -> str:
    """The text named `key` in `lang`; `Lazy` parameters and system reasons are translated."""
    if key in _COUNTED:
        return _COUNTED[key](lang, **params)
    for name, value in params.items():
        if type(value) is not str and hasattr(value, "in_language"):  # a lazytext.Lazy
            params[name] = value.in_language(lang)
    if "reason" in params:  # only on error paths
        params["reason"] = reason(lang, params["reason"])
    return t(lang, _KEYED[key]).format(**params)
