"""The bundled JSON Schema and the model agree, both ways."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from newsmodel._lowlevel.validators import LANGUAGE_TAG, TEXT, URI
from newsmodel.errors import StructureError
from newsmodel.formats import Format
from newsmodel.formats import json as native_json
from newsmodel.formats.json.converter import RFC3339
from newsmodel.model import Article
from newsmodel.validation import schema, validate
from strategies import articles

SCHEMA = schema(Format.JSON)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)

# What the model checks and no JSON Schema can: the body's markup, and that a
# quotation's span points at its words (and ends after it starts).
MODEL_ONLY = ("$.body.html", "$.quotations[")


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_patterns_are_the_models() -> None:
    defs = SCHEMA["$defs"]
    assert TEXT.pattern == defs["text"]["pattern"]
    assert URI.pattern == defs["uri"]["pattern"]
    assert LANGUAGE_TAG.pattern == defs["languageTag"]["pattern"]
    assert RFC3339.pattern == defs["dateTime"]["pattern"]


def test_every_model_field_is_in_the_schema() -> None:
    import attrs  # noqa: PLC0415

    assert [a.name for a in attrs.fields(Article)] == list(SCHEMA["properties"])


def test_date_time_format_is_enforced() -> None:
    """Without a format checker "date-time" would be an annotation only."""
    assert not VALIDATOR.is_valid({"headline": "x", "published": "2023-02-29T00:00:00Z"})


@given(articles())
def test_every_article_is_schema_valid(article: Article) -> None:
    document = json.loads(native_json.dumps(article))
    assert [] == [e.message for e in VALIDATOR.iter_errors(document)]


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ({}, "$"),
        ({"headline": ""}, "$.headline"),
        ({"headline": "   "}, "$.headline"),
        ({"headline": "x", "published": "2024-05-01T09:00:00"}, "$.published"),
        ({"headline": "x", "published": "2024-05-01T09:00"}, "$.published"),
        ({"headline": "x", "urgency": 0}, "$.urgency"),
        ({"headline": "x", "urgency": 10}, "$.urgency"),
        ({"headline": "x", "urgency": "5"}, "$.urgency"),
        ({"headline": "x", "headlines": ["y"]}, "$"),
        ({"headline": "x", "id": "not a uri"}, "$.id"),
        ({"headline": "x", "id": "/relative/path"}, "$.id"),
        ({"headline": "x", "language": "english!"}, "$.language"),
        ({"headline": "x", "language": "en\n"}, "$.language"),
        ({"headline": "x\x00"}, "$.headline"),
        ({"headline": "x", "publisher": {"name": "P"}}, "$.publisher"),
        ({"headline": "x", "bylines": [{}]}, "$.bylines[0]"),
        (
            {
                "headline": "x",
                "quotations": [{"text": "q", "kind": "term", "cue": "c", "speaker_mention": "he"}],
            },
            "$.quotations[0]",
        ),
    ],
)
def test_schema_and_model_reject_the_same_documents(document: dict[str, Any], path: str) -> None:
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(StructureError) as caught:
        native_json.from_document(document)
    assert any(p.startswith(path) for p, _ in caught.value.problems), caught.value.problems


# Values that probe each kind of constraint; a mutation puts one at a random place.
_PROBES: list[Any] = [
    None,
    True,
    0,
    -1,
    1,
    10,
    2.5,
    "",
    " ",
    "x",
    "a:b",
    "en",
    "\x01",
    "2024-05-01T09:00:00Z",
    "2024-05-01T09:00:00",
    "2023-02-29T00:00:00Z",
    "person",
    "organization",
    "full",
    "term",
    "usable",
    [],
    ["x"],
    [{}],
    {},
    {"name": "n"},
    {"type": "person", "name": "n"},
    {"type": "organization", "name": "n"},
    {"path": []},
    {"path": ["a"]},
    {"text": "t"},
]


def _places(value: Any, path: str = "$") -> list[tuple[str, Any, Any]]:
    """Every (path, container, key) in a JSON document, the root excluded."""
    found: list[tuple[str, Any, Any]] = []
    if isinstance(value, dict | list):
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            where = f"{path}.{key}" if isinstance(value, dict) else f"{path}[{key}]"
            found.append((where, value, key))
            found += _places(item, where)
    return found


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(native_json.dumps(draw(articles())))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = _places(document)
        action = draw(st.sampled_from(["set", "delete", "add"]))
        if action == "add" or not places:
            containers = [document] + [c[k] for _, c, k in places if isinstance(c[k], dict)]
            container = draw(st.sampled_from(containers))
            key = draw(st.sampled_from(["type", "name", "text", "unknown", "kind", "path"]))
            container[key] = copy.deepcopy(draw(st.sampled_from(_PROBES)))
            continue
        _, container, key = draw(st.sampled_from(places))
        if action == "delete":
            del container[key]
        else:
            container[key] = copy.deepcopy(draw(st.sampled_from(_PROBES)))
    return document


@given(_mutated())
@example({"headline": "x", "keywords": ["\x85"]})
@example({"headline": "x", "sections": [{"path": []}]})
@example({"headline": "x", "subjects": [{"scheme": "s", "name": "n"}]})
def test_schema_and_model_agree_on_mutated_documents(document: dict[str, Any]) -> None:
    """Whatever the schema refuses, the model refuses, and the other way round,
    but for the checks only the model can make."""
    schema_ok = VALIDATOR.is_valid(document)
    problems = _model_problems(document)
    if not problems:
        assert schema_ok, [e.message for e in VALIDATOR.iter_errors(document)]
    elif schema_ok:
        assert all(path.startswith(MODEL_ONLY) for path, _ in problems), problems


def _model_problems(document: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    try:
        native_json.from_document(copy.deepcopy(document))
    except StructureError as error:
        return error.problems
    return ()


@given(_mutated())
@example({"headline": "x", "body": {"html": "<p>a</p>x"}})
@example(
    {
        "headline": "In due course",
        "quotations": [{"text": "due", "span": {"start": 0, "end": 3, "part": "headline"}}],
    }
)
def test_validation_gives_the_verdict_of_reading_the_whole_article(
    document: dict[str, Any],
) -> None:
    """Once the schema has passed, validate() reads only what the schema cannot check."""
    report = validate(json.dumps(document), Format.JSON)
    if VALIDATOR.is_valid(document):
        found = sorted((issue.path, issue.message) for issue in report.issues)
        assert sorted(_model_problems(document)) == found
    else:
        assert not report.ok
