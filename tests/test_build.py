"""`signpost build` on the real shipped curriculum: gating, navigation, help, no other hosts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, copy_project, run_signpost
from signpost.model import FACILITATOR_ONLY, Curriculum, iter_blocks
from signpost.select import select_site

LEARNER_SITES = ["children-4-7", "children-8-10", "children-11-13", "teens-14-17"]
ALL_SITES = [*LEARNER_SITES, "parents", "teachers"]


def normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_`#>|\[\]()]", " ", text)
    text = text.replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def hidden_sentences(curriculum: Curriculum) -> set[str]:
    """Every sentence (of 6+ words) of every facilitator, answers and safeguarding block."""
    found: set[str] = set()
    for module in curriculum.modules.values():
        for block in iter_blocks(module.body):
            if block.kind not in FACILITATOR_ONLY:
                continue
            # a sentence ends with its paragraph (a lesson plan may show the next one
            # in another box, after the activity it answers)
            # a region lookup ends a piece too: pages show the region's value there
            pieces = (piece for paragraph in re.split(r"\n\s*\n", block.plain_markdown())
                      for piece in re.split(r"\{\{.*?\}\}", paragraph))
            for piece in pieces:
                text = normalise(re.sub(r"\s\d+\.\s*$", "", piece))  # "2." before a lookup
                for sentence in re.split(r"(?<=[.!?])\s+|(?:^|\s)-\s|\s\d+\.\s", text):
                    sentence = re.sub(r"^[a-z0-9]\s*[:.)]\s+", "",
                                      sentence.strip(" -.!?:;\"'"))
                    if len(sentence.split()) >= 6:
                        found.add(sentence)
    return found


def learner_outputs(site_dir: Path) -> str:
    """All of a site's HTML, its search index and its sitemap, normalised."""
    parts = [path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")]
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    parts += [doc["title"] + " " + doc["text"] for doc in index["docs"]]
    parts.append((site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    return normalise(" ".join(parts))


def meant_for_learners(curriculum: Curriculum) -> str:
    """Text a learner site shows on purpose: gated module text and the sites' own words."""
    from signpost.model import render_markdown_lines
    from signpost.select import gate

    shown = frozenset({"activity", "discussion", "keypoints", "cards", "worksheet", "family"})
    parts = [" ".join(render_markdown_lines(gate(m.body, shown))) for m in
             curriculum.modules.values()]
    parts += [m.summary + " " + " ".join(m.objectives) for m in curriculum.modules.values()]
    parts += [" ".join(m.vocabulary.values()) for m in curriculum.modules.values()]
    parts += [site.help_prompt + " " + site.description for site in curriculum.sites.values()]
    return normalise(" ".join(parts))


@pytest.fixture(scope="module")
def hidden(shipped_curriculum) -> set[str]:
    """Facilitator-only sentences, less any a module also says to learners on purpose."""
    visible = meant_for_learners(shipped_curriculum)
    sentences = {s for s in hidden_sentences(shipped_curriculum) if s not in visible}
    assert len(sentences) > 100  # the shipped curriculum has plenty of facilitator text
    return sentences


@pytest.mark.parametrize("site", LEARNER_SITES)
def test_no_facilitator_text_reaches_a_learner_site(shipped_build, hidden, site) -> None:
    output = learner_outputs(shipped_build / "site" / site)
    leaked = [sentence for sentence in hidden if sentence in output]
    assert leaked == []


def test_parents_site_shows_no_facilitator_text(shipped_build, hidden) -> None:
    output = learner_outputs(shipped_build / "site" / "parents")
    assert [sentence for sentence in hidden if sentence in output] == []


def test_teachers_site_holds_all_facilitator_text(shipped_build, hidden) -> None:
    output = learner_outputs(shipped_build / "site" / "teachers")
    missing = [sentence for sentence in hidden if sentence not in output]
    assert missing == []


def test_landing_page_links_every_site(shipped_build) -> None:
    landing = (shipped_build / "site" / "index.html").read_text(encoding="utf-8")
    for site in ALL_SITES:
        assert f'href="{site}/index.html"' in landing
        assert (shipped_build / "site" / site / "index.html").is_file()


def test_every_site_has_home_glossary_help_and_modules(shipped_build, shipped_curriculum) -> None:
    for site in ALL_SITES:
        site_dir = shipped_build / "site" / site
        for page in ("index.html", "glossary.html", "get-help.html"):
            assert (site_dir / page).is_file(), f"{site}/{page}"
        content = select_site(shipped_curriculum, shipped_curriculum.sites[site])
        assert len(content.modules()) >= 6, site
        help_page = (site_dir / "get-help.html").read_text(encoding="utf-8")
        assert "Childline" in help_page and "0800 1111" in help_page


def test_every_learner_page_ends_with_help_box(shipped_build, shipped_curriculum) -> None:
    for site in LEARNER_SITES:
        content = select_site(shipped_curriculum, shipped_curriculum.sites[site])
        prompt = shipped_curriculum.sites[site].help_prompt
        for page in content.pages():
            html = (shipped_build / "site" / site / page.path.replace(".md", ".html")).read_text(
                encoding="utf-8"
            )
            article = html.split('<article', 1)[1].split("</article>", 1)[0]
            assert "Where to get help" in article and normalise(prompt) in normalise(article)
            assert article.rfind("Where to get help") > article.rfind("sp-keypoints")


def nav_paths(items: list) -> list[str]:
    paths: list[str] = []
    for item in items:
        for value in item.values():
            paths.extend(nav_paths(value) if isinstance(value, list) else [value])
    return paths


def test_learner_navigation_is_the_numbered_teaching_order(shipped_build, shipped_curriculum
                                                           ) -> None:
    """A learner site lists its lessons as "Lesson N: title", prerequisites before the lessons
    that need them, in the same order and with the same numbers as the teachers' lesson
    plans for that band and the home page's lesson cards."""
    import yaml

    teachers = yaml.safe_load((shipped_build / "sources" / "teachers" / "mkdocs.yml").read_text())
    for site in LEARNER_SITES:
        config = yaml.safe_load((shipped_build / "sources" / site / "mkdocs.yml").read_text())
        section = shipped_curriculum.sites[site].sections[0].title
        lessons = next(item[section] for item in config["nav"] if section in item)
        labels = [next(iter(entry)) for entry in lessons]
        ids = [Path(next(iter(entry.values()))).stem for entry in lessons]
        assert len(ids) >= 6
        assert labels == [f"Lesson {n}: {shipped_curriculum.modules[i].title}"
                          for n, i in enumerate(ids, 1)], site
        for index, module_id in enumerate(ids):
            for prerequisite in shipped_curriculum.modules[module_id].prerequisites:
                if prerequisite in ids:
                    assert ids.index(prerequisite) < index, (site, module_id, prerequisite)
        band = shipped_curriculum.sites[site].band
        plans = [Path(p).stem for p in nav_paths(teachers["nav"]) if f"lesson-plans/{band}/" in p]
        assert plans == ids, site
        html = (shipped_build / "site" / site / "index.html").read_text(encoding="utf-8")
        cards = re.findall(r'<a class="sp-tile" href="([^"]+)">.*?Lesson (\d+)<', html)
        assert [(Path(href).stem, int(n)) for href, n in cards] == \
            [(i, n) for n, i in enumerate(ids, 1)], site


def test_glossary_holds_every_term(shipped_build, shipped_curriculum) -> None:
    content = select_site(shipped_curriculum, shipped_curriculum.sites["children-8-10"])
    glossary = normalise((shipped_build / "site" / "children-8-10" / "glossary.html").read_text())
    for module in content.modules():
        for term in module.vocabulary:
            assert normalise(term) in glossary


def test_teachers_lesson_plans_have_timing_tables(shipped_build, shipped_curriculum) -> None:
    module = shipped_curriculum.modules["secrets-and-surprises"]
    html = (shipped_build / "site" / "teachers" / "lesson-plans" / "4-7" /
            "secrets-and-surprises.html").read_text(encoding="utf-8")
    assert "Timing" in html and f"<strong>{module.duration}</strong>" in html


def test_parents_site_shows_what_children_learn(shipped_build, shipped_curriculum) -> None:
    for band in ("4-7", "8-10", "11-13", "14-17"):
        html = (shipped_build / "site" / "parents" / "learning" / f"{band}.html").read_text()
        for module in shipped_curriculum.modules.values():
            if module.audience == "children" and band in module.age_bands:
                assert normalise(module.summary) in normalise(html)


class _Resources(HTMLParser):
    """Every URL a page would fetch by itself (not links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if values.get(name):
                self.fetched.append(values[name] or "")
        if tag == "link" and values.get("href"):
            self.fetched.append(values["href"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def authored_urls() -> set[str]:
    from signpost.render.pages import QUICK_EXIT_URL

    urls: set[str] = {QUICK_EXIT_URL}  # the quick exit's neutral page: a link, never loaded
    for path in (ROOT / "curriculum").rglob("*"):
        if path.suffix in (".md", ".yml"):
            urls |= set(re.findall(r"https://[^\s)\"'>]+", path.read_text(encoding="utf-8")))
    return urls


REMOTE = re.compile(r"^(?:https?:)?//", re.I)
TRACKERS = re.compile(r"google-analytics|googletagmanager|fonts\.googleapis|fonts\.gstatic|"
                      r"cdn\.jsdelivr|unpkg\.com|cdnjs|facebook\.net|doubleclick", re.I)


def test_no_built_asset_refers_to_another_host(shipped_build) -> None:
    allowed_links = authored_urls()
    for path in (shipped_build / "site").rglob("*"):
        if path.suffix == ".html":
            parser = _Resources()
            parser.feed(path.read_text(encoding="utf-8"))
            assert [u for u in parser.fetched if REMOTE.match(u)] == [], path
            external = [u for u in parser.links if REMOTE.match(u)]
            assert [u for u in external if u not in allowed_links] == [], path
        elif path.suffix == ".css":
            css = path.read_text(encoding="utf-8")
            assert not re.search(r"url\(\s*[\"']?(?:https?:)?//|@import", css), path
        elif path.suffix == ".js":
            assert not TRACKERS.search(path.read_text(encoding="utf-8")), path
        assert path.suffix != ".map", f"source maps are not shipped: {path}"


def test_offline_bundle_for_every_site(shipped_build) -> None:
    for site in ALL_SITES:
        assert (shipped_build / "site" / "downloads" / "offline" / f"{site}.zip").stat().st_size > 10_000


def test_failed_build_leaves_previous_build_untouched(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    first = run_signpost(root, "build", "--no-pdf", "--only", "children-4-7")
    assert first.returncode == 0, first.stderr
    before = snapshot(root / "build")
    module = next((root / "curriculum").glob("*/secrets-and-surprises.md"))
    module.write_text(module.read_text().replace("::: family", "::: famly"), encoding="utf-8")
    failed = run_signpost(root, "build", "--no-pdf")
    assert failed.returncode == 1
    assert "SP103" in failed.stderr and "left as it was" in failed.stderr
    assert snapshot(root / "build") == before
    assert not list(tmp_path.glob("project/.build-*"))


def test_build_refuses_unknown_region_and_site(project: Path) -> None:
    result = run_signpost(project, "build", "--region", "XX", "--no-pdf")
    assert result.returncode == 2 and "unknown region 'XX'" in result.stderr
    result = run_signpost(project, "build", "--only", "nope", "--no-pdf")
    assert result.returncode == 2 and "unknown site 'nope'" in result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_urls_in_help_are_https(shipped_build) -> None:
    for url in authored_urls():
        assert urlsplit(url).scheme == "https"


def test_site_url_in_base_config_gives_each_site_its_address(project: Path) -> None:
    base = project / "mkdocs.yml"
    base.write_text(base.read_text() + "\nsite_url: https://school.example/lessons/\n")
    result = run_signpost(project, "build", "--no-pdf", "--only", "children-4-7")
    assert result.returncode == 0, result.stderr
    site = project / "build" / "site" / "children-4-7"
    assert "https://school.example/lessons/children-4-7/" in (site / "sitemap.xml").read_text()
    assert 'href="/lessons/children-4-7/assets/' in (site / "404.html").read_text()


def test_every_list_item_in_the_sources_is_a_list_item_on_the_page(shipped_build,
                                                                   shipped_curriculum) -> None:
    """A list right after a line of text renders as a list (no blank line needed)."""
    from selectolax.lexbor import LexborHTMLParser

    from signpost.model import render_markdown_lines
    from signpost.render.markdown import LIST_ITEM

    def words(text: str) -> str:
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # a picture's alt is not its text
        text = re.sub(r"\{\{[^}]*\}\}|\]\([^)]*\)", " ", text)
        return " ".join(re.findall(r"\w+", text.lower()))

    site = shipped_curriculum.sites["teachers"]  # the site that shows every block
    checked = 0
    for page in select_site(shipped_curriculum, site).pages():
        html = (shipped_build / "site" / "teachers" / page.path).with_suffix(".html")
        parsed = LexborHTMLParser(html.read_text(encoding="utf-8"))
        items = [words(li.text()) for li in parsed.css("article li")]
        # Quiz blocks are questions and options, not Markdown lists (test_quiz_print.py).
        body = tuple(node for node in page.body if getattr(node, "kind", None) != "quiz")
        for line in "\n".join(render_markdown_lines(body)).split("\n"):
            if LIST_ITEM.match(line):
                item = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
                item = re.sub(r"^draw:\s*", "", item, flags=re.I)  # a worksheet's frame marker
                # up to 4 words, none after a region lookup (the page shows its value there)
                start = " ".join(words(item.split("{{")[0]).split()[:4])
                assert any(item.startswith(start) for item in items), (page.path, line)
                checked += 1
    assert checked > 300
