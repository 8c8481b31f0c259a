"""Quizzes and what-I-know sheets in the built outputs: each learner pack prints its lessons'
questions with no answer marks, each facilitator guide the key with every feedback, the
parents' guide questions only; each pack and the teachers' site carry the band's sheet."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from signpost.model import Curriculum, Module
from signpost.quiz import Quiz, read_quiz
from signpost.regions import fill_plain, region_variables
from signpost.render.quiz import filled
from test_print import LEARNER_SITES, children_in, normalise, pdf_text

BANDS = {"children-4-7": "4-7", "children-8-10": "8-10", "children-11-13": "11-13",
         "teens-14-17": "14-17"}
KEY_MARKS = ("Right:", "Not right:", "Right answer", "answer key", "Not this one")


def raw_text(path: Path) -> str:
    """The PDF's text as extracted, punctuation and case kept."""
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


@cache
def gb_values() -> dict:
    """The region the shipped build shows (GB): quiz words print with its values."""
    from conftest import ROOT
    from signpost.pipeline import load_and_check

    return region_variables(load_and_check(ROOT)[0], "GB")


def quizzes_of(module: Module) -> list[Quiz]:
    """The module's quizzes, region values filled in as the outputs print them."""
    return [filled(read_quiz(block)[0], lambda text: fill_plain(text, gb_values()))
            for block in module.blocks() if block.kind == "quiz"]


def text_outside_quizzes(module: Module) -> str:
    lines = module.source_text.split("\n")
    for block in module.blocks():
        if block.kind == "quiz":
            for number in range(block.line, block.end_line + 1):
                lines[number - 1] = ""
    return normalise("\n".join(lines))


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_each_pack_prints_its_quizzes_without_answer_marks(
        shipped_build: Path, shipped_curriculum: Curriculum, site_id: str) -> None:
    pack = shipped_build / "site" / "downloads" / "packs" / f"{site_id}.pdf"
    raw = pdf_text(pack)
    words = f" {raw} "
    extracted = raw_text(pack)
    modules = [m for m in children_in(shipped_curriculum, BANDS[site_id]) if quizzes_of(m)]
    assert modules, f"no lesson in {site_id} has a quiz"
    for mark in KEY_MARKS:
        assert mark not in extracted, mark
    for module in modules:
        elsewhere = text_outside_quizzes(module)
        for quiz in quizzes_of(module):
            for question in quiz.questions:
                assert f" {normalise(question.text)} " in words, question.text
                for option in question.options:
                    assert f" {normalise(option.text)} " in words, option.text
                    feedback = normalise(option.feedback)
                    if feedback not in elsewhere:  # the lesson may say the same words itself
                        assert feedback not in raw, (site_id, option.feedback)


@pytest.mark.parametrize("band", list(BANDS.values()))
def test_each_guide_prints_the_answer_key_with_feedback(
        shipped_build: Path, shipped_curriculum: Curriculum, band: str) -> None:
    words = f" {pdf_text(shipped_build / 'site' / 'downloads' / 'guides' / f'{band}.pdf')} "
    modules = [m for m in children_in(shipped_curriculum, band) if quizzes_of(m)]
    assert modules, f"no lesson for {band} has a quiz"
    for module in modules:
        for quiz in quizzes_of(module):
            for question in quiz.questions:
                assert f" {normalise(question.text)} " in words
                for option in question.options:
                    mark = "right" if option.right else "not right"
                    assert f" {mark} {normalise(option.text)} {normalise(option.feedback)} " \
                        in words, (band, option.text)


