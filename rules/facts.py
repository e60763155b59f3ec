"""Facts several built-in rules need, derived once from the declared facts; not public API.

Rules see the manifest as plain data that may have failed the schema, so every helper here
accepts any value and never raises.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from charte_lint.api import IN_SERVICE, get, parse_date

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.api import Finding, RuleContext

SENSITIVE_CLASSIFICATIONS = ("confidential", "secret")
_SCALARS = frozenset((bool, int, float, _dt.date, _dt.datetime))
IN_USE = IN_SERVICE
"""The statuses a duty about a use that runs is checked in: a pilot runs on real cases."""
BEFORE_USE = ("design", "pilot", "production")
"""The statuses a duty that binds BEFORE the use starts is checked in (the status policy: a
design is told now, at the charter's severity, "legal duty before the use starts")."""
"""The statuses in which a use reaches people, and most obligations apply."""


def use_id(use: Mapping[str, Any]) -> str:
    """The use's `id` for messages, or `?` when it has none."""
    value = use.get("id")
    return str(value) if value is not None and value != "" else "?"


def as_list(value: Any) -> list[Any]:
    """`value` when it is a list, else an empty list (a string is not a list of strings)."""
    return value if type(value) is list or isinstance(value, list) else []


def is_blank(value: Any) -> bool:
    """True for a missing value: None, a blank string, an empty list or mapping."""
    if value is None:
        return True
    kind = type(value)
    if kind is str or kind is list or kind is dict:  # exact types first: the ABC is slow
        return not (value.strip() if kind is str else value)
    if isinstance(value, str):
        return not value.strip()
    if kind in _SCALARS:
        return False
    if isinstance(value, (list, Mapping)):
        return not value
    return False


def missing_pointer(pointer: str, use: Mapping[str, Any], path: str) -> str:
    """Where to report that `path` (e.g. `data.legal_basis`) is missing from the use at `pointer`.

    The value's own pointer when the key is there but blank; otherwise the deepest mapping on
    the way that exists (or the value of the wrong type that stopped the walk): a missing
    `data.legal_basis` is reported at `/uses/N/data`, a missing `interaction` at `/uses/N`.
    """
    node: Any = use
    for part in path.split("."):
        if (type(node) is not dict and not isinstance(node, Mapping)) or part not in node:
            return pointer
        node = node[part]
        pointer = f"{pointer}/{part}"
    return pointer


def sends_sensitive_data(use: Mapping[str, Any]) -> bool:
    """Personal data, special-category data, or data classified confidential or secret."""
    data = use.get("data")
    if not isinstance(data, Mapping):
        return False
    return (
        data.get("personal") is True
        or bool(as_list(data.get("special")))
        or data.get("classification") in SENSITIVE_CLASSIFICATIONS
    )


def is_administration(manifest: Mapping[str, Any]) -> bool:
    """A public body, or a private body running a public service; by default, from `charter`."""
    sector = get(manifest, "organisation.sector")
    if sector in ("public_body", "private_public_service"):
        return True
    return sector is None and manifest.get("charter") == "public"


def is_public_body(manifest: Mapping[str, Any]) -> bool:
    """`organisation.sector: public_body`, or no sector under the public charter."""
    sector = get(manifest, "organisation.sector")
    if sector is not None:
        return sector == "public_body"
    return manifest.get("charter") == "public"


def processes_personal_data(use: Mapping[str, Any]) -> bool:
    """`data.personal: true`, or special-category data declared (they are personal data)."""
    data = use.get("data")
    if not isinstance(data, Mapping):
        return False
    return data.get("personal") is True or bool(as_list(data.get("special")))


def strings(value: Any) -> list[str]:
    """The strings of a list (other items left out); empty when `value` is not a list."""
    if type(value) is not list and not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str)]


