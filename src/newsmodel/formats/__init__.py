"""
The formats newsmodel reads and writes: one enum, one registry, detection.

Everything that offers a choice of format (the CLI's ``--from``/``--to``, the
top-level :func:`loads`/:func:`dumps`, validation) draws it from here, so a
new format is one registry entry and one module with the same verbs.
"""

from __future__ import annotations

import enum
import importlib
import re
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast

from newsmodel.errors import UnknownFormatError
from newsmodel.limits import DEFAULT_MAX_BYTES, check_size

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsmodel.conversion import Item, Writing
    from newsmodel.model import Article

__all__ = ["Codec", "Format", "FormatInfo", "detect", "dumps", "format_named", "info", "loads"]


class Format(enum.Enum):
    """
    A wire format, named as on the command line.
    """

    JSON = "json"
    NEWSML_G2 = "newsml-g2"
    JSONLD = "jsonld"
    HTML = "html"
    NINJS = "ninjs"
    NINJS2 = "ninjs2"
    NINJS3 = "ninjs3"
    NITF = "nitf"
    TEXT = "text"


class Codec(Protocol):
    """
    What every format module offers: the same verbs.

    A format newsmodel only reads (``html``, ``text``) has no ``dumps`` or
    ``write``.
    """

    def loads(self, data: str | bytes, /) -> Article: ...  # noqa: D102

    def dumps(self, article: Article, /) -> str: ...  # noqa: D102

    def write(self, article: Article, /) -> Writing: ...  # noqa: D102

    def read_items(self, data: str | bytes, /) -> Iterator[Item]: ...  # noqa: D102


class FormatInfo(NamedTuple):
    """
    What newsmodel knows about a format.

    A named tuple rather than an attrs class: the command line reads the
    registry before anything else, and ``newsmodel --version`` should not
    pay for importing attrs.

    Attributes:
        format: The format.
        title: A short human description.
        extensions: File name endings, most usual first.
        module: The module that reads and writes it, imported on first use;
            ``module:name`` names an object of the module that does.
        writable: Whether newsmodel writes it, or only reads it.
    """

    format: Format
    title: str
    extensions: tuple[str, ...]
    module: str
    writable: bool = True

    def codec(self) -> Codec:
        """
        Import and return the module that reads and writes this format.
        """
        module, _, name = self.module.partition(":")
        found = importlib.import_module(module)
        return cast("Codec", getattr(found, name) if name else found)


_REGISTRY = {
    Format.JSON: FormatInfo(
        format=Format.JSON,
        title="newsmodel native JSON",
        extensions=(".json",),
        module="newsmodel.formats.json",
    ),
    Format.NEWSML_G2: FormatInfo(
        format=Format.NEWSML_G2,
        title="IPTC NewsML-G2 newsItem or newsMessage",
        extensions=(".xml",),
        module="newsmodel.formats.newsml_g2",
    ),
    Format.JSONLD: FormatInfo(
        format=Format.JSONLD,
        title="schema.org NewsArticle JSON-LD",
        extensions=(".jsonld",),
        module="newsmodel.formats.jsonld",
    ),
    Format.HTML: FormatInfo(
        format=Format.HTML,
        title="the JSON-LD blocks of an HTML page",
        extensions=(".html", ".htm"),
        module="newsmodel.formats.html",
        writable=False,
    ),
    Format.NINJS: FormatInfo(
        format=Format.NINJS,
        title="IPTC ninjs, any version to read, the newest (3.x) to write",
        extensions=(".ninjs.json",),
        module="newsmodel.formats.ninjs:VERSION_3",
    ),
    Format.NINJS2: FormatInfo(
        format=Format.NINJS2,
        title="IPTC ninjs 2.x",
        extensions=(".ninjs.json",),
        module="newsmodel.formats.ninjs:VERSION_2",
    ),
    Format.NINJS3: FormatInfo(
        format=Format.NINJS3,
        title="IPTC ninjs 3.x",
        extensions=(".ninjs.json",),
        module="newsmodel.formats.ninjs:VERSION_3",
    ),
    Format.NITF: FormatInfo(
        format=Format.NITF,
        title="IPTC NITF 3.0-3.6 to read, 3.6 to write",
        extensions=(".nitf", ".nitf.xml"),
        module="newsmodel.formats.nitf",
    ),
    Format.TEXT: FormatInfo(
        format=Format.TEXT,
        title="a plain-text article: section, headline, caption, paragraphs",
        extensions=(".txt",),
        module="newsmodel.formats.text",
        writable=False,
    ),
}


def format_named(format: Format | str) -> Format:  # noqa: A002 - the public name
    """
    Return the format *format* names (``"ninjs"``, ``"newsml-g2"``), or *format* itself.

    Raises:
        UnknownFormatError: No format has that name; the message lists the names.
    """
    if isinstance(format, Format):
        return format
    try:
        return Format(format)
    except ValueError:
        names = ", ".join(f.value for f in Format)
        msg = f"unknown format {format!r}; the formats are {names}"
        raise UnknownFormatError(msg) from None


