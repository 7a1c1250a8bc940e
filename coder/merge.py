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

import datetime as dt
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from dataclasses import dataclass

from coder.crowds import crowd_kinds, origins, same_crowd, singular, solidarity_kinds, specific, workplaces
from coder.grievances import grievances, opposed, same_grievance, stances
from coder.incidents import GENERIC_ACTOR, TAKEN_SUB_EVENTS, VENUE, actors_compatible
from coder.locations import choose_location, locations_compatible, same_spot_name, spots_compatible
from coder.models import ActorAssignment, Mention, PlaceMention, ResolvedDate
from coder.sites import named_sites, same_target, sites_compatible, target_kinds
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
    # how fields the sources disagree on were settled: (field, chosen value, rule, per-source values)
    resolutions: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def article_ids(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})


def _canonical(m: Mention) -> tuple:
    return (m.article_id, m.evidence[0].start, m.rule_id, m.location.start)


def same_incident(a: Mention, b: Mention, taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()) -> bool:
    return why_apart(a, b, taxonomy, generic_rules) is None


def why_apart(a: Mention, b: Mention, taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()) -> str | None:
    """Why two mentions cannot be one incident (the first check that fails), or None when they can."""
    if a.location.place is None or b.location.place is None:
        return "no place"
    if (a.article_id == b.article_id and a.evidence[0].sentence_index == b.evidence[0].sentence_index
            and a.trigger == b.trigger and a.rule_id == b.rule_id):
        return "one report's list of places"  # one trigger read at several places: one event per place
    if a.location.place.iso3 != b.location.place.iso3:
        return "different countries"
    if a.event_type != b.event_type:
        return f"different event types ({a.event_type} / {b.event_type})"
    if a.event_type == "Strategic developments" and a.sub_event_type != b.sub_event_type:
        return f"different developments ({a.sub_event_type} / {b.sub_event_type})"
    if (a.event_type == "Explosions/Remote violence" and a.sub_event_type != b.sub_event_type
            and a.rule_id not in generic_rules and b.rule_id not in generic_rules):
        # shelling and an air strike on one village the same day are two events; "an explosion" is either
        return f"different means ({a.sub_event_type} / {b.sub_event_type})"
    if {a.sub_event_type, b.sub_event_type} == KILLING_AND_TAKING and not any(
            _TAKING.search(e.quote) for m in (a, b) if m.sub_event_type == "Attack" for e in m.evidence):
        # a killing and a kidnapping by one group the same day are two acts, unless the killing's report tells of
        # the taking too ("kidnapped and killed a shepherd")
        return "different acts (Attack / Abduction/forced disappearance)"
    window = max(taxonomy.sub_event(a.sub_event_type).merge_window_days,
                 taxonomy.sub_event(b.sub_event_type).merge_window_days)
    gap = abs((a.date.date - b.date.date).days)
    if gap > window:
        return f"different days ({a.date.date} / {b.date.date}; {a.sub_event_type} joins within {window} day(s))"
    if not pair_compatible(a, b):
        if not actors_compatible(a, b):
            return f"different perpetrators ({a.actors.actor1} / {b.actors.actor1})"
        return f"different actor pairs ({a.actors.actor1} vs {a.actors.actor2} / {b.actors.actor1} vs {b.actors.actor2})"
    if (a.sub_event_type in FORCE_MOVES and a.actors.actor1 != b.actors.actor1
            and not GENERIC_ACTOR.match(a.actors.actor1) and not GENERIC_ACTOR.match(b.actors.actor1)):
        # a movement of forces or a new base is what one force did: army troops sent to a province and PMF units
        # deployed on a road in it the same day are two movements (a force only implied, "soldiers", is the army,
        # not the PMF). Other developments (a bomb defused, an arrest) are often told with a vaguer actor.
        return f"different acting forces ({a.actors.actor1} / {b.actors.actor1})"
    if (a.event_type == "Strategic developments" and a.actors.actor1 != b.actors.actor1
            and NATIONAL_LEVEL in (a.location.phrase, b.location.phrase)):
        # a development placed only at national level says nothing of where it was: its actor is all there is to
        # compare, and an unidentified one does not fit a named one
        return f"different actors of a national-level development ({a.actors.actor1} / {b.actors.actor1})"
    if not participants_compatible(a, b):
        what = "crowds" if a.event_type in ("Protests", "Riots") else "people taken"
        return "different {} ({} / {})".format(what, _crowd_label(a), _crowd_label(b))
    if not demands_compatible(a, b):
        return "different demands ({} / {})".format(
            ", ".join(sorted(_demands(a)) + [f"{s} {k}" for k, s in sorted(_stances(a))]) or "-",
            ", ".join(sorted(_demands(b)) + [f"{s} {k}" for k, s in sorted(_stances(b))]) or "-")
    if not locations_compatible(a.location, b.location):
        return f"different places ({_place_label(a)} / {_place_label(b)})"
    if not spots_compatible(a.location, b.location):
        return f"different named spots ({_place_label(a)} / {_place_label(b)})"
    if not towns_compatible(a, b):
        return f"different towns ({_place_label(a)} / {_place_label(b)})"
    if not _unknown_spot_fits(a, b):
        return f"different places (a spot the gazetteer lacks / a town) ({_place_label(a)} / {_place_label(b)})"
    if not sites_compatible(_sites(a), _sites(b)):
        return "different named sites ({} / {})".format(_sites_label(a), _sites_label(b))
    if a.sub_event_type in BOMBINGS and b.sub_event_type in BOMBINGS and not same_target(_targets(a), _targets(b)):
        return "different targets ({} / {})".format(", ".join(sorted(_targets(a))), ", ".join(sorted(_targets(b))))
    if not outcomes_compatible(a, b):
        return f"different outcomes ({_outcome_label(a)} / {_outcome_label(b)})"
    return None


