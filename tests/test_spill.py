"""Memory flat in corpus size (issue 6): the streaming merge, the on-disk working store of a run (coder.spill) and
the writers give exactly what the in-memory list functions give."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder import pipeline, store
from coder.assemble import ID_SPACE, canonical_order, canonical_stream, event_ids, first_report_key, probe_numbers
from coder.audit import AUDIT_SCHEMA, KeptApart, _near, _why_kept_apart, audit_rows, audit_table
from coder.merge import merge_mentions, merge_stream, mention_order
from coder.pipeline import detect, run
from coder.read import read_inputs
from coder.resources import load_resources
from coder.spill import RunSpill, event_blob, event_from_blob

ROOT = Path(__file__).resolve().parents[1]
MULTI = ROOT / "tests" / "data" / "multisource" / "articles.jsonl"


@pytest.fixture(scope="module")
def res():
    return load_resources()


@pytest.fixture(scope="module")
def mentions(res):
    outcomes = detect(read_inputs([str(MULTI)], None).articles, res)[0]
    return [m for o in sorted(outcomes, key=lambda o: o.article.article_id) for m in o.mentions]


def test_the_streaming_merge_is_the_list_merge(mentions, res):
    listed = merge_mentions(mentions, res.taxonomy)
    streamed = list(merge_stream(sorted(mentions, key=mention_order), res.taxonomy))
    assert sorted(n for n, _, _ in streamed) == list(range(len(listed)))
    assert [e for _, e, _ in sorted(streamed, key=lambda x: x[0])] == listed
    assert streamed[-1][2].year == 9999  # after the last event, nothing is to come
    ordered = list(canonical_stream(merge_stream(sorted(mentions, key=mention_order), res.taxonomy)))
    assert ordered == canonical_order(listed)


def test_events_come_out_before_the_corpus_ends(mentions, res):
    """Closed events are let out while mentions are still coming: the merge holds a few days, not everything."""
    ordered = sorted(mentions, key=mention_order)
    seen = []

    def feed():
        for i, m in enumerate(ordered):
            seen.append(i)
            yield m

    first_out = None
    for _ in canonical_stream(merge_stream(feed(), res.taxonomy)):
        first_out = len(seen)
        break
    assert first_out is not None and first_out < len(ordered)


def test_mentions_come_back_in_merge_order_with_ties_as_a_stable_sort(tmp_path, mentions):
    by_article = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    arrival = list(by_article)
    random.Random(3).shuffle(arrival)
    spill = RunSpill(tmp_path / "s.sqlite")
    for aseq, article_id in enumerate(arrival):
        # half of the articles as the state file stores their mentions (JSON), half as Mentions
        ms = by_article[article_id]
        given = ms if aseq % 2 else [m.model_dump(mode="json") for m in ms]
        spill.add_article(aseq, article_id, "{}", given)
    doubled = by_article[arrival[0]]  # the same mentions again under a later article: ties keep arrival order
    spill.add_article(len(arrival), arrival[0], "{}", doubled)
    expected = sorted([m for a in arrival for m in by_article[a]] + doubled,
                      key=lambda m: (m.article_id, arrival.index(m.article_id)))
    expected = sorted(expected, key=mention_order)
    got = list(spill.mentions())
    assert [m.model_dump() for m in got] == [m.model_dump() for m in expected]
    spill.close()
    assert not (tmp_path / "s.sqlite").exists()


def test_refs_are_looked_up_by_id_the_later_article_winning(tmp_path):
    from coder.models import ArticleRef

    spill = RunSpill(tmp_path / "s.sqlite")
    spill.add_article(5, "a", ArticleRef(article_id="a", outlet="later").model_dump_json(), [])
    spill.add_article(1, "a", ArticleRef(article_id="a", outlet="earlier").model_dump_json(), [])
    spill.add_article(2, "b", ArticleRef(article_id="b", outlet="B").model_dump_json(), [])
    spill.index_refs()
    assert spill.ref("a").outlet == "later" and spill.ref("b").outlet == "B"
    with pytest.raises(KeyError):
        spill.ref("c")
    spill.close()


def test_events_survive_the_round_trip(mentions, res):
    for event in merge_mentions(mentions, res.taxonomy):
        back = event_from_blob(event_blob(event))
        assert back == event


def _reference_numbers(rows: list[tuple[int, str, int, tuple]]) -> dict[int, str]:
    """event_ids' algorithm over (pos, iso3, number, first key)."""
    used: dict[str, set[int]] = defaultdict(set)
    out = {}
    for pos, iso3, n, _ in sorted(rows, key=lambda r: (r[1], r[3], r[0])):
        while n in used[iso3]:
            n = (n + 1) % ID_SPACE
        used[iso3].add(n)
        out[pos] = f"{iso3}{n}"
    return out


