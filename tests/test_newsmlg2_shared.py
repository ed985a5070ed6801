"""NewsML-G2 values a feed repeats (services, subjects, JSON fields), built once for all items."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.conversion import Reading
from newsmodel.formats import newsml_g2
from newsmodel.formats.newsml_g2 import names as g2_names
from newsmodel.formats.newsml_g2 import reader
from newsmodel.model import Concept, Organization, Person, Section


def _message(meta: str, content: str, count: int = 2) -> bytes:
    item = (
        '<newsItem guid="urn:x:1" version="1" standard="NewsML-G2" standardversion="2.35">'
        f'<itemMeta><itemClass qcode="ninat:text"/>{meta}</itemMeta>'
        f"<contentMeta><headline>H</headline>{content}</contentMeta></newsItem>"
    )
    return (
        f'<newsMessage xmlns="{g2_names.NAR}" xmlns:nm="{g2_names.NM}"><itemSet>'
        f"{item * count}</itemSet></newsMessage>"
    ).encode()


def _readings(meta: str = "", content: str = "") -> list[Reading]:
    found = list(newsml_g2.read_items(_message(meta, content)))
    assert all(isinstance(item, Reading) for item in found), found
    return found  # type: ignore[return-value] # all readings, as asserted


# Short and long values (over what is kept), allowed and refused.
_values = st.sampled_from(["", " ", "x", "medtop:", "medtop:123", "not a URI", "politics" * 40])


@given(_values, _values, _values)
def test_a_subject_reads_the_same_in_every_item_that_holds_it(
    name: str, qcode: str, uri: str
) -> None:
    # The second item's concept is the one built for the first, or the
    # same refusal again: each item reports its own losses.
    subject = f'<subject qcode="{qcode}" uri="{uri}"><name>{name}</name></subject>'
    first, second = _readings(content=subject)
    scheme, _, code = qcode.partition(":")
    try:
        expected: tuple[Concept, ...] = (
            Concept(name=name.strip() or None, code=code or None, scheme=scheme or None, uri=uri),
        )
    except ValueError:
        expected = ()
    assert expected == first.article.subjects
    assert first.article == second.article
    assert [loss.what for loss in first.losses] == [loss.what for loss in second.losses]


def test_a_refused_service_is_reported_in_each_item() -> None:
    service = '<service qcode=""><name>News</name></service>'
    first, second = _readings(meta=service)
    assert first.losses
    assert [loss.what for loss in first.losses] == [loss.what for loss in second.losses]
    assert () == first.article.sections == second.article.sections


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ('[{"path": ["News", "Local"]}]', (Section(path=("News", "Local")),)),
        ('[{"path": ["' + "N" * 300 + '"]}]', (Section(path=("N" * 300,)),)),
        ('[{"path": []}]', None),
        ('[{"path": ["News"], "path": ["Local"]}]', None),
    ],
)
def test_a_field_held_as_json_reads_the_same_in_every_item(
    text: str, sections: tuple[Section, ...] | None
) -> None:
    field = f'<nm:field name="sections">{text}</nm:field>'
    first, second = _readings(content=field)
    if sections is None:  # refused in both items, each reporting it
        assert len(first.losses) == len(second.losses) == 1
        assert first.losses[0].what == second.losses[0].what
        assert "field 'sections'" in first.losses[0].what
    else:
        assert sections == first.article.sections == second.article.sections


def test_subjects_of_a_feed_are_built_once() -> None:
    subject = '<subject qcode="medtop:20000621"><name>politics</name></subject>'
    first, second = _readings(content=subject)
    expected = Concept(name="politics", code="20000621", scheme="medtop")
    assert (expected,) == first.article.subjects
    assert first.article.subjects[0] is second.article.subjects[0]


def test_long_values_are_not_kept() -> None:
    # What is kept for later items stays small whatever a feed sends.
    kept = reader._coded_concept.cache_info().currsize  # noqa: SLF001 - the cache is private
    name = "politics " * 100
    first, second = _readings(content=f'<subject qcode="medtop:1"><name>{name}</name></subject>')
    assert name.strip() == first.article.subjects[0].name == second.article.subjects[0].name
    assert kept == reader._coded_concept.cache_info().currsize  # noqa: SLF001


def _quotation(speaker: str) -> str:
    return f'<nm:quotation kind="full"><nm:text>We will.</nm:text>{speaker}</nm:quotation>'


_uris = st.sampled_from([None, "urn:x:1", "not a URI"])


@given(
    _values,
    _values,
    st.none() | _values,
    st.tuples(_uris, _uris),
    st.sampled_from(["person", "organization"]),
)
def test_a_speaker_reads_the_same_in_every_item_that_quotes_them(
    name: str, title: str, affiliation: str | None, uris: tuple[str | None, str | None], kind: str
) -> None:
    # The second item's speaker is the one built for the first, or the same
    # refusal again (an empty name, a URI that is not one).  An organization's
    # affiliation is not read; an affiliation without a name is refused.
    def attribute(key: str, value: str | None) -> str:
        return "" if value is None else f' {key}="{value}"'

    uri, at = uris  # the speaker's, the affiliation's
    belongs = ""
    if affiliation is not None:  # an empty name is left out, which is refused
        named = f' name="{affiliation}"' if affiliation else ""
        belongs = f"<nm:affiliation{named}{attribute('uri', at)}/>"
    speaker = (
        f'<nm:speaker type="{kind}" name="{name}" title="{title}"{attribute("uri", uri)}>'
        f"{belongs}</nm:speaker>"
    )
    first, second = _readings(content=_quotation(speaker))
    expected: Person | Organization | None
    try:
        if kind == "organization":
            expected = Organization(name=name, uri=uri)
        else:
            organization = None if affiliation is None else Organization(name=affiliation, uri=at)
            expected = Person(name=name, uri=uri, title=title, affiliation=organization)
    except ValueError:
        expected = None
    speakers = [q.speaker for q in first.article.quotations]
    assert speakers == ([] if expected is None else [expected])
    assert first.article == second.article
    assert [loss.what for loss in first.losses] == [loss.what for loss in second.losses]


def test_speakers_of_a_feed_are_built_once() -> None:
    speaker = '<nm:speaker type="person" name="Ann Lee" title="Mayor"/>'
    first, second = _readings(content=_quotation(speaker))
    assert Person(name="Ann Lee", title="Mayor") == first.article.quotations[0].speaker
    assert first.article.quotations[0].speaker is second.article.quotations[0].speaker
    long_name = "Ann Lee " * 40  # over what is kept: built for each item
    first, second = _readings(content=_quotation(f'<nm:speaker name="{long_name}"/>'))
    assert Person(name=long_name) == first.article.quotations[0].speaker
    assert first.article.quotations[0].speaker is not second.article.quotations[0].speaker
