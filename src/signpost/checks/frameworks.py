"""Framework tags (SP025): each names a strand of a framework in topics.yml, at the module's band."""

from __future__ import annotations

from ..diagnostics import Report
from ..frameworks import FrameworkTag, expected_bands, read_tag
from ..model import Curriculum, Module


def check(curriculum: Curriculum, report: Report) -> None:
    if not curriculum.frameworks:
        return  # no frameworks declared: tags are free text
    for module in curriculum.modules.values():
        for index, tag in enumerate(module.framework):
            problem = tag_problem(curriculum, module, tag)
            if problem:
                report.error(module.path, module.line_of("framework", index), "SP025", problem)


def tag_problem(curriculum: Curriculum, module: Module, tag: str) -> str | None:
    read = read_tag(tag, curriculum.frameworks)
    if not isinstance(read, FrameworkTag):
        return read
    expected = expected_bands(module, read.framework)
    if read.band and expected and read.band not in expected:
        ages = ", ".join(module.age_bands)
        return (f"framework tag '{tag}': this lesson is for ages {ages}, which "
                f"{read.framework.id} calls {' or '.join(sorted(expected))}, not {read.band}")
    return None
