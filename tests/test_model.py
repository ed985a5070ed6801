"""The model refuses, at construction, what no article can hold."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import model
from newsmodel._lowlevel.validators import (
    NOT_XML,
    URI,
    URI_FOR_PYTHON,
    accepted_at_once,
    unfit_character,
)
from newsmodel.errors import FieldError
from newsmodel.model import (
    Article,
    Body,
    Byline,
    Concept,
    Contributor,
    Dateline,
    Image,
    Organization,
    Person,
    Quotation,
    QuotationKind,
    Section,
    Span,
    TextPart,
)
from strategies import articles

NOW = datetime(2022, 12, 3, 10, 0, tzinfo=UTC)


def refused(cls: type, **fields: Any) -> FieldError:
    with pytest.raises(FieldError) as caught:
        cls(**fields)
    return caught.value


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"headline": ""}, "headline", "expected non-empty text, got ''"),
        ({"headline": " \n"}, "headline", "expected non-empty text"),
        ({"headline": 5}, "headline", "expected a string, got 5"),
        ({"headline": "a\x00b"}, "headline", "cannot be carried by XML 1.0"),
        ({"headline": "lone \ud800"}, "headline", "cannot be carried by XML 1.0"),
        ({"headline": "h", "published": datetime(2022, 1, 1)}, "published", "timezone-aware"),  # noqa: DTZ001
        ({"headline": "h", "created": "2022-01-01"}, "created", "expected a datetime"),
        (
            {
                "headline": "h",
                "modified": datetime(1900, 1, 1, tzinfo=timezone(timedelta(seconds=90))),
            },
            "modified",
            "whole minutes",
        ),
        ({"headline": "h", "urgency": 0}, "urgency", "from 1 to 9, got 0"),
        ({"headline": "h", "urgency": 10}, "urgency", "from 1 to 9, got 10"),
        ({"headline": "h", "urgency": True}, "urgency", "expected an integer"),
        ({"headline": "h", "version": 0}, "version", "at least 1, got 0"),
        ({"headline": "h", "id": "no scheme"}, "id", "absolute URI"),
        ({"headline": "h", "id": "/relative"}, "id", "absolute URI"),
        ({"headline": "h", "canonical_url": "http://x/a b"}, "canonical_url", "absolute URI"),
        ({"headline": "h", "language": "e"}, "language", "BCP 47"),
        ({"headline": "h", "language": "en_GB"}, "language", "BCP 47"),
        ({"headline": "h", "keywords": ["a"]}, "keywords", "expected a tuple"),
        ({"headline": "h", "keywords": ("a", "")}, "keywords[1]", "non-empty"),
        ({"headline": "h", "sections": ("News",)}, "sections[0]", "expected Section"),
    ],
)
def test_article_fields_are_checked(fields: dict[str, Any], field: str, fragment: str) -> None:
    error = refused(Article, **fields)
    assert field == error.field
    assert fragment in error.message
    assert str(error).startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("cls", "fields", "field"),
    [
        (Byline, {}, "text"),
        (Section, {"path": ()}, "path"),
        (Concept, {}, "name"),
        (Concept, {"name": "n", "scheme": "medtop"}, "scheme"),
        (Dateline, {}, "text"),
        (Image, {"alt": "a"}, "url"),
        (Image, {"caption": "c", "width": 0}, "width"),
        (Span, {"start": 3, "end": 3}, "end"),
        (Span, {"start": -1, "end": 3}, "start"),
        (Person, {"name": "P", "affiliation": "Kremlin"}, "affiliation"),
        (Contributor, {"agent": "Jane"}, "agent"),
        (Quotation, {"text": "q", "kind": QuotationKind.TERM, "speaker_mention": "he"}, "speaker"),
        (Body, {"html": "<p>a</p>x"}, "html"),
    ],
)
def test_value_types_are_checked(cls: type, fields: dict[str, Any], field: str) -> None:
    assert field == refused(cls, **fields).field


def test_quotation_span_must_point_at_its_words() -> None:
    quotation = Quotation(text="due", span=Span(start=0, end=3, part=TextPart.HEADLINE))
    error = refused(Article, headline="In due course", quotations=(quotation,))
    assert "quotations[0]" == error.field
    assert "expected the headline to hold 'due' at 0:3, found 'In '" == error.message


def test_quotation_span_needs_its_part() -> None:
    quotation = Quotation(text="due", span=Span(start=0, end=3))
    error = refused(Article, headline="h", quotations=(quotation,))
    assert "the span points into the body, which is missing" == error.message


def test_quotations_count_characters_of_the_body_text() -> None:
    body = Body.from_paragraphs("First one.", "He said “yes” twice.")
    start = body.text.index("yes")
    quotation = Quotation(text="yes", span=Span(start=start, end=start + 3))
    article = Article(headline="h", body=body, quotations=(quotation,))
    assert "First one.\n\nHe said “yes” twice." == article.body.text if article.body else None


def test_frozen_and_keyword_only() -> None:
    article = Article(headline="h", published=NOW)
    with pytest.raises(AttributeError):
        article.headline = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Article("h")  # type: ignore[call-arg]


def test_section_prints_as_a_path() -> None:
    assert "News › Russia" == str(Section(path=("News", "Russia")))


def test_agents_are_told_apart() -> None:
    person: object = Person(name="Press TV")
    assert person != Organization(name="Press TV")


@given(articles())
def test_articles_are_hashable_and_equal_to_themselves(article: Article) -> None:
    assert article == article  # noqa: PLR0124 - attrs equality over every field
    assert hash(article) == hash(article)


def test_every_character_xml_cannot_carry_is_found() -> None:
    # Strings are first asked whether they are printable (a loop in C): that
    # shortcut must never pass over a character XML cannot carry.
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    unfit = [c for c in every if NOT_XML.match(c)]
    assert [c for c in unfit if c.isprintable()] == []
    assert all(unfit_character(f"ok {c} ok") == c for c in unfit)
    assert unfit_character("Ünïcödé “text”\n\ttoo") is None


def test_the_python_uri_pattern_takes_every_character_as_the_schemas_does() -> None:
    # The model checks URIs with URI_FOR_PYTHON, the schemas with URI: the
    # same verdict on every character, before the fragment and in it.
    for char in map(chr, range(sys.maxunicode + 1)):
        for value in (f"x:{char}", f"x:a#{char}"):
            assert (URI.match(value) is None) is (URI_FOR_PYTHON.fullmatch(value) is None), value


_URI_PIECES = st.sampled_from(
    [
        *("a", "Z", "9", ":", "/", "#", "%", "%4", "%4F", "%zz", "?", "=", "&", "+", ".", "-"),
        *(" ", "\t", "\n", "\x00", "\x7f", '"', "<", "[", "\\", "^", "`", "{", "|", "é", "\u3000"),
    ]
)


@given(
    st.one_of(
        st.from_regex(URI, fullmatch=True),
        st.lists(_URI_PIECES).map("".join),
        st.tuples(st.from_regex(URI, fullmatch=True), st.text(), st.lists(_URI_PIECES)).map(
            lambda parts: parts[0] + parts[1] + "".join(parts[2])
        ),
    )
)
def test_the_python_uri_pattern_gives_the_schemas_verdict(value: str) -> None:
    assert (URI.match(value) is None) is (URI_FOR_PYTHON.fullmatch(value) is None)


@pytest.mark.parametrize(
    ("check", "value", "message"),
    [
        (Article, {"headline": None}, "headline: expected a string, got None"),
        (Article, {"headline": " \n"}, "headline: expected non-empty text, got ' \\n'"),
        (Article, {"headline": "a\x00"}, "headline: character '\\x00' cannot be carried by"),
        (Article, {"headline": "h", "id": "x:\ufffe"}, "id: character '\\ufffe' cannot be"),
        (Article, {"headline": "h", "id": 7}, "id: expected a string, got 7"),
        (Article, {"headline": "h", "language": "e\x01"}, "language: character '\\x01' cannot"),
        (Article, {"headline": "h", "summary": ""}, "summary: expected non-empty text, got ''"),
        (Image, {"caption": "c", "alt": 3}, "alt: expected a string, got 3"),
        (Image, {"caption": "c", "width": 1.5}, "width: expected an integer, got 1.5"),
        (Contributor, {"agent": None}, "agent: expected Person or Organization, got None"),
        (Article, {"headline": "h", "keywords": ("a", None)}, "keywords[1]: expected a string"),
        (Article, {"headline": "h", "subjects": (None,)}, "subjects[0]: expected Concept, got"),
        (Article, {"headline": "h", "created": NOW.replace(tzinfo=None)}, "created: expected a t"),
        (
            Article,
            {"headline": "h", "created": NOW.replace(tzinfo=timezone(timedelta(seconds=-30)))},
            "created: expected a UTC offset in whole minutes, got -1 day, 23:59:30",
        ),
    ],
)
def test_none_only_where_it_is_the_default_and_the_first_fault_named(
    check: type, value: dict[str, Any], message: str
) -> None:
    assert str(refused(check, **value)).startswith(message)


def test_a_negative_offset_in_whole_minutes_is_accepted() -> None:
    # timedelta keeps a negative offset as days below zero and seconds above.
    for minutes in (-1, -330, -720):
        local = NOW.replace(tzinfo=timezone(timedelta(minutes=minutes)))
        assert Article(headline="h", created=local).created == local


class _Text(str):
    """A subclass of str: the model's __init__ leaves it to the check itself."""

    __slots__ = ()


