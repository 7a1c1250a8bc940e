"""Build the gazetteer the coder loads (gazetteer/places.tsv.gz, countries.tsv, MANIFEST.json, ATTRIBUTION.md).

One direction only: upstream source files (../shared/gazetteer-sources) stay as they came, small hand-made
override files sit in gazetteer/overrides/, and this build writes the files that `coder.places.Gazetteer`
loads. Nobody edits a built file by hand; the output is byte-reproducible (sorted rows, gzip mtime=0).

What is built is data (gazetteer/overrides/build.toml): focus countries get Who's On First + GeoNames
(+ an optional hand supplement), with admin units by point-in-polygon on official boundaries (Iraq: OCHA
COD-AB) or on Who's On First region/county polygons named as in GeoNames; every other country gets all its
GeoNames populated places (cities500), its admin1 and admin2 units and its capital.

Output: `places.tsv.gz` (one row per place; the row's position is its index) and `names.marisa`, a
marisa-trie RecordTrie from every normalised name key (coder.places.alias_keys) to (row index, is the
place's own name), so loading the world costs no parsing of names.

Coverage of the focus countries beyond what the sources list as current: WOF villages marked not current
(abandoned, destroyed) are kept under the names no current place of the country has (`_former_rows`), and
each name is also indexed under the spellings reports use that the normalised keys do not fold together
(`variant_names`: without Qaryat/Nahiyat/Hay al-/'Arab, written as one word, "Hay <neighbourhood>", an
airfield's Airport/Air Base forms), only where the variant is no name of another place of the country.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import hashlib
import io
import json
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import marisa_trie
import numpy as np
import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from coder.errors import DataFileError
from coder.places import ARTICLES, KEY_VERSION, MAX_KEY_WORDS, NAME_RECORD, _is_latin, alias_keys, fold_key

BUILDER_VERSION = "2.1"
COLUMNS = ("id", "name", "feature", "lat", "lon", "iso3", "admin1", "admin2", "admin3", "population", "source",
           "altnames")
COUNTRY_COLUMNS = ("iso2", "iso3", "isonum", "name", "capital", "capital_id", "continent", "region", "lat", "lon", "population")
DEFAULT_OVERRIDES = Path(__file__).resolve().parents[1] / "gazetteer" / "overrides"

# Licence of each source folder (its ATTRIBUTION.txt carries the full text).
_LICENCES = {
    "geonames": "CC BY 4.0", "world": "CC BY 4.0", "wof": "CC0 + CC BY sources",
    "iraq/ocha_cod_ab_2019": "CC BY 3.0 IGO", "iraq": "CC0 (supplement by us)", "overrides": "CC0 (hand-made)",
}
_ATTRIBUTION = [
    "Contains data from GeoNames (geonames.org), CC BY 4.0.",
    "Data from Who's On First (whosonfirst.org), including data from GeoNames (CC BY 4.0) and Quattroshapes (CC BY).",
    "Administrative boundaries: CSO Iraq / OCHA Iraq, COD-AB 2019, via HDX, CC BY 3.0 IGO. "
    "The boundaries and names shown do not imply official endorsement or acceptance by the United Nations.",
]
_SUPPLEMENT_FEATURES = {
    "neighbourhood": "neighbourhood", "district/compound": "landmark", "airport": "landmark",
    "city": "city", "town": "town", "village": "village", "district": "admin2",
}
_POPULATED = {"city", "town", "village"}


def populated_feature(population: int) -> str:
    """Feature class of a populated place by size (ranking uses city > town > village)."""
    if population >= 50_000:
        return "city"
    if population >= 1_000:
        return "town"
    return "village"


@dataclass
class _Row:
    id: str
    name: str
    feature: str
    lat: float
    lon: float
    iso2: str
    altnames: set[str] = field(default_factory=set)
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    population: int = 0
    source: str = ""


@dataclass(frozen=True)
class _Country:
    iso2: str
    iso3: str
    isonum: int
    name: str
    capital: str
    continent: str
    geonameid: str
    population: int


# ---------------------------------------------------------------------------
# readers (each reads one upstream file as it came)
# ---------------------------------------------------------------------------


def _read_tsv(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _read_countries(path: Path) -> list[_Country]:
    out = []
    for line in path.read_text("utf-8-sig").splitlines():
        if not line or line.lstrip("\ufeff").startswith("#"):
            continue
        c = line.split("\t")
        out.append(_Country(c[0], c[1], int(c[2]), c[4], c[5], c[8], c[16], int(c[7] or 0)))
    return out


def _read_regions(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    by_continent, by_iso2 = {}, {}
    for r in _read_tsv(path):
        key, region = r["key"], r["region"]
        if key.startswith("continent:"):
            by_continent[key.split(":", 1)[1]] = region
        else:
            by_iso2[key] = region
    return by_continent, by_iso2


def _split_alt(value: str) -> set[str]:
    return {a.strip() for a in (value or "").split("|") if a.strip()}


def _clean(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").split())


# ---------------------------------------------------------------------------
# admin units by point-in-polygon
# ---------------------------------------------------------------------------


class _Boundaries:
    """Admin polygons of one country; `locate` gives (admin1, admin2, admin3) of a point."""

    def __init__(self, paths: list[Path]):
        self.levels: list[list[tuple[dict, object]]] = []
        for level, path in enumerate(paths, start=1):
            feats = json.loads(path.read_text("utf-8"))["features"]
            feats.sort(key=lambda f: f["properties"][f"ADM{level}_PCODE"])
            self.levels.append([(f["properties"], shape(f["geometry"])) for f in feats])
        self._finest = self.levels[-1]
        self._tree = STRtree([g for _, g in self._finest])

    def locate(self, lat: float, lon: float, max_deg: float = 0.05) -> tuple[str, str, str]:
        pt = Point(lon, lat)
        hits = sorted(int(i) for i in self._tree.query(pt, predicate="intersects"))
        if not hits:  # simplified borders: accept the nearest unit within ~5 km
            i = int(self._tree.nearest(pt))
            if self._finest[i][1].distance(pt) > max_deg:
                return "", "", ""
            hits = [i]
        props = self._finest[hits[0]][0]
        names = [props.get(f"ADM{lvl}_EN") or "" for lvl in range(1, len(self.levels) + 1)]
        return tuple((names + ["", "", ""])[:3])  # type: ignore[return-value]


class _AdminNames:
    """GeoNames admin1/admin2 names by code ("IQ.01", "IQ.01.9166650") and by geonameid."""

    def __init__(self, admin1_path: Path, admin2_path: Path):
        self.by_code: dict[str, str] = {}
        self.by_gid: dict[str, str] = {}
        self.gid_of: dict[str, str] = {}
        self.alts: dict[str, set[str]] = {}  # code -> names as written upstream ("Rawah District")
        for path in (admin1_path, admin2_path):
            for line in path.read_text("utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) < 4:
                    raise DataFileError(str(path), line[:40], "expected 4 tab-separated columns")
                code, raw_name, ascii_name, gid = parts[:4]
                name = unit_name(raw_name)
                self.alts[code] = {raw_name, ascii_name, unit_name(ascii_name)}
                self.by_code[code] = name
                self.by_gid[gid] = name
                self.gid_of[code] = gid


_UNIT_SUFFIX = re.compile(r"\s+(?:District|Province|Governorate|Municipality|County|Department|Prefecture|"
                          r"Sub-?[Dd]istrict|Nahiya|Qada|Kaza|Region|Oblast|Raion|Rayon|Ilçesi|İlçesi)$")
_UNIT_PREFIX = re.compile(r"^(?:Province|Governorate|Municipality|Department|District|Region) of\s+")


def unit_name(name: str) -> str:
    """An admin unit's name without its unit noun ("Rawah District" -> "Rawah"), as ACLED writes admin names."""
    short = _UNIT_PREFIX.sub("", _UNIT_SUFFIX.sub("", _clean(name)))
    return short or _clean(name)


