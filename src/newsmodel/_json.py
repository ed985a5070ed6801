"""
The one place newsmodel parses JSON: strict, and with positions in errors.

Duplicate keys, ``NaN``/``Infinity`` and undecodable bytes are refused
rather than guessed at: each would silently change what a document says.
"""

from __future__ import annotations

import json
from typing import Any

from newsmodel.errors import ParseError

__all__ = ["parse"]


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            msg = f"duplicate key {key!r}"
            raise ParseError(msg)
        document[key] = value
    return document


def _refuse_constant(name: str) -> Any:
    msg = f"{name} is not a JSON number"
    raise ParseError(msg)


def parse(data: str | bytes) -> Any:
    """
    Parse a JSON document from text or from UTF-8 bytes (a BOM is allowed).

    Raises:
        ParseError: The input is not valid UTF-8 or not valid JSON; the
            error carries the line and column where parsing stopped.
    """
    text = _decode(data) if isinstance(data, bytes) else data
    try:
        return json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_refuse_constant,
        )
    except ParseError:
        raise
    except json.JSONDecodeError as error:
        raise ParseError(error.msg, line=error.lineno, column=error.colno) from error
    except RecursionError as error:
        msg = "nesting is too deep"
        raise ParseError(msg) from error
    except ValueError as error:  # an integer too long to convert
        raise ParseError(str(error)) from error


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        msg = f"expected UTF-8, found byte 0x{data[error.start]:02x}"
        raise ParseError(msg, line=line, column=column) from error
