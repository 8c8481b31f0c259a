"""A projector view of every lesson: one step to a screen, in big type, for a classroom wall.

Each lesson page of a learner site links "Show on a projector" to `project/<module-id>.html`
in the same site. That page is made from the built lesson page itself, right after MkDocs
has built the site (in the same worker, and for a page-level rebuild only for the pages
that changed): its `<article>` is cut into steps. So the projector shows exactly what the
learner page shows, gated by select.py's selection for that site and rendered with the
site's own Markdown, and nothing else: no facilitator, answers or safeguarding text can
reach it, and no Markdown is converted twice.

The steps: the title with the summary and "In this lesson"; "Is this happening now?" where
the page has it; "Words to know"; each stretch of text (a `##` heading starts a step, and a
long stretch goes on over more screens, cut between paragraphs, lists and tables); each
learner block in turn; and last the page's "Where to get help" box.

The page is in the site folder before the offline zip is made and before the build's output
checks run: its steps sit in an `<article class="md-content__inner">`, judged by the HTML
allowlist, and verify.py searches it for gated text like every other page. A small script of
Signpost's own (assets/projector.js) shows one step at a time; without it the page reads as
one long page.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..i18n import N_, _, direction, language
from ..select import ModulePage, select_site
from .landing import environment

if TYPE_CHECKING:
    from .pages import DocsTree, PageContext

FOLDER = "project"
ASSETS = {"assets/projector.js": "projector.js", "assets/projector.css": "projector.css"}
LINK_TEXT = N_("Show on a projector")
SCREENFUL = 110  # words of text on one screen, in big type (a paragraph is never split)
# What the lesson page opens with: its title, summary and "In this lesson".
INTRO = ("sp-summary", "sp-objectives")
MINUTES = re.compile(r"\s*\(\d+ minutes?\)\s*$")

def projector_path(module_id: str) -> str:
    """Where a lesson's projector view sits in its learner site (site- and docs-relative)."""
    return f"{FOLDER}/{module_id}.html"


# --- Links to it (while the docs tree is written) -----------------------------------------


def projector_link(context: PageContext, page: ModulePage) -> str:
    """"Show on a projector" for a lesson page (its own site's view) or a lesson plan (the
    view in the learner site of the plan's band that shows the lesson); "" when none does.

    An HTML link, which MkDocs leaves as written: the page it names is made after MkDocs
    has built the site, and a plan's link goes into another site.
    """
    site = context.content.site
    here = posixpath.dirname(page.path) or "."
    if site.learner and page.view == "learner":
        target = posixpath.relpath(projector_path(page.module.id), here)
    elif page.view == "lesson-plan" and page.band:
        learner_site = projector_site(context, page.band, page.module.id)
        if learner_site is None:
            return ""
        target = posixpath.relpath(f"../{learner_site}/{projector_path(page.module.id)}", here)
    else:
        return ""
    return f'<a href="{html.escape(target)}">{html.escape(_(LINK_TEXT))}</a>'


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


def add_projector_assets(context: PageContext, tree: DocsTree) -> None:
    """The projector's script and style, in every learner site."""
    if context.content.site.learner:
        folder = Path(__file__).resolve().parent.parent / "assets"
        tree.files.update({docs: folder / name for docs, name in ASSETS.items()})


# --- The pages (after MkDocs has built the site) ------------------------------------------

# The link to it, in whichever language the page is in.
LINK = re.compile(r'<a href="((?:\.\./)+' + FOLDER + r'/[^"/]+\.html)">[^<]+</a>')


def write_projector_pages(site_dir: Path, pages: list[str] | None = None) -> int:
    """Write the projector view of every lesson page of a built learner site that links one
    (of `pages`, site-relative, for a page-level rebuild); returns how many it wrote."""
    if not (site_dir / "assets" / ASSETS["assets/projector.js"]).is_file():
        return 0  # not a learner site (see add_projector_assets)
    candidates = (sorted(site_dir.rglob("*.html")) if pages is None
                  else [site_dir / page for page in pages])
    folder = (site_dir / FOLDER).resolve()
    written = 0
    for lesson in candidates:
        if not lesson.is_file() or lesson.parent.resolve() == folder:
            continue
        text = lesson.read_text(encoding="utf-8")
        link = LINK.search(text)
        if link is None:
            continue
        target = (lesson.parent / link.group(1)).resolve()
        # Only its own view: in this site's folder, named as the lesson page is.
        if target.parent != folder or target.stem != lesson.stem:
            continue
        page = projector_html(text, posixpath.relpath(lesson.relative_to(site_dir).as_posix(),
                                                      FOLDER))
        if page is None:
            continue
        folder.mkdir(exist_ok=True)
        if target.exists():
            target.unlink()  # may be a hard link into the previous build
        target.write_text(page, encoding="utf-8")
        written += 1
    return written


@dataclass(frozen=True)
class Step:
    """One screen: the pipeline class its box takes (or none) and its HTML."""

    css_class: str
    html: str


