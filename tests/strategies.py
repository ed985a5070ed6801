"""Hypothesis strategies for the model: one place, as attrs keeps its own."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, TypeVar

from hypothesis import strategies as st

from conftest import SEED_JSON, SHARED
from newsmodel._lowlevel.validators import LANGUAGE_TAG, NOT_XML, TEXT, URI
from newsmodel.formats import json as native_json
from newsmodel.formats import ninjs
from newsmodel.model import (
    Agent,
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
    PubStatus,
    Quotation,
    QuotationKind,
    Section,
    Span,
    TextPart,
)

# Every character a model string may hold: no surrogates, nothing XML 1.0 refuses.
_characters = st.characters(codec="utf-8").filter(lambda c: TEXT.match(c) is not None)

texts = st.text(_characters, max_size=30)
non_empty_texts = st.text(_characters, min_size=1, max_size=30).filter(str.strip)
# URI's pattern allows what XML cannot carry (U+FFFE); the model refuses it.
uris = st.from_regex(URI, fullmatch=True).filter(lambda uri: NOT_XML.search(uri) is None)
language_tags = st.from_regex(LANGUAGE_TAG, fullmatch=True)

# RFC 3339 offsets are whole minutes; Python allows less than a day either way.
_offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
datetimes = st.datetimes(
    min_value=datetime(1, 1, 2),  # noqa: DTZ001 - bounds of a naive strategy
    max_value=datetime(9999, 12, 30),  # noqa: DTZ001
    timezones=st.one_of(st.just(UTC), _offsets),
)


T = TypeVar("T")


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _tuples(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=3).map(tuple)


organizations = st.builds(Organization, name=non_empty_texts, uri=_optional(uris))
persons = st.builds(
    Person,
    name=non_empty_texts,
    uri=_optional(uris),
    title=_optional(non_empty_texts),
    affiliation=_optional(organizations),
)
agents: st.SearchStrategy[Agent] = persons | organizations
contributors = st.builds(Contributor, agent=agents, role=st.sampled_from(ContributorRole))
bylines = st.builds(Byline, text=non_empty_texts, contributors=_tuples(contributors)) | st.builds(
    Byline, contributors=_tuples(contributors).filter(bool)
)
sections = st.builds(
    Section,
    path=st.lists(non_empty_texts, min_size=1, max_size=3).map(tuple),
    code=_optional(non_empty_texts),
    url=_optional(uris),
)
concepts = st.builds(
    Concept,
    name=non_empty_texts,
    code=_optional(non_empty_texts),
    uri=_optional(uris),
) | st.builds(Concept, code=non_empty_texts, scheme=_optional(non_empty_texts))
places = st.builds(Place, name=non_empty_texts, uri=_optional(uris))
datelines = st.builds(Dateline, text=non_empty_texts, place=_optional(places)) | st.builds(
    Dateline, place=places
)
images = st.builds(
    Image,
    url=uris,
    caption=_optional(non_empty_texts),
    credit=_optional(non_empty_texts),
    alt=_optional(texts),
    width=_optional(st.integers(min_value=1, max_value=10_000)),
    height=_optional(st.integers(min_value=1, max_value=10_000)),
) | st.builds(Image, caption=non_empty_texts)
bodies = st.lists(non_empty_texts, min_size=1, max_size=4).map(
    lambda paragraphs: Body.from_paragraphs(*paragraphs)
)


@st.composite
def _quotation_in(draw: st.DrawFn, source: str, part: TextPart) -> Quotation:
    """A quotation whose span points at words that really are in *source*."""
    start = draw(st.integers(min_value=0, max_value=len(source) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=len(source)))
    words = source[start:end]
    if not words.strip():
        return _free_quotation(draw, words="quoted")
    kind = draw(st.sampled_from(QuotationKind))
    speaking = kind is not QuotationKind.TERM
    return Quotation(
        text=words,
        kind=kind,
        speaker=draw(_optional(agents)) if speaking else None,
        speaker_mention=draw(_optional(non_empty_texts)) if speaking else None,
        cue=draw(_optional(non_empty_texts)),
        span=Span(start=start, end=end, part=part),
    )


def _free_quotation(draw: st.DrawFn, words: str) -> Quotation:
    return Quotation(text=words, speaker=draw(_optional(agents)))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Any valid article, its quotations pointing into its own text."""
    headline = draw(non_empty_texts)
    summary = draw(_optional(non_empty_texts))
    body = draw(_optional(bodies))
    parts = {TextPart.HEADLINE: headline, TextPart.SUMMARY: summary}
    if body is not None:
        parts[TextPart.BODY] = body.text
    placed = [
        st.sampled_from([p for p, text in parts.items() if text]).flatmap(
            lambda part: _quotation_in(parts[part] or "", part)
        ),
        st.builds(Quotation, text=non_empty_texts, speaker=_optional(agents)),
    ]
    return Article(
        id=draw(_optional(uris)),
        version=draw(_optional(st.integers(min_value=1, max_value=2**40))),
        headline=headline,
        alternative_headline=draw(_optional(non_empty_texts)),
        slugline=draw(_optional(non_empty_texts)),
        summary=summary,
        sections=draw(_tuples(sections)),
        bylines=draw(_tuples(bylines)),
        dateline=draw(_optional(datelines)),
        language=draw(_optional(language_tags)),
        created=draw(_optional(datetimes)),
        modified=draw(_optional(datetimes)),
        published=draw(_optional(datetimes)),
        embargo=draw(_optional(datetimes)),
        urgency=draw(_optional(st.integers(min_value=1, max_value=9))),
        pub_status=draw(_optional(st.sampled_from(PubStatus))),
        genres=draw(_tuples(concepts)),
        subjects=draw(_tuples(concepts)),
        keywords=draw(_tuples(non_empty_texts)),
        publisher=draw(_optional(organizations)),
        provider=draw(_optional(organizations)),
        copyright_holder=draw(_optional(agents)),
        copyright_notice=draw(_optional(non_empty_texts)),
        usage_terms=draw(_optional(non_empty_texts)),
        canonical_url=draw(_optional(uris)),
        images=draw(_tuples(images)),
        body=body,
        quotations=draw(_tuples(st.one_of(*placed))),
        boilerplate=draw(_tuples(non_empty_texts)),
        editorial_note=draw(_optional(non_empty_texts)),
    )


