"""The size limit in the library (the command line's is in test_hostile.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import newsmodel
from conftest import SEED_JSON
from newsmodel.errors import TooLargeError
from newsmodel.limits import DEFAULT_MAX_BYTES, check_size, read_input

if TYPE_CHECKING:
    from pathlib import Path


def test_the_default_is_64_mib() -> None:
    assert 64 * 1024 * 1024 == DEFAULT_MAX_BYTES


def test_text_is_measured_in_utf8_bytes() -> None:
    check_size("é" * 5, max_bytes=10)
    with pytest.raises(TooLargeError) as caught:
        check_size("é" * 6, max_bytes=10)
    assert (12, 10) == (caught.value.size, caught.value.limit)
    assert "the input is 12 bytes or more, over the limit of 10" == str(caught.value)


def test_loads_refuses_a_document_over_the_limit() -> None:
    data = SEED_JSON.read_bytes()
    assert newsmodel.loads(data, max_bytes=len(data)).headline
    with pytest.raises(TooLargeError):
        newsmodel.loads(data, max_bytes=len(data) - 1)


def test_validate_reports_a_document_over_the_limit() -> None:
    data = SEED_JSON.read_bytes()
    report = newsmodel.validate(data, max_bytes=100)
    assert not report.ok
    assert [f"the input is {len(data):,} bytes or more, over the limit of 100"] == [
        issue.message for issue in report.issues
    ]


def test_a_file_is_read_up_to_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 101)
    with pytest.raises(TooLargeError):
        read_input(str(big), max_bytes=100)
    assert b"x" * 101 == read_input(str(big), max_bytes=101)