# one-sided violence: every report of one attack or bombing counts the same victims (a battle's reports often give
# one side's losses each, so battles are left out; so are suicide bombings, whose bomber some sources count among
# the dead and others do not)
ONE_SIDED = frozenset({"Attack", "Sexual violence", "Remote explosive/landmine/IED", "Grenade"})


def _harm(m: Mention) -> int | None:
    """How badly a report says the victims fared: 2 someone was killed, 1 someone was wounded and nobody is said to
    have died, 0 the report says nobody was hurt, None it gives no figure."""
    if m.killed:
        return 2
    if m.wounded:
        return 1
    if m.killed == 0 and m.wounded == 0:
        return 0
    return None


def outcomes_compatible(a: Mention, b: Mention) -> bool:
    """Two reports of one-sided violence can be one incident's as far as its outcome goes: one gives no figure, or
    both tell the same outcome (someone killed; only wounded; nobody hurt), or the report telling the worse
    outcome was published on a later day (the wounded died; a casualty came to light). "A civilian was shot and
    killed" and "a civilian was shot and wounded", or "a car bomb exploded, causing no casualties" and "a car bomb
    exploded, injuring one civilian", published the same day in one town, are two incidents. Differing tolls of
    the dead are left to the codebook's lowest credible figure."""
    if a.sub_event_type not in ONE_SIDED or b.sub_event_type not in ONE_SIDED:
        return True
    ha, hb = _harm(a), _harm(b)
    if ha is None or hb is None or ha == hb:
        return True
    worse, milder = (a, b) if ha > hb else (b, a)
    if hb and ha and any(_DIED_LATER.search(e.quote) for m in (a, b) for e in m.evidence):
        return True  # "he later died of his wounds", "one of whom died": a report tells of the update itself
    if _harm(milder) == 1 and worse.wounded and milder.wounded >= worse.wounded:
        return True  # "killing one and wounding three" / "four wounded": the dead counted among the wounded
    return worse.published is not None and milder.published is not None and worse.published > milder.published


_DIED_LATER = re.compile(
    r"\b(?:(?:later|subsequently|afterwards|then)\s+died|died\s+(?:later|afterwards|subsequently|shortly|soon|"
    r"of\s+(?:his|her|their)\s+(?:wounds|injuries)|(?:in|at|on\s+the\s+way\s+to)\s+(?:a\s+|the\s+)?hospital)"
    r"|succumb(?:ed|s)?\s+to\s+(?:his|her|their)\s+(?:wounds|injuries)|(?:who|whom)\s+(?:later\s+)?died"
    r"|death\s+toll\s+(?:has\s+)?(?:rose|risen|climbed))\b", re.IGNORECASE)


