"""`build/site/index.html`: pick your site, download packs and guides."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Curriculum, Site

_environment = Environment(
    loader=PackageLoader("signpost", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def landing_page(
    curriculum: Curriculum, sites: list[Site], region: str, downloads: dict[str, list[tuple[str, str]]]
) -> str:
    """`downloads`: site id -> (label, path relative to build/site/) of its print files."""
    return _environment.get_template("landing.html").render(
        sites=sites,
        region=curriculum.regions[region],
        downloads=downloads,
    )


def write_landing(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # may be a hard link into the previous build
    path.write_text(html, encoding="utf-8")
