"""Engines and streaming (issue 6): the dataset does not depend on where or in what batches articles are coded.

The Dask tests start a real local cluster: a scheduler and two worker processes talking TCP on loopback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import REPO
from coder.engine import shards
from coder.pipeline import run
from coder.read import plan_inputs, read_inputs, read_task
from coder.resources import load_resources

MULTI = REPO / "tests" / "data" / "multisource" / "articles.jsonl"
N_MULTI = sum(1 for line in MULTI.read_text("utf-8").splitlines() if line.strip())  # articles of the set
EXAMPLES = [str(REPO / "examples" / "seeds"), str(REPO / "examples" / "own")]


@pytest.fixture(scope="module")
def res():
    return load_resources()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, res):
    """The multi-source set coded in this process, in one batch."""
    out = tmp_path_factory.mktemp("reference")
    run([str(MULTI)], out, resources=res, batch_size=1000)
    return out


def _events(out: Path) -> bytes:
    return (out / "events.parquet").read_bytes()


def _shards_of(out: Path) -> dict[str, set[str]]:
    """Event id -> the articles it cites."""
    table = pq.read_table(out / "events.parquet", columns=["event_id_cnty", "citations"]).to_pylist()
    return {r["event_id_cnty"]: {c["article_id"] for c in r["citations"]} for r in table}


def test_jsonl_parts_read_the_same_articles_as_the_whole_file():
    whole = read_inputs([str(MULTI)]).articles
    plan = plan_inputs([str(MULTI)], lines_per_task=7)
    assert len(plan.tasks) == -(-len(whole) // 7) and plan.articles_expected == len(whole)
    parts = [a for t in plan.tasks for a in read_task(t)[0]]
    assert [a.model_dump() for a in parts] == [a.model_dump() for a in whole]


def test_a_bad_line_in_a_later_part_is_named_by_file_and_line(tmp_path):
    lines = MULTI.read_text("utf-8").splitlines()[:6]
    lines.insert(4, "{not json")
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    plan = plan_inputs([str(path)], lines_per_task=2)
    rejects = [r for t in plan.tasks for r in read_task(t)[1]]
    assert len(rejects) == 1 and f"{path}:5: malformed JSONL line" in rejects[0].message
    assert sum(len(read_task(t)[0]) for t in plan.tasks) == 6


def test_shards_are_bounded_batches_of_tasks():
    plan = plan_inputs([str(MULTI)], lines_per_task=5)
    batches = list(shards(plan.tasks, 10))
    assert all(sum(t.lines for t in b) <= 10 for b in batches)
    assert [t for b in batches for t in b] == plan.tasks


def test_with_several_workers_the_last_shards_shrink():
    from coder.engine import MIN_SHARD

    plan = plan_inputs([str(MULTI)], lines_per_task=1)  # one task per article
    sizes = [sum(t.lines for t in b) for b in shards(plan.tasks, 12, workers=2)]
    assert sum(sizes) == N_MULTI and max(sizes) == 12 and sizes[0] == 12
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] <= MIN_SHARD
    assert [t for b in shards(plan.tasks, 12, workers=2) for t in b] == plan.tasks
    full, rest = divmod(N_MULTI, 12)
    assert [sum(t.lines for t in b) for b in shards(plan.tasks, 12)] == [12] * full + [rest] * bool(rest)


def test_batch_size_does_not_change_the_dataset(tmp_path, res, reference):
    out = tmp_path / "small"
    report = run([str(MULTI)], out, resources=res, batch_size=2)
    assert _events(out) == _events(reference)
    assert report["counts"]["articles_read"] == N_MULTI and report["engine"]["batch_size"] == 2
    # reports of one incident were coded in different batches and still merged
    assert any(len(arts) > 1 for arts in _shards_of(out).values())


def test_two_local_workers_give_the_same_bytes(tmp_path, res, reference):
    out = tmp_path / "pool"
    report = run([str(MULTI)], out, resources=res, workers=2, batch_size=4)
    assert report["engine"] == {"engine": "local", "workers": 2, "batch_size": 4}
    assert _events(out) == _events(reference)
    assert (out / "merges.parquet").read_bytes() == (reference / "merges.parquet").read_bytes()


def test_spawned_workers_give_the_same_bytes_as_forked_ones(tmp_path, res, reference, monkeypatch):
    from coder import engine

    assert engine.can_fork() == sys.platform.startswith("linux")
    monkeypatch.setattr(engine, "can_fork", lambda: False)  # spawned: each worker loads the resources itself
    out = tmp_path / "spawned"
    run([str(MULTI)], out, resources=res, workers=2, batch_size=4)
    assert _events(out) == _events(reference)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_workers_code_with_the_resources_of_the_run(res):
    """A forked worker loads nothing: it codes with the parent's resources (those a caller passed to run())."""
    from coder import engine

    pool = engine.ProcessPool(2, res=res, known=frozenset({"abc"}))
    try:
        assert pool._pool.submit(_worker_state).result() == (id(res), frozenset({"abc"}))
        plan = plan_inputs([str(MULTI)], lines_per_task=8)
        got = [c for r in pool.map(shards(plan.tasks, 8), frozenset()) for c in r.coded]
    finally:
        pool.close()
    here = [c for r in engine.InProcess(res).map(shards(plan.tasks, 8), frozenset()) for c in r.coded]
    assert [(c.sha, c.row) for c in got] == [(c.sha, c.row) for c in here]


