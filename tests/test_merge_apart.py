"""Distinct incidents of one day and place that the merge must keep apart, and reports of one incident it must still
join: protests with different demands, crowds or workplaces; air strikes on several named areas."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import clusters, code_and_merge

from coder.grievances import grievances, same_grievance
from coder.resources import load_resources


@pytest.fixture(scope="module")
def res():
    return load_resources()


# --- what a protest is about -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, topic", [
    ("teachers rallied to demand salaries that are three months overdue", "pay"),
    ("saying they have not been paid since January", "pay"),
    ("demanding their unpaid retirement salaries", "pay"),
    ("graduates demanding to be appointed", "jobs"),
    ("calling for job opportunities for the young", "jobs"),
    ("calling on Baghdad to turn their contracts into permanent posts", "contract"),
    ("demanding that they be transferred to ministerial contracts", "contract"),
    ("over power cuts that last up to 14 hours a day", "services"),
    ("against the deterioration of electricity in the area", "services"),
    ("demanding early elections and political reform", "politics"),
    ("to demand that the killers of protesters be brought to justice", "politics"),
    ("against the rise of the dollar exchange rate", "prices"),
    ("to demand the dismissal of the new director", "officials"),
    ("demanding the dissolution of the current teachers' union", "officials"),
    ("vendors who refuse to remove their stalls", "land"),
    ("calling for a change to the custody law", "family law"),
    ("against the spread of crime and drugs in the city", "security"),
    ("denouncing the Turkish bombardment of border villages", "foreign"),
])
def test_demand_topics(text, topic):
    assert topic in grievances(text)


@pytest.mark.parametrize("text", [
    "workers of the Electricity Distribution Department demonstrated",  # who, not what about
    "contract workers of the state oil company demonstrated",
    "hundreds of people who had been appointed within the job ranks gathered",
    "army pensioners took to the streets of the city",
])
def test_the_crowd_is_not_a_demand(text):
    assert grievances(text) == frozenset()


def test_one_demand_in_other_words_is_one_topic():
    assert same_grievance(grievances("to demand salaries that are three months overdue"),
                          grievances("to protest against delayed wages"))
    assert same_grievance(grievances("demanding permanent jobs and health insurance"),
                          grievances("calling on Baghdad to turn their contracts into permanent posts"))
    assert same_grievance(grievances("protesting against corruption"), grievances("demanding political reforms"))
    assert same_grievance(grievances("against the assassination of activists"),
                          grievances("demanding that the killers of protesters be tried"))
    assert same_grievance(grievances("over power cuts"), grievances("demanding that the government restore power"))
    assert same_grievance(grievances("calling for jobs"), grievances("against unemployment among graduates"))
    assert same_grievance(frozenset(), grievances("demanding early elections"))  # one report names no demand
    assert not same_grievance(grievances("demanding their delayed salaries"), grievances("demanding to be appointed"))


def test_protests_with_different_demands_are_twocode_and_merge(res):
    events = code_and_merge(res, {
        "x": "On Monday, employees of the electricity department demonstrated outside the department in Kut, "
             "demanding the payment of their delayed salaries.",
        "y": "On Monday, meter readers working for the electricity directorate demonstrated in Kut, demanding that "
             "their contracts be converted to permanent ones.",
        "z": "Electricity department employees protested in Kut on Monday over salaries that have not been paid "
             "for three months.",
    })
    assert clusters(events) == [["x", "z"], ["y"]]


def test_a_crowd_with_no_named_kind_and_another_demand_is_another_protest(res):
    events = code_and_merge(res, {
        "x": "On Monday, dozens of people marched through Nasiriyah to demand early elections and the trial of the "
             "killers of protesters.",
        "y": "On Monday, employees of several government departments demonstrated in Nasiriyah to demand their "
             "delayed salaries.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_one_protest_reported_with_one_demand_in_other_words_joins(res):
    events = code_and_merge(res, {
        "x": "Hundreds of teachers rallied outside the education directorate in Nasiriyah on Monday to demand "
             "salaries that are three months overdue.",
        "y": "Teachers in Nasiriyah staged a sit-in on Monday in front of the directorate of education, saying they "
             "have not been paid since August.",
    })
    assert clusters(events) == [["x", "y"]]


def test_workers_of_two_workplaces_of_one_sector_are_two_protests(res):
    events = code_and_merge(res, {
        "x": "On Sunday, workers of the oil refinery in Nasiriyah demonstrated to demand their salaries.",
        "y": "On Sunday, workers of the state oil company demonstrated in Nasiriyah to demand their salaries.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_port_and_oil_workers_are_two_crowds(res):
    events = code_and_merge(res, {
        "x": "On Sunday, employees of the ports company demonstrated in Basra against the new board.",
        "y": "On Sunday, employees of the oil refinery demonstrated in Basra against the new board.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_employees_at_a_sector_building_are_that_sector(res):
    # "employees" says no more than that they work; the building they gather at says where
    events = code_and_merge(res, {
        "x": "On Sunday, dozens of employees demonstrated outside the municipality building in Samawa, demanding "
             "their salaries.",
        "y": "On Sunday, health workers demonstrated in Samawa to demand their salaries.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_two_ministries_are_two_venues(res):
    events = code_and_merge(res, {
        "x": "On Sunday, a demonstration was held outside the Ministry of Finance in Baghdad.",
        "y": "On Sunday, a demonstration was held outside the Ministry of Higher Education in Baghdad.",
    })
    assert clusters(events) == [["x"], ["y"]]


# --- several named areas ---------------------------------------------------------------------------------------

def test_strikes_in_two_unknown_regions_of_one_district_are_twocode_and_merge(res):
    events = code_and_merge(res, {
        "x": "Turkish jets struck PKK hideouts in the Metina and Haftanin regions of Amadiya district, Duhok province, "
             "on Sunday.",
        "y": "Turkish warplanes bombed the Haftanin region of Duhok province on Sunday, a Kurdish official said.",
    })
    assert clusters(events) == [["x"], ["x", "y"]]
    assert sorted(e.location.unresolved[0] for e in events) == ["Haftanin region", "Metina region"]


def test_regions_of_two_provinces_in_one_list_are_twocode_and_merge(res):
    events = code_and_merge(res, {
        "x": "Turkish warplanes carried out airstrikes on Sunday in the Zap (Amadiya) region of Duhok and the Avasin "
             "region (Mergasur district) of Erbil.",
    })
    assert len(events) == 2
    assert {(e.location.place.name, tuple(e.location.unresolved)) for e in events} == {
        ("Al-Amadiya", ("Zap region",)), ("Mergasur", ("Avasin region",))}  # each region with its own district


def test_a_village_named_after_the_province_is_a_spot_of_the_scene(res):
    # "Sidakan region, Erbil, including the village of X": X belongs to the Sidakan reading, not to Erbil province,
    # so a strike on another village of the area the same day stays apart
    events = code_and_merge(res, {
        "x": "On Sunday, Turkish forces conducted airstrikes in the Sidakan region, Erbil, including the village of "
             "Qarawlanik.",
        "y": "On Sunday, Turkish forces conducted airstrikes on the village of Binperez in the Sidakan area.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_a_region_and_a_known_village_of_one_province_in_one_list_are_twocode_and_merge(res):
    events = code_and_merge(res, {
        "x": "Turkish warplanes struck the Hakurk region of Erbil and Sidakan on Sunday.",
    })
    assert len(events) == 2


def test_areas_inside_one_wide_area_are_one_event_and_its_bare_name_is_no_spot(res):
    # two reports of strikes in different spots of the Qandil mountains: the bare "Qandil" is the range, not a spot
    events = code_and_merge(res, {
        "x": "Turkish warplanes bombed Kozine and Betala areas in the Qandil Mountain (Jibal Qandil) area of Erbil "
             "province on Sunday.",
        "y": "Turkish warplanes bombed Bepalan and Urte village areas in the Qandil Mountain (Jibal Qandil) area of "
             "Erbil province on Sunday.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_a_crowd_named_after_the_place_by_by_is_read(res):
    # "held in <place>, by vendors": the crowd comes after the place; police who dispersed a crowd are not the crowd
    events = code_and_merge(res, {
        "x": "On Sunday, a demonstration was held in the north of Basra city, by vendors who refuse to remove their "
             "stalls.",
        "y": "On Sunday, dozens of security guards working at the university demonstrated in Basra, demanding the "
             "allocation of residential plots.",
    })
    assert clusters(events) == [["x"], ["y"]]
    events = code_and_merge(res, {
        "x": "On Sunday, a demonstration held in Basra city was dispersed by police, witnesses said.",
        "y": "On Sunday, teachers demonstrated in Basra, demanding their salaries.",
    })
    assert clusters(events) == [["x", "y"]]


def test_shelling_by_each_side_of_one_region_is_twocode_and_merge(res):
    # who fired is the event; a battle's sides may be reported in either order, a shelling's may not
    events = code_and_merge(res, {
        "x": "On Sunday, PKK militants shelled a Turkish military base in the Haftanin region of Duhok province with "
             "mortars.",
        "y": "On Sunday, Turkish artillery shelled PKK positions in the Haftanin region of Duhok province.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_an_unknown_town_named_in_a_later_sentence_is_kept_as_the_spot(res):
    # the first sentence gives the province, a later one the town the gazetteer does not know
    events = code_and_merge(res, {
        "x": "On Sunday, hundreds of teachers demonstrated in Sulaymaniyah province against the delay in their "
             "salaries. A demonstration was held in Qarawlanik town.",
    })
    assert [e.location.unresolved for e in events] == [["Qarawlanik"]]


def test_an_unknown_region_after_a_country_name_is_not_that_country_s(res):
    # "... Intelligence Organization of Turkey in Gara region of Duhok": the region is in Duhok, not in Turkey
    events = code_and_merge(res, {
        "x": "On Sunday, a PKK commander was killed in an operation carried out by the National Intelligence "
             "Organization of Turkey in the Qarawlanik region of Duhok province.",
        "y": "On Sunday, PKK militants attacked Turkish army units in the Sardawkin region of Duhok province, killing "
             "two soldiers.",
    })
    assert clusters(events) == [["x"], ["y"]]


@pytest.mark.parametrize("x, y", [
    ("Hundreds of residents protested in Basra on Sunday over power cuts.",
     "Residents of Basra demonstrated on Sunday, demanding better electricity services."),
    ("Graduates protested in Nasiriyah on Sunday, demanding jobs.",
     "Unemployed graduates rallied in Nasiriyah on Sunday against unemployment."),
    ("Workers of the state oil company protested in Basra on Sunday over delayed salaries.",
     "Oil workers demonstrated outside the company's headquarters in Basra on Sunday, demanding their wages."),
    ("Dozens of activists protested in Basra on Sunday against corruption.",
     "Dozens of activists demonstrated in Basra on Sunday, demanding political reforms."),
])
def test_one_protest_in_two_wordings_is_one_event(res, x, y):
    assert clusters(code_and_merge(res, {"x": x, "y": y})) == [["x", "y"]]


def test_a_list_headed_by_an_unknown_mountain_is_one_event_per_place(res):
    events = code_and_merge(res, {
        "x": "On Sunday, Turkish forces fired artillery shells at Mount Qarawlanik, Zakho and Duhok, setting fire to "
             "farmland.",
    })
    assert len(events) == 3
    assert sorted(tuple(e.location.unresolved) for e in events) == [(), (), ("Qarawlanik mountain",)]


@pytest.mark.parametrize("text", [
    "demanding the implementation of the agreement signed last year",  # a deal, not a named agreement
    "according to a statement by the organisers",
    "protesters defied the curfew",
])
def test_words_that_name_no_demand_alone(text):
    # a report whose only "demand" is one of these would be kept apart from every other report of its protest
    assert grievances(text) == frozenset()


def test_two_one_sided_reports_with_different_actors_stay_apart(res):
    # neither report names a second actor: swapping the sides would compare nothing
    events = code_and_merge(res, {
        "x": "On Sunday, a convoy of US forces arrived at Ain al-Asad air base in Anbar province.",
        "y": "On Sunday, Iraqi police units were deployed in Anbar province to secure the desert road.",
    })
    assert len(events) == 2
    assert clusters(events) == [["x"], ["y"]]


def test_national_level_developments_join_only_with_the_same_actor(res):
    closure = "Security measures: On Sunday, all borders between Iraq and Iran were closed to prevent pilgrims from " \
              "crossing into Iraq."
    events = code_and_merge(res, {
        "x": closure,
        "y": "Movement of forces: On Sunday, the Kurdistan Democratic Party deployed Peshmerga units along the border "
             "with Rojava.",
        "z": "Security measures: On Sunday, the border crossings between Iraq and Iran were closed to keep pilgrims "
             "out during the epidemic.",
    })
    assert clusters(events) == [["x", "z"], ["y"]]


# --- a spot the gazetteer lacks, coded at province level ---------------------------------------------------------

def test_an_unknown_spot_of_the_province_is_not_a_known_town(res):
    """A report coded at province level because the area it names is unknown, and one placed in a known town of that
    province by name: two attacks (the first spot is not just anywhere in the province)."""
    events = code_and_merge(res, {
        "a": "On 25 December 2020, IS militants attacked a PMF position in the Tal al-Dahab area (Tuz, Salah al-Din). "
             "One PMF fighter was killed.",
        "b": "On 25 December 2020, IS militants attacked an army post near Al Mutaibija (Samarra, Salah al-Din), "
             "wounding two soldiers.",
    }, published=dt.date(2020, 12, 25))
    assert clusters(events) == [["a"], ["b"]]


def test_a_province_wide_bombardment_still_joins_its_village(res):
    """The team's rule for shelling and air strikes stands: a province-wide report joins a village report."""
    events = code_and_merge(res, {
        "a": "On 22 December 2020, Turkish warplanes bombed PKK positions in Dahuk province. No casualties.",
        "b": "On 22 December 2020, Turkish warplanes bombed the village of Kani Masi in Amadiya district (Dahuk). "
             "No casualties.",
    }, published=dt.date(2020, 12, 22))
    assert clusters(events) == [["a", "b"]]


