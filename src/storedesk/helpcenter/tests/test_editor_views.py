"""The help-center editor pages in the agent UI."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.helpcenter.models import (
    MAX_ARTICLE_LENGTH,
    Article,
    ArticleTranslation,
    Category,
    HelpCenterSettings,
)
from storedesk.helpcenter.tests.factories import (
    ArticleFactory,
    ArticleTranslationFactory,
    CategoryFactory,
    CategoryTranslationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(store: Store) -> Category:
    category = CategoryFactory(store=store, slug="iade")
    CategoryTranslationFactory(category=category, language="tr", name="İade")
    return category


@pytest.fixture
def article(category: Category) -> Article:
    article = ArticleFactory(category=category, slug="iade-suresi")
    ArticleTranslationFactory(
        article=article, language="tr", title="İade süresi", body="30 gün.", published=True
    )
    return article


def edit_url(store: Store, article: Article, language: str = "tr") -> str:
    return reverse("help-center-article-edit", args=[store.slug, article.pk, language])


# Who may do what ----------------------------------------------------------------------


def test_the_editor_needs_a_login_and_membership(
    client: Client, store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    home = reverse("help-center", args=[store.slug])

    assert client.get(home).status_code == 302
    assert logged_in(make_staff(other_store, Role.ADMIN)).get(home).status_code == 404


def test_a_viewer_sees_the_articles_but_cannot_open_the_editor(
    viewer_client: Client, store: Store, article: Article
) -> None:
    home = viewer_client.get(reverse("help-center", args=[store.slug]))

    assert home.status_code == 200
    assert reverse("help-center-article-create", args=[store.slug]) not in home.content.decode()
    assert viewer_client.get(edit_url(store, article)).status_code == 403
    assert (
        viewer_client.get(reverse("help-center-article-create", args=[store.slug])).status_code
        == 403
    )


def test_an_agent_edits_but_not_admin_pages(
    agent_client: Client, store: Store, article: Article
) -> None:
    assert agent_client.get(reverse("help-center", args=[store.slug])).status_code == 200
    assert agent_client.get(edit_url(store, article)).status_code == 200
    for name in ["help-center-settings", "help-center-category-create"]:
        assert agent_client.get(reverse(name, args=[store.slug])).status_code == 403
    delete = reverse("help-center-article-delete", args=[store.slug, article.pk])
    assert agent_client.post(delete).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_another_stores_article_is_not_found(
    admin_client: Client, store: Store, other_store: Store
) -> None:
    foreign = ArticleFactory(category__store=other_store)
    ArticleTranslationFactory(article=foreign, language="pl", title="Zwroty")

    assert admin_client.get(edit_url(store, foreign, "tr")).status_code == 404
    response = admin_client.post(edit_url(store, foreign, "tr"), {"title": "X", "body": "Y"})
    assert response.status_code == 404
    assert not ArticleTranslation.objects.filter(title="X").exists()


# Home ---------------------------------------------------------------------------------


def test_the_home_lists_articles_with_status_and_public_links(
    agent_client: Client, store: Store, article: Article
) -> None:
    draft = ArticleFactory(category=article.category)
    ArticleTranslationFactory(article=draft, language="en", title="Exchanges")

    page = agent_client.get(reverse("help-center", args=[store.slug])).content.decode()

    assert "İade süresi" in page
    assert "Exchanges" in page
    assert "Published" in page
    assert "Draft" in page
    assert "Missing" in page
    assert 'href="/help/tr/iade/iade-suresi/"' in page


def test_the_home_has_a_fixed_number_of_queries(
    agent_client: Client,
    store: Store,
    category: Category,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for _ in range(15):
        ArticleTranslationFactory(article__category=category, language="tr")
    url = reverse("help-center", args=[store.slug])
    agent_client.get(url)

    with django_assert_max_num_queries(10):
        response = agent_client.get(url)

    assert response.status_code == 200


def test_an_unknown_language_filter_shows_every_language(
    agent_client: Client, store: Store, article: Article
) -> None:
    response = agent_client.get(reverse("help-center", args=[store.slug]), {"language": "xx"})

    assert response.status_code == 200
    assert response.context["language"] == ""


# Writing ------------------------------------------------------------------------------


def test_an_agent_creates_an_article_and_is_taken_to_its_editor(
    agent_client: Client, store: Store, category: Category
) -> None:
    response = agent_client.post(
        reverse("help-center-article-create", args=[store.slug]),
        {"category": category.pk, "language": "en", "title": "Returns policy", "slug": ""},
    )

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(store, article, "en")
    assert article.slug == "returns-policy"


def test_creating_with_another_stores_category_is_refused(
    agent_client: Client, store: Store, other_store: Store, category: Category
) -> None:
    foreign = CategoryFactory(store=other_store)

    response = agent_client.post(
        reverse("help-center-article-create", args=[store.slug]),
        {"category": foreign.pk, "language": "tr", "title": "X"},
    )

    assert response.status_code == 422
    assert response.context["form"].errors.keys() == {"category"}
    assert not Article.objects.exists()


def test_a_taken_slug_is_shown_on_its_field(
    agent_client: Client, store: Store, article: Article
) -> None:
    response = agent_client.post(
        reverse("help-center-article-create", args=[store.slug]),
        {"category": article.category_id, "language": "tr", "title": "X", "slug": article.slug},
    )

    assert response.status_code == 409
    assert "slug" in response.context["form"].errors
    assert Article.objects.count() == 1


def test_an_agent_saves_a_draft_without_changing_the_published_copy(
    agent_client: Client, store: Store, article: Article
) -> None:
    response = agent_client.post(
        edit_url(store, article),
        {"title": "Yeni", "body": "Yeni metin\r\nikinci satır", "intent": "save"},
    )

    assert response.status_code == 302
    translation = article.translations.get()
    assert (translation.title, translation.body) == ("Yeni", "Yeni metin\nikinci satır")
    assert (translation.published_title, translation.published_body) == ("İade süresi", "30 gün.")
    page = agent_client.get(edit_url(store, article)).content.decode()
    assert "Changes not published" in page


def test_an_agent_cannot_publish_and_nothing_is_saved(
    agent_client: Client, store: Store, article: Article
) -> None:
    page = agent_client.get(edit_url(store, article)).content.decode()
    assert 'value="publish"' not in page

    response = agent_client.post(
        edit_url(store, article), {"title": "Yeni", "body": "Yeni", "intent": "publish"}
    )
    publish = reverse("help-center-article-publish", args=[store.slug, article.pk, "tr"])

    assert response.status_code == 403
    assert agent_client.post(publish).status_code == 403
    assert article.translations.get().title == "İade süresi"


def test_an_admin_publishes_and_unpublishes(
    admin_client: Client, store: Store, article: Article
) -> None:
    response = admin_client.post(
        edit_url(store, article),
        {"title": "Yeni", "body": "<script>x()</script>**Yeni**", "intent": "publish"},
    )

    assert response.status_code == 302
    translation = article.translations.get()
    assert translation.published_title == "Yeni"
    assert "<script>" not in translation.published_html
    assert "<strong>Yeni</strong>" in translation.published_html

    admin_client.post(
        edit_url(store, article), {"title": "Yeni", "body": "x", "intent": "unpublish"}
    )

    assert article.translations.get().published_at is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": "", "body": "x"}, "title"),
        ({"title": "T", "body": "x" * (MAX_ARTICLE_LENGTH + 1)}, "body"),
    ],
)
def test_a_bad_draft_is_shown_with_its_error_and_not_saved(
    agent_client: Client, store: Store, article: Article, data: dict[str, str], field: str
) -> None:
    response = agent_client.post(edit_url(store, article), data | {"intent": "save"})

    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert article.translations.get().title == "İade süresi"


def test_a_new_language_starts_empty_and_an_unknown_one_is_not_found(
    agent_client: Client, store: Store, article: Article
) -> None:
    response = agent_client.get(edit_url(store, article, "en"))

    assert response.status_code == 200
    assert response.context["status"] == "missing"
    assert agent_client.get(edit_url(store, article, "pl")).status_code == 404


# Preview ------------------------------------------------------------------------------


def test_the_preview_renders_sanitised_markdown(agent_client: Client, store: Store) -> None:
    body = "| A | B |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script><img src=x onerror=y>"

    response = agent_client.post(reverse("help-center-preview", args=[store.slug]), {"body": body})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>1</td>" in html
    # Raw HTML in the source is shown as text, never run.
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_preview_refuses_an_oversized_text_and_viewers(
    agent_client: Client, viewer_client: Client, store: Store
) -> None:
    url = reverse("help-center-preview", args=[store.slug])

    response = agent_client.post(url, {"body": "x" * (MAX_ARTICLE_LENGTH + 1)})

    assert "longer than" in response.content.decode()
    assert viewer_client.post(url, {"body": "x"}).status_code == 403
    assert agent_client.get(url).status_code == 405


def test_the_preview_button_rerenders_without_saving(
    agent_client: Client, store: Store, article: Article
) -> None:
    response = agent_client.post(
        edit_url(store, article), {"title": "T", "body": "# Başlık", "intent": "preview"}
    )

    assert response.status_code == 200
    assert "<h1>Başlık</h1>" in response.content.decode()
    assert article.translations.get().body == "30 gün."


# Details, categories, settings --------------------------------------------------------


def test_details_set_the_slug_and_related_articles(
    agent_client: Client, store: Store, article: Article
) -> None:
    sibling = ArticleFactory(category=article.category)
    url = reverse("help-center-article-details", args=[store.slug, article.pk])

    response = agent_client.post(
        url, {"category": article.category_id, "slug": "sure", "related": [sibling.pk]}
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.slug == "sure"
    assert list(article.related.all()) == [sibling]


def test_an_admin_manages_categories(admin_client: Client, store: Store) -> None:
    response = admin_client.post(
        reverse("help-center-category-create", args=[store.slug]),
        {"slug": "kargo", "position": 1, "name_tr": "Kargo", "name_en": "Shipping"},
    )
    assert response.status_code == 302
    category = Category.objects.get()

    bad = admin_client.post(
        reverse("help-center-category-edit", args=[store.slug, category.pk]),
        {"slug": "kargo", "position": 1, "name_tr": "", "name_en": "Shipping"},
    )
    assert bad.status_code == 422
    assert "name_tr" in bad.context["form"].errors

    ArticleFactory(category=category)
    admin_client.post(reverse("help-center-category-delete", args=[store.slug, category.pk]))
    assert Category.objects.exists()


def test_settings_show_field_errors_and_save(admin_client: Client, store: Store) -> None:
    team = Team.objects.create(store=store, name="Destek", timezone="Europe/Istanbul")
    url = reverse("help-center-settings", args=[store.slug])
    data = {
        "public_host": "help.moda.example",
        "contact_email": "destek@moda.example",
        "phone_number": "12",
        "whatsapp_number": "",
        "chat_enabled": "on",
        "support_team": team.pk,
        "expected_response_hours": 24,
    }

    bad = admin_client.post(url, data)
    assert bad.status_code == 422
    assert bad.context["form"].errors.keys() == {"phone_number"}
    assert not HelpCenterSettings.objects.exists()

    good = admin_client.post(url, data | {"phone_number": "+90 212 555 01 01"})
    assert good.status_code == 302
    settings = HelpCenterSettings.objects.get()
    assert (settings.phone_number, settings.support_team, settings.contact_form_enabled) == (
        "+902125550101",
        team,
        False,
    )


def test_settings_refuse_another_stores_team(
    admin_client: Client, store: Store, other_store: Store
) -> None:
    team = Team.objects.create(store=other_store, name="Obsługa", timezone="Europe/Warsaw")

    response = admin_client.post(
        reverse("help-center-settings", args=[store.slug]),
        {"support_team": team.pk, "expected_response_hours": 24},
    )

    assert response.status_code == 422
    assert "support_team" in response.context["form"].errors
    assert not HelpCenterSettings.objects.exists()
