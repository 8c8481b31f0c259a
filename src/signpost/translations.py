"""Translations of a module: their file names, the sections of a lesson, and digests.

A translation sits beside its source as `curriculum/<topic>/<id>.<lang>.md`. It records,
per section of the source, a digest of the source text it was translated from, so that
`check` can say which section changed since (checks/translations.py).

The sections of a module, in order:

- `front matter`: its title, summary, objectives and vocabulary;
- `opening`: text before the first `## ` heading (if any), outside blocks;
- one per `## ` heading outside blocks, named by the source's heading text: the heading
  and the text outside blocks up to the next `## ` heading;
- one per top-level block, named `<kind>: <title>` (or `<kind> <n>`, the n-th of its kind,
  when it has no title), holding everything inside it, nested blocks included.

A name that repeats gets ` (2)`, ` (3)` ... A digest is the first 12 hex digits of the
SHA-256 of the section's text with each line's spaces collapsed and blank lines dropped,
so re-wrapping or re-indenting the source does not make a translation stale.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .model import Block, Module, Text
from .schema import LANGUAGE

DIGEST_LENGTH = 12
FRONT_MATTER = "front matter"
OPENING = "opening"
SECTION_HEADING = re.compile(r"^## +(?P<text>\S.*?)[ #]*$")
TRANSLATION_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>.+)\.md$")


@dataclass(frozen=True)
class SectionUnit:
    """One section of a module: what a translator translates, and is told is stale, at once."""

    name: str
    shape: str  # "front matter", "opening", "heading" or the block's kind
    line: int  # its heading, block marker or `title:` line
    digest: str
    size: int  # its lines of text that are not blank (the front matter: 1)


@dataclass
class _Draft:
    name: str
    shape: str
    line: int
    text: list[str] = field(default_factory=list)


def translation_name(file_name: str) -> tuple[str, str] | None:
    """(module id, language tag) for a `<id>.<lang>.md` file name; None for `<id>.md`.

    The tag is returned as written; `is_language_tag` says whether it is a good one."""
    match = TRANSLATION_NAME.match(file_name)
    return (match.group("id"), match.group("lang")) if match else None


def is_language_tag(tag: str) -> bool:
    return bool(LANGUAGE.match(tag))


def digest(text: str) -> str:
    """The digest of `text`, spaces in each line collapsed and blank lines dropped."""
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", text).split("\n"))
    normal = "\n".join(line for line in lines if line)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def front_matter_text(module: Module) -> str:
    """The translated front-matter fields, as one text to digest."""
    return json.dumps({"title": module.title, "summary": module.summary,
                       "objectives": module.objectives, "vocabulary": module.vocabulary},
                      ensure_ascii=False, sort_keys=True, indent=0)


def sections(module: Module) -> list[SectionUnit]:
    """The sections of `module` in lesson order (see the module docstring)."""
    file_lines = module.source_text.split("\n")
    drafts = [_Draft(FRONT_MATTER, FRONT_MATTER, module.line_of("title"),
                     [front_matter_text(module)])]
    current: _Draft | None = None
    kinds: Counter[str] = Counter()
    for node in module.body:
        if isinstance(node, Block):
            kinds[node.kind] += 1
            drafts.append(_Draft(block_name(node, kinds[node.kind]), node.kind, node.line,
                                 file_lines[node.line - 1:node.end_line]))
            continue
        current = _add_text(node, current, drafts)
    return [SectionUnit(name, draft.shape, draft.line, digest("\n".join(draft.text)),
                        sum(1 for line in draft.text if line.strip()))
            for name, draft in zip(unique_names([d.name for d in drafts]), drafts, strict=True)]


def _add_text(node: Text, current: _Draft | None, drafts: list[_Draft]) -> _Draft | None:
    """Give each line of a top-level text to its `## ` section (or the opening)."""
    for offset, line in enumerate(node.markdown.split("\n")):
        heading = SECTION_HEADING.match(line)
        if heading:
            current = _Draft(heading.group("text"), "heading", node.line + offset, [line])
            drafts.append(current)
        elif line.strip():
            if current is None:
                current = _Draft(OPENING, OPENING, node.line + offset)
                drafts.append(current)
            current.text.append(line)
    return current


def block_name(block: Block, nth: int) -> str:
    title = " ".join((block.title or "").split())
    return f"{block.kind}: {title}" if title else f"{block.kind} {nth}"


def unique_names(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def current_digests(module: Module) -> dict[str, str]:
    """What `signpost translate` records: each section's name and digest, in order."""
    return {unit.name: unit.digest for unit in sections(module)}
