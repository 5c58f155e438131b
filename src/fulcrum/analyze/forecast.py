"""Will escalation be high over the next days?  A logistic forecaster from the negotiation state and the
recent series, and a rolling-origin backtest that scores it against persistence and climatology and says
plainly when it has no skill.

The event forecast at period t: the mean of ``outcome`` over t+1 .. t+horizon exceeds ``threshold``
(default: the ``quantile`` of those forward means over the whole series — the definition of "high", not
information given to the model; every forecast is fitted only on periods whose outcome was known at t).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fulcrum.analyze.linkage import InsufficientData
from fulcrum.errors import InvalidParameter

__all__ = ["FEATURES", "forecast_features", "forward_mean", "EscalationForecaster", "RollingOriginBacktest",
           "forecast_summary"]

FEATURES = ("escalation_now", "escalation_short", "escalation_long", "negotiation_short", "negotiation_long",
            "agreement_recent", "breakdown_recent", "reports_short")


def forward_mean(values: np.ndarray, horizon: int) -> np.ndarray:
    """mean(values[t+1 .. t+horizon]) for each t (NaN where the window runs past the end)."""
    n = len(values)
    cs = np.concatenate([[0.0], np.cumsum(values)])
    out = np.full(n, np.nan)
    t = np.arange(n - horizon)
    out[t] = (cs[t + horizon + 1] - cs[t + 1]) / horizon
    return out


def forecast_features(frame: pd.DataFrame, short: int, long: int, outcome: str = "escalation",
                      driver: str = "negotiation") -> pd.DataFrame:
    """Features known at the end of each period: the outcome now and its recent means (log1p), the
    negotiation score summed over the short and long windows, whether an agreement (score ≥ 2) or a
    breakdown (≤ -2) happened in the short window, and recent news volume."""
    y = np.log1p(frame[outcome].astype(float))
    x = frame[driver].astype(float)
    r = np.log1p(frame["reports"].astype(float)) if "reports" in frame else pd.Series(0.0, index=frame.index)
    return pd.DataFrame({
        "escalation_now": y,
        "escalation_short": y.rolling(short, min_periods=1).mean(),
        "escalation_long": y.rolling(long, min_periods=1).mean(),
        "negotiation_short": x.rolling(short, min_periods=1).sum(),
        "negotiation_long": x.rolling(long, min_periods=1).sum(),
        "agreement_recent": (x >= 2).astype(float).rolling(short, min_periods=1).max(),
        "breakdown_recent": (x <= -2).astype(float).rolling(short, min_periods=1).max(),
        "reports_short": r.rolling(short, min_periods=1).mean(),
    }, index=frame.index)[list(FEATURES)]


def _model(C: float) -> Any:
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))


def _fit_model(C: float, X: np.ndarray, y: np.ndarray, caught: list[str]) -> Any:
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        m = _model(C).fit(X, y)
    caught += [f"{w.category.__name__}: {w.message}" for w in ws]
    return m


class EscalationForecaster(BaseEstimator):
    """Logistic regression (standardised features, L2 penalty ``C``) for P(high escalation over the next
    ``horizon`` periods).  ``fit`` uses every period whose outcome is known; ``probability_`` is the
    forecast made at the last period of the frame."""

    def __init__(self, horizon: int = 7, threshold: float | None = None, quantile: float = 0.75, C: float = 1.0,
                 short: int | None = None, long: int | None = None, outcome: str = "escalation",
                 driver: str = "negotiation") -> None:
        self.horizon = horizon
        self.threshold = threshold
        self.quantile = quantile
        self.C = C
        self.short = short
        self.long = long
        self.outcome = outcome
        self.driver = driver

    def _validate(self, frame: pd.DataFrame) -> None:
        owner = type(self).__name__
        if not isinstance(self.horizon, (int, np.integer)) or not 1 <= self.horizon <= 90:
            raise InvalidParameter("horizon", owner, "an int in [1, 90]", self.horizon)
        if not isinstance(self.quantile, float) or not 0 < self.quantile < 1:
            raise InvalidParameter("quantile", owner, "a float in (0, 1)", self.quantile)
        if not isinstance(self.C, (int, float)) or self.C <= 0:
            raise InvalidParameter("C", owner, "a positive number", self.C)
        for col in (self.outcome, self.driver):
            if col not in frame:
                raise InvalidParameter("outcome" if col == self.outcome else "driver", owner,
                                       f"a column of the frame ({', '.join(map(str, frame.columns))})", col)

    def _prepare(self, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        self._validate(frame)
        short = self.short or self.horizon
        long = self.long or 4 * short
        X = forecast_features(frame, short, long, self.outcome, self.driver).to_numpy()
        fwd = forward_mean(frame[self.outcome].to_numpy(dtype=float), self.horizon)
        known = ~np.isnan(fwd)
        if known.sum() < 20:
            raise InsufficientData(f"Forecasting {self.horizon} periods ahead needs at least {20 + self.horizon} "
                                   f"periods; the series has {len(frame)}.")
        thr = float(self.threshold) if self.threshold is not None else float(np.quantile(fwd[known], self.quantile))
        self.threshold_ = thr
        label = np.where(known, (fwd > thr).astype(float), np.nan)
        return X, label, fwd

    def fit(self, frame: pd.DataFrame) -> EscalationForecaster:
        X, label, _ = self._prepare(frame)
        known = ~np.isnan(label)
        self.warnings_: list[str] = []
        yk = label[known]
        self.base_rate_ = float(yk.mean())
        if yk.min() == yk.max():
            self.model_ = None
            self.probability_ = self.base_rate_
        else:
            self.model_ = _fit_model(self.C, X[known], yk, self.warnings_)
            self.probability_ = float(self.model_.predict_proba(X[-1:])[0, 1])
        self.n_train_ = int(known.sum())
        self.feature_names_ = list(FEATURES)
        self.last_date_ = frame.index[-1]
        return self


class RollingOriginBacktest(EscalationForecaster):
    """Rolling-origin evaluation: at each origin t (every ``step`` periods after ``min_train``), fit on the
    periods whose outcome was known at t and forecast t.  Scores: Brier score of the model, of persistence
    (the current ``horizon``-window is above the threshold → 1, else 0) and of climatology (the training
    base rate); Brier skill scores; a moving-block bootstrap interval (blocks of ``horizon`` origins) for
    the Brier difference model − climatology; a reliability table; and a plain verdict."""

    def __init__(self, horizon: int = 7, threshold: float | None = None, quantile: float = 0.75, C: float = 1.0,
                 short: int | None = None, long: int | None = None, outcome: str = "escalation",
                 driver: str = "negotiation", min_train: int | None = None, step: int = 1, bootstrap: int = 999,
                 random_state: int | None = 0) -> None:
        super().__init__(horizon, threshold, quantile, C, short, long, outcome, driver)
        self.min_train = min_train
        self.step = step
        self.bootstrap = bootstrap
        self.random_state = random_state

    def fit(self, frame: pd.DataFrame) -> RollingOriginBacktest:
        X, label, fwd = self._prepare(frame)
        h = self.horizon
        n = len(frame)
        min_train = self.min_train or max(8 * h, 30)
        if not isinstance(self.step, (int, np.integer)) or self.step < 1:
            raise InvalidParameter("step", "RollingOriginBacktest", "an int >= 1", self.step)
        y = frame[self.outcome].to_numpy(dtype=float)
        self.warnings_ = []
        rows = []
        for t in range(min_train + h, n - h, self.step):
            train = np.arange(0, t - h + 1)          # rows s with s + h <= t: outcome known at t
            yt = label[train]
            clim = float(yt.mean())
            p = clim if yt.min() == yt.max() else float(
                _fit_model(self.C, X[train], yt, self.warnings_).predict_proba(X[t:t + 1])[0, 1])
            persist = float(np.mean(y[t - h + 1:t + 1]) > self.threshold_)
            rows.append((t, p, persist, clim, label[t]))
        if len(rows) < 10:
            raise InsufficientData(f"The backtest needs at least 10 forecast origins; with min_train={min_train} and "
                                   f"horizon={h} the {n}-period series gives {len(rows)}.")
        R = np.array(rows)
        t_idx, pm, pp, pc, o = R[:, 0].astype(int), R[:, 1], R[:, 2], R[:, 3], R[:, 4]
        bs = {name: float(np.mean((f - o) ** 2)) for name, f in (("model", pm), ("persistence", pp),
                                                                  ("climatology", pc))}
        d = (pm - o) ** 2 - (pc - o) ** 2
        dp = (pm - o) ** 2 - (pp - o) ** 2
        rng = np.random.default_rng(self.random_state)
        m = len(d)
        nb = int(np.ceil(m / h))
        starts = rng.integers(0, max(m - h + 1, 1), size=(self.bootstrap, nb))
        take = (starts[:, :, None] + np.arange(h)[None, None, :]).reshape(self.bootstrap, -1)[:, :m]
        take = np.minimum(take, m - 1)
        boot_c, boot_p = d[take].mean(axis=1), dp[take].mean(axis=1)
        ci_c = (float(np.quantile(boot_c, 0.025)), float(np.quantile(boot_c, 0.975)))
        ci_p = (float(np.quantile(boot_p, 0.025)), float(np.quantile(boot_p, 0.975)))
        bins = np.linspace(0, 1, 6)
        which = np.clip(np.digitize(pm, bins) - 1, 0, 4)
        reliability = [{"bin": f"{bins[b]:.1f}–{bins[b + 1]:.1f}", "n": int(np.sum(which == b)),
                        "mean_forecast": float(pm[which == b].mean()) if np.any(which == b) else None,
                        "observed": float(o[which == b].mean()) if np.any(which == b) else None}
                       for b in range(5)]
        bss_c = 1 - bs["model"] / bs["climatology"] if bs["climatology"] > 0 else float("nan")
        bss_p = 1 - bs["model"] / bs["persistence"] if bs["persistence"] > 0 else float("nan")
        skill = ci_c[1] < 0 and ci_p[1] < 0
        if skill:
            verdict = (f"The model has skill: its Brier score ({bs['model']:.3f}) beats climatology "
                       f"({bs['climatology']:.3f}) and persistence ({bs['persistence']:.3f}), and the 95% bootstrap "
                       "intervals of both differences exclude zero.")
        elif ci_c[1] < 0:
            verdict = (f"The model beats climatology (Brier {bs['model']:.3f} vs {bs['climatology']:.3f}) but not "
                       f"demonstrably persistence ({bs['persistence']:.3f}): it adds nothing over 'the next "
                       f"{h} periods will look like the last {h}'.")
        else:
            verdict = (f"The model has no demonstrable skill: its Brier score ({bs['model']:.3f}) is not reliably "
                       f"better than climatology ({bs['climatology']:.3f}; 95% interval of the difference "
                       f"{ci_c[0]:+.3f} to {ci_c[1]:+.3f}) — do not use its probabilities as forecasts.")
        self.results_ = {
            "horizon": h, "threshold": self.threshold_, "origins": m, "min_train": min_train,
            "brier": bs, "brier_skill_vs_climatology": bss_c, "brier_skill_vs_persistence": bss_p,
            "brier_difference_vs_climatology_ci": list(ci_c), "brier_difference_vs_persistence_ci": list(ci_p),
            "skill": bool(skill), "reliability": reliability, "verdict": verdict,
            "first_origin": _iso(frame.index[t_idx[0]]), "last_origin": _iso(frame.index[t_idx[-1]]),
        }
        self.forecasts_ = pd.DataFrame({"probability": pm, "persistence": pp, "climatology": pc, "outcome": o},
                                       index=frame.index[t_idx])
        self.fwd_ = fwd
        return self


def _iso(v: Any) -> Any:
    return v.date().isoformat() if isinstance(v, pd.Timestamp) else v


def forecast_summary(frame: pd.DataFrame, horizon: int = 7, threshold: float | None = None,
                     quantile: float = 0.75, step: int = 1) -> dict[str, Any]:
    """The forecast made at the last period and its backtest, as JSON-ready values."""
    fc = EscalationForecaster(horizon=horizon, threshold=threshold, quantile=quantile).fit(frame)
    bt = RollingOriginBacktest(horizon=horizon, threshold=fc.threshold_, step=step).fit(frame)
    unit = "day" if (frame.attrs.get("fulcrum", {}).get("freq", "day") == "day") else "week"
    prob = fc.probability_
    text = (f"Probability that mean escalation over the next {horizon} {unit}s exceeds {fc.threshold_:.1f} "
            f"(made at {_iso(fc.last_date_)}): {prob:.0%}. Base rate: {fc.base_rate_:.0%}. "
            + bt.results_["verdict"])
    return {"as_of": _iso(fc.last_date_), "horizon": horizon, "unit": unit, "threshold": fc.threshold_,
            "probability": prob, "base_rate": fc.base_rate_, "n_train": fc.n_train_,
            "backtest": bt.results_, "warnings": sorted(set(fc.warnings_ + bt.warnings_)), "summary": text,
            "_backtest": bt}
