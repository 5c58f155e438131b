"""Local and Dask execution of extraction over batches of articles.

The driver (:mod:`fulcrum.runner.driver`) owns the DuckDB store: it reads batches of articles, sends
them to workers (:mod:`fulcrum.runner.worker`), which annotate them with a pipeline loaded once per
process and return Parquet partitions (:mod:`fulcrum.runner.partitions`); the driver merges each one
into the store in one transaction.  See ``docs/scaling.md``.
"""

from fulcrum.runner.driver import (
    RunReport,
    dask_client,
    extract_distributed,
    parts_dir_for,
    recover_partitions,
    run_extraction,
)

__all__ = ["RunReport", "run_extraction", "extract_distributed", "dask_client", "parts_dir_for",
           "recover_partitions"]
