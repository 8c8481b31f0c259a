"""The build cache: unchanged outputs are reused, and every kind of change reaches the output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_signpost

# Every site an audience file defines: adding one (as the README suggests) keeps these true.
SITES = sorted(path.stem for path in (ROOT / "audiences").glob("*.yml")
               if "." not in path.stem)  # not a site's translation (<id>.<lang>.yml)


def sites_showing(words: str) -> set[str]:
    """The sites whose pages show `words` of module text, as the build selects them."""
    from signpost.model import render_markdown_lines
    from signpost.pipeline import load_and_check
    from signpost.select import select_site

    curriculum, _ = load_and_check(ROOT)
    return {site.id for site in curriculum.sites.values()
            if any(words in "\n".join(render_markdown_lines(page.body))
                   for page in select_site(curriculum, site).pages())}


def build(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    command = [sys.executable, "-m", "signpost.cli", "--root", str(root), "build", "--no-pdf", *args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def rebuilt(output: str) -> set[str]:
    return set(re.findall(r"^  built (\S+)", output, re.M))


def from_cache(output: str) -> set[str]:
    return set(re.findall(r"^  (\S+): unchanged, from the cache", output, re.M))


def html(root: Path, site: str, page: str) -> str:
    return (root / "build" / "site" / site / page).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once; tests copy it (with its build/) and change one thing."""
    root = copy_project(tmp_path_factory.mktemp("cached") / "project")
    build(root)
    return root


@pytest.fixture
def project_built(built_once: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built_once, root, symlinks=True)
    return root


def test_nothing_changed_everything_from_cache(project_built: Path) -> None:
    before = snapshot(project_built / "build" / "site")
    output = build(project_built)
    assert rebuilt(output) == set() and from_cache(output) == set(SITES)
    assert f"{len(SITES)} unchanged from the cache" in output
    assert snapshot(project_built / "build" / "site") == before


def test_module_edit_rebuilds_only_sites_holding_it(project_built: Path, tmp_path: Path) -> None:
    module = project_built / "curriculum" / "feelings-and-consent" / "uh-oh-feelings.md"
    module.write_text(module.read_text().replace(
        "All feelings are OK to have.", "All feelings are OK to have, even big ones."))
    output = build(project_built)
    expected = sites_showing("All feelings are OK to have.")
    assert rebuilt(output) == expected >= {"children-4-7", "teachers"}
    # Only the changed pages, the lesson's projector view with them.
    assert "built children-4-7 (changed pages only)" in output
    assert "even big ones" in html(project_built, "children-4-7", "project/uh-oh-feelings.html")
    assert "even big ones" in html(project_built, "children-4-7",
                                   "feelings-and-consent/uh-oh-feelings.html")
    index = (project_built / "build/site/children-4-7/search/search_index.json").read_text()
    assert "even big ones" in index
    offline = (project_built / "build/site/children-4-7/search/search_index.js").read_text()
    assert "even big ones" in offline
    # The page-level rebuild gives what a clean build of the same inputs gives.
    clean = tmp_path / "clean"
    shutil.copytree(project_built, clean, ignore=shutil.ignore_patterns("build"))
    build(clean)
    for site in ("children-4-7", "teachers"):
        assert pages(project_built, site) == pages(clean, site)
        assert search_docs(project_built, site) == search_docs(clean, site)


def test_region_entry_reaches_every_site(project_built: Path) -> None:
    region = project_built / "curriculum" / "regions" / "GB.yml"
    region.write_text(region.read_text().replace(
        "Free, confidential help for anyone under 19", "Free, confidential help, day or night, "
        "for anyone under 19"))
    output = build(project_built)
    assert rebuilt(output) == set(SITES)
    for site in SITES:
        assert "day or night" in html(project_built, site, "get-help.html")


def test_audience_file_change_rebuilds_that_site(project_built: Path) -> None:
    audience = project_built / "audiences" / "teens-14-17.yml"
    audience.write_text(audience.read_text().replace(
        "title: Online relationships and safety, ages 14 to 17",
        "title: Relationships and safety online, ages 14 to 17"))
    output = build(project_built)
    assert rebuilt(output) == {"teens-14-17"}
    assert "Relationships and safety online" in html(project_built, "teens-14-17", "index.html")
    assert "Relationships and safety online" in (
        project_built / "build" / "site" / "index.html").read_text()


def test_base_mkdocs_yml_change_rebuilds_every_site(project_built: Path) -> None:
    base = project_built / "mkdocs.yml"
    base.write_text(base.read_text() + "\ncopyright: Oak Lane Primary School\n")
    output = build(project_built)
    assert rebuilt(output) == set(SITES)
    for site in SITES:
        assert "Oak Lane Primary School" in html(project_built, site, "index.html")


