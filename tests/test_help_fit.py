"""Help that fits the reader: each site lists only the help for its readers, in every region.

A 4-7 site never lists a nude-image removal service; teenagers get image removal; parents
and teachers get the adult lines; crisis lines come with pages about threats; and a
`{{ region.x }}` variable never names a number that does not work in the region.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from signpost.checks import regions as region_checks
from signpost.diagnostics import Report
from signpost.loader import load_region
from signpost.model import Channel, Curriculum
from signpost.regions import GLOBAL, help_channels, markdown_text, region_variables
from signpost.render.pages import docs_tree
from signpost.select import select_site

REGIONS = sorted(path.stem for path in (ROOT / "curriculum" / "regions").glob("*.yml")
                 if "." not in path.stem)  # not a region's translation
NATIONAL = [code for code in REGIONS if code != GLOBAL]
LEARNER_SITES = ("children-4-7", "children-8-10", "children-11-13", "teens-14-17")
HELP_BOX = re.compile(r'!!! sp-help "Where to get help"\n\n((?:    .*\n|\n)*)')


def everything(curriculum: Curriculum, code: str) -> list[Channel]:
    """The region's channels and the global file's."""
    channels = list(curriculum.regions[code].channels)
    if code != GLOBAL:
        channels += curriculum.regions[GLOBAL].channels
    return channels


def marks(channel: Channel) -> list[str]:
    """What would show that a page lists `channel`: its name, and its web address."""
    found = [markdown_text(channel.name)]
    if channel.url:
        found.append(channel.url)
    return found


@pytest.fixture(scope="module")
def trees(shipped_curriculum):
    """(region, site id) -> the site's docs tree, built once for this module."""
    cache: dict[tuple[str, str], object] = {}

    def tree(code: str, site_id: str):
        if (code, site_id) not in cache:
            site = shipped_curriculum.sites[site_id]
            cache[(code, site_id)] = docs_tree(shipped_curriculum,
                                               select_site(shipped_curriculum, site), code)
        return cache[(code, site_id)]

    return tree


@pytest.mark.parametrize("region", REGIONS)
def test_the_4_7_site_never_lists_an_image_removal_service(shipped_curriculum, trees,
                                                           region: str) -> None:
    removal = [c for c in everything(shipped_curriculum, region) if c.role == "image-removal"]
    assert removal, "every region has an image-removal service, or the global one"
    tree = trees(region, "children-4-7")
    boxes = [box for page in tree.pages.values() for box in HELP_BOX.findall(page)]
    assert boxes, "4-7 lessons end with a help box"
    for channel in removal:
        for mark in marks(channel):
            assert mark not in tree.pages["get-help.md"], (region, channel.name)
            for box in boxes:
                assert mark not in box, (region, channel.name)
    # what it does list: a child helpline or the emergency number, for young children
    own, worldwide = help_channels(shipped_curriculum, region, "learner", "4-7", urgent=True)
    assert {c.role for c in own + worldwide} <= {"child-helpline", "emergency"}
    assert any(c.role == "child-helpline" for c in own + worldwide)


@pytest.mark.parametrize("region", REGIONS)
def test_children_sites_list_only_services_for_their_ages(shipped_curriculum, region: str) -> None:
    ages = {"4-7": (4, 7), "8-10": (8, 10), "11-13": (11, 13), "14-17": (14, 17)}
    for site_id in LEARNER_SITES:
        site = shipped_curriculum.sites[site_id]
        for urgent in (False, True):
            own, worldwide = help_channels(shipped_curriculum, region, site, urgent=urgent)
            for channel in own + worldwide:
                assert channel.serves_ages(*ages[site.band]), (region, site_id, channel.name)
                assert channel.role != "police-non-emergency"
                if site.band in ("4-7", "8-10"):
                    assert channel.role not in ("image-removal", "crisis"), (site_id, channel)
                if not urgent:
                    assert channel.role != "crisis", (region, site_id, channel.name)


@pytest.mark.parametrize("region", REGIONS)
def test_the_teens_site_lists_image_removal_where_the_region_has_it(shipped_curriculum, trees,
                                                                    region: str) -> None:
    for_teens = [c for c in everything(shipped_curriculum, region)
                 if c.role == "image-removal" and c.serves_ages(14, 17)]
    help_page = trees(region, "teens-14-17").pages["get-help.md"]
    if for_teens:
        assert any(markdown_text(c.name) in help_page for c in for_teens), region
    own = [c for c in shipped_curriculum.regions[region].channels
           if c.role == "image-removal" and c.serves_ages(14, 17)]
    for channel in own:  # the country's own services, all of them
        assert markdown_text(channel.name) in help_page, (region, channel.name)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(("site_id", "group"), [("parents", "parents"),
                                                ("teachers", "professionals")])
