"""Rules for the `value` principle: AI only where it answers a real need (P1 / S1)."""

from __future__ import annotations

import re
import unicodedata

from charte_lint.api import Rule, get

from ._common import LIVE_STATUSES, as_list, if_missing, is_blank, missing_pointer, use_id

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


# Under the public charter (S1), who a use may serve: residents or users, or agents.
_PUBLIC_BENEFICIARIES = ("residents", "users", "agents", "staff", "clients")


def _check_beneficiaries(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status in LIVE_STATUSES and is_blank(get(use, "purpose.beneficiaries")):
            yield ctx.finding(
                missing_pointer(pointer, use, "purpose.beneficiaries"),
                use_id=use_id(use),
                status=status,
            )


def _weighs_on_people(use: Mapping[str, Any]) -> bool:
    audience = as_list(use.get("audience"))
    return (
        "public" in audience
        or "clients" in audience
        or get(use, "decision.affects_individuals") is True
        or get(use, "ai_act.category") == "high"
    )


def _check_benefits(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES or not _weighs_on_people(use):
            continue
        yield from if_missing(ctx, pointer, use, "purpose.benefits", status=status)


def _check_public_beneficiaries(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        beneficiaries = [
            b for b in as_list(get(use, "purpose.beneficiaries")) if isinstance(b, str)
        ]
        if beneficiaries and not any(b in _PUBLIC_BENEFICIARIES for b in beneficiaries):
            yield ctx.finding(
                f"{pointer}/purpose/beneficiaries",
                use_id=use_id(use),
                beneficiaries=", ".join(beneficiaries),
            )


BENEFICIARIES_MISSING = Rule(
    code="VAL002",
    name="beneficiaries-missing",
    principle="value",
    charters={"private": "P1", "public": "S1"},
    severity="warning",
    summary={
        "en": "A use in pilot or production says who benefits from it.",
        "fr": "Un usage en pilote ou en production dit à qui il profite.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) has no `purpose.beneficiaries`: say who "
            "the use serves (`clients`, `staff`, `agents`, `residents`, `users`, `partners`)",
            "fr": "l'usage `{use_id}` (`status: {status}`) n'a pas de `purpose.beneficiaries` : "
            "dire à qui l'usage profite (`clients`, `staff`, `agents`, `residents`, `users`, "
            "`partners`)",
        }
    },
    docs={
        "en": """\\
## What it does
Flags a use in `pilot` or `production` that declares no `purpose.beneficiaries`.

## Why it matters
Private charter P1 (AI only where it clearly answers a business or client need) and public
charter S1 (AI only for a real need of residents or users, or to ease agents' work). A need is
always someone's: a use that cannot say whom it serves cannot show that it serves anyone, and
its review cannot ask them whether it does.

## Example
Failing:
```yaml
status: production
purpose:
  need: Answer the 3,000 monthly e-mails about deliveries faster.
```
Passing:
```yaml
status: production
purpose:
  need: Answer the 3,000 monthly e-mails about deliveries faster.
  beneficiaries: [clients, staff]
```

## How to fix
List in `purpose.beneficiaries` the groups the use is for: `clients`, `staff`, `agents`,
`residents`, `users` or `partners`.
""",
        "fr": """\\
## Ce que fait la règle
Signale un usage en `pilot` ou en `production` qui ne déclare pas de `purpose.beneficiaries`.

## Pourquoi c'est important
Charte privée P1 (l'IA seulement lorsqu'elle répond clairement à un besoin métier ou client) et
charte publique S1 (l'IA seulement pour un besoin réel des habitants ou usagers, ou pour
faciliter le travail des agents). Un besoin est toujours celui de quelqu'un : un usage qui ne
peut dire à qui il profite ne peut montrer qu'il profite à quelqu'un, et sa revue ne peut pas
leur demander si c'est le cas.

## Exemple
En échec :
```yaml
status: production
purpose:
  need: Répondre plus vite aux 3 000 courriels mensuels sur les livraisons.
```
Conforme :
```yaml
status: production
purpose:
  need: Répondre plus vite aux 3 000 courriels mensuels sur les livraisons.
  beneficiaries: [clients, staff]
```

## Comment corriger
Lister dans `purpose.beneficiaries` les publics auxquels l'usage est destiné : `clients`,
`staff`, `agents`, `residents`, `users` ou `partners`.
""",
    },
    references=("Charte P1 / S1",),
    check=_check_beneficiaries,
)

BENEFITS_MISSING = Rule(
    code="VAL003",
    name="benefits-missing",
    principle="value",
    charters={"private": "P1", "public": "S1"},
    severity="warning",
    summary={
        "en": "A use that weighs on people states the added value expected from it.",
        "fr": "Un usage qui pèse sur des personnes énonce la valeur ajoutée qu'on en attend.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) reaches clients or the public, or weighs "
            "on decisions about people, and has no `purpose.benefits`: state the expected "
            "added value, measurable where possible",
            "fr": "l'usage `{use_id}` (`status: {status}`) touche des clients ou le public, ou "
            "pèse sur des décisions concernant des personnes, et n'a pas de "
            "`purpose.benefits` : énoncer la valeur ajoutée attendue, mesurable si possible",
        }
    },
    docs={
        "en": """\\
## What it does
Flags a use in `pilot` or `production` that gives no `purpose.benefits` while its `audience`
includes `clients` or `public`, or it is used in decisions about people
(`decision.affects_individuals: true`), or it is declared `ai_act.category: high`. A low-risk
internal tool is left to the organisation's judgement.

## Why it matters
Private charter P1 ("only where it clearly answers a need and brings real added value") and
public charter S1 ("only for a real need"). When people outside the team bear the use's risks,
the value expected in return has to be written down, so that it can be weighed against those
risks and checked at the next review.

## Example
Failing:
```yaml
status: production
audience: [public]
purpose:
  need: Residents call the town hall with the same questions.
```
Passing:
```yaml
status: production
audience: [public]
purpose:
  need: Residents call the town hall with the same questions.
  benefits: Answers at any hour; the reception desk keeps the complex requests.
```

## How to fix
Write in `purpose.benefits` what the use is expected to bring (time saved, delay cut, quality
gained), with a figure and a baseline where possible.
""",
        "fr": """\\
## Ce que fait la règle
Signale un usage en `pilot` ou en `production` qui ne donne pas de `purpose.benefits` alors que
son `audience` comprend `clients` ou `public`, ou qu'il sert à des décisions sur des personnes
(`decision.affects_individuals: true`), ou qu'il est déclaré `ai_act.category: high`. Un outil
interne à faible risque est laissé à l'appréciation de l'organisation.

## Pourquoi c'est important
Charte privée P1 (« seulement lorsqu'elle répond clairement à un besoin et apporte une vraie
valeur ajoutée ») et charte publique S1 (« seulement pour un besoin réel »). Lorsque des
personnes extérieures à l'équipe portent les risques de l'usage, la valeur attendue en retour
doit être écrite, pour être mise en balance avec ces risques et vérifiée à la revue suivante.

## Exemple
En échec :
```yaml
status: production
audience: [public]
purpose:
  need: Les habitants appellent la mairie pour les mêmes questions.
```
Conforme :
```yaml
status: production
audience: [public]
purpose:
  need: Les habitants appellent la mairie pour les mêmes questions.
  benefits: Réponses à toute heure ; l'accueil garde les demandes complexes.
```

## Comment corriger
Écrire dans `purpose.benefits` ce que l'usage doit apporter (temps gagné, délai réduit, qualité
améliorée), avec un chiffre et une situation de départ si possible.
""",
    },
    references=("Charte P1 / S1",),
    check=_check_benefits,
)

NO_PUBLIC_BENEFICIARY = Rule(
    code="VAL004",
    name="no-public-beneficiary",
    principle="value",
    charters={"public": "S1"},
    severity="warning",
    summary={
        "en": "A public-sector use serves residents, users or agents.",
        "fr": "Un usage public sert les habitants, les usagers ou les agents.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` serves only `{beneficiaries}`: under the public charter, AI "
            "answers a need of residents or users, or eases agents' work; say which, in "
            "`purpose.beneficiaries`",
            "fr": "l'usage `{use_id}` ne sert que `{beneficiaries}` : selon la charte publique, "
            "l'IA répond à un besoin des habitants ou des usagers, ou facilite le travail des "
            "agents ; dire lequel dans `purpose.beneficiaries`",
        }
    },
    docs={
        "en": """\\
## What it does
Under the public charter, flags a use whose `purpose.beneficiaries` names none of `residents`,
`users`, `agents`, `staff` (the agents) or `clients` (a public service's users), for example
a use that serves only `partners`.

## Why it matters
Public charter S1 ("AI serving the public"): AI is used only where it answers a real need of
residents or users, or eases agents' work. A use that serves only a partner organisation or a
vendor is not what the charter allows, or its declaration leaves out whom it really serves.

## Example
Failing:
```yaml
purpose:
  need: The regional agency wants our permit data in its format.
  beneficiaries: [partners]
```
Passing:
```yaml
purpose:
  need: Agents re-key permit data for the regional agency by hand.
  beneficiaries: [agents, partners]
```

## How to fix
Name in `purpose.beneficiaries` the residents, users or agents the use serves, or reconsider
the use if it serves none of them.
""",
        "fr": """\\
## Ce que fait la règle
Avec la charte publique, signale un usage dont les `purpose.beneficiaries` ne nomment ni
`residents`, ni `users`, ni `agents`, ni `staff` (les agents), ni `clients` (les usagers d'un
service public), par exemple un usage qui ne sert que des `partners`.

## Pourquoi c'est important
Charte publique S1 (« une IA au service du public ») : l'IA n'est utilisée que lorsqu'elle répond
à un besoin réel des habitants ou des usagers, ou facilite le travail des agents. Un usage qui
ne sert qu'une organisation partenaire ou un fournisseur n'est pas ce que permet la charte, ou
sa déclaration omet à qui il sert réellement.

## Exemple
En échec :
```yaml
purpose:
  need: L'agence régionale veut nos données d'urbanisme dans son format.
  beneficiaries: [partners]
```
Conforme :
```yaml
purpose:
  need: Les agents ressaisissent à la main les données d'urbanisme pour l'agence régionale.
  beneficiaries: [agents, partners]
```

## Comment corriger
Nommer dans `purpose.beneficiaries` les habitants, usagers ou agents que l'usage sert, ou
reconsidérer l'usage s'il n'en sert aucun.
""",
    },
    references=("Charte S1",),
    check=_check_public_beneficiaries,
)


RULES = [NEED_PLACEHOLDER, BENEFICIARIES_MISSING, BENEFITS_MISSING, NO_PUBLIC_BENEFICIARY]
