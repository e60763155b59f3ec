"""Rules for the `vigilance` principle: assess before starting a project (S9; part of P8 in the
private charter)."""

from __future__ import annotations

import re

from charte_lint.api import Rule, get

from ._common import LIVE_STATUSES, as_list, if_missing, is_blank, missing_pointer, use_id

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

    from charte_lint.api import Finding, RuleContext

_UNDER_WAY = ("design", "pilot", "production")
_SECTORS = ("private", "public_body", "private_public_service")
_PUBLIC_SECTORS = ("public_body", "private_public_service")
_AT_WORK_OR_SCHOOL = ("employment", "education")
_VULNERABLE = ("minors", "vulnerable")
_ABOUT_PEOPLE = ("scoring", "profiling", "monitoring")
_POINT_RE = re.compile(r"^\s*([1-8])\s*(?:\(?\s*([a-h])\s*\)?)?\s*$", re.IGNORECASE)
# Annex III areas, by the number of their point.
_AREAS = {
    "1": ("biometrics", "biométrie"),
    "2": ("critical infrastructure", "infrastructures critiques"),
    "3": ("education and vocational training", "éducation et formation professionnelle"),
    "4": ("employment and workers management", "emploi et gestion de la main-d'œuvre"),
    "5": ("essential private and public services", "services privés et publics essentiels"),
    "6": ("law enforcement", "répression"),
    "7": ("migration, asylum and border control", "migration, asile et contrôle aux frontières"),
    "8": ("justice and democratic processes", "justice et processus démocratiques"),
}


def _strings(value: Any) -> list[str]:
    return [item for item in as_list(value) if isinstance(item, str)]


def sector(manifest: Mapping[str, Any]) -> str:
    """`organisation.sector`, or its default from the charter version."""
    value = get(manifest, "organisation.sector")
    if value in _SECTORS:
        return str(value)
    return "public_body" if manifest.get("charter") == "public" else "private"


