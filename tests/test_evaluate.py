"""The evaluation harness (coder.evaluate, `coder evaluate`, `coder acled-articles`)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import SHARED, require_shared
from typer.testing import CliRunner

from coder.cli import app
from coder.errors import DataFileError
from coder.evaluate import (
    Event,
    actor_key,
    evaluate,
    gold_articles,
    match,
    missed_reasons,
    parse_acled_date,
    read_gold,
    same_location,
)
from coder.read.jsonl import read_jsonl
from coder.taxonomy import load_taxonomy

ACLED_CSV = SHARED / "reference" / "acled-iraq-2020" / "events.csv"
TAX = load_taxonomy()

OLD_HEADER = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
              "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,"
              "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3").split(",")
NEW_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
              "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
              "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
              "tags,timestamp").split(",")


def _write_csv(path: Path, header: list[str], rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in header})
    return path


def _ev(article: str, day: int, et: str = "Battles", sub: str = "Armed clash", **kw) -> Event:
    return Event(articles=frozenset([article]), event_date=dt.date(2021, 3, day), event_type=et, sub_event_type=sub,
                 ref=f"{article}/{day}/{sub}", **kw)


@pytest.mark.parametrize("text,expected", [
    ("2020-12-31", dt.date(2020, 12, 31)), ("31-Dec-20", dt.date(2020, 12, 31)),
    ("31 December 2020", dt.date(2020, 12, 31)), ("5 Oct 2020", dt.date(2020, 10, 5)),
    ("31/12/2020", dt.date(2020, 12, 31)),
])
def test_acled_date_spellings(text, expected):
    assert parse_acled_date(text) == expected


def test_not_a_date_is_an_error():
    with pytest.raises(ValueError):
        parse_acled_date("Sunday")


def test_old_layout_numeric_inter_codes_become_labels_and_derived_columns(tmp_path):
    path = _write_csv(tmp_path / "gold.csv", OLD_HEADER, [{
        "data_id": "7001", "event_date": "04-Oct-20", "time_precision": "1", "event_type": "Violence against civilians",
        "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Iraq)", "inter1": "3",
        "actor2": "Civilians (Iraq)", "inter2": "7", "interaction": "37", "admin1": "Diyala", "location": "Khalis",
        "latitude": "33.81", "longitude": "44.53", "geo_precision": "1", "notes": "A shepherd was shot dead.",
        "fatalities": "1", "iso3": "IRQ"}])
    [g] = read_gold(path, TAX)
    assert g.articles == frozenset({"7001"})
    assert (g.inter1, g.inter2) == ("Political militia", "Civilians")
    assert g.disorder_type == "Political violence"
    assert g.civilian_targeting == "Civilian targeting"  # no such column in 2020: derived as ACLED defines it
    assert g.event_date == dt.date(2020, 10, 4)


def test_current_layout_keeps_its_own_columns(tmp_path):
    path = _write_csv(tmp_path / "gold.csv", NEW_HEADER, [{
        "event_id_cnty": "IRQ9", "event_date": "2024-05-02", "time_precision": "1", "disorder_type": "Demonstrations",
        "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Iraq)",
        "inter1": "Protesters", "interaction": "Protesters only", "admin1": "Basrah", "location": "Basrah",
        "latitude": "30.5", "longitude": "47.8", "geo_precision": "1", "notes": "Graduates protested.",
        "fatalities": "0", "civilian_targeting": ""}])
    [g] = read_gold(path, TAX)
    assert g.articles == frozenset({"IRQ9"}) and g.inter1 == "Protesters" and g.inter2 is None
    assert g.civilian_targeting is None


def test_gold_jsonl_and_a_bad_line_named(tmp_path):
    good = {"article_id": "a1", "event_date": "2021-03-02", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Iraq (2020-)", "inter1": "State forces"}
    bad = dict(good, sub_event_type="Peaceful protest")  # not a Battles sub-event type
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", "utf-8")
    with pytest.raises(DataFileError) as err:
        read_gold(path, TAX)
    assert "gold.jsonl" in str(err.value) and "line 3" in str(err.value) and "Peaceful protest" in str(err.value)
    path.write_text(json.dumps(good) + "\n", "utf-8")
    [g] = read_gold(path, TAX)
    assert g.articles == frozenset({"a1"}) and g.disorder_type == "Political violence"


def test_gold_without_event_columns_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(DataFileError, match="not an ACLED export"):
        read_gold(path, TAX)


def test_match_needs_the_article_a_day_and_the_event_type():
    gold = [_ev("a", 10), _ev("b", 10), _ev("c", 10)]
    out = [_ev("a", 11),                                                  # a day late: matches
           _ev("b", 12),                                                  # two days late: no
           _ev("c", 10, "Riots", "Violent demonstration"),                # other event type: no
           _ev("z", 10)]                                                  # another article: no
    assert match(gold, out) == [(0, 0)]
    assert (2, 2) in match(gold, out, same_type=False)


def test_each_event_matches_once_closest_first():
    gold = [_ev("a", 10, sub="Armed clash"), _ev("a", 10, "Explosions/Remote violence", "Air/drone strike")]
    out = [_ev("a", 11, sub="Armed clash"), _ev("a", 10, sub="Armed clash")]
    assert match(gold, out) == [(0, 1)]  # the same-day output wins; the air strike has no output of its type


def test_missed_gold_events_say_why():
    gold = [_ev("a", 10), _ev("b", 10), _ev("c", 10), _ev("d", 10), _ev("e", 10)]
    merged = _ev("a", 10)
    merged = Event(**{**merged.__dict__, "articles": frozenset(["a", "b"])})  # one event citing both reports
    out = [merged,
           _ev("c", 10, "Riots", "Violent demonstration"),                # the right day, another type
           _ev("d", 20)]                                                  # ten days off
    pairs = match(gold, out)
    assert pairs == [(0, 0)]
    assert missed_reasons(gold, out, pairs) == {"no_output": 1, "merged": 1, "other_type": 1, "other_date": 1}
    assert evaluate(gold, out)["missed_reasons"]["merged"] == 1


def test_figures_precision_recall_and_field_agreement():
    gold = [_ev("a", 10, actor1="Military Forces of Iraq (2020-)", actor2="Islamic State (Iraq)", fatalities=2,
                admin1="Kirkuk", latitude=35.3, longitude=43.8),
            _ev("b", 10, fatalities=0)]
    out = [_ev("a", 10, actor1="Islamic State (Iraq)", actor2="Military Forces of Iraq (2014-2018)", fatalities=3,
               admin1="Kirkuk", latitude=35.4, longitude=43.9),
           _ev("x", 10), _ev("y", 10), _ev("z", 10)]
    fig = evaluate(gold, out)
    assert (fig["matched"], fig["precision"], fig["recall"]) == (1, 0.25, 0.5)
    assert fig["f1"] == round(2 * 0.25 * 0.5 / 0.75, 4)
    f = fig["fields"]
    assert f["actor_pair"]["rate"] == 1.0  # either order, period suffix dropped
    assert f["fatalities_exact"]["rate"] == 0.0 and f["fatalities_within_1"]["rate"] == 1.0
    assert f["point_25km"]["rate"] == 1.0 and f["admin1"]["rate"] == 1.0
    assert fig["missed_gold"] == ["b/10/Armed clash"]


def test_name_normalisation():
    assert actor_key("Military Forces of Iraq (2020-)") == "military forces of iraq"
    assert actor_key("Police Forces of Iraq (2014-2018)") == "police forces of iraq"
    assert same_location("Baghdad - Rusafa", "Baghdad")
    assert same_location("Al-Fallujah", "Falluja")
    assert not same_location("Mosul", "Kirkuk")


def test_acled_rows_become_body_articles(tmp_path):
    path = _write_csv(tmp_path / "gold.csv", OLD_HEADER, [
        {"data_id": "1", "event_date": "30-Sep-20", "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "notes": "On 30 September 2020, dozens protested in Kut. [size=dozens]", "iso3": "IRQ", "source": "Shafaq"},
        {"data_id": "2", "event_date": "20-Nov-20", "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "notes": "On 20 November 2020, teachers protested in Hilla. [size=no report]", "iso3": "IRQ"}])
    rows = gold_articles(path, until=dt.date(2020, 10, 31))
    assert [r["id"] for r in rows] == ["1"]
    jl = tmp_path / "articles.jsonl"
    jl.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    articles, rejects = read_jsonl(jl)
    assert not rejects
    [a] = articles
    assert (a.article_id, a.published, a.country, a.outlet) == ("1", dt.date(2020, 9, 30), "IRQ", "Shafaq")
    assert [s.kind for s in a.segments] == ["body"]  # the one-line note is not taken for a headline


def test_jsonl_bad_layout_is_a_line_reject(tmp_path):
    jl = tmp_path / "a.jsonl"
    jl.write_text(json.dumps({"id": "x", "text": "Gunmen attacked a checkpoint.", "layout": "pdf"}) + "\n", "utf-8")
    articles, rejects = read_jsonl(jl)
    assert not articles and "layout" in rejects[0].message and "a.jsonl" in rejects[0].message


def test_cli_evaluate_codes_acled_notes_and_writes_figures(tmp_path):
    csv_path = require_shared(ACLED_CSV)
    with csv_path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = [r for _, r in zip(range(40), reader)]
    sample = _write_csv(tmp_path / "sample.csv", list(rows[0]), rows)
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(sample), "--out", str(tmp_path / "run"),
                                      "--json", str(tmp_path / "fig.json")])
    assert result.exit_code == 0, result.output
    fig = json.loads((tmp_path / "fig.json").read_text("utf-8"))
    assert fig["gold_events"] == 40
    assert fig["output_events"] > 0 and fig["matched"] > 0
    assert "recall" in result.output and "point within 25 km" in result.output
    # scoring that run again from its output folder gives the same figures
    again = CliRunner().invoke(app, ["evaluate", "--gold", str(sample), "--pred", str(tmp_path / "run"),
                                     "--json", str(tmp_path / "fig2.json")])
    assert again.exit_code == 0, again.output
    fig2 = json.loads((tmp_path / "fig2.json").read_text("utf-8"))
    assert {k: fig2[k] for k in ("matched", "precision", "recall", "fields")} == \
        {k: fig[k] for k in ("matched", "precision", "recall", "fields")}


def test_cli_errors_name_the_file(tmp_path):
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "none.csv")])
    assert r.exit_code == 2 and "none.csv" in r.output
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n", "utf-8")
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(bad), "--pred", str(tmp_path)])
    assert r.exit_code == 2 and "bad.csv" in r.output


DEVSET = Path(__file__).parent / "data" / "devset"


def test_devset_is_what_the_harness_needs():
    articles = [json.loads(line) for line in (DEVSET / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    gold = read_gold(DEVSET / "gold.jsonl", TAX)  # every line valid gold (raises otherwise)
    ids = {a["id"] for a in articles}
    assert len(ids) == len(articles) >= 60
    assert all(next(iter(g.articles)) in ids for g in gold)
    assert {g.sub_event_type for g in gold} == set(TAX.sub_event_types)  # all 25 sub-event types
    countries = {a["country"] for a in articles}
    assert len(countries) >= 8
    assert ids - {next(iter(g.articles)) for g in gold}, "some reports must have no codable event"


def test_cli_evaluates_the_devset(tmp_path):
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(DEVSET / "gold.jsonl"), "--articles",
                                 str(DEVSET / "articles.jsonl"), "--out", str(tmp_path / "run"),
                                 "--json", str(tmp_path / "fig.json")])
    assert r.exit_code == 0, r.output
    fig = json.loads((tmp_path / "fig.json").read_text("utf-8"))
    assert fig["gold_events"] == len(read_gold(DEVSET / "gold.jsonl", TAX))
    assert 0 < fig["matched"] <= min(fig["gold_events"], fig["output_events"])


def test_a_repeated_article_is_a_source_of_what_it_repeats(tmp_path):
    """An input that repeats a coded article word for word is not coded again (run.json: "already coded"), but
    it reports the same events: scored against gold, those events come from it too."""
    from coder.evaluate import Event, repeated_articles, with_repeats

    (tmp_path / "run.json").write_text(json.dumps({"articles": [
        {"article_id": "a", "status": "coded"},
        {"article_id": "b", "status": "already coded", "same_content_as": "a"},
        {"article_id": "c", "status": "no events"},
    ]}), "utf-8")
    repeats = repeated_articles(tmp_path)
    assert repeats == {"a": {"b"}}
    events = [Event(articles=frozenset({"a"}), event_date=dt.date(2020, 12, 1), event_type="Battles", sub_event_type="Armed clash"),
              Event(articles=frozenset({"c"}), event_date=dt.date(2020, 12, 1), event_type="Battles", sub_event_type="Armed clash")]
    got = with_repeats(events, repeats)
    assert [sorted(e.articles) for e in got] == [["a", "b"], ["c"]]
    assert repeated_articles(tmp_path / "nowhere") == {}
