"""Judge HTML by an allowlist, parsed as a browser parses it.

Module text is untrusted: it arrives in pull requests. Instead of looking for
dangerous patterns in the source, Signpost renders it and parses the HTML it
renders to with Lexbor (selectolax), an HTML5 parser that follows the same
algorithm as browsers: a tag split over lines, `<svg/onload=...>`, entities in
attribute values and `<image>` (which becomes `<img>`) all come out as a browser
sees them. Every node is then judged against the allowlist below; anything not
on it is a finding.

The allowlist
-------------

Elements: p, br, hr, h1-h6, strong, em, b, i, u, s, del, ins, mark, small, sub,
sup, abbr, code, pre, kbd, blockquote, ul, ol, li, dl, dt, dd, table, thead,
tbody, tfoot, tr, th, td, caption, a, img, figure, figcaption, div, span.
h1 is allowed because the pages themselves put the module title in one (a
module's own `# ` heading is rule SP412's business). Everything else is a
finding, including `<details>` (it hides part of a lesson), `<svg>` and `<math>`
(they carry links and script of their own: use an image file) and media.

Attributes, on any allowed element:

- `class`: only the classes Signpost's pipeline itself generates, so that module
  text cannot borrow the theme's own classes to dress up as page furniture (a
  fake search box, a "Where to get help" box with other numbers, an overlay):
  `admonition`, `admonition-title`, `sp-<block kind>` for every block kind, and
  the `sp-summary`, `sp-objectives`, `sp-vocabulary`, `sp-help`, `sp-source`
  `sp-urgent` ("Is this happening now?") boxes, the lesson cards, pictures and credits of
  the home and lesson pages (`sp-tile*`, `sp-hero`, `sp-credits`), and `sp-write` and
  `sp-draw` (a worksheet prompt's space to write or frame to draw in). On `code`, also
  `language-<name>` (what a fenced code block with a language gives); on `a`,
  also `headerlink` and `toclink` (the toc extension's permalinks, when the base
  mkdocs.yml turns them on).
- `id`: letters, digits, `-` and `_`, as the toc extension makes them from
  headings ("10-tips", "_1" for a heading with no letters), but never starting
  with `__`, the prefix of the theme's own controls (`__drawer`, `__search`).
- `title`, `lang` (a language tag such as `en` or `pt-BR`), `dir` (ltr, rtl, auto).

And on particular elements: a: href; img: src, alt, width, height (digits only);
th, td: align (left, right, center) and `style` only when it is exactly
`text-align: left;` (or right, center), which Python-Markdown's tables extension
writes; ol: start (digits), type (1, a, A, i, I); li: value (digits).
Every other attribute is a finding: event handlers (`on...`), `style`, `srcset`,
`poster`, `background`, `xlink:href`, `target` and so on. The document's own
`<html>` and `<body>` may carry no attribute: a `<body onload=...>` anywhere in
the text adds its attributes to the page's body.

URLs, read as a browser reads them: tabs and newlines anywhere are dropped,
leading and trailing control characters and spaces are stripped, and the scheme
is read case-insensitively after dropping every space and control character
before the first colon (stricter than a browser: "java script:" counts as
javascript:). Backslashes count as slashes, as browsers treat them in web URLs.

- a[href]: https:, mailto:, tel:, sms:, relative URLs and fragments. A
  protocol-relative `//host/...` goes to another host and is a finding (write
  https:// out). An http: link is a finding of its own (`Finding.http`), so that
  the caller can report it under its own code.
- img[src]: relative URLs only: no scheme (so no data:, no https:) and no `//`.
  Images come from the curriculum folder, never from another host, which would
  learn who is reading and when.

Comments are findings: Python-Markdown passes them through to the page, and
they hide text from whoever reviews the rendered lesson.

The text must also close what it opens: a tag, quoted attribute value or
comment left open at the end would swallow the page that follows it, and an
element left open (an `<a>` say) would take in the rest of the page; an end tag
for an element the text did not open (`</article>`) would move what follows out
of the page's content. Both are findings. To see this the HTML is parsed inside
the same elements the page puts it in, with a marker element after it.

`article_findings` applies the same allowlist to a whole built page's
`<article class="md-content__inner ...">` (the module content), allowing in
addition only what Material puts there for Signpost's pages: its `<h1>` (also
allowed above) and the edit and view buttons (`a.md-content__button.md-icon`
with an svg icon) should the base mkdocs.yml ever enable them, and the self-check form
Signpost generates for `quiz` blocks on learner pages: inside `<div class="admonition
sp-quiz sp-quiz-form">` only, fieldset, legend, label[for], input (type radio or checkbox,
name, id, value digits), button (type button, hidden), p (role status, aria-live polite),
details, summary, ul, li, strong, span, div, with the `sp-quiz-*` classes of
render/quiz.py. Module text may write none of these.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .model import BLOCK_KINDS

ALLOWED_ELEMENTS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "del", "ins", "mark", "small", "sub", "sup", "abbr", "code", "pre", "kbd", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "a", "img", "figure", "figcaption", "div", "span",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"align", "style"}),
    "td": frozenset({"align", "style"}),
    "ol": frozenset({"start", "type"}),
    "li": frozenset({"value"}),
}
# sp-prep: a lesson plan's "Before the lesson" box (render/lessonplan.py); sp-tiles and
# sp-tile*: a home page's lesson and guide cards, sp-hero a lesson's picture, sp-credits who
# made the pictures and fonts (render/pages.py); sp-write and sp-draw: a worksheet prompt's
# space to write or frame to draw in (kit.py); sp-translation a translated page's notice
# (draft, or not translated yet). Classes only style: none runs anything.
PIPELINE_CLASSES = frozenset(
    {"admonition", "admonition-title", "sp-summary", "sp-objectives", "sp-vocabulary",
     "sp-help", "sp-source", "sp-urgent", "sp-prep", "sp-tiles", "sp-tile", "sp-tile-picture",
     "sp-tile-number", "sp-tile-title", "sp-tile-summary", "sp-hero", "sp-credits",
     "sp-write", "sp-draw", "sp-translation"}
    | {f"sp-{kind}" for kind in BLOCK_KINDS}
)
ELEMENT_CLASSES: dict[str, re.Pattern[str]] = {
    "code": re.compile(r"language-[A-Za-z0-9_+#.-]+"),
    "a": re.compile(r"headerlink|toclink"),
}
ID = re.compile(r"(?!__)[\w-]+")
LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
DIGITS = re.compile(r"[0-9]{1,9}")
VALUES: dict[str, re.Pattern[str]] = {
    "dir": re.compile(r"ltr|rtl|auto", re.I),
    "lang": LANG,
    "width": DIGITS,
    "height": DIGITS,
    "start": DIGITS,
    "value": DIGITS,
    "type": re.compile(r"[1aAiI]"),
    "align": re.compile(r"left|right|center", re.I),
    "style": re.compile(r"text-align:\s*(?:left|right|center);?"),
}
ALLOWED_VALUES = {
    "dir": "ltr, rtl or auto", "lang": "a language tag such as en or pt-BR",
    "width": "a number of pixels, digits only", "height": "a number of pixels, digits only",
    "start": "digits only", "value": "digits only", "type": "1, a, A, i or I",
    "align": "left, right or center",
}
LINK_SCHEMES = frozenset({"https", "mailto", "tel", "sms"})
# What a URL parser drops: C0 controls and space at either end, tab and newlines anywhere.
URL_TRIM = "".join(chr(c) for c in range(0x21))
URL_DROP = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"^([^:/?#]*):")
VALID_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*")

# Why an element is not allowed, for the author; anything not named here gets DEFAULT.
WHY_ELEMENT: dict[str, str] = {}
for _names, _why in (
    ("script", "module text cannot run script"),
    ("style link", "module text cannot bring its own styles; they can load from other hosts "
                   "and hide or disguise text"),
    ("iframe frame frameset object embed applet portal fencedframe",
     "modules cannot embed other pages or plugins; link to the page instead"),
    ("form input button select option optgroup textarea label fieldset legend output "
     "datalist keygen isindex",
     "modules cannot ask learners to type or send anything"),
    ("meta base title head html body",
     "it changes how the whole page loads or where its links go"),
    ("svg math", "SVG and MathML carry links and script of their own; use an image file "
                 "(PNG or JPEG) in the curriculum folder"),
    ("video audio source track picture canvas map area image bgsound marquee",
     "media would load from elsewhere or move on the page; link to it instead"),
    ("details summary dialog", "it hides part of the lesson until clicked; write the text out"),
    ("template noscript slot noembed noframes xmp plaintext",
     "browsers read what is inside it in different ways"),
):
    for _name in _names.split():
        WHY_ELEMENT[_name] = _why
DEFAULT_WHY = "use Markdown for formatting instead"
LOADING_ATTRIBUTES = frozenset({
    "src", "srcset", "poster", "background", "data", "action", "formaction", "href",
    "xlink:href", "ping", "lowsrc", "dynsrc", "longdesc", "cite", "codebase", "archive",
    "manifest", "icon", "imagesrcset",
})

SENTINEL_TITLE = "\"'"
# The elements the page puts module content in (Material's content area), then the text,
# then a marker that must come out as the article's last child if the text closes what it
# opens: unclosed quotes or tags swallow it, unclosed elements take it in, stray end tags
# push it out.
WRAP_START = ('<main class="md-main"><div class="md-content">'
              '<article class="md-content__inner md-typeset">')
WRAP_END = '\n<span id="{}" title="&quot;\'"></span></article></div></main>'
ARTICLE_START = re.compile(r"<article\b[^>]*\bclass\s*=\s*[\"']?md-content__inner\b[^>]*>",
                           re.I)


@dataclass(frozen=True)
class Finding:
    """Something in the HTML that is not allowed.

    `needle` is a short source-ish string (`<iframe`, an attribute name, a URL) that
    the caller can look for in the source to find the line; `hints` are further ones,
    for when the source spells it differently (entities, Markdown). `http` marks a
    plain http: link, the one finding a caller may report under a milder code.
    """

    message: str
    needle: str
    hints: tuple[str, ...] = ()
    http: bool = False

    @property
    def needles(self) -> tuple[str, ...]:
        return tuple(n for n in (self.needle, *self.hints) if n)


def findings(html: str) -> list[Finding]:
    """Everything in an HTML fragment (rendered module text) that the allowlist does not allow."""
    return _judge(html, material=False)


def article_findings(page_html: str) -> list[Finding]:
    """The allowlist applied to the module content of a whole built MkDocs Material page.

    The content is everything between `<article class="md-content__inner ...">` and the
    page's last `</article>`, so that nothing the text moves out of the article by
    closing it early escapes judgement.
    """
    start = ARTICLE_START.search(page_html)
    end = page_html.rfind("</article>")
    if start is None or end < start.end():
        return [Finding("the page has no <article class=\"md-content__inner\">: cannot find "
                        "its content to check", "<article")]
    return _judge(page_html[start.end() : end], material=True)


def url_scheme(value: str) -> tuple[str | None, str]:
    """(scheme or None, the URL as a browser reads it) for an attribute value."""
    url = URL_DROP.sub("", value).strip(URL_TRIM).replace("\\", "/")
    match = SCHEME.match(url)
    if match is None:
        return None, url
    scheme = re.sub(r"[\x00-\x20\x7f]+", "", match.group(1)).lower()
    if not VALID_SCHEME.fullmatch(scheme):
        return None, url  # "a b:c" or "%6a:": a relative path to a browser
    return scheme, url


def _judge(html: str, material: bool) -> list[Finding]:
    marker = f"sp-end-{secrets.token_hex(8)}"  # unguessable: the text cannot fake it
    tree = LexborHTMLParser(WRAP_START + html + WRAP_END.format(marker))
    out: list[Finding] = []
    root = tree.root
    if root is None:
        return [Finding("the HTML could not be parsed", "<")]
    html_node, body = root, tree.body
    wrappers: list[LexborNode] = []
    node = body.child if body is not None else None
    for tag in ("main", "div", "article"):
        while node is not None and not node.is_element_node:
            node = node.next
        if node is None or node.tag != tag:
            return [Finding("the HTML could not be parsed inside the page's content area", "<")]
        wrappers.append(node)
        node = node.child
    article = wrappers[-1]
    skip = {w.mem_id for w in wrappers}
    for page_node in (html_node, tree.head, body):
        if page_node is not None and page_node.attributes:
            name = next(iter(page_node.attributes))
            out.append(Finding(
                f"a <{page_node.tag} ...> tag is not allowed: its attributes ('{name}') would "
                "go onto the whole page", f"<{page_node.tag}", (name,)))
        if page_node is not None:
            skip.add(page_node.mem_id)
    sentinel = _sentinel(tree, marker)
    if sentinel is not None:
        skip.add(sentinel.mem_id)
    refused: set[int] = set()  # elements not allowed: what is inside them goes with them
    for node, in_button, in_quiz in _walk(root):
        parent = node.parent
        if parent is not None and parent.mem_id in refused:
            refused.add(node.mem_id)
            continue
        if node.mem_id in skip:
            continue
        if node.is_comment_node:
            text = (node.comment_content or "").strip()
            out.append(Finding("HTML comments (<!-- -->) are not allowed: they hide text from "
                               "reviewers; delete the comment", "<!--", (text[:40],)))
        elif node.is_element_node:
            if material and in_button:
                out.extend(_material_button_part(node))
            elif material and (in_quiz or node.tag == "div" and QUIZ_ROOT in _classes(node)):
                out.extend(_quiz_part(node))
            elif material and _is_material_button(node, article):
                out.extend(_material_button(node))
            else:
                judged = list(_element(node))
                if judged and node.tag not in ALLOWED_ELEMENTS:
                    refused.add(node.mem_id)
                out.extend(judged)
    out.extend(_closing(sentinel, article, wrappers))
    # An unclosed quote makes the marker part of an attribute: the finding above says so.
    return [f for f in out if marker not in f.message]


def _walk(root: LexborNode) -> Iterator[tuple[LexborNode, bool, bool]]:
    """Every node in document order (no recursion: hostile nesting can be deep), with
    whether it is inside Material's edit button and inside a generated quiz form."""
    stack: list[tuple[LexborNode, bool, bool]] = [(root, False, False)]
    while stack:
        node, in_button, in_quiz = stack.pop()
        yield node, in_button, in_quiz
        children = []
        child = node.child
        inside = in_button or (node.tag == "a" and "md-content__button" in _classes(node))
        quiz = in_quiz or (node.tag == "div" and QUIZ_ROOT in _classes(node))
        while child is not None:
            children.append((child, inside, quiz))
            child = child.next
        stack.extend(reversed(children))


