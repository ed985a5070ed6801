"""
A bug in newsmodel ends the command line in one line that asks for a report.

No input makes newsmodel fail this way once its bugs are fixed, so a reader
is made to raise what a bug would (a fault injected for the test).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import SEED_JSON, run
from newsmodel.formats import json as native_json

if TYPE_CHECKING:
    from pathlib import Path


def _break_the_json_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> object:
        forgotten: dict[str, object] = {}
        return forgotten["a key the code forgot"]

    monkeypatch.setattr(native_json, "read_items", broken)


@pytest.mark.parametrize("command", ["convert", "inspect", "quotes"])
def test_a_bug_is_one_line_naming_the_input(
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("NEWSMODEL_DEBUG", raising=False)
    _break_the_json_reader(monkeypatch)
    other = tmp_path / "other.json"
    other.write_bytes(SEED_JSON.read_bytes())
    extra = ["--to", "jsonld"] if command == "convert" else []
    inputs = [str(SEED_JSON)] if command == "inspect" else [str(SEED_JSON), str(other)]
    code, _, err = run(capsys, command, *extra, *inputs)
    assert 1 == code
    assert 1 == len(err.splitlines()), err
    assert "Traceback" not in err
    assert "internal error (KeyError: 'a key the code forgot')" in err
    assert str(SEED_JSON) in err
    assert "please report it" in err


def test_the_traceback_is_shown_when_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSMODEL_DEBUG", "1")
    _break_the_json_reader(monkeypatch)
    with pytest.raises(KeyError, match="a key the code forgot"):
        run(capsys, "inspect", str(SEED_JSON))
