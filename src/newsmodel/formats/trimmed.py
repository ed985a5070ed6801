"""
Values as readers that trim white space give them back.

The JSON-LD and ninjs readers strip the texts they read, so the loss
projections of both writers (``jsonld/losses.py``, ``ninjs/losses.py``)
work out what comes back with these.
"""

from __future__ import annotations

from newsmodel.model import Organization

__all__ = ["trimmed", "trimmed_organization"]


def trimmed(text: str | None) -> str | None:
    """*text* without white space at its ends."""
    return None if text is None else text.strip()


def trimmed_organization(organization: Organization | None) -> Organization | None:
    """*organization* with its name trimmed."""
    if organization is None:
        return None
    return Organization(name=organization.name.strip(), uri=organization.uri)
