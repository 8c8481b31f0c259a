"""No input crashes or hangs loading: odd YAML and odd files are `path:line: CODE` diagnostics.

The YAML cases run `signpost check` in a subprocess, so that a segfault or a hang
fails the test instead of killing pytest; `load_yaml` itself is also fuzzed.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_signpost
from signpost import yamlsource
from signpost.diagnostics import Report
from signpost.files import MAX_FILE_BYTES, module_files, read_text
from signpost.loader import load_curriculum
from signpost.yamlsource import Lines, YamlProblem, load_yaml
from test_check import empty_project, good, write

MODULE = "trusted-adults/talking-helps.md"
MODULE_PATH = f"curriculum/{MODULE}"
TIMEOUT = 120  # seconds: a hang fails the test


def check(project: Path):
    result = run_signpost(project, "check", timeout=TIMEOUT)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert result.returncode in (0, 1), (result.returncode, result.stderr)  # not a signal
    return result


def diagnostics(output: str, path: str) -> list[tuple[int, str, str]]:
    """(line, code, rest of the line) of every diagnostic for `path`."""
    found = []
    for line in output.splitlines():
        prefix = f"{path}:"
        if line.startswith(prefix):
            number, code, rest = line[len(prefix):].split(" ", 2)[0:3]
            found.append((int(number.rstrip(":")), code, rest))
    return found


def reported(output: str, path: str, code: str, words: str = "") -> bool:
    """`path:1: CODE ...words...`, or `folder:1: CODE name: ...words...` (the form used for
    symbolic links, which the report would otherwise show by their target)."""
    folder, _, name = path.rpartition("/")
    return any(
        line.startswith((f"{path}:1: {code} ", f"{folder}:1: {code} {name}: ")) and words in line
        for line in output.splitlines()
    )


# --- YAML in front matter ---------------------------------------------------------------

DEEP_BRACKETS = "[" * 25_000 + "]" * 25_000
DEEP_DASHES = "\n" + "- " * 25_000 + "x"

YAML_CASES = [
    # (name, old text, new text, line of the problem, words in the message)
    ("invalid date", "last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30", 17,
     "not a valid date: 2026-02-30"),
    ("int tag", "duration: 45", "duration: !!int x", 7, "tags like !!int are not supported"),
    ("set tag", "prerequisites: []", "prerequisites: !!set {a}", 14,
     "tags like !!int are not supported"),
    ("python tag", "title: Feelings we can talk about",
     'title: !!python/object/apply:os.system ["echo hi > pwned"]', 3,
     "tags like !!int are not supported"),
    ("local tag", "topic: trusted-adults", "topic: !foo bar", 6,
     "tags like !!int are not supported"),
    ("anchor", "prerequisites: []", "prerequisites: &p []", 14, "anchors and aliases"),
    ("alias", "prerequisites: []", "prerequisites: *p", 14, "anchors and aliases"),
    ("duplicate key", "duration: 45", "duration: 45\nduration: 50", 8,
     "duplicate key 'duration'"),
    ("merge key", "prerequisites: []", "<<: {prerequisites: []}", 14, "merge keys"),
    ("deep brackets", "prerequisites: []", f"prerequisites: {DEEP_BRACKETS}", 14, "nest"),
    ("deep dashes", "prerequisites: []", f"prerequisites:{DEEP_DASHES}", 15, "nest"),
    ("huge number", "duration: 45", "duration: " + "1:" * 20_000 + "1", 7, "number"),
]


@pytest.mark.parametrize(("name", "old", "new", "line", "words"), YAML_CASES,
                         ids=[case[0] for case in YAML_CASES])
def test_bad_yaml_is_a_diagnostic_at_its_line(project, name, old, new, line, words) -> None:
    empty_project(project)
    text = good().replace(old, new)
    assert text != good()
    write(project, MODULE, text)
    result = check(project)
    found = diagnostics(result.stdout, MODULE_PATH)
    assert any(n == line and code == "SP003" and words in rest for n, code, rest in found), (
        result.stdout
    )
    assert result.returncode == 1
    assert not (project / "pwned").exists() and not Path("pwned").exists()


def test_an_unclosed_quote_is_reported_where_it_opens(project: Path) -> None:
    empty_project(project)
    text = good().replace("title: Feelings we can talk about",
                          'title: "Feelings we can talk about')
    write(project, MODULE, text)
    result = check(project)
    found = diagnostics(result.stdout, MODULE_PATH)
    assert [(n, code) for n, code, _ in found] == [(3, "SP003")], result.stdout
    assert result.returncode == 1


def test_a_date_time_where_a_date_is_expected_does_not_crash(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good().replace("last_reviewed: 2026-11-01",
                                          "last_reviewed: 2026-01-01T10:00:00"))
    check(project)  # reported or accepted, but never a traceback


@pytest.mark.parametrize("text", [DEEP_BRACKETS, DEEP_DASHES, "channels: " + DEEP_BRACKETS])
def test_deep_nesting_in_a_region_file(project: Path, text: str) -> None:
    region = project / "curriculum" / "regions" / "GB.yml"
    region.write_text(text, encoding="utf-8")
    result = check(project)
    assert any(code == "SP003" and "nest" in rest
               for _, code, rest in diagnostics(result.stdout, "curriculum/regions/GB.yml")), (
        result.stdout
    )
    assert result.returncode == 1


# --- special files and symbolic links ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_being_opened(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    os.mkfifo(project / "curriculum" / "privacy" / "x.md")
    os.mkfifo(project / "curriculum" / "regions" / "XX.yml")
    result = check(project)  # a blocking open would hang until the timeout
    assert reported(result.stdout, "curriculum/privacy/x.md", "SP006", "named pipe"), (
        result.stdout
    )
    assert reported(result.stdout, "curriculum/regions/XX.yml", "SP006", "named pipe")
    assert result.returncode == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_symlink_to_a_device_is_refused(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    (project / "curriculum" / "privacy" / "zero.md").symlink_to("/dev/zero")
    (project / "audiences" / "zero.yml").symlink_to("/dev/zero")
    result = check(project)
    assert reported(result.stdout, "curriculum/privacy/zero.md", "SP006"), result.stdout
    assert reported(result.stdout, "audiences/zero.yml", "SP006"), result.stdout
    assert result.returncode == 1


def test_a_folder_named_like_a_module_is_refused(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    (project / "curriculum" / "privacy" / "folder.md").mkdir()
    report = Report(project)
    assert read_text(project / "curriculum" / "privacy" / "folder.md", report) is None
    assert [(d.code, "folder" in d.message) for d in report.items] == [("SP006", True)]


def test_a_symlink_to_a_module_outside_the_project_is_not_published(
    project: Path, tmp_path: Path
) -> None:
    empty_project(project)
    write(project, MODULE, good())
    outside = tmp_path / "elsewhere" / "stolen.md"
    outside.parent.mkdir()
    outside.write_text(good("stolen").replace("topic: trusted-adults", "topic: privacy"),
                       encoding="utf-8")
    link = project / "curriculum" / "privacy" / "stolen.md"
    link.symlink_to(outside)
    result = check(project)
    assert reported(result.stdout, "curriculum/privacy/stolen.md", "SP006",
                    "outside the project"), result.stdout
    assert result.returncode == 1
    report = Report(project)
    curriculum = load_curriculum(project, report)
    assert "stolen" not in curriculum.modules
    assert "talking-helps" in curriculum.modules


def test_a_symlinked_topic_folder_outside_the_project_is_not_followed(
    project: Path, tmp_path: Path
) -> None:
    empty_project(project)
    write(project, MODULE, good())
    outside = tmp_path / "elsewhere" / "privacy"
    outside.mkdir(parents=True)
    (outside / "stolen.md").write_text(good("stolen"), encoding="utf-8")
    (project / "curriculum" / "borrowed").symlink_to(outside, target_is_directory=True)
    report = Report(project)
    files = module_files(project / "curriculum", report)
    assert all("borrowed" not in str(path) for path in files)
    assert [d.code for d in report.items] == ["SP006"]
    assert "outside the project" in report.items[0].message
    result = check(project)
    assert reported(result.stdout, "curriculum/borrowed", "SP006", "outside the project"), (
        result.stdout
    )
    assert "stolen" not in result.stdout
    assert result.returncode == 1


def test_a_symlinked_topic_folder_inside_the_project_is_followed(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    (project / "curriculum" / "again").symlink_to("trusted-adults", target_is_directory=True)
    files = module_files(project / "curriculum", Report(project))
    assert project / "curriculum" / "again" / "talking-helps.md" in files


def test_symlink_loops_are_reported_not_followed(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    (project / "curriculum" / "privacy" / "loop.md").symlink_to("loop.md")
    (project / "curriculum" / "privacy" / "ping.md").symlink_to("pong.md")
    (project / "curriculum" / "privacy" / "pong.md").symlink_to("ping.md")
    (project / "curriculum" / "circle").symlink_to("circle")
    (project / "curriculum" / "regions" / "LP.yml").symlink_to("LP.yml")
    result = check(project)
    for path in ("curriculum/privacy/loop.md", "curriculum/privacy/ping.md",
                 "curriculum/privacy/pong.md", "curriculum/circle", "curriculum/regions/LP.yml"):
        assert reported(result.stdout, path, "SP006", "symbolic link loop"), result.stdout
    assert result.returncode == 1


def test_a_dangling_symlink_is_a_read_error(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    (project / "curriculum" / "privacy" / "gone.md").symlink_to("nowhere.md")
    result = check(project)
    assert reported(result.stdout, "curriculum/privacy/gone.md", "SP001", "cannot read file"), (
        result.stdout
    )


def test_a_module_directly_in_curriculum_is_a_warning(project: Path) -> None:
    empty_project(project)
    write(project, MODULE, good())
    write(project, "stray.md", good("stray"))
    result = check(project)
    assert "curriculum/stray.md:1: SP007 warning: " in result.stdout, result.stdout
    assert "curriculum/<topic>/<id>.md" in result.stdout
    assert result.returncode == 0


def test_an_unreadable_topic_folder_is_reported(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root every folder is readable, so the refusal is simulated where it happens."""
    empty_project(project)
    write(project, MODULE, good())
    locked = project / "curriculum" / "privacy"
    real_scandir = os.scandir

    def scandir(folder):
        if Path(folder) == locked:
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(folder)

    monkeypatch.setattr("signpost.files.os.scandir", scandir)
    report = Report(project)
    files = module_files(project / "curriculum", report)
    assert project / "curriculum" / MODULE in files
    assert [(d.path, d.line, d.code) for d in report.items] == [
        ("curriculum/privacy", 1, "SP001")]
    assert "cannot read folder: Permission denied" in report.items[0].message


