"""Stage 8: merge. The same incident reported by several articles becomes one event.

Two mentions are one incident when they share the country and event type (and, for
strategic developments, the sub-event type), are dated within the sub-event type's merge
window (same day for violence), have compatible places and compatible perpetrators.
Grouping is complete-linkage over a canonical ordering: a mention joins the first group all of whose
members it is compatible with (a vague report — a province, an unnamed perpetrator — cannot chain two
distinct incidents together). The result does not depend on the order articles were read, and merging twice
changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coder.fatalities import combine_reports
from coder.incidents import GENERIC_ACTOR, actors_compatible
from coder.locations import choose_location, locations_compatible, spots_compatible
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


def same_incident(a: Mention, b: Mention, taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()) -> bool:
    if a.location.place is None or b.location.place is None:
        return False
    if a.event_type != b.event_type:
        return False
    if a.event_type == "Strategic developments" and a.sub_event_type != b.sub_event_type:
        return False
    if (a.event_type == "Explosions/Remote violence" and a.sub_event_type != b.sub_event_type
            and a.rule_id not in generic_rules and b.rule_id not in generic_rules):
        return False  # shelling and an air strike on one village the same day are two events; "an explosion" is either
    window = max(taxonomy.sub_event(a.sub_event_type).merge_window_days,
                 taxonomy.sub_event(b.sub_event_type).merge_window_days)
    if abs((a.date.date - b.date.date).days) > window:
        return False
    return (actors_compatible(a, b) and targets_compatible(a, b) and participants_compatible(a, b)
            and locations_compatible(a.location, b.location) and spots_compatible(a.location, b.location))


def _side(name: str | None) -> str | None:
    return None if name is None or GENERIC_ACTOR.match(name) else name


def targets_compatible(a: Mention, b: Mention) -> bool:
    """The same target, or one report names none (an IED on a police convoy and one on a diplomat's car the
    same day in the same city are two incidents)."""
    x, y = _side(a.actors.actor2), _side(b.actors.actor2)
    return x is None or y is None or x == y


def participants_compatible(a: Mention, b: Mention) -> bool:
    """Protests and riots: the groups taking part (associated actors: teachers, lawyers, a party) overlap, or
    one report names none. Two groups demonstrating in one city on one day are two events."""
    if a.event_type not in ("Protests", "Riots"):
        return True
    x, y = set(a.actors.assoc_actor_1), set(b.actors.assoc_actor_1)
    if x and y and not x & y:
        return False
    p, q = set(a.participants), set(b.participants)
    if x & y or p & q:
        return True
    # both reports describe the crowd (by a group ACLED names or by their own words) and share nothing of it
    return not (x or p) or not (y or q)


def merge_mentions(mentions: list[Mention], taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()
                   ) -> list[MergedEvent]:
    """Group mentions into events; each event carries the fields chosen from its mentions. `generic_rules`: ids
    of rules whose trigger names no means ("an explosion"), compatible with any sub-event type of their type."""
    ordered = sorted(mentions, key=_canonical)
    groups: list[list[Mention]] = []
    open_groups: dict[tuple, list[int]] = {}
    for m in ordered:
        block = (m.location.place.iso3 if m.location.place else None, m.event_type)
        home = next((g for g in open_groups.get(block, [])
                     if all(same_incident(x, m, taxonomy, generic_rules) for x in groups[g])), None)
        if home is None:
            open_groups.setdefault(block, []).append(len(groups))
            groups.append([m])
        else:
            groups[home].append(m)
    return [_combine(group, taxonomy) for group in groups]


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
