"""NewsML-G2: real feeds read, written items valid and read back equal."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsmodel
from conftest import SEED_JSON, SHARED, assert_memory_flat, need, when
from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import NonArticle, Reading, Unreadable
from newsmodel.errors import NotAnArticleError, ParseError
from newsmodel.formats import json as native_json
from newsmodel.formats import newsml_g2
from newsmodel.formats.newsml_g2 import names as g2_names
from newsmodel.model import Article, Body, Concept, PubStatus
from strategies import articles

CORPUS = SHARED / "corpus" / "newsml-g2"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
WRITTEN_AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False)


@cache
def _profile() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "newsmodel-newsml-g2.xsd"), _PARSER))


@cache
def _official() -> etree.XMLSchema:
    xsd = need(SHARED / "ref" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")
    return etree.XMLSchema(etree.parse(str(xsd), _PARSER))


def assert_valid(document: str) -> None:
    """Valid against newsmodel's profile, which is in the checkout."""
    tree = etree.fromstring(document.encode(), _PARSER)
    assert _profile().validate(tree), _profile().error_log


def items(name: str) -> list[Reading | NonArticle | Unreadable]:
    return list(newsml_g2.read_items((CORPUS / name).read_bytes()))


def article(name: str, index: int = 0) -> Article:
    item = items(name)[index]
    assert isinstance(item, Reading), item
    return item.article


def first_paragraph(a: Article) -> str:
    assert a.body is not None
    return a.body.text.split("\n\n")[0]


# ---- writing ------------------------------------------------------------


def test_seed_example_is_valid_and_reads_back_equal() -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    document = newsml_g2.dumps(seed, version_created=WRITTEN_AT)
    assert_valid(document)
    reading = newsml_g2.read(document)
    assert () == reading.losses
    assert seed == reading.article


@given(articles())
def test_every_article_is_valid_and_reads_back_equal(generated: Article) -> None:
    document = newsml_g2.dumps(generated, version_created=WRITTEN_AT)
    assert_valid(document)
    reading = newsml_g2.read(document)
    assert () == reading.losses
    assert generated == reading.article


NS = {"g": g2_names.NAR, "nm": g2_names.NM}


def _texts(tree: etree._Element, path: str) -> list[str]:
    """The texts of the elements at *path* that have any, ends stripped."""
    texts = ("".join(e.itertext()).strip() for e in tree.xpath(path, namespaces=NS))
    return [text for text in texts if text]


def _text(tree: etree._Element, path: str) -> str | None:
    return next(iter(_texts(tree, path)), None)


def _facts(tree: etree._Element) -> dict[str, object]:
    """What the standard elements of an item say, taken with XPath, field by field."""
    derived = (tree.get(f"{{{g2_names.NM}}}derived") or "").split()
    headlines = _texts(tree, "g:contentMeta/g:headline")
    tag = tree.xpath("string(g:contentMeta/g:language/@tag)", namespaces=NS)
    urgency = _text(tree, "g:contentMeta/g:urgency")
    version = tree.get("version")
    return {
        "id": None if "guid" in derived else tree.get("guid"),
        "version": int(version) if version else None,
        "headline": headlines[0],
        "alternative_headline": headlines[1] if len(headlines) > 1 else None,
        "slugline": _text(tree, "g:contentMeta/g:slugline"),
        "summary": _text(tree, "g:contentMeta/g:description"),
        "language": tag or None,
        "urgency": int(urgency) if urgency else None,
        "modified": None
        if "versionCreated" in derived
        else when(_text(tree, "g:itemMeta/g:versionCreated")),
        "published": when(_text(tree, "g:itemMeta/g:firstCreated")),
        "embargo": when(_text(tree, "g:itemMeta/g:embargoed")),
        "created": when(_text(tree, "g:contentMeta/g:contentCreated")),
        "editorial_note": _text(tree, "g:itemMeta/g:edNote"),
        "copyright_notice": _text(tree, "g:rightsInfo/g:copyrightNotice"),
        "usage_terms": _text(tree, "g:rightsInfo/g:usageTerms"),
        "keywords": tuple(_texts(tree, "g:contentMeta/g:keyword")),
    }


