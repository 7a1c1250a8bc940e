"""Stage 4: dates. A sentence (with its story's context) in, the date its event is coded with out.

Absolute dates ("October 9, 2023", "9 September", "27/03/2020") are found here and their
values read by dateparser. Relative references ("on Sunday", "this evening", "last week",
"in January") are resolved by newsroom convention, because dateparser resolves them
against a clock, not against a story: with a Sunday reference it puts "on Sunday" a week
back, finds nothing in "early on Sunday" and finds a date in "2 min read"
(see bench/dateparser_baseline.py).

Conventions (each has a test in tests/test_dates.py):

* Weekday ("on Sunday", "Sunday"): the reference day itself when it is that weekday,
  otherwise the most recent such weekday before it; never in the future and never seven
  days back for the same weekday. "last Sunday" is always strictly before. time_precision 1.
* A weekday (or any expression) attached to a reporting verb ("sources said early on
  Sunday", "told Reuters on Monday", "quoted as saying on Sunday") dates the *report*.
  - announcement=True (a statement, an agreement): the report date is the event date.
  - an incident reported "early", "overnight", "before dawn", "in the early hours": it
    happened before the report, so the day before (tp 1, with a reason).
  - an incident reported "on Sunday" or "late on Sunday": that day (tp 1). (A report
    late in the day most likely covers that day's incident, so "late" does not move it.)
* "today", "this morning/afternoon/evening", "tonight", "the same day" (typically
  quoted speech): the discourse event date when the story has one at day precision (the
  speaker spoke on the day the story is about), else the reference date. "yesterday",
  "last night", "the day before": one day before that. "overnight" alone: the night
  before the reference date. "N days ago": N days before the reference date.
* Week ("last week", "this week", "at the weekend", "in recent days"): time_precision 2,
  the middle of the period (codebook: an event "last week" goes on a Wednesday).
  "last week" is the Saturday-Friday ACLED week before the one holding the reference
  date; "this week" is the Monday-Sunday week holding it (never after the reference
  date); the weekend is dated on its Saturday.
* Month ("in January", "last month", "in late September", "October 2020"):
  time_precision 3, the 15th, or the first/last day for "early"/"late" (codebook). A
  month before the reference date's month is background.
* Year only ("in 2019", "last year"): less precise than a month, so never coded (codebook);
  an earlier year is background.
* Absolute dates: as stated, tp 1. Without a year, the year that puts the date nearest
  the reference. More than `window_days` before the reference date (so also a date of
  another year) is background. Anything more than one day after the reference date is
  not a past event: background too.
* Relative expressions resolve against `paragraph_anchor` when one is set (a caption's
  "on Thursday" after "Friday, March 27, 2020" is 26 March 2020), else against the
  reference date.
* A background date also "carries": the sentences after it that state no date inherit it,
  and with it the background flag.
* No date expression: inherit the discourse date (kind "inherited"); else the reference
  date at time_precision 2 (kind "publication", the codebook's "as reported" rule); with
  no reference date either, no date (the caller does not code the event).
* Several expressions: those not attached to a reporting verb win; among them the one
  nearest `trigger_start` when given, else the first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from coder.models import ResolvedDate
from coder.prefilter import LiteralIndex, NearSearch, needed_literals, present

ExprKind = Literal["absolute", "weekday", "relative_day", "week", "month", "year"]
Qualifier = Literal["early", "late", "overnight"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# ---------------------------------------------------------------------------
# Patterns. Month names must be capitalised (English always does): "may", "march" and
# "sat" are ordinary words. Everything else is case-insensitive.
# ---------------------------------------------------------------------------

_MONTH = (
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)"
)
_WD = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_LEAD_WD = rf"(?:(?i:early\s+|late\s+)?(?P<wd>{_WD}),?\s+)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?![\d])"
_DAY = r"(?P<d>[0-3]?\d)(?i:st|nd|rd|th)?"

_ABSOLUTE = [
    # October 9, 2023 / Jan. 1, 2020 / Friday, March 27, 2020 / Oct 9
    re.compile(rf"{_LEAD_WD}(?P<core>{_MONTH}\s+{_DAY}(?![\d:])(?:,?\s+{_YEAR})?)"),
    # 9 September / 11 October 2020 / 9th of May, 2021
    re.compile(rf"{_LEAD_WD}(?P<core>(?<![\d,.:/]){_DAY}\s+(?i:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)"),
    # 27/03/2020 / 27.03.2020 (day first, as most outlets outside the US write it)
    re.compile(r"(?P<core>(?<![\d/.:-])[0-3]?\d[/.][01]?\d[/.](?P<y>(?:19|20)\d{2})(?![\d/.]\d))"),
    # 2020-10-11
    re.compile(r"(?P<core>(?<![\d-])(?P<y>(?:19|20)\d{2})-[01]\d-[0-3]\d(?![\d-]))"),
]

_WEEKDAY = re.compile(
    r"(?i:(?P<pre>(?:early|late|overnight)\s+(?:on\s+|into\s+)?|(?:in\s+the\s+early\s+hours\s+of|before\s+dawn\s+on"
    r"|at\s+dawn\s+on|on\s+the\s+night\s+of|on\s+the\s+morning\s+of|on\s+the\s+evening\s+of)\s+|on\s+)?"
    r"(?:(?P<rel>last|this|next|past)\s+)?"
    rf"(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?)\b"
)

_RELATIVE_DAY = re.compile(
    r"(?i:\b(?:"
    r"(?P<today>(?:earlier\s+|later\s+|early\s+|late\s+)?today|tonight|(?:early\s+|late\s+)?this\s+(?:morning|afternoon|evening)|(?:on\s+)?the\s+same\s+day)"
    r"|(?P<yesterday>(?:early\s+|late\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night"
    r"|the\s+(?:day\s+before|previous\s+day)|a\s+day\s+(?:earlier|before))"
    r"|(?P<ago>(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago)"
    r"|(?P<overnight>overnight)"
    r"))\b"
)

_WEEK = re.compile(
    r"(?i:\b(?:"
    r"(?P<lastweek>(?:early|late|earlier)?\s*(?:last|the\s+previous|the\s+past)\s+week)(?!end)"
    r"|(?P<thisweek>(?:earlier\s+|early\s+|late\s+)?this\s+week)(?!end)"
    r"|(?P<lastweekend>last\s+weekend)"
    r"|(?P<weekend>(?:at|over|during)\s+the\s+weekend|this\s+(?:past\s+)?weekend)"
    r"|(?P<recent>(?:in|over|during)\s+(?:recent\s+days|the\s+(?:past|last)\s+(?:few|two|three|several)\s+days))"
    r"))\b"
)

_MONTH_ONLY = [
    # in January / in late September / since mid-March / by the end of June 2019
    re.compile(
        r"(?i:\b(?P<prep>in|during|since|until|by|through|throughout|last|this|early|late|mid"
        r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+)"
        r"(?:(?i:(?P<q>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of))[\s-]+)?"
        rf"{_MONTH}(?!\s*\d{{1,2}}\b(?!\d))(?:,?\s+(?i:of\s+)?{_YEAR})?"
    ),
    # October 2020
    re.compile(rf"\b{_MONTH}\s+{_YEAR}"),
]

_RELATIVE_MONTH = re.compile(
    r"(?i:\b(?:(?P<q>earlier|early|late|later)\s+(?:in\s+)?)?(?:at\s+the\s+(?P<edge>end|beginning|start)\s+of\s+)?"
    r"(?P<which>last|this|the\s+previous|the\s+same|the)\s+month)\b"
)

_YEAR_ONLY = re.compile(
    r"(?i:\b(?:(?:in|during|since|until|by|throughout)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?P<y>(?:19|20)\d{2})(?![\d'’s])"
    r"|(?P<rel>(?:earlier\s+|early\s+|late\s+)?(?:last|this|the\s+previous)\s+year)))\b"
)

# Reporting verbs and nouns: an expression right after one of these (allowing a short
# object such as "Reuters" or "in a statement") dates the report, not the incident.
_REPORT_WORDS = {
    "said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces",
    "stated", "added", "confirmed", "claimed", "saying", "declared", "quoted", "cited",
    "according", "statement", "speaking", "spoke", "wrote", "tweeted", "posted", "denied",
    "insisted", "warned", "explained", "noted", "briefing", "interview", "conference",
    "reporting", "tweet", "communique", "communiqué", "announcement", "disclosed", "revealed",
}
# Words allowed between a reporting verb and the date: objects and the medium of the report.
_REPORT_GAP = {
    "in", "a", "an", "the", "to", "as", "with", "at", "on", "its", "his", "her", "their", "him", "them",
    "statement", "statements", "interview", "televised", "telephone", "phone", "channel", "news",
    "agency", "conference", "press", "briefing", "reporters", "journalists", "online", "by", "website",
    "tv", "television", "broadcast", "speech", "of", "one", "sources", "officials", "posted", "issued",
    "joint", "written", "video", "message", "posts", "post", "social", "media", "late", "early",
    "saying", "later", "also", "told", "separate", "brief",
}
# Words that may make up a reporting subject ("Iraqi security sources on Sunday said").
_SUBJECT_WORDS = {
    "a", "an", "the", "its", "his", "her", "their", "officials", "official", "police", "sources", "source",
    "ministry", "spokesman", "spokeswoman", "spokesperson", "security", "military", "army", "government",
    "militia", "militias", "groups", "group", "local", "residents", "witnesses", "authorities", "officer",
    "officers", "interior", "defence", "defense", "health", "medical", "commander", "governor", "leaders",
    "leader", "one", "of", "two", "three", "several", "statement", "agency", "news", "state", "media",
    "army's", "ministry's", "coalition", "forces", "provincial", "district", "head", "chief",
}
_WORD = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,]*")
_CLAUSE_BREAK = re.compile(r"[;:\"“”()]|,\s+(?:and|but|while|as|after|before|when)\b")

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class DateExpression:
    """A date phrase in a sentence. Offsets are absolute (into the article text).

    Value fields depend on `kind`: `value` for an absolute date with its year, `month`/`day`
    for one without; `weekday` (0 = Monday) and `relation` ("last", "next", "into") for
    weekdays; `shift` in days for relative days; `period` for weeks/months/years
    ("last", "this", "weekend", "recent", a month number, a year).
    """

    text: str
    start: int
    end: int
    kind: ExprKind
    qualifier: Qualifier | None = None
    attaches_to_report: bool = False
    value: dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relation: str | None = None
    shift: int = 0
    period: str | None = None


@dataclass
class DateContext:
    """What a sentence's relative dates resolve against (see the module docstring)."""

    reference_date: dt.date | None
    discourse_date: ResolvedDate | None = None
    paragraph_anchor: dt.date | None = None
    window_days: int = 7


