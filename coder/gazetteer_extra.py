"""User additions to the gazetteer: `coder run ... --gazetteer-extra FILE.csv`.

A UTF-8 CSV with a header row. Each row either adds a place or adds names to a place the gazetteer has:

    name,feature,lat,lon,country,admin1,admin2,admin3,population,aliases,alias_of
    Umm Khudayrat,village,34.312,45.401,IRQ,Diyala,Khanaqin,,,Umm Khudairat|Um Khudayrat,
    ,,,,,,,,,Sulaimaniya City|Slemani,gn:98463

- A new place needs `name`, `feature` (village, town, city, neighbourhood, landmark, admin1, admin2, admin3),
  `lat`, `lon` (decimal degrees) and `country` (ISO3). `admin1`..`admin3` are optional: left empty, they are
  taken from the nearest populated place of the same country within 25 km, if there is one.
  `population` is optional; `aliases` are other spellings, `|`-separated.
- An alias row gives `alias_of` (an id from gazetteer/places.tsv.gz, e.g. `gn:98463`, `ocha:IQG01`) and
  `aliases`; every other column stays empty.

The file is checked when it loads: every problem is reported with the file, line and column, and the run
stops before coding anything (exit 2). Added places get ids `extra:<line>` and source `extra`; the file's
SHA-256 is recorded in run.json and the Parquet metadata beside the gazetteer's version.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from coder.errors import DataFileError

COLUMNS = ("name", "feature", "lat", "lon", "country", "admin1", "admin2", "admin3", "population", "aliases",
           "alias_of")
FEATURES = frozenset({"village", "town", "city", "neighbourhood", "landmark", "admin1", "admin2", "admin3"})


@dataclass(frozen=True)
class ExtraPlace:
    line: int
    name: str
    feature: str
    lat: float
    lon: float
    iso3: str
    admin1: str
    admin2: str
    admin3: str
    population: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ExtraAlias:
    line: int
    place_id: str
    aliases: tuple[str, ...]


@dataclass
class GazetteerExtra:
    path: str
    sha256: str
    places: list[ExtraPlace] = field(default_factory=list)
    aliases: list[ExtraAlias] = field(default_factory=list)


def _aliases(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def read_extra(path: Path | str, known_countries: set[str], features: frozenset[str] = FEATURES) -> GazetteerExtra:
    """Parse and check an extra-places CSV; raises DataFileError naming the file, line and column.

    `features` are the kinds a new place may have (the package's own areas file uses "area")."""
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise DataFileError(name, "file", f"cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(name, "file", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in ("name", "feature", "lat", "lon", "country", "aliases", "alias_of") if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        raise DataFileError(name, "header", (f"missing column(s) {missing}" if missing else "")
                            + ("; " if missing and unknown else "") + (f"unknown column(s) {unknown}" if unknown else "")
                            + f" (columns: {', '.join(COLUMNS)})")
    extra = GazetteerExtra(name, hashlib.sha256(raw).hexdigest())
    for row in reader:
        line = reader.line_num
        if None in row:
            raise DataFileError(name, f"line {line}", f"more fields than the {len(header)} columns of the header")
        v = {k: (row.get(k) or "").strip() for k in COLUMNS}
        if not any(v.values()):
            continue
        if v["alias_of"]:
            filled = [k for k in COLUMNS if v[k] and k not in ("alias_of", "aliases")]
            if filled:
                raise DataFileError(name, f"line {line}", f"an alias row (alias_of) must leave {filled} empty")
            if not _aliases(v["aliases"]):
                raise DataFileError(name, f"line {line}, column aliases", "an alias row needs at least one alias")
            extra.aliases.append(ExtraAlias(line, v["alias_of"], _aliases(v["aliases"])))
            continue
        for k in ("name", "feature", "lat", "lon", "country"):
            if not v[k]:
                raise DataFileError(name, f"line {line}, column {k}", "required for a new place (or give alias_of)")
        if v["feature"] not in features:
            raise DataFileError(name, f"line {line}, column feature",
                                f"{v['feature']!r} is not one of {', '.join(sorted(features))}")
        try:
            lat, lon = float(v["lat"]), float(v["lon"])
        except ValueError:
            raise DataFileError(name, f"line {line}, column lat/lon", f"not numbers: {v['lat']!r}, {v['lon']!r}") from None
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataFileError(name, f"line {line}, column lat/lon", f"out of range: {lat}, {lon}")
        iso3 = v["country"].upper()
        if iso3 not in known_countries:
            raise DataFileError(name, f"line {line}, column country", f"{v['country']!r} is not an ISO3 country code")
        try:
            population = int(v["population"] or 0)
        except ValueError:
            raise DataFileError(name, f"line {line}, column population", f"not a whole number: {v['population']!r}") from None
        if population < 0:
            raise DataFileError(name, f"line {line}, column population", "negative")
        extra.places.append(ExtraPlace(line, v["name"], v["feature"], lat, lon, iso3, v["admin1"], v["admin2"],
                                       v["admin3"], population, _aliases(v["aliases"])))
    return extra
