"""Benchmark `signpost build` against plain MkDocs on synthetic curricula; write RESULTS.md.

    .venv/bin/python benchmarks/run.py            # N = 100, 500, 1000 (about 15 minutes)
    .venv/bin/python benchmarks/run.py --sizes 100

Every number in the table comes from this one run on this machine, so the
ratios compare like with like.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

WORK = HERE / "work"
PYTHON = sys.executable


@dataclass
class Run:
    seconds: float
    peak_bytes: int


def process_tree_rss(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def timed(command: list[str], cwd: Path | None = None) -> Run:
    """Run a command to completion; its wall time and the peak memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, process_tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{errors}")
    return Run(seconds, peak)


def signpost(root: Path, *args: str) -> Run:
    return timed([PYTHON, "-m", "signpost.cli", "--root", str(root), *args])


def plain_mkdocs(root: Path) -> Run:
    """Baseline: plain `mkdocs build`, one site after another, on Signpost's generated trees."""
    total = 0.0
    peak = 0
    target = root / "baseline-site"
    for config in sorted((root / "build" / "sources").glob("*/mkdocs.yml")):
        shutil.rmtree(target, ignore_errors=True)
        run = timed([PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(config),
                     "-d", str(target)])
        total += run.seconds
        peak = max(peak, run.peak_bytes)
    shutil.rmtree(target, ignore_errors=True)
    return Run(total, peak)


def edit_one_module(root: Path) -> str:
    module = sorted((root / "curriculum").glob("*/synthetic-*.md"))[1]  # a children 8-10 module
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("## What we can do", "One more sentence for the benchmark.\n\n"
                                   "## What we can do", 1), encoding="utf-8")
    return module.stem


@dataclass
class Row:
    modules: int
    clean: Run
    baseline: Run
    unchanged: Run
    one_edit: Run


def measure(count: int) -> Row:
    root = generate(WORK / f"n{count}", count)
    print(f"N = {count}: clean build", flush=True)
    clean = signpost(root, "build", "--no-pdf")
    print(f"N = {count}: plain mkdocs, site after site", flush=True)
    baseline = plain_mkdocs(root)
    print(f"N = {count}: rebuild, nothing changed", flush=True)
    unchanged = signpost(root, "build", "--no-pdf")
    edit_one_module(root)
    print(f"N = {count}: rebuild after editing one module", flush=True)
    one_edit = signpost(root, "build", "--no-pdf")
    return Row(count, clean, baseline, unchanged, one_edit)


def pdf_rate() -> tuple[int, float]:
    """Pages per second of the shipped curriculum's PDFs (benchmarks/pdf_pages.py)."""
    result = subprocess.run([PYTHON, str(HERE / "pdf_pages.py"), "--json"], capture_output=True,
                            text=True, check=True)
    import json

    data = json.loads(result.stdout.strip().splitlines()[-1])
    return int(data["pages"]), float(data["seconds"])


def table(rows: list[Row], pages: int, pdf_seconds: float) -> str:
    lines = [
        "| N | (a) signpost build --no-pdf | (b) plain mkdocs, serial | (a)/(b) | "
        "(c) unchanged | (c)/(a) | (d) one module edited | (d)/(a) | (a) per module | "
        "peak memory (a) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.modules} | {row.clean.seconds:.1f} s | {row.baseline.seconds:.1f} s | "
            f"{row.clean.seconds / row.baseline.seconds:.2f} | {row.unchanged.seconds:.1f} s | "
            f"{row.unchanged.seconds / row.clean.seconds:.2f} | {row.one_edit.seconds:.1f} s | "
            f"{row.one_edit.seconds / row.clean.seconds:.2f} | "
            f"{1000 * row.clean.seconds / row.modules:.0f} ms | "
            f"{row.clean.peak_bytes / 2**20:.0f} MiB |"
        )
    by_size = {row.modules: row for row in rows}
    if 100 in by_size and 1000 in by_size:
        small, large = by_size[100], by_size[1000]
        growth = (large.clean.seconds / 1000) / (small.clean.seconds / 100)
        lines += ["", f"Time per module at N = 1000 over N = 100: {growth:.2f}"]
    if pages:
        lines += ["", f"(e) PDFs of the shipped curriculum: {pages} pages in {pdf_seconds:.1f} s, "
                  f"{pages / pdf_seconds:.1f} pages per second"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF measurement")
    args = parser.parse_args()
    rows = [measure(count) for count in args.sizes]
    pages, pdf_seconds = (0, 0.0) if args.no_pdf else pdf_rate()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = "\n".join([
        "# Benchmark results",
        "",
        f"Measured on {when}; {machine}; `{' '.join(['benchmarks/run.py', *sys.argv[1:]])}`.",
        "",
        "(a) `signpost build --no-pdf` from clean; (b) plain `mkdocs build` run site after "
        "site on the docs trees and configs Signpost generated; (c) a rebuild with nothing "
        "changed; (d) a rebuild after editing one children module. Peak memory is the "
        "resident memory of the whole process tree, sampled every 50 ms.",
        "",
        "Targets: (a)/(b) at most 0.8 at N = 500; (c)/(a) at most 0.10; (d)/(a) at most "
        "0.40; time per module at N = 1000 at most 1.5 times that at N = 100; peak memory "
        "at most 1.5 GB at N = 1000; at least 20 PDF pages per second.",
        "",
        table(rows, pages, pdf_seconds),
        "",
    ])
    (HERE / "RESULTS.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
