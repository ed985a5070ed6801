"""
Reading NITF 3.0 to 3.6 documents, as agencies' archives and wires hold them.

Elements are found by their local name, so DTD-era documents without a
namespace and 3.5/3.6 documents with one read alike.  Whatever the model
cannot hold is reported as a :class:`~newsmodel.conversion.Loss`; what was
repaired or ignored on the way in (a DOCTYPE, a wrong encoding) as a
:class:`~newsmodel.conversion.Guess`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel._lowlevel.validators import LANGUAGE_TAG, URI
from newsmodel.conversion import Guess, Loss, Reading, Unreadable
from newsmodel.errors import FieldError, ParseError, StructureError
from newsmodel.formats import json as native_json
from newsmodel.formats.credits import people_in
from newsmodel.formats.markup import local_name, to_body
from newsmodel.formats.nitf.names import NM, child, children, parse_norm, text_of
from newsmodel.model import (
    Article,
    Body,
    Byline,
    Concept,
    Contributor,
    Dateline,
    Image,
    Organization,
    Person,
    Place,
    PubStatus,
    Quotation,
    Section,
    Span,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from lxml import etree

__all__ = ["printed_byline", "read", "read_document", "read_element", "read_items", "read_story"]

_T = TypeVar("_T")
_PATH_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "
_STATUSES = {status.value: status for status in PubStatus}
_URGENCIES = frozenset("123456789")
# What the reader maps, by parent; any other child is reported as a loss.
_HANDLED = {
    "nitf": {"head", "body"},
    "head": {"title", "meta", "tobject", "docdata", "pubdata", "field"},
    "docdata": {
        "doc-id", "urgency", "date.issue", "date.release", "ed-msg", "du-key", "key-list",
        "doc.copyright", "doc.rights",
    },
    "body": {"body.head", "body.content", "body.end"},
    "body.head": {"hedline", "byline", "dateline", "abstract", "distributor", "note", "rights"},
    "body.end": {"tagline"},
}  # fmt: skip


class _Document:
    """One NITF document being read, and what was lost so far."""

    def __init__(self, tell: Callable[[etree._Element, str], None] | None = None) -> None:
        self.losses: list[Loss] = []
        self.tell = tell  # the reader of the format the document is inside

    def lose(self, element: etree._Element, what: str) -> None:
        if self.tell is not None:
            self.tell(element, what)
        else:
            self.losses.append(Loss(where=_where(element), what=what))

    def keep(self, element: etree._Element, build: partial[_T]) -> _T | None:
        try:
            return build()
        except (FieldError, ValueError) as error:
            self.lose(element, str(error))
        return None

    def report_unknown(self, parent: etree._Element | None) -> None:
        if parent is None:
            return
        handled = _HANDLED[local_name(parent)]
        for element in parent:
            local = local_name(element)
            if local and local not in handled:
                self.lose(element, f"<{local}> is not held by the model")


def read_items(data: str | bytes, /) -> Iterator[Reading | Unreadable]:
    """
    Read the article of an NITF document, as every format reads items.
    """
    yield read_document(data)


def read(data: str | bytes) -> Reading:
    """
    Read the article of an NITF document.

    Raises:
        ParseError: The document is not well-formed, or not NITF.
        StructureError: It has no headline, title, abstract or body.
    """
    item = read_document(data)
    if not isinstance(item, Reading):
        raise item.error()
    return item


def read_document(data: str | bytes) -> Reading | Unreadable:
    """
    Read the article of an NITF document; an :class:`Unreadable` if it makes none.

    Raises:
        ParseError: The document is not well-formed, or not NITF.
    """
    raw = data.encode() if isinstance(data, str) else data
    root, notes = hardened_xml.parse_dtd_based(raw, doctype="nitf")
    if local_name(root) != "nitf":
        msg = f"expected an NITF document, found <{local_name(root)}>"
        raise ParseError(msg, line=1)
    return read_element(root, notes=notes)


def read_element(root: etree._Element, *, notes: tuple[str, ...] = ()) -> Reading | Unreadable:
    """
    Read the article of an ``nitf`` element, with notes of what was repaired on the way.
    """
    document = _Document()
    fields = _fields(document, root)
    headline = fields.pop("headline", None)
    if headline is None:
        reason = "the document has no headline, title, abstract or body to make an article of"
        return Unreadable(where=_where(root), reason=reason)
    while True:
        try:
            article = Article(headline=headline, **fields)
            break
        except FieldError as error:  # a quotation that no longer fits its text, say
            name = error.field.partition("[")[0]
            if name not in fields:
                return Unreadable(where=_where(root), reason=str(error))
            document.lose(root, f"{name}: {error.message}")
            del fields[name]
    guesses = tuple(Guess(what=note, line=1) for note in notes)
    return Reading(article=article, losses=tuple(document.losses), guesses=guesses)


def read_fields(root: etree._Element) -> dict[str, Any]:
    """
    The fields the standard NITF elements of *root* give, losses ignored.

    A writer reads its own document back with this to learn what it must
    also hold in the extension elements.
    """
    return _fields(_Document(), root, held=False)


def read_story(root: etree._Element, lose: Callable[[etree._Element, str], None]) -> dict[str, Any]:
    """
    The fields of an ``nitf`` element inside another format: its story and headline.

    Used for NITF inside NewsML-G2, whose item carries its own metadata.
    *lose* is told what the model cannot hold, with the element it is in.
    """
    fields = _story(_Document(lose), child(root, "body"))
    if not fields.get("headline"):
        fields["headline"] = text_of(child(child(root, "head"), "title"))
    return {key: value for key, value in fields.items() if value not in (None, ())}


def _fields(document: _Document, root: etree._Element, *, held: bool = True) -> dict[str, Any]:
    document.report_unknown(root)
    head = child(root, "head")
    fields = _head(document, head, root)
    story = _story(document, child(root, "body"))
    title = fields.pop("title", None)
    headline = story.get("headline")
    if headline is None and title is not None:
        story["headline"] = title
        document.lose(head if head is not None else root, "no <hl1>: took the title as headline")
    elif title is not None and title not in {headline, story.get("alternative_headline")}:
        document.lose(
            head if head is not None else root, f"the title {title!r} besides the headline"
        )
    for key, value in story.items():
        if key == "editorial_note" and fields.get(key) and value:
            fields[key] = f"{fields[key]}\n\n{value}"
        elif fields.get(key) is None:
            fields[key] = value
    if fields.get("headline") is None and fields.get("summary"):
        fields["headline"] = fields["summary"].split("\n")[0]
        document.lose(root, "no headline: took the abstract's first line as headline")
    if held:
        fields.update(_held(document, head))
    return {key: value for key, value in fields.items() if value not in (None, ())}


def _head(document: _Document, head: etree._Element | None, root: etree._Element) -> dict[str, Any]:
    fields: dict[str, Any] = {"language": _language(document, root)}
    if head is None:
        return fields
    document.report_unknown(head)
    fields["title"] = text_of(child(head, "title"))
    tobject = child(head, "tobject")
    if tobject is not None:
        fields["genres"] = _genres(tobject)
        fields["subjects"] = tuple(
            s
            for element in children(tobject, "tobject.subject")
            if (s := document.keep(element, partial(_subject, element)))
        )
    fields.update(_docdata(document, child(head, "docdata")))
    for key, value in _pubdata(document, children(head, "pubdata")).items():
        if fields.get(key) is None:  # the publication date only where date.issue says none
            fields[key] = value
    for meta in children(head, "meta"):
        document.lose(meta, f"<meta name={meta.get('name')!r}> is not held by the model")
    return fields


def _language(document: _Document, root: etree._Element) -> str | None:
    tag = root.get("baselang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if tag and LANGUAGE_TAG.match(tag):
        return tag
    if tag:
        document.lose(root, f"language {tag!r} is not a BCP 47 tag")
    return None


def _genres(tobject: etree._Element) -> tuple[Concept, ...]:
    names = [tobject.get("tobject.type")]
    names += [p.get("tobject.property.type") for p in children(tobject, "tobject.property")]
    return tuple(Concept(name=n.strip()) for n in names if n and n.strip())


def _subject(element: etree._Element) -> Concept:
    code = element.get("tobject.subject.refnum") or element.get("tobject.subject.code")
    name = next(
        (
            value.strip()
            for key in ("detail", "matter", "type")
            if (value := element.get(f"tobject.subject.{key}")) and value.strip()
        ),
        None,
    )
    return Concept(name=name, code=code or None, scheme="subj" if code else None)


def _docdata(document: _Document, docdata: etree._Element | None) -> dict[str, Any]:
    if docdata is None:
        return {}
    document.report_unknown(docdata)
    fields = _identity(document, docdata)
    urgency = child(docdata, "urgency")
    level = (urgency.get("ed-urg") or "").strip() if urgency is not None else ""
    if level in _URGENCIES:
        fields["urgency"] = int(level)
    elif level and urgency is not None:
        document.lose(urgency, f"urgency {level!r} is not 1 to 9")
    fields["published"] = _time(document, child(docdata, "date.issue"))
    release = _time(document, child(docdata, "date.release"))
    if release is not None and (fields["published"] is None or release > fields["published"]):
        fields["embargo"] = release
    status = (docdata.get("management-status") or "").strip().lower()
    fields["pub_status"] = _STATUSES.get(status)
    if status and status not in _STATUSES and not (status == "embargoed" and "embargo" in fields):
        document.lose(docdata, f"management-status {status!r} is not a publishing status")
    messages = [m.get("info", "").strip() for m in children(docdata, "ed-msg")]
    fields["editorial_note"] = "\n\n".join(m for m in messages if m) or None
    fields["keywords"] = tuple(
        dict.fromkeys(
            key.strip()
            for key_list in children(docdata, "key-list")
            for keyword in children(key_list, "keyword")
            if (key := keyword.get("key")) and key.strip()
        )
    )
    for key_list in children(docdata, "key-list"):
        if key_list.get("key"):
            document.lose(key_list, f"the key-list's own key {key_list.get('key')!r}")
    return fields | _rights(docdata)


def _identity(document: _Document, docdata: etree._Element) -> dict[str, Any]:
    """The id (``doc-id``), slugline and version (``du-key``)."""
    fields: dict[str, Any] = {}
    doc_id = child(docdata, "doc-id")
    identifier = (doc_id.get("id-string") or "").strip() if doc_id is not None else ""
    if URI.match(identifier):
        fields["id"] = identifier
    elif identifier and doc_id is not None:
        document.lose(doc_id, f"doc-id {identifier!r} is not a URI, which an article's id must be")
    du_key = child(docdata, "du-key")
    if du_key is not None:
        fields["slugline"] = (du_key.get("key") or "").strip() or None
        version = (du_key.get("version") or "").strip()
        fields["version"] = int(version) if version.isdigit() and int(version) > 0 else None
    return fields


def _rights(docdata: etree._Element) -> dict[str, Any]:
    copyright_ = child(docdata, "doc.copyright")
    holder = (copyright_.get("holder") or "").strip() if copyright_ is not None else ""
    rights = [
        value.strip()
        for element in children(docdata, "doc.rights")
        for key in ("type", "limitations")
        if (value := element.get(key)) and value.strip()
    ]
    return {
        "copyright_holder": Organization(name=holder) if holder else None,
        "usage_terms": "\n".join(rights) or None,
    }


def _pubdata(document: _Document, pubdata: list[etree._Element]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    sections = []
    for element in pubdata:
        name = (element.get("name") or "").strip()
        if name and "publisher" not in fields:
            fields["publisher"] = Organization(name=name)
        section = (element.get("position.section") or "").strip()
        if section:
            path = tuple(p.strip() for p in section.split(_PATH_SEPARATOR) if p.strip())
            sections.append(Section(path=path))
        address = (element.get("ex-ref") or "").strip()
        if address and URI.match(address) and "canonical_url" not in fields:
            fields["canonical_url"] = address
        if fields.get("published") is None and element.get("date.publication"):
            fields["published"] = _time(document, element, "date.publication")
    fields["sections"] = tuple(sections)
    return fields


def _time(document: _Document, element: etree._Element | None, attribute: str = "norm") -> Any:
    """The date-time an attribute of NITF's ``norm`` form gives, or ``None`` (reported)."""
    value = (element.get(attribute) or "").strip() if element is not None else ""
    if element is None or not value:
        return None
    return document.keep(element, partial(parse_norm, value))


