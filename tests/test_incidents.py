"""Stage 3: sentences of an article -> incident mentions (with dates, places, actors, casualties)."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents import detect_mentions
from coder.models import Article
from coder.read.layout import analyse_layout
from coder.resources import load_resources
from coder.sentences import split_sentences


@pytest.fixture(scope="module")
def res():
    return load_resources()


def code(text: str, res, published=dt.date(2020, 11, 2)):  # a Monday
    segments, stories = analyse_layout(text, published)
    article = Article(article_id="t.txt", text=text, published=published, segments=segments, stories=stories)
    return detect_mentions(article, split_sentences(article), res)


CASES = [
    # (text, expected [(sub_event_type, admin1, killed, date)])
    ("Two separate explosions rocked Kirkuk and Diyala on Sunday, killing two people, police said.",
     [("Remote explosive/landmine/IED", "Kirkuk", 1, "2020-11-01"), ("Remote explosive/landmine/IED", "Diyala", 1, "2020-11-01")]),
    ("A roadside bomb struck an army patrol near Tarmiyah on Monday, wounding three soldiers.",
     [("Remote explosive/landmine/IED", "Baghdad", None, "2020-11-02")]),
    ("Islamic State militants attacked a checkpoint in Tuz Khurmatu on Sunday night, killing a soldier.",
     [("Armed clash", "Salah Al-Din", 1, "2020-11-01")]),
    ("Hundreds of students protested in Nasiriyah on Monday demanding jobs.",
     [("Peaceful protest", "Thi-Qar", 0, "2020-11-02")]),
    # codebook: one event per location per day, for a list of distinct places joined by "and"
    ("Police seized weapons and ammunition during raids in Kirkuk and Diyala on Sunday.",
     [("Disrupted weapons use", "Kirkuk", None, "2020-11-01"), ("Disrupted weapons use", "Diyala", None, "2020-11-01")]),
    # a chain of nested units joined by commas is one place
    ("A roadside bomb exploded near a farm in Tarmiyah, Baghdad on Sunday, wounding a farmer.",
     [("Remote explosive/landmine/IED", "Baghdad", None, "2020-11-01")]),
    # the ends of a road are one scene
    ("A roadside bomb exploded on the road between Tikrit and Kirkuk on Sunday, damaging a truck.",
     [("Remote explosive/landmine/IED", "Salah Al-Din", None, "2020-11-01")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_incidents(text, expected, res):
    mentions, _ = code(text, res)
    got = sorted((m.sub_event_type, m.location.place.admin1, m.killed, m.date.date.isoformat()) for m in mentions)
    want = sorted(expected)
    assert len(got) == len(want), got
    for (gs, ga, gk, gd), (ws, wa, wk, wd) in zip(got, want):
        assert gs == ws and gd == wd, got
        assert ga.replace("Al-", "").replace("-", " ").lower() in {wa.replace("Al-", "").replace("-", " ").lower(), "thi qar", "dhi qar"} or wa.lower() in ga.lower(), got
        assert gk == wk or (wk == 0 and gk is None), got


NOT_EVENTS = [
    # (text, the skip code that explains it; None when no trigger fires at all)
    ("US officials blame the group for dozens of rocket attacks against US installations in Iraq.", "S205"),
    ("If the troops stay, the factions will use all the weapons at their disposal, he warned.", None),
    ("In January, a drone strike killed a militia commander outside Baghdad airport.", "S201"),
    ("Roadside bombs have become a frequent occurrence on the highway north of Baghdad.", "S205"),
    ("A car bomb exploded somewhere in the country on Sunday, officials said.", "S203"),
]


@pytest.mark.parametrize("text,code_", NOT_EVENTS, ids=[c[0][:40] for c in NOT_EVENTS])
def test_not_events(text, code_, res):
    mentions, skips = code(text, res)
    assert mentions == []
    if code_:
        assert code_ in {s.code for s in skips}, skips


def test_summary_and_detail_sentences_fold_into_one_incident(res):
    text = ("A bomb exploded in Ramadi on Sunday, killing one person, police said.\n\n"
            "The device had been planted under a parked car in the city's Al-Tamim area, the police added.")
    mentions, _ = code(text, res)
    assert len(mentions) == 1
    assert len(mentions[0].evidence) in (1, 2)
    assert mentions[0].killed == 1


def test_caption_is_never_the_sole_basis(res):
    text = ("Soldiers stand guard at a checkpoint in Mosul, Iraq, Friday, March 27, 2020. (AP Photo)\n\n"
            "Officials in Baghdad discussed the budget on Monday.")
    mentions, skips = code(text, res)
    assert mentions == []


def test_offsets_point_into_the_text(res):
    text = "Breadcrumb\n\nA sticky bomb exploded under a car in Kirkuk on Sunday, killing its driver, police said."
    mentions, _ = code(text, res)
    assert mentions
    for ev in mentions[0].evidence:
        assert text[ev.start:ev.end] == ev.quote


def test_unknown_scene_is_coded_at_country_level_with_its_name(res):
    """A strike on a place the gazetteer lacks, in a story whose country is known, is not lost: it is coded at
    country level (precision 3, no admin units) with the name in `unresolved`."""
    text = "Turkish warplanes carried out air strikes on the Xalwetsor mountains in Iraq on Sunday, killing two PKK fighters."
    mentions, _ = code(text, res)
    assert [m.sub_event_type for m in mentions] == ["Air/drone strike"]
    loc = mentions[0].location
    assert (loc.place.feature, loc.place.iso3, loc.geo_precision, loc.place.admin1) == ("country", "IRQ", 3, None)
    assert any("Xalwetsor" in n for n in loc.unresolved)


def test_unknown_scenes_are_not_the_same_place_as_a_known_one(res):
    """Two country-level spots the gazetteer lacks are one place only when they are the same spot; never the same
    place as a town elsewhere in the country."""
    from coder.locations import locations_compatible
    a, = code("Turkish warplanes bombed the Xalwetsor mountains in Iraq on Sunday.", res)[0]
    b, = code("Turkish warplanes bombed the village of Bemzorinke in Iraq on Sunday.", res)[0]
    c, = code("Turkish warplanes bombed the town of Sinjar in Nineveh province on Sunday.", res)[0]
    again, = code("Turkish jets struck the Xalwetsor mountains in Iraq on Sunday.", res)[0]
    assert not locations_compatible(a.location, b.location)
    assert not locations_compatible(a.location, c.location)
    assert locations_compatible(a.location, again.location)


def test_destruction_told_after_the_violence_is_part_of_it(res):
    """Codebook: property destruction is a development of its own only outside other violence."""
    text = ("Coalition aircraft struck militant positions in the Shura hills south of Mosul on Sunday. "
            "Two tunnels were destroyed.")
    mentions, _ = code(text, res)
    assert [m.sub_event_type for m in mentions] == ["Air/drone strike"]
    assert len(mentions[0].evidence) == 2
    alone = "Troops destroyed two militant tunnels in the Shura hills south of Mosul on Sunday."
    assert [m.sub_event_type for m in code(alone, res)[0]] == ["Looting/property destruction"]


def test_arrest_of_the_attackers_is_part_of_the_attack(res):
    text = ("Gunmen abducted a shopkeeper from his home in Amarah on Sunday. "
            "The kidnappers were arrested by police later that day.")
    mentions, _ = code(text, res)
    assert [m.sub_event_type for m in mentions] == ["Abduction/forced disappearance"]
    alone = "Police arrested a senior Islamic State leader in Amarah on Sunday."
    assert [m.sub_event_type for m in code(alone, res)[0]] == ["Arrests"]


def test_protest_at_the_national_parliament_is_in_the_capital(res):
    text = "Supporters of an armed faction demonstrated in front of the Iraqi Parliament on Sunday to demand the expulsion of foreign forces."
    published = dt.date(2020, 11, 2)
    segments, stories = analyse_layout(text, published)
    article = Article(article_id="t.txt", text=text, published=published, segments=segments, stories=stories, country="IRQ")
    mentions, _ = detect_mentions(article, split_sentences(article), res)
    assert [(m.sub_event_type, m.location.place.name) for m in mentions] == [("Peaceful protest", "Baghdad")]


def test_arrests_and_deployments_closing_a_clash_are_part_of_it(res):
    text = ("Two tribes clashed with medium weapons in the Hayaniya area of Basra on Sunday, wounding three people. "
            "Security forces arrived to contain the clashes and arrested six people.")
    mentions, _ = code(text, res)
    assert [m.sub_event_type for m in mentions] == ["Armed clash"]
# --- riots, and the line between protests and riots (codebook: a protest that turns into a riot on one day and place
# is one Riots event; forces firing at rioters are part of it) ---------------------------------------------------

RIOT_STORIES = [
    # (text, [(event_type, sub_event_type, actor2, killed)])
    ("Hundreds of people protested outside the electricity directorate in Kut on Sunday over power cuts. "
     "Some of the protesters later threw stones at the building and set fire to its gate. "
     "Riot police fired tear gas to disperse the protesters.",
     [("Riots", "Violent demonstration", "Police Forces of Iraq (2020-)", None)]),
    ("Protesters burned tyres in Nasiriyah on Sunday. Security forces opened fire on them, killing two protesters.",
     [("Riots", "Violent demonstration", "Police Forces of Iraq (2020-)", 2)]),
    ("Security forces fired live ammunition at demonstrators who were throwing stones in Basra on Sunday, killing one.",
     [("Riots", "Violent demonstration", "Police Forces of Iraq (2020-)", 1)]),
    ("Police fired tear gas at stone-throwing youths in Kut on Sunday.",
     [("Riots", "Violent demonstration", "Police Forces of Iraq (2020-)", None)]),
    ("Dozens of demonstrators were injured in clashes with security forces in Nasiriyah on Sunday.",
     [("Riots", "Violent demonstration", "Police Forces of Iraq (2020-)", None)]),
    ("Protesters clashed with riot police in Kut on Sunday. Several shops and a bank branch were vandalised.",
     [("Riots", "Violent demonstration", "Police Forces of Iraq (2020-)", None)]),
    ("Security forces opened fire on protesters in Basra on Sunday, killing three.",
     [("Protests", "Excessive force against protesters", "Police Forces of Iraq (2020-)", 3)]),
    ("Students marched in Kut on Sunday to demand accountability for the killing of protesters in 2019.",
     [("Protests", "Peaceful protest", None, None)]),
    ("Angry relatives attacked doctors at the teaching hospital in Hilla on Sunday after a patient died.",
     [("Riots", "Mob violence", "Civilians (Iraq)", None)]),
    ("A suspected thief was caught by traders at the market in Kut on Sunday and beaten and burned to death.",
     [("Riots", "Mob violence", None, None)]),
]


@pytest.mark.parametrize("text,expected", RIOT_STORIES, ids=[c[0][:50] for c in RIOT_STORIES])
def test_riots_and_protests(text, expected, res):
    mentions, _ = code(text, res)
    got = [(m.event_type, m.sub_event_type, m.actors.actor2, m.killed) for m in mentions]
    for (et, sub, a2, killed), g in zip(expected, got):
        assert g[:2] == (et, sub), got
        if a2 is not None:
            assert g[2] == a2, got
        if killed is not None:
            assert g[3] == killed, got
    assert len(got) == len(expected), got


# ------------------------------------------------------------------ placing and separating incidents (issue 4)

def _one(text, res, published=dt.date(2020, 11, 2), country="IRQ"):
    segments, stories = analyse_layout(text, published)
    article = Article(article_id="t.txt", text=text, published=published, segments=segments, stories=stories,
                      country=country)
    return detect_mentions(article, split_sentences(article), res)[0]


def test_a_crowd_stopped_on_its_way_is_placed_where_it_set_out(res):
    (m,) = _one("On Sunday, demonstrators driving from Muthanna province to join the rally in Baghdad were stopped by "
                "security forces at a checkpoint.", res)
    assert m.event_type == "Protests" and m.location.place.admin1 == "Al-Muthanna"


def test_a_place_the_gazetteer_lacks_keeps_the_event_at_country_level(res):
    (m,) = _one("On Sunday, protesters in Qurtaspan threw stones at the offices of the ruling party.", res)
    assert m.sub_event_type == "Violent demonstration"
    assert m.location.geo_precision == 3 and m.location.place.feature == "country"
    assert m.location.unresolved == ["Qurtaspan"]


def test_a_site_named_after_a_town_is_placed_at_the_town(res):
    (m,) = _one("On Sunday, a roadside bomb exploded on the Kirkuk Airport road, damaging a truck.", res)
    assert m.location.place.admin1 == "Kirkuk" and m.location.geo_precision == 2


def test_a_sentence_that_opens_on_another_incident_is_not_folded_into_the_one_before(res):
    text = ("Traders protesting their eviction clashed with police in Basra on Sunday, throwing stones at officers. "
            "Separately, residents of a nearby neighbourhood of Basra beat a man accused of theft on Sunday night.")
    mentions = _one(text, res)
    assert sorted(m.sub_event_type for m in mentions) == ["Mob violence", "Violent demonstration"]


def test_a_development_that_answers_a_new_incident_is_coded_beside_it(res):
    mentions = _one("On Sunday, the army deployed troops around the airport in Basra after a rocket fell near its "
                    "runway.", res)
    assert {m.sub_event_type for m in mentions} == {"Change to group/activity", "Shelling/artillery/missile attack"}


def test_a_riot_keeps_the_force_used_against_it(res):
    (m,) = _one("On Sunday, a crowd of protesters threw stones at the guards of the governorate building in Kut; the "
                "police responded with tear gas.", res)
    assert m.sub_event_type == "Violent demonstration"


def test_a_week_named_in_passing_does_not_date_the_next_sentences(res):
    text = ("Gunmen raided two hamlets near Jos late on Sunday, shooting villagers, police said. The attackers had come "
            "to avenge cattle stolen from their camp the previous week. Dozens of houses were set on fire.")
    mentions = _one(text, res, published=dt.date(2021, 12, 7), country="NGA")
    assert {m.date.date for m in mentions} == {dt.date(2021, 12, 5)}


def test_a_claim_in_a_later_sentence_names_the_unidentified_side(res):
    text = ("A bomb hidden in a parked car exploded next to a police patrol in Quetta on Monday, killing two "
            "policemen. The Baloch Liberation Army claimed responsibility in a message to journalists.")
    (m,) = _one(text, res, published=dt.date(2021, 11, 8), country="PAK")
    assert m.actors.actor1 == "BLA: Baloch Liberation Army" and m.actors.actor2.startswith("Police Forces of Pakistan")


@pytest.mark.parametrize("follow_up", [
    "Security forces closed the roads leading to the area after the blast.",
    "Police cordoned off the scene on Sunday.",
    "Troops were deployed in the neighbourhood following the explosion.",
])
def test_a_measure_taken_at_the_scene_is_placed_there_not_at_the_capital(follow_up, res):
    # a development whose sentence names no place but points back at the incident's scene ("the area", "after the
    # blast") is placed where the story is set; only a decision told with no place at all goes to the capital
    mentions = _one("A roadside bomb exploded near an army patrol in Tikrit on Sunday, wounding two soldiers. "
                    + follow_up, res)
    developments = [m for m in mentions if m.event_type == "Strategic developments"]
    assert developments, [m.sub_event_type for m in mentions]
    assert all(m.location.place.admin1 == "Salah Al-Din" and m.location.geo_precision != 3 for m in developments)


def test_a_decision_with_no_place_stays_at_national_level(res):
    mentions = _one("A roadside bomb exploded near an army patrol in Tikrit on Sunday, wounding two soldiers. "
                    "On Sunday, the government ordered the closure of all militia offices.", res)
    developments = [m for m in mentions if m.event_type == "Strategic developments"]
    assert all(m.location.geo_precision == 3 and m.location.place.name == "Baghdad" for m in developments)
