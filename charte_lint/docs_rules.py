"""Rule documentation for people: `--explain`, `--list-rules` and `docs/rules.md`.

All three render the rules' content files (`charte_lint.content`) and run examples, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

import json

from charte_lint.messages import N_, SEVERITIES, t

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Rule

_LABELS = {
    "principle": N_("Principle"),
    "structural": N_("structure (no principle)"),
    "severity": N_("Default severity"),
    "references": N_("References"),
    "charters": N_("Charter"),
    "example": N_("Example"),
    "failing": N_("Failing:"),
    "passing": N_("Passing:"),
    "configuration": N_("linted with this configuration (`.charte-lint.yaml`):"),
    "code": N_("code"),
    "name": N_("name"),
    "summary": N_("summary"),
    "title": N_("Rules"),
    "facts": N_("Facts and legal calendar"),
    "reads": N_("Reads:"),
    "statuses": N_("Checks uses whose `status` is:"),
    "duties": N_("Legal duties (the law of `organisation.country`; default `FR`):"),
    "binds": N_("{cite}: binds from {date}"),
    "unverified": N_("date not verified against the published text"),
    "transitional": N_(
        "a system in service before {date} is bound only once its design changes significantly"
    ),
    "public_by": N_("public authorities by {date}"),
    # TRANSLATORS: joins the clauses of one legal duty's line (French typography: " ; ")
    "clauses": N_("; "),
}


def _labels(lang: str) -> dict[str, str]:
    """The documentation's own words, in `lang` (gettext catalogue)."""
    return {key: t(lang, value) for key, value in _LABELS.items()}


def _severity(lang: str, severity: str) -> str:
    return SEVERITIES[lang][severity]


def _numbers(rule: Rule) -> str:
    numbers = [n for n in (rule.charters.get("private"), rule.charters.get("public")) if n]
    return " / ".join(numbers) if numbers else "-"


def charter_reference(rule: Rule, lang: str) -> str | None:
    """The charter principle a rule serves, from the catalogue: "P1 AI serving value / S1 ..."."""
    from charte_lint.content import principle_title

    if rule.principle is None:
        return None
    parts = [
        f"{number} {principle_title(rule.principle, charter, lang)}"
        for charter, number in rule.charters.items()
        if number
    ]
    return f"{_labels(lang)['charters']} " + " / ".join(parts)


def references(rule: Rule, lang: str) -> list[str]:
    """The charter reference (derived) and the legal ones (from the rule's content)."""
    charter = charter_reference(rule, lang)
    return [*([charter] if charter else []), *rule.text(lang).references]


def _example_block(rule: Rule, lang: str, failing: bool) -> list[str]:
    from charte_lint.content import example_for

    example = example_for(rule.content, rule.code, failing, lang)
    if example is None:
        return []
    labels = _labels(lang)
    lines = [labels["failing" if failing else "passing"]]
    if example.config:
        with open(example.config, encoding="utf-8") as handle:
            config = handle.read().rstrip()
        lines += [labels["configuration"], "```yaml", config, "```"]
    if example.is_directory:
        import os

        for name in sorted(os.listdir(example.path)):
            path = os.path.join(example.path, name)
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as handle:
                    code = handle.read().rstrip()
                fence = "yaml" if name.endswith((".yaml", ".yml")) else ""
                lines += [f"`{name}`", f"```{fence}", code, "```"]
        return lines
    return [*lines, "```yaml", example.text().rstrip(), "```"]


def render_docs(rule: Rule, lang: str) -> str:
    """A rule's documentation in Markdown: what it does, why it matters, its examples (from the
    files the tests run), how to fix it."""
    text = rule.text(lang)
    sections = list(text.sections)
    labels = _labels(lang)
    example = [
        *_example_block(rule, lang, failing=True),
        *_example_block(rule, lang, failing=False),
    ]
    parts = [f"## {title}\n{body}" for title, body in sections[:2]]
    if example:
        parts.append(f"## {labels['example']}\n" + "\n".join(example))
    parts += [f"## {title}\n{body}" for title, body in sections[2:]]
    facts = _facts_block(rule, lang)
    if facts:
        parts.append(f"## {labels['facts']}\n" + "\n".join(facts))
    return "\n\n".join(parts) + "\n"


def _facts_block(rule: Rule, lang: str) -> list[str]:
    """Which facts the rule reads, which statuses it checks, and the legal duties it rests
    on with the date each binds from, per instrument (`charte_lint/content/law.yaml`)."""
    labels = _labels(lang)
    lines = []
    if rule.reads:
        lines.append(f"- {labels['reads']} " + ", ".join(f"`{key}`" for key in rule.reads))
    if rule.statuses is not None:
        lines.append(f"- {labels['statuses']} " + ", ".join(f"`{key}`" for key in rule.statuses))
    if rule.duties:
        lines.append(f"- {labels['duties']}")
        lines += [f"  - {line}" for key in rule.duties for line in duty_lines(key, lang)]
    return lines


