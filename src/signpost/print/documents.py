"""Assemble the print documents: learner packs, facilitator guides per band, the parents' guide.

Every document is gated here, on the model, before any HTML exists: a learner
pack holds only its site's blocks (plus `family` on the take-home sheet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .. import letters
from ..i18n import SOURCE_LANGUAGE, _, direction, language
from ..kit import lesson_materials
from ..letters import band_letter
from ..model import (
    AGE_BANDS,
    BLOCK_KINDS,
    FACILITATOR_ONLY,
    Block,
    Curriculum,
    Module,
    Node,
    Site,
    Text,
)
from ..regions import help_channels, region_variables
from ..render.lessonplan import RunRow, lesson_plan, lesson_sequence
from ..render.markdown import FACILITATOR_LABELS, LEARNER_LABELS
from ..render.pages import display_url, topic_title
from ..select import (
    ModulePage,
    children_modules,
    gate,
    in_prerequisite_order,
    only_blocks,
    select_site,
)
from .html import ModuleBody, environment
from .look import print_look
from .posters import PAPERS as POSTER_PAPERS
from .posters import help_poster, poster_sites
from .whatiknow import what_i_know_context

FAMILY = frozenset({"family"})
PARENT_KINDS = frozenset({"keypoints", "family"})
PARENTS_SITE = "parents"


@dataclass
class PrintDocument:
    """One PDF (and its HTML twin) to write; `path` is relative to build/: the PDF is
    published under site/downloads/, the HTML it is printed from kept in build/print/."""

    path: str
    title: str
    language: str
    html: str
    weight: int = 0  # a rough size, to render the largest first


@dataclass
class Entry:
    """One module as a document shows it."""

    anchor: str
    module: Module
    bookmark: str
    topic: str
    body: Markup = Markup("")
    family: Markup = Markup("")
    timing: list[tuple[str, int]] = field(default_factory=list)
    # Lesson plans (render/lessonplan.py): prep box, run sheet, safeguarding at the end.
    number: int = 0
    preparation: Markup = Markup("")
    dsl: Markup = Markup("")
    run_sheet: list[RunRow] = field(default_factory=list)
    teach_first: list[str] = field(default_factory=list)  # "Lesson 2: title", or another band's
    safeguarding: Markup = Markup("")
    materials: list[str] = field(default_factory=list)  # kit.lesson_materials


@dataclass(frozen=True)
class PrintSettings:
    region: str
    paper: str  # "a4" | "letter"


def learner_pack(curriculum: Curriculum, site: Site, settings: PrintSettings) -> PrintDocument:
    variables = region_variables(curriculum, settings.region)
    worksheet = "draw" if site.band == "4-7" else "write"
    entries = []
    # The site's lesson sequence: "Lesson 3" is the same lesson in the pack, on the site and
    # in the facilitator guide.
    pages = lesson_sequence(curriculum, unique_pages(select_site(curriculum, site).pages()))
    for index, page in enumerate(pages):
        module = page.module
        bookmark = _("Lesson {number}: {title}").format(number=index + 1, title=module.title)
        entry = module_entry(curriculum, module, f"m{index}", bookmark)
        entry.number = index + 1
        # The site's blocks, and never a facilitator's, whatever its audience file says.
        body = sheets_last(gate(page.body, page.kinds - FACILITATOR_ONLY))
        entry.body = ModuleBody(module, variables, LEARNER_LABELS, worksheet,
                                band=site.band).html(body)
        family = only_blocks(module.body, FAMILY)
        entry.family = ModuleBody(module, variables, LEARNER_LABELS).html(family)
        entries.append(entry)
    html = render("print/pack.html", curriculum, settings, site.language, (site.kind, site.band),
                  title=site.title, site=site, entries=entries,
                  help_prompt=site.help_prompt, worksheet=worksheet, **print_look(site),
                  **what_i_know_context(site, [entry.module for entry in entries]))
    return PrintDocument(f"site/downloads/packs/{site.id}.pdf", site.title, site.language, html,
                         weight=len(entries) * 3)


def teach_first(curriculum: Curriculum, module: Module, sequence: list[Module],
                band: str) -> list[str]:
    """The lessons to teach first, as the guide numbers them; one from another band by its
    title and ages (learners met it then)."""
    named = []
    for prerequisite in module.prerequisites:
        earlier = curriculum.modules.get(prerequisite)
        if earlier is None:
            continue
        if earlier in sequence:
            named.append(f"Lesson {sequence.index(earlier) + 1}: {earlier.title}")
        else:
            ages = ", ".join(b for b in earlier.age_bands if b != band)
            named.append(f"{earlier.title} (ages {ages})")
    return named


def sheets_last(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """A lesson's worksheets after its text: each takes a page of its own, so in the flow
    they would leave the page before them part empty; the activities name their sheet."""
    is_sheet = [isinstance(n, Block) and n.kind == "worksheet" for n in nodes]
    return (tuple(n for n, sheet in zip(nodes, is_sheet, strict=True) if not sheet)
            + tuple(n for n, sheet in zip(nodes, is_sheet, strict=True) if sheet))


def facilitator_guide(curriculum: Curriculum, band: str, settings: PrintSettings) -> PrintDocument:
    variables = region_variables(curriculum, settings.region)
    # The lesson sequence of the teachers' site: "Lesson 3" is the same lesson on both.
    modules = in_prerequisite_order(curriculum, children_modules(curriculum, band))
    entries = []
    for index, module in enumerate(modules):
        entry = module_entry(curriculum, module, f"m{index}", f"Lesson {index + 1}: {module.title}")
        plan = lesson_plan(module, gate(module.body, frozenset(BLOCK_KINDS)))
        render_nodes = ModuleBody(module, variables, FACILITATOR_LABELS, quiz="key").html
        entry.number = index + 1
        entry.teach_first = teach_first(curriculum, module, modules, band)
        entry.materials = lesson_materials(module)
        entry.preparation = render_nodes(plan.preparation)
        entry.dsl = render_nodes((Text(plan.dsl, module.body_line),))
        entry.run_sheet = plan.run_sheet
        entry.body = render_nodes(plan.lesson)
        entry.safeguarding = render_nodes(plan.safeguarding)
        entry.family = render_nodes(plan.family)
        entry.timing = [(row.label, row.minutes) for row in plan.run_sheet
                        if row.anchor is not None]
        entries.append(entry)
    title = f"Facilitator guide, ages {band}"
    language = teachers_language(curriculum)
    html = render("print/guide.html", curriculum, settings, language, ("teachers", None),
                  title=title, band=band, entries=entries,
                  curriculum_map=curriculum_map(curriculum, band, entries),
                  letter=band_letter(curriculum, band, settings.region, modules),
                  letter_text=letters,  # its fixed wording (GREETING, ABOUT, ...)
                  help_prompt=teachers_prompt(curriculum))
    return PrintDocument(f"site/downloads/guides/{band}.pdf", title, language, html,
                         weight=len(entries) * 4)


def parents_guide(curriculum: Curriculum, settings: PrintSettings,
                  site_id: str = PARENTS_SITE) -> PrintDocument:
    """The parents site's content on paper: its guides, then what children learn per band.
    A translated parents' site (`parents-ur`) has its own, in its language."""
    variables = region_variables(curriculum, settings.region)
    site = curriculum.sites.get(site_id)
    guides: list[Entry] = []
    bands: list[tuple[str, list[Entry]]] = []
    for number, (page, band) in enumerate(parents_pages(curriculum, site)):
        module = page.module
        bookmark = (_("Ages {band}").format(band=band) + f": {module.title}" if band
                    else module.title)
        entry = module_entry(curriculum, module, f"m{number}", bookmark)
        body = gate(page.body, page.kinds - FACILITATOR_ONLY)
        # A guide's own quiz is the parent's self-check; a lesson's gives conversation starters.
        quiz = "starters" if band else "key"
        entry.body = ModuleBody(module, variables, LEARNER_LABELS, quiz=quiz).html(body)
        if band is None:
            guides.append(entry)
        elif bands and bands[-1][0] == band:
            bands[-1][1].append(entry)
        else:
            bands.append((band, [entry]))
    title = site.title if site else "Signpost for parents and carers"
    language = site.language if site else "en"
    prompt = site.help_prompt if site else ""
    html = render("print/parents.html", curriculum, settings, language, ("parents", None),
                  title=title, guides=guides, bands=bands, help_prompt=prompt,
                  **print_look(site))
    return PrintDocument(f"site/downloads/guides/{site_id}.pdf", title, language, html,
                         weight=len(guides) * 2 + sum(len(e) for _, e in bands))


