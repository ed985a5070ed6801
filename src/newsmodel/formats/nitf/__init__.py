"""
IPTC NITF: the News Industry Text Format of agencies' wires and archives.

* Reading takes NITF 3.0 to 3.6 as found in the wild: with or without the
  3.5/3.6 namespace, DTD-era documents whose DOCTYPE names the NITF DTD (the
  DOCTYPE is ignored with a warning, never loaded), Latin-1 and documents
  whose bytes contradict their declared encoding (read as what they are,
  with a warning).  Whatever the model cannot hold is a loss.
* The body is read from ``body.content``: paragraphs, subheads, block
  quotes, lists, tables and ``pre`` become XHTML; NITF's inline names
  (``<person>``, ``<org>``...) become ``<span class="person">``; ``media``
  become the article's images; ``q`` elements become quotations.
* Writing produces NITF 3.6, valid against the official XSD.  What NITF's
  elements cannot say exactly is also written in newsmodel's extension
  namespace (``urn:newsmodel:nitf:1``) at the end of ``head``, so that
  reading a written document gives back the same article.
* No DTD, entity or network access, ever: see :mod:`newsmodel._lowlevel.xml`.

The mapping table is in the documentation, ``docs/formats/nitf.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from newsmodel.conversion import Writing, article_of
from newsmodel.formats.nitf.reader import (
    printed_byline,
    read,
    read_document,
    read_element,
    read_items,
    read_story,
)
from newsmodel.formats.nitf.writer import build_document

if TYPE_CHECKING:
    from newsmodel.model import Article

__all__ = [
    "dumps",
    "loads",
    "printed_byline",
    "read",
    "read_document",
    "read_element",
    "read_items",
    "read_story",
    "write",
]


def loads(data: bytes | str, /, *, lossless: bool = False) -> Article:
    """
    Read the article of an NITF document; see :func:`read`.

    Args:
        data: The document.
        lossless: Raise :class:`~newsmodel.errors.LossyConversionError`
            instead of leaving out what the model cannot hold.
    """
    return article_of(read(data), lossless=lossless)


def write(article: Article, /) -> Writing:
    """
    Write *article*, as every format writes: NITF documents lose nothing.
    """
    return Writing(text=dumps(article))


def dumps(article: Article, /) -> str:
    """
    Write *article* as an NITF 3.6 document.
    """
    document = build_document(article)
    # Indent the head only: white space added inside the body would change it.
    body = document.find(f"{{{document.nsmap[None]}}}body")
    if body is not None:
        document.remove(body)
    etree.indent(document)
    if body is not None:
        document[-1].tail = "\n"
        body.tail = "\n"
        document.append(body)
    return etree.tostring(document, encoding="unicode") + "\n"
