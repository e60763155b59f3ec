"""Translations of the tool's own words through a standard gettext catalogue.

Source strings are English, written in the code and marked for extraction:

    t(lang, "no such file or directory: {path}").format(path=path)
    nt(lang, "{n} error", "{n} errors", count).format(n=count)
    N_("a list")  # marked here, translated later with t(lang, value)

The language is always passed explicitly (a test may run both languages in one process, so
there is no global "current language"). Catalogues live in `locale/<lang>/LC_MESSAGES/
charte_lint.mo`, read with the standard library's `gettext` the first time a language other
than English is asked for: an English run never imports `gettext` nor reads a file. Adding a
language is adding such a folder (see "Translating charte-lint" in the README).

`Lazy` is a text made where the language is not known (a configuration error raised deep in
the loading code): it reads as English, and `in_language(lang)` renders it again in the run's
language; `messages.text` does so for every `Lazy` parameter it is given.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
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


class Lazy(str):
    """A text that reads as English and can be rendered again in another language."""

    def __new__(cls, render: Callable[[str], str]) -> Lazy:
        made = super().__new__(cls, render(SOURCE_LANGUAGE))
        made._render = render
        return made

    def in_language(self, lang: str) -> str:
        return self._render(lang)


def lazy(message: str, **params: object) -> Lazy:
    """`t(lang, message).format(**params)` in the language asked for later (`Lazy` parameters
    rendered in that language too)."""
    return Lazy(lambda lang: t(lang, message).format(**localised(lang, params)))


def localised(lang: str, params: dict[str, object]) -> dict[str, object]:
    """`params` with every `Lazy` value rendered in `lang`."""
    return {
        key: value.in_language(lang) if isinstance(value, Lazy) else value
        for key, value in params.items()
    }
