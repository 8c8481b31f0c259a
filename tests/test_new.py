"""`signpost new`: the module it writes passes `check`; it refuses what it should, with exit 2."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import run_signpost
from signpost.checks.structure import PLACEHOLDERS
from signpost.schema import ModuleFile


@pytest.mark.parametrize(
    ("module_id", "audience", "topic", "band"),
    [
        ("my-first-lesson", "children", "trusted-adults", "4-7"),
        ("chat-rules", "children", "games-and-chat", "8-10"),
        ("threats-and-help", "children", "sextortion", "11-13"),
        ("fakes-for-teens", "children", "deepfakes", "14-17"),
        ("parents-new-guide", "parents", "privacy", None),
        ("teachers-new-guide", "teachers", "reporting", None),
    ],
)
def test_new_module_passes_check(
    project: Path, module_id: str, audience: str, topic: str, band: str | None
) -> None:
    args = ["new", module_id, "--audience", audience, "--topic", topic]
    if band:
        args += ["--age-band", band]
    result = run_signpost(project, *args)
    assert result.returncode == 0, result.stderr
    expected = f"curriculum/{topic}/{module_id}.md"
    assert result.stdout.strip() == expected
    text = (project / expected).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    every = set(ModuleFile.model_fields)
    fields = every if audience == "children" else every - {"age_bands"}
    assert set(front) == fields
    assert f"id: {module_id}\n" in text
    assert f"last_reviewed: {date.today().isoformat()}" in text
    if audience == "children":
        assert f"age_bands: [{band}]" in text
        for kind in ("activity", "discussion", "keypoints", "facilitator", "answers",
                     "safeguarding", "family"):
            assert f"::: {kind}" in text

    check = run_signpost(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    # Passes check: its only note is that it is a draft.
    notes = [line for line in check.stdout.splitlines() if module_id in line]
    assert len(notes) == 1 and " SP415 warning: draft" in notes[0], check.stdout

    # Ready to publish without being edited: every placeholder is an error at its line.
    (project / expected).write_text(text.replace("draft: true", "draft: false"),
                                    encoding="utf-8")
    check = run_signpost(project, "check")
    assert check.returncode == 1
    placeholders = [line for line in text.split("\n")
                    if any(p in line for p in PLACEHOLDERS)]
    reported = [line for line in check.stdout.splitlines() if " SP416 " in line]
    assert placeholders and len(reported) == len(placeholders), check.stdout


def test_new_children_module_on_a_never_your_fault_topic_says_so(project: Path) -> None:
    result = run_signpost(project, "new", "going-live-2", "--audience", "children",
                          "--topic", "livestreaming", "--age-band", "8-10")
    assert result.returncode == 0, result.stderr
    text = (project / "curriculum/livestreaming/going-live-2.md").read_text(encoding="utf-8")
    assert "never your fault" in text


def test_a_new_module_is_previewed_but_not_built_until_it_is_no_draft(project: Path) -> None:
    assert run_signpost(project, "new", "sharing-is-caring", "--audience", "children",
                        "--topic", "privacy", "--age-band", "4-7").returncode == 0
    build = run_signpost(project, "build", "--only", "children-4-7", "--no-pdf")
    assert build.returncode == 0, build.stdout + build.stderr
    page = project / "build/site/children-4-7/privacy/sharing-is-caring.html"
    assert not page.exists()
    assert "Sharing is caring" not in (page.parent.parent / "index.html").read_text()

    from signpost.builder import prepare_site
    from signpost.pipeline import load_and_check

    curriculum, _ = load_and_check(project)  # what serve previews: drafts included
    config, pages = prepare_site(curriculum, curriculum.sites["children-4-7"], "GB",
                                 project / "mkdocs.yml", project / "preview" / "sources",
                                 project / "preview" / "site")
    preview = project / "preview" / "sources" / "docs" / "privacy" / "sharing-is-caring.md"
    assert "Sharing is caring" in preview.read_text(encoding="utf-8")
    assert "Learners never see this block" not in preview.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Bad_Id", "--audience", "children", "--topic", "privacy"],
         "id 'Bad_Id' must be lowercase words joined by hyphens"),
        (["two--hyphens", "--audience", "children", "--topic", "privacy"],
         "must be lowercase words joined by hyphens"),
        (["ok-id", "--audience", "kids", "--topic", "privacy"],
         "unknown audience 'kids'; use one of children, parents, teachers"),
        (["ok-id", "--audience", "children", "--topic", "cooking"],
         "unknown topic 'cooking'; curriculum/topics.yml has: trusted-adults"),
        (["ok-id", "--audience", "children", "--topic", "privacy", "--age-band", "5-6"],
         "unknown age band '5-6'"),
        (["ok-id", "--audience", "children", "--topic", "sextortion", "--age-band", "8-10"],
         "topic 'sextortion' is taught from 11-13 up, not to 8-10"),
        (["ok-id", "--audience", "parents", "--topic", "privacy", "--age-band", "4-7"],
         "--age-band is for children modules only"),
    ],
)
def test_new_refuses_with_one_line_and_exit_2(
    project: Path, args: list[str], message: str
) -> None:
    before = sorted(project.rglob("*.md"))
    result = run_signpost(project, "new", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("signpost new: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert sorted(project.rglob("*.md")) == before


def test_new_refuses_to_overwrite(project: Path) -> None:
    existing = project / "curriculum/trusted-adults/secrets-and-surprises.md"
    original = existing.read_bytes()
    result = run_signpost(project, "new", "secrets-and-surprises", "--audience", "children",
                          "--topic", "trusted-adults", "--age-band", "4-7")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "signpost new: curriculum/trusted-adults/secrets-and-surprises.md already exists; "
        "not overwriting it"
    )
    assert existing.read_bytes() == original


def test_new_refuses_an_id_used_under_another_topic(project: Path) -> None:
    result = run_signpost(project, "new", "secrets-and-surprises", "--audience", "children",
                          "--topic", "privacy", "--age-band", "4-7")
    assert result.returncode == 2
    assert "already exists: curriculum/trusted-adults/secrets-and-surprises.md" in result.stderr
    assert not (project / "curriculum/privacy/secrets-and-surprises.md").exists()
