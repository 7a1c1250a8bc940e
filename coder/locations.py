"""How two place readings relate: which is more specific, whether they can be the same spot,
and which one an event should carry. Shared by the incidents stage (one article) and the
merge stage (several articles)."""

from __future__ import annotations

from difflib import SequenceMatcher

from geopy.distance import great_circle

from coder.models import PlaceMention
from coder.places import _inside

# Smaller = more specific. A named neighbourhood beats its city, a city its district.
FEATURE_RANK = {
    "neighbourhood": 0, "landmark": 0, "village": 1, "town": 1, "city": 2, "area": 3, "admin3": 3,
    "admin2": 4, "admin1": 5, "region": 6, "country": 7,
}
# places a sentence names for another reason than the incident: a unit that contains the place, a victim's
# home town, a funeral, an official's seat. Chosen only when nothing else is named.
ADMIN_UNITS = frozenset({"admin1", "admin2", "admin3"})
NOT_THE_SCENE = frozenset({"contains", "origin", "funeral", "seat", "compound", "solidarity"})
SAME_SPOT_KM = 25.0  # a reading at precision 2 ("near X", a district's town) this close may be the other's place
SAME_TOWN_KM = 5.0  # two different named towns or villages this close may be one incident's place (a quarter and
# the town's centre, one place under two gazetteer entries); further apart they are two villages, two incidents
OUTSKIRTS_KM = 7.0  # "on the outskirts of X", "outside X": the edge of X, not anywhere in X's district; a place
# this close to X's point may be the same spot (a city's edge lies a few km from its centre)
TOWARDS_KM = 75.0  # how far "south of X" reaches
NEAR_RELATIONS = frozenset({"near", "outskirts"})
BEARING_TOLERANCE = 60.0  # degrees either side of a stated direction ("south of X")


def _specificity(p: PlaceMention) -> tuple[int, int, int]:
    """Smaller = more specific; a place the text names only as the container of another comes last."""
    return (p.relation in NOT_THE_SCENE, p.geo_precision, FEATURE_RANK.get(p.place.feature if p.place else "country", 9))


def is_more_specific(a: PlaceMention, b: PlaceMention) -> bool:
    """True when `a` says more precisely where than `b`."""
    return _specificity(a) < _specificity(b)


def _km(a: PlaceMention, b: PlaceMention) -> float:
    return great_circle((a.place.latitude, a.place.longitude), (b.place.latitude, b.place.longitude)).km


def _bearing(frm: PlaceMention, to: PlaceMention) -> float:
    import math

    lat1, lat2 = math.radians(frm.place.latitude), math.radians(to.place.latitude)
    dlon = math.radians(to.place.longitude - frm.place.longitude)
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def _towards(anchor: PlaceMention, other: PlaceMention) -> bool:
    """`other` lies in the direction `anchor`'s phrase states ("south of Baghdad")."""
    if anchor.bearing is None:
        return False
    diff = abs((_bearing(anchor, other) - anchor.bearing + 180.0) % 360.0 - 180.0)
    return diff <= BEARING_TOLERANCE


def _covers(region: PlaceMention, other: PlaceMention) -> bool:
    return bool(region.region_admin1) and other.place.admin1 in region.region_admin1


def locations_compatible(a: PlaceMention, b: PlaceMention) -> bool:
    """Could `a` and `b` be two reports of one incident's place?"""
    if a.place is None or b.place is None:
        return False
    if a.place.iso3 != b.place.iso3:
        return False
    for region, other in ((a, b), (b, a)):
        if region.region_admin1:
            if _covers(region, other) or _towards(other, region):
                return True
            if other.region_admin1 and set(other.region_admin1) & set(region.region_admin1):
                return True
            return False
    for c, other in ((a, b), (b, a)):
        if c.place.feature == "country" and c.unresolved:
            # a spot the gazetteer lacks, coded at country level (incidents._unknown_scene): only a reading naming
            # the same spot is the same place, not anything in the country
            return bool(other.unresolved) and spots_compatible(a, b)
    if a.place.feature == "country" or b.place.feature == "country":
        return True
    if "area" in (a.place.feature, b.place.feature) and a.place.admin1 == b.place.admin1 and any(
            _alike(_bare(n), _bare(m)) for n in a.unresolved if _broad(n) for m in b.unresolved if _broad(m)):
        # one wide area (coder/data/areas.csv) named by both, one report tying it to a district of the province:
        # such areas are loosely bounded, and the district a report gives does not make it another area
        return True
    if a.place.id == b.place.id:
        return True
    if _contains(a, b) or _contains(b, a):
        return True  # "Anbar province" and "Ramadi"; "Mahmudiya district" and "Latifiyah"
    km = _km(a, b)
    if (_towards(a, b) or _towards(b, a)) and km <= TOWARDS_KM:
        return True
    if {a.place.feature, b.place.feature} & ADMIN_UNITS:
        return False  # an admin unit is the same place as what it contains, not as what lies near its centre
    # two named places: the same spot, or one of them only "near" / "south of" the other's area
    return km <= _reach(a, b)