@given(articles())
def test_the_standard_elements_alone_are_read_as_they_say(generated: Article) -> None:
    """
    Without newsmodel's extension elements the reader has only NewsML-G2's to go by.

    What it reads must be what XPath finds in them; and a field the writer
    did not also hold in an ``nm:field`` must come back as it was.
    """
    tree = etree.fromstring(newsml_g2.dumps(generated, version_created=WRITTEN_AT).encode())
    held = set(tree.xpath("//nm:field/@name", namespaces=NS)) | {"quotations"}
    for extension in tree.xpath("//nm:*", namespaces=NS):
        extension.getparent().remove(extension)
    read = newsml_g2.read(etree.tostring(tree)).article
    facts = _facts(tree)
    assert facts == {name: getattr(read, name) for name in facts}
    kept = {f.name for f in attrs.fields(Article)} - held
    assert {f: getattr(generated, f) for f in kept} == {f: getattr(read, f) for f in kept}


@given(st.just(native_json.loads(SEED_JSON.read_bytes())) | articles())
def test_every_written_item_is_valid_against_the_official_schema(written: Article) -> None:
    tree = etree.fromstring(newsml_g2.dumps(written, version_created=WRITTEN_AT).encode(), _PARSER)
    assert _official().validate(tree), _official().error_log


def test_standard_elements_carry_what_they_can() -> None:
    """Consumers that ignore the extension still see the article."""
    seed = native_json.loads(SEED_JSON.read_bytes())
    tree = etree.fromstring(newsml_g2.dumps(seed, version_created=WRITTEN_AT).encode())
    ns = {"g": "http://iptc.org/std/nar/2006-10-01/", "h": "http://www.w3.org/1999/xhtml"}
    assert [seed.headline] == tree.xpath("//g:contentMeta/g:headline/text()", namespaces=ns)
    assert ["en"] == tree.xpath("//g:language/@tag", namespaces=ns)
    assert ["ninat:text"] == tree.xpath("//g:itemClass/@qcode", namespaces=ns)
    paragraphs = tree.xpath("//g:inlineXML/h:html/h:body/h:p", namespaces=ns)
    assert seed.body is not None
    assert seed.body.text.split("\n\n")[0] == paragraphs[0].text
    assert 10 == len(tree.xpath("//nm:quotation", namespaces={"nm": "urn:newsmodel:newsml-g2:1"}))


@pytest.mark.parametrize(
    ("attribute", "value", "loss"),
    [
        ("start", "x", "start: expected a whole number of 0 or more, got 'x'"),
        ("end", "-3", "end: expected a whole number of 0 or more, got '-3'"),
        ("part", "caption", "part: expected one of headline, summary, body, got 'caption'"),
        ("kind", "rumour", "kind: expected one of full, partial, term, got 'rumour'"),
    ],
)
def test_a_damaged_quotation_is_a_loss_not_a_crash(attribute: str, value: str, loss: str) -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    tree = etree.fromstring(newsml_g2.dumps(seed, version_created=WRITTEN_AT).encode())
    first = tree.xpath("//nm:quotation", namespaces=NS)[0]
    first.set(attribute, value)
    reading = newsml_g2.read(etree.tostring(tree))
    assert [loss] == [found.what for found in reading.losses]
    assert seed.quotations[1:] == reading.article.quotations


def _too_deep_or_not(text: str) -> str:
    """A deep field: refused by the parser, or parsed (Python 3.13) and refused as a value."""
    try:
        strict_json.parse(text)
    except ParseError:
        return "field 'boilerplate': nesting is too deep"
    return "field 'boilerplate': expected a string, got list @ $[0]"


DEEP = "[" * 5_000 + "]" * 5_000


@pytest.mark.parametrize(
    ("text", "loss"),
    [
        (DEEP, _too_deep_or_not(DEEP)),
        ("NaN", "field 'boilerplate': NaN is not a JSON number"),
        ('"a"', "field 'boilerplate': expected an array, got 'a' @ $"),
    ],
)
def test_a_damaged_held_field_is_a_loss_not_a_crash(text: str, loss: str) -> None:
    tree = etree.fromstring(newsml_g2.dumps(Article(headline="H", boilerplate=("x",))).encode())
    (held,) = tree.xpath("//nm:field", namespaces=NS)
    held.text = text
    reading = newsml_g2.read(etree.tostring(tree))
    assert [loss] == [found.what for found in reading.losses]
    assert () == reading.article.boilerplate


