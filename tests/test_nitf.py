"""NITF: real wires read whole, written documents valid against NITF 3.6 and read back equal."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from lxml import etree

from conftest import SEED_JSON, SHARED, run
from newsmodel import formats
from newsmodel.conversion import Reading
from newsmodel.errors import ParseError
from newsmodel.formats import Format, detect, newsml_g2, nitf
from newsmodel.formats import json as native_json
from newsmodel.model import Article, Body, Byline, Contributor, Dateline, Person, Place
from strategies import articles

if TYPE_CHECKING:
    from pathlib import Path

CORPUS = SHARED / "corpus" / "nitf"
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
_ANY = "//*[local-name()='{}']"


@cache
def _official() -> etree.XMLSchema:
    xsd = SHARED / "ref" / "newsml-g2" / "nitf-3-6.xsd"
    return etree.XMLSchema(etree.parse(str(xsd), _PARSER))


def assert_valid(document: str) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the official NITF 3.6 XSD is there")
    tree = etree.fromstring(document.encode(), _PARSER)
    assert _official().validate(tree), _official().error_log


def _nitf(head: str = "", body_head: str = "", content: str = "", root: str = "<nitf>") -> bytes:
    return (
        f"{root}<head>{head}</head><body><body.head>{body_head}</body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    ).encode()


# ---- writing ------------------------------------------------------------


def test_seed_example_is_valid_and_reads_back_equal() -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    document = nitf.dumps(seed)
    assert_valid(document)
    reading = nitf.read(document)
    assert () == reading.losses
    assert seed == reading.article


@given(articles())
def test_every_article_is_valid_and_reads_back_equal(generated: Article) -> None:
    document = nitf.dumps(generated)
    assert_valid(document)
    reading = nitf.read(document)
    assert () == reading.losses
    assert generated == reading.article


def test_standard_elements_carry_what_they_can() -> None:
    """Consumers that ignore the extension still see the story."""
    seed = native_json.loads(SEED_JSON.read_bytes())
    tree = etree.fromstring(nitf.dumps(seed).encode())
    ns = {"n": "http://iptc.org/std/NITF/2006-10-18/"}
    assert [seed.headline] == tree.xpath("//n:hedline/n:hl1/text()", namespaces=ns)
    assert seed.body is not None
    paragraphs = tree.xpath("//n:body.content/n:p", namespaces=ns)
    assert seed.body.text.split("\n\n")[0] == "".join(paragraphs[0].itertext())
    assert ["en"] == tree.xpath("/n:nitf/@baselang", namespaces=ns)


def test_a_time_at_midnight_is_not_written_as_a_date_alone() -> None:
    midnight = Article(headline="h", published=datetime(2000, 1, 1, tzinfo=UTC))
    document = nitf.dumps(midnight)
    assert "date.issue" not in document
    assert nitf.read(document) == Reading(article=midnight)


def test_a_byline_of_text_and_people_is_written_as_nitf_prints_it() -> None:
    byline = Byline(
        text="By Jane Roe",
        contributors=(Contributor(agent=Person(name="Jane Roe", title="Staff Writer")),),
    )
    document = nitf.dumps(Article(headline="h", bylines=(byline,)))
    assert_valid(document)
    assert "<byline>By Jane Roe<byttl>Staff Writer</byttl></byline>" in document
    assert "urn:newsmodel:nitf:1" not in document.partition("<body>")[2]


# ---- reading real wires ------------------------------------------------


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []


def _source_facts(path: Path) -> tuple[str, bool]:
    """The first words of the story and whether it has a byline, read by XPath."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, recover=True)
    tree = etree.parse(str(path), parser)
    story = "/*[local-name()='nitf']/*[local-name()='body']/*[local-name()='body.content']"
    paragraphs = tree.xpath(story + "//*[local-name()='p']")
    texts = [" ".join("".join(p.itertext()).split()) for p in paragraphs]
    first = next(t for t in texts if t and not t.startswith("<"))
    bylines = tree.xpath(_ANY.format("byline"))
    return first, any("".join(b.itertext()).strip() for b in bylines)


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_every_corpus_file_reads_with_headline_body_and_byline(path: Path) -> None:
    first, has_byline = _source_facts(path)
    reading = nitf.read(path.read_bytes())
    article = reading.article
    assert article.headline.strip()
    assert article.body is not None
    assert first[:40] in " ".join(article.body.text.split())
    assert has_byline == bool(article.bylines)
    assert "Ã" not in article.body.text  # no UTF-8 read as Latin-1
    assert all(loss.where.startswith("line ") for loss in reading.losses)


def test_corpus_is_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent")
    assert len(_corpus_files()) >= 12


