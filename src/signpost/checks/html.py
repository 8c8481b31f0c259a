"""Module text judged by what it renders to (SP405 unsafe HTML, SP410 http links).

Each module is rendered with the Markdown extensions its sites use (the base
mkdocs.yml's `markdown_extensions`, plus the `toc`, `tables` and `fenced_code`
that MkDocs always adds), the way the site pages render it: blocks become
`!!! sp-<kind>` admonitions, region variables are filled in, the page's title,
summary, objectives and vocabulary come first. The HTML is then judged by the
allowlist in `signpost.htmlcheck`, which parses it as a browser does.

A module is rendered three times, gated as the sites gate it, so that removing
blocks cannot make markup that the full page does not have: every block
(teachers' lesson plan), the blocks learners see, and the family and key-points
blocks (parents). The texts of the front matter that pages show are also rendered
each on its own, and the title is also judged raw and with its tags stripped and
entities decoded, because the theme puts it into the navigation and the page's
<title> unescaped. Each text of the body is also rendered on its own with the
print extensions, as the printable packs and guides (and the HTML beside them)
render it.

Region lookups are filled in with a stand-in: `{{ region.emergency }}` becomes the
word REGIONVALUE (whether the variable exists is checked elsewhere, and the build
fills values in as escaped text). Anything else in braces stays as it is written,
as it does in the build.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from ..baseconfig import PYTHON_NAMES
from ..diagnostics import Report
from ..htmlcheck import Finding, findings
from ..model import BLOCK_KINDS, FACILITATOR_ONLY, Block, Curriculum, Module, Node, Text
from ..parse import size_problems
from ..print.html import MARKDOWN_EXTENSIONS as PRINT_EXTENSIONS
from ..regions import LOOKUP
from ..render.lessonplan import lesson_plan, lesson_plan_markdown
from ..render.markdown import FACILITATOR_LABELS, LEARNER_LABELS, nodes_markdown
from ..render.pages import objectives_box, vocabulary_box
from ..select import gate
from .content import front_matter_lines

# The base mkdocs.yml's list as shipped: used when the project's cannot be read.
SHIPPED_EXTENSIONS: list[Any] = [
    "admonition", "attr_list", "def_list", "md_in_html", "tables", {"toc": {"permalink": False}},
]
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # mkdocs/config/defaults.py
LEARNER_HIDDEN = FACILITATOR_ONLY | {"family"}
ALL_KINDS = frozenset(BLOCK_KINDS)
LEARNER_KINDS = frozenset(BLOCK_KINDS) - LEARNER_HIDDEN
PARENT_KINDS = frozenset({"family", "keypoints"})
STAND_IN = "REGIONVALUE"
# Text with none of these renders, with the shipped extensions, to paragraphs, headings
# (toc ids of word characters), lists, emphasis, tables, definition lists and code only:
# nothing the allowlist refuses. No tag or autolink (<), entity (&), link or image ([ ]),
# attribute list or template ({ }), code span or fence (` ~), escape (\\), admonition of
# the author's own (!!! ???) or heading id starting with "__". Such text is not rendered.
MARKUP_TRIGGER = re.compile(r"[<&\[\]{}`~\\]|__|^[ \t]*(?:!!!|\?\?\?)", re.M)


def check(curriculum: Curriculum, report: Report) -> None:
    renderer = Renderer.for_project(curriculum.root)
    for module in curriculum.modules.values():
        check_module(module, renderer, report)


def check_module(module: Module, renderer: Renderer, report: Report) -> None:
    """Report what the module's text renders to that the allowlist does not allow."""
    reported: set[tuple[int, str]] = set()
    for document in module_documents(module):
        if document.plain and renderer.shipped:
            continue
        if size_problems(document.text, document.fallback):
            continue  # too slow to render: parse (SP109) or the schema has reported it
        html = renderer.html(document.text, document.mode)
        found = findings(html) if html is not None else [
            Finding("this text could not be rendered to check it: simplify its Markdown", "")]
        for line, finding in locate(found, document):
            code = "SP410" if finding.http else "SP405"
            if (line, finding.message) in reported:
                continue
            reported.add((line, finding.message))
            report.error(module.path, line, code, finding.message)


# --- rendering -------------------------------------------------------------------------


class Renderer:
    """Markdown instances with the sites' and the print extensions, reset between texts."""

    def __init__(self, extensions: list[Any]) -> None:
        names, configs = extension_settings(extensions)
        self._site = markdown.Markdown(extensions=names, extension_configs=configs)
        self._print = markdown.Markdown(extensions=PRINT_EXTENSIONS)
        # With the shipped extensions, text without MARKUP_TRIGGER need not be rendered
        # (print uses some of them, with their defaults).
        shipped_names, shipped_configs = extension_settings(SHIPPED_EXTENSIONS)
        self.shipped = (sorted(names) == sorted(shipped_names) and configs == shipped_configs
                        and set(PRINT_EXTENSIONS) <= set(shipped_names))

    @classmethod
    def for_project(cls, root: Path) -> Renderer:
        try:
            return cls(project_extensions(root))
        except Exception:  # an extension that does not load: mkdocs.yml is checked elsewhere
            return cls(SHIPPED_EXTENSIONS)

    def html(self, text: str, mode: str = "site") -> str | None:
        """`text` as HTML: rendered as the sites or print render it, or as it is ("html")."""
        if mode == "html":
            return text
        md = self._print if mode == "print" else self._site
        md.reset()
        try:
            return md.convert(text)
        except Exception:  # the build would fail on it too; say so rather than crash
            return None


