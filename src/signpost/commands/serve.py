"""`signpost serve`: preview one site, rebuilding when the curriculum changes.

MkDocs' own live-reload server does the serving, watching and browser reloading;
each rebuild runs the same stages as `signpost build` for one site, into a
temporary folder.
"""

from __future__ import annotations

import argparse
import html
import logging
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

from ..builder import BuildFailed, prepare_site
from ..pipeline import load_and_check
from ..project import known_name, region_names, site_names
from ..render.mkdocs_build import build_site

HELP = "preview one site on 127.0.0.1, rebuilding when the curriculum changes"
HOST = "127.0.0.1"
WATCHED = ("curriculum", "audiences", "mkdocs.yml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", help="an audiences/ file name, e.g. children-8-10")
    parser.add_argument("--region", default="GB",
                        help="whose helplines to show (a file in curriculum/regions/; default GB)")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")


class SitePreview:
    """Rebuilds one site into `workdir`; a failed rebuild keeps the last good one."""

    def __init__(self, root: Path, site_id: str, region: str, workdir: Path) -> None:
        self.root = root
        self.site_id = site_id
        self.region = region
        self.sources = workdir / "sources"
        self.site_dir = workdir / "site"
        self.site_dir.mkdir(parents=True, exist_ok=True)
        self.problems: list[str] = []
        self.showing_problems = False

    def rebuild(self) -> bool:
        say(f"signpost serve: building {self.site_id}...")
        try:
            self.build_once()
        except BuildFailed as failure:
            for line in failure.lines:
                say(line, error=True)
            if (self.site_dir / "index.html").is_file() and not self.showing_problems:
                say("signpost serve: showing the last good build; fix the problems above and "
                    "save", error=True)
            else:
                self.show_problems(self.problems or failure.lines)
                say("signpost serve: the preview lists the problems; fix them and save",
                    error=True)
            return False
        self.showing_problems = False
        say(f"signpost serve: built {self.site_id}")
        return True

    def show_problems(self, lines: list[str]) -> None:
        """With no good build yet, the preview is a page listing what to fix."""
        items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
        page = (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                f"<title>Cannot preview yet</title></head><body><h1>Cannot preview "
                f"{html.escape(self.site_id)} yet</h1><p>Fix these problems and save: this "
                f"page reloads by itself.</p><ul>{items}</ul></body></html>\n")
        (self.site_dir / "index.html").write_text(page, encoding="utf-8")
        self.showing_problems = True

    def build_once(self) -> None:
        curriculum, report = load_and_check(self.root)
        self.problems = [d.format() for d in report.sorted()]
        for line in self.problems:
            say(line, error=True)
        if report.errors:
            raise BuildFailed([f"{len(report.errors)} error(s) from check"])
        site = curriculum.sites.get(self.site_id)
        if site is None:
            raise BuildFailed([f"unknown site '{self.site_id}'; known: "
                               f"{', '.join(sorted(curriculum.sites))}"])
        if self.region not in curriculum.regions:
            raise BuildFailed([f"unknown region '{self.region}'; known: "
                               f"{', '.join(sorted(curriculum.regions))}"])
        base = self.root / "mkdocs.yml"
        if not base.is_file():
            raise BuildFailed([f"{base}:1: SP300 missing the base mkdocs.yml every site inherits"])
        config, _ = prepare_site(curriculum, site, self.region, base, self.sources, self.site_dir)
        result = build_site(site.id, config)
        if not result.ok:
            raise BuildFailed([f"{site.id}: {message}" for message in result.messages])


def run(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    # Refuse at once what no edit while serving could fix (UsageError: exit 2).
    site_id = known_name(args.site, site_names(root), "site")
    region = known_name(args.region, region_names(root), "region")
    from mkdocs.livereload import LiveReloadServer

    workdir = Path(tempfile.mkdtemp(prefix="signpost-serve-"))
    try:
        preview = SitePreview(root, site_id, region, workdir)
        preview.rebuild()
        server = LiveReloadServer(builder=preview.rebuild, host=HOST, port=args.port,
                                  root=str(preview.site_dir))
        server.error_handler = lambda code: error_page(preview.site_dir, code)
        for part in WATCHED:
            if (root / part).exists():
                server.watch(str(root / part))
        return serve_until_stopped(server, site_id)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def serve_until_stopped(server, site_id: str) -> int:
    quiet_livereload_log()
    try:
        server.server_bind()
    except OSError as exc:
        server.server_close()
        print(f"signpost serve: cannot listen on {server.url}: {exc.strerror}", file=sys.stderr)
        return 1
    # LiveReloadServer.serve() binds again; it is already bound, so skip that step.
    server.server_bind = lambda: None
    stop_on_signals(server)
    say(f"signpost serve: previewing {site_id} at {server.url} (Ctrl+C to stop)")
    try:
        server.serve()  # returns once shutdown() has been asked for
    except KeyboardInterrupt:  # a second Ctrl+C while stopping
        pass
    finally:
        server.shutdown()
    say("signpost serve: stopped")
    return 0


def stop_on_signals(server) -> None:
    """Ctrl+C or SIGTERM asks the server to stop between rebuilds, never in the middle of one.

    The request is made from a thread, since shutdown() waits for the serving thread;
    a second Ctrl+C interrupts at once.
    """

    def request_stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)


def error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def quiet_livereload_log() -> None:
    """MkDocs logs each rebuild at INFO; show its warnings only, our own lines say the rest."""
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)


def say(line: str, error: bool = False) -> None:
    print(line, file=sys.stderr if error else sys.stdout, flush=True)
