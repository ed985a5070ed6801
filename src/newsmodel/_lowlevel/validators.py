r"""
attrs validators for the model, each raising :class:`~newsmodel.errors.FieldError`.

The regular expressions here are mirrored in the bundled JSON Schema; a test
checks that the two agree, so the model and the schema cannot drift apart.
They end in ``$(?!\n)`` rather than ``$``: in Python ``$`` also matches
before a final newline, and JSON Schema validators in other languages would
not accept that newline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsmodel.errors import FieldError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "LANGUAGE_TAG",
    "NOT_XML",
    "NOT_XML_CHARACTERS",
    "TEXT",
    "URI",
    "URI_FOR_PYTHON",
    "accepted_at_once",
    "aware_datetime",
    "fit_for_xml",
    "instance_of",
    "integer_between",
    "language_tag",
    "non_empty_text",
    "text",
    "tuple_of",
    "tuple_of_instances",
    "unfit_character",
    "uri",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: Text that XML 1.0 can carry: no C0 controls but tab, newline and carriage
#: return, no lone surrogates, no U+FFFE or U+FFFF.  Every format newsmodel
#: writes can then hold every string of the model.
NOT_XML_CHARACTERS = r"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF"
TEXT = re.compile(rf"^[^{NOT_XML_CHARACTERS}]*$")
#: One character that XML 1.0 cannot carry, to find or remove.
NOT_XML = re.compile(rf"[{NOT_XML_CHARACTERS}]")

#: An absolute URI or IRI (RFC 3986/3987): a scheme, a colon, then the
#: characters URIs are made of (``%`` only to start a percent-encoded byte,
#: any non-ASCII character but white space), and at most one ``#``.  A QCode
#: such as ``medtop:20000001`` has this shape too.  Square brackets, which
#: only an IPv6 host may use, are refused.
URI = re.compile(
    r"^[A-Za-z][A-Za-z0-9+.\-]*:"
    r"(?:[A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2}|[^\x00-\x7F\s])+"
    r"(?:#(?:[A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2}|[^\x00-\x7F\s])*)?$(?!\n)"
)

#: The language of :data:`URI` written for Python's engine, three times faster
#: on a web address: one class for the characters a URI may hold as they are,
#: runs of them possessive (nothing to backtrack into), and each ``%`` with its
#: two hex digits.  The schemas keep :data:`URI`, which engines in other
#: languages read; a test holds the two to the same verdict.
URI_FOR_PYTHON = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*:"
    r"""(?:[^\x00-\x20"#%<>\[\\\]^`{|}\x7F\s]++|%[0-9A-Fa-f]{2})+"""
    r"""(?:#(?:[^\x00-\x20"#%<>\[\\\]^`{|}\x7F\s]++|%[0-9A-Fa-f]{2})*)?"""
)

#: A well-formed BCP 47 language tag (RFC 5646 ``langtag`` or ``privateuse``).
LANGUAGE_TAG = re.compile(
    r"^(?:"
    r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language, extlang
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"  # private use
    r"$(?!\n)|^[Xx](?:-[A-Za-z0-9]{1,8})+$(?!\n)"
)


# Characters texts hold that are fit for XML but not printable: line breaks,
# tabs, no-break and zero-width spaces, soft hyphens. Not one is unfit.
_UNPRINTABLE_BUT_FIT = ("\n", "\t", "\r", "\xa0", "\u200b", "\xad")


def fit_for_xml(text: str) -> bool:
    """
    Whether XML 1.0 can carry every character of *text*.

    Every character it cannot carry is unprintable, and ``isprintable()`` is
    a loop in C; the unprintable characters text holds most are taken out
    first, each by one pass in C.  The pattern's search, several times
    slower on a long body, looks only at text that still has others.
    """
    if text.isprintable():
        return True
    for character in _UNPRINTABLE_BUT_FIT:
        if character in text:
            text = text.replace(character, "")
    return text.isprintable() or NOT_XML.search(text) is None


def unfit_character(text: str) -> str | None:
    """The first character of *text* that XML 1.0 cannot carry, or ``None``."""
    if fit_for_xml(text):
        return None
    bad = NOT_XML.search(text)
    return None if bad is None else bad.group()


# Each check below decides in its first line, with no layer of calls for
# None, the type and the characters: the model makes thousands of fields a
# second.  Its ``__init__`` tests each check's common case in line
# (``accepted_at_once``) and calls the check for the rest.  Only a refused
# value takes the long way, to say what is wrong.
# A field whose default is None may hold None: ``attribute.default`` says so.


#: For a check, a Python expression of ``value`` that is true only of values
#: the check accepts, and the names it uses: the common case, tested without
#: a call by an ``__init__`` made from the fields (:mod:`newsmodel.model`).
#: Anything it does not accept at once goes to the check itself.
_AT_ONCE: dict[Validator, tuple[str, dict[str, Any]]] = {}


def accepted_at_once(check: Validator) -> tuple[str, dict[str, Any]] | None:
    """
    An expression of ``value`` that is true only of values *check* accepts, and its names.

    ``None`` for a check without one.  The expression may be false of a
    value the check accepts (text with a line break, a subclass of ``str``);
    the check then decides.
    """
    return _AT_ONCE.get(check)


def _refused(attribute: attrs.Attribute[Any], value: object, expected: str) -> FieldError:
    """The error for a *value* that is not *expected*, naming the first thing wrong."""
    if isinstance(value, str):
        bad = unfit_character(value)
        message = (
            f"expected {expected}, got {value!r}"
            if bad is None
            else f"character {bad!r} cannot be carried by XML 1.0"
        )
    else:
        message = f"expected a string, got {value!r}"
    return FieldError(attribute.name, message)


def text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a string that every output format can carry.
    """
    if value is None:
        if attribute.default is None:
            return
    elif isinstance(value, str) and fit_for_xml(value):
        return
    raise _refused(attribute, value, "a string")


_AT_ONCE[text] = ("value.__class__ is str and value.isprintable()", {})


def non_empty_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a string with at least one character that is not white space.
    """
    if value is None:
        if attribute.default is None:
            return
    elif isinstance(value, str) and fit_for_xml(value) and value and not value.isspace():
        return
    raise _refused(attribute, value, "non-empty text")


# isprintable() is true of "", and isspace() false.
_AT_ONCE[non_empty_text] = (
    "value.__class__ is str and value and value.isprintable() and not value.isspace()",
    {},
)


def uri(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept an absolute URI, as official validators with format checks demand.
    """
    if value is None:
        if attribute.default is None:
            return
    elif (
        isinstance(value, str)
        and fit_for_xml(value)
        and URI_FOR_PYTHON.fullmatch(value) is not None
    ):
        return
    raise _refused(attribute, value, "an absolute URI")


_AT_ONCE[uri] = (
    "value.__class__ is str and value.isprintable() and _is_uri(value) is not None",
    {"_is_uri": URI_FOR_PYTHON.fullmatch},
)


def language_tag(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a well-formed BCP 47 language tag such as ``en`` or ``pt-BR``.
    """
    if value is None:
        if attribute.default is None:
            return
    elif isinstance(value, str) and LANGUAGE_TAG.match(value) is not None:
        return  # the tag's characters are all ASCII letters, digits and hyphens
    raise _refused(attribute, value, "a BCP 47 language tag")


_AT_ONCE[language_tag] = (
    "value.__class__ is str and _is_tag(value) is not None",
    {"_is_tag": LANGUAGE_TAG.match},
)


def aware_datetime(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a timezone-aware datetime whose offset RFC 3339 can write.

    A naive datetime means nothing for a publication time, and an offset with
    seconds (historical local mean time) has no RFC 3339 form.
    """
    if value is None and attribute.default is None:
        return
    offset = value.utcoffset() if isinstance(value, datetime) else None
    # A whole number of minutes: the days of a negative offset are too.
    if offset is not None and not offset.seconds % 60 and not offset.microseconds:
        return
    if not isinstance(value, datetime):
        raise FieldError(attribute.name, f"expected a datetime, got {value!r}")
    if offset is None:
        raise FieldError(attribute.name, f"expected a timezone-aware datetime, got {value!r}")
    raise FieldError(attribute.name, f"expected a UTC offset in whole minutes, got {offset}")


# Most times are in UTC, whose one tzinfo is an offset of no minutes.
_AT_ONCE[aware_datetime] = (
    "value.__class__ is _datetime and value.tzinfo is _utc",
    {"_datetime": datetime, "_utc": UTC},
)


def integer_between(low: int, high: int | None = None) -> Validator:
    """
    Accept an ``int`` (not a ``bool``) from *low* to *high*, both included.
    """
    top = high if high is not None else math.inf
    bounds = f"from {low} to {high}" if high is not None else f"at least {low}"

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            if attribute.default is None:
                return
        elif isinstance(value, int) and not isinstance(value, bool) and low <= value <= top:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            raise FieldError(attribute.name, f"expected an integer, got {value!r}")
        raise FieldError(attribute.name, f"expected an integer {bounds}, got {value}")

    _AT_ONCE[check] = (
        "value.__class__ is int and _low <= value <= _top",
        {"_low": low, "_top": top},
    )
    return check


def instance_of(kind: type | tuple[type, ...]) -> Validator:
    """
    Accept an instance of *kind* (a class, or a tuple of classes).
    """

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            if attribute.default is None:
                return
        elif isinstance(value, kind):
            return
        raise FieldError(attribute.name, f"expected {_describe(kind)}, got {value!r}")

    _AT_ONCE[check] = (
        "value.__class__ in _kinds",
        {"_kinds": kind if isinstance(kind, tuple) else (kind,)},
    )
    return check


def tuple_of(item: Validator) -> Validator:
    """
    Accept a tuple whose every member passes *item*.

    Tuples, not lists, keep frozen articles hashable all the way down.
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise FieldError(attribute.name, f"expected a tuple, got {value!r}")
        for index, member in enumerate(value):
            try:
                item(instance, attribute, member)
            except FieldError as error:
                name = f"{attribute.name}[{index}]"
                raise FieldError(name, error.message) from None

    return check


def tuple_of_instances(kind: type) -> Validator:
    """
    Accept a tuple of instances of *kind*: :func:`tuple_of` with the check in the loop.
    """

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise FieldError(attribute.name, f"expected a tuple, got {value!r}")
        for index, member in enumerate(value):
            if not isinstance(member, kind):
                name = f"{attribute.name}[{index}]"
                raise FieldError(name, f"expected {kind.__name__}, got {member!r}")

    # The members tested in C: isinstance, as the loop tests them.
    _AT_ONCE[check] = (
        "value.__class__ is tuple and _all(map(_is_kind, value))",
        {"_all": all, "_is_kind": kind.__instancecheck__},
    )
    return check


def _describe(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)
