"""Rules for the `transparency` principle: say what the AI does, and that it is AI (P2 / S2)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from charte_lint.api import Rule, get

from ._common import (
    LIVE_STATUSES,
    as_list,
    if_missing,
    is_administration,
    is_blank,
    missing_pointer,
    strings,
    use_id,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from charte_lint.api import Finding, Repository, RuleContext

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


def _disclosure_missing(pointer: str, use: Mapping[str, Any]) -> str | None:
    """Where to report a missing `interaction.disclosure`, or None when there is one."""
    if is_blank(get(use, "interaction.disclosure")):
        return missing_pointer(pointer, use, "interaction.disclosure")
    return None


# TRN002, TRN003 ----------------------------------------------------------------------------

_MEDIA = ("image", "audio", "video")


def _check_deepfake(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if "deepfake" not in strings(use.get("capabilities")) or use.get("status") == "retired":
            continue
        where = _disclosure_missing(pointer, use)
        if where is not None:
            yield ctx.finding(where, use_id=use_id(use))


def _check_published_media(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "interaction.published") is not True or use.get("status") == "retired":
            continue
        if "deepfake" in strings(use.get("capabilities")):
            continue  # TRN002
        media = [kind for kind in _MEDIA if kind in strings(get(use, "interaction.generates"))]
        where = _disclosure_missing(pointer, use) if media else None
        if where is not None:
            yield ctx.finding(where, use_id=use_id(use), media=", ".join(media))


DEEPFAKE_WITHOUT_DISCLOSURE = Rule(
    code="TRN002",
    name="deepfake-without-disclosure",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    summary={
        "en": "Deep fakes are disclosed as artificially generated or manipulated.",
        "fr": "Les hypertrucages sont signalés comme générés ou manipulés artificiellement.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` produces deep fakes (`capabilities: deepfake`) without "
            "`interaction.disclosure`: state, on the content itself, that it was generated or "
            "manipulated by AI (AI Act Art. 50(4))",
            "fr": "l'usage `{use_id}` produit des hypertrucages (`capabilities: deepfake`) sans "
            "`interaction.disclosure` : indiquer, sur le contenu lui-même, qu'il a été généré ou "
            "manipulé par une IA (AI Act, art. 50(4))",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use declaring `deepfake` in `capabilities` with no `interaction.disclosure`. Retired
uses are left out.

## Why it matters
Private charter P2 and public charter S2: say what the AI does. The AI Act (Art. 50(4),
applicable from 2 August 2026) requires deployers of an AI system that generates or manipulates
image, audio or video content constituting a deep fake (content resembling existing persons,
objects, places or events that would falsely appear authentic) to disclose that it has been
artificially generated or manipulated; for evidently artistic, creative, satirical or fictional
works the disclosure is limited to a way that does not hamper the work. Art. 50(5): clearly, at
the latest at the first exposure.

## Example
Failing:
```yaml
capabilities: [deepfake]
interaction:
  generates: [video]
  published: true
```
Passing:
```yaml
capabilities: [deepfake]
interaction:
  generates: [video]
  published: true
  disclosure: "Vidéo générée par IA : la voix et l'image du directeur sont synthétiques."
```

## How to fix
Write the mention shown on or with the content in `interaction.disclosure` (a caption, a
watermark, a spoken notice), and make sure every publication carries it.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage qui déclare `deepfake` dans `capabilities` sans `interaction.disclosure`. Les
usages retirés ne sont pas concernés.

## Pourquoi c'est important
Charte privée P2 et charte publique S2 : dire ce que fait l'IA. Le règlement sur l'IA
(art. 50(4), applicable à compter du 2 août 2026) impose aux déployeurs d'un système d'IA qui
génère ou manipule des images, des sons ou des vidéos constituant un hypertrucage (contenu
ressemblant à des personnes, objets, lieux ou événements existants et pouvant passer à tort pour
authentique) d'indiquer que le contenu a été généré ou manipulé artificiellement ; pour une
œuvre manifestement artistique, créative, satirique ou fictionnelle, l'indication se fait d'une
manière qui n'entrave pas l'œuvre. Art. 50(5) : clairement, au plus tard lors de la première
exposition.

## Exemple
En échec :
```yaml
capabilities: [deepfake]
interaction:
  generates: [video]
  published: true
```
Conforme :
```yaml
capabilities: [deepfake]
interaction:
  generates: [video]
  published: true
  disclosure: "Vidéo générée par IA : la voix et l'image du directeur sont synthétiques."
```

## Comment corriger
Écrire dans `interaction.disclosure` la mention portée sur le contenu ou à côté (légende,
filigrane, mention orale), et vérifier que chaque publication la comporte.
""",
    },
    references=("Charte P2 / S2", "Règlement (UE) 2024/1689 (AI Act), art. 50(4) et 50(5)"),
    check=_check_deepfake,
)

