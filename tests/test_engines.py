"""jsonschema-rs reaches the same verdicts as jsonschema, and names the same paths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given

from conftest import SHARED, need
from newsmodel.formats import Format
from newsmodel.validation import bundled
from newsmodel.validation.messages import schema_issues
from strategies import json_documents, mutated

if TYPE_CHECKING:
    from newsmodel.validation.engines import Checker

pytest.importorskip("jsonschema_rs", reason="the fast extra is part of the test dependencies")

SUITE = SHARED / "ref" / "ninjs" / "test_suite"


DOCUMENTS = json_documents()
# Every official schema a document may be judged by, and newsmodel's profiles.
SCHEMAS = [("ninjs", v) for v in bundled.NINJS_VERSIONS] + [
    ("profile", f.value) for f in (Format.JSON, Format.NINJS2, Format.NINJS3)
]


def checker(kind: str, name: str, engine: str) -> Checker:
    if kind == "ninjs":
        return bundled.ninjs_checker(name, engine)
    return bundled.profile_checker(Format(name), engine)


def verdict(kind: str, name: str, engine: str, document: Any) -> tuple[bool, list[str]]:
    issues = schema_issues(checker(kind, name, engine).findings(document), "rule")
    return not issues, sorted({issue.path for issue in issues})


def test_the_documents_are_many_and_both_kinds() -> None:
    need(SUITE)
    assert len(DOCUMENTS) > 200
    verdicts = {verdict("ninjs", "3.2", "python", d)[0] for d in DOCUMENTS}
    assert {True, False} == verdicts


@pytest.mark.parametrize(("kind", "name"), SCHEMAS, ids=str)
def test_both_engines_agree_on_every_real_document(kind: str, name: str) -> None:
    for document in DOCUMENTS:
        assert verdict(kind, name, "python", document) == verdict(kind, name, "rust", document)


@pytest.mark.parametrize(("kind", "name"), SCHEMAS, ids=str)
@given(document=mutated(DOCUMENTS))
def test_both_engines_agree_on_mutated_documents(kind: str, name: str, document: Any) -> None:
    assert verdict(kind, name, "python", document) == verdict(kind, name, "rust", document)


# Python's spaces, and those of other regex dialects (ECMA 262 counts U+FEFF).
_SPACES_OF_SOME = [chr(c) for c in range(0x3001) if chr(c).isspace()] + ["\ufeff", "\u180e"]


@pytest.mark.parametrize("space", _SPACES_OF_SOME, ids=lambda c: f"U+{ord(c):04X}")
def test_both_engines_tell_a_space_as_python_does(space: str) -> None:
    """``\\S`` and ``\\s`` in a pattern mean Python's classes to jsonschema-rs too."""
    for document in ({"headline": space}, {"headline": "x", "id": f"urn:a{space}"}):
        expected = verdict("profile", Format.JSON.value, "python", document)
        assert verdict("profile", Format.JSON.value, "rust", document) == expected
