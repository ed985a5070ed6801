"""IPTC's own ninjs test suite: every should_pass file accepted, every should_fail file rejected."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, need, run

SUITE = SHARED / "ref" / "ninjs" / "test_suite"
VERSIONS = sorted(p.name for p in SUITE.iterdir()) if SUITE.is_dir() else []
# 3.2 has should_fail files only upstream.
PASSING = [v for v in VERSIONS if (SUITE / v / "should_pass").is_dir()]


def totals(out: str) -> tuple[int, int, int]:
    """The closing line's counts: files checked, valid, invalid."""
    found = re.fullmatch(r"checked (\d+) files?: (\d+) valid, (\d+) invalid", out.splitlines()[-1])
    assert found, out
    checked, valid, invalid = found.groups()
    return int(checked), int(valid), int(invalid)


def test_the_suite_has_every_version_folder() -> None:
    need(SUITE)
    assert 18 == len(VERSIONS)  # 1.0 to 1.8, 2.0 to 2.4, 3.0 to 3.3
    assert 17 == len(PASSING)


def _judge(capsys: pytest.CaptureFixture[str], version: str, kind: str) -> tuple[int, str, int]:
    """Validate one folder of the suite by its version's schema: exit code, output, file count."""
    folder = SUITE / version / kind
    code, out, _ = run(
        capsys, "validate", "--format", "ninjs", "--schema-version", version, "-j", "1", str(folder)
    )
    return code, out, len(list(folder.glob("*.json")))


@pytest.mark.parametrize("version", PASSING)
def test_every_should_pass_file_is_accepted(
    capsys: pytest.CaptureFixture[str], version: str
) -> None:
    code, out, count = _judge(capsys, version, "should_pass")
    assert count > 0
    assert (0, (count, count, 0)) == (code, totals(out))
    assert count == sum(f": valid: ninjs {version} " in line for line in out.splitlines())


@pytest.mark.parametrize("version", VERSIONS)
def test_every_should_fail_file_is_rejected(
    capsys: pytest.CaptureFixture[str], version: str
) -> None:
    code, out, count = _judge(capsys, version, "should_fail")
    assert count > 0
    assert (1, (count, 0, count)) == (code, totals(out))
    # Each rejection names the schema it comes from, or the JSON that does not parse.
    for line in out.splitlines()[:-1]:
        assert f": ninjs {version} schema: " in line or ": JSON: " in line, line
