"""Reading-level scores, remembered by text so an unchanged module is not scored again.

textstat loads a pronouncing dictionary of some 130,000 words on first use,
which costs seconds; with the scores kept in the git-ignored `.signpost-cache/`,
checking an unchanged curriculum never loads it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path


class ReadingGrades:
    """Flesch-Kincaid grades by text, read from and saved to a JSON file."""

    def __init__(self, cache_file: Path | None) -> None:
        self.cache_file = cache_file
        self.version = metadata.version("textstat")
        self.grades: dict[str, float] = {}
        self.dirty = False
        if cache_file is not None:
            try:
                data = json.loads(cache_file.read_text(encoding="utf-8"))
                if data.get("textstat") == self.version:
                    self.grades = {str(k): float(v) for k, v in data["grades"].items()}
            except (OSError, ValueError, KeyError, AttributeError, TypeError):
                self.grades = {}

    def grade(self, text: str) -> float:
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key not in self.grades:
            import textstat

            self.grades[key] = float(textstat.flesch_kincaid_grade(text))
            self.dirty = True
        return self.grades[key]

    def save(self) -> None:
        """Best effort: a read-only project still checks, only more slowly next time."""
        if self.cache_file is None or not self.dirty:
            return
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.cache_file.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"textstat": self.version, "grades": self.grades}, out)
            os.replace(temporary, self.cache_file)
        except OSError:
            pass