def test_a_file_that_grows_past_its_size_is_cut_at_the_limit(project: Path) -> None:
    """The size on disk is checked first, but the read itself is bounded too."""
    path = write(project, MODULE, b"---\nid: x\n---\n" + b"a" * (MAX_FILE_BYTES + 10))
    real_stat, real_path = os.stat, path.resolve()

    def small_stat(target, *args, **kwargs):
        info = real_stat(target, *args, **kwargs)
        if Path(target) == real_path:
            return os.stat_result((info.st_mode, *info[1:6], 10, *info[7:]))
        return info

    report = Report(project)
    with mock.patch("signpost.files.os.stat", small_stat):
        assert read_text(path, report) is None
    assert [d.code for d in report.items] == ["SP005"]


# --- load_yaml itself --------------------------------------------------------------------


def test_lines_keep_their_contract() -> None:
    text = "a: '1'\nb:\n  - x\n  - {y: [1, 2]}\n  -\n    - z\nc:\n  d: 2026-01-01\n"
    data, lines = load_yaml(text, 5)
    assert data == {"a": "1", "b": ["x", {"y": [1, 2]}, ["z"]], "c": {"d": date(2026, 1, 1)}}
    assert lines.by_path == {
        (): 5, ("a",): 5, ("b",): 6, ("b", 0): 7, ("b", 1): 8, ("b", 1, "y"): 8,
        ("b", 1, "y", 0): 8, ("b", 1, "y", 1): 8, ("b", 2): 10, ("b", 2, 0): 10,
        ("c",): 11, ("c", "d"): 12,
    }
    assert lines.of("c", "d", "missing", 3) == 12
    assert lines.of("nothing") == 5
    assert load_yaml("", 7) == (None, Lines(start=7))


