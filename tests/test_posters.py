"""One-page help posters per learner site and the parents' site, A4 and US Letter: real
PDFs from a real build, read with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from signpost.model import Curriculum
from signpost.pipeline import load_and_check
from signpost.regions import help_channels

POSTER_SITES = ["children-4-7", "children-8-10", "children-11-13", "teens-14-17", "parents"]
SIZES = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    curriculum, _ = load_and_check(ROOT, advisory=False)
    return curriculum


def poster_text(path: Path) -> str:
    return re.sub(r"\s+", " ", PdfReader(path).pages[0].extract_text())


@pytest.mark.parametrize("site_id", POSTER_SITES)
@pytest.mark.parametrize("paper", SIZES)
def test_each_poster_is_one_page_with_the_help_for_its_readers(
        shipped_build: Path, curriculum: Curriculum, site_id: str, paper: str) -> None:
    path = shipped_build / "site" / "downloads" / "posters" / f"{site_id}-{paper}.pdf"
    reader = PdfReader(path)
    assert len(reader.pages) == 1, path
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == SIZES[paper]
    text = poster_text(path)
    site = curriculum.sites[site_id]
    own, _ = help_channels(curriculum, "GB", site, urgent=True)
    assert "call 999" in text
    shown = [c for c in own if c.role != "emergency"][:3]
    assert shown
    for channel in shown:
        assert channel.name.split(" (")[0] in text, channel.name
        if channel.phone:
            assert channel.phone in text
    assert ("Who can I tell?" in text) == (site.kind == "learner")
    assert ("What to do first" in text) == (site.kind == "parents")


def test_the_young_childrens_poster_lists_no_image_removal(shipped_build: Path,
                                                          curriculum: Curriculum) -> None:
    text = poster_text(shipped_build / "site" / "downloads" / "posters" / "children-4-7-a4.pdf")
    removal = [c for r in curriculum.regions.values() for c in r.channels
               if c.role == "image-removal"]
    assert removal and not any(c.name.split(" (")[0] in text for c in removal)


def test_posters_are_linked_where_their_readers_look(shipped_build: Path) -> None:
    published = shipped_build / "site"
    for site_id in POSTER_SITES:
        page = (published / site_id / "print-and-share.html").read_text(encoding="utf-8")
        for paper in SIZES:
            assert f"../downloads/posters/{site_id}-{paper}.pdf" in page
        landing = (published / "index.html").read_text(encoding="utf-8")
        assert f"downloads/posters/{site_id}-a4.pdf" in landing
    teachers = (published / "teachers" / "print-and-share.html").read_text(encoding="utf-8")
    assert teachers.count("../downloads/posters/") == 8  # every learner site's, both papers
