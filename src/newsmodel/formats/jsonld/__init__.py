"""
schema.org JSON-LD: the ``NewsArticle`` markup of news pages.

* Writing produces one compact node, ``"@context": "https://schema.org"``,
  using only schema.org terms, with what Google's Article guidelines ask for
  when the article has it: ``headline``, ``datePublished``/``dateModified``
  with offsets, ``author`` as ``Person``/``Organization`` objects with a
  name and a URL, ``image``, ``publisher``.
* The ``@type`` is ``NewsArticle``, or the schema.org type an article's genre
  names (a genre with the URI ``https://schema.org/OpinionNewsArticle``).
* The body is written as ``articleBody`` plain text; quotations as
  ``hasPart`` ``Quotation`` nodes with their speaker as ``creator``.
* What JSON-LD has no term for (urgency, a slugline, a quotation's cue...) is
  reported by :func:`write` as a loss, and strict writing refuses it.
* Reading takes what real pages publish: ``@graph`` documents, arrays,
  ``@type`` arrays, ``@context`` as a string or an object, ``http`` or
  ``https`` schema.org, authors as strings, objects or arrays, ``@id``
  references, HTML entities in strings.  The article node is the first node
  of an article type, never the ``WebPage`` or ``BreadcrumbList`` around it.

The mapping table is in the documentation, ``docs/formats/jsonld.md``.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel import validators
from newsmodel._lowlevel.xhtml import escape
from newsmodel.conversion import Loss, Reading, Unreadable, Writing, article_of
from newsmodel.errors import FieldError, LossyConversionError
from newsmodel.formats.json.converter import RFC3339
from newsmodel.model import (
    Article,
    Body,
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
    QuotationKind,
    Section,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "ARTICLE_TYPES",
    "dumps",
    "find_article",
    "loads",
    "read",
    "read_document",
    "read_items",
    "write",
]

_T = TypeVar("_T")
SCHEMA = "https://schema.org/"
#: The schema.org types of articles: Article and its subtypes.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Report",
        "SatiricalArticle",
        "ScholarlyArticle",
        "TechArticle",
        "AdvertiserContentArticle",
    }
)
_CONTEXT = "https://schema.org"
_CONTEXTS = {"http://schema.org", _CONTEXT, "http://schema.org/", SCHEMA}
# What the reader maps on the article node; other properties are losses.
_READ = {
    "@context", "@type", "@id", "headline", "name", "alternativeHeadline", "description",
    "articleBody", "articleSection", "author", "creator", "contributor", "editor", "translator",
    "datePublished", "dateModified", "dateCreated", "dateline", "locationCreated", "inLanguage",
    "keywords", "about", "genre", "publisher", "sourceOrganization", "copyrightHolder",
    "copyrightNotice", "url", "mainEntityOfPage", "image", "hasPart",
}  # fmt: skip
# Properties that say nothing a reader of the article needs.
_IGNORED = {"thumbnailUrl", "wordCount", "isAccessibleForFree", "speakable", "isPartOf"}
# How a section path is written in articleSection, as str(Section) writes it.
_PATH_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BASIC_OFFSET = re.compile(r"([+\-]\d{2})(\d{2})$")


# ---- writing ----------------------------------------------------------------


def dumps(article: Article, /, *, lossless: bool = False) -> str:
    """
    Write *article* as a JSON-LD document.

    Args:
        article: The article.
        lossless: Raise :class:`~newsmodel.errors.LossyConversionError`
            instead of leaving out what JSON-LD cannot hold.
    """
    writing = write(article)
    if lossless and writing.losses:
        raise LossyConversionError(tuple(str(loss) for loss in writing.losses))
    return writing.text


def write(article: Article) -> Writing:
    """
    Write *article*, and say which of its fields JSON-LD could not hold.

    A field is lost when reading the document back does not give it again,
    so the report cannot drift from what the writer does.
    """
    document = _kept_literal(_document(article))
    text = strict_json.dumps(document) + "\n"
    back = _fields(_Node(document, {}), [], like=article.body)
    losses = tuple(
        Loss(
            where=f"$.{field.name}",
            what="JSON-LD has no place for it"
            if field.name not in back
            else "JSON-LD holds only part of it",
        )
        for field in attrs.fields(Article)
        if getattr(article, field.name) != back.get(field.name, field.default)
    )
    return Writing(text=text, losses=losses)


def _kept_literal(value: Any) -> Any:
    """
    The document with each text a reader would take for HTML escaped.

    Pages put HTML entities in their JSON-LD (``Tom &amp; Jerry``), so the
    reader decodes them in text (not in URIs, which it reads as they are); a
    text that holds what reads as one (``&#0``, ``&amp;``) is written with
    its ampersands escaped, to come back as it is.
    """
    if isinstance(value, str):
        decoded = "&" in value and not validators.URI.match(value) and html.unescape(value) != value
        return value.replace("&", "&amp;") if decoded else value
    if isinstance(value, dict):
        return {key: _kept_literal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_kept_literal(item) for item in value]
    return value


def _document(article: Article) -> dict[str, Any]:
    genres = [g for g in article.genres if not _schema_type(g)]
    types = [t for g in article.genres if (t := _schema_type(g))]
    node: dict[str, Any] = {"@context": _CONTEXT, "@type": types[0] if types else "NewsArticle"}
    _put(node, "@id", article.id)
    node["headline"] = article.headline
    _put(node, "alternativeHeadline", article.alternative_headline)
    _put(node, "description", article.summary)
    if article.canonical_url is not None:
        node["url"] = article.canonical_url
        node["mainEntityOfPage"] = {"@type": "WebPage", "@id": article.canonical_url}
    _credits(node, article)
    for key, when in (
        ("datePublished", article.published),
        ("dateModified", article.modified),
        ("dateCreated", article.created),
    ):
        _put(node, key, when.isoformat() if when else None)
    if article.dateline is not None:
        _put(node, "dateline", article.dateline.text)
        if article.dateline.place is not None:
            node["locationCreated"] = _named("Place", article.dateline.place)
    _put(node, "inLanguage", article.language)
    _put(node, "articleSection", [str(s) for s in article.sections] or None)
    _put(node, "keywords", list(article.keywords) or None)
    _put(node, "about", [_thing(subject) for subject in article.subjects] or None)
    _put(node, "genre", [g.uri or g.name or g.code for g in genres] or None)
    # Google rejects an image without an address: a caption alone is a loss.
    _put(node, "image", [_image(image) for image in article.images if image.url] or None)
    if article.publisher is not None:
        node["publisher"] = _agent(article.publisher)
    if article.provider is not None:
        node["sourceOrganization"] = _agent(article.provider)
    if article.copyright_holder is not None:
        node["copyrightHolder"] = _agent(article.copyright_holder)
    _put(node, "copyrightNotice", article.copyright_notice)
    if article.body is not None:
        node["articleBody"] = article.body.text
    # A term in quotation marks is nobody's quotation: schema.org has no word for it.
    quotations = [_quotation(q) for q in article.quotations if q.kind is not QuotationKind.TERM]
    _put(node, "hasPart", quotations or None)
    return node


_ROLE_KEYS = {
    ContributorRole.AUTHOR: "author",
    ContributorRole.CONTRIBUTOR: "contributor",
    ContributorRole.EDITOR: "editor",
    ContributorRole.TRANSLATOR: "translator",
}


def _credits(node: dict[str, Any], article: Article) -> None:
    """The byline's people, each under the property of their role."""
    for role, key in _ROLE_KEYS.items():
        people = [c.agent for b in article.bylines for c in b.contributors if c.role is role]
        if role is ContributorRole.EDITOR:  # schema.org's editor is a Person
            people = [p for p in people if isinstance(p, Person)]
        _put(node, key, [_agent(agent) for agent in people] or None)


def _put(node: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        node[key] = value


def _schema_type(genre: Concept) -> str | None:
    """The article type a genre names by its schema.org URI, if it does."""
    if genre.uri is None or not genre.uri.startswith(SCHEMA):
        return None
    name = genre.uri.removeprefix(SCHEMA)
    return name if name in ARTICLE_TYPES and genre == _type_genre(name) else None


def _type_genre(name: str) -> Concept:
    return Concept(name=name, uri=SCHEMA + name)


def _link(uri: str | None) -> dict[str, str]:
    """A web address as ``url``; any other identifier as ``identifier``."""
    if uri is None:
        return {}
    return {"url": uri} if uri.startswith(("http://", "https://")) else {"identifier": uri}


def _named(kind: str, thing: Place | Organization) -> dict[str, Any]:
    return {"@type": kind, "name": thing.name, **_link(thing.uri)}


def _agent(agent: Person | Organization) -> dict[str, Any]:
    if isinstance(agent, Organization):
        return _named("Organization", agent)
    node: dict[str, Any] = {"@type": "Person", "name": agent.name, **_link(agent.uri)}
    _put(node, "jobTitle", agent.title)
    if agent.affiliation is not None:
        node["affiliation"] = _agent(agent.affiliation)
    return node


def _thing(concept: Concept) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Thing"}
    _put(node, "name", concept.name)
    if concept.code is not None:
        node["identifier"] = f"{concept.scheme}:{concept.code}" if concept.scheme else concept.code
    _put(node, "url", concept.uri)
    return node


def _image(image: Image) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "ImageObject"}
    _put(node, "url", image.url)
    _put(node, "width", image.width)
    _put(node, "height", image.height)
    _put(node, "caption", image.caption)
    _put(node, "creditText", image.credit)
    return node


def _quotation(quotation: Quotation) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Quotation", "text": quotation.text}
    if quotation.speaker is not None:
        node["creator"] = _agent(quotation.speaker)
    return node


# ---- reading ----------------------------------------------------------------


def loads(data: str | bytes, /, *, lossless: bool = False) -> Article:
    """
    Read the article of a JSON-LD document; see :func:`read`.

    Args:
        data: The document.
        lossless: Raise :class:`~newsmodel.errors.LossyConversionError`
            instead of leaving out what the model cannot hold.
    """
    return article_of(read(data), lossless=lossless)


def read(data: str | bytes) -> Reading:
    """
    Read the article node of a JSON-LD document.

    Raises:
        ParseError: The document is not JSON.
        StructureError: It holds no article, or the article has no headline.
    """
    item = read_document(strict_json.parse(data))
    if not isinstance(item, Reading):
        raise item.error()
    return item


def read_items(data: str | bytes, /) -> Iterator[Reading | Unreadable]:
    """
    Read the article of a document, as every format reads items.
    """
    yield read_document(strict_json.parse(data))


def read_document(document: object) -> Reading | Unreadable:
    """
    Read the article node of parsed JSON-LD (a node, an array or a graph).
    """
    try:
        return _read_document(document)
    except RecursionError:  # the parser allows a little more depth than the reader
        return Unreadable(where="$", reason=strict_json.TOO_DEEP_TO_READ)


def _read_document(document: object) -> Reading | Unreadable:
    found = find_article(document)
    if isinstance(found, str):
        return Unreadable(where="$", reason=found)
    node, path = found
    losses = [
        Loss(where=p, what=strict_json.UNFIT_FOR_XML)
        for p in strict_json.strings_unfit_for_xml(node, path)
    ]
    if not _schema_org(node.get("@context", _context_of(document))):
        losses.append(Loss(where=path, what="no schema.org @context: terms read as schema.org"))
    fields = _fields(_Node(node, _index(document)), losses, path)
    headline = fields.pop("headline", None)
    if headline is None:
        return Unreadable(where=path, reason="the article has no headline or name")
    try:
        article = Article(headline=headline, **fields)
    except FieldError as error:
        return Unreadable(where=f"{path}.{error.field}", reason=error.message)
    return Reading(article=article, losses=tuple(losses))


def find_article(document: object) -> tuple[dict[str, Any], str] | str:
    """
    Find the article node of a document and its JSONPath.

    Returns:
        The node and its path, or, when there is none, what the document
        holds instead.
    """
    nodes = list(_nodes(document, "$"))
    for node, path in nodes:
        if _types(node) & ARTICLE_TYPES:
            return node, path
    found = sorted({t for node, _ in nodes for t in _types(node)})
    holds = ", ".join(found) if found else "no typed node"
    return f"expected an Article or one of its subtypes, found {holds}"


def _nodes(value: object, path: str) -> Iterator[tuple[dict[str, Any], str]]:
    """The top-level nodes of a document: itself, its array items, its graph."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        if "@graph" in value:
            yield from _nodes(value["@graph"], f"{path}['@graph']")
        else:
            yield value, path


def _context_of(document: object) -> object:
    return document.get("@context") if isinstance(document, dict) else None


def _schema_org(context: object) -> bool:
    if isinstance(context, str):
        return context in _CONTEXTS
    if isinstance(context, dict):
        return str(context.get("@vocab", "")).rstrip("/") + "/" in _CONTEXTS
    if isinstance(context, list):
        return any(_schema_org(item) for item in context)
    return False


def _index(document: object) -> dict[str, dict[str, Any]]:
    """Every node with an ``@id`` in the document, to resolve references."""
    index: dict[str, dict[str, Any]] = {}
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("@id"), str) and len(value) > 1:
                index.setdefault(value["@id"], value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return index


def _types(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type", node.get("type"))
    names = kinds if isinstance(kinds, list) else [kinds]
    return {n.rsplit("/", 1)[-1] for n in names if isinstance(n, str)}


class _Node:
    """A node of the document, its references resolved on the way."""

    def __init__(self, node: dict[str, Any], index: dict[str, dict[str, Any]]) -> None:
        self.node = node
        self.index = index

    def values(self, key: str) -> list[Any]:
        """The values of a property: always a list, references resolved."""
        value = self.node.get(key)
        if value is None or isinstance(value, str):  # most values: nothing to resolve
            return [] if value is None else [value]
        values = value if isinstance(value, list) else [value]
        return [self.resolve(v) for v in _flatten(values)]

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
            return self.index.get(value["@id"], value)
        return value

    def text(self, key: str) -> str | None:
        texts = [t for v in self.values(key) if (t := _text(v))]
        return texts[0] if texts else None

    def child(self, value: dict[str, Any]) -> _Node:
        return _Node(value, self.index)


def _flatten(values: list[Any]) -> list[Any]:
    """
    Flatten values into one list.

    Lists inside lists (as some sites write keywords) and JSON-LD's ``@list``
    and ``@set`` containers all give their members.
    """
    flat: list[Any] = []
    for value in values:
        container = value.get("@list", value.get("@set")) if isinstance(value, dict) else None
        inner = value if isinstance(value, list) else container
        if isinstance(inner, list):
            flat.extend(_flatten(inner))
        else:
            flat.append(value)
    return flat


def _text(value: object) -> str | None:
    """A string value, HTML entities decoded (but in a URI) and white space trimmed."""
    if isinstance(value, list):
        return next((t for v in _flatten(value) if (t := _text(v))), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    text = str(value)
    if not validators.URI.match(text):  # a URI is read as it is
        text = html.unescape(text)
    return validators.NOT_XML.sub("", text).strip() or None


def _fields(
    node: _Node, losses: list[Loss], path: str = "$", *, like: Body | None = None
) -> dict[str, Any]:
    """
    The article fields of an article node, by name.

    A writer reading its own document back passes the body it wrote as
    ``like``, to be given back without reparsing when the text says it.
    """

    def lose(key: str, what: str) -> None:
        losses.append(Loss(where=f"{path}.{key}", what=what))

    fields: dict[str, Any] = {}
    for key in sorted(set(node.node) - _READ - _IGNORED):
        lose(key, "not held by the model")
    identifier = node.node.get("@id")
    if isinstance(identifier, str) and validators.URI.match(identifier):
        fields["id"] = identifier
    fields["headline"] = node.text("headline") or node.text("name")
    fields["alternative_headline"] = node.text("alternativeHeadline")
    fields["summary"] = node.text("description")
    fields["canonical_url"] = _uri(node.text("url")) or _page(node)
    for key, field in (
        ("datePublished", "published"),
        ("dateModified", "modified"),
        ("dateCreated", "created"),
    ):
        fields[field] = _time(node.text(key), lambda what, key=key: lose(key, what))
    fields["bylines"] = _bylines(node, lose)
    fields["dateline"] = _one(partial(_dateline, node), partial(lose, "dateline"))
    language = node.values("inLanguage")
    tag = _text(language[0]) if language else None
    if tag and validators.LANGUAGE_TAG.match(tag):
        fields["language"] = tag
    elif tag:
        lose("inLanguage", f"{tag!r} is not a BCP 47 tag")
    fields["sections"] = _each(node, "articleSection", _section, lose)
    fields["keywords"] = _keywords(node)
    fields["subjects"] = _each(node, "about", _concept, lose)
    fields["genres"] = _genres(node)
    fields["images"] = _each(node, "image", _picture, lose)
    for key, field in (("publisher", "publisher"), ("sourceOrganization", "provider")):
        fields[field] = _one(partial(_organization, node.values(key)), partial(lose, key))
    holders = _each(node, "copyrightHolder", _agent_of, lose)
    fields["copyright_holder"] = holders[0] if holders else None
    fields["copyright_notice"] = node.text("copyrightNotice")
    fields["body"] = _body(node.text("articleBody"), like=like)
    fields["quotations"] = _each(node, "hasPart", _quote, lose)
    return {key: value for key, value in fields.items() if value not in (None, ())}


def _one(build: Callable[[], _T], lose: Callable[[str], None]) -> _T | None:
    """Build one model value, or report why the page's value makes none."""
    try:
        return build()
    except (FieldError, ValueError) as error:
        lose(str(error))
        return None


def _each(
    node: _Node, key: str, build: Callable[[Any], _T | None], lose: Callable[[str, str], None]
) -> tuple[_T, ...]:
    """Build a model value from each value of a property; report the ones that fail."""
    built = (_one(partial(build, value), partial(lose, key)) for value in node.values(key))
    return tuple(value for value in built if value is not None)


def _section(value: object) -> Section | None:
    text = _text(value)
    if text is None:
        return None
    return Section(path=tuple(p.strip() for p in text.split(_PATH_SEPARATOR) if p.strip()))


def _uri(text: str | None) -> str | None:
    return text if text is not None and validators.URI.match(text) else None


def _page(node: _Node) -> str | None:
    for page in node.values("mainEntityOfPage"):
        address = page.get("@id", page.get("url")) if isinstance(page, dict) else page
        if isinstance(address, str) and _uri(address):
            return address
    return None


def _time(text: str | None, lose: Any) -> datetime | None:
    if text is None:
        return None
    text = _BASIC_OFFSET.sub(r"\1:\2", text)  # "+0100", common on pages, is "+01:00"
    if RFC3339.match(text) is None:
        lose(f"{text!r} is not a date-time with a UTC offset")
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        lose(f"{text!r} is not a real date and time")
        return None


def _agent_of(value: object) -> Person | Organization | None:
    """A person or organisation from a node, or from a bare name."""
    if isinstance(value, str):
        bare = _BY.sub("", html.unescape(value)).strip()
        return Person(name=bare) if bare else None
    if not isinstance(value, dict):
        return None
    name = _text(value.get("name"))
    if name is None:
        return None
    uri = next((u for key in _AGENT_LINKS for u in _uris(value.get(key))), None)
    if {"Organization", "NewsMediaOrganization", "Corporation"} & _types(value):
        return Organization(name=name, uri=uri)
    affiliation = _agent_of(value.get("affiliation"))
    return Person(
        name=_BY.sub("", name) or name,
        uri=uri,
        title=_text(value.get("jobTitle")),
        affiliation=affiliation if isinstance(affiliation, Organization) else None,
    )


_AGENT_LINKS = ("url", "sameAs", "identifier", "@id")


def _uris(value: object) -> list[str]:
    """The URIs among a value or a list of values."""
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and _uri(v)]


