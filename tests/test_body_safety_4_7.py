"""Issue 15, fix 5: the 4-7 body-safety lesson, as learners see it on the built site.

Help with washing is conditional (anyone, even family, must stop when asked), a child who
froze did nothing wrong, and private parts have their correct names. The facilitator's
reasoning about it stays on the teachers' site only.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import copy_project, run_signpost

LESSON = "feelings-and-consent/my-body-belongs-to-me.html"
FACILITATOR_ONLY = "The washing section is deliberately conditional"


def text_of(page: Path) -> str:
    """The visible words of a built page, tags dropped and entities decoded."""
    markup = page.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("body"))
    result = run_signpost(root, "build", "--no-pdf", "--region", "GB",
                          "--only", "children-4-7", "--only", "teachers")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build" / "site"


def test_learner_page_names_body_parts_and_says_freezing_is_not_wrong(built: Path) -> None:
    words = text_of(built / "children-4-7" / LESSON)
    for name in ("penis", "vulva", "bottom", "private parts"):
        assert name in words, f"the 4-7 lesson does not name {name!r}"
    assert "If you froze or said nothing, you did nothing wrong." in words
    assert "Anyone who hears \"stop\" must stop, even family." in words


def test_no_relative_is_shown_as_always_ok_for_bath_time(built: Path) -> None:
    words = text_of(built / "children-4-7" / LESSON)
    assert "Grandad helps Pip dry off" not in words
    assert "A grown-up at home might help you wash." not in words
    # The bath story that replaced it shows family listening to "I can do it myself".
    assert "Pip says, \"I can wash myself now.\" Dad says, \"OK!\"" in words


def test_quiz_never_marks_freezing_as_the_wrong_answer(built: Path) -> None:
    words = text_of(built / "children-4-7" / LESSON)
    assert "Stay still and say nothing" not in words
    assert "if I froze and said nothing, I was wrong" in words


def test_facilitator_reasoning_reaches_teachers_not_learners(built: Path) -> None:
    learner = text_of(built / "children-4-7" / LESSON)
    assert FACILITATOR_ONLY not in learner
    teacher_pages = list((built / "teachers").rglob("my-body-belongs-to-me.html"))
    assert teacher_pages, "the teachers' site has no page for the lesson"
    assert any(FACILITATOR_ONLY in text_of(p) for p in teacher_pages)
    for path in (built / "children-4-7").rglob("*"):
        if path.suffix in (".html", ".json", ".js", ".xml"):
            assert FACILITATOR_ONLY not in path.read_text(encoding="utf-8"), path
