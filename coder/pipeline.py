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
   10  write       coder.write.WRITERS               EventRecords -> events.parquet (+ run.json here)

Every function named above is pure over the models in coder.models, except the readers and
writers. `run()` wires them, times them, and accounts for every input in the run report.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from coder import SCHEMA_VERSION, __version__, errors
from coder.assemble import assemble_records, canonical_order
from coder.incidents import detect_mentions
from coder.merge import MergedEvent, merge_mentions
from coder.models import Article, Mention, Reject, Skip
from coder.read import ReadResult, read_inputs
from coder.record import EventRecord
from coder.resources import Resources, load_resources
from coder.sentences import split_sentences
from coder.write import WRITERS


@dataclass
class ArticleOutcome:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    sentences: int = 0


@dataclass
class CodingResult:
    records: list[EventRecord]
    events: list[MergedEvent]
    outcomes: list[ArticleOutcome]
    rejects: list[Reject]
    timings: dict[str, float]


def code_articles(articles: list[Article], res: Resources) -> CodingResult:
    """Stages 2–9 over articles already read: the pure core of a run."""
    timings = {"sentences": 0.0, "incidents": 0.0}
    outcomes: list[ArticleOutcome] = []
    rejects: list[Reject] = []
    for article in articles:
        outcome = ArticleOutcome(article)
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
        timings["sentences"] += t1 - t0
        timings["incidents"] += t2 - t1
        outcomes.append(outcome)

    t0 = time.perf_counter()
    events = canonical_order(merge_mentions([m for o in outcomes for m in o.mentions], res.taxonomy,
                                                   frozenset(r.id for r in res.rules.rules if r.generic)))
    t1 = time.perf_counter()
    by_id = {a.article_id: a for a in articles}
    records = assemble_records(events, by_id, res.outlets, res.taxonomy, {iso3: c.region for iso3, c in res.gazetteer.countries.items()})
    t2 = time.perf_counter()
    timings["merge"] = t1 - t0
    timings["notes"] = t2 - t1
    return CodingResult(records=records, events=events, outcomes=outcomes, rejects=rejects, timings=timings)


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
        resources: Resources | None = None, writer: str = "parquet", gazetteer_extra: str | Path | None = None) -> dict:
    """Read, code and write. Returns the run report (also written to out_dir/run.json).

    Raises coder.read.InputNotFound when an input path matches nothing.
    """
    out_dir = Path(out_dir)
    started = time.perf_counter()
    t0 = time.perf_counter()
    res = resources or load_resources(gazetteer_extra=Path(gazetteer_extra) if gazetteer_extra else None)
    t1 = time.perf_counter()
    read: ReadResult = read_inputs(inputs, manifest)
    t2 = time.perf_counter()
    result = code_articles(read.articles, res)
    t3 = time.perf_counter()
    path = WRITERS[writer](result.records, out_dir, dataset_metadata(res))
    t4 = time.perf_counter()

    timings = {"load_resources": t1 - t0, "read": t2 - t1, **result.timings, "write": t4 - t3}
    timings["total"] = time.perf_counter() - started
    report = build_report(read, result, res, path, timings)
    (out_dir / "run.json").write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n", "utf-8")
    return report


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
