"""Multi-source merge quality: do many reports of one incident become ONE event, and do distinct
incidents stay apart?

Run:  .venv/bin/python bench/merge_quality.py [--gold PATH] [--articles PATH] [--json PATH]

The test set (tests/data/multisource/) holds incidents each reported by 2–4 differently worded
articles, and near misses: different incidents of the same day in the same city or district.
The script codes the articles with the project's pipeline and compares, over all pairs of
articles, "put in the same event" with "gold says the same incident":

    precision = pairs in one event that gold says are one incident / pairs in one event
    recall    = gold same-incident pairs put in one event / gold same-incident pairs

Each article is represented by one output event: among the events that cite it, the first whose
event_type is the gold incident's (preferring one also dated on the gold date, so a background line
about an older event of the same type is not taken for the report's incident), else its first event.
An article with no event is merged with nothing. Also printed: exact-cluster accuracy (incidents
whose articles form exactly one event, alone), per-incident agreement of the event's type, date and
fatalities with gold, and every wrong pair with hints at why. Figures only: the exit code is 0.
`merge_figures()` returns everything as a dict (tests/test_merge_quality.py imports it).
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from pathlib import Path

from coder.pipeline import code_articles
from coder.read import read_inputs
from coder.resources import load_resources

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "multisource"
GOLD = DATA / "gold.jsonl"
ARTICLES = DATA / "articles.jsonl"


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def _event_summary(record) -> dict:
    return {
        "event_id": record.event_id_cnty,
        "event_type": record.event_type,
        "sub_event_type": record.sub_event_type,
        "event_date": record.event_date.isoformat(),
        "location": record.location,
        "admin2": record.admin2,
        "actor1": record.actor1,
        "actor2": record.actor2,
        "fatalities": record.fatalities,
        "articles": sorted({c.article_id for c in record.citations}),
    }


def _pick_event(candidates: list[dict], gold: dict) -> dict | None:
    """The event that stands for an article: the gold type (and date) first, else the article's first event."""
    if not candidates:
        return None
    same_type = [e for e in candidates if e["event_type"] == gold["event_type"]]
    same_day = [e for e in same_type if e["event_date"] == gold["event_date"]]
    return (same_day or same_type or candidates)[0]


