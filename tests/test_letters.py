"""Issue 15: a letter to families per band, to send home before the lessons: on the teachers'
site and at the end of each facilitator guide, naming that band's lessons in teaching order."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pypdf import PdfReader

from signpost.letters import band_letter
from signpost.model import AGE_BANDS
from signpost.select import children_modules, in_prerequisite_order


def words(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def lessons(curriculum, band: str) -> list:
    return in_prerequisite_order(curriculum, children_modules(curriculum, band))


def test_each_band_has_a_letter_page_naming_its_lessons_in_order(
        shipped_build: Path, shipped_curriculum) -> None:
    site = shipped_build / "site" / "teachers"
    for band in AGE_BANDS:
        text = words((site / "letters" / f"{band}.html").read_text(encoding="utf-8"))
        positions = [text.index(f"Lesson {n}: {module.title}")
                     for n, module in enumerate(lessons(shipped_curriculum, band), 1)]
        assert positions == sorted(positions), band
        assert "Dear parent or carer" in text and "call 999" in text
        assert "never asked about their own experiences" in text


def test_the_letter_is_one_page_at_the_end_of_each_guide(
        shipped_build: Path, shipped_curriculum) -> None:
    for band in AGE_BANDS:
        reader = PdfReader(shipped_build / "site" / "downloads" / "guides" / f"{band}.pdf")
        pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
        starts = [i for i, text in enumerate(pages) if "Dear parent or carer" in text]
        assert len(starts) == 1, band
        letter = pages[starts[0]]
        modules = lessons(shipped_curriculum, band)
        assert f"Lesson {len(modules)}: {modules[-1].title}" in letter, band
        assert "Thank you for your support" in letter, f"{band}: the letter runs over a page"


def test_the_letter_follows_the_region(shipped_curriculum) -> None:
    """The emergency number and the lines for parents are the region's."""
    gb = band_letter(shipped_curriculum, "8-10", "GB")
    us = band_letter(shipped_curriculum, "8-10", "US")
    assert "999" in gb.if_worried and "911" in us.if_worried
    assert gb.parent_lines and all(c.adults for c in gb.parent_lines)
    assert {c.name for c in gb.parent_lines} != {c.name for c in us.parent_lines}
