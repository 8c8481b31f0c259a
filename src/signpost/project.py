"""Where the project is, and the names a user may type for its regions and sites."""

from __future__ import annotations

from pathlib import Path

MARKERS = ("curriculum", "audiences")


class UsageError(Exception):
    """Something the user typed names nothing: exit code 2, one line."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding curriculum/ and audiences/ (else `start`)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if all((folder / marker).is_dir() for marker in MARKERS):
            return folder
    return start


def checked_root(root: Path | None) -> Path:
    """The project folder the user named (or the one around the current folder)."""
    if root is None:
        return find_root(Path.cwd())
    if not root.is_dir():
        raise UsageError(f"no such folder: {root}")
    return root


def known_name(name: str, known: list[str], what: str) -> str:
    """`name` as the project spells it (regions and sites match whatever their case)."""
    if name in known:
        return name
    matches = [k for k in known if k.lower() == name.lower()]
    if len(matches) == 1:
        return matches[0]
    raise UsageError(f"unknown {what} '{name}'; known: {', '.join(sorted(known))}")


def region_names(root: Path) -> list[str]:
    """Region codes: `<code>.yml`, not a region's translation `<code>.<lang>.yml`."""
    return sorted(p.stem for p in (root / "curriculum" / "regions").glob("*.yml")
                  if "." not in p.stem)


def site_names(root: Path) -> list[str]:
    """Site ids: `<id>.yml`, and `<id>-<lang>` for a site's translation `<id>.<lang>.yml`."""
    return sorted(p.stem.replace(".", "-", 1) for p in (root / "audiences").glob("*.yml"))
