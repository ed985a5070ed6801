"""
The versions of ninjs read alike: any version in the shape of 2.x.

ninjs 1.x names its texts by kind (``body_html``) and its lists in the
singular (``person``), 3.x spells its keys in camel case (``firstCreated``);
the reader maps the shape of 2.x, and this brings every version to it.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["lowered", "normalise", "version_of"]

_NAMED_BY_KIND = re.compile(r"(headline|body|description)_(\w+)")  # 1.x: body_html, ...
# The plural keys of 2.x, by their 1.x singular (and the AP and Superdesk dialects).
_PLURALS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "subject": "subjects",
    "genre": "genres",
    "infosource": "infosources",
    "altid": "altids",
    "byline": "by",
}


def version_of(document: dict[str, Any]) -> int:
    """The major version of a ninjs document: 1, 2 or 3."""
    standard = document.get("standard")
    if isinstance(standard, dict) and str(standard.get("version", ""))[:1] in {"1", "2", "3"}:
        return int(str(standard["version"])[0])
    if any(k != k.lower() for k in document):
        return 3
    if "headlines" in document or "bodies" in document:
        return 2
    return 1


def normalise(document: dict[str, Any], *, keys_lowered: bool = False) -> dict[str, Any]:
    """Any version in the shape of 2.x: lower-case keys, arrays, plural names."""
    source = document if keys_lowered else lowered(document)
    return dict(source) if _in_shape(source) else _reshaped(source)


def _reshaped(source: dict[str, Any]) -> dict[str, Any]:
    """An object with lower-case keys in the shape of 2.x, each key looked at."""
    node: dict[str, Any] = {}
    for key, value in source.items():
        if key not in _LOOKED_AT and "_" not in key:  # most keys: kept as they are
            node[key] = value
            continue
        if key == "embargoeduntil":
            key = "embargoed"  # noqa: PLW2901 - the 2.x name
        match = _NAMED_BY_KIND.fullmatch(key) if "_" in key else None
        if match:
            _add_text(node, match.group(1), match.group(2), value)
        elif key in {"headline", "body"} and isinstance(value, str):
            _add_text(node, key, "main" if key == "headline" else "text", value)
        elif key in _PLURALS:
            node.setdefault(_PLURALS[key], value)
        elif key in {"associations", "renditions"} and isinstance(value, dict):
            node[key] = [
                {"name": name, **item} for name, item in value.items() if isinstance(item, dict)
            ]
        else:
            node[key] = value
    return node


# The keys normalise() renames or reshapes, but for those with "_" (1.x's body_html).
_RESHAPED = frozenset({"embargoeduntil", "headline", "body", *_PLURALS})
_KEYED = ("associations", "renditions")  # reshaped when an object, not an array
_LOOKED_AT = _RESHAPED | set(_KEYED)


def _in_shape(node: dict[str, Any]) -> bool:
    """
    Whether an object with lower-case keys is in the shape of 2.x already.

    Most objects (2.x and 3.x) are: a look at their keys, in C, spares a
    test of each key in Python.
    """
    return (
        node.keys().isdisjoint(_RESHAPED)
        and "_" not in "".join(node)
        and not any(isinstance(node.get(key), dict) for key in _KEYED)
    )


def _add_text(node: dict[str, Any], kind: str, suffix: str, value: object) -> None:
    """A 1.x ``headline_x``, ``body_html`` or ``description_text`` as a 2.x entry."""
    if not isinstance(value, str):
        return
    content_type = {"html": "text/html", "xhtml": "application/xhtml+xml", "text": "text/plain"}
    entry = {"value": value, "contenttype": content_type.get(suffix, "text/plain")}
    if suffix not in content_type:
        entry["role"] = suffix
    key = f"{kind}s" if kind != "body" else "bodies"
    entries = node.get(key)
    if isinstance(entries, list):
        entries.append(entry)
    else:  # none yet, or a 2.x value that is no array, which the reader could not read
        node[key] = [entry]


def lowered(value: Any) -> Any:
    """
    A 3.x document with 2.x's lower-case keys, to read both versions alike.

    A stack, not recursion: a document is copied however deep the parser let it be.
    """
    renamed = {"embargoedUntil": "embargoed"}
    copy = _empty_like(value)
    stack: list[tuple[Any, Any]] = [(value, copy)]
    while stack:
        source, target = stack.pop()
        pairs = (
            enumerate(source)
            if isinstance(source, list)
            else ((renamed.get(k, k.lower()), v) for k, v in source.items())
        )
        for key, item in pairs:
            target[key] = _empty_like(item)
            if target[key] is not item:
                stack.append((item, target[key]))
    return copy


def _empty_like(value: Any) -> Any:
    """An empty list or dict of the same size to fill, or the value itself if it is neither."""
    if isinstance(value, list):
        return [None] * len(value)
    return {} if isinstance(value, dict) else value