def _reach(a: PlaceMention, b: PlaceMention) -> float:
    """How far apart two named places' points may lie and still be one incident's place: a reading at precision 2
    ("near X", a district's town) reaches SAME_SPOT_KM, the outskirts of a town only its edge, a town itself
    SAME_TOWN_KM."""
    vague = [p for p in (a, b) if p.geo_precision >= 2]
    if not vague:
        return SAME_TOWN_KM
    if all(p.relation == "outskirts" for p in vague):
        return OUTSKIRTS_KM
    return SAME_SPOT_KM


SAME_NAME_RATIO = 0.8  # two spellings this alike may be one place ("Sidakan" / "Sidakane")
FINE_FEATURES = frozenset({"neighbourhood", "landmark", "village", "town"})


def _alike(x: str, y: str) -> bool:
    from coder.places import fold_key

    a, b = fold_key(x), fold_key(y)
    if not a or not b:
        return False
    return a == b or a in b.split() or b in a.split() or SequenceMatcher(None, a, b).ratio() >= SAME_NAME_RATIO


def _spot_names(p: PlaceMention) -> list[str]:
    """Names of the precise spot a reading gives: the names the gazetteer did not know that the phrase gives inside
    its resolved area ("Nizdor village in the Zakho district"), else the village it resolved to (or is near)."""
    names = list(p.unresolved)
    if p.place is not None and p.place.feature in FINE_FEATURES and (
            p.geo_precision == 1 or p.relation == "near" and p.place.feature != "town") and all(map(_broad, names)):
        names += [p.text, p.place.name]  # "in X", "near X village" (in an unknown wide area: "X village in Y region")
    return names


def _broad(name: str) -> bool:
    """An unresolved name kept with a noun of a wide area ("Metina region", "Qandil Mountain"; see places)."""
    from coder.places import BROAD_NOUNS

    return name.rsplit(None, 1)[-1].lower() in BROAD_NOUNS and " " in name.strip()


def _bare(name: str) -> str:
    return name.rsplit(None, 1)[0] if _broad(name) else name


def spots_compatible(a: PlaceMention, b: PlaceMention) -> bool:
    """Two readings that each name a precise spot name the same one (by spelling): reports of strikes on two
    villages of one district are two incidents even when the gazetteer knows neither village. A reading that
    names no spot (a district, a province) is compatible with any. Unknown wide areas (a region, a mountain
    range) count as spots too, but when both readings also name a spot inside one (a village, an area, a hill),
    the spots decide: strikes on two areas of one mountain region are two incidents."""
    if a.place is not None and b.place is not None and a.place.id == b.place.id and not (a.unresolved or b.unresolved):
        return True
    x, y = _spot_names(a), _spot_names(b)
    if not x or not y:
        return True
    if not (a.unresolved or b.unresolved):
        if (a.place.feature == "village" and b.place.feature == "village" and a.place.id != b.place.id
                and a.geo_precision == 1 and b.geo_precision == 1):
            # two villages named as the scene: two strikes on neighbouring villages, unless the names are alike
            return any(_alike(n, m) for n in x for m in y)
        return True  # two resolved places: their distance decides (locations_compatible)
    fx, fy = _fine(x), _fine(y)
    if fx and fy:
        return any(_alike(n, m) for n in fx for m in fy)
    return any(_alike(_bare(n), _bare(m)) for n in x for m in y)


