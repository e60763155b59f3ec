"""Texts made before the run's language is known.

`lazy("...", **params)` is a `Lazy` text: it reads as English (it is a `str`, so it can be an
exception's message), and `in_language(lang)` renders it again in the run's language;
`messages.text` does so for every `Lazy` parameter it is given. Only error paths import this
module.
"""

from __future__ import annotations

from charte_lint.messages import SOURCE_LANGUAGE, languages, t

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable


class Lazy(str):
    """A text that reads as English and can be rendered again in another language."""

    _render: Callable[[str], str]

    def __new__(cls, render: Callable[[str], str]) -> Lazy:
        made = super().__new__(cls, render(SOURCE_LANGUAGE))
        made._render = render
        return made

    def in_language(self, lang: str) -> str:
        return self._render(lang)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled (to leave a forked worker) as its text in every language."""
        return (_rendered, ({lang: self.in_language(lang) for lang in languages()},))


def _rendered(texts: dict[str, str]) -> Lazy:
    return Lazy(lambda lang: texts.get(lang, texts[SOURCE_LANGUAGE]))


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
