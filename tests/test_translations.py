"""Translations (`<id>.<lang>.md`): scaffolded by `signpost translate`, checked like module text,
held to their source's gated shape, and warned about section by section when they go stale.

The CLI runs are real (`signpost translate`, `check`, `build`) on a copy of the project; the
property tests load one hostile or mutated translation at a time beside a shipped module.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_project, run_signpost
from signpost.checks import translations as translation_checks
from signpost.diagnostics import Report
from signpost.loader import load_curriculum, load_translation
from signpost.model import Curriculum, Module
from signpost.translations import sections

TOPIC = Path("curriculum") / "feelings-and-consent"
SOURCE = TOPIC / "asking-first.md"
TRANSLATION = TOPIC / "asking-first.lt.md"


def diagnostics(root: Path, *args: str) -> tuple[int, list[dict]]:
    result = run_signpost(root, "check", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout or "[]")


def about(items: list[dict], path: Path) -> list[dict]:
    return [item for item in items if item["path"] == path.as_posix()]


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with `asking-first` freshly translated into Lithuanian (scaffolded)."""
    root = copy_project(tmp_path_factory.mktemp("translated"))
    result = run_signpost(root, "translate", "asking-first", "--lang", "lt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == TRANSLATION.as_posix()
    return root


@pytest.fixture
def project_with_translation(translated: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(translated, root, ignore=shutil.ignore_patterns("build", ".signpost-cache"))
    return root


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line == text)


def line_starting(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


# --- scaffolding ------------------------------------------------------------------------


def test_the_scaffold_is_a_draft_that_passes_check(translated: Path) -> None:
    text = (translated / TRANSLATION).read_text(encoding="utf-8")
    assert "\nlanguage: lt\n" in text and "\nstatus: draft\n" in text
    source = (translated / SOURCE).read_text(encoding="utf-8")
    assert text.split("\n---\n", 1)[1] == source.split("\n---\n", 1)[1]  # the body to translate
    code, items = diagnostics(translated)
    assert code == 0
    assert about(items, TRANSLATION) == []
    recorded = re.findall(r"^  (.+?): ([0-9a-f]{12})$", text, re.M)
    assert [name.strip("'") for name, _ in recorded][:2] == ["front matter", "Pip has a new camera"]
    assert len(recorded) == 15  # front matter, 4 headings, 10 blocks


def test_translate_never_overwrites(project_with_translation: Path) -> None:
    target = project_with_translation / TRANSLATION
    target.write_text(target.read_text(encoding="utf-8") + "\nMy own words.\n", encoding="utf-8")
    before = target.read_bytes()
    result = run_signpost(project_with_translation, "translate", "asking-first", "--lang", "lt")
    assert result.returncode == 2
    assert "already exists; not overwriting it" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["no-such-module", "--lang", "lt"], "no module with id 'no-such-module'"),
    (["asking-first", "--lang", "Lithuanian!"], "is not a language tag"),
    (["asking-first", "--lang", "ur", "--mark-current", "all"], "does not exist"),
])
def test_translate_refuses_in_one_line(project: Path, args: list[str], message: str) -> None:
    before = sorted((project / "curriculum").rglob("*.*.md"))
    result = run_signpost(project, "translate", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().split("\n")) == 1
    assert sorted((project / "curriculum").rglob("*.*.md")) == before  # nothing written


# --- staleness --------------------------------------------------------------------------


def test_a_changed_sentence_makes_one_section_stale_until_marked_current(
    project_with_translation: Path,
) -> None:
    root = project_with_translation
    source = root / SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Dot has a big hat and a silly face.", "Dot has a big red hat and a silly face."),
        encoding="utf-8")
    code, items = diagnostics(root)
    assert code == 0
    stale = about(items, TRANSLATION)
    assert [(i["code"], i["severity"], i["line"]) for i in stale] == [
        ("SP507", "warning", line_of(root / TRANSLATION, "## Pip has a new camera"))]
    assert "section 'Pip has a new camera'" in stale[0]["message"]
    assert ("signpost translate asking-first --lang lt --mark-current 'Pip has a new camera'"
            in stale[0]["message"])

    edit_translation(root, lambda text: text.replace("title: Asking first",
                                                     "title: Pirmiausia paklausk"))
    result = run_signpost(root, "translate", "asking-first", "--lang", "lt",
                          "--mark-current", "Pip has a new camera")
    assert result.returncode == 0, result.stderr
    code, items = diagnostics(root)
    assert code == 0 and about(items, TRANSLATION) == []
    written = (root / TRANSLATION).read_text(encoding="utf-8")
    assert "\ntitle: Pirmiausia paklausk\n" in written  # the rest of the file as it was
    assert written.count("source_digests:") == 1


