"""Audience files: a site shows only what its kind allows, and a learner site only its band.

`select` enforces the same bounds whatever these checks say; the checks make an audience
file that asks for more an error instead of a silent change.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..diagnostics import Report
from ..i18n import SOURCE_LANGUAGE, TEMPLATE, base_language, catalog_path
from ..model import KIND_BLOCKS, Curriculum, Site


def check(curriculum: Curriculum, report: Report) -> None:
    for site in curriculum.sites.values():
        if site.learner and site.band is None:
            report.error(site.path, site.lines.of("kind"), "SP301",
                         "a learner site needs 'band:' (its readers' age band)")
        check_language(site, report)
        check_catalog(site, report)
        check_sections(site, report)


@cache
def interface_languages() -> frozenset[str]:
    """The languages the installed Material for MkDocs has an interface translation for (its
    templates/partials/languages/<tag>.html): what `theme.language` accepts."""
    folder = resources.files("material") / "templates" / "partials" / "languages"
    return frozenset(entry.name.removesuffix(".html") for entry in folder.iterdir()
                     if entry.name.endswith(".html") and entry.name != "custom.html")


def check_language(site: Site, report: Report) -> None:
    """SP304: a language Material cannot show would pass here and fail the build."""
    known = interface_languages()
    if site.language not in known:
        report.error(site.path, site.lines.of("language"), "SP304",
                     f"language '{site.language}': Material for MkDocs has no interface "
                     f"translation for it, so the site cannot be built; use one of: "
                     f"{', '.join(sorted(known))}")


def check_catalog(site: Site, report: Report) -> None:
    """SP511: a site in a language whose catalog lacks some of Signpost's own words shows
    those in English (a warning: the site is still whole)."""
    tag = base_language(site.language)
    if tag == SOURCE_LANGUAGE or site.language not in interface_languages():
        return
    line = site.lines.of("language")
    if not catalog_path(tag).is_file():
        report.warning(site.path, line, "SP511",
                       f"Signpost's own words (labels, help, notices) have no '{tag}' catalog, "
                       f"so they show in English: start one with python -m signpost.messages "
                       f"--start {tag}, then translate src/signpost/locale/{tag}/LC_MESSAGES/"
                       "signpost.po")
        return
    missing = catalog_problems(tag)
    if missing:
        report.warning(site.path, line, "SP511",
                       f"{len(missing)} of Signpost's own words show in English: the '{tag}' "
                       f"catalog's message '{missing[0].message}' {missing[0].what} (line "
                       f"{missing[0].line} of src/signpost/locale/{tag}/LC_MESSAGES/signpost.po)")


@cache
def catalog_problems(tag: str) -> list:
    """Against the shipped template (a test keeps it what the source marks): no extraction."""
    from ..messages import problems, read_catalog, template_ids

    return list(problems(read_catalog(catalog_path(tag), tag),
                         template_ids(read_catalog(TEMPLATE))))


def check_sections(site: Site, report: Report) -> None:
    allowed = KIND_BLOCKS[site.kind]
    for index, section in enumerate(site.sections):
        beyond = section.blocks - allowed
        if beyond:
            report.error(
                site.path, site.lines.of("sections", index, "blocks"), "SP302",
                f"a {site.kind} site never shows {', '.join(sorted(beyond))} blocks "
                f"(it may show {', '.join(sorted(allowed))})",
            )
        if not site.learner:
            continue
        if section.select.audience != "children":
            report.error(site.path, site.lines.of("sections", index, "select", "audience"),
                         "SP302", "a learner site shows children modules only")
        if section.view != "learner":
            report.error(site.path, site.lines.of("sections", index, "view"), "SP302",
                         "a learner site shows lessons in the 'learner' view only")
        others = [b for b in section.select.age_bands or () if b != site.band]
        if others:
            report.error(
                site.path, site.lines.of("sections", index, "select", "age_bands"), "SP303",
                f"a learner site for {site.band} shows lessons for its own band only, "
                f"not {', '.join(others)}",
            )
