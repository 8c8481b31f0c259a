"""YAML loading that remembers the line every value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


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


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, Lines]:
    """Parse one YAML document; return plain Python data and the lines of its values.

    `first_line` is the line of the file where `text` begins, so that front
    matter reports lines of the whole Markdown file.
    """
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlProblem(line, f"malformed YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"malformed YAML: {exc}") from None
    lines = Lines(start=first_line)
    if node is None:
        return None, lines
    try:
        data = _construct(node, (), lines, first_line, set())
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, f"malformed YAML: {exc}") from None
    except RecursionError:
        raise YamlProblem(first_line, "malformed YAML: nested too deeply") from None
    return data, lines


def _construct(
    node: yaml.Node, path: tuple[Any, ...], lines: Lines, offset: int, seen: set[int]
) -> Any:
    lines.by_path[path] = node.start_mark.line + offset
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        # An alias (*name) reuses a node; expanding reused nodes can grow without bound.
        if id(node) in seen:
            raise YamlProblem(node.start_mark.line + offset,
                              "YAML anchors and aliases (& and *) are not supported here")
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader(" ").construct_object(key_node)  # scalar keys only
            if isinstance(key, (list, dict)):
                raise YamlProblem(key_node.start_mark.line + offset, "a key must be plain text")
            result[key] = _construct(value_node, (*path, key), lines, offset, seen)
            lines.by_path[(*path, key)] = key_node.start_mark.line + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(child, (*path, index), lines, offset, seen)
            for index, child in enumerate(node.value)
        ]
    loader = yaml.SafeLoader("")
    return loader.construct_object(node, deep=True)
