"""
newsmodel's verdict on every NewsML-G2 and ninjs file of the corpus agrees with the official one.

The official verdict is computed here, independently of newsmodel: lxml with
IPTC's XSD from ``../shared/ref``, and jsonschema with IPTC's ninjs schemas from
there, GeoJSON registered and format assertions off, as IPTC's own runner has
it.  A ninjs document that declares no version is judged by the newest
released schema of the major version its keys show (camelCase keys: 3.2,
``headlines``: 2.3, otherwise 1.7), as the documentation promises.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema.validators import validator_for
from lxml import etree
from referencing import Registry, Resource

from conftest import SHARED, need, run

if TYPE_CHECKING:
    from pathlib import Path

REF = SHARED / "ref"
CORPUS = SHARED / "corpus"
G2_FILES = sorted((CORPUS / "newsml-g2").glob("*.xml"))
NINJS_FILES = sorted((CORPUS / "ninjs").glob("*.json"))


@cache
def g2_schema() -> etree.XMLSchema:
    xsd = REF / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
    return etree.XMLSchema(etree.parse(str(xsd), etree.XMLParser(no_network=True)))


@cache
def ninjs_validator(version: str) -> Any:
    geojson = json.loads((REF / "ninjs" / "GeoJSON-schema.json").read_text())
    registry: Registry[Any] = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson)
    )
    schema = json.loads((REF / "ninjs" / f"ninjs-schema_{version}.json").read_text())
    return validator_for(schema)(schema, registry=registry)


def ninjs_version(document: dict[str, Any]) -> str:
    standard = document.get("standard")
    if isinstance(standard, dict) and re.fullmatch(r"\d\.\d", str(standard.get("version"))):
        return str(standard["version"])
    if any(key != key.lower() for key in document):
        return "3.2"
    return "2.3" if "headlines" in document or "bodies" in document else "1.7"


def official_g2_verdict(path: Path) -> bool:
    tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    return g2_schema().validate(tree)


def official_ninjs_verdict(path: Path) -> bool:
    document = json.loads(path.read_text(encoding="utf-8-sig"))
    return bool(ninjs_validator(ninjs_version(document)).is_valid(document))


def test_the_corpus_has_both_verdicts() -> None:
    need(CORPUS)
    g2 = [official_g2_verdict(p) for p in G2_FILES]
    ninjs = [official_ninjs_verdict(p) for p in NINJS_FILES]
    assert 44 == len(g2)
    assert 15 == len(ninjs)
    assert {True, False} == set(g2) == set(ninjs)


@pytest.mark.parametrize("path", G2_FILES, ids=lambda p: p.name)
def test_newsml_g2_verdict_is_the_xsd_verdict(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    valid = official_g2_verdict(path)
    code, out, err = run(capsys, "validate", str(path))
    assert (0 if valid else 1) == code, out
    assert "" == err
    if valid:
        assert f"{path}: valid: NewsML-G2 " in out
    else:
        assert re.search(
            rf"^{re.escape(str(path))}:\d+:\d+: NewsML-G2 2\.35 XSD: /", out, re.MULTILINE
        )


@pytest.mark.parametrize("path", NINJS_FILES, ids=lambda p: p.name)
def test_ninjs_verdict_is_the_schema_verdict(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    document = json.loads(path.read_text(encoding="utf-8-sig"))
    version = ninjs_version(document)
    valid = official_ninjs_verdict(path)
    code, out, err = run(capsys, "validate", str(path))
    assert (0 if valid else 1) == code, out
    assert "" == err
    if valid:
        assert f"{path}: valid: ninjs {version} {document.get('type') or 'item'}\n" in out
    else:
        assert f"{path}: ninjs {version} schema: $" in out


@pytest.mark.parametrize("path", G2_FILES[::4] + NINJS_FILES[::3], ids=lambda p: p.name)
def test_the_verdict_on_a_file_is_the_same_with_the_schema_forced(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    """--official-schema with the same schema changes the rule's name, not the verdict."""
    if path.suffix == ".xml":
        schema = REF / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
        valid = official_g2_verdict(path)
    else:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
        schema = REF / "ninjs" / f"ninjs-schema_{ninjs_version(document)}.json"
        valid = official_ninjs_verdict(path)
    code, out, _ = run(capsys, "validate", str(path), "--official-schema", str(schema))
    assert (0 if valid else 1) == code, out
    assert valid or f": official schema {schema.name}: " in out
