"""
What NewsML-G2's own elements give back of an article, worked out from the mapping.

The writer puts every field these elements cannot give back exactly in an
``nm:field`` extension element.  It decides which from this, without reading
its own item back: for each field, the value the reader takes from the
standard elements the writer writes, derived from the article alone.  A
property test reads written items without their extension elements and holds
the reader's values equal to this, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from newsmodel.formats.credits import is_credit_line, is_login
from newsmodel.model import (
    Agent,
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
    Section,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["PROJECTIONS", "QCODE", "code_attributes", "gives_back", "held", "one_line"]

#: What a QCode looks like: a scheme, a colon, a code, no white space.
QCODE = re.compile(r"[^\s:]+:\S+")
_LINE_BREAKS = re.compile(r"[\t\n\r]")
_Party = TypeVar("_Party", Person, Organization)


def one_line(text: str) -> str:
    """Names, keywords and sluglines hold no tab or line break in NewsML-G2."""
    return _LINE_BREAKS.sub(" ", text)


def code_attributes(concept: Concept) -> dict[str, str]:
    """The attributes that say a concept's code and address."""
    attributes = {}
    if concept.code is not None:
        qcode = f"{concept.scheme or 'code'}:{concept.code}"
        if QCODE.fullmatch(qcode):
            attributes["qcode"] = qcode
    if concept.uri is not None:
        attributes["uri"] = concept.uri
    if not attributes and concept.name is None and concept.code is not None:
        attributes["literal"] = one_line(concept.code)  # a code no QCode can hold
    return attributes


def gives_back(article: Article) -> dict[str, Any]:
    """
    Each field's value as the reader takes it from the standard elements.

    Fields the standard elements always give back whole (identifier,
    version, times, status, urgency, language, body) are left out, and so
    are quotations, which have extension elements of their own.
    """
    return {name: project(getattr(article, name)) for name, project in PROJECTIONS.items()}


def held(article: Article) -> Iterator[tuple[str, Any]]:
    """
    The fields, with their values, the standard elements do not give back exactly.

    A field at its default is never one: each projection gives the default
    back as it is, so it is not computed.
    """
    for name, project in PROJECTIONS.items():
        value = getattr(article, name)
        if value != _DEFAULTS[name] and project(value) != value:
            yield name, value


def _text(text: str | None) -> str | None:
    """What the reader takes from an element's text: trimmed, nothing if empty."""
    return None if text is None else text.strip() or None


def _line(text: str | None) -> str | None:
    return None if text is None else _text(one_line(text))


def _party(agent: Agent | None, kind: type[_Party]) -> _Party | None:
    """A person or organisation as *kind*, with its name and address only."""
    if agent is None:
        return None
    name = _line(agent.name)
    return None if name is None else kind(name=name, uri=agent.uri)


def _section(section: Section) -> Section:
    """A service's name is the whole path; its code a QCode, when it is one."""
    code = section.code if section.code is not None and QCODE.fullmatch(section.code) else None
    return Section(path=(_line(str(section)) or "",), code=code)


def _bylines(bylines: tuple[Byline, ...]) -> tuple[Byline, ...]:
    """
    The printed lines; the first holds every creator, then every contributor.

    A contributor comes back with the role the element's name and role say,
    as an organisation when it was written as one.
    """
    everyone = [c for byline in bylines for c in byline.contributors]
    contributors = tuple(
        back
        for contributing in (False, True)
        for c in everyone
        if (c.role is ContributorRole.CONTRIBUTOR) is contributing
        and (back := _contributor(c)) is not None
    )
    texts = [t for t in (_text(b.text) for b in bylines) if t]
    people = tuple(c for c in contributors if not _credit(c.agent))
    credit_lines = [c.agent.name for c in contributors if _credit(c.agent) == "credit line"]
    contributors = people
    if not texts and credit_lines:  # read as the printed credit
        texts = credit_lines
    if not texts:
        return (Byline(contributors=contributors),) if contributors else ()
    return (Byline(text=texts[0], contributors=contributors), *(Byline(text=t) for t in texts[1:]))


def _credit(agent: Agent) -> str | None:
    """What the reader takes a "person" for that is no person: a login or a credit line."""
    if isinstance(agent, Person) and is_login(agent.name):
        return "login"
    if isinstance(agent, Person) and is_credit_line(agent.name):
        return "credit line"
    return None


def _contributor(contributor: Contributor) -> Contributor | None:
    agent = contributor.agent
    party: Agent | None = (
        _party(agent, Organization) if isinstance(agent, Organization) else _party(agent, Person)
    )
    return None if party is None else Contributor(agent=party, role=contributor.role)


def _dateline(dateline: Dateline | None) -> Dateline | None:
    if dateline is None:
        return None
    place = dateline.place
    name = None if place is None else _line(place.name)
    text = _text(dateline.text)
    if place is None or name is None:
        return None if text is None else Dateline(text=text)
    return Dateline(text=text, place=Place(name=name, uri=place.uri))


def _concepts(concepts: tuple[Concept, ...]) -> tuple[Concept, ...]:
    return tuple(c for c in map(_concept, concepts) if c is not None)


def _concept(concept: Concept) -> Concept | None:
    """A concept as its QCode (split at the first colon), address and name give it back."""
    attributes = code_attributes(concept)
    scheme, _, code = attributes.get("qcode", "").partition(":")
    name = _line(concept.name) or attributes.get("literal")
    uri = attributes.get("uri")
    if not (name or code or uri):
        return None
    back = (name, code or None, scheme or None, uri)
    if back == (concept.name, concept.code, concept.scheme, concept.uri):
        return concept  # most come back whole: nothing to build and check again
    return Concept(name=back[0], code=back[1], scheme=back[2], uri=uri)


#: For each field the standard elements may not give back whole, what they give back of a value.
PROJECTIONS: dict[str, Callable[[Any], Any]] = {
    "headline": _text,
    "alternative_headline": _text,
    "slugline": _line,
    "summary": _text,
    "sections": lambda sections: tuple(map(_section, sections)),
    "bylines": _bylines,
    "dateline": _dateline,
    "genres": _concepts,
    "subjects": _concepts,
    "keywords": lambda keywords: tuple(k for k in map(_line, keywords) if k),
    "publisher": lambda _: None,
    "provider": lambda provider: _party(provider, Organization),
    "copyright_holder": lambda holder: _party(holder, Organization),
    "copyright_notice": _text,
    "usage_terms": _text,
    "canonical_url": lambda _: None,
    "images": lambda images: tuple(Image(url=image.url) for image in images if image.url),
    "boilerplate": lambda _: (),
    "editorial_note": _text,
}
_DEFAULTS = {field.name: field.default for field in attrs.fields(Article)}
