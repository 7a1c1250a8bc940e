"""Benchmark: does the coder put ACLED's Iraq events where ACLED put them?

Each row of ../shared/reference/acled-iraq-2020/events.csv is coded from its own note (the
note is the article text, the event date its publication date), alone, with
`coder.pipeline.code_articles`. The event compared is the one on the row's date closest in
type; a note that yields no event falls back to the place the location chooser takes from
the note's place mentions (story country Iraq), counted apart. Then admin1 (compared with
`coder.admin_names.same_admin`, not string equality), distance, geo_precision.

Run:  .venv/bin/python bench/acled_places.py [--split dev|test|all] [--show N] [--json FILE]
                                              [--limit N] [--rows FILE.jsonl]
dev = 15 Sep-15 Nov 2020, test = 16 Nov-31 Dec 2020 (by event_date).
Prints figures, and the ceiling the gazetteer allows (see `ceiling`); asserts nothing. Nothing from the ACLED file is written into the repository:
--json holds figures only; --rows (per-row comparison, for analysis) must point outside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from geopy.distance import great_circle

from coder.admin_names import normalise_admin, same_admin
from coder.evaluate import parse_acled_date, read_gold_rows
from coder.locations import choose_location
from coder.models import Article, PlaceMention, Segment, Story
from coder.pipeline import code_articles
from coder.incidents import story_setting
from coder.places import MAX_KEY_WORDS, PlaceContext, find_place_mentions, fold_key, tokenize
from coder.resources import Resources, load_resources
from coder.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
ACLED = REPO.parent / "shared" / "reference" / "acled-iraq-2020" / "events.csv"
SPLITS = {
    "dev": (dt.date(2020, 9, 15), dt.date(2020, 11, 15)),
    "test": (dt.date(2020, 11, 16), dt.date(2020, 12, 31)),
    "all": (dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
}
NEAR_KM = 25.0
NAME_NEAR_KM = 25.0  # a gazetteer entry this close to ACLED's point "is" ACLED's place


@dataclass
class Ours:
    """Where the coder put one row's incident."""

    source: str  # "event", "fallback" or "none"
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    iso3: str | None = None
    phrase: str = ""
    relation: str | None = None
    unresolved: list[str] = field(default_factory=list)
    events: int = 0
    seconds: float = 0.0


@dataclass
class Row:
    data_id: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    admin1: str
    admin2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    notes: str


def read_rows(path: Path, split: str) -> list[Row]:
    lo, hi = SPLITS[split]
    rows = []
    for _, r in read_gold_rows(path):
        day = parse_acled_date(r["event_date"])
        if lo <= day <= hi:
            rows.append(Row(r["data_id"], day, r["event_type"], r["sub_event_type"], r["admin1"], r["admin2"],
                            r["location"], float(r["latitude"]), float(r["longitude"]), int(r["geo_precision"]),
                            r["notes"]))
    return rows


def note_article(row: Row, country: str | None = "IRQ") -> Article:
    """The note as a one-paragraph article body published on the event date (as its report would be).

    The note is body text by construction, so it is one body segment: page layout analysis
    would take a one-line note ending in "[size=...]" for a headline and drop it."""
    text = row.notes
    return Article(article_id=f"acled-{row.data_id}", text=text, published=row.event_date, country=country,
                   segments=[Segment(start=0, end=len(text), kind="body")],
                   stories=[Story(index=0, start=0, end=len(text), reference_date=row.event_date, reason="note")],
                   source_path=f"acled:{row.data_id}")


def _type_score(row: Row, record) -> tuple[int, int, int]:
    return (record.event_date == row.event_date, record.sub_event_type == row.sub_event_type,
            record.event_type == row.event_type)


def fallback_place(article: Article, res: Resources) -> PlaceMention | None:
    """What the location chooser takes from all of the note's place mentions (story country Iraq)."""
    sentences = split_sentences(article)
    iso3, _, frame = story_setting(sentences, res, article.country)
    ctx = PlaceContext(iso3=iso3, anchors=[], published=article.published, frame=frame)
    found: list[PlaceMention] = []
    for s in sentences:
        ctx_s = PlaceContext(iso3=ctx.iso3, anchors=list(ctx.anchors), published=ctx.published, frame=frame)
        for pm in find_place_mentions(s.text, s.start, res.gazetteer, ctx_s):
            if pm.place is not None and pm.relation != "metonym":
                ctx.anchors.append(pm.place)
                if pm.place.feature != "country":
                    found.append(pm)
    return choose_location(found)


