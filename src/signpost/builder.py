"""`signpost build`, stage by stage: check, select, render docs trees, build sites, swap in."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Manifest, inputs_key, text_key
from .diagnostics import Report
from .htmlcheck import article_findings
from .i18n import _, language
from .model import Curriculum, Site
from .output import staged_build
from .pipeline import load_and_check
from .render.landing import PRINT_PAGE, landing_page, write_landing
from .render.markdown import RenderError
from .render.mkdocs_build import SiteJob, SiteResult, run_site_job, zip_site
from .render.pages import docs_tree
from .render.siteconfig import write_site_sources
from .render.styles import PICTURES_DIR
from .select import select_site, without_drafts
from .verify import gated_phrases, leaks, print_outputs, site_outputs

Progress = Callable[[str], None]


class BuildFailed(Exception):
    """The build stopped; `lines` say why, one problem each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass
class BuildOptions:
    root: Path
    region: str = "GB"
    only: list[str] | None = None
    pdf: bool = True
    paper: str = "a4"
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass
class BuildSummary:
    sites: list[str]  # built this time
    seconds: float
    notes: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)  # reused unchanged from the last build


@dataclass(frozen=True)
class PreparedSite:
    site_id: str
    config: Path
    output: Path
    key: str  # everything the site is built from
    layout_key: str  # its config and navigation: when equal, only page contents differ
    changed: frozenset[str]  # docs paths rewritten since the previous build
    pages: int

    @property
    def name(self) -> str:
        return f"site/{self.site_id}"

    def only_pages_changed(self, manifest: Manifest) -> bool:
        """True when a page-level (dirty) MkDocs build gives the same output as a full one."""
        return (
            manifest.fresh(f"{self.name}/layout", self.layout_key, self.output / "index.html")
            and all(path.endswith(".md") for path in self.changed)
            and all((self.config.parent / "docs" / path).is_file() for path in self.changed)
        )


def build(options: BuildOptions, progress: Progress = print) -> BuildSummary:
    started = time.monotonic()
    build_dir = options.root / "build"
    manifest = Manifest.read(build_dir)
    inputs = inputs_key(options.root, options.region, options.paper, str(options.pdf),
                        ",".join(options.only or []))
    if manifest.keys.get("inputs") == inputs and manifest.outputs_present(build_dir):
        for site_id in manifest.sites():
            progress(f"  {site_id}: unchanged, from the cache")
        progress("  no input has changed since the last build")
        return BuildSummary([], time.monotonic() - started, [], manifest.sites())
    curriculum, report = load_and_check(options.root, advisory=False)
    refuse_if_invalid(report)
    curriculum = without_drafts(curriculum)
    sites = chosen_sites(curriculum, options)
    manifest.keys.pop("inputs", None)
    # Every output shows one region's help: outputs of another region are never kept.
    same_region = manifest.keys.get("region") == options.region
    if not same_region:
        manifest = Manifest()
    manifest.keys["region"] = options.region
    notes: list[str] = []
    with staged_build(build_dir, keep_previous=same_region) as staging:
        for old in OLD_LAYOUT:  # before downloads moved into the published folder
            if (staging / old).is_dir():
                shutil.rmtree(staging / old)
        if not options.only:
            prune_stale(staging, {site.id for site in sites})
        prepared = write_sources(curriculum, sites, options, staging, progress)
        stale = [p for p in prepared if not manifest.fresh(p.name, p.key, p.output / "index.html")]
        for site in prepared:
            if site not in stale:
                progress(f"  {site.site_id}: unchanged, from the cache")
        jobs = [site_job(site, manifest, offline_zip(staging, site.site_id)) for site in stale]
        results = build_sites(jobs, options.jobs, progress)
        failed = [r for r in results if not r.ok]
        if failed:
            raise BuildFailed(
                [f"{r.site_id}: {message}" for r in failed for message in r.messages]
            )
        for site in prepared:
            zipped = offline_zip(staging, site.site_id)
            if relative_404(site.output, site.site_id) or not zipped.exists():
                zip_site(site.output, zipped)  # again, when the 404 page changed after
            manifest.keys[site.name] = site.key
            manifest.keys[f"{site.name}/layout"] = site.layout_key
        if options.pdf:
            notes += build_print(curriculum, sites, options, staging, progress, manifest)
        outputs_problems = verify_outputs(curriculum, staging, options.region,
                                          {site.id for site in sites}, options.pdf)
        if outputs_problems:
            raise BuildFailed(outputs_problems)
        all_sites = sorted((site for site in curriculum.sites.values()
                            if (staging / "site" / site.id / "index.html").exists()),
                           key=landing_order)
        write_landing(
            staging / "site" / "index.html",
            landing_page(curriculum, all_sites, options.region, downloads(staging, all_sites),
                         {site.id for site in all_sites
                          if (staging / "site" / site.id / PRINT_PAGE).is_file()},
                         site_pictures(staging, all_sites)),
        )
        if not notes:  # a build that could not make everything is never "complete"
            manifest.keys["inputs"] = inputs
        manifest.write(staging)
    built = [p.site_id for p in stale]
    cached = [p.site_id for p in prepared if p not in stale]
    return BuildSummary(built, time.monotonic() - started, notes, cached)