LOADERS = sorted({yamlsource.FAST_LOADER, yaml.SafeLoader}, key=lambda loader: loader.__name__)


@pytest.mark.parametrize("loader", LOADERS, ids=[loader.__name__ for loader in LOADERS])
@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: 2026-02-30\n", 4, "not a valid date"),
        ("a: !!binary aGk=\n", 3, "tags"),
        ("a: 1\nb: 'open\nc: 2\n", 4, "quoted scalar"),
        ("a: 1\nb: |\n  x\n y: 1\n", 6, ""),
        ("a: 1\nb: c: d\n", 4, ""),
        ("a: 1\n---\nb: 2\n", 4, "single document"),
        ("a:\n  b: 1\n  b: 2\n", 5, "duplicate key 'b'"),
        ("? [a, b]\n: c\n", 3, "plain text"),
        ("a: 0b_\n", 3, ""),
        ("a: " + "9" * 5000 + "\n", 3, "number"),
        ("a: \x07\n", 3, "U+0007"),
        ("x:\n  " + "[" * 60 + "]" * 60, 4, "nested more than 50"),
        ("x:\n" + "  - " * 60 + "a", 4, "nested more than 50"),
    ],
)
def test_load_yaml_raises_only_yaml_problems(loader, text: str, line: int, words: str) -> None:
    with (
        mock.patch.object(yamlsource, "FAST_LOADER", loader),
        pytest.raises(YamlProblem) as problem,
    ):
        load_yaml(text, 3)
    assert problem.value.line == line, problem.value.message
    assert words in problem.value.message


