"""
Reading a NewsML-G2 ``newsItem`` into the model, liberally.

Agencies' feeds differ and often break the schema; this reader takes what is
there, in whichever of the usual places it is, and reports as a loss each
element it cannot hold or a value the model refuses (a time without an
offset, a guid that is not a URI).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache, partial
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from lxml import etree

from newsmodel._lowlevel.validators import LANGUAGE_TAG, URI_FOR_PYTHON
from newsmodel.conversion import Loss, NonArticle, Reading, Unreadable
from newsmodel.errors import FieldError, StructureError
from newsmodel.formats import json as native_json
from newsmodel.formats.credits import is_credit_line, is_login
from newsmodel.formats.json.converter import RFC3339
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.formats.newsml_g2.body import read_story
from newsmodel.formats.newsml_g2.quotations import quotation_of
from newsmodel.formats.newsml_g2.recurring import RECURRING, shared
from newsmodel.model import (
    Article,
    Byline,
    Concept,
    Contributor,
    ContributorRole,
    Dateline,
    Image,
    Organization,
    Person,
    Place,
    Quotation,
    Section,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsmodel.formats.newsml_g2.names import Children

__all__ = ["read_item"]

_N = g2.nar
_T = TypeVar("_T")
_Party = TypeVar("_Party", Person, Organization)
# What the reader maps, by parent; any other child is reported as a loss.
_MAPPED = {
    "newsItem": {"catalogRef", "catalog", "rightsInfo", "itemMeta", "contentMeta", "contentSet"},
    "itemMeta": {
        "itemClass",
        "provider",
        "versionCreated",
        "firstCreated",
        "embargoed",
        "pubStatus",
        "service",
        "edNote",
        "link",
    },
    "contentMeta": {
        "urgency",
        "contentCreated",
        "contentModified",
        "located",
        "creator",
        "contributor",
        "language",
        "genre",
        "keyword",
        "subject",
        "slugline",
        "headline",
        "dateline",
        "by",
        "description",
    },
}
_HANDLED = {
    parent: {g2.nar(local): local for local in mapped} for parent, mapped in _MAPPED.items()
}
_SUMMARY_ROLES = {None, "drol:summary", "descRole:summary", "drol:abstract"}
_URGENCIES = frozenset("123456789")
_STATUSES = {qcode.rpartition(":")[2]: status for status, qcode in g2.STATUS_QCODES.items()}
# The Clark names the reader looks up, built once.
(
    _NEWS_ITEM, _ITEM_META, _CONTENT_META, _RIGHTS_INFO, _CONTENT_SET, _ITEM_CLASS,
    _PROVIDER, _VERSION_CREATED, _FIRST_CREATED, _EMBARGOED, _PUB_STATUS, _SERVICE, _ED_NOTE,
    _LINK, _URGENCY, _CONTENT_CREATED, _CONTENT_MODIFIED, _LOCATED, _CREATOR, _CONTRIBUTOR,
    _LANGUAGE, _GENRE, _KEYWORD, _SUBJECT, _SLUGLINE, _HEADLINE, _DATELINE, _BY, _DESCRIPTION,
    _TITLE, _NAME, _COPYRIGHT_HOLDER, _COPYRIGHT_NOTICE, _USAGE_TERMS,
) = map(_N, (
    "newsItem", "itemMeta", "contentMeta", "rightsInfo", "contentSet", "itemClass",
    "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus", "service", "edNote",
    "link", "urgency", "contentCreated", "contentModified", "located", "creator", "contributor",
    "language", "genre", "keyword", "subject", "slugline", "headline", "dateline", "by",
    "description", "title", "name", "copyrightHolder", "copyrightNotice", "usageTerms",
))  # fmt: skip
_NM_QUOTATION, _NM_FIELD, _NM_DERIVED = g2.nm("quotation"), g2.nm("field"), g2.nm("derived")
_NONE = g2.NONE


class _Item:
    """
    One item being read: its element, and the losses found so far.
    """

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self.losses: list[Loss] = []
        # Values newsmodel's writer made up because NewsML-G2 requires them.
        self.derived = frozenset((element.get(_NM_DERIVED) or "").split())
        # Where each element that lost something is: a parent often loses several.
        self.places: dict[etree._Element, str] = {}
        self.paths: dict[etree._Element, str] = {}  # and each one's path, found once

    def lose(self, element: etree._Element, what: str) -> None:
        where = self.places.get(element)
        if where is None:
            where = self.places[element] = _where(element, self.paths)
        self.losses.append(Loss(where=where, what=what))

    def keep(self, element: etree._Element, build: Callable[[], _T]) -> _T | None:
        """Build a model value from an element, or report why it cannot be."""
        try:
            return build()
        except ValueError as error:
            self.refuse(element, error)
        return None

    def refuse(self, element: etree._Element, error: ValueError) -> None:
        """Report why a model value could not be built from an element."""
        if isinstance(error, FieldError):
            self.lose(element, f"{error.field}: {error.message}")
        else:
            self.lose(element, str(error))


_IN_ITEM, _IN_ITEM_META, _IN_CONTENT_META = (
    _HANDLED[parent] for parent in ("newsItem", "itemMeta", "contentMeta")
)


def read_item(element: etree._Element) -> Reading | NonArticle | Unreadable:
    """
    Read one ``newsItem`` (or tell what other kind of item it is).
    """
    guid = element.get("guid")
    if element.tag != _NEWS_ITEM:
        local = etree.QName(element).localname
        kind = "package" if local == "packageItem" else local.removesuffix("Item")
        return NonArticle(kind=kind, guid=guid, where=_where(element))
    parts = g2.Part(element, _IN_ITEM)
    meta = g2.Part(parts.first(_ITEM_META), _IN_ITEM_META)
    item_class = meta.first(_ITEM_CLASS)
    kind = g2.kind_of(item_class.get("qcode") if item_class is not None else None)
    if kind != "text":
        return NonArticle(kind=kind, guid=guid, where=_where(element))
    item = _Item(element)
    fields = _fields(item, parts, meta)
    headline = fields.pop("headline", None) or _stand_in_headline(item, meta, fields)
    if headline is None:
        reason = "the item has no headline, title, summary or body to make an article of"
        return Unreadable(where=_where(element), reason=reason)
    try:
        article = Article(headline=headline, **fields)
    except FieldError as error:
        return Unreadable(where=_where(element), reason=f"{error.field}: {error.message}")
    return Reading(article=article, losses=tuple(item.losses))


def _stand_in_headline(item: _Item, meta: g2.Part, fields: dict[str, Any]) -> str | None:
    """
    Feeds do send text items without a headline: take the next best line.

    Each is looked for only if those before it are missing: a long body's
    text costs more than the rest of the item.
    """
    body = fields.get("body")
    candidates: tuple[tuple[str, Callable[[], str | None]], ...] = (
        ("the item's title", lambda: g2.text_of(meta.first(_TITLE))),
        ("the summary's first line", lambda: (fields.get("summary") or "").split("\n")[0]),
        ("the body's first paragraph", lambda: body.text.split("\n\n")[0] if body else ""),
    )
    for source, line_of in candidates:
        line = line_of()
        if line and line.strip():
            item.lose(item.element, f"no headline: took {source} as the headline")
            return line.strip()
    return None


def _fields(item: _Item, parts: g2.Part, meta: g2.Part) -> dict[str, Any]:
    """Every field the item's metadata and story give, each element looked at once."""
    element = item.element
    fields: dict[str, Any] = {}
    parts.report_unknown(item.lose, _IN_ITEM)
    guid = None if "guid" in item.derived else element.get("guid")
    if guid is not None and URI_FOR_PYTHON.fullmatch(guid):
        fields["id"] = guid
    elif guid is not None:
        item.lose(element, f"guid {guid!r} is not a URI, which an article's id must be")
    version = element.get("version")
    if version is not None:
        fields["version"] = int(version) if version.isdigit() else None
        if not version.isdigit():
            item.lose(element, f"version {version!r} is not a whole number")
    rights = parts.first(_RIGHTS_INFO)
    if rights is not None:
        _rights(item, rights, fields)
    if meta.element is not None:
        _item_meta(item, meta, fields)
    content = g2.Part(parts.first(_CONTENT_META), _IN_CONTENT_META)
    if content.element is not None:
        _content_meta(item, content, fields)
    _story(item, parts.first(_CONTENT_SET), fields)
    _extension(item, content, fields)
    # A field without a value holds None or (), its default: the model takes it as it is.
    return fields


