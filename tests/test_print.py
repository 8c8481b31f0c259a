"""Printable packs and guides: the real PDFs WeasyPrint makes, read back with pypdf."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, copy_project, run_signpost
from signpost.model import (
    AGE_BANDS,
    BLOCK_KINDS,
    FACILITATOR_ONLY,
    Curriculum,
    Text,
    iter_blocks,
    render_markdown_lines,
)
from signpost.pipeline import load_and_check
from signpost.render.lessonplan import lesson_sequence
from signpost.select import gate, in_prerequisite_order, select_site

LEARNER_SITES = ["children-4-7", "children-8-10", "children-11-13", "teens-14-17"]
A4 = (595, 842)
LETTER = (612, 792)


def without_invalid_modules(root: Path) -> Path:
    """Remove the module files `check` rejects (the shipped curriculum is still being written)."""
    for _ in range(5):
        _, report = load_and_check(root)
        broken = {root / d.path for d in report.errors if d.path.endswith(".md")}
        if not broken:
            break
        for path in broken:
            path.unlink(missing_ok=True)
    return root


@pytest.fixture(scope="session")
def print_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/ of the shipped curriculum (or of its valid modules while others are mid-edit)."""
    _, report = load_and_check(ROOT)
    if not report.errors:
        return request.getfixturevalue("shipped_build")
    root = without_invalid_modules(copy_project(tmp_path_factory.mktemp("printable")))
    result = run_signpost(root, "build", "--region", "GB")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build"


@pytest.fixture(scope="session")
def built_curriculum(print_build: Path) -> Curriculum:
    curriculum, report = load_and_check(print_build.parent)
    assert not report.errors
    return curriculum


def normalise(text: str) -> str:
    """Lower-case words only: PDF text and Markdown source compare alike."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


MARKER_OR_FOOTER = re.compile(r"^\s*(?:•|\d+\.|Page \d+ of \d+)?\s*$")


def pdf_text(path: Path) -> str:
    """The document's words, without running headers, page numbers and list markers.

    pypdf returns those between a page's last line and the next page's first, which
    would cut a sentence that runs over a page break.
    """
    reader = PdfReader(path)
    title = reader.metadata.title
    lines = [
        line for page in reader.pages for line in (page.extract_text() or "").splitlines()
        if not MARKER_OR_FOOTER.match(line) and not line.startswith(title)
    ]
    return normalise(" ".join(lines))


def sentences(markdown: str) -> set[str]:
    """Sentences (or line-wrapped pieces of them) of at least six words."""
    found = set()
    for line in markdown.splitlines():
        if "{{" in line or "{%" in line or line.lstrip().startswith("|"):
            continue
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            words = normalise(sentence)
            if len(words.split()) >= 6:
                found.add(words)
    return found


def visible_text(curriculum: Curriculum) -> str:
    """What readers other than facilitators may see: modules and the sites' own words.

    A facilitator sentence that is also said to learners elsewhere proves nothing.
    """
    shown = frozenset(BLOCK_KINDS) - FACILITATOR_ONLY
    parts = []
    for module in curriculum.modules.values():
        parts += render_markdown_lines(gate(module.body, shown))
        parts += [module.summary, *module.objectives, *module.vocabulary.values()]
        # learner blocks' titles ("Save it before it's gone"), which answers name
        parts += [block.title or "" for block in iter_blocks(module.body)
                  if block.kind not in FACILITATOR_ONLY]
    for site in curriculum.sites.values():
        parts += [site.title, site.reader, site.description, site.help_prompt]
    return normalise(" ".join(parts))


def restricted_sentences(curriculum: Curriculum, modules=None) -> set[str]:
    """Sentences of facilitator, answers and safeguarding blocks that only those blocks hold."""
    shared = visible_text(curriculum)
    found: set[str] = set()
    for module in modules if modules is not None else curriculum.modules.values():
        for block in iter_blocks(module.body):
            if block.kind in FACILITATOR_ONLY:
                found |= {s for s in sentences(block.plain_markdown()) if s not in shared}
    return found


def bookmarks(path: Path) -> list[str]:
    """The PDF's top-level bookmarks (chapters and lessons)."""
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def lesson_bookmarks(path: Path) -> list[str]:
    return [title for title in bookmarks(path) if title.startswith("Lesson ")]


