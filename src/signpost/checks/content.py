"""Safeguarding and quality rules for what modules say (codes SP4xx).

The why of each rule is in CONTRIBUTING.md; messages here say what to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import textstat

from ..diagnostics import Report
from ..model import Curriculum, Module
from .text import Line, iter_lines, iter_links

SENTENCE_LIMITS = {"4-7": 12, "8-10": 18}
# Flesch-Kincaid grade above which a band's text is probably too hard (advisory).
GRADE_LIMITS = {"4-7": 3.5, "8-10": 6.0, "11-13": 8.5, "14-17": 11.0}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
MARKUP = re.compile(r"[*_`>#|]|!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
WORD = re.compile(r"[\w'’-]*\w")
NEGATION = re.compile(
    r"\b(?:don'?t|do not|never|not|no|won'?t|stop|instead of|without|nobody should|"
    r"no one should|doesn'?t|does not|shouldn'?t|should not|isn'?t|is not|refuse)\b"
    r"|\bdon’t\b|\bwon’t\b"
)
# Base verb forms only: "pay them" is advice, "paying does not help" describes.
HARMFUL_ADVICE: dict[str, re.Pattern[str]] = {
    "to pay": re.compile(r"\b(?:pay|hand over money|send (?:them |him |her )?money)\b"),
    "to send more": re.compile(r"\bsend (?:them |him |her )?(?:more|another)\b"),
    "to delete evidence": re.compile(
        r"\b(?:delete|erase|wipe)\b[^.!?]*\b(?:messages?|chats?|evidence|screenshots?|"
        r"photos?|pictures?|images?|account|conversation)\b"
    ),
    "to keep it secret": re.compile(
        r"\b(?:keep (?:it|this|that) (?:a )?secret|keep (?:it|this) to yourself|"
        r"don'?t tell anyone|do not tell anyone)\b"
    ),
}
# Words in quotation marks are what a character says, not the module's advice.
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
STEREOTYPES = re.compile(r"\bstranger[- ]danger\b|\bcreepy old(?:er)? m[ae]n\b", re.IGNORECASE)
RAW_HTML: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<\s*(script|iframe|object|embed|form|link|meta|base|style)\b", re.I),
     "raw <{0}> is not allowed in modules"),
    (re.compile(r"<[^>]*\son\w+\s*=", re.I), "event-handler attributes (on...=) are not allowed"),
    (re.compile(r"(?:href|src)\s*=\s*[\"']?\s*(?:javascript|data|vbscript):", re.I),
     "javascript: and data: links are not allowed"),
    (re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I),
     "images from other hosts are not allowed: put the image in the curriculum folder"),
    (re.compile(r"@import|url\(\s*[\"']?(?:https?:)?//", re.I),
     "styles and fonts from other hosts are not allowed"),
]
VAGUE_LINK_TEXT = {"here", "click here", "this", "link", "this link", "more", "read more"}
HEADING = re.compile(r"^(#{1,6})\s")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


def check(curriculum: Curriculum, report: Report) -> None:
    for module in curriculum.modules.values():
        lines = list(iter_lines(module))
        check_raw_html(module, lines, report)
        check_links(module, report)
        check_headings(module, lines, report)
        check_stereotypes(module, lines, report)
        check_harmful_advice(module, lines, report)
        if module.audience == "children":
            check_never_your_fault(curriculum, module, lines, report)
            check_reading_level(module, lines, report)


def check_raw_html(module: Module, lines: list[Line], report: Report) -> None:
    for line in lines:
        if line.in_code:
            continue
        for pattern, message in RAW_HTML:
            match = pattern.search(line.text)
            if match:
                tag = match.group(1).lower() if match.groups() else ""
                report.error(module.path, line.number, "SP405", message.format(tag))
                break
        for link in re.finditer(r"\]\(\s*<?\s*(javascript|data|vbscript):", line.text, re.I):
            report.error(module.path, line.number, "SP405",
                         f"{link.group(1).lower()}: links are not allowed")


def check_links(module: Module, report: Report) -> None:
    for link in iter_links(module):
        lowered = link.target.lower()
        if link.is_image and lowered.startswith(("http:", "https:", "//")):
            report.error(module.path, link.line, "SP405",
                         "images from other hosts are not allowed: put the image in the "
                         "curriculum folder and link it relatively")
        elif lowered.startswith("http:"):
            report.error(module.path, link.line, "SP410",
                         f"use https, not http: '{link.target}'")
        if not link.is_image and link.text.strip().lower().strip(".!:") in VAGUE_LINK_TEXT:
            report.error(module.path, link.line, "SP411",
                         f"link text '{link.text}' does not say where it goes: name the page "
                         "or service instead")


def check_headings(module: Module, lines: list[Line], report: Report) -> None:
    level = 1  # the module title is the page's only level-1 heading
    for line in lines:
        match = HEADING.match(line.text) if not line.in_code else None
        if not match:
            continue
        depth = len(match.group(1))
        if depth == 1:
            report.error(module.path, line.number, "SP412",
                         "use '## ' for headings: the title is the page's only '# ' heading")
        elif depth > level + 1:
            report.error(module.path, line.number, "SP412",
                         f"heading jumps from level {level} to {depth}: use {'#' * (level + 1)}")
        level = depth


def check_stereotypes(module: Module, lines: list[Line], report: Report) -> None:
    for line in lines:
        if not line.in_code and STEREOTYPES.search(line.text):
            report.error(module.path, line.number, "SP404",
                         "avoid the 'stranger danger' stereotype: most harm comes from people "
                         "a child knows or has come to trust")


def check_harmful_advice(module: Module, lines: list[Line], report: Report) -> None:
    for paragraph in sentences(lines, learner_only=False, split=False):
        unquoted = QUOTED.sub(" ", paragraph.text.lower().replace("’", "'"))
        for sentence in SENTENCE_END.split(unquoted):
            advice = harmful_advice_in(sentence)
            if advice:
                report.error(
                    module.path, paragraph.line, "SP403",
                    f"reads as advice {advice}; the advice is never to pay, send more, delete "
                    "evidence or keep it secret: say 'do not ...' plainly",
                )


def harmful_advice_in(sentence: str) -> str | None:
    for advice, pattern in HARMFUL_ADVICE.items():
        for match in pattern.finditer(sentence):
            clause = re.split(r"[;:,]|\bbut\b|\bthen\b", sentence[: match.start()])[-1]
            if not NEGATION.search(clause) and not advice_is_negated_after(sentence, match.end()):
                return advice
    return None


def advice_is_negated_after(text: str, end: int) -> bool:
    """'Paying is never the answer', 'deleting messages is not a good idea'."""
    rest = text[end : end + 40]
    return bool(
        re.match(r"[^.!?]*?\b(?:is|are|was|will|does|do)\s+(?:never|not|no)\b", rest)
    )


def check_never_your_fault(
    curriculum: Curriculum, module: Module, lines: list[Line], report: Report
) -> None:
    topic = curriculum.topic(module.topic)
    if topic is None or not topic.never_your_fault:
        return
    learner_text = " ".join(
        line.text.lower().replace("’", "'") for line in lines if line.learner_visible
    )
    if not any(phrase.replace("’", "'") in learner_text for phrase in curriculum.fault_phrases):
        report.error(
            module.path, module.body_line, "SP402",
            f"modules on '{topic.id}' must tell learners plainly that it is never their fault "
            f"(for example '{curriculum.fault_phrases[0] if curriculum.fault_phrases else 'never your fault'}')",
        )


def check_reading_level(module: Module, lines: list[Line], report: Report) -> None:
    learner = list(sentences(lines, learner_only=True))
    youngest = module.age_bands[0] if module.age_bands else None
    limit = SENTENCE_LIMITS.get(youngest or "")
    if limit:
        for sentence in learner:
            if sentence.words > limit:
                report.error(
                    module.path, sentence.line, "SP407",
                    f"sentence of {sentence.words} words; for ages {youngest} keep sentences "
                    f"to {limit} words or fewer",
                )
    text = " ".join(s.text for s in learner)
    if youngest and len(learner) >= 5:
        grade = textstat.flesch_kincaid_grade(text)
        if grade > GRADE_LIMITS[youngest]:
            report.warning(
                module.path, module.body_line, "SP408",
                f"reading level (Flesch-Kincaid grade {grade:.1f}) is high for ages {youngest} "
                f"(aim for {GRADE_LIMITS[youngest]:g} or below): use shorter words and sentences",
            )


def sentences(lines: list[Line], learner_only: bool, split: bool = True) -> Iterator[Sentence]:
    """Sentences of prose: paragraphs and list items, markup stripped, headings skipped."""
    paragraph: list[Line] = []

    def flush() -> Iterator[Sentence]:
        if not paragraph:
            return
        starts: list[tuple[int, int]] = []  # (offset in text, file line)
        parts: list[str] = []
        offset = 0
        for ln in paragraph:
            starts.append((offset, ln.number))
            part = MARKUP.sub(lambda m: m.group(1) or " ", ln.text)
            parts.append(part)
            offset += len(part) + 1
        text = " ".join(parts)
        position = 0
        for piece in SENTENCE_END.split(text) if split else [text]:
            found = text.find(piece, position)
            position = max(found, position)
            if WORD.search(piece):
                line = max(number for start, number in starts if start <= position)
                yield Sentence(line, piece.strip())
            position += len(piece)
        paragraph.clear()

    for line in lines:
        skip = line.in_code or (learner_only and not line.learner_visible)
        if skip or not line.text.strip() or HEADING.match(line.text) or line.text.lstrip().startswith("|"):
            yield from flush()
            continue
        if LIST_ITEM.match(line.text):
            yield from flush()
            paragraph.append(Line(line.number, LIST_ITEM.sub("", line.text), line.kinds, False))
            continue
        paragraph.append(line)
    yield from flush()
