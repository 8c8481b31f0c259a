"""`signpost translate`: start a translation of a module, or record that a section is current.

`signpost translate ID --lang L` writes `<id>.<L>.md` beside the module: its front matter
(`status: draft`, the fields to translate, the digest of every section of the source) and
the source's body, to translate in place. `--mark-current SECTION` (or `all`) records the
source's current digest for a section once the translation has been brought up to date.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from ..diagnostics import Report
from ..loader import ID_PATTERN, load_curriculum, read_lesson
from ..model import Module, RegionTranslation, Translation
from ..regions import translatable_texts
from ..schema import TranslationFile
from ..translations import current_digests, digest, is_language_tag

HELP = "start a translation of a module (ID.LANG.md), or mark a section of it up to date"
ALL = "all"
GUIDE = ("# signpost translate: translate title, summary, objectives, vocabulary and the text "
         "below it;\n# keep every ':::' line, '## ' heading, list item and quiz mark as they "
         "are. Leave\n# source_digests alone: signpost translate --mark-current updates it.")


class Refused(Exception):
    """A one-line reason `translate` will not write."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the id of the module to translate, or a region's code "
                        "(PK, LT) to translate its help")
    parser.add_argument("--lang", required=True,
                        help="the language tag to translate into, like lt or ur")
    parser.add_argument("--mark-current", metavar="SECTION",
                        help="record that SECTION (a name check prints, or 'all') of the "
                        "translation is up to date with its source")


def run(args: argparse.Namespace) -> int:
    if REGION_CODE.match(args.id):
        return run_region(args)
    try:
        validate(args.id, args.lang)
        module = source_module(args.root, args.id)
        target = module.path.with_name(f"{module.id}.{args.lang}.md")
        if args.mark_current is None:
            scaffold(target, module, args.lang)
        else:
            mark_current(target, module, args.lang, args.mark_current, args.root)
    except Refused as reason:
        print(f"signpost translate: {reason}", file=sys.stderr)
        return 2
    print(shown(target, args.root))
    return 0


def validate(module_id: str, language: str) -> None:
    if not ID_PATTERN.match(module_id):
        raise Refused(f"id '{module_id}' must be lowercase words joined by hyphens")
    if not is_language_tag(language):
        raise Refused(f"'{language}' is not a language tag: use one like lt, ur or pt-BR")


def source_module(root: Path, module_id: str) -> Module:
    """The module `module_id` as loaded, refusing when it (or its file) has errors."""
    report = Report(root)
    curriculum = load_curriculum(root, report)
    module = curriculum.modules.get(module_id)
    if module is None:
        raise Refused(f"no module with id '{module_id}' in curriculum/")
    problems = [d for d in report.errors if d.path == report.relative(module.path)]
    if problems:
        raise Refused(f"fix the module first: {problems[0].format()}")
    return module


def shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


# --- scaffolding ------------------------------------------------------------------------


def scaffold(target: Path, module: Module, language: str) -> None:
    if target.exists():
        raise Refused(f"{target.name} already exists; not overwriting it (to record that a "
                      "section is up to date, use --mark-current SECTION)")
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(scaffold_text(module, language))


def scaffold_text(module: Module, language: str) -> str:
    """The new translation: front matter to translate, digests, and the source's body."""
    fields = {
        "language": language,
        "status": "draft",
        "title": module.title,
        "summary": module.summary,
        "objectives": list(module.objectives),
        "vocabulary": dict(module.vocabulary),
    }
    if not module.vocabulary:
        del fields["vocabulary"]
    body = "\n".join(module.source_text.split("\n")[module.body_line - 1:])
    return (f"---\n{GUIDE}\n{dump(fields)}{dump({'source_digests': current_digests(module)})}"
            f"---\n{body}")


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000,
                          default_flow_style=False)


# --- marking sections current -----------------------------------------------------------


def mark_current(target: Path, module: Module, language: str, section: str, root: Path) -> None:
    translation = module.translations.get(language)
    if not target.exists():
        raise Refused(f"{target.name} does not exist: start it with "
                      f"signpost translate {module.id} --lang {language}")
    if translation is None:
        report = Report(root)
        load_curriculum(root, report)
        mine = [d for d in report.errors if d.path == report.relative(target)]
        reason = mine[0].format() if mine else "it could not be read"
        raise Refused(f"fix the translation first: {reason}")
    digests = updated_digests(translation, current_digests(module), section)
    original = translation.module.source_text
    rewrite_digests(translation, digests)
    report = Report(root)
    if read_lesson(TranslationFile, target, report) is None:  # a front matter we misread
        target.write_text(original, encoding="utf-8")
        raise Refused(f"could not record the digests in {target.name} (its front matter is "
                      "unusual); write 'source_digests:' as Signpost wrote it, or start afresh")