def _sentinel(tree: LexborHTMLParser, marker: str) -> LexborNode | None:
    for node in tree.css(f"span#{marker}"):
        if node.attributes == {"id": marker, "title": SENTINEL_TITLE}:
            return node
    return None


def _closing(
    sentinel: LexborNode | None, article: LexborNode, wrappers: list[LexborNode]
) -> list[Finding]:
    if sentinel is None:
        return [Finding("a tag, a quoted attribute value or a comment is not closed: it would "
                        "swallow the page after it; close it (or write &lt; for a plain <)",
                        "<")]
    parent = sentinel.parent
    if parent is not None and parent.mem_id == article.mem_id:
        after = sentinel.next
        while after is not None and after.is_text_node and not (after.text_content or "").strip():
            after = after.next
        if after is None:
            return []
        return [Finding(f"<{after.tag}> is not closed where it should be: close it",
                        f"<{after.tag}")]
    if parent is not None and parent.mem_id in {w.mem_id for w in wrappers}:
        return [Finding("an end tag closes an element the text did not open (such as "
                        "</div> or </article>): it would move what follows out of the lesson; "
                        "remove it", "</")]
    open_tags = []
    node = parent
    while node is not None and node.mem_id != article.mem_id and node.tag not in ("body", "html"):
        open_tags.append(node.tag)
        node = node.parent
    if node is None or node.mem_id != article.mem_id:
        return [Finding("an end tag closes an element the text did not open (such as "
                        "</div> or </article>): it would move what follows out of the lesson; "
                        "remove it", "</")]
    outer = open_tags[-1] if open_tags else "?"
    return [Finding(f"<{outer}> is opened but not closed: it would take in the rest of the "
                    f"page; close it with </{outer}>", f"<{outer}")]


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def _element(node: LexborNode) -> Iterator[Finding]:
    tag = node.tag or ""
    if tag not in ALLOWED_ELEMENTS:
        why = WHY_ELEMENT.get(tag, DEFAULT_WHY)
        if ":" in tag:  # <javascript:alert(1)>: an autolink Markdown did not accept
            why = "only https:// and mailto: addresses can be written in <...>"
        yield Finding(f"<{tag}> is not allowed in module text: {why}", f"<{tag}", (tag,))
        return
    allowed = GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, frozenset())
    for name, value in node.attributes.items():
        value = value or ""
        if name not in allowed:
            yield _attribute_not_allowed(tag, name, value)
        elif name == "class":
            for token in value.split():
                special = ELEMENT_CLASSES.get(tag)
                if token not in PIPELINE_CLASSES and not (special and special.fullmatch(token)):
                    yield Finding(
                        f"class '{token}' is not allowed: module text is styled with Markdown "
                        "and ::: blocks, not with the theme's classes", token)
        elif name == "id":
            if not ID.fullmatch(value):
                yield Finding(f"id '{value}' is not allowed: use letters, digits, '-' and '_' "
                              "(not starting with '__')", value or "id", ("id",))
        elif name == "title":
            continue
        elif name == "href":
            yield from _link(value)
        elif name == "src":
            yield from _image(value)
        elif name == "style":
            if tag not in ("th", "td") or not VALUES["style"].fullmatch(value.strip()):
                yield _attribute_not_allowed(tag, name, value)
        elif name in VALUES and not VALUES[name].fullmatch(value.strip()):
            yield Finding(f"{name}=\"{value}\" is not allowed on <{tag}>: {name} may be "
                          f"{ALLOWED_VALUES[name]}", name, (value,))