def _from_mention(source: str, pm: PlaceMention) -> Ours:
    p = pm.place
    return Ours(source, p.admin1, p.admin2, p.name, p.latitude, p.longitude, pm.geo_precision, p.iso3,
                pm.phrase, pm.relation, list(pm.unresolved))


def code_row(row: Row, res: Resources, hint: str | None = "IRQ") -> Ours:
    article = note_article(row, hint)
    t0 = time.perf_counter()
    result = code_articles([article], res)
    if result.records:
        pairs = list(zip(result.records, result.events, strict=True))
        best = max(range(len(pairs)), key=lambda i: (_type_score(row, pairs[i][0]), -i))
        record, event = pairs[best]
        loc = event.location
        ours = Ours("event", record.admin1, record.admin2, record.location, record.latitude, record.longitude,
                    record.geo_precision, event.location.place.iso3 if loc.place else None, loc.phrase, loc.relation,
                    list(loc.unresolved), events=len(pairs))
    else:
        pm = fallback_place(article, res)
        ours = _from_mention("fallback", pm) if pm is not None else Ours("none")
    ours.seconds = time.perf_counter() - t0
    return ours


# ---------------------------------------------------------------------------
# Why a row disagrees
# ---------------------------------------------------------------------------


def _contains(haystack_key: str, needle_key: str) -> bool:
    return bool(needle_key) and f" {needle_key} " in f" {haystack_key} "


def _acled_names(location: str) -> list[str]:
    """ACLED's location and the parts of a compound one ("Baghdad - Rusafa")."""
    parts = [location] + [p.strip() for p in location.split(" - ") if p.strip()]
    return list(dict.fromkeys(parts))


def _known_near(res: Resources, name: str, lat: float, lon: float) -> bool:
    """The gazetteer has an Iraqi entry called `name` near ACLED's point."""
    for i in res.gazetteer.candidates(fold_key(name)):
        p = res.gazetteer.place(i)
        if p.iso3 == "IRQ" and great_circle((lat, lon), (p.latitude, p.longitude)).km <= NAME_NEAR_KM:
            return True
    return False


def _names_admin(text: str, admin1: str) -> bool:
    """Some 1-3 word span of `text` is a spelling of `admin1` ("Saladin", "Sala al-Din province")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    return any(same_admin(" ".join(words[i:i + n]), admin1)
               for n in (1, 2, 3) for i in range(len(words) - n + 1))


CAUSES = {
    "no_place": "nothing placed: no event and no place mention in the note",
    "wrong_country": "placed outside Iraq (story country or homonym abroad)",
    "admin_boundary": "point within 25 km but admin1 differs (boundary / point-in-polygon / admin naming)",
    "outside_named_province": "the note names ACLED's province, but we resolved to a place outside it",
    "homonym": "ACLED's place name was read, but resolved to a far-away entry of the same name",
    "unknown_name": "ACLED's place is named in the note but the gazetteer has no entry of that name near it",
    "other_mention": "ACLED's place is named in the note and known, but another mention was chosen",
    "coarse_fallback": "ACLED's place is not named in the note; we fell back to a coarser/other unit",
    "acled_inferred": "ACLED's place is not named in the note (ACLED inferred it); we chose elsewhere",
}


def classify(row: Row, ours: Ours, km: float | None, res: Resources) -> str | None:
    """The cause of a disagreement (None when admin1 agrees and the point is within 25 km)."""
    admin_ok = same_admin(ours.admin1, row.admin1)
    if ours.source == "none":
        return "no_place"
    if admin_ok and km is not None and km <= NEAR_KM:
        return None
    if ours.iso3 and ours.iso3 != "IRQ":
        return "wrong_country"
    if km is not None and km <= NEAR_KM:
        return "admin_boundary"
    if not admin_ok and _names_admin(row.notes, row.admin1):
        return "outside_named_province"
    note_key = fold_key(row.notes)
    names = _acled_names(row.location)
    named = [n for n in names if _contains(note_key, fold_key(n))]
    if named:
        read_it = {fold_key(ours.location or "")} & {fold_key(n) for n in named}
        if read_it or any(_contains(fold_key(ours.phrase), fold_key(n)) for n in named):
            return "homonym"
        if not any(_known_near(res, n, row.latitude, row.longitude) for n in named):
            return "unknown_name"
        return "other_mention"
    return "coarse_fallback" if ours.source == "fallback" else "acled_inferred"


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def _pct(n: int, d: int) -> float:
    return round(100.0 * n / d, 1) if d else 0.0


def evaluate(rows: list[Row], res: Resources, progress: bool = False, hint: str | None = "IRQ") -> list[dict]:
    out = []
    for i, row in enumerate(rows):
        ours = code_row(row, res, hint)
        km = None
        if ours.latitude is not None:
            km = great_circle((row.latitude, row.longitude), (ours.latitude, ours.longitude)).km
        cause = classify(row, ours, km, res)
        out.append({"row": row, "ours": ours, "km": km, "cause": cause,
                    "admin1_ok": same_admin(ours.admin1, row.admin1)})
        if progress and (i + 1) % 200 == 0:
            print(f"  {i + 1}/{len(rows)}", file=sys.stderr)
    return out


def ceiling(rows: list[Row], res: Resources) -> dict:
    """What the gazetteer allows at best: for each row, is there ANY Iraqi gazetteer entry, of ANY name the note
    writes with a capital (every 1-6 word window, every homonym), that lies within 25 km of ACLED's point / has
    ACLED's admin1? An oracle that always picked that entry would score these figures; a resolver, which must
    pick one place without knowing ACLED's answer, can only score lower."""
    gaz = res.gazetteer
    near = same = 0
    for row in rows:
        toks = [t for t in tokenize(row.notes) if t.key]
        best_km, admin_hit = math.inf, False
        for n, t in enumerate(toks):
            if not (t.raw[:1].isupper() or t.raw[:1].isdigit()):
                continue
            window = " ".join(x.key for x in toks[n:n + MAX_KEY_WORDS])
            for key in gaz.prefixes(window):
                if len(key) != len(window) and window[len(key)] != " ":
                    continue
                for i in gaz.candidates(key):
                    p = gaz.place(i)
                    if p.iso3 != "IRQ":
                        continue
                    best_km = min(best_km, great_circle((row.latitude, row.longitude), (p.latitude, p.longitude)).km)
                    admin_hit = admin_hit or (p.admin1 is not None and same_admin(p.admin1, row.admin1))
        near += best_km <= NEAR_KM
        same += admin_hit
    return {"admin1_ceiling_pct": _pct(same, len(rows)), "within_25km_ceiling_pct": _pct(near, len(rows))}


