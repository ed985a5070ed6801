"""
newsmodel's own quotation elements (``nm:quotation``) in a NewsML-G2 item.

NewsML-G2 has no element for a quotation; newsmodel's writer puts each in
its extension namespace, with its speaker and where it sits in the text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from newsmodel.errors import FieldError
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.formats.newsml_g2.recurring import RECURRING, shared
from newsmodel.model import Organization, Person, Quotation, QuotationKind, Span, TextPart

if TYPE_CHECKING:
    from enum import Enum

    from lxml import etree

__all__ = ["quotation_of"]


def quotation_of(element: etree._Element) -> Quotation:
    """
    The quotation an ``nm:quotation`` element holds.

    Every value is built here, so that the reader reports a bad one (an
    offset that is not a number) as a loss, not a crash.

    Raises:
        ValueError: A value the model refuses (a :class:`FieldError`).
    """
    parts: dict[object, etree._Element] = {}
    for child in element:  # a few children, each name read once: the first of it
        parts.setdefault(child.tag, child)
    speaker = parts.get(_NM_SPEAKER)
    span = None
    if element.get("start") is not None:
        span = Span(
            start=_offset(element, "start"),
            end=_offset(element, "end"),
            part=_choice(element, "part", TextPart, TextPart.BODY),
        )
    return Quotation(
        text=_raw(parts.get(_NM_TEXT)) or "",
        kind=_choice(element, "kind", QuotationKind, QuotationKind.FULL),
        speaker=None if speaker is None else _speaker(speaker),
        speaker_mention=_raw(parts.get(_NM_MENTION)),
        cue=_raw(parts.get(_NM_CUE)),
        span=span,
    )


_NM_SPEAKER, _NM_TEXT, _NM_MENTION, _NM_CUE, _NM_AFFILIATION = map(
    g2.nm, ("speaker", "text", "mention", "cue", "affiliation")
)


def _offset(element: etree._Element, name: str) -> int:
    text = element.get(name, "")
    if not (text.isascii() and text.isdigit()):
        raise FieldError(name, f"expected a whole number of 0 or more, got {text!r}")
    return int(text)


_E = TypeVar("_E", TextPart, QuotationKind)


# Each choice's members by value: a lookup, where calling the enumeration is not.
_MEMBERS: dict[type[Enum], dict[str, Any]] = {
    kind: {member.value: member for member in kind} for kind in (TextPart, QuotationKind)
}


def _choice(element: etree._Element, name: str, kind: type[_E], default: _E) -> _E:
    text = element.get(name)
    if text is None:
        return default
    member: _E | None = _MEMBERS[kind].get(text)
    if member is None:
        known = ", ".join(member.value for member in kind)
        raise FieldError(name, f"expected one of {known}, got {text!r}")
    return member


def _speaker(element: etree._Element) -> Person | Organization:
    name, uri = element.get("name", ""), element.get("uri")
    if element.get("type") == "organization":
        return shared(_organization, name, uri)
    affiliation = g2.child(element, _NM_AFFILIATION)
    if affiliation is None:
        return shared(_person, name, uri, element.get("title"), None, None)
    belongs = (affiliation.get("name", ""), affiliation.get("uri"))
    return shared(_person, name, uri, element.get("title"), *belongs)


# A feed quotes the same people, item after item: each speaker is built once.
@lru_cache(maxsize=RECURRING)
def _organization(name: str, uri: str | None) -> Organization:
    return Organization(name=name, uri=uri)


@lru_cache(maxsize=RECURRING)
def _person(
    name: str,
    uri: str | None,
    title: str | None,
    affiliation: str | None,
    affiliation_uri: str | None,
) -> Person:
    """A speaker; *affiliation* ``None`` for one without (an empty name is refused)."""
    return Person(
        name=name,
        uri=uri,
        title=title,
        affiliation=None
        if affiliation is None
        else Organization(name=affiliation, uri=affiliation_uri),
    )


def _raw(element: etree._Element | None) -> str | None:
    """An element's text exactly as written (quotations keep their spaces)."""
    if element is None:
        return None
    return (element.text or "") if not len(element) else "".join(element.itertext())
