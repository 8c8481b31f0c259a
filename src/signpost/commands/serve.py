"""`signpost serve`: preview one site, rebuilding when a module changes."""

from __future__ import annotations

import argparse

HELP = "preview one site on 127.0.0.1, rebuilding when the curriculum changes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", help="an audiences/ file name, e.g. children-8-10")
    parser.add_argument("--region", default="GB")
    parser.add_argument("--port", type=int, default=8000)


def run(args: argparse.Namespace) -> int:
    print("signpost serve: not available yet")
    return 2
