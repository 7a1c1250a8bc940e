"""The ACLED taxonomy (event types, sub-event types, disorder types, inter codes).

Loaded from `coder/data/taxonomy.toml`; the codebook's vocabulary, not tunable rules.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    rank: int  # position in the coding hierarchy; lower = higher in the hierarchy
    merge_window_days: int = 0
    # a sentence of this type that names no place happens where its story is set (an arrest, a defusal); False for
    # decisions taken at national level (an agreement, a change of a group's activity), placed at the capital
    story_place: bool = True
    # True: in a sentence that also reports violence this development is part of it (houses burned in a raid,
    # troops deployed during the fighting), not an event of its own
    part_of_violence: bool = False


@dataclass(frozen=True)
class Taxonomy:
    event_types: tuple[str, ...]
    sub_event_types: dict[str, SubEventType]
    inter_labels: dict[int, str]
    civilian_targeting_event_types: frozenset[str]
    civilian_targeting_sub_event_types: frozenset[str]
    civilian_targeting_value: str

    def sub_event(self, name: str) -> SubEventType:
        return self.sub_event_types[name]

    def disorder_type(self, sub_event_type: str) -> str:
        return self.sub_event_types[sub_event_type].disorder_type

    def is_valid_pair(self, event_type: str, sub_event_type: str) -> bool:
        sub = self.sub_event_types.get(sub_event_type)
        return sub is not None and sub.event_type == event_type

    def interaction(self, inter1: int, inter2: int | None) -> str:
        """ACLED 2024+ interaction label: lower code first, '<type> only' when one-sided."""
        if inter2 is None:
            return f"{self.inter_labels[inter1]} only"
        low, high = sorted((inter1, inter2))
        return f"{self.inter_labels[low]}-{self.inter_labels[high]}"

    def all_interactions(self) -> list[str]:
        codes = sorted(self.inter_labels)
        labels = [self.interaction(c, None) for c in codes]
        labels += [self.interaction(a, b) for a in codes for b in codes if a <= b]
        return labels

    def civilian_targeting(self, event_type: str, sub_event_type: str, inter2: int | None) -> str | None:
        if sub_event_type in self.civilian_targeting_sub_event_types:
            return self.civilian_targeting_value  # the protesters are the target, whoever actor2 is (codebook §7)
        if inter2 != 7:
            return None
        if event_type in self.civilian_targeting_event_types:
            return self.civilian_targeting_value
        return None


@cache
def load_taxonomy() -> Taxonomy:
    raw = tomllib.loads(resources.files("coder").joinpath("data/taxonomy.toml").read_text("utf-8"))
    subs: dict[str, SubEventType] = {}
    rank = 0
    for et in raw["event_type"]:
        for sub in et["sub_event_types"]:
            subs[sub["name"]] = SubEventType(
                name=sub["name"], event_type=et["name"], disorder_type=sub["disorder_type"],
                rank=rank, merge_window_days=sub.get("merge_window_days", 0),
                story_place=sub.get("story_place", True),
                part_of_violence=sub.get("part_of_violence", False),
            )
            rank += 1
    ct = raw["civilian_targeting"]
    return Taxonomy(
        event_types=tuple(et["name"] for et in raw["event_type"]),
        sub_event_types=subs,
        inter_labels={int(k): v for k, v in raw["inter"].items()},
        civilian_targeting_event_types=frozenset(ct["event_types"]),
        civilian_targeting_sub_event_types=frozenset(ct["sub_event_types"]),
        civilian_targeting_value=ct["value"],
    )
