"""Stage 5: find place phrases in a sentence and resolve them against the gazetteer.

Entry point: `find_place_mentions(text, offset, gazetteer, context) -> list[PlaceMention]`.
The gazetteer (built by coder.gazetteer_build) and the vague-region policy (coder/data/regions.toml)
are data; this module holds the matching and ranking logic only.
"""

from __future__ import annotations

import bisect
import functools
import csv
import difflib
import io
import itertools
import json
import math
import operator
import re
import tomllib
import unicodedata
from typing import NamedTuple
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import marisa_trie
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from coder.errors import DataFileError
from coder.gazetteer_extra import GazetteerExtra, read_extra
from coder.models import Place, PlaceMention

# ---------------------------------------------------------------------------
# Name normalisation (shared with the build)
# ---------------------------------------------------------------------------

NAME_RECORD = "<IB"  # names.marisa value: (row index, 1 if the key is of the place's own name)
MAX_KEY_WORDS = 6  # longer names are not indexed: news text never writes them out
KEY_VERSION = "2"  # bump when fold_word/tokenize change: the built `keys` column must be rebuilt
ARTICLES = frozenset({"al", "as", "ar", "at", "ad", "an", "az", "ash", "el", "adh", "ath"})
# written in lower case between two capitalised words of one name ("Salah ad Din", "Tall adh Dhahab"); not
# "as", "at", "an", which are English words between names
INNER_ARTICLES = frozenset({"al", "el", "ad", "adh", "ash", "az", "ar", "ath"})
_APOSTROPHES = "’‘ʼʻʿʾ`'´"
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d",
                          "þ": "th", "ə": "e", "ɛ": "e", "ɔ": "o"})
_DOUBLE = re.compile(r"(.)\1+")


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 14)
def _lower_ascii(word: str) -> str:
    return _ascii(word).lower()


@functools.lru_cache(maxsize=1 << 14)
def fold_word(word: str) -> str:
    """Canonical spelling of one lower-case word: the transliteration variants collapse to one key.

    ch->j, q->k, ee->i, ou->u, y->i; a final vowel+h loses the h (Fallujah = Falluja); doubled letters
    collapse (Nassiriya = Nasiriya); a final -ia/-iya/-iyah/-iyya becomes -i (Sulaimani = Sulaymaniyah).
    """
    w = word.replace("ch", "j").replace("q", "k").replace("ee", "i").replace("ou", "u").replace("y", "i")
    if len(w) > 2 and w[-1] == "h" and w[-2] in "aeiou":
        w = w[:-1]
    w = _DOUBLE.sub(r"\1", w)
    if len(w) > 3 and w.endswith("ia"):
        w = w[:-1]
    return w


class Token(NamedTuple):
    start: int  # offsets into the text the token came from
    end: int
    raw: str
    key: str  # folded word; "" for a dropped article

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()


_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")
_WORD_KEYS: dict[str, tuple[str, str, bool]] = {}  # word as written -> (_lower_ascii, fold_word of that, an article)
_new_token = functools.partial(tuple.__new__, Token)
# the words of `tokenize` as the odd items of a split (only non-word characters lie between two words); on ASCII text
# the second pattern finds the same words, faster
_WORD_SPLIT = re.compile(r"([^\W\d_]+|\d+)")
_WORD_SPLIT_ASCII = re.compile(r"([A-Za-z]+|[0-9]+)")
_accumulate = itertools.accumulate
_second = operator.itemgetter(1)
_third = operator.itemgetter(2)
_by_position = operator.attrgetter("start", "end")  # of a PlaceMention


def _word_keys(raw: str) -> tuple[str, str, bool]:
    if len(_WORD_KEYS) >= 1 << 15:
        _WORD_KEYS.clear()
    low = raw.lower() if raw.isascii() else _lower_ascii(raw)  # _ascii leaves an ASCII word as it is
    found = _WORD_KEYS[raw] = (low, fold_word(low), low in ARTICLES)
    return found


def _split_words(text: str) -> list[str]:
    return (_WORD_SPLIT_ASCII if text.isascii() else _WORD_SPLIT).split(text)


class _Words(NamedTuple):
    """The words of a text as `tokenize` reads them, column-wise (no object per word)."""

    starts: list[int]
    ends: list[int]
    raws: list[str]
    keys: list[str]  # folded word; "" for a dropped article

    def token(self, i: int) -> Token:
        return Token(self.starts[i], self.ends[i], self.raws[i], self.keys[i])


def _words_of(src: str, parts: list[str]) -> _Words:
    """The words of `src` from `_split_words(src)`: their offsets are the running sums of the parts' lengths."""
    raws = parts[1::2]
    ends = list(_accumulate(map(len, parts)))
    starts = ends[0:-1:2]
    del ends[0::2]
    got = list(map(_WORD_KEYS.get, raws))
    if None in got:
        got = [k or _word_keys(raw) for raw, k in zip(raws, got)]
    keys = list(map(_second, got))
    if True in map(_third, got):
        last = len(raws) - 1
        for i in [i for i, k in enumerate(got) if k[2]]:  # an article before a name: "Al-Anbar", "Salah ad Din"
            if i < last:
                raw, nxt, e = raws[i], raws[i + 1], ends[i]
                if nxt[:1].isalpha():
                    nxt_start = starts[i + 1]
                    if (src[e:e + 1] == "-" or (raw[:1].isupper() and nxt[:1].isupper() and nxt_start == e + 1) or (
                            got[i][0] in INNER_ARTICLES and raw.islower() and nxt[:1].isupper() and nxt_start == e + 1
                            and i > 0 and raws[i - 1][:1].isupper() and ends[i - 1] == starts[i] - 1)):
                        keys[i] = ""
    return _Words(starts, ends, raws, keys)


def tokenize(text: str, apostrophe: str = " ") -> list[Token]:
    """Words of `text` with their folded keys; an Arabic article before a name gets key "".

    Apostrophes split words (Ru'ua -> ru ua); with apostrophe="" they are deleted instead (Qal'at -> kalat).
    """
    src = text
    if apostrophe == "":
        src = _APOSTROPHE.sub("", text)
    return list(map(_new_token, zip(*_words_of(src, _split_words(src)))))


@functools.lru_cache(maxsize=1 << 14)
def fold_key(name: str) -> str:
    """The normalised key of a name ("Al-Fallujah" -> "faluja")."""
    return " ".join(t.key for t in tokenize(name) if t.key)


def _name_keys(names: list[str]) -> list[str]:
    """`fold_key` of each name of a long list (the places of an admin unit or a country), without `fold_key`'s
    cache, which such a list would flush of the names texts use, and without its Token objects."""
    split, words_of = _split_words, _words_of
    return [" ".join([k for k in words_of(n, split(n)).keys if k]) for n in names]


@functools.lru_cache(maxsize=1 << 14)
def alias_keys(name: str) -> frozenset[str]:
    """All keys a gazetteer name is indexed under (apostrophes as space and as nothing)."""
    keys = {fold_key(name), " ".join(t.key for t in tokenize(name, apostrophe="") if t.key)}
    return frozenset(k for k in keys if k)


@functools.lru_cache(maxsize=1 << 14)
def _plain(name: str) -> str:
    """Lower-case ASCII words without articles and without transliteration folding ("Agree" != "Agri")."""
    return " ".join(_ascii(t.raw).lower() for t in tokenize(name) if t.key)


def _is_latin(name: str) -> bool:
    return any("a" <= ch <= "z" for ch in _ascii(name).lower())


# ---------------------------------------------------------------------------
# Region policy (coder/data/regions.toml)
# ---------------------------------------------------------------------------

DIRECTIONS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
              "southwest": 225.0, "west": 270.0, "northwest": 315.0, "central": None}
_REGION_KEYS = {"country", "direction", "admin1", "point", "note"}
_TOP_KEYS = {"region", "demonyms", "not_places"}


@dataclass(frozen=True)
class Region:
    country: str  # ISO3
    direction: str
    admin1: tuple[str, ...]
    point: str  # name of a place of the country whose point represents the region


@dataclass(frozen=True)
class RegionPolicy:
    regions: dict[tuple[str, str], Region]
    demonyms: dict[str, str]  # folded demonym -> ISO3 ("iraki" -> "IRQ")
    not_places: frozenset[str]  # folded words never taken as place names


def load_region_policy(path: Path | None = None) -> RegionPolicy:
    """Read and validate the vague-region policy; refuses unknown keys naming the file and entry."""
    if path is None:
        text, name = resources.files("coder").joinpath("data/regions.toml").read_text("utf-8"), "coder/data/regions.toml"
    else:
        text, name = Path(path).read_text("utf-8"), str(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(name, "file", f"not valid TOML ({exc})") from exc
    for key in raw:
        if key not in _TOP_KEYS:
            raise DataFileError(name, key, f"unknown top-level key (allowed: {', '.join(sorted(_TOP_KEYS))})")
    regions: dict[tuple[str, str], Region] = {}
    for i, entry in enumerate(raw.get("region", [])):
        where = f"region[{i}] {entry.get('country', '?')} {entry.get('direction', '?')}"
        unknown = set(entry) - _REGION_KEYS
        if unknown:
            raise DataFileError(name, where, f"unknown key(s) {sorted(unknown)} (allowed: {sorted(_REGION_KEYS)})")
        missing = {"country", "direction", "admin1", "point"} - set(entry)
        if missing:
            raise DataFileError(name, where, f"missing key(s) {sorted(missing)}")
        if entry["direction"] not in DIRECTIONS:
            raise DataFileError(name, where, f"direction must be one of {sorted(DIRECTIONS)}")
        if not entry["admin1"] or not all(isinstance(a, str) and a for a in entry["admin1"]):
            raise DataFileError(name, where, "admin1 must be a non-empty list of names")
        key = (entry["country"], entry["direction"])
        if key in regions:
            raise DataFileError(name, where, "duplicate region")
        regions[key] = Region(entry["country"], entry["direction"], tuple(entry["admin1"]), entry["point"])
    demonyms = {}
    for word, iso3 in raw.get("demonyms", {}).items():
        if not (isinstance(iso3, str) and len(iso3) == 3):
            raise DataFileError(name, f"demonyms.{word}", "value must be an ISO3 code")
        demonyms[fold_key(word)] = iso3
    not_places = raw.get("not_places", [])
    if not isinstance(not_places, list):
        raise DataFileError(name, "not_places", "must be a list of words")
    return RegionPolicy(regions, demonyms, frozenset(fold_key(w) for w in not_places) | frozenset(demonyms))


# ---------------------------------------------------------------------------
# The gazetteer
# ---------------------------------------------------------------------------

FEATURE_SCORE = {"country": 7.0, "admin1": 6.0, "city": 5.0, "town": 3.5, "admin2": 3.0, "landmark": 3.0,
                 "admin3": 2.0, "village": 1.0, "neighbourhood": 1.0, "region": 3.0}
POPULATED = frozenset({"city", "town", "village"})
# Places that may stand without a locative cue; anything smaller needs "in/near/..." or "X village".
NEEDS_NO_CUE = frozenset({"country", "admin1", "city"})


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    isonum: int
    name: str
    capital_id: str
    region: str  # ACLED region ("Middle East")


def default_gazetteer_dir() -> Path:
    import coder

    return Path(coder.__file__).resolve().parents[1] / "gazetteer"


class _IdView:
    """Sequence view of the sorted id column for bisect (no Python list of 400,000 ids is made)."""

    def __init__(self, ids: pa.Array):
        self._ids = ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i: int) -> str:
        return self._ids[i].as_py()


PLACE_COLUMNS = ("id", "name", "feature", "lat", "lon", "iso3", "admin1", "admin2", "admin3", "population", "source")


