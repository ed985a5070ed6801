"""
Validation of documents against the bundled schemas, with results as objects.

:func:`validate` never raises for bad input: it returns a :class:`Report`
whose :class:`Issue` objects say where (a JSONPath, and a line and column
when the input is not even well-formed) and what is wrong.  :func:`check`
raises :class:`~newsmodel.errors.DocumentInvalid` instead.

Schemas are read from the package with :mod:`importlib.resources`, resolved
through a :mod:`referencing` registry that never fetches anything, and
checked with a format checker so that ``date-time`` is enforced.  Each
validator is built once per process.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from copy import deepcopy
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for
from lxml import etree
from referencing import Registry, Resource

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.conversion import Item, Reading
from newsmodel.errors import DocumentInvalid, ParseError, StructureError, TooLargeError
from newsmodel.formats import Format, jsonld, newsml_g2, ninjs, nitf
from newsmodel.formats import html as htmlpage
from newsmodel.formats import json as native_json
from newsmodel.formats import text as plaintext
from newsmodel.formats.jsonld import google
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.limits import DEFAULT_MAX_BYTES, check_size

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

__all__ = ["Issue", "Report", "Severity", "check", "schema", "validate"]

_SCHEMAS = {
    Format.JSON: "newsmodel-article.schema.json",
    Format.NINJS2: "newsmodel-ninjs2.schema.json",
    Format.NINJS3: "newsmodel-ninjs3.schema.json",
}


class Severity(enum.Enum):
    """
    How much an issue matters: errors make a document invalid.
    """

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Issue:
    """
    One problem found in a document.

    Attributes:
        message: What is wrong, naming what was expected and what was found.
        path: Where, as a JSONPath (``$.bylines[0].text``); ``$`` for the
            whole document.
        line: The 1-based line, when the problem has a position in the text.
        column: The 1-based column, when known.
        severity: Whether the problem makes the document invalid.
    """

    message: str
    path: str = "$"
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.line}:{self.column or 1}: " if self.line is not None else ""
        return f"{where}{self.path}: {self.message}"


@frozen(kw_only=True)
class Report:
    """
    The outcome of validating one document.

    Attributes:
        format: The format the document was validated as; ``None`` when
            it could not be told (or the document could not be read).
        issues: Every problem found, in order of their paths.
    """

    format: Format | None
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        """
        Whether the document is valid: it has no issue of severity error.
        """
        return not self.errors

    @property
    def errors(self) -> tuple[Issue, ...]:
        """
        The issues that make the document invalid.
        """
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)


@cache
def schema(format: Format) -> dict[str, Any]:  # noqa: A002 - the public name
    """
    Return the bundled JSON Schema of *format*, parsed, from the package.

    Raises:
        KeyError: The format has no bundled JSON Schema.
    """
    resource = files("newsmodel") / "schemas" / _SCHEMAS[format]
    document: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return document


@cache
def _validator(format: Format) -> Draft202012Validator:  # noqa: A002
    document = schema(format)
    registry: Registry[Any] = Registry().with_resource(
        document["$id"], Resource.from_contents(document)
    )
    return Draft202012Validator(
        _inlined(document, document.get("$defs", {}), frozenset()),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


_LOCAL_DEFINITION = "#/$defs/"


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


def validate(
    data: str | bytes,
    format: Format = Format.JSON,  # noqa: A002
    *,
    official_schema: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Report:
    """
    Validate a document against the bundled schema of its format.

    The document is parsed, checked against the schema, and, when the schema
    finds nothing, read into the model, which also checks what no schema can
    (that a body's markup is allowed, that each quotation's span points at
    its words).  What reading would lose is reported as warnings.

    Args:
        data: The document, as text or as the bytes of a file.
        format: The format to validate it as.
        official_schema: A copy of an official schema to check the document
            against too: an XML Schema (``.xsd``) for an XML document, a JSON
            Schema (``.json``) for a JSON one.  The files it refers to are
            looked for beside it, never on the network; JSON Schema format
            assertions stay off, as IPTC's own test suite runs them.
        max_bytes: A larger document is reported as an error, unread.

    Returns:
        A report; ``report.ok`` tells whether the document is valid.

    .. versionadded:: 0.1.0
    """
    check_format = {
        Format.JSON: _check_json,
        Format.NEWSML_G2: _check_newsml_g2,
        Format.JSONLD: _check_jsonld,
        Format.HTML: _check_html,
        Format.NINJS: _check_ninjs,
        Format.NINJS2: _check_ninjs,
        Format.NINJS3: _check_ninjs,
        Format.NITF: _check_nitf,
        Format.TEXT: _check_text,
    }[format]
    try:
        check_size(data, max_bytes)
    except TooLargeError as error:
        return Report(format=format, issues=(Issue(message=str(error)),))
    official = None if official_schema is None else Path(official_schema)
    return Report(format=format, issues=tuple(check_format(data, official)))


def _xsd_issues(root: etree._Element, schema: etree.XMLSchema, prefix: str) -> list[Issue]:
    if schema.validate(root):
        return []
    tree = root.getroottree()
    return [
        Issue(
            message=prefix + entry.message.replace("{" + g2.NAR + "}", ""),
            path=_xml_path(tree, entry.path),
            line=entry.line,
        )
        for entry in schema.error_log
    ]


def _official_json_issues(document: object, official: Path | None) -> list[Issue]:
    """What a user's official JSON Schema finds; an XML Schema has nothing to say here."""
    if official is None or official.suffix.lower() == ".xsd":
        return []
    errors = sorted(_official_json(str(official)).iter_errors(document), key=_error_order)
    return [
        Issue(message=f"official schema: {_short(e.message)}", path=e.json_path) for e in errors
    ]