@dataclass
class DateOutcome:
    """The date a sentence's event gets, whether it is background, and what the story carries on."""

    date: ResolvedDate | None
    background: bool
    reason: str
    carries: ResolvedDate | None = None


# ---------------------------------------------------------------------------
# Finding expressions
# ---------------------------------------------------------------------------


_FOUND: dict[tuple[str, int], list[DateExpression]] = {}


def find_date_expressions(text: str, offset: int = 0) -> list[DateExpression]:
    """Every date phrase in `text`, in order, non-overlapping (the longest phrase wins).

    Numbers that are not dates ("2 min read", "5,000 troops", "24/7", "21:14 GMT",
    "Page 2") are never returned: only phrases built on a month name, a weekday, a
    four-digit-year numeric date or a relative-day/week/month/year word are.

    A sentence is read once for its own date and again for each incident it reports: the expressions (frozen)
    of the latest sentences are kept.
    """
    key = (text, offset)
    hit = _FOUND.get(key)
    if hit is None:
        if len(_FOUND) >= 256:
            _FOUND.clear()
        hit = _FOUND[key] = _find_date_expressions(text, offset)
    return list(hit)


def _find_date_expressions(text: str, offset: int) -> list[DateExpression]:
    found: list[tuple[int, int, int, DateExpression]] = []  # (start, -length, priority, expr)
    finders, index, monthly, always = _checked_finders()
    hits = index.hits(text.lower())  # one pass for the needed words of every finder
    if not hits and not always:
        return []  # every finder needs a word, and the text has none of them (most sentences)
    literals = {literal for _, literal in hits}
    months = None
    for priority, (near, build, needs) in enumerate(finders):
        if not present(needs, literals):
            continue  # the phrase needs a word (a month, a weekday, "week") the text does not have
        if priority in monthly:
            if months is None:
                months = any(m in text for m in _MONTH_STARTS)
            if not months:
                continue  # a month name is written capitalised ("market" holds "mar", "decided" "dec")
        for m in near.finditer(text, hits):  # searched only around the words it needs
            expr = build(m, text, offset)
            if expr is not None:
                found.append((m.start(), -(m.end() - m.start()), priority, expr))
    found.sort(key=lambda t: (t[1], t[2], t[0]))  # longest first, then by priority
    taken: list[DateExpression] = []
    for _, _, _, expr in found:
        if all(expr.end <= t.start or expr.start >= t.end for t in taken):
            taken.append(expr)
    taken.sort(key=lambda e: e.start)
    return [_with_attachment(e, text, offset) for e in taken]


