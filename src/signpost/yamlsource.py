"""YAML loading that remembers the line every value came from.

The data is built from PyYAML's event stream with an explicit stack, never by
recursion, so that no input can exhaust the C or Python stack. Only plain YAML
is accepted: no tags (`!!int`, `!foo`), no anchors or aliases, no merge keys,
no nesting deeper than `MAX_DEPTH`, no duplicate keys. Every problem, including
any exception from the YAML library, is a `YamlProblem` with a line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed
MAX_DEPTH = 50  # nested lists and mappings; front matter needs three or four
MAX_NUMBER_CHARS = 100  # longer numbers are a mistake, and sexagesimal ones cost quadratic time

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MERGE = "tag:yaml.org,2002:merge"
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
_CONSTRUCT: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    _INT: _CONSTRUCTOR.construct_yaml_int,
    _FLOAT: _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
    _STR: _CONSTRUCTOR.construct_yaml_str,
}
# Anything the YAML library (C or Python) or a scalar constructor may raise on odd input.
_LIBRARY_ERRORS = (
    yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError, MemoryError,
    KeyError, IndexError, AttributeError,
)  # fmt: skip


class YamlProblem(Exception):
    """Malformed YAML; `line` is 1-based and relative to the parsed text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Lines:
    """Line numbers of the values in a YAML document, by key path."""

    start: int = 1
    by_path: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def of(self, *path: Any) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.by_path:
                return self.by_path[path]
            path = path[:-1]
        return self.start


# Makes the value of a tagged scalar from (tag, text, line), or raises YamlProblem.
TaggedValue = Callable[[str, str, int], Any]


def load_yaml(
    text: str, first_line: int = 1, tagged: TaggedValue | None = None
) -> tuple[Any, Lines]:
    """Parse one YAML document; return plain Python data and the lines of its values.

    `first_line` is the line of the file where `text` begins, so that front
    matter reports lines of the whole Markdown file. Tagged scalars are refused
    unless `tagged` makes their values. Raises only `YamlProblem`.
    """
    builder = _Builder(first_line, tagged)
    events = None
    try:
        events = yaml.parse(text, Loader=FAST_LOADER)
        for event in events:
            builder.feed(event)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_marked_line(exc, first_line), _marked_message(exc)) from None
    except yaml.reader.ReaderError as exc:
        line = _reader_line(text, exc.position, first_line)
        raise YamlProblem(line, f"malformed YAML: {_reader_message(exc)}") from None
    except _LIBRARY_ERRORS as exc:
        message = "nested too deeply" if isinstance(exc, RecursionError) else (
            "too large" if isinstance(exc, MemoryError) else str(exc) or type(exc).__name__
        )
        raise YamlProblem(builder.line, f"malformed YAML: {message}") from None
    finally:
        if events is not None:
            with contextlib.suppress(*_LIBRARY_ERRORS):
                events.close()  # releases the parser when the loop stopped early
    return builder.data, builder.lines


def _marked_line(exc: yaml.MarkedYAMLError, first_line: int) -> int:
    """Where the problem starts: an unclosed quote at its opening, not at the end of the file."""
    if exc.context_mark is not None and (exc.context or "").startswith("while scanning"):
        mark = exc.context_mark
    else:
        mark = exc.problem_mark or exc.context_mark
    return (mark.line if mark is not None else 0) + first_line


def _marked_message(exc: yaml.MarkedYAMLError) -> str:
    problem, context = exc.problem or "", exc.context or ""
    if context.startswith("while scanning") and problem:
        return f"malformed YAML: {problem} {context}"
    return f"malformed YAML: {problem or context or 'cannot be read'}"


def _reader_line(text: str, position: Any, first_line: int) -> int:
    if not isinstance(position, int) or position < 0:
        return first_line
    if FAST_LOADER is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8
        encoded = text.encode("utf-8", "surrogatepass")
        return encoded.count(b"\n", 0, position) + first_line
    return text.count("\n", 0, position) + first_line


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    character = exc.character
    if isinstance(character, int):
        return f"the character U+{character:04X} is not allowed in YAML"
    return exc.reason or "the text cannot be read"


