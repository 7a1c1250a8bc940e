"""The whole pipeline, in order. Read this first.

    1  read        coder.read.read_inputs            files/folders/globs -> Articles (+ rejects)
                   coder.read.layout                 chrome, headings, captions, datelines, appended stories
    2  sentences   coder.sentences.split_sentences   Article -> Sentences with character offsets
    3  incidents   coder.incidents.detect_mentions   Sentences -> Mentions, using per sentence:
    4    dates       coder.dates                       when (newsroom conventions, time_precision)
    5    places      coder.places                      where (gazetteer, geo_precision)
    6    actors      coder.actors                      who against whom (ACLED naming, inter codes)
    7    fatalities  coder.fatalities                  how many killed (and wounded, kept apart)
    8  merge       coder.merge.merge_mentions        Mentions of all articles -> one event per incident
    9  notes       coder.notes.write_note            (called by coder.assemble) ACLED-style notes
   10  ids, audit  coder.assemble.event_ids          stable event ids; coder.audit: DIR/merges.parquet
   11  write       coder.store                       the dataset folder: events (file or partitioned), audit,
                                                     state of every article coded so far, run.json; atomic

Every function named above is pure over the models in coder.models, except the readers and
the store. `run()` wires them, times them, and accounts for every input in the run report.
A run into a folder that already holds a dataset adds to it: articles coded before (same
content hash) are not coded again, and all mentions, old and new, are merged afresh, so
coding in batches gives the same dataset as coding everything at once.

Memory does not grow with the corpus (issue 6): `run()` holds no list of articles, mentions or events. What
the merge and the writers need goes into the run's working store on disk (coder.spill, in the staging folder)
as articles are coded; the merge reads the mentions back in date order and lets each event out as it closes
(coder.merge.merge_stream), in canonical order (coder.assemble.canonical_stream) into the store (pass 1); ids
are then settled (only colliding numbers need the other events) and the events read back in that order become
rows, audit rows and the report's entries, written row group by row group (pass 2). The output is byte for byte
what the list functions (`code_articles`, `build`) give over the same articles.
"""

from __future__ import annotations

import gc
import json
import shutil
import sys
import time
from collections.abc import Sequence

from tqdm import tqdm
from dataclasses import dataclass, field
from pathlib import Path

from coder import SCHEMA_VERSION, __version__, store
from coder.assemble import (assemble_record, assemble_records, canonical_order, canonical_stream, event_number,
                            first_report_key)
from coder.audit import AUDIT_SCHEMA, KeptApart, audit_table, event_rows, row_order
from coder.merge import MergedEvent, merge_mentions, merge_stream
from coder.engine import (TASK_PARTS, check_options, code_article, make_engine, process_started_at, shards,
                          starts_early, state_tasks)
from coder.models import Article, ArticleRef, Mention, Reject, Skip
from coder.read import duplicate_id, plan_inputs
from coder.record import EventRecord, records_to_chunk
from coder.resources import Resources, load_resources
from coder.spill import RunSpill



DEFAULT_BATCH = 256  # articles per shard: what one worker reads and codes at a time


@dataclass
class ArticleOutcome:
    article: Article | ArticleRef  # as read (code_articles) or as the dataset keeps it (run)
    mentions: list[Mention] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    sentences: int = 0
    sha: str = ""  # the article's content hash (coder.store.content_sha256)


@dataclass
class CodingResult:
    records: list[EventRecord]
    events: list[MergedEvent]
    outcomes: list[ArticleOutcome]
    rejects: list[Reject]
    timings: dict[str, float]


def detect(articles: list[Article], res: Resources) -> tuple[list[ArticleOutcome], list[Reject], dict[str, float]]:
    """Stages 2–7 per article: sentences and mentions. One article's failure is a reject, not a stop."""
    timings = {"sentences": 0.0, "incidents": 0.0}
    outcomes: list[ArticleOutcome] = []
    rejects: list[Reject] = []
    for article in articles:
        coded = code_article(article, frozenset(), res, timings)
        if coded.failure:
            rejects.append(coded.failure)
        outcomes.append(ArticleOutcome(article, coded.mentions, coded.skips, coded.sentences, coded.sha))
    return outcomes, rejects, timings


