"""`check` on quiz blocks: a right answer and feedback everywhere, at path:line; no crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from signpost.pipeline import load_and_check
from test_check import check, empty_project, good, problems, write

PATH = "curriculum/trusted-adults/talking-helps.md"
QUIZ = """
::: quiz "What do you know?"
1. Who can you tell if you feel worried?
- [ ] Nobody at all.
  > Not quite. Talking to someone helps.
- [x] A trusted adult.
  > Yes! A trusted adult can help you.

2. Which are feelings? Choose all that are right.
- [x] Happy
  > Yes, happy is a feeling.
- [x] Worried
  > Yes, worried is a feeling too.
- [ ] A table
  > Good try. A table is a thing, not a feeling.
:::
"""


def with_quiz(quiz: str = QUIZ) -> str:
    return good().replace("\n::: keypoints\n", f"\n{quiz}\n::: keypoints\n")


def quiz_line(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_a_good_quiz_passes(project: Path) -> None:
    empty_project(project)
    write(project, "trusted-adults/talking-helps.md", with_quiz())
    result = check(project)
    assert result.stdout == "" and result.returncode == 0


@pytest.mark.parametrize(("name", "change", "needle", "code"), [
    ("no right answer", lambda q: q.replace("- [x] A trusted adult.", "- [ ] A trusted adult."),
     "1. Who can you tell if you feel worried?", "SP130"),
    ("no feedback", lambda q: q.replace("  > Yes, worried is a feeling too.\n", ""),
     "- [x] Worried", "SP131"),
    ("one option", lambda q: q.replace(
        "- [ ] Nobody at all.\n  > Not quite. Talking to someone helps.\n", ""),
     "1. Who can you tell if you feel worried?", "SP133"),
    ("stray line", lambda q: q.replace("2. Which", "Now a harder one.\n\n2. Which"),
     "Now a harder one.", "SP132"),
    ("block inside", lambda q: q.replace("2. Which", "::: answers\nSecret.\n:::\n2. Which"),
     "::: answers", "SP134"),
    ("long feedback sentence", lambda q: q.replace(
        "Yes! A trusted adult can help you.",
        "Yes! A trusted adult is someone you know well who listens to you and helps you to "
        "stay safe when you are worried."),
     "  > Yes! A trusted adult is someone you know well who listens to you and helps you to "
     "stay safe when you are worried.", "SP407"),
    ("harmful advice in feedback", lambda q: q.replace(
        "Yes! A trusted adult can help you.", "Yes! Then delete the messages."),
     "  > Yes! Then delete the messages.", "SP403"),
    ("unsafe HTML in a question", lambda q: q.replace(
        "Which are feelings?", "Which are <iframe src=x></iframe> feelings?"),
     "2. Which are <iframe src=x></iframe> feelings? Choose all that are right.", "SP405"),
])
def test_a_bad_quiz_is_reported_where_it_is(project: Path, name, change, needle, code) -> None:
    empty_project(project)
    text = with_quiz(change(QUIZ))
    write(project, "trusted-adults/talking-helps.md", text)
    result = check(project)
    assert (PATH, quiz_line(text, needle), code) in problems(result.stdout), result.stdout
    assert result.returncode == 1


def test_a_quiz_inside_another_block_is_reported(project: Path) -> None:
    empty_project(project)
    text = good().replace("::: keypoints\n", f":::: keypoints\n{QUIZ.strip()}\n", 1).replace(
        "- You can always tell a trusted adult.\n:::", "- You can always tell a trusted adult.\n::::")
    write(project, "trusted-adults/talking-helps.md", text)
    result = check(project)
    assert (PATH, quiz_line(text, '::: quiz "What do you know?"'), "SP135") in \
        problems(result.stdout), result.stdout


def test_a_wrong_option_may_name_what_not_to_do(project: Path) -> None:
    """Rule SP403 spares options marked not right, and only those."""
    empty_project(project)
    quiz = QUIZ.replace("- [ ] Nobody at all.", "- [ ] Delete the messages.")
    write(project, "trusted-adults/talking-helps.md", with_quiz(quiz))
    assert check(project).returncode == 0
    write(project, "trusted-adults/talking-helps.md",
          with_quiz(quiz.replace("- [ ] Delete", "- [x] Delete")))
    assert "SP403" in check(project).stdout


LINES = st.sampled_from([
    "1. A question?", "12) Another question", "- [x] Right", "- [ ] Wrong", "- [X] Also right",
    "  > Feedback.", "> feedback", ">", "", "   ", "- [] broken", "-[x]nospace", ":::",
    "::: quiz", "::: answers", '::: quiz "Nested"', "1.", "- [x]", "  > <script>x</script>",
    "* [ ] star", "+ [x] plus", "0. zero", "999. big", "\t> tab", "text", "[x] bare",
])


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for part in ("curriculum/topics.yml", "curriculum/regions", "audiences", "mkdocs.yml"):
        source, target = ROOT / part, root / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.write_bytes(source.read_bytes())
    return root


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(LINES, st.text(max_size=20)), max_size=14))
def test_no_quiz_crashes_check(fuzz_root: Path, lines: list[str]) -> None:
    """Any text in a quiz block is read, and reported line by line, never raised."""
    body = "::: quiz \"Fuzz\"\n" + "\n".join(lines) + "\n:::\n"
    text = with_quiz(body)
    write(fuzz_root, "trusted-adults/talking-helps.md", text)
    curriculum, report = load_and_check(fuzz_root, advisory=False)
    last = text.count("\n") + 1
    for item in report.items:
        assert 1 <= item.line <= last and item.code.startswith("SP"), item
