"""
The schema.org terms that reading and writing JSON-LD share.
"""

from __future__ import annotations

from newsmodel.model import Concept

__all__ = ["ARTICLE_TYPES", "CONTEXT", "SCHEMA", "schema_type", "type_genre"]

SCHEMA = "https://schema.org/"
#: The schema.org types of articles: Article and its subtypes.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Report",
        "SatiricalArticle",
        "ScholarlyArticle",
        "TechArticle",
        "AdvertiserContentArticle",
    }
)
CONTEXT = "https://schema.org"


def type_genre(name: str) -> Concept:
    """The genre an article of a schema.org article type has: ``OpinionNewsArticle``."""
    return Concept(name=name, uri=SCHEMA + name)


def schema_type(genre: Concept) -> str | None:
    """The article type a genre names by its schema.org URI, if it does."""
    if genre.uri is None or not genre.uri.startswith(SCHEMA):
        return None
    name = genre.uri.removeprefix(SCHEMA)
    return name if name in ARTICLE_TYPES and genre == type_genre(name) else None
