"""Problems found in the curriculum, reported as `path:line: CODE message`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "notice"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        kind = "warning: " if self.severity is Severity.WARNING else ""
        return f"{_one_line(self.path)}:{self.line}: {self.code} {kind}{_one_line(self.message)}"

    def format_github(self) -> str:
        """A workflow command: one line, whatever the path or message holds."""
        level = self.severity.value
        return (f"::{level} file={_property(self.path)},line={self.line},"
                f"title={_property(self.code)}::{_data(self.message)}")

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Report:
    """Collects diagnostics; paths are shown relative to `root`."""

    root: Path
    items: list[Diagnostic] = field(default_factory=list)

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root, or a symlink loop
            return path.as_posix()

    def error(self, path: Path | str, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.relative(path), max(line, 1), code, message))

    def warning(self, path: Path | str, line: int, code: str, message: str) -> None:
        self.items.append(
            Diagnostic(self.relative(path), max(line, 1), code, message, Severity.WARNING)
        )

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    def render(self, fmt: str = "text") -> str:
        items = self.sorted()
        if fmt == "github":
            return "\n".join(d.format_github() for d in items)
        if fmt == "json":
            return json.dumps([d.as_dict() for d in items], indent=2)
        return "\n".join(d.format() for d in items)
