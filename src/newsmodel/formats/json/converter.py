"""
Strict cattrs converters for the model, and readable errors from them.

cattrs is lenient by default: it turns ``5`` into ``"5"``, a string into a
tuple of characters and drops unknown keys.  Every hook here accepts only the
JSON type that stands for the Python type, so a document that is not exactly
right is refused with a message and a JSONPath instead of being bent into
shape.

An article is read twice only when it is refused.  The first, quick reading
leaves strings and integers to the model's validators, which check every one
of them anyway, and stops at the first problem; only then does a checking
reading look at every value itself, to list every problem at once.  A value
not made of model classes (a string field, read alone) meets no validator, so
the checking reading is the only one.
"""

from __future__ import annotations

import enum
import functools
import linecache
import operator
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, get_args

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from newsmodel.errors import FieldError, StructureError
from newsmodel.model import Organization, Person

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["RFC3339", "checking_converter", "structure"]

#: An RFC 3339 date-time with its offset, as the bundled schema requires.
#: Leap seconds and lower-case ``t``/``z`` are refused: Python cannot read them.
RFC3339 = re.compile(
    r"^(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
    r"(?:Z|[+\-](?:[01][0-9]|2[0-3]):[0-5][0-9])$(?!\n)"
)
# Organization first: a person's affiliation is one, and the hooks generated
# for Person must see the tagged hooks of Organization.
_AGENT_TAGS: dict[str, type[Person | Organization]] = {
    "organization": Organization,
    "person": Person,
}
_AGENT = Person | Organization


_T = TypeVar("_T")


class _Mismatch(TypeError):
    """A JSON value of the wrong type; the message says what was expected."""


def _expect(kind: type[_T], name: str, value: object) -> _T:
    # bool is a subclass of int in Python, but true is not a number in JSON.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        msg = f"expected {name}, got {_show(value)}"
        raise _Mismatch(msg)
    return value


_SHOWN = 60  # characters of a bad value quoted in a message


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _structure_str(value: object, _: type) -> str:
    return _expect(str, "a string", value)


def _structure_int(value: object, _: type) -> int:
    return _expect(int, "an integer", value)


def _as_is(value: Any, _: type) -> Any:
    return value


def _structure_datetime(value: object, _: type) -> datetime:
    text = _expect(str, "an RFC 3339 date-time", value)
    if RFC3339.match(text) is None:
        msg = f"expected an RFC 3339 date-time with an offset, got {text!r}"
        raise ValueError(msg)
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        msg = f"expected a real date and time, got {value!r} ({error})"
        raise ValueError(msg) from error


def _structure_enum(value: object, cl: type[enum.Enum]) -> enum.Enum:
    try:
        return cl(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cl)
        msg = f"expected one of {allowed}, got {_show(value)}"
        raise ValueError(msg) from None


def _is_homogeneous_tuple(cl: Any) -> bool:
    return getattr(cl, "__origin__", None) is tuple and get_args(cl)[1:] == (...,)


def _tuple_hook(cl: Any, converter: Converter) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = get_args(cl)[0]
    handle = converter.get_structure_hook(item_type)

    def structure_tuple_quickly(value: object, _: type) -> tuple[Any, ...]:
        return tuple([handle(item, item_type) for item in _expect(list, "an array", value)])

    def tuple_as_is(value: object, _: type) -> tuple[Any, ...]:
        return tuple(_expect(list, "an array", value))

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(_expect(list, "an array", value)):
            try:
                items.append(handle(item, item_type))
            except Exception as error:  # noqa: BLE001 - collected, re-raised below
                note = IterableValidationNote(f"@ index {index}", index, item_type)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            msg = f"While structuring {cl!r}"
            raise IterableValidationError(msg, errors, cl)
        return tuple(items)

    if converter.detailed_validation:
        return structure_tuple
    return tuple_as_is if handle is _as_is else structure_tuple_quickly


def _is_optional(cl: Any) -> bool:
    return type(None) in get_args(cl) and len(get_args(cl)) > 1


def _optional_hook(cl: Any, converter: Converter) -> Callable[[object, type], Any]:
    present: Any = functools.reduce(operator.or_, (a for a in get_args(cl) if a is not type(None)))
    handle = converter.get_structure_hook(present)

    # An optional field is left out when it has no value; one way to say
    # "absent" keeps documents comparable.  The test of null is written in
    # each hook, not called: a document has one such field in two.
    def structure_present(value: object, _: type) -> Any:
        if value is None:
            raise _Mismatch(_NULL)
        return handle(value, present)

    return _present_as_is if handle is _as_is else structure_present


