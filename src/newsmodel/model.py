"""
The article model: frozen, keyword-only attrs classes, free of wire formats.

Every class validates its fields at construction and raises
:class:`~newsmodel.errors.FieldError` naming the field, so an invalid article
cannot exist.  Collections are tuples, closed vocabularies are enums and
datetimes are timezone-aware.  Every string can be carried by XML 1.0, so
every output format can hold every article.
"""

from __future__ import annotations

import enum
import linecache
import re
from datetime import datetime
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from attrs import field, frozen

from newsmodel._lowlevel import validators as v
from newsmodel._lowlevel import xhtml
from newsmodel.errors import FieldError

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml import etree

__all__ = [
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
]

_Class = TypeVar("_Class", bound=type)


def _lean_init(cls: _Class) -> _Class:
    """
    An attrs class with an ``__init__`` that checks what it is given, no more.

    attrs's ``__init__`` calls every field's validator, and an article has
    thirty fields of which a feed fills about ten: the others hold their
    default, which passes by construction.  This ``__init__``, made from the
    same fields and validators, skips the call for a value that *is* the
    default, tests the common case of a value in line where the check has
    such a test (:func:`~newsmodel._lowlevel.validators.accepted_at_once`),
    and writes each slot through its descriptor.  Every other value meets its
    validator, in attrs's order, with the same error; and no switch turns the
    checks off.
    """
    post = getattr(cls, "__attrs_post_init__", None)
    names: dict[str, Any] = {"_post": post}
    parameters, writes, checks = [], [], []
    for attribute in attrs.fields(cls):
        name, default = attribute.name, attribute.default
        if attribute.converter is not None or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            msg = f"{cls.__name__}.{name}: a converter or factory needs attrs's __init__"
            raise TypeError(msg)
        names[f"_set_{name}"] = getattr(cls, name).__set__  # the slot's descriptor
        writes.append(f"    _set_{name}(self, {name})")
        parameters.append(name if default is attrs.NOTHING else f"{name}=_default_{name}")
        names[f"_default_{name}"] = default
        if attribute.validator is not None:
            names[f"_check_{name}"], names[f"_field_{name}"] = attribute.validator, attribute
            call = f"_check_{name}(self, _field_{name}, {name})"
            conditions = [] if default is attrs.NOTHING else [f"{name} is not _default_{name}"]
            at_once = v.accepted_at_once(attribute.validator)
            if at_once is not None:
                conditions.append(f"not ({_for_field(name, *at_once, names)})")
            test = f"    if {' and '.join(conditions)}:\n    " if conditions else ""
            checks.append(f"{test}    {call}")
    lines = [f"def __init__(self, *, {', '.join(parameters)}):", *writes, *checks]
    source = "\n".join([*lines, "    _post(self)" if post else "    return"]) + "\n"
    filename = f"<newsmodel __init__ of {cls.__qualname__}>"
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - our own source, as attrs does
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    generated = vars(cls)["__init__"]  # attrs's: its annotations, for the documentation
    init.__annotations__, init.__doc__ = generated.__annotations__, generated.__doc__
    type.__setattr__(cls, "__init__", init)
    return cls


def _for_field(name: str, expression: str, used: dict[str, Any], names: dict[str, Any]) -> str:
    """A check's expression of ``value`` for the field *name*, its names made the field's own."""
    for used_name, value in used.items():
        names[f"{used_name}_{name}"] = value
        expression = re.sub(rf"\b{used_name}\b", f"{used_name}_{name}", expression)
    return re.sub(r"\bvalue\b", name, expression)


def _optional(check: v.Validator) -> Any:
    """
    An attribute that defaults to ``None`` and otherwise passes *check*.

    Each check accepts ``None`` where it is the attribute's default, so a field
    costs one call, not a wrapper's and the check's.
    """
    return field(default=None, validator=check)


def _many(member: v.Validator | type) -> Any:
    """
    An attribute that holds a tuple, empty by default, whose members pass *member*.

    A class stands for its instances.
    """
    check = v.tuple_of_instances(member) if isinstance(member, type) else v.tuple_of(member)
    return field(default=(), validator=check)


class PubStatus(enum.Enum):
    """
    Whether an article may be used (IPTC's publishing status).
    """

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class ContributorRole(enum.Enum):
    """
    What a person or organisation did for an article.
    """

    AUTHOR = "author"
    CONTRIBUTOR = "contributor"
    EDITOR = "editor"
    PHOTOGRAPHER = "photographer"
    TRANSLATOR = "translator"


