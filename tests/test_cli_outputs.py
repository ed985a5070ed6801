"""convert's outputs: what is at the path decides how it is written, and nothing is broken."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from conftest import SEED_JSON, run

if TYPE_CHECKING:
    import pytest

SEED = SEED_JSON.read_text(encoding="utf-8")


def _convert(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "convert", str(SEED_JSON), "--to", "json", *argv)


def test_a_regular_file_is_replaced_whole_keeping_its_permissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    before = target.stat().st_ino
    assert (0, "", "") == _convert(capsys, "-o", str(target))
    assert SEED == target.read_text(encoding="utf-8")
    assert 0o640 == stat.S_IMODE(target.stat().st_mode)
    assert before != target.stat().st_ino  # renamed into place, not rewritten in place
    assert [target] == list(tmp_path.iterdir())  # no temporary file left


def test_a_new_file_gets_the_usual_permissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "new.json"
    mask = os.umask(0o027)
    try:
        assert 0 == _convert(capsys, "-o", str(target))[0]
    finally:
        os.umask(mask)
    assert 0o640 == stat.S_IMODE(target.stat().st_mode)


def test_a_symlink_is_written_through_to_its_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "not-yet.json")
    assert 0 == _convert(capsys, "-o", str(link))[0]
    assert 0 == _convert(capsys, "-o", str(dangling))[0]
    assert link.is_symlink()
    assert dangling.is_symlink()
    assert SEED == real.read_text(encoding="utf-8")
    assert SEED == (tmp_path / "not-yet.json").read_text(encoding="utf-8")


def test_a_fifo_is_written_into_never_replaced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = _convert(capsys, "-o", str(fifo))
    reader.join(timeout=30)
    assert (0, "") == (code, err)
    assert [SEED.encode()] == received
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [fifo] == list(tmp_path.iterdir())


def test_dev_null_stays_a_device() -> None:
    # A real process, as a user (or root, where the old code replaced it) would run it.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsmodel",
            "convert",
            str(SEED_JSON),
            "--to",
            "json",
            "-o",
            os.devnull,
        ],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert (0, b"", b"") == (done.returncode, done.stdout, done.stderr)
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert (0, SEED, "") == _convert(capsys, "-o", "-")


def test_a_folder_is_not_an_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _convert(capsys, "-o", str(tmp_path))
    assert (1, "") == (code, out)
    assert f"{tmp_path}: is a folder; give a file name, or use --out-dir\n" == err


def test_out_dir_on_a_file_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    existing = tmp_path / "somefile"
    existing.write_text("keep")
    code, _, err = _convert(capsys, "--out-dir", str(existing))
    assert 1 == code
    assert (
        f"{existing}: is a file, not a folder; --out-dir needs a folder (or use -o for one file)\n"
        == err
    )
    assert "keep" == existing.read_text()


def test_the_input_is_never_overwritten_through_a_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "story.json"
    source.write_text(SEED, encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(source)
    code, _, err = run(capsys, "convert", str(source), "--to", "jsonld", "-o", str(link))
    assert 1 == code
    assert f"{link}: refusing to overwrite an input\n" == err.splitlines(keepends=True)[-1]
    assert SEED == source.read_text(encoding="utf-8")


def test_a_reader_that_stops_early_stops_convert_quietly(tmp_path: Path) -> None:
    # `newsmodel convert feed.jsonl --to json | head -1`
    line = SEED_JSON.read_text(encoding="utf-8").replace("\n", " ")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(f"{line}\n" * 300, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "newsmodel", "convert", str(feed), "--to", "jsonld"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    assert child.stdout.readline().startswith(b"{")
    child.stdout.close()
    errors = child.stderr.read().decode()
    child.stderr.close()
    assert 1 == child.wait()
    assert "Traceback" not in errors
    assert "Broken pipe" not in errors
