"""`build/site/index.html`: pick your site, download packs and guides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Curriculum, Site

PRINT_PAGE = "print-and-share.html"  # each site's page of its downloads

environment = Environment(
    loader=PackageLoader("signpost", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def landing_page(
    curriculum: Curriculum, sites: list[Site], region: str, downloads: dict[str, list[Any]],
    print_pages: set[str] | None = None, pictures: dict[str, str] | None = None,
) -> str:
    """`downloads`: site id -> its downloads (each with `label`, `href` relative to
    build/site/ and `size`); `print_pages`: the sites that have a "Print and share" page;
    `pictures`: site id -> a picture of that site (relative to build/site/), decorative."""
    return environment.get_template("landing.html").render(
        sites=sites,
        region=curriculum.regions[region],
        downloads=downloads,
        print_pages=print_pages or set(),
        print_page=PRINT_PAGE,
        pictures=pictures or {},
    )


def write_landing(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # may be a hard link into the previous build
    path.write_text(html, encoding="utf-8")
