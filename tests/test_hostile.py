"""
Hostile input through the real command line: refused in one line, bounded.

Each file in ``tests/hostile/`` is an attack or a broken encoding seen in
the wild; the larger ones (deep nesting, a 200 MB file) are made here. The
command runs as its own process so that a crash, a traceback, a hang or a
memory blow-up is seen as a user would see it.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import NamedTuple

import pytest

HOSTILE = Path(__file__).parent / "hostile"

#: Far above the ~30 MB the command needs, far below what an attack takes.
MAX_MEMORY_KB = 200 * 1024
#: A hang guard, not a speed test: each of these runs in well under a second.
TIMEOUT_SECONDS = 60

_DOCTYPE = "a DOCTYPE is not supported"

#: The refused files, and what the one-line reason says.
REFUSED = {
    "billion-laughs.xml": _DOCTYPE,
    "quadratic-blowup.xml": _DOCTYPE,
    "xxe-file.xml": _DOCTYPE,
    "xxe-http.xml": _DOCTYPE,
    "external-dtd.xml": _DOCTYPE,
    "parameter-entity.xml": _DOCTYPE,
    "xinclude.xml": "no headline",
    "invalid-utf8.xml": "Invalid bytes in character encoding",
    "lying-encoding.xml": "line 1, column 38",
    "utf16-no-bom.xml": "no headline",
    "nul-in-text.xml": "line 2, column 56",
    "control-chars.json": "Invalid control character",
    "invalid-utf8.json": "line 1, column 18: expected UTF-8, found byte 0xe9",
    "utf16-bom.json": "expected UTF-8, found UTF-16 or UTF-32",
    "utf16-no-bom.json": "expected UTF-8, found UTF-16 or UTF-32",
    "duplicate-keys.json": "duplicate key 'headline'",
    "huge-number.json": "a number is too long",
    "nan.json": "NaN is not a JSON number",
}

#: The files read with a warning that names what was removed.
CLEANED = {
    "lone-surrogate.json": "$.headline: characters XML 1.0 cannot carry were removed",
    "script-body.json": "markup removed: <iframe>, <script>, <style>",
}


class Finished(NamedTuple):
    code: int
    out: str
    err: str
    peak_kb: int


def newsmodel(*argv: str, stdin: Path | None = None, tmp_path: Path) -> Finished:
    """Run the command line to the end and measure its peak memory."""
    out, err = tmp_path / "out", tmp_path / "err"
    with out.open("wb") as o, err.open("wb") as e:
        source = (stdin or Path(os.devnull)).open("rb")
        with source:
            pid = os.posix_spawn(
                sys.executable,
                [sys.executable, "-m", "newsmodel", *argv],
                dict(os.environ),
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, source.fileno(), 0),
                    (os.POSIX_SPAWN_DUP2, o.fileno(), 1),
                    (os.POSIX_SPAWN_DUP2, e.fileno(), 2),
                ],
            )
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
            pytest.fail(f"newsmodel {' '.join(argv)} ran for over {TIMEOUT_SECONDS} s")
        time.sleep(0.02)
    return Finished(
        os.waitstatus_to_exitcode(status),
        out.read_text(encoding="utf-8", errors="replace"),
        err.read_text(encoding="utf-8", errors="replace"),
        usage.ru_maxrss,
    )


def assert_refused(finished: Finished, name: str, reason: str, stream: str) -> None:
    text = finished.out if stream == "out" else finished.err
    assert 1 == finished.code, finished
    assert "Traceback" not in finished.out + finished.err
    assert any(name in line and reason in line for line in text.splitlines()), text
    assert finished.peak_kb < MAX_MEMORY_KB


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_convert_refuses_in_one_line(name: str, tmp_path: Path) -> None:
    path = HOSTILE / name
    finished = newsmodel("convert", str(path), "--to", "json", tmp_path=tmp_path)
    assert_refused(finished, str(path), REFUSED[name], "err")
    assert "" == finished.out
    assert 1 == len(finished.err.splitlines())


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_validate_refuses(name: str, tmp_path: Path) -> None:
    path = HOSTILE / name
    finished = newsmodel("validate", str(path), tmp_path=tmp_path)
    assert 1 == finished.code
    assert "Traceback" not in finished.out + finished.err
    assert finished.out.startswith(str(path))
    assert finished.out.endswith("checked 1 file: 0 valid, 1 invalid\n")
    assert finished.peak_kb < MAX_MEMORY_KB


def test_every_hostile_file_is_expected_somewhere() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted({**REFUSED, **CLEANED})


@pytest.mark.parametrize("name", sorted(CLEANED))
def test_unsafe_parts_are_removed_and_named(name: str, tmp_path: Path) -> None:
    path = HOSTILE / name
    finished = newsmodel("convert", str(path), "--to", "json", tmp_path=tmp_path)
    assert 0 == finished.code
    assert f"{path}: warning: " in finished.err
    assert CLEANED[name] in finished.err
    for unsafe in ("\\ud800", "<script", "onclick", "onerror", "javascript:", "data:", "iframe"):
        assert unsafe not in finished.out
    strict = newsmodel("convert", str(path), "--to", "json", "--strict", tmp_path=tmp_path)
    assert (1, "") == (strict.code, strict.out)


def test_entities_never_reach_the_output(tmp_path: Path) -> None:
    finished = newsmodel(
        "convert", str(HOSTILE / "xxe-file.xml"), "--to", "json", tmp_path=tmp_path
    )
    assert "root:" not in finished.out + finished.err


@pytest.mark.parametrize(
    ("name", "document", "reason"),
    [
        (
            "deep.xml",
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">'
            + "<a>" * 100_000
            + "</a>" * 100_000
            + "</newsItem>",
            "Excessive depth in document: 256",
        ),
        ("deep.json", '{"headline": ' + "[" * 100_000 + "]" * 100_000 + "}", "nesting is too deep"),
        (
            "deep-objects.json",
            '{"@context": "https://schema.org", "@type": "NewsArticle", "about": '
            + '{"a": ' * 100_000
            + "1"
            + "}" * 100_000
            + "}",
            "nesting is too deep",
        ),
    ],
)
def test_deep_nesting_is_refused(name: str, document: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(document, encoding="utf-8")
    convert = newsmodel("convert", str(path), "--to", "json", tmp_path=tmp_path)
    assert_refused(convert, str(path), reason, "err")
    validate = newsmodel("validate", str(path), tmp_path=tmp_path)
    assert_refused(validate, str(path), reason, "out")


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as huge:
        huge.truncate(200 * 2**20)  # sparse: the test does not need 200 MB of disk
    for finished, stream in (
        (newsmodel("convert", str(path), "--to", "json", tmp_path=tmp_path), "err"),
        (newsmodel("validate", str(path), tmp_path=tmp_path), "out"),
        (newsmodel("inspect", str(path), tmp_path=tmp_path), "err"),
    ):
        assert_refused(finished, str(path), "over the limit of 67,108,864", stream)
        assert finished.peak_kb < 100 * 1024  # it was never read


def test_standard_input_is_read_only_to_the_limit(tmp_path: Path) -> None:
    source = tmp_path / "input.json"
    source.write_bytes(b" " * 5_000)
    finished = newsmodel(
        "validate", "-", "--format", "json", "--max-bytes", "1000", stdin=source, tmp_path=tmp_path
    )
    assert_refused(finished, "-", "1,001 bytes or more, over the limit of 1,000", "out")


def test_the_limit_can_be_raised(tmp_path: Path) -> None:
    source = HOSTILE / "script-body.json"
    size = source.stat().st_size
    below = newsmodel(
        "convert", str(source), "--to", "json", "--max-bytes", str(size - 1), tmp_path=tmp_path
    )
    at = newsmodel(
        "convert", str(source), "--to", "json", "--max-bytes", str(size), tmp_path=tmp_path
    )
    assert (1, 0) == (below.code, at.code)