def figures(results: list[dict]) -> dict:
    n = len(results)
    placed = [r for r in results if r["km"] is not None]
    kms = [r["km"] for r in placed]
    by_source = Counter(r["ours"].source for r in results)
    causes = Counter(r["cause"] for r in results if r["cause"])
    return {
        "rows": n,
        "events_found": by_source["event"],
        "fallbacks": by_source["fallback"],
        "unplaced": by_source["none"],
        "admin1_agreement_pct": _pct(sum(r["admin1_ok"] for r in results), n),
        "within_25km_pct": _pct(sum(1 for k in kms if k <= NEAR_KM), n),
        "geo_precision_agreement_pct": _pct(sum(1 for r in results if r["ours"].geo_precision == r["row"].geo_precision), n),
        "median_km": round(statistics.median(kms), 2) if kms else None,
        "mean_seconds_per_note": round(statistics.fmean(r["ours"].seconds for r in results), 4) if results else None,
        "by_source": {
            src: {"rows": len(sub), "admin1_agreement_pct": _pct(sum(r["admin1_ok"] for r in sub), len(sub)),
                  "within_25km_pct": _pct(sum(1 for r in sub if r["km"] is not None and r["km"] <= NEAR_KM), len(sub))}
            for src in ("event", "fallback", "none")
            if (sub := [r for r in results if r["ours"].source == src])
        },
        "by_acled_geo_precision": {
            str(gp): {"rows": len(sub), "admin1_agreement_pct": _pct(sum(r["admin1_ok"] for r in sub), len(sub)),
                      "within_25km_pct": _pct(sum(1 for r in sub if r["km"] is not None and r["km"] <= NEAR_KM), len(sub))}
            for gp in (1, 2, 3) if (sub := [r for r in results if r["row"].geo_precision == gp])
        },
        "disagreements_by_cause": dict(causes.most_common()),
    }


def _line(r: dict) -> str:
    row, ours = r["row"], r["ours"]
    km = f"{r['km']:.0f} km" if r["km"] is not None else "-"
    return (f"  ACLED {row.admin1}/{row.location} p{row.geo_precision} ({row.latitude:.3f},{row.longitude:.3f})"
            f"  vs ours[{ours.source}] {ours.admin1}/{ours.location} p{ours.geo_precision} {km}"
            f"  phrase={ours.phrase!r}{' unresolved=' + str(ours.unresolved) if ours.unresolved else ''}")


