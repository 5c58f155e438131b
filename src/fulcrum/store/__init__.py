"""Storage: the DuckDB file every stage reads and writes."""

from fulcrum.store.duck import DEFAULT_DB, Store, default_db_path

__all__ = ["DEFAULT_DB", "Store", "default_db_path"]
