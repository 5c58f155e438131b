"""Small statistical building blocks: OLS with Newey–West (HAC) covariance, Wald tests, lag selection,
and multiple-testing corrections.  Written out here (not via statsmodels' formula layer) so that they are
fast enough for the validity simulation and raise no warnings we would have to silence."""

from __future__ import annotations

from dataclasses import dataclass
from math import floor

import numpy as np
from scipy import stats as sps

from fulcrum.errors import InvalidParameter

__all__ = ["OLSFit", "ols", "wild_bootstrap_wald", "newey_west_lags", "lagmat", "design", "select_lag", "holm", "benjamini_hochberg",
           "adjust_pvalues", "wald_f"]


@dataclass
class OLSFit:
    beta: np.ndarray
    cov: np.ndarray
    resid: np.ndarray
    df_resid: int
    ssr: float

    def se(self) -> np.ndarray:
        return np.sqrt(np.clip(np.diag(self.cov), 0.0, None))

    def ci(self, i: int, level: float = 0.95) -> tuple[float, float]:
        q = sps.t.ppf(0.5 + level / 2, self.df_resid)
        s = float(self.se()[i])
        return float(self.beta[i] - q * s), float(self.beta[i] + q * s)

    def pvalue(self, i: int) -> float:
        s = float(self.se()[i])
        if s <= 0:
            return float("nan")
        return float(2 * sps.t.sf(abs(self.beta[i] / s), self.df_resid))


def newey_west_lags(n: int) -> int:
    """The usual automatic bandwidth, floor(4 (n/100)^(2/9))."""
    return max(1, int(floor(4 * (n / 100.0) ** (2.0 / 9.0))))


def ols(y: np.ndarray, X: np.ndarray, cov: str = "hac", hac_lags: int | None = None) -> OLSFit:
    """Least squares with classical (``"classical"``) or Newey–West (``"hac"``, Bartlett kernel, with the
    n/(n-k) small-sample factor) covariance."""
    n, k = X.shape
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    df = n - k
    ssr = float(resid @ resid)
    xtx_inv = np.linalg.pinv(X.T @ X)
    if cov == "classical":
        V = xtx_inv * (ssr / max(df, 1))
    elif cov == "hac":
        L = newey_west_lags(n) if hac_lags is None else hac_lags
        u = X * resid[:, None]
        S = u.T @ u
        for lag in range(1, L + 1):
            w = 1.0 - lag / (L + 1.0)
            G = u[lag:].T @ u[:-lag]
            S += w * (G + G.T)
        V = xtx_inv @ S @ xtx_inv * (n / max(df, 1))
    else:
        raise InvalidParameter("cov", "ols", "'hac' or 'classical'", cov)
    return OLSFit(beta=beta, cov=V, resid=resid, df_resid=df, ssr=ssr)


def wald_f(fit: OLSFit, idx: list[int]) -> tuple[float, float, int, int]:
    """F form of the Wald test that the coefficients ``idx`` are all zero: (F, p, df1, df2)."""
    b = fit.beta[idx]
    V = fit.cov[np.ix_(idx, idx)]
    q = len(idx)
    stat = float(b @ np.linalg.pinv(V) @ b) / q
    return stat, float(sps.f.sf(stat, q, fit.df_resid)), q, fit.df_resid


def lagmat(x: np.ndarray, lags: range | list[int], start: int) -> np.ndarray:
    """Columns x[t - l] for l in ``lags``, rows t = start .. n-1."""
    n = len(x)
    return np.column_stack([x[start - lag:n - lag] for lag in lags]) if len(lags) else np.empty((n - start, 0))


def design(n: int, start: int, controls: np.ndarray | None, trend: bool) -> np.ndarray:
    """Constant, optional linear trend and contemporaneous controls for rows start .. n-1."""
    cols = [np.ones(n - start)]
    if trend:
        cols.append(np.arange(start, n, dtype=float) / n)
    if controls is not None and controls.size:
        c = controls.reshape(n, -1)[start:]
        cols += [c[:, j] for j in range(c.shape[1])]
    return np.column_stack(cols)


