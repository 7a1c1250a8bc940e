"""The published record: one ACLED-style row per event, its Arrow schema, and row checks.

`EventRecord` is the contract with researchers: ACLED's 31 current columns in ACLED's
order (codebook §1a), then the numeric inter codes of the pre-2024 layout (`inter1_code`,
`inter2_code`, `interaction_code`: codebook §3b), then `citations`. The pydantic model checks each field; `row_problems`
adds the checks that span fields (sub-event type vs event type, interaction vs inter codes).
`ARROW_SCHEMA` is the explicit Parquet schema; `schemas/` is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, field_validator

from coder.models import Citation
from coder.taxonomy import load_taxonomy

_TAX = load_taxonomy()

EventType = Literal[
    "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
    "Strategic developments",
]
DisorderType = Literal[
    "Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"
]
InterLabel = Literal[
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
    "Civilians", "External/Other forces",
]

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", "inter1_code", "inter2_code", "interaction_code", "citations",
)


def interaction_code(inter1: int, inter2: int | None) -> int:
    """ACLED's numeric interaction (codebook §3b): the two inter codes with the smaller digit
    first (37, never 73); a one-sided event is its code followed by 0 (20)."""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high

NonEmpty = Annotated[str, Field(min_length=1)]


class EventRecord(BaseModel):
    """One event row. Field order is the column order of the Parquet file."""

    model_config = ConfigDict(extra="forbid")

    event_id_cnty: Annotated[str, Field(pattern=r"^[A-Z]{3}\d+$")]
    event_date: dt.date
    year: Annotated[int, Field(ge=1900, le=2100)]
    time_precision: Annotated[int, Field(ge=1, le=3)]
    disorder_type: DisorderType
    event_type: EventType
    sub_event_type: NonEmpty
    actor1: NonEmpty
    assoc_actor_1: str | None = None
    inter1: InterLabel
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: InterLabel | None = None
    interaction: NonEmpty
    civilian_targeting: Literal["Civilian targeting"] | None = None
    iso: Annotated[int, Field(ge=0, le=999)]
    region: NonEmpty
    country: NonEmpty
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: NonEmpty
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    geo_precision: Annotated[int, Field(ge=1, le=3)]
    source: NonEmpty
    source_scale: str | None = None
    notes: NonEmpty
    fatalities: Annotated[int, Field(ge=0)]
    tags: str | None = None
    timestamp: Annotated[int, Field(ge=0)]
    inter1_code: Annotated[int, Field(ge=1, le=8, description="inter1 as ACLED's number (1 State forces … 8 External/Other forces)")]
    inter2_code: Annotated[int | None, Field(default=None, ge=1, le=8, description="inter2 as a number; null when actor2 is blank (old exports wrote 0)")]
    interaction_code: Annotated[int, Field(ge=10, le=88, description="the inter codes, smaller first (37); one-sided: code then 0 (20)")]
    citations: Annotated[list[Citation], Field(min_length=1)]

    @field_validator("sub_event_type")
    @classmethod
    def _known_sub_event(cls, value: str) -> str:
        if value not in _TAX.sub_event_types:
            raise ValueError(f"{value!r} is not one of the 25 ACLED sub-event types")
        return value


def row_problems(record: EventRecord) -> list[tuple[str, str]]:
    """Checks that span fields: (column, problem) for each inconsistency found."""
    problems: list[tuple[str, str]] = []
    sub = _TAX.sub_event_types[record.sub_event_type]
    if sub.event_type != record.event_type:
        problems.append(("sub_event_type", f"{record.sub_event_type!r} belongs to {sub.event_type!r}, not {record.event_type!r}"))
    elif record.disorder_type != sub.disorder_type:
        problems.append(("disorder_type", f"{record.sub_event_type!r} is {sub.disorder_type!r}, not {record.disorder_type!r}"))
    if record.year != record.event_date.year:
        problems.append(("year", f"{record.year} is not the year of event_date {record.event_date}"))
    codes = {label: code for code, label in _TAX.inter_labels.items()}
    expected = _TAX.interaction(codes[record.inter1], codes[record.inter2] if record.inter2 else None)
    if record.interaction != expected:
        problems.append(("interaction", f"{record.interaction!r} does not match inter1/inter2 (expected {expected!r})"))
    if (record.actor2 is None) != (record.inter2 is None):
        problems.append(("inter2", "inter2 must be set exactly when actor2 is set"))
    for column, label, code in (("inter1_code", record.inter1, record.inter1_code),
                                ("inter2_code", record.inter2, record.inter2_code)):
        if codes.get(label) != code:
            problems.append((column, f"{code!r} does not match {column.removesuffix('_code')} {label!r} (expected {codes.get(label)!r})"))
    expected_code = interaction_code(record.inter1_code, record.inter2_code)
    if record.interaction_code != expected_code:
        problems.append(("interaction_code", f"{record.interaction_code} does not match inter1_code/inter2_code (expected {expected_code})"))
    for i, cit in enumerate(record.citations):
        if cit.end < cit.start:
            problems.append(("citations", f"citation {i}: end {cit.end} before start {cit.start}"))
    return problems


# ---------------------------------------------------------------------------
# Arrow schema
# ---------------------------------------------------------------------------

_DICT = pa.dictionary(pa.int32(), pa.string())

CITATION_TYPE = pa.struct([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("outlet", pa.string()),
    pa.field("url", pa.string()),
    pa.field("published", pa.date32()),
    pa.field("quote", pa.string(), nullable=False),
    pa.field("start", pa.int32(), nullable=False),
    pa.field("end", pa.int32(), nullable=False),
    pa.field("supports", pa.list_(pa.string()), nullable=False),
])

ARROW_SCHEMA = pa.schema([
    pa.field("event_id_cnty", pa.string(), nullable=False),
    pa.field("event_date", pa.date32(), nullable=False),
    pa.field("year", pa.int16(), nullable=False),
    pa.field("time_precision", pa.int8(), nullable=False),
    pa.field("disorder_type", _DICT, nullable=False),
    pa.field("event_type", _DICT, nullable=False),
    pa.field("sub_event_type", _DICT, nullable=False),
    pa.field("actor1", _DICT, nullable=False),
    pa.field("assoc_actor_1", pa.string()),
    pa.field("inter1", _DICT, nullable=False),
    pa.field("actor2", _DICT),
    pa.field("assoc_actor_2", pa.string()),
    pa.field("inter2", _DICT),
    pa.field("interaction", _DICT, nullable=False),
    pa.field("civilian_targeting", _DICT),
    pa.field("iso", pa.int16(), nullable=False),
    pa.field("region", _DICT, nullable=False),
    pa.field("country", _DICT, nullable=False),
    pa.field("admin1", _DICT),
    pa.field("admin2", _DICT),
    pa.field("admin3", _DICT),
    pa.field("location", pa.string(), nullable=False),
    pa.field("latitude", pa.float64(), nullable=False),
    pa.field("longitude", pa.float64(), nullable=False),
    pa.field("geo_precision", pa.int8(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("source_scale", _DICT),
    pa.field("notes", pa.string(), nullable=False),
    pa.field("fatalities", pa.int32(), nullable=False),
    pa.field("tags", pa.string()),
    pa.field("timestamp", pa.int64(), nullable=False),
    pa.field("inter1_code", pa.int8(), nullable=False),
    pa.field("inter2_code", pa.int8()),
    pa.field("interaction_code", pa.int8(), nullable=False),
    pa.field("citations", pa.list_(CITATION_TYPE), nullable=False),
])

assert tuple(ARROW_SCHEMA.names) == COLUMNS == tuple(EventRecord.model_fields), "column order drifted"


def records_to_table(records: list[EventRecord], metadata: dict[str, str] | None = None) -> pa.Table:
    """Build the Arrow table with the explicit schema (dictionary-encoding low-cardinality text)."""
    table = encode_dictionaries(records_to_chunk(records))
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    return table


PLAIN_SCHEMA = pa.schema([pa.field(f.name, pa.string(), f.nullable) if pa.types.is_dictionary(f.type) else f
                          for f in ARROW_SCHEMA])


def records_to_chunk(records: list[EventRecord]) -> pa.Table:
    """The rows as Arrow, with plain strings where the schema has dictionaries: chunks that are concatenated
    before `encode_dictionaries`, so that a row group has one dictionary per column."""
    rows = [r.model_dump() for r in records]
    columns = {field.name: pa.array([row[field.name] for row in rows], type=field.type) for field in PLAIN_SCHEMA}
    return pa.table(columns, schema=PLAIN_SCHEMA)


def encode_dictionaries(table: pa.Table) -> pa.Table:
    """A table of PLAIN_SCHEMA (contiguous columns) in ARROW_SCHEMA: low-cardinality text dictionary-encoded."""
    columns = [table.column(f.name).combine_chunks().dictionary_encode() if pa.types.is_dictionary(f.type)
               else table.column(f.name) for f in ARROW_SCHEMA]
    return pa.table(columns, schema=ARROW_SCHEMA)