class _WofBoundaries:
    """Who's On First region/county polygons of one country; names as in GeoNames where the unit links to it."""

    def __init__(self, path: Path, region_names: dict[int, str], county_names: dict[int, str]):
        feats = [f for f in json.loads(path.read_text("utf-8"))["features"]
                 if f["properties"].get("is_current", 1) != 0 and f.get("geometry")]
        feats.sort(key=lambda f: int(f["properties"]["wof_id"]))
        self.regions = [(region_names.get(int(f["properties"]["wof_id"]), f["properties"]["name"]), shape(f["geometry"]))
                        for f in feats if f["properties"]["placetype"] == "region"]
        region_of = {int(f["properties"]["wof_id"]): name for f, (name, _) in
                     zip([f for f in feats if f["properties"]["placetype"] == "region"], self.regions)}
        self.counties = [(county_names.get(int(f["properties"]["wof_id"]), f["properties"]["name"]),
                          region_of.get(int(f["properties"].get("region_id") or 0), ""), shape(f["geometry"]))
                         for f in feats if f["properties"]["placetype"] == "county"]
        self.names = {**region_names, **county_names}
        self._rtree = STRtree([g for _, g in self.regions])
        self._ctree = STRtree([g for _, _, g in self.counties])

    def _hit(self, tree: STRtree, geoms: list, pt: Point, max_deg: float) -> int | None:
        hits = sorted(int(i) for i in tree.query(pt, predicate="intersects"))
        if hits:
            return hits[0]
        if not geoms:
            return None
        i = int(tree.nearest(pt))
        return i if geoms[i].distance(pt) <= max_deg else None

    def locate(self, lat: float, lon: float, max_deg: float = 0.05) -> tuple[str, str, str]:
        pt = Point(lon, lat)
        c = self._hit(self._ctree, [g for _, _, g in self.counties], pt, max_deg) if self.counties else None
        r = self._hit(self._rtree, [g for _, g in self.regions], pt, max_deg) if self.regions else None
        admin1 = self.regions[r][0] if r is not None else ""
        admin2 = ""
        if c is not None:
            cname, cregion, _ = self.counties[c]
            admin2 = cname
            admin1 = admin1 or cregion
        return admin1, admin2, ""