@dataclass
class Gazetteer:
    """The built gazetteer in memory, column-wise.

    `names` is a marisa-trie from normalised name key to (row, is the place's own name); the place table
    stays in Arrow/NumPy columns and a `Place` is made only for a row a text actually names.
    """

    version: str
    names: marisa_trie.RecordTrie
    table: pa.Table
    countries: dict[str, CountryInfo]  # by ISO3
    policy: RegionPolicy
    _cache: dict[int, Place] = field(default_factory=dict)

    def __post_init__(self) -> None:
        t = self.table
        self.size = t.num_rows
        self._ids = _IdView(t.column("id").combine_chunks())
        self._lat = t.column("lat").to_numpy()
        self._lon = t.column("lon").to_numpy()
        self._pop = t.column("population").fill_null(0).to_numpy()
        feat = t.column("feature").combine_chunks().dictionary_encode()
        self._features: list[str] = feat.dictionary.to_pylist()
        self._feature = feat.indices.to_numpy()
        iso = t.column("iso3").combine_chunks().dictionary_encode()
        self._iso3s: list[str] = iso.dictionary.to_pylist()
        self._iso3 = iso.indices.to_numpy()
        unknown = set(self._features) - set(FEATURE_SCORE)
        if unknown:
            raise DataFileError("places.tsv.gz", "feature", f"unknown feature(s) {sorted(unknown)}")
        self._strings = {c: t.column(c).combine_chunks() for c in ("name", "admin1", "admin2", "admin3", "source")}
        self._unit_keys: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
        self._by_country: dict[str, tuple] = {}  # iso3 -> _country_columns
        self._extra: list[Place] = []
        self._areas: dict[str, Place] = {}
        self._extra_ids: dict[str, int] = {}
        self._extra_names: dict[str, list[tuple[int, bool]]] = {}
        self._starts: dict[str, tuple[bool, bool]] = {}
        self.extra_version: str | None = None
        self._clear_key_caches()

    def _clear_key_caches(self) -> None:
        # per name key, kept for the run (a text's names recur): the rows, what the rows' features say, the
        # candidates with their context-free score terms, and rankings made without proximity (see _rank)
        self._rows: dict[str, list[int]] = {}
        self._key_features: dict[str, tuple[bool, bool]] = {}
        self._rank_entries: dict[str, list[tuple]] = {}
        self._rank_cache: dict[tuple, list[Place]] = {}
        self._id_rows: dict[str, int | None] = {}  # place id -> row (None: no such id), as by_id found them
        self._can_start: dict[str, bool] = {}  # word as written -> _may_start of it
        # the extra names (a user's extra places, aliases) by their first word
        self._extra_by_first: dict[str, list[str]] = {}
        for k in self._extra_names:
            self._extra_by_first.setdefault(k.split(" ", 1)[0], []).append(k)

    def keys_inside(self, unit: Place) -> list[tuple[str, int]]:
        """(normalised own-name key, row) of every place inside an admin unit, for spelling-tolerant lookup of a
        name the text places in that unit. Computed once per unit."""
        cache_key = (unit.iso3, unit.admin1 or "", unit.admin2 or "" if unit.feature != "admin1" else "")
        found = self._unit_keys.get(cache_key)
        if found is None:
            rows, a1, a2, names = self._country_columns(unit.iso3)
            inside = pc.equal(a1, cache_key[1])
            if cache_key[2]:
                inside = pc.and_(inside, pc.equal(a2, cache_key[2]))
            found = list(zip(_name_keys(pc.filter(names, inside).to_pylist()),
                             rows[inside.to_numpy(zero_copy_only=False)].tolist()))
            self._unit_keys[cache_key] = found
        return found

    def _country_columns(self, iso3: str) -> tuple[np.ndarray, pa.Array, pa.Array, pa.Array]:
        """The rows of a country's places, in row order, with their admin1, admin2 and name; kept for the run."""
        found = self._by_country.get(iso3)
        if found is None:
            iso = self._iso3s.index(iso3) if iso3 in self._iso3s else -1
            rows = np.nonzero(self._iso3 == iso)[0]
            taken = pa.array(rows)
            found = self._by_country[iso3] = (rows, self._strings["admin1"].take(taken),
                                              self._strings["admin2"].take(taken), self._strings["name"].take(taken))
        return found

    def km_to_unit(self, p: Place, unit: Place) -> float:
        """Distance from `p` to the closest gazetteer place inside an admin unit (how far outside its edge `p`
        lies, to within the spacing of the unit's villages)."""
        rows = np.array([r for _, r in self.keys_inside(unit)], dtype=np.int64)
        if not len(rows):
            return math.inf
        lat, lon = self._lat[rows], self._lon[rows]
        la1, la2 = math.radians(p.latitude), np.radians(lat)
        h = np.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * np.cos(la2) * np.sin(np.radians(lon - p.longitude) / 2) ** 2
        return float(2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, h.min()))))

    def fuzzy_city(self, name: str, iso3: str, threshold: float = 0.85) -> Place | None:
        """The city (50,000 people or more) of a country whose name is the closest spelling of `name`."""
        found = self._unit_keys.get((iso3, "*city*", ""))
        if found is None:
            iso = self._iso3s.index(iso3) if iso3 in self._iso3s else -1
            city = self._features.index("city") if "city" in self._features else -1
            rows = np.nonzero((self._iso3 == iso) & (self._feature == city))[0]
            names = self._strings["name"].take(pa.array(rows)).to_pylist()
            found = list(zip(_name_keys(names), rows.tolist()))
            self._unit_keys[(iso3, "*city*", "")] = found
        return self._closest(name, found, threshold)

    def fuzzy_unit(self, name: str, iso3: str, features: tuple[str, ...], threshold: float = 0.8) -> Place | None:
        """The admin unit of a country (of the given features) whose own name is the closest spelling of `name`
        once spaces are ignored ("Missan province": Maysan; "Saladin province": Salah Al-Din)."""
        cache_key = (iso3, "*units*", ",".join(features))
        found = self._unit_keys.get(cache_key)
        if found is None:
            iso = self._iso3s.index(iso3) if iso3 in self._iso3s else -1
            codes = [self._features.index(f) for f in features if f in self._features]
            rows = np.nonzero((self._iso3 == iso) & np.isin(self._feature, codes))[0]
            names = self._strings["name"].take(pa.array(rows)).to_pylist()
            found = [(k.replace(" ", ""), r) for k, r in zip(_name_keys(names), rows.tolist())]
            self._unit_keys[cache_key] = found
        return self._closest(fold_key(name).replace(" ", ""), found, threshold)

    def fuzzy_inside(self, name: str, unit: Place, threshold: float = 0.8) -> Place | None:
        """The place inside `unit` whose name is the closest spelling of `name` (at least `threshold`
        similar on normalised keys, same first letter); None when nothing is that close."""
        return self._closest(name, self.keys_inside(unit), threshold)

    def _closest(self, name: str, keyed: list[tuple[str, int]], threshold: float) -> Place | None:
        key = fold_key(name)
        if len(key) < 4:
            return None
        best: tuple[float, int, int] | None = None
        matcher = difflib.SequenceMatcher(None, "", key)  # b (cached) is the name sought
        for k, row in keyed:
            if not k or k[0] != key[0] or abs(len(k) - len(key)) > 3:
                continue
            matcher.set_seq1(k)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            r = matcher.ratio()
            if r >= threshold:
                cand = (r, int(self._pop[row]), -row)
                if best is None or cand > best:
                    best = cand
        return None if best is None else self.place(-best[2])

    @classmethod
    def load(cls, directory: Path | None = None, regions: Path | None = None,
             extra: Path | None = None) -> Gazetteer:
        directory = Path(directory) if directory else default_gazetteer_dir()
        manifest_path = directory / "MANIFEST.json"
        try:
            manifest = json.loads(manifest_path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise DataFileError(str(manifest_path), "file", f"cannot read the gazetteer manifest ({exc})") from exc
        if manifest.get("key_version") != KEY_VERSION:
            raise DataFileError(str(manifest_path), "key_version",
                                f"built with name keys v{manifest.get('key_version')}, this code needs v{KEY_VERSION}: "
                                "rebuild with `coder gazetteer build`")
        places_path = directory / "places.tsv.gz"
        try:
            table = pacsv.read_csv(
                places_path,
                parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False, escape_char=False),
                convert_options=pacsv.ConvertOptions(
                    include_columns=list(PLACE_COLUMNS),
                    column_types={c: (pa.float64() if c in ("lat", "lon") else pa.int64() if c == "population"
                                      else pa.string()) for c in PLACE_COLUMNS},
                    strings_can_be_null=False, quoted_strings_can_be_null=False),
                read_options=pacsv.ReadOptions(block_size=1 << 22))
        except (OSError, pa.ArrowInvalid, KeyError) as exc:
            raise DataFileError(str(places_path), "file", f"not a gazetteer place table ({exc})") from exc
        names = marisa_trie.RecordTrie(NAME_RECORD)
        names.mmap(str(directory / "names.marisa"))
        countries = {}
        for r in csv.DictReader(io.StringIO((directory / "countries.tsv").read_text("utf-8")), delimiter="\t",
                                quoting=csv.QUOTE_NONE):
            countries[r["iso3"]] = CountryInfo(r["iso2"], r["iso3"], int(r["isonum"]), r["name"], r["capital_id"],
                                               r["region"])
        gaz = cls(manifest["version"], names, table, countries, load_region_policy(regions))
        # common English spellings the sources lack ("Saladin", "Missan"): alias rows in the extra-places format
        gaz._add_aliases(read_extra(Path(str(resources.files("coder").joinpath("data/place_aliases.csv"))),
                                    set(countries)))
        # named rural areas and mountain ranges the sources lack (hand-entered, approximate): not in the name index;
        # they give admin units and a point to a wide area read as a name the gazetteer lacks (see area_named)
        gaz._load_areas(read_extra(Path(str(resources.files("coder").joinpath("data/areas.csv"))), set(countries),
                                   features=frozenset({"area"})))
        if extra is not None:
            gaz.add_extra(read_extra(extra, set(countries)))
        gaz._check_policy(str(regions or "coder/data/regions.toml"))
        return gaz

    def _check_policy(self, name: str) -> None:
        for (iso3, direction), region in self.policy.regions.items():
            where = f"region {iso3} {direction}"
            if iso3 not in self.countries:
                raise DataFileError(name, where, f"unknown country {iso3!r}")
            for a in region.admin1:
                if self.find(a, iso3, {"admin1"}) is None:
                    raise DataFileError(name, where, f"admin1 {a!r} is not an admin1 unit of {iso3} in the gazetteer")
            if self.find(region.point, iso3) is None:
                raise DataFileError(name, where, f"point {region.point!r} is not a place of {iso3} in the gazetteer")

    # -- lookups -----------------------------------------------------------

    def _load_areas(self, extra: GazetteerExtra) -> None:
        for e in extra.places:
            info = self.countries[e.iso3]
            place = Place(id=f"area:{e.line}", name=e.name, feature="area", latitude=e.lat, longitude=e.lon,
                          country=info.name, iso=info.isonum, iso3=e.iso3, admin1=e.admin1 or None,
                          admin2=e.admin2 or None, admin3=e.admin3 or None, source="project")
            for name in (e.name, *e.aliases):
                self._areas.setdefault(fold_key(name), place)

    def area_named(self, name: str, iso3: str | None) -> Place | None:
        """The project's entry for a wide rural area or mountain range by that name ("Haftanin", "Qandil
        Mountains"), in that country; None if there is none (coder/data/areas.csv)."""
        p = self._areas.get(fold_key(name))
        return p if p is not None and (iso3 is None or p.iso3 == iso3) else None

    def add_extra(self, extra: GazetteerExtra) -> None:
        """Merge a user's extra-places file (coder.gazetteer_extra): new places get rows after the built ones,
        aliases extend the name index. Raises DataFileError for an alias of an unknown place id."""
        self._add_aliases(extra)
        for e in extra.places:
            i = self.size + len(self._extra)
            admin = (e.admin1, e.admin2, e.admin3)
            if not e.admin1:
                near = self._nearest_populated(e.lat, e.lon, e.iso3, 25.0)
                admin = (near.admin1 or "", near.admin2 or "", near.admin3 or "") if near else ("", "", "")
            info = self.countries[e.iso3]
            place = Place(id=f"extra:{e.line}", name=e.name, feature=e.feature, latitude=e.lat, longitude=e.lon,
                          country=info.name, iso=info.isonum, iso3=e.iso3, admin1=admin[0] or None,
                          admin2=admin[1] or None, admin3=admin[2] or None, population=e.population or None,
                          source="extra")
            self._extra.append(place)
            self._extra_ids[place.id] = i
            for k in alias_keys(e.name):
                self._extra_names.setdefault(k, []).append((i, True))
            for alias in e.aliases:
                for k in alias_keys(alias) - alias_keys(e.name):
                    self._extra_names.setdefault(k, []).append((i, False))
        self.extra_version = extra.sha256
        self._clear_key_caches()

    def _add_aliases(self, extra: GazetteerExtra) -> None:
        for a in extra.aliases:
            i = bisect.bisect_left(self._ids, a.place_id)
            if not (i < self.size and self._ids[i] == a.place_id):
                raise DataFileError(extra.path, f"line {a.line}, column alias_of",
                                    f"{a.place_id!r} is not an id in the gazetteer (see gazetteer/places.tsv.gz)")
            for alias in a.aliases:
                for k in alias_keys(alias):
                    self._extra_names.setdefault(k, []).append((i, False))
        self._clear_key_caches()

    def _nearest_populated(self, lat: float, lon: float, iso3: str, max_km: float) -> Place | None:
        iso = self._iso3s.index(iso3) if iso3 in self._iso3s else -1
        rows = np.nonzero(self._iso3 == iso)[0]
        if not len(rows):
            return None
        d2 = (self._lat[rows] - lat) ** 2 + ((self._lon[rows] - lon) * math.cos(math.radians(lat))) ** 2
        best = rows[int(np.argmin(d2))]
        p = self.place(int(best))
        return p if _dist_km(p, Place(id="", name="", feature="village", latitude=lat, longitude=lon, country="",
                                      iso=0, iso3=iso3, source="")) <= max_km else None

    def place(self, i: int) -> Place:
        if i >= self.size:
            return self._extra[i - self.size]
        p = self._cache.get(i)
        if p is None:
            strings = self._strings
            iso3 = self._iso3s[self._iso3[i]]
            info = self.countries.get(iso3)
            pop = int(self._pop[i])
            p = Place(id=self._ids[i], name=strings["name"][i].as_py(), feature=self._features[self._feature[i]],
                      latitude=float(self._lat[i]), longitude=float(self._lon[i]),
                      country=info.name if info else iso3, iso=info.isonum if info else 0, iso3=iso3,
                      admin1=strings["admin1"][i].as_py() or None, admin2=strings["admin2"][i].as_py() or None,
                      admin3=strings["admin3"][i].as_py() or None, population=pop or None,
                      source=strings["source"][i].as_py())
            self._cache[i] = p
        return p

    def feature_of(self, i: int) -> str:
        return self._extra[i - self.size].feature if i >= self.size else self._features[self._feature[i]]

    def iso3_of(self, i: int) -> str:
        return self._extra[i - self.size].iso3 if i >= self.size else self._iso3s[self._iso3[i]]

    def population_of(self, i: int) -> int:
        return (self._extra[i - self.size].population or 0) if i >= self.size else int(self._pop[i])

    def by_id(self, place_id: str) -> Place | None:
        if place_id in self._extra_ids:
            return self.place(self._extra_ids[place_id])
        try:
            i = self._id_rows[place_id]
        except KeyError:
            if len(self._id_rows) >= 1 << 14:
                self._id_rows.clear()
            i = bisect.bisect_left(self._ids, place_id)
            i = self._id_rows[place_id] = i if i < self.size and self._ids[i] == place_id else None
        return None if i is None else self.place(i)

    def candidates(self, key: str) -> list[int]:
        """Rows named `key` (a normalised key), in row order."""
        return list(self._rows_of(key))

    def _rows_of(self, key: str) -> list[int]:
        """`candidates(key)`, kept for the run: not to be modified."""
        found = self._rows.get(key)
        if found is None:
            if len(self._rows) >= 1 << 14:
                self._rows.clear()
            found = self._rows[key] = [r[0] for r in self.named(key)]
        return found

    def _features_of_key(self, key: str) -> tuple[bool, bool]:
        """(every place named `key` needs a locative cue (none is in NEEDS_NO_CUE), some place named `key` is a
        country), kept for the run."""
        found = self._key_features.get(key)
        if found is None:
            if len(self._key_features) >= 1 << 14:
                self._key_features.clear()
            features = [self.feature_of(i) for i in self._rows_of(key)]
            found = self._key_features[key] = (all(f not in NEEDS_NO_CUE for f in features),
                                               any(f == "country" for f in features))
        return found

    def _entries_of(self, key: str) -> list[tuple]:
        """The places named `key` with the terms of their rank that do not depend on the context: (place, feature
        score, population term, the key is the place's own name folded, the place's name as plain words)."""
        found = self._rank_entries.get(key)
        if found is None:
            if len(self._rank_entries) >= 1 << 13:
                self._rank_entries.clear()
            found = []
            for i in self._rows_of(key):
                p = self.place(i)
                found.append((p, FEATURE_SCORE[p.feature], math.log10((p.population or 0) + 1) / 4,
                              fold_key(p.name) == key, _plain(p.name)))
            self._rank_entries[key] = found
        return found

    def named(self, key: str) -> list[tuple[int, bool]]:
        """(row, whether `key` is the place's own name rather than an alternate name)."""
        found = [(r[0], bool(r[1])) for r in self.names.get(key, ())]
        return found + self._extra_names.get(key, []) if self._extra_names else found

    def prefixes(self, window: str) -> list[str]:
        """Name keys that are prefixes of `window` (whole words or not: the caller checks)."""
        keys = self.names.prefixes(window)
        if self._extra_names:
            keys += [k for k in self._extra_names if window.startswith(k)]
        return keys

    def longest_name(self, words: list[str]) -> str | None:
        """The longest name key made of the first words of `words` (folded keys), or None."""
        first = words[0]
        is_key, longer = self._word_starts(first)
        best = first if is_key else None
        if longer and len(words) > 1:  # walk word by word while some name goes on
            prefix = first
            for w in words[1:]:
                prefix = f"{prefix} {w}"
                is_key, longer = self._word_starts(prefix)
                if is_key:
                    best = prefix
                if not longer:
                    break
        extra = self._extra_by_first.get(first)
        if extra:  # a user's extra places and aliases (a name's first word is the window's)
            window = " ".join(words)
            for k in extra:
                if (window == k or window.startswith(k + " ")) and len(k) > len(best or ""):
                    best = k
        return best

    def _word_starts(self, word: str) -> tuple[bool, bool]:
        """(`word` is a name key, some longer name key starts with `word` and a space): a text's words recur, so
        the answers are kept for the run."""
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) >= 1 << 16:
                self._starts.clear()
            found = self._starts[word] = (word in self.names,
                                              next(self.names.iterkeys(word + " "), None) is not None)
        return found

    def _may_start(self, raw: str) -> bool:
        """A word as written (of `tokenize`) may start a match of _raw_matches: it is capitalised or a number, and
        its folded key is a name key or the first word of one (what `longest_name` needs); kept for the run."""
        if len(self._can_start) >= 1 << 16:
            self._can_start.clear()
        c = raw[:1]
        key = (_WORD_KEYS.get(raw) or _word_keys(raw))[1]
        found = self._can_start[raw] = bool((c.isupper() or c.isdigit()) and key and (
            self._word_starts(key) != (False, False) or key in self._extra_by_first))
        return found

    def find(self, name: str, iso3: str | None = None, features: set[str] | None = None) -> Place | None:
        """The best-ranked place called `name` (optionally in a country / of given features)."""
        idx = [i for i in self.candidates(fold_key(name))
               if (iso3 is None or self.iso3_of(i) == iso3) and (features is None or self.feature_of(i) in features)]
        if not idx:
            return None
        return self.place(max(idx, key=lambda i: (FEATURE_SCORE[self.feature_of(i)], self.population_of(i), -i)))

    def country(self, iso3_or_name: str) -> Place | None:
        """The country-level place (point = capital) by ISO3 code or name/alias."""
        code = iso3_or_name.upper()
        if code in self.countries:
            return self.by_id(f"country:{code}")
        return self.find(iso3_or_name, features={"country"})

    def capital(self, iso3: str) -> Place | None:
        info = self.countries.get(iso3.upper())
        return self.by_id(info.capital_id) if info and info.capital_id else None

    def admin1(self, name: str, iso3: str) -> Place | None:
        return self.find(name, iso3, {"admin1"})

    def is_capital(self, place: Place) -> bool:
        info = self.countries.get(place.iso3)
        return info is not None and info.capital_id == place.id


# ---------------------------------------------------------------------------
# Finding and resolving place phrases
# ---------------------------------------------------------------------------


@dataclass
class PlaceContext:
    """What the story already tells: its country, places resolved so far, publication date."""

    iso3: str | None = None
    anchors: list[Place] = field(default_factory=list)
    published: date | None = None
    frame: list[Place] = field(default_factory=list)  # units and cities the whole story names (story_frame)


_OUTSIDE_THE = re.compile(r"\boutside\s+(?:of\s+)?the\s+$", re.I)
SITE_IN_TOWN_KM = 10.0  # a site named after a town and said to be in a town this close is in that town
SMALL_TOWN = 50_000  # a town this big is known by its own name; a smaller place needs the story's region


def _small(p: Place) -> bool:
    return p.feature in ("village", "neighbourhood", "landmark", "admin3") or (
        p.feature == "town" and (p.population or 0) < SMALL_TOWN)


