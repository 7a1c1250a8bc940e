"""Place finding and resolution on real-looking sentences (Iraq in full, other countries via the world layer)."""

from __future__ import annotations

import pytest
from geopy.distance import distance

from coder.errors import DataFileError
from coder.places import Gazetteer, PlaceContext, find_place_mentions, fold_key, load_region_policy


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _mentions(gaz, text, iso3="IRQ", offset=0):
    return find_place_mentions(text, offset, gaz, PlaceContext(iso3=iso3))


def _first(gaz, text, iso3="IRQ"):
    found = [m for m in _mentions(gaz, text, iso3) if m.place is not None]
    assert found, f"no place found in {text!r}"
    return found[0]


@pytest.mark.parametrize("a, b", [
    ("Fallujah", "Falluja"), ("Nasiriyah", "Nassiriya"), ("Rawa", "Rawah"), ("Sulaimani", "Sulaymaniyah"),
    ("Tobji", "Tobchi"), ("Al-Anbar", "Anbar"), ("Heet", "Hit"), ("Kadhimiya", "Kadhimiyah"),
])
def test_transliteration_variants_share_a_key(a, b):
    assert fold_key(a) == fold_key(b)


# sentence, iso3 context, expected name (folded), precision, admin1, (lat, lon), max km, relation
CASES = [
    ("Gunmen killed two farmers in Rawa on Tuesday.", "IRQ", "rawa", 1, "Al-Anbar", (34.47, 41.92), 5, "in"),
    ("A bomb went off in the town of Heet, police said.", "IRQ", "hit", 1, "Al-Anbar", (33.64, 42.83), 10, "in"),
    ("Islamic State militants attacked an army post near Tikrit.", "IRQ", "tikrit", 2, "Salah Al-Din",
     (34.61, 43.68), 10, "near"),
    ("Mortar rounds fell on the outskirts of Kirkuk overnight.", "IRQ", "kirkuk", 2, "Kirkuk", (35.47, 44.39), 10,
     "outskirts"),
    ("Security forces clashed with gunmen in Diyala governorate.", "IRQ", "diyala", 3, "Diyala", (33.75, 44.61),
     15, "in"),
    ("An IED exploded in Ana district on Monday.", "IRQ", "ana", 2, "Al-Anbar", (34.37, 41.98), 10, "in"),
    ("Protesters gathered in Nassiriya for a third day.", "IRQ", "nasiri", 1, "Thi Qar", (31.05, 46.26), 10, "in"),
    ("The blast in Falluja wounded four.", "IRQ", "faluja", 1, "Al-Anbar", (33.35, 43.78), 10, "in"),
    ("Turkish drones struck a village near Sulaimani.", "IRQ", "sulaimani", 2, "Al-Sulaymaniyah",
     (35.56, 45.43), 10, "near"),
    ("A rocket landed 10 km north of Basra on Friday.", "IRQ", "basra", 2, "Al-Basrah", (30.51, 47.78), 10,
     "north of"),
    ("Two rockets hit the Green Zone late on Sunday.", "IRQ", "Green Zone", 1, "Baghdad", (33.30, 44.38), 5, None),
    ("Air strikes hit rebel positions near Aleppo.", "SYR", "alepo", 2, "Aleppo", (36.20, 37.16), 10, "near"),
    ("Gunmen stormed a school in Maiduguri.", "NGA", "maiduguri", 1, "Borno", (11.85, 13.16), 10, "in"),
    ("Fighting continued in Idlib province.", "SYR", "idlib", 3, "Idlib", (35.93, 36.63), 40, "in"),
    ("A suicide bomber struck in Kabul on Saturday.", "AFG", "kabul", 1, "Kabul", (34.53, 69.17), 10, "in"),
    ("Houthi missiles were fired at Aden.", "YEM", "aden", 1, "Aden", (12.78, 45.04), 10, "in"),
]


@pytest.mark.parametrize("text, iso3, key, precision, admin1, point, km, relation", CASES)
def test_resolves_place(gaz, text, iso3, key, precision, admin1, point, km, relation):
    m = _first(gaz, text, iso3)
    assert fold_key(key) in fold_key(m.text)
    assert m.geo_precision == precision
    assert fold_key(m.place.admin1 or "") == fold_key(admin1)
    assert distance(point, (m.place.latitude, m.place.longitude)).km <= km
    assert m.relation == relation
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, iso3, admin1_subset, max_lat", [
    ("A convoy was hit by a roadside bomb in southern Iraq.", "IRQ", {"Al-Basrah", "Thi Qar"}, 33.3),
    ("Clashes were reported in the south of the country.", "IRQ", {"Al-Basrah", "Maysan"}, 33.3),
    ("Regime shelling continued in northwestern Syria.", "SYR", {"Idlib"}, 40),
    ("Boko Haram fighters raided two villages in northeastern Nigeria.", "NGA", {"Borno", "Yobe"}, 15),
    ("Taliban fighters attacked checkpoints across southern Afghanistan.", "AFG", {"Helmand"}, 33),
])
def test_vague_regions(gaz, text, iso3, admin1_subset, max_lat):
    m = _first(gaz, text, iso3)
    assert m.relation == "region" and m.geo_precision == 3
    assert admin1_subset <= set(m.region_admin1)
    assert m.place.latitude < max_lat and m.place.iso3 == iso3