def test_a_changed_safeguarding_block_is_named_at_its_line(project_with_translation: Path) -> None:
    root = project_with_translation
    source = root / SOURCE
    text = source.read_text(encoding="utf-8")
    start = text.index("::: safeguarding\n") + len("::: safeguarding\n")
    source.write_text(text[:start] + "Tell the DSL the same day. " + text[start:],
                      encoding="utf-8")
    _, items = diagnostics(root)
    stale = about(items, TRANSLATION)
    assert [(i["code"], i["line"]) for i in stale] == [
        ("SP507", line_of(root / TRANSLATION, "::: safeguarding"))]
    assert "'safeguarding 1'" in stale[0]["message"]
    result = run_signpost(root, "translate", "asking-first", "--lang", "lt",
                          "--mark-current", "all")
    assert result.returncode == 0
    assert about(diagnostics(root)[1], TRANSLATION) == []


def test_mark_current_refuses_a_section_the_source_does_not_have(
    project_with_translation: Path,
) -> None:
    before = (project_with_translation / TRANSLATION).read_bytes()
    result = run_signpost(project_with_translation, "translate", "asking-first", "--lang", "lt",
                          "--mark-current", "Pip has a camera")
    assert result.returncode == 2
    assert "no section 'Pip has a camera'" in result.stderr and "'Pip has a new camera'" in result.stderr
    assert (project_with_translation / TRANSLATION).read_bytes() == before


def test_rewrapping_the_source_is_not_a_change(project_with_translation: Path) -> None:
    source = project_with_translation / SOURCE
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Pip wants to take a photo of Dot.",
                                   "Pip  wants to take a photo   of Dot.   "), encoding="utf-8")
    assert about(diagnostics(project_with_translation)[1], TRANSLATION) == []


# --- shape ------------------------------------------------------------------------------


def edit_translation(root: Path, edit) -> Path:
    path = root / TRANSLATION
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def block_text(text: str, kind: str) -> str:
    start = text.index(f"::: {kind}\n")
    return text[start:text.index("\n:::\n", start) + len("\n:::\n")]


def test_a_dropped_safeguarding_block_is_an_error(project_with_translation: Path) -> None:
    edit_translation(project_with_translation,
                     lambda text: text.replace(block_text(text, "safeguarding"), ""))
    code, items = diagnostics(project_with_translation)
    assert code == 1
    errors = [i for i in about(items, TRANSLATION) if i["severity"] == "error"]
    assert [i["code"] for i in errors] == ["SP503"]
    assert "'safeguarding'" in errors[0]["message"]


def test_a_facilitator_block_turned_into_an_activity_is_an_error(
    project_with_translation: Path,
) -> None:
    path = edit_translation(project_with_translation,
                            lambda text: text.replace("::: facilitator\n", "::: activity\n"))
    code, items = diagnostics(project_with_translation)
    assert code == 1
    assert [(i["code"], i["line"]) for i in about(items, TRANSLATION)] == [
        ("SP503", line_of(path, "::: activity"))]


def test_a_line_moved_out_of_a_facilitator_block_is_an_error(
    project_with_translation: Path,
) -> None:
    def move_last_line_out(text: str) -> str:
        block = block_text(text, "facilitator")
        lines = block.split("\n")  # [marker, ..., last, ":::", ""]
        moved = "\n".join([*lines[:-3], ":::", lines[-3], ""])
        return text.replace(block, moved)

    path = edit_translation(project_with_translation, move_last_line_out)
    code, items = diagnostics(project_with_translation)
    assert code == 1
    found = [(i["code"], i["line"]) for i in about(items, TRANSLATION)]
    assert ("SP509", line_of(path, "::: facilitator")) in found


