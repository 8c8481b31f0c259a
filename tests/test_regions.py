"""Every shipped region renders into every site, with its sources and checked dates shown."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from signpost.i18n import _, language
from signpost.regions import help_channels, markdown_text
from signpost.render.pages import docs_tree
from signpost.select import select_site

REGIONS = sorted(path.stem for path in (ROOT / "curriculum" / "regions").glob("*.yml")
                 if "." not in path.stem)  # not a region's translation


def test_the_issue_regions_are_shipped() -> None:
    assert {"global", "GB", "US", "AU", "CA", "IN", "PH", "PK", "LT"} <= set(REGIONS)


@pytest.mark.parametrize("region", REGIONS)
def test_every_site_renders_for_every_region(shipped_curriculum, region: str) -> None:
    data = yaml.safe_load((ROOT / "curriculum" / "regions" / f"{region}.yml").read_text())
    by_name = {channel["name"]: channel for channel in data["channels"]}
    shown: set[str] = set()
    for site in shipped_curriculum.sites.values():
        tree = docs_tree(shipped_curriculum, select_site(shipped_curriculum, site), region)
        help_page = tree.pages["get-help.md"]
        own, _worldwide = help_channels(shipped_curriculum, region, site, urgent=True)
        for listed in own:  # each channel that fits the site, with its source and date
            channel = by_name[listed.name]  # region text is escaped as Markdown text
            assert markdown_text(channel["name"]) in help_page
            source = markdown_text(channel["source"])
            with language(site.language):  # a translated site says it in its language
                checked = _("Checked on {day} against {source}.").format(
                    day=channel["checked"], source=source)
                secondary = _("Only a secondary source confirms this entry ({note}).").format(
                    note=markdown_text(channel.get("note") or "")).split("(")[0]
            assert checked in help_page
            if channel.get("status") == "secondary":
                assert secondary in help_page
            shown.add(listed.name)
        for path, markdown in tree.pages.items():
            assert "{{" not in markdown, f"{site.id}/{path}: unfilled region variable"
    assert shown == set(by_name), f"no site lists {sorted(set(by_name) - shown)}"


def test_every_channel_has_a_source_and_checked_date() -> None:
    for region in REGIONS:
        data = yaml.safe_load((ROOT / "curriculum" / "regions" / f"{region}.yml").read_text())
        for channel in data["channels"]:
            assert channel.get("source") and channel.get("checked"), (region, channel["name"])
            assert channel.get("status") in ("verified", "secondary")
