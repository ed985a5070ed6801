"""
Reading the article node of schema.org JSON-LD, liberally; see :mod:`newsmodel.formats.jsonld`.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from lxml import html as lxml_html

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel import validators
from newsmodel.conversion import Loss, Reading, Unreadable, article_of
from newsmodel.errors import FieldError
from newsmodel.formats.json.converter import RFC3339
from newsmodel.formats.jsonld.terms import ARTICLE_TYPES, CONTEXT, SCHEMA, type_genre
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
    Section,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


__all__ = [
    "Node",
    "find_article",
    "find_articles",
    "loads",
    "paragraphs_of",
    "person_name",
    "read",
    "read_articles",
    "read_document",
    "read_fields",
    "read_items",
    "section_of",
]

_T = TypeVar("_T")
_CONTEXTS = {"http://schema.org", CONTEXT, "http://schema.org/", SCHEMA}
# What the reader maps on the article node; other properties are losses.
_READ = {
    "@context", "@type", "@id", "headline", "name", "alternativeHeadline", "description",
    "articleBody", "articleSection", "author", "creator", "contributor", "editor", "translator",
    "datePublished", "dateModified", "dateCreated", "dateline", "locationCreated", "inLanguage",
    "keywords", "about", "genre", "publisher", "sourceOrganization", "copyrightHolder",
    "copyrightNotice", "url", "mainEntityOfPage", "image", "hasPart", "creditText",
}  # fmt: skip
# Properties that say nothing a reader of the article needs.
_IGNORED = {"thumbnailUrl", "wordCount", "isAccessibleForFree", "speakable", "isPartOf"}
# How a section path is written in articleSection, as str(Section) writes it.
_PATH_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BASIC_OFFSET = re.compile(r"([+\-]\d{2})(\d{2})$")


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
    Read every article of a document, as every format reads items.
    """
    yield from read_articles(strict_json.parse(data))


def read_document(document: object) -> Reading | Unreadable:
    """
    Read the first article node of parsed JSON-LD (a node, an array or a graph).

    Any other article node is reported as a loss: :func:`read_articles`
    reads them all.  Nothing here recurses on the document's depth, which is
    the parser's to limit: it differs between Python versions.
    """
    items = read_articles(document)
    first = items[0]
    if len(items) > 1 and isinstance(first, Reading):
        found = find_articles(document)
        others = [] if isinstance(found, str) else found[1:]
        more = tuple(
            Loss(where=path, what="another article, left out: read_items() reads every one")
            for _, path in others
        )
        first = attrs.evolve(first, losses=(*first.losses, *more))
    return first


def read_articles(document: object) -> list[Reading | Unreadable]:
    """
    Read every article node of parsed JSON-LD, in document order; at least one item.
    """
    found = find_articles(document)
    if isinstance(found, str):
        return [Unreadable(where="$", reason=found)]
    return [_read_node(document, node, path) for node, path in found]


def _read_node(document: object, node: dict[str, Any], path: str) -> Reading | Unreadable:
    losses = [
        Loss(where=p, what=strict_json.UNFIT_FOR_XML)
        for p in strict_json.strings_unfit_for_xml(node, path)
    ]
    if not _schema_org(node.get("@context", _context_of(document))):
        losses.append(Loss(where=path, what="no schema.org @context: terms read as schema.org"))
    fields = read_fields(Node(node, _index(document)), losses, path)
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
    Find the (first) article node of a document and its JSONPath.

    Returns:
        The node and its path, or, when there is none, what the document
        holds instead.
    """
    found = find_articles(document)
    return found if isinstance(found, str) else found[0]


def find_articles(document: object) -> list[tuple[dict[str, Any], str]] | str:
    """
    Find every article node of a document, with its JSONPath.

    Returns:
        The nodes and their paths, or, when there is none, what the document
        holds instead.
    """
    nodes = list(_nodes(document, "$"))
    articles = [(node, path) for node, path in nodes if _types(node) & ARTICLE_TYPES]
    if articles:
        return articles
    found = sorted({t for node, _ in nodes for t in _types(node)})
    holds = ", ".join(found) if found else "no typed node"
    return f"expected an Article or one of its subtypes, found {holds}"


def _nodes(value: object, path: str) -> Iterator[tuple[dict[str, Any], str]]:
    """The top-level nodes of a document, in order: itself, its array items, its graph."""
    stack = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed([(item, f"{path}[{i}]") for i, item in enumerate(value)]))
        elif isinstance(value, dict):
            if "@graph" in value:
                stack.append((value["@graph"], f"{path}['@graph']"))
            else:
                yield value, path


def _context_of(document: object) -> object:
    return document.get("@context") if isinstance(document, dict) else None


def _schema_org(context: object) -> bool:
    for item in _flatten([context]):
        if isinstance(item, str) and item in _CONTEXTS:
            return True
        if isinstance(item, dict) and str(item.get("@vocab", "")).rstrip("/") + "/" in _CONTEXTS:
            return True
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


class Node:
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
        """The node a bare ``{"@id": ...}`` reference names, or the value itself."""
        if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
            return self.index.get(value["@id"], value)
        return value

    def text(self, key: str) -> str | None:
        """The first text value of a property."""
        texts = [t for v in self.values(key) if (t := _text(v))]
        return texts[0] if texts else None

    def child(self, value: dict[str, Any]) -> Node:
        """A node inside this one, resolving references in the same document."""
        return Node(value, self.index)


def _flatten(values: list[Any]) -> list[Any]:
    """
    Flatten values into one list.

    Lists inside lists (as some sites write keywords) and JSON-LD's ``@list``
    and ``@set`` containers all give their members.
    """
    flat: list[Any] = []
    stack = list(reversed(values))  # a stack, not recursion: lists nest as deep as they like
    while stack:
        value = stack.pop()
        container = value.get("@list", value.get("@set")) if isinstance(value, dict) else None
        inner = value if isinstance(value, list) else container
        if isinstance(inner, list):
            stack.extend(reversed(inner))
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
    if "&" in text and not validators.URI.match(text):  # a URI is read as it is
        text = html.unescape(text)
    return validators.NOT_XML.sub("", text).strip() or None


def read_fields(node: Node, losses: list[Loss], path: str = "$") -> dict[str, Any]:
    """
    The article fields of an article node, by name.
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
    fields["body"] = _body(node.text("articleBody"), partial(lose, "articleBody"))
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
    node: Node, key: str, build: Callable[[Any], _T | None], lose: Callable[[str, str], None]
) -> tuple[_T, ...]:
    """Build a model value from each value of a property; report the ones that fail."""
    built = (_one(partial(build, value), partial(lose, key)) for value in node.values(key))
    return tuple(value for value in built if value is not None)