def project_extensions(root: Path) -> list[Any]:
    """`markdown_extensions` of the base mkdocs.yml; the shipped list if it cannot be read."""
    from mkdocs.utils import yaml_load

    try:
        with (root / "mkdocs.yml").open(encoding="utf-8") as handle:
            config = yaml_load(handle, loader=safe_loader()) or {}
        extensions = config.get("markdown_extensions", [])
        extension_settings(extensions)  # the same shapes MkDocs accepts, or fall back
        return extensions
    except Exception:
        return SHIPPED_EXTENSIONS


# MkDocs' default loader would construct any Python object a file names, and a pull
# request can change mkdocs.yml: the check reads it with PyYAML's safe loader and resolves
# only the `!!python/name:` values signpost.baseconfig allows.
def safe_loader() -> type:
    import importlib

    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    loader = get_yaml_loader(yaml.SafeLoader)  # with MkDocs' !ENV

    def python_name(_loader: Any, suffix: str, node: Any) -> Any:
        if suffix not in PYTHON_NAMES:
            raise yaml.constructor.ConstructorError(None, None, f"{suffix} is not allowed",
                                                    node.start_mark)
        module, name = suffix.rsplit(".", 1)
        return getattr(importlib.import_module(module), name)

    loader.add_multi_constructor("tag:yaml.org,2002:python/name:", python_name)
    loader.add_constructor("!relative", lambda _loader, node: _loader.construct_scalar(node))
    return loader


def extension_settings(extensions: Any) -> tuple[list[str], dict[str, dict]]:
    """Names (MkDocs' builtins first, as MkDocs orders them) and configs, or ValueError."""
    names: list[str] = []
    configs: dict[str, dict] = {}
    items = list(extensions.items()) if isinstance(extensions, dict) else extensions
    if not isinstance(items, list | tuple):
        raise ValueError("markdown_extensions is not a list")
    for item in items:
        if isinstance(item, tuple) and len(item) == 2:
            name, config = item
        elif isinstance(item, dict) and len(item) == 1:
            name, config = next(iter(item.items()))
        elif isinstance(item, str):
            name, config = item, None
        else:
            raise ValueError(f"not a Markdown extension: {item!r}")
        if not isinstance(name, str) or not (config is None or isinstance(config, dict)):
            raise ValueError(f"not a Markdown extension: {item!r}")
        names.append(name)
        if config:
            configs[name] = copy.deepcopy(config)
    return list(dict.fromkeys([*MKDOCS_BUILTINS, *names])), configs


def fill_regions(text: str) -> str:
    """Every region lookup the build would fill in, as the word REGIONVALUE."""
    return LOOKUP.sub(STAND_IN, text)


# --- what to render, and where its lines are ---------------------------------------------


@dataclass(frozen=True)
class Document:
    """Markdown to render (or HTML), the source lines it came from (to find a finding's line)."""

    text: str
    lines: tuple[tuple[int, str], ...]
    fallback: int
    plain: bool = False  # made of text without MARKUP_TRIGGER (see Renderer.shipped)
    mode: str = "site"  # rendered as the sites or as print render it, or "html": as it is


def module_documents(module: Module) -> list[Document]:
    """What to render for a module: its three gated pages, and its front-matter texts."""
    source = module.source_text.split("\n")
    front = [(line.number, line.text) for line in front_matter_lines(module)]
    front_lines = tuple((number, _source_line(source, number, text)) for number, text in front)
    front_plain = all(plain(text) for _, text in front)
    title_line = module.line_of("title")
    every_line = body_lines(module, source)
    documents: list[Document] = []
    seen: set[tuple[str, bool]] = set()

    def add(document: Document) -> None:
        if (document.text, document.mode) not in seen:
            seen.add((document.text, document.mode))
            documents.append(document)

    heading = [f"# {module.title}", f"{module.summary}\n{{ .sp-summary }}"]
    for kinds, labels, view in (
        (ALL_KINDS, FACILITATOR_LABELS, "lesson-plan"),
        (LEARNER_KINDS, LEARNER_LABELS, "learner"),
        (PARENT_KINDS, FACILITATOR_LABELS, "reader"),
    ):
        body = gate(module.body, kinds)
        parts = list(heading)
        if view == "lesson-plan":
            parts.append(lesson_plan_markdown(lesson_plan(module, body), fill_regions,
                                              "Lesson 1 of 1"))
        else:
            parts.append(objectives_box(module, view == "learner"))
            if module.vocabulary and view == "learner":
                parts.append(vocabulary_box(module))
            parts.append(fill_regions(nodes_markdown(body, labels)))
        shown = tuple((number, text) for number, text, around in every_line if around <= kinds)
        fallback = next((number for number, text in shown if text.strip()), module.body_line)
        add(Document("\n\n".join(p for p in parts if p.strip()) + "\n",
                     front_lines + shown, fallback,
                     front_plain and all(plain(text) for _, text in shown)))
    # The home page lists each module as a link with its summary; the glossary is a
    # definition list; and every text on its own.
    home = f"- [{module.title}]({module.id}.md): {module.summary}"
    add(Document(home, front_lines[:2], title_line, plain(module.title + module.summary)))
    for term, definition in module.vocabulary.items():
        number = module.line_of("vocabulary", term)
        add(Document(f"{term[:1].upper()}{term[1:]}\n:   {definition}\n",
                     ((number, _source_line(source, number, term)),), number,
                     plain(term + definition)))
    for number, text in front:
        add(Document(text, ((number, _source_line(source, number, text)),), number, plain(text)))
    # Print renders each text of the body on its own, with its own extensions.
    for node, lines in text_nodes(module.body, source, len(source) + 1):
        add(Document(fill_regions(node.markdown), lines, node.line,
                     all(plain(text) for _, text in lines), mode="print"))
    return documents + raw_title_documents(module, source)


