"""Safeguarding and quality rules for what modules say (codes SP4xx).

The why of each rule is in CONTRIBUTING.md; messages here say what to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..diagnostics import Report
from ..model import Curriculum, Module, band_index
from ..readability import ReadingGrades
from .text import INLINE_CODE, Line, iter_lines, iter_links

SENTENCE_LIMITS = {"4-7": 12, "8-10": 18}
# Flesch-Kincaid grade above which a band's text is probably too hard (advisory).
GRADE_LIMITS = {"4-7": 3.5, "8-10": 6.0, "11-13": 8.5, "14-17": 11.0}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
MARKUP = re.compile(r"[*_`>#|]|!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
WORD = re.compile(r"[\w'’-]*\w")
NEGATION = re.compile(
    r"\b(?:don't|do not|never|not|no|won't|stop|instead of|without|nobody|no one|doesn't|"
    r"does not|shouldn't|should not|isn't|is not|aren't|are not|refuse|can't|cannot|"
    r"mustn't|must not|avoid|wrong to|unsafe to)\b"
)
# Advice is an instruction: the verb starts its clause ("pay them"), perhaps after a word
# like "just", or follows a cue like "you should". "If you pay", "they want you to pay",
# "you will pay" and "said to keep it secret" describe, and are not advice.
IMPERATIVE_LEAD = re.compile(
    r"^(?:(?:just|simply|quickly|quietly|please|so|now|first|instead|always|maybe|perhaps|"
    r"then|and|or|you)\s+)*\s*$"
)
ADVICE_CUE = re.compile(
    r"(?:(?:^|\b(?:you|we|i|your child|your son|your daughter|your teen|the child|a child|"
    r"the young person|children|young people|learners|pupils|students|everyone)\s+)"
    r"(?:really\s+|just\s+|always\s+)?(?:should|must|need to|needs to|have to|has to|"
    r"had better|ought to|can|could|might want to|may want to)"
    r"|\b(?:try to|best to|better to|safest to|easiest to|ok to|okay to|fine to|alright to|"
    r"good idea to|is to|remember to|make sure to|make sure you|it's smart to|"
    r"it is smart to))\s+(?:just\s+|simply\s+|always\s+|quickly\s+)*$"
)
# "They ask you to change clothes, show your room, or keep it secret": every item of the
# list is what someone asks, not advice.
DESCRIBED_REQUEST = re.compile(
    r"\b(?:asks?|asked|asking|tells?|told|telling|wants?|wanted|pressures?|pressured|"
    r"forces?|forced|gets?|got|begs?|begged|expects?|expected|demands?|demanded|threatens?|"
    r"threatened|says?|said|urges?|urged|persuades?|persuaded|tricks?|tricked|convinces?|"
    r"convinced|dares?|dared|might|may|could)\b"
    r"(?:\s+(?:you|them|him|her|us|me|someone|people|children|kids|young people|"
    r"the child|a child))?\s+to\b|\b(?:makes?|made|making) (?:you|them|him|her|someone)\b"
)
CLAUSE_BREAK = re.compile(r"[;:,()\u2013\u2014]|\s-\s|\b(?:but|then|and|or|so)\b")
LIST_CONTINUATION = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:then\s+)?$")
# Base verb forms only: "pay them" is advice, "paying does not help" describes.
HARMFUL_ADVICE: dict[str, re.Pattern[str]] = {
    "to pay": re.compile(
        r"\b(?:pay(?!\s+(?:attention|for|a visit|back)\b)|hand over (?:money|cash|gift cards?)|"
        r"send (?:them |him |her )?(?:money|cash|gift cards?)|buy (?:them |him |her )?gift cards?)\b"
    ),
    "to send more": re.compile(
        r"\bsend (?:them |him |her )?(?:more|another)\b"
        r"(?!\s+(?:messages?|texts?|reports?|emails?|help)\b)"
    ),
    "to comply": re.compile(
        r"\b(?:do (?:what|whatever|everything) (?:they|he|she|the person) (?:says?|asks?|"
        r"wants?|tells? you)|give (?:them|him|her) what (?:they|he|she) wants?|"
        r"go along with (?:it|them|him|her|their demands?|the demands?)|"
        r"comply with (?:them|him|her|it|their demands?|the demands?|what))\b"
    ),
    "to delete evidence": re.compile(
        r"\b(?:delete|erase|wipe|clear)\b[^.!?]*?\b(?:messages?|chats?|evidence|screenshots?|"
        r"account|conversations?|everything|chat history|the proof)\b"
    ),
    "to keep it secret": re.compile(
        r"\b(?:keep (?:it|this|that) (?:a )?secret|keep (?:it|this) to yourself|"
        r"keep quiet about (?:it|this|that)|keep (?:it|this) between (?:us|you and me)|"
        r"(?:don't|do not) tell anyone\b(?!\s+(?:your|where|what your|personal|private)\b))"
    ),
}
# Words in quotation marks are what a character says, not the module's advice.
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'.*?'(?!\w)")
STEREOTYPES = re.compile(r"\bstranger[- ]danger\b|\b(?:creepy|dirty) old(?:er)? m[ae]n\b",
                         re.IGNORECASE)
STEREOTYPE_REJECTED = re.compile(
    r"[\"”'’]?\s*(?:is|was|are)\s+(?:a myth|not|misleading|wrong|outdated|unhelpful)\b"
)
RAW_HTML: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|portal|form|link|meta|"
                r"base|style)\b", re.I),
     "raw <{0}> is not allowed in modules"),
    (re.compile(r"<[^>]*\son\w+\s*=", re.I), "event-handler attributes (on...=) are not allowed"),
    (re.compile(r"(?:href|src|action|formaction|srcset|poster|data)\s*=\s*[\"']?\s*"
                r"(?:javascript|data|vbscript):", re.I),
     "javascript: and data: links are not allowed"),
    (re.compile(r"<[a-z]+\b[^>]*\b(?:src|srcset|poster|data|background)\s*=\s*[\"']?"
                r"(?:https?:)?//", re.I),
     "images and media from other hosts are not allowed: put the file in the curriculum "
     "folder"),
    (re.compile(r"@import|@font-face|url\(\s*[\"']?(?:https?:)?//", re.I),
     "styles and fonts from other hosts are not allowed"),
]
# Markdown links a browser follows: [text](javascript:...), <javascript:...>, [ref]: data:...
SCRIPT_LINK = re.compile(
    r"(?:\]\(\s*<?|<|^\s{0,3}\[[^\]]+\]:\s*<?)\s*(javascript|data|vbscript):", re.I
)
PLAIN_HTTP = re.compile(
    r"(?:\bhref\s*=\s*[\"']?|<|^\s{0,3}\[[^\]]+\]:\s*<?)(http://[^\s\"'>)]*)", re.I
)
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
REFERENCE_IMAGE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?!\()")
VAGUE_LINK_TEXT = {"here", "click here", "this", "link", "this link", "more", "read more"}
CONTRACTIONS = (
    ("isn't", "is not"), ("wasn't", "was not"), ("aren't", "are not"), ("weren't", "were not"),
    ("haven't", "have not"), ("hasn't", "has not"), ("didn't", "did not"),
    ("it's", "it is"), ("you're", "you are"), ("they're", "they are"), ("that's", "that is"),
)
HEADING = re.compile(r"^(#{1,6})\s")
HTML_ONLY = re.compile(r"^\s*(?:<[^>]*>\s*)+$")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


def check(curriculum: Curriculum, report: Report, advisory: bool = True) -> None:
    cache_file = curriculum.root / ".signpost-cache" / "reading-grades.json"
    grades = ReadingGrades(cache_file) if advisory else None
    for module in curriculum.modules.values():
        lines = list(iter_lines(module))
        fields = front_matter_lines(module)
        sources = [Line(module.line_of("sources", i), text, (), False)
                   for i, text in enumerate(module.sources)]
        check_raw_html(module, sources + fields + lines, report)
        check_links(module, report)
        check_reference_images(module, lines, report)
        check_headings(module, lines, report)
        check_stereotypes(module, fields + lines, report)
        check_harmful_advice(module, lines, report)
        check_harmful_advice_in_lines(module, fields, report)
        check_harmful_advice_in_lines(module, [ln for ln in lines if not_prose(ln.text)], report)
        if module.audience == "children":
            check_never_your_fault(curriculum, module, lines, report)
            check_reading_level(module, lines, report, grades)
    if grades is not None:
        grades.save()


def front_matter_lines(module: Module) -> list[Line]:
    """Front-matter text that pages show (title, summary, objectives, glossary, materials)."""
    texts: list[tuple[int, str]] = [
        (module.line_of("title"), module.title),
        (module.line_of("summary"), module.summary),
    ]
    texts += [(module.line_of("objectives", i), o) for i, o in enumerate(module.objectives)]
    texts += [(module.line_of("vocabulary", term), f"{term}: {definition}")
              for term, definition in module.vocabulary.items()]
    texts += [(module.line_of("materials", i), m) for i, m in enumerate(module.materials)]
    return [Line(number, text, (), False) for number, text in texts if text]


def check_raw_html(module: Module, lines: list[Line], report: Report) -> None:
    for line in lines:
        if line.in_code:
            continue
        text = INLINE_CODE.sub(" ", line.text)
        for pattern, message in RAW_HTML:
            match = pattern.search(text)
            if match:
                tag = match.group(1).lower() if match.groups() else ""
                report.error(module.path, line.number, "SP405", message.format(tag))
                break
        for link in SCRIPT_LINK.finditer(text):
            report.error(module.path, line.number, "SP405",
                         f"{link.group(1).lower()}: links are not allowed")
        for plain in PLAIN_HTTP.finditer(text):
            report.error(module.path, line.number, "SP410",
                         f"use https, not http: '{plain.group(1)}'")


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


def check_reference_images(module: Module, lines: list[Line], report: Report) -> None:
    """![alt][ref] with `[ref]: https://...` loads an image from another host too."""
    prose = [line for line in lines if not line.in_code]
    targets = {}
    for line in prose:
        definition = REFERENCE_DEFINITION.match(line.text)
        if definition:
            targets[definition.group(1).strip().lower()] = definition.group(2)
    for line in prose:
        for image in REFERENCE_IMAGE.finditer(INLINE_CODE.sub(" ", line.text)):
            label = (image.group(2) or image.group(1)).strip().lower()
            target = targets.get(label, "").lower()
            if target.startswith(("http:", "https:", "//")):
                report.error(module.path, line.number, "SP405",
                             "images from other hosts are not allowed: put the image in the "
                             "curriculum folder and link it relatively")


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
        match = STEREOTYPES.search(line.text) if not line.in_code else None
        if match and not rejects_stereotype(line.text.lower(), match):
            report.error(module.path, line.number, "SP404",
                         f"avoid the stereotype '{match.group()}': most harm comes from "
                         "people a child knows or has come to trust")


def rejects_stereotype(text: str, match: re.Match[str]) -> bool:
    """'Avoid "stranger danger" messages', 'stranger danger is a myth'."""
    before = CLAUSE_BREAK.split(text[: match.start()].replace("’", "'"))[-1]
    after = text[match.end() : match.end() + 40]
    return bool(NEGATION.search(before) or STEREOTYPE_REJECTED.match(after))


def check_harmful_advice(module: Module, lines: list[Line], report: Report) -> None:
    for sentence in sentences(lines, learner_only=False, prepare=without_quotations):
        advice = harmful_advice_in(sentence.text)
        if advice:
            report.error(
                module.path, sentence.line, "SP403",
                f"reads as advice {advice}; the advice is never to pay, send more, comply, "
                "delete evidence or keep it secret: say 'do not ...' plainly",
            )


def check_harmful_advice_in_lines(module: Module, lines: list[Line], report: Report) -> None:
    """Headings, table cells and front-matter text: each line on its own."""
    for line in lines:
        if line.in_code or REFERENCE_DEFINITION.match(line.text):
            continue
        for cell in HEADING.sub("", line.text).split("|"):
            plain = without_quotations(MARKUP.sub(lambda m: m.group(1) or " ", cell))
            for sentence in SENTENCE_END.split(plain):
                advice = harmful_advice_in(sentence)
                if advice:
                    report.error(
                        module.path, line.number, "SP403",
                        f"reads as advice {advice}; the advice is never to pay, send more, "
                        "comply, delete evidence or keep it secret: say 'do not ...' plainly",
                    )
                    break


def without_quotations(text: str) -> str:
    """Lower case, straight apostrophes, quoted speech blanked (lengths kept for line numbers)."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return QUOTED.sub(lambda match: " " * len(match.group()), text)


