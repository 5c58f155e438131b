"""``fulcrum optimize``: re-cluster the event tables by day, so that date filters stay fast on large stores."""

from __future__ import annotations

import json
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="optimize")(optimize)


def optimize(
    force: Annotated[bool, typer.Option("--force", help="Rewrite even tables that are already in day order.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Only report how the tables are laid out; change nothing.")] = False,
    compact: Annotated[bool, typer.Option(
        "--compact", help="Then copy the database into a fresh file to give freed space back to the disk "
                          "(needs the file to itself and room for a second copy while it runs).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Rewrite events and event actors in day order (one transaction; safe to interrupt, safe to repeat)."""
    from fulcrum.cli import err, fail, workspace
    from fulcrum.errors import FulcrumError

    if check and compact:
        raise fail("--check changes nothing; drop --compact or --check.")
    with workspace(read_only=check) as ws:
        path = ws.store.path
        if check:
            layouts = ws.store.layout()
            if as_json:
                print(json.dumps({t: vars(lay) | {"needs_optimize": lay.needs_optimize}
                                  for t, lay in layouts.items()}))
            for t, lay in layouts.items():
                state = "in day order" if lay.clustered else (
                    "scattered: `fulcrum optimize` would help" if lay.spread > 1.5 else "nearly in day order")
                err.print(f"{t}: {lay.rows:,} rows in {lay.row_groups} row groups, spread {lay.spread:g} ({state})")
            return
        rep = ws.store.optimize(force=force)
    packed = None
    if compact:  # after the store is closed: the copy needs the file to itself
        from fulcrum.store.maintenance import compact as compact_file

        try:
            packed = compact_file(path)
        except FulcrumError as exc:
            raise fail(str(exc)) from None
    if as_json:
        print(json.dumps(rep.to_dict() | ({"compact": packed.to_dict()} if packed else {})))
    for t in rep.rows:
        before, after = rep.before[t], rep.after[t]
        if t in rep.rewritten:
            err.print(f"optimize: {t}: {rep.rows[t]:,} rows rewritten in day order "
                      f"(spread {before.spread:g} -> {after.spread:g})")
        else:
            err.print(f"optimize: {t}: {rep.rows[t]:,} rows already in day order, left as they are"
                      + (" (--force rewrites them)" if not force else ""))
    err.print(f"optimize: {rep.seconds:.1f}s")
    if packed is not None:
        err.print(f"compact: {packed.bytes_before / 2**20:,.1f} MB -> {packed.bytes_after / 2**20:,.1f} MB "
                  f"({packed.seconds:.1f}s)")
