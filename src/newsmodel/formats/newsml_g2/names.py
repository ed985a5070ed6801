"""
Names and element helpers NewsML-G2 reading and writing share: namespaces, item kinds, vocabularies.

The reader finds an element's children by name once, in one pass over them,
and then each by a lookup.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TypeAlias

from lxml import etree

from newsmodel._lowlevel.xhtml import XHTML_NAMESPACE
from newsmodel.model import ContributorRole, PubStatus

if TYPE_CHECKING:
    from lxml.etree import _Element

    #: An element's children by Clark name, in the order each name first occurs.
    Children: TypeAlias = dict[str, list[_Element]]

__all__ = [
    "IMAGE_TYPES",
    "NAR",
    "NITF",
    "NM",
    "STATUS_QCODES",
    "XHTML",
    "XML_LANG",
    "kind_of",
    "nar",
    "nm",
]

#: The NewsML-G2 namespace ("News Architecture").
NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = XHTML_NAMESPACE
NITF = "http://iptc.org/std/NITF/2006-10-18/"
#: newsmodel's extension namespace, for what NewsML-G2 has no element for.
NM = "urn:newsmodel:newsml-g2:1"
XML_LANG = etree.QName("http://www.w3.org/XML/1998/namespace", "lang").text

STATUS_QCODES = {status: f"stat:{status.value}" for status in PubStatus}

#: Creator roles, by a word their QCode contains (``crol:photographer``).
ROLE_WORDS = {
    "phot": ContributorRole.PHOTOGRAPHER,
    "edit": ContributorRole.EDITOR,
    "transl": ContributorRole.TRANSLATOR,
}
ROLE_QCODES = {
    ContributorRole.PHOTOGRAPHER: "crol:photographer",
    ContributorRole.EDITOR: "crol:editor",
    ContributorRole.TRANSLATOR: "crol:translator",
}

#: Picture media types by file name ending, to tell pictures among links.
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
}

# The item classes of NewsML-G2 (ninat: and the older icls: scheme).
_KINDS = {"text", "picture", "graphic", "audio", "video", "composite", "concept"}


@cache
def nar(local: str) -> str:
    """The Clark name of a NewsML-G2 element: ``{namespace}local``."""
    return f"{{{NAR}}}{local}"


@cache
def nm(local: str) -> str:
    """The Clark name of an element of newsmodel's extension namespace."""
    return f"{{{NM}}}{local}"


def kind_of(item_class: str | None) -> str:
    """
    What an item class QCode (``ninat:picture``) says the item is.

    An item without a class is taken as text, as old feeds often omit it.
    """
    if item_class is None:
        return "text"
    code = item_class.rpartition(":")[2].lower()
    return code if code in _KINDS else item_class


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace; empty for comments and processing instructions."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def text_of(element: etree._Element | None) -> str | None:
    """An element's text, white space at the ends removed; ``None`` if empty."""
    if element is None:
        return None
    # Most such elements hold text alone, and their text is all there is.
    text = element.text if not len(element) else "".join(element.itertext())
    return (text and text.strip()) or None


def child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child named *tag* (a Clark name) of an element with few children."""
    # A loop over a few children costs less than setting up iterchildren's filter.
    for node in parent:
        if node.tag == tag:
            return node
    return None