def test_a_quiz_with_another_right_answer_is_an_error(project_with_translation: Path) -> None:
    def swap_first_marks(text: str) -> str:
        quiz = block_text(text, 'quiz "What do you know now?"')
        changed = quiz.replace("- [x]", "- [?]", 1).replace("- [ ]", "- [x]", 1).replace(
            "- [?]", "- [ ]", 1)
        assert changed != quiz
        return text.replace(quiz, changed)

    edit_translation(project_with_translation, swap_first_marks)
    code, items = diagnostics(project_with_translation)
    assert code == 1
    assert "SP505" in [i["code"] for i in about(items, TRANSLATION)]


def test_a_missing_section_is_an_error(project_with_translation: Path) -> None:
    edit_translation(project_with_translation,
                     lambda text: text.replace("## Can I send it?\n", ""))
    code, items = diagnostics(project_with_translation)
    assert code == 1
    codes = [i["code"] for i in about(items, TRANSLATION)]
    assert "SP504" in codes


def test_translated_text_is_held_to_the_html_allowlist(project_with_translation: Path) -> None:
    path = edit_translation(project_with_translation, lambda text: text.replace(
        "Pip wants to take a photo of Dot.", 'Pip <img src="https://evil.example/x.png" alt="x">'))
    code, items = diagnostics(project_with_translation)
    assert code == 1
    assert ("SP405", line_of(path, 'Pip <img src="https://evil.example/x.png" alt="x">')) in [
        (i["code"], i["line"]) for i in about(items, TRANSLATION)]


def test_a_bad_tag_and_an_orphan_are_errors_at_their_path(project: Path) -> None:
    shutil.copy(project / SOURCE, project / TOPIC / "asking-first.Lithuanian.md")
    shutil.copy(project / SOURCE, project / TOPIC / "no-such-module.lt.md")
    code, items = diagnostics(project)
    assert code == 1
    assert [(i["path"], i["code"], i["line"]) for i in items if i["code"].startswith("SP5")] == [
        ((TOPIC / "asking-first.Lithuanian.md").as_posix(), "SP501", 1),
        ((TOPIC / "no-such-module.lt.md").as_posix(), "SP502", 1),
    ]
    assert not [i for i in items if i["code"] in ("SP013", "SP014")]


# --- the build --------------------------------------------------------------------------


def built_files(root: Path) -> dict[str, str]:
    result = run_signpost(root, "build", "--no-pdf", "--region", "GB", "--only", "children-4-7")
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_signpost(root, "build", "--no-pdf", "--region", "GB", "--only", "teachers")
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.relative_to(root / "build").as_posix(): content(path)
            for path in sorted((root / "build").rglob("*")) if path.is_file()
            and path.name != "manifest.json"}  # the build cache's key: a digest of every input


def content(path: Path) -> str:
    """A file's digest; for a zip, of its members' names and bytes (not their times)."""
    if path.suffix != ".zip":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return hashlib.sha256(repr(members).encode()).hexdigest()


def test_a_translation_changes_nothing_in_the_build(tmp_path: Path) -> None:
    plain = copy_project(tmp_path / "plain")
    with_translation = copy_project(tmp_path / "translated")
    result = run_signpost(with_translation, "translate", "asking-first", "--lang", "lt")
    assert result.returncode == 0
    edit_translation(with_translation, lambda text: text.replace(
        "Pip wants to take a photo of Dot.", "Pip nori nufotografuoti Dot."))
    before, after = built_files(plain), built_files(with_translation)
    assert before and "site/children-4-7/index.html" in " ".join(before)
    assert before.keys() == after.keys()
    assert before == after
    everything = b"".join(p.read_bytes() for p in (with_translation / "build").rglob("*")
                          if p.is_file())
    assert b"nufotografuoti" not in everything


# --- properties -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Curriculum, Module, Path]:
    root = copy_project(tmp_path_factory.mktemp("property"))
    run_signpost(root, "translate", "asking-first", "--lang", "lt")
    curriculum = load_curriculum(root, Report(root))
    module = curriculum.modules["asking-first"]
    return curriculum, module, root / TRANSLATION


