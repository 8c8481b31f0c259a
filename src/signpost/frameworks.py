"""Framework tags: a module's `framework:` entries read against the frameworks in topics.yml.

A tag is `<framework id> <strand>`, then, for a lesson, the framework's own band:
`EfCW Online relationships 7-11`. The curriculum map and `check` (SP025) read tags here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Framework, Module


@dataclass(frozen=True)
class FrameworkTag:
    framework: Framework
    strand: str
    band: str | None  # the framework's band named by the tag, if any


def find_framework(tag: str, frameworks: list[Framework]) -> Framework | None:
    first = tag.split(maxsplit=1)[0].casefold() if tag.split() else ""
    return next((f for f in frameworks if f.id.casefold() == first), None)


def read_tag(tag: str, frameworks: list[Framework]) -> FrameworkTag | str:
    """The tag's framework, strand and band, or a message saying what is wrong with it."""
    framework = find_framework(tag, frameworks)
    if framework is None:
        known = ", ".join(f.id for f in frameworks)
        return f"framework tag '{tag}' names no framework in curriculum/topics.yml (known: {known})"
    rest = " ".join(tag.split()[1:])
    for strand in sorted(framework.strands, key=len, reverse=True):
        if rest.casefold() == strand.casefold():
            return FrameworkTag(framework, strand, None)
        if rest.casefold().startswith(strand.casefold() + " "):
            band = rest[len(strand):].strip()
            if band not in framework.bands.values():
                bands = ", ".join(dict.fromkeys(framework.bands.values()))
                return (f"framework tag '{tag}': '{band}' is not a band of {framework.id} "
                        f"(its bands: {bands})")
            return FrameworkTag(framework, strand, band)
    guess = difflib.get_close_matches(rest, framework.strands, n=1, cutoff=0.3)
    hint = f"; did you mean '{framework.id} {guess[0]}'?" if guess else ""
    return (f"framework tag '{tag}' names no strand of {framework.id}{hint} "
            "(a tag with a comma needs quotes around it)")


def module_tags(module: Module, frameworks: list[Framework]) -> list[FrameworkTag]:
    """The module's tags that name a known strand, in its order."""
    tags = (read_tag(tag, frameworks) for tag in module.framework)
    return [tag for tag in tags if isinstance(tag, FrameworkTag)]


def expected_bands(module: Module, framework: Framework) -> set[str]:
    """The framework's bands for the module's age bands (empty: any band fits)."""
    return {framework.bands[band] for band in module.age_bands if band in framework.bands}
