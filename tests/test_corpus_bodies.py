"""
No body is dropped: every corpus item whose source has story text gives an article with it.

The story text is found in the source independently of the readers: by
XPath in XML, by key in JSON, its markup stripped with lxml's HTML parser.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

import pytest
from lxml import etree
from lxml import html as lxml_html

from conftest import SHARED
from newsmodel.conversion import Reading
from newsmodel.formats import Format, info

if TYPE_CHECKING:
    from pathlib import Path

    from newsmodel.conversion import Item

CORPUS = SHARED / "corpus"
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, recover=True)
_WORDS = 6


def _words(text: str) -> list[str]:
    """The words of a text; markup that was escaped into it is not a word."""
    return re.sub(r"<[^>]*>", " ", html.unescape(text)).split()


def _markup_words(markup: str) -> list[str]:
    if not markup.strip():
        return []
    return _words(lxml_html.fragment_fromstring(markup, create_parent="div").text_content())


def _xml_story(item: etree._Element) -> list[str]:
    """The words of an item's story: NITF's body.content, XHTML's body, or inline data."""
    for path in (
        ".//*[local-name()='inlineXML']//*[local-name()='body.content']",
        ".//*[local-name()='inlineXML']//*[local-name()='html']/*[local-name()='body']",
        ".//*[local-name()='inlineXML']",
        ".//*[local-name()='inlineData']",
    ):
        found = item.xpath(path)
        if found:
            return _words(" ".join("".join(e.itertext()) for e in found))
    return []


def _g2_sources(path: Path) -> list[list[str]]:
    """The story of each text item (a picture's caption is no story)."""
    tree = etree.parse(str(path), _PARSER)
    items = tree.xpath("//*[local-name()='newsItem']")
    classes = [item.xpath("string(.//*[local-name()='itemClass']/@qcode)") for item in items]
    return [
        _xml_story(item)
        for item, qcode in zip(items, classes, strict=True)
        if not qcode or qcode.endswith(":text")
    ]


def _nitf_source(path: Path) -> list[list[str]]:
    tree = etree.parse(str(path), _PARSER)
    content = "/*[local-name()='nitf']/*[local-name()='body']/*[local-name()='body.content']"
    paragraphs = [
        _words("".join(p.itertext())) for p in tree.xpath(content + "//*[local-name()='p']")
    ]
    return [next((words for words in paragraphs if words), [])]


def _ninjs_source(path: Path) -> list[list[str]]:
    document = json.loads(path.read_bytes())
    if document.get("type", "text") != "text":
        return []  # a picture's or a package's description is no story
    for key in ("body_html", "body_xhtml", "body_text"):
        if isinstance(document.get(key), str) and document[key].strip():
            return [_markup_words(document[key].replace("&lt;", "<").replace("&gt;", ">"))]
    bodies = document.get("bodies") or []
    values = [b["value"] for b in bodies if isinstance(b, dict) and isinstance(b.get("value"), str)]
    return [_markup_words(values[0]) if values else []]


def _jsonld_source(path: Path) -> list[list[str]]:
    try:
        document = json.loads(path.read_bytes())
    except ValueError:
        return []  # not JSON: nothing to hold a reader to
    nodes = document if isinstance(document, list) else document.get("@graph", [document])
    bodies = [n.get("articleBody") for n in nodes if isinstance(n, dict)]
    return [_words(next((b for b in bodies if isinstance(b, str)), ""))]


_SOURCES = {
    "newsml-g2": (Format.NEWSML_G2, _g2_sources),
    "nitf": (Format.NITF, _nitf_source),
    "ninjs": (Format.NINJS, _ninjs_source),
    "jsonld": (Format.JSONLD, _jsonld_source),
}


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for kind in _SOURCES for p in (CORPUS / kind).glob("*") if p.is_file())


def _readings(path: Path) -> list[Item]:
    format_, _ = _SOURCES[path.parent.name]
    return list(info(format_).codec().read_items(path.read_bytes()))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_source_with_story_text_gives_an_article_with_it(path: Path) -> None:
    _, source = _SOURCES[path.parent.name]
    stories = source(path)
    if not any(stories):
        return  # the source has no story text: nothing may be demanded of the reader
    items = [item for item in _readings(path) if isinstance(item, Reading)]
    texts = [
        " ".join(item.article.body.text.split()) if item.article.body else "" for item in items
    ]
    for words in (story for story in stories if story):
        opening = " ".join(words[:_WORDS])
        assert any(opening in text for text in texts), opening


def test_the_corpus_is_there() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent")
    assert len(_corpus_files()) >= 120
