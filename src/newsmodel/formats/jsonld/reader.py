"""
Reading the article node of schema.org JSON-LD, liberally; see :mod:`newsmodel.formats.jsonld`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from lxml import html as lxml_html

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel import validators
from newsmodel._lowlevel.validators import URI_FOR_PYTHON
from newsmodel.conversion import Loss, Reading, Unreadable, article_of
from newsmodel.errors import FieldError
from newsmodel.formats.dates import extended_offset
from newsmodel.formats.json.converter import RFC3339
from newsmodel.formats.jsonld.nodes import (
    Index,
    Node,
    context_of,
    find_articles,
    is_a,
    schema_org,
    text_of,
    types_of,
    uri_of,
    uris_of,
)
from newsmodel.formats.jsonld.terms import ARTICLE_TYPES, type_genre
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
    from collections.abc import Iterator


__all__ = [
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
    parsed = strict_json.parse_document(data)
    item = _first(parsed.document, _read_articles(*parsed))
    if not isinstance(item, Reading):
        raise item.error()
    return item


def read_items(data: str | bytes, /) -> Iterator[Reading | Unreadable]:
    """
    Read every article of a document, as every format reads items.
    """
    yield from _read_articles(*strict_json.parse_document(data))


def read_document(document: object) -> Reading | Unreadable:
    """
    Read the first article node of parsed JSON-LD (a node, an array or a graph).

    Any other article node is reported as a loss: :func:`read_articles`
    reads them all.  Nothing here recurses on the document's depth, which is
    the parser's to limit: it differs between Python versions.
    """
    return _first(document, read_articles(document))


def _first(document: object, items: list[Reading | Unreadable]) -> Reading | Unreadable:
    """The first of a document's articles, the others reported as losses."""
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
    return _read_articles(document, fit_for_xml=False)


def _read_articles(document: object, fit_for_xml: bool) -> list[Reading | Unreadable]:
    """Every article node, not searched for unfit strings if the parser found none."""
    found = find_articles(document)
    if isinstance(found, str):
        return [Unreadable(where="$", reason=found)]
    return [_read_node(document, node, path, fit_for_xml=fit_for_xml) for node, path in found]


def _read_node(
    document: object, node: dict[str, Any], path: str, *, fit_for_xml: bool
) -> Reading | Unreadable:
    losses = (
        []
        if fit_for_xml
        else [
            Loss(where=p, what=strict_json.UNFIT_FOR_XML)
            for p in strict_json.strings_unfit_for_xml(node, path)
        ]
    )
    context = node["@context"] if "@context" in node else context_of(document)
    if not schema_org(context):
        losses.append(Loss(where=path, what="no schema.org @context: terms read as schema.org"))
    fields = read_fields(Node(node, Index(document), fit_for_xml=fit_for_xml), losses, path)
    headline = fields.pop("headline", None)
    if headline is None:
        return Unreadable(where=path, reason="the article has no headline or name")
    try:
        article = Article(headline=headline, **fields)
    except FieldError as error:
        return Unreadable(where=f"{path}.{error.field}", reason=error.message)
    return Reading(article=article, losses=tuple(losses))


def read_fields(node: Node, losses: list[Loss], path: str = "$") -> dict[str, Any]:
    """
    The article fields of an article node, by name.

    The mapping is a table (:data:`_MAPPING`). The node's keys are looked up
    once, in C, for the rows they belong to; only those rows run, in the
    table's order (the order of the losses), and a row gives ``None`` for
    nothing. A node has a dozen of the thirty properties the reader knows.
    """

    def lose(key: str, what: str) -> None:
        losses.append(Loss(where=f"{path}.{key}", what=what))

    raw = node.node
    keys = raw.keys()
    unknown = keys - _KNOWN
    if unknown:
        for key in sorted(unknown):
            lose(key, "not held by the model")
    fields = {}
    for row in sorted(set(map(_ROW_OF.__getitem__, keys & _ROW_OF.keys()))):
        _, field, read_field = _MAPPING[row]
        value = read_field(node, lose)
        if value is not None:
            fields[field] = value
    return fields


#: How a loss is reported: the property, and what was lost.
_Lose = Callable[[str, str], None]
#: How a row reads its field: from the node, reporting what it cannot read.
_Row = Callable[[Node, _Lose], Any]


