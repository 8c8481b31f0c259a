"""Load `curriculum/` and `audiences/` into the typed model.

Every file is first validated against its schema (`schema.py`): shape, types, unknown
keys. A file that fails is reported and left out; `checks` then looks at meaning.
Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from .baseconfig import load_base_config
from .diagnostics import Report
from .files import module_files, read_text
from .model import (
    AGE_BANDS,
    KIND_BLOCKS,
    Channel,
    Curriculum,
    Framework,
    Module,
    Node,
    Region,
    RegionTranslation,
    Section,
    Selection,
    Site,
    Topic,
    Translation,
)
from .parse import parse_body, split_front_matter
from .schema import (
    AudienceFile,
    AudienceTranslationFile,
    ModuleFile,
    RegionFile,
    RegionTranslationFile,
    Schema,
    TopicsFile,
    TopicsTranslationFile,
    TranslationFile,
    age_range,
    validate,
)
from .translations import is_language_tag, translation_name
from .yamlsource import Lines, YamlProblem, load_yaml

SchemaT = TypeVar("SchemaT", bound=Schema)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_yaml_mapping(
    path: Path, report: Report, first_line: int = 1, text: str | None = None
) -> tuple[dict[str, Any], Lines] | None:
    """Parse YAML that must be a mapping; None (with a report) when it is not."""
    if text is None:
        text = read_text(path, report)
        if text is None:
            return None
    try:
        data, lines = load_yaml(text, first_line)
    except YamlProblem as exc:
        report.error(path, exc.line, "SP003", exc.message)
        return None
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__.replace("str", "text")
        report.error(
            path, first_line, "SP004", f"expected a mapping of 'key: value' lines, found {kind}"
        )
        return None
    return data, lines


def read_validated(
    schema: type[SchemaT], path: Path, report: Report, first_line: int = 1,
    text: str | None = None,
) -> tuple[SchemaT, Lines] | None:
    """A YAML file (or front matter) checked against its schema; None once reported."""
    parsed = read_yaml_mapping(path, report, first_line, text)
    if parsed is None:
        return None
    data, lines = parsed
    valid = validate(schema, data, lines, path, report)
    return None if valid is None else (valid, lines)


# --- topics -----------------------------------------------------------------


def load_topics(path: Path, report: Report
                ) -> tuple[list[Topic], list[str], list[Framework]]:
    if not path.is_file():
        report.error(path, 1, "SP300", "missing topics file: create curriculum/topics.yml")
        return [], [], []
    checked = read_validated(TopicsFile, path, report)
    if checked is None:
        return [], [], []
    valid, lines = checked
    topics: list[Topic] = []
    for index, entry in enumerate(valid.topics):
        if any(t.id == entry.id for t in topics):
            report.error(path, lines.of("topics", index, "id"), "SP014",
                         f"duplicate topic id '{entry.id}'")
            continue
        topics.append(Topic(entry.id, entry.title, entry.description or "", entry.min_band,
                            entry.never_your_fault, lines.of("topics", index),
                            urgent_help=entry.urgent_help))
    frameworks = [Framework(entry.id, entry.title, tuple(entry.strands), dict(entry.bands),
                            lines.of("frameworks", index))
                  for index, entry in enumerate(valid.frameworks)]
    return topics, [p.lower() for p in valid.never_your_fault_phrases], frameworks


def file_language(path: Path, naming: str, report: Report) -> str | None:
    """The language tag a translation's file name `<name>.<lang>.yml` carries (else SP501,
    with `naming`: how to name such a file)."""
    language = path.stem.partition(".")[2]
    if not is_language_tag(language):
        report.error(path, 1, "SP501", f"'{language}' in the file name is not a language tag: "
                     f"{naming}")
        return None
    return language


def read_translation_file(schema: type[SchemaT], path: Path, language: str,
                          report: Report) -> tuple[SchemaT, Lines] | None:
    """A YAML translation file, validated, whose `language:` is its file name's."""
    checked = read_validated(schema, path, report)
    if checked is None or not same_language(path, checked[1], checked[0].language, language,
                                            report):
        return None
    return checked


def same_language(path: Path, lines: Lines, declared: str, named: str, report: Report) -> bool:
    """A translation's `language:` is the tag its file name carries (else SP501)."""
    if declared != named:
        report.error(path, lines.of("language"), "SP501", f"language '{declared}' differs "
                     f"from the file name's '{named}': make them the same")
        return False
    return True


