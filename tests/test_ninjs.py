"""IPTC ninjs: every version read, 2.x and 3.x written valid and honest."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, validators
from referencing import Registry, Resource

import newsmodel
from conftest import SEED_JSON, SHARED, need, when
from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import NonArticle, Reading
from newsmodel.errors import FieldError, NotAnArticleError, ParseError
from newsmodel.formats import dates, newsml_g2, ninjs
from newsmodel.formats import json as native_json
from newsmodel.formats.ninjs import bodies, versions
from newsmodel.model import Article, Body
from strategies import articles

CORPUS = SHARED / "corpus" / "ninjs"
REF = SHARED / "ref" / "ninjs"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
OFFICIAL = {2: "ninjs-schema_2.3.json", 3: "ninjs-schema_3.2.json"}


@cache
def profile(major: int) -> Draft202012Validator:
    document = json.loads((SCHEMAS / f"newsmodel-ninjs{major}.schema.json").read_text())
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def official(major: int) -> Any:
    geojson = json.loads((need(REF) / "GeoJSON-schema.json").read_text())
    registry: Registry[Any] = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson)
    )
    document = json.loads((REF / OFFICIAL[major]).read_text())
    validator = validators.validator_for(document)
    return validator(document, registry=registry, format_checker=validator.FORMAT_CHECKER)


def assert_valid(text: str, major: int) -> None:
    """Valid against newsmodel's profile, which is in the checkout."""
    document = json.loads(text)
    assert [] == [e.message for e in profile(major).iter_errors(document)]


def differs(article: Article, back: Article) -> set[str]:
    return {
        f.name for f in attrs.fields(Article) if getattr(article, f.name) != getattr(back, f.name)
    }


@pytest.mark.parametrize("major", [2, 3])
def test_the_seed_is_valid_and_loses_only_what_ninjs_cannot_hold(major: int) -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    writing = ninjs.Ninjs(major).write(seed)
    assert_valid(writing.text, major)
    back = ninjs.read(writing.text).article
    assert differs(seed, back) == {loss.where.removeprefix("$.") for loss in writing.losses}
    # The quotations come back but for their speakers' titles and affiliations.
    assert [q.text for q in seed.quotations] == [q.text for q in back.quotations]
    assert [q.span for q in seed.quotations] == [q.span for q in back.quotations]
    assert {"id", "quotations", "boilerplate"} == differs(seed, back)


@pytest.mark.parametrize("major", [2, 3])
@given(article=articles())
def test_generated_articles_are_valid_and_losses_are_exactly_what_differs(
    major: int, article: Article
) -> None:
    writing = ninjs.Ninjs(major).write(article)
    assert_valid(writing.text, major)
    back = ninjs.read(writing.text).article
    assert differs(article, back) == {loss.where.removeprefix("$.") for loss in writing.losses}


@pytest.mark.parametrize("major", [2, 3])
@given(written=st.just(native_json.loads(SEED_JSON.read_bytes())) | articles())
def test_written_documents_are_valid_against_the_official_schema(
    major: int, written: Article
) -> None:
    document = json.loads(ninjs.Ninjs(major).dumps(written))
    assert [] == [e.message for e in official(major).iter_errors(document)]


def test_versions_are_told_apart() -> None:
    need(CORPUS)
    for path in CORPUS.glob("*_ninjs*.json"):
        expected = int(path.stem.rsplit("_ninjs", 1)[1][0])
        assert expected == ninjs.version_of(json.loads(path.read_bytes())), path.name


def _corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_every_corpus_file_reads_or_says_what_it_is(path: Path) -> None:
    (item,) = ninjs.read_items(path.read_bytes())
    if isinstance(item, NonArticle):
        assert item.kind in {"picture", "video", "composite"}
    else:
        assert isinstance(item, Reading)
        assert item.article.headline.strip()


def _without_unfit_paths(items: list[Any]) -> list[Any]:
    # Keys lower-cased by the parser name unfit characters' places in lower
    # case; every other loss names its key in lower case either way.
    return [
        attrs.evolve(item, losses=tuple(x for x in item.losses if "XML 1.0" not in x.what))
        if isinstance(item, Reading)
        else item
        for item in items
    ]


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_keys_lowered_by_the_parser_read_as_keys_lowered_after_it(path: Path) -> None:
    data = path.read_bytes()
    as_parsed = list(ninjs.read_items(data))
    copied = list(ninjs.read_document(strict_json.parse(data)))
    assert _without_unfit_paths(as_parsed) == _without_unfit_paths(copied)


@given(articles(), st.sampled_from([2, 3]))
def test_written_ninjs_reads_alike_however_its_keys_were_lowered(
    article: Article, major: int
) -> None:
    data = ninjs.Ninjs(major).dumps(article).encode()
    assert list(ninjs.read_items(data)) == list(ninjs.read_document(strict_json.parse(data)))