def _fine(names: list[str]) -> list[str]:
    """The names of spots inside a wide area: not the area ("Qandil Mountain"), nor its bare name read beside it
    ("Qandil" of "the Qandil Mountain (Silsilat Jibal Qandil) area")."""
    wide = {_bare(n).lower() for n in names if _broad(n)}
    return [n for n in names if not _broad(n) and n.lower() not in wide]


# public names for the spot comparisons (incidents splits a scene naming several wide areas)
is_wide_area, bare_name, same_spot_name = _broad, _bare, _alike


def _contains(unit: PlaceMention, other: PlaceMention) -> bool:
    """`unit` is an admin unit `other` lies in, or a town read at precision 2 (its district, or "near" it) whose
    district `other` lies in. "Near X" and the outskirts of X are X's surroundings (see _reach), not its district."""
    u, o = unit.place, other.place
    if u.feature in ("admin1", "admin2", "admin3"):
        return _inside(o, u)
    if unit.geo_precision >= 2 and unit.bearing is None and u.admin2 is not None and unit.relation not in NEAR_RELATIONS:
        return o.iso3 == u.iso3 and o.admin1 == u.admin1 and o.admin2 == u.admin2  # "Mahmudiya district", "near X"
    return False


def _violates(candidate: PlaceMention, constraint: PlaceMention) -> bool:
    """A vague region other reports give rules out a candidate outside it."""
    if constraint is candidate or not constraint.region_admin1 or candidate.region_admin1:
        return False
    return candidate.place.admin1 not in constraint.region_admin1


def choose_location(readings: list[PlaceMention]) -> PlaceMention | None:
    """The most specific reading that no other reading rules out (first in text order on ties)."""
    readings = [r for r in readings if r.place is not None]
    ordered = sorted(range(len(readings)), key=lambda i: (_specificity(readings[i]), i))
    for i in ordered:
        cand = readings[i]
        if not any(_violates(cand, other) for other in readings):
            return cand
    return readings[ordered[0]] if ordered else None


FAR_APART_KM = 50.0


def choose_scene(readings: list[PlaceMention]) -> PlaceMention | None:
    """Of the places one sentence names, the scene (choose_location), except that a village or town lying in another
    province more than FAR_APART_KM from a city the sentence also names is not preferred to it: "clashes in
    Tripoli, where demonstrators threw stones at the Serail" (a building, which the gazetteer also knows as a
    village in another province). A sentence that lists several places is split before this is asked."""
    readings = [r for r in readings if r.place is not None]
    # "in Al-Zubair district, west of Basra": a direction just after another place says where that place lies
    # ... unless that place does not lie there: "the village of Al Hassawiya, east of Al Wajihiyah" is not a
    # Hassawiya at the other end of the country, "Haweeja, north of Samarra" not a Hawijah south-east of it; the
    # direction is then all the text says that the reader can place
    wrong = [q for q in readings for r in readings
             if q is not r and r.relation and r.relation.endswith(" of") and r.bearing is not None
             and q.end <= r.start and r.start - q.end <= 32 and q.place.feature in (*FINE_FEATURES, "city")
             and _km(q, r) > SAME_SPOT_KM and not (_towards(r, q) and (
                 _km(q, r) <= 2 * TOWARDS_KM or q.place.feature == "city"))]  # "Basra, 500 km south of Baghdad"
    readings = [r for r in readings if not any(r is q for q in wrong)] or readings
    readings = [r for r in readings
                if not (r.relation and r.relation.endswith(" of") and r.bearing is not None
                        and any(q is not r and q.end <= r.start and r.start - q.end <= 32 for q in readings))] or readings
    # (not a city named as one end of something: "against the agreement between Baghdad and Erbil")
    cities = [r for r in readings if r.place.feature == "city" and r.relation != "between"]
    kept = [r for r in readings
            if not (r.place.feature in ("village", "town", "neighbourhood") and cities
                    and all(c.place.admin1 != r.place.admin1 and _km(c, r) > FAR_APART_KM for c in cities))]
    return choose_location(kept or readings)