def verify_outputs(curriculum: Curriculum, staging: Path, region: str,
                   chosen: set[str] | None = None, printed: bool = True) -> list[str]:
    """Problems if any page's content breaks the HTML allowlist, or any learner or parent
    output holds facilitator-only text (see verify.py). Every published output is scanned,
    also sites an `--only` build and PDFs a `--no-pdf` build left from before: text the
    modules now keep for facilitators must not stay published. Those get a hint to rebuild."""
    phrases = gated_phrases(curriculum, region)
    problems: list[str] = []
    for site in curriculum.sites.values():
        found = unsafe_pages(staging / "site" / site.id, staging)
        in_print: list[str] = []
        if site.kind != "teachers":
            found += leaks(site_outputs(staging / "site" / site.id), phrases, staging)
            prints = [staging / "print" / "packs" / f"{site.id}.html",
                      *sorted((staging / "print" / "posters").glob(f"{site.id}-*.html"))]
            if site.kind == "parents":
                prints.append(staging / "print" / "guides" / "parents.html")
            in_print = leaks(print_outputs(prints), phrases, staging)
        if found and chosen is not None and site.id not in chosen:
            found.append(f"site/{site.id}: built by an earlier build from other modules; "
                         f"rebuild it too (signpost build --only {site.id}, or without --only)")
        if in_print and (not printed or (chosen is not None and site.id not in chosen)):
            in_print.append(f"the PDFs of {site.id} were made by an earlier build from other "
                            "modules; rebuild them too (signpost build, without --no-pdf)")
        problems += found + in_print
    return problems


def unsafe_pages(site_dir: Path, staging: Path) -> list[str]:
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        found = article_findings(page.read_text(encoding="utf-8", errors="replace"))
        if found:
            problems.append(f"{page.relative_to(staging).as_posix()}: {found[0].message}; "
                            "nothing was published")
    return problems


def refuse_if_invalid(report: Report) -> None:
    if report.errors:
        lines = [d.format() for d in report.sorted() if d in report.errors]
        lines.append(
            f"signpost build: the curriculum has {len(report.errors)} error(s); "
            "fix them (see `signpost check`) and build again"
        )
        raise BuildFailed(lines)


def chosen_sites(curriculum: Curriculum, options: BuildOptions) -> list[Site]:
    if options.region not in curriculum.regions:
        known = ", ".join(sorted(curriculum.regions))
        raise BuildFailed([f"signpost build: unknown region '{options.region}'; known: {known}"])
    if not options.only:
        return region_sites(curriculum, options.region)
    unknown = [s for s in options.only if s not in curriculum.sites]
    if unknown:
        known = ", ".join(sorted(curriculum.sites))
        raise BuildFailed([f"signpost build: unknown site '{s}'; known: {known}" for s in unknown])
    return [curriculum.sites[s] for s in options.only]


def region_sites(curriculum: Curriculum, region: str) -> list[Site]:
    """The sites a build for `region` publishes: every source site, and each translated site
    in a language the region's file lists."""
    languages = curriculum.regions[region].languages if region in curriculum.regions else ()
    return [site for site in curriculum.sites.values()
            if site.translates is None or site.language in languages]


def write_sources(
    curriculum: Curriculum, sites: list[Site], options: BuildOptions, staging: Path,
    progress: Progress,
) -> list[PreparedSite]:
    base = options.root / "mkdocs.yml"
    if not base.is_file():
        raise BuildFailed([f"{base}:1: SP300 missing the base mkdocs.yml every site inherits"])
    base_bytes = base.read_bytes()
    available = available_pdfs(sites, options, staging)
    prepared: list[PreparedSite] = []
    for site in sites:
        source_dir = staging / "sources" / site.id
        site_dir = staging / "site" / site.id
        config, pages, changed, key = prepare_site_sources(
            curriculum, site, options.region, base, source_dir, site_dir, available
        )
        prepared.append(PreparedSite(
            site.id, config, site_dir,
            key=key,
            layout_key=text_key(config.read_text(encoding="utf-8"), base_bytes.decode("utf-8")),
            changed=frozenset(changed),
            pages=pages,
        ))
        progress(f"  prepared {site.id}: {pages} module page(s)")
    return prepared


