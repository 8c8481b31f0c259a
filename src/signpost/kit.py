"""The classroom kit: card sets (`::: cards`) and worksheets (`::: worksheet`) as typed objects.

A card set is a block whose list items are its cards, one card per item, each a short
text with an optional picture (`![alt](file.svg)`, a file in the curriculum folder):

    ::: cards "Surprise or secret?"
    Cut out the cards. Put each one on the happy face or the worried face.

    1. Pip is making a birthday card for Grandma.
    2. ![A cake with candles](../pictures/cake.svg) Dot hides a cake for the party.
    :::

A worksheet is a block whose list items are prompts with space to write under them;
an item (or a line) that starts with `draw:` is a frame to draw in instead:

    ::: worksheet "My helping hand"
    - draw: Draw round your hand. Draw a grown-up you trust on each finger.
    - Who could you tell at school?
    :::

Text that is not a list item (before, between or after the items) is the set's
instructions. Blocks inside a card set or worksheet (an `answers` block, say) are
gated as everywhere else and shown after it. Everything here keeps its file line, for
`check` (checks/kit.py) and for the renderers (render/markdown.py, print/html.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import KIT_KINDS, Block, Module, Node, Text, iter_blocks
from .parse import LINK, link_target

ITEM = re.compile(r"^(?P<indent> {0,3})(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<text>\S.*)$")
NESTED_ITEM = re.compile(r"^[ \t]{2,}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
DRAW = re.compile(r"^draw:[ \t]*", re.IGNORECASE)
KIT_LABELS = {"cards": "Cards", "worksheet": "Worksheet"}


@dataclass(frozen=True)
class Picture:
    alt: str
    target: str
    line: int

    def markdown(self) -> str:
        return f"![{self.alt}]({self.target})"


@dataclass(frozen=True)
class Card:
    """One card: its words (Markdown, without the picture) and its picture, if any."""

    text: str
    picture: Picture | None
    line: int
    pictures: int = 0  # how many pictures the item held (a card shows one)


@dataclass(frozen=True)
class Prompt:
    """One prompt of a worksheet: space to write under it, or a frame to draw in."""

    text: str
    draw: bool
    line: int


@dataclass(frozen=True)
class Stray:
    """A line a card set or worksheet cannot lay out (a heading, a list inside an item)."""

    line: int
    what: str


@dataclass(frozen=True)
class Kit:
    """A card set or a worksheet: what `check` judges and the renderers lay out."""

    kind: str  # "cards" | "worksheet"
    title: str | None
    line: int
    end_line: int
    intro: tuple[Text, ...]  # the instructions: text that is not a list item
    cards: tuple[Card, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    notes: tuple[Block, ...] = ()  # blocks inside it, shown after it where gating keeps them
    strays: tuple[Stray, ...] = ()

    @property
    def label(self) -> str:
        return KIT_LABELS[self.kind]

    @property
    def name(self) -> str:
        """How the lesson plan's materials list it: `Cards: Surprise or secret?`."""
        return f"{self.label}: {self.title}" if self.title else self.label

    @property
    def items(self) -> int:
        return len(self.cards) if self.kind == "cards" else len(self.prompts)


@dataclass
class _Item:
    lines: list[str]
    line: int


def read_kit(block: Block) -> Kit:
    """The card set or worksheet a `cards` or `worksheet` block holds."""
    intro: list[Text] = []
    items: list[_Item] = []
    strays: list[Stray] = []
    notes = tuple(child for child in block.children if isinstance(child, Block))
    for child in block.children:
        if isinstance(child, Text):
            _read_text(child, block.kind, intro, items, strays)
    if block.kind == "cards":
        return Kit(block.kind, block.title, block.line, block.end_line, tuple(intro),
                   cards=tuple(_card(item) for item in items), notes=notes,
                   strays=tuple(strays))
    return Kit(block.kind, block.title, block.line, block.end_line, tuple(intro),
               prompts=tuple(_prompt(item) for item in items), notes=notes, strays=tuple(strays))


