"""Where articles are coded: in this process, in a pool of local worker processes, or on a Dask cluster.

A run is cut into shards: bounded batches of read tasks (a file, a range of lines of a JSONL file, or row groups
of the dataset's state to re-code). `code_shard` reads a shard's articles itself, codes the new ones and returns
what the dataset keeps: per article its reference, mentions, skips and the state row (the text goes into the
state file, not into the run's memory). Every engine yields the shards' results in shard order, so what a run
writes does not depend on the engine or the number of workers. The merge across articles happens after all
shards are coded, over the mentions of all of them (spilled to disk as they arrive, read back in date order:
coder.spill), so the reports of one incident may be coded anywhere.

    InProcess      --workers 1 (default): no extra processes, the first article is coded at once
    ProcessPool    --workers N: N local processes (on Linux forked from the run's process once it has loaded the
                   resources, which they share; elsewhere spawned, each loading the resources once)
    DaskEngine     --engine dask [--scheduler ADDRESS]: the workers of an existing Dask distributed cluster, or
                   a local cluster of N worker processes; workers open the input paths themselves
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from coder import errors, spill, store
from coder.assemble import article_ref
from coder.incidents import detect_mentions
from coder.models import Article, ArticleRef, Mention, Reject, Skip
from coder.read import FileTask, read_task
from coder.resources import Resources, load_resources
from coder.sentences import split_sentences

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class StateTask:
    """Stored articles to re-code: row groups of a state file."""

    path: str
    row_groups: tuple[int, ...]
    lines: int


Task = FileTask | StateTask
Shard = tuple[Task, ...]


@dataclass
class Coded:
    """One article a shard read: what the dataset keeps of it. `known`: its content hash is already in the
    dataset, so it was not coded (and `row` is empty). From `code_shard`, `mentions` are as the run's working
    store takes them (coder.spill.spilled) and `entry` is the article's run report entry as JSON: the worker
    makes them, not the process that merges."""

    sha: str
    ref: ArticleRef
    mentions: list[Mention] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    sentences: int = 0
    row: dict | None = None
    failure: Reject | None = None
    known: bool = False
    recoded: bool = False
    entry: str | None = None


def article_entry(c: Coded) -> dict:
    """The run report entry of an article coded in this run (its status and events are added at the end)."""
    ref = c.ref
    return {"article_id": ref.article_id, "path": ref.source_path, "format": ref.format, "outlet": ref.outlet,
            "url": ref.url, "published": ref.published.isoformat() if ref.published else None,
            "stories": ref.stories, "sentences": c.sentences, "mentions": len(c.mentions),
            "skipped": [s.model_dump(exclude_none=True) for s in c.skips]}


def _for_the_run(c: Coded) -> Coded:
    """What the merging process needs of a coded article, made here: mentions as store rows, the report entry."""
    if not c.known:
        c.entry = json.dumps(article_entry(c), ensure_ascii=False)
        c.mentions = [spill.spilled(m) for m in c.mentions]
    return c


@dataclass
class ShardResult:
    coded: list[Coded]
    rejects: list[Reject]
    timings: dict[str, float]


def shards(tasks: Iterable[Task], size: int, workers: int = 1) -> Iterator[Shard]:
    """Tasks grouped into shards of about `size` articles (a task is never split). With several workers the last
    shards shrink (to a `workers`-th of what remains, halved, down to MIN_SHARD articles) so that the workers finish
    together instead of one coding a whole last shard while the others wait."""
    if workers > 1:
        tasks = list(tasks)
        remaining = sum(t.lines for t in tasks)
    batch: list[Task] = []
    count = 0
    target = size
    for task in tasks:
        if not batch and workers > 1:
            target = min(size, max(MIN_SHARD, -(-remaining // (2 * workers))))
        batch.append(task)
        count += task.lines
        if count >= target:
            if workers > 1:
                remaining -= count
            yield tuple(batch)
            batch, count = [], 0
    if batch:
        yield tuple(batch)


MIN_SHARD = 16  # articles: the smallest shard the tail of a run is cut into
TASK_PARTS = 8  # with several workers, JSONL files are planned in tasks of batch_size / TASK_PARTS lines


def state_tasks(state: store.State) -> list[StateTask]:
    """The dataset's stored articles as re-coding tasks, one per row group."""
    if state.path is None:
        return []
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(state.path).metadata
    return [StateTask(str(Path(state.path).resolve()), (g,), meta.row_group(g).num_rows) for g in range(meta.num_row_groups)]