_NULL = "expected a value, got null (leave the key out instead)"


def _present_as_is(value: object, _: type) -> Any:
    if value is None:
        raise _Mismatch(_NULL)
    return value


def _class_hook(cl: Any, converter: Converter) -> Callable[[Any, type], Any]:
    generated = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)

    def structure_object(value: object, _: type) -> Any:
        return generated(_expect(dict, "an object", value), cl)

    return structure_object


def _quick_class_hook(
    cl: Any, converter: Converter, tag: str | None = None
) -> Callable[[Any, type], Any]:
    """
    The quick reading of a model class (tagged *tag*, for an agent): its object's keys as they are.

    cattrs's generated code tests the object for each of the class's keys
    and calls a hook for each value found; an article has thirty fields, of
    which a document fills about ten, and most of its values (strings,
    integers) are the model's to check.  This code refuses an object with a
    ``null``, copies it in C and makes only the values that are made
    (arrays, objects, dates, enums), calling the hook of an object or of an
    array's members directly; the model's keyword-only ``__init__`` refuses
    a key that is not a field.  Anything else wrong fails in the model too,
    and the checking reading says what it is.
    """
    attributes = attrs.fields(attrs.resolve_types(cl))
    names: dict[str, Any] = {"_cl": cl, "_Mismatch": _Mismatch}
    lines = [
        "def structure(o, _):",
        "    if None in o.values():",
        "        raise _Mismatch(_UNFIT)",
        "    fields = o.copy()",
    ]
    if tag:
        lines += [f"    if fields.pop('type') != {tag!r}:", "        raise _Mismatch(_UNFIT)"]
    for attribute in attributes:
        name, kind = attribute.name, attribute.type
        if _is_optional(kind):  # null refused above: the value's own hook
            kind = functools.reduce(
                operator.or_, (a for a in get_args(kind) if a is not type(None))
            )
        made = f"_make_{name}(value, _kind_{name})"
        if _is_homogeneous_tuple(kind):
            kind = get_args(kind)[0]
            made = f"tuple([_make_{name}(item, _kind_{name}) for item in value])"
            if converter.get_structure_hook(kind) is _as_is:
                made = "tuple(value)"
            lines += [
                f"    if {name!r} in fields:",
                f"        value = fields[{name!r}]",
                "        if value.__class__ is not list:",
                "            raise _Mismatch(_UNFIT)",
                f"        fields[{name!r}] = {made}",
            ]
        elif converter.get_structure_hook(kind) is not _as_is:
            lines += [
                f"    if (value := fields.get({name!r})) is not None:",
                f"        fields[{name!r}] = {made}",
            ]
        else:
            continue  # a string or an integer: the model's to check
        names[f"_make_{name}"], names[f"_kind_{name}"] = converter.get_structure_hook(kind), kind
    source = "\n".join([*lines, "    return _cl(**fields)"]) + "\n"
    filename = f"<newsmodel quick structure of {cl.__qualname__}>"
    names["_UNFIT"] = _UNFIT
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - our own source, as cattrs does
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    structure: Callable[[Any, type], Any] = names["structure"]
    return structure


_UNFIT = "a null or a value of the wrong type: the checking reading says which"


@functools.cache
def checking_converter() -> Converter:
    """
    The converter that checks every value itself and lists every problem, built once.

    * strings, integers, arrays and objects must be of that JSON type;
    * an optional field without a value is left out, never ``null``;
    * unknown keys are an error, never dropped;
    * datetimes are RFC 3339 strings with an offset;
    * enums are their values;
    * a person or organisation carries ``"type": "person"`` or
      ``"type": "organization"``.
    """
    return _make_converter(checking=True)


@functools.cache
def _quick_converter() -> Converter:
    """As :func:`checking_converter`, but strings and integers are the model's to check."""
    return _make_converter(checking=False)


def _make_converter(*, checking: bool) -> Converter:
    converter = Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=checking
    )
    converter.register_structure_hook(str, _structure_str if checking else _as_is)
    converter.register_structure_hook(int, _structure_int if checking else _as_is)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook_func(
        lambda cl: isinstance(cl, type) and issubclass(cl, enum.Enum), _structure_enum
    )
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    converter.register_structure_hook_factory(
        attrs.has, _class_hook if checking else _quick_class_hook
    )
    converter.register_structure_hook_factory(_is_optional, _optional_hook)
    _configure_agents(converter)
    if not checking:
        _configure_quick_agents(converter)
    return converter