def duty_lines(key: str, lang: str) -> list[str]:
    """One line per instrument imposing duty `key`: its citation, date, where it binds and
    its transitional rule (the source of each date is on the legal calendar page)."""
    from charte_lint.law import variants

    labels = _labels(lang)
    lines = []
    for duty in variants(key):
        line = labels["binds"].format(cite=duty.cite(lang), date=duty.start)
        scope = duty.instrument.scope
        notes = [scope.get(lang) or scope["en"]]
        if duty.cutoff is not None:
            notes.append(labels["transitional"].format(date=duty.cutoff))
            if duty.public_authorities_by is not None:
                notes.append(labels["public_by"].format(date=duty.public_authorities_by))
        if not duty.verified:
            notes.append(labels["unverified"])
        lines.append(labels["clauses"].join([line, *notes]))
    return lines


def render_docs_text(rule: Rule, lang: str) -> str:
    """The same documentation as plain text (SARIF `help.text`): no Markdown headings or fences."""
    lines = []
    for line in render_docs(rule, lang).splitlines():
        if line.startswith("```"):
            continue
        lines.append(line[3:].upper() if line.startswith("## ") else line)
    return "\n".join(lines) + "\n"


def explain(rule: Rule, lang: str) -> str:
    """What `--explain CODE` prints: a header, the summary, then the rule's documentation."""
    labels = _labels(lang)
    principle = f"`{rule.principle}`" if rule.principle else labels["structural"]
    field = t(lang, "{label}: {value}")
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary[lang],
        "",
        field.format(label=labels["principle"], value=f"{principle} ({_numbers(rule)})"),
        field.format(label=labels["severity"], value=_severity(lang, rule.severity)),
        "",
        render_docs(rule, lang).rstrip(),
    ]
    cited = references(rule, lang)
    if cited:
        lines += ["", f"## {labels['references']}", *(f"- {ref}" for ref in cited)]
    return "\n".join(lines) + "\n"


def rule_entry(rule: Rule, lang: str) -> dict[str, object]:
    """One rule in the `--list-rules --format json` contract."""
    return {
        "code": rule.code,
        "name": rule.name,
        "principle": rule.principle,
        "charters": {
            "private": rule.charters.get("private") or None,
            "public": rule.charters.get("public") or None,
        },
        "severity": rule.severity,
        "summary": rule.summary[lang],
        "docs": render_docs(rule, lang),
        "references": references(rule, lang),
    }


def rules_json(rules: list[Rule], lang: str) -> str:
    return json.dumps([rule_entry(r, lang) for r in rules], ensure_ascii=False, indent=2) + "\n"