def _organization(values: list[Any]) -> Organization | None:
    for value in values:
        agent = _agent_of(value)
        if agent is not None:
            return agent if isinstance(agent, Organization) else Organization(name=agent.name)
    return None


def _bylines(node: _Node, lose: Callable[[str, str], None]) -> tuple[Byline, ...]:
    contributors = []
    authors = node.values("author") or node.values("creator")
    for key, values in (
        ("author", authors),
        ("contributor", node.values("contributor")),
        ("editor", node.values("editor")),
        ("translator", node.values("translator")),
    ):
        role = ContributorRole(key) if key != "author" else ContributorRole.AUTHOR
        for value in values:
            agent = _one(partial(_agent_of, value), partial(lose, key))
            if agent is not None:
                contributors.append(Contributor(agent=agent, role=role))
            elif not isinstance(value, str | dict):
                lose(key, f"{value!r} names no one")
    return (Byline(contributors=tuple(contributors)),) if contributors else ()


def _dateline(node: _Node) -> Dateline | None:
    text = node.text("dateline")
    places = [p for p in node.values("locationCreated") if isinstance(p, dict) and _text(p)]
    place = None
    if places:
        name = _text(places[0]) or ""
        uri = _uri(places[0].get("url")) or _uri(places[0].get("identifier"))
        place = Place(name=name, uri=uri)
    return Dateline(text=text, place=place) if text or place else None


