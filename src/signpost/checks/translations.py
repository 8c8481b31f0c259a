"""Translations (codes SP501-SP509): untrusted text like any module, the same gated shape as
their source, and never silently stale.

A translation is judged by every rule that judges a module's text (markers and fences when
it is read, the HTML allowlist, region variables, links, quizzes, card sets, advice and
stereotypes, and for English the sentence length; rules the source waives are waived).
Then it must have its source's shape exactly where gating depends on it: the same blocks
of the same kinds in the same order and nesting (SP503), the same sections (SP504), the
same quiz questions, options and right answers (SP505), the same cards and prompts (SP506),
and the same number of lines of text in each block and section (SP509), so that no line can
move out of a gated block. A section whose source changed since its digest was recorded is
a warning (SP507); a digest for no section of the source, SP508.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Report
from ..kit import module_kits
from ..model import Block, Curriculum, Module, RegionTranslation, Text, Translation
from ..quiz import Question, quizzes
from ..regions import translatable_texts
from ..translations import FRONT_MATTER, SectionUnit, digest, sections
from . import content, html, kit, links, quiz, regions
from .text import iter_lines


def check(curriculum: Curriculum, report: Report) -> None:
    check_regions(curriculum, report)
    pairs = [(module, translation) for module in curriculum.modules.values()
             for _, translation in sorted(module.translations.items())]
    if not pairs:
        return
    renderer = html.Renderer.for_project(curriculum.root)
    variables = {code: regions.region_variables(curriculum, code) for code in curriculum.regions}
    module_paths = {m.path.resolve() for m in curriculum.modules.values()}
    curriculum_dir = (curriculum.root / "curriculum").resolve()
    for source, translation in pairs:
        text = translation.module
        html.check_module(text, renderer, report)
        regions.check_module(text, variables, report)
        links.check_module(text, module_paths, curriculum_dir, report)
        check_text(curriculum, text, translation.language, report)
        for _, _, problems in quizzes(text):
            for problem in problems:
                report.error(text.path, problem.line, problem.code, problem.message)
        quiz.check_top_level(text, report)
        kit.check_module(text, report)
        if check_shape(source, translation, report):
            check_staleness(source, translation, report)


def check_text(curriculum: Curriculum, module: Module, language: str, report: Report) -> None:
    """The rules on words; sentence length only for English (it counts English words)."""
    lines = list(iter_lines(module))
    fields = content.front_matter_lines(module)
    content.check_link_text(module, report)
    content.check_headings(module, lines, report)
    content.check_stereotypes(module, fields + lines, report)
    content.check_harmful_advice(module, quiz.without_wrong_options(module, lines), report)
    content.check_harmful_advice_in_lines(module, fields, report)
    if module.audience == "children" and (language == "en" or language.startswith("en-")):
        content.check_reading_level(module, lines, report, None)


# --- shape ------------------------------------------------------------------------------


def check_shape(source: Module, translation: Translation, report: Report) -> bool:
    """True when the translation has its source's gated shape and sections (else reported)."""
    text = translation.module
    if not same_blocks(source, text, report):
        return False
    same_lines(source, text, report)
    same_quizzes(source, text, report)
    same_kits(source, text, report)
    return same_sections(source, text, report)


def block_shape(module: Module) -> list[tuple[int, str, Block]]:
    """(depth, kind, block) for every block, nested ones too, in file order."""
    def walk(nodes: tuple, depth: int) -> Iterator[tuple[int, str, Block]]:
        for node in nodes:
            if isinstance(node, Block):
                yield depth, node.kind, node
                yield from walk(node.children, depth + 1)
    return list(walk(module.body, 0))


