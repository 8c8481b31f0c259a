"""The README's "Adding a site" and "Adding a country" steps, followed on a copy of the project."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_signpost

NZ_CHANNEL = """\
  - name: Youthline
    role: child-helpline
    for: Free support for young people, by phone, text or web chat.
    phone: "0800 376 633"
    url: https://www.youthline.co.nz/
    serves: {children: under 25}
    source: youthline.co.nz
    checked: 2026-11-20
    status: verified
"""


def test_adding_a_site_as_the_readme_says(project: Path) -> None:
    # 1. Copy the file closest to what you want.
    text = (project / "audiences" / "children-8-10.yml").read_text(encoding="utf-8")
    # 2. Set its id to the file name, and change its title.
    text = text.replace("id: children-8-10", "id: youth-club-8-10")
    text = re.sub(r"^title: .*$", "title: Youth club, ages 8 to 10", text, flags=re.M)
    (project / "audiences" / "youth-club-8-10.yml").write_text(text, encoding="utf-8")
    # 3. check, then build.
    check = run_signpost(project, "check")
    assert check.returncode == 0 and check.stdout == "", check.stdout
    build = run_signpost(project, "build", "--no-pdf")
    assert build.returncode == 0, build.stderr
    site = project / "build" / "site" / "youth-club-8-10"
    assert "Youth club, ages 8 to 10" in (site / "index.html").read_text(encoding="utf-8")
    landing = (project / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="youth-club-8-10/index.html"' in landing


def test_adding_a_country_as_the_readme_says(project: Path) -> None:
    regions = project / "curriculum" / "regions"
    # 1. Copy global.yml to NZ.yml.  2. Set code, name, emergency and the channels.
    text = (regions / "global.yml").read_text(encoding="utf-8")
    text = text.replace("code: global", "code: NZ").replace("name: Any country",
                                                             "name: New Zealand")
    text = text.replace("emergency: your local emergency number", 'emergency: "111"')
    text = text[: text.index("channels:\n") + len("channels:\n")] + NZ_CHANNEL
    (regions / "NZ.yml").write_text(text, encoding="utf-8")
    # 3. check, then build for the new region.
    check = run_signpost(project, "check")
    assert check.returncode == 0 and check.stdout == "", check.stdout
    build = run_signpost(project, "build", "--region", "NZ", "--no-pdf")
    assert build.returncode == 0, build.stderr
    for site in ("children-8-10", "parents", "teachers"):
        help_page = (project / "build" / "site" / site / "get-help.html").read_text("utf-8")
        assert "In New Zealand" in help_page and "Youthline" in help_page
        assert 'call <a href="tel:111">111</a>' in help_page  # a number to tap
        # worldwide services for needs the country has none for, where they fit the readers
        assert ("Take It Down" in help_page) == (site != "children-8-10")