def test_facts_of_a_real_wire() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent")
    article = nitf.loads((CORPUS / "ap__pollution_trading_nitf34.xml").read_bytes())
    assert "Can trading pollution like stocks help fight climate change?" == article.headline
    (byline,) = article.bylines
    assert "By BERNARD CONDON" == byline.text
    person = byline.contributors[0].agent
    assert isinstance(person, Person)
    assert ("BERNARD CONDON", "AP Business Writer") == (person.name, person.title)
    assert Dateline(text="NEW YORK", place=Place(name="NEW YORK")) == article.dateline
    assert "The Associated Press" == (article.provider.name if article.provider else None)


def test_a_doctype_naming_the_dtd_is_ignored_with_a_warning() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf-3-2.dtd">\n'
    reading = nitf.read(data + _nitf(body_head="<hedline><hl1>Tides</hl1></hedline>"))
    assert "Tides" == reading.article.headline
    assert ["DOCTYPE"] == [g.what.split()[1] for g in reading.guesses]


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE nitf [<!ENTITY x "y">]>',
        b'<!DOCTYPE nitf SYSTEM "nitf.dtd" [<!ATTLIST nitf a CDATA "1">]>',
        b'<!DOCTYPE html SYSTEM "nitf.dtd">',
        b'<!-- <!DOCTYPE nitf SYSTEM "nitf.dtd"> --><!DOCTYPE nitf [<!ENTITY x "y">]>',
    ],
)
def test_any_other_doctype_is_refused(doctype: bytes) -> None:
    with pytest.raises(ParseError, match="DOCTYPE is not supported"):
        nitf.read(doctype + _nitf(body_head="<hedline><hl1>h</hl1></hedline>"))


def test_other_formats_still_refuse_a_doctype() -> None:
    data = (
        b'<!DOCTYPE newsItem SYSTEM "x.dtd"><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>'
    )
    with pytest.raises(ParseError, match="DOCTYPE is not supported"):
        newsml_g2.read(data)


def test_html_entities_of_dtd_era_documents_are_read() -> None:
    data = b'<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.2//EN" "nitf.dtd">' + _nitf(
        body_head="<hedline><hl1>Caf&eacute; &mdash; open</hl1></hedline>"
    )
    assert "Caf\u00e9 \u2014 open" == nitf.loads(data).headline


@pytest.mark.parametrize(
    ("declaration", "encoded", "warned"),
    [
        ('encoding="iso-8859-1"', "Zo\u00eb \u00a3".encode("latin-1"), False),
        ('encoding="iso-8859-1"', "Zo\u00eb \u00a3".encode(), True),
        ('encoding="UTF-8"', "Zo\u00eb \u00a3 \u2019".encode("cp1252"), True),
        ("", "Zo\u00eb \u00a3 \u2019".encode("cp1252"), True),
    ],
)
def test_encodings_that_the_bytes_contradict_are_repaired(
    declaration: str, encoded: bytes, warned: bool
) -> None:
    data = f'<?xml version="1.0" {declaration}?>'.encode() + _nitf(
        body_head=b"<hedline><hl1>".decode() + "{}</hl1></hedline>"
    ).replace(b"{}", encoded)
    reading = nitf.read(data)
    assert reading.article.headline.startswith("Zo\u00eb \u00a3")
    assert warned == any("bytes" in guess.what for guess in reading.guesses)


@pytest.mark.parametrize(
    "norm", ["YYYYMMDDTHHMMSS-HHMM", "20020226T000000-0500", "20150220T135142"]
)
def test_placeholder_dates_are_not_dates(norm: str) -> None:
    reading = nitf.read(
        _nitf(
            head=f'<docdata><date.issue norm="{norm}"/></docdata>',
            body_head="<hedline><hl1>h</hl1></hedline>",
        )
    )
    assert reading.article.published is None
    assert ["date.issue"] == [loss.where.rpartition("/")[2] for loss in reading.losses]


def test_the_issue_date_is_the_publication_time() -> None:
    article = nitf.loads(
        _nitf(
            head=(
                '<docdata><date.issue norm="20020225T143000-0500"/></docdata>'
                '<pubdata date.publication="20020226T090000-0500"/>'
            ),
            body_head="<hedline><hl1>h</hl1></hedline>",
        )
    )
    assert "2002-02-25T14:30:00-05:00" == (
        article.published.isoformat() if article.published else None
    )


