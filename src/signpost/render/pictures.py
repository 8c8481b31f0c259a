"""Pictures for the sites: topic scenes drawn from the characters, and icons from Material.

The characters (assets/pictures/characters/*.svg) are drawn once; each scene places them
beside an icon from Material Design Icons, which Material for MkDocs ships, so no picture
loads from another host. Scenes are written into each site as SVG files.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import material
import yaml

PICTURES = resources.files("signpost") / "assets" / "pictures"
MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"
ICON_LICENCE = MATERIAL_ICONS / "LICENSE"
SVG_BODY = re.compile(r"<svg\b[^>]*>(.*)</svg>\s*$", re.S)
PATH_DATA = re.compile(r'<path d="([^"]+)"')
WIDTH, HEIGHT = 320, 200
TILE = 120  # a scene without its characters: the icon alone, square
CHARACTERS = ("pip", "dot", "grown-up")
CHARACTER_HEIGHT = 150  # each character's drawing is 100 x 130


@dataclass(frozen=True)
class Scene:
    name: str
    characters: tuple[str, ...]
    icon: str
    alt: str


@functools.cache
def scenes() -> dict[str, Scene]:
    """Every scene by name: `default`, `help` and `topic-<id>`."""
    data = yaml.safe_load((PICTURES / "scenes.yml").read_text(encoding="utf-8"))
    found = {name: _scene(name, data[name]) for name in ("default", "help")}
    for topic, entry in (data.get("topics") or {}).items():
        found[f"topic-{topic}"] = _scene(f"topic-{topic}", entry)
    return found


def _scene(name: str, entry: dict) -> Scene:
    return Scene(name, tuple(entry["characters"]), str(entry["icon"]), str(entry["alt"]))


def topic_scene(topic: str) -> Scene:
    found = scenes()
    return found.get(f"topic-{topic}", found["default"])


def help_scene() -> Scene:
    return scenes()["help"]


@functools.cache
def character_svg(name: str) -> str:
    """The inside of a character's drawing (without its <svg> element)."""
    text = (PICTURES / "characters" / f"{name}.svg").read_text(encoding="utf-8")
    match = SVG_BODY.search(text)
    if not match:
        raise ValueError(f"characters/{name}.svg is not an <svg> drawing")
    return match.group(1).strip()


@functools.cache
def icon_path(name: str) -> str:
    """The path data of one Material Design icon (24 x 24)."""
    match = PATH_DATA.search((MATERIAL_ICONS / f"{name}.svg").read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"Material has no single-path icon named {name!r}")
    return match.group(1)


def icon_data_uri(name: str) -> str:
    """An icon as a CSS url(): used as a mask, so it takes the colour of the text."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
           f'<path d="{icon_path(name)}"/></svg>')
    return f'url("data:image/svg+xml;charset=utf-8,{quote(svg)}")'


def tint(colour: str, amount: float) -> str:
    """`colour` mixed with white: amount 0 is the colour, 1 is white."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(c + (255 - c) * amount) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def scene_svg(scene: Scene, colour: str, with_characters: bool = True) -> str:
    """One scene as a standalone SVG file, on a background tinted with the site colour;
    without the characters, a square holding the icon alone."""
    if not (with_characters and scene.characters):
        return _icon_tile(scene, colour)
    parts = [
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="24" fill="{tint(colour, 0.88)}"/>',
        f'<circle cx="40" cy="36" r="18" fill="{tint(colour, 0.78)}"/>',
        f'<circle cx="290" cy="170" r="26" fill="{tint(colour, 0.78)}"/>',
    ]
    parts += _characters(scene.characters)
    parts.append(_icon_badge(scene.icon, colour, 258, 62, 40))
    body = "\n  ".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}">\n  {body}\n</svg>\n')


def scene_size(with_characters: bool) -> tuple[int, int]:
    """A scene's width and height as drawn: the characters' landscape, or the icon's tile."""
    return (WIDTH, HEIGHT) if with_characters else (TILE, TILE)


def _icon_tile(scene: Scene, colour: str) -> str:
    size = TILE
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" '
            f'height="{size}">\n  <rect width="{size}" height="{size}" rx="20" '
            f'fill="{tint(colour, 0.9)}"/>\n  {_icon_badge(scene.icon, colour, 60, 60, 46)}\n'
            "</svg>\n")


def character_svg_file(name: str) -> str:
    """One character alone, for pages that show a character beside a box."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 130" width="100" '
            f'height="130">\n{character_svg(name)}\n</svg>\n')


def _characters(names: tuple[str, ...]) -> list[str]:
    scale = CHARACTER_HEIGHT / 130
    width = 100 * scale
    lefts = [30] if len(names) == 1 else [14, 14 + width - 8]
    top = HEIGHT - CHARACTER_HEIGHT - 6
    return [f'<g transform="translate({left:.1f} {top}) scale({scale:.3f})">'
            f"{character_svg(name)}</g>"
            for name, left in zip(names[:2], lefts, strict=False)]


def _icon_badge(icon: str, colour: str, cx: float, cy: float, radius: float) -> str:
    size = radius * 1.2
    scale = size / 24
    return (f'<circle cx="{cx}" cy="{cy}" r="{radius}" fill="#fff" stroke="{colour}" '
            f'stroke-width="4"/>'
            f'<path transform="translate({cx - size / 2:.1f} {cy - size / 2:.1f}) '
            f'scale({scale:.3f})" fill="{colour}" d="{icon_path(icon)}"/>')
