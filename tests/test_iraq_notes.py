"""Iraqi reports written for the project in the genre of the ACLED notes and in news style (tests/iraq_notes_data.py),
each with the coding expected of it, written before the coder was run on them: 112 of 131 events were coded with the
right sub-event type as first written (86.3% event recall through the whole pipeline), and 54 of the 66 of a second
batch written after the first was fixed (81.8%), 37 of the 40 of a third batch of same-day series (92.5%) and 21 of
the 25 of a fourth of protests and riots (84.0%), 13 of the 20 of a fifth of labelled strategic developments (65.0%),
15 of the 15 of a sixth in the conventions of dataset notes and 14 of the 15 of a seventh of type traps (93.3%); the
misses were then fixed by general rules (298 of all 312 events, 95.5%). Each report alone must give its event types,
actors, province and fatalities; all of them through the whole pipeline (merging across reports included: many share
a day and a province) must keep every event apart."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from coder.evaluate import same_unit
from coder.incidents import detect_mentions
from coder.read.jsonl import body_article
from coder.read.text import ArticleMeta
from coder.resources import load_resources
from coder.sentences import split_sentences
from iraq_notes_data import NOTES

# reports the coder still gets wrong, with why (strict: a fix must remove the entry)
KNOWN = {
    'n10-028': 'PKK attack on a Turkish post "with rocket launchers" is read as shelling; ACLED codes PKK raids on '
               'posts as armed clashes',
    'n10-051': 'a rocket "found on a launch pad ... before it could be fired" is read as a rocket attack',
    'n10-062': 'a policeman killed "at his shop" (off duty: a civilian) is read as an attack on the police',
    'n10-089': 'a pylon "blown up" is coded as property destruction; whether ACLED codes such a bombing as an IED is '
               'not settled here',
    'n10-091': 'a house "blown up" by IS: likewise property destruction against an IED',
    'n10-120': 'an arrest for burning an office "during a protest" is read as the protest',
    'n10-122': 'a joint operation "launched against IS remnants" with no contact: no rule for an operation against a '
               'group',
    'n10-123': 'a civil defence crew is not known as civilians; the ambush is read as a clash with an unknown group',
    'n10-135': 'guards firing on demonstrators "who were trying to burn" an office: the excessive-force trigger wins '
               'the clause over the crowd\'s attempted arson (codebook: a violent crowd makes it a riot)',
    'n10-193-0': 'a riot in one town and a march in another told in one sentence: one violent event per sentence',
    'n10-195': 'a group announcing it will stop attacking is read as a hypothetical attack, not a change of activity',
    'n10-242': 'teachers "went on strike and refused to teach" with no gathering: the project codes a strike alone as '
               'Other (strategic development), not a protest',
    # places (outside the rules): the Hamrin range is placed in Salah al-Din, Jurf al-Sakhar is not known
    'n10-017': '"the Hamrin mountains (Diyala)" is placed at Hamreen, Salah al-Din',
    'n10-111': '"near Jurf al-Sakhar south of Baghdad" is placed at Baghdad',
    'n10-303': '"Al Amiriya (Baghdad)" is placed at Al-Amirya in Anbar',
    # fatalities
    'n10-022': 'the PKK\'s claim is ignored, but Turkey\'s own figure ("one soldier killed") is not read either',
    'n10-156': 'a Turkish claim of militants "neutralised" (in quotation marks) is not read as a clash: the claim of '
               'a party is not a count (tests/data/devset dev-004), though ACLED codes such claims as events',
    'n10-161': 'the killing the clans fought over is added to the toll of the fight',
    'n10-175': 'the activist killed two days before a funeral march is counted in the march\'s fatalities',
    'n10-170': '"the Garmiyan front" is not known: the deployment goes to the capital (national level)',
    # actors
    'n10-268': 'the civil defence is not in the actor dictionary (read as the army)',
    'n10-174': 'the blame in the next sentence ("They blamed Islamic State cells") does not name the perpetrator',
    'n10-121': 'named tribes are coded as an unidentified tribal militia (no actor entries for Iraqi tribes)',
}

# reports the whole pipeline merges with another report of the same day (strict: a fix must remove the entry)
KNOWN_MERGED = {
    'n10-075': 'a dispersal of demonstrators in Kalar joins a report of the same day that a protester shot by guards '
               'in Kalar died: two reports of one town\'s protests, as likely one event as two',
}


@pytest.fixture(scope="module")
def res():
    return load_resources()


def _base(name: str | None) -> str:
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", name or "")


def _mentions(nid: str, published: str, text: str, res):
    art = body_article(text, ArticleMeta(article_id=nid, published=dt.date.fromisoformat(published), country='IRQ'),
                       nid)
    return detect_mentions(art, split_sentences(art), res)[0]


CASES = [pytest.param(nid, pub, text, ev, id=f"{nid}-{i}",
                      marks=[pytest.mark.xfail(strict=True, reason=KNOWN.get(nid) or KNOWN[f"{nid}-{i}"])]
                      if nid in KNOWN or f"{nid}-{i}" in KNOWN else [])
         for nid, pub, text, evs in NOTES for i, ev in enumerate(evs)]


@pytest.mark.parametrize(("nid", "published", "text", "event"), CASES)
def test_note_is_coded_as_expected(nid, published, text, event, res) -> None:
    sub, actor1, actor2, admin1, fatalities = event[:5]
    day = dt.date.fromisoformat(event[5] if len(event) > 5 else published)
    mentions = _mentions(nid, published, text, res)
    found = [(m.sub_event_type, m.actors.actor1, m.actors.actor2,
              m.location.place.admin1 if m.location.place else None, m.killed, m.date.date) for m in mentions]
    hits = [m for m in mentions if m.sub_event_type == sub]
    assert hits, found
    m = hits[0]
    assert abs((m.date.date - day).days) <= 1, found
    assert m.location.place is not None and same_unit(admin1, m.location.place.admin1 or ""), found
    assert (m.killed or 0) == fatalities, found
    # the side that characterises the event: the perpetrator, or for crowds and the state forces' own
    # developments, the acting side; compared without period suffixes
    names = {_base(m.actors.actor1), _base(m.actors.actor2)}
    if not actor1.startswith('Unidentified') and actor1 not in ('Protesters (Iraq)', 'Rioters (Iraq)'):
        assert _base(actor1) in names or _base(actor2) in names, found


def test_the_notes_of_one_day_stay_apart(tmp_path) -> None:
    """All the reports through the whole pipeline: every expected event matched (same report, day, event type),
    so reports of one day and province that tell different incidents are not merged."""
    import json

    from coder.evaluate import match, read_gold, read_output
    from coder.pipeline import run
    from coder.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    event_type = {name: sub.event_type for name, sub in taxonomy.sub_event_types.items()}
    articles, gold, owners = [], [], []
    for nid, pub, text, evs in NOTES:
        articles.append({"id": nid, "published": pub, "layout": "body", "text": text, "country": "IRQ"})
        for ev in evs:
            gold.append({"article_id": nid, "event_date": ev[5] if len(ev) > 5 else pub, "country": "Iraq",
                         "event_type": event_type[ev[0]], "sub_event_type": ev[0], "actor1": ev[1], "actor2": ev[2],
                         "admin1": ev[3], "fatalities": ev[4], "time_precision": 1, "notes": text})
            owners.append(nid)
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    run([str(tmp_path / "articles.jsonl")], tmp_path / "out")
    gold_events = read_gold(tmp_path / "gold.jsonl", taxonomy)
    pairs = match(gold_events, read_output(tmp_path / "out"))
    matched = {i for i, _ in pairs}
    missed = sorted({owners[i] for i in range(len(gold_events)) if i not in matched})
    known = {key.split("-")[0] + "-" + key.split("-")[1] for key in KNOWN}
    assert [nid for nid in missed if nid not in known and nid not in KNOWN_MERGED] == []
    assert set(KNOWN_MERGED) <= set(missed)
