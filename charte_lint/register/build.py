"""The register of AI uses: one record per declared use, from a lint run over manifests.

A record holds what the manifest declares (the organisation and the use, as written), what
charte-lint derives from it (the AI Act class, by the same facts the rules read), the findings
still open against the use by principle, and when its review is due. The document is plain
JSON data (`schemas/register.schema.json`, format version 1): a repository's CI job writes it as
its fragment, and `charte_lint.register.merge` joins any number of them into the organisation's
register, keyed by organisation, repository and use id.
"""

from __future__ import annotations

import datetime as _dt
import os
import subprocess

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from charte_lint.api import Finding
    from charte_lint.run import Options, RunResult

FORMAT = "charte-lint-register"
VERSION = 1
RISKS = ("prohibited", "high", "limited", "minimal", "not_ai_system", "outside_ai_act")
"""The AI Act classes a record can have, most severe first: `limited` is an AI system with
transparency duties (art. 50) and no higher class; `outside_ai_act` an organisation established
where the AI Act does not bind (e.g. GB); `not_ai_system` a rules-based algorithm (art. 3(1))."""

# The art. 5(1) point each prohibited ground of `facts.prohibited_grounds` rests on.
_PROHIBITED_POINTS = {
    "declared": "5(1)",
    "exploits_vulnerability": "5(1)(b)",
    "social_scoring": "5(1)(c)",
    "emotion_recognition": "5(1)(f)",
    "emotion_recognition_inferred": "5(1)(f)",
    "biometric_categorisation": "5(1)(g)",
}
_MEDIA = ("image", "audio", "video")


class Source:
    """Where a fragment's records come from: the organisation's repository and its commit."""

    __slots__ = ("commit", "repository", "root")

    def __init__(self, repository: str, commit: str | None, root: str) -> None:
        self.repository = repository
        self.commit = commit
        self.root = root


def records_from_paths(
    paths: list[str], today: _dt.date | None = None, options: Options | None = None
) -> dict[str, Any]:
    """Lint the manifests under `paths` (no code detection: the register is about what is
    declared) and return the register document of their uses."""
    from charte_lint.run import Options, run

    options = options or Options(paths=paths)
    options.paths = list(paths)
    options.detect = False
    result = run(options, "en")
    return document_from_run(result, options, today)


def document_from_run(
    result: RunResult,
    options: Options,
    today: _dt.date | None = None,
    paths: dict[tuple[str, str, str], str] | None = None,
) -> dict[str, Any]:
    """The register document of the manifests a run linted, with the run's open findings;
    `paths`, when given, receives each record's manifest as the run named it (the record
    itself holds the path inside its repository)."""
    from charte_lint.engine import _today
    from charte_lint.run import _configs

    today = today or _today()
    forced, finder = _configs(options, "en")
    by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.suppression is None:
            by_file.setdefault(finding.file, []).append(finding)
    sources: dict[str, Source] = {}
    records = []
    for path in result.files:
        source = repository_of(path, sources)
        config = forced or finder.config_for(path)  # type: ignore[union-attr]
        made = records_for_file(
            path,
            by_file.get(path, []),
            source,
            today,
            config.policy.review_every,
            config.max_file_bytes,
        )
        if paths is not None:
            for record in made:
                key = record["key"]
                paths[(key["organisation"], key["repository"], key["use"])] = path
        records.extend(made)
    return document(records, _sources(records, sources.values(), today), today)


def document(
    records: list[dict[str, Any]], sources: list[dict[str, Any]], today: _dt.date
) -> dict[str, Any]:
    """A register document (format version 1) of these records."""
    from charte_lint import __version__

    records.sort(key=record_sort_key)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated": generated_at(today),
        "tool": f"charte-lint {__version__}",
        "sources": sources,
        "uses": records,
        "conflicts": [],
        "stale": [],
    }


def record_sort_key(record: Mapping[str, Any]) -> tuple[str, str, str]:
    key = record["key"]
    return (key["organisation"], key["repository"], key["use"])


def generated_at(today: _dt.date) -> str:
    """The time of this run in UTC; midnight of `CHARTE_LINT_TODAY` when the date is pinned,
    so that a reproducible run gives a reproducible document."""
    if os.environ.get("CHARTE_LINT_TODAY"):
        return f"{today.isoformat()}T00:00:00Z"
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    return now.isoformat().replace("+00:00", "Z")