def story_frame(mentions: list[PlaceMention], iso3: str | None) -> list[Place]:
    """The region a story is set in: the provinces, districts and cities it names in its own country.

    A small place (a village, a neighbourhood, a small town) of that country must lie in this frame: "Salhiya
    neighbourhood of Nassriya city (Thi-Qar)" is not the Salhiya of Ninewa."""
    out: dict[str, Place] = {}
    for pm in mentions:
        p = pm.place
        if p is None or iso3 is None or p.iso3 != iso3 or pm.relation in ("metonym", "compound"):
            continue  # "the Baghdad-Erbil agreement" does not set a story in Baghdad or Erbil
        if p.feature in ("country", "region"):
            continue  # "central Mali" frames nothing: every place of the country lies in it
        unit = p.feature in ("admin1", "admin2", "admin3")
        if unit or (p.feature == "city" or (p.population or 0) >= SMALL_TOWN) and not _spelled_apart(fold_key(pm.text), p):
            out.setdefault(p.id, p)  # a city read from an unrelated alternate name does not frame the story
    return list(out.values())


_POSSESSIVE = re.compile(r".*[’']s\s+")
_SKELETON = re.compile(r"[aeiouw ]")
_UNIT_WORDS = frozenset({"city", "province", "governorate", "district", "town", "village", "region"})


@functools.lru_cache(maxsize=1 << 14)
def _apart(key: str, own: str) -> bool:
    if key == own + "i":
        return True  # "Baghdadi", "Basri": the adjective of a town's name, or a family name; not the town
    a, b = _SKELETON.sub("", key), _SKELETON.sub("", own)  # consonants: vowels vary freely in transliteration
    return difflib.SequenceMatcher(None, a, b).ratio() < 0.75


def _spelled_apart(key: str, p: Place) -> bool:
    """The name as written is not a spelling of the place's own name (it matched an unrelated alternate name:
    "Jazeera" for As Suwayrah, "Al-Hay" for Kut Al Hai), or is the adjective made from it ("Al Baghdadi")."""
    words = key.split()
    if len(words) > 1 and words[-1] in _UNIT_WORDS:
        key = " ".join(words[:-1])
    if key in alias_keys(p.name):
        return False
    return _apart(key, fold_key(p.name))


def _in_frame(p: Place, frame: list[Place], near: list[Place]) -> bool:
    for f in frame:
        if f.iso3 != p.iso3:
            continue
        if f.feature.startswith("admin"):
            if f.admin1 and p.admin1 == f.admin1:
                return True
        elif (f.admin1 and p.admin1 == f.admin1) or _closer_km(p, f, 50):
            return True
    return any(a.iso3 == p.iso3 and a.feature != "country" and _closer_km(p, a, 50) for a in near)


_DIR = r"(?:north|south)(?:[- ]?(?:east|west))?|east|west"
_DIR_INITIALS = frozenset("nsewc")
_DIR_WORD = re.compile(rf"^(?:({_DIR})(?:ern)?|(central))$", re.I)
_NOUNS = {
    "district": {"admin2", "admin3"}, "subdistrict": {"admin3"}, "sub-district": {"admin3"},
    "province": {"admin1"}, "governorate": {"admin1"}, "state": {"admin1"},
    "neighbourhood": {"neighbourhood", "village", "town", "landmark"},
    "neighborhood": {"neighbourhood", "village", "town", "landmark"},
    "quarter": {"neighbourhood", "village", "town"}, "suburb": {"neighbourhood", "village", "town"},
    "village": {"village", "town", "neighbourhood"}, "town": {"city", "town", "village"},
    "city": {"city", "town", "village"}, "area": None, "region": {"admin1", "region"}, "camp": None,
}
_NOUNS.update({"neighbourhoods": _NOUNS["neighbourhood"], "neighborhoods": _NOUNS["neighborhood"],
               "villages": _NOUNS["village"], "districts": _NOUNS["district"], "areas": None, "towns": _NOUNS["town"],
               "provinces": _NOUNS["province"], "governorates": _NOUNS["governorate"]})
_NOUNS = {n: None if f is None else frozenset(f) for n, f in _NOUNS.items()}  # hashable: rankings are kept by them
_NOUN_RE = "|".join(sorted((re.escape(n) for n in _NOUNS), key=len, reverse=True))
_AFTER_NOUN = re.compile(rf"^\s+({_NOUN_RE})\b", re.I)
_NOUN_FIRST = frozenset(n.split("-")[0] for n in _NOUNS)  # the first words _AFTER_NOUN can match
_BEFORE_NOUN = re.compile(rf"(?:\bthe\s+)?\b({_NOUN_RE})\s+of\s+(?:the\s+)?$", re.I)
_THE = re.compile(r"\bthe\s+$", re.I)
_SEAT_AFTER = re.compile(r"^\s+(?:provincial\s+)?(?:governor|mayor|governorate\s+council|provincial\s+council|"
                         r"council|police\s+chief|health\s+directorate|operations\s+command)\b", re.I)
_NOT_NAME_PARTS = frozenset({"On", "In", "At", "And", "Or", "The", "Province", "Governorate", "District", "City",
                             "Sub-district", "Region", "Village", "Town", "Area"})
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'’-]*\s+$")
_NAME_PAREN_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*\([^()]{1,40}\)\s+$")  # "Gosine (Goshina) "
# "... Metina region of Dahuk", "Sinjar district) of Nineveh": the name after "of" holds a wide area the text names,
# so a name that is both a province and its capital is the province
_UNIT_OF_BEFORE = re.compile(r"\b(?:regions?|districts?|sub-?districts?|nahiyas?|mountains?|range)\s*\)?\s+of\s+(?:the\s+)?$",
                             re.I)
_ALT_NAME_OF_AREA = re.compile(r"^\s*\)\s+(regions?|districts?|areas?)\b", re.I)
# in-town landmarks often named after another town ("Baghdad Street" in Basra)
_LANDMARKS = frozenset({"street", "st", "market", "souk", "square", "mosque", "intersection", "roundabout", "bridge",
                        "hospital", "school", "shrine", "hotel", "stadium"})
_LONGER_NAME = re.compile(
    r"^(?P<words>(?:[\s-]+(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w'’]*){0,3})\s+(?P<noun>(?i:neighbou?rhoods?|area|village|quarter|"
    r"street|st\.|market|souk|square|mosque|intersection|roundabout|bridge|hospital|school|shrine|hotel|stadium))\b")
# between a place and the next one, words saying the first lies inside the second:
# "Sakkar village in Ar Rutba district (Anbar)", "Tarmiyah, north of ..." is NOT one (a direction)
_CONTAINED_IN = re.compile(r"^\)?(?:\s*\([^()]{1,40}\)(?=\s*,))?(?:\s+(?:(?:oil|gas|air|military|power)\s+)?(?:district|sub-?district|province|governorate|area|region|village|town|city|"
                           r"neighbou?rhood|quarter|camp|subdistrict|nahiya|county|checkpoint|market|bridge|road|highway|airport|base|crossing|mosque|street|square|station|valley|mountains?|island|"
                           r"field|oilfield|gasfield|airbase|refinery|dam|lake|plant)s?\)?)?\s*(?:,|\(|\bin\b|\bof\b|"
                           r",\s*in\b|\bwithin\b)\s*(?:the\s+)?$", re.I)
_RELATIONS = [  # (relation, pattern anchored at the end of the text before the name)
    # "a march in support of the Nasiriyah protests", "in solidarity with protesters in Basra": another crowd's place
    ("solidarity", re.compile(r"\b(?:support|solidarity)\s+(?:of|with)\s+(?:(?:the\s+)?(?:protest(?:er)?s|"
                              r"demonstrat(?:ors|ions)|sit-ins?)\s+(?:in|of|at)\s+)?$", re.I)),
    ("between", re.compile(r"\bbetween\s+$", re.I)),
    ("outskirts", re.compile(r"\b(?:(?:on\s+)?(?:the\s+)?(?:outskirts|suburbs|edge|fringes?)\s+of|outside(?:\s+of)?)\s+$", re.I)),
    # "in the eastern countryside of Deir ez-Zor", "the rural areas of Kirkuk": outside the town, by it
    ("near", re.compile(r"\b(?:near(?:by)?|close\s+to|next\s+to|in\s+the\s+vicinity\s+of|around|not\s+far\s+from|"
                        r"(?:[a-z]+ern\s+)?(?:countryside|rural\s+areas?)\s+of)\s+$", re.I)),
    ("direction", re.compile(
        rf"(?:\b(?:an?|the)\s+(?:[a-z]+\s+)?(?:highway|road|motorway|route)\s+)?"
        rf"(?:\b(?P<dist>\d+(?:\.\d+)?)\s*(?:-\s*)?(?:km|kms|kilometers|kilometres|miles|mi)\s+(?:\([^)]*\)\s+)?)?"
        rf"\b(?P<dir>{_DIR})\s+of\s+$", re.I)),
    ("funeral", re.compile(r"\b(?:funerals?|buried|burial|mourners|laid\s+to\s+rest)\b[^.;]{0,40}\b(?:in|at)\s+$", re.I)),
    ("seat", re.compile(r"\b(?:governor|mayor|council|councillors?|officials?|authorities|chief|administration)\s+"
                        r"(?:of|in)\s+$", re.I)),
    ("origin", re.compile(r"\b(?:from|native\s+of|residents?\s+of|hails?\s+from|hometown\s+of|home\s+town\s+of)\s+$", re.I)),
    ("in", re.compile(r"\b(?:in|at|inside|within|into)\s+$", re.I)),
    ("cue", re.compile(r"\b(?:of|to|towards?|through|across|via|around|targeting|struck|hit|rocked|shelled|attacked|"
                       r"bombed|bombarded|pounded|raided|stormed|"
                       # "rockets fell on Tarmiyah": on the place, not "on Monday"
                       r"(?:fell|landed)\s+on)\s+$", re.I)),
]
# the last word each relation pattern can end with: only those patterns are tried (a `$`-anchored search is tried at
# every position of the text, so dispatching on the last word keeps the per-name cost flat)
_RELATION_LAST = {
    "solidarity": {"of", "with", "in", "at"},
    "between": {"between"}, "outskirts": {"of", "outside"},
    "near": {"near", "nearby", "to", "of", "around", "from"}, "direction": {"of"}, "funeral": {"in", "at"},
    "seat": {"of", "in"}, "origin": {"from", "of"}, "in": {"in", "at", "inside", "within", "into"},
    "cue": {"of", "to", "toward", "towards", "through", "across", "via", "around", "targeting", "struck", "hit",
            "rocked", "shelled", "attacked", "bombed", "bombarded", "pounded", "raided", "stormed", "on"},
}
# for an ASCII text, words one of which a relation pattern needs (lower case): a pattern none of whose words is in
# the text is not tried (re.I on ASCII text is plain ASCII case folding)
_RELATION_WORDS = {
    "solidarity": ("support", "solidarity"),
    "between": ("between",), "outskirts": ("outskirts", "suburbs", "edge", "fringe", "outside"),
    "near": ("near", "close", "next", "vicinity", "around", "far", "countryside", "rural"), "direction": ("north", "south", "east", "west"),
    "funeral": ("funeral", "buried", "burial", "mourners", "laid"),
    "seat": ("governor", "mayor", "council", "official", "authorities", "chief", "administration"),
    "origin": ("from", "native", "resident", "hail", "home"),
}
_RELATIONS_BY_LAST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _rel, _pat in _RELATIONS:
    for _w in _RELATION_LAST[_rel]:
        _RELATIONS_BY_LAST.setdefault(_w, []).append((_rel, _pat))


def _search_end(pat: re.Pattern[str], text: str, tokens: int = 4) -> re.Match[str] | None:
    """`pat.search(text)` for a pattern anchored at the end of the text (`$`) no match of which spans more than
    `tokens` whitespace-separated tokens: the search starts where the last `tokens` tokens begin, so the pattern is
    not tried at every position of a long text. Same match: every match starts there or later, and a search from
    a position still sees the characters before it (`\\b`, look-behind)."""
    parts = text.rsplit(None, tokens)
    return pat.search(text, len(parts[0]) if len(parts) > tokens else 0)


# relation patterns whose matches span at most 4 tokens ("in the vicinity of", "on the outskirts of"); the others
# ("direction": a distance in brackets, "funeral": 40 characters of anything) are searched in the whole text
_RELATION_BOUNDED = frozenset({"between", "outskirts", "near", "seat", "origin", "in", "cue"})


_NOUN_WORDS = tuple(_NOUNS)  # _BEFORE_NOUN needs one
_UNIT_OF_WORDS = ("region", "district", "nahiya", "mountain", "range")  # _UNIT_OF_BEFORE needs one


