"""
The one place newsmodel parses XML: a hardened lxml parser.

No DTD is loaded, no entity is resolved, nothing is fetched from the network
and no huge tree is built.  A document with a DOCTYPE (which any entity
reference left in the tree needs) is refused after parsing, since a news
document never needs one and every XML bomb starts with one; nothing has
been expanded by then.
"""

from __future__ import annotations

import re
import threading
from typing import IO, TYPE_CHECKING, TypedDict

from lxml import etree

from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["iterparse", "load_schema", "parse"]


class _Settings(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    dtd_validation: bool
    huge_tree: bool
    remove_comments: bool
    remove_pis: bool


# One set of safe settings for both ways of parsing: nothing loaded, fetched
# or expanded, libxml2's size limits kept, nothing of the document dropped.
_HARDENED = _Settings(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=False,
    remove_pis=False,
)
_PROTOTYPE = etree.XMLParser(**_HARDENED)
# lxml serialises access to a shared parser; the FAQ advises one copy per thread.
_LOCAL = threading.local()
_DOCTYPE = b"<!DOCTYPE"
_POSITION_SUFFIX = re.compile(r", line \d+, column \d+$")
_HUGE_ADVICE = re.compile(r",? use XML_PARSE_HUGE option")
_NO_DOCTYPE = "a DOCTYPE is not supported: news documents need no DTD or entities"


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = _PROTOTYPE.copy()
    return parser


def parse(data: bytes, *, external_doctype: bool = False) -> etree._Element:
    """
    Parse *data* as an XML document and return its root element.

    Args:
        data: The document.
        external_doctype: Accept a DOCTYPE that only names an external DTD
            (``<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd">``, as DTD-era NITF has),
            without loading it; one that declares anything is still refused.

    Raises:
        ParseError: The bytes are not well-formed XML, or carry a DOCTYPE
            or an entity reference.
    """
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        if _DOCTYPE in data and not external_doctype:
            # An entity the DTD declared but may not be loaded: say why.
            raise ParseError(_NO_DOCTYPE, line=1, column=None) from error
        line, column = error.position
        entry = error.error_log.last_error
        message = entry.message if entry is not None else error.msg
        raise ParseError(_tidy(message), line=line, column=column) from error
    # With no DOCTYPE, this one check also keeps out entity references: with
    # entities left unresolved, lxml keeps a reference only to an entity a DTD
    # declared (an undeclared one is a syntax error, the five predefined ones
    # and character references are always replaced), and a DTD has a DOCTYPE.
    # tests/test_xml.py shows it over every kind of reference.
    docinfo = root.getroottree().docinfo
    if docinfo.doctype and not (external_doctype and _declares_nothing(docinfo.internalDTD)):
        raise ParseError(_NO_DOCTYPE, line=1, column=None)
    if docinfo.doctype:
        # An external DTD may declare entities; it is never loaded, so a
        # reference to one stays unexpanded and would read as nothing.
        for entity in root.iter(etree.Entity):
            message = f"entity reference {entity.text} is not supported"
            raise ParseError(message, line=entity.sourceline, column=None)
    return root


def _declares_nothing(dtd: etree.DTD | None) -> bool:
    """Whether a DOCTYPE's internal subset is empty: no entity, no element declared."""
    return dtd is None or not (any(dtd.iterentities()) or any(dtd.iterelements()))


def _tidy(message: str) -> str:
    """libxml2's message as one line, without advice to lift its limits."""
    return _HUGE_ADVICE.sub("", message).strip()


def iterparse(source: IO[bytes], tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """
    Yield each element named in *tags* when it ends, the root element first.

    Memory stays flat: after the caller is done with an element (that is,
    when the next one is asked for) it is cleared and dropped from the tree.

    Raises:
        ParseError: As :func:`parse`, at the point the problem is reached.
    """
    events = etree.iterparse(source, events=("start", "end"), **_HARDENED)
    wanted = frozenset(tags)
    try:
        for event, element in events:
            if event == "start":
                if element.getparent() is None:
                    if element.getroottree().docinfo.doctype:
                        raise ParseError(_NO_DOCTYPE, line=1, column=None)
                    yield element
                continue
            if element.tag in wanted:
                yield element
                element.clear(keep_tail=True)
                parent = element.getparent()  # None for the root, whose siblings are PIs
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        # iterparse's message ends with the position, which ParseError adds itself.
        message = _tidy(_POSITION_SUFFIX.sub("", error.msg))
        line, column = error.position
        raise ParseError(message, line=line or None, column=column or None) from error


def load_schema(path: str) -> etree.XMLSchema:
    """
    Load an XML Schema from a file.

    The files it imports are read from beside it, and nothing from the network.
    """
    document = etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False))
    return etree.XMLSchema(document)
