"""Datasets that grow (issue 5): batches equal one run, nothing is coded twice, ids are stable, output is
deterministic, both layouts read back in one call, and a run killed midway leaves the previous dataset intact."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coder import store
from coder.assemble import event_ids
from coder.cli import app
from coder.merge import merge_mentions
from coder.pipeline import detect, run
from coder.read import read_inputs
from coder.resources import load_resources

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
MULTI = ROOT / "tests" / "data" / "multisource" / "articles.jsonl"


@pytest.fixture(scope="module")
def res():
    return load_resources()


def seed(n: int) -> str:
    return str(next(SEEDS.glob(f"{n:03d}_*.txt")))


def events(out: Path) -> pd.DataFrame:
    return store.read_events(out).to_pandas()


def test_seeds_in_two_batches_equal_one_run_ids_included(tmp_path, res):
    one, two = tmp_path / "one", tmp_path / "two"
    run([str(SEEDS)], one, resources=res)
    run([seed(0), seed(1), seed(2)], two, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    second = run([seed(3), seed(4)], two, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    assert second["dataset"]["articles_total"] == 5 and second["dataset"]["articles_new"] == 2
    assert (one / "events.parquet").read_bytes() == (two / "events.parquet").read_bytes()
    assert pq.read_table(one / "merges.parquet").equals(pq.read_table(two / "merges.parquet"))
    assert len(events(one)) >= 2


def test_a_second_run_over_the_same_inputs_changes_nothing(tmp_path, res):
    out = tmp_path / "ds"
    run([str(SEEDS)], out, resources=res)
    before = (out / "events.parquet").read_bytes()
    report = run([str(SEEDS)], out, resources=res)
    assert (out / "events.parquet").read_bytes() == before
    assert report["dataset"]["articles_new"] == 0 and report["counts"]["articles_already_coded"] == 5
    statuses = [a["status"] for a in report["articles"]]
    assert statuses == ["already coded"] * 5  # every input accounted for
    assert all(a["events"] or a["same_content_as"] for a in report["articles"])


def test_input_order_does_not_change_a_byte(tmp_path, res):
    files = [seed(i) for i in range(5)]
    run(files, tmp_path / "a", manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    run(list(reversed(files)), tmp_path / "b", manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    assert (tmp_path / "a" / "events.parquet").read_bytes() == (tmp_path / "b" / "events.parquet").read_bytes()


def test_the_same_text_under_another_id_is_not_coded_again(tmp_path, res):
    text = "Gunmen killed two shepherds near Tuz Khurmatu on Sunday, police said."
    lines = [{"id": "wire-1", "outlet": "Wire A", "published": "2020-10-12", "layout": "body", "text": text},
             {"id": "wire-2", "outlet": "Wire B", "published": "2020-10-12", "layout": "body", "text": text}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    report = run([str(src)], tmp_path / "ds", resources=res)
    dup = [a for a in report["articles"] if a["status"] == "already coded"]
    assert [a["article_id"] for a in dup] == ["in:2"] or [a["same_content_as"] for a in dup] == ["wire-1"]
    assert len(events(tmp_path / "ds")) == 1


def test_a_later_report_joins_the_event_and_keeps_its_id(tmp_path, res):
    first = {"id": "a", "outlet": "Wire A", "published": "2020-10-12", "layout": "body", "country": "IRQ",
             "text": "A roadside bomb struck a police patrol in Tarmiyah on Sunday, killing two policemen."}
    later = {"id": "b", "outlet": "Wire B", "published": "2020-10-13", "layout": "body", "country": "IRQ",
             "text": "The toll from Sunday's roadside bomb attack on a police patrol in Tarmiyah has risen to "
                     "three policemen, officials said on Monday."}
    (tmp_path / "1.jsonl").write_text(json.dumps(first) + "\n", "utf-8")
    (tmp_path / "2.jsonl").write_text(json.dumps(later) + "\n", "utf-8")
    out = tmp_path / "ds"
    run([str(tmp_path / "1.jsonl")], out, resources=res)
    before = events(out)
    run([str(tmp_path / "2.jsonl")], out, resources=res)
    after = events(out)
    assert len(before) == 1 and len(after) == 1
    assert after.event_id_cnty[0] == before.event_id_cnty[0]
    assert sorted(c["article_id"] for c in after.citations[0]) == ["a", "b"]
    assert after.fatalities[0] == 3  # a later report updates the toll
    audit = pq.read_table(out / "merges.parquet").to_pandas()
    rule = audit[(audit.kind == "resolved") & (audit.field == "fatalities")].reason.tolist()
    assert rule and "later report" in rule[0]
    assert set(audit[audit.kind != "resolved"].kind) == {"first report", "joined"}


def test_near_misses_are_kept_apart_with_a_reason(tmp_path, res):
    lines = [
        {"id": "x", "outlet": "Wire A", "published": "2020-10-12", "layout": "body", "country": "IRQ",
         "text": "A roadside bomb struck a police patrol in Latifiyah on Sunday, wounding two policemen."},
        {"id": "y", "outlet": "Wire B", "published": "2020-10-12", "layout": "body", "country": "IRQ",
         "text": "A roadside bomb struck a police patrol in Abu Ghraib on Sunday, wounding two policemen."},
    ]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    run([str(tmp_path / "in.jsonl")], tmp_path / "ds", resources=res)
    audit = pq.read_table(tmp_path / "ds" / "merges.parquet").to_pandas()
    apart = audit[audit.kind == "kept apart"]
    assert len(apart) == 1 and apart.reason.iloc[0].startswith("different places")


def test_partitioned_layout_reads_in_one_call_everywhere(tmp_path, res):
    out = tmp_path / "ds"
    run([str(MULTI)], out, resources=res, layout="partitioned")
    assert (out / "events").is_dir() and not (out / "events.parquet").exists()
    assert any((out / "events").glob("country=*/year=*/part-0.parquet"))
    n = len(store.read_events(out))
    assert n > 10
    assert len(pd.read_parquet(out / "events")) == n
    import pyarrow.dataset as ds

    assert ds.dataset(out / "events", partitioning="hive").count_rows() == n
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    assert con.execute(f"select count(*) from read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)"
                       ).fetchall()[0][0] == n
    polars = pytest.importorskip("polars")
    assert polars.read_parquet(f"{out}/events/**/*.parquet", hive_partitioning=True).height == n
    result = CliRunner().invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    # the same data as the single-file layout
    run([str(MULTI)], tmp_path / "single", resources=res, layout="file")
    def by_id(table):
        return sorted(table.to_pylist(), key=lambda r: r["event_id_cnty"])

    assert by_id(store.read_events(out)) == by_id(store.read_events(tmp_path / "single"))


def test_a_run_killed_midway_leaves_the_previous_dataset(tmp_path, res, monkeypatch):
    out = tmp_path / "ds"
    run([seed(0), seed(1)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    state_before = (out / ".coder" / "state.parquet").read_bytes()

    def killed(self, table, layout, write_parts=None):
        (self.path / "events.parquet").write_bytes(b"half a file")
        raise KeyboardInterrupt

    monkeypatch.setattr(store.Staging, "write_events", killed)
    with pytest.raises(KeyboardInterrupt):
        run([seed(2), seed(3)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert (out / ".coder" / "state.parquet").read_bytes() == state_before
    assert not list(out.glob(".staging-*"))
    monkeypatch.undo()
    report = run([seed(2), seed(3)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    assert report["dataset"]["articles_total"] == 4


def test_new_resources_recode_the_stored_articles(tmp_path, res):
    out = tmp_path / "ds"
    run([seed(0)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    path = out / ".coder" / "state.parquet"
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({"coder.versions": json.dumps({"rules": "older"})}), path)
    report = run([seed(1)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    assert report["dataset"]["recoded_for_new_resources"] == 1


def test_a_changed_coder_recodes_the_stored_articles(tmp_path, res):
    """Same data files, other code: the stored mentions are what the old code read, so they are coded again."""
    out = tmp_path / "ds"
    run([seed(0)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    path = out / ".coder" / "state.parquet"
    table = pq.read_table(path)
    versions = {**res.versions(), "code": "an older coder"}
    pq.write_table(table.replace_schema_metadata({**table.schema.metadata,
                                                  b"coder.versions": json.dumps(versions).encode()}), path)
    report = run([seed(1)], out, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    assert report["dataset"]["recoded_for_new_resources"] == 1
    assert pq.read_schema(out / "events.parquet").metadata[b"coder.code_sha256"].decode() == res.versions()["code"]


def test_evaluate_refuses_to_add_to_a_dataset(tmp_path, res):
    run([seed(0)], tmp_path, manifest=str(SEEDS / "manifest.jsonl"), resources=res)
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(ROOT / "tests/data/devset/gold.jsonl"),
                                      "--out", str(tmp_path)])
    assert result.exit_code == 2 and "holds a dataset already" in result.output


# --- properties over the mentions of the multi-source set -----------------------------------------------


@pytest.fixture(scope="module")
def outcomes(res):
    return detect(read_inputs([str(MULTI)], None).articles, res)[0]


def _ids(outcomes, res):
    mentions = [m for o in outcomes for m in o.mentions]
    evs = merge_mentions(mentions, res.taxonomy)
    return {tuple(sorted((m.article_id, m.evidence[0].start) for m in e.mentions)): i
            for e, i in zip(evs, event_ids(evs), strict=True)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_ids_do_not_depend_on_order_and_are_unique(outcomes, res, rnd):
    shuffled = list(outcomes)
    rnd.shuffle(shuffled)
    ids = _ids(shuffled, res)
    assert ids == _ids(outcomes, res)
    assert len(set(ids.values())) == len(ids)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rnd=st.randoms(use_true_random=False))
def test_batches_equal_all_at_once(outcomes, res, tmp_path_factory, rnd):
    """The stored state and a later batch give the dataset one run gives: checked through the store."""
    articles = [o.article for o in outcomes]
    rnd.shuffle(articles)
    cut = rnd.randint(1, len(articles) - 1)
    folder = tmp_path_factory.mktemp("batches")
    for name, part in (("a.jsonl", articles[:cut]), ("b.jsonl", articles[cut:])):
        (folder / name).write_text("".join(
            json.dumps({"id": a.article_id, "outlet": a.outlet, "published": a.published.isoformat(),
                        "country": a.country, "layout": "body", "text": a.text}) + "\n" for a in part), "utf-8")
    run([str(folder / "a.jsonl")], folder / "ds", resources=res)
    run([str(folder / "b.jsonl")], folder / "ds", resources=res)
    once = folder / "once"
    run([str(folder / "a.jsonl"), str(folder / "b.jsonl")], once, resources=res)
    assert (folder / "ds" / "events.parquet").read_bytes() == (once / "events.parquet").read_bytes()
    shutil.rmtree(folder)


def test_an_id_survives_a_later_report(outcomes, res):
    """An event's id is the same without its latest-published report: a later report does not change it."""
    full = merge_mentions([m for o in outcomes for m in o.mentions], res.taxonomy)
    ids = dict(zip([id(e) for e in full], event_ids(full), strict=True))
    latest = {}
    for e in full:
        if len(e.article_ids) > 1:
            last = max(e.mentions, key=lambda m: (m.published or dt.date.min, m.article_id))
            if all((m.published or dt.date.min) < last.published for m in e.mentions if m.article_id != last.article_id):
                latest[last.article_id] = ids[id(e)]
    assert latest, "the set has later reports"
    for article_id, event_id in latest.items():  # as if that report had not arrived yet
        fewer = merge_mentions([m for o in outcomes for m in o.mentions if m.article_id != article_id], res.taxonomy)
        assert event_id in set(event_ids(fewer)), article_id