# needed strings of the finders whose parse tree names none (see coder.prefilter): a numeric date's year follows
# "/" or "."; an ISO date's month starts "-0" or "-1"; a year is "19.." or "20..", or the word "year"
_HAND_NEEDS = {_ABSOLUTE[2].pattern: frozenset({"/19", "/20", ".19", ".20"}),
               _ABSOLUTE[3].pattern: frozenset({"-0", "-1"}),
               _YEAR_ONLY.pattern: frozenset({"19", "20", "year"})}


# the capitalised first three letters of every month name: each match of a pattern holding _MONTH (case-sensitive)
# holds one of them
_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@cache
def _checked_finders():
    finders = [(NearSearch(p, needs), build, needs)
               for p, build in _finders() for needs in [needed_literals(p) or _HAND_NEEDS.get(p.pattern)]]
    monthly = frozenset(i for i, (n, _, _) in enumerate(finders) if _MONTH in n.pattern.pattern)
    always = any(needs is None for _, _, needs in finders)  # a finder searched whatever the text
    return finders, LiteralIndex(needs for _, _, needs in finders), monthly, always


def _finders():
    return [
        *((p, _build_absolute) for p in _ABSOLUTE),
        (_WEEKDAY, _build_weekday),
        (_RELATIVE_DAY, _build_relative_day),
        (_WEEK, _build_week),
        *((p, _build_month) for p in _MONTH_ONLY),
        (_RELATIVE_MONTH, _build_relative_month),
        (_YEAR_ONLY, _build_year),
    ]


