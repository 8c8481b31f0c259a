"""The `quiz` block: a self-check of questions, options and feedback, read from plain Markdown.

An author writes, inside `::: quiz "Title"` ... `:::`::

    1. Who can you tell if something online makes you feel worried?
    - [ ] Nobody: keep it to yourself.
      > Not quite. Worries feel smaller when you share them.
    - [x] A trusted adult.
      > Yes! A trusted adult can help you.

A question is a numbered line; each option a `- [x]` (right) or `- [ ]` (not right) item
followed by its feedback on lines starting with `>` (indented or not). A question with one
right option is single choice (true/false is single choice with two options); with more,
"choose all that are right". Parsing keeps every line number, so `check` can say where a
problem is; the renderers use the same model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Block, Module, Text, iter_blocks

QUESTION = re.compile(r"^ {0,3}(?P<number>\d{1,3})[.)][ \t]+(?P<text>\S.*)$")
OPTION = re.compile(r"^ {0,3}[-*+][ \t]+\[(?P<mark>[ xX])\][ \t]+(?P<text>\S.*)$")
TICK_BOX = re.compile(r"[-*+][ \t]+\[[ xX]\][ \t]+")
FEEDBACK = re.compile(r"^[ \t]*>[ \t]?(?P<text>.*)$")
SYNTAX = ("a quiz holds numbered questions ('1. ...'), each followed by its options "
          "('- [x] right' or '- [ ] not right'), each option followed by its feedback "
          "('  > why')")


@dataclass(frozen=True)
class Option:
    text: str
    right: bool
    feedback: str  # "" when the author gave none (check reports it)
    line: int
    feedback_line: int | None


@dataclass(frozen=True)
class Question:
    number: int  # its position in the quiz, from 1
    text: str
    options: tuple[Option, ...]
    line: int

    @property
    def several(self) -> bool:
        """More than one right option: learners tick every right one (checkboxes)."""
        return sum(option.right for option in self.options) > 1


@dataclass(frozen=True)
class Quiz:
    title: str | None
    questions: tuple[Question, ...]
    line: int
    end_line: int


@dataclass(frozen=True)
class QuizProblem:
    line: int
    code: str
    message: str


@dataclass
class _Draft:
    text: str
    line: int
    options: list[list]  # [text, right, feedback lines, line, feedback line]


def read_quiz(block: Block) -> tuple[Quiz, list[QuizProblem]]:
    """The quiz a `quiz` block holds, and what keeps it from being a good one."""
    problems: list[QuizProblem] = []
    drafts: list[_Draft] = []
    for child in block.children:
        if not isinstance(child, Text):
            problems.append(QuizProblem(child.line, "SP134", f"a '{child.kind}' block inside a "
                                        "quiz: a quiz holds only questions; put the block "
                                        "before or after the quiz"))
            continue
        for offset, raw in enumerate(child.markdown.split("\n")):
            _read_line(raw, child.line + offset, drafts, problems)
    questions = tuple(_question(index, draft, problems) for index, draft in enumerate(drafts, 1))
    if not questions:
        problems.append(QuizProblem(block.line, "SP133", "a quiz with no questions: "
                                    f"{SYNTAX}"))
    return Quiz(block.title, questions, block.line, block.end_line), problems


def _read_line(raw: str, number: int, drafts: list[_Draft], problems: list[QuizProblem]) -> None:
    if not raw.strip():
        return
    question, option, feedback = QUESTION.match(raw), OPTION.match(raw), FEEDBACK.match(raw)
    if question:
        drafts.append(_Draft(question.group("text").strip(), number, []))
    elif option and drafts:
        drafts[-1].options.append([option.group("text").strip(),
                                   option.group("mark") != " ", [], number, None])
    elif feedback and drafts and drafts[-1].options:
        current = drafts[-1].options[-1]
        if feedback.group("text").strip():
            current[2].append(feedback.group("text").strip())
            current[4] = current[4] or number
    elif option:
        problems.append(QuizProblem(number, "SP132", "an option before any question: start "
                                    "with a numbered question ('1. ...')"))
    elif feedback:
        problems.append(QuizProblem(number, "SP132", "feedback ('> ...') before any option: "
                                    "write it under the option it explains"))
    else:
        problems.append(QuizProblem(number, "SP132", f"this line is not part of a quiz: {SYNTAX}"))


def _question(index: int, draft: _Draft, problems: list[QuizProblem]) -> Question:
    options = tuple(Option(text, right, " ".join(feedback), line, feedback_line)
                    for text, right, feedback, line, feedback_line in draft.options)
    if len(options) < 2:
        problems.append(QuizProblem(draft.line, "SP133", f"question {index} has "
                                    f"{len(options)} option(s): give at least two "
                                    "('- [x] ...' and '- [ ] ...'); for true or false, "
                                    "write '- [x] True' and '- [ ] False' (or the reverse)"))
    elif not any(option.right for option in options):
        problems.append(QuizProblem(draft.line, "SP130", f"question {index} has no right "
                                    "answer: mark at least one option '- [x]'"))
    for option in options:
        if not option.feedback:
            problems.append(QuizProblem(option.line, "SP131", "this option has no feedback: "
                                        "add a line '  > ...' under it saying kindly why it "
                                        "is right or not (a hint, never a scolding)"))
    return Question(index, draft.text, options, draft.line)


def quizzes(module: Module) -> Iterator[tuple[Block, Quiz, list[QuizProblem]]]:
    for block in iter_blocks(module.body):
        if block.kind == "quiz":
            quiz, problems = read_quiz(block)
            yield block, quiz, problems


def right_option_lines(module: Module) -> set[int]:
    lines: set[int] = set()
    for _, quiz, _ in quizzes(module):
        for question in quiz.questions:
            lines.update(option.line for option in question.options if option.right)
    return lines


def wrong_option_lines(module: Module) -> set[int]:
    """Lines of options marked not right: they may name what not to do (rule SP403 skips
    them; their feedback, the questions and the right options are checked as usual)."""
    lines: set[int] = set()
    for _, quiz, _ in quizzes(module):
        for question in quiz.questions:
            lines.update(option.line for option in question.options if not option.right)
    return lines
