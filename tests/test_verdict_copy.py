"""
The schema copy that judges documents first gives each the schema's own verdict.

It is judged by a validator class entering subschemas in place, as the
checkers do; the reference is jsonschema's own class on the schema itself.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from jsonschema.validators import validator_for
from referencing import Registry, Resource

from newsmodel.formats import Format
from newsmodel.formats import json as native_json
from newsmodel.validation import bundled
from newsmodel.validation.derived import verdict_copy
from newsmodel.validation.inplace import in_place
from strategies import articles, json_documents, mutated

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

    from newsmodel.model import Article

OFFICIAL = files("newsmodel") / "schemas" / "official" / "ninjs"
GEOJSON = json.loads((OFFICIAL / "GeoJSON-schema.json").read_text(encoding="utf-8"))
REGISTRY: Registry[Any] = Registry().with_resource(
    "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(GEOJSON)
)
# (name, schema, whether formats assert): what the bundled checkers judge by.
BUNDLED = [
    (f"ninjs {version}", json.loads((OFFICIAL / f"ninjs-schema_{version}.json").read_text()), False)
    for version in bundled.NINJS_VERSIONS
] + [
    (f"profile {f.value}", bundled.profile_schema(f), True)
    for f in (Format.JSON, Format.NINJS2, Format.NINJS3)
]


DOCUMENTS = json_documents()


def _validator(schema: dict[str, Any], formats: bool) -> Validator:
    cls = validator_for(schema)
    return cls(schema, registry=REGISTRY, format_checker=cls.FORMAT_CHECKER if formats else None)


def _quick(schema: dict[str, Any], formats: bool) -> Validator:
    """What the checkers judge by first: the copy, entered in place."""
    copy = _copy(schema, formats)
    cls = in_place(validator_for(copy))
    return cls(copy, registry=REGISTRY, format_checker=cls.FORMAT_CHECKER if formats else None)


def _copy(schema: dict[str, Any], formats: bool) -> dict[str, Any]:
    asserted = validator_for(schema).FORMAT_CHECKER.checkers if formats else ()
    return verdict_copy(schema, asserted)


@pytest.mark.parametrize(("name", "schema", "formats"), BUNDLED, ids=[b[0] for b in BUNDLED])
def test_every_real_document_has_the_schema_verdict(
    name: str, schema: dict[str, Any], formats: bool
) -> None:
    reference, quick = _validator(schema, formats), _quick(schema, formats)
    verdicts = [reference.is_valid(document) for document in DOCUMENTS]
    assert verdicts == [quick.is_valid(document) for document in DOCUMENTS], name


@pytest.mark.parametrize(("name", "schema", "formats"), BUNDLED, ids=[b[0] for b in BUNDLED])
@given(document=mutated(DOCUMENTS))
def test_every_mutated_document_has_the_schema_verdict(
    name: str, schema: dict[str, Any], formats: bool, document: Any
) -> None:
    reference, quick = _validator(schema, formats), _quick(schema, formats)
    assert reference.is_valid(document) == quick.is_valid(document), name


@given(articles())
def test_every_article_passes_the_copy_of_the_native_schema(article: Article) -> None:
    schema = bundled.profile_schema(Format.JSON)
    document = json.loads(native_json.dumps(article))
    assert _quick(schema, formats=True).is_valid(document)


@pytest.mark.parametrize(
    ("kind", "name"), [("profile", Format.JSON), ("ninjs", "3.2"), ("ninjs", "1.7")], ids=str
)
@given(document=mutated(DOCUMENTS))
def test_a_refused_document_is_listed_by_the_schema_itself(
    kind: str, name: Any, document: Any
) -> None:
    """The checker's findings are the schema's own errors, in its order and words."""
    if kind == "profile":
        checker = bundled.profile_checker(name, "python")
        schema, formats = bundled.profile_schema(name), True
    else:
        checker = bundled.ninjs_checker(name, "python")
        schema = json.loads((OFFICIAL / f"ninjs-schema_{name}.json").read_text())
        formats = False
    errors = _validator(schema, formats).iter_errors(document)
    expected = [(tuple(e.absolute_path), e.message) for e in errors]
    assert [(f.path, f.message) for f in checker.findings(document)] == expected


def test_the_bundled_schemas_are_copied_lighter() -> None:
    """References and branches are gone where they can go; a copy that bails would pass the rest."""
    native = _copy(bundled.profile_schema(Format.JSON), formats=True)
    assert '"$ref"' not in json.dumps(native)
    assert '"allOf"' not in json.dumps(native)
    assert native["properties"]["headline"].keys() == {"type", "pattern"}  # one pattern for two
    latest = _copy(dict(BUNDLED[bundled.NINJS_VERSIONS.index("3.2")][1]), formats=False)
    assert latest["additionalProperties"] is False
    assert "unevaluatedProperties" not in latest
    assert "$ref" not in latest
    assert latest["properties"]["firstCreated"] == {"type": "string"}  # formats only annotate


DRAFT_2020 = "https://json-schema.org/draft/2020-12/schema"
DRAFT_7 = "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize(
    "schema",
    [
        {"$schema": "http://json-schema.org/draft-04/schema#", "properties": {"a": {"$ref": "#"}}},
        {"$schema": DRAFT_2020, "$defs": {"a": {"$anchor": "x"}}, "$ref": "#x"},
        {"$schema": DRAFT_2020, "properties": {"a": {}, "b": {"$ref": "#/properties/a"}}},
        {"$schema": DRAFT_2020, "properties": {"a": {"$schema": DRAFT_7, "type": "string"}}},
        {"$schema": DRAFT_2020, "properties": {"a": {"$id": "urn:a", "type": "string"}}},
    ],
    ids=["draft 4", "anchor", "pointer", "nested draft", "nested id"],
)
def test_schemas_the_steps_are_not_proved_for_are_kept(schema: dict[str, Any]) -> None:
    assert verdict_copy(schema, ()) is schema


# Schemas where a careless step would change a verdict: keywords that read
# their siblings, references whose siblings old drafts ignore, recursion.
TRICKY = [
    {
        "$schema": DRAFT_7,
        "definitions": {"s": {"type": "string", "title": "s"}},
        "properties": {"a": {"$ref": "#/definitions/s", "minLength": 3}},
    },
    {"anyOf": [{"properties": {"a": True}}, {"required": ["b"]}], "unevaluatedProperties": False},
    {"properties": {"a": {"type": "integer"}}, "allOf": [{"additionalProperties": False}]},
    {
        "properties": {"a": True},
        "allOf": [{"properties": {"b": True}, "additionalProperties": False}],
    },
    {
        "properties": {"a": True},
        "allOf": [{"properties": {"b": True}, "unevaluatedProperties": False}],
    },
    {
        "properties": {"a": True},
        "allOf": [{"properties": {"b": True}, "anyOf": [True], "unevaluatedProperties": False}],
    },
    {"allOf": [{"pattern": "^a"}, {"pattern": "b$"}], "pattern": "\\S"},
    {"allOf": [{"pattern": "(a)\\1"}], "pattern": "^[^x]*$"},
    {
        "properties": {"a": {"type": "string"}},
        "allOf": [{"properties": {"a": {"minLength": 2}, "b": {"type": "integer"}}}],
    },
    {"required": ["a"], "allOf": [{"required": ["b"]}, {"type": "object", "minProperties": 2}]},
    {
        "$defs": {
            "t": {
                "type": "object",
                "properties": {"c": {"$ref": "#/$defs/t"}, "a": {"type": "integer"}},
                "additionalProperties": False,
            }
        },
        "$ref": "#/$defs/t",
    },
    {
        "$ref": "#/$defs/d",
        "unevaluatedProperties": False,
        "$defs": {"d": {"properties": {"a": True}, "anyOf": [{"properties": {"b": True}}, True]}},
    },
    {
        "if": {"required": ["a"]},
        "then": {"required": ["b"]},
        "allOf": [{"if": {"required": ["c"]}, "then": {"required": ["a"]}, "else": False}],
    },
    {"prefixItems": [{"type": "string"}], "allOf": [{"items": {"type": "integer"}}]},
    {
        "properties": {"a": True},
        "dependentSchemas": {"a": {"properties": {"b": True}}},
        "unevaluatedProperties": False,
    },
    {"type": "string", "allOf": [{"type": ["string", "null"]}, {"format": "date-time"}]},
    {"type": "object", "$ref": "#/$defs/o", "$defs": {"o": {"required": ["a"]}}},
    # What the in-place applicators must get right: prefixes, patterns, branches, scope.
    {"prefixItems": [{"type": "string"}], "items": False},
    {"prefixItems": [True, True], "items": {"type": "integer"}},
    {"patternProperties": {"^a": {"type": "integer"}}, "additionalProperties": {"type": "string"}},
    {"properties": {"a": False, "b": {"type": "array", "items": {"minLength": 1}}}},
    {"oneOf": [{"required": ["a"]}, {"required": ["b"]}, {"type": "array"}]},
    {"anyOf": [{"properties": {"a": {"type": "integer"}}, "required": ["a"]}, {"maxItems": 1}]},
    {"allOf": [{"properties": {"a": {"type": "string"}}}, {"properties": {"a": {"minLength": 2}}}]},
    {
        "$id": "urn:outer",
        "properties": {
            "a": {
                "$id": "urn:inner",
                "properties": {"b": {"$ref": "#/$defs/s"}},
                "$defs": {"s": {"type": "integer"}},
            },
            "c": {"properties": {"b": {"$ref": "#/$defs/s"}}},
        },
        "$defs": {"s": {"type": "string"}},
    },
    {
        "$schema": DRAFT_7,
        "items": [{"type": "string"}],
        "additionalItems": {"type": "integer"},
        "properties": {"a": {"$ref": "#/definitions/s", "type": "integer"}},
        "definitions": {"s": {"type": "string"}},
    },
    {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "id": "urn:outer",
        "properties": {
            "a": {
                "id": "urn:inner",
                "properties": {"b": {"$ref": "#/definitions/s"}},
                "definitions": {"s": {"type": "integer"}},
            },
            "c": {"items": {"$ref": "#/definitions/s"}},
        },
        "definitions": {"s": {"type": "string"}},
    },
]

_keys = st.sampled_from(["a", "b", "c"])
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 3)
    | st.sampled_from(["", " ", "a", "b", "ab", "aab", "xb", "2024-01-01T00:00:00Z", "2024-02-30"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=8,
)


@pytest.mark.parametrize("schema", TRICKY, ids=range(len(TRICKY)))
@given(instance=_json)
@example(instance={"a": 1, "b": 2})
@example(instance={"c": {"c": {"a": "x"}}})
@example(instance={"a": {"b": 1}, "c": {"b": "x"}})
@example(instance=["a", 1, 2])
@example(instance={"a": 1, "ab": "x"})
def test_keywords_that_read_each_other_keep_their_verdict(
    schema: dict[str, Any], instance: Any
) -> None:
    schema = {"$schema": DRAFT_2020, **schema}
    for formats in (False, True):
        reference = _validator(schema, formats)
        quick = _quick(schema, formats)
        assert reference.is_valid(instance) == quick.is_valid(instance), (formats, instance)


_PATTERNS = ["^a", "b$", "\\S", "^[^x]*$", "(?<=a)b", "\\Ab", "a$(?!\\n)", "^$", "x*"]


@given(
    first=st.sampled_from(_PATTERNS),
    second=st.sampled_from(_PATTERNS),
    text=st.text(alphabet="abx \n", max_size=6),
)
def test_joined_patterns_match_where_both_do(first: str, second: str, text: str) -> None:
    schema = {"$schema": DRAFT_2020, "pattern": first, "allOf": [{"pattern": second}]}
    joined = verdict_copy(schema, ())
    assert "allOf" not in joined
    both = re.search(first, text) is not None and re.search(second, text) is not None
    assert both == (re.search(joined["pattern"], text) is not None)
