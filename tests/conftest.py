"""Shared fixtures: Hypothesis profiles, the shared folder, the CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from newsmodel.cli import main

# "ci" is the default; FAST=1 for quick local runs; FUZZ=1 for long ones.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=20, deadline=None)
settings.register_profile("long", max_examples=5_000, deadline=None)
settings.load_profile(
    "fast" if os.environ.get("FAST") == "1" else "long" if os.environ.get("FUZZ") else "ci"
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_JSON = EXAMPLES / "seed-article.json"
SHARED = ROOT.parent / "shared"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in this process: its exit code, output and errors."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shared() -> Path:
    """The shared reference folder beside the checkout, or a skip that says why."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: it holds the reference data this test reads")
    return SHARED
