"""The two ways of reading a manifest agree: the event path (no node tree, a packed index of
positions) gives exactly what the full path (PyYAML's node tree) gives, on every file the event
path accepts: data, problems, the position of every pointer, YAML 1.1 traps, multi-line text.
A file the event path does not accept (anchors, tags, merge keys...) is read by the full path.
"""

from __future__ import annotations

import math
from pathlib import Path

from conftest import SMALLEST, value_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz import EDITS, YAML_PIECES, mutate

from charte_lint import manifest as reader
from charte_lint.manifest import read_manifest
from charte_lint.pointer import join

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    p
    for p in (*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/data/**/*.yaml"))
    if p.stat().st_size < 200_000
)
SEEDS = [SMALLEST.encode()] + [p.read_bytes() for p in FILES]
FUZZ = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _same(a, b) -> bool:
    """Equal data, NaN included (a `.nan` scalar reads as a float that equals nothing)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _problems(manifest) -> list[tuple]:
    return [
        (p.kind, p.line, p.column, p.end, p.pointer, p.on_key, sorted(map(repr, p.params.items())))
        for p in manifest.problems
    ]


def both(raw: bytes):
    """(event path's manifest, or None when it hands the file to the full path; full path's
    manifest)."""
    fast = reader._read_events("m.yaml", raw)
    return (fast if isinstance(fast, reader.Manifest) else None), reader._read_nodes("m.yaml", raw)


def assert_agree(raw: bytes) -> bool:
    """The two paths agree on `raw`; True when the event path accepted it."""
    fast, full = both(raw)
    if fast is None:
        return False
    assert fast.has_document == full.has_document
    assert _same(fast.data, full.data)
    assert _problems(fast) == _problems(full)
    assert sorted(fast.multiline_scalars()) == sorted(full.multiline_scalars())
    pointers = ["", "/nothing/here", "/uses/99/x", "/uses/a"]
    if full.data is not None:
        pointers += [join(path) for path in value_paths(full.data)]
        pointers += [join(path) + "/deeper/still" for path in value_paths(full.data)]
    for pointer in pointers:
        for on_key in (False, True):
            assert fast.locate(pointer, on_key) == full.locate(pointer, on_key), pointer
        assert fast.trap_at(pointer) == full.trap_at(pointer), pointer
    return True


def test_every_example_and_test_manifest_is_read_alike_by_both_paths():
    accepted = [path.name for path, raw in zip(FILES, SEEDS[1:], strict=True) if assert_agree(raw)]
    assert assert_agree(SEEDS[0])
    # the examples use no anchors or tags: the event path reads every one of them
    assert {"ai-usage.yaml"} <= set(accepted)
    examples = [p for p in FILES if p.parts[-3] == "examples" or "examples" in p.parts]
    assert examples and all(assert_agree(p.read_bytes()) for p in examples)


def test_the_event_path_keeps_no_node_tree_and_the_full_path_takes_what_it_refuses():
    plain = read_manifest("m.yaml", SMALLEST.encode())
    assert type(plain._places).__name__ == "_PackedPlaces"
    for text in (
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # a tag
        "base: {x: 1}\nderived:\n  <<: {y: 2}\n",  # a merge key
        "? [a, b]\n: c\n",  # a complex key
        "a: " + "[" * 70 + "]" * 70 + "\nb: *x\n",  # too deep, then an alias
    ):
        assert both(text.encode())[0] is None, text
    # what only ever refuses the file is said by the event path, as the full path says it
    for text, kind in (
        ("a: 1\nb: yes\n---\nb: 2\n", "multiple-documents"),  # the trap does not count
        ("a: no\nb: [1\n", "syntax-error"),
        ("a: 1\na: 2\nb: " + "[" * 70 + "]" * 70 + "\nc: no\n", "too-deep"),
        ("a: " + "[" * 70 + "]" * 70 + "\n---\nb: 1\n", "multiple-documents"),
    ):
        assert assert_agree(text.encode()), text
        assert read_manifest("m.yaml", text.encode()).problems[-1].kind == kind


def test_duplicate_keys_traps_and_block_text_on_the_event_path():
    text = (
        b"a: 1\n"
        b"flag: no\n"
        b"mode: 0777\n"
        b"time: 1:30\n"
        b"text: |\n  line one # not a comment\n  line two\n"
        b'quoted: "over\n  two lines" # a comment\n'
        b"a:\n  - nested: [1, 2]\n    more: yes\n"
        b"eq: =\n"
    )
    fast = both(text)[0]
    assert fast is not None and assert_agree(text)
    assert [p.kind for p in fast.problems] == [
        "yaml11-boolean",
        "yaml11-number",
        "yaml11-number",
        "duplicate-key",
        "unknown-tag",
    ]
    assert fast.data["a"] == 1 and fast.data["mode"] == 511 and fast.data["time"] == 90
    assert fast.trap_at("/flag") == "no" and fast.trap_at("/a") is None
    assert fast.problems[3].params == {"key": "a", "first_line": 1}
    assert fast.multiline_scalars() == [("|", 4, 7, 0), ('"', 7, 8, 12)]


def test_positions_of_flow_collections_and_first_lines():
    text = b"uses:\n  - {id: a, name: b}\n  - id: c\n    tags: [x, y]\n  -\n    id: d\n"
    assert assert_agree(text)
    fast = read_manifest("m.yaml", text)
    assert fast.locate("/uses/0") == (2, 5, 2, 11)  # its first entry, `{id: a`
    assert fast.locate("/uses/1") == (3, 5, 3, 10)
    assert fast.locate("/uses/1/tags") == (4, 5, 4, 9)
    assert fast.locate("/uses/2") == (6, 5, 6, 10)  # libyaml starts it at its first key


def test_long_sequences_are_indexed_once_and_located_alike():
    text = "uses:\n" + "".join(f"  - id: u{i}\n    n: {i}\n" for i in range(200))
    assert assert_agree(text.encode())
    fast = read_manifest("m.yaml", text.encode())
    assert fast.locate("/uses/150/n") == (303, 8, 303, 11)
    assert list(fast._places._children) == [1]  # the 200 items of `uses`, found once
    assert fast.locate("/uses/199/id", on_key=True) == (400, 5, 400, 7)


@FUZZ
@given(st.integers(0, len(SEEDS) - 1), EDITS)
def test_mutated_manifests_are_read_alike_by_both_paths(seed, edits):
    text = mutate(SEEDS[seed].decode("utf-8", "replace"), edits)
    assert_agree(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40))
def test_yaml_fragments_are_read_alike_by_both_paths(pieces):
    assert_agree("".join(pieces).encode("utf-8", "surrogatepass"))


BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029", "é", "’", "a", " "]


@FUZZ
@given(
    st.lists(st.sampled_from(BREAKS), max_size=30),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
    st.sampled_from(["utf-8", "utf-16"]),
    st.binary(max_size=3),
    st.sampled_from([0, reader.SPLIT_WHOLE]),
)
def test_source_lines_are_the_decoded_text_cut_as_splitlines_cuts_it(
    pieces, bom, codec, junk, split_whole
):
    """Lines of a large file are read from its bytes one at a time (`SPLIT_WHOLE` 0 makes
    every file large), yet equal the decoded file's `str.splitlines()`, whatever the line
    breaks, byte order mark or invalid bytes."""
    reader.SPLIT_WHOLE = split_whole
    text = "".join(pieces)
    raw = text.encode("utf-16") if codec == "utf-16" else bom + text.encode() + junk
    manifest = reader.Manifest("m.yaml", raw)
    decoded = reader._decode(raw)
    expected = decoded.splitlines() if decoded else []
    try:
        got = [manifest.source_line(number) for number in range(1, len(expected) + 3)]
    finally:
        reader.SPLIT_WHOLE = 256 * 1024
    assert got == [*expected, "", ""]
    assert manifest.mentions("’") == ("’" in (decoded or ""))


def test_positions_do_not_depend_on_the_data_a_caller_may_change():
    """The configuration reader pops `extends` before it locates an error in it: the index
    alone says where each value is."""
    manifest = read_manifest("m.yaml", b"fail_on: info\nextends:\n  - policy:acm\n")
    manifest.data.pop("extends")
    assert manifest.locate("/extends/0") == (3, 5, 3, 15)
    assert manifest.locate("/fail_on", on_key=True) == (1, 1, 1, 8)


def test_long_mappings_are_indexed_once_and_located_alike():
    text = "m:\n" + "".join(f"  k{i}: {i}\n" for i in range(40)) + "  k5: dup\n"
    assert assert_agree(text.encode())
    fast = read_manifest("m.yaml", text.encode())
    assert fast.locate("/m/k3") == (5, 7, 5, 8)  # found walking: nothing indexed
    assert fast._places._children == {}
    assert fast.locate("/m/k39") == (41, 8, 41, 10)  # past 16 keys: the mapping is indexed
    assert list(fast._places._children) == [1]
    assert fast.locate("/m/k5") == (7, 7, 7, 8)  # the first of the duplicate keys
    assert fast.locate("/m/k40")[:2] == (1, 1)  # no such key: the mapping, at its key


@FUZZ
@given(st.text(alphabet="0123456789-_:.+eE²x ", max_size=12))
def test_the_exact_plain_tags_are_those_yamls_resolvers_give(raw):
    """Integers and dates are recognised without PyYAML's regular expressions, and always as
    its resolvers read them."""
    from yaml.nodes import ScalarNode

    tag = reader._exact_plain_tag(raw)
    if tag is not None:
        assert tag == reader.Loader("").resolve(ScalarNode, raw, (True, False))


def test_the_exact_plain_tags_cover_integers_and_dates_only():
    tags = {raw: reader._exact_plain_tag(raw) for raw in ("1", "0", "250", "2026-06-07")}
    assert tags == {
        "1": "tag:yaml.org,2002:int",
        "0": "tag:yaml.org,2002:int",
        "250": "tag:yaml.org,2002:int",
        "2026-06-07": "tag:yaml.org,2002:timestamp",
    }
    for raw in ("0777", "1_000", "+1", "1.5", "1:30", "2026-6-07", "٣", "²", ""):
        assert reader._exact_plain_tag(raw) is None, raw


def test_yamls_patterns_compile_on_first_use_and_work():
    """charte_lint._startup: PyYAML's patterns, compiled on first use, read as before; other
    modules' patterns are compiled at once."""
    import re

    import yaml

    from charte_lint._startup import _compile_on_use

    assert isinstance(_compile_on_use("a+"), re.Pattern)  # not called from PyYAML
    # in a fresh interpreter, where charte-lint imports PyYAML first
    probe = (
        "import charte_lint.manifest, yaml, re; "
        "print(type(yaml.reader.Reader.NON_PRINTABLE).__name__, re.compile.__module__, "
        "yaml.safe_load('a: 2026-01-01') == {'a': __import__('datetime').date(2026, 1, 1)}, "
        "bool(yaml.reader.Reader.NON_PRINTABLE.search('a\\x00')))"
    )
    done = __import__("subprocess").run(
        [__import__("sys").executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout == "CompiledOnUse re True True\n"  # re.compile is re's own again
    assert yaml.safe_load("a: 2026-01-01\nb: 0x1f\nc: 1.5\nd: yes\ne: ~\n") == {
        "a": __import__("datetime").date(2026, 1, 1),
        "b": 31,
        "c": 1.5,
        "d": True,
        "e": None,
    }
    try:
        yaml.load("a: b\x00c\n", Loader=yaml.SafeLoader)  # the pure-Python reader's pattern
    except yaml.reader.ReaderError as error:
        assert error.character == 0
    else:
        raise AssertionError("the pure-Python reader accepted a NUL byte")
