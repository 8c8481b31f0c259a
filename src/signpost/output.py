"""Write `build/` all at once: a failed build leaves the previous one as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_build(build_dir: Path, keep_previous: bool = False) -> Iterator[Path]:
    """Yield an empty staging folder beside `build_dir`; swap it in if the block succeeds.

    With `keep_previous`, the staging folder starts as a copy of the current build
    (hard links where possible; writers must replace files, never edit them).
    """
    parent = build_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-new-", dir=parent))
    try:
        if keep_previous and build_dir.is_dir():
            shutil.rmtree(staging)
            shutil.copytree(build_dir, staging, copy_function=_link_or_copy, symlinks=True)
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, build_dir)


def swap_in(staging: Path, build_dir: Path) -> None:
    old: Path | None = None
    if build_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".build-old-", dir=build_dir.resolve().parent))
        old.rmdir()
        os.replace(build_dir, old)
    os.replace(staging, build_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
