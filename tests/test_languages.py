"""Sites per language: an Urdu (right-to-left) and a Lithuanian site for the 8-10 lessons and
the parents, built for the regions that list those languages, in their language from the
page tag to the PDF, with draft translations marked and untranslated modules marked too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import LITHUANIAN_SITES, ROOT, URDU_SITES, copy_project, run_signpost
from signpost.builder import region_sites
from signpost.i18n import _, language, translation_note
from signpost.model import FACILITATOR_ONLY, Block, Text
from signpost.render.pages import docs_tree
from signpost.select import in_language, select_site

URDU_LETTERS = re.compile(r"[\u0600-\u06FF]+")
HTML_TAG = re.compile(r"<html[^>]*>")
BODY_TAG = re.compile(r"<body[^>]*>")


def translations_of(language_tag: str, audience: str | None = None) -> list[Path]:
    return sorted(path for path in (ROOT / "curriculum").glob(f"*/*.{language_tag}.md")
                  if audience is None or f"\naudience: {audience}" in source_of(path))


def source_of(translation: Path) -> str:
    return translation.with_name(translation.name.split(".")[0] + ".md").read_text(
        encoding="utf-8")


def front_title(path: Path) -> str:
    match = re.search(r"^title: (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert match, path
    return match.group(1).strip().strip("'\"")


def lesson_pages(site_dir: Path) -> list[Path]:
    """A site's module pages (not home, help, glossary, summaries, projector views)."""
    special = {"index.html", "get-help.html", "glossary.html", "404.html", "print-and-share.html"}
    return sorted(p for p in site_dir.rglob("*.html")
                  if p.name not in special and p.parent.name not in ("learning", "project",
                                                                      "search", "assets"))


def page_direction(html: str) -> str | None:
    """The `dir` of the page: Material puts it on <body>, the projector view on <html>."""
    for tag in (BODY_TAG.search(html), HTML_TAG.search(html)):
        found = re.search(r'\bdir="(\w+)"', tag.group(0)) if tag else None
        if found:
            return found.group(1)
    return None


# --- which sites a region builds --------------------------------------------------------


def test_a_region_publishes_the_languages_its_file_lists(shipped_curriculum) -> None:
    ids = {region: {site.id for site in region_sites(shipped_curriculum, region)}
           for region in ("GB", "PK", "LT")}
    english = {site.id for site in shipped_curriculum.sites.values() if site.translates is None}
    assert ids["GB"] == english
    assert ids["PK"] == english | set(URDU_SITES)
    assert ids["LT"] == english | set(LITHUANIAN_SITES)


def test_every_8_10_lesson_and_parents_guide_has_a_draft_urdu_and_lithuanian_translation(
        shipped_curriculum) -> None:
    for module in shipped_curriculum.modules.values():
        wanted = module.audience == "parents" or (
            module.audience == "children" and "8-10" in module.age_bands)
        if wanted:
            assert set(module.translations) >= {"ur", "lt"}, module.id
            assert {t.status for t in module.translations.values()} == {"draft"}, module.id


# --- the built pages: language, direction, words -----------------------------------------


@pytest.mark.parametrize(("site", "tag", "direction"), [
    ("children-8-10-ur", "ur-PK", "rtl"), ("parents-ur", "ur-PK", "rtl"),
    ("children-8-10", "en-PK", "ltr")])
