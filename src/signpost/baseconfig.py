"""The base `mkdocs.yml`: read safely, and refused if it could make a site load or run
anything Signpost cannot vouch for.

MkDocs reads its config with PyYAML's full loader, which can run Python named in a
`!!python/...` tag. Signpost reads the file first with its own loader, which knows
only the tags MkDocs' documentation uses (`!ENV`, `!relative`, and `!!python/name:` for
an allowlist of Material's own functions), so MkDocs never sees anything else. Then the
settings are checked: no scripts, stylesheets or fonts from other hosts, no plugin but
the built-in ones Signpost supports, no hooks or template overrides (they run code or
write markup no check reads), no analytics, no repository widget (it calls another
host from every page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .diagnostics import Report
from .files import read_text
from .yamlsource import Lines, YamlProblem, load_yaml

PYTHON_NAME = "tag:yaml.org,2002:python/name:"
PYTHON_NAMES = frozenset({
    "material.extensions.emoji.to_svg",
    "material.extensions.emoji.twemoji",
    "pymdownx.emoji.to_alt",
    "pymdownx.superfences.fence_code_format",
    "pymdownx.superfences.fence_div_format",
    "pymdownx.slugs.slugify",
})
PLUGINS = frozenset({"search", "offline", "tags", "meta", "typeset", "material/search",
                     "material/offline", "material/tags", "material/meta", "material/typeset"})
MARKDOWN_BUILTINS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html",
    "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "codehilite", "legacy_attrs",
    "legacy_em", "wikilinks",
})
# Settings that make every page run code, load from another host, or track readers.
REFUSED = {
    "hooks": "hooks run Python during the build that no check can read",
    "INHERIT": "the base config is the root of inheritance; put its settings here",
    "repo_url": "the repository widget asks another host (the code host's API) from every page",
    "remote_branch": "publishing is done by copying build/site/, not by MkDocs",
    "remote_name": "publishing is done by copying build/site/, not by MkDocs",
}


@dataclass(frozen=True)
class Tagged:
    """A value MkDocs gives meaning to: `!ENV NAME`, `!relative`, `!!python/name:x`."""

    tag: str
    value: str


def load_base_config(path: Path, report: Report) -> dict[str, Any] | None:
    """The validated base config, or None after reporting every problem with its line."""
    if not path.is_file():
        report.error(path, 1, "SP320", "missing the base mkdocs.yml every site inherits")
        return None
    text = read_text(path, report)
    if text is None:
        return None
    try:
        data, lines = load_yaml(text, tagged=mkdocs_tag)
    except YamlProblem as problem:
        report.error(path, problem.line, "SP320", problem.message)
        return None
    if not isinstance(data, dict):
        report.error(path, 1, "SP320", "mkdocs.yml must be a mapping of 'key: value' lines")
        return None
    before = len(report.errors)
    check_settings(data, lines, path, report)
    return data if len(report.errors) == before else None


def mkdocs_tag(tag: str, value: str, line: int) -> Tagged:
    if tag in ("!ENV", "!relative"):
        return Tagged(tag, value)
    if tag.startswith(PYTHON_NAME) and not value:
        name = tag.removeprefix(PYTHON_NAME)
        if name in PYTHON_NAMES:
            return Tagged("!!python/name", name)
        raise YamlProblem(line, f"'!!python/name:{name}' is not allowed here; allowed: "
                          f"{', '.join(sorted(PYTHON_NAMES))}")
    raise YamlProblem(line, f"the YAML tag '{tag}' is not allowed in mkdocs.yml (only !ENV, "
                      "!relative and !!python/name: for Material's own functions)")


def check_settings(data: dict[str, Any], lines: Lines, path: Path, report: Report) -> None:
    def refuse(line: int, message: str) -> None:
        report.error(path, line, "SP321", message)

    for key, why in REFUSED.items():
        if key in data:
            refuse(lines.of(key), f"'{key}' is not allowed: {why}")
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    if theme.get("font", False) is not False:
        refuse(lines.of("theme", "font"), "theme.font must be false: any other value loads "
               "fonts from Google's servers on every page")
    if "custom_dir" in theme:
        refuse(lines.of("theme", "custom_dir"), "theme.custom_dir is not allowed: template "
               "overrides can add scripts and markup no check reads")
    for key in ("extra_css", "extra_javascript"):
        for index, item in enumerate(as_list(data.get(key))):
            target = item.get("path") if isinstance(item, dict) else item
            if not isinstance(target, str) or is_remote(target):
                refuse(lines.of(key, index), f"{key} may name files of this project only, "
                       f"not '{target}': every site must work with no other host")
    for index, plugin in enumerate(as_list(data.get("plugins"))):
        name = next(iter(plugin)) if isinstance(plugin, dict) and plugin else plugin
        if name not in PLUGINS:
            refuse(lines.of("plugins", index), f"plugin '{name}' is not allowed; use "
                   f"{', '.join(sorted(p for p in PLUGINS if '/' not in p))}")
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    if "analytics" in extra:
        refuse(lines.of("extra", "analytics"), "analytics are not allowed: no trackers on "
               "sites for children")
    check_extensions(data, lines, refuse)
    check_named_files(data, lines, path, report)


# Files Signpost itself puts in every site; the base config may name them without having them.
SIGNPOST_FILES = frozenset({"assets/signpost.css", "assets/site.css"})


def check_named_files(data: dict[str, Any], lines: Lines, path: Path, report: Report) -> None:
    """A logo, favicon, stylesheet or script the base config names must be a file of the
    project (paths are relative to the folder of mkdocs.yml); Signpost copies it into
    every site."""
    root = path.parent.resolve()
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    named = [(("theme", key), theme.get(key)) for key in ("logo", "favicon")]
    for key in ("extra_css", "extra_javascript"):
        for index, item in enumerate(as_list(data.get(key))):
            named.append(((key, index), item.get("path") if isinstance(item, dict) else item))
    for where, name in named:
        if not isinstance(name, str) or name in SIGNPOST_FILES or is_remote(name):
            continue
        target = (root / name).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            report.error(path, lines.of(*where), "SP322",
                         f"'{name}' is not a file of this project: put it beside mkdocs.yml "
                         "(paths are relative to that folder) and Signpost copies it into "
                         "every site")


def check_extensions(data: dict[str, Any], lines: Lines, refuse) -> None:
    for index, entry in enumerate(as_list(data.get("markdown_extensions"))):
        name, options = (next(iter(entry.items())) if isinstance(entry, dict) and entry
                         else (entry, None))
        if not isinstance(name, str) or not (
                name in MARKDOWN_BUILTINS or name.startswith(("pymdownx.", "material."))):
            refuse(lines.of("markdown_extensions", index),
                   f"Markdown extension '{name}' is not allowed: use Python-Markdown's own, "
                   "pymdownx.* or material.* extensions")
        elif name == "pymdownx.emoji":
            generator = options.get("emoji_generator") if isinstance(options, dict) else None
            if not (isinstance(generator, Tagged) and generator.value in (
                    "material.extensions.emoji.to_svg", "pymdownx.emoji.to_alt")):
                refuse(lines.of("markdown_extensions", index),
                       "pymdownx.emoji needs emoji_generator: !!python/name:material."
                       "extensions.emoji.to_svg (the default loads images from a CDN)")


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def is_remote(target: str) -> bool:
    return bool(urlsplit(target.strip()).scheme) or target.strip().startswith("//")


def reference_markdown() -> str:
    """What the base mkdocs.yml may hold, written from the rules above."""
    plugins = ", ".join(f"`{p}`" for p in sorted(p for p in PLUGINS if "/" not in p))
    names = ", ".join(f"`{n}`" for n in sorted(PYTHON_NAMES))
    refused = "\n".join(f"- `{key}`: {why}" for key, why in REFUSED.items())
    return (
        "#### `mkdocs.yml`: the base config every site inherits.\n\n"
        "Any MkDocs or Material setting, read by Signpost before MkDocs reads it, with these "
        "limits:\n\n"
        f"- plugins: {plugins} only;\n"
        "- `theme.font: false` (any other value loads Google Fonts), and no "
        "`theme.custom_dir`;\n"
        "- `extra_css` and `extra_javascript`: files of this project only, never another "
        "host;\n"
        "- `theme.logo`, `theme.favicon`, `extra_css` and `extra_javascript` name files "
        "relative to the folder of `mkdocs.yml`; Signpost copies them into every site;\n"
        "- a `theme.palette` with its own `primary` colour wins over the audience files' "
        "`colour`;\n"
        "- no `extra.analytics`;\n"
        "- Markdown extensions: Python-Markdown's own, `pymdownx.*` and `material.*`; "
        "`pymdownx.emoji` only with `emoji_generator: "
        "!!python/name:material.extensions.emoji.to_svg`;\n"
        f"- YAML tags: `!ENV`, `!relative`, and `!!python/name:` for {names} only;\n"
        "- refused keys:\n\n"
        f"{refused}\n"
    )
