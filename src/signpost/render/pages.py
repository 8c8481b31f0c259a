"""One site's docs tree: home, module pages, glossary, "Get help", and its navigation."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..i18n import (
    N_,
    _,
    base_language,
    direction,
    language,
    language_name,
    translated,
    translation_note,
)
from ..model import AGE_BANDS, Channel, Curriculum, Module, Site, Topic
from ..regions import (
    channel_ages,
    channel_purpose,
    help_channels,
    region_emergency,
    region_name,
    region_variables,
)
from ..regions import markdown_text as md
from ..select import Group, ModulePage, SiteContent, in_language
from .curriculummap import MAP_PAGE, band_lessons, curriculum_map_page
from .lessonplan import lesson_label, lesson_plan, lesson_plan_markdown, lesson_sequence
from .letterpages import letter_pages
from .markdown import (
    FACILITATOR_LABELS,
    LEARNER_LABELS,
    fill_plain_text,
    fill_region,
    nodes_markdown,
    quoted,
    repoint_links,
)
from .pictures import Scene, help_scene, scene_size, scene_svg, topic_scene
from .quiz import quiz_html, quiz_key_markdown, quiz_starters_markdown
from .styles import (
    FONT_FAMILIES,
    ICON_LICENCE_FILE,
    PICTURES_DIR,
    PICTURES_LICENCE_FILE,
    SCENE_STYLES,
    site_fonts,
)
from .whatiknow import what_i_know_pages

NavItem = dict[str, Any]
HELP_PAGE = "get-help.md"
# Where the quick-exit control goes: a neutral page, opened only when the reader presses it.
QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
QUICK_EXIT_PLACE = N_("the BBC weather page")
QUICK_EXIT_LABEL = N_("Exit this page")


def has_quick_exit(site: Site) -> bool:
    """Learner and parent sites get a quick exit; the teachers' site does not."""
    return site.kind != "teachers"


@dataclass
class DocsTree:
    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown
    files: dict[str, Path] = field(default_factory=dict)  # docs path -> file to copy
    nav: list[NavItem] = field(default_factory=list)
    assets: dict[str, bytes] = field(default_factory=dict)  # docs path -> generated file


@dataclass(frozen=True)
class PageContext:
    content: SiteContent
    curriculum: Curriculum
    region: str
    variables: dict[str, Any]
    page_of: dict[Path, str]  # module file -> its first page in this site
    downloads: frozenset[str] | None = None  # PDFs under downloads/ that exist (None: all)
    # band -> module id -> the learner site whose projector view a lesson plan links
    projectors: dict[str, dict[str, str]] = field(default_factory=dict)

    def has_pdf(self, relative: str) -> bool:
        return self.downloads is None or relative in self.downloads


def docs_tree(curriculum: Curriculum, content: SiteContent, region: str,
              downloads: frozenset[str] | None = None) -> DocsTree:
    """The site's pages in its language: its modules (see select.in_language) and
    Signpost's own words (i18n.py)."""
    with language(content.site.language):
        return _docs_tree(in_language(curriculum, content.site), content, region, downloads)


def _docs_tree(curriculum: Curriculum, content: SiteContent, region: str,
               downloads: frozenset[str] | None) -> DocsTree:
    page_of: dict[Path, str] = {}
    for page in content.pages():
        # Links name the source file, also from a translation beside it.
        page_of.setdefault(page.module.path.with_name(f"{page.module.id}.md").resolve(),
                           page.path)
    context = PageContext(content, curriculum, region, region_variables(curriculum, region),
                          page_of, downloads)
    tree = DocsTree()
    tree.pages["index.md"] = home_page(context, tree)
    tree.nav.append({_("Home"): "index.md"})
    for section in content.sections:
        entries: list[NavItem] = []
        for group in section.groups:
            if section.section.view == "summary":
                path = f"learning/{group.band or 'all'}.md"
                tree.pages[path] = summary_page(context, group_title(group), group.pages)
                entries.append({group_title(group) or section.section.title: path})
                continue
            items = module_pages(context, group.pages, tree)
            entries.append({group_title(group): items} if group_title(group) else {"_": items})
        flat: list[NavItem] = []
        for entry in entries:
            flat.extend(entry.get("_", [entry]))
        if flat:
            tree.nav.append({section.section.title: flat})
    from .projector import add_projector_assets

    add_projector_assets(context, tree)  # for project/<id>.html (see projector.py)
    print_and_share_page(context, tree)
    curriculum_map_page(curriculum, content, tree)  # teachers: lessons, topics, strands
    letter_pages(context, tree)  # teachers: a letter home per band
    what_i_know_pages(curriculum, content, tree)  # teachers: a sheet per band
    tree.pages["glossary.md"] = glossary_page(context)
    tree.pages["get-help.md"] = help_page(context, tree)
    tree.nav.append({_("Glossary"): "glossary.md"})
    tree.nav.append({_("Get help"): "get-help.md"})
    return tree


