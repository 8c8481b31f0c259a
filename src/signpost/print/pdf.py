"""Print HTML to PDF with WeasyPrint, several documents at once.

WeasyPrint is imported only here, when PDFs are made: without its system
libraries (Pango) the sites still build and the user is told what to install.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MISSING_LIBRARIES = (
    "signpost build: packs and guides were not made: WeasyPrint cannot load its system "
    "libraries ({error}). On Debian or Ubuntu install them with "
    "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0` and build again"
)


# Tagged PDF for screen readers and reflow (PDF/UA-1): headings, lists and reading order
# in the structure tree, the document language and title set.
PDF_VARIANT = "pdf/ua-1"
WARM_UP = '<p style="font-family: DejaVu Sans, sans-serif">Warm <b>up</b> <i>fonts</i></p>'


@dataclass(frozen=True)
class Rendered:
    path: Path
    pages: int
    error: str | None = None


def weasyprint_problem() -> str | None:
    """A note for the user if WeasyPrint cannot be used on this machine, else None.

    On success WeasyPrint is imported and its fonts are loaded in this process, so
    that the rendering processes forked from it start warm.
    """
    try:
        import weasyprint
    except OSError as exc:
        return MISSING_LIBRARIES.format(error=exc)
    except ImportError as exc:
        return f"signpost build: packs and guides were not made: {exc}"
    weasyprint.HTML(string=WARM_UP).write_pdf()
    return None


def inline_only_fetcher() -> Any:
    """Print documents carry their images inline (data: URIs); nothing else is fetched."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before 68 takes a function
        return _legacy_inline_only
    return URLFetcher(allowed_protocols=["data"])


def _legacy_inline_only(url: str, timeout: int = 10, ssl_context: Any = None) -> Any:
    if not url.startswith("data:"):
        raise ValueError(f"print documents may not load '{url}'")
    from weasyprint.urls import default_url_fetcher

    return default_url_fetcher(url, timeout, ssl_context)


def render_pdf(html: str, target: Path, title: str, language: str) -> Rendered:
    """One document to `target`; returns its page count."""
    from weasyprint import HTML

    try:
        document = HTML(string=html, url_fetcher=inline_only_fetcher()).render()
        document.metadata.title = title
        document.metadata.lang = language
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target, pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    except Exception as exc:  # reported per document; one bad document must not hide the rest
        return Rendered(target, 0, f"{target.name}: {type(exc).__name__}: {exc}")
    return Rendered(target, len(document.pages))


def render_all(jobs: list[tuple[str, Path, str, str]], workers: int) -> list[Rendered]:
    """(html, target, title, language) each; the biggest first so processes finish together."""
    if workers <= 1 or len(jobs) <= 1:
        return [render_pdf(*job) for job in jobs]
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures = [pool.submit(render_pdf, *job) for job in jobs]
        return [future.result() for future in futures]