class QuotationKind(enum.Enum):
    """
    What a stretch of text in quotation marks is.
    """

    #: A whole statement in the speaker's words.
    FULL = "full"
    #: A fragment of the speaker's words inside the writer's sentence.
    PARTIAL = "partial"
    #: Words in quotation marks that nobody is said to have said: a scare
    #: quote, a title, a nickname, a disputed term.
    TERM = "term"


class TextPart(enum.Enum):
    """
    The part of an article whose text a :class:`Span` counts characters of.
    """

    HEADLINE = "headline"
    SUMMARY = "summary"
    BODY = "body"


@_lean_init
@frozen(kw_only=True)
class Organization:
    """
    An organisation: a publisher, an agency, a government, a company.

    Attributes:
        name: The name as the article gives it.
        uri: An identifier: a web page, a knowledge-base entry or a QCode.
    """

    name: str = field(validator=v.non_empty_text)
    uri: str | None = _optional(v.uri)


@_lean_init
@frozen(kw_only=True)
class Person:
    """
    A person: an author, a speaker, a photographer.

    Attributes:
        name: The full name as the article gives it.
        uri: An identifier: a profile page, a knowledge-base entry or a QCode.
        title: The job title or role the article gives, such as ``spokesman``.
        affiliation: The organisation the title belongs to.
    """

    name: str = field(validator=v.non_empty_text)
    uri: str | None = _optional(v.uri)
    title: str | None = _optional(v.non_empty_text)
    affiliation: Organization | None = _optional(v.instance_of(Organization))


#: Whoever can write, say or own something.
Agent = Person | Organization


@_lean_init
@frozen(kw_only=True)
class Contributor:
    """
    One person or organisation credited for an article, with what they did.
    """

    agent: Agent = field(validator=v.instance_of((Person, Organization)))
    role: ContributorRole = field(
        default=ContributorRole.AUTHOR, validator=v.instance_of(ContributorRole)
    )


@_lean_init
@frozen(kw_only=True)
class Byline:
    """
    A credit line as printed (``By Jane Doe in Kyiv``) and the people in it.

    Either may be missing, not both: feeds often carry only the printed line,
    or only the structured contributors.
    """

    text: str | None = _optional(v.non_empty_text)
    contributors: tuple[Contributor, ...] = _many(Contributor)

    def __attrs_post_init__(self) -> None:
        if self.text is None and not self.contributors:
            raise FieldError("text", "a byline needs its text or contributors")


@_lean_init
@frozen(kw_only=True)
class Section:
    """
    Where an article sits in a publication, as a path from the top level.

    Attributes:
        path: The section names, outermost first: ``("News", "Russia")``.
        code: The publisher's or agency's code for the innermost section.
        url: The web page of the innermost section.
    """

    path: tuple[str, ...] = field(validator=v.tuple_of(v.non_empty_text))
    code: str | None = _optional(v.non_empty_text)
    url: str | None = _optional(v.uri)

    def __attrs_post_init__(self) -> None:
        if not self.path:
            raise FieldError("path", "expected at least one section name, got ()")

    def __str__(self) -> str:
        return " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} ".join(self.path)


@_lean_init
@frozen(kw_only=True)
class Concept:
    """
    A term of a controlled vocabulary: a subject or a genre.

    Attributes:
        name: The human-readable name, such as ``politics``.
        code: The code in its scheme, such as ``20000621``.
        scheme: The scheme the code belongs to, such as ``medtop``.
        uri: The term's URI, or its QCode (``medtop:20000621``).
    """

    name: str | None = _optional(v.non_empty_text)
    code: str | None = _optional(v.non_empty_text)
    scheme: str | None = _optional(v.non_empty_text)
    uri: str | None = _optional(v.uri)

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.code is None and self.uri is None:
            raise FieldError("name", "a concept needs a name, a code or a URI")
        if self.scheme is not None and self.code is None:
            raise FieldError("scheme", "a scheme without a code identifies nothing")


@_lean_init
@frozen(kw_only=True)
class Place:
    """
    A named place, such as the city an article was filed from.
    """

    name: str = field(validator=v.non_empty_text)
    uri: str | None = _optional(v.uri)


@_lean_init
@frozen(kw_only=True)
class Dateline:
    """
    Where (and, as printed, when) an article was filed.

    Attributes:
        text: The dateline as printed: ``MOSCOW, Nov 26 (Reuters) -``.
        place: The place, as data.
    """

    text: str | None = _optional(v.non_empty_text)
    place: Place | None = _optional(v.instance_of(Place))

    def __attrs_post_init__(self) -> None:
        if self.text is None and self.place is None:
            raise FieldError("text", "a dateline needs its text or a place")


