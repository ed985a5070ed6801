"""
What reading a written JSON-LD document gives back, worked out from the mapping.

The writer reports its losses from this, without reading its own output: for
each field JSON-LD cannot always hold whole, the value the reader returns for
what the writer wrote, derived from the article alone.  A property test reads
written documents back with the real reader and holds it equal to this, so
the two cannot drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmodel._lowlevel.validators import URI_FOR_PYTHON
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

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["BACK", "ROLES", "comes_back", "credited", "lost"]

#: The byline roles schema.org has a property for, in the order they are written.
ROLES = (
    ContributorRole.AUTHOR,
    ContributorRole.CONTRIBUTOR,
    ContributorRole.EDITOR,
    ContributorRole.TRANSLATOR,
)
_ROLES = frozenset(ROLES)


def comes_back(article: Article) -> dict[str, Any]:
    """
    Each field's value after writing *article* as JSON-LD and reading it.

    Fields JSON-LD always keeps whole (identifier, times, language, address)
    are left out.
    """
    return {name: back(getattr(article, name)) for name, back in BACK.items()}


def lost(article: Article) -> Iterator[tuple[str, bool]]:
    """
    The fields of *article* that do not come back whole, and whether any of each comes back.

    A field at its default (``None``, ``()``) comes back as it is, so only
    the fields the article fills are worked out: most articles fill a third.
    """
    for name, back in BACK.items():
        value = getattr(article, name)
        if value is None or value == ():
            continue
        returned = back(value)
        if returned != value:
            yield name, returned is not None and returned != ()


def _nothing(_: object) -> None:
    """What comes back of a field JSON-LD has no place for."""


def _agent(agent: Person | Organization | None) -> Person | Organization | None:
    """A person comes back without a leading "By", an organisation as it was."""
    if not isinstance(agent, Person):
        return trimmed_organization(agent)
    name, title = person_name(agent.name.strip()), trimmed(agent.title)
    affiliation = trimmed_organization(agent.affiliation)
    if (name, title, affiliation) == (agent.name, agent.title, agent.affiliation):
        return agent  # comes back as it is: not made and checked again
    return Person(name=name, uri=agent.uri, title=title, affiliation=affiliation)


def credited(bylines: tuple[Byline, ...]) -> dict[ContributorRole, list[Person | Organization]]:
    """
    Who is written under each of :data:`ROLES`, in one pass over the bylines.

    schema.org's editor is a Person; a role no one holds is left out.
    """
    agents: dict[ContributorRole, list[Person | Organization]] = {}
    for byline in bylines:
        for contributor in byline.contributors:
            agent, role = contributor.agent, contributor.role
            if role in _ROLES and (role is not ContributorRole.EDITOR or isinstance(agent, Person)):
                agents.setdefault(role, []).append(agent)
    return {role: agents[role] for role in ROLES if role in agents}


def _bylines(bylines: tuple[Byline, ...]) -> tuple[Byline, ...]:
    """
    One byline: the first printed text (``creditText``) and everyone with a role schema.org names.
    """
    contributors = tuple(
        Contributor(agent=_agent(agent), role=role)  # type: ignore[arg-type]
        for role, agents in credited(bylines).items()
        for agent in agents
    )
    printed = trimmed(next((b.text for b in bylines if b.text), None))
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
            back.append(Concept(uri=text) if URI_FOR_PYTHON.fullmatch(text) else Concept(name=text))
    return tuple(back)


def _subject(concept: Concept) -> Concept:
    """A subject's scheme and code come back split at the identifier's last colon."""
    identifier = ""
    if concept.code is not None:
        identifier = f"{concept.scheme}:{concept.code}" if concept.scheme else concept.code
    scheme, _, code = identifier.strip().rpartition(":")
    if not (scheme and code):
        scheme, code = "", identifier.strip()
    name = trimmed(concept.name)
    if (name, code or None, scheme or None) == (concept.name, concept.code, concept.scheme):
        return concept  # comes back as it is: not made and checked again
    return Concept(name=name, code=code or None, scheme=scheme or None, uri=concept.uri)


def _image(image: Image) -> Image:
    """An image with an address, without its alt text."""
    return Image(
        url=image.url,
        caption=trimmed(image.caption),
        credit=trimmed(image.credit),
        width=image.width,
        height=image.height,
    )


def _body(body: Body | None) -> Body | None:
    """A body comes back as a paragraph for each paragraph of its text."""
    if body is None:
        return None
    back = Body.from_paragraphs(*paragraphs_of(body.text))
    return body if back == body else back


#: What comes back of each field JSON-LD may not hold whole, from the field's value.
BACK: dict[str, Callable[[Any], Any]] = {
    "version": _nothing,
    "headline": str.strip,
    "alternative_headline": trimmed,
    "slugline": _nothing,
    "summary": trimmed,
    "sections": lambda sections: tuple(section_of(str(section)) for section in sections),
    "bylines": _bylines,
    "dateline": _dateline,
    "embargo": _nothing,
    "urgency": _nothing,
    "pub_status": _nothing,
    "genres": _genres,
    "subjects": lambda subjects: tuple(_subject(subject) for subject in subjects),
    "keywords": lambda keywords: tuple(dict.fromkeys(keyword.strip() for keyword in keywords)),
    "publisher": trimmed_organization,
    "provider": trimmed_organization,
    "copyright_holder": _agent,
    "copyright_notice": trimmed,
    "usage_terms": _nothing,
    "images": lambda images: tuple(_image(image) for image in images if image.url),
    "body": _body,
    "quotations": lambda quotations: tuple(
        Quotation(text=q.text.strip(), speaker=_agent(q.speaker))
        for q in quotations
        if q.kind is not QuotationKind.TERM
    ),
    "boilerplate": lambda _: (),
    "editorial_note": _nothing,
}
