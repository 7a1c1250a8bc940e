"""Typed models that flow between the pipeline's stages.

Article (read) -> Sentence (sentences) -> Mention (incidents, with dates, places,
actors, fatalities) -> Event (merge) -> EventRecord (the published row, with citations).

Every stage takes and returns these models; only readers and writers touch the disk.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# ---------------------------------------------------------------------------
# Stage 1: read
# ---------------------------------------------------------------------------

SegmentKind = Literal["body", "heading", "caption", "chrome", "dateline"]


class Segment(BaseModel):
    """A span of the article text with its role on the page.

    `start`/`end` are character offsets into `Article.text`. Every character of the
    text belongs to at most one segment; text between segments is blank.
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    kind: SegmentKind
    story: int = 0  # 0 = the page's main story; 1.. = appended, unrelated stories
    reason: str = ""  # why a non-body kind was assigned (e.g. "photo credit", "nav pattern")


class Story(BaseModel):
    """A story found on the page. Story 0 is the main one.

    `reference_date` is what relative dates ("on Sunday") resolve against: the
    publication date for story 0; for an appended story, only a date its own body
    text states (never the page's), else None.
    """

    index: int
    start: int
    end: int
    reference_date: dt.date | None = None
    reason: str = ""


class Article(BaseModel):
    """One input article as read: text exactly as the coder saw it, plus metadata."""

    article_id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    country: str | None = None  # hint: the country the feed covers (ISO3 or name); the story's places still vote
    source_path: str = ""
    format: Literal["txt", "html", "jsonl"] = "txt"
    segments: list[Segment] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)


class ArticleRef(BaseModel):
    """What the dataset keeps of an article once it is coded, without its text: enough to cite it, name its
    source and account for it in a report. `cited` are the agencies its main story cites (coder.assemble)."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source_path: str = ""
    format: Literal["txt", "html", "jsonl"] = "txt"
    stories: int = 0
    cited: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Stage 2: sentences
# ---------------------------------------------------------------------------


class Sentence(BaseModel):
    """A sentence with character offsets into its article's text."""

    model_config = ConfigDict(frozen=True)

    index: int
    start: int
    end: int
    text: str
    kind: Literal["body", "caption"] = "body"
    story: int = 0
    paragraph: int = 0
    dateline: str | None = None  # "BAGHDAD" when the sentence opens with a dateline


# ---------------------------------------------------------------------------
# Stage 4: dates
# ---------------------------------------------------------------------------

DateKind = Literal[
    "absolute", "weekday", "relative_day", "week", "month", "year", "inherited", "publication"
]


class ResolvedDate(BaseModel):
    """The date a mention is coded with, and how it was reached."""

    date: dt.date
    time_precision: int = Field(ge=1, le=3)
    kind: DateKind
    text: str = ""  # the expression in the sentence ("early on Sunday"), "" if none
    start: int | None = None  # absolute offsets of the expression
    end: int | None = None
    reason: str = ""  # e.g. "reported early on 2020-10-11: incident before the report"


# ---------------------------------------------------------------------------
# Stage 5: places
# ---------------------------------------------------------------------------

FeatureKind = Literal[
    "country", "admin1", "admin2", "admin3", "city", "town", "village", "neighbourhood",
    "landmark", "region", "area",
]


