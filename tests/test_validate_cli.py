"""``newsmodel validate``'s options for the standards: exit codes, one-line errors, what it says."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from conftest import SHARED, need, run

if TYPE_CHECKING:
    from pathlib import Path

CORPUS = SHARED / "corpus"
PICTURE = CORPUS / "ninjs" / "ap__turkey_islamic_state_image_ninjs30.json"
LISTING = CORPUS / "newsml-g2" / "iptc__listing01_news_item.xml"


def newsmodel(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("schema_text", "name", "expected"),
    [
        ("<not-closed", "broken.xsd", "not a schema newsmodel can use"),
        ("{", "broken.json", "not a schema newsmodel can use"),
        ('{"type": 12}', "odd.json", "not a schema newsmodel can use"),
        (
            '<schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"/>',
            "other.xsd",
            "an XSD of no format newsmodel validates",
        ),
    ],
)
def test_an_unusable_official_schema_is_a_usage_error(
    tmp_path: Path, schema_text: str, name: str, expected: str
) -> None:
    schema = tmp_path / name
    schema.write_text(schema_text)
    finished = newsmodel("validate", str(PICTURE), "--official-schema", str(schema))
    assert (2, "") == (finished.returncode, finished.stdout)
    (line,) = finished.stderr.splitlines()
    assert expected in line
    assert str(schema) in line


def test_a_missing_official_schema_is_a_usage_error(tmp_path: Path) -> None:
    finished = newsmodel("validate", str(PICTURE), "--official-schema", str(tmp_path / "no.xsd"))
    assert 2 == finished.returncode
    assert ["No such file or directory"] == [
        line.rpartition(": ")[2] for line in finished.stderr.splitlines()
    ]


def test_an_unknown_schema_version_is_a_usage_error() -> None:
    finished = newsmodel("validate", str(PICTURE), "--schema-version", "3.9")
    assert 2 == finished.returncode
    (line,) = finished.stderr.splitlines()
    assert "--schema-version 3.9: no such ninjs schema; known: 1.0, 1.1" in line


def test_the_profile_is_narrower_than_the_standard(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(LISTING))
    assert (0, f"{LISTING}: valid: NewsML-G2 2.35 newsItem (text)") == (code, out.splitlines()[0])
    code, out, _ = run(capsys, "validate", str(LISTING), "--profile", "newsmodel")
    assert 1 == code
    assert f"{LISTING}:" in out
    assert ": newsmodel NewsML-G2 profile: /newsItem" in out


def test_a_valid_picture_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(PICTURE), "--output", "json")
    (checked,) = json.loads(out)["files"]
    assert (0, True, "ninjs 3.2 picture") == (code, checked["ok"], checked["what"])
    code, out, _ = run(capsys, "validate", str(PICTURE), "--schema-version", "3.0")
    assert f"{PICTURE}: valid: ninjs 3.0 picture" == out.splitlines()[0]


def test_json_output_names_each_issue_rule(capsys: pytest.CaptureFixture[str]) -> None:
    invalid = CORPUS / "ninjs" / "funke_futurezone__cloned_police_dog.json"
    _, out, _ = run(capsys, "validate", str(invalid), "--output", "json")
    (checked,) = json.loads(out)["files"]
    assert {"ninjs 1.7 schema"} == {issue["rule"] for issue in checked["issues"]}


def test_the_corpus_gets_the_same_report_from_one_worker_or_two() -> None:
    need(CORPUS)
    folders = [str(CORPUS / kind) for kind in ("newsml-g2", "ninjs", "nitf")]
    one = newsmodel("validate", *folders, "-j", "1")
    two = newsmodel("validate", *folders, "-j", "2")
    assert (1, one.stdout, "") == (two.returncode, two.stdout, two.stderr)
    assert "Traceback" not in one.stderr
    assert one.stdout.endswith("checked 71 files: 44 valid, 27 invalid\n")
