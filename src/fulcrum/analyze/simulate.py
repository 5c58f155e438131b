"""Validity by simulation: series with a known linkage (effect and lag) and with none, analysed by the same
:class:`~fulcrum.analyze.linkage.LinkageAnalysis` a user runs on real data.

The generating process (one period = one day), on the analysis scale ``z = log1p(escalation)``::

    reports_t     = round(exp(r_t)),  r_t = log 40 + 0.7 (r_{t-1} - log 40) + N(0, 0.3²)
    talks regime  s_t ∈ {0, 1}, Markov, stays with probability 0.9
    negotiation_t = 0, or with probability 0.35 (talks) / 0.08 (no talks) a score from
                    {+2: .25, +1: .35, -1: .25, -2: .15}
    z_t           = a + φ z_{t-1} + γ (log1p(reports_t) - mean) + β · negotiation_{t-k} + ε_t,  ε ~ N(0, σ²)

with φ = 0.5, γ = 0.3, σ = 0.35 and ``a`` such that escalation averages about 20 a day.  β (``effect``) is
the change in log1p(escalation) per negotiation point, k (``lag``) its delay; β = 0 is the no-linkage case.
Because the effect is defined on the analysis scale, the lag-profile coefficients have a known true value
(β at lag k, 0 elsewhere), which is what interval coverage is measured on.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from fulcrum.analyze.linkage import LinkageAnalysis
from fulcrum.errors import InvalidParameter

__all__ = ["simulate_series", "ValiditySimulation"]

_SCORES = np.array([2.0, 1.0, -1.0, -2.0])
_SCORE_P = np.array([0.25, 0.35, 0.25, 0.15])


def simulate_series(n: int = 240, effect: float = -0.2, lag: int = 2, rng: np.random.Generator | int | None = None,
                    phi: float = 0.5, gamma: float = 0.3, sigma: float = 0.35, burn: int = 60,
                    start: str = "2023-01-02") -> pd.DataFrame:
    """One simulated daily series frame with the columns analyses read (escalation, negotiation, reports)."""
    if not isinstance(n, (int, np.integer)) or n < 30:
        raise InvalidParameter("n", "simulate_series", "an int >= 30", n)
    if not isinstance(lag, (int, np.integer)) or not 1 <= lag <= 30:
        raise InvalidParameter("lag", "simulate_series", "an int in [1, 30]", lag)
    rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    T = n + burn
    mu_r = np.log(40.0)
    r = np.empty(T)
    r[0] = mu_r
    for t in range(1, T):
        r[t] = mu_r + 0.7 * (r[t - 1] - mu_r) + rng.normal(0, 0.3)
    reports = np.maximum(np.round(np.exp(r)), 0.0)
    lr = np.log1p(reports)
    lr = lr - lr.mean()
    s = np.empty(T, dtype=int)
    s[0] = 0
    for t in range(1, T):
        s[t] = s[t - 1] if rng.random() < 0.9 else 1 - s[t - 1]
    happens = rng.random(T) < np.where(s == 1, 0.35, 0.08)
    x = np.where(happens, rng.choice(_SCORES, size=T, p=_SCORE_P), 0.0)
    a = np.log1p(20.0) * (1 - phi)
    z = np.empty(T)
    z[0] = np.log1p(20.0)
    eps = rng.normal(0, sigma, T)
    for t in range(1, T):
        z[t] = a + phi * z[t - 1] + gamma * lr[t] + (effect * x[t - lag] if t >= lag else 0.0) + eps[t]
    idx = pd.date_range(start, periods=n, freq="D", name="date")
    frame = pd.DataFrame({"escalation": np.expm1(z[burn:]), "negotiation": x[burn:], "reports": reports[burn:]},
                         index=idx)
    frame.attrs["fulcrum"] = {"freq": "day", "simulated": {"effect": effect, "lag": lag}}
    return frame


class ValiditySimulation(BaseEstimator):
    """Run the linkage analysis on ``runs`` simulated series with a known link and ``runs`` with none.

    Fitted figures (``results_``): ``recovery`` (share of linked runs whose lag-profile peak has the true lag
    and sign), ``sign_recovery``, ``lag_recovery``, ``power`` (share of linked runs where the analysis reports
    a link after correction), ``coverage`` (share of 95% lag-profile intervals, all lags, linked and
    unlinked runs, that contain the true coefficient), ``false_positive_rate`` (share of unlinked runs in
    which any test of the corrected family reports a link), with Monte Carlo standard errors.
    """

    def __init__(self, runs: int = 200, n: int = 240, effect: float = -0.15, lag: int = 2, max_lag: int = 7,
                 seed: int = 0, alpha: float = 0.05) -> None:
        self.runs = runs
        self.n = n
        self.effect = effect
        self.lag = lag
        self.max_lag = max_lag
        self.seed = seed
        self.alpha = alpha

    def _validate(self) -> None:
        owner = "ValiditySimulation"
        for name, lo, hi in (("runs", 1, 100000), ("n", 60, 100000), ("max_lag", 1, 30), ("lag", 1, 30),
                             ("seed", 0, 2**32 - 1)):
            v = getattr(self, name)
            if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or not lo <= v <= hi:
                raise InvalidParameter(name, owner, f"an int in [{lo}, {hi}]", v)
        if self.lag > self.max_lag:
            raise InvalidParameter("lag", owner, f"at most max_lag ({self.max_lag})", self.lag)
        if not isinstance(self.effect, (int, float)) or self.effect == 0:
            raise InvalidParameter("effect", owner, "a non-zero number (the linked runs need a link)", self.effect)

    def fit(self, progress: Any = None) -> ValiditySimulation:
        """``progress(done, total)`` is called after every run, when given."""
        self._validate()
        seqs = np.random.SeedSequence(self.seed).spawn(2 * self.runs)
        cover, rec, sign_ok, lag_ok, power, fp, fp_granger = [], [], [], [], [], [], []
        warns: list[str] = []
        L = self.max_lag
        total = 2 * self.runs
        for i in range(total):
            linked = i % 2 == 0
            beta = float(self.effect) if linked else 0.0
            frame = simulate_series(self.n, beta, self.lag, np.random.default_rng(seqs[i]))
            an = LinkageAnalysis(max_lag=L, alpha=self.alpha, changepoints=False).fit(frame)
            warns += an.irf_.warnings_
            lp = an.lag_profile_
            truth = np.zeros(L)
            truth[self.lag - 1] = beta
            cover.extend(((lp.ci_[:, 0] <= truth) & (truth <= lp.ci_[:, 1])).tolist())
            if linked:
                s_ok = np.sign(lp.peak_coef_) == np.sign(beta)
                l_ok = lp.peak_lag_ == self.lag
                sign_ok.append(s_ok)
                lag_ok.append(l_ok)
                rec.append(s_ok and l_ok)
                power.append(an.detected_)
            else:
                fp.append(an.detected_)
                fp_granger.append(an.granger_xy_.p_ < self.alpha)
            if progress is not None:
                progress(i + 1, total)

        def share(v: list[Any]) -> tuple[float, float]:
            a = np.asarray(v, dtype=float)
            m = float(a.mean())
            return m, float(np.sqrt(m * (1 - m) / len(a)))

        res: dict[str, Any] = {}
        for key, v in (("recovery", rec), ("sign_recovery", sign_ok), ("lag_recovery", lag_ok), ("power", power),
                       ("coverage", cover), ("false_positive_rate", fp),
                       ("granger_uncorrected_false_positive_rate", fp_granger)):
            res[key], res[f"{key}_se"] = share(v)
        res.update(runs=self.runs, n=self.n, effect=self.effect, lag=self.lag, max_lag=L, seed=self.seed,
                   alpha=self.alpha, intervals=len(cover),
                   coverage_ok=0.90 <= res["coverage"] <= 0.99, false_positive_rate_ok=res["false_positive_rate"] <= 0.06,
                   warnings=sorted(set(warns)))
        self.results_ = res
        return self

    def summary(self) -> str:
        r = self.results_
        return (f"{r['runs']} runs with a link (effect {r['effect']:+g} per negotiation point at lag {r['lag']}) and "
                f"{r['runs']} without, {r['n']} days each. Lag and sign recovered in {r['recovery']:.0%} of linked "
                f"runs (sign {r['sign_recovery']:.0%}, lag {r['lag_recovery']:.0%}); a link was reported in "
                f"{r['power']:.0%} of them (power). Coverage of the 95% intervals: {r['coverage']:.3f} "
                f"(target 0.90–0.99, MC s.e. {r['coverage_se']:.3f}). False-positive rate without a link: "
                f"{r['false_positive_rate']:.3f} (target ≤ 0.06, MC s.e. {r['false_positive_rate_se']:.3f}).")
