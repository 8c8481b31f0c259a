"""The base mkdocs.yml is read safely; anything that could load from another host or run code is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_signpost


def problems(output: str) -> set[tuple[str, int, str]]:
    return {(m.group(1), int(m.group(2)), m.group(3))
            for m in re.finditer(r"^(.+?):(\d+): (SP\d{3}) ", output, re.M)}


def append(project: Path, text: str) -> int:
    """Add `text` to mkdocs.yml; returns the line it starts on."""
    base = project / "mkdocs.yml"
    before = base.read_text(encoding="utf-8")
    base.write_text(before + "\n" + text, encoding="utf-8")
    return before.count("\n") + 2


CASES = [
    ("extra_javascript:\n  - https://cdn.example.org/x.js\n", 1, "SP321"),
    ("extra_javascript:\n  - //cdn.example.org/x.js\n", 1, "SP321"),
    ("hooks:\n  - hooks.py\n", 0, "SP321"),
    ("repo_url: https://github.com/example/lessons\n", 0, "SP321"),
    ("INHERIT: ../other.yml\n", 0, "SP321"),
]


@pytest.mark.parametrize(("text", "offset", "code"), CASES, ids=[c[0].split(":")[0] + str(i)
                                                                  for i, c in enumerate(CASES)])
def test_a_setting_that_reaches_another_host_or_runs_code_is_refused(
    project: Path, text: str, offset: int, code: str
) -> None:
    line = append(project, text)
    result = run_signpost(project, "check")
    assert ("mkdocs.yml", line + offset, code) in problems(result.stdout), result.stdout
    assert result.returncode == 1 and "Traceback" not in result.stderr


def replace(project: Path, old: str, new: str) -> int:
    base = project / "mkdocs.yml"
    text = base.read_text(encoding="utf-8")
    assert old in text
    base.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "words"), [
    ("  font: false", "  font:\n    text: Roboto", "Google"),
    ("  - offline", "  - offline\n  - social", "plugin 'social'"),
    ("  - admonition", "  - admonition\n  - pymdownx.emoji", "CDN"),
    ("  - admonition", "  - some_module.extension", "not allowed"),
    ("  - assets/signpost.css", "  - assets/signpost.css\n  - https://fonts.example.org/f.css",
     "not 'https://fonts.example.org/f.css'"),
    ("extra:\n", "extra:\n  analytics:\n    provider: google\n", "trackers"),
])
def test_theme_plugins_and_extensions_are_checked(project: Path, old: str, new: str,
                                                  words: str) -> None:
    replace(project, old, new)
    result = run_signpost(project, "check")
    assert "mkdocs.yml:" in result.stdout and "SP321" in result.stdout, result.stdout
    assert words in result.stdout
    assert result.returncode == 1


def test_material_emoji_through_its_own_svg_generator_is_allowed(project: Path) -> None:
    replace(project, "  - admonition", "  - admonition\n  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
            "      emoji_generator: !!python/name:material.extensions.emoji.to_svg")
    result = run_signpost(project, "check")
    assert result.stdout == "" and result.returncode == 0, result.stdout


def test_python_tags_never_run(project: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    line = append(project, f'copyright: !!python/object/apply:os.system ["touch {marker}"]\n')
    for command in (["check"], ["build", "--no-pdf", "--only", "children-4-7"]):
        result = run_signpost(project, *command)
        assert ("mkdocs.yml", line, "SP320") in problems(result.stdout + result.stderr)
        assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not marker.exists()


@pytest.mark.parametrize("broken", ["theme: [unclosed\n", "nav: {a: 1\n", "x: 'open quote\n"])
def test_broken_yaml_is_one_line_with_its_place(project: Path, broken: str) -> None:
    line = append(project, broken)
    for command in (["check"], ["build", "--no-pdf"]):
        result = run_signpost(project, *command)
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        assert any(p[0] == "mkdocs.yml" and p[2] == "SP320" and p[1] >= line
                   for p in problems(output)), output
        assert result.returncode == 1


def test_a_missing_base_config_is_reported(project: Path) -> None:
    (project / "mkdocs.yml").unlink()
    result = run_signpost(project, "check")
    assert ("mkdocs.yml", 1, "SP320") in problems(result.stdout)
