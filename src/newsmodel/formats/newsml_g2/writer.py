"""
Writing an article as a NewsML-G2 ``newsItem`` (2.35, power conformance).

Every field goes to the NewsML-G2 element made for it.  Where that element
cannot say all the model says (a section path, a person's title, an image),
the field is also written, as newsmodel's native JSON, in an extension
element of contentMeta, so that reading the item back gives the same
article.  Quotations have extension elements of their own.  Values NewsML-G2
requires but the article lacks (a guid, a provider, a version time) are
made up, and named in the item's ``nm:derived`` attribute so that a reader
knows to ignore them.

The item is written as text, escaped as lxml escapes, not built as a tree:
building and serialising the elements cost more than all else the writer
does.  The metadata is indented, one element a line; the body goes in as
its canonical markup, which is well-formed allow-listed XHTML by the
model's promise, so no white space is added inside it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, timedelta
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, get_type_hints
from urllib.parse import urlsplit

from newsmodel._lowlevel import xhtml
from newsmodel.formats import json as native_json
from newsmodel.formats.identity import made_up_id
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.formats.newsml_g2.standard import QCODE, code_attributes, held, one_line
from newsmodel.model import (
    Article,
    Concept,
    Contributor,
    ContributorRole,
    Organization,
    Person,
    Quotation,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

__all__ = ["write_item"]

_LARGEST_OFFSET = timedelta(hours=14)
# The type of each field, to write a field held as JSON alone.
_TYPES = get_type_hints(Article)
# The newest IPTC catalog seen in IPTC's 2.35 examples: it defines ninat:, stat:, drol:.
_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_34.xml"
# The provider of an article that names none: NewsML-G2 requires one.
_UNKNOWN = Organization(name="unknown")
# The line break and indent before an element at each depth.
_BREAKS = tuple("\n" + "  " * depth for depth in range(6))
# Most values hold none of these, and are written as they are.
_ESCAPED = re.compile(r'[&<>"\n\r\t]')


class _Lines:
    """The item's text as it is written: the metadata one element a line, indented."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def element(self, depth: int, tag: str, text: str | None = None, /, **attributes: str) -> None:
        """An element without children: its text, if it has any, on its line."""
        start = f"{_BREAKS[depth]}<{tag}{_attributes(attributes)}"
        self.parts.append(f"{start}>{xhtml.escape(text)}</{tag}>" if text else f"{start}/>")

    def open(self, depth: int, tag: str, /, **attributes: str) -> None:
        """The start tag of an element whose children follow."""
        self.parts.append(f"{_BREAKS[depth]}<{tag}{_attributes(attributes)}>")

    def close(self, depth: int, tag: str) -> None:
        self.parts.append(f"{_BREAKS[depth]}</{tag}>")

    def maybe(self, depth: int, tag: str, text: str | None, /, **attributes: str) -> None:
        """An element for a value the article may not have."""
        if text is not None:
            self.element(depth, tag, text, **attributes)


