"""Notices per use: the texts an organisation owes the people its algorithms and AI uses concern.

From one register record (see `charte_lint.register.build`), four notices, each only where it
applies: the CRPA explicit mention on individual decisions (art. L311-3-1, content set by
R311-3-1-1), the information sheet communicated on request (R311-3-1-2), the AI Act art. 50
disclosure, and the AI Act art. 26(11) information for people subject to a high-risk system.

Every sentence lives in `content/notices/{en,fr}.yaml`, and which legal duty each notice
implements in `content/notices/duties.yaml`: this module selects the blocks that apply, fills
them with declared facts, and where a fact is missing puts a visible slot naming the manifest key
to add and marks the notice a draft. It never writes a fact the manifest does not declare, and
says which facts charte-lint derived (the AI Act classification, inferred administrative
decisions).
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping

from charte_lint import law
from charte_lint.api import get as _get

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

KINDS = ("crpa-mention", "crpa-sheet", "ai-act-art50", "ai-act-art26-11")
LANGUAGES = ("en", "fr")

_HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "content")
_TEXTS: dict[str, dict[str, Any]] = {}
_MEDIA = ("image", "audio", "video")


class Notice:
    """One notice for one use, in one language: `text` is Markdown; `missing` lists the manifest
    keys whose absence left a slot in it (then `draft` is true); `legal` the citations it
    implements; `binds_from` the date each duty with a known date binds this use (ISO), or None
    where it binds only once the system's design changes significantly (AI Act art. 111(2))."""

    __slots__ = ("binds_from", "draft", "kind", "legal", "missing", "text", "title")

    def __init__(
        self,
        kind: str,
        title: str,
        text: str,
        draft: bool,
        missing: list[str],
        legal: list[str],
        binds_from: dict[str, str | None] | None = None,
    ) -> None:
        self.kind = kind
        self.title = title
        self.text = text
        self.draft = draft
        self.missing = missing
        self.legal = legal
        self.binds_from: dict[str, str | None] = dict(binds_from or {})

    def as_dict(self) -> dict[str, Any]:
        """The notice as JSON values, for the register's outputs."""
        return {name: getattr(self, name) for name in sorted(self.__slots__)}

    def __repr__(self) -> str:
        draft = ", draft" if self.draft else ""
        return f"Notice({self.kind!r}{draft}, missing={self.missing!r})"


def texts(lang: str) -> dict[str, Any]:
    """The notice texts of a language (`content/notices/<lang>.yaml`), read once; `duties` is
    the language-neutral `duties.yaml`."""
    if lang not in LANGUAGES:
        raise ValueError(f"notices: no texts in language {lang!r}")
    if lang not in _TEXTS:
        _TEXTS[lang] = _read(f"{lang}.yaml")
    return _TEXTS[lang]


def duties() -> dict[str, Any]:
    if "duties" not in _TEXTS:
        _TEXTS["duties"] = _read("duties.yaml")
    return _TEXTS["duties"]


def _read(name: str) -> dict[str, Any]:
    from charte_lint.content import _load_yaml

    path = os.path.join(_HERE, "notices", name)
    with open(path, encoding="utf-8") as handle:
        loaded: dict[str, Any] = _load_yaml(handle.read(), path)
    return loaded


def notices(record: Mapping[str, Any], lang: str, today: _dt.date | None = None) -> list[Notice]:
    """The notices that apply to the use of `record`, in `lang`, in the order of `KINDS`.
    `today` (default: the run's date, `CHARTE_LINT_TODAY`) decides the AI Act transitional rule
    for systems in service before a duty's date."""
    if today is None:
        from charte_lint.engine import _today

        today = _today()
    if _mapping(record.get("use")).get("status") == "retired":
        return []  # a retired use takes no decision and shows nothing to anyone
    context = _Context(record, lang, today)
    built = [
        _crpa_mention(context),
        _crpa_sheet(context),
        _art50(context),
        _art26_11(context),
    ]
    return [notice for notice in built if notice is not None]


