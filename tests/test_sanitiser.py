"""The sanitiser's own parse of HTML is lxml.html's, without its element classes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from newsmodel._lowlevel import sanitiser

# Pieces of the HTML feeds send, and of HTML nobody should: stray and
# unclosed tags, whole documents, comments, entities, attributes.
_html = st.lists(
    st.sampled_from(
        [
            *("<p>", "</p>", "<b>", "</b>", "<br>", "<div>", "</div>", "<li>", "<ul>", "</ul>"),
            *("<section class=main>", "</section>", "<Company>", "</Company>", "<o:p>"),
            *("<html>", "<body>", "</body>", "<head><title>t</title></head>", "<!doctype html>"),
            *("<a href='javascript:x()'>", '<a href="https://example.com/">', "</a>"),
            *("<img src=x onerror=y>", "<script>x()</script>", "<!-- c -->", "<![CDATA[c]]>"),
            *("text", " ", "\n", "&nbsp;", "&amp;", "&#233;", "<", ">", "é"),
        ]
    ),
    max_size=12,
).map("".join)


def _lxml_html(markup: str) -> bytes | str:
    """What lxml.html gives: the reference the sanitiser's parse must equal."""
    try:
        fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, AssertionError) as error:
        return type(error).__name__
    return etree.tostring(fragment)


def _plain(markup: str) -> bytes | str:
    try:
        fragment = sanitiser._fragment(markup)  # noqa: SLF001 - the parse is the point
    except (etree.ParserError, AssertionError) as error:
        return type(error).__name__
    return b"" if fragment is None else etree.tostring(fragment)


@given(_html)
def test_the_plain_parser_builds_what_lxml_html_builds(markup: str) -> None:
    expected = _lxml_html(markup) if markup.strip() else b""
    assert expected == _plain(markup)


@pytest.mark.parametrize(
    ("markup", "removed"),
    [
        ('<section class="main"><p>Text</p></section>', ("<section>", "section@class")),
        ("<p onclick='x()'>Text</p><script>x()</script>", ("<script>", "p@onclick")),
        ('<p><a href="javascript:x()">a</a></p>', ("a@href",)),
        ("<p>Text</p>", ()),
    ],
)
def test_what_the_sanitiser_removed_is_named(markup: str, removed: tuple[str, ...]) -> None:
    assert removed == sanitiser.clean(markup)[1]
