"""What a print document borrows from its site's look: the style's font (inline, as print
documents load nothing), the site's colour, and its picture for the cover."""

from __future__ import annotations

import base64
from importlib import resources
from typing import Any

from ..model import Site
from ..render.pictures import scene_svg, scenes
from ..render.styles import FONT_FAMILIES, FONT_FILES, SCENE_STYLES, STYLE_FONTS, language_font

# The subsets print embeds (Fontsource's names), and the letters each is for.
FONT_SUBSETS = {"NotoNastaliqUrdu": ("arabic",)}
SUBSET_RANGES = {
    "latin": "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, "
             "U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, "
             "U+FEFF, U+FFFD",
    "latin-ext": "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, "
                 "U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, "
                 "U+2113, U+2C60-2C7F, U+A720-A7FF",
}


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
    """@font-face rules for a shipped font, its files inline: each subset the package ships
    (Latin, and Latin Extended for Lithuanian's ą č ę ė į š ų ū ž) for the letters it covers."""
    folder = resources.files("signpost") / "assets" / "fonts"
    faces = []
    for weight, style, name in ((400, "normal", "400-normal"), (700, "normal", "700-normal"),
                                (400, "italic", "400-italic")):
        for subset in FONT_SUBSETS.get(font, ("latin", "latin-ext")):
            path = folder / f"{FONT_FILES[font]}-{subset}-{name}.woff2"
            if not path.is_file():
                continue
            letters = f" unicode-range: {SUBSET_RANGES[subset]};" if subset in SUBSET_RANGES else ""
            faces.append(f'@font-face {{ font-family: "{FONT_FAMILIES[font]}"; '
                         f"font-weight: {weight}; font-style: {style};{letters} "
                         f'src: url("{data_uri(path.read_bytes(), "font/woff2")}") '
                         'format("woff2"); }')
    return "\n".join(faces)


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
