"""
The nodes of a JSON-LD document: found by type, their values resolved and flattened.

Pages write the same fact many ways: a value or a list of them, lists inside
lists, ``@list`` and ``@set`` containers, references (``{"@id": ...}``) to
nodes elsewhere in the document, texts with HTML entities.  Everything here
gives the values as one flat list of resolved values, or the first text.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from newsmodel._lowlevel import validators
from newsmodel._lowlevel.validators import URI_FOR_PYTHON, fit_for_xml
from newsmodel.formats.jsonld.terms import ARTICLE_TYPES, CONTEXT, SCHEMA

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Index",
    "Node",
    "context_of",
    "find_article",
    "find_articles",
    "flatten",
    "is_a",
    "schema_org",
    "text_of",
    "types_of",
    "uri_of",
    "uris_of",
]

_CONTEXTS = {"http://schema.org", CONTEXT, "http://schema.org/", SCHEMA}


def find_article(document: object) -> tuple[dict[str, Any], str] | str:
    """
    Find the (first) article node of a document and its JSONPath.

    Returns:
        The node and its path, or, when there is none, what the document
        holds instead.
    """
    found = find_articles(document)
    return found if isinstance(found, str) else found[0]


def find_articles(document: object) -> list[tuple[dict[str, Any], str]] | str:
    """
    Find every article node of a document, with its JSONPath.

    Returns:
        The nodes and their paths, or, when there is none, what the document
        holds instead.
    """
    if isinstance(document, dict) and "@graph" not in document:
        nodes = [(document, "$")]  # most documents: one node, nothing to walk
    else:
        nodes = list(_nodes(document, "$"))
    articles = [(node, path) for node, path in nodes if is_a(node, ARTICLE_TYPES)]
    if articles:
        return articles
    found = sorted({t for node, _ in nodes for t in types_of(node)})
    holds = ", ".join(found) if found else "no typed node"
    return f"expected an Article or one of its subtypes, found {holds}"


def _nodes(value: object, path: str) -> Iterator[tuple[dict[str, Any], str]]:
    """The top-level nodes of a document, in order: itself, its array items, its graph."""
    stack = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed([(item, f"{path}[{i}]") for i, item in enumerate(value)]))
        elif isinstance(value, dict):
            if "@graph" in value:
                stack.append((value["@graph"], f"{path}['@graph']"))
            else:
                yield value, path


def context_of(document: object) -> object:
    """The ``@context`` of a document that is a node."""
    return document.get("@context") if isinstance(document, dict) else None


def schema_org(context: object) -> bool:
    """Whether a ``@context`` names schema.org, as a URL or as its vocabulary."""
    if isinstance(context, str):  # most pages: nothing to open
        return context in _CONTEXTS
    for item in flatten([context]):
        if isinstance(item, str) and item in _CONTEXTS:
            return True
        if isinstance(item, dict) and str(item.get("@vocab", "")).rstrip("/") + "/" in _CONTEXTS:
            return True
    return False


class Index:
    """
    Every node with an ``@id`` in a document, to resolve references.

    Gathered on the first reference looked up: most articles hold none, and
    gathering walks the whole document.
    """

    def __init__(self, document: object) -> None:
        self.document = document
        self.nodes: dict[str, dict[str, Any]] | None = None

    def get(self, identifier: str, default: dict[str, Any]) -> dict[str, Any]:
        """The node named *identifier*, or *default*."""
        if self.nodes is None:
            self.nodes = _identified(self.document)
        return self.nodes.get(identifier, default)


def _identified(document: object) -> dict[str, dict[str, Any]]:
    """Every node with an ``@id`` and more, the first of each ``@id``."""
    index: dict[str, dict[str, Any]] = {}
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("@id"), str) and len(value) > 1:
                index.setdefault(value["@id"], value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return index


def is_a(node: dict[str, Any], names: frozenset[str]) -> bool:
    """Whether a node has one of the types *names* (local names: ``NewsArticle``)."""
    kinds = node.get("@type", node.get("type"))
    if isinstance(kinds, str):  # most nodes: one type, its local name
        if kinds in names:
            return True
        if "/" not in kinds:
            return False
    return not names.isdisjoint(types_of(node))


def types_of(node: dict[str, Any]) -> set[str]:
    """The types of a node, by their local name (``NewsArticle``)."""
    kinds = node.get("@type", node.get("type"))
    if isinstance(kinds, str):  # most nodes: one type
        return {kinds.rpartition("/")[2]}
    names = kinds if isinstance(kinds, list) else [kinds]
    return {n.rpartition("/")[2] for n in names if isinstance(n, str)}


class Node:
    """
    A node of the document, its references resolved on the way.

    *fit_for_xml* says that no string of the document holds a character XML
    cannot carry (the parser found none), so its texts need not be searched.
    """

    __slots__ = ("fit_for_xml", "index", "node")

    def __init__(self, node: dict[str, Any], index: Index, *, fit_for_xml: bool = False) -> None:
        self.node = node
        self.index = index
        self.fit_for_xml = fit_for_xml

    def values(self, key: str) -> list[Any]:
        """
        The values of a property: always a list, references resolved.

        A list of strings and numbers is the node's own, not a copy: the
        reader only looks at it.
        """
        value = self.node.get(key)
        if value is None:
            return []
        if isinstance(value, str):  # most values: nothing to resolve
            return [value]
        if isinstance(value, list):
            for item in value:
                if isinstance(item, list) or (isinstance(item, dict) and not _plain(item)):
                    break
            else:
                return value  # nothing to open or resolve
            values = flatten(value)
        elif isinstance(value, dict) and _plain(value):
            return [value]
        else:
            values = flatten([value])
        return [self.resolve(v) if isinstance(v, dict) else v for v in values]

    def resolve(self, value: Any) -> Any:
        """The node a bare ``{"@id": ...}`` reference names, or the value itself."""
        if (
            isinstance(value, dict)
            and len(value) == 1
            and isinstance(identifier := value.get("@id"), str)
        ):
            return self.index.get(identifier, value)
        return value

    def text(self, key: str) -> str | None:
        """The first text value of a property."""
        value = self.node.get(key)
        if isinstance(value, str):  # most values: nothing to resolve or flatten
            if self.fit_for_xml and "&" not in value:
                return value.strip() or None  # nothing to decode or remove
            return text_of(value)
        if value is None:
            return None
        return next((t for v in self.values(key) if (t := text_of(v))), None)


# What holds other values: a list, or a node (which may be a container).
_CONTAINERS = (list, dict)


def _plain(node: dict[str, Any]) -> bool:
    """Whether a node is neither a container to open nor a reference (one key) to resolve."""
    return len(node) > 1 and "@list" not in node and "@set" not in node


def flatten(values: list[Any]) -> list[Any]:
    """
    Flatten values into one list.

    Lists inside lists (as some sites write keywords) and JSON-LD's ``@list``
    and ``@set`` containers all give their members.
    """
    for value in values:
        if isinstance(value, _CONTAINERS):
            break
    else:
        return values  # strings and numbers: nothing to open
    flat: list[Any] = []
    stack = list(reversed(values))  # a stack, not recursion: lists nest as deep as they like
    while stack:
        value = stack.pop()
        container = value.get("@list", value.get("@set")) if isinstance(value, dict) else None
        inner = value if isinstance(value, list) else container
        if isinstance(inner, list):
            stack.extend(reversed(inner))
        else:
            flat.append(value)
    return flat


# The values that have a text (a tuple: a union type is built anew where it is written).
_SCALARS = (str, int, float)


def text_of(value: object) -> str | None:
    """A string value, HTML entities decoded (but in a URI) and white space trimmed."""
    if isinstance(value, str):
        if "&" not in value and (value.isprintable() or fit_for_xml(value)):
            return value.strip() or None  # most texts: nothing to decode or remove
    elif value is None:
        return None
    elif isinstance(value, list):
        return next((t for v in flatten(value) if (t := text_of(v))), None)
    elif isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if not isinstance(value, _SCALARS) or isinstance(value, bool):
        return None
    text = str(value)
    if "&" in text and not URI_FOR_PYTHON.fullmatch(text):  # a URI is read as it is
        text = html.unescape(text)
    if not fit_for_xml(text):
        text = validators.NOT_XML.sub("", text)
    return text.strip() or None


def uri_of(value: object) -> str | None:
    """*value* if it is a URI; pages put numbers and booleans where URIs go, too."""
    return value if isinstance(value, str) and URI_FOR_PYTHON.fullmatch(value) else None


def uris_of(value: object) -> list[str]:
    """The URIs among a value or a list of values."""
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and uri_of(v)]