def _worker_state():
    from coder import engine

    return id(engine._WORKER[("resources", None)]), engine._WORKER["known"]


def test_progress_bar_only_when_asked(tmp_path, res, capsys):
    run(EXAMPLES, tmp_path / "quiet", resources=res)
    assert capsys.readouterr().err == ""
    run(EXAMPLES, tmp_path / "bar", resources=res, progress=True)
    err = capsys.readouterr().err
    assert "coding" in err and "9/9" in err and "articles/s" in err


def test_state_is_written_in_row_groups_and_recoded_from_them(tmp_path, res, monkeypatch):
    from coder import store

    monkeypatch.setattr(store, "STATE_ROWS_PER_GROUP", 10)
    out = tmp_path / "ds"
    run([str(MULTI)], out, resources=res, batch_size=8)
    meta = pq.ParquetFile(out / ".coder" / "state.parquet").metadata
    assert meta.num_rows == N_MULTI and meta.num_row_groups == -(-N_MULTI // 10)
    first = _events(out)
    # a change of resources re-codes every stored article from its stored text, shard by shard
    state = pq.read_table(out / ".coder" / "state.parquet")
    versions = json.loads(state.schema.metadata[b"coder.versions"])
    versions["rules"] = "an older rule set"
    pq.write_table(state.replace_schema_metadata({**state.schema.metadata,
                                                  b"coder.versions": json.dumps(versions).encode()}),
                   out / ".coder" / "state.parquet", row_group_size=10)
    report = run([str(MULTI)], out, resources=res, batch_size=8)
    assert report["dataset"]["recoded_for_new_resources"] == N_MULTI
    assert report["dataset"]["articles_already_coded"] == N_MULTI
    assert _events(out) == first


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, protocol="tcp",
                                       host="127.0.0.1", dashboard_address=None, silence_logs=40)
    try:
        yield cluster
    finally:
        cluster.close()


def test_dask_cluster_output_equals_the_local_engine(tmp_path, res, reference, dask_cluster):
    assert dask_cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    out = tmp_path / "dask"
    report = run([str(MULTI)], out, resources=res, engine="dask", scheduler=dask_cluster.scheduler_address,
                 batch_size=3)
    assert report["engine"]["workers"] == 2 and report["engine"]["scheduler"] == dask_cluster.scheduler_address
    assert _events(out) == _events(reference)
    assert (out / "merges.parquet").read_bytes() == (reference / "merges.parquet").read_bytes()
    # 18 shards over two workers: some incidents' reports were coded on different workers, and merged
    assert any(len(arts) > 1 for arts in _shards_of(out).values())


def test_dask_partitioned_dataset_and_a_second_batch(tmp_path, res, dask_cluster):
    lines = MULTI.read_text("utf-8").splitlines()
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:30]) + "\n", "utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(lines[30:]) + "\n", "utf-8")
    local = tmp_path / "local"
    run([str(MULTI)], local, resources=res, layout="partitioned")
    out = tmp_path / "dask"
    run([str(tmp_path / "a.jsonl")], out, resources=res, engine="dask", scheduler=dask_cluster.scheduler_address,
        layout="partitioned", batch_size=5)
    run([str(tmp_path / "b.jsonl")], out, resources=res, engine="dask", scheduler=dask_cluster.scheduler_address,
        batch_size=5)
    files = sorted(p.relative_to(local / "events") for p in (local / "events").rglob("*.parquet"))
    assert files and files == sorted(p.relative_to(out / "events") for p in (out / "events").rglob("*.parquet"))
    for f in files:
        assert (local / "events" / f).read_bytes() == (out / "events" / f).read_bytes()


def test_cli_rejects_bad_engine_options(tmp_path):
    from typer.testing import CliRunner

    from coder.cli import app

    runner = CliRunner()
    bad = runner.invoke(app, ["run", EXAMPLES[0], "--out", str(tmp_path / "x"), "--scheduler", "tcp://h:1"])
    assert bad.exit_code != 0 and "--scheduler needs --engine dask" in bad.output
    bad = runner.invoke(app, ["run", EXAMPLES[0], "--out", str(tmp_path / "x"), "--engine", "spark"])
    assert bad.exit_code != 0 and "--engine 'spark': choose local or dask" in bad.output
    bad = runner.invoke(app, ["run", EXAMPLES[0], "--out", str(tmp_path / "x"), "--workers", "0"])
    assert bad.exit_code != 0


def test_dask_workers_open_relative_inputs_from_any_working_folder(tmp_path, res, dask_cluster, monkeypatch):
    # the cluster's workers started in another folder: inputs named relative to the client's folder must still open
    local = tmp_path / "local"
    run(EXAMPLES, local, resources=res)
    monkeypatch.chdir(REPO / "examples")
    out = tmp_path / "dask"
    report = run(["seeds", "own"], out, resources=res, engine="dask", scheduler=dask_cluster.scheduler_address)
    assert report["rejects"] == [] and report["counts"]["articles_read"] == 9
    assert _events(out) == _events(local)


def test_pool_workers_skip_what_the_dataset_holds(tmp_path, res):
    out = tmp_path / "twice"
    run([str(MULTI)], out, resources=res, workers=2, batch_size=10)
    first = _events(out)
    report = run([str(MULTI)], out, resources=res, workers=2, batch_size=10)
    assert report["dataset"]["articles_already_coded"] == N_MULTI and report["dataset"]["articles_new"] == 0
    assert report["counts"]["mentions"] == 0  # nothing was coded again
    assert _events(out) == first