def _attribute_not_allowed(tag: str, name: str, value: str) -> Finding:
    hints = (value[:60],) if value else ()
    if name.startswith("on"):
        return Finding(f"event-handler attribute '{name}' is not allowed: module text cannot "
                       "run script", name, hints)
    if name == "style":
        return Finding("the style attribute is not allowed: styles can load from other hosts "
                       "and hide or disguise text; use Markdown", name, hints)
    if name in LOADING_ATTRIBUTES or name.endswith(":href"):
        return Finding(f"attribute '{name}' is not allowed on <{tag}>: it loads from or links to "
                       "another place", name, hints)
    return Finding(f"attribute '{name}' is not allowed on <{tag}>", name, hints)


def _url_hints(value: str, url: str) -> tuple[str, ...]:
    """The URL as written, as read, and its part after the scheme (entities hide the scheme)."""
    after = url.split(":", 1)[1] if ":" in url else ""
    return tuple(h for h in (url, after.strip("/")[:60]) if h and h != value)


def _link(value: str) -> Iterator[Finding]:
    scheme, url = url_scheme(value)
    hints = _url_hints(value, url)
    if scheme is None:
        if url.startswith("//"):
            yield Finding(f"link '{value}' leaves out https: and goes to another host: write "
                          "the address out with https://", value, hints)
        return
    if scheme == "http":
        yield Finding(f"use https, not http: '{value}'", value, hints, http=True)
    elif scheme not in LINK_SCHEMES:
        yield Finding(f"{scheme}: links are not allowed: link to https:// pages, mailto:, tel: "
                      "or sms:, or to pages and files of the curriculum", value or "href", hints)


