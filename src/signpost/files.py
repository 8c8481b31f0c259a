"""Finding and reading the project's text files, safely.

No file can hang, crash or leak through here: special files (FIFOs, devices,
sockets, folders) are refused before they are opened, symbolic links may not
lead outside the project or into a loop, and at most `MAX_FILE_BYTES` + 1 bytes
are ever read. Every problem goes to the report; nothing is raised.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .diagnostics import Report
from .parse import normalise_text

MAX_FILE_BYTES = 250_000  # the longest shipped module is 13 kB
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check cannot block the open
    | getattr(os, "O_NOFOLLOW", 0)  # nor can a symlink swapped in for the checked file
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_text(path: Path, report: Report, root: Path | None = None) -> str | None:
    """Read a UTF-8 text file of the project at `root` (default: the report's root).

    Reports (and returns None for) files that are not regular files, symlinks that
    leave the project or loop, and unreadable, binary, non-UTF-8, empty or huge files.
    """
    target = _inside(path, report, report.root if root is None else root)
    if target is None:
        return None
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            _not_regular(path, report, info.st_mode)
            return None
        if info.st_size > MAX_FILE_BYTES:
            _too_big(path, report, info.st_size)
            return None
        raw = _read_at_most(target, MAX_FILE_BYTES + 1, path, report)
    except OSError as exc:
        _error(report, path, 1, "SP001", f"cannot read file: {exc.strerror or exc}")
        return None
    if raw is None:
        return None
    if len(raw) > MAX_FILE_BYTES:  # the size on disk may lie (a growing file, /proc)
        _too_big(path, report, len(raw))
        return None
    if b"\x00" in raw:
        _error(report, path, 1, "SP001", "binary file: a module must be UTF-8 text")
        return None
    try:
        text = normalise_text(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        _error(report, path, line, "SP001", "not valid UTF-8 text (save the file as UTF-8)")
        return None
    if not text.strip():
        _error(report, path, 1, "SP002", "empty file")
        return None
    return text


def module_files(curriculum_dir: Path, report: Report | None = None) -> list[Path]:
    """The module files `curriculum/<topic>/<name>.md`, sorted; never follows a link out.

    Translations (`<id>.<lang>.md`) are among them; the loader tells them apart.
    Dotfiles and `regions/` are skipped. Topic folders that are symlinks leading
    outside the project (the folder holding `curriculum/`) or into a loop, and
    folders that cannot be listed, are reported and skipped; so are `.md` files
    directly in `curriculum/` (a warning).
    """
    report = report if report is not None else Report(curriculum_dir.parent)
    root = curriculum_dir.parent
    found: list[Path] = []
    for entry in _entries(curriculum_dir, report):
        path = curriculum_dir / entry.name
        if entry.name.startswith(".") or entry.name == "regions":
            continue
        if entry.name.endswith(".md"):
            _error(report, path, 1, "SP007",
                   "this file is ignored: modules go in curriculum/<topic>/<id>.md", warning=True)
            continue
        kind = _kind(path)
        if kind == "other":
            continue
        if os.path.islink(path) and _inside(path, report, root, missing_ok=True) is None:
            continue  # a topic folder linked from outside the project, or a loop: reported
        for child in _entries(path, report):
            if child.name.endswith(".md") and not child.name.startswith("."):
                found.append(path / child.name)
    return sorted(found)


def _entries(folder: Path, report: Report) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        _error(report, folder, 1, "SP001", f"cannot read folder: {exc.strerror or exc}")
        return []


def _kind(path: Path) -> str:
    """"folder", "loop" (a symbolic link loop) or "other", links followed, never raising."""
    try:
        return "folder" if stat.S_ISDIR(os.stat(path).st_mode) else "other"
    except OSError as exc:
        return "loop" if exc.errno == errno.ELOOP else "other"
    except ValueError:
        return "other"


def _inside(path: Path, report: Report, root: Path, missing_ok: bool = False) -> Path | None:
    """`path` with its links resolved, if it stays inside `root`; else None (reported)."""
    try:
        target = Path(os.path.realpath(path, strict=True))  # the real file, links followed
        home = Path(os.path.realpath(root))
    except FileNotFoundError as exc:
        if not missing_ok:
            _error(report, path, 1, "SP001", f"cannot read file: {exc.strerror or exc}")
        return None
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a loop, for pathlib
        if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
            _error(report, path, 1, "SP006",
                   "symbolic link loop: point the link at a real file or remove it")
        else:
            reason = getattr(exc, "strerror", None) or exc
            _error(report, path, 1, "SP001", f"cannot read file: {reason}")
        return None
    if not target.is_relative_to(home):
        _error(
            report, path, 1, "SP006",
            "symbolic link leading outside the project is not followed: "
            "copy what it points to into the project instead",
        )
        return None
    return target


def _not_regular(path: Path, report: Report, mode: int) -> None:
    kind = next((name for test, name in _KINDS if test(mode)), "something else")
    _error(report, path, 1, "SP006",
           f"not a regular file but {kind}: modules and settings must be plain text files")


def _too_big(path: Path, report: Report, size: int) -> None:
    _error(
        report, path, 1, "SP005", f"file is {size // 1000} kB; the limit is "
        f"{MAX_FILE_BYTES // 1000} kB (split it into several modules)"
    )


def _read_at_most(target: Path, limit: int, path: Path, report: Report) -> bytes | None:
    """Up to `limit` bytes of the regular file `target`; None (reported) if it changed kind."""
    descriptor = os.open(target, _OPEN_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):  # swapped for something else since it was checked
            _not_regular(path, report, mode)
            return None
        chunks: list[bytes] = []
        remaining = limit
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _error(
    report: Report, path: Path, line: int, code: str, message: str, warning: bool = False
) -> None:
    """Report at `path` as written; if the report would show it otherwise (it shows paths
    with links resolved, and a loop cannot be resolved), at its folder, naming the file."""
    try:
        written = os.path.relpath(os.path.abspath(path), os.path.abspath(report.root))
        as_written = Path(report.relative(path)) == Path(written)
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop, for pathlib
        as_written = False
    if not as_written:
        path, message = path.parent, f"{path.name}: {message}"
    (report.warning if warning else report.error)(path, line, code, message)
