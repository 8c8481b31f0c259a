"""Where to get help: the channels a site shows and the variables modules may use."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from .model import CHANNEL_ROLES, Channel, Curriculum, Region

GLOBAL = "global"

_environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


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


def render_text(markdown: str, variables: dict[str, Any]) -> str:
    """Fill `{{ region.... }}` in module text; raises on unknown variables."""
    if "{{" not in markdown and "{%" not in markdown:
        return markdown  # most text has no variables: skip compiling a template for it
    return _environment.from_string(markdown).render(variables)


def syntax_problem(markdown: str) -> tuple[int, str] | None:
    try:
        _environment.parse(markdown)
    except TemplateSyntaxError as exc:
        return exc.lineno, exc.message or "template syntax error"
    return None


def undefined_in(expression: str, variables: dict[str, Any]) -> str | None:
    """The message if `expression` (the inside of {{ }}) uses something undefined."""
    try:
        value = _environment.compile_expression(expression, undefined_to_none=False)(
            **variables
        )
        str(value)
    except Exception as exc:  # any failure here is the author's expression
        return str(exc)
    return None