def _text_field(key: str) -> _Row:
    return lambda node, _: node.text(key)


def _time_field(key: str) -> _Row:
    return lambda node, lose: _time(node.text(key), lose, key)


def _each_field(key: str, build: Callable[[Any], object | None]) -> _Row:
    return lambda node, lose: _each(node.values(key), key, build, lose)


def _organization_field(key: str) -> _Row:
    def read_organization(node: Node, lose: _Lose) -> Organization | None:
        try:
            return _organization(node.values(key))
        except (FieldError, ValueError) as error:
            lose(key, str(error))
            return None

    return read_organization


def _identifier(node: Node, _: _Lose) -> str | None:
    identifier = node.node["@id"]
    return (
        identifier if isinstance(identifier, str) and URI_FOR_PYTHON.fullmatch(identifier) else None
    )


def _headline(node: Node, _: _Lose) -> str | None:
    return node.text("headline") or node.text("name")


def _canonical_url(node: Node, _: _Lose) -> str | None:
    return uri_of(node.text("url")) or _page(node)


def _language(node: Node, lose: _Lose) -> str | None:
    language = node.values("inLanguage")
    tag = text_of(language[0]) if language else None
    if tag and not validators.LANGUAGE_TAG.match(tag):
        lose("inLanguage", f"{tag!r} is not a BCP 47 tag")
        return None
    return tag


def _copyright_holder(node: Node, lose: _Lose) -> Person | Organization | None:
    holders: tuple[Person | Organization, ...] | None = _each(
        node.values("copyrightHolder"), "copyrightHolder", _agent_of, lose
    )
    return holders[0] if holders else None


def _each(
    values: list[Any], key: str, build: Callable[[Any], _T | None], lose: _Lose
) -> tuple[_T, ...] | None:
    """A model value built from each value of a property, failures reported; ``None`` for none."""
    built = []
    for value in values:
        try:
            item = build(value)
        except (FieldError, ValueError) as error:
            lose(key, str(error))
            continue
        if item is not None:
            built.append(item)
    return tuple(built) if built else None


def _section(value: object) -> Section | None:
    text = text_of(value)
    return None if text is None else section_of(text)


def section_of(text: str) -> Section:
    """The section a path names, written as str(Section) writes it."""
    return Section(path=tuple([s for p in text.split(_PATH_SEPARATOR) if (s := p.strip())]))


def _page(node: Node) -> str | None:
    for page in node.values("mainEntityOfPage"):
        address = page.get("@id", page.get("url")) if isinstance(page, dict) else page
        if isinstance(address, str) and uri_of(address):
            return address
    return None


def _time(text: str | None, lose: _Lose, key: str) -> datetime | None:
    if text is None:
        return None
    text = extended_offset(text)
    if RFC3339.match(text) is None:
        lose(key, f"{text!r} is not a date-time with a UTC offset")
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        lose(key, f"{text!r} is not a real date and time")
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
    name = text_of(value.get("name"))
    if name is None:
        return None
    uri = _link(value)
    if is_a(value, _ORGANIZATIONS):
        return Organization(name=name, uri=uri)
    affiliation = (
        _agent_of(value["affiliation"], affiliated=False)
        if affiliated and "affiliation" in value
        else None
    )
    return Person(
        name=person_name(name) if name[0] in "bB" else name,  # stripped: "By" starts it, if any
        uri=uri,
        title=text_of(value.get("jobTitle")),
        affiliation=affiliation if isinstance(affiliation, Organization) else None,
    )


_AGENT_LINKS = ("url", "sameAs", "identifier", "@id")


def _link(agent: dict[str, Any]) -> str | None:
    """The first URI an agent's node links it to, in the order of :data:`_AGENT_LINKS`."""
    if agent.keys().isdisjoint(_AGENT_LINKS):  # most agents: a name, no link
        return None
    for key in _AGENT_LINKS:
        if key in agent and (uris := uris_of(agent[key])):
            return uris[0]
    return None


_ORGANIZATIONS = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})


def person_name(name: str) -> str:
    """A person's name without the "By" pages put before it."""
    return _BY.sub("", name) or name


def _organization(values: list[Any]) -> Organization | None:
    for value in values:
        agent = _agent_of(value)
        if agent is not None:
            return agent if isinstance(agent, Organization) else Organization(name=agent.name)
    return None


