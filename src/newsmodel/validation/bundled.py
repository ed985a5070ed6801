"""
The schemas validation judges by, loaded from the package and compiled once per process.

Official schemas (IPTC's NewsML-G2 2.35 and NITF 3.6 XSDs, every ninjs
schema from 1.0 to 3.3) live in ``schemas/official/``, unchanged; newsmodel's
own profile schemas, one folder up.  Nothing is read from the network: XSD
imports resolve to the files beside the schema, JSON ``$ref`` to the bundled
GeoJSON schema.  Each loader is cached, so a process (or each worker of
``validate -j``) compiles a schema the first time it needs it, and only then.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonschema.exceptions import SchemaError
from jsonschema.validators import validator_for
from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.validation.engines import compile_schema

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from newsmodel.validation.engines import Checker

__all__ = [
    "G2_VERSION",
    "NEWEST_RELEASED",
    "NINJS_CANDIDATES",
    "NINJS_VERSIONS",
    "NITF_VERSION",
    "newsml_g2_xsd",
    "ninjs_checker",
    "nitf_xsd",
    "official_format",
    "profile_checker",
    "profile_schema",
    "profile_xsd",
    "user_json_checker",
    "user_xsd",
]

#: The NewsML-G2 release whose XSD judges every NewsML-G2 document (2.x is backward compatible).
G2_VERSION = "2.35"
#: The NITF release whose XSD judges every NITF document.
NITF_VERSION = "3.6"
#: Every ninjs version with a bundled official schema, oldest first.
NINJS_VERSIONS = (
    *(f"1.{minor}" for minor in range(9)),
    *(f"2.{minor}" for minor in range(5)),
    *(f"3.{minor}" for minor in range(4)),
)
#: Versions IPTC has published as candidates only.
NINJS_CANDIDATES = frozenset({"1.8", "2.4", "3.3"})
#: The version a document is judged by when it only shows its major version.
NEWEST_RELEASED = {1: "1.7", 2: "2.3", 3: "3.2"}

_PROFILES = {
    Format.JSON: "newsmodel-article.schema.json",
    Format.NINJS2: "newsmodel-ninjs2.schema.json",
    Format.NINJS3: "newsmodel-ninjs3.schema.json",
}
_GEOJSON = "https://geojson.org/schema/GeoJSON.json"
_LOCAL_DEFINITION = "#/$defs/"


def _schemas() -> Traversable:
    return files("newsmodel") / "schemas"


def _json(resource: Traversable) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return document


@cache
def _xsd(*parts: str) -> etree.XMLSchema:
    resource = _schemas().joinpath(*parts)
    with as_file(resource) as path:  # a real file already, unless installed zipped
        return hardened_xml.load_schema(str(path))


def newsml_g2_xsd() -> etree.XMLSchema:
    """IPTC's NewsML-G2 2.35 All-Power XSD."""
    return _xsd("official", "newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")


def nitf_xsd() -> etree.XMLSchema:
    """IPTC's NITF 3.6 XSD."""
    return _xsd("official", "newsml-g2", "nitf-3-6.xsd")


def profile_xsd() -> etree.XMLSchema:
    """Newsmodel's NewsML-G2 profile: what its writer promises to emit."""
    return _xsd("newsmodel-newsml-g2.xsd")


@cache
def ninjs_checker(version: str, engine: str | None = None) -> Checker:
    """
    IPTC's ninjs schema of *version* (``3.1``), compiled with format assertions off.

    Formats only annotate, as in IPTC's own test suite: its should_pass
    files hold bare ``uri`` values and date-times without an offset.
    """
    official = _schemas() / "official" / "ninjs"
    geojson = _json(official / "GeoJSON-schema.json")
    schema = _json(official / f"ninjs-schema_{version}.json")
    return compile_schema(schema, [(_GEOJSON, geojson)], formats=False, engine=engine)


@cache
def profile_schema(format: Format) -> dict[str, Any]:  # noqa: A002 - the public name
    """
    Return newsmodel's bundled JSON Schema of *format*, parsed.

    Raises:
        KeyError: The format has no bundled JSON Schema.
    """
    return _json(_schemas() / _PROFILES[format])


@cache
def profile_checker(format: Format, engine: str | None = None) -> Checker:  # noqa: A002
    """Newsmodel's profile of *format*, with formats asserted (``date-time`` is enforced)."""
    document = profile_schema(format)
    inlined = _inlined(document, document.get("$defs", {}), frozenset())
    return compile_schema(inlined, [(document["$id"], document)], formats=True, engine=engine)


def _inlined(node: Any, definitions: dict[str, Any], within: frozenset[str]) -> Any:
    """
    The schema with each local ``$ref`` replaced by what it refers to.

    The same schema, checked faster: looking a reference up costs jsonschema
    more than the check it leads to (validating generated native JSON went
    from 1,000 to 2,050 documents per second).  A definition that refers to
    itself stays a reference.
    """
    if isinstance(node, list):
        return [_inlined(item, definitions, within) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith(_LOCAL_DEFINITION):
        name = reference.removeprefix(_LOCAL_DEFINITION)
        if name in definitions and name not in within:
            target = _inlined(definitions[name], definitions, within | {name})
            rest = {k: _inlined(v, definitions, within) for k, v in node.items() if k != "$ref"}
            return {"allOf": [target], **rest} if rest else target
    return {key: _inlined(value, definitions, within) for key, value in node.items()}


_NINJS_FAMILY = frozenset({Format.NINJS, Format.NINJS2, Format.NINJS3})


@cache
def official_format(path: str) -> frozenset[Format]:
    """
    The formats a user's official schema judges: an XSD's by its target namespace, JSON's ninjs.

    Empty when the schema is for none of them (an XSD of another namespace).
    The schema is compiled here, so that a broken one is found before any document.

    Raises:
        NewsmodelError: The file cannot be read, or is not a schema.
    """
    try:
        data = Path(path).read_bytes()
        if not path.lower().endswith(".xsd"):
            user_json_checker(path)
            return _NINJS_FAMILY
        namespace = hardened_xml.parse(data).get("targetNamespace")
        user_xsd(path)
    except (OSError, ValueError, etree.LxmlError, SchemaError) as error:
        reason = error.strerror if isinstance(error, OSError) else None
        reason = reason or str(error).partition("\n")[0]
        msg = f"{path}: not a schema newsmodel can use: {reason}"
        raise NewsmodelError(msg) from error
    by_namespace = {g2.NAR: Format.NEWSML_G2, g2.NITF: Format.NITF}
    return frozenset({by_namespace[namespace]} if namespace in by_namespace else ())


@cache
def user_xsd(path: str) -> etree.XMLSchema:
    """A user's copy of an XSD, its imports read from beside it."""
    return hardened_xml.load_schema(path)


@cache
def user_json_checker(path: str) -> Checker:
    """
    A user's JSON Schema, ``$ref`` resolving to the schemas beside it only.

    Format assertions stay off, as for the bundled official schemas.
    """
    schema_file = Path(path)
    document: dict[str, Any] = json.loads(schema_file.read_text(encoding="utf-8"))
    validator_for(document).check_schema(document)  # a broken schema, before any document
    resources = []
    for sibling in schema_file.parent.glob("*.json"):
        try:
            contents = json.loads(sibling.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(contents, dict) and isinstance(contents.get("$id"), str):
            resources.append((contents["$id"], contents))
    return compile_schema(document, resources, formats=False)
