"""Audience files: learner sites never show facilitator-only blocks."""

from __future__ import annotations

from ..diagnostics import Report
from ..model import FACILITATOR_ONLY, Curriculum


def check(curriculum: Curriculum, report: Report) -> None:
    for site in curriculum.sites.values():
        if site.learner and site.band is None:
            report.error(site.path, site.lines.of("learner"), "SP301",
                         "a learner site needs 'band:' (its readers' age band)")
        for index, section in enumerate(site.sections):
            leaked = section.blocks & FACILITATOR_ONLY
            if site.learner and leaked:
                report.error(
                    site.path, site.lines.of("sections", index, "blocks"), "SP302",
                    f"a learner site must never show {', '.join(sorted(leaked))} blocks",
                )
            if site.learner and section.select.audience != "children":
                report.error(
                    site.path, site.lines.of("sections", index, "select"), "SP302",
                    "a learner site shows children modules only",
                )