# Objects with lower-case keys: some of those normalise() renames or reshapes, or any.
_SHAPED_KEYS = st.sampled_from(
    [
        *("headline", "body", "body_html", "headline_extended", "person", "byline"),
        *("embargoeduntil", "associations", "renditions", "headlines", "bodies", "uri", "a_b"),
    ]
) | st.text(max_size=5).map(str.lower)
_VALUES = st.none() | st.text(max_size=3) | st.lists(st.integers(), max_size=2)
_OBJECTS = st.dictionaries(
    _SHAPED_KEYS, _VALUES | st.dictionaries(st.text(max_size=3), _VALUES, max_size=2), max_size=6
)


@given(_OBJECTS)
def test_objects_copied_whole_are_those_normalise_would_leave_as_they_are(
    node: dict[str, Any],
) -> None:
    # The shortcut for objects in 2.x's shape gives what looking at each key gives.
    assert versions.normalise(node, keys_lowered=True) == versions._reshaped(node)  # noqa: SLF001


def test_a_1x_text_beside_a_2x_key_that_is_no_array_is_read() -> None:
    # A body_html with "bodies": null beside it made normalise() fail on a None.
    reading = ninjs.read(b'{"headline": "H", "bodies": null, "body_html": "<p>Text</p>"}')
    assert reading.article.body == Body(html="<p>Text</p>")


_PIECES = [
    *("<p>", "</p>", "<b>", "</b>", '<a href="x?a=1&b=2">', '<a href="y">', "</a>", "<br/>"),
    *("<body>", "</body>", "<section>", "</section>", "<P>", "</P>", "<x:p>", "</x:p>"),
    *("&", "&nbsp;", "&amp;", "&lt;", "&#32;", "&#x41;", "&apos;", "&AMP;", "&#;"),
    *("<![CDATA[", "]]>", "<!--", "-->", "<?x ", "?>", "AT", "T", " ", "é"),
]
_TEXTS = st.lists(st.sampled_from(_PIECES[16:]), max_size=5).map("".join)


def _element(space: str, name: str, text: str, rest: str) -> str:
    return f"{space}<{name}>{text}</{name}>{rest}"


# Markup of any pieces, and markup that is one element around text (often a body).
_MARKUP = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join) | st.builds(
    _element,
    st.sampled_from(["", " ", "\n"]),
    st.sampled_from(["p", "h2", "div", "body", "section", "P", "x"]),
    _TEXTS,
    st.sampled_from(["", "<p>More</p>", "<p><![CDATA[AT&T]]></p>", "<!-- & -->"]),
)


@given(_MARKUP)
def test_markup_said_to_be_html_only_is_never_a_body(markup: str) -> None:
    # ninjs sends such HTML straight to the sanitiser, without trying it as a body.
    if bodies.html_only(markup):
        with pytest.raises(FieldError):
            Body(html=markup)


def test_only_refused_first_elements_and_undefined_references_make_markup_html_only() -> None:
    assert bodies.html_only("<body><p>Text</p></body>")
    assert bodies.html_only(' \n<section class="main"><p>Text</p></section>')
    assert not bodies.html_only("<p>Text</p><section/>")  # the parse and check decide
    assert not bodies.html_only('<h:p xmlns:h="http://www.w3.org/1999/xhtml">Text</h:p>')
    assert bodies.html_only("<p>Caf&eacute; &nbsp;</p>")
    assert bodies.html_only('<p><a href="/q?a=1&b=2">AT&T</a></p>')
    assert not bodies.html_only("<p>A &amp; B &#160; &#xA0; &lt;&gt;&quot;&apos;</p>")
    assert not bodies.html_only("<p><![CDATA[AT&T]]></p>")


@given(st.text(st.sampled_from([*"0123456789+-:TZ ", "\u0663", "\u00b2"]), max_size=12))
def test_a_basic_offset_is_made_extended_as_the_pattern_did(text: str) -> None:
    # The readers strip the dates they read: no line break ends one, where "$" differs.
    pattern = re.sub(r"([+\-]\d{2})(\d{2})$", r"\1:\2", text)
    assert dates.extended_offset(text) == (pattern if text[-5:-4] in ("+", "-") else text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-08-18T02:57:43+0000", "2017-08-18T02:57:43+00:00"),
        ("2017-08-18T02:57:43-0130", "2017-08-18T02:57:43-01:30"),
        ("2019-05-10T16:02:28+02:00", "2019-05-10T16:02:28+02:00"),
        ("2019-11-14T18:50:56Z", "2019-11-14T18:50:56Z"),
        ("x+01\u00b23", "x+01\u00b23"),  # "²" is a digit to isdigit(), not to "\d"
        ("x+01\u06630", "x+01:\u06630"),  # an Arabic-Indic three is a decimal digit
    ],
)
def test_basic_offsets_and_only_they_are_made_extended(text: str, expected: str) -> None:
    assert dates.extended_offset(text) == expected


def test_a_key_given_twice_in_two_cases_is_refused() -> None:
    with pytest.raises(ParseError, match="duplicate key 'headline'"):
        ninjs.read(b'{"headline": "One", "Headline": "Two"}')


FACTS = json.loads((Path(__file__).parent / "data" / "ninjs-facts.json").read_text())


