"""Distinct incidents of one day and area that the merge tells apart by what was hit and by the named sites the
reports give, and reports of one incident in other words that it still joins (coder/sites.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import clusters, code_and_merge

from coder.resources import load_resources
from coder.sites import named_sites, same_target, sites_compatible, target_kinds


@pytest.fixture(scope="module")
def res():
    return load_resources()


# --- what a bomb hit -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("a roadside bomb struck a police patrol", "vehicle"),
    ("an explosive device targeted a supply convoy of the coalition", "vehicle"),
    ("a bomb damaged the house of a journalist", "home"),
    ("an IED was planted under a private power generator", "power"),
    ("a grenade was thrown at a liquor store", "shop"),
    ("a bomb blew up an oil pipeline", "oil"),
])
def test_target_kinds(text, kind):
    assert kind in target_kinds(text)


@pytest.mark.parametrize("text", [
    "a car bomb exploded in the city centre",
    "a booby-trapped car went off near the checkpoint",  # the car is the means; the checkpoint is left
    "an explosive-laden truck detonated",
])
def test_the_bomb_s_own_vehicle_is_no_target(text):
    assert "vehicle" not in target_kinds(text)


def test_one_target_in_other_words_is_one_kind():
    assert same_target(target_kinds("hit a police patrol"), target_kinds("targeted a police vehicle"))
    assert same_target(target_kinds("the bomb exploded in Basra"), target_kinds("targeted a generator"))
    assert not same_target(target_kinds("targeted a generator"), target_kinds("damaged a house"))


def test_bombs_on_three_kinds_of_target_in_one_city_are_threecode_and_merge(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, an IED exploded under a private power generator in the Jumhuriya neighbourhood of "
             "Basra city, causing material damage.",
        "y": "On 8 November 2020, a roadside bomb hit a convoy of trucks carrying supplies for the international "
             "coalition in Basra province. No casualties were reported.",
        "z": "On 8 November 2020, unknown men planted a bomb at the house of a journalist in Basra city; it "
             "exploded and damaged the front of the house.",
    })
    assert clusters(events) == [["x"], ["y"], ["z"]]


def test_one_bombing_of_one_target_in_other_words_joins(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, a roadside bomb struck a police patrol in Kirkuk city, wounding two policemen.",
        "y": "On 8 November 2020, an explosive device targeted a police vehicle in Kirkuk, injuring two officers.",
    })
    assert clusters(events) == [["x", "y"]]


# --- named sites -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, site", [
    ("a car bomb exploded near the Old Bridge in Ramadi", ("bridge", "Old")),
    ("workers of the West Qurna oil field demonstrated", ("field", "West Qurna")),
    ("displaced families protested at the Hasansham Camp", ("camp", "Hasansham")),
    ("a rocket landed near Baghdad International Airport", ("airport", "Baghdad International")),
])
def test_named_sites(text, site):
    assert site in named_sites(text)


@pytest.mark.parametrize("text", [
    "the wounded were taken to Al-Kindi Hospital",  # where the wounded went, not the scene
    "clashes broke out on the Jumhuriya and Sinak bridges",  # a list of sites: none alone
    "a bomb exploded near a bridge in the city",  # no name
])
def test_no_single_named_site(text):
    assert named_sites(text) == frozenset()


def test_sites_compare_by_spelling():
    assert sites_compatible(named_sites("near the Al-Warrar Bridge"), named_sites("under Warrar bridge"))
    assert sites_compatible(named_sites("at Baghdad International Airport"), named_sites("at Baghdad Airport"))
    assert sites_compatible(named_sites("near the Old Bridge"), named_sites("at the West Qurna oil field"))
    assert not sites_compatible(named_sites("near the Old Bridge"), named_sites("under the Warrar bridge"))


def test_car_bombs_at_two_named_bridges_of_one_area_are_twocode_and_merge(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, a booby-trapped car exploded near the Old Bridge in Ramadi, wounding a civilian.",
        "y": "On 8 November 2020, a booby-trapped car exploded under the Warrar bridge in Anbar province. No "
             "casualties were reported.",
        "z": "On 8 November 2020, one civilian was wounded when a car bomb went off by the Old Bridge in Ramadi "
             "city.",
    })
    assert clusters(events) == [["x", "z"], ["y"]]


def test_workers_of_two_named_oil_fields_are_two_protests(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, workers of the Majnoon oil field in Basra province demonstrated demanding their "
             "delayed salaries.",
        "y": "On 8 November 2020, workers of the West Qurna oil field in Basra province demonstrated demanding "
             "their delayed salaries.",
    })
    assert clusters(events) == [["x"], ["y"]]


# --- stances, acting forces, towns ---------------------------------------------------------------------------------

def test_stances_on_a_measure():
    from coder.grievances import opposed, stances

    pro = stances("hundreds rallied in support of the new border agreement")
    anti = stances("tribal leaders gathered calling for the cancellation of the border agreement")
    assert pro == {("agreement", "for")} and anti == {("agreement", "against")}
    assert opposed(pro, anti)
    assert not opposed(anti, stances("protesters rejected the border agreement"))  # one stance in other words
    assert not opposed(pro, stances("protesters demanded their salaries"))


def test_crowds_for_and_against_one_agreement_are_two_protests(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, displaced Yazidis demonstrated in Sinjar in support of the new security agreement "
             "for the district.",
        "y": "On 8 November 2020, Yazidi residents demonstrated in Sinjar calling for the cancellation of the new "
             "security agreement.",
        "z": "On 8 November 2020, hundreds of Yazidis rallied in Sinjar to reject the security agreement.",
    })
    assert clusters(events) == [["x"], ["y", "z"]]


def test_two_forces_moved_the_same_day_are_two_developments(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, units of the Popular Mobilization Forces were deployed on the road between "
             "Khanaqin and Jalawla to secure it.",
        "y": "On 8 November 2020, around 200 soldiers from the Iraqi army were sent to Diyala province to hunt "
             "down IS cells.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_an_unknown_town_and_a_known_town_of_one_province_are_two_protests(res):
    events = code_and_merge(res, {
        "x": "On 27 September 2020, hundreds of teachers demonstrated in Sulaymaniyah province against the delay "
             "in their salaries. A demonstration was held in the Qaladze city.",
        "y": "On 27 September 2020, hundreds of teachers demonstrated in Sulaymaniyah province against the delay "
             "in their salaries. A demonstration was held in the Zarzawe city.",
    }, published=dt.date(2020, 9, 28))
    groups = clusters(events)
    assert groups == [["x"], ["y"]], groups


def test_crowds_from_two_provinces_are_two_protests(res):
    from coder.crowds import origins

    assert origins("demonstrators driving from Diwaniya province to Baghdad") == {"Diwaniya"}
    assert origins("protesters from the city of Kut") == {"Kut"}
    assert origins("a statement from the government") == frozenset()
    events = code_and_merge(res, {
        "x": "On 8 November 2020, demonstrators driving from Diwaniya province to join the rally in Baghdad were "
             "stopped by security forces.",
        "y": "On 8 November 2020, demonstrators driving from Muthanna province to join the rally in Baghdad were "
             "stopped by security forces.",
        "z": "On 8 November 2020, security forces turned back protesters from Diwaniya province heading to the "
             "rally in Baghdad.",
    })
    assert clusters(events) == [["x", "z"], ["y"]]


def test_a_force_that_set_off_blasts_and_one_hit_by_a_bomb_are_twocode_and_merge(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, PMF fighters blew up a number of IS tunnels with remote detonations in the Makhoul "
             "mountains of Salah al-Din province.",
        "y": "On 8 November 2020, a PMF fighter was wounded when an unidentified explosive device hit the bulldozer "
             "he was driving in the Makhoul mountains, Salah al-Din province.",
    })
    assert clusters(events) == [["x"], ["y"]]


def test_one_site_named_by_its_city_or_its_province_is_one_site():
    assert sites_compatible(named_sites("outside the Nasiriyah Education Directorate"),
                            named_sites("outside the Thi Qar Education Directorate"))
    assert not sites_compatible(named_sites("near the Passports Department"),
                                named_sites("near the Nationality and Travel Department"))



def test_a_bombing_sentence_naming_no_target_takes_the_article_s_target(res):
    # "Nobody was hurt in the explosion" is about the pylon the sentence before says was blown up
    events = code_and_merge(res, {
        "x": "On 8 November 2020, unknown men blew up an electricity pylon with an explosive charge near Daquq in "
             "Kirkuk province. Nobody was hurt in the explosion.",
        "y": "On 8 November 2020, a roadside bomb struck an army patrol near Daquq in Kirkuk province, killing one "
             "soldier.",
    })
    bombings = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert sorted(sorted(e.article_ids) for e in bombings) == [["x"], ["y"]]


def test_a_crowd_standing_by_another_is_another_protest(res):
    from coder.crowds import solidarity_kinds

    assert solidarity_kinds("they stood in solidarity with employees across the country") == {"worker"}
    assert solidarity_kinds("a rally in support of the demands of the striking teachers") == {"education"}
    events = code_and_merge(res, {
        "x": "On 8 November 2020, teachers demonstrated in Kut against the delay of their salaries.",
        "y": "On 8 November 2020, students demonstrated in Kut in solidarity with the teachers, who have not been "
             "paid for three months.",
        "z": "On 8 November 2020, hundreds of teachers rallied in Kut to demand their delayed salaries.",
    })
    assert clusters(events) == [["x", "z"], ["y"]]


def test_an_unknown_neighbourhood_of_a_town_joins_the_town_report_and_an_unknown_town_does_not(res):
    events = code_and_merge(res, {
        "x": "On 8 November 2020, dozens of residents demonstrated in the Hayy Zawiya neighbourhood of Kut city "
             "against power cuts.",
        "y": "On 8 November 2020, dozens of residents protested in Kut over the power cuts in their neighbourhood.",
        "z": "On 8 November 2020, dozens of residents demonstrated in the Zawiyat city against power cuts, in "
             "Wasit province.",
    })
    assert clusters(events) == [["x", "y"], ["z"]]