PUBLISHED_MEDIA_WITHOUT_DISCLOSURE = Rule(
    code="TRN003",
    name="published-media-without-disclosure",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="warning",
    summary={
        "en": "Published images, sound or video generated by AI say that they are.",
        "fr": "Les images, sons ou vidéos générés par IA et publiés l'indiquent.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` publishes AI-generated `{media}` without "
            "`interaction.disclosure`: say that the content is AI-generated (required if it can "
            "pass for real, AI Act Art. 50(4))",
            "fr": "l'usage `{use_id}` publie des contenus `{media}` générés par IA sans "
            "`interaction.disclosure` : indiquer que le contenu est généré par IA (obligatoire "
            "s'il peut passer pour réel, AI Act, art. 50(4))",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `interaction.published: true` whose `interaction.generates` includes `image`,
`audio` or `video`, with no `interaction.disclosure`, when `capabilities` does not declare
`deepfake` (TRN002 covers that case). Retired uses are left out.

## Why it matters
Private charter P2 and public charter S2: people have the right to know how AI is used. When
generated media resemble real persons, places or events and could pass for authentic, they are
deep fakes and the AI Act (Art. 50(4)) requires disclosing them; the manifest cannot tell, hence
a warning. A short mention costs little and keeps the public's trust either way.

## Example
Failing:
```yaml
task: image_generation
interaction:
  generates: [image]
  published: true
```
Passing:
```yaml
task: image_generation
interaction:
  generates: [image]
  published: true
  disclosure: "Illustration générée par IA."
```

## How to fix
Add a mention such as "AI-generated image" next to each published content and record it in
`interaction.disclosure`. If the media are realistic depictions of real people or places,
declare `deepfake` in `capabilities` as well.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage avec `interaction.published: true` dont `interaction.generates` comprend
`image`, `audio` ou `video`, sans `interaction.disclosure`, lorsque `capabilities` ne déclare
pas `deepfake` (cas traité par TRN002). Les usages retirés ne sont pas concernés.

## Pourquoi c'est important
Charte privée P2 et charte publique S2 : chacun a le droit de savoir comment l'IA est utilisée.
Lorsque des médias générés ressemblent à des personnes, lieux ou événements réels et peuvent
passer pour authentiques, ce sont des hypertrucages que le règlement sur l'IA (art. 50(4))
impose de signaler ; le manifeste ne permet pas de le savoir, d'où un avertissement. Une courte
mention coûte peu et préserve la confiance du public dans tous les cas.

## Exemple
En échec :
```yaml
task: image_generation
interaction:
  generates: [image]
  published: true
```
Conforme :
```yaml
task: image_generation
interaction:
  generates: [image]
  published: true
  disclosure: "Illustration générée par IA."
```

## Comment corriger
Ajouter une mention comme « image générée par IA » à côté de chaque contenu publié et la
reporter dans `interaction.disclosure`. Si les médias représentent de façon réaliste des
personnes ou des lieux réels, déclarer aussi `deepfake` dans `capabilities`.
""",
    },
    references=("Charte P2 / S2", "Règlement (UE) 2024/1689 (AI Act), art. 50(4)"),
    check=_check_published_media,
)


# TRN004 ------------------------------------------------------------------------------------


def _check_published_text(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if get(use, "interaction.published") is not True or use.get("status") == "retired":
            continue
        if "text" not in strings(get(use, "interaction.generates")):
            continue
        if get(use, "oversight.content_review") is True:
            continue
        where = _disclosure_missing(pointer, use)
        if where is not None:
            yield ctx.finding(where, use_id=use_id(use))


PUBLISHED_TEXT_WITHOUT_DISCLOSURE = Rule(
    code="TRN004",
    name="published-text-without-disclosure",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    summary={
        "en": "AI-generated text published to inform the public is disclosed, unless a person "
        "reviews it and answers for it.",
        "fr": "Un texte généré par IA et publié pour informer le public est signalé, sauf si une "
        "personne le relit et en répond.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` publishes AI-generated text with neither human review "
            "(`oversight.content_review: true`) nor `interaction.disclosure`: have each text "
            "reviewed before publication, or say that it is AI-generated (AI Act Art. 50(4))",
            "fr": "l'usage `{use_id}` publie des textes générés par IA sans relecture humaine "
            "(`oversight.content_review: true`) ni `interaction.disclosure` : faire relire chaque "
            "texte avant publication, ou indiquer qu'il est généré par IA (AI Act, art. 50(4))",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `interaction.published: true` (its output is published to inform the public)
whose `interaction.generates` includes `text`, when no one reviews the content before it is
used (`oversight.content_review` is not `true`) and there is no `interaction.disclosure`.
Retired uses are left out.

## Why it matters
Private charter P2 and public charter S2 (transparency), and P4 / S5: everyone stays
responsible for what is produced with AI. The AI Act (Art. 50(4), second subparagraph) requires
deployers of an AI system generating or manipulating text published to inform the public on
matters of public interest to disclose it, unless the text has undergone human review or
editorial control and someone holds editorial responsibility for it (here, the use's
`owner.accountable`).

## Example
Failing:
```yaml
task: drafting
interaction:
  generates: [text]
  published: true
```
Passing:
```yaml
task: drafting
interaction:
  generates: [text]
  published: true
oversight:
  reviewer: Chargée de communication
  content_review: true
```

## How to fix
Have every text read and approved by a named person before publication
(`oversight.content_review: true`, `oversight.reviewer`), or publish it with a mention that it
was generated by AI and record that mention in `interaction.disclosure`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage avec `interaction.published: true` (ses résultats sont publiés pour informer
le public) dont `interaction.generates` comprend `text`, lorsque personne ne relit le contenu
avant son usage (`oversight.content_review` ne vaut pas `true`) et qu'il n'y a pas
d'`interaction.disclosure`. Les usages retirés ne sont pas concernés.

## Pourquoi c'est important
Charte privée P2 et charte publique S2 (transparence), et P4 / S5 : chacun reste responsable
des contenus produits avec l'IA. Le règlement sur l'IA (art. 50(4), second alinéa) impose aux
déployeurs d'un système d'IA qui génère ou manipule des textes publiés dans le but d'informer le
public sur des questions d'intérêt public de l'indiquer, sauf si le texte a fait l'objet d'un
examen humain ou d'un contrôle éditorial et qu'une personne en assume la responsabilité
éditoriale (ici, le `owner.accountable` de l'usage).

## Exemple
En échec :
```yaml
task: drafting
interaction:
  generates: [text]
  published: true
```
Conforme :
```yaml
task: drafting
interaction:
  generates: [text]
  published: true
oversight:
  reviewer: Chargée de communication
  content_review: true
```

## Comment corriger
Faire lire et valider chaque texte par une personne désignée avant publication
(`oversight.content_review: true`, `oversight.reviewer`), ou le publier avec une mention
indiquant qu'il a été généré par IA et reporter cette mention dans `interaction.disclosure`.
""",
    },
    references=("Charte P2 / S2", "Règlement (UE) 2024/1689 (AI Act), art. 50(4)"),
    check=_check_published_text,
)


