"""What a print document borrows from its site's look: the style's font (inline, as print
documents load nothing), the site's colour, and its picture for the cover."""

from __future__ import annotations

import base64
from importlib import resources
from typing import Any

from ..model import Site
from ..render.pictures import scene_svg, scenes
from ..render.styles import FONT_FAMILIES, FONT_FILES, SCENE_STYLES, STYLE_FONTS, language_font

FONT_SUBSETS = {"NotoNastaliqUrdu": "arabic"}  # the subset print needs; others: latin


def print_look(site: Site | None) -> dict[str, Any]:
    """Template values: `font_face` (CSS), `font_family`, `colour`, `cover_picture` and
    `style` (the site's, for the body's class)."""
    if site is None:
        return {"font_face": "", "font_family": "", "language_font": "", "colour": "#000000",
                "cover_picture": "", "style": ""}
    picture = ""
    if site.style in SCENE_STYLES:
        svg = scene_svg(scenes()["default"], site.colour, SCENE_STYLES[site.style])
        picture = data_uri(svg.encode("utf-8"), "image/svg+xml")
    font = STYLE_FONTS.get(site.style)
    extra = language_font(site.language)  # letters the style's font lacks (Urdu's)
    faces = [font_face(name) for name in (font, extra) if name]
    return {"font_face": "\n".join(faces),
            "font_family": FONT_FAMILIES.get(font or "", ""),
            "language_font": FONT_FAMILIES.get(extra or "", ""),
            "colour": site.colour, "cover_picture": picture, "style": site.style}


def font_face(font: str) -> str:
    """@font-face rules for a shipped font, its files inline."""
    folder = resources.files("signpost") / "assets" / "fonts"
    faces = []
    subset = FONT_SUBSETS.get(font, "latin")
    for weight, style, name in ((400, "normal", "400-normal"), (700, "normal", "700-normal"),
                                (400, "italic", "400-italic")):
        path = folder / f"{FONT_FILES[font]}-{subset}-{name}.woff2"
        if not path.is_file():
            continue
        data = path.read_bytes()
        faces.append(f'@font-face {{ font-family: "{FONT_FAMILIES[font]}"; font-weight: {weight}; '
                     f'font-style: {style}; '
                     f'src: url("{data_uri(data, "font/woff2")}") format("woff2"); }}')
    return "\n".join(faces)


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
