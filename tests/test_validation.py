"""validate() reports and never raises; check() raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from conftest import SEED_JSON
from newsmodel import DocumentInvalid, Format, Issue, Severity


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
    report = newsmodel.validate(b'{\n  "headline": "h",\n}')
    assert [
        Issue(
            message="Expecting property name enclosed in double quotes",
            line=3,
            column=1,
            rule="JSON",
        )
    ] == list(report.issues)
    assert "3:1: JSON: $: Expecting property name enclosed in double quotes" == str(
        report.issues[0]
    )


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
