"""Writing the index: upserts replace, removals remove, the vocabulary counts documents,
and nothing is half-written when the input is bad."""

from typing import Any

import pytest
from django.db import connection

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.search.actions import do_index_document, do_remove_documents
from storedesk.search.models import SearchDocument, SearchTerm
from storedesk.search.selectors import search_documents

pytestmark = pytest.mark.django_db


def index(store: Store, key: str = "returns", language: str = "tr", **fields: Any) -> None:
    values = {"title": "İade", "body": "14 gün içinde iade", "url": f"/help/{key}"} | fields
    do_index_document(store, kind="policy", key=key, language=language, **values)


def found(store: Store, query: str, language: str = "tr") -> list[tuple[str, str]]:
    return [(hit.key, hit.title) for hit in search_documents(store, language=language, query=query)]


def vocabulary(store: Store, language: str = "tr") -> dict[str, int]:
    return dict(
        SearchTerm.objects.filter(store=store, language=language).values_list("term", "doc_count")
    )


def test_indexing_again_replaces_the_document(store: Store) -> None:
    index(store, title="Eski başlık", body="kargo ücreti")
    index(store, title="Yeni başlık", body="iade süresi")

    assert SearchDocument.objects.filter(store=store).count() == 1
    assert found(store, "kargo ") == []
    assert found(store, "iade ") == [("returns", "Yeni başlık")]
    assert "kargo" not in vocabulary(store)


def test_vocabulary_counts_documents_holding_each_term(store: Store) -> None:
    index(store, "a", title="Kargo", body="kargo kargo iade")
    index(store, "b", title="İade", body="iade")

    assert vocabulary(store)["kargo"] == 1
    assert vocabulary(store)["iade"] == 2

    do_remove_documents(store, kind="policy", key="a")

    assert "kargo" not in vocabulary(store)
    assert vocabulary(store)["iade"] == 1


def test_remove_one_language_or_all(store: Store) -> None:
    index(store, language="tr", body="iade")
    index(store, language="en", body="return")

    do_remove_documents(store, kind="policy", key="returns", language="en")

    assert found(store, "return ", language="en") == []
    assert found(store, "iade ") == [("returns", "İade")]

    do_remove_documents(store, kind="policy", key="returns")
    do_remove_documents(store, kind="policy", key="never-indexed")

    assert SearchDocument.objects.filter(store=store).count() == 0
    assert SearchTerm.objects.filter(store=store).count() == 0


def test_removal_is_scoped_to_the_store(store: Store, other_store: Store) -> None:
    index(store)
    index(other_store, language="pl", body="zwrot iade")

    do_remove_documents(other_store, kind="policy", key="returns")

    assert found(store, "iade ") == [("returns", "İade")]


@pytest.mark.parametrize(
    ("kind", "key", "language", "url"),
    [
        ("", "k", "tr", "/x"),
        ("policy", "", "tr", "/x"),
        ("p" * 41, "k", "tr", "/x"),
        ("policy", "k" * 101, "tr", "/x"),
        ("policy", "k", "Turkish", "/x"),
        ("policy", "k", "tr", "/" + "x" * 500),
    ],
)
def test_bad_identity_is_refused_and_nothing_is_written(
    store: Store, kind: str, key: str, language: str, url: str
) -> None:
    with pytest.raises(ValidationFailed):
        do_index_document(
            store, kind=kind, key=key, language=language, title="t", body="b", url=url
        )

    assert SearchDocument.objects.count() == 0
    assert SearchTerm.objects.count() == 0


def test_long_title_is_shortened(store: Store) -> None:
    index(store, title="İade " * 100)

    assert len(SearchDocument.objects.get(store=store).title) == 300


def test_deleting_a_store_leaves_no_trace_in_the_index(store: Store) -> None:
    other = StoreFactory()
    index(other, body="gizli iade")
    index(store)

    other.delete()

    assert found(store, "iade ") == [("returns", "İade")]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_document_fts(search_document_fts) VALUES ('integrity-check')"
            )
            cursor.execute(
                "INSERT INTO search_term_trigram(search_term_trigram) VALUES ('integrity-check')"
            )
            cursor.execute(
                "SELECT count(*) FROM search_document_fts WHERE search_document_fts MATCH 'gizli'"
            )
            assert cursor.fetchone() == (0,)


def test_search_runs_a_bounded_number_of_queries(
    store: Store, django_assert_max_num_queries: Any
) -> None:
    for number in range(20):
        index(store, f"k{number}", title=f"Kargo {number}", body="kargo iade " * 50)

    with django_assert_max_num_queries(2):
        search_documents(store, language="tr", query="kargo iade")
    # Per language: the search, a vocabulary lookup, a prefix check, the candidates (one
    # query and a savepoint on PostgreSQL, two per short word on SQLite), the corrected
    # search, the wider one, the rows.
    with django_assert_max_num_queries(2 * 9):
        search_documents(store, language="en", query="kargoo iadde")
