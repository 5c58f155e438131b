"""The HTML report: charts (inline Plotly plus PNG copies), tables, methods and caveats.

Imports analyze and store; never the CLI or the web layer.
"""

from fulcrum.report.build import ReportResult, build_report

__all__ = ["ReportResult", "build_report"]
