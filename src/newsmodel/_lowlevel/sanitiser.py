"""
HTML from outside, cleaned into a body: the sanitiser's one home.

Feeds and pages carry markup newsmodel does not hold (a ``<header>``, an
agency's ``<Company>`` tag, ``data-*`` attributes) and markup nobody should
publish (``<script>``, event handlers, ``javascript:`` links).  nh3, the
Python binding of the Ammonia sanitiser, keeps what the body's allow-list
allows; what it took away is named, so a reader can report it as a loss.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import nh3
from lxml import etree

from newsmodel._lowlevel.validators import NOT_XML, fit_for_xml
from newsmodel._lowlevel.xhtml import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_ELEMENTS,
    ALLOWED_URL_SCHEMES,
    BLOCK_ELEMENTS,
    GLOBAL_ATTRIBUTES,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["clean", "clean_blocks", "clean_written", "start_tags"]

# Built once: nh3.clean would build the same sanitiser again for every body.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_ELEMENTS),
    attributes={"*": set(GLOBAL_ATTRIBUTES)}
    | {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
# Markup that is a whole document is parsed as it is; anything else is put in one.
_WHOLE_DOCUMENT = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)
_WRAPPER = "div"
_OPEN, _CLOSE = f"<{_WRAPPER}>", f"</{_WRAPPER}>"


def clean(markup: str) -> tuple[str, tuple[str, ...]]:
    """
    Clean an HTML fragment into body markup.

    Returns:
        The cleaned markup, as block elements (loose text and inline elements
        at the top level are wrapped in ``<p>``), possibly empty; and the
        names of the elements (``<header>``) and attributes (``li@data-id``;
        ``a@href`` for a refused URL) that were removed, sorted.
    """
    blocks, removed = clean_blocks(markup)
    if not len(blocks):
        return "", removed
    return etree.tostring(blocks, encoding="unicode")[len(_OPEN) : -len(_CLOSE)], removed


def clean_blocks(markup: str) -> tuple[etree._Element, tuple[str, ...]]:
    """
    As :func:`clean`, with the cleaned blocks as the children of a ``<div>``.

    A reader builds a body of them with
    :meth:`~newsmodel.model.Body.from_element`, which checks them where
    they are, instead of writing them out for :class:`~newsmodel.model.Body`
    to parse again.
    """
    # The sanitiser keeps characters XML cannot carry; the body cannot hold them.
    unfit = not fit_for_xml(markup)
    text = NOT_XML.sub("", markup) if unfit else markup
    cleaned = _CLEANER.clean(text)
    # nh3 writes the character a numeric reference stands for, which XML may not carry.
    if "&#" in text and not fit_for_xml(cleaned):
        cleaned = NOT_XML.sub("", cleaned)
        unfit = True
    kept = _bodies(cleaned)
    removed = _names(_bodies(text)) - _names(kept)
    if unfit:
        removed.add("characters XML cannot carry")
    return _blocks(kept), tuple(sorted(removed))


def clean_written(
    markup: str, tags: Iterable[tuple[str, tuple[str, ...]]]
) -> tuple[etree._Element, tuple[str, ...]]:
    """
    As :func:`clean_blocks`, for *markup* lxml wrote, with its :func:`start_tags`.

    A reader of XML that writes out parsed elements for the sanitiser has
    their start tags at hand: what the sanitiser removed is named from
    them, rather than from a parse of the markup as HTML, where that parse
    would find the same names (:func:`_names_as_parsed`).  Written XML
    holds no character XML cannot carry.
    """
    original = _names_as_parsed(tags)
    if original is None:
        return clean_blocks(markup)
    cleaned = _CLEANER.clean(markup)
    # nh3 writes the character a numeric reference stands for, which XML may not carry.
    unfit = "&#" in markup and not fit_for_xml(cleaned)
    if unfit:
        cleaned = NOT_XML.sub("", cleaned)
    kept = _bodies(cleaned)
    removed = original - _held(kept, original)
    if unfit:
        removed.add("characters XML cannot carry")
    return _blocks(kept), tuple(sorted(removed))


# In markup lxml writes "<" only starts a tag, a comment or a processing
# instruction, and ">" only ends one: text and attribute values have them
# escaped, and each value is in double quotes, which it has escaped too.
_START_TAG = re.compile(r"<([^\s/>]+)([^>]*)>")
_ATTRIBUTE = re.compile(r'([^\s=]+)="[^"]*"')


def start_tags(markup: str) -> set[tuple[str, tuple[str, ...]]]:
    """
    The start tags in markup lxml wrote: each element's name, and the names of its attributes.

    A comment or processing instruction is found as one whose name starts
    with ``!`` or ``?``; what its text holds that looks like a tag is found
    too.
    """
    # A body repeats a few tags (<p>, <td class="x">) hundreds of times: each
    # one's attributes are read once.
    return {
        (name, tuple(_ATTRIBUTE.findall(rest)) if "=" in rest and name[0] not in "!?" else ())
        for name, rest in set(_START_TAG.findall(markup))
    }


# Names the HTML parser reads as they are written but for the case of ASCII letters.
_PLAIN_TAG = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_PLAIN_ATTRIBUTE = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
# Elements the HTML parser drops inside a body, or whose content it reads as text.
_PARSED_APART = frozenset(
    """
    html head body script style title textarea xmp plaintext iframe noembed noframes noscript
    """.split()
)


def _names_as_parsed(tags: Iterable[tuple[str, tuple[str, ...]]]) -> set[str] | None:
    """
    The names :func:`_names` finds in markup whose start *tags* are given, parsed as HTML.

    ``None`` where the HTML parser may find others: markup with a comment
    or processing instruction (a name that starts with ``!`` or ``?``,
    whose text may look like a tag), a name it reads otherwise (one not in
    ASCII, a prefix), an element it drops (a ``<body>`` inside the body)
    or whose content it reads as text (a ``<script>``).
    """
    names = set()
    for name, attributes in tags:
        tag = name.lower()
        if not _PLAIN_TAG.fullmatch(name) or tag in _PARSED_APART:
            return None
        names.add(f"<{tag}>")
        for attribute in attributes:
            if not _PLAIN_ATTRIBUTE.fullmatch(attribute):
                return None
            names.add(f"{tag}@{attribute.lower()}")
    return names


def _bodies(markup: str) -> list[etree._Element]:
    """
    The ``<body>`` elements of *markup* parsed as HTML, as lxml.html parses a fragment.

    There is one, but in broken markup (``<head/><BODY>``), where lxml's
    HTML parser makes two, or none.  It builds plain elements, where
    lxml.html looks up a class of its own for each one in Python.
    """
    if not markup.strip():
        return []
    if _WHOLE_DOCUMENT.match(markup) is None:
        markup = f"<html><body>{markup}</body></html>"
    # None for a document of nothing but a DOCTYPE, whatever the stubs say.
    root: etree._Element | None = etree.HTML(markup)
    return [] if root is None else [part for part in root if part.tag == "body"]


def _names(bodies: list[etree._Element]) -> set[str]:
    """The element and attribute names in some markup, to compare before and after."""
    tags: set[str] = set()
    attributes: set[tuple[str, str]] = set()
    for body in bodies:
        for element in body.iterdescendants(etree.Element):
            tag = str(element.tag)
            tags.add(tag)
            for name in element.keys():  # noqa: SIM118 - an element's attribute names
                attributes.add((tag, name))
    # Each name written once, however often it occurs.
    return {f"<{tag}>" for tag in tags} | {f"{tag}@{name}" for tag, name in attributes}


# What nh3 keeps of each element it allows.
_KEPT_ATTRIBUTES = {
    name: GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(name, frozenset()) for name in ALLOWED_ELEMENTS
}


def _held(bodies: list[etree._Element], names: set[str]) -> set[str]:
    """
    Those of *names* (as :func:`_names` writes them) the cleaned *bodies* hold.

    nh3 keeps nothing the allow-list does not allow, so such a name is not
    looked for; each allowed one is, by lxml's search of the tree in C,
    which stops at the first element that has it, instead of a walk in
    Python over every element, as :func:`_names` does for markup of any kind.
    """
    held = set()
    for name in names:
        tag, _, attribute = name.strip("<>").partition("@")
        allowed = _KEPT_ATTRIBUTES.get(tag)
        if allowed is None or (attribute and attribute not in allowed):
            continue
        for body in bodies:
            found = (
                any(element.get(attribute) is not None for element in body.iterdescendants(tag))
                if attribute
                else next(body.iterdescendants(tag), None) is not None
            )
            if found:
                held.add(name)
                break
    return held


def _blocks(bodies: list[etree._Element]) -> etree._Element:
    """The blocks of the bodies in a ``<div>``, loose text and inline elements in ``<p>``."""
    blocks = etree.Element(_WRAPPER)
    for body in bodies:
        # Leading white space is no paragraph, nor is text between blocks (below).
        text = body.text if body.text and body.text.strip() else None
        loose = None  # the paragraph inline elements are put in, made for the first one
        for child in body:
            tail, child.tail = child.tail, None
            if child.tag in BLOCK_ELEMENTS:
                if loose is not None or text:  # most blocks follow a block: nothing to keep
                    _flush(loose, text, blocks)
                loose, text = None, tail
                blocks.append(child)
            else:
                if loose is None:
                    loose = etree.Element("p")
                    loose.text = text
                loose.append(child)
                child.tail = tail
        _flush(loose, text, blocks)
    return blocks


def _flush(loose: etree._Element | None, text: str | None, blocks: etree._Element) -> None:
    """Keep a paragraph of loose text and inline elements, unless it is only white space."""
    if loose is not None:  # it holds an inline element
        blocks.append(loose)
    elif text and text.strip():
        etree.SubElement(blocks, "p").text = text