def info(format: Format | str) -> FormatInfo:  # noqa: A002 - the public name
    """
    Return what newsmodel knows about *format*, given as a :class:`Format` or its name.
    """
    return _REGISTRY[format_named(format)]


def loads(
    data: str | bytes,
    format: Format | str | None = None,  # noqa: A002
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """
    Read one article from *data* in *format*, detected from the content when not given.

    Raises:
        TooLargeError: *data* is over *max_bytes* (64 MiB unless told).
        ParseError: The input is not well-formed.
        StructureError: The input does not describe a valid article.
        UnknownFormatError: *format* names no format, or none was given and
            the content does not tell.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.1.0 *max_bytes*; *format* by name, or detected.
    """
    check_size(data, max_bytes)
    chosen = detect(data) if format is None else format_named(format)
    return info(chosen).codec().loads(data)


def dumps(article: Article, format: Format | str = Format.JSON) -> str:  # noqa: A002
    """
    Write *article* in *format*, given as a :class:`Format` or its name.

    .. versionadded:: 0.1.0
    """
    return info(format).codec().dumps(article)


# Top-level keys of JSON-LD, and of ninjs in every version and dialect.
_JSONLD_KEYS = frozenset({"@context", "@type", "@graph", "@id"})
_NINJS_KEYS = frozenset({"uri", "guid", "headlines", "versioncreated", "versionCreated"})
#: Every root element the NewsML-G2 2.35 schema defines, lowercased.
_G2_ROOTS = frozenset(
    b"newsmessage newsitem packageitem conceptitem knowledgeitem planningitem catalogitem"
    b" catalog".split()
)
_HTML_TAGS = (b"<!doctype html", b"<html", b"<head", b"<body")
# What may stand before an XML document's root: declaration, PIs, comments, DOCTYPE.
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL)
_ROOT = re.compile(rb"\s*<(?:[\w.-]+:)?([\w.-]+)")


def _json_format(data: bytes, name: str | None) -> Format:
    """Which JSON format a document is, by its top-level keys."""
    from newsmodel._lowlevel import json as strict_json  # noqa: PLC0415 - only JSON needs it

    try:
        document = strict_json.parse(data)
    except ValueError:
        # Let the format its name says (or native JSON) report where it breaks.
        return _by_name(name) or Format.JSON
    first = document[0] if isinstance(document, list) and document else document
    keys = set(first) if isinstance(first, dict) else set()
    if keys & _JSONLD_KEYS:
        return Format.JSONLD
    if keys & _NINJS_KEYS:
        return Format.NINJS
    # An array of nodes without a type is still JSON-LD; of articles, native JSON.
    return Format.JSON if "headline" in keys or not isinstance(document, list) else Format.JSONLD


def _by_name(name: str | None) -> Format | None:
    if name is None:
        return None
    lowered = PurePath(name).name.lower()
    endings = sorted(
        ((ending, entry.format) for entry in _REGISTRY.values() for ending in entry.extensions),
        key=lambda pair: -len(pair[0]),  # .ninjs.json before .json
    )
    return next((format_ for ending, format_ in endings if lowered.endswith(ending)), None)


def _xml_root(head: bytes) -> bytes | None:
    """The lowercased local name of the root element *head* starts, past its prolog."""
    position = 0
    while match := _PROLOG.match(head, position):
        position = match.end()
    root = _ROOT.match(head, position)
    return root[1] if root else None


def detect(data: str | bytes, name: str | None = None) -> Format:
    """
    Tell the format of a document from its content, then from its file name.

    An XML document is told by its root element: NewsML-G2's roots, ``nitf``
    (never taken for HTML, although it has a ``body``), ``html``.

    Args:
        data: The document, as text or bytes.
        name: The file name, if there is one.

    Raises:
        UnknownFormatError: Neither the content nor the name tells.
    """
    raw = data.encode() if isinstance(data, str) else data
    head = raw.removeprefix(b"\xef\xbb\xbf").lstrip()[:4096]
    if head[:1] in {b"{", b"["}:
        return _json_format(raw, name)
    if head[:1] == b"<":
        lowered = head.lower()
        root = _xml_root(lowered)
        if root in _G2_ROOTS:
            return Format.NEWSML_G2
        if root == b"nitf":
            return Format.NITF
        return Format.HTML if any(tag in lowered for tag in _HTML_TAGS) else Format.NEWSML_G2
    named = _by_name(name)
    if named is not None:
        return named
    where = f" of {name}" if name else ""
    msg = f"cannot tell the format{where} from its content or its name"
    raise UnknownFormatError(msg)