def same_blocks(source: Module, text: Module, report: Report) -> bool:
    ours, theirs = block_shape(text), block_shape(source)
    for index, (mine, original) in enumerate(zip(ours, theirs, strict=False)):
        if mine[:2] != original[:2]:
            report.error(text.path, mine[2].line, "SP503",
                         f"block {index + 1} is {describe(mine)} here but {describe(original)} "
                         f"in the source (line {original[2].line}): {KEEP_BLOCKS}")
            return False
    if len(ours) != len(theirs):
        if len(ours) > len(theirs):
            extra = ours[len(theirs)]
            line, what = extra[2].line, f"this block, {describe(extra)}, is not in the source"
        else:
            missing = theirs[len(ours)]
            line = ours[-1][2].end_line if ours else text.body_line
            what = (f"the source's block {len(ours) + 1}, {describe(missing)} (line "
                    f"{missing[2].line}), is missing here")
        report.error(text.path, line, "SP503", f"{what}: {KEEP_BLOCKS}")
        return False
    return True


KEEP_BLOCKS = ("a translation keeps the source's blocks, of the same kinds, in the same order "
               "and nesting, so that what is gated stays gated")


def describe(shape: tuple[int, str, Block]) -> str:
    depth, kind, _ = shape
    return f"'{kind}'" + (f" (nested {depth} deep)" if depth else "")


def own_lines(block: Block) -> int:
    """The lines of a block's own text (not of blocks inside it) that are not blank."""
    return sum(1 for child in block.children if isinstance(child, Text)
               for line in child.markdown.split("\n") if line.strip())


def same_lines(source: Module, text: Module, report: Report) -> None:
    """Each block keeps its source's number of lines, so text moved out of a gated block (or
    into one) shows as a line fewer there and a line more elsewhere (SP509)."""
    pairs = zip(block_shape(text), block_shape(source), strict=True)
    for (_, kind, mine), (_, _, original) in pairs:
        if own_lines(mine) != own_lines(original):
            report.error(text.path, mine.line, "SP509",
                         f"this '{kind}' block has {own_lines(mine)} line(s) of text, the "
                         f"source's (line {original.line}) {own_lines(original)}: {LINE_FOR_LINE}")


LINE_FOR_LINE = ("translate line for line, each line in its place, so that gated text stays in "
                 "its block")


def same_quizzes(source: Module, text: Module, report: Report) -> None:
    pairs = zip(list(quizzes(text)), list(quizzes(source)), strict=True)
    for (block, mine, _), (_, original, _) in pairs:
        if len(mine.questions) != len(original.questions):
            report.error(text.path, block.line, "SP505",
                         f"{len(mine.questions)} question(s) here, {len(original.questions)} in "
                         f"the source's quiz (line {original.line}): {KEEP_QUIZ}")
            continue
        for ours, theirs in zip(mine.questions, original.questions, strict=True):
            if ticks(ours) != ticks(theirs):
                report.error(text.path, ours.line, "SP505",
                             f"question {ours.number}'s options are {ticks(ours)} here, "
                             f"{ticks(theirs)} in the source (line {theirs.line}): {KEEP_QUIZ}")


def ticks(question: Question) -> str:
    """A question's options as they are marked: `[ ] [x] [ ]`."""
    return " ".join("[x]" if option.right else "[ ]" for option in question.options)


KEEP_QUIZ = ("a translated quiz keeps the source's questions and options in order, with the "
             "same ones marked right ([x])")


def same_kits(source: Module, text: Module, report: Report) -> None:
    for mine, original in zip(module_kits(text), module_kits(source), strict=True):
        ours = [p.draw for p in mine.prompts] if mine.kind == "worksheet" else len(mine.cards)
        theirs = ([p.draw for p in original.prompts] if original.kind == "worksheet"
                  else len(original.cards))
        if ours != theirs:
            what = "cards" if mine.kind == "cards" else "prompts (and drawing frames)"
            report.error(text.path, mine.line, "SP506",
                         f"this {mine.label.lower()} has {mine.items} {what.split()[0]}, the "
                         f"source's (line {original.line}) has {original.items}: translate "
                         f"each of its {what} in place, one for one")