@_lean_init
@frozen(kw_only=True)
class Image:
    """
    A picture that goes with an article.

    An image may lack a URL when only its caption is known, as in text that
    was copied from a page.
    """

    url: str | None = _optional(v.uri)
    caption: str | None = _optional(v.non_empty_text)
    credit: str | None = _optional(v.non_empty_text)
    alt: str | None = _optional(v.text)
    width: int | None = _optional(v.integer_between(1))
    height: int | None = _optional(v.integer_between(1))

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.caption is None:
            raise FieldError("url", "an image needs a URL or a caption")


@frozen(kw_only=True, init=False)
class Body:
    """
    The story text as a safe XHTML fragment of block elements.

    The markup is checked against an allow-list (no script, no event
    handlers, no ``javascript:`` links) and kept in canonical form, so two
    bodies with the same markup compare equal and round trips are exact.
    Every body's markup is checked once, where it is made: parsed from a
    string, checked inside a document already parsed (:meth:`from_element`),
    or written safe by :meth:`from_paragraphs`.

    Attributes:
        html: Block elements without a namespace: ``<p>...</p><p>...</p>``.
    """

    html: str = field()

    def __init__(self, *, html: str) -> None:
        """Check *html* and keep its canonical form."""
        if not isinstance(html, str):
            raise FieldError("html", f"expected a string, got {html!r}")
        self._keep(partial(xhtml.checked, html))

    @classmethod
    def from_element(cls, element: etree._Element) -> Body:
        """
        Build a body of the blocks inside an element of a parsed document.

        They are checked as :class:`Body` checks markup, where they are:
        nothing is written out to be parsed again.  *element* is changed
        (see :func:`~newsmodel._lowlevel.xhtml.fragment_checked`).
        """
        body = object.__new__(cls)
        body._keep(partial(xhtml.fragment_checked, element))
        return body

    def _keep(self, check: Callable[[], tuple[str, bool]]) -> None:
        """Keep the canonical markup *check* gives, and whether it is written paragraphs."""
        try:
            markup, written = check()
        except ValueError as error:
            raise FieldError("html", str(error)) from error
        if not markup.strip():
            raise FieldError("html", f"expected non-empty text, got {markup!r}")
        object.__setattr__(self, "html", markup)
        object.__setattr__(self, "_written", written)

    @classmethod
    def from_paragraphs(cls, *paragraphs: str) -> Body:
        """
        Build a body of ``<p>`` elements from plain-text paragraphs.

        Escaped text in paragraphs is safe and canonical by construction, so
        the markup is written directly instead of parsed and checked.
        """
        try:
            html = xhtml.paragraphs(paragraphs)
        except ValueError as error:
            raise FieldError("html", str(error)) from error
        body = object.__new__(cls)
        object.__setattr__(body, "html", html)
        object.__setattr__(body, "_written", True)
        return body

    @cached_property
    def _written(self) -> bool:
        """
        Whether the markup is paragraphs as :meth:`from_paragraphs` writes them.

        Found where the markup is checked, and kept there, so that the text
        is cut from such markup without matching it again; looked for here
        only in a body made another way (unpickled).  Not part of the value.
        """
        return xhtml.is_written(self.html)

    @cached_property
    def text(self) -> str:
        """
        The plain text: one paragraph per block, separated by a blank line.

        Computed on first use and kept: most articles read are never asked
        for it, and on a long body it costs more than parsing the markup.
        """
        return xhtml.written_text(self.html) if self._written else xhtml.plain_text(self.html)


@_lean_init
@frozen(kw_only=True)
class Span:
    """
    Where some words sit in the plain text of one part of an article.

    The span covers characters ``start`` (included) to ``end`` (excluded).
    """

    start: int = field(validator=v.integer_between(0))
    end: int = field(validator=v.integer_between(0))
    part: TextPart = field(default=TextPart.BODY, validator=v.instance_of(TextPart))

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            msg = f"expected end after start ({self.start}), got {self.end}"
            raise FieldError("end", msg)


@_lean_init
@frozen(kw_only=True)
class Quotation:
    """
    Words in quotation marks, who said them and how.

    Attributes:
        text: The quoted words, without the quotation marks.
        kind: A full statement, a fragment, or a term nobody said.
        speaker: Who said it, resolved to a named person or organisation.
        speaker_mention: The speaker as worded in the text, such as ``he``.
        cue: How it was said: ``told Russian news agencies``, ``said``.
        span: Where the words sit in the article.
    """

    text: str = field(validator=v.non_empty_text)
    kind: QuotationKind = field(default=QuotationKind.FULL, validator=v.instance_of(QuotationKind))
    speaker: Agent | None = _optional(v.instance_of((Person, Organization)))
    speaker_mention: str | None = _optional(v.non_empty_text)
    cue: str | None = _optional(v.non_empty_text)
    span: Span | None = _optional(v.instance_of(Span))

    def __attrs_post_init__(self) -> None:
        if self.kind is QuotationKind.TERM and (
            self.speaker is not None or self.speaker_mention is not None
        ):
            raise FieldError("speaker", "a term in quotation marks has no speaker")


