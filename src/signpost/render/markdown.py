"""Gated nodes to Markdown: blocks become Material admonitions, links are re-pointed."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..i18n import N_, _
from ..kit import kit_markdown
from ..model import KIT_KINDS, Block, Module, Node, Text
from ..parse import LINK, link_target
from ..regions import UnknownVariable, fill_plain, render_text


class Labels(dict[str, str]):
    """What each block kind is called for one kind of reader, and whether its boxes show
    minutes: learners see no lesson timings, whoever leads the lesson does. A label is
    read in the language being rendered (i18n.py)."""

    def __init__(self, names: dict[str, str], timed: bool) -> None:
        super().__init__(names)
        self.timed = timed

    def __getitem__(self, kind: str) -> str:
        return _(super().__getitem__(kind))

    def get(self, kind: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self[kind] if kind in self else default  # noqa: SIM401 (translated on access)


LEARNER_LABELS = Labels({
    "activity": N_("Activity"),
    "discussion": N_("Let's talk"),
    "keypoints": N_("Remember"),
    "family": N_("At home"),
    "cards": N_("Cards"),
    "worksheet": N_("Worksheet"),
    "quiz": N_("Quiz"),
}, timed=False)
FACILITATOR_LABELS = Labels({
    "activity": N_("Activity"),
    "discussion": N_("Discussion"),
    "keypoints": N_("Key points"),
    "facilitator": N_("Facilitator notes"),
    "answers": N_("Answers"),
    "safeguarding": N_("Safeguarding"),
    "family": N_("Family follow-up"),
    "cards": N_("Cards"),
    "worksheet": N_("Worksheet"),
    "quiz": N_("Quiz"),
}, timed=True)


class RenderError(Exception):
    """A module that cannot be rendered; `line` is a line of `path`."""

    def __init__(self, path: Path, line: int, code: str, message: str) -> None:
        super().__init__(f"{path}:{line}: {code} {message}")
        self.path, self.line, self.code, self.message = path, line, code, message


def block_heading(block: Block, labels: dict[str, str]) -> str:
    """The box's label and title, said once: "Remember", not "Remember: Remember"; a title
    that already names its part ("Warm-up: ...") or starts with the label stands alone."""
    label = labels.get(block.kind, block.kind.title())
    title = (block.title or "").strip()
    if not title:
        return label
    if ":" in title or title.casefold().startswith(label.casefold()):
        return title
    return f"{label}: {title}"


def block_title(block: Block, labels: dict[str, str]) -> str:
    title = block_heading(block, labels)
    if block.minutes and getattr(labels, "timed", True):
        minutes = _("{minutes} minutes").format(minutes=block.minutes)
        title = f"{title} ({minutes})"
    return quoted(title)


def quoted(title: str) -> str:
    """A box title as Markdown's admonition syntax quotes it (no double quote inside)."""
    return title.replace('"', "'")


LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


def as_written(markdown: str) -> str:
    """A list that follows a line of text starts a list, as authors expect.

    Python-Markdown needs a blank line before such a list, or it runs the items into
    the paragraph; the blank line is added here, for sites and print alike.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if (LIST_ITEM.match(line) and previous.strip() and not LIST_ITEM.match(previous)
                and not previous.startswith((" ", "\t"))):
            out.append("")
        out.append(line)
    return "\n".join(out)


def nodes_markdown(nodes: tuple[Node, ...], labels: dict[str, str],
                   quiz: Callable[[Block], str] | None = None) -> str:
    """`quiz` renders quiz blocks (render/quiz.py); without it they are boxes of their text."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(as_written(node.markdown).strip("\n"))
        elif node.kind in KIT_KINDS:  # card sets and worksheets: see kit.py
            parts.append(kit_markdown(node, block_title(node, labels),
                                      lambda nodes: nodes_markdown(nodes, labels, quiz)))
        elif node.kind == "quiz" and quiz is not None:
            parts.append(quiz(node))
        else:
            inner = nodes_markdown(node.children, labels, quiz)
            body = "\n".join(f"    {line}" if line.strip() else "" for line in inner.split("\n"))
            parts.append(f'!!! sp-{node.kind} "{block_title(node, labels)}"\n\n{body}')
    return "\n\n".join(part for part in parts if part.strip())


def fill_region(markdown: str, module: Module, variables: dict[str, Any]) -> str:
    try:
        return render_text(markdown, variables)
    except UnknownVariable as exc:  # the checker reports these with lines; this is a last guard
        raise RenderError(module.path, module.body_line, "SP210", f"region variable: {exc}") from None


def fill_plain_text(text: str, module: Module, variables: dict[str, Any]) -> str:
    """Region values in text shown as plain text (quiz words), not as Markdown."""
    try:
        return fill_plain(text, variables)
    except UnknownVariable as exc:
        raise RenderError(module.path, module.body_line, "SP210", f"region variable: {exc}") from None


LinkTarget = Callable[[Path], str | None]


def repoint_links(
    markdown: str, module: Module, page_path: str, page_of: LinkTarget, files: dict[str, Path]
) -> str:
    """Make module-relative links relative to the generated page.

    A link to a module that is not in this site keeps its words and loses the link.
    Other curriculum files (images, handouts) are copied to `files/`.
    """
    curriculum_dir = module.path.parent.parent
    page_dir = posixpath.dirname(page_path)

    def replace(match: re.Match[str]) -> str:
        target = link_target(match)
        parts = urlsplit(target)
        if not target or parts.scheme or target.startswith(("#", "//", "mailto:", "tel:")):
            return match.group(0)
        source = (module.path.parent / unquote(parts.path)).resolve()
        anchor = f"#{parts.fragment}" if parts.fragment else ""
        if source.suffix == ".md":
            page = page_of(source)
            if page is None:
                return match.group("text")
            new = posixpath.relpath(page, page_dir or ".") + anchor
        else:
            docs_path = "files/" + source.relative_to(curriculum_dir.resolve()).as_posix()
            files[docs_path] = source
            new = posixpath.relpath(docs_path, page_dir or ".")
        return f"{match.group('bang')}[{match.group('text')}]({new}{match.group('title') or ''})"

    return LINK.sub(replace, markdown)
