"""
The command line's parts beyond its arguments.

Reading inputs item by item (:mod:`.inputs`), writing outputs safely
(:mod:`.outputs`), checking files for ``validate`` (:mod:`.checks`) and
showing progress (:mod:`.progress`).  This module holds what they share.
"""

from __future__ import annotations

__all__ = ["reason"]


def reason(error: Exception) -> str:
    """
    An error in the user's words: an OSError's own reason, without its number.
    """
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)
