"""`signpost check`: every class of error at the right file, line and code; odd but valid input passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_signpost

GOOD = """\
---
id: {id}
title: Feelings we can talk about
audience: children
age_bands: [8-10]
topic: trusted-adults
duration: 45
summary: We can talk about our feelings with a trusted adult.
objectives:
  - I can name a feeling.
  - I can name a trusted adult.
vocabulary:
  feeling: What happens inside us, like happy or worried.
prerequisites: []
sources:
  - UKCIS, Education for a Connected World (2020 edition)
last_reviewed: 2026-11-01
---

## Talking helps

Sam and Ria are in the same class. They talk about their day.

::: activity "Feelings cards" 10
Sort the cards into happy and worried feelings.
:::

::: discussion "Who can you tell?" 10
- Who could you tell if you felt worried?
:::

::: keypoints
- You can always tell a trusted adult.
:::

::: facilitator
Print one card set per table.
:::

::: answers
Any trusted adult is a good answer.
:::

::: safeguarding
If a child discloses, stay calm, listen, and tell your DSL the same day.
:::

::: family
Ask your child who they would tell if they felt worried.
:::
"""


def empty_project(project: Path) -> Path:
    """The project copy with its modules removed (topics, regions and audiences kept)."""
    for path in (project / "curriculum").glob("*/*.md"):
        path.unlink()
    return project


def write(project: Path, relative: str, text: str | bytes) -> Path:
    path = project / "curriculum" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def good(module_id: str = "talking-helps") -> str:
    return GOOD.format(id=module_id)


def check(project: Path, *args: str):
    result = run_signpost(project, "check", *args)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def problems(output: str) -> list[tuple[str, int, str]]:
    found = []
    for line in output.splitlines():
        match = re.match(r"^(.+?):(\d+): (SP\d{3}) ", line)
        if match:
            found.append((match.group(1), int(match.group(2)), match.group(3)))
    return found


def test_a_clean_module_passes(project: Path) -> None:
    empty_project(project)
    write(project, "trusted-adults/talking-helps.md", good())
    result = check(project)
    assert result.stdout == ""
    assert result.returncode == 0


CASES = [
    # (name, change to the good module, expected line, expected code)
    ("missing field", lambda t: t.replace("duration: 45\n", ""), 2, "SP010"),
    ("wrong type", lambda t: t.replace("duration: 45", "duration: soon"), 7, "SP011"),
    ("unknown topic", lambda t: t.replace("topic: trusted-adults", "topic: dragons"), 6, "SP015"),
    ("unknown audience", lambda t: t.replace("audience: children", "audience: pupils"), 4,
     "SP016"),
    ("unknown band", lambda t: t.replace("age_bands: [8-10]", "age_bands: [8-11]"), 5, "SP017"),
    ("id not file name", lambda t: t.replace("id: talking-helps", "id: talking-help"), 2,
     "SP013"),
    ("unknown prerequisite", lambda t: t.replace("prerequisites: []", "prerequisites: [nope]"),
     14, "SP020"),
    ("unknown block kind", lambda t: t.replace("::: keypoints", "::: sidebar"), 32, "SP103"),
    ("unclosed block", lambda t: t.replace("Ask your child who they would tell if they felt "
                                           "worried.\n:::\n", "Ask your child.\n"), 48, "SP101"),
    ("mismatched fence", lambda t: t.replace("::: answers\nAny trusted adult is a good answer.\n"
                                             ":::", ":::: answers\nAny trusted adult is a good "
                                             "answer.\n:::"), 42, "SP102"),
    ("too many minutes", lambda t: t.replace('"Feelings cards" 10', '"Feelings cards" 40'), 7,
     "SP110"),
    ("broken link", lambda t: t.replace("They talk about their day.",
                                        "See [the other lesson](../privacy/missing.md)."), 22,
     "SP201"),
    ("missing image", lambda t: t.replace("They talk about their day.",
                                          "![Two friends talking](images/friends.png)"), 22,
     "SP202"),
    ("image without alt text", lambda t: t.replace("They talk about their day.",
                                                   "![](talking-helps.md)"), 22, "SP203"),
    ("region variable missing", lambda t: t.replace("They talk about their day.",
                                                    "Call {{ region.no_such_thing }}."), 22,
     "SP210"),
    ("malformed yaml", lambda t: t.replace("age_bands: [8-10]", "age_bands: [8-10"), 6,
     "SP003"),
    ("no safeguarding block", lambda t: t.replace("::: safeguarding", "::: family"), 19,
     "SP406"),
    ("framework tag split at a comma", lambda t: t.replace(
        "prerequisites: []", "prerequisites: []\nframework: [EfCW Health, wellbeing and "
        "lifestyle 7-11]"), 15, "SP025"),
    ("framework tag at another band", lambda t: t.replace(
        "prerequisites: []", "prerequisites: []\nframework: [EfCW Online relationships 11-14]"),
     15, "SP025"),
    ("framework tag of an unknown framework", lambda t: t.replace(
        "prerequisites: []", "prerequisites: []\nframework: [Nonsuch Online relationships]"),
     15, "SP025"),
]


@pytest.mark.parametrize(("name", "change", "line", "code"), CASES, ids=[c[0] for c in CASES])
def test_each_class_of_error_is_reported_where_it_is(project, name, change, line, code) -> None:
    empty_project(project)
    write(project, "trusted-adults/talking-helps.md", change(good()))
    result = check(project)
    assert ("curriculum/trusted-adults/talking-helps.md", line, code) in problems(result.stdout), (
        result.stdout
    )
    assert result.returncode == 1


def test_a_lesson_without_time_to_introduce_it_is_warned(project: Path) -> None:
    """40 timed minutes of 45 leave 5 for the introduction, ground rules and close: SP111
    asks for 7 (a warning: the build goes on); 38 of 45 is fine."""
    empty_project(project)
    text = good().replace('"Feelings cards" 10', '"Feelings cards" 30')
    write(project, "trusted-adults/talking-helps.md", text)
    result = check(project)
    assert ("curriculum/trusted-adults/talking-helps.md", 7, "SP111") in problems(result.stdout)
    assert result.returncode == 0
    write(project, "trusted-adults/talking-helps.md",
          good().replace('"Feelings cards" 10', '"Feelings cards" 28'))
    assert "SP111" not in check(project).stdout


def test_framework_tags_that_name_a_strand_at_the_lessons_band_pass(project: Path) -> None:
    empty_project(project)
    write(project, "trusted-adults/talking-helps.md", good().replace(
        "prerequisites: []", 'prerequisites: []\nframework: [EfCW Online relationships 7-11, '
        '"EfCW Health, wellbeing and lifestyle 7-11", EfCW Privacy and security]'))
    assert check(project).stdout == ""


def test_duplicate_ids_name_both_files(project: Path) -> None:
    empty_project(project)
    write(project, "trusted-adults/talking-helps.md", good())
    write(project, "privacy/talking-helps.md", good().replace("topic: trusted-adults",
                                                              "topic: privacy"))
    result = check(project)
    assert ("curriculum/trusted-adults/talking-helps.md", 2, "SP014") in problems(result.stdout)
    assert "also in curriculum/privacy/talking-helps.md" in result.stdout
    assert result.returncode == 1


def test_prerequisite_cycle(project: Path) -> None:
    empty_project(project)
    write(project, "trusted-adults/first-one.md",
          good("first-one").replace("prerequisites: []", "prerequisites: [second-one]"))
    write(project, "trusted-adults/second-one.md",
          good("second-one").replace("prerequisites: []", "prerequisites: [first-one]"))
    result = check(project)
    assert "SP021" in result.stdout
    assert "first-one -> second-one -> first-one" in result.stdout
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "SP002"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "SP001"),
        (b"\xff\xfe not utf-8 \xff", "SP001"),
        (b"---\n- a list\n- not a mapping\n---\n\nText.\n", "SP004"),
        (b"---\ntitle: [unclosed\n---\n", "SP003"),
        (b"Just some text with no front matter.\n", "SP002"),
        (b"---\nid: big\n---\n" + b"A sentence.\n" * 1_000_000, "SP005"),
        (b"---\na: &a [x, x, x, x, x, x, x, x, x]\n"
         + b"".join(b"%c: &%c [" % (c, c) + b", ".join([b"*%c" % (c - 1)] * 9) + b"]\n"
                    for c in range(ord("b"), ord("k")))
         + b"---\nText.\n", "SP003"),
        (b"---\nid: deep\nnest: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n", "SP003"),
    ],
    ids=["empty", "binary", "not-utf8", "list-front-matter", "bad-yaml", "no-front-matter",
         "10MB", "billion-laughs", "deep-nesting"],
)
def test_bad_files_are_reported_never_raised(project: Path, content: bytes, code: str) -> None:
    empty_project(project)
    write(project, "trusted-adults/talking-helps.md", good())
    write(project, "trusted-adults/broken.md", content)
    result = check(project)
    assert any(p[0] == "curriculum/trusted-adults/broken.md" and p[2] == code
               for p in problems(result.stdout)), result.stdout
    assert result.returncode == 1


def test_missing_folder_and_empty_curriculum(tmp_path: Path, project: Path) -> None:
    result = check(tmp_path)
    assert "SP300" in result.stdout and result.returncode == 1
    empty_project(project)
    result = check(project)
    assert "empty curriculum" in result.stdout and result.returncode == 1


def test_usage_error_exits_2(project: Path) -> None:
    result = run_signpost(project, "check", "--format", "nonsense")
    assert result.returncode == 2


def test_unusual_but_valid_input_passes(project: Path) -> None:
    empty_project(project)
    text = good().replace("title: Feelings we can talk about", "title: Jausmai ir draugystė 🌈")
    bom_crlf = ("\ufeff" + text).replace("\n", "\r\n").encode("utf-8")
    write(project, "trusted-adults/talking-helps.md", bom_crlf)
    result = check(project)
    assert result.stdout == "" and result.returncode == 0


def test_line_numbers_survive_crlf(project: Path) -> None:
    empty_project(project)
    text = good().replace("topic: trusted-adults", "topic: dragons").replace("\n", "\r\n")
    write(project, "trusted-adults/talking-helps.md", text)
    assert ("curriculum/trusted-adults/talking-helps.md", 6, "SP015") in problems(
        check(project).stdout
    )


def test_the_shipped_curriculum_is_clean() -> None:
    result = run_signpost(Path(__file__).resolve().parent.parent, "check")
    assert result.stdout == "", result.stdout
    assert result.returncode == 0


def test_a_language_material_cannot_show_is_an_error_not_a_failed_build(project: Path) -> None:
    """Issue 16: `language: xx` used to pass check and fail the build."""
    audience = project / "audiences" / "children-8-10.yml"
    text = audience.read_text(encoding="utf-8")
    line = text.split("\n").index("language: en") + 1
    audience.write_text(text.replace("language: en", "language: xx"), encoding="utf-8")
    result = check(project)
    assert ("audiences/children-8-10.yml", line, "SP304") in problems(result.stdout)
    assert "lt, lv" in result.stdout and result.returncode == 1
    for supported in ("lt", "ur", "cy"):
        audience.write_text(text.replace("language: en", f"language: {supported}"),
                            encoding="utf-8")
        assert "SP304" not in check(project).stdout, supported
