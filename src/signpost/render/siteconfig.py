"""Write one site's docs tree and the MkDocs config that inherits the base mkdocs.yml."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import yaml_load

from ..cache import files_key
from ..i18n import _, direction, language
from ..model import Site
from ..output import sync_files
from ..regions import language_tag
from .pages import HELP_PAGE, QUICK_EXIT_LABEL, QUICK_EXIT_URL, DocsTree, has_quick_exit
from .styles import site_css, style_files

SHIM = "assets/javascripts/iframe-worker-shim.js"
QUICK_EXIT_JS = "assets/quick-exit.js"
MENU_KEYS_JS = "assets/menu-keys.js"  # the header's menu button works from the keyboard
SIGNPOST_FILES = frozenset({"assets/signpost.css", "assets/site.css", SHIM, QUICK_EXIT_JS,
                            MENU_KEYS_JS})
# Signpost's template overrides (header, search, language), copied beside each site's config
# and named by its theme.custom_dir; the base mkdocs.yml may not set one of its own.
OVERRIDES = "overrides"
def read_base(base_config: Path) -> dict[str, Any]:
    with base_config.open(encoding="utf-8") as handle:
        return yaml_load(handle) or {}


def base_extra_css(base: dict[str, Any]) -> list[str]:
    return [str(item) for item in base.get("extra_css") or []]


def site_url(base: dict[str, Any], site: Site) -> str | None:
    """Where this site is published, if the base config says where build/site/ goes.

    With it, MkDocs can write a 404 page and a sitemap that work under /<site-id>/.
    """
    root = base.get("site_url")
    if not root:
        return None
    return str(root).rstrip("/") + f"/{site.id}/"


def base_sets_palette(base: dict[str, Any]) -> bool:
    """True when the base mkdocs.yml chooses its own colours: they win over audience colours."""
    theme = base.get("theme") if isinstance(base.get("theme"), dict) else {}
    palettes = theme.get("palette") or []
    palettes = palettes if isinstance(palettes, list) else [palettes]
    return any(isinstance(p, dict) and p.get("primary") not in (None, "custom")
               for p in palettes)


def base_files(base: dict[str, Any], root: Path) -> dict[str, Path]:
    """Files the base config names (logo, favicon, stylesheets, scripts) that each site's
    docs need: docs path -> the project's file. Paths are relative to the project folder."""
    theme = base.get("theme") if isinstance(base.get("theme"), dict) else {}
    named = [theme.get("logo"), theme.get("favicon")]
    for key in ("extra_css", "extra_javascript"):
        for item in base.get(key) or []:
            named.append(item.get("path") if isinstance(item, dict) else item)
    found: dict[str, Path] = {}
    for name in named:
        if isinstance(name, str) and name not in SIGNPOST_FILES and (root / name).is_file():
            found[Path(name).as_posix()] = root / name
    return found


def page_language(site: Site, region: str | None) -> str:
    """The pages' language tag (see regions.language_tag)."""
    return language_tag(site.language, region)


def signpost_extra(site: Site, region: str | None) -> dict[str, Any]:
    """What the template overrides read (extra.signpost): the help page, the quick exit and
    the page language. Nothing here loads anything: the exit is a link until pressed."""
    with language(site.language):
        extra: dict[str, Any] = {
            "help": {"page": HELP_PAGE.removesuffix(".md") + ".html", "label": _("Get help")},
            "lang": page_language(site, region),
        }
        if has_quick_exit(site):
            extra["exit"] = {"url": QUICK_EXIT_URL, "label": _(QUICK_EXIT_LABEL)}
    return extra


def override_files() -> dict[str, bytes]:
    """Signpost's template overrides: path under the site's sources -> bytes."""
    root = resources.files("signpost") / "templates" / OVERRIDES
    found: dict[str, bytes] = {}

    def walk(folder, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir():
                walk(entry, f"{prefix}/{entry.name}")
            elif entry.name.endswith(".html"):
                found[f"{prefix}/{entry.name}"] = entry.read_bytes()

    walk(root, OVERRIDES)
    return found


def write_site_sources(
    site: Site, tree: DocsTree, base_config: Path, source_dir: Path, site_dir: Path,
    region: str | None = None,
) -> tuple[Path, set[str], str]:
    """Write docs/, Signpost's template overrides and mkdocs.yml under `source_dir`.

    Files whose bytes are unchanged are left alone (MkDocs' dirty builds go by their
    modification times). Returns the config path, the docs paths that changed, and a
    content key of everything written.
    """
    assets = resources.files("signpost") / "assets"
    base = read_base(base_config)
    files: dict[str, bytes] = {
        f"docs/{relative}": markdown.encode("utf-8") for relative, markdown in tree.pages.items()
    }
    files.update({f"docs/{relative}": source.read_bytes() for relative, source in tree.files.items()})
    files.update({f"docs/{relative}": data for relative, data in tree.assets.items()})
    files.update({f"docs/{relative}": data for relative, data in style_files(site).items()})
    files[f"docs/{SHIM}"] = (assets / "vendor" / "iframe-worker-shim.js").read_bytes()
    files["docs/assets/signpost.css"] = (assets / "signpost.css").read_bytes()
    files["docs/assets/site.css"] = site_css(site, own_palette=base_sets_palette(base)).encode("utf-8")
    # The base config's scripts as it names them (lists replace, not merge, under INHERIT),
    # then Signpost's own, served by the site itself.
    scripts: list[Any] = list(base.get("extra_javascript") or [])
    own = [MENU_KEYS_JS, *([QUICK_EXIT_JS] if has_quick_exit(site) else []),
           "assets/quiz.js"]  # self-checks (render/quiz.py): lessons, parents' and staff guides
    for script in own:
        files[f"docs/{script}"] = (assets / Path(script).name).read_bytes()
    scripts += [script for script in own if script not in scripts]
    files.update(override_files())
    files.update({f"docs/{relative}": source.read_bytes()
                  for relative, source in base_files(base, base_config.parent).items()})
    config: dict[str, Any] = {
        "INHERIT": _relative(base_config, source_dir),
        "site_name": site.title,
        "site_description": site.description or site.title,
        "docs_dir": "docs",
        "site_dir": _relative(site_dir, source_dir),
        # Material's interface words and search language, and the text direction.
        "theme": {"name": "material", "language": site.language,
                  "direction": direction(site.language), "custom_dir": OVERRIDES},
        "nav": tree.nav,
        "extra_css": _unique([*base_extra_css(base), "assets/site.css"]),
        "extra": {"polyfills": [SHIM], "signpost": signpost_extra(site, region)},
    }
    config["extra_javascript"] = scripts
    url = site_url(base, site)
    if url:
        config["site_url"] = url
    files["mkdocs.yml"] = (
        "# Generated by signpost: edit audiences/ and curriculum/, not this file.\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    ).encode("utf-8")
    changed = sync_files(source_dir, files)
    key = files_key(files, base_config.read_bytes())
    return source_dir / "mkdocs.yml", {p.removeprefix("docs/") for p in changed}, key


def _relative(target: Path, start: Path) -> str:
    import os

    return os.path.relpath(target.resolve(), start.resolve())


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
