"""Stage 5: find place phrases in a sentence and resolve them against the gazetteer.

Entry point: `find_place_mentions(text, offset, gazetteer, context) -> list[PlaceMention]`.
The gazetteer (built by coder.gazetteer_build) and the vague-region policy (coder/data/regions.toml)
are data; this module holds the matching and ranking logic only.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import ahocorasick
from geopy.distance import distance as geo_distance

from coder.errors import DataFileError
from coder.models import Place, PlaceMention

# ---------------------------------------------------------------------------
# Name normalisation (shared with the build)
# ---------------------------------------------------------------------------

KEY_VERSION = "1"  # bump when fold_word/tokenize change: the built `keys` column must be rebuilt
ARTICLES = frozenset({"al", "as", "ar", "at", "ad", "an", "az", "ash", "el"})
_APOSTROPHES = "’‘ʼʻʿʾ`'´"
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d",
                          "þ": "th", "ə": "e", "ɛ": "e", "ɔ": "o"})
_WORD = re.compile(r"[^\W\d_]+|\d+")
_DOUBLE = re.compile(r"(.)\1+")


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


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


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the text the token came from
    end: int
    raw: str
    key: str  # folded word; "" for a dropped article

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()


def tokenize(text: str, apostrophe: str = " ") -> list[Token]:
    """Words of `text` with their folded keys; an Arabic article before a name gets key "".

    Apostrophes split words (Ru'ua -> ru ua); with apostrophe="" they are deleted instead (Qal'at -> kalat).
    """
    src = text
    if apostrophe == "":
        src = re.sub(f"[{_APOSTROPHES}]", "", text)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(src)]
    out = []
    for i, (s, e, raw) in enumerate(words):
        low = _ascii(raw).lower()
        nxt = words[i + 1] if i + 1 < len(words) else None
        is_article = low in ARTICLES and nxt is not None and nxt[2][:1].isalpha() and (
            src[e:e + 1] == "-" or (raw[:1].isupper() and nxt[2][:1].isupper() and nxt[0] == e + 1))
        out.append(Token(s, e, raw, "" if is_article else fold_word(low)))
    return out


def fold_key(name: str) -> str:
    """The normalised key of a name ("Al-Fallujah" -> "faluja")."""
    return " ".join(t.key for t in tokenize(name) if t.key)


def alias_keys(name: str) -> set[str]:
    """All keys a gazetteer name is indexed under (apostrophes as space and as nothing)."""
    keys = {fold_key(name), " ".join(t.key for t in tokenize(name, apostrophe="") if t.key)}
    return {k for k in keys if k}


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


@dataclass
class Gazetteer:
    """The built gazetteer in memory: rows, an alias index and an Aho-Corasick automaton over it."""

    version: str
    rows: list[list[str]]
    index: dict[str, list[int]]
    automaton: ahocorasick.Automaton
    countries: dict[str, CountryInfo]  # by ISO3
    policy: RegionPolicy
    _by_id: dict[str, int] = field(default_factory=dict)
    _cache: dict[int, Place] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None, regions: Path | None = None) -> Gazetteer:
        directory = Path(directory) if directory else default_gazetteer_dir()
        manifest = json.loads((directory / "MANIFEST.json").read_text("utf-8"))
        with gzip.open(directory / "places.tsv.gz", "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
        header = lines[0].split("\t")
        if header[:4] != ["id", "name", "altnames", "feature"]:
            raise DataFileError(str(directory / "places.tsv.gz"), "header", f"unexpected columns {header}")
        if manifest.get("key_version") != KEY_VERSION:
            raise DataFileError(str(directory / "MANIFEST.json"), "key_version",
                                f"built with name keys v{manifest.get('key_version')}, this code needs v{KEY_VERSION}: "
                                "rebuild with `coder gazetteer build`")
        rows = [line.split("\t") for line in lines[1:] if line]
        index: dict[str, list[int]] = {}
        for i, row in enumerate(rows):
            for k in row[15].split("|"):
                if k:
                    index.setdefault(k, []).append(i)
        automaton = ahocorasick.Automaton()
        for k in index:
            automaton.add_word(f" {k} ", k)
        automaton.make_automaton()
        countries = {}
        for r in csv.DictReader(io.StringIO((directory / "countries.tsv").read_text("utf-8")), delimiter="\t",
                                quoting=csv.QUOTE_NONE):
            countries[r["iso3"]] = CountryInfo(r["iso2"], r["iso3"], int(r["isonum"]), r["name"], r["capital_id"],
                                               r["region"])
        gaz = cls(manifest["version"], rows, index, automaton, countries, load_region_policy(regions))
        gaz._by_id = {row[0]: i for i, row in enumerate(rows)}
        gaz._check_policy(str(regions or "coder/data/regions.toml"))
        return gaz

    def _check_policy(self, name: str) -> None:
        for (iso3, direction), region in self.policy.regions.items():
            where = f"region {iso3} {direction}"
            if iso3 not in self.countries:
                raise DataFileError(name, where, f"unknown country {iso3!r}")
            admin1 = {fold_key(r[10]) for r in self.rows if r[7] == iso3 and r[3] == "admin1"}
            for a in region.admin1:
                if fold_key(a) not in admin1:
                    raise DataFileError(name, where, f"admin1 {a!r} is not an admin1 unit of {iso3} in the gazetteer")
            if self.find(region.point, iso3) is None:
                raise DataFileError(name, where, f"point {region.point!r} is not a place of {iso3} in the gazetteer")

    # -- lookups -----------------------------------------------------------

    def place(self, i: int) -> Place:
        p = self._cache.get(i)
        if p is None:
            r = self.rows[i]
            p = Place(id=r[0], name=r[1], feature=r[3], latitude=float(r[4]), longitude=float(r[5]), country=r[9],
                      iso=int(r[8]), iso3=r[7], admin1=r[10] or None, admin2=r[11] or None, admin3=r[12] or None,
                      population=int(r[13]) if r[13] else None, source=r[14])
            self._cache[i] = p
        return p

    def by_id(self, place_id: str) -> Place | None:
        i = self._by_id.get(place_id)
        return None if i is None else self.place(i)

    def candidates(self, key: str) -> list[int]:
        return self.index.get(key, [])

    def find(self, name: str, iso3: str | None = None, features: set[str] | None = None) -> Place | None:
        """The best-ranked place called `name` (optionally in a country / of given features)."""
        idx = [i for i in self.candidates(fold_key(name))
               if (iso3 is None or self.rows[i][7] == iso3) and (features is None or self.rows[i][3] in features)]
        if not idx:
            return None
        return self.place(max(idx, key=lambda i: (FEATURE_SCORE[self.rows[i][3]], int(self.rows[i][13] or 0))))

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
