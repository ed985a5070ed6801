"""
The one place newsmodel parses JSON: strict, and with positions in errors.

Duplicate keys, ``NaN``/``Infinity`` and undecodable bytes are refused
rather than guessed at: each would silently change what a document says.
"""

from __future__ import annotations

import importlib
import json
import re
from typing import TYPE_CHECKING, Any

from newsmodel._lowlevel import utf8, validators
from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["UNFIT_FOR_XML", "dumps", "parse", "strings_unfit_for_xml"]


def _fast_writer() -> Any:
    """orjson, the optional fast writer (``pip install 'newsmodel-kit[fast]'``), if installed."""
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


_orjson = _fast_writer()

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")

#: What a reader reports for each string it dropped characters from.
UNFIT_FOR_XML = "characters XML 1.0 cannot carry were removed"
#: What a reader says of a document the parser took but the reader's stack cannot.


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)  # in C; a key given twice makes it shorter than the pairs
    if len(document) < len(pairs):
        keys = [key for key, _ in pairs]
        duplicate = next(key for index, key in enumerate(keys) if key in keys[:index])
        msg = f"duplicate key {duplicate!r}"
        raise ParseError(msg)
    return document


def _refuse_constant(name: str) -> Any:
    msg = f"{name} is not a JSON number"
    raise ParseError(msg)


def _lower_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # One comprehension in the common case; a list of pairs only to name a duplicate.
    document = {key.lower(): value for key, value in pairs}
    if len(document) < len(pairs):
        return _refuse_duplicates([(key.lower(), value) for key, value in pairs])
    return document


# Made once: json.loads with any option makes a decoder, and its scanner, per call.
_DECODER = json.JSONDecoder(object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant)
_LOWERING_DECODER = json.JSONDecoder(object_pairs_hook=_lower_keys, parse_constant=_refuse_constant)


def parse(data: str | bytes, *, lower_keys: bool = False) -> Any:
    """
    Parse a JSON document from text or from UTF-8 bytes (a BOM is allowed).

    Args:
        data: The document.
        lower_keys: Give every object's keys in lower case, for a format
            whose versions spell their keys in different cases (ninjs); a
            key given twice, in any case, is refused.

    Raises:
        ParseError: The input is not valid UTF-8 or not valid JSON; the
            error carries the line and column where parsing stopped.
    """
    text = utf8.decode(data) if isinstance(data, bytes) else data
    try:
        document = (_LOWERING_DECODER if lower_keys else _DECODER).decode(text)
    except ParseError:
        raise
    except json.JSONDecodeError as error:
        raise ParseError(error.msg, line=error.lineno, column=error.colno) from error
    except RecursionError as error:
        msg = "nesting is too deep"
        raise ParseError(msg) from error
    except ValueError as error:  # an integer too long to convert
        reason = str(error).split(";")[0]  # not Python's advice to raise the limit
        msg = f"a number is too long: {reason}"
        raise ParseError(msg) from error
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):  # rare: look closer only then
        _refuse_lone_surrogates(document, text)
    return document


def dumps(document: object) -> str:
    """
    Write JSON as every writer does: indented by two spaces, characters unescaped.

    orjson writes the very same text several times faster, when it is
    installed; the standard library's indenting encoder is pure Python.
    """
    if _orjson is not None:
        try:
            text: bytes = _orjson.dumps(document, option=_orjson.OPT_INDENT_2)
            return text.decode()
        except TypeError:  # an integer wider than 64 bits: the standard library writes it
            pass
    return json.dumps(document, ensure_ascii=False, indent=2)


def _refuse_lone_surrogates(document: object, text: str) -> None:
    """Half of a UTF-16 pair is not a character: no format can carry it."""
    for where, string in _strings(document, "$"):
        if lone := _SURROGATE.search(string):
            escape = f"\\u{ord(lone.group()):04x}"
            at = text.lower().find(escape)
            line = text.count("\n", 0, at) + 1
            column = at - (text.rfind("\n", 0, at) + 1) + 1
            msg = f"{where}: a lone surrogate ({escape}) is not a character"
            raise ParseError(msg, line=line, column=column)


def _strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Each string of a parsed document, keys too, with its JSON path; no recursion."""
    stack = [(value, where)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield where, key
                stack.append((item, f"{where}.{key}"))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{index}]") for index, item in enumerate(value))


def strings_unfit_for_xml(value: object, where: str = "$") -> Iterator[str]:
    """
    The JSON paths of the strings holding characters XML 1.0 cannot carry.

    Readers drop those characters (control characters such as U+0007) so
    that every article can be written as XML; this names what they dropped.
    """
    if _written_clean(value):
        return iter(())
    return iter(dict.fromkeys(p for p, s in _strings(value, where) if validators.NOT_XML.search(s)))


# How orjson writes the characters XML cannot carry, in UTF-8: escaped
# controls, and two noncharacters as they are. A find may be a false alarm
# (a backslash followed by "b"), never a miss. Each is a search in C.
_UNFIT_AS_JSON = (b"\\u00", b"\\b", b"\\f", "\ufffe".encode(), "\uffff".encode())


def _written_clean(value: object) -> bool:
    """Whether written as JSON by orjson, in C, the value shows no unfit character."""
    if _orjson is None:
        return False
    try:
        text: bytes = _orjson.dumps(value)
    except TypeError:  # too deep or too wide a number for orjson: walk
        return False
    # Every sign starts with a backslash or the byte 0xEF: a search for one
    # byte (memchr) clears most documents before any search for a sign.
    if b"\\" not in text and b"\xef" not in text:
        return True
    return not any(sign in text for sign in _UNFIT_AS_JSON)