# ---------------------------------------------------------------------------
# focus country (WOF + GeoNames + supplement + boundaries)
# ---------------------------------------------------------------------------


def _focus_rows(sources: Path, overrides: Path, spec: dict, world: list[dict[str, str]],
                admin_names: _AdminNames) -> tuple[list[_Row], dict[str, _Row]]:
    iso2 = spec["iso2"]
    wof_all = [r for r in _read_tsv(sources / spec["wof"]) if not r["deprecated"]]
    wof = [r for r in wof_all if r["is_current"] != "0"]
    former = [r for r in wof_all if r["is_current"] == "0" and r["placetype"] == "locality"]
    if "boundaries" in spec:
        bounds: _Boundaries | _WofBoundaries = _Boundaries([sources / p for p in spec["boundaries"]])
    else:
        region_names = {int(r["wof_id"]): admin_names.by_gid.get(r["gn_id"], unit_name(r["name"]))
                        for r in wof if r["placetype"] == "region"}
        county_names = {int(r["wof_id"]): admin_names.by_gid.get(r["gn_id"], unit_name(r["name"]))
                        for r in wof if r["placetype"] == "county"}
        bounds = _WofBoundaries(sources / spec["polygons"], region_names, county_names)
    rows: list[_Row] = []
    by_gn: dict[str, _Row] = {}
    region_alts: list[tuple[float, float, set[str]]] = []
    county_alts: list[tuple[float, float, str, set[str]]] = []
    wof_units: list[dict[str, str]] = []

    for r in wof:
        lat, lon, kind = float(r["lat"]), float(r["lon"]), r["placetype"]
        alts = _split_alt(r["altnames"]) | {r["name"]}
        if kind == "region":
            region_alts.append((lat, lon, alts))
            wof_units.append(r)
        elif kind == "county":
            county_alts.append((lat, lon, r["name"], alts))
            wof_units.append(r)
        elif kind in ("locality", "neighbourhood", "campus"):
            pop = int(r["population"] or 0)
            feature = {"neighbourhood": "neighbourhood", "campus": "landmark"}.get(kind) or populated_feature(pop)
            row = _Row(f"wof:{r['wof_id']}", r["name"], feature, lat, lon, iso2, alts, population=pop, source="wof")
            rows.append(row)
            if r["gn_id"]:
                by_gn[r["gn_id"]] = row

    for r in world:  # GeoNames cities500 rows of the country: join on geonameid, else add
        if r["country_code"] != iso2:
            continue
        alts = _split_alt(r["alternatenames"]) | {r["name"], r["asciiname"]}
        pop = int(r["population"] or 0)
        row = by_gn.get(r["geonameid"])
        if row is not None:
            row.altnames |= alts
            if not _is_latin(row.name):  # WOF sometimes names a town in Arabic only
                row.name = r["asciiname"] or r["name"]
            if row.feature in _POPULATED:
                row.population = max(row.population, pop)
                row.feature = populated_feature(row.population)
        else:
            row = _Row(f"gn:{r['geonameid']}", r["asciiname"] or r["name"], populated_feature(pop), float(r["latitude"]),
                       float(r["longitude"]), iso2, alts, population=pop, source="geonames")
            rows.append(row)
            by_gn[r["geonameid"]] = row

    if spec.get("supplement"):
        sup_path = sources / spec["supplement"]
        for r in _read_tsv(sup_path):
            feature = _SUPPLEMENT_FEATURES.get(r["feature"])
            if feature is None:
                raise DataFileError(str(sup_path), r["key"], f"unknown feature {r['feature']!r}")
            alts = _split_alt(r["aliases"])
            link = r["links_to"].split(":", 1)[1].split(";")[0].strip() if r["links_to"].startswith("gn:") else ""
            if feature in _POPULATED and link in by_gn:  # an alias row for an existing town
                by_gn[link].altnames |= alts | {r["name"]}
                continue
            name = r["name"]
            if "(" in name and name.endswith(")"):  # "Al-Jabal (Rawa)": a neighbourhood of Rawa -> "Rawa - Al-Jabal"
                inner, town = name[:-1].split("(", 1)
                alts.add(inner.strip())
                name = f"{town.strip()} - {inner.strip()}"
            rows.append(_Row(f"sup:{r['key']}", name, feature, float(r["lat"]), float(r["lon"]), iso2,
                             alts | {r["name"]}, source="supplement"))

    for row in rows:
        row.admin1, row.admin2, row.admin3 = bounds.locate(row.lat, row.lon)

    for row in rows:
        if not _is_latin(row.name):
            latin = sorted(a for a in row.altnames if _is_latin(a))
            row.name = latin[0] if latin else row.name
    _drop_other_campus_names(rows)
    if isinstance(bounds, _Boundaries):
        rows += _admin_unit_rows(bounds, overrides / spec["capitals"], by_gn, rows, region_alts, county_alts, iso2)
    else:
        rows += _wof_unit_rows(wof_units, bounds, rows, iso2)
    rows += _former_rows(former, rows, by_gn, bounds, iso2)
    return rows, by_gn


