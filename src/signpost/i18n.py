"""Signpost's own words (labels, the help box, notices, the landing page, print) in the
reader's language, from gettext catalogs that translation platforms read and write.

The catalogs are `locale/<lang>/LC_MESSAGES/signpost.po` beside this file, made from the
template `locale/signpost.pot` (`make messages` extracts it from the source and updates every
catalog). The curriculum's own language is English: a message a catalog lacks, or marks
fuzzy, shows in English. Renderers call `_()` while a `language(tag)` block is open; `N_()`
marks words kept in constants, translated where they are shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path
from typing import TypeVar

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

SOURCE_LANGUAGE = "en"
DOMAIN = "signpost"
LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

T = TypeVar("T")

_current: ContextVar[str] = ContextVar("signpost_language", default=SOURCE_LANGUAGE)


def catalog_path(tag: str) -> Path:
    return LOCALE_DIR / tag / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(tag: str) -> NullTranslations:
    """The catalog for `tag` (`ur`, `lt`; `lt-LT` falls back to `lt`), or none: English."""
    for candidate in (tag, base_language(tag)):
        path = catalog_path(candidate)
        if candidate != SOURCE_LANGUAGE and path.is_file():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=candidate, domain=DOMAIN)
            for message in catalog:  # a translation that lost a {placeholder}: English
                if message.id and message.string and not same_placeholders(
                        str(message.id), str(message.string)):
                    message.string = ""
            compiled = BytesIO()
            write_mo(compiled, catalog)  # fuzzy entries are left out: they show in English
            compiled.seek(0)
            return Translations(compiled, domain=DOMAIN)
    return NullTranslations()


def same_placeholders(english: str, translated: str) -> bool:
    """A translation must keep the English message's {placeholders}, every one."""
    return set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(translated))


def current_language() -> str:
    return _current.get()


def base_language(tag: str) -> str:
    """`ur` of `ur-PK`: catalogs, fonts and translations are per language, not per country."""
    return tag.split("-")[0]


def in_current_language(by_language: Mapping[str, T]) -> T | None:
    """Of things kept by language tag, the one for the language being rendered, if any."""
    tag = current_language()
    return by_language.get(tag) or by_language.get(base_language(tag))


@contextmanager
def language(tag: str) -> Iterator[None]:
    """Within the block, `_()` answers in `tag`."""
    token = _current.set(tag)
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks `message` for the catalogs; it is translated where it is shown, with `_()`."""
    return message


def _locale(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def direction(tag: str) -> str:
    """`rtl` for a language written right to left (Urdu, Arabic), else `ltr`."""
    found = _locale(tag)
    return "rtl" if found is not None and found.character_order == "right-to-left" else "ltr"


def language_name(tag: str) -> str:
    """The language's name in itself, as a chooser shows it: اردو, lietuvių, English."""
    found = _locale(tag)
    if found is None:
        return tag
    name = found.get_display_name(found) or tag
    return name[:1].upper() + name[1:]


def language_name_in(tag: str, reader: str) -> str:
    """The language's name as a reader of `reader` writes it in a sentence: Urdu's "انگریزی"
    for English, Lithuanian's "lietuvių"."""
    found, words = _locale(tag), _locale(reader)
    if found is None or words is None:
        return tag
    return found.get_display_name(words) or tag


def translation_note(shown_in: str, draft: bool, site_language: str) -> str:
    """What a translated site or document says about one module: that it is shown in
    `shown_in` because it has no translation yet, or that its translation is a draft; or ""."""
    if base_language(shown_in) == base_language(site_language):
        if not draft:
            return ""
        return _("This is a draft translation: nobody fluent in {language} has checked it "
                 "yet. If something is unclear, ask an adult to compare it with the {source} "
                 "page.").format(language=language_name_in(site_language, site_language),
                                 source=language_name_in(SOURCE_LANGUAGE, site_language))
    return _("This page is not translated into {language} yet, so it is shown in "
             "{source}.").format(language=language_name_in(site_language, site_language),
                                 source=language_name_in(shown_in, site_language))


def translated(titles: Mapping[str, str], fallback: str) -> str:
    """Of a thing's words by language, those in the language being rendered, else `fallback`."""
    return in_current_language(titles) or fallback


def catalog_words() -> list[str]:
    """Every translated message of every catalog, cut at its {placeholders}: words Signpost
    itself puts on pages, which module text may repeat (see verify.py)."""
    parts: list[str] = []
    for folder in sorted(LOCALE_DIR.iterdir()) if LOCALE_DIR.is_dir() else []:
        path = catalog_path(folder.name)
        if not path.is_file():
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=folder.name, domain=DOMAIN)
        for message in catalog:
            if message.id and message.string:
                parts += PLACEHOLDER.split(str(message.string))[::2]
    return parts