def test_a_killing_and_a_kidnapping_of_one_day_are_two_acts(res):
    """An attack and an abduction by one group the same day in one district: two events, unless the killing's report
    tells of the taking too."""
    events = code_and_merge(res, {
        "a": "On 19 January 2021, IS militants killed two shepherds near the village of Zarga in the Daquq district "
             "(Kirkuk).",
        "b": "On 19 January 2021, IS militants kidnapped two brothers near Al Rashad (Kirkuk).",
    }, published=dt.date(2021, 1, 19))
    assert clusters(events) == [["a"], ["b"]]
    events = code_and_merge(res, {
        "a": "On 19 January 2021, IS militants kidnapped and killed two shepherds near Al Rashad (Kirkuk).",
        "b": "On 19 January 2021, IS militants kidnapped two shepherds near Al Rashad (Kirkuk).",
    }, published=dt.date(2021, 1, 19))
    assert clusters(events) == [["a", "b"]]


# --- what the victims suffered ----------------------------------------------------------------------------------

def _code_dated(res, reports: dict):
    """Code each report (article id -> (published, text)) on its own publication day and merge the mentions."""
    from coder.incidents import detect_mentions
    from coder.merge import merge_mentions
    from coder.models import Article
    from coder.read.layout import analyse_layout
    from coder.sentences import split_sentences

    out = []
    for article_id, (published, text) in reports.items():
        segments, stories = analyse_layout(text, published)
        art = Article(article_id=article_id, text=text, outlet="Wire", published=published, segments=segments,
                      stories=stories, country="IRQ")
        out.extend(m.model_copy(update={"published": published})
                   for m in detect_mentions(art, split_sentences(art), res)[0])
    return merge_mentions(out, res.taxonomy)


