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

    With `keep_previous`, the staging folder starts as a copy of the current build.
    """
    parent = build_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-new-", dir=parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a built site is for publishing
    try:
        if keep_previous and build_dir.is_dir():
            copy_previous(build_dir, staging)
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, build_dir)


# Folders whose outputs are always deleted before they are rebuilt, so sharing
# their files with the previous build (hard links) can never change it.
LINKED = ("site", "sources")


def copy_previous(build_dir: Path, staging: Path) -> None:
    for entry in build_dir.iterdir():
        target = staging / entry.name
        if entry.is_dir():
            copier = _link_or_copy if entry.name in LINKED else shutil.copy2
            shutil.copytree(entry, target, copy_function=copier, symlinks=True)
        else:
            shutil.copy2(entry, target)


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


def sync_files(folder: Path, files: dict[str, bytes]) -> set[str]:
    """Make `folder` hold exactly `files` (relative path -> bytes); return what changed.

    Unchanged files keep their inode and modification time; changed ones are
    replaced, never edited, since they may be hard links into the previous build.
    """
    changed: set[str] = set()
    for relative, content in files.items():
        target = folder / relative
        if target.is_file() and target.stat().st_size == len(content) and \
                target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        target.write_bytes(content)
        changed.add(relative)
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and relative not in files:
                path.unlink()
                changed.add(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