def _image(value: str) -> Iterator[Finding]:
    scheme, url = url_scheme(value)
    hints = _url_hints(value, url)
    if scheme == "data":
        yield Finding("data: images are not allowed: put the image file in the curriculum "
                      "folder and link it relatively", value[:60] or "src", hints)
    elif scheme is not None or url.startswith("//"):
        yield Finding("images from other hosts are not allowed: put the image in the "
                      "curriculum folder and link it relatively", value or "src", hints)


# Material's edit and view buttons: <a class="md-content__button md-icon" href title rel>
# holding one <svg xmlns viewBox> of <path d> elements.
BUTTON_CLASSES = frozenset({"md-content__button", "md-icon"})
SVG_NS = "http://www.w3.org/2000/svg"
VIEWBOX = re.compile(r"[0-9. -]+")
PATH_DATA = re.compile(r"[MmZzLlHhVvCcSsQqTtAaEe0-9.,\s+-]*")


def _is_material_button(node: LexborNode, article: LexborNode) -> bool:
    parent = node.parent
    return (node.tag == "a" and parent is not None and parent.mem_id == article.mem_id
            and set(_classes(node)) == BUTTON_CLASSES)


def _material_button(node: LexborNode) -> Iterator[Finding]:
    for name, value in node.attributes.items():
        value = value or ""
        if name == "href":
            yield from _link(value)
        elif name == "rel" and value == "edit" or name in ("class", "title"):
            continue
        else:
            yield _attribute_not_allowed("a", name, value)


