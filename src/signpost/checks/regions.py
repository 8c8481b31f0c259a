"""Regions: stale channel checks, and module variables every region can fill."""

from __future__ import annotations

import re
from datetime import date

from ..diagnostics import Report
from ..model import STALE_AFTER, Curriculum, Module
from ..regions import region_variables, syntax_problem, undefined_in
from .text import iter_lines

EXPRESSION = re.compile(r"\{\{(.*?)\}\}")


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
        problem = syntax_problem(line.text) if ("{%" in line.text or "{{" in line.text) else None
        if problem:
            report.error(module.path, line.number, "SP211",
                         f"template syntax error: {problem[1]}")
            continue
        for match in EXPRESSION.finditer(line.text):
            missing = [
                code for code, values in sorted(variables.items())
                if undefined_in(match.group(1), values)
            ]
            if missing:
                report.error(
                    module.path, line.number, "SP210",
                    f"'{{{{{match.group(1)}}}}}' is not defined for region(s) "
                    f"{', '.join(missing)}; use a variable every region has "
                    "(see curriculum/regions/)",
                )