def if_missing(
    ctx: RuleContext,
    pointer: str,
    use: Mapping[str, Any],
    path: str,
    message: str = "default",
    **params: Any,
) -> list[Finding]:
    """A finding where `path` (e.g. `inclusion.bias_testing`) is missing from the use at
    `pointer`, or nothing when it is declared: the most common shape of a rule's check."""
    if not is_blank(get(use, path)):
        return []
    where = missing_pointer(pointer, use, path)
    return [ctx.finding(where, message, use_id=use_id(use), **params)]


# The AI Act: prohibited practices, Annex III, the Art. 6(3) exemption -----------------------
#
# Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744 (consolidated text
# CELEX 02024R1689-20260727). Each helper names the provision it reads; the rules' content files
# quote it. The facts come first (settings, data.subjects, data.modalities, decision.purpose,
# decision.subjects_are); a `domain` label is read only where those facts are not declared, and
# the rules say so in their messages (`AnnexPoint.inferred`).

_SECTORS = ("private", "public_body", "private_public_service")
PUBLIC_SECTORS = ("public_body", "private_public_service")
_VULNERABLE = ("minors", "vulnerable")
_AT_WORK = ("staff", "candidates")
_ABOUT_PEOPLE = ("scoring", "profiling", "monitoring")
_POINT_RE = re.compile(r"^\s*([1-8])\s*(?:\(?\s*([a-h])\s*\)?)?\s*$", re.IGNORECASE)
BIOMETRIC_MODALITIES = ("image", "video", "audio", "biometric")
"""Input from which biometric data (Art. 3(34): "physical, physiological or behavioural
characteristics of a natural person, such as facial images") can come."""
BIOMETRIC_CAPABILITIES = (
    "biometric_identification",
    "biometric_categorisation",
    "emotion_recognition",
)
SENSITIVE_INFERENCES = ("ethnic_origin", "political", "union", "religious", "sex_life")
"""The `data.special` categories Art. 5(1)(g) forbids a biometric categorisation system to infer:
"race, political opinions, trade union membership, religious or philosophical beliefs, sex life
or sexual orientation" (GDPR Art. 9(1) names race with ethnic origin, and sex life with sexual
orientation, as one category each)."""
_PROHIBITED_PRACTICE = ("VIG002", "prohibited-practice")
_PUBLIC_ASSISTANCE = ("public_benefits", "housing", "health")


def sector(manifest: Mapping[str, Any]) -> str:
    """`organisation.sector`, or its default from the charter version."""
    value = get(manifest, "organisation.sector")
    if value in _SECTORS:
        return str(value)
    return "public_body" if manifest.get("charter") == "public" else "private"


def biometric_input(use: Mapping[str, Any]) -> bool:
    """Whether the use may process biometric data (AI Act Art. 3(34)), as emotion recognition
    (Art. 3(39)), biometric categorisation (Art. 3(40)) and identification (Art. 3(35)) need:
    `data.modalities` holds `image`, `video`, `audio` or `biometric`, or `data.special` holds
    `biometric`. Where `data.modalities` is not declared, a biometric capability is taken at its
    word; declared without any of those (text, tabular data), it is not biometric: inferring a
    mood from text is sentiment analysis, not emotion recognition."""
    if "biometric" in strings(get(use, "data.special")):
        return True
    modalities = strings(get(use, "data.modalities"))
    if not modalities:
        return True
    return any(modality in BIOMETRIC_MODALITIES for modality in modalities)


def natural_persons(use: Mapping[str, Any]) -> bool:
    """Whether the use's decisions are about natural persons (`decision.subjects_are` is not
    `legal_persons`; the format's default is `natural_persons`)."""
    return get(use, "decision.subjects_are") != "legal_persons"


def decision_purpose(use: Mapping[str, Any]) -> str | None:
    """`decision.purpose`, or None where it is not declared."""
    purpose = get(use, "decision.purpose")
    return purpose if isinstance(purpose, str) and purpose.strip() else None


