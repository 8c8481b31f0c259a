"""SP405/SP410: module text judged by an allowlist on the HTML it renders to.

Hostile module text (each case below once got through regular expressions over the
source) must be reported at the line to change; safe Markdown must pass; and, as a
property, whatever passes renders to HTML with no script, no event handler, no script
URL and no image from another host, judged by a second, independent HTML parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_project, run_signpost
from signpost.checks.html import Renderer, check_module, module_documents
from signpost.diagnostics import Report
from signpost.htmlcheck import article_findings, findings
from signpost.loader import load_module

MODULE = """\
---
id: case
title: {title}
audience: children
age_bands: [8-10]
topic: trusted-adults
duration: 45
summary: {summary}
objectives:
  - I can name a feeling.
vocabulary:
  feeling: What happens inside us, like happy or worried.
prerequisites: []
sources:
  - UKCIS, Education for a Connected World (2020 edition)
last_reviewed: 2026-11-01
---

## Talking helps

{body}

::: keypoints
- You can always tell a trusted adult.
:::

::: facilitator
{facilitator}
:::

::: safeguarding
If a child discloses, stay calm, listen, and tell your DSL the same day.
:::
"""
BODY = 21  # the file line of the body's first line
TITLE, SUMMARY = 3, 8


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer.for_project(Path(__file__).resolve().parent.parent)


def module_file(tmp_path: Path, body: str, title: str = "Feelings we can talk about",
                summary: str = "We can talk about our feelings.",
                facilitator: str = "Print one card set per table.") -> Path:
    path = tmp_path / "curriculum" / "trusted-adults" / "case.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MODULE.format(title=title, summary=summary, body=body,
                                  facilitator=facilitator), encoding="utf-8")
    return path


def problems(renderer: Renderer, path: Path) -> list[tuple[int, str, str]]:
    report = Report(path.parent)
    module = load_module(path, report)
    assert module is not None, report.render()
    report = Report(path.parent)
    check_module(module, renderer, report)
    return sorted((d.line, d.code, d.message) for d in report.items)


def lines_and_codes(found: list[tuple[int, str, str]]) -> set[tuple[int, str]]:
    return {(line, code) for line, code, _ in found}


# (name, body, line offset in the body of the line to change, code)
HOSTILE = [
    ("attr-list onclick on a heading", "## Tap here { onclick=alert(1) }", 0, "SP405"),
    ("attr-list onclick on a link", "Read [the rules](rules.md){ onclick=alert(1) } now.", 0,
     "SP405"),
    ("attr-list src on an image",
     'A picture:\n\n![A cat](cat.png){ src="https://evil.example/x.png" }', 2, "SP405"),
    ("attr-list style on a paragraph",
     'Hello there.\n{: style="background: url(//evil.example/x.png)" }', 1, "SP405"),
    ("attr-list class", "Hello there.\n{: .md-search }", 1, "SP405"),
    ("attr-list id of the theme's controls", "## Menu { #__drawer }", 0, "SP405"),
    ("svg with a slash for a space", "Look: <svg/onload=alert(1)>", 0, "SP405"),
    ("a tag split over two lines", "A picture: <img\nsrc=x onerror=alert(1)>", 1, "SP405"),
    ("entity-encoded javascript: in a Markdown link", "[x](&#106;avascript:alert(1))", 0,
     "SP405"),
    ("tab entity inside javascript:", '<a href="jav&#x09;ascript:alert(1)">x</a>', 0, "SP405"),
    ("mixed-case javascript: with spaces", "[x]( JaVaScRiPt:alert(1) )", 0, "SP405"),
    ("nested brackets in image syntax", "![a [b]](https://evil.example/x.png)", 0, "SP405"),
    ("reference-style image from another host",
     "![A cat][r]\n\nSome words.\n\n[r]: https://evil.example/x.png", 0, "SP405"),
    ("reference-style javascript: link", "Play [A game][g] or [x][].\n\n[g]: javascript:alert(1)",
     0, "SP405"),
    ("shortcut reference image", "Words.\n\n![pic]\n\n[PIC]: //evil.example/x.png", 2, "SP405"),
    ("javascript: autolink", "Visit <javascript:alert(1)> now.", 0, "SP405"),
    ("protocol-relative link", "[x](//evil.example/page)", 0, "SP405"),
    ("data: image", "![x](data:image/png;base64,iVBORw0KGgo=)", 0, "SP405"),
    ("iframe", '<iframe src="https://video.example.org/watch"></iframe>', 0, "SP405"),
    ("object", '<object data="game.swf"></object>', 0, "SP405"),
    ("embed", '<embed src="game.swf">', 0, "SP405"),
    ("form", 'Tell us:\n<form action="https://forms.example.org/"><input name="age"></form>', 1,
     "SP405"),
    ("style element", "<style>@import url(https://evil.example/x.css);</style>", 0, "SP405"),
    ("stylesheet link", '<link rel="stylesheet" href="https://fonts.example.org/css">', 0,
     "SP405"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', 0,
     "SP405"),
    ("base", '<base href="https://evil.example/">', 0, "SP405"),
    ("math with xlink:href", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 0,
     "SP405"),
    ("svg with xlink:href", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
     0, "SP405"),
    ("srcset", '<img alt="A cat" src="cat.png" srcset="https://evil.example/x.png 2x">', 0,
     "SP405"),
    ("poster", '<video poster="https://evil.example/x.png"></video>', 0, "SP405"),
    ("background", '<table background="https://evil.example/x.png"><tr><td>x</td></tr></table>',
     0, "SP405"),
    ("style attribute", '<p style="background:url(//evil.example/x.png)">Hello</p>', 0, "SP405"),
    ("event handler in raw HTML", '<span onmouseover="steal()">Hover here</span>', 0, "SP405"),
    ("remote HTML image", '<img alt="A pad" src="//images.example.org/pad.png">', 0, "SP405"),
    ("remote Markdown image", "![A pad](https://images.example.org/pad.png)", 0, "SP405"),
    # The parser refuses fences (SP107) and leaves their lines out: what was between is HTML.
    ("HTML between code fences", "Some code:\n\n```\n<b onclick=alert(1)>x</b>\n```", 3,
     "SP405"),
    ("HTML between mismatched fences", "Some code:\n\n```\n<b onclick=alert(1)>x</b>\n~~~", 3,
     "SP405"),
    ("comment hiding a script", "Hello <!-- <script>alert(1)</script> --> there", 0, "SP405"),
    ("comment on its own", "<!--\nhidden note\n-->", 0, "SP405"),
    ("details", "<details><summary>Open me</summary>A secret.</details>", 0, "SP405"),
    ("body attributes", "<body onload=alert(1)>", 0, "SP405"),
    ("unclosed quote swallows the page", '<p>Look <a href="https://example.org/?x=', 0,
     "SP405"),
    ("unclosed link takes in the page", '<a href="https://example.org/">Look\n\nMore', 0,
     "SP405"),
    ("end tag leaving the lesson", "</div></article><p>Outside</p>", 0, "SP405"),
    ("region lookup in a hostile tag", "Call {{ region.emergency }}: <b onclick=x()>now</b>", 0,
     "SP405"),
    ("plain http link", "[The guide](http://www.example.org/guide)", 0, "SP410"),
    ("plain http in raw HTML", '<a href="http://www.example.org/guide">The guide</a>', 0,
     "SP410"),
    ("plain http autolink", "<http://www.example.org/guide>", 0, "SP410"),
]


@pytest.mark.parametrize(("name", "body", "offset", "code"), HOSTILE,
                         ids=[case[0] for case in HOSTILE])
def test_hostile_text_is_reported_at_its_line(
    tmp_path: Path, renderer: Renderer, name: str, body: str, offset: int, code: str
) -> None:
    found = problems(renderer, module_file(tmp_path, body))
    assert (BODY + offset, code) in lines_and_codes(found), found
    if code == "SP410":
        assert not [p for p in found if p[1] == "SP405"], found


def test_the_message_says_what_and_why(tmp_path: Path, renderer: Renderer) -> None:
    found = problems(renderer, module_file(tmp_path, "## Tap here { onclick=alert(1) }"))
    assert found == [(BODY, "SP405", "event-handler attribute 'onclick' is not allowed: module "
                            "text cannot run script")]


def test_each_line_is_reported_once(tmp_path: Path, renderer: Renderer) -> None:
    """Three renderings (teachers, learners, parents) of the same text: one report."""
    body = "One <b onclick=a()>x</b>.\n\nTwo <b onclick=b()>y</b>."
    found = problems(renderer, module_file(tmp_path, body))
    assert [(line, code) for line, code, _ in found] == [(BODY, "SP405"), (BODY + 2, "SP405")]


def test_text_in_a_gated_block_is_found(tmp_path: Path, renderer: Renderer) -> None:
    path = module_file(tmp_path, "Safe text.", facilitator="<script>alert(1)</script>")
    found = problems(renderer, path)
    line = path.read_text(encoding="utf-8").split("\n").index("<script>alert(1)</script>") + 1
    assert (line, "SP405") in lines_and_codes(found), found


def test_region_lookups_read_as_a_stand_in(tmp_path: Path) -> None:
    report = Report(tmp_path)
    body = "Call {{ region.emergency }}. Not a lookup: {{ 1 + 1 }}"
    module = load_module(module_file(tmp_path, body), report)
    assert module is not None
    page = module_documents(module)[0].text
    assert "Call REGIONVALUE. Not a lookup: {{ 1 + 1 }}" in page


def test_front_matter_is_rendered_too(tmp_path: Path, renderer: Renderer) -> None:
    summary = "We talk. <img src=x onerror=alert(1)>"
    found = problems(renderer, module_file(tmp_path, "Safe text.", summary=f"'{summary}'"))
    assert lines_and_codes(found) == {(SUMMARY, "SP405")}, found


@pytest.mark.parametrize("title", [
    "'`<b onclick=alert(1)>x</b>` in games'",  # code in Markdown, raw in the navigation
    "'Games &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'",  # decoded into <title>
    "'Games](javascript:alert(1)) [x'",  # a link on the home page's list of lessons
])
def test_titles_are_judged_where_the_theme_puts_them(
    tmp_path: Path, renderer: Renderer, title: str
) -> None:
    found = problems(renderer, module_file(tmp_path, "Safe text.", title=title))
    assert lines_and_codes(found) == {(TITLE, "SP405")}, found


SAFE = """\
Read [the Childline games guide](https://www.childline.org.uk/games/) together, or
the next lesson, [Who can you tell?](../trusted-adults/who-can-you-tell.md#start).
Ask a question by email at <mailto:help@school.example>, or call [0800 1111](tel:08001111).
Text [SHOUT](sms:85258) or see <https://www.nspcc.org.uk/>.

![A cartoon of two children talking](images/talking.png "Talking")

## Who can help? { #who-can-help }

| Person | Why | Minutes |
| :--- | :---: | ---: |
| A parent | They know you well | 5 |
| A teacher | They can help at school | 10 |

1. *Stop* and **think**.
2. Tell a trusted adult.
    - a parent, a carer or a teacher

> A quote from a child: "I felt better after I told my mum."

Emergency
:   Call {{ region.emergency }} if someone is in danger now.

### 10 tips

Code stays code: `<script>alert(1)</script>`, and so do indented lines:

    <iframe src="https://evil.example/"></iframe>

Maths: 3 < 4 and 5 > 2; fish & chips; a <3 for friends.
"""


def test_safe_markdown_passes(tmp_path: Path, renderer: Renderer) -> None:
    assert problems(renderer, module_file(tmp_path, SAFE)) == []


def test_shipped_extensions_are_read_from_mkdocs_yml(tmp_path: Path) -> None:
    from signpost.checks.html import SHIPPED_EXTENSIONS, project_extensions

    root = Path(__file__).resolve().parent.parent
    assert project_extensions(root) == SHIPPED_EXTENSIONS
    assert Renderer.for_project(root).shipped
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions: [toc, abbr]\n", encoding="utf-8")
    assert project_extensions(tmp_path) == ["toc", "abbr"]
    assert not Renderer.for_project(tmp_path).shipped


@pytest.mark.parametrize("text", [
    "markdown_extensions:\n  - toc: !!python/object/apply:os.system ['echo unsafe > {marker}']\n",
    "markdown_extensions: 5\n",
    "markdown_extensions: [no.such.extension]\n",
    ": not yaml: [\n",
])
def test_an_unreadable_or_unsafe_mkdocs_yml_falls_back_to_the_shipped_list(
    tmp_path: Path, text: str
) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "mkdocs.yml").write_text(text.format(marker=marker), encoding="utf-8")
    renderer = Renderer.for_project(tmp_path)
    assert renderer.shipped
    assert not marker.exists()  # never a full YAML loader on a file a pull request can change


def test_check_runs_with_the_other_rules(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    module = root / "curriculum" / "trusted-adults" / "hostile.md"
    text = MODULE.format(title="Feelings", summary="We talk.", body="<svg/onload=alert(1)>",
                         facilitator="Print cards.").replace("id: case", "id: hostile")
    module.write_text(text, encoding="utf-8")
    result = run_signpost(root, "check")
    assert result.returncode == 1
    assert f"curriculum/trusted-adults/hostile.md:{BODY}: SP405 <svg> is not allowed" in result.stdout


# --- htmlcheck on HTML strings ---------------------------------------------------------


@pytest.mark.parametrize("html", [
    '<p>Hi <a href="https://example.org/">x</a> <a href="page.html#top">y</a></p>',
    '<a href="mailto:a@b.example">m</a> <a href="tel:+448001111">t</a> <a href="sms:85258">s</a>',
    '<p><img alt="A cat" src="files/cat.png" width="200" height="100" title="Cat"></p>',
    '<table><thead><tr><th style="text-align: right;">a</th><th align="center">b</th></tr>'
    "</thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    '<h2 id="10-tips">10 tips</h2><h2 id="_1">***</h2>',
    '<div class="admonition sp-activity"><p class="admonition-title">Activity</p></div>',
    '<ol start="3" type="a"><li value="4">x</li></ol><dl><dt>t</dt><dd>d</dd></dl>',
    '<pre><code class="language-python">print("&lt;script&gt;")</code></pre>',
    '<p lang="pt-BR" dir="rtl" title="javascript:alert(1)">Not a URL: a title</p>',
    "<p>3 &lt; 4 &amp; a &lt;3</p>",
])
def test_allowed_html(html: str) -> None:
    assert findings(html) == []


@pytest.mark.parametrize(("html", "needle"), [
    ("<script>alert(1)</script>", "<script"),
    ("<img\nsrc=x onerror=alert(1)>", "onerror"),
    ("<svg/onload=alert(1)>", "<svg"),
    ("<IMG SRC=x OnError=alert(1)>", "onerror"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "jav\tascript:alert(1)"),
    ('<a href="&#0000106avascript:alert(1)">x</a>', "javascript:alert(1)"),
    ('<a href="  &#14;javascript:alert(1)">x</a>', "  \x0ejavascript:alert(1)"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript:msgbox(1)"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>',
     "data:text/html,<script>alert(1)</script>"),
    ('<a href="\\\\evil.example/">x</a>', "\\\\evil.example/"),
    ('<a href="/\t/evil.example/">x</a>', "/\t/evil.example/"),
    ('<img src="https://evil.example/x.png">', "https://evil.example/x.png"),
    ('<img src="HTTPS:evil.example/x.png">', "HTTPS:evil.example/x.png"),
    ('<image src="//evil.example/x.png">', "//evil.example/x.png"),
    ('<img src="data:image/png;base64,AAAA">', "data:image/png;base64,AAAA"),
    ('<a href="https://ok.example/" target="_blank">x</a>', "target"),
    ('<p style="color: red">x</p>', "style"),
    ('<table><tr><td style="text-align: right; background: url(//evil)">x</td></tr></table>',
     "style"),
    ('<p class="md-typeset">x</p>', "md-typeset"),
    ('<p id="__search">x</p>', "__search"),
    ('<img src="a.png" width="100%">', "width"),
    ('<p dir="sideways">x</p>', "dir"),
    ("<p>a<!-- hidden --></p>", "<!--"),
    ('<p title="unclosed', "<"),
    ("<b>unclosed", "<b"),
    ("</article><p>out</p>", "</"),
    ('<body onload="alert(1)">', "<body"),
    ('<html manifest="https://evil.example/x">', "<html"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta"),
    ("<details open><summary>x</summary></details>", "<details"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
     "<noscript"),
    ('<template><img src=x onerror=alert(1)></template>', "<template"),
])
def test_refused_html(html: str, needle: str) -> None:
    found = findings(html)
    assert found, html
    assert needle in [f.needle for f in found], found


def test_http_link_is_its_own_finding() -> None:
    found = findings('<a href="HTTP://example.org/">x</a>')
    assert [(f.http, f.needle) for f in found] == [(True, "HTTP://example.org/")]
    assert findings('<img src="http://example.org/x.png">')[0].http is False


def test_findings_never_depend_on_a_marker_the_text_could_guess() -> None:
    """The end marker is random: text that copies one cannot hide an unclosed quote."""
    import signpost.htmlcheck as htmlcheck

    html = ('<span id="sp-end-0000000000000000" title="&quot;\'"></span>'
            '<a href="https://example.org/?')
    assert any("not closed" in f.message for f in htmlcheck.findings(html))


def test_deep_nesting_does_not_crash() -> None:
    assert findings("<div>" * 5000 + "x" + "</div>" * 5000) == []


# --- article_findings on built pages ---------------------------------------------------


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("built"))
    result = run_signpost(root, "build", "--no-pdf", "--only", "children-8-10", "--only",
                          "teachers", "--only", "parents")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build" / "site"


def test_built_pages_have_no_finding(built_site: Path) -> None:
    pages = sorted(built_site.glob("*/**/*.html"))
    assert len(pages) > 20
    for page in pages:
        assert article_findings(page.read_text(encoding="utf-8")) == [], page


def test_article_findings_sees_what_escapes_the_article(built_site: Path) -> None:
    page = next(iter(sorted(built_site.glob("children-8-10/*/*.html"))))
    html = page.read_text(encoding="utf-8")
    injected = html.replace("</article>", '</article></div><img src=x onerror=alert(1)>'
                            '<div><article class="x">', 1)
    injected = injected.replace("<h2", "</article><h2", 1)
    assert article_findings(injected)
    edit = html.replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset"><a href="https://example.org/e" '
        'title="Edit this page" class="md-content__button md-icon" rel="edit">'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M10 20H6V4h7v5h5v3.1'
        'l2-2V8l-6-6H6c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h4z"/></svg></a>', 1)
    assert article_findings(edit) == []
    assert article_findings("<html><body><p>no article</p></body></html>")


# --- property: what passes is safe, read by another parser --------------------------------


class Reading(HTMLParser):
    """The stdlib's HTML parser: what is dangerous in the rendered HTML, independently."""

    URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "background",
                      "data", "xlink:href", "cite", "longdesc", "lowsrc", "dynsrc"}
    LOADING = {"src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc"}
    DANGEROUS_TAGS = {"script", "iframe", "frame", "object", "embed", "svg", "math", "style",
                      "link", "meta", "base", "form", "applet", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.DANGEROUS_TAGS:
            self.dangers.append(f"<{tag}>")
        for name, value in attrs:
            url = re.sub(r"[\x00-\x20\x7f]", "", value or "").lower().replace("\\", "/")
            if name.startswith("on"):
                self.dangers.append(f"{name}=")
            if name in self.URL_ATTRIBUTES and url.startswith(("javascript:", "data:",
                                                               "vbscript:")):
                self.dangers.append(f"{name}={url}")
            if name in self.LOADING and (url.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:",
                                                                          url)):
                self.dangers.append(f"{name}={url} (another host)")

    handle_startendtag = handle_starttag


def dangers(html: str) -> list[str]:
    reading = Reading()
    reading.feed(html)
    reading.close()
    if re.search(r"<script", html, re.I) and not re.search(r"&lt;script", html, re.I):
        reading.dangers.append("<script")
    return reading.dangers


URLS = st.sampled_from([
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
    "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", " javascript:alert(1)",
    "javascript&colon;alert(1)", "data:text/html,x", "vbscript:x", "https://ok.example/",
    "http://plain.example/", "//evil.example/x.png", "\\\\evil.example/x.png", "page.md",
    "mailto:a@b.example", "images/cat.png", "#top",
])
FRAGMENTS = st.one_of(
    st.sampled_from([
        "<script>", "</script>", "<img", " src=", "src=x ", " onerror=alert(1)", "<svg/onload=x>",
        "<a href=", "</a>", "<b>", "</b>", "<div markdown>", "</div>", "<iframe>", "<!--", "-->",
        '"', "'", ">", "<", "&#106;", "&#x09;", "&Tab;", "&colon;", "&amp;", "&lt;",
        "{ onclick=alert(1) }", "{: style=x }", "{ src=//evil.example/x.png }", "{ .note }",
        "{ #__drawer }", "{ .sp-activity }", "```", "~~~", "!!! note", "    ", "\n", "\n\n",
        "- ", "> ", "| a | b |\n| --- | --- |\n", "Term\n:   ", "## ", "*", "_", "[", "]", "(",
        ")", "!", "[r]: ", "![a][r]", "[a][r]", "{{ region.emergency }}", '{{ "<b>" }}',
        "{# c #}", "Sam and Ria talk.", "It is never your fault.", " ",
    ]),
    URLS.map(lambda url: f"[x]({url})"),
    URLS.map(lambda url: f"![a]({url})"),
    URLS.map(lambda url: f"<{url}>"),
    URLS.map(lambda url: f'<a href="{url}">x</a>'),
    URLS.map(lambda url: f"<img src={url}>"),
    URLS.map(lambda url: f"\n[r]: {url}\n"),
    URLS,
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property")


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pieces=st.lists(FRAGMENTS, min_size=1, max_size=14))
def test_what_passes_renders_to_nothing_dangerous(
    pieces: list[str], renderer: Renderer, scratch: Path
) -> None:
    body = "".join(pieces).replace(":::", ": : :")
    path = module_file(scratch, body)
    report = Report(scratch)
    module = load_module(path, report)
    if module is None:
        return
    check = Report(scratch)
    check_module(module, renderer, check)
    if any(d.code == "SP405" for d in check.items):
        return
    for document in module_documents(module):  # every one, also those the check skips
        html = renderer.html(document.text, document.mode)
        assert html is not None
        assert [f for f in findings(html) if not f.http] == [], (body, html)
        assert dangers(html) == [], (body, html)