def _configure_quick_agents(converter: Converter) -> None:
    """Read a tagged person or organisation quickly: its tag tested where its fields are."""
    quick = {}
    for tag, kind in _AGENT_TAGS.items():  # Organization first: a person's affiliation is one
        quick[tag] = _quick_class_hook(kind, converter, tag)
        converter.register_structure_hook(kind, quick[tag])

    def structure_agent(value: dict[str, Any], _: object) -> Person | Organization:
        tag = value["type"]  # anything but a known tag fails: the checking reading says why
        agent: Person | Organization = quick[tag](value, _AGENT_TAGS[tag])
        return agent

    converter.register_structure_hook(_AGENT, structure_agent)


def _configure_agents(converter: Converter) -> None:
    """
    Tag every person and organisation with ``"type"``.

    A union of the two then reads back as the class it was written from.
    """
    allowed = ", ".join(repr(tag) for tag in _AGENT_TAGS)

    def tag_of(value: object) -> str:
        tag = _expect(dict, "an object", value).get("type")
        if not isinstance(tag, str) or tag not in _AGENT_TAGS:
            msg = f"expected 'type' to be one of {allowed}, got {_show(tag)}"
            raise ValueError(msg)
        return tag

    def without_tag(value: dict[str, Any]) -> dict[str, Any]:
        fields = value.copy()
        del fields["type"]
        return fields

    untagged: dict[str, Any] = {}  # each tag's hook for the fields but "type"
    for tag, kind in _AGENT_TAGS.items():
        plain_structure = untagged[tag] = converter.get_structure_hook(kind)
        plain_unstructure = converter.get_unstructure_hook(kind)

        def structure_tagged(
            value: object, cl: type, _tag: str = tag, _plain: Any = plain_structure
        ) -> Any:
            found = tag_of(value)
            if found != _tag:
                msg = f"expected 'type' to be {_tag!r}, got {found!r}"
                raise ValueError(msg)
            return _plain(without_tag(_expect(dict, "an object", value)), cl)

        converter.register_structure_hook(kind, structure_tagged)
        converter.register_unstructure_hook(
            kind,
            lambda agent, _tag=tag, _plain=plain_unstructure: {
                "type": _tag,
                **_plain(agent),
            },
        )

    def structure_agent(value: object, _: object) -> Person | Organization:
        tag = tag_of(value)  # checked once, it chooses the hook
        fields = without_tag(_expect(dict, "an object", value))
        agent: Person | Organization = untagged[tag](fields, _AGENT_TAGS[tag])
        return agent

    converter.register_structure_hook(_AGENT, structure_agent)


def structure(document: object, cl: type[Any]) -> Any:
    """
    Structure *document* as *cl*, or raise one error listing every problem.

    Raises:
        StructureError: With one ``(path, message)`` pair per problem.
    """
    if _made_of_models(cl):  # its validators check every string and integer
        try:
            return _quick_converter().structure(document, cl)
        except Exception:  # noqa: BLE001 - the checking converter says what is wrong
            return _checked(document, cl)
    return _checked(document, cl)


def _made_of_models(cl: Any) -> bool:
    """Whether *cl* is a model class, or a tuple or union of them (``None`` allowed)."""
    if attrs.has(cl):
        return True
    kinds = get_args(cl)[:1] if _is_homogeneous_tuple(cl) else get_args(cl)
    return bool(kinds) and all(attrs.has(k) for k in kinds if k is not type(None))


def _checked(document: object, cl: type[Any]) -> Any:
    """Structure *document* with the checking converter, every problem in one error."""
    try:
        return checking_converter().structure(document, cl)
    except Exception as error:
        problems = tuple(_problems(error, "$"))
        if not problems:
            raise
        raise StructureError(problems) from error


def _problems(error: BaseException, path: str) -> list[tuple[str, str]]:
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        found = []
        for inner, note in with_notes:
            if isinstance(note, IterableValidationNote):
                found += _problems(inner, f"{path}[{note.index}]")
            else:
                found += _problems(inner, f"{path}.{note.name}")
        return found + [p for inner in without for p in _problems(inner, path)]
    if isinstance(error, FieldError):
        return [(f"{path}.{error.field}", error.message)]
    if isinstance(error, ForbiddenExtraKeysError):
        keys = ", ".join(repr(key) for key in sorted(error.extra_fields))
        return [(path, f"unknown key {keys}")]
    if isinstance(error, KeyError):
        return [(path, "required key missing")]
    if isinstance(error, _Mismatch | ValueError):
        return [(path, str(error))]
    return []
