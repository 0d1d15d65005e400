"""The search endpoints: the staff and token API, and the public one the chat widget calls
with its key; bad input answers 4xx in the one error shape, never 500."""

from typing import Any

import pytest
from django.test import Client

from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.search import api
from storedesk.search.actions import do_index_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(store: Store, other_store: Store) -> Store:
    do_index_document(
        store,
        kind="policy",
        key="returns",
        language="tr",
        title="İade politikası",
        body="14 gün içinde iade edebilirsiniz.",
        url="/help/tr/policies/returns",
    )
    do_index_document(
        store,
        kind="article",
        key="returns-en",
        language="en",
        title="Returns",
        body="Return within 14 days.",
        url="/help/en/returns",
    )
    do_index_document(
        other_store,
        kind="policy",
        key="zwrot",
        language="pl",
        title="Zwrot pieniędzy iade",
        body="iade",
        url="/help/pl/zwrot",
    )
    return store


@pytest.fixture
def widget(indexed: Store) -> ChatWidget:
    return ChatWidgetFactory(store=indexed)


def public(widget: ChatWidget, **params: Any) -> Any:
    return Client().get("/widget/v1/search", {"key": widget.key} | params)


def test_token_search_returns_hits_of_the_tokens_store(indexed: Store, api_client: Client) -> None:
    response = api_client.get("/api/v1/help/search", {"q": "İADE", "lang": "tr"})

    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "tr"
    assert [(hit["kind"], hit["key"], hit["url"]) for hit in body["hits"]] == [
        ("policy", "returns", "/help/tr/policies/returns")
    ]
    assert body["hits"][0]["title"] == "İade politikası"
    assert body["hits"][0]["snippet"] == "14 gün içinde iade edebilirsiniz."


def test_other_stores_token_sees_only_its_own_documents(
    indexed: Store, other_api_client: Client
) -> None:
    response = other_api_client.get("/api/v1/help/search", {"q": "iade"})

    assert response.status_code == 200
    assert [hit["key"] for hit in response.json()["hits"]] == ["zwrot"]


def test_anonymous_caller_is_refused(indexed: Store) -> None:
    response = Client().get("/api/v1/help/search", {"q": "iade"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_kind_filter_and_limit(indexed: Store, api_client: Client) -> None:
    found = api_client.get("/api/v1/help/search", {"q": "14", "lang": "en", "kind": "article"})
    none = api_client.get("/api/v1/help/search", {"q": "iade", "kind": ["article", "faq"]})
    one = api_client.get("/api/v1/help/search", {"q": "14", "lang": "en", "limit": "1"})

    assert [hit["key"] for hit in found.json()["hits"]] == ["returns-en"]
    assert none.json()["hits"] == []
    assert [hit["key"] for hit in one.json()["hits"]] == ["returns-en"]


def test_widget_key_search_finds_the_widgets_store(widget: ChatWidget) -> None:
    response = public(widget, q="ıade", lang="tr-TR")

    assert response.status_code == 200
    assert response.json()["language"] == "tr"
    assert [hit["key"] for hit in response.json()["hits"]] == ["returns"]


def test_unknown_language_falls_back_to_the_store_default(widget: ChatWidget) -> None:
    response = public(widget, q="iade", lang="xx")

    assert response.status_code == 200
    assert response.json()["language"] == "tr"
    assert [hit["key"] for hit in response.json()["hits"]] == ["returns"]


def test_results_in_another_language_fill_up_from_the_default(widget: ChatWidget) -> None:
    response = public(widget, q="14", lang="en")

    assert [(hit["key"], hit["language"]) for hit in response.json()["hits"]] == [
        ("returns-en", "en"),
        ("returns", "tr"),
    ]


def test_empty_query_answers_no_hits(widget: ChatWidget) -> None:
    response = public(widget, q="   ")

    assert response.status_code == 200
    assert response.json()["hits"] == []


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "x" * 1001},
        {"q": "iade", "limit": 0},
        {"q": "iade", "limit": 51},
        {"q": "iade", "limit": "many"},
        {"q": "ia\x00de"},
        {"q": "iade", "lang": "x" * 36},
        {"q": "iade", "kind": [""]},
    ],
)
def test_bad_input_is_a_validation_error(widget: ChatWidget, params: dict[str, Any]) -> None:
    response = public(widget, **params)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


def test_missing_or_unknown_widget_key_is_not_found(widget: ChatWidget) -> None:
    missing = Client().get("/widget/v1/search", {"q": "iade"})
    unknown = Client().get("/widget/v1/search", {"q": "iade", "key": "wk_nope"})
    ChatWidget.objects.filter(pk=widget.pk).update(enabled=False)
    disabled = public(widget, q="iade")

    assert missing.status_code == 422
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "widget_not_found")
    assert (disabled.status_code, disabled.json()["error"]["code"]) == (404, "widget_not_found")


def test_widget_restricted_to_other_sites_refuses_foreign_pages(widget: ChatWidget) -> None:
    ChatWidget.objects.filter(pk=widget.pk).update(allowed_origins=["https://moda.example"])

    allowed = Client().get(
        "/widget/v1/search",
        {"key": widget.key, "q": "iade"},
        headers={"Origin": "https://moda.example"},
    )
    refused = Client().get(
        "/widget/v1/search",
        {"key": widget.key, "q": "iade"},
        headers={"Origin": "https://evil.example"},
    )

    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == "https://moda.example"
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "origin_not_allowed")


def test_public_search_is_rate_limited(widget: ChatWidget, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        api, "PUBLIC_SEARCH_LIMIT", RateLimit(scope="search.test", limit=2, window=60)
    )

    statuses = [public(widget, q="iade").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