def _hint(a: dict | None, b: dict | None) -> str:
    """What differs between the events of two articles (or that one has none)."""
    if a is None or b is None:
        return "no event for " + " and ".join(x for x, e in (("first", a), ("second", b)) if e is None)
    parts = []
    if a["event_type"] != b["event_type"] or a["sub_event_type"] != b["sub_event_type"]:
        parts.append(f"type {a['sub_event_type']} vs {b['sub_event_type']}")
    if a["event_date"] != b["event_date"]:
        parts.append(f"date {a['event_date']} vs {b['event_date']}")
    if a["location"] != b["location"]:
        parts.append(f"location {a['location']} vs {b['location']}")
    if a["actor1"] != b["actor1"]:
        parts.append(f"actor1 {a['actor1']} vs {b['actor1']}")
    if a["actor2"] != b["actor2"]:
        parts.append(f"actor2 {a['actor2']} vs {b['actor2']}")
    return "; ".join(parts) if parts else "same type, date, place and actors"


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def merge_figures(gold_path: str | Path = GOLD, articles_path: str | Path = ARTICLES) -> dict:
    """Code the articles and compare the output events with the gold incidents, pair by pair."""
    gold = _read_jsonl(Path(gold_path))
    article_rows = _read_jsonl(Path(articles_path))
    incident_of = {aid: g["incident"] for g in gold for aid in g["articles"]}
    by_incident = {g["incident"]: g for g in gold}

    read = read_inputs([str(articles_path)])
    result = code_articles(read.articles, load_resources())
    events = [_event_summary(r) for r in result.records]
    skips = {o.article.article_id: [s.model_dump(exclude_none=True) for s in o.skips] for o in result.outcomes}
    mentions = {o.article.article_id: len(o.mentions) for o in result.outcomes}

    cited: dict[str, list[dict]] = {}
    for e in events:
        for aid in e["articles"]:
            cited.setdefault(aid, []).append(e)
    article_ids = [row["id"] for row in article_rows if row["id"] in incident_of]
    chosen = {aid: _pick_event(cited.get(aid, []), by_incident[incident_of[aid]]) for aid in article_ids}
    event_of = {aid: (e["event_id"] if e else None) for aid, e in chosen.items()}

    tp = fp = fn = 0
    wrong = []
    for x, y in itertools.combinations(article_ids, 2):
        same_gold = incident_of[x] == incident_of[y]
        same_out = event_of[x] is not None and event_of[x] == event_of[y]
        if same_gold and same_out:
            tp += 1
        elif same_out:
            fp += 1
        elif same_gold:
            fn += 1
        if same_gold != same_out:
            wrong.append({
                "kind": "split" if same_gold else "joined",
                "articles": [x, y],
                "incidents": [incident_of[x], incident_of[y]],
                "events": [event_of[x], event_of[y]],
                "hint": _hint(chosen[x], chosen[y]) if same_gold else
                        f"both in {event_of[x]} ({chosen[x]['sub_event_type']}, {chosen[x]['event_date']}, "
                        f"{chosen[x]['location']}, actor1 {chosen[x]['actor1']}, actor2 {chosen[x]['actor2']})",
            })

    incidents = []
    exact = fat_ok = type_ok = date_ok = with_event = 0
    members_of_event = Counter(e for e in event_of.values() if e is not None)
    for g in gold:
        ids = g["articles"]
        evs = [event_of[a] for a in ids]
        is_exact = len(set(evs)) == 1 and evs[0] is not None and members_of_event[evs[0]] == len(ids)
        exact += is_exact
        counts = Counter(e for e in evs if e is not None)
        main = None
        if counts:
            top = max(counts.values())
            main_id = next(e for e in evs if e is not None and counts[e] == top)
            main = next(chosen[a] for a in ids if event_of[a] == main_id)
            with_event += 1
            fat_ok += main["fatalities"] == g["fatalities"]
            type_ok += main["sub_event_type"] == g["sub_event_type"]
            date_ok += main["event_date"] == g["event_date"]
        incidents.append({
            "incident": g["incident"], "articles": ids, "events": evs, "exact": is_exact,
            "gold": {k: g[k] for k in ("event_type", "sub_event_type", "event_date", "location", "fatalities")},
            "event": main,
        })

    pred_pairs, gold_pairs = tp + fp, tp + fn
    near_miss_pairs = {tuple(sorted((g["incident"], other))) for g in gold for other in g.get("near_miss_of", [])}
    no_event = [a for a in article_ids if event_of[a] is None]
    return {
        "precision": _ratio(tp, pred_pairs),
        "recall": _ratio(tp, gold_pairs),
        "true_pairs": tp, "predicted_pairs": pred_pairs, "gold_pairs": gold_pairs,
        "incidents": len(gold),
        "articles": len(article_ids),
        "articles_not_in_gold": [row["id"] for row in article_rows if row["id"] not in incident_of],
        "output_events": len(events),
        "articles_without_event": no_event,
        "exact_clusters": exact,
        "exact_cluster_accuracy": _ratio(exact, len(gold)),
        "incidents_with_event": with_event,
        "fatalities_agree": fat_ok,
        "sub_event_type_agree": type_ok,
        "event_date_agree": date_ok,
        "near_miss_pairs": sorted(near_miss_pairs),
        "countries": sorted({g["country"] for g in gold}),
        "min_reports_per_incident": min(len(g["articles"]) for g in gold),
        "wrong_pairs": wrong,
        "per_incident": incidents,
        "per_article": {a: {"event": event_of[a], "events_citing": [e["event_id"] for e in cited.get(a, [])],
                            "mentions": mentions.get(a, 0), "skipped": skips.get(a, [])} for a in article_ids},
        "events": events,
    }


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def print_report(f: dict) -> None:
    print("Multi-source merge quality (pairwise over all article pairs)")
    print("-" * 64)
    rows = [
        ("incidents (gold)", f["incidents"]),
        ("articles", f["articles"]),
        ("output events", f["output_events"]),
        ("articles with no event", len(f["articles_without_event"])),
        ("pairwise precision", f"{_pct(f['precision'])}  ({f['true_pairs']}/{f['predicted_pairs']} pairs)"),
        ("pairwise recall", f"{_pct(f['recall'])}  ({f['true_pairs']}/{f['gold_pairs']} pairs)"),
        ("exact-cluster accuracy", f"{_pct(f['exact_cluster_accuracy'])}  ({f['exact_clusters']}/{f['incidents']})"),
        ("fatalities agree", f"{f['fatalities_agree']}/{f['incidents_with_event']} incidents with an event"),
        ("sub-event type agrees", f"{f['sub_event_type_agree']}/{f['incidents_with_event']}"),
        ("event date agrees", f"{f['event_date_agree']}/{f['incidents_with_event']}"),
        ("near-miss pairs / countries", f"{len(f['near_miss_pairs'])} / {len(f['countries'])}"),
    ]
    for label, value in rows:
        print(f"{label:<30} {value}")
    if f["articles_without_event"]:
        print("articles with no event:", ", ".join(f["articles_without_event"]))

    print()
    print(f"{'incident':<8} {'ok':<3} {'gold type / date / place / fat':<52} events of its articles -> chosen event")
    for inc in f["per_incident"]:
        g, e = inc["gold"], inc["event"]
        gold_txt = f"{g['sub_event_type'][:22]} {g['event_date']} {g['location'][:12]} {g['fatalities']}"
        ev_txt = "-" if e is None else (f"{e['event_id']}: {e['sub_event_type'][:22]} {e['event_date']} "
                                        f"{e['location']} fat={e['fatalities']} a1={e['actor1']}")
        evs = ",".join(x or "none" for x in inc["events"])
        print(f"{inc['incident']:<8} {'yes' if inc['exact'] else 'NO':<3} {gold_txt:<52} [{evs}] -> {ev_txt}")

    print()
    if not f["wrong_pairs"]:
        print("wrong pairs: none")
    else:
        print(f"wrong pairs ({len(f['wrong_pairs'])}):")
        for w in f["wrong_pairs"]:
            a, b = w["articles"]
            print(f"  {w['kind']:<6} {a} ({w['events'][0] or 'no event'}) / {b} ({w['events'][1] or 'no event'}): {w['hint']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(GOLD), help="gold incidents (JSONL)")
    parser.add_argument("--articles", default=str(ARTICLES), help="the reports (JSONL)")
    parser.add_argument("--json", metavar="PATH", help="also write every figure and detail as JSON")
    args = parser.parse_args()
    figures = merge_figures(args.gold, args.articles)
    print_report(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
