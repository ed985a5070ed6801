"""
newsmodel's native JSON: the model written out field by field.

* Keys are the model's attribute names; an attribute that holds its default
  (``None`` or an empty tuple) is left out, so documents stay short.
* Key order is fixed: required keys first, then the others in the order the
  model declares them; ``dumps`` indents by two spaces and ends with a newline.
* Datetimes are RFC 3339 strings with their offset; enums are their values.
* A person or organisation carries ``"type": "person"`` or
  ``"type": "organization"``.
* Reading is exact: a key the model does not know, or a value of the wrong
  JSON type, is an error that names its JSONPath; nothing is dropped.

The bundled schema ``newsmodel-article.schema.json`` describes this form.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any, get_type_hints

import attrs

from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import Reading, Unreadable, Writing
from newsmodel.errors import ParseError, StructureError
from newsmodel.formats.json import converter
from newsmodel.model import Article

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import IO

    from cattrs import Converter

__all__ = [
    "dumps",
    "field_from_json",
    "from_document",
    "iter_lines",
    "json_lines",
    "loads",
    "make_converter",
    "read",
    "read_items",
    "to_document",
    "write",
]


def make_converter() -> Converter:
    """
    Return the converter between the model and native JSON, built once.
    """
    return converter.checking_converter()


def loads(data: str | bytes, /) -> Article:
    """
    Read an article from a native JSON document.

    Raises:
        ParseError: The input is not JSON.
        StructureError: The JSON does not describe a valid article.
    """
    return from_document(strict_json.parse(data))


def read(data: str | bytes, /) -> Reading:
    """
    Read an article as every format reads: native JSON holds all the model does, so loses nothing.

    Raises:
        ParseError: The input is not JSON.
        StructureError: The JSON does not describe a valid article.
    """
    return Reading(article=loads(data))


def read_items(data: str | bytes, /) -> Iterator[Reading | Unreadable]:
    """
    Read the articles of a document: one, an array of them, or JSON Lines.

    Native JSON holds all the model holds, so a reading has no losses; an
    article that is not valid is an :class:`~newsmodel.conversion.Unreadable`.
    """
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        numbered = json_lines(data)
        if numbered is None:
            raise error from None

        for number, line in numbered:
            yield _item(line, f"line {number}")
        return
    if not isinstance(document, list):
        yield Reading(article=from_document(document))  # one article: its error is the error
        return
    for index, value in enumerate(document):
        yield _item(value, f"$[{index}]")


def iter_lines(source: IO[bytes], /) -> Iterator[Reading | Unreadable]:
    """
    Read a JSON Lines file one article per line, as the lines stream past.

    Memory stays flat however many lines there are; a line that is not a
    valid article is an :class:`~newsmodel.conversion.Unreadable` naming its
    line, and blank lines are skipped.
    """
    for number, line in enumerate(source, start=1):
        if line.strip():
            yield _item(line, f"line {number}")


def json_lines(data: str | bytes) -> list[tuple[int, str]] | None:
    """The numbered lines of a JSON Lines document, or None if it is not one."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        return None
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(numbered) < 2 or not all(line.lstrip().startswith("{") for _, line in numbered):  # noqa: PLR2004
        return None
    return numbered


def _item(value: object, where: str) -> Reading | Unreadable:
    try:
        article = loads(value) if isinstance(value, (str, bytes)) else from_document(value)
    except (ParseError, StructureError) as error:
        return Unreadable(where=where, reason=str(error))
    return Reading(article=article)


def write(article: Article, /) -> Writing:
    """
    Write *article*, as every format writes: native JSON loses nothing.
    """
    return Writing(text=dumps(article))


def dumps(article: Article, /, *, indent: int | None = 2) -> str:
    """
    Write *article* as a native JSON document: indented, or on one line (``indent=None``).
    """
    document = to_document(article)
    if indent is None:
        return json.dumps(document, ensure_ascii=False)
    return strict_json.dumps(document) + "\n"


def from_document(document: object, /) -> Article:
    """
    Build an article from parsed JSON (dicts, lists, strings and numbers).

    Raises:
        StructureError: The value does not describe a valid article.
    """
    article: Article = converter.structure(document, Article)
    return article


def to_document(article: Article, /) -> dict[str, Any]:
    """
    Return *article* as JSON-ready dicts, lists, strings and numbers.
    """
    document: dict[str, Any] = make_converter().unstructure(article)
    return document


def field_from_json(name: str, text: str | None) -> Any:
    """
    One field of an article from its native JSON, as formats' extensions hold it.

    Empty text means the field's default.

    Raises:
        ValueError: The article has no field *name*.
        ParseError: *text* is not strict JSON (too deep, ``NaN``, a duplicate key).
        StructureError: The JSON is not a valid value of the field.
    """
    types = _field_types()
    if name not in types:
        msg = "the model has no such field"
        raise ValueError(msg)
    if text is None:
        return attrs.fields_dict(Article)[name].default
    return converter.structure(strict_json.parse(text), types[name])


@cache
def _field_types() -> dict[str, Any]:
    return get_type_hints(Article)