@pytest.mark.parametrize("facts", FACTS, ids=lambda facts: facts["item"])
def test_facts_of_real_items(facts: dict[str, Any]) -> None:
    """
    Headline, byline, language, time and body's start of seven providers' items.

    The facts were copied by hand from the documents, the time exactly as
    written there (compared as a time, parsed apart from the reader);
    ``first`` is null only for an item that has no body.
    """
    article = ninjs.read((need(CORPUS) / f"{facts['item']}.json").read_bytes()).article
    assert article.headline.startswith(facts["headline"])
    assert facts["by"] == article.bylines[0].text
    assert facts["language"] == article.language
    assert when(facts["modified"]) == article.modified
    if facts["first"] is None:
        assert article.body is None
    else:
        assert article.body is not None
        assert article.body.text.startswith(facts["first"])


def test_pictures_and_videos_are_not_articles() -> None:
    need(CORPUS)
    with pytest.raises(NotAnArticleError, match="is a video, not an article"):
        ninjs.read((CORPUS / "ap__impeachment_video_ninjs21.json").read_bytes())


def test_body_html_is_sanitised_and_the_removal_reported() -> None:
    document = {
        "uri": "urn:x:1",
        "headlines": [{"role": "main", "value": "H"}],
        "bodies": [
            {
                "contenttype": "text/html",
                "value": "<p onclick='x()'>Hi<br>there</p><script>x()</script>",
            }
        ],
    }
    reading = ninjs.read(json.dumps(document))
    assert Body(html="<p>Hi<br/>there</p>") == reading.article.body
    assert ["markup removed: <script>, p@onclick"] == [loss.what for loss in reading.losses]


def test_escaped_body_html_gives_way_to_a_clean_body_text() -> None:
    escaped = "&lt;p&gt;Rain &amp;amp; wind.&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;"
    document = {"guid": "urn:x:1", "headline": "H", "body_html": escaped}
    assert (
        Body(html="<p>Rain &amp; wind.</p><p>More.</p>") == ninjs.loads(json.dumps(document)).body
    )
    document["body_text"] = "Rain & wind.\n\nMore."
    reading = ninjs.read(json.dumps(document))
    assert Body.from_paragraphs("Rain & wind.", "More.") == reading.article.body
    assert ["a body as text/html (its markup escaped) besides the one read"] == [
        loss.what for loss in reading.losses
    ]


def test_logins_are_not_people_and_credit_lines_are_printed_credits() -> None:
    document = {
        "uri": "urn:x:1",
        "headlines": [{"role": "main", "value": "H"}],
        "people": [
            {"name": "powell.robin", "rel": "author"},
            {"name": "Robin Powell", "rel": "author"},
            {"name": "Foto: dpa", "rel": "photographer"},
        ],
    }
    reading = ninjs.read(json.dumps(document))
    (byline,) = reading.article.bylines
    assert "Foto: dpa" == byline.text
    assert ["Robin Powell"] == [c.agent.name for c in byline.contributors]
    assert any("'powell.robin' is a login" in loss.what for loss in reading.losses)


def test_markup_survives_ninjs_and_newsml_g2() -> None:
    body = Body(html='<h2>Sub</h2><p>One <a href="https://x.org/">link</a>.</p><ul><li>a</li></ul>')
    article = Article(headline="H", id="urn:x:1", body=body)
    through_ninjs = ninjs.read(ninjs.VERSION_3.dumps(article)).article
    through_both = newsml_g2.read(newsml_g2.dumps(through_ninjs)).article
    assert body == through_ninjs.body == through_both.body


def _g2_text_items() -> list[Any]:
    corpus = SHARED / "corpus" / "newsml-g2"
    return [
        pytest.param(item.article, id=f"{path.name}[{n}]")
        for path in sorted(corpus.glob("*.xml")) if corpus.is_dir()
        for n, item in enumerate(newsml_g2.read_items(path.read_bytes()), 1)
        if isinstance(item, Reading)
    ]  # fmt: skip


@pytest.mark.parametrize("first", _g2_text_items())
def test_newsml_g2_through_ninjs_3_and_back_keeps_the_facts(first: Article) -> None:
    """NewsML-G2 → native → ninjs 3 → native → NewsML-G2: both items say the same."""
    writing = ninjs.VERSION_3.write(first)
    through = ninjs.read(writing.text).article
    second = newsml_g2.read(newsml_g2.dumps(through)).article
    lost = {loss.where.removeprefix("$.") for loss in writing.losses}
    kept = {f.name for f in attrs.fields(Article)} - lost
    assert {"headline", "body", "bylines", "language", "modified", "subjects"} <= kept
    assert {f: getattr(first, f) for f in kept} == {f: getattr(second, f) for f in kept}


def test_validate_checks_a_written_document_and_reads_an_old_one() -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    assert newsmodel.validate(ninjs.VERSION_2.dumps(seed), newsmodel.Format.NINJS).ok
    broken = json.loads(ninjs.VERSION_3.dumps(seed))
    broken["urgency"] = 12
    report = newsmodel.validate(json.dumps(broken), newsmodel.Format.NINJS)
    assert [("$.urgency", "12 is greater than the maximum of 9")] == [
        (i.path, i.message) for i in report.errors
    ]
