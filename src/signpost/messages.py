"""Signpost's message catalogs: extract the template from the source, bring every catalog up
to date with it, and say what a catalog lacks.

    python -m signpost.messages          (or `make messages`)

writes `locale/signpost.pot` from every `_()` and `N_()` in the Python source and every
`_()` in the Jinja templates, then merges it into each `locale/<lang>/LC_MESSAGES/signpost.po`
(new messages arrive empty, changed ones fuzzy: both show in English until translated).
Translators edit the `.po` files, by hand or on any platform that reads gettext.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, LOCALE_DIR, TEMPLATE, catalog_path, same_placeholders

PACKAGE = Path(__file__).parent
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2.ext:babel_extract"),
           ("templates/**.css", "jinja2.ext:babel_extract")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True",
                                 "lstrip_blocks": "True"},
           "templates/**.css": {"extensions": "jinja2.ext.i18n"}}
# A fixed date in the template's header, so that extracting twice writes the same file.
TEMPLATE_DATE = datetime(2026, 11, 24, tzinfo=UTC)
HEADER = "Signpost's own words: labels, notices, help, print and the landing page."


def extract() -> Catalog:
    """The template catalog: every message the source marks, with where it is used."""
    catalog = Catalog(project="Signpost", domain=DOMAIN, header_comment=f"# {HEADER}",
                      fuzzy=False, creation_date=TEMPLATE_DATE)
    for filename, line, message, comments, context in extract_from_dir(
            PACKAGE, METHODS, OPTIONS, strip_comment_tags=True):
        if isinstance(message, tuple):  # ngettext: (singular, plural)
            message = message[0]
        if message:
            catalog.add(message, locations=[(filename, line)], auto_comments=comments,
                        context=context)
    return catalog


def template_ids(catalog: Catalog) -> set[str]:
    return {str(message.id) for message in catalog if message.id}


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def write_catalog(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        # Where each message is used, by file only: line numbers would churn every diff.
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False,
                 include_lineno=False)


def catalog_languages() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir()
                  if p.is_dir() and catalog_path(p.name).is_file()) if LOCALE_DIR.is_dir() else []


def update() -> list[str]:
    """Write the template and merge it into every catalog; one line per file written."""
    template = extract()
    write_catalog(TEMPLATE, template)
    written = [f"{TEMPLATE.relative_to(PACKAGE.parent.parent)}: {len(template_ids(template))} "
               "messages"]
    for language in catalog_languages():
        path = catalog_path(language)
        catalog = read_catalog(path, language)
        catalog.update(template, no_fuzzy_matching=False)
        catalog.obsolete.clear()  # gone from the source: nothing shows them
        write_catalog(path, catalog)
        missing = sum(1 for problem in problems(catalog, template_ids(template)))
        written.append(f"{path.relative_to(PACKAGE.parent.parent)}: {missing} to translate")
    return written


@dataclass(frozen=True)
class Problem:
    message: str  # the English message
    line: int  # where the catalog has it (0: it does not)
    what: str


def problems(catalog: Catalog, wanted: set[str]) -> Iterator[Problem]:
    """What keeps a catalog's messages from showing: missing, empty or fuzzy, or a
    translation whose {placeholders} differ from the English (it would show in English)."""
    found = {str(message.id): message for message in catalog if message.id}
    for message_id in sorted(wanted):
        message = found.get(message_id)
        if message is None:
            yield Problem(message_id, 0, "is missing")
        elif not message.string:
            yield Problem(message_id, message.lineno, "has no translation")
        elif message.fuzzy:
            yield Problem(message_id, message.lineno, "is marked fuzzy")
        elif not same_placeholders(message_id, str(message.string)):
            yield Problem(message_id, message.lineno, "changes the {placeholders} of the "
                          "English: keep each one, as it is")


def start(language: str) -> Path:
    """A new, empty catalog for `language` (`python -m signpost.messages --start cy`)."""
    path = catalog_path(language)
    if path.exists():
        raise SystemExit(f"{path} already exists")
    catalog = Catalog(locale=language, project="Signpost", domain=DOMAIN,
                      header_comment=f"# {HEADER}", fuzzy=False)
    catalog.update(extract())
    write_catalog(path, catalog)
    return path


def main(argv: list[str]) -> int:
    if argv[:1] == ["--start"] and len(argv) == 2:
        print(start(argv[1]))
    for line in update():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
