"""
Reading ninjs of any version (1.x, 2.x, 3.x and their dialects), liberally.

See :mod:`newsmodel.formats.ninjs` for what is read from where.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from lxml import html as lxml_html

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel import validators
from newsmodel._lowlevel.validators import fit_for_xml
from newsmodel.conversion import Loss, NonArticle, Reading, Unreadable, article_of
from newsmodel.errors import FieldError
from newsmodel.formats.credits import is_credit_line, is_login
from newsmodel.formats.dates import extended_offset
from newsmodel.formats.json.converter import RFC3339
from newsmodel.formats.ninjs.bodies import HTML_TYPES, read_body
from newsmodel.formats.ninjs.versions import normalise
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
    PubStatus,
    Quotation,
    QuotationKind,
    Section,
    Span,
    TextPart,
)

if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = [
    "article_from",
    "loads",
    "read",
    "read_document",
    "read_fields",
    "read_items",
]

_T = TypeVar("_T")
_P = ParamSpec("_P")
_PATH_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "
#: What reading one ninjs object gives.
Item = Reading | NonArticle | Unreadable
_READ = {
    "uri", "guid", "type", "version", "headlines", "bodies", "descriptions", "by",
    "bylines", "slugline", "ednote", "language", "urgency", "firstcreated", "versioncreated",
    "contentcreated", "embargoed", "pubstatus", "copyrightholder", "copyrightnotice",
    "usageterms", "located", "subjects", "genres", "people", "organisations", "keywords",
    "infosources", "altids", "associations", "links", "service", "standard", "authors",
    "representationtype", "profile",
}  # fmt: skip
_ROLES = {role.value: role for role in ContributorRole}
_URGENCIES = frozenset(range(1, 10))
_STATUSES = {status.value: status for status in PubStatus}
# Looked up in a dict; the enum's own lookup, for its error, only when missing.
_PARTS = {part.value: part for part in TextPart}
_KINDS = {kind.value: kind for kind in QuotationKind}


def loads(data: str | bytes, /, *, lossless: bool = False) -> Article:
    """
    Read the article of a ninjs document of any version.

    Args:
        data: The document.
        lossless: Raise :class:`~newsmodel.errors.LossyConversionError`
            instead of leaving out what the model cannot hold.
    """
    return article_of(read(data), lossless=lossless)


def read(data: str | bytes) -> Reading:
    """
    Read the article of a ninjs document of any version.

    Raises:
        ParseError: The document is not JSON.
        NotAnArticleError: It is a picture, a video, a package...
        StructureError: It has no headline, or is not a ninjs object.
    """
    (item,) = read_items(data)
    if not isinstance(item, Reading):
        raise item.error()
    return item


def read_items(data: str | bytes, /) -> Iterator[Item]:
    """Read the ninjs object of a document, or each of an array; keys lower-cased as parsed."""
    document, fit_for_xml = strict_json.parse_document(data, lower_keys=True)
    return _read_objects(document, keys_lowered=True, fit_for_xml=fit_for_xml)


def read_document(document: object, *, keys_lowered: bool = False) -> Iterator[Item]:
    """Read parsed ninjs (an object, or an array of them), its keys in lower case if said so."""
    return _read_objects(document, keys_lowered=keys_lowered, fit_for_xml=False)


def _read_objects(document: object, *, keys_lowered: bool, fit_for_xml: bool) -> Iterator[Item]:
    """Each object, not searched for unfit strings if the parser found none."""
    objects = document if isinstance(document, list) else [document]
    for index, value in enumerate(objects):
        where = f"$[{index}]" if isinstance(document, list) else "$"
        yield _read_object(value, where, keys_lowered=keys_lowered, fit_for_xml=fit_for_xml)


def _read_object(value: object, where: str, *, keys_lowered: bool, fit_for_xml: bool) -> Item:
    if not isinstance(value, dict):
        return Unreadable(
            where=where, reason=f"expected a ninjs object, got {type(value).__name__}"
        )
    node = normalise(value, keys_lowered=keys_lowered)
    kind = node.get("type", "text")
    guid = node.get("uri") or node.get("guid")
    if kind != "text":
        return NonArticle(kind=str(kind), guid=guid if isinstance(guid, str) else None, where=where)
    losses = (
        []
        if fit_for_xml
        else [
            Loss(where=path, what=strict_json.UNFIT_FOR_XML)
            for path in strict_json.strings_unfit_for_xml(value, where)
        ]
    )
    article = article_from(read_fields(node, losses, where), losses, where)
    if article is None:
        return Unreadable(where=where, reason="the object has no headline")
    return Reading(article=article, losses=tuple(losses))


def article_from(fields: dict[str, Any], losses: list[Loss], where: str) -> Article | None:
    """
    Build the article, leaving out a field that does not fit the others.

    A quotation whose span no longer points at its words (the feed's headline
    had spaces around it, say) is such a field: it is reported, not fatal.
    """
    fields = dict(fields)
    headline = fields.pop("headline", None)
    while headline is not None:
        try:
            return Article(headline=headline, **fields)
        except FieldError as error:
            name = error.field.partition("[")[0]
            if name not in fields:
                raise
            losses.append(Loss(where=f"{where}.{name}", what=error.message))
            del fields[name]
    return None


def read_fields(node: dict[str, Any], losses: list[Loss], where: str = "$") -> dict[str, Any]:
    """
    The article fields of a normalised ninjs object, by name.

    The mapping is a table (:data:`_MAPPING`): a row is run only if the
    object has one of its keys, and the rows of the keys it has are found
    in C; most objects have half of those the reader knows.
    """

    def lose(key: str, what: str) -> None:
        losses.append(Loss(where=f"{where}.{key}", what=what))

    keys = node.keys()
    unknown = keys - _READ
    if unknown:
        for key in sorted(unknown):
            lose(key, "not held by the model")
    fields: dict[str, Any] = {}
    # The rows of the keys present, found in C, run in the table's order.
    for row in sorted(set(map(_ROW_OF.__getitem__, keys & _ROW_OF.keys()))):
        _MAPPING[row][1](node, fields, lose)
    # Not "value != ()": a model object answers that through two comparisons that
    # decline; whether it is true is answered at once.
    return {
        key: value
        for key, value in fields.items()
        if value is not None and (value or value.__class__ is not tuple)
    }


#: How a loss is reported: the key, and what was lost.
_Lose = Callable[[str, str], None]


def _identifier(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    uri = node.get("uri") or node.get("guid")
    if _is_uri(uri):
        fields["id"] = uri
    elif uri is not None:
        lose("uri", f"{uri!r} is not a URI")


def _version(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
    version = str(node["version"])
    fields["version"] = int(version) if version.isdigit() and int(version) > 0 else None


def _headlines(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
    # Each with its text: the main one (or the first) and the first other one.
    headlines = [(h, t) for h in _entries(node, "headlines") if (t := _text(h.get("value")))]
    if len(headlines) == 1:  # most objects
        fields["headline"] = headlines[0][1]
    elif headlines:
        main = next((h for h in headlines if h[0].get("role") in (None, "main")), headlines[0])
        fields["headline"] = main[1]
        fields["alternative_headline"] = next(h[1] for h in headlines if h is not main)


def _body(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    try:
        fields["body"] = read_body(node, lose)
    except (FieldError, ValueError) as error:
        lose("bodies", str(error))


def _time_field(key: str, field: str) -> Callable[[dict[str, Any], dict[str, Any], _Lose], None]:
    def read_time(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
        fields[field] = _time(node[key], lose, key)

    return read_time


def _text_field(key: str, field: str) -> Callable[[dict[str, Any], dict[str, Any], _Lose], None]:
    def read_text(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
        fields[field] = _text(node[key])

    return read_text


def _status(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
    status = node["pubstatus"]
    fields["pub_status"] = _STATUSES.get(status) if isinstance(status, str) else None


def _urgency(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
    urgency = node["urgency"]
    if isinstance(urgency, int | float) and not isinstance(urgency, bool):
        fields["urgency"] = int(urgency) if urgency in _URGENCIES else None


def _rights(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
    holder = _text(node.get("copyrightholder"))
    fields["copyright_holder"] = Organization(name=holder) if holder else None
    fields["copyright_notice"] = _text(node.get("copyrightnotice"))
    terms = node.get("usageterms")
    fields["usage_terms"] = _text(
        "\n".join(t for t in terms if isinstance(t, str)) if isinstance(terms, list) else terms
    )


def _language(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    language = _text(node["language"])
    if language and validators.LANGUAGE_TAG.match(language):
        fields["language"] = language
    elif language:
        lose("language", f"{language!r} is not a BCP 47 tag")


def _located(node: dict[str, Any], fields: dict[str, Any], _: _Lose) -> None:
    located = _text(node["located"])
    fields["dateline"] = Dateline(place=Place(name=located)) if located else None


def _genres(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    fields["genres"] = tuple(
        c for g in _entries(node, "genres") if (c := _one(lose, "genres", _concept_of, g))
    )


def _one(
    lose: _Lose, key: str, build: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs
) -> _T | None:
    """What *build* makes of the arguments, or ``None``, its refusal reported under *key*."""
    try:
        return build(*args, **kwargs)
    except (FieldError, ValueError) as error:
        lose(key, str(error))
        return None


def _is_uri(value: object) -> bool:
    """Whether *value* is an absolute URI, as the model's validator decides."""
    return isinstance(value, str) and validators.URI_FOR_PYTHON.fullmatch(value) is not None