def _story(document: _Document, body: etree._Element | None) -> dict[str, Any]:
    """The fields of the ``body`` element: its head, its content and its end."""
    if body is None:
        return {}
    document.report_unknown(body)
    fields: dict[str, Any] = {}
    body_head = child(body, "body.head")
    printed: list[str] = []
    if body_head is not None:
        fields.update(_body_head(document, body_head))
    contents = children(body, "body.content")
    images: list[Image] = []
    blocks: list[str] = []
    for content in contents:
        images += _media(document, content)
        body_part, bylines = to_body(content, document.lose)
        printed += bylines
        if body_part is not None:
            blocks.append(body_part.html)
    fields["images"] = tuple(images)
    if blocks:
        fields["body"] = document.keep(body, partial(_joined_body, blocks))
        fields["quotations"] = _quotations(document, contents, fields["body"])
    if printed and not fields.get("bylines"):
        fields["bylines"] = tuple(printed_byline(text) for text in printed)
    body_end = child(body, "body.end")
    document.report_unknown(body_end)
    tagline = text_of(child(body_end, "tagline"))
    fields["boilerplate"] = (tagline,) if tagline else ()
    return fields


def _joined_body(blocks: list[str]) -> Body:
    return Body(html="".join(blocks))


def _body_head(document: _Document, body_head: etree._Element) -> dict[str, Any]:
    document.report_unknown(body_head)
    fields: dict[str, Any] = {}
    hedline = child(body_head, "hedline")
    fields["headline"] = text_of(child(hedline, "hl1"))
    subheads = [t for h in children(hedline, "hl2") if (t := text_of(h))]
    alternatives = [t for t in subheads if t != fields["headline"]]
    fields["alternative_headline"] = alternatives[0] if alternatives else None
    if len(alternatives) > 1 and hedline is not None:
        document.lose(hedline, f"{len(alternatives) - 1} more <hl2> have no place in the model")
    for extra in children(body_head, "hedline")[1:]:
        document.lose(extra, "a second <hedline> has no place in the model")
    fields["bylines"] = tuple(
        byline
        for element in children(body_head, "byline")
        if (byline := _byline_element(element)) is not None
    )
    datelines = children(body_head, "dateline")
    fields["dateline"] = _dateline(document, datelines[0]) if datelines else None
    for extra in datelines[1:]:
        document.lose(extra, "a second <dateline> has no place in the model")
    abstracts = [
        "\n\n".join(t for p in abstract if (t := text_of(p))) or text_of(abstract)
        for abstract in children(body_head, "abstract")
    ]
    fields["summary"] = "\n\n".join(a for a in abstracts if a) or None
    distributor = text_of(child(body_head, "distributor"))
    fields["provider"] = Organization(name=distributor) if distributor else None
    fields["copyright_notice"] = text_of(child(body_head, "rights"))
    notes = [t for note in children(body_head, "note") if (t := text_of(note))]
    fields["editorial_note"] = "\n\n".join(notes) or None
    return fields


