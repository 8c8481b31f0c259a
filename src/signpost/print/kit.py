"""Card sets and worksheets on paper: cut-out cards and one-page worksheets.

Cards print in a grid of dashed cut lines, never split across pages, in big type
for the younger bands; a worksheet prints on a page of its own, never split, its
room shared out among its prompts: lines to write on, or frames to draw in. The
sizes depend on the pack's band (`ModuleBody.band`); the facilitator guides, which
have no band, print small cards and a compact sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..kit import Card, Kit, Prompt, read_kit
from ..model import Block, Text
from .html import environment

if TYPE_CHECKING:
    from .html import ModuleBody

# Card type and columns, by band; None: a guide (cards shown small, for reference).
CARD_SIZES: dict[str | None, str] = {"4-7": "big", "8-10": "large", "11-13": "normal",
                                     "14-17": "normal", None: "small"}
# The height a worksheet shares among its prompts (mm on the page), a frame to draw in
# taking three prompts' room (checks/kit.py keeps a worksheet within one page).
SHEET_HEIGHT_MM = 196
MOST_PER_PROMPT_MM = 46
LINE_MM = {"4-7": 14, "8-10": 12}
PROMPT_TEXT_MM = 12
GUIDE_PROMPT_MM = 22
INTRO_PICTURE_MM = 72  # print.css: .kit-intro img
INTRO_LINE_MM = 9


@dataclass(frozen=True)
class PrintedCard:
    number: int
    picture: Markup
    text: Markup


@dataclass(frozen=True)
class PrintedPrompt:
    number: int
    text: Markup
    draw: bool
    lines: int
    frame_mm: int


def kit_html(body: ModuleBody, block: Block) -> Markup:
    kit = read_kit(block)
    label = body.labels.get(kit.kind, kit.label)
    context = {
        "kit": kit,
        "label": label,
        "intro": body.html(kit.intro),
        "notes": body.html(kit.notes),
        "size": CARD_SIZES.get(body.band, "normal"),
        "pack": body.band is not None,
    }
    if kit.kind == "cards":
        cards = [printed_card(body, card, number) for number, card in enumerate(kit.cards, 1)]
        return Markup(environment.get_template("print/cards.html").render(cards=cards,
                                                                         **context))
    prompts = printed_prompts(body, kit)
    return Markup(environment.get_template("print/worksheet.html").render(prompts=prompts,
                                                                         **context))


def printed_card(body: ModuleBody, card: Card, number: int) -> PrintedCard:
    picture = Markup("")
    if card.picture is not None:
        picture = body.text_html(Text(card.picture.markdown(), card.line))
    text = body.text_html(Text(card.text, card.line)) if card.text.strip() else Markup("")
    return PrintedCard(number, picture, text)


def printed_prompts(body: ModuleBody, kit: Kit) -> list[PrintedPrompt]:
    """Each prompt with its share of the page: lines to write on, or a frame's height."""
    room = sum(3 if prompt.draw else 1 for prompt in kit.prompts) or 1
    height = SHEET_HEIGHT_MM - intro_height_mm(kit.intro)
    share = min(MOST_PER_PROMPT_MM, max(height, 0) // room)
    if body.band is None:  # a guide shows the sheet for reference: a line a prompt
        share = GUIDE_PROMPT_MM
    line_mm = LINE_MM.get(body.band or "", 10)
    return [printed_prompt(body, prompt, number, share, line_mm)
            for number, prompt in enumerate(kit.prompts, 1)]


def intro_height_mm(intro: tuple[Text, ...]) -> int:
    """About how much of the sheet the instructions take beyond the room kept for them."""
    pictures = sum(text.markdown.count("![") for text in intro)
    lines = sum(text.markdown.count("\n") + 1 for text in intro)
    return pictures * INTRO_PICTURE_MM + max(lines - 2, 0) * INTRO_LINE_MM


def printed_prompt(body: ModuleBody, prompt: Prompt, number: int, share: int,
                   line_mm: int) -> PrintedPrompt:
    text = body.text_html(Text(prompt.text, prompt.line)) if prompt.text.strip() else Markup("")
    lines = max(1, (share - PROMPT_TEXT_MM) // line_mm)
    frame = max(40, 3 * share - PROMPT_TEXT_MM)
    return PrintedPrompt(number, text, prompt.draw, lines, frame)
