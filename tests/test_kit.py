"""Cards and worksheets (kit.py): on the built sites, in the real learner pack and guide PDFs,
rejected by `check` with path:line when they cannot print or teach well, and gated whatever
they hold.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, run_signpost
from signpost.htmlcheck import article_findings
from signpost.pipeline import load_and_check
from test_check import GOOD
from test_fuzz import HOSTILE, SAFE, time_limit

SITE = "children-8-10"
MODULE = "trusted-adults/kit-lesson.md"
PAGE = "trusted-adults/kit-lesson.html"
# Words only gated blocks inside the card set and the worksheet hold.
SECRET_ANSWER = "Wombat clarinet answer: cards one and three are green flags."
SECRET_NOTE = "Narwhal accordion note: hand out the worksheet after the sort."
CARDS = ["Says well done on your drawing.", "Asks you to keep a secret from your mum.",
         "Listens when you say no.", "Sends you game money and says you owe them."]
PROMPTS = ["Who could you tell at home?", "Who could you tell at school?"]
DRAW = "Draw a grown-up you trust."
KIT = f"""
::: cards "Green flag or red flag?"
Cut out the cards. Sort them into two piles.

1. {CARDS[0]}
2. {CARDS[1]}
3. ![A thumbs up](../pictures/thumbs-up.svg) {CARDS[2]}
4. {CARDS[3]}

::: answers
{SECRET_ANSWER}
:::
:::

::: worksheet "My trusted adults"
Write or draw your answers.

- {PROMPTS[0]}
- {PROMPTS[1]}
- draw: {DRAW}

::: facilitator
{SECRET_NOTE}
:::
:::
"""


def small_project(root: Path) -> Path:
    """Topics, regions, the shared pictures, three sites and the base config."""
    (root / "curriculum" / "trusted-adults").mkdir(parents=True)
    shutil.copy2(ROOT / "curriculum" / "topics.yml", root / "curriculum" / "topics.yml")
    shutil.copytree(ROOT / "curriculum" / "regions", root / "curriculum" / "regions")
    shutil.copytree(ROOT / "curriculum" / "pictures", root / "curriculum" / "pictures")
    (root / "audiences").mkdir()
    for site in (SITE, "parents", "teachers"):
        shutil.copy2(ROOT / "audiences" / f"{site}.yml", root / "audiences" / f"{site}.yml")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def kit_module(kit: str = KIT) -> str:
    text = GOOD.format(id="kit-lesson")
    marker = "::: discussion"
    return text.replace(marker, kit.strip("\n") + "\n\n" + marker, 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kit lesson built for GB with PDFs: the 8-10 site, its pack, the guides; build/."""
    root = small_project(tmp_path_factory.mktemp("kit"))
    (root / "curriculum" / MODULE).write_text(kit_module(), encoding="utf-8")
    result = run_signpost(root, "build", "--region", "GB", "--only", SITE, "--only", "teachers")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build"


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def learner_files(build: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in (build / "site" / SITE).rglob("*")
                     if p.suffix in (".html", ".json", ".xml"))


def test_the_learner_page_shows_cards_as_a_grid_and_the_worksheet_with_room(built: Path) -> None:
    html = (built / "site" / SITE / PAGE).read_text(encoding="utf-8")
    page = LexborHTMLParser(html)
    cards = page.css(".sp-cards > ol > li")
    assert [re.sub(r"\s+", " ", c.text()).strip() for c in cards] == CARDS
    picture = page.css_first(".sp-cards img")
    assert picture.attributes["alt"] == "A thumbs up"
    assert (built / "site" / SITE / "trusted-adults" /
            picture.attributes["src"]).resolve().is_file()
    assert [p.text().strip() for p in page.css(".sp-worksheet p.sp-write")] == PROMPTS
    assert [p.text().strip() for p in page.css(".sp-worksheet p.sp-draw")] == [DRAW]
    assert article_findings(html) == []


def test_gated_notes_inside_cards_and_worksheets_reach_no_learner_output(built: Path) -> None:
    output = learner_files(built)
    assert CARDS[1] in output
    for secret in (SECRET_ANSWER, SECRET_NOTE):
        assert secret.split(":")[0] not in output
    search = json.loads((built / "site" / SITE / "search" / "search_index.json").read_text())
    assert any(CARDS[0] in doc["text"] for doc in search["docs"])
    pack = " ".join(pdf_pages(built / "site" / "downloads" / "packs" / f"{SITE}.pdf"))
    for secret in (SECRET_ANSWER, SECRET_NOTE):
        assert secret.split(":")[0] not in pack


