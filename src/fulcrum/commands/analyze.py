"""``fulcrum series``, ``analyze``, ``simulate``, ``forecast`` and ``report``: thin shells over
:mod:`fulcrum.analyze` and :mod:`fulcrum.report`."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any

import typer

FreqOption = Annotated[str, typer.Option("--freq", help="day or week.")]
DyadOption = Annotated[str | None, typer.Option("--dyad", metavar="A,B",
                                                help="Only events between two actors (codes or names), "
                                                     "either direction, e.g. ISR,PSE.")]
AreaOption = Annotated[str | None, typer.Option(
    "--area", metavar="LAT,LON,KM", help="Only escalation events placed within KM of the point (events with no "
                                         "place are kept), e.g. 31.42,34.38,30 for the Gaza Strip.")]
FromOption = Annotated[str | None, typer.Option("--from", help="First date of the series (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last date of the series (YYYY-MM-DD).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def _clean(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items() if not str(k).startswith("_")}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        try:
            return _clean(obj.item())
        except (ValueError, AttributeError):
            return obj
    return obj


def _dump(obj: Any) -> str:
    return json.dumps(_clean(obj), ensure_ascii=False, default=str)


def register(app: typer.Typer) -> None:
    from fulcrum.cli import _check_format, _exists, _parse_date, err, fail, workspace

    def check_freq(freq: str) -> None:
        if freq not in ("day", "week"):
            raise fail(f"--freq must be day or week. Got {freq!r}.", 2)

    @app.command()
    def series(
        freq: FreqOption = "day",
        dyad: DyadOption = None,
        area: AreaOption = None,
        date_from: FromOption = None,
        date_to: ToOption = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or parquet.")] = "csv",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")]
        = None,
    ) -> None:
        """Per-day or per-week escalation, negotiation, humanitarian access, claimed figures and reports."""
        from fulcrum.analyze.run import series_table
        from fulcrum.analyze.series import build_series
        from fulcrum.export import write_records

        check_freq(freq)
        _check_format(fmt, ("csv", "jsonl", "parquet"))
        with workspace(read_only=_exists()) as ws:
            frame = build_series(ws.store, freq=freq, dyad=dyad, start=_parse_date(date_from, "--from"),
                                 end=_parse_date(date_to, "--to"), area=area)
        table = series_table(frame)
        records = [{k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in r.items()}
                   for r in table.to_dict("records")]
        write_records(records, fmt, output, list(table.columns))
        info = frame.attrs.get("fulcrum", {})
        err.print(f"series: {len(table)} {freq}s from {info.get('start')} to {info.get('end')}; "
                  f"{info.get('events_counted', 0)} incidents counted ({info.get('dedupe')})")

    @app.command()
    def analyze(
        freq: FreqOption = "day",
        dyad: DyadOption = None,
        area: AreaOption = None,
        date_from: FromOption = None,
        date_to: ToOption = None,
        max_lag: Annotated[int | None, typer.Option(min=1, max=60, help="Longest lag tested (default 7 days / "
                                                                        "4 weeks).")] = None,
        correction: Annotated[str, typer.Option(help="holm (family-wise) or bh (false discovery rate).")] = "holm",
        as_json: JsonOption = False,
    ) -> None:
        """Test whether escalation is linked to negotiations: lead–lag, Granger both ways, VAR impulse
        responses, event study with placebo dates, change points."""
        from fulcrum.analyze.run import analyze_store

        check_freq(freq)
        if correction not in ("holm", "bh"):
            raise fail(f"--correction must be holm or bh. Got {correction!r}.", 2)
        with workspace(read_only=_exists()) as ws:
            res = analyze_store(ws.store, freq=freq, dyad=dyad, start=_parse_date(date_from, "--from"),
                                end=_parse_date(date_to, "--to"), area=area, max_lag=max_lag, correction=correction)
        d = res.to_dict()
        if as_json:
            print(_dump(d))
            return
        print(d["summary"])
        print()
        for t in d["tests"]:
            print(f"- {t['summary']}")
        for t in d["changepoint_tests"]:
            print(f"- {t['summary']}")

    @app.command()
    def simulate(
        runs: Annotated[int, typer.Option(min=1, max=100000, help="Runs with a link, and as many without.")] = 200,
        effect: Annotated[float, typer.Option(help="Effect of one negotiation point on log1p(escalation).")] = -0.15,
        lag: Annotated[int, typer.Option(min=1, max=30, help="Delay of the effect, in days.")] = 2,
        days: Annotated[int, typer.Option(min=60, help="Length of each simulated series.")] = 240,
        seed: Annotated[int, typer.Option(min=0, help="Random seed (results are reproducible).")] = 0,
        changepoint_runs: Annotated[int | None, typer.Option(
            "--changepoint-runs", min=0, help="Series without a change for the change-point check (default: "
                                              "--runs; half as many per scenario with one; 0 skips it).")] = None,
        as_json: JsonOption = False,
    ) -> None:
        """Check the analysis on simulated series with a known link and with none: recovery, interval
        coverage, false-positive rate; and change points: false positives, power, location."""
        from fulcrum.analyze.simulate import ValiditySimulation
        from fulcrum.cli import _progress
        from fulcrum.errors import FulcrumError

        if effect == 0:
            raise fail("--effect must be non-zero: the linked runs need a link (the unlinked runs use 0).", 2)
        try:
            with _progress("simulate") as bar:
                task = bar.add_task("simulate", total=2 * runs, rate="")
                sim = ValiditySimulation(runs=runs, n=days, effect=effect, lag=lag, seed=seed,
                                         changepoint_runs=changepoint_runs).fit(
                    progress=lambda d, t: bar.update(task, completed=d, total=t))
        except FulcrumError as exc:
            raise fail(str(exc)) from None
        r = sim.results_
        if as_json:
            print(_dump({**r, "summary": sim.summary()}))
        else:
            print(sim.summary())
        if not (r["coverage_ok"] and r["false_positive_rate_ok"] and r.get("changepoint_false_positive_rate_ok", True)):
            err.print("simulate: a validity target was missed (coverage 0.90–0.99, false-positive rate ≤ 0.06, "
                      "change-point false-positive rate ≤ 0.06)")
            raise typer.Exit(1)

    @app.command()
    def forecast(
        horizon: Annotated[int, typer.Option(min=1, max=90, help="Periods ahead.")] = 7,
        threshold: Annotated[float | None, typer.Option(help="Escalation level that counts as high (default: "
                                                             "the 75th percentile of horizon means).")] = None,
        freq: FreqOption = "day",
        dyad: DyadOption = None,
        area: AreaOption = None,
        date_from: FromOption = None,
        date_to: ToOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Probability that escalation is high over the next days, with a rolling-origin backtest against
        persistence and climatology."""
        from fulcrum.analyze.forecast import forecast_summary
        from fulcrum.analyze.series import build_series

        check_freq(freq)
        with workspace(read_only=_exists()) as ws:
            frame = build_series(ws.store, freq=freq, dyad=dyad, start=_parse_date(date_from, "--from"),
                                 end=_parse_date(date_to, "--to"), area=area)
            res = forecast_summary(frame, horizon=horizon, threshold=threshold)
        if as_json:
            print(_dump(res))
            return
        print(res["summary"])
        b = res["backtest"]["brier"]
        print(f"Backtest Brier scores: model {b['model']:.3f}, persistence {b['persistence']:.3f}, "
              f"climatology {b['climatology']:.3f} ({res['backtest']['origins']} origins).")

    @app.command()
    def report(
        output: Annotated[Path, typer.Option("--output", "-o", help="Folder for index.html and the PNGs.")],
        freq: FreqOption = "day",
        dyad: DyadOption = None,
        area: AreaOption = None,
        date_from: FromOption = None,
        date_to: ToOption = None,
    ) -> None:
        """Write a self-contained HTML report (opens offline) with charts, PNG copies, tables, methods and
        caveats."""
        from fulcrum.report import build_report

        check_freq(freq)
        with workspace(read_only=_exists()) as ws:
            res = build_report(ws.store, output, freq=freq, dyad=dyad, start=_parse_date(date_from, "--from"),
                               end=_parse_date(date_to, "--to"), area=area)
        for n in res.notes:
            err.print(f"report: {n}")
        print(str(res.index))
        err.print(f"report: wrote {res.index} and {len(res.pngs)} PNG files")
