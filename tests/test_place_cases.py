"""Place resolution against a hand-made table of place mentions in context (tests/data/place_cases.toml).

Each case states the place a careful ACLED coder would give (admin1, point, geo_precision, and for events
the relative phrase or unresolved name kept in `tags`). Mode "mention" checks one mention returned by
coder.places.find_place_mentions; mode "event" codes the text end to end and checks the single event.
Expected values are real-world truth: a failing case is work for the resolver, not for this table.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from geopy.distance import great_circle

from coder.models import Article
from coder.pipeline import code_articles
from coder.places import PlaceContext, find_place_mentions
from coder.read.layout import analyse_layout
from coder.resources import load_resources

CASES_FILE = Path(__file__).parent / "data" / "place_cases.toml"
DEFAULT_PUBLISHED = dt.date(2021, 3, 10)

MIN_CASES, MIN_COUNTRIES, MIN_IRAQ = 75, 12, 25

ISO_NUMERIC = {
    "IRQ": 368, "SYR": 760, "TUR": 792, "IRN": 364, "EGY": 818, "LBN": 422, "LBY": 434, "PSE": 275,
    "ISR": 376, "SAU": 682, "YEM": 887, "AFG": 4, "PAK": 586, "IND": 356, "NGA": 566, "SOM": 706,
    "MLI": 466, "BFA": 854, "UKR": 804, "MEX": 484,
}

_REQUIRED = {"id", "country", "mode", "text", "admin1", "km", "precision", "why"}
_OPTIONAL = {"mention", "point", "points", "tags", "published", "known_gap"}

# Spellings of one first-level unit that sources use interchangeably (compared after `_fold`).
ADMIN1_ALIASES = [
    ["Anbar"], ["Baghdad"], ["Diyala", "Diyālá"], ["Kirkuk", "Tamim", "At-Ta'mim"], ["Najaf"],
    ["Dhi Qar", "Thi Qar", "Thi-Qar", "Zi Qar"],
    ["Salah al-Din", "Sala al-Din", "Salah ad Din", "Salah ad-Din", "Sala ad-Din", "Salahuddin", "Saladin"],
    ["Ninewa", "Nineveh", "Ninawa", "Ninevah"],
    ["Qadisiyah", "Qadissiya", "Al-Qadissiya", "Qadisiyyah", "Al Qādisīyah", "Diwaniyah"],
    ["Maysan", "Missan", "Misan"], ["Wasit", "Wassit", "Wāsiţ"], ["Babil", "Babylon", "Bābil"],
    ["Karbala", "Kerbala", "Karbala'", "Karbalāʼ"], ["Duhok", "Dahuk", "Dohuk", "Dihok"],
    ["Erbil", "Arbil", "Irbil", "Hawler", "Arbīl"], ["Basrah", "Basra", "Al-Basrah"],
    ["Sulaymaniyah", "Sulaimaniya", "Sulaimani", "Slemani", "Suleimaniyah", "As-Sulaymaniyah"],
    ["Muthanna", "Muthana", "Al-Muthannia", "Al Muthanná"],
    ["Hasakah", "Hasaka", "Hasakeh", "Hasaka (Al Haksa)"],
    ["Deir ez-Zor", "Deir al-Zor", "Deir al-Zour", "Dayr az Zawr", "Deir-ez-Zor"],
    ["Idlib", "Idleb"], ["Aleppo", "Halab"], ["Homs", "Hims"],
    ["Sanliurfa", "Urfa"], ["Sirnak"], ["Hakkari"], ["Diyarbakir"],
    ["Khuzestan", "Khuzistan"], ["Sistan and Baluchestan", "Sistan va Baluchestan", "Sistan-Baluchestan",
                                 "Sistan and Baluchistan"],
    ["West Azerbaijan", "West Azarbaijan", "Azarbayjan-e Gharbi", "Azerbaijan West"], ["Kurdistan", "Kordestan"],
    ["North Sinai", "Shamal Sina", "Northern Sinai"],
    ["North", "North Lebanon", "Liban-Nord", "Nord", "Ash Shamal"],
    ["South", "South Lebanon", "Liban-Sud", "Janoub", "Al Janub"],
    ["Beirut", "Beyrouth"], ["Baalbek-Hermel", "Baalbek-El Hermel", "Baalbek Hermel"], ["Tripoli", "Tarabulus"],
    ["West Bank"], ["Gaza Strip", "Gaza"], ["Southern District", "HaDarom", "South District", "Southern"],
    ["Jazan", "Jizan", "Gizan"], ["Najran"],
    ["Marib", "Ma'rib"], ["Hudaydah", "Hodeidah", "Hodeida"], ["Taizz", "Ta'izz", "Taiz"],
    ["Hadramawt", "Hadramaout", "Hadramout", "Hadhramaut", "Hadramaut"],
    ["Helmand"], ["Ghazni"], ["Nangarhar"], ["Kandahar"],
    ["Khyber Pakhtunkhwa", "KPK", "North-West Frontier Province", "NWFP"], ["Balochistan", "Baluchistan"],
    ["Sindh"], ["Telangana"], ["Manipur"], ["Jammu and Kashmir", "Jammu & Kashmir", "Jammu Kashmir"],
    ["Borno"], ["Yobe"], ["Zamfara"], ["Kaduna"],
    ["Banadir", "Banaadir", "Benadir"], ["Bay"], ["Lower Shabelle", "Lower Shabeelle", "Shabeellaha Hoose"],
    ["Lower Juba", "Jubbada Hoose"], ["Gao"], ["Mopti"], ["Sahel"], ["Centre-Nord"],
    ["Kharkiv", "Kharkov", "Kharkivska"], ["Donetsk", "Donetska"], ["Luhansk", "Lugansk", "Luhanska"],
    ["Odesa", "Odessa", "Odeska"],
    ["Sinaloa"], ["Chihuahua"], ["Guerrero"],
]

_ARTICLE = re.compile(r"\b(?:al|as|ad|an|ar|at|az|ash|el)[\s\-'’]+")
_UNIT_WORD = re.compile(r"\b(?:province|governorate|region|state|muhafazat|muhafazah|oblast)\b")


def _fold(name: str) -> str:
    """Case-folded ASCII letters and digits only, without Arabic articles or unit words."""
    s = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _UNIT_WORD.sub(" ", s)
    s = _ARTICLE.sub("", s)
    return re.sub(r"[^a-z0-9]", "", s)


_CANONICAL = {_fold(v): _fold(group[0]) for group in ADMIN1_ALIASES for v in group}


def same_admin1(expected: str, actual: str | None) -> bool:
    if not actual:
        return False
    a, b = _fold(expected), _fold(actual)
    return _CANONICAL.get(a, a) == _CANONICAL.get(b, b)


def load_cases(path: Path = CASES_FILE) -> list[dict]:
    """Read and check the case table; a malformed case raises ValueError naming the case and the key."""
    raw = tomllib.loads(path.read_text("utf-8"))
    if set(raw) != {"case"}:
        raise ValueError(f"{path}: only [[case]] tables are allowed, found {sorted(raw)}")
    cases = raw["case"]
    for i, c in enumerate(cases):
        where = f"{path.name} case[{i}] {c.get('id', '?')}"
        if missing := _REQUIRED - set(c):
            raise ValueError(f"{where}: missing {sorted(missing)}")
        if unknown := set(c) - _REQUIRED - _OPTIONAL:
            raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}")
        if c["mode"] not in ("event", "mention"):
            raise ValueError(f"{where}: mode must be 'event' or 'mention'")
        if c["mode"] == "mention" and (not c.get("mention") or c["mention"] not in c["text"]):
            raise ValueError(f"{where}: a mention case needs `mention`, written exactly as in the text")
        if c["mode"] == "mention" and "tags" in c:
            raise ValueError(f"{where}: `tags` applies to event cases only")
        if ("point" in c) == ("points" in c):
            raise ValueError(f"{where}: give exactly one of `point` or `points`")
        points = [c["point"]] if "point" in c else c["points"]
        if not points or not all(len(p) == 2 and -90 <= p[0] <= 90 and -180 <= p[1] <= 180 for p in points):
            raise ValueError(f"{where}: points must be [lat, lon] pairs")
        if c["precision"] not in (1, 2, 3):
            raise ValueError(f"{where}: precision must be 1, 2 or 3")
        if c["country"] not in ISO_NUMERIC:
            raise ValueError(f"{where}: add {c['country']} to ISO_NUMERIC")
        if not isinstance(c["admin1"], (str, list)) or not c["admin1"]:
            raise ValueError(f"{where}: admin1 must be a name or a non-empty list of names")
    return cases


CASES = load_cases()
MENTION_CASES = [c for c in CASES if c["mode"] == "mention"]
EVENT_CASES = [c for c in CASES if c["mode"] == "event"]


def test_case_table_is_broad_enough():
    ids = Counter(c["id"] for c in CASES)
    assert not [i for i, n in ids.items() if n > 1], "duplicate case ids"
    countries = Counter(c["country"] for c in CASES)
    assert len(CASES) >= MIN_CASES
    assert len(countries) >= MIN_COUNTRIES, countries
    assert countries["IRQ"] >= MIN_IRAQ, countries
    assert {c["precision"] for c in CASES} == {1, 2, 3}
    assert EVENT_CASES and MENTION_CASES


@pytest.mark.parametrize("expected, actual, same", [
    ("Anbar", "Al-Anbar", True),
    ("Dhi Qar", "Thi-Qar", True),
    ("Salah al-Din", "Sala al-Din", True),
    ("Salah al-Din", "Salah ad Din", True),
    ("Sanliurfa", "Şanlıurfa", True),
    ("Jazan", "Jazan Region", True),
    ("Hadramawt", "Muhafazat Hadramaout", True),
    ("Basrah", "Baghdad", False),
    ("West Bank", "Gaza Strip", False),
    ("Anbar", None, False),
])
def test_admin1_comparison(expected, actual, same):
    assert same_admin1(expected, actual) is same


# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def res():
    return load_resources()


def _problems(case: dict, admin1: str | None, lat: float, lon: float, precision: int) -> list[str]:
    """Every way a resolved place differs from the case (empty when it matches)."""
    out = []
    wanted = case["admin1"] if isinstance(case["admin1"], list) else [case["admin1"]]
    if not any(same_admin1(w, admin1) for w in wanted):
        out.append(f"admin1 {admin1!r}, expected {' or '.join(wanted)}")
    points = [case["point"]] if "point" in case else case["points"]
    km = min(great_circle(tuple(p), (lat, lon)).km for p in points)
    if km > case["km"]:
        out.append(f"point ({lat:.3f}, {lon:.3f}) is {km:.0f} km from the expected point(s) (tolerance {case['km']} km)")
    if precision != case["precision"]:
        out.append(f"geo_precision {precision}, expected {case['precision']}")
    return out


def _params(cases: list[dict]) -> list:
    """Cases the coder fails today carry `known_gap`: a strict xfail, red again the day they pass."""
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=c["known_gap"])]
                         if c.get("known_gap") else []) for c in cases]


@pytest.mark.parametrize("case", _params(MENTION_CASES))
def test_mention_case(res, case):
    text = case["text"]
    start = text.index(case["mention"])
    end = start + len(case["mention"])
    mentions = find_place_mentions(text, 0, res.gazetteer, PlaceContext(iso3=case["country"]))
    hits = [m for m in mentions if m.start < end and start < m.end]
    found = [(m.text, m.place.name if m.place else None, m.geo_precision) for m in mentions]
    assert hits, f"{case['id']}: no place mention at {case['mention']!r}; found {found}"
    m = hits[0]
    assert m.place is not None, f"{case['id']}: {case['mention']!r} left unresolved (unresolved={m.unresolved})"
    problems = _problems(case, m.place.admin1, m.place.latitude, m.place.longitude, m.geo_precision)
    if m.place.iso3 != case["country"]:
        problems.append(f"country {m.place.iso3}, expected {case['country']}")
    assert not problems, (f"{case['id']}: {case['mention']!r} -> {m.place.name} ({m.place.feature}, "
                          f"{m.place.iso3}, id {m.place.id}): " + "; ".join(problems))


@pytest.mark.parametrize("case", _params(EVENT_CASES))
def test_event_case(res, case):
    text = case["text"]
    published = case.get("published", DEFAULT_PUBLISHED)
    segments, stories = analyse_layout(text, published)
    article = Article(article_id=f"{case['id']}.txt", text=text, published=published, segments=segments,
                      stories=stories)
    result = code_articles([article], res)
    assert not result.rejects, f"{case['id']}: rejected: {[r.message for r in result.rejects]}"
    rows = [(r.sub_event_type, r.location, r.admin1, r.geo_precision) for r in result.records]
    assert len(result.records) == 1, f"{case['id']}: expected exactly one event, got {rows}"
    rec = result.records[0]
    problems = _problems(case, rec.admin1, rec.latitude, rec.longitude, rec.geo_precision)
    if rec.iso != ISO_NUMERIC[case["country"]]:
        problems.append(f"country {rec.country} ({rec.iso}), expected {case['country']}")
    if "tags" in case and case["tags"].casefold() not in (rec.tags or "").casefold():
        problems.append(f"tags {rec.tags!r} lack {case['tags']!r}")
    assert not problems, f"{case['id']}: coded at {rec.location!r}: " + "; ".join(problems)
