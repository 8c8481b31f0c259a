"""Load and check a curriculum: the first two stages every command shares."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .checks import run_checks
from .diagnostics import Report
from .loader import load_curriculum
from .model import Curriculum


def load_and_check(
    root: Path, today: date | None = None, advisory: bool = True
) -> tuple[Curriculum, Report]:
    """`advisory` False skips rules that can only warn: a build needs the errors alone."""
    report = Report(root)
    curriculum = load_curriculum(root, report)
    run_checks(curriculum, report, today, advisory)
    return curriculum, report
