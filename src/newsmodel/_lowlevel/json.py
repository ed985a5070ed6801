"""
The one place newsmodel parses JSON: strict, and with positions in errors.

Duplicate keys, ``NaN``/``Infinity`` and undecodable bytes are refused
rather than guessed at: each would silently change what a document says.
"""

from __future__ import annotations

import codecs
import importlib
import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from newsmodel._lowlevel import utf8, validators
from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["UNFIT_FOR_XML", "Parsed", "dumps", "parse", "parse_document", "strings_unfit_for_xml"]


def _fast_writer() -> Any:
    """orjson, the optional fast parser and writer (``pip install 'newsmodel-kit[fast]'``)."""
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


class Parsed(NamedTuple):
    """A parsed document, and whether its strings are known to be fit for XML."""

    #: The document, as :func:`parse` gives it.
    document: Any
    #: ``True`` if no string of the document (keys too) holds a character
    #: XML 1.0 cannot carry; ``False`` if that is not known, and
    #: :func:`strings_unfit_for_xml` must look.
    fit_for_xml: bool


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
    if _orjson is not None and not lower_keys:
        fast = _parse_fast(data)
        if fast is not None:
            return fast.document
    return _parse_standard(data, lower_keys=lower_keys)


def parse_document(data: str | bytes, *, lower_keys: bool = False) -> Parsed:
    r"""
    Parse a JSON document as :func:`parse` does, and say if its strings are fit for XML.

    With orjson installed, orjson parses and writes the document back, in C,
    and its result is taken only where it is proven to be what the standard
    library's parser gives (:func:`_parse_fast`); the written text also tells
    whether any string holds a character XML cannot carry, so that readers
    need not walk the document to find out. Anything else, every error
    included, is the standard library's, and so is a parse that lowers keys:
    its hook lowers each object as it is made, where lowering orjson's
    result takes a walk over it in Python that costs more. The standard
    parser's document is fit for XML if its bytes escape nothing that could
    be unfit (``\b``, ``\f``, ``\u``) and hold neither noncharacter: UTF-8
    that decodes holds no surrogate, and a raw control character is not JSON.
    """
    if _orjson is not None and not lower_keys:
        fast = _parse_fast(data)
        if fast is not None:
            return fast
    document = _parse_standard(data, lower_keys=lower_keys)
    fit = isinstance(data, bytes) and _written_fit(data)
    return Parsed(document, fit_for_xml=fit)


def _parse_standard(data: str | bytes, *, lower_keys: bool) -> Any:
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
    # Rare: looked closer at only then. As in _parse_fast, one character is
    # looked for with "in" (memchr) before the pattern.
    if "\\" in text and _SURROGATE_ESCAPE.search(text):
        _refuse_lone_surrogates(document, text)
    return document


def _parse_fast(data: str | bytes) -> Parsed | None:
    r"""
    The parse of orjson, where it is provably the standard library's; else ``None``.

    orjson agrees with the standard parser on every document both accept
    but in two ways, each checked here on text orjson writes in C:

    * a key given twice: orjson keeps the last value. A colon outside a
      string is the end of a key, and none is written escaped but as
      ``\u003a``; so where the input holds no such escape, the input and
      orjson's text of what it parsed hold as many colons as each other
      only if every key given was kept.
    * an integer beyond 64 bits: orjson makes it a float, which it writes
      with ``e+`` (a float the input wrote that large is refused too).

    Everything orjson refuses (a byte order mark it is not given past,
    ``NaN``, a lone surrogate, invalid UTF-8, nesting deeper than orjson
    writes) goes to the standard parser, for its verdict and its message.

    Most documents escape nothing but quotes, backslashes and line breaks:
    one search of the input for ``\b``, ``\f`` or ``\u`` (none if it holds no
    backslash at all, which ``in`` finds for one byte with memchr) clears them of an
    escaped colon and of escaped control characters alike (a raw control
    character is not JSON), leaving only the noncharacters to look for.
    """
    if isinstance(data, bytes):
        data = data.removeprefix(codecs.BOM_UTF8)
        escapes = b"\\" in data and _ESCAPE.search(data) is not None
        if escapes and _ESCAPED_COLON.search(data):
            return None
        colons = data.count(b":")
    else:  # text, BOM and all, as the standard parser takes it
        escapes = _ESCAPE_TEXT.search(data) is not None
        if escapes and _ESCAPED_COLON_TEXT.search(data):
            return None
        colons = data.count(":")
    try:
        document = _orjson.loads(data)
        written: bytes = _orjson.dumps(document)
    except (ValueError, TypeError):  # orjson's refusals: the standard parser decides
        return None
    if written.count(b":") != colons or _EXPONENT.search(written):
        return None
    fit = _written_fit(written) if escapes else _no_noncharacter(written)
    return Parsed(document, fit_for_xml=fit)


# Searches for a few bytes, made patterns: a pattern that starts with a
# literal skips to it in C, about twice as fast as ``in`` on a page.
# _ESCAPE finds every escape that may stand for a character XML cannot carry
# (a control, or any ``\u``): a find may be a false alarm (an escaped
# backslash before a "b"), never a miss.
_ESCAPE = re.compile(rb"\\[bfu]")
_ESCAPE_TEXT = re.compile(r"\\[bfu]")
_ESCAPED_COLON = re.compile(rb"\\u003")
_ESCAPED_COLON_TEXT = re.compile(r"\\u003")
_EXPONENT = re.compile(rb"e\+")


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


# The two noncharacters, which JSON text holds as they are, in UTF-8.
_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())


def _written_clean(value: object) -> bool:
    """Whether written as JSON by orjson, in C, the value shows no unfit character."""
    if _orjson is None:
        return False
    try:
        text: bytes = _orjson.dumps(value)
    except TypeError:  # too deep or too wide a number for orjson: walk
        return False
    return _written_fit(text)


def _written_fit(text: bytes) -> bool:
    """
    Whether UTF-8 JSON text shows no character XML cannot carry.

    A raw control character is not JSON, and decoded UTF-8 holds no
    surrogate: what is left is an escape (:data:`_ESCAPE`) or a noncharacter.
    """
    return not _ESCAPE.search(text) and _no_noncharacter(text)


def _no_noncharacter(text: bytes) -> bool:
    """Whether UTF-8 text holds neither U+FFFE nor U+FFFF."""
    # Both start with the byte 0xEF: a search for one byte (memchr) clears
    # most documents before a search for either.
    return b"\xef" not in text or not any(sign in text for sign in _NONCHARACTERS)
