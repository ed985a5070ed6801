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
    before = _names(_fragment(text))
    # The cleaned markup is parsed once: for its names, then for its blocks.
    fragment = _fragment(cleaned)
    removed = before - _names(fragment)
    if text != markup:
        removed.add("characters XML cannot carry")
    return _blocks(fragment), tuple(sorted(removed))


class _PlainParser(html.HTMLParser):
    """
    lxml.html's parser building plain elements.

    Its own gives each element a Python class, looked up in Python for every
    element touched; the tree it builds is the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self.set_element_class_lookup(etree.ElementDefaultClassLookup())


_PARSER = _PlainParser()


def _fragment(markup: str) -> etree._Element | None:
    """
    The markup parsed as HTML inside a ``<div>``; ``None`` if it is only white space.

    As ``lxml.html.fragment_fromstring(markup, create_parent="div")``.
    """
    if not markup.strip():
        return None
    fragment = etree.Element("div")
    for part in html.fragments_fromstring(markup, parser=_PARSER):
        if isinstance(part, str):  # only the first: the text before any element
            fragment.text = part
        else:
            fragment.append(part)
    return fragment


def _names(fragment: etree._Element | None) -> set[str]:
    """The element and attribute names in a fragment, to compare before and after."""
    if fragment is None:
        return set()
    # Each element's tag with its attributes' names: most repeat (every <p>).
    shapes: set[tuple[str, ...]] = {
        (str(element.tag), *element.keys()) for element in fragment.iterdescendants(etree.Element)
    }
    names = set()
    for tag, *attributes in shapes:
        names.add(f"<{tag}>")
        names.update(f"{tag}@{name}" for name in attributes)
    return names


def _blocks(fragment: etree._Element | None) -> str:
    """Serialise as XHTML, wrapping top-level text and inline elements in ``<p>``."""
    if fragment is None:
        return ""
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
