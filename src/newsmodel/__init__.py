"""
newsmodel: news articles as typed objects, and the formats they travel in.

Names are imported on first use, so that ``import newsmodel`` (and the
command line's start-up) pays only for what a program touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsmodel._version import __version__

if TYPE_CHECKING:
    from newsmodel.errors import (
        DocumentInvalid,
        FieldError,
        NewsmodelError,
        ParseError,
        StructureError,
        UnknownFormatError,
    )
    from newsmodel.formats import Format, detect, dumps, loads
    from newsmodel.model import (
        Agent,
        Article,
        Body,
        Byline,
        Concept,
        Contributor,
        ContributorRole,
        Dateline,
        Image,
        Organization,
        Person,
        Place,
        PubStatus,
        Quotation,
        QuotationKind,
        Section,
        Span,
        TextPart,
    )
    from newsmodel.quotes import extract_quotations
    from newsmodel.validation import Issue, Report, Severity, check, validate

_HOMES = {
    "errors": (
        "DocumentInvalid",
        "FieldError",
        "NewsmodelError",
        "ParseError",
        "StructureError",
        "UnknownFormatError",
    ),
    "formats": ("Format", "detect", "dumps", "loads"),
    "model": (
        "Agent",
        "Article",
        "Body",
        "Byline",
        "Concept",
        "Contributor",
        "ContributorRole",
        "Dateline",
        "Image",
        "Organization",
        "Person",
        "Place",
        "PubStatus",
        "Quotation",
        "QuotationKind",
        "Section",
        "Span",
        "TextPart",
    ),
    "quotes": ("extract_quotations",),
    "validation": ("Issue", "Report", "Severity", "check", "validate"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Agent",
    "Article",
    "Body",
    "Byline",
    "Concept",
    "Contributor",
    "ContributorRole",
    "Dateline",
    "DocumentInvalid",
    "FieldError",
    "Format",
    "Image",
    "Issue",
    "NewsmodelError",
    "Organization",
    "ParseError",
    "Person",
    "Place",
    "PubStatus",
    "Quotation",
    "QuotationKind",
    "Report",
    "Section",
    "Severity",
    "Span",
    "StructureError",
    "TextPart",
    "UnknownFormatError",
    "__version__",
    "check",
    "detect",
    "dumps",
    "extract_quotations",
    "loads",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        msg = f"module 'newsmodel' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(importlib.import_module(f"newsmodel.{module}"), name)


def __dir__() -> list[str]:
    return __all__
