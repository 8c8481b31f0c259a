"""Card sets and worksheets that print and teach well (codes SP420-SP427).

What their words say is judged with the rest of the module (reading level SP407,
advice SP403, the HTML allowlist SP405); pictures must exist and have alt text
(SP202, SP203, checks/links.py). Here: that a set has cards and a worksheet has
prompts, in numbers that fit the page, each card short enough to read on a card.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from ..diagnostics import Report
from ..kit import Kit, module_kits
from ..model import FACILITATOR_ONLY, KIT_KINDS, Curriculum, Module, band_index, iter_blocks
from .content import WORD

MIN_CARDS = 2
MAX_CARDS = 24
# Words on one card, by the youngest band that uses it; characters for every band.
CARD_WORDS = {"4-7": 10, "8-10": 14, "11-13": 20, "14-17": 20}
CARD_CHARS = 140
MAX_PROMPTS = 6
MAX_DRAW = 2
# A worksheet prints on one page: a frame to draw in takes the room of three prompts.
PAGE_ROOM = 6
DRAW_ROOM = 3
PICTURE_TYPES = frozenset({".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"})


def check(curriculum: Curriculum, report: Report) -> None:
    for module in curriculum.modules.values():
        check_module(module, report)


def check_module(module: Module, report: Report) -> None:
    check_nesting(module, report)
    for kit in module_kits(module):
        check_kit(module, kit, report)


def check_nesting(module: Module, report: Report) -> None:
    """Inside a card set or worksheet: only notes for whoever leads (gated blocks)."""
    for block in iter_blocks(module.body):
        if block.kind not in KIT_KINDS:
            continue
        for inner in iter_blocks(block.children):
            if inner.kind not in FACILITATOR_ONLY:
                report.error(module.path, inner.line, "SP425",
                             f"'{inner.kind}' block inside a '{block.kind}' block (line "
                             f"{block.line}): a card set or worksheet holds only its items and "
                             "facilitator, answers or safeguarding notes; close it first")
        if module.audience == "parents":
            report.warning(module.path, block.line, "SP427",
                           f"parents' sites and guides never show '{block.kind}' blocks: "
                           "describe the activity in a family block instead")


def check_kit(module: Module, kit: Kit, report: Report) -> None:
    what = "card set" if kit.kind == "cards" else "worksheet"
    if not kit.title or not kit.title.strip():
        report.error(module.path, kit.line, "SP426",
                     f'a {what} needs a title: ::: {kit.kind} "Surprise or secret?" (the '
                     "lesson plan's materials list it by title)")
    for stray in kit.strays:
        item = "card" if kit.kind == "cards" else "prompt"
        report.error(module.path, stray.line, "SP424",
                     f"{stray.what} in a {what}: write one {item} per list item (a short "
                     f"text), and instructions as plain lines")
    if kit.kind == "cards":
        check_cards(module, kit, report)
    else:
        check_prompts(module, kit, report)


def check_cards(module: Module, kit: Kit, report: Report) -> None:
    if not kit.cards:
        report.error(module.path, kit.line, "SP420",
                     "a card set with no cards: write one card per list item, '- A birthday "
                     "present for Gran'")
        return
    if not MIN_CARDS <= len(kit.cards) <= MAX_CARDS:
        report.error(module.path, kit.line, "SP421",
                     f"{len(kit.cards)} cards: a card set has {MIN_CARDS} to {MAX_CARDS} "
                     "cards; split it into two sets")
    youngest = min(module.age_bands, key=band_index) if module.age_bands else "14-17"
    limit = CARD_WORDS[youngest]
    for card in kit.cards:
        words = len(WORD.findall(card.text))
        if not card.text.strip() and card.picture is None:
            report.error(module.path, card.line, "SP420",
                         "an empty card: give it a short text, a picture, or both")
        elif words > limit or len(card.text) > CARD_CHARS:
            report.error(module.path, card.line, "SP422",
                         f"a card of {words} words ({len(card.text)} characters): for ages "
                         f"{youngest} a card holds at most {limit} words and {CARD_CHARS} "
                         "characters; shorten it, or put the rest in the instructions")
        if card.pictures > 1:
            report.error(module.path, card.line, "SP423",
                         f"a card with {card.pictures} pictures: a card shows one picture; "
                         "make one card per picture")
        if card.picture is not None:
            suffix = PurePosixPath(unquote(urlsplit(card.picture.target).path)).suffix.lower()
            if suffix not in PICTURE_TYPES:
                report.error(module.path, card.line, "SP423",
                             f"card picture '{card.picture.target}' is not a picture file: "
                             f"use {', '.join(sorted(PICTURE_TYPES))}")


def check_prompts(module: Module, kit: Kit, report: Report) -> None:
    if not kit.prompts:
        report.error(module.path, kit.line, "SP420",
                     "a worksheet with no prompts: write one prompt per list item, '- Who "
                     "could you tell?', or 'draw: Draw a grown-up you trust'")
        return
    draws = sum(prompt.draw for prompt in kit.prompts)
    room = draws * DRAW_ROOM + (len(kit.prompts) - draws)
    if len(kit.prompts) > MAX_PROMPTS or draws > MAX_DRAW or room > PAGE_ROOM:
        report.error(module.path, kit.line, "SP421",
                     f"{len(kit.prompts)} prompts, {draws} of them to draw: a worksheet prints "
                     f"on one page, which holds {PAGE_ROOM} prompts, or up to {MAX_DRAW} "
                     f"frames to draw in (each takes the room of {DRAW_ROOM} prompts); "
                     "split it into two worksheets")
    for prompt in kit.prompts:
        if not prompt.text.strip():
            report.error(module.path, prompt.line, "SP420",
                         "an empty prompt: say what to write or draw")
