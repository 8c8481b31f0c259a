"""`signpost check`: validate the whole curriculum."""

from __future__ import annotations

import argparse
import sys

from ..diagnostics import Diagnostic, Report, Severity
from ..model import Curriculum
from ..pipeline import load_and_check

HELP = "validate the curriculum; print path:line: CODE message per problem; exit 1 on errors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=["text", "github", "json"], default="text",
        help="text (default), github (workflow annotations) or json",
    )
    parser.add_argument(
        "--waivers", action="store_true",
        help="also list every rule waived by a module, with its reason",
    )


def waiver_notes(curriculum: Curriculum, report: Report) -> list[Diagnostic]:
    """Every rule a module waives, with its reason, as one-line notes."""
    notes = []
    for module in sorted(curriculum.modules.values(), key=lambda m: m.path):
        for code, reason in sorted(module.waivers.items()):
            notes.append(Diagnostic(report.relative(module.path), module.line_of("waivers", code),
                                    code, "waived: " + " ".join(reason.split()), Severity.NOTE))
    return notes


def run(args: argparse.Namespace) -> int:
    curriculum, report = load_and_check(args.root)
    output = report.render(args.format)
    if output:
        print(output)
    if args.waivers:
        for waiver in waiver_notes(curriculum, report):
            print(waiver.format_github() if args.format == "github" else waiver.format())
    if report.errors and args.format == "text":
        print(
            f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)", file=sys.stderr
        )
    return 1 if report.errors else 0
