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
        assert "0800 1111" in steps[-1][1] and "999" in steps[-1][1]  # GB's help
        # Every learner block is a step of its own, in the order of the module.
        blocks = [node for node in module.body if isinstance(node, Block)
                  and node.kind not in FACILITATOR_ONLY and node.kind in LEARNER_LABELS
                  and node.kind != "family"]
        wanted = [block_title(b, LEARNER_LABELS) for b in blocks]
        assert [h for h in headings if h in wanted] == wanted, module.id
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


def test_a_long_section_goes_over_several_screens_cut_between_paragraphs() -> None:
    from signpost.render.projector import SCREENFUL, text_steps

    paragraph = " ".join(["word"] * 50)
    items = "\n".join(f"- item {n} " + " ".join(["w"] * 8) for n in range(12))  # one list
    text = f"## Long\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{items}\n\n## Short\n\nHi."
    steps = text_steps(text)
    assert [s.heading for s in steps] == ["Long", "Long (continued)", "Long (continued)",
                                          "Short"]
    assert all(len(s.markdown.split()) <= SCREENFUL for s in steps[:2])
    assert items in steps[2].markdown  # a list is never cut
    assert "".join(s.markdown for s in steps).count("word") == 150


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_the_renderer_itself_writes_no_gated_text(shipped_curriculum, site_id) -> None:
    """On the docs tree, before MkDocs and before the build's own output check."""
    from signpost.render.pages import docs_tree

    visible = meant_for_learners(shipped_curriculum)
    hidden = {s for s in hidden_sentences(shipped_curriculum) if s not in visible}
    content = select_site(shipped_curriculum, shipped_curriculum.sites[site_id])
    tree = docs_tree(shipped_curriculum, content, "GB")
    projected = [page for path, page in tree.pages.items() if path.startswith("project/")]
    assert len(projected) == len(lessons(shipped_curriculum, site_id))
    text = normalise(" ".join(projected))
    assert [sentence for sentence in hidden if sentence in text] == []
    for label in ("facilitator notes", "safeguarding:", "answers:"):
        assert label not in text


def test_region_variables_are_filled_in_text_headings_too() -> None:
    from signpost.render.projector import Step, step_html

    html = step_html(Step("Call {{ region.emergency }}", "Or {{ region.emergency }}.",
                          from_body=True), lambda text: text.replace("{{ region.emergency }}",
                                                                     "999"))
    assert "<h2>Call 999</h2>" in html and "Or 999." in html


def test_a_loose_list_and_a_heading_alone_stay_whole() -> None:
    from signpost.render.projector import text_steps

    items = [f"{n}. step {n} " + " ".join(["w"] * 40) for n in range(1, 5)]  # 4 x 43 words
    text = "## Steps ##\n\n" + "\n\n".join(items) + "\n\n## Only a heading\n## Learn C#\n\nx"
    steps = text_steps(text)
    assert [s.heading for s in steps] == ["Steps", "Only a heading", "Learn C#"]
    assert all(item in steps[0].markdown for item in items)  # numbered 1 to 4 on one screen
    assert steps[1].markdown == ""


def test_a_block_title_is_text_never_markup() -> None:
    from signpost.model import Block, Text
    from signpost.render.projector import block_step, step_html

    block = Block("activity", "<img src=x> *sorting*", 5, (Text("Sort them.", 2),), 1, 3)
    html = step_html(block_step(block), lambda text: text)
    assert "<h2>Activity: &lt;img src=x&gt; *sorting*</h2>" in html
