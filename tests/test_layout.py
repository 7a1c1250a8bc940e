"""Page layout: patterns as data, line roles, datelines, appended stories (fixtures and seed pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.errors import DataFileError
from coder.read.layout import analyse_layout, dateline_place, load_layout_rules, parse_layout_rules
from conftest import SEEDS, require_shared

RULES = load_layout_rules()
PUBLISHED = dt.date(2021, 3, 2)


def kind_of_line(text: str, needle: str) -> str:
    segments, _ = analyse_layout(text, PUBLISHED)
    hits = [s.kind for s in segments if needle in text[s.start:s.end]]
    assert hits, f"{needle!r} not in any segment"
    return hits[0]


# --- the data file ---------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", RULES.patterns, ids=lambda p: p.id)
def test_pattern_examples(pattern):
    for example in pattern.match:
        hit = pattern.regex.match(example) if pattern.role == "dateline" else pattern.regex.search(example)
        assert hit, f"{pattern.id} should match {example!r}"
    for example in pattern.no_match:
        hit = pattern.regex.match(example) if pattern.role == "dateline" else pattern.regex.search(example)
        assert not hit, f"{pattern.id} should not match {example!r}"


def test_every_pattern_has_examples():
    assert all(p.match for p in RULES.patterns)


GOOD = {"id": "x", "role": "chrome", "regex": "^Share$"}


@pytest.mark.parametrize(
    "raw, where, detail",
    [
        ({"pattern": [{**GOOD, "colour": "red"}]}, "pattern 'x'", "unknown key"),
        ({"pattern": [{**GOOD, "regex": ""}]}, "pattern 'x'", "empty 'regex'"),
        ({"pattern": [{**GOOD, "regex": "a*"}]}, "pattern 'x'", "matches the empty string"),
        ({"pattern": [{**GOOD, "regex": "(unclosed"}]}, "pattern 'x'", "bad regex"),
        ({"pattern": [{**GOOD, "role": "sidebar"}]}, "pattern 'x'", "role"),
        ({"pattern": [{**GOOD, "flags": ["z"]}]}, "pattern 'x'", "unknown flag"),
        ({"pattern": [GOOD, GOOD]}, "pattern 'x'", "duplicate id"),
        ({"pattern": [{"role": "chrome", "regex": "x"}]}, "pattern #1", "missing or empty 'id'"),
        ({"pattern": [{**GOOD, "role": "dateline", "regex": "^[A-Z]+ -"}]}, "pattern 'x'", "(?P<place>"),
        ({"pattern": [GOOD], "extra": 1}, "top level", "unknown key"),
        ({"pattern": [GOOD], "settings": {"heading_max": 3}}, "settings", "unknown key"),
        ({"pattern": []}, "pattern", "non-empty"),
    ],
)
def test_bad_layout_data_is_refused(raw, where, detail):
    with pytest.raises(DataFileError) as err:
        parse_layout_rules(raw, "layout-test.toml")
    assert err.value.file == "layout-test.toml"
    assert err.value.where == where
    assert detail in err.value.detail


# --- single lines in context ------------------------------------------------------------------

BODY = "Gunmen killed five farmers in a village near Maiduguri on Monday, police said."
BODY2 = "The attackers fled on motorcycles towards the Sambisa forest, residents told reporters."


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Share this article", "chrome"),
        ("Home", "chrome"),
        ("Sign in", "chrome"),
        ("3 min read", "chrome"),
        ("Updated 14:05 GMT, 2 March 2021", "chrome"),
        ("By Aisha Salaudeen and Stephanie Busari, CNN", "chrome"),
        ("https://example.com/img/2021/03/borno-attack.jpg", "chrome"),
        ("1,532", "chrome"),
        ("»", "chrome"),
        ("We use cookies to personalise content and ads.", "chrome"),
        ("Nigerian troops on patrol in Borno state | Photo: Reuters", "caption"),
        ("Residents walk past burnt houses in Konduga, Nigeria, Tuesday, March 2, 2021. (AP Photo/Jossy Ola)", "caption"),
        ("Smoke rises over the market after the attack. Getty Images", "caption"),
        ("Soldiers stand guard at a checkpoint in Maiduguri, Nigeria, 2 March 2021.", "caption"),
        ("Insurgents step up attacks in north-east Nigeria", "heading"),
        ("Can the Army Hold Maiduguri?", "heading"),
        ("Will the army be able to withdraw from the town before the rains begin this year?", "body"),
        (BODY, "body"),
    ],
)
def test_line_kinds(line, kind):
    text = f"Insurgents kill five in Borno\n\n{BODY}\n\n{line}\n\n{BODY2}\n"
    assert kind_of_line(text, line) == kind


def test_credit_only_line_makes_twin_description_a_caption():
    text = (
        f"{BODY}\n\nA bombed-out market in Sanaa, Yemen\n© Reuters / Khaled Abdullah\n"
        f"A bombed-out market in Sanaa, Yemen\n\n{BODY2}\n"
    )
    segments, _ = analyse_layout(text, PUBLISHED)
    got = [(text[s.start:s.end], s.kind) for s in segments]
    assert got[1:4] == [
        ("A bombed-out market in Sanaa, Yemen", "caption"),
        ("© Reuters / Khaled Abdullah", "chrome"),
        ("A bombed-out market in Sanaa, Yemen", "caption"),
    ]


def test_headline_before_a_credit_stays_a_heading():
    text = f"Taliban Seize District Centre in Helmand, Officials Say\n© AP Photo / Rahmat Gul\n\n{BODY}\n"
    assert kind_of_line(text, "Taliban Seize") == "heading"


@pytest.mark.parametrize(
    "line, place, body_start",
    [
        ("KABUL, Afghanistan (Reuters) - A car bomb killed three soldiers on Monday.", "KABUL", "A car bomb"),
        ("BAGHDAD (AP) — Two rockets hit the Green Zone late on Sunday.", "BAGHDAD", "Two rockets"),
        ("ADEN, Yemen — Houthi fighters shelled a market, killing four.", "ADEN", "Houthi fighters"),
        ("DEIR EZ-ZOR, Syria, Oct 11 (Reuters) - An IED hit a patrol.", "DEIR EZ-ZOR", "An IED"),
    ],
)
def test_dateline_split_off_body(line, place, body_start):
    text = f"Attack reported\n\n{line}\n\n{BODY2}\n"
    segments, _ = analyse_layout(text, PUBLISHED)
    kinds = [s.kind for s in segments]
    i = kinds.index("dateline")
    assert kinds[i + 1] == "body"
    assert dateline_place(text[segments[i].start:segments[i].end]) == place
    assert text[segments[i + 1].start:].startswith(body_start)


def test_no_dateline_in_ordinary_sentences():
    text = "ISIS - the group - claimed the attack on Monday in Raqqa, according to activists.\n"
    assert [s.kind for s in analyse_layout(text, PUBLISHED)[0]] == ["body"]


@pytest.mark.parametrize("marker", ["Leave a Reply", "Related Posts", "Tags: Nigeria, Borno", "Previous Article",
                                    "Comment policy", "You may also like", "Source: Daily Trust, Gunmen kill five"])
def test_end_marker_turns_rest_of_story_to_chrome(marker):
    text = f"{BODY}\n\n{marker}\n\nBandits Abduct 30 Pupils in Zamfara\n\n{BODY2}\n"
    segments, stories = analyse_layout(text, PUBLISHED)
    assert len(stories) == 1
    assert [s.kind for s in segments] == ["body", "chrome", "chrome", "chrome"]


def test_end_marker_before_body_does_not_end_the_article():
    text = f"Tags: Syria, Idlib\n\n{BODY}\n\n{BODY2}\n"
    assert [s.kind for s in analyse_layout(text, PUBLISHED)[0]] == ["chrome", "body", "body"]


# --- stories ---------------------------------------------------------------------------------

APPENDED = (
    "Gunmen Kill Five Farmers in Borno\n\n"
    f"{BODY}\n\n{BODY2}\n\n\n"
    "Houthis Claim Drone Strike on Saudi Airport\n\n"
    "Yemenis inspect a damaged house in Sanaa, Yemen, March 1, 2021. (Reuters)\n"
    "TT\n\n"
    "Houthis Claim Drone Strike on Saudi Airport\n\n"
    "Yemen's Houthi movement said on Tuesday it had launched a drone at Abha airport in southern Saudi Arabia.\n"
)


def test_appended_story_after_heading_and_caption():
    segments, stories = analyse_layout(APPENDED, PUBLISHED)
    assert [s.index for s in stories] == [0, 1]
    assert stories[0].reference_date == PUBLISHED
    assert stories[1].reference_date is None
    assert APPENDED[stories[1].start:].startswith("Houthis Claim Drone Strike")
    second = [s for s in segments if s.story == 1]
    assert [s.kind for s in second] == ["heading", "caption", "chrome", "heading", "body"]


def test_subheading_followed_by_body_is_same_story():
    text = f"Gunmen Kill Five in Borno\n\n{BODY}\n\nAttacks on the rise\n\n{BODY2}\n"
    segments, stories = analyse_layout(text, PUBLISHED)
    assert len(stories) == 1
    assert [s.kind for s in segments] == ["heading", "body", "heading", "body"]


def test_heading_after_end_marker_with_datelined_body_is_a_new_story():
    text = (f"{BODY}\n\nRelated Posts\n\nTaliban attack checkpoint in Kunduz\n\n"
            "KUNDUZ, Afghanistan (AP) — Taliban fighters attacked a checkpoint overnight, killing four police officers.\n")
    segments, stories = analyse_layout(text, None)
    assert len(stories) == 2 and stories[0].reference_date is None
    assert [s.kind for s in segments if s.story == 1] == ["heading", "dateline", "body"]


def test_related_link_list_is_not_a_story():
    text = (f"{BODY}\n\nRelated:\n\nPink Eyes & Houseflies\nPink Eyes & Houseflies\n"
            "UAE, Bahrain and Israel: Peace or Discord?\n")
    _, stories = analyse_layout(text, PUBLISHED)
    assert len(stories) == 1


def test_segments_are_disjoint_and_ordered():
    segments, _ = analyse_layout(APPENDED, PUBLISHED)
    for a, b in zip(segments, segments[1:]):
        assert a.end <= b.start
        assert not APPENDED[a.end:b.start].strip()


def test_empty_text():
    assert analyse_layout("  \n\n ", PUBLISHED) == ([], [])


# --- the seed pages --------------------------------------------------------------------------

SEED_PUBLISHED = dt.date(2020, 10, 11)


def seed(prefix: str) -> str:
    require_shared(SEEDS)
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8")


@pytest.mark.parametrize(
    "prefix, needle, kind",
    [
        ("000", "Breadcrumb", "chrome"),
        ("000", "2 min read", "chrome"),
        ("000", "Tension between US and the militia", "heading"),
        ("000", "At least two people were killed", "body"),
        ("001", "BAGHDAD (AP) —", "dateline"),
        ("001", "Leave a Reply", "chrome"),
        ("001", "Your email address will not be published", "chrome"),
        ("001", "Source: 8kun Notables", "chrome"),
        ("002", "A member of Hashid al-Shaabi waves a flag", "caption"),
        ("002", "SULAIMANI (ESTA) —", "dateline"),
        ("002", "Previous Article", "chrome"),
        ("002", "589 more people infected", "chrome"),
        ("002", "Nagorno-Karabakh truce frays", "chrome"),
        ("002", "A roadside blast hit a convoy", "body"),
        ("003", "U.S. soldiers stand guard", "caption"),
        ("003", "Register", "chrome"),
        ("003", "Listen Live", "chrome"),
        ("003", "© AP Photo / Ali Abdul Hassan", "chrome"),
        ("003", "Get short URL", "chrome"),
        ("003", "https://cdn1.img.sputniknews.com", "chrome"),
        ("003", "Iraqi militia groups have agreed to temporarily stop", "body"),
        ("003", "Green Zone inside Baghdad, Iraq", "caption"),
        ("003", "Two Katyusha Rockets Fall Near", "chrome"),
        ("003", "Community standards", "chrome"),
        ("003", "General Data Protection Regulation (GDPR)", "chrome"),
        ("003", "Log inPrivacy Policy", "chrome"),
        ("003", "promotes hatred and discrimination", "chrome"),
        ("004", "Kataib Hezbollah supporters storm US supporters", "caption"),
        ("004", "TT", "chrome"),
        ("004", "Hamas, Two Other Palestinian Groups", "heading"),
        ("004", "Palestinians inspect damages", "caption"),
    ],
)
def test_seed_page_roles(prefix, needle, kind):
    text = seed(prefix)
    segments, _ = analyse_layout(text, SEED_PUBLISHED)
    hits = {s.kind for s in segments if needle in text[s.start:s.end]}
    assert hits == {kind}, f"{prefix}: {needle!r} -> {hits}"


@pytest.mark.parametrize("prefix, n_stories", [("000", 1), ("001", 1), ("002", 1), ("003", 1), ("004", 2)])
def test_seed_story_counts(prefix, n_stories):
    _, stories = analyse_layout(seed(prefix), SEED_PUBLISHED)
    assert len(stories) == n_stories
    assert stories[0].reference_date == SEED_PUBLISHED


def test_seed_004_second_story_starts_at_hamas_headline():
    text = seed("004")
    segments, stories = analyse_layout(text, SEED_PUBLISHED)
    assert text[stories[1].start:].startswith("Hamas, Two Other Palestinian Groups")
    assert stories[1].reference_date is None
    assert all(s.story == 1 for s in segments if s.start >= stories[1].start)
    assert all(s.story == 0 for s in segments if s.end <= stories[0].end)