def render_markdown(notices: list[Notice], record: Mapping[str, Any], lang: str) -> str:
    """One Markdown document for one use: its name and organisation, then each notice."""
    context = _Context(record, lang, _dt.date.min)
    common = context.common
    parts = [
        common["document_title"].format(**context.names),
        common["document_intro"].format(**context.names),
    ]
    for notice in notices:
        parts.append(f"## {notice.title}\n\n{notice.text.rstrip()}")
    if not notices:
        parts.append(common["no_notice"])
    return "\n\n".join(parts) + "\n"


# The facts of one record, and the slots where they are missing ------------------------------


class _Context:
    """One record in one language: facts as text, labels, slots; collects the missing keys of
    the notice being built (`start()` resets them)."""

    def __init__(self, record: Mapping[str, Any], lang: str, today: _dt.date) -> None:
        self.lang = lang
        self.today = today
        self.texts = texts(lang)
        self.common: dict[str, str] = self.texts["common"]
        self.use: Mapping[str, Any] = _mapping(record.get("use"))
        self.organisation: Mapping[str, Any] = _mapping(record.get("organisation"))
        self.classification: Mapping[str, Any] = _mapping(record.get("classification"))
        self.charter = record.get("charter")
        self.missing: list[str] = []
        key = _mapping(record.get("key"))
        use_id = _text(self.use.get("id")) or _text(key.get("use")) or "?"
        where = "/".join(
            part for part in (_text(key.get("repository")), _text(record.get("file"))) if part
        )
        name = _text(self.organisation.get("name")) or _text(key.get("organisation"))
        self.names = {
            "use_id": use_id,
            "use_name": _text(self.use.get("name")) or use_id,
            "organisation": name or self.common["slot"].format(key="organisation.name"),
            "source": f"`{where}`" if where else "`ai-usage.yaml`",
        }
        self.country = law.organisation_country({"organisation": dict(self.organisation)})
        self.sector = _sector(self.organisation, self.charter)
        self.law = law.Law(self.country, self.sector)

    def start(self) -> None:
        self.missing = []

    def slot(self, key: str) -> str:
        if key not in self.missing:
            self.missing.append(key)
        return self.common["slot"].format(key=key)

    def fact(self, path: str, sentence: bool = False) -> str:
        """The declared value at `path` under the use as text, or a slot naming `uses[].path`."""
        value = self.optional(path)
        if value is None:
            return self.slot(f"uses[].{path}")
        return _sentence(value) if sentence else value

    def declared_text(self, entry: dict[str, Any], path: str) -> list[str] | None:
        """The body of a notice whose text the use declares at `path`, quoted as the
        organisation's own; None when it declares none, the missing text noted as a slot."""
        own = self.optional(path)
        if own is not None:
            return [self.fill(entry["declared"], quoted=_quote(own))]
        self.slot(entry["missing_own_text"])
        return None

    def optional(self, path: str) -> str | None:
        value = _get(self.use, path)
        if isinstance(value, list):
            items = [_text(item) for item in value]
            joined = self.common["list_separator"].join(item for item in items if item)
            return joined or None
        return _text(value) or None

    def label(self, group: str, value: Any) -> str:
        labels: dict[str, str] = self.texts["labels"][group]
        return labels.get(str(value), str(value))

    def labelled(self, group: str, path: str) -> str:
        """The label of the enum value declared at `path`, or a slot."""
        value = _get(self.use, path)
        if not isinstance(value, str) or not value:
            return self.slot(f"uses[].{path}")
        return self.label(group, value)

    def fill(self, template: str, **values: str) -> str:
        return template.format(**{**self.names, **values})

    def notice(
        self,
        kind: str,
        body: list[str],
        notes: list[str],
        cites: list[tuple[str, str | None, bool]],
    ) -> Notice:
        """The notice: header, draft line, body, notes for the organisation, legal basis.
        `cites`: (citation, date it binds from or None, whether a date is known)."""
        entry = self.texts["notices"][kind]
        missing = list(self.missing)
        parts = [self.fill(self.common["header"])]
        if missing:
            keys = self.common["list_separator"].join(f"`{key}`" for key in missing)
            parts.append(self.common["draft"].format(keys=keys))
        parts.extend(part for part in body if part)
        parts.append(self.fill(self.common["for_organisation"]) + "\n\n" + "\n".join(notes))
        lines = []
        binds: dict[str, str | None] = {}
        for cite, date, known in cites:
            if not known:
                lines.append(f"- {cite}")
                continue
            binds[cite] = date
            if date is None:
                transitional = self._transitional_cite()
                line = self.common["binds_later"].format(cite=cite, transitional=transitional)
            else:
                line = self.common["binds_from"].format(cite=cite, date=date)
            lines.append(f"- {line}")
        parts.append(self.common["legal_heading"] + "\n\n" + "\n".join(lines))
        return Notice(
            kind=kind,
            title=entry["title"],
            text="\n\n".join(parts) + "\n",
            draft=bool(missing),
            missing=missing,
            legal=[cite for cite, _, _ in cites],
            binds_from=binds,
        )

    def duty_cite(self, key: str) -> tuple[str, str | None, bool] | None:
        """(citation, date it binds this use from, True) for a duty of `law.yaml`, or None where
        no instrument of the organisation's country imposes it."""
        duty = self.law.duty(key)
        if duty is None:
            return None
        public = self.sector in ("public_body", "private_public_service")
        binds = duty.binds_from(self.use, public, self.today)
        return duty.cite(self.lang), binds.isoformat() if binds else None, True

    def template_cite(self, key: str) -> tuple[str, str | None, bool]:
        """(citation, date, True) for a duty dated in `duties.yaml` rather than `law.yaml`."""
        entry = duties()["dates"][key]
        date = entry["date"]
        iso = date.isoformat() if isinstance(date, _dt.date) else str(date)
        return entry["cite"][self.lang], iso, True

    def _transitional_cite(self) -> str:
        duty = self.law.duty("inform_affected_persons")
        return duty.transitional_cite(self.lang) if duty else ""

    def derived(self, what: str) -> str:
        return "- " + self.common["derived"].format(what=what)