# TRN005 ------------------------------------------------------------------------------------

_EXPOSING_CAPABILITIES = ("emotion_recognition", "biometric_categorisation")


def _check_exposed_persons(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        capabilities = strings(use.get("capabilities"))
        found = [name for name in _EXPOSING_CAPABILITIES if name in capabilities]
        if not found or use.get("status") == "retired":
            continue
        where = _disclosure_missing(pointer, use)
        if where is not None:
            yield ctx.finding(where, use_id=use_id(use), capabilities=", ".join(found))


EXPOSURE_WITHOUT_NOTICE = Rule(
    code="TRN005",
    name="emotion-or-biometric-without-notice",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    summary={
        "en": "People exposed to emotion recognition or biometric categorisation are told.",
        "fr": "Les personnes exposées à la reconnaissance des émotions ou à la catégorisation "
        "biométrique en sont informées.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` performs `{capabilities}` without `interaction.disclosure`: "
            "inform the people exposed to it of the system's operation (AI Act Art. 50(3))",
            "fr": "l'usage `{use_id}` pratique `{capabilities}` sans `interaction.disclosure` : "
            "informer les personnes qui y sont exposées du fonctionnement du système (AI Act, "
            "art. 50(3))",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use declaring `emotion_recognition` or `biometric_categorisation` in `capabilities`
with no `interaction.disclosure`. Retired uses are left out. Whether the practice is allowed at
all (it is prohibited in the workplace and in education, and for inferring sensitive traits) is
checked by the vigilance rules.

## Why it matters
Private charter P2 and public charter S2. The AI Act (Art. 50(3), applicable from 2 August 2026)
requires deployers of an emotion recognition or biometric categorisation system to inform the
natural persons exposed to it of its operation, and to process the personal data in line with
the GDPR; Art. 50(5): clearly, at the latest at the first exposure.

## Example
Failing:
```yaml
capabilities: [emotion_recognition]
domain: [customer_service]
```
Passing:
```yaml
capabilities: [emotion_recognition]
domain: [customer_service]
interaction:
  disclosure: >-
    Cet appel est analysé par un système d'IA qui estime le niveau d'insatisfaction pour
    orienter votre demande ; dites « conseiller » pour être mis en relation directement.
```

## How to fix
Write the notice given to people before they are exposed (sign, message at the start of a call,
banner) in `interaction.disclosure`, and make sure it is displayed.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage qui déclare `emotion_recognition` ou `biometric_categorisation` dans
`capabilities` sans `interaction.disclosure`. Les usages retirés ne sont pas concernés. La
licéité même de la pratique (interdite sur le lieu de travail et dans l'enseignement, et pour
déduire des caractéristiques sensibles) relève des règles de vigilance.

## Pourquoi c'est important
Charte privée P2 et charte publique S2. Le règlement sur l'IA (art. 50(3), applicable à compter
du 2 août 2026) impose aux déployeurs d'un système de reconnaissance des émotions ou de
catégorisation biométrique d'informer les personnes physiques qui y sont exposées de son
fonctionnement, et de traiter les données personnelles conformément au RGPD ; art. 50(5) :
clairement, au plus tard lors de la première exposition.

## Exemple
En échec :
```yaml
capabilities: [emotion_recognition]
domain: [customer_service]
```
Conforme :
```yaml
capabilities: [emotion_recognition]
domain: [customer_service]
interaction:
  disclosure: >-
    Cet appel est analysé par un système d'IA qui estime le niveau d'insatisfaction pour
    orienter votre demande ; dites « conseiller » pour être mis en relation directement.
```

## Comment corriger
Écrire dans `interaction.disclosure` l'information donnée aux personnes avant leur exposition
(affichage, message en début d'appel, bandeau), et vérifier qu'elle est bien présentée.
""",
    },
    references=("Charte P2 / S2", "Règlement (UE) 2024/1689 (AI Act), art. 50(3) et 50(5)"),
    check=_check_exposed_persons,
)


# TRN006, TRN007 ----------------------------------------------------------------------------


def _administrative_uses(ctx: RuleContext) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for pointer, use in ctx.uses():
        if get(use, "decision.administrative") is True and use.get("status") != "retired":
            yield pointer, use


def _check_mention(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in _administrative_uses(ctx):
        yield from if_missing(ctx, pointer, use, "transparency.mention")


def _above_publication_threshold(manifest: Mapping[str, Any]) -> bool:
    organisation = manifest.get("organisation")
    if not isinstance(organisation, Mapping):
        return False
    agents = organisation.get("agents")
    if isinstance(agents, int) and not isinstance(agents, bool):
        return agents > 50
    inhabitants = organisation.get("inhabitants")
    return (
        isinstance(inhabitants, int) and not isinstance(inhabitants, bool) and (inhabitants >= 3500)
    )


def _check_public_record(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if not is_administration(manifest) or not _above_publication_threshold(manifest):
        return
    for pointer, use in _administrative_uses(ctx):
        yield from if_missing(ctx, pointer, use, "transparency.public_record")


ADMINISTRATIVE_DECISION_WITHOUT_MENTION = Rule(
    code="TRN006",
    name="administrative-decision-without-mention",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    summary={
        "en": "An individual administrative decision taken on the basis of an algorithm carries "
        "the explicit mention that says so.",
        "fr": "Une décision administrative individuelle prise sur le fondement d'un algorithme "
        "comporte la mention explicite qui l'indique.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` grounds individual administrative decisions "
            "(`decision.administrative: true`) without `transparency.mention`: each decision "
            "must carry the explicit mention (CRPA L311-3-1), stating the purpose of the "
            "processing, the right to obtain its rules and how to exercise it",
            "fr": "l'usage `{use_id}` fonde des décisions administratives individuelles "
            "(`decision.administrative: true`) sans `transparency.mention` : chaque décision "
            "doit comporter la mention explicite (CRPA, art. L311-3-1) indiquant la finalité du "
            "traitement, le droit d'en obtenir les règles et ses modalités d'exercice",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use with `decision.administrative: true` (its outputs ground individual administrative
decisions) and no `transparency.mention`, or an empty one. Retired uses are left out. The
content of the mention is not analysed: read it against the checklist below.

## Why it matters
Public charter S2: users have the right to understand why and how an AI tool is used (the rule
also runs under the private charter, for private bodies running a public service). The Code des
relations entre le public et l'administration (art. L311-3-1) requires an individual decision
taken on the basis of an algorithmic processing to carry an explicit mention informing the
person; art. R311-3-1-1 says it states the purpose of the processing, the right to obtain
communication of its rules and main characteristics, and how to exercise that right (and to
refer the matter to the CADA). Under the loi Informatique et Libertés (art. 47), a decision
based solely on automated processing lacking this mention is void.

## Example
Failing:
```yaml
decision:
  affects_individuals: true
  automation: assist
  administrative: true
```
Passing:
```yaml
decision:
  affects_individuals: true
  automation: assist
  administrative: true
transparency:
  mention: >-
    Cette décision a été prise sur le fondement d'un traitement algorithmique qui calcule le
    montant de l'aide. Vous pouvez obtenir la communication de ses règles et de ses principales
    caractéristiques auprès du service mobilités (mobilites@agglo.fr) ; en cas de refus, vous
    pouvez saisir la CADA.
```

## How to fix
Write the mention printed on the decision letters in `transparency.mention`: the purpose of
the processing, the right to obtain its rules and main characteristics, and where and how to ask
for them.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage avec `decision.administrative: true` (ses résultats fondent des décisions
administratives individuelles) sans `transparency.mention`, ou avec une mention vide. Les usages
retirés ne sont pas concernés. Le contenu de la mention n'est pas analysé : le relire au regard
de la liste ci-dessous.

## Pourquoi c'est important
Charte publique S2 : les usagers ont le droit de comprendre pourquoi et comment un outil d'IA
est utilisé (la règle s'applique aussi avec la charte privée, pour les organismes privés chargés
d'un service public). Le code des relations entre le public et l'administration
(art. L311-3-1) impose qu'une décision individuelle prise sur le fondement d'un traitement
algorithmique comporte une mention explicite en informant l'intéressé ; l'art. R311-3-1-1
précise qu'elle indique la finalité du traitement, le droit d'obtenir la communication de ses
règles et principales caractéristiques, et les modalités d'exercice de ce droit (et de saisine
de la CADA). Selon la loi Informatique et Libertés (art. 47), une décision fondée exclusivement
sur un traitement automatisé qui ne comporte pas cette mention est nulle.

## Exemple
En échec :
```yaml
decision:
  affects_individuals: true
  automation: assist
  administrative: true
```
Conforme :
```yaml
decision:
  affects_individuals: true
  automation: assist
  administrative: true
transparency:
  mention: >-
    Cette décision a été prise sur le fondement d'un traitement algorithmique qui calcule le
    montant de l'aide. Vous pouvez obtenir la communication de ses règles et de ses principales
    caractéristiques auprès du service mobilités (mobilites@agglo.fr) ; en cas de refus, vous
    pouvez saisir la CADA.
```

## Comment corriger
Écrire dans `transparency.mention` la mention portée sur les courriers de décision : la finalité
du traitement, le droit d'obtenir ses règles et principales caractéristiques, et où et comment
les demander.
""",
    },
    references=(
        "Charte P2 / S2",
        "CRPA, art. L311-3-1",
        "CRPA, art. R311-3-1-1",
        "Loi n° 78-17 (Informatique et Libertés), art. 47",
    ),
    check=_check_mention,
)

ALGORITHM_NOT_PUBLISHED = Rule(
    code="TRN007",
    name="algorithm-not-published",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    summary={
        "en": "An administration above the legal threshold publishes the rules of the "
        "algorithms that ground its individual decisions.",
        "fr": "Une administration au-dessus du seuil légal publie les règles des algorithmes "
        "qui fondent ses décisions individuelles.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` grounds individual administrative decisions, and the "
            "organisation is above the publication threshold, but it has no "
            "`transparency.public_record`: publish the rules of the processing online (CRPA "
            "L312-1-3) and link the entry",
            "fr": "l'usage `{use_id}` fonde des décisions administratives individuelles, et "
            "l'organisation dépasse le seuil de publication, mais il n'a pas de "
            "`transparency.public_record` : publier en ligne les règles du traitement (CRPA, "
            "art. L312-1-3) et indiquer le lien",
        }
    },
    docs={
        "en": """\
## What it does
For an administration (`organisation.sector: public_body` or `private_public_service`, or no
sector under the public charter) above the publication threshold, flags a use with
`decision.administrative: true` and no `transparency.public_record`. Retired uses are left out.

The threshold: more than 50 agents (`organisation.agents`, in full-time equivalents). When
`organisation.agents` is not declared, a local authority of 3,500 inhabitants or more
(`organisation.inhabitants`) is taken to be above it, as in Etalab's practical guide; a declared
headcount of 50 or fewer wins, the law's exemption being about headcount.

## Why it matters
Public charter S2: users have the right to understand why and how an AI tool is used. The CRPA
(art. L312-1-3) requires administrations, except those below a headcount threshold set by
decree, to publish online the rules defining the main algorithmic processing they use in their
missions when it grounds individual decisions. Etalab's guide recommends an inventory page
(often `/algorithmes-publics`).

## Example
Failing:
```yaml
organisation:
  name: Communauté d'agglomération du Val de Brenne
  sector: public_body
  agents: 620
# ...
    decision:
      affects_individuals: true
      automation: assist
      administrative: true
```
Passing:
```yaml
organisation:
  name: Communauté d'agglomération du Val de Brenne
  sector: public_body
  agents: 620
# ...
    decision:
      affects_individuals: true
      automation: assist
      administrative: true
    transparency:
      public_record: https://www.valdebrenne.fr/algorithmes-publics
```

## How to fix
Add the processing to the organisation's published inventory of algorithms (purpose, rules,
main parameters, contact), then put the page's address in `transparency.public_record`.
""",
        "fr": """\
## Ce que fait la règle
Pour une administration (`organisation.sector: public_body` ou `private_public_service`, ou
pas de secteur avec la charte publique) au-dessus du seuil de publication, signale un usage avec
`decision.administrative: true` sans `transparency.public_record`. Les usages retirés ne sont
pas concernés.

Le seuil : plus de 50 agents (`organisation.agents`, en équivalents temps plein). Lorsque
`organisation.agents` n'est pas déclaré, une collectivité de 3 500 habitants ou plus
(`organisation.inhabitants`) est réputée au-dessus, comme dans la fiche pratique d'Etalab ; un
effectif déclaré de 50 agents ou moins l'emporte, l'exemption légale portant sur l'effectif.

## Pourquoi c'est important
Charte publique S2 : les usagers ont le droit de comprendre pourquoi et comment un outil d'IA
est utilisé. Le CRPA (art. L312-1-3) impose aux administrations, sauf celles sous un seuil
d'effectif fixé par décret, de publier en ligne les règles définissant les principaux
traitements algorithmiques utilisés dans l'accomplissement de leurs missions lorsqu'ils fondent
des décisions individuelles. Le guide d'Etalab recommande une page d'inventaire (souvent
`/algorithmes-publics`).

## Exemple
En échec :
```yaml
organisation:
  name: Communauté d'agglomération du Val de Brenne
  sector: public_body
  agents: 620
# ...
    decision:
      affects_individuals: true
      automation: assist
      administrative: true
```
Conforme :
```yaml
organisation:
  name: Communauté d'agglomération du Val de Brenne
  sector: public_body
  agents: 620
# ...
    decision:
      affects_individuals: true
      automation: assist
      administrative: true
    transparency:
      public_record: https://www.valdebrenne.fr/algorithmes-publics
```

## Comment corriger
Ajouter le traitement à l'inventaire des algorithmes publié par l'organisation (finalité,
règles, principaux paramètres, contact), puis indiquer l'adresse de la page dans
`transparency.public_record`.
""",
    },
    references=(
        "Charte P2 / S2",
        "CRPA, art. L312-1-3",
        "Etalab, fiche pratique « l'inventaire des principaux traitements algorithmiques » (2021)",
    ),
    check=_check_public_record,
)


