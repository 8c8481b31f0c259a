"""Audience, region, topic and module files are validated strictly, with the line of each problem.

And whatever an audience file asks for, a learner site never holds a facilitator-only block
or a lesson outside its band: `select` bounds it by the site's kind, `check` reports the ask.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_signpost
from signpost.diagnostics import Report
from signpost.loader import load_curriculum
from signpost.model import AGE_BANDS, BLOCK_KINDS, FACILITATOR_ONLY, Section, Selection, iter_blocks
from signpost.select import select_site


def problems(output: str) -> set[tuple[str, int, str]]:
    found = set()
    for line in output.splitlines():
        match = re.match(r"^(.+?):(\d+): (SP\d{3}) ", line)
        if match:
            found.add((match.group(1), int(match.group(2)), match.group(3)))
    return found


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, relative: str, needle: str) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


AUDIENCE = "audiences/children-8-10.yml"
REGION = "curriculum/regions/GB.yml"
CASES = [
    # (file, old, new, the text of the line to report, code, words in the message)
    (AUDIENCE, "age_bands: [8-10]", "age_band: [8-10]", "age_band", "SP012",
     "did you mean 'age_bands'"),
    (AUDIENCE, "age_bands: [8-10]", "age_bands: [8-10, 11-13]", "age_bands", "SP303",
     "not 11-13"),
    (AUDIENCE, "kind: learner\n", "", "id: children-8-10", "SP010", "'kind'"),
    (AUDIENCE, "kind: learner", "learner: true", "learner: true", "SP012", "kind: learner"),
    (AUDIENCE, "kind: learner", "kind: learners", "kind:", "SP011", "did you mean 'learner'"),
    (AUDIENCE, "blocks: [activity, discussion, keypoints, cards, worksheet, quiz]",
     "blocks: [activity, answers, keypoints]", "blocks:", "SP302", "answers"),
    (AUDIENCE, "colour: \"#00695c\"", "colour: \"red;} body {display:none\"", "colour:",
     "SP011", "colour"),
    (AUDIENCE, "view: learner", "view: lesson-plan", "view:", "SP302", "learner"),
    (AUDIENCE, "language: en", "language: \"en\\\" onload=x\"", "language:", "SP011",
     "language tag"),
    ("audiences/parents.yml", "blocks: [keypoints, quiz, family]",
     "blocks: [keypoints, quiz, family, answers]", "blocks: [keypoints, quiz, family, answers]",
     "SP302",
     "answers"),
    (REGION, "url: https://www.childline.org.uk/", "url: javascript:alert(1)",
     "url: javascript", "SP011", "https://"),
    (REGION, "url: https://www.childline.org.uk/", "url: http://www.childline.org.uk/",
     "url: http:", "SP011", "https://"),
    (REGION, "  - name: Childline", "  - name: <b onmouseover=alert(1)>Childline</b>",
     "name: <b", "SP011", "plain text"),
    (REGION, "phone: \"0800 1111\"", "phone: 8001111", "phone:", "SP011", "in quotes"),
    (REGION, "checked: 2026-11-21", "checked: 2026-02-30", "checked: 2026-02-30", "SP003",
     "date"),
    (REGION, "checked: 2026-11-21", "checked: 2026-11-21T10:00:00", "checked:", "SP023",
     "without a time"),
    (REGION, "checked: 2026-11-21", "checked: !!int 7", "checked:", "SP003", "tag"),
    (REGION, "    role: child-helpline", "    role: child-helpline\n    purpose: x",
     "purpose: x", "SP012", "did you mean"),
    ("curriculum/topics.yml", "    min_band: 4-7", "    min_band: 3-7", "min_band: 3-7",
     "SP017", "age band"),
    ("curriculum/topics.yml", "never_your_fault: false", "never_your_fault: \"no\"",
     "never_your_fault: \"no\"", "SP011", "true or false"),
    ("curriculum/trusted-adults/secrets-and-surprises.md", "duration: 30", "durations: 30",
     "durations: 30", "SP012", "did you mean 'duration'"),
    ("curriculum/trusted-adults/secrets-and-surprises.md", "last_reviewed: ",
     "last_reviewed: 2026-13-01 #", "last_reviewed:", "SP003", "date"),
]


@pytest.mark.parametrize(("relative", "old", "new", "at", "code", "words"), CASES,
                         ids=[f"{c[0].split('/')[-1]}:{c[2][:30]}" for c in CASES])
def test_a_bad_value_is_reported_at_its_line(project: Path, relative: str, old: str, new: str,
                                             at: str, code: str, words: str) -> None:
    edit(project, relative, old, new)
    result = run_signpost(project, "check")
    assert "Traceback" not in result.stderr + result.stdout
    expected = (relative, line_of(project, relative, at), code)
    assert expected in problems(result.stdout), result.stdout
    assert words in result.stdout
    assert result.returncode == 1


def shipped():
    report = Report(ROOT)
    curriculum = load_curriculum(ROOT, report)
    assert not report.errors
    return curriculum


CURRICULUM = shipped()


@settings(max_examples=150, deadline=None)
@given(
    site_id=st.sampled_from(sorted(CURRICULUM.sites)),
    blocks=st.frozensets(st.sampled_from(BLOCK_KINDS)),
    bands=st.none() | st.lists(st.sampled_from(AGE_BANDS), max_size=4).map(tuple),
    audience=st.sampled_from(["children", "parents", "teachers"]),
    view=st.sampled_from(["learner", "reader", "summary", "lesson-plan"]),
)
def test_a_site_shows_only_what_its_kind_allows(site_id, blocks, bands, audience, view) -> None:
    """Whatever sections an audience file lists, select keeps within the site's kind and band."""
    site = CURRICULUM.sites[site_id]
    asked = Section("Anything", view, Selection(audience, bands), blocks, None, 1)
    original = site.sections
    site.sections = [asked]
    try:
        content = select_site(CURRICULUM, site)
    finally:
        site.sections = original
    for page in content.pages():
        kinds = {block.kind for block in iter_blocks(page.body)}
        if site.kind != "teachers":
            assert not kinds & FACILITATOR_ONLY
        if site.learner:
            assert "family" not in kinds
            assert page.module.audience == "children"
            assert site.band in page.module.age_bands
            topic = CURRICULUM.topic(page.module.topic)
            assert AGE_BANDS.index(topic.min_band) <= AGE_BANDS.index(site.band)
