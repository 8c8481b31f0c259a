"""The file formats: module front matter, topics, region and audience files, as typed schemas.

Every file is validated here before anything else reads it: unknown keys are errors that
suggest the nearest known key, every value is type-checked, and values that reach HTML or
CSS (names, web addresses, colours) must be plain. Errors keep the file and line they
came from. The reference section of CONTRIBUTING.md is tested against these models.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, Union
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .diagnostics import Report
from .model import (
    ADULT_GROUPS,
    AGE_BANDS,
    BLOCK_KINDS,
    CHANNEL_ROLES,
    MODULE_AUDIENCES,
    SITE_KINDS,
    TRANSLATION_STATUSES,
    VIEWS,
)
from .yamlsource import Lines

Model = TypeVar("Model", bound=BaseModel)


def _fail(code: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(code, message)


MAX_TEXT = 2000  # a title, summary, objective or definition, not a page


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise _fail("SP011", "must not be empty")
    if len(value) > MAX_TEXT:
        raise _fail("SP011", f"must be at most {MAX_TEXT} characters, not {len(value)}")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in value):
        raise _fail("SP011", "must not hold control characters")
    return value


def _one_of(name: str, known: tuple[str, ...], code: str = "SP011"):
    def check(value: str) -> str:
        if value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise _fail(code, f"unknown {name} '{value}'{hint}; use one of {', '.join(known)}")
        return value

    return AfterValidator(check)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        raise _fail("SP023", "must be a date like 2026-11-01, without a time")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail("SP023", "must be a date like 2026-11-01")


MARKUP_CHARACTERS = re.compile(r"[<>\[\]{}`|\\]")  # emphasis marks are escaped where shown


def _plain(value: str) -> str:
    """Names shown on every page: plain words, no markup of any kind."""
    found = MARKUP_CHARACTERS.search(value)
    if found:
        raise _fail("SP011", f"must be plain text: '{found.group()}' is not allowed")
    return value


URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$")


def _https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or not URL_CHARACTERS.match(value) or \
            "'" in value:
        raise _fail("SP011", "must be a web address starting with https://")
    return value


def _phone(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _fail("SP011", f'must be text in quotes, like "{value}" (a number loses its '
                    "leading zeros and spaces)")
    return value


PHONE = re.compile(r"^[0-9A-Z+()\- ]+$")


def _phone_text(value: str) -> str:
    if not PHONE.match(value):
        raise _fail("SP011", "must hold only digits, capital letters, spaces and + ( ) -")
    return value


# The ages a channel serves: "under 19", "up to 35", "5 to 25", "13 and over", "all ages",
# then a note in brackets if the author needs one ("under 18 (under-13s need no ID)").
AGE_RANGE = re.compile(
    r"^(?:(?P<all>all ages|any age)|under (?P<under>\d{1,2})|up to (?P<upto>\d{1,2})"
    r"|(?P<low>\d{1,2}) ?(?:to|-) ?(?P<high>\d{1,2})|(?P<over>\d{1,2}) and over)"
    r"(?: \([^()]+\))?$"
)
OLDEST = 120


def age_range(text: str) -> tuple[int, int] | None:
    """(lowest, highest) age in a `serves: {children: ...}` text, or None if it is not one."""
    match = AGE_RANGE.match(text.strip())
    if not match:
        return None
    if match["all"]:
        return (0, OLDEST)
    if match["under"]:
        return (0, int(match["under"]) - 1)
    if match["upto"]:
        return (0, int(match["upto"]))
    if match["over"]:
        return (int(match["over"]), OLDEST)
    low, high = int(match["low"]), int(match["high"])
    return (low, high) if low <= high else None


def _ages(value: str) -> str:
    if age_range(value) is None:
        raise _fail("SP011", "must be ages like 'under 19', 'up to 35', '5 to 25', "
                    "'13 and over' or 'all ages' (a note may follow in brackets)")
    return value


COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _colour(value: str) -> str:
    if not COLOUR.match(value):
        raise _fail("SP011", "must be a colour like \"#1a4f8b\" (in quotes)")
    return value


LAW_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def _law_key(value: str) -> str:
    if not LAW_KEY.match(value):
        raise _fail("SP011", "must be lowercase letters, digits and _, like ai_images")
    return value


LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def _language(value: str) -> str:
    if not LANGUAGE.match(value):
        raise _fail("SP011", "must be a language tag like en, cy or en-GB")
    return value


Text = Annotated[str, AfterValidator(_text)]
TextList = Annotated[list[Text], BeforeValidator(_as_list)]
Day = Annotated[date, BeforeValidator(_day)]
PlainName = Annotated[str, AfterValidator(_text), AfterValidator(_plain)]
PlainText = PlainName  # text from region, topic and audience files that pages show as is
HttpsUrl = Annotated[str, AfterValidator(_text), AfterValidator(_https)]
PhoneNumber = Annotated[str, BeforeValidator(_phone), AfterValidator(_text),
                        AfterValidator(_phone_text)]
# "112", or words where a country has no single number ("your local emergency number").
Emergency = Annotated[str, BeforeValidator(_phone), AfterValidator(_text), AfterValidator(_plain)]
Colour = Annotated[str, AfterValidator(_colour)]
Language = Annotated[str, AfterValidator(_language)]
AgeBand = Annotated[str, _one_of("age band", AGE_BANDS, "SP017")]
LawKey = Annotated[str, AfterValidator(_law_key)]
AgeBands = Annotated[list[AgeBand], BeforeValidator(_as_list)]
ModuleAudience = Annotated[str, _one_of("audience", MODULE_AUDIENCES, "SP016")]
BlockKind = Annotated[str, _one_of("block kind", BLOCK_KINDS, "SP103")]
Role = Annotated[str, _one_of("channel role", CHANNEL_ROLES)]
ChildAges = Annotated[str, AfterValidator(_text), AfterValidator(_plain), AfterValidator(_ages)]
AdultGroup = Annotated[str, _one_of("adult group", ADULT_GROUPS)]
AdultGroups = Annotated[list[AdultGroup], BeforeValidator(_as_list), Field(min_length=1)]
SiteKind = Annotated[str, _one_of("site kind", SITE_KINDS)]
View = Annotated[str, _one_of("view", VIEWS)]
Minutes = Annotated[int, Field(gt=0)]


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True,
                              populate_by_name=True)


# --- modules ----------------------------------------------------------------------------


class ModuleFile(Schema):
    """The front matter of a module: `curriculum/<topic>/<id>.md`."""

    id: Text = Field(description="lowercase words joined by hyphens; the file name without "
                     "`.md`; unique")
    title: Text = Field(description="the page title (not repeated as a `# ` heading)")
    audience: ModuleAudience = Field(description="`children`, `parents` or `teachers`")
    age_bands: AgeBands = Field([], description="children modules: the bands the lesson is "
                                "for (`4-7`, `8-10`, `11-13`, `14-17`), none below the "
                                "topic's `min_band`")
    topic: Text = Field(description="a topic id from `curriculum/topics.yml`; the file lives "
                        "in that folder")
    duration: Minutes = Field(description="whole minutes for the lesson; the timed blocks "
                              "must fit in it")
    summary: Text = Field(description="one or two sentences; parents see it in \"What your "
                          "child is learning\"")
    objectives: TextList = Field(min_length=1, description="2 to 4 \"I can ...\" statements")
    vocabulary: dict[Text, Text] = Field({}, description="`term: definition` lines; they "
                                         "build each site's glossary")
    prerequisites: TextList = Field([], description="ids of modules taught first; they order "
                                    "the navigation")
    framework: TextList = Field([], description="curriculum references: a framework in "
                                "`topics.yml`, a strand and, for a lesson, the framework's band, "
                                "such as `EfCW Online relationships 7-11` (SP025)")
    sources: TextList = Field(min_length=1, description="the guidance or evidence the module "
                              "follows")
    last_reviewed: Day = Field(description="date of the last safeguarding review, like "
                               "`2026-11-21`")
    waivers: dict[Text, Text] = Field({}, description="rules this module is excused from, "
                                      "`SP408: the reason`")
    materials: TextList = Field([], description="anything else to print or bring; the lesson "
                                "plan lists these after the lesson's card sets and worksheets")
    draft: bool = Field(False, description="`true`: previewed by `signpost serve`, never "
                        "built; `signpost new` writes drafts")

    @model_validator(mode="after")
    def children_have_bands(self) -> ModuleFile:
        if self.audience == "children" and not self.age_bands:
            raise _fail("SP010", "a children module needs 'age_bands', e.g. [8-10]")
        return self


TranslationStatus = Annotated[str, _one_of("translation status", TRANSLATION_STATUSES, "SP011")]


class TranslationFile(Schema):
    """The front matter of a translation: `curriculum/<topic>/<id>.<lang>.md`."""

    language: Language = Field(description="the language tag of the file name (`lt`, `ur`)")
    status: TranslationStatus = Field(description="`draft` until a fluent reviewer has read "
                                      "it, then `reviewed`")
    title: Text = Field(description="the module's title, translated")
    summary: Text = Field(description="its summary, translated")
    objectives: TextList = Field(min_length=1, description="its objectives, translated")
    vocabulary: dict[Text, Text] = Field({}, description="its glossary, terms and "
                                         "definitions translated")
    source_digests: dict[Text, Text] = Field({}, description="per section of the source, a "
                                             "digest of the text translated; written by "
                                             "`signpost translate`, never by hand")


# --- topics -----------------------------------------------------------------------------


class TopicEntry(Schema):
    """One item of `topics:` in `curriculum/topics.yml`."""

    id: Text = Field(description="the folder name under `curriculum/` and a module's `topic`")
    title: PlainText = Field(description="the strand's name in navigation and guides")
    description: PlainText | None = Field(None, description="one sentence on what the strand "
                                          "covers")
    min_band: AgeBand = Field(AGE_BANDS[0], description="the youngest band a children module "
                              "on this topic may serve")
    never_your_fault: bool = Field(False, description="`true`: children modules on this topic "
                                   "must say that it is never the child's fault")
    urgent_help: bool = Field(False, description="`true`: lessons on this topic open with an "
                              "\"Is this happening now?\" box that links to the help page (for "
                              "threats, images and abuse; never a 4-7 topic)")


class FrameworkEntry(Schema):
    """One item of `frameworks:` in `curriculum/topics.yml`: a framework that tags name."""

    id: Text = Field(description="the first word of a tag, like `EfCW`")
    title: PlainText = Field(description="the framework's full name, shown on the curriculum map")
    strands: TextList = Field(min_length=1, description="its strands; a tag is `<id> <strand>`, "
                              "then the framework's band for a lesson")
    bands: dict[AgeBand, Text] = Field({}, description="the framework's band for each of our "
                                       "age bands, like `8-10: 7-11`")


class TopicsFile(Schema):
    """`curriculum/topics.yml`: the topic strands, in the order sites list them."""

    never_your_fault_phrases: TextList = Field([], description="phrases that count as saying "
                                               "\"it is never your fault\" (rule SP402)")
    topics: list[TopicEntry] = Field(min_length=1, description="the strands, in order (each "
                                     "as below)")
    frameworks: list[FrameworkEntry] = Field([], description="curriculum frameworks modules map "
                                             "to (each as below); when given, every `framework:` "
                                             "tag must name one of their strands (SP025)")


class TopicsTranslationFile(Schema):
    """`curriculum/topics.<lang>.yml`: the topics' titles in another language."""

    language: Language = Field(description="the language tag of the file name (`ur`, `lt`)")
    topics: dict[Text, PlainText] = Field(description="each topic's title, translated, under "
                                          "its `id`")


