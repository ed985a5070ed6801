"""Native JSON: exact round trips, and exact refusals."""

from __future__ import annotations

import io
import json
from functools import partial
from typing import TYPE_CHECKING, get_type_hints
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from conftest import SEED_JSON, assert_memory_flat
from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel.validators import NOT_XML
from newsmodel.conversion import Reading, Unreadable
from newsmodel.errors import ParseError, StructureError
from newsmodel.formats import Format, info
from newsmodel.formats import json as native_json
from newsmodel.model import Article, Organization, Person, QuotationKind, TextPart
from strategies import articles

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@given(articles())
def test_round_trip(article: Article) -> None:
    assert article == native_json.loads(native_json.dumps(article))


@given(articles())
def test_output_is_canonical(article: Article) -> None:
    """Writing what was read gives the same bytes: documents can be diffed."""
    text = native_json.dumps(article)
    assert text == native_json.dumps(native_json.loads(text.encode()))


def test_seed_example_round_trips_byte_for_byte() -> None:
    data = SEED_JSON.read_bytes()
    assert data.decode() == native_json.dumps(native_json.loads(data))


def test_seed_example_holds_the_story() -> None:
    article = native_json.loads(SEED_JSON.read_bytes())
    assert "Putin to visit Donbas in eastern Ukraine ‘in due course’: Kremlin" == article.headline
    assert ("News › Russia",) == tuple(str(s) for s in article.sections)
    assert Organization(name="Press TV", uri="https://www.presstv.ir/") == article.publisher
    assert "The Kremlin's spokesman Dmitry Peskov" == article.images[0].caption
    assert article.body is not None
    assert article.body.text.startswith("Russia says President Vladimir Putin will visit")
    assert article.body.text.endswith("genocide by the Kiev regime.”")
    assert "Press TV" not in article.body.text
    assert ("Press TV News Roku",) == article.boilerplate[1:]

    said = [
        (q.speaker.name if q.speaker else None, q.text, q.kind)
        for q in article.quotations
        if q.kind is not QuotationKind.TERM
    ]
    assert [
        ("Kremlin", "in due course", QuotationKind.PARTIAL),
        ("Russia", "in due course,", QuotationKind.PARTIAL),
        (
            "Dmitry Peskov",
            "It will certainly happen in due course because it is part of the Russian Federation,",
            QuotationKind.FULL,
        ),
        ("Dmitry Peskov", "new territories", QuotationKind.PARTIAL),  # in his reported words
        (
            "Dmitry Peskov",
            "This significantly complicates the search for mutual ground for discussions.",
            QuotationKind.FULL,
        ),
        ("Volodymyr Zelensky", "worthless.", QuotationKind.PARTIAL),
        ("Antonio Guterres", "a dangerous escalation,", QuotationKind.PARTIAL),
        ("Vladimir Putin", "de-Nazify", QuotationKind.PARTIAL),
        (
            "Vladimir Putin",
            "who for eight years are suffering persecution and genocide by the Kiev regime.",
            QuotationKind.PARTIAL,
        ),
    ] == said
    terms = [q.text for q in article.quotations if q.kind is QuotationKind.TERM]
    assert ["special military operation"] == terms
    peskov = article.quotations[2]
    assert isinstance(peskov.speaker, Person)
    assert "told Russian news agencies" == peskov.cue
    assert "the Kremlin's spokesman Dmitry Peskov" == peskov.speaker_mention
    assert (
        TextPart.HEADLINE == article.quotations[0].span.part if article.quotations[0].span else None
    )


def test_seed_example_is_faithful_to_the_seed_text(shared: Path) -> None:
    """The hand-made example keeps the seed's words, in the seed's order."""
    blocks = [b.strip() for b in (shared / "seed-article.txt").read_text().split("\n\n")]
    section, headline, caption, *paragraphs = [b for b in blocks if b]
    article = native_json.loads(SEED_JSON.read_bytes())
    assert section.split() == ["News", "/", "Russia"]
    assert (headline, caption) == (article.headline, article.images[0].caption)
    assert article.body is not None
    assert "\n\n".join(paragraphs) == article.body.text + "\n\n" + "\n\n".join(article.boilerplate)


def test_top_level_verbs_take_a_format() -> None:
    article = newsmodel.loads(SEED_JSON.read_bytes(), newsmodel.Format.JSON)
    assert SEED_JSON.read_text(encoding="utf-8") == newsmodel.dumps(article, newsmodel.Format.JSON)


