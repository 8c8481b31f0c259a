"""Where to get help: the channels a site shows and the variables modules may use.

Module text may name region data with plain lookups, `{{ region.child_helpline.name }}`,
and nothing else: no template language runs on module text, so none can hang a build
or build markup. Values are escaped as Markdown text where they are filled in.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from .model import CHANNEL_ROLES, Channel, Curriculum, Region

GLOBAL = "global"



def help_channels(curriculum: Curriculum, code: str) -> tuple[list[Channel], list[Channel]]:
    """The region's own channels, and the worldwide ones not already listed."""
    region = curriculum.regions[code]
    if code == GLOBAL or GLOBAL not in curriculum.regions:
        return region.channels, []
    own = {(c.name, c.url) for c in region.channels}
    worldwide = [c for c in curriculum.regions[GLOBAL].channels if (c.name, c.url) not in own]
    return region.channels, worldwide


def region_variables(curriculum: Curriculum, code: str) -> dict[str, Any]:
    """What module text may use as `{{ region.... }}`."""
    region: Region = curriculum.regions[code]
    fallback = curriculum.regions.get(GLOBAL)
    values: dict[str, Any] = {
        "code": region.code,
        "name": region.name,
        "emergency": region.emergency,
    }
    for role in CHANNEL_ROLES:
        channel = region.channel_for(role) or (fallback.channel_for(role) if fallback else None)
        if channel is not None:
            values[role.replace("-", "_")] = {
                key: value for key, value in asdict(channel).items() if value is not None
            }
    return {"region": values}


# A lookup, and anything that starts a template tag (none but lookups is allowed).
LOOKUP = re.compile(r"\{\{[ \t]*region((?:\.[a-z][a-z0-9_]*)+)[ \t]*\}\}")
TEMPLATE_START = re.compile(r"\{[{%#]")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|>-])")  # what Python-Markdown unescapes
VERBATIM_KEYS = frozenset({"url"})  # validated https URLs, filled into link targets as they are


class UnknownVariable(Exception):
    """A lookup that names nothing, or a group rather than a value, in this region."""


def template_problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) for every template tag in `text` that is not a plain lookup."""
    problems: list[tuple[int, str]] = []
    position = 0
    while (start := TEMPLATE_START.search(text, position)) is not None:
        lookup = LOOKUP.match(text, start.start())
        if lookup:
            position = lookup.end()
            continue
        problems.append((start.start(), "only plain lookups like {{ region.emergency }} or "
                         "{{ region.child_helpline.name }} may be used in module text"))
        position = start.end()
    return problems


def lookups(text: str) -> list[tuple[int, str]]:
    """(offset, dotted path) of every lookup, e.g. (10, 'child_helpline.name')."""
    return [(match.start(), match.group(1)[1:]) for match in LOOKUP.finditer(text)]


def resolve(variables: dict[str, Any], path: str) -> str:
    value: Any = variables["region"]
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            raise UnknownVariable(f"'region.{path}' is not defined")
        value = value[key]
    if isinstance(value, dict):
        raise UnknownVariable(f"'region.{path}' is a group of values: name one of "
                              f"{', '.join(sorted(value))}")
    if not isinstance(value, str):
        raise UnknownVariable(f"'region.{path}' is not text")
    return value


def markdown_text(value: str) -> str:
    """`value` as literal text in Markdown: no emphasis, links or HTML can come of it."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def render_text(markdown: str, variables: dict[str, Any]) -> str:
    """Fill `{{ region.... }}` lookups in module text; raises UnknownVariable."""
    if "{" not in markdown:
        return markdown

    def fill(match: re.Match[str]) -> str:
        path = match.group(1)[1:]
        value = resolve(variables, path)
        return value if path.rsplit(".", 1)[-1] in VERBATIM_KEYS else markdown_text(value)

    return LOOKUP.sub(fill, markdown)