def test_a_victim_killed_and_a_victim_wounded_the_same_day_are_two_attacks(res):
    """Gunmen shot a man dead in one report and wounded a man in another, both published that day, in one town:
    two attacks (one of the two would have to be wrong for them to be one)."""
    events = code_and_merge(res, {
        "a": "On 3 March 2021, masked gunmen killed a farmer at his orchard outside Al-Kahla, in Maysan province.",
        "b": "On 3 March 2021, a taxi driver was wounded when gunmen fired on his car in the city of Amara.",
    }, published=dt.date(2021, 3, 3))
    assert clusters(events) == [["a"], ["b"]]


def test_reports_of_one_killing_in_other_words_still_join(res):
    events = code_and_merge(res, {
        "a": "On 3 March 2021, unidentified gunmen shot dead a shopkeeper in the city of Amara, Maysan.",
        "b": "On 3 March 2021, a shop owner was killed by armed men who opened fire on him in Amara.",
    }, published=dt.date(2021, 3, 3))
    assert clusters(events) == [["a", "b"]]


def test_a_later_report_that_the_wounded_died_joins_the_first(res):
    """A report published on a later day may tell that the wounded man died: an update, not another attack."""
    events = _code_dated(res, {
        "a": (dt.date(2021, 3, 6), "On 6 March 2021, a farmer was shot and seriously wounded by gunmen near Samarra."),
        "b": (dt.date(2021, 3, 7), "On 6 March 2021, gunmen shot and killed a farmer near Samarra; he died of his "
                                   "wounds in hospital overnight."),
    })
    assert clusters(events) == [["a", "b"]]
    assert events[0].fatalities == 1