def _may_have(text: str, words: tuple[str, ...]) -> bool:
    """False only when an ASCII `text` holds none of `words` (lower case) in any case: a case-insensitive pattern
    that needs one of them cannot match."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(map(low.__contains__, words))


def _last_word(text: str) -> str:
    """The lower-case last word of `text` when it ends in whitespace ("" otherwise, or for no word)."""
    if not text[-1:].isspace():
        return ""
    words = text[-40:].split()
    return words[-1].lower() if words else ""
_COMPOUND_WORDS = (r"(?:road|highway|motorway|route|agreement|deal|accord|talks|relations|ties|border|pipeline|"
                   r"railway|axis|dispute|security\s+agreement|corridor|line)\b")
# "the Baghdad-Kirkuk road", "the Erbil-Baghdad agreement": two places joined into a name of a road or a deal
_COMPOUND_AFTER = re.compile(rf"^\s?-\s?(?:[Aa]l-)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?\s+{_COMPOUND_WORDS}")
_COMPOUND_BEFORE = re.compile(r"[A-Z][\w'’]*\s?-\s?(?:[Aa]l-)?$")
_COMPOUND_NOUN = re.compile(rf"^\s+{_COMPOUND_WORDS}")
_SITE_AFTER = re.compile(r"^\s+(?:(?:international|military|air|oil|gas|army)\s+)?(?:airport|air\s*base|airbase|base|dam|"
                         r"refinery|oil\s*fields?|oilfields?|gas\s*fields?|border\s+crossing|crossing|checkpoint|"
                         r"power\s+(?:plant|station)|camp|mountains?|mountain\s+range|range|valley|lake|island|"
                         r"heights|hills?|desert)\b", re.I)
_SITE_BEFORE = re.compile(r"\b(?:Lake|Mount|Mt\.?|Jabal|Jebel|Wadi|Tal|Tall)[\s-]+$")
# a mountain or range named like a town: read as the town's site only in the story's country
_NATURAL_SITE = re.compile(r"^\s+(?:mountains?|mountain\s+range|range|heights|hills?)\b", re.I)
_LIST_SEP = re.compile(r"(?:\band|\bor)\s+$", re.I)


def _ends_in_and_or(text: str) -> bool:
    """`_LIST_SEP.search(text)`, without trying the pattern at every position of the text."""
    if not text[-1:].isspace():
        return False
    t = text.rstrip()
    if t[-3:].lower() == "and":
        before = t[-4:-3]
    elif t[-2:].lower() == "or":
        before = t[-3:-2]
    else:
        return False
    return not (before.isalnum() or before == "_")
_TITLES = frozenset({
    "captain", "capt", "minister", "president", "general", "gen", "spokesman", "spokeswoman", "spokesperson",
    "commander", "mr", "mrs", "ms", "pm", "dr", "sheikh", "colonel", "col", "lt", "lieutenant", "major", "maj",
    "brigadier", "sergeant", "sgt", "imam", "cleric", "leader", "chief", "prince", "king", "emir", "ayatollah",
    "judge", "mayor", "governor", "officer", "lawmaker", "mp", "senator", "premier", "secretary", "ambassador",
    "envoy", "journalist", "correspondent", "deputy", "brother", "son", "father", "activist", "resident",
})
# Arabic words for an armed unit or movement that begin its name: "Liwa Kerbala", "Saraya al-Salam", "Jaish al-Mahdi"
_UNIT_TITLES = frozenset({"liwa", "liwaa", "saraya", "kataib", "kata'ib", "katibat", "asaib", "asa'ib", "jaish", "jaysh",
                          "harakat", "quwat", "firqat", "fawj", "hashd", "jabhat", "tanzim", "ansar"})
# a name alone in brackets right after a word: "Zap region (Amadiya)", "Korko (Sarko)", "Buhriz (Diyala)"
_PAREN_PLACE_BEFORE = re.compile(r"[\w.]\s?\(\s*$")
_PAREN_PLACE_AFTER = re.compile(r"^\s*(?:province|governorate|district|sub-?district|city|town|village|region|area)?\s*[),]",
                                re.I)
_SPEECH = re.compile(r"^\s*,?\s*(?:said|says|told|added|stated|announced|noted|warned|explained|insisted|claimed|"
                     r"accused|denied|demanded|urged|vowed|condemned|rejected|responded|confirmed|reported)\b", re.I)
_ORG_AFTER = re.compile(r"^[\s-]*(?:channel|tv|television|news|agency|brigades?|hezbollah|movement|party|front|"
                        r"university|club|airways|airlines|company|corporation|bank|times|post|media|radio|network|"
                        r"foundation|institute|group|operations?\s+commands?)\b", re.I)
# the first word after a name ("said", "district", "airport"), past spaces, commas and hyphens: on ASCII text, a
# pattern anchored after the name that needs one of a set of first words is tried only when that word is there
_LEAD_WORD = re.compile(r"[\s,-]*(\w*)")
_SPEECH_FIRST = frozenset({
    "said", "says", "told", "added", "stated", "announced", "noted", "warned", "explained", "insisted", "claimed",
    "accused", "denied", "demanded", "urged", "vowed", "condemned", "rejected", "responded", "confirmed", "reported"})
_ORG_FIRST = frozenset({
    "channel", "tv", "television", "news", "agency", "brigade", "brigades", "hezbollah", "movement", "party",
    "front", "university", "club", "airways", "airlines", "company", "corporation", "bank", "times", "post", "media",
    "radio", "network", "foundation", "institute", "group", "operation", "operations"})
_SITE_FIRST = frozenset({
    "international", "military", "air", "oil", "gas", "army", "airport", "airbase", "base", "dam", "refinery",
    "oilfield", "oilfields", "gasfield", "gasfields", "border", "crossing", "checkpoint", "power", "camp",
    "mountain", "mountains", "range", "valley", "lake", "island", "heights", "hill", "hills", "desert"})
_ADJ_COMPOUND = re.compile(r"^\.?-(?:backed|based|led|allied|aligned|linked|funded|controlled|born|made|run|directed|"
                           r"brokered|sponsored|supported|friendly|bound)\b", re.I)
_GOVERNMENT_VERB = re.compile(r"^\s*(?:,\s*which\b|has|have|had|is|was|will|would|wants|fails|failed|threatened|"
                              r"blamed|killed|insists|accuses|demands|refuses|imposed|sanctioned|backs)\b", re.I)
_FUNCTION_WORDS = (
    "and", "or", "on", "in", "at", "of", "for", "to", "as", "is", "was", "were", "has", "had", "have", "will",
    "would", "said", "says", "since", "after", "before", "when", "where", "while", "with", "from", "by", "but",
    "which", "that", "who", "over", "under", "into", "through", "during", "amid", "against", "about", "late",
    "early", "this", "last", "the", "a", "an", "its", "his", "their", "earlier", "later", "again", "until",
    "because", "if", "also", "now", "then", "today", "yesterday", "tonight", "near", "across", "via")
# a country name followed by a lower-case word that is not a function word: "US forces", "Iraq war"
_ATTRIBUTIVE = re.compile(rf"^\s+(?!(?:{'|'.join(_FUNCTION_WORDS)})\b)[a-z]")
_THE_CAPITAL = re.compile(r"\b(?:(?P<rel>in|at|near|outside|into|inside)\s+)?the\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?"
                          r"capital\b(?!\s+(?:of|city\s+of))", re.I)
_THE_COUNTRY = re.compile(r"\b(?:(?P<rel>in|across|throughout)\s+)?(?:the|this)\s+country\b(?!'s)", re.I)
_REGION_OF_COUNTRY = re.compile(rf"\b(?:(?:in|across)\s+)?(?:the\s+)?(?P<dir>{_DIR}|central)(?:ern)?\s+"
                                rf"(?:(?:part|region|parts)\s+)?of\s+the\s+country\b", re.I)
# natural features a name the gazetteer does not know may be given with ("Sehit Munzur hill", "Qandil Mountain")
_NATURAL_NOUNS = ("hills", "hill", "mountains", "mountain", "valley", "peak", "summit", "heights", "ridge", "plain")
_UNKNOWN_FRAME = re.compile(
    rf"(?:\b(?:in|at|on|near|outside|into|through|from|of|and|bombed|shelled|struck|hit|targeted|targeting|attacked|"
    rf"raided|stormed|hitting|striking|shelling|bombing|bombarded|pounded)"
    rf"\s+|[,(]\s*)(?:the\s+)?"
    rf"(?P<name>(?:(?:[Aa][lnrsdzt]|[Aa]sh|[Ee]l)[- ])?[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){{0,3}})"
    rf"(?:\s*\([^()]{{1,40}}\))?\s+"  # "Nerwe (Nayrwah) village", "Zap (Amadiya) region": another spelling
    rf"(?P<noun>{_NOUN_RE}|{'|'.join(_NATURAL_NOUNS)})\b")
# what every match of _UNKNOWN_FRAME holds: the name's last word, then the noun; found fast (the search starts only at
# capital letters), it spares most sentences the full pattern, which tries its many first words at every position
_UNKNOWN_FRAME_CORE = re.compile(
    rf"[A-Z][\w'’]*(?:\s*\([^()]{{1,40}}\))?\s+(?:{_NOUN_RE}|{'|'.join(_NATURAL_NOUNS)})\b")
# an unknown name given with one of these nouns names a wide area (a region, a mountain range) that holds many
# spots; it is kept with its noun ("Metina region") so that the merge can tell it from a spot inside it
BROAD_NOUNS = frozenset({"region", "regions", "mountains", "mountain", "range", "district", "districts",
                         "province", "governorate", "sub-district", "subdistrict", "plain"})
# "in Xyz in Muqdadiya district", "near Xyz, Diyala": an unknown name in a locative frame followed by the known unit
# it lies in (the unit must be read as a place where the name ends)
_UNKNOWN_IN_FRAME = re.compile(
    rf"\b(?:in|at|near)\s+(?:the\s+)?"
    rf"(?P<name>(?:(?:[Aa][lnrsdzt]|[Aa]sh|[Ee]l)[- ])?[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){{0,3}})(?P<noun>)"
    rf"(?:\s*,\s*|\s+(?:in|of|within)\s+(?:the\s+)?)(?=[A-Z])")
# a name read as a wide area by the noun before or after it ("the mountain range of 'Karah'", "Zap region")
_WIDE_BEFORE = re.compile(r"\b(mountains?|range|region)\s+of\s+(?:the\s+)?['‘\"]?$", re.I)
_WIDE_AFTER = re.compile(r"^['’\"]?\s+(mountains?|range|region)\b", re.I)
# "Mount Zarazan", "Jabal Makhul", "Wadi Khakurk": a natural feature named with the word first
_UNKNOWN_NATURAL = re.compile(
    r"\b(?P<noun>Mount|Mt\.|Jabal|Jebel|Wadi)\s+(?P<name>(?:(?:[Aa][lnrsdzt]|[Aa]sh|[Ee]l)[- ])?[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){0,2})")
# "the Metina and Haftanin regions", "the Zap, Metina and Avasin regions": several unknown wide areas with one
# plural noun; each name is read with the noun (the last name's frame is _UNKNOWN_LIST_LAST)
_LIST_NAME = r"(?:(?:[Aa][lnrsdzt]|[Aa]sh|[Ee]l)[- ])?[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){0,2}"
_LIST_NOUN = r"regions|mountains"
_UNKNOWN_LIST = re.compile(
    rf"(?:\b(?:in|at|on|near|of|bombed|shelled|struck|hit|targeted|targeting|attacked|hitting|striking|shelling|"
    rf"bombing|bombarded|pounded)\s+|,\s*)(?:the\s+)?(?P<name>{_LIST_NAME})"
    rf"(?=(?:\s*,\s*{_LIST_NAME})*\s*,?\s+and\s+(?:the\s+)?{_LIST_NAME}\s+(?P<noun>{_LIST_NOUN})\b)")
_UNKNOWN_LIST_LAST = re.compile(
    rf"{_LIST_NAME}\s*,?\s+and\s+(?:the\s+)?(?P<name>{_LIST_NAME})\s+(?P<noun>{_LIST_NOUN})\b")
# "the village of Xyz": the noun first
_UNKNOWN_OF_FRAME = re.compile(
    rf"\b(?P<noun>villages?|town|hamlet|area|neighbou?rhood|region|city)\s+of\s+(?:the\s+)?"
    rf"(?P<name>(?:(?:[Aa][lnrsdzt]|[Aa]sh|[Ee]l)[- ])?[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){{0,3}})\b")
# the unit a noun names, for a spelling-tolerant lookup of a name the gazetteer does not know as written
_NOUN_UNITS = {"province": ("admin1",), "governorate": ("admin1",), "district": ("admin2", "admin3"),
               "sub-district": ("admin3",), "subdistrict": ("admin3",)}


_ADJECTIVE = {"north": "Northern", "northeast": "Northeastern", "east": "Eastern", "southeast": "Southeastern",
              "south": "Southern", "southwest": "Southwestern", "west": "Western", "northwest": "Northwestern",
              "central": "Central"}


def _bearing(direction: str) -> float | None:
    d = direction.lower().replace("-", "").replace(" ", "")
    return DIRECTIONS.get(d)


def _norm_direction(word: str) -> str | None:
    if word[:1].isascii() and word[:1].lower() not in _DIR_INITIALS:
        return None  # an ASCII letter that begins no direction word
    m = _DIR_WORD.match(word.replace("ern", "", 1) if word.lower().endswith("ern") else word)
    if not m:
        return None
    return (m.group(1) or m.group(2)).lower().replace("-", "").replace(" ", "")


class _Match(NamedTuple):  # a tuple: made fast; matches are told apart by identity (id, `is`), never by value
    start: int  # offsets within the sentence text of the name (article included)
    end: int
    key: str
    first_token: int
    last_token: int


_MATCHES: dict[tuple[str, int], tuple[_Words, list[_Match], list]] = {}
_NO_WORDS = _Words([], [], [], [])


def _drop_oldest(cache: dict) -> None:
    """Make room in a full per-sentence cache by dropping its older half (insertion order), not all of it: the
    sentences of the story being read, which its second pass reads again, are the newest."""
    newer = list(cache.items())[len(cache) // 2:]
    cache.clear()
    cache.update(newer)


def _tokens_and_matches(text: str, gaz: Gazetteer) -> tuple[_Words, list[_Match], list]:
    """The words (`tokenize`) and `_raw_matches` of a sentence, and the list of their _MatchCues (None until read),
    kept for the story's next pass over the same sentence (a story is read once for its country and frame, then
    again to resolve): they do not depend on the context."""
    key = (text, id(gaz))
    hit = _MATCHES.get(key)
    if hit is None:
        if len(_MATCHES) >= 512:
            _drop_oldest(_MATCHES)
        parts = _split_words(text)
        raws = parts[1::2]
        # a word may start a name when it is capitalised or a number and its folded key is a name key or the first
        # word of one (what longest_name needs); kept per word for the run
        starts = list(map(gaz._can_start.get, raws))
        if None in starts:
            starts = [gaz._may_start(raw) if s is None else s for raw, s in zip(raws, starts)]
        if True not in starts:
            hit = _MATCHES[key] = (_NO_WORDS, [], [])  # no word could start a name: no need to read the words
        else:
            words = _words_of(text, parts)
            matches = _raw_matches(text, words, starts, gaz)
            hit = _MATCHES[key] = (words, matches, [None] * len(matches))
    return hit


def _raw_matches(text: str, words: _Words, may_start: list[bool], gaz: Gazetteer) -> list[_Match]:
    """Longest non-overlapping gazetteer names in the sentence, left to right, each starting with a
    capitalised word or a number (`may_start`, by word): one trie prefix query per such word."""
    starts, ends, _, keys = words
    keyed = list(itertools.compress(range(len(keys)), keys))  # the words that are not dropped articles
    found = []
    not_places = gaz.policy.not_places
    known, word_starts, extra_by_first = gaz._starts, gaz._word_starts, gaz._extra_by_first
    n_keyed = len(keyed)
    for n0 in itertools.compress(range(n_keyed), map(may_start.__getitem__, keyed)):
        i0 = keyed[n0]
        # gaz.longest_name of the keys of keyed[n0:n0 + MAX_KEY_WORDS], inline: the longest name key made of the
        # first words, walking word by word while some name goes on, then the extra names
        first = keys[i0]
        is_key, longer = known.get(first) or word_starts(first)
        key = first if is_key else None
        if longer and n0 + 1 < n_keyed:
            prefix = first
            for i in keyed[n0 + 1:n0 + MAX_KEY_WORDS]:
                prefix = f"{prefix} {keys[i]}"
                is_key, longer = known.get(prefix) or word_starts(prefix)
                if is_key:
                    key = prefix
                if not longer:
                    break
        extra = extra_by_first.get(first)
        if extra:
            window = " ".join([keys[i] for i in keyed[n0:n0 + MAX_KEY_WORDS]])
            for k in extra:
                if (window == k or window.startswith(k + " ")) and len(k) > len(key or ""):
                    key = k
        if key is None or key in not_places:
            continue
        i1 = keyed[n0 + key.count(" ")]
        start = starts[i0]
        if i0 > 0 and keys[i0 - 1] == "" and text[ends[i0 - 1]:start] in ("-", " "):
            start = starts[i0 - 1]  # keep the article: "Al-Tobji"
        found.append(_Match(start, ends[i1], key, i0, i1))
    out: list[_Match] = []
    for m in found:  # already in text order; a match inside an earlier, longer one is dropped
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _dist_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius): exact enough to rank places, and fast."""
    la1, la2 = math.radians(a.latitude), math.radians(b.latitude)
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        math.radians(b.longitude - a.longitude) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _closer_km(a: Place, b: Place, km: float) -> bool:
    """`_dist_km(a, b) < km`; the haversine is skipped when the latitudes alone lie farther apart (a great-circle
    distance is at least the Earth's radius times the difference of latitude in radians: 111.19 km a degree)."""
    if abs(a.latitude - b.latitude) > km / 111.0 + 0.01:
        return False
    return _dist_km(a, b) < km


def _farther_km(a: Place, b: Place, km: float) -> bool:
    """`_dist_km(a, b) > km`, without the haversine when the latitudes alone lie farther apart."""
    if abs(a.latitude - b.latitude) > km / 111.0 + 0.01:
        return True
    return _dist_km(a, b) > km


_TRIG: dict[int, tuple] = {}  # id(place) -> (place, its latitude, longitude, both in radians, cos of the latitude)


def _trig(p: Place) -> tuple:
    hit = _TRIG.get(id(p))
    if hit is None or hit[0] is not p:  # the place is held in the entry, so its id is not reused meanwhile
        if len(_TRIG) >= 1 << 14:
            _TRIG.clear()
        la = math.radians(p.latitude)
        hit = _TRIG[id(p)] = (p, p.latitude, p.longitude, la, math.radians(p.longitude), math.cos(la))
    return hit


def _first_item(t: tuple) -> float:
    return t[0]


_ANCHOR_IDS: list = [None, None]  # _rank's last anchors, and their ids
_ANCHORS: list = [None, None, None]  # the anchors of _nearest_km's last call: (the list, sorted terms, latitudes)


def _nearest_km(places: list[Place], near: list[Place], cap_km: float = 150.0) -> list[float]:
    """For each of `places`, the great-circle distance to the closest of `near`, or infinity when none lies within
    `cap_km` (proximity only ranks homonyms within that reach). Anchors outside a latitude/longitude box of the
    cap are skipped; the smallest haversine term gives the smallest distance, so one arcsine per place."""
    rad, sin = math.radians, math.sin
    box = cap_km / 111.0 * 1.1  # degrees of latitude, with a margin
    # the anchors by latitude: for each place only those in its band of latitude (with a margin for rounding; the
    # test below decides) are tried, most homonyms lying far from every anchor; the minimum does not depend on the
    # order in which the terms are taken
    if _ANCHORS[0] is near:  # the same anchors as the call before (the matches of one sentence)
        anchors, lats = _ANCHORS[1], _ANCHORS[2]
    else:
        anchors = sorted((_trig(a)[1:] for a in near), key=_first_item)
        lats = [a[0] for a in anchors]
        _ANCHORS[:] = [near, anchors, lats]
    reach = box + 1e-6
    out = []
    for p in places:
        _, lat, lon, la1, lo1, c1 = _trig(p)
        i, j = bisect.bisect_left(lats, lat - reach), bisect.bisect_right(lats, lat + reach)
        if i == j:
            out.append(math.inf)
            continue
        lon_box = box / max(math.cos(rad(min(89.0, abs(lat) + box))), 0.01)
        h = None
        for alat, alon, la2, lo2, c2 in anchors[i:j]:
            if abs(alat - lat) <= box:
                dlon = abs(alon - lon)
                if min(dlon, 360 - dlon) <= lon_box:
                    term = sin((la2 - la1) / 2) ** 2 + c1 * c2 * sin((lo2 - lo1) / 2) ** 2
                    if h is None or term < h:
                        h = term
        d = math.inf if h is None else 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
        out.append(d if d <= cap_km else math.inf)
    return out


