"""
Date-times as feeds and pages write them, brought to the form RFC 3339 gives.

The JSON-LD and ninjs readers share this: both read dates from outside.
"""

from __future__ import annotations

__all__ = ["extended_offset"]

_SIGNS = ("+", "-")


def extended_offset(text: str) -> str:
    r"""
    *text* with a basic UTC offset (``+0100``) written as an extended one (``+01:00``).

    The four digits are any that ``\d`` matches in a pattern: decimal
    digits, which ``str.isdecimal`` answers in C (``isdigit`` takes ``²``).
    """
    if text[-5:-4] in _SIGNS and text[-4:].isdecimal():
        return f"{text[:-2]}:{text[-2:]}"
    return text