def _story(item: _Item, content_set: etree._Element | None, fields: dict[str, Any]) -> None:
    """The body, and what the story's markup says where the item's metadata is silent."""
    story = read_story(content_set, item.lose)
    fields["body"] = story.pop("body", None)
    for name, value in story.items():
        if not fields.get(name):
            fields[name] = value
        elif value and fields[name] != value and content_set is not None:
            item.lose(content_set, f"the story's own {name} besides the item's")


def _rights(item: _Item, rights: etree._Element, fields: dict[str, Any]) -> None:
    children = g2.Part(rights, {}).children
    holder = children.get(_COPYRIGHT_HOLDER, _NONE)[0]
    fields["copyright_holder"] = None if holder is None else _organization(item, holder)
    fields["copyright_notice"] = _joined(children.get(_COPYRIGHT_NOTICE, []))
    fields["usage_terms"] = _joined(children.get(_USAGE_TERMS, []))


def _item_meta(item: _Item, meta: g2.Part, fields: dict[str, Any]) -> None:
    meta.report_unknown(item.lose, _IN_ITEM_META)
    children = meta.children
    provider = children.get(_PROVIDER, _NONE)[0]
    status = children.get(_PUB_STATUS, _NONE)[0]
    status_code = (status.get("qcode") or "").rpartition(":")[2] if status is not None else ""
    sections = []
    for service in children.get(_SERVICE, ()):
        section = _section(item, service)
        if section is not None:
            sections.append(section)
    if "provider" in item.derived:
        provider = None
    modified = (
        None if "versionCreated" in item.derived else children.get(_VERSION_CREATED, _NONE)[0]
    )
    fields["provider"] = None if provider is None else _organization(item, provider)
    fields["modified"] = _time(item, modified)
    fields["published"] = _time(item, children.get(_FIRST_CREATED, _NONE)[0])
    fields["embargo"] = _time(item, children.get(_EMBARGOED, _NONE)[0])
    fields["pub_status"] = _STATUSES.get(status_code)
    fields["sections"] = tuple(sections)
    fields["editorial_note"] = _joined(children.get(_ED_NOTE, []), "\n\n")
    links = children.get(_LINK)
    fields["images"] = _images(item, links) if links else ()


