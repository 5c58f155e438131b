"""``fulcrum processes``, ``tracks``, ``track``, ``stories``, ``ledger``: what events add up to.

Tracks and stories are built from the stored events when they are missing or stale (the events changed
since they were built); the ledger is computed from the claims each time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer


@contextmanager
def _built(rebuild: bool = False) -> Iterator[Any]:
    """A workspace whose tracks and stories are current: read-only unless a build is needed."""
    from fulcrum.cli import _exists, err, workspace
    from fulcrum.processes import build, is_stale

    if _exists() and not rebuild:
        with workspace(read_only=True) as ws:
            stale = is_stale(ws.store)
            if not stale:
                yield ws
                return
    with workspace() as ws:
        summary = build(ws.store)
        err.print(f"processes: built {summary['tracks']} tracks and {summary['stories']} stories "
                  f"from {summary['events']} events")
        yield ws


def _fmt_actors(actors: list[dict[str, Any]]) -> str:
    seen: list[str] = []
    for a in actors:
        label = a.get("name") or "/".join(x for x in (a.get("code"), a.get("sector")) if x)
        if label and label not in seen:
            seen.append(label)
    return ", ".join(seen)


def _check(fmt: str, allowed: tuple[str, ...]) -> None:
    from fulcrum.cli import fail

    if fmt not in allowed:
        raise fail(f"--format must be one of {', '.join(allowed)}. Got {fmt!r}.", 2)


def _jsonl(records: list[dict[str, Any]], output: Path | None) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output is None:
        print(text, end="")
    else:
        output.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    @app.command()
    def processes(as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False) -> None:
        """Build (or rebuild) negotiation tracks and stories from the stored events."""
        from fulcrum.cli import workspace
        from fulcrum.processes import build

        with workspace() as ws:
            summary = build(ws.store)
        if as_json:
            print(json.dumps(summary))
        else:
            print(f"{summary['tracks']} tracks, {summary['stories']} stories from {summary['events']} events")

    @app.command()
    def tracks(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild even if current.")] = False,
    ) -> None:
        """List negotiation tracks: parties, mediators, issues and the dated status history."""
        from fulcrum.store.processes import read_tracks

        _check(fmt, ("table", "jsonl"))
        with _built(rebuild) as ws:
            recs = read_tracks(ws.store, with_history=True)
        if fmt == "jsonl":
            _jsonl(recs, output)
            return
        lines = []
        for t in recs:
            hist = " → ".join(f"{s['status']} {s['date']}" for s in t["statuses"])
            lines.append(f"{t['id']}\t{_fmt_actors(t['parties'])}\tmediators: {_fmt_actors(t['mediators']) or '-'}"
                         f"\tissues: {', '.join(t['issues']) or '-'}\t{t['n_events']} events\n    {hist}")
        text = "\n".join(lines) + ("\n" if lines else "")
        if output is None:
            print(text, end="")
        else:
            output.write_text(text, encoding="utf-8")

    @app.command()
    def track(
        track_id: Annotated[str, typer.Argument(help="Track id (as `fulcrum tracks` lists it) or a unique prefix.")],
        as_json: Annotated[bool, typer.Option("--json")] = False,
        evidence: Annotated[int, typer.Option(min=0, help="Evidence lines shown per status.")] = 3,
    ) -> None:
        """Show one track's status history with its evidence, and its expectations and what became of them."""
        from fulcrum.cli import fail
        from fulcrum.store.processes import read_track, read_tracks

        with _built() as ws:
            t = read_track(ws.store, track_id)
            known = [x["id"] for x in read_tracks(ws.store, with_history=False)[:10]] if t is None else []
        if t is None:
            raise fail(f"No track {track_id!r}. Known tracks: {', '.join(known) or 'none (no negotiation events)'}.")
        if as_json:
            print(json.dumps(t, ensure_ascii=False))
            return
        print(f"{t['id']}: {t['label']}")
        print(f"  parties:   {_fmt_actors(t['parties'])}")
        print(f"  mediators: {_fmt_actors(t['mediators']) or '-'}")
        print(f"  issues:    {', '.join(t['issues']) or '-'}")
        for s in t["statuses"]:
            print(f"{s['date']}  {s['status']:<18} {s['n_reports']} reports, {s['n_outlets']} outlets")
            for e in s["evidence"][:evidence]:
                print(f"      {e.get('date')} {e.get('outlet') or ''}: {e.get('text')}  [{e.get('article_id')}]")
        if t["expectations"]:
            print("expectations:")
            for x in t["expectations"]:
                out = x["outcome"] + (f" {x['outcome_date']}" if x["outcome_date"] else "")
                print(f"{x['date']}  expected {x['expected_status']:<18} → {out}")
                for e in x["evidence"][:evidence]:
                    print(f"      {e.get('date')} {e.get('outlet') or ''}: {e.get('text')}")

    @app.command()
    def stories(
        type_: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated.")] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="Earliest story date (YYYY-MM-DD).")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="Latest story date (YYYY-MM-DD).")] = None,
        min_reports: Annotated[int, typer.Option("--min-reports", min=1, help="Only stories with this many reports.")] = 1,
        limit: Annotated[int | None, typer.Option(min=1)] = None,
        reports: Annotated[bool, typer.Option("--reports", help="Include every supporting report.")] = False,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or parquet.")] = "table",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild even if current.")] = False,
    ) -> None:
        """List stories: events from many reports of the same incident, with their report counts and sources."""
        from fulcrum.cli import _parse_date
        from fulcrum.export import write_records
        from fulcrum.store.processes import read_stories

        _check(fmt, ("table", "csv", "jsonl", "parquet"))
        with _built(rebuild) as ws:
            recs = read_stories(ws.store, type=type_, date_from=_parse_date(date_from, "--from"),
                                date_to=_parse_date(date_to, "--to"), min_reports=min_reports, limit=limit,
                                with_reports=reports or fmt in ("jsonl", "parquet"))
        fields = ("id", "type", "date", "first_date", "last_date", "location", "actors", "text", "n_reports",
                  "n_outlets", "outlets") + (("reports",) if recs and "reports" in recs[0] else ())
        write_records(recs, fmt, output, fields,
                      table_columns=("date", "type", "n_reports", "n_outlets", "location", "text", "id"))

    @app.command()
    def ledger(
        what: Annotated[str | None, typer.Option(help="What is counted (hostages_held, hostages_released, killed, ...).")] = None,
        contradictions: Annotated[bool, typer.Option("--contradictions", help="Only the contradictions.")] = False,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
    ) -> None:
        """The claims ledger: each claimant's series of a figure, with revisions and contradictions flagged."""
        from fulcrum.cli import _exists, workspace
        from fulcrum.processes import ledger as make_ledger

        _check(fmt, ("table", "jsonl"))
        with workspace(read_only=_exists()) as ws:
            led = make_ledger(ws.store, what)
        print_ledger(led, fmt, contradictions)