def test_keys_follow_the_model_order() -> None:
    document = json.loads(SEED_JSON.read_bytes())
    assert [
        "headline",
        "sections",
        "language",
        "publisher",
        "images",
        "body",
        "quotations",
        "boilerplate",
    ] == list(document)


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        ('{"headline": "h", "headlne": "typo"}', [("$", "unknown key 'headlne'")]),
        (
            '{"headline": "h", "bylines": [{"text": "By X", "url": "u"}]}',
            [("$.bylines[0]", "unknown key 'url'")],
        ),
        ('{"headline": "h", "urgency": "5"}', [("$.urgency", "expected an integer, got '5'")]),
        ('{"headline": 5}', [("$.headline", "expected a string, got 5")]),
        ('{"headline": "h", "keywords": "ab"}', [("$.keywords", "expected an array, got 'ab'")]),
        (
            '{"headline": "h", "summary": null}',
            [("$.summary", "expected a value, got null (leave the key out instead)")],
        ),
        (
            '{"headline": "h", "published": "2024-05-01T09:00"}',
            [
                (
                    "$.published",
                    "expected an RFC 3339 date-time with an offset, got '2024-05-01T09:00'",
                )
            ],
        ),
        (
            '{"headline": "h", "pub_status": "live"}',
            [("$.pub_status", "expected one of 'usable', 'withheld', 'canceled', got 'live'")],
        ),
        (
            '{"headline": "h", "copyright_holder": {"name": "X"}}',
            [
                (
                    "$.copyright_holder",
                    "expected 'type' to be one of 'organization', 'person', got None",
                )
            ],
        ),
        (
            '{"headline": "h", "publisher": {"type": "person", "name": "X"}}',
            [("$.publisher", "expected 'type' to be 'organization', got 'person'")],
        ),
        (
            '{"headline": "h", "sections": [{"path": ["a", ""]}]}',
            [("$.sections[0].path[1]", "expected non-empty text, got ''")],
        ),
        (
            '{"headline": "h", "body": {"html": "<p onclick=\\"x\\">a</p>"}}',
            [("$.body.html", "attribute 'onclick' is not allowed on <p>")],
        ),
        ("{}", [("$.headline", "required key missing")]),
        ("[]", [("$", "expected an object, got list")]),
    ],
)
def test_refusals_name_the_path(data: str, problems: list[tuple[str, str]]) -> None:
    with pytest.raises(StructureError) as caught:
        native_json.loads(data)
    assert problems == list(caught.value.problems)
    assert [f"{m} @ {p}" for p, m in problems] == list(caught.value.errors)


def test_every_type_problem_is_reported_at_once() -> None:
    with pytest.raises(StructureError) as caught:
        native_json.loads('{"headline": 5, "urgency": "x", "extra": 1}')
    assert ["$.headline", "$.urgency", "$"] == [p for p, _ in caught.value.problems]


@pytest.mark.parametrize(
    ("data", "message", "line", "column"),
    [
        (b'{"headline": "h",\n "x": }', "Expecting value", 2, 7),
        (b'{"headline": "h", "headline": "g"}', "duplicate key 'headline'", None, None),
        (b'{"headline": "h", "urgency": NaN}', "NaN is not a JSON number", None, None),
        (b'{"headline": "\xff"}', "expected UTF-8, found byte 0xff", 1, 15),
        (b"[" * 100_000, "nesting is too deep", None, None),
        (b'{"headline": "h", "version": 1' + b"0" * 10_000 + b"}", "digits", None, None),
        (b"", "Expecting value", 1, 1),
    ],
)
def test_malformed_json_is_a_parse_error(
    data: bytes, message: str, line: int | None, column: int | None
) -> None:
    with pytest.raises(ParseError) as caught:
        native_json.loads(data)
    assert message in caught.value.message
    assert (line, column) == (caught.value.line, caught.value.column)


def test_a_byte_order_mark_is_allowed() -> None:
    assert "h" == native_json.loads(b'\xef\xbb\xbf{"headline": "h"}').headline


def test_errors_are_value_errors_and_chained() -> None:
    with pytest.raises(ValueError, match="required key missing") as caught:
        native_json.loads("{}")
    assert caught.value.__cause__ is not None


@given(articles())
def test_the_fast_writer_writes_what_the_standard_library_writes(article: Article) -> None:
    # orjson is optional: with it or without, every JSON format is the same text.
    assert strict_json._orjson is not None  # noqa: SLF001 - the test group installs it
    writers = [f for f in Format if info(f).writable and f is not Format.NEWSML_G2]
    fast = [info(f).codec().write(article).text for f in writers]
    with patch.object(strict_json, "_orjson", None):
        assert fast == [info(f).codec().write(article).text for f in writers]


def test_an_integer_too_wide_for_the_fast_writer_is_written_all_the_same() -> None:
    assert '{\n  "width": 100000000000000000000\n}' == strict_json.dumps({"width": 10**20})


# Any text, and text made of the characters that matter here.
_texts = st.text() | st.text(
    st.sampled_from(
        ["a", "b", "f", "u", "0", "\\", "\n", "\x07", "\x08", "\x0c", "\ufffe", "\uffff"]
    )
)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | _texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_texts, inner, max_size=3),
    max_leaves=8,
)


@given(_json_values)
def test_the_quick_look_for_unfit_characters_misses_none(value: object) -> None:
    # Readers skip the walk over every string when orjson's text of the
    # document shows no character XML cannot carry; the walk must agree.
    quick = strict_json._written_clean(value)  # noqa: SLF001 - the shortcut is private
    walked = list(strict_json._strings(value, "$"))  # noqa: SLF001
    unfit = [where for where, text in walked if NOT_XML.search(text)]
    assert not (quick and unfit)


