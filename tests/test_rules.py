"""Safeguarding and quality rules (SP4xx, SP203) on a corpus of modules, through the real CLI.

Each file in corpus/bad/ breaks one rule; EXPECTED says exactly which problems `signpost
check` must report for it (line, code). Each file in corpus/good/ must pass untouched,
including modules that talk about paying and secrets in a safe way.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_signpost

CORPUS = Path(__file__).parent / "corpus"
# Corpus files are reviewed "today", so that they never go stale or into the future.
REVIEWED = "last_reviewed: 2026-11-01"

EXPECTED: dict[str, list[tuple[int, str]]] = {
    "sp203-no-alt-text": [(24, "SP203")],
    "sp401-band-below-topic": [(5, "SP401")],
    "sp402-fault-only-for-facilitator": [(19, "SP402")],
    "sp402-no-fault-message": [(19, "SP402")],
    "sp403-comply": [(24, "SP403")],
    "sp403-delete-evidence": [(24, "SP403")],
    "sp403-dont-tell-anyone": [(24, "SP403")],
    "sp403-in-a-heading": [(25, "SP403")],
    "sp403-in-a-list": [(26, "SP403")],
    "sp403-in-a-table": [(28, "SP403")],
    "sp403-in-an-objective": [(10, "SP403")],
    "sp403-keep-it-secret": [(24, "SP403")],
    "sp403-parents-advice": [(21, "SP403")],
    "sp403-pay": [(23, "SP403")],
    "sp403-send-more": [(24, "SP403")],
    "sp404-creepy-old-man": [(21, "SP404")],
    "sp404-stranger-danger": [(23, "SP404")],
    "sp405-data-link": [(24, "SP405")],
    "sp405-embed": [(24, "SP405")],
    "sp405-event-handler": [(24, "SP405")],
    "sp405-font-face": [(23, "SP405")],
    "sp405-form": [(24, "SP405")],
    "sp405-iframe": [(24, "SP405")],
    "sp405-in-the-summary": [(8, "SP405")],
    "sp405-javascript-autolink": [(24, "SP405")],
    "sp405-javascript-link": [(24, "SP405")],
    "sp405-object": [(24, "SP405")],
    "sp405-remote-html-image": [(24, "SP405")],
    "sp405-remote-image": [(24, "SP405")],
    "sp405-remote-reference-image": [(24, "SP405")],
    "sp405-remote-video": [(24, "SP405")],
    "sp405-script": [(24, "SP405")],
    "sp405-style-import": [(24, "SP405")],
    "sp405-stylesheet": [(24, "SP405")],
    "sp406-no-safeguarding-block": [(19, "SP406")],
    "sp407-long-objective": [(10, "SP407")],
    "sp407-long-sentence-4-7": [(23, "SP407")],
    "sp407-youngest-band-listed-second": [(23, "SP407")],
    "sp408-reading-level": [(19, "SP408")],
    "sp409-stale-review": [(17, "SP409")],
    "sp410-http-html-link": [(22, "SP410")],
    "sp410-http-link": [(24, "SP410")],
    "sp411-vague-link-text": [(24, "SP411")],
    "sp412-heading-skip": [(25, "SP412")],
    "sp412-second-title": [(25, "SP412")],
    "sp413-waiver-not-allowed": [(19, "SP413"), (21, "SP406")],
    "sp413-waiver-structural": [(19, "SP413")],
    "sp414-unneeded-waiver": [(19, "SP414")],
}
WARNINGS = {"SP408", "SP409", "SP414"}
PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>SP\d+) (?!waived: )")


def topic_of(module: Path) -> str:
    match = re.search(r"^topic: (\S+)$", module.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{module} has no topic"
    return match.group(1)


def add_module(root: Path, module: Path) -> str:
    """Drop a corpus module into the project copy; return its path as check prints it."""
    relative = f"curriculum/{topic_of(module)}/{module.name}"
    text = module.read_text(encoding="utf-8").replace(
        REVIEWED, f"last_reviewed: {date.today().isoformat()}"
    )
    (root / relative).write_text(text, encoding="utf-8")
    return relative


def problems_in(output: str, path: str) -> list[tuple[int, str]]:
    found = []
    for line in output.splitlines():
        match = PROBLEM.match(line)
        if match and match["path"] == path:
            found.append((int(match["line"]), match["code"]))
    return sorted(found)


@pytest.fixture(scope="module")
def shipped_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What `check` says about the shipped curriculum, before any corpus module is added."""
    return run_signpost(copy_project(tmp_path_factory.mktemp("shipped")), "check").stdout


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], str]:
    """Every bad module in one project copy, checked once: {name: path}, check's output."""
    root = copy_project(tmp_path_factory.mktemp("bad"))
    paths = {m.stem: add_module(root, m) for m in sorted((CORPUS / "bad").glob("*.md"))}
    return paths, run_signpost(root, "check").stdout


@pytest.fixture(scope="module")
def good_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], str]:
    root = copy_project(tmp_path_factory.mktemp("good"))
    paths = {m.stem: add_module(root, m) for m in sorted((CORPUS / "good").glob("*.md"))}
    return root, paths, run_signpost(root, "check", "--waivers").stdout


