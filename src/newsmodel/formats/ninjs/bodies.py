"""
The body of a ninjs object: its marked-up text, or its plain text.

A ninjs object may carry its body more than once (HTML and plain text, as
``bodies`` entries or 1.x's ``body_html`` and ``body_text``); one is read and
the others reported.  HTML from outside is made a body as it is when it is
already safe XHTML, and cleaned by the sanitiser otherwise, its blocks made
a body where the sanitiser's parse left them.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from newsmodel._lowlevel import sanitiser
from newsmodel._lowlevel.xhtml import ALLOWED_ELEMENTS
from newsmodel.errors import FieldError
from newsmodel.model import Body

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["HTML_TYPES", "html_only", "read_body"]

#: The content types of marked-up text.
HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def read_body(node: dict[str, Any], lose: Callable[[str, str], None]) -> Body | None:
    """
    The body: the marked-up one, unless its markup was escaped into text.

    Feeds that escape their HTML (``&lt;p&gt;``) often send a clean plain
    text beside it; that is read then, and the escaped markup otherwise
    unescaped, never kept as literal tags.
    """
    given = node.get("bodies")
    bodies, marked, plain = [], [], []  # those with a text; of them, HTML and plain text
    for body in given if isinstance(given, list) else ():
        if isinstance(body, dict) and isinstance(value := body.get("value"), str):
            bodies.append(body)
            if str(body.get("contenttype", "")).lower() in HTML_TYPES:
                marked.append(body)
            elif value.strip():
                plain.append(body)
    escaped = bool(marked) and _escaped(marked[0]["value"])
    candidates = [*plain, *marked] if escaped else [*marked, *plain]
    if not candidates:
        return None
    chosen = candidates[0]
    for other in bodies:
        if other is not chosen:
            kind = other.get("contenttype", "unknown type")
            why = " (its markup escaped)" if escaped and other in marked else ""
            lose("bodies", f"a body as {kind}{why} besides the one read")
    value = chosen["value"]
    if chosen in marked:
        return _html_body(html.unescape(value) if escaped else value, lose)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Body.from_paragraphs(*paragraphs) if paragraphs else None


# Markup written as text: "&lt;p&gt;" where "<p>" was meant.
_ESCAPED_MARKUP = re.compile(r"&lt;/?[A-Za-z][\w-]*(?:\s[^&]*)?/?&gt;")


def _escaped(value: str) -> bool:
    return "<" not in value and _ESCAPED_MARKUP.search(value) is not None


# An "&" that starts none of the references XML defines without a DTD: HTML's
# "&nbsp;", a bare "&" in "AT&T" or in a link's query.
_UNDEFINED_REFERENCE = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")


def html_only(markup: str) -> bool:
    """
    Whether *markup* is HTML that :class:`~newsmodel.model.Body` cannot take as it is.

    Such markup goes to the sanitiser without the parse that would fail:

    * its first element is one the allow-list refuses (a ``<body>`` or a
      ``<section>`` around the blocks; the body checks names as XML spells
      them, case and all);
    * it holds a reference XML does not define. Outside a CDATA section (in
      which "&" is text) that is a syntax error to any XML parser; in a
      comment or a processing instruction it is not, but the body refuses
      those anyway.
    """
    first = _FIRST_ELEMENT.match(markup)
    if first is not None and first.group(1) not in ALLOWED_ELEMENTS:
        return True
    return _UNDEFINED_REFERENCE.search(markup) is not None and _CDATA.search(markup) is None


_CDATA = re.compile(r"<!\[CDATA\[")
# The name of the first element, when markup starts with one (after white space).
_FIRST_ELEMENT = re.compile(r"\s*<([^\s/>!?:]+)[\s/>]")


def _html_body(value: str, lose: Callable[[str, str], None]) -> Body | None:
    """The body of some HTML: as it is if it is a safe XHTML body, else cleaned."""
    start = value.lstrip()[:1]
    if not start:
        return None
    # Text before the first tag ("GROSSETO, Italy (AP) --") is never a body's
    # markup: only the sanitiser can make one of it, so no check is tried.
    # (A reference may be white space: "&#32;<p>" is a body.) Nor is markup
    # that html_only() finds to be HTML.
    if start in ("<", "&") and not html_only(value):
        try:
            return Body(html=value)
        except FieldError:
            pass
    cleaned, removed = sanitiser.clean_blocks(value)
    if removed:
        lose("bodies", "markup removed: " + ", ".join(removed))
    # Checked where the sanitiser's parse left them, not written out to be parsed again.
    return Body.from_element(cleaned) if len(cleaned) else None