def _span(m: re.Match, text: str, offset: int) -> tuple[str, int, int]:
    s, e = m.start(), m.end()
    # never start on whitespace (optional groups may be empty)
    while s < e and text[s].isspace():
        s += 1
    return text[s:e], s + offset, e + offset


def _qualifier_of(phrase: str) -> Qualifier | None:
    low = phrase.lower()
    if re.search(r"\b(?:overnight|on the night of)\b", low):
        return "overnight"
    if re.search(r"\b(?:early|dawn|early hours)\b", low):
        return "early"
    if re.search(r"\b(?:late|night|evening)\b", low):
        return "late"
    return None


# The usual shapes of an absolute date's core, read without dateparser: its import and first parse cost about
# 0.4 s of a process's time, more than the parsing of thousands of dates. Anything they do not cover, or that is
# not a valid date (dateparser then tries other day/month orders or a leap year), still goes to dateparser;
# tests/test_dates.py checks that both agree on every shape.
_NAMED_CORE = re.compile(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})(?:[A-Za-z]{2})?(?:,?\s+(?P<y>\d{4}))?"
                         r"|(?P<d2>\d{1,2})(?:[A-Za-z]{2})?\s+(?:[Oo][Ff]\s+)?(?P<mon2>[A-Za-z]+)\.?(?:,?\s+(?P<y2>\d{4}))?")
_NUMERIC_CORE = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})")


def _quick_absolute(core: str, numeric: bool) -> dt.datetime | None:
    """`_parse_absolute`'s value for a plain valid date (the year as stated, else 1999: only month and day are
    used), None when the phrase is left to dateparser."""
    if numeric:
        m = _NUMERIC_CORE.fullmatch(core)
        if m is None:
            return None
        if m.group("y"):
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    else:
        m = _NAMED_CORE.fullmatch(core)
        if m is None:
            return None
        name, d, y = (m.group("mon"), m.group("d"), m.group("y")) if m.group("mon") else \
            (m.group("mon2"), m.group("d2"), m.group("y2"))
        month = _MONTHS.get(name.lower())
        if month is None:
            return None
        year, day = (int(y) if y else 1999), int(d)
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.datetime(year, month, day)


@lru_cache(maxsize=4096)  # the relative base is fixed, so the value depends on the phrase only
def _parse_absolute(core: str, numeric: bool) -> dt.datetime | None:
    quick = _quick_absolute(core, numeric)
    if quick is not None:
        return quick
    return _dateparser_absolute(core, numeric)


