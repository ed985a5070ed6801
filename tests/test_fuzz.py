"""
Every reader, fed junk and damaged documents, ends in a NewsmodelError.

Anything else (a KeyError, a RecursionError, an lxml exception) would reach
a user as a traceback. What is read must also be writable in every format
and checkable by ``validate``. The damaged documents start from the corpus
and from newsmodel's own output in every format it writes: only that
carries newsmodel's own elements (``nm:quotation``, ``nm:field``) and
properties, which real feeds never have. ``FUZZ=1`` runs thousands of
examples.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import EXAMPLES, SEED_JSON, SHARED
from newsmodel._lowlevel.validators import NOT_XML
from newsmodel.conversion import Reading
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, info
from newsmodel.formats import json as native_json
from newsmodel.validation import validate
from strategies import articles

if TYPE_CHECKING:
    from newsmodel.model import Article

#: The readers, with the documents their damaged copies start from.
_SEEDS = {
    Format.JSON: [EXAMPLES / "seed-article.json"],
    Format.NEWSML_G2: sorted((SHARED / "corpus" / "newsml-g2").glob("*.xml"))[:12],
    Format.JSONLD: sorted((SHARED / "corpus" / "jsonld").glob("*.jsonld"))[:12],
    Format.HTML: sorted((SHARED / "corpus" / "jsonld").glob("*.jsonld"))[12:24],
    Format.NINJS: sorted((SHARED / "corpus" / "ninjs").glob("*.json")),
    Format.NITF: sorted((SHARED / "corpus" / "nitf").glob("*.xml")),
    Format.TEXT: [EXAMPLES / "seed-article.txt"],
}
_WRITABLE = [f for f in Format if info(f).writable]


def read_everything(data: bytes, source: Format) -> None:
    """Read *data* as *source*, write each article in every format, validate it."""
    try:
        items = list(info(source).codec().read_items(data))
    except NewsmodelError:
        return
    for item in items:
        if isinstance(item, Reading):
            for target in _WRITABLE:
                info(target).codec().write(item.article)
    report = validate(data, source)
    assert report.ok or report.issues


def _mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """*seed* with a few bytes replaced, removed or repeated."""
    edit = st.tuples(
        st.integers(0, max(len(seed) - 1, 0)), st.integers(0, 64), st.binary(max_size=16)
    )

    def apply(edits: list[tuple[int, int, bytes]]) -> bytes:
        data = seed
        for at, cut, new in edits:
            data = data[:at] + new + data[at + cut :]
        return data

    return st.lists(edit, min_size=1, max_size=4).map(apply)


@pytest.mark.parametrize("source", list(Format))
@given(data=st.binary(max_size=512))
def test_random_bytes(source: Format, data: bytes) -> None:
    read_everything(data, source)


@pytest.mark.parametrize("source", list(Format))
@given(data=st.text(max_size=200).map(str.encode))
def test_random_text(source: Format, data: bytes) -> None:
    read_everything(data, source)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} holds the corpus")
@pytest.mark.parametrize("source", [f for f, seeds in _SEEDS.items() if seeds])
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_damaged_real_documents(source: Format, data: st.DataObject) -> None:
    seed = Path(data.draw(st.sampled_from(_SEEDS[source]), label="seed")).read_bytes()
    if source is Format.HTML:
        seed = (
            b'<html><head><script type="application/ld+json">' + seed + b"</script></head></html>"
        )
    read_everything(data.draw(_mutated(seed), label="damaged"), source)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _json_nodes(value: object) -> list[tuple[object, object]]:
    """Each (container, key) pair of a parsed JSON document."""
    if isinstance(value, dict):
        return [(value, k) for k in value] + [n for v in value.values() for n in _json_nodes(v)]
    if isinstance(value, list):
        return [(value, i) for i in range(len(value))] + [n for v in value for n in _json_nodes(v)]
    return []


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} holds the corpus")
@pytest.mark.parametrize("source", [Format.JSON, Format.JSONLD, Format.NINJS])
@given(data=st.data())
def test_real_json_with_values_of_the_wrong_kind(source: Format, data: st.DataObject) -> None:
    seeds = [p for p in _SEEDS[source] if "MALFORMED" not in p.name]
    document = json.loads(Path(data.draw(st.sampled_from(seeds))).read_bytes())
    _put_wrong_values(document, data)
    read_everything(json.dumps(document).encode(), source)


def _put_wrong_values(document: object, data: st.DataObject) -> None:
    """Replace one to four values anywhere in *document* with any JSON value."""
    for _ in range(data.draw(st.integers(1, 4))):
        nodes = _json_nodes(document)
        if not nodes:
            break
        container, key = data.draw(st.sampled_from(nodes))
        container[key] = data.draw(_JSON_VALUES)  # type: ignore[index]


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} holds the corpus")
@given(data=st.data())
def test_real_newsml_g2_with_parts_changed(data: st.DataObject) -> None:
    root = etree.fromstring(Path(data.draw(st.sampled_from(_SEEDS[Format.NEWSML_G2]))).read_bytes())
    _change_parts(root, data, values=_xml_texts)
    read_everything(etree.tostring(root), Format.NEWSML_G2)


_xml_texts = st.text(max_size=20).filter(lambda text: not NOT_XML.search(text))


def _change_parts(
    root: etree._Element, data: st.DataObject, values: st.SearchStrategy[str]
) -> None:
    """Drop, copy or rewrite one to six elements, texts or attributes of *root*."""
    elements = list(root.iter(etree.Element))
    for _ in range(data.draw(st.integers(1, 6))):
        element = data.draw(st.sampled_from(elements))
        parent = element.getparent()
        change = data.draw(st.sampled_from(["drop", "copy", "text", "attribute"]))
        if change == "drop" and parent is not None:
            parent.remove(element)
        elif change == "copy" and parent is not None:
            parent.append(copy.deepcopy(element))
        elif change == "text":
            element.text = data.draw(values)
        elif element.attrib:
            name = data.draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, data.draw(values))


@pytest.mark.parametrize("source", list(Format))
@given(depth=st.integers(1, 3_000), opener=st.sampled_from(["[", '{"a":', "<a>", "<div>"]))
def test_deep_nesting(source: Format, depth: int, opener: str) -> None:
    closer = {"[": "]", '{"a":': "}", "<a>": "</a>", "<div>": "</div>"}[opener]
    read_everything((opener * depth + closer * depth).encode(), source)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} holds the corpus")
def test_every_reader_has_real_documents_to_damage() -> None:
    assert all(len(seeds) >= 1 for seeds in _SEEDS.values())
    assert set(_SEEDS) == set(Format) - {Format.NINJS2, Format.NINJS3}  # read as ninjs


_ENVELOPES = {
    Format.JSON: '{{"headline": "x", "keywords": [{}]}}',
    Format.JSONLD: '{{"@type": "NewsArticle", "headline": "x", "about": {}}}',
    Format.NINJS: '{{"uri": "urn:x", "type": "text", "headline": "x", "extra": {}}}',
}


@pytest.mark.parametrize("source", list(_ENVELOPES))
@given(depth=st.integers(700, 1_100), text=st.sampled_from(['"x"', '"\\u0007"']))
def test_deep_values_inside_an_article(source: Format, depth: int, text: str) -> None:
    """As deep as the parser allows, where the readers walk or copy the document."""
    value = '{"a": ' * depth + text + "}" * depth
    read_everything(_ENVELOPES[source].format(value).encode(), source)


# ---- newsmodel's own output, damaged --------------------------------------------

#: What newsmodel writes, and the page around JSON-LD that ``html`` reads.
_OWN = [*_WRITABLE, Format.HTML]
_SEED_ARTICLE = native_json.loads(SEED_JSON.read_bytes())
_XML_OUTPUTS = [Format.NEWSML_G2, Format.NITF]
_JSON_OUTPUTS = [f for f in _OWN if f not in {*_XML_OUTPUTS, Format.HTML}]
#: Values an attribute of newsmodel's may be given instead of its own.
_ODD_VALUES = [
    *("", "x", "-1", "0", "1e3", "٣", "9" * 30, "body", "headline", "organization"),
    *("NaN", '{"a": 1, "a": 2}', "[" * 5_000 + "]" * 5_000),  # for nm:field's JSON
]


def _own_output(article: Article, target: Format) -> bytes:
    if target is Format.HTML:
        block = info(Format.JSONLD).codec().write(article).text
        page = f'<html><head><script type="application/ld+json">{block}</script></head></html>'
        return page.encode()
    return info(target).codec().write(article).text.encode()


def _any_article() -> st.SearchStrategy[Article]:
    """The seed (ten quotations with spans) or any generated article."""
    return st.just(_SEED_ARTICLE) | articles()


@pytest.mark.parametrize("target", _OWN)
@given(data=st.data())
def test_own_output_with_bytes_changed(target: Format, data: st.DataObject) -> None:
    document = _own_output(data.draw(_any_article(), label="article"), target)
    read_everything(data.draw(_mutated(document), label="damaged"), target)


@pytest.mark.parametrize("target", _JSON_OUTPUTS)
@given(data=st.data())
def test_own_json_with_values_of_the_wrong_kind(target: Format, data: st.DataObject) -> None:
    document = json.loads(_own_output(data.draw(_any_article(), label="article"), target))
    _put_wrong_values(document, data)
    read_everything(json.dumps(document).encode(), target)


@pytest.mark.parametrize("target", _XML_OUTPUTS)
@given(data=st.data())
def test_own_xml_with_parts_changed(target: Format, data: st.DataObject) -> None:
    """Newsmodel's ``nm:`` elements and their attributes are changed with the rest."""
    root = etree.fromstring(_own_output(data.draw(_any_article()), target))
    _change_parts(root, data, values=st.sampled_from(_ODD_VALUES) | _xml_texts)
    read_everything(etree.tostring(root), target)