def decides_about_people(use: Mapping[str, Any]) -> bool:
    """Whether the use makes or assists decisions related to natural persons (AI Act
    Art. 26(11)): `decision.affects_individuals: true`, or a declared `decision.purpose` or
    `decision.stage`, unless `decision.subjects_are: legal_persons`."""
    if not natural_persons(use):
        return False
    return (
        get(use, "decision.affects_individuals") is True
        or decision_purpose(use) is not None
        or isinstance(get(use, "decision.stage"), str)
    )


class Area:
    """An area of AI Act Art. 5(1)(f) ("the areas of workplace and education institutions")
    the use's facts place it in: `area` is `workplace` or `education`; `fact` the declared fact
    as messages quote it (`settings: [workplace]`, `data.subjects: [staff]`), or None when it is
    inferred from `domain` (then `domain` names the label)."""

    __slots__ = ("area", "domain", "fact")

    def __init__(self, area: str, fact: str | None = None, domain: str | None = None) -> None:
        self.area = area
        self.fact = fact
        self.domain = domain


def restricted_areas(use: Mapping[str, Any]) -> list[Area]:
    """The Art. 5(1)(f) areas the use observes people in, declared facts first.

    The workplace: `settings: [workplace]`, or `staff` or `candidates` in `data.subjects` (the
    format's rule: a system that reads the staff's data works at their workplace). Education
    institutions: `settings: [education]`. Where `settings` is not declared, `domain:
    [education]` stands for education, and `domain: [employment]` for the workplace when
    `data.subjects` is not declared either."""
    settings = strings(use.get("settings"))
    subjects = strings(get(use, "data.subjects"))
    domains = strings(use.get("domain"))
    found = []
    at_work = [subject for subject in subjects if subject in _AT_WORK]
    if "workplace" in settings:
        found.append(Area("workplace", "settings: [workplace]"))
    elif at_work:
        found.append(Area("workplace", f"data.subjects: [{', '.join(at_work)}]"))
    if "education" in settings:
        found.append(Area("education", "settings: [education]"))
    if not settings:
        if not found and not subjects and "employment" in domains:
            found.append(Area("workplace", domain="employment"))
        if "education" in domains:
            found.append(Area("education", domain="education"))
    return found


def _names_prohibited_practice(rule: Any) -> bool:
    return isinstance(rule, str) and (
        rule.strip().upper() == _PROHIBITED_PRACTICE[0] or rule.strip() == _PROHIBITED_PRACTICE[1]
    )


def medical_or_safety_waiver(
    use: Mapping[str, Any], manifest: Mapping[str, Any], today: _dt.date
) -> bool:
    """Whether a waiver of `VIG002` (or `prohibited-practice`) covers the use at `today`: the
    manifest's declared fact that its emotion recognition at work or at school is "intended to be
    put in place or into the market for medical or safety reasons" (AI Act Art. 5(1)(f)). A
    waiver counts as the engine applies it: every field given, `use` the use's id or `*`, and
    `until` not past."""
    wanted = use.get("id")
    for waiver in as_list(manifest.get("waivers")):
        if not isinstance(waiver, Mapping) or not _names_prohibited_practice(waiver.get("rule")):
            continue
        if any(is_blank(waiver.get(key)) for key in ("reason", "approved_by")):
            continue
        if waiver.get("use") not in ("*", wanted):
            continue
        until = parse_date(waiver.get("until"))
        if until is not None and until >= today:
            return True
    return False


class Ground:
    """A prohibited practice of AI Act Art. 5(1) the use's facts show: the message id of VIG002,
    the pointer below the use, the message's parameters, and `excepted` when the practice is
    declared to fall under the Regulation's own exception (emotion recognition for medical or
    safety reasons, Art. 5(1)(f))."""

    __slots__ = ("excepted", "message", "params", "where")

    def __init__(
        self, message: str, where: str, params: dict[str, Any] | None = None, excepted: bool = False
    ) -> None:
        self.message = message
        self.where = where
        self.params = params or {}
        self.excepted = excepted