def code_shard(shard: Shard, known: frozenset[str], res: Resources) -> ShardResult:
    """Read and code one shard. One article's failure is a reject on that article, never a stop."""
    timings = {"read": 0.0, "sentences": 0.0, "incidents": 0.0}
    coded: list[Coded] = []
    rejects: list[Reject] = []
    first_done: float | None = None
    for task in shard:
        t0 = time.perf_counter()
        if isinstance(task, StateTask):
            articles, recoded = store.stored_articles(Path(task.path), list(task.row_groups)), True
        else:
            (articles, task_rejects), recoded = read_task(task), False
            rejects += task_rejects
        timings["read"] += time.perf_counter() - t0
        for article in articles:
            coded.append(_for_the_run(code_article(article, known, res, timings, recoded)))
            if first_done is None:
                first_done = time.time()  # wall clock: comparable between processes of one machine
    if first_done is not None:
        timings["first_article_at"] = first_done
    return ShardResult(coded, rejects, timings)


def code_article(article: Article, known: frozenset[str], res: Resources, timings: dict[str, float],
                 recoded: bool = False) -> Coded:
    sha = store.content_sha256(article)
    ref = article_ref(article, res.outlets)
    if sha in known and not recoded:
        return Coded(sha, ref, known=True)
    out = Coded(sha, ref, recoded=recoded)
    stage = "sentences"
    try:
        t0 = time.perf_counter()
        sentences = split_sentences(article)
        out.sentences = len(sentences)
        t1 = time.perf_counter()
        stage = "incidents"
        out.mentions, out.skips = detect_mentions(article, sentences, res)
        t2 = time.perf_counter()
        timings["sentences"] += t1 - t0
        timings["incidents"] += t2 - t1
    except Exception as err:  # noqa: BLE001 — one article's failure must not stop the run
        out.failure = Reject(path=article.source_path, article_id=article.article_id, stage=stage,
                             code=errors.E_STAGE_FAILED.code,
                             message=errors.E_STAGE_FAILED.format(path=article.source_path, stage=stage,
                                                                  detail=f"{type(err).__name__}: {err}"))
        out.mentions, out.skips = [], []
    for m in out.mentions:
        m.published, m.content_sha256 = article.published, sha
    out.row = store.state_row(sha, ref, article.model_dump_json(), out.mentions, out.skips, out.sentences,
                              "failed" if out.failure else "coded")
    return out


# ---------------------------------------------------------------------------
# engines
# ---------------------------------------------------------------------------


class InProcess:
    """Codes each shard here, in order."""

    workers = 1

    def __init__(self, res: Resources):
        self.res = res

    def map(self, shard_iter: Iterable[Shard], known: frozenset[str]) -> Iterator[ShardResult]:
        for shard in shard_iter:
            yield code_shard(shard, known, self.res)

    def coded(self) -> None:
        pass

    def close(self) -> None:
        pass


# each worker process of a pool (or of a Dask cluster) loads the resources once
_WORKER: dict = {}


def _resources_for(gazetteer_extra: str | None) -> Resources:
    key = ("resources", gazetteer_extra)
    if key not in _WORKER:
        _WORKER[key] = load_resources(gazetteer_extra=Path(gazetteer_extra) if gazetteer_extra else None)
    return _WORKER[key]


def _pool_init(gazetteer_extra: str | None, state_file: str | None) -> None:
    """A pool worker starts while the run is still loading: it loads the resources, and the content hashes of the
    articles the dataset holds from its state file (the file is only replaced when the run ends)."""
    known: frozenset[str] = frozenset()
    if state_file and Path(state_file).exists():
        import pyarrow.parquet as pq

        known = frozenset(pq.read_table(state_file, columns=["content_sha256"]).column(0).to_pylist())
    _WORKER["known"] = known
    _resources_for(gazetteer_extra)
    gc.freeze()  # a pool worker only codes: what it has loaded is kept for its life, out of the collector's way


def _pool_adopt(gazetteer_extra: str | None, res: Resources, known: frozenset[str]) -> None:
    """A forked pool worker: the resources and content hashes are the parent's (inherited, not loaded or sent)."""
    _WORKER[("resources", gazetteer_extra)] = res
    _WORKER["known"] = known


