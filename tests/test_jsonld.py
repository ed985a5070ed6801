"""schema.org JSON-LD: real pages read, written markup valid and honest."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from unittest.mock import patch

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import newsmodel
from conftest import SEED_JSON, SHARED, json_error, need, when
from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import Reading
from newsmodel.errors import LossyConversionError, ParseError, StructureError
from newsmodel.formats import html as htmlpage
from newsmodel.formats import json as native_json
from newsmodel.formats import jsonld
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
from strategies import articles

CORPUS = SHARED / "corpus" / "jsonld"
VOCABULARY = SHARED / "ref" / "schemaorg" / "schemaorg-current-https-30.0.jsonld"
PROFILE = Draft202012Validator(
    json.loads(
        (Path(__file__).parent.parent / "schemas" / "newsmodel-jsonld.schema.json").read_text()
    ),
    format_checker=Draft202012Validator.FORMAT_CHECKER,
)
WHEN = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


# ---- the vocabulary check ---------------------------------------------------------


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """schema.org's classes with their superclasses, and properties with their domains."""
    graph = json.loads(need(VOCABULARY).read_text())["@graph"]

    def names(value: Any) -> set[str]:
        values = value if isinstance(value, list) else [value] if value else []
        return {v["@id"].removeprefix("schema:") for v in values if isinstance(v, dict)}

    parents = {
        n["@id"].removeprefix("schema:"): names(n.get("rdfs:subClassOf"))
        for n in graph
        if "rdfs:Class" in (n["@type"] if isinstance(n["@type"], list) else [n["@type"]])
    }
    domains = {
        n["@id"].removeprefix("schema:"): names(n.get("schema:domainIncludes"))
        for n in graph
        if n["@type"] == "rdf:Property"
    }
    return parents, domains


def ancestors(kind: str) -> set[str]:
    parents, _ = vocabulary()
    found, stack = set(), [kind]
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(parents.get(current, ()))
    return found


def vocabulary_problems(node: Any, path: str = "$") -> list[str]:
    """Every type and property newsmodel wrote must exist and fit its node."""
    parents, domains = vocabulary()
    problems: list[str] = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            problems += vocabulary_problems(item, f"{path}[{index}]")
        return problems
    if not isinstance(node, dict):
        return problems
    kind = node.get("@type")
    if kind not in parents:
        problems.append(f"{path}: {kind!r} is not a schema.org type")
        return problems
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in domains:
            problems.append(f"{path}.{key}: not a schema.org property")
        elif not domains[key] & ancestors(kind):
            problems.append(f"{path}.{key}: not a property of {kind}")
        problems += vocabulary_problems(value, f"{path}.{key}")
    return problems


# ---- writing ----------------------------------------------------------------------


def rich_article() -> Article:
    """An article using every field JSON-LD has a term for."""
    body = Body.from_paragraphs("“We will build,” the mayor said.", "More later.")
    return Article(
        id="https://example.com/news/budget#article",
        headline="Council approves new budget",
        alternative_headline="Budget passes",
        summary="The council approved its budget.",
        canonical_url="https://example.com/news/budget",
        sections=(Section(path=("News", "Local")),),
        bylines=(
            Byline(
                contributors=(
                    Contributor(
                        agent=Person(
                            name="Ann Lee",
                            uri="https://example.com/staff/ann-lee",
                            title="City reporter",
                            affiliation=Organization(name="The Daily Example"),
                        )
                    ),
                    Contributor(agent=Person(name="Bo Kim"), role=ContributorRole.EDITOR),
                ),
            ),
        ),
        published=WHEN,
        modified=WHEN,
        created=WHEN,
        dateline=Dateline(text="SPRINGFIELD", place=Place(name="Springfield")),
        language="en-GB",
        keywords=("budget", "council, city"),
        subjects=(Concept(name="politics", code="20000621", scheme="medtop"),),
        genres=(Concept(name="OpinionNewsArticle", uri="https://schema.org/OpinionNewsArticle"),),
        images=(
            Image(url="https://example.com/a.jpg", caption="The mayor", width=1200, height=800),
        ),
        publisher=Organization(name="The Daily Example", uri="https://example.com/"),
        provider=Organization(name="Example Wire"),
        copyright_holder=Organization(name="The Daily Example"),
        copyright_notice="© 2026 The Daily Example",
        body=body,
        quotations=(Quotation(text="We will build,", speaker=Person(name="Jo Doe")),),
    )


def test_a_rich_article_is_written_with_schema_org_terms_and_read_back() -> None:
    article = rich_article()
    document = json.loads(jsonld.dumps(article))
    assert [] == [e.message for e in PROFILE.iter_errors(document)]
    assert "OpinionNewsArticle" == document["@type"]
    assert {"@type": "WebPage", "@id": "https://example.com/news/budget"} == document[
        "mainEntityOfPage"
    ]
    assert article == jsonld.loads(jsonld.dumps(article))
    assert () == jsonld.write(article).losses


