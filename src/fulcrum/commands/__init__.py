"""CLI command groups beyond the core ones in :mod:`fulcrum.cli`.

Every module here defines ``register(app: typer.Typer) -> None``, which adds its commands; ``fulcrum.cli``
registers all of them at import.  Commands stay thin: open the workspace with ``fulcrum.cli.workspace``,
call one library function, print.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def register_all(app: Any) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}").register(app)
