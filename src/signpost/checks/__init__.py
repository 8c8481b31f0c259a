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


def apply_waivers(curriculum: Curriculum, report: Report) -> None:
    """Drop problems a module waives with a written reason; only SP4xx rules can be waived."""
    waived: set[tuple[str, str]] = set()
    for module in curriculum.modules.values():
        for code in module.waivers:
            if not code.startswith("SP4"):
                report.error(
                    module.path, module.line_of("waivers", code), "SP413",
                    f"'{code}' cannot be waived: only safeguarding and quality rules "
                    "(SP4xx) can be, with a reason",
                )
                continue
            waived.add((report.relative(module.path), code))
    report.items = [d for d in report.items if (d.path, d.code) not in waived]