def test_what_json_ld_cannot_hold_is_reported() -> None:
    article = attrs.evolve(
        rich_article(), urgency=3, slugline="BUDGET", boilerplate=("Follow us.",)
    )
    losses = {loss.where: loss.what for loss in jsonld.write(article).losses}
    assert {
        "$.urgency": "JSON-LD has no place for it",
        "$.slugline": "JSON-LD has no place for it",
        "$.boilerplate": "JSON-LD has no place for it",
    } == losses
    with pytest.raises(LossyConversionError, match=r"\$\.urgency"):
        jsonld.dumps(article, lossless=True)


def test_the_seed_example_loses_only_what_it_must() -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    writing = jsonld.write(seed)
    assert ["$.images", "$.quotations", "$.boilerplate"] == [loss.where for loss in writing.losses]
    document = json.loads(writing.text)
    assert 9 == len(document["hasPart"])  # the speakers' words; terms have no speaker
    back = jsonld.loads(writing.text)
    assert seed.body == back.body
    assert seed.sections == back.sections


@given(articles())
def test_generated_articles_are_valid_and_losses_are_exactly_what_differs(
    article: Article,
) -> None:
    writing = jsonld.write(article)
    document = json.loads(writing.text)
    assert [] == [e.message for e in PROFILE.iter_errors(document)]
    back = jsonld.read(writing.text).article
    differs = {
        f.name for f in attrs.fields(Article) if getattr(article, f.name) != getattr(back, f.name)
    }
    assert differs == {loss.where.removeprefix("$.") for loss in writing.losses}


@given(st.builds(rich_article) | st.just(native_json.loads(SEED_JSON.read_bytes())) | articles())
def test_written_markup_uses_schema_org_terms_where_they_belong(written: Article) -> None:
    """Every type and property must be schema.org's, on a type that may have it."""
    assert [] == vocabulary_problems(json.loads(jsonld.dumps(written)))


# ---- reading real pages ---------------------------------------------------------


def _corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.jsonld")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_every_corpus_file_reads_or_says_where_it_breaks(path: Path) -> None:
    if "_MALFORMED" in path.name:
        with pytest.raises(ParseError) as caught:
            jsonld.read(path.read_bytes())
        assert caught.value.line is not None
        assert caught.value.column is not None
    else:
        assert jsonld.read(path.read_bytes()).article.headline


FACTS = json.loads((Path(__file__).parent / "data" / "jsonld-facts.json").read_text())


@pytest.mark.parametrize("facts", FACTS, ids=lambda facts: facts["page"])
def test_facts_of_real_pages(facts: dict[str, Any]) -> None:
    """
    Headline, authors, section and publication time of twelve publishers' pages.

    The facts were copied by hand from the pages, the time exactly as the
    page writes it: it is compared as a time, parsed apart from the reader.
    """
    article = jsonld.read((need(CORPUS) / f"{facts['page']}.jsonld").read_bytes()).article
    assert facts["headline"] == article.headline
    assert facts["authors"] == [c.agent.name for b in article.bylines for c in b.contributors]
    assert facts["sections"] == [str(s) for s in article.sections]
    assert when(facts["published"]) == article.published


def test_the_article_node_is_picked_from_a_graph() -> None:
    need(CORPUS)
    document = json.loads((CORPUS / "caymancompass.com__prison_graph.jsonld").read_bytes())
    kinds = [node["@type"] for node in document["@graph"]]
    assert ["Organization", "WebSite", "ImageObject", "WebPage", "BreadcrumbList"] == kinds[:5]
    found = jsonld.find_article(document)
    assert not isinstance(found, str)
    assert ("$['@graph'][5]", "NewsArticle") == (found[1], found[0]["@type"])


def test_what_the_model_cannot_hold_is_a_loss() -> None:
    need(CORPUS)
    reading = jsonld.read((CORPUS / "faz.net__streaming.jsonld").read_bytes())
    losses = [str(loss) for loss in reading.losses]
    assert (
        "$.datePublished: 'Tue Jan 28 15:28:56 CET 2020' is not a date-time with a UTC offset"
        in losses
    )


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"@context": "https://schema.org", "@type": "WebPage", "name": "x"}, "found WebPage"),
        (
            [{"@type": "BreadcrumbList"}, {"@type": "Organization"}],
            "found BreadcrumbList, Organization",
        ),
        ({"@context": "https://schema.org", "@type": "NewsArticle"}, "no headline or name"),
    ],
)
def test_documents_without_an_article_say_what_they_hold(document: object, reason: str) -> None:
    with pytest.raises(StructureError, match=reason):
        jsonld.read(json.dumps(document))