def prohibited_grounds(use: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(message id, pointer suffix) for each AI Act Art. 5 practice the use's facts show."""
    grounds = []
    if get(use, "ai_act.category") == "prohibited":
        grounds.append(("declared", "/ai_act/category"))
    domains = _strings(use.get("domain"))
    subjects = _strings(get(use, "data.subjects"))
    for index, capability in enumerate(as_list(use.get("capabilities"))):
        where = f"/capabilities/{index}"
        if capability == "emotion_recognition" and any(d in domains for d in _AT_WORK_OR_SCHOOL):
            grounds.append(("emotion_recognition", where))
        elif capability == "social_scoring":
            grounds.append(("social_scoring", where))
        elif capability == "behaviour_manipulation" and any(s in subjects for s in _VULNERABLE):
            grounds.append(("exploits_vulnerability", where))
    return grounds


def annex_iii_by_facts(use: Mapping[str, Any], manifest: Mapping[str, Any]) -> list[str]:
    """The AI Act Annex III points the use's declared facts place it in, e.g. `["4", "5(b)"]`."""
    capabilities = _strings(use.get("capabilities"))
    domains = _strings(use.get("domain"))
    about_people = get(use, "decision.affects_individuals") is True
    judges = about_people or any(c in capabilities for c in _ABOUT_PEOPLE)
    scores = about_people or "scoring" in capabilities or "profiling" in capabilities
    points = []
    if "biometric_identification" in capabilities:
        points.append("1(a)")
    if "emotion_recognition" in capabilities:
        points.append("1(c)")
    if "education" in domains and judges:
        points.append("3")
    if "employment" in domains and judges:
        points.append("4")
    if "public_benefits" in domains and about_people and sector(manifest) in _PUBLIC_SECTORS:
        points.append("5(a)")
    if "credit" in domains and scores:
        points.append("5(b)")
    health = "health" in _strings(get(use, "data.special"))
    if "insurance" in domains and scores and health:
        points.append("5(c)")
    if "emergency" in domains and (about_people or "scoring" in capabilities):
        points.append("5(d)")
    return points


def declared_point(use: Mapping[str, Any]) -> str | None:
    """`ai_act.annex_iii` written as `4(a)`, or None when it is not a point of Annex III."""
    value = get(use, "ai_act.annex_iii")
    match = _POINT_RE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    number, letter = match.groups()
    return f"{number}({letter.lower()})" if letter else number


def exemption_claimed(use: Mapping[str, Any]) -> bool:
    return not is_blank(get(use, "ai_act.exemption"))


def high_risk_points(
    use: Mapping[str, Any], manifest: Mapping[str, Any], memo: dict[Any, Any] | None = None
) -> list[str] | None:
    """The Annex III points that make the use high-risk (empty when it is only declared `high`),
    or None when it is not high-risk: no Annex III fact, a valid Art. 6(3) exemption, or a
    prohibited practice (which no duty makes lawful). Several rules ask this of each use: pass
    `ctx.shared` as `memo` to answer once per use and run."""
    if memo is None:
        return _high_risk_points(use, manifest)
    key = ("high_risk_points", id(use))
    if key not in memo:
        memo[key] = _high_risk_points(use, manifest)
    points = memo[key]
    return None if points is None else list(points)


def _high_risk_points(use: Mapping[str, Any], manifest: Mapping[str, Any]) -> list[str] | None:
    if prohibited_grounds(use):
        return None
    points = annex_iii_by_facts(use, manifest)
    declared = declared_point(use)
    if declared and declared not in points and declared[0] not in points:
        points.append(declared)
    if get(use, "ai_act.category") == "high":
        return points
    if not points:
        return None
    if exemption_claimed(use) and "profiling" not in _strings(use.get("capabilities")):
        return None
    return points


def describe_points(points: list[str], lang: str) -> str:
    """`4 (employment and workers management), 5(b) (...)`, in the run's language."""
    index = 0 if lang == "en" else 1
    return ", ".join(f"{point} ({_AREAS[point[0]][index]})" for point in points)


def reaches_people(use: Mapping[str, Any]) -> bool:
    """Whether the use touches people beyond the staff who operate it: residents or users as
    audience or beneficiaries, personal data, decisions about individuals, published output."""
    audience = as_list(use.get("audience"))
    beneficiaries = as_list(get(use, "purpose.beneficiaries"))
    return (
        any(group in audience for group in ("public", "clients"))
        or any(group in beneficiaries for group in ("residents", "users", "clients"))
        or get(use, "data.personal") is True
        or bool(as_list(get(use, "data.special")))
        or get(use, "decision.affects_individuals") is True
        or get(use, "interaction.published") is True
    )


def _check_pre_project(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if ctx.charter != "public":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in _UNDER_WAY or not reaches_people(use):
            continue
        yield from if_missing(ctx, pointer, use, "assessments.pre_project", status=status)


PRE_PROJECT_ASSESSMENT_MISSING = Rule(
    code="VIG001",
    name="pre-project-assessment-missing",
    principle="vigilance",
    charters={"public": "S9"},
    severity="warning",
    summary={
        "en": "A public-sector use that reaches people is assessed before the project starts.",
        "fr": "Un usage public qui touche des personnes est évalué avant le début du projet.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) has no `assessments.pre_project`: record "
            "the assessment of its opportunities, risks and real impact on the public service",
            "fr": "l'usage `{use_id}` (`status: {status}`) n'a pas d'`assessments.pre_project` : "
            "consigner l'évaluation de ses opportunités, de ses risques et de son impact réel "
            "pour le service public",
        }
    },
    docs={
        "en": """\
## What it does
Under the public charter, flags a use in `design`, `pilot` or `production` that reaches people
beyond the staff who operate it, and that declares no `assessments.pre_project`. A use reaches
people when its `audience` includes `public` or `clients`, its `purpose.beneficiaries` include
`residents`, `users` or `clients`, it processes personal data (`data.personal: true` or
`data.special`), it informs decisions about individuals (`decision.affects_individuals: true`),
or its output is published (`interaction.published: true`). A low-risk internal tool (a code
assistant for the IT team, with no personal data) is left to the organisation's judgement.

## Why it matters
Public charter S9 ("continuous vigilance"): before any new project, assess the opportunities,
the risks and the real impact on the public service. Writing it down before the pilot is what
makes the later review possible: the expected benefits can be compared with what happened.

## Example
Failing:
```yaml
status: pilot
audience: [public]
```
Passing:
```yaml
status: pilot
audience: [public]
assessments:
  pre_project:
    date: 2026-03-10
    opportunities: Answers to frequent questions outside opening hours.
    risks: Wrong answers on civil-status procedures; residents uneasy with a chatbot.
    impact: Reception staff keep complex requests; phone line unchanged.
```

## How to fix
Before going further, write down (with the service, the DPO and, where relevant, the users'
representatives) the opportunities, risks and expected impact of the use, and record the date
and the three answers in `assessments.pre_project`.
""",
        "fr": """\
## Ce que fait la règle
Avec la charte publique, signale un usage en `design`, `pilot` ou `production` qui touche des
personnes au-delà des agents qui l'utilisent, et qui ne déclare pas
d'`assessments.pre_project`. Un usage touche des personnes lorsque son `audience` comprend
`public` ou `clients`, ses `purpose.beneficiaries` comprennent `residents`, `users` ou
`clients`, il traite des données personnelles (`data.personal: true` ou `data.special`), il sert
à des décisions sur des personnes (`decision.affects_individuals: true`) ou ses résultats sont
publiés (`interaction.published: true`). Un outil interne à faible risque (un assistant de code
pour le service informatique, sans données personnelles) est laissé à l'appréciation de
l'organisation.

## Pourquoi c'est important
Charte publique S9 (« vigilance continue ») : avant tout nouveau projet, évaluer les
opportunités, les risques et l'impact réel pour le service public. L'écrire avant le pilote
rend possible la revue ultérieure : les bénéfices attendus peuvent être comparés à ce qui s'est
réellement passé.

## Exemple
En échec :
```yaml
status: pilot
audience: [public]
```
Conforme :
```yaml
status: pilot
audience: [public]
assessments:
  pre_project:
    date: 2026-03-10
    opportunities: Réponses aux questions fréquentes en dehors des heures d'ouverture.
    risks: Réponses erronées sur l'état civil ; usagers réticents face à un agent conversationnel.
    impact: L'accueil garde les demandes complexes ; ligne téléphonique inchangée.
```

## Comment corriger
Avant d'aller plus loin, écrire (avec le service, le DPO et, le cas échéant, des représentants
des usagers) les opportunités, les risques et l'impact attendu de l'usage, puis en consigner la
date et les trois réponses dans `assessments.pre_project`.
""",
    },
    references=("Charte S9",),
    check=_check_pre_project,
)


def _check_prohibited(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            continue
        for message, where in prohibited_grounds(use):
            yield ctx.finding(pointer + where, message, use_id=use_id(use))


PROHIBITED_PRACTICE = Rule(
    code="VIG002",
    name="prohibited-practice",
    principle="vigilance",
    charters={"private": "P8", "public": "S9"},
    severity="error",
    summary={
        "en": "No use is an AI practice the AI Act prohibits.",
        "fr": "Aucun usage n'est une pratique d'IA interdite par le règlement sur l'IA.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` is an AI practice prohibited by the AI Act (Art. 5): stop it",
            "fr": "l'usage `{use_id}` est une pratique d'IA interdite par le règlement sur l'IA "
            "(art. 5) : y mettre fin",
        },
        "declared": {
            "en": "use `{use_id}` is declared `ai_act.category: prohibited`: the AI Act (Art. 5) "
            "forbids it; stop the use",
            "fr": "l'usage `{use_id}` est déclaré `ai_act.category: prohibited` : le règlement "
            "sur l'IA (art. 5) l'interdit ; mettre fin à l'usage",
        },
        "emotion_recognition": {
            "en": "use `{use_id}` recognises emotions (`emotion_recognition`) in the workplace "
            "or in education: prohibited by AI Act Art. 5(1)(f), save for medical or safety "
            "reasons; stop it",
            "fr": "l'usage `{use_id}` reconnaît les émotions (`emotion_recognition`) au travail "
            "ou dans l'enseignement : interdit par l'art. 5, paragraphe 1, point f) du "
            "règlement sur l'IA, sauf raison médicale ou de sécurité ; y mettre fin",
        },
        "social_scoring": {
            "en": "use `{use_id}` declares `social_scoring`: evaluating people by their social "
            "behaviour or personal traits for detrimental treatment is prohibited by AI Act "
            "Art. 5(1)(c); stop it",
            "fr": "l'usage `{use_id}` déclare `social_scoring` : évaluer les personnes selon "
            "leur comportement social ou leurs caractéristiques personnelles pour les "
            "défavoriser est interdit par l'art. 5, paragraphe 1, point c) du règlement sur "
            "l'IA ; y mettre fin",
        },
        "exploits_vulnerability": {
            "en": "use `{use_id}` manipulates behaviour (`behaviour_manipulation`) of minors or "
            "vulnerable people: exploiting their vulnerabilities is prohibited by AI Act "
            "Art. 5(1)(b); stop it",
            "fr": "l'usage `{use_id}` manipule le comportement (`behaviour_manipulation`) de "
            "mineurs ou de personnes vulnérables : exploiter leurs vulnérabilités est interdit "
            "par l'art. 5, paragraphe 1, point b) du règlement sur l'IA ; y mettre fin",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use, unless `retired`, whose declared facts show a practice prohibited by Article 5 of
the AI Act:
- `ai_act.category: prohibited`;
- `emotion_recognition` in `capabilities` with `employment` or `education` in `domain`
  (Art. 5(1)(f));
- `social_scoring` in `capabilities` (Art. 5(1)(c));
- `behaviour_manipulation` in `capabilities` with `minors` or `vulnerable` in `data.subjects`
  (Art. 5(1)(b)).

Other prohibited practices (untargeted scraping of facial images, predicting crimes from
profiling alone, real-time remote biometric identification for law enforcement) cannot be
read from the manifest's facts.

## Why it matters
Private charter P8 (stay alert to risks) and public charter S9 (assess the risks before any
project). Article 5 has applied since 2 February 2025; infringing it exposes the organisation to
fines of up to €35 million or 7 % of worldwide turnover (Art. 99(3)). Emotion recognition at
work or at school is allowed only for medical or safety reasons: if that is the case, record it
in a waiver with its justification.

## Example
Failing:
```yaml
domain: [employment]
capabilities: [emotion_recognition]
```
Passing:
```yaml
domain: [employment]
capabilities: [content_generation]
```

## How to fix
Stop the use, or change it so that it no longer does what Article 5 forbids, and correct the
declaration.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage, sauf s'il est `retired`, dont les faits déclarés relèvent d'une pratique
interdite par l'article 5 du règlement sur l'IA :
- `ai_act.category: prohibited` ;
- `emotion_recognition` dans `capabilities` avec `employment` ou `education` dans `domain`
  (art. 5, par. 1, f) ;
- `social_scoring` dans `capabilities` (art. 5, par. 1, c) ;
- `behaviour_manipulation` dans `capabilities` avec `minors` ou `vulnerable` dans
  `data.subjects` (art. 5, par. 1, b).

Les autres pratiques interdites (moissonnage non ciblé d'images faciales, prédiction
d'infractions fondée sur le seul profilage, identification biométrique à distance en temps réel
à des fins répressives) ne se lisent pas dans les faits du manifeste.

## Pourquoi c'est important
Charte privée P8 (rester attentif aux risques) et charte publique S9 (évaluer les risques avant
tout projet). L'article 5 s'applique depuis le 2 février 2025 ; l'enfreindre expose à une amende
pouvant atteindre 35 millions d'euros ou 7 % du chiffre d'affaires mondial (art. 99, par. 3).
La reconnaissance des émotions au travail ou à l'école n'est permise que pour des raisons
médicales ou de sécurité : dans ce cas, le consigner dans une dérogation justifiée.

## Exemple
En échec :
```yaml
domain: [employment]
capabilities: [emotion_recognition]
```
Conforme :
```yaml
domain: [employment]
capabilities: [content_generation]
```

## Comment corriger
Arrêter l'usage, ou le modifier pour qu'il ne fasse plus ce que l'article 5 interdit, et
corriger la déclaration.
""",
    },
    references=("Charte P8 / S9", "Règlement (UE) 2024/1689 (AI Act), art. 5 et 99"),
    check=_check_prohibited,
)


def _check_high_risk_undeclared(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        category = get(use, "ai_act.category")
        if category in ("high", "prohibited") or exemption_claimed(use):
            continue
        if use.get("status") == "retired":
            continue
        points = high_risk_points(use, manifest, ctx.shared)
        if not points:
            continue
        common = {"use_id": use_id(use), "points": describe_points(points, ctx.lang)}
        if category in ("minimal", "limited"):
            yield ctx.finding(f"{pointer}/ai_act/category", category=category, **common)
        else:
            where = missing_pointer(pointer, use, "ai_act.category")
            yield ctx.finding(where, "undeclared", **common)


HIGH_RISK_NOT_DECLARED = Rule(
    code="VIG003",
    name="high-risk-not-declared",
    principle="vigilance",
    charters={"private": "P8", "public": "S9"},
    severity="error",
    summary={
        "en": "A use whose facts place it in AI Act Annex III is declared high-risk.",
        "fr": "Un usage que ses faits placent dans l'annexe III du règlement sur l'IA est déclaré "
        "à haut risque.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` falls under AI Act Annex III, point {points}, but is declared "
            "`ai_act.category: {category}`: declare it `high` and meet the deployer's duties, "
            "or document an Art. 6(3) exemption in `ai_act.exemption`",
            "fr": "l'usage `{use_id}` relève de l'annexe III du règlement sur l'IA, point "
            "{points}, mais est déclaré `ai_act.category: {category}` : le déclarer `high` et "
            "remplir les obligations du déployeur, ou documenter une dérogation de l'art. 6, "
            "par. 3 dans `ai_act.exemption`",
        },
        "undeclared": {
            "en": "use `{use_id}` falls under AI Act Annex III, point {points}, and declares no "
            "`ai_act.category`: declare it `high` and meet the deployer's duties, or document "
            "an Art. 6(3) exemption in `ai_act.exemption`",
            "fr": "l'usage `{use_id}` relève de l'annexe III du règlement sur l'IA, point "
            "{points}, et ne déclare pas d'`ai_act.category` : le déclarer `high` et remplir "
            "les obligations du déployeur, ou documenter une dérogation de l'art. 6, par. 3 "
            "dans `ai_act.exemption`",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use, unless `retired`, that is not declared `ai_act.category: high` and claims no
Art. 6(3) exemption, while its facts place it in Annex III of the AI Act, or while it names an
Annex III point itself in `ai_act.annex_iii`. The facts read are:
- `biometric_identification` in `capabilities`: point 1(a), remote biometric identification;
- `emotion_recognition` in `capabilities` (outside work and school): 1(c), emotion recognition;
- `domain: [education]` with a decision about people, `scoring`, `profiling` or
  `monitoring`: 3, education;
- `domain: [employment]` with the same: 4, employment;
- `domain: [public_benefits]` with a decision about people, by a public body or a private
  body providing a public service: 5(a), public assistance benefits and services;
- `domain: [credit]` with a decision about people, `scoring` or `profiling`: 5(b),
  creditworthiness;
- `domain: [insurance]` with the same and health data (`data.special: [health]`): 5(c), life
  and health insurance;
- `domain: [emergency]` with a decision about people or `scoring`: 5(d), emergency calls and
  triage.

A decision about people is `decision.affects_individuals: true`. Insurance other than life and
health, and the areas the manifest cannot tell apart (critical infrastructure, law enforcement,
migration, justice), are flagged only when `ai_act.annex_iii` names them.

## Why it matters
Private charter P8 and public charter S9: know the risks before using a tool. Annex III
systems are high-risk (Art. 6(2)) and their deployers have duties from 2 August 2026: human
oversight, logs, information of workers and of the people concerned (Art. 26), and, for some,
a fundamental-rights impact assessment (Art. 27). A use declared `minimal` whose facts say
otherwise hides those duties.

## Example
Failing:
```yaml
domain: [employment]
decision:
  affects_individuals: true
ai_act:
  category: minimal
```
Passing:
```yaml
domain: [employment]
decision:
  affects_individuals: true
ai_act:
  category: high
  annex_iii: 4a
```

## How to fix
Declare `ai_act.category: high` (with `ai_act.annex_iii`) and meet the deployer's duties. If the
system only performs a narrow procedural or preparatory task, or improves a completed human
activity, without profiling (Art. 6(3)), record the ground and why in `ai_act.exemption`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage, sauf s'il est `retired`, qui n'est pas déclaré `ai_act.category: high` et
n'invoque aucune dérogation de l'art. 6, par. 3, alors que ses faits le placent dans l'annexe
III du règlement sur l'IA, ou qu'il nomme lui-même un point de l'annexe III dans
`ai_act.annex_iii`. Les faits lus sont :
- `biometric_identification` dans `capabilities` : point 1 a), identification biométrique à
  distance ;
- `emotion_recognition` dans `capabilities` (hors travail et école) : 1 c), reconnaissance des
  émotions ;
- `domain: [education]` avec une décision sur des personnes, `scoring`, `profiling` ou
  `monitoring` : 3, éducation ;
- `domain: [employment]` avec les mêmes : 4, emploi ;
- `domain: [public_benefits]` avec une décision sur des personnes, par un organisme public ou
  une entité privée fournissant un service public : 5 a), prestations d'aide publique ;
- `domain: [credit]` avec une décision sur des personnes, `scoring` ou `profiling` : 5 b),
  solvabilité ;
- `domain: [insurance]` avec les mêmes et des données de santé (`data.special: [health]`) :
  5 c), assurance vie et santé ;
- `domain: [emergency]` avec une décision sur des personnes ou `scoring` : 5 d), appels
  d'urgence et triage.

Une décision sur des personnes est `decision.affects_individuals: true`. L'assurance autre que
vie et santé, et les domaines que le manifeste ne distingue pas (infrastructures critiques,
répression, migration, justice), ne sont signalés que si `ai_act.annex_iii` les nomme.

## Pourquoi c'est important
Charte privée P8 et charte publique S9 : connaître les risques avant d'utiliser un outil. Les
systèmes de l'annexe III sont à haut risque (art. 6, par. 2) et leurs déployeurs ont des
obligations à partir du 2 août 2026 : contrôle humain, journaux, information des travailleurs et
des personnes concernées (art. 26) et, pour certains, analyse d'impact sur les droits
fondamentaux (art. 27). Un usage déclaré `minimal` que ses faits contredisent masque ces
obligations.

## Exemple
En échec :
```yaml
domain: [employment]
decision:
  affects_individuals: true
ai_act:
  category: minimal
```
Conforme :
```yaml
domain: [employment]
decision:
  affects_individuals: true
ai_act:
  category: high
  annex_iii: 4a
```

## Comment corriger
Déclarer `ai_act.category: high` (avec `ai_act.annex_iii`) et remplir les obligations du
déployeur. Si le système n'exécute qu'une tâche procédurale étroite ou préparatoire, ou améliore
le résultat d'une activité humaine achevée, sans profilage (art. 6, par. 3), consigner le motif
et sa justification dans `ai_act.exemption`.
""",
    },
    references=(
        "Charte P8 / S9",
        "Règlement (UE) 2024/1689 (AI Act), art. 6 et annexe III",
    ),
    check=_check_high_risk_undeclared,
)


def _check_exemption_profiling(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    for pointer, use in ctx.uses():
        if use.get("status") == "retired":
            continue
        if exemption_claimed(use) and "profiling" in _strings(use.get("capabilities")):
            yield ctx.finding(f"{pointer}/ai_act/exemption", use_id=use_id(use))


EXEMPTION_WITH_PROFILING = Rule(
    code="VIG004",
    name="exemption-with-profiling",
    principle="vigilance",
    charters={"private": "P8", "public": "S9"},
    severity="error",
    summary={
        "en": "The Art. 6(3) exemption is not claimed for a system that profiles people.",
        "fr": "La dérogation de l'art. 6, par. 3 n'est pas invoquée pour un système qui profile "
        "des personnes.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` claims an Art. 6(3) exemption (`ai_act.exemption`) but "
            "profiles people (`capabilities: profiling`): an Annex III system that profiles "
            "natural persons is always high-risk",
            "fr": "l'usage `{use_id}` invoque une dérogation de l'art. 6, par. 3 "
            "(`ai_act.exemption`) mais profile des personnes (`capabilities: profiling`) : un "
            "système de l'annexe III qui profile des personnes physiques est toujours à haut "
            "risque",
        }
    },
    docs={
        "en": """\
## What it does
Flags a use, unless `retired`, that declares `ai_act.exemption` while `capabilities` includes
`profiling`.

## Why it matters
Private charter P8 and public charter S9. Article 6(3) of the AI Act lets an Annex III system
escape the high-risk regime when it poses no significant risk (narrow procedural task,
improvement of a completed human activity, detection of decision patterns, preparatory task),
but its last subparagraph says that a system that profiles natural persons is always
high-risk. The exemption is then void, and so is every duty it was meant to lift.

## Example
Failing:
```yaml
capabilities: [profiling]
ai_act:
  category: limited
  exemption:
    ground: d
    justification: Only ranks applications before a recruiter reads them.
```
Passing:
```yaml
capabilities: [profiling]
ai_act:
  category: high
  annex_iii: 4a
```

## How to fix
Remove the exemption and declare the use `ai_act.category: high`, or stop profiling (no
evaluation of personal aspects such as performance, reliability or behaviour).
""",
        "fr": """\
## Ce que fait la règle
Signale un usage, sauf s'il est `retired`, qui déclare `ai_act.exemption` alors que
`capabilities` comprend `profiling`.

## Pourquoi c'est important
Charte privée P8 et charte publique S9. L'article 6, paragraphe 3, du règlement sur l'IA permet
à un système de l'annexe III d'échapper au régime du haut risque s'il ne présente pas de risque
important (tâche procédurale étroite, amélioration d'une activité humaine achevée, détection de
schémas décisionnels, tâche préparatoire), mais son dernier alinéa précise qu'un système qui
effectue un profilage de personnes physiques est toujours à haut risque. La dérogation est
alors sans effet, comme toutes les obligations qu'elle devait écarter.

## Exemple
En échec :
```yaml
capabilities: [profiling]
ai_act:
  category: limited
  exemption:
    ground: d
    justification: Classe seulement les candidatures avant lecture par un recruteur.
```
Conforme :
```yaml
capabilities: [profiling]
ai_act:
  category: high
  annex_iii: 4a
```

## Comment corriger
Retirer la dérogation et déclarer l'usage `ai_act.category: high`, ou cesser le profilage
(aucune évaluation d'aspects personnels comme le rendement, la fiabilité ou le comportement).
""",
    },
    references=("Charte P8 / S9", "Règlement (UE) 2024/1689 (AI Act), art. 6, par. 3"),
    check=_check_exemption_profiling,
)


def _check_fria(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    public = sector(manifest) in _PUBLIC_SECTORS
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES:
            continue
        points = high_risk_points(use, manifest, ctx.shared)
        if not points or any(point.startswith("2") for point in points):
            continue
        scoring = any(point in ("5(b)", "5(c)") for point in points)
        if not (public or scoring) or get(use, "assessments.fria.status") == "done":
            continue
        yield ctx.finding(
            missing_pointer(pointer, use, "assessments.fria.status"),
            "public" if public else "scoring",
            use_id=use_id(use),
            status=status,
            points=describe_points(points, ctx.lang),
        )


FRIA_MISSING = Rule(
    code="VIG005",
    name="fria-missing",
    principle="vigilance",
    charters={"private": "P8", "public": "S9"},
    severity="error",
    summary={
        "en": "A high-risk use that needs a fundamental-rights impact assessment has one.",
        "fr": "Un usage à haut risque soumis à l'analyse d'impact sur les droits fondamentaux "
        "l'a faite.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) is high-risk (Annex III, point {points}) "
            "and has no completed fundamental-rights impact assessment "
            "(`assessments.fria.status: done`): carry it out before deployment (AI Act Art. 27)",
            "fr": "l'usage `{use_id}` (`status: {status}`) est à haut risque (annexe III, point "
            "{points}) et n'a pas d'analyse d'impact sur les droits fondamentaux achevée "
            "(`assessments.fria.status: done`) : la mener avant le déploiement (art. 27 du "
            "règlement sur l'IA)",
        },
        "public": {
            "en": "use `{use_id}` (`status: {status}`) is high-risk (Annex III, point {points}) "
            "and deployed by a public body or public service, without a completed "
            "fundamental-rights impact assessment (`assessments.fria.status: done`): carry it "
            "out before deployment (AI Act Art. 27)",
            "fr": "l'usage `{use_id}` (`status: {status}`) est à haut risque (annexe III, point "
            "{points}) et déployé par un organisme public ou chargé d'un service public, sans "
            "analyse d'impact sur les droits fondamentaux achevée "
            "(`assessments.fria.status: done`) : la mener avant le déploiement (art. 27 du "
            "règlement sur l'IA)",
        },
        "scoring": {
            "en": "use `{use_id}` (`status: {status}`) scores people for credit or life and "
            "health insurance (Annex III, point {points}) without a completed "
            "fundamental-rights impact assessment (`assessments.fria.status: done`): carry it "
            "out before deployment (AI Act Art. 27)",
            "fr": "l'usage `{use_id}` (`status: {status}`) évalue des personnes pour le crédit "
            "ou l'assurance vie et santé (annexe III, point {points}) sans analyse d'impact sur "
            "les droits fondamentaux achevée (`assessments.fria.status: done`) : la mener avant "
            "le déploiement (art. 27 du règlement sur l'IA)",
        },
    },
    docs={
        "en": """\
## What it does
Flags a use in `pilot` or `production` that is high-risk under Annex III of the AI Act (declared
`ai_act.category: high` with an Annex III point, or placed there by its facts as in `VIG003`,
without a valid Art. 6(3) exemption), and that has no `assessments.fria` with `status: done`,
when the deployer is a public body or a private body providing a public service
(`organisation.sector`; under the public charter the default is a public body), or when the
use is credit scoring or life and health insurance pricing (points 5(b), 5(c)). Critical
infrastructure (point 2) is left out, as in the regulation.

## Why it matters
Private charter P8 and public charter S9: assess the risks and the real impact before deploying.
Article 27 requires these deployers to assess, before first use, the processes in which the
system is used, how often, the people and groups affected, the specific risks of harm to them,
the human oversight, and what is done if the risks materialise, and to notify the market
surveillance authority of the results.

## Example
Failing:
```yaml
status: pilot
domain: [public_benefits]
decision:
  affects_individuals: true
ai_act:
  category: high
  annex_iii: 5a
```
Passing:
```yaml
status: pilot
domain: [public_benefits]
decision:
  affects_individuals: true
ai_act:
  category: high
  annex_iii: 5a
assessments:
  fria:
    status: done
    ref: AIDF-2026-02
    date: 2026-05-12
```

## How to fix
Carry out the fundamental-rights impact assessment (it may complete the DPIA, Art. 27(4)) with
the service, the DPO and the people's representatives, then record `status: done`, its reference
and date in `assessments.fria`.
""",
        "fr": """\
## Ce que fait la règle
Signale un usage en `pilot` ou en `production` à haut risque au sens de l'annexe III du règlement
sur l'IA (déclaré `ai_act.category: high` avec un point de l'annexe III, ou placé là par ses faits
comme dans `VIG003`, sans dérogation valable de l'art. 6, par. 3), sans `assessments.fria` en
`status: done`, lorsque le déployeur est un organisme de droit public ou une entité privée
fournissant un service public (`organisation.sector` ; avec la charte publique, un organisme
public par défaut), ou lorsque l'usage évalue la solvabilité ou tarife une assurance vie ou
santé (points 5 b et 5 c). Les infrastructures critiques (point 2) sont exclues, comme dans le
règlement.

## Pourquoi c'est important
Charte privée P8 et charte publique S9 : évaluer les risques et l'impact réel avant de déployer.
L'article 27 impose à ces déployeurs d'évaluer, avant la première utilisation, les processus où
le système sert, sa fréquence d'utilisation, les personnes et groupes touchés, les risques de
préjudice qui leur sont propres, le contrôle humain et les mesures prévues si les risques se
réalisent, et d'en notifier les résultats à l'autorité de surveillance du marché.

## Exemple
En échec :
```yaml
status: pilot
domain: [public_benefits]
decision:
  affects_individuals: true
ai_act:
  category: high
  annex_iii: 5a
```
Conforme :
```yaml
status: pilot
domain: [public_benefits]
decision:
  affects_individuals: true
ai_act:
  category: high
  annex_iii: 5a
assessments:
  fria:
    status: done
    ref: AIDF-2026-02
    date: 2026-05-12
```

## Comment corriger
Mener l'analyse d'impact sur les droits fondamentaux (elle peut compléter l'AIPD, art. 27,
par. 4) avec le service, le DPO et des représentants des personnes concernées, puis consigner
`status: done`, sa référence et sa date dans `assessments.fria`.
""",
    },
    references=("Charte P8 / S9", "Règlement (UE) 2024/1689 (AI Act), art. 27"),
    check=_check_fria,
)


def _check_registration(manifest: Mapping[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    if sector(manifest) != "public_body":
        return
    for pointer, use in ctx.uses():
        status = use.get("status")
        if status not in LIVE_STATUSES:
            continue
        points = high_risk_points(use, manifest, ctx.shared)
        if not points or any(point.startswith("2") for point in points):
            continue
        yield from if_missing(ctx, pointer, use, "ai_act.registration", status=status)


REGISTRATION_MISSING = Rule(
    code="VIG006",
    name="eu-registration-missing",
    principle="vigilance",
    charters={"private": "P8", "public": "S9"},
    severity="error",
    summary={
        "en": "A public body registers its high-risk uses in the EU database before using them.",
        "fr": "Un organisme public enregistre ses usages à haut risque dans la base de données de "
        "l'UE avant de les utiliser.",
    },
    messages={
        "default": {
            "en": "use `{use_id}` (`status: {status}`) is a high-risk system used by a public "
            "body and has no `ai_act.registration`: register its use in the EU database before "
            "using it (AI Act Art. 26(8) and 49(3))",
            "fr": "l'usage `{use_id}` (`status: {status}`) est un système à haut risque utilisé "
            "par un organisme public et n'a pas d'`ai_act.registration` : enregistrer son "
            "utilisation dans la base de données de l'UE avant de s'en servir (art. 26, par. 8 "
            "et 49, par. 3 du règlement sur l'IA)",
        }
    },
    docs={
        "en": """\
## What it does
When `organisation.sector` is `public_body` (the default under the public charter), flags a use
in `pilot` or `production` that is high-risk under Annex III (as in `VIG005`, point 2 left out)
and gives no `ai_act.registration`.

## Why it matters
Private charter P8 and public charter S9. Deployers that are public authorities register
themselves and their use of a high-risk system in the EU database before using it
(Art. 49(3)), and must not use a system that its provider has not registered (Art. 26(8)).
The registration is also what lets residents find out which high-risk systems their
administration uses.

## Example
Failing:
```yaml
status: production
ai_act:
  category: high
  annex_iii: 5a
```
Passing:
```yaml
status: production
ai_act:
  category: high
  annex_iii: 5a
  registration: EU-DB-2026-000123
```

## How to fix
Check that the provider has registered the system, register the organisation's use of it in
the EU database, and give the registration's identifier in `ai_act.registration`.
""",
        "fr": """\
## Ce que fait la règle
Lorsque `organisation.sector` vaut `public_body` (par défaut avec la charte publique), signale
un usage en `pilot` ou en `production` à haut risque au sens de l'annexe III (comme dans
`VIG005`, point 2 exclu) qui ne donne pas d'`ai_act.registration`.

## Pourquoi c'est important
Charte privée P8 et charte publique S9. Les déployeurs qui sont des autorités publiques
s'enregistrent, avec l'utilisation qu'ils font d'un système à haut risque, dans la base de
données de l'UE avant de l'utiliser (art. 49, par. 3), et ne doivent pas utiliser un système
que son fournisseur n'a pas enregistré (art. 26, par. 8). L'enregistrement permet aussi aux
habitants de savoir quels systèmes à haut risque leur administration utilise.

## Exemple
En échec :
```yaml
status: production
ai_act:
  category: high
  annex_iii: 5a
```
Conforme :
```yaml
status: production
ai_act:
  category: high
  annex_iii: 5a
  registration: EU-DB-2026-000123
```

## Comment corriger
Vérifier que le fournisseur a enregistré le système, enregistrer l'utilisation qu'en fait
l'organisation dans la base de données de l'UE et en donner l'identifiant dans
`ai_act.registration`.
""",
    },
    references=(
        "Charte P8 / S9",
        "Règlement (UE) 2024/1689 (AI Act), art. 26, par. 8, et 49, par. 3",
    ),
    check=_check_registration,
)


RULES = [
    PRE_PROJECT_ASSESSMENT_MISSING,
    PROHIBITED_PRACTICE,
    HIGH_RISK_NOT_DECLARED,
    EXEMPTION_WITH_PROFILING,
    FRIA_MISSING,
    REGISTRATION_MISSING,
]
