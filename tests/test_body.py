"""A body holds only safe, well-formed XHTML, in one canonical form."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel._lowlevel import validators, xhtml, xml
from newsmodel._lowlevel.validators import NOT_XML_CHARACTERS
from newsmodel.errors import FieldError
from newsmodel.model import Body
from strategies import non_empty_texts


@pytest.mark.parametrize(
    ("html", "fragment"),
    [
        ("<p>a</p><script>alert(1)</script>", "element <script> is not allowed"),
        ('<p onclick="x()">a</p>', "attribute 'onclick' is not allowed on <p>"),
        ('<p><a href="javascript:alert(1)">a</a></p>', "URL scheme 'javascript'"),
        ('<p><a href=" JaVa\tScRiPt:alert(1)">a</a></p>', "URL scheme 'JaVaScRiPt'"),
        ('<p><img src="data:image/png;base64,AAAA"/></p>', "URL scheme 'data'"),
        ("<p>a</p><!-- note -->", "comments and processing instructions"),
        ("<p>a", "expected well-formed XHTML"),
        ("<p>&nbsp;</p>", "Entity 'nbsp' not defined"),
        ("loose text", "text outside a block element"),
        ("<b>bold</b>", "expected a block element at the top level, got <b>"),
        (
            '<p xmlns="http://www.w3.org/1999/xhtml">a</p>',
            "element <{http://www.w3.org/1999/xhtml}p>",
        ),
        ("", "expected non-empty text"),
    ],
)
def test_unsafe_or_malformed_markup_is_refused(html: str, fragment: str) -> None:
    with pytest.raises(FieldError) as caught:
        Body(html=html)
    assert "html" == caught.value.field
    assert fragment in caught.value.message


def test_error_position_counts_from_the_fragment() -> None:
    html = "<p>a</b>"
    with pytest.raises(FieldError) as caught:
        Body(html=html)
    # libxml2 reports the column just past the offending tag, 1-based.
    column = html.index("</b>") + len("</b>") + 1
    assert f"line 1, column {column}:" in caught.value.message


def test_markup_is_kept_in_canonical_form() -> None:
    body = Body(html='<p class = "x" >a &amp; b<br></br>c</p>\n  <ul><li>one</li></ul>')
    assert '<p class="x">a &amp; b<br/>c</p><ul><li>one</li></ul>' == body.html
    assert Body(html=body.html) == body


def test_safe_links_pass() -> None:
    html = '<p><a href="https://example.com/a?b=c">x</a> <a href="/relative">y</a></p>'
    assert html == Body(html=html).html


def test_text_has_one_paragraph_per_block() -> None:
    body = Body(
        html="<h2> Title </h2><p>One <em>two</em><br/>three</p>"
        "<ul><li>first</li><li>second<ul><li>inner</li></ul>tail</li></ul>"
    )
    assert "Title\n\nOne two\nthree\n\nfirst\n\nsecond\n\ninner\n\ntail" == body.text


@given(st.lists(non_empty_texts, min_size=1, max_size=5))
def test_paragraphs_come_back_as_text(paragraphs: list[str]) -> None:
    """The text is what a browser shows: white space runs are one space."""
    body = Body.from_paragraphs(*paragraphs)
    shown = [re.sub(r"[ \t\n\f\r]+", " ", p).strip() for p in paragraphs]
    assert "\n\n".join(shown) == body.text
    assert body == Body(html=body.html)


def test_text_collapses_white_space_but_in_pre() -> None:
    body = Body(html="<p>  a\n   b <b> c </b>  d <br/>  e </p><pre>x\n  y</pre><p> </p>")
    assert "a b c d\ne\n\nx\n  y" == body.text


_words = st.sampled_from(["a", " b ", "c\n", "\t", " ", "déjà", "x  y"])
_inline = st.recursive(
    _words,
    lambda inner: st.tuples(
        st.sampled_from(["b", "em", "a", "span"]), st.lists(inner, max_size=3)
    ).map(lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"),
    max_leaves=6,
)
_paragraphs = st.tuples(st.sampled_from(["p", "h2", "li"]), st.lists(_inline, max_size=4)).map(
    lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"
)
_others = st.recursive(
    st.tuples(st.sampled_from(["p", "pre"]), st.lists(_inline | st.just("<br/>"), max_size=4)).map(
        lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"
    ),
    lambda inner: st.lists(inner, min_size=1, max_size=3).map(
        lambda items: f"<div>{''.join(items)}</div>"
    ),
    max_leaves=5,
)
# Mostly paragraphs of inline markup (the short way), sometimes more.
_blocks = st.one_of(_paragraphs, _paragraphs, _paragraphs, _others)


@given(st.lists(_blocks, min_size=1, max_size=4).map("".join))
def test_the_short_way_to_the_text_is_the_long_way(html: str) -> None:
    # Paragraphs of inline markup take a short way to their text; anything
    # else walks the tree. Where the short way is taken, both agree.
    parse = xhtml._parse  # noqa: SLF001 - both ways are private; their agreement is the point
    short = xhtml._simple_paragraphs(parse(html))  # noqa: SLF001
    walked = xhtml._Text()  # noqa: SLF001
    walked.walk(parse(html), preformatted=False)
    assert short in (None, "\n\n".join(walked.paragraphs))


@given(st.lists(_blocks, min_size=1, max_size=4).map("".join))
def test_the_text_of_a_body_is_the_text_of_the_markup_it_was_given(html: str) -> None:
    # The text comes from the canonical markup: it must be what the markup
    # given gives.
    walked = xhtml._Text()  # noqa: SLF001 - the long way is the reference
    walked.walk(xhtml._parse(html), preformatted=False)  # noqa: SLF001
    assert "\n\n".join(walked.paragraphs) == Body(html=html).text
    assert Body(html=html).text == xhtml.plain_text(Body(html=html).html)


def _parsed_and_checked(html: str) -> tuple[str, str]:
    """The canonical form and text of *html* the long way: parsed, checked, walked."""
    canonical, _ = xhtml.fragment_checked(xhtml._parse(html))  # noqa: SLF001 - the reference
    walked = xhtml._Text()  # noqa: SLF001
    walked.walk(xhtml._parse(canonical), preformatted=False)  # noqa: SLF001
    return canonical, "\n\n".join(walked.paragraphs)


@given(st.lists(st.text(st.sampled_from(" \t\n\r&<>ab"), max_size=12), min_size=1, max_size=3))
def test_paragraphs_written_directly_are_what_checking_them_gives(texts: list[str]) -> None:
    body = Body.from_paragraphs(*texts)
    assert (body.html, body.text) == _parsed_and_checked(body.html)


# Markup near the paragraphs newsmodel writes: most of it is not exactly that.
_near_written = st.lists(
    st.sampled_from(
        [
            *("<p>", "</p>", "<p/>", "<b>", "</b>", "<p class='x'>", "<script>"),
            *("&amp;", "&lt;", "&gt;", "&#13;", "&quot;", "&#233;"),
            *("a", " ", "\n", "\r", ">", "\x0b"),
        ]
    ),
    max_size=12,
).map("".join)


@given(_near_written)
def test_markup_taken_without_a_parse_is_what_the_parse_gives(html: str) -> None:
    # Plain paragraphs, written as newsmodel writes them, are taken as they
    # are; anything else is parsed. Both ways must give one verdict.
    try:
        expected = _parsed_and_checked(html)
    except ValueError:
        with pytest.raises(FieldError):
            Body(html=html)
        return
    if not expected[0].strip():
        return  # an empty body is refused either way, for a reason of its own
    body = Body(html=html)
    assert (body.html, body.text) == expected


@given(st.lists(_blocks, min_size=1, max_size=4).map("".join))
def test_blocks_checked_where_they_were_parsed_are_the_body_of_their_markup(html: str) -> None:
    # NewsML-G2 items hold their body: it is checked in the parsed item, whose
    # element has attributes and a tail of its own.
    document = xml.parse(f'<item><body class="main">{html}</body>\n tail</item>'.encode())
    body = Body.from_element(document[0])
    assert Body(html=html) == body
    assert xhtml.plain_text(body.html) == body.text


@pytest.mark.parametrize("html", ['<p xmlns="">Text</p>', '<p xmlns:x="urn:x">Text</p>'])
def test_namespace_declarations_are_not_kept(html: str) -> None:
    # Inside a NewsML-G2 item's XHTML a kept xmlns="" would take the block
    # out of the XHTML namespace.
    assert Body(html=html) == Body.from_paragraphs("Text")


def test_blocks_checked_in_a_document_leave_its_namespaces_behind() -> None:
    # lxml writes an element with the declarations of its ancestors.
    document = xml.parse(b'<item xmlns:q="urn:q" q:a="1"><body q:b="2"><p>Hi</p></body></item>')
    assert Body.from_element(document[0]) == Body.from_paragraphs("Hi")


def _refused_by_the_scheme_rule(url: str) -> bool:
    """The rule for links, in full: the scheme read as browsers read it, noise removed."""
    scheme = xhtml._SCHEME.match(xhtml._URL_NOISE.sub("", url))  # noqa: SLF001 - the rule itself
    return scheme is not None and scheme.group(1).lower() not in xhtml.ALLOWED_URL_SCHEMES


_urls = st.lists(
    st.sampled_from(
        [
            *("http", "https", "HTTP", "://", ":", "/", "java", "script", "data", "mailto", "x"),
            *("\t", " ", "\n", "\x01", "%20", "#", "?a=b:c", "//", "é"),
        ]
    ),
    max_size=8,
).map("".join)


@given(_urls)
def test_links_passed_without_the_scheme_rule_are_links_it_passes(url: str) -> None:
    # Most links start "http://" or "https://", or have no colon at all, and
    # are passed without the rule's patterns: the rule must agree.
    try:
        xhtml._check_url("a", "href", url)  # noqa: SLF001 - the shortcut is the point
    except ValueError:
        assert _refused_by_the_scheme_rule(url)
    else:
        assert not _refused_by_the_scheme_rule(url)


@given(st.text(min_size=1).filter(lambda text: text.lstrip()[:1] not in ("", "<", "&")), _blocks)
def test_markup_with_text_before_its_first_tag_is_never_a_body(text: str, blocks: str) -> None:
    # ninjs sends such HTML straight to the sanitiser, without trying it as a body.
    with pytest.raises(FieldError):
        Body(html=text + blocks)


@given(st.text(st.sampled_from(["a", "é", "’", " ", "\n", "\t", "\r", "\xa0", "\u200b", "\xad"])))
def test_text_fit_for_xml_is_text_without_a_character_it_cannot_carry(text: str) -> None:
    for unfit in ("", "\x07", "\x0b", "\x1f", "\ud800", "\ufffe", "\uffff"):
        for marred in (text + unfit, unfit + text):
            assert validators.fit_for_xml(marred) == (validators.NOT_XML.search(marred) is None)


_XHTML = "http://www.w3.org/1999/xhtml"


@given(st.lists(_blocks, min_size=1, max_size=4).map("".join))
def test_xhtml_blocks_checked_where_they_were_parsed_are_the_body_of_their_markup(
    html: str,
) -> None:
    # A NewsML-G2 item's XHTML body is checked with its elements in XHTML's
    # namespace, as parsed, and gives the body its markup gives alone.
    document = xml.parse(
        f'<html xmlns="{_XHTML}" xmlns:q="urn:q"><head><title>T</title></head>'
        f'<body q:b="1">\n{html}\n</body></html>'.encode()
    )
    body = Body.from_element(document[1])
    assert Body(html=html) == body
    assert xhtml.plain_text(body.html) == body.text  # cut or walked, the same text


@given(
    st.lists(_blocks, min_size=1, max_size=4).map("".join),
    st.sampled_from(["http://iptc.org/std/nar/2006-10-01/", "urn:o"]),
)
def test_blocks_left_in_their_document_s_namespace_are_the_body_of_their_markup(
    html: str, namespace: str
) -> None:
    # Feeds that declare no namespace for the XHTML in a NewsML-G2 item leave
    # it in the item's own: its blocks are checked there, as parsed.
    document = xml.parse(
        f'<html xmlns="{namespace}" xmlns:q="urn:q"><body q:b="1">\n{html}\n</body></html>'.encode()
    )
    assert Body(html=html) == Body.from_element(document[0])


@pytest.mark.parametrize(
    "blocks",
    [
        '<p>a</p><p xmlns="urn:other">b</p>',
        f'<p>a</p><p xmlns="{_XHTML}">b</p>',
        '<p>a <b xmlns="">b</b></p>',
        "<p>a</p><header>h</header>",
    ],
)
def test_blocks_of_another_namespace_than_their_body_s_are_refused(blocks: str) -> None:
    document = xml.parse(f'<body xmlns="urn:o">{blocks}</body>'.encode())
    with pytest.raises(FieldError, match="is not allowed"):
        Body.from_element(document)


@given(st.lists(non_empty_texts | st.just(""), min_size=1, max_size=5))
def test_written_paragraphs_in_xhtml_are_taken_as_they_are(texts: list[str]) -> None:
    # Paragraphs as newsmodel writes them are recognised in the item, not walked.
    expected = Body.from_paragraphs(*texts)
    document = xml.parse(f'<html xmlns="{_XHTML}"><body>{expected.html}</body></html>'.encode())
    body = Body.from_element(document[0])
    assert expected == body
    assert (expected.text, xhtml.plain_text(body.html)) == (body.text, body.text)


@given(st.lists(_blocks, min_size=1, max_size=4).map("".join), st.sampled_from(["", "h:"]))
def test_xhtml_blocks_checked_in_an_item_are_the_body_of_their_markup(
    html: str, prefix: str
) -> None:
    # Blocks in XHTML declared as the default namespace by an ancestor, inside
    # an item of another default namespace, are written as they are, without
    # a renaming walk; bound to a prefix, they are renamed.  Both are the body
    # the markup gives.
    declared = f'xmlns:h="{_XHTML}"' if prefix else f'xmlns="{_XHTML}"'
    blocks = re.sub(r"<(/?)(\w)", rf"<\1{prefix}\2", html)
    item = (
        f'<item xmlns="urn:item" xmlns:q="urn:q"><{prefix}html {declared}>'
        f'<{prefix}body class="main">{blocks}</{prefix}body>\n tail</{prefix}html></item>'
    )
    document = xml.parse(item.encode())
    assert Body(html=html) == Body.from_element(document[0][0])


@pytest.mark.parametrize(
    ("document", "html"),
    [
        # XHTML bound to a prefix, or declared again inside: written without.
        (
            f'<h:html xmlns:h="{_XHTML}"><h:body><h:p>a <h:b>b</h:b></h:p></h:body></h:html>',
            "<p>a <b>b</b></p>",
        ),
        (
            f'<html xmlns="{_XHTML}"><body><p><h:b xmlns:h="{_XHTML}">b</h:b></p></body></html>',
            "<p><b>b</b></p>",
        ),
        (f'<html xmlns="{_XHTML}"><body><p xmlns:q="urn:q">a</p></body></html>', "<p>a</p>"),
        # Text that only looks like a declaration is kept as it is.
        (
            f'<html xmlns="{_XHTML}"><body><p>xmlns="{_XHTML}"</p></body></html>',
            f'<p>xmlns="{_XHTML}"</p>',
        ),
    ],
)
def test_xhtml_blocks_are_written_without_namespaces(document: str, html: str) -> None:
    body = Body.from_element(xml.parse(document.encode())[-1])
    assert html == body.html


def test_paragraphs_of_another_namespace_in_an_xhtml_body_are_refused() -> None:
    # Unprefixed, they are in the default namespace, which is not XHTML's.
    document = xml.parse(f'<h:body xmlns:h="{_XHTML}" xmlns="urn:o"><p>a</p></h:body>'.encode())
    with pytest.raises(FieldError, match=r"element <\{urn:o\}p> is not allowed"):
        Body.from_element(document)


@pytest.mark.parametrize(
    ("blocks", "fragment"),
    [
        ("<p>a</p><header>h</header>", "element <{http://www.w3.org/1999/xhtml}header>"),
        ('<p><o:b xmlns:o="urn:o">b</o:b></p>', "element <{urn:o}b>"),
        ('<p xmlns="">a</p>', "element <p>"),
        ('<p xmlns="urn:o">a</p>', "element <{urn:o}p>"),
        ("<p>a</p>loose", "text outside a block element"),
        ("<b>bold</b>", "expected a block element at the top level, got <b>"),
    ],
)
def test_a_refused_xhtml_body_is_left_as_it_was(blocks: str, fragment: str) -> None:
    # The reader gives a refused body to the sanitiser, as it was parsed.
    document = xml.parse(f'<html xmlns="{_XHTML}"><body class="c">{blocks}</body></html>'.encode())
    before = etree.tostring(document, encoding="unicode")
    with pytest.raises(FieldError) as caught:
        Body.from_element(document[0])
    assert fragment in caught.value.message
    assert before == etree.tostring(document, encoding="unicode")


def test_the_text_a_written_body_may_hold_is_spelt_as_the_characters_it_refuses() -> None:
    # ESCAPED_TEXT lists what escaped text may hold; on every character it
    # must say what "anything but <, >, &, a carriage return and what XML
    # cannot carry" says.
    allowed = re.compile(xhtml.ESCAPED_TEXT)
    refused = re.compile(rf"[^<>&\r{NOT_XML_CHARACTERS}]")
    for char in map(chr, range(sys.maxunicode + 1)):
        assert (allowed.match(char) is None) is (refused.match(char) is None), hex(ord(char))


@given(
    st.lists(non_empty_texts | st.just(""), min_size=1, max_size=4),
    st.sampled_from(["", "\n", "\n  "]),
    st.sampled_from(["", f' xmlns:x="{_XHTML}"']),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_paragraphs_laid_out_in_an_item_are_the_body_their_markup_gives(
    texts: list[str], space: str, declared: str, prefixed: list[bool]
) -> None:
    # Paragraphs laid out on lines are told from written ones without being
    # written out; checked blocks are written where they are when no prefix
    # can stand for their namespace, else from a copy. Either way, one body.
    expected = Body.from_paragraphs(*texts)
    tags = ["x:p" if declared and prefix else "p" for prefix in prefixed]
    blocks = space.join(
        f"<{tag}>{Body.from_paragraphs(text).html[3:-4]}</{tag}>"
        for tag, text in zip(tags, texts, strict=False)
    )
    document = xml.parse(
        f'<html xmlns="{_XHTML}"{declared}><body>{space}{blocks}{space}</body></html>'.encode()
    )
    body = Body.from_element(document[0])
    assert expected == body
    assert expected.text == body.text


@given(st.text(st.sampled_from(" \t\n\r\f\x0b\xa0ab"), max_size=20))
def test_white_space_collapses_as_one_pattern_over_every_run_would(text: str) -> None:
    # Tabs, line feeds and the like made spaces first, then runs of spaces:
    # what a browser shows, as one substitution of every run gives it.
    assert xhtml.WHITE_SPACE.sub(" ", text) == xhtml._collapsed(text)  # noqa: SLF001 - the shortcut