def prohibited_grounds(
    use: Mapping[str, Any],
    manifest: Mapping[str, Any] | None = None,
    today: _dt.date | None = None,
) -> list[Ground]:
    """Each AI Act Art. 5(1) practice the use's facts show.

    - `ai_act.category: prohibited`;
    - (b) `behaviour_manipulation` of `minors` or `vulnerable` people (`data.subjects`);
    - (c) `social_scoring`;
    - (f) `emotion_recognition` on biometric input in the workplace or in education
      institutions (`restricted_areas`); excepted while a waiver of VIG002 declares the medical
      or safety reason (`medical_or_safety_waiver`);
    - (g) `biometric_categorisation` on biometric input with a category of
      `SENSITIVE_INFERENCES` in `data.special`: the format has no key for what a system infers,
      and the special-category data a categorisation system yields are its output, which the
      manifest declares in `data.special`. Out of the prohibition: "categorizing of biometric
      data in the area of law enforcement" (`domain: [law_enforcement]`).
    """
    grounds = []
    if get(use, "ai_act.category") == "prohibited":
        grounds.append(Ground("declared", "/ai_act/category"))
    capabilities = as_list(use.get("capabilities"))
    if not capabilities:
        return grounds
    subjects = strings(get(use, "data.subjects"))
    biometric = None  # asked only of a biometric capability

    def on_biometric_input() -> bool:
        nonlocal biometric
        if biometric is None:
            biometric = biometric_input(use)
        return biometric

    for index, capability in enumerate(capabilities):
        where = f"/capabilities/{index}"
        if capability == "emotion_recognition" and on_biometric_input():
            areas = restricted_areas(use)
            if areas:
                area = areas[0]
                excepted = (
                    manifest is not None
                    and today is not None
                    and medical_or_safety_waiver(use, manifest, today)
                )
                params: dict[str, Any] = {"area": area.area}
                if area.fact is not None:
                    params["fact"] = area.fact
                    grounds.append(Ground("emotion_recognition", where, params, excepted))
                else:
                    params["domain"] = area.domain
                    grounds.append(Ground("emotion_recognition_inferred", where, params, excepted))
        elif capability == "biometric_categorisation" and on_biometric_input():
            inferred = [c for c in strings(get(use, "data.special")) if c in SENSITIVE_INFERENCES]
            if inferred and "law_enforcement" not in strings(use.get("domain")):
                categories = ", ".join(inferred)
                grounds.append(
                    Ground("biometric_categorisation", where, {"categories": categories})
                )
        elif capability == "social_scoring":
            grounds.append(Ground("social_scoring", where))
        elif capability == "behaviour_manipulation" and any(s in subjects for s in _VULNERABLE):
            grounds.append(Ground("exploits_vulnerability", where))
    return grounds


class AnnexPoint:
    """A point of AI Act Annex III the use's facts place it in (`4(b)`, `5(b)`...). `inferred`
    names the facts to declare when a `domain` label decided it because they were not declared:
    `purpose` (`decision.purpose`), `settings`, or `facts` (`decision.purpose`, `data.subjects`
    and `settings`); None when declared facts decided it."""

    __slots__ = ("inferred", "point")

    def __init__(self, point: str, inferred: str | None = None) -> None:
        self.point = point
        self.inferred = inferred

    def __repr__(self) -> str:
        return f"AnnexPoint({self.point!r}, inferred={self.inferred!r})"