def parents_pages(curriculum: Curriculum, site: Site | None) -> list[tuple[ModulePage, str | None]]:
    """(page, band) in reading order: the parents site's pages, or the same by default."""
    if site is not None:
        return [(page, page.band if page.view == "summary" else None)
                for page in select_site(curriculum, site).pages()]
    pages: list[tuple[ModulePage, str | None]] = []
    parents = [m for m in curriculum.modules.values() if m.audience == "parents"]
    for module in in_prerequisite_order(curriculum, parents):
        body = gate(module.body, PARENT_KINDS)
        pages.append((ModulePage(module, "reader", body, PARENT_KINDS, "", None), None))
    for band in AGE_BANDS:
        for module in in_prerequisite_order(curriculum, children_modules(curriculum, band)):
            body = only_blocks(module.body, FAMILY)
            pages.append((ModulePage(module, "summary", body, FAMILY, "", band), band))
    return pages


def unique_pages(pages: list[ModulePage]) -> list[ModulePage]:
    seen: set[str] = set()
    kept = []
    for page in pages:
        if page.module.id not in seen:
            seen.add(page.module.id)
            kept.append(page)
    return kept


def module_entry(curriculum: Curriculum, module: Module, anchor: str, bookmark: str) -> Entry:
    topic = curriculum.topic(module.topic)
    return Entry(anchor, module, bookmark, topic_title(topic) if topic else module.topic)


