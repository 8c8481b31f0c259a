"""`build/site/index.html`: pick your site, download packs and guides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..i18n import SOURCE_LANGUAGE, _, direction, language, language_name, ngettext
from ..model import Curriculum, Site
from ..regions import region_name
from .styles import FONT_FAMILIES, FONT_FILES, language_font

PRINT_PAGE = "print-and-share.html"  # each site's page of its downloads

environment = Environment(
    loader=PackageLoader("signpost", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
environment.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)
environment.globals["region_name"] = region_name  # the country's name in the group's language


def landing_page(
    curriculum: Curriculum, sites: list[Site], region: str, downloads: dict[str, list[Any]],
    print_pages: set[str] | None = None, pictures: dict[str, str] | None = None,
) -> str:
    """`downloads`: site id -> its downloads (each with `label`, `href` relative to
    build/site/ and `size`); `print_pages`: the sites that have a "Print and share" page;
    `pictures`: site id -> a picture of that site (relative to build/site/), decorative."""
    region_file = curriculum.regions[region]
    groups = []
    languages = by_language(sites)
    for tag, group in languages:
        with language(tag):  # each language's sites, described in that language
            html = environment.get_template("landing_sites.html").render(
                sites=group, region=region_file, downloads=downloads,
                print_pages=print_pages or set(), print_page=PRINT_PAGE,
                pictures=pictures or {}, lang=tag, dir=direction(tag),
                language_name=language_name(tag), several=len(languages) > 1)
        groups.append({"lang": tag, "dir": direction(tag), "name": language_name(tag),
                       "html": Markup(html)})
    with language(SOURCE_LANGUAGE):
        return environment.get_template("landing.html").render(
            groups=groups, region=region_file, font_faces=Markup(landing_fonts(languages)))


def landing_fonts(languages: list[tuple[str, list[Site]]]) -> str:
    """@font-face rules for a script the system may lack (Urdu), from the font its first site
    ships: the landing page loads nothing from anywhere else."""
    rules = []
    for tag, sites in languages:
        font = language_font(tag)
        if font is None or not sites:
            continue
        for weight in (400, 700):
            src = f"{sites[0].id}/assets/fonts/{FONT_FILES[font]}-arabic-{weight}-normal.woff2"
            rules.append(f'@font-face {{ font-family: "{FONT_FAMILIES[font]}"; '
                         f"font-weight: {weight}; font-display: swap; "
                         f'src: url("{src}") format("woff2"); }}')
    return "\n".join(rules)


def by_language(sites: list[Site]) -> list[tuple[str, list[Site]]]:
    """The sites by language, the curriculum's own language first, in the order given."""
    groups: dict[str, list[Site]] = {}
    for site in sites:
        groups.setdefault(site.language, []).append(site)
    return sorted(groups.items(), key=lambda item: item[0] != SOURCE_LANGUAGE)


def write_landing(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # may be a hard link into the previous build
    path.write_text(html, encoding="utf-8")