def print_report(fig: dict, results: list[dict], split: str, show: int, top: int = 30) -> None:
    print(f"ACLED place benchmark, split={split}")
    print(f"rows {fig['rows']}; events found {fig['events_found']}; fallbacks {fig['fallbacks']}; "
          f"unplaced {fig['unplaced']}")
    print(f"admin1 agreement {fig['admin1_agreement_pct']}%   within {NEAR_KM:.0f} km {fig['within_25km_pct']}%   "
          f"geo_precision agreement {fig['geo_precision_agreement_pct']}%   median {fig['median_km']} km   "
          f"mean {1000 * (fig['mean_seconds_per_note'] or 0):.1f} ms/note")
    if "admin1_ceiling_pct" in fig:
        print(f"ceiling (an oracle picking, among all gazetteer entries of all names in the note, the one nearest "
              f"ACLED's): admin1 {fig['admin1_ceiling_pct']}%   within {NEAR_KM:.0f} km {fig['within_25km_ceiling_pct']}%")
    for src, f in fig["by_source"].items():
        print(f"  {src:8} {f['rows']:5} rows: admin1 {f['admin1_agreement_pct']}%, within 25 km {f['within_25km_pct']}%")
    for gp, f in fig["by_acled_geo_precision"].items():
        print(f"  ACLED p{gp} {f['rows']:5} rows: admin1 {f['admin1_agreement_pct']}%, within 25 km {f['within_25km_pct']}%")
    bad = [r for r in results if r["cause"]]
    grouped: dict[str, list[dict]] = defaultdict(list)
    for r in bad:
        grouped[r["cause"]].append(r)
    print(f"\ndisagreements: {len(bad)} (top {top} shown, grouped by cause)")
    shown = 0
    for cause, items in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
        print(f"{cause} ({len(items)}): {CAUSES[cause]}")
        per = max(1, round(top * len(items) / len(bad)))
        for r in items[:per]:
            if shown < top:
                print(_line(r))
                shown += 1
    if show:
        print(f"\n{show} examples:")
        for r in results[:show]:
            print(f"{r['row'].notes[:160]}\n{_line(r)}  cause={r['cause']}")


def _json_row(r: dict) -> dict:
    row = asdict(r["row"])
    row["event_date"] = row["event_date"].isoformat()
    return {"acled": row, "ours": asdict(r["ours"]), "km": r["km"], "cause": r["cause"], "admin1_ok": r["admin1_ok"],
            "admin1_keys": [normalise_admin(r["ours"].admin1), normalise_admin(r["row"].admin1)]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, default=ACLED)
    ap.add_argument("--split", choices=sorted(SPLITS), default="all")
    ap.add_argument("--show", type=int, default=0, help="print N coded examples")
    ap.add_argument("--json", type=Path, help="write the figures (no ACLED data) to this file")
    ap.add_argument("--rows", type=Path, help="write per-row comparisons (contains ACLED data: keep outside the repo)")
    ap.add_argument("--country-hint", default="IRQ",
                    help="the feed's country given to the coder as a hint, as an Iraq news feed would carry "
                         "(default IRQ; 'none' = no hint, the story's places alone decide)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N rows of the split")
    args = ap.parse_args(argv)
    if not args.csv.exists():
        print(f"{args.csv} not found: this benchmark needs the ../shared folder beside the repository", file=sys.stderr)
        return 2
    if args.rows and REPO in args.rows.resolve().parents:
        print("--rows holds ACLED data and must not be written inside the repository", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    res = load_resources()
    print(f"resources loaded in {time.perf_counter() - t0:.2f} s (gazetteer {res.gazetteer.version[:12]})")
    rows = read_rows(args.csv, args.split)
    if args.limit:
        rows = rows[:args.limit]
    hint = None if args.country_hint.lower() == "none" else args.country_hint
    results = evaluate(rows, res, progress=True, hint=hint)
    fig = figures(results)
    fig.update(ceiling(rows, res))
    fig["split"] = args.split
    fig["country_hint"] = hint
    fig["gazetteer_version"] = res.gazetteer.version
    print_report(fig, results, args.split, args.show)
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2) + "\n", "utf-8")
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as f:
            for r in results:
                f.write(json.dumps(_json_row(r), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
