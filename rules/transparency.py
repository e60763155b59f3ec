"""Rules for the `transparency` principle: say what the AI does, and that it is AI (P2 / S2)."""

from __future__ import annotations

from charte_lint.api import Rule, get

from ._common import as_list, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext

_OUTSIDE_AUDIENCES = ("clients", "public")


def _check_chatbot_disclosure(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        is_chatbot = "chatbot" in as_list(use.get("capabilities")) or use.get("task") == "chat"
        audience = as_list(use.get("audience"))
        outside = [group for group in _OUTSIDE_AUDIENCES if group in audience]
        if not (is_chatbot and outside):
            continue
        disclosure = get(use, "interaction.disclosure")
        if is_blank(disclosure):
            yield ctx.finding(
                missing_pointer(pointer, use, "interaction.disclosure"),
                use_id=use_id(use),
                audience=", ".join(outside),
            )


CHATBOT_WITHOUT_DISCLOSURE = Rule(
    code="TRN001",
    name="chatbot-without-disclosure",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    summary={
        "en": "A chatbot open to clients or the public must tell people they are talking to an AI.",
        "fr": "Un agent conversationnel ouvert aux clients ou au public doit annoncer qu'il est "
        "une IA.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is a chatbot for `{audience}` without `interaction.disclosure`: "
            "add the text that tells people, at the first exchange, that they are talking to an AI",
            "fr": "l'usage `{use_id}` est un agent conversationnel pour `{audience}` sans "
            "`interaction.disclosure` : ajouter le texte qui annonce, dès le premier échange, "
            "que l'interlocuteur est une IA",
        }
    },
    docs={
        "en": """\
## What it does
Flags a chatbot (`capabilities` includes `chatbot`, or `task: chat`) whose `audience` includes
`clients` or `public` and that declares no `interaction.disclosure` (or an empty one).

## Why it matters
Private charter P2 and public charter S2: people have the right to understand why and how AI
is used. The EU AI Act (Art. 50(1), applicable from 2 August 2026) requires that people who
interact directly with an AI system be informed of it, unless it is obvious; Art. 50(5) adds
that the information is given clearly, at the latest at the first interaction. Staff-only
assistants are left out: for the staff who chose to use them, it is obvious that they are AI.

## Example
Failing:
```yaml
task: chat
capabilities: [chatbot]
audience: [public]
```
Passing:
```yaml
task: chat
capabilities: [chatbot]
audience: [public]
interaction:
  disclosure: >-
    You are chatting with an automated assistant.
    An agent can take over at any time.
```

## How to fix
Write the sentence shown to people when the conversation starts (and on the page hosting the
chatbot) in `interaction.disclosure`, and make sure the product actually displays it.
""",
        "fr": """\
## Ce que fait la règle
Signale un agent conversationnel (`capabilities` contient `chatbot`, ou `task: chat`) dont
l'`audience` comprend `clients` ou `public` et qui ne déclare pas d'`interaction.disclosure`
(ou une vide).

## Pourquoi c'est important
Charte privée P2 et charte publique S2 : chacun a le droit de comprendre pourquoi et comment
l'IA est utilisée. Le règlement européen sur l'IA (art. 50(1), applicable à compter du 2 août 2026)
impose que les personnes qui interagissent directement avec un système d'IA en soient
informées, sauf si c'est évident ; l'art. 50(5) précise que l'information est claire et donnée
au plus tard lors de la première interaction. Les assistants réservés au personnel ne sont pas
concernés : pour les agents ou salariés qui ont choisi de s'en servir, il est évident que ce sont
des IA.

## Exemple
En échec :
```yaml
task: chat
capabilities: [chatbot]
audience: [public]
```
Conforme :
```yaml
task: chat
capabilities: [chatbot]
audience: [public]
interaction:
  disclosure: >-
    Vous échangez avec un assistant automatisé.
    Un agent peut prendre le relais à tout moment.
```

## Comment corriger
Indiquer dans `interaction.disclosure` la phrase présentée aux personnes au début de la
conversation (et sur la page qui héberge l'agent), et vérifier que le produit l'affiche bien.
""",
    },
    references=("Charte P2 / S2", "Règlement (UE) 2024/1689 (AI Act), art. 50(1)"),
    check=_check_chatbot_disclosure,
)

RULES = [CHATBOT_WITHOUT_DISCLOSURE]