def _inside(p: Place, unit: Place) -> bool:
    """`p` lies in `unit` (a country, an admin unit by name, or within 30 km of a town)."""
    if p.iso3 != unit.iso3:
        return False
    if unit.feature == "country":
        return True
    if unit.feature == "admin1":
        return p.admin1 == unit.admin1
    if unit.feature == "admin2":
        return p.admin1 == unit.admin1 and p.admin2 == unit.admin2
    if unit.feature == "admin3":
        return p.admin3 == unit.admin3 and p.admin2 == unit.admin2
    return p.id == unit.id or _closer_km(p, unit, 30)


def _containers(text: str, matches: list[_Match], gaz: Gazetteer, context: PlaceContext) -> dict[int, Place]:
    """For a name followed by the place it lies in ("Sakkar in Ar Rutba district (Anbar)", "Kubaiba village,
    Dibis district, Kirkuk"), that enclosing place, read right to left so each link constrains the one before.
    A name that closes such a chain and is both a province and its capital is read as the province."""
    out: dict[int, Place] = {}
    if len(matches) < 2:
        return out
    links = _container_links(text, matches, gaz)
    for i, features, inner_unit in links:
        m, nxt = matches[i], matches[i + 1]
        ranked = _rank(gaz, nxt.key, context, [], features, within=out.get(id(nxt)), container=True)
        ranked = [p for p in ranked if context.iso3 is None or p.iso3 == context.iso3 or p.feature == "country"]
        if inner_unit:
            ranked = [p for p in ranked if p.feature in ("admin1", "admin2", "country")] or ranked
        if ranked and ranked[0].feature in POPULATED:
            unit = next((p for p in ranked[1:] if p.feature in ("admin1", "admin2") and p.iso3 == ranked[0].iso3
                         and p.admin1 == ranked[0].admin1), None)
            if unit is not None:
                ranked = [unit]  # "... region of Dahuk": the province, which holds its capital too
        if ranked:
            out[id(m)] = ranked[0]
    # "the Riyadh and Abbasi sub-districts of Hawija", "the villages of X and Y in Z": a plural noun after the last
    # name of a list puts every name of the list in the unit
    for i, _features, _inner in links:
        unit = out.get(id(matches[i]))
        if unit is None or not _PLURAL_NOUN_AFTER.match(text[matches[i].end:]):
            continue
        j = i - 1
        while j >= 0 and id(matches[j]) not in out and _LIST_GAP.match(text[matches[j].end:matches[j + 1].start]):
            out[id(matches[j])] = unit
            j -= 1
    # "Baghdad's Sadr City", "Basra's Zubair district", "Baghdad's southern Dora district": the possessor holds the
    # place named after it
    for i in _possessives(text, matches):
        m, nxt = matches[i], matches[i + 1]
        if id(nxt) in out:
            continue
        ranked = _rank(gaz, m.key, context, [], None, within=out.get(id(m)), container=True)
        ranked = [p for p in ranked if (context.iso3 is None or p.iso3 == context.iso3 or p.feature == "country")
                  and p.feature in (*POPULATED, "admin1", "admin2", "admin3", "country")]
        if ranked and ranked[0].feature in POPULATED:
            unit = next((p for p in ranked[1:] if p.feature in ("admin1", "admin2") and p.iso3 == ranked[0].iso3
                         and p.admin1 == ranked[0].admin1), None)
            if unit is not None:
                ranked = [unit]  # "Basra's Zubair": the province, which holds its capital's districts too
        if ranked:
            out[id(nxt)] = ranked[0]
    return out


# "Saadiya, a sub-district of ", "Amerli, a Turkmen town in ", "Bartella, a town east of ": the name before says
# which spot it is, the noun what kind of spot; with "of"/"in" the next name holds it (_APPOSITIVE_IN)
_APPOSITIVE_NOUNS = (r"(?:village|town|city|sub-?district|district|neighbou?rhood|area|suburb|hamlet|nahiya|"
                     r"region|camp|quarter)")
_APPOSITIVE_AFTER = re.compile(rf"^\s*,\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?({_APPOSITIVE_NOUNS})\b", re.I)
_APPOSITIVE_IN = re.compile(rf"^\s*,\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_APPOSITIVE_NOUNS}\s+(?:of|in|within)\s+"
                            r"(?:the\s+)?$", re.I)
# the rest of a list after its first name, up to the plural noun that follows the list's last name
_LIST_NOUN_AHEAD = re.compile(r"^(?:\s*,\s*(?:al-|Al-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*\s*,?\s+and\s+(?:the\s+)?"
                              r"(?:al-|Al-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(districts|provinces|governorates|"
                              r"villages|towns|neighbou?rhoods)\b")
# the rest of a list after one of its names: more names after commas, then "and" and the last name
_LIST_AHEAD = re.compile(r"^(?:\s*,\s*(?:al-|Al-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*\s*,?\s+(?:and|or)\s+"
                         r"(?:the\s+)?(?:al-|Al-|el-)?[A-Z]")
_BARE_COMMA = re.compile(r"^\s*,\s*$")
_LIST_AND = re.compile(r"^\s*,?\s+(?:and|or)\s+(?:the\s+)?$", re.I)
# between a possessor and the place it holds: "Baghdad's ", "Baghdad's southern ", "Mosul's old "
_POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:(?:old|new|northern|southern|eastern|western|central|north-?eastern|"
                             r"north-?western|south-?eastern|south-?western|eastern)\s+)?(?:the\s+)?$", re.I)
# between two names of a list: ", ", " and ", ", and the "
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$", re.I)
_PLURAL_NOUN_AFTER = re.compile(r"^\s+(?:districts|sub-?districts|villages|areas|towns|neighbou?rhoods|regions|"
                                r"quarters|nahiyas)\b", re.I)


def _possessives(text: str, matches: list[_Match]) -> list[int]:
    """The i for which match i is a possessor and match i + 1 the place it holds ("Baghdad's Sadr City")."""
    return [i for i in range(len(matches) - 1)
            if text[matches[i].end:matches[i].end + 1] in ("'", "’")
            and _POSSESSIVE_GAP.match(text[matches[i].end:matches[i + 1].start])]


_LINKS: dict[tuple[str, int], list] = {}


def _container_links(text: str, matches: list[_Match], gaz: Gazetteer) -> list[tuple[int, frozenset | None, bool]]:
    """What _containers reads from the text alone, right to left: (i, the features the noun after match i + 1 asks
    for, match i is followed by a district noun) for each match i the text says lies in match i + 1. Kept for the
    story's next pass over the sentence."""
    key = (text, id(gaz))
    found = _LINKS.get(key)
    if found is None or found[0] is not matches:
        if len(_LINKS) >= 512:
            _drop_oldest(_LINKS)
        links = []
        for i in range(len(matches) - 2, -1, -1):
            m, nxt = matches[i], matches[i + 1]
            if not (_CONTAINED_IN.match(text[m.end:nxt.start]) or _APPOSITIVE_IN.match(text[m.end:nxt.start])) or \
                    gaz._features_of_key(m.key)[1]:
                continue  # "...of Turkey in Sinjar district": a country lies in no district
            noun = _AFTER_NOUN.match(text[nxt.end:])
            if noun is None and i + 2 < len(matches) and _BARE_COMMA.match(text[m.end:nxt.start]) and \
                    _LIST_AHEAD.match(text[nxt.end:]):
                continue  # "in Nasiriyah, Shatra and Rifai": a list of places, not Nasiriyah in Shatra
            features = _NOUNS[noun.group(1).lower()] if noun else None
            inner = _AFTER_NOUN.match(text[m.end:])
            links.append((i, features, bool(inner and (_NOUNS[inner.group(1).lower()] or set()) & {"admin2", "admin3"})))
        found = _LINKS[key] = (matches, links)
    return found[1]


def _latest_places(near: list[Place], seen: dict[str, Place] | None = None) -> list[Place]:
    """The 24 latest places of `near` (those after the places of `seen`, which come first), each once (by id), the
    latest first."""
    seen = {} if seen is None else dict(seen)
    if len(seen) < 24:
        for a in reversed(near):
            seen.setdefault(a.id, a)
            if len(seen) == 24:
                break
    return list(seen.values())


def _rank(gaz: Gazetteer, key: str, context: PlaceContext, near: list[Place],
          features: set[str] | None, within: Place | None = None, container: bool = False,
          written: str | None = None, latest: list[Place] | None = None) -> list[Place]:
    """The places named `key` best first: story country, feature rank, population, primary name, proximity, and
    lying inside the place the text says encloses it. Rankings are kept for the run (one depends on the key, the
    story's country, the features, the enclosing place, the name as written and, when proximity enters, the set of
    the story's latest places only). `latest`, when given, is `_latest_places(near)`, made by the caller."""
    entries = gaz._entries_of(key)
    filtered = features is None or len(entries) < 2  # the entries of the wanted features (below), when needed
    iso3 = context.iso3 or None
    plain = _plain(written) if written is not None else None
    cache_key = (key, iso3, None if features is None else frozenset(features), container, plain,
                 None if within is None else (within.id, within.feature, within.iso3, within.admin1,
                                              within.admin2, within.admin3, within.latitude, within.longitude))
    anchors = None
    if near and not filtered:
        entries = [e for e in entries if e[0].feature in features] or entries
        filtered = True
    if near and len(entries) > 1:  # proximity only orders homonyms
        # the story's 24 latest places, each once, the latest first (a long story names the same towns often); the
        # ranking depends on which places they are, not on their order
        anchors = _latest_places(near) if latest is None else latest
        if _ANCHOR_IDS[0] is not anchors:
            _ANCHOR_IDS[:] = [anchors, frozenset([a.id for a in anchors])]
        cache_key += (_ANCHOR_IDS[1],)
    hit = gaz._rank_cache.get(cache_key)
    if hit is not None:
        return list(hit)
    if not filtered:
        entries = [e for e in entries if e[0].feature in features] or entries  # "Sinjar region": the district
        # when no province has that name
    nearest = None if anchors is None else _nearest_km([e[0] for e in entries], anchors)
    scored = []
    for n, (p, score, population_term, own, p_plain) in enumerate(entries):
        if iso3 and p.iso3 == iso3:
            score += 3.0
        score += population_term
        if own:
            score += 0.5
        if nearest is not None:
            d = nearest[n]
            score += 1.5 if d < 50 else 0.75 if d < 150 else 0.0
        if within is not None and _inside(p, within):
            score += 6.0
        if plain is not None and plain == p_plain:
            score += 1.0  # "Samarra" as written is Samarra, not Samara
        scored.append((score, p.id, p))
    scored.sort(key=lambda s: (-s[0], s[1]))
    ranked = [p for _, _, p in scored]
    if not container and ranked and ranked[0].feature in ("admin1", "admin2", "admin3") and (features is None or not features & {
            "admin1", "admin2", "admin3"}):
        unit = ranked[0]
        for p in ranked[1:]:  # "Baghdad", "Aleppo": the city, not the province of the same name
            if p.feature in POPULATED and p.iso3 == unit.iso3 and p.admin1 == unit.admin1 and (
                    unit.feature == "admin1" or p.admin2 == unit.admin2) and (
                    fold_key(p.name) == fold_key(unit.name) or unit.feature != "admin1"
                    or (p.population or 0) >= 50_000):
                ranked.remove(p)
                ranked.insert(0, p)
                break
    if len(gaz._rank_cache) >= 1 << 14:
        gaz._rank_cache.clear()
    gaz._rank_cache[cache_key] = ranked
    return list(ranked)


def _precision(place: Place, relation: str | None) -> int:
    if place.feature in ("admin1", "country", "region"):
        return 3
    if relation in ("near", "outskirts", "between", "site", "compound") or (relation or "").endswith(" of"):
        return 2
    if place.feature in ("admin2", "admin3"):
        return 2
    return 1


def _neighbourhood_ok(place: Place, others: list[Place]) -> bool:
    """A neighbourhood needs its town or district named nearby in the story."""
    for o in others:
        if o.id == place.id or o.iso3 != place.iso3:
            continue
        if (o.admin3 and o.admin3 == place.admin3) or (o.feature in ("admin2",) and o.admin2 == place.admin2):
            return True
        if o.feature in POPULATED | {"admin2", "admin3"} and _closer_km(o, place, 25):
            return True
    return False


def _region(gaz: Gazetteer, iso3: str, direction: str) -> Region | None:
    for d in (direction, direction[:5], direction[5:]):
        if (iso3, d) in gaz.policy.regions:
            return gaz.policy.regions[(iso3, d)]
    return None


def _region_mention(gaz: Gazetteer, target: Place, direction: str, text: str, start: int, end: int,
                    phrase: str, offset: int) -> PlaceMention:
    """"southern Iraq", "western Anbar": policy region of a country, or the province itself."""
    if target.feature == "country":
        region = _region(gaz, target.iso3, direction)
        if region is not None:
            point = gaz.find(region.point, target.iso3, POPULATED) or gaz.find(region.point, target.iso3)
            assert point is not None  # checked when the policy loaded
            place = Place(id=f"region:{target.iso3}:{region.direction}", name=f"{_ADJECTIVE[direction]} {target.name}",
                          feature="region", latitude=point.latitude, longitude=point.longitude,
                          country=target.country, iso=target.iso, iso3=target.iso3, source="policy")
            return PlaceMention(text=text, start=offset + start, end=offset + end, phrase=phrase, place=place,
                                geo_precision=3, relation="region", bearing=_bearing(direction),
                                region_admin1=list(region.admin1), candidates=[point.id])
        return PlaceMention(text=text, start=offset + start, end=offset + end, phrase=phrase, place=target,
                            geo_precision=3, relation="region", bearing=_bearing(direction))
    admin1 = [target.admin1] if target.admin1 else None
    precision = 3 if target.feature == "admin1" else 2
    return PlaceMention(text=text, start=offset + start, end=offset + end, phrase=phrase, place=target,
                        geo_precision=precision, relation="region", bearing=_bearing(direction),
                        region_admin1=admin1)


class _MatchCues:
    """What the words around one gazetteer match say, read from the sentence alone (no context): see
    find_place_mentions, which applies them."""

    __slots__ = ("before", "after", "name", "adjective", "compound", "longer", "features", "noun", "noun_word",
                 "phrase_start", "phrase_end", "relation", "bearing", "cue", "list_sep", "pre_len", "words",
                 "direction", "titled", "person_before", "person_after", "site", "speech", "org")