def check_translation(loaded: tuple[Curriculum, Module, Path], text: str) -> Report:
    """Load `text` as the translation and run the translation checks on it alone."""
    curriculum, module, path = loaded
    path.write_text(text, encoding="utf-8")
    source = replace(module, translations={})
    report = Report(curriculum.root)
    load_translation(path, {source.id: source}, report)
    translation_checks.check(replace(curriculum, modules={source.id: source}), report)
    return report


def gated_shape(module: Module) -> list[tuple[int, str]]:
    return [(depth, kind) for depth, kind, _ in translation_checks.block_shape(module)]


PROPERTY = settings(max_examples=60, deadline=10_000,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
LINE_PARTS = st.sampled_from([
    ":::", "::: facilitator", "::: answers", "::: safeguarding", "::: activity \"A\" 5",
    "::: quiz", "::::", ":::: family", "## Heading", "- [x] yes", "- [ ] no", "  > because",
    "1. Question?", "- a card", "<script>x</script>", "{{ region.name }}", "{% x %}", "```",
    "[here](x.md)", "![](../x.png)", "---", "language: lt", "status: draft", "title: T",
    "", "   ", "\t", "ÿ", "\u202e", "Text.",
])


@PROPERTY
@given(front=st.text(max_size=300), body=st.lists(st.one_of(LINE_PARTS, st.text(max_size=40)),
                                                   max_size=40))
def test_hostile_translations_never_crash_check(loaded, front: str, body: list[str]) -> None:
    report = check_translation(loaded, f"---\n{front}\n---\n" + "\n".join(body))
    assert all(item.line >= 1 for item in report.items)


@PROPERTY
@given(fields=st.dictionaries(st.sampled_from(["language", "status", "title", "summary",
                                               "objectives", "vocabulary", "source_digests",
                                               "id", "draft"]),
                              st.one_of(st.text(max_size=20), st.integers(), st.none(),
                                        st.lists(st.text(max_size=10), max_size=3),
                                        st.dictionaries(st.text(max_size=8), st.text(max_size=8),
                                                        max_size=3))),
       body=st.text(max_size=400))
def test_random_front_matter_never_crashes_check(loaded, fields: dict, body: str) -> None:
    report = check_translation(loaded, "---\n" + json.dumps(fields) + "\n---\n" + body)
    assert all(item.line >= 1 for item in report.items)


def mutate(lines: list[str], seed: int, steps: int) -> list[str]:
    """`lines` after `steps` random edits a careless (or hostile) translator could make."""
    chooser = random.Random(seed)
    lines = list(lines)
    for _ in range(steps):
        if not lines:
            break
        at, to = chooser.randrange(len(lines)), chooser.randrange(len(lines) + 1)
        action = chooser.choice(["delete", "move", "duplicate", "swap", "rekind", "insert",
                                 "reword", "reword", "reword"])
        if action == "reword":  # what a translator does: new words, the same line
            if lines[at].strip() and not lines[at].startswith(":::"):
                lines[at] += " (lt)"
        elif action == "delete":
            del lines[at]
        elif action == "move":
            moved = lines.pop(at)
            lines.insert(min(to, len(lines)), moved)
        elif action == "duplicate":
            lines.insert(to, lines[at])
        elif action == "swap":
            other = chooser.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "rekind" and lines[at].startswith(":::"):
            kind = chooser.choice(["activity", "facilitator", "answers", "safeguarding",
                                   "family", "keypoints", "discussion"])
            lines[at] = f"::: {kind}"
        else:
            lines.insert(to, chooser.choice(["Words.", ":::", "::: facilitator", "## New"]))
    return lines


@PROPERTY
@given(seed=st.integers(0, 2**32), steps=st.integers(1, 4))
def test_a_translation_that_passes_check_keeps_every_gated_block(
    loaded, seed: int, steps: int
) -> None:
    curriculum, module, path = loaded
    scaffold = run_scaffold_text(module)
    head, body = scaffold.split("\n---\n", 1)
    mutated = head + "\n---\n" + "\n".join(mutate(body.split("\n"), seed, steps))
    report = check_translation(loaded, mutated)
    if report.errors:
        return
    translation = next(iter(translation_of(curriculum, path)))
    assert gated_shape(translation) == gated_shape(module)
    learner_lines = [len([ln for ln in translation_lines(m) if ln]) for m in (translation, module)]
    assert learner_lines[0] == learner_lines[1]
    assert [u.shape for u in sections(translation)] == [u.shape for u in sections(module)]


def run_scaffold_text(module: Module) -> str:
    from signpost.commands.translate import scaffold_text
    return scaffold_text(module, "lt")


def translation_of(curriculum: Curriculum, path: Path):
    report = Report(curriculum.root)
    source = replace(curriculum.modules["asking-first"], translations={})
    load_translation(path, {source.id: source}, report)
    return [t.module for t in source.translations.values()]


def translation_lines(module: Module) -> list[str]:
    """The lines learners could see: text outside facilitator, answers, safeguarding, family."""
    from signpost.checks.text import iter_lines
    return [line.text.strip() for line in iter_lines(module) if line.learner_visible]


def test_the_scaffold_of_every_module_passes_check(tmp_path: Path) -> None:
    """Every shipped module and every good corpus module, scaffolded into Lithuanian and into
    English (where the reading rules apply too), passes check untouched; waivers carry over."""
    from signpost.commands.translate import scaffold_text
    from test_rules import CORPUS, add_module

    root = copy_project(tmp_path / "project")
    for module in sorted((CORPUS / "good").glob("*.md")):
        add_module(root, module)
    curriculum = load_curriculum(root, Report(root))
    assert len(curriculum.modules) > 40
    written = []
    for module in curriculum.modules.values():
        for language in ("lt", "en-GB"):
            target = module.path.with_name(f"{module.id}.{language}.md")
            target.write_text(scaffold_text(module, language), encoding="utf-8")
            written.append(target.relative_to(root).as_posix())
    result = run_signpost(root, "check", "--format", "json")
    items = json.loads(result.stdout)
    assert [i for i in items if i["path"] in written] == []
    assert not [i for i in items if i["severity"] == "error"], items
    assert result.returncode == 0


def test_a_rule_the_source_waives_is_waived_for_its_translations(tmp_path: Path) -> None:
    """Untranslated English in a translation meets the English rules (SP404 here), unless
    the source waives the rule with a reason: then its translations are excused too."""
    from signpost.commands.translate import scaffold_text
    from test_rules import CORPUS, add_module

    root = copy_project(tmp_path / "project")
    source = root / add_module(root, CORPUS / "bad" / "sp404-stranger-danger.md")
    module = load_curriculum(root, Report(root)).modules["sp404-stranger-danger"]
    translation = source.with_name("sp404-stranger-danger.en-GB.md")
    translation.write_text(scaffold_text(module, "en-GB"), encoding="utf-8")
    path = translation.relative_to(root).as_posix()
    assert "SP404" in [i["code"] for i in diagnostics(root)[1] if i["path"] == path]

    source.write_text(source.read_text(encoding="utf-8").replace(
        "prerequisites: []", "prerequisites: []\nwaivers:\n  SP404: a test of waivers"),
        encoding="utf-8")
    code, items = diagnostics(root)
    assert [i for i in items if i["path"] == path] == []
    assert code == 0


def test_a_changed_summary_makes_the_front_matter_stale(project_with_translation: Path) -> None:
    root = project_with_translation
    source = root / SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Everyone can say yes, no, or stop.", "Everyone can say yes, no or stop."),
        encoding="utf-8")
    stale = about(diagnostics(root)[1], TRANSLATION)
    assert [(i["code"], i["line"]) for i in stale] == [
        ("SP507", line_of(root / TRANSLATION, "title: Asking first"))]
    assert "section 'front matter'" in stale[0]["message"]


