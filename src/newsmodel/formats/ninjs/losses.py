"""
What reading a written ninjs document gives back, worked out from the mapping.

The writer reports its losses from this, without reading its own output: for
each field ninjs cannot always hold whole, the value the reader returns for
what the writer wrote, derived from the article alone.  A property test reads
written documents back with the real reader and holds it equal to this, so
the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from attrs import evolve

from newsmodel.formats.credits import is_credit_line, is_login
from newsmodel.formats.identity import made_up_id
from newsmodel.formats.trimmed import trimmed, trimmed_organization
from newsmodel.model import (
    Article,
    Byline,
    Concept,
    Contributor,
    Dateline,
    Image,
    Organization,
    Person,
    Place,
    Quotation,
    Section,
    TextPart,
)

__all__ = ["comes_back"]

_PATH_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "


def comes_back(article: Article) -> dict[str, Any]:
    """
    Each field's value after writing *article* as ninjs and reading it.

    Fields ninjs always keeps whole (times, status, urgency, language, body,
    address) are left out.  Quotations come back only while their spans
    still point at their words in the texts that come back: the reader
    drops them otherwise, as it does for a feed whose headline was trimmed.
    """
    back: dict[str, Any] = {
        "id": article.id or made_up_id(article),
        "headline": article.headline.strip(),
        "alternative_headline": trimmed(article.alternative_headline),
        "slugline": trimmed(article.slugline),
        "summary": trimmed(article.summary),
        "sections": tuple(_section(section) for section in article.sections),
        "bylines": _bylines(article.bylines),
        "dateline": _dateline(article.dateline),
        "genres": tuple(_concept(genre) for genre in article.genres),
        "subjects": tuple(_concept(subject) for subject in article.subjects),
        "keywords": tuple(dict.fromkeys(keyword.strip() for keyword in article.keywords)),
        "publisher": trimmed_organization(article.publisher),
        "provider": trimmed_organization(article.provider),
        "copyright_holder": None
        if article.copyright_holder is None
        else Organization(name=article.copyright_holder.name.strip()),
        "copyright_notice": trimmed(article.copyright_notice),
        "usage_terms": trimmed(article.usage_terms),
        "images": tuple(_image(image) for image in article.images),
        "quotations": tuple(_quotation(quotation) for quotation in article.quotations),
        "boilerplate": (),
        "editorial_note": trimmed(article.editorial_note),
    }
    texts = {
        TextPart.HEADLINE: back["headline"],
        TextPart.SUMMARY: back["summary"],
        TextPart.BODY: article.body.text if article.body is not None else None,
    }
    for quotation in back["quotations"]:
        span = quotation.span
        if span is not None and (texts[span.part] or "")[span.start : span.end] != quotation.text:
            back["quotations"] = ()
            break
    return back


def _section(section: Section) -> Section:
    """A section's path is read back from its text, its code trimmed."""
    parts = str(section).strip().split(_PATH_SEPARATOR)
    return Section(
        path=tuple(p.strip() for p in parts if p.strip()),
        code=trimmed(section.code),
        url=section.url,
    )


def _bylines(bylines: tuple[Byline, ...]) -> tuple[Byline, ...]:
    """
    The first printed text, then the people, then the organisations.

    People and organisations come back with their names and addresses only;
    a "person" whose name is a login is lost, one whose name is a credit line
    comes back as the printed text when there is none.
    """
    contributors = [
        Contributor(agent=type(c.agent)(name=c.agent.name.strip(), uri=c.agent.uri), role=c.role)
        for b in bylines
        for c in b.contributors
    ]
    people = [c for c in contributors if isinstance(c.agent, Person)]
    credit_lines = [c.agent.name for c in people if _no_person(c.agent.name) == "credit line"]
    ordered = tuple(
        [c for c in people if not _no_person(c.agent.name)]
        + [c for c in contributors if isinstance(c.agent, Organization)]
    )
    text = next((b.text.strip() for b in bylines if b.text), None)
    printed = [text] if text and not is_login(text) else []
    printed = printed or credit_lines
    if not printed:
        return (Byline(contributors=ordered),) if ordered else ()
    return (Byline(text=printed[0], contributors=ordered), *(Byline(text=t) for t in printed[1:]))


def _no_person(name: str) -> str | None:
    """What the reader takes a person's name for when it names no one."""
    if is_login(name):
        return "login"
    return "credit line" if is_credit_line(name) else None


def _dateline(dateline: Dateline | None) -> Dateline | None:
    """``located`` is the place's name, or else the dateline's text; it comes back as a place."""
    if dateline is None:
        return None
    name = (dateline.place.name if dateline.place is not None else dateline.text or "").strip()
    return Dateline(place=Place(name=name)) if name else None


def _concept(concept: Concept) -> Concept:
    """A concept's scheme and code come back split at the literal's last colon."""
    literal = ""
    if concept.code is not None:
        literal = f"{concept.scheme}:{concept.code}" if concept.scheme else concept.code
    literal = literal.strip()
    scheme, _, code = literal.rpartition(":")
    if not (scheme and code):
        scheme, code = "", literal
    return Concept(
        name=trimmed(concept.name), code=code or None, scheme=scheme or None, uri=concept.uri
    )


def _image(image: Image) -> Image:
    """A picture's size is written with its address, so none without one."""
    kept = evolve(image, caption=trimmed(image.caption), credit=trimmed(image.credit))
    return kept if image.url is not None else evolve(kept, width=None, height=None)


def _quotation(quotation: Quotation) -> Quotation:
    """A speaker comes back with a name and an address only."""
    speaker = quotation.speaker
    if speaker is None:
        return quotation
    return evolve(quotation, speaker=type(speaker)(name=speaker.name, uri=speaker.uri))
