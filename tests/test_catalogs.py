"""Signpost's own words in gettext catalogs (Babel): the template matches the source, every
shipped catalog translates every message, and a broken translation falls back to English."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from signpost import i18n
from signpost.i18n import _, direction, language, language_name, same_placeholders
from signpost.messages import (
    catalog_languages,
    extract,
    problems,
    read_catalog,
    template_ids,
    write_catalog,
)


def test_the_template_holds_exactly_the_messages_the_source_marks() -> None:
    """`make messages` was run after the last change to a marked word."""
    shipped = template_ids(read_catalog(i18n.TEMPLATE))
    current = template_ids(extract())
    assert current - shipped == set(), "new messages: run make messages"
    assert shipped - current == set(), "messages no longer used: run make messages"
    assert {"Get help", "Remember", "Is this happening now?", "Exit this page",
            "Check my answer", "Page {page} of {pages}"} <= current


@pytest.mark.parametrize("tag", ["ur", "lt"])
def test_each_shipped_catalog_translates_every_message(tag: str) -> None:
    assert tag in catalog_languages()
    catalog = read_catalog(i18n.catalog_path(tag), tag)
    found = list(problems(catalog, template_ids(extract())))
    assert found == [], found[:5]
    with language(tag):
        assert _("Get help") != "Get help"
        assert "{phone}" in _("call {phone}")


def test_a_translation_that_loses_a_placeholder_shows_in_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = Catalog(locale="cy", domain=i18n.DOMAIN)
    catalog.add("call {phone}", "ffoniwch")  # {phone} lost: would show no number
    catalog.add("Get help", "Cael help")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    write_catalog(i18n.catalog_path("cy"), catalog)
    i18n.translations.cache_clear()
    try:
        with language("cy"):
            assert _("Get help") == "Cael help"
            assert _("call {phone}") == "call {phone}"
        assert [p.what for p in problems(catalog, {"call {phone}", "Get help"})] == [
            "changes the {placeholders} of the English: keep each one, as it is"]
    finally:
        i18n.translations.cache_clear()


@pytest.mark.parametrize(("english", "translated", "same"), [
    ("Lesson {number}: {title}", "سبق {number}: {title}", True),
    ("Lesson {number}: {title}", "{title} ({number})", True),
    ("Lesson {number}: {title}", "Pamoka {numeris}: {title}", False),
    ("Lesson {number}", "Pamoka", False),
])
def test_placeholders_must_be_kept(english: str, translated: str, same: bool) -> None:
    assert same_placeholders(english, translated) is same


def test_direction_and_names_come_from_the_locale_data() -> None:
    assert direction("ur") == "rtl" and direction("ur-PK") == "rtl" and direction("ar") == "rtl"
    assert direction("lt") == "ltr" and direction("en-GB") == "ltr"
    assert direction("xx-not-a-language") == "ltr"
    assert language_name("ur") == "اردو"
    assert language_name("lt") == "Lietuvių"
    assert language_name("en") == "English"
