"""
Bytes to text, for the formats that are UTF-8 by definition.

JSON exchanged between systems is UTF-8 (RFC 8259), and so is the plain
text newsmodel reads.  Anything else is refused with the position of the
first byte that does not decode, never replaced or guessed at.
"""

from __future__ import annotations

import codecs

from newsmodel.errors import ParseError

__all__ = ["decode"]


def decode(data: bytes) -> str:
    """
    Decode UTF-8 bytes; a byte order mark is allowed and dropped.

    Raises:
        ParseError: The bytes are UTF-16 or UTF-32, or not valid UTF-8.
    """
    # UTF-16 and UTF-32 start with a byte order mark or with NUL bytes
    # around the first character.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" in data[:4]:
        msg = "expected UTF-8, found UTF-16 or UTF-32"
        raise ParseError(msg, line=1, column=1)
    try:
        text = data.decode()  # in C; the "utf-8-sig" codec is written in Python
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        msg = f"expected UTF-8, found byte 0x{data[error.start]:02x}"
        raise ParseError(msg, line=line, column=column) from error
    return text.removeprefix("\ufeff")
