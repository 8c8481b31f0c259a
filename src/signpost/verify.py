"""Prove, on the outputs themselves, what gating promises: defence in depth after rendering.

Gating removes facilitator, answers and safeguarding blocks before any renderer sees a
page. This stage does not trust that: before a build replaces `build/`, it reads every
output a learner or parent can reach (each page's HTML, the search index, the sitemap,
the HTML each PDF is printed from) and fails if any phrase that only gated blocks hold is
there. A PDF's text comes from the HTML it is printed from, so reading that HTML reads
every word the PDF can hold.

Phrases are runs of words: a gated sentence of four to seven words, or every run of seven
words of a longer one, less any run a learner may see on purpose (text outside gated blocks,
front matter, audience and region files).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import catalog_words
from .model import FACILITATOR_ONLY, Block, Curriculum, Module, Node, Text
from .regions import UnknownVariable, region_variables, render_text
from .render.markdown import FACILITATOR_LABELS, LEARNER_LABELS

RUN = 7  # words in a phrase cut from a long sentence
SHORTEST = 4  # a gated sentence shorter than this is too common to tell apart
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
VARIABLE = re.compile(r"\{\{[^}\n]*\}\}")
LIST_MARKER = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*+])[ \t]+", re.M)
SEGMENT_BREAK = re.compile(r"\n|(?<=[.!?:;])\s")


@dataclass
class Phrases:
    """Phrases of gated text, keyed by their length in words."""

    by_length: dict[int, dict[tuple[str, ...], str]] = field(default_factory=dict)

    def add(self, words: tuple[str, ...], sentence: str) -> None:
        self.by_length.setdefault(len(words), {}).setdefault(words, sentence)

    def discard_seen_in(self, words: list[str]) -> None:
        for length, phrases in self.by_length.items():
            for run in runs(words, length):
                phrases.pop(run, None)

    def found_in(self, words: list[str]) -> list[str]:
        return [self.by_length[length][run]
                for length in self.by_length
                for run in runs(words, length) if run in self.by_length[length]]

    def __len__(self) -> int:
        return sum(len(phrases) for phrases in self.by_length.values())


def runs(words: list[str], length: int) -> Iterator[tuple[str, ...]]:
    for start in range(len(words) - length + 1):
        yield tuple(words[start:start + length])


def words_of(text: str) -> list[str]:
    return WORD.findall(html.unescape(text).lower())


def source_segments(markdown: str) -> list[str]:
    """Module Markdown as the sentences a reader would see (no link targets, no variables,
    no list numbers: a page shows "2." as a list marker, not as a word between items)."""
    text = VARIABLE.sub("\n", LINK_TARGET.sub("]", LIST_MARKER.sub("", markdown)))
    return [segment for segment in SEGMENT_BREAK.split(TAG.sub(" ", text)) if segment.strip()]


def gated_phrases(curriculum: Curriculum, region: str) -> Phrases:
    """Phrases only gated blocks hold, with the region's values filled in as pages show them."""
    variables = region_variables(curriculum, region)
    phrases = Phrases()
    for module in every_text(curriculum):
        for markdown in gated_text(module.body, False):
            for segment in source_segments(filled(markdown, variables)):
                words = words_of(segment)
                if len(words) < SHORTEST:
                    continue
                if len(words) <= RUN:
                    phrases.add(tuple(words), segment.strip())
                else:
                    for run in runs(words, RUN):
                        phrases.add(run, segment.strip())
    phrases.discard_seen_in(public_words(curriculum, variables))
    return phrases


def every_text(curriculum: Curriculum) -> Iterator[Module]:
    """Every module and every translation of one: each language's gated text is gated."""
    for module in curriculum.modules.values():
        yield module
        yield from (translation.module for translation in module.translations.values())


def filled(markdown: str, variables: dict) -> str:
    try:
        return render_text(markdown, variables)
    except UnknownVariable:  # check reports these; leave the lookup as a break
        return markdown


def gated_text(nodes: Iterable[Node], inside: bool) -> Iterator[str]:
    """The Markdown of every Text node inside a facilitator-only block (with `inside`)."""
    for node in nodes:
        if isinstance(node, Text):
            if inside:
                yield node.markdown
        elif isinstance(node, Block):
            yield from gated_text(node.children, inside or node.kind in FACILITATOR_ONLY)


def public_words(curriculum: Curriculum, variables: dict) -> list[str]:
    """Everything a learner or parent may see on purpose, as one run of words per part."""
    parts: list[str] = []
    for module in every_text(curriculum):
        parts += [filled(text, variables) for text in public_text(module.body)]
        parts += [module.title, module.summary, *module.objectives, *module.materials]
        parts += [f"{term} {text}" for term, text in module.vocabulary.items()]
    for site in curriculum.sites.values():
        parts += [site.title, site.reader, site.description, site.help_prompt]
    for region in curriculum.regions.values():
        parts += [region.name, region.emergency]
        for channel in region.channels:
            parts += [channel.name, channel.purpose, channel.text or "", channel.ages or "",
                      channel.note or "", channel.source, *channel.purposes.values()]
        for words in region.translations.values():
            parts += [words.name or "", words.emergency or "", *words.law.values()]
    for topic in curriculum.topics:
        parts += [topic.title, topic.description, *topic.titles.values()]
    parts += catalog_words()  # Signpost's own words, in every language
    words: list[str] = []
    for part in parts:
        # A gap between parts, so that no run of words spans two of them.
        words += [*(w for s in source_segments(part) for w in words_of(s)), "\x00"]
    return words


def public_text(nodes: Iterable[Node]) -> Iterator[str]:
    """Text outside gated blocks, and the titles of the blocks learners see as pages show them."""
    for node in nodes:
        if isinstance(node, Text):
            yield node.markdown
        elif isinstance(node, Block) and node.kind not in FACILITATOR_ONLY:
            labels = {LEARNER_LABELS.get(node.kind, ""), FACILITATOR_LABELS.get(node.kind, "")}
            for label in labels:
                yield f"{label} {node.title or ''} {node.minutes or ''} minutes"
            yield from public_text(node.children)


# --- reading outputs --------------------------------------------------------------------


def site_outputs(site_dir: Path) -> Iterator[tuple[Path, str]]:
    """(file, its text) for every page, the search index and the sitemap of a built site."""
    for path in sorted(site_dir.rglob("*.html")):
        yield path, TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace"))
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
        yield index, " ".join(TAG.sub(" ", f"{d.get('title', '')} . {d.get('text', '')}")
                              for d in docs)
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        yield sitemap, TAG.sub(" ", sitemap.read_text(encoding="utf-8", errors="replace"))


def print_outputs(files: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    for path in files:
        if path.is_file():
            yield path, TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace"))


def leaks(outputs: Iterable[tuple[Path, str]], phrases: Phrases, root: Path) -> list[str]:
    """One line per output that holds gated text, naming the first phrase found."""
    problems = []
    for path, text in outputs:
        found = phrases.found_in(words_of(text))
        if found:
            problems.append(
                f"{path.relative_to(root).as_posix()}: holds text that only facilitator, "
                f"answers or safeguarding blocks may hold: \"{found[0][:120]}\" "
                f"({len(found)} phrase(s)); nothing was published"
            )
    return problems