# --- regions ----------------------------------------------------------------------------


class ServesEntry(Schema):
    """The `serves:` of a channel: whom it is for (children, adults or both)."""

    children: ChildAges | None = Field(None, description="the ages of the children it serves: "
                                       "`all ages`, `any age`, `under 19`, `up to 35`, `5 to 25` "
                                       "or `13 and over`, a note in brackets after if needed; "
                                       "pages show it with the adults (`For: under 18, and any "
                                       "adult`), and a learner site lists the channel only if "
                                       "these ages meet its band")
    adults: AdultGroups | None = Field(None, description="the adults it serves, a list of "
                                       "`anyone`, `parents` (and carers), `professionals` "
                                       "(teachers and other staff); a parents' or teachers' site "
                                       "lists the lines for its readers")

    @model_validator(mode="after")
    def someone(self) -> ServesEntry:
        if self.children is None and self.adults is None:
            raise _fail("SP010", "'serves' needs 'children', 'adults' or both")
        return self


class ChannelEntry(Schema):
    """One item of `channels:` in a region file: a helpline or reporting service."""

    name: PlainName = Field(description="the service's name, plain text")
    role: Role = Field(description="what it is for, one of " +
                       ", ".join(f"`{r}`" for r in CHANNEL_ROLES) +
                       "; the role decides which sites list it (a 4-7 site: only "
                       "`child-helpline` and `emergency`)")
    purpose: PlainText = Field(alias="for", description="who it is for and what it does, one "
                               "or two sentences")
    url: HttpsUrl | None = Field(None, description="its web address, starting `https://`")
    phone: PhoneNumber | None = Field(None, description="its phone number, in quotes "
                                      "(`\"0800 1111\"`)")
    text: PlainText | None = Field(None, description="how to text it, as a sentence (`Text "
                                   "CONNECT to 686868`)")
    serves: ServesEntry = Field(description="whom it serves (as below), "
                                "`{children: under 19}` or `{adults: [parents]}`")
    anonymous: bool | None = Field(None, description="`true` if you can stay anonymous")
    source: PlainText = Field(description="where the entry was checked")
    checked: Day = Field(description="when it was checked; over a year ago is warning SP310")
    status: Literal["verified", "secondary"] = Field(
        "verified", description="`verified`, or `secondary` when only a third-party page "
        "confirms it (pages say so)")
    note: PlainText | None = Field(None, description="what a secondary source left unconfirmed")

    @model_validator(mode="after")
    def reachable(self) -> ChannelEntry:
        if not (self.url or self.phone or self.text):
            raise _fail("SP010", "a channel needs a url, a phone or a text number")
        return self


