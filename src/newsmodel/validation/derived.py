"""
A copy of a JSON Schema that jsonschema judges with less work: the verdict only, never the errors.

jsonschema spends most of its time entering subschemas: each one it enters
builds a validator object, five to eight microseconds, more than the check
inside.  The copy enters fewer: references to definitions are replaced by
what they refer to, ``allOf`` branches are merged into their parent where
the keywords cannot interact, ``unevaluatedProperties`` becomes
``additionalProperties`` where nothing else evaluates a property, and keys
jsonschema ignores (titles, descriptions, formats it does not assert) are
left out.  Every step keeps the verdict of every document and nothing else:
messages, titles and their order change, so a refused document's errors are
listed from the schema itself.  A schema the steps are not proved for (other
drafts, anchors, dynamic or non-definition references) is kept as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jsonschema.validators import validator_for

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["verdict_copy"]

# The drafts the steps are proved for; in the old ones ``$ref`` hides its siblings.
_MODERN = "https://json-schema.org/draft/2020-12/schema"
_OLD = frozenset(
    {"http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-06/schema"}
)
# Keys no keyword validates with, but which keywords or references read.
_READ_BY_OTHERS = frozenset(
    {"$schema", "$id", "$defs", "definitions", "then", "else", "minContains", "maxContains"}
)
_ONE_SCHEMA = frozenset(
    {
        "additionalProperties",
        "additionalItems",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contains",
        "propertyNames",
        "not",
        "if",
        "then",
        "else",
    }
)
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions"})
# Keywords that read each other: merged only when one side has none of a group.
_GROUPS = (
    frozenset({"properties", "patternProperties", "additionalProperties"}),
    frozenset({"prefixItems", "items", "additionalItems"}),
    frozenset({"contains", "minContains", "maxContains"}),
    frozenset({"if", "then", "else"}),
)
_UNEVALUATED = frozenset({"unevaluatedProperties", "unevaluatedItems"})
# Beside these, unevaluatedProperties would see properties that additionalProperties does not.
_EVALUATE_PROPERTIES = frozenset(
    {"allOf", "anyOf", "oneOf", "if", "then", "else", "$ref", "dependentSchemas"}
).union({"additionalProperties"})
# A nested $schema would change the draft its subschema is judged by.
_UNPROVED = frozenset(
    {"$anchor", "$dynamicAnchor", "$dynamicRef", "$recursiveAnchor", "$recursiveRef", "$schema"}
)
#: How many times a definition that refers to itself is inlined within itself.
_UNROLLED = 1
_DEFINITION = re.compile(r"#/(?:\$defs|definitions)/([A-Za-z0-9_.-]+)")


def verdict_copy(schema: dict[str, Any], formats: Collection[str]) -> dict[str, Any]:
    """
    A schema with *schema*'s verdict on every document, cheaper for jsonschema to reach.

    Args:
        schema: The schema, as published.
        formats: The formats the validator asserts; any other ``format`` only annotates.

    Returns:
        The copy, or *schema* itself when the steps are not proved for it.
    """
    dialect = str(schema.get("$schema", "")).rstrip("#")
    if (dialect != _MODERN and dialect not in _OLD) or not _plain(schema, root=True):
        return schema
    definitions = {**schema.get("definitions", {}), **schema.get("$defs", {})}
    keep = frozenset(validator_for(schema).VALIDATORS) | _READ_BY_OTHERS
    copy = _Copier(keep, frozenset(formats), definitions, modern=dialect == _MODERN)
    return copy.schema(schema, ())  # type: ignore[no-any-return] # the root is an object


def _plain(node: Any, *, root: bool = False) -> bool:
    """
    Whether the steps are proved for *node*: no anchors or dynamic references, one ``$id``.

    Local references name the root or a definition, which the steps leave
    where they are.  A property named like a keyword is taken for one:
    wrongly refused, never wrongly copied.
    """
    if isinstance(node, list):
        return all(_plain(item) for item in node)
    if not isinstance(node, dict):
        return True
    if not root and (_UNPROVED | {"$id"}) & node.keys():
        return False
    reference = node.get("$ref")
    local = reference if isinstance(reference, str) and reference[:1] == "#" else "#"
    if local != "#" and _DEFINITION.fullmatch(local) is None:
        return False
    return all(_plain(value) for value in node.values())


class _Copier:
    """The steps, applied from the leaves up."""

    def __init__(
        self,
        keep: frozenset[str],
        formats: frozenset[str],
        definitions: dict[str, Any],
        *,
        modern: bool,
    ) -> None:
        self._keep = keep
        self._formats = formats
        self._definitions = definitions
        self._modern = modern

    def schema(self, node: Any, within: tuple[str, ...]) -> Any:
        """*node*'s copy; *within* names the definitions being inlined around it."""
        if not isinstance(node, dict):
            return node
        kept = {
            key: value
            for key, value in node.items()
            if key in self._keep and (key != "format" or _asserted(value, self._formats))
        }
        reference = kept.get("$ref")
        match = _DEFINITION.fullmatch(reference) if isinstance(reference, str) else None
        if match and match[1] in self._definitions and within.count(match[1]) <= _UNROLLED:
            target = self.schema(self._definitions[match[1]], (*within, match[1]))
            if not self._modern or len(kept) == 1:
                return target  # old drafts ignore the reference's siblings
            if "allOf" not in kept:
                del kept["$ref"]
                merged = {key: self._child(key, value, within) for key, value in kept.items()}
                return self._merged({**merged, "allOf": [target]})
        return self._merged({key: self._child(key, value, within) for key, value in kept.items()})

    def _child(self, key: str, value: Any, within: tuple[str, ...]) -> Any:
        if key in _ONE_SCHEMA or (key == "items" and isinstance(value, dict)):
            return self.schema(value, within)
        if key in _SCHEMA_LISTS or (key == "items" and isinstance(value, list)):
            return [self.schema(item, within) for item in value]
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            return {name: self.schema(item, within) for name, item in value.items()}
        if key in {"dependentSchemas", "dependencies"} and isinstance(value, dict):
            # dependencies' values are schemas or lists of names; only schemas are objects.
            return {name: self.schema(item, within) for name, item in value.items()}
        return value

    def _merged(self, node: dict[str, Any]) -> dict[str, Any]:
        """*node* with the ``allOf`` branches it can take merged in; unevaluated keys simplified."""
        branches = node.get("allOf")
        if isinstance(branches, list):
            left = []
            for branch in branches:
                if branch is True or branch == {}:
                    continue
                if isinstance(branch, dict) and self._mergeable(node, branch):
                    for key, value in branch.items():
                        node[key] = _joined(key, node[key], value) if key in node else value
                else:
                    left.append(branch)
            if left:
                node["allOf"] = left
            else:
                del node["allOf"]
        if (
            self._modern
            and "unevaluatedProperties" in node
            and not _EVALUATE_PROPERTIES & node.keys()
        ):
            node["additionalProperties"] = node.pop("unevaluatedProperties")
        return node

    def _mergeable(self, parent: dict[str, Any], branch: dict[str, Any]) -> bool:
        """Whether *branch*'s keywords, moved into *parent*, check what they checked as a branch."""
        if _UNEVALUATED & branch.keys() or "allOf" in branch or "unevaluatedItems" in parent:
            return False
        if not self._modern and ("$ref" in branch or "$ref" in parent):
            return False
        if any(key in parent and _joined(key, parent[key], v) is None for key, v in branch.items()):
            return False
        return all(
            not (group & branch.keys() and group & parent.keys())
            or {k: parent.get(k) for k in group} == {k: branch.get(k) for k in group}
            or (group & parent.keys() == group & branch.keys() == {"properties"})
            for group in _GROUPS
        )


