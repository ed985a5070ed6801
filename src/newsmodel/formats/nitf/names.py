"""
Names NITF reading and writing share: namespaces, element lookup, dates.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from newsmodel.formats.markup import local_name

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["NITF", "NM", "child", "children", "norm", "parse_norm", "text_of"]

#: The namespace of NITF 3.5 and 3.6; older documents have none.
NITF = "http://iptc.org/std/NITF/2006-10-18/"
#: newsmodel's extension namespace in NITF, for what NITF has no element for.
NM = "urn:newsmodel:nitf:1"

# NITF's normalised date-times: 20151210T191044Z, 20161003T152257+0100, and
# the extended ISO 8601 form some feeds use instead.
_NORM = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,](\d{1,6}))?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


def children(parent: etree._Element | None, local: str) -> list[etree._Element]:
    """The children of *parent* named *local*, with or without the NITF namespace."""
    return [] if parent is None else [c for c in parent if local_name(c) == local]


def child(parent: etree._Element | None, local: str) -> etree._Element | None:
    """The first child of *parent* named *local*."""
    found = children(parent, local)
    return found[0] if found else None


def text_of(element: etree._Element | None) -> str | None:
    """An element's text, its runs of white space made one space; ``None`` if empty."""
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def parse_norm(value: str) -> datetime:
    """
    A date-time of NITF's ``norm`` form, which must carry its offset.

    Raises:
        ValueError: The value is not a date-time with an offset: a
            placeholder such as ``YYYYMMDDTHHMMSS`` is not one, nor is a
            date whose time is ``000000``, which NITF writes when it has none.
    """
    match = _NORM.match(value.strip())
    if match is None:
        msg = f"{value!r} is not a date-time"
        raise ValueError(msg)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    if f"{hour}{minute}{second}" == "000000" and not fraction:
        msg = f"{value!r} is a date alone: NITF writes the time 000000 when it has none"
        raise ValueError(msg)
    if offset is None:
        msg = f"{value!r} is not a date-time with a UTC offset"
        raise ValueError(msg)
    offset = "+00:00" if offset == "Z" else f"{offset[:3]}:{offset[-2:]}"
    micro = f".{fraction.ljust(6, '0')}" if fraction else ""
    return datetime.fromisoformat(f"{year}-{month}-{day}T{hour}:{minute}:{second}{micro}{offset}")


def norm(when: datetime) -> str:
    """A date-time in NITF's preferred form, ``YYYYMMDDTHHMMSS+HHMM``, to the second."""
    offset = when.utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return (
        f"{when.year:04d}{when.month:02d}{when.day:02d}T"
        f"{when.hour:02d}{when.minute:02d}{when.second:02d}{sign}{hours:02d}{minutes:02d}"
    )
