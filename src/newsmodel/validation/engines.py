"""
Two JSON Schema engines behind one interface: jsonschema, and jsonschema-rs when installed.

`jsonschema` is the reference and the default; `jsonschema-rs` (the ``fast``
extra) checks the same schemas 20 to 50 times faster.  Both report through
:class:`Finding`, so that what a user reads does not depend on which engine
ran, and a differential test holds them to the same verdicts and paths.
Neither fetches anything: every ``$ref`` resolves to a schema handed over
here, and any other is an error.
"""

from __future__ import annotations

import importlib.util
import re
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from attrs import frozen
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable

from newsmodel.validation.derived import verdict_copy
from newsmodel.validation.inplace import in_place

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from jsonschema import FormatChecker
    from jsonschema.exceptions import ValidationError

__all__ = ["ENGINES", "Checker", "Finding", "compile_schema", "default_engine"]

#: The engines, by name: ``python`` (jsonschema) and ``rust`` (jsonschema-rs).
ENGINES = ("python", "rust")

# jsonschema-rs compiles patterns as Rust regexes, over Rust strings, which
# cannot hold a surrogate: a range of them in a pattern is refused, and means
# nothing there.  The strict JSON reader refuses lone surrogates before either
# engine sees a document, so the copy without the range checks the same.
_SURROGATE_RANGE = re.compile(r"\\u[dD][89aAbB][0-9a-fA-F]{2}-\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# Python's \s is str.isspace(); ECMA 262's, which jsonschema-rs follows, adds
# U+FEFF and leaves out U+001C-U+001F and U+0085.  The copy spells Python's out.
_PYTHON_SPACES = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


@frozen(kw_only=True)
class Finding:
    """
    One schema error, the same whichever engine found it.

    Attributes:
        path: Where in the document: keys and indexes from the root.
        keyword: The schema keyword that failed (``required``, ``oneOf``).
        message: The engine's own message.
        missing: For ``required``, the keys that are missing.
        alternatives: For ``oneOf``/``anyOf``, what each branch found.
        title: The ``title`` of the failing subschema, when it has one.
        instance: The part of the document that failed.
    """

    path: tuple[str | int, ...]
    keyword: str
    message: str
    missing: tuple[str, ...] = ()
    alternatives: tuple[Finding, ...] = ()
    title: str | None = None
    instance: Any = None

    @property
    def json_path(self) -> str:
        """The path as JSONPath: ``$.bylines[0].text``."""
        return "$" + "".join([f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.path])


class Checker(Protocol):
    """A compiled schema: the findings of one document."""

    def findings(self, instance: object, /) -> list[Finding]: ...  # noqa: D102


def default_engine() -> str:
    """``rust`` when jsonschema-rs is installed, else ``python``."""
    return "rust" if importlib.util.find_spec("jsonschema_rs") is not None else "python"


def compile_schema(
    schema: dict[str, Any],
    resources: Sequence[tuple[str, dict[str, Any]]] = (),
    *,
    formats: bool,
    engine: str | None = None,
) -> Checker:
    """
    Compile *schema* once, with *resources* as the only schemas ``$ref`` may reach.

    Args:
        schema: The schema.
        resources: Other schemas by URI (``https://geojson.org/...``).
        formats: Whether ``format`` asserts (``date-time``) or only annotates,
            as IPTC's own test suite has it.
        engine: ``python`` or ``rust``; by default :func:`default_engine`.
            Draft 3 schemas (ninjs 1.0) go to jsonschema, which alone knows it.
    """
    chosen = engine or default_engine()
    if chosen == "rust" and "draft-03" not in str(schema.get("$schema", "")):
        return _RustChecker(schema, resources, formats=formats)
    return _PythonChecker(schema, resources, formats=formats)


def _refuse(uri: str) -> Resource[Any]:
    """Nothing is fetched: a reference to an unknown schema is an error."""
    raise NoSuchResource(uri)


class _PythonChecker:
    def __init__(
        self,
        schema: dict[str, Any],
        resources: Sequence[tuple[str, dict[str, Any]]],
        *,
        formats: bool,
    ) -> None:
        registry: Registry[Any] = Registry(retrieve=_refuse).with_resources(  # type: ignore[call-arg]
            (uri, Resource.from_contents(contents)) for uri, contents in resources
        )
        cls = validator_for(schema)
        checker = cls.FORMAT_CHECKER if formats else None
        self._validator = cls(schema, registry=registry, format_checker=checker)
        # Most documents pass: the copy judges them, entering its subschemas
        # in place, and the schema itself lists the errors of the rest, in its own words.
        quick = verdict_copy(schema, checker.checkers if checker else ())
        self._verdict = in_place(cls)(quick, registry=registry, format_checker=checker)

    def findings(self, instance: object, /) -> list[Finding]:
        try:
            if self._verdict.is_valid(instance):  # type: ignore[arg-type] # any JSON
                return []
            errors = self._validator.iter_errors(instance)  # type: ignore[arg-type] # any JSON
            return [_from_python(error) for error in errors]
        except Unresolvable as error:
            message = f"the schema refers to {error.ref}, which is neither bundled nor fetched"
            return [Finding(path=(), keyword="$ref", message=message)]
        except RecursionError:
            # Python's own limit, reached in checking or in quoting the value:
            # a document this deep is refused rather than half checked.
            message = "nested too deeply to be checked against the schema"
            return [Finding(path=(), keyword="depth", message=message)]


def _from_python(error: ValidationError) -> Finding:
    subschema = error.schema if isinstance(error.schema, dict) else {}
    required = error.validator_value if error.validator == "required" else None
    missing = (
        tuple(k for k in required if k not in error.instance)
        if isinstance(required, list) and isinstance(error.instance, dict)
        else ()
    )
    return Finding(
        path=tuple(error.absolute_path),
        keyword=str(error.validator),
        message=error.message,
        missing=missing,
        alternatives=tuple(_from_python(e) for e in error.context or ()),
        title=subschema.get("title") if isinstance(subschema.get("title"), str) else None,
        instance=error.instance,
    )


class _RustChecker:
    def __init__(
        self,
        schema: dict[str, Any],
        resources: Sequence[tuple[str, dict[str, Any]]],
        *,
        formats: bool,
    ) -> None:
        import jsonschema_rs  # noqa: PLC0415 - optional, and found by default_engine

        # Formats mean what the reference engine makes of them: date-time is
        # checked, uri and iri (which jsonschema checks only with extra packages)
        # not, so those are left out of the copy rather than answered "yes"
        # from Python for every value.
        reference = validator_for(schema).FORMAT_CHECKER
        known = frozenset(reference.checkers)
        self._schema = _for_rust(schema, known)
        registry = jsonschema_rs.Registry([(uri, _for_rust(c, known)) for uri, c in resources])
        self._validator = jsonschema_rs.validator_for(
            self._schema,
            validate_formats=formats,
            formats={
                name: _format_check(reference, name)
                for name in _format_names(schema)
                if name in known
            },
            registry=registry,
            retriever=_refuse_rs,
        )
        self._build_reference = partial(_PythonChecker, schema, resources, formats=formats)
        self._reference: _PythonChecker | None = None

    def findings(self, instance: object, /) -> list[Finding]:
        try:
            if self._validator.is_valid(instance):  # most are: one call, no iterator
                return []
            return [
                self._finding(error, instance) for error in self._validator.iter_errors(instance)
            ]
        except ValueError:
            # jsonschema-rs stops at a fixed depth (``Recursion limit reached``);
            # the reference engine goes as deep as the JSON reader lets a document.
            self._reference = self._reference or self._build_reference()
            return self._reference.findings(instance)

    def _finding(self, error: Any, document: object) -> Finding:
        kind = error.kind
        name = kind.name
        missing = (kind.property,) if name == "required" else ()
        alternatives: tuple[Finding, ...] = ()
        if name in {"anyOf", "oneOf"} and getattr(kind, "context", None):
            alternatives = tuple(
                self._finding(e, document) for branch in kind.context for e in branch
            )
        path = _keys_as_in(document, error.instance_path)
        if name == "falseSchema" and error.schema_path[-1:] == ["items"]:
            # ``items: false``: the reference engine blames the array, not the extra item.
            path, name = path[:-1], "items"
        return Finding(
            path=path,
            keyword=name,
            message=error.message,
            missing=missing,
            alternatives=alternatives,
            title=_title_at(self._schema, error.schema_path),
            instance=error.instance,
        )


def _conforms(checker: FormatChecker, name: str, value: object) -> bool:
    return checker.conforms(value, name)


def _format_check(checker: FormatChecker, name: str) -> Callable[[object], bool]:
    """
    The reference engine's check of format *name*, called as directly as it can be.

    A check that raises nothing is its own verdict; ``conforms`` would only
    add three calls around it, for every date-time of every document.
    """
    check, raises = checker.checkers[name]
    return partial(_conforms, checker, name) if raises else check


def _format_names(node: Any) -> set[str]:
    """Every ``format`` a schema names."""
    if isinstance(node, list):
        return {name for item in node for name in _format_names(item)}
    if not isinstance(node, dict):
        return set()
    names = {node["format"]} if isinstance(node.get("format"), str) else set()
    return names | {name for value in node.values() for name in _format_names(value)}


def _keys_as_in(document: object, path: list[str | int]) -> tuple[str | int, ...]:
    """
    jsonschema-rs's path with each step typed as the document has it.

    It gives an object's key that looks like a number (``"1"``) as an int;
    only the document tells a key from an index.
    """
    steps: list[str | int] = []
    node = document
    for step in path:
        if isinstance(node, dict):
            steps.append(str(step))
            node = node.get(str(step))
        else:
            steps.append(step)
            node = node[step] if isinstance(node, list) and isinstance(step, int) else None
    return tuple(steps)


def _refuse_rs(uri: str) -> Any:
    msg = f"{uri} is not bundled, and nothing is fetched"
    raise ValueError(msg)


def _title_at(schema: dict[str, Any], schema_path: list[str | int]) -> str | None:
    """The title of the subschema whose keyword failed, if the path walks to it plainly."""
    node: Any = schema
    for part in schema_path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    title = node.get("title") if isinstance(node, dict) else None
    return title if isinstance(title, str) else None


def _for_rust(node: Any, formats: frozenset[str]) -> Any:
    """A schema's copy for jsonschema-rs: Python's spaces, no surrogate ranges or other formats."""
    if isinstance(node, dict):
        return {
            key: _python_spaces(_SURROGATE_RANGE.sub("", value))
            if key == "pattern" and isinstance(value, str)
            else _for_rust(value, formats)
            for key, value in node.items()
            if key != "format" or not isinstance(value, str) or value in formats
        }
    if isinstance(node, list):
        return [_for_rust(item, formats) for item in node]
    return node


def _python_spaces(pattern: str) -> str:
    r"""
    *pattern* with ``\s`` and ``\S`` spelled as Python's classes.

    ``\S`` inside a class has no spelling without one: it stays.
    """
    spelled = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        step = pattern[index : index + 2]
        if step in {"\\s", "\\S"} and not (in_class and step == "\\S"):
            spaces = _PYTHON_SPACES if in_class else f"[{_PYTHON_SPACES}]"
            spelled.append(spaces if step == "\\s" else f"[^{_PYTHON_SPACES}]")
        elif char == "\\":
            spelled.append(step)
        else:
            in_class = (char == "[") or (in_class and char != "]")
            spelled.append(char)
        index += len(step) if char == "\\" else 1
    return "".join(spelled)