def _sources(
    records: list[dict[str, Any]], sources: Iterable[Source], today: _dt.date
) -> list[dict[str, Any]]:
    """One entry per (organisation, repository) the records come from."""
    commits = {source.repository: source.commit for source in sources}
    seen = sorted({(r["key"]["organisation"], r["key"]["repository"]) for r in records})
    stamp = generated_at(today)
    return [
        {"organisation": org, "repository": repo, "commit": commits.get(repo), "generated": stamp}
        for org, repo in seen
    ]


def records_for_file(
    path: str,
    findings: list[Finding],
    source: Source,
    today: _dt.date,
    review_every: str | None = None,
    max_bytes: int | None = None,
) -> list[dict[str, Any]]:
    """One record per use of the manifest at `path` that has an id; a file that is not a
    manifest (the run's findings say why) gives none."""
    from charte_lint.files import read_file
    from charte_lint.manifest import MAX_BYTES, read_manifest

    limit = max_bytes or MAX_BYTES  # the lint's own limit: a refused file gives no record
    manifest = read_manifest(path, read_file(path, limit), limit)
    data = manifest.data
    if not isinstance(data, dict) or not isinstance(data.get("uses"), list):
        return []
    organisation = data.get("organisation")
    organisation = organisation if isinstance(organisation, dict) else {}
    name = organisation.get("name")
    org_name = name.strip() if isinstance(name, str) and name.strip() else "?"
    relative = os.path.relpath(os.path.abspath(path), source.root).replace(os.sep, "/")
    records = []
    for index, use in enumerate(data["uses"]):
        use_id = use.get("id") if isinstance(use, dict) else None
        if not isinstance(use_id, str) or not use_id:
            continue
        line = manifest.locate(f"/uses/{index}")[0]
        records.append(
            {
                "key": {"organisation": org_name, "repository": source.repository, "use": use_id},
                "file": relative,
                "line": line,
                "charter": data.get("charter")
                if data.get("charter") in ("private", "public")
                else None,
                "organisation": _json(organisation),
                "use": _json(use),
                "classification": classify(use, data, today),
                "findings": open_findings([f for f in findings if f.use == use_id]),
                "review": review(use, today, review_every),
            }
        )
    return records


def classify(
    use: Mapping[str, Any], manifest: Mapping[str, Any], today: _dt.date
) -> dict[str, Any]:
    """The use's AI Act class as charte-lint derives it from the declared facts, by the same
    functions the rules use (`charte_lint.rules.facts`) and the law of the organisation's
    country (`charte_lint.law`)."""
    from charte_lint.api import get
    from charte_lint.law import Law, organisation_country
    from charte_lint.rules import facts

    law = Law(organisation_country(manifest), facts.sector(manifest))
    applies = law.applies("ai_act")
    ai_system = facts.is_ai_system(use)
    grounds = [g for g in facts.prohibited_grounds(use, manifest, today) if not g.excepted]
    prohibited = sorted({_PROHIBITED_POINTS.get(g.message, "5(1)") for g in grounds})
    points = facts.high_risk_points(use, manifest, None, today)
    article_50 = transparency_triggers(use)
    if not applies:
        risk = "outside_ai_act"
    elif not ai_system:
        risk = "not_ai_system"
    elif prohibited:
        risk = "prohibited"
    elif points is not None:
        risk = "high"
    elif article_50:
        risk = "limited"
    else:
        risk = "minimal"
    declared = get(use, "ai_act.category")
    administration = facts.is_administration(manifest)
    return {
        "ai_act_applies": applies,
        "ai_system": ai_system,
        "risk": risk,
        "declared": declared if isinstance(declared, str) else None,
        "annex_iii": sorted(points or []) if applies and ai_system else [],
        "prohibited": prohibited if applies and ai_system else [],
        "article_50": article_50 if applies and ai_system else [],
        "individual_decisions": administration and facts.individual_decisions(use) is not None,
    }


def transparency_triggers(use: Mapping[str, Any]) -> list[str]:
    """The facts that call for an AI Act art. 50 disclosure: a chatbot people talk with (50(1)),
    emotion recognition or biometric categorisation (50(3)), deep fakes and text published to
    inform the public (50(4)), generated images, audio or video (50(2), marked by the provider)."""
    from charte_lint.api import get
    from charte_lint.rules.facts import strings

    capabilities = strings(use.get("capabilities"))
    generates = strings(get(use, "interaction.generates"))
    triggers = []
    if "chatbot" in capabilities or use.get("task") == "chat":
        triggers.append("chatbot")
    for capability in ("emotion_recognition", "biometric_categorisation", "deepfake"):
        if capability in capabilities:
            triggers.append(capability)
    if get(use, "interaction.published") is True and "text" in generates:
        triggers.append("generated_text")
    if any(kind in generates for kind in _MEDIA):
        triggers.append("generated_media")
    return triggers