def can_fork() -> bool:
    """Pool workers are forked (Linux): they start coding at once, sharing the parent's loaded resources, instead of
    each starting an interpreter and loading them again, which on a machine of few cores delays the first shard
    and takes CPU from the coding (three loads on two cores for --workers 2)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _ready() -> bool:
    return True


def _pool_code(shard: Shard, gazetteer_extra: str | None) -> ShardResult:
    return code_shard(shard, _WORKER["known"], _resources_for(gazetteer_extra))


def _in_order(submit, shard_iter: Iterable[Shard], ahead: int) -> Iterator[ShardResult]:
    """Results in shard order, with at most `ahead` shards in flight (memory stays bounded)."""
    pending: deque = deque()
    for shard in shard_iter:
        pending.append(submit(shard))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class ProcessPool:
    """N local processes; shards are handed out as workers free up, results come back in order.

    Given the loaded resources `res` (and the content hashes `known` of the articles the dataset holds) on Linux,
    the workers are forked from this process and share them. Otherwise they are spawned at once, so that they
    load while the run plans, and read the content hashes from the dataset's `state_file` themselves."""

    def __init__(self, workers: int, gazetteer_extra: str | None = None, state_file: str | None = None,
                 res: Resources | None = None, known: frozenset[str] = frozenset()):
        self.workers = workers
        self.gazetteer_extra = gazetteer_extra
        if res is not None and can_fork():
            self._pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_pool_adopt,
                                             initargs=(gazetteer_extra, res, known))
        else:
            self._pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_pool_init,
                                             initargs=(gazetteer_extra, state_file))
        for _ in range(workers):
            self._pool.submit(_ready)  # start them now

    def map(self, shard_iter: Iterable[Shard], known: frozenset[str]) -> Iterator[ShardResult]:
        yield from _in_order(lambda s: self._pool.submit(_pool_code, s, self.gazetteer_extra), shard_iter,
                             2 * self.workers)

    def coded(self) -> None:
        """Every shard is coded: the workers exit while this process merges (not waited for; `close` waits)."""
        self._pool.shutdown(wait=False)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def _warm(gazetteer_extra: str | None) -> bool:
    _resources_for(gazetteer_extra)
    return True


def _dask_code(shard: Shard, known: frozenset[str], gazetteer_extra: str | None) -> ShardResult:
    return code_shard(shard, known, _resources_for(gazetteer_extra))


class DaskEngine:
    """The workers of a Dask distributed cluster: `scheduler` is its address ("tcp://host:8786"); None starts a
    local cluster of `workers` processes on loopback for this run. Workers must see the input paths."""

    def __init__(self, scheduler: str | None = None, workers: int = 2, gazetteer_extra: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise RuntimeError("--engine dask needs dask and distributed: pip install 'dask[distributed]'") from exc
        self.gazetteer_extra = str(Path(gazetteer_extra).resolve()) if gazetteer_extra else None
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="30s")
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address=None, silence_logs=40)
            self.client = Client(self._cluster)
        addresses = list(self.client.scheduler_info().get("workers", {}))
        self.workers = max(1, len(addresses))
        # each worker loads the resources now, while this process loads its own, not when its first shard comes
        self._warm = [self.client.submit(_warm, self.gazetteer_extra, workers=[a], allow_other_workers=False,
                                         pure=False) for a in addresses]

    def map(self, shard_iter: Iterable[Shard], known: frozenset[str]) -> Iterator[ShardResult]:
        known_future = self.client.scatter([known], broadcast=True, hash=False)[0]
        yield from _in_order(
            lambda s: self.client.submit(_dask_code, s, known_future, self.gazetteer_extra, pure=False),
            shard_iter, 2 * self.workers)

    def write_parts(self, jobs: list) -> None:
        """The partition files of the dataset, each written by a worker (the output folder must be on a file
        system the workers see, as the inputs are)."""
        futures = [self.client.submit(store.write_part_file, path, table, pure=False) for path, table in jobs]
        self.client.gather(futures)

    def coded(self) -> None:
        pass  # the workers may still write the partition files

    def close(self) -> None:
        self._warm = []
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def check_options(engine: str, workers: int, scheduler: str | None = None, batch_size: int = 1) -> None:
    """ValueError, worded for the command line, when the engine options do not fit together."""
    if engine not in ENGINES:
        raise ValueError(f"--engine {engine!r}: choose {' or '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise ValueError("--scheduler needs --engine dask")
    if workers < 1 or batch_size < 1:
        raise ValueError("--workers and --batch-size must be at least 1")


def make_engine(engine: str, workers: int, res: Resources | None, scheduler: str | None = None,
                gazetteer_extra: str | Path | None = None, state_file: Path | None = None,
                known: frozenset[str] = frozenset()):
    """The engine for a run. Other than InProcess (which needs `res`), engines start their workers at once. A local
    pool given `res` (and `known`, the content hashes the dataset holds) forks its workers where it can
    (`can_fork`); without, it spawns them to load while this process loads."""
    check_options(engine, workers, scheduler)
    extra = str(Path(gazetteer_extra).resolve()) if gazetteer_extra else None
    if engine == "dask":
        return DaskEngine(scheduler, workers, extra)
    if workers == 1:
        return InProcess(res)
    return ProcessPool(workers, extra, str(Path(state_file).resolve()) if state_file else None, res, known)


def starts_early(engine: str, workers: int) -> bool:
    """Whether a run starts the engine before loading its resources (so that the workers load meanwhile): a Dask
    cluster, and a local pool that cannot fork."""
    return engine != "local" or (workers > 1 and not can_fork())


def process_started_at() -> float:
    """Wall-clock time this process started (Linux: from /proc; elsewhere: when this module was imported)."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        ticks = int(fields[19])  # field 22 of stat: start time in clock ticks after boot
        return time.time() - (time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED_AT


_IMPORTED_AT = time.time()
