"""Searching: Turkish and Polish folding, stemming, typos, prefixes, languages, kinds,
store isolation and bad queries, on whichever database the suite runs."""

import pytest

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.core.models import Store
from storedesk.search.actions import do_index_document
from storedesk.search.selectors import MAX_QUERY_LENGTH, resolve_language, search_documents

pytestmark = pytest.mark.django_db


def index(
    store: Store, key: str, language: str, title: str, body: str, kind: str = "article"
) -> None:
    do_index_document(
        store, kind=kind, key=key, language=language, title=title, body=body, url=f"/help/{key}"
    )


def keys(store: Store, query: str, language: str = "tr", **options: object) -> list[str]:
    return [hit.key for hit in search_documents(store, language=language, query=query, **options)]  # type: ignore[arg-type]


@pytest.fixture
def turkish(store: Store) -> Store:
    index(
        store,
        "iade",
        "tr",
        "İade politikası",
        "Ürünü teslimattan sonra 14 gün içinde iade edebilirsiniz. İADE kargo ücreti bizden.",
        kind="policy",
    )
    index(store, "kargo", "tr", "Kargo ve teslimat", "Siparişler 2 iş günü içinde kargoya verilir.")
    index(store, "beden", "tr", "Beden tablosu", "Ölçülerinizi alın ve tabloya bakın.")
    return store


def test_turkish_dotted_and_dotless_i_give_the_same_results(turkish: Store) -> None:
    results = [keys(turkish, query) for query in ("iade", "İADE", "IADE", "ıade", "İade")]

    assert results[0] == ["iade"]
    assert all(result == results[0] for result in results)


def test_turkish_inflected_form_finds_the_base_word(turkish: Store) -> None:
    assert keys(turkish, "iadeler ") == ["iade"]
    # The return policy mentions "kargo" in its body only.
    assert keys(turkish, "kargonun ") == ["kargo", "iade"]


def test_polish_query_without_diacritics_finds_the_text_with_them(other_store: Store) -> None:
    index(other_store, "zwrot", "pl", "Zwrot pieniędzy", "Zwracamy pieniądze w ciągu 14 dni.")
    index(other_store, "dostawa", "pl", "Dostawa", "Wysyłamy z Łodzi kurierem.")

    assert keys(other_store, "zwrot pieniedzy", language="pl") == ["zwrot"]
    assert keys(other_store, "ZWROT PIENIĘDZY", language="pl") == ["zwrot"]
    assert keys(other_store, "lodzi", language="pl") == ["dostawa"]


def test_english_stemming_matches_plural_and_verb_forms() -> None:
    store = StoreFactory(languages=["en"], default_language="en")
    index(store, "returns", "en", "Return policy", "You can return any item within 30 days.")
    index(store, "shipping", "en", "Shipping", "Orders are shipped the next working day.")

    assert keys(store, "returns ", language="en") == ["returns"]
    assert keys(store, "returning ", language="en") == ["returns"]
    assert keys(store, "ship ", language="en") == ["shipping"]


def test_misspelt_words_are_corrected_to_indexed_words() -> None:
    store = StoreFactory(languages=["en", "tr"], default_language="en")
    index(store, "returns", "en", "Return policy", "You can return any item within 30 days.")
    index(store, "kargo", "tr", "Kargo", "Kargo ücretsizdir.")

    assert keys(store, "retrun ", language="en") == ["returns"]
    assert keys(store, "retrun polcy", language="en") == ["returns"]
    assert keys(store, "kargoo", language="tr") == ["kargo"]
    assert keys(store, "kraog", language="tr") == []


def test_last_word_matches_by_prefix_while_typing(turkish: Store) -> None:
    assert keys(turkish, "tesli") == ["kargo", "iade"] or keys(turkish, "tesli") == [
        "iade",
        "kargo",
    ]
    assert keys(turkish, "bed") == ["beden"]
    assert keys(turkish, "bed ") == []


