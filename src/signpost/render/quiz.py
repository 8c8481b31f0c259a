"""A quiz block as each site shows it: a form for learners, the key for teachers,
conversation starters for parents.

The learner form is generated HTML (module text only ever fills its words, escaped), judged
after the build by `htmlcheck.article_findings`, which allows exactly these elements,
attributes and classes inside a `div.sp-quiz-form` and nowhere else. Which options are right
is written only inside each question's "Show the answers" box (`<details>`), the same
reveal a reader without JavaScript uses; assets/quiz.js reads it from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from ..i18n import N_, _
from ..model import Block
from ..quiz import Question, Quiz, read_quiz
from .markdown import quoted

CHECK_LABEL = N_("Check my answer")
REVEAL_LABEL = N_("Show the answers")
SEVERAL_HINT = N_("Tick every answer you think is right.")
RIGHT_VERDICT = N_("Right answer.")
WRONG_VERDICT = N_("Not this one.")
# What quiz.js says, carried by the check button in the page's language.
SCRIPT_WORDS = {"choose": N_("Choose an answer first, then check it."),
                "another": N_("There is another right answer too. Have another look."),
                "again": N_("Have another go if you like.")}


def quiz_title(quiz: Quiz, label: str | None = None) -> str:
    label = label or _("Quiz")
    return f"{label}: {quiz.title}" if quiz.title else label


def quiz_html(block: Block, fill: Callable[[str], str] = str) -> str:
    """The learner form: one fieldset per question, native radios or checkboxes, a check
    button (shown by the script), a live region for feedback, and a no-script reveal.
    `fill` puts the region's values into the words as plain text, before they are escaped
    (HTML is not Markdown: a value escaped for Markdown would show its backslashes)."""
    quiz = filled(read_quiz(block)[0], fill)
    root = f"sp-quiz-{quiz.line}"
    lines = [f'<div class="admonition sp-quiz sp-quiz-form" id="{root}">',
             f'<p class="admonition-title">{escape(quiz_title(quiz))}</p>']
    for question in quiz.questions:
        lines += question_html(question, f"{root}-q{question.number}")
    lines.append("</div>")
    return "\n".join(lines)


def question_html(question: Question, name: str) -> list[str]:
    control = "checkbox" if question.several else "radio"
    lines = ['<fieldset class="sp-quiz-question">',
             f"<legend>{question.number}. {escape(question.text)}</legend>"]
    if question.several:
        lines.append(f'<p class="sp-quiz-hint">{escape(_(SEVERAL_HINT))}</p>')
    for index, option in enumerate(question.options, 1):
        ident = f"{name}-o{index}"
        lines.append(f'<div class="sp-quiz-option"><input type="{control}" name="{name}" '
                     f'id="{ident}" value="{index}"><label for="{ident}">'
                     f"{escape(option.text)}</label></div>")
    words = " ".join(f'data-say-{key}="{escape(_(text))}"' for key, text in SCRIPT_WORDS.items())
    lines += [f'<button type="button" class="sp-quiz-check" {words} hidden>'
              f'{escape(_(CHECK_LABEL))}</button>',
              '<p class="sp-quiz-feedback" role="status" aria-live="polite"></p>',
              f'<details class="sp-quiz-answers"><summary>{escape(_(REVEAL_LABEL))}</summary>',
              "<ul>"]
    for option in question.options:
        kind, verdict = (("right", _(RIGHT_VERDICT)) if option.right
                         else ("wrong", _(WRONG_VERDICT)))
        lines.append(f'<li class="sp-quiz-{kind}"><strong>{escape(option.text)}</strong> '
                     f'<span class="sp-quiz-verdict">{verdict}</span> '
                     f'<span class="sp-quiz-why">{escape(option.feedback)}</span></li>')
    lines += ["</ul>", "</details>", "</fieldset>"]
    return lines


def filled(quiz: Quiz, fill: Callable[[str], str]) -> Quiz:
    """The quiz with every question, option and feedback passed through `fill`."""
    return replace(quiz, questions=tuple(
        replace(question, text=fill(question.text), options=tuple(
            replace(option, text=fill(option.text), feedback=fill(option.feedback))
            for option in question.options))
        for question in quiz.questions))


def plain(text: str) -> str:
    """Quiz text as Markdown text: shown as written, never read as markup. Region lookups
    stay as they are, for the page's region filling to put their values in."""
    from ..regions import LOOKUP, markdown_text

    parts, position = [], 0
    for match in LOOKUP.finditer(text):
        parts += [markdown_text(text[position:match.start()]), match.group(0)]
        position = match.end()
    return "".join([*parts, markdown_text(text[position:])])


def quiz_key_markdown(block: Block) -> str:
    """The answer key (teachers' site, lesson plans): every option marked, with its feedback."""
    quiz = read_quiz(block)[0]
    title = quoted(quiz_title(quiz, _("Quiz (answer key)")))
    lines = [f'!!! sp-quiz "{title}"', ""]
    for question in quiz.questions:
        lines += [f"    **{question.number}. {plain(question.text)}**", ""]
        for option in question.options:
            mark = "**" + _("Right") + "**" if option.right else _("Not right")
            lines.append(f"    - {mark}: {plain(option.text)} — *{plain(option.feedback)}*")
        lines.append("")
    return "\n".join(lines).rstrip()


def quiz_starters_markdown(block: Block, count: int = 2) -> str:
    """Parents: the first questions, as things to ask a child at home (no answer marks)."""
    quiz = read_quiz(block)[0]
    lines = ['!!! sp-quiz "' + quoted(_("Ask your child")) + '"', "",
             "    " + _("Questions from the lesson's self-check, to start a conversation:"), ""]
    lines += [f"    - {plain(question.text)}" for question in quiz.questions[:count]]
    return "\n".join(lines)
