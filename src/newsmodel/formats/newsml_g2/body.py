"""
The body of a NewsML-G2 item: XHTML or NITF in ``inlineXML``, or plain text in ``inlineData``.
"""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING

from lxml import etree

from newsmodel._lowlevel import sanitiser
from newsmodel.errors import FieldError
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.model import Body

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["read_body"]


def read_body(
    content_set: etree._Element | None, lose: Callable[[etree._Element, str], None]
) -> Body | None:
    """
    The first body of the content set; other contents are reported.

    *lose* is told what the model cannot hold, with the element it is in.
    """
    body = None
    for content in content_set if content_set is not None else ():
        local = g2.local_name(content)
        root = next((c for c in content if isinstance(c.tag, str)), None)
        if body is None and local == "inlineXML" and root is not None:
            body = _markup_body(root, lose)
        elif body is None and local == "inlineData" and g2.text_of(content):
            paragraphs = [p.strip() for p in (content.text or "").split("\n\n") if p.strip()]
            body = Body.from_paragraphs(*paragraphs)
        elif local and (root is not None or g2.text_of(content)):
            lose(content, f"<{local}> besides the body is not held by the model")
    return body


def _markup_body(root: etree._Element, lose: Callable[[etree._Element, str], None]) -> Body | None:
    content = _plain_markup(_body_content(root))
    if not len(content) and not (content.text or "").strip():
        return None
    try:
        # Markup that is already safe blocks (newsmodel's own) needs no cleaning,
        # and is checked where it is, without being parsed again.
        return Body.from_element(content)
    except FieldError:
        pass
    # A refused fragment is as it was, but for the tag around it.
    markup = (content.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in content
    )
    cleaned, removed = sanitiser.clean(markup)
    if removed:
        lose(root, "body markup removed: " + ", ".join(removed))
    return Body(html=cleaned) if cleaned else None


def _body_content(root: etree._Element) -> etree._Element:
    """The element whose children are the story: an XHTML or NITF body."""
    local = etree.QName(root).localname
    if local == "html":
        body = next((c for c in root if g2.local_name(c) == "body"), None)
        return body if body is not None else root
    if local == "nitf":
        body = next((c for c in root if g2.local_name(c) == "body"), root)
        return next((c for c in body if g2.local_name(c) == "body.content"), body)
    return root


_NITF_TAGS = {"hl1": "h1", "hl2": "h2", "bq": "blockquote", "block": "div"}


def _plain_markup(element: etree._Element) -> etree._Element:
    """A copy without namespaces, NITF tags renamed to their HTML peers."""
    copy = deepcopy(element)
    for node in copy.iter():
        if isinstance(node.tag, str):
            local = node.tag.rpartition("}")[2]
            node.tag = _NITF_TAGS.get(local, local)
    etree.cleanup_namespaces(copy)
    return copy
