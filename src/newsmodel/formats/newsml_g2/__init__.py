"""
IPTC NewsML-G2: text ``newsItem`` documents, alone or in a ``newsMessage``.

* Reading takes any NewsML-G2 2.x text item and is liberal: whatever the
  model cannot hold is returned as a :class:`~newsmodel.conversion.Loss`,
  and times without an offset or guids that are not URIs are reported, not
  guessed at.  Pictures, videos, packages and other items that are not
  articles are returned as :class:`~newsmodel.conversion.NonArticle`.
* Bodies are read from XHTML or NITF in ``inlineXML``, or plain text in
  ``inlineData``, and cleaned with a sanitiser.
* Writing produces NewsML-G2 2.35 with power conformance, valid against the
  official schema and newsmodel's profile (``newsmodel-newsml-g2.xsd``).
  What the standard elements cannot say exactly is also written in
  newsmodel's extension namespace (``urn:newsmodel:newsml-g2:1``), so
  reading a written item gives back the same article.
* No DTD, entity or network access, ever: see :mod:`newsmodel._lowlevel.xml`.

The mapping table is in the documentation, ``docs/formats/newsml-g2.md``.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.conversion import Item, Reading, Unreadable, Writing, article_of
from newsmodel.errors import ParseError, StructureError
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.formats.newsml_g2 import reader, writer

if TYPE_CHECKING:
    from collections.abc import Iterator
    from os import PathLike

    from newsmodel.model import Article

__all__ = [
    "dumps",
    "iter_directory",
    "iter_documents",
    "iter_items",
    "loads",
    "read",
    "read_items",
    "write",
]

_ITEMS = tuple(
    g2.nar(name)
    for name in ("newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem")
)
_ROOTS = frozenset({*_ITEMS, g2.nar("newsMessage")})
_NEWS_ITEM = g2.nar("newsItem")
_PARSED_WHOLE = 2**20  # bytes


def iter_items(source: IO[bytes]) -> Iterator[Item]:
    """
    Read the items of a ``newsMessage``, or the one item of a document.

    The items are read as they stream past, so memory stays flat however
    many there are.

    Raises:
        ParseError: The document is not well-formed XML or not NewsML-G2; the
            items before the problem have been yielded.
    """
    elements = hardened_xml.iterparse(source, _ITEMS)
    _check_root(next(elements, None))
    for element in elements:
        yield reader.read_item(element)


def iter_documents(source: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """
    Split a ``newsMessage`` into its items, each a document of its own.

    For spreading one message's items over many workers (``newsmodel.beam``):
    each item reads alone as it reads in the message.  The items stream past
    as in :func:`iter_items`, each with the line of the source it starts on.

    Raises:
        ParseError: As :func:`iter_items`, after the items before the problem.
    """
    elements = hardened_xml.iterparse(source, _ITEMS)
    _check_root(next(elements, None))
    for element in elements:
        yield element.sourceline or 1, etree.tostring(element, encoding="utf-8")


def _check_root(root: etree._Element | None) -> None:
    if root is None or root.tag not in _ROOTS:
        # Not etree.QName: a broken document may start with a tag it refuses.
        namespace, _, name = ("" if root is None else str(root.tag)).rpartition("}")
        found = "nothing" if root is None else f"<{name}>"
        if root is not None and namespace[1:] != g2.NAR:
            found += f" in namespace {namespace[1:] or None!r}"
        msg = f"expected a NewsML-G2 newsItem or newsMessage, found {found}"
        raise ParseError(msg, line=1)


def iter_directory(directory: str | PathLike[str]) -> Iterator[tuple[Path, Item]]:
    """
    Read the items of every ``*.xml`` file below *directory*, in name order.

    Each file is streamed as by :func:`iter_items`.  A file that is not
    well-formed NewsML-G2 gives one :class:`~newsmodel.conversion.Unreadable`
    (the items it held before the problem come first) and the walk goes on.
    """
    for path in sorted(Path(directory).rglob("*.xml")):
        with path.open("rb") as stream:
            try:
                for item in iter_items(stream):
                    yield path, item
            except ParseError as error:
                yield path, Unreadable(where=str(path), reason=str(error))


def read_items(data: bytes | str) -> Iterator[Item]:
    """
    Read every item of a document held in memory; see :func:`iter_items`.

    A document of up to a megabyte is parsed whole, which is faster than
    streaming it; a larger one, or one that is not well-formed (so that the
    items before the problem are still read), is streamed.
    """
    raw = data.encode() if isinstance(data, str) else data
    root = _parsed_whole(raw) if len(raw) <= _PARSED_WHOLE else None
    if root is None:
        yield from iter_items(io.BytesIO(raw))
        return
    if root.tag == _NEWS_ITEM:  # most documents: one item, read without a search
        yield reader.read_item(root)
        return
    _check_root(root)
    for element in [root] if root.tag in _ITEMS else root.iter(*_ITEMS):
        yield reader.read_item(element)


def _parsed_whole(data: bytes) -> etree._Element | None:
    """The document's root; ``None`` if it is not well-formed, to stream the items before that."""
    try:
        return hardened_xml.parse(data)
    except ParseError:
        return None


def read(data: bytes | str) -> Reading:
    """
    Read the one article of a ``newsItem``, or of a message with one item.

    Raises:
        ParseError: The document is not well-formed, or not NewsML-G2.
        StructureError: The item cannot make an article, or a message holds
            more than one item.
        NotAnArticleError: The item is a picture, a package, ...
    """
    items = list(read_items(data))
    if len(items) != 1:
        msg = f"expected one item, found {len(items)}; read them with read_items()"
        raise StructureError((("/", msg),))
    (item,) = items
    if not isinstance(item, Reading):
        raise item.error()
    return item


def loads(data: bytes | str, /, *, lossless: bool = False) -> Article:
    """
    Read the one article of a document; see :func:`read`.

    Args:
        data: The document.
        lossless: Raise :class:`~newsmodel.errors.LossyConversionError`
            instead of leaving out what the model cannot hold.
    """
    return article_of(read(data), lossless=lossless)


def write(article: Article, /) -> Writing:
    """
    Write *article*, as every format writes: NewsML-G2 items lose nothing.
    """
    return Writing(text=dumps(article))


def dumps(article: Article, /, *, version_created: datetime | None = None) -> str:
    """
    Write *article* as a NewsML-G2 2.35 ``newsItem`` document.

    Args:
        article: The article.
        version_created: The ``versionCreated`` time of an article without a
            ``modified`` time; by default the time of writing.
    """
    return writer.write_item(article, version_created=version_created or datetime.now(UTC))
