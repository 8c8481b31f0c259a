"""Block structure has one reading: anything that looks like a marker but is not exact is an error.

The issue these guard against: a stray code fence, an indented or disguised `:::` line made
gated text (facilitator notes, answers, safeguarding) plain text on every learner site.
"""

from __future__ import annotations

import pytest

from signpost.model import FACILITATOR_ONLY, Block, iter_blocks
from signpost.parse import parse_body

SECRET = "Teacher only: the answer is C."


def body_with(marker_line: str) -> str:
    return f"Intro text.\n\n{marker_line}\n{SECRET}\n:::\n\nMore text.\n"


@pytest.mark.parametrize(
    "marker",
    [
        " ::: facilitator",  # a leading space
        "    ::: facilitator",  # indented: Markdown would make it a code block
        "\t::: facilitator",  # a tab
        ":::\tfacilitator",  # a tab inside
        "\u200b::: facilitator",  # zero-width space
        "\u200f::: facilitator",  # right-to-left mark
        "\ufeff::: facilitator",  # a byte-order mark mid-file
        ":::\u200b facilitator",
        "::: facilitator\u200b",
        "\u00a0::: facilitator",  # no-break space
        "\uff1a\uff1a\uff1a facilitator",  # full-width colons
        "\u2236\u2236\u2236 facilitator",  # ratio signs
        "> ::: facilitator",  # inside a quotation
        "- ::: facilitator",  # inside a list item
        "1. ::: facilitator",
    ],
)
def test_a_disguised_marker_is_an_error_at_its_line(marker: str) -> None:
    nodes, problems = parse_body(body_with(marker), 10)
    assert (12, "SP106") in {(p.line, p.code) for p in problems}


@pytest.mark.parametrize("fence", ["```", "~~~", "````", "   ```", "```html", "~~~ {.x}"])
def test_a_code_fence_anywhere_is_an_error(fence: str) -> None:
    body = f"{fence}\nstray\n\n::: facilitator\n{SECRET}\n:::\n"
    nodes, problems = parse_body(body, 1)
    assert (1, "SP107") in {(p.line, p.code) for p in problems}
    # The block after the stray fence is still a block: gating would still drop it.
    assert [b.kind for b in iter_blocks(nodes)] == ["facilitator"]


def test_a_fence_inside_a_block_is_an_error_and_the_block_stays_gated() -> None:
    body = f"::: activity\nDo this.\n~~~\n:::\n\n::: answers\n{SECRET}\n:::\n"
    nodes, problems = parse_body(body, 1)
    assert (3, "SP107") in {(p.line, p.code) for p in problems}
    kinds = [b.kind for b in iter_blocks(nodes)]
    assert kinds == ["activity", "answers"]


@pytest.mark.parametrize("admonition", ['!!! note "Teacher"', "??? facilitator", "!!! sp-answers"])
def test_a_hand_written_admonition_is_an_error(admonition: str) -> None:
    nodes, problems = parse_body(f"{admonition}\n    {SECRET}\n", 1)
    assert (1, "SP108") in {(p.line, p.code) for p in problems}


def test_exact_markers_parse_and_gated_text_sits_in_gated_blocks() -> None:
    nodes, problems = parse_body(body_with("::: facilitator"), 1)
    assert problems == []
    gated = [b for b in iter_blocks(nodes) if b.kind in FACILITATOR_ONLY]
    assert len(gated) == 1 and SECRET in gated[0].plain_markdown()
    texts = [n.markdown for n in nodes if not isinstance(n, Block)]
    assert all(SECRET not in text for text in texts)


@pytest.mark.parametrize(
    "line",
    [
        "- a list item", "1. first", "> a quotation", "Time: 10:30", "a ::: b", "**bold**",
        "--- ", "* * *", "?", "!", "Café ::: no", "  - nested item", "| a | b |",
    ],
)
def test_ordinary_lines_are_not_markers(line: str) -> None:
    nodes, problems = parse_body(f"{line}\n", 1)
    assert problems == []


def test_paragraphs_the_renderer_would_take_too_long_on_are_errors() -> None:
    body = "Fine text.\n\n" + "[a " * 100 + "\n\nMore.\n\n" + "x" * 10_001 + "\n"
    _, problems = parse_body(body, 5)
    assert [(p.line, p.code) for p in problems] == [(7, "SP109"), (11, "SP109")]
    _, problems = parse_body("<b>x</b> " * 301, 1)
    assert [(p.line, p.code) for p in problems] == [(1, "SP109")]


@pytest.mark.parametrize("piece", ["[a [b ![c](d ", "<a <b <c x=\" ", "*a _b **c __d ",
                                   "don't 'x y ", "[x](y) "])
def test_a_big_adversarial_module_is_checked_without_hanging(project, piece: str) -> None:
    """A module near the size limit, made of what makes regular expressions and Markdown
    slow: check finishes (the timeout is a hang detector, not a timing assertion)."""
    from conftest import run_signpost

    module = project / "curriculum" / "privacy" / "safe-and-private-online.md"
    paragraph = (piece * (9000 // len(piece)))[:9000]
    module.write_text(module.read_text(encoding="utf-8") + "\n\n".join([paragraph] * 24),
                      encoding="utf-8")
    result = run_signpost(project, "check", timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
