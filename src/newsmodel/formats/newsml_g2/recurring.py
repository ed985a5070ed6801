"""
Model values a feed repeats from item to item, built once and shared.

A feed's items repeat its few services, the subjects and genres of its
vocabularies, the speakers of its quotations.  The model's values do not
change, so items share each one.  A value the model refuses is not kept,
and is refused again in each item that holds it.  Short texts only are
kept, so that what is kept stays small whatever a feed sends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

__all__ = ["RECURRING", "shared"]

#: How many values of each kind are kept (``functools.lru_cache``'s ``maxsize``).
RECURRING = 1024
_SHORT = 256
_T = TypeVar("_T")


def shared(make: _lru_cache_wrapper[_T], *values: str | None) -> _T:
    """What *make* builds of *values*: built once for all items if each is short."""
    for value in values:
        if value is not None and len(value) > _SHORT:
            return make.__wrapped__(*values)
    return make(*values)