def test_western_province_is_the_province(gaz):
    m = _first(gaz, "Militants ambushed a patrol in western Anbar.")
    assert m.place.feature == "admin1" and m.place.name == "Al-Anbar"
    assert m.geo_precision == 3 and m.relation == "region" and m.region_admin1 == ["Al-Anbar"]


@pytest.mark.parametrize("text, iso3, capital", [
    ("Another person was killed in the capital in a car bombing.", "IRQ", "Baghdad"),
    ("Thousands marched in the Syrian capital.", None, "Damascus"),
    ("A car bomb exploded in the capital on Monday.", "AFG", "Kabul"),
])
def test_the_capital(gaz, text, iso3, capital):
    m = _first(gaz, text, iso3)
    assert m.relation == "capital" and m.geo_precision == 1 and m.place.name == capital


@pytest.mark.parametrize("text, bearing, relation", [
    ("A roadside bomb hit a convoy on a highway south of Baghdad.", 180.0, "south of"),
    ("The attack took place 30 km northeast of Mosul.", 45.0, "northeast of"),
    ("Gunmen opened fire west of Ramadi.", 270.0, "west of"),
])
def test_directional_phrases(gaz, text, bearing, relation):
    m = _first(gaz, text)
    assert m.relation == relation and m.bearing == bearing and m.geo_precision == 2


def test_between_records_the_first_place(gaz):
    ms = _mentions(gaz, "A bomb hit a minibus on the road between Kirkuk and Tikrit.")
    assert [fold_key(m.place.name) for m in ms][:2] == ["kirkuk", "tikrit"]
    assert ms[0].relation == "between" and ms[0].geo_precision == 2


@pytest.mark.parametrize("text", [
    '"The factions have presented a conditional ceasefire," Mohammed Mohi, spokesperson for the group told Reuters.',
    "Iraqi President Barham Salih met the envoy.",
    "Police Captain Hatem Al-Jabri said the car was destroyed.",
    "Foreign Minister Fuad Hussein spoke to Al-Iraqiya channel late on Monday.",
    "The Iran-backed Kataib Hezbollah group denied involvement.",
    "Sunday was calm, the Iraqi and Syrian officials said.",
    "An official said both sides agree on a ceasefire. As we know, you do not log in.",
    "Agree or not, Hamas fighters and the Mahdi Army were blamed.",
    "Lawmakers from the East and Central blocs met.",
])
def test_people_organisations_and_adjectives_are_not_places(gaz, text):
    assert [m for m in _mentions(gaz, text) if m.place is not None and m.place.feature != "country"] == []


def test_metonymy_of_capitals(gaz):
    ms = _mentions(gaz, "Tensions between Baghdad and Washington have grown since January.")
    assert [m.relation for m in ms] == ["metonym", "metonym"]


@pytest.mark.parametrize("text", [
    "If Washington fails to withdraw troops, the factions will resume attacks.",
    "Washington, which is reducing its troops, threatened to shut its embassy.",
    "Ankara has accused the PKK of the attack.",
])
def test_foreign_capitals_as_governments_are_metonyms(gaz, text):
    ms = [m for m in _mentions(gaz, text) if m.place is not None and m.place.feature != "country"]
    assert ms and all(m.relation == "metonym" for m in ms)


def test_compound_adjectives_are_not_places(gaz):
    ms = _mentions(gaz, "U.S.-led coalition troops and Iran-backed militias clashed in Baghdad.")
    assert [m.place.name for m in ms] == ["Baghdad"]


def test_neighbourhood_needs_its_town(gaz):
    text = "The house exploded in Al-Jabal neighbourhood in Rawa district of the Anbar province."
    ms = _mentions(gaz, text)
    assert ms[0].place.feature == "neighbourhood" and ms[0].geo_precision == 1
    assert ms[0].place.admin3 == "Rawa"
    assert ms[1].geo_precision == 2 and ms[2].geo_precision == 3
    alone = _mentions(gaz, "The blast hit Al-Jabal neighbourhood on Sunday.", iso3="IRQ")
    assert all(m.place is None or m.place.feature != "neighbourhood" for m in alone)


