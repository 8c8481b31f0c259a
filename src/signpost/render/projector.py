"""A projector view of every lesson: one step to a screen, in big type, for a classroom wall.

Each learner site gets `project/<module-id>.html` for every lesson it shows. The steps come
from the same gated body as the lesson page (select.py's selection for that site), so no
facilitator, answers or safeguarding text can reach them: the title with the summary and
"In this lesson", the words to know, each stretch of text (split at its `##` headings),
each learner block in turn, and a last screen with the region's help box.

The page is a static HTML file in the site's docs tree: MkDocs copies it as it is, so it is
in the offline zip, and the build's output checks read it like every other page (the steps
sit in an `<article class="md-content__inner">`, judged by the HTML allowlist; verify.py
searches it for gated text). A small script of Signpost's own (assets/projector.js) shows
one step at a time; without the script the page reads as one long page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..model import Block, Module, Node, Text
from ..regions import help_channels
from ..regions import markdown_text as md
from ..select import ModulePage, select_site
from .markdown import (
    LEARNER_LABELS,
    LIST_ITEM,
    as_written,
    block_title,
    fill_region,
    nodes_markdown,
    repoint_links,
)

if TYPE_CHECKING:
    from .pages import DocsTree, PageContext

FOLDER = "project"
ASSETS = {"assets/projector.js": "projector.js", "assets/projector.css": "projector.css"}
LINK_TEXT = "Show on a projector"
# The extensions of the base mkdocs.yml that change how module text reads.
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables"]
SECTION_HEADING = re.compile(r"^(?=#{1,2}[ \t])", re.MULTILINE)

environment = Environment(
    loader=PackageLoader("signpost", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


@dataclass(frozen=True)
class Step:
    """One screen: a heading, Markdown, and the pipeline class its box takes (or none)."""

    heading: str
    markdown: str
    css_class: str = ""
    level: int = 2
    from_body: bool = False  # a heading of the module's text: region variables filled


def projector_path(module_id: str) -> str:
    """Where a lesson's projector view sits in its learner site (docs-relative)."""
    return f"{FOLDER}/{module_id}.html"


def is_projector_page(docs_path: str) -> bool:
    """A projector page: a static file MkDocs copies, so a page-level rebuild may rewrite it."""
    return docs_path.startswith(f"{FOLDER}/") and docs_path.endswith(".html")


def lesson_steps(module: Module, body: tuple[Node, ...]) -> list[Step]:
    """The lesson as screens, in page order: intro, words to know, text and each block."""
    intro = [module.summary, "", "**In this lesson**", ""]
    intro += [f"- {objective}" for objective in module.objectives]
    steps = [Step(module.title, "\n".join(intro), "sp-summary", level=1)]
    if module.vocabulary:
        words = [f"- **{term}**: {text}" for term, text in module.vocabulary.items()]
        steps.append(Step("Words to know", "\n".join(words), "sp-vocabulary"))
    texts: list[str] = []
    for node in (*body, None):
        if isinstance(node, Text):
            texts.append(as_written(node.markdown).strip("\n"))
            continue
        steps += text_steps("\n\n".join(t for t in texts if t.strip()))
        texts = []
        if isinstance(node, Block):
            steps.append(block_step(node))
    return steps


def text_steps(text: str) -> list[Step]:
    """Text outside blocks, one step per `#`/`##` section (its heading becomes the step's),
    a long section over as many screens as it takes ("... (continued)")."""
    steps = []
    for part in SECTION_HEADING.split(text):
        if not part.strip():
            continue
        first, _, rest = part.partition("\n")
        heading = ""
        if HEADING.match(first):
            heading, part = CLOSING_HASHES.sub("", HEADING.sub("", first)).strip(), rest
        pieces = screenfuls(part.strip("\n")) or [""]
        for number, piece in enumerate(pieces):
            shown = heading if number == 0 or not heading else f"{heading} (continued)"
            steps.append(Step(shown, piece, from_body=True))
    return steps


HEADING = re.compile(r"^#{1,2}[ \t]+")
CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")  # "## Title ##", as Markdown reads it
SCREENFUL = 110  # words of text on one screen, in big type (a paragraph is never split)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n(?=\S)")  # before a line that is not indented


def screenfuls(text: str) -> list[str]:
    """`text` in pieces of at most SCREENFUL words, cut only between paragraphs, lists and
    tables: never inside one (a loose list's items stay together), nor before an indented
    continuation or a definition."""
    pieces: list[str] = []
    words = 0
    after_item = False
    for paragraph in PARAGRAPH_BREAK.split(text):
        count = len(paragraph.split())
        item = bool(LIST_ITEM.match(paragraph))
        joined = paragraph.startswith(("|", ":")) or (item and after_item)
        if pieces and (joined or words + count <= SCREENFUL):
            pieces[-1] += "\n\n" + paragraph
            words += count
        else:
            pieces.append(paragraph)
            words = count
        after_item = item
    return [piece for piece in pieces if piece.strip()]


def block_step(block: Block) -> Step:
    """A learner block's screen, headed as on the learner page (no minutes, the label said
    once: see markdown.block_title)."""
    return Step(block_title(block, LEARNER_LABELS), nodes_markdown(block.children, LEARNER_LABELS),
                f"sp-{block.kind}")


