"""validate() reports and never raises; check() raises."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from conftest import SEED_JSON, json_error
from newsmodel import DocumentInvalid, Format, Issue, Severity, UnknownFormatError
from newsmodel.errors import NotAnArticleError
from newsmodel.formats import info
from newsmodel.validation import PROFILES
from newsmodel.validation.engines import Finding
from newsmodel.validation.messages import schema_issues

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def test_the_seed_example_is_valid() -> None:
    report = newsmodel.validate(SEED_JSON.read_bytes())
    assert report.ok
    assert () == report.issues
    assert Format.JSON == report.format


def test_schema_issues_carry_json_paths() -> None:
    report = newsmodel.validate('{"headline": "", "urgency": 12, "bylines": [{"texts": "x"}]}')
    assert not report.ok
    assert [
        ("$.bylines[0]", "unknown key 'texts'"),
        ("$.bylines[0]", "expected a key 'text' or 'contributors'"),
        ("$.headline", "expected non-empty text, got ''"),
        ("$.urgency", "12 is greater than the maximum of 9"),
    ] == [(i.path, i.message) for i in report.issues]


def test_schema_issues_are_in_document_order_and_said_once() -> None:
    """Indexes before keys where two paths differ by both; a missing key an engine repeats, once."""
    findings = [
        Finding(path=("a",), keyword="type", message="a is wrong"),
        Finding(path=(1,), keyword="type", message="1 is wrong"),
        Finding(path=("a", 2), keyword="required", message="", missing=("x",)),
        Finding(path=(0, "b"), keyword="type", message="0.b is wrong"),
        Finding(path=("a", 2), keyword="required", message="", missing=("x",)),
    ]
    expected = [
        ("$[0].b", "0.b is wrong"),
        ("$[1]", "1 is wrong"),
        ("$.a", "a is wrong"),
        ("$.a[2].x", "required key missing"),
    ]
    for given_as in (findings, iter(findings)):
        assert expected == [(i.path, i.message) for i in schema_issues(given_as, "r")]


def test_model_checks_run_after_the_schema() -> None:
    data = (
        '{"headline": "In due course", "quotations": '
        '[{"text": "due", "span": {"start": 0, "end": 3, "part": "headline"}}]}'
    )
    report = newsmodel.validate(data)
    assert [("$.quotations[0]", "expected the headline to hold 'due' at 0:3, found 'In '")] == [
        (i.path, i.message) for i in report.issues
    ]


def test_parse_errors_have_a_line_and_column() -> None:
    document = '{\n  "headline": "h",\n}'
    message, line, column = json_error(document)
    report = newsmodel.validate(document.encode())
    assert [Issue(message=message, line=line, column=column, rule="JSON")] == list(report.issues)
    assert f"{line}:{column}: JSON: $: {message}" == str(report.issues[0])


def test_check_raises_with_the_issues() -> None:
    with pytest.raises(DocumentInvalid) as caught:
        newsmodel.check('{"headline": "h", "urgency": 0}')
    assert ["$.urgency"] == [i.path for i in caught.value.issues]  # type: ignore[attr-defined]
    newsmodel.check(SEED_JSON.read_bytes())


def test_issues_are_errors_by_default() -> None:
    assert Severity.ERROR == newsmodel.validate("{}").issues[0].severity


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_validate_never_raises(data: bytes | str) -> None:
    report = newsmodel.validate(data)
    assert report.ok or report.issues


def test_every_item_of_json_lines_is_checked_by_its_line() -> None:
    lines = '{"headline": "a"}\n{"headline": ""}\n\n{"headline": "c", "urgency": 12}\n'
    report = newsmodel.validate(lines)
    assert [(2, "$.headline"), (4, "$.urgency")] == [(i.line, i.path) for i in report.issues]


def test_every_article_of_an_array_is_checked_by_its_index() -> None:
    report = newsmodel.validate('[{"headline": "a"}, {"headline": ""}]')
    assert ["$[1].headline"] == [i.path for i in report.issues]


def test_every_item_of_a_news_message_is_checked_by_its_position() -> None:
    from newsmodel.formats import json as native_json  # noqa: PLC0415
    from newsmodel.formats import newsml_g2  # noqa: PLC0415

    item = newsml_g2.dumps(native_json.loads(SEED_JSON.read_bytes()))
    broken = item.replace('<language tag="en"/>', '<language tag="en"/><frob/>')
    message = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        f"{item}{broken}</itemSet></newsMessage>"
    )
    (issue,) = newsmodel.validate(message, Format.NEWSML_G2, profile="newsmodel").issues
    assert "/newsMessage/itemSet/item[2]/newsItem/contentMeta/frob" == issue.path
    assert message.count("\n", 0, message.index("<frob/>")) + 1 == issue.line


# ---- the standards' verdict, through the Python API ----------------------------------


def _ninjs3(**extra: object) -> str:
    document = {
        "uri": "urn:x:1",
        "type": "text",
        "versionCreated": "2024-05-01T10:00:00Z",  # camelCase: 3.x only
        "headlines": [{"value": "Headline"}],
        **extra,
    }
    return json.dumps(document)


def test_the_format_is_detected_or_named(shared: Path) -> None:
    story = (shared / "corpus" / "ninjs" / "ntb__google_skien_ninjs30.json").read_bytes()
    assert Format.NINJS == newsmodel.validate(story).format
    assert Format.NINJS == newsmodel.validate(story, "ninjs").format
    assert Format.NINJS == newsmodel.detect(story.decode())
    assert newsmodel.loads(story, "ninjs") == newsmodel.loads(story)
    assert newsmodel.dumps(newsmodel.loads(story), "ninjs3").startswith("{")


@pytest.mark.parametrize(
    "call",
    [
        lambda: newsmodel.validate("{}", "klingon"),
        lambda: newsmodel.loads("{}", "klingon"),
        lambda: newsmodel.dumps(newsmodel.loads(SEED_JSON.read_bytes()), "klingon"),
    ],
)
def test_an_unknown_format_name_lists_the_names(call: Callable[[], object]) -> None:
    with pytest.raises(UnknownFormatError, match=r"'klingon'; the formats are json, newsml-g2, "):
        call()


def test_a_picture_is_valid_but_not_an_article(shared: Path) -> None:
    picture = shared / "corpus" / "ninjs" / "ap__turkey_islamic_state_image_ninjs30.json"
    report = newsmodel.validate(picture.read_bytes())
    assert (True, "ninjs 3.2 picture", ()) == (report.ok, report.what, report.issues)
    with pytest.raises(NotAnArticleError):
        newsmodel.loads(picture.read_bytes())


def test_the_declared_version_is_the_one_judged_unless_forced() -> None:
    standard = {"name": "ninjs", "version": "3.0", "schema": "https://x/ninjs-schema_3.0.json"}
    document = _ninjs3(standard=standard)
    assert "ninjs 3.0 text" == newsmodel.validate(document).what
    forced = newsmodel.validate(document, schema_version="2.3")
    assert not forced.ok
    assert {"ninjs 2.3 schema"} == {i.rule for i in forced.issues}
    by_schema_uri = {
        "uri": "urn:x:1",
        "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.2.json",
    }
    assert "ninjs 1.2 item" == newsmodel.validate(json.dumps(by_schema_uri), "ninjs").what


def test_a_version_without_a_schema_is_judged_by_its_major_or_refused() -> None:
    newer = newsmodel.validate(_ninjs3(standard={"name": "ninjs", "version": "3.9"}))
    assert newer.ok
    assert "ninjs 3.2 text" == newer.what
    (note,) = newer.issues
    assert (Severity.WARNING, "ninjs version") == (note.severity, note.rule)
    unknown = newsmodel.validate(_ninjs3(standard={"name": "ninjs", "version": "4.0"}))
    assert not unknown.ok
    assert "declares ninjs 4.0, which has no official schema" in unknown.issues[0].message


def test_an_issue_line_names_its_rule_and_place(shared: Path) -> None:
    item = shared / "corpus" / "newsml-g2" / "stt__athletics_results_archive.xml"
    first = newsmodel.validate(item.read_bytes()).issues[0]
    assert str(first).startswith(
        "10:0: NewsML-G2 2.35 XSD: /newsItem/itemMeta/versionCreated: Element 'versionCreated': "
    )


def test_options_outside_those_offered_are_refused() -> None:
    with pytest.raises(ValueError, match="the profiles are standard, newsmodel"):
        newsmodel.validate("{}", profile="strictest")
    with pytest.raises(ValueError, match=r"the versions are 1\.0, 1\.1"):
        newsmodel.validate("{}", "ninjs", schema_version="9.9")


@pytest.mark.parametrize(
    "root",
    "newsMessage newsItem packageItem conceptItem knowledgeItem planningItem catalogItem"
    " catalog".split(),
)
def test_every_newsml_g2_root_is_told(root: str) -> None:
    document = f'<?xml version="1.0"?>\n<{root} xmlns="http://iptc.org/std/nar/2006-10-01/"/>'
    assert Format.NEWSML_G2 == newsmodel.detect(document)
    report = newsmodel.validate(document)
    assert (Format.NEWSML_G2, False) == (report.format, report.ok)  # empty: the XSD says what
    assert {"NewsML-G2 2.35 XSD"} == {i.rule for i in report.issues}


WRITTEN = [f for f in Format if info(f).writable]


@pytest.mark.parametrize("target", WRITTEN, ids=lambda f: f.value)
@pytest.mark.parametrize("profile", PROFILES)
def test_the_seed_written_in_every_format_passes_both_checks(target: Format, profile: str) -> None:
    text = newsmodel.dumps(newsmodel.loads(SEED_JSON.read_bytes()), target)
    report = newsmodel.validate(text, profile=profile)
    assert [] == [str(i) for i in report.errors]
    assert report.what


@pytest.mark.parametrize(("target", "version"), [("ninjs2", "2.3"), ("ninjs3", "3.2")])
def test_ninjs_is_written_in_the_newest_released_versions(target: str, version: str) -> None:
    text = newsmodel.dumps(newsmodel.loads(SEED_JSON.read_bytes()), target)
    assert version == json.loads(text)["standard"]["version"]
    assert f"ninjs {version} text" == newsmodel.validate(text).what
