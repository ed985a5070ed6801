"""
Identifiers made up for articles that have none, where a format requires one.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from newsmodel.formats import json as native_json

if TYPE_CHECKING:
    from newsmodel.model import Article

__all__ = ["made_up_id"]

# newsmodel's own namespace for name-based UUIDs.
_NAMESPACE = uuid.UUID("7f3c9c1e-4b1a-5d2e-9a53-6e6577736d64")


def made_up_id(article: Article) -> str:
    """
    Return a ``urn:uuid:`` made from the article's content.

    The same article always gets the same identifier.
    """
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, native_json.dumps(article, indent=None))}"