# Values of every kind a field may be given: valid ones, the defaults, and
# the wrong types and texts the checks exist to refuse; text with a line
# break, and a str subclass, go past the tests the __init__ makes in line.
_ANY_VALUE = st.one_of(
    st.none(),
    st.just(()),
    st.sampled_from(["h", "", " ", "a\x00", "medtop:1", "https://example.com/a", "en", "x:\ufffe"]),
    st.sampled_from(["a\nb", " \n", _Text("h"), _Text(""), _Text("x:y"), _Text("en")]),
    st.integers(-2, 12),
    st.booleans(),
    st.sampled_from([NOW, NOW.replace(tzinfo=None), 1.5, [], ["a"], ("a",), ("",), (None,)]),
    st.sampled_from(list(QuotationKind) + list(TextPart)),
    st.builds(Organization, name=st.just("Acme")),
    st.builds(Person, name=st.just("Ann Lee")),
    # Past the tests made in line for times in UTC and tuples of model objects.
    st.sampled_from([NOW.astimezone(UTC), NOW.replace(tzinfo=timezone(timedelta(seconds=30)))]),
    st.sampled_from([(Concept(name="x"),), (Concept(name="x"), "x"), (Organization(name="A"),)]),
)
_CLASSES = [cls for cls in vars(model).values() if attrs.has(cls) and cls is not Body]