def plain(text: str) -> bool:
    return MARKUP_TRIGGER.search(text) is None


def raw_title_documents(module: Module, source: list[str]) -> list[Document]:
    """The theme writes the title into the navigation as it is, and into <title> with its
    tags stripped and its entities decoded: judge both as HTML, not as Markdown."""
    number = module.line_of("title")
    lines = ((number, _source_line(source, number, module.title)),)
    stripped = Markup(module.title).striptags()
    return [Document(text, lines, number, plain(text), mode="html")
            for text in dict.fromkeys([module.title, stripped])]


def _source_line(source: list[str], number: int, fallback: str) -> str:
    return source[number - 1] if 0 < number <= len(source) else fallback


def body_lines(module: Module, source: list[str]) -> list[tuple[int, str, frozenset[str]]]:
    """Every source line of the body, with the kinds of the blocks around it.

    From the source, not from the nodes' text: the parser leaves some lines out of the
    text (markers it refuses), and a gated page drops a block's lines with the block.
    """
    return list(_extent(module.body, source, len(source) + 1, frozenset()))


def text_nodes(
    nodes: tuple[Node, ...], source: list[str], stop: int
) -> Iterator[tuple[Text, tuple[tuple[int, str], ...]]]:
    """Every text of the body (in blocks too), with its source lines."""
    for index, node in enumerate(nodes):
        end = nodes[index + 1].line if index + 1 < len(nodes) else stop
        if isinstance(node, Text):
            yield node, tuple((number, _source_line(source, number, ""))
                              for number in range(node.line, max(end, node.line + 1)))
        elif isinstance(node, Block):
            yield from text_nodes(node.children, source, node.end_line)


def _extent(
    nodes: tuple[Node, ...], source: list[str], stop: int, kinds: frozenset[str]
) -> Iterator[tuple[int, str, frozenset[str]]]:
    for index, node in enumerate(nodes):
        end = nodes[index + 1].line if index + 1 < len(nodes) else stop
        if isinstance(node, Text):
            for number in range(node.line, max(end, node.line + 1)):
                yield number, _source_line(source, number, ""), kinds
        elif isinstance(node, Block):
            inner = kinds | {node.kind}
            yield node.line, _source_line(source, node.line, ""), inner
            yield from _extent(node.children, source, node.end_line, inner)


def locate(found: list[Finding], document: Document) -> Iterator[tuple[int, Finding]]:
    """The line of each finding: where its needle is in the document's source lines.

    The n-th finding with a needle goes to the n-th place the needle is written, so two
    `onclick`s on two lines are reported on both. A URL found in a reference definition
    (`[pic]: https://...`) is reported where the image or link uses it (`![A cat][pic]`).
    """
    seen: Counter[str] = Counter()
    lowered = [(number, text.lower()) for number, text in document.lines]
    for finding in found:
        line = None
        for needle in finding.needles:
            key = needle.lower()
            places = [number for number, text in lowered for _ in range(text.count(key))]
            if places:
                line = places[min(seen[key], len(places) - 1)]
                seen[key] += 1
                break
        if line is None:
            line = document.fallback  # not written as such anywhere (entities, say)
        yield _reference_use(line, lowered, seen), finding


REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:")


def _reference_use(line: int, lowered: list[tuple[int, str]], seen: Counter[str]) -> int:
    text = next((t for number, t in lowered if number == line), "")
    definition = REFERENCE_DEFINITION.match(text)
    if definition is None:
        return line
    label = re.escape(" ".join(definition.group(1).split()))
    use = re.compile(rf"\]\[\s*{label}\s*\]|\[\s*{label}\s*\](?:\[\])?(?![:(\[])")
    uses = [number for number, t in lowered
            for _ in range(len(use.findall(t))) if not REFERENCE_DEFINITION.match(t)]
    if not uses:
        return line
    key = f"\0reference {label}"
    seen[key] += 1
    return uses[min(seen[key] - 1, len(uses) - 1)]