@pytest.mark.parametrize("seed", range(6))
def test_colliding_ids_are_settled_as_event_ids_settles_them(tmp_path, seed):
    rnd = random.Random(seed)
    rows = []
    for pos in range(400):
        iso3 = rnd.choice(["IRQ", "SYR"])
        # numbers crowded into a few narrow ranges (and round the wrap at ID_SPACE) so that they collide
        n = rnd.choice([rnd.randint(100, 130), rnd.randint(5000, 5004), rnd.randint(ID_SPACE - 6, ID_SPACE - 1),
                        rnd.randint(0, 3), rnd.randint(10**6, 10**8)])
        key = (f"2020-10-{rnd.randint(10, 12)}", f"{rnd.randint(0, 50):064x}", rnd.randint(0, 900), "rule", pos % 7)
        rows.append((pos, iso3, n, key))
    spill = RunSpill(tmp_path / "s.sqlite")
    spill._add("ids", [(pos, iso3, n, json.dumps(list(key))) for pos, iso3, n, key in rows])
    spill.flush()
    settled = spill._settle_collisions()
    got = {pos: f"{iso3}{settled.get(pos, n)}" for pos, iso3, n, _ in rows}
    assert got == _reference_numbers(rows)
    assert len(set(got.values())) == len(rows)
    spill.close()


def test_probe_numbers_is_event_ids_for_one_country():
    entries = [(("2020-10-12", "b", 0, "r", 0), 0, 7), (("2020-10-11", "a", 0, "r", 0), 1, 7),
               (("2020-10-11", "a", 0, "r", 0), 2, 8)]
    assert probe_numbers(entries) == {1: 7, 2: 8, 0: 9}


def test_ids_and_audit_of_the_multisource_set(mentions, res):
    events = canonical_order(merge_mentions(mentions, res.taxonomy))
    ids = event_ids(events)
    # the "kept apart" rows the window finds are those of every pair of the old all-pairs search
    pairs = []
    blocks = defaultdict(list)
    for i, e in enumerate(events):
        blocks[(e.location.place.iso3, e.event_type)].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: events[i].date.date)
        for x, y in combinations(members, 2):
            a, b = events[x], events[y]
            if abs((a.date.date - b.date.date).days) <= 1 and _near(a, b):
                pairs.append((ids[x], ids[y], _why_kept_apart(a, b, res.taxonomy, frozenset())))
    apart = KeptApart(res.taxonomy)
    found = [(r["event_id_cnty"], r["other_event_id"], r["reason"]) for e, i in zip(events, ids) for r in apart.add(e, i)]
    assert sorted(found) == sorted(pairs) and pairs
    rows = audit_rows(events, ids, res.taxonomy)
    assert sum(r["kind"] == "kept apart" for r in rows) == len(pairs)
    assert [r["kind"] for r in rows].count("first report") == len(events)


