"""A children module as a lesson plan, in the order a teacher uses it.

The teachers' site and the printed facilitator guides share this plan:

1. a prep box: materials, the set-up notes, and the briefing for the designated
   safeguarding lead (DSL);
2. a run sheet: the timed blocks in lesson order with running start times, the
   untimed introduction where it comes;
3. the lesson, each activity followed by its own facilitator notes and answers;
4. the safeguarding notes and the family follow-up.

Where a separate facilitator or answers block goes (the rules are also in
CONTRIBUTING.md, "Blocks, and who sees them"):

- a gated block inside an activity or discussion stays there;
- the prep box takes the facilitator block titled "Before the lesson" (or
  "Before the session", "Preparation"), or else the first facilitator block not
  titled for an activity;
- a facilitator or answers block whose title names an activity or discussion goes
  right after it;
- an answers block that is not titled for one is split at each line that starts
  with an activity's or discussion's title (`Comment check: ...`, `"Spot the
  tactics": ...`): from that line to the next such line goes right after that
  activity; lines before the first such line go after the activity before that
  one (answers are written in lesson order), or stay where the block is;
- any other block stays where it is written: right after the activity it follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..kit import lesson_materials
from ..model import TIMED_KINDS, Block, Curriculum, Module, Node, Text, iter_blocks
from ..select import ModulePage, SiteContent, in_prerequisite_order
from .markdown import FACILITATOR_LABELS, nodes_markdown
from .quiz import quiz_key_markdown

ANCHORS = frozenset({"activity", "discussion"})  # blocks that notes and answers follow
PREP_TITLE = re.compile(r"^\s*(before the (lesson|session)|prep(aration)?|getting ready)\b", re.I)
INTRODUCTION = "Introduction and ground rules"
CLOSE = "Questions and close"
DSL_STANDARD = ("Tell your designated safeguarding lead (DSL) when you will teach this lesson, "
                "so they can tell you about any learner who may need extra care.")


@dataclass(frozen=True)
class RunRow:
    """One row of the run sheet: minutes `start` to `end` from the start of the lesson."""

    start: int
    end: int
    label: str
    anchor: int | None = None  # index of the timed block in source order; None: introduction

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass
class LessonPlan:
    module: Module
    preparation: tuple[Node, ...] = ()  # the set-up notes (facilitator block)
    dsl: str = DSL_STANDARD  # Markdown: what to tell the DSL
    run_sheet: list[RunRow] = field(default_factory=list)
    lesson: tuple[Node, ...] = ()
    safeguarding: tuple[Node, ...] = ()
    family: tuple[Node, ...] = ()

    @property
    def total(self) -> int:
        return self.run_sheet[-1].end if self.run_sheet else 0

    @property
    def timed(self) -> int:
        return sum(row.minutes for row in self.run_sheet if row.anchor is not None)

    @property
    def no_introduction(self) -> bool:
        """The timed parts fill the lesson, leaving no minutes to introduce it."""
        return all(row.anchor is not None for row in self.run_sheet) and bool(self.run_sheet)


def lesson_plan(module: Module, body: tuple[Node, ...]) -> LessonPlan:
    """The plan of a module from its gated body (every block a teacher sees)."""
    nodes = [line_per_note(node) for node in body]
    anchors = [n for n in nodes if isinstance(n, Block) and n.kind in ANCHORS]
    prep = _prep_block(nodes, anchors)
    plan = LessonPlan(module)
    plan.preparation = prep.children if prep is not None else ()
    plan.safeguarding = tuple(n for n in nodes if isinstance(n, Block) and n.kind == "safeguarding")
    plan.family = tuple(n for n in nodes if isinstance(n, Block) and n.kind == "family")
    plan.dsl = dsl_briefing(module, plan.safeguarding)
    plan.run_sheet = run_sheet(module, body)

    after: dict[int, list[Node]] = {}  # id of an anchor block -> blocks shown after it
    kept: list[Node] = []
    for node in nodes:
        if node is prep or (isinstance(node, Block) and node.kind in ("safeguarding", "family")):
            continue
        if isinstance(node, Block) and node.kind in ("facilitator", "answers"):
            target = _named_anchor(node, anchors)
            if target is not None:
                after.setdefault(id(target), []).append(node)
                continue
            if node.kind == "answers":
                rest, parts = _split_answers(node, anchors)
                for anchor, part in parts:
                    after.setdefault(id(anchor), []).append(part)
                if rest is not None:
                    kept.append(rest)
                continue
        kept.append(node)
    lesson: list[Node] = []
    for node in kept:
        lesson.append(node)
        lesson.extend(after.get(id(node), []))
    plan.lesson = tuple(lesson)
    return plan


NOTE_LINE = re.compile(r"^[^\s|>#:-]")
LIST_START = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")


def line_per_note(node: Node) -> Node:
    """In facilitator, answers and safeguarding blocks each line of text is a note of its
    own ("Set up: ...", "Timing: ..."), not a line of a paragraph, so they never run on."""
    if isinstance(node, Text):
        return node
    children = tuple(line_per_note(child) for child in node.children)
    if node.kind in ("facilitator", "answers", "safeguarding"):
        children = tuple(Text(split_notes(c.markdown), c.line) if isinstance(c, Text) else c
                         for c in children)
    return Block(node.kind, node.title, node.minutes, children, node.line, node.end_line)


def split_notes(markdown: str) -> str:
    out: list[str] = []
    previous = ""
    in_list = False
    for line in markdown.split("\n"):
        if not line.strip():
            in_list = False
        elif LIST_START.match(line):
            in_list = True
        elif (NOTE_LINE.match(line) and not in_list and NOTE_LINE.match(previous)
              and not LIST_START.match(previous)):
            out.append("")
        out.append(line)
        previous = line
    return "\n".join(out)


def _key(text: str) -> str:
    """A title or line as words: lower case, no quotes or punctuation, no leading 'the'."""
    words = re.sub(r"[^\w\s]+", " ", text.lower().replace("’", "'").replace("'", ""))
    return re.sub(r"^the\s+", "", " ".join(words.split()))


def _title_keys(block: Block) -> list[str]:
    if not block.title:
        return []
    key = _key(block.title)
    keys = [key]
    if key.startswith("warm up"):
        rest = re.sub(r"^the\s+", "", key.removeprefix("warm up").strip())
        keys = [k for k in (rest, "warm up") if k]
    return [k for k in keys if len(k) >= 4]


def _named_anchor(block: Block, anchors: list[Block]) -> Block | None:
    """The activity or discussion a block's title names."""
    if not block.title or PREP_TITLE.match(block.title):
        return None
    title = _key(block.title)
    for anchor in anchors:
        if anchor.title and _key(anchor.title) and _key(anchor.title) in title:
            return anchor
    return None


