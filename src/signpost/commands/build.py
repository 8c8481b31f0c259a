"""`signpost build`: lesson sites, printable packs, facilitator guides, offline bundles."""

from __future__ import annotations

import argparse
import sys

from ..builder import BuildFailed, BuildOptions, build

HELP = "build sites, packs, guides and offline bundles into build/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", default="GB",
                        help="whose helplines to show (a file in curriculum/regions/; default GB)")
    parser.add_argument("--only", action="append", metavar="SITE",
                        help="build only this site (an audiences/ file name); repeatable")
    parser.add_argument("--no-pdf", dest="pdf", action="store_false",
                        help="skip packs and guides, for a fast preview")
    parser.add_argument("--paper", choices=["a4", "letter"], default="a4",
                        help="paper size of packs and guides (default a4)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="sites built at once (default: one per CPU core)")


def run(args: argparse.Namespace) -> int:
    options = BuildOptions(root=args.root, region=args.region, only=args.only, pdf=args.pdf,
                           paper=args.paper)
    if args.jobs:
        options.jobs = max(1, args.jobs)
    print(f"signpost build: region {options.region}")
    try:
        summary = build(options)
    except BuildFailed as failure:
        for line in failure.lines:
            print(line, file=sys.stderr)
        print("signpost build: failed; build/ was left as it was", file=sys.stderr)
        return 1
    for note in summary.notes:
        print(note, file=sys.stderr)
    cached = f", {len(summary.cached)} unchanged from the cache" if summary.cached else ""
    print(
        f"signpost build: built {len(summary.sites)} site(s){cached} in {summary.seconds:.1f} s: "
        f"open build/site/index.html"
    )
    return 1 if summary.notes else 0
