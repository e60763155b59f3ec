"""Reading a YAML file into plain data plus the node tree that locates every JSON pointer.

Safe YAML only: the file is composed into nodes by libyaml (pure-Python PyYAML as a fallback),
then built into dicts, lists and scalars here, never by PyYAML's constructors, so that no tag
can instantiate anything, duplicate keys and YAML 1.1 surprises are seen, and aliases cannot
expand a small file into millions of values.
"""

from __future__ import annotations

import math
import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from charte_lint.pointer import join, split

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


MAX_BYTES = 100 * 1024 * 1024
"""Files above this size are refused (a 40,000-use inventory is about 50 MiB)."""
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
    """A file's data, its node tree, and what went wrong while reading it.

    `data` is None when the file could not be read as YAML (a syntax error, an alias bomb):
    the problems then say why, and nothing downstream runs on it.
    """

    __slots__ = ("_lines", "data", "path", "problems", "root", "text", "traps")

    def __init__(self, path: str, text: str | None) -> None:
        self.path = path
        self.text = text
        self.data: Any = None
        self.root: Any = None
        self.problems: list[Problem] = []
        # id(node) -> raw text of scalars read differently by YAML 1.1 and 1.2 (`no`, `0777`).
        self.traps: dict[int, str] = {}
        self._lines: list[str] | None = None

    def locate(self, pointer: str, on_key: bool = False) -> tuple[int, int, int, int]:
        """1-based (line, column, end_line, end_column) of the value at `pointer`.

        Collections are reported at their key (`data:`), scalars at their value; a pointer that
        goes past what the file holds is reported at the deepest part that exists.
        """
        node, key_node = _walk(self.root, pointer)
        if node is None:
            return (1, 1, 1, 1)
        target = (
            key_node if key_node is not None and (on_key or type(node) is not ScalarNode) else node
        )
        start, end = target.start_mark, target.end_mark
        if type(target) is not ScalarNode and target is node:
            end = _first_line_end(target)  # a whole block would underline many lines
        return (start.line + 1, start.column + 1, end.line + 1, max(end.column, start.column) + 1)

    def node_at(self, pointer: str) -> Any:
        """The node at `pointer`, or None when the file holds nothing there."""
        node, _ = _walk(self.root, pointer)
        parts = split(pointer)
        if node is None or _depth_reached(self.root, parts) != len(parts):
            return None
        return node

    def source_line(self, line: int) -> str:
        """The text of a 1-based line, for showing it under a finding."""
        if not self.text or line < 1:
            return ""
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines[line - 1] if line <= len(self._lines) else ""


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


def read_manifest(path: str, raw: bytes) -> Manifest:
    """Parse `raw` (the bytes of `path`) into a Manifest; never raises on bad input."""
    text = _decode(raw)
    manifest = Manifest(path, text)
    if len(raw) > MAX_BYTES:
        manifest.problems.append(Problem("too-large", 1, 1, size=len(raw), limit=MAX_BYTES))
        return manifest
    try:
        root = yaml.compose(raw, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "expected a single document" in str(error.context or ""):
            manifest.problems.append(Problem("multiple-documents", line, column))
        else:
            reason = error.problem or error.context or "invalid YAML"
            manifest.problems.append(Problem("syntax-error", line, column, reason=reason))
        return manifest
    except yaml.reader.ReaderError as error:
        line, column = _line_column(raw, error.position)
        reason = error.reason
        if error.character == 0 or "control characters" in reason:
            reason = "control characters (such as NUL bytes) are not allowed"
        manifest.problems.append(Problem("syntax-error", line, column, reason=reason))
        return manifest
    except yaml.YAMLError as error:  # any other libyaml complaint, e.g. an encoding it rejects
        manifest.problems.append(Problem("syntax-error", 1, 1, reason=str(error).splitlines()[0]))
        return manifest
    if root is None:
        return manifest
    builder = _Builder(manifest)
    data = builder.build(root, 0)
    if builder.refused:
        return manifest
    expanded = _expanded_size(root, {}) if builder.aliased else builder.nodes
    if expanded > 10 * builder.nodes + ALIAS_BUDGET:
        manifest.problems.append(
            Problem("alias-expansion", 1, 1, nodes=builder.nodes, expanded=expanded)
        )
        return manifest
    manifest.root = root
    manifest.data = data
    return manifest


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

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self.problems = manifest.problems
        self.traps = manifest.traps
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
        tag = node.tag
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        self.problems.append(
            Problem("unknown-tag", mark.line + 1, mark.column + 1, self.pointer(), tag=shown)
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
        tag, raw = node.tag, node.value
        if tag in (_STR, _TIMESTAMP):  # dates stay ISO strings, as the schema expects
            return raw
        if tag == _NULL:
            return None
        if tag == _BOOL:
            value = raw.lower() in ("true", "yes", "on")
            if raw.lower() not in ("true", "false"):
                self.trap(node, "yaml11-boolean", value)
            return value
        if tag == _INT:
            return self.integer(node, raw)
        if tag == _FLOAT:
            try:
                return _float(raw)
            except ValueError:  # what the resolver calls a float, Python may not
                return raw
        self.unknown_tag(node)
        return raw

    def integer(self, node: ScalarNode, raw: str) -> Any:
        text = raw.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        try:
            if ":" in digits:  # YAML 1.1 base 60: 1:30 is 90
                value = 0
                for part in digits.split(":"):
                    value = value * 60 + int(part)
                value *= sign
                self.trap(node, "yaml11-number", value)
                return value
            if digits.startswith("0b"):
                return sign * int(digits[2:], 2)
            if digits.startswith("0x"):
                return sign * int(digits[2:], 16)
            if digits.startswith("0o"):
                return sign * int(digits[2:], 8)
            if _OCTAL_LOOKING.match(raw) and digits != "0":
                value = sign * int(digits, 8)
                self.trap(node, "yaml11-number", value)
                return value
            return sign * int(digits)
        except ValueError:
            return raw


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
