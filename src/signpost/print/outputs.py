"""Write every print document into the staging folder: HTML always, PDF when WeasyPrint works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model import Curriculum, Site
from .documents import PrintDocument, PrintSettings, print_documents
from .pdf import render_all, weasyprint_problem


def write_print(
    curriculum: Curriculum, sites: list[Site], settings: PrintSettings, staging: Path,
    everything: bool, workers: int, progress: Callable[[str], None],
) -> list[str]:
    """Returns notes for the user (non-empty: something was not made)."""
    documents = print_documents(curriculum, sites, settings, everything)
    for document in documents:
        write_html(document, staging)
    problem = weasyprint_problem()
    if problem:
        return [problem]
    ordered = sorted(documents, key=lambda d: -d.weight)
    results = render_all(
        [(d.html, staging / d.path, d.title, d.language) for d in ordered], workers
    )
    notes = []
    for result in results:
        if result.error:
            notes.append(f"signpost build: could not print {result.error}")
        else:
            progress(f"  printed {result.path.parent.name}/{result.path.name}: "
                     f"{result.pages} page(s)")
    return notes


def write_html(document: PrintDocument, staging: Path) -> None:
    target = (staging / document.path).with_suffix(".html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document.html, encoding="utf-8")