def available_pdfs(sites: list[Site], options: BuildOptions, staging: Path) -> frozenset[str]:
    """The PDFs build/site/downloads/ will hold after this build (relative to it): those a
    previous build left, and those this one prints. "Print and share" links only these."""
    from .print.documents import planned_pdf_paths

    folder = staging / "site" / DOWNLOADS
    kept = {p.relative_to(folder).as_posix() for p in folder.glob("*/*.pdf")}
    planned = planned_pdf_paths(sites, everything=not options.only) if options.pdf else set()
    return frozenset(kept | planned)


def prune_stale(staging: Path, site_ids: set[str]) -> None:
    """Remove what a previous build made for sites that no longer exist."""
    for folder in ("site", "sources"):
        for entry in (staging / folder).glob("*"):
            if entry.is_dir() and entry.name not in site_ids and \
                    (folder, entry.name) != ("site", DOWNLOADS):
                shutil.rmtree(entry)
    for pattern in (f"site/{DOWNLOADS}/offline/*.zip", f"site/{DOWNLOADS}/packs/*",
                    "print/packs/*"):
        for entry in staging.glob(pattern):
            if entry.name.split(".")[0] not in site_ids:
                entry.unlink()
    for pattern in (f"site/{DOWNLOADS}/posters/*", "print/posters/*"):
        for entry in staging.glob(pattern):
            if entry.name.split(".")[0].rsplit("-", 1)[0] not in site_ids:
                entry.unlink()


def prepare_site(
    curriculum: Curriculum, site: Site, region: str, base: Path, source_dir: Path,
    site_dir: Path,
) -> tuple[Path, int]:
    """Write one site's docs tree and mkdocs.yml; return the config path and page count."""
    config, pages, _, _ = prepare_site_sources(
        curriculum, site, region, base, source_dir, site_dir
    )
    return config, pages


def prepare_site_sources(
    curriculum: Curriculum, site: Site, region: str, base: Path, source_dir: Path,
    site_dir: Path, downloads: frozenset[str] | None = None,
) -> tuple[Path, int, set[str], str]:
    """As prepare_site, also returning the docs paths that changed and the sources' key.
    `downloads`: the PDFs that will exist (None: not known, as in a preview; all listed)."""
    content = select_site(curriculum, site)
    try:
        tree = docs_tree(curriculum, content, region, downloads)
    except RenderError as exc:
        raise BuildFailed([str(exc)]) from None
    config, changed, key = write_site_sources(site, tree, base, source_dir, site_dir, region)
    return config, len(content.pages()), changed, key


def site_job(site: PreparedSite, manifest: Manifest, archive: Path) -> SiteJob:
    """A page-level rebuild when only page contents changed, else a clean one."""
    if site.only_pages_changed(manifest):
        return SiteJob(site.site_id, site.config, site.output, sorted(site.changed), site.pages,
                       archive)
    if site.output.exists():
        shutil.rmtree(site.output)  # hard-linked to the previous build: never edit in place
    return SiteJob(site.site_id, site.config, site.output, None, site.pages, archive)


def build_sites(jobs: list[SiteJob], workers: int, progress: Progress) -> list[SiteResult]:
    """One process per site, `workers` at a time, biggest first: MkDocs is single-threaded."""
    jobs = sorted(jobs, key=lambda job: -job.weight())
    if workers <= 1 or len(jobs) <= 1:
        results = [run_site_job(job) for job in jobs]
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            results = list(pool.map(run_site_job, jobs))
    for result in results:
        scope = " (changed pages only)" if result.partial else ""
        progress(f"  built {result.site_id}{scope} in {result.seconds:.1f} s"
                 if result.ok else f"  FAILED {result.site_id}")
    return results


def build_print(
    curriculum: Curriculum, sites: list[Site], options: BuildOptions, staging: Path,
    progress: Progress, manifest: Manifest | None = None,
) -> list[str]:
    """Packs and guides (PDF and HTML); returns notes when some could not be made."""
    from .print.documents import PrintSettings
    from .print.outputs import write_print

    settings = PrintSettings(options.region, options.paper)
    try:
        return write_print(curriculum, sites, settings, staging, everything=not options.only,
                           workers=options.jobs, progress=progress, manifest=manifest)
    except RenderError as exc:
        raise BuildFailed([str(exc)]) from None


def site_pictures(staging: Path, sites: list[Site]) -> dict[str, str]:
    """Each site's help picture (render/pages.py help_page), for its landing page card."""
    found = {}
    for site in sites:
        relative = f"{site.id}/{PICTURES_DIR}/help.svg"
        if (staging / "site" / relative).is_file():
            found[site.id] = relative
    return found


def landing_order(site: Site) -> tuple[int, str]:
    """Learner sites youngest first, then the adults' sites."""
    from .model import AGE_BANDS

    return (AGE_BANDS.index(site.band) if site.band else len(AGE_BANDS), site.id)


