"""`signpost new`: write a new module from a template that passes `check`."""

from __future__ import annotations

import argparse

HELP = "write a new module from a template that already passes check"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the module id: lowercase words joined by hyphens")
    parser.add_argument("--audience", required=True, choices=["children", "parents", "teachers"])
    parser.add_argument("--topic", required=True, help="a topic id from curriculum/topics.yml")
    parser.add_argument("--age-band", help="for children modules: 4-7, 8-10, 11-13 or 14-17")


def run(args: argparse.Namespace) -> int:
    print("signpost new: not available yet")
    return 2
