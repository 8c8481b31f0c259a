"""Load `curriculum/` and `audiences/` into the typed model.

Loading checks shape and types only (what is needed to build a typed object);
`checks` looks at meaning. Every problem goes to the report; a file that cannot
be read is skipped, never raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .diagnostics import Report
from .files import module_files, read_text
from .model import (
    AGE_BANDS,
    BLOCK_KINDS,
    CHANNEL_ROLES,
    MODULE_AUDIENCES,
    VIEWS,
    Channel,
    Curriculum,
    Module,
    Region,
    Section,
    Selection,
    Site,
    Topic,
)
from .parse import parse_body, split_front_matter
from .yamlsource import Lines, YamlProblem, load_yaml

Item = TypeVar("Item")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MODULE_FIELDS = {
    "id", "title", "audience", "age_bands", "topic", "duration", "summary", "objectives",
    "vocabulary", "prerequisites", "framework", "sources", "last_reviewed", "waivers",
    "materials",
}  # fmt: skip
REQUIRED_MODULE_FIELDS = (
    "id", "title", "audience", "topic", "duration", "summary", "objectives", "sources",
    "last_reviewed",
)  # fmt: skip


@dataclass
class Fields:
    """Typed access to one YAML mapping, reporting wrong or missing values."""

    data: dict[str, Any]
    lines: Lines
    path: Path
    report: Report
    prefix: tuple[Any, ...] = ()

    def line(self, *key: Any) -> int:
        return self.lines.of(*self.prefix, *key)

    def _bad(self, key: str, expected: str) -> None:
        self.report.error(
            self.path, self.line(key), "SP011", f"'{key}' must be {expected}"
        )

    def missing(self, key: str) -> None:
        self.report.error(self.path, self.line(), "SP010", f"missing required field '{key}'")

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self._bad(key, "text")
            return default
        return value.strip()

    def integer(self, key: str, required: bool = True) -> int:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self._bad(key, "a whole number of minutes above 0")
            return 0
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self._bad(key, "true or false")
            return default
        return value

    def text_list(self, key: str, required: bool = False) -> list[str]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, (str, int)) and str(item).strip() for item in value
        ):
            self._bad(key, "a list of text items (put an item in double quotes if it holds ': ')")
            return []
        return [str(item).strip() for item in value]

    def mapping(self, key: str) -> dict[str, str]:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            self._bad(key, "a mapping of 'term: text' lines")
            return {}
        return {k.strip(): v.strip() for k, v in value.items()}

    def day(self, key: str, required: bool = True) -> date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.missing(key)
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.report.error(
            self.path, self.line(key), "SP023", f"'{key}' must be a date like 2026-11-01"
        )
        return None

    def sub(self, key: str | int, data: dict[str, Any]) -> Fields:
        return Fields(data, self.lines, self.path, self.report, (*self.prefix, key))


def non_empty_list(
    fields: Fields, key: str, make: Callable[[int, Any], Item | None]
) -> list[Item]:
    """Each item of the list under `key`, made by `make` (None: reported and skipped)."""
    raw = fields.data.get(key)
    if not isinstance(raw, list) or not raw:
        fields.report.error(fields.path, fields.line(key), "SP300",
                            f"'{key}' must be a non-empty list")
        return []
    return [made for index, item in enumerate(raw) if (made := make(index, item)) is not None]


def read_yaml_mapping(path: Path, report: Report, first_line: int = 1, text: str | None = None):
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
    return Fields(data, lines, path, report)


# --- topics -----------------------------------------------------------------


def load_topics(path: Path, report: Report) -> tuple[list[Topic], list[str]]:
    if not path.is_file():
        report.error(path, 1, "SP300", "missing topics file: create curriculum/topics.yml")
        return [], []
    fields = read_yaml_mapping(path, report)
    if fields is None:
        return [], []
    phrases = [p.lower() for p in fields.text_list("never_your_fault_phrases")]
    raw_topics = fields.data.get("topics")
    if not isinstance(raw_topics, list) or not raw_topics:
        report.error(path, fields.line("topics"), "SP300", "'topics' must be a non-empty list")
        return [], phrases
    topics: list[Topic] = []
    for index, item in enumerate(raw_topics):
        if not isinstance(item, dict):
            report.error(path, fields.line("topics", index), "SP011", "each topic is a mapping")
            continue
        topic = fields.sub("topics", {}).sub(index, item)
        topic_id = topic.text("id")
        min_band = topic.text("min_band", default=AGE_BANDS[0])
        if min_band not in AGE_BANDS:
            report.error(
                path, topic.line("min_band"), "SP017",
                f"unknown age band '{min_band}'; use one of {', '.join(AGE_BANDS)}",
            )
            min_band = AGE_BANDS[0]
        if topic_id and any(t.id == topic_id for t in topics):
            report.error(path, topic.line("id"), "SP014", f"duplicate topic id '{topic_id}'")
            continue
        if topic_id:
            topics.append(
                Topic(
                    topic_id,
                    topic.text("title", default=topic_id),
                    topic.text("description", required=False),
                    min_band,
                    topic.boolean("never_your_fault"),
                    topic.line(),
                )
            )
    return topics, phrases


# --- modules ----------------------------------------------------------------


def load_module(path: Path, report: Report) -> Module | None:
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
    fields = read_yaml_mapping(path, report, split.front_matter_line, split.front_matter)
    if fields is None:
        return None
    for key in fields.data:
        if key not in MODULE_FIELDS:
            report.warning(
                path, fields.line(key), "SP012",
                f"unknown field '{key}' is ignored (known: {', '.join(sorted(MODULE_FIELDS))})",
            )
    body, problems = parse_body(split.body, split.body_line)
    for problem in problems:
        report.error(path, problem.line, problem.code, problem.message)
    module_id = fields.text("id")
    audience = fields.text("audience")
    if audience and audience not in MODULE_AUDIENCES:
        report.error(
            path, fields.line("audience"), "SP016",
            f"unknown audience '{audience}'; use one of {', '.join(MODULE_AUDIENCES)}",
        )
    return Module(
        id=module_id,
        title=fields.text("title"),
        audience=audience,
        age_bands=tuple(_age_bands(fields, audience)),
        topic=fields.text("topic"),
        duration=fields.integer("duration"),
        summary=fields.text("summary"),
        objectives=fields.text_list("objectives", required=True),
        vocabulary=fields.mapping("vocabulary"),
        prerequisites=fields.text_list("prerequisites"),
        framework=fields.text_list("framework"),
        sources=fields.text_list("sources", required=True),
        last_reviewed=fields.day("last_reviewed"),
        waivers=fields.mapping("waivers"),
        materials=fields.text_list("materials"),
        body=body,
        path=path,
        lines=fields.lines,
        body_line=split.body_line,
        source_text=text,
    )


def _age_bands(fields: Fields, audience: str) -> list[str]:
    bands = fields.text_list("age_bands", required=audience == "children")
    known: list[str] = []
    for index, band in enumerate(bands):
        if band in AGE_BANDS:
            known.append(band)
        else:
            fields.report.error(
                fields.path, fields.line("age_bands", index), "SP017",
                f"unknown age band '{band}'; use one of {', '.join(AGE_BANDS)}",
            )
    return sorted(set(known), key=AGE_BANDS.index)


# --- regions ----------------------------------------------------------------


def load_region(path: Path, report: Report) -> Region | None:
    fields = read_yaml_mapping(path, report)
    if fields is None:
        return None
    code = fields.text("code", default=path.stem)
    if code != path.stem:
        report.error(
            path, fields.line("code"), "SP013",
            f"region code '{code}' must equal the file name '{path.stem}'",
        )
    channels = non_empty_list(fields, "channels", lambda i, item: _channel(fields, i, item))
    return Region(
        code=path.stem,
        name=fields.text("name", default=path.stem),
        emergency=fields.text("emergency", default="your local emergency number"),
        channels=channels,
        path=path,
        lines=fields.lines,
    )


def _channel(region: Fields, index: int, item: Any) -> Channel | None:
    if not isinstance(item, dict):
        region.report.error(
            region.path, region.line("channels", index), "SP011", "each channel is a mapping"
        )
        return None
    fields = region.sub("channels", {}).sub(index, item)
    role = fields.text("role", required=False) or None
    if role is not None and role not in CHANNEL_ROLES:
        fields.report.error(
            fields.path, fields.line("role"), "SP011",
            f"unknown channel role '{role}'; use one of {', '.join(CHANNEL_ROLES)}",
        )
        role = None
    anonymous = item.get("anonymous")
    if anonymous is not None and not isinstance(anonymous, bool):
        fields.report.error(fields.path, fields.line("anonymous"), "SP011",
                            "'anonymous' must be true or false")
        anonymous = None
    status = fields.text("status", default="verified")
    if status not in ("verified", "secondary"):
        fields.report.error(
            fields.path, fields.line("status"), "SP011",
            "'status' must be 'verified' or 'secondary' (do not ship unverified entries)",
        )
    channel = Channel(
        name=fields.text("name"),
        role=role,
        purpose=fields.text("for"),
        url=fields.text("url", required=False) or None,
        phone=fields.text("phone", required=False) or None,
        text=fields.text("text", required=False) or None,
        ages=fields.text("ages", required=False) or None,
        anonymous=anonymous,
        source=fields.text("source"),
        checked=fields.day("checked"),
        status=status,
        note=fields.text("note", required=False) or None,
        line=fields.line(),
    )
    if not (channel.url or channel.phone or channel.text):
        fields.report.error(
            fields.path, fields.line(), "SP010", "a channel needs a url, a phone or a text number"
        )
    return channel


# --- audience sites ---------------------------------------------------------


def load_site(path: Path, report: Report) -> Site | None:
    fields = read_yaml_mapping(path, report)
    if fields is None:
        return None
    site_id = fields.text("id", default=path.stem)
    if site_id != path.stem:
        report.error(
            path, fields.line("id"), "SP013",
            f"site id '{site_id}' must equal the file name '{path.stem}'",
        )
    band = fields.text("band", required=False) or None
    if band is not None and band not in AGE_BANDS:
        report.error(path, fields.line("band"), "SP017", f"unknown age band '{band}'")
        band = None
    sections = non_empty_list(fields, "sections", lambda i, item: _section(fields, i, item))
    return Site(
        id=path.stem,
        title=fields.text("title"),
        reader=fields.text("reader"),
        description=fields.text("description", required=False),
        language=fields.text("language", default="en"),
        learner=fields.boolean("learner"),
        band=band,
        style=fields.text("style", required=False, default="calm"),
        colour=fields.text("colour", required=False, default="#1a4f8b"),
        help_prompt=fields.text("help_prompt"),
        sections=sections,
        path=path,
        lines=fields.lines,
    )


def _section(site: Fields, index: int, item: Any) -> Section | None:
    if not isinstance(item, dict):
        site.report.error(site.path, site.line("sections", index), "SP011",
                          "each section is a mapping")
        return None
    fields = site.sub("sections", {}).sub(index, item)
    view = fields.text("view", default="reader")
    if view not in VIEWS:
        fields.report.error(fields.path, fields.line("view"), "SP011",
                            f"unknown view '{view}'; use one of {', '.join(VIEWS)}")
        return None
    select = item.get("select")
    if not isinstance(select, dict):
        fields.report.error(fields.path, fields.line("select"), "SP010",
                            "a section needs 'select: {audience: ..., age_bands: [...]}'")
        return None
    chooser = fields.sub("select", select)
    audience = chooser.text("audience")
    if audience not in MODULE_AUDIENCES:
        fields.report.error(fields.path, chooser.line("audience"), "SP016",
                            f"unknown audience '{audience}'")
        return None
    bands = chooser.text_list("age_bands") or None
    for band in bands or []:
        if band not in AGE_BANDS:
            fields.report.error(fields.path, chooser.line("age_bands"), "SP017",
                                f"unknown age band '{band}'")
    kinds = fields.text_list("blocks")
    for kind in kinds:
        if kind not in BLOCK_KINDS:
            fields.report.error(fields.path, fields.line("blocks"), "SP103",
                                f"unknown block kind '{kind}'")
    group_by = fields.text("group_by", required=False) or None
    if group_by not in (None, "band"):
        fields.report.error(fields.path, fields.line("group_by"), "SP011",
                            "'group_by' may only be 'band'")
        group_by = None
    return Section(
        title=fields.text("title"),
        view=view,
        select=Selection(audience, tuple(b for b in bands if b in AGE_BANDS) if bands else None),
        blocks=frozenset(k for k in kinds if k in BLOCK_KINDS),
        group_by=group_by,
        line=fields.line(),
    )


# --- the whole curriculum ---------------------------------------------------


def load_curriculum(root: Path, report: Report) -> Curriculum:
    curriculum_dir = root / "curriculum"
    audiences_dir = root / "audiences"
    topics: list = []
    phrases: list = []
    modules: dict[str, Module] = {}
    regions: dict[str, Region] = {}
    sites: dict[str, Site] = {}
    if not curriculum_dir.is_dir():
        report.error(curriculum_dir, 1, "SP300",
                     "missing folder 'curriculum/': run signpost in the project folder")
    else:
        topics, phrases = load_topics(curriculum_dir / "topics.yml", report)
        files = module_files(curriculum_dir, report)
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
        for path in sorted((curriculum_dir / "regions").glob("*.yml")):
            region = load_region(path, report)
            if region is not None:
                regions[region.code] = region
        if not regions:
            report.error(curriculum_dir / "regions", 1, "SP300",
                         "no regions: add curriculum/regions/global.yml")
    if not audiences_dir.is_dir():
        report.error(audiences_dir, 1, "SP300", "missing folder 'audiences/'")
    else:
        for path in sorted(audiences_dir.glob("*.yml")):
            site = load_site(path, report)
            if site is not None:
                sites[site.id] = site
        if not sites:
            report.error(audiences_dir, 1, "SP300", "no audience files in audiences/")
    return Curriculum(root, topics, phrases, modules, regions, sites)
