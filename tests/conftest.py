"""Shared fixtures: Hypothesis profiles, the shared folder, the CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

import pytest
from hypothesis import HealthCheck, settings

from newsmodel.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterator

# "ci" is the default; FAST=1 for quick local runs; FUZZ=1 for long ones;
# MUTATION=1 for mutmut, which needs the same examples for every mutant.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=20, deadline=None)
settings.register_profile("long", max_examples=5_000, deadline=None)
settings.register_profile(
    "mutation",
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(
    "fast"
    if os.environ.get("FAST") == "1"
    else "long"
    if os.environ.get("FUZZ")
    else "mutation"
    if os.environ.get("MUTATION")
    else "ci"
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_JSON = EXAMPLES / "seed-article.json"
# Beside the checkout; mutmut runs the tests from a copy in mutants/, so it can be named.
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or ROOT.parent / "shared")


# Run in a child: stream a file with a reader, then print the items and VmHWM.
_STREAM_AND_MEASURE = r"""
import importlib, re, sys
module, name = sys.argv[1].split(":")
read = getattr(importlib.import_module(module), name)
with open(sys.argv[2], "rb") as source:
    found = sum(1 for _ in read(source))
with open("/proc/self/status") as status:
    peak = re.search(r"VmHWM:\s+(\d+) kB", status.read())
print(found, int(peak.group(1)) * 1024 if peak else -1)
"""


def json_error(text: str) -> tuple[str, int, int]:
    """
    What this Python's json module says of a broken document: message, line, column.

    Python 3.13 words some errors its own way (it names a trailing comma) and
    places them elsewhere, so tests ask it rather than pin one version's words.
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return error.msg, error.lineno, error.colno
    msg = f"{text!r} is valid JSON"
    raise AssertionError(msg)


def assert_memory_flat(
    document: Callable[[int], bytes],
    read: Callable[[IO[bytes]], Iterator[object]],
    count: int,
    tmp_path: Path,
) -> None:
    """
    Streaming ten times *count* items must take hardly more memory than *count*.

    Memory is the peak resident size (VmHWM) of a child process that does
    nothing else: unlike tracemalloc it counts what libxml2 allocates.  Both
    children load the same modules, so the difference of their peaks is
    what the nine times *count* extra items cost; kept in memory, they would
    cost more than their own size, not under a quarter of it.
    """
    peaks, sizes = [], []
    for wanted in (count, 10 * count):
        path = tmp_path / f"{wanted}.items"
        path.write_bytes(document(wanted))
        child = subprocess.run(
            [sys.executable, "-c", _STREAM_AND_MEASURE, f"{read.__module__}:{read.__name__}", path],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        found, peak = map(int, child.stdout.split())
        if peak < 0:
            missing("/proc/self/status has no VmHWM: peak memory cannot be measured here")
        assert wanted == found
        peaks.append(peak)
        sizes.append(path.stat().st_size)
    growth, extra = peaks[1] - peaks[0], sizes[1] - sizes[0]
    assert growth < extra / 4, f"{growth:,} bytes more for {extra:,} bytes more input"


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
