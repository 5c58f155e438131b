"""The ``fulcrum`` command: a thin shell over :mod:`fulcrum.api`.

Commands open the store, call one library method, print the result (data to standard output, progress
and messages to standard error) and turn library errors into a clear message and a non-zero exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from fulcrum.errors import FulcrumError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="fulcrum: sourced event data from war reporting (ingest, extract, store, analyze, serve).")
err = Console(stderr=True, highlight=False)


class _State:
    db: Path | None = None


state = _State()

DbOption = Annotated[Path | None, typer.Option("--db", envvar="FULCRUM_DB", metavar="PATH",
                                                help="The DuckDB file (default: $FULCRUM_DB or ./fulcrum.duckdb).")]


@app.callback()
def _main(db: DbOption = None) -> None:
    state.db = db


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    return typer.Exit(code)


@contextmanager
def workspace(read_only: bool = False) -> Iterator[Any]:
    import fulcrum

    try:
        ws = fulcrum.open(state.db, read_only=read_only)
    except FulcrumError as exc:
        raise fail(str(exc)) from None
    try:
        yield ws
    except FulcrumError as exc:
        raise fail(str(exc)) from None
    finally:
        ws.close()


def _progress(description: str) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=err, transient=True, disable=not err.is_terminal)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} must be a date as YYYY-MM-DD. Got {value!r}.", 2) from None


# -- ingest / extract ------------------------------------------------------------------------------
@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or http(s) URLs.")],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for sources lacking one.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for sources lacking one.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow URLs on private or loopback addresses.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read news from files, folders, JSONL/CSV exports, HTML pages, RSS/Atom feeds and URLs."""
    pub = _parse_date(published, "--published")
    with workspace() as ws, _progress("ingest") as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def on_progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        def on_error(e: Exception) -> None:
            bar.console.print(f"[red]failed:[/] {e}", markup=True, highlight=False)

        rep = ws.ingest(sources, published=pub, outlet=outlet, allow_private=allow_private, progress=on_progress,
                        on_error=on_error)
    if as_json:
        print(json.dumps(rep.to_dict()))
    err.print(f"ingest: {rep.added} added, {rep.duplicates} duplicates skipped, "
              f"{rep.near_duplicates} near-duplicates linked, {rep.failed} failed")
    if rep.failed:
        raise typer.Exit(1)


@app.command()
def extract(
    redo_all: Annotated[bool, typer.Option("--all", help="Redo every article, not only new ones.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=10000)] = 64,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    workers: Annotated[int | None, typer.Option(min=1, help="Run on a local Dask cluster of N processes.")] = None,
    scheduler: Annotated[str | None, typer.Option(metavar="ADDRESS",
                                                  help="Run on an existing Dask cluster (tcp://HOST:8786).")] = None,
) -> None:
    """Extract events, claims and provenance from articles not yet extracted."""
    import time

    if workers is not None and scheduler is not None:
        raise fail("Give --workers N (a local cluster) or --scheduler ADDRESS (an existing one), not both.", 2)
    with workspace() as ws, _progress("extract") as bar:
        todo = ws.pending(redo_all)
        task = bar.add_task("extract", total=len(todo), rate="")
        t0 = time.perf_counter()

        def on_progress(done: int, total: int | None) -> None:
            rate = done / max(time.perf_counter() - t0, 1e-9)
            bar.update(task, completed=done, total=total, rate=f"{rate:.1f} art/s")

        if workers is not None or scheduler is not None:
            from fulcrum.runner import extract_distributed

            rep = extract_distributed(ws.store, workers=workers, scheduler=scheduler, redo_all=redo_all,
                                      batch_size=batch_size, progress=on_progress)
        else:
            rep = ws.extract(ids=todo, batch_size=batch_size, progress=on_progress)
    if as_json:
        print(json.dumps(rep.to_dict()))
    err.print(f"extract: {rep.articles} articles, {rep.events} events, {rep.claims} claims")


# -- outputs ---------------------------------------------------------------------------------------
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl, parquet, plover or cameo (events).")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")]


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise fail(f"--format must be one of {', '.join(allowed)}. Got {fmt!r}.", 2)