def _drop_other_campus_names(rows: list[_Row]) -> None:
    """WOF gives some airfields another airfield's name as an alternate name (Al Taqaddum Airport is also
    "Al Asad Airport"): a campus keeps no alternate name that is another campus's own name."""
    campus = [r for r in rows if r.feature == "landmark" and r.source == "wof"]
    own = defaultdict(set)
    for r in campus:
        own[fold_key(r.name)].add(r.id)
    for r in campus:
        r.altnames = {a for a in r.altnames if not (own.get(fold_key(a), set()) - {r.id})}


def _former_rows(former: list[dict[str, str]], rows: list[_Row], by_gn: dict[str, _Row], bounds,
                 iso2: str) -> list[_Row]:
    """Villages WOF marks as not current (GeoNames records of abandoned, destroyed or superseded villages,
    e.g. "Umm al Hintah" in Diyala, "Artis" in Dahuk): conflict reports still name them. Each is kept under
    those of its Latin names that no current place or admin unit of the country is called by (normalised
    keys), so it never competes with a current homonym; one with no such name, or whose GeoNames record is
    already a place, is left out."""
    taken: set[str] = set()
    for r in rows:
        for a in r.altnames | {r.name}:
            taken |= alias_keys(a)
    out = []
    for r in sorted(former, key=lambda r: int(r["wof_id"])):
        if r["gn_id"] and r["gn_id"] in by_gn:
            continue
        names = {_clean(a) for a in _split_alt(r["altnames"]) | {r["name"]}} - {""}
        free = sorted(a for a in names if _is_latin(a) and not (alias_keys(a) & taken))
        if not free:
            continue
        name = r["name"] if r["name"] in free else free[0]
        row = _Row(f"wof:{r['wof_id']}", name, "village", float(r["lat"]), float(r["lon"]), iso2,
                   set(free) | {a for a in names if not _is_latin(a)}, source="wof")
        row.admin1, row.admin2, row.admin3 = bounds.locate(row.lat, row.lon)
        out.append(row)
    return out


def _own_names(places: list[_Row], unit_names: set[str]):
    """Filter for a unit's alternate names: WOF region/county alternate names include neighbouring towns
    ("Al Rumadi" for Anbar, "Kirkuk" for Dibis), so keep one only if no other town of some size or admin
    unit is called so."""
    taken = {fold_key(a) for p in places if p.feature in _POPULATED and p.population >= 1000
             for a in p.altnames | {p.name}}
    taken |= {fold_key(n) for n in unit_names}

    def own(alts: set[str], name: str) -> set[str]:
        return {a for a in alts if fold_key(a) == fold_key(name) or fold_key(a) not in taken}

    return own


def _wof_unit_rows(units: list[dict[str, str]], bounds: _WofBoundaries, places: list[_Row], iso2: str) -> list[_Row]:
    """Regions (admin1) and counties (admin2) of a WOF country as places. A region's point is its biggest
    town's, a county's the point of its same-named town where there is one, else WOF's label point."""
    biggest: dict[str, _Row] = {}
    same_named: dict[tuple[str, str], _Row] = {}
    for p in places:
        if p.feature in _POPULATED:
            if p.admin1 and (p.admin1 not in biggest or (biggest[p.admin1].population, biggest[p.admin1].id) <
                             (p.population, p.id)):
                biggest[p.admin1] = p
            for alt in p.altnames | {p.name}:
                key = (p.admin2, fold_key(alt))
                if key not in same_named or (same_named[key].population, same_named[key].id) < (p.population, p.id):
                    same_named[key] = p
    own = _own_names(places, {n for n, _ in bounds.regions} | {n for n, _, _ in bounds.counties})
    region_by_wof = {}
    out: list[_Row] = []
    for r in sorted(units, key=lambda r: int(r["wof_id"])):
        if r["placetype"] != "region":
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        name = bounds.names.get(int(r["wof_id"]), unit_name(r["name"]))
        region_by_wof[r["wof_id"]] = name
        town = biggest.get(name)
        if town is not None:
            lat, lon = town.lat, town.lon
        alts = own(_split_alt(r["altnames"]) | {r["name"]}, name) | {name, unit_name(r["name"])}
        out.append(_Row(f"wof:{r['wof_id']}", name, "admin1", lat, lon, iso2, alts, name, source="wof"))
    for r in sorted(units, key=lambda r: int(r["wof_id"])):
        if r["placetype"] != "county":
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        admin1 = region_by_wof.get(r["region_id"]) or bounds.locate(lat, lon)[0]
        name = bounds.names.get(int(r["wof_id"]), unit_name(r["name"]))
        town = same_named.get((name, fold_key(name)))
        if town is not None:
            lat, lon = town.lat, town.lon
        alts = own(_split_alt(r["altnames"]) | {r["name"]}, name) | {name}
        out.append(_Row(f"wof:{r['wof_id']}", name, "admin2", lat, lon, iso2, alts, admin1, name, source="wof"))
    return out