# The four notices --------------------------------------------------------------------------


def _crpa_applies(context: _Context) -> bool:
    """The CRPA binds the organisation (a French administration) and the use grounds individual
    (administrative) decisions, declared or as charte-lint derives them."""
    if not context.law.applies("crpa"):
        return False
    if context.classification.get("individual_decisions") is True:
        return True
    return _get(context.use, "decision.administrative") is True


def _inferred_note(context: _Context) -> list[str]:
    if _get(context.use, "decision.administrative") is True:
        return []
    return [context.derived(context.common["inferred_decisions"])]


def _crpa_mention(context: _Context) -> Notice | None:
    if not _crpa_applies(context):
        return None
    context.start()
    entry = context.texts["notices"]["crpa-mention"]
    body = context.declared_text(entry, "transparency.mention")
    if body is None:
        body = [
            context.fill(
                entry["generated"],
                purpose=context.fact("purpose.need", sentence=True),
                contact=context.fact("owner.contact"),
            )
        ]
    cites: list[tuple[str, str | None, bool]] = []
    for key in duties()["crpa-mention"]:
        cite = context.duty_cite(key)
        if cite is not None:
            cites.append(cite)
    cites.extend((extra, None, False) for extra in entry["legal"])
    notes = [entry["notes"], *_inferred_note(context)]
    return context.notice("crpa-mention", body, notes, cites)


