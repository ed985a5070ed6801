"""
What each format keeps of an article: the one table of documented losses.

Writers report what they lose from the mapping (each format's ``losses`` or
``standard`` module works out what reading back gives), and property tests
hold that equal to a real read-back; this table says what they are *meant*
to lose. The tests hold
every conversion, and every chain of two, to it, and the mapping tables in the
documentation are checked against it, so a writer that starts dropping a field
fails a test instead of quietly reporting a new loss.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from newsmodel.formats import Format

__all__ = ["FIDELITY", "Fidelity", "Kept", "kept"]


class Kept(enum.Enum):
    """How much of a field comes back after writing and reading a format."""

    WHOLE = "whole"
    PART = "in part"
    NOTHING = "no"


class Fidelity(NamedTuple):
    """
    What one format keeps.

    Attributes:
        not_whole: The fields that do not come back whole, and how much does.
        trims_text: Whether reading trims white space around each text, as
            readers of formats that come from outside the building do.
    """

    not_whole: dict[str, Kept]
    trims_text: bool


_NINJS = Fidelity(
    not_whole={
        "id": Kept.PART,  # an article without one is given a made-up URN
        "bylines": Kept.PART,  # the printed text of bylines after the first
        "dateline": Kept.PART,  # the place's name only
        "genres": Kept.PART,
        "subjects": Kept.PART,
        "keywords": Kept.PART,
        "copyright_holder": Kept.PART,  # the name only
        "quotations": Kept.PART,
        "boilerplate": Kept.NOTHING,
    },
    trims_text=True,
)

#: Every format newsmodel writes, and what it keeps.
FIDELITY: dict[Format, Fidelity] = {
    Format.JSON: Fidelity(not_whole={}, trims_text=False),
    Format.NEWSML_G2: Fidelity(not_whole={}, trims_text=False),
    Format.JSONLD: Fidelity(
        not_whole={
            "version": Kept.NOTHING,
            "slugline": Kept.NOTHING,
            "sections": Kept.PART,  # their codes and addresses
            "bylines": Kept.PART,  # their printed text, organisations as editors
            "embargo": Kept.NOTHING,
            "urgency": Kept.NOTHING,
            "pub_status": Kept.NOTHING,
            "genres": Kept.PART,
            "subjects": Kept.PART,
            "keywords": Kept.PART,
            "usage_terms": Kept.NOTHING,
            "images": Kept.PART,  # those with an address, without alt text
            "body": Kept.PART,  # the plain text
            "quotations": Kept.PART,  # the words and speaker of each
            "boilerplate": Kept.NOTHING,
            "editorial_note": Kept.NOTHING,
        },
        trims_text=True,
    ),
    Format.NINJS: _NINJS,
    Format.NINJS2: _NINJS,
    Format.NINJS3: _NINJS,
    Format.NITF: Fidelity(not_whole={}, trims_text=False),
}


def kept(format: Format, field: str) -> Kept:  # noqa: A002 - the public name
    """
    How much of *field* comes back after writing *format* and reading it.
    """
    return FIDELITY[format].not_whole.get(field, Kept.WHOLE)
