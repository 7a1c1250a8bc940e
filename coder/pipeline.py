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
import time
from dataclasses import dataclass, field
from pathlib import Path

from coder import SCHEMA_VERSION, __version__, errors, store
from coder.assemble import assemble_records, canonical_order
from coder.audit import audit_rows, audit_table
from coder.incidents import detect_mentions
from coder.merge import MergedEvent, merge_mentions
from coder.models import Article, Mention, Reject, Skip
from coder.read import ReadResult, read_inputs
from coder.record import EventRecord, records_to_table
from coder.resources import Resources, load_resources
from coder.sentences import split_sentences


@dataclass
class ArticleOutcome:
    article: Article
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
        outcome = ArticleOutcome(article, sha=store.content_sha256(article))
        stage = "sentences"
        try:
            t0 = time.perf_counter()
            sentences = split_sentences(article)
            outcome.sentences = len(sentences)
            t1 = time.perf_counter()
            stage = "incidents"
            outcome.mentions, outcome.skips = detect_mentions(article, sentences, res)
            t2 = time.perf_counter()
        except Exception as err:  # noqa: BLE001 — one article's failure must not stop the run
            rejects.append(Reject(path=article.source_path, article_id=article.article_id, stage=stage,
                                  code=errors.E_STAGE_FAILED.code,
                                  message=errors.E_STAGE_FAILED.format(path=article.source_path, stage=stage,
                                                                       detail=f"{type(err).__name__}: {err}")))
            outcome.mentions, outcome.skips = [], []
            outcomes.append(outcome)
            continue
        for m in outcome.mentions:
            m.published, m.content_sha256 = article.published, outcome.sha
        timings["sentences"] += t1 - t0
        timings["incidents"] += t2 - t1
        outcomes.append(outcome)
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
    """Stages 2–10 over articles already read: the pure core of a run."""
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
    }


def run(inputs: list[str], out_dir: str | Path = "output", manifest: str | None = None,
        resources: Resources | None = None, gazetteer_extra: str | Path | None = None, layout: str = "auto") -> dict:
    """Read, code and write into the dataset folder `out_dir`, adding to the dataset already there.
    Returns the run report (also written to out_dir/run.json).

    Raises coder.read.InputNotFound when an input path matches nothing.
    """
    out_dir = Path(out_dir)
    started = time.perf_counter()
    t0 = time.perf_counter()
    res = resources or load_resources(gazetteer_extra=Path(gazetteer_extra) if gazetteer_extra else None)
    t1 = time.perf_counter()
    read: ReadResult = read_inputs(inputs, manifest)
    state = store.load_state(out_dir)
    versions = res.versions()
    recoded = bool(state.articles) and state.versions != versions
    t2 = time.perf_counter()

    # which inputs are new: an article whose content hash the dataset (or this run) already holds is not coded
    new: list[Article] = []
    duplicates: dict[str, str] = {}  # article id -> the article id it repeats
    holder = {sha: s.article.article_id for sha, s in state.articles.items()}
    for article in read.articles:
        sha = store.content_sha256(article)
        if sha in holder:
            duplicates[article.article_id] = holder[sha]
            continue
        holder[sha] = article.article_id
        new.append(article)
    old = [s.article for s in state.articles.values()] if recoded else []
    outcomes, rejects, timings = detect(sorted(old, key=lambda a: a.article_id) + new, res)
    failed = {r.article_id for r in rejects}
    for o in outcomes:
        state.articles[o.sha] = store.StoredArticle(sha=o.sha, article=o.article, mentions=o.mentions, skips=o.skips,
                                                  sentences=o.sentences,
                                                  status="failed" if o.article.article_id in failed else "coded")
    state.versions = versions
    every = [ArticleOutcome(s.article, s.mentions, s.skips, s.sentences, s.sha)
             for _, s in sorted(state.articles.items(), key=lambda kv: kv[1].article.article_id)]
    t3 = time.perf_counter()
    records, events, more = build(every, res)
    ids = [r.event_id_cnty for r in records]
    audit = audit_table(audit_rows(events, ids, res.taxonomy, generic_rules(res)))
    t4 = time.perf_counter()

    table = records_to_table(records, {f"coder.{k}": v for k, v in sorted(dataset_metadata(res).items())})
    chosen = store.choose_layout(layout, out_dir, table.num_rows)
    staging = store.Staging(out_dir)
    try:
        staging.write_events(table, chosen)
        staging.write_table(store.MERGES_FILE, audit)
        staging.write_state(store.state_table(state))
        result = CodingResult(records=records, events=events, outcomes=outcomes, rejects=rejects,
                              timings={**timings, **more})
        timings_all = {"load_resources": t1 - t0, "read": t2 - t1, **result.timings, "audit": t4 - t3 - more["merge"] - more["notes"]}
        path = out_dir / (store.EVENTS_FILE if chosen == "file" else store.EVENTS_DIR)
        report = build_report(read, result, res, path, timings_all)
        report["dataset"] = {
            "layout": chosen, "events_total": len(records), "articles_total": len(state.articles),
            "articles_new": len(new), "articles_already_coded": len(duplicates),
            "recoded_for_new_resources": len(old),
            "merges": str(out_dir / store.MERGES_FILE),
        }
        for entry in report["articles"]:
            entry["new"] = True
        for article in read.articles:
            if article.article_id in duplicates:
                report["articles"].append({
                    "article_id": article.article_id, "path": article.source_path, "format": article.format,
                    "outlet": article.outlet, "url": article.url,
                    "published": article.published.isoformat() if article.published else None,
                    "status": "already coded", "same_content_as": duplicates[article.article_id],
                    "events": report_events(records, duplicates[article.article_id]), "new": False,
                })
        report["counts"]["articles_already_coded"] = len(duplicates)
        report["timings_s"]["total"] = round(time.perf_counter() - started, 4)
        staging.write_text("run.json", json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
        staging.commit(chosen)
    except BaseException:
        staging.abandon()
        raise
    return report


def report_events(records: list[EventRecord], article_id: str) -> list[str]:
    return [r.event_id_cnty for r in records if any(c.article_id == article_id for c in r.citations)]


def build_report(read: ReadResult, result: CodingResult, res: Resources, path: Path, timings: dict[str, float]) -> dict:
    """Every input article with what it yielded or why it was skipped, counts, versions, timings."""
    event_ids: dict[str, list[str]] = {}
    for record in result.records:
        for cit in record.citations:
            ids = event_ids.setdefault(cit.article_id, [])
            if record.event_id_cnty not in ids:
                ids.append(record.event_id_cnty)
    failed = {r.article_id for r in result.rejects}
    articles = []
    for o in result.outcomes:
        a = o.article
        ids = event_ids.get(a.article_id, [])
        status = "failed" if a.article_id in failed else ("coded" if ids else "no events")
        articles.append({
            "article_id": a.article_id, "path": a.source_path, "format": a.format, "outlet": a.outlet,
            "url": a.url, "published": a.published.isoformat() if a.published else None,
            "status": status, "events": ids, "stories": len(a.stories), "sentences": o.sentences,
            "mentions": len(o.mentions),
            "skipped": [s.model_dump(exclude_none=True) for s in o.skips],
        })
    rejects = [r.model_dump() for r in read.rejects + result.rejects]
    return {
        "coder_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "output": str(path),
        "inputs": read.inputs_seen,
        "counts": {
            "inputs": len(read.inputs_seen),
            "articles_read": len(read.articles),
            "articles_rejected": len(read.rejects),
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