def _byline_element(element: etree._Element) -> Byline | None:
    """A ``byline``: its printed text, the people it names and their titles."""
    titles = [t for title in children(element, "byttl") if (t := text_of(title))]
    text = _text_without(element, "byttl")
    named = [p for person in children(element, "person") if (p := text_of(person))]
    title = titles[0] if titles else None
    people: list[Person] = []
    for name in named:
        found = people_in(name)
        people += [attrs.evolve(p, title=title) for p in found] or [Person(name=name, title=title)]
    if not named and text:
        people = [attrs.evolve(p, title=title or p.title) for p in people_in(text)]
    printed = text or (", ".join(titles) if titles else None)
    if printed is None and not people:
        return None
    return Byline(text=printed, contributors=tuple(Contributor(agent=p) for p in people))


def printed_byline(text: str) -> Byline:
    """A credit line inside the story: its text, and the people it names."""
    return Byline(text=text, contributors=tuple(Contributor(agent=p) for p in people_in(text)))


def _text_without(element: etree._Element, skipped: str) -> str | None:
    """An element's text but that of its children named *skipped*."""
    pieces = [element.text or ""]
    for part in element:
        if local_name(part) != skipped:
            pieces.append("".join(part.itertext()))
        pieces.append(part.tail or "")
    return " ".join("".join(pieces).split()) or None


