"""fulcrum's exceptions.  Library code raises these; only the CLI prints and exits.

Every message names the thing, the value and, where there is one, the fix.
"""

from __future__ import annotations

__all__ = [
    "FulcrumError",
    "IngestError",
    "ModelError",
    "StoreError",
    "PipelineError",
    "InvalidParameter",
]


class FulcrumError(Exception):
    """Base class of every error fulcrum raises on purpose."""


class IngestError(FulcrumError):
    """One source (file, record, URL) could not be read.

    ``where`` names the file, and ``line`` the line or record number (1-based) when there is one.
    """

    def __init__(self, where: str, reason: str, line: int | None = None) -> None:
        self.where = where
        self.reason = reason
        self.line = line
        loc = f"{where}:{line}" if line is not None else where
        super().__init__(f"{loc}: {reason}")


class ModelError(FulcrumError):
    """The spaCy English pipeline is missing or is not the one fulcrum was built and measured with."""


class StoreError(FulcrumError):
    """The DuckDB store cannot be opened, migrated or written."""


class PipelineError(FulcrumError):
    """The extraction pipeline is misconfigured (unknown component, wrong order)."""


class InvalidParameter(FulcrumError, ValueError):
    """A parameter is out of range: ``InvalidParameter('lags', 'granger_test', 'an int in [1, 30]', 0)``."""

    def __init__(self, name: str, owner: str, expected: str, got: object) -> None:
        super().__init__(f"The {name!r} parameter of {owner} must be {expected}. Got {got!r} instead.")