def test_made_up_values_are_marked_and_ignored() -> None:
    bare = Article(headline="Storm hits coast")
    tree = etree.fromstring(newsml_g2.dumps(bare, version_created=WRITTEN_AT).encode())
    assert "guid provider versionCreated" == tree.get("{urn:newsmodel:newsml-g2:1}derived")
    assert tree.get("guid", "").startswith("urn:uuid:")
    assert bare == newsml_g2.loads(etree.tostring(tree))


def test_the_guid_made_up_is_stable() -> None:
    bare = Article(headline="Storm hits coast")
    first = etree.fromstring(newsml_g2.dumps(bare).encode()).get("guid")
    assert first == etree.fromstring(newsml_g2.dumps(bare).encode()).get("guid")


def test_offsets_beyond_14_hours_are_written_in_utc() -> None:
    from datetime import timedelta, timezone  # noqa: PLC0415

    far = datetime(2022, 1, 1, 20, 0, tzinfo=timezone(timedelta(hours=20)))
    written = Article(headline="h", id="urn:x:1", modified=far)
    document = newsml_g2.dumps(written)
    assert "<versionCreated>2022-01-01T00:00:00+00:00</versionCreated>" in document
    assert written == newsml_g2.loads(document)


# ---- reading real feeds -------------------------------------------------


def _corpus_files() -> list[Path]:
    """The corpus, listed when tests are collected: empty without ``../shared``."""
    return sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_every_corpus_file_reads_without_a_crash(path: Path) -> None:
    with path.open("rb") as stream:
        found = list(newsml_g2.iter_items(stream))
    assert found
    for item in found:
        if isinstance(item, Reading):
            assert item.article.headline.strip()
            assert all(loss.where.startswith("line ") for loss in item.losses)
        elif isinstance(item, NonArticle):
            assert item.kind in {"picture", "audio", "video", "graphic", "package"}


def test_corpus_is_present() -> None:
    assert len(list(need(CORPUS).glob("*.xml"))) >= 40


@pytest.mark.parametrize(
    ("name", "headline", "bylines", "dateline", "slugline", "first", "subject"),
    [
        (
            "reuters__KBN0FL0NN_v5_text.xml",
            "Confident Assad launches new term in stronger position",
            ["By Marwan Makdisi"],
            "2014-07-16 15:53:10 GMT+00:00",
            "US-SYRIA-CRISIS-ASSAD",
            "By Marwan Makdisi",
            ("N2", "SYR"),
        ),
        (
            "reuters__pope_francis_peru.xml",
            "Pope Francis leaves Peru at end of Latin American trip",
            [],
            None,
            "POPE-LATAM/ (PIX, TV)",
            (
                "LIMA, Jan 21 (Reuters) - Pope Francis departed Peru for Rome on Sunday, ending a "
                "trip to Latin America that also included neighboring Chile."
            ),
            ("N2", "ARG"),
        ),
        (
            "reuters__L4N1FL0N0_precious_gold.xml",
            "PRECIOUS-Gold rises as Trump policy fuels safe haven demand",
            [],
            None,
            "GLOBAL-PRECIOUS/ (UPDATE 1)",
            "(Adds comments, detail)",
            ("N2", "COM"),
        ),
        (
            "stt__vastaamo_trial.xml",
            (
                "Vastaamoon kohdistunut tietomurto oli syyttäjien mukaan erityisen "
                "suunnitelmallinen – syytetylle vaaditaan seitsemän vuoden vankeutta"
            ),
            ["Maria Rosvall, Jecaterina Mantsinen"],
            "Helsinki",
            None,
            "Tietomurto tapahtui syksyllä 2018.",
            ("sttsubj", "02001002"),
        ),
        (
            "stt__niinisto_yle.xml",
            "Jussi Niinistö: Ylen tiedoissa voi olla kyse informaatio-operaatiosta",
            ["ANTTI AUTIO, HETA HASSINEN"],
            None,
            None,
            "Ministerin mukaan Puolustusvoimat ei rajoita kaksoiskansalaisten ottamista töihin",
            ("sttsubj", "09000000"),
        ),
        (
            "stt__korkeasaari_endash.xml",
            "Reilu kolmannes Korkeasaaren eläinpotilaista saadaan palautettua luontoon",
            [],
            None,
            None,
            "Sadat eläimet saadaan joka vuosi hoidettua Korkeasaaren villieläinsairaalassa",
            ("sttdepartment", "3"),
        ),
        (
            "dpa__eil_gruenen_spitze.xml",
            "Grünen-Spitze tritt nach Wahlniederlagen ab",
            [],
            "Berlin (dpa) -",
            None,
            "25.09.2024 10:37",
            ("medtop", "20000651"),
        ),
        (
            "ap__automated_insights_earnings_message.xml",
            "Nutrisystem beats 4Q earnings and revenue expectations",
            [],
            "FORT WASHINGTON, Pa.",
            "BC-US--Earns-Nutrisystem, 1st Ld-Writethru",
            (
                "FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. (NTRI) on Monday reported "
                "fourth-quarter net income of $10.9 million."
            ),
            ("apcategorycode", "f"),
        ),
        (
            "apa__newsitem_text_2_28.xml",
            "Saisonstart im Schweizerhaus: Run aufs Krügerl im Prater",
            [],
            None,
            "Buntes/Freizeit/Bauten/Eröffnung/Unterhaltung/Wien/Kommunales",
            "Saisonstart im Schweizerhaus: Run aufs Krügerl im Prater",
            ("medtop", "20000538"),
        ),
        (
            "iptc__listing02_text_document.xml",
            'Fed to halt QE to avert "bubble"',
            [],
            None,
            "US-Finance-Fed",
            "(New York, NY - October 21) Et, sent luptat luptat, commy",
            ("medtop", "20000350"),
        ),
    ],
)
def test_facts_of_real_items(  # noqa: PLR0913, PLR0917 - one row of facts
    name: str,
    headline: str,
    bylines: list[str],
    dateline: str | None,
    slugline: str | None,
    first: str,
    subject: tuple[str, str],
) -> None:
    need(CORPUS)
    read = article(name)
    assert headline == read.headline
    assert bylines == [b.text for b in read.bylines if b.text]
    assert dateline == (read.dateline.text if read.dateline else None)
    assert slugline == read.slugline
    assert first_paragraph(read).startswith(first)
    assert subject in [(s.scheme, s.code) for s in read.subjects]