def _short(message: str) -> str:
    """Schema messages quote whole values; a line is enough."""
    return message if len(message) <= _LONGEST_MESSAGE else message[: _LONGEST_MESSAGE - 3] + "..."


_LONGEST_MESSAGE = 200


@cache
def _official_xsd(path: str) -> etree.XMLSchema:
    return hardened_xml.load_schema(path)


@cache
def _official_json(path: str) -> Any:
    """A user's JSON Schema, resolving ``$ref`` to the schemas beside it only."""
    schema_file = Path(path)
    document = json.loads(schema_file.read_text(encoding="utf-8"))
    resources = []
    for sibling in schema_file.parent.glob("*.json"):
        try:
            contents = json.loads(sibling.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(contents, dict) and isinstance(contents.get("$id"), str):
            resources.append((contents["$id"], Resource.from_contents(contents)))
    registry: Registry[Any] = Registry().with_resources(resources)
    return validator_for(document)(document, registry=registry)


def _parse_issue(error: ParseError) -> Issue:
    return Issue(message=error.message, line=error.line, column=error.column)


def _schema_issues(format: Format, document: object) -> list[Issue]:  # noqa: A002
    errors = sorted(_validator(format).iter_errors(document), key=_error_order)
    # dict.fromkeys: one issue per missing key, although jsonschema repeats them.
    return list(dict.fromkeys(i for e in errors for i in _issues_from_schema_error(e)))


def _check_json(data: str | bytes, official: Path | None) -> list[Issue]:
    """
    Check native JSON: one article, an array of them, or JSON Lines.

    In an array each article's paths start ``$[n]``; in JSON Lines each
    issue carries the line of its article.
    """
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        lines = native_json.json_lines(data)
        if lines is None:
            return [_parse_issue(error)]
        return [
            attrs.evolve(issue, line=issue.line or number)
            for number, line in lines
            for issue in _check_json(line, official)
        ]
    if isinstance(document, list):
        return [
            attrs.evolve(issue, path=f"$[{index}]{issue.path[1:]}")
            for index, article in enumerate(document)
            for issue in _check_article(article, official)
        ]
    return _check_article(document, official)


def _check_article(document: object, official: Path | None) -> list[Issue]:
    issues = _schema_issues(Format.JSON, document) + _official_json_issues(document, official)
    if not issues:
        try:
            native_json.from_document(document)
        except StructureError as error:
            issues = [Issue(message=m, path=p) for p, m in error.problems]
    return issues


def _check_newsml_g2(data: str | bytes, official: Path | None) -> list[Issue]:
    """
    Check against newsmodel's profile (or the official XSD given instead), then read.
    """
    raw = data.encode() if isinstance(data, str) else data
    try:
        root = hardened_xml.parse(raw)
    except ParseError as error:
        return [_parse_issue(error)]
    profile = _xml_schema("newsmodel-newsml-g2.xsd")
    if official is not None:
        issues = _xsd_issues(root, _official_xsd(str(official)), "official schema: ")
    elif etree.QName(root).localname == "newsMessage":
        # newsmodel's profile describes items: each item of a message is checked as one.
        issues = [
            attrs.evolve(issue, path=f"/newsMessage/itemSet/item[{number}]{issue.path}")
            for number, item in enumerate(root.iterfind(f"{{{g2.NAR}}}itemSet/*"), start=1)
            for issue in _xsd_issues(deepcopy(item), profile, "")
        ]
    else:
        issues = _xsd_issues(root, profile, "")
    if issues:
        return issues
    try:
        return _reading_issues(newsml_g2.read_items(raw))
    except (ParseError, StructureError) as error:
        return [Issue(message=str(error))]


def _check_jsonld(data: str | bytes, official: Path | None) -> list[Issue]:
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        return [_parse_issue(error)]
    return _check_jsonld_document(document) + _official_json_issues(document, official)


def _check_jsonld_document(document: object, prefix: str = "") -> list[Issue]:
    """An article node's problems: Google's rules, then what the model refuses."""
    found = jsonld.find_article(document)
    if isinstance(found, str):
        return [Issue(message=found, path=f"{prefix}$")]
    node, path = found
    issues = [
        Issue(
            message=finding.message,
            path=prefix + finding.path,
            severity=Severity.ERROR if finding.error else Severity.WARNING,
        )
        for finding in google.check(node, path)
    ]
    item = jsonld.read_document(document)
    if not isinstance(item, Reading) and not any(i.severity is Severity.ERROR for i in issues):
        issues.append(Issue(message=item.reason, path=prefix + item.where))
    return issues


def _check_ninjs(data: str | bytes, official: Path | None) -> list[Issue]:
    """
    Check a ninjs document against its version's profile (or an official schema), then read.

    A 1.x document has no profile: without an official schema it is only read.
    """
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        return [_parse_issue(error)]
    major = ninjs.version_of(document) if isinstance(document, dict) else 0
    if official is not None:
        issues = _official_json_issues(document, official)
    elif major in _NINJS_PROFILES:
        issues = _schema_issues(_NINJS_PROFILES[major], document)
    else:
        issues = []
    return issues or _reading_issues(ninjs.read_document(document))


def _reading_issues(items: Iterable[Item]) -> list[Issue]:
    """An item that is not an article is an error; what reading loses, warnings."""
    issues = []
    for item in items:
        if not isinstance(item, Reading):
            issues.append(Issue(message=str(item.error()), path=item.where))
        else:
            issues += [
                Issue(message=loss.what, path=loss.where, severity=Severity.WARNING)
                for loss in item.losses
            ]
    return issues


_NINJS_PROFILES = {2: Format.NINJS2, 3: Format.NINJS3}


def _check_html(data: str | bytes, official: Path | None) -> list[Issue]:
    try:
        blocks = htmlpage.blocks(data)
    except ParseError as error:
        return [_parse_issue(error)]
    issues = [_parse_issue(b.error) for b in blocks if b.error is not None]
    articles = [b for b in blocks if b.document is not None and _holds_article(b.document)]
    if not articles:
        issues.append(Issue(message=f"no JSON-LD article among the page's {len(blocks)} blocks"))
        return issues
    block = articles[0]
    issues += _official_json_issues(block.document, official)
    return issues + [
        attrs.evolve(issue, line=issue.line or block.line)
        for issue in _check_jsonld_document(block.document, prefix=f"block {block.number}: ")
    ]


def _check_text(data: str | bytes, official: Path | None) -> list[Issue]:
    """
    Read a plain-text article: what it guessed and lost are warnings.

    Plain text has no schema, official or bundled, so *official* is unused.
    """
    del official
    try:
        reading = plaintext.read(data)
    except ParseError as error:
        return [_parse_issue(error)]
    except StructureError as error:
        return [Issue(message=message, path=path) for path, message in error.problems]
    guesses = [
        Issue(message=guess.what, path=guess.path, line=guess.line, severity=Severity.WARNING)
        for guess in reading.guesses
    ]
    return guesses + _reading_issues([reading])


def _check_nitf(data: str | bytes, official: Path | None) -> list[Issue]:
    """
    Read an NITF document: what reading repaired and lost are warnings.

    Only a user's official XSD is checked for now; the bundled NITF 3.6
    verdict belongs with the other official schemas.
    """
    try:
        reading = nitf.read(data)
    except ParseError as error:
        return [_parse_issue(error)]
    except StructureError as error:
        return [Issue(message=message, path=path) for path, message in error.problems]
    issues = [
        Issue(message=guess.what, line=guess.line, severity=Severity.WARNING)
        for guess in reading.guesses
    ]
    if official is not None and official.suffix.lower() == ".xsd":
        root, _ = hardened_xml.parse_dtd_based(
            data.encode() if isinstance(data, str) else data, doctype="nitf"
        )
        issues += _xsd_issues(root, _official_xsd(str(official)), "official schema: ")
    return issues + _reading_issues([reading])


def _holds_article(document: object) -> bool:
    return not isinstance(jsonld.find_article(document), str)


@cache
def _xml_schema(name: str) -> etree.XMLSchema:
    with as_file(files("newsmodel") / "schemas" / name) as path:
        return hardened_xml.load_schema(str(path))


def _xml_path(tree: etree._ElementTree, path: str | None) -> str:
    """libxml2's XPath of an element (``/*/*[3]``) as element names."""
    try:
        found = tree.xpath(path) if path else []
    except etree.XPathError:  # a prefix the document declares deeper down: keep libxml2's
        return path or "/"
    if not found:
        return path or "/"
    names = [found[0], *found[0].iterancestors()]
    return "/" + "/".join(etree.QName(n).localname for n in reversed(names))


def check(data: str | bytes, format: Format = Format.JSON) -> None:  # noqa: A002
    """
    Validate a document and raise if it is invalid.

    Raises:
        DocumentInvalid: The document has errors; ``.issues`` lists them.

    .. versionadded:: 0.1.0
    """
    report = validate(data, format)
    if not report.ok:
        raise DocumentInvalid(report.errors)


def _error_order(error: ValidationError) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in error.absolute_path)