def harmful_advice_in(sentence: str) -> str | None:
    found = sorted(
        (match.start(), match.end(), advice)
        for advice, pattern in HARMFUL_ADVICE.items()
        for match in pattern.finditer(sentence)
    )
    previous: tuple[int, bool] | None = None  # (end, read as advice) of the last match
    for start, end, advice in found:
        if previous and LIST_CONTINUATION.match(sentence[previous[0] : start]):
            is_advice = previous[1]  # "do not pay or send more", "unless they pay, send more"
        else:
            is_advice = reads_as_advice(sentence[:start]) and not advice_is_negated_after(
                sentence, end
            )
        if is_advice:
            return advice
        previous = (end, is_advice)
    return None


def advice_is_negated_after(text: str, end: int) -> bool:
    """'Paying is never the answer', 'deleting messages is not a good idea'."""
    rest = text[end : end + 40]
    return bool(
        re.match(r"[^.!?]*?\b(?:is|are|was|will|does|do)\s+(?:never|not|no)\b", rest)
    )


def reads_as_advice(before: str) -> bool:
    """Whether the words before a verb make it an instruction rather than a description."""
    clause = CLAUSE_BREAK.split(before)[-1]
    if NEGATION.search(clause):
        return False
    clause = clause.strip()
    if ADVICE_CUE.search(clause + " "):
        return True
    governing = re.split(r"[;:]|\b(?:but|so|then|because)\b", before)[-1]
    return bool(IMPERATIVE_LEAD.match(clause + " ")) and not DESCRIBED_REQUEST.search(governing)


