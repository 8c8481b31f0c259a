"""Write every print document into the staging folder: HTML always, PDF when WeasyPrint works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..cache import Manifest, text_key
from ..model import Curriculum, Site
from ..regions import language_tag
from .documents import PrintDocument, PrintSettings, print_documents
from .pdf import PDF_VARIANT, render_all, weasyprint_problem

DOWNLOADS = "site/downloads/"  # the published folder's downloads, relative to build/
PRINT_HTML = "print/"  # the HTML each PDF is printed from: read by checks, not published


def download_name(document: PrintDocument) -> str:
    """The PDF's path under downloads/, e.g. packs/children-4-7.pdf."""
    return document.path.removeprefix(DOWNLOADS)


def html_path(document: PrintDocument) -> str:
    """Where the HTML a PDF is printed from goes, relative to build/: print/packs/<id>.html."""
    return PRINT_HTML + download_name(document).removesuffix(".pdf") + ".html"


def write_print(
    curriculum: Curriculum, sites: list[Site], settings: PrintSettings, staging: Path,
    everything: bool, workers: int, progress: Callable[[str], None],
    manifest: Manifest | None = None,
) -> list[str]:
    """Returns notes for the user (non-empty: something was not made).

    With a `manifest`, a PDF whose HTML and paper are unchanged since the last
    build is kept rather than printed again.
    """
    manifest = manifest or Manifest()
    documents = print_documents(curriculum, sites, settings, everything)
    languages = {d.path: language_tag(d.language, settings.region) for d in documents}
    keys = {d.path: text_key(d.html, settings.paper, PDF_VARIANT, languages[d.path])
            for d in documents}
    for document in documents:
        write_html(document, staging)
    stale = [d for d in documents
             if not manifest.fresh(f"print/{d.path}", keys[d.path], staging / d.path)]
    for document in stale:
        (staging / document.path).unlink(missing_ok=True)  # never leave an outdated PDF
        manifest.keys.pop(f"print/{document.path}", None)
    for document in documents:
        if document not in stale:
            progress(f"  {download_name(document)}: unchanged, from the cache")
    if not stale:
        return []
    problem = weasyprint_problem()
    if problem:
        return [problem]
    ordered = sorted(stale, key=lambda d: -d.weight)
    results = render_all(
        [(d.html, staging / d.path, d.title, languages[d.path]) for d in ordered], workers
    )
    notes = []
    for document, result in zip(ordered, results, strict=True):
        if result.error:
            notes.append(f"signpost build: could not print {result.error}")
        else:
            manifest.keys[f"print/{document.path}"] = keys[document.path]
            progress(f"  printed {result.path.parent.name}/{result.path.name}: "
                     f"{result.pages} page(s)")
    return notes


def write_html(document: PrintDocument, staging: Path) -> None:
    target = staging / html_path(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    target.write_text(document.html, encoding="utf-8")