class RegionFile(Schema):
    """`curriculum/regions/<code>.yml`: where to get help in one country (or `global`)."""

    code: Text = Field(description="the file name without `.yml` (`GB`, `global`)")
    name: PlainName = Field(description="the country's name, as pages show it")
    emergency: Emergency = Field(description="the emergency number in quotes (`\"999\"`), or "
                                 "words where there is none (`your local emergency number`)")
    channels: list[ChannelEntry] = Field(min_length=1, description="the services (each as "
                                         "below)")
    law: dict[LawKey, PlainText] = Field({}, description="sentences on the law that modules "
                                         "use as `{{ region.law.<key> }}` (`under_18_images`, "
                                         "`ai_images`); a key a region lacks comes from "
                                         "`global.yml`, which words it for any country")
    languages: list[Language] = Field([], description="languages, besides the curriculum's "
                                      "own, that a build for this region publishes sites in "
                                      "(`[ur]`): each audience with a translation file "
                                      "`audiences/<id>.<lang>.yml` gets a site in it")


class RegionTranslationFile(Schema):
    """`curriculum/regions/<code>.<lang>.yml`: a region's help in another language. Names,
    numbers and web addresses stay as the region file has them."""

    language: Language = Field(description="the language tag of the file name (`ur`, `lt`)")
    status: TranslationStatus = Field(description="`draft` until a fluent reviewer has read "
                                      "it, then `reviewed`")
    name: PlainName | None = Field(None, description="the country's name, translated")
    emergency: PlainText | None = Field(None, description="`emergency`, translated, when it "
                                        "is words rather than a number")
    channels: dict[Text, PlainText] = Field({}, description="each service's `for:`, "
                                            "translated, under the service's `name` as the "
                                            "region file writes it")
    law: dict[LawKey, PlainText] = Field({}, description="the region's `law:` sentences "
                                         "(and those it takes from `global.yml`), translated")
    source_digests: dict[Text, Text] = Field({}, description="per translated text, a digest "
                                             "of the source translated; written by "
                                             "`signpost translate`, never by hand")


