"""
Writing an article as a schema.org JSON-LD node; see :mod:`newsmodel.formats.jsonld`.
"""

from __future__ import annotations

import html
from typing import Any

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel.validators import URI_FOR_PYTHON
from newsmodel.conversion import Loss, Writing
from newsmodel.errors import LossyConversionError
from newsmodel.formats.jsonld.losses import credited, lost
from newsmodel.formats.jsonld.terms import CONTEXT, schema_type
from newsmodel.model import (
    Article,
    Concept,
    Image,
    Organization,
    Person,
    Place,
    Quotation,
    QuotationKind,
)

__all__ = [
    "dumps",
    "write",
]


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

    A field is lost when what reading the document back gives (worked out
    from the mapping by :func:`~newsmodel.formats.jsonld.losses.lost`)
    differs from it.
    """
    document = _document(article)
    text = strict_json.dumps(document)
    if "&" in text:  # only then can a text read as an HTML entity
        text = strict_json.dumps(_kept_literal(document))
    text += "\n"
    losses = tuple(
        Loss(
            where=f"$.{name}",
            what="JSON-LD holds only part of it" if partly else "JSON-LD has no place for it",
        )
        for name, partly in lost(article)
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
        decoded = (
            "&" in value and not URI_FOR_PYTHON.fullmatch(value) and html.unescape(value) != value
        )
        return value.replace("&", "&amp;") if decoded else value
    if isinstance(value, dict):
        return {key: _kept_literal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_kept_literal(item) for item in value]
    return value


def _document(article: Article) -> dict[str, Any]:
    genres = [g for g in article.genres if not schema_type(g)]
    types = [t for g in article.genres if (t := schema_type(g))]
    node: dict[str, Any] = {"@context": CONTEXT, "@type": types[0] if types else "NewsArticle"}
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


def _credits(node: dict[str, Any], article: Article) -> None:
    """The byline as printed, and its people, each under the property of their role."""
    _put(node, "creditText", next((b.text for b in article.bylines if b.text), None))
    for role, people in credited(article.bylines).items():
        node[role.value] = [_agent(agent) for agent in people]


def _put(node: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        node[key] = value


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