def _similar_names(unit: str, town: _Row, threshold: float = 0.8) -> bool:
    """A unit and a town are called alike: one of the town's Latin names is a close spelling of the unit's
    ("Nassriya" / "An Nasiriyah", "Duhok" / "Dahuk"), compared on normalised keys."""
    key = fold_key(unit)
    if not key:
        return False
    for a in town.altnames | {town.name}:
        k = fold_key(a) if _is_latin(a) else ""
        if k and (k == key or difflib.SequenceMatcher(None, k, key).ratio() >= threshold):
            return True
    return False


def _seat_town(unit: str, towns: list[_Row]) -> _Row | None:
    """The biggest town of a unit that is called like the unit (its seat, by the usual naming)."""
    alike = [t for t in towns if _similar_names(unit, t)]
    return max(alike, key=lambda t: (t.population, t.id)) if alike else None


def _admin_unit_rows(bounds: _Boundaries, capitals_path: Path, by_gn: dict[str, _Row], places: list[_Row],
                     region_alts, county_alts, iso2: str) -> list[_Row]:
    """The admin units themselves as places; each carries its main town's point where one is known."""
    capitals = {r["admin1"]: r for r in _read_tsv(capitals_path)}
    towns: dict[tuple[int, str, str], _Row] = {}  # (level, unit name, folded town name) -> biggest town
    in_unit: dict[tuple[int, str], list[_Row]] = defaultdict(list)
    for p in places:
        if p.feature in ("city", "town"):
            in_unit[(2, p.admin2)].append(p)
            in_unit[(3, p.admin3)].append(p)
        if p.feature in _POPULATED:
            for level, unit in ((2, p.admin2), (3, p.admin3)):
                for alt in p.altnames | {p.name}:
                    key = (level, unit, fold_key(alt))
                    if key not in towns or (towns[key].population, towns[key].id) < (p.population, p.id):
                        towns[key] = p
    own = _own_names(places, {props[f"ADM{lvl}_EN"] for lvl, units in enumerate(bounds.levels, start=1)
                              for props, _ in units})

    out: list[_Row] = []
    for level, units in enumerate(bounds.levels, start=1):
        for props, geom in units:
            name = props[f"ADM{level}_EN"]
            alts = {props.get(f"ADM{level}_AR") or "", name} - {""}
            rep = geom.representative_point()
            lat, lon = round(rep.y, 5), round(rep.x, 5)
            admins = [props.get(f"ADM{lvl}_EN") or "" for lvl in (1, 2, 3)]
            admins = [a if lvl <= level else "" for lvl, a in enumerate(admins, start=1)]
            if level == 1:
                cap = capitals.get(name)
                if cap is None:
                    raise DataFileError(str(capitals_path), name, "no capital listed for this admin1 unit")
                town = by_gn.get(cap["geonameid"])
                if town is None:
                    raise DataFileError(str(capitals_path), name, f"geonameid {cap['geonameid']} not in the sources")
                lat, lon = town.lat, town.lon
                for rlat, rlon, ralts in region_alts:
                    if bounds.locate(rlat, rlon)[0] == name:
                        alts |= own(ralts, name)
                if _similar_names(name, town):  # Duhok province, Dahuk city: each gets the other's spellings
                    alts |= {a for a in town.altnames | {town.name} if _is_latin(a)}
                    town.altnames.add(name)
            else:
                town = towns.get((level, name, fold_key(name))) or _seat_town(name, in_unit.get((level, name), []))
                if town is not None:
                    lat, lon = town.lat, town.lon
                    if _similar_names(name, town):  # "Nassriya" district, An Nasiriyah town
                        alts |= {a for a in town.altnames | {town.name} if _is_latin(a)}
                        town.altnames.add(name)
                if level == 2:
                    for clat, clon, cname, calts in county_alts:
                        if fold_key(cname) == fold_key(name) and bounds.locate(clat, clon)[0] == admins[0]:
                            alts |= own(calts, name)
            out.append(_Row(f"ocha:{props[f'ADM{level}_PCODE']}", name, f"admin{level}", lat, lon, iso2, alts,
                            *admins, source="ocha"))
    known = {fold_key(r.name) for r in out if r.feature == "admin2"}
    for clat, clon, cname, calts in county_alts:  # WOF/ESOC districts with no OCHA twin ("Ru'ua")
        if fold_key(cname) not in known:
            a1, a2, a3 = bounds.locate(clat, clon)
            out.append(_Row(f"wof:county:{fold_key(cname).replace(' ', '_')}", cname, "admin2", clat, clon, iso2,
                            own(calts, cname), a1, a2, a3, source="wof"))
    return out