def module_pages(context: PageContext, pages: tuple[ModulePage, ...], tree: DocsTree) -> list:
    """Nav entries for pages: lessons (learner pages and lesson plans) numbered in teaching
    order, the same numbers as the home page, packs and guides; guides grouped by topic in
    topics.yml order."""
    if pages and all(page.view in ("lesson-plan", "learner") for page in pages):
        ordered = lesson_sequence(context.curriculum, pages)
        for page in ordered:
            tree.pages[page.path] = module_page(context, page, tree)
        return [{_("Lesson {number}: {title}").format(number=number, title=page.module.title):
                 page.path}
                for number, page in enumerate(ordered, 1)]
    by_topic: dict[str, list[NavItem]] = {}
    for page in pages:
        tree.pages[page.path] = module_page(context, page, tree)
        topic = context.curriculum.topic(page.module.topic)
        title = topic_title(topic) if topic else page.module.topic
        by_topic.setdefault(title, []).append({page.module.title: page.path})
    order = [topic_title(t) for t in context.curriculum.topics]
    return [
        {title: by_topic[title]}
        for title in sorted(by_topic, key=lambda t: order.index(t) if t in order else len(order))
    ]


def reads_own_module(site: Site, module: Module) -> bool:
    """The site's reader is the one the module was written for (a learner and a lesson, a
    parent and a parents' guide, a teacher and a teachers' module): its quiz is a self-check
    to answer. Otherwise the quiz is someone else's: a key for teachers, starters for parents."""
    return site.learner or module.audience == site.kind


def module_page(context: PageContext, page: ModulePage, tree: DocsTree) -> str:
    module = page.module
    learner = context.content.site.learner
    labels = LEARNER_LABELS if learner else FACILITATOR_LABELS

    def finish(markdown: str) -> str:
        markdown = fill_region(markdown, module, context.variables)
        return repoint_links(
            markdown, module, page.path, lambda p: context.page_of.get(p.resolve()), tree.files
        )

    from .projector import projector_link

    parts = [f"# {module.title}", urgent_box(context, module, page),
             hero_picture(context, tree, module, page), f"{module.summary}\n{{ .sp-summary }}",
             projector_link(context, page)]
    if page.view == "lesson-plan":  # the plan holds the lesson: see lessonplan.py
        plan = lesson_plan(module, page.body)
        body = lesson_plan_markdown(plan, finish, lesson_label(context.curriculum,
                                                              context.content, page))
    else:
        quiz = partial(quiz_html, fill=lambda text: fill_plain_text(text, module,
                                                                     context.variables)) \
            if reads_own_module(context.content.site, module) \
            else quiz_starters_markdown if context.content.site.kind == "parents" \
            else quiz_key_markdown
        body = finish(nodes_markdown(page.body, labels, quiz))
        # Teens read the page, not a lesson: what it covers comes after it, as a recap.
        recap = learner and context.content.site.style == "teen"
        if not recap:
            parts.append(objectives_box(module, learner))
        if module.vocabulary and learner:
            parts.append(vocabulary_box(module))
        if recap:
            body += "\n\n" + objectives_box(module, learner, _("What you can do now"))
    parts.append(body)
    notice = translation_notice(context, module)
    parts = ([notice, *in_its_language(context, module, parts)] if is_untranslated(context, module)
             else [parts[0], notice, *parts[1:]])
    topic = context.curriculum.topic(module.topic)
    parts.append(help_box(context, page.path, urgent=bool(topic and topic.urgent_help)))
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def is_untranslated(context: PageContext, module: Module) -> bool:
    """On a translated site, a module shown in the curriculum's language."""
    return base_language(module.language) != base_language(context.content.site.language)