def _outcome_label(m: Mention) -> str:
    return {2: f"{m.killed} killed", 1: f"{m.wounded} wounded, none killed", 0: "nobody hurt", None: "-"}[_harm(m)]


def towns_compatible(a: Mention, b: Mention) -> bool:
    """A report that names a town the gazetteer does not know ("a demonstration was held in the Sadisadiq city")
    and one placed in a known town by name ("in the Halabja city") name two towns, unless the names are alike: a
    town is not inside another town, though both lie in the province the first report was placed in."""
    for x, y in ((a, b), (b, a)):
        towns = _unknown_towns(x)
        p = y.location
        if (towns and not p.unresolved and p.place is not None and p.geo_precision == 1
                and p.place.feature in ("city", "town") and p.relation in (None, "in")
                and not any(same_spot_name(t, p.text) or same_spot_name(t, p.place.name) for t in towns)):
            return False
    return True


# shelling and air strikes: a province-wide report joins a village report of the same day (one bombardment told at
# two precisions, see README)
BOMBARDMENTS = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})


def _unknown_spot_fits(a: Mention, b: Mention) -> bool:
    """A report placed only in its province because the spot it names is unknown to the gazetteer ("the Tal al-Dahab
    area (Tuz, Salah al-Din)") and a report placed in a known town by name ("near Al Mutaibija (Samarra)") name two
    places, unless the names are alike: the first report's spot is not anywhere in the province. Bombardments are
    left to the province-wide rule."""
    if a.sub_event_type in BOMBARDMENTS or b.sub_event_type in BOMBARDMENTS:
        return True
    for x, y in ((a, b), (b, a)):
        p, q = x.location, y.location
        if (p.unresolved and p.geo_precision == 3 and p.place is not None and p.place.feature == "admin1"
                and not q.unresolved and q.place is not None and q.geo_precision == 1
                and q.place.feature in ("city", "town", "village", "neighbourhood") and q.relation in (None, "in")
                and not any(same_spot_name(n, q.text) or same_spot_name(n, q.place.name) for n in p.unresolved)):
            return False
    return True


def _unknown_towns(m: Mention) -> list[str]:
    """Names the gazetteer did not know that the report calls a city or a town ("the Sadisadiq city", "the town
    of X"; not a capitalised "Sadr City", a quarter of a city)."""
    return [name for name in m.location.unresolved if any(_called_town(name, e.quote) for e in m.evidence)]


@lru_cache(maxsize=4096)
def _called_town(name: str, text: str) -> bool:
    n = re.escape(name)
    return re.search(rf"(?<![\w-])(?:(?i:city|town)\s+of\s+(?:(?i:the)\s+)?{n}(?![\w-])|{n}\s+(?:city|town)\b)",
                     text) is not None


# the bombings whose target tells two of one day and place apart (shelling and air strikes name areas, not targets)
BOMBINGS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})


def _sites(m: Mention) -> frozenset[tuple[str, str]]:
    return frozenset().union(*(named_sites(e.quote) for e in m.evidence))


def _sites_label(m: Mention) -> str:
    return ", ".join(f"{name} {kind}" for kind, name in sorted(_sites(m))) or "-"


TARGET = "target:"  # prefix of the participants of a bombing: what the article's other sentences say was hit


def _targets(m: Mention) -> frozenset[str]:
    own = frozenset().union(*(target_kinds(e.quote) for e in m.evidence))
    return own or frozenset(w.removeprefix(TARGET) for w in m.participants if w.startswith(TARGET))


def with_article_targets(ordered: Iterable[Mention]) -> Iterator[Mention]:
    """Mentions in `mention_order`, a bombing whose sentences name no target ("Nobody was hurt in the explosion")
    given, as participants, what the article's other sentences of that day and scene say was hit ("Unknown men
    blew up an electricity pylon near Daquq"). A report's mentions of one day come together in that order."""
    for _, group in groupby(ordered, key=lambda m: (m.date.date, m.article_id)):
        mentions = list(group)
        for m in mentions:
            if m.sub_event_type in BOMBINGS and not m.participants and not _targets(m):
                kinds = frozenset().union(*(_targets(n) for n in mentions if n is not m and n.story == m.story
                                            and n.location.place is not None and m.location.place is not None
                                            and n.location.place.id == m.location.place.id))
                if kinds:
                    m = m.model_copy(update={"participants": sorted(TARGET + k for k in kinds)})
            yield m


