"""Where to get help: the channels a site shows and the variables modules may use.

Module text may name region data with plain lookups, `{{ region.child_helpline.name }}`,
and nothing else: no template language runs on module text, so none can hang a build
or build markup. Values are escaped as Markdown text where they are filled in.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from .i18n import (
    SOURCE_LANGUAGE,
    _,
    base_language,
    current_language,
    in_current_language,
    translated,
)
from .model import BAND_AGES, CHANNEL_ROLES, Channel, Curriculum, Region, RegionTranslation, Site
from .schema import OLDEST

GLOBAL = "global"

# What a learner site lists, by band: a channel must also serve children of the band's ages.
# Young children get a child helpline and the emergency number (and their help prompt: tell a
# trusted adult); reporting from 8; image removal, crisis and support lines from 11.
OLDER_ROLES = frozenset({"child-helpline", "emergency", "report-abuse", "image-removal",
                         "counselling", "crisis", "adult-helpline"})
LEARNER_ROLES: dict[str, frozenset[str]] = {
    "4-7": frozenset({"child-helpline", "emergency"}),
    "8-10": frozenset({"child-helpline", "emergency", "report-abuse"}),
    "11-13": OLDER_ROLES,
    "14-17": OLDER_ROLES,
}
# Parents and teachers get the lines that serve them, and the children's services they help
# a child to use.
FOR_A_CHILD = frozenset({"child-helpline", "image-removal"})
ADULT_GROUP = {"parents": "parents", "teachers": "professionals"}
# Crisis lines are listed where a page deals with threats: lessons on topics with
# `urgent_help`, and the help page those lessons send readers to.
URGENT_ONLY = frozenset({"crisis"})
# The order help is listed in, per reader: the first service of each role in this order,
# then the second of each, and so on.
ORDER = {
    ("learner", False): ("child-helpline", "emergency", "report-abuse", "image-removal",
                         "crisis", "counselling", "adult-helpline"),
    ("learner", True): ("child-helpline", "image-removal", "report-abuse", "crisis",
                        "emergency", "counselling", "adult-helpline"),
    ("adults", False): ("adult-helpline", "emergency", "report-abuse", "police-non-emergency",
                        "image-removal", "crisis", "counselling", "child-helpline"),
    ("adults", True): ("adult-helpline", "report-abuse", "image-removal", "emergency", "crisis",
                       "police-non-emergency", "counselling", "child-helpline"),
}
# The global file's services a country's site may fall back on where the country has none
# for that need: services used on the web from any country (Take It Down, the IWF, the
# directory of child helplines). Never a phone or text line (116 111 works only in the EU),
# and never crisis, emergency, police or counselling numbers.
WORLDWIDE_ROLES = frozenset({"child-helpline", "image-removal", "report-abuse"})


def works_anywhere(channel: Channel) -> bool:
    return channel.role in WORLDWIDE_ROLES and not channel.phone and not channel.text


def fits(channel: Channel, kind: str, band: str | None, urgent: bool = False) -> bool:
    """True if a site of `kind` (and `band`) should list `channel`.

    `urgent`: the page deals with threats (crisis lines are listed there).
    """
    if channel.role in URGENT_ONLY and not urgent:
        return False
    if kind == "learner":
        if band not in LEARNER_ROLES or channel.role not in LEARNER_ROLES[band]:
            return False
        return channel.serves_ages(*BAND_AGES[band])
    group = ADULT_GROUP.get(kind, "parents")
    return channel.serves_adults(group) or (
        channel.role in FOR_A_CHILD and channel.child_ages is not None)


def in_order(channels: list[Channel], kind: str, urgent: bool) -> list[Channel]:
    order = ORDER[("learner" if kind == "learner" else "adults", urgent)]
    seen: dict[str | None, int] = {}
    keyed = []
    for index, channel in enumerate(channels):
        nth = seen.get(channel.role, 0)
        seen[channel.role] = nth + 1
        rank = order.index(channel.role) if channel.role in order else len(order)
        keyed.append(((nth, rank, index), channel))
    return [channel for _key, channel in sorted(keyed, key=lambda pair: pair[0])]


def help_channels(curriculum: Curriculum, code: str, kind: str | Site, band: str | None = None,
                  urgent: bool = False) -> tuple[list[Channel], list[Channel]]:
    """The channels that fit a site's readers: the region's own, and worldwide ones.

    `kind` is a site (or its kind, with `band` for a learner site); `urgent` for pages that
    deal with threats and the help page. A worldwide service is listed only for a need the
    country has no service of its own for, and only if it works from any country.
    """
    if isinstance(kind, Site):
        kind, band = kind.kind, kind.band
    region = curriculum.regions[code]
    own = [c for c in region.channels if fits(c, kind, band, urgent)]
    if code == GLOBAL or GLOBAL not in curriculum.regions:
        return in_order(own, kind, urgent), []
    covered = {c.role for c in own}
    listed = {(c.name, c.url) for c in own}
    worldwide = [c for c in curriculum.regions[GLOBAL].channels
                 if works_anywhere(c) and c.role not in covered
                 and (c.name, c.url) not in listed and fits(c, kind, band, urgent)]
    return in_order(own, kind, urgent), in_order(worldwide, kind, urgent)


def channel_for(curriculum: Curriculum, code: str, role: str) -> Channel | None:
    """The service `{{ region.<role> }}` names: the country's own (one that serves children
    first: lessons are about children), else a worldwide one from the global file."""
    region = curriculum.regions[code]
    mine = [c for c in region.channels if c.role == role]
    if mine:
        return next((c for c in mine if c.child_ages is not None), mine[0])
    fallback = curriculum.regions.get(GLOBAL)
    if code == GLOBAL or fallback is None:
        return None
    return next((c for c in fallback.channels if c.role == role and works_anywhere(c)), None)


def region_law(curriculum: Curriculum, region: Region) -> dict[str, str]:
    """The region's sentences on the law, any it lacks worded for any country by global.yml;
    in the language being rendered where the region's translation has them."""
    fallback = curriculum.regions.get(GLOBAL)
    translated = translation_of(region)
    return {**(fallback.law if fallback else {}), **region.law,
            **(translated.law if translated else {})}