def _prep_block(nodes: list[Node], anchors: list[Block]) -> Block | None:
    facilitator = [n for n in nodes if isinstance(n, Block) and n.kind == "facilitator"]
    titled = next((b for b in facilitator if b.title and PREP_TITLE.match(b.title)), None)
    if titled is not None:
        return titled
    return next((b for b in facilitator if _named_anchor(b, anchors) is None), None)


def _split_answers(block: Block, anchors: list[Block]) -> tuple[Block | None, list]:
    """(what stays where the block is, [(anchor, answers for it)])."""
    if len(block.children) != 1 or not isinstance(block.children[0], Text):
        return block, []  # answers with blocks inside them are kept whole
    text = block.children[0]
    keys = [(key, anchor) for anchor in anchors for key in _title_keys(anchor)]
    keys.sort(key=lambda pair: -len(pair[0]))
    lines = text.markdown.split("\n")
    parts: list[tuple[Block | None, int, list[str]]] = [(None, 0, [])]
    for index, line in enumerate(lines):
        target = None
        if line.strip() and not line.startswith((" ", "\t", "-", "*", "+")) and \
                not re.match(r"\d+[.)]\s", line):
            words = _key(line)
            target = next((a for k, a in keys if words == k or words.startswith(k + " ")), None)
        if target is not None:
            parts.append((target, index, []))
        parts[-1][2].append(line)
    if len(parts) == 1:
        return block, []

    def piece(start: int, lines: list[str], title: str | None) -> Block:
        child = Text("\n".join(lines).strip("\n"), text.line + start)
        return Block(block.kind, title, None, (child,), block.line, block.end_line)

    moved = [(anchor, piece(start, lines, anchor.title)) for anchor, start, lines in parts[1:]]
    head = parts[0][2]
    if not "".join(head).strip():
        return None, moved
    # Answers are written in lesson order: untitled lines before the first titled one
    # answer the activity or discussion just before that one.
    first = anchors.index(parts[1][0])
    if first > 0:
        return None, [(anchors[first - 1], piece(0, head, anchors[first - 1].title)), *moved]
    return piece(0, head, block.title), moved


def dsl_briefing(module: Module, safeguarding: tuple[Node, ...]) -> str:
    """The standard line, and what the safeguarding notes say the lesson may bring up."""
    for block in safeguarding:
        first = next((n for n in block.children if isinstance(n, Text) and n.markdown.strip()),
                     None)
        if first is None:
            continue
        paragraph = first.markdown.strip().split("\n\n")[0].replace("\n", " ")
        sentence = re.split(r"(?<=[.!?])\s+", paragraph.lstrip("-*+ "), maxsplit=1)[0]
        return f"{DSL_STANDARD} What it may bring up: {sentence}"
    return DSL_STANDARD