def test_people_places_and_times_of_a_real_item() -> None:
    need(CORPUS)
    dpa = article("dpa__faktencheck_infobox.xml")
    assert [] == [c.agent.name for b in dpa.bylines for c in b.contributors]  # logins
    assert "urn:newsml:dpa.com:20090101:250122-99-671785" == dpa.id
    assert datetime(2025, 1, 22, 14, 59, 24, tzinfo=UTC) == dpa.modified
    assert "de" == dpa.language
    stt = article("stt__vastaamo_trial.xml")
    assert stt.dateline is not None
    assert stt.dateline.place is not None
    assert "Helsinki" == stt.dateline.place.name
    assert 7 == stt.version


def test_losses_are_named_with_their_place() -> None:
    need(CORPUS)
    (reuters,) = items("reuters__KBN0FL0NN_v5_text.xml")
    assert isinstance(reuters, Reading)
    losses = [str(loss) for loss in reuters.losses]
    assert (
        "line 16: /newsMessage/itemSet/newsItem: guid 'tag_reuters.com_2014_newsml_KBN0FL0NN'"
        " is not a URI, which an article's id must be"
    ) in losses
    assert (
        "line 22: /newsMessage/itemSet/newsItem/itemMeta: 4 <signal> elements are not held"
        " by the model"
    ) in losses
    (stt,) = items("stt__vastaamo_trial.xml")
    assert isinstance(stt, Reading)
    assert (
        "line 10: /newsItem/itemMeta/versionCreated: '2023-10-18T14:28:25' is not a date-time"
        " with a UTC offset"
    ) in [str(loss) for loss in stt.losses]
    assert stt.article.modified is None
    assert any("body markup removed: <company>" in str(loss) for loss in stt.losses)


def test_children_without_a_place_are_counted_by_kind_and_repeats_named() -> None:
    document = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:x="urn:x" guid="urn:x:1">\n'
        '<itemMeta><itemClass qcode="ninat:text"/><signal qcode="sig:a"/><!-- note -->\n'
        '<signal qcode="sig:b"/><x:flag/><pubStatus qcode="stat:usable"/>\n'
        '<pubStatus qcode="stat:withheld"/></itemMeta>\n'
        '<contentMeta><headline>H</headline><language tag="en"/><plain xmlns="">p</plain>\n'
        '<language tag="de"/><infoSource uri="http://a.example/"/></contentMeta>\n'
        "</newsItem>"
    )
    reading = newsml_g2.read(document)
    assert [
        "line 2: /newsItem/itemMeta: 2 <signal> elements are not held by the model",
        "line 2: /newsItem/itemMeta: <{urn:x}flag> is not held by the model",
        "line 2: /newsItem/itemMeta: 2 <pubStatus> elements: only the first is held",
        "line 5: /newsItem/contentMeta: <infoSource> is not held by the model",
        "line 5: /newsItem/contentMeta: <plain> is not held by the model",
        "line 5: /newsItem/contentMeta: 2 <language> elements: only the first is held",
    ] == [str(loss) for loss in reading.losses]
    assert ("en", PubStatus.USABLE) == (reading.article.language, reading.article.pub_status)


