"""The typed curriculum: topics, modules and their blocks, regions, audience sites.

Every object keeps the file and line it came from, so that any later stage can
report a problem where the author can fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .yamlsource import Lines

AGE_BANDS: tuple[str, ...] = ("4-7", "8-10", "11-13", "14-17")
MODULE_AUDIENCES: tuple[str, ...] = ("children", "parents", "teachers")
BLOCK_KINDS: tuple[str, ...] = (
    "activity",
    "discussion",
    "keypoints",
    "facilitator",
    "answers",
    "safeguarding",
    "family",
    "cards",
    "worksheet",
    "quiz",
)
TIMED_KINDS: frozenset[str] = frozenset({"activity", "discussion", "keypoints"})
# Blocks that hold what only whoever leads the lesson may read.
FACILITATOR_ONLY: frozenset[str] = frozenset({"facilitator", "answers", "safeguarding"})
VIEWS: tuple[str, ...] = ("learner", "reader", "summary", "lesson-plan")
# What a site may ever show is fixed by its kind; an audience file may narrow it, never widen.
SITE_KINDS: tuple[str, ...] = ("learner", "parents", "teachers")
LEARNER_KINDS: frozenset[str] = frozenset({"activity", "discussion", "keypoints", "cards",
                                          "worksheet", "quiz"})
# Learner blocks that hold classroom materials (kit.py): card sets and worksheets.
KIT_KINDS: frozenset[str] = frozenset({"cards", "worksheet"})
KIND_BLOCKS: dict[str, frozenset[str]] = {
    "learner": LEARNER_KINDS,
    "parents": frozenset({"keypoints", "family", "quiz"}),  # quiz: conversation starters
    "teachers": frozenset(BLOCK_KINDS),
}
# A module's safeguarding review, and a helpline entry, go stale after this long.
STALE_AFTER = timedelta(days=365)
CHANNEL_ROLES: tuple[str, ...] = (
    "child-helpline",  # children call, text or chat themselves (Childline, Kids Helpline)
    "adult-helpline",  # parents, carers and professionals worried about a child (NSPCC)
    "report-abuse",  # reporting abuse, grooming or abuse images (CEOP, CyberTipline)
    "image-removal",  # getting nude or sexual images taken down (Report Remove, Take It Down)
    "counselling",  # emotional support that is not a crisis line
    "crisis",  # suicide and emotional crisis lines (Samaritans, 988)
    "emergency",  # the emergency number (999, 911, 112)
    "police-non-emergency",  # the police when nobody is in danger now (101)
)
# Whom a channel serves besides children (`serves: {adults: [...]}`).
ADULT_GROUPS: tuple[str, ...] = ("anyone", "parents", "professionals")
# The ages a learner site's band holds, for matching the ages a channel serves.
BAND_AGES: dict[str, tuple[int, int]] = {"4-7": (4, 7), "8-10": (8, 10), "11-13": (11, 13),
                                         "14-17": (14, 17)}


def band_index(band: str) -> int:
    return AGE_BANDS.index(band)


@dataclass(frozen=True)
class Text:
    """Markdown outside any block; `line` is the file line of its first line."""

    markdown: str
    line: int


@dataclass(frozen=True)
class Block:
    kind: str
    title: str | None
    minutes: int | None
    children: tuple[Node, ...]
    line: int
    end_line: int

    def plain_markdown(self) -> str:
        return "\n".join(render_markdown_lines(self.children))


Node = Text | Block


def render_markdown_lines(nodes: tuple[Node, ...] | list[Node]) -> list[str]:
    """The source text of nodes, blocks flattened (used for searching and checks)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.markdown)
        else:
            out.extend(render_markdown_lines(node.children))
    return out


def iter_blocks(nodes: tuple[Node, ...] | list[Node]):
    for node in nodes:
        if isinstance(node, Block):
            yield node
            yield from iter_blocks(node.children)


@dataclass
class Module:
    id: str
    title: str
    audience: str
    age_bands: tuple[str, ...]
    topic: str
    duration: int
    summary: str
    objectives: list[str]
    vocabulary: dict[str, str]
    prerequisites: list[str]
    framework: list[str]
    sources: list[str]
    last_reviewed: date | None
    waivers: dict[str, str]
    materials: list[str]
    body: tuple[Node, ...]
    path: Path
    lines: Lines
    body_line: int
    source_text: str = field(repr=False, default="")
    draft: bool = False  # previewed by serve, never built
    # Its translations (`<id>.<lang>.md` beside it), by language tag.
    translations: dict[str, Translation] = field(default_factory=dict, repr=False)
    # The language its words are in, and, for a translation, whether a fluent reviewer has
    # read it (a source module is the reviewed original).
    language: str = "en"
    status: str = "reviewed"

    @property
    def draft_translation(self) -> bool:
        return self.status == "draft"

    def line_of(self, *key: object) -> int:
        return self.lines.of(*key)

    def blocks(self) -> list[Block]:
        return list(iter_blocks(self.body))

    def timed_minutes(self) -> int:
        return sum(b.minutes or 0 for b in self.blocks() if b.kind in TIMED_KINDS)


