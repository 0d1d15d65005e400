"""The search index: one row per searchable document and language, and the vocabulary of
indexed tokens that typo correction draws from.

Engine-specific structures sit beside these tables (migration 0001): on SQLite an FTS5
table over ``scope``, ``title_terms`` and ``body_terms`` and a trigram FTS5 table over the
vocabulary, both mirrored by triggers; on PostgreSQL a generated ``tsvector`` column with a
GIN index, and a pg_trgm index on the vocabulary.
"""

from django.db import models

from storedesk.core.models import StoreScopedModel

KIND_MAX_LENGTH = 40
KEY_MAX_LENGTH = 100
LANGUAGE_MAX_LENGTH = 16
TITLE_MAX_LENGTH = 300
URL_MAX_LENGTH = 500
TERM_MAX_LENGTH = 40


class SearchDocument(StoreScopedModel):
    """A searchable text in one language: a help center article, a policy page, …

    ``title`` and ``body`` are what the owner gave (plain text); the ``*_terms`` columns hold
    the analyzed token streams (search.analysis) that the engines index.
    """

    kind = models.CharField(max_length=KIND_MAX_LENGTH)
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    language = models.CharField(max_length=LANGUAGE_MAX_LENGTH)
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    url = models.CharField(max_length=URL_MAX_LENGTH)
    body = models.TextField(blank=True)
    # One token naming store and language, so that SQLite's full-text index narrows to
    # one store's documents in one language before ranking (PostgreSQL filters by columns).
    scope = models.CharField(max_length=60)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "kind", "key", "language"], name="search_document_unique"
            )
        ]
        indexes = [models.Index(fields=["store", "language"], name="search_doc_store_lang")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} ({self.language})"


class SearchTerm(StoreScopedModel):
    """A token that occurs in ``doc_count`` documents of a store in one language."""

    language = models.CharField(max_length=LANGUAGE_MAX_LENGTH)
    term = models.CharField(max_length=TERM_MAX_LENGTH)
    doc_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "language", "term"], name="search_term_unique")
        ]

    def __str__(self) -> str:
        return self.term