def test_parents_and_teachers_get_the_adult_lines(shipped_curriculum, trees, region: str,
                                                  site_id: str, group: str) -> None:
    help_page = trees(region, site_id).pages["get-help.md"]
    adult_lines = [c for c in shipped_curriculum.regions[region].channels
                   if c.role in ("adult-helpline", "police-non-emergency", "emergency")
                   and c.serves_adults(group)]
    for channel in adult_lines:
        assert markdown_text(channel.name) in help_page, (region, site_id, channel.name)
    # and the box at the end of their pages starts with a line for adults where there is one
    own, worldwide = help_channels(shipped_curriculum, region, site_id)
    listed = own or worldwide
    if any(c.serves_adults(group) for c in listed):
        assert listed[0].serves_adults(group), (region, site_id, listed[0].name)


def test_gb_sites_list_what_the_ux_review_asked_for(shipped_curriculum, trees) -> None:
    small = trees("GB", "children-4-7").pages["get-help.md"]
    assert "Childline" in small and markdown_text("Emergency services (999)") in small
    for absent in ("Report Remove", "Take It Down", "Revenge Porn", "NSPCC", "116 111",
                   "Samaritans"):
        assert markdown_text(absent) not in small, absent
    teens = trees("GB", "teens-14-17").pages["get-help.md"]
    for present in ("Childline", "Report Remove", "CEOP", "Samaritans"):
        assert present in teens, present
    assert "Revenge Porn" not in teens and "NSPCC Helpline" not in teens  # for adults
    parents = trees("GB", "parents").pages["get-help.md"]
    for present in ("NSPCC Helpline", "Police non-emergency (101)", "CEOP", "Report Remove"):
        assert markdown_text(present) in parents, present
    assert "116 111" not in parents and markdown_text("116 111") not in parents


def test_crisis_lines_come_with_pages_about_threats(shipped_curriculum, trees) -> None:
    urgent = {t.id for t in shipped_curriculum.topics if t.urgent_help}
    assert urgent, "topics.yml flags the topics that need urgent help"
    tree = trees("GB", "teens-14-17")
    content = select_site(shipped_curriculum, shipped_curriculum.sites["teens-14-17"])
    for page in content.pages():
        own, _ = help_channels(shipped_curriculum, "GB", "learner", "14-17",
                               urgent=page.module.topic in urgent)
        has_crisis = any(c.role == "crisis" for c in own)
        assert has_crisis == (page.module.topic in urgent), page.module.id
        box = HELP_BOX.findall(tree.pages[page.path])
        assert box, page.path
        assert markdown_text(own[0].name) in box[0], page.path  # the box lists them first
    assert "Samaritans" in tree.pages["get-help.md"]


@pytest.mark.parametrize("region", ["GB", "US", "AU"])
def test_variables_never_name_an_eu_number_outside_the_eu(shipped_curriculum,
                                                          region: str) -> None:
    values = region_variables(shipped_curriculum, region)["region"]
    for key, value in values.items():
        if isinstance(value, dict):
            assert value.get("phone") != "116 111", (region, key)
            assert "European Union" not in value.get("purpose", ""), (region, key)


@pytest.mark.parametrize("region", NATIONAL)
def test_variables_take_only_worldwide_services_from_the_global_file(shipped_curriculum,
                                                                     region: str) -> None:
    own = {(c.name, c.url) for c in shipped_curriculum.regions[region].channels}
    values = region_variables(shipped_curriculum, region)["region"]
    for key, value in values.items():
        if not isinstance(value, dict) or key == "law":  # law: sentences, not a service
            continue
        role = key.replace("_", "-")
        if (value["name"], value.get("url")) not in own:  # borrowed from global.yml
            assert "phone" not in value and "text" not in value, (region, key)
            assert role in ("child-helpline", "image-removal", "report-abuse"), (region, key)
            assert not any(c.role == role for c in shipped_curriculum.regions[region].channels)
    # what modules use resolves everywhere, to a service for children
    assert values["image_removal"]["name"]
    assert values["emergency"] == shipped_curriculum.regions[region].emergency


def test_image_removal_variable_names_the_service_for_under_18s(shipped_curriculum) -> None:
    values = region_variables(shipped_curriculum, "GB")["region"]
    assert values["image_removal"]["name"].startswith("Report Remove")  # not the adults' line
    assert values["adult_helpline"]["name"] == "NSPCC Helpline"
    assert values["police_non_emergency"]["phone"] == "101"
    us = region_variables(shipped_curriculum, "US")["region"]
    assert us["child_helpline"]["name"] == "Child Helpline International"  # no EU number


def test_every_shipped_channel_serves_someone_with_a_role(shipped_curriculum) -> None:
    for region in shipped_curriculum.regions.values():
        for channel in region.channels:
            assert channel.role, (region.code, channel.name)
            assert channel.child_ages is not None or channel.adults, (region.code, channel.name)
            assert channel.ages == (channel.ages and channel.ages.strip())