def test_unknown_name_stays_unresolved_with_known_anchor(gaz):
    ms = _mentions(gaz, "A bomb exploded in the Al-Zumurrudiyya area, west of Baghdad.")
    resolved = [m for m in ms if m.place is not None]
    assert resolved[0].place.name == "Baghdad" and resolved[0].geo_precision == 2
    assert "Al-Zumurrudiyya" in resolved[0].unresolved


def test_one_transposition_is_accepted_only_near_other_places(gaz):
    ms = _mentions(gaz, "He was passing through Al-Tobij area, west of Baghdad.")
    assert ms[0].place.name == "Al-Tobji" and ms[0].geo_precision == 1
    ms = _mentions(gaz, "He was passing through Al-Tobij area.")
    assert all(m.place is None for m in ms) and ms[0].unresolved == ["Al-Tobij"]


def test_offsets_are_absolute(gaz):
    ms = _mentions(gaz, "Clashes in Mosul.", offset=100)
    assert (ms[0].start, ms[0].end) == (111, 116)


def test_country_context_decides_ambiguity(gaz):
    assert _first(gaz, "Clashes erupted in Tripoli.", iso3="LBY").place.iso3 == "LBY"
    assert _first(gaz, "Clashes erupted in Tripoli.", iso3="LBN").place.iso3 == "LBN"


def test_world_cities_give_country_context(gaz):
    for name, iso3 in [("Gaza City", "PSE"), ("Doha", "QAT"), ("Cairo", "EGY"), ("Aleppo", "SYR")]:
        assert _first(gaz, f"Talks were held in {name} on Sunday.", iso3=None).place.iso3 == iso3


def test_lookup_helpers(gaz):
    assert gaz.capital("IRQ").name == "Baghdad"
    assert gaz.country("Syria").iso3 == "SYR" and gaz.country("IRQ").feature == "country"
    assert gaz.countries["IRQ"].region == "Middle East" and gaz.countries["EGY"].region == "Northern Africa"
    assert gaz.countries["NGA"].region == "Western Africa"
    assert len(gaz.version) == 64


@pytest.mark.parametrize("toml, detail", [
    ('[[region]]\ncountry = "IRQ"\ndirection = "south"\nadmin1 = ["Babil"]\npoint = "Hillah"\ncolour = "red"\n',
     "unknown key"),
    ('[[region]]\ncountry = "IRQ"\ndirection = "southish"\nadmin1 = ["Babil"]\npoint = "Hillah"\n', "direction"),
    ('[[region]]\ncountry = "IRQ"\ndirection = "south"\npoint = "Hillah"\n', "missing"),
    ('regions = []\n', "unknown top-level key"),
    ('[[region]\n', "not valid TOML"),
])
def test_malformed_regions_file_is_refused(tmp_path, toml, detail):
    path = tmp_path / "regions.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(DataFileError) as exc:
        load_region_policy(path)
    assert str(path) in str(exc.value) and detail in str(exc.value)


def test_region_admin1_must_exist_in_gazetteer(tmp_path):
    path = tmp_path / "regions.toml"
    path.write_text('[[region]]\ncountry = "IRQ"\ndirection = "south"\nadmin1 = ["Atlantis"]\npoint = "Hillah"\n')
    with pytest.raises(DataFileError, match="Atlantis"):
        Gazetteer.load(regions=path)


def test_a_country_named_in_the_story_does_not_frame_out_its_towns(gaz):
    # "central Mali" names the whole country: the town in "the Bandiagara area" is still read
    from coder.places import story_frame

    text = "Gunmen attacked soldiers in the Bandiagara area of central Mali on Sunday, the army said."
    blank = find_place_mentions(text, 0, gaz, PlaceContext(iso3="MLI", anchors=[], published=None))
    frame = story_frame(blank, "MLI")
    found = find_place_mentions(text, 0, gaz, PlaceContext(iso3="MLI", anchors=[], published=None, frame=frame))
    assert any(pm.place is not None and pm.place.name == "Bandiagara" for pm in found)


