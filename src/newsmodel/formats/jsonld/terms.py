"""
The schema.org terms that reading and writing JSON-LD share.
"""

from __future__ import annotations

from newsmodel.model import Concept

__all__ = ["ARTICLE_TYPES", "CONTEXT", "SCHEMA", "type_genre"]

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
