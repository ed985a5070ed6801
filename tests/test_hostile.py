"""
Hostile input through the real command line: refused in one line, bounded.

Each file in ``tests/hostile/`` is an attack or a broken encoding seen in
the wild; the larger ones (deep nesting, a 200 MB file) are made here. The
command runs as its own process so that a crash, a traceback, a hang or a
memory blow-up is seen as a user would see it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

import newsmodel as newsmodel_package
from conftest import missing

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
    "lone-surrogate.json": "$.headline: a lone surrogate (\\ud800) is not a character",
}

#: Read with a warning that names what was removed, refused under --strict.
CLEANED = {
    Path(__file__).parent / "data" / "unsafe-body.json": (
        "markup removed: <iframe>, <script>, <style>"
    ),
    Path(__file__).parent / "data" / "control-character.json": (
        "$.headline: characters XML 1.0 cannot carry were removed"
    ),
}


class Finished(NamedTuple):
    code: int
    out: str
    err: str
    peak_kb: int


# ``python -m newsmodel``, writing its memory high-water mark (VmHWM) on the
# way out. Not wait4's ru_maxrss: Linux carries the parent's peak into a
# child over fork and exec, so it would measure the test runner.
_RUN_AND_REPORT_PEAK = """
import atexit, os, runpy

def report():
    with open("/proc/self/status") as status, open(os.environ["PEAK_FILE"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM:")).split()[1])

atexit.register(report)
runpy.run_module("newsmodel", run_name="__main__", alter_sys=True)
"""


def newsmodel(*argv: str, stdin: Path | None = None, tmp_path: Path) -> Finished:
    """Run the command line to the end and measure its peak memory."""
    peak = tmp_path / "peak"
    with (stdin or Path(os.devnull)).open("rb") as source:
        try:
            finished = subprocess.run(
                [sys.executable, "-c", _RUN_AND_REPORT_PEAK, *argv],
                stdin=source,
                capture_output=True,
                env={**os.environ, "PEAK_FILE": str(peak)},
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"newsmodel {' '.join(argv)} ran for over {TIMEOUT_SECONDS} s")
    return Finished(
        finished.returncode,
        finished.stdout.decode(errors="replace"),
        finished.stderr.decode(errors="replace"),
        int(peak.read_text()),
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


def test_every_hostile_file_is_expected() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(REFUSED)


@pytest.mark.parametrize("path", sorted(CLEANED), ids=lambda path: path.name)
def test_unsafe_parts_are_removed_and_named(path: Path, tmp_path: Path) -> None:
    finished = newsmodel("convert", str(path), "--to", "json", tmp_path=tmp_path)
    assert 0 == finished.code
    assert f"{path}: warning: " in finished.err
    assert CLEANED[path] in finished.err
    for unsafe in (
        "\\u0007",
        "\a",
        "<script",
        "onclick",
        "onerror",
        "javascript:",
        "data:",
        "iframe",
    ):
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
    source = Path(__file__).parent / "data" / "control-character.json"
    size = source.stat().st_size
    below = newsmodel(
        "convert", str(source), "--to", "json", "--max-bytes", str(size - 1), tmp_path=tmp_path
    )
    at = newsmodel(
        "convert", str(source), "--to", "json", "--max-bytes", str(size), tmp_path=tmp_path
    )
    assert (1, 0) == (below.code, at.code)
    assert f"over the limit of {size - 1:,}" in below.err


def _opened_and_connected(log: str) -> tuple[set[str], list[str]]:
    opened = set(re.findall(r'openat\(AT_FDCWD, "([^"]+)", [^)]*\) = \d', log))
    sockets = re.findall(r"^\d+ +(?:socket|connect)\(.*$", log, re.MULTILINE)
    return opened, sockets


def _traced(command: list[str], tmp_path: Path) -> tuple[set[str], list[str]]:
    """Run *command* under strace: the files it opened, its sockets and connections."""
    strace = shutil.which("strace")
    if strace is None:
        missing("strace is not installed: the system calls cannot be watched")
    log = tmp_path / "strace.log"
    subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=openat,socket,connect", "-o", str(log), *command],
        cwd=tmp_path,
        capture_output=True,
        check=False,
        timeout=TIMEOUT_SECONDS,
    )
    traced = log.read_text() if log.is_file() else ""
    if not traced:
        missing("strace saw no system call: tracing is not allowed here (ptrace)")
    return _opened_and_connected(traced)


def test_the_tracer_sees_a_file_opened_and_a_connection_tried(tmp_path: Path) -> None:
    """The positive control: what the test below looks for, it would find."""
    target = tmp_path / "opened.txt"
    target.write_text("x")
    script = (
        f"import socket; open({str(target)!r}).read(); s = socket.socket();"
        " s.settimeout(0.2); s.connect_ex(('127.0.0.1', 9))"
    )
    opened, sockets = _traced([sys.executable, "-c", script], tmp_path)
    assert str(target) in opened
    assert any(call.split()[1].startswith("socket(") for call in sockets), sockets
    assert any(call.split()[1].startswith("connect(") for call in sockets), sockets


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_nothing_is_fetched_and_no_other_file_is_read(name: str, tmp_path: Path) -> None:
    """The system calls, seen by strace: no socket at all, no file but the input."""
    path = HOSTILE / name
    opened, sockets = _traced(
        [sys.executable, "-m", "newsmodel", "convert", str(path), "--to", "json"], tmp_path
    )
    assert str(path) in opened  # the tracer saw the input read: it sees what happens
    assert [] == sockets
    installed = (
        sys.prefix,
        sys.base_prefix,
        str(Path(newsmodel_package.__file__).parent.parent),
    )  # the package's folder and its parent, read on import
    system = (
        "/lib",
        "/usr/lib",
        "/usr/share/locale",
        "/etc/ld.so.cache",
        "/etc/localtime",
        "/sys/",
    )
    others = {p for p in opened if not p.startswith(installed + system)}
    assert others <= {str(path), str(tmp_path)}