def _places(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every value inside a parsed document."""
    inside: list[tuple[str | int, ...]] = []
    if isinstance(value, dict):
        for key, member in value.items():
            inside += _places(member, (*path, key))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            inside += _places(member, (*path, index))
    return [path, *inside]


@st.composite
def _articles_with_a_value_changed(draw: st.DrawFn) -> object:
    document = native_json.to_document(draw(articles()))
    path = draw(st.sampled_from(_places(document)[1:]))
    changed = json.loads(json.dumps(document))  # a deep copy
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = draw(_json_values | st.integers(0, 10) | st.sampled_from(["person", " "]))
    return changed


@st.composite
def _articles_with_a_key_changed(draw: st.DrawFn) -> object:
    # A key left out, or one added (a field of another class, a tag, an
    # unknown name), in the article or in any object inside it.
    document = native_json.to_document(draw(articles()))
    values = [_at(document, path) for path in _places(document)]
    objects: list[dict[str, object]] = [v for v in values if isinstance(v, dict)]
    target: dict[str, object] = draw(st.sampled_from(objects))
    remove: bool = draw(st.booleans())
    if target and remove:
        del target[draw(st.sampled_from(sorted(target)))]
    else:
        key = draw(st.sampled_from(["type", "name", "text", "span", "path", "headline", "x"]))
        target[key] = draw(_json_values | st.sampled_from(["person", "organization"]))
    return document


def _at(document: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        document = document[step]  # type: ignore[index]
    return document


@given(_articles_with_a_value_changed() | _articles_with_a_key_changed())
def test_the_quick_reading_refuses_what_the_checking_one_refuses(document: object) -> None:
    # A document is read first by a converter that leaves strings and
    # integers to the model; only if that refuses it does the checking one
    # run, to list every problem. They must agree on every document.
    quick = native_json.converter._quick_converter()  # noqa: SLF001 - the two ways are private
    outcomes: list[Article | Exception] = []
    for converter in (quick, native_json.converter.checking_converter()):
        try:
            outcomes.append(converter.structure(document, Article))
        except Exception as error:  # noqa: BLE001 - any refusal, whatever its kind
            outcomes.append(error)
    quick_outcome, checked = outcomes
    assert isinstance(quick_outcome, Article) == isinstance(checked, Article)
    if isinstance(checked, Article):
        assert quick_outcome == checked


@given(_articles_with_a_value_changed())
def test_a_field_read_alone_is_what_the_checking_reading_makes_of_it(document: object) -> None:
    # A field of model objects (NewsML-G2's nm:field of sections, a
    # publisher) is read quickly first, as a whole article is: the value, or
    # the problems listed, must be the checking reading's.
    assert isinstance(document, dict)
    hints = get_type_hints(Article)
    checking = native_json.converter._checked  # noqa: SLF001 - the reference
    for name, value in document.items():
        text = json.dumps(value)
        expected = _outcome(partial(checking, value, hints[name]))
        assert _outcome(partial(native_json.field_from_json, name, text)) == expected


def _outcome(read: Callable[[], object]) -> tuple[str, object]:
    try:
        return "read", read()
    except StructureError as error:
        return "refused", error.problems


@pytest.mark.parametrize(
    ("name", "text"),
    [("boilerplate", '[["x"]]'), ("headline", "5"), ("urgency", '"5"'), ("keywords", "[1]")],
)
def test_a_field_read_alone_is_checked_as_in_an_article(name: str, text: str) -> None:
    # No model class validates a field read alone (NewsML-G2's nm:field):
    # the converter itself must refuse a value of the wrong type.
    with pytest.raises(StructureError, match="expected"):
        native_json.field_from_json(name, text)


def _lines(count: int) -> bytes:
    """JSON Lines of the seed article, *count* times, each with its own id."""
    line = json.dumps(json.loads(SEED_JSON.read_bytes()), ensure_ascii=False)
    article = json.loads(line)
    return "".join(
        json.dumps({**article, "id": f"urn:test:{number}"}, ensure_ascii=False) + "\n"
        for number in range(count)
    ).encode()


def test_json_lines_stream_one_article_per_line() -> None:
    first, second = _lines(2).splitlines()
    data = first + b"\n\n" + b'{"headline": ""}\n' + second + b"\n"
    items = list(native_json.iter_lines(io.BytesIO(data)))
    assert [Reading, Unreadable, Reading] == [type(item) for item in items]
    assert "line 3" == items[1].where if isinstance(items[1], Unreadable) else None
    assert ["urn:test:0", "urn:test:1"] == [
        item.article.id for item in items if isinstance(item, Reading)
    ]


def test_streaming_json_lines_keeps_memory_flat(tmp_path: Path) -> None:
    assert_memory_flat(_lines, native_json.iter_lines, 200, tmp_path)
