"""Change points in the mean level of a daily (or weekly) series with autocorrelated, non-Gaussian noise:
a multiscale scan whose threshold is calibrated by a bootstrap from a fitted noise model.

**Statistics.**  Every one is a contrast of window means divided by its standard deviation under the
fitted noise model, so each is about N(0, 1) where nothing changes:

* *steps* (moving sums, MOSUM): at every position k and bandwidth G, the mean of the G periods from k on
  minus the mean of the G periods before k (G = 7, 10, 14, 20, 28, … days up to n/4);
* *segments* (epidemic changes): for every start s and length m (3 to 14 days), the mean of the m periods
  from s minus the mean of the h = 14 periods on either side — a short period lower or higher than its
  surroundings, such as a one-week truce, which a step test sees only at half strength;
* *one change* (CUSUM): at every position of the series (later: of each stretch between the change points
  already found) at least 7 periods from its ends, the mean after minus the mean before — the most powerful
  test for a single long-lasting shift.

**Noise model.**  z_t = μ_t + u_t, with u a persistent latent AR(1) seen through white noise — the form of a
slowly varying intensity observed through count noise: γ(0) = V, γ(h) = V·κ·φ^h, with κ in [0, 1] the
persistent share and φ in [0, 0.8] (half-life at most 3 days: what persists longer is, at the time scale of
the scan, a change in level).  It nests white noise (κ = 0) and AR(1) (κ = 1).  It is fitted by Whittle's
likelihood on a grid (steps of 0.05) to the periodogram of the series less the means on either side of its
least-squares single split — so that one large shift, the commonest departure, does not pass for
persistent noise (its power at low frequencies would otherwise inflate φ and κ).

**Threshold.**  ``n_boot`` series of the same length without any change are simulated: Gaussian series with
the fitted dependence whose values are replaced, rank for rank, by the data's residuals (amplitude-adjusted
surrogates: they keep the data's distribution exactly — its skew, its ties, the zeros of low counts); each
goes through the same noise estimation and scan.  The threshold is the Monte Carlo critical value at level
``alpha`` of their largest |statistic| over all positions, bandwidths, segments and the CUSUM — so a series
without change shows one with probability about ``alpha``, however many positions and windows were looked
at.  The default ``alpha`` is 0.04, not 0.05: on simulated counts (``fulcrum simulate``) the test at a
nominal 0.05 rejected 5.4% of 800 series without change — low counts under a persistent intensity come in
runs of zeros that Gaussian-ordered surrogates under-represent — and at 0.04 it rejects 4.4%.

**Selection.**  The largest statistic above the threshold gives one change point (a step or CUSUM; the
CUSUM's is placed by least squares, as its standardised maximum leans to the ends) or two (a segment); the
segment means are removed and the scan repeated, until no statistic is above the threshold.  Change points
are moved to the least-squares split between their neighbours (within one shortest bandwidth).  The first
found answer the calibrated question "did anything change?"; every later one must also stand above the
threshold in the final segmentation — as the shift between its two segments or, next to a short segment,
as that segment's mean against both its neighbours — or it is dropped, weakest first (after a real change,
the repeated scans would otherwise add false ones at well above the rate α).

**Rounds.**  When change points are found, the noise model, the surrogates' values and the threshold are
re-estimated from the series less its segment means, and the selection is run again (at most
``max_rounds`` times, until the change points no longer change): a deep segment or several shifts otherwise
inflate the noise estimate and fatten the tails of the surrogates.  A series without change goes to a second
round only when the first found something, so the false-positive rate stays that of the first round.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator

from fulcrum.errors import FulcrumError, InvalidParameter

__all__ = ["ChangePoints", "default_bandwidths"]

PHI_MAX = 0.8   # largest persistence of the noise (half-life ≈ 3.1 periods)
_PHI, _KAPPA = (g.ravel() for g in np.meshgrid(np.round(np.arange(0.0, PHI_MAX + 0.001, 0.05), 2),
                                               np.round(np.arange(0.0, 1.001, 0.05), 2), indexing="ij"))


class _TooShort(FulcrumError):
    pass


def default_bandwidths(n: int, shortest: int) -> list[int]:
    """Step bandwidths: ``shortest`` and a √2-geometric grid up to n/4."""
    out: list[int] = []
    g = float(shortest)
    while round(g) <= max(n // 4, shortest):
        if not out or round(g) > out[-1]:
            out.append(int(round(g)))
        g *= np.sqrt(2.0)
    return out


# -- noise model ----------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _whittle_shape(n: int) -> tuple[np.ndarray, np.ndarray]:
    """1/g and mean log g of the spectral shape g(λ) = (1 - κ) + κ(1 - φ²)/|1 - φe^{-iλ}|² of every (φ, κ) of
    the grid, at the Fourier frequencies 2πj/n, j = 1..(n-1)//2."""
    lam = 2 * np.pi * np.arange(1, (n - 1) // 2 + 1) / n
    D = 1 + _PHI[:, None] ** 2 - 2 * _PHI[:, None] * np.cos(lam)[None, :]
    g = (1 - _KAPPA[:, None]) + _KAPPA[:, None] * (1 - _PHI[:, None] ** 2) / D
    return 1.0 / g, np.log(g).mean(axis=1)


def _split_residuals(x: np.ndarray, trim: int) -> np.ndarray:
    """Each row (B, n) less the means on either side of its least-squares single split (each side at least
    ``trim`` long)."""
    B, n = x.shape
    C = np.concatenate([np.zeros((B, 1)), np.cumsum(x, axis=1)], axis=1)
    k = np.arange(trim, n - trim + 1)
    if not len(k):
        return x - x.mean(axis=1, keepdims=True)
    gain = C[:, k] ** 2 / k + (C[:, n:] - C[:, k]) ** 2 / (n - k)
    cut = k[np.argmax(gain, axis=1)]
    after = np.arange(n)[None, :] >= cut[:, None]
    m_before = C[np.arange(B), cut] / cut
    m_after = (C[:, n] - C[np.arange(B), cut]) / (n - cut)
    return x - np.where(after, m_after[:, None], m_before[:, None])


class _Noise:
    """The noise model of each row of ``x`` (B, n) — see the module docstring.  ``acov`` (B, max(H, n)+1)
    autocovariances."""

    def __init__(self, x: np.ndarray, H: int, trim: int) -> None:
        B, n = x.shape
        e = _split_residuals(x, trim)
        P = (np.abs(np.fft.rfft(e, axis=1)) ** 2 / n)[:, 1:(n - 1) // 2 + 1]
        ginv, logg = _whittle_shape(n)
        S = P @ ginv.T / P.shape[1]                        # (B, grid): V profiled out
        j = np.argmin(np.log(np.maximum(S, 1e-300)) + logg[None, :], axis=1)
        V, phi, kappa = S[np.arange(B), j], _PHI[j], _KAPPA[j]
        self.V, self.phi, self.kappa = V, phi, kappa
        h = np.arange(max(H, n) + 1)
        self.acov = V[:, None] * np.where(h == 0, 1.0, kappa[:, None] * phi[:, None] ** h)

    def describe(self) -> dict[str, Any]:
        V, phi, kappa = float(self.V[0]), float(self.phi[0]), float(self.kappa[0])
        return {"model": "latent AR(1) + white noise", "phi": phi, "kappa": kappa, "variance": V,
                "long_run_variance": V * (1 + 2 * kappa * phi / (1 - phi))}


def _latent_ar(phi: np.ndarray, kappa: np.ndarray, n: int, rng: np.random.Generator, burn: int = 100) -> np.ndarray:
    """Gaussian series (B, n), unit variance: a share κ of AR(1) with coefficient φ plus white noise (one φ,
    κ per row)."""
    B = len(phi)
    x = np.empty((B, n + burn))
    e = rng.standard_normal((B, n + burn)) * np.sqrt(1 - phi ** 2)[:, None]
    x[:, 0] = rng.standard_normal(B)
    for t in range(1, n + burn):
        x[:, t] = phi * x[:, t - 1] + e[:, t]
    w = rng.standard_normal((B, n))
    return np.sqrt(kappa)[:, None] * x[:, burn:] + np.sqrt(1 - kappa)[:, None] * w


# -- the scan --------------------------------------------------------------------------------------------
class _Scan:
    """The contrasts.  ``items``: ('step', G, G) moving sums of bandwidth G; ('segment', m, h) a segment of
    length m against h periods on either side; ('cusum', trim, 0) one change within a stretch (the whole
    series, or a stretch between change points already found), at least ``trim`` from its ends."""

    def __init__(self, n: int, bandwidths: list[int], seg_lengths: list[int], flank: int, trim: int) -> None:
        self.items: list[tuple[str, int, int]] = []
        for G in bandwidths:
            if 2 * G <= n:
                self.items.append(("step", G, G))
        for m in seg_lengths:
            h = max(m, flank)
            if m + 2 * h <= n:
                self.items.append(("segment", m, h))
        if not self.items or n < 2 * trim:
            raise _TooShort
        self.items.append(("cusum", trim, 0))
        self.H = max(2 * a if k == "step" else a + 2 * h if k == "segment" else 0 for k, a, h in self.items)
        W = np.zeros((self.H + 1, len(self.items)))
        for j, (kind, a, h) in enumerate(self.items):
            if kind == "cusum":
                continue
            if kind == "step":
                v = np.r_[np.full(a, -1.0 / a), np.full(a, 1.0 / a)]
            else:
                v = np.r_[np.full(h, -0.5 / h), np.full(a, 1.0 / a), np.full(h, -0.5 / h)]
            ac = np.correlate(v, v, "full")[len(v) - 1:]
            W[:len(ac), j] = ac * np.r_[1.0, np.full(len(ac) - 1, 2.0)]
        self.W = W

    def stats(self, Z: np.ndarray, acov: np.ndarray, edges: list[int] | None = None
              ) -> list[tuple[np.ndarray, np.ndarray]]:
        """For each contrast: (positions, T (B, positions)), the position being where the change happens (the
        step's k, the segment's start).  ``acov`` (B, ≥ n) autocovariances; ``edges`` the stretches for the
        CUSUM (default: the whole series)."""
        B, n = Z.shape
        C = np.concatenate([np.zeros((B, 1)), np.cumsum(Z, axis=1)], axis=1)
        sd = np.sqrt(np.maximum(acov[:, :self.H + 1] @ self.W, 1e-300))
        g = acov[:, :n]   # f[L] = Var(sum of L consecutive values), L = 0..n
        f = np.concatenate([np.zeros((B, 1)), np.cumsum(2 * np.cumsum(g, axis=1) - g[:, :1], axis=1)], axis=1)
        out = []
        for j, (kind, a, h) in enumerate(self.items):
            if kind == "step":
                k = np.arange(a, n - a + 1)
                D = (C[:, k + a] - 2 * C[:, k] + C[:, k - a]) / a
                out.append((k, D / sd[:, j:j + 1]))
            elif kind == "segment":
                k = np.arange(h, n - a - h + 1)
                D = (C[:, k + a] - C[:, k]) / a - (C[:, k] - C[:, k - h] + C[:, k + a + h] - C[:, k + a]) / (2 * h)
                out.append((k, D / sd[:, j:j + 1]))
            else:
                ks, Ts = [], []
                e = [0, n] if edges is None else edges
                for lo, hi in zip(e[:-1], e[1:], strict=True):
                    k = np.arange(lo + a, hi - a + 1)
                    if not len(k):
                        continue
                    L, R = k - lo, hi - k
                    D = (C[:, hi:hi + 1] - C[:, k]) / R - (C[:, k] - C[:, lo:lo + 1]) / L
                    var = f[:, L] / L ** 2 + f[:, R] / R ** 2 - (f[:, hi - lo:hi - lo + 1] - f[:, L] - f[:, R]) / (L * R)
                    ks.append(k)
                    Ts.append(D / np.sqrt(np.maximum(var, 1e-300)))
                out.append((np.concatenate(ks), np.concatenate(Ts, axis=1)) if ks
                           else (np.zeros(0, dtype=int), np.zeros((B, 0))))
        return out

    def max_stat(self, Z: np.ndarray, acov: np.ndarray) -> np.ndarray:
        return np.max(np.stack([np.abs(T).max(axis=1) if T.shape[1] else np.zeros(len(Z))
                                for _, T in self.stats(Z, acov)], axis=1), axis=1)


def _mc_threshold(null_max: np.ndarray, alpha: float) -> float:
    """The Monte Carlo critical value: a statistic above it has p = (1 + #{null ≥ it})/(B + 1) ≤ alpha."""
    k = int(np.floor(alpha * (len(null_max) + 1)))
    return float(np.sort(null_max)[::-1][k - 1]) if k >= 1 else float(np.inf)


def _residuals(z: np.ndarray, bkps: list[int]) -> np.ndarray:
    """z less the mean of each segment between change points."""
    e = z.astype(float).copy()
    edges = [0, *bkps, len(z)]
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        e[lo:hi] -= z[lo:hi].mean()
    return e


def _ls_split(z: np.ndarray, lo: int, hi: int, trim: int) -> int:
    """The least-squares single split of z[lo:hi], at least ``trim`` from either end."""
    x = z[lo:hi]
    C = np.r_[0.0, np.cumsum(x)]
    k = np.arange(trim, len(x) - trim + 1)
    gain = C[k] ** 2 / k + (C[-1] - C[k]) ** 2 / (len(x) - k)
    return int(lo + k[int(np.argmax(gain))])


def _sumvar(g: np.ndarray, L: int) -> float:
    """Var(sum of L consecutive values) from autocovariances g."""
    h = np.arange(1, min(L, len(g)))
    return float(L * g[0] + 2 * np.sum((L - h) * g[h]))


def _block_var(g: np.ndarray, lengths: list[int], w: list[float]) -> float:
    """Var(Σ_i w_i · sum of block i) for consecutive blocks of the given lengths."""
    starts = np.r_[0, np.cumsum(lengths)]
    var = 0.0
    for i in range(len(lengths)):
        for j in range(i, len(lengths)):
            if i == j:
                c = _sumvar(g, lengths[i])
            else:   # Cov(block i, block j) from the variances of the stretches spanning them
                a, b, inner = starts[i], starts[j + 1], starts[j] - starts[i + 1]
                c = (_sumvar(g, b - a) - _sumvar(g, starts[j] - a) - _sumvar(g, b - starts[i + 1])
                     + (_sumvar(g, inner) if inner > 0 else 0.0)) / 2
            var += (1 if i == j else 2) * w[i] * w[j] * c
    return max(var, 1e-300)


class ChangePoints(BaseEstimator):
    """Shifts in the mean level of a series: a multiscale scan of steps, short segments and single changes,
    calibrated by amplitude-adjusted bootstrap series so that a series without any change shows one with
    probability about ``alpha`` (module docstring: the statistics, the noise model, the threshold, the
    selection, the default of 0.04).

    Parameters: ``min_size`` the shortest segment (periods; the shortest step bandwidth and the CUSUM's
    margin are 2·min_size + 1); ``bandwidths`` the step bandwidths (default: a √2-geometric grid from the
    shortest up to n/4); ``max_segment`` the longest short segment scanned (default 2·shortest); ``flank``
    the periods on either side a segment is compared with (default 2·shortest); ``n_boot`` bootstrap
    series; ``max_rounds`` the most rounds of re-estimation; ``random_state`` the seed (the result is
    reproducible).

    Fitted: ``breakpoints_`` (index of the first period of each new segment), ``segments_`` (start, end,
    mean), ``statistics_`` (the statistic that found each change point), ``kinds_`` ('step', 'segment' or
    'cusum'), ``pvalues_`` (share of bootstrap series whose largest statistic reaches it: a p-value adjusted
    for searching every position and window), ``threshold_``, ``noise_`` (the fitted noise model).
    """

    def __init__(self, min_size: int = 3, alpha: float = 0.04, bandwidths: list[int] | None = None,
                 max_segment: int | None = None, flank: int | None = None, n_boot: int = 499,
                 max_rounds: int = 3, random_state: int = 0) -> None:
        self.min_size = min_size
        self.alpha = alpha
        self.bandwidths = bandwidths
        self.max_segment = max_segment
        self.flank = flank
        self.n_boot = n_boot
        self.max_rounds = max_rounds
        self.random_state = random_state

    def _validate(self) -> None:
        owner = "ChangePoints"
        for name, lo, hi in (("min_size", 1, 365), ("n_boot", 19, 100000), ("max_rounds", 1, 20),
                             ("random_state", 0, 2**32 - 1)):
            v = getattr(self, name)
            if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or not lo <= v <= hi:
                raise InvalidParameter(name, owner, f"an int in [{lo}, {hi}]", v)
        for name in ("max_segment", "flank"):
            v = getattr(self, name)
            if v is not None and (not isinstance(v, (int, np.integer)) or isinstance(v, bool) or v < self.min_size):
                raise InvalidParameter(name, owner, f"an int >= min_size ({self.min_size})", v)
        if self.bandwidths is not None and (not len(self.bandwidths) or any(
                not isinstance(g, (int, np.integer)) or g < 1 for g in self.bandwidths)):
            raise InvalidParameter("bandwidths", owner, "a non-empty list of positive ints", self.bandwidths)
        if not isinstance(self.alpha, float) or not 0 < self.alpha < 1:
            raise InvalidParameter("alpha", owner, "a float in (0, 1)", self.alpha)

    # -- pieces ----------------------------------------------------------------------------------------
    def _null_series(self, z: np.ndarray, noise: _Noise) -> np.ndarray:
        """``n_boot`` series without change: Gaussian series with the fitted dependence whose values are then
        replaced, rank for rank, by the data's residuals (amplitude-adjusted surrogates), so that they keep
        the data's distribution exactly — its skew, its ties, the zeros of low counts."""
        rng = np.random.default_rng(self.random_state)
        e = np.sort(_split_residuals(z[None, :], self.shortest_)[0])
        B = self.n_boot
        Y = _latent_ar(np.full(B, float(noise.phi[0])), np.full(B, float(noise.kappa[0])), len(z), rng)
        return e[np.argsort(np.argsort(Y, axis=1), axis=1)]

    def _null_max(self, z: np.ndarray, noise: _Noise) -> np.ndarray:
        """The largest |statistic| of each of ``n_boot`` series simulated from the noise model without
        change, each with its own noise estimate."""
        Zb = self._null_series(z, noise)
        return self.scan_.max_stat(Zb, _Noise(Zb, self.scan_.H, self.shortest_).acov)

    def _select(self, z: np.ndarray, acov: np.ndarray, c: float) -> list[tuple[float, list[int], str]]:
        """Forward selection: (statistic, new change points, kind) until no statistic exceeds c."""
        n, ms = len(z), self.min_size
        accepted: list[int] = []
        found: list[tuple[float, list[int], str]] = []
        for _ in range(n // ms):
            edges = [0, *sorted(accepted), n]
            r = z.copy()
            for lo, hi in zip(edges[:-1], edges[1:], strict=True):
                r[lo:hi] -= z[lo:hi].mean()
            best: tuple[float, list[int], str] | None = None
            for j, (k, T) in enumerate(self.scan_.stats(r[None, :], acov, edges)):
                kind, m, _ = self.scan_.items[j]
                for i in np.argsort(-np.abs(T[0])):
                    t = abs(float(T[0, i]))
                    if t <= c or (best is not None and t <= best[0]):
                        break
                    if kind == "segment":
                        pts = [int(k[i]), int(k[i] + m)]
                    elif kind == "cusum":
                        lo = max(e for e in edges if e < k[i])
                        hi = min(e for e in edges if e > k[i])
                        pts = [_ls_split(z, lo, hi, m)]
                    else:
                        pts = [int(k[i])]
                    new = [p for p in pts if ms <= p <= n - ms and all(abs(p - q) >= ms for q in accepted)]
                    if new:
                        best = (t, new, kind)
                        break
            if best is None:
                break
            accepted.extend(best[1])
            found.append(best)
        return found

    def _refine(self, z: np.ndarray, bkps: list[int], reach: int) -> list[int]:
        """Move each change point to the least-squares split between its neighbours, within ``reach``."""
        bkps = sorted(bkps)
        n, ms = len(z), self.min_size
        C = np.r_[0.0, np.cumsum(z)]
        C2 = np.r_[0.0, np.cumsum(z ** 2)]

        def sse(a: int, b: int) -> float:
            return float(C2[b] - C2[a] - (C[b] - C[a]) ** 2 / (b - a))

        for _ in range(2):
            for i in range(len(bkps)):
                lo = bkps[i - 1] if i else 0
                hi = bkps[i + 1] if i + 1 < len(bkps) else n
                cand = range(max(lo + ms, bkps[i] - reach), min(hi - ms, bkps[i] + reach) + 1)
                if len(cand):
                    bkps[i] = min(cand, key=lambda k: (sse(lo, k) + sse(k, hi), abs(k - bkps[i])))
        return bkps

    def _support(self, z: np.ndarray, bkps: list[int], i: int, g: np.ndarray, longest: int) -> float:
        """How clearly change point i stands in the segmentation: the larger of the standardised shift
        between its two segments and, when a segment next to it is short (≤ ``longest``), that segment's
        mean against the segments on both its sides."""
        edges = [0, *bkps, len(z)]
        lens = [b - a for a, b in zip(edges[:-1], edges[1:], strict=True)]
        mean = [float(z[a:b].mean()) for a, b in zip(edges[:-1], edges[1:], strict=True)]
        best = abs(mean[i + 1] - mean[i]) / np.sqrt(_block_var(g, lens[i:i + 2], [-1 / lens[i], 1 / lens[i + 1]]))
        for mid in (i, i + 1):
            if 0 < mid < len(lens) - 1 and lens[mid] <= longest:
                w = [-0.5 / lens[mid - 1], 1 / lens[mid], -0.5 / lens[mid + 1]]
                d = mean[mid] - 0.5 * (mean[mid - 1] + mean[mid + 1])
                best = max(best, abs(d) / np.sqrt(_block_var(g, lens[mid - 1:mid + 2], w)))
        return float(best)

    def _prune(self, z: np.ndarray, bkps: list[int], keep: list[bool], g: np.ndarray, c: float,
               longest: int) -> list[int]:
        """Drop, weakest first, the change points that do not stand above c once the others are in place —
        except those of ``keep`` (the first found: the answer to the calibrated test that anything changed)."""
        bkps, keep = list(bkps), list(keep)
        while not all(keep):
            sup = [np.inf if keep[i] else self._support(z, bkps, i, g, longest) for i in range(len(bkps))]
            j = int(np.argmin(sup))
            if sup[j] > c:
                break
            bkps.pop(j)
            keep.pop(j)
        return bkps

    # -- fit ---------------------------------------------------------------------------------------------
    def fit(self, z: Any) -> ChangePoints:
        self._validate()
        z = np.asarray(z, dtype=float).ravel()
        n = len(z)
        shortest = 2 * self.min_size + 1
        self.shortest_ = shortest
        bw = sorted(set(self.bandwidths)) if self.bandwidths is not None else default_bandwidths(n, shortest)
        longest = self.max_segment if self.max_segment is not None else 2 * shortest
        flank = self.flank if self.flank is not None else 2 * shortest
        try:
            self.scan_ = _Scan(n, bw, list(range(self.min_size, longest + 1)), flank, shortest)
        except _TooShort:
            from fulcrum.analyze.linkage import InsufficientData
            raise InsufficientData(f"ChangePoints needs at least {2 * shortest + 1} periods; got {n}.") from None
        self.breakpoints_, self.statistics_, self.kinds_, self.pvalues_ = [], [], [], []
        self.threshold_, self.null_max_, self.noise_, self.acov_ = float("nan"), np.zeros(0), None, None
        self.rounds_ = 0
        self._fitted: tuple[np.ndarray, _Noise] | None = None
        if np.std(z) > 0:
            bkps: list[int] = []
            seen: list[list[int]] = []
            for rnd in range(1, self.max_rounds + 1):
                self.rounds_ = rnd
                e = _residuals(z, bkps)
                noise = _Noise(e[None, :], self.scan_.H, shortest)
                self.null_max_ = self._null_max(e, noise)
                self.threshold_ = c = _mc_threshold(self.null_max_, self.alpha)
                self.acov_, self.noise_ = noise.acov[0], noise.describe()
                self._fitted = (e, noise)
                found = self._select(z, noise.acov, c)
                pts = sorted(p for f in found for p in f[1])
                first = {p for p in found[0][1]} if found else set()
                new = self._refine(z, pts, shortest)          # keeps the order of the change points
                keep = [p in first for p in pts]
                new = self._prune(z, new, keep, self.acov_, c, longest)
                done = not new or new == bkps or new in seen
                seen.append(new)
                bkps = new
                if done:
                    break
            self.breakpoints_ = bkps
            for b in self.breakpoints_:   # each keeps the statistic that found it (or the point it was moved from)
                t, _, kind = min(((t, p, k) for t, pts, k in found for p in pts), key=lambda x: abs(x[1] - b))
                self.statistics_.append(t)
                self.kinds_.append(kind)
                self.pvalues_.append(float((1 + np.sum(self.null_max_ >= t)) / (1 + len(self.null_max_))))
        edges = [0, *self.breakpoints_, n]
        self.segments_ = [(a, b, float(z[a:b].mean())) for a, b in zip(edges[:-1], edges[1:], strict=True)]
        return self

    # -- output -------------------------------------------------------------------------------------------
    def shift_se(self, left: int, right: int) -> float:
        """Standard error, under the fitted noise model, of the difference between the means of two adjacent
        stretches of ``left`` and ``right`` periods."""
        if self.acov_ is None:
            return float("nan")
        return float(np.sqrt(_block_var(self.acov_, [left, right], [-1 / left, 1 / right])))

    def window_test(self, start: int, end: int, z: Any, flank: int | None = None) -> dict[str, Any]:
        """A test at a window fixed in advance, not searched for: the mean of z[start:end] against the
        ``flank`` periods on either side (default the scan's; shortened at the ends of the series),
        standardised under the fitted noise model.  ``p`` is two-sided, from the same bootstrap series as the
        threshold (each standardised with its own noise estimate); ``p_normal`` from the normal distribution."""
        if self._fitted is None:
            raise InvalidParameter("z", "ChangePoints.window_test", "a series the estimator was fitted to "
                                   "(non-constant)", "unfitted")
        z = np.asarray(z, dtype=float).ravel()
        n, m = len(z), end - start
        if not (0 <= start < end <= n):
            raise InvalidParameter("start/end", "ChangePoints.window_test", f"0 <= start < end <= {n}", (start, end))
        h = flank if flank is not None else (self.flank if self.flank is not None else 2 * self.shortest_)
        hl, hr = min(h, start), min(h, n - end)
        if hl + hr == 0:
            raise InvalidParameter("start/end", "ChangePoints.window_test", "a window with periods around it",
                                   (start, end))
        lens = [x for x in (hl, m, hr) if x]
        wl, wr = (0.5 / hl if hl and hr else 1.0 / hl if hl else 0.0), (0.5 / hr if hl and hr else 1.0 / hr if hr else 0.0)
        w = ([-wl] if hl else []) + [1.0 / m] + ([-wr] if hr else [])

        def stat(x: np.ndarray, g: np.ndarray) -> float:
            d = x[start:end].mean() - (wl * x[start - hl:start].sum() + wr * x[end:end + hr].sum())
            return float(d / np.sqrt(_block_var(g, lens, w)))

        e, noise = self._fitted
        t = stat(z, noise.acov[0])
        Zb = self._null_series(e, noise)
        gb = _Noise(Zb, self.scan_.H, self.shortest_).acov
        tb = np.array([stat(Zb[b], gb[b]) for b in range(len(Zb))])
        diff = float(z[start:end].mean() - (wl * z[start - hl:start].sum() + wr * z[end:end + hr].sum()))
        from scipy.stats import norm
        return {"start": start, "end": end, "flank": [hl, hr], "effect": diff, "statistic": t,
                "p": float((1 + np.sum(np.abs(tb) >= abs(t))) / (1 + len(tb))), "p_normal": float(2 * norm.sf(abs(t)))}

    def describe(self) -> dict[str, Any]:
        """The scan's settings, threshold and fitted noise, JSON-ready."""
        items = self.scan_.items
        return {"alpha": self.alpha, "threshold": _num(self.threshold_), "n_boot": self.n_boot,
                "bandwidths": [a for k, a, _ in items if k == "step"],
                "segment_lengths": [a for k, a, _ in items if k == "segment"],
                "flank": next((h for k, _, h in items if k == "segment"), None),
                "noise": self.noise_, "statistics": [float(t) for t in self.statistics_],
                "found_by": list(self.kinds_), "p_adjusted": [float(p) for p in self.pvalues_]}


def _num(v: float) -> float | None:
    return float(v) if np.isfinite(v) else None