def _match_cues(text: str, sentence_words: _Words, matches: list[_Match], n_m: int, gaz: Gazetteer) -> _MatchCues:
    m = matches[n_m]
    c = _MatchCues()
    before, after = text[:m.start], text[m.end:]
    name = text[m.start:m.end]
    c.before, c.after, c.name = before, after, name
    c.adjective = after[:1] in "-." and bool(_ADJ_COMPOUND.match(after))  # the pattern begins with "-" or ".-"
    c.longer = None
    if c.adjective:
        return c
    c.compound = (_COMPOUND_AFTER.match(after) if "-" in after[:2] else None) or (
        "-" in before[-6:] and _COMPOUND_NOUN.match(after) and _COMPOUND_BEFORE.search(before[-60:]))
    longer = _LONGER_NAME.match(after)
    if longer and not _SITE_BEFORE.search(name + " ") and (longer.group("words") or longer.group("noun").lower().rstrip(".") in _LANDMARKS) and not any(
            w in _NOT_NAME_PARTS for w in longer.group("words").split()):
        s0 = m.start
        lead = _search_end(_NAME_BEFORE, before, 1)
        if lead and lead.group(0).split()[0] not in _NOT_NAME_PARTS and not any(
                o.start <= lead.start() < o.end for o in matches):
            s0 = lead.start()  # "Muhammad Al-Qasim Street"
        full = text[s0:m.end] + longer.group("words")
        if longer.group("noun").lower().rstrip(".") in _LANDMARKS:
            full += " " + longer.group("noun")
        c.longer = (" ".join(full.split()), (s0, m.end + longer.end()))
        return c
    features: set[str] | None = None
    phrase_start, phrase_end = m.start, m.end
    first = _LEAD_WORD.match(after).group(1).lower() if after.isascii() else None  # None: try every pattern
    noun = _AFTER_NOUN.match(after) if first is None or first in _NOUN_FIRST else None
    noun_cue = False
    if noun:
        features = _NOUNS[noun.group(1).lower()]
        phrase_end = m.end + noun.end()
        noun_cue = True
    if noun is None and features is None and " and " in after[:80] and (
            listed := _LIST_NOUN_AHEAD.match(after)) and _NOUNS.get(listed.group(1).lower()):
        # "the Tuz Khurmatu and Daquq districts": the plural noun after the list names each of its places
        noun, features = listed, _NOUNS[listed.group(1).lower()]
    if noun is None and (alt := _ALT_NAME_OF_AREA.match(after)):
        # "Zap (Amadiya) region": the bracket gives the region's other name, the district it is named after
        features = (_NOUNS[alt.group(1).lower()] or set()) | {"admin2", "admin3"}
    noun_word = noun.group(1).lower() if noun else None
    last = name.rsplit(None, 1)[-1].lower()
    if noun is None and last != name.lower() and last in _NOUNS and last in _UNIT_WORDS:
        features, noun_word = _NOUNS[last], last  # "Wasit Province" read as one gazetteer name
    pre = before
    last_before = _last_word(pre)
    bn = _search_end(_BEFORE_NOUN, pre[-60:]) if last_before in ("of", "the") and _may_have(pre[-60:], _NOUN_WORDS) else None
    if bn and (_search_end(_NAME_BEFORE, pre[:len(pre) - len(pre[-60:]) + bn.start()], 1) or _NAME_PAREN_BEFORE.search(
            pre[:len(pre) - len(pre[-60:]) + bn.start()][-50:])):
        bn = None  # "Kut Al Hajjaj neighbourhood of Basrah", "Gosine (Goshina) area of Soran district": the noun is
        # the earlier name's
    if bn is None and features is None and last_before in ("of", "the") and _may_have(pre[-40:], _UNIT_OF_WORDS) \
            and _search_end(_UNIT_OF_BEFORE, pre[-40:]):
        features = {"admin1"}  # "Metina region of Dahuk": the province (a capital of that name when none)
    if bn:
        features = _NOUNS[bn.group(1).lower()]
        noun_word = bn.group(1).lower()
        pre = pre[:len(pre) - len(pre[-60:]) + bn.start()]
        noun_cue = True
    else:
        th = _THE.search(pre[-10:]) if last_before == "the" else None
        if th:
            pre = pre[:len(pre) - len(pre[-10:]) + th.start()]
    relation, bearing, cue = None, None, noun_cue
    tail = pre[-120:]
    # (the last word of `tail` is that of `pre`: _last_word reads the last 40 characters)
    tail_low = tail.lower() if tail.isascii() else None
    for rel, pat in _RELATIONS_BY_LAST.get(last_before if pre is before else _last_word(tail), ()):
        needs = _RELATION_WORDS.get(rel)
        if needs is not None and tail_low is not None and not any(map(tail_low.__contains__, needs)):
            continue
        rm = _search_end(pat, tail) if rel in _RELATION_BOUNDED else pat.search(tail)
        if rm:
            cue = True
            phrase_start = min(phrase_start, len(pre) - len(tail) + rm.start())
            if rel == "direction":
                relation = f"{rm.group('dir').lower()} of"
                bearing = _bearing(rm.group("dir"))
            elif rel != "cue":
                relation = rel
            break
    if not cue and "," in after[:3] and (appos := _APPOSITIVE_AFTER.match(after)):
        cue = True  # "Bartella, a town east of Mosul": the name is the town the noun after it tells of
        if features is None:
            word = appos.group(1).lower().replace("subdistrict", "sub-district")
            features = _NOUNS.get(word, _NOUNS.get(word.replace("sub-", "sub"), None))
    if not cue and "(" in before[-40:] and _PAREN_PLACE_BEFORE.search(before[-40:]) and _PAREN_PLACE_AFTER.match(after) and not (
            _ORG_AFTER.match(" " + _last_word(before[:before.rfind("(")] + " "))):
        cue = True  # "Zap region (Amadiya)", "Buhriz (Diyala)": the place, or the unit it lies in, in brackets
    c.list_sep = _ends_in_and_or(tail)
    c.pre_len = len(pre)
    # region adjective right before the name: "southern Iraq", "western Anbar"
    words = before.rstrip().rsplit(None, 1)
    direction = _norm_direction(words[-1]) if words and before.endswith(" ") else None

    w_starts, w_ends, w_raws, w_keys = sentence_words
    # the word before the name (before its article: "the Al-..."), and the word after it
    has_prev, j = m.first_token > 0, m.first_token - 1
    if has_prev and w_keys[j] == "" and m.first_token > 1:
        j -= 1
    titled = has_prev and (w_raws[j].lower().rstrip(".") in _TITLES or w_raws[j].lower() in _UNIT_TITLES)
    site_before = _SITE_BEFORE.search(before[-8:])
    person_before = (has_prev and w_raws[j][:1].isupper() and m.first_token > 1 and not direction
                     and not site_before
                     and not any(o.start <= w_starts[j] < o.end for o in matches)
                     and fold_key(w_raws[j]) not in gaz.policy.demonyms
                     and text[w_ends[j]:m.start].strip() == "")
    k = m.last_token + 1
    person_after = (k < len(w_raws) and w_raws[k][:1].isupper() and text[m.end:w_starts[k]] in (" ", "-")
                    and not noun and not _DIR_WORD.match(w_raws[k]) and w_raws[k] not in _NOT_NAME_PARTS)
    site = (_SITE_AFTER.match(after) if first is None or first in _SITE_FIRST else None) or site_before
    if site_before:  # "Lake Hamrin", "Wadi Tharthar": a natural feature by the place
        phrase_start = min(phrase_start, len(before) - len(before[-8:]) + site_before.start())
    if site:  # "Telafar Airport", "the Harir military base", "Bazrakan oilfield": a site by the town
        person_after = False
        if site is not site_before:
            phrase_end = max(phrase_end, m.end + site.end())
    c.speech = (first is None or first in _SPEECH_FIRST) and bool(_SPEECH.match(after))
    c.org = (first is None or first in _ORG_FIRST) and bool(_ORG_AFTER.match(after)) and not noun
    c.features, c.noun, c.noun_word = features, noun, noun_word
    c.phrase_start, c.phrase_end, c.relation, c.bearing, c.cue = phrase_start, phrase_end, relation, bearing, cue
    c.words, c.direction, c.titled, c.person_before, c.person_after = words, direction, titled, person_before, person_after
    c.site = bool(site)
    return c


def find_place_mentions(text: str, offset: int, gazetteer: Gazetteer, context: PlaceContext) -> list[PlaceMention]:
    """Every place phrase of one sentence, in text order, each resolved (see module docs for the policy).

    Offsets in the result are absolute: `offset` + index in `text`.
    """
    gaz = gazetteer
    sentence_words, matches, cues = _tokens_and_matches(text, gaz)
    if not matches:  # only "the capital", "the country" and names the gazetteer does not know
        covered: list[tuple[int, int]] = []
        out = _special_phrases(text, offset, gaz, context, covered)
        _attach_unknown(text, offset, gaz, context, out, covered)
        if len(out) > 1:
            out.sort(key=_by_position)
        return out
    out: list[PlaceMention] = []
    resolved: list[Place] = []
    covered = []
    pending_between: Place | None = None
    containers = _containers(text, matches, gaz, context)
    unplaced: list[tuple[_Match, str]] = []
    story_latest: dict[str, Place] | None = None  # _latest_places of the story's anchors, by id
    latest: list[Place] | None = None  # _latest_places(resolved + context.anchors), made when `resolved` had
    latest_for = 0  # this many places
    story_known: tuple | None = None  # _known_places(context.anchors)
    # "in Baghdad's Sadr City": the locative phrase before the possessor is the held place's too
    possessives = _possessives(text, matches) if containers else []
    possessed = {id(matches[i + 1]) for i in possessives}

    for n_m, m in enumerate(matches):
        c = cues[n_m]
        if c is None:
            c = cues[n_m] = _match_cues(text, sentence_words, matches, n_m, gaz)
        if c.adjective:  # "Iran-backed", "Sulaimani-based"
            continue
        if any(cs <= m.start < ce for cs, ce in covered):
            continue  # part of a longer name read with an earlier match
        if c.longer is not None:
            # "Kut Al Hajjaj neighbourhood", "Suleimaniya Street", "the Hassan market": a longer name, or a street or
            # market named after a town, is not that town
            unplaced.append((m, c.longer[0]))
            covered.append(c.longer[1])
            continue
        before, after, name = c.before, c.after, c.name
        if name.lower() in _NAME_HEADS and _NEXT_NAME_WORD.match(after):
            continue  # "Wadi Abu Shahmah": "Abu" heads a longer name the gazetteer does not know, it is no place
        compound, features, noun, noun_word = c.compound, c.features, c.noun, c.noun_word
        phrase_start, phrase_end = c.phrase_start, c.phrase_end
        relation, bearing, cue = c.relation, c.bearing, c.cue
        prev = out[-1] if out else None
        if relation is None and prev is not None and c.list_sep and \
                text[prev.end - offset:c.pre_len].strip(" ,").lower() in ("and", "or"):
            relation, cue = prev.relation if prev.relation != "region" else None, True
            if prev.relation == "between":
                relation = "between"
        elif relation is None and prev is not None and 0 <= c.pre_len - (prev.end - offset) < 16 and (
                (gap := text[prev.end - offset:c.pre_len].strip(" ,").lower()) == "as well as" or (
                gap == "" and "," in text[prev.end - offset:c.pre_len] and _LIST_AHEAD.match(text[m.end:]))):
            # "in Hawija, Riyadh, Abbasi and Zab", "on Tarmiyah as well as Taji": a name of the list
            relation, cue = prev.relation if prev.relation not in ("region", "between") else None, True
        words, direction = c.words, c.direction
        titled, person_before, person_after = c.titled, c.person_before, c.person_after
        if id(m) in possessed and id(m) in containers:
            cue = True
        if c.site:  # "Telafar Airport", "the Harir military base", "Bazrakan oilfield": a site by the town
            cue = True
            relation = relation if relation not in (None, "in", "cue") and not (
                relation == "outskirts" and _OUTSIDE_THE.search(before[-24:])) else "site"
            # ("outside the Baiji refinery": at the gates of the site, not on the outskirts of the town)
        speech, org = c.speech, c.org

        within = containers.get(id(m))
        if not cue and within is None and not titled and gaz._features_of_key(m.key)[0]:
            continue  # only villages, towns, districts and neighbourhoods by that name, and no locative cue
        spelled = ""
        if len(gaz._entries_of(m.key)) < 2:
            near: list[Place] = []  # proximity only orders homonyms (_rank): no need for the latest places
        else:
            if latest is None or latest_for != len(resolved):  # the story's latest places, then the sentence's
                if story_latest is None:
                    story_latest = {a.id: a for a in _latest_places(context.anchors)}
                latest, latest_for = _latest_places(resolved, story_latest), len(resolved)
            near = latest
        ranked = _rank(gaz, m.key, context, near, features, within=within, written=name, latest=near)
        chosen: Place | None = None
        out_of_frame = False
        look: list[Place] | None = None
        ahead: list[Place] | None = None  # _lookahead of this match
        known: tuple | None = None  # the countries and places the sentence names so far (_known_places)
        letters: int | None = None  # _letters(name), when needed
        for p in ranked:
            if within is not None and not _inside(p, within) and p.feature != "country" and (
                    p.feature not in ("admin1", "city") or within.feature != "country" and (
                    p.feature == "admin1" or _farther_km(p, within, 30))) and not _by_edge(gaz, p, within, m.key):
                continue  # "Sakkar in Ar Rutba district": not a Sakkar elsewhere; "Al Qadissiya, Daquq
                # district": not the province of that name
            if context.frame and within is None and p.iso3 == context.iso3 and (
                    _small(p) or p.feature == "town" and any(f.feature.startswith("admin") for f in context.frame)
                    or p.feature not in ("admin1", "country") and _spelled_apart(m.key, p)):
                # a village or town of the story's country outside every province and city the story names; or a
                # city there read from an unrelated alternate name ("Al Baghdadi desert, Anbar" is not Baghdad)
                if look is None:
                    if ahead is None:
                        ahead = _lookahead(gaz, matches, m, context)
                    look = resolved + ahead
                if not _in_frame(p, context.frame, look):
                    out_of_frame = True
                    continue
            if person_after and p.iso3 != context.iso3 and p.feature != "country":
                continue  # "Federal Police", "University of ...": part of a longer name, and abroad
            if not titled and p.feature not in NEEDS_NO_CUE and (
                    person_before or person_after or speech or org or not cue):
                continue  # the test below, first when it cannot be preceded by the `titled` one: cheaper
            if context.iso3 and p.iso3 != context.iso3 and p.feature != "country" and not (_named_nearby(
                    p, known := known or _known_places(resolved)) or _named_nearby(
                    p, story_known := story_known or _known_places(context.anchors))) and not (
                    (gaz.is_capital(p) or not context.frame and (p.feature == "admin1" or (p.population or 0) >= 100_000))
                    and _plain(name) == _plain(p.name)):
                continue  # abroad, in a story set elsewhere: only a big place by its own name (only a capital in a
                # story the text sets in named provinces or cities of its country), or one whose country it names
            low = p.feature not in NEEDS_NO_CUE
            if titled and p.feature != "country":
                break  # "President Barham Salih", "Captain Hatem Al-Jabri"
            if low and (person_before or person_after or speech or org or not cue):
                continue
            if person_before and p.feature not in ("country", "admin1"):
                continue  # "Barham Salih", "Hatem Al-Jabri": a name after a given name
            if letters is None:
                letters = _letters(name)
            if m.first_token == 0 and not cue and p.iso3 != context.iso3 and p.feature not in ("country", "admin1") \
                    and not gaz.is_capital(p):
                continue  # "Most of the...", "Nice weather": a sentence's first word, a town abroad
            if letters <= 3 and name.isupper() and p.feature != "country":
                continue  # "US", "UN", "PM": an acronym names a country ("UK", "UAE") or nothing
            if letters <= 3 and not name.isupper() and not (cue and m.key in alias_keys(p.name)):
                continue  # "An", "As", "We": short words match folded alternate names
            if p.feature != "country" and p.iso3 != context.iso3 and not (
                    (cue and letters >= 5) or _plain(name) == _plain(p.name)):
                continue  # abroad: only its own name as written, or another spelling in a locative frame
            if p.feature == "neighbourhood":
                if ahead is None:
                    ahead = _lookahead(gaz, matches, m, context)
                if not _neighbourhood_ok(p, resolved + list(context.anchors) + ahead):
                    continue
            chosen = p
            break
        if chosen is not None and chosen.feature in ("village", "town") and (chosen.population or 0) < 10_000 and \
                (features is None or "village" not in features or noun_word == "city"):
            city = gaz.fuzzy_city(name, chosen.iso3, threshold=0.85)
            if city is not None and (within is None or _inside(city, within)) and not (
                    m.key == fold_key(city.name) + "i") and (noun_word == "city" or not context.frame or _in_frame(
                    city, context.frame, resolved) or not _in_frame(chosen, context.frame, resolved)):
                chosen = city  # "Nassriya city": An Nasiriyah, not the hamlet An Nasri
                ranked = [city] + [q for q in ranked if q.id != city.id]
                spelled = f"fuzzy:{name}"
        district_seat = False
        if chosen is not None and chosen.feature in ("admin2", "admin3"):
            # a district whose point is no town's (a source's centroid): ACLED places a district at its seat, the
            # town or sub-district centre of the same name ("Mergasur district": Mergasur, not the district's middle)
            seat_key = fold_key(_DISTRICT_NOUN_END.sub("", name)) or m.key  # "Rawah district": Rawah
            seat = next((q for q in _rank(gaz, seat_key, context, [], None)
                         if q is not chosen and q.feature in ("city", "town", "village", "admin3")
                         and q.iso3 == chosen.iso3 and q.admin1 == chosen.admin1 and _closer_km(q, chosen, 40)
                         and not _closer_km(q, chosen, 5) and not _spelled_apart(seat_key, q)), None)
            if seat is not None:
                chosen, district_seat = seat, True
        if chosen is None:
            if within is not None or out_of_frame:
                unplaced.append((m, name))  # kept as an unresolved name on its container's mention
            continue
        if c.site and context.iso3 and chosen.iso3 != context.iso3 and _NATURAL_SITE.match(after):
            continue  # "Victoria Mountain" in a story set in Iraq: not a hill by a town of that name abroad
        if chosen.feature in ("village", "neighbourhood", "town") and context.iso3 is None and (
                _NATURAL_SITE.match(after) or _WIDE_AFTER.match(after)) and (
                area := gaz.area_named(name, None)) is not None:
            # a story whose country is not known yet: "the Qandil mountains", "the Makhoul mountains" are the wide
            # areas the package knows (not a village of that name, here or abroad), placed at once (precision 2),
            # the name kept as unresolved as for an area read through its province
            out.append(PlaceMention(text=name, start=offset + m.start, end=offset + m.end,
                                    phrase=text[phrase_start:phrase_end], place=area, geo_precision=2,
                                    relation=relation if relation not in (None, "cue", "site") else "in",
                                    unresolved=[name], candidates=[area.id]))
            resolved.append(area)
            covered.append((phrase_start, phrase_end))
            continue
        if chosen.feature in ("village", "neighbourhood") and (_NATURAL_SITE.match(after) or _WIDE_AFTER.match(after)) \
                and gaz.area_named(name, chosen.iso3) is not None:
            unplaced.append((m, name))  # "the Qandil mountains": the wide area the package knows, not a village of
            continue  # that name (kept as an unresolved name, which the area file then places)

        if direction and chosen.feature in ("country", "admin1", "city", "town"):
            dir_start = len(before.rstrip()) - len(words[-1])
            if chosen.feature in ("country", "admin1"):
                mention = _region_mention(gaz, chosen, direction, name, m.start, m.end,
                                          text[dir_start:phrase_end], offset)
            else:
                mention = PlaceMention(text=name, start=offset + m.start, end=offset + m.end,
                                       phrase=text[dir_start:phrase_end], place=chosen, geo_precision=2,
                                       relation="region", bearing=_bearing(direction))
            mention.candidates[:] = mention.candidates or [p.id for p in ranked[:5]]
            out.append(mention)
            resolved.append(chosen)
            covered.append((dir_start, phrase_end))
            continue

        capital = chosen.feature != "country" and gaz.is_capital(chosen)
        metonym = (speech and (chosen.feature == "country" or capital)) or (capital and relation is None and (
            (context.iso3 is not None and chosen.iso3 != context.iso3) or bool(_GOVERNMENT_VERB.match(after))))
        # a capital standing for its government: "Washington has blamed...", "since Washington killed..."
        if relation == "between" or (prev is not None and prev.relation in ("between", "metonym")
                                     and relation == "between"):
            if pending_between is None:
                pending_between = chosen
            else:
                first = pending_between
                pending_between = None
                if _capital_or_country(gaz, first) and _capital_or_country(gaz, chosen) and first.iso3 != chosen.iso3:
                    prev.relation = "metonym"  # "ties between Baghdad and Washington"
                    metonym = True
        if relation is None and _SEAT_AFTER.match(after) and chosen.feature != "country":
            relation = "seat"  # "the Kirkuk governor said": where the official sits, not where it happened
        if chosen.feature == "country" and _ATTRIBUTIVE.match(after):
            metonym = True  # "US forces", "Iran-backed" is handled above: the state, not the place
        if compound and chosen.feature != "country":
            relation = "compound"  # "the Baghdad-Kirkuk road", "the Erbil-Baghdad agreement": not where it happened
        if metonym:
            relation = "metonym"
        if chosen.feature == "country" and relation in (None, "in"):
            relation = relation or "country"
        precision = _precision(chosen, relation)
        if (noun and features and features & {"admin1", "admin2", "admin3"} or district_seat) and \
                chosen.feature in POPULATED | {"admin3"}:
            precision = max(precision, 2)  # "Tuz Khurmatu district", placed at its town
        mention = PlaceMention(text=name, start=offset + m.start, end=offset + m.end,
                               phrase=text[phrase_start:phrase_end], place=chosen,
                               geo_precision=precision, relation=relation,
                               bearing=bearing, candidates=[p.id for p in ranked[:5]] + ([spelled] if spelled else []))
        out.append(mention)
        resolved.append(chosen)
        covered.append((phrase_start, phrase_end))

    # a place named only as the container of another ("X district of Erbil") is not where it happened
    starts = {pm.start - offset: pm for pm in out}
    linked = {i for i, _f, _u in _container_links(text, matches, gaz)} if containers else set()
    for i in range(len(matches) - 1):
        inner, outer = matches[i], matches[i + 1]
        if i in linked and id(inner) in containers and inner.start in starts and outer.start in starts:
            held, unit = starts[inner.start], starts[outer.start]
            if held.relation == "site" and unit.place is not None and held.place is not None and \
                    unit.place.feature in POPULATED and _closer_km(held.place, unit.place, SITE_IN_TOWN_KM):
                continue  # "the Samawah refinery in As Samawah city": the town itself is the place
            if unit.relation in (None, "in", "country"):
                unit.relation = "contains"
    for i in possessives:
        # "in Baghdad's Sadr City": the possessor only says where the place it holds lies; the locative phrase
        # before the possessor is the held place's
        outer, inner = matches[i], matches[i + 1]
        if id(inner) in containers and inner.start in starts and outer.start in starts:
            owner, held = starts[outer.start], starts[inner.start]
            if owner.relation in (None, "in", "country", "near", "outskirts") and held.place is not None:
                if owner.relation in ("near", "outskirts") and held.relation is None:
                    held.relation = owner.relation
                    held.geo_precision = max(held.geo_precision, _precision(held.place, owner.relation))
                owner.relation = "contains"
    for m, name in unplaced:
        if name.lower() in _NOUNS or name.lower() in _NATURAL_NOUNS:
            # a noun that some place is called: "the foot of Halgurd Mountain" names Halgurd mountain
            head = _NAME_BEFORE_NOUN.search(text, max(0, m.start - 40), m.start)
            if head is None or any(n.lower() == f"{head.group(1)} {name}".lower() for n in
                                   (u for pm in out for u in pm.unresolved)):
                continue
            name = f"{head.group(1)} {name.lower()}"
        host = next((pm for pm in out if pm.start - offset >= m.end and pm.place is not None), None) or next(
            (pm for pm in reversed(out) if pm.place is not None and pm.relation != "metonym"), None)
        unit = containers.get(id(m))
        near = gaz.fuzzy_inside(name, unit) if unit is not None and unit.feature.startswith("admin") else None
        if near is not None and (area := gaz.area_named(name, near.iso3)) is not None and area.admin1 == near.admin1:
            near = None  # "the Gare region (Chiya-e Gare) of Dahuk": the wide area the package knows in that
            # province, not a village spelled alike
        if near is not None:
            holder = _stated_unit(text, offset, m.end, out)
            if holder is not None and holder.relation in (None, "in") and near.feature in (*POPULATED, "neighbourhood") \
                    and (_in_unit(near, holder.place) or near.admin1 == holder.place.admin1):
                holder.relation = "contains"  # "Radwaniyah in Baghdad": where the spot is, not a second place
            out.append(PlaceMention(text=name, start=offset + m.start, end=offset + m.end, phrase=name, place=near,
                                    geo_precision=_precision(near, "in"), relation="in",
                                    candidates=[near.id, f"fuzzy:{name}"]))
            covered.append((m.start, m.end))
        elif host is not None:
            wide = _WIDE_BEFORE.search(text[max(0, m.start - 40):m.start]) or _WIDE_AFTER.match(text[m.end:])
            if wide:  # "the mountain range of 'Karah'", "Zap region": the wide area, kept with its noun
                name = f"{name} {'mountains' if wide.group(1).lower() in ('mountain', 'mountains', 'range') else 'region'}"
            if name not in host.unresolved:
                host.unresolved.append(name)
    out += _special_phrases(text, offset, gaz, context, covered)
    _attach_unknown(text, offset, gaz, context, out, covered)
    if len(out) > 1:
        out.sort(key=_by_position)
        _out_of_unit(text, offset, gaz, out)
    _spot_provinces(text, offset, gaz, out)
    return out