@_lean_init
@frozen(kw_only=True)
class Article:
    """
    One news story, independent of any wire format.

    Only the headline is required; everything else is what a feed or page
    may carry.

    Attributes:
        id: The article's globally unique identifier (a URI).
        version: The revision number, as agencies count it, from 1.
        headline: The main headline.
        alternative_headline: A secondary headline (a web or social headline).
        slugline: The short working label desks use (``RUSSIA-UKRAINE/PUTIN``).
        summary: A short description or standfirst.
        sections: Where the article sits in the publication.
        bylines: The credit lines and the people in them.
        dateline: Where the article was filed.
        language: The BCP 47 tag of the article's language.
        created: When the content was first created.
        modified: When the content was last changed.
        published: When the article was first published.
        embargo: The article may not be published before this time.
        urgency: Editorial urgency, 1 (most urgent) to 9.
        pub_status: Whether the article may be used.
        genres: The kind of journalism (analysis, opinion, interview, ...).
        subjects: What the article is about.
        keywords: Free-text keywords.
        publisher: Who published the article.
        provider: Who delivered it (an agency, a syndication service).
        copyright_holder: Who holds the copyright.
        copyright_notice: The copyright line.
        usage_terms: The terms under which the article may be used.
        canonical_url: The address of the article's web page.
        images: Pictures that go with the article.
        body: The story text.
        quotations: The quotations in the article.
        boilerplate: Text the publisher appends to every story (notices,
            promotions), kept out of the body, one paragraph per item.
        editorial_note: A note to editors, not for publication.
    """

    id: str | None = _optional(v.uri)
    version: int | None = _optional(v.integer_between(1))
    headline: str = field(validator=v.non_empty_text)
    alternative_headline: str | None = _optional(v.non_empty_text)
    slugline: str | None = _optional(v.non_empty_text)
    summary: str | None = _optional(v.non_empty_text)
    sections: tuple[Section, ...] = _many(Section)
    bylines: tuple[Byline, ...] = _many(Byline)
    dateline: Dateline | None = _optional(v.instance_of(Dateline))
    language: str | None = _optional(v.language_tag)
    created: datetime | None = _optional(v.aware_datetime)
    modified: datetime | None = _optional(v.aware_datetime)
    published: datetime | None = _optional(v.aware_datetime)
    embargo: datetime | None = _optional(v.aware_datetime)
    urgency: int | None = _optional(v.integer_between(1, 9))
    pub_status: PubStatus | None = _optional(v.instance_of(PubStatus))
    genres: tuple[Concept, ...] = _many(Concept)
    subjects: tuple[Concept, ...] = _many(Concept)
    keywords: tuple[str, ...] = _many(v.non_empty_text)
    publisher: Organization | None = _optional(v.instance_of(Organization))
    provider: Organization | None = _optional(v.instance_of(Organization))
    copyright_holder: Agent | None = _optional(v.instance_of((Person, Organization)))
    copyright_notice: str | None = _optional(v.non_empty_text)
    usage_terms: str | None = _optional(v.non_empty_text)
    canonical_url: str | None = _optional(v.uri)
    images: tuple[Image, ...] = _many(Image)
    body: Body | None = _optional(v.instance_of(Body))
    quotations: tuple[Quotation, ...] = _many(Quotation)
    boilerplate: tuple[str, ...] = _many(v.non_empty_text)
    editorial_note: str | None = _optional(v.non_empty_text)

    def __attrs_post_init__(self) -> None:
        for index, quotation in enumerate(self.quotations):
            span = quotation.span
            if span is None:
                continue
            source = self.text_of(span.part)
            if source is None:
                msg = f"the span points into the {span.part.value}, which is missing"
                raise FieldError(f"quotations[{index}]", msg)
            found = source[span.start : span.end]
            if found != quotation.text:
                msg = (
                    f"expected the {span.part.value} to hold {quotation.text!r} "
                    f"at {span.start}:{span.end}, found {found!r}"
                )
                raise FieldError(f"quotations[{index}]", msg)

    def text_of(self, part: TextPart) -> str | None:
        """
        Return the plain text of one part of the article, if it has one.
        """
        if part is TextPart.HEADLINE:
            return self.headline
        if part is TextPart.SUMMARY:
            return self.summary
        return self.body.text if self.body is not None else None