def _crpa_sheet(context: _Context) -> Notice | None:
    if not _crpa_applies(context):
        return None
    context.start()
    entry = context.texts["notices"]["crpa-sheet"]
    use = context.use
    body = [context.fill(entry["intro"])]

    degree = [
        context.fill(
            entry["degree"],
            automation=context.labelled("automation", "decision.automation"),
            stage=context.labelled("stage", "decision.stage"),
        )
    ]
    reviewer = context.optional("oversight.reviewer")
    if reviewer is not None:
        degree.append(entry["reviewer"].format(reviewer=reviewer))
        review = context.optional("oversight.review")
        if review is not None:
            degree.append(entry["review"].format(review=_sentence(review)))
    override = _get(use, "oversight.can_override")
    if isinstance(override, bool):
        word = context.texts["labels"]["can_override" if override else "cannot_override"]
        degree.append(entry["override"].format(override=word))
    body.append("\n".join(degree))

    data = [
        entry["data"].format(
            categories=context.fact("data.categories"), sources=context.fact("data.sources")
        )
    ]
    special = [context.label("special", item) for item in _list(_get(use, "data.special"))]
    if special:
        data.append(entry["special"].format(special=context.common["list_separator"].join(special)))
    body.append("\n".join(data))

    per_person = context.common["per_person"].format(what=entry["per_person_parameters"])
    parameters = [entry["parameters"].format(per_person=per_person)]
    code = context.optional("algorithm.code")
    if code is not None:
        parameters.append(entry["rules_published"].format(code=code))
    legal_texts = _legal_texts(use.get("legal_texts"), context.common["list_separator"])
    if legal_texts:
        parameters.append(entry["legal_texts"].format(texts=legal_texts))
    body.append("\n".join(parameters))

    operations = [
        entry["operations"].format(
            algorithm_type=context.labelled("algorithm_type", "algorithm.type"),
            how=context.fact("description.how", sentence=True),
        )
    ]
    performance = _performance(use, entry)
    if performance:
        operations.append(entry["performance"].format(performance=performance))
    body.append("\n".join(operations))

    cites: list[tuple[str, str | None, bool]] = []
    legal = list(entry["legal"])
    sheet = context.template_cite("crpa-sheet")
    for cite in legal:
        cites.append(sheet if cite == sheet[0] else (cite, None, False))
    notes = [entry["notes"], *_inferred_note(context)]
    return context.notice("crpa-sheet", body, notes, cites)


def _art50(context: _Context) -> Notice | None:
    cases = [case for case in duties()["ai-act-art50"] if case in _article_50(context)]
    if not (_ai_act_applies(context) and cases):
        return None
    context.start()
    entry = context.texts["notices"]["ai-act-art50"]
    body = context.declared_text(entry, "interaction.disclosure")
    if body is None:
        lines = [entry["generated_intro"]]
        for case in cases:
            values = {}
            if case in ("emotion_recognition", "biometric_categorisation"):
                values["does"] = context.fact("description.does", sentence=True)
            if case in ("deepfake", "generated_media"):
                values["generates"] = _media(context)
            lines.extend([">", _quote(context.fill(entry["parts"][case], **values))])
        alternative = context.optional("inclusion.alternative")
        if alternative is not None:
            lines.extend([">", _quote(entry["alternative"].format(alternative=alternative))])
        body = ["\n".join(lines)]
    separator = context.common["list_separator"]
    labels = separator.join(context.label("article_50", case) for case in cases)
    derived = context.common["article_50_cases"].format(cases=labels)
    notes = [entry["notes"], context.derived(derived)]
    cites: list[tuple[str, str | None, bool]] = []
    for case in cases:
        key = duties()["ai-act-art50"][case]
        cite = context.duty_cite(key) if key else None
        if cite is None:
            notes.append(entry["charter_only"])
        elif cite not in cites:
            cites.append(cite)
    return context.notice("ai-act-art50", body, notes, cites)