def json_documents() -> list[Any]:
    """The seed in native JSON and ninjs 2 and 3, the corpus's ninjs and IPTC's ninjs suite."""
    seed = native_json.loads(SEED_JSON.read_bytes())
    found = [json.loads(SEED_JSON.read_bytes())]
    found += [json.loads(ninjs.VERSION_2.dumps(seed)), json.loads(ninjs.VERSION_3.dumps(seed))]
    paths = sorted((SHARED / "corpus" / "ninjs").glob("*.json"))
    paths += sorted((SHARED / "ref" / "ninjs" / "test_suite").glob("*/*/*.json"))
    for path in paths:
        try:
            found.append(json.loads(path.read_text(encoding="utf-8-sig")))
        except ValueError:
            continue  # IPTC's suite has should_fail files that are not JSON
    return found


def _nodes(document: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every object and array in *document*."""
    if isinstance(document, dict):
        children = list(document.items())
    elif isinstance(document, list):
        children = list(enumerate(document))
    else:
        return []
    return [path] + [found for key, value in children for found in _nodes(value, (*path, key))]


# Copied on each draw: a later mutation must not change the strategy's own values.
_VALUES = st.sampled_from(
    [None, 0, -1.5, True, "", "x", "\ufeff", "2024-01-01", [], {}, ["x"], {"a": 1}]
).map(copy.deepcopy)


@st.composite
def mutated(draw: st.DrawFn, documents: list[Any]) -> Any:
    """One of *documents* with a key removed, a value replaced or a key added, a few times over."""
    document = copy.deepcopy(draw(st.sampled_from(documents)))
    for _ in range(draw(st.integers(1, 3))):
        nodes = _nodes(document)
        if not nodes:
            break
        path = draw(st.sampled_from(nodes))
        node = document
        for step in path:
            node = node[step]
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        change = draw(st.sampled_from(["drop", "replace", "add"]))
        if change == "add" or not keys:
            if isinstance(node, dict):
                node[draw(st.sampled_from(["zz", "type", "uri", "1"]))] = draw(_VALUES)
            else:
                node.append(draw(_VALUES))
        elif change == "drop":
            del node[draw(st.sampled_from(keys))]
        else:
            node[draw(st.sampled_from(keys))] = draw(_VALUES)
    return document