def _dateparser_absolute(core: str, numeric: bool) -> dt.datetime | None:
    settings = {"REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": "DMY" if numeric else "MDY",
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "RELATIVE_BASE": dt.datetime(2000, 1, 1)}  # leap year: "February 29" parses
    import dateparser  # imported when first needed (about 0.15 s): many runs' first articles state no such date

    return dateparser.parse(core, languages=["en"], settings=settings)


def _build_absolute(m: re.Match, text: str, offset: int) -> DateExpression | None:
    core = m.group("core")
    numeric = core[:1].isdigit() and not re.search(r"[A-Za-z]", core)
    parsed = _parse_absolute(core, numeric)
    if parsed is None:
        return None
    phrase, start, end = _span(m, text, offset)
    year = int(m.group("y")) if m.groupdict().get("y") else None
    value = dt.date(year, parsed.month, parsed.day) if year else None
    weekday = WEEKDAYS.index(m.group("wd").lower()) if m.groupdict().get("wd") else None
    return DateExpression(phrase, start, end, "absolute", qualifier=_qualifier_of(phrase), value=value,
                          year=year, month=parsed.month, day=parsed.day, weekday=weekday)


def _build_weekday(m: re.Match, text: str, offset: int) -> DateExpression | None:
    phrase, start, end = _span(m, text, offset)
    rel = (m.group("rel") or "").lower() or None
    if rel == "past":
        rel = "last"
    pre = (m.group("pre") or "").lower()
    if "into" in pre:
        rel = "into"
    return DateExpression(phrase, start, end, "weekday", qualifier=_qualifier_of(phrase),
                          weekday=WEEKDAYS.index(m.group("wd").lower()), relation=rel)


def _build_relative_day(m: re.Match, text: str, offset: int) -> DateExpression | None:
    phrase, start, end = _span(m, text, offset)
    if m.group("today"):
        return DateExpression(phrase, start, end, "relative_day", qualifier=_qualifier_of(phrase),
                              shift=0, relation="discourse")
    if m.group("yesterday"):
        return DateExpression(phrase, start, end, "relative_day", qualifier=_qualifier_of(phrase),
                              shift=-1, relation="discourse")
    if m.group("ago"):
        n = m.group("n").lower()
        days = _NUMBER_WORDS[n] if n in _NUMBER_WORDS else int(n)
        return DateExpression(phrase, start, end, "relative_day", shift=-days, relation="reference")
    # "overnight" alone: the night before the reference date
    return DateExpression(phrase, start, end, "relative_day", qualifier="overnight", shift=-1,
                          relation="reference")


def _build_week(m: re.Match, text: str, offset: int) -> DateExpression | None:
    phrase, start, end = _span(m, text, offset)
    period = next(k for k in ("lastweek", "thisweek", "lastweekend", "weekend", "recent") if m.group(k))
    return DateExpression(phrase, start, end, "week", qualifier=_qualifier_of(phrase), period=period)


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _month_part(phrase: str) -> Qualifier | None:
    low = phrase.lower()
    if re.search(r"\b(?:late|end)\b", low):
        return "late"
    if re.search(r"\b(?:early|beginning|start)\b", low):
        return "early"
    return None


def _build_month(m: re.Match, text: str, offset: int) -> DateExpression | None:
    phrase, start, end = _span(m, text, offset)
    if m.groupdict().get("prep") and m.group("prep").lower() in ("last", "this"):
        relation = m.group("prep").lower()
    else:
        relation = None
    year = int(m.group("y")) if m.group("y") else None
    return DateExpression(phrase, start, end, "month", qualifier=_month_part(phrase), year=year,
                          month=_month_number(m.group("mon")), relation=relation)


def _build_relative_month(m: re.Match, text: str, offset: int) -> DateExpression | None:
    phrase, start, end = _span(m, text, offset)
    which = re.sub(r"\s+", " ", m.group("which").lower())
    if which == "the" and not m.group("q") and not m.group("edge"):
        return None  # "the month" alone is no date
    period = "last" if which in ("last", "the previous") else "this"
    q = (m.group("q") or "").lower()
    qualifier: Qualifier | None = _month_part(phrase)
    if q == "earlier" and which in ("this", "the", "the same"):
        period = "earlier"
    return DateExpression(phrase, start, end, "month", qualifier=qualifier, period=period)


