"""
The NewsML-G2 writer writes text: every item is XML that lxml reads and writes alike.

The writer escapes text and attributes itself, so each property parses the
item with lxml and asks that lxml's own serialisation of what it read is
the item, character for character: a character escaped wrongly, a tag left
open or a namespace undeclared cannot pass.  Each item must also be valid
against the official NewsML-G2 2.35 XSD and newsmodel's profile, both as
bundled in the package, and read back as the article it was written from.
"""

from __future__ import annotations

from datetime import UTC, datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from conftest import SEED_JSON
from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.formats import json as native_json
from newsmodel.formats import newsml_g2
from newsmodel.formats.newsml_g2 import standard
from newsmodel.model import (
    Article,
    Body,
    Byline,
    Concept,
    Contributor,
    ContributorRole,
    Dateline,
    Organization,
    Person,
    Place,
    Quotation,
    Section,
)
from newsmodel.validation import bundled
from strategies import articles, uris

WRITTEN_AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

# Text made of what XML must escape, the white space attributes must keep, and a little else.
_markup = st.text(st.sampled_from("&<>\"'\r\n\t ]]>;#x\u00e9\u201c"), min_size=1, max_size=12)
_marked = _markup.filter(str.strip)
_maybe = st.none() | _marked


def _people() -> st.SearchStrategy[Person | Organization]:
    organizations = st.builds(Organization, name=_marked, uri=st.none() | uris)
    return organizations | st.builds(
        Person, name=_marked, title=_maybe, affiliation=st.none() | organizations
    )


@st.composite
def _marked_articles(draw: st.DrawFn) -> Article:
    """An article whose every text, in elements and in attributes, is mostly markup characters."""
    people = _people()
    return Article(
        headline=draw(_marked),
        alternative_headline=draw(_maybe),
        slugline=draw(_maybe),
        summary=draw(_maybe),
        sections=(Section(path=(draw(_marked), draw(_marked)), code=draw(_maybe)),),
        bylines=(
            Byline(
                text=draw(_maybe),
                contributors=(
                    Contributor(agent=draw(people), role=draw(st.sampled_from(ContributorRole))),
                ),
            ),
        ),
        dateline=Dateline(text=draw(_maybe), place=Place(name=draw(_marked))),
        genres=(Concept(code=draw(_marked), scheme=draw(_maybe)),),
        subjects=(Concept(name=draw(_marked), code=draw(_maybe)),),
        keywords=(draw(_marked),),
        provider=Organization(name=draw(_marked)),
        copyright_holder=draw(people),
        copyright_notice=draw(_maybe),
        usage_terms=draw(_maybe),
        body=Body.from_paragraphs(draw(_marked), draw(_markup)),
        quotations=(
            Quotation(
                text=draw(_marked),
                speaker=draw(people),
                speaker_mention=draw(_maybe),
                cue=draw(_maybe),
            ),
        ),
        boilerplate=(draw(_marked),),
        editorial_note=draw(_maybe),
    )


def _assert_sound(article: Article) -> None:
    """Written, the article is what lxml writes of it, valid, and read back the same."""
    document = newsml_g2.dumps(article, version_created=WRITTEN_AT)
    tree = hardened_xml.parse(document.encode())
    assert document == etree.tostring(tree, encoding="unicode") + "\n"
    official, profile = bundled.newsml_g2_xsd(), bundled.profile_xsd()
    assert official.validate(tree), official.error_log
    assert profile.validate(tree), profile.error_log
    reading = newsml_g2.read(document)
    assert () == reading.losses
    assert article == reading.article


@given(st.just(native_json.loads(SEED_JSON.read_bytes())) | articles())
def test_every_written_item_is_what_lxml_writes_of_it_and_valid(article: Article) -> None:
    _assert_sound(article)


@given(_marked_articles())
def test_markup_characters_everywhere_are_escaped_as_lxml_escapes_them(article: Article) -> None:
    _assert_sound(article)


def test_attributes_keep_line_breaks_tabs_and_quotes() -> None:
    """A parser reads a bare line break or tab in an attribute as a space: each is a reference."""
    speaker = Person(name='Ann "A"\tLee\r\nJr & <Co>')
    article = Article(headline="H", quotations=(Quotation(text="q", speaker=speaker),))
    document = newsml_g2.dumps(article, version_created=WRITTEN_AT)
    assert 'name="Ann &quot;A&quot;&#9;Lee&#13;&#10;Jr &amp; &lt;Co&gt;"' in document
    assert article == newsml_g2.loads(document)


def test_a_field_at_its_default_comes_back_as_it_is() -> None:
    """The writer never looks at such a field: it would hold nothing for it."""
    defaults = {field.name: field.default for field in attrs.fields(Article)}
    for name, project in standard.PROJECTIONS.items():
        if defaults[name] is not attrs.NOTHING:
            assert defaults[name] == project(defaults[name]), name
