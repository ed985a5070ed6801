"""
The items of the command line's inputs, read one at a time.

``convert`` reads an item, writes it and forgets it, so its memory stays flat
however large a feed is.  A NewsML-G2 document over a megabyte and a JSON
Lines file are read as they stream past, and the size limit applies to each
of their items; any other input is read whole, under the limit.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple, cast

from newsmodel._cli import JSON_FORMATS
from newsmodel._lowlevel import json as strict_json
from newsmodel.errors import NewsmodelError, ParseError, TooLargeError
from newsmodel.formats import Format, detect, info

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsmodel.conversion import Item

__all__ = ["STDIO", "Numbered", "read_items"]

#: The name that means standard input (or output).
STDIO = "-"
_BOM = b"\xef\xbb\xbf"
_HEAD = 4096  # bytes the format is told from, before choosing how to read
_PARSED_WHOLE = 2**20  # a NewsML-G2 file up to this size is parsed whole, which is faster
_READ_AHEAD = 2**15  # how much one read of a streamed document takes, at most


class Numbered(NamedTuple):
    """
    An item of an input, with the names that tell it from the others.

    Attributes:
        label: For messages: the input's name, then ``[N]`` when it holds several items.
        stem: For an output file: the input's stem, then ``-N`` when it holds several.
        item: The item.
    """

    label: str
    stem: str
    item: Item


def read_items(name: str, forced: Format | None, max_bytes: int) -> Iterator[Numbered]:
    """
    Yield each item of the input *name* (``-`` for standard input), as it is read.

    Raises:
        NewsmodelError: The input, or an item of a streamed one, cannot be read
            or is over *max_bytes*; the items before it have been yielded.
        OSError: The file cannot be opened.
    """
    with contextlib.ExitStack() as stack:
        stream = sys.stdin.buffer if name == STDIO else stack.enter_context(Path(name).open("rb"))
        yield from _numbered(name, _items(stream, name, forced, max_bytes))


def _numbered(name: str, items: Iterator[Item]) -> Iterator[Numbered]:
    """Number the items, looking one ahead to know whether there is more than one."""
    stem = "stdin" if name == STDIO else Path(name).stem
    first = next(items, None)
    second = None if first is None else next(items, None)
    if first is None:
        return
    if second is None:
        yield Numbered(name, stem, first)
        return
    for number, item in enumerate(chain((first, second), items), start=1):
        yield Numbered(f"{name}[{number}]", f"{stem}-{number}", item)


def _items(stream: IO[bytes], name: str, forced: Format | None, max_bytes: int) -> Iterator[Item]:
    """Choose how to read the input from its first bytes, then read it so."""
    head = _peek(stream)
    start = head.removeprefix(_BOM).lstrip()[:1]
    named = None if name == STDIO else name
    if start == b"<" and (forced or detect(head, named)) is Format.NEWSML_G2:
        if not _small(stream):
            yield from _streamed_xml(stream, max_bytes)
            return
    elif start == b"{" and (forced is None or forced in JSON_FORMATS):
        lines = _first_lines(stream, max_bytes)
        if len(lines) > 1:
            yield from _json_lines(lines, stream, forced, max_bytes)
            return
        data = _rest(stream, max_bytes, b"".join(line for _, line in lines))
        yield from info(forced or detect(data, named)).codec().read_items(data)
        return
    data = _rest(stream, max_bytes)
    yield from info(forced or detect(data, named)).codec().read_items(data)


def _peek(stream: IO[bytes]) -> bytes:
    peek = getattr(stream, "peek", None)
    return b"" if peek is None else bytes(peek(_HEAD)[:_HEAD])


def _file_size(stream: IO[bytes]) -> int | None:
    """The size of a regular file; None for a pipe, a terminal or a stream in memory."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _small(stream: IO[bytes]) -> bool:
    """Whether the input is a regular file small enough to parse whole."""
    size = _file_size(stream)
    return size is not None and size <= _PARSED_WHOLE


def _rest(stream: IO[bytes], max_bytes: int, start: bytes = b"") -> bytes:
    """
    The whole input: *start*, read already, and the rest, refused if over *max_bytes*.

    A file is refused by its size, before the rest of it is read.
    """
    size = _file_size(stream)
    if size is not None and size > max_bytes:
        raise TooLargeError(size, max_bytes)
    data = start + stream.read(max(max_bytes - len(start), 0) + 1)
    if len(data) > max_bytes:
        raise TooLargeError(len(data), max_bytes)
    return data


def _first_lines(stream: IO[bytes], max_bytes: int) -> list[tuple[int, bytes]]:
    """
    The first line, and the next one that is not blank if the first is a whole JSON object.

    Two lines mean JSON Lines; one, a document read whole.
    """
    first = stream.readline(max_bytes + 1)
    if not first.endswith(b"\n"):
        return [(1, first)]
    try:
        document = strict_json.parse(first)
    except ParseError:
        return [(1, first)]
    if not isinstance(document, dict):
        return [(1, first)]
    lines, number = [(1, first)], 1
    while line := stream.readline(max_bytes + 1):
        number += 1
        lines.append((number, line))
        if line.strip():
            return [(1, first), (number, line)]
    return [(1, b"".join(line for _, line in lines))]


def _json_lines(
    first: list[tuple[int, bytes]], stream: IO[bytes], forced: Format | None, max_bytes: int
) -> Iterator[Item]:
    """Read JSON Lines, one document a line, each line under the limit."""
    from newsmodel.conversion import Unreadable  # noqa: PLC0415 - loads the model

    codec = info(forced or detect(first[0][1])).codec()
    following = enumerate(iter(lambda: stream.readline(max_bytes + 1), b""), start=first[-1][0] + 1)
    for number, line in chain(first, following):
        if len(line) > max_bytes:
            size = len(line) + _skip_line(stream)
            yield Unreadable(where=f"line {number}", reason=str(TooLargeError(size, max_bytes)))
        elif line.strip():
            try:
                yield from codec.read_items(line)
            except NewsmodelError as error:
                yield Unreadable(where=f"line {number}", reason=str(error))


def _skip_line(stream: IO[bytes]) -> int:
    """Read past the rest of a line too long to keep, and return its length."""
    skipped = 0
    while chunk := stream.readline(_READ_AHEAD):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


class _Metered:
    """
    A stream that refuses to give more than the limit between two items.

    The XML parser reads ahead, so an item is measured from the end of the
    read that gave the item before it: within one read of its true size.
    """

    def __init__(self, stream: IO[bytes], max_bytes: int) -> None:
        self._stream = stream
        self._max_bytes = max_bytes
        self._since_item = 0
        self.items = 0

    def read(self, size: int = _READ_AHEAD) -> bytes:
        data = self._stream.read(min(size, _READ_AHEAD) if size > 0 else _READ_AHEAD)
        self._since_item += len(data)
        if self._since_item > self._max_bytes + _READ_AHEAD:
            msg = (
                f"item {self.items + 1} is over the limit of {self._max_bytes:,} bytes"
                " (--max-bytes applies to each item of a newsMessage)"
            )
            raise NewsmodelError(msg)
        return data

    def item_read(self) -> None:
        self.items += 1
        self._since_item = 0


def _streamed_xml(stream: IO[bytes], max_bytes: int) -> Iterator[Item]:
    from newsmodel.formats import newsml_g2  # noqa: PLC0415 - loads lxml

    metered = _Metered(stream, max_bytes)
    for item in newsml_g2.iter_items(cast("IO[bytes]", metered)):
        yield item
        metered.item_read()
