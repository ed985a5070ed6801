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
"""

from __future__ import annotations

import json
from datetime import UTC, timedelta
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, get_type_hints
from urllib.parse import urlsplit

import attrs
from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.formats import json as native_json
from newsmodel.formats.identity import made_up_id
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.formats.newsml_g2.standard import QCODE, code_attributes, gives_back, one_line
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

__all__ = ["build_item"]

_N = g2.nar
_LARGEST_OFFSET = timedelta(hours=14)
# The type and default of each field, to write a field held as JSON alone.
_TYPES = get_type_hints(Article)
_DEFAULTS = {field.name: field.default for field in attrs.fields(Article)}
# The newest IPTC catalog seen in IPTC's 2.35 examples: it defines ninat:, stat:, drol:.
_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_34.xml"


def build_item(article: Article, *, version_created: datetime) -> etree._Element:
    """
    Build the ``newsItem`` element of *article*.

    Args:
        article: The article.
        version_created: The time to give ``versionCreated`` when the article
            has no ``modified`` time (NewsML-G2 requires one).
    """
    derived = []
    item = etree.Element(_N("newsItem"), nsmap={None: g2.NAR, "nm": g2.NM})
    if article.id is None:
        derived.append("guid")
    item.set("guid", article.id or made_up_id(article))
    if article.version is not None:
        item.set("version", str(article.version))
    item.set("standard", "NewsML-G2")
    item.set("standardversion", "2.35")
    item.set("conformance", "power")
    if article.language is not None:
        item.set(g2.XML_LANG, article.language)
    _sub(item, "catalogRef", href=_CATALOG)
    _rights(item, article)
    derived += _item_meta(item, article, version_created)
    meta = _content_meta(item, article)
    if article.body is not None:
        _content_set(item, article)
    _quotations(meta, article.quotations)
    if derived:
        item.set(g2.nm("derived"), " ".join(derived))
    _held_fields(meta, article)
    return item


def _sub(
    parent: etree._Element, local: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = etree.SubElement(parent, _N(local), attrib=attributes)
    element.text = text
    return element


def _rights(item: etree._Element, article: Article) -> None:
    if not (article.copyright_holder or article.copyright_notice or article.usage_terms):
        return
    rights = _sub(item, "rightsInfo")
    if article.copyright_holder is not None:
        _agent(rights, "copyrightHolder", article.copyright_holder)
    _maybe(rights, "copyrightNotice", article.copyright_notice)
    _maybe(rights, "usageTerms", article.usage_terms)


def _item_meta(item: etree._Element, article: Article, version_created: datetime) -> list[str]:
    derived = []
    meta = _sub(item, "itemMeta")
    _sub(meta, "itemClass", qcode="ninat:text")
    provider = article.provider or article.publisher or Organization(name="unknown")
    if article.provider is None:
        derived.append("provider")
    _agent(meta, "provider", provider)
    if article.modified is None:
        derived.append("versionCreated")
    _sub(meta, "versionCreated", _time(article.modified or version_created))
    _maybe(meta, "firstCreated", _time(article.published))
    _maybe(meta, "embargoed", _time(article.embargo))
    if article.pub_status is not None:
        _sub(meta, "pubStatus", qcode=g2.STATUS_QCODES[article.pub_status])
    for section in article.sections:
        service = _sub(meta, "service", **_code(section.code))
        _sub(service, "name", one_line(str(section)))
    _maybe(meta, "edNote", article.editorial_note)
    for image in article.images:
        if image.url is not None:
            _sub(meta, "link", rel="irel:seeAlso", href=image.url, **_image_type(image.url))
    return derived


def _image_type(url: str) -> dict[str, str]:
    """The media type of a picture: from its address, or any image type."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return {"contenttype": g2.IMAGE_TYPES.get(suffix, "image/*")}


def _content_meta(item: etree._Element, article: Article) -> etree._Element:
    meta = _sub(item, "contentMeta")
    # Block one of contentMeta: times, place and people, in this order.
    _maybe(meta, "urgency", None if article.urgency is None else str(article.urgency))
    _maybe(meta, "contentCreated", _time(article.created))
    place = article.dateline.place if article.dateline else None
    if place is not None:
        located = _sub(meta, "located", **({"uri": place.uri} if place.uri else {}))
        _sub(located, "name", one_line(place.name))
    for contributor in _contributors(article):
        _contributor(meta, contributor)
    # Block two: language, concepts and texts.
    if article.language is not None:
        _sub(meta, "language", tag=article.language)
    _concepts(meta, "genre", article.genres)
    for keyword in article.keywords:
        _sub(meta, "keyword", one_line(keyword))
    _concepts(meta, "subject", article.subjects)
    _maybe(meta, "slugline", article.slugline and one_line(article.slugline))
    _sub(meta, "headline", article.headline)
    _maybe(meta, "headline", article.alternative_headline)
    _maybe(meta, "dateline", article.dateline.text if article.dateline else None)
    for byline in article.bylines:
        _maybe(meta, "by", byline.text)
    _maybe(meta, "description", article.summary, role="drol:summary")
    return meta


def _maybe(parent: etree._Element, local: str, text: str | None, **attributes: str) -> None:
    """Write an element for a value the article may not have."""
    if text is not None:
        _sub(parent, local, text, **attributes)


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


def _contributor(meta: etree._Element, contributor: Contributor) -> None:
    local = "contributor" if contributor.role is ContributorRole.CONTRIBUTOR else "creator"
    element = _agent(meta, local, contributor.agent)
    if contributor.role in g2.ROLE_QCODES:
        element.set("role", g2.ROLE_QCODES[contributor.role])


def _agent(parent: etree._Element, local: str, agent: Person | Organization) -> etree._Element:
    element = _sub(parent, local, **({"uri": agent.uri} if agent.uri else {}))
    if isinstance(agent, Organization) and local in {"creator", "contributor"}:
        element.set("type", "cpnat:organisation")
    _sub(element, "name", one_line(agent.name))
    return element


def _concepts(meta: etree._Element, local: str, concepts: tuple[Concept, ...]) -> None:
    for concept in concepts:
        element = _sub(meta, local, **code_attributes(concept))
        if concept.name is not None:
            _sub(element, "name", one_line(concept.name))


def _code(code: str | None) -> dict[str, str]:
    """A code as a QCode attribute, when it has a QCode's shape."""
    return {"qcode": code} if code is not None and QCODE.fullmatch(code) else {}


def _content_set(item: etree._Element, article: Article) -> None:
    assert article.body is not None  # noqa: S101 - the caller checked
    inline = _sub(_sub(item, "contentSet"), "inlineXML", contenttype="application/xhtml+xml")
    html = etree.SubElement(inline, etree.QName(g2.XHTML, "html").text, nsmap={None: g2.XHTML})
    head = etree.SubElement(html, etree.QName(g2.XHTML, "head").text)
    etree.SubElement(head, etree.QName(g2.XHTML, "title").text).text = article.headline
    body = f'<body xmlns="{g2.XHTML}">{article.body.html}</body>'.encode()
    html.append(hardened_xml.parse(body))


def _quotations(meta: etree._Element, quotations: tuple[Quotation, ...]) -> None:
    for quotation in quotations:
        element = etree.SubElement(meta, g2.nm("quotation"), kind=quotation.kind.value)
        if quotation.span is not None:
            element.set("part", quotation.span.part.value)
            element.set("start", str(quotation.span.start))
            element.set("end", str(quotation.span.end))
        etree.SubElement(element, g2.nm("text")).text = quotation.text
        if quotation.speaker is not None:
            _speaker(element, quotation.speaker)
        if quotation.speaker_mention is not None:
            etree.SubElement(element, g2.nm("mention")).text = quotation.speaker_mention
        if quotation.cue is not None:
            etree.SubElement(element, g2.nm("cue")).text = quotation.cue


def _speaker(parent: etree._Element, speaker: Person | Organization) -> None:
    kind = "person" if isinstance(speaker, Person) else "organization"
    element = etree.SubElement(parent, g2.nm("speaker"), type=kind, name=speaker.name)
    if speaker.uri is not None:
        element.set("uri", speaker.uri)
    if isinstance(speaker, Person):
        if speaker.title is not None:
            element.set("title", speaker.title)
        if speaker.affiliation is not None:
            affiliation = etree.SubElement(
                element, g2.nm("affiliation"), name=speaker.affiliation.name
            )
            if speaker.affiliation.uri is not None:
                affiliation.set("uri", speaker.affiliation.uri)


def _held_fields(meta: etree._Element, article: Article) -> None:
    """
    Write as JSON every field the NewsML-G2 elements do not give back exactly.

    Which those are is worked out from the mapping by
    :func:`~newsmodel.formats.newsml_g2.standard.gives_back`.
    """
    for name, back in gives_back(article).items():
        value = getattr(article, name)
        if value == back:
            continue
        element = etree.SubElement(meta, g2.nm("field"), name=name)
        if value != _DEFAULTS[name]:  # empty means the default
            document = native_json.make_converter().unstructure(value, _TYPES[name])
            element.text = json.dumps(document, ensure_ascii=False)