def open_findings(findings: list[Finding]) -> dict[str, Any]:
    """How many findings are open against a use, by severity and by principle, and their codes."""
    by_severity = {"error": 0, "warning": 0, "info": 0}
    by_principle: dict[str, int] = {}
    for finding in findings:
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
        principle = finding.principle or "structure"
        by_principle[principle] = by_principle.get(principle, 0) + 1
    return {
        "open": len(findings),
        "by_severity": by_severity,
        "by_principle": dict(sorted(by_principle.items())),
        "codes": sorted({finding.code for finding in findings}),
    }


def review(use: Mapping[str, Any], today: _dt.date, default_every: str | None) -> dict[str, Any]:
    """The last review, the cadence (the use's, else the configuration's) and the date the
    next review is due, as SEC001 computes it."""
    from charte_lint.api import duration_days, get, parse_date

    last = parse_date(get(use, "review.last"))
    if isinstance(last, _dt.datetime):
        last = last.date()
    own = get(use, "review.every")
    every = own if isinstance(own, str) and duration_days(own) else default_every
    days = duration_days(every) if isinstance(every, str) else None
    due = None
    if last is not None and days:
        try:
            due = last + _dt.timedelta(days=days)
        except OverflowError:  # a review.last near year 9999
            due = None
    return {
        "last": last.isoformat() if last else None,
        "every": every if days else None,
        "due": due.isoformat() if due else None,
        "overdue": due is not None and due < today,
    }


def _json(value: Any) -> Any:
    """A YAML value as JSON data: dates as ISO strings, keys as strings."""
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json(item) for item in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def repository_of(path: str, cache: dict[str, Source]) -> Source:
    """The repository a manifest belongs to: the enclosing git work tree, named as CI names
    it (`GITHUB_REPOSITORY`, `CI_PROJECT_PATH`) when it is the checkout CI runs in, else by its
    `origin` remote (`owner/name`), else by the work tree's directory name; outside git, the
    manifest's directory. The commit is CI's, else the work tree's HEAD."""
    from charte_lint.files import work_tree_top

    directory = os.path.dirname(os.path.abspath(path))
    root = work_tree_top(directory)
    key = root or directory
    if key not in cache:
        cache[key] = _source(root, directory)
    return cache[key]


def _source(root: str | None, directory: str) -> Source:
    if root is None:
        name = os.path.relpath(directory).replace(os.sep, "/")
        return Source(os.path.basename(os.getcwd()) if name == "." else name, None, directory)
    for workspace, name_var, sha_var in (
        ("GITHUB_WORKSPACE", "GITHUB_REPOSITORY", "GITHUB_SHA"),
        ("CI_PROJECT_DIR", "CI_PROJECT_PATH", "CI_COMMIT_SHA"),
    ):
        place = os.environ.get(workspace)
        if place and os.environ.get(name_var) and _same(place, root):
            return Source(
                os.environ[name_var],
                os.environ.get(sha_var) or _git(root, "rev-parse", "HEAD"),
                root,
            )
    remote = _git(root, "config", "--get", "remote.origin.url")
    named = remote_name(remote) if remote else None
    return Source(named or os.path.basename(root), _git(root, "rev-parse", "HEAD"), root)


def remote_name(url: str) -> str | None:
    """`owner/name` of a remote URL: `https://github.com/owner/name.git`,
    `git@gitlab.com:group/sub/name.git` (`group/sub/name`), or None for a local path."""
    url = url.strip()
    if url.endswith(".git"):
        url = url[: -len(".git")]
    url = url.rstrip("/")
    if "://" in url:
        path = url.split("://", 1)[1].partition("/")[2]
    elif ":" in url and not url.startswith(("/", ".")):
        path = url.split(":", 1)[1]
    else:
        return None
    path = path.strip("/")
    return path or None


def _same(left: str, right: str) -> bool:
    try:
        return os.path.samefile(left, right)
    except OSError:
        return False


def _git(root: str, *args: str) -> str | None:
    """A git query's answer, or None when git is missing or says no."""
    try:
        done = subprocess.run(
            ["git", "-C", root, *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    answer = done.stdout.strip()
    return answer if done.returncode == 0 and answer else None