def _read_text(text: Text, kind: str, intro: list[Text], items: list[_Item],
               strays: list[Stray]) -> None:
    """Split one text into list items (cards, prompts) and paragraphs of instructions."""
    current: _Item | None = None
    paragraph: list[str] = []
    paragraph_line = text.line
    blank_before = False

    def end_paragraph() -> None:
        nonlocal paragraph
        if paragraph:
            intro.append(Text("\n".join(paragraph), paragraph_line))
        paragraph = []

    for offset, line in enumerate(text.markdown.split("\n")):
        number = text.line + offset
        if not line.strip():
            end_paragraph()
            blank_before = True
            continue
        item = ITEM.match(line)
        if HEADING.match(line) or item and HEADING.match(item.group("text")):
            strays.append(Stray(number, "a heading"))
            current = None
        elif item:
            end_paragraph()
            current = _Item([item.group("text").strip()], number)
            items.append(current)
        elif current is not None and NESTED_ITEM.match(line):
            strays.append(Stray(number, "a list inside a " + ("card" if kind == "cards"
                                                               else "prompt")))
        elif kind == "worksheet" and DRAW.match(line.strip()) and not paragraph:
            current = _Item([line.strip()], number)
            items.append(current)
        elif current is not None and (not blank_before or line[:1] in " \t"):
            current.lines.append(line.strip())  # the item goes on
        else:
            current = None
            if not paragraph:
                paragraph_line = number
            paragraph.append(line)
        blank_before = False
    end_paragraph()


def _card(item: _Item) -> Card:
    text = " ".join(item.lines)
    pictures = [match for match in LINK.finditer(text) if match.group("bang")]
    picture = None
    if pictures:
        first = pictures[0]
        picture = Picture(first.group("text").strip(), link_target(first), item.line)
        text = (text[:first.start()] + text[first.end():]).strip()
    return Card(text, picture, item.line, len(pictures))


def _prompt(item: _Item) -> Prompt:
    text = " ".join(item.lines)
    draw = DRAW.match(text)
    return Prompt(text[draw.end():].strip() if draw else text, bool(draw), item.line)


def module_kits(module: Module) -> list[Kit]:
    """Every card set and worksheet of a module, in lesson order."""
    return [read_kit(block) for block in iter_blocks(module.body) if block.kind in KIT_KINDS]


def lesson_materials(module: Module) -> list[str]:
    """A lesson's materials: its card sets and worksheets by title, what they need (scissors,
    pencils, crayons), then the module's own `materials:` list."""
    kits = module_kits(module)
    names = [kit_material(kit) for kit in kits]
    if any(kit.kind == "cards" for kit in kits):
        names.append("Scissors, or the cards cut out before the lesson")
    if any(kit.kind == "worksheet" for kit in kits):
        drawing = any(prompt.draw for kit in kits for prompt in kit.prompts)
        names.append("Pencils, and crayons for drawing" if drawing else "Pencils")
    return list(dict.fromkeys([*names, *module.materials]))


def kit_material(kit: Kit) -> str:
    """`Cards: Surprise or secret? (4 cards to cut out, in the learner pack)`."""
    if kit.kind == "cards":
        count = f"{len(kit.cards)} card{'s' if len(kit.cards) != 1 else ''} to cut out"
        return f"{kit.name} ({count}, in the learner pack)"
    return f"{kit.name} (one for each learner, in the learner pack)"


# --- Markdown for the sites ---------------------------------------------------------------


def kit_markdown(block: Block, title: str, render_nodes) -> str:
    """A card set or worksheet as the admonition a site page shows.

    Cards are a numbered list (the numbers answers refer to), laid out as a grid by the
    site's CSS; each worksheet prompt is a list item whose paragraph carries `sp-write`
    or `sp-draw`, which the CSS follows with lines to write on or a frame to draw in.
    `render_nodes` renders the instructions and the blocks inside (render/markdown.py).
    """
    kit = read_kit(block)
    parts: list[str] = []
    if kit.intro:
        parts.append(render_nodes(kit.intro))
    if kit.kind == "cards":
        parts.append("\n".join(
            f"{number}. " + " ".join(p for p in (card.picture.markdown() if card.picture
                                                   else "", card.text) if p)
            for number, card in enumerate(kit.cards, 1)))
    else:
        lines: list[str] = []
        for number, prompt in enumerate(kit.prompts, 1):
            lines += [f"{number}. {prompt.text or ('Draw here.' if prompt.draw else '')}",
                      "    { .sp-draw }" if prompt.draw else "    { .sp-write }", ""]
        parts.append("\n".join(lines).rstrip("\n"))
    inner = "\n\n".join(part for part in parts if part.strip())
    body = "\n".join(f"    {line}" if line.strip() else "" for line in inner.split("\n"))
    out = f'!!! sp-{kit.kind} "{title}"\n\n{body}'
    if kit.notes:
        out += "\n\n" + render_nodes(kit.notes)
    return out


def kit_nodes(nodes: tuple[Node, ...]) -> list[Block]:
    """The card sets and worksheets among `nodes` (nested ones too)."""
    return [block for block in iter_blocks(nodes) if block.kind in KIT_KINDS]