def why_together(a: Mention, b: Mention) -> str:
    """What two compatible mentions share: the reason a mention joined an event, in words."""
    day = "same day" if a.date.date == b.date.date else f"dates {a.date.date} / {b.date.date} within the window"
    if a.location.place.id == b.location.place.id and not (a.location.unresolved or b.location.unresolved):
        place = f"same place ({_place_label(a)})"
    else:
        place = f"compatible places ({_place_label(a)} / {_place_label(b)})"
    if a.actors.actor1 == b.actors.actor1:
        actors = f"same perpetrator ({a.actors.actor1})"
    else:
        actors = f"perpetrators compatible, one unidentified ({a.actors.actor1} / {b.actors.actor1})"
    return f"{day}; same type ({a.sub_event_type}); {place}; {actors}"


def _place_label(m: Mention) -> str:
    p = m.location
    name = p.place.name if p.place else p.text
    spot = f" [{', '.join(p.unresolved)}]" if p.unresolved else ""
    return f"{name}{spot}, precision {p.geo_precision}"


KILLING_AND_TAKING = frozenset({"Attack", "Abduction/forced disappearance"})
_TAKING = re.compile(r"\b(?:kidnap\w*|abduct\w*|hostages?|captives?|seiz(?:ed|ing)\s+(?:him|her|them))\b",
                     re.IGNORECASE)
FORCE_MOVES = frozenset({"Change to group/activity", "Headquarters or base established"})
NATIONAL_LEVEL = "(national level)"  # the phrase of a development placed at the capital for want of a place
NOT_ARMED_INTER = (5, 6, 7)  # rioters, protesters, civilians
STATE_INTER = (1, 8)  # state forces, external forces


def _fits(p: str | None, q: str | None, p_inter: int | None = None, q_inter: int | None = None,
          p_inferred: bool = False, q_inferred: bool = False) -> bool:
    """Two reports' names for one side of an incident can be the same actor: equal, one not given, one an
    unidentified armed group and the other armed, an unidentified kind the other names ("Unidentified Clan
    Militia (Somalia)" and a named clan militia; "Unidentified Military Forces" and a country's military forces),
    or a state force one report only implies ("warplanes" read as the home country's) and a force of the same kind
    (military, police) of another state the other names ("Russian jets"). Civilians, protesters and rioters are never an unidentified armed group:
    "a bomb hit a police patrol" and "a bomb hit a shopkeeper's car" have different targets."""
    if p is None or q is None or p == q:
        return True
    for x, y, y_inter, x_inferred in ((p, q, q_inter, p_inferred), (q, p, p_inter, q_inferred)):
        if x.startswith("Unidentified Armed Group"):
            return y_inter not in NOT_ARMED_INTER
        if x.startswith("Unidentified "):
            kind = x.removeprefix("Unidentified ").split(" (")[0]
            if kind in y:
                return True
        if x_inferred and y_inter in STATE_INTER and x.split(" of ")[0] == y.split(" of ")[0]:
            return True  # "Military Forces of Syria" read from "warplanes" and "Military Forces of Russia"
    return False


def pair_compatible(a: Mention, b: Mention) -> bool:
    """Both sides fit, in the order the reports give them or swapped: one report's "militants attacked a patrol"
    and another's "soldiers clashed with militants" give the same pair in opposite order."""
    x, y = a.actors, b.actors

    def fits(p: str | None, q: str | None, pi: int | None, qi: int | None) -> bool:
        return _fits(p, q, pi, qi, p in x.inferred, q in y.inferred)

    if fits(x.actor1, y.actor1, x.inter1, y.inter1) and fits(x.actor2, y.actor2, x.inter2, y.inter2):
        return True
    if x.actor2 is None and y.actor2 is None:
        return False  # one-sided in both reports: swapping would compare nothing ("US forces" / "Iraqi police")
    if (a.event_type == "Explosions/Remote violence" and x.actor1 != y.actor1
            and not GENERIC_ACTOR.match(x.actor1) and not GENERIC_ACTOR.match(y.actor1)):
        # who fired is the event: the PKK shelling a Turkish post and Turkish artillery shelling the PKK the same
        # day in one region are two events (a battle's sides, by contrast, are reported in either order)
        return False
    if a.event_type == "Explosions/Remote violence" and any(
            p.actor1 == q.actor2 and not GENERIC_ACTOR.match(p.actor1) for p, q in ((x, y), (y, x))):
        # a named force that set off the blasts in one report and was hit by a bomb in the other: PMF units
        # detonating IS tunnels and a bomb that hit a PMF excavator are two events
        return False
    return fits(x.actor1, y.actor2, x.inter1, y.inter2) and fits(x.actor2, y.actor1, x.inter2, y.inter1)