# Declared vs detected: the code's AI use against the manifests (when a directory is linted) --

KIND_NAMES = {
    "en": {
        "import": "import",
        "call": "call",
        "dependency": "dependency",
        "api-key": "API key",
        "endpoint": "API endpoint",
        "env-var": "API key variable",
        "model": "model name",
        "model-file": "model file",
    },
    "fr": {
        "import": "import",
        "call": "appel",
        "dependency": "dépendance",
        "api-key": "clé d'API",
        "endpoint": "point d'accès d'API",
        "env-var": "variable de clé d'API",
        "model": "nom de modèle",
        "model-file": "fichier de modèle",
    },
}
_LONGEST_SNIPPET = 60


def snippet(text: str) -> str:
    """Evidence as shown in a message: one line, at most 60 characters, no backquote."""
    text = " ".join(text.split()).replace("`", "'")
    return text if len(text) <= _LONGEST_SNIPPET else text[: _LONGEST_SNIPPET - 3] + "..."


def _check_undeclared(repository: Repository, ctx: RuleContext) -> Iterator[Finding]:
    said = {(e.file, e.line) for e in repository.evidence if e.kind != "api-key"}
    for evidence in repository.evidence:
        if evidence.kind == "api-key" and (evidence.file, evidence.line) in said:
            continue  # the same line already says it (a call with the key in it)
        if repository.declaring(evidence):
            continue
        covered = bool(repository.uses_above(evidence.file))
        yield ctx.finding_in_code(
            evidence,
            "default" if covered else "no-manifest",
            charter=repository.charter_at(evidence.file),
            provider=repository.provider_name(evidence.provider),
            kind=KIND_NAMES[ctx.lang][evidence.kind],
            text=snippet(evidence.text),
        )