def _section(value: object) -> Section | None:
    text = _text(value)
    return None if text is None else section_of(text)


def section_of(text: str) -> Section:
    """The section a path names, written as str(Section) writes it."""
    return Section(path=tuple(p.strip() for p in text.split(_PATH_SEPARATOR) if p.strip()))


def _uri(value: object) -> str | None:
    """*value* if it is a URI; pages put numbers and booleans where URIs go, too."""
    return value if isinstance(value, str) and validators.URI.match(value) else None


def _page(node: Node) -> str | None:
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


def _agent_of(value: object, *, affiliated: bool = True) -> Person | Organization | None:
    """
    A person or organisation from a node, or from a bare name.

    A person's affiliation is read only *affiliated*, one level deep: the
    model keeps an organisation there, which has no affiliation of its own.
    """
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
    affiliation = _agent_of(value.get("affiliation"), affiliated=False) if affiliated else None
    return Person(
        name=person_name(name),
        uri=uri,
        title=_text(value.get("jobTitle")),
        affiliation=affiliation if isinstance(affiliation, Organization) else None,
    )


_AGENT_LINKS = ("url", "sameAs", "identifier", "@id")


def person_name(name: str) -> str:
    """A person's name without the "By" pages put before it."""
    return _BY.sub("", name) or name


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


def _bylines(node: Node, lose: Callable[[str, str], None]) -> tuple[Byline, ...]:
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
    printed = node.text("creditText")
    if printed is None:
        return (Byline(contributors=tuple(contributors)),) if contributors else ()
    return (Byline(text=printed, contributors=tuple(contributors)),)


def _dateline(node: Node) -> Dateline | None:
    text = node.text("dateline")
    places = [p for p in node.values("locationCreated") if isinstance(p, dict) and _text(p)]
    place = None
    if places:
        name = _text(places[0]) or ""
        uri = _uri(places[0].get("url")) or _uri(places[0].get("identifier"))
        place = Place(name=name, uri=uri)
    return Dateline(text=text, place=place) if text or place else None


def _keywords(node: Node) -> tuple[str, ...]:
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


def _genres(node: Node) -> tuple[Concept, ...]:
    kinds = sorted(_types(node.node) & (ARTICLE_TYPES - {"NewsArticle"}))
    genres = [type_genre(kind) for kind in kinds]
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


def _body(text: str | None, lose: Callable[[str], None]) -> Body | None:
    """
    The body of ``articleBody``'s text: a paragraph for each.

    Markup some pages put in the text (``<b>TEGUCIGALPA.-</b>``) is taken
    out, keeping its words, and reported.
    """
    if text is None:
        return None
    if _TAG.search(text):
        lose("markup in the text removed, its words kept")
    paragraphs = paragraphs_of(text)
    return Body.from_paragraphs(*paragraphs) if paragraphs else None


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a plain text: blank lines part them; markup in them is taken out."""
    paragraphs = [stripped for p in _PARAGRAPH_BREAK.split(text) if (stripped := p.strip())]
    if "<" in text and any(_TAG.search(p) for p in paragraphs):
        paragraphs = [t for p in paragraphs if (t := _without_markup(p))]
    return paragraphs


_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def _without_markup(paragraph: str) -> str:
    text = lxml_html.fragment_fromstring(paragraph, create_parent="div").text_content()
    return " ".join(text.split())


def _quote(value: object) -> Quotation | None:
    if not isinstance(value, dict) or "Quotation" not in _types(value):
        return None
    text = _text(value.get("text"))
    if text is None:
        return None
    speakers = [a for key in ("creator", "spokenByCharacter") if (a := _agent_of(value.get(key)))]
    return Quotation(text=text, speaker=speakers[0] if speakers else None)
