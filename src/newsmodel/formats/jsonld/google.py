"""
Google's Article structured-data rules, as checks on a JSON-LD article node.

Errors are what Google's tools reject (a date that is not a date, an author
that is a number or the wrong type, an image without an address); warnings
are what Google recommends and the node lacks (an image, an author with a
URL, dates with a time zone, a headline it will not cut).
"""

from __future__ import annotations

import re
from typing import Any

from attrs import frozen

from newsmodel.formats.json.converter import RFC3339

__all__ = ["Finding", "check"]

_AGENTS = {"Person", "Organization", "NewsMediaOrganization", "Corporation"}
_ORGANIZATIONS = _AGENTS - {"Person"}
# Google no longer limits headlines, but its tools cut them beyond this.
_LONG_HEADLINE = 110
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_OFFSET = re.compile(r"(Z|[+\-]\d{2}:?\d{2})$")


@frozen(kw_only=True)
class Finding:
    """One problem: where (a JSONPath), what, and whether Google rejects it."""

    path: str
    message: str
    error: bool


def check(node: dict[str, Any], path: str) -> list[Finding]:
    """
    Check an article node against Google's Article rules.
    """
    found: list[Finding] = []

    def error(where: str, message: str) -> None:
        found.append(Finding(path=f"{path}{where}", message=message, error=True))

    def warn(where: str, message: str) -> None:
        found.append(Finding(path=f"{path}{where}", message=message, error=False))

    headline = node.get("headline")
    if not isinstance(headline, str) or not headline.strip():
        error(".headline", f"expected the headline as text, got {headline!r}")
    elif len(headline) > _LONG_HEADLINE:
        warn(".headline", f"{len(headline)} characters: Google may cut it at {_LONG_HEADLINE}")
    for key in ("datePublished", "dateModified"):
        _check_date(node, key, error, warn)
    _check_authors(node.get("author"), error, warn)
    _check_images(node.get("image"), error, warn)
    publisher = node.get("publisher")
    reference = isinstance(publisher, dict) and set(publisher) == {"@id"}
    if isinstance(publisher, dict) and not reference and not _types(publisher) & _ORGANIZATIONS:
        warn(".publisher", "Google expects the publisher to be an Organization")
    return found


def _types(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type")
    return {k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}


def _check_date(node: dict[str, Any], key: str, error: Any, warn: Any) -> None:
    value = node.get(key)
    if value is None:
        warn("", f"Google recommends '{key}'")
    elif isinstance(value, str) and _DATE.match(value):
        warn(f".{key}", f"{value!r} is a date: Google recommends a date-time with a time zone")
    elif not isinstance(value, str) or not _DATE_TIME.match(value):
        error(f".{key}", f"expected an ISO 8601 date-time, got {value!r}")
    elif _OFFSET.search(value) is None:
        warn(f".{key}", f"{value!r} has no time zone: Google will assume its own")
    elif RFC3339.match(value) is None:
        warn(f".{key}", f"{value!r} is not RFC 3339: write it as 2024-05-01T09:00:00+01:00")


def _check_authors(value: object, error: Any, warn: Any) -> None:
    if value is None:
        warn("", "Google recommends an 'author'")
        return
    for index, author in enumerate(value if isinstance(value, list) else [value]):
        where = f".author[{index}]" if isinstance(value, list) else ".author"
        if isinstance(author, str):
            warn(where, "Google expects each author as a Person or Organization object")
        elif not isinstance(author, dict):
            error(where, f"expected a Person or Organization, got {author!r}")
        elif set(author) != {"@id"} and not _types(author) & _AGENTS:
            error(where, f"expected a Person or Organization, got @type {author.get('@type')!r}")
        elif set(author) != {"@id"} and not _has_text(author.get("name")):
            error(where, "expected the author's name")
        elif set(author) != {"@id"} and not (author.get("url") or author.get("sameAs")):
            warn(where, "Google recommends a 'url' (or 'sameAs') for each author")


def _has_text(value: object) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and v.strip() for v in values)


def _check_images(value: object, error: Any, warn: Any) -> None:
    if value is None:
        warn("", "Google recommends an 'image'")
        return
    if isinstance(value, dict) and isinstance(value.get("@list"), list):
        value = value["@list"]
    for index, image in enumerate(value if isinstance(value, list) else [value]):
        where = f".image[{index}]" if isinstance(value, list) else ".image"
        if isinstance(image, dict) and set(image) != {"@id"}:
            if not isinstance(image.get("url") or image.get("contentUrl"), str):
                error(where, "expected the image's 'url'")
        elif not isinstance(image, str | dict):
            error(where, f"expected a URL or an ImageObject, got {image!r}")
