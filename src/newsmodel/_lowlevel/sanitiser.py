"""
HTML from outside, cleaned into a body: the sanitiser's one home.

Feeds and pages carry markup newsmodel does not hold (a ``<header>``, an
agency's ``<Company>`` tag, ``data-*`` attributes) and markup nobody should
publish (``<script>``, event handlers, ``javascript:`` links).  nh3, the
Python binding of the Ammonia sanitiser, keeps what the body's allow-list
allows; what it took away is named, so a reader can report it as a loss.
"""

from __future__ import annotations

import nh3
from lxml import etree, html

from newsmodel._lowlevel.validators import NOT_XML
from newsmodel._lowlevel.xhtml import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_ELEMENTS,
    ALLOWED_URL_SCHEMES,
    BLOCK_ELEMENTS,
    GLOBAL_ATTRIBUTES,
)

__all__ = ["clean"]

_ATTRIBUTES = {"*": set(GLOBAL_ATTRIBUTES)} | {
    tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()
}


def clean(markup: str) -> tuple[str, tuple[str, ...]]:
    """
    Clean an HTML fragment into body markup.

    Returns:
        The cleaned markup, as block elements (loose text and inline elements
        at the top level are wrapped in ``<p>``), possibly empty; and the
        names of the elements (``<header>``) and attributes (``li@data-id``;
        ``a@href`` for a refused URL) that were removed, sorted.
    """
    # The sanitiser keeps characters XML cannot carry; the body cannot hold them.
    text = NOT_XML.sub("", markup)
    cleaned = nh3.clean(
        text,
        tags=set(ALLOWED_ELEMENTS),
        attributes=_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    removed = _names(text) - _names(cleaned)
    if text != markup:
        removed.add("characters XML cannot carry")
    return _blocks(cleaned), tuple(sorted(removed))


def _fragment(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup, create_parent="div")


def _names(markup: str) -> set[str]:
    """The element and attribute names in some markup, to compare before and after."""
    if not markup.strip():
        return set()
    names = set()
    for element in _fragment(markup).iterdescendants():
        if isinstance(element.tag, str):
            names.add(f"<{element.tag}>")
            names.update(f"{element.tag}@{name}" for name in element.attrib)
    return names


def _blocks(markup: str) -> str:
    """Serialise as XHTML, wrapping top-level text and inline elements in ``<p>``."""
    if not markup.strip():
        return ""
    fragment = _fragment(markup)
    blocks: list[str] = []
    loose = etree.Element("p")

    def flush() -> None:
        nonlocal loose
        if len(loose) or (loose.text or "").strip():
            blocks.append(etree.tostring(loose, encoding="unicode"))
        loose = etree.Element("p")

    loose.text = fragment.text
    for child in fragment:
        tail, child.tail = child.tail, None
        if child.tag in BLOCK_ELEMENTS:
            flush()
            blocks.append(etree.tostring(child, encoding="unicode", method="xml"))
            loose.text = tail
        else:
            loose.append(child)
            child.tail = tail
    flush()
    return "".join(blocks)
