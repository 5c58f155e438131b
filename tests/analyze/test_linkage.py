"""Linkage tests on simulated series: the estimator contract, recovery of a known link, honest summaries,
multiple-testing corrections and change points."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.multitest import multipletests

from fulcrum.analyze import (
    ChangePoints,
    EventStudy,
    GrangerTest,
    InsufficientData,
    LagProfile,
    LeadLag,
    LinkageAnalysis,
    simulate_series,
)
from fulcrum.analyze.linkage import escalation_scale
from fulcrum.analyze.stats import benjamini_hochberg, holm
from fulcrum.errors import InvalidParameter


@pytest.fixture(scope="module")
def linked() -> pd.DataFrame:
    return simulate_series(240, effect=-0.25, lag=3, rng=7)


@pytest.fixture(scope="module")
def fitted(linked) -> LinkageAnalysis:
    return LinkageAnalysis().fit(linked)


def test_estimators_follow_the_sklearn_contract(linked):
    y, x = np.log1p(linked.escalation.to_numpy()), linked.negotiation.to_numpy()
    for est in (LeadLag(max_lag=5), GrangerTest(max_lag=5, bootstrap=99), LagProfile(max_lag=5)):
        params = est.get_params()
        assert est.fit(y, x) is est
        assert est.get_params() == params  # fit does not touch parameters
        assert any(k.endswith("_") and not k.startswith("_") for k in vars(est))
    assert EventStudy(window=5).fit(y, {"a": [50, 100, 150]}) .results_["a"]["n_events"] == 3
    assert ChangePoints().fit(y).breakpoints_ == ChangePoints().fit(y).breakpoints_


@pytest.mark.parametrize("est, msg", [
    (GrangerTest(max_lag=0), "'max_lag' parameter of GrangerTest must be an int in [1, 60]. Got 0 instead."),
    (GrangerTest(lag=9, max_lag=7), "'lag' parameter of GrangerTest must be an int in [1, 7]"),
    (LagProfile(cov="robust"), "'cov' parameter of LagProfile must be one of 'hac', 'classical'"),
    (LeadLag(level=95), "'level' parameter of LeadLag must be a float in [0.5, 1)"),
])
def test_bad_parameters_name_the_parameter_the_value_and_the_range(linked, est, msg):
    with pytest.raises(InvalidParameter, match=re.escape(msg)):
        est.fit(linked.escalation, linked.negotiation)


def test_a_known_link_is_found_at_its_lag_with_its_sign(fitted):
    d = fitted.to_dict()
    g = d["granger"]["negotiation_to_escalation"]
    assert g["p_adjusted"] < 0.02 and g["effect"] < 0 and g["ci"][0] < -0.25 < g["ci"][1] + 0.1
    assert fitted.lag_profile_.peak_lag_ == 3 and fitted.lag_profile_.peak_coef_ < 0
    lo, hi = fitted.lag_profile_.ci_[2]
    assert lo < -0.25 < hi
    assert d["lead_lag"]["lag"] == 3
    assert d["detected"] is True


def test_json_has_the_documented_keys_and_is_serialisable(fitted):
    d = fitted.to_dict()
    json.dumps(d, allow_nan=False)
    assert isinstance(d["changepoints"], list) and all(isinstance(c, str) for c in d["changepoints"])
    for direction in ("negotiation_to_escalation", "escalation_to_negotiation"):
        assert {"lags", "statistic", "p", "p_adjusted", "effect", "ci"} <= set(d["granger"][direction])
    assert set(d["event_study"]["kinds"]) == {"agreement", "stall", "breakdown"}
    assert isinstance(d["summary"], str) and d["summary"]
    for t in d["tests"]:
        assert {"effect", "ci", "p", "p_adjusted", "summary"} <= set(t)
        if t["in_family"]:
            assert t["p_adjusted"] >= t["p"]


def test_summaries_never_claim_causation(fitted):
    null = LinkageAnalysis().fit(simulate_series(240, effect=0.0, rng=3))
    for a in (fitted, null):
        texts = [a.summary_] + [t.summary for t in a.tests_]
        for text in texts:
            assert not re.search(r"\bcaus", text, flags=re.I), text
        assert "cannot show" in a.summary_ and "predictive precedence" in a.summary_
    if not null.detected_:
        assert "not evidence of absence" in null.summary_


def test_holm_and_bh_match_statsmodels():
    p = np.array([0.001, 0.04, 0.03, 0.2, 0.012, np.nan])
    ok = ~np.isnan(p)
    np.testing.assert_allclose(holm(p)[ok], multipletests(p[ok], method="holm")[1])
    np.testing.assert_allclose(benjamini_hochberg(p)[ok], multipletests(p[ok], method="fdr_bh")[1])
    assert np.isnan(holm(p)[-1])


def test_a_truce_is_a_distinct_low_period_with_change_points_at_its_ends():
    f = simulate_series(120, effect=0.0, rng=11, start="2023-10-07")
    truce = (f.index >= "2023-11-24") & (f.index <= "2023-11-30")
    f.loc[truce, "escalation"] = f.loc[truce, "escalation"] * 0.08
    cps = pd.to_datetime(LinkageAnalysis(event_study=False).fit(f).changepoint_dates())
    for day in ("2023-11-24", "2023-12-01"):
        assert min(abs((cps - pd.Timestamp(day)).days)) <= 1, (day, list(cps))


def test_stationary_noise_has_few_change_points():
    counts = [len(ChangePoints().fit(escalation_scale(simulate_series(240, 0.0, rng=s))).breakpoints_)
              for s in range(4)]
    assert np.mean(counts) <= 0.5


def test_too_little_data_says_what_is_needed():
    f = simulate_series(40, rng=1)
    with pytest.raises(InsufficientData, match="at least 48 periods"):
        LinkageAnalysis().fit(f)
    f = simulate_series(120, rng=1).assign(negotiation=0.0)
    with pytest.raises(InsufficientData, match="No negotiation events"):
        LinkageAnalysis().fit(f)


def test_event_study_finds_a_drop_after_agreements_and_not_on_placebos():
    rng = np.random.default_rng(5)
    y = rng.normal(3, 0.3, 300)
    days = np.arange(20, 280, 37)
    for d in days:
        y[d + 1:d + 8] -= 1.0
    es = EventStudy(window=7).fit(y, {"agreement": days, "placebo": days + 15})
    a, p = es.results_["agreement"], es.results_["placebo"]
    assert a["effect"] < -0.5 and a["ci"][1] < 0 and a["p"] < 0.05
    assert p["p"] > 0.01
