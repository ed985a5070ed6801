"""
A jsonschema validator class that enters subschemas in place, for the verdict only.

jsonschema enters each subschema through a validator object of its own,
built for it with its resolver: five to eight microseconds, more than the
checks inside, and a news article holds dozens of subschemas' worth of
values.  A subschema that says nothing about scope (no ``$id``, ``$ref``,
anchor or ``$schema``) resolves every reference as its parent does, so its
keywords can be applied with its parent's validator object.  The
applicators schemas are mostly made of are replaced by ones that do so;
every other keyword, and every subschema that does touch scope, is
jsonschema's own.  What the replacements yield says only that a document is
refused: a refused document's errors are listed by the plain class.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jsonschema import Draft3Validator, ValidationError
from jsonschema.validators import extend

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from jsonschema.protocols import Validator

    #: A keyword's check, as jsonschema calls it: validator, value, instance, schema.
    Keyword = Callable[[Validator, Any, Any, dict[str, Any]], Iterable[ValidationError] | None]

__all__ = ["in_place"]

# Keywords that change where a reference resolves, or that are references.
_SCOPE = frozenset(
    {
        "$id",
        "id",
        "$ref",
        "$schema",
        "$anchor",
        "$dynamicAnchor",
        "$dynamicRef",
        "$recursiveAnchor",
        "$recursiveRef",
    }
)


def in_place(cls: type[Validator]) -> type[Validator]:
    """
    *cls*, with its applicators entering scope-free subschemas in place.

    Draft 3 is left as it is: its ``properties`` and ``type`` read
    subschemas in their own way.
    """
    if cls is Draft3Validator:
        return cls
    keywords = _Applicators()
    replaced: dict[str, Keyword] = {
        "properties": keywords.properties,
        "additionalProperties": keywords.additional_properties,
        "allOf": keywords.all_of,
        "anyOf": keywords.any_of,
        "oneOf": keywords.one_of,
    }
    if "prefixItems" in cls.VALIDATORS:  # 2020-12: ``items`` is one schema, after the prefix
        replaced["items"] = keywords.items
    extended: type[Validator] = extend(cls, replaced)  # type: ignore[no-untyped-call]
    keywords.known = extended.VALIDATORS
    return extended


class _Applicators:
    """The replaced keywords, and each subschema's checks, worked out once."""

    def __init__(self) -> None:
        self.known: Mapping[str, Keyword] = {}
        # id(subschema) -> (the subschema, kept so the id stays its own; its checks or None)
        self._checks: dict[int, tuple[object, tuple[tuple[Keyword, Any], ...] | None]] = {}

    def _checks_of(self, subschema: object) -> tuple[tuple[Keyword, Any], ...] | None:
        """The subschema's keywords and values, in order; None when it is entered as usual."""
        found = self._checks.get(id(subschema))
        if found is None:
            checks = None
            if isinstance(subschema, dict) and _SCOPE.isdisjoint(subschema):
                known = self.known
                checks = tuple((known[k], v) for k, v in subschema.items() if k in known)
            found = self._checks[id(subschema)] = (subschema, checks)
        return found[1]

    def apply(self, validator: Validator, instance: Any, subschema: Any) -> Iterator[Any]:
        """What *subschema* finds in *instance*, in place where it can be."""
        if subschema is True:
            return
        checks = self._checks_of(subschema)
        if checks is None:
            # jsonschema's own way in, as its keywords take it; not in its protocol's types
            yield from validator.descend(instance, subschema)  # type: ignore[attr-defined]
            return
        for check, value in checks:
            yield from check(validator, value, instance, subschema) or ()

    def _refuses(self, validator: Validator, instance: Any, subschema: Any) -> bool:
        return next(self.apply(validator, instance, subschema), None) is not None

    def properties(
        self, validator: Validator, properties: Any, instance: Any, _schema: dict[str, Any]
    ) -> Iterator[Any]:
        if validator.is_type(instance, "object"):
            for name, subschema in properties.items():
                if name in instance:
                    yield from self.apply(validator, instance[name], subschema)

    def additional_properties(
        self, validator: Validator, extra: Any, instance: Any, schema: dict[str, Any]
    ) -> Iterator[Any]:
        if validator.is_type(instance, "object"):
            named = schema.get("properties", {})
            patterns = schema.get("patternProperties", {})
            for name in instance:
                if name not in named and not any(re.search(p, name) for p in patterns):
                    yield from self.apply(validator, instance[name], extra)

    def items(
        self, validator: Validator, items: Any, instance: Any, schema: dict[str, Any]
    ) -> Iterator[Any]:
        if validator.is_type(instance, "array"):
            for item in instance[len(schema.get("prefixItems", ())) :]:
                yield from self.apply(validator, item, items)

    def all_of(
        self, validator: Validator, branches: Any, instance: Any, _schema: dict[str, Any]
    ) -> Iterator[Any]:
        for branch in branches:
            yield from self.apply(validator, instance, branch)

    def any_of(
        self, validator: Validator, branches: Any, instance: Any, _schema: dict[str, Any]
    ) -> Iterator[Any]:
        if all(self._refuses(validator, instance, branch) for branch in branches):
            yield ValidationError("valid under none of anyOf's branches")

    def one_of(
        self, validator: Validator, branches: Any, instance: Any, _schema: dict[str, Any]
    ) -> Iterator[Any]:
        passed = 0
        for branch in branches:
            passed += not self._refuses(validator, instance, branch)
            if passed > 1:
                break
        if passed != 1:
            yield ValidationError("valid under none or several of oneOf's branches")
