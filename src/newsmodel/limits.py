"""
The limits newsmodel reads untrusted input under.

* Size: an input larger than ``max_bytes`` (64 MiB unless told otherwise) is
  refused before it is parsed, with :class:`~newsmodel.errors.TooLargeError`;
  a file is refused by its size, before it is read. ``newsmodel.loads``,
  ``newsmodel.validate`` and the command line (``--max-bytes``) take the limit.
* Depth, fixed: lxml's parser runs without ``huge_tree``, so libxml2 refuses
  nesting deeper than 256 elements and text nodes over 10 MB; no DTD is read
  and no entity expanded (see :mod:`newsmodel._lowlevel.xml`).
* JSON: nesting deeper than Python's recursion allows (about 1,000 levels)
  and integers longer than 4,300 digits are refused with a
  :class:`~newsmodel.errors.ParseError`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsmodel.errors import TooLargeError

__all__ = ["DEFAULT_MAX_BYTES", "check_size", "read_input"]

#: The largest input newsmodel reads unless told otherwise: 64 MiB.
DEFAULT_MAX_BYTES = 64 * 2**20


def check_size(data: str | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """
    Refuse *data* if it is larger than *max_bytes*.

    Raises:
        TooLargeError: It is.
    """
    if len(data) * 4 <= max_bytes:  # no character takes more than 4 bytes in UTF-8
        return
    size = len(data) if isinstance(data, bytes) else len(data.encode())
    if size > max_bytes:
        raise TooLargeError(size, max_bytes)


def read_input(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """
    Read a file (or standard input, ``-``), refusing one over *max_bytes*.

    A file is refused by its size before any of it is read; standard input
    is read only to one byte past the limit.

    Raises:
        TooLargeError: The input is over the limit.
        OSError: The file cannot be read.
    """
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLargeError(size, max_bytes)
        data = path.read_bytes()
    check_size(data, max_bytes)
    return data