def help_step(context: PageContext, module: Module) -> Step:
    """The region's help box, as on the lesson page, with the emergency number."""
    from .pages import channel_line, phone_link

    site = context.content.site
    topic = context.curriculum.topic(module.topic)
    own, worldwide = help_channels(context.curriculum, context.region, site,
                                   urgent=bool(topic and topic.urgent_help))
    lines = [md(site.help_prompt), ""]
    shown = (own or worldwide)[:3]
    lines += [f"- {channel_line(channel, short=True)}" for channel in shown]
    emergency = context.curriculum.regions[context.region].emergency
    if not any(channel.phone == emergency for channel in shown):
        lines += ["", f"If someone is in danger right now, call {phone_link(emergency)}."]
    return Step("Where to get help", "\n".join(lines), "sp-help")


def step_html(step: Step, finish: Callable[[str], str]) -> Markup:
    """The step's heading and its body (region variables filled, links re-pointed) as HTML.

    Headings read as on the lesson page: the title and the text's own headings as Markdown,
    a block's label and title as plain text (an admonition's title there).
    """
    html = ""
    if step.from_body:
        html = to_html(f"{'#' * step.level} {finish(step.heading)}") if step.heading else ""
    elif step.level == 1:
        html = to_html(f"# {step.heading}")
    elif step.heading:
        html = f"<h{step.level}>{escape(step.heading)}</h{step.level}>"
    return Markup(html + "\n" + to_html(finish(step.markdown)))


def to_html(text: str) -> str:
    _converter.reset()
    return _converter.convert(text)


def projector_page(context: PageContext, page: ModulePage, tree: DocsTree) -> str:
    """The projector view of one learner page, as HTML."""
    from .pages import HELP_PAGE, QUICK_EXIT_LABEL, QUICK_EXIT_URL, has_quick_exit
    from .siteconfig import QUICK_EXIT_JS, page_language

    module = page.module
    path = projector_path(module.id)

    def finish(text: str) -> str:
        text = fill_region(text, module, context.variables)
        # Links to other lessons keep their words; images and files are copied as on pages.
        return repoint_links(text, module, path, lambda _: None, tree.files)

    steps = [*lesson_steps(module, page.body), help_step(context, module)]
    site = context.content.site
    return environment.get_template("projector.html").render(
        title=module.title,
        site_title=site.title,
        lang=page_language(site, context.region),
        colour=site.colour,
        lesson=posixpath.relpath(page.path.removesuffix(".md") + ".html", FOLDER),
        assets={name: posixpath.relpath(name, FOLDER) for name in ASSETS},
        help=posixpath.relpath(HELP_PAGE.removesuffix(".md") + ".html", FOLDER),
        # The header's quick exit, as on every page of the site (see quick-exit.js).
        exit={"url": QUICK_EXIT_URL, "label": QUICK_EXIT_LABEL,
              "script": posixpath.relpath(QUICK_EXIT_JS, FOLDER)} if has_quick_exit(site) else None,
        steps=[(step, step_html(step, finish)) for step in steps],
    )


def add_projector_pages(context: PageContext, tree: DocsTree) -> None:
    """A projector page for every lesson of a learner site, and the script and style."""
    if not context.content.site.learner:
        return
    done: set[str] = set()
    for page in context.content.pages():
        if page.view != "learner" or page.module.id in done:
            continue
        done.add(page.module.id)
        tree.pages[projector_path(page.module.id)] = projector_page(context, page, tree)
    if done:
        folder = Path(__file__).resolve().parent.parent / "assets"
        tree.files.update({docs: folder / name for docs, name in ASSETS.items()})


def projector_link(context: PageContext, page: ModulePage) -> str:
    """"Show on a projector" for a lesson page (its own site's view) or a lesson plan (the
    view in the learner site of the plan's band that shows the lesson); "" when none does."""
    site = context.content.site
    here = posixpath.dirname(page.path) or "."
    if site.learner and page.view == "learner":
        href = posixpath.relpath(projector_path(page.module.id), here)
        return f"[{LINK_TEXT}]({href})"
    if page.view != "lesson-plan" or not page.band:
        return ""
    learner_site = projector_site(context, page.band, page.module.id)
    if learner_site is None:
        return ""
    # Into another site, so an HTML link: MkDocs only lets Markdown links reach its own files.
    target = posixpath.relpath(f"../{learner_site}/{projector_path(page.module.id)}", here)
    return f'<a href="{escape(target)}">{LINK_TEXT}</a>'


def projector_site(context: PageContext, band: str, module_id: str) -> str | None:
    """The first learner site (by id) of `band` that shows the lesson."""
    shows = context.projectors
    if band not in shows:
        shows[band] = {}
        curriculum = context.curriculum
        for site in sorted(curriculum.sites.values(), key=lambda s: s.id):
            if site.learner and site.band == band:
                for lesson in select_site(curriculum, site).pages():
                    if lesson.view == "learner":
                        shows[band].setdefault(lesson.module.id, site.id)
    return shows[band].get(module_id)
