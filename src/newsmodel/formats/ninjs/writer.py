"""
Writing an article as ninjs 2.x or 3.x; see :mod:`newsmodel.formats.ninjs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import Loss, NonArticle, Reading, Unreadable, Writing
from newsmodel.errors import LossyConversionError
from newsmodel.formats.identity import made_up_id
from newsmodel.formats.ninjs.losses import comes_back
from newsmodel.formats.ninjs.reader import loads, read_items
from newsmodel.formats.ninjs.versions import lowered
from newsmodel.model import (
    Article,
    Concept,
    Image,
    Person,
    Quotation,
)

if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = [
    "VERSION_2",
    "VERSION_3",
    "Ninjs",
]

_CAMEL_CASE = 3  # the first major version with camelCase keys
# What a written document says it conforms to: the newest minor of its major.
_STANDARDS = {
    major: {
        "name": "ninjs",
        "version": minor,
        "schema": f"https://www.iptc.org/std/ninjs/ninjs-schema_{minor}.json",
    }
    for major, minor in ((2, "2.3"), (3, "3.2"))
}


class Ninjs:
    """
    The verbs of one major version of ninjs for writing; reading takes any.
    """

    def __init__(self, major: int) -> None:
        self.major = major

    def write(self, article: Article, /) -> Writing:
        """
        Write *article*, and say which of its fields ninjs could not hold.

        A field is lost when what reading the document back gives (worked
        out from the mapping by :func:`~newsmodel.formats.ninjs.losses.comes_back`)
        differs from it.
        """
        text = strict_json.dumps(_document(article, self.major)) + "\n"
        losses = tuple(
            Loss(where=f"$.{name}", what=_loss(name, value))
            for name, value in comes_back(article).items()
            if getattr(article, name) != value
        )
        return Writing(text=text, losses=losses)

    def dumps(self, article: Article, /, *, lossless: bool = False) -> str:
        """
        Write *article* as a ninjs document.

        Args:
            article: The article.
            lossless: Raise instead of leaving out what ninjs cannot hold.
        """
        writing = self.write(article)
        if lossless and writing.losses:
            raise LossyConversionError(tuple(str(loss) for loss in writing.losses))
        return writing.text

    def loads(self, data: str | bytes, /, *, lossless: bool = False) -> Article:
        """Read a ninjs document of any version; see :func:`loads`."""
        return loads(data, lossless=lossless)

    def read_items(self, data: str | bytes, /) -> Iterator[Reading | NonArticle | Unreadable]:
        """Read a ninjs document of any version; see :func:`read_items`."""
        return read_items(data)


VERSION_2 = Ninjs(2)
VERSION_3 = Ninjs(3)


def _loss(name: str, back: object) -> str:
    if name == "id":
        return "ninjs requires a uri: one was made from the article's content"
    return "ninjs has no place for it" if back in (None, ()) else "ninjs holds only part of it"


def _document(article: Article, major: int) -> dict[str, Any]:
    uri = article.id or made_up_id(article)
    node: dict[str, Any] = {"uri": uri, "standard": _STANDARDS[major]}
    node["type"] = "text"
    _put(node, "version", None if article.version is None else str(article.version))
    for key, when in (
        ("firstCreated", article.published),
        ("versionCreated", article.modified),
        ("contentCreated", article.created),
        ("embargoedUntil", article.embargo),
    ):
        _put(node, key, when.isoformat() if when else None)
    _put(node, "pubStatus", article.pub_status.value if article.pub_status else None)
    _put(node, "urgency", article.urgency)
    _put(
        node, "copyrightHolder", article.copyright_holder.name if article.copyright_holder else None
    )
    _put(node, "copyrightNotice", article.copyright_notice)
    _put(node, "usageTerms", article.usage_terms)
    _put(node, "edNote", article.editorial_note)
    _put(node, "language", article.language)
    headlines = [{"role": "main", "value": article.headline}]
    if article.alternative_headline is not None:
        headlines.append({"role": "alternative", "value": article.alternative_headline})
    node["headlines"] = headlines
    if article.summary is not None:
        node["descriptions"] = [
            {"role": "summary", "contentType": "text/plain", "value": article.summary}
        ]
    if article.body is not None:
        node["bodies"] = [{"role": "main", "contentType": "text/html", "value": article.body.html}]
    texts = [b.text for b in article.bylines if b.text]
    _put(node, "by", texts[0] if texts else None)
    _put(node, "slugline", article.slugline)
    if article.dateline is not None:  # the place, or else the dateline as printed
        place = article.dateline.place
        node["located"] = place.name if place is not None else article.dateline.text
    _credits(node, article)
    subjects = [
        *(
            {"name": str(s), "rel": "section", **_opt("literal", s.code), **_opt("uri", s.url)}
            for s in article.sections
        ),
        *({"name": k, "rel": "keyword"} for k in article.keywords),
        *(_concept(c, rel="about") for c in article.subjects),
    ]
    _put(node, "subjects", subjects or None)
    _put(node, "genres", [_concept(g) for g in article.genres] or None)
    sources = [
        {"name": o.name, "role": role, **_opt("uri", o.uri)}
        for role, o in (("publisher", article.publisher), ("provider", article.provider))
        if o is not None
    ]
    _put(node, "infoSources", sources or None)
    if article.canonical_url is not None:
        node["altIds"] = [{"role": "canonical-url", "value": article.canonical_url}]
    base = uri.partition("#")[0]  # an association's uri is the article's, with a fragment
    associations = [_picture(image, base, n) for n, image in enumerate(article.images, 1)]
    associations += [_quotation(q, base, n, major) for n, q in enumerate(article.quotations, 1)]
    _put(node, "associations", associations or None)
    return _for_version(node, major)


def _put(node: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        node[key] = value


def _opt(key: str, value: object) -> dict[str, Any]:
    return {} if value is None else {key: value}


def _credits(node: dict[str, Any], article: Article) -> None:
    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    for contributor in (c for b in article.bylines for c in b.contributors):
        agent = contributor.agent
        entry = {"name": agent.name, "rel": contributor.role.value, **_opt("uri", agent.uri)}
        (people if isinstance(agent, Person) else organisations).append(entry)
    _put(node, "people", people or None)
    _put(node, "organisations", organisations or None)


def _concept(concept: Concept, rel: str | None = None) -> dict[str, Any]:
    code = f"{concept.scheme}:{concept.code}" if concept.scheme else concept.code
    entry = {**_opt("name", concept.name), **_opt("rel", rel), **_opt("literal", code)}
    return entry | _opt("uri", concept.uri)


def _picture(image: Image, article_uri: str, number: int) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": f"picture-{number}",
        "uri": image.url or f"{article_uri}#picture-{number}",
        "type": "picture",
    }
    if image.url is not None:
        rendition = {"name": "original", "href": image.url}
        rendition |= _opt("width", image.width) | _opt("height", image.height)
        entry["renditions"] = [rendition]
    descriptions = [
        {"role": role, "value": value}
        for role, value in (("caption", image.caption), ("alt", image.alt))
        if value is not None
    ]
    _put(entry, "descriptions", descriptions or None)
    _put(entry, "by", image.credit)
    return entry


def _quotation(quotation: Quotation, article_uri: str, number: int, major: int) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": f"quotation-{number}",
        "uri": f"{article_uri}#quotation-{number}",
        "type": "text",
    }
    if major >= _CAMEL_CASE:
        entry["rel"] = "quotation"
    else:
        entry["profile"] = "quotation"  # a 2.x association has no rel
    entry["bodies"] = [{"contentType": "text/plain", "value": quotation.text}]
    speaker = quotation.speaker
    if speaker is not None:
        key = "people" if isinstance(speaker, Person) else "organisations"
        entry[key] = [{"name": speaker.name, "rel": "speaker", **_opt("uri", speaker.uri)}]
    descriptions = [{"role": "kind", "value": quotation.kind.value}]
    if quotation.span is not None:
        span = quotation.span
        descriptions.append({"role": "span", "value": f"{span.part.value}:{span.start}:{span.end}"})
    for role, value in (("cue", quotation.cue), ("mention", quotation.speaker_mention)):
        if value is not None:
            descriptions.append({"role": role, "value": value})
    entry["descriptions"] = descriptions
    return entry


def _for_version(node: dict[str, Any], major: int) -> dict[str, Any]:
    """3.x keys as they are; 2.x keys in lower case, ``embargoed`` as 2.x names it."""
    if major >= _CAMEL_CASE:
        return node
    older: dict[str, Any] = lowered(node)
    return older