def _build_year(m: re.Match, text: str, offset: int) -> DateExpression | None:
    phrase, start, end = _span(m, text, offset)
    if m.group("y"):
        return DateExpression(phrase, start, end, "year", year=int(m.group("y")))
    rel = m.group("rel").lower()
    return DateExpression(phrase, start, end, "year", period="last" if ("last" in rel or "previous" in rel) else "this")


# ---------------------------------------------------------------------------
# Attachment to reporting verbs
# ---------------------------------------------------------------------------


def _with_attachment(expr: DateExpression, text: str, offset: int) -> DateExpression:
    start, end = expr.start - offset, expr.end - offset
    attached = _follows_report_word(text[:start]) or _opens_report_clause(text[:start], text[end:])
    if not attached:
        return expr
    return DateExpression(**{**expr.__dict__, "attaches_to_report": True})


def _clause_tail(before: str) -> str:
    """The text of the current clause up to the expression."""
    cut = 0
    for m in _CLAUSE_BREAK.finditer(before):
        cut = m.end()
    return before[cut:]


def _follows_report_word(before: str) -> bool:
    """"said early on Sunday", "told Reuters on Monday", "said in a statement on Sunday"."""
    words = _WORD.findall(_clause_tail(before))[-9:]
    for word in reversed(words):
        low = word.lower().rstrip(".")
        if low in _REPORT_WORDS:
            return True
        if low in _REPORT_GAP or word[:1].isupper():
            continue
        return False
    return False


def _opens_report_clause(before: str, after: str) -> bool:
    """"On Sunday, the ministry said ..." and "Security sources on Sunday said ...".

    The words before the expression (if any) and between it and the reporting verb must
    all be able to form the reporting subject: no verb of the incident may come between.
    """
    head = before.strip().lstrip("\"“'‘")
    head_words = _WORD.findall(head)
    if len(head_words) > 8 or re.search(r"[,;:]", head):
        return False
    if any(not (w[:1].isupper() or w.lower() in _SUBJECT_WORDS) for w in head_words):
        return False
    tail = after.lstrip(" ,")
    words = _WORD.findall(tail[:120])
    for i, word in enumerate(words[:8]):
        low = word.lower()
        if low in _REPORT_WORDS and low not in ("statement", "interview", "conference", "briefing"):
            return True
        if word[:1].isupper() or low in _SUBJECT_WORDS:
            continue
        return False
    return False


# ---------------------------------------------------------------------------
# Resolving
# ---------------------------------------------------------------------------


def resolve_sentence_date(
    text: str,
    offset: int,
    ctx: DateContext,
    announcement: bool = False,
    trigger_start: int | None = None,
    trigger_end: int | None = None,
) -> DateOutcome:
    """The date of the event a sentence reports, by the conventions in the module docstring.

    `announcement=True` for statements and agreements: the announcement is the event, so
    a reporting date is its date. `trigger_start` (and `trigger_end`; absolute offsets) picks, among several
    date expressions, the one nearest the event's trigger: "buried their dead on Monday after an attack by rebels
    on Sunday" dates the attack on Sunday.
    """
    expressions = find_date_expressions(text, offset)
    if not expressions:
        return _without_expression(ctx)
    first_reason = ""
    if any(_opens_sentence(e, text, offset) for e in expressions):
        trigger_start = trigger_end = None  # "On 1 October 2020, ... to mark the October 2019 protests": the
        # opening date governs the sentence
    for expr in _by_preference(expressions, trigger_start, trigger_end):
        resolved, reason = _resolve_expression(expr, ctx, announcement)
        if resolved is None:
            first_reason = first_reason or reason
            continue
        if resolved == "year-only":
            return _year_outcome(expr, ctx)
        background = _background_reason(resolved, ctx)
        if background:
            resolved = resolved.model_copy(update={"reason": _join(resolved.reason, background)})
        return DateOutcome(date=resolved, background=bool(background),
                           reason=resolved.reason or f"stated: {expr.text!r}",
                           carries=None if background.startswith("after") else resolved)
    return DateOutcome(date=None, background=False, reason=first_reason)


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b


def _opens_sentence(e: DateExpression, text: str, offset: int) -> bool:
    """The sentence opens with the expression and a comma ("On Sunday, ...", "Around 26 October 2020 (as
    reported), ...", "Property destruction: around 23 October, ...")."""
    return (_OPENING.match(text[: e.start - offset]) is not None
            and re.match(r"\s*(?:\([^)]*\)\s*)?,", text[e.end - offset:]) is not None)