# --- audience sites ---------------------------------------------------------------------


class SelectEntry(Schema):
    """The `select:` of a section: which modules it holds."""

    audience: ModuleAudience = Field(description="the modules' `audience`")
    age_bands: AgeBands | None = Field(None, description="children modules of these bands "
                                       "(a learner site: its own band only)")


class SectionEntry(Schema):
    """One item of `sections:` in an audience file."""

    title: PlainText = Field(description="the section's name in navigation")
    view: View = Field("reader", description="`learner`, `reader`, `summary` (parents' \"what "
                       "your child is learning\") or `lesson-plan`")
    select: SelectEntry = Field(description="which modules (as below)")
    blocks: list[BlockKind] | None = Field(None, description="narrows the blocks shown; never "
                                           "beyond what the site's `kind` allows")
    group_by: Literal["band"] | None = Field(None, description="`band`: one group per age "
                                             "band")


class AudienceFile(Schema):
    """`audiences/<site-id>.yml`: one generated site."""

    id: Text = Field(description="the file name without `.yml`; the site's folder")
    title: PlainText = Field(description="the site's name")
    reader: PlainText = Field(description="who reads it, shown on its home page")
    description: PlainText | None = Field(None, description="one sentence for the home page "
                                          "and the landing page")
    language: Language = Field("en", description="a language tag (`en`, `cy`, `en-GB`)")
    kind: SiteKind = Field(description="`learner` (activity, discussion, keypoints, cards, "
                           "worksheet, quiz), `parents` (keypoints, family, quiz) or `teachers` "
                           "(every block): what the site may ever show")
    band: AgeBand | None = Field(None, description="a learner site's age band; it shows "
                                 "lessons of that band only")
    style: Literal["picture-book", "bright", "teen", "calm", "dense"] = Field(
        "calm", description="the site's look: `picture-book` (ages 4-7: big type, pictures, "
        "the characters beside activities), `bright` (8-13: friendly, pictures), `teen` "
        "(phone-first, icons not characters), `calm` (parents) or `dense` (teachers)")
    colour: Colour = Field("#1a4f8b", description="the site's colour in quotes "
                           "(`\"#00695c\"`)")
    help_prompt: PlainText = Field(description="the sentence that opens every help box")
    sections: list[SectionEntry] = Field(min_length=1, description="what the site holds (each "
                                         "as below)")