@app.command()
def events(
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code (ISR), name (Hamas) or text.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Publishing outlet.")] = None,
    modality: Annotated[str | None, typer.Option(help="Modality (asserted, reported, believed, ...).")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
) -> None:
    """List events, filtered, as a table or exported as CSV, JSONL, Parquet or PLOVER JSON."""
    from fulcrum.export import FORMATS, write_records
    from fulcrum.records import EVENT_FIELDS

    _check_format(fmt, FORMATS)
    with workspace(read_only=_exists()) as ws:
        recs = ws.store.events(date_from=_parse_date(date_from, "--from"), date_to=_parse_date(date_to, "--to"),
                               actor=actor, type=type_, outlet=outlet, modality=modality, limit=limit)
    write_records(recs, fmt, output, EVENT_FIELDS,
                  table_columns=("date", "type", "mode", "source", "target", "modality", "outlet", "text"))


@app.command()
def claims(
    what: Annotated[str | None, typer.Option(help="What is counted (hostages_held, killed, ...).")] = None,
    claimant: Annotated[str | None, typer.Option(help="Claimant text contains this.")] = None,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    outlet: Annotated[str | None, typer.Option()] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    flat: Annotated[bool, typer.Option("--flat", help="With --what and the table format: list the claims "
                                       "instead of the ledger.")] = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
) -> None:
    """List quantity claims (figures with comparator, claimant and as-of date).

    With --what and the table format, show the ledger of that figure: one series per claimant, with its
    revisions, and contradictions (same as-of date, incompatible values) flagged, never averaged."""
    from fulcrum.export import write_records
    from fulcrum.records import CLAIM_FIELDS

    _check_format(fmt, ("table", "csv", "jsonl", "parquet"))
    if what and fmt == "table" and not flat and output is None:
        from fulcrum.commands.processes import print_ledger
        from fulcrum.processes import ledger as make_ledger

        with workspace(read_only=_exists()) as ws:
            led = make_ledger(ws.store, what)
        print_ledger(led, "table")
        return
    with workspace(read_only=_exists()) as ws:
        recs = ws.store.claims(what=what, claimant=claimant, date_from=_parse_date(date_from, "--from"),
                               date_to=_parse_date(date_to, "--to"), outlet=outlet, limit=limit)
    write_records(recs, fmt, output, CLAIM_FIELDS,
                  table_columns=("as_of", "what", "comparator", "value", "claimant", "outlet", "text"))


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix will do) or external id.")],
         as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print an article with its events, actors, dates, places, quantities and attributions marked."""
    from fulcrum.show import article_json, render_article

    with workspace(read_only=_exists()) as ws:
        art = ws.article(article_id)
    if art is None:
        raise fail(f"No article with id or unique id prefix {article_id!r} in {ws.path}.")
    if as_json:
        print(json.dumps(article_json(art), ensure_ascii=False))
    else:
        render_article(art, Console(highlight=False))


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of articles, near-duplicates, extracted articles, events and claims."""
    with workspace(read_only=_exists()) as ws:
        s = ws.stats()
    if as_json:
        print(json.dumps(s))
    else:
        for k, v in s.items():
            print(f"{k:16s} {v}")


@app.command()
def demo(
    report_dir: Annotated[Path | None, typer.Option("--report", help="Folder for the HTML report "
                                                    "(default: fulcrum-report/ beside the database).")] = None,
) -> None:
    """Ingest and extract the bundled sample corpus, build tracks and stories, write the HTML report, and
    say what was found and where."""
    from fulcrum.demo import demo_files, demo_path
    from fulcrum.processes import build as build_processes
    from fulcrum.report import build_report

    with workspace() as ws:
        src = demo_path()
        err.print(f"demo: ingesting the sample corpus from {src}")
        rep = ws.ingest([str(p) for p in demo_files()])
        with _progress("extract") as bar:
            todo = ws.pending()
            task = bar.add_task("extract", total=len(todo), rate="")
            ex = ws.extract(ids=todo, progress=lambda d, t: bar.update(task, completed=d, total=t))
        err.print("demo: building negotiation tracks and stories")
        build_processes(ws.store)
        s = ws.stats()
        by_type = ws.store.frame("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC")
        n_tracks = ws.store.frame("SELECT count(*) AS n FROM tracks").n.iloc[0]
        n_stories = ws.store.frame("SELECT count(*) AS n FROM stories").n.iloc[0]
        path = ws.path
        out = report_dir if report_dir is not None else path.resolve().parent / "fulcrum-report"
        err.print(f"demo: writing the report to {out}")
        res = build_report(ws.store, out)
    print(f"fulcrum demo: {rep.added} articles added ({rep.duplicates} exact duplicates skipped, "
          f"{rep.near_duplicates} near-duplicates linked); extracted {ex.articles} articles.")
    print(f"Store: {path.resolve()}  ({s['articles']} articles, {s['events']} events, {s['claims']} claims, "
          f"{n_tracks} negotiation tracks, {n_stories} stories)")
    if len(by_type):
        print("Events by type: " + ", ".join(f"{r.type} {r.n}" for r in by_type.itertuples()))
    print(f"Report: {res.index}")
    print(f"Next: fulcrum --db {path} events --type ASSAULT | fulcrum --db {path} tracks | "
          f"fulcrum --db {path} serve")


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (see docs/evaluation.md).", exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print every figure as JSON.")] = False,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Show the N worst misses and false alarms.")] = 0,
) -> None:
    """Score the pipeline on a gold file (run in a temporary store; your database is not touched)."""
    from fulcrum.evaluate import evaluate_file

    try:
        scores, _ = evaluate_file(gold)
    except FulcrumError as exc:
        raise fail(str(exc)) from None
    res = scores.to_dict()
    if errors:
        res["misses"] = scores.misses[:errors]
        res["false_alarms"] = scores.false_alarms[:errors]
    if as_json:
        print(json.dumps(res))
        return
    from fulcrum.show import render_scores

    render_scores(res, Console(highlight=False))


def _exists() -> bool:
    """Open read-only when the file exists, so a reader never blocks behind a write lock."""
    from fulcrum.store import default_db_path

    p = state.db if state.db is not None else default_db_path()
    return Path(p).exists()


if __name__ == "__main__":
    # `python -m fulcrum.cli`: the command modules `import fulcrum.cli` for the shared state (--db); without
    # this they would get a second copy of this module whose --db was never set
    sys.modules.setdefault("fulcrum.cli", sys.modules[__name__])


def _register_command_modules() -> None:
    from fulcrum.commands import register_all

    register_all(app)


_register_command_modules()


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `fulcrum events | head`
        sys.stderr.close()


if __name__ == "__main__":
    main()
