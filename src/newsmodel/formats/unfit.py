r"""
The strings of a JSON document from outside that hold characters XML cannot carry.

The JSON-LD and ninjs readers drop such characters (U+0007, say) and report
each string they dropped some from.  Finding those strings walks every
string of the document; the document's own bytes say first, in a few
searches in C, whether there can be any: the parser refuses control
characters written as they are, so a string can only hold one written as an
escape (``\u0007``, ``\b``, ``\f``), or U+FFFE or U+FFFF as they are or
escaped.  Most documents show none of these signs and are not walked.
"""

from __future__ import annotations

from newsmodel._lowlevel import json as strict_json

__all__ = ["unfit_strings"]

# Each sign of an unfit character in a document's UTF-8 bytes. A find may be
# a false alarm ("\\b" after an escaped backslash, "\\u00e9"), never a miss.
_SIGNS = (b"\\u00", b"\\b", b"\\f", b"\\uf", b"\\uF", "\ufffe".encode(), "\uffff".encode())


def unfit_strings(data: str | bytes | None, node: object, where: str) -> list[str]:
    """
    The JSON paths of the strings of *node* that hold characters XML cannot carry.

    Args:
        data: The document *node* was parsed from by the strict parser, if known.
        node: The part of it to look in.
        where: *node*'s own path.
    """
    if isinstance(data, bytes) and not any(sign in data for sign in _SIGNS):
        return []
    return list(strict_json.strings_unfit_for_xml(node, where))
