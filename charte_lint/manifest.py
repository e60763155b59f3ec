"""Reading a YAML file into plain data plus a compact index that locates every JSON pointer.

Safe YAML only, and nothing kept that a finding does not need. The usual path reads libyaml's
events straight into dicts, lists and scalars and packs the position of each value (and of its
key) into arrays of integers, 40 bytes a value; the file's bytes are kept for showing source
lines. It also finds syntax errors, a second document and nesting past the limit. A file that
uses anchors, aliases, tags, merge keys or complex keys is read again by the full path:
composed into PyYAML's node tree (libyaml, pure-Python PyYAML as a fallback), about 50 times
the file's size, so refused above `NODE_TREE_MAX_BYTES`, then built here, never by PyYAML's
constructors. Both give the same data, positions and problems (tests/test_reader_paths.py): no
tag can instantiate anything, duplicate keys and YAML 1.1 surprises are seen, and aliases cannot
expand a small file into millions of values.
"""

from __future__ import annotations

import math
import re
from array import array
from sys import intern

from charte_lint._startup import import_yaml

import_yaml()  # patterns compiled on first use: see charte_lint._startup

import yaml  # noqa: E402
from yaml.events import (  # noqa: E402
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode  # noqa: E402

from charte_lint.pointer import join, split  # noqa: E402

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from typing import Any

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (
    _TAG + "str",
    _TAG + "null",
    _TAG + "bool",
    _TAG + "int",
    _TAG + "float",
)
_TIMESTAMP, _MAP, _SEQ, _MERGE = _TAG + "timestamp", _TAG + "map", _TAG + "seq", _TAG + "merge"

_IMPLICIT_TAGS: dict[tuple[str, Any], str] = {}
_PLAIN_TAGS: dict[str, str] = {}
"""What YAML makes of a plain scalar (`yes`, `2026-01-01`, `~`), for every file of a run."""

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):  # type: ignore[misc, valid-type]  # a base chosen at run time
    """libyaml's safe loader with a memo of implicit tags: the composer asks PyYAML's
    Python resolver for the tag of every scalar, and a manifest repeats the same keys and
    values over and over. Path resolvers, which charte-lint never registers, are skipped."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not ScalarNode:
            return _MAP if kind is MappingNode else _SEQ
        key = (value, implicit)
        tag = _IMPLICIT_TAGS.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_IMPLICIT_TAGS) < 50_000 and len(value) < 64:
                _IMPLICIT_TAGS[key] = tag
        return tag

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _AnyCharacter:
    def __contains__(self, character: object) -> bool:
        return True


_RESOLVED_FIRST: frozenset[str] | _AnyCharacter = (
    frozenset(Loader.yaml_implicit_resolvers)
    if None not in Loader.yaml_implicit_resolvers
    else _AnyCharacter()  # a resolver for any first character: ask for every plain scalar
)
"""The first characters of a plain scalar that YAML may read as other than a string (digits,
`y`, `n`, `~`...); any other plain scalar is a string, with no resolver to ask."""


def _exact_plain_tag(raw: str) -> str | None:
    """The tag YAML's resolvers give the two plain scalars manifests write most, found without
    their regular expressions: a decimal integer (`1`, `250`; not `0777`, `1_000`, `+1`) and a
    date (`2026-06-07`); None for anything else (tests/test_reader_paths.py checks both)."""
    if not raw.isascii():
        return None
    if raw.isdigit() and (raw[0] != "0" or raw == "0"):
        return _INT
    if len(raw) == 10 and raw[4] == raw[7] == "-" and (raw[:4] + raw[5:7] + raw[8:]).isdigit():
        return _TIMESTAMP
    return None


MAX_BYTES = 32 * 1024 * 1024
"""Files above this size are refused unless the configuration's `max_file_size_mib` says
otherwise: about 13,000 uses written as fully as the examples (2.5 KB each), far more than the
largest public registers hold; the bench's 40,000 terse uses are 14.5 MiB."""
NODE_TREE_MAX_BYTES = 2 * 1024 * 1024
"""Files that use anchors, aliases, tags, merge keys or complex keys are read through PyYAML's
node tree, about 50 times their size in memory: above this size they are refused (CL005)."""
MAX_DEPTH = 64
"""Nesting deeper than this is refused; a manifest needs about six levels."""
ALIAS_BUDGET = 100_000
"""Values that aliases may add beyond ten times the file's own nodes before it is refused."""

_OCTAL_LOOKING = re.compile(r"^[-+]?0[0-9_]+$")