def test_the_pack_prints_cut_out_cards_and_a_worksheet_on_a_page_of_its_own(built: Path) -> None:
    pages = pdf_pages(built / "site" / "downloads" / "packs" / f"{SITE}.pdf")
    flat = [re.sub(r"\s+", " ", page) for page in pages]
    card_pages = [i for i, text in enumerate(flat) if "Cut along the dashed lines: 4 cards" in text]
    assert len(card_pages) == 1
    cards_text = " ".join(flat[card_pages[0]:card_pages[0] + 2])
    for card in CARDS:
        assert card in cards_text
    sheet = [i for i, text in enumerate(flat) if "Worksheet: My trusted adults" in text]
    assert len(sheet) == 1, "the worksheet is printed once, whole, on one page"
    text = flat[sheet[0]]
    assert text.lstrip().startswith("Name:"), "a worksheet starts its own page"
    for prompt in [*PROMPTS, DRAW]:
        assert prompt in text, f"{prompt!r} is not on the worksheet's page"
    assert "Activity:" not in text and "Let's talk" not in text, "the sheet shares its page"
    assert "Write or draw your answers." in text


def test_the_guide_lists_the_materials_and_shows_the_notes(built: Path) -> None:
    guide = re.sub(r"\s+", " ", " ".join(pdf_pages(built / "site" / "downloads" / "guides" /
                                                   "8-10.pdf")))
    assert "Cards: Green flag or red flag? (4 cards to cut out, in the learner pack)" in guide
    assert "Worksheet: My trusted adults (one for each learner, in the learner pack)" in guide
    assert SECRET_ANSWER.split(":")[0] in guide and SECRET_NOTE.split(":")[0] in guide
    plan = (built / "site" / "teachers" / "lesson-plans" / "8-10" / "kit-lesson.html")
    html = plan.read_text(encoding="utf-8")
    assert "Scissors, or the cards cut out before the lesson" in html
    assert SECRET_ANSWER.split(":")[0] in html


BAD_KIT = """
::: cards
:::

::: cards "Too few"
- Only one card.
:::

::: cards "Problems"
- A card with far too many words on it for anyone aged eight to read at a glance.
- ![A](../pictures/happy-face.svg) ![B](../pictures/worried-face.svg) Two pictures.
- ![Words](../pictures/notes.txt) Not a picture.
- ![](../pictures/missing.svg) No alt, no file.
- ## A heading

::: activity "Inside"
Not here.
:::
:::

::: worksheet "Too long"
- draw: One.
- draw: Two.
- draw: Three.
:::

::: worksheet "Empty"
Only instructions.
:::
"""