def _escaped_attribute(value: str) -> str:
    """
    *value* escaped as an attribute: as text, and its quote and white space too.

    A parser would read a bare line break or tab as a space.  (``xml.sax.saxutils``
    would do it, but imports ``urllib.request`` and several megabytes with it.)
    """
    return xhtml.escape(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _attributes(attributes: dict[str, str]) -> str:
    if not attributes:
        return ""
    return "".join(
        [
            f' {name}="{_escaped_attribute(value) if _ESCAPED.search(value) else value}"'
            for name, value in attributes.items()
        ]
    )


def write_item(article: Article, *, version_created: datetime) -> str:
    """
    Write the ``newsItem`` document of *article*, ending in a line break.

    Args:
        article: The article.
        version_created: The time to give ``versionCreated`` when the article
            has no ``modified`` time (NewsML-G2 requires one).
    """
    made_up = {
        "guid": article.id is None,
        "provider": article.provider is None,
        "versionCreated": article.modified is None,
    }
    item = {"xmlns": g2.NAR, "xmlns:nm": g2.NM, "guid": article.id or made_up_id(article)}
    if article.version is not None:
        item["version"] = str(article.version)
    item |= {"standard": "NewsML-G2", "standardversion": "2.35", "conformance": "power"}
    if article.language is not None:
        item["xml:lang"] = article.language
    derived = " ".join(name for name, missing in made_up.items() if missing)
    if derived:
        item["nm:derived"] = derived
    lines = _Lines()
    lines.parts.append(f"<newsItem{_attributes(item)}>")
    lines.element(1, "catalogRef", href=_CATALOG)
    _rights(lines, article)
    _item_meta(lines, article, version_created)
    _content_meta(lines, article)
    if article.body is not None:
        lines.parts.append(_BREAKS[1] + _content_set(article.headline, article.body.html))
    lines.close(0, "newsItem")
    lines.parts.append("\n")
    return "".join(lines.parts)


def _rights(lines: _Lines, article: Article) -> None:
    if not (article.copyright_holder or article.copyright_notice or article.usage_terms):
        return
    lines.open(1, "rightsInfo")
    if article.copyright_holder is not None:
        _agent(lines, "copyrightHolder", article.copyright_holder)
    lines.maybe(2, "copyrightNotice", article.copyright_notice)
    lines.maybe(2, "usageTerms", article.usage_terms)
    lines.close(1, "rightsInfo")


def _item_meta(lines: _Lines, article: Article, version_created: datetime) -> None:
    lines.open(1, "itemMeta")
    lines.element(2, "itemClass", qcode="ninat:text")
    _agent(lines, "provider", article.provider or article.publisher or _UNKNOWN)
    lines.element(2, "versionCreated", _time(article.modified or version_created))
    lines.maybe(2, "firstCreated", _time(article.published))
    lines.maybe(2, "embargoed", _time(article.embargo))
    if article.pub_status is not None:
        lines.element(2, "pubStatus", qcode=g2.STATUS_QCODES[article.pub_status])
    for section in article.sections:
        lines.open(2, "service", **_code(section.code))
        lines.element(3, "name", one_line(str(section)))
        lines.close(2, "service")
    lines.maybe(2, "edNote", article.editorial_note)
    for image in article.images:
        if image.url is not None:
            lines.element(2, "link", rel="irel:seeAlso", href=image.url, **_image_type(image.url))
    lines.close(1, "itemMeta")


def _image_type(url: str) -> dict[str, str]:
    """The media type of a picture: from its address, or any image type."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return {"contenttype": g2.IMAGE_TYPES.get(suffix, "image/*")}


def _content_meta(lines: _Lines, article: Article) -> None:
    lines.open(1, "contentMeta")
    # Block one of contentMeta: times, place and people, in this order.
    lines.maybe(2, "urgency", None if article.urgency is None else str(article.urgency))
    lines.maybe(2, "contentCreated", _time(article.created))
    place = article.dateline.place if article.dateline else None
    if place is not None:
        lines.open(2, "located", **({"uri": place.uri} if place.uri else {}))
        lines.element(3, "name", one_line(place.name))
        lines.close(2, "located")
    for contributor in _contributors(article):
        _contributor(lines, contributor)
    # Block two: language, concepts and texts.
    if article.language is not None:
        lines.element(2, "language", tag=article.language)
    _concepts(lines, "genre", article.genres)
    for keyword in article.keywords:
        lines.element(2, "keyword", one_line(keyword))
    _concepts(lines, "subject", article.subjects)
    lines.maybe(2, "slugline", article.slugline and one_line(article.slugline))
    lines.element(2, "headline", article.headline)
    lines.maybe(2, "headline", article.alternative_headline)
    lines.maybe(2, "dateline", article.dateline.text if article.dateline else None)
    for byline in article.bylines:
        lines.maybe(2, "by", byline.text)
    lines.maybe(2, "description", article.summary, role="drol:summary")
    for quotation in article.quotations:
        _quotation(lines, quotation)
    _held_fields(lines, article)
    lines.close(1, "contentMeta")


def _time(when: datetime | None) -> str | None:
    """An xs:dateTime; its offset must lie within 14 hours, so others go to UTC."""
    if when is None:
        return None
    offset = when.utcoffset()
    if offset is not None and abs(offset) > _LARGEST_OFFSET:
        when = when.astimezone(UTC)
    return when.isoformat()


def _contributors(article: Article) -> Iterable[Contributor]:
    return (c for byline in article.bylines for c in byline.contributors)


def _contributor(lines: _Lines, contributor: Contributor) -> None:
    tag = "contributor" if contributor.role is ContributorRole.CONTRIBUTOR else "creator"
    role = g2.ROLE_QCODES.get(contributor.role)
    _agent(lines, tag, contributor.agent, **({"role": role} if role else {}))


def _agent(lines: _Lines, tag: str, agent: Person | Organization, /, **attributes: str) -> None:
    """A party with a name: an item's provider, a rights holder, a creator."""
    about = {"uri": agent.uri} if agent.uri else {}
    if isinstance(agent, Organization) and tag in {"creator", "contributor"}:
        about["type"] = "cpnat:organisation"
    lines.open(2, tag, **about, **attributes)
    lines.element(3, "name", one_line(agent.name))
    lines.close(2, tag)


def _concepts(lines: _Lines, tag: str, concepts: tuple[Concept, ...]) -> None:
    for concept in concepts:
        if concept.name is None:
            lines.element(2, tag, **code_attributes(concept))
            continue
        lines.open(2, tag, **code_attributes(concept))
        lines.element(3, "name", one_line(concept.name))
        lines.close(2, tag)


def _code(code: str | None) -> dict[str, str]:
    """A code as a QCode attribute, when it has a QCode's shape."""
    return {"qcode": code} if code is not None and QCODE.fullmatch(code) else {}


def _content_set(headline: str, body: str) -> str:
    """The body, as the canonical markup it is kept in, in an XHTML page."""
    return (
        '<contentSet><inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="{g2.XHTML}"><head><title>{xhtml.escape(headline)}</title></head>'
        f"<body>{body}</body></html></inlineXML></contentSet>"
    )


def _quotation(lines: _Lines, quotation: Quotation) -> None:
    span = quotation.span
    where = (
        {}
        if span is None
        else {"part": span.part.value, "start": str(span.start), "end": str(span.end)}
    )
    lines.open(2, "nm:quotation", kind=quotation.kind.value, **where)
    lines.element(3, "nm:text", quotation.text)
    if quotation.speaker is not None:
        _speaker(lines, quotation.speaker)
    lines.maybe(3, "nm:mention", quotation.speaker_mention)
    lines.maybe(3, "nm:cue", quotation.cue)
    lines.close(2, "nm:quotation")


def _speaker(lines: _Lines, speaker: Person | Organization) -> None:
    kind = "person" if isinstance(speaker, Person) else "organization"
    attributes = {"type": kind, "name": speaker.name}
    if speaker.uri is not None:
        attributes["uri"] = speaker.uri
    affiliation = None
    if isinstance(speaker, Person):
        if speaker.title is not None:
            attributes["title"] = speaker.title
        affiliation = speaker.affiliation
    if affiliation is None:
        lines.element(3, "nm:speaker", **attributes)
        return
    lines.open(3, "nm:speaker", **attributes)
    where = {"uri": affiliation.uri} if affiliation.uri is not None else {}
    lines.element(4, "nm:affiliation", name=affiliation.name, **where)
    lines.close(3, "nm:speaker")


def _held_fields(lines: _Lines, article: Article) -> None:
    """
    Write as JSON every field the NewsML-G2 elements do not give back exactly.

    Which those are is worked out from the mapping by
    :func:`~newsmodel.formats.newsml_g2.standard.held`.
    """
    for name, value in held(article):
        document = native_json.make_converter().unstructure(value, _TYPES[name])
        lines.element(2, "nm:field", json.dumps(document, ensure_ascii=False), name=name)