def test_messy_but_common_markup_is_read() -> None:
    page = {
        "@context": {"@vocab": "http://schema.org/"},
        "@type": ["NewsArticle", "ReportageNewsArticle"],
        "headline": "Caf&eacute; &amp; bar  ",
        "author": ["By Jane Doe", {"@id": "#ann"}],
        "@graph": None,
        "datePublished": "2020-09-26T22:00:27+0100",
        "keywords": "one, two,three",
        "image": "https://example.com/pic.jpg",
        "articleBody": "First.\n\nSecond.",
    }
    del page["@graph"]
    document = {"@graph": [page, {"@id": "#ann", "@type": "Person", "name": "Ann Lee"}]}
    reading = jsonld.read(json.dumps(document))
    article = reading.article
    assert "Café & bar" == article.headline
    assert ["Jane Doe", "Ann Lee"] == [
        c.agent.name for b in article.bylines for c in b.contributors
    ]
    assert datetime(2020, 9, 26, 21, 0, 27, tzinfo=UTC) == article.published
    assert ("one", "two", "three") == article.keywords
    assert (Image(url="https://example.com/pic.jpg"),) == article.images
    assert Body.from_paragraphs("First.", "Second.") == article.body
    assert "ReportageNewsArticle" in [g.name for g in article.genres]
    assert () == reading.losses


# ---- HTML pages ---------------------------------------------------------------------

PAGE = b"""<!DOCTYPE html>
<html><head><title>A page</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebSite"}</script>
<script type="Application/LD+JSON; charset=utf-8">
{"@context": "https://schema.org",
 "@type": "NewsArticle", "headline": "Broken",}
</script>
<script type="application/ld+json">//<![CDATA[
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "The story",
 "datePublished": "2026-11-25T09:30:00+00:00"}
//]]></script>
</head><body><p>Text</p></body></html>
"""


def test_a_page_blocks_are_found_and_a_broken_one_is_named_by_line() -> None:
    found = htmlpage.blocks(PAGE)
    assert [(1, 3), (2, 4), (3, 8)] == [(b.number, b.line) for b in found]
    broken = found[1].error
    assert broken is not None
    block = PAGE.split(b"<script", 2)[2].split(b">", 1)[1].split(b"</script>")[0].decode()
    message, line, column = json_error(block)
    assert (4 + line - 1, column) == (broken.line, broken.column)  # the block starts on line 4
    assert f"block 2 is not JSON: {message}" == broken.message
    reading = htmlpage.read(PAGE)
    assert "The story" == reading.article.headline
    assert [f"line 6, column {broken.column}"] == [loss.where for loss in reading.losses]


TWO_ARTICLES = b"""<html><head>
<script type="application/ld+json">{"@type": "Article", "headline": "A", "headline": "B"}</script>
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@type": "NewsArticle", "headline": "First"},
            {"@type": "ReportageNewsArticle", "headline": "Second"}]}</script>
  <script type="application/ld+json">{"@type": "NewsArticle", headline: "C"}</script>
</head></html>"""


def test_every_article_of_a_page_is_read_and_each_bad_block_named_alone() -> None:
    items = list(htmlpage.read_items(TWO_ARTICLES))
    assert ["First", "Second"] == [i.article.headline for i in items if isinstance(i, Reading)]
    first = items[0]
    assert isinstance(first, Reading)
    bad_line = TWO_ARTICLES.splitlines()[5]
    column = bad_line.index(b"headline: ") + 1
    assert ["line 2", f"line 6, column {column}"] == [loss.where for loss in first.losses]
    assert "duplicate key 'headline'" in first.losses[0].what
    reading = htmlpage.read(TWO_ARTICLES)
    assert "First" == reading.article.headline
    assert "another article, left out: 'Second'" in reading.losses[-1].what


def test_a_second_article_of_a_document_is_reported_or_read() -> None:
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "One"},
            {"@type": "Article", "headline": "Two"},
        ],
    }
    reading = jsonld.read(json.dumps(document))
    assert "One" == reading.article.headline
    assert ["$['@graph'][1]"] == [loss.where for loss in reading.losses]
    items = list(jsonld.read_items(json.dumps(document)))
    assert ["One", "Two"] == [i.article.headline for i in items if isinstance(i, Reading)]


def test_a_page_without_an_article_is_unreadable() -> None:
    with pytest.raises(StructureError, match="no JSON-LD article among the page's 0 blocks"):
        htmlpage.read(b"<html><body><p>Nothing</p></body></html>")