def load_topic_titles(curriculum_dir: Path, topics: list[Topic], report: Report) -> None:
    """`topics.<lang>.yml`: the topics' titles in other languages."""
    by_id = {topic.id: topic for topic in topics}
    for path in sorted(curriculum_dir.glob("topics.*.yml")):
        language = file_language(path, "name it topics.<lang>.yml, like topics.ur.yml", report)
        checked = (read_translation_file(TopicsTranslationFile, path, language, report)
                   if language else None)
        if checked is None:
            continue
        valid, lines = checked
        for topic_id, title in valid.topics.items():
            if topic_id not in by_id:
                report.error(path, lines.of("topics", topic_id), "SP510",
                             f"'{topic_id}' is not a topic of topics.yml: write each topic's "
                             "id as topics.yml does")
                continue
            by_id[topic_id].titles[language] = title


# --- modules ----------------------------------------------------------------


def read_lesson(
    schema: type[SchemaT], path: Path, report: Report
) -> tuple[SchemaT, Lines, tuple[Node, ...], int, str] | None:
    """A module or translation file: (front matter, its lines, body, body line, text)."""
    text = read_text(path, report)
    if text is None:
        return None
    split = split_front_matter(text)
    if split.front_matter is None:
        report.error(
            path, 1, "SP002",
            "no front matter: a module starts with '---', its YAML fields, and '---'",
        )
        return None
    body, problems = parse_body(split.body, split.body_line)
    for problem in problems:
        report.error(path, problem.line, problem.code, problem.message)
    checked = read_validated(schema, path, report, split.front_matter_line, split.front_matter)
    if checked is None:
        return None
    valid, lines = checked
    return valid, lines, body, split.body_line, text


def load_module(path: Path, report: Report) -> Module | None:
    read = read_lesson(ModuleFile, path, report)
    if read is None:
        return None
    valid, lines, body, body_line, text = read
    return Module(
        id=valid.id,
        title=valid.title,
        audience=valid.audience,
        age_bands=tuple(sorted(set(valid.age_bands), key=AGE_BANDS.index)),
        topic=valid.topic,
        duration=valid.duration,
        summary=valid.summary,
        objectives=list(valid.objectives),
        vocabulary=dict(valid.vocabulary),
        prerequisites=list(valid.prerequisites),
        framework=list(valid.framework),
        sources=list(valid.sources),
        last_reviewed=valid.last_reviewed,
        waivers=dict(valid.waivers),
        materials=list(valid.materials),
        body=body,
        path=path,
        lines=lines,
        body_line=body_line,
        source_text=text,
        draft=valid.draft,
    )


# --- translations -----------------------------------------------------------


def load_translation(path: Path, modules: dict[str, Module], report: Report) -> None:
    """Read `<id>.<lang>.md` and attach it to its source module; report why it cannot be."""
    named = translation_name(path.name)
    if named is None:
        return
    module_id, language = named
    if not is_language_tag(language):
        report.error(path, 1, "SP501", f"'{language}' in the file name is not a language tag: "
                     "name a translation <id>.<lang>.md, like secrets-and-surprises.lt.md")
        return
    source = modules.get(module_id)
    if source is None or source.path.parent.resolve() != path.parent.resolve():
        if path.with_name(f"{module_id}.md").is_file():
            report.error(path, 1, "SP502", f"its source {module_id}.md has errors (shown "
                         "above) and cannot be read: fix the source first")
        else:
            report.error(path, 1, "SP502", f"a translation of '{module_id}', but there is no "
                         f"module {module_id}.md beside it: rename it or move it next to its "
                         "source")
        return
    read = read_lesson(TranslationFile, path, report)
    if read is None:
        return
    valid, lines, body, body_line, text = read
    if not same_language(path, lines, valid.language, language, report):
        return
    translated = replace(
        source, title=valid.title, summary=valid.summary, objectives=list(valid.objectives),
        vocabulary=dict(valid.vocabulary), materials=[], waivers={}, body=body, path=path,
        lines=lines, body_line=body_line, source_text=text, translations={},
        language=language, status=valid.status,
    )
    source.translations[language] = Translation(
        language, valid.status, translated, dict(valid.source_digests), path, lines)


# --- regions ----------------------------------------------------------------