class Place(BaseModel):
    """One gazetteer entry (or a policy region such as "southern Iraq")."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    feature: FeatureKind
    latitude: float
    longitude: float
    country: str  # "Iraq"
    iso: int  # ISO 3166 numeric (368)
    iso3: str  # "IRQ"
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    population: int | None = None
    source: str = ""  # "wof", "geonames", "supplement", "ocha", "policy"


class PlaceMention(BaseModel):
    """A place phrase in a sentence and what it resolved to.

    geo_precision follows the codebook: 1 named town/neighbourhood; 2 district,
    "near"/"outside"/"south of" a town; 3 province or vague region.
    """

    text: str  # the name as written ("Al-Tobij", "Baghdad", "southern Iraq")
    start: int  # absolute offsets of `phrase`
    end: int
    phrase: str  # the whole locative phrase ("a highway south of Baghdad")
    place: Place | None = None
    geo_precision: int = Field(ge=1, le=3)
    relation: str | None = None  # "in", "near", "outskirts", "south of", "between", "region", "capital",
    # "contains" (named as the unit another place of the sentence lies in), "metonym", "country", "site" (an
    # airport, base or mountain by the place), "compound" ("the Baghdad-Kirkuk road"), "origin", "funeral", "seat"
    bearing: float | None = None  # degrees from the anchor for directional phrases
    region_admin1: list[str] | None = None  # admin1 units a vague region covers
    unresolved: list[str] = Field(default_factory=list)  # names the gazetteer does not know
    candidates: list[str] = Field(default_factory=list)  # gazetteer ids considered, best first


# ---------------------------------------------------------------------------
# Stage 6: actors
# ---------------------------------------------------------------------------


class ActorMention(BaseModel):
    """An actor found in text, already in ACLED naming for the event's country and date."""

    entry_id: str  # actor dictionary id
    name: str  # "Unidentified Armed Group (Iraq)"
    inter: int = Field(ge=1, le=8)
    text: str = ""
    start: int | None = None
    end: int | None = None
    role: Literal["actor", "identity"] = "actor"  # identity labels go to assoc_actor


class ActorAssignment(BaseModel):
    actor1: str
    assoc_actor_1: list[str] = Field(default_factory=list)
    inter1: int = Field(ge=1, le=8)
    actor2: str | None = None
    assoc_actor_2: list[str] = Field(default_factory=list)
    inter2: int | None = Field(default=None, ge=1, le=8)
    entries: list[str] = Field(default_factory=list)  # dictionary ids used (provenance)
    reason: str = ""
    # state forces the report does not name, only implies: a generic word read as the home country's forces
    # ("warplanes", "soldiers") or the state assumed to make an arrest. Another report naming a state or foreign
    # force for that side may be right ("Russian jets").
    inferred: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------
# Stage 7: fatalities
# ---------------------------------------------------------------------------


class Casualties(BaseModel):
    """Killed and wounded as reported in one sentence. None = not mentioned."""

    killed: int | None = Field(default=None, ge=0)
    wounded: int | None = Field(default=None, ge=0)
    text: str = ""
    start: int | None = None
    end: int | None = None
    vague: bool = False  # "several", "dozens": a codebook default was applied
    at_least: bool = False
    reason: str = ""


# ---------------------------------------------------------------------------
# Stage 3: incidents (mentions), and stage 8: merged events
# ---------------------------------------------------------------------------

Field_ = Literal["event", "date", "location", "actors", "fatalities"]


class Evidence(BaseModel):
    """A sentence of one article that supports some fields of a mention or event."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    quote: str
    supports: list[Field_]


class Mention(BaseModel):
    """One incident as one article reports it (before cross-article merging)."""

    article_id: str
    story: int = 0
    rule_id: str
    event_type: str
    sub_event_type: str
    trigger: str
    date: ResolvedDate
    location: PlaceMention
    actors: ActorAssignment
    killed: int | None = None  # None = not reported (coded 0)
    wounded: int | None = None
    fatalities_note: str = ""
    evidence: list[Evidence]
    tags: list[str] = Field(default_factory=list)
    # protests and riots: content words saying who gathered and where ("engineering graduates", "oil refinery"),
    # which tell apart two gatherings in one town on one day; empty when the report does not say
    participants: list[str] = Field(default_factory=list)
    # of the article: set by the pipeline; merging (a later report's toll) and event ids (the first report) use them
    published: dt.date | None = None
    content_sha256: str = ""


class Citation(BaseModel):
    """Per-source provenance of an event row (the `citations` column)."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    supports: list[Field_]


class Skip(BaseModel):
    """Something seen and deliberately not coded, with the reason (run report)."""

    article_id: str
    stage: str
    code: str
    message: str
    start: int | None = None
    end: int | None = None
    text: str = ""


class Reject(BaseModel):
    """An input or record that failed, with the stage and an error code."""

    path: str
    article_id: str | None = None
    stage: str
    code: str
    message: str