Untranslated = Literal["source", "omit"]
Publish = Literal["drafts", "reviewed"]


class AudienceTranslationFile(Schema):
    """`audiences/<site-id>.<lang>.yml`: the site `<site-id>` in another language, published
    as `<site-id>-<lang>`; everything it does not say comes from `<site-id>.yml`."""

    language: Language = Field(description="the language tag of the file name (`ur`, `lt`)")
    title: PlainText = Field(description="the site's name, translated")
    reader: PlainText = Field(description="who reads it, translated")
    description: PlainText | None = Field(None, description="its one sentence, translated")
    help_prompt: PlainText = Field(description="the sentence that opens every help box, "
                                   "translated")
    sections: list[PlainText] = Field(min_length=1, description="the sections' titles, "
                                      "translated, in the order of the source's `sections:`")
    untranslated: Untranslated = Field("source", description="a module with no translation "
                                       "(yet): `source` shows it in the curriculum's language "
                                       "with a note saying so, `omit` leaves it out")
    publish: Publish = Field("drafts", description="`drafts` publishes draft translations "
                             "with a notice on every page and in print; `reviewed` publishes "
                             "reviewed ones only (a draft counts as untranslated)")


# --- validation with lines --------------------------------------------------------------

RENAMED = {"learner": "the 'learner' flag was replaced by 'kind: learner' (or parents, "
                      "teachers): the kind decides which blocks a site may show"}
