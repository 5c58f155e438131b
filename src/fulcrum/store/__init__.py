"""Storage: the DuckDB file every stage reads and writes."""

from fulcrum.store.duck import DEFAULT_DB, MergeCounts, Store, default_db_path
from fulcrum.store.maintenance import OptimizeReport, TableLayout

__all__ = ["DEFAULT_DB", "MergeCounts", "OptimizeReport", "Store", "TableLayout", "default_db_path"]