# what may stand between a spot the gazetteer does not know and the unit named as holding it: "Kelashin, ",
# "Gare region (Chiya-e Gara) of ", "Kato Sule hill of Haftanin region, ", "the village of Metina, " (the noun of
# the spot, before or after its name, says which kind of spot it is)
_SPOT_TO_UNIT = re.compile(r"^\)?(?:\s*\([^()]{1,40}\))?(?:\s+(?P<noun>[A-Za-z]+))?(?:\s*\([^()]{1,40}\))?"
                           r"(?:\s+(?:area|region))?\s*(?:,|\bof\b|\bin\b)\s*(?:the\s+)?$")
_NOUN_OF_SPOT = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s+(?:the\s+)?$")
# spots that lie outside towns: a name that is both a province and its capital, named as holding one, is the province
# ("airstrikes on the village of Kelashin, Erbil", "the Gare region of Dahuk"); a neighbourhood, a street or an
# "area" (in a city's news, mostly a part of the city) stays in the city
_COUNTRYSIDE_NOUNS = frozenset({"village", "villages", "hamlet", "region", "regions", "mountain", "mountains", "range",
                                "hill", "hills", "valley", "peak", "summit", "heights", "ridge", "plain", "mount"})


def _province_of_name(gaz: Gazetteer, pm: PlaceMention) -> Place | None:
    """The province of the mention's name when it is that of the province the mention's place lies in (a province's
    capital named alike: Erbil, Dahuk), or the place itself when it is a province."""
    place = pm.place
    if place is None or place.feature == "admin1":
        return place
    return next((q for q in _rank(gaz, fold_key(pm.text), PlaceContext(iso3=place.iso3), [], {"admin1"})
                 if q.feature == "admin1" and q.iso3 == place.iso3 and q.admin1 == place.admin1), None)


def _out_of_unit(text: str, offset: int, gaz: Gazetteer, out: list[PlaceMention]) -> None:
    """A village read from a name the text puts in a province that does not hold it ("the Gare region (Chiya-e Gara)
    of Dahuk": not the village Gare in Ninewa; "Qandil Mountain area of Erbil": not a village Qandil elsewhere) is
    another place of that name the gazetteer does not know: its name is kept, unresolved, on the province's
    mention (with its noun when that names a wide area). A place within 25 km of the province is kept (_by_edge)."""
    for k in range(len(out) - 1):
        pm = out[k]
        if pm.place is None or pm.place.feature not in ("village", "neighbourhood"):
            continue
        gap = first_gap = None
        end, j, province = pm.end, k + 1, None
        while j < len(out):  # along a chain of nested places ("X village in Y region of Z") to the first province
            unit = out[j]
            between = text[end - offset:unit.start - offset]
            rest = _LIST_REST.match(between) if k == j - 1 and end <= unit.start else None  # "X and Y in the Z"
            gap = _SPOT_TO_UNIT.match(between[rest.end():] if rest else between) if end <= unit.start else None
            if gap is None or unit.relation not in (None, "in", "contains", "near", "site"):
                break
            first_gap = first_gap or gap
            province = _province_of_name(gaz, unit) if unit.place is not None else None
            if province is not None:
                break
            end, j = unit.end, j + 1
        if province is None or unit.relation not in (None, "in", "contains") or pm.place.iso3 != province.iso3 or \
                pm.place.admin1 == province.admin1 or gaz.km_to_unit(pm.place, province) <= 25.0:
            continue
        gap = first_gap
        noun = (gap.group("noun") or "").lower()
        noun = {"regions": "region", "mountains": "mountain", "mount": "mountain"}.get(noun, noun)
        name = f"{pm.text} {noun}" if noun in BROAD_NOUNS else pm.text
        names = [n for n in (name, *pm.unresolved) if n not in unit.unresolved]
        out[j] = unit.model_copy(update={"unresolved": [*names, *unit.unresolved],
                                             "relation": None if unit.relation == "contains" else unit.relation})
        out[k] = pm.model_copy(update={"place": None, "unresolved": [], "relation": "contains"})


def _bare_spot(name: str) -> str:
    """An unresolved name without the noun of a wide area it is kept with ("Metina region": Metina)."""
    head, _, last = name.rpartition(" ")
    return head if head and last.lower() in BROAD_NOUNS else name


def _spot_provinces(text: str, offset: int, gaz: Gazetteer, out: list[PlaceMention]) -> None:
    """A city named as the unit holding a countryside spot the gazetteer does not know is read as its province when
    the name is the province's too: the spot lies somewhere in the province, not in the city (codebook: only a larger
    region is known, precision 3 at its capital; a wide area the package knows then takes the area's point)."""
    for k, pm in enumerate(out):
        place = pm.place
        if place is None or place.feature != "city" or not pm.unresolved or pm.relation not in (None, "in"):
            continue
        s = pm.start - offset
        if _AFTER_NOUN.match(text[pm.end - offset:]):
            continue  # "Baquba city", "Erbil province": the text says which
        before = text[:s]
        bare = [_bare_spot(n) for n in pm.unresolved]  # "Haftanin region": kept with its noun, maybe written bare
        spot_end = max((before.rfind(b) + len(b) for b in bare if b in before), default=-1)
        if spot_end < 0:
            continue
        gap = _SPOT_TO_UNIT.match(before[spot_end:])
        if gap is None:
            continue
        noun = (gap.group("noun") or "").lower() or None
        if noun is None:
            first = min((before.rfind(b) for b in bare if b in before), default=-1)
            of = _NOUN_OF_SPOT.search(before[max(0, first - 30):first]) if first > 0 else None
            noun = of.group("noun") if of else None
        if noun not in _COUNTRYSIDE_NOUNS and not any(b != n for b, n in zip(bare, pm.unresolved)) and not any(
                (a := gaz.area_named(b, place.iso3)) is not None and a.admin1 == place.admin1 for b in bare):
            continue  # a wide area kept with its noun, or one the package knows in the province, is no town's part
        province = _province_of_name(gaz, pm)
        if province is None:
            continue
        out[k] = pm.model_copy(update={"place": province, "geo_precision": _precision(province, pm.relation),
                                       "candidates": [province.id, *pm.candidates]})


_NAME_BEFORE_NOUN = re.compile(r"(?<![.!?]\s)\b([A-Z][\w'’-]*)\s+$")
_DISTRICT_NOUN_END = re.compile(r"\s+(?:district|sub-?district|nahiya|qadha|qada)$", re.I)
# words that begin Arabic and Kurdish place names ("Abu Ghraib", "Umm Qasr", "Kani Masi"), which the gazetteer also
# holds as the whole name of some hamlet: followed by another capitalised word, they head a longer name
_NAME_HEADS = frozenset({"abu", "umm", "um", "bani", "beni", "ain", "ayn", "tal", "tell", "tall", "wadi", "jabal", "jebel",
                         "sheikh", "shaikh", "qaryat", "kani", "bir", "ras", "deir", "dayr", "hay", "hai", "nahr"})
_NEXT_NAME_WORD = re.compile(r"^[\s-]+(?:(?:[Aa][lnrsdzt]|[Aa]sh|[Ee]l)[\s-]+)?[A-Z][a-z]")


def _by_edge(gaz: Gazetteer, p: Place, unit: Place, key: str) -> bool:
    """A town or district named by its own name just outside the province the text puts it in: "Akre city in
    Dahuk province", "Kifri (Sulaymaniyah)". Boundaries of disputed districts differ between administrations and
    data sets (the text follows the one that runs the town, the gazetteer the OCHA boundaries), so a place within
    25 km of a place of the named province is taken, with the gazetteer's own province."""
    return (unit.feature == "admin1" and p.iso3 == unit.iso3 and p.feature in ("city", "town", "admin2", "admin3")
            and not _spelled_apart(key, p) and gaz.km_to_unit(p, unit) <= 25.0)


def _latitude(p: Place) -> float:
    return p.latitude


def _known_places(others: list[Place]) -> tuple[set[str], list[Place], list[float]]:
    """The countries of `others`, and its places that are not countries, each object once, by latitude (with
    their latitudes)."""
    seen: dict[int, Place] = {}
    for a in others:
        if a.feature != "country":
            seen.setdefault(id(a), a)
    points = sorted(seen.values(), key=_latitude)
    return {a.iso3 for a in others}, points, [a.latitude for a in points]


_BAND_50_KM = 50 / 111.0 + 0.01 + 1e-6  # degrees of latitude beyond which _closer_km(., ., 50) is False at once


def _named_nearby(p: Place, known: tuple[set[str], list[Place], list[float]]) -> bool:
    """Some place of `known` (_known_places) is in the country of `p` or within 50 km of it (only those in its
    band of latitude can be)."""
    isos, points, lats = known
    if p.iso3 in isos:
        return True
    lat = p.latitude
    i, j = bisect.bisect_left(lats, lat - _BAND_50_KM), bisect.bisect_right(lats, lat + _BAND_50_KM)
    return any(_closer_km(a, p, 50) for a in points[i:j])


def _capital_or_country(gaz: Gazetteer, p: Place) -> bool:
    return p.feature == "country" or gaz.is_capital(p)


def _lookahead(gaz: Gazetteer, matches: list[_Match], current: _Match, context: PlaceContext) -> list[Place]:
    """Unambiguous bigger places named later in the sentence ("Al-Jabal neighbourhood in Rawa district")."""
    out = []
    for m in matches:
        if m is current or m.key == current.key:
            continue  # the same name again is no evidence for itself
        ranked = _rank(gaz, m.key, context, [], None)
        out += [p for p in ranked[:3] if p.feature not in ("village", "neighbourhood")]
    return out


_SPECIAL_MATCHES: dict[str, tuple[list[re.Match[str]], ...]] = {}


