"""Checks of meaning, run on the loaded model. Each adds problems to a report."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Report
from ..model import Curriculum
from . import content, links, regions, sites, structure


def run_checks(curriculum: Curriculum, report: Report, today: date | None = None) -> None:
    today = today or date.today()
    structure.check(curriculum, report, today)
    links.check(curriculum, report)
    regions.check(curriculum, report, today)
    sites.check(curriculum, report)
    content.check(curriculum, report)
    apply_waivers(curriculum, report)


# The safeguarding and quality rules a module may waive, with a written reason.
WAIVABLE = frozenset(f"SP{number}" for number in range(401, 413))


def apply_waivers(curriculum: Curriculum, report: Report) -> None:
    """Drop problems a module waives with a written reason; only SP401-SP412 can be waived."""
    waived: set[tuple[str, str]] = set()
    for module in curriculum.modules.values():
        path = report.relative(module.path)
        for code in module.waivers:
            line = module.line_of("waivers", code)
            if code not in WAIVABLE:
                report.error(
                    module.path, line, "SP413",
                    f"'{code}' cannot be waived: only the safeguarding and quality rules "
                    "SP401 to SP412 can be, each with a reason",
                )
            elif not any(d.path == path and d.code == code for d in report.items):
                report.warning(
                    module.path, line, "SP414",
                    f"the waiver for {code} is not needed: check finds no {code} problem "
                    "in this module; remove it",
                )
            else:
                waived.add((path, code))
    report.items = [d for d in report.items if (d.path, d.code) not in waived]