# --- in the reader's language (i18n.py) ---------------------------------------------------


def translation_of(region: Region) -> RegionTranslation | None:
    """The region's words in the language being rendered, if it has them."""
    return in_current_language(region.translations)


def region_name(region: Region) -> str:
    translated = translation_of(region)
    return translated.name if translated and translated.name else region.name


def region_emergency(region: Region) -> str:
    translated = translation_of(region)
    return translated.emergency if translated and translated.emergency else region.emergency


def channel_purpose(channel: Channel) -> str:
    """What the service is for, in the language being rendered where translated."""
    return translated(channel.purposes, channel.purpose)


def channel_ages(channel: Channel) -> str | None:
    """Whom the service serves ("For: ..."): as the region file words it, or in the language
    being rendered, from its ages and adult groups."""
    if base_language(current_language()) == SOURCE_LANGUAGE:
        return channel.ages
    adults = ([_("any adult")] if "anyone" in channel.adults else
              [_("parents and carers") if group == "parents" else _("professionals")
               for group in channel.adults])
    children = None
    if channel.child_ages is not None:
        low, high = channel.child_ages
        if low == 0 and high >= OLDEST:
            children = _("everyone") if "anyone" in channel.adults else _("people of all ages")
            adults = [] if "anyone" in channel.adults else adults
        elif low == 0:
            children = _("children and young people under {age}").format(age=high + 1)
        elif high >= OLDEST:
            children = _("people aged {age} and over").format(age=low)
        else:
            children = _("children and young people aged {low} to {high}").format(low=low,
                                                                                high=high)
    grown = _(" and ").join(adults)
    if children and grown:
        return _("{children}, and {adults}").format(children=children, adults=grown)
    return children or grown or None


def translatable_texts(curriculum: Curriculum, region: Region) -> dict[str, str]:
    """What a region's translation translates, by the name its digests use: `name`,
    `emergency` (when it is words), `law.<key>` and each service's name (its `for:`)."""
    texts = {"name": region.name}
    if not re.search(r"\d", region.emergency):
        texts["emergency"] = region.emergency
    fallback = curriculum.regions.get(GLOBAL)
    for key, sentence in {**(fallback.law if fallback else {}), **region.law}.items():
        texts[f"law.{key}"] = sentence
    for channel in region.channels:
        texts[channel.name] = channel.purpose
    return texts


def region_variables(curriculum: Curriculum, code: str) -> dict[str, Any]:
    """What module text may use as `{{ region.... }}`.

    `region.emergency` is the region's emergency number; every other role is a group
    (`region.child_helpline.name`, `.phone`, `.url`, ...).
    """
    region: Region = curriculum.regions[code]
    values: dict[str, Any] = {
        "code": region.code,
        "name": region_name(region),
        "emergency": region_emergency(region),
        "law": region_law(curriculum, region),
    }
    for role in CHANNEL_ROLES:
        if role == "emergency":
            continue
        channel = channel_for(curriculum, code, role)
        if channel is not None:
            values[role.replace("-", "_")] = {
                key: value for key, value in asdict(channel).items()
                if isinstance(value, str)
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


def fill_plain(text: str, variables: dict[str, Any]) -> str:
    """Fill lookups with their values as they are, for text the caller escapes as plain text
    (quiz words in a form or on paper); raises UnknownVariable."""
    if "{" not in text:
        return text
    return LOOKUP.sub(lambda match: resolve(variables, match.group(1)[1:]), text)


def language_tag(language: str, region: str | None) -> str:
    """A language with the build's region (en + GB: en-GB), for pages and PDFs, unless the
    language names a region of its own or the build has no country (`global`)."""
    if region and "-" not in language and len(region) == 2 and region.isalpha():
        return f"{language}-{region.upper()}"
    return language