def participants_compatible(a: Mention, b: Mention) -> bool:
    """Protests and riots: the crowds (the kinds of people the reports name, and the groups ACLED names as
    associated actors: teachers, lawyers, a party) can be one, or one report names none. Arrests and abductions:
    likewise the people taken. Two groups demonstrating in one city on one day are two events; so are the arrest
    of a lecturer and that of three activists."""
    if a.event_type in ("Protests", "Riots"):
        x, y = set(a.actors.assoc_actor_1), set(b.actors.assoc_actor_1)
        ix, iy = crowd_kinds([], list(x)), crowd_kinds([], list(y))
        if x and y and not x & y and specific(ix) and specific(iy) and not same_crowd(ix, iy):
            # two named groups (parties, unions) or identities that are not one kind of people; "workers" (a labour
            # group) says no more than the crowd's words, which are compared below ("employees of the education
            # sector" / "teachers")
            return False
        kx = _kinds_with_venue(a)
        ky = _kinds_with_venue(b)
        if kx and ky and not same_crowd(kx, ky):
            return False
        wx, wy = workplaces(_crowd_words(a)), workplaces(_crowd_words(b))
        if wx and wy and not wx & wy:
            return False  # "workers of the oil refinery" / "workers of the oil company": two workplaces
        vx, vy = _venue_words(a), _venue_words(b)
        if vx and vy and not vx & vy:
            return False  # both say where the crowd gathered, and not the same building
        sx, sy = _solidarity(a), _solidarity(b)
        if sx & ky - sy or sy & kx - sx:
            return False  # a crowd that stood by the other report's crowd ("in support of the residents' demands")
        ox, oy = _origins(a), _origins(b)
        if ox and oy and not any(same_spot_name(n, m) for n in ox for m in oy):
            return False  # crowds that came from two provinces ("driving from Diwaniya" / "from Babylon")
        dx, dy = vx - _PLAIN_VENUE, vy - _PLAIN_VENUE
        if dx and dy and not dx & dy:
            return False  # "outside the Ministry of Finance" / "outside the Ministry of Higher Education"
        if kx and ky or a.event_type == "Riots":
            return True  # a riot's clause tells what the mob did more than who it was ("smashing the windows")
        # one report names no kind of people: its other words (the venue, the crowd's own description) must
        # share something with the other report's, when both give some
        p = {singular(w.removeprefix(VENUE)) for w in a.participants}
        q = {singular(w.removeprefix(VENUE)) for w in b.participants}
        return not p or not q or bool(p & q)
    if a.sub_event_type in TAKEN_SUB_EVENTS and b.sub_event_type in TAKEN_SUB_EVENTS:
        return same_crowd(crowd_kinds(a.participants), crowd_kinds(b.participants))
    return True


def _crowd_label(m: Mention) -> str:
    words = m.actors.assoc_actor_1 + m.participants
    if m.event_type in ("Protests", "Riots"):
        words = words + [f"from {o}" for o in sorted(_origins(m))] + [f"standing by {k}" for k in sorted(_solidarity(m))]
    return ", ".join(words) or "-"


def _solidarity(m: Mention) -> frozenset[str]:
    return frozenset().union(*(solidarity_kinds(e.quote) for e in m.evidence))


def _origins(m: Mention) -> frozenset[str]:
    return frozenset().union(*(origins(e.quote) for e in m.evidence))