def _entries(node: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects of an array, for reading only: the array itself when it holds nothing else."""
    value = node.get(key)
    if not isinstance(value, list):
        return []
    for item in value:
        if not isinstance(item, dict):
            return [v for v in value if isinstance(v, dict)]
    return value


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if value.isprintable() or fit_for_xml(value):  # most texts: nothing to remove
        return value.strip() or None
    text = validators.NOT_XML.sub("", value).strip()
    return text or None


def _plain(entry: dict[str, Any]) -> str | None:
    """The text of a headline or description, its markup removed if it has any."""
    value = _text(entry.get("value"))
    if value and str(entry.get("contenttype", "")).lower() in HTML_TYPES:
        value = _text(lxml_html.fragment_fromstring(value, create_parent="div").text_content())
    return value


def _summary(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    summary = None
    for entry in _entries(node, "descriptions"):
        if entry.get("role") in (None, "summary", "text", "abstract") and summary is None:
            summary = _plain(entry)
        else:
            lose("descriptions", f"a description with the role {entry.get('role')!r}")
    fields["summary"] = summary


def _time(value: object, lose: _Lose, key: str) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    text = extended_offset(text)
    if RFC3339.match(text) is None:
        lose(key, f"{text!r} is not a date-time with a UTC offset")
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        lose(key, str(error))
        return None


def _bylines(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    fields["bylines"] = _printed_bylines(node, lose)


def _printed_bylines(node: dict[str, Any], lose: _Lose) -> tuple[Byline, ...]:
    contributors, credit_lines = _contributors(node, lose)
    by = node.get("by")
    texts: list[object] = [by] if isinstance(by, str) else []
    if "bylines" in node:
        texts += [b.get("by") for b in _entries(node, "bylines")]
    printed = []
    for given in texts:
        text = _text(given)
        if not text:
            continue
        if is_login(text):
            lose("by", f"{text!r} is a login, not a printed credit")
        else:
            printed.append(text)
    if printed and credit_lines:
        lose("people", "credit lines, not people: " + ", ".join(map(repr, credit_lines)))
    printed = printed or credit_lines
    if not printed:
        return (Byline(contributors=tuple(contributors)),) if contributors else ()
    first = Byline(text=printed[0], contributors=tuple(contributors))
    return (first, *[Byline(text=t) for t in printed[1:]]) if len(printed) > 1 else (first,)


def _contributors(
    node: dict[str, Any], lose: Callable[[str, str], None]
) -> tuple[list[Contributor], list[str]]:
    """
    The people and organisations who made the article, and credits that name no one.

    A person's name that is a login (``powell.robin``) or a credit line
    (``futurezone/KN``, ``Foto: dpa``) is not a person: a login is reported,
    a credit line kept as the printed byline when there is none.
    """
    contributors, credit_lines, others = [], [], 0
    for key in ("people", "organisations", "authors"):
        if key not in node:
            continue
        for entry in _entries(node, key):
            name = _text(entry.get("name"))
            role = _ROLES.get(str(entry.get("rel", entry.get("role", ""))).lower())
            if name is None or role is None:
                others += 1  # someone the article is about, not one of its makers
                continue
            if key != "organisations" and is_login(name):
                lose(key, f"{name!r} is a login, not a person")
                continue
            if key != "organisations" and is_credit_line(name):
                credit_lines.append(name)
                continue
            uri = entry.get("uri") if isinstance(entry.get("uri"), str) else None
            agent = _one(lose, key, _agent, key, name, uri)
            if agent is not None:
                contributors.append(Contributor(agent=agent, role=role))
    if others:
        lose("people", f"{others} people or organisations the article is about")
    return contributors, credit_lines


def _agent(key: str, name: str, uri: str | None) -> Person | Organization:
    return (
        Organization(name=name, uri=uri) if key == "organisations" else Person(name=name, uri=uri)
    )


def _subjects(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    sections: list[Section] = []
    keywords: list[str] = []
    subjects: list[Concept] = []
    for entry in _entries(node, "subjects"):
        rel = entry.get("rel")
        name = _text(entry.get("name"))
        try:
            if rel == "section" and name:
                path = tuple([s for p in name.split(_PATH_SEPARATOR) if (s := p.strip())])
                uri = entry.get("uri")
                sections.append(
                    Section(
                        path=path,
                        code=_text(entry.get("literal")),
                        url=uri if isinstance(uri, str) else None,
                    )
                )
            elif rel == "keyword" and name:
                keywords.append(name)
            elif concept := _concept_of(entry):
                subjects.append(concept)
        except (FieldError, ValueError) as error:
            lose("subjects", str(error))
    for entry in _entries(node, "service"):  # Superdesk's services are its sections
        name = _text(entry.get("name"))
        if name:
            sections.append(Section(path=(name,), code=_text(entry.get("code"))))
    words = node.get("keywords")
    if isinstance(words, list):
        keywords += [w for w in words if isinstance(w, str) and w.strip()]
    fields["sections"] = tuple(sections)
    fields["keywords"] = tuple(dict.fromkeys([k.strip() for k in keywords]))
    fields["subjects"] = tuple(subjects)


def _concept_of(entry: dict[str, Any]) -> Concept | None:
    name = _text(entry.get("name"))
    literal = _text(entry.get("literal")) or _text(entry.get("code")) or ""
    scheme, _, code = literal.rpartition(":")
    if not (scheme and code):
        scheme, code = "", literal
    uri = entry.get("uri") if _is_uri(entry.get("uri")) else None
    if not (name or code or uri):
        return None
    return Concept(name=name, code=code or None, scheme=scheme or None, uri=uri)


def _sources(node: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for entry in _entries(node, "infosources"):
        name = _text(entry.get("name"))
        role = entry.get("role")
        uri = entry.get("uri") if _is_uri(entry.get("uri")) else None
        if name and role in ("publisher", "provider"):
            found.setdefault(role, Organization(name=name, uri=uri))
    return found


def _canonical(node: dict[str, Any]) -> str | None:
    candidates = [
        a.get("value") for a in _entries(node, "altids") if a.get("role") == "canonical-url"
    ]
    candidates += [
        link.get("href") for link in _entries(node, "links") if link.get("rel") == "canonical"
    ]
    return next((c for c in candidates if _is_uri(c)), None)


def _associations(node: dict[str, Any], fields: dict[str, Any], lose: _Lose) -> None:
    images, quotations = [], []
    for entry in _entries(node, "associations"):
        try:
            if entry.get("rel") == "quotation" or entry.get("profile") == "quotation":
                if quotation := _quotation_of(entry):
                    quotations.append(quotation)
            elif entry.get("type") == "picture":
                if image := _image_of(entry):
                    images.append(image)
            else:
                what = f"an associated {entry.get('type', 'item')} {entry.get('name')!r}"
                lose("associations", what)
        except (FieldError, ValueError) as error:
            lose("associations", str(error))
    fields["images"] = tuple(images)
    fields["quotations"] = tuple(quotations)


def _descriptions(entry: dict[str, Any]) -> dict[str, str]:
    return {
        str(d.get("role")): d["value"]
        for d in _entries(entry, "descriptions")
        if isinstance(d.get("value"), str)
    }


def _image_of(entry: dict[str, Any]) -> Image | None:
    renditions = _entries(entry, "renditions")
    href = next((r.get("href") for r in renditions if isinstance(r.get("href"), str)), None)
    rendition = next((r for r in renditions if r.get("href") == href), {})
    described = _descriptions(entry)
    caption = _text(described.get("caption"))
    url = href if _is_uri(href) else None
    if url is None and caption is None:
        return None
    size = {k: v for k in ("width", "height") if isinstance(v := rendition.get(k), int) and v > 0}
    return Image(
        url=url, caption=caption, credit=_text(entry.get("by")), alt=described.get("alt"), **size
    )


def _quotation_of(entry: dict[str, Any]) -> Quotation | None:
    bodies = _entries(entry, "bodies")
    text = bodies[0].get("value") if bodies else None
    if not isinstance(text, str) or not text.strip():
        return None
    speakers: list[Person | Organization] = [
        kind(name=e["name"], uri=e.get("uri"))
        for key, kind in (("people", Person), ("organisations", Organization))
        for e in _entries(entry, key)
        if isinstance(e.get("name"), str)
    ]
    described = _descriptions(entry)
    span = None
    if "span" in described:
        part, start, end = described["span"].rsplit(":", 2)
        span = Span(start=int(start), end=int(end), part=_PARTS.get(part) or TextPart(part))
    kind = described.get("kind", "full")
    return Quotation(
        text=text,
        kind=_KINDS.get(kind) or QuotationKind(kind),
        speaker=speakers[0] if speakers else None,
        speaker_mention=described.get("mention"),
        cue=described.get("cue"),
        span=span,
    )


#: The mapping, in the order its losses are reported: the keys a row reads
#: (it runs if the object has one), and how it reads them into the fields.
_MAPPING: tuple[
    tuple[frozenset[str], Callable[[dict[str, Any], dict[str, Any], _Lose], None]], ...
] = (
    (frozenset({"uri", "guid"}), _identifier),
    (frozenset({"version"}), _version),
    (frozenset({"headlines"}), _headlines),
    (frozenset({"descriptions"}), _summary),
    (frozenset({"bodies"}), _body),
    (frozenset({"firstcreated"}), _time_field("firstcreated", "published")),
    (frozenset({"versioncreated"}), _time_field("versioncreated", "modified")),
    (frozenset({"contentcreated"}), _time_field("contentcreated", "created")),
    (frozenset({"embargoed"}), _time_field("embargoed", "embargo")),
    (frozenset({"pubstatus"}), _status),
    (frozenset({"urgency"}), _urgency),
    (frozenset({"copyrightholder", "copyrightnotice", "usageterms"}), _rights),
    (frozenset({"ednote"}), _text_field("ednote", "editorial_note")),
    (frozenset({"slugline"}), _text_field("slugline", "slugline")),
    (frozenset({"language"}), _language),
    (frozenset({"located"}), _located),
    (frozenset({"by", "bylines", "people", "organisations", "authors"}), _bylines),
    (frozenset({"subjects", "service", "keywords"}), _subjects),
    (frozenset({"genres"}), _genres),
    (frozenset({"infosources"}), lambda node, fields, _: fields.update(_sources(node))),
    (
        frozenset({"altids", "links"}),
        lambda node, fields, _: fields.update(canonical_url=_canonical(node)),
    ),
    (frozenset({"associations"}), _associations),
)
#: The row of each key the mapping reads.
_ROW_OF = {key: row for row, (keys, _) in enumerate(_MAPPING) for key in keys}
