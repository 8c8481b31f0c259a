"""Choose what each audience site shows: which modules, in what order, which blocks.

Gating happens here, on the model, before any renderer sees a page: a block a
site does not show is removed with everything inside it.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace

from .model import (
    AGE_BANDS,
    Block,
    Curriculum,
    Module,
    Node,
    Section,
    Selection,
    Site,
    Text,
    band_index,
)


@dataclass(frozen=True)
class ModulePage:
    module: Module
    view: str
    body: tuple[Node, ...]  # already gated
    kinds: frozenset[str]
    path: str  # docs-relative, posix
    band: str | None


@dataclass(frozen=True)
class Group:
    title: str | None
    band: str | None
    pages: tuple[ModulePage, ...]


@dataclass(frozen=True)
class SectionContent:
    section: Section
    groups: tuple[Group, ...]

    def pages(self) -> list[ModulePage]:
        return [page for group in self.groups for page in group.pages]


@dataclass(frozen=True)
class SiteContent:
    site: Site
    sections: tuple[SectionContent, ...]

    def pages(self) -> list[ModulePage]:
        return [page for section in self.sections for page in section.pages()]

    def modules(self) -> list[Module]:
        seen: dict[str, Module] = {}
        for page in self.pages():
            seen.setdefault(page.module.id, page.module)
        return list(seen.values())


def gate(nodes: tuple[Node, ...], kinds: frozenset[str]) -> tuple[Node, ...]:
    """Keep text and the blocks of `kinds`; a removed block takes its children with it."""
    kept: list[Node] = []
    for node in nodes:
        if isinstance(node, Text):
            kept.append(node)
        elif node.kind in kinds:
            kept.append(
                Block(node.kind, node.title, node.minutes, gate(node.children, kinds),
                      node.line, node.end_line)
            )
    return tuple(kept)


def only_blocks(nodes: tuple[Node, ...], kinds: frozenset[str]) -> tuple[Node, ...]:
    """The blocks of `kinds` alone, without the text around them (summary view)."""
    return tuple(n for n in gate(nodes, kinds) if isinstance(n, Block))


def children_modules(curriculum: Curriculum, band: str) -> list[Module]:
    """A band's lessons, in no particular order (see in_prerequisite_order)."""
    return [m for m in curriculum.modules.values()
            if m.audience == "children" and band in m.age_bands]


def in_prerequisite_order(curriculum: Curriculum, modules: list[Module]) -> list[Module]:
    """Prerequisites first; otherwise by topic order, then title. Cycles fall back to title."""
    topic_rank = {topic.id: index for index, topic in enumerate(curriculum.topics)}
    chosen = {m.id: m for m in modules}

    def key(module: Module) -> tuple[int, str, str]:
        return (topic_rank.get(module.topic, len(topic_rank)), module.title.lower(), module.id)

    waiting = {m.id: {p for p in m.prerequisites if p in chosen and p != m.id} for m in modules}
    dependants: dict[str, list[str]] = {m.id: [] for m in modules}
    for module_id, needs in waiting.items():
        for need in needs:
            dependants[need].append(module_id)
    ready = [(key(chosen[i]), i) for i, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    ordered: list[Module] = []
    while ready:
        _, module_id = heapq.heappop(ready)
        ordered.append(chosen[module_id])
        for dependant in dependants[module_id]:
            waiting[dependant].discard(module_id)
            if not waiting[dependant]:
                heapq.heappush(ready, (key(chosen[dependant]), dependant))
    placed = {m.id for m in ordered}
    ordered.extend(sorted((m for m in modules if m.id not in placed), key=key))
    return ordered


def without_drafts(curriculum: Curriculum) -> Curriculum:
    """The curriculum as a build publishes it: modules marked `draft: true` left out."""
    return replace(curriculum, modules={k: m for k, m in curriculum.modules.items()
                                        if not m.draft})


def in_language(curriculum: Curriculum, site: Site) -> Curriculum:
    """The curriculum as a translated site shows it: each module in the site's language
    where a translation it publishes exists; otherwise the source (marked by its language)
    or nothing, as the site's `untranslated` says. A source site: the curriculum itself."""
    if site.translates is None:
        return curriculum
    modules: dict[str, Module] = {}
    for module_id, module in curriculum.modules.items():
        translation = module.translations.get(site.language)
        if translation and (site.publish == "drafts" or translation.status == "reviewed"):
            modules[module_id] = translation.module
        elif site.untranslated == "source":
            modules[module_id] = module
    return replace(curriculum, modules=modules)


def select_site(curriculum: Curriculum, site: Site) -> SiteContent:
    """What `site` shows. Its kind bounds the blocks and, for a learner site, its band
    bounds the lessons, whatever the audience file asks for (check reports such asks).
    A translated site shows the curriculum in its language (see in_language)."""
    curriculum = in_language(curriculum, site)
    return SiteContent(
        site, tuple(_section(curriculum, bounded(site, section)) for section in site.sections)
    )


def bounded(site: Site, section: Section) -> Section:
    """`section` as the site's kind allows it."""
    if not site.learner:
        return replace(section, blocks=site.allowed(section.blocks))
    asked = section.select.age_bands or (site.band,)
    bands = tuple(band for band in asked if band == site.band)
    return replace(section, view="learner", blocks=site.allowed(section.blocks),
                   select=Selection("children", bands))


def _matches(curriculum: Curriculum, module: Module, section: Section,
             band: str | None = None) -> bool:
    chooser = section.select
    if module.audience != chooser.audience:
        return False
    bands = (band,) if band else chooser.age_bands
    if bands is None:
        return True
    topic = curriculum.topic(module.topic)
    floor = band_index(topic.min_band) if topic else len(AGE_BANDS)
    return any(b in module.age_bands and band_index(b) >= floor for b in bands)


def _section(curriculum: Curriculum, section: Section) -> SectionContent:
    modules = in_prerequisite_order(
        curriculum, [m for m in curriculum.modules.values() if _matches(curriculum, m, section)]
    )
    if section.group_by == "band":
        bands = section.select.age_bands or AGE_BANDS
        groups = tuple(
            Group(
                f"Ages {band}",
                band,
                tuple(_page(m, section, band) for m in modules
                      if _matches(curriculum, m, section, band)),
            )
            for band in bands
        )
        return SectionContent(section, tuple(g for g in groups if g.pages))
    return SectionContent(section, (Group(None, None, tuple(_page(m, section) for m in modules)),))


def _page(module: Module, section: Section, band: str | None = None) -> ModulePage:
    if section.view == "summary":
        body = only_blocks(module.body, section.blocks)
        path = f"learning/{band or 'all'}.md"
    elif section.view == "lesson-plan":
        body = gate(module.body, section.blocks)
        path = f"lesson-plans/{band or 'all'}/{module.id}.md"
    else:
        body = gate(module.body, section.blocks)
        path = f"{module.topic}/{module.id}.md"
    return ModulePage(module, section.view, body, section.blocks, path, band)
