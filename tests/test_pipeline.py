"""End to end: the seed corpus must code to exactly the events of ../shared/seeds/expected.json."""

from __future__ import annotations

import json
import re
import unicodedata

import pyarrow.parquet as pq
import pytest
from geopy.distance import great_circle
from typer.testing import CliRunner

from conftest import REPO, SEEDS, require_shared
from coder.cli import app
from coder.pipeline import run
from coder.resources import load_resources
from coder.validate import validate_dataset


@pytest.fixture(scope="session")
def resources():
    return load_resources()


def norm(name) -> str:
    """expected.json's comparison: case-fold, drop a leading al-/al /as-, drop punctuation."""
    s = unicodedata.normalize("NFKD", str(name)).casefold()
    s = re.sub(r"^(al|as)[- ]", "", s)
    return re.sub(r"[^\w\s]", "", s).strip()


def matches(expected, actual) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return any(norm(o) == norm(actual if actual is not None else "") for o in options)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, resources):
    require_shared(SEEDS)
    out = tmp_path_factory.mktemp("seeds")
    report = run([str(SEEDS)], out, resources=resources)
    rows = pq.read_table(out / "events.parquet").to_pylist()
    expected = json.loads((SEEDS / "expected.json").read_text("utf-8"))
    return report, rows, expected, out


def find_row(rows, exp):
    """The row with the expected sources and sub-event type (nearest the expected point when several)."""
    sources = sorted(exp["sources"])
    found = [r for r in rows if sorted({c["article_id"] for c in r["citations"]}) == sources
             and r["sub_event_type"] == exp["sub_event_type"]]
    assert found, (f"no row for {exp['key']} with sources {sources}: "
                   f"{[(r['sub_event_type'], r['location'], sorted({c['article_id'] for c in r['citations']})) for r in rows]}")
    if "point" in exp:
        found.sort(key=lambda r: great_circle(tuple(exp["point"]), (r["latitude"], r["longitude"])).km)
    return found[0]


def test_seed_totals(seed_run):
    report, rows, expected, _ = seed_run
    assert len(rows) == expected["totals"]["events"], [(r["event_type"], r["location"], r["notes"]) for r in rows]
    multi = sum(1 for r in rows if len({c["article_id"] for c in r["citations"]}) > 1)
    assert multi == expected["totals"]["events_with_more_than_one_source"]
    assert report["counts"]["events"] == len(rows)


KEYS = ["anbar-booby-trap", "baghdad-sticky-bomb", "coalition-convoy-roadside-bomb", "conditional-ceasefire"]


@pytest.mark.parametrize("key", KEYS)
def test_seed_event_fields(seed_run, key):
    _, rows, expected, _ = seed_run
    exp = next(e for e in expected["events"] if e["key"] == key)
    row = find_row(rows, exp)
    assert row["event_date"].isoformat() in exp["event_date"]
    if "preferred_event_date" in exp:
        assert row["event_date"].isoformat() == exp["preferred_event_date"]
    for field in ("disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "location"):
        if field in exp:
            assert matches(exp[field], row[field] if row[field] is not None else ""), (field, row[field], exp[field])
    for field in ("inter1", "inter2"):
        if field in exp:
            assert row[field] in exp[field], (field, row[field])
    assert row["iso"] == exp["iso"]
    assert row["geo_precision"] in exp["geo_precision"]
    assert row["fatalities"] == exp["fatalities"]
    if "civilian_targeting" in exp:
        assert (row["civilian_targeting"] is not None) == exp["civilian_targeting"]
    if "assoc_actor_2_should_name" in exp:
        assert exp["assoc_actor_2_should_name"] in (row["assoc_actor_2"] or "")
    if "point" in exp:
        km = great_circle(tuple(exp["point"]), (row["latitude"], row["longitude"])).km
        assert km <= exp["max_km"], (row["location"], km)
    if key == "coalition-convoy-roadside-bomb":
        assert row["latitude"] < 33.3 and row["country"] == "Iraq"


def test_seed_citations_point_into_the_articles(seed_run):
    _, rows, _, _ = seed_run
    for row in rows:
        assert row["notes"] and row["source"]
        for cit in row["citations"]:
            text = (SEEDS / cit["article_id"]).read_text("utf-8")
            assert text[cit["start"]:cit["end"]] == cit["quote"]
            assert "event" in cit["supports"]


def test_seed_must_not_code(seed_run):
    """Nothing from background, aggregates, captions or the appended 2023 story."""
    _, rows, _, _ = seed_run
    for row in rows:
        assert row["event_date"].year == 2020 and row["event_date"].month == 10
        assert "Air/drone strike" != row["sub_event_type"]
        for cit in row["citations"]:
            assert "Soleimani" not in cit["quote"] and "Gaza" not in cit["quote"] and "Hamas" not in cit["quote"]
            assert "dozens of rocket attacks" not in cit["quote"]
            assert "will use all the weapons" not in cit["quote"]


def test_seed_dataset_validates_and_records_provenance(seed_run):
    _, _, _, out = seed_run
    report = validate_dataset(out / "events.parquet")
    assert report.valid, [str(p) for p in report.problems]
    for key in ("coder.schema_version", "coder.coder_version", "coder.rules_sha256", "coder.actors_sha256",
                "coder.gazetteer_sha256"):
        assert report.metadata.get(key), key


def test_seed_run_report_accounts_for_every_article(seed_run):
    report, _, _, out = seed_run
    saved = json.loads((out / "run.json").read_text("utf-8"))
    ids = sorted(a["article_id"] for a in saved["articles"])
    assert ids == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(a["status"] in ("coded", "no events") for a in saved["articles"])
    assert saved["resources"]["gazetteer"]["sha256"] and saved["timings_s"]["total"] > 0
    # "why was this coded so?": rule, gazetteer entry, actor entries and date reasoning per event
    assert len(saved["events"]) == saved["counts"]["events"]
    for event in saved["events"]:
        assert event["place"]["id"] and event["actors"]["entries"]
        assert all(m["rule_id"] and m["sentences"] for m in event["mentions"])


def test_output_is_deterministic(seed_run, tmp_path, resources):
    _, _, _, out = seed_run
    run([str(SEEDS)], tmp_path, resources=resources)
    assert pq.read_table(tmp_path / "events.parquet").equals(pq.read_table(out / "events.parquet"))


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path, resources):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (src / "latin1.txt").write_bytes("Une bombe a explosé à Mossoul, tuant deux civils.".encode("latin-1"))
    (src / "blank.html").write_text("<html><body><nav>Home | Log in</nav></body></html>")
    good = json.dumps({"id": "ok-1", "published": "2020-11-02", "text":
                       "A roadside bomb exploded near a police patrol in Ramadi on Monday, killing two policemen, "
                       "a security source said."})
    (src / "lines.jsonl").write_text(good + "\n{not json\n")
    out = tmp_path / "out"
    report = run([str(src)], out, resources=resources)
    codes = {r["code"] for r in report["rejects"]}
    assert {"E002", "E003", "E004", "E005", "E006"} <= codes, report["rejects"]
    assert any(a["article_id"] == "ok-1" for a in report["articles"])
    assert validate_dataset(out / "events.parquet").valid


def test_cli_missing_path_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "nope" in result.output and len(result.output.strip().splitlines()) == 1


def test_bundled_example_runs(tmp_path, resources):
    report = run([str(REPO / "examples" / "seeds"), str(REPO / "examples" / "own")], tmp_path, resources=resources)
    assert report["counts"]["articles_read"] >= 8
    assert report["counts"]["events"] >= 4
    assert validate_dataset(tmp_path / "events.parquet").valid