def _special_matches(text: str) -> tuple[list[re.Match[str]], ...]:
    """The matches of _REGION_OF_COUNTRY, _THE_CAPITAL and _THE_COUNTRY in a sentence, kept for the story's next
    pass over it (they do not depend on the context)."""
    found = _SPECIAL_MATCHES.get(text)
    if found is None:
        if len(_SPECIAL_MATCHES) >= 512:
            _drop_oldest(_SPECIAL_MATCHES)
        low = text.lower()
        has_country, has_capital = "country" in low, "capital" in low
        found = _SPECIAL_MATCHES[text] = (list(_REGION_OF_COUNTRY.finditer(text)) if has_country else [],
                                          list(_THE_CAPITAL.finditer(text)) if has_capital else [],
                                          list(_THE_COUNTRY.finditer(text)) if has_country else [])
    return found


def _special_phrases(text: str, offset: int, gaz: Gazetteer, context: PlaceContext,
                     covered: list[tuple[int, int]]) -> list[PlaceMention]:
    """"the capital", "the Iraqi capital", "the country", "the south of the country"."""
    out: list[PlaceMention] = []
    regions, capitals, countries = _special_matches(text)
    if not (regions or capitals or countries):
        return out

    def free(s: int, e: int) -> bool:
        return all(e <= cs or s >= ce for cs, ce in covered)

    for m in regions:
        if context.iso3 and free(m.start(), m.end()):
            country = gaz.country(context.iso3)
            if country is not None:
                direction = m.group("dir").lower().replace("-", "").replace(" ", "")
                out.append(_region_mention(gaz, country, direction, m.group(0), m.start(), m.end(), m.group(0), offset))
                covered.append((m.start(), m.end()))
    for m in capitals:
        if not free(m.start(), m.end()) or text[max(0, m.start() - 11):m.start()].lower().endswith("provincial "):
            continue
        adj = m.group("adj")
        iso3 = gaz.policy.demonyms.get(fold_key(adj)) if adj else context.iso3
        if adj and iso3 is None:
            continue  # "the provincial capital", "the regional capital"
        capital = gaz.capital(iso3) if iso3 else None
        if capital is None:
            continue
        rel = (m.group("rel") or "").lower()
        relation = {"near": "near", "outside": "outskirts"}.get(rel, "capital")
        s = m.start("adj") - 4 if adj else m.end() - len("the capital")
        out.append(PlaceMention(text=text[s:m.end()], start=offset + s, end=offset + m.end(), phrase=m.group(0),
                                place=capital, geo_precision=2 if relation != "capital" else 1, relation=relation,
                                candidates=[capital.id]))
        covered.append((m.start(), m.end()))
    for m in countries:
        if context.iso3 and free(m.start(), m.end()):
            country = gaz.country(context.iso3)
            if country is not None:
                s = m.end() - len("the country")
                out.append(PlaceMention(text=text[s:m.end()], start=offset + s, end=offset + m.end(),
                                        phrase=m.group(0), place=country, geo_precision=3, relation="country",
                                        candidates=[country.id]))
    return out


@functools.lru_cache(maxsize=1 << 14)
def _letters(name: str) -> int:
    return sum(ch.isalpha() for ch in name)


_UNKNOWN_MATCHES: dict[str, list[re.Match[str]]] = {}


def _unknown_frames(text: str) -> list[re.Match[str]]:
    """The matches of _UNKNOWN_FRAME, _UNKNOWN_OF_FRAME and _UNKNOWN_NATURAL in a sentence by the start of the name,
    kept for the story's second pass over the sentence (they do not depend on the context)."""
    found = _UNKNOWN_MATCHES.get(text)
    if found is None:
        if len(_UNKNOWN_MATCHES) >= 512:
            _drop_oldest(_UNKNOWN_MATCHES)
        # each pattern needs one of its literal nouns in the text: most sentences have none, and the test (one
        # Aho-Corasick pass for all the literals) is cheaper than the pattern
        words = _frame_words(text)
        found = _UNKNOWN_MATCHES[text] = sorted([
            *(_UNKNOWN_FRAME.finditer(text) if not words.isdisjoint(_UNKNOWN_FRAME_NOUNS)
              and _UNKNOWN_FRAME_CORE.search(text) else ()),
            *(_UNKNOWN_OF_FRAME.finditer(text) if "of" in text and not words.isdisjoint(_UNKNOWN_OF_NOUNS)
              else ()),
            *(_UNKNOWN_NATURAL.finditer(text) if not words.isdisjoint(_UNKNOWN_NATURAL_NOUNS) else ()),
            *((*_UNKNOWN_LIST.finditer(text), *_UNKNOWN_LIST_LAST.finditer(text))
              if " and " in text and ("regions" in text or "mountains" in text) else ())],
            key=lambda m: m.start("name"))
    return found


_FRAME_WORDS: list = []  # the Aho-Corasick automaton of _frame_words, made when first needed


def _frame_words(text: str) -> set[str]:
    """Which of the nouns _unknown_frames tests (case-sensitive) occur in `text`, anywhere (the other literals it
    needs, frequent ones such as "of", are tested with `in`)."""
    if not _FRAME_WORDS:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for w in {*_UNKNOWN_FRAME_NOUNS, *_UNKNOWN_OF_NOUNS, *_UNKNOWN_NATURAL_NOUNS}:
            automaton.add_word(w, w)
        automaton.make_automaton()
        _FRAME_WORDS.append(automaton)
    return {w for _, w in _FRAME_WORDS[0].iter(text)}


_IN_FRAME_MATCHES: dict[str, list[re.Match[str]]] = {}
# the caches keyed on a sentence's text, which let a story's second pass reuse the first's reading (a benchmark of
# resolution clears them so that it does not time a sentence it has already read)
SENTENCE_CACHES = (_MATCHES, _LINKS, _SPECIAL_MATCHES, _UNKNOWN_MATCHES, _IN_FRAME_MATCHES)


_NAME_CHARS = frozenset("_'’")


def _may_end_in_frame(text: str, s: int) -> bool:
    """False when no match of _UNKNOWN_IN_FRAME can end at `s` (before a known place): the pattern needs a capital
    letter at `s`, before it ", " or " in/of/within (the) ", and before that a word that begins with a capital
    letter (the unknown name's last word). Cheaper than the pattern, which most sentences need not run."""
    if not "A" <= text[s:s + 1] <= "Z":
        return False
    pre = text[:s]
    q = pre.rstrip()
    if q.endswith(","):
        q = q[:-1].rstrip()
    else:
        if len(q) == len(pre):
            return False  # " in " and " in the " end in whitespace
        parts = q.rsplit(None, 1)
        if len(parts) == 2 and parts[1] == "the":
            parts = parts[0].rsplit(None, 1)
        if len(parts) < 2 or parts[1] not in ("in", "of", "within"):
            return False
        q = parts[0]
    i = len(q)
    while i > 0 and (q[i - 1].isalnum() or q[i - 1] in _NAME_CHARS):
        i -= 1
    return i < len(q) and "A" <= q[i] <= "Z"


def _unknown_in_frame(text: str) -> list[re.Match[str]]:
    """The matches of _UNKNOWN_IN_FRAME in a sentence, kept for the story's second pass over the sentence."""
    found = _IN_FRAME_MATCHES.get(text)
    if found is None:
        if len(_IN_FRAME_MATCHES) >= 512:
            _drop_oldest(_IN_FRAME_MATCHES)
        found = _IN_FRAME_MATCHES[text] = list(_UNKNOWN_IN_FRAME.finditer(text))
    return found


# literal words without which _UNKNOWN_FRAME, _UNKNOWN_OF_FRAME and _UNKNOWN_NATURAL cannot match (case-sensitive, as
# the patterns are)
_UNKNOWN_FRAME_NOUNS = tuple(sorted(n for n in {*_NOUNS, *_NATURAL_NOUNS}
                                    if not any(o != n and o in n for o in {*_NOUNS, *_NATURAL_NOUNS})))
_UNKNOWN_OF_NOUNS = ("village", "town", "hamlet", "area", "neighbourhood", "neighborhood", "region", "city")
_UNKNOWN_NATURAL_NOUNS = ("Mount", "Mt.", "Jabal", "Jebel", "Wadi")


_UNIT_AFTER_SPOT = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:of|in|,)\s*(?:the\s+)?(?=[A-Z])")


def _stated_unit(text: str, offset: int, end: int, out: list[PlaceMention]) -> PlaceMention | None:
    """The mention of the place the text names as holding the name that ends at `end` ("X, Daur district", "X
    village in Al Abbarah", "X area in Baquba city", "X (Y area), Khanaqin district"), if any."""
    for pm in out:
        if pm.start - offset < end or pm.place is None:
            continue
        gap = text[end:pm.start - offset]
        rest = _LIST_REST.match(gap)  # "the villages of Zikah and Sorkalah in the Pishdar district"
        if _SPOT_TO_UNIT.match(gap[rest.end():] if rest else gap):
            return pm
    return None


# "... in the Pishdar district": a unit named after a spot, read before the sentence's later frames are
_UNIT_NAMED_AFTER = re.compile(r"\s*(?:,|\bof\b|\bin\b)\s*(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,2})\s+"
                               r"(?P<noun>district|sub-?district|subdistrict|province|governorate)\b")


def _unit_read_after(text: str, end: int, gaz: Gazetteer, iso3: str) -> PlaceMention | None:
    """The admin unit the text names, with its noun, as holding the spot (or list of spots) ending at `end`, read by
    its spelling, as a mention with no offsets; None when there is none."""
    rest = _LIST_REST.match(text, end)
    m = _UNIT_NAMED_AFTER.match(text, rest.end() if rest else end)
    if m is None:
        return None
    unit = gaz.find(m.group("name"), iso3, set(_NOUN_UNITS[m.group("noun").lower()])) or gaz.fuzzy_unit(
        m.group("name"), iso3, _NOUN_UNITS[m.group("noun").lower()], threshold=0.85)
    return None if unit is None else PlaceMention(text=m.group("name"), start=0, end=0, phrase="", place=unit,
                                                  geo_precision=2, relation="contains")


_LIST_REST = re.compile(r"(?:\s*(?:,|,?\s*and)\s+(?:the\s+)?[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,2})+")


def _in_unit(p: Place, unit: Place) -> bool:
    """`p` lies in `unit`: in that admin unit, or within 15 km of that town; anything lies in a country, a region or
    an area."""
    if unit.feature in ("country", "region", "area") or unit.iso3 != p.iso3:
        return True
    if unit.feature.startswith("admin"):
        return _inside(p, unit)
    return p.id == unit.id or _closer_km(p, unit, 15)


def _transpositions(word: str) -> list[str]:
    """`word` with two adjacent letters swapped, each variant once, in the order of the swapped position (a set
    here made the place chosen depend on the process's string hashing: PYTHONHASHSEED)."""
    return list(dict.fromkeys(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)
                              if word[i] != word[i + 1]))


def _attach_unknown(text: str, offset: int, gaz: Gazetteer, context: PlaceContext, out: list[PlaceMention],
                    covered: list[tuple[int, int]]) -> None:
    """Names in a locative frame the gazetteer does not know ("in the Al-Xyz area").

    A name one adjacent transposition away from a known place is accepted only when that place lies within
    25 km of another place of the sentence or story (e.g. "Al-Tobij" for Al-Tobji next to Baghdad).
    Otherwise the name is recorded as unresolved on the nearest resolved mention of the sentence.
    """
    found = _unknown_frames(text)  # by the start of the name
    if out:
        starts = [pm.start - offset for pm in out if pm.place is not None and _may_end_in_frame(text, pm.start - offset)]
        if starts:
            framed = [m for m in _unknown_in_frame(text) if m.end() in starts]
            if framed:
                found = sorted([*found, *framed], key=lambda m: m.start("name"))
    for m in found:
        s, e = m.start("name"), m.end("name")
        possessive = _POSSESSIVE.search(m.group("name"))
        if possessive:  # "Iraq's Missan province": the name is what follows the possessive
            s += possessive.end()
        if any(not (e <= cs or s >= ce) for cs, ce in covered):
            continue
        name = text[s:e]
        if fold_key(name) in gaz.policy.not_places:
            continue
        toks = [t for t in tokenize(name) if t.key]
        others = [pm.place for pm in out if pm.place is not None] + list(context.anchors)
        fuzzy: Place | None = None
        if toks and others:
            words = [_ascii(t.raw).lower() for t in toks]
            for k, w in enumerate(words):
                for variant in _transpositions(w):
                    key = " ".join(fold_word(x) for x in words[:k] + [variant] + words[k + 1:])
                    for i in gaz.candidates(key):
                        p = gaz.place(i)
                        if any(_closer_km(p, o, 25) for o in others if o.id != p.id):
                            fuzzy = p
                            break
                    if fuzzy:
                        break
                if fuzzy:
                    break
        noun = m.group("noun").lower()
        if fuzzy is None and context.iso3 and noun in _NOUN_UNITS:  # "Missan province", "Pishdar district"
            fuzzy = gaz.fuzzy_unit(name, context.iso3, _NOUN_UNITS[noun],
                                   threshold=0.8 if _NOUN_UNITS[noun] == ("admin1",) else 0.85)
        if fuzzy is None and context.iso3 and noun == "city":  # "As Samwah city"
            fuzzy = gaz.fuzzy_city(name, context.iso3, threshold=0.85)
        if fuzzy is None:  # "Mergasur district of Erbil": the closest spelling inside a unit the sentence names
            units = sorted((pm.place for pm in out if pm.place is not None and pm.place.admin1
                            and pm.place.feature != "country" and pm.relation != "metonym"
                            and (context.iso3 is None or pm.place.iso3 == context.iso3)),
                           key=lambda q: 0 if q.feature not in ("admin1", "region") else 1)
            for unit in units[:2]:
                fuzzy = gaz.fuzzy_inside(name, unit)
                if fuzzy is None and unit.feature not in ("admin1",):
                    province = gaz.find(unit.admin1, unit.iso3, {"admin1"}) if unit.admin1 else None
                    fuzzy = gaz.fuzzy_inside(name, province) if province is not None else None
                if fuzzy is not None:
                    break
            if fuzzy is not None and any(  # "the Konla village in the Biradost region": not a Koyla outside it
                    (a := gaz.area_named(_bare_spot(n), fuzzy.iso3)) is not None and _farther_km(fuzzy, a, 30)
                    for n in {*(pm_n for pm in out for pm_n in pm.unresolved),
                              *(f.group("name") for f in found if f is not m)}):
                fuzzy = None
        if fuzzy is not None:
            holder = _stated_unit(text, offset, e, out) or _unit_read_after(text, e, gaz, fuzzy.iso3)
            if holder is not None and not _in_unit(fuzzy, holder.place) and not (
                    fold_key(name) == fold_key(fuzzy.name) and holder.place.feature.startswith("admin")
                    and gaz.km_to_unit(fuzzy, holder.place) <= 30.0):
                # "Mutaibijah, Daur district": not a village of a like name in another district ("Buhriz,
                # Muqdadiyah district" is the Buhriz just over the gazetteer's district line: the same name, and
                # district lines differ between administrations and data sets, as for provinces: _by_edge)
                fuzzy = None
            elif holder is not None and holder.relation in (None, "in"):
                holder.relation = "contains"  # "Radwaniyah in Baghdad": Baghdad is where the spot is, not a second
        noun_end = m.end()
        if fuzzy is not None:
            out.append(PlaceMention(text=name, start=offset + s, end=offset + e, phrase=text[m.start():noun_end],
                                    place=fuzzy, geo_precision=_precision(fuzzy, "in"), relation="in",
                                    candidates=[fuzzy.id, f"fuzzy:{name}"]))
            covered.append((m.start(), noun_end))
            continue
        if noun in ("mount", "mt.", "jabal", "jebel"):
            noun = "mountain"  # "Mount Zarazan": a mountain, wide enough for several strikes
        noun = {"regions": "region", "mountains": "mountain"}.get(noun, noun)  # "the Metina and Haftanin regions"
        if noun in BROAD_NOUNS:
            for pm in out:  # the bare name read earlier (an unplaced container) is this wide area
                if name in pm.unresolved:
                    pm.unresolved.remove(name)
            name = f"{name} {noun}"  # "Metina region": the wide area, kept apart from the spots inside it
        if out:
            # the nearest reading that may be the scene: not the unit another place is named in ("Sidakan region,
            # Erbil, including the village of X": X is a spot of Sidakan, not of Erbil province), not a country
            hosts = [pm for pm in out if pm.relation != "contains"
                     and (pm.place is None or pm.place.feature != "country")] or out  # nor a country ("of Turkey in X")
            unit = _UNIT_AFTER_SPOT.match(text, noun_end)  # "the Avasin region of Erbil": Erbil's, whatever is nearer
            target = next((pm for pm in hosts if pm.start - offset == unit.end()), None) if unit else None
            target = target or min(hosts, key=lambda pm: abs(pm.start - offset - s))
            if name not in target.unresolved:
                target.unresolved.append(name)
        else:
            out.append(PlaceMention(text=name, start=offset + s, end=offset + e, phrase=text[m.start():noun_end],
                                    place=None, geo_precision=3, relation="in", unresolved=[name]))
