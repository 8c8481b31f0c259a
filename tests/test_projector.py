"""The projector view (render/projector.py) on the built shipped curriculum: one page per
lesson in each learner site, its steps in lesson order, learner blocks only, linked from the
lesson page and the lesson plan, and read by the build's own output checks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from signpost.builder import verify_outputs
from signpost.model import FACILITATOR_ONLY, Block, Text
from signpost.render.markdown import LEARNER_LABELS, block_title
from signpost.select import select_site
from test_build import LEARNER_SITES, hidden_sentences, meant_for_learners, normalise

STEP = "article > div[id^='step-']"


def steps_of(path: Path) -> list[tuple[str, str]]:
    """(heading, text) of each step of a built projector page, in order."""
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    found = []
    for step in tree.css(STEP):
        heading = step.css_first("h1, h2")
        found.append((heading.text(strip=True) if heading else "", step.text(separator=" ")))
    return found


def lessons(curriculum, site_id: str):
    """Each lesson a learner site shows, with its gated body, once."""
    seen = {}
    for page in select_site(curriculum, curriculum.sites[site_id]).pages():
        seen.setdefault(page.module.id, page)
    return list(seen.values())


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_every_lesson_of_a_learner_site_has_a_projector_page(shipped_build, shipped_curriculum,
                                                             site_id) -> None:
    folder = shipped_build / "site" / site_id / "project"
    expected = {f"{page.module.id}.html" for page in lessons(shipped_curriculum, site_id)}
    assert expected and {p.name for p in folder.glob("*.html")} == expected
    for asset in ("projector.js", "projector.css"):
        assert (shipped_build / "site" / site_id / "assets" / asset).is_file()


@pytest.mark.parametrize("site_id", ["parents", "teachers"])
def test_adults_sites_have_no_projector_pages(shipped_build, site_id) -> None:
    assert not (shipped_build / "site" / site_id / "project").exists()


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_steps_follow_the_lesson_and_end_with_help(shipped_build, shipped_curriculum,
                                                  site_id) -> None:
    for page in lessons(shipped_curriculum, site_id):
        module = page.module
        steps = steps_of(shipped_build / "site" / site_id / "project" / f"{module.id}.html")
        headings = [heading for heading, _ in steps]
        assert headings[0] == module.title
        assert all(objective in normalise_space(steps[0][1]) for objective in module.objectives)
        assert headings[-1] == "Where to get help"
        prompt = shipped_curriculum.sites[site_id].help_prompt
        assert prompt in normalise_space(steps[-1][1])  # the page's help box
        assert "get-help.html" in (shipped_build / "site" / site_id / "project" /
                                   f"{module.id}.html").read_text(encoding="utf-8")
        # Every learner block is a step of its own, in the order of the module.
        blocks = [node for node in module.body if isinstance(node, Block)
                  and node.kind not in FACILITATOR_ONLY and node.kind in LEARNER_LABELS
                  and node.kind != "family"]
        wanted = [block_title(b, LEARNER_LABELS) for b in blocks if b.kind != "quiz"]
        assert [h for h in headings if h in wanted] == wanted, module.id
        for quiz in (b for b in blocks if b.kind == "quiz"):  # a question to a screen
            title = block_title(quiz, LEARNER_LABELS)
            asked = [h for h in headings if h.startswith(f"{title} (")]
            assert len(asked) >= 3 and asked[0] == f"{title} (1 of {len(asked)})", module.id
        # Each `##` heading of the text outside blocks starts a step.
        sections = [line[3:].strip() for node in module.body if isinstance(node, Text)
                    for line in node.markdown.splitlines() if line.startswith("## ")]
        assert [h for h in headings[1:] if h in sections] == sections, module.id
        for label in ("Facilitator notes", "Answers", "Safeguarding", "At home"):
            assert not any(h.startswith(label) for h in headings), (module.id, label)


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_no_gated_text_in_any_projector_page(shipped_build, shipped_curriculum) -> None:
    visible = meant_for_learners(shipped_curriculum)
    hidden = {s for s in hidden_sentences(shipped_curriculum) if s not in visible}
    assert len(hidden) > 100
    pages = sorted((shipped_build / "site").glob("*/project/*.html"))
    assert len(pages) >= 4 * 6
    text = normalise(" ".join(p.read_text(encoding="utf-8") for p in pages))
    assert [sentence for sentence in hidden if sentence in text] == []


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_lesson_pages_link_their_projector_view(shipped_build, shipped_curriculum,
                                                site_id) -> None:
    site_dir = shipped_build / "site" / site_id
    for page in lessons(shipped_curriculum, site_id):
        lesson = site_dir / page.path.replace(".md", ".html")
        links = re.findall(r'<a href="([^"]+)">Show on a projector</a>',
                           lesson.read_text(encoding="utf-8"))
        assert len(links) == 1, lesson
        assert (lesson.parent / links[0]).resolve() == \
            (site_dir / "project" / f"{page.module.id}.html").resolve()


def test_lesson_plans_link_the_projector_view_of_their_band(shipped_build,
                                                            shipped_curriculum) -> None:
    teachers = select_site(shipped_curriculum, shipped_curriculum.sites["teachers"])
    plans = [page for page in teachers.pages() if page.view == "lesson-plan"]
    assert len(plans) >= 20
    for page in plans:
        plan = shipped_build / "site" / "teachers" / page.path.replace(".md", ".html")
        links = re.findall(r'<a href="([^"]+)">Show on a projector</a>',
                           plan.read_text(encoding="utf-8"))
        assert len(links) == 1, plan
        target = (plan.parent / links[0]).resolve()
        learner = next(s for s in LEARNER_SITES if shipped_curriculum.sites[s].band == page.band)
        assert target == (shipped_build / "site" / learner / "project" /
                          f"{page.module.id}.html").resolve()
        assert target.is_file()


def staged_copy(shipped_build: Path, tmp_path: Path, site_id: str) -> Path:
    staging = tmp_path / "staging"
    shutil.copytree(shipped_build / "site" / site_id, staging / "site" / site_id)
    return staging


def test_the_build_finds_gated_text_put_into_a_projector_page(shipped_build, shipped_curriculum,
                                                              tmp_path) -> None:
    staging = staged_copy(shipped_build, tmp_path, "children-8-10")
    assert verify_outputs(shipped_curriculum, staging, "GB") == []
    module = lessons(shipped_curriculum, "children-8-10")[0].module
    gated = next(iter_gated(module.body)).plain_markdown()
    page = staging / "site" / "children-8-10" / "project" / f"{module.id}.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", f"<p>{gated}</p></article>"), encoding="utf-8")
    problems = verify_outputs(shipped_curriculum, staging, "GB")
    assert any(p.startswith(f"site/children-8-10/project/{module.id}.html: holds text")
               for p in problems), problems


def iter_gated(nodes):
    for node in nodes:
        if isinstance(node, Block):
            if node.kind in FACILITATOR_ONLY:
                yield node
            yield from iter_gated(node.children)


def test_the_build_judges_a_projector_page_by_the_html_allowlist(shipped_build,
                                                                 shipped_curriculum,
                                                                 tmp_path) -> None:
    staging = staged_copy(shipped_build, tmp_path, "children-4-7")
    page = next((staging / "site" / "children-4-7" / "project").glob("*.html"))
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('<div id="step-2"', '<div id="step-2" onclick="x()"'),
                    encoding="utf-8")
    problems = verify_outputs(shipped_curriculum, staging, "GB")
    assert any(p.startswith(f"site/children-4-7/project/{page.name}: ") for p in problems), \
        problems


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_a_projector_page_shows_what_its_lesson_page_shows_and_nothing_else(
        shipped_build, shipped_curriculum, site_id) -> None:
    """Every paragraph, list item and table cell of the lesson's content, once each (the
    order is the test above's); nothing the lesson page lacks."""
    site_dir = shipped_build / "site" / site_id

    def parts(path: Path) -> list[str]:
        article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article")
        found = [normalise_space(node.text()).strip() for node in article.css("p, li, td, dd")
                 if "admonition-title" not in (node.attributes.get("class") or "")]
        return [text for text in found if text != "Show on a projector"]

    for page in lessons(shipped_curriculum, site_id):
        lesson = parts(site_dir / page.path.replace(".md", ".html"))
        projected = parts(site_dir / "project" / f"{page.module.id}.html")
        assert sorted(projected) == sorted(lesson), page.module.id


