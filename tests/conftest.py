"""Shared fixtures: Hypothesis profiles, the shared folder, the CLI runner."""

from __future__ import annotations

import io
import os
import tracemalloc
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

import pytest
from hypothesis import HealthCheck, settings

from newsmodel.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterator

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


def assert_memory_flat(
    document: Callable[[int], bytes], read: Callable[[IO[bytes]], Iterator[object]], count: int
) -> None:
    """Streaming ten times *count* items must not take anywhere near ten times the memory."""
    peaks = []
    for wanted in (count, 10 * count):
        source = io.BytesIO(document(wanted))  # made before memory is traced
        tracemalloc.start()
        found = sum(1 for _ in read(source))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert wanted == found
        peaks.append(peak)
    assert peaks[1] < 2 * peaks[0], peaks


def when(text: str | None) -> datetime | None:
    """
    A date-time as a document gives it, parsed by the standard library.

    Expectations parse with ``strptime``, not the readers' own parsing, so
    that a date is compared as a date whatever its written form.
    """
    if text is None:
        return None
    if "." in text:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z")
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in this process: its exit code, output and errors."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# Under CI=true nothing may be skipped: what a test needs must be there.
CI = os.environ.get("CI", "").lower() == "true"


def missing(reason: str) -> NoReturn:
    """Skip for want of *reason*'s tool or data; under CI=true, fail instead."""
    if CI:
        pytest.fail(f"{reason} (CI=true: nothing may be skipped)", pytrace=False)
    pytest.skip(reason)


def need(path: Path) -> Path:
    """*path*, which lies in ``../shared``: a skip without it, a failure under CI=true."""
    if not path.exists():
        missing(f"{path} is absent: ../shared ({SHARED}) holds the reference data")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared reference folder beside the checkout."""
    return need(SHARED)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under CI=true a run without ``../shared`` fails at once, saying so."""
    del session
    if CI and not SHARED.is_dir():
        pytest.exit(
            f"../shared ({SHARED}) is absent: CI=true runs every test, and the corpus, "
            "official schemas and quotation data they read are there",
            returncode=1,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Under CI=true a skip, however it came (a mark, an empty parameter set), fails."""
    del item, call
    report = yield
    if CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true: {report.longrepr}"
    return report
