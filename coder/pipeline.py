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
"""

from __future__ import annotations

import json
import sys
import time

from tqdm import tqdm
from dataclasses import dataclass, field
from pathlib import Path

from coder import SCHEMA_VERSION, __version__, store
from coder.assemble import assemble_records, canonical_order
from coder.audit import audit_rows, audit_table
from coder.merge import MergedEvent, merge_mentions
from coder.engine import check_options, code_article, make_engine, process_started_at, shards, state_tasks
from coder.models import Article, ArticleRef, Mention, Reject, Skip
from coder.read import duplicate_id, plan_inputs
from coder.record import EventRecord, records_to_table
from coder.resources import Resources, load_resources



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
    # worker processes or a cluster start first, so that they load while this process does
    coder_engine = (make_engine(engine, workers, None, scheduler, gazetteer_extra, store.state_path(out_dir))
                    if engine != "local" or workers > 1 else None)
    try:
        res = resources or load_resources(gazetteer_extra=Path(gazetteer_extra) if gazetteer_extra else None)
        t1 = time.perf_counter()
        plan = plan_inputs(inputs, manifest, lines_per_task=batch_size)
    except BaseException:
        if coder_engine is not None:
            coder_engine.close()
        raise
    state = store.load_state(out_dir)
    versions = res.versions()
    recode = bool(state.articles) and state.versions != versions
    tasks = (state_tasks(state) if recode else []) + plan.tasks
    t2 = time.perf_counter()

    holder = {sha: s.ref.article_id for sha, s in state.articles.items()}  # content hash -> the article holding it
    every: dict[str, store.StoredArticle] = {} if recode else dict(state.articles)
    known = frozenset(state.articles)
    outcomes: list[ArticleOutcome] = []  # coded in this run, in input order
    rejects: list[Reject] = list(plan.rejects)
    stage_rejects: list[Reject] = []
    duplicates: dict[str, str] = {}  # article id -> the article id it repeats
    duplicate_refs: list[ArticleRef] = []
    seen_ids: set[str] = set()
    timings = {"read": 0.0, "sentences": 0.0, "incidents": 0.0}
    articles_read = recoded = 0
    first_article_at: float | None = None
    staging = store.Staging(out_dir)
    try:
        writer = staging.state_writer(versions)
        coder_engine = coder_engine or make_engine(engine, workers, res, scheduler, gazetteer_extra)
        with tqdm(total=plan.articles_expected + sum(t.lines for t in tasks[:len(tasks) - len(plan.tasks)]),
                  unit=" articles", disable=not progress, file=sys.stderr, dynamic_ncols=True,
                  desc="coding") as bar:
            for result in coder_engine.map(shards(tasks, batch_size), known):
                rejects += result.rejects
                first_at = result.timings.pop("first_article_at", None)
                if first_at is not None and first_article_at is None:
                    first_article_at = first_at
                for k, v in result.timings.items():
                    timings[k] += v
                for c in result.coded:
                    status = "failed" if c.failure else "coded"
                    if c.recoded:
                        every[c.sha] = store.StoredArticle(c.sha, c.ref, c.mentions, [], c.sentences, status)
                        holder[c.sha] = c.ref.article_id
                        writer.add(c.row)
                        recoded += 1
                        outcomes.append(ArticleOutcome(c.ref, c.mentions, c.skips, c.sentences, c.sha))
                        if c.failure:
                            stage_rejects.append(c.failure)
                        continue
                    reject = duplicate_id(c.ref, seen_ids)
                    if reject is not None:
                        rejects.append(reject)
                        continue
                    articles_read += 1
                    if c.known or c.sha in holder:
                        duplicates[c.ref.article_id] = holder[c.sha]
                        duplicate_refs.append(c.ref)
                        continue
                    holder[c.sha] = c.ref.article_id
                    # the merge needs mentions only; skips stay in the state file and this run's report
                    every[c.sha] = store.StoredArticle(c.sha, c.ref, c.mentions, [], c.sentences, status)
                    writer.add(c.row)
                    outcomes.append(ArticleOutcome(c.ref, c.mentions, c.skips, c.sentences, c.sha))
                    if c.failure:
                        stage_rejects.append(c.failure)
                bar.update(len(result.coded))
        if state.path is not None and not recode:
            writer.copy_from(state.path, keep=lambda sha: True)
        writer.close()
        t3 = time.perf_counter()

        everything = [ArticleOutcome(s.ref, s.mentions, s.skips, s.sentences, s.sha)
                      for s in sorted(every.values(), key=lambda s: s.ref.article_id)]
        records, events, more = build(everything, res)
        ids = [r.event_id_cnty for r in records]
        audit = audit_table(audit_rows(events, ids, res.taxonomy, generic_rules(res)))
        t4 = time.perf_counter()

        table = records_to_table(records, {f"coder.{k}": v for k, v in sorted(dataset_metadata(res).items())})
        chosen = store.choose_layout(layout, out_dir, table.num_rows)
        staging.write_events(table, chosen, getattr(coder_engine, "write_parts", None))
        staging.write_table(store.MERGES_FILE, audit)
        t5 = time.perf_counter()
        result = CodingResult(records=records, events=events, outcomes=outcomes, rejects=stage_rejects,
                              timings={**timings, **more})
        timings_all = {"load_resources": t1 - t0, "plan": t2 - t1, **result.timings,
                       **({"first_article_coded_since_process_start": first_article_at - process_started_at()}
                          if first_article_at is not None else {}),
                       "code_wall": t3 - t2, "audit": t4 - t3 - more["merge"] - more["notes"], "write": t5 - t4}
        path = out_dir / (store.EVENTS_FILE if chosen == "file" else store.EVENTS_DIR)
        by_article = _events_by_article(records)
        report = build_report(plan.inputs_seen, articles_read, rejects, result, res, path, timings_all, by_article)
        report["engine"] = {"engine": engine, "workers": coder_engine.workers, "batch_size": batch_size,
                            **({"scheduler": scheduler} if scheduler else {})}
        report["dataset"] = {
            "layout": chosen, "events_total": len(records), "articles_total": len(every),
            "articles_new": len(outcomes) - recoded, "articles_already_coded": len(duplicates),
            "recoded_for_new_resources": recoded,
            "merges": str(out_dir / store.MERGES_FILE),
        }
        for entry in report["articles"]:
            entry["new"] = True
        for ref in duplicate_refs:
            report["articles"].append({
                "article_id": ref.article_id, "path": ref.source_path, "format": ref.format,
                "outlet": ref.outlet, "url": ref.url,
                "published": ref.published.isoformat() if ref.published else None,
                "status": "already coded", "same_content_as": duplicates[ref.article_id],
                "events": by_article.get(duplicates[ref.article_id], []), "new": False,
            })
        report["counts"]["articles_already_coded"] = len(duplicates)
        report["timings_s"]["total"] = round(time.perf_counter() - started, 4)
        staging.write_text("run.json", json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
        staging.commit(chosen)
    except BaseException:
        staging.abandon()
        raise
    finally:
        if coder_engine is not None:
            coder_engine.close()
    return report


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
        "resources": {
            "rules": {"sha256": res.rules.version, "rules": len(res.rules.rules)},
            "actors": {"sha256": res.actors.version},
            "outlets": {"sha256": res.outlets.version},
            "gazetteer": {"sha256": res.gazetteer.version},
            **({"gazetteer_extra": {"sha256": res.gazetteer.extra_version}} if res.gazetteer.extra_version else {}),
        },
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