def in_its_language(context: PageContext, module: Module, parts: list[str]) -> list[str]:
    """A module shown untranslated on a translated site, marked as in its own language and
    direction (English reads left to right on an Urdu page); else `parts` as they are."""
    if not is_untranslated(context, module):
        return parts
    return [f'<div lang="{module.language}" dir="{direction(module.language)}" markdown>',
            *parts, "</div>"]


def translation_notice(context: PageContext, module: Module) -> str:
    """On a translated site: a notice on a draft translation, or on a module shown in the
    curriculum's language because it has no translation (yet); else nothing."""
    site = context.content.site
    if site.translates is None:
        return ""
    note = translation_note(module.language, module.draft_translation, site.language)
    if not note:
        return ""
    title = quoted(_("About this translation"))
    return f'!!! sp-translation "{title}"\n\n    {md(note)}'


def objectives_box(module: Module, learner: bool, title: str | None = None) -> str:
    title = title or (_("In this lesson") if learner else _("After reading this"))
    items = "\n".join(f"    - {objective}" for objective in module.objectives)
    return f'!!! sp-objectives "{quoted(title)}"\n\n{items}'


def vocabulary_box(module: Module) -> str:
    items = "\n".join(
        f"    - **{term}**: {definition}" for term, definition in module.vocabulary.items()
    )
    title = quoted(_("Words to know"))
    return f'!!! sp-vocabulary "{title}"\n\n{items}'


def urgent_box(context: PageContext, module: Module, page: ModulePage) -> str:
    """"Is this happening now?": what to do, first on lessons about threats, images and abuse.

    On learner and parent pages of topics with `urgent_help`; not in lesson plans.
    """
    site = context.content.site
    topic = context.curriculum.topic(module.topic)
    if page.view == "lesson-plan" or site.kind == "teachers" or not (topic and topic.urgent_help):
        return ""
    link = posixpath.relpath(HELP_PAGE, posixpath.dirname(page.path) or ".")
    emergency = region_emergency(context.curriculum.regions[context.region])
    if site.kind == "parents":
        lines = [
            _("**Stop**: do not reply to or pay anyone who is making threats."),
            _("**Stay with your child** and tell them it is not their fault."),
            _("**Get help now**: call {emergency} if a child is in danger, or see "
              "[where to get help]({link}).").format(emergency=phone_link(emergency), link=link),
        ]
    else:
        own, worldwide = help_channels(context.curriculum, context.region, site, urgent=True)
        line = next((c for c in own or worldwide if c.phone), None)
        get_help = (_("**Get help now**: call {name} on {phone}, or see "
                      "[all the places to get help]({link}).").format(
                          name=md(line.name), phone=phone_link(line.phone), link=link)
                    if line and line.phone else
                    _("**Get help now**: see [all the places to get help]({link}).").format(
                        link=link))
        lines = [
            _("**Stop**: do not reply, and do not send anything more."),
            _("**Tell a trusted adult** straight away. It is never your fault."),
            get_help,
        ]
    items = "\n".join(f"    - {line}" for line in lines)
    title = quoted(_("Is this happening now?"))
    return f'!!! sp-urgent "{title}"\n\n{items}'


VANITY = {letter: str(digit) for digit, letters in
          ((2, "ABC"), (3, "DEF"), (4, "GHI"), (5, "JKL"), (6, "MNO"), (7, "PQRS"), (8, "TUV"),
           (9, "WXYZ")) for letter in letters}


def dial_digits(phone: str) -> str:
    """What a phone dials: "1-800-THE-LOST (1-800-843-5678)" -> 18008435678, "0800 1111" -> 08001111.

    A number in brackets is the dialable form of the one before it; letters dial their keys.
    """
    bracketed = re.search(r"\(([+\d][\d\s().-]*)\)", phone)
    if bracketed and re.search(r"\d{3}", bracketed.group(1)):
        phone = bracketed.group(1)
    dialled = "".join(VANITY.get(ch, ch) for ch in phone.upper())
    digits = re.sub(r"[^\d+]", "", dialled)
    return ("+" if digits.startswith("+") else "") + digits.replace("+", "")