class Problem:
    """Something found while reading: a message id, its parameters, and where it is."""

    __slots__ = ("column", "end", "kind", "line", "on_key", "params", "pointer")

    def __init__(
        self,
        kind: str,
        line: int,
        column: int,
        pointer: str = "",
        on_key: bool = False,
        **params: Any,
    ) -> None:
        self.kind = kind
        self.line = line
        self.column = column
        self.pointer = pointer
        self.on_key = on_key
        self.params = params
        self.end = (line, column)  # 1-based end line and column, past the last character

    def __repr__(self) -> str:
        return f"<Problem {self.kind} {self.line}:{self.column} {self.params}>"


class Manifest:
    """A file's data, where each of its values is, and what went wrong while reading it.

    `data` is None when the file could not be read as YAML (a syntax error, an alias bomb):
    the problems then say why, and nothing downstream runs on it. `has_document` tells an
    empty file (no YAML document at all) from one whose document is `null`.
    """

    __slots__ = (
        "_lines",
        "_places",
        "_text",
        "data",
        "has_document",
        "path",
        "problems",
        "raw",
    )

    def __init__(self, path: str, raw: bytes) -> None:
        self.path = path
        self.raw = raw  # the bytes the caller holds anyway: no decoded copy is kept
        self._text: str | bool | None = False  # decoded on first use
        self.data: Any = None
        self.has_document = False
        self.problems: list[Problem] = []
        self._places: _PackedPlaces | _NodePlaces | None = None
        self._lines: list[str] | tuple[array[int], array[int]] | None = None

    @property
    def text(self) -> str | None:
        """The file as text, decoded on first use (suppression comments need it all); None
        when its encoding cannot be read."""
        if self._text is False:
            self._text = _decode(self.raw)
        return self._text  # type: ignore[return-value]  # no longer False

    def mentions(self, word: str) -> bool:
        """Whether the file's text holds `word`, looked for in its bytes when they are UTF-8."""
        if not self.raw.startswith(_BOMS):
            return word.encode() in self.raw
        text = self.text
        return bool(text) and word in text  # type: ignore[operator]

    def locate(self, pointer: str, on_key: bool = False) -> tuple[int, int, int, int]:
        """1-based (line, column, end_line, end_column) of the value at `pointer`.

        Collections are reported at their key (`data:`), scalars at their value; a pointer that
        goes past what the file holds is reported at the deepest part that exists.
        """
        if self._places is None:
            return (1, 1, 1, 1)
        return self._places.locate(pointer, on_key)

    def trap_at(self, pointer: str) -> str | None:
        """The raw text of the scalar at `pointer` when YAML 1.1 and 1.2 read it differently
        (`no`, `0777`), else None."""
        return self._places.trap_at(pointer) if self._places is not None else None

    def multiline_scalars(self) -> list[tuple[str, int, int, int]]:
        """(style, first line, last line, end column), 0-based as libyaml counts, of each block
        or quoted scalar written over several lines: their lines are text, not comments."""
        return self._places.multiline() if self._places is not None else []

    def source_line(self, line: int) -> str:
        """The text of a 1-based line (as `str.splitlines` cuts the decoded file), for showing
        it under a finding. A large UTF-8 file has its line breaks indexed once, and only the
        lines shown are decoded; a small one (or one with a byte order mark) is split whole."""
        if line < 1:
            return ""
        raw = self.raw
        if self._lines is None:
            if len(raw) <= SPLIT_WHOLE or raw.startswith(_BOMS):
                text = self.text
                self._lines = text.splitlines() if text else []
            else:
                breaks, starts = array("I"), array("I", (0,))
                for match in _BYTE_LINE_BREAK.finditer(raw):
                    breaks.append(match.start())
                    starts.append(match.end())
                self._lines = (breaks, starts)
        lines = self._lines
        if isinstance(lines, list):
            return lines[line - 1] if line <= len(lines) else ""
        breaks, starts = lines
        if line <= len(breaks):
            found = raw[starts[line - 1] : breaks[line - 1]]
        elif line == len(breaks) + 1 and starts[-1] < len(raw):
            found = raw[starts[-1] :]
        else:
            return ""
        return found.decode("utf-8", errors="replace")


SPLIT_WHOLE = 256 * 1024
"""Files up to this size keep their lines as a list: faster, and small next to the rest."""
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_BYTE_LINE_BREAK = re.compile(b"\r\n|[\n\r\v\f\x1c\x1d\x1e]|\xc2\x85|\xe2\x80[\xa8\xa9]")
"""The same breaks in UTF-8 bytes."""

