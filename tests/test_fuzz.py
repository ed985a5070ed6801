"""
Every reader, fed junk and damaged real documents, ends in a NewsmodelError.

Anything else (a KeyError, a RecursionError, an lxml exception) would reach
a user as a traceback. What is read must also be writable in every format
and checkable by ``validate``. ``FUZZ=1`` runs thousands of examples.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import EXAMPLES, SHARED
from newsmodel._lowlevel.validators import NOT_XML
from newsmodel.conversion import Reading
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, info
from newsmodel.validation import validate

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
    for _ in range(data.draw(st.integers(1, 4))):
        nodes = _json_nodes(document)
        if not nodes:
            break
        container, key = data.draw(st.sampled_from(nodes))
        container[key] = data.draw(_JSON_VALUES)  # type: ignore[index]
    read_everything(json.dumps(document).encode(), source)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} holds the corpus")
@given(data=st.data())
def test_real_newsml_g2_with_parts_changed(data: st.DataObject) -> None:
    root = etree.fromstring(Path(data.draw(st.sampled_from(_SEEDS[Format.NEWSML_G2]))).read_bytes())
    elements = list(root.iter(etree.Element))
    for _ in range(data.draw(st.integers(1, 6))):
        element = data.draw(st.sampled_from(elements))
        change = data.draw(st.sampled_from(["drop", "text", "attribute"]))
        if change == "drop" and element.getparent() is not None:
            element.getparent().remove(element)  # type: ignore[union-attr]
        elif change == "text":
            element.text = data.draw(st.text(max_size=20).filter(_xml_safe))
        elif element.attrib:
            name = data.draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, data.draw(st.text(max_size=20).filter(_xml_safe)))
    read_everything(etree.tostring(root), Format.NEWSML_G2)


def _xml_safe(text: str) -> bool:
    return not NOT_XML.search(text)


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