def test_title_matches_rank_above_body_matches(store: Store) -> None:
    index(
        store, "body", "tr", "Sıkça sorulan sorular", "Kargo takibi için sipariş numaranızı girin."
    )
    index(store, "title", "tr", "Kargo takibi", "Sipariş numaranızla takip edin.")

    hits = search_documents(store, language="tr", query="kargo")

    assert [hit.key for hit in hits] == ["title", "body"]
    assert hits[0].score > hits[1].score


def test_words_spread_over_documents_still_find_the_closest(turkish: Store) -> None:
    assert keys(turkish, "iade tablosu ") == ["iade", "beden"] or keys(
        turkish, "iade tablosu "
    ) == ["beden", "iade"]


def test_hits_carry_the_document_and_a_plain_snippet(store: Store) -> None:
    body = (
        "Giriş. "
        + "Uzun bir metin. " * 30
        + "Hasarlı ürünlerde <b>iade</b> ücretsizdir. "
        + "Son. " * 40
    )
    index(store, "hasar", "tr", "Hasarlı ürün", body, kind="policy")

    [hit] = search_documents(store, language="tr", query="ücretsiz")

    assert (hit.kind, hit.key, hit.language, hit.title, hit.url) == (
        "policy",
        "hasar",
        "tr",
        "Hasarlı ürün",
        "/help/hasar",
    )
    assert "<b>iade</b> ücretsizdir." in hit.snippet
    assert hit.snippet.startswith("…")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet) <= 202


def test_results_in_the_language_come_first_then_the_default_language(store: Store) -> None:
    index(store, "iade", "tr", "İade", "İade süresi 14 gün.")
    index(store, "iade", "en", "Returns", "Return within 14 days.")
    index(store, "only-tr", "tr", "Gün sayısı", "14 gün")

    hits = search_documents(store, language="en", query="14")

    assert [(hit.key, hit.language) for hit in hits] == [("iade", "en"), ("only-tr", "tr")]
    assert [
        (hit.key, hit.language)
        for hit in search_documents(store, language="en", query="14", limit=1)
    ] == [("iade", "en")]


def test_unknown_language_searches_the_default_language(turkish: Store) -> None:
    assert resolve_language(turkish, "xx") == "tr"
    assert resolve_language(turkish, "en-GB") == "en"
    assert keys(turkish, "iade", language="xx") == ["iade"]


def test_kinds_filter(turkish: Store) -> None:
    assert keys(turkish, "iade", kinds=["article"]) == []
    assert keys(turkish, "iade", kinds=["policy", "article"]) == ["iade"]
    assert keys(turkish, "iade", kinds=[]) == []


def test_other_stores_documents_are_never_found(turkish: Store) -> None:
    other = StoreFactory()
    index(other, "secret", "tr", "İade gizli", "iade")

    assert keys(turkish, "iade") == ["iade"]
    assert keys(turkish, "gizli") == []
    assert keys(other, "iade") == ["secret"]


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "!!! ??? ..."])
def test_empty_query_finds_nothing(turkish: Store, query: str) -> None:
    assert search_documents(turkish, language="tr", query=query) == []


def test_oversized_query_is_cut_not_refused(turkish: Store) -> None:
    query = "iade " + "x" * 5_000

    assert keys(turkish, query) == ["iade"]
    assert keys(turkish, "iade " * 200) == ["iade"]
    assert MAX_QUERY_LENGTH == 200


def test_limit_is_bounded(store: Store) -> None:
    for number in range(60):
        index(store, f"a{number}", "tr", f"Kargo {number}", "kargo")

    assert len(search_documents(store, language="tr", query="kargo", limit=1000)) == 50
    assert len(search_documents(store, language="tr", query="kargo", limit=0)) == 1


def test_search_syntax_characters_are_plain_text(turkish: Store) -> None:
    for query in ['"iade', "iade*", "iade OR kargo", "NEAR(iade)", "iade & | ! ' :*", "{iade}"]:
        search_documents(turkish, language="tr", query=query)

    assert keys(turkish, '"iade"') == ["iade"]
