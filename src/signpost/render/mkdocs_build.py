"""Run MkDocs' own build on a generated config, in strict mode, in a worker process."""

from __future__ import annotations

import logging
import re
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
    keep_requests_on_site(Path(config.site_dir))
    return SiteResult(site_id, True, collect.messages)


# Material's bundle can fetch polyfills (ResizeObserver, mermaid) from a public CDN
# when a browser lacks them. Pointing those at the site itself means a child's
# browser never contacts another host, whatever it supports.
REMOTE_SCRIPT = re.compile(r"https://unpkg\.com/[^\"'`\s)]*")


def keep_requests_on_site(site_dir: Path) -> None:
    """Drop source maps and re-point the theme's CDN fallbacks to the site itself."""
    for source_map in site_dir.rglob("*.map"):
        source_map.unlink()
    assets = site_dir / "assets"
    for script in [*assets.rglob("*.js"), *assets.rglob("*.css")]:
        text = script.read_text(encoding="utf-8")
        local = REMOTE_SCRIPT.sub("./assets/javascripts/unavailable.js", text)
        local = re.sub(r"\n/[/*]# sourceMappingURL=\S+\s*(?:\*/)?\s*$", "\n", local)
        if local != text:
            script.write_text(local, encoding="utf-8")
