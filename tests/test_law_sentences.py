"""Issue 15, fix 6: lessons say what the law is through `{{ region.law.* }}`, so a GB site says
plainly that a realistic AI-made sexual picture of an under-18 is already illegal, and every
other region's site keeps the careful "in many countries" wording, never "the UK"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_signpost

LESSONS = ["deepfakes/deepfakes-and-nudify-apps", "images-and-consent/nudes-pressure-and-consent"]


def page_text(site: Path, lesson: str) -> str:
    built = (site / f"{lesson}.html").read_text(encoding="utf-8")
    article = built[built.index("<article"):built.index("</article>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


@pytest.fixture(scope="module")
def teens_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = copy_project(tmp_path_factory.mktemp("law"))
    sites = {}
    for region in ("GB", "US"):
        result = run_signpost(root, "build", "--no-pdf", "--region", region,
                              "--only", "teens-14-17")
        assert result.returncode == 0, result.stdout + result.stderr
        target = tmp_path_factory.mktemp(f"teens-{region}")
        (root / "build" / "site" / "teens-14-17").rename(target / "site")
        sites[region] = target / "site"
    return sites


def law(code: str) -> dict[str, str]:
    path = ROOT / "curriculum" / "regions" / f"{code}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("law", {})


def test_gb_says_ai_made_pictures_of_under_18s_are_already_illegal(teens_sites) -> None:
    text = page_text(teens_sites["GB"], LESSONS[0])
    assert law("GB")["ai_images"] in text
    assert "already a crime" in text
    assert "are changing" not in text.split("What the law says")[1].split("Key points")[0]


def test_other_regions_keep_the_careful_wording_and_never_name_the_uk(teens_sites) -> None:
    for lesson in LESSONS:
        text = page_text(teens_sites["US"], lesson)
        assert law("global")["under_18_images"] in text
        assert "the UK" not in text and "United Kingdom" not in text, lesson
        assert "Report Remove" not in text, lesson


def test_only_checked_regions_word_the_law_themselves() -> None:
    """A region words its law only if someone checked it; the rest inherit global.yml."""
    assert set(law("global")) == {"under_18_images", "ai_images"}
    worded = {path.stem for path in (ROOT / "curriculum" / "regions").glob("*.yml")
              if "." not in path.stem and law(path.stem)}  # not a translation (PK.ur.yml)
    assert worded == {"GB", "global"}


def test_no_lesson_writes_a_countrys_law_by_hand() -> None:
    for path in (ROOT / "curriculum").glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"including the UK|in the UK,? it is (illegal|against)", text), path