# --- SP311 -----------------------------------------------------------------------------


def check_regions(curriculum: Curriculum) -> Report:
    report = Report(ROOT)
    region_checks.check(curriculum, report, date(2026, 11, 24))
    return report


def test_the_shipped_regions_fit_every_site(shipped_curriculum) -> None:
    report = check_regions(shipped_curriculum)
    assert [d for d in report.errors if d.code == "SP311"] == []


def test_a_region_with_nothing_for_young_children_is_sp311_at_its_channels(
        shipped_curriculum) -> None:
    curriculum = copy.deepcopy(shipped_curriculum)
    gb = curriculum.regions["GB"]
    gb.channels = [c for c in gb.channels if c.role not in ("child-helpline", "emergency")]
    del curriculum.regions[GLOBAL]  # nothing to fall back on either
    report = check_regions(curriculum)
    found = [d for d in report.errors if d.code == "SP311"]
    assert {d.path for d in found} == {"curriculum/regions/GB.yml"}
    assert all(d.line == gb.lines.of("channels") for d in found)
    messages = " ".join(d.message for d in found)
    for site in LEARNER_SITES:
        assert f"the {site} site" in messages
    assert "ages 4 to 7" in messages


def test_a_region_with_no_adult_line_is_sp311_for_parents(shipped_curriculum) -> None:
    curriculum = copy.deepcopy(shipped_curriculum)
    au = curriculum.regions["AU"]
    au.channels = [c for c in au.channels if not c.adults]
    del curriculum.regions[GLOBAL]
    found = [d for d in check_regions(curriculum).errors if d.code == "SP311"]
    assert any("the parents site" in d.message for d in found)
    assert any("the teachers site" in d.message for d in found)
    assert not any("children-4-7" in d.message for d in found)  # Kids Helpline is 5 to 25


# --- the file format --------------------------------------------------------------------

REGION = """\
code: ZZ
name: Testland
emergency: "112"
channels:
  - name: A helpline
    role: child-helpline
    for: Help.
    phone: "0800 000"
    serves: SERVES
    source: example.org
    checked: 2026-11-24
"""


@pytest.mark.parametrize(("serves", "code", "words"), [
    ("{children: toddlers}", "SP011", "ages like"),
    ("{children: 19 to 5}", "SP011", "ages like"),
    ("{adults: [teachers]}", "SP011", "use one of anyone, parents, professionals"),
    ("{}", "SP010", "'serves' needs"),
    ("{kids: under 19}", "SP012", "unknown field 'kids'"),
])
def test_a_bad_serves_is_reported_at_its_line(tmp_path: Path, serves: str, code: str,
                                              words: str) -> None:
    path = tmp_path / "ZZ.yml"
    path.write_text(REGION.replace("SERVES", serves), encoding="utf-8")
    report = Report(tmp_path)
    assert load_region(path, report) is None
    found = [(d.line, d.code) for d in report.errors]
    assert (9, code) in found, report.errors
    assert any(words in d.message for d in report.errors), report.errors


def test_serves_and_role_are_required(tmp_path: Path) -> None:
    path = tmp_path / "ZZ.yml"
    path.write_text(REGION.replace("    serves: SERVES\n", "").replace(
        "    role: child-helpline\n", ""), encoding="utf-8")
    report = Report(tmp_path)
    assert load_region(path, report) is None
    messages = " ".join(d.message for d in report.errors)
    assert "'serves'" in messages and "'role'" in messages


@pytest.mark.parametrize(("serves", "ages", "adults"), [
    ("{children: under 19}", (0, 18), ()),
    ("{children: 5 to 25}", (5, 25), ()),
    ("{children: up to 35, adults: [anyone]}", (0, 35), ("anyone",)),
    ("{children: 13 and over (with a note)}", (13, 120), ()),
    ("{children: all ages, adults: parents}", (0, 120), ("parents",)),
    ("{adults: [parents, professionals]}", None, ("parents", "professionals")),
])
def test_serves_is_read(tmp_path: Path, serves: str, ages, adults) -> None:
    path = tmp_path / "ZZ.yml"
    path.write_text(REGION.replace("SERVES", serves), encoding="utf-8")
    report = Report(tmp_path)
    region = load_region(path, report)
    assert region is not None, report.errors
    channel = region.channels[0]
    assert channel.child_ages == ages and channel.adults == adults


def test_ages_is_now_serves(tmp_path: Path) -> None:
    path = tmp_path / "ZZ.yml"
    path.write_text(REGION.replace("    serves: SERVES\n", "    serves: {children: under 19}\n"
                                   "    ages: under 19\n"), encoding="utf-8")
    report = Report(tmp_path)
    assert load_region(path, report) is None
    assert any("did you mean 'serves'" in d.message for d in report.errors), report.errors