def projector_html(lesson_html: str, lesson_href: str) -> str | None:
    """The projector page for a built lesson page (None if it has no lesson content)."""
    tree = LexborHTMLParser(lesson_html)
    article = tree.css_first("article.md-content__inner")
    heading = article.css_first("h1") if article else None
    if article is None or heading is None:
        return None
    header = tree.css_first("header")
    help_link = tree.css_first("a.sp-header-help")
    exit_link = header.css_first("a.sp-quick-exit") if header else None
    exit_script = next((node.attributes.get("src") for node in tree.css("script[src]")
                        if (node.attributes.get("src") or "").endswith("quick-exit.js")), None)
    html_node = tree.css_first("html")
    title = tree.css_first("title")
    lang = (html_node.attributes.get("lang") if html_node else None) or "en"
    with language(lang):  # the lesson page's language
        return environment.get_template("projector.html").render(
            title=_("{title} (projector)").format(title=heading.text(strip=True)),
            dir=direction(lang),
            page_title=title.text(strip=True) if title else heading.text(strip=True),
            lang=lang,
            lesson=lesson_href,
            assets={name: posixpath.relpath(name, FOLDER)
                    for name in [*ASSETS, "assets/site.css"]},
            help=help_link.attributes.get("href") if help_link else None,
            exit={"url": exit_link.attributes.get("href"), "label": exit_link.text(strip=True),
                  "script": exit_script} if exit_link is not None and exit_script else None,
            steps=[(step.css_class, Markup(step.html)) for step in lesson_steps(article)],
        )


def lesson_steps(article: LexborNode) -> list[Step]:
    """The article's content, as the screens it is shown on."""
    steps: list[Step] = []
    intro: list[str] = []
    text: list[LexborNode] = []

    def flush_text() -> None:
        steps.extend(text_steps(text))
        text.clear()

    for node in children(article):
        classes = (node.attributes.get("class") or "").split()
        hero = node.tag == "p" and node.css_first("img.sp-hero") is not None
        if (node.tag == "h1" and not intro) or hero or any(c in INTRO for c in classes):
            intro.append(node.html or "")
        elif node.tag == "p" and LINK.search(node.html or ""):
            continue  # "Show on a projector" itself
        elif node.tag == "div" and "admonition" in classes:
            flush_text()
            kind = next((c for c in classes if c.startswith("sp-")), "")
            # A quiz stays whole: its form is allowed only inside its own box (htmlcheck).
            if "sp-quiz-form" in classes:
                steps.extend(quiz_steps(node, kind))
            else:
                steps.append(box_step(node, kind))
        else:
            if node.tag in ("h1", "h2"):
                flush_text()
            text.append(node)
    flush_text()
    urgent = [s for s in steps if s.css_class == "sp-urgent"]
    rest = [s for s in steps if s.css_class != "sp-urgent"]
    return [Step("sp-summary", "\n".join(intro)), *urgent, *rest]


def children(node: LexborNode) -> list[LexborNode]:
    """Element children (Material's edit buttons, should the base config show them, left
    out)."""
    found = []
    child = node.child
    while child is not None:
        if child.tag not in ("-text", "-comment") and not (
                child.tag == "a" and "md-content__button" in (child.attributes.get("class") or "")):
            found.append(child)
        child = child.next
    return found


def quiz_steps(box: LexborNode, kind: str) -> list[Step]:
    """A quiz one question to a screen, for the class to answer together; each question
    keeps its own form box (quiz markup is allowed only inside one: see htmlcheck)."""
    title_node = box.css_first("p.admonition-title")
    title = title_node.text(strip=False).strip() if title_node else ""
    questions = box.css("fieldset.sp-quiz-question")
    steps = []
    for number, question in enumerate(questions, 1):
        heading = (_("{title} ({number} of {count})").format(
            title=title, number=number, count=len(questions)) if len(questions) > 1 else title)
        steps.append(Step(kind, f"<h2>{html.escape(heading)}</h2>\n"
                                f'<div class="admonition sp-quiz sp-quiz-form">'
                                f"{question.html or ''}</div>"))
    return steps


def box_step(box: LexborNode, kind: str) -> Step:
    """A block or box of the page as a step: its title as the heading (without minutes,
    which are for the teacher, and without a title that repeats its label), then its
    content."""
    title_node = box.css_first("p.admonition-title")
    title = MINUTES.sub("", title_node.text(strip=False).strip()) if title_node else ""
    label, _colon, rest = title.partition(": ")
    if rest and rest.strip().lower() == label.strip().lower():
        title = label  # "Remember: Remember"
    body = [child.html or "" for child in children(box)
            if "admonition-title" not in (child.attributes.get("class") or "").split()]
    heading = f"<h2>{html.escape(title)}</h2>" if title else ""
    return Step(kind, "\n".join([heading, *body]))


def text_steps(nodes: list[LexborNode]) -> list[Step]:
    """Text outside blocks: steps of at most SCREENFUL words, cut only between elements
    (a paragraph, a list, a table is never cut), the heading repeated "(continued)"."""
    steps: list[Step] = []
    if not nodes:
        return steps
    heading = nodes[0] if nodes[0].tag in ("h1", "h2") else None
    pieces: list[list[str]] = [[]]
    words = 0
    for node in nodes[1:] if heading is not None else nodes:
        count = len(node.text().split())
        if pieces[-1] and words + count > SCREENFUL:
            pieces.append([])
            words = 0
        pieces[-1].append(node.html or "")
        words += count
    for number, piece in enumerate(pieces):
        head = ""
        if heading is not None:
            continued = _("{heading} (continued)").format(heading=heading.text(strip=True))
            head = heading.html or "" if number == 0 else f"<h2>{html.escape(continued)}</h2>"
        steps.append(Step("", "\n".join([head, *piece])))
    return steps
