"""Shared fixtures: copies of the project to build in, and one real build of the shipped curriculum."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("curriculum", "audiences", "mkdocs.yml")


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of the project's inputs (not build/) to change and build in a test."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def run_signpost(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "signpost.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped curriculum built once (sites, packs, guides) for region GB; returns build/."""
    root = copy_project(tmp_path_factory.mktemp("shipped"))
    result = run_signpost(root, "build", "--region", "GB")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build"


@pytest.fixture(scope="session")
def shipped_curriculum():
    from signpost.pipeline import load_and_check

    curriculum, report = load_and_check(ROOT)
    return curriculum


# The translated sites a region publishes (audiences/<id>.<lang>.yml, region `languages:`).
URDU_SITES = ("children-8-10-ur", "parents-ur")
LITHUANIAN_SITES = ("children-8-10-lt", "parents-lt")


def build_only(root: Path, region: str, sites: tuple[str, ...], *extra: str) -> Path:
    args = ["build", "--region", region, *extra]
    for site in sites:
        args += ["--only", site]
    result = run_signpost(root, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build"


@pytest.fixture(scope="session")
def pk_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Urdu sites for region PK, with the English 8-10 site beside them, and their PDFs."""
    root = copy_project(tmp_path_factory.mktemp("pk"))
    return build_only(root, "PK", (*URDU_SITES, "children-8-10"))


@pytest.fixture(scope="session")
def lt_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Lithuanian sites for region LT, and their PDFs."""
    root = copy_project(tmp_path_factory.mktemp("lt"))
    return build_only(root, "LT", LITHUANIAN_SITES)