def _first_fault(cls: type, values: dict[str, Any]) -> tuple[str, str] | None:
    """The field and message of the first value its own validator refuses, in field order."""
    for attribute in attrs.fields(cls):
        value = values.get(attribute.name, attribute.default)
        try:
            attribute.validator(None, attribute, value)
        except FieldError as error:
            return error.field, error.message
    return None


@given(st.sampled_from(_CLASSES), st.data())
def test_every_value_given_meets_its_fields_validator(cls: type, data: st.DataObject) -> None:
    # The model's __init__ skips the check of a value that is the default;
    # every value given is still checked, first fault first, as attrs would.
    fields = attrs.fields(cls)
    required = {a.name: _ANY_VALUE for a in fields if a.default is attrs.NOTHING}
    optional = {a.name: _ANY_VALUE for a in fields if a.default is not attrs.NOTHING}
    values = data.draw(st.fixed_dictionaries(required, optional=optional))
    fault = _first_fault(cls, values)
    if fault is None:
        try:
            made = cls(**values)
        except FieldError:
            return  # a rule across fields
        attrs.validate(made)  # holds nothing its validators refuse
        return
    with pytest.raises(FieldError) as caught:
        cls(**values)
    assert (caught.value.field, caught.value.message) == fault


def test_no_switch_turns_the_checks_off() -> None:
    # attrs can turn off the validators of its own __init__ for the whole
    # process; the model's __init__ does not look at that switch.
    attrs.validators.set_disabled(True)
    try:
        assert refused(Article, headline="").field == "headline"
        assert refused(Span, start=-1, end=2).field == "start"
    finally:
        attrs.validators.set_disabled(False)


# Values the tests made in line may wrongly take: near misses of each.
_NEAR_MISSES = [
    NOW,
    NOW.replace(tzinfo=None),
    NOW.replace(tzinfo=timezone(timedelta(seconds=30))),
    NOW.replace(tzinfo=timezone(timedelta(hours=-5))),
    (),
    (Concept(name="x"),),
    (Concept(name="x"), "x"),
    (Organization(name="A"), Person(name="B")),
    [Concept(name="x")],
    "h",
    _Text("h"),
    "a\nb",
    "",
    5,
    True,
    None,
]


@pytest.mark.parametrize("cls", _CLASSES)
def test_what_is_tested_in_line_its_validator_accepts(cls: type) -> None:
    # The model's __init__ skips a field's validator where an expression
    # (validators.accepted_at_once) holds: it may hold only of values the
    # validator accepts.
    for attribute in attrs.fields(cls):
        at_once = accepted_at_once(attribute.validator)
        if at_once is None:
            continue
        expression, names = at_once
        for value in _NEAR_MISSES:
            if eval(expression, dict(names), {"value": value}):  # noqa: S307 - the model's own
                attribute.validator(None, attribute, value)
