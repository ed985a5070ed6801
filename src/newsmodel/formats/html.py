"""
The JSON-LD of an HTML page: its ``<script type="application/ld+json">`` blocks.

* The page is parsed with lxml's HTML parser (no network, no huge trees);
  a block is any ``script`` whose type is ``application/ld+json``, whatever
  its case or parameters (``; charset=utf-8``).
* Each block is parsed on its own, strictly: a block that is not JSON is
  reported with the line and column in the page, and does not hide the
  blocks around it.
* The article is the first article node of the blocks, as
  :mod:`newsmodel.formats.jsonld` reads it; the other blocks' problems are losses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import Loss, Reading, Unreadable, article_of
from newsmodel.errors import ParseError
from newsmodel.formats import jsonld

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsmodel.model import Article

__all__ = ["Block", "blocks", "loads", "read", "read_items"]

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


@attrs.frozen(kw_only=True)
class Block:
    """
    One JSON-LD block of a page.

    Attributes:
        number: Its place among the page's blocks, from 1.
        line: The page line its text starts on.
        document: The parsed JSON, or ``None`` when it is not JSON.
        error: Why it is not JSON, with the line and column in the page.
    """

    number: int
    line: int
    document: object = None
    error: ParseError | None = None


def blocks(data: str | bytes) -> list[Block]:
    """
    Find and parse the JSON-LD blocks of an HTML page.

    Raises:
        ParseError: The page has no HTML in it at all.
    """
    parser = etree.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data.encode() if isinstance(data, str) else data, parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(str(error)) from error
    if root is None:
        msg = "expected an HTML page, found no element"
        raise ParseError(msg, line=1)
    found: list[Block] = []
    for script in root.iter("script"):
        media_type = (script.get("type") or "").split(";")[0].strip().lower()
        if media_type == "application/ld+json":
            found.append(_block(len(found) + 1, script))
    return found


def _block(number: int, script: etree._Element) -> Block:
    line = script.sourceline or 1
    text = _CDATA.sub("", script.text or "")
    try:
        return Block(number=number, line=line, document=strict_json.parse(text))
    except ParseError as error:
        at = (line + error.line - 1) if error.line is not None else line
        column = error.column if error.line and error.line > 1 else None
        where = ParseError(f"block {number} is not JSON: {error.message}", line=at, column=column)
        return Block(number=number, line=line, error=where)


def read_items(data: str | bytes, /) -> Iterator[Reading | Unreadable]:
    """
    Read the article of a page, as every format reads items.
    """
    yield _read(blocks(data))


def read(data: str | bytes) -> Reading:
    """
    Read the article of an HTML page's JSON-LD.

    Raises:
        ParseError: The page is not HTML.
        StructureError: No block holds an article.
    """
    item = _read(blocks(data))
    if not isinstance(item, Reading):
        raise item.error()
    return item


def loads(data: str | bytes, /, *, lossless: bool = False) -> Article:
    """
    Read the article of an HTML page's JSON-LD; see :func:`read`.
    """
    return article_of(read(data), lossless=lossless)


def _read(found: list[Block]) -> Reading | Unreadable:
    broken = [Loss(where=f"line {b.error.line}", what=b.error.message) for b in found if b.error]
    for block in found:
        if block.document is not None and not isinstance(jsonld.find_article(block.document), str):
            item = jsonld.read_document(block.document)
            if isinstance(item, Reading):
                return attrs.evolve(item, losses=(*broken, *item.losses))
            return item
    problems = "; ".join(str(b.error) for b in found if b.error)
    reason = f"no JSON-LD article among the page's {len(found)} blocks"
    return Unreadable(where="page", reason=f"{reason}: {problems}" if problems else reason)