def test_a_digest_of_no_section_and_a_wrong_language_are_reported(
    project_with_translation: Path,
) -> None:
    root = project_with_translation
    path = edit_translation(root, lambda text: text.replace(
        "source_digests:\n", "source_digests:\n  Old heading: 0123456789ab\n"))
    stale = about(diagnostics(root)[1], TRANSLATION)
    assert [(i["code"], i["line"]) for i in stale] == [
        ("SP508", line_of(path, "  Old heading: 0123456789ab"))]
    run_signpost(root, "translate", "asking-first", "--lang", "lt", "--mark-current", "all")
    assert "Old heading" not in path.read_text(encoding="utf-8")
    assert about(diagnostics(root)[1], TRANSLATION) == []

    edit_translation(root, lambda text: text.replace("\nlanguage: lt\n", "\nlanguage: ur\n"))
    code, items = diagnostics(root)
    assert code == 1
    assert [(i["code"], i["line"]) for i in about(items, TRANSLATION)] == [
        ("SP501", line_of(path, "language: ur"))]


def test_translations_alone_are_an_empty_curriculum(project: Path) -> None:
    """A translation is never a module: a curriculum of translations alone has no modules."""
    for translation in (project / "curriculum").glob("*/*.*.md"):
        translation.unlink()  # the shipped translations: only sources become translations
    for module in (project / "curriculum").glob("*/*.md"):
        module.rename(module.with_name(module.name.removesuffix(".md") + ".lt.md"))
    code, items = diagnostics(project)
    assert code == 1
    assert ("SP300", "curriculum") in [(i["code"], i["path"]) for i in items]
    assert {i["code"] for i in items if i["path"].endswith(".lt.md")} == {"SP502"}


