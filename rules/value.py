"""Rules for the `value` principle: AI only where it answers a real need (P1 / S1)."""

from __future__ import annotations

import re
import unicodedata

from charte_lint.api import Rule, get

from ._common import use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext

# Compared after `_normalise`: case, accents, punctuation and spaces do not count.
_PLACEHOLDERS = frozenset(
    {
        "",  # "-", "...", "?", "—" and other punctuation-only texts
        "tbd",
        "tbc",
        "todo",
        "na",  # n/a, N.A.
        "adefinir",  # à définir
        "acompleter",  # à compléter
        "avenir",  # à venir
        "apreciser",  # à préciser
    }
)
_XXX = re.compile(r"^x{2,}$")
_LONGEST_PLACEHOLDER = 30  # characters, punctuation and spaces included
_NOT_WORD = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")  # accents left apart by NFKD


def _normalise(text: str) -> str:
    compact = _NOT_WORD.sub("", text.casefold())
    if compact.isascii():
        return compact
    return _NOT_WORD.sub("", _COMBINING.sub("", unicodedata.normalize("NFKD", compact)))


def _is_placeholder(need: str) -> bool:
    if _NOT_WORD.fullmatch(need):  # "-", "...", "?": fails fast on real text
        return True
    if len(need) > _LONGEST_PLACEHOLDER:
        return False
    normalised = _normalise(need)
    return normalised in _PLACEHOLDERS or bool(_XXX.match(normalised))


def _repeats(need: str, name: Any) -> bool:
    # Texts whose lengths differ this much are not the same words in practice: skip the work.
    if not isinstance(name, str) or abs(len(name.strip()) - len(need)) > 10:
        return False
    return _normalise(name) == _normalise(need)


def _check_need(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        need = get(use, "purpose.need")
        if not isinstance(need, str) or not need:  # the schema reports a missing or "" need
            continue
        where = f"{pointer}/purpose/need"
        need = need.strip()
        if not need:
            yield ctx.finding(where, "empty", use_id=use_id(use))
        elif _is_placeholder(need):
            yield ctx.finding(where, use_id=use_id(use), need=need)
        elif _repeats(need, use.get("name")):
            yield ctx.finding(where, "repeats_name", use_id=use_id(use))


NEED_PLACEHOLDER = Rule(
    code="VAL001",
    name="need-placeholder",
    principle="value",
    charters={"private": "P1", "public": "S1"},
    severity="error",
    summary={
        "en": "The need a use answers must be stated, not left as a placeholder.",
        "fr": "Le besoin auquel répond un usage doit être énoncé, pas laissé en attente.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` gives a placeholder as `purpose.need` (`{need}`): describe the "
            "real need the use answers and who has it",
            "fr": "l'usage `{use_id}` donne un texte d'attente comme `purpose.need` (`{need}`) : "
            "décrire le besoin réel auquel il répond et qui l'exprime",
        },
        "empty": {
            "en": "use `{use_id}` has an empty `purpose.need`: describe the real need the use "
            "answers and who has it",
            "fr": "l'usage `{use_id}` a un `purpose.need` vide : décrire le besoin réel auquel il "
            "répond et qui l'exprime",
        },
        "repeats_name": {
            "en": "use `{use_id}` repeats its `name` as `purpose.need`: describe the real need "
            "the use answers, not the tool",
            "fr": "l'usage `{use_id}` reprend son `name` comme `purpose.need` : décrire le besoin "
            "réel auquel il répond, pas l'outil",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use whose `purpose.need` is empty, a placeholder (`TBD`, `TODO`, `n/a`, `-`, `...`,
`?`, `xxx`, `à définir`, `à compléter`, `à venir`, whatever the case, accents or punctuation),
or merely repeats the use's `name`.

## Why it matters
Private charter P1 ("AI serving value": AI is used only where it clearly answers a business or
client need and brings real added value) and public charter S1 ("AI serving the public": only
for a real need of residents or users, or to ease agents' work). A declaration without a stated
need cannot show either, and every later check (value, sobriety, vigilance) rests on it.

## Example
Failing:
```yaml
name: Meeting minutes
purpose:
  need: TBD
```
Passing:
```yaml
name: Meeting minutes
purpose:
  need: Project leads spend two hours a week writing up minutes that nobody reads in full.
  beneficiaries: [staff]
```

## How to fix
Write, in one or two sentences, the concrete problem the use solves and for whom. If the need
is not known yet, keep the use at `status: idea` until it is.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage dont `purpose.need` est vide, un texte d'attente (`TBD`, `TODO`, `n/a`, `-`,
`...`, `?`, `xxx`, `à définir`, `à compléter`, `à venir`, quels que soient la casse, les accents
ou la ponctuation), ou ne fait que reprendre le `name` de l'usage.

## Pourquoi c'est important
Charte privée P1 (« une IA au service de la valeur » : l'IA n'est utilisée que lorsqu'elle
répond clairement à un besoin métier ou client et apporte une vraie valeur ajoutée) et charte
publique S1 (« une IA au service du public » : seulement pour un besoin réel des habitants ou
usagers, ou pour faciliter le travail des agents). Une déclaration sans besoin énoncé ne peut
montrer ni l'un ni l'autre, et les autres vérifications (valeur, sobriété, vigilance) en
dépendent.

## Exemple
En échec :
```yaml
name: Comptes rendus de réunion
purpose:
  need: à définir
```
Conforme :
```yaml
name: Comptes rendus de réunion
purpose:
  need: Les chefs de projet passent deux heures par semaine à rédiger des comptes rendus.
  beneficiaries: [staff]
```

## Comment corriger
Décrire en une ou deux phrases le problème concret que l'usage résout, et pour qui. Si le
besoin n'est pas encore connu, laisser l'usage en `status: idea` jusqu'à ce qu'il le soit.
""",
    },
    references=("Charte P1 / S1",),
    check=_check_need,
)

RULES = [NEED_PLACEHOLDER]
