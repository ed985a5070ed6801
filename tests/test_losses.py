"""
The writers' losses, worked out from the mapping, against a read-back done here.

Writers no longer read their own output: each reports what it loses (or, for
NewsML-G2, which fields it holds in ``nm:field`` extension elements) from the
article alone.  These properties read every written document back with the
real readers, independently of the writers' code, and hold the two equal, so
a writer that starts dropping a field, or a projection that drifts from the
reader, fails here.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel.conversion import Reading
from newsmodel.formats import Format, info, newsml_g2
from newsmodel.formats.jsonld import losses as jsonld_losses
from newsmodel.formats.newsml_g2 import standard
from newsmodel.formats.ninjs import losses as ninjs_losses
from newsmodel.model import Article, Body
from strategies import articles

_EXTENSION = "urn:newsmodel:newsml-g2:1"
WRITTEN = [f for f in Format if info(f).writable]


# Bodies with more than paragraphs of text, which JSON-LD keeps only as text.
_MARKED = st.sampled_from(
    [
        "<h2>Budget</h2><p>The <em>council</em> met.</p>",
        "<p>One<br/>line</p><ul><li>a</li><li>b</li></ul>",
        "<pre>  kept\n\n  as is</pre>",
        "<blockquote><p>Said &amp; done.</p></blockquote>",
        "<p>Tom &amp; Jerry</p>",
    ]
).map(lambda html: Body(html=html))
any_articles = articles() | st.builds(
    lambda article, body: attrs.evolve(article, body=body, quotations=()), articles(), _MARKED
)


def read_back(format_: Format, text: str) -> Article:
    """The one article a written document holds, read by the format's reader."""
    (item,) = info(format_).codec().read_items(text)
    assert isinstance(item, Reading), item
    return item.article


def differing(article: Article, back: Article, skip: frozenset[str] = frozenset()) -> set[str]:
    return {
        f.name
        for f in attrs.fields(Article)
        if f.name not in skip and getattr(article, f.name) != getattr(back, f.name)
    }


@pytest.mark.parametrize("format_", WRITTEN)
@given(article=any_articles)
def test_the_reported_losses_are_what_reading_back_finds(format_: Format, article: Article) -> None:
    writing = info(format_).codec().write(article)
    back = read_back(format_, writing.text)
    reported = {loss.where.removeprefix("$.") for loss in writing.losses}
    assert differing(article, back) == reported
    for loss in writing.losses:
        name = loss.where.removeprefix("$.")
        if getattr(back, name) in (None, ()):
            assert "no place" in loss.what or name == "id", loss
        else:
            assert "only part" in loss.what or name == "id", loss


@pytest.mark.parametrize(
    ("format_", "comes_back"),
    [(Format.JSONLD, jsonld_losses.comes_back), (Format.NINJS, ninjs_losses.comes_back)],
)
@given(article=any_articles)
def test_what_the_writer_expects_back_is_what_comes_back(
    format_: Format, comes_back: Any, article: Article
) -> None:
    back = read_back(format_, info(format_).codec().write(article).text)
    expected = comes_back(article)
    for name in attrs.fields_dict(Article):
        assert getattr(back, name) == expected.get(name, getattr(article, name)), name


def _without_extensions(text: str) -> tuple[bytes, set[str]]:
    """An item without newsmodel's elements, and the fields it held as JSON."""
    item = etree.fromstring(text.encode())
    held = {e.get("name", "") for e in item.iter(f"{{{_EXTENSION}}}field")}
    for element in list(item.iter(f"{{{_EXTENSION}}}*")):
        element.getparent().remove(element)  # type: ignore[union-attr]
    return etree.tostring(item), held


@given(article=any_articles)
def test_newsml_g2_holds_as_json_exactly_what_its_own_elements_cannot_give_back(
    article: Article,
) -> None:
    plain, held = _without_extensions(newsml_g2.dumps(article))
    back = newsml_g2.read(plain).article
    # Quotations have extension elements of their own: without them there are none.
    assert differing(article, back, skip=frozenset({"quotations"})) == held
    expected = standard.gives_back(article)
    for name in attrs.fields_dict(Article):
        if name != "quotations":
            assert getattr(back, name) == expected.get(name, getattr(article, name)), name


def test_a_body_of_paragraphs_is_written_as_its_canonical_markup() -> None:
    body = Body.from_paragraphs("Tom & Jerry <3", "", "a\rb")
    assert "<p>Tom &amp; Jerry &lt;3</p><p/><p>a&#13;b</p>" == body.html
    assert Body(html=body.html) == body
