"""
Names and element helpers NewsML-G2 reading and writing share: namespaces, item kinds, vocabularies.

The reader finds an element's children by name once, in one pass over them
(:class:`Part`), and then each by a lookup.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TypeAlias

from lxml import etree

from newsmodel._lowlevel.xhtml import XHTML_NAMESPACE
from newsmodel.model import ContributorRole, PubStatus

if TYPE_CHECKING:
    from collections.abc import Callable

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


#: Of these the model holds one each: a second one is reported as a loss.
SINGLE = frozenset(
    """
    rightsInfo itemClass provider versionCreated firstCreated embargoed pubStatus
    urgency contentCreated contentModified located language slugline dateline
    """.split()
)
_SINGLE_TAGS = frozenset(nar(local) for local in SINGLE)
_NM_PREFIX = nm("")
#: Looked up where a child may be missing: ``children.get(tag, NONE)[0]``.
NONE: list[None] = [None]


class Part:
    """
    An element whose children the reader maps (``itemMeta``...), its children grouped by name.

    One pass over the children groups them, and notes whether any is one the
    model has no place for or a repeat of a single one; only then are they
    looked at again, to report them (:meth:`report_unknown`).
    """

    __slots__ = ("children", "element", "surprising")

    def __init__(self, element: etree._Element | None, handled: dict[str, str]) -> None:
        self.element = element
        children: Children = {}
        surprising = False
        for node in () if element is None else element:
            tag: str = node.tag  # type: ignore[assignment] # a comment's is a function, kept out below
            same = children.get(tag)
            if same is not None:
                same.append(node)
                surprising = surprising or tag in _SINGLE_TAGS
            elif tag in handled:
                children[tag] = [node]
            elif isinstance(tag, str):  # not a comment or processing instruction
                children[tag] = [node]
                # newsmodel's own elements are read where they are, but for
                # one named as a single element, which counts as its repeat.
                if not tag.startswith(_NM_PREFIX) or tag[len(_NM_PREFIX) :] in SINGLE:
                    surprising = True
        self.children = children
        self.surprising = surprising

    def first(self, tag: str) -> etree._Element | None:
        return self.children.get(tag, NONE)[0]

    def report_unknown(
        self, lose: Callable[[etree._Element, str], None], handled: dict[str, str]
    ) -> None:
        """Report each kind of child the model has no place for, and repeats of single ones."""
        if not self.surprising or self.element is None:
            return
        unknown, repeated = self._unknown(handled)
        for name, count in unknown:
            held = f"{count} <{name}> elements are" if count > 1 else f"<{name}> is"
            lose(self.element, f"{held} not held by the model")
        for name, count in repeated.items():
            if count > 1:
                lose(self.element, f"{count} <{name}> elements: only the first is held")

    def _unknown(self, handled: dict[str, str]) -> tuple[list[tuple[str, int]], dict[str, int]]:
        """
        The kinds of children the model has no place for, and how many of each single one there are.

        NewsML-G2's come first, then those of other namespaces.
        """
        unknown, foreign = [], []
        repeated: dict[str, int] = {}
        elsewhere = False  # a single element's name in another namespace, or in none
        for tag, same in self.children.items():
            local = handled.get(tag)
            if local is not None:  # most children: only a repeat of a single one is reported
                if len(same) > 1 and local in SINGLE:
                    repeated[local] = len(same)
                continue
            namespace, _, local = tag[1:].partition("}") if tag[0] == "{" else ("", "", tag)
            if namespace == NAR:  # a NewsML-G2 element the model has no place for
                unknown.append((local, len(same)))
            elif namespace != NM:  # an element of another namespace
                foreign.append((tag, len(same)))
            if local in SINGLE:
                repeated[local] = len(same)
                elsewhere = elsewhere or namespace != NAR
        # An element named as a single one in another namespace (or in none)
        # counts as a repeat of NewsML-G2's, if there is one: all are counted.
        return unknown + foreign, self._singles(handled) if elsewhere else repeated

    def _singles(self, handled: dict[str, str]) -> dict[str, int]:
        """How many children of each single element's name there are, whatever their namespace."""
        counts: dict[str, int] = {}
        for tag, same in self.children.items():
            local = handled.get(tag) or tag.rpartition("}")[2]
            if local in SINGLE:
                counts[local] = counts.get(local, 0) + len(same)
        return counts