def rules_text(rules: list[Rule], lang: str) -> str:
    width = max((len(r.name) for r in rules), default=10)
    lines = [
        f"{r.code:<7} {r.name:<{width}}  {_severity(lang, r.severity):<13}  "
        f"{(f'`{r.principle}`' if r.principle else '-'):<14} "
        f"{_numbers(r):<8} {r.summary[lang]}"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def rules_markdown_table(rules: list[Rule], lang: str) -> str:
    """One line per rule: code, name, severity, principle and numbers, summary."""
    lines = [
        "| code | name | severity | principle | charter | summary |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r.code}` | `{r.name}` | {r.severity} | {r.principle or '-'} | {_numbers(r)} | "
        f"{r.summary[lang]} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def rules_markdown(rules: list[Rule], lang: str) -> str:
    labels = _labels(lang)
    field = t(lang, "{label}: {value}")
    columns = ("code", "name", "severity", "principle", "charters", "summary")
    head = "| " + " | ".join(labels[c].lower() for c in columns) + " |"
    lines = [f"# {labels['title']}", "", head, "|---|---|---|---|---|---|"]
    for r in rules:
        lines.append(
            f"| [`{r.code}`](#{r.code.lower()}) | `{r.name}` | {_severity(lang, r.severity)} | "
            f"{f'`{r.principle}`' if r.principle else '-'} | {_numbers(r)} | {r.summary[lang]} |"
        )
    for r in rules:
        docs = render_docs(r, lang).replace("\n## ", "\n#### ").replace("## ", "#### ", 1)
        lines += [
            "",
            f"## {r.code}",
            "",
            f"**`{r.name}`**: {r.summary[lang]}",
            "",
            field.format(
                label=labels["principle"],
                value=f"{f'`{r.principle}`' if r.principle else labels['structural']} "
                f"({_numbers(r)})",
            )
            + " · "
            + field.format(label=labels["severity"], value=_severity(lang, r.severity)),
            "",
            docs.rstrip(),
        ]
        cited = references(r, lang)
        if cited:
            title = field.format(label=f"**{labels['references']}**", value="")
            lines += ["", title.rstrip(), "", *(f"- {ref}" for ref in cited)]
    return "\n".join(lines) + "\n"


# --- docs/legal-calendar.md: content/law.yaml for people ---------------------------------------

_CALENDAR = {
    "title": N_("The law of the country and the legal calendar"),
    "intro": N_(
        "Generated from `charte_lint/content/law.yaml` (`python -m charte_lint.docs`): the "
        "instruments charte-lint applies, where they bind, and the date each legal duty applies "
        "from. A finding that rests on a duty in force is a legal finding at its rule's "
        "severity; before that date, or for a use not yet in service, it keeps the charter's "
        "own severity and says from when the duty binds. An organisation may set its own reading "
        "of a date in its configuration: `legal_dates: {{DUTY: DATE}}`."
    ),
    "instruments": N_("Instruments and where they bind"),
    "duties": N_("Duties"),
    "instrument": N_("Instrument"),
    "where": N_("Where it binds"),
    "article": N_("Article"),
    "from": N_("Applies from"),
    "source": N_("Set by"),
    "verified": N_("Verified"),
    "yes": N_("yes"),
    "no": N_("no"),
    "key": N_("key"),
    "adequacy": N_("Adequacy decisions (GDPR, art. 45)"),
    "adequacy_intro": N_(
        "A transfer relies on a decision only between its adoption and its expiry, at the run's "
        "date (`DAT008`)."
    ),
    "country": N_("Country"),
    "decision": N_("Decision"),
    "adopted": N_("Adopted"),
    "until": N_("Until"),
    "scope": N_("Scope"),
    "transitional": N_(
        "Transitional rule ({cite}): a system in service before {date} is bound only once its "
        "design changes significantly; public authorities by {public}."
    ),
}


def legal_calendar_markdown(lang: str) -> str:
    """docs/legal-calendar.md (or .fr.md): every instrument, duty, date and source, with notes."""
    from charte_lint.law import data, variants

    words = {key: t(lang, value) for key, value in _CALENDAR.items()}
    law = data()

    def pick(entry: dict[str, str]) -> str:
        return entry.get(lang) or entry["en"]

    lines = [f"# {words['title']}", "", words["intro"].replace("{{", "{").replace("}}", "}"), ""]
    lines += [f"## {words['instruments']}", ""]
    lines += [f"| {words['instrument']} | {words['where']} |", "|---|---|"]
    for entry in law["instruments"].values():
        lines.append(f"| [{pick(entry['name'])}]({entry['url']}) | {pick(entry['scope'])} |")
    lines += ["", f"## {words['duties']}"]
    for key, duty in law["duties"].items():
        lines += ["", f"### {pick(duty['title'])}", "", f"{words['key']}: `{key}`", ""]
        header = (words["instrument"], words["article"], words["from"], words["source"])
        lines += [f"| {' | '.join(header)} | {words['verified']} |", "|---|---|---|---|---|"]
        notes: list[str] = []
        for variant in variants(key):
            short = pick(variant.instrument.short)
            verified = words["yes"] if variant.verified else words["no"]
            source = " ".join(variant.source.split())
            lines.append(
                f"| {short} | [{pick(variant.article)}]({variant.url}) | {variant.start} "
                f"| {source} | {verified} |"
            )
            if variant.cutoff is not None:
                notes.append(
                    words["transitional"].format(
                        cite=variant.transitional_cite(lang),
                        date=variant.cutoff,
                        public=variant.public_authorities_by or "-",
                    )
                )
            if variant.note:
                notes.append(f"{short}: " + " ".join(variant.note.split()))
        lines += ["", *(f"- {note}" for note in notes)]
    decisions = law.get("adequacy") or []
    if decisions:
        lines += ["", f"## {words['adequacy']}", "", words["adequacy_intro"], ""]
        columns = ("country", "decision", "adopted", "until", "scope", "verified")
        lines += [
            "| " + " | ".join(words[key] for key in columns) + " |",
            "|---|---|---|---|---|---|",
        ]
        for entry in decisions:
            verified = words["yes"] if entry.get("verified") else words["no"]
            lines.append(
                f"| {entry['name']} (`{entry['code']}`) | [{entry['decision']}]({entry['url']}) "
                f"| {entry['adopted']} | {entry.get('until') or '-'} | {entry['scope']} "
                f"| {verified} |"
            )
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"
