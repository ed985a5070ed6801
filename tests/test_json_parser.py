"""The strict JSON parser: orjson's parse taken only where it is the standard library's."""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel.validators import NOT_XML
from newsmodel.errors import ParseError

# Keys and texts made of what matters here: colons, escapes, characters XML
# cannot carry, case, and anything else.
_texts = st.text(max_size=6) | st.text(
    st.sampled_from([":", "a", "A", "e", "+", "\\", '"', "\x07", "\x08", "\x0c", "\ufffe", "é"]),
    max_size=6,
)
_numbers = (
    st.integers()
    | st.integers(min_value=2**62, max_value=2**66)
    | st.integers(min_value=-(2**66), max_value=-(2**62))
    | st.floats(allow_nan=False, allow_infinity=False)
)


def _string(draw: st.DrawFn, text: str) -> str:
    """*text* as a JSON string, some characters escaped as ``\\uXXXX`` (a colon among them)."""
    ascii_only = draw(st.booleans())
    written = []
    for character in text:
        if ord(character) <= 0xFFFF and draw(st.booleans()):
            written.append(f"\\u{ord(character):04{draw(st.sampled_from('xX'))}}")
        else:
            written.append(json.dumps(character, ensure_ascii=ascii_only)[1:-1])
    return '"' + "".join(written) + '"'


@st.composite
def _json_text(draw: st.DrawFn, depth: int = 0) -> str:
    """A JSON text, keys sometimes given twice, written with varying white space."""
    kind = draw(st.sampled_from(["scalar", "text", "array", "object"] if depth < 3 else ["text"]))
    space = draw(st.sampled_from(["", " ", "\n  "]))
    if kind == "scalar":
        return json.dumps(draw(st.none() | st.booleans() | _numbers))
    if kind == "text":
        return _string(draw, draw(_texts))
    if kind == "array":
        items = draw(st.lists(_json_text(depth + 1), max_size=3))
        return "[" + f",{space}".join(items) + "]"
    keys = draw(st.lists(_texts, max_size=4))
    twice = draw(st.booleans())
    if keys and twice:
        keys.append(draw(st.sampled_from(keys)))  # a key given twice
    members = [f"{_string(draw, k)}{space}:{space}{draw(_json_text(depth + 1))}" for k in keys]
    return "{" + f",{space}".join(members) + "}"


def _standard(data: str | bytes, *, lower_keys: bool = False) -> tuple[str, Any]:
    """What the standard library's parser makes of *data*: the document, or the error."""
    with patch.object(strict_json, "_orjson", None):
        try:
            return "parsed", strict_json.parse(data, lower_keys=lower_keys)
        except ParseError as error:
            return "refused", (error.message, error.line, error.column)


def _ours(data: str | bytes, *, lower_keys: bool = False) -> tuple[str, Any]:
    try:
        return "parsed", strict_json.parse(data, lower_keys=lower_keys)
    except ParseError as error:
        return "refused", (error.message, error.line, error.column)


def _same(one: object, other: object) -> bool:
    """Equal, and of the same types all the way down (``1 == 1.0`` is not enough)."""
    return json.dumps(one) == json.dumps(other) and repr(one) == repr(other)


@given(_json_text(), st.booleans(), st.booleans())
def test_the_fast_parse_gives_what_the_standard_parser_gives(
    text: str, as_bytes: bool, marked: bool
) -> None:
    given = ("\ufeff" if marked else "") + text
    data: str | bytes = given.encode() if as_bytes else given
    standard, ours = _standard(data), _ours(data)
    assert standard[0] == ours[0]
    assert _same(standard[1], ours[1])


@given(_json_text(), st.booleans(), st.booleans())
def test_a_document_said_fit_for_xml_holds_no_unfit_string(
    text: str, lower_keys: bool, with_orjson: bool
) -> None:
    # Both parsers say so: orjson's from its text, the standard one from the input.
    with patch.object(strict_json, "_orjson", strict_json._orjson if with_orjson else None):  # noqa: SLF001
        try:
            document, fit = strict_json.parse_document(text.encode(), lower_keys=lower_keys)
        except ParseError:
            return
    unfit = [w for w, s in strict_json._strings(document, "$") if NOT_XML.search(s)]  # noqa: SLF001
    assert not (fit and unfit)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        '{"a": 1, "b": {"c": 1, "c": 2}}',
        '[{"x": 1}, {"y": 1, "y": 1}]',
        '{"a": "x", "a": "\\u003a"}',  # an escaped colon makes up for the key dropped
        '{"a": "x", "\\u003A": 1, "\\u003A": 2}',
        '{"k": 18446744073709551616}',
        '{"k": -9223372036854775809}',
        '{"k": 123456789012345678901234567890}',
        '{"k": 1e400}',
        '{"k": NaN}',
        '{"k": "\\ud800"}',
        '\ufeff{"k": 1}',
        "[" * 300 + "]" * 300,
        "[" * 2000 + "]" * 2000,
        '{"k": 1} x',
        "",
    ],
)
def test_what_orjson_reads_otherwise_is_the_standard_parser_s(text: str) -> None:
    for data in (text, text.encode()):
        standard, ours = _standard(data), _ours(data)
        assert standard[0] == ours[0]
        assert _same(standard[1], ours[1])


def test_a_key_given_twice_is_refused_with_orjson_installed() -> None:
    assert strict_json._orjson is not None  # noqa: SLF001 - the test group installs it
    with pytest.raises(ParseError, match="duplicate key 'a'"):
        strict_json.parse(b'{"a": "x", "a": "\\u003a"}')
    assert 2**64 == strict_json.parse(b"[18446744073709551616]")[0]


def test_ordinary_documents_take_the_fast_parse() -> None:
    # The shortcut must not fall back on everything: that would pass the
    # tests above and leave the readers slow.
    page = b'{"@context": "https://schema.org", "headline": "A: b", "n": 3, "d": 1.5e3}'
    assert strict_json._parse_fast(page) is not None  # noqa: SLF001 - the shortcut is private
    assert strict_json.parse_document(page).fit_for_xml
    assert strict_json.parse_document(page, lower_keys=True).fit_for_xml
    assert not strict_json.parse_document(b'{"t": "a\\u0007b"}').fit_for_xml