def test_every_bad_corpus_file_has_an_expectation() -> None:
    assert sorted(p.stem for p in (CORPUS / "bad").glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_module_reports_exactly_the_expected_problems(
    name: str, bad_corpus: tuple[dict[str, str], str]
) -> None:
    paths, output = bad_corpus
    path = paths[name]
    assert problems_in(output, path) == sorted(EXPECTED[name]), output
    for line, code in EXPECTED[name]:
        prefix = f"{path}:{line}: {code} "
        printed = next(out for out in output.splitlines() if out.startswith(prefix))
        assert printed.startswith(prefix + "warning: ") == (code in WARNINGS)


def test_bad_corpus_adds_no_problem_elsewhere(
    bad_corpus: tuple[dict[str, str], str], shipped_output: str
) -> None:
    paths, output = bad_corpus
    elsewhere = [line for line in output.splitlines()
                 if not line.startswith(tuple(f"{p}:" for p in paths.values()))]
    assert elsewhere == shipped_output.splitlines()


@pytest.mark.parametrize(
    ("name", "exit_code"),
    [("sp403-pay", 1), ("sp405-iframe", 1), ("sp408-reading-level", 0),
     ("sp409-stale-review", 0), ("sp414-unneeded-waiver", 0)],
)
def test_errors_fail_check_and_warnings_do_not(
    tmp_path: Path, name: str, exit_code: int
) -> None:
    root = copy_project(tmp_path / "project")
    add_module(root, CORPUS / "bad" / f"{name}.md")
    result = run_signpost(root, "check")
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(p.stem for p in (CORPUS / "good").glob("*.md")))
def test_good_module_passes(
    name: str, good_corpus: tuple[Path, dict[str, str], str]
) -> None:
    _, paths, output = good_corpus
    assert problems_in(output, paths[name]) == [], output


def test_good_corpus_adds_no_problem(
    good_corpus: tuple[Path, dict[str, str], str], shipped_output: str
) -> None:
    _, _, output = good_corpus
    problems = [line for line in output.splitlines() if " waived: " not in line]
    assert problems == shipped_output.splitlines()


def test_all_good_modules_together_build(tmp_path: Path) -> None:
    """The safe modules are not only accepted by check: they build into their sites."""
    root = copy_project(tmp_path / "project")
    for module in sorted((CORPUS / "good").glob("*.md")):
        add_module(root, module)
    result = run_signpost(root, "build", "--only", "teens-14-17", "--only", "children-4-7",
                          "--only", "teachers", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    learner = (root / "build/site/children-4-7/trusted-adults/safe-surprises-4-7.html")
    assert "A surprise is fun to keep." in learner.read_text(encoding="utf-8")


def test_github_format_prints_annotations(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    pay = add_module(root, CORPUS / "bad" / "sp403-pay.md")
    stale = add_module(root, CORPUS / "bad" / "sp409-stale-review.md")
    result = run_signpost(root, "check", "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith(f"::error file={pay},line=23,title=SP403::reads as advice to pay")
        for line in lines
    ), result.stdout
    assert any(
        line.startswith(f"::warning file={stale},line=17,title=SP409::last safeguarding review")
        for line in lines
    ), result.stdout
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_a_waiver_silences_one_rule_in_one_module_and_is_listed(
    good_corpus: tuple[Path, dict[str, str], str], bad_corpus: tuple[dict[str, str], str]
) -> None:
    _, paths, output = good_corpus
    waived = paths["safe-waived-reading-level"]
    assert problems_in(output, waived) == []
    assert (
        f"{waived}:19: SP408 waived: Names of feelings (embarrassed, uncomfortable) are "
        "taught on purpose." in output.splitlines()
    )
    # the same text without the waiver is reported
    bad_paths, bad_output = bad_corpus
    assert problems_in(bad_output, bad_paths["sp408-reading-level"]) == [(19, "SP408")]
    assert " waived: " not in bad_output


def test_every_code_has_an_entry_in_the_authoring_guide() -> None:
    source = ROOT / "src" / "signpost"
    codes = {
        code
        for path in source.rglob("*.py")
        for code in re.findall(r"\"(SP\d{3})\"", path.read_text(encoding="utf-8"))
    }
    assert len(codes) > 40
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = sorted(code for code in codes if f"\n| {code} |" not in guide)
    assert missing == [], f"add these codes to the tables in CONTRIBUTING.md: {missing}"


def test_pull_request_workflow_checks_tests_builds_and_uploads() -> None:
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    )
    assert "pull_request" in workflow[True]  # YAML reads the key `on` as true
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    assert any("signpost check --format github" in run for run in runs)
    assert any(run.strip() == "make test" for run in runs)
    assert any(run.strip() == "make build" for run in runs)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].rstrip("/") == "build"
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 8 and "never the child's fault" in template


def test_the_file_format_reference_is_the_schema() -> None:
    """CONTRIBUTING's reference is what the schemas say, word for word."""
    from signpost.baseconfig import reference_markdown as base_reference
    from signpost.schema import reference_markdown

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    written = guide.split("<!-- reference:start -->\n", 1)[1].split("<!-- reference:end -->")[0]
    assert written == reference_markdown() + "\n" + base_reference(), (
        "regenerate the reference section of CONTRIBUTING.md from python -m signpost.schema"
    )
