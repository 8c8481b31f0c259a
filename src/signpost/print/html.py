"""Gated module nodes to print HTML: Markdown converted, region variables filled, images inlined.

Images are inlined as data: URIs so that the PDF renderer never fetches anything
and the HTML written beside each PDF works on its own.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..i18n import _, base_language, current_language, direction, ngettext, translation_note
from ..kit import kit_nodes
from ..model import FACILITATOR_ONLY, KIT_KINDS, Block, Module, Node, Text
from ..parse import LINK, link_target
from ..regions import channel_ages, channel_purpose, region_emergency, region_name
from ..render.markdown import (
    RenderError,
    as_written,
    block_heading,
    fill_plain_text,
    fill_region,
)

# The extensions of the base mkdocs.yml that change how module text reads on paper.
MARKDOWN_EXTENSIONS = ["tables", "def_list", "attr_list", "admonition", "md_in_html"]

environment = Environment(
    loader=PackageLoader("signpost", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
# Signpost's own words in the document's language (i18n.py), and the region's help in it.
environment.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)
environment.globals.update(channel_purpose=channel_purpose, channel_ages=channel_ages,
                           region_name=region_name, region_emergency=region_emergency,
                           translation_note=lambda module: translation_note(
                               module.language, module.draft_translation, current_language()),
                           own_language=lambda module: own_language(module.language),
                           with_ltr=lambda message, **values: with_ltr(message, **values))


def own_language(tag: str) -> Markup:
    """` lang=".." dir=".."` for text in another language than the document's (a module not
    translated yet: English reads left to right in an Urdu document); else nothing."""
    if base_language(tag) == base_language(current_language()):
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(tag, direction(tag))


def with_ltr(message: str, **values: str) -> Markup:
    """`message` with each {value} set left to right whatever the page's direction: a phone
    number such as 0800-39393 keeps its order in an Urdu sentence."""
    parts = re.split(r"(\{[a-z_]+\})", message)
    return Markup("").join(
        Markup('<bdi dir="ltr">{}</bdi>').format(values[part[1:-1]])
        if part[1:-1] in values and part.startswith("{") else part for part in parts)

_converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


def markdown_html(text: str) -> Markup:
    _converter.reset()
    return Markup(_converter.convert(text))


class ModuleBody:
    """Renders one module's gated nodes for print.

    `labels` name each block kind; `worksheet` adds room to write or draw after
    activities and discussions (learner packs).
    """

    def __init__(self, module: Module, variables: dict[str, Any], labels: dict[str, str],
                 worksheet: str | None = None, band: str | None = None,
                 quiz: str = "worksheet") -> None:
        self.module = module
        self.variables = variables
        self.labels = labels
        self.worksheet = worksheet
        self.band = band  # a learner pack's band: the size of its cards and worksheets
        self.quiz = quiz  # print/quiz.html's mode: "worksheet", "key" or "starters"

    def html(self, nodes: tuple[Node, ...]) -> Markup:
        parts = []
        for index, node in enumerate(nodes):
            # An activity with its own card set or worksheet (inside it, or right after
            # it) needs no generic room to write.
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            has_kit = isinstance(node, Block) and (
                bool(kit_nodes(node.children))
                or isinstance(following, Block) and following.kind in KIT_KINDS)
            parts.append(self.node_html(node, room=not has_kit))
        return Markup("\n").join(parts)

    def node_html(self, node: Node, room: bool = True) -> Markup:
        if isinstance(node, Text):
            return self.text_html(node)
        if node.kind in KIT_KINDS:
            return kit_html(self, node)
        return self.block_html(node, room)

    def text_html(self, text: Text) -> Markup:
        filled = fill_region(as_written(text.markdown), self.module, self.variables)
        return markdown_html(inline_images(filled, self.module, text.line))

    def block_html(self, block: Block, room: bool = True) -> Markup:
        if block.kind == "quiz":
            return self.quiz_html(block)
        return Markup(environment.get_template("print/block.html").render(
            kind=block.kind,
            heading=block_heading(block, self.labels),
            minutes=block.minutes if getattr(self.labels, "timed", True) else None,
            restricted=block.kind in FACILITATOR_ONLY,
            body=self.html(block.children),
            worksheet=self.worksheet if room and block.kind in ("activity", "discussion")
            else None,
        ))

    def quiz_html(self, block: Block) -> Markup:
        from ..quiz import read_quiz

        quiz = read_quiz(block)[0]
        return Markup(environment.get_template("print/quiz.html").render(
            quiz=quiz, mode=self.quiz, label=self.labels.get("quiz", "Quiz"),
            fill=lambda text: fill_plain_text(text, self.module, self.variables)))


def kit_html(body: ModuleBody, block: Block) -> Markup:
    """A card set or worksheet for print (print/kit.py lays it out)."""
    from .kit import kit_html as render_kit

    return render_kit(body, block)


def inline_images(text: str, module: Module, first_line: int) -> str:
    """Images become data: URIs; links to other modules and files keep only their words."""

    def replace(match: Any) -> str:
        target = link_target(match)
        parts = urlsplit(target)
        external = bool(parts.scheme) or target.startswith(("//", "mailto:", "tel:"))
        if not match.group("bang"):
            if external or target.startswith("#"):
                return match.group(0)
            return match.group("text")
        if external:  # `check` forbids images from other hosts; never fetch one
            return match.group("text")
        line = first_line + text.count("\n", 0, match.start())
        source = (module.path.parent / unquote(parts.path)).resolve()
        if not source.is_file():
            raise RenderError(module.path, line, "SP202", f"image '{target}' does not exist")
        return f"![{match.group('text')}]({data_uri(source)})"

    return LINK.sub(replace, text)


def data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