def test_check_rejects_bad_cards_and_worksheets_at_their_lines(tmp_path: Path) -> None:
    root = small_project(tmp_path / "project")
    (root / "curriculum" / "pictures" / "notes.txt").write_text("x", encoding="utf-8")
    path = root / "curriculum" / MODULE
    path.write_text(kit_module(BAD_KIT), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()

    def line(text: str, after: int = 0) -> int:
        return next(i for i, ln in enumerate(lines, 1) if i > after and ln.startswith(text))

    result = run_signpost(root, "check")
    assert result.returncode == 1
    found = set(re.findall(r"^curriculum/trusted-adults/kit-lesson\.md:(\d+): (SP\d+) ",
                           result.stdout, re.M))
    untitled = line("::: cards")
    expected = {
        (untitled, "SP426"), (untitled, "SP420"),
        (line('::: cards "Too few"'), "SP421"),
        (line("- A card with far"), "SP422"),
        (line("- ![A]"), "SP423"),
        (line("- ![Words]"), "SP423"),
        (line("- ![](../pictures/missing"), "SP202"), (line("- ![](../pictures/missing"), "SP203"),
        (line("- ## A heading"), "SP424"),
        (line('::: activity "Inside"'), "SP425"),
        (line('::: worksheet "Too long"'), "SP421"),
        (line('::: worksheet "Empty"'), "SP420"),
    }
    assert expected <= {(int(n), code) for n, code in found}, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


# --- generated card sets and worksheets -----------------------------------------------------

KIT_LINES = [
    "- a card", "1. a card", "- draw: a frame", "draw: a frame", "- ![A face](../pictures/happy-face.svg) Hi",
    "- ![](x.svg)", "- ![a](https://evil.example/x.png) hi", "  - nested", "## Heading",
    "::: answers", "::: facilitator", "::: safeguarding", ":::", "::: activity", "::: cards",
    "::: worksheet", "- <script>alert(1)</script>", "- [x](javascript:alert(1))",
    "- { .sp-draw onclick=alert(1) }", "    { .sp-write }", "-", "- " + "word " * 30,
]
VALID = ["- A short card.", "- Who could you tell?", "- draw: Draw a friend.", "Cut them out."]
GATED_SECRET = "Okapi xylophone gated line"


@st.composite
def kit_block(draw) -> str:
    kind = draw(st.sampled_from(["cards", "worksheet"]))
    title = draw(st.sampled_from(['"A title"'] * 6 + ["", '"<b>x</b>"', '"{{ region.emergency }}"']))
    choices = KIT_LINES + HOSTILE + SAFE + VALID * 40
    lines = draw(st.lists(st.sampled_from(choices), min_size=3, max_size=10))
    gated = draw(st.sampled_from(["answers", "facilitator", "safeguarding"]))
    where = draw(st.integers(min_value=0, max_value=len(lines)))
    lines[where:where] = [f"::: {gated}", GATED_SECRET, ":::"]
    return f"::: {kind} {title}\n" + "\n".join(lines) + "\n:::\n"


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_project(tmp_path_factory.mktemp("kitfuzz"))


PASSED: list[int] = []


@settings(max_examples=120, deadline=None, derandomize=True,  # the same examples every run,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(blocks=st.lists(kit_block(), min_size=1, max_size=3))  # so PASSED below is stable
def test_no_generated_kit_crashes_check_or_leaks_gated_text(fuzz_project: Path, blocks) -> None:
    """`check` returns path:line problems for any card set or worksheet; when it passes,
    the learner site's pages and the learner pack (the HTML it prints) hold no gated line."""
    from signpost.print.documents import PrintSettings, learner_pack
    from signpost.render.pages import docs_tree
    from signpost.select import select_site

    (fuzz_project / "curriculum" / MODULE).write_text(kit_module("\n".join(blocks)),
                                                      encoding="utf-8")
    with time_limit(20):
        curriculum, report = load_and_check(fuzz_project, advisory=False)
    for item in report.items:
        assert item.line >= 1 and re.fullmatch(r"SP\d{3}", item.code) and "\n" not in item.format()
    if report.errors:
        return
    PASSED.append(1)
    site = curriculum.sites[SITE]
    tree = docs_tree(curriculum, select_site(curriculum, site), "GB")
    assert GATED_SECRET not in "\n".join(tree.pages.values())
    pack = learner_pack(curriculum, site, PrintSettings("GB", "a4"))
    assert GATED_SECRET not in pack.html
    teachers = docs_tree(curriculum, select_site(curriculum, curriculum.sites["teachers"]), "GB")
    assert GATED_SECRET in "\n".join(teachers.pages.values()), "the teachers' plan keeps it"


def test_the_kit_property_saw_modules_that_pass_check() -> None:
    """The gating property above is only worth something if some generated kits passed."""
    assert len(PASSED) >= 10, PASSED
    print(f"{len(PASSED)} generated lessons with kits passed check")


def test_the_pack_gives_a_frame_to_draw_in_real_room(built: Path) -> None:
    """Laid out by WeasyPrint from the HTML the pack is printed from: a lone frame to draw
    in takes a good part of its page (the guides' small frames never reach a pack)."""
    import weasyprint

    html = built / "print" / "packs" / f"{SITE}.html"
    document = weasyprint.HTML(filename=str(html)).render()
    heights: list[float] = []

    def walk(box) -> None:
        element = getattr(box, "element", None)
        if element is not None and "draw-frame" in (element.get("class") or ""):
            heights.append(box.height * 25.4 / 96)  # CSS px to mm
        for child in getattr(box, "children", None) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    assert heights and min(heights) >= 60, heights