_SCALAR, _MAPPING, _SEQUENCE, _KEYED = 0, 1, 2, 4
"""Kinds of value in the packed index; _KEYED marks a value of a mapping (it has a key)."""
_STRIDE = 9
"""Integers per value in the packed index: line, column, end line, end column of the value,
then of its key (0-based, as libyaml's marks), then the index of the first value past its
subtree times 8 plus its kind (one array, one append per value: reading is the hot path)."""
_CACHED_CHILDREN = 16
"""Sequences longer than this keep the index of each item once a pointer goes into them."""


class _PackedPlaces:
    """Where each value of a file read from events is: the values in document order (a
    collection before what it holds), their and their keys' marks, their kinds, where each
    one's subtree ends, and the key each value is under. A pointer is followed through the
    index alone: what a rule does to the data cannot move a finding."""

    __slots__ = ("_children", "key_ids", "keys", "marks", "spans", "traps")

    def __init__(self) -> None:
        self.marks = array("I")
        self.keys = array("I")  # the number of the key each value is under, 0 for none
        self.key_ids: dict[str, int] = {}  # each key written in the file, numbered from 1
        self.traps: dict[str, str] = {}
        self.spans: list[tuple[str, int, int, int]] = []
        self._children: dict[int, Any] = {}

    def kind(self, node: int) -> int:
        return self.marks[_STRIDE * node + 8] & 7

    def after(self, node: int) -> int:
        """The index of the first value past the subtree of `node`."""
        return self.marks[_STRIDE * node + 8] >> 3

    def _children_of(self, node: int) -> list[int]:
        after = self.after
        children = []
        child, end = node + 1, after(node)
        while child < end:
            children.append(child)
            child = after(child)
        return children

    def _step(self, node: int, token: str) -> int | None:
        """The value under `node` at `token` (a key, or an index), or None. A collection's
        children are walked in place; a long one is indexed the first time it is asked."""
        marks = self.marks
        packed = marks[_STRIDE * node + 8]
        kind, end = packed & 3, packed >> 3
        cached = self._children.get(node)
        if kind == _MAPPING:
            if cached is not None:
                return cached.get(self.key_ids.get(token))
            wanted = self.key_ids.get(token)
            if wanted is None:
                return None  # no mapping of the file has that key
            keys, child, seen = self.keys, node + 1, 0
            while child < end:
                if keys[child] == wanted:
                    return child
                child = marks[_STRIDE * child + 8] >> 3
                seen += 1
                if seen > _CACHED_CHILDREN:  # a duplicate key is not indexed: one value a key
                    by_key = {keys[child]: child for child in self._children_of(node)}
                    self._children[node] = by_key
                    return by_key.get(wanted)
            return None
        if kind == _SEQUENCE and token.isdigit():
            index = int(token)
            if cached is None and index > _CACHED_CHILDREN:
                cached = self._children[node] = self._children_of(node)
            if cached is not None:
                return cached[index] if index < len(cached) else None
            child = node + 1
            while child < end:
                if index == 0:
                    return child
                child = marks[_STRIDE * child + 8] >> 3
                index -= 1
        return None

    def locate(self, pointer: str, on_key: bool) -> tuple[int, int, int, int]:
        node = 0
        for token in split(pointer):
            found = self._step(node, token)
            if found is None:
                break
            node = found
        kind, marks, base = self.kind(node), self.marks, _STRIDE * node
        if kind & _KEYED and (on_key or kind & 3):
            base += 4  # a collection is shown at its key, and so is a key
        line, column, end_line, end_column = marks[base : base + 4]
        if kind & 3 and base == _STRIDE * node:
            end_line, end_column = line, self._first_line_end(node)
        return (line + 1, column + 1, end_line + 1, max(end_column, column) + 1)

    def _first_line_end(self, node: int) -> int:
        """The end column of what a collection holds on its first line (`id: chatbot` of a use
        in a list), so that a finding about it covers text; its start when nothing ends there."""
        marks = self.marks
        line, end = marks[_STRIDE * node], marks[_STRIDE * node + 1]
        while self.kind(node) & 3 and self.after(node) > node + 1:
            first = node + 1
            base = _STRIDE * first
            if self.kind(node) & 3 == _MAPPING and marks[base + 6] == line:  # its first key
                end = max(end, marks[base + 7])
            if marks[base + 2] == line:
                end = max(end, marks[base + 3])
            node = first
            if marks[base] != line:
                break
        return end

    def trap_at(self, pointer: str) -> str | None:
        return self.traps.get(pointer)

    def multiline(self) -> list[tuple[str, int, int, int]]:
        return self.spans