# ---------------------------------------------------------------------------
# world layer
# ---------------------------------------------------------------------------


def _world_rows(world: list[dict[str, str]], countries: list[_Country], focus: set[str], min_pop: int,
                admin_names: _AdminNames) -> tuple[list[_Row], dict[str, _Row]]:
    """Populated places, capitals and admin1/admin2 units of non-focus countries; returns rows and capital per
    iso2. An admin unit's point is its biggest populated place's; a unit with none is left out (no made-up point)."""
    rows: list[_Row] = []
    capital_names = {c.iso2: fold_key(c.capital) for c in countries if c.capital}
    capitals: dict[str, dict[str, str]] = {}
    biggest: dict[str, dict[str, str]] = {}  # admin code ("IQ.01", "IQ.01.9166650") -> biggest place in it
    for r in world:
        cc, pop = r["country_code"], int(r["population"] or 0)
        if cc in capital_names and capital_names[cc] in {fold_key(r["name"]), fold_key(r["asciiname"])}:
            if cc not in capitals or int(capitals[cc]["population"] or 0) < pop:
                capitals[cc] = r
        for k in (r["admin1_code"], r["admin2_code"]):  # full codes: "IQ.01", "IQ.01.98718"
            if not k:
                continue
            if k not in biggest or (int(biggest[k]["population"] or 0), biggest[k]["geonameid"]) < (
                    pop, r["geonameid"]):
                biggest[k] = r
    capital_ids = {r["geonameid"] for r in capitals.values()}
    capital_rows: dict[str, _Row] = {}
    for r in world:
        cc = r["country_code"]
        is_capital = r["geonameid"] in capital_ids
        if cc in focus and not is_capital:
            continue
        pop = int(r["population"] or 0)
        if pop < min_pop and not is_capital:
            continue
        a1 = admin_names.by_code.get(r["admin1_code"], unit_name(r["admin1_name"])) if r["admin1_code"] else ""
        a2 = admin_names.by_code.get(r["admin2_code"], unit_name(r["admin2_name"])) if r["admin2_code"] else ""
        row = _Row(f"gn:{r['geonameid']}", r["asciiname"] or r["name"],
                   populated_feature(max(pop, 50_000 if is_capital else 0)),
                   float(r["latitude"]), float(r["longitude"]), cc,
                   _split_alt(r["alternatenames"]) | {r["name"], r["asciiname"]}, a1, a2, "", pop, "geonames")
        if is_capital:
            capital_rows[cc] = row
        if cc not in focus:
            rows.append(row)
    for code in sorted(admin_names.by_code):
        cc = code.split(".")[0]
        big = biggest.get(code)
        if cc in focus or big is None:
            continue
        name = admin_names.by_code[code]
        level = code.count(".")
        a1 = admin_names.by_code.get(".".join(code.split(".")[:2]), "")
        raw = admin_names.alts.get(code, set())
        rows.append(_Row(f"gn:{admin_names.gid_of[code]}", name, f"admin{level}", float(big["latitude"]),
                         float(big["longitude"]), cc, {name} | raw, a1, name if level == 2 else "", source="geonames"))
    return rows, capital_rows


