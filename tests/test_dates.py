"""Stage 4: dates. Table-driven over varied news sentences; one test reads the seed pages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.dates import DateContext, find_date_expressions, resolve_sentence_date
from coder.models import ResolvedDate
from conftest import SEEDS, require_shared

D = dt.date
SUN = D(2020, 10, 11)
MON = D(2020, 10, 12)
TUE = D(2020, 10, 13)
WED = D(2020, 10, 14)


def _rd(day: dt.date, tp: int = 1, kind: str = "weekday", text: str = "x") -> ResolvedDate:
    return ResolvedDate(date=day, time_precision=tp, kind=kind, text=text)


# ---------------------------------------------------------------------------
# find_date_expressions
# ---------------------------------------------------------------------------

NOT_DATES = [
    "2 min read",
    "The US is slowly reducing its 5,000 troops in Iraq.",
    "The 24/7 channel carried the speech live.",
    "Updated 21:14 GMT",
    "Page 2 of 3",
    "A 35-year-old man was shot in Kano.",
    "Theresa May said the march would go ahead.",
    "Two rockets and three vehicles were destroyed.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_non_dates_are_ignored(text):
    assert find_date_expressions(text, 0) == []


EXPRESSIONS = [
    # (sentence, expression text, kind, qualifier, attaches_to_report)
    ("Two people were killed, Iraqi security sources said early on Sunday.", "early on Sunday", "weekday", "early", True),
    ("Three of the militia officials said Sunday.", "Sunday", "weekday", None, True),
    ("The groups offered a truce, Reuters cited one of the groups as saying on Sunday.", "on Sunday", "weekday", None, True),
    ("A Hamas leader told AFP on Saturday that talks had made progress.", "on Saturday", "weekday", None, True),
    ("The ministry reported on Sunday that the road was reopened.", "on Sunday", "weekday", None, True),
    ("The army said in a statement late on Saturday that it had retaken the town.", "late on Saturday", "weekday", "late", True),
    ("Speaking in a televised interview with Al-Iraqiya channel late on Monday, the minister denied it.",
     "late on Monday", "weekday", "late", True),
    ("Yemeni security sources on Sunday said a drone hit Marib.", "on Sunday", "weekday", None, True),
    ("On Sunday, the Nigerian army said troops repelled an attack.", "On Sunday", "weekday", None, True),
    ("A bomb exploded on Sunday in Kabul, police said.", "on Sunday", "weekday", None, False),
    ("On Saturday, gunmen killed three villagers in Zamfara, police said.", "On Saturday", "weekday", None, False),
    ("Clashes erupted in the early hours of Sunday near Idlib.", "in the early hours of Sunday", "weekday", "early", False),
    ("A mortar hit the market on Saturday night.", "on Saturday night", "weekday", "late", False),
    ("Rockets hit the base early Friday, March 27, 2020.", "early Friday, March 27, 2020", "absolute", "early", False),
    ("Shelling hit Idlib in late September.", "in late September", "month", "late", False),
    ("Jets struck the area overnight.", "overnight", "relative_day", "overnight", False),
    ('"A sticky bomb exploded this evening," the captain said.', "this evening", "relative_day", "late", False),
    ("Clashes broke out in Aden last week.", "last week", "week", None, False),
    ("Protesters gathered at the weekend.", "at the weekend", "week", None, False),
    ("The fighting began in 2019.", "in 2019", "year", None, False),
    ("Rockets hit the embassy last month.", "last month", "month", None, False),
    ("The vote was held on 27/03/2020.", "27/03/2020", "absolute", None, False),
    ("The raid on 2021-05-10 was condemned.", "2021-05-10", "absolute", None, False),
    ("A car bomb exploded on Jan. 1, 2020 in Mogadishu.", "Jan. 1, 2020", "absolute", None, False),
    ("Troops clashed with rebels on 9 September.", "9 September", "absolute", None, False),
]


@pytest.mark.parametrize("text, phrase, kind, qualifier, attached", EXPRESSIONS)
def test_expression_found_with_kind_qualifier_and_attachment(text, phrase, kind, qualifier, attached):
    found = find_date_expressions(text, 0)
    assert [e.text for e in found] == [phrase]
    e = found[0]
    assert (e.kind, e.qualifier, e.attaches_to_report) == (kind, qualifier, attached)
    assert text[e.start:e.end] == phrase


def test_offsets_are_absolute():
    text = "A bomb exploded on Sunday."
    (e,) = find_date_expressions(text, 1000)
    assert (e.start, e.end) == (1016, 1025)


def test_several_expressions_in_order():
    found = find_date_expressions("Police said on Monday that a bomb exploded on Saturday in Mogadishu.", 0)
    assert [(e.text, e.attaches_to_report) for e in found] == [("on Monday", True), ("on Saturday", False)]


# ---------------------------------------------------------------------------
# resolve_sentence_date
# ---------------------------------------------------------------------------

RESOLVE = [
    # id, sentence, context, announcement, (date, tp, kind) or None, background
    ("weekday same day as Sunday publication", "A car bomb exploded on Sunday in Kabul.",
     DateContext(SUN), False, (SUN, 1, "weekday"), False),
    ("weekday the day before a Monday publication", "A car bomb exploded on Sunday in Kabul.",
     DateContext(MON), False, (SUN, 1, "weekday"), False),
    ("bare weekday, three days back", "Gunmen attacked a checkpoint in Borno Sunday.",
     DateContext(WED), False, (SUN, 1, "weekday"), False),
    ("'last Sunday' on a Sunday is a week back", "Militants stormed the village last Sunday.",
     DateContext(SUN), False, (D(2020, 10, 4), 1, "weekday"), False),
    ("incident reported early on Sunday: the day before",
     "At least two people were killed in Anbar, Iraqi security sources said early on Sunday.",
     DateContext(SUN), False, (D(2020, 10, 10), 1, "weekday"), False),
    ("incident reported in the early hours: the day before",
     "Two soldiers died in a blast in Helmand, officials said in the early hours of Tuesday.",
     DateContext(TUE), False, (MON, 1, "weekday"), False),
    ("incident reported on Sunday (not early): that day",
     "A roadside bomb killed two soldiers in Helmand, officials said on Sunday.",
     DateContext(MON), False, (SUN, 1, "weekday"), False),
    ("incident reported 'said Sunday'", "Police said Sunday that gunmen killed a farmer in Zamfara.",
     DateContext(SUN), False, (SUN, 1, "weekday"), False),
    ("announcement reported early on Sunday: the report date",
     "The militias agreed to a truce, one of the groups said early on Sunday.",
     DateContext(SUN), True, (SUN, 1, "weekday"), False),
    ("announcement 'told Reuters on Monday'", "The Houthis offered a prisoner swap, a spokesman told Reuters on Monday.",
     DateContext(TUE), True, (MON, 1, "weekday"), False),
    ("'this evening' takes the story's event date",
     '"A sticky bomb attached to a car exploded this evening," a police captain said.',
     DateContext(SUN, discourse_date=_rd(D(2020, 10, 10))), False, (D(2020, 10, 10), 1, "relative_day"), False),
    ("'this evening' with no story date: the reference date",
     '"A sticky bomb exploded this evening," a police captain said.',
     DateContext(SUN), False, (SUN, 1, "relative_day"), False),
    ("'yesterday' one day before the story's date", '"They shelled our village yesterday," a resident said.',
     DateContext(SUN, discourse_date=_rd(D(2020, 10, 10))), False, (D(2020, 10, 9), 1, "relative_day"), False),
    ("'today' in a Syrian story", '"Regime jets bombed Maarat al-Numan today," the monitor said.',
     DateContext(TUE), False, (TUE, 1, "relative_day"), False),
    ("overnight alone: the night before", "Israeli jets struck targets in Gaza overnight.",
     DateContext(MON), False, (SUN, 1, "relative_day"), False),
    ("two days ago", "Residents said the convoy was ambushed two days ago.",
     DateContext(WED), False, (D(2020, 10, 12), 1, "relative_day"), False),
    ("last week: Wednesday of the previous ACLED week, tp 2", "Clashes broke out in Aden last week.",
     DateContext(SUN), False, (D(2020, 10, 7), 2, "week"), False),
    ("last week from a Friday", "Clashes broke out in Aden last week.",
     DateContext(D(2020, 10, 16)), False, (D(2020, 10, 7), 2, "week"), False),
    ("earlier this week, never after the reference", "Al-Shabaab fighters attacked a base earlier this week.",
     DateContext(MON), False, (MON, 2, "week"), False),
    ("at the weekend: Saturday, tp 2", "Protesters clashed with police in Khartoum at the weekend.",
     DateContext(MON), False, (D(2020, 10, 10), 2, "week"), False),
    ("in January in an October story: background",
     "The militia urged the government to implement a parliamentary resolution in January.",
     DateContext(SUN), False, (D(2020, 1, 15), 3, "month"), True),
    ("in late September: last day, background", "Shelling hit Idlib in late September.",
     DateContext(SUN), False, (D(2020, 9, 30), 3, "month"), True),
    ("in early October: first day, same month", "Fighting flared in Marib in early October.",
     DateContext(SUN), False, (D(2020, 10, 1), 3, "month"), False),
    ("last month: mid-month, background", "Rockets hit the US embassy last month.",
     DateContext(SUN), False, (D(2020, 9, 15), 3, "month"), True),
    ("December in a January story is last year's", "Boko Haram raided Monguno in December.",
     DateContext(D(2021, 1, 10)), False, (D(2020, 12, 15), 3, "month"), True),
    ("absolute date within the window", "The attack on October 9, 2020 killed three.",
     DateContext(SUN), False, (D(2020, 10, 9), 1, "absolute"), False),
    ("absolute date of another year: background", "The attack on October 9, 2019 killed three.",
     DateContext(SUN), False, (D(2019, 10, 9), 1, "absolute"), True),
    ("numeric absolute date months back: background", "Rockets hit the base on 27/03/2020.",
     DateContext(SUN), False, (D(2020, 3, 27), 1, "absolute"), True),
    ("absolute without year takes the reference's", "Troops clashed with rebels on 9 October.",
     DateContext(SUN), False, (D(2020, 10, 9), 1, "absolute"), False),
    ("absolute without year across new year", "Gunmen killed two herders on 30 December.",
     DateContext(D(2021, 1, 2)), False, (D(2020, 12, 30), 1, "absolute"), False),
    ("caption weekday resolves against the paragraph anchor",
     "Iraq's military on Thursday said at least two rockets hit inside Baghdad's Green Zone.",
     DateContext(SUN, paragraph_anchor=D(2020, 3, 27)), False, (D(2020, 3, 26), 1, "weekday"), True),
    ("appended story with no reference date: weekday gives no date",
     "Hamas said on Saturday that talks with Israel had made progress.",
     DateContext(None), False, None, False),
    ("appended story with no reference date: absolute date stands",
     "On May 10, 2021, rockets were fired from Gaza.", DateContext(None), False, (D(2021, 5, 10), 1, "absolute"), False),
    ("no expression: inherit the story's date", "The blast also damaged two shops.",
     DateContext(SUN, discourse_date=_rd(D(2020, 10, 10))), False, (D(2020, 10, 10), 1, "inherited"), False),
    ("no expression after a background month: inherited background",
     "The decision came after a drone strike at Baghdad airport killed a general.",
     DateContext(SUN, discourse_date=_rd(D(2020, 1, 15), 3, "month")), False, (D(2020, 1, 15), 3, "inherited"), True),
    ("no expression, no story date: as reported, tp 2", "An investigation has been launched into the bombing.",
     DateContext(SUN), False, (SUN, 2, "publication"), False),
    ("no expression and no reference: no date", "Gunmen opened fire on a bus.", DateContext(None), False, None, False),
    ("'2 min read' is not a date", "2 min read", DateContext(SUN), False, (SUN, 2, "publication"), False),
    ("year only, earlier year: background", "Rebels captured the town in 2019.",
     DateContext(SUN), False, (D(2019, 7, 1), 3, "year"), True),
    ("year only, this year: not codable", "Rebels captured the town earlier this year.",
     DateContext(SUN), False, None, False),
    ("'next Friday' is no past event", "Talks will resume next Friday.", DateContext(SUN), False, None, False),
    ("a future absolute date: background", "Elections are due on November 3.",
     DateContext(SUN), False, (D(2020, 11, 3), 1, "absolute"), True),
    ("incident date beats the report date", "Police said on Monday that a bomb exploded on Saturday in Mogadishu.",
     DateContext(TUE), False, (D(2020, 10, 10), 1, "weekday"), False),
]


@pytest.mark.parametrize("sentence, ctx, announcement, expected, background",
                         [c[1:] for c in RESOLVE], ids=[c[0] for c in RESOLVE])
def test_resolve_sentence_date(sentence, ctx, announcement, expected, background):
    outcome = resolve_sentence_date(sentence, 0, ctx, announcement=announcement)
    if expected is None:
        assert outcome.date is None
        assert outcome.reason
    else:
        assert outcome.date is not None, outcome.reason
        assert (outcome.date.date, outcome.date.time_precision, outcome.date.kind) == expected
    assert outcome.background is background


def test_early_report_gives_a_reason():
    outcome = resolve_sentence_date("Two people were killed, sources said early on Sunday.", 0, DateContext(SUN))
    assert "before the report" in outcome.date.reason
    assert outcome.date.text == "early on Sunday"


def test_trigger_picks_the_nearest_expression():
    text = "A mortar hit Aden on Friday, a day after clashes on Thursday in Lahij."
    near_clashes = text.index("clashes")
    assert resolve_sentence_date(text, 0, DateContext(SUN)).date.date == D(2020, 10, 9)
    assert resolve_sentence_date(text, 0, DateContext(SUN), trigger_start=near_clashes).date.date == D(2020, 10, 8)


def test_the_trigger_span_picks_the_date_after_it():
    text = "Villagers buried their dead on Saturday after an attack by rebels on Friday left six people dead."
    start = text.index("attack by rebels")
    end = start + len("attack by rebels")
    outcome = resolve_sentence_date(text, 0, DateContext(SUN), trigger_start=start, trigger_end=end)
    assert outcome.date.date == D(2020, 10, 9)


def test_an_opening_date_governs_the_sentence_whatever_the_trigger():
    text = "On 1 October 2020, hundreds of people marched in the city to mark the October 2019 protests."
    start = text.index("protests")
    outcome = resolve_sentence_date(text, 0, DateContext(SUN), trigger_start=start, trigger_end=start + 8)
    assert outcome.date.date == D(2020, 10, 1)


def test_story_walk_carries_event_date_and_background():
    """Sentence by sentence, as the incidents stage walks a story."""
    story = [
        ("The militia urged the government to implement a parliamentary resolution in January.", True, None),
        ("The decision came after a drone strike killed a general.", True, None),
        ("Two people were killed in Anbar, security sources said early on Sunday.", False, D(2020, 10, 10)),
        ('"A sticky bomb exploded this evening," a police captain said.', False, D(2020, 10, 10)),
        ("An investigation has been launched.", False, D(2020, 10, 10)),
    ]
    discourse = None
    for sentence, background, day in story:
        outcome = resolve_sentence_date(sentence, 0, DateContext(SUN, discourse_date=discourse))
        assert outcome.background is background, sentence
        if day is not None:
            assert outcome.date.date == day, sentence
        if outcome.carries is not None:
            discourse = outcome.carries


@settings(max_examples=60, deadline=None)
@given(ref=st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
       weekday=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_never_future_nor_a_week_back(ref, weekday):
    outcome = resolve_sentence_date(f"Gunmen attacked a convoy on {weekday}.", 0, DateContext(ref))
    day = outcome.date.date
    assert 0 <= (ref - day).days <= 6
    assert day.strftime("%A") == weekday


# ---------------------------------------------------------------------------
# Seed pages (../shared)
# ---------------------------------------------------------------------------

SEED_SENTENCES = [
    # (file, start of the sentence, announcement, expected date)
    ("000_4469140e889dc2fc.txt", "At least two people were killed", False, D(2020, 10, 10)),
    ("002_522477c93a28e291.txt", "A roadside blast hit a convoy", False, D(2020, 10, 11)),
    ("004_810f09858b0bd838.txt", "An array of Iran-backed Iraqi militia groups", True, D(2020, 10, 11)),
]


@pytest.mark.parametrize("name, opening, announcement, expected", SEED_SENTENCES)
def test_seed_sentences(name, opening, announcement, expected):
    seeds = require_shared(SEEDS)
    manifest = {json.loads(line)["file"]: json.loads(line) for line in (seeds / "manifest.jsonl").read_text().splitlines()
                if line.strip()}
    published = D.fromisoformat(manifest[name]["published"])
    text = (seeds / name).read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.strip().startswith(opening))
    outcome = resolve_sentence_date(line.split(". ")[0], 0, DateContext(published), announcement=announcement)
    assert outcome.date is not None and outcome.date.date == expected
    assert not outcome.background


@pytest.mark.parametrize("sentence, expected", [
    # "early" moves a day-precise report back a day, never a month or a week
    ("Rebels seized the town, the army said in early October.", (D(2020, 10, 1), 3)),
    ("Rebels seized the town, the army said early last week.", (D(2020, 10, 7), 2)),
    ("Rebels seized the town, the army said early today.", (D(2020, 10, 10), 1)),
])
def test_early_report_shift_only_at_day_precision(sentence, expected):
    outcome = resolve_sentence_date(sentence, 0, DateContext(SUN))
    assert (outcome.date.date, outcome.date.time_precision) == expected


# ---------------------------------------------------------------------------
# absolute dates read without dateparser
# ---------------------------------------------------------------------------

_NAMES = ["January", "February", "May", "September", "December", "Jan", "Feb", "Sept", "Sep", "Oct.", "Dec."]


def _absolute_shapes() -> list[tuple[str, bool]]:
    """Cores of every shape the absolute finders return: month-day and day-month with suffixes, "of", years and
    commas; numeric dates with both separators; ISO dates. Valid and invalid days (30 February, 29 February in
    a common and a leap year, day 0, month 13, day and month swapped)."""
    shapes = []
    for i, name in enumerate(_NAMES):
        for day, suffix in (("1", "st"), ("2", "ND"), ("9", ""), ("07", "th"), ("29", ""), ("30", "th"), ("31", ""),
                            ("0", ""), ("3", "st")):
            for year in ("", ", 2021", " 2020", ",  1999"):
                shapes.append((f"{name} {day}{suffix}{year}", False))
                shapes.append((f"{day}{suffix} {'of ' if i % 2 else ''}{name}{year}", False))
    for day, month in (("27", "03"), ("5", "6"), ("31", "4"), ("12", "13"), ("29", "02"), ("00", "05")):
        for year in ("2020", "2021"):
            shapes += [(f"{day}/{month}/{year}", True), (f"{day}.{month}.{year}", True),
                       (f"{day}./{month}{year}", True), (f"{day}.{month}/{year}", True)]
    shapes += [("2020-10-11", True), ("2020-13-11", True), ("2021-02-29", True), ("2020-02-29", True)]
    return shapes


def test_quick_absolute_dates_agree_with_dateparser() -> None:
    """The absolute dates read without dateparser get its month and day (and year where one is stated); what the
    quick reading leaves alone still goes to dateparser."""
    from coder.dates import _dateparser_absolute, _parse_absolute, _quick_absolute

    quick = 0
    for core, numeric in _absolute_shapes():
        q = _quick_absolute(core, numeric)
        expected = _dateparser_absolute(core, numeric)
        if q is not None:
            quick += 1
            assert expected is not None, core
            assert (q.month, q.day) == (expected.month, expected.day), core
            if core[-4:].isdigit() and not core[:4].isdigit():
                assert q.year == expected.year, core
        got = _parse_absolute(core, numeric)
        assert (got and (got.month, got.day)) == (expected and (expected.month, expected.day)), core
    assert quick > 200  # most shapes are read without dateparser


def test_a_month_name_inside_a_longer_word_is_not_a_month() -> None:
    # "in Maysan" (an Iraqi province) is not "in May"; "in Marchmont" not "in March"
    from coder.dates import find_date_expressions
    assert not [e for e in find_date_expressions("Gunmen threw a grenade at a house in Maysan province.") if e.kind == "month"]
    assert [e for e in find_date_expressions("Gunmen threw a grenade at a house in May.") if e.kind == "month"]