def phone_link(phone: str) -> str:
    """The number as written, as a link that dials it (text alone if it has no digits)."""
    if not re.search(r"\d", phone):  # words ("your local emergency number") dial nothing
        return md(phone)
    return f"[{md(phone)}](tel:{dial_digits(phone)})"


def sms_link(text: str, lower_first: bool = False) -> str:
    """A text instruction ("Text CONNECT to 686868") as an sms: link to the number with the
    keyword as the message body; the words stay as written."""
    shown = md(text[0].lower() + text[1:]) if lower_first and text else md(text)
    numbers = re.findall(r"\+?\d[\d ]*\d|\d", text)
    if not numbers:
        return shown
    number = re.sub(r"\s", "", numbers[-1])
    keyword = re.search(r"\btext\s+([A-Za-z0-9]+)\s+to\b", text, re.IGNORECASE)
    body = f"?body={keyword.group(1)}" if keyword and not keyword.group(1).isdigit() else ""
    return f"[{shown}](sms:{number}{body})"


def help_box(context: PageContext, page_path: str, urgent: bool = False) -> str:
    site = context.content.site
    own, worldwide = help_channels(context.curriculum, context.region, site, urgent=urgent)
    shown = (own or worldwide)[:3]
    lines = [f"    {md(site.help_prompt)}", ""]
    lines += [f"    - {channel_line(c, short=True)}" for c in shown]
    link = posixpath.relpath("get-help.md", posixpath.dirname(page_path) or ".")
    lines += ["", "    [" + _("All the places to get help") + f"]({link})"]
    title = quoted(_("Where to get help"))
    return f'!!! sp-help "{title}"\n\n' + "\n".join(lines)


def channel_line(channel: Channel, short: bool = False) -> str:
    ways = []
    if channel.phone:
        ways.append(_("call {phone}").format(phone=phone_link(channel.phone)))
    if channel.text:
        ways.append(sms_link(channel.text, lower_first=True))
    if channel.url:
        ways.append(f"[{display_url(channel.url)}]({channel.url})")
    line = f"**{md(channel.name)}**: " + _(", ").join(ways)
    if not short:
        line += f". {md(channel_purpose(channel))}"
    return line