# ---------------------------------------------------------------------------
# the build
# ---------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def build_gazetteer(sources_dir: Path, out_dir: Path, overrides_dir: Path | None = None) -> dict:
    """Build the gazetteer from `sources_dir` into `out_dir`; returns the manifest (also written there).

    Deterministic: the same sources and overrides give byte-identical files.
    """
    sources_dir, out_dir = Path(sources_dir), Path(out_dir)
    overrides = Path(overrides_dir) if overrides_dir else DEFAULT_OVERRIDES
    config = tomllib.loads((overrides / "build.toml").read_text("utf-8"))
    countries = _read_countries(sources_dir / "geonames/countryInfo.txt")
    by_iso2 = {c.iso2: c for c in countries}
    by_iso3 = {c.iso3: c for c in countries}
    by_continent, region_of = _read_regions(overrides / "acled_regions.tsv")
    world = _read_tsv(sources_dir / "world/geonames_cities500_admin.tsv.gz")
    focus = {spec["iso2"] for spec in config["focus"]}

    admin_names = _AdminNames(sources_dir / "geonames/admin1CodesASCII.txt", sources_dir / "geonames/admin2Codes.txt")
    rows, capital_rows = _world_rows(world, countries, focus, int(config["world_min_population"]), admin_names)
    for spec in config["focus"]:
        focus_rows, by_gn = _focus_rows(sources_dir, overrides, spec, world, admin_names)
        rows += focus_rows
        cap = capital_rows.get(spec["iso2"])
        if cap is not None and cap.id.removeprefix("gn:") in by_gn:
            capital_rows[spec["iso2"]] = by_gn[cap.id.removeprefix("gn:")]

    aliases: dict[str, set[str]] = defaultdict(set)
    for r in _read_tsv(overrides / "country_aliases.tsv"):
        if r["iso3"] not in by_iso3:
            raise DataFileError(str(overrides / "country_aliases.tsv"), r["iso3"], "unknown ISO3 code")
        aliases[r["iso3"]].add(r["alias"])
    country_table = []
    for c in sorted(countries, key=lambda c: c.iso2):
        cap = capital_rows.get(c.iso2)
        lat, lon = (cap.lat, cap.lon) if cap else (0.0, 0.0)
        region = region_of.get(c.iso2) or by_continent.get(c.continent, "")
        country_table.append([c.iso2, c.iso3, str(c.isonum), c.name, c.capital, cap.id if cap else "", c.continent,
                              region, _fmt(lat), _fmt(lon), str(c.population)])
        if cap:
            rows.append(_Row(f"country:{c.iso3}", c.name, "country", lat, lon, c.iso2, {c.name} | aliases[c.iso3],
                             population=c.population, source="geonames"))

    out_dir.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)]
    names: list[tuple[str, tuple[int, int]]] = []
    keys_of: dict[str, set[str]] = {}
    rows.sort(key=lambda r: r.id)
    # a spelling variant is indexed only where it fills a gap: no place of the country is called so already
    # (a generic word left bare, "Qaryat Jazirah" -> "Jazirah", would add one more homonym of a common name)
    country_keys: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for a in r.altnames | {r.name}:
            country_keys[r.iso2] |= _name_keys(_clean(a), keys_of)
    for i, r in enumerate(rows):
        name = _clean(r.name)
        alts = sorted({_clean(a) for a in r.altnames} - {name, ""})
        lines.append("\t".join([
            r.id, name, r.feature, _fmt(r.lat), _fmt(r.lon), by_iso2[r.iso2].iso3, _clean(r.admin1),
            _clean(r.admin2), _clean(r.admin3), str(r.population or ""), r.source, "|".join(alts),
        ]))
        primary = _name_keys(name, keys_of)
        names += [(k, (i, 1)) for k in sorted(primary)]
        variants = {v for a in [name, *alts] for v in variant_names(a, r.feature, r.iso2 in focus)}
        gaps = set().union(*(_name_keys(v, keys_of) for v in variants)) - country_keys[r.iso2]
        names += [(k, (i, 0)) for k in sorted(set().union(*(_name_keys(a, keys_of) for a in alts), gaps) - primary)]
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    (out_dir / "places.tsv.gz").write_bytes(raw.getvalue())
    marisa_trie.RecordTrie(NAME_RECORD, sorted(names)).save(str(out_dir / "names.marisa"))
    country_lines = ["\t".join(COUNTRY_COLUMNS)] + ["\t".join(r) for r in country_table]
    (out_dir / "countries.tsv").write_text("\n".join(country_lines) + "\n", "utf-8")
    (out_dir / "ATTRIBUTION.md").write_text(
        "# Gazetteer attribution\n\nThe files in this folder are built by `coder gazetteer build` from:\n\n"
        + "".join(f"- {line}\n" for line in _ATTRIBUTION)
        + "- Hand-made overrides in `overrides/` and the Iraq supplement: CC0.\n", "utf-8")

    source_files = sorted({
        "geonames/countryInfo.txt", "geonames/admin1CodesASCII.txt", "geonames/admin2Codes.txt",
        "world/geonames_cities500_admin.tsv.gz",
        *(p for spec in config["focus"] for p in (spec["wof"], spec.get("supplement"), spec.get("polygons"),
                                                     *spec.get("boundaries", [])) if p),
    })
    manifest = {
        "builder_version": BUILDER_VERSION,
        "key_version": KEY_VERSION,
        "sources": [{"path": p, "licence": _licence(p), "sha256": _sha256(sources_dir / p)} for p in source_files],
        "overrides": [{"path": f"overrides/{p.name}", "sha256": _sha256(p)}
                      for p in sorted(overrides.iterdir()) if p.is_file()],
        "files": {
            "places.tsv.gz": {"sha256": _sha256(out_dir / "places.tsv.gz"), "rows": len(lines) - 1},
            "names.marisa": {"sha256": _sha256(out_dir / "names.marisa"), "rows": len(names)},
            "countries.tsv": {"sha256": _sha256(out_dir / "countries.tsv"), "rows": len(country_lines) - 1},
            "ATTRIBUTION.md": {"sha256": _sha256(out_dir / "ATTRIBUTION.md"), "rows": 0},
        },
    }
    manifest["version"] = hashlib.sha256(
        "".join(manifest["files"][k]["sha256"] for k in sorted(manifest["files"])).encode()).hexdigest()
    (out_dir / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    return manifest


# Generic words reports drop from a name: "Qaryat az Zuhayrat" (village of) is "Zuhayrat", "Nahiyat Abi Sayda"
# (subdistrict of) "Abi Saida", "Hay al-Jihad" (quarter) "al-Jihad", "'Arab Farhatiyah" "Farhatiyah"; "Hay"
# only before an Arabic article, so that "Hay River" keeps its name.
_GENERIC_PREFIX = re.compile(r"^(?:Qaryat|Qaryah|Qarya|Nahiyat|Nahiyah|Nahiya|Nahiyet|[`'‘ʿ]Arab)\s+(?=\S)|"
                             r"^(?:Hayy?|Hai)\s+(?=(?:al|el|as|ash|ar|at|ad|an|az)[\s-])", re.IGNORECASE)
_AIRFIELD = re.compile(r"^(.+?)\s+(?:Airport|Air\s*Base|Airbase|Air\s*Field|Airfield|Military\s+Airport)$", re.IGNORECASE)


_PARTS = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){1,2}$")


