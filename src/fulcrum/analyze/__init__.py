"""Analysis: series from the store, linkage tests, validity simulation, forecasts.

Imports the model and the store only, never the CLI or the web.
"""

from fulcrum.analyze.linkage import (
    GRANGER_CAVEAT,
    ChangePoints,
    EventStudy,
    GrangerTest,
    ImpulseResponse,
    InsufficientData,
    LagProfile,
    LeadLag,
    LinkageAnalysis,
    TestResult,
)
from fulcrum.analyze.series import BASE_COLUMNS, FREQS, build_series, negotiation_events, track_changes
from fulcrum.analyze.simulate import (
    ChangePointSimulation,
    ValiditySimulation,
    simulate_counts,
    simulate_series,
)

__all__ = [
    "BASE_COLUMNS", "FREQS", "GRANGER_CAVEAT", "ChangePointSimulation", "ChangePoints", "EventStudy", "GrangerTest",
    "ImpulseResponse", "InsufficientData", "LagProfile", "LeadLag", "LinkageAnalysis", "TestResult", "ValiditySimulation",
    "build_series", "negotiation_events", "simulate_counts", "simulate_series", "track_changes",
]
