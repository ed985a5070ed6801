"""
The body's markup: a safe XHTML fragment, its canonical form and its text.

An article body is a sequence of block elements (``<p>``, ``<h2>``, lists,
tables, ...) without a namespace.  Only the elements and attributes listed
here may appear, and links may only use the URL schemes listed here, so a
body that exists is a body that is safe to publish.  Readers of foreign
formats clean their HTML with a sanitiser before building a body; this
module only checks and normalises.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache

from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel._lowlevel.validators import unfit_character
from newsmodel.errors import ParseError

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_ELEMENTS",
    "ALLOWED_URL_SCHEMES",
    "BLOCK_ELEMENTS",
    "ESCAPED_TEXT",
    "GLOBAL_ATTRIBUTES",
    "WHITE_SPACE",
    "XHTML_NAMESPACE",
    "canonical",
    "checked",
    "escape",
    "fragment_checked",
    "is_written",
    "paragraphs",
    "plain_text",
    "written_text",
    "written_within",
]

#: Elements that start a paragraph of the plain text.
BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "blockquote",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_INLINE_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    ]
)
ALLOWED_ELEMENTS = BLOCK_ELEMENTS | _INLINE_ELEMENTS

GLOBAL_ATTRIBUTES = frozenset({"class", "dir", "id", "lang", "title"})
#: Attributes each element may carry besides ``class``, ``dir``, ``id``,
#: ``lang`` and ``title``.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel"}),
    "blockquote": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "img": frozenset({"alt", "height", "src", "width"}),
    "ins": frozenset({"cite", "datetime"}),
    "ol": frozenset({"reversed", "start", "type"}),
    "q": frozenset({"cite"}),
    "td": frozenset({"colspan", "headers", "rowspan"}),
    "th": frozenset({"abbr", "colspan", "headers", "rowspan", "scope"}),
    "time": frozenset({"datetime"}),
}
_URL_ATTRIBUTES = frozenset({"cite", "href", "src"})
ALLOWED_URL_SCHEMES = frozenset({"ftp", "http", "https", "mailto", "tel"})

#: XHTML's namespace, which a body's blocks are in inside a document (NewsML-G2's ``inlineXML``).
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
_IN_XHTML = f"{{{XHTML_NAMESPACE}}}"
# Each allowed element by its tag as parsed, without a namespace or in
# XHTML's, to the name it is checked as; a tag not here is not allowed.
_PLAIN_NAMES: dict[object, str] = {name: name for name in ALLOWED_ELEMENTS}
_XHTML_NAMES: dict[object, str] = {_IN_XHTML + name: name for name in ALLOWED_ELEMENTS}


@lru_cache(maxsize=16)
def _names_in(namespace: str | None) -> dict[object, str]:
    """The allowed elements' tags in *namespace* (or none), to the name each is checked as."""
    if namespace is None:
        return _PLAIN_NAMES
    if namespace == XHTML_NAMESPACE:
        return _XHTML_NAMES
    return {f"{{{namespace}}}{name}": name for name in ALLOWED_ELEMENTS}


_ATTRIBUTES_OF = {
    name: GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(name, frozenset()) for name in ALLOWED_ELEMENTS
}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Browsers drop these from URLs before reading the scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7F]+")
_WRAPPER = "div"
_OPEN, _CLOSE = f"<{_WRAPPER}>", f"</{_WRAPPER}>"


def escape(text: str) -> str:
    """
    Return *text* escaped for XHTML as lxml writes it.

    ``&``, ``<`` and ``>`` are entities, and a carriage return a character
    reference, since a parser would read a bare one as a line feed.
    """
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def paragraphs(texts: tuple[str, ...]) -> str:
    """
    Return the canonical form of a fragment of ``<p>`` elements holding *texts*.

    The markup is written directly, with nothing to parse or check: escaped
    text inside ``<p>`` is in the allow-list by construction, and it is what
    :func:`canonical` would give (an empty paragraph is ``<p/>``).

    Raises:
        ValueError: There is no text, or a text holds a character XML 1.0
            cannot carry.
    """
    if not texts:
        msg = "expected at least one paragraph"
        raise ValueError(msg)
    # All texts at once, each step one pass in C however many there are.
    joined = "".join(texts)
    bad = unfit_character(joined)
    if bad is not None:
        msg = f"character {bad!r} cannot be carried by XML 1.0"
        raise ValueError(msg)
    # NUL, which no text holds, marks where one ends; escaped text holds no
    # "<", so "<p></p>" can only be an empty paragraph.
    blocks = escape("\0".join(texts)).replace("\0", "</p><p>")
    return f"<p>{blocks}</p>".replace("<p></p>", "<p/>")


