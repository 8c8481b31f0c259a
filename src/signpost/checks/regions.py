"""Regions: stale channel checks, and module variables every region can fill."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Report
from ..model import STALE_AFTER, Curriculum, Module
from ..regions import UnknownVariable, lookups, region_variables, resolve, template_problems
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
    variables = {code: region_variables(curriculum, code) for code in curriculum.regions}
    for module in curriculum.modules.values():
        check_module(module, variables, report)


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
