"""The one XML parser refuses DOCTYPEs and entities, and never reaches out."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel._lowlevel.xml import _HARDENED, iterparse, parse
from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
        b'<!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><a>&x;</a>',
        (
            b'<!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><a>&c;&c;&c;&c;</a>'
        ),
        b'<!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a/>',
    ],
)
def test_doctypes_are_refused(data: bytes) -> None:
    with pytest.raises(ParseError, match="DOCTYPE is not supported"):
        parse(data)


def test_external_entities_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = f'<!DOCTYPE a [<!ENTITY x SYSTEM "{secret.as_uri()}">]><a>&x;</a>'.encode()
    with pytest.raises(ParseError) as caught:
        parse(data)
    assert "TOP SECRET" not in str(caught.value)


def test_undefined_entities_are_errors_with_a_position() -> None:
    with pytest.raises(ParseError) as caught:
        parse(b"<a>\n &nbsp;</a>")
    assert (2, 8) == (caught.value.line, caught.value.column)
    assert "Entity 'nbsp' not defined" == caught.value.message


def test_xinclude_is_not_processed() -> None:
    root = parse(
        b'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></a>'
    )
    assert b"root:" not in etree.tostring(root)


_DOCTYPES = [
    b"",
    b"<!DOCTYPE a>",
    b'<!DOCTYPE a [<!ENTITY e "v">]>',
    b'<!DOCTYPE a [<!ENTITY e "<b>&amp;</b>">]>',
    b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///dev/null">]>',
    b'<!DOCTYPE a [<!ENTITY % p "v">]>',
    b'<!DOCTYPE a SYSTEM "a.dtd">',
]
_REFERENCES = [b"&e;", b"&p;", b"%p;", b"&amp;", b"&lt;", b"&nbsp;", b"&#38;", b"&#x26;"]


@given(
    doctype=st.sampled_from(_DOCTYPES),
    reference=st.sampled_from(_REFERENCES),
    place=st.sampled_from([b"<a>{}</a>", b'<a x="{}"/>', b"<a><b>x{}y</b></a>"]),
    encoding=st.sampled_from(["utf-8", "utf-16"]),
)
def test_an_entity_reference_in_a_tree_needs_a_doctype(
    doctype: bytes, reference: bytes, place: bytes, encoding: str
) -> None:
    """
    Why ``parse`` needs no check for entity references of its own.

    Parsed with its settings, a tree keeps an entity reference only when a
    DOCTYPE declared the entity, and ``parse`` refuses every DOCTYPE.
    """
    text = (doctype + place.replace(b"{}", reference)).decode()
    data = f'<?xml version="1.0" encoding="{encoding}"?>{text}'.encode(encoding)
    try:
        root = etree.fromstring(data, etree.XMLParser(**_HARDENED))
    except etree.XMLSyntaxError:
        root = None
    if root is not None and any(True for _ in root.iter(etree.Entity)):
        assert root.getroottree().docinfo.doctype
    try:
        parsed = parse(data)
    except ParseError:
        return
    assert not any(True for _ in parsed.iter(etree.Entity))
    assert not parsed.getroottree().docinfo.doctype


def test_a_declared_entity_stays_in_the_tree_as_a_reference() -> None:
    """The case the property above is about does happen: it is not vacuous."""
    data = b'<!DOCTYPE a [<!ENTITY e "v">]><a>&e;</a>'
    root = etree.fromstring(data, etree.XMLParser(**_HARDENED))
    assert ["&e;"] == [str(entity) for entity in root.iter(etree.Entity)]
    with pytest.raises(ParseError, match="DOCTYPE is not supported"):
        parse(data)


@pytest.mark.parametrize("read", ["parse", "iterparse"])
@pytest.mark.parametrize(
    ("data", "message", "line", "column"),
    [
        (
            b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
            "a DOCTYPE is not supported: news documents need no DTD or entities",
            1,
            None,
        ),
        (b"<a>\n<b></a>", "Opening and ending tag mismatch: b line 2 and a", 2, 8),
        (b"<a>" * 300 + b"</a>" * 300, "Excessive depth in document: 256", 1, 771),
    ],
)
def test_both_ways_of_parsing_say_what_and_where_in_one_line(
    read: str, data: bytes, message: str, line: int, column: int | None
) -> None:
    """No advice to lift libxml2's limits, no position repeated in the message."""
    reader = parse if read == "parse" else lambda d: list(iterparse(io.BytesIO(d), ("b",)))
    with pytest.raises(ParseError) as caught:
        reader(data)
    assert (message, line, column) == (
        caught.value.message,
        caught.value.line,
        caught.value.column,
    )


def test_streaming_drops_each_item_once_the_next_is_asked_for() -> None:
    data = b"<feed>" + b"".join(b"<item><t>%d</t></item>" % n for n in range(5)) + b"</feed>"
    stream = iterparse(io.BytesIO(data), ("item",))
    root = next(stream)
    # Each item is whole when it is yielded; of those before it only the
    # last is left, emptied.
    seen = [
        (item.findtext("t"), [len(before) for before in item.itersiblings(preceding=True)])
        for item in stream
    ]
    assert [("0", []), *((str(n), [0]) for n in range(1, 5))] == seen
    assert [0] == [len(child) for child in root]
