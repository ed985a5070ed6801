"""
The command line's parts beyond its arguments.

Reading inputs item by item (:mod:`.inputs`), writing outputs safely
(:mod:`.outputs`), checking files for ``validate`` (:mod:`.checks`) and
showing progress (:mod:`.progress`).  This module holds what they share.
"""

from __future__ import annotations

from newsmodel.formats import Format

__all__ = ["JSON_FORMATS", "SCHEMA_VARIABLE", "reason"]

#: The formats written as JSON, which JSON Lines can carry one document a line.
JSON_FORMATS = frozenset({Format.JSON, Format.JSONLD, Format.NINJS, Format.NINJS2, Format.NINJS3})
#: The start of the environment variables naming an official schema per format.
SCHEMA_VARIABLE = "NEWSMODEL_SCHEMA_"


def reason(error: Exception) -> str:
    """
    An error in the user's words: an OSError's own reason, without its number.
    """
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)