def test_lossless_reading_refuses_a_lossy_item() -> None:
    need(CORPUS)
    data = (CORPUS / "stt__revenio_ceo.xml").read_bytes()
    assert "Mikko Moilanen siirtyy Revenion toimitusjohtajaksi" == newsml_g2.loads(data).headline
    with pytest.raises(newsmodel.errors.LossyConversionError, match="not held by the model"):
        newsml_g2.loads(data, lossless=True)


def test_items_that_are_not_articles_say_what_they_are() -> None:
    need(CORPUS)
    kinds = [
        (type(i).__name__, getattr(i, "kind", None))
        for i in items("apa__newsmessage_package_2_28.xml")
    ]
    assert [("NonArticle", "package"), ("Reading", None), ("NonArticle", "picture")] == kinds
    with pytest.raises(NotAnArticleError, match="is a picture, not an article"):
        newsml_g2.read((CORPUS / "reuters__picture_polling_station.xml").read_bytes())


def test_a_headline_stands_in_when_the_feed_has_none() -> None:
    need(CORPUS)
    (reading,) = items("stt__abstract_test.xml")
    assert isinstance(reading, Reading)
    assert reading.article.headline.startswith("Hjallis Harkimo ja Mikael Jungner")
    assert "no headline: took the summary's first line as the headline" in [
        loss.what for loss in reading.losses
    ]


_HEADLESS = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" standard="NewsML-G2"'
    ' standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="X"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated>{title}</itemMeta><contentMeta>"
    "{summary}</contentMeta><contentSet>{body}</contentSet></newsItem>"
)


@pytest.mark.parametrize(
    ("title", "summary", "body", "headline", "source"),
    [
        (" Storm warning ", "Rain all day.\nMore.", "First.", "Storm warning", "the item's title"),
        (None, " Rain all day. \nMore.", "First.", "Rain all day.", "the summary's first line"),
        (None, None, " First of all. \n\nSecond.", "First of all.", "the body's first paragraph"),
    ],
)
def test_the_next_best_line_stands_in_for_a_missing_headline(
    title: str | None, summary: str | None, body: str | None, headline: str, source: str
) -> None:
    document = _HEADLESS.format(
        title="" if title is None else f"<title>{title}</title>",
        summary="" if summary is None else f"<description>{summary}</description>",
        body="" if body is None else f'<inlineData contenttype="text/plain">{body}</inlineData>',
    )
    reading = newsml_g2.read(document)
    assert headline == reading.article.headline
    assert f"no headline: took {source} as the headline" in [loss.what for loss in reading.losses]


def test_creators_and_contributors_are_read_with_their_roles() -> None:
    """Roles and kinds as agencies write them, capitals and all; expected by hand."""
    people = (
        "<creator><name>Ann Lee</name></creator>"
        "<contributor><name>Bo Kim</name></contributor>"
        '<contributor role="crol:EDITOR"><name>Cy Ray</name></contributor>'
        '<creator role="ROLE:Photographer"><name>Di Fox</name></creator>'
        '<creator type="cpnat:ORGANISATION"><name>Example Wire</name></creator>'
        '<contributor role="nprov:source"><name>City Hall</name></contributor>'
    )
    document = _ITEM.format("").replace("<headline>", people + "<headline>")
    read = [
        (type(c.agent).__name__, c.agent.name, c.role.value)
        for b in newsml_g2.loads(document).bylines
        for c in b.contributors
    ]
    assert [
        ("Person", "Ann Lee", "author"),
        ("Person", "Di Fox", "photographer"),
        ("Organization", "Example Wire", "author"),
        ("Person", "Bo Kim", "contributor"),
        ("Person", "Cy Ray", "editor"),
        ("Organization", "City Hall", "contributor"),
    ] == read