def _asserted(format_: object, formats: frozenset[str]) -> bool:
    return isinstance(format_, str) and format_ in formats


def _joined(key: str, first: Any, second: Any) -> Any:
    """
    One value of *key* that checks what *first* and *second* check together, or None.

    Equal values are one; ``required`` lists join; ``properties`` join when
    they name different keys (the caller makes sure nothing else reads them);
    patterns join as below.
    """
    if first == second:
        return first
    if key == "required" and isinstance(first, list) and isinstance(second, list):
        return first + [name for name in second if name not in first]
    if key == "properties" and isinstance(first, dict) and isinstance(second, dict):
        return None if first.keys() & second.keys() else {**first, **second}
    if key == "pattern" and isinstance(first, str) and isinstance(second, str):
        return _both(first, second)
    return None


def _both(first: str, second: str) -> str | None:
    r"""
    One pattern that a string matches where it matches both, or None.

    Each pattern is looked for from the start, as ``re.search`` looks for
    it; patterns with groups are not joined (a second one's ``\1`` would
    name the first one's group).
    """
    joined = rf"\A(?=[\s\S]*?(?:{first}))(?=[\s\S]*?(?:{second}))"
    try:
        if re.compile(first).groups or re.compile(second).groups:
            return None
        re.compile(joined)
    except re.error:
        return None
    return joined