def test_json_lists_are_spliced_as_json_dumps_writes_them(tmp_path):
    report = {"a": 1, "articles": [{"x": [1, {"y": "é\n\"z\""}], "e": []}, {"x": None}], "rejects": [],
              "events": [], "tail": {"k": [1, 2]}}
    listed = pipeline._JsonList(tmp_path / "a.json")
    for item in report["articles"]:
        listed.add(item)
    listed.close()
    empty = pipeline._JsonList(tmp_path / "e.json")
    empty.close()
    streamed = {**report, "articles": pipeline._ARTICLES, "events": pipeline._EVENTS}
    pipeline._write_report(tmp_path / "run.json", streamed, {pipeline._ARTICLES: listed.path,
                                                             pipeline._EVENTS: empty.path})
    assert (tmp_path / "run.json").read_text("utf-8") == json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    assert pipeline.ReportList(tmp_path / "run.json", "articles") == report["articles"]


def test_a_table_written_in_chunks_is_pq_write_table_when_it_fits_one_group(tmp_path):
    rows = [{"event_id_cnty": f"IRQ{i}", "kind": "joined", "reason": "r" * (i % 5)} for i in range(1000)]
    pq.write_table(audit_table(rows), tmp_path / "whole.parquet", compression="zstd")
    for per_group, name in ((5000, "one.parquet"), (300, "many.parquet")):
        writer = store.TableWriter(tmp_path / name, AUDIT_SCHEMA, per_group)
        for i in range(0, 1000, 128):
            writer.add(audit_table(rows[i:i + 128]))
        writer.close()
    assert (tmp_path / "one.parquet").read_bytes() == (tmp_path / "whole.parquet").read_bytes()
    many = pq.ParquetFile(tmp_path / "many.parquet")
    assert many.metadata.num_row_groups == 3  # 384 + 384 + 232 rows: a group closes once it holds 300
    assert many.read().equals(pq.read_table(tmp_path / "whole.parquet"))
    empty = store.TableWriter(tmp_path / "empty.parquet", AUDIT_SCHEMA, 10)
    empty.close()
    pq.write_table(audit_table([]), tmp_path / "empty-whole.parquet", compression="zstd")
    assert (tmp_path / "empty.parquet").read_bytes() == (tmp_path / "empty-whole.parquet").read_bytes()


def test_small_row_groups_give_the_same_dataset(tmp_path, res, monkeypatch):
    run([str(MULTI)], tmp_path / "a", resources=res)
    monkeypatch.setattr(store, "EVENTS_ROWS_PER_GROUP", 7)
    monkeypatch.setattr(pipeline, "AUDIT_ROWS_PER_GROUP", 9)
    monkeypatch.setattr(pipeline, "AUDIT_CHUNK", 4)
    monkeypatch.setattr(pipeline._RowPass, "CHUNK", 3)
    report = run([str(MULTI)], tmp_path / "b", resources=res)
    for name in ("events.parquet", "merges.parquet"):
        assert pq.ParquetFile(tmp_path / "b" / name).metadata.num_row_groups > 1
        a, b = pq.read_table(tmp_path / "a" / name), pq.read_table(tmp_path / "b" / name)
        assert a.schema.metadata == b.schema.metadata
        assert a.to_pylist() == b.to_pylist()
    first = json.loads((tmp_path / "a" / "run.json").read_text("utf-8"))
    second = json.loads((tmp_path / "b" / "run.json").read_text("utf-8"))
    for r in (first, second):
        r.pop("timings_s"), r.pop("output"), r["dataset"].pop("merges")
    assert first == second
    n_articles = sum(1 for line in MULTI.read_text("utf-8").splitlines() if line.strip())
    assert len(report["articles"]) == n_articles and len(report["events"]) == report["counts"]["events"]
    assert not list((tmp_path / "b").glob(".staging-*"))


def test_hashes_and_ids_are_held_on_disk(tmp_path):
    spill = RunSpill(tmp_path / "s.sqlite")
    spill.add_holders([("h1", "a"), ("h2", "b")])
    spill.add_holders([("h1", "c")])
    assert spill.holder("h1") == "c" and spill.holder("h2") == "b" and spill.holder("h3") is None
    seen = spill.seen_ids()
    assert "x" not in seen
    seen.add("x")
    seen.add("x")
    assert "x" in seen and "y" not in seen
    spill.close()