def _bylines(node: Node, lose: _Lose) -> tuple[Byline, ...] | None:
    contributors: list[Contributor] = []
    authors = node.values("author") or node.values("creator")
    given = [("author", ContributorRole.AUTHOR, authors)] if authors else []
    for key, role, values in given + _others(node):
        agents: tuple[Person | Organization, ...] = _each(values, key, _credited, lose) or ()
        contributors += [Contributor(agent=agent, role=role) for agent in agents]
    printed = node.text("creditText")
    if printed is None:
        return (Byline(contributors=tuple(contributors)),) if contributors else None
    return (Byline(text=printed, contributors=tuple(contributors)),)


_OTHER_ROLES = tuple(
    (role.value, role)
    for role in (ContributorRole.CONTRIBUTOR, ContributorRole.EDITOR, ContributorRole.TRANSLATOR)
)


def _others(node: Node) -> list[tuple[str, ContributorRole, list[Any]]]:
    """The contributors, editors and translators a node names, by role."""
    return [(key, role, node.values(key)) for key, role in _OTHER_ROLES if key in node.node]


def _credited(value: object) -> Person | Organization | None:
    """The agent a value names; a value that is neither a name nor a node names no one."""
    if not isinstance(value, (str, dict)):
        msg = f"{value!r} names no one"
        raise ValueError(msg)  # noqa: TRY004 - a value of the page, reported as a loss
    return _agent_of(value)


def _dateline(node: Node, lose: _Lose) -> Dateline | None:
    try:
        return _place_and_date(node)
    except (FieldError, ValueError) as error:
        lose("dateline", str(error))
        return None


def _place_and_date(node: Node) -> Dateline | None:
    text = node.text("dateline")
    places = [p for p in node.values("locationCreated") if isinstance(p, dict) and text_of(p)]
    place = None
    if places:
        name = text_of(places[0]) or ""
        uri = uri_of(places[0].get("url")) or uri_of(places[0].get("identifier"))
        place = Place(name=name, uri=uri)
    return Dateline(text=text, place=place) if text or place else None


def _keywords(node: Node, _: _Lose) -> tuple[str, ...] | None:
    """Keywords: a list, or one string of comma-separated words."""
    values = node.values("keywords")
    if isinstance(node.node.get("keywords"), str):
        values = values[0].split(",")
    return tuple(dict.fromkeys(w for v in values if (w := text_of(v)))) or None


def _concept(value: object) -> Concept | None:
    if not isinstance(value, dict):
        return None
    name = text_of(value.get("name"))
    identifier = text_of(value.get("identifier")) or ""
    scheme, _, code = identifier.rpartition(":")
    if not (scheme and code):  # no scheme, or nothing after the colon
        scheme, code = "", identifier
    uri = uri_of(value.get("url"))
    if not (name or code or uri):
        return None
    return Concept(name=name, code=code or None, scheme=scheme or None, uri=uri)


_GENRE_TYPES = ARTICLE_TYPES - {"NewsArticle"}


def _genres(node: Node, _: _Lose) -> tuple[Concept, ...] | None:
    if "genre" not in node.node and not is_a(node.node, _GENRE_TYPES):
        return None  # most articles: a NewsArticle, no genre
    kinds = types_of(node.node) & _GENRE_TYPES
    genres = [type_genre(kind) for kind in sorted(kinds)]
    for value in node.values("genre"):
        text = text_of(value)
        if text:
            genres.append(Concept(uri=text) if uri_of(text) else Concept(name=text))
    return tuple(genres) or None


def _picture(value: object) -> Image | None:
    if isinstance(value, str):
        return Image(url=value) if uri_of(value) else None
    if not isinstance(value, dict):
        return None
    url = uri_of(text_of(value.get("url")) or text_of(value.get("contentUrl")))
    caption = text_of(value.get("caption"))
    if url is None and caption is None:
        return None
    return Image(
        url=url,
        caption=caption,
        credit=text_of(value.get("creditText")),
        width=_pixels(value.get("width")),
        height=_pixels(value.get("height")),
    )


def _pixels(value: object) -> int | None:
    """A size in pixels: 800, "800" or "800px"; anything else is no size."""
    text = text_of(value)
    digits = text.removesuffix("px") if text else ""
    return int(digits) if digits.isdigit() and int(digits) > 0 else None


