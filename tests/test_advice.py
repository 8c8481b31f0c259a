"""SP403 (harmful advice) on a corpus of sentences, and through `load_and_check` on real modules.

tests/corpus/advice/harmful.txt holds sentences that advise paying, complying, sending more,
keeping abuse secret or deleting evidence; safe.txt holds the safe advice, negations,
descriptions, quoted speech, questions and safe uses of the same verbs. The rule must catch at
least 95% of the first and flag none of the second.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, copy_project
from signpost.checks.content import check_harmful_advice
from signpost.checks.text import Line
from signpost.diagnostics import Report
from signpost.pipeline import load_and_check

CORPUS = Path(__file__).parent / "corpus" / "advice"
# A shipped module that ends at the top level (after its last ::: block), to append to.
MODULE = Path("curriculum/sextortion/when-someone-makes-threats.md")


def corpus(name: str) -> list[str]:
    lines = (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


HARMFUL = corpus("harmful")
SAFE = corpus("safe")


def sp403(sentence: str) -> list[str]:
    """What check_harmful_advice (the checker's own code path) reports for one paragraph."""
    report = Report(Path("."))
    module = SimpleNamespace(path=Path("module.md"))
    check_harmful_advice(module, [Line(1, sentence, ())], report)  # type: ignore[arg-type]
    return [d.message for d in report.items if d.code == "SP403"]


def test_corpus_is_large_varied_and_consistent() -> None:
    assert len(HARMFUL) >= 70 and len(SAFE) >= 70
    assert len(set(HARMFUL)) == len(HARMFUL), "duplicate harmful sentences"
    assert len(set(SAFE)) == len(SAFE), "duplicate safe sentences"
    assert not set(HARMFUL) & set(SAFE)
    for advice in ("to pay", "to comply", "to send more", "to keep it secret", "to delete evidence"):
        assert sum(any(advice in m for m in sp403(s)) for s in HARMFUL) >= 10, advice


def test_catches_at_least_95_percent_of_harmful_advice() -> None:
    missed = [sentence for sentence in HARMFUL if not sp403(sentence)]
    caught = len(HARMFUL) - len(missed)
    print(f"SP403 caught {caught}/{len(HARMFUL)} harmful sentences")
    assert caught >= 0.95 * len(HARMFUL), "missed:\n" + "\n".join(missed)


def test_flags_no_safe_sentence() -> None:
    flagged = [f"{sentence}  ->  {sp403(sentence)[0]}" for sentence in SAFE if sp403(sentence)]
    print(f"SP403 flagged {len(flagged)}/{len(SAFE)} safe sentences")
    assert flagged == [], "flagged:\n" + "\n".join(flagged)


def test_shipped_curriculum_reports_no_sp403() -> None:
    _, report = load_and_check(ROOT, advisory=False)
    assert [d.format() for d in report.items if d.code == "SP403"] == []


def sp403_lines(root: Path, module: Path) -> list[int]:
    """Lines of the SP403 problems `check` prints for `module` (Report.sorted drops repeats)."""
    _, report = load_and_check(root, advisory=False)
    return [d.line for d in report.sorted() if d.code == "SP403" and d.path == module.as_posix()]


@pytest.mark.parametrize(
    ("appended", "offset"),
    [
        # (text appended after a blank line, line of the SP403 within it; None: no SP403)
        ("If someone threatens to share a photo, just pay them so it stops.", 0),
        ("It is never your fault.\nIf they ask for more,\nsend another photo so they leave you alone.",
         1),  # a paragraph's sentence is reported on the line where it starts
        ("Stop replying. Save the messages. Keep it secret and tell no one.", 0),
        ("- Block the account.\n- Report it.\n- Wipe the chat.", 2),
        ("### Tell your child to pay quietly", 0),
        ("| If they say | You do |\n| --- | --- |\n| Delete the messages | Get rid of the screenshots |",
         2),
        ('Sam said "pay me or else". Do not pay: paying does not make it stop.', None),
        ("They might tell you to keep it a secret. You do not have to keep it secret.", None),
    ],
)
def test_load_and_check_reports_sp403_on_the_right_line(
    tmp_path: Path, appended: str, offset: int | None
) -> None:
    root = copy_project(tmp_path / "project")
    path = root / MODULE
    text = path.read_text(encoding="utf-8")
    assert text.endswith(":::\n"), "the module must end at the top level for this test"
    assert sp403_lines(root, MODULE) == []
    first = len(text.splitlines()) + 2  # after one blank line
    path.write_text(text + "\n" + appended + "\n", encoding="utf-8")
    assert sp403_lines(root, MODULE) == ([] if offset is None else [first + offset])


def test_the_authoring_guide_examples_hold() -> None:
    """CONTRIBUTING.md's SP403 table: the left column is reported, the right column is not."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide[guide.index("**Give safe advice only** (SP403)") :]
    section = section[: section.index("\n**", 1)]
    rows = re.findall(r"^\| (`.*?) \| (.*?) \|$", section, re.MULTILINE)
    assert len(rows) >= 8
    for advice, fine in rows:
        for example in re.findall(r"`([^`]+)`", advice):
            assert sp403(example), f"the guide says SP403 reports: {example}"
        for example in re.findall(r"`([^`]+)`", fine):
            assert not sp403(example), f"the guide says SP403 accepts: {example}"
