"""Problem reports stay one line each, whatever a path, message or waiver reason holds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_signpost
from signpost.diagnostics import Diagnostic, Severity

NASTY = st.text(alphabet=st.sampled_from(list("ab:,%\r\n\u2028 ::stop-commands::")) | st.characters(),
                max_size=40)


@settings(max_examples=300, deadline=None)
@given(path=NASTY, message=NASTY, code=NASTY, warning=st.booleans())
def test_github_annotations_are_one_workflow_command(path: str, message: str, code: str,
                                                     warning: bool) -> None:
    severity = Severity.WARNING if warning else Severity.ERROR
    line = Diagnostic(path, 3, code, message, severity).format_github()
    assert "\n" not in line and "\r" not in line
    head, _, data = line.partition("::")[2].partition("::")
    assert head.startswith(("error file=", "warning file="))
    properties = head.split(" ", 1)[1].split(",")
    assert [p.split("=", 1)[0] for p in properties] == ["file", "line", "title"]
    assert ":" not in head.split(" ", 1)[1]
    assert data.replace("%25", "").count("%") == data.count("%0A") + data.count("%0D")


@settings(max_examples=100, deadline=None)
@given(path=NASTY, message=NASTY)
def test_text_reports_are_one_line(path: str, message: str) -> None:
    assert "\n" not in Diagnostic(path, 1, "SP001", message).format().replace("\u2028", "")


def test_a_waiver_reason_with_a_newline_stays_inside_its_annotation(project: Path) -> None:
    module = project / "curriculum" / "trusted-adults" / "secrets-and-surprises.md"
    text = module.read_text(encoding="utf-8")
    waiver = '\nwaivers:\n  SP408: "fine\\n::stop-commands::x\\n"\nlast_reviewed:'
    text = text.replace("\nlast_reviewed:", waiver, 1)
    module.write_text(text, encoding="utf-8")
    result = run_signpost(project, "check", "--format", "github", "--waivers")
    assert "Traceback" not in result.stderr
    for line in result.stdout.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ")), line
