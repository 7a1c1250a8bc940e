"""The `coder` command: a thin layer that parses arguments, calls library functions and owns exit codes.

Exit codes: 0 success (a run that completed, even if some articles were rejected — see run.json);
1 invalid dataset (validate); 2 unusable invocation (missing input path, unreadable dataset, bad data file).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Code news reports into an ACLED-style conflict-event dataset.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build the gazetteer from its sources.")
app.add_typer(gazetteer_app, name="gazetteer")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"coder: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs of .txt, .html/.htm and .jsonl articles.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder for events.parquet and run.json.")] = Path("output"),
    manifest: Annotated[Optional[str], typer.Option("--manifest", help="A manifest.jsonl outside the input folders.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    gazetteer_extra: Annotated[Optional[Path], typer.Option(
        "--gazetteer-extra", help="A CSV of places or aliases to add to the gazetteer (see README).")] = None,
    layout: Annotated[str, typer.Option(
        "--layout", help="auto (keep the dataset's layout; a new one is partitioned above 250,000 events), "
                         "file (OUT/events.parquet) or partitioned (OUT/events/country=…/year=…/).")] = "auto",
    workers: Annotated[int, typer.Option(
        "--workers", "-w", help="Worker processes that read and code articles (with --engine dask and no "
                                "--scheduler: the size of the local cluster).")] = 1,
    engine: Annotated[str, typer.Option(
        "--engine", help="local (this machine) or dask (a Dask distributed cluster: --scheduler ADDRESS, or a "
                         "local cluster of --workers processes).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask); "
                            "its workers must see the input paths.")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", help="Articles per batch a worker reads and codes at once.")] = 256,
) -> None:
    """Code INPUT articles into the dataset folder OUT, adding to the dataset already there: OUT/events.parquet
    (or OUT/events/), OUT/merges.parquet (the merge audit) and OUT/run.json. Articles coded before are skipped."""
    from coder.errors import DataFileError
    from coder.engine import check_options
    from coder.pipeline import run as run_pipeline
    from coder.read import InputNotFound

    try:
        if layout not in ("auto", "file", "partitioned"):
            _fail(f"--layout {layout!r}: choose auto, file or partitioned")
        try:
            check_options(engine, workers, scheduler, batch_size)
        except ValueError as err:
            _fail(str(err))
        report = run_pipeline(inputs, out, manifest=manifest, gazetteer_extra=gazetteer_extra, layout=layout,
                              workers=workers, engine=engine, scheduler=scheduler, batch_size=batch_size,
                              progress=not quiet and sys.stderr.isatty())
    except InputNotFound as err:
        _fail(str(err))
    except DataFileError as err:
        _fail(str(err))
    if not quiet:
        c = report["counts"]
        d = report["dataset"]
        typer.echo(f"{c['events']} events from {c['articles_with_events']} of {c['articles_read']} articles "
                   f"({c['articles_rejected']} rejected, {c['articles_already_coded']} already coded, "
                   f"{c['skipped_mentions']} mentions not coded); dataset: {d['events_total']} events from "
                   f"{d['articles_total']} articles -> {report['output']}; report: {Path(out) / 'run.json'}")


@app.command()
def validate(dataset: Annotated[Path, typer.Argument(help="A Parquet dataset.")]) -> None:
    """Check DATASET against the schema; list every violation (row, column, problem)."""
    from coder.validate import DatasetUnreadable, validate_dataset

    try:
        report = validate_dataset(dataset)
    except DatasetUnreadable as err:
        _fail(str(err))
    if report.valid:
        typer.echo(f"{dataset}: valid ({report.rows} rows)")
        return
    for problem in report.problems:
        typer.echo(f"{dataset}: {problem}")
    typer.echo(f"{dataset}: INVALID: {len(report.problems)} problem(s) in {report.rows} rows", err=True)
    raise typer.Exit(1)


@app.command()
def schema(
    name: Annotated[str, typer.Argument(help="event-record, citation, rule-file or actor-file.")] = "event-record",
    write: Annotated[bool, typer.Option("--write", help="Regenerate every file under schemas/.")] = False,
) -> None:
    """Print the JSON Schema of the event record (or another published model)."""
    from coder.schema import json_schemas, render, write_schemas

    if write:
        for path in write_schemas():
            typer.echo(str(path))
        return
    schemas = json_schemas()
    if name not in schemas:
        _fail(f"unknown schema {name!r}; choose from {', '.join(schemas)}")
    sys.stdout.write(render(schemas[name]))


def _date_option(value: str | None, name: str) -> "dt.date | None":
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{name} {value!r}: not a date (YYYY-MM-DD)")
    return None


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold events: an ACLED CSV export (2020 or current layout) "
                                                      "or JSONL with the same field names.")],
    pred: Annotated[Optional[Path], typer.Option("--pred", help="A run's output folder (its events.parquet) to "
                                                                "score. Without it the coder runs now.")] = None,
    articles: Annotated[Optional[list[str]], typer.Option("--articles", help="Input articles to code when there "
                                                          "is no --pred (default: the gold rows' notes).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Where a run made here writes its output "
                                                              "(default: a temporary folder).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only gold events on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only gold events on or before this date.")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the figures as JSON here "
                                                                    "(default: evaluation.json beside the output).")] = None,
) -> None:
    """Score coded events against GOLD: event precision/recall/F1 and field agreement on matched pairs."""
    import tempfile

    from coder.errors import DataFileError
    from coder.evaluate import evaluate as score
    from coder.evaluate import format_table, gold_articles, read_gold, read_output
    from coder.pipeline import run as run_pipeline
    from coder.read import InputNotFound
    from coder.taxonomy import load_taxonomy

    start, end = _date_option(since, "--since"), _date_option(until, "--until")
    if not gold.exists():
        _fail(f"{gold}: no such file")
    try:
        gold_events = read_gold(gold, load_taxonomy(), start, end)
        if pred is None:
            run_dir = out or Path(tempfile.mkdtemp(prefix="coder-evaluate-"))
            from coder.store import existing_layout

            if existing_layout(run_dir):
                _fail(f"{run_dir}: holds a dataset already (a run would add to it); give an empty --out or score "
                      f"it with --pred")
            inputs = list(articles or [])
            if not inputs:
                run_dir.mkdir(parents=True, exist_ok=True)
                notes = run_dir / "gold_articles.jsonl"
                notes.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n"
                                         for a in gold_articles(gold, start, end)), "utf-8")
                inputs = [str(notes)]
            run_pipeline(inputs, run_dir)
            pred = run_dir
        elif not pred.exists():
            _fail(f"{pred}: no such folder")
        output = read_output(pred)
    except (DataFileError, InputNotFound) as err:
        _fail(str(err))
    figures = score(gold_events, output)
    figures.update({"gold": str(gold), "pred": str(pred), "since": since, "until": until})
    typer.echo(format_table(figures, title=f"{gold} vs {pred}"))
    target = json_out or (pred if pred.is_dir() else pred.parent) / "evaluation.json"
    target.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", "utf-8")
    typer.echo(f"figures: {target}")


@app.command("acled-articles")
def acled_articles(
    gold: Annotated[Path, typer.Argument(help="An ACLED CSV export (or gold JSONL with notes).")],
    out: Annotated[Path, typer.Option("--out", help="The JSONL articles file to write.")],
    since: Annotated[Optional[str], typer.Option("--since", help="Only rows on or after this date.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only rows on or before this date.")] = None,
) -> None:
    """Turn ACLED rows into input articles: the note is the text, the event date the publication date, the row's
    id the article id."""
    from coder.errors import DataFileError
    from coder.evaluate import gold_articles

    if not gold.exists():
        _fail(f"{gold}: no such file")
    try:
        rows = gold_articles(gold, _date_option(since, "--since"), _date_option(until, "--until"))
    except DataFileError as err:
        _fail(str(err))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in rows), "utf-8")
    typer.echo(f"{len(rows)} articles -> {out}")


@gazetteer_app.command("build")
def gazetteer_build(
    sources: Annotated[Path, typer.Option("--sources", help="The gazetteer sources folder.")] = Path("../shared/gazetteer-sources"),
    out: Annotated[Path, typer.Option("--out", help="Where the built gazetteer goes.")] = Path("gazetteer"),
) -> None:
    """Build the gazetteer from SOURCES into OUT (byte-reproducible)."""
    from coder.gazetteer_build import build_gazetteer

    if not sources.is_dir():
        _fail(f"{sources}: no such folder")
    manifest = build_gazetteer(sources, out)
    typer.echo(json.dumps({k: v for k, v in manifest.items() if k != "sources"}, indent=2, default=str))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
