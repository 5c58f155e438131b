"""Forecasts and their rolling-origin backtest."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from fulcrum.analyze import simulate_series
from fulcrum.analyze.forecast import (
    EscalationForecaster,
    RollingOriginBacktest,
    forecast_summary,
    forward_mean,
)


def test_forward_mean_looks_only_ahead():
    v = np.arange(10, dtype=float)
    fm = forward_mean(v, 3)
    assert fm[0] == 2.0 and fm[6] == 8.0 and np.isnan(fm[7:]).all()


def test_forecast_gives_a_probability_and_an_honest_backtest():
    f = simulate_series(200, effect=-0.3, lag=2, rng=4)
    res = forecast_summary(f, horizon=7, step=3)
    bt = res.pop("_backtest")
    json.dumps(res, allow_nan=False)
    assert 0.0 <= res["probability"] <= 1.0 and res["threshold"] > 0
    b = res["backtest"]["brier"]
    assert set(b) == {"model", "persistence", "climatology"} and all(0 <= v <= 1 for v in b.values())
    assert res["backtest"]["origins"] == len(bt.forecasts_) >= 10
    assert sum(r["n"] for r in res["backtest"]["reliability"]) == res["backtest"]["origins"]
    assert res["backtest"]["verdict"] in res["summary"]


def test_no_skill_is_said_plainly_on_pure_noise():
    rng = np.random.default_rng(0)
    idx = pd.date_range("2023-01-01", periods=220, freq="D", name="date")
    f = pd.DataFrame({"escalation": rng.poisson(20, 220).astype(float),
                      "negotiation": rng.choice([0.0, 1.0, -1.0], 220), "reports": 40.0}, index=idx)
    bt = RollingOriginBacktest(horizon=7, step=3).fit(f)
    assert bt.results_["skill"] is False
    assert "no demonstrable skill" in bt.results_["verdict"] or "adds nothing" in bt.results_["verdict"]


def test_forecaster_contract():
    f = simulate_series(150, rng=2)
    fc = EscalationForecaster(horizon=5)
    assert fc.fit(f) is fc and fc.get_params()["horizon"] == 5 and 0 <= fc.probability_ <= 1
