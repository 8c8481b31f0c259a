"""Pages per second of printing the shipped curriculum's packs and guides (one run).

    .venv/bin/python benchmarks/pdf_pages.py [--root .] [--region GB] [--jobs N]

Assembles every print document (as `signpost build` does), then times only the
PDF rendering, in parallel processes, one per core unless told otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from signpost.pipeline import load_and_check
from signpost.print.documents import PrintSettings, print_documents
from signpost.print.pdf import render_all, weasyprint_problem

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--region", default="GB")
    parser.add_argument("--paper", default="a4", choices=["a4", "letter"])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", action="store_true",
                        help="end with one JSON line of pages and seconds (for benchmarks/run.py)")
    args = parser.parse_args()
    curriculum, _ = load_and_check(args.root)
    settings = PrintSettings(args.region, args.paper)
    documents = sorted(print_documents(curriculum, list(curriculum.sites.values()), settings),
                       key=lambda d: -d.weight)
    problem = weasyprint_problem()  # imports WeasyPrint once, before the clock starts
    if problem:
        print(problem, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as out:
        jobs = [(d.html, Path(out) / d.path, d.title, d.language) for d in documents]
        cpu_before = cpu_seconds()
        started = time.perf_counter()
        results = render_all(jobs, args.jobs)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds() - cpu_before
    failed = [r.error for r in results if r.error]
    for error in failed:
        print(f"failed: {error}", file=sys.stderr)
    pages = sum(r.pages for r in results)
    print(f"documents: {len(results)}  processes: {min(args.jobs, len(results))}")
    print(f"pages: {pages}  seconds: {seconds:.2f}  pages/s: {pages / seconds:.1f}")
    # On a shared machine wall time depends on other load; CPU time does not.
    print(f"cpu seconds: {cpu:.2f}  pages per cpu-second: {pages / cpu:.1f}")
    if args.json:
        print(json.dumps({"pages": pages, "seconds": seconds, "cpu_seconds": cpu}))
    return 1 if failed else 0


def cpu_seconds() -> float:
    """User and system time of this process and its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main())