def load_region(path: Path, report: Report) -> Region | None:
    checked = read_validated(RegionFile, path, report)
    if checked is None:
        return None
    valid, lines = checked
    if valid.code != path.stem:
        report.error(path, lines.of("code"), "SP013",
                     f"region code '{valid.code}' must equal the file name '{path.stem}'")
    channels = [
        Channel(name=c.name, role=c.role, purpose=c.purpose, url=c.url, phone=c.phone,
                text=c.text, ages=for_whom(c.serves.children, tuple(c.serves.adults or ())),
                anonymous=c.anonymous, source=c.source, checked=c.checked, status=c.status,
                note=c.note, line=lines.of("channels", index),
                child_ages=age_range(c.serves.children) if c.serves.children else None,
                adults=tuple(c.serves.adults or ()))
        for index, c in enumerate(valid.channels)
    ]
    return Region(code=path.stem, name=valid.name, emergency=valid.emergency,
                  channels=channels, path=path, lines=lines, law=dict(valid.law),
                  languages=tuple(valid.languages))


def load_region_translation(path: Path, regions: dict[str, Region], report: Report) -> None:
    """`<code>.<lang>.yml`: attach a region's translated words to the region."""
    code = path.stem.partition(".")[0]
    language = file_language(path, "name a region's translation <code>.<lang>.yml, like "
                             "PK.ur.yml", report)
    if language is None:
        return
    region = regions.get(code)
    if region is None:
        report.error(path, 1, "SP502", f"a translation of region '{code}', but "
                     f"curriculum/regions/{code}.yml is missing or has errors")
        return
    checked = read_translation_file(RegionTranslationFile, path, language, report)
    if checked is None:
        return
    valid, lines = checked
    names = {channel.name: channel for channel in region.channels}
    purposes: dict[str, str] = {}
    for name, purpose in valid.channels.items():
        channel = names.get(name)
        if channel is None:
            report.error(path, lines.of("channels", name), "SP510",
                         f"'{name}' names no service in {code}.yml: write each service's "
                         "name exactly as the region file does")
            continue
        channel.purposes[language] = purpose
        purposes[name] = purpose
    region.translations[language] = RegionTranslation(
        language, valid.status, valid.name, valid.emergency, purposes, dict(valid.law),
        dict(valid.source_digests), path, lines)


ADULT_WORDS = {"parents": "parents and carers", "professionals": "professionals"}


def for_whom(children: str | None, adults: tuple[str, ...]) -> str:
    """Whom a channel serves, as pages show it ("For: under 18, and any adult")."""
    if "anyone" in adults:
        grown = "any adult"
    else:
        grown = " and ".join(ADULT_WORDS[group] for group in adults).replace(
            "parents and carers and", "parents, carers and")
    if children is None:
        return "adults" if grown == "any adult" else grown
    if not grown:
        return children
    if grown == "any adult" and age_range(children) == age_range("all ages"):
        note = children[children.find("("):] if "(" in children else ""
        return f"everyone {note}".strip()
    return f"{children}, and {grown}"


# --- audience sites ---------------------------------------------------------


def load_site(path: Path, report: Report) -> Site | None:
    checked = read_validated(AudienceFile, path, report)
    if checked is None:
        return None
    valid, lines = checked
    if valid.id != path.stem:
        report.error(path, lines.of("id"), "SP013",
                     f"site id '{valid.id}' must equal the file name '{path.stem}'")
    sections = [
        Section(
            title=entry.title,
            view=entry.view,
            select=Selection(entry.select.audience,
                             tuple(entry.select.age_bands) if entry.select.age_bands else None),
            blocks=frozenset(entry.blocks) if entry.blocks is not None
            else KIND_BLOCKS[valid.kind],
            group_by=entry.group_by,
            line=lines.of("sections", index),
        )
        for index, entry in enumerate(valid.sections)
    ]
    return Site(
        id=path.stem,
        title=valid.title,
        reader=valid.reader,
        description=valid.description or "",
        language=valid.language,
        kind=valid.kind,
        band=valid.band,
        style=valid.style,
        colour=valid.colour,
        help_prompt=valid.help_prompt,
        sections=sections,
        path=path,
        lines=lines,
    )


