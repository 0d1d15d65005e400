"""The help-center editor's REST API at /api/v1/help/."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.helpcenter.models import MAX_ARTICLE_LENGTH, Article, ArticleTranslation, Category
from storedesk.helpcenter.tests.factories import (
    ArticleFactory,
    ArticleTranslationFactory,
    CategoryFactory,
    CategoryTranslationFactory,
)
from storedesk.search.models import SearchDocument

pytestmark = pytest.mark.django_db
BASE = "/api/v1/help"


@pytest.fixture
def category(store: Store) -> Category:
    category = CategoryFactory(store=store, slug="iade", position=0)
    CategoryTranslationFactory(category=category, language="tr", name="İade")
    CategoryTranslationFactory(category=category, language="en", name="Returns")
    return category


@pytest.fixture
def article(category: Category) -> Article:
    article = ArticleFactory(category=category, slug="iade-suresi")
    ArticleTranslationFactory(article=article, language="tr", title="İade süresi", body="30 gün.")
    return article


def put(client: Client, url: str, body: Any) -> Any:
    return client.put(url, body, content_type="application/json")


def post(client: Client, url: str, body: Any = None) -> Any:
    return client.post(url, body or {}, content_type="application/json")


# Authorization matrix -----------------------------------------------------------------


def requests_for(article: Article, category: Category) -> list[tuple[str, str, Any]]:
    one = f"{BASE}/articles/{article.pk}"
    return [
        ("get", f"{BASE}/categories", None),
        ("get", f"{BASE}/articles", None),
        ("get", one, None),
        ("post", f"{BASE}/articles", {"category_id": category.pk, "language": "tr", "title": "X"}),
        ("put", f"{one}/translations/tr", {"title": "Changed", "body": "Changed"}),
        ("post", f"{one}/translations/tr/publish", {}),
        ("post", f"{one}/translations/tr/unpublish", {}),
    ]


def call(client: Client, method: str, url: str, body: Any) -> Any:
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, body, content_type="application/json")


def unchanged(article: Article) -> None:
    assert Article.objects.count() == 1
    translation = ArticleTranslation.objects.get()
    assert (translation.title, translation.published_at) == ("İade süresi", None)


def test_anonymous_callers_are_refused_without_side_effects(
    client: Client, article: Article, category: Category
) -> None:
    for method, url, body in requests_for(article, category):
        response = call(client, method, url, body)
        assert response.status_code == 401, url
        assert response.json()["error"]["code"] == "not_authenticated"
    unchanged(article)


def test_viewers_and_integration_tokens_read_but_cannot_write(
    store: Store,
    make_staff: Callable[..., User],
    api_client: Client,
    article: Article,
    category: Category,
) -> None:
    viewer = logged_in(make_staff(store, Role.VIEWER))
    for client in [viewer, api_client]:
        for method, url, body in requests_for(article, category):
            response = call(client, method, url, body)
            if method == "get":
                assert response.status_code == 200, url
                continue
            assert response.status_code == 403, url
            assert response.json()["error"]["code"] == "permission_denied"
    unchanged(article)


def test_another_stores_staff_get_not_found(
    other_store: Store, make_staff: Callable[..., User], article: Article, category: Category
) -> None:
    outsider = logged_in(make_staff(other_store, Role.OWNER))
    for method, url, body in requests_for(article, category)[2:]:
        response = call(outsider, method, url, body)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"
    assert outsider.get(f"{BASE}/articles").json()["items"] == []
    assert outsider.get(f"{BASE}/categories").json() == []
    unchanged(article)


def test_an_agent_writes_drafts_but_cannot_publish(agent_client: Client, article: Article) -> None:
    one = f"{BASE}/articles/{article.pk}"

    saved = put(agent_client, f"{one}/translations/en", {"title": "Returns", "body": "30 days"})
    publish = post(agent_client, f"{one}/translations/en/publish")

    assert saved.status_code == 200
    assert saved.json()["status"] == "draft"
    assert publish.status_code == 403
    assert ArticleTranslation.objects.get(language="en").published_at is None


# Reading ------------------------------------------------------------------------------


def test_categories_list_their_names(agent_client: Client, category: Category) -> None:
    assert agent_client.get(f"{BASE}/categories").json() == [
        {
            "id": category.pk,
            "slug": "iade",
            "position": 0,
            "names": {"en": "Returns", "tr": "İade"},
            "descriptions": {},
        }
    ]


def test_an_article_shows_its_translations_and_status(
    admin_client: Client, article: Article
) -> None:
    post(admin_client, f"{BASE}/articles/{article.pk}/translations/tr/publish")
    put(
        admin_client,
        f"{BASE}/articles/{article.pk}/translations/tr",
        {"title": "İade süresi", "body": "45 gün."},
    )

    body = admin_client.get(f"{BASE}/articles/{article.pk}").json()

    assert body["slug"] == "iade-suresi"
    assert body["public_urls"] == {"tr": "/help/tr/iade/iade-suresi/"}
    [translation] = body["translations"]
    assert {k: translation[k] for k in ["language", "status", "body", "published_body"]} == {
        "language": "tr",
        "status": "changed",
        "body": "45 gün.",
        "published_body": "30 gün.",
    }
    assert translation["published_html"] == "<p>30 gün.</p>\n"


def test_the_article_list_pages_with_a_cursor_in_fixed_queries(
    agent_client: Client, category: Category, other_store: Store
) -> None:
    articles = [ArticleFactory(category=category) for _ in range(5)]
    for article in articles:
        ArticleTranslationFactory(article=article, language="tr")
        ArticleTranslationFactory(article=article, language="en")
    ArticleFactory(category__store=other_store)

    with CaptureQueriesContext(connection) as queries:
        first = agent_client.get(f"{BASE}/articles", {"limit": 3}).json()
    second = agent_client.get(
        f"{BASE}/articles", {"limit": 3, "cursor": first["next_cursor"]}
    ).json()

    assert [item["id"] for item in first["items"] + second["items"]] == [a.pk for a in articles]
    assert second["next_cursor"] is None
    assert len(first["items"][0]["translations"]) == 2
    # session, user, membership; articles with category; translations; related
    assert len(queries) <= 8


def test_a_bad_cursor_or_category_filter_is_a_clear_error(
    agent_client: Client, category: Category
) -> None:
    bad_cursor = agent_client.get(f"{BASE}/articles", {"cursor": "nonsense"})
    bad_id = agent_client.get(f"{BASE}/articles", {"category_id": 0})

    assert bad_cursor.status_code == 422
    assert bad_id.status_code == 422
    assert bad_id.json()["error"]["code"] == "validation_error"


# Writing ------------------------------------------------------------------------------


def test_creating_an_article_returns_it_with_its_draft(
    agent_client: Client, category: Category
) -> None:
    response = post(
        agent_client,
        f"{BASE}/articles",
        {"category_id": category.pk, "language": "tr", "title": "Kargo ücreti", "body": "Ücretsiz"},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "kargo-ucreti"
    assert [(t["language"], t["status"], t["title"]) for t in body["translations"]] == [
        ("tr", "draft", "Kargo ücreti")
    ]


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"language": "de", "title": "Versand"}, 422, "validation_error"),
        ({"language": "tr", "title": ""}, 422, "validation_error"),
        ({"language": "tr", "title": "   "}, 422, "validation_error"),
        ({"language": "tr", "title": "X", "body": "x" * (MAX_ARTICLE_LENGTH + 1)}, 422, None),
        ({"language": "tr", "title": "X", "slug": "iade-suresi"}, 409, "slug_taken"),
        ({"language": "tr", "title": "X", "slug": "Bad Slug"}, 422, "validation_error"),
        ({"language": "tr", "title": "X\x00"}, 422, "validation_error"),
    ],
)
def test_bad_articles_are_refused_and_nothing_is_written(
    agent_client: Client,
    article: Article,
    payload: dict[str, str],
    status: int,
    code: str | None,
) -> None:
    response = post(
        agent_client, f"{BASE}/articles", {"category_id": article.category_id} | payload
    )

    assert response.status_code == status
    assert response.json()["error"]["code"] == (code or "validation_error")
    unchanged(article)


def test_another_stores_category_is_not_found(
    agent_client: Client, article: Article, other_store: Store
) -> None:
    foreign = CategoryFactory(store=other_store)

    response = post(
        agent_client,
        f"{BASE}/articles",
        {"category_id": foreign.pk, "language": "tr", "title": "X"},
    )

    assert response.status_code == 404
    unchanged(article)


def test_a_draft_in_an_unknown_language_is_refused(agent_client: Client, article: Article) -> None:
    response = put(
        agent_client,
        f"{BASE}/articles/{article.pk}/translations/xx",
        {"title": "Hmm", "body": ""},
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "language"
    unchanged(article)


def test_publishing_and_unpublishing_update_the_search_index(
    admin_client: Client, article: Article, django_capture_on_commit_callbacks: Any
) -> None:
    url = f"{BASE}/articles/{article.pk}/translations/tr"

    with django_capture_on_commit_callbacks(execute=True):
        published = post(admin_client, f"{url}/publish")

    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert list(SearchDocument.objects.values_list("key", "language", "url")) == [
        (str(article.pk), "tr", "/help/tr/iade/iade-suresi/")
    ]

    with django_capture_on_commit_callbacks(execute=True):
        unpublished = post(admin_client, f"{url}/unpublish")

    assert unpublished.json()["status"] == "draft"
    assert not SearchDocument.objects.exists()


def test_publishing_a_language_without_a_draft_is_not_found(
    admin_client: Client, article: Article
) -> None:
    response = post(admin_client, f"{BASE}/articles/{article.pk}/translations/en/publish")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