def test_a_bomb_that_hurt_nobody_and_one_that_wounded_a_civilian_are_two(res):
    """One report says the blast hurt nobody, the other that it wounded a civilian, both published that day: two
    bombings of one city, even when neither report names what was hit."""
    events = code_and_merge(res, {
        "a": "On 14 April 2021, a car rigged with explosives blew up by a petrol station in the Al-Sufiya area east "
             "of Ramadi; nobody was hurt.",
        "b": "On 14 April 2021, a civilian was wounded when an explosive-laden car went off in Ramadi city.",
    }, published=dt.date(2021, 4, 14))
    assert clusters(events) == [["a"], ["b"]]
    events = code_and_merge(res, {
        "a": "On 14 April 2021, an explosive device went off on a road in Ramadi, causing no casualties.",
        "b": "On 14 April 2021, a roadside bomb exploded in the city of Ramadi. Nobody was hurt.",
    }, published=dt.date(2021, 4, 14))
    assert clusters(events) == [["a", "b"]]


def test_battle_reports_that_count_different_sides_still_join(res):
    """A battle's reports often give one side's losses each ("two soldiers killed" / "three militants wounded"):
    the outcome rule is for one-sided violence only."""
    events = code_and_merge(res, {
        "a": "On 9 May 2021, IS militants attacked an army post near Tarmiyah, killing two soldiers.",
        "b": "On 9 May 2021, soldiers clashed with IS militants who attacked their post near Tarmiyah, wounding "
             "three of the attackers.",
    }, published=dt.date(2021, 5, 9))
    assert clusters(events) == [["a", "b"]]


