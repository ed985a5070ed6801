"""NITF is told by its root, never taken for HTML, and judged by IPTC's NITF 3.6 XSD."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsmodel
from conftest import SHARED, need, run
from newsmodel import Format, Severity

if TYPE_CHECKING:
    from pathlib import Path

NITF = "http://iptc.org/std/NITF/2006-10-18/"
XSD = SHARED / "ref" / "newsml-g2" / "nitf-3-6.xsd"
CORPUS = sorted((SHARED / "corpus" / "nitf").glob("*.xml"))
DATED = ("version", "change.date", "change.time")


@cache
def nitf_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True)))


def official_verdict(path: Path) -> bool:
    """The XSD's verdict on the document in the NITF namespace, without its DTD-era attributes."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    root = etree.parse(str(path), parser).getroot()
    for element in root.iter(etree.Element):
        if not etree.QName(element).namespace:
            element.tag = f"{{{NITF}}}{etree.QName(element).localname}"
    for name in DATED:
        root.attrib.pop(name, None)
    return nitf_schema().validate(root)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_nitf_file_is_told_and_judged_by_the_xsd(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    assert Format.NITF == newsmodel.detect(path.read_bytes(), path.name)
    valid = official_verdict(path)
    report = newsmodel.validate(path.read_bytes())
    assert (Format.NITF, valid) == (report.format, report.ok)
    code, out, _ = run(capsys, "validate", str(path))
    assert (0 if valid else 1) == code
    assert valid or (f"{path}:" in out and ": NITF 3.6 XSD: /nitf" in out)


def test_the_corpus_has_valid_and_invalid_nitf() -> None:
    need(SHARED / "corpus" / "nitf")
    assert {True, False} == {official_verdict(p) for p in CORPUS}


def test_dtd_era_version_attributes_are_warnings() -> None:
    document = (
        '<nitf version="-//IPTC//DTD NITF 3.4//EN" change.date="October 18, 2006" '
        'change.time="19:30"><body><body.content><p>Text</p></body.content></body></nitf>'
    )
    report = newsmodel.validate(document)
    assert report.ok
    assert "NITF 3.4 document" == report.what
    assert [Severity.WARNING] * 3 == [i.severity for i in report.issues]
    assert ["/nitf"] * 3 == [i.path for i in report.issues]
    assert "version='-//IPTC//DTD NITF 3.4//EN'" in report.issues[0].message


def test_a_namespaced_document_is_judged_as_it_is() -> None:
    good = f'<nitf xmlns="{NITF}"><body/></nitf>'
    assert newsmodel.validate(good).ok
    bad = f'<nitf xmlns="{NITF}"><body><frob/></body></nitf>'
    (issue,) = newsmodel.validate(bad).issues
    assert ("/nitf/body/frob", "NITF 3.6 XSD", 1) == (issue.path, issue.rule, issue.line)
    assert "Element 'frob': This element is not expected." in issue.message


def test_an_external_doctype_is_accepted_and_declarations_are_not() -> None:
    assert newsmodel.validate('<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd"><nitf><body/></nitf>').ok
    bomb = '<!DOCTYPE nitf [<!ENTITY a "aaaa">]><nitf><body>&a;</body></nitf>'
    (issue,) = newsmodel.validate(bomb).issues
    assert "DOCTYPE is not supported" in issue.message
    story = "<body><body.content><p>&nbsp;</p></body.content></body>"
    entity = f'<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd"><nitf>{story}</nitf>'
    report = newsmodel.validate(entity)
    assert report.ok  # an HTML entity DTD-era NITF uses is read as its character...
    assert any("&nbsp;" in issue.message for issue in report.issues)  # ...and said so
    unknown = '<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd"><nitf><body>&frob;</body></nitf>'
    (issue,) = newsmodel.validate(unknown).issues
    assert "entity reference &frob; is not supported" in issue.message


def test_nitf_is_never_taken_for_html() -> None:
    page = (
        b"<?xml version='1.0'?>\n<!-- feed -->\n<nitf><head><title>T</title></head><body/></nitf>"
    )
    assert Format.NITF == newsmodel.detect(page)
    assert Format.HTML == newsmodel.detect(b"<!DOCTYPE html><html><body></body></html>")


def test_an_official_nitf_schema_judges_nitf_only(capsys: pytest.CaptureFixture[str]) -> None:
    need(SHARED / "corpus" / "nitf")
    story = SHARED / "corpus" / "ninjs" / "ntb__google_skien_ninjs30.json"
    valid = next(p for p in CORPUS if official_verdict(p))
    code, out, err = run(capsys, "validate", str(valid), str(story), "--official-schema", str(XSD))
    assert 0 == code, out
    assert f"note: {XSD} judges nitf files only; 1 other file was" in err


@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: "<nitf>" + t))
def test_validate_never_raises_on_nitf(data: bytes | str) -> None:
    report = newsmodel.validate(data, "nitf")
    assert report.ok or report.errors