def _dateline(document: _Document, element: etree._Element) -> Dateline | None:
    text = text_of(element)
    location = text_of(child(element, "location"))
    if text is None:
        return None
    place = Place(name=location) if location else None
    return document.keep(element, partial(Dateline, text=text, place=place))


def _media(document: _Document, content: etree._Element) -> list[Image]:
    images = []
    for media in content.iter("{*}media"):
        kind = (media.get("media-type") or "image").lower()
        if kind not in {"image", "photo", "graphic"}:
            document.lose(media, f"a {kind} is not held by the model")
            continue
        reference = child(media, "media-reference")
        source = (reference.get("source") or "").strip() if reference is not None else ""
        caption = text_of(child(media, "media-caption"))
        image = document.keep(
            media,
            partial(
                Image,
                url=source if URI.match(source) else None,
                caption=caption,
                credit=text_of(child(media, "media-producer")),
                alt=reference.get("alternate-text") if reference is not None else None,
                width=_pixels(reference, "width"),
                height=_pixels(reference, "height"),
            ),
        )
        if image is not None:
            images.append(image)
        if source and not URI.match(source):
            document.lose(media, f"the picture's address {source!r} is not a URI")
    return images


def _pixels(reference: etree._Element | None, key: str) -> int | None:
    value = (reference.get(key) or "").strip() if reference is not None else ""
    return int(value) if value.isdigit() and int(value) > 0 else None