def _images(item: _Item, links: list[etree._Element]) -> tuple[Image, ...]:
    """Links to pictures are the article's images; other links are losses."""
    images = []
    for link in links:
        href = link.get("href") or ""
        media_type = link.get("contenttype") or g2.IMAGE_TYPES.get(
            PurePosixPath(urlsplit(href).path).suffix.lower(), ""
        )
        image = (
            item.keep(link, partial(Image, url=href)) if media_type.startswith("image/") else None
        )
        if image is not None:
            images.append(image)
        elif not media_type.startswith("image/"):
            item.lose(link, f"a link ({link.get('rel') or 'no relation'}) that is not to a picture")
    return tuple(images)


def _content_meta(item: _Item, meta: g2.Part, fields: dict[str, Any]) -> None:
    meta.report_unknown(item.lose, _IN_CONTENT_META)
    children = meta.children
    urgency_element = children.get(_URGENCY, _NONE)[0]
    urgency = g2.text_of(urgency_element)
    if urgency_element is not None and urgency is not None:
        fields["urgency"] = int(urgency) if urgency in _URGENCIES else None
        if fields["urgency"] is None:
            item.lose(urgency_element, f"urgency {urgency!r} is not 1 to 9")
    fields["created"] = _time(item, children.get(_CONTENT_CREATED, _NONE)[0])
    content_modified = children.get(_CONTENT_MODIFIED, _NONE)[0]
    if fields.get("modified") is None:
        fields["modified"] = _time(item, content_modified)
    elif content_modified is not None and _time(item, content_modified) != fields["modified"]:
        item.lose(content_modified, "a content change time apart from versionCreated")
    language = children.get(_LANGUAGE, _NONE)[0]
    tag = language.get("tag") if language is not None else item.element.get(g2.XML_LANG)
    if tag and LANGUAGE_TAG.match(tag):
        fields["language"] = tag
    elif tag:
        item.lose(item.element, f"language {tag!r} is not a BCP 47 tag")
    headlines = [
        (h, text) for h in children.get(_HEADLINE, ()) if (text := g2.text_of(h)) is not None
    ]
    if headlines:
        fields["headline"] = headlines[0][1]
    if len(headlines) > 1:
        fields["alternative_headline"] = headlines[1][1]
    for extra, _ in headlines[2:]:
        item.lose(extra, "a third headline has no place in the model")
    fields["slugline"] = g2.text_of(children.get(_SLUGLINE, _NONE)[0])
    descriptions = children.get(_DESCRIPTION)
    fields["summary"] = _summary(item, descriptions) if descriptions else None
    fields["dateline"] = _dateline(item, children)
    fields["bylines"] = _bylines(item, children)
    genres = children.get(_GENRE)
    fields["genres"] = _concepts(item, genres) if genres else ()
    subjects = children.get(_SUBJECT)
    fields["subjects"] = _concepts(item, subjects) if subjects else ()
    keywords = children.get(_KEYWORD)
    fields["keywords"] = tuple(k for k in map(g2.text_of, keywords) if k) if keywords else ()


