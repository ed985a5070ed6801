"""
What reading a written JSON-LD document gives back, worked out from the mapping.

The writer reports its losses from this, without reading its own output: for
each field JSON-LD cannot always hold whole, the value the reader returns for
what the writer wrote, derived from the article alone.  A property test reads
written documents back with the real reader and holds it equal to this, so
the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from newsmodel._lowlevel import validators
from newsmodel.formats.jsonld.reader import paragraphs_of, person_name, section_of
from newsmodel.formats.jsonld.terms import schema_type, type_genre
from newsmodel.formats.trimmed import trimmed, trimmed_organization
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
)

__all__ = ["ROLES", "comes_back", "credited"]

#: The byline roles schema.org has a property for, in the order they are written.
ROLES = (
    ContributorRole.AUTHOR,
    ContributorRole.CONTRIBUTOR,
    ContributorRole.EDITOR,
    ContributorRole.TRANSLATOR,
)


def comes_back(article: Article) -> dict[str, Any]:
    """
    Each field's value after writing *article* as JSON-LD and reading it.

    Fields JSON-LD always keeps whole (identifier, times, language, address)
    are left out.
    """
    body = article.body
    return {
        "version": None,
        "headline": article.headline.strip(),
        "alternative_headline": trimmed(article.alternative_headline),
        "slugline": None,
        "summary": trimmed(article.summary),
        "sections": tuple(section_of(str(section)) for section in article.sections),
        "bylines": _bylines(article),
        "dateline": _dateline(article.dateline),
        "embargo": None,
        "urgency": None,
        "pub_status": None,
        "genres": _genres(article.genres),
        "subjects": tuple(_subject(subject) for subject in article.subjects),
        "keywords": tuple(dict.fromkeys(keyword.strip() for keyword in article.keywords)),
        "publisher": trimmed_organization(article.publisher),
        "provider": trimmed_organization(article.provider),
        "copyright_holder": _agent(article.copyright_holder),
        "copyright_notice": trimmed(article.copyright_notice),
        "usage_terms": None,
        "images": tuple(_image(image) for image in article.images if image.url),
        "body": None if body is None else _body(body),
        "quotations": tuple(
            Quotation(text=q.text.strip(), speaker=_agent(q.speaker))
            for q in article.quotations
            if q.kind is not QuotationKind.TERM
        ),
        "boilerplate": (),
        "editorial_note": None,
    }


def _agent(agent: Person | Organization | None) -> Person | Organization | None:
    """A person comes back without a leading "By", an organisation as it was."""
    if not isinstance(agent, Person):
        return trimmed_organization(agent)
    return Person(
        name=person_name(agent.name.strip()),
        uri=agent.uri,
        title=trimmed(agent.title),
        affiliation=trimmed_organization(agent.affiliation),
    )


def credited(article: Article, role: ContributorRole) -> list[Person | Organization]:
    """Who is written under *role*: schema.org's editor is a Person."""
    agents = [c.agent for b in article.bylines for c in b.contributors if c.role is role]
    if role is ContributorRole.EDITOR:
        return [agent for agent in agents if isinstance(agent, Person)]
    return agents


def _bylines(article: Article) -> tuple[Byline, ...]:
    """
    One byline: the first printed text (``creditText``) and everyone with a role schema.org names.
    """
    contributors = tuple(
        Contributor(agent=_agent(agent), role=role)  # type: ignore[arg-type]
        for role in ROLES
        for agent in credited(article, role)
    )
    printed = trimmed(next((b.text for b in article.bylines if b.text), None))
    if printed is None:
        return (Byline(contributors=contributors),) if contributors else ()
    return (Byline(text=printed, contributors=contributors),)


def _dateline(dateline: Dateline | None) -> Dateline | None:
    if dateline is None:
        return None
    place = dateline.place
    return Dateline(
        text=trimmed(dateline.text),
        place=None if place is None else Place(name=place.name.strip(), uri=place.uri),
    )


def _genres(genres: tuple[Concept, ...]) -> tuple[Concept, ...]:
    """
    The first schema.org type among the genres (as the node's type), then the rest.

    ``NewsArticle`` is the type of an article without one, so it says nothing;
    other genres come back as their address, or else their name or code.
    """
    types = [name for genre in genres if (name := schema_type(genre))]
    back = [type_genre(types[0])] if types and types[0] != "NewsArticle" else []
    for genre in genres:
        if schema_type(genre) is None:
            text = (genre.uri or genre.name or genre.code or "").strip()
            back.append(Concept(uri=text) if validators.URI.match(text) else Concept(name=text))
    return tuple(back)


def _subject(concept: Concept) -> Concept:
    """A subject's scheme and code come back split at the identifier's last colon."""
    identifier = ""
    if concept.code is not None:
        identifier = f"{concept.scheme}:{concept.code}" if concept.scheme else concept.code
    scheme, _, code = identifier.strip().rpartition(":")
    if not (scheme and code):
        scheme, code = "", identifier.strip()
    return Concept(
        name=trimmed(concept.name), code=code or None, scheme=scheme or None, uri=concept.uri
    )


def _image(image: Image) -> Image:
    """An image with an address, without its alt text."""
    return Image(
        url=image.url,
        caption=trimmed(image.caption),
        credit=trimmed(image.credit),
        width=image.width,
        height=image.height,
    )


def _body(body: Body) -> Body:
    """A body comes back as a paragraph for each paragraph of its text."""
    back = Body.from_paragraphs(*paragraphs_of(body.text))
    return body if back == body else back
