"""`signpost new`: write a new module from a template that passes `check`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..diagnostics import Report
from ..loader import ID_PATTERN, load_topics
from ..model import AGE_BANDS, MODULE_AUDIENCES, Topic, band_index

HELP = "write a new module from a template that already passes check"
DURATIONS = {"children": 30, "parents": 15, "teachers": 30}
# Lesson lengths that fit each band (as in Common Sense's 30/45/50-minute lessons).
BAND_DURATIONS = {"4-7": 30, "8-10": 45, "11-13": 45, "14-17": 50}
DEFAULT_FAULT_PHRASE = "never your fault"


class Refused(Exception):
    """A one-line reason `new` will not write the module."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the module id: lowercase words joined by hyphens")
    parser.add_argument("--audience", required=True,
                        help=f"who the module is for: {', '.join(MODULE_AUDIENCES)}")
    parser.add_argument("--topic", required=True, help="a topic id from curriculum/topics.yml")
    parser.add_argument("--age-band", help=f"for children modules: {', '.join(AGE_BANDS)} "
                        "(default: the topic's youngest band)")


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    try:
        validate_id(args.id)
        validate_audience(args.audience)
        topics, phrases = read_topics(root)
        topic = chosen_topic(topics, args.topic)
        band = chosen_band(args.audience, args.age_band, topic)
        target = root / "curriculum" / topic.id / f"{args.id}.md"
        refuse_existing(root, args.id, target)
    except Refused as reason:
        print(f"signpost new: {reason}", file=sys.stderr)
        return 2
    text = render_module(args.id, args.audience, topic, band, phrases, date.today())
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(target.relative_to(root).as_posix() if target.is_relative_to(root) else target)
    return 0


def read_topics(root: Path) -> tuple[list[Topic], list[str]]:
    report = Report(root)
    topics, phrases, _ = load_topics(root / "curriculum" / "topics.yml", report)
    if report.errors:
        raise Refused(f"cannot read the topics: {report.errors[0].format()}")
    return topics, phrases


def chosen_topic(topics: list[Topic], topic_id: str) -> Topic:
    topic = next((t for t in topics if t.id == topic_id), None)
    if topic is None:
        known = ", ".join(t.id for t in topics)
        raise Refused(f"unknown topic '{topic_id}'; curriculum/topics.yml has: {known}")
    return topic


def validate_id(module_id: str) -> None:
    if not ID_PATTERN.match(module_id):
        raise Refused(
            f"id '{module_id}' must be lowercase words joined by hyphens, "
            "like 'secrets-and-surprises'"
        )


def validate_audience(audience: str) -> None:
    if audience not in MODULE_AUDIENCES:
        raise Refused(f"unknown audience '{audience}'; use one of {', '.join(MODULE_AUDIENCES)}")


def chosen_band(audience: str, band: str | None, topic: Topic) -> str | None:
    if audience != "children":
        if band:
            raise Refused(f"--age-band is for children modules only, not {audience} modules")
        return None
    band = band or topic.min_band
    if band not in AGE_BANDS:
        raise Refused(f"unknown age band '{band}'; use one of {', '.join(AGE_BANDS)}")
    if band_index(band) < band_index(topic.min_band):
        raise Refused(f"topic '{topic.id}' is taught from {topic.min_band} up, not to {band}")
    return band


def refuse_existing(root: Path, module_id: str, target: Path) -> None:
    if target.exists():
        raise Refused(f"{target.relative_to(root).as_posix()} already exists; not overwriting it")
    elsewhere = sorted((root / "curriculum").glob(f"*/{module_id}.md"))
    if elsewhere:
        raise Refused(
            f"a module with id '{module_id}' already exists: "
            f"{elsewhere[0].relative_to(root).as_posix()}"
        )


def render_module(
    module_id: str, audience: str, topic: Topic, band: str | None, phrases: list[str],
    today: date,
) -> str:
    environment = Environment(
        loader=PackageLoader("signpost", "templates/new"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    return environment.get_template("module.md.j2").render(
        id=module_id,
        title=module_id.replace("-", " ").capitalize(),
        audience=audience,
        topic=topic,
        band=band,
        duration=BAND_DURATIONS.get(band or "", DURATIONS[audience]),
        fault_phrase=phrases[0] if phrases else DEFAULT_FAULT_PHRASE,
        today=today.isoformat(),
    )