# --- a site's and a region's translations --------------------------------------------------


def test_a_site_translation_needs_its_source_and_its_sections(project: Path) -> None:
    audiences = project / "audiences"
    (audiences / "no-such-site.ur.yml").write_text(
        (audiences / "parents.ur.yml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (audiences / "parents.lt.yml").read_text(encoding="utf-8")
    (audiences / "parents.lt.yml").write_text(
        re.sub(r"^sections: .*$", "sections: [Vadovai tėvams]", text, flags=re.M),
        encoding="utf-8")
    code, items = diagnostics(project)
    assert code == 1
    found = {(i["path"], i["code"]) for i in items if i["severity"] == "error"}
    assert found == {("audiences/no-such-site.ur.yml", "SP502"),
                     ("audiences/parents.lt.yml", "SP503")}
    sections_line = line_starting(audiences / "parents.lt.yml", "sections:")
    assert [i["line"] for i in items if i["code"] == "SP503"] == [sections_line]


def test_a_region_translation_goes_stale_service_by_service(project: Path) -> None:
    """`signpost translate PK --lang ur` scaffolds the region's words; a changed service text
    is a warning at the translation's line for it until marked current."""
    regions = project / "curriculum" / "regions"
    target = regions / "PK.ur.yml"
    target.unlink(missing_ok=True)
    result = run_signpost(project, "translate", "PK", "--lang", "ur")
    assert result.returncode == 0, result.stderr
    assert "Rescue 1122:" in target.read_text(encoding="utf-8")
    assert about(diagnostics(project)[1], target.relative_to(project)) == []

    source = regions / "PK.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "reaching more districts each year.", "in more districts every year."), encoding="utf-8")
    items = about(diagnostics(project)[1], target.relative_to(project))
    assert [(i["code"], i["line"]) for i in items] == [
        ("SP507", line_starting(target, "  Rescue 1122:"))]
    assert "'Rescue 1122'" in items[0]["message"]

    result = run_signpost(project, "translate", "PK", "--lang", "ur", "--mark-current",
                          "Rescue 1122")
    assert result.returncode == 0, result.stderr
    assert about(diagnostics(project)[1], target.relative_to(project)) == []


def test_a_region_translation_names_only_services_the_region_has(project: Path) -> None:
    target = project / "curriculum" / "regions" / "LT.lt.yml"
    target.unlink(missing_ok=True)
    assert run_signpost(project, "translate", "LT", "--lang", "lt").returncode == 0
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("channels:\n", "channels:\n  No such helpline: Nėra.\n", 1),
                      encoding="utf-8")
    items = about(diagnostics(project)[1], target.relative_to(project))
    assert [(i["code"], i["line"]) for i in items] == [
        ("SP510", line_starting(target, "  No such helpline:"))]
