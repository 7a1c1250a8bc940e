"""What dateparser makes of newsroom date phrases, next to what coder.dates resolves.

Run:  .venv/bin/python bench/dateparser_baseline.py

For each phrase (inside a short sentence) and publication date it prints what
`dateparser.parse` returns for the phrase (default settings, and with
PREFER_DATES_FROM="past" as news pipelines usually set it), what `dateparser.search.search_dates` finds
in the sentence, and what `coder.dates.resolve_sentence_date` codes (for an incident,
i.e. announcement=False). The point: dateparser resolves relative phrases against a
clock, so with a Sunday reference "on Sunday" goes a week back, "early on Sunday" gives
nothing and "2 min read" is a date; the coder resolves them by newsroom convention.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import dateparser
from dateparser.search import search_dates

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coder.dates import DateContext, resolve_sentence_date  # noqa: E402

SUN = dt.date(2020, 10, 11)
MON = dt.date(2020, 10, 12)

# (phrase, sentence it appears in, publication date)
CASES = [
    ("on Sunday", "A bomb exploded on Sunday in Kabul.", SUN),
    ("on Sunday", "A bomb exploded on Sunday in Kabul.", MON),
    ("Sunday", "Police said Sunday a bomb exploded.", SUN),
    ("early on Sunday", "Two people were killed, security sources said early on Sunday.", SUN),
    ("late on Saturday", "Gunmen attacked a checkpoint late on Saturday.", SUN),
    ("on Saturday", "Militias announced a truce on Saturday.", SUN),
    ("this evening", '"A sticky bomb exploded this evening," the captain said.', SUN),
    ("yesterday", "The army said yesterday's airstrike killed five.", SUN),
    ("last week", "Clashes broke out in Aden last week.", SUN),
    ("at the weekend", "Protesters gathered at the weekend.", MON),
    ("in January", "Parliament voted in January to expel US troops.", SUN),
    ("in late September", "Shelling hit Idlib in late September.", SUN),
    ("last month", "Rockets hit the embassy last month.", SUN),
    ("October 9, 2023", "The attack on October 9, 2023 killed three.", SUN),
    ("9 September", "Troops clashed with rebels on 9 September.", SUN),
    ("Jan. 1, 2020", "A car bomb exploded on Jan. 1, 2020.", SUN),
    ("27/03/2020", "Rockets hit the base on 27/03/2020.", SUN),
    ("Friday, March 27, 2020", "Rockets hit the base early Friday, March 27, 2020.", SUN),
    ("2 min read", "2 min read", SUN),
    ("5,000 troops", "The US is reducing its 5,000 troops in Iraq.", SUN),
    ("24/7", "The 24/7 channel reported the blast.", SUN),
    ("21:14 GMT", "Updated 21:14 GMT", SUN),
    ("Page 2", "Page 2", SUN),
]


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def _search(sentence: str, base: dt.datetime) -> str:
    found = search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": base})
    if not found:
        return "-"
    return "; ".join(f"{text!r}->{_fmt(when)}" for text, when in found)


def _ours(sentence: str, published: dt.date) -> str:
    outcome = resolve_sentence_date(sentence, 0, DateContext(reference_date=published))
    if outcome.date is None:
        return f"- ({outcome.reason})"
    d = outcome.date
    flag = " background" if outcome.background else ""
    return f"{d.date.isoformat()} tp{d.time_precision} {d.kind}{flag}"


def main() -> None:
    header = ("phrase", "published", "parse", "parse(past)", "search_dates(sentence)", "coder.dates")
    rows = [header]
    for phrase, sentence, published in CASES:
        base = dt.datetime.combine(published, dt.time())  # midnight, as a date-only publication field gives
        parsed = dateparser.parse(phrase, languages=["en"], settings={"RELATIVE_BASE": base})
        past = dateparser.parse(phrase, languages=["en"],
                                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        rows.append((phrase, f"{published.isoformat()} {published:%a}", _fmt(parsed), _fmt(past), _search(sentence, base),
                     _ours(sentence, published)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)))
        if n == 0:
            print("-+-".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