def test_every_page_carries_its_language_and_direction(pk_build: Path, site: str, tag: str,
                                                       direction: str) -> None:
    pages = sorted((pk_build / "site" / site).rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert f'lang="{tag}"' in HTML_TAG.search(text).group(0), page
        assert page_direction(text) == direction, page


@pytest.mark.parametrize("site", LITHUANIAN_SITES)
def test_lithuanian_pages_read_left_to_right(lt_build: Path, site: str) -> None:
    for page in sorted((lt_build / "site" / site).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert 'lang="lt-LT"' in HTML_TAG.search(text).group(0), page
        assert page_direction(text) == "ltr", page


def test_the_urdu_site_shows_every_8_10_lesson_in_urdu_with_its_labels(pk_build: Path) -> None:
    site = pk_build / "site" / "children-8-10-ur"
    titles = [front_title(path) for path in translations_of("ur", "children")
              if "8-10" in re.search(r"age_bands: \[([^\]]*)\]", source_of(path)).group(1)]
    assert len(titles) == 8
    pages = "\n".join(p.read_text(encoding="utf-8") for p in lesson_pages(site))
    for title in titles:
        assert title in pages, title
    with language("ur"):
        remember, get_help = _("Remember"), _("Get help")
    assert remember != "Remember" and get_help != "Get help"  # the catalog has them
    assert remember in pages and get_help in pages
    # Material's own interface words: Urdu's search placeholder, from Material's partial
    assert 'placeholder="تلاش کریں"' in (site / "index.html").read_text(encoding="utf-8")


def test_draft_translations_say_so_on_the_page_and_in_print(pk_build: Path) -> None:
    with language("ur"):
        note = translation_note("ur", True, "ur")
    pages = lesson_pages(pk_build / "site" / "children-8-10-ur")
    assert len(pages) == 8
    for page in pages:
        assert note in page.read_text(encoding="utf-8"), page
    pack = (pk_build / "print" / "packs" / "children-8-10-ur.html").read_text(encoding="utf-8")
    assert pack.count(note) == 8
    assert 'dir="rtl"' in HTML_TAG.search(pack).group(0)


def test_a_module_without_a_translation_shows_in_english_marked_left_to_right(
        pk_build: Path) -> None:
    """The parents' summaries of other ages' lessons have no Urdu yet: English, said so."""
    page = (pk_build / "site" / "parents-ur" / "learning" / "4-7.html").read_text(
        encoding="utf-8")
    with language("ur"):
        note = translation_note("en", False, "ur")
    assert note in page
    assert '<div dir="ltr" lang="en">' in page or '<div lang="en" dir="ltr">' in page
    assert "Secrets and surprises" in page


def test_search_indexes_the_translated_words(pk_build: Path) -> None:
    index = json.loads((pk_build / "site" / "children-8-10-ur" / "search" /
                        "search_index.json").read_text(encoding="utf-8"))
    words = set(URDU_LETTERS.findall(" ".join(doc["text"] + " " + doc["title"]
                                              for doc in index["docs"])))
    title_words = set(URDU_LETTERS.findall(" ".join(
        front_title(p) for p in translations_of("ur", "children"))))
    assert title_words and title_words <= words


def test_the_landing_page_offers_each_language(pk_build: Path) -> None:
    landing = (pk_build / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="#lang-en"' in landing and 'href="#lang-ur"' in landing
    urdu = landing[landing.index('id="lang-ur"'):]
    assert 'lang="ur" dir="rtl"' in urdu[:80]
    for site in URDU_SITES:
        assert f'href="{site}/index.html"' in urdu
    assert 'href="children-8-10/index.html"' not in urdu  # English sites in their own group


# --- print --------------------------------------------------------------------------------


def pdf_fonts(path: Path) -> set[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in out.stdout.splitlines()[2:] if line}


def test_urdu_pdfs_are_set_in_an_urdu_font_and_hold_urdu_text(pk_build: Path) -> None:
    downloads = pk_build / "site" / "downloads"
    source_words = set(URDU_LETTERS.findall(" ".join(
        p.read_text(encoding="utf-8") for p in translations_of("ur"))))
    for pdf in (downloads / "packs" / "children-8-10-ur.pdf",
                downloads / "guides" / "parents-ur.pdf",
                downloads / "posters" / "children-8-10-ur-a4.pdf"):
        assert "Noto-Nastaliq-Urdu" in pdf_fonts(pdf), pdf
        text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        found = set(URDU_LETTERS.findall(text))
        # WeasyPrint's text layer maps some joined Arabic-script glyphs to the wrong letters
        # (Kozea/WeasyPrint#2841), so only part of the words read back exactly; the pages
        # themselves are right (see the rendered pages in the README's screenshots).
        assert len(found & source_words) >= 20, pdf


def test_lithuanian_pdfs_hold_the_lithuanian_lessons(lt_build: Path) -> None:
    pack = lt_build / "site" / "downloads" / "packs" / "children-8-10-lt.pdf"
    text = " ".join(page.extract_text() or "" for page in PdfReader(pack).pages)
    flat = " ".join(text.split())
    for path in translations_of("lt", "children"):
        if "8-10" in source_of(path).split("age_bands:")[1].split("\n")[0]:
            assert " ".join(front_title(path).split()) in flat, path
    assert re.search(r"\w*[ąčęėįšųūž]\w*", flat)
    guide = lt_build / "site" / "downloads" / "guides" / "parents-lt.pdf"
    guide_text = " ".join(" ".join(page.extract_text().split())
                          for page in PdfReader(guide).pages)
    for path in translations_of("lt", "parents"):
        assert " ".join(front_title(path).split()) in guide_text, path


# --- what a site publishes ------------------------------------------------------------------


def set_audience(root: Path, name: str, **changes: str) -> None:
    path = root / "audiences" / name
    text = path.read_text(encoding="utf-8")
    for key, value in changes.items():
        text = re.sub(rf"^{key}: .*$", f"{key}: {value}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


def test_reviewed_only_and_omit_leave_out_what_they_should(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    set_audience(root, "children-8-10.ur.yml", publish="reviewed", untranslated="omit")
    reviewed = root / "curriculum" / "trusted-adults" / "telling-and-telling-again.ur.md"
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace(
        "\nstatus: draft\n", "\nstatus: reviewed\n", 1), encoding="utf-8")
    result = run_signpost(root, "build", "--region", "PK", "--no-pdf", "--only",
                          "children-8-10-ur")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = lesson_pages(root / "build" / "site" / "children-8-10-ur")
    assert [p.name for p in pages] == ["telling-and-telling-again.html"]
    page = pages[0].read_text(encoding="utf-8")
    assert front_title(reviewed) in page
    assert "sp-translation" not in page  # a reviewed translation needs no notice


def test_reviewed_only_with_source_shows_drafts_in_english(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    set_audience(root, "children-8-10.ur.yml", publish="reviewed")
    result = run_signpost(root, "build", "--region", "PK", "--no-pdf", "--only",
                          "children-8-10-ur")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = lesson_pages(root / "build" / "site" / "children-8-10-ur")
    assert len(pages) == 8
    with language("ur"):
        note = translation_note("en", False, "ur")
    english_titles = [front_title(path.with_name(path.name.split(".")[0] + ".md"))
                      for path in translations_of("ur", "children")]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert note in text and 'lang="en"' in text, page
        assert any(title in text for title in english_titles), page


# --- gating holds in every language ----------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(["ہم", "بچہ", "راز", "vaikas", "paslaptis", "secret",
                                        "teacher", "۔", "،"]), min_size=4, max_size=12),
       kind=st.sampled_from(sorted(FACILITATOR_ONLY)))
def test_no_translated_facilitator_text_reaches_a_translated_learner_site(
        shipped_curriculum, words: list[str], kind: str) -> None:
    """Whatever a translation's facilitator, answers or safeguarding block says, the
    translated learner site's pages never hold it."""
    marker = "zqx " + " ".join(words) + " qzx"
    site = shipped_curriculum.sites["children-8-10-ur"]
    module = next(m for m in shipped_curriculum.modules.values()
                  if "8-10" in m.age_bands and "ur" in m.translations)
    translation = module.translations["ur"].module
    original = translation.body
    translation.body = (*original, Block(kind, None, None, (Text(marker, 1),), 1, 1))
    try:
        content = select_site(shipped_curriculum, site)
        assert module.id in {page.module.id for page in content.pages()}
        tree = docs_tree(shipped_curriculum, content, "PK")
    finally:
        translation.body = original
    assert all("zqx" not in markdown for markdown in tree.pages.values())
    assert in_language(shipped_curriculum, site).modules[module.id] is translation
