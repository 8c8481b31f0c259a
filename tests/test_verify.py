"""The build reads its own learner outputs and refuses to publish facilitator-only text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_signpost
from signpost import select
from signpost.builder import BuildFailed, BuildOptions, build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_gating_bug_fails_the_build_and_leaves_build_untouched(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_signpost(project, "build", "--no-pdf", "--only", "children-8-10").returncode == 0
    before = snapshot(project / "build")
    # Simulate a renderer that ignores gating: every block reaches every site.
    monkeypatch.setattr(select, "gate", lambda nodes, kinds: nodes)
    monkeypatch.setattr(select, "only_blocks", lambda nodes, kinds: nodes)
    (project / "curriculum" / "privacy" / "safe-and-private-online.md").touch()
    with pytest.raises(BuildFailed) as failure:
        build(BuildOptions(root=project, region="AU", only=["children-8-10"], pdf=False, jobs=1),
              progress=lambda line: None)
    message = "\n".join(failure.value.lines)
    assert "site/children-8-10/" in message and "only facilitator" in message
    assert "search/search_index.json" in message
    assert snapshot(project / "build") == before


def test_the_scan_reads_print_html_too(project: Path) -> None:
    from signpost.builder import verify_outputs
    from signpost.pipeline import load_and_check

    assert run_signpost(project, "build", "--no-pdf").returncode == 0
    curriculum, _ = load_and_check(project)
    assert verify_outputs(curriculum, project / "build", "GB") == []
    pack = project / "build" / "print" / "packs" / "children-8-10.html"
    pack.parent.mkdir(parents=True, exist_ok=True)
    module = curriculum.modules["chatting-in-games"]
    answers = next(b for b in module.blocks() if b.kind == "answers")
    pack.write_text(f"<p>{answers.plain_markdown()}</p>", encoding="utf-8")
    problems = verify_outputs(curriculum, project / "build", "GB")
    assert [p for p in problems if p.startswith("print/packs/children-8-10.html")]


def test_a_page_whose_content_breaks_the_allowlist_is_not_published(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from signpost.checks import html as html_check

    module = project / "curriculum" / "privacy" / "safe-and-private-online.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("\n## ", "\n<img src=x alt='a drawing' onerror=alert(1)>\n\n## ", 1),
                      encoding="utf-8")
    # Simulate a check that misses it: the build's own reading of its pages must not.
    monkeypatch.setattr(html_check, "check", lambda curriculum, report: None)
    with pytest.raises(BuildFailed) as failure:
        build(BuildOptions(root=project, region="GB", only=["children-4-7"], pdf=False, jobs=1),
              progress=lambda line: None)
    message = "\n".join(failure.value.lines)
    assert "site/children-4-7/privacy/safe-and-private-online.html" in message
    assert "onerror" in message
    assert not (project / "build").exists()


def test_outputs_left_by_an_earlier_build_are_scanned_and_named(project: Path) -> None:
    """An `--only` or `--no-pdf` build still scans what earlier builds published, and says
    which outputs to rebuild, rather than failing with no way out."""
    from signpost.builder import verify_outputs
    from signpost.pipeline import load_and_check

    assert run_signpost(project, "build", "--no-pdf").returncode == 0
    curriculum, _ = load_and_check(project)
    module = curriculum.modules["chatting-in-games"]
    answers = next(b for b in module.blocks() if b.kind == "answers").plain_markdown()
    page = project / "build" / "site" / "children-8-10" / "stale.html"
    page.write_text(f"<p>{answers}</p>", encoding="utf-8")
    pack = project / "build" / "print" / "packs" / "children-8-10.html"
    pack.parent.mkdir(parents=True, exist_ok=True)
    pack.write_text(f"<p>{answers}</p>", encoding="utf-8")
    problems = verify_outputs(curriculum, project / "build", "GB", {"children-4-7"}, False)
    assert any(p.startswith("site/children-8-10/stale.html") for p in problems)
    assert any("signpost build --only children-8-10" in p for p in problems)
    assert any("without --no-pdf" in p for p in problems)
    assert verify_outputs(curriculum, project / "build", "GB", {"children-8-10"}, True) \
        == [p for p in problems if "earlier build" not in p]