# A word authors use -> the key(s) meant, space-separated: the first one the file has.
SYNONYMS = {"purpose": "for", "description": "for", "telephone": "phone", "website": "url",
            "link": "url", "sms": "text", "colour_scheme": "colour", "color": "colour",
            "age": "age_bands", "ages": "age_bands serves", "bands": "age_bands",
            "for_ages": "serves", "audience": "serves"}
EXPECTED = {
    "string_type": "text (put it in double quotes if it looks like a number, date or list)",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of 'key: value' lines",
    "model_type": "a mapping of 'key: value' lines",
    "date_type": "a date like 2026-11-01",
}


def validate(schema: type[Model], data: Any, lines: Lines, path: Path, report: Report,
             prefix: tuple[Any, ...] = ()) -> Model | None:
    """The validated file, or None after reporting every problem with its line."""
    try:
        return schema.model_validate(data)
    except ValidationError as invalid:
        for error in invalid.errors(include_url=False):
            code, message = describe(schema, error)
            report.error(path, lines.of(*prefix, *error["loc"]), code, message)
        return None


def describe(schema: type[BaseModel], error: Any) -> tuple[str, str]:
    """(code, message) for one pydantic error, in words an author can act on."""
    loc = tuple(error["loc"])
    kind = error["type"]
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "value")
    if re.fullmatch(r"SP\d{3}", kind):
        return kind, error["msg"] if kind == "SP010" else f"'{field}' {error['msg']}"
    if kind == "missing":
        return "SP010", f"missing required field '{field}'"
    if kind == "extra_forbidden":
        if field in RENAMED:
            return "SP012", f"unknown field '{field}': {RENAMED[field]}"
        known = known_keys(schema, loc[:-1])
        close = [key for key in SYNONYMS.get(field, "").split() if key in known][:1] or \
            difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return "SP012", f"unknown field '{field}'{hint} (known: {', '.join(known)})"
    if kind == "literal_error":
        return "SP011", f"'{field}' must be {error['ctx']['expected']}"
    if kind == "greater_than":
        return "SP011", f"'{field}' must be a whole number above {error['ctx']['gt']}"
    if kind == "too_short":
        return "SP011", f"'{field}' must not be empty"
    return "SP011", f"'{field}' must be {EXPECTED.get(kind, error['msg'].lower())}"


def known_keys(schema: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the schema allows in the mapping at `loc`."""
    annotation: Any = schema
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            annotation = typing.get_args(annotation)[0] if typing.get_args(annotation) else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = next((f for name, f in annotation.model_fields.items()
                          if part in (name, f.alias)), None)
            annotation = field.annotation if field else None
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [f.alias or name for name, f in annotation.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """list[X] stays; Annotated[X, ...] and X | None become X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation


# The reference section of CONTRIBUTING.md, in order: each file format and its parts.
REFERENCE: tuple[type[Schema], ...] = (
    ModuleFile, TranslationFile, TopicsFile, TopicEntry, FrameworkEntry, TopicsTranslationFile,
    RegionFile,
    ChannelEntry, ServesEntry, RegionTranslationFile, AudienceFile, SectionEntry, SelectEntry,
    AudienceTranslationFile,
)


def reference_markdown() -> str:
    """The file-format reference, written from the schemas themselves."""
    parts = []
    for schema in REFERENCE:
        rows = ["| key | required | default | what it holds |", "| --- | --- | --- | --- |"]
        for name, field in schema.model_fields.items():
            required = field.is_required()
            default = "" if required else _shown(field.default)
            rows.append(f"| `{field.alias or name}` | {'yes' if required else 'no'} | "
                        f"{default} | {field.description} |")
        parts.append(f"#### {schema.__doc__}\n\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value in ([], {}):
        return "`[]`" if value == [] else "`{}`"
    return f"`{value}`"


if __name__ == "__main__":  # the reference section of CONTRIBUTING.md
    from .baseconfig import reference_markdown as base_config_reference

    print(reference_markdown() + "\n" + base_config_reference(), end="")