def build(outcomes: list[ArticleOutcome], res: Resources) -> tuple[list[EventRecord], list[MergedEvent], dict[str, float]]:
    """Stages 8–10 over the mentions of all articles: merge, then rows in canonical order with stable ids."""
    t0 = time.perf_counter()
    events = canonical_order(merge_mentions([m for o in outcomes for m in o.mentions], res.taxonomy,
                                            generic_rules(res)))
    t1 = time.perf_counter()
    by_id = {o.article.article_id: o.article for o in outcomes}
    records = assemble_records(events, by_id, res.outlets, res.taxonomy,
                               {iso3: c.region for iso3, c in res.gazetteer.countries.items()})
    t2 = time.perf_counter()
    return records, events, {"merge": t1 - t0, "notes": t2 - t1}


def generic_rules(res: Resources) -> frozenset[str]:
    return frozenset(r.id for r in res.rules.rules if r.generic)


def code_articles(articles: list[Article], res: Resources) -> CodingResult:
    """Stages 2–10 over articles already read, in this process: the pure core of a run."""
    outcomes, rejects, timings = detect(articles, res)
    records, events, more = build(outcomes, res)
    return CodingResult(records=records, events=events, outcomes=outcomes, rejects=rejects, timings={**timings, **more})


def dataset_metadata(res: Resources) -> dict[str, str]:
    """What the Parquet file records about how it was made."""
    versions = res.versions()
    return {
        "schema_version": SCHEMA_VERSION,
        "coder_version": __version__,
        "rules_sha256": versions["rules"],
        "actors_sha256": versions["actors"],
        "outlets_sha256": versions["outlets"],
        "gazetteer_sha256": versions["gazetteer"],
        "code_sha256": versions["code"],
    }