def annex_iii_points(use: Mapping[str, Any], manifest: Mapping[str, Any]) -> list[AnnexPoint]:
    """The AI Act Annex III points the use's declared facts place it in.

    1(a) `biometric_identification` (one-to-one `biometric_verification` is excluded: "AI
    systems intended to be used for biometric verification the sole purpose of which is to
    confirm that a specific natural person is the person he or she claims to be"); 1(b)
    `biometric_categorisation`; 1(c) `emotion_recognition`: each on biometric input only.
    3 education: `decision.purpose: admission` (3(a)), or `settings: [education]` with a
    decision about people, `scoring`, `profiling` or `monitoring`; `domain: [education]` stands
    in where `settings` is not declared.
    4 employment: 4(a) `decision.purpose: recruitment`, or `candidates` in `data.subjects` who
    are scored, profiled or decided about; 4(b) `decision.purpose: work_management`, or staff
    (`data.subjects`) or the workplace (`settings`) with `scoring`, `profiling` or `monitoring`,
    or, with no declared purpose, a decision about people who are all staff. `domain:
    [employment]` stands in only where none of `decision.purpose`, `data.subjects` and
    `settings` is declared.
    5(a) a public body or a body acting on its behalf (`organisation.sector`) deciding
    `eligibility` for public assistance (`domain` `public_benefits`, `housing` or `health`, or
    no domain), or `enforcement` (reduce, revoke, reclaim) of public benefits.
    5(b) `domain: [credit]` with `decision.purpose` `eligibility` or `pricing` (not
    `fraud_detection`: "with the exception of AI systems used for the purpose of detecting
    financial fraud"), about natural persons (`decision.subjects_are`).
    5(c) `domain: [insurance]` with `health` in `domain` or `data.special` (the format has no
    life-or-health flag), `decision.purpose` `pricing` or `eligibility` (risk assessment and
    pricing; not claims handling), about natural persons.
    For 5(a) to 5(c), a decision about people, `scoring` or `profiling` stands in for the
    purpose where `decision.purpose` is not declared (inferred).
    5(d) `domain: [emergency]` with a decision about people or `scoring`.
    """
    capabilities = strings(use.get("capabilities"))
    domains = strings(use.get("domain"))
    subjects = strings(get(use, "data.subjects"))
    settings = strings(use.get("settings"))
    purpose = decision_purpose(use)
    natural = natural_persons(use)
    about_people = get(use, "decision.affects_individuals") is True and natural
    evaluates = natural and any(c in capabilities for c in ("scoring", "profiling"))
    watches = "monitoring" in capabilities
    judges = about_people or evaluates or watches
    points: list[AnnexPoint] = []

    def add(point: str, inferred: str | None = None) -> None:
        if all(found.point != point for found in points):
            points.append(AnnexPoint(point, inferred))

    biometric = [c in capabilities for c in BIOMETRIC_CAPABILITIES]
    if any(biometric) and biometric_input(use):
        for declared, point in zip(biometric, ("1(a)", "1(b)", "1(c)"), strict=True):
            if declared:
                add(point)
    # 3: education and vocational training
    if purpose == "admission" and natural:
        add("3(a)")
    elif "education" in settings and judges:
        add("3")
    elif not settings and "education" in domains and judges:
        add("3", inferred="settings")
    # 4: employment, workers' management and access to self-employment
    recruits = natural and purpose == "recruitment"
    if recruits or ("candidates" in subjects and (about_people or evaluates)):
        add("4(a)")
    workers_only = bool(subjects) and all(subject == "staff" for subject in subjects)
    if (
        (natural and purpose == "work_management")
        or (("staff" in subjects or "workplace" in settings) and (evaluates or watches))
        or (workers_only and about_people and purpose is None)
    ):
        add("4(b)")
    undeclared = purpose is None and not subjects and not settings
    if undeclared and "employment" in domains and judges:
        add("4", inferred="facts")
    # 5: essential private services and essential public services and benefits
    if natural and sector(manifest) in PUBLIC_SECTORS:
        assistance = not domains or any(d in domains for d in _PUBLIC_ASSISTANCE)
        reclaims = purpose == "enforcement" and "public_benefits" in domains
        if (purpose == "eligibility" and assistance) or reclaims:
            add("5(a)")
        elif purpose is None and "public_benefits" in domains and about_people:
            add("5(a)", inferred="purpose")
    scores = about_people or evaluates
    if "credit" in domains and natural:
        if purpose in ("eligibility", "pricing"):
            add("5(b)")
        elif purpose is None and scores:
            add("5(b)", inferred="purpose")
    life_or_health = "health" in domains or "health" in strings(get(use, "data.special"))
    if "insurance" in domains and natural and life_or_health:
        if purpose in ("eligibility", "pricing"):
            add("5(c)")
        elif purpose is None and scores:
            add("5(c)", inferred="purpose")
    if "emergency" in domains and (about_people or "scoring" in capabilities):
        add("5(d)")
    return points