def section_bookmarks(path: Path) -> dict[str, list[str]]:
    """Each top-level bookmark -> the bookmarks nested under it (its sections)."""
    outline = PdfReader(path).outline
    nested: dict[str, list[str]] = {}
    for index, item in enumerate(outline):
        if isinstance(item, list):
            continue
        following = outline[index + 1] if index + 1 < len(outline) else None
        nested[item.title] = ([child.title for child in following if not isinstance(child, list)]
                              if isinstance(following, list) else [])
    return nested


def page_sizes(path: Path) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in PdfReader(path).pages}


def children_in(curriculum: Curriculum, band: str):
    return in_prerequisite_order(curriculum, [
        m for m in curriculum.modules.values()
        if m.audience == "children" and band in m.age_bands])


def test_every_print_output_exists_as_pdf_and_html(print_build: Path) -> None:
    names = [f"packs/{site}" for site in LEARNER_SITES]
    names += [f"guides/{band}" for band in AGE_BANDS] + ["guides/parents"]
    for name in names:
        pdf = print_build / "site" / "downloads" / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-"), name
        assert len(PdfReader(pdf).pages) > 3, name
        html = (print_build / "print" / f"{name}.html").read_text(encoding="utf-8")
        assert html.startswith("<!doctype html>") and "<style>" in html, name


@pytest.mark.parametrize("name", [f"packs/{s}" for s in LEARNER_SITES] + ["guides/parents"])
def test_learner_packs_and_parents_guide_hold_no_facilitator_text(
    print_build: Path, built_curriculum: Curriculum, name: str
) -> None:
    hidden = restricted_sentences(built_curriculum)
    assert len(hidden) > 50, "too few facilitator sentences to make this test meaningful"
    for text in (pdf_text(print_build / "site" / "downloads" / f"{name}.pdf"),
                 normalise(re.sub(r"<[^>]+>", " ", (print_build / "print" / f"{name}.html").read_text()))):
        leaked = sorted(s for s in hidden if s in text)
        assert not leaked, f"{name} shows facilitator-only text: {leaked[:3]}"


@pytest.mark.parametrize("band", AGE_BANDS)
def test_facilitator_guide_holds_all_facilitator_text(
    print_build: Path, built_curriculum: Curriculum, band: str
) -> None:
    modules = children_in(built_curriculum, band)
    hidden = restricted_sentences(built_curriculum, modules)
    assert hidden
    text = pdf_text(print_build / "site" / "downloads" / "guides" / f"{band}.pdf")
    missing = sorted(s for s in hidden if s not in text)
    assert not missing, f"guide {band} lacks: {missing[:3]}"


def test_learner_pack_has_worksheets_and_take_home_sheet(
    print_build: Path, built_curriculum: Curriculum
) -> None:
    site = built_curriculum.sites["children-8-10"]
    text = pdf_text(print_build / "site" / "downloads" / "packs" / "children-8-10.pdf")
    assert "my answers" in text and "take home sheet" in text and "get help" in text
    family = [s for page in select_site(built_curriculum, site).pages()
              for b in iter_blocks(page.module.body) if b.kind == "family"
              for s in sentences(b.plain_markdown())]
    assert family and all(s in text for s in family)


@pytest.mark.parametrize("site", LEARNER_SITES)
def test_pack_bookmarks_are_its_lessons_numbered_and_its_sections(
        print_build: Path, built_curriculum: Curriculum, site: str) -> None:
    """The pack's lessons in the site's numbered sequence, each with its `##` sections
    under it, and the pack's other chapters."""
    pages = select_site(built_curriculum, built_curriculum.sites[site]).pages()
    ordered = lesson_sequence(built_curriculum, pages)
    pack = print_build / "site" / "downloads" / "packs" / f"{site}.pdf"
    titles = [f"Lesson {n}: {p.module.title}" for n, p in enumerate(ordered, 1)]
    band = built_curriculum.sites[site].band
    assert bookmarks(pack) == ["Contents", *titles, f"What I know: ages {band}",
                               "Take-home sheet", "Get help"]
    sections = section_bookmarks(pack)
    for title, page in zip(titles, ordered, strict=True):
        headings = [line[3:].strip() for node in page.module.body if isinstance(node, Text)
                    for line in node.markdown.splitlines() if line.startswith("## ")]
        assert sections[title][:len(headings)] == headings, title


