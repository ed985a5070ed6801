"""
Validation of documents against the standards they are in, with results as objects.

:func:`validate` never raises for bad input: it returns a :class:`Report`
whose :class:`Issue` objects say which rule each problem breaks and where
(a JSONPath or an element path, and a line and column when there is one).
:func:`check` raises :class:`~newsmodel.errors.DocumentInvalid` instead.

The default verdict is conformance to the document's own standard, by the
official schemas bundled with newsmodel (IPTC's NewsML-G2 2.35 and NITF 3.6
XSDs, every ninjs schema); ``profile="newsmodel"`` judges by the narrower
profiles newsmodel's writers promise.  Whether a valid document holds an
article is a separate question: :func:`newsmodel.loads` answers it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsmodel.errors import DocumentInvalid, TooLargeError, UnknownFormatError
from newsmodel.formats import Format, detect, format_named
from newsmodel.limits import DEFAULT_MAX_BYTES, check_size
from newsmodel.validation import bundled, newsml_g2, ninjs, nitf, pages, profile
from newsmodel.validation.report import Issue, Report, Severity, Verdict

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "NINJS_VERSIONS",
    "PROFILES",
    "Issue",
    "Report",
    "Severity",
    "check",
    "schema",
    "validate",
]

#: The verdicts :func:`validate` offers: the standards', and newsmodel's writer profiles.
PROFILES = ("standard", "newsmodel")
#: The ninjs versions ``schema_version`` may name.
NINJS_VERSIONS = bundled.NINJS_VERSIONS
_NINJS = frozenset({Format.NINJS, Format.NINJS2, Format.NINJS3})


def schema(format: Format | str) -> dict[str, Any]:  # noqa: A002 - the public name
    """
    Return newsmodel's bundled JSON Schema of *format*, parsed, from the package.

    Raises:
        KeyError: The format has no bundled JSON Schema of newsmodel's own.
    """
    return bundled.profile_schema(format_named(format))


def validate(  # noqa: PLR0913 - each option is one the command line offers
    data: str | bytes,
    format: Format | str | None = None,  # noqa: A002
    *,
    profile: str = "standard",
    schema_version: str | None = None,
    official_schema: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Report:
    """
    Validate a document against the standard its format is in.

    Args:
        data: The document, as text or as the bytes of a file.
        format: The format to validate it as, or its name; detected from
            the content when not given.
        profile: ``standard`` (the official schema of the document's
            standard and version) or ``newsmodel`` (the profile newsmodel's
            writers promise, then a reading into the model).
        schema_version: For ninjs, the version to judge by (``3.1``),
            whatever the document declares.
        official_schema: A copy of an official schema to judge by instead of
            the bundled one: an XSD of NewsML-G2 or NITF (told by its target
            namespace), or a ninjs JSON Schema (any ``.json``).  It applies
            to documents of its own format only; the files it refers to are
            looked for beside it, never fetched.
        max_bytes: A larger document is reported as an error, unread.

    Returns:
        A report; ``report.ok`` tells whether the document is valid, and
        ``report.what`` what it is.

    Raises:
        UnknownFormatError: *format* names no format.
        ValueError: *profile* or *schema_version* is not one of those offered.
        NewsmodelError: *official_schema* cannot be read, or is not a schema.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.1.0 the standards' verdict by default; *profile*,
       *schema_version*; *format* by name, or detected.
    """
    if profile not in PROFILES:
        msg = f"unknown profile {profile!r}; the profiles are {', '.join(PROFILES)}"
        raise ValueError(msg)
    if schema_version is not None and schema_version not in NINJS_VERSIONS:
        msg = f"no ninjs {schema_version} schema; the versions are {', '.join(NINJS_VERSIONS)}"
        raise ValueError(msg)
    chosen = None if format is None else format_named(format)
    try:
        check_size(data, max_bytes)
        chosen = chosen or detect(data)
    except (TooLargeError, UnknownFormatError) as error:
        return Report(format=chosen, issues=(Issue(message=str(error)),))
    official = None
    if official_schema is not None and chosen in bundled.official_format(str(official_schema)):
        official = Path(official_schema)
    verdict = _verdict(chosen, profile, schema_version, official)(data)
    return Report(format=chosen, issues=tuple(verdict.issues), what=verdict.what)


def _verdict(
    format: Format,  # noqa: A002
    profile_name: str,
    schema_version: str | None,
    official: Path | None,
) -> Callable[[str | bytes], Verdict]:
    """The check that judges *format* under the profile and options given."""
    if profile_name == "newsmodel":
        if format is Format.NEWSML_G2:
            return profile.check_newsml_g2
        if format in _NINJS:
            return profile.check_ninjs
    if format in _NINJS:
        return lambda data: ninjs.check(data, schema_version=schema_version, official=official)
    if format is Format.NEWSML_G2:
        return lambda data: newsml_g2.check(data, official=official)
    if format is Format.NITF:
        return lambda data: nitf.check(data, official=official)
    return {
        Format.JSON: profile.check_json,
        Format.JSONLD: pages.check_jsonld,
        Format.HTML: pages.check_html,
        Format.TEXT: pages.check_text,
    }[format]


def check(data: str | bytes, format: Format | str | None = None, **options: Any) -> None:  # noqa: A002
    """
    Validate a document and raise if it is invalid.

    Takes the options of :func:`validate`.

    Raises:
        DocumentInvalid: The document has errors; ``.issues`` lists them.

    .. versionadded:: 0.1.0
    """
    report = validate(data, format, **options)
    if not report.ok:
        raise DocumentInvalid(report.errors)
