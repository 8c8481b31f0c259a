"""Issue 15, regions: every region file has the roles the reference data gives it, and the
entries the extended reference corrected stay corrected (in the files and on the built help
page)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_signpost

REGIONS = ROOT / "curriculum" / "regions"
COUNTRIES = ["AU", "CA", "GB", "IN", "LT", "PH", "PK", "US"]
# The roles the reference (helplines.yml, 2026-11-24) has a service for, per country. A
# country missing one here has none in the reference: sites fall back to worldwide services.
EXPECTED_ROLES = {
    "AU": {"emergency", "child-helpline", "adult-helpline", "crisis", "report-abuse"},
    "CA": {"emergency", "child-helpline", "adult-helpline", "crisis", "report-abuse",
           "image-removal"},
    "GB": {"emergency", "child-helpline", "adult-helpline", "crisis", "report-abuse",
           "image-removal"},
    "IN": {"emergency", "child-helpline", "crisis", "report-abuse"},
    "LT": {"emergency", "child-helpline", "crisis", "report-abuse"},
    "PH": {"emergency", "child-helpline", "crisis", "report-abuse"},
    "PK": {"emergency", "child-helpline", "crisis", "report-abuse"},
    "US": {"emergency", "adult-helpline", "crisis", "report-abuse", "image-removal"},
}


def region(code: str) -> dict:
    return yaml.safe_load((REGIONS / f"{code}.yml").read_text(encoding="utf-8"))


def channel(code: str, name_part: str) -> dict:
    found = [c for c in region(code)["channels"] if name_part in c["name"]]
    assert len(found) == 1, f"{code}: {len(found)} channels named like {name_part!r}"
    return found[0]


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_has_the_roles_the_reference_gives_it(code: str) -> None:
    data = region(code)
    roles = {c["role"] for c in data["channels"]}
    missing = EXPECTED_ROLES[code] - roles
    assert not missing, f"{code} lacks {sorted(missing)}"
    emergency = [c for c in data["channels"] if c["role"] == "emergency"]
    assert any(c.get("phone") == data["emergency"] for c in emergency)


@pytest.mark.parametrize("code", [*COUNTRIES, "global"])
def test_every_channel_says_whom_it_serves_and_where_it_was_checked(code: str) -> None:
    for entry in region(code)["channels"]:
        assert entry["serves"] and entry["role"] and entry["source"] and entry["checked"]
        assert entry.get("status", "verified") in ("verified", "secondary")
        if entry.get("status") == "secondary":
            assert entry.get("note"), f"{code} / {entry['name']}: say what is secondary"


def test_report_remove_points_at_childline_not_the_iwf_page() -> None:
    entry = channel("GB", "Report Remove")
    assert entry["url"].startswith("https://www.childline.org.uk/")
    assert entry["status"] == "secondary", "the exact address is from public code only"


def test_india_1098_is_the_child_helpline_linked_to_112() -> None:
    entry = channel("IN", "1098")
    assert entry["role"] == "child-helpline" and entry["phone"] == "1098"
    assert "Childline India" not in entry["name"]
    assert "112" in entry["for"]


def test_pakistan_reports_go_to_the_nccia_not_the_fia_wing() -> None:
    entry = channel("PK", "NCCIA")
    assert entry["phone"] == "1799"
    assert "April 2025" in entry["for"]
    phones = {c.get("phone") for c in region("PK")["channels"]}
    assert "1991" not in phones, "the old FIA cybercrime number is out of date"


def test_lithuania_child_line_gives_its_ages_and_is_not_shown_as_always_open() -> None:
    entry = channel("LT", "Vaikų linija")
    assert entry["serves"]["children"] == "up to 18"
    assert "not open around the clock" in entry["for"]
    assert "11:00 to 21:00" in entry["for"]
    assert "24" not in entry["for"]


def text_of(page: Path) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"),
                    flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.mark.slow
def test_lithuania_help_page_shows_the_hours_and_the_secondary_status(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    result = run_signpost(root, "build", "--no-pdf", "--region", "LT",
                          "--only", "children-11-13")
    assert result.returncode == 0, result.stdout + result.stderr
    words = text_of(root / "build" / "site" / "children-11-13" / "get-help.html")
    assert "Vaikų linija" in words
    assert "from 11:00 to 21:00" in words
    assert "Only a secondary source confirms this entry (the service and its chat" in words
