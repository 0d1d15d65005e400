"""Every write to the search index. The owners of searchable things (help center articles,
policies) call these from their own actions, inside their transactions, so the index
changes exactly when the text does."""

from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.core.validation import check_language
from storedesk.search.analysis import analyze_document_text
from storedesk.search.backends import scope_token
from storedesk.search.models import (
    KEY_MAX_LENGTH,
    KIND_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    URL_MAX_LENGTH,
    SearchDocument,
    SearchTerm,
)

# Rows per statement when the vocabulary changes; well under SQLite's variable limit.
_CHUNK = 300


def do_index_document(
    store: Store, *, kind: str, key: str, language: str, title: str, body: str, url: str
) -> None:
    """Add or replace the document ``(kind, key, language)`` of ``store``. ``body`` is plain
    text (strip markup first); a title longer than 300 characters is shortened."""
    _check_identity(kind=kind, key=key, language=language)
    if len(url) > URL_MAX_LENGTH:
        raise ValidationFailed(
            _("A search document's URL may have at most %(limit)s characters.")
            % {"limit": URL_MAX_LENGTH}
        )
    title = " ".join(title.split())[:TITLE_MAX_LENGTH]
    # Analysis is the slow part: done before the transaction takes any lock.
    title_tokens = analyze_document_text(title, language)
    body_tokens = analyze_document_text(body, language)
    fields = {
        "title": title,
        "url": url,
        "body": body,
        "scope": scope_token(store.pk, language),
        "title_terms": " ".join(title_tokens),
        "body_terms": " ".join(body_tokens),
    }
    new_terms = set(title_tokens) | set(body_tokens)
    with transaction.atomic():
        document = _lock_document(store, kind=kind, key=key, language=language)
        if document is None:
            try:
                with transaction.atomic():
                    SearchDocument.objects.create(
                        store=store, kind=kind, key=key, language=language, **fields
                    )
                old_terms: set[str] = set()
            except IntegrityError:
                # Indexed at the same moment by another request: replace its version.
                document = _lock_document(store, kind=kind, key=key, language=language)
                if document is None:
                    raise
        if document is not None:
            old_terms = _terms_of(document)
            for name, value in fields.items():
                setattr(document, name, value)
            document.save()
        _count_terms(store, language, new_terms - old_terms)
        _uncount_terms(store, language, old_terms - new_terms)


def do_remove_documents(store: Store, *, kind: str, key: str, language: str | None = None) -> None:
    """Remove the document ``(kind, key)`` of ``store`` in ``language``, or in every
    language when it is None. Removing what is not indexed does nothing."""
    documents = SearchDocument.objects.filter(store=store, kind=kind, key=key)
    if language is not None:
        documents = documents.filter(language=language)
    with transaction.atomic():
        locked = list(documents.select_for_update().order_by("id"))
        for document in locked:
            _uncount_terms(store, document.language, _terms_of(document))
        SearchDocument.objects.filter(pk__in=[document.pk for document in locked]).delete()


def _check_identity(*, kind: str, key: str, language: str) -> None:
    if not kind or len(kind) > KIND_MAX_LENGTH:
        raise ValidationFailed(
            _("A search document's kind must have 1 to %(limit)s characters.")
            % {"limit": KIND_MAX_LENGTH}
        )
    if not key or len(key) > KEY_MAX_LENGTH:
        raise ValidationFailed(
            _("A search document's key must have 1 to %(limit)s characters.")
            % {"limit": KEY_MAX_LENGTH}
        )
    check_language(language)


def _lock_document(store: Store, *, kind: str, key: str, language: str) -> SearchDocument | None:
    return (
        SearchDocument.objects.select_for_update()
        .filter(store=store, kind=kind, key=key, language=language)
        .first()
    )


def _terms_of(document: SearchDocument) -> set[str]:
    return set(document.title_terms.split()) | set(document.body_terms.split())


def _chunks(terms: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(terms)  # one lock order for every writer: no deadlocks between them
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _count_terms(store: Store, language: str, terms: set[str]) -> None:
    """One more document holds each of ``terms``: an atomic upsert, never read-then-write."""
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        for chunk in _chunks(terms):
            values = ", ".join(["(%s, %s, %s, 1)"] * len(chunk))
            params: list[str | int] = []
            for term in chunk:
                params.extend((store.pk, language, term))
            cursor.execute(
                f"INSERT INTO {table} (store_id, language, term, doc_count) VALUES {values}"  # noqa: S608  (fixed table name, values are parameters)
                f" ON CONFLICT (store_id, language, term)"
                f" DO UPDATE SET doc_count = {table}.doc_count + 1",
                params,
            )


def _uncount_terms(store: Store, language: str, terms: set[str]) -> None:
    for chunk in _chunks(terms):
        held = SearchTerm.objects.filter(store=store, language=language, term__in=chunk)
        held.update(doc_count=F("doc_count") - 1)
        held.filter(doc_count=0).delete()