@pytest.mark.parametrize("band", AGE_BANDS)
def test_guide_bookmarks_are_its_lesson_plans_in_prerequisite_order(
    print_build: Path, built_curriculum: Curriculum, band: str
) -> None:
    expected = [f"Lesson {n}: {m.title}"
                for n, m in enumerate(children_in(built_curriculum, band), 1)]
    guide = print_build / "site" / "downloads" / "guides" / f"{band}.pdf"
    assert lesson_bookmarks(guide) == expected
    assert {"Contents", "Ground rules", "Curriculum map", "Get help"} <= set(bookmarks(guide))
    sections = section_bookmarks(guide)
    assert all("Safeguarding" in sections[title] for title in expected)


def test_parents_guide_bookmarks_are_its_modules(print_build: Path,
                                                 built_curriculum: Curriculum) -> None:
    pages = select_site(built_curriculum, built_curriculum.sites["parents"]).pages()
    titles = [t for t in bookmarks(print_build / "site" / "downloads" / "guides" / "parents.pdf")
              if t not in ("Contents", "Get help")
              and not t.startswith("What your child is learning")]
    assert len(titles) == len(pages)
    assert all(t.endswith(p.module.title) for t, p in zip(titles, pages, strict=True))


def test_contents_page_numbers_point_at_the_modules(print_build: Path) -> None:
    reader = PdfReader(print_build / "site" / "downloads" / "packs" / "children-4-7.pdf")
    lines = reader.pages[1].extract_text().splitlines()
    numbers = [line for line in lines if line.strip().isdigit()]
    start = lines.index("Contents") + 1
    titles = [line for line in lines[start:] if not line.startswith(reader.metadata.title)]
    titles = [line for line in titles if not line.startswith("Page ")]
    assert len(titles) >= 3 and titles[-1] == "Get help"
    for title, number in zip(titles, numbers, strict=True):
        page_text = reader.pages[int(number) - 1].extract_text()
        title = re.sub(r"^Lesson \d+: ", "", title)  # the page says "Lesson 1 of 6" above it
        assert normalise(title) in normalise(page_text), (title, number)


def test_pages_are_numbered_and_headed_with_the_title(print_build: Path) -> None:
    reader = PdfReader(print_build / "site" / "downloads" / "guides" / "8-10.pdf")
    total = len(reader.pages)
    for number in (2, total // 2, total):
        text = reader.pages[number - 1].extract_text()
        assert f"Page {number} of {total}" in text
        assert "Facilitator guide, ages 8-10" in text


def test_every_pdf_is_tagged_pdf_ua_with_the_regions_language(print_build: Path) -> None:
    """Screen readers read the packs and guides: tagged PDF/UA-1 (the XMP metadata claims
    it), a title, and the language with the build's region (the shipped build is GB)."""
    pdfs = sorted((print_build / "site" / "downloads").glob("*/*.pdf"))
    assert len(pdfs) >= 9
    for path in pdfs:
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en-GB", path
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, path
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert "pdfuaid:part" in xmp and re.search(r"pdfuaid:part[^0-9]{0,3}1", xmp), path
        assert reader.metadata.title, path


def test_metadata_language_tags_and_embedded_fonts(print_build: Path) -> None:
    reader = PdfReader(print_build / "site" / "downloads" / "packs" / "children-11-13.pdf")
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "Staying safe online, ages 11 to 13"
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name


def text_sizes(path: Path, first_page: int = 3, last_page: int | None = None
               ) -> dict[float, int]:
    """Characters of text by their printed size (points), on pages first to last."""
    sizes: dict[float, int] = {}
    for page in PdfReader(path).pages[first_page - 1:last_page]:
        def visit(text, cm, tm, font, size) -> None:
            if text.strip():
                points = round(size * tm[3] * cm[3], 1)
                sizes[points] = sizes.get(points, 0) + len(text.strip())
        page.extract_text(visitor_text=visit)
    return sizes


def test_young_childrens_handouts_are_printed_at_18pt(print_build: Path) -> None:
    """The 4-7 pack's lesson pages at 18pt or more, but for the running header and footer
    (8pt) and the small print for the grown-up (the topic line, cutting notes); the older
    packs stay smaller. (The what-I-know sheet after the lessons is marked with a grown-up,
    in smaller type so that it stays one page.)"""
    path = print_build / "site" / "downloads" / "packs" / "children-4-7.pdf"
    reader = PdfReader(path)
    sheet = next(item for item in reader.outline
                 if not isinstance(item, list) and item.title.startswith("What I know"))
    sizes = text_sizes(path, last_page=reader.get_destination_page_number(sheet))
    text = {size: count for size, count in sizes.items() if size > 8.5}
    large = sum(count for size, count in text.items() if size >= 18)
    assert large / sum(text.values()) >= 0.95, sorted(text.items())
    older = text_sizes(print_build / "site" / "downloads" / "packs" / "teens-14-17.pdf")
    assert max(older, key=older.get) < 18


def test_a4_by_default(print_build: Path) -> None:
    for pdf in [*print_build.glob("site/downloads/packs/*.pdf"),
                *print_build.glob("site/downloads/guides/*.pdf")]:
        assert page_sizes(pdf) == {A4}, pdf.name


def add_image(root: Path, target: str) -> tuple[Path, int]:
    """A line showing an image, two lines under the module's first heading."""
    module = root / "curriculum" / "trusted-adults" / "secrets-and-surprises.md"
    lines = module.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("## ")) + 2
    lines.insert(at, f"![Pip and Dot planning a surprise]({target})")
    module.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return module, at + 1


