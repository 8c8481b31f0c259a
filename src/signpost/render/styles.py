"""How each style looks: its stylesheet, fonts, box icons and pictures (render stage).

An audience file's `style` picks one of assets/styles/*.css; this module adds the site's
colours and the box icons (Material Design Icons as CSS masks, so nothing loads from another
host) and lists the files the style needs in the site: fonts, characters and licences.
"""

from __future__ import annotations

from importlib import resources

from ..i18n import base_language
from ..model import Site
from .pictures import CHARACTERS, ICON_LICENCE, character_svg_file, icon_data_uri

# The styles an audience file may choose (assets/styles/<style>.css) and the font each
# uses (assets/fonts/, with its licence); `dense` keeps the reader's system font.
# A shipped font's family name (CSS, credits) and its files' prefix in assets/fonts/.
FONT_FAMILIES = {"Andika": "Andika", "AtkinsonHyperlegible": "Atkinson Hyperlegible",
                 "NotoNastaliqUrdu": "Noto Nastaliq Urdu"}
FONT_FILES = {"Andika": "andika", "AtkinsonHyperlegible": "atkinson-hyperlegible",
              "NotoNastaliqUrdu": "noto-nastaliq-urdu"}
# A script the style's font lacks: a font for its letters, after the style's own.
LANGUAGE_FONTS = {"ur": "NotoNastaliqUrdu"}
STYLE_FONTS = {"picture-book": "Andika", "bright": "AtkinsonHyperlegible",
               "teen": "AtkinsonHyperlegible", "calm": "AtkinsonHyperlegible", "dense": None}
# Each box's icon (Material Design Icons) and colour, shown before its title.
BOX_ICONS = {
    "activity": ("pencil", "#2e7d32"), "discussion": ("forum", "#1565c0"),
    "keypoints": ("star", "#6a1b9a"), "family": ("home-heart", "#ad1457"),
    "translation": ("translate", "#5d4037"),
    "objectives": ("target", "#455a64"), "vocabulary": ("book-alphabet", "#455a64"),
    "help": ("lifebuoy", "#00695c"), "urgent": ("alert-circle", "#b71c1c"),
    "facilitator": ("clipboard-text", "#4e342e"), "answers": ("check-circle", "#4e342e"),
    "safeguarding": ("shield-alert", "#4e342e"), "prep": ("clipboard-list", "#4e342e"),
    "cards": ("cards-outline", "#2e7d32"), "worksheet": ("file-document-edit-outline", "#2e7d32"),
    "quiz": ("head-question-outline", "#1565c0"),
}
ICON_LICENCE_FILE = "assets/licences/material-design-icons.txt"
PICTURES_DIR = "assets/pictures"
PICTURES_LICENCE_FILE = "assets/licences/pictures.txt"
# Which styles show pictures, and whether with the characters (teens get the icons alone).
SCENE_STYLES = {"picture-book": True, "bright": True, "teen": False}


def site_css(site: Site, own_palette: bool = False) -> str:
    """The site's own stylesheet: its colours (unless the base mkdocs.yml sets its own
    palette, which wins), the box icons, its style's fonts and rules."""
    styles = resources.files("signpost") / "assets" / "styles"
    parts = [] if own_palette else [colour_rules(site.colour)]
    parts.append(box_icon_rules())
    for font in site_fonts(site):
        parts.append((styles / f"font-{font}.css").read_text(encoding="utf-8"))
    parts.append((styles / f"{site.style}.css").read_text(encoding="utf-8"))
    fonts = site_fonts(site)
    if language_font(site.language) and fonts:
        families = ", ".join(f'"{FONT_FAMILIES[font]}"' for font in fonts)
        parts.append(f":root {{ --md-text-font: {families}; }}")
    return "\n".join(parts)


def language_font(language: str) -> str | None:
    return LANGUAGE_FONTS.get(base_language(language))


def site_fonts(site: Site) -> list[str]:
    """The fonts a site ships: its style's, then one for its language's script if needed."""
    fonts = [STYLE_FONTS.get(site.style), language_font(site.language)]
    return [font for font in fonts if font]


def colour_rules(colour: str) -> str:
    return (
        ":root > * {\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {colour};\n"
        f"  --md-primary-fg-color--dark: {colour};\n"
        f"  --md-accent-fg-color: {colour};\n"
        f"  --md-typeset-a-color: {colour};\n"
        "}\n"
    )


def box_icon_rules() -> str:
    """Material's admonition icon slot, given each box kind's own icon and colour."""
    rules = []
    for kind, (icon, colour) in BOX_ICONS.items():
        uri = icon_data_uri(icon)
        rules.append(f".md-typeset .sp-{kind} > .admonition-title::before {{ "
                     f"background-color: {colour}; -webkit-mask-image: {uri}; "
                     f"mask-image: {uri}; }}")
    return "\n".join(rules) + "\n"


def style_files(site: Site) -> dict[str, bytes]:
    """Docs path -> bytes of what the style needs beside its stylesheet: its fonts and
    their licence, the characters, and the icons' licence."""
    assets = resources.files("signpost") / "assets"
    files = {ICON_LICENCE_FILE: ICON_LICENCE.read_bytes()}
    for font in site_fonts(site):
        prefix = f"{FONT_FILES[font]}-"
        for entry in (assets / "fonts").iterdir():
            if entry.name.startswith(prefix) or entry.name == f"{font}-OFL.txt":
                target = ("assets/licences/" if entry.name.endswith(".txt") else "assets/fonts/")
                files[target + entry.name] = entry.read_bytes()
    if site.style in SCENE_STYLES:
        files[PICTURES_LICENCE_FILE] = (assets / "pictures" / "LICENSE.md").read_bytes()
    for name in CHARACTERS:
        files[f"{PICTURES_DIR}/{name}.svg"] = character_svg_file(name).encode("utf-8")
    return files
