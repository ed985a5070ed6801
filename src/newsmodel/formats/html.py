"""
The JSON-LD of an HTML page: its ``<script type="application/ld+json">`` blocks.

* The page is parsed with lxml's HTML parser (no network, no huge trees);
  a block is any ``script`` whose type is ``application/ld+json``, whatever
  its case or parameters (``; charset=utf-8``).
* Each block is parsed on its own, strictly: a block that is not JSON is
  reported with the line and column in the page, and does not hide the
  blocks around it.
* Every article node of the blocks is read, as :mod:`newsmodel.formats.jsonld`
  reads it: :func:`read_items` gives them all, :func:`read` the first, with
  each other one reported as a loss.  A block that is not JSON (a duplicate
  key, a stray quote) is refused alone, reported as a loss with its line and
  column in the page; the blocks around it are read.
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
    raw = data.encode() if isinstance(data, str) else data
    parser = etree.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(str(error)) from error
    if root is None:
        msg = "expected an HTML page, found no element"
        raise ParseError(msg, line=1)
    lines = raw.decode("utf-8", errors="replace").splitlines()
    found: list[Block] = []
    for script in root.iter("script"):
        media_type = (script.get("type") or "").split(";")[0].strip().lower()
        if media_type == "application/ld+json":
            found.append(_block(len(found) + 1, script, lines))
    return found


def _block(number: int, script: etree._Element, lines: list[str]) -> Block:
    line = script.sourceline or 1
    text = _CDATA.sub("", script.text or "")
    try:
        return Block(number=number, line=line, document=strict_json.parse(text))
    except ParseError as error:
        at = (line + error.line - 1) if error.line is not None else line
        column = error.column
        if error.line == 1 and column is not None:  # on the script tag's own line
            column = _text_column(lines, line, script.text or "", column)
        where = ParseError(f"block {number} is not JSON: {error.message}", line=at, column=column)
        return Block(number=number, line=line, error=where)


def _text_column(lines: list[str], line: int, text: str, column: int) -> int | None:
    """The page column of a column of a block's first line, or None if the tag is not found."""
    page_line = lines[line - 1] if 0 < line <= len(lines) else ""
    for tag in _SCRIPT_TAG.finditer(page_line):
        if page_line[tag.end() :].startswith(text.splitlines()[0] if text else ""):
            return tag.end() + column
    return None


_SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def read_items(data: str | bytes, /) -> Iterator[Reading | Unreadable]:
    """
    Read every article of a page, as every format reads items.

    The problems of the blocks that are not JSON go with the first article.
    """
    yield from _read_all(blocks(data))


def read(data: str | bytes) -> Reading:
    """
    Read the first article of an HTML page's JSON-LD; every other one is a loss.

    Raises:
        ParseError: The page is not HTML.
        StructureError: No block holds an article.
    """
    found = blocks(data)
    first, *others = _read_all(found)
    if not isinstance(first, Reading):
        raise first.error()
    more = tuple(
        Loss(where="page", what=f"another article, left out: {_named(other)}") for other in others
    )
    return attrs.evolve(first, losses=(*first.losses, *more))


def _named(item: Reading | Unreadable) -> str:
    if isinstance(item, Reading):
        return f"{item.article.headline!r}; read_items() reads every one"
    return f"one that cannot be read ({item.reason})"


def loads(data: str | bytes, /, *, lossless: bool = False) -> Article:
    """
    Read the first article of an HTML page's JSON-LD; see :func:`read`.
    """
    return article_of(read(data), lossless=lossless)


def _read_all(found: list[Block]) -> list[Reading | Unreadable]:
    """Every article of the blocks; the first carries the broken blocks as losses."""
    broken = [Loss(where=_where(b.error), what=b.error.message) for b in found if b.error]
    items: list[Reading | Unreadable] = []
    for block in found:
        if block.document is not None and not isinstance(jsonld.find_article(block.document), str):
            items += jsonld.read_articles(block.document)
    if not items:
        problems = "; ".join(str(b.error) for b in found if b.error)
        reason = f"no JSON-LD article among the page's {len(found)} blocks"
        return [Unreadable(where="page", reason=f"{reason}: {problems}" if problems else reason)]
    first = items[0]
    if isinstance(first, Reading):
        items[0] = attrs.evolve(first, losses=(*broken, *first.losses))
    return items


def _where(error: ParseError) -> str:
    if error.column is None:
        return f"line {error.line}"
    return f"line {error.line}, column {error.column}"
