"""Split a module file into front matter and a tree of text and `:::` blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import BLOCK_KINDS, TIMED_KINDS, Block, Node, Text

OPEN_FENCE = re.compile(r"^(?P<colons>:{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)(?P<rest>.*)$")
CLOSE_FENCE = re.compile(r"^(?P<colons>:{3,})[ \t]*$")
HEADER_REST = re.compile(r'^[ \t]*(?:"(?P<title>[^"]*)")?[ \t]*(?P<minutes>\d+)?[ \t]*$')
CODE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# An inline link or image: [text](target "title"); the target may be <wrapped> or empty.
LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<target><[^>]*>|[^)\s]*)(?P<title>\s+\"[^\"]*\")?\)"
)


def link_target(match: re.Match[str]) -> str:
    return match.group("target").strip("<>")


@dataclass(frozen=True)
class Problem:
    line: int
    code: str
    message: str


@dataclass
class SplitModule:
    front_matter: str | None
    front_matter_line: int  # file line of the first front-matter line
    body: str
    body_line: int  # file line of the first body line


def normalise_text(raw: bytes) -> str:
    """Decode UTF-8 (with or without a byte-order mark) and use LF line endings."""
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> SplitModule:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return SplitModule(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return SplitModule(
                "\n".join(lines[1:index]),
                2,
                "\n".join(lines[index + 1 :]),
                index + 2,
            )
    return SplitModule(None, 1, text, 1)


@dataclass
class _Open:
    colons: str
    kind: str
    title: str | None
    minutes: int | None
    line: int
    children: list[Node]


def parse_body(body: str, first_line: int) -> tuple[tuple[Node, ...], list[Problem]]:
    """Parse the Markdown body into text and (possibly nested) blocks."""
    problems: list[Problem] = []
    root: list[Node] = []
    stack: list[_Open] = []
    pending: list[str] = []
    pending_line = first_line
    code_fence: str | None = None

    def target() -> list[Node]:
        return stack[-1].children if stack else root

    def flush() -> None:
        nonlocal pending
        if pending and any(line.strip() for line in pending):
            target().append(Text("\n".join(pending), pending_line))
        pending = []

    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        fence = CODE_FENCE.match(line)
        if code_fence is not None:
            if fence and fence.group(1)[0] == code_fence[0] and len(fence.group(1)) >= len(
                code_fence
            ):
                code_fence = None
            pending.append(line)
            continue
        if fence:
            code_fence = fence.group(1)
        closing = CLOSE_FENCE.match(line)
        opening = OPEN_FENCE.match(line) if not closing else None
        if closing:
            flush()
            pending_line = number + 1
            colons = closing.group("colons")
            if not stack:
                problems.append(Problem(number, "SP105", "closing fence with no open block"))
                continue
            if colons != stack[-1].colons:
                top = stack[-1]
                problems.append(
                    Problem(
                        number,
                        "SP102",
                        f"mismatched fence: '{colons}' closes '{top.colons} {top.kind}' "
                        f"opened on line {top.line}; close it with '{top.colons}'",
                    )
                )
                continue
            _close(stack, root, number)
            continue
        if opening:
            flush()
            pending_line = number + 1
            block = _open_block(opening, number, problems)
            stack.append(block)
            continue
        if not pending:
            pending_line = number
        pending.append(line)
    flush()
    while stack:
        top = stack[-1]
        problems.append(
            Problem(top.line, "SP101", f"unclosed block '{top.kind}': add a line '{top.colons}'")
        )
        _close(stack, root, first_line + body.count("\n"))
    return tuple(root), problems


def _open_block(match: re.Match[str], number: int, problems: list[Problem]) -> _Open:
    kind = match.group("kind")
    if kind not in BLOCK_KINDS:
        problems.append(
            Problem(
                number,
                "SP103",
                f"unknown block kind '{kind}'; use one of: {', '.join(BLOCK_KINDS)}",
            )
        )
    header = HEADER_REST.match(match.group("rest"))
    title: str | None = None
    minutes: int | None = None
    if header is None:
        problems.append(
            Problem(
                number,
                "SP104",
                f'malformed block header: write ::: {kind} "Title" MINUTES '
                "(title in double quotes, minutes a whole number; both optional)",
            )
        )
    else:
        title = header.group("title")
        minutes = int(header.group("minutes")) if header.group("minutes") else None
        if minutes is not None and kind not in TIMED_KINDS:
            problems.append(
                Problem(
                    number,
                    "SP104",
                    f"'{kind}' blocks take no minutes; only {', '.join(sorted(TIMED_KINDS))} do",
                )
            )
            minutes = None
    return _Open(match.group("colons"), kind, title, minutes, number, [])


def _close(stack: list[_Open], root: list[Node], end_line: int) -> None:
    top = stack.pop()
    block = Block(top.kind, top.title, top.minutes, tuple(top.children), top.line, end_line)
    (stack[-1].children if stack else root).append(block)
