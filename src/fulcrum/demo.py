"""The sample corpus shipped with fulcrum: a fictional scenario written by us (see data/demo/README.md)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_path() -> Path:
    """The folder of the bundled demo reports."""
    return Path(str(resources.files("fulcrum") / "data" / "demo"))


def demo_files() -> list[Path]:
    """The report files of the demo corpus (its README is documentation, not a report)."""
    return sorted(p for p in demo_path().glob("*.md") if p.name[:1].isdigit())