def demands_compatible(a: Mention, b: Mention) -> bool:
    """Protests and riots: what the crowds demand or protest against (coder/grievances.py) can be one protest's:
    one report names no demand, or the two share a topic. Employees demanding their delayed salaries and
    graduates demanding to be appointed, in one city on one day, are two protests."""
    if a.event_type not in ("Protests", "Riots"):
        return True
    if opposed(_stances(a), _stances(b)):
        return False  # one crowd for an agreement, the other for its cancellation
    return same_grievance(_demands(a), _demands(b))


def _stances(m: Mention) -> frozenset[tuple[str, str]]:
    return frozenset().union(*(stances(e.quote) for e in m.evidence))


def _demands(m: Mention) -> frozenset[str]:
    return frozenset().union(*(grievances(e.quote) for e in m.evidence))


# words of a venue that name no particular building ("outside the main gate of the ministry building")
_PLAIN_VENUE = frozenset('''
building buildings headquarters headquarter office offices gate gates main entrance premises compound front ministry
department directorate company general hall complex
'''.split())


def _kinds_with_venue(m: Mention) -> set[str]:
    """The crowd's kinds of people; when they say no more than "workers" or "employees", the kinds the venue names
    too: employees outside the municipality building are the municipality's (residents outside it are not)."""
    kinds = crowd_kinds(_crowd_words(m), m.actors.assoc_actor_1)
    if kinds == {"worker"}:
        kinds |= specific(crowd_kinds(sorted(_venue_words(m))))
    return kinds


def _crowd_words(m: Mention) -> list[str]:
    """The words a protest report uses for its crowd (not for the venue: "residents outside the municipality
    building" are residents)."""
    return [w for w in m.participants if not w.startswith(VENUE)]


def _venue_words(m: Mention) -> set[str]:
    return {w.removeprefix(VENUE) for w in m.participants if w.startswith(VENUE)}



def merge_mentions(mentions: list[Mention], taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()
                   ) -> list[MergedEvent]:
    """Group mentions into events; each event carries the fields chosen from its mentions. `generic_rules`: ids
    of rules whose trigger names no means ("an explosion"), compatible with any sub-event type of their type.

    Mentions are taken in date order (then article, offset): a mention joins the first open event of its country
    and type whose every mention is the same incident. Events come out in the order they were opened.
    `merge_stream` is the same merge over mentions already in that order, yielding each event as it closes."""
    ordered = sorted(mentions, key=mention_order)
    closed = sorted(merge_stream(ordered, taxonomy, generic_rules), key=lambda x: x[0])
    return [event for _, event, _ in closed]


def mention_order(m: Mention) -> tuple:
    """The order the merge takes mentions in (ties keep the order they were given in)."""
    return (m.date.date, _canonical(m))


def merge_window(taxonomy: Taxonomy) -> int:
    """The widest merge window, in days: an event opened more days back than this can take no more mentions."""
    return max((s.merge_window_days for s in taxonomy.sub_event_types.values()), default=1)


def merge_stream(ordered: Iterable[Mention], taxonomy: Taxonomy, generic_rules: frozenset[str] = frozenset()
                 ) -> Iterator[tuple[int, MergedEvent, dt.date]]:
    """The merge over mentions already in `mention_order`, one at a time: yields (n, event, low) for each event
    as soon as no later mention can join it (its earliest mention lies more days back than any merge window).
    n counts events in the order they were opened; `low` is a day no event not yet yielded can be dated before
    (date.max after the last). The work and memory per mention stay bounded by the events of a few days, however
    large the dataset."""
    widest = merge_window(taxonomy)
    groups: dict[int, list[Mention]] = {}  # open events, by the order they were opened
    opened: deque[int] = deque()
    open_groups: dict[tuple, deque[int]] = {}
    count = 0
    for m in with_article_targets(ordered):
        day = m.date.date
        closing = []
        while opened and (day - groups[opened[0]][0].date.date).days > widest:
            closing.append(opened.popleft())  # opened too long before this mention for it or a later one to join
        yield from _closed(closing, groups, taxonomy, day - dt.timedelta(days=widest))
        block = (m.location.place.iso3 if m.location.place else None, m.event_type)
        candidates = open_groups.setdefault(block, deque())
        while candidates and candidates[0] not in groups:
            candidates.popleft()
        home = next((g for g in candidates
                     if all(same_incident(x, m, taxonomy, generic_rules) for x in groups[g])), None)
        if home is None:
            candidates.append(count)
            opened.append(count)
            groups[count] = [m]
            count += 1
        else:
            groups[home].append(m)
    yield from _closed(list(opened), groups, taxonomy, dt.date.max)