@pytest.mark.parametrize("change", ["template", "version"])
def test_signpost_itself_changing_rebuilds_everything(project_built, tmp_path, change) -> None:
    package = tmp_path / "installed" / "signpost"
    shutil.copytree(ROOT / "src" / "signpost", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    if change == "template":
        css = package / "assets" / "signpost.css"
        css.write_text(css.read_text() + "\n/* restyled: marker-7f3a */\n")
    else:
        init = package / "__init__.py"
        init.write_text(init.read_text().replace('__version__ = "', '__version__ = "9'))
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    output = build(project_built, env=env)
    assert rebuilt(output) == set(SITES)
    if change == "template":
        css = (project_built / "build/site/children-4-7/assets/signpost.css").read_text()
        assert "marker-7f3a" in css


def test_removed_site_disappears(project_built: Path) -> None:
    (project_built / "audiences" / "parents.yml").unlink()
    for translation in (project_built / "audiences").glob("parents.*.yml"):
        translation.unlink()  # a translation of a site that is gone would be an error (SP502)
    build(project_built)
    assert not (project_built / "build" / "site" / "parents").exists()
    assert not (project_built / "build" / "site" / "downloads" / "offline" / "parents.zip").exists()
    assert "parents/index.html" not in (project_built / "build/site/index.html").read_text()


def test_failed_incremental_build_leaves_previous_build(project_built: Path) -> None:
    before = snapshot(project_built / "build")
    module = project_built / "curriculum" / "feelings-and-consent" / "uh-oh-feelings.md"
    module.write_text(module.read_text().replace("All feelings are OK to have.",
                                                 "See [a missing page](nowhere.md)."))
    result = run_signpost(project_built, "build", "--no-pdf")
    assert result.returncode == 1 and "SP201" in result.stderr
    assert snapshot(project_built / "build") == before


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def pages(root: Path, site: str) -> dict[str, bytes]:
    folder = root / "build" / "site" / site
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html")}


def search_docs(root: Path, site: str) -> list[tuple[str, str]]:
    index = json.loads((root / "build/site" / site / "search/search_index.json").read_text())
    return sorted((doc["location"], doc["text"]) for doc in index["docs"])


def test_pdfs_are_printed_again_only_when_their_content_changed(project_built: Path) -> None:
    def printed(output: str) -> set[str]:
        return set(re.findall(r"^  printed (\S+):", output, re.M))

    command = [sys.executable, "-m", "signpost.cli", "--root", str(project_built), "build"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    assert "packs/children-4-7.pdf" in printed(first.stdout)
    module = project_built / "curriculum" / "feelings-and-consent" / "uh-oh-feelings.md"
    module.write_text(module.read_text().replace(
        "All feelings are OK to have.", "All feelings are OK to have, even big ones."))
    second = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stderr
    learner = {site for site in sites_showing("All feelings are OK to have.")
               if site not in ("teachers", "parents")}
    assert printed(second.stdout) == {f"packs/{site}.pdf" for site in learner} | {
        "guides/4-7.pdf"}
    assert "guides/parents.pdf: unchanged, from the cache" in second.stdout
    html = (project_built / "build" / "print" / "packs" / "children-4-7.html").read_text()
    assert "even big ones" in html


def test_unchanged_inputs_skip_even_loading(project_built: Path) -> None:
    """With every input byte the same, the build is a no-op; a deleted output undoes that."""
    output = build(project_built)
    assert "no input has changed since the last build" in output
    (project_built / "build" / "site" / "downloads" / "offline" / "teens-14-17.zip").unlink()
    output = build(project_built)
    assert "no input has changed" not in output
    assert (project_built / "build" / "site" / "downloads" / "offline" / "teens-14-17.zip").is_file()


def test_build_skips_advisory_scores_but_check_reports_them(project_built: Path) -> None:
    module = project_built / "curriculum" / "feelings-and-consent" / "uh-oh-feelings.md"
    hard = ("Notwithstanding considerable psychophysiological heterogeneity, "
            "interoceptive awareness facilitates anticipatory self-regulation. ")
    module.write_text(module.read_text().replace("All feelings are OK to have.", hard * 3))
    cache = project_built / ".signpost-cache" / "reading-grades.json"
    cache.unlink(missing_ok=True)
    build(project_built)
    assert not cache.exists()  # the build never scored reading levels
    result = run_signpost(project_built, "check")
    assert "SP408" in result.stdout and result.returncode == 0
    assert cache.exists()


def test_a_build_removes_downloads_of_the_old_layout(project_built: Path) -> None:
    """Packs, guides and zips now live in build/site/downloads/; the old folders go."""
    build_dir = project_built / "build"
    for old in ("packs/children-4-7.pdf", "guides/4-7.pdf", "offline/parents.zip"):
        (build_dir / old).parent.mkdir(parents=True, exist_ok=True)
        (build_dir / old).write_bytes(b"old")
    module = project_built / "curriculum" / "feelings-and-consent" / "uh-oh-feelings.md"
    module.write_text(module.read_text() + "\nOne more line.\n")
    build(project_built)
    assert not [p for p in ("packs", "guides", "offline") if (build_dir / p).exists()]
    assert (build_dir / "site" / "downloads" / "offline" / "parents.zip").is_file()
