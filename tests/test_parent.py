"""The parent process of a run: the JSON text of the reports, the parallel runner's order and
failures, each file's configuration and fail-on threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SMALLEST

from charte_lint import runner
from charte_lint.config import DEFAULT, ConfigFinder
from charte_lint.engine import Linter
from charte_lint.reporters.indented import dumps
from charte_lint.run import Options, run


class Text(str):
    """A str subclass: the fast path leaves it to the standard encoder."""


VALUES = [
    {},
    [],
    (),
    {"a": []},
    {"a": {}},
    [[]],
    [{}],
    [[[[]]]],
    {"a": 1, "b": [1, 2, {"c": None}], "d": {"e": 'é"\\\n\u2028\x00\t'}},
    [1.5, float("nan"), float("inf"), float("-inf"), -0.0, 10**30, True, False, None],
    {"k": (1, 2), "t": ("x", ["y"])},
    {3: "x", True: 2, None: 3, 2.5: 4},  # keys the encoder converts, in a flat mapping
    {"a": {1: "x"}, "b": [{2: [3]}]},
    {"x": [{"y": [{"z": 1}, "w"]}, {"v": {}}]},
    {"a": Text("x")},
    [Text("y"), {"b": 1}],
    ["emoji 🙂", "nbsp\u00a0", "\x7f", "\ud800"],
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_indented_json_is_the_standard_encoders_text(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_indented_json_refuses_what_the_standard_encoder_refuses():
    with pytest.raises(TypeError, match="Object of type object is not JSON serializable"):
        dumps({"a": [object()]})
    with pytest.raises(TypeError, match="keys must be str, int, float, bool or None"):
        dumps({"a": {(1,): 2}})


def _tree(root: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        path = root / f"t{index:03}" / "ai-usage.yaml"
        path.parent.mkdir()
        path.write_text(SMALLEST, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_the_parallel_runner_raises_the_failure_a_serial_run_meets_first(tmp_path, monkeypatch):
    paths = _tree(tmp_path, 90)
    real = runner.lint_file

    def lint(path, raw, config, settings):
        if path in (paths[40], paths[7], paths[75]):
            raise ValueError(f"cannot lint {Path(path).parent.name}")
        return real(path, raw, config, settings)

    monkeypatch.setattr(runner, "lint_file", lint)
    monkeypatch.setattr(runner, "_worker_count", lambda jobs: 3)
    settings = Linter(lang="en")
    for _ in range(3):  # whichever lane takes which chunk
        with pytest.raises(ValueError, match=r"^cannot lint t007$"):
            runner.lint_files(settings, [(path, DEFAULT) for path in paths])


def test_the_parallel_runner_keeps_the_order_of_the_files(tmp_path, monkeypatch):
    paths = _tree(tmp_path, 70)
    (tmp_path / "t003" / "ai-usage.yaml").unlink()  # unreadable: an error, in its place
    monkeypatch.setattr(runner, "_worker_count", lambda jobs: 2)
    settings = Linter(lang="en")
    results = runner.lint_files(settings, [(path, DEFAULT) for path in paths])
    assert [result.path for result in results] == paths
    assert [index for index, r in enumerate(results) if r.error is not None] == [3]
    serial = runner._serial(settings, [(path, DEFAULT) for path in paths])
    assert [[f.as_dict() for f in r.findings] for r in results] == [
        [f.as_dict() for f in r.findings] for r in serial
    ]


def test_the_files_of_a_directory_share_one_configuration_found_once(tmp_path, monkeypatch):
    (tmp_path / ".charte-lint.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    (tmp_path / "a").mkdir()
    finder = ConfigFinder()
    looked_up: list[str] = []
    discover = finder._discover

    def counted(path: str):
        looked_up.append(path)
        return discover(path)

    monkeypatch.setattr(finder, "_discover", counted)
    first = finder.config_for(str(tmp_path / "a" / "ai-usage.yaml"))
    again = finder.config_for(str(tmp_path / "a" / "ai-usage.yml"))
    above = finder.config_for(str(tmp_path / "ai-usage.yaml"))
    assert first is again is above
    assert first.fail_on == "warning"
    assert looked_up == [str(tmp_path / "a" / "ai-usage.yaml"), str(tmp_path / "ai-usage.yaml")]


def test_each_file_has_the_fail_on_threshold_of_its_configuration(tmp_path, monkeypatch):
    warning = SMALLEST.replace("status: production", "status: production\n    owner: ''")
    for name, config in (("strict", "fail_on: info\n"), ("lenient", "fail_on: error\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".charte-lint.yaml").write_text(config, encoding="utf-8")
        (tmp_path / name / "ai-usage.yaml").write_text(warning, encoding="utf-8")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "ai-usage.yaml").write_text(warning, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(Options(paths=["."], lang="en", detect=False))
    assert {f.file for f in result.findings} == {
        "lenient/ai-usage.yaml",
        "plain/ai-usage.yaml",
        "strict/ai-usage.yaml",
    }
    assert result.thresholds == {
        "lenient/ai-usage.yaml": "error",
        "plain/ai-usage.yaml": "error",
        "strict/ai-usage.yaml": "info",
    }
    forced = run(Options(paths=["."], lang="en", detect=False, fail_on="warning"))
    assert set(forced.thresholds.values()) == {"warning"}


def _class_members(pattern) -> list[str]:
    """The characters a one-class regex matches, found in the ranges its source names."""
    return [c for c in map(chr, range(0x3000)) if pattern.fullmatch(c)] + [
        c for c in map(chr, range(0xD800, 0x10000)) if pattern.fullmatch(c)
    ]


def test_a_printable_text_has_nothing_to_escape_in_text_and_junit():
    from charte_lint.reporters import junit, text

    for pattern in (text._CONTROL, junit._NOT_XML):
        members = _class_members(pattern)
        assert members and not any(c.isprintable() for c in members)
    assert text.neutralise("tab\there \x1b[31m") == "tab here \\u001b[31m"
    assert junit._clean("a\x01\ufffe") == "a\\u0001\\ufffe"


@pytest.mark.parametrize(
    "value", ["plain", "it's", 'say "hi"', "both ' and \"", "a&b", "<x>", "a\tb\nc\rd", "\x01é"]
)
def test_junit_attributes_are_quoteattrs(value):
    from xml.sax.saxutils import quoteattr

    from charte_lint.reporters import junit

    cleaned = junit._NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    expected = quoteattr(cleaned, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    assert junit._attr(value) == expected