def _written_text(html: str) -> str | None:
    """
    The text of *html* if it is paragraphs as :func:`paragraphs` writes them, else ``None``.

    Most bodies are plain paragraphs, and a body newsmodel wrote comes back
    in exactly that form: markup that :func:`paragraphs` writes is safe and
    canonical by construction, so it is recognised, not parsed.  The pattern
    matches exactly what :func:`paragraphs` can write, in one linear scan.
    """
    return written_text(html) if is_written(html) else None


def written_text(html: str) -> str:
    """
    The text of markup :func:`checked` found to be written paragraphs, not matched again.

    A body with a quotation in it is asked for its text where it is made,
    and matching a long body costs as much as cutting its text out.
    """
    # Between "<p>" and "</p>" no "<" is left: the tags are cut by string
    # replacement, and NUL, which no text holds, marks where blocks meet.
    texts = html.replace("<p/>", "<p></p>")[len("<p>") : -len("</p>")].replace("</p><p>", "\0")
    paragraphs = _collapsed(_unescaped(texts)).split("\0")
    return "\n\n".join(filter(None, map(str.strip, paragraphs)))  # empty ones dropped, in C


def _unescaped(text: str) -> str:
    """The inverse of :func:`escape`."""
    if "&" not in text:
        return text
    return (
        text.replace("&#13;", "\r").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


# What escape() leaves of a text, between the references it writes: any
# character but "<", ">", "&", a carriage return and those XML cannot carry
# (NOT_XML_CHARACTERS).  Spelt as the ranges it allows, which Python's engine
# tests a character against faster than the ranges it refuses (40% fewer
# instructions a body); a test holds the two spellings equal on every
# character.  Every repetition is possessive: each part ends where the next
# one's first character ("&", "<") begins, which it cannot hold, so none ever
# gives a character back, and the engine keeps no backtracking points.
ESCAPED_TEXT = r"[\t\n -%'-;=?-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
_ESCAPED_RUN = rf"{ESCAPED_TEXT}*+"
_WRITTEN = re.compile(
    rf"(?:<p>(?!<){_ESCAPED_RUN}(?:&(?:amp|lt|gt|#13);{_ESCAPED_RUN})*+</p>|<p/>)++"
)


def canonical(html: str) -> str:
    """
    Check that *html* is a safe XHTML fragment and return its canonical form.

    The canonical form is what lxml serialises, block after block with no
    white space between them, so two bodies with the same markup are equal.

    Raises:
        ValueError: The fragment is not well-formed or not allowed; the
            message says where and why.
    """
    return checked(html)[0]


def checked(html: str) -> tuple[str, bool]:
    """
    As :func:`canonical`, and whether *html* is paragraphs as :func:`paragraphs` writes them.

    Such markup is its own canonical form, and its text is cut from it by
    :func:`written_text`.
    """
    if is_written(html):
        return html, True
    return _canonical(_parse(html), None), False


def is_written(html: str) -> bool:
    """Whether *html* is paragraphs as :func:`paragraphs` writes them, in one linear scan."""
    return _WRITTEN.fullmatch(html) is not None


def fragment_checked(fragment: etree._Element) -> tuple[str, bool]:
    """
    As :func:`checked`, for the blocks of an element already parsed.

    A reader of a document that holds a body (NewsML-G2's ``inlineXML``)
    checks the body's elements where they are, instead of writing them out
    and parsing them again.  Its children are in *fragment*'s namespace:
    none, XHTML's, or the one a document's markup was left in (an XHTML
    ``<body>`` in NewsML-G2's namespace, when its feed declared none); a
    ``<body>`` is taken as it was parsed, without renaming each element.
    A refused fragment is left as it was; one that passes may be changed
    (its tag, attributes and tail, the white space between its blocks) and
    taken out of its document (or its blocks written from a copy).  Blocks
    found to be written paragraphs in place are said to be, so that their
    text is cut from them.
    """
    tag = fragment.tag
    namespace = tag[1 : tag.find("}")] if isinstance(tag, str) and tag[:1] == "{" else None
    if namespace is not None:
        written = _written_in_place(fragment, namespace)
        if written is not None:
            return written, True
    return _canonical(fragment, namespace), False


def _written_in_place(fragment: etree._Element, namespace: str) -> str | None:
    """
    The blocks of an element if they are paragraphs as :func:`paragraphs` writes them.

    Such blocks (newsmodel's own, and many agencies') need no walk: written
    as they are, with the element's own tags cut off, they are recognised
    by the pattern that admits only ``<p>`` around escaped text.  Children
    written without a prefix or a declaration of an element without a
    prefix are in its namespace.  ``None`` for anything else.
    """
    if fragment.prefix is not None or not len(fragment):
        return None
    # A body that starts or ends with anything but a paragraph of text alone
    # (a heading, inline markup) is told without writing it out.
    paragraph, first, last = f"{{{namespace}}}p", fragment[0], fragment[-1]
    if first.tag != paragraph or last.tag != paragraph or len(first) or len(last):
        return None
    # Written paragraphs meet without white space: a body laid out on lines
    # (its text, the first block's tail or the last's) is told without writing it out.
    if fragment.text or first.tail or last.tail:
        return None
    blocks = written_within(fragment)
    return blocks if _WRITTEN.fullmatch(blocks) is not None else None


def written_within(element: etree._Element) -> str:
    """
    What lxml writes of an element between its own tags, written where it is in its document.

    Text and attribute values have their "<" and ">" escaped, so the first
    ">" ends the start tag; a namespace's name could hold one, which
    libxml2 refuses to parse.
    """
    markup = etree.tostring(element, encoding="unicode", with_tail=False)
    return markup[markup.find(">") + 1 : markup.rfind("</")]


def _canonical(fragment: etree._Element, namespace: str | None) -> str:
    """The canonical form of parsed blocks in *namespace* (or none), checked by the allow-list."""
    names = _names_in(namespace)
    if fragment.text is not None and fragment.text.strip():
        msg = f"text outside a block element: {fragment.text.strip()[:40]!r}"
        raise ValueError(msg)
    top = list(fragment)  # each block's Python proxy made once, for the three loops
    _check_tree(fragment, names)
    _check_blocks(top, names)
    # Changed only once checked, so that a refused fragment is as it was.
    for block in top:
        block.tail = None
    fragment.text = fragment.tail = None
    fragment.attrib.clear()
    # No allowed name has a namespace, so a declaration left is unused; one
    # kept (xmlns="") would take a block out of XHTML where a format puts it.
    # lxml writes an element with its ancestors' declarations: alone, it has
    # only its own, and those go.  Taken out of its document, an element of
    # a namespace its ancestors declared as the default gets it again with a
    # prefix (html:, ns0:), and each block would be renamed; a copy keeps
    # the declarations as they were, and the blocks are written as they are.
    parent = fragment.getparent()
    if parent is not None and namespace is not None:
        blocks = _written_where_they_are(fragment, namespace)
        if blocks is not None:
            return blocks
        fragment = deepcopy(fragment)
    elif parent is not None:
        parent.remove(fragment)
    if not len(fragment):
        return ""
    if namespace is not None:
        blocks = _blocks_as_they_are(fragment, namespace)
        if blocks is not None:
            return blocks
        for element in fragment.iterdescendants(etree.Element):
            element.tag = names[element.tag]
    fragment.tag = _WRAPPER
    etree.cleanup_namespaces(fragment)
    # The blocks as one string: the wrapper's own tags cut off its ends.
    return etree.tostring(fragment, encoding="unicode")[len(_OPEN) : -len(_CLOSE)]


def _written_where_they_are(fragment: etree._Element, namespace: str) -> str | None:
    """
    The markup of checked blocks in *namespace*, written in their document, or ``None``.

    Where *namespace* is the default one around them and no prefix is bound
    to it, lxml writes the blocks without a prefix, as it writes their copy
    (:func:`_blocks_as_they_are`): nothing is copied.  A block that
    declares a namespace of its own shows it (``xmlns``), and is copied.
    """
    if not len(fragment):
        return ""
    scope = fragment.nsmap
    bound = list(scope.values())
    # The first ">" ends the element's own tag, unless a namespace's name
    # holds one, as one bound in Python may.
    if scope.get(None) != namespace or bound.count(namespace) > 1 or ">" in "".join(bound):
        return None
    blocks = written_within(fragment)
    return None if "xmlns" in blocks else blocks


def _blocks_as_they_are(fragment: etree._Element, namespace: str) -> str | None:
    """
    The markup of checked blocks in *namespace*, written as they are, or ``None``.

    With their namespace declared once, around them, lxml writes the
    elements without a prefix, exactly as it writes them without a
    namespace.  ``None`` when anything else declares a namespace (a prefix
    bound to it, a declaration left on a block) or when the text only
    seems to: those blocks are renamed instead.
    """
    fragment.tag = f"{{{namespace}}}{_WRAPPER}"
    etree.cleanup_namespaces(fragment)
    markup = etree.tostring(fragment, encoding="unicode")
    opening = f'<{_WRAPPER} xmlns="{namespace}">'
    if not markup.startswith(opening) or "xmlns" in markup[len(opening) :]:
        return None
    return markup[len(opening) : -len(_CLOSE)]


def plain_text(html: str) -> str:
    """
    Return the text of a canonical fragment, one paragraph per block.

    The text is what a browser shows: runs of white space are one space
    (but in ``<pre>``), ``<br/>`` is a line break, each paragraph is
    stripped at its ends, and paragraphs are separated by a blank line.
    The offsets of quotations in a body count characters of this text.
    """
    written = _written_text(html)
    if written is not None:
        return written
    fragment = _parse(html)
    simple = None if _BETWEEN_BLOCKS in html else _simple_paragraphs(fragment)
    if simple is not None:
        return simple
    text = _Text()
    text.walk(fragment, preformatted=False)
    return "\n\n".join(text.paragraphs)


def _simple_paragraphs(fragment: etree._Element) -> str | None:
    """
    The text of a fragment of blocks that hold only text and inline markup.

    Most bodies are such a run of paragraphs, and their text needs no walk:
    each block's text with its white space collapsed, which lxml gives in
    one pass once a mark stands between the blocks.  ``None`` when the
    fragment has more in it (loose text, nested blocks, line breaks,
    ``<pre>``).  The fragment is changed: the mark replaces the white space
    between its blocks.
    """
    if fragment.text and fragment.text.strip():
        return None
    for block in fragment:
        if block.tag not in _PARAGRAPHS or (block.tail and block.tail.strip()):
            return None
    if _HAS_NESTED_BLOCKS(fragment):
        return None
    for block in fragment:
        block.tail = _BETWEEN_BLOCKS
    text = _collapsed(etree.tostring(fragment, method="text", encoding="unicode"))
    paragraphs = (paragraph.strip() for paragraph in text.split(_BETWEEN_BLOCKS))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


class _Text:
    """The plain text of a fragment, gathered one piece at a time."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.pieces: list[str] = []  # of the paragraph being read

    def walk(self, element: etree._Element, *, preformatted: bool) -> None:
        block = element.tag in BLOCK_ELEMENTS
        preformatted = preformatted or element.tag == "pre"
        if block:
            self.end_paragraph()
        elif element.tag == "br":
            self.line_break(preformatted=preformatted)
        self.add(element.text, preformatted=preformatted)
        for child in element:
            self.walk(child, preformatted=preformatted)
            self.add(child.tail, preformatted=preformatted)
        if block:
            self.end_paragraph()

    def add(self, text: str | None, *, preformatted: bool) -> None:
        if text and not preformatted:
            text = _collapsed(text)
            if text.startswith(" ") and self._ends_in_space():
                text = text[1:]
        if text:
            self.pieces.append(text)

    def line_break(self, *, preformatted: bool) -> None:
        if self.pieces and self.pieces[-1].endswith(" ") and not preformatted:
            self.pieces[-1] = self.pieces[-1][:-1]
        self.pieces.append("\n")

    def end_paragraph(self) -> None:
        paragraph = "".join(self.pieces).strip()
        if paragraph:
            self.paragraphs.append(paragraph)
        self.pieces.clear()

    def _ends_in_space(self) -> bool:
        return not self.pieces or self.pieces[-1].endswith((" ", "\n"))


_PARAGRAPHS = BLOCK_ELEMENTS - {"pre"}
# Whether a block holds a block or a line break: its text needs the walk.
_HAS_NESTED_BLOCKS = etree.XPath(
    "boolean(*/descendant::*["
    + " or ".join(f"self::{tag}" for tag in sorted(BLOCK_ELEMENTS | {"br"}))
    + "])"
)
# A private-use character marks where blocks meet; a fragment that holds
# one already takes the long way.
_BETWEEN_BLOCKS = "\ue000"
#: HTML's white space: space, tab, line feed, form feed, carriage return.
WHITE_SPACE = re.compile(r"[ \t\n\f\r]+")
# Runs of spaces, once each other white space character is a space.
_SPACES = re.compile(" {2,}")


def _collapsed(text: str) -> str:
    """*text* with each run of white space made one space, as a browser shows it."""
    # Tabs, line feeds, form feeds and carriage returns are made spaces by
    # string replacement, and runs of spaces found by a pattern that starts
    # with a literal: a tenth of the time of one pattern for every kind of
    # run, which, starting with a class of characters, is tried at each
    # character.  Most text has neither, and is only searched (the searches
    # written out: a loop over them costs more).
    if "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = text.replace("\n", " ").replace("\t", " ").replace("\r", " ").replace("\f", " ")
    return _SPACES.sub(" ", text) if "  " in text else text


def _parse(html: str) -> etree._Element:
    source = f"<{_WRAPPER}>{html}</{_WRAPPER}>".encode()
    try:
        return hardened_xml.parse(source)
    except ParseError as error:
        column = error.column
        if error.line == 1 and column is not None:
            column -= len(_WRAPPER) + 2
        where = f"line {error.line}, column {column}: " if error.line else ""
        msg = f"expected well-formed XHTML, {where}{error.message}"
        raise ValueError(msg) from error


def _check_blocks(blocks: list[etree._Element], names: dict[object, str]) -> None:
    """Block elements at the top level, with nothing but white space between them."""
    for block in blocks:
        if block.tail is not None and block.tail.strip():
            msg = f"text outside a block element: {block.tail.strip()[:40]!r}"
            raise ValueError(msg)
        name = names.get(block.tag)
        if name not in BLOCK_ELEMENTS:
            msg = f"expected a block element at the top level, got <{name or block.tag!s}>"
            raise ValueError(msg)


def _check_tree(fragment: etree._Element, names: dict[object, str]) -> None:
    for _ in fragment.iter(etree.Comment, etree.ProcessingInstruction):
        msg = "comments and processing instructions are not allowed"
        raise ValueError(msg)
    for element in fragment.iterdescendants(etree.Element):
        tag = names.get(element.tag)
        if tag is None:
            msg = f"element <{element.tag!s}> is not allowed"
            raise ValueError(msg)
        for name, value in element.items():
            if name not in _ATTRIBUTES_OF[tag]:
                msg = f"attribute {name!r} is not allowed on <{tag}>"
                raise ValueError(msg)
            if name in _URL_ATTRIBUTES:
                _check_url(tag, name, value)


# Addresses whose scheme is plainly allowed: no noise can come before it.
_PLAINLY_ALLOWED = ("http://", "https://")


def _check_url(tag: str, name: str, value: str) -> None:
    if value.startswith(_PLAINLY_ALLOWED) or ":" not in value:
        return  # most links; without a colon there is no scheme at all
    scheme = _SCHEME.match(_URL_NOISE.sub("", value))
    if scheme is not None and scheme.group(1).lower() not in ALLOWED_URL_SCHEMES:
        msg = f"URL scheme {scheme.group(1)!r} is not allowed in <{tag} {name}>"
        raise ValueError(msg)