class _Builder:
    """Turns parser events into data, one event at a time, with an explicit stack."""

    def __init__(self, first_line: int, tagged: TaggedValue | None = None) -> None:
        self.tagged = tagged
        self.offset = first_line
        self.line = first_line  # of the latest event, for errors without a mark
        self.lines = Lines(start=first_line)
        self.data: Any = None
        self.documents = 0
        self.stack: list[_Open] = []

    def feed(self, event: yaml.Event) -> None:
        mark = getattr(event, "start_mark", None)
        if mark is not None:
            self.line = mark.line + self.offset
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlProblem(
                    self.line,
                    "malformed YAML: expected a single document, but found another "
                    "(remove this '---')",
                )
        elif isinstance(event, yaml.AliasEvent):
            raise YamlProblem(self.line, "YAML anchors and aliases (& and *) are not supported here")
        elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._node(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = self.stack.pop()
            self._place(done.value, done.line)

    def _node(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            raise YamlProblem(self.line, "YAML anchors and aliases (& and *) are not supported here")
        parent = self.stack[-1] if self.stack else None
        if event.tag is not None:
            if self.tagged is None or not isinstance(event, yaml.ScalarEvent) or (
                    parent is not None and parent.wants_key):
                raise YamlProblem(
                    self.line, "YAML tags like !!int are not supported: write the value plainly"
                )
            self.lines.by_path[self._child_path(parent)] = self.line
            self._place(self.tagged(event.tag, event.value, self.line), self.line)
            return
        if isinstance(event, yaml.ScalarEvent):
            is_key = parent is not None and parent.wants_key
            if is_key:
                self._check_key(event)
            else:
                self.lines.by_path[self._child_path(parent)] = self.line
            self._place(_scalar(event, self.line, is_key), self.line)
            return
        if parent is not None and parent.wants_key:
            raise YamlProblem(self.line, "a key must be plain text")
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(
                self.line, f"malformed YAML: nested more than {MAX_DEPTH} levels deep"
            )
        path = self._child_path(parent)
        self.lines.by_path[path] = self.line
        value: dict[Any, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        self.stack.append(_Open(value, path, self.line))

    def _check_key(self, event: yaml.ScalarEvent) -> None:
        if event.implicit[0] and event.value == "<<":
            raise YamlProblem(self.line, "YAML merge keys (<<) are not supported here")

    def _child_path(self, parent: _Open | None) -> tuple[Any, ...]:
        if parent is None:
            return ()
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        return (*parent.path, parent.key)

    def _place(self, value: Any, line: int) -> None:
        """Put a finished value into the open collection (or make it the document)."""
        if not self.stack:
            self.data = value
            return
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.wants_key:
            try:
                duplicate = value in parent.value
            except TypeError:  # unhashable: cannot happen for scalars, but never crash
                raise YamlProblem(line, "a key must be plain text") from None
            if duplicate:
                raise YamlProblem(line, f"duplicate key '{value}'")
            parent.key, parent.key_line, parent.expects_key = value, line, False
        else:
            parent.value[parent.key] = value
            # A key's line is where the key is written, as in `title:`.
            self.lines.by_path[(*parent.path, parent.key)] = parent.key_line
            parent.key, parent.expects_key = None, True


@dataclass
class _Open:
    """A list or mapping still being filled."""

    value: dict[Any, Any] | list[Any]
    path: tuple[Any, ...]
    line: int
    key: Any = None
    key_line: int = 0
    expects_key: bool = True

    @property
    def wants_key(self) -> bool:
        return self.expects_key and isinstance(self.value, dict)


def _scalar(event: yaml.ScalarEvent, line: int, is_key: bool) -> Any:
    """A scalar as YAML 1.1 reads it: plain text may be a null, bool, number or date."""
    if not event.implicit[0]:  # quoted or a block scalar: always text
        return event.value
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
    if tag not in _CONSTRUCT:  # `=` (value) and `<<` (merge) outside a key: just text
        tag = _STR
    if tag in (_INT, _FLOAT) and len(event.value) > MAX_NUMBER_CHARS:
        raise YamlProblem(
            line, f"a number may have at most {MAX_NUMBER_CHARS} characters "
            "(put it in quotes if it is text)"
        )
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return _CONSTRUCT[tag](node)
    except _LIBRARY_ERRORS:
        if tag == "tag:yaml.org,2002:timestamp":
            raise YamlProblem(line, f"not a valid date: {event.value}") from None
        raise YamlProblem(line, f"cannot read the value '{event.value[:80]}'") from None