def _body(node: Node, lose: _Lose) -> Body | None:
    """
    The body of ``articleBody``'s text: a paragraph for each.

    Markup some pages put in the text (``<b>TEGUCIGALPA.-</b>``) is taken
    out, keeping its words, and reported.
    """
    text = node.text("articleBody")
    if text is None:
        return None
    tagged = _tagged(text)
    if tagged:
        lose("articleBody", "markup in the text removed, its words kept")
    paragraphs = _paragraphs(text, tagged=tagged)
    return Body.from_paragraphs(*paragraphs) if paragraphs else None


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a plain text: blank lines part them; markup in them is taken out."""
    return _paragraphs(text, tagged=_tagged(text))


def _tagged(text: str) -> bool:
    """Whether a text holds a tag; most hold no "<", which ``in`` finds in C with memchr."""
    return "<" in text and _TAG.search(text) is not None


def _paragraphs(text: str, *, tagged: bool) -> list[str]:
    """As :func:`paragraphs_of`, told whether the text holds a tag."""
    paragraphs = [stripped for p in _PARAGRAPH_BREAK.split(text) if (stripped := p.strip())]
    if tagged and any(_TAG.search(p) for p in paragraphs):
        paragraphs = [t for p in paragraphs if (t := _without_markup(p))]
    return paragraphs


_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def _without_markup(paragraph: str) -> str:
    text = lxml_html.fragment_fromstring(paragraph, create_parent="div").text_content()
    return " ".join(text.split())


_QUOTATION = frozenset({"Quotation"})


def _quote(value: object) -> Quotation | None:
    if not isinstance(value, dict) or not is_a(value, _QUOTATION):
        return None
    text = text_of(value.get("text"))
    if text is None:
        return None
    creator = _agent_of(value.get("creator"))
    spoken_by = _agent_of(value.get("spokenByCharacter"))
    return Quotation(text=text, speaker=creator or spoken_by)


#: The mapping, in the order its losses are reported: the properties a row
#: reads (it runs if the node has one), the field it gives, and how.
_MAPPING: tuple[tuple[frozenset[str], str, _Row], ...] = (
    (frozenset({"@id"}), "id", _identifier),
    (frozenset({"headline", "name"}), "headline", _headline),
    (
        frozenset({"alternativeHeadline"}),
        "alternative_headline",
        _text_field("alternativeHeadline"),
    ),
    (frozenset({"description"}), "summary", _text_field("description")),
    (frozenset({"url", "mainEntityOfPage"}), "canonical_url", _canonical_url),
    (frozenset({"datePublished"}), "published", _time_field("datePublished")),
    (frozenset({"dateModified"}), "modified", _time_field("dateModified")),
    (frozenset({"dateCreated"}), "created", _time_field("dateCreated")),
    (
        frozenset({"author", "creator", "contributor", "editor", "translator", "creditText"}),
        "bylines",
        _bylines,
    ),
    (frozenset({"dateline", "locationCreated"}), "dateline", _dateline),
    (frozenset({"inLanguage"}), "language", _language),
    (frozenset({"articleSection"}), "sections", _each_field("articleSection", _section)),
    (frozenset({"keywords"}), "keywords", _keywords),
    (frozenset({"about"}), "subjects", _each_field("about", _concept)),
    (frozenset({"@type", "type", "genre"}), "genres", _genres),
    (frozenset({"image"}), "images", _each_field("image", _picture)),
    (frozenset({"publisher"}), "publisher", _organization_field("publisher")),
    (frozenset({"sourceOrganization"}), "provider", _organization_field("sourceOrganization")),
    (frozenset({"copyrightHolder"}), "copyright_holder", _copyright_holder),
    (frozenset({"copyrightNotice"}), "copyright_notice", _text_field("copyrightNotice")),
    (frozenset({"articleBody"}), "body", _body),
    (frozenset({"hasPart"}), "quotations", _each_field("hasPart", _quote)),
)
#: The row of each property the mapping reads.
_ROW_OF = {key: row for row, (keys, _, _) in enumerate(_MAPPING) for key in keys}
#: The properties read or knowingly ignored: any other is a loss.
_KNOWN = frozenset(_READ | _IGNORED)
