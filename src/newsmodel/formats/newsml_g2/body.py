"""
The story of a NewsML-G2 item: XHTML, NITF or other markup, or plain text.

NITF inside an item (``application/nitf+xml``, as AP and many agencies send
it) gives the body, and the headline, bylines and dateline the item's own
metadata may lack.  Markup of an agency's own vocabulary is kept, not
dropped: see :mod:`newsmodel.formats.markup`.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from newsmodel._lowlevel import sanitiser, xhtml
from newsmodel.errors import FieldError
from newsmodel.formats import markup, nitf
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.model import Body

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["read_story"]


def read_story(
    content_set: etree._Element | None, lose: Callable[[etree._Element, str], None]
) -> dict[str, Any]:
    """
    The body of the first content of the set, and what else its markup says.

    Other contents are reported.  *lose* is told what the model cannot
    hold, with the element it is in.
    """
    story: dict[str, Any] | None = None
    for content in content_set if content_set is not None else ():
        local = g2.local_name(content)
        root = _first_element(content)
        if story is None and local == "inlineXML" and root is not None:
            story = _markup_story(content, root, lose)
        elif story is None and local == "inlineData" and g2.text_of(content):
            paragraphs = [p.strip() for p in (content.text or "").split("\n\n") if p.strip()]
            story = {"body": Body.from_paragraphs(*paragraphs)}
        elif local and (root is not None or g2.text_of(content)):
            lose(content, f"<{local}> besides the body is not held by the model")
    return story or {}


def _first_element(content: etree._Element) -> etree._Element | None:
    """The first child element (not a comment) of a content: its markup's root."""
    for child in content:
        if isinstance(child.tag, str):
            return child
    return None


def _markup_story(
    content: etree._Element, root: etree._Element, lose: Callable[[etree._Element, str], None]
) -> dict[str, Any]:
    local = markup.local_name(root)
    if local == "nitf":
        return nitf.read_story(root, lose)
    found: Body | None = None
    if local == "html":
        checked = _checked_in_place(root)
        found = checked if isinstance(checked, Body) else None
        refused = None if checked is None or isinstance(checked, Body) else checked
        written = None if refused is None else _as_written(refused)
        plain = _plain_xhtml(root) if found is None and written is None else None
        if written is not None:
            found = _cleaned(*written, root, lose)
        elif plain is not None:
            # Blocks the check refused in place are refused without their
            # namespace too, when the document's was the only one: each name
            # is checked as the same.
            found = _xhtml_body(plain[0], root, lose, refused=refused is not None and plain[1])
    if found is not None:
        return {"body": found}
    body, bylines = markup.to_body(content, lose)
    story: dict[str, Any] = {"body": body}
    if bylines:
        story["bylines"] = tuple(nitf.printed_byline(text) for text in bylines)
    return story


def _checked_in_place(root: etree._Element) -> Body | etree._Element | None:
    """
    The body of an XHTML document whose blocks are all allowed, taken where they are.

    Most XHTML bodies are already safe blocks (newsmodel's own, and many
    agencies'): they are checked and written out in the item as parsed,
    without a copy or a renamed element: XHTML, or markup its feed left in
    the item's own namespace.  The ``<body>`` itself, as it was, if the
    check refused it; ``None`` for anything else (markup of another
    namespace, an agency's own words beside the body), which
    :func:`_plain_xhtml` and the sanitiser read as before.
    """
    tag = str(root.tag)  # an element's: a string
    namespace = _namespace_of(tag)
    if tag != namespace + "html":
        return None
    content = None
    body = namespace + "body"
    for part in root:  # the body, and what is beside it (a head) in one loop
        if content is None and (part.tag == body or g2.local_name(part) == "body"):
            content = part
        elif _holds_own_words(part):
            return None
    if content is None or content.tag != body:
        return None
    if not len(content) and not (content.text or "").strip():
        return None
    try:
        return Body.from_element(content)  # a refused body is left as it was
    except FieldError:
        return content


