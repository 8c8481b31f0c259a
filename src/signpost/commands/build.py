"""`signpost build`: lesson sites, printable packs, facilitator guides, offline bundles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..builder import BuildFailed, BuildOptions, build
from ..project import known_name, region_names, site_names

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
    parser.add_argument("--jobs", type=positive, default=None,
                        help="sites built at once, 1 or more (default: one per CPU core)")


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def chosen_names(root: Path, region: str, only: list[str] | None) -> tuple[str, list[str] | None]:
    """The region and sites as the project spells them; UsageError if one names nothing."""
    regions, sites = region_names(root), site_names(root)
    if regions:  # with no regions at all, check explains what is missing
        region = known_name(region, regions, "region")
    if only and sites:
        only = [known_name(site, sites, "site") for site in only]
    return region, only


def run(args: argparse.Namespace) -> int:
    region, only = chosen_names(args.root, args.region, args.only)
    options = BuildOptions(root=args.root, region=region, only=only, pdf=args.pdf,
                           paper=args.paper)
    if args.jobs:
        options.jobs = args.jobs
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