def _closed(numbers: list[int], groups: dict[int, list[Mention]], taxonomy: Taxonomy, low: dt.date
            ) -> Iterator[tuple[int, MergedEvent, dt.date]]:
    """Close these events; `low` holds once all of them are out (the ones before the last carry date.min)."""
    for i, n in enumerate(numbers):
        yield n, _combine(groups.pop(n), taxonomy), low if i == len(numbers) - 1 else dt.date.min


def _combine(group: list[Mention], taxonomy: Taxonomy) -> MergedEvent:
    primary = min(group, key=lambda m: (taxonomy.sub_event(m.sub_event_type).rank, _canonical(m)))
    articles = sorted({m.article_id for m in group})
    fatalities, fatality_rule, fatality_values = _choose_fatalities(group, articles)
    location = choose_location([m.location for m in group])
    date = _choose_date(group)
    actors = _choose_actors(group)
    resolutions: list[tuple[str, str, str, str]] = []
    if len(articles) > 1:
        resolutions.append(("fatalities", str(fatalities), fatality_rule, fatality_values))
        places = _per_article(group, articles, lambda m: m.location.place.name if m.location.place else m.location.text)
        resolutions.append(("location", location.place.name if location.place else location.text,
                            "the most precise place that no other source rules out", places))
        dates = _per_article(group, articles, lambda m: m.date.date.isoformat())
        resolutions.append(("event_date", date.date.isoformat(),
                            "the date most sources give (a stated date before an inferred one; ties: the earlier)", dates))
        names = _per_article(group, articles, lambda m: m.actors.actor1)
        resolutions.append(("actor1", actors.actor1, "a named actor before an unidentified one; then the most sources",
                            names))
    return MergedEvent(
        mentions=tuple(group),
        event_type=primary.event_type,
        sub_event_type=primary.sub_event_type,
        date=date,
        location=location,
        actors=actors,
        fatalities=fatalities,
        wounded=_lowest([_per_article_max(group, a, "wounded") for a in articles]),
        tags=tuple(sorted({t for m in group for t in m.tags})),
        resolutions=tuple(resolutions),
    )


def _per_article(group: list[Mention], articles: list[str], value) -> str:
    """`article: value` per source, the values of one article joined by '/'."""
    parts = []
    for a in articles:
        vals = list(dict.fromkeys(str(value(m)) for m in group if m.article_id == a))
        parts.append(f"{a}: {' / '.join(vals)}")
    return "; ".join(parts)


def _choose_fatalities(group: list[Mention], articles: list[str]) -> tuple[int, str, str]:
    """Codebook §6 across sources: the lowest credible figure; but a report published on a later day than the
    others updates the toll (the wounded die, bodies are found), so the figures of the latest day that gives one
    are the candidates. Sources that give no figure are ignored; with no figure at all, 0."""
    figures = [(a, _per_article_max(group, a, "killed"), _published(group, a)) for a in articles]
    known = [(a, k, p) for a, k, p in figures if k is not None]
    values = "; ".join(f"{a}: {'-' if k is None else k} (published {p or 'unknown'})" for a, k, p in figures)
    if not known:
        return 0, "no source gives a figure: 0", values
    days = {p for _, _, p in known if p is not None}
    if len(days) > 1 and len({k for _, k, _ in known}) > 1:
        latest = max(days)
        later = [k for _, k, p in known if p == latest]
        return min(later), f"a later report updates the toll (published {latest}; the lowest of that day)", values
    lowest = min(k for _, k, _ in known)
    if len({k for _, k, _ in known}) > 1:
        return lowest, "the lowest credible figure (sources conflict)", values
    return lowest, "sources agree" if len(known) > 1 else "one source gives a figure", values


def _per_article_max(group: list[Mention], article_id: str, attr: str) -> int | None:
    values = [getattr(m, attr) for m in group if m.article_id == article_id and getattr(m, attr) is not None]
    return max(values) if values else None


def _lowest(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _published(group: list[Mention], article_id: str):
    return next((m.published for m in group if m.article_id == article_id), None)


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