class _NodePlaces:
    """Where each value of a file read by the full path is: PyYAML's node tree, kept only for
    files that use anchors, tags, merge keys or complex keys."""

    __slots__ = ("root", "traps")

    def __init__(self, root: Any, traps: dict[int, str]) -> None:
        self.root = root
        self.traps = traps  # id(node) -> raw text of a YAML 1.1 trap

    def locate(self, pointer: str, on_key: bool) -> tuple[int, int, int, int]:
        node, key_node = _walk(self.root, pointer)
        target = (
            key_node if key_node is not None and (on_key or type(node) is not ScalarNode) else node
        )
        start, end = target.start_mark, target.end_mark
        if type(target) is not ScalarNode and target is node:
            end = _first_line_end(target)  # a whole block would underline many lines
        return (start.line + 1, start.column + 1, end.line + 1, max(end.column, start.column) + 1)

    def trap_at(self, pointer: str) -> str | None:
        if not self.traps:
            return None
        node, _ = _walk(self.root, pointer)
        parts = split(pointer)
        if node is None or _depth_reached(self.root, parts) != len(parts):
            return None
        return self.traps.get(id(node))

    def multiline(self) -> list[tuple[str, int, int, int]]:
        spans = []
        stack = [self.root]
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if id(node) in seen:  # aliases share nodes
                continue
            seen.add(id(node))
            value = node.value
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, tuple):
                        stack.extend(item)
                    else:
                        stack.append(item)
                continue
            start, end = node.start_mark, node.end_mark
            style = getattr(node, "style", None)
            if style and style in _SPAN_STYLES and end.line > start.line:
                spans.append((style, start.line, end.line, end.column))
        return spans


_SPAN_STYLES = ("|", ">", '"', "'")


def _first_line_end(node: Any) -> Any:
    """The end mark of what a collection holds on its first line (`id: chatbot` of a use in a
    list), so that a finding about it covers text instead of being zero-width; its start when
    nothing there ends on that line."""
    start = node.start_mark
    end = start
    while type(node) is not ScalarNode and node.value:
        first = node.value[0]
        parts = first if type(node) is MappingNode else (first,)
        for part in parts:
            if part.end_mark.line == start.line and part.end_mark.index > end.index:
                end = part.end_mark
        node = parts[-1]
        if node.start_mark.line != start.line:
            break
    return end


def _find_key(node: MappingNode, token: str) -> tuple[Any, Any]:
    """(key node, value node) for `token`, first explicit keys, then merged mappings."""
    merges = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
            merges.append(value_node)
        elif type(key_node) is ScalarNode and key_node.value == token:
            return key_node, value_node
    for merged in merges:
        sources = merged.value if type(merged) is SequenceNode else [merged]
        for source in sources:
            if type(source) is MappingNode:
                found = _find_key(source, token)
                if found[1] is not None:
                    return found
    return None, None


def _step(node: Any, token: str) -> tuple[Any, Any]:
    if type(node) is MappingNode:
        return _find_key(node, token)
    if type(node) is SequenceNode and token.isdigit() and int(token) < len(node.value):
        return None, node.value[int(token)]
    return None, None


def _walk(root: Any, pointer: str) -> tuple[Any, Any]:
    node, key_node = root, None
    for token in split(pointer):
        found_key, found = _step(node, token)
        if found is None:
            break
        node, key_node = found, found_key
    return node, key_node


def _depth_reached(root: Any, parts: list[str]) -> int:
    node = root
    for depth, token in enumerate(parts):
        _, node = _step(node, token)
        if node is None:
            return depth
    return len(parts)


