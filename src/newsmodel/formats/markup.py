"""
Story markup of other vocabularies (NITF, an agency's own) made into a body.

Agencies carry bodies in NITF, in XHTML, or in markup of their own
(``<BRODTEXT><P>``, ``<CITAT>``, ``<MELLIS>``).  Nothing of a story is dropped
for its vocabulary: an element whose name says what it is (a paragraph, a
subhead, a quotation, a list, a table) becomes its XHTML peer, whatever its
case or namespace; NITF's inline names (``<person>``, ``<org>``,
``<chron>``...) become ``<span class="person">``, which NITF writing turns
back; a container is opened and its blocks taken; and any other element is
kept as a paragraph of its text, with a loss naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from newsmodel._lowlevel import sanitiser
from newsmodel._lowlevel import xml as hardened_xml
from newsmodel._lowlevel.xhtml import ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, GLOBAL_ATTRIBUTES
from newsmodel.errors import FieldError
from newsmodel.model import Body

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["NITF_INLINE", "append_text", "is_own_word", "local_name", "to_body"]

#: NITF's inline elements that name what a stretch of text is.
NITF_INLINE = frozenset(
    {
        "chron", "classifier", "copyrite", "event", "function", "lang", "location", "money",
        "num", "object.title", "org", "person", "postaddr", "pronounce", "virtloc",
    }
)  # fmt: skip

# Block elements by the names vocabularies give them: NITF, XHTML, agencies'.
_BLOCKS = {
    "p": "p",
    "para": "p",
    "paragraph": "p",
    "hl1": "h1",
    "hl2": "h2",
    "subhead": "h2",
    "crosshead": "h2",
    "intertitle": "h2",
    "zwischentitel": "h2",
    "mellis": "h2",
    "mellanrubrik": "h2",
    "bq": "blockquote",
    "quote": "blockquote",
    "citat": "blockquote",
    "zitat": "blockquote",
    "cita": "blockquote",
    "credit": "p",
    "tagline": "p",
    **{name: name for name in ("h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "blockquote")},
}
# Elements kept with their structure: lists and tables.
_STRUCTURES = {
    "ul": {"li"},
    "ol": {"li"},
    "dl": {"dt", "dd"},
    "table": {"caption", "thead", "tbody", "tfoot", "tr"},
    "thead": {"tr"},
    "tbody": {"tr"},
    "tfoot": {"tr"},
    "tr": {"td", "th"},
}
_HOLDING_INLINE = {"li", "dt", "dd", "caption", "td", "th"}
# Containers whose children are the blocks of the story.
_CONTAINERS = frozenset(
    {
        "block", "body", "body.content", "div", "section", "article", "main", "content",
        "text", "story", "brodtext", "bodytext", "fn", "note", "html",
    }
)  # fmt: skip
# Elements that are not story text: pictures, scripts, NITF's table references.
_NOT_TEXT = frozenset({"media", "script", "style", "nitf-table", "col", "colgroup", "head"})
# Of those, the ones nothing else reads: reported as removed.
_REMOVED = frozenset({"script", "style", "nitf-table"})
# Credit lines inside a story's markup: the article's bylines, not its text.
_BYLINES = frozenset({"byline", "by", "author"})
# The words of story vocabularies that XHTML has not, or writes in another case.
# (HTML5's own containers are left to the sanitiser, which keeps more of HTML.)
_OWN_WORDS = (set(_BLOCKS) | set(_CONTAINERS) | _BYLINES | set(_STRUCTURES)) - {
    "html", "body", "div", "section", "article", "main", "by",
}  # fmt: skip


def is_own_word(name: str) -> bool:
    """
    Whether an element's name (no namespace) is a story part's word XHTML lacks (``BRODTEXT``).

    Markup that holds one, even inside an XHTML ``body``, is read by
    :func:`to_body`, which knows the words; a sanitiser would keep the text
    but lose what each part is.
    """
    return name.lower() in _OWN_WORDS and name not in ALLOWED_ELEMENTS


def local_name(element: etree._Element) -> str:
    """An element's tag, lower case, without its namespace; empty for comments."""
    tag = element.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