def check_never_your_fault(
    curriculum: Curriculum, module: Module, lines: list[Line], report: Report
) -> None:
    topic = curriculum.topic(module.topic)
    if topic is None or not topic.never_your_fault:
        return
    learner_text = plain_words(" ".join(line.text for line in lines if line.learner_visible))
    if not any(plain_words(phrase) in learner_text for phrase in curriculum.fault_phrases):
        example = curriculum.fault_phrases[0] if curriculum.fault_phrases else "never your fault"
        report.error(
            module.path, module.body_line, "SP402",
            f"modules on '{topic.id}' must tell learners plainly that it is never their fault "
            f"(for example '{example}')",
        )


def plain_words(text: str) -> str:
    """'It **isn't** your\nfault' -> 'it is not your fault'."""
    text = MARKUP.sub(lambda m: m.group(1) or " ", text.lower().replace("’", "'"))
    for short, long in CONTRACTIONS:
        text = text.replace(short, long)
    return " ".join(text.split())


def check_reading_level(
    module: Module, lines: list[Line], report: Report, grades: ReadingGrades | None
) -> None:
    learner = list(sentences(lines, learner_only=True))
    youngest = min(module.age_bands, key=band_index) if module.age_bands else None
    limit = SENTENCE_LIMITS.get(youngest or "")
    if limit:
        for index, objective in enumerate(module.objectives):
            words = len(WORD.findall(objective))
            if words > limit:
                report.error(
                    module.path, module.line_of("objectives", index), "SP407",
                    f"objective of {words} words; for ages {youngest} keep it to {limit} words "
                    "or fewer (learners read it in 'In this lesson')",
                )
        for sentence in learner:
            if sentence.words > limit:
                report.error(
                    module.path, sentence.line, "SP407",
                    f"sentence of {sentence.words} words; for ages {youngest} keep sentences "
                    f"to {limit} words or fewer",
                )
    text = " ".join(s.text for s in learner)
    if grades is not None and youngest and len(learner) >= 5:
        grade = grades.grade(text)
        if grade > GRADE_LIMITS[youngest]:
            report.warning(
                module.path, module.body_line, "SP408",
                f"reading level (Flesch-Kincaid grade {grade:.1f}) is high for ages {youngest} "
                f"(aim for {GRADE_LIMITS[youngest]:g} or below): use shorter words and sentences",
            )