def _material_button_part(node: LexborNode) -> Iterator[Finding]:
    attributes = {name: value or "" for name, value in node.attributes.items()}
    ok = (
        node.tag == "svg" and set(attributes) <= {"xmlns", "viewbox", "viewBox"}
        and attributes.get("xmlns", SVG_NS) == SVG_NS
        and all(VIEWBOX.fullmatch(v) for k, v in attributes.items() if k.lower() == "viewbox")
    ) or (
        node.tag == "path" and set(attributes) <= {"d"} and PATH_DATA.fullmatch(attributes.get("d", ""))
    )
    if not ok:
        yield Finding(f"<{node.tag}> is not allowed in the page's edit button", f"<{node.tag}")


# The quiz form Signpost generates on learner pages (render/quiz.py, judged in built pages
# only: module text may write none of it): these elements, with these attributes and
# values, inside <div class="... sp-quiz-form">, and nothing else.
QUIZ_ROOT = "sp-quiz-form"
QUIZ_WORDS = re.compile(r"[^<>&\"]*")
QUIZ_CLASSES = frozenset({
    "admonition", "admonition-title", "sp-quiz", "sp-quiz-form", "sp-quiz-question",
    "sp-quiz-option", "sp-quiz-hint", "sp-quiz-check", "sp-quiz-feedback", "sp-quiz-answers",
    "sp-quiz-right", "sp-quiz-wrong", "sp-quiz-verdict", "sp-quiz-why",
})
QUIZ_ATTRIBUTES: dict[str, dict[str, re.Pattern[str]]] = {
    "div": {"id": ID},
    "p": {"role": re.compile("status"), "aria-live": re.compile("polite")},
    "fieldset": {}, "legend": {}, "label": {"for": ID}, "ul": {}, "li": {}, "strong": {},
    "span": {}, "details": {}, "summary": {},
    "input": {"type": re.compile("radio|checkbox"), "name": ID, "id": ID, "value": DIGITS},
    "button": {"type": re.compile("button"), "hidden": re.compile(""),
               # the script's words in the page's language: text only, read as text
               **{f"data-say-{key}": QUIZ_WORDS for key in ("choose", "another", "again")}},
}


def _quiz_part(node: LexborNode) -> Iterator[Finding]:
    tag = node.tag or ""
    allowed = QUIZ_ATTRIBUTES.get(tag)
    if allowed is None:
        yield Finding(f"<{tag}> is not allowed in a quiz", f"<{tag}", (tag,))
        return
    for name, value in node.attributes.items():
        value = value or ""
        if name == "class":
            for token in value.split():
                if token not in QUIZ_CLASSES:
                    yield Finding(f"class '{token}' is not allowed in a quiz", token)
        elif name not in allowed or not allowed[name].fullmatch(value):
            yield Finding(f"attribute {name}=\"{value[:60]}\" is not allowed on a quiz's "
                          f"<{tag}>", name, (value[:60],) if value else ())