UNDECLARED_AI_USE = Rule(
    code="TRN008",
    name="undeclared-ai-use",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="error",
    scope="repository",
    summary={
        "en": "AI use found in the code is declared in an ai-usage.yaml.",
        "fr": "L'usage de l'IA trouvé dans le code est déclaré dans un ai-usage.yaml.",
    },
    messages={
        "default": {
            "en": "undeclared AI use: {provider} ({kind} `{text}`); no use of the "
            "`ai-usage.yaml` covering this file names it",
            "fr": "usage de l'IA non déclaré : {provider} ({kind} `{text}`) ; aucun usage de "
            "l'`ai-usage.yaml` qui couvre ce fichier ne le nomme",
        },
        "no-manifest": {
            "en": "undeclared AI use: {provider} ({kind} `{text}`), and no `ai-usage.yaml` "
            "covers this file; `charte-lint --init` writes a first one",
            "fr": "usage de l'IA non déclaré : {provider} ({kind} `{text}`), et aucun "
            "`ai-usage.yaml` ne couvre ce fichier ; `charte-lint --init` en écrit un premier",
        },
    },
    docs={
        "en": """\
## What it does
When a directory is linted (`charte-lint .`, the CI job, the whole-repository pre-commit hook),
charte-lint also looks at what the code uses: imports and requires of AI SDKs, calls to them,
dependency entries (requirements files, `pyproject.toml`, `Pipfile`, `package.json`, `go.mod`),
API endpoints, API key variables and hard-coded keys, model files. The signature catalogue,
`charte_lint/signatures.json`, lists them. Each piece of evidence must be declared by a use of an
`ai-usage.yaml` that covers the file (one in the same directory or above it):

- a use names the provider in `tool.name`, `tool.vendor`, `tool.approved` (or the registry entry
  it names) or `model.name`: "Mistral Le Chat Pro" and `mistral-small-latest` both name Mistral AI;
- a use whose `code` globs match the file declares all the AI use in it (for example an
  OpenAI-compatible API called with the `openai` SDK);
- a framework (LangChain, LlamaIndex, LiteLLM, the Vercel AI SDK) is declared by any use covering
  the file; local runtimes and model files by a `self_hosted` or `on_device` use.

The finding is at the evidence's file and line. Comments, docstrings and prose are never
evidence. The check runs only when a directory is linted, or with `--detect`.

## Why it matters
Charter P2 / S2: say what the AI does, and that it is AI. A declaration is only worth what it
leaves out: an SDK call that no manifest mentions is personal data sent to a processor nobody
assessed, an AI Act role nobody checked, a use the public register does not list.

## Example
Failing: `support/triage.py` calls the Claude API,
```python
import anthropic

client = anthropic.Anthropic()
```
and the manifest beside it declares only the OpenAI API:
```yaml
    tool:
      name: OpenAI API
      vendor: OpenAI
```
Passing: a use declares it.
```yaml
  - id: ticket-triage
    name: Support ticket triage
    # ...
    tool:
      name: Claude API
      vendor: Anthropic
    code: [support/**]
```

## How to fix
Declare the use in the `ai-usage.yaml` that covers the file, naming the tool or its vendor
(`charte-lint --init` writes a first manifest from what detection finds). If the code is a test
double or an example that sends nothing anywhere, exclude its path in the configuration
(`exclude`), or silence the line with `# charte-lint: ignore[TRN008] -- reason`.
""",
        "fr": """\
## Ce que fait la règle
Quand un dossier est analysé (`charte-lint .`, la tâche de CI, le crochet pre-commit du dépôt
entier), charte-lint regarde aussi ce que le code utilise : imports de SDK d'IA, appels à ces
SDK, dépendances déclarées (fichiers requirements, `pyproject.toml`, `Pipfile`, `package.json`,
`go.mod`), points d'accès d'API, variables de clé d'API et clés écrites en clair, fichiers de
modèle. Le catalogue de signatures, `charte_lint/signatures.json`, les recense. Chaque trace doit
être déclarée par un usage d'un `ai-usage.yaml` qui couvre le fichier (dans le même dossier ou
au-dessus) :

- un usage nomme le fournisseur dans `tool.name`, `tool.vendor`, `tool.approved` (ou l'entrée du
  registre qu'il désigne) ou `model.name` : « Mistral Le Chat Pro » et `mistral-small-latest`
  nomment tous deux Mistral AI ;
- un usage dont les motifs `code` désignent le fichier déclare tout l'usage de l'IA qu'il contient
  (par exemple une API compatible OpenAI appelée avec le SDK `openai`) ;
- un framework (LangChain, LlamaIndex, LiteLLM, le SDK Vercel AI) est déclaré par tout usage qui
  couvre le fichier ; les moteurs locaux et fichiers de modèle par un usage `self_hosted` ou
  `on_device`.

Le constat est placé au fichier et à la ligne de la trace. Commentaires, docstrings et prose ne
sont jamais des traces. La vérification n'a lieu que lorsqu'un dossier est analysé, ou avec
`--detect`.

## Pourquoi c'est important
Charte P2 / S2 : dire ce que fait l'IA, et que c'est de l'IA. Une déclaration ne vaut que par ce
qu'elle omet : un appel de SDK qu'aucun manifeste ne mentionne, ce sont des données personnelles
envoyées à un sous-traitant que personne n'a évalué, un rôle au sens de l'AI Act que personne
n'a vérifié, un usage absent du registre public.

## Exemple
En échec : `support/triage.py` appelle l'API Claude,
```python
import anthropic

client = anthropic.Anthropic()
```
et le manifeste voisin ne déclare que l'API OpenAI :
```yaml
    tool:
      name: OpenAI API
      vendor: OpenAI
```
Conforme : un usage la déclare.
```yaml
  - id: tri-tickets
    name: Tri des tickets de support
    # ...
    tool:
      name: Claude API
      vendor: Anthropic
    code: [support/**]
```

## Comment corriger
Déclarer l'usage dans l'`ai-usage.yaml` qui couvre le fichier, en nommant l'outil ou son
fournisseur (`charte-lint --init` écrit un premier manifeste à partir de ce que la détection
trouve). Si le code est un substitut de test ou un exemple qui n'envoie rien nulle part, exclure
son chemin dans la configuration (`exclude`), ou neutraliser la ligne avec
`# charte-lint: ignore[TRN008] -- raison`.
""",
    },
    references=("Charte P2 / S2", "AI Act, art. 26 and 50", "RGPD, art. 28 and 30"),
    check=_check_undeclared,
)


