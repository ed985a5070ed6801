"""The one XML parser refuses DOCTYPEs and entities, and never reaches out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from lxml import etree

from newsmodel._lowlevel.xml import parse
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