# what may precede a sentence's opening date: a label ("Property destruction:") and the date's preposition
_OPENING = re.compile(r"^\s*(?:[A-Z][\w /-]{0,40}:\s*)?(?:(?:on|around|early|late|in|at|by|since|from|about)\s+)*$",
                      re.IGNORECASE)


def _by_preference(expressions: list[DateExpression], trigger_start: int | None,
                   trigger_end: int | None = None) -> list[DateExpression]:
    """Expressions not attached to a reporting verb first; nearest the trigger (else leftmost) first."""
    end = trigger_start if trigger_end is None else trigger_end

    def key(e: DateExpression) -> tuple:
        if trigger_start is None:
            distance = 0
        elif e.end <= trigger_start:
            distance = trigger_start - e.end
        elif e.start >= end:
            distance = e.start - end
        else:
            distance = 0
        return (e.attaches_to_report, distance, e.start)
    return sorted(expressions, key=key)


# the inherited date last made: (discourse date, reference date, window, the inherited date, background reason).
# The sentences after a dated one inherit its date one after another; they share one (unchanging) copy of it.
_INHERITED: list = [None]
_PUBLISHED: dict[dt.date, ResolvedDate] = {}  # the (unchanging) publication-date outcome of a reference date


def _without_expression(ctx: DateContext) -> DateOutcome:
    if ctx.discourse_date is not None:
        d = ctx.discourse_date
        last = _INHERITED[0]
        if last is not None and last[0] is d and last[1] == ctx.reference_date and last[2] == ctx.window_days:
            inherited, background = last[3], last[4]
        else:
            background = _background_reason(d, ctx)
            inherited = d.model_copy(update={
                "kind": "inherited", "text": "", "start": None, "end": None,
                "reason": _join(f"inherited from {d.text or d.kind!r} ({d.date.isoformat()})", background),
            })
            _INHERITED[0] = (d, ctx.reference_date, ctx.window_days, inherited, background)
        return DateOutcome(date=inherited, background=bool(background), reason=inherited.reason, carries=None)
    if ctx.reference_date is not None:
        reason = "as reported: no date in the sentence or before it, the reference date at time_precision 2"
        published = _PUBLISHED.get(ctx.reference_date)
        if published is None:
            if len(_PUBLISHED) >= 64:
                _PUBLISHED.clear()
            published = _PUBLISHED[ctx.reference_date] = ResolvedDate(
                date=ctx.reference_date, time_precision=2, kind="publication", reason=reason)
        return DateOutcome(date=published, background=False, reason=reason, carries=None)
    return DateOutcome(date=None, background=False, reason="no date expression and no reference date")


def _base(ctx: DateContext) -> dt.date | None:
    return ctx.paragraph_anchor or ctx.reference_date


def _resolve_expression(expr: DateExpression, ctx: DateContext, announcement: bool):
    """(ResolvedDate | "year-only" | None, reason)."""
    kind = expr.kind
    if kind == "year":
        return "year-only", ""
    base = _base(ctx)
    if kind == "absolute":
        day = expr.value or _nearest_year(expr.month, expr.day, base)
        if day is None:
            return None, f"{expr.text!r} has no year and there is no reference date"
        reason = "" if expr.value else f"year taken from the reference date {base.isoformat()}"
        return _make(expr, day, 1, reason, announcement), ""
    if kind == "relative_day" and expr.relation == "discourse":
        base = _discourse_base(ctx)
    if base is None:
        return None, f"relative {expr.text!r} with no reference date"
    if kind == "weekday":
        day = _weekday_before(base, expr.weekday, expr.relation)
        if day is None:
            return None, f"{expr.text!r} is in the future"
        return _make(expr, day, 1, "", announcement), ""
    if kind == "relative_day":
        return _make(expr, base + dt.timedelta(days=expr.shift), 1, "", announcement), ""
    if kind == "week":
        return _make(expr, _week_middle(base, expr.period), 2, "middle of the period (codebook)", announcement), ""
    return _make(expr, _month_date(expr, base), 3, "month only: mid-month, or its first/last day", announcement), ""