def curriculum_map(curriculum: Curriculum, band: str, entries: list[Entry]) -> list[dict[str, Any]]:
    """Topics by bands: each cell the modules taught; this guide's own ones link to their page."""
    anchors = {entry.module.id: entry.anchor for entry in entries}
    rows = []
    for topic in curriculum.topics:
        cells = []
        for column in AGE_BANDS:
            modules = in_prerequisite_order(
                curriculum, [m for m in children_modules(curriculum, column) if m.topic == topic.id])
            cells.append([(m.title, anchors.get(m.id) if column == band else None)
                          for m in modules])
        if any(cells):
            rows.append({"topic": topic.title, "cells": cells})
    return rows


def teachers_site(curriculum: Curriculum) -> Site | None:
    return next((s for s in curriculum.sites.values()
                 if any(sec.view == "lesson-plan" for sec in s.sections)), None)


def teachers_language(curriculum: Curriculum) -> str:
    site = teachers_site(curriculum)
    return site.language if site else "en"


def teachers_prompt(curriculum: Curriculum) -> str:
    site = teachers_site(curriculum)
    return site.help_prompt if site else ""


def render(template: str, curriculum: Curriculum, settings: PrintSettings, language: str,
           readers: tuple[str, str | None], **context: Any) -> str:
    """`readers`: the site kind and band the document is for, which decide the help it lists."""
    region = curriculum.regions[settings.region]
    own, worldwide = help_channels(curriculum, settings.region, *readers, urgent=True)
    return environment.get_template(template).render(
        language=language,
        direction=direction(language),
        page_counter=page_counter(),
        paper=settings.paper,
        region=region,
        own_channels=own if region.code != "global" else [],
        world_channels=worldwide if region.code != "global" else own,
        display_url=display_url,
        age_bands=AGE_BANDS,
        **context,
    )


def page_counter() -> str:
    """The page footer as CSS `content`, in the language being rendered: "Page 3 of 12"."""
    parts = re.split(r"(\{page\}|\{pages\})", _("Page {page} of {pages}"))
    css = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return " ".join(css.get(part) or '"' + part.replace("\\", "").replace('"', "'") + '"'
                    for part in parts if part)


def planned_documents(sites: list[Site], everything: bool = True
                      ) -> list[tuple[str, str | None]]:
    """What the print stage makes for the sites being built, as (kind, which): a learner
    pack per learner site, a guide per band (every band's when `everything` or a site
    shows lesson plans), the parents' guide, and help posters (print/posters.py)."""
    planned: list[tuple[str, str | None]] = [("pack", site.id) for site in sites if site.learner]
    wants_guides = everything or any(
        sec.view == "lesson-plan" for site in sites for sec in site.sections)
    bands = AGE_BANDS if wants_guides else [s.band for s in sites if s.learner and s.band]
    planned += [("guide", band) for band in bands]
    parents = [site.id for site in sites
               if PARENTS_SITE in (site.id, site.translates) and site.kind == "parents"]
    if everything and PARENTS_SITE not in parents:
        parents.insert(0, PARENTS_SITE)
    planned += [("parents", site_id) for site_id in parents]
    planned += [("poster", f"{site.id}-{paper}") for site in poster_sites(sites)
                for paper in POSTER_PAPERS]
    return planned


def planned_pdf_paths(sites: list[Site], everything: bool = True) -> set[str]:
    """The PDFs the print stage will write, relative to build/site/downloads/."""
    names = {"pack": "packs/{}.pdf", "guide": "guides/{}.pdf", "parents": "guides/{}.pdf",
             "poster": "posters/{}.pdf"}
    return {names[kind].format(which) for kind, which in planned_documents(sites, everything)}


def print_documents(curriculum: Curriculum, sites: list[Site], settings: PrintSettings,
                    everything: bool = True) -> list[PrintDocument]:
    """The documents for the sites being built (see planned_documents)."""
    sites_by_id = {site.id: site for site in sites}
    documents: list[PrintDocument] = []
    for kind, which in planned_documents(sites, everything):
        with language(document_language(curriculum, sites_by_id, kind, which)):
            documents.append(print_document(curriculum, sites_by_id, settings, kind, which))
    return documents


def document_language(curriculum: Curriculum, sites_by_id: dict[str, Site], kind: str,
                      which: str | None) -> str:
    """A document is in its readers' language: its site's (the guides: the teachers')."""
    if kind == "guide":
        return teachers_language(curriculum)
    site_id = (which or "").rsplit("-", 1)[0] if kind == "poster" else which or PARENTS_SITE
    site = sites_by_id.get(site_id) or curriculum.sites.get(site_id)
    return site.language if site else SOURCE_LANGUAGE


def print_document(curriculum: Curriculum, sites_by_id: dict[str, Site],
                   settings: PrintSettings, kind: str, which: str | None) -> PrintDocument:
    if kind == "pack":
        return learner_pack(curriculum, sites_by_id[which or ""], settings)
    if kind == "guide":
        return facilitator_guide(curriculum, which or "", settings)
    if kind == "poster":
        site_id, paper = (which or "").rsplit("-", 1)
        return help_poster(curriculum, sites_by_id[site_id], settings.region, paper)
    return parents_guide(curriculum, settings, which or PARENTS_SITE)