def test_pattern_prechecks_never_reject_a_match():
    """The cheap tests that spare most sentences a pattern (coder.places) are necessary conditions: whenever the
    pattern matches, its test passes. A word added to a pattern must be added to its test too, or output changes."""
    import random

    from coder import places as P

    rnd = random.Random(0)
    words = {*P._SPEECH_FIRST, *P._ORG_FIRST, *P._SITE_FIRST, *P._NOUNS, *P._NATURAL_NOUNS, *P._UNIT_OF_WORDS,
             *(w for ws in P._RELATION_WORDS.values() for w in ws), "command", "base", "field", "fields", "crossing",
             "plant", "station", "range", "town", "to", "rest", "of", "in", "at", "within", "the", "near", "and", "or",
             "from", "close", "next", "laid", "km", "10", "Kirkuk", "Al-Qaim", "el Bab", "Sinjar", "(Amadiya)", ",",
             "-", "(", ")", "x", "sand", "backed", "based", "led", "Ash-Shura", "Mt.", "Mount", "Jabal", "Wadi",
             "in support of", "solidarity with", "protesters in", "south of", "countryside of"}
    vocab = sorted({v for w in words for v in (w, w.title(), w.upper())})
    seps = [" ", " ", " ", "  ", ", ", "-", "\t"]
    checks = [(lambda t: P._SPEECH.match(t), lambda t: P._LEAD_WORD.match(t).group(1).lower() in P._SPEECH_FIRST),
              (lambda t: P._ORG_AFTER.match(t), lambda t: P._LEAD_WORD.match(t).group(1).lower() in P._ORG_FIRST),
              (lambda t: P._SITE_AFTER.match(t), lambda t: P._LEAD_WORD.match(t).group(1).lower() in P._SITE_FIRST),
              (lambda t: P._AFTER_NOUN.match(t), lambda t: P._LEAD_WORD.match(t).group(1).lower() in P._NOUN_FIRST),
              (lambda t: P._BEFORE_NOUN.search(t), lambda t: P._may_have(t, P._NOUN_WORDS)),
              (lambda t: P._UNIT_OF_BEFORE.search(t), lambda t: P._may_have(t, P._UNIT_OF_WORDS)),
              (lambda t: P._UNKNOWN_FRAME.search(t), lambda t: P._UNKNOWN_FRAME_CORE.search(t)),
              (lambda t: P._ADJ_COMPOUND.match(t), lambda t: t[:1] in "-."),
              (lambda t: P._COMPOUND_AFTER.match(t), lambda t: "-" in t[:2])]
    checks += [(lambda t, p=pat: p.search(t), lambda t, ws=P._RELATION_WORDS[rel]: P._may_have(t, ws))
               for rel, pat in P._RELATIONS if rel in P._RELATION_WORDS]
    fired = [0] * len(checks)
    # texts each pattern matches (so that every pattern is tried whatever the random texts are), then random ones
    fixed = [" said", " Brigade", " airport", " district", "the district of ", "the Zap region of ",
             "the village of Xyz", "-backed", "-Baghdad road", "in support of ", "between ", "on the outskirts of ",
             "near ", "10 km south of ", "the funeral in ", "the governor of ", "residents of "]
    for n in range(20_000 + len(fixed)):
        if n < len(fixed):
            text = fixed[n]
        else:
            lead = rnd.choice(["", " ", ", ", " - ", "-", ".-"])
            text = lead + "".join(rnd.choice(vocab) + rnd.choice(seps) for _ in range(rnd.randint(1, 7)))
        for i, (pattern, test) in enumerate(checks):
            if pattern(text):
                fired[i] += 1
                assert test(text), (i, text)
        assert bool(P._LIST_SEP.search(text)) == P._ends_in_and_or(text), text
        ends = {m.end() for m in P._UNKNOWN_IN_FRAME.finditer(text)}
        assert all(P._may_end_in_frame(text, s) for s in ends), text
    assert all(fired), str(fired)  # every pattern was tried


def test_end_anchored_searches_from_the_last_tokens_find_the_same_match():
    """coder.places._search_end starts an end-anchored search where the last few tokens of the text begin; for the
    patterns it is used with (their matches span at most that many tokens) it finds exactly what a search of the
    whole text finds. A pattern changed so that a match can span more tokens must leave _RELATION_BOUNDED."""
    import random

    from coder import places as P

    rnd = random.Random(1)
    vocab = ["in", "at", "of", "the", "on", "outskirts", "edge", "near", "nearby", "close", "to", "vicinity", "not",
             "far", "from", "governor", "officials", "native", "residents", "hails", "home", "town", "hometown",
             "between", "Kirkuk", "He", "said.", "x-in", "region", "district)", ")", "sub-district", "province",
             "within", "into", "outside", "next", "Al-Qasim", "struck", "(", "village", "Mr.", "Street"]
    seps = [" ", " ", "  ", "\n", " \t", ", ", ". ", "-"]
    patterns = [(pat, 4) for rel, pat in P._RELATIONS if rel in P._RELATION_BOUNDED]
    patterns += [(P._BEFORE_NOUN, 4), (P._UNIT_OF_BEFORE, 4), (P._NAME_BEFORE, 1)]
    found = [0] * len(patterns)
    for _ in range(20_000):
        text = "".join(rnd.choice(vocab) + rnd.choice(seps) for _ in range(rnd.randint(1, 9)))
        for i, (pat, tokens) in enumerate(patterns):
            whole, last = pat.search(text), P._search_end(pat, text, tokens)
            assert (whole and whole.span()) == (last and last.span()), (pat.pattern, text)
            found[i] += whole is not None
    assert all(found), found  # every pattern matched some texts