def test_several_people_in_one_person_and_their_title() -> None:
    article = nitf.loads(
        _nitf(
            body_head=(
                "<hedline><hl1>h</hl1></hedline><byline>By <person>Ann Lee and Bo Park</person>"
                "<byttl>Staff Writers</byttl></byline>"
            )
        )
    )
    (byline,) = article.bylines
    assert "By Ann Lee and Bo Park" == byline.text
    expected = [("Ann Lee", "Staff Writers"), ("Bo Park", "Staff Writers")]
    agents = [c.agent for c in byline.contributors]
    assert expected == [(a.name, a.title) for a in agents if isinstance(a, Person)]


def test_initials_and_a_credit_line_make_no_person() -> None:
    initials = nitf.loads(_nitf(body_head="<hedline><hl1>h</hl1></hedline><byline>KN/dpa</byline>"))
    assert (Byline(text="KN/dpa"),) == initials.bylines


def test_story_markup_becomes_the_body() -> None:
    content = (
        '<media media-type="image"><media-reference source="https://example.com/a.jpg"/>'
        "<media-caption>Tides.</media-caption><media-producer>Karben</media-producer></media>"
        "<p>Said <person>Ann Lee</person>: <q>all is well</q>.</p><hl2>Sub</hl2>"
        "<block><p>In a block.</p></block><bq><block><p>Quoted.</p></block></bq><p/>"
        "<ul><li>One</li></ul><pre>a  b</pre>"
    )
    article = nitf.loads(_nitf(body_head="<hedline><hl1>h</hl1></hedline>", content=content))
    assert article.body == Body(
        html=(
            '<p>Said <span class="person">Ann Lee</span>: <q>all is well</q>.</p><h2>Sub</h2>'
            "<p>In a block.</p><blockquote><p>Quoted.</p></blockquote><ul><li>One</li></ul>"
            "<pre>a  b</pre>"
        )
    )
    (image,) = article.images
    assert ("https://example.com/a.jpg", "Tides.", "Karben") == (
        image.url,
        image.caption,
        image.credit,
    )
    (quotation,) = article.quotations
    assert "all is well" == quotation.text
    assert article.body.text[quotation.span.start : quotation.span.end] == quotation.text  # type: ignore[union-attr]


def test_unknown_markup_is_kept_as_text_with_a_warning() -> None:
    reading = nitf.read(
        _nitf(
            body_head="<hedline><hl1>h</hl1></hedline>",
            content=(
                "<p>One.</p><widget>Two <b>bold</b>.</widget>"
                "<escaped>&lt;div&gt;&lt;/div&gt;</escaped><script>steal()</script>"
            ),
        )
    )
    assert reading.article.body == Body(html="<p>One.</p><p>Two <b>bold</b>.</p>")
    assert any("<widget>" in loss.what for loss in reading.losses)
    assert any("<script> removed" in loss.what for loss in reading.losses)


def test_notes_of_the_head_and_the_story_are_both_kept() -> None:
    article = nitf.loads(
        _nitf(
            head='<docdata><ed-msg info="Embargoed."/></docdata>',
            body_head=(
                "<hedline><hl1>h</hl1></hedline>"
                '<note noteclass="editorsnote"><body.content><p>Corrects a name.</p>'
                "</body.content></note>"
            ),
        )
    )
    assert "Embargoed.\n\nCorrects a name." == article.editorial_note
    alone = nitf.loads(
        _nitf(
            body_head="<hedline><hl1>h</hl1></hedline><note><body.content><p>N.</p></body.content></note>"
        )
    )
    assert "N." == alone.editorial_note


def test_a_title_stands_in_for_a_missing_headline() -> None:
    reading = nitf.read(_nitf(head="<title>From the title</title>", content="<p>Body.</p>"))
    assert "From the title" == reading.article.headline


def test_not_nitf_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="expected an NITF document, found <html>"):
        nitf.read(b"<html><body/></html>")


# ---- the format among the others --------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"<nitf><body/></nitf>",
        b'<?xml version="1.0"?>\n<!-- c -->\n<nitf version="-//IPTC//DTD NITF 3.4//EN"/>',
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body/></nitf>',
        b'<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">\n<nitf><body/></nitf>',
    ],
)
def test_nitf_is_told_by_its_root(data: bytes) -> None:
    assert Format.NITF == detect(data)


def test_nitf_inside_newsml_g2_is_still_newsml_g2() -> None:
    data = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML><nitf/>'
    assert Format.NEWSML_G2 == detect(data)


def test_the_command_line_converts_nitf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "story.xml"
    source.write_bytes(
        _nitf(body_head="<hedline><hl1>Storm</hl1></hedline>", content="<p>Rain.</p>")
    )
    code, out, _ = run(capsys, "convert", str(source), "--to", "nitf")
    assert 0 == code
    assert "Storm" == nitf.loads(out).headline
    assert "nitf" in run(capsys, "formats")[1]
    assert Format.NITF == formats.Format("nitf")
