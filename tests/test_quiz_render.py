"""The quiz as each reader gets it: the learner form passes the article allowlist (and module
text may write none of it), the teachers' key marks every answer, parents get questions only."""

from __future__ import annotations

from signpost.htmlcheck import article_findings, findings
from signpost.parse import parse_body
from signpost.render.quiz import quiz_html, quiz_key_markdown, quiz_starters_markdown

QUIZ = """::: quiz "Check"
1. Which are feelings? <script>alert(1)</script>
- [x] Happy & calm
  > Yes, "happy" is a feeling.
- [ ] A table
  > Good try. A table is a thing.
- [x] Worried
  > Yes, worried is a feeling too.

2. True or false: it is your fault.
- [ ] True
  > Not true. It is never your fault.
- [x] False
  > Right. It is never your fault.
:::"""


def block():
    nodes, problems = parse_body(QUIZ, 10)
    assert not problems
    return nodes[0]


def page(article: str) -> str:
    return ('<html><body><article class="md-content__inner md-typeset"><h1>T</h1>'
            f"{article}</article></body></html>")


def test_the_form_passes_the_article_allowlist_and_escapes_module_text() -> None:
    html = quiz_html(block())
    assert article_findings(page(html)) == []
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('type="checkbox"') == 3 and html.count('type="radio"') == 2
    assert html.count("<fieldset") == 2 and html.count("<legend>") == 2
    assert 'aria-live="polite"' in html and " hidden>" in html


def test_module_text_may_not_write_the_form() -> None:
    assert findings(quiz_html(block()))  # the same markup, as module text, is refused


def test_the_right_answers_are_only_inside_the_reveal() -> None:
    html = quiz_html(block())
    outside = "".join(part.split("</details>", 1)[-1] for part in html.split("<details"))
    assert "sp-quiz-right" not in outside and "Right answer" not in outside
    assert "checked" not in html


def test_the_allowance_is_for_the_form_only() -> None:
    html = quiz_html(block())
    assert article_findings(page('<input type="radio" name="x">'))
    assert article_findings(page('<div class="sp-quiz">x<input type="radio"></div>'))
    for change in (("<legend>", '<legend onclick="x()">'),
                   ('type="button"', 'type="submit"'),
                   ('<p class="sp-quiz-feedback"', '<p class="sp-quiz-feedback md-search"'),
                   ("</fieldset>", '<iframe src="https://example.org"></iframe></fieldset>'),
                   ('value="1"', 'value="1" formaction="https://example.org"')):
        assert article_findings(page(html.replace(*change, 1))), change


def test_the_key_marks_every_option_and_the_starters_none() -> None:
    key = quiz_key_markdown(block())
    assert key.count("**Right**") == 3 and key.count("Not right") == 2
    assert "It is never your fault" in key
    starters = quiz_starters_markdown(block())
    assert "Which are feelings" in starters and "True or false" in starters
    assert "Right" not in starters and "never your fault" not in starters


def test_region_values_in_quizzes_read_as_written_on_every_site(tmp_path) -> None:
    """A region value in quiz text (brackets, hyphens) shows as written in the learner form
    and in the teachers' key: no Markdown escapes in the form, no unfilled lookup in the key."""
    import html as html_module
    import re

    from conftest import copy_project, run_signpost

    root = copy_project(tmp_path / "project")
    result = run_signpost(root, "build", "--no-pdf", "--region", "GB",
                          "--only", "children-11-13", "--only", "teachers")
    assert result.returncode == 0, result.stdout + result.stderr
    name = "Report Remove (Childline and the Internet Watch Foundation)"
    pages = [root / "build/site/children-11-13/images-and-consent/pictures-permission-and-pressure.html",
             root / "build/site/teachers/lesson-plans/11-13/pictures-permission-and-pressure.html"]
    for path in pages:
        text = html_module.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))
        assert f"ask about tools like {name}." in text, path
        assert "{{" not in text and "\\(" not in text, path
