"""Generate a synthetic news corpus of any size, as JSONL the coder reads.

Usage:
    python bench/make_corpus.py --count 10000 --out /tmp/corpus.jsonl --seed 1
    python bench/make_corpus.py --count 1000000 --out /tmp/big/corpus.jsonl --files 8

Each line is one article: `id`, `outlet`, `url`, `published` (ISO date), `country` (ISO3, left out of some
lines so the coder has to find it), `layout` ("page": a scraped page with navigation, byline, timestamp,
caption, related-article list, tags and copyright lines around the story; or "body": the story text alone)
and `text`, plus `topic`, which the coder ignores: the incident kinds the article reports
("incident:clash+ied") or its subject when it reports none ("sport", "economy", ...).

About 70% of the articles report one incident (sometimes two) of the kinds ACLED codes: attacks on civilians,
armed clashes, roadside bombs, air strikes, shelling, protests (peaceful, dispersed, rioting), arrests,
abductions, looting and agreements. The rest are economy, sport, weather, politics, health and culture
stories with no incident at all. Actors come from the coder's actor dictionary (coder/data/actors.toml, by
their aliases), places from its gazetteer (gazetteer/places.tsv.gz: towns and cities with their province),
for every country where the dictionary has state forces and at least one other actor. Stories are padded
to 300-1,000 words (about 600 on average) with quotes, background paragraphs about earlier events (dated
months or years before, which the coder must not code) and context paragraphs.

The text is written for this project from templates; it copies nothing from any news source or dataset.
The output is deterministic for a seed: article i depends only on (seed, i), so splitting into several
files (--files) gives the same articles. Lines are written one at a time, so a million articles need no
more memory than one.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import random
import re
import sys
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ACTORS = REPO / "coder" / "data" / "actors.toml"
GAZETTEER = REPO / "gazetteer"

# ---------------------------------------------------------------------------------------------------------------
# The world: countries, their places and actors
# ---------------------------------------------------------------------------------------------------------------

# what an admin1 unit is called in the news, by country
UNIT_NOUN = {
    "IRQ": "province", "SYR": "province", "YEM": "governorate", "LBN": "governorate", "AFG": "province",
    "PAK": "province", "IRN": "province", "TUR": "province", "NGA": "state", "MEX": "state", "IND": "state",
    "SDN": "state", "SOM": "region", "ETH": "region", "KEN": "county", "COL": "department", "BFA": "region",
    "MLI": "region", "CMR": "region", "COD": "province", "MOZ": "province", "PHL": "region", "UKR": "region",
    "RUS": "region", "LBY": "district", "ISR": "district", "MMR": "region",
}
MMR_STATES = {"Shan", "Rakhine", "Kachin", "Chin", "Kayah", "Kayin", "Mon"}
NAME_REGION = {
    "IRQ": "arab", "SYR": "arab", "YEM": "arab", "LBN": "arab", "LBY": "arab", "SDN": "arab", "ISR": "hebrew",
    "AFG": "afghan", "IRN": "afghan", "PAK": "southasia", "IND": "southasia", "TUR": "turkish",
    "NGA": "westafrica", "MLI": "sahel", "BFA": "sahel", "CMR": "westafrica", "COD": "centralafrica",
    "MOZ": "centralafrica", "KEN": "eastafrica", "ETH": "eastafrica", "SOM": "somali", "COL": "latin",
    "MEX": "latin", "UKR": "slavic", "RUS": "slavic", "MMR": "seasia", "PHL": "philippine",
}
FIRST_NAMES = {
    "arab": "Ahmed Ali Hassan Hussein Omar Khalid Mustafa Ibrahim Yousef Karim Samir Nabil Salim Faisal Tariq Layla "
            "Huda Mariam Noor Rania".split(),
    "hebrew": "David Yossi Avi Moshe Noam Tamar Yael Shira Eitan Ronit".split(),
    "afghan": "Abdul Mohammad Ahmad Farid Habib Javed Nasrullah Zabihullah Rahim Wahid Fatima Zarghona Homa".split(),
    "southasia": "Rahul Amit Imran Asif Sanjay Vikram Bilal Kamran Priya Sunita Ayesha Nadia Arjun".split(),
    "turkish": "Mehmet Mustafa Ahmet Emre Burak Murat Serkan Elif Ayse Zeynep Deniz Hakan".split(),
    "westafrica": "Musa Ibrahim Abubakar Emeka Chinedu Tunde Yusuf Aminu Ngozi Fatima Bola Samuel Paul".split(),
    "sahel": "Amadou Moussa Boubacar Oumar Issa Adama Mariam Aminata Souleymane Ibrahim Hamidou".split(),
    "centralafrica": "Jean Pierre Joseph Patrick Alphonse Celestin Esperance Grace Armando Joao Celso Rosa".split(),
    "eastafrica": "John Peter Joseph David Abebe Tesfaye Mulugeta Wanjiru Achieng Kamau Otieno Hirut".split(),
    "somali": "Abdi Mohamed Ahmed Hassan Abdullahi Farah Ali Hodan Fadumo Asha Yusuf".split(),
    "latin": "Juan Carlos Luis Jorge Miguel Andres Diego Alejandro Maria Ana Lucia Gabriela Fernando".split(),
    "slavic": "Oleksandr Serhiy Andriy Dmitry Sergei Ivan Olena Natalia Viktor Mykola Yulia Pavel".split(),
    "seasia": "Aung Kyaw Min Zaw Thant Htet Su Hla Nyein Thura".split(),
    "philippine": "Jose Juan Antonio Ramon Eduardo Maria Cristina Rosario Benjamin Ferdinand".split(),
}
LAST_NAMES = {
    "arab": "al-Jabouri al-Obeidi al-Saadi Hamdan Mahmoud Abdullah al-Rubaie Khalil Nasser Haddad al-Dulaimi "
            "Saleh Qasim Mansour".split(),
    "hebrew": "Cohen Levi Mizrahi Peretz Biton Friedman Katz Shapiro".split(),
    "afghan": "Ahmadzai Karimi Hakimi Stanikzai Rahimi Noori Sultani Amiri Safi Popal".split(),
    "southasia": "Sharma Khan Singh Verma Qureshi Malik Iqbal Patel Chaudhry Reddy Hussain".split(),
    "turkish": "Yilmaz Kaya Demir Sahin Celik Yildiz Aydin Ozturk Arslan Dogan".split(),
    "westafrica": "Abubakar Okafor Adeyemi Bello Mohammed Eze Danjuma Okonkwo Usman Adamu Nwosu".split(),
    "sahel": "Traore Diallo Kone Ouedraogo Sawadogo Maiga Cisse Toure Kabore Sidibe".split(),
    "centralafrica": "Mukendi Kabila Tshibanda Ilunga Banza Machava Sitoe Cossa Nhantumbo".split(),
    "eastafrica": "Mwangi Ochieng Kiprop Kariuki Alemu Bekele Tadesse Haile Njoroge Wafula".split(),
    "somali": "Warsame Abdi Omar Jama Hirsi Aden Nur Guled Farah".split(),
    "latin": "Garcia Rodriguez Martinez Lopez Hernandez Gomez Ramirez Torres Castillo Morales Vargas".split(),
    "slavic": "Kovalenko Shevchenko Bondarenko Ivanov Petrov Smirnov Melnyk Tkachenko Volkov Morozov".split(),
    "seasia": "Aung Htun Naing Win Oo Myint Soe Lwin".split(),
    "philippine": "Santos Reyes Cruz Bautista Garcia Mendoza Ramos Aquino Dizon Villanueva".split(),
}
# names that read as English words or are too short to be unambiguous places in running text
_BAD_PLACE_WORDS = {
    "bar", "bay", "mon", "centre", "center", "delta", "niger", "police", "army", "market", "union", "victoria",
    "independence", "progress", "liberty", "hope", "paradise", "mile", "camp", "station", "port", "city", "town",
    "nord", "sud", "est", "ouest", "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "plateau", "rivers", "lagos island", "sahel", "cascades", "lake", "mission", "road", "bridge",
    "china", "india", "jordan", "israel", "lebanon", "sudan", "somalia", "ethiopia", "kenya", "mali", "congo",
    "cameroon", "nigeria", "mexico", "colombia", "ukraine", "russia", "turkey", "iran", "iraq", "syria", "yemen",
    "libya", "afghanistan", "pakistan", "myanmar", "philippines", "mozambique", "burkina faso", "gaza", "palestine",
}
_BAD_ADMIN1 = re.compile(r"\b(?:United Nations|City|Area|D\.C\.|Capital|Territory|Autonomous|Region|Metro|Island|"
                         r"Islands|Peninsula|Valley|Northern|Southern|Eastern|Western|Central|North|South|East|West|"
                         r"Far|Centre|Nord|Sud|Est|Ouest|FCT)\b")


# a plain place name of one to three words: "Hawija", "Tuz Khurmatu", "Dera Ismail Khan"
_PLACE_NAME = re.compile(r"[A-Z][a-z']*[a-z](?:[- ][A-Z]?[a-z']*[a-z]){0,2}")
_UNIT_WORD = re.compile(r"\b(?:Province|Region|District|Governorate|State|County|Department|City|Municipality|"
                        r"Town|Village|Camp)$")


def ascii_fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("ʼ", "'").replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c))


@dataclass
class Place:
    name: str
    admin1: str
    feature: str  # "city" or "town"
    population: int


@dataclass
class Country:
    iso3: str
    name: str
    adjective: str
    capital: str
    unit: str
    places: list[Place]
    big: list[Place]  # the most populous places (a story is often set in one)
    military: list[str]  # noun phrases for the army
    police: list[str]
    groups: list[list[str]]  # per non-state armed group: noun phrases for its people ("Boko Haram fighters")
    group_names: list[list[str]]  # per group: its names ("Boko Haram", "the Taliban")
    militia: list[list[str]]  # per communal / ethnic militia (inter 4): noun phrases

    def __post_init__(self) -> None:
        self.by_admin1: dict[str, list[Place]] = {}
        for p in self.places:
            self.by_admin1.setdefault(p.admin1, []).append(p)

    def unit_for(self, admin1: str) -> str:
        if self.iso3 == "MMR":
            return "state" if admin1 in MMR_STATES else "region"
        return self.unit


@dataclass
class World:
    countries: list[Country]
    weights: list[float]
    generic_armed: list[str] = field(default_factory=list)


# aliases ending in a word for the group's members ("Boko Haram fighters") are noun phrases as they stand
_MEMBERS = re.compile(r"\b(?:rebels|fighters|elements|terrorists|militiamen|militias|dissidents|separatists|gunmen|"
                      r"herdsmen|herders|insurgents|militants|members|supporters|remnants)$", re.I)
# aliases that end in a word for an organisation name the group ("Badr Organization", "Arakan Army")
_ORG = re.compile(r"\b(?:army|movement|brigades?|battalions|corps|front|cartel|council|group|province|units|forces|"
                  r"militia|organi[sz]ation|party|companies|faction)$", re.I)
_USABLE_ALIAS = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")
_LOCAL_MILITIA = re.compile(r"^[a-z][a-z -]*\b(?:militiamen|militia|militias|gunmen|fighters|herdsmen)$")


def _group_phrases(actor: dict) -> tuple[list[str], list[str]]:
    """Noun phrases for the group's people ('Boko Haram fighters', 'the Houthis') and names of the group itself
    ('Boko Haram', 'the Sinaloa Cartel'), from its aliases."""
    phrases, names = [], []
    for alias in actor.get("aliases", []) + actor.get("local_aliases", []):
        if not _USABLE_ALIAS.match(alias) or len(alias) < 3 or alias.lower() in {"islamic state", "is", "isis"}:
            continue
        words = alias.split()
        if alias[0].islower() and not alias.startswith(("al-", "al ", "el-")):  # "armed herdsmen", "clan militia"
            if _LOCAL_MILITIA.match(alias) or (_MEMBERS.search(alias) and len(words) > 1):
                phrases.append(alias)
            continue
        if _MEMBERS.search(alias):
            phrases.append(alias)
            continue
        if len(words) == 1 and re.search(r"(?:i|ist|al|ite)$", alias):  # an adjective: "Houthi", "Maoist", "Naxal"
            phrases.append(f"{alias} fighters")
            continue
        if len(words) == 1 and alias.endswith("s") and not alias.isupper() and alias != "Hamas":  # "Houthis"
            phrases.append(f"the {alias}")
            names.append(f"the {alias}")
            continue
        if words[-1].lower() in {"militant", "fighter", "member", "dissident", "cell"}:
            continue
        name = f"the {alias}" if alias in {"Taliban", "Taleban"} or (_ORG.search(alias) and len(words) > 1
                                                                       and not words[0].isupper()) else alias
        names.append(name)
        if _ORG.search(alias) and len(words) > 1:
            phrases.append(name)
        else:
            phrases += [f"{alias} fighters", f"{alias} militants", f"{alias} members"]
    return phrases, names


_FORCE_NOUNS = {"army", "military", "forces", "troops", "soldiers", "police", "policemen", "guard", "corps",
                "peshmerga", "gendarmerie", "service"}


def _force_phrases(actor: dict, adjective: str, kind: str) -> list[str]:
    out = []
    for alias in actor.get("aliases", []):
        if _USABLE_ALIAS.match(alias) and not alias.isupper() and alias.split()[-1].lower() in _FORCE_NOUNS:
            out.append(("the " + alias) if alias.split()[-1].lower() in {"army", "military", "police"} else alias)
    if kind == "military":
        out += ["troops", "soldiers", "the army", "government forces", "security forces", f"{adjective} soldiers",
                f"{adjective} troops"]
    else:
        out += ["police", "the police", "police officers", "security forces", f"{adjective} police"]
    return sorted(set(out))


def load_world(actors_file: Path = ACTORS, gazetteer_dir: Path = GAZETTEER) -> World:
    with open(actors_file, "rb") as f:
        actors = tomllib.load(f)["actor"]
    by_country: dict[str, list[dict]] = {}
    for a in actors:
        by_country.setdefault(a.get("country", "*"), []).append(a)
    names = {}
    capitals = {}
    with open(gazetteer_dir / "countries.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            names[r["iso3"]] = r["name"]
            capitals[r["iso3"]] = ascii_fold(r["capital"])
    # countries where the dictionary has a state force at home and at least one other actor
    chosen = {}
    for iso3, acts in by_country.items():
        if iso3 == "*" or iso3 not in UNIT_NOUN or iso3 not in names:
            continue
        if any(a.get("state") and a["id"].startswith(iso3.lower()) for a in acts) and len(acts) >= 2:
            chosen[iso3] = acts
    rows: dict[str, list[Place]] = {iso3: [] for iso3 in chosen}
    with gzip.open(gazetteer_dir / "places.tsv.gz", "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {c: i for i, c in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            iso3 = r[col["iso3"]]
            if iso3 not in rows or r[col["feature"]] not in ("city", "town") or not r[col["admin1"]]:
                continue
            pop = int(r[col["population"]] or 0)
            if pop < 8000:
                continue
            name = ascii_fold(r[col["name"]])
            if (not _PLACE_NAME.fullmatch(name) or len(name) < 4 or name.lower() in _BAD_PLACE_WORDS
                    or name.lower() == names[iso3].lower() or _UNIT_WORD.search(name)):
                continue
            rows[iso3].append(Place(name, ascii_fold(r[col["admin1"]]), r[col["feature"]], pop))
    countries = []
    for iso3, acts in sorted(chosen.items()):
        places = sorted(rows[iso3], key=lambda p: (-p.population, p.name))
        seen: set[str] = set()
        places = [p for p in places if not (p.name in seen or seen.add(p.name))][:300]
        if len(places) < 5:
            continue
        mil = [a for a in acts if a.get("state") and a["id"].endswith(".military")]
        mil = mil or [a for a in acts if a.get("state")]
        adjective = " ".join(mil[0]["aliases"][0].split()[:-1]) or names[iso3]
        pol = [a for a in acts if a["id"].endswith(".police")]
        groups, group_names, militia = [], [], []
        for a in acts:
            if a.get("state") or a.get("kind") == "identity" or a.get("country") != iso3 or a.get("inter") in (1, 7, 8):
                continue
            phrases, bare = _group_phrases(a)
            if a.get("inter") == 4:
                if phrases:
                    militia.append(sorted(set(phrases)))
            elif phrases and bare:
                groups.append(sorted(set(phrases)))
                group_names.append(sorted(set(bare)))
        countries.append(Country(
            iso3=iso3, name=names[iso3], adjective=adjective, capital=capitals.get(iso3) or places[0].name,
            unit=UNIT_NOUN[iso3], places=places, big=places[:25],
            military=_force_phrases(mil[0], adjective, "military"),
            police=_force_phrases(pol[0], adjective, "police") if pol else ["police", "the police", "security forces"],
            groups=groups, group_names=group_names, militia=militia))
    # Iraq, Nigeria, Somalia, Afghanistan... all get stories; countries with more actors get more
    weights = [1.0 + len(c.groups) ** 0.5 for c in countries]
    generic = ["gunmen", "unknown gunmen", "unidentified gunmen", "armed men", "masked gunmen",
               "unidentified assailants", "gunmen on motorcycles", "suspected militants"]
    return World(countries, weights, generic)


# ---------------------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------------------

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def num(rng: random.Random, n: int) -> str:
    """A count as newsrooms write it: words below ten, digits from 10 (sometimes words up to twenty)."""
    if n < 10 or (n <= 20 and rng.random() < 0.25):
        return _UNITS[n]
    return str(n)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class Slots(dict):
    """format_map slots: {x} is the value, {X} the value capitalised. `rng` picks among [a|b|c] alternatives."""

    rng: random.Random | None = None

    def __missing__(self, key: str) -> str:
        low = key[:1].lower() + key[1:]
        if low != key and low in self:
            return cap(self[low])
        raise KeyError(key)


_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")
_GAPS = re.compile(r" ([.,])")


def fill(template: str, slots: Slots) -> str:
    """The template with one of each [a|b|c] alternatives chosen (by slots.rng) and its {slots} filled."""
    if slots.rng is not None and "[" in template:
        while _ALTERNATIVES.search(template):  # innermost alternatives first
            template = _ALTERNATIVES.sub(lambda m: slots.rng.choice(m.group(1).split("|")), template)
        template = _GAPS.sub(lambda m: m.group(1), template.replace("  ", " "))  # an empty alternative
    return template.format_map(slots)


def people(rng: random.Random, n: int, noun: str = "people", singular: str = "a person") -> str:
    if n == 1:
        return singular
    qual = rng.choice(["", "", "", "at least ", "at least ", "some ", "nearly "]) if n >= 4 else ""
    return f"{qual}{num(rng, n)} {noun}"


def date_phrase(rng: random.Random, published: dt.date) -> tuple[dt.date, str]:
    """An incident date before publication and how a report would say it."""
    r = rng.random()
    if r < 0.22:
        day = published
        phrase = rng.choice([f"on {WEEKDAYS[day.weekday()]}", f"early on {WEEKDAYS[day.weekday()]}",
                             "earlier today", "this morning", f"on {WEEKDAYS[day.weekday()]} morning"])
    elif r < 0.62:
        day = published - dt.timedelta(days=1)
        phrase = rng.choice(["yesterday", "late last night", f"on {WEEKDAYS[day.weekday()]}",
                             f"late on {WEEKDAYS[day.weekday()]}", f"on {WEEKDAYS[day.weekday()]} evening",
                             f"on {WEEKDAYS[day.weekday()]} night", "on Tuesday" if day.weekday() == 1 else
                             f"on {WEEKDAYS[day.weekday()]} afternoon"])
    elif r < 0.9:
        day = published - dt.timedelta(days=rng.randint(2, 5))
        phrase = rng.choice([f"on {WEEKDAYS[day.weekday()]}", f"early on {WEEKDAYS[day.weekday()]}",
                             f"late on {WEEKDAYS[day.weekday()]}"])
    else:
        day = published - dt.timedelta(days=rng.randint(2, 6))
        phrase = rng.choice([f"on {day.day} {MONTHS[day.month - 1]}", f"on {MONTHS[day.month - 1]} {day.day}"])
    return day, phrase


def long_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# ---------------------------------------------------------------------------------------------------------------
# Outlets, people, places
# ---------------------------------------------------------------------------------------------------------------

OUTLETS = [
    ("The Frontier Courier", "frontiercourier.example"), ("Daily Meridian", "dailymeridian.example"),
    ("Regional Observer", "regionalobserver.example"), ("The Evening Ledger", "eveningledger.example"),
    ("Crossroads News", "crossroadsnews.example"), ("Horizon Wire", "horizonwire.example"),
    ("The Civic Herald", "civicherald.example"), ("Plainsview Times", "plainsviewtimes.example"),
    ("Continental Dispatch", "continentaldispatch.example"), ("The Morning Bulletin", "morningbulletin.example"),
    ("Riverside Gazette", "riversidegazette.example"), ("Global Desk", "globaldesk.example"),
    ("The Weekly Compass", "weeklycompass.example"), ("Signal News Agency", "signalnews.example"),
    ("Lantern Press", "lanternpress.example"), ("The National Monitor", "nationalmonitor.example"),
    ("Eastern Review", "easternreview.example"), ("Sentinel Online", "sentinelonline.example"),
    ("Capital Report", "capitalreport.example"), ("Example Wire", "examplewire.example"),
]


def person(rng: random.Random, c: Country) -> str:
    region = NAME_REGION.get(c.iso3, "arab")
    return f"{rng.choice(FIRST_NAMES[region])} {rng.choice(LAST_NAMES[region])}"


def pick_place(rng: random.Random, c: Country, avoid: Place | None = None, near: Place | None = None) -> Place:
    """A place of the country (often a big one); with `near`, usually one of the same province."""
    if near is not None and rng.random() < 0.75:
        same = c.by_admin1.get(near.admin1, [])
        if len(same) > 1:
            p = rng.choice(same)
            return p if p is not avoid else rng.choice(same)
    for _ in range(5):
        p = rng.choice(c.big) if rng.random() < 0.4 else rng.choice(c.places)
        if p is not avoid:
            return p
    return p


def place_kind(p: Place) -> str:
    return "city" if p.feature == "city" or p.population >= 150_000 else "town"


def good_admin1(p: Place) -> bool:
    return bool(p.admin1) and not _BAD_ADMIN1.search(p.admin1) and p.admin1 != p.name and len(p.admin1) > 3


def where(rng: random.Random, c: Country, p: Place, in_dateline: bool = False) -> str:
    """A place phrase: 'in Hawija, a town in Kirkuk province', 'near Hawija', '15 km north of Hawija'..."""
    unit = c.unit_for(p.admin1)
    kind = place_kind(p)
    forms = [f"in {p.name}", f"in the {kind} of {p.name}", f"near {p.name}", f"on the outskirts of {p.name}",
             f"{rng.choice([5, 8, 10, 12, 15, 20, 25, 30, 40])} kilometres "
             f"{rng.choice(['north', 'south', 'east', 'west', 'northeast', 'southwest'])} of {p.name}",
             f"in a village near {p.name}", f"in the centre of {p.name}", f"on the main road outside {p.name}"]
    if good_admin1(p):
        forms += [f"in {p.name}, a {kind} in {p.admin1} {unit}"] * 3
        forms += [f"in {p.name} in {p.admin1} {unit}", f"in {p.name}, {p.admin1} {unit},",
                  f"near {p.name} in {p.admin1} {unit}", f"in the {kind} of {p.name} in {p.admin1} {unit}"]
    if in_dateline:
        forms += [f"in {p.name}"] * 3
    return rng.choice(forms)


# ---------------------------------------------------------------------------------------------------------------
# Incidents
# ---------------------------------------------------------------------------------------------------------------

CIVILIAN_NOUNS = [("civilians", "a civilian"), ("villagers", "a villager"), ("farmers", "a farmer"),
                  ("shepherds", "a shepherd"), ("traders", "a trader"), ("passengers", "a passenger"),
                  ("worshippers", "a worshipper"), ("residents", "a resident"), ("women", "a woman"),
                  ("people", "a man")]
SINGLE_VICTIMS = ["a shopkeeper", "a local journalist", "a schoolteacher", "a tribal elder", "a village chief",
                  "a lawyer", "a taxi driver", "a farmer", "a pharmacist", "a local councillor", "an aid worker",
                  "a money changer", "a university lecturer", "a religious leader", "a nurse", "a trader"]
VEHICLES = ["minibus", "passenger bus", "pickup truck", "car", "taxi", "lorry carrying vegetables", "motorcycle",
            "fuel tanker", "van"]
MIL_TARGETS = ["an army patrol", "a military convoy", "an army checkpoint", "a police checkpoint", "a police station",
               "an army outpost", "a military base", "a security post", "a police patrol"]
CIV_SITES = ["market", "bus station", "mosque", "church", "school", "restaurant", "cafe", "hospital", "wedding party",
             "livestock market", "petrol station", "tea shop"]
CROWD_GROUPS = ["teachers", "residents", "unemployed graduates", "farmers", "traders", "health workers",
                "retired civil servants", "university students", "taxi drivers", "displaced families", "factory workers",
                "market vendors", "nurses", "oil workers", "contract employees"]
DEMANDS = ["to demand unpaid salaries", "over repeated power cuts", "against rising fuel prices", "calling for jobs",
           "demanding better water supplies", "against the closure of a local hospital", "over the poor state of roads",
           "to demand compensation for flooded farmland", "against a new tax on small businesses",
           "demanding permanent contracts", "calling for the dismissal of the local governor",
           "over delays in the payment of pensions", "to demand clean drinking water"]
BUILDINGS = ["governor's office", "provincial council building", "town hall", "education directorate",
             "electricity company offices", "oil ministry compound", "district administration building",
             "health directorate", "municipal building"]
SAID = ["police said", "a police spokesman said", "local officials said", "security sources said",
        "residents told {outlet}", "a local official told {outlet}", "witnesses said", "hospital sources said",
        "the army said in a statement", "a spokesman for the governor said", "officials said", "a medic said",
        "a security official told {outlet}", "according to residents", "a community leader said"]


@dataclass
class Incident:
    kind: str
    lead: str
    headline: str
    extra: list[str]  # follow-up sentences about the same incident


def _killed_wounded(rng: random.Random, killed: int, wounded: int, noun: str = "people") -> str:
    parts = []
    if killed:
        parts.append(f"killing {people(rng, killed, noun, 'one person' if noun == 'people' else 'one')}")
    if wounded:
        w = num(rng, wounded)
        parts.append(f"wounding {w} {'others' if killed else noun}" if wounded > 1 else
                     f"wounding {'another' if killed else 'one person'}")
    return " and ".join(parts)


def incident(rng: random.Random, c: Country, kind: str, place: Place, date: str, outlet: str, world: World) -> Incident:
    """One incident of `kind` at `place`: its lead sentence, a headline and follow-up sentences."""
    r = rng.random()
    g = rng.randrange(len(c.groups)) if c.groups else -1
    armed = (rng.choice(c.groups[g]) if g >= 0 and r < 0.55 else rng.choice(rng.choice(c.militia))
             if c.militia and r < 0.65 else rng.choice(world.generic_armed))
    group = (rng.choice(c.group_names[g]) if g >= 0 else
             rng.choice(["an armed group", "a criminal network", "a militant cell", "a local gang"]))
    killed = rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 23])
    wounded = rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 19])
    noun, single = rng.choice(CIVILIAN_NOUNS)
    crowd = (rng.choice(["Hundreds of", "Dozens of", "Several hundred", "More than a thousand", "Scores of", "About 200"])
             + " " + rng.choice(CROWD_GROUPS))
    s = Slots(armed=armed, group=group, force=rng.choice(c.military), police=rng.choice(c.police), date=date,
              outlet=outlet, place=where(rng, c, place), town=place.name, adj=c.adjective,
              said=fill(rng.choice(SAID), Slots(outlet=outlet)),
              vehicle=rng.choice(VEHICLES), site=rng.choice(CIV_SITES), single=rng.choice(SINGLE_VICTIMS),
              victims=people(rng, max(killed, 2), noun, single), kw=_killed_wounded(rng, max(killed, 1), wounded, noun),
              kn=num(rng, max(killed, 1)), hk=num(rng, max(killed, 2)), wn=num(rng, max(wounded, 2)),
              target=rng.choice(MIL_TARGETS), crowd=crowd, crowd_low=crowd[0].lower() + crowd[1:],
              demand=rng.choice(DEMANDS), building=rng.choice(BUILDINGS), an=num(rng, rng.randint(2, 14)),
              hours=rng.choice(["an hour", "two hours", "several hours", "most of the night", "about 40 minutes"]),
              toll=f"{cap(people(rng, killed + wounded + 1, 'people'))} were killed or wounded")
    s.rng = rng
    if kind == "attack":
        lead = [
            "{Armed} [shot dead|gunned down] {victims} {place} {date}, {said}.",
            "{Armed} opened fire on a {vehicle} {place} {date}, {kw}, {said}.",
            "{Single} was [gunned down|shot dead] by {armed} {place} {date}, {said}.",
            "{Armed} stormed a house {place} {date} and killed {victims}, {said}.",
            "{Armed} [attacked|assaulted] {single} outside [his|the family] home {place} {date}, {said}, leaving [him|the victim] [seriously injured|in critical condition].",
            "{Armed} killed {victims} {place} {date} before [fleeing on motorcycles|escaping into nearby farmland|driving off], {said}.",
            "{Victims} were [shot dead|killed] by {armed} [on their way home|while working in their fields|at a roadside tea stall] {place} {date}, {said}.",
        ]
        headline = ["Gunmen kill {hk} in {town}", "{Hk} civilians shot dead near {town}",
                    "Deadly shooting in {town} as gunmen target residents", "Attack on {town} leaves {hk} dead",
                    "Residents of {town} mourn victims of shooting"]
        extra = ["The [attackers|gunmen] [escaped|fled] before security forces arrived, and no group has claimed responsibility.",
                 "[Relatives|Colleagues|Neighbours] said the victims had received threats in the [weeks|months|days] before [the shooting|the killing].",
                 "Security forces sealed off the area and began searching [nearby farms|the surrounding villages|the main road|orchards outside {town}]."]
    elif kind == "clash":
        lead = [
            "{Force} clashed with {armed} {place} {date}, {said}.",
            "Heavy fighting broke out between {force} and {armed} {place} {date}, {said}.",
            "{Armed} ambushed {target} {place} {date}, killing {kn} [soldiers|members of the security forces], {said}.",
            "{Armed} attacked {target} {place} {date}, sparking a gunfight that lasted {hours}, {said}.",
            "{Force} exchanged fire with {armed} {place} {date}, {said}.",
            "{Force} repelled an attack by {armed} on {target} {place} {date}, {said}.",
            "{Force} [fought|battled] {armed} for {hours} {place} {date}, {said}.",
        ]
        headline = ["Fighting near {town} leaves several dead", "Troops and militants clash near {town}",
                    "Soldiers killed in ambush outside {town}", "Gun battle rages near {town}"]
        extra = [(f"{cap(num(rng, max(killed, 1)))} {'soldier was' if killed <= 1 else 'soldiers were'} killed and "
                  f"{num(rng, max(wounded, 2))} wounded in the fighting, "
                  "[a military source said|officials said|according to a local commander]."),
                 f"The army said {num(rng, rng.randint(2, 15))} of the attackers were killed or wounded before the rest "
                 "withdrew.",
                 "Reinforcements were sent [to the area|from the provincial capital|to {town}] [after the fighting|later in the day|overnight]."]
    elif kind == "ied":
        lead = [
            "A roadside bomb exploded as {target} passed {place} {date}, {kw}, {said}.",
            "An improvised explosive device struck a {vehicle} {place} {date}, {kw}, {said}.",
            "A bomb planted near the {site} went off {place} {date}, {kw}, {said}.",
            "A car bomb exploded outside a {site} {place} {date}, {kw}, {said}.",
            "{Victims} were killed when their {vehicle} hit a landmine {place} {date}, {said}.",
            "A sticky bomb attached to a {vehicle} exploded {place} {date}, {kw}, {said}.",
        ]
        headline = ["Bomb blast kills {hk} in {town}", "Roadside bomb hits vehicle near {town}",
                    "Explosion rocks {town}", "{Hk} dead after bomb attack near {town}"]
        extra = ["The force of the blast shattered windows [in nearby buildings|in shops across the street|up to [100|200|300] metres away|of a school in {town}].",
                 "Bomb disposal experts later searched [the area|the market|the main road|nearby streets] for further devices.",
                 "{Toll} in the explosion, [a hospital official said|according to police|medics said]."]
    elif kind == "airstrike":
        lead = [
            "{Adj} warplanes struck a hideout used by {group} {place} {date}, killing {kn} fighters, {said}.",
            "A drone strike hit a vehicle {place} {date}, killing {kn} suspected militants, {said}.",
            "An air strike by the {adj} air force hit a compound {place} {date}, {said}.",
            "{Adj} military aircraft bombed positions held by {group} {place} {date}, {said}.",
            "Fighter jets struck a training camp {place} {date}, killing {kn} militants, {said}.",
        ]
        headline = ["Air strike hits militant hideout near {town}", "Drone strike near {town} kills {hk}",
                    "Warplanes pound positions near {town}"]
        extra = ["Residents said they heard [aircraft|drones|jets] circling for about [an hour|20 minutes|two hours] before the first explosion.",
                 f"Local sources said {num(rng, max(wounded, 2))} civilians were also injured in the raid.",
                 "The military said the strike followed [intelligence on a planned operation|weeks of surveillance]."]
    elif kind == "shelling":
        lead = [
            "{Armed} fired mortar shells at a residential area {place} {date}, {kw}, {said}.",
            "Several rockets landed {place} {date}, {kw}, {said}.",
            "{Force} shelled positions held by {group} {place} {date}, {said}.",
            "A mortar round fell on a crowded {site} {place} {date}, {kw}, {said}.",
            "Artillery shelling hit the {site} {place} {date}, {kw}, {said}.",
        ]
        headline = ["Shelling hits {town}", "Rockets land in {town}, {hk} dead", "Mortar fire kills {hk} in {town}"]
        extra = ["Shrapnel damaged [a row of shops|a school wall|a petrol station|the roofs of houses] and [several|two|a number of] parked [cars|vehicles].",
                 "[Families|Dozens of families|Many residents] fled towards [neighbouring villages|the next town|the outskirts of {town}] after the bombardment."]
    elif kind == "protest":
        lead = [
            "{Crowd} protested {place} {date} {demand}, {said}.",
            "{Crowd} rallied outside the {building} {place} {date} {demand}.",
            "{Crowd} staged a sit-in in front of the {building} {place} {date} {demand}.",
            "{Crowd} took to the streets {place} {date} {demand}, {said}.",
            "{Crowd} gathered outside the {building} {place} {date}, demanding [unpaid salaries|jobs|clean water|the reopening of the local hospital].",
        ]
        headline = ["Protest in {town} over living conditions", "{Town} residents rally against authorities",
                    "Demonstrators gather in {town}"]
        extra = ["The demonstration ended peacefully [in the afternoon|after about three hours|by nightfall], organisers said.",
                 "Protesters carried [banners|placards|flags and banners] and chanted slogans against [the local authorities|the governor|officials in the capital|the municipal council].",
                 "[Organisers|Protest leaders|Union representatives] said they would return [every day|every morning|each week] until their demands were met."]
    elif kind == "intervention":
        lead = [
            "{Police} fired tear gas to disperse a protest by {crowd_low} {place} {date} {demand}.",
            "Riot police used water cannon against demonstrators {place} {date} as they marched {demand}.",
            "{Police} arrested {an} protesters at a rally {place} {date}, {said}.",
            "{Police} dispersed a demonstration {place} {date} {demand}, {said}.",
        ]
        headline = ["Police break up protest in {town}", "Tear gas fired at demonstrators in {town}"]
        extra = ["[Several|Dozens of|At least a dozen] people were treated for breathing problems, a [medic at the scene|doctor at the hospital in {town}|paramedic] said.",
                 "[Protest organisers|Activists in {town}|Opposition leaders] accused the security forces of [heavy-handed tactics|excessive force|intimidation]."]
    elif kind == "riot":
        lead = [
            "Angry protesters set fire to the {building} {place} {date} {demand}, {said}.",
            "Demonstrators threw stones at police and blocked roads with burning tyres {place} {date}, {said}.",
            "An angry mob attacked a police station {place} {date} after a local man died in custody, {said}.",
            "Rioters ransacked shops and set cars ablaze {place} {date}, {said}.",
        ]
        headline = ["Unrest in {town} as protesters torch buildings", "Riots break out in {town}"]
        extra = ["Security forces were deployed around government buildings after the unrest.",
                 f"{cap(num(rng, rng.randint(2, 9)))} police officers were hurt, the interior ministry said."]
    elif kind == "arrest":
        lead = [
            "{Police} arrested {an} suspected members of {group} {place} {date}, {said}.",
            "Security forces detained {an} men suspected of planning attacks in a raid {place} {date}, {said}.",
            "{Force} apprehended a senior commander of {group} {place} {date}, {said}.",
            "{Police} detained a local official accused of links to {group} {place} {date}, {said}.",
        ]
        headline = ["Suspected militants held in {town} raid", "Arrests in {town} security sweep"]
        extra = ["[Weapons, ammunition and mobile phones|Rifles, cash and documents|Explosives and [two|three|several] vehicles] were seized during the operation, the statement said.",
                 "The suspects were taken [for questioning|to {town} for questioning|to the provincial capital], [officials|a police source|the statement] said."]
    elif kind == "abduction":
        lead = [
            "{Armed} kidnapped {an} passengers from a bus {place} {date}, {said}.",
            "{Armed} abducted {single} from his farm {place} {date}, {said}.",
            "{Victims} were abducted by {armed} {place} {date}, {said}.",
            "{Armed} kidnapped {an} aid workers travelling {place} {date}, {said}.",
        ]
        headline = ["Gunmen seize {an} in {town}", "Abductions near {town} alarm residents"]
        extra = ["[Relatives|A cousin|Family members] said the kidnappers had not yet made contact [by the evening|two days later|].",
                 "Kidnappings for ransom have become common on roads [in the area|around {town}|in the province|out of {town}], [residents|drivers|traders] say."]
    elif kind == "looting":
        lead = [
            "{Armed} looted shops and houses {place} {date}, {said}.",
            "{Armed} ransacked a health centre {place} {date}, carrying off medicines and equipment, {said}.",
            "{Armed} set fire to houses and granaries {place} {date}, {said}.",
        ]
        headline = ["Armed men loot {town}", "Homes burned near {town}"]
        extra = ["Residents said the attackers left after several hours and no one was hurt.",
                 "Many families spent the night in the bush, a community leader said."]
    else:  # agreement
        lead = [
            "{Force} and {group} agreed to a ceasefire {place} {date} after talks mediated by local elders, {said}.",
            "Local leaders brokered a truce between rival groups {place} {date}, {said}.",
            "Representatives of the government and {group} signed a peace agreement {place} {date}.",
        ]
        headline = ["Truce agreed near {town}", "Ceasefire deal reached in {town}"]
        extra = ["The deal includes the release of prisoners held by both sides, mediators said.",
                 "Residents welcomed the agreement but said they were waiting to see if it holds."]
    return Incident(kind, fill(rng.choice(lead), s), cap(fill(rng.choice(headline), s)), [fill(e, s) for e in extra])


INCIDENT_KINDS = ["attack", "clash", "ied", "airstrike", "shelling", "protest", "intervention", "riot", "arrest",
                  "abduction", "looting", "agreement"]
INCIDENT_WEIGHTS = [16, 15, 12, 6, 7, 12, 6, 5, 9, 6, 3, 3]

# ---------------------------------------------------------------------------------------------------------------
# Paragraph pools. [a|b] picks one alternative. Apart from BACKGROUND (earlier events, dated long before the
# story, which the coder must not code) these contain no incident words: they must yield no event.
# ---------------------------------------------------------------------------------------------------------------

QUOTES_INCIDENT = [
    '"We heard shooting for almost an hour and nobody dared to go outside," said {person}, a [resident|neighbour|shopkeeper].',
    '"The situation is now under control and our forces are searching the area," {official} told reporters.',
    '"These people have no respect for human life," said {person}, whose [cousin|brother|neighbour] was among the victims.',
    '"We have asked the government many times for more protection, but nothing has changed," said {person}, a [local elder|village head|farmer].',
    '"Our teams worked through the night to treat the injured," said {person}, a doctor at the [main|regional|general] hospital.',
    '"[The families are in shock|People are frightened|Nobody slept last night|We are still counting the damage]. Many of them lost [everything|their homes|their livelihoods]," said {person}, a community leader.',
    '"Those responsible will be found and brought to justice," {official} said in a statement.',
    '"We are tired of living like this," said {person}, a father of [four|five|six] who lives nearby.',
    '"Nobody warned us. It happened so quickly," {person} told {outlet} by telephone.',
    '"We need answers, not more promises," said {person}, [a teacher|a trader|a student] from {town}.',
]
OFFICIALS = ["the provincial governor", "a police spokesman", "the district commissioner", "an army spokesperson",
             "the interior ministry spokesman", "the mayor", "a senior security official", "the regional police chief",
             "the deputy governor", "a government spokeswoman"]
RESPONSE = [
    "The governor of {admin1} ordered an investigation and promised to increase patrols on the roads around {town}.",
    "The interior ministry condemned the incident and said it had sent a team from {capital} to assess the situation.",
    "Authorities imposed a curfew in parts of {town} and [closed the main roads leading into the area|suspended market days until further notice].",
    "Members of parliament from {admin1} [asked for|requested] an urgent session to discuss security in the {unit}.",
    "The United Nations mission in {country} expressed concern and urged all sides to protect civilians.",
    "[Local|District|Education] officials said schools [in the area|in and around {town}|in the {unit}] would stay closed [for the rest of the week|until further notice|for [two|three|several] days].",
    "[Community|Tribal|Religious] leaders [met|held talks with] the [district commissioner|governor of {admin1}|local security chief] to discuss the safety of [farmers and traders|travellers on the road to {other}|residents of {town}].",
    "[Human rights groups|Lawyers|Opposition lawmakers|Relatives] [asked for|urged the authorities to open|called for] an [independent|impartial|urgent] inquiry into the events [in {town}|of that day|].",
    "The [prime minister|president|interior minister|governor of {admin1}] sent condolences to the families and [ordered|promised] [compensation|medical care|help] for the [injured|wounded].",
]
BACKGROUND = [
    "In {month} {year}, a similar incident in {other} left {n3} people dead, and no one was ever prosecuted.",
    "The area has seen repeated violence since {year}, when {group} first established a presence in the countryside around {other}.",
    "Last year, {group} claimed responsibility for an attack on a market in {other} that killed {n} people.",
    "In {month} {year2}, {n4} soldiers were killed when their convoy was ambushed near {other}.",
    "Back in {year}, hundreds of families fled {other} after weeks of fighting between rival armed groups.",
    "A bombing at a bus station in {other} in {month2} {year2} killed {n3} people and wounded dozens more.",
    "According to a report published in {year}, more than {big} people were displaced from {admin1} in the previous decade.",
    "In {year} the government announced a major operation in {admin1}, but residents say the gains were short-lived.",
    "In {month2} {year}, gunmen kidnapped {n4} students from a boarding school outside {other}; most were released weeks later.",
]
# neutral sentences: society, services, economy of the story's place
GENERAL = [
    "[Residents|Shopkeepers|Local families|Community leaders] in {town} say that [electricity supplies|water supplies|bus services|mobile phone networks] have [improved slightly|become less reliable|been irregular] [in recent months|since the start of the year|over the past few weeks].",
    "The [regional|provincial|local] authorities [plan to|have promised to|are expected to] [repair|resurface|widen] the road between {town} and {other} [before the rainy season|by the end of next year|within eighteen months].",
    "[About|Roughly|Nearly] {pct} percent of [young people|school leavers|university graduates] in {admin1} [are without regular work|rely on casual jobs|have moved to {capital} to look for work], according to [official figures|a recent survey|the labour ministry].",
    "A [new|long-awaited] water treatment plant [serving|outside] {town} [is due to start operating this year|started operating last month|is still waiting for equipment after repeated delays].",
    "[Farmers|Herders|Fishermen] around {other} say that [the cost of fuel|the price of fertiliser|transport costs] [has doubled|keeps rising|eats up most of their earnings].",
    "The [governor|district council|municipality] [announced|launched|approved] a [programme|plan|scheme] to [plant trees along the main avenues of {town}|connect more homes in {town} to the water network|build new classrooms in {other}|repair the central market of {town}].",
    "[Many|Hundreds of|Thousands of] families [moved|relocated] to {town} [in recent years|over the past decade] [from surrounding villages|looking for work|to be closer to schools and clinics].",
    "[Teachers|Nurses|Civil servants] in the {unit} [have complained about|are worried about|have been waiting months for] [late salary payments|a promised pay rise|housing allowances].",
    "[Mobile money services|Small loans|Savings groups] have become [an important|a popular|a common] way for households in {admin1} to [manage irregular incomes|pay school fees|cover medical bills].",
    "The [main|only|largest] hospital in {town} [serves|treats patients from] [an area of several hundred thousand people|dozens of villages], [doctors said|according to health officials|staff there say].",
    "{Official} [said|told reporters] that the government [would|will] [publish|present] [a development plan|a new strategy|detailed figures] for the {unit} [in the coming weeks|before the end of the year|next month].",
    "Journalists [working|based] in {admin1} say that [access to official information is limited|travel permits are hard to obtain|internet connections are unreliable].",
    "The [weekly|busy|old] market in {town} [draws|attracts] traders from [as far away as {other}|across the {unit}|neighbouring districts], [selling|who bring] [grain, livestock and cloth|vegetables, spices and household goods|mobile phones and second-hand clothes].",
    "[Enrolment|Attendance] at primary schools in {admin1} [has risen|rose] [by {pct} percent|steadily] [since {year}|over the last three years], [the education ministry says|officials say].",
    "[Power cuts|Water shortages|Fuel queues] [remain|are still] [a daily|a frequent|a regular] [complaint|problem|part of life] in {town}, especially [in the summer months|in the evenings|in poorer neighbourhoods].",
    "The [university|technical college|teacher training institute] in {town} [opened a new faculty|added new courses in engineering and nursing|welcomed its largest intake] [this year|last autumn|in {year}].",
    "[Local radio stations|Community newspapers|Social media groups] remain the [main|only|most trusted] source of news for [many|most] people in [the area|the {unit}|{town} and {other}|{admin1}|the villages around {town}].",
    "The [railway|highway|bus service] linking {town} with {capital} [carries|serves] [thousands of passengers every week|most of the region's goods|many of the traders who supply the capital].",
    "[International donors|Development agencies|Private investors] [have funded|are financing|have promised money for] [solar panels for clinics|new wells|a bridge over the river] near {other}.",
    "Prices of [bread|rice|cooking gas|rent] in {town} have [risen sharply|climbed steadily|roughly doubled] [this year|since {year}|over the past two years], [traders say|residents say|according to a local survey].",
    "[Young people|Many graduates|Skilled workers] from {admin1} [have left for|look for jobs in|send money home from] [the capital|the Gulf|Europe|neighbouring countries].",
    "The [census|latest survey|statistics office] [puts|estimates] the population of {town} at [about|roughly|just over] {big}.",
    "[Officials|Engineers|Planners] say the [water network|sewage system|electricity grid] in {town} was built [decades ago|for a much smaller population|in the 1980s] and needs [urgent|major|costly] repairs.",
    "A [bridge|new road|ring road] [connecting|between] {town} and {other} [was completed|opened to traffic|is nearly finished] [this spring|last year|after two years of work].",
]
# sentences about the security situation, for incident stories (no incident of their own)
SECURITY_CONTEXT = [
    "Aid agencies estimate that more than {big} people in {admin1} depend on food assistance.",
    "Many roads in [the region|the {unit}|{admin1}] are in poor condition, and travel between {town} and {other} can take [a whole day|most of a day|several hours] in the [rainy season|winter months|wet season].",
    "[Analysts|Researchers|Local observers] say the weakness of [local institutions|the state in {admin1}|public services around {town}] has allowed armed groups to recruit young men with [few other prospects|no work|little schooling].",
    "The economy of [{town}|the {unit}|{admin1}] relies largely on [farming and livestock|trade and farming|herding and small shops], and [many|most|a growing number of] households have lost [their income|part of their income|their savings] [in recent years|since {year}|over the past decade].",
    "Officials in {capital} have [repeatedly|often|for years] promised more investment in [the region|{admin1}|the {unit}], but [residents|people in {town}|local leaders] say little has reached them.",
    "Schools and clinics in several districts of {admin1} have struggled to keep staff, according to local officials.",
    "Mobile phone coverage in [rural parts of the {unit}|the villages around {town}|much of {admin1}|the hills near {other}] is [patchy|poor|unreliable], which makes it hard to verify reports [quickly|from the area|in time].",
    "Talks between [the government|officials from {capital}|the authorities in {admin1}] and [community representatives|local elders|leaders from {town}] have stalled [several times|more than once|repeatedly] [over the past year|since {year}|in recent months].",
    "International donors pledged [new funding|about {big} dollars|fresh money] for [reconstruction|schools and clinics|roads] at a conference held in {capital} [earlier this year|in {month}|last year].",
    "Prices of basic goods in {town} have risen sharply, traders say, because supply routes are often cut.",
    "[Human rights organisations|UN agencies|Local charities] have documented a rise in displacement [across the {unit}|from villages near {town}|in {admin1}] [since {year}|this year|over the past [two|three] years].",
    "The security situation has also affected the [harvest|planting season|wheat harvest] [around {town}|in {admin1}|in the {unit}], with [some|many|dozens of] farmers unable to reach their fields.",
    "[Several|Two|A number of] [humanitarian organisations|aid groups|charities] have scaled back their [operations|work|programmes] [in {admin1}|around {town}|in the {unit}] because of the risks to [staff|their workers|convoys].",
    "Residents of {town} say they have grown used to living with uncertainty.",
    "[Security|Regional] analysts [say|believe] that {group} [relies on|draws support from] [smuggling routes|local grievances|remote hideouts] in [the {unit}|the hills around {other}|border areas].",
    "[Checkpoints|Roadblocks] on the roads around {town} [have multiplied|are now common|slow down traffic] [since {year}|in recent months|this year], [drivers say|according to transport workers].",
    "The government [has deployed|says it has sent] [more troops|additional police units|new security forces] to {admin1} [this year|since {year}|in recent months], [but residents say|although local leaders say] [the roads remain unsafe at night|they rarely see patrols in rural areas].",
]
QUOTES_GENERAL = [
    '"It has been a difficult year for everyone here," said {person}, who runs a small [shop|bakery|pharmacy] in {town}.',
    '"We want our children to have a normal life," said {person}, a [teacher|mother of three|bus driver].',
    '"People are patient, but they expect results," said {person}, a member of the local council.',
    '"Things are slowly getting better," said {person}, a [driver|trader|mechanic] from {other}.',
    '"[Everyone here knows each other|In {town} everyone knows everyone|We are all neighbours here|This is a small place]. We help where we can," said {person}, a [retired teacher|shop owner|nurse].',
    '"There is [a lot of work|much|a long way] still to [do|go] [in {town}|in {admin1}|], but we are [hopeful|confident|determined]," {official} said [on {month} 12|at a news conference|in a statement|].',
]

# non-incident stories: (headline, lead) pairs per topic, and the topic's body sentences
TOPICS: dict[str, dict[str, list]] = {
    "economy": {
        "story": [
            ("Central bank keeps interest rates unchanged",
             "The central bank of {country} left its main interest rate unchanged {date}, saying inflation had begun to ease."),
            ("Traders in {town} feel the pinch as prices climb",
             "Traders in {town} said {date} that the cost of flour, cooking oil and sugar had risen by about {pct} percent since the start of the year."),
            ("Government unveils budget with higher spending on roads",
             "The finance ministry presented a draft budget {date} that raises spending on roads, schools and electricity."),
            ("New factory opens near {town}, promising hundreds of jobs",
             "A new [cement|textile|food processing] factory opened near {town} {date}, and its owners said it would employ about [400|650|900] people."),
            ("Currency steadies after weeks of losses",
             "The national currency held steady against the dollar {date} after several weeks of decline, money changers in {capital} said."),
        ],
        "body": [
            "[Economists|Bankers|Analysts in {capital}] said the decision reflected concern about [the value of the national currency|rising prices|the budget deficit].",
            "The ministry expects the economy to grow by {pct2} percent next year, helped by [higher exports|a better harvest|new investment in mining].",
            "Small businesses in {admin1} have complained about delays in getting loans from state banks.",
            "The price of fuel at filling stations in {town} has changed [three|four|several] times in the past two months.",
            "Officials said the government would continue to subsidise [bread|electricity|cooking gas|fuel] for [poorer families|pensioners|farmers in {admin1}] [until next year|for now|].",
            "Farmers in the {unit} hope that better rains this year will bring down the price of grain.",
            "The chamber of commerce in {town} welcomed the plan but asked for lower import duties.",
            "Exports of [agricultural produce|minerals|textiles] rose in the last quarter, according to figures from the statistics office.",
            "[Analysts|Economists|Opposition lawmakers] cautioned that [high public debt|falling revenue|the cost of subsidies] leaves little room for new spending [in {admin1}|this year|on roads and schools].",
            "Bank customers in {town} reported long queues at cash machines at the end of the month.",
            "The government also plans to simplify the registration of new companies, {official} said.",
            "A survey [by the chamber of commerce|of local firms] found that most businesses in {admin1} expect sales to rise modestly.",
            "Money changers in the central market of {town} said demand for dollars [had eased|remained strong|was unusually high].",
            "[Importers|Wholesalers|Shop owners] said the cost of shipping goods from the port had [risen|fallen] [by a third|sharply|slightly] this year.",
            "The [finance minister|central bank governor] said [the priority|the main goal] was to [keep prices stable|protect savings|attract foreign investment].",
            "[Construction|Mining|Tourism] accounted for about {pct2} percent of [new jobs|economic growth|tax revenue] last year, [the ministry said|official data show].",
        ],
    },
    "sport": {
        "story": [
            ("{Town} United win the derby",
             "{Town} United defeated their local rivals [2-1|3-1|1-0] {date} to move within [three|two|four] points of the league leaders."),
            ("Late goal sends {town} City top of the table",
             "A late goal from [the substitute|their captain|a teenage forward] gave {town} City a 1-0 win over the champions {date}."),
            ("Marathon draws thousands of runners to {town}",
             "More than [3,000|5,000|8,000] runners took part in the annual {town} marathon {date}, the organisers said."),
            ("National team names squad for qualifiers",
             "The national football coach named a squad of [24|26|28] players {date} for next month's qualifying matches."),
            ("Young sprinter from {town} sets national record",
             "A {age}-year-old sprinter from {town} set a new national record in the [100|200|400] metres {date}."),
        ],
        "body": [
            "The [home side|hosts|team from {town}] dominated the first half but had to wait until [after the break|the [55th|62nd|71st|80th] minute] to score.",
            "The coach praised his players for their [discipline|patience|energy] and said the team was improving [every week|game by game|since {month}].",
            "The stadium in {town} was almost full, with many supporters travelling from neighbouring towns.",
            "The winner completed the course in just [over|under] two hours and [ten|twelve|fifteen|eight|nineteen|twenty-one] minutes.",
            "[Several|Two|Three] young players from [the league's academies|clubs in {admin1}|the academy in {town}] were included for the first time.",
            "The football federation said it would invest in new pitches across {admin1} next season.",
            "The [goalkeeper|keeper] made [three|two|several] [important|fine|crucial] saves in the [closing minutes|second half|last quarter of an hour] to protect the lead.",
            "Fans celebrated in the streets of {town} long after the final whistle.",
            "The captain said the squad was looking forward to the next match in {capital}.",
            "The [visitors|away side|team from {other}] complained about the condition of the pitch [after heavy rain earlier in the week|in {town}|after a storm on [Tuesday|Wednesday|Thursday]].",
            "Organisers thanked [volunteers|students|residents of {town}] who handed out [water|fruit|water and dates] along the route.",
            "The athletics federation hopes the new record will attract sponsors for young athletes [in {admin1}|across the country|from the {unit}].",
            "Tickets for the next home game [against the team from {other}|in {town}|on [Friday|Saturday|Sunday]] went on sale on the club's website.",
            "[The midfielder|The young forward|The veteran defender] was named player of the match after [a tireless performance|setting up both goals|a composed display].",
            "The [league|federation|club] [has announced|plans] [a new youth tournament|free entry for schoolchildren|a new training centre] in {other} [next season|this summer].",
            "[Attendance|Television audiences|Ticket sales] for league matches [have grown|rose by {pct} percent] [this season|compared with last year].",
        ],
    },
    "weather": {
        "story": [
            ("Heavy rains expected across {admin1}",
             "The meteorological department forecast heavy rain across {admin1} for the coming days, advising residents near rivers to take care."),
            ("Heatwave grips {town}",
             "Temperatures in {town} reached {temp} degrees Celsius {date}, the highest reading so far this year."),
            ("Farmers welcome early rains",
             "Farmers around {town} said {date} that the early rains had arrived in time for planting."),
            ("Cold spell brings frost to the highlands",
             "A cold spell brought frost to the hills around {town} {date}, forecasters said."),
        ],
        "body": [
            "Forecasters said the wet weather would move [east|north|south] [by the end of the week|towards {other}|over {admin1}] [by Friday|within days|].",
            "Health officials [in {admin1}|in {town}|] advised people to drink plenty of water and avoid working outdoors [at midday|in the afternoon|between noon and four].",
            "The water level in the [main reservoir|dam near {other}|reservoir above {town}] has risen by [almost a metre|about 60 centimetres|more than a metre] since [last month|{month}|the start of the rains].",
            "Electricity demand [in {town}|in {admin1}|] usually peaks during the hottest weeks of the year, the [power company|electricity ministry|grid operator] said.",
            "Local authorities cleared drainage channels in {town} ahead of the rainy season.",
            "Agricultural experts said the timing of the rains is crucial for the [maize and sorghum|wheat|rice|cotton] crops.",
            "Some rural roads [near {town}|in the {unit}|around {other}] may become impassable if the rain continues, the [roads authority|provincial council|civil defence] said.",
            "Residents of low-lying [neighbourhoods|districts|villages] [of {town}|along the river|near {other}] were advised to move [valuables|livestock|food stocks] to higher ground.",
            "The weather service publishes [daily|twice-daily|hourly] updates on its website and on [local radio|radio stations in {admin1}|television].",
            "Schools in {admin1} adjusted their hours to avoid the hottest part of the afternoon.",
            "Last season's rains were below average, leaving many wells in the {unit} almost dry.",
            "[Night-time|Early morning] temperatures [fell below freezing|dropped to {cold} degrees] in [the highlands|villages above {other}].",
            "[Livestock owners|Herders|Farmers] in the {unit} said [pasture was recovering|the grass had turned green|the dry spell had lasted too long].",
            "[Forecasters|Climate experts] said [the season|this year's rains|the summer] had been [unusually long|wetter than average|hotter than in {year}].",
        ],
    },
    "politics": {
        "story": [
            ("Parliament approves new electoral law",
             "Parliament approved a new electoral law {date} after months of debate, the speaker's office said."),
            ("Governor of {admin1} names new cabinet",
             "The governor of {admin1} named a new [provincial|regional] cabinet {date}, replacing [five|four|six] of its members."),
            ("President visits {town} to open hospital wing",
             "The president travelled to {town} {date} to open a new wing of the regional hospital."),
            ("Opposition parties agree on joint candidate",
             "Three opposition parties said {date} that they had chosen a joint candidate for next year's election."),
            ("Cabinet reshuffle brings new faces to key ministries",
             "The prime minister appointed new ministers of [health|education|agriculture] and [transport|energy|water] {date}."),
        ],
        "body": [
            "The new law changes the way seats are distributed among the provinces, [giving {admin1} [one|two] more|leaving {admin1} with the same number|a change long sought by lawmakers from {town}].",
            "[Opposition members|Independent deputies|Lawmakers from {admin1}] said the reform did not go far enough but voted in favour.",
            "The electoral commission said voter registration would open [in the first week of next month|in {month}|after the holiday] [in {admin1}|nationwide|].",
            "{Official} said the government would present its programme to parliament within thirty days.",
            "Political analysts in {capital} said the appointments were meant to reassure business leaders.",
            "The new hospital wing has [sixty|eighty|forty] beds and a modern maternity unit, health officials said.",
            "Local leaders in {admin1} asked the government for more funding for rural schools.",
            "The [prime minister|president|speaker] thanked lawmakers for what he called a [responsible|serious|constructive] debate.",
            "[Several|Most|Five] ministers kept their posts, including those responsible for [finance and foreign affairs|defence and interior|oil and electricity].",
            "Turnout at the last election [in {admin1}|in {year}|] was [just over half|about 44 percent|under 40 percent] of registered voters.",
            "The speaker of parliament said the session would resume [after the holiday|next week|on [Monday|Tuesday|Sunday]].",
            "[Civil society groups|Journalists' unions|Lawyers in {capital}] welcomed the decision to publish the full text of the law online.",
            "[The new minister|The governor|The candidate] [previously served as|was formerly|spent ten years as] [mayor of {town}|a university professor|a senior civil servant].",
            "[Lawmakers|Members of the provincial council] from {admin1} said they would [push for|ask for] [more money for roads|a new university campus|faster payment of salaries].",
            "[The president|The prime minister] [met|received] [tribal leaders|business owners|women's groups] from {admin1} [during the visit|later in the day|at the governor's residence].",
        ],
    },
    "health": {
        "story": [
            ("Vaccination drive reaches villages around {town}",
             "Health workers began a two-week vaccination drive in villages around {town} {date}, aiming to reach [20,000|45,000|80,000] children."),
            ("New clinic opens in {town}",
             "A new clinic opened in {town} {date}, offering free consultations to pregnant women and young children."),
            ("Health ministry reports fall in malaria cases",
             "The health ministry said {date} that malaria cases in {admin1} had fallen by {pct} percent compared with last year."),
            ("Doctors graduate from {town} medical school",
             "More than two hundred doctors received their degrees at a ceremony in {town} {date}."),
        ],
        "body": [
            "Teams travelled by [motorbike|boat|donkey and on foot] to reach communities [far from the main roads|in the hills around {town}|in the {unit}].",
            "The clinic [in {town}|near {other}|] was built with funding from [an international development agency|the provincial budget|a group of local businessmen].",
            "Officials [in {admin1}|] credited the distribution of bed nets and better access to testing [in rural areas|at village clinics|since {year}].",
            "Many of the new doctors are expected to work in [rural hospitals|clinics in the {unit}|the hospital in {other}] for at least [two|three] years.",
            "{Official} said the ministry would recruit more nurses for district hospitals.",
            "Parents queued from early morning outside the health centre in {town}.",
            "The ministry plans to extend the programme to [three|four|two] more [provinces|districts] [next year|by {month}|after {admin1}].",
            "[Doctors|Nurses|Health workers] said the clinic would also run classes on [nutrition|hygiene|vaccination] for [new mothers|parents|young families] [in {town}|].",
            "Medical supplies are delivered every month from the central warehouse in {capital}.",
            "[Local volunteers|Students from {town}|Community health workers] helped register families and explain the programme.",
            "[Cases of measles|Cases of cholera|Hospital admissions for diarrhoea] in the {unit} [fell|dropped] [last year|this season] after [a cleaner water supply|a vaccination drive|a public awareness campaign].",
            "[The hospital|The clinic|The health centre] in {other} [still lacks|is waiting for|recently received] [an X-ray machine|a generator|an ambulance], [staff said|according to its director].",
        ],
    },
    "culture": {
        "story": [
            ("Book fair opens in {town}",
             "The annual book fair opened in {town} {date}, with more than {n2} publishers taking part."),
            ("Film festival celebrates local talent",
             "A week-long film festival began in {capital} {date}, showing dozens of films by young directors."),
            ("Restored old market reopens to visitors",
             "The restored old market in {town} reopened to visitors {date} after two years of work."),
            ("Music festival returns to {town} after three years",
             "Thousands of people attended the opening night of a music festival in {town} {date}."),
        ],
        "body": [
            "Organisers said [children's books and poetry|history and novels|cookbooks and poetry] were among the most popular sections [this year|at the fair in {town}|].",
            "Many of the films deal with [family life|exile|childhood], [migration|work|faith] and the changing face of [the countryside|{admin1}|the cities].",
            "Craftsmen returned to their workshops in the [market|old bazaar of {town}|covered market], selling [carpets, copper and spices|pottery and textiles|leather goods and silver].",
            "The festival brings together musicians from every part of {country}.",
            "The ministry of culture said it hoped the event would attract more visitors to {admin1}.",
            "Entry was free for [students and schoolchildren|residents of {town}|pensioners and students], the organisers said.",
            "[Local restaurants|Hotels in {town}|Cafes in the old city] reported one of their busiest [weekends|weeks] of the year.",
            "A panel of [writers|publishers|poets from {admin1}] discussed the future of [publishing|the book trade|libraries] in the digital age.",
            "The restoration kept the original [stone arches|brick vaults|tiled facades] and wooden doors of the old [shops|caravanserai|houses].",
            "The closing ceremony [in {town}|on {month} 30|] will include an award for the best [first film|documentary|short film].",
            "[A singer|A poet|A novelist] from {other} [drew the largest audience|received a standing ovation|signed books for hours] on the [first|second|last] evening.",
            "[Historians|Architects|Local guides] say the [market|old quarter|main mosque|clock tower] of {town} dates back [several centuries|to the nineteenth century|more than 300 years].",
        ],
    },
}

NAV_LINES = ["Home", "News", "World", "Politics", "Business", "Sport", "Middle East", "Africa", "Asia", "Menu",
             "Search", "Subscribe", "Log in", "Latest News", "Opinion", "Video"]
END_CHROME = [
    ["Share this article", "Facebook", "Twitter", "WhatsApp", "Copy link"],
    ["Subscribe to our newsletter for the latest news from the region."],
    ["Sign up for our newsletter"],
    ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
    ["We use cookies to improve your experience. Accept cookies"],
]
RELATED_HEADLINES = [
    "Gunmen kill two police officers in {other}", "Bomb blast near {other} market wounds five",
    "Farmers in {other} count losses after floods", "Protesters block road into {other}",
    "Governor visits {other} after attack", "Army says it killed militants near {other}",
    "New bridge opens in {other}", "Election preparations under way in {admin1}",
    "Teachers in {admin1} still waiting for salaries", "Cattle prices fall at {other} market",
]


# ---------------------------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------------------------


# words that open a lead sentence and are not names: lowercased after "In a separate incident, "
_COMMON_STARTS = ({"a", "an", "the", "several", "heavy", "hundreds", "dozens", "scores", "more", "about", "angry",
                   "demonstrators", "rioters", "riot", "security", "fighter", "artillery", "local", "representatives",
                   "police", "troops", "soldiers", "government", "gunmen", "unknown", "unidentified", "armed", "masked",
                   "suspected", "at", "some", "nearly", "communist", "separatists", "separatist", "clan", "insurgents",
                   "tribal", "rival", "militias", "herders", "herdsmen"}
                  | set(_UNITS) | {noun for noun, _ in CIVILIAN_NOUNS})


def _sentences(rng: random.Random, pool: list[str], k: int, s: Slots, used: set[str]) -> list[str]:
    """k sentences from `pool`, preferring templates this article has not used yet."""
    fresh = [t for t in pool if t not in used] or pool
    picked = rng.sample(fresh, min(k, len(fresh)))
    used.update(picked)
    return [fill(t, s) for t in picked]


def _quotes(rng: random.Random, c: Country, pool: list[str], k: int, s: Slots, used: set[str]) -> list[str]:
    """k quotes from `pool`, each by a new speaker."""
    out = []
    for _ in range(k):
        s["person"], s["official"] = person(rng, c), rng.choice(OFFICIALS)
        out += _sentences(rng, pool, 1, s, used)
    return out


def make_article(index: int, seed: int, world: World) -> dict:
    """Article `index` of the corpus for `seed` (a JSON-ready dict)."""
    rng = random.Random(f"{seed}:{index}")
    c = rng.choices(world.countries, weights=world.weights)[0]
    published = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    outlet, domain = rng.choice(OUTLETS)
    place = pick_place(rng, c)
    other = pick_place(rng, c, avoid=place, near=place)
    target_words = int(rng.triangular(300, 1000, 350))
    has_incident = rng.random() < 0.7
    s = Slots(country=c.name, capital=c.capital, town=place.name, admin1=place.admin1, unit=c.unit_for(place.admin1),
              other=other.name, outlet=outlet, person=person(rng, c), official=rng.choice(OFFICIALS),
              group=rng.choice(rng.choice(c.group_names)) if c.group_names else "armed groups",
              month=rng.choice(MONTHS), month2=rng.choice(MONTHS), year=str(published.year - rng.randint(1, 6)),
              year2=str(published.year - rng.randint(1, 9)), n=num(rng, rng.randint(3, 40)),
              n3=num(rng, rng.randint(2, 30)), n4=num(rng, rng.randint(3, 25)),
              big=rng.choice(["12,000", "25,000", "40,000", "60,000", "150,000", "300,000", "450,000", "800,000",
                              "1.2 million", "2 million"]),
              pct=str(rng.randint(3, 35)), pct2=f"{rng.randint(1, 6)}.{rng.randint(0, 9)}", temp=str(rng.randint(39, 49)),
              cold=f"minus {rng.randint(2, 9)}", age=str(rng.randint(17, 24)), n2=str(rng.randint(40, 300)))
    s.rng = rng
    used: set[str] = set()
    paragraphs: list[str] = []
    kinds: list[str] = []
    tail: list[str] = []  # paragraphs that close an incident story (response, background)
    if has_incident:
        _, when = date_phrase(rng, published)
        kind = rng.choices(INCIDENT_KINDS, weights=INCIDENT_WEIGHTS)[0]
        first = incident(rng, c, kind, place, when, outlet, world)
        kinds.append(kind)
        headline = first.headline
        paragraphs.append(" ".join([first.lead] + rng.sample(first.extra, rng.randint(1, 2))))
        paragraphs.append(" ".join(_quotes(rng, c, QUOTES_INCIDENT, rng.randint(1, 2), s, used)))
        if rng.random() < 0.3:  # a second incident elsewhere in the country
            kind2 = rng.choices(INCIDENT_KINDS, weights=INCIDENT_WEIGHTS)[0]
            _, when2 = date_phrase(rng, published)
            second = incident(rng, c, kind2, other, when2, outlet, world)
            kinds.append(kind2)
            intro = rng.choice(["In a separate incident, ", "Elsewhere in the country, ", "",
                                f"In another development in {c.name}, "])
            first_word = second.lead.split()[0]
            lead2 = (second.lead[0].lower() + second.lead[1:] if intro and first_word.lower() in _COMMON_STARTS
                     else second.lead)
            paragraphs.append(intro + lead2 + " " + rng.choice(second.extra))
        tail.append(" ".join(_sentences(rng, RESPONSE, rng.randint(1, 2), s, used)))
        if rng.random() < 0.8:
            tail.append(" ".join(_sentences(rng, BACKGROUND, rng.randint(1, 3), s, used)))
        filler = SECURITY_CONTEXT + GENERAL
        quotes = QUOTES_GENERAL
    else:
        topic = rng.choice(list(TOPICS))
        pool = TOPICS[topic]
        _, s["date"] = date_phrase(rng, published)
        head, lead = rng.choice(pool["story"])
        headline = cap(fill(head, s))
        paragraphs.append(" ".join([fill(lead, s)] + _sentences(rng, pool["body"], rng.randint(1, 3), s, used)))
        filler = pool["body"] * 2 + GENERAL  # topic sentences first, then the town's general news
        quotes = QUOTES_GENERAL
    # pad to the target length with context paragraphs of 2-4 sentences, now and then a quote
    words = sum(len(p.split()) for p in paragraphs + tail)
    while words < target_words:
        sentences = _sentences(rng, filler, rng.randint(2, 4), s, used)
        if rng.random() < 0.3:
            sentences += _quotes(rng, c, quotes, 1, s, used)
        para = " ".join(sentences)
        paragraphs.append(para)
        words += len(para.split())
    paragraphs += tail

    layout = "page" if rng.random() < 0.7 else "body"
    if rng.random() < 0.6:
        city = place.name if rng.random() < 0.6 else c.capital
        style = rng.choice(["{CITY}, {country} ({outlet}) — ", "{CITY} — ", "{city}, {country}: ", "{CITY} ({outlet}) - "])
        paragraphs[0] = fill(style, Slots(CITY=city.upper(), city=city, country=c.name, outlet=outlet)) + paragraphs[0]
    if layout == "page":
        lines = rng.sample(NAV_LINES, rng.randint(2, 6))
        lines.append(headline)
        if rng.random() < 0.7:
            lines.append(f"By {person(rng, c)}" + (f", {outlet}" if rng.random() < 0.3 else ""))
        lines.append(rng.choice([f"Published: {long_date(published)} {rng.randint(6, 22):02d}:{rng.choice(['00', '15', '30', '45'])}",
                                 long_date(published), f"Updated {rng.randint(1, 11)} hours ago",
                                 f"{MONTHS[published.month - 1]} {published.day}, {published.year}"]))
        if rng.random() < 0.3:
            lines.append(f"{rng.randint(2, 6)} min read")
        body = list(paragraphs)
        if rng.random() < 0.4:
            body.insert(1, rng.choice([f"Residents walk through the centre of {place.name}. Photo: {outlet}",
                                       f"A view of {place.name} from the main road. Photo: {outlet}",
                                       f"Market stalls in {place.name}. File photo"]))
        lines += body
        for block in rng.sample(END_CHROME, rng.randint(1, 2)):
            lines += block
        if rng.random() < 0.6:
            lines.append("Related:")
            lines += [fill(h, s) for h in rng.sample(RELATED_HEADLINES, 3)]
        if rng.random() < 0.5:
            lines.append(f"Tags: {c.name}, {place.name}, {rng.choice(['security', 'economy', 'society', 'region'])}")
        lines.append(f"© {published.year} {outlet}. All rights reserved.")
        text = ("\n\n" if rng.random() < 0.5 else "\n").join(lines)
    else:
        text = "\n\n".join(paragraphs)
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60]
    article = {
        "id": f"synth-{seed}-{index:07d}",
        "outlet": outlet,
        "url": f"https://www.{domain}/{published.year}/{published.month:02d}/{slug}-{index}",
        "published": published.isoformat(),
        "layout": layout,
        "topic": ("incident:" + "+".join(kinds)) if kinds else topic,
        "text": text,
    }
    if rng.random() < 0.85:
        article["country"] = c.iso3
    return article


def iter_articles(count: int, seed: int = 1, world: World | None = None, start: int = 0) -> Iterator[dict]:
    """Articles start .. start+count-1 of the corpus for `seed`, one at a time."""
    world = world or load_world()
    for i in range(start, start + count):
        yield make_article(i, seed, world)


def write_corpus(count: int, out: Path, seed: int = 1, files: int = 1, world: World | None = None) -> list[Path]:
    """Write `count` articles as JSONL into `files` files (out, or out's stem + -NNN.jsonl); returns the paths."""
    world = world or load_world()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    files = max(1, min(files, max(count, 1)))
    paths = [out] if files == 1 else [out.with_name(f"{out.stem}-{k:03d}{out.suffix or '.jsonl'}") for k in range(files)]
    for k, path in enumerate(paths):
        lo, hi = k * count // files, (k + 1) * count // files
        with open(path, "w", encoding="utf-8") as f:
            for article in iter_articles(hi - lo, seed, world, start=lo):
                f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="output .jsonl (with --files K: OUT-000.jsonl ...)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files", type=int, default=1, help="split the articles over this many files")
    args = parser.parse_args(argv)
    paths = write_corpus(args.count, args.out, args.seed, args.files)
    print(f"wrote {args.count} articles to {len(paths)} file(s): {paths[0]}" + (" ..." if len(paths) > 1 else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