def not_prose(text: str) -> bool:
    """Headings, table rows, link definitions and lines of HTML tags only."""
    return bool(
        HEADING.match(text) or text.lstrip().startswith("|")
        or REFERENCE_DEFINITION.match(text) or HTML_ONLY.match(text)
    )


def sentences(
    lines: list[Line], learner_only: bool, prepare: Callable[[str], str] | None = None
) -> Iterator[Sentence]:
    """Sentences of prose: paragraphs and list items, markup stripped, headings skipped.

    `prepare` may rewrite a paragraph before it is split, keeping its length.
    """
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
        if prepare:
            text = prepare(text)
        position = 0
        for piece in SENTENCE_END.split(text):
            found = text.find(piece, position)
            position = max(found, position)
            if WORD.search(piece):
                line = max(number for start, number in starts if start <= position)
                yield Sentence(line, piece.strip())
            position += len(piece)
        paragraph.clear()

    for line in lines:
        skip = line.in_code or (learner_only and not line.learner_visible)
        if skip or not line.text.strip() or not_prose(line.text):
            yield from flush()
            continue
        if LIST_ITEM.match(line.text):
            yield from flush()
            paragraph.append(Line(line.number, LIST_ITEM.sub("", line.text), line.kinds, False))
            continue
        paragraph.append(line)
    yield from flush()
