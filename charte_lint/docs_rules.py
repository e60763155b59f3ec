"""Rule documentation for people: `--explain`, `--list-rules` and `docs/rules.md`.

All three come from the rules' own metadata, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from charte_lint.api import Rule

_LABELS = {
    "en": {
        "principle": "Principle",
        "structural": "structure (no principle)",
        "severity": "Default severity",
        "references": "References",
        "charters": "Charter",
    },
    "fr": {
        "principle": "Principe",
        "structural": "structure (aucun principe)",
        "severity": "Sévérité par défaut",
        "references": "Références",
        "charters": "Charte",
    },
}


def _numbers(rule: Rule) -> str:
    numbers = [n for n in (rule.charters.get("private"), rule.charters.get("public")) if n]
    return " / ".join(numbers) if numbers else "-"


def explain(rule: Rule, lang: str) -> str:
    """What `--explain CODE` prints: a header, the summary, then the rule's documentation."""
    labels = _LABELS[lang]
    principle = rule.principle or labels["structural"]
    colon = " :" if lang == "fr" else ":"
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary[lang],
        "",
        f"{labels['principle']}{colon} {principle} ({_numbers(rule)})",
        f"{labels['severity']}{colon} {rule.severity}",
        "",
        rule.docs[lang].rstrip(),
    ]
    if rule.references:
        lines += ["", f"## {labels['references']}", *(f"- {ref}" for ref in rule.references)]
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
        "docs": rule.docs[lang],
        "references": list(rule.references),
    }


def rules_json(rules: list[Rule], lang: str) -> str:
    return json.dumps([rule_entry(r, lang) for r in rules], ensure_ascii=False, indent=2) + "\n"


def rules_text(rules: list[Rule], lang: str) -> str:
    width = max((len(r.name) for r in rules), default=10)
    lines = [
        f"{r.code:<7} {r.name:<{width}}  {r.severity:<7}  {(r.principle or '-'):<12} "
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
    labels = _LABELS[lang]
    title = "Rules" if lang == "en" else "Règles"
    head = (
        f"| code | name | {labels['severity'].lower()} | {labels['principle'].lower()} | "
        f"{labels['charters'].lower()} | summary |"
        if lang == "en"
        else f"| code | nom | {labels['severity'].lower()} | {labels['principle'].lower()} | "
        f"{labels['charters'].lower()} | résumé |"
    )
    lines = [f"# {title}", "", head, "|---|---|---|---|---|---|"]
    for r in rules:
        lines.append(
            f"| [`{r.code}`](#{r.code.lower()}) | `{r.name}` | {r.severity} | "
            f"{r.principle or '-'} | {_numbers(r)} | {r.summary[lang]} |"
        )
    for r in rules:
        docs = r.docs[lang].replace("\n## ", "\n#### ").replace("## ", "#### ", 1)
        lines += [
            "",
            f"## {r.code}",
            "",
            f"**`{r.name}`**: {r.summary[lang]}",
            "",
            f"{labels['principle']}: {r.principle or labels['structural']} ({_numbers(r)}) "
            f"· {labels['severity']}: {r.severity}",
            "",
            docs.rstrip(),
        ]
        if r.references:
            lines += ["", f"**{labels['references']}**:", "", *(f"- {ref}" for ref in r.references)]
    return "\n".join(lines) + "\n"
