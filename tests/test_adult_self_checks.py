"""Issue 15: every parents' and teachers' module has a self-check, answered on the site of
the reader it was written for (a form, as on learner sites); elsewhere a quiz stays what that
reader needs (the key in lesson plans, conversation starters for parents)."""

from __future__ import annotations

from pathlib import Path

from signpost.model import Curriculum

FORM = 'class="admonition sp-quiz sp-quiz-form"'


def has_quiz(module) -> bool:
    return any(block.kind == "quiz" for block in module.blocks())


def page_of(site: Path, module) -> Path:
    return site / module.topic / f"{module.id}.html"


def test_every_adult_module_has_a_self_check(shipped_curriculum: Curriculum) -> None:
    adult = [m for m in shipped_curriculum.modules.values() if m.audience != "children"]
    assert len([m for m in adult if m.audience == "parents"]) >= 10
    assert len([m for m in adult if m.audience == "teachers"]) >= 8
    assert [m.id for m in adult if not has_quiz(m)] == []


def test_adults_answer_their_own_modules_quizzes(shipped_build: Path,
                                                  shipped_curriculum: Curriculum) -> None:
    site = shipped_build / "site"
    for module in shipped_curriculum.modules.values():
        if module.audience == "children" or not has_quiz(module):
            continue
        page = page_of(site / module.audience, module).read_text(encoding="utf-8")
        assert page.count(FORM) == 1, module.id
        assert "assets/quiz.js" in page, module.id


def test_lesson_plans_and_parents_summaries_never_show_the_form(shipped_build: Path) -> None:
    site = shipped_build / "site"
    plans = sorted((site / "teachers" / "lesson-plans").rglob("*.html"))
    summaries = sorted((site / "parents" / "learning").glob("*.html"))
    assert plans and summaries
    for page in plans + summaries:
        assert FORM not in page.read_text(encoding="utf-8"), page