def test_parents_guide_asks_questions_without_answers(
        shipped_build: Path, shipped_curriculum: Curriculum) -> None:
    words = f" {pdf_text(shipped_build / 'site' / 'downloads' / 'guides' / 'parents.pdf')} "
    asked = 0
    lessons = [m for m in shipped_curriculum.modules.values() if m.audience == "children"]
    for module in lessons:  # a parents' guide's own quiz is the reader's self-check, below
        for quiz in quizzes_of(module):
            for question in quiz.questions[:2]:
                assert f" {normalise(question.text)} " in words
                asked += 1
            for question in quiz.questions[2:]:
                assert f" {normalise(question.text)} " not in words
    assert asked
    # Answer marks only in the guides' own self-checks, never with a lesson's questions.
    extracted = raw_text(shipped_build / "site" / "downloads" / "guides" / "parents.pdf")
    guides = [m for m in shipped_curriculum.modules.values() if m.audience == "parents"]
    own = sum(len(q.questions) for m in guides for q in quizzes_of(m))
    marks = extracted.count("Right:") + extracted.count("Not right:")
    options = sum(len(question.options) for m in guides for q in quizzes_of(m)
                  for question in q.questions)
    assert own and marks == options


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_each_pack_has_its_bands_what_i_know_sheet(
        shipped_build: Path, shipped_curriculum: Curriculum, site_id: str) -> None:
    band = BANDS[site_id]
    words = pdf_text(shipped_build / "site" / "downloads" / "packs" / f"{site_id}.pdf")
    sheet = words.split(normalise(f"What I know: ages {band}"))[-1]
    for module in children_in(shipped_curriculum, band):
        for objective in module.objectives:
            assert normalise(objective) in sheet, objective
    assert sheet.count("not yet a bit yes") >= 2 * sum(
        len(m.objectives) for m in children_in(shipped_curriculum, band))
    # One sheet (both sides at most), in every pack's type size: the next chapter starts no
    # later than two pages on. A unit of eight to ten lessons has 25-40 "I can" statements.
    from pypdf import PdfReader

    reader = PdfReader(shipped_build / "site" / "downloads" / "packs" / f"{site_id}.pdf")
    starts = {item.title.split(":")[0]: reader.get_destination_page_number(item)
              for item in reader.outline if not isinstance(item, list)}
    assert starts["Take-home sheet"] - starts["What I know"] in (1, 2), site_id


def test_the_teachers_site_has_a_what_i_know_page_per_band(
        shipped_build: Path, shipped_curriculum: Curriculum) -> None:
    for band in BANDS.values():
        page = (shipped_build / "site" / "teachers" / "what-i-know" / f"{band}.html")
        text = normalise(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))))
        for module in children_in(shipped_curriculum, band):
            for objective in module.objectives:
                assert normalise(objective) in text, (band, objective)


def test_learner_pages_hold_the_form_and_lesson_plans_the_key(
        shipped_build: Path, shipped_curriculum: Curriculum) -> None:
    for site_id, band in BANDS.items():
        for module in children_in(shipped_curriculum, band):
            if not quizzes_of(module):
                continue
            page = shipped_build / "site" / site_id / module.topic / f"{module.id}.html"
            source = page.read_text("utf-8")
            assert source.count('class="sp-quiz-question"') == sum(
                len(q.questions) for q in quizzes_of(module))
            assert "[x]" not in source and "[ ]" not in source
            plan = (shipped_build / "site" / "teachers" / "lesson-plans" / band /
                    f"{module.id}.html").read_text("utf-8")
            assert "sp-quiz-form" not in plan and "answer key" in plan


def test_the_parents_site_asks_two_questions_per_lesson_and_shows_no_answers(
        shipped_build: Path, shipped_curriculum: Curriculum) -> None:
    for band in BANDS.values():
        page = (shipped_build / "site" / "parents" / "learning" / f"{band}.html")
        source = page.read_text("utf-8")
        text = normalise(html.unescape(re.sub(r"<[^>]+>", " ", source)))
        assert "sp-quiz-form" not in source and 'type="radio"' not in source
        for module in children_in(shipped_curriculum, band):
            for quiz in quizzes_of(module):
                assert all(normalise(q.text) in text for q in quiz.questions[:2])
                assert not any(normalise(q.text) in text for q in quiz.questions[2:])
                assert not any(normalise(o.feedback) in text for q in quiz.questions
                               for o in q.options if len(o.feedback.split()) > 6
                               and normalise(o.feedback) not in text_outside_quizzes(module))
