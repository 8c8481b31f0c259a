"""Links and images inside modules: internal ones resolve; images have alt text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..diagnostics import Report
from ..model import Curriculum, Module
from .text import INLINE_CODE, iter_lines, iter_links

RAW_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT_TEXT = re.compile(r"\balt\s*=\s*(?:\"\s*[^\"\s][^\"]*\"|'\s*[^'\s][^']*'|[^\s\"'>]+)",
                      re.IGNORECASE)


def check(curriculum: Curriculum, report: Report) -> None:
    module_paths = {m.path.resolve() for m in curriculum.modules.values()}
    curriculum_dir = (curriculum.root / "curriculum").resolve()
    for module in curriculum.modules.values():
        check_module(module, module_paths, curriculum_dir, report)


def check_module(
    module: Module, module_paths: set[Path], curriculum_dir: Path, report: Report
) -> None:
    check_raw_images(module, report)
    for link in iter_links(module):
        if link.is_image and not link.text.strip():
            report.error(
                module.path, link.line, "SP203",
                "image without alt text: describe it in the brackets, ![a drawing of ...](...)",
            )
        parts = urlsplit(link.target)
        if parts.scheme or link.target.startswith(("//", "#", "mailto:", "tel:")) or not link.target:
            continue
        target = (module.path.parent / unquote(parts.path)).resolve()
        kind = "image" if link.is_image else "link"
        if not target.is_relative_to(curriculum_dir):
            report.error(module.path, link.line, "SP201",
                         f"{kind} '{link.target}' points outside curriculum/")
        elif target.suffix == ".md" and target not in module_paths:
            report.error(module.path, link.line, "SP201",
                         f"link to '{link.target}', which is not a module")
        elif not target.is_file():
            code = "SP202" if link.is_image else "SP201"
            report.error(module.path, link.line, code, f"{kind} '{link.target}' does not exist")


def check_raw_images(module: Module, report: Report) -> None:
    for line in iter_lines(module):
        for image in RAW_IMAGE.finditer(INLINE_CODE.sub(" ", line.text)):
            if not ALT_TEXT.search(image.group()):
                report.error(module.path, line.number, "SP203",
                             'image without alt text: add alt="a drawing of ..." to the <img>')