def test_formats_are_detected() -> None:
    assert newsmodel.Format.HTML == newsmodel.detect(PAGE)
    assert newsmodel.Format.JSONLD == newsmodel.detect(b'{"@context": "https://schema.org"}')
    assert newsmodel.Format.JSONLD == newsmodel.detect(b"[{}]")
    assert newsmodel.Format.JSON == newsmodel.detect(b'{"headline": "h"}')


def test_validation_names_google_problems() -> None:
    page = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "x" * 120,
        "datePublished": "March 3, 1923",
        "dateModified": "2020-01-01T10:00:00",
        "author": [5, "Jane Doe", {"@type": "Person", "name": "Ann"}],
    }
    report = newsmodel.validate(json.dumps(page), newsmodel.Format.JSONLD)
    assert not report.ok
    assert [
        ("error", "$.datePublished", "expected an ISO 8601 date-time, got 'March 3, 1923'"),
        ("error", "$.author[0]", "expected a Person or Organization, got 5"),
    ] == [(i.severity.value, i.path, i.message) for i in report.errors]
    assert {
        ("$.headline", "120 characters: Google may cut it at 110"),
        ("$.dateModified", "'2020-01-01T10:00:00' has no time zone: Google will assume its own"),
        ("$.author[1]", "Google expects each author as a Person or Organization object"),
        ("$.author[2]", "Google recommends a 'url' (or 'sameAs') for each author"),
        ("$", "Google recommends an 'image'"),
    } == {(i.path, i.message) for i in report.issues if i.severity.value == "warning"}


def test_our_own_markup_passes_google_checks_without_errors() -> None:
    report = newsmodel.validate(jsonld.dumps(rich_article()), newsmodel.Format.JSONLD)
    assert report.ok
    assert [] == [i for i in report.issues if "recommends" in i.message]


def test_text_that_reads_as_html_entities_comes_back_as_it_was() -> None:
    # Pages' entities are decoded on reading (Tom &amp; Jerry); newsmodel's own
    # text that looks like one is written escaped, and URIs are never decoded.
    article = Article(
        headline="Tom & Jerry &amp; friends &#0",
        canonical_url="https://example.com/?a=1&#0",
        publisher=Organization(name="A &lt; B", uri="https://example.com/?x=&amp;"),
    )
    writing = jsonld.write(article)
    assert () == writing.losses
    assert article == jsonld.loads(writing.text)
    page = (
        '{"@type": "NewsArticle", "headline": "Tom &amp; Jerry", "url": "https://e.com/?a&amp;b"}'
    )
    read = jsonld.loads(page)
    assert ("Tom & Jerry", "https://e.com/?a&amp;b") == (read.headline, read.canonical_url)


# ---- reading with orjson and without ------------------------------------------------

# Values a page may hold where a text is expected: characters XML cannot carry
# (escaped, raw, as \b or \f), entities, references, lists, numbers.
_ODD_VALUES = st.sampled_from(
    [
        "a\u0007b",
        "\ufffe",
        "x\x08y",
        "\x0c",
        "By Ann Lee",
        "&amp; Co",
        "",
        3,
        None,
        ["x", ["y"]],
        {"@id": "#org"},
        {"@list": ["p", {"@value": "q\x01"}]},
        {"@type": "Person", "name": "Bo\x0b"},
    ]
)


@st.composite
def _pages_with_odd_values(draw: st.DrawFn) -> str:
    node = json.loads(jsonld.dumps(draw(articles())))
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from([*node, "author", "keywords", "zz", "about"]))
        node[key] = draw(_ODD_VALUES)
    graph = [node, {"@id": "#org", "@type": "Organization", "name": "Org\x07"}]
    document = {"@context": "https://schema.org", "@graph": graph} if draw(st.booleans()) else node
    return json.dumps(document, ensure_ascii=draw(st.booleans()))


@given(_pages_with_odd_values())
def test_a_page_reads_the_same_with_orjson_or_without(page: str) -> None:
    # With orjson the parser's own check stands in for the walk over every
    # string; the readings, losses included and in order, must not change.
    fast = repr(list(jsonld.read_items(page.encode())))
    with patch.object(strict_json, "_orjson", None):
        assert fast == repr(list(jsonld.read_items(page.encode())))


def test_characters_xml_cannot_carry_are_reported_where_they_were() -> None:
    page = (
        b'{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "a\\u0007b",'
        b' "description": "x\\by", "zz": "\xef\xbf\xbe", "articleBody": "P\\f q"}'
    )
    reading = jsonld.read(page)
    assert ("ab", "xy", "P q") == (
        reading.article.headline,
        reading.article.summary,
        reading.article.body and reading.article.body.text,
    )
    unfit = [loss.where for loss in reading.losses if "XML 1.0" in loss.what]
    assert sorted(["$.headline", "$.description", "$.zz", "$.articleBody"]) == sorted(unfit)
