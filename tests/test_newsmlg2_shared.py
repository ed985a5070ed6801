"""NewsML-G2 values a feed repeats (services, subjects, JSON fields), built once for all items."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.conversion import Reading
from newsmodel.formats import newsml_g2
from newsmodel.formats.newsml_g2 import names as g2_names
from newsmodel.formats.newsml_g2 import reader
from newsmodel.model import Concept, Section


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
