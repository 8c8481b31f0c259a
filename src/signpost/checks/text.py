"""Walk a module's body line by line, knowing which blocks enclose each line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import FACILITATOR_ONLY, Block, Module, Node, Text
from ..parse import LINK, link_target

LEARNER_HIDDEN = FACILITATOR_ONLY | {"family"}
INLINE_CODE = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    kinds: tuple[str, ...]  # enclosing block kinds, outermost first

    @property
    def learner_visible(self) -> bool:
        return not LEARNER_HIDDEN.intersection(self.kinds)


def iter_lines(module: Module) -> Iterator[Line]:
    yield from _walk(module.body, ())


def _walk(nodes: tuple[Node, ...], kinds: tuple[str, ...]) -> Iterator[Line]:
    for node in nodes:
        if isinstance(node, Block):
            yield from _walk(node.children, (*kinds, node.kind))
            continue
        assert isinstance(node, Text)
        for offset, text in enumerate(node.markdown.split("\n")):
            yield Line(node.line + offset, text, kinds)


@dataclass(frozen=True)
class Link:
    line: int
    text: str
    target: str
    is_image: bool
    learner_visible: bool


def iter_links(module: Module) -> Iterator[Link]:
    for line in iter_lines(module):
        for match in LINK.finditer(INLINE_CODE.sub("", line.text)):
            yield Link(
                line.number,
                match.group("text"),
                link_target(match),
                match.group("bang") == "!",
                line.learner_visible,
            )
