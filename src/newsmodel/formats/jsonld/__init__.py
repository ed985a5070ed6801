"""
schema.org JSON-LD: the ``NewsArticle`` markup of news pages.

* Writing produces one compact node, ``"@context": "https://schema.org"``,
  using only schema.org terms, with what Google's Article guidelines ask for
  when the article has it: ``headline``, ``datePublished``/``dateModified``
  with offsets, ``author`` as ``Person``/``Organization`` objects with a
  name and a URL, ``image``, ``publisher``.
* The ``@type`` is ``NewsArticle``, or the schema.org type an article's genre
  names (a genre with the URI ``https://schema.org/OpinionNewsArticle``).
* The body is written as ``articleBody`` plain text; quotations as
  ``hasPart`` ``Quotation`` nodes with their speaker as ``creator``.
* What JSON-LD has no term for (urgency, a slugline, a quotation's cue...) is
  reported by :func:`write` as a loss, and strict writing refuses it.
* Reading takes what real pages publish: ``@graph`` documents, arrays,
  ``@type`` arrays, ``@context`` as a string or an object, ``http`` or
  ``https`` schema.org, authors as strings, objects or arrays, ``@id``
  references, HTML entities in strings.  The article node is the first node
  of an article type, never the ``WebPage`` or ``BreadcrumbList`` around it;
  :func:`read_items` gives every article node, :func:`read` reports the
  others as losses.

The mapping table is in the documentation, ``docs/formats/jsonld.md``.
"""

from __future__ import annotations

from newsmodel.formats.jsonld.nodes import find_article, find_articles
from newsmodel.formats.jsonld.reader import (
    loads,
    read,
    read_articles,
    read_document,
    read_items,
)
from newsmodel.formats.jsonld.terms import ARTICLE_TYPES
from newsmodel.formats.jsonld.writer import dumps, write

__all__ = [
    "ARTICLE_TYPES",
    "dumps",
    "find_article",
    "find_articles",
    "loads",
    "read",
    "read_articles",
    "read_document",
    "read_items",
    "write",
]