def updated_digests(translation: Translation, current: dict[str, str],
                    section: str) -> dict[str, str]:
    """The digests to record: all of the source's now, or one section's, in source order."""
    if section == ALL:
        return current
    if section not in current:
        names = ", ".join(f"'{name}'" for name in current)
        raise Refused(f"the source has no section '{section}'; its sections are: {names}, "
                      f"or {ALL}")
    recorded = dict(translation.digests)
    recorded[section] = current[section]
    ordered = {name: recorded[name] for name in current if name in recorded}
    return ordered | {name: value for name, value in recorded.items() if name not in ordered}


def rewrite_digests(translation: Translation, digests: dict[str, str]) -> None:
    """Replace the `source_digests:` lines of the front matter, leaving the rest as written."""
    text = translation.module.source_text
    lines = text.split("\n")
    end = translation.module.body_line - 2  # the closing '---'
    start = next((i for i in range(1, end) if lines[i].startswith("source_digests:")), None)
    if start is None:
        start = stop = end
    else:
        stop = start + 1
        while stop < end and (not lines[stop].strip() or lines[stop][:1] in " \t"):
            stop += 1
    block = dump({"source_digests": digests}).rstrip("\n").split("\n")
    new = "\n".join([*lines[:start], *block, *lines[stop:]])
    translation.path.write_text(new, encoding="utf-8")


# --- regions ----------------------------------------------------------------------------

REGION_CODE = re.compile(r"^(?:[A-Z]{2}|global)$")
REGION_GUIDE = ("# signpost translate: translate name, each service's text (under its name, "
                "which stays\n# as it is) and the law sentences; names, numbers and web "
                "addresses are not translated.\n# Leave source_digests alone: signpost "
                "translate --mark-current updates it.")


def run_region(args: argparse.Namespace) -> int:
    """`signpost translate PK --lang ur`: the region's help in another language."""
    try:
        if not is_language_tag(args.lang):
            raise Refused(f"'{args.lang}' is not a language tag: use one like lt, ur or pt-BR")
        report = Report(args.root)
        curriculum = load_curriculum(args.root, report)
        region = curriculum.regions.get(args.id)
        if region is None:
            raise Refused(f"no region '{args.id}' in curriculum/regions/ (or it has errors: "
                          "see signpost check)")
        target = region.path.with_name(f"{region.code}.{args.lang}.yml")
        texts = translatable_texts(curriculum, region)
        current = {name: digest(text) for name, text in texts.items()}
        if args.mark_current is None:
            if target.exists():
                raise Refused(f"{target.name} already exists; not overwriting it")
            with target.open("x", encoding="utf-8") as handle:
                handle.write(region_scaffold(texts, args.lang, current))
        else:
            mark_region_current(target, region.translations.get(args.lang), current,
                                args.mark_current)
    except Refused as reason:
        print(f"signpost translate: {reason}", file=sys.stderr)
        return 2
    print(shown(target, args.root))
    return 0


def region_scaffold(texts: dict[str, str], language: str, digests: dict[str, str]) -> str:
    fields: dict = {"language": language, "status": "draft", "name": texts["name"]}
    if "emergency" in texts:
        fields["emergency"] = texts["emergency"]
    fields["channels"] = {name: text for name, text in texts.items()
                          if name not in ("name", "emergency") and not name.startswith("law.")}
    fields["law"] = {name.removeprefix("law."): text for name, text in texts.items()
                     if name.startswith("law.")}
    return f"{REGION_GUIDE}\n{dump(fields)}{dump({'source_digests': digests})}"


def mark_region_current(target: Path, translation: RegionTranslation | None,
                        current: dict[str, str], section: str) -> None:
    if not target.exists():
        raise Refused(f"{target.name} does not exist: start it without --mark-current")
    if translation is None:
        raise Refused(f"fix {target.name} first (see signpost check)")
    if section != ALL and section not in current:
        names = ", ".join(f"'{name}'" for name in current)
        raise Refused(f"the region has no text '{section}'; its texts are: {names}, or {ALL}")
    digests = current if section == ALL else {**translation.digests,
                                              section: current[section]}
    lines = target.read_text(encoding="utf-8").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("source_digests:")),
                 len(lines))
    stop = start + 1
    while stop < len(lines) and (not lines[stop].strip() or lines[stop][:1] in " \t"):
        stop += 1
    block = dump({"source_digests": digests}).rstrip("\n").split("\n")
    target.write_text("\n".join([*lines[:start], *block, *lines[stop:]]).rstrip("\n") + "\n",
                      encoding="utf-8")
