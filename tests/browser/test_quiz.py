"""A self-check answered by keyboard alone, served and from the unzipped offline copy: one
question wrongly, one rightly, the feedback read out (a live region) and nothing sent or
stored; and without JavaScript the questions show and the feedback can be revealed."""

from __future__ import annotations

import pytest

from signpost.model import Block
from signpost.quiz import Question, read_quiz

pytestmark = pytest.mark.browser

SITE = "children-4-7"


def first_quiz(curriculum, band: str) -> tuple[str, Block]:
    """(page path, quiz block) of the first lesson with a quiz for `band`, in file order."""
    for module in sorted(curriculum.modules.values(), key=lambda m: str(m.path)):
        if module.audience == "children" and band in module.age_bands and not module.draft:
            for block in module.blocks():
                if block.kind == "quiz":
                    return f"{module.topic}/{module.id}.html", block
    raise AssertionError(f"no lesson for {band} has a quiz")


def fieldset(page, number: int):
    return page.locator(".sp-quiz-form .sp-quiz-question").nth(number - 1)


def answer_by_keyboard(page, question: Question, number: int, option: int) -> str:
    """With focus on the question's first radio button, arrow to `option` (0-based), Tab
    to the check button, press it with Enter; return what the live region then says."""
    group = fieldset(page, number)
    radios = group.locator("input")
    assert radios.first.evaluate("e => e === document.activeElement")
    for _ in range(option):
        page.keyboard.press("ArrowDown")
    if option == 0:
        page.keyboard.press("Space")
    assert radios.nth(option).is_checked()
    page.keyboard.press("Tab")
    button = group.locator(".sp-quiz-check")
    assert button.evaluate("e => e === document.activeElement"), "Tab does not reach the button"
    page.keyboard.press("Enter")
    live = group.locator(".sp-quiz-feedback")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    page.wait_for_function("e => e.textContent.trim() !== ''", arg=live.element_handle())
    return live.inner_text()


@pytest.mark.parametrize("where", ["online", "offline"])
def test_a_quiz_answered_by_keyboard_gives_its_feedback(tab, site_at, shipped_curriculum,
                                                         where) -> None:
    path, block = first_quiz(shipped_curriculum, "4-7")
    quiz, problems = read_quiz(block)
    assert not problems and len(quiz.questions) >= 2
    page = tab.open(site_at(SITE).url(path))
    first, second = quiz.questions[0], quiz.questions[1]
    wrong = next(i for i, o in enumerate(first.options) if not o.right)
    right = next(i for i, o in enumerate(second.options) if o.right)
    fieldset(page, 1).locator("input").first.focus()  # the one step that is not a key press
    said = answer_by_keyboard(page, first, 1, wrong)
    assert first.options[wrong].feedback in said
    assert fieldset(page, 1).locator(".sp-quiz-feedback").get_attribute("data-state") == \
        "try-again"
    page.keyboard.press("Tab")  # from the check button to "Show the answers"
    page.keyboard.press("Tab")  # and on to the next question's radio buttons
    said = answer_by_keyboard(page, second, 2, right)
    assert second.options[right].feedback in said
    assert fieldset(page, 2).locator(".sp-quiz-feedback").get_attribute("data-state") == "right"
    # Nothing left the page, and nothing of the answers was stored.
    assert all(site_at(SITE).own_request(url) for url in tab.requests), tab.requests
    stored = page.evaluate("() => JSON.stringify([Object.keys(localStorage), "
                           "Object.keys(sessionStorage), document.cookie])")
    assert "quiz" not in stored.lower(), stored
    assert not tab.errors, tab.errors


def test_without_javascript_the_questions_show_and_the_feedback_opens(
        chromium, served_site, shipped_curriculum) -> None:
    path, block = first_quiz(shipped_curriculum, "4-7")
    quiz, _ = read_quiz(block)
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site(SITE).url(path))
        question = fieldset(page, 1)
        assert quiz.questions[0].text in question.locator("legend").inner_text()
        assert question.locator("input[type=radio]").count() == len(quiz.questions[0].options)
        assert not question.locator(".sp-quiz-check").is_visible()  # no button that does nothing
        feedback = quiz.questions[0].options[0].feedback
        reveal = question.locator("details")
        assert not reveal.get_by_text(feedback).is_visible()  # closed until asked for
        reveal.locator("summary").focus()
        page.keyboard.press("Enter")
        assert reveal.get_by_text(feedback).is_visible()
    finally:
        context.close()