def images_drawn(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points at which each image is drawn, from the drawing matrix."""
    sizes: list[tuple[float, float]] = []

    def visit(operator: bytes, args: list, matrix: list[float], text_matrix: list[float]) -> None:
        if operator == b"Do":
            sizes.append((matrix[0], matrix[3]))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_operand_before=visit)
    return sizes


def test_letter_on_request_with_images_scaled_to_fit(tmp_path: Path) -> None:
    from PIL import Image

    root = without_invalid_modules(copy_project(tmp_path / "project"))
    (root / "curriculum" / "trusted-adults" / "images").mkdir()
    wide = root / "curriculum" / "trusted-adults" / "images" / "wide.png"
    Image.new("RGB", (3000, 600), "white").save(wide)
    add_image(root, "images/wide.png")
    result = run_signpost(root, "build", "--only", "children-4-7", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    pack = root / "build" / "site" / "downloads" / "packs" / "children-4-7.pdf"
    assert page_sizes(pack) == {LETTER}
    assert page_sizes(root / "build" / "site" / "downloads" / "guides" / "4-7.pdf") == {LETTER}
    # The wide picture (the cover's own picture is drawn too).
    [(width, height)] = [(w, h) for w, h in images_drawn(pack) if h and w / h > 4]
    text_width = LETTER[0] - 2 * 17 / 25.4 * 72  # the page less its 17 mm margins
    assert text_width * 0.95 < width <= text_width + 1
    assert abs(width / height - 3000 / 600) < 0.05  # scaled, not stretched
    html = (root / "build" / "print" / "packs" / "children-4-7.html").read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in html  # the HTML copy stands on its own


def test_no_pdf_skips_print_outputs(tmp_path: Path) -> None:
    root = without_invalid_modules(copy_project(tmp_path / "project"))
    result = run_signpost(root, "build", "--only", "children-4-7", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert (root / "build" / "site" / "children-4-7" / "index.html").is_file()
    assert not (root / "build" / "site" / "downloads" / "packs").exists()
    assert not (root / "build" / "site" / "downloads" / "guides").exists()
    assert not (root / "build" / "print").exists()


def add_missing_image(root: Path) -> tuple[Path, int]:
    return add_image(root, "images/not-there.png")


def test_missing_image_is_a_clear_error(tmp_path: Path) -> None:
    root = without_invalid_modules(copy_project(tmp_path / "project"))
    module, line = add_missing_image(root)
    result = run_signpost(root, "build", "--only", "children-4-7")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    where = f"{module.relative_to(root).as_posix()}:{line}: SP202"
    assert where in result.stderr, result.stderr


def test_print_stage_reports_a_missing_image_with_its_line(tmp_path: Path) -> None:
    """Even past `check`, the print stage gives path:line: CODE, not a traceback."""
    from signpost.print.documents import PrintSettings, learner_pack
    from signpost.render.markdown import RenderError

    root = without_invalid_modules(copy_project(tmp_path / "project"))
    module, line = add_missing_image(root)
    curriculum, _ = load_and_check(root)
    with pytest.raises(RenderError) as caught:
        learner_pack(curriculum, curriculum.sites["children-4-7"], PrintSettings("GB", "a4"))
    assert str(caught.value).startswith(f"{module}:{line}: SP202 ")


def test_missing_pango_names_the_packages_and_still_builds_sites(tmp_path: Path) -> None:
    root = without_invalid_modules(copy_project(tmp_path / "project"))
    # WeasyPrint raises OSError on import when Pango is missing; a package of the
    # same name, first on the path, does the same.
    shadow = tmp_path / "shadow" / "weasyprint"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': error 0x7e\")\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(shadow.parent), os.environ.get("PYTHONPATH")) if p)}
    result = subprocess.run(
        [sys.executable, "-m", "signpost.cli", "--root", str(root), "build",
         "--only", "children-4-7"],
        capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 1
    assert "libpango-1.0-0 libpangoft2-1.0-0" in result.stderr
    assert "Traceback" not in result.stderr
    assert (root / "build" / "site" / "children-4-7" / "index.html").is_file()
    assert not (root / "build" / "site" / "downloads" / "packs" / "children-4-7.pdf").exists()


def page_fill(page) -> float:
    """How far down the page its content reaches, between the running header and footer: 0
    is an empty page, 1 a full one. Content is text, and drawn lines and boxes (the lines to
    write on under an activity are drawn, not text); the page's own background starts at its
    foot, outside the measured band."""
    height = float(page.mediabox.height)
    lows: list[float] = []

    def measured(y: float) -> None:
        if 60 < y < height - 60:  # not the running header and footer
            lows.append(y)

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            measured(tm[5] * cm[3] + cm[5])

    def draw(operator, args, cm, tm) -> None:
        if operator in (b"re", b"l", b"m") and len(args) >= 2:
            x, y = float(args[0]), float(args[1])
            if operator == b"re" and len(args) == 4 and float(args[3]) < 0:
                y += float(args[3])  # a rectangle drawn upwards from its top
            measured(cm[1] * x + cm[3] * y + cm[5])

    page.extract_text(visitor_text=visit, visitor_operand_before=draw)
    return (height - 60 - min(lows)) / (height - 120) if lows else 0.0


NEW_PART = re.compile(r"LESSON \d+ OF \d+|^Name:|Take-home sheet|Get help", re.M)


@pytest.mark.parametrize("site", ["children-4-7", "children-8-10", "children-11-13",
                                  "teens-14-17"])
def test_no_pack_page_is_mostly_empty_unless_a_part_ends_there(print_build: Path,
                                                                 site: str) -> None:
    """A page less than half full is the contents or ends a part: the next page starts a
    lesson, a worksheet (a page of its own) or a chapter, or there is no next page."""
    pages = PdfReader(print_build / "site" / "downloads" / "packs" / f"{site}.pdf").pages
    for number in range(3, len(pages)):  # after the cover and contents; the last may be short
        if page_fill(pages[number - 1]) < 0.5:
            following = pages[number].extract_text()
            assert NEW_PART.search(following), f"{site} page {number} is less than half full"


@pytest.mark.parametrize("site", ["children-4-7", "children-8-10"])
def test_worksheets_close_their_lesson(print_build: Path, site: str) -> None:
    """A lesson's worksheets come after its text, so no worksheet page interrupts a lesson
    (and the page before the first one is the end of the lesson's text)."""
    pages = PdfReader(print_build / "site" / "downloads" / "packs" / f"{site}.pdf").pages
    texts = [page.extract_text() for page in pages]
    sheets = [n for n, text in enumerate(texts) if re.search(r"^Name:", text, re.M)]
    assert sheets, "the shipped lessons have worksheets"
    for n in sheets:
        # the what-I-know sheet may take both sides of its sheet: its table head repeats
        if n + 1 < len(texts) and not texts[n + 1].startswith("I can ... Before After"):
            assert NEW_PART.search(texts[n + 1]), f"{site}: page {n + 2} goes on after a sheet"


def test_the_help_chapter_fits_one_page(print_build: Path) -> None:
    """Every pack and guide ends with "Get help" on a single page (the emergency number,
    then each service in a few lines)."""
    pdfs = sorted((print_build / "site" / "downloads").glob("*/*.pdf"))
    checked = 0
    for path in pdfs:
        reader = PdfReader(path)
        start = [item for item in reader.outline
                 if not isinstance(item, list) and item.title == "Get help"]
        if start:
            checked += 1
            assert reader.get_destination_page_number(start[0]) == len(reader.pages) - 1, path
    assert checked >= 9
