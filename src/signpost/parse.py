"""Split a module file into front matter and a tree of text and `:::` blocks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import BLOCK_KINDS, TIMED_KINDS, Block, Node, Text

OPEN_FENCE = re.compile(r"^(?P<colons>:{3,})[ \t]*(?P<kind>[A-Za-z][\w-]*)(?P<rest>.*)$")
CLOSE_FENCE = re.compile(r"^(?P<colons>:{3,})[ \t]*$")
HEADER_REST = re.compile(r'^[ \t]*(?:"(?P<title>[^"]*)")?[ \t]*(?P<minutes>\d+)?[ \t]*$')
# What a reader (or a renderer) might take for a block marker, a code fence or an admonition
# once whitespace, quote and list markers, invisible characters and look-alike colons are
# set aside. Only the exact forms above are markers; anything else that looks like one is
# an error, so that text can never look gated in review while being published.
LOOKS_LIKE = re.compile(r"^(?P<what>:{3,}|`{3,}|~{3,}|!{3}|\?{3})")
LEADING_NOISE = re.compile(r"^(?:\s|>|[-*+](?=\s)|\d{1,9}[.)](?=\s))*")
MARKER_STARTS = frozenset(":`~!?>-*+")
COLON_LOOKALIKES = str.maketrans(dict.fromkeys("\u2236\ua789\u02d0\u02f8\u05c3\u0703\u0704\u0589"
                                               "\ufe13\ufe55\uff1a", ":"))
# An inline link or image: [text](target "title"); the target may be <wrapped> or empty.
# Each part is bounded, so that an unclosed bracket costs a constant, not the rest of the page.
LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]]{0,1000})\]\((?P<target><[^>\n]{0,2000}>|[^)\s]{0,2000})"
    r"(?P<title>\s+\"[^\"]{0,500}\")?\)"
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


# Python-Markdown, which renders the sites, takes time that grows with the square of a
# paragraph's unclosed brackets and of a page's unclosed tags; these bounds keep every
# module quick to check and to build. Real lessons stay far below them.
MAX_PARAGRAPH_CHARS = 10_000
MAX_PARAGRAPH_BRACKETS = 60
MAX_TAG_OPENINGS = 300
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def size_problems(body: str, first_line: int) -> list[Problem]:
    """Paragraphs too long or too bracketed, and too much raw HTML, for the renderer."""
    problems: list[Problem] = []
    openings = body.count("<")
    if openings > MAX_TAG_OPENINGS:
        problems.append(Problem(first_line, "SP109", f"{openings} '<' characters: at most "
                                f"{MAX_TAG_OPENINGS} in a module; write the words instead of "
                                "HTML, or split the module"))
    start = 0
    for gap in [*BLANK_LINE.finditer(body), None]:
        end = gap.start() if gap else len(body)
        paragraph = body[start:end]
        line = first_line + body.count("\n", 0, start)
        if len(paragraph) > MAX_PARAGRAPH_CHARS:
            problems.append(Problem(line, "SP109", f"a paragraph of {len(paragraph)} "
                                    f"characters: at most {MAX_PARAGRAPH_CHARS}; split it"))
        elif paragraph.count("[") > MAX_PARAGRAPH_BRACKETS:
            problems.append(Problem(line, "SP109", f"{paragraph.count('[')} '[' in one "
                                    f"paragraph: at most {MAX_PARAGRAPH_BRACKETS}; split it"))
        start = gap.end() if gap else end
    return problems


def parse_body(body: str, first_line: int) -> tuple[tuple[Node, ...], list[Problem]]:
    """Parse the Markdown body into text and (possibly nested) blocks."""
    problems: list[Problem] = size_problems(body, first_line)
    root: list[Node] = []
    stack: list[_Open] = []
    pending: list[str] = []
    pending_line = first_line

    def target() -> list[Node]:
        return stack[-1].children if stack else root

    def flush() -> None:
        nonlocal pending
        if pending and any(line.strip() for line in pending):
            target().append(Text("\n".join(pending), pending_line))
        pending = []

    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if not is_exact_marker(line):
            ambiguous = ambiguous_marker(line)
            if ambiguous:
                problems.append(Problem(number, *ambiguous))
                continue
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


def is_exact_marker(line: str) -> bool:
    return bool(CLOSE_FENCE.match(line) or OPEN_FENCE.match(line)) and line.isprintable()


def visible_start(line: str) -> str:
    """The line as a reader sees it: no invisible characters, look-alike colons as colons."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Zs", "Cc") else ch
        for ch in line if unicodedata.category(ch) != "Cf"
    )
    kept = unicodedata.normalize("NFKC", kept).translate(COLON_LOOKALIKES)
    return LEADING_NOISE.sub("", kept)


def ambiguous_marker(line: str) -> tuple[str, str] | None:
    """(code, message) for a line a reader could take for a marker that is not an exact one."""
    first = line.lstrip()[:1]
    if not first or line.isascii() and first not in MARKER_STARTS and not first.isdigit():
        return None  # most lines, decided without normalising them
    seen = LOOKS_LIKE.match(visible_start(line))
    if seen is None:
        return None
    what = seen.group("what")
    if what.startswith(":"):
        return ("SP106", "this looks like a block marker but is not one: a marker starts at "
                "the very beginning of its line, on a line of its own, with plain colons "
                "and no invisible characters (write ':::' and the kind, or ':::' to close)")
    if what[0] in "`~":
        return ("SP107", "code blocks are not supported in modules (the sites and the "
                "checks would read them differently): show code inline in `backticks` or "
                "as lines indented by four spaces after a blank line")
    return ("SP108", "write boxes as ::: blocks, not '!!!' or '???' admonitions, so that "
            "every box is gated by its kind")


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