def article(html: str):
    from signpost.render.projector import projector_html

    page = ('<html lang="en"><head><title>T - S</title></head><body><header></header>'
            f'<article class="md-content__inner md-typeset">{html}</article></body></html>')
    built = projector_html(page, "../topic/lesson.html")
    assert built is not None
    return LexborHTMLParser(built).css(STEP)


def test_a_long_section_goes_over_several_screens_cut_between_paragraphs() -> None:
    from signpost.render.projector import SCREENFUL

    paragraph = "<p>" + " ".join(["word"] * 50) + "</p>"
    items = "<ul>" + "".join(f"<li>item {n} {'w ' * 8}</li>" for n in range(12)) + "</ul>"
    steps = article(f'<h1>Title</h1><p class="sp-summary">S.</p><h2 id="long">Long</h2>'
                    f"{paragraph * 3}{items}<h2>Short</h2><p>Hi.</p>")
    headings = [step.css_first("h1, h2").text() for step in steps]
    assert headings == ["Title", "Long", "Long (continued)", "Long (continued)", "Short"]
    assert all(len(step.text().split()) <= SCREENFUL + 3 for step in steps[1:3])
    assert len(steps[3].css("ul")) == 1 and len(steps[3].css("li")) == 12  # never cut


def test_a_box_is_headed_by_its_title_without_minutes_or_a_repeated_label() -> None:
    steps = article('<h1>T</h1><div class="admonition sp-activity"><p class="admonition-title">'
                    "Activity: Sort &lt;b&gt; (12 minutes)</p><p>Do it.</p></div>"
                    '<div class="admonition sp-keypoints"><p class="admonition-title">'
                    "Remember: Remember (3 minutes)</p><ul><li>One.</li></ul></div>")
    assert [s.css_first("h2").html for s in steps[1:]] == [
        "<h2>Activity: Sort &lt;b&gt;</h2>", "<h2>Remember</h2>"]
    assert [s.attributes["class"] for s in steps] == ["sp-summary", "sp-activity",
                                                      "sp-keypoints"]
    assert not any(s.css("p.admonition-title") for s in steps[1:])


def test_only_a_lesson_pages_own_link_makes_a_projector_page(tmp_path) -> None:
    from signpost.render.projector import write_projector_pages

    def page(name: str, link: str) -> None:
        (tmp_path / "topic").mkdir(exist_ok=True)
        (tmp_path / "topic" / name).write_text(
            '<html><head><title>T</title></head><body><article class="md-content__inner">'
            f'<h1>T</h1><p><a href="{link}">Show on a projector</a></p></article></body></html>',
            encoding="utf-8")

    page("a.html", "../project/a.html")
    assert write_projector_pages(tmp_path) == 0  # no projector script: not a learner site
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "projector.js").write_text("", encoding="utf-8")
    page("b.html", "../project/a.html")  # text pointing at another lesson's view
    page("c.html", "../../elsewhere/project/c.html")  # out of the site
    assert write_projector_pages(tmp_path) == 1
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == ["a.html"]
    assert "../topic/a.html" in (tmp_path / "project" / "a.html").read_text(encoding="utf-8")