def print_ledger(led: Any, fmt: str, only_contradictions: bool = False) -> None:
    """Print a :class:`fulcrum.processes.Ledger` as a table or JSON lines (shared with ``claims --ledger``)."""
    if fmt == "jsonl":
        recs = [c.to_dict() for c in led.contradictions] if only_contradictions else \
            [s.to_dict() for s in led.series]
        _jsonl(recs, None)
        return
    if not only_contradictions:
        for s in led.series:
            print(f"{s.what} · {s.kind} · {s.claimant}")
            for p in s.points:
                flags = []
                if p.revises is not None:
                    flags.append(f"revises {p.revises:g}")
                if p.contradicted:
                    flags.append("CONTRADICTED")
                if p.parts:
                    flags.append("parts: " + ", ".join(f"{x['comparator']}{x['value']:g}" for x in p.parts))
                cmp = "" if p.comparator == "=" else p.comparator
                print(f"    {p.as_of}  {cmp}{p.value:g}\t{p.outlet or ''}\t{'; '.join(flags)}\t{p.text}")
    if led.contradictions:
        print("contradictions:")
        for c in led.contradictions:
            vals = "; ".join(f"{f.claimant} ({f.outlet}): {'' if f.comparator == '=' else f.comparator}{f.value:g}"
                             for f in c.figures)
            print(f"    {c.as_of}  {c.what} ({c.kind}): {vals}")