def test_subjects_and_genres_are_read_from_their_qcodes() -> None:
    concepts = (
        '<genre qcode="genre:Current"/>'
        '<subject qcode="medtop:20000621" uri="http://cv.iptc.org/newscodes/mediatopic/20000621">'
        "<name>politics</name></subject>"
        '<subject qcode="sttsubj:a:b"/>'
        '<subject literal="Weather"/>'
    )
    document = _ITEM.format("").replace("<headline>", concepts + "<headline>")
    article = newsml_g2.loads(document)
    uri = "http://cv.iptc.org/newscodes/mediatopic/20000621"
    assert (Concept(code="Current", scheme="genre"),) == article.genres
    assert (
        Concept(name="politics", code="20000621", scheme="medtop", uri=uri),
        Concept(code="a:b", scheme="sttsubj"),
        Concept(name="Weather"),
    ) == article.subjects


def test_a_held_field_the_model_lacks_is_a_loss_and_an_empty_one_the_default() -> None:
    tree = etree.fromstring(newsml_g2.dumps(Article(headline="H", boilerplate=("x",))).encode())
    (held,) = tree.xpath("//nm:field", namespaces=NS)
    extra = copy.deepcopy(held)
    extra.set("name", "colour")
    held.addnext(extra)
    held.text = None
    reading = newsml_g2.read(etree.tostring(tree))
    assert ["field 'colour': the model has no such field"] == [loss.what for loss in reading.losses]
    assert () == reading.article.boilerplate


def test_an_item_with_nothing_to_read_is_unreadable() -> None:
    need(CORPUS)
    (item,) = items("iptc__listing29_hop_history.xml")
    assert isinstance(item, Unreadable)
    assert "no headline, title, summary or body" in item.reason


# ---- bodies ---------------------------------------------------------------

_ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" standard="NewsML-G2"'
    ' standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="X"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta><contentMeta>"
    "<headline>H</headline></contentMeta><contentSet>{}</contentSet></newsItem>"
)


def test_nitf_bodies_are_read() -> None:
    nitf = (
        '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/'
        '2006-10-18/"><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>'
        "<hl2>Sub</hl2><p>One.</p><bq><p>Quoted.</p></bq></body.content></body></nitf></inlineXML>"
    )
    body = newsml_g2.loads(_ITEM.format(nitf)).body
    assert Body(html="<h2>Sub</h2><p>One.</p><blockquote><p>Quoted.</p></blockquote>") == body


def test_the_nitf_story_stands_in_for_missing_metadata() -> None:
    nitf = (
        '<inlineXML contenttype="application/nitf+xml"><nitf><head><title>Dairy prices rise'
        "</title></head><body><body.head><byline>By Jonathan Underhill</byline><dateline>"
        "<location>WELLINGTON</location></dateline></body.head><body.content><p>By Jonathan "
        "Underhill</p><p>Prices rose.</p></body.content></body></nitf></inlineXML>"
    )
    reading = newsml_g2.read(_ITEM.replace("<headline>H</headline>", "").format(nitf))
    article = reading.article
    assert "Dairy prices rise" == article.headline
    assert ["By Jonathan Underhill"] == [b.text for b in article.bylines]
    assert ["Jonathan Underhill"] == [c.agent.name for c in article.bylines[0].contributors]
    assert "WELLINGTON" == (article.dateline.text if article.dateline else None)
    assert not any("headline" in loss.what for loss in reading.losses)


_TT_STORY = (
    "<BRODTEXT><P>Fires spread.</P><MELLIS>Evacuations</MELLIS>"
    "<CITAT>\u201dWe left at night,\u201d she said.</CITAT><BYLINE>Anna Berg/TT</BYLINE>"
    "<FAKTA>Three towns.</FAKTA></BRODTEXT>"
)


@pytest.mark.parametrize(
    "markup",
    [
        f'<inlineXML contenttype="application/xml"><TEXT>{_TT_STORY}</TEXT></inlineXML>',
        (
            '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/'
            f'xhtml"><body>{_TT_STORY}</body></html></inlineXML>'
        ),
    ],
)
def test_an_agency_vocabulary_is_kept_not_dropped(markup: str) -> None:
    reading = newsml_g2.read(_ITEM.format(markup))
    assert reading.article.body == Body(
        html=(
            "<p>Fires spread.</p><h2>Evacuations</h2><blockquote><p>\u201dWe left at night,"
            "\u201d she said.</p></blockquote><p>Three towns.</p>"
        )
    )
    (byline,) = reading.article.bylines
    assert ("Anna Berg/TT", "Anna Berg") == (byline.text, byline.contributors[0].agent.name)
    assert any("<fakta>" in loss.what for loss in reading.losses)