class _Converter:
    def __init__(self, lose: Callable[[etree._Element, str], None]) -> None:
        self.lose = lose
        self.unknown: dict[str, etree._Element] = {}
        self.bylines: list[str] = []

    def blocks(self, source: etree._Element, target: etree._Element) -> None:
        """Append to *target* the blocks of *source*'s children (and its loose text)."""
        self._loose(source.text, target)
        for child in source:
            local = local_name(child)
            if local in _BYLINES:
                text = " ".join("".join(child.itertext()).split())
                if text:
                    self.bylines.append(text)
            elif local in _BLOCKS:
                self.block(child, target, _BLOCKS[local])
            elif local in _STRUCTURES:
                self.structure(child, target, local)
            elif local in _CONTAINERS:
                self.blocks(child, target)
            elif local:
                self.other(child, target, local)
            self._loose(child.tail, target)

    def other(self, source: etree._Element, target: etree._Element, local: str) -> None:
        """An element of no known meaning: its blocks, or its text as a paragraph."""
        if local in _NOT_TEXT:
            if local in _REMOVED:
                self.unknown.setdefault(local, source)
            return
        self.unknown.setdefault(local, source)
        if _holds_blocks(source):
            self.blocks(source, target)
        else:
            self.block(source, target, "p")

    def _loose(self, text: str | None, target: etree._Element) -> None:
        if text and text.strip():
            etree.SubElement(target, "p").text = text.strip()

    def block(self, source: etree._Element, target: etree._Element, tag: str) -> None:
        if tag == "blockquote":
            quote = etree.Element("blockquote")
            if _holds_blocks(source):
                self.blocks(source, quote)
            else:
                self.block(source, quote, "p")
            if len(quote):
                target.append(quote)
            return
        if _escaped_markup(source):
            self.escaped(source, target)
            return
        element = etree.Element(tag)
        if tag != "hr":
            self.inline(source, element)
            if not (len(element) or (element.text or "").strip()):
                return  # an empty paragraph is no paragraph
        target.append(element)

    def escaped(self, source: etree._Element, target: etree._Element) -> None:
        """A paragraph whose text is escaped markup (an embed code): what of it is text."""
        cleaned, removed = sanitiser.clean(source.text or "")
        if removed:
            self.lose(source, "escaped markup in the text removed: " + ", ".join(removed))
        if cleaned:
            wrapper = hardened_xml.parse(f"<div>{cleaned}</div>".encode())
            target.extend(block for block in wrapper if "".join(block.itertext()).strip())

    def structure(self, source: etree._Element, target: etree._Element, tag: str) -> None:
        element = etree.SubElement(target, tag, attrib=_attributes(tag, source))
        for child in source:
            local = local_name(child)
            if local in _STRUCTURES.get(tag, ()) and local in _STRUCTURES:
                self.structure(child, element, local)
            elif local in _STRUCTURES.get(tag, ()):
                cell = etree.SubElement(element, local, attrib=_attributes(local, child))
                self.inline(child, cell)
            elif local:
                self.unknown.setdefault(f"{local} in {tag}", child)

    def inline(self, source: etree._Element, target: etree._Element) -> None:
        """Copy *source*'s text and inline markup into *target*."""
        append_text(target, source.text)
        for child in source:
            local = local_name(child)
            if not local:
                append_text(target, child.tail)
                continue
            if local in ALLOWED_ELEMENTS and local not in _BLOCKS.values():
                element = etree.SubElement(target, local, attrib=_attributes(local, child))
                self.inline(child, element)
            elif local in NITF_INLINE:
                element = etree.SubElement(target, "span", attrib={"class": local})
                self.inline(child, element)
            else:  # a block inside a paragraph, or a name nobody knows: its text
                if local not in _BLOCKS and local not in _CONTAINERS:
                    self.unknown.setdefault(local, child)
                append_text(target, " ".join("".join(child.itertext()).split()))
            append_text(target, child.tail)


def _escaped_markup(element: etree._Element) -> bool:
    """Whether an element holds nothing but text that is itself markup: ``&lt;div ...&gt;``."""
    text = (element.text or "").strip()
    return not len(element) and text.startswith("<") and text.endswith(">")


def _holds_blocks(element: etree._Element) -> bool:
    return any(
        (local := local_name(child)) in _BLOCKS or local in _STRUCTURES or local in _CONTAINERS
        for child in element
    )


def append_text(element: etree._Element, text: str | None) -> None:
    """Add *text* at the end of *element*'s content: after its last child, or as its text."""
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _attributes(tag: str, source: etree._Element) -> dict[str, str]:
    allowed = GLOBAL_ATTRIBUTES - {"id"} | ALLOWED_ATTRIBUTES.get(tag, frozenset())
    return {
        str(name): value
        for name, value in source.attrib.items()
        if str(name) in allowed and value.strip()
    }


def to_body(
    container: etree._Element, lose: Callable[[etree._Element, str], None]
) -> tuple[Body | None, tuple[str, ...]]:
    """
    The body made of the blocks in *container*, and the bylines found among them.

    The body is ``None`` if *container* holds no text.  *lose* is told of
    each element of unknown meaning (kept as text), once a name.
    """
    converter = _Converter(lose)
    wrapper = etree.Element("div")
    converter.blocks(container, wrapper)
    for name, element in converter.unknown.items():
        if name in _REMOVED:
            lose(element, f"<{name}> removed from the body")
        else:
            lose(element, f"<{name}> is not known markup: its text is kept as a paragraph")
    return _body(wrapper, container, lose), tuple(converter.bylines)


def _body(
    wrapper: etree._Element, container: etree._Element, lose: Callable[[etree._Element, str], None]
) -> Body | None:
    """The body of the blocks made, checked where they are; cleaned if they are refused."""
    if not len(wrapper):
        return None
    try:
        return Body.from_element(wrapper)
    except FieldError:  # a link to a refused address, say: the sanitiser decides
        # A refused fragment is as it was: its blocks are written for the sanitiser.
        markup = "".join(etree.tostring(block, encoding="unicode") for block in wrapper)
        cleaned, removed = sanitiser.clean(markup)
        if removed:
            lose(container, "body markup removed: " + ", ".join(removed))
        return Body(html=cleaned) if cleaned else None