def display_url(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def scene_path(context: PageContext, tree: DocsTree, scene: Scene) -> str | None:
    """The docs path of a scene drawn in this site's colours, or None for styles without
    pictures; each scene is drawn once per site."""
    site = context.content.site
    if site.style not in SCENE_STYLES:
        return None
    path = f"{PICTURES_DIR}/{scene.name}.svg"
    if path not in tree.assets:
        svg = scene_svg(scene, site.colour, with_characters=SCENE_STYLES[site.style])
        tree.assets[path] = svg.encode("utf-8")
    return path


def hero_picture(context: PageContext, tree: DocsTree, module: Module, page: ModulePage) -> str:
    """The topic's picture at the top of a learner lesson (picture-book and bright styles)."""
    site = context.content.site
    if page.view != "learner" or not SCENE_STYLES.get(site.style):
        return ""
    scene = topic_scene(module.topic)
    path = scene_path(context, tree, scene)
    if not path:
        return ""
    src = posixpath.relpath(path, posixpath.dirname(page.path) or ".")
    width, height = scene_size(with_characters=True)
    return f'![{md(scene.alt)}]({src}){{ .sp-hero width="{width}" height="{height}" }}'


def lesson_cards(context: PageContext, tree: DocsTree, pages: tuple[ModulePage, ...]) -> list[str]:
    """A learner home page's lessons as cards in teaching order, numbered as everywhere."""
    ordered = lesson_sequence(context.curriculum, pages)
    return page_cards(context, tree, [(page, _("Lesson {number}").format(number=n))
                                      for n, page in enumerate(ordered, 1)])


def guide_cards(context: PageContext, tree: DocsTree, pages: tuple[ModulePage, ...]) -> list[str]:
    """A parents' home page's guides as cards, each labelled with its topic."""
    topics = {topic.id: topic_title(topic) for topic in context.curriculum.topics}
    return page_cards(context, tree, [(page, topics.get(page.module.topic, ""))
                                      for page in by_topic_order(context, pages)])


def page_cards(context: PageContext, tree: DocsTree, entries: list[tuple[ModulePage, str]]
               ) -> list[str]:
    """Pages as cards: picture (in styles with pictures), label, title and one line. Raw HTML
    (the whole card is one link), every text escaped."""
    cards = ['<div class="sp-tiles">']
    for page, label in entries:
        module = page.module
        picture = scene_path(context, tree, topic_scene(module.topic))
        width, height = scene_size(SCENE_STYLES.get(context.content.site.style, False))
        image = (f'<img class="sp-tile-picture" src="{escape(picture)}" alt="" '
                 f'width="{width}" height="{height}">' if picture else "")
        href = escape(page.path.removesuffix(".md") + ".html")
        own = ("" if not is_untranslated(context, module) else  # English on an Urdu page
               f' lang="{escape(module.language)}" dir="{direction(module.language)}"')
        cards.append(f'<a class="sp-tile" href="{href}"{own}>{image}'
                     f'<span class="sp-tile-number">{escape(label)}</span>'
                     f'<span class="sp-tile-title">{escape(module.title)}</span>'
                     f'<span class="sp-tile-summary">{escape(module.summary)}</span></a>')
    return [*cards, "</div>", ""]


def credits_line(site: Site) -> str:
    """Who made the pictures, icons and font, with their licences (shipped in the site)."""
    parts = []
    if site.style in SCENE_STYLES:
        parts.append(_("Pictures: Signpost contributors, [CC BY 4.0]({licence})").format(
            licence=PICTURES_LICENCE_FILE))
    parts.append(_("Icons: Material Design Icons, [Apache 2.0]({licence})").format(
        licence=ICON_LICENCE_FILE))
    fonts = [(FONT_FAMILIES[font], f"assets/licences/{font}-OFL.txt")
             for font in site_fonts(site)]
    parts += [_("Font: {name}, [SIL Open Font License]({licence})").format(name=name,
                                                                            licence=licence)
              for name, licence in fonts]
    return ". ".join(parts) + ".\n{ .sp-credits }"


def home_page(context: PageContext, tree: DocsTree) -> str:
    site = context.content.site
    lines = [f"# {md(site.title)}", "", md(site.description), "{ .sp-summary }", ""]
    lines += [_("*For: {reader}.*").format(reader=md(site.reader)), ""]
    if site.kind == "parents":
        lines += [happened_box(context), ""]
    for section in context.content.sections:
        pages = section.pages()
        if not pages:
            continue
        lines += [f"## {md(section.section.title)}", ""]
        if section.section.view == "summary":
            for group in section.groups:
                lines.append(f"- [{group_title(group)}](learning/{group.band or 'all'}.md)")
        else:
            for group in section.groups:
                if group_title(group):
                    lines += ["", f"### {group_title(group)}", ""]
                if section.section.view == "learner":
                    lines += lesson_cards(context, tree, group.pages)
                    continue
                if section.section.view == "lesson-plan":  # numbered, as in the nav
                    for number, page in enumerate(
                            lesson_sequence(context.curriculum, group.pages), 1):
                        label = _("Lesson {number}: {title}").format(number=number,
                                                                      title=page.module.title)
                        lines.append(f"- [{label}]({page.path}): {page.module.summary}")
                    continue
                if context.content.site.kind == "parents":
                    lines += guide_cards(context, tree, group.pages)
                    continue
                for page in by_topic_order(context, group.pages):
                    lines.append(f"- [{page.module.title}]({page.path}): {page.module.summary}")
        lines.append("")
    lines += planning_links(context)
    lines += ["## " + _("Where to get help"), "", md(site.help_prompt), "",
              "[" + _("All the places to get help") + "](get-help.md)", "", credits_line(site),
              ""]
    return "\n".join(lines)


def planning_links(context: PageContext) -> list[str]:
    """A site with lesson plans: the pages for planning the unit (curriculum map, letters to
    families, what-I-know sheets; see curriculummap.py, letterpages.py, whatiknow.py)."""
    bands = list(band_lessons(context.curriculum, context.content))
    if not bands:
        return []
    def per_band(folder: str) -> str:
        return ", ".join(f"[ages {band}]({folder}/{band}.md)" for band in bands)

    return ["## Planning the unit", "",
            f"- [Curriculum map]({MAP_PAGE}): which lessons each age group takes, the "
            "Education for a Connected World strands they teach toward, their sources and "
            "last review.",
            "- Letters to families, to send home before the first lesson: "
            + per_band("letters") + ".",
            "- What I know sheets, for learners to mark before and after the unit: "
            + per_band("what-i-know") + ".", ""]


def happened_box(context: PageContext) -> str:
    """A parents' home page opens with where to go when something has already happened:
    the guides on topics with urgent help (threats, images, grooming, reporting)."""
    urgent = {t.id for t in context.curriculum.topics if t.urgent_help}
    guides = [page for section in context.content.sections
              if section.section.view == "reader" for page in section.pages()
              if page.module.topic in urgent]
    lines = [f"    - [{md(page.module.title)}]({page.path})"
             for page in by_topic_order(context, tuple(guides))]
    lines.append("    - [" + _("Get help now: who to call, text or report to") + "](get-help.md)")
    title = quoted(_("Has something already happened?"))
    return f'!!! sp-urgent "{title}"\n\n' + "\n".join(lines)


def by_topic_order(context: PageContext, pages: tuple[ModulePage, ...]) -> list[ModulePage]:
    """Pages grouped by topic as the navigation shows them (a stable sort keeps prerequisites)."""
    order = {t.id: index for index, t in enumerate(context.curriculum.topics)}
    return sorted(pages, key=lambda page: order.get(page.module.topic, len(order)))


def summary_page(context: PageContext, title: str | None, pages: tuple[ModulePage, ...]) -> str:
    band = pages[0].band if pages else None
    ages = _("Ages {band}").format(band=band) if band else _("All ages")
    lines = [
        "# " + _("What your child is learning: {ages}").format(ages=ages),
        "",
        _("These are the lessons children in this age group take part in. Each one ends with "
          "something to talk about or do together at home."),
        "{ .sp-summary }",
        "",
    ]
    for page in pages:
        module = page.module
        part = [f"## {module.title}", "", module.summary, "",
                _("Your child will be able to say:"), ""]
        part += [f"- {objective}" for objective in module.objectives]
        starters = nodes_markdown(page.body, LEARNER_LABELS, quiz_starters_markdown)
        part += ["", fill_region(starters, module, context.variables), ""]
        lines += [translation_notice(context, module), "",
                  *in_its_language(context, module, ["\n".join(part)]), ""]
    path = f"learning/{band or 'all'}.md"
    lines.append(help_box(context, path))
    return "\n".join(lines) + "\n"


def glossary_page(context: PageContext) -> str:
    terms: dict[str, tuple[str, list[str]]] = {}
    for module in context.content.modules():
        for term, definition in module.vocabulary.items():
            key = term.lower()
            if key not in terms:
                terms[key] = (term, [])
                terms[key][1].append(definition)
    lines = ["# " + _("Glossary"), "", _("Words used in these lessons, and what they mean."), ""]
    for key in sorted(terms):
        term, definitions = terms[key]
        lines += [term[0].upper() + term[1:], f":   {definitions[0]}", ""]
    if not terms:
        lines.append(_("There are no words in the glossary yet."))
    return "\n".join(lines) + "\n"


def help_page(context: PageContext, tree: DocsTree) -> str:
    site = context.content.site
    region = context.curriculum.regions[context.region]
    own, worldwide = help_channels(context.curriculum, context.region, site, urgent=True)
    lines = ["# " + _("Get help"), ""]
    picture = scene_path(context, tree, help_scene())
    if picture:
        alt = md(help_scene().alt) if SCENE_STYLES[site.style] else ""
        width, height = scene_size(SCENE_STYLES[site.style])
        size = f'width="{width}" height="{height}"'
        lines += [f"![{alt}]({picture}){{ .sp-hero {size} }}", ""]
    lines += [md(site.help_prompt), "{ .sp-summary }", ""]
    lines += [_("If someone is in danger right now, call {emergency}.").format(
        emergency=phone_link(region_emergency(region))), ""]
    if own and region.code != "global":
        lines += ["## " + _("In {country}").format(country=md(region_name(region))), ""]
        lines += channel_sections(own)
    if worldwide or region.code == "global":
        lines += ["## " + _("In any country"), ""]
        lines += channel_sections(worldwide if region.code != "global" else own)
    if has_quick_exit(site):
        lines += ["## " + _("Leaving this site quickly"), "",
                  _("The **{label}** button at the top of every page takes you straight to "
                    "{place}. Pressing the Shift key three times does the same. The Back "
                    "button will not bring you back here.").format(
                        label=_(QUICK_EXIT_LABEL), place=_(QUICK_EXIT_PLACE)), "",
                  _("It does not delete your browser history: the list of pages you visited "
                    "stays on this device."), ""]
    return "\n".join(lines) + "\n"


def channel_sections(channels: list[Channel]) -> list[str]:
    lines: list[str] = []
    for channel in channels:
        lines += [f"### {md(channel.name)}", "", md(channel_purpose(channel)), ""]
        if channel.phone:
            lines.append("- " + _("Phone: {phone}").format(phone=phone_link(channel.phone)))
        if channel.text:
            lines.append("- " + _("Text: {text}").format(text=sms_link(channel.text)))
        if channel.url:
            lines.append("- " + _("Website: {link}").format(
                link=f"[{display_url(channel.url)}]({channel.url})"))
        ages = channel_ages(channel)
        if ages:
            lines.append("- " + _("For: {whom}").format(whom=md(ages)))
        if channel.anonymous is not None:
            lines.append("- " + (_("You can stay anonymous") if channel.anonymous
                                 else _("Not anonymous: you give your name")))
        lines.append("")
        checked = channel.checked.isoformat() if channel.checked else _("unknown")
        note = _("Checked on {day} against {source}.").format(day=checked,
                                                              source=md(channel.source))
        if channel.status == "secondary":
            note += " " + (_("Only a secondary source confirms this entry ({note}).").format(
                note=md(channel.note)) if channel.note
                else _("Only a secondary source confirms this entry."))
        lines += [f"*{note}*", "{ .sp-source }", ""]
    return lines


PRINT_PAGE = "print-and-share.md"


def print_and_share_page(context: PageContext, tree: DocsTree) -> None:
    """"Print and share": the site's own downloads, and its navigation entry.

    The files sit in the published folder beside the sites (downloads/, see builder.py), so
    the links climb out of the site. They work served from build/site/; an unzipped offline
    copy holds the site alone, and the page says so. The links are HTML, not Markdown: MkDocs
    only lets Markdown links reach files of the site itself.
    """
    site = context.content.site
    sites = context.curriculum.sites.values()
    up = "../downloads"
    lines = ["# " + _("Print and share"), "",
             _("This site's downloads: to print, or to use where there is no internet."),
             "{ .sp-summary }", ""]
    if site.learner and context.has_pdf(f"packs/{site.id}.pdf"):
        pack = download_link(_("Printable pack for this site (PDF)"), f"{up}/packs/{site.id}.pdf")
        lines += ["## " + _("To print"), "",
                  "- " + _("{pack}: the handouts, cards and worksheets of every lesson here, "
                           "ready to print.").format(pack=pack), ""]
    elif site.kind == "teachers":
        guides = [download_link(f"Facilitator guide, ages {band} (PDF)", f"{up}/guides/{band}.pdf")
                  for band in AGE_BANDS if context.has_pdf(f"guides/{band}.pdf")]
        if guides:
            lines += ["## Facilitator guides", "",
                      "Lesson plans with timings, answers and safeguarding notes. Learners "
                      "never see these.", ""]
            lines += [f"- {guide}" for guide in guides]
        learner_sites = sorted((s for s in sites if s.learner and s.band
                                and context.has_pdf(f"packs/{s.id}.pdf")),
                               key=lambda s: (AGE_BANDS.index(s.band), s.id))
        if learner_sites:
            lines += ["", "## Handouts for your class", "",
                      "The learners' printable packs: handouts, cards and worksheets.", ""]
            bands = [s.band for s in learner_sites]  # named by band: no title, so a
            for s in learner_sites:                  # learner site's rename rebuilds it alone
                name = f"Learner pack, ages {s.band}"
                name += f" ({site_label(s)})" if bands.count(s.band) > 1 else ""
                lines.append(f"- {download_link(name + ' (PDF)', f'{up}/packs/{s.id}.pdf')}")
        lines.append("")
    elif site.kind == "parents" and context.has_pdf(parents_pdf(site)):
        guide = download_link(_("Parents’ guide (PDF)"), f"{up}/{parents_pdf(site)}")
        lines += ["## " + _("To print"), "",
                  "- " + _("{guide}: what children learn at each age, and how to talk about it "
                           "at home.").format(guide=guide), ""]
    lines += poster_lines(context, site, up)
    offline = download_link(_("Offline copy of this site (zip)"), f"{up}/offline/{site.id}.zip")
    others = download_link(_("All the Signpost sites and their downloads"), "../index.html")
    lines += ["## " + _("To use without the internet"), "",
              "- " + _("{offline}: unzip it onto a computer or USB stick, then open {start} in "
                       "a web browser. Every page and the search work with no internet "
                       "connection.").format(offline=offline, start=f"`{site.id}/index.html`"),
              "",
              _("Reading the offline copy? The downloads and the other sites are not inside "
                "it: get them from the web address you copied this site from."),
              "{ .sp-source }", "",
              "## " + _("Other Signpost sites"), "", f"- {others}", ""]
    tree.pages[PRINT_PAGE] = "\n".join(lines)
    tree.nav.append({_("Print and share"): PRINT_PAGE})


POSTER_PAPERS = (("a4", N_("A4")), ("letter", N_("US Letter")))


def parents_pdf(site: Site) -> str:
    """The parents' guide of a parents' site, under downloads/ (see print/documents.py)."""
    return f"guides/{site.id}.pdf"


def poster_lines(context: PageContext, site: Site, up: str) -> list[str]:
    """The one-page help posters (print/posters.py) for this site's readers: a learner
    site's own, the parents' own; the teachers' site lists every learner site's."""
    if site.kind == "teachers":
        sites = sorted((s for s in context.curriculum.sites.values() if s.learner and s.band),
                       key=lambda s: (AGE_BANDS.index(s.band or ""), s.id))
        heading, intro = "Help posters for your classroom", "One page each, for the wall."
    else:
        sites = [site]
        heading = _("Help poster")
        intro = (_("One page with where to get help, for the fridge.") if site.kind == "parents"
                 else _("One page with where to get help, for a classroom wall."))
    lines: list[str] = []
    for poster_site in sites:
        links = [download_link(_(name), f"{up}/posters/{poster_site.id}-{paper}.pdf")
                 for paper, name in POSTER_PAPERS
                 if context.has_pdf(f"posters/{poster_site.id}-{paper}.pdf")]
        if links:
            label = (f"Ages {poster_site.band}" + (f" ({site_label(poster_site)})"
                                                   if poster_site.translates else "") + ": "
                     if site.kind == "teachers" else "")
            lines.append(f"- {label}" + _(", ").join(links) + " (PDF)")
    return ["## " + heading, "", intro, "", *lines, ""] if lines else []


def group_title(group: Group) -> str | None:
    """A group of pages by band ("Ages 8-10") in the language being rendered."""
    return _("Ages {band}").format(band=group.band) if group.band else group.title


def topic_title(topic: Topic) -> str:
    """The topic's title in the language being rendered (topics.<lang>.yml), else its own."""
    return translated(topic.titles, topic.title)


def site_label(site: Site) -> str:
    """How the teachers' page tells two sites of a band apart: a language's name, or the id."""
    return language_name(site.language) if site.translates else site.id


def download_link(text: str, href: str) -> str:
    """An HTML link MkDocs leaves as written (it may point outside the site)."""
    from html import escape

    return f'<a href="{escape(href)}">{escape(text)}</a>'