def _make(expr: DateExpression, day: dt.date, precision: int, reason: str, announcement: bool) -> ResolvedDate:
    if expr.attaches_to_report:
        if announcement:
            reason = _join(reason, f"announcement reported {expr.text!r}: the report date is the event date")
        elif precision == 1 and (expr.qualifier == "early"
                                 or (expr.qualifier == "overnight" and expr.kind != "relative_day")):
            reason = _join(reason, f"reported {expr.text!r} on {day.isoformat()}: incident before the report")
            day -= dt.timedelta(days=1)
        else:
            reason = _join(reason, f"reported {expr.text!r}: incident dated to the report's day")
    elif expr.kind == "weekday" and expr.relation == "into":
        day -= dt.timedelta(days=1)
        reason = _join(reason, "overnight into the day: the night before")
    return ResolvedDate(date=day, time_precision=precision, kind=expr.kind, text=expr.text,
                        start=expr.start, end=expr.end, reason=reason)


def _discourse_base(ctx: DateContext) -> dt.date | None:
    if ctx.paragraph_anchor is not None:
        return ctx.paragraph_anchor
    d = ctx.discourse_date
    if d is not None and d.time_precision == 1:
        return d.date
    return ctx.reference_date


def _nearest_year(month: int, day: int, base: dt.date | None) -> dt.date | None:
    if base is None:
        return None
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # 29 February of a non-leap year
            continue
    return min(candidates, key=lambda d: abs((d - base).days)) if candidates else None


def _weekday_before(base: dt.date, weekday: int, relation: str | None) -> dt.date | None:
    if relation == "next":
        return None
    back = (base.weekday() - weekday) % 7
    if back == 0 and relation == "last":
        back = 7
    return base - dt.timedelta(days=back)


def _week_middle(base: dt.date, period: str | None) -> dt.date:
    if period == "lastweek":
        # ACLED week runs Saturday-Friday; the previous one's Wednesday
        since_saturday = (base.weekday() - 5) % 7
        return base - dt.timedelta(days=since_saturday + 7) + dt.timedelta(days=4)
    if period == "thisweek":
        return min(base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=2), base)
    if period in ("weekend", "lastweekend"):
        since_saturday = (base.weekday() - 5) % 7
        saturday = base - dt.timedelta(days=since_saturday)
        if period == "lastweekend" and since_saturday <= 1:
            saturday -= dt.timedelta(days=7)
        return saturday
    return base - dt.timedelta(days=3)  # "in recent days": the middle of the past week


def _month_date(expr: DateExpression, base: dt.date) -> dt.date:
    if expr.month is not None:
        year = expr.year
        if year is None:
            year = base.year if expr.month <= base.month else base.year - 1
        month = expr.month
    else:
        year, month = base.year, base.month
        if expr.period == "last":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    last = calendar.monthrange(year, month)[1]
    day = {"early": 1, "late": last}.get(expr.qualifier or "", 15)
    resolved = dt.date(year, month, day)
    if expr.period == "earlier" or (year, month) == (base.year, base.month):
        resolved = min(resolved, base)
    return resolved


def _year_outcome(expr: DateExpression, ctx: DateContext) -> DateOutcome:
    base = _base(ctx)
    year = expr.year
    if year is None and base is not None:
        year = base.year - 1 if expr.period == "last" else base.year
    ref = ctx.reference_date
    if year is not None and ref is not None and year < ref.year:
        reason = f"year only ({year}), before the reference year {ref.year}: background"
        carried = ResolvedDate(date=dt.date(year, 7, 1), time_precision=3, kind="year", text=expr.text,
                               start=expr.start, end=expr.end, reason=reason)
        return DateOutcome(date=carried, background=True, reason=reason, carries=carried)
    return DateOutcome(date=None, background=False,
                       reason=f"year only ({expr.text!r}): less precise than a month, not coded (codebook)")


def _background_reason(rd: ResolvedDate, ctx: DateContext) -> str:
    """Why a resolved date lies outside the story's news window ("" when it does not)."""
    ref = ctx.reference_date
    if ref is None:
        return ""
    if rd.date > ref + dt.timedelta(days=1):
        return f"after the reference date {ref.isoformat()}: not a past event"
    if rd.kind == "year":
        return f"year before {ref.year}: background"
    if rd.kind == "month":
        if (rd.date.year, rd.date.month) < (ref.year, ref.month):
            return f"month before the reference month {ref:%B %Y}: background"
        return ""
    slack = 3 if rd.kind == "week" else 0  # a week is judged by its end, not its middle
    if (ref - rd.date).days > ctx.window_days + slack:
        return f"more than {ctx.window_days} days before the reference date {ref.isoformat()}: background"
    return ""