def test_outcomes_compatible_reads_the_figures():
    from coder.merge import _harm

    class M:  # the two fields _harm reads
        def __init__(self, killed, wounded):
            self.killed, self.wounded = killed, wounded

    assert [_harm(M(*kw)) for kw in ((2, None), (None, 3), (0, 3), (0, 0), (None, None), (None, 0))] == \
        [2, 1, 1, 0, None, None]


def test_employees_of_the_educational_sector_and_oil_contractors_are_two_crowds(res):
    """"Educational" names the sector as "education" does: its employees and the contractors of an oil company
    protesting in one province on one day are two protests, even when only one names its demand."""
    events = code_and_merge(res, {
        "a": "On 8 February 2021, staff of schools and other educational institutions rallied in Maysan province.",
        "b": "On 8 February 2021, dozens of workers staged a sit-in at the entrance of the Maysan Oil Company in "
             "Amara city.",
    }, published=dt.date(2021, 2, 8))
    assert clusters(events) == [["a"], ["b"]]


def test_a_same_day_report_that_the_wounded_man_died_joins(res):
    """The worse report tells the update itself ("later died of his wounds"): one attack, even published the same
    day as the report of the wounding."""
    events = code_and_merge(res, {
        "a": "On 5 March 2021, unidentified gunmen shot and wounded a money changer in the city of Kut.",
        "b": "On 5 March 2021, gunmen shot and killed a money changer in Kut; he later died of his wounds in hospital.",
    }, published=dt.date(2021, 3, 5))
    assert clusters(events) == [["a", "b"]]


@pytest.mark.parametrize("a, b", [
    # the dead counted among the wounded by one source
    ("On 7 December 2020, a bomb exploded in a market in Kut city, killing one civilian and wounding three others.",
     "On 7 December 2020, four civilians were wounded when a bomb went off in a market in Kut city."),
    # the milder report tells the death itself, in words the toll reader does not count
    ("On 7 December 2020, a sticky bomb attached to a car exploded in Kut city, killing the driver.",
     "On 7 December 2020, a sticky bomb attached to a car exploded in Kut city, seriously injuring the driver, who "
     "died shortly after."),
    ("On 7 December 2020, gunmen opened fire on two civilians in Kut city, killing one and wounding the other.",
     "On 7 December 2020, gunmen wounded two civilians in Kut city, one of whom died in hospital."),
])
def test_tolls_told_differently_of_one_attack_still_join(res, a, b):
    events = code_and_merge(res, {"a": a, "b": b}, published=dt.date(2020, 12, 7))
    assert clusters(events) == [["a", "b"]]


def test_a_suicide_bombing_whose_bomber_one_source_counts_still_joins(res):
    """Some sources count the bomber among the dead, others say nobody was hurt: the outcome rule leaves suicide
    bombings alone."""
    events = code_and_merge(res, {
        "a": "On 7 December 2020, a suicide bomber blew himself up at an army checkpoint near Tarmiyah, killing "
             "himself.",
        "b": "On 7 December 2020, a suicide bomber detonated his explosive vest at an army checkpoint near Tarmiyah. "
             "No casualties were reported among the soldiers.",
    }, published=dt.date(2020, 12, 7))
    bombings = [e for e in events if e.sub_event_type == "Suicide bomb"]
    assert [sorted(e.article_ids) for e in bombings] == [["a", "b"]]