def _art26_11(context: _Context) -> Notice | None:
    """AI Act art. 26(11), as VIG007 checks it: a high-risk use that makes or assists decisions
    about natural persons; not for law enforcement (point 6: Directive (EU) 2016/680, art. 13,
    applies instead) nor for decisions about the deployer's own staff only (art. 26(7))."""
    classification = context.classification
    if not _ai_act_applies(context) or classification.get("risk") != "high":
        return None
    from charte_lint.rules import facts

    use = context.use
    points = [str(point) for point in _list(classification.get("annex_iii"))]
    if not facts.decides_about_people(use) or any(point.startswith("6") for point in points):
        return None
    subjects = [str(subject) for subject in _list(_get(use, "data.subjects"))]
    if subjects and all(subject == "staff" for subject in subjects):
        return None
    context.start()
    entry = context.texts["notices"]["ai-act-art26-11"]
    lines = [context.fill(entry["generated"], does=context.fact("description.does", sentence=True))]
    stage = _get(use, "decision.stage")
    if isinstance(stage, str) and stage:
        lines.append(entry["role"].format(stage=context.label("stage", stage)))
    reviewer = context.optional("oversight.reviewer")
    if reviewer is not None:
        lines.append(entry["reviewer"].format(reviewer=reviewer))
    notes = [entry["notes"]]
    cites: list[tuple[str, str | None, bool]] = []
    for key in duties()["ai-act-art26-11"]:
        cite = context.duty_cite(key)
        if cite is not None:
            cites.append(cite)
    effect = _get(use, "decision.significant_effect")
    explanation = effect is True and (not points or any(p[:1] != "2" for p in points))
    contact = context.fact("owner.contact")
    if explanation:
        lines.append(context.fill(entry["explanation"], contact=contact))
        cites.append(context.template_cite("art86"))
    else:
        lines.append(context.fill(entry["questions"], contact=contact))
        if effect is None:
            context.slot("uses[].decision.significant_effect")
            notes.append("- " + entry["explanation_unknown"])
    recourse = context.fact("recourse", sentence=True)
    lines.append(context.fill(entry["recourse"], recourse=recourse))
    if points:
        what = entry["classification"].format(points=", ".join(points))
        declared = classification.get("declared")
        if declared:
            what += entry["declared_category"].format(category=declared)
        notes.append(context.derived(what))
    return context.notice("ai-act-art26-11", ["\n".join(lines)], notes, cites)


# Helpers -----------------------------------------------------------------------------------


def _ai_act_applies(context: _Context) -> bool:
    """The AI Act binds where the organisation is established, and the use is an AI system (a
    rules-based algorithm is not, art. 3(1))."""
    classification = context.classification
    applies = classification.get("ai_act_applies")
    if applies is None:
        applies = context.law.applies("ai_act")
    ai_system = classification.get("ai_system")
    if ai_system is None:
        from charte_lint.rules.facts import is_ai_system

        ai_system = is_ai_system(context.use)
    return applies is True and ai_system is True


def _article_50(context: _Context) -> list[str]:
    """The art. 50 cases of the record, less published text a person reviews before it goes out
    (art. 50(4), second subparagraph: no duty where the content "has undergone a process of
    human review or editorial control" and someone holds editorial responsibility)."""
    cases = [str(case) for case in _list(context.classification.get("article_50"))]
    if _get(context.use, "oversight.content_review") is True:
        cases = [case for case in cases if case != "generated_text"]
    return cases


def _media(context: _Context) -> str:
    """The published media the use generates (images, audio, video), or a slot."""
    generated = [str(kind) for kind in _list(_get(context.use, "interaction.generates"))]
    media = [context.label("generates", kind) for kind in _MEDIA if kind in generated]
    if not media:
        return context.slot("uses[].interaction.generates")
    return context.common["list_separator"].join(media)


def _performance(use: Mapping[str, Any], entry: Mapping[str, str]) -> str:
    items = []
    for measure in _list(_get(use, "algorithm.performance")):
        if not isinstance(measure, Mapping):
            continue
        metric, value = _text(measure.get("metric")), _text(measure.get("value"))
        if not (metric and value):
            continue
        date = _text(measure.get("date"))
        if date:
            items.append(entry["performance_item"].format(metric=metric, value=value, date=date))
        else:
            items.append(entry["performance_item_undated"].format(metric=metric, value=value))
    return "; ".join(items)


def _legal_texts(value: Any, separator: str) -> str:
    titles = []
    for item in _list(value):
        if not isinstance(item, Mapping):
            continue
        title, url = _text(item.get("title")), _text(item.get("url"))
        if title and url:
            titles.append(f"{title} ({url})")
        elif title or url:
            titles.append(title or url)
    return separator.join(titles)


def _sector(organisation: Mapping[str, Any], charter: Any) -> str:
    from charte_lint.rules import facts

    sector: str = facts.sector({"charter": charter, "organisation": dict(organisation)})
    return sector


def _quote(text: str) -> str:
    """`text` as a Markdown block quote, line by line."""
    return "\n".join(f"> {line}".rstrip() for line in text.strip().splitlines())


def _sentence(text: str) -> str:
    """A declared phrase as a sentence: ends with a full stop unless it ends with punctuation."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", ")", "»", '"')) else text + "."


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
