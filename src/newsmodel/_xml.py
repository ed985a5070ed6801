"""
The one place newsmodel parses XML: a hardened lxml parser.

No DTD is loaded, no entity is resolved, nothing is fetched from the network
and no huge tree is built.  A document with a DOCTYPE or an entity reference
is refused after parsing, since a news document never needs one and every
XML bomb starts with one; nothing has been expanded by then.
"""

from __future__ import annotations

import threading

from lxml import etree

from newsmodel.errors import ParseError

__all__ = ["parse"]

_PROTOTYPE = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=False,
    remove_pis=False,
)
# lxml serialises access to a shared parser; the FAQ advises one copy per thread.
_LOCAL = threading.local()
_DOCTYPE = b"<!DOCTYPE"
_NO_DOCTYPE = "a DOCTYPE is not supported: news documents need no DTD or entities"


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = _PROTOTYPE.copy()
    return parser


def parse(data: bytes) -> etree._Element:
    """
    Parse *data* as an XML document and return its root element.

    Raises:
        ParseError: The bytes are not well-formed XML, or carry a DOCTYPE
            or an entity reference.
    """
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        if _DOCTYPE in data:
            # An entity the DTD declared but may not be loaded: say why.
            raise ParseError(_NO_DOCTYPE, line=1, column=None) from error
        line, column = error.position
        entry = error.error_log.last_error
        message = entry.message if entry is not None else error.msg
        raise ParseError(message, line=line, column=column) from error
    if root.getroottree().docinfo.doctype:
        raise ParseError(_NO_DOCTYPE, line=1, column=None)
    for entity in root.iter(etree.Entity):
        message = f"entity reference {entity.text} is not supported"
        raise ParseError(message, line=entity.sourceline, column=None)
    return root
