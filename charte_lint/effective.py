"""`--show-config`: the effective configuration for a file or a directory, setting by setting,
with where each one comes from (a configuration file's line, a policy package's, or the
default). Only the configuration files' settings: `--select`, `--ignore` and `--fail-on` on the
command line apply on top of them.
"""

from __future__ import annotations

import json
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

    from charte_lint.config import Config, Origin

ORDER = (
    "approved_tools",
    "max_model_tier",
    "models",
    "review_every",
    "max_file_size_mib",
    "legal_dates",
    "select",
    "ignore",
    "severity",
    "options",
    "fail_on",
    "exclude",
)
"""The settings, in the order of the configuration schema."""
DEFAULTS: dict[str, Any] = {
    "approved_tools": None,  # no registry at all, not an empty one
    "review_every": "P1Y",
    "max_file_size_mib": 32,
    "select": ["ALL"],
    "ignore": [],
    "fail_on": "error",
    "exclude": [],
}
ENTRIES = ("max_model_tier", "models", "legal_dates", "severity", "options")  # shown key by key


def settings(config: Config) -> list[tuple[str, Any, Origin | None]]:
    """(setting, effective value, where it was set or None for the default), in schema order;
    the registry entry by entry, the merged mappings key by key."""
    data, origins = config.data, config.origins
    found: list[tuple[str, Any, Origin | None]] = []
    for key in ORDER:
        if key not in data:
            found.append((key, DEFAULTS.get(key, {}), None))
        elif key == "approved_tools" and data[key]:
            for tool in data[key]:
                name = f"approved_tools[{tool['id']}]"
                found.append((name, tool, origins.get(name)))
        elif key in ENTRIES and data[key]:
            for entry, value in data[key].items():
                name = f"{key}.{entry}"
                found.append((name, value, origins.get(name)))
        else:
            found.append((key, data[key], origins.get(key)))
    return found


class _Lines:
    """The line of a JSON pointer in a configuration file, each file read once."""

    def __init__(self) -> None:
        self._locate: dict[str, Any] = {}

    def line(self, origin: Origin) -> int:
        from charte_lint.config import _read_valid

        path, pointer, _ = origin
        if path not in self._locate:
            self._locate[path] = _read_valid(path)[1]
        return int(self._locate[path](pointer)[0])


def _shown(path: str) -> str:
    """A path as the user would write it: relative below the working directory."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def render_text(targets: list[tuple[str, Config]], lang: str) -> str:
    from charte_lint.messages import t

    lines = _Lines()
    blocks = []
    for target, config in targets:
        if config.source:
            header = t(lang, "Effective configuration for {path} (from {config}):").format(
                path=target, config=_shown(os.path.abspath(config.source))
            )
        else:
            header = t(lang, "Effective configuration for {path} (no configuration file):")
            header = header.format(path=target)
        rows = [header]
        for name, value, origin in settings(config):
            shown = json.dumps(value, ensure_ascii=False)
            if origin is None:
                source = t(lang, "default")
            else:
                source = f"{_shown(origin[0])}:{lines.line(origin)}"
                if origin[2]:
                    source += f" (policy:{origin[2]})"
            rows.append(f"  {name} = {shown}  # {source}")
        blocks.append("\n".join(rows) + "\n")
    return "\n".join(blocks)


def render_json(targets: list[tuple[str, Config]]) -> str:
    lines = _Lines()
    document = [
        {
            "path": target,
            "config": _shown(os.path.abspath(config.source)) if config.source else None,
            "settings": [
                {
                    "key": name,
                    "value": value,
                    "source": None
                    if origin is None
                    else {
                        "file": _shown(origin[0]),
                        "line": lines.line(origin),
                        "policy": origin[2],
                    },
                }
                for name, value, origin in settings(config)
            ],
        }
        for target, config in targets
    ]
    from charte_lint.reporters.indented import dumps

    return dumps(document) + "\n"