def annex_iii_by_facts(use: Mapping[str, Any], manifest: Mapping[str, Any]) -> list[str]:
    """The AI Act Annex III points the use's declared facts place it in, e.g. `["4(a)", "5(b)"]`."""
    return [found.point for found in annex_iii_points(use, manifest)]


def declared_point(use: Mapping[str, Any]) -> str | None:
    """`ai_act.annex_iii` written as `4(a)`, or None when it is not a point of Annex III. The
    format accepts `5` (an integer), `"5"`, `"5b"` and `"5(b)"` alike."""
    value = get(use, "ai_act.annex_iii")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _POINT_RE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    number, letter = match.groups()
    return f"{number}({letter.lower()})" if letter else number


def exemption_claimed(use: Mapping[str, Any]) -> bool:
    return not is_blank(get(use, "ai_act.exemption"))


def exemption_blockers(use: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(message id of VIG004, the fact's pointer below the use) for each declared fact that
    rules out the Art. 6(3) exemption.

    The last subparagraph of Art. 6(3): "an AI system referred to in Annex III shall always be
    considered to be high-risk where the AI system performs profiling of natural persons";
    `profiling`, and `scoring` of natural persons, which GDPR Art. 4(4) makes profiling ("to
    evaluate certain personal aspects ... performance at work, economic situation, health,
    personal preferences, interests, reliability, behaviour"). Its first subparagraph: the
    exemption holds only "by not materially influencing the outcome of decision making"; a system
    whose output is the outcome (`decision.stage: final`) or that settles cases alone
    (`decision.automation: partial` or `full`) is not a "preparatory task"."""
    blockers = []
    capabilities = as_list(use.get("capabilities"))
    natural = natural_persons(use)
    for index, capability in enumerate(capabilities):
        if capability == "profiling":
            blockers.append(("default", f"/capabilities/{index}"))
        elif capability == "scoring" and natural:
            blockers.append(("scoring", f"/capabilities/{index}"))
    if get(use, "decision.stage") == "final":
        blockers.append(("final", "/decision/stage"))
    if get(use, "decision.automation") in ("partial", "full"):
        blockers.append(("automation", "/decision/automation"))
    return blockers


def is_ai_system(use: Mapping[str, Any]) -> bool:
    """False for a use declared `algorithm.type: rules`: a system that only executes rules
    defined by people does not infer how to generate its outputs, so it is not an "AI system"
    (AI Act art. 3(1), recital 12) and the AI Act does not reach it; French law on algorithmic
    processing (CRPA) and the GDPR still do."""
    if type(use) is not dict:
        return get(use, "algorithm.type") != "rules"
    algorithm = use.get("algorithm")  # asked of every use by many rules: `get` inlined
    if type(algorithm) is not dict and not isinstance(algorithm, Mapping):
        return True
    return algorithm.get("type") != "rules"


def high_risk_points(
    use: Mapping[str, Any],
    manifest: Mapping[str, Any],
    memo: dict[Any, Any] | None,
    today: _dt.date,
) -> list[str] | None:
    """The Annex III points that make the use high-risk (empty when it is only declared `high`),
    or None when it is not high-risk: no Annex III fact, a valid Art. 6(3) exemption, or a
    prohibited practice (which no duty makes lawful; emotion recognition at work or at school
    waived for medical or safety reasons is still high-risk, Annex III 1(c)). Several rules ask
    this of each use: pass `ctx.shared` as `memo` to answer once per use and run, and
    `ctx.today` as `today` (the date at which a waiver is valid)."""
    if memo is None:
        return _high_risk_points(use, manifest, today)
    key = ("high_risk_points", id(use), today)
    if key not in memo:
        memo[key] = _high_risk_points(use, manifest, today)
    points = memo[key]
    return None if points is None else list(points)


def _high_risk_points(
    use: Mapping[str, Any], manifest: Mapping[str, Any], today: _dt.date
) -> list[str] | None:
    if not is_ai_system(use):
        return None
    if any(not ground.excepted for ground in prohibited_grounds(use, manifest, today)):
        return None
    points = annex_iii_by_facts(use, manifest)
    declared = declared_point(use)
    if declared and declared not in points:
        generic = [point for point in points if point == declared[0]]
        if generic and len(declared) > 1:
            points[points.index(declared[0])] = declared  # `4` by facts, `4(b)` declared
        elif not any(point[0] == declared[0] for point in points):
            points.append(declared)
    if get(use, "ai_act.category") == "high":
        return points
    if not points:
        return None
    if exemption_claimed(use) and not exemption_blockers(use):
        return None
    return points


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


# Statuses and French law --------------------------------------------------------------------

_AT_WORK_SUBJECTS = ("staff", "candidates")
_AT_WORK_PURPOSES = ("work_management", "recruitment")
_JOB_IMPACTS = ("role_change", "headcount_reduction")
_STAFF_USERS = ("staff", "agents")


def headcount(manifest: Mapping[str, Any]) -> int | None:
    """`organisation.agents` (full-time equivalents), or None when it is not declared as a
    whole number of people."""
    agents = get(manifest, "organisation.agents")
    if isinstance(agents, bool) or not isinstance(agents, int) or agents < 0:
        return None
    return agents


def staff_facts(use: Mapping[str, Any]) -> list[str]:
    """The declared facts that put the staff (or job candidates) at the receiving end of the
    use, as `key: value` for messages: their data go into it (`data.subjects`), it observes or
    acts on people at the workplace (`settings`), its decisions are about work or hiring
    (`decision.purpose`). `audience` is NOT one of them: it says who sees the output, and
    cameras in a street watched by agents do not concern the staff."""
    facts = [
        f"data.subjects: {s}" for s in strings(get(use, "data.subjects")) if s in _AT_WORK_SUBJECTS
    ]
    if "workplace" in strings(use.get("settings")):
        facts.append("settings: workplace")
    purpose = get(use, "decision.purpose")
    if purpose in _AT_WORK_PURPOSES:
        facts.append(f"decision.purpose: {purpose}")
    return facts


def work_change_facts(use: Mapping[str, Any]) -> list[str]:
    """The declared facts that make the use a new technology in the staff's work: those of
    `staff_facts`, a declared effect on jobs (`work.impact`), and the staff as its users
    (`audience: staff`, or `purpose.beneficiaries` naming the staff or agents)."""
    facts = staff_facts(use)
    impact = get(use, "work.impact")
    if impact in _JOB_IMPACTS:
        facts.append(f"work.impact: {impact}")
    if "staff" in strings(use.get("audience")):
        facts.append("audience: staff")
    users = [b for b in strings(get(use, "purpose.beneficiaries")) if b in _STAFF_USERS]
    facts.extend(f"purpose.beneficiaries: {b}" for b in users)
    return facts


def individual_decisions(use: Mapping[str, Any]) -> str | None:
    """Whether the use grounds individual administrative decisions (CRPA L311-3-1): `declared`
    with `decision.administrative: true`; `inferred` when a public body's use takes decisions
    about identified people (`decision.affects_individuals: true`) and the manifest does not
    say they are not administrative (`decision.administrative: false`); None otherwise. Call
    it only where the CRPA applies (a French public body or public service)."""
    administrative = get(use, "decision.administrative")
    if administrative is True:
        return "declared"
    if administrative is None and get(use, "decision.affects_individuals") is True:
        return "inferred"
    return None