def _summary(item: _Item, descriptions: list[etree._Element]) -> str | None:
    summary = None
    for description in descriptions:
        if description.get("role") in _SUMMARY_ROLES and summary is None:
            summary = g2.text_of(description)
        else:
            item.lose(description, f"description with role {description.get('role')!r}")
    return summary


def _dateline(item: _Item, meta: Children) -> Dateline | None:
    text = g2.text_of(meta.get(_DATELINE, _NONE)[0])
    located = meta.get(_LOCATED, _NONE)[0]
    place = None
    if located is not None:
        name = g2.text_of(g2.child(located, _NAME)) or located.get("literal")
        uri = located.get("qcode") or located.get("uri")
        if name:
            place = item.keep(located, lambda: Place(name=name, uri=uri))
        else:
            item.lose(located, "a place without a name")
    if text is None and place is None:
        return None
    return item.keep(item.element, lambda: Dateline(text=text, place=place))


def _bylines(item: _Item, meta: Children) -> tuple[Byline, ...]:
    people = [*meta.get(_CREATOR, ()), *meta.get(_CONTRIBUTOR, ())]
    bys = meta.get(_BY)
    if not people and not bys:
        return ()
    texts = [t for t in map(g2.text_of, bys) if t] if bys else []
    contributors: tuple[Contributor, ...] = ()
    if people:  # a byline alone names no one to sort out
        contributors, credit_lines, logins = _people_only(
            tuple(c for element in people if (c := _contributor(item, element)) is not None)
        )
        unused = credit_lines if texts else []
        texts = texts or credit_lines  # a credit line given as a creator: the printed credit
        # newsmodel's own item holds the bylines whole in nm:field: nothing is lost here.
        held = any(f.get("name") == "bylines" for f in meta.get(_NM_FIELD, ()))
        for name in () if held else (*logins, *unused):
            kind = "a login" if name in logins else "a credit line"
            item.lose(item.element, f"creator {name!r} is {kind}, not a person")
    if not texts:
        return (Byline(contributors=contributors),) if contributors else ()
    first = Byline(text=texts[0], contributors=contributors)
    return (first, *(Byline(text=t) for t in texts[1:]))


def _people_only(
    contributors: tuple[Contributor, ...],
) -> tuple[tuple[Contributor, ...], list[str], list[str]]:
    """
    The contributors but "people" who are credit lines or logins, and those two kinds.

    A login (``stahlberg.leo``) names no one; a credit line (``Foto: dpa``)
    is a printed credit, not a person.
    """
    kept, credit_lines, logins = [], [], []
    for contributor in contributors:
        name = contributor.agent.name
        if isinstance(contributor.agent, Person) and is_login(name):
            logins.append(name)
        elif isinstance(contributor.agent, Person) and is_credit_line(name):
            credit_lines.append(name)
        else:
            kept.append(contributor)
    return tuple(kept), credit_lines, logins


def _contributor(item: _Item, element: etree._Element) -> Contributor | None:
    role_code = (element.get("role") or "").lower()
    role = next((r for word, r in g2.ROLE_WORDS.items() if word in role_code), None)
    if role is None:
        creator = element.tag == _CREATOR
        role = ContributorRole.AUTHOR if creator else ContributorRole.CONTRIBUTOR
    kind = (element.get("type") or "").lower()
    source = "source" in role_code or "organi" in kind
    agent = _organization(item, element) if source else _person(item, element)
    if agent is None:
        return None
    return Contributor(agent=agent, role=role)


def _name_and_uri(element: etree._Element) -> tuple[str | None, str | None]:
    name = g2.text_of(g2.child(element, _NAME)) or element.get("literal")
    qcode = element.get("qcode")
    # Without a name, a QCode's code is the best name there is (nprov:reuters).
    return name or (qcode.rpartition(":")[2] if qcode else None), element.get("uri") or qcode


