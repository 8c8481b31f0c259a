"""A build never mixes regions: every site, download and the landing page show one region's help."""

from __future__ import annotations

from pathlib import Path

from conftest import run_signpost

GB_ONLY = ("0800 1111", "ceop.police.uk", "United Kingdom")  # only in curriculum/regions/GB.yml


def published_text(build: Path) -> dict[str, str]:
    texts = {}
    for path in build.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".md", ".yml"):
            texts[path.relative_to(build).as_posix()] = path.read_text(encoding="utf-8",
                                                                       errors="replace")
    return texts


def test_switching_region_leaves_nothing_of_the_previous_one(project: Path) -> None:
    first = run_signpost(project, "build", "--region", "GB", "--only", "children-8-10")
    assert first.returncode == 0, first.stderr
    assert (project / "build" / "site" / "downloads" / "packs" / "children-8-10.pdf").exists()
    second = run_signpost(project, "build", "--region", "AU", "--no-pdf")
    assert second.returncode == 0, second.stderr
    build = project / "build"
    downloads = build / "site" / "downloads"
    assert not list(downloads.glob("packs/*")) and not list(downloads.glob("guides/*"))
    assert not list(build.glob("print/*/*"))
    assert sorted(p.name for p in downloads.glob("offline/*")) == sorted(
        f"{p.name}.zip" for p in (build / "site").iterdir() if p.is_dir() and p.name != "downloads")
    for name, text in published_text(build).items():
        for gb in GB_ONLY:
            assert gb not in text, f"{name} still shows '{gb}' after a build for AU"
    landing = (build / "site" / "index.html").read_text(encoding="utf-8")
    assert "Australia" in landing and ".pdf" not in landing


def test_building_one_site_for_another_region_does_not_keep_the_others(project: Path) -> None:
    assert run_signpost(project, "build", "--region", "GB", "--no-pdf").returncode == 0
    result = run_signpost(project, "build", "--region", "AU", "--no-pdf", "--only",
                          "children-8-10")
    assert result.returncode == 0, result.stderr
    build = project / "build"
    assert sorted(p.name for p in (build / "site").iterdir() if p.is_dir()) == [
        "children-8-10", "downloads"]
    assert [p.name for p in (build / "site" / "downloads").rglob("*") if p.is_file()] == [
        "children-8-10.zip"]
    landing = (build / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="children-8-10/index.html"' in landing
    assert 'href="parents/index.html"' not in landing
    for name, text in published_text(build).items():
        assert "0800 1111" not in text, name
