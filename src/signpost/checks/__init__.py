"""Checks of meaning, run on the loaded model. Each adds problems to a report."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Report
from ..model import Curriculum
from . import (
    content,
    frameworks,
    html,
    kit,
    links,
    quiz,
    regions,
    sites,
    structure,
    translations,
)


def run_checks(
    curriculum: Curriculum, report: Report, today: date | None = None, advisory: bool = True
) -> None:
    """All rules; with `advisory` False, rules that can only warn (reading level) are skipped."""
    today = today or date.today()
    structure.check(curriculum, report, today)
    frameworks.check(curriculum, report)
    links.check(curriculum, report)
    regions.check(curriculum, report, today)
    sites.check(curriculum, report)
    content.check(curriculum, report, advisory)
    html.check(curriculum, report)
    kit.check(curriculum, report)
    quiz.check(curriculum, report)
    translations.check(curriculum, report)
    apply_waivers(curriculum, report)


# The rules a module may waive, with a written reason: those a program can only judge
# roughly. Age bands (SP401), unsafe HTML (SP405) and the safeguarding block (SP406) are
# never waived.
WAIVABLE = frozenset({"SP402", "SP403", "SP404", "SP407", "SP408", "SP409", "SP410", "SP411",
                      "SP412"})


def apply_waivers(curriculum: Curriculum, report: Report) -> None:
    """Drop problems a module (and its translations) waives with a written reason
    (`waivers: {SP408: why}`)."""
    waived: set[tuple[str, str]] = set()
    for module in curriculum.modules.values():
        path = report.relative(module.path)
        for code in module.waivers:
            line = module.line_of("waivers", code)
            if code not in WAIVABLE:
                report.error(
                    module.path, line, "SP413",
                    f"'{code}' cannot be waived; only {', '.join(sorted(WAIVABLE))} can be, "
                    "each with a reason",
                )
            elif not any(d.path == path and d.code == code for d in report.items):
                report.warning(
                    module.path, line, "SP414",
                    f"the waiver for {code} is not needed: check finds no {code} problem "
                    "in this module; remove it",
                )
            else:
                waived.add((path, code))
            if code in WAIVABLE:  # its translations say the same, line for line
                waived.update((report.relative(t.path), code) for t in module.translations.values())
    report.items = [d for d in report.items if (d.path, d.code) not in waived]