def read_manifest(path: str, raw: bytes, limit: int = MAX_BYTES) -> Manifest:
    """Parse `raw` (the bytes of `path`) into a Manifest; never raises on bad input. Files
    above `limit` bytes are refused unread."""
    if len(raw) > limit:  # only its first line is shown
        manifest = Manifest(path, raw[: raw.find(b"\n", 0, 65536) + 1 or 65536])
        manifest.problems.append(
            Problem("too-large", 1, 1, limit=limit, mib=limit // (1024 * 1024))
        )
        return manifest
    read = _read_events(path, raw)
    if not isinstance(read, tuple):
        return read
    if len(raw) > NODE_TREE_MAX_BYTES:  # the node tree takes about 50 times the file's size
        manifest = Manifest(path, raw)
        mib = NODE_TREE_MAX_BYTES // (1024 * 1024)
        line, column = read
        manifest.problems.append(
            Problem("needs-node-tree", line, column, limit=NODE_TREE_MAX_BYTES, mib=mib)
        )
        return manifest
    return _read_nodes(path, raw)  # what only the full path handles


def _read_events(path: str, raw: bytes) -> Manifest | tuple[int, int]:
    """The manifest read from libyaml's events with no node tree, or, when the file uses what
    only the full path handles, the line and column where it first does. A syntax error or a
    second document anywhere is the file's only problem, as when the full path composes it."""
    manifest = Manifest(path, raw)
    loader = Loader(raw)
    try:
        builder = _EventBuilder(manifest, loader)
        return manifest if builder.build() else builder.node_tree_at
    except _OnlyProblem as only:
        manifest = Manifest(path, raw)
        manifest.problems.append(only.problem)
        return manifest
    except yaml.YAMLError as error:
        manifest = Manifest(path, raw)
        manifest.problems.append(_reading_problem(error, raw))
        return manifest
    finally:
        loader.dispose()


class _OnlyProblem(Exception):
    """Raised inside the event builder: the file has this problem, and no other counts."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.kind)
        self.problem = problem


class _EventBuilder:
    """Plain data and its packed index from one pass over libyaml's events."""

    def __init__(self, manifest: Manifest, loader: Any) -> None:
        self.manifest = manifest
        self.node_tree_at = (1, 1)  # where the file first needs the full path
        self.large = len(manifest.raw) > SPLIT_WHOLE
        self.get_event = loader.get_event
        self.resolve = loader.resolve
        self.places = _PackedPlaces()
        # the state outside each open collection: its container, key and index
        self.stack: list[tuple[Any, str | None, int]] = []

    def pointer(self, container: Any, key: str | None) -> str:
        """The pointer to the value being read: in `container` at `key` (at the end of a list)."""
        tokens: list[Any] = []
        for parent, under, _ in self.stack[1:]:
            tokens.append(under if type(parent) is dict else len(parent) - 1)
        tokens.append(key if type(container) is dict else len(container))
        return join(tokens)

    def build(self) -> bool:
        """Read the stream into the manifest; False when it needs the full path."""
        get_event = self.get_event
        resolve = self.resolve
        manifest = self.manifest
        stack = self.stack
        documents = 0
        data: Any = None
        shared: dict[str, str] = {}
        places = self.places
        marks, spans, add_key = places.marks, places.spans, places.keys.append
        key_ids = places.key_ids
        container: Any = None  # the open collection, or None at the top
        in_mapping = False  # whether it is a mapping
        node = -1  # its index
        count = 0  # values read so far
        key: str | None = None  # in a mapping, the key whose value comes next
        key_id = 0  # its number in the index, while `key` is set
        key_line = key_column = key_end_line = key_end_column = 0
        plain_tags = _PLAIN_TAGS
        large = self.large  # worth sharing repeated keys and values
        resolved_first = _RESOLVED_FIRST
        while True:
            event = get_event()
            kind = event.__class__
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    return self.needs_node_tree(event)
                start, end = event.start_mark, event.end_mark
                raw, style = event.value, event.style
                if style and style in _SPAN_STYLES and end.line > start.line:
                    spans.append((style, start.line, end.line, end.column))
                if key is None and in_mapping:  # a key
                    plain = event.implicit[0]
                    if raw == "<<" and plain:
                        return self.needs_node_tree(event)  # a merge key
                    key_line, key_column = start.line, start.column
                    key_end_line, key_end_column = end.line, end.column
                    if raw in container:
                        at = (key_line, key_column, key_end_line, key_end_column)
                        self.duplicate(container, node, raw, at)
                        if not self.skip_value():
                            return False
                        continue
                    key = intern(raw) if large else raw  # keys repeat: one copy each
                    key_id = key_ids.get(key) or key_ids.setdefault(key, len(key_ids) + 1)
                    continue
                if event.implicit[0] and raw[:1] in resolved_first:
                    tag = plain_tags.get(raw)
                    if tag is None:
                        tag = _exact_plain_tag(raw) or resolve(ScalarNode, raw, (True, False))
                        if len(raw) < 64 and len(plain_tags) < 10_000:
                            plain_tags[raw] = tag
                else:
                    tag = _STR  # quoted, block text, or plain with no resolver for its start
                if tag in (_STR, _TIMESTAMP):
                    value: Any = raw
                    if large and len(raw) < 40:  # short values (`eu`) repeat: one copy each
                        value = shared.setdefault(raw, raw)
                else:
                    value, problem = _scalar(tag, raw)
                    if problem is not None:
                        self.problem(problem, tag, raw, value, start, end, container, key)
                count += 1
                add_key(key_id if key is not None else 0)
                if key is not None:
                    marks.extend(
                        (
                            start.line,
                            start.column,
                            end.line,
                            end.column,
                            key_line,
                            key_column,
                            key_end_line,
                            key_end_column,
                            count << 3 | _KEYED,
                        )
                    )
                    container[key] = value
                    key = None
                else:
                    marks.extend(
                        (start.line, start.column, end.line, end.column, 0, 0, 0, 0, count << 3)
                    )
                    if container is None:
                        data = value
                    else:
                        container.append(value)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    return self.needs_node_tree(event)
                if key is None and in_mapping:
                    return self.needs_node_tree(event)  # a complex key
                if len(stack) >= MAX_DEPTH:
                    return self.refuse_too_deep(event, container, key)
                start = event.start_mark
                is_mapping = kind is MappingStartEvent
                new: Any = {} if is_mapping else []
                shape = _MAPPING if is_mapping else _SEQUENCE  # the subtree's end is set later
                index = count
                count += 1
                add_key(key_id if key is not None else 0)
                if key is not None:
                    marks.extend(
                        (
                            start.line,
                            start.column,
                            0,
                            0,
                            key_line,
                            key_column,
                            key_end_line,
                            key_end_column,
                            shape | _KEYED,
                        )
                    )
                    container[key] = new
                else:
                    marks.extend((start.line, start.column, 0, 0, 0, 0, 0, 0, shape))
                    if container is None:
                        data = new
                    else:
                        container.append(new)
                stack.append((container, key, node))
                container, node, key, in_mapping = new, index, None, is_mapping
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                end = event.end_mark
                base = _STRIDE * node
                marks[base + 2] = end.line
                marks[base + 3] = end.column
                marks[base + 8] |= count << 3
                container, _, node = stack.pop()
                in_mapping = type(container) is dict
                key = None
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _OnlyProblem(_second_document(event))
            elif kind is StreamEndEvent:
                break
            elif kind is AliasEvent:
                return self.needs_node_tree(event)
        manifest.has_document = documents > 0 and count > 0
        if manifest.has_document:
            manifest.data = data
            manifest._places = places
        return True

    def duplicate(
        self, mapping: dict[str, Any], node: int, name: str, at: tuple[int, int, int, int]
    ) -> None:
        """CL002 for a key written twice: the first value is kept, this one is not read."""
        places = self.places
        child, end, line = node + 1, len(places.keys), 0
        while child < end:  # the mapping is still open: its subtree's end is not known yet
            if places.keys[child] == places.key_ids.get(name):
                line = places.marks[_STRIDE * child + 4]
                break
            child = places.after(child)
        problem = Problem(
            "duplicate-key",
            at[0] + 1,
            at[1] + 1,
            self.pointer(mapping, name),
            True,
            key=name,
            first_line=line + 1,
        )
        problem.end = (at[2] + 1, at[3] + 1)
        self.manifest.problems.append(problem)

    def needs_node_tree(self, event: Any) -> bool:
        """False, noting where the file first uses what only the full path reads."""
        self.node_tree_at = (event.start_mark.line + 1, event.start_mark.column + 1)
        return False

    def refuse_too_deep(self, event: Any, container: Any, key: str | None) -> bool:
        """CL005 for a collection nested past the limit: the file is refused where the full
        path refuses it, once the rest of the stream is known to have no syntax error, second
        document or alias (which would change what the full path says)."""
        mark = event.start_mark
        pointer = self.pointer(container, key) if container is not None else ""
        self.manifest.problems.append(
            Problem("too-deep", mark.line + 1, mark.column + 1, pointer, limit=MAX_DEPTH)
        )
        get_event = self.get_event
        while True:
            event = get_event()
            kind = event.__class__
            if kind is StreamEndEvent:
                self.manifest.has_document = True
                return True
            if kind is DocumentStartEvent:
                raise _OnlyProblem(_second_document(event))
            if kind is AliasEvent:
                return self.needs_node_tree(event)

    def skip_value(self) -> bool:
        """Read past the value of a duplicate key (the full path never builds it either),
        noting its multi-line scalars; False when it holds what only the full path handles."""
        get_event = self.get_event
        spans = self.places.spans
        depth = 0
        while True:
            event = get_event()
            kind = event.__class__
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is AliasEvent or event.anchor is not None or event.tag is not None:
                return self.needs_node_tree(event)
            elif kind is ScalarEvent:
                start, end, style = event.start_mark, event.end_mark, event.style
                if style and style in _SPAN_STYLES and end.line > start.line:
                    spans.append((style, start.line, end.line, end.column))
            else:
                depth += 1
            if depth == 0:
                return True

    def problem(
        self,
        kind: str,
        tag: str,
        raw: str,
        value: Any,
        start: Any,
        end: Any,
        container: Any,
        key: str | None,
    ) -> None:
        """A scalar's problem: a YAML 1.1 trap (noted by pointer), or a tag charte-lint does
        not know (a plain `=` resolves to one)."""
        pointer = self.pointer(container, key) if container is not None else ""
        if kind == "unknown-tag":
            self.manifest.problems.append(
                Problem(kind, start.line + 1, start.column + 1, pointer, tag=_shown_tag(tag))
            )
            return
        self.places.traps[pointer] = raw
        problem = Problem(kind, start.line + 1, start.column + 1, pointer, raw=raw, value=value)
        problem.end = (end.line + 1, end.column + 1)
        self.manifest.problems.append(problem)


def _read_nodes(path: str, raw: bytes) -> Manifest:
    """The manifest read by the full path: PyYAML's node tree, then plain data from it."""
    manifest = Manifest(path, raw)
    try:
        root = yaml.compose(raw, Loader=Loader)
    except yaml.YAMLError as error:
        manifest.problems.append(_reading_problem(error, raw))
        return manifest
    if root is None:
        return manifest
    manifest.has_document = True
    traps: dict[int, str] = {}
    builder = _Builder(manifest, traps)
    data = builder.build(root, 0)
    if builder.refused:
        return manifest
    expanded = _expanded_size(root, {}) if builder.aliased else builder.nodes
    if expanded > 10 * builder.nodes + ALIAS_BUDGET:
        manifest.problems.append(
            Problem("alias-expansion", 1, 1, nodes=builder.nodes, expanded=expanded)
        )
        return manifest
    manifest._places = _NodePlaces(root, traps)
    manifest.data = data
    return manifest


def _reading_problem(error: yaml.YAMLError, raw: bytes) -> Problem:
    """What libyaml's (or PyYAML's) complaint about the file says, where it says it."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "expected a single document" in str(error.context or ""):
            return Problem("multiple-documents", line, column)
        return Problem(
            "syntax-error", line, column, reason=error.problem or error.context or "invalid YAML"
        )
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _line_column(raw, error.position)
        reason = error.reason
        if error.character == 0 or "control characters" in reason:
            reason = "control characters (such as NUL bytes) are not allowed"
        return Problem("syntax-error", line, column, reason=reason)
    # any other libyaml complaint, e.g. an encoding it rejects
    return Problem("syntax-error", 1, 1, reason=str(error).splitlines()[0])


def _second_document(event: Any) -> Problem:
    """A second YAML document, where the full path's composer reports it."""
    mark = event.start_mark
    return Problem("multiple-documents", mark.line + 1, mark.column + 1)


def _decode(raw: bytes) -> str | None:
    """The file as text for showing source lines, in the encodings YAML allows."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def _line_column(raw: bytes, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset (libyaml reports reader errors so)."""
    head = raw[: max(position, 0)]
    line_start = head.rfind(b"\n") + 1
    return head.count(b"\n") + 1, len(head[line_start:].decode("utf-8", errors="replace")) + 1


def _expanded_size(node: Any, memo: dict[int, int]) -> int:
    """How many values the tree holds once every alias is expanded (counted without expanding)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    size = 1
    if type(node) is MappingNode:
        for key_node, value_node in node.value:
            size += _expanded_size(key_node, memo) + _expanded_size(value_node, memo)
    elif type(node) is SequenceNode:
        for item in node.value:
            size += _expanded_size(item, memo)
    memo[id(node)] = size
    return size


class _Builder:
    """Builds plain data from nodes, noting problems instead of raising."""

    def __init__(self, manifest: Manifest, traps: dict[int, str]) -> None:
        self.manifest = manifest
        self.problems = manifest.problems
        self.traps = traps
        self.path: list[str] = []
        self.built: dict[int, Any] = {}  # collections already built, so aliases share them
        self.in_progress: set[int] = set()
        self.nodes = 0
        self.aliased = False
        self.refused = False

    def pointer(self) -> str:
        return join(self.path)

    def build(self, node: Any, depth: int) -> Any:
        self.nodes += 1
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node)
        key = id(node)
        if key in self.built:
            self.aliased = True
            if key in self.in_progress:
                mark = node.start_mark
                self.problems.append(
                    Problem("recursive-alias", mark.line + 1, mark.column + 1, self.pointer())
                )
                self.refused = True
            return self.built[key]
        if depth >= MAX_DEPTH:
            mark = node.start_mark
            self.problems.append(
                Problem("too-deep", mark.line + 1, mark.column + 1, self.pointer(), limit=MAX_DEPTH)
            )
            self.refused = True
            return None
        if node.tag not in (_MAP, _SEQ):
            self.unknown_tag(node)
        self.in_progress.add(key)
        if kind is MappingNode:
            result: Any = {}
            self.built[key] = result
            self.mapping(node, result, depth)
        else:
            result = []
            self.built[key] = result
            path = self.path
            for index, item in enumerate(node.value):
                path.append(str(index))
                result.append(self.build(item, depth + 1))
                path.pop()
                if self.refused:
                    break
        self.in_progress.discard(key)
        return result

    def mapping(self, node: MappingNode, result: dict[str, Any], depth: int) -> None:
        first_seen: dict[str, Any] = {}
        merged: list[Any] = []
        path = self.path
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.append(value_node)
                continue
            if type(key_node) is not ScalarNode:
                mark = key_node.start_mark
                self.problems.append(
                    Problem("complex-key", mark.line + 1, mark.column + 1, self.pointer())
                )
                continue
            name = key_node.value
            previous = first_seen.get(name)
            if previous is not None:
                path.append(name)
                mark = key_node.start_mark
                problem = Problem(
                    "duplicate-key",
                    mark.line + 1,
                    mark.column + 1,
                    self.pointer(),
                    True,
                    key=name,
                    first_line=previous.start_mark.line + 1,
                )
                problem.end = (key_node.end_mark.line + 1, key_node.end_mark.column + 1)
                self.problems.append(problem)
                path.pop()
                continue
            first_seen[name] = key_node
            path.append(name)
            result[name] = self.build(value_node, depth + 1)
            path.pop()
            if self.refused:
                return
        for value_node in merged:
            self.merge(value_node, result, depth)

    def merge(self, value_node: Any, result: dict[str, Any], depth: int) -> None:
        """`<<: *defaults` merge keys: keys written in the mapping win over merged ones."""
        sources = value_node.value if type(value_node) is SequenceNode else [value_node]
        for source in sources:
            built = self.build(source, depth + 1)
            if isinstance(built, dict):
                for name, value in built.items():
                    result.setdefault(name, value)
            else:
                mark = source.start_mark
                self.problems.append(
                    Problem("bad-merge", mark.line + 1, mark.column + 1, self.pointer())
                )

    def unknown_tag(self, node: Any) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(
                "unknown-tag",
                mark.line + 1,
                mark.column + 1,
                self.pointer(),
                tag=_shown_tag(node.tag),
            )
        )

    def trap(self, node: ScalarNode, kind: str, value: Any) -> None:
        self.traps[id(node)] = node.value
        mark = node.start_mark
        problem = Problem(
            kind, mark.line + 1, mark.column + 1, self.pointer(), raw=node.value, value=value
        )
        problem.end = (node.end_mark.line + 1, node.end_mark.column + 1)
        self.problems.append(problem)

    def scalar(self, node: ScalarNode) -> Any:
        value, problem = _scalar(node.tag, node.value)
        if problem == "unknown-tag":
            self.unknown_tag(node)
        elif problem is not None:
            self.trap(node, problem, value)
        return value


def _shown_tag(tag: str) -> str:
    """A tag as a user writes it: `!!set` for YAML's own, the full tag otherwise."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _scalar(tag: str, raw: str) -> tuple[Any, str | None]:
    """The value of a scalar of resolved `tag`, and the problem it raises: a YAML 1.1 trap
    (`yaml11-boolean`, `yaml11-number`), `unknown-tag`, or None."""
    if tag in (_STR, _TIMESTAMP):  # dates stay ISO strings, as the schema expects
        return raw, None
    if tag == _NULL:
        return None, None
    if tag == _BOOL:
        value = raw.lower() in ("true", "yes", "on")
        return value, None if raw.lower() in ("true", "false") else "yaml11-boolean"
    if tag == _INT:
        return _integer(raw)
    if tag == _FLOAT:
        try:
            return _float(raw), None
        except ValueError:  # what the resolver calls a float, Python may not
            return raw, None
    return raw, "unknown-tag"


def _integer(raw: str) -> tuple[Any, str | None]:
    text = raw.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    try:
        if ":" in digits:  # YAML 1.1 base 60: 1:30 is 90
            value = 0
            for part in digits.split(":"):
                value = value * 60 + int(part)
            return value * sign, "yaml11-number"
        if digits.startswith("0b"):
            return sign * int(digits[2:], 2), None
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16), None
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8), None
        if _OCTAL_LOOKING.match(raw) and digits != "0":
            return sign * int(digits, 8), "yaml11-number"
        return sign * int(digits), None
    except ValueError:
        return raw, None


def _float(raw: str) -> float:
    text = raw.replace("_", "").lower()
    if text in (".inf", "+.inf"):
        return math.inf
    if text == "-.inf":
        return -math.inf
    if text == ".nan":
        return math.nan
    if ":" in text:
        sign = -1.0 if text.startswith("-") else 1.0
        value = 0.0
        for part in text.lstrip("+-").split(":"):
            value = value * 60 + float(part)
        return sign * value
    return float(text)
