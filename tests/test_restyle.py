"""Restyling every site through the base mkdocs.yml, as the README says a school can."""

from __future__ import annotations

from pathlib import Path

from conftest import run_signpost

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5"/></svg>\n'


def restyle(project: Path, old: str, new: str) -> None:
    base = project / "mkdocs.yml"
    text = base.read_text(encoding="utf-8")
    assert old in text
    base.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_logo_favicon_stylesheet_and_palette_reach_every_site(project: Path) -> None:
    (project / "school").mkdir()
    (project / "school" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (project / "school" / "school.css").write_text(".md-header { border-bottom: 3px solid; }\n",
                                                   encoding="utf-8")
    restyle(project, "theme:\n  name: material\n",
            "theme:\n  name: material\n  logo: school/logo.svg\n  favicon: school/logo.svg\n")
    restyle(project, "    primary: custom", "    primary: red")
    restyle(project, "  - assets/signpost.css", "  - assets/signpost.css\n  - school/school.css")
    result = run_signpost(project, "build", "--no-pdf", "--only", "children-4-7", "--only",
                          "teachers")
    assert result.returncode == 0, result.stdout + result.stderr
    for site in ("children-4-7", "teachers"):
        folder = project / "build" / "site" / site
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert (folder / "school" / "logo.svg").read_text(encoding="utf-8") == LOGO
        assert 'src="school/logo.svg"' in page and 'href="school/logo.svg"' in page
        assert (folder / "school" / "school.css").is_file()
        assert 'href="school/school.css"' in page
        assert 'data-md-color-primary="red"' in page
        # The base palette wins over the audience file's colour.
        assert "--md-primary-fg-color:" not in (folder / "assets" / "site.css").read_text()


def test_a_named_file_that_is_missing_is_reported(project: Path) -> None:
    restyle(project, "theme:\n  name: material\n", "theme:\n  name: material\n"
            "  logo: school/missing.png\n")
    result = run_signpost(project, "check")
    assert "mkdocs.yml:" in result.stdout and "SP322" in result.stdout
    assert "school/missing.png" in result.stdout and result.returncode == 1


def test_a_dark_scheme_keeps_box_titles_readable(project: Path) -> None:
    restyle(project, "    scheme: default", "    scheme: slate")
    result = run_signpost(project, "build", "--no-pdf", "--only", "children-8-10")
    assert result.returncode == 0, result.stderr
    folder = project / "build" / "site" / "children-8-10"
    assert 'data-md-color-scheme="slate"' in (folder / "index.html").read_text()
    css = (folder / "assets" / "signpost.css").read_text()
    assert '[data-md-color-scheme="slate"] .md-typeset .admonition > .admonition-title' in css
