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

from collections import defaultdict, deque

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
    """Every audit row of `events` (in canonical order, with their ids), sorted as the file holds them."""
    rows: list[dict] = []
    apart = KeptApart(taxonomy, generic_rules)
    for event, event_id in zip(events, ids, strict=True):
        rows += event_rows(event, event_id)
        rows += apart.add(event, event_id)
    rows.sort(key=row_order)
    return rows


def _row(event_id: str, kind: str, reason: str, m: Mention | None = None, **extra) -> dict:
    return {"event_id_cnty": event_id, "kind": kind, "article_id": m.article_id if m else None,
            "sentence_start": m.evidence[0].start if m else None,
            "sentence_end": m.evidence[0].end if m else None, "rule_id": m.rule_id if m else None,
            "other_event_id": None, "field": None, "value": None, "values": None, "reason": reason, **extra}


def event_rows(event: MergedEvent, event_id: str) -> list[dict]:
    """The rows of one event: its first report, the mentions that joined it, the fields settled among sources."""
    first = first_report(event)
    rows = [_row(event_id, "first report",
                 "the earliest published report of the incident; the event id derives from it", first)]
    for m in sorted(event.mentions, key=lambda m: (m.article_id, m.evidence[0].start)):
        if m is not first:
            rows.append(_row(event_id, "joined", why_together(first, m), m))
    for name, value, rule, values in event.resolutions:
        rows.append(_row(event_id, "resolved", rule, field=name, value=value, values=values))
    return rows


class KeptApart:
    """The "kept apart" rows over events taken in canonical order (so in date order): each event is compared with
    the earlier events of its country and type at most a day before it, and only those are held."""

    def __init__(self, taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()):
        self.taxonomy, self.generic_rules = taxonomy, generic_rules
        self._recent: dict[tuple, deque[tuple[MergedEvent, str]]] = defaultdict(deque)

    def add(self, event: MergedEvent, event_id: str) -> list[dict]:
        recent = self._recent[(event.location.place.iso3, event.event_type)]
        while recent and (event.date.date - recent[0][0].date.date).days > 1:
            recent.popleft()
        rows = []
        for other, other_id in recent:
            if abs((other.date.date - event.date.date).days) <= 1 and _near(other, event):
                reason = _why_kept_apart(other, event, self.taxonomy, self.generic_rules)
                rows.append(_row(other_id, "kept apart", reason, other_event_id=event_id))
        recent.append((event, event_id))
        return rows


def row_order(r: dict) -> tuple:
    """The order of the audit file's rows."""
    return (r["event_id_cnty"], _KIND_ORDER[r["kind"]], r["article_id"] or "", r["sentence_start"] or 0,
            r["field"] or "", r["other_event_id"] or "")


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