def select_lag(Y: np.ndarray, max_lag: int, controls: np.ndarray | None, trend: bool) -> int:
    """Lag order (1..max_lag) of a VAR on the columns of ``Y`` by the Schwarz (BIC) criterion, every order
    fitted on the same sample (rows max_lag .. n-1)."""
    n, m = Y.shape
    base = design(n, max_lag, controls, trend)
    T = n - max_lag
    best, best_p = np.inf, 1
    for p in range(1, max_lag + 1):
        X = np.column_stack([base] + [lagmat(Y[:, j], range(1, p + 1), max_lag) for j in range(m)])
        beta, *_ = np.linalg.lstsq(X, Y[max_lag:], rcond=None)
        E = Y[max_lag:] - X @ beta
        sign, logdet = np.linalg.slogdet(E.T @ E / T)
        if sign <= 0:
            continue
        crit = logdet + np.log(T) / T * X.shape[1] * m
        if crit < best:
            best, best_p = crit, p
    return best_p


def holm(p: list[float] | np.ndarray) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (controls the family-wise error rate under any dependence)."""
    p = np.asarray(p, dtype=float)
    out = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    q = p[ok]
    m = len(q)
    if m == 0:
        return out
    order = np.argsort(q)
    adj = np.maximum.accumulate((m - np.arange(m)) * q[order])
    res = np.empty(m)
    res[order] = np.minimum(adj, 1.0)
    out[ok] = res
    return out


def benjamini_hochberg(p: list[float] | np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (controls the false discovery rate)."""
    p = np.asarray(p, dtype=float)
    out = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    q = p[ok]
    m = len(q)
    if m == 0:
        return out
    order = np.argsort(q)[::-1]
    ranks = np.arange(m, 0, -1)
    adj = np.minimum.accumulate(q[order] * m / ranks)
    res = np.empty(m)
    res[order] = np.minimum(adj, 1.0)
    out[ok] = res
    return out


def adjust_pvalues(p: list[float] | np.ndarray, method: str = "holm") -> np.ndarray:
    if method == "holm":
        return holm(p)
    if method in ("bh", "fdr_bh"):
        return benjamini_hochberg(p)
    raise InvalidParameter("correction", "adjust_pvalues", "'holm' or 'bh'", method)


def _hc_wald(b: np.ndarray, G: np.ndarray, E2: np.ndarray) -> np.ndarray:
    """Heteroskedasticity-robust (HC0) Wald statistics / q for many residual vectors at once.

    ``b``: (B, q) restricted coefficients, ``G`` = X (X'X)^-1 R' (T, q), ``E2``: (T, B) squared residuals."""
    V = np.einsum("tb,tq,tr->bqr", E2, G, G)
    sol = np.linalg.solve(V + 1e-300 * np.eye(V.shape[1]), b[..., None])[..., 0]
    return np.einsum("bq,bq->b", b, sol) / b.shape[1]


def wild_bootstrap_wald(y: np.ndarray, X: np.ndarray, idx: list[int], draws: int,
                        rng: np.random.Generator) -> tuple[float, float]:
    """Wald test that the coefficients ``idx`` are zero, with its p-value from a fixed-regressor wild
    bootstrap (Rademacher weights, null imposed): robust to heteroskedasticity of any form, including
    the burst-and-silence variance of negotiation scores.  When fewer than 10 draws reach the observed
    statistic, 9 × ``draws`` more are added so that small p-values are resolved.  Returns (statistic / q, p)."""
    keep = [j for j in range(X.shape[1]) if j not in idx]
    Xr = X[:, keep]
    br, *_ = np.linalg.lstsq(Xr, y, rcond=None)
    fitted_r = Xr @ br
    ur = y - fitted_r
    A = np.linalg.pinv(X.T @ X)
    P = A @ X.T                     # (k, T)
    G = (A[idx] @ X.T).T            # (T, q)

    def stats(Y: np.ndarray) -> np.ndarray:
        B = P @ Y                   # (k, B)
        E = Y - X @ B
        return _hc_wald(B[idx].T, G, E ** 2)

    obs = float(stats(y[:, None])[0])
    hits, total = 0, 0
    for batch in (draws, 9 * draws):
        for start in range(0, batch, 1000):
            b = min(1000, batch - start)
            V = rng.choice(np.array([-1.0, 1.0]), size=(len(y), b))
            hits += int(np.sum(stats(fitted_r[:, None] + ur[:, None] * V) >= obs))
            total += b
        if hits >= 10:
            break
    return obs, float((1 + hits) / (total + 1))