def _quotations(
    document: _Document, contents: list[etree._Element], body: Any
) -> tuple[Quotation, ...]:
    """The ``q`` elements, and elements with a ``quote-source``, as quotations."""
    text = body.text if body is not None else ""
    found = []
    for content in contents:
        for element in content.iter():
            if not (local_name(element) == "q" or element.get("quote-source")):
                continue
            words = " ".join("".join(element.itertext()).split()).strip(
                "\"'\u00ab\u00bb\u201c\u201d"
            )
            if not words.strip():
                continue
            start = text.find(words)
            span = Span(start=start, end=start + len(words)) if start >= 0 else None
            source = (element.get("quote-source") or "").strip() or None
            quotation = document.keep(
                element, partial(Quotation, text=words, speaker_mention=source, span=span)
            )
            if quotation is not None:
                found.append(quotation)
    return tuple(found)


def _held(document: _Document, head: etree._Element | None) -> dict[str, Any]:
    """Read newsmodel's own elements: fields written as native JSON."""
    fields: dict[str, Any] = {}
    for element in head.iterchildren(f"{{{NM}}}field") if head is not None else ():
        name = element.get("name", "")
        try:
            fields[name] = native_json.field_from_json(name, element.text)
        except (StructureError, ValueError) as error:
            document.lose(element, f"field {name!r}: {error}")
    return fields


def _where(element: etree._Element) -> str:
    path = []
    node: etree._Element | None = element
    while node is not None:
        path.append(local_name(node))
        node = node.getparent()
    return f"line {element.sourceline}: /" + "/".join(reversed(path))