def _check_declared_not_found(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    repository = ctx.repository
    if repository is None or not repository.code_files:
        return  # detection is off, or found no code
    live = [use for use in ctx.declared_uses() if use.status in LIVE_STATUSES]
    if not live or not repository.has_code_under(live[0].directory):
        return  # no code here to compare with: a repository of declarations only
    below = [e for e in repository.evidence if live[0].in_directory(e.file)]  # all share it
    for use in live:
        covered = [e for e in below if use.covers(e.file)]  # `code`, or all below
        if use.code:
            if not covered:
                yield ctx.finding(f"{use.pointer}/code", "code", use_id=use.id)
            continue
        named = [
            provider
            for provider in repository.providers
            if repository.provider_kind(provider) != "framework"
            and repository.names_provider(use, provider)
        ]
        if named and not any(e.provider in named for e in covered):
            scope = use.directory.replace(os.sep, "/") or "."
            yield ctx.finding(
                f"{use.pointer}/tool/name",
                use_id=use.id,
                provider=repository.provider_name(named[0]),
                scope=scope if scope.endswith("/") else scope + "/",
            )


DECLARED_NOT_FOUND = Rule(
    code="TRN009",
    name="declared-ai-use-not-in-code",
    principle="transparency",
    charters={"private": "P2", "public": "S2"},
    severity="info",
    summary={
        "en": "A declared tool that code should show is found in the code.",
        "fr": "Un outil déclaré que le code devrait montrer se retrouve dans le code.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` declares {provider}, but the code under `{scope}` shows no "
            "sign of it: fine for a service used outside the code, otherwise check the "
            "declaration",
            "fr": "l'usage `{use_id}` déclare {provider}, mais le code sous `{scope}` n'en montre "
            "aucune trace : normal pour un service utilisé hors du code, sinon vérifier la "
            "déclaration",
        },
        "code": {
            "en": "use `{use_id}` names its code in `code`, but no AI use was found in those "
            "files: check the globs",
            "fr": "l'usage `{use_id}` désigne son code dans `code`, mais aucun usage de l'IA n'a "
            "été trouvé dans ces fichiers : vérifier les motifs",
        },
    },
    docs={
        "en": """\
## What it does
When a directory with code is linted, flags a use in `pilot` or `production`
- whose `code` globs match no file with evidence of AI use, or
- without `code`, whose tool, vendor or model names a provider of the signature catalogue (say
  "OpenAI API") when nothing under the manifest's directory shows that provider.

It is information, not an error: a use of a SaaS product through its web interface (Le Chat,
Copilot, ChatGPT Enterprise) leaves no trace in code, and that is fine. A manifest with no
source or dependency file under its directory (a repository of declarations only) is left out.

## Why it matters
Charter P2 / S2. A declaration that no longer matches the code is a stale one: the tool was
replaced, the feature removed, or the `code` globs point at files that moved. Declarations that
are kept true are the ones DPOs and the public can trust.

## Example
Failing: nothing under the manifest's directory uses the Mistral AI SDK, its API or its models.
```yaml
  - id: summaries
    status: production
    tool:
      name: Mistral AI API
      vendor: Mistral AI
    code: [services/summaries/**]
```
Passing: `services/summaries/client.py` imports `mistralai`.
```yaml
  - id: summaries
    status: production
    tool:
      name: Mistral AI API
      vendor: Mistral AI
    code: [services/summaries/**]
```

## How to fix
Correct the `code` globs, or retire the use (`status: retired`) if the code no longer uses the
tool. For a product used outside the code, there is nothing to do.
""",
        "fr": """\
## Ce que fait la règle
Quand un dossier qui contient du code est analysé, signale un usage en `pilot` ou
`production`
- dont les motifs `code` ne désignent aucun fichier où l'usage de l'IA apparaît, ou
- sans `code`, dont l'outil, le fournisseur ou le modèle nomme un fournisseur du catalogue de
  signatures (par exemple « OpenAI API ») alors que rien sous le dossier du manifeste ne montre
  ce fournisseur.

C'est une information, pas une erreur : un produit SaaS utilisé par son interface web (Le Chat,
Copilot, ChatGPT Enterprise) ne laisse aucune trace dans le code, et c'est normal. Un manifeste
sans aucun fichier source ni de dépendances sous son dossier (un dépôt qui ne contient que des
déclarations) n'est pas concerné.

## Pourquoi c'est important
Charte P2 / S2. Une déclaration qui ne correspond plus au code est périmée : l'outil a été
remplacé, la fonction supprimée, ou les motifs `code` désignent des fichiers déplacés. Les
déclarations tenues à jour sont celles auxquelles les DPO et le public peuvent se fier.

## Exemple
En échec : rien sous le dossier du manifeste n'utilise le SDK de Mistral AI, son API ou ses
modèles.
```yaml
  - id: resumes
    status: production
    tool:
      name: Mistral AI API
      vendor: Mistral AI
    code: [services/resumes/**]
```
Conforme : `services/resumes/client.py` importe `mistralai`.
```yaml
  - id: resumes
    status: production
    tool:
      name: Mistral AI API
      vendor: Mistral AI
    code: [services/resumes/**]
```

## Comment corriger
Corriger les motifs `code`, ou retirer l'usage (`status: retired`) si le code n'utilise plus
l'outil. Pour un produit utilisé hors du code, il n'y a rien à faire.
""",
    },
    references=("Charte P2 / S2",),
    check=_check_declared_not_found,
)

RULES = [
    CHATBOT_WITHOUT_DISCLOSURE,
    DEEPFAKE_WITHOUT_DISCLOSURE,
    PUBLISHED_MEDIA_WITHOUT_DISCLOSURE,
    PUBLISHED_TEXT_WITHOUT_DISCLOSURE,
    EXPOSURE_WITHOUT_NOTICE,
    ADMINISTRATIVE_DECISION_WITHOUT_MENTION,
    ALGORITHM_NOT_PUBLISHED,
    UNDECLARED_AI_USE,
    DECLARED_NOT_FOUND,
]
