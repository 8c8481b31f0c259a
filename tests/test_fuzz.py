"""Property-based tests: generated modules, audience and region files full of fences, markers,
unicode oddities and hostile HTML.

For any input, `check` returns (never raises, never hangs) and every problem is
`path:line: CODE message`; and when a generated module passes `check`, the learner site
built from it holds no facilitator-only text, no script and nothing from another host.
"""

from __future__ import annotations

import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from signpost.builder import BuildFailed, BuildOptions, build
from signpost.pipeline import load_and_check
from test_check import GOOD

SECRETS = ("Quokka marmalade facilitator note seven stays with the teacher.",
           "Pangolin harmonica answer twelve is never shown to learners.",
           "Axolotl tambourine safeguarding line nine is for staff only.")
SITE = "children-8-10"
MODULE = "trusted-adults/fuzzed.md"
SECONDS = 20  # for one example: longer is a hang

HOSTILE = [
    "```", "~~~", "````html", " ::: facilitator", "    ::: answers", "\t::: safeguarding",
    "\u200b::: facilitator", "\u200f:::", ":::\u200b", "\uff1a\uff1a\uff1a answers", "> ::: answers",
    "- ::: facilitator", ":::", "::::", "::: activity", "::: facilitator", "::: answers",
    ":::: discussion", "::: family", "!!! note", "??? answers", "<!--", "-->",
    "<script>alert(1)</script>", "<img src=https://evil.example/x.png alt=x>",
    "<svg/onload=alert(1)>", "<img\nsrc=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))", "<a href='jav&#x09;ascript:alert(1)'>y</a>",
    "{ onclick=alert(1) }", "![a [b]](https://evil.example/x.png)", "![x][r]",
    "[r]: https://evil.example/x.png", "<iframe src=https://evil.example></iframe>",
    "<style>@import url(https://evil.example/x.css)</style>", "{{ region.emergency }}",
    "{{ 9**(9**9) }}", "{% for x in range(9999999) %}", "{{ '<scr' ~ 'ipt>' }}",
    "<details open ontoggle=alert(1)>", "<math><a xlink:href=javascript:alert(1)>m</a></math>",
    "<form action=https://evil.example><button>go</button></form>", "<a href=//evil.example>z</a>",
    "*", "_", "[", "](", "<", "&", "\\", "|", "---", "# Title", "## Heading",
]
SAFE = [
    "", "Some plain words for the class.", "- a list item", "1. a numbered item",
    "> a quotation", "**bold** and *soft*", "| a | b |", "| --- | --- |", "| 1 | 2 |",
    "Call {{ region.emergency }} in an emergency.", "[Safe link](https://example.org/)",
    "Sam talks to a trusted adult.",
]
LINES = st.one_of(
    st.sampled_from(HOSTILE), st.sampled_from(SAFE),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the body runs longer than `seconds`."""

    def expire(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Topics, regions, two audience files, the base config and one module slot."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "curriculum" / "trusted-adults").mkdir(parents=True)
    shutil.copy2(ROOT / "curriculum" / "topics.yml", root / "curriculum" / "topics.yml")
    shutil.copytree(ROOT / "curriculum" / "regions", root / "curriculum" / "regions")
    (root / "audiences").mkdir()
    for site in (SITE, "parents"):
        shutil.copy2(ROOT / "audiences" / f"{site}.yml", root / "audiences" / f"{site}.yml")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def module_text(before: list[str], inside: list[str], after: list[str]) -> str:
    """The good module of test_check, with generated lines around and inside its blocks."""
    text = GOOD.format(id="fuzzed")
    text = text.replace("Print one card set per table.", SECRETS[0] + "\n" + "\n".join(inside))
    text = text.replace("Any trusted adult is a good answer.", SECRETS[1])
    text = text.replace("If a child discloses, stay calm, listen, and tell your DSL the same day.",
                        SECRETS[2])
    text = text.replace("## Talking helps\n", "## Talking helps\n" + "\n".join(before) + "\n")
    return text + "\n".join(after) + "\n"


def assert_well_formed(report) -> None:
    for item in report.items:
        assert item.path and "\n" not in item.path
        assert item.line >= 1
        assert re.fullmatch(r"SP\d{3}", item.code)
        assert "\n" not in item.format()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(before=st.lists(LINES, max_size=8), inside=st.lists(LINES, max_size=5),
       after=st.lists(LINES, max_size=8))
def test_check_never_raises_or_hangs_on_generated_modules(small_project: Path, before, inside,
                                                          after) -> None:
    (small_project / "curriculum" / MODULE).write_text(module_text(before, inside, after),
                                                       encoding="utf-8")
    with time_limit(SECONDS):
        _, report = load_and_check(small_project, advisory=False)
    assert_well_formed(report)


YAML_VALUES = st.one_of(
    st.sampled_from(["learner", "teachers", "8-10", "[8-10, 11-13]", "[activity, answers]",
                     "\"#00695c\"", "\"red;} body{x:y\"", "javascript:alert(1)", "https://x.org/",
                     "<b>x</b>", "!!int x", "!!python/object/apply:os.system [x]", "2026-02-30",
                     "2026-01-01T10:00:00", "&a [x]", "*a", "{a: [b, {c: d}]}", "'open", "\"\"",
                     "null", "~", "yes", "0x1F", "1e400", "[" * 60, "- - - -", "|", ">"]),
    st.text(max_size=20),
)
AUDIENCE_KEYS = ["id", "title", "reader", "description", "language", "kind", "learner",
                 "band", "style", "colour", "help_prompt", "sections", "age_band", "blocks"]
REGION_KEYS = ["code", "name", "emergency", "channels", "role", "for", "url", "phone", "text",
               "checked", "source", "status", "purpose", "serves", "children", "adults"]


def yaml_file(keys: list[str]):
    entry = st.tuples(st.sampled_from(keys), YAML_VALUES, st.sampled_from(["", "  ", "    - "]))
    return st.lists(entry, max_size=12).map(
        lambda items: "\n".join(f"{indent}{key}: {value}" for key, value, indent in items) + "\n"
    )


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(audience=yaml_file(AUDIENCE_KEYS), region=yaml_file(REGION_KEYS),
       base_audience=st.booleans())
def test_check_never_raises_on_generated_audience_and_region_files(
    small_project: Path, audience: str, region: str, base_audience: bool
) -> None:
    target = small_project / "audiences" / "fuzzed.yml"
    if base_audience:  # a real audience file with generated lines added
        audience = (ROOT / "audiences" / f"{SITE}.yml").read_text(encoding="utf-8") + audience
    target.write_text(audience.replace("id: children-8-10", "id: fuzzed"), encoding="utf-8")
    (small_project / "curriculum" / "regions" / "ZZ.yml").write_text(region, encoding="utf-8")
    try:
        with time_limit(SECONDS):
            _, report = load_and_check(small_project, advisory=False)
        assert_well_formed(report)
    finally:
        target.unlink()
        (small_project / "curriculum" / "regions" / "ZZ.yml").unlink()


def learner_output(build_dir: Path) -> str:
    parts = []
    for path in (build_dir / "site" / SITE).rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)


BUILT: list[int] = []


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(before=st.lists(st.sampled_from(HOSTILE + SAFE * 6), max_size=4),
       inside=st.lists(st.sampled_from(HOSTILE + SAFE * 6), max_size=3),
       after=st.lists(st.sampled_from(HOSTILE + SAFE * 6), max_size=4))
@example(before=["> a quotation", "**bold** and *soft*"], inside=["- a list item"],
         after=["| a | b |", "| --- | --- |", "| 1 | 2 |"])
def test_a_module_that_passes_check_builds_a_safe_learner_site(small_project: Path, before,
                                                               inside, after) -> None:
    (small_project / "curriculum" / MODULE).write_text(module_text(before, inside, after),
                                                       encoding="utf-8")
    _, report = load_and_check(small_project, advisory=False)
    if report.errors:
        return
    try:
        build(BuildOptions(root=small_project, region="GB", only=[SITE], pdf=False, jobs=1),
              progress=lambda line: None)
    except BuildFailed as failure:
        pytest.fail("a module that passes check failed to build: " + "\n".join(failure.lines))
    BUILT.append(1)
    output = learner_output(small_project / "build")
    for secret in SECRETS:
        assert secret.split()[0] not in output
    # The projector view is built from the same gated body: checked on its own as well.
    projector = small_project / "build" / "site" / SITE / "project" / "fuzzed.html"
    projected = projector.read_text(encoding="utf-8")
    for secret in SECRETS:
        assert secret.split()[0] not in projected
    articles = "\n".join(ARTICLE.findall(output))
    assert articles, "no module page was built"
    assert ARTICLE.search(projected), "the projector page's steps are not judged below"
    # Judged as a browser parses it: hostile words may be shown as text, never as markup.
    from selectolax.lexbor import LexborHTMLParser

    for node in LexborHTMLParser(articles).root.traverse():
        assert node.tag not in ("script", "iframe", "form", "style", "object", "embed", "svg",
                                "math", "link", "meta", "base"), node.html
        for name, value in node.attributes.items():
            assert not name.lower().startswith("on"), node.html
            value = re.sub(r"[\x00-\x20]", "", (value or "")).lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), node.html
            if name.lower() in ("src", "srcset", "poster", "background"):
                assert "//" not in value, node.html
            assert "evil.example" not in value, node.html


def test_the_build_property_built_sites() -> None:
    """The property above is only worth something if some generated modules passed check."""
    assert len(BUILT) >= 3, BUILT
    print(f"{len(BUILT)} learner sites built from generated modules")
