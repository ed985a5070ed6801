"""
The formats newsmodel reads and writes: one enum, one registry, detection.

Everything that offers a choice of format (the CLI's ``--from``/``--to``, the
top-level :func:`loads`/:func:`dumps`, validation) draws it from here, so a
new format is one registry entry and one module with the same verbs.
"""

from __future__ import annotations

import enum
import importlib
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol, cast

from attrs import frozen

from newsmodel.errors import UnknownFormatError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsmodel.conversion import Item, Writing
    from newsmodel.model import Article

__all__ = ["Codec", "Format", "FormatInfo", "detect", "dumps", "info", "loads"]


class Format(enum.Enum):
    """
    A wire format, named as on the command line.
    """

    JSON = "json"
    NEWSML_G2 = "newsml-g2"
    JSONLD = "jsonld"
    HTML = "html"


class Codec(Protocol):
    """
    What every format module offers: the same verbs.

    A format newsmodel only reads (``html``) has no ``dumps`` or ``write``.
    """

    def loads(self, data: str | bytes, /) -> Article: ...  # noqa: D102

    def dumps(self, article: Article, /) -> str: ...  # noqa: D102

    def write(self, article: Article, /) -> Writing: ...  # noqa: D102

    def read_items(self, data: str | bytes, /) -> Iterator[Item]: ...  # noqa: D102


@frozen(kw_only=True)
class FormatInfo:
    """
    What newsmodel knows about a format.

    Attributes:
        format: The format.
        title: A short human description.
        extensions: File name endings, most usual first.
        module: The module that reads and writes it, imported on first use.
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
        return cast("Codec", importlib.import_module(self.module))


_REGISTRY = {
    Format.JSON: FormatInfo(
        format=Format.JSON,
        title="newsmodel native JSON",
        extensions=(".json",),
        module="newsmodel.jsonformat",
    ),
    Format.NEWSML_G2: FormatInfo(
        format=Format.NEWSML_G2,
        title="IPTC NewsML-G2 newsItem or newsMessage",
        extensions=(".xml",),
        module="newsmodel.newsmlg2",
    ),
    Format.JSONLD: FormatInfo(
        format=Format.JSONLD,
        title="schema.org NewsArticle JSON-LD",
        extensions=(".jsonld",),
        module="newsmodel.jsonld",
    ),
    Format.HTML: FormatInfo(
        format=Format.HTML,
        title="the JSON-LD blocks of an HTML page",
        extensions=(".html", ".htm"),
        module="newsmodel.htmlpage",
        writable=False,
    ),
}


def info(format: Format) -> FormatInfo:  # noqa: A002 - the public name
    """
    Return what newsmodel knows about *format*.
    """
    return _REGISTRY[format]


def loads(data: str | bytes, format: Format = Format.JSON) -> Article:  # noqa: A002
    """
    Read one article from *data* in *format*.

    Raises:
        ParseError: The input is not well-formed.
        StructureError: The input does not describe a valid article.

    .. versionadded:: 0.1.0
    """
    return info(format).codec().loads(data)


def dumps(article: Article, format: Format = Format.JSON) -> str:  # noqa: A002
    """
    Write *article* in *format*.

    .. versionadded:: 0.1.0
    """
    return info(format).codec().dumps(article)


_JSONLD_KEYS = (b'"@context"', b'"@type"', b'"@graph"')
_G2_ROOTS = (b"<newsitem", b"<newsmessage", b"<packageitem")
_HTML_TAGS = (b"<!doctype html", b"<html", b"<head", b"<body")


def detect(data: bytes, name: str | None = None) -> Format:
    """
    Tell the format of a document from its content, then from its file name.

    Args:
        data: The document's first bytes (a few kilobytes are enough).
        name: The file name, if there is one.

    Raises:
        UnknownFormatError: Neither the content nor the name tells.
    """
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:4096]
    if head[:1] == b"[" or (head[:1] == b"{" and any(k in head for k in _JSONLD_KEYS)):
        return Format.JSONLD
    if head[:1] == b"{":
        return Format.JSON
    if head[:1] == b"<":
        lowered = head.lower()
        if any(root in lowered for root in _G2_ROOTS):
            return Format.NEWSML_G2
        return Format.HTML if any(tag in lowered for tag in _HTML_TAGS) else Format.NEWSML_G2
    if name is not None:
        suffix = PurePath(name).suffix.lower()
        for entry in _REGISTRY.values():
            if suffix in entry.extensions:
                return entry.format
    where = f" of {name}" if name else ""
    msg = f"cannot tell the format{where} from its content or its name"
    raise UnknownFormatError(msg)
