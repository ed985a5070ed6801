"""
The NITF verdict: IPTC's NITF 3.6 XSD, for a document whose root is ``nitf``.

Most NITF in the wild is DTD-era: no namespace, a ``version`` attribute naming
its DTD (``-//IPTC//DTD NITF 3.4//EN``), sometimes a DOCTYPE pointing at it.
Such a document is judged as the 3.6 XSD would judge it in the NITF namespace:
its elements are moved into the namespace first (what a reader does anyway),
and the version attributes, which the XSD fixes at 3.6's values, are reported
as warnings instead of failing the document on its age.  The DTD is never
loaded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.errors import ParseError
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.validation import bundled
from newsmodel.validation.messages import xsd_issues
from newsmodel.validation.report import Issue, Severity, Verdict, parse_issue

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["check"]

_RULE = f"NITF {bundled.NITF_VERSION} XSD"
# The values nitf-3-6.xsd fixes on the root; DTD-era documents carry their own.
_FIXED = {
    "version": "-//IPTC//DTD NITF 3.6//EN",
    "change.date": "September 11, 2009",
    "change.time": "12:26",
}
_DTD_VERSION = re.compile(r"NITF (\d+(?:\.\d+)*)")


def check(data: str | bytes, *, official: Path | None) -> Verdict:
    """
    Judge a NITF document by the bundled 3.6 XSD, or by *official*, a user's XSD.
    """
    raw = data.encode() if isinstance(data, str) else data
    try:
        root, repairs = hardened_xml.parse_dtd_based(raw, doctype="nitf")
    except ParseError as error:
        return Verdict([parse_issue(error, "XML")])
    what = _describe(root)
    if root.tag == "nitf":
        _into_namespace(root)
    notes = [
        Issue(message=repair, path="/", line=1, severity=Severity.WARNING, rule="XML")
        for repair in repairs
    ] + _dated_attributes(root)
    if official is None:
        schema, rule = bundled.nitf_xsd(), _RULE
    else:
        schema, rule = bundled.user_xsd(str(official)), f"official schema {official.name}"
    return Verdict(notes + xsd_issues(root, schema, rule, g2.NITF), what)


def _describe(root: etree._Element) -> str:
    match = _DTD_VERSION.search(root.get("version", ""))
    namespace = "" if root.tag == "nitf" else ", in the NITF namespace"
    version = f" {match[1]}" if match else ""
    return f"NITF{version} document{namespace}"


def _into_namespace(root: etree._Element) -> None:
    """Move every element without a namespace into NITF's, as the XSD expects."""
    for element in root.iter(etree.Element):
        if not etree.QName(element).namespace:
            element.tag = f"{{{g2.NITF}}}{etree.QName(element).localname}"


def _dated_attributes(root: etree._Element) -> list[Issue]:
    """Warn of (and set aside) version attributes that name another NITF than 3.6."""
    notes = []
    for name, fixed in _FIXED.items():
        value = root.get(name)
        if value is not None and value != fixed:
            notes.append(
                Issue(
                    message=f"{name}={value!r} names another NITF release than 3.6, "
                    f"whose XSD fixes it at {fixed!r}",
                    path="/nitf",
                    line=root.sourceline,
                    severity=Severity.WARNING,
                    rule=_RULE,
                )
            )
            del root.attrib[name]
    return notes
