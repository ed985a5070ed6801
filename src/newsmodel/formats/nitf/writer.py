"""
Writing an article as an NITF 3.6 document, valid against the official XSD.

Every field goes to the NITF element made for it.  Where that element cannot
say all the model says (a person's affiliation, a quotation's speaker, a
second byline's people), the field is also written, as newsmodel's native
JSON, in an extension element at the end of ``head`` (NITF 3.6 allows other
namespaces there), so that reading the document back gives the same article.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.formats import json as native_json
from newsmodel.formats.markup import NITF_INLINE, append_text
from newsmodel.formats.nitf import reader
from newsmodel.formats.nitf.names import NITF, NM, norm
from newsmodel.model import Article

if TYPE_CHECKING:
    from datetime import datetime

    from newsmodel.model import Byline, Image

__all__ = ["build_document"]

# XHTML blocks by the NITF element each becomes; the rest become paragraphs.
_BLOCKS = {"p": "p", "pre": "pre", "hr": "hr", **{f"h{level}": "hl2" for level in range(1, 7)}}
_LISTS = {"ul": "li", "ol": "li"}
_EMPHASIS = frozenset({"em", "i", "b", "strong"})
_NAME_TOKEN = re.compile(r"^[\w.:-]+$")


def _n(local: str) -> str:
    return f"{{{NITF}}}{local}"


def _sub(
    parent: etree._Element, local: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = etree.SubElement(parent, _n(local), attrib=attributes)
    element.text = text
    return element


def build_document(article: Article) -> etree._Element:
    """
    Build the ``nitf`` element of *article*.
    """
    root = etree.Element(_n("nitf"), nsmap={None: NITF, "nm": NM})
    root.set("version", "-//IPTC//DTD NITF 3.6//EN")
    if article.language is not None:
        root.set("baselang", article.language)
    head = _sub(root, "head")
    _sub(head, "title", article.headline)
    _tobject(head, article)
    docdata = _docdata(head, article)
    if not (len(docdata) or docdata.attrib):
        head.remove(docdata)
    _pubdata(head, article)
    body = _sub(root, "body")
    _body_head(body, article)
    if article.body is not None or article.images:
        content = _sub(body, "body.content")
        for image in article.images:
            _media(content, image)
        if article.body is not None:
            _blocks(content, _fragment(article.body.html))
    if article.boilerplate:
        _sub(_sub(body, "body.end"), "tagline", article.boilerplate[0])
    _held_fields(root, head, article)
    return root


def _tobject(head: etree._Element, article: Article) -> None:
    # IPTC subject codes; NITF's refnum is an XML name token.
    subjects = [
        s for s in article.subjects if s.scheme == "subj" and _NAME_TOKEN.match(s.code or "")
    ]
    genres = [g.name for g in article.genres if g.name]
    if not (subjects or genres):
        return
    tobject = _sub(head, "tobject")
    for name in genres:
        _sub(tobject, "tobject.property", **{"tobject.property.type": name})
    for subject in subjects:
        attributes = {"tobject.subject.refnum": subject.code or ""}
        if subject.name:
            attributes["tobject.subject.type"] = subject.name
        _sub(tobject, "tobject.subject", **attributes)


def _docdata(head: etree._Element, article: Article) -> etree._Element:
    docdata = _sub(head, "docdata")
    if article.pub_status is not None:
        docdata.set("management-status", article.pub_status.value)
    elements = [
        ("doc-id", "id-string", article.id),
        ("urgency", "ed-urg", None if article.urgency is None else str(article.urgency)),
        ("date.issue", "norm", _norm(article.published)),
        ("date.release", "norm", _norm(article.embargo)),
        ("ed-msg", "info", article.editorial_note),
    ]
    for local, attribute, value in elements:
        if value is not None:
            _sub(docdata, local, **{attribute: value})
    du_key = {"key": article.slugline, "version": article.version}
    if any(value is not None for value in du_key.values()):
        _sub(docdata, "du-key", **{k: str(v) for k, v in du_key.items() if v is not None})
    holder = article.copyright_holder
    for local, attribute, value in [
        ("doc.copyright", "holder", None if holder is None else holder.name),
        ("doc.rights", "limitations", article.usage_terms),
    ]:
        if value is not None:
            _sub(docdata, local, **{attribute: value})
    if article.keywords:
        key_list = _sub(docdata, "key-list")
        for keyword in article.keywords:
            _sub(key_list, "keyword", key=keyword)
    return docdata


def _norm(when: datetime | None) -> str | None:
    """
    A time in NITF's form; none for midnight, which NITF writes for a date alone.

    The extension holds a time at midnight (and any fraction of a second).
    """
    if when is None or (when.hour, when.minute, when.second) == (0, 0, 0):
        return None
    return norm(when)


def _pubdata(head: etree._Element, article: Article) -> None:
    sections: list[str | None] = [str(section) for section in article.sections] or [None]
    for index, section in enumerate(sections):
        attributes = {}
        if index == 0 and article.publisher is not None:
            attributes["name"] = article.publisher.name
        if index == 0 and article.canonical_url is not None:
            attributes["ex-ref"] = article.canonical_url
        if section is not None:
            attributes["position.section"] = section
        if attributes:
            _sub(head, "pubdata", **attributes)


def _body_head(body: etree._Element, article: Article) -> None:
    body_head = _sub(body, "body.head")
    hedline = _sub(body_head, "hedline")
    _sub(hedline, "hl1", article.headline)
    if article.alternative_headline is not None:
        _sub(hedline, "hl2", article.alternative_headline)
    if article.copyright_notice is not None:
        _sub(body_head, "rights", article.copyright_notice)
    for byline in article.bylines:
        _byline(body_head, byline)
    if article.provider is not None:
        _sub(body_head, "distributor", article.provider.name)
    dateline = article.dateline
    if dateline is not None:
        element = _sub(body_head, "dateline", dateline.text)
        if dateline.text is None and dateline.place is not None:
            _sub(element, "location", dateline.place.name)
    if article.summary is not None:
        abstract = _sub(body_head, "abstract")
        for paragraph in article.summary.split("\n\n"):
            _sub(abstract, "p", paragraph)


def _byline(body_head: etree._Element, byline: Byline) -> None:
    element = _sub(body_head, "byline", byline.text)
    if byline.text is None:  # no printed line: the names, as NITF marks people
        for index, contributor in enumerate(byline.contributors):
            last = index == len(byline.contributors) - 1
            _sub(element, "person", contributor.agent.name).tail = None if last else " and "
    titles = (getattr(c.agent, "title", None) for c in byline.contributors)
    title = next((t for t in titles if t), None)
    if title is not None:
        _sub(element, "byttl", title)


def _media(content: etree._Element, image: Image) -> None:
    media = _sub(content, "media", **{"media-type": "image"})
    reference = _sub(media, "media-reference")
    if image.url is not None:
        reference.set("source", image.url)
    if image.alt is not None:
        reference.set("alternate-text", image.alt)
    if image.width is not None:
        reference.set("width", str(image.width))
    if image.height is not None:
        reference.set("height", str(image.height))
    if image.caption is not None:
        _sub(media, "media-caption", image.caption)
    if image.credit is not None:
        _sub(media, "media-producer", image.credit)


def _fragment(html: str) -> etree._Element:
    return hardened_xml.parse(f"<div>{html}</div>".encode())


def _blocks(parent: etree._Element, source: etree._Element) -> None:
    """Write the XHTML blocks of *source* as NITF blocks into *parent*."""
    for block in source:
        tag = str(block.tag)
        if tag in _BLOCKS:
            element = _sub(parent, _BLOCKS[tag])
            if tag == "pre":
                element.text = "".join(block.itertext())
            elif tag != "hr":
                _inline(element, block)
        elif tag in _LISTS and len(block):
            _list(parent, block, tag)
        elif tag == "blockquote":
            inner = _sub(_sub(parent, "bq"), "block")
            _blocks(inner, block)
        elif tag == "table":
            _table(parent, block)
        elif tag in {"div", "figure"} or any(_is_block(c) for c in block):
            _blocks(parent, block)
        else:
            _inline(_sub(parent, "p"), block)


def _is_block(element: etree._Element) -> bool:
    return str(element.tag) in {*_BLOCKS, *_LISTS, "blockquote", "table", "div", "dl"}


def _list(parent: etree._Element, block: etree._Element, tag: str) -> None:
    element = _sub(parent, tag)
    for item in block:
        _inline(_sub(element, "li"), item)


def _table(parent: etree._Element, table: etree._Element) -> None:
    rows = [row for row in table.iter("tr") if len(row)]
    if not rows:
        return
    element = _sub(parent, "table")
    caption = table.find("caption")
    if caption is not None:
        _inline(_sub(element, "caption"), caption)
    body = _sub(element, "tbody")
    for row in rows:
        written = _sub(body, "tr")
        for cell in row:
            _inline(_sub(written, "th" if cell.tag == "th" else "td"), cell)


def _inline(target: etree._Element, source: etree._Element) -> None:
    """Copy text and inline markup NITF has (emphasis, quotes, links, names)."""
    append_text(target, source.text)
    for child in source:
        tag = str(child.tag)
        css = child.get("class") or ""
        if tag in _EMPHASIS:
            _inline(_sub(target, "em"), child)
        elif tag == "q":
            _inline(_sub(target, "q"), child)
        elif tag == "a":
            link = _sub(target, "a")
            if child.get("href"):
                link.set("href", child.get("href", ""))
            _inline(link, child)
        elif tag == "br":
            _sub(target, "br")
        elif tag == "span" and css in NITF_INLINE:
            _sub(target, css, "".join(child.itertext()))
        else:
            append_text(target, "".join(child.itertext()))
        append_text(target, child.tail)


def _held_fields(root: etree._Element, head: etree._Element, article: Article) -> None:
    """
    Write as JSON every field the NITF elements do not give back exactly.
    """
    projected = reader.read_fields(root)
    document = native_json.to_document(article)
    for field in attrs.fields(Article):
        value = getattr(article, field.name)
        if projected.get(field.name, field.default) == value:
            continue
        element = etree.SubElement(head, f"{{{NM}}}field", name=field.name)
        if field.name in document:
            element.text = json.dumps(document[field.name], ensure_ascii=False)
