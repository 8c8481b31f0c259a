"""Load and check a curriculum: the first two stages every command shares."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .checks import run_checks
from .diagnostics import Report
from .loader import load_curriculum
from .model import Curriculum


def load_and_check(root: Path, today: date | None = None) -> tuple[Curriculum, Report]:
    report = Report(root)
    curriculum = load_curriculum(root, report)
    run_checks(curriculum, report, today)
    return curriculum, report