def test_plain_text_bodies_are_read() -> None:
    data = '<inlineData contenttype="text/plain">First.\n\nSecond &amp; last.</inlineData>'
    assert (
        Body.from_paragraphs("First.", "Second & last.") == newsml_g2.loads(_ITEM.format(data)).body
    )


def test_unsafe_markup_is_removed_and_reported() -> None:
    xhtml = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        '<body><p onclick="steal()">Hi <a href="javascript:x()">there</a></p><script>x()</script>'
        "</body></html></inlineXML>"
    )
    reading = newsml_g2.read(_ITEM.format(xhtml))
    assert Body(html="<p>Hi <a>there</a></p>") == reading.article.body
    assert ["body markup removed: <script>, a@href, p@onclick"] == [
        loss.what for loss in reading.losses
    ]


def test_xhtml_whose_body_is_not_named_body_is_cleaned_not_a_crash() -> None:
    # The sanitiser's HTML parser makes two bodies of it, which once stopped the read.
    xhtml = f'<html xmlns="{g2_names.XHTML}"><head/><BODY><p>Hi</p></BODY></html>'
    data = f'<inlineXML contenttype="application/xhtml+xml">{xhtml}</inlineXML>'
    reading = newsml_g2.read(_ITEM.format(data))
    assert (Body(html="<p>Hi</p>"), ()) == (reading.article.body, reading.losses)


@pytest.mark.parametrize(
    "html",
    [
        '<html xmlns="{0}"><body xmlns:q="urn:q" q:role="story"><p>Hi</p></body></html>',
        '<html xmlns="{0}" xmlns:q="urn:q"><body q:role="story"><p>Hi</p></body></html>',
        '<html xmlns="{0}" xmlns:q="urn:q"><head q:role="x"/><body><p>Hi</p></body></html>',
    ],
)
def test_namespaces_around_the_blocks_stay_out_of_the_body(html: str) -> None:
    xhtml = html.format(g2_names.XHTML)
    data = f'<inlineXML contenttype="application/xhtml+xml">{xhtml}</inlineXML>'
    reading = newsml_g2.read(_ITEM.format(data))
    assert (Body(html="<p>Hi</p>"), ()) == (reading.article.body, reading.losses)


# ---- safety and streaming ----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]><newsItem>&x;</newsItem>',
            "DOCTYPE is not supported",
        ),
        (b"<nitf><body/></nitf>", "expected a NewsML-G2 newsItem or newsMessage, found <nitf>"),
        (b"<newsItem/>", "found <newsItem> in namespace None"),
        (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta>', "Premature end"),
        (b"", "no element found"),
    ],
)
def test_bad_documents_are_parse_errors(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        newsml_g2.read(data)


def test_a_directory_of_items_is_read_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "a.xml").write_bytes(_message(2))
    (tmp_path / "feed" / "b.xml").write_bytes(b"<newsMessage")
    (tmp_path / "feed" / "notes.txt").write_text("not a feed")
    found = [(path.name, type(item).__name__) for path, item in newsml_g2.iter_directory(tmp_path)]
    assert [("a.xml", "Reading"), ("a.xml", "Reading"), ("b.xml", "Unreadable")] == found


def _message(count: int) -> bytes:
    item = (
        '<newsItem guid="urn:x:{0}" standard="NewsML-G2" standardversion="2.35"><itemMeta>'
        '<itemClass qcode="ninat:text"/><provider literal="X"/><versionCreated>'
        "2024-01-01T00:00:00Z</versionCreated></itemMeta><contentMeta><headline>Story {0}"
        '</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{1}</p></body></html></inlineXML>'
        "</contentSet></newsItem>"
    )
    text = "A paragraph of news. " * 20
    body = "".join(item.format(n, text) for n in range(count))
    return (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        f"{body}</itemSet></newsMessage>"
    ).encode()


def test_streaming_keeps_memory_flat(tmp_path: Path) -> None:
    assert_memory_flat(_message, newsml_g2.iter_items, 2_000, tmp_path)