def variant_names(name: str, feature: str, joined: bool = False) -> set[str]:
    """Other spellings reports use for a place name that the normalised keys do not fold together: the name
    without a generic first word (Qaryat, Nahiyat, Hay al-, 'Arab); with `joined` (Kurdish and Arabic names of
    the focus countries) a name of two or three parts written as one word, as reports often do ("Fish Khabur":
    "Fishkhabur", "Kel-a Shin": "Kelashin"), and a neighbourhood's name after "Hay" (quarter: "Hay al-Jihad"); and, for an airfield, its "X Airport" / "X Air Base" / "X Airbase" / "X Airfield" forms. A
    variant is at least four letters long.

    Size and position words after a name ("Kani Masi as Saghirah", "Shamar al Wusta") are deliberately kept:
    without them the name is often a tribe's or another province's place ("the Al Shammar tribe", the Kani
    Masi of Dahuk), and on the ACLED dev part dropping them misplaced more events than it placed."""
    out: set[str] = set()
    if not _is_latin(name):
        return out
    bare = _GENERIC_PREFIX.sub("", name)
    if bare != name:
        out.add(bare[:1].upper() + bare[1:])  # "az Zuhayrat" -> "Az Zuhayrat": an article starting a name is dropped
    if joined and _PARTS.match(name) and not _GENERIC_PREFIX.match(name):
        # "Fish Khabur" -> "Fishkhabur", "Kel-a Shin" -> "Kelashin"; not "Al Qaim", "Umm ash Shuwayj" or
        # "Qaryat Jabbar"
        parts = re.split(r"[ -]", name)
        if (len(parts[0]) > 1 and len(parts[-1]) > 2 and not any(p.lower() in ARTICLES for p in parts)
                and (len(parts) == 2 or len(parts[1]) <= 2)):  # three parts: a Kurdish izafe between ("-a")
            out.add(parts[0] + "".join(p.lower() for p in parts[1:]))
    if feature == "neighbourhood" and joined and not _GENERIC_PREFIX.match(name):
        out.add(f"Hay {name[:1].upper()}{name[1:]}")  # "Jihad" -> "Hay Jihad" = "Hay al-Jihad", "Hai al-Jihad"
    if feature == "landmark":
        m = _AIRFIELD.match(name)
        if m:
            out |= {f"{m.group(1)} {noun}" for noun in ("Airport", "Air Base", "Airbase", "Airfield")}
    return {v for v in out if v != name and len(fold_key(v).replace(" ", "")) >= 4}


def _name_keys(name: str, cache: dict[str, set[str]]) -> set[str]:
    """Normalised keys of one Latin-script name (coder.places.alias_keys), at most MAX_KEY_WORDS words and
    with a letter in them; other scripts are not indexed (the coder reads English text)."""
    keys = cache.get(name)
    if keys is None:
        keys = {k for k in alias_keys(name) if k.count(" ") < MAX_KEY_WORDS and any(c.isalpha() for c in k)} \
            if _is_latin(name) else set()
        cache[name] = keys
    return keys


def _licence(path: str) -> str:
    best = max((k for k in _LICENCES if path.startswith(k + "/")), key=len, default="")
    return _LICENCES.get(best, "see ATTRIBUTION.txt")