DOWNLOADS = "downloads"  # build/site/downloads/: packs, guides and offline copies, published
OLD_LAYOUT = ("packs", "guides", "offline")  # where builds before it put them, in build/


def offline_zip(staging: Path, site_id: str) -> Path:
    """A site's offline copy: beside the sites in the published folder, never inside one."""
    return staging / "site" / DOWNLOADS / "offline" / f"{site_id}.zip"


def downloads(staging: Path, sites: list[Site]) -> dict[str, list[Download]]:
    """Each site card's downloads on the landing page, as links relative to build/site/.

    A learner site's card links its learner material only (its pack and offline copy); the
    facilitator guides go with the teachers' site, the parents' guide with the parents' site.
    """
    from .model import AGE_BANDS

    published = staging / "site"
    links: dict[str, list[Download]] = {}

    def add(entries: list[Download], label: str, relative: str) -> None:
        path = published / DOWNLOADS / relative
        if path.is_file():
            entries.append(Download(label, f"{DOWNLOADS}/{relative}", size(path)))

    for site in sites:
        entries: list[Download] = []
        with language(site.language):  # each site's card is in its readers' language
            if site.learner:
                add(entries, _("Printable pack (PDF)"), f"packs/{site.id}.pdf")
            if site.kind == "teachers":
                for band in AGE_BANDS:
                    add(entries, _("Facilitator guide, ages {band} (PDF)").format(band=band),
                        f"guides/{band}.pdf")
            if site.kind == "parents":
                add(entries, _("Parents' guide (PDF)"), f"guides/{site.id}.pdf")
            if site.learner or site.kind == "parents":
                add(entries, _("Help poster, A4 (PDF)"), f"posters/{site.id}-a4.pdf")
                add(entries, _("Help poster, US Letter (PDF)"), f"posters/{site.id}-letter.pdf")
            add(entries, _("Offline copy (zip, opens with no internet)"),
                f"offline/{site.id}.zip")
        links[site.id] = entries
    return links


@dataclass(frozen=True)
class Download:
    label: str
    href: str  # relative to build/site/
    size: str  # for people on slow networks: "1.2 MB"


def size(path: Path) -> str:
    count = path.stat().st_size
    if count < 1_000_000:
        return f"{max(1, round(count / 1000))} kB"
    return f"{count / 1_000_000:.1f} MB"


ROOT_ABSOLUTE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def relative_404(site_dir: Path, site_id: str) -> bool:
    """Make a site's 404 page work wherever the site is published.

    Without `site_url` MkDocs writes 404.html with root-absolute links (/assets/...), right
    only for a site at the web root. Here they become relative to the site's folder, and a
    small script sets the page's base to that folder when a web server shows the page for a
    missing address deeper down (/<site-id>/a/b/missing.html). With `site_url`, MkDocs'
    links already name the published folder, and the page is left as it is.

    Returns True when it rewrote the page.
    """
    page = site_dir / "404.html"
    if not page.is_file():
        return False
    text = page.read_text(encoding="utf-8")
    if '"base": "/"' not in text or BASE_SCRIPT_MARK in text:
        return False
    text = ROOT_ABSOLUTE.sub(r"\1", text).replace(' href=""', ' href="./"')
    text = text.replace('"base": "/"', '"base": "."').replace('"search": "/', '"search": "')
    text = text.replace('new URL("/",location)', 'new URL(".",document.baseURI)')
    script = BASE_SCRIPT.replace("SITE_ID", json.dumps(f"/{site_id}/"))
    text = text.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + script, 1)
    text = re.sub(r'(<script src="assets/javascripts/bundle\.)', CONFIG_SCRIPT + r"\n\1", text,
                  count=1)
    page.unlink()  # may be a hard link into the previous build
    page.write_text(text, encoding="utf-8")
    return True


BASE_SCRIPT_MARK = "signpost-404-base"
BASE_SCRIPT = (
    '<script id="signpost-404-base">(function () {'
    " var path = location.pathname, folder = SITE_ID, at = path.indexOf(folder);"
    " if (location.protocol.indexOf('http') === 0 && at >= 0)"
    " document.write('<base href=\"' + path.slice(0, at + folder.length) + '\">');"
    " })();</script>"
)
# The theme's scripts find the search index from the page's address, not its base: point
# them at the site's folder too.
CONFIG_SCRIPT = (
    "<script>(function () { var config = document.getElementById('__config');"
    " if (!config || !document.querySelector('base')) return;"
    " var data = JSON.parse(config.textContent);"
    " data.base = new URL(data.base, document.baseURI).href;"
    " data.search = new URL(data.search, document.baseURI).href;"
    " config.textContent = JSON.stringify(data); })();</script>"
)