def run(inputs: list[str], out_dir: str | Path = "output", manifest: str | None = None,
        resources: Resources | None = None, gazetteer_extra: str | Path | None = None, layout: str = "auto",
        workers: int = 1, engine: str = "local", scheduler: str | None = None, batch_size: int = DEFAULT_BATCH,
        progress: bool = False) -> dict:
    """Read, code and write into the dataset folder `out_dir`, adding to the dataset already there.
    Returns the run report (also written to out_dir/run.json).

    Inputs are read and coded in shards of `batch_size` articles by the chosen engine (`workers` local processes,
    or a Dask cluster at `scheduler`); each article's text goes straight to the dataset's state file, so memory
    holds only what the merge needs. `progress` shows a bar on stderr.

    Raises coder.read.InputNotFound when an input path matches nothing.
    """
    out_dir = Path(out_dir)
    started = time.perf_counter()
    t0 = time.perf_counter()
    check_options(engine, workers, scheduler, batch_size)
    # a cluster or spawned workers start first, so that they load while this process does; forked workers start
    # once it has loaded (they share what it loaded)
    coder_engine = (make_engine(engine, workers, None, scheduler, gazetteer_extra, store.state_path(out_dir))
                    if starts_early(engine, workers) else None)
    try:
        res = resources or load_resources(gazetteer_extra=Path(gazetteer_extra) if gazetteer_extra else None)
        t1 = time.perf_counter()
        # several workers: tasks small enough for the last shards to shrink (engine.shards)
        plan = plan_inputs(inputs, manifest, lines_per_task=batch_size if workers == 1 and engine == "local"
                           else max(1, batch_size // TASK_PARTS))
    except BaseException:
        if coder_engine is not None:
            coder_engine.close()
        raise
    state = store.load_state(out_dir)
    versions = res.versions()
    recode = bool(state.holders) and state.versions != versions
    tasks = (state_tasks(state) if recode else []) + plan.tasks
    t2 = time.perf_counter()

    known = frozenset(state.holders)
    stored = 0 if recode else len(state.holders)  # stored articles kept as they are (their rows are copied)
    rejects: list[Reject] = list(plan.rejects)
    stage_rejects: list[Reject] = []
    timings = {"read": 0.0, "sentences": 0.0, "incidents": 0.0}
    tally = {"read": 0, "recoded": 0, "added": 0, "duplicates": 0, "mentions": 0, "skipped": 0}
    first_article_at: float | None = None
    staging = store.Staging(out_dir)
    spill: RunSpill | None = None
    # the loaded rules, actors and gazetteer outlive the run: out of the collector's generations while it codes,
    # they are not traversed by every full collection (about 10% of coding time); back in when the run ends
    gc.freeze()
    try:
        # before the working store opens: forked workers inherit no handle of it
        coder_engine = coder_engine or make_engine(engine, workers, res, scheduler, gazetteer_extra, known=known)
        spill = RunSpill(staging.spill_path())
        spill.add_holders(state.holders.items())  # content hash -> the article holding it, on disk
        state.holders = {}
        seen_ids = spill.seen_ids()  # the article ids read in this run
        writer = staging.state_writer(versions)

        def add(c) -> None:
            """An article of the dataset coded in this run: its state row, its mentions and its report entry."""
            spill.add_holders([(c.sha, c.ref.article_id)])
            writer.add(c.row)
            spill.add_article(stored + tally["added"], c.ref.article_id, c.row["ref"], c.mentions)
            spill.add_entry(tally["added"], c.ref.article_id, c.entry)
            tally["added"] += 1
            tally["mentions"] += len(c.mentions)
            tally["skipped"] += len(c.skips)
            if c.failure:
                stage_rejects.append(c.failure)

        with tqdm(total=plan.articles_expected + sum(t.lines for t in tasks[:len(tasks) - len(plan.tasks)]),
                  unit=" articles", disable=not progress, file=sys.stderr, dynamic_ncols=True,
                  desc="coding") as bar:
            for result in coder_engine.map(shards(tasks, batch_size, coder_engine.workers), known):
                rejects += result.rejects
                first_at = result.timings.pop("first_article_at", None)
                if first_at is not None and first_article_at is None:
                    first_article_at = first_at
                for k, v in result.timings.items():
                    timings[k] += v
                for c in result.coded:
                    if c.recoded:
                        add(c)
                        tally["recoded"] += 1
                        continue
                    reject = duplicate_id(c.ref, seen_ids)
                    if reject is not None:
                        rejects.append(reject)
                        continue
                    tally["read"] += 1
                    same = spill.holder(c.sha)
                    if same is not None:  # the dataset holds this content already (c.known: from before)
                        spill.add_entry(_DUPLICATES + tally["duplicates"], same, _duplicate_entry(c.ref, same))
                        tally["duplicates"] += 1
                        continue
                    add(c)
                bar.update(len(result.coded))
        coder_engine.coded()
        if state.path is not None and not recode:
            position = iter(range(stored))
            writer.copy_from(state.path, keep=lambda sha: True, seen=lambda row: spill.add_article(
                next(position), row["article_id"], row["ref"], json.loads(row["mentions"])))
        writer.close()
        t3 = time.perf_counter()

        # pass 1: merge the mentions in date order, events out in canonical order as they close
        generic = generic_rules(res)
        events = 0
        for pos, event in enumerate(canonical_stream(merge_stream(spill.mentions(), res.taxonomy, generic))):
            first = first_report_key(event)
            iso3 = event.location.place.iso3
            spill.add_event(pos, event, iso3, event_number(iso3, first), first)
            events += 1
        spill.index_refs()
        t_merge = time.perf_counter()

        # pass 2: rows, audit rows, the report's events, in canonical order, with ids
        chosen = store.choose_layout(layout, out_dir, events)
        rows = _RowPass(spill, res, generic, staging.path / "report-events.json")
        staging.write_events(store.EventRows(rows.chunks(), {f"coder.{k}": v for k, v in
                                                             sorted(dataset_metadata(res).items())}),
                             chosen, getattr(coder_engine, "write_parts", None))
        t4 = time.perf_counter()
        audit = staging.table_writer(store.MERGES_FILE, AUDIT_SCHEMA, AUDIT_ROWS_PER_GROUP)
        chunk: list[dict] = []
        for row in spill.audit_rows(AUDIT_SCHEMA.names):
            chunk.append(row)
            if len(chunk) >= AUDIT_CHUNK:
                audit.add(audit_table(chunk))
                chunk = []
        if chunk:
            audit.add(audit_table(chunk))
        audit.close()
        t5 = time.perf_counter()

        path = out_dir / (store.EVENTS_FILE if chosen == "file" else store.EVENTS_DIR)
        failed = {r.article_id for r in stage_rejects}
        spill.index_links()
        listed = _JsonList(staging.path / "report-articles.json")
        with_events = 0
        for lookup, entry in spill.entries():
            ids = spill.events_of(lookup)
            if "same_content_as" in entry:
                entry["events"] = ids
                entry["new"] = False
            else:
                status = "failed" if entry["article_id"] in failed else ("coded" if ids else "no events")
                with_events += status == "coded"
                entry = {**{k: entry[k] for k in list(entry)[:6]}, "status": status, "events": ids,
                         **{k: entry[k] for k in list(entry)[6:]}, "new": True}
            listed.add(entry)
        listed.close()
        timings_all = {"load_resources": t1 - t0, "plan": t2 - t1, **timings, "merge": t_merge - t3,
                       "notes": rows.seconds,
                       **({"first_article_coded_since_process_start": first_article_at - process_started_at()}
                          if first_article_at is not None else {}),
                       "code_wall": t3 - t2, "audit": t5 - t4, "write": t4 - t_merge - rows.seconds}
        report = {
            "coder_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "output": str(path),
            "inputs": plan.inputs_seen,
            "counts": {
                "inputs": len(plan.inputs_seen),
                "articles_read": tally["read"],
                "articles_rejected": len(rejects),
                "articles_failed": len(failed),
                "articles_with_events": with_events,
                "mentions": tally["mentions"],
                "events": events,
                "events_with_more_than_one_source": rows.multi_source,
                "skipped_mentions": tally["skipped"],
                "articles_already_coded": tally["duplicates"],
            },
            "resources": _resources_report(res),
            "timings_s": {k: round(v, 4) for k, v in timings_all.items()},
            "articles": _ARTICLES,
            "rejects": [r.model_dump() for r in rejects + stage_rejects],
            "events": _EVENTS,
            "engine": {"engine": engine, "workers": coder_engine.workers, "batch_size": batch_size,
                       **({"scheduler": scheduler} if scheduler else {})},
            "dataset": {
                "layout": chosen, "events_total": events, "articles_total": stored + tally["added"],
                "articles_new": tally["added"] - tally["recoded"], "articles_already_coded": tally["duplicates"],
                "recoded_for_new_resources": tally["recoded"],
                "merges": str(out_dir / store.MERGES_FILE),
            },
        }
        report["timings_s"]["total"] = round(time.perf_counter() - started, 4)
        _write_report(staging.path / "run.json", report, {_ARTICLES: listed.path, _EVENTS: rows.explained.path})
        spill.close()
        spill = None
        staging.commit(chosen)
    except BaseException:
        if spill is not None:
            spill.db.close()
        staging.abandon()
        raise
    finally:
        gc.unfreeze()
        if coder_engine is not None:
            coder_engine.close()
    report["articles"] = ReportList(out_dir / "run.json", "articles")
    report["events"] = ReportList(out_dir / "run.json", "events")
    return report


_DUPLICATES = 10**15  # report entries of inputs the dataset held already come after those of coded articles
_ARTICLES, _EVENTS = "\u0000articles\u0000", "\u0000events\u0000"  # where the streamed lists go in run.json
AUDIT_ROWS_PER_GROUP = 50_000  # rows of merges.parquet held at once (as Arrow) while it is written
AUDIT_CHUNK = 4096  # audit rows turned into Arrow at a time


def _duplicate_entry(ref: ArticleRef, same_as: str) -> dict:
    return {"article_id": ref.article_id, "path": ref.source_path, "format": ref.format, "outlet": ref.outlet,
            "url": ref.url, "published": ref.published.isoformat() if ref.published else None,
            "status": "already coded", "same_content_as": same_as, "events": []}


class _RowPass:
    """Pass 2 of a run: the merged events read back in canonical order with their ids become rows (Arrow chunks
    for store.EventRows), audit rows and links (into the spill) and the report's `events` list (a file)."""

    CHUNK = 256

    def __init__(self, spill: RunSpill, res: Resources, generic: frozenset[str], explained: Path):
        self.spill, self.res, self.generic = spill, res, generic
        self.explained = _JsonList(explained)
        self.multi_source = 0
        self.seconds = 0.0

    def chunks(self):
        spill, res = self.spill, self.res
        region_of = {iso3: c.region for iso3, c in res.gazetteer.countries.items()}
        refs = _Refs(spill)
        apart = KeptApart(res.taxonomy, self.generic)
        batch: list[EventRecord] = []
        seq = 0
        t0 = time.perf_counter()
        for pos, (event_id, event) in enumerate(spill.events()):
            record = assemble_record(event, event_id, refs, res.outlets, res.taxonomy, region_of)
            rows = event_rows(event, event_id) + apart.add(event, event_id)
            spill.add_audit(rows, row_order, seq)
            seq += len(rows)
            cited = list(dict.fromkeys(c.article_id for c in record.citations))
            for article_id in cited:
                spill.add_link(article_id, pos, event_id)
            self.multi_source += len(cited) > 1
            self.explained.add(explain(record, event))
            batch.append(record)
            if len(batch) >= self.CHUNK:
                chunk = records_to_chunk(batch)
                batch = []
                self.seconds += time.perf_counter() - t0
                yield chunk
                t0 = time.perf_counter()
        self.explained.close()
        if batch:
            chunk = records_to_chunk(batch)
            self.seconds += time.perf_counter() - t0
            yield chunk


class _Refs:
    """Article references by id, looked up in the spill (a Mapping as far as coder.assemble needs one)."""

    def __init__(self, spill: RunSpill):
        self.spill = spill

    def __getitem__(self, article_id: str) -> ArticleRef:
        return self.spill.ref(article_id)


class _JsonList:
    """Items of a JSON list written one at a time, formatted as json.dumps(indent=2) formats them inside a
    top-level object (a file of items, spliced into run.json by `_write_report`)."""

    def __init__(self, path: Path):
        self.path = path
        self._handle = open(path, "w", encoding="utf-8")
        self.count = 0

    def add(self, item) -> None:
        parts = [",\n    " if self.count else "    "]
        _indented(item, 2, parts)
        self._handle.write("".join(parts))
        self.count += 1

    def close(self) -> None:
        self._handle.close()


_encode_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) quotes strings with (in C)


def _float_text(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == float("-inf"):
        return "-Infinity"
    return float.__repr__(o)


def _indented(o, level: int, parts: list[str]) -> None:
    """Append to `parts` what json.dumps(o, indent=2, ensure_ascii=False, default=str) writes for `o` at nesting
    depth `level` (its lines indented by 2 x level spaces past the first). That call encodes in Python (the C
    encoder takes no indent) through generators; this direct recursion, with strings, integers and None written
    in place, takes about half the time."""
    t = type(o)
    if t is dict:
        if not o:
            parts.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        first = True
        for k, v in o.items():
            if type(k) is not str:
                k = _key_text(k)
            head = ("{" if first else ",") + inner + _encode_str(k) + ": "
            first = False
            tv = type(v)
            if tv is str:
                parts.append(head + _encode_str(v))
            elif v is None:
                parts.append(head + "null")
            elif tv is int:
                parts.append(head + int.__repr__(v))
            else:
                parts.append(head)
                _indented(v, level + 1, parts)
        parts.append("\n" + "  " * level + "}")
    elif t is list or t is tuple:
        if not o:
            parts.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        first = True
        for v in o:
            head = ("[" if first else ",") + inner
            first = False
            if type(v) is str:
                parts.append(head + _encode_str(v))
            else:
                parts.append(head)
                _indented(v, level + 1, parts)
        parts.append("\n" + "  " * level + "]")
    else:
        parts.append(_scalar_text(o, level))


def _key_text(k) -> str:
    """A dict key that is not a str, as json.dumps writes it (before quoting)."""
    if isinstance(k, str):
        return k
    if k is None or isinstance(k, (int, float)):  # bool is an int
        return _scalar_text(k, 0)
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def _scalar_text(o, level: int) -> str:
    if isinstance(o, str):
        return _encode_str(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float_text(o)
    parts: list[str] = []
    if isinstance(o, (list, tuple, dict)):  # subclasses
        _indented(dict(o) if isinstance(o, dict) else list(o), level, parts)
    else:
        _indented(str(o), level, parts)  # default=str
    return "".join(parts)


def _write_report(path: Path, report: dict, lists: dict[str, Path]) -> None:
    """run.json: the report as json.dumps(indent=2) writes it, with the lists of `lists` (placeholder -> a
    _JsonList file) copied in from their files."""
    text = json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n"
    with open(path, "w", encoding="utf-8") as out:
        for placeholder, items in lists.items():
            quoted = json.dumps(placeholder)
            before, text = text.split(quoted, 1)
            out.write(before)
            if items.stat().st_size:
                out.write("[\n")
                with open(items, encoding="utf-8") as handle:
                    shutil.copyfileobj(handle, out)
                out.write("\n  ]")
            else:
                out.write("[]")
            items.unlink()
        out.write(text)


class ReportList(Sequence):
    """A list of the run report ("articles", "events") as run.json holds it, read from the file when first used
    (a run does not hold it)."""

    def __init__(self, path: Path, key: str):
        self.path, self.key = Path(path), key
        self._items: list | None = None

    def _load(self) -> list:
        if self._items is None:
            self._items = json.loads(self.path.read_text("utf-8"))[self.key]
        return self._items

    def __getitem__(self, i):
        return self._load()[i]

    def __len__(self) -> int:
        return len(self._load())

    def __eq__(self, other) -> bool:
        return list(self) == list(other)


def _resources_report(res: Resources) -> dict:
    return {
        "rules": {"sha256": res.rules.version, "rules": len(res.rules.rules)},
        "actors": {"sha256": res.actors.version},
        "outlets": {"sha256": res.outlets.version},
        "gazetteer": {"sha256": res.gazetteer.version},
        **({"gazetteer_extra": {"sha256": res.gazetteer.extra_version}} if res.gazetteer.extra_version else {}),
    }


def _events_by_article(records: list[EventRecord]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for record in records:
        for cit in record.citations:
            ids = out.setdefault(cit.article_id, [])
            if record.event_id_cnty not in ids:
                ids.append(record.event_id_cnty)
    return out


def build_report(inputs_seen: list[str], articles_read: int, read_rejects: list[Reject], result: CodingResult,
                 res: Resources, path: Path, timings: dict[str, float],
                 event_ids: dict[str, list[str]] | None = None) -> dict:
    """Every input article with what it yielded or why it was skipped, counts, versions, timings. `event_ids`:
    each article's events, when the caller has them already."""
    event_ids = event_ids if event_ids is not None else _events_by_article(result.records)
    failed = {r.article_id for r in result.rejects}
    articles = []
    for o in result.outcomes:
        a = o.article
        ids = event_ids.get(a.article_id, [])
        status = "failed" if a.article_id in failed else ("coded" if ids else "no events")
        articles.append({
            "article_id": a.article_id, "path": a.source_path, "format": a.format, "outlet": a.outlet,
            "url": a.url, "published": a.published.isoformat() if a.published else None,
            "status": status, "events": ids, "stories": a.stories if isinstance(a, ArticleRef) else len(a.stories),
            "sentences": o.sentences,
            "mentions": len(o.mentions),
            "skipped": [s.model_dump(exclude_none=True) for s in o.skips],
        })
    rejects = [r.model_dump() for r in read_rejects + result.rejects]
    return {
        "coder_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "output": str(path),
        "inputs": inputs_seen,
        "counts": {
            "inputs": len(inputs_seen),
            "articles_read": articles_read,
            "articles_rejected": len(read_rejects),
            "articles_failed": len(failed),
            "articles_with_events": sum(1 for x in articles if x["status"] == "coded"),
            "mentions": sum(len(o.mentions) for o in result.outcomes),
            "events": len(result.records),
            "events_with_more_than_one_source": sum(1 for r in result.records if len({c.article_id for c in r.citations}) > 1),
            "skipped_mentions": sum(len(o.skips) for o in result.outcomes),
        },
        "resources": _resources_report(res),
        "timings_s": {k: round(v, 4) for k, v in timings.items()},
        "articles": articles,
        "rejects": rejects,
        "events": [explain(record, event) for record, event in zip(result.records, result.events, strict=True)],
    }


def explain(record: EventRecord, event: MergedEvent) -> dict:
    """Why an event was coded so: the rules that fired, the gazetteer entry and actor entries
    chosen, and how the date was reached, per supporting mention."""
    return {
        "event_id_cnty": record.event_id_cnty,
        "place": {"id": event.location.place.id, "phrase": event.location.phrase,
                  "relation": event.location.relation, "candidates": event.location.candidates},
        "date": {"kind": event.date.kind, "text": event.date.text, "reason": event.date.reason},
        "actors": {"entries": event.actors.entries, "reason": event.actors.reason},
        "mentions": [
            {"article_id": m.article_id, "rule_id": m.rule_id, "trigger": m.trigger,
             "date": m.date.date.isoformat(), "date_reason": m.date.reason,
             "place_id": m.location.place.id if m.location.place else None, "killed": m.killed,
             "sentences": [[e.start, e.end] for e in m.evidence]}
            for m in event.mentions
        ],
    }