def _organization(item: _Item, element: etree._Element) -> Organization | None:
    return _party(item, element, Organization)


def _person(item: _Item, element: etree._Element) -> Person | None:
    return _party(item, element, Person)


def _party(item: _Item, element: etree._Element, kind: type[_Party]) -> _Party | None:
    name, uri = _name_and_uri(element)
    if name is None:
        item.lose(element, f"a {kind.__name__.lower()} without a name")
        return None
    try:
        return kind(name=name, uri=uri)
    except ValueError as error:
        item.refuse(element, error)
    return None


def _section(item: _Item, service: etree._Element) -> Section | None:
    name, _ = _name_and_uri(service)
    if name is None:
        item.lose(service, "a service without a name")
        return None
    try:
        return shared(_service_section, name, service.get("qcode"))
    except ValueError as error:
        item.refuse(service, error)
    return None


# A feed's services, subjects and genres recur: each is built once (see recurring).
@lru_cache(maxsize=RECURRING)
def _service_section(name: str, code: str | None) -> Section:
    return Section(path=(name,), code=code)


def _concepts(item: _Item, elements: list[etree._Element]) -> tuple[Concept, ...]:
    concepts = []
    for element in elements:  # a feed gives a dozen or more: no call but the concept's
        try:
            concepts.append(_concept(element))
        except ValueError as error:
            item.refuse(element, error)
    return tuple(concepts)


def _concept(element: etree._Element) -> Concept:
    name = g2.text_of(g2.child(element, _NAME)) or element.get("literal")
    return shared(_coded_concept, name, element.get("qcode"), element.get("uri"))


@lru_cache(maxsize=RECURRING)
def _coded_concept(name: str | None, qcode: str | None, uri: str | None) -> Concept:
    scheme, _, code = qcode.partition(":") if qcode else ("", "", "")
    return Concept(name=name, code=code or None, scheme=scheme or None, uri=uri)


def _time(item: _Item, element: etree._Element | None) -> datetime | None:
    if element is None:
        return None
    text = g2.text_of(element)
    if text is None:
        return None
    if RFC3339.match(text) is None:
        item.lose(element, f"{text!r} is not a date-time with a UTC offset")
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:  # the pattern's shape, but no such day (February 30)
        item.lose(element, str(error))
        return None


def _extension(item: _Item, meta: g2.Part, fields: dict[str, Any]) -> None:
    """Read newsmodel's own elements: quotations, and fields written as JSON."""
    children = meta.children
    quotations = children.get(_NM_QUOTATION)
    if quotations:
        found = [_quotation(item, q) for q in quotations]
        fields["quotations"] = tuple(q for q in found if q is not None)
    for element in children.get(_NM_FIELD, ()):
        name = element.get("name", "")
        try:
            fields[name] = shared(_held_field, name, element.text)
        except (StructureError, ValueError) as error:
            item.lose(element, f"field {name!r}: {error}")


@lru_cache(maxsize=RECURRING)
def _held_field(name: str, text: str | None) -> Any:
    """
    A field newsmodel's writer held as native JSON, read once for every item that holds it.

    A feed's items hold the same sections and publisher, as the same text.
    """
    return native_json.field_from_json(name, text)


def _quotation(item: _Item, element: etree._Element) -> Quotation | None:
    try:
        return quotation_of(element)
    except ValueError as error:
        item.refuse(element, error)
    return None


def _joined(elements: list[etree._Element], separator: str = "\n") -> str | None:
    texts = [t for t in map(g2.text_of, elements) if t]
    return separator.join(texts) or None


def _where(element: etree._Element, paths: dict[etree._Element, str] | None = None) -> str:
    """
    Where an element is: its line, and its path from the root.

    *paths* holds the paths already found, as an item's losses share parents.
    """
    known = {} if paths is None else paths
    unnamed: list[etree._Element] = []  # the element and its ancestors up to a known one
    node: etree._Element | None = element
    path = ""
    while node is not None:
        found = known.get(node)
        if found is not None:
            path = found
            break
        unnamed.append(node)
        node = node.getparent()
    for node in reversed(unnamed):  # local_name's test written out: one call fewer a step
        tag = node.tag
        path = known[node] = f"{path}/{tag.rpartition('}')[2] if isinstance(tag, str) else ''}"
    return f"line {element.sourceline}: {path}"