def run_sheet(module: Module, body: tuple[Node, ...]) -> list[RunRow]:
    """Timed blocks in source order with running times; spare minutes open the lesson when
    text comes before the first timed block, else close it."""
    timed = [b for b in iter_blocks(body) if b.kind in TIMED_KINDS and b.minutes]
    spare = module.duration - sum(b.minutes or 0 for b in timed)
    first = next((i for i, n in enumerate(body)
                  if isinstance(n, Block) and n.kind in TIMED_KINDS), len(body))
    opens = any(isinstance(n, Text) and n.markdown.strip() for n in body[:first])
    rows: list[RunRow] = []
    clock = 0
    if spare > 0 and opens:
        rows.append(RunRow(0, spare, INTRODUCTION))
        clock = spare
    for index, block in enumerate(timed):
        label = FACILITATOR_LABELS[block.kind]
        if block.title and block.title.lower() != label.lower():
            label += f": {block.title}"
        rows.append(RunRow(clock, clock + (block.minutes or 0), label, index))
        clock += block.minutes or 0
    if spare > 0 and not opens:
        rows.append(RunRow(clock, clock + spare, CLOSE))
    return rows


def lesson_plan_markdown(plan: LessonPlan, finish: Callable[[str], str],
                         number: str | None = None) -> str:
    """Everything of a lesson-plan page after its title and summary, as Markdown.

    `finish` fills region variables and re-points links in text that comes from the
    module body; front-matter texts are used as they are, as on every page.
    """
    module = plan.module
    labels = FACILITATOR_LABELS
    bands = ", ".join(module.age_bands)
    meta = f"**Ages:** {bands} · **Lesson length:** {module.duration} minutes"
    if number:
        meta = f"**{number}** · {meta}"
    parts = [meta, prep_box(plan, finish)]

    rows = ["| Timing | Part | Minutes |", "| --- | --- | ---: |"]
    rows += [f"| {row.start}–{row.end} | {row.label} | {row.minutes} |" for row in plan.run_sheet]
    rows.append(f"| | **Total** | **{plan.total}** |")
    parts += ["## Run sheet", "\n".join(rows)]
    if plan.no_introduction:
        parts.append("*The timed parts fill the whole lesson: take a few minutes for the "
                     "introduction and ground rules from the longest part.*")
    elif plan.timed > module.duration:
        parts.append(f"*The timed parts add up to {plan.timed} minutes, more than the "
                     f"{module.duration}-minute lesson: plan which part to shorten.*")

    objectives = ["## Objectives", "\n".join(f"- {o}" for o in module.objectives)]
    parts += objectives
    if module.vocabulary:
        table = ["| Word | Meaning |", "| --- | --- |"]
        table += [f"| {term} | {text} |" for term, text in module.vocabulary.items()]
        parts += ["## Vocabulary", "\n".join(table)]

    parts += ["## The lesson", finish(nodes_markdown(plan.lesson, labels, quiz_key_markdown))]
    if plan.safeguarding:
        parts += ["## Safeguarding", finish(nodes_markdown(plan.safeguarding, labels))]
    if plan.family:
        parts += ["## After the lesson", finish(nodes_markdown(plan.family, labels))]
    return "\n\n".join(p for p in parts if p.strip())


def prep_box(plan: LessonPlan, finish: Callable[[str], str]) -> str:
    lines = ["**Materials**", ""]
    materials = lesson_materials(plan.module)
    if materials:
        lines += [f"- {item}" for item in materials]
    else:
        lines.append("The learner pack for this age group, and pencils. Anything else is in "
                     "the set-up notes.")
    if plan.preparation:
        lines += ["", "**Set-up**", "", finish(nodes_markdown(plan.preparation, FACILITATOR_LABELS))]
    lines += ["", "**Brief your DSL**", "", finish(plan.dsl)]
    if plan.safeguarding:
        lines += ["", "Read the safeguarding notes at the end of this plan before the lesson."]
    body = "\n".join(f"    {line}" if line.strip() else "" for line in "\n".join(lines).split("\n"))
    return f'!!! sp-prep "Before the lesson"\n\n{body}'


def lesson_sequence(curriculum: Curriculum, pages: tuple[ModulePage, ...] | list[ModulePage]
                    ) -> list[ModulePage]:
    """One band's lesson plans in teaching order: the order of the printed guide
    (`in_prerequisite_order` over that band's lessons), so that "Lesson 3" is the same
    lesson on the site and on paper."""
    position = {m.id: i for i, m in enumerate(in_prerequisite_order(
        curriculum, [page.module for page in pages]))}
    return sorted(pages, key=lambda page: position.get(page.module.id, len(position)))


def lesson_label(curriculum: Curriculum, content: SiteContent, page: ModulePage) -> str | None:
    """"Lesson 3 of 6, ages 8-10" for a lesson plan in its band's sequence."""
    for section in content.sections:
        for group in section.groups:
            if page in group.pages:
                ordered = lesson_sequence(curriculum, group.pages)
                number = ordered.index(page) + 1
                return lesson_heading(number, len(ordered), page.band)
    return None


def lesson_heading(number: int, count: int, band: str | None) -> str:
    return f"Lesson {number} of {count}" + (f", ages {band}" if band else "")
