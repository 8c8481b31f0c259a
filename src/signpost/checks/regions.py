"""Regions: stale channel checks, help that fits every site, and module variables every
region can fill."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Report
from ..model import BAND_AGES, STALE_AFTER, Curriculum, Module, Region, Site
from ..regions import (
    ADULT_GROUP,
    UnknownVariable,
    help_channels,
    lookups,
    region_variables,
    resolve,
    template_problems,
)
from .text import iter_lines


def check(curriculum: Curriculum, report: Report, today: date) -> None:
    for region in curriculum.regions.values():
        for channel in region.channels:
            if channel.checked and today - channel.checked > STALE_AFTER:
                report.warning(
                    region.path, channel.line, "SP310",
                    f"'{channel.name}' was last checked on {channel.checked.isoformat()}, "
                    "over a year ago: check it against its source and update 'checked'",
                )
        for site in sorted(curriculum.sites.values(), key=lambda s: s.id):
            check_help_fits(curriculum, region, site, report)
    variables = {code: region_variables(curriculum, code) for code in curriculum.regions}
    for module in curriculum.modules.values():
        check_module(module, variables, report)


def check_help_fits(curriculum: Curriculum, region: Region, site: Site, report: Report) -> None:
    """SP311: a site built for this region would have help for its readers in its help box.

    A learner site needs a child helpline or an emergency number whose `serves` includes
    its band's ages; a parents' or teachers' site needs a line that serves its readers.
    """
    own, worldwide = help_channels(curriculum, region.code, site)
    listed = own + worldwide
    if site.learner and site.band in BAND_AGES:
        if any(c.role in ("child-helpline", "emergency") for c in listed):
            return
        low, high = BAND_AGES[site.band]
        report.error(
            region.path, region.lines.of("channels"), "SP311",
            f"the {site.id} site would list no child helpline or emergency number for ages "
            f"{low} to {high} in {region.name}: add a channel with 'role: child-helpline' (or "
            f"'emergency') whose 'serves: {{children: ...}}' includes those ages",
        )
    elif not site.learner and not any(c.serves_adults(ADULT_GROUP.get(site.kind, "parents"))
                                      for c in listed):
        group = ADULT_GROUP.get(site.kind, "parents")
        report.error(
            region.path, region.lines.of("channels"), "SP311",
            f"the {site.id} site would list no line for its readers in {region.name}: add a "
            f"channel with 'serves: {{adults: [{group}]}}' (or [anyone])",
        )


def check_module(module: Module, variables: dict[str, dict], report: Report) -> None:
    for line in iter_lines(module):
        if "{" not in line.text:
            continue
        for _, message in template_problems(line.text):
            report.error(module.path, line.number, "SP211", message)
        for _, path in lookups(line.text):
            missing = [code for code, values in sorted(variables.items())
                       if undefined(values, path)]
            if missing:
                report.error(
                    module.path, line.number, "SP210",
                    f"'{{{{ region.{path} }}}}' is not defined for region(s) "
                    f"{', '.join(missing)}: {undefined(variables[missing[0]], path)}; "
                    "use a variable every region has (see curriculum/regions/)",
                )


def undefined(values: dict, path: str) -> str | None:
    try:
        resolve(values, path)
    except UnknownVariable as problem:
        return str(problem)
    return None
