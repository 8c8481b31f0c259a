"""Run MkDocs' own build on a generated config, in strict mode, in a worker process."""

from __future__ import annotations

import json
import logging
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SiteResult:
    site_id: str
    ok: bool
    messages: list[str] = field(default_factory=list)
    partial: bool = False
    seconds: float = 0.0


@dataclass(frozen=True)
class SiteJob:
    site_id: str
    config: Path
    output: Path | None
    changed_pages: list[str] | None  # docs paths: a page-level rebuild of these only
    pages: int = 0
    archive: Path | None = None  # where to zip the built site for offline use

    def weight(self) -> int:
        """Rough cost, so the pool can start the biggest builds first."""
        return len(self.changed_pages) if self.changed_pages is not None else 10 * self.pages


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns about every dirty build; ours are only run when the nav is unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def build_site(site_id: str, config_file: Path) -> SiteResult:
    """Build one site from clean; never raises, so a pool can report every site's outcome."""
    return run_site_job(SiteJob(site_id, config_file, None, None))


def run_site_job(job: SiteJob) -> SiteResult:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .projector import write_projector_pages

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    quiet = _QuietDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    dirty = job.changed_pages is not None
    started = time.monotonic()
    try:
        config = load_config(config_file=str(job.config), strict=True)
        site_dir = Path(config.site_dir)
        previous_index = prepare_dirty_build(site_dir, job.changed_pages) if dirty else None
        build(config, dirty=dirty)
        if previous_index is not None:
            merge_search_index(site_dir, previous_index, job.changed_pages or [])
        # Each lesson's projector view, cut from its built page (see projector.py).
        write_projector_pages(site_dir, [page_output(p) for p in job.changed_pages or []]
                              if dirty else None)
    except (MkDocsException, OSError, ValueError) as exc:
        return SiteResult(job.site_id, False, [*collect.messages, str(exc)])
    finally:
        logger.removeHandler(collect)
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    keep_requests_on_site(site_dir)
    if job.archive is not None:
        zip_site(site_dir, job.archive)
    return SiteResult(job.site_id, True, collect.messages, partial=dirty,
                      seconds=time.monotonic() - started)


def zip_site(site_dir: Path, target: Path) -> None:
    """The site as a zip that opens from a USB stick with no network.

    `target` belongs outside `site_dir` (build/site/downloads/offline/); it is never zipped
    into itself."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()  # may be a hard link into the previous build
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.resolve() != target.resolve():
                archive.write(path, Path(site_dir.name) / path.relative_to(site_dir))


# Files MkDocs and its plugins rewrite on every build, dirty or not.
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json",
                  "search/search_index.js")


def page_output(docs_path: str) -> str:
    return docs_path[: -len(".md")] + ".html"


def prepare_dirty_build(site_dir: Path, changed_pages: list[str] | None) -> dict:
    """Unlink what the build will rewrite (it is hard-linked to the previous build).

    Returns the previous search index, to merge the rebuilt pages into.
    """
    index_path = site_dir / "search" / "search_index.json"
    previous = json.loads(index_path.read_text(encoding="utf-8"))
    for relative in [*ALWAYS_WRITTEN, *(page_output(p) for p in changed_pages or [])]:
        path = site_dir / relative
        if path.exists():
            path.unlink()
    return previous


def merge_search_index(site_dir: Path, previous: dict, changed_pages: list[str]) -> None:
    """Search entries of unchanged pages from before, of changed pages from this build."""
    index_path = site_dir / "search" / "search_index.json"
    fresh = json.loads(index_path.read_text(encoding="utf-8"))
    rebuilt = {page_output(p) for p in changed_pages}
    kept = [doc for doc in previous.get("docs", [])
            if doc.get("location", "").split("#", 1)[0] not in rebuilt]
    fresh["docs"] = kept + [doc for doc in fresh.get("docs", [])
                            if doc.get("location", "").split("#", 1)[0] in rebuilt]
    data = json.dumps(fresh, separators=(",", ":"))
    index_path.unlink()
    index_path.write_text(data, encoding="utf-8")
    script = site_dir / "search" / "search_index.js"
    if script.exists():  # the offline plugin's copy, for search from file://
        script.unlink()
        script.write_text(f"var __index = {data}", encoding="utf-8")


# Material's bundle can fetch polyfills (ResizeObserver, mermaid) from a public CDN
# when a browser lacks them. Pointing those at the site itself means a child's
# browser never contacts another host, whatever it supports.
REMOTE_SCRIPT = re.compile(r"https://unpkg\.com/[^\"'`\s)]*")


def keep_requests_on_site(site_dir: Path) -> None:
    """Drop source maps and re-point the theme's CDN fallbacks to the site itself."""
    for source_map in site_dir.rglob("*.map"):
        source_map.unlink()
    assets = site_dir / "assets"
    for script in [*assets.rglob("*.js"), *assets.rglob("*.css")]:
        text = script.read_text(encoding="utf-8")
        local = REMOTE_SCRIPT.sub("./assets/javascripts/unavailable.js", text)
        local = re.sub(r"\n/[/*]# sourceMappingURL=\S+\s*(?:\*/)?\s*$", "\n", local)
        if local != text:
            script.unlink()  # may be a hard link into the previous build
            script.write_text(local, encoding="utf-8")