def _issues_from_schema_error(error: ValidationError) -> list[Issue]:
    if error.validator == "required":
        # Point at the missing key, as reading the document does.
        return [
            Issue(message="required key missing", path=f"{error.json_path}.{key}")
            for key in _missing_keys(error)
        ]
    return [Issue(message=_message(error), path=error.json_path)]


def _missing_keys(error: ValidationError) -> list[str]:
    required = error.validator_value if error.validator == "required" else None
    if not isinstance(required, list) or not isinstance(error.instance, dict):
        return []
    return [key for key in required if key not in error.instance]


def _message(error: ValidationError) -> str:
    """
    Say what a schema error means in the words of the schema's titles.
    """
    if error.validator in {"oneOf", "anyOf"} and error.context:
        missing = [key for alternative in error.context for key in _missing_keys(alternative)]
        if len(missing) == len(error.context):
            return "expected a key " + " or ".join(repr(key) for key in missing)
        # The alternative that got furthest into the document says most.
        deepest = max(error.context, key=lambda e: len(e.absolute_path))
        return _message(deepest)
    subschema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "pattern" and "title" in subschema:
        return _short(f"expected {subschema['title']}, got {error.instance!r}")
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = subschema.get("properties", {})
        unknown = ", ".join(repr(key) for key in sorted(error.instance) if key not in known)
        return f"unknown key {unknown}"
    return _short(error.message)