TRANSLATION_STATUSES: tuple[str, ...] = ("draft", "reviewed")


@dataclass
class Translation:
    """A module in another language: `curriculum/<topic>/<id>.<lang>.md`, beside its source.

    `module` is the translated lesson as a Module: the source's settings (audience, bands,
    topic, timing) with the translation's words, body, path and lines, so that every check
    that judges text reads it as it reads a module. `digests` holds, per section of the
    source (translations.py), the digest of the source text it was translated from.
    """

    language: str
    status: str  # one of TRANSLATION_STATUSES
    module: Module
    digests: dict[str, str]
    path: Path
    lines: Lines


@dataclass
class Topic:
    id: str
    title: str
    description: str
    min_band: str
    never_your_fault: bool
    line: int
    urgent_help: bool = False  # its lessons open with an "Is this happening now?" box
    titles: dict[str, str] = field(default_factory=dict)  # language -> title (topics.<lang>.yml)


@dataclass(frozen=True)
class Framework:
    """An outside curriculum framework that modules map to (`framework:` tags), such as UKCIS
    Education for a Connected World: its strands, and its band for each of our age bands."""

    id: str  # the word a tag starts with, e.g. "EfCW"
    title: str
    strands: tuple[str, ...]
    bands: dict[str, str]  # our age band -> the framework's band, e.g. "8-10" -> "7-11"
    line: int


@dataclass
class Channel:
    name: str
    role: str | None
    purpose: str
    url: str | None
    phone: str | None
    text: str | None
    ages: str | None  # the children it serves, as written (`under 19`); None: adults only
    anonymous: bool | None
    source: str
    checked: date | None
    status: str
    note: str | None
    line: int
    # Whom it serves: the children's ages (lowest, highest) and the adults (ADULT_GROUPS).
    child_ages: tuple[int, int] | None = None
    adults: tuple[str, ...] = ()
    # What it is for (`for:`) in other languages, from the region's translations.
    purposes: dict[str, str] = field(default_factory=dict)

    def serves_ages(self, low: int, high: int) -> bool:
        """True if it serves children of some age from `low` to `high`."""
        return self.child_ages is not None and \
            self.child_ages[0] <= high and self.child_ages[1] >= low

    def serves_adults(self, group: str) -> bool:
        """True if it serves adults of `group` (`parents`, `professionals`)."""
        return "anyone" in self.adults or group in self.adults


@dataclass
class Region:
    code: str
    name: str
    emergency: str
    channels: list[Channel]
    path: Path
    lines: Lines
    law: dict[str, str] = field(default_factory=dict)  # key -> a sentence on the law there
    # Languages a build for this region publishes translated sites in, beside the source's.
    languages: tuple[str, ...] = ()
    # Its help in other languages (`<code>.<lang>.yml` beside it), by language tag.
    translations: dict[str, RegionTranslation] = field(default_factory=dict, repr=False)


@dataclass
class RegionTranslation:
    """`curriculum/regions/<code>.<lang>.yml`: a region's words in another language. Names,
    numbers and addresses stay as the region file has them; `digests` holds, per translated
    text (`name`, `emergency`, `law.<key>`, each channel's name), the digest of the source
    text it was translated from."""

    language: str
    status: str
    name: str | None
    emergency: str | None
    purposes: dict[str, str]  # channel name (as in the region file) -> its `for:`, translated
    law: dict[str, str]
    digests: dict[str, str]
    path: Path
    lines: Lines


@dataclass(frozen=True)
class Selection:
    audience: str
    age_bands: tuple[str, ...] | None  # None: every band


@dataclass
class Section:
    title: str
    view: str
    select: Selection
    blocks: frozenset[str]
    group_by: str | None
    line: int


@dataclass
class Site:
    """One audience file: one generated site."""

    id: str
    title: str
    reader: str
    description: str
    language: str
    kind: str  # one of SITE_KINDS
    band: str | None
    style: str
    colour: str
    help_prompt: str
    sections: list[Section]
    path: Path
    lines: Lines
    # A translated site (`audiences/<id>.<lang>.yml`): the site it translates, what it shows
    # for a module with no translation ("source" with a note, or "omit") and which
    # translations it publishes ("drafts" too, with a notice, or "reviewed" only).
    translates: str | None = None
    untranslated: str = "source"
    publish: str = "drafts"

    @property
    def learner(self) -> bool:
        return self.kind == "learner"

    def allowed(self, kinds: frozenset[str]) -> frozenset[str]:
        """`kinds` less any block this kind of site may never show."""
        return kinds & KIND_BLOCKS[self.kind]

    def shown_kinds(self) -> frozenset[str]:
        kinds: set[str] = set()
        for section in self.sections:
            kinds |= section.blocks
        return self.allowed(frozenset(kinds))


@dataclass
class Curriculum:
    root: Path
    topics: list[Topic]
    fault_phrases: list[str]
    modules: dict[str, Module]
    regions: dict[str, Region]
    sites: dict[str, Site]
    base_config: dict | None = None  # the validated base mkdocs.yml
    frameworks: list[Framework] = field(default_factory=list)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)