def _as_written(content: etree._Element) -> tuple[str, set[tuple[str, tuple[str, ...]]]] | None:
    """
    The markup of a refused body's blocks, as the sanitiser reads it, written where it is.

    With the markup come its start tags (:func:`sanitiser.start_tags`).

    Blocks whose elements are all in the body's namespace, none with a
    prefix, and that declare nothing, are written exactly as their copy
    without namespaces (:func:`_plain_xhtml`) would be, once the body's own
    tags are cut off: no copy, no renaming.  An element of another
    namespace is written with a prefix or a declaration.  ``None`` for
    anything else (a prefix, a declaration; an agency's own words), which
    goes the long way.
    """
    if content.prefix is not None:
        return None
    html = xhtml.written_within(content)
    tags = sanitiser.start_tags(html)
    for name, attributes in tags:  # a declaration or a prefix is in a start tag
        if ":" in name or markup.is_own_word(name):
            return None
        # An attribute with a prefix: xml:lang, or one of a namespace declared outside the body.
        if any(":" in attribute or attribute == "xmlns" for attribute in attributes):
            return None
    return html, tags


def _namespace_of(tag: str) -> str:
    """The namespace part of a Clark name, ``{...}``; empty for a name without one."""
    return tag[: tag.find("}") + 1] if tag[:1] == "{" else ""


def _holds_own_words(part: etree._Element) -> bool:
    """Whether an element beside the body (a head, usually) names a story part in XHTML's stead."""
    for node in part.iter(etree.Element):  # noqa: SIM110 - any() of a generator costs more
        if _names_own_word(str(node.tag)):
            return True
    return False


@lru_cache(maxsize=256)
def _names_own_word(tag: str) -> bool:
    """Whether a tag is a story part's word XHTML lacks; a head's few tags recur in every item."""
    return markup.is_own_word(tag.rpartition("}")[2])


def _plain_xhtml(root: etree._Element) -> tuple[etree._Element, bool] | None:
    """
    A copy of an XHTML document without namespaces, as a body is checked.

    ``None`` if its markup names story parts in words XHTML lacks, which
    :func:`markup.to_body` reads instead.  One walk over the copy looks at
    each element's name and drops its namespace; with the copy comes
    whether each name inside was in the namespace of the document's root.
    """
    copy = deepcopy(root)
    copy.tag = g2.local_name(copy)
    plain: dict[object, str] = {}  # each name is looked at once: a body is mostly <p>
    for node in copy.iterdescendants(etree.Element):
        local = plain.get(node.tag)
        if local is None:
            local = plain[node.tag] = g2.local_name(node)
            if markup.is_own_word(local):
                return None
        node.tag = local
    namespace = _namespace_of(str(root.tag))
    return copy, all(_namespace_of(str(tag)) == namespace for tag in plain)


def _xhtml_body(
    plain: etree._Element,
    root: etree._Element,
    lose: Callable[[etree._Element, str], None],
    *,
    refused: bool,
) -> Body | None:
    """
    The body of *plain*, the copy of *root* without namespaces.

    *refused*: its blocks are known to be refused, and go to the sanitiser
    without being checked again.
    """
    content = _blocks_of(plain)
    if not len(content) and not (content.text or "").strip():
        return None
    if not refused:
        try:
            # Markup that is already safe blocks needs no cleaning, and is
            # checked where it is, without being parsed again.
            return Body.from_element(content)
        except FieldError:
            pass
    # A refused fragment is as it was, but for the tag around it.
    html = _inner_markup(content)
    return _cleaned(html, sanitiser.start_tags(html), root, lose)


def _blocks_of(plain: etree._Element) -> etree._Element:
    """The ``<body>`` of *plain* (or *plain* itself, without one), alone and bare."""
    content = next((c for c in plain if g2.local_name(c) == "body"), None)
    if content is None:
        content = plain
    else:
        plain.remove(content)  # written alone, without the namespaces around it
    # The element around the blocks is not kept, nor its attributes; without
    # them it declares no namespace, which would be written with the blocks.
    content.attrib.clear()
    etree.cleanup_namespaces(content)
    return content


def _inner_markup(content: etree._Element) -> str:
    """What an element holds, written out: its text, and each child with its tail."""
    return (content.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in content
    )


def _cleaned(
    html: str,
    tags: set[tuple[str, tuple[str, ...]]],
    root: etree._Element,
    lose: Callable[[etree._Element, str], None],
) -> Body | None:
    """
    The body the sanitiser makes of refused markup, what it removed reported on *root*.

    *html* is written by lxml, with its start *tags*: the sanitiser names
    what it removed from them.
    """
    cleaned, removed = sanitiser.clean_written(html, tags)
    if removed:
        lose(root, "body markup removed: " + ", ".join(removed))
    # Checked again where the sanitiser's parse left them, not written out to be parsed.
    return Body.from_element(cleaned) if len(cleaned) else None
