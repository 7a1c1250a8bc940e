"""The merge audit (DIR/merges.parquet): which mentions joined which event and why, which near-matches were kept
apart and why, and how fields the sources disagree on were settled.

One row per:
  - "first report": the mention an event's id derives from;
  - "joined": every other mention of the event, with what it shares with the first report;
  - "kept apart": a pair of events of one country and event type, at most a day apart, in one province or
    within NEAR_KM of each other, with the first check that failed between their mentions;
  - "resolved": a field settled among several sources (fatalities, location, event_date, actor1), with the
    values each source gave and the rule applied.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pyarrow as pa
from geopy.distance import great_circle

from coder.assemble import first_report
from coder.merge import MergedEvent, why_apart, why_together
from coder.models import Mention
from coder.taxonomy import Taxonomy

NEAR_KM = 50.0
AUDIT_SCHEMA = pa.schema([
    pa.field("event_id_cnty", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("article_id", pa.string()),
    pa.field("sentence_start", pa.int32()),
    pa.field("sentence_end", pa.int32()),
    pa.field("rule_id", pa.string()),
    pa.field("other_event_id", pa.string()),
    pa.field("field", pa.string()),
    pa.field("value", pa.string()),
    pa.field("values", pa.string()),
    pa.field("reason", pa.string(), nullable=False),
])


def audit_rows(events: list[MergedEvent], ids: list[str], taxonomy: Taxonomy,
               generic_rules: frozenset[str] = frozenset()) -> list[dict]:
    rows: list[dict] = []

    def row(event_id: str, kind: str, reason: str, m: Mention | None = None, **extra) -> None:
        rows.append({"event_id_cnty": event_id, "kind": kind, "article_id": m.article_id if m else None,
                     "sentence_start": m.evidence[0].start if m else None,
                     "sentence_end": m.evidence[0].end if m else None, "rule_id": m.rule_id if m else None,
                     "other_event_id": None, "field": None, "value": None, "values": None, "reason": reason,
                     **extra})

    for event, event_id in zip(events, ids, strict=True):
        first = first_report(event)
        row(event_id, "first report", "the earliest published report of the incident; the event id derives from it",
            first)
        for m in sorted(event.mentions, key=lambda m: (m.article_id, m.evidence[0].start)):
            if m is not first:
                row(event_id, "joined", why_together(first, m), m)
        for name, value, rule, values in event.resolutions:
            row(event_id, "resolved", rule, field=name, value=value, values=values)

    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        blocks[(e.location.place.iso3, e.event_type)].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: events[i].date.date)
        for x, y in combinations(members, 2):
            a, b = events[x], events[y]
            if abs((a.date.date - b.date.date).days) > 1 or not _near(a, b):
                continue
            reason = _why_kept_apart(a, b, taxonomy, generic_rules)
            row(ids[x], "kept apart", reason, other_event_id=ids[y])
    rows.sort(key=lambda r: (r["event_id_cnty"], _KIND_ORDER[r["kind"]], r["article_id"] or "",
                             r["sentence_start"] or 0, r["field"] or "", r["other_event_id"] or ""))
    return rows


_KIND_ORDER = {"first report": 0, "joined": 1, "resolved": 2, "kept apart": 3}


def _near(a: MergedEvent, b: MergedEvent) -> bool:
    p, q = a.location.place, b.location.place
    if p.admin1 and p.admin1 == q.admin1:
        return True
    return great_circle((p.latitude, p.longitude), (q.latitude, q.longitude)).km <= NEAR_KM


def _why_kept_apart(a: MergedEvent, b: MergedEvent, taxonomy: Taxonomy, generic_rules: frozenset[str]) -> str:
    for m in a.mentions:
        for n in b.mentions:
            reason = why_apart(m, n, taxonomy, generic_rules)
            if reason is not None:
                return reason
    return "every report fits both, and each joined the event it was grouped with first (complete linkage)"


def audit_table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=AUDIT_SCHEMA)
