"""Stage 8: merging reports of one incident across articles. Invariants checked with hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents import detect_mentions
from coder.merge import merge_mentions
from coder.models import Article
from coder.read.layout import analyse_layout
from coder.resources import load_resources
from coder.sentences import split_sentences

REPORTS = {
    "a.txt": ("A roadside bomb hit a police patrol near Tarmiyah on Sunday, killing two policemen, officials said.", "Wire A"),
    "b.txt": ("Three policemen were killed on Sunday when a roadside bomb struck their patrol near Tarmiyah, "
              "north of Baghdad, a security source said.", "Wire B"),
    "c.txt": ("Hundreds of people protested in Basra on Sunday over power cuts.", "Wire C"),
    "d.txt": ("A roadside bomb exploded near an army convoy in Ramadi on Saturday, causing no casualties.", "Wire D"),
}


@pytest.fixture(scope="module")
def res():
    return load_resources()


@pytest.fixture(scope="module")
def mentions(res):
    out = []
    for article_id, (text, outlet) in REPORTS.items():
        published = dt.date(2020, 11, 2)
        segments, stories = analyse_layout(text, published)
        art = Article(article_id=article_id, text=text, outlet=outlet, published=published, segments=segments, stories=stories)
        found, _ = detect_mentions(art, split_sentences(art), res)
        out.extend(found)
    return out


def signature(events):
    return sorted((e.sub_event_type, e.date.date, e.location.place.id, tuple(e.article_ids), e.fatalities) for e in events)


def test_same_incident_in_two_reports_is_one_event(mentions, res):
    events = merge_mentions(mentions, res.taxonomy)
    tarmiyah = [e for e in events if e.article_ids == ["a.txt", "b.txt"]]
    assert len(tarmiyah) == 1
    assert tarmiyah[0].fatalities == 2  # the lowest credible figure
    assert len(events) == 3  # Tarmiyah bomb, Basra protest, Ramadi bomb (another day, another place)


@settings(max_examples=40, deadline=None)
@given(st.randoms())
def test_merge_is_independent_of_input_order(mentions, res, rnd):
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert signature(merge_mentions(shuffled, res.taxonomy)) == signature(merge_mentions(mentions, res.taxonomy))


def test_merge_is_idempotent(mentions, res):
    once = merge_mentions(mentions, res.taxonomy)
    twice = merge_mentions([m for e in once for m in e.mentions], res.taxonomy)
    assert signature(once) == signature(twice)


def test_fatalities_never_negative(mentions, res):
    assert all(e.fatalities >= 0 for e in merge_mentions(mentions, res.taxonomy))


def _coded(res, reports: dict[str, str], published: dt.date = dt.date(2020, 9, 18)):
    out = []
    for article_id, text in reports.items():
        segments, stories = analyse_layout(text, published)
        art = Article(article_id=article_id, text=text, outlet="Wire", published=published, segments=segments,
                      stories=stories, country="IRQ")  # an Iraq feed
        out.extend(detect_mentions(art, split_sentences(art), res)[0])
    return merge_mentions(out, res.taxonomy)


def test_same_day_bombs_in_two_districts_of_a_province_stay_apart(res):
    # Latifiyah (Mahmudiya district) and Abu Ghraib are both in Baghdad province, some 35 km apart
    events = _coded(res, {
        "x": "A roadside bomb struck a convoy of trucks in Latifiyah on Thursday, causing damage but no casualties.",
        "y": "A roadside bomb struck a convoy of trucks in Abu Ghraib on Thursday, causing damage but no casualties.",
    })
    assert sorted(len(e.article_ids) for e in events) == [1, 1]


def test_a_district_report_joins_the_town_report_inside_it(res):
    events = _coded(res, {
        "x": "A roadside bomb struck a convoy of trucks in Latifiyah on Thursday, causing damage but no casualties.",
        "y": "A roadside bomb struck a convoy of trucks in Mahmudiya district on Thursday, causing no casualties.",
    })
    assert [sorted(e.article_ids) for e in events] == [["x", "y"]]


def test_strikes_on_two_villages_the_gazetteer_does_not_know_stay_apart(res):
    # neither village is in the gazetteer: both readings fall back to the district, but they name two spots
    events = _coded(res, {
        "x": "Turkish warplanes bombed Qarawlanik village in the Zakho district on Saturday. No casualties were reported.",
        "y": "Turkish warplanes bombed Sardawkin village in the Zakho district on Saturday. No casualties were reported.",
    })
    assert sorted(len(e.article_ids) for e in events) == [1, 1]


def test_one_unknown_village_spelled_alike_in_two_reports_is_one_event(res):
    events = _coded(res, {
        "x": "Turkish warplanes bombed Qarawlanik village in the Zakho district on Saturday. No casualties were reported.",
        "y": "Turkish jets struck the village of Qarawlaneek in Zakho district on Saturday, local officials said.",
    })
    assert [sorted(e.article_ids) for e in events] == [["x", "y"]]


def test_two_crowds_in_one_city_are_two_protests(res):
    events = _coded(res, {
        "x": "Engineering graduates demonstrated outside the oil company in Basra on Sunday, demanding jobs.",
        "y": "Retired teachers protested in Basra on Sunday over unpaid pensions.",
        "z": "Dozens of engineering graduates rallied outside the oil company offices in Basra on Sunday.",
    })
    assert sorted(sorted(e.article_ids) for e in events) == [["x", "z"], ["y"]]


def _coded_in(res, country: str, reports: dict[str, str], published: dt.date = dt.date(2021, 3, 8)):
    out = []
    for article_id, text in reports.items():
        segments, stories = analyse_layout(text, published)
        art = Article(article_id=article_id, text=text, outlet="Wire", published=published, segments=segments,
                      stories=stories, country=country)
        out.extend(detect_mentions(art, split_sentences(art), res)[0])
    return merge_mentions(out, res.taxonomy)


def _clusters(events) -> list[list[str]]:
    return sorted(sorted(e.article_ids) for e in events)


def test_a_bomb_on_a_patrol_and_one_on_a_civilian_car_stay_apart(res):
    # the unidentified bomber fits both reports, but a police patrol and a shopkeeper are different targets
    events = _coded(res, {
        "x": "A roadside bomb struck a police patrol in Baquba on Thursday, killing two policemen.",
        "y": "A sticky bomb attached to a shopkeeper's car exploded in Baquba on Thursday, killing the driver.",
        "z": "Two policemen died when an explosive device hit their patrol in Baquba on Thursday, police said.",
    })
    assert _clusters(events) == [["x", "z"], ["y"]]


def test_the_outskirts_of_a_town_are_not_its_whole_district(res):
    # Sarmin and Saraqib: two towns of one district, 8 km apart
    events = _coded_in(res, "SYR", {
        "x": "Warplanes struck the outskirts of Sarmin on Sunday, killing a shepherd.",
        "y": "Warplanes bombed a market in Saraqib on Sunday, killing four civilians.",
        "z": "A shepherd was killed when warplanes bombed farmland outside Sarmin on Sunday.",
    })
    assert _clusters(events) == [["x", "z"], ["y"]]


def test_two_words_for_one_crowd_join(res):
    events = _coded(res, {
        "x": "Hundreds of teachers rallied outside the education directorate in Kut on Tuesday over unpaid salaries.",
        "y": "On Tuesday, school staff in Kut gathered to protest against delayed wages.",
        "z": "Army pensioners took to the streets of Kut on Tuesday, demanding their retirement salaries.",
        "w": "Dozens of retired military officers protested in Kut on Tuesday over pensions.",
    })
    assert _clusters(events) == [["w", "z"], ["x", "y"]]


def test_residents_and_retirees_are_two_crowds(res):
    events = _coded(res, {
        "x": "Residents of Kut protested on Tuesday evening over power cuts.",
        "y": "Hundreds of pensioners protested in Kut on Tuesday over unpaid pensions.",
    })
    assert _clusters(events) == [["x"], ["y"]]


def test_arrests_of_different_people_on_one_day_stay_apart(res):
    events = _coded(res, {
        "x": "Security forces detained a university lecturer at his home in Kut on Tuesday, his family said.",
        "y": "A university professor was arrested in Kut on Tuesday, a relative said.",
        "z": "Police detained three women's rights activists in Kut on Tuesday afternoon.",
    })
    assert _clusters(events) == [["x", "y"], ["z"]]


def test_a_force_one_report_only_implies_fits_the_one_another_names(res):
    # "warplanes" in a Syrian story reads as Syria's air force; another report names the jets as Russian
    events = _coded_in(res, "SYR", {
        "x": "Warplanes struck the outskirts of Sarmin on Sunday, killing a shepherd, activists said.",
        "y": "Russian jets bombed the outskirts of Sarmin on Sunday, killing a shepherd.",
    })
    assert _clusters(events) == [["x", "y"]]


def test_two_reports_of_one_riot_that_tell_different_acts_join(res):
    events = _coded(res, {
        "x": "Hundreds of youths rioted in Kut on Tuesday, smashing the windows of a government office.",
        "y": "An angry mob set vehicles on fire in Kut on Tuesday over the sacking of a tribal sheikh.",
    })
    assert _clusters(events) == [["x", "y"]]


def test_crowds_sharing_only_a_generic_noun_are_two_protests(res):
    # both are "workers", of two different employers; the crowd is named before a clause about the place
    events = _coded(res, {
        "x": "On Thursday, dozens of workers of the provincial health directorate, based in Nasiriyah, staged a sit-in "
             "to demand overdue salaries.",
        "y": "Workers of the state oil company demonstrated in Nasiriyah on Thursday against the delay of their wages.",
    })
    assert sorted(len(e.article_ids) for e in events) == [1, 1]


def test_one_crowd_described_in_other_words_is_one_protest(res):
    events = _coded(res, {
        "x": "Contract workers of the state oil company demonstrated in Nasiriyah on Thursday, demanding permanent jobs.",
        "y": "Oil company workers on temporary contracts protested in Nasiriyah on Thursday.",
    })
    assert [sorted(e.article_ids) for e in events] == [["x", "y"]]


def test_shelling_of_two_neighbouring_villages_is_two_events(res):
    # both villages are in the gazetteer, a few km apart in Soran district
    events = _coded(res, {
        "x": "Iranian artillery shelled the village of Ketine in the Sidakan area on Thursday, causing no casualties.",
        "y": "Iranian artillery shelled the village of Binperez in the Sidakan area on Thursday, causing no casualties.",
    })
    assert sorted(len(e.article_ids) for e in events) == [1, 1]
