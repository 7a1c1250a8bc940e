"""Stage 8: merge. The same incident reported by several articles becomes one event.

Two mentions are one incident when they share the country and event type (and, for
strategic developments, the sub-event type), are dated within the sub-event type's merge
window (same day for violence), have compatible places and compatible perpetrators.
Grouping is the connected components of that relation over a canonical ordering, so the
result does not depend on the order articles were read, and merging twice changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coder.fatalities import combine_reports
from coder.incidents import GENERIC_ACTOR, actors_compatible
from coder.locations import choose_location, locations_compatible
from coder.models import ActorAssignment, Mention, PlaceMention, ResolvedDate
from coder.taxonomy import Taxonomy


@dataclass(frozen=True)
class MergedEvent:
    """One incident with every mention that reports it (one or more per article)."""

    mentions: tuple[Mention, ...]
    event_type: str
    sub_event_type: str
    date: ResolvedDate
    location: PlaceMention
    actors: ActorAssignment
    fatalities: int
    wounded: int | None
    tags: tuple[str, ...]

    @property
    def article_ids(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})


def _canonical(m: Mention) -> tuple:
    return (m.article_id, m.evidence[0].start, m.rule_id, m.location.start)


def same_incident(a: Mention, b: Mention, taxonomy: Taxonomy) -> bool:
    if a.location.place is None or b.location.place is None:
        return False
    if a.event_type != b.event_type:
        return False
    if a.event_type == "Strategic developments" and a.sub_event_type != b.sub_event_type:
        return False
    window = max(taxonomy.sub_event(a.sub_event_type).merge_window_days,
                 taxonomy.sub_event(b.sub_event_type).merge_window_days)
    if abs((a.date.date - b.date.date).days) > window:
        return False
    return actors_compatible(a, b) and locations_compatible(a.location, b.location)


def merge_mentions(mentions: list[Mention], taxonomy: Taxonomy) -> list[MergedEvent]:
    """Group mentions into events; each event carries the fields chosen from its mentions."""
    ordered = sorted(mentions, key=_canonical)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple, list[int]] = {}
    for i, m in enumerate(ordered):
        blocks.setdefault((m.location.place.iso3 if m.location.place else None, m.event_type), []).append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if find(i) != find(j) and same_incident(ordered[i], ordered[j], taxonomy):
                    parent[find(j)] = find(i)

    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(ordered):
        groups.setdefault(find(i), []).append(m)
    return [_combine(group, taxonomy) for group in groups.values()]


def _combine(group: list[Mention], taxonomy: Taxonomy) -> MergedEvent:
    primary = min(group, key=lambda m: (taxonomy.sub_event(m.sub_event_type).rank, _canonical(m)))
    return MergedEvent(
        mentions=tuple(group),
        event_type=primary.event_type,
        sub_event_type=primary.sub_event_type,
        date=_choose_date(group),
        location=choose_location([m.location for m in group]),
        actors=_choose_actors(group),
        fatalities=combine_reports([_per_article_max(group, a, "killed") for a in sorted({m.article_id for m in group})]),
        wounded=_lowest([_per_article_max(group, a, "wounded") for a in sorted({m.article_id for m in group})]),
        tags=tuple(sorted({t for m in group for t in m.tags})),
    )


def _per_article_max(group: list[Mention], article_id: str, attr: str) -> int | None:
    values = [getattr(m, attr) for m in group if m.article_id == article_id and getattr(m, attr) is not None]
    return max(values) if values else None


def _lowest(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _choose_date(group: list[Mention]) -> ResolvedDate:
    """The date most sources give (a stated date counts before an inferred one);
    ties go to the earlier date; precision is the finest any source gives for it."""
    votes: Counter = Counter()
    for article_id in sorted({m.article_id for m in group}):
        dated = [m.date for m in group if m.article_id == article_id]
        best = min(dated, key=lambda d: (d.kind in ("inherited", "publication"), d.time_precision, d.date))
        votes[best.date] += 1
    top = max(votes.values())
    chosen = min(d for d, n in votes.items() if n == top)
    candidates = [m.date for m in group if m.date.date == chosen]
    return min(candidates, key=lambda d: (d.time_precision, d.kind in ("inherited", "publication")))


def _choose_actors(group: list[Mention]) -> ActorAssignment:
    """A named actor beats an unidentified one; among equals, the assignment most articles give."""
    def score(a: ActorAssignment) -> tuple:
        return (0 if GENERIC_ACTOR.match(a.actor1) else 1, 1 if a.actor2 else 0,
                len(a.assoc_actor_1) + len(a.assoc_actor_2))

    counts = Counter(m.actors.model_dump_json() for m in group)
    # `group` is in canonical order and max() keeps the first of equals: deterministic.
    best = max(group, key=lambda m: (score(m.actors), counts[m.actors.model_dump_json()]))
    return best.actors