def load_site_translation(path: Path, sites: dict[str, Site], report: Report) -> Site | None:
    """`audiences/<id>.<lang>.yml`: the site `<id>` in another language, as site `<id>-<lang>`."""
    source_id = path.stem.partition(".")[0]
    language = file_language(path, "name a site's translation <site-id>.<lang>.yml, like "
                             "parents.ur.yml", report)
    if language is None:
        return None
    source = sites.get(source_id)
    if source is None:
        if path.with_name(f"{source_id}.yml").is_file():
            report.error(path, 1, "SP502", f"its source {source_id}.yml has errors (shown "
                         "above) and cannot be read: fix the source first")
        else:
            report.error(path, 1, "SP502", f"a translation of site '{source_id}', but there is "
                         f"no audiences/{source_id}.yml")
        return None
    checked = read_translation_file(AudienceTranslationFile, path, language, report)
    if checked is None:
        return None
    valid, lines = checked
    if len(valid.sections) != len(source.sections):
        report.error(path, lines.of("sections"), "SP503",
                     f"{len(valid.sections)} section title(s), but {source_id}.yml has "
                     f"{len(source.sections)} sections: translate each title, in order")
        return None
    sections = [replace(section, title=title, line=lines.of("sections", index))
                for index, (section, title) in enumerate(zip(source.sections, valid.sections,
                                                             strict=True))]
    return replace(source, id=f"{source_id}-{language}", title=valid.title, reader=valid.reader,
                   description=valid.description or "", language=language,
                   help_prompt=valid.help_prompt, sections=sections, path=path, lines=lines,
                   translates=source_id, untranslated=valid.untranslated,
                   publish=valid.publish)


# --- the whole curriculum ---------------------------------------------------


def load_curriculum(root: Path, report: Report) -> Curriculum:
    curriculum_dir = root / "curriculum"
    audiences_dir = root / "audiences"
    topics: list = []
    phrases: list = []
    frameworks: list = []
    modules: dict[str, Module] = {}
    regions: dict[str, Region] = {}
    sites: dict[str, Site] = {}
    if not curriculum_dir.is_dir():
        report.error(curriculum_dir, 1, "SP300",
                     "missing folder 'curriculum/': run signpost in the project folder")
    else:
        topics, phrases, frameworks = load_topics(curriculum_dir / "topics.yml", report)
        load_topic_titles(curriculum_dir, topics, report)
        files = module_files(curriculum_dir, report)
        translations = [path for path in files if translation_name(path.name)]
        files = [path for path in files if not translation_name(path.name)]
        if not files:
            report.error(curriculum_dir, 1, "SP300",
                         "empty curriculum: no modules in curriculum/<topic>/<id>.md")
        for path in files:
            module = load_module(path, report)
            if module is None or not module.id:
                continue
            if module.id in modules:
                first = modules[module.id]
                report.error(
                    path, module.line_of("id"), "SP014",
                    f"duplicate module id '{module.id}' (also in {report.relative(first.path)})",
                )
                continue
            modules[module.id] = module
        for path in translations:
            load_translation(path, modules, report)
        region_files = sorted((curriculum_dir / "regions").glob("*.yml"))
        for path in (path for path in region_files if "." not in path.stem):
            region = load_region(path, report)
            if region is not None:
                regions[region.code] = region
        for path in (path for path in region_files if "." in path.stem):
            load_region_translation(path, regions, report)
        if not regions:
            report.error(curriculum_dir / "regions", 1, "SP300",
                         "no regions: add curriculum/regions/global.yml")
    if not audiences_dir.is_dir():
        report.error(audiences_dir, 1, "SP300", "missing folder 'audiences/'")
    else:
        files = sorted(audiences_dir.glob("*.yml"))
        for path in (path for path in files if "." not in path.stem):
            site = load_site(path, report)
            if site is not None:
                sites[site.id] = site
        for path in (path for path in files if "." in path.stem):
            translated = load_site_translation(path, sites, report)
            if translated is not None and translated.id in sites:
                report.error(path, 1, "SP014", f"duplicate site id '{translated.id}': "
                             f"audiences/{translated.id}.yml is a site of the same name")
            elif translated is not None:
                sites[translated.id] = translated
        if not sites:
            report.error(audiences_dir, 1, "SP300", "no audience files in audiences/")
    base_config = load_base_config(root / "mkdocs.yml", report)
    return Curriculum(root, topics, phrases, modules, regions, sites, base_config, frameworks)