def test_long_yaml_is_linear() -> None:
    pairs = "{" + ", ".join(f"key{i}: {i}" for i in range(90_000)) + "}"
    scalar = "a: " + "word " * 200_000
    quoted = 'a: "' + "word " * 200_000 + '"'
    for text in (pairs, scalar, quoted):
        assert len(text) >= 1_000_000
        started = time.perf_counter()
        load_yaml(text)
        assert time.perf_counter() - started < 20


FRAGMENTS = st.sampled_from([
    "[", "]", "{", "}", ",", ":", ": ", "- ", "-", "?", "? ", "'", '"', "\\", "#", "|", ">",
    "!", "!!int ", "!!set ", "!foo ", "!!python/object:os.system ", "&a ", "*a", "<<: ",
    "\n", "\n  ", "\n    ", "  ", "\t", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! !x\n",
    "key", "a", "x: 1", "2026-02-30", "2026-01-01T10:00:00", "1:2:3", "0x", "0b_", ".inf",
    "~", "null", "yes", "=", "1e999", "\x07", "\ufeff", "é", "🌈",
])


def _assert_only_yaml_problems(text: str, first_line: int) -> None:
    for loader in LOADERS:
        with mock.patch.object(yamlsource, "FAST_LOADER", loader):
            try:
                _, lines = load_yaml(text, first_line)
            except YamlProblem as problem:
                assert isinstance(problem.line, int) and problem.line >= first_line
            else:
                assert all(line >= first_line for line in lines.by_path.values())


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=1000))
def test_any_text_loads_or_is_a_yaml_problem(text: str, first_line: int) -> None:
    _assert_only_yaml_problems(text, first_line)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=60).map("".join), st.integers(min_value=1, max_value=50))
def test_yaml_ish_text_loads_or_is_a_yaml_problem(text: str, first_line: int) -> None:
    _assert_only_yaml_problems(text, first_line)
