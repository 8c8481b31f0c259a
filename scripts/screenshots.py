"""Screenshot each built site at projector, tablet and phone sizes (headless Chromium).

    .venv/bin/python scripts/screenshots.py [OUT] [--sites a,b] [--full]

Serves build/site/ on 127.0.0.1 and writes OUT/<site>-<page>-<size>.png (default OUT:
docs/screenshots). Run `signpost build` first. Used for the screenshots in docs/screenshots.md.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"projector": (1280, 800), "tablet": (768, 1024), "phone": (390, 844)}
CHROMIUM = os.environ.get("SIGNPOST_CHROMIUM", "/usr/bin/chromium")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def shrink(png: Path) -> None:
    """256 colours are plenty for a page of text and flat drawings: a fifth of the bytes."""
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)


def pages_of(site: Path) -> dict[str, str]:
    """home, a lesson, the help page and (teachers) a lesson plan."""
    found = {"home": "index.html", "help": "get-help.html"}
    lessons = sorted(p for p in site.rglob("*.html")
                     if p.parent != site and "assets" not in p.parts and "search" not in p.parts)
    plans = [p for p in lessons if "lesson-plans" in p.parts]
    others = [p for p in lessons if "lesson-plans" not in p.parts and "downloads" not in p.name]
    if others:
        found["lesson"] = others[0].relative_to(site).as_posix()
    if plans:
        found["plan"] = plans[0].relative_to(site).as_posix()
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--sites", default="")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--page", help="also write a Markdown page showing them")
    args = parser.parse_args()
    web_root = ROOT / "build" / "site"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(web_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    wanted = [s for s in args.sites.split(",") if s]
    sites = [p for p in sorted(web_root.iterdir())
             if p.is_dir() and (p / "index.html").is_file() and p.name != "downloads"
             and (not wanted or p.name in wanted)]
    shots: list[tuple[str, str, str, Path]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size in args.sizes.split(","):
            width, height = SIZES[size]
            page = browser.new_page(viewport={"width": width, "height": height})
            for site in sites:
                for name, relative in pages_of(site).items():
                    page.goto(f"{base}/{site.name}/{relative}")
                    page.wait_for_load_state("load")
                    target = out / f"{site.name}-{name}-{size}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                    shrink(target)
                    shots.append((site.name, name, size, target))
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            page.close()
        browser.close()
    server.shutdown()
    if args.page:
        write_page(Path(args.page).resolve(), shots)


def write_page(page: Path, shots: list[tuple[str, str, str, Path]]) -> None:
    """A Markdown page showing every screenshot, one table per site (rows: pages)."""
    lines = ["# What the sites look like", "",
             "Screenshots of a build of the shipped curriculum (`signpost build --region GB`), "
             "made with `scripts/screenshots.py --page docs/screenshots.md` in headless "
             "Chromium at projector (1280x800), tablet (768x1024) and phone (390x844) sizes: "
             "the first screen each reader sees.", ""]
    sizes = [size for size in SIZES if any(s[2] == size for s in shots)]
    for site in dict.fromkeys(s[0] for s in shots):
        lines += [f"## {site}", "", "| page | " + " | ".join(sizes) + " |",
                  "|---|" + "---|" * len(sizes)]
        for name in dict.fromkeys(s[1] for s in shots if s[0] == site):
            cells = []
            for size in sizes:
                found = [s[3] for s in shots if s[:3] == (site, name, size)]
                cells.append(f"![{site} {name}, {size}]({found[0].relative_to(page.parent).as_posix()})"
                             if found else "")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    page.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