def same_sections(source: Module, text: Module, report: Report) -> bool:
    """Each section of the source has its counterpart, in order (SP504)."""
    ours, theirs = sections(text), sections(source)
    for mine, original in zip(ours, theirs, strict=False):
        if mine.shape != original.shape:
            report.error(text.path, mine.line, "SP504",
                         f"the source's section '{original.name}' (line {original.line}) has "
                         f"no counterpart here, where this translation has {shown(mine)}: "
                         f"{KEEP_SECTIONS}")
            return False
    for mine, original in zip(ours, theirs, strict=False):
        if mine.shape in ("heading", "opening") and mine.size != original.size:
            report.error(text.path, mine.line, "SP509",
                         f"section '{original.name}' has {mine.size} line(s) of text outside "
                         f"blocks here, {original.size} in the source (line {original.line}): "
                         f"{LINE_FOR_LINE}")
    if len(ours) > len(theirs):
        extra = ours[len(theirs)]
        report.error(text.path, extra.line, "SP504",
                     f"{shown(extra)} here has no counterpart in the source: {KEEP_SECTIONS}")
        return False
    if len(ours) < len(theirs):
        missing = theirs[len(ours)]
        report.error(text.path, ours[-1].line, "SP504",
                     f"the source's section '{missing.name}' (line {missing.line}) has no "
                     f"counterpart in this translation: {KEEP_SECTIONS}")
        return False
    return True


KEEP_SECTIONS = ("a translation keeps the source's '## ' headings and blocks, one for one, in "
                 "the same order")


def shown(unit: SectionUnit) -> str:
    if unit.shape == "heading":
        return "a '## ' heading"
    if unit.shape in (FRONT_MATTER, "opening"):
        return "text before the first heading" if unit.shape == "opening" else "front matter"
    return f"a '{unit.shape}' block"


# --- staleness --------------------------------------------------------------------------


def check_staleness(source: Module, translation: Translation, report: Report) -> None:
    """SP507 per section whose source changed since translated; SP508 per unknown record."""
    text = translation.module
    units = sections(source)
    command = f"signpost translate {source.id} --lang {translation.language} --mark-current"
    for mine, original in zip(sections(text), units, strict=True):
        recorded = translation.digests.get(original.name)
        if recorded == original.digest:
            continue
        what = ("changed since this translation" if recorded
                else "has no digest recorded in this translation")
        report.warning(text.path, mine.line, "SP507",
                       f"the source of section '{original.name}' {what}; update it, then run "
                       f"{command} '{original.name}'")
    names = {unit.name for unit in units}
    for name in translation.digests:
        if name not in names:
            report.warning(text.path, translation.lines.of("source_digests", name), "SP508",
                           f"'{name}' is not a section of the source (any more): run {command} "
                           "all once every section is up to date, to record the source's "
                           "sections afresh")


# --- regions ----------------------------------------------------------------------------


def check_regions(curriculum: Curriculum, report: Report) -> None:
    """A region's translated help: SP507 per text whose source changed since translated."""
    for region in curriculum.regions.values():
        texts = translatable_texts(curriculum, region)
        for language, translation in sorted(region.translations.items()):
            command = f"signpost translate {region.code} --lang {language} --mark-current"
            translated = {"name": translation.name, "emergency": translation.emergency,
                          **{f"law.{k}": v for k, v in translation.law.items()},
                          **translation.purposes}
            for name, text in texts.items():
                if not translated.get(name):
                    continue
                if translation.digests.get(name) != digest(text):
                    report.warning(translation.path, region_line(translation, name), "SP507",
                                   f"the source of '{name}' changed since this translation "
                                   f"(or was never recorded); update it, then run {command} "
                                   f"'{name}'")


def region_line(translation: RegionTranslation, name: str) -> int:
    if name in ("name", "emergency"):
        return translation.lines.of(name)
    if name.startswith("law."):
        return translation.lines.of("law", name.removeprefix("law."))
    return translation.lines.of("channels", name)
