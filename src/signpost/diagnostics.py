"""Problems found in the curriculum, reported as `path:line: CODE message`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        kind = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}: {self.code} {kind}{self.message}"

    def format_github(self) -> str:
        level = "error" if self.severity is Severity.ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.path},line={self.line},title={self.code}::{message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


@dataclass
class Report:
    """Collects diagnostics; paths are shown relative to `root`."""

    root: Path
    items: list[Diagnostic] = field(default_factory=list)

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
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
