"""Run MkDocs' own build on a generated config, in strict mode, in a worker process."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SiteResult:
    site_id: str
    ok: bool
    messages: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(site_id: str, config_file: Path) -> SiteResult:
    """Build one site; never raises, so a pool can report every site's outcome."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        config = load_config(config_file=str(config_file), strict=True)
        build(config)
    except (MkDocsException, OSError, ValueError) as exc:
        return SiteResult(site_id, False, [*collect.messages, str(exc)])
    finally:
        logger.removeHandler(collect)
    return SiteResult(site_id, True, collect.messages)
