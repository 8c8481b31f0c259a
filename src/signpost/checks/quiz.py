"""Quiz blocks (SP130-SP134): a right answer and feedback for every question and option.

The reading-level, sentence-length, safeguarding and HTML rules read quiz text as they read
any learner text (content.py, html.py); options marked not right are spared rule SP403
alone, since a wrong option may name what not to do.
"""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Report
from ..model import Curriculum, Module, iter_blocks
from ..quiz import TICK_BOX, quizzes, right_option_lines, wrong_option_lines
from .text import Line


def check(curriculum: Curriculum, report: Report) -> None:
    for module in curriculum.modules.values():
        for _, _, problems in quizzes(module):
            for problem in problems:
                report.error(module.path, problem.line, problem.code, problem.message)
        check_top_level(module, report)


def check_top_level(module: Module, report: Report) -> None:
    """A quiz is a part of the lesson of its own, never inside another block (SP135)."""
    reported: set[int] = set()
    for block in iter_blocks(module.body):
        for inner in iter_blocks(block.children):
            if inner.kind == "quiz" and block.kind != "quiz" and inner.line not in reported:
                reported.add(inner.line)
                report.error(module.path, inner.line, "SP135", f"a quiz inside a '{block.kind}' "
                             "block: put the quiz on its own, after the block")


def without_wrong_options(module: Module, lines: list[Line]) -> list[Line]:
    """`lines` for rule SP403: options marked not right blanked (see above), the others
    without their tick box, so that an option reads as the advice it gives."""
    wrong = wrong_option_lines(module)
    right = right_option_lines(module)
    if not wrong and not right:
        return lines
    return [replace(line, text="") if line.number in wrong
            else replace(line, text=TICK_BOX.sub("- ", line.text, count=1))
            if line.number in right else line for line in lines]