def _keywords(node: _Node) -> tuple[str, ...]:
    """Keywords: a list, or one string of comma-separated words."""
    values = node.values("keywords")
    if isinstance(node.node.get("keywords"), str):
        values = values[0].split(",")
    return tuple(dict.fromkeys(w for v in values if (w := _text(v))))


def _concept(value: object) -> Concept | None:
    if not isinstance(value, dict):
        return None
    name = _text(value.get("name"))
    identifier = _text(value.get("identifier")) or ""
    scheme, _, code = identifier.rpartition(":")
    if not (scheme and code):  # no scheme, or nothing after the colon
        scheme, code = "", identifier
    uri = _uri(value.get("url")) if isinstance(value.get("url"), str) else None
    if not (name or code or uri):
        return None
    return Concept(name=name, code=code or None, scheme=scheme or None, uri=uri)


def _genres(node: _Node) -> tuple[Concept, ...]:
    kinds = sorted(_types(node.node) & (ARTICLE_TYPES - {"NewsArticle"}))
    genres = [_type_genre(kind) for kind in kinds]
    for value in node.values("genre"):
        text = _text(value)
        if text:
            genres.append(Concept(uri=text) if _uri(text) else Concept(name=text))
    return tuple(genres)


def _picture(value: object) -> Image | None:
    if isinstance(value, str):
        return Image(url=value) if _uri(value) else None
    if not isinstance(value, dict):
        return None
    url = _uri(_text(value.get("url")) or _text(value.get("contentUrl")))
    caption = _text(value.get("caption"))
    if url is None and caption is None:
        return None
    return Image(
        url=url,
        caption=caption,
        credit=_text(value.get("creditText")),
        width=_pixels(value.get("width")),
        height=_pixels(value.get("height")),
    )


def _pixels(value: object) -> int | None:
    """A size in pixels: 800, "800" or "800px"; anything else is no size."""
    text = _text(value)
    digits = text.removesuffix("px") if text else ""
    return int(digits) if digits.isdigit() and int(digits) > 0 else None


def _body(text: str | None, *, like: Body | None = None) -> Body | None:
    """
    The body of ``articleBody``'s text: a paragraph for each.

    When ``like``'s markup is exactly these paragraphs, it is the body:
    nothing to parse.
    """
    if text is None:
        return None
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if not paragraphs:
        return None
    if like is not None and like.html == "".join(f"<p>{escape(p)}</p>" for p in paragraphs):
        return like
    return Body.from_paragraphs(*paragraphs)


def _quote(value: object) -> Quotation | None:
    if not isinstance(value, dict) or "Quotation" not in _types(value):
        return None
    text = _text(value.get("text"))
    if text is None:
        return None
    speakers = [a for key in ("creator", "spokenByCharacter") if (a := _agent_of(value.get(key)))]
    return Quotation(text=text, speaker=speakers[0] if speakers else None)
