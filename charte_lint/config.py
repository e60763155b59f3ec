"""The organisation's configuration: discovery, `extends:`, validation.

A configuration is `.charte-lint.yaml` (or `.charte-lint.yml`), or the `[tool.charte-lint]`
table of `pyproject.toml`. For each linted file, the closest one found walking up from the
file's directory wins, stopping at the repository root (the directory holding `.git`).
`extends:` names local files, relative to the configuration that names them, or installed
policies (`policy:NAME`, entry points `charte_lint.policies`, looked up only then); the extending
configuration's keys replace the inherited ones, except `severity`, `max_model_tier`, `models`
and `options`, which are merged key by key, and `approved_tools`, merged entry by entry on `id`.
"""

from __future__ import annotations

import datetime as _dt
import os

from charte_lint.api import ApprovedTool, Policy

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias

    from charte_lint.api import Rule
    from charte_lint.lazytext import Lazy

    Origin: TypeAlias = tuple[str, str, str | None]  # (file, JSON pointer, policy package or None)

CONFIG_NAMES = (".charte-lint.yaml", ".charte-lint.yml")
MERGED_KEYS = ("severity", "max_model_tier", "models", "options", "legal_dates")


class ConfigError(Exception):
    """A configuration that cannot be used: exit 2 with `path:line:col: reason`.

    `reason` reads as English; when it is a `Lazy`, `messages.text(lang, "config-error", ...)`
    shows it in the run's language.
    """

    def __init__(self, path: str, line: int, column: int, reason: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {reason}")
        self.path, self.line, self.column, self.reason = path, line, column, reason

    def __reduce__(self) -> tuple[object, ...]:  # raised in a forked worker, sent to the parent
        return (type(self), (self.path, self.line, self.column, self.reason))


class Config:
    """The effective configuration for the files it covers."""

    def __init__(
        self,
        data: dict[str, Any] | None = None,
        source: str | None = None,
        origins: dict[str, Origin] | None = None,
    ) -> None:
        data = data or {}
        self.source = source
        # Where each setting comes from: (file, JSON pointer, policy package or None), by
        # `fail_on`, `severity.WRK001`, `approved_tools[copilot-business]`... (`--show-config`)
        self.origins = origins or {}
        self.data = data  # the settings as merged, for `--show-config`
        self.directory = os.path.dirname(source) if source else os.getcwd()
        self.select: list[str] = list(data.get("select", []))
        self.ignore: list[str] = list(data.get("ignore", []))
        self.severity: dict[str, str] = dict(data.get("severity", {}))
        self.fail_on: str | None = data.get("fail_on")
        self.exclude: list[str] = list(data.get("exclude", []))
        self._max_file_mib: int | None = data.get("max_file_size_mib")
        # Rule options as configured, by rule code or name: the engine checks them against each
        # rule's `options_schema` and hands them to the rule as `ctx.options`.
        self.options: dict[str, dict[str, Any]] = dict(data.get("options", {}))
        tools = data.get("approved_tools")
        self.policy = Policy(
            approved_tools=None if tools is None else tuple(ApprovedTool(t) for t in tools),
            max_model_tier=data.get("max_model_tier"),
            models=data.get("models"),
            review_every=data.get("review_every", "P1Y"),
            legal_dates={
                key: _dt.date.fromisoformat(str(value))
                for key, value in data.get("legal_dates", {}).items()
            },
        )

    @property
    def max_file_bytes(self) -> int:
        """The largest manifest read: `max_file_size_mib` where configured, else the reader's
        default (`charte_lint.manifest.MAX_BYTES`)."""
        if self._max_file_mib:
            return self._max_file_mib * 1024 * 1024
        from charte_lint.manifest import MAX_BYTES

        return MAX_BYTES


DEFAULT = Config()


def _is_config_pyproject(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return b"tool.charte-lint" in handle.read()
    except OSError:
        return False


class ConfigFinder:
    """Finds and caches the configuration for each directory: one finder serves one run, in
    one working directory (its caches take relative paths as they are given)."""

    def __init__(self) -> None:
        self._by_directory: dict[str, str | None] = {}
        self._loaded: dict[str, Config] = {}
        self._for_directory: dict[str, Config] = {}  # a file's directory as given -> its config

    def path_for(self, directory: str) -> str | None:
        directory = os.path.abspath(directory)
        visited = []
        found: str | None = None
        current = directory
        while True:
            if current in self._by_directory:
                found = self._by_directory[current]
                break
            visited.append(current)
            candidate = _config_in(current)
            if candidate or os.path.exists(os.path.join(current, ".git")):
                found = candidate
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        for seen in visited:
            self._by_directory[seen] = found
        return found

    def config_for(self, file_path: str) -> Config:
        """The configuration of a file: the files of one directory share it, found once."""
        directory = os.path.dirname(file_path)
        config = self._for_directory.get(directory)
        if config is None:
            config = self._for_directory[directory] = self._discover(file_path)
        return config

    def _discover(self, file_path: str) -> Config:
        path = self.path_for(os.path.dirname(os.path.abspath(file_path)))
        if path is None:
            return DEFAULT
        if path not in self._loaded:
            self._loaded[path] = load_config(path)
        return self._loaded[path]


def _config_in(directory: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    candidate = os.path.join(directory, "pyproject.toml")
    if os.path.isfile(candidate) and _is_config_pyproject(candidate):
        return candidate
    return None


def load_config(path: str) -> Config:
    """Read, validate and resolve `extends:` for the configuration at `path`."""
    origins: dict[str, Origin] = {}
    data = _resolve(os.path.abspath(path), (), None, origins)
    return Config(data, source=path, origins=origins)


POLICY_PREFIX = "policy:"


def _resolve(
    path: str, chain: tuple[str, ...], policy: str | None, origins: dict[str, Origin]
) -> dict[str, Any]:
    """The configuration at `path` with what it extends merged in; `origins` receives, for
    each setting (`fail_on`, `severity.WRK001`, `approved_tools[copilot-business]`...), the
    file, pointer and policy that set it. `policy` names the policy package `path` comes from."""
    if path in chain:
        cycle = " -> ".join([*chain[chain.index(path) :], path])
        raise ConfigError(path, 1, 1, lazy("`extends` makes a cycle: {cycle}", cycle=cycle))
    data, locate = _read_valid(path)
    parents = data.pop("extends", [])
    single = isinstance(parents, str)
    if single:
        parents = [parents]
    merged: dict[str, Any] = {}
    for index, parent in enumerate(parents):
        pointer = "/extends" if single else f"/extends/{index}"
        if "://" in parent:
            raise ConfigError(
                path,
                *key_position(path, "extends"),
                lazy("`extends` reads local files only, not URLs: {parent}", parent=parent),
            )
        if parent.startswith(POLICY_PREFIX):
            name = parent[len(POLICY_PREFIX) :]
            target, parent_policy = _policy_path(path, locate(pointer)[:2], name), name
        else:
            target = os.path.normpath(os.path.join(os.path.dirname(path), parent))
            parent_policy = policy
            if not os.path.isfile(target):
                raise ConfigError(
                    path,
                    *key_position(path, "extends"),
                    lazy("`extends` names a missing file: {parent}", parent=parent),
                )
        _merge(merged, _resolve(target, (*chain, path), parent_policy, origins))
    _record(origins, data, path, policy)
    _merge(merged, data)
    return merged


def _policy_path(path: str, where: tuple[int, int], name: str) -> str:
    """The configuration file of the installed policy `name`, named by `extends` in `path`."""
    from charte_lint.registry import RuleError, installed_policies, load_policy

    policies = installed_policies()
    if name not in policies:
        from difflib import get_close_matches

        close = get_close_matches(name, list(policies), n=3, cutoff=0.6)
        if close:
            found = ", ".join(f"`{POLICY_PREFIX}{c}`" for c in close)
            reason = lazy(
                "`extends` names an unknown policy `{policy}`: did you mean {suggestions}?",
                policy=POLICY_PREFIX + name,
                suggestions=found,
            )
        else:
            reason = lazy(
                "`extends` names an unknown policy `{policy}`: no installed package declares it "
                "(entry points `charte_lint.policies`)",
                policy=POLICY_PREFIX + name,
            )
        raise ConfigError(path, *where, reason)
    try:
        return os.path.abspath(load_policy(name, policies[name]))
    except RuleError as error:
        raise ConfigError(path, *where, error.args[0]) from None


def _record(
    origins: dict[str, Origin], data: dict[str, Any], path: str, policy: str | None
) -> None:
    """Note in `origins` which settings `data`, read from `path`, sets (after its parents)."""
    for key, value in data.items():
        if key == "approved_tools":
            for index, tool in enumerate(value):
                origins[f"approved_tools[{tool['id']}]"] = (path, f"/{key}/{index}", policy)
        elif key in MERGED_KEYS:
            from charte_lint.pointer import escape

            if not value:
                origins[key] = (path, f"/{key}", policy)
            for name in value:
                origins[f"{key}.{name}"] = (path, f"/{key}/{escape(str(name))}", policy)
        else:
            origins[key] = (path, f"/{key}", policy)


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if key in MERGED_KEYS and isinstance(into.get(key), dict):
            into[key] = {**into[key], **value}
        elif key == "approved_tools" and isinstance(into.get(key), list):
            into[key] = merge_tools(into[key], value)
        else:
            into[key] = value


def merge_tools(inherited: list[dict[str, Any]], own: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The registry `own` entries make of an inherited one: an entry whose `id` is inherited
    replaces that entry where it stands, any other is added at the end; nothing is dropped."""
    tools = list(inherited)
    at = {tool["id"]: index for index, tool in enumerate(tools)}
    for tool in own:
        if tool["id"] in at:
            tools[at[tool["id"]]] = tool
        else:
            at[tool["id"]] = len(tools)
            tools.append(tool)
    return tools


def _read_valid(path: str) -> tuple[dict[str, Any], Any]:
    """The configuration's own keys, checked against `config.schema.json`, and the function
    that locates a JSON pointer in its file."""
    from charte_lint.schema import Validator, load_schema

    if path.endswith(".toml"):
        data, locate = _read_pyproject(path)
    else:
        data, locate = _read_yaml(path)
    for error in Validator(load_schema("config.schema.json")).errors(data):
        line, column = locate(error.pointer, error.on_key)[:2]
        raise ConfigError(path, line, column, _schema_reason(error))
    return data, locate


def lazy(message: str, **params: object) -> Lazy:
    """`lazytext.lazy`, imported only when a configuration is wrong."""
    from charte_lint.lazytext import lazy as make

    return make(message, **params)


def _deferred(render: Callable[[str], str]) -> Lazy:
    from charte_lint.lazytext import Lazy

    return Lazy(render)


def _schema_reason(error: Any) -> Lazy:
    from charte_lint.schema import render_schema_message

    return _deferred(lambda lang: render_schema_message(error, lang, base="configuration"))


def unknown_rule_reason(key: str, unknown: str) -> Lazy:
    """The reason for a configuration key (`select`, `ignore`, `severity`) naming no rule."""
    return lazy("`{key}` names an unknown rule `{unknown}`", key=key, unknown=unknown)


def _cannot_read(error: OSError) -> Lazy:
    from charte_lint.messages import reason, t

    cause = error.strerror or str(error)
    return _deferred(
        lambda lang: t(lang, "cannot read: {reason}").format(reason=reason(lang, cause))
    )


def _read_yaml(path: str) -> tuple[dict[str, Any], Any]:
    from charte_lint.manifest import read_manifest
    from charte_lint.structure import READ_PROBLEMS

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise ConfigError(path, 1, 1, _cannot_read(error)) from None
    manifest = read_manifest(path, raw)
    for problem in manifest.problems:
        if problem.kind in ("yaml11-boolean", "yaml11-number"):
            continue
        rule, message = READ_PROBLEMS[problem.kind]
        reason = _problem_reason(rule, message, problem.params)
        raise ConfigError(path, problem.line, problem.column, reason)
    data = manifest.data if manifest.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(path, 1, 1, lazy("a configuration is a mapping of keys"))
    return data, manifest.locate


def _problem_reason(rule: Rule, message: str, params: dict[str, Any]) -> Lazy:
    """A reading problem's `message` of `rule`, in the language asked for later (English fills
    other languages)."""
    return _deferred(lambda lang: rule.messages[message][lang].format(**params))


def _read_pyproject(path: str) -> tuple[dict[str, Any], Any]:
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(path, 1, 1, _cannot_read(error)) from None
    except tomllib.TOMLDecodeError as error:
        import re

        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        reason = str(error).split(" (at ")[0]
        invalid = lazy("invalid TOML: {reason}", reason=reason)
        raise ConfigError(path, line or 1, column or 1, invalid) from None
    data = document.get("tool", {}).get("charte-lint", {})

    from charte_lint.pointer import first

    def locate(pointer: str, on_key: bool = False) -> tuple[int, int]:
        return _toml_key_position(path, first(pointer))

    return data, locate


def key_position(path: str, key: str) -> tuple[int, int]:
    """Where a top-level key of a configuration file is written (1, 1 if not found)."""
    if path.endswith(".toml"):
        return _toml_key_position(path, key)
    for number, line in enumerate(_lines(path), 1):
        stripped = line.lstrip()
        if stripped.startswith(f"{key}:"):
            return number, len(line) - len(stripped) + 1
    return 1, 1


def _toml_key_position(path: str, key: str) -> tuple[int, int]:
    """Where `key` of `[tool.charte-lint]` is written (the table's header if not found)."""
    in_table, header = False, (1, 1)
    for number, line in enumerate(_lines(path), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.replace(" ", "").startswith(
                ("[tool.charte-lint]", '[tool."charte-lint"]')
            )
            if in_table:
                header = (number, 1)
            continue
        if in_table and key and stripped.split("=")[0].strip().strip('"') == key:
            return number, len(line) - len(line.lstrip()) + 1
    return header


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []
