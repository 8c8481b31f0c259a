"""Ids, topics, bands, prerequisites, objectives, timings and review dates."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Report
from ..loader import ID_PATTERN
from ..model import STALE_AFTER, Curriculum, Module, band_index


def check(curriculum: Curriculum, report: Report, today: date) -> None:
    for module in curriculum.modules.values():
        check_identity(module, report)
        check_topic(curriculum, module, report)
        check_objectives(module, report)
        check_timing(module, report)
        check_review(module, report, today)
        check_safeguarding_block(module, report)
        check_draft(module, report)
    check_prerequisites(curriculum, report)


def check_identity(module: Module, report: Report) -> None:
    if module.id != module.path.stem:
        report.error(
            module.path, module.line_of("id"), "SP013",
            f"id '{module.id}' must equal the file name '{module.path.stem}'",
        )
    if not ID_PATTERN.match(module.id):
        report.error(
            module.path, module.line_of("id"), "SP019",
            f"id '{module.id}' must be lowercase words joined by hyphens, like 'secrets-and-surprises'",
        )


def check_topic(curriculum: Curriculum, module: Module, report: Report) -> None:
    if not module.topic:
        return
    topic = curriculum.topic(module.topic)
    if topic is None:
        known = ", ".join(t.id for t in curriculum.topics)
        report.error(
            module.path, module.line_of("topic"), "SP015",
            f"unknown topic '{module.topic}'; topics.yml has: {known}",
        )
        return
    if module.path.parent.name != module.topic:
        report.error(
            module.path, module.line_of("topic"), "SP024",
            f"module on topic '{module.topic}' must be in curriculum/{module.topic}/",
        )
    if module.audience == "children":
        for band in module.age_bands:
            if band_index(band) < band_index(topic.min_band):
                report.error(
                    module.path, module.line_of("age_bands"), "SP401",
                    f"topic '{topic.id}' is taught from {topic.min_band} up, not to {band}",
                )


def check_objectives(module: Module, report: Report) -> None:
    count = len(module.objectives)
    if module.objectives and not 2 <= count <= 4:
        report.error(
            module.path, module.line_of("objectives"), "SP022",
            f"write 2 to 4 objectives, not {count}",
        )
    for index, objective in enumerate(module.objectives):
        if not objective.lower().startswith("i can"):
            report.warning(
                module.path, module.line_of("objectives", index), "SP022",
                "objectives are 'I can ...' statements",
            )


def check_timing(module: Module, report: Report) -> None:
    total = module.timed_minutes()
    if module.duration and total > module.duration:
        report.error(
            module.path, module.line_of("duration"), "SP110",
            f"timed blocks add up to {total} minutes, more than the duration of "
            f"{module.duration}",
        )
    elif module.duration and module.audience == "children" and \
            module.duration - total < introduction_minutes(module.duration):
        report.warning(
            module.path, module.line_of("duration"), "SP111",
            f"timed blocks leave {module.duration - total} of {module.duration} minutes for "
            f"the introduction, ground rules and close; leave at least "
            f"{introduction_minutes(module.duration)}",
        )


def introduction_minutes(duration: int) -> int:
    """The untimed part a lesson needs: introduction, ground rules, questions and close
    (a sixth or so of it, and never less than five minutes)."""
    return max(5, -(-duration * 15 // 100))


def check_review(module: Module, report: Report, today: date) -> None:
    reviewed = module.last_reviewed
    if reviewed is None:
        return
    if reviewed > today:
        report.error(
            module.path, module.line_of("last_reviewed"), "SP023",
            f"last_reviewed {reviewed.isoformat()} is in the future",
        )
    elif today - reviewed > STALE_AFTER:
        report.warning(
            module.path, module.line_of("last_reviewed"), "SP409",
            f"last safeguarding review was {reviewed.isoformat()}, over a year ago: "
            "review the module and update last_reviewed",
        )


def check_safeguarding_block(module: Module, report: Report) -> None:
    if module.audience != "children":
        return
    if not any(block.kind == "safeguarding" for block in module.blocks()):
        report.error(
            module.path, module.body_line, "SP406",
            "children modules need a ::: safeguarding block for whoever leads the lesson",
        )


# Sentences of the `signpost new` template that say what to write, not what to teach.
PLACEHOLDERS = (
    "Say in one short sentence what learners will find out.",
    "Say in one sentence what a parent or carer will know",
    "Say in one sentence what a facilitator will know",
    "Replace with the guidance this module is based on",
    "This is the text that children read.",
    "This is the text that learners read.",
    "Name the activity",
    "Say what the children do.",
    "Describe what learners do, step by step.",
    "Ask one short question here.",
    "Ask an open question about the scenario.",
    "Write the main idea here.",
    "Write the main points",
    "Write the guide for parents and carers here.",
    "Write the guidance for teachers and facilitators here",
    "Suggest one short conversation or activity to do together at home.",
    "Describe a training activity for staff, step by step.",
    "Ask an open question about your setting's practice.",
    "Notes for whoever leads: what to prepare, timings and how to adapt the lesson.",
    "Suggested answers for the activity and discussion.",
    "A conversation or activity to do at home. Parents and carers see this block",
)


def check_draft(module: Module, report: Report) -> None:
    """A draft is previewed, never built; a module that is not a draft has no template text."""
    if module.draft:
        report.warning(module.path, module.line_of("draft"), "SP415",
                       "draft: not published until you remove 'draft: true' (signpost serve "
                       "shows it meanwhile)")
        return
    for offset, line in enumerate(module.source_text.split("\n")):
        found = next((p for p in PLACEHOLDERS if p in line), None)
        if found:
            report.error(module.path, offset + 1, "SP416",
                         f"template text is still here ('{found}'): write the module's own "
                         "words, or mark it 'draft: true' until it is ready")


def check_prerequisites(curriculum: Curriculum, report: Report) -> None:
    modules = curriculum.modules
    for module in modules.values():
        for index, prerequisite in enumerate(module.prerequisites):
            if prerequisite not in modules:
                report.error(
                    module.path, module.line_of("prerequisites", index), "SP020",
                    f"unknown prerequisite '{prerequisite}'",
                )
            elif prerequisite == module.id:
                report.error(module.path, module.line_of("prerequisites", index), "SP021",
                             "a module cannot be its own prerequisite")
    for cycle in find_cycles(curriculum):
        first = modules[cycle[0]]
        report.error(
            first.path, first.line_of("prerequisites"), "SP021",
            "prerequisites form a cycle: " + " -> ".join([*cycle, cycle[0]]),
        )


def find_cycles(curriculum: Curriculum) -> list[list[str]]:
    """Each prerequisite cycle once (iterative, so long chains cannot overflow)."""
    modules = curriculum.modules
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []
    for start in sorted(modules):
        if start in state:
            continue
        trail: list[str] = [start]
        pending = [iter(modules[start].prerequisites)]
        state[start] = 1
        while pending:
            nxt = next(pending[-1], None)
            if nxt is None:
                state[trail.pop()] = 2
                pending.pop()
                continue
            if nxt not in modules or nxt == trail[-1]:
                continue
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):])
            elif nxt not in state:
                state[nxt] = 1
                trail.append(nxt)
                pending.append(iter(modules[nxt].prerequisites))
    return cycles

