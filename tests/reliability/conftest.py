"""Fixtures of the reliability tests: the bad-input corpus, the helper scripts in ``scripts/``, and the
``fulcrum`` command run as a child process."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "data" / "bad"
GOOD = REPO / "tests" / "data" / "ingest"
SCRIPTS = REPO / "scripts"

if str(SCRIPTS) not in sys.path:  # the scripts are the single implementation the tests run
    sys.path.insert(0, str(SCRIPTS))


def script(name: str):
    return importlib.import_module(name)


@pytest.fixture(scope="session")
def common():
    return script("reliability_common")


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    return BAD


@pytest.fixture(scope="session")
def good_dir() -> Path:
    return GOOD
