"""
The NewsML-G2 verdict: IPTC's NewsML-G2 2.35 XSD, whatever the document's root and version.

NewsML-G2 2.x is backward compatible, so an item of 2.10 or 2.28 is judged by
the 2.35 schema; its ``standardversion`` says which release it was written
for, and the report repeats it.  Every root the schema defines is judged
(``newsMessage``, ``newsItem``, ``packageItem``, ``conceptItem``,
``knowledgeItem``, ``planningItem``, ``catalogItem``, ``catalog``); whether an
item holds an article is a question for reading, not for validity.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.errors import ParseError
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.validation import bundled
from newsmodel.validation.messages import xsd_issues
from newsmodel.validation.report import Verdict, parse_issue

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["check", "describe"]

_RULE = f"NewsML-G2 {bundled.G2_VERSION} XSD"


def check(data: str | bytes, *, official: Path | None) -> Verdict:
    """
    Judge a NewsML-G2 document by the bundled 2.35 XSD, or by *official*, a user's XSD.
    """
    raw = data.encode() if isinstance(data, str) else data
    try:
        root = hardened_xml.parse(raw)
    except ParseError as error:
        return Verdict([parse_issue(error, "XML")])
    if official is None:
        schema, rule = bundled.newsml_g2_xsd(), _RULE
    else:
        schema, rule = bundled.user_xsd(str(official)), f"official schema {official.name}"
    return Verdict(xsd_issues(root, schema, rule, g2.NAR), describe(root))


def describe(root: etree._Element) -> str:
    """
    Say what a document is: ``NewsML-G2 2.12 newsItem (text)``.

    A message lists its items by kind: ``NewsML-G2 newsMessage: 2 newsItem
    (text), 1 packageItem``.
    """
    name = etree.QName(root).localname
    if name != "newsMessage":
        return f"NewsML-G2 {_version(root)}{_item(root)}"
    counts = Counter(_item(item) for item in root.iterfind(f"{{{g2.NAR}}}itemSet/*"))
    items = ", ".join(f"{count} {item}" for item, count in counts.items()) or "no items"
    return f"NewsML-G2 newsMessage: {items}"


def _version(root: etree._Element) -> str:
    version = root.get("standardversion")
    return f"{version} " if version else ""


def _item(element: etree._Element) -> str:
    """An item's element name and, when it has one, its class: ``newsItem (picture)``."""
    name = etree.QName(element).localname
    item_class = element.find(f"{{{g2.NAR}}}itemMeta/{{{g2.NAR}}}itemClass")
    code = item_class.get("qcode") if item_class is not None else None
    return f"{name} ({code.rpartition(':')[2]})" if code else name
