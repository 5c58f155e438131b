"""Is escalation linked to negotiations?  Lead–lag correlation, Granger tests both ways, a lag profile,
a VAR with impulse responses, an event study with placebo dates, and change points — each an estimator
in the scikit-learn sense (``__init__`` stores parameters, ``fit`` returns ``self``, fitted state ends in
``_``), composed by :class:`LinkageAnalysis`, which corrects the family of p-values for multiple testing
and writes a plain-language summary that claims no more than the tests support.

Conventions: ``y`` is the outcome (escalation on the analysis scale, ``log1p`` of the daily count), ``x``
the negotiation score, ``controls`` contemporaneous covariates (``log1p`` of the number of reports, so that
news volume is held fixed).  A positive lag ``k`` means *x leads y by k periods*.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats as sps
from sklearn.base import BaseEstimator

from fulcrum.analyze.changepoints import ChangePoints
from fulcrum.analyze.stats import (
    OLSFit,
    adjust_pvalues,
    design,
    lagmat,
    ols,
    select_lag,
    wald_f,
    wild_bootstrap_wald,
)
from fulcrum.errors import FulcrumError, InvalidParameter

__all__ = ["InsufficientData", "TestResult", "LeadLag", "GrangerTest", "LagProfile", "ImpulseResponse",
           "EventStudy", "ChangePoints", "LinkageAnalysis", "escalation_scale", "events_from_scores",
           "GRANGER_CAVEAT"]

GRANGER_CAVEAT = (
    "A Granger test asks only whether the past of one series improves the forecast of the other beyond its "
    "own past (and news volume and trend). It can show predictive precedence; it cannot show that one series "
    "produces changes in the other: both may answer a third thing (battlefield events, domestic politics, a mediator's calendar), "
    "parties may act in anticipation of talks, and the way news reports them can link the series. A non-"
    "significant test is not evidence of no link: the link may act at another time scale, be non-linear, or "
    "be hidden by measurement error and a short series.")


class InsufficientData(FulcrumError):
    """The series is too short or too empty for a test."""


@dataclass
class TestResult:
    """One test of the family: effect size, confidence interval, raw and corrected p-value, and a plain
    sentence."""

    key: str
    name: str
    effect: float | None
    effect_label: str
    ci: tuple[float, float] | None
    p: float | None
    p_adjusted: float | None = None
    statistic: float | None = None
    lag: int | None = None
    n: int | None = None
    in_family: bool = True
    summary: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "effect": _num(self.effect), "effect_label": self.effect_label,
                "ci": None if self.ci is None else [_num(self.ci[0]), _num(self.ci[1])], "p": _num(self.p),
                "p_adjusted": _num(self.p_adjusted), "statistic": _num(self.statistic), "lag": self.lag,
                "n": self.n, "in_family": self.in_family, "summary": self.summary, "detail": _jsonable(self.detail)}


def _num(v: Any) -> float | None:
    if v is None:
        return None
    v = float(v)
    return None if not np.isfinite(v) else v


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return _num(obj)
    if isinstance(obj, pd.Timestamp):
        return obj.date().isoformat()
    return obj


def _check_int(owner: str, name: str, value: Any, lo: int, hi: int) -> None:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or not lo <= value <= hi:
        raise InvalidParameter(name, owner, f"an int in [{lo}, {hi}]", value)


def _check_level(owner: str, value: Any) -> None:
    if not isinstance(value, float) or not 0.5 <= value < 1:
        raise InvalidParameter("level", owner, "a float in [0.5, 1)", value)


def _check_choice(owner: str, name: str, value: Any, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        raise InvalidParameter(name, owner, f"one of {', '.join(map(repr, choices))}", value)


def _arr(v: Any, name: str) -> np.ndarray:
    a = np.asarray(v, dtype=float).ravel()
    if not np.all(np.isfinite(a)):
        raise InsufficientData(f"The {name} series has missing or infinite values; fill or drop them first.")
    return a


def _controls(controls: Any, n: int) -> np.ndarray | None:
    if controls is None:
        return None
    c = np.asarray(controls, dtype=float).reshape(n, -1)
    keep = [j for j in range(c.shape[1]) if np.std(c[:, j]) > 1e-12]
    return c[:, keep] if keep else None


def _need(n: int, max_lag: int, owner: str) -> None:
    need = 4 * max_lag + 20
    if n < need:
        raise InsufficientData(f"{owner} needs at least {need} periods with max_lag={max_lag}; the series has {n}. "
                               "Use a longer span, a daily frequency, or a smaller max_lag.")


def _ar_residuals(v: np.ndarray, max_lag: int, controls: np.ndarray | None, trend: bool) -> np.ndarray:
    p = select_lag(v[:, None], max_lag, controls, trend)
    n = len(v)
    X = np.column_stack([design(n, max_lag, controls, trend), lagmat(v, range(1, p + 1), max_lag)])
    beta, *_ = np.linalg.lstsq(X, v[max_lag:], rcond=None)
    return v[max_lag:] - X @ beta


class LeadLag(BaseEstimator):
    """Cross-correlation of the pre-whitened series at lags -max_lag..max_lag.

    Each series is reduced to the residuals of its own autoregression (order by BIC, with trend and
    controls), so Bartlett's ±1.96/√n bands are valid.  The reported effect is the correlation at the lag
    with the largest absolute value, with a Fisher-z interval; its p-value is Šidák-corrected for having
    looked at 2·max_lag+1 lags.
    """

    def __init__(self, max_lag: int = 7, trend: bool = True, level: float = 0.95) -> None:
        self.max_lag = max_lag
        self.trend = trend
        self.level = level

    def _validate(self) -> None:
        _check_int("LeadLag", "max_lag", self.max_lag, 1, 60)
        _check_level("LeadLag", self.level)

    def fit(self, y: Any, x: Any, controls: Any = None) -> LeadLag:
        self._validate()
        y, x = _arr(y, "outcome"), _arr(x, "driver")
        n, L = len(y), self.max_lag
        _need(n, L, "LeadLag")
        c = _controls(controls, n)
        ey, ex = _ar_residuals(y, L, c, self.trend), _ar_residuals(x, L, c, self.trend)
        m = len(ey)
        if np.std(ey) == 0 or np.std(ex) == 0:
            raise InsufficientData("LeadLag: a series is constant after removing its own dynamics.")
        ey = (ey - ey.mean()) / ey.std()
        ex = (ex - ex.mean()) / ex.std()
        lags = np.arange(-L, L + 1)
        r = np.array([np.mean(ey[k:] * ex[:m - k]) if k >= 0 else np.mean(ey[:m + k] * ex[-k:]) for k in lags])
        self.lags_, self.r_, self.n_ = lags, r, m
        z = sps.norm.ppf(0.5 + self.level / 2)
        self.band_ = z / np.sqrt(m)
        i = int(np.argmax(np.abs(r)))
        self.peak_lag_, self.peak_r_ = int(lags[i]), float(r[i])
        fz, se = np.arctanh(np.clip(r[i], -0.999999, 0.999999)), 1 / np.sqrt(m - 3)
        self.ci_ = (float(np.tanh(fz - z * se)), float(np.tanh(fz + z * se)))
        p1 = float(2 * sps.norm.sf(abs(fz) / se))
        self.p_ = float(1 - (1 - p1) ** len(lags))
        return self


class GrangerTest(BaseEstimator):
    """Does the past of ``x`` improve the forecast of ``y``?  Both equations of a VAR in (y, x) with a
    lag order chosen by BIC (1..max_lag, or fixed by ``lag``), constant, trend and controls.  The test that
    the x lags are all zero is a heteroskedasticity-robust Wald test whose p-value comes from a
    fixed-regressor wild bootstrap with ``bootstrap`` draws (``bootstrap=0``: the asymptotic F with the
    ``cov`` covariance instead).  The effect is the sum of the x lag coefficients (the change in y over the
    lag window per unit of x), with its interval from the ``cov`` (Newey–West by default) covariance."""

    def __init__(self, max_lag: int = 7, lag: int | None = None, cov: str = "hac", trend: bool = True,
                 level: float = 0.95, bootstrap: int = 499, random_state: int | None = 0) -> None:
        self.max_lag = max_lag
        self.lag = lag
        self.cov = cov
        self.trend = trend
        self.level = level
        self.bootstrap = bootstrap
        self.random_state = random_state

    def _validate(self) -> None:
        _check_int("GrangerTest", "max_lag", self.max_lag, 1, 60)
        if self.lag is not None:
            _check_int("GrangerTest", "lag", self.lag, 1, self.max_lag)
        _check_choice("GrangerTest", "cov", self.cov, ("hac", "classical"))
        _check_level("GrangerTest", self.level)
        _check_int("GrangerTest", "bootstrap", self.bootstrap, 0, 100000)

    def fit(self, y: Any, x: Any, controls: Any = None) -> GrangerTest:
        self._validate()
        y, x = _arr(y, "outcome"), _arr(x, "driver")
        n, L = len(y), self.max_lag
        _need(n, L, "GrangerTest")
        c = _controls(controls, n)
        p = self.lag or select_lag(np.column_stack([y, x]), L, c, self.trend)
        base = design(n, L, c, self.trend)
        X = np.column_stack([base, lagmat(y, range(1, p + 1), L), lagmat(x, range(1, p + 1), L)])
        fit = ols(y[L:], X, self.cov)
        idx = list(range(base.shape[1] + p, base.shape[1] + 2 * p))
        self.statistic_, self.p_, self.df_num_, self.df_den_ = wald_f(fit, idx)
        if self.bootstrap:
            rng = np.random.default_rng(self.random_state)
            self.statistic_, self.p_ = wild_bootstrap_wald(y[L:], X, idx, self.bootstrap, rng)
        w = np.zeros(len(fit.beta))
        w[idx] = 1
        eff = float(w @ fit.beta)
        se = float(np.sqrt(max(w @ fit.cov @ w, 0)))
        q = sps.t.ppf(0.5 + self.level / 2, fit.df_resid)
        self.lag_, self.n_, self.effect_, self.ci_ = p, n - L, eff, (eff - q * se, eff + q * se)
        self.coef_ = fit.beta[idx]
        return self


class LagProfile(BaseEstimator):
    """The coefficient of x at each lag 1..max_lag in one distributed-lag regression of y (own lags by BIC,
    constant, trend, controls; Newey–West covariance), each with its interval: the lead–lag profile as
    effect sizes.  ``peak_lag_`` is the lag with the largest |t|."""

    def __init__(self, max_lag: int = 7, cov: str = "hac", trend: bool = True, level: float = 0.95) -> None:
        self.max_lag = max_lag
        self.cov = cov
        self.trend = trend
        self.level = level

    def _validate(self) -> None:
        _check_int("LagProfile", "max_lag", self.max_lag, 1, 60)
        _check_choice("LagProfile", "cov", self.cov, ("hac", "classical"))
        _check_level("LagProfile", self.level)

    def fit(self, y: Any, x: Any, controls: Any = None) -> LagProfile:
        self._validate()
        y, x = _arr(y, "outcome"), _arr(x, "driver")
        n, L = len(y), self.max_lag
        _need(n, L, "LagProfile")
        c = _controls(controls, n)
        p = select_lag(y[:, None], L, c, self.trend)
        base = design(n, L, c, self.trend)
        X = np.column_stack([base, lagmat(y, range(1, p + 1), L), lagmat(x, range(1, L + 1), L)])
        fit: OLSFit = ols(y[L:], X, self.cov)
        off = base.shape[1] + p
        self.own_lag_ = p
        self.lags_ = np.arange(1, L + 1)
        self.coef_ = fit.beta[off:off + L].copy()
        self.se_ = fit.se()[off:off + L].copy()
        self.ci_ = np.array([fit.ci(off + j, self.level) for j in range(L)])
        self.p_ = np.array([fit.pvalue(off + j) for j in range(L)])
        t = np.abs(self.coef_ / np.where(self.se_ > 0, self.se_, np.inf))
        j = int(np.argmax(t))
        self.peak_lag_, self.peak_coef_ = int(self.lags_[j]), float(self.coef_[j])
        return self


class ImpulseResponse(BaseEstimator):
    """A VAR in (y, x) (order by BIC, constant, trend, controls as exogenous) and its non-orthogonalised
    impulse responses with asymptotic standard errors.  The effect is the cumulative response of y over
    ``horizon`` periods to a one-unit rise in x (and, for the reverse direction, of x to y)."""

    def __init__(self, max_lag: int = 7, horizon: int = 7, trend: bool = True, level: float = 0.95) -> None:
        self.max_lag = max_lag
        self.horizon = horizon
        self.trend = trend
        self.level = level

    def _validate(self) -> None:
        _check_int("ImpulseResponse", "max_lag", self.max_lag, 1, 60)
        _check_int("ImpulseResponse", "horizon", self.horizon, 1, 120)
        _check_level("ImpulseResponse", self.level)

    def fit(self, y: Any, x: Any, controls: Any = None) -> ImpulseResponse:
        from statsmodels.tsa.api import VAR

        self._validate()
        y, x = _arr(y, "outcome"), _arr(x, "driver")
        n, L = len(y), self.max_lag
        _need(n, L, "ImpulseResponse")
        c = _controls(controls, n)
        Y = np.column_stack([y, x])
        p = select_lag(Y, L, c, self.trend)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = VAR(Y[L - p:], exog=None if c is None else c[L - p:]).fit(p, trend="ct" if self.trend else "c")
            irf = res.irf(self.horizon)
            self.irf_ = np.asarray(irf.irfs)
            self.irf_se_ = np.asarray(irf.stderr(orth=False))
            self.cum_ = np.asarray(irf.cum_effects)
            self.cum_se_ = np.asarray(irf.cum_effect_stderr(orth=False))
        self.warnings_ = [f"{w.category.__name__}: {w.message}" for w in caught]
        self.lag_, self.n_ = p, n - L
        z = sps.norm.ppf(0.5 + self.level / 2)
        H = self.horizon
        self.effect_, self.reverse_effect_ = float(self.cum_[H, 0, 1]), float(self.cum_[H, 1, 0])
        s, rs = float(self.cum_se_[H, 0, 1]), float(self.cum_se_[H, 1, 0])
        self.ci_ = (self.effect_ - z * s, self.effect_ + z * s)
        self.reverse_ci_ = (self.reverse_effect_ - z * rs, self.reverse_effect_ + z * rs)
        self.p_ = float(2 * sps.norm.sf(abs(self.effect_) / s)) if s > 0 else float("nan")
        self.reverse_p_ = float(2 * sps.norm.sf(abs(self.reverse_effect_) / rs)) if rs > 0 else float("nan")
        return self


class EventStudy(BaseEstimator):
    """Mean change in y from the ``window`` periods before to the ``window`` after each event, compared
    with placebo calendars: the same event dates shifted circularly by every offset 1..n-1 (so placebos
    keep the spacing and clustering of the real events, and the real calendar is exchangeable with them
    when there is no link — including the near shifts matters: leaving them out makes the real calendar
    the only one without correlated neighbours and inflates the extreme tail).  The effect is the real
    change minus the placebo mean; the interval and two-sided p-value come from the placebo distribution."""

    def __init__(self, window: int = 7, min_events: int = 3, level: float = 0.95) -> None:
        self.window = window
        self.min_events = min_events
        self.level = level

    def _validate(self) -> None:
        _check_int("EventStudy", "window", self.window, 1, 60)
        _check_int("EventStudy", "min_events", self.min_events, 1, 1000)
        _check_level("EventStudy", self.level)

    def fit(self, y: Any, events: dict[str, Any]) -> EventStudy:
        self._validate()
        y = _arr(y, "outcome")
        n, W = len(y), self.window
        cs = np.concatenate([[0.0], np.cumsum(y)])
        t = np.arange(n)
        valid = (t >= W) & (t + W < n)
        change = np.full(n, np.nan)
        tv = t[valid]
        change[valid] = (cs[tv + W + 1] - cs[tv + 1]) / W - (cs[tv] - cs[tv - W]) / W
        rel = np.arange(-W, W + 1)
        self.relative_periods_ = rel
        # every valid period's window, minus its own pre-event mean: the path of an event set is a row mean
        win = np.full((n, 2 * W + 1), np.nan)
        if len(tv):
            win[tv] = np.stack([y[i - W:i + W + 1] for i in tv])
            win[tv] -= win[tv, :W].mean(axis=1, keepdims=True)
        self.results_: dict[str, dict[str, Any]] = {}
        alpha = 1 - self.level
        for kind, idx in events.items():
            idx = np.unique(np.asarray(idx, dtype=int))
            idx = idx[(idx >= W) & (idx + W < n)]
            out: dict[str, Any] = {"kind": kind, "n_events": int(len(idx))}
            if len(idx) < self.min_events:
                out.update(effect=None, ci=None, p=None, note=f"fewer than {self.min_events} events with a full window")
                self.results_[kind] = out
                continue
            stat = float(np.mean(change[idx]))
            offsets = np.arange(1, n)
            plac, paths = [], []
            for s in offsets:
                j = (idx + s) % n
                j = j[valid[j]]
                if len(j) >= max(1, len(idx) // 2):
                    plac.append(np.mean(change[j]))
                    paths.append(win[j].mean(axis=0))
            plac_a = np.asarray(plac)
            if len(plac_a) < 19:
                out.update(effect=None, ci=None, p=None, note="series too short for placebo calendars")
                self.results_[kind] = out
                continue
            centre = float(plac_a.mean())
            dev = plac_a - centre
            eff = stat - centre
            lo, hi = np.quantile(dev, [alpha / 2, 1 - alpha / 2])
            p = (1 + np.sum(np.abs(dev) >= abs(eff) - 1e-12)) / (len(dev) + 1)
            P = np.asarray(paths)
            out.update(effect=eff, raw_change=stat, ci=(eff - hi, eff - lo), p=float(p), n_placebo=int(len(plac_a)),
                       path=win[idx].mean(axis=0), placebo_lo=np.quantile(P, alpha / 2, axis=0),
                       placebo_hi=np.quantile(P, 1 - alpha / 2, axis=0), placebo_mean=P.mean(axis=0))
            self.results_[kind] = out
        return self



def escalation_scale(frame: pd.DataFrame, column: str = "escalation", normalise: bool = True) -> np.ndarray:
    """The change-point scale: ``log1p`` of escalation, with the part explained by news volume removed when
    ``normalise``: z = log1p(e) − b̂ · (log1p(reports) − mean), where b̂ is the least-squares elasticity of
    escalation on reports over the series, clipped to [0, 1] (1: escalation per report; 0: reports do not
    matter, so nothing is removed)."""
    z = np.log1p(frame[column].to_numpy(dtype=float))
    if normalise and "reports" in frame and frame["reports"].std() > 0:
        lr = np.log1p(frame["reports"].to_numpy(dtype=float))
        lr = lr - lr.mean()
        b = float(np.clip(np.dot(z - z.mean(), lr) / np.dot(lr, lr), 0.0, 1.0))
        z = z - b * lr
    return z


def events_from_scores(negotiation: Any) -> dict[str, np.ndarray]:
    """Event days from a negotiation-score series when no dated events are given: score ≥ 2 agreement,
    ≤ -2 breakdown, -1 stall."""
    x = np.asarray(negotiation, dtype=float)
    return {"agreement": np.flatnonzero(x >= 2), "stall": np.flatnonzero((x < 0) & (x > -2)),
            "breakdown": np.flatnonzero(x <= -2)}


def _fmt_p(p: float | None) -> str:
    if p is None or not np.isfinite(p):
        return "n/a"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def _pct(b: float) -> str:
    return f"{(np.exp(b) - 1) * 100:+.0f}%"


class LinkageAnalysis(BaseEstimator):
    """The whole linkage analysis on a series frame (from :func:`~fulcrum.analyze.series.build_series` or
    the simulator): every test of the family, Holm (or Benjamini–Hochberg) corrected, change points, and a
    summary.

    Parameters: ``max_lag``/``window``/``horizon`` default to 7 for daily and 4 for weekly series;
    ``outcome`` is the escalation column; ``control_reports`` adds log1p(reports) as a control;
    ``alpha`` is the family-wise (Holm) or false-discovery (BH) level for "detected".
    """

    def __init__(self, max_lag: int | None = None, window: int | None = None, horizon: int | None = None,
                 outcome: str = "escalation", driver: str = "negotiation", control_reports: bool = True,
                 trend: bool = True, cov: str = "hac", alpha: float = 0.05, correction: str = "holm",
                 level: float = 0.95, changepoints: bool = True, normalise: bool = True,
                 event_study: bool = True, min_size: int | None = None) -> None:
        self.max_lag = max_lag
        self.window = window
        self.horizon = horizon
        self.outcome = outcome
        self.driver = driver
        self.control_reports = control_reports
        self.trend = trend
        self.cov = cov
        self.alpha = alpha
        self.correction = correction
        self.level = level
        self.changepoints = changepoints
        self.normalise = normalise
        self.event_study = event_study
        self.min_size = min_size

    def _validate(self, frame: pd.DataFrame) -> None:
        owner = "LinkageAnalysis"
        for name in ("max_lag", "window", "horizon", "min_size"):
            if getattr(self, name) is not None:
                _check_int(owner, name, getattr(self, name), 1, 60)
        _check_choice(owner, "cov", self.cov, ("hac", "classical"))
        _check_choice(owner, "correction", self.correction, ("holm", "bh"))
        _check_level(owner, self.level)
        if not isinstance(self.alpha, float) or not 0 < self.alpha < 0.5:
            raise InvalidParameter("alpha", owner, "a float in (0, 0.5)", self.alpha)
        for col in (self.outcome, self.driver):
            if col not in frame:
                raise InvalidParameter("outcome" if col == self.outcome else "driver", owner,
                                       f"a column of the frame ({', '.join(map(str, frame.columns))})", col)

    def fit(self, frame: pd.DataFrame, events: pd.DataFrame | dict[str, Any] | None = None,
            freq: str | None = None) -> LinkageAnalysis:
        """``events``: dated negotiation events (a frame with ``date`` and ``kind``, as from
        :func:`~fulcrum.analyze.series.negotiation_events`) or a dict kind → positional indices; when
        None they are read off the negotiation scores."""
        self._validate(frame)
        info = frame.attrs.get("fulcrum", {}) if hasattr(frame, "attrs") else {}
        self.freq_ = freq or info.get("freq") or "day"
        d = 7 if self.freq_ == "day" else 4
        L, W, H = self.max_lag or d, self.window or d, self.horizon or d
        unit = "day" if self.freq_ == "day" else "week"
        self.unit_ = unit
        y = np.log1p(frame[self.outcome].to_numpy(dtype=float))
        x = frame[self.driver].to_numpy(dtype=float)
        c = np.log1p(frame["reports"].to_numpy(dtype=float)) if self.control_reports and "reports" in frame else None
        n = len(y)
        self.n_ = n
        dates = frame.index if isinstance(frame.index, pd.DatetimeIndex) else None
        self.dates_ = dates
        if n and not np.any(x != 0):
            raise InsufficientData(f"No negotiation events were scored in the {n} {unit}s of the series, so there "
                                   "is nothing to link escalation to. Check that extraction found CONSULT, AGREE, "
                                   "REJECT or RETREAT events (`fulcrum events --type CONSULT,AGREE`).")
        _need(n, L, "LinkageAnalysis")
        if np.std(y) == 0:
            raise InsufficientData("Escalation is constant over the series; there is nothing to test.")
        self.lead_lag_ = LeadLag(L, self.trend, self.level).fit(y, x, c)
        self.granger_xy_ = GrangerTest(L, cov=self.cov, trend=self.trend, level=self.level).fit(y, x, c)
        self.granger_yx_ = GrangerTest(L, cov=self.cov, trend=self.trend, level=self.level).fit(x, y, c)
        self.lag_profile_ = LagProfile(L, self.cov, self.trend, self.level).fit(y, x, c)
        self.irf_ = ImpulseResponse(L, H, self.trend, self.level).fit(y, x, c)
        self.event_study_ = None
        if self.event_study:
            ev_idx = self._event_indices(events, x, dates)
            self.event_study_ = EventStudy(W, 3, self.level).fit(y, ev_idx)
        self.changepoints_ = None
        if self.changepoints:
            ms = self.min_size or (3 if self.freq_ == "day" else 2)
            self.changepoints_ = ChangePoints(min_size=ms).fit(escalation_scale(frame, self.outcome, self.normalise))
        self.tests_ = self._tests(unit)
        fam = [(t, t.p) for t in self.tests_ if t.in_family and t.p is not None and np.isfinite(t.p)]
        adj = adjust_pvalues([p for _, p in fam], self.correction)
        for (t, _), a in zip(fam, adj, strict=True):
            t.p_adjusted = float(a)
        self._changepoint_tests(frame)
        self.detected_ = any(t.p_adjusted is not None and t.p_adjusted < self.alpha for t, _ in fam)
        for t in self.tests_:
            t.summary = self._sentence(t, unit)
        self.summary_ = self._summary(unit)
        return self

    # -- pieces ----------------------------------------------------------------------------------
    def _event_indices(self, events: Any, x: np.ndarray, dates: pd.DatetimeIndex | None) -> dict[str, np.ndarray]:
        if events is None:
            return events_from_scores(x)
        if isinstance(events, dict):
            return {k: np.asarray(v, dtype=int) for k, v in events.items()}
        if dates is None or not len(events):
            return events_from_scores(x) if not len(events) else {}
        pos = pd.Series(np.arange(len(dates)), index=dates)
        out: dict[str, np.ndarray] = {}
        for kind in ("agreement", "stall", "breakdown"):
            ds = pd.to_datetime(events.loc[events["kind"] == kind, "date"])
            out[kind] = pos.reindex(ds).dropna().to_numpy(dtype=int)
        return out

    def _tests(self, unit: str) -> list[TestResult]:
        ll, gxy, gyx, lp, irf = self.lead_lag_, self.granger_xy_, self.granger_yx_, self.lag_profile_, self.irf_
        tests = [
            TestResult("lead_lag", "Lead–lag cross-correlation (pre-whitened)", ll.peak_r_,
                       f"correlation at the peak lag (positive lag: negotiation leads by that many {unit}s)",
                       ll.ci_, ll.p_, statistic=ll.peak_r_, lag=ll.peak_lag_, n=ll.n_,
                       detail={"lags": ll.lags_, "r": ll.r_, "band": ll.band_}),
            TestResult("granger_negotiation_to_escalation", "Granger: negotiation → escalation", gxy.effect_,
                       f"sum of negotiation lag coefficients on log1p(escalation) over {gxy.lag_} {unit}s",
                       gxy.ci_, gxy.p_, statistic=gxy.statistic_, lag=gxy.lag_, n=gxy.n_,
                       detail={"df": [gxy.df_num_, gxy.df_den_], "coefficients": gxy.coef_}),
            TestResult("granger_escalation_to_negotiation", "Granger: escalation → negotiation", gyx.effect_,
                       f"sum of log1p(escalation) lag coefficients on the negotiation score over {gyx.lag_} {unit}s",
                       gyx.ci_, gyx.p_, statistic=gyx.statistic_, lag=gyx.lag_, n=gyx.n_,
                       detail={"df": [gyx.df_num_, gyx.df_den_], "coefficients": gyx.coef_}),
            TestResult("var_irf_negotiation_to_escalation", "VAR impulse response: negotiation → escalation",
                       irf.effect_, f"cumulative response of log1p(escalation) over {irf.horizon} {unit}s to a "
                       "one-point negotiation impulse", irf.ci_, irf.p_, lag=irf.lag_, n=irf.n_,
                       detail={"horizon": irf.horizon, "irf": irf.irf_[:, 0, 1], "se": irf.irf_se_[:, 0, 1],
                               "warnings": irf.warnings_}),
            TestResult("var_irf_escalation_to_negotiation", "VAR impulse response: escalation → negotiation",
                       irf.reverse_effect_, f"cumulative response of the negotiation score over {irf.horizon} "
                       f"{unit}s to a one-unit log1p(escalation) impulse", irf.reverse_ci_, irf.reverse_p_,
                       lag=irf.lag_, n=irf.n_,
                       detail={"horizon": irf.horizon, "irf": irf.irf_[:, 1, 0], "se": irf.irf_se_[:, 1, 0]}),
            TestResult("lag_profile", "Lag profile: negotiation lags in one regression", lp.peak_coef_,
                       f"coefficient at the lag with the largest |t| (each lag 1..{self.lag_profile_.max_lag} "
                       "has its own interval; descriptive, not in the corrected family)",
                       tuple(lp.ci_[lp.peak_lag_ - 1]), float(lp.p_[lp.peak_lag_ - 1]), lag=lp.peak_lag_,
                       in_family=False,
                       detail={"lags": lp.lags_, "coef": lp.coef_, "ci": lp.ci_, "p": lp.p_, "own_lag": lp.own_lag_}),
        ]
        if self.event_study_ is not None:
            for kind, r in self.event_study_.results_.items():
                tests.append(TestResult(
                    f"event_study_{kind}", f"Event study: escalation around {kind} events", r.get("effect"),
                    f"change in mean log1p(escalation), {self.event_study_.window} {unit}s after vs before, "
                    "beyond placebo calendars", r.get("ci"), r.get("p"), n=r["n_events"],
                    in_family=r.get("p") is not None,
                    detail={k: v for k, v in r.items() if k not in ("effect", "ci", "p")}))
        return tests

    def _changepoint_tests(self, frame: pd.DataFrame) -> None:
        """Each change point: the shift between the means of the segments on either side, with an interval
        and p-value from the fitted noise model as if the date had been fixed in advance (optimistic: it was
        searched for), and as adjusted p-value the scan's own — the share of simulated series without any
        change whose largest statistic, over all dates and windows, reaches the one that found it."""
        self.changepoint_results_ = []
        cp = self.changepoints_
        if cp is None or not cp.breakpoints_:
            return
        z = escalation_scale(frame, self.outcome, self.normalise)
        edges = [0, *cp.breakpoints_, len(z)]
        q = sps.norm.ppf(0.5 + self.level / 2)
        rows = []
        for i, b in enumerate(cp.breakpoints_):
            a, c = z[edges[i]:b], z[b:edges[i + 2]]
            diff = float(c.mean() - a.mean())
            se = cp.shift_se(len(a), len(c))
            p = float(2 * sps.norm.sf(abs(diff) / se)) if se > 0 else float("nan")
            when = self.dates_[b].date().isoformat() if self.dates_ is not None else str(b)
            lo, hi = diff - q * se, diff + q * se
            r = TestResult(f"changepoint_{i}", f"Change point at {when}", diff,
                           "shift in mean log1p(escalation), news volume held fixed, after minus before",
                           (lo, hi), p, n=len(a) + len(c), in_family=False,
                           statistic=cp.statistics_[i],
                           detail={"date": when, "index": b, "before_mean": float(np.expm1(a.mean())),
                                   "after_mean": float(np.expm1(c.mean())), "found_by": cp.kinds_[i],
                                   "threshold": cp.threshold_})
            r.p_adjusted = float(cp.pvalues_[i])
            r.summary = (f"Escalation shifts {'up' if diff > 0 else 'down'} at {when} ({_pct(diff)} at fixed news "
                         f"volume; 95% CI {_pct(lo)} to {_pct(hi)} as if the date had been fixed in "
                         f"advance; found by a {cp.kinds_[i]} scan, statistic {cp.statistics_[i]:.2f} against a "
                         f"threshold of {cp.threshold_:.2f}; p {_fmt_p(r.p_adjusted)} adjusted for searching "
                         "every date and window).")
            rows.append(r)
        self.changepoint_results_ = rows

    def _sentence(self, t: TestResult, unit: str) -> str:
        if t.p is None or t.effect is None:  # a test has both or neither
            return f"{t.name}: not tested ({t.detail.get('note', 'too few events')})."
        sig = t.p_adjusted is not None and t.p_adjusted < self.alpha
        ci = f"95% CI {t.ci[0]:+.3f} to {t.ci[1]:+.3f}" if t.ci else "no interval"
        padj = f"adjusted p {_fmt_p(t.p_adjusted)}" if t.in_family else f"p {_fmt_p(t.p)}, uncorrected"
        k = t.key
        if k == "lead_lag":
            who = ("negotiation leads" if t.lag and t.lag > 0 else "escalation leads" if t.lag and t.lag < 0
                   else "same period")
            return (f"The strongest lead–lag correlation of the pre-whitened series is r = {t.effect:+.2f} at lag "
                    f"{t.lag} ({who}; {ci}; {padj}). " + ("This is larger than chance alone would give over all "
                    "lags examined." if sig else "This is within what chance gives when many lags are examined."))
        if k.startswith("granger_"):
            a, b = ("negotiation", "escalation") if "negotiation_to" in k else ("escalation", "negotiation")
            if sig:
                return (f"Past {a} improves the forecast of {b} beyond {b}'s own past, news volume and trend "
                        f"(F = {t.statistic:.2f} over {t.lag} lags, {padj}; summed effect {t.effect:+.3f}, {ci}). "
                        "That is predictive precedence, not proof that one drives the other.")
            return (f"Past {a} does not measurably improve the forecast of {b} (F = {t.statistic:.2f} over {t.lag} "
                    f"lags, {padj}; summed effect {t.effect:+.3f}, {ci}). This does not show there is no link.")
        if k.startswith("var_irf_"):
            a, b = ("negotiation", "escalation") if "negotiation_to" in k else ("escalation", "negotiation")
            return (f"In the VAR, a one-unit rise in {a} is followed by a cumulative change of {t.effect:+.3f} in "
                    f"{b} over {t.detail.get('horizon')} {unit}s ({ci}; {padj}); "
                    + ("distinguishable from zero." if sig else "not distinguishable from zero."))
        if k == "lag_profile":
            return (f"In one regression with all negotiation lags, the clearest is lag {t.lag} "
                    f"(coefficient {t.effect:+.3f}, i.e. {_pct(t.effect)} escalation per negotiation point; {ci}; "
                    f"{padj}).")
        if k.startswith("event_study_") and self.event_study_ is not None:
            kind = k.removeprefix("event_study_")
            return (f"Around {t.n} {kind} event(s), mean log1p(escalation) changed by {t.effect:+.3f} "
                    f"({_pct(t.effect)}) from the {self.event_study_.window} {unit}s before to the "
                    f"{self.event_study_.window} after, relative to placebo calendars ({ci}; {padj}); "
                    + ("more than placebo dates show." if sig else "no different from placebo dates."))
        return f"{t.name}: effect {t.effect}, {ci}, {padj}."

    def _summary(self, unit: str) -> str:
        fam = [t for t in self.tests_ if t.in_family and t.p_adjusted is not None]
        sig = [t for t in fam if t.p_adjusted is not None and t.p_adjusted < self.alpha]
        span = ""
        if self.dates_ is not None and len(self.dates_):
            span = f" from {self.dates_[0].date().isoformat()} to {self.dates_[-1].date().isoformat()}"
        corr = "Holm" if self.correction == "holm" else "Benjamini–Hochberg"
        head = (f"Over {self.n_} {unit}s{span}, {len(fam)} tests of a link between escalation and negotiations "
                f"were run and corrected together ({corr}, α = {self.alpha}). ")
        if sig:
            head += (f"{len(sig)} of them find a link: " + "; ".join(t.name for t in sig) + ". "
                     "The series move together in time more than chance would give; this is an association in "
                     "time, not a demonstration that negotiations change the level of force or the reverse. ")
        else:
            head += ("None finds a link after correction. That is an absence of evidence, not evidence of "
                     "absence: short or noisy series can hide a real link (see `fulcrum simulate` for the power "
                     "of these tests at a known effect). ")
        if self.changepoints_ is not None and self.dates_ is not None:
            cps = [self.dates_[b].date().isoformat() for b in self.changepoints_.breakpoints_]
            if cps:
                level = f"{1 - self.changepoints_.alpha:.0%}"
                head += (f"Escalation changes level at {len(cps)} date(s): " + ", ".join(cps) + " (each a shift "
                         f"larger than series without any change show anywhere in {level} of simulations). ")
            else:
                level = f"{1 - self.changepoints_.alpha:.0%}"
                head += ("No change in the level of escalation is larger than series without any change show "
                         f"in {level} of simulations (this is not evidence that the level never changed). ")
        return head + GRANGER_CAVEAT

    # -- output ----------------------------------------------------------------------------------
    def changepoint_dates(self) -> list[str]:
        if self.changepoints_ is None:
            return []
        if self.dates_ is None:
            return [str(b) for b in self.changepoints_.breakpoints_]
        return [self.dates_[b].date().isoformat() for b in self.changepoints_.breakpoints_]

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready values: ``changepoints`` (ISO dates), ``granger`` (both directions:
        lags, statistic, p), ``event_study``, ``tests``, ``summary`` and more."""
        by = {t.key: t for t in self.tests_}

        def g(key: str) -> dict[str, Any]:
            t = by[key]
            return {"lags": t.lag, "statistic": _num(t.statistic), "p": _num(t.p), "p_adjusted": _num(t.p_adjusted),
                    "df": _jsonable(t.detail["df"]), "effect": _num(t.effect),
                    "ci": None if t.ci is None else [_num(t.ci[0]), _num(t.ci[1])], "summary": t.summary}

        es = {}
        if self.event_study_ is not None:
            for kind, r in self.event_study_.results_.items():
                t = by[f"event_study_{kind}"]
                es[kind] = {"n_events": r["n_events"], "effect": _num(t.effect),
                            "ci": None if t.ci is None else [_num(t.ci[0]), _num(t.ci[1])], "p": _num(t.p),
                            "p_adjusted": _num(t.p_adjusted), "n_placebo": r.get("n_placebo"),
                            "path": _jsonable(r.get("path")), "placebo_lo": _jsonable(r.get("placebo_lo")),
                            "placebo_hi": _jsonable(r.get("placebo_hi")), "summary": t.summary,
                            "note": r.get("note")}
        return {
            "n": self.n_, "freq": self.freq_,
            "start": self.dates_[0].date().isoformat() if self.dates_ is not None and len(self.dates_) else None,
            "end": self.dates_[-1].date().isoformat() if self.dates_ is not None and len(self.dates_) else None,
            "alpha": self.alpha, "correction": self.correction, "detected": bool(self.detected_),
            "changepoints": self.changepoint_dates(),
            "changepoint_tests": [r.to_dict() for r in self.changepoint_results_],
            "changepoint_scan": self.changepoints_.describe() if self.changepoints_ is not None else None,
            "granger": {"negotiation_to_escalation": g("granger_negotiation_to_escalation"),
                        "escalation_to_negotiation": g("granger_escalation_to_negotiation")},
            "event_study": {"window": self.event_study_.window if self.event_study_ else None,
                            "relative_periods": _jsonable(self.event_study_.relative_periods_)
                            if self.event_study_ else None, "kinds": es},
            "lead_lag": by["lead_lag"].to_dict(),
            "lag_profile": by["lag_profile"].to_dict(),
            "impulse_response": {"negotiation_to_escalation": by["var_irf_negotiation_to_escalation"].to_dict(),
                                 "escalation_to_negotiation": by["var_irf_escalation_to_negotiation"].to_dict()},
            "tests": [t.to_dict() for t in self.tests_],
            "granger_caveat": GRANGER_CAVEAT,
            "summary": self.summary_,
        }
