"""
The one place newsmodel parses XML: a hardened lxml parser.

No DTD is loaded, no entity is resolved, nothing is fetched from the network
and no huge tree is built.  A document with a DOCTYPE or an entity reference
is refused after parsing, since a news document never needs one and every
XML bomb starts with one; nothing has been expanded by then.

NITF is the one exception, through :func:`parse_dtd_based`: it is a DTD-based
standard, and DTD-era documents name their DTD.  A DOCTYPE that only names it
by an external identifier is ignored (never loaded) with a note; an internal
subset or an entity declaration is still refused.  The same function repairs
what old feeds get wrong about their encoding, and says so.
"""

from __future__ import annotations

import codecs
import re
import threading
from html.entities import html5
from typing import IO, TYPE_CHECKING, TypedDict

from lxml import etree

from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["iterparse", "load_schema", "parse", "parse_dtd_based"]


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
        raise ParseError(_tidy(message), line=line, column=column) from error
    # This one check also keeps out entity references: with entities left
    # unresolved, lxml keeps a reference only to an entity a DTD declared (an
    # undeclared one is a syntax error, the five predefined ones and character
    # references are always replaced), and a DTD has a DOCTYPE.
    # tests/test_xml.py shows it over every kind of reference.
    if root.getroottree().docinfo.doctype:
        raise ParseError(_NO_DOCTYPE, line=1, column=None)
    return root


# A DOCTYPE that names its DTD by an external identifier and holds nothing else.
_EXTERNAL_ONLY = re.compile(
    rb"""<!DOCTYPE\s+([\w.:-]+)\s+(?:PUBLIC\s+(?:"[^"]*"|'[^']*')\s*"""
    rb"""(?:"[^"]*"|'[^']*')?|SYSTEM\s+(?:"[^"]*"|'[^']*'))\s*>"""
)
_DECLARATION = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])""")
_UTF8_BOM = b"\xef\xbb\xbf"
# Encodings of one byte a character, as DTD-era feeds declare them.
_SINGLE_BYTE = re.compile(r"^(latin_1|iso8859_\d+|cp125\d|ascii)$")


def parse_dtd_based(data: bytes, *, doctype: str) -> tuple[etree._Element, tuple[str, ...]]:
    """
    Parse a document of a DTD-based standard, such as NITF, liberally but safely.

    A DOCTYPE naming the root *doctype* by an external identifier only is
    ignored (its DTD is never loaded); any other DOCTYPE is refused.  Named
    entities of HTML, which DTD-era documents use, are read as their
    characters; any other entity is refused.  Bytes that contradict the
    declared encoding (UTF-8 declared as Latin-1, Windows-1252 declared or
    taken as UTF-8) are read as what they are.

    Returns:
        The root element, and one note for each thing ignored or repaired.

    Raises:
        ParseError: As :func:`parse`.
    """
    notes: list[str] = []
    data = _repaired_encoding(data, notes)
    start = data.find(_DOCTYPE)
    if start >= 0:
        match = _EXTERNAL_ONLY.match(data, start)
        if match is None or match.group(1).decode() != doctype or data.count(_DOCTYPE) > 1:
            raise ParseError(_NO_DOCTYPE, line=data.count(b"\n", 0, start) + 1, column=None)
        # Parsed as it is: lxml neither loads nor fetches the DTD it names.
        notes.append(
            f"the DOCTYPE naming the {doctype.upper()} DTD was ignored: no DTD is ever loaded"
        )
    root = _parse_keeping_entities(data)
    declared = root.getroottree().docinfo.internalDTD
    if declared is not None and (any(declared.iterentities()) or any(declared.iterelements())):
        raise ParseError(_NO_DOCTYPE, line=1, column=None)  # a subset after all
    _replace_html_entities(root, notes)
    return root, tuple(notes)


def _parse_keeping_entities(data: bytes) -> etree._Element:
    """Parse as :func:`parse` does, but leave entity references to the caller."""
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        entry = error.error_log.last_error
        message = entry.message if entry is not None else error.msg
        raise ParseError(_tidy(message), line=line, column=column) from error


def _replace_html_entities(root: etree._Element, notes: list[str]) -> None:
    replaced: set[str] = set()
    for entity in list(root.iter(etree.Entity)):
        name = str(entity.text)[1:-1]
        character = html5.get(f"{name};")
        if character is None:
            message = f"entity reference {entity.text} is not supported"
            raise ParseError(message, line=entity.sourceline, column=None)
        replaced.add(str(entity.text))
        text = character + (entity.tail or "")
        previous, parent = entity.getprevious(), entity.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        elif parent is not None:
            parent.text = (parent.text or "") + text
        if parent is not None:
            parent.remove(entity)
    if replaced:
        notes.append("HTML entities read as their characters: " + ", ".join(sorted(replaced)))


def _repaired_encoding(data: bytes, notes: list[str]) -> bytes:
    """The document re-encoded as UTF-8 when its bytes contradict its declaration."""
    body = data.removeprefix(_UTF8_BOM)
    if body.isascii() or body[:2] in _UTF16_STARTS or body[:4] in _UTF16_STARTS:
        return data  # nothing to contradict, or UTF-16, which lxml tells by its bytes
    declaration = _DECLARATION.match(body)
    declared = declaration.group(2).decode("ascii") if declaration else None
    repaired = _reading(body, declared)
    if repaired is None:
        return data
    text, note = repaired
    notes.append(note)
    return _as_utf8(text, declaration)


_UTF16_STARTS = frozenset({b"\xff\xfe", b"\xfe\xff", b"<\x00?\x00", b"\x00<\x00?"})


def _reading(body: bytes, declared: str | None) -> tuple[str, str] | None:
    """The text of bytes that contradict their declared encoding, and a note; else ``None``."""
    try:
        codec = codecs.lookup(declared or "utf-8").name
    except LookupError:
        return None  # lxml names the encoding it does not know
    said = f"declared as {declared}" if declared else "taken as UTF-8 without a declaration"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        if codec not in {"utf-8", "ascii"}:
            return None  # Latin-1 and its kin: every byte is a character
        return _windows_1252(
            body
        ), f"the encoding is {said}, but the bytes are not: read as Windows-1252"
    if _SINGLE_BYTE.match(codec.replace("-", "_")) is None:
        return None
    return text, f"the encoding is {said}, but the bytes are UTF-8: read as UTF-8"


def _windows_1252(data: bytes) -> str:
    """Windows-1252, the superset of Latin-1 that old feeds are written in."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes it leaves undefined
        return data.decode("latin-1")


def _as_utf8(text: str, declaration: re.Match[bytes] | None) -> bytes:
    data = text.encode("utf-8")
    if declaration is None:
        return data
    return _DECLARATION.sub(rb"\g<1>UTF-8\g<3>", data, count=1)


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
