"""Writing the help center: categories, articles, drafts, publishing and the search index."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.errors import NotFound, PermissionDenied
from storedesk.core.events import Event
from storedesk.core.models import Store
from storedesk.helpcenter.actions.articles import (
    check_create_article,
    check_delete_article,
    check_delete_category,
    check_publish_translation,
    check_save_and_publish_translation,
    check_save_category,
    check_save_translation,
    check_set_related_articles,
    check_unpublish_translation,
    check_update_article,
    slug_from_title,
)
from storedesk.helpcenter.actions.settings import (
    HelpCenterSettingsInput,
    check_update_help_center_settings,
)
from storedesk.helpcenter.errors import (
    CategoryNotEmpty,
    HelpCenterValidationFailed,
    HostTaken,
    SlugTaken,
)
from storedesk.helpcenter.models import (
    MAX_ARTICLE_LENGTH,
    Article,
    ArticleTranslation,
    Category,
    HelpCenterSettings,
)
from storedesk.helpcenter.selectors.editor import (
    TranslationStatus,
    list_editor_home,
    plain_text,
    translation_status,
)
from storedesk.helpcenter.tests.factories import (
    ArticleFactory,
    ArticleTranslationFactory,
    CategoryFactory,
    CategoryTranslationFactory,
)
from storedesk.search.models import SearchDocument
from storedesk.search.selectors import search_documents

pytestmark = pytest.mark.django_db

TABLE = "| Size | Days |\n|------|------|\n| S | 14 |\n| M | 30 |\n"


def actor_for(store: Store, user: User, role: Role) -> Actor:
    return Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


@pytest.fixture
def admin_actor(store: Store, make_staff: Callable[..., User]) -> Actor:
    return actor_for(store, make_staff(store, Role.ADMIN), Role.ADMIN)


@pytest.fixture
def viewer_actor(store: Store, make_staff: Callable[..., User]) -> Actor:
    return actor_for(store, make_staff(store, Role.VIEWER), Role.VIEWER)


@pytest.fixture
def category(store: Store) -> Category:
    category = CategoryFactory(store=store, slug="iade")
    CategoryTranslationFactory(category=category, language="tr", name="İade")
    return category


def new_article(actor: Actor, category: Category, **fields: Any) -> Article:
    values: dict[str, Any] = {"language": "tr", "title": "İade nasıl yapılır?", "body": "Kolay."}
    return check_create_article(actor, category_id=category.pk, **(values | fields))


def documents() -> list[tuple[str, str, str, str]]:
    return [
        (d.key, d.language, d.title, d.url)
        for d in SearchDocument.objects.order_by("key", "language")
    ]


# Categories ---------------------------------------------------------------------------


def test_an_admin_creates_a_category_with_a_name_per_language(admin_actor: Actor) -> None:
    category = check_save_category(
        admin_actor,
        slug="kargo",
        names={"tr": " Kargo  ve teslimat ", "en": "Shipping"},
        descriptions={"en": "Where your parcel is"},
    )

    assert category.slug == "kargo"
    assert sorted((t.language, t.name, t.description) for t in category.translations.all()) == [
        ("en", "Shipping", "Where your parcel is"),
        ("tr", "Kargo ve teslimat", ""),
    ]


@pytest.mark.parametrize(
    ("slug", "names", "field"),
    [
        ("Kargo Teslim", {"tr": "Kargo"}, "slug"),
        ("search", {"tr": "Arama"}, "slug"),
        ("kargo", {"en": "Shipping"}, "names.tr"),
        ("kargo", {"tr": "Kargo", "de": "Versand"}, "names.de"),
        ("kargo", {"tr": "x" * 121}, "names.tr"),
    ],
)
def test_a_category_with_bad_fields_is_refused(
    admin_actor: Actor, slug: str, names: dict[str, str], field: str
) -> None:
    with pytest.raises(HelpCenterValidationFailed) as caught:
        check_save_category(admin_actor, slug=slug, names=names)

    assert field in caught.value.fields
    assert not Category.objects.exists()


def test_a_category_slug_is_unique_per_store(
    admin_actor: Actor, category: Category, other_store: Store
) -> None:
    CategoryFactory(store=other_store, slug="kargo")

    with pytest.raises(SlugTaken):
        check_save_category(admin_actor, slug="iade", names={"tr": "Başka"})
    check_save_category(admin_actor, slug="kargo", names={"tr": "Kargo"})

    assert Category.objects.filter(slug="kargo").count() == 2


def test_agents_cannot_arrange_categories(agent_actor: Actor, category: Category) -> None:
    with pytest.raises(PermissionDenied):
        check_save_category(agent_actor, slug="kargo", names={"tr": "Kargo"})
    with pytest.raises(PermissionDenied):
        check_delete_category(agent_actor, category)

    assert Category.objects.count() == 1


def test_only_an_empty_category_is_deleted(admin_actor: Actor, category: Category) -> None:
    article = new_article(admin_actor, category)

    with pytest.raises(CategoryNotEmpty):
        check_delete_category(admin_actor, category)
    check_delete_article(admin_actor, article)
    check_delete_category(admin_actor, category)

    assert not Category.objects.exists()


def test_another_stores_category_is_not_found(admin_actor: Actor, other_store: Store) -> None:
    foreign = CategoryFactory(store=other_store)

    with pytest.raises(NotFound):
        check_save_category(admin_actor, category=foreign, slug="mine", names={"tr": "Benim"})
    with pytest.raises(NotFound):
        new_article(admin_actor, foreign)

    assert foreign.slug != "mine"
    assert not Article.objects.exists()


# Articles and drafts ------------------------------------------------------------------


def test_an_agent_creates_an_article_with_a_slug_from_its_title(
    agent_actor: Actor, category: Category
) -> None:
    article = new_article(agent_actor, category, title="İade ve değişim: Łódź")
    again = new_article(agent_actor, category, title="İade ve değişim: Łódź")

    assert (article.slug, again.slug) == ("iade-ve-degisim-lodz", "iade-ve-degisim-lodz-2")
    translation = article.translations.get()
    assert (translation.language, translation.title, translation.body) == (
        "tr",
        "İade ve değişim: Łódź",
        "Kolay.",
    )
    assert translation_status(translation) == TranslationStatus.DRAFT
    assert translation.updated_by == agent_actor.user


def test_slugs_from_titles_are_plain_ascii() -> None:
    assert slug_from_title("  Şikâyet & İADE!! ") == "sikayet-iade"
    assert slug_from_title("???") == "article"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"body": "x" * (MAX_ARTICLE_LENGTH + 1)}, "body"),
        ({"slug": "Not A Slug"}, "slug"),
        ({"language": "de"}, "language"),
    ],
)
def test_an_article_with_bad_fields_is_not_created(
    agent_actor: Actor, category: Category, fields: dict[str, str], field: str
) -> None:
    with pytest.raises(HelpCenterValidationFailed) as caught:
        new_article(agent_actor, category, **fields)

    assert field in caught.value.fields
    assert not Article.objects.exists()
    assert not ArticleTranslation.objects.exists()


def test_a_given_slug_that_is_taken_is_a_conflict(agent_actor: Actor, category: Category) -> None:
    new_article(agent_actor, category, slug="iade")

    with pytest.raises(SlugTaken):
        new_article(agent_actor, category, slug="iade")

    assert Article.objects.count() == 1
    assert ArticleTranslation.objects.count() == 1


def test_a_viewer_cannot_write(viewer_actor: Actor, category: Category) -> None:
    article = ArticleFactory(category=category)

    with pytest.raises(PermissionDenied):
        new_article(viewer_actor, category)
    with pytest.raises(PermissionDenied):
        check_save_translation(viewer_actor, article, language="tr", title="T", body="B")

    assert not ArticleTranslation.objects.exists()


def test_a_draft_in_a_language_the_store_does_not_use_is_refused(
    agent_actor: Actor, category: Category
) -> None:
    article = new_article(agent_actor, category)

    with pytest.raises(HelpCenterValidationFailed) as caught:
        check_save_translation(agent_actor, article, language="pl", title="Zwrot", body="x")

    assert caught.value.fields.keys() == {"language"}
    assert list(article.translations.values_list("language", flat=True)) == ["tr"]


def test_another_stores_article_is_not_found(
    agent_actor: Actor, admin_actor: Actor, other_store: Store
) -> None:
    foreign = ArticleFactory(category__store=other_store)

    with pytest.raises(NotFound):
        check_save_translation(agent_actor, foreign, language="tr", title="T", body="B")
    with pytest.raises(NotFound):
        check_publish_translation(admin_actor, foreign, language="tr")
    with pytest.raises(NotFound):
        check_delete_article(admin_actor, foreign)

    assert Article.objects.filter(pk=foreign.pk).exists()


# Publishing ---------------------------------------------------------------------------


def test_an_agent_may_not_publish(agent_actor: Actor, category: Category) -> None:
    article = new_article(agent_actor, category)

    with pytest.raises(PermissionDenied):
        check_publish_translation(agent_actor, article, language="tr")
    with pytest.raises(PermissionDenied):
        check_save_and_publish_translation(
            agent_actor, article, language="tr", title="New", body="New"
        )

    translation = article.translations.get()
    assert (translation.title, translation.published_at) == ("İade nasıl yapılır?", None)


def test_publishing_copies_the_draft_and_renders_safe_html(
    admin_actor: Actor,
    category: Category,
    django_capture_on_commit_callbacks: Any,
    captured_events: list[Event],
) -> None:
    body = (
        "## Süre\n\n" + TABLE + "\n<script>alert(1)</script>\n\n![Etiket](https://x.example/e.png)"
    )
    article = new_article(admin_actor, category, body=body)

    with django_capture_on_commit_callbacks(execute=True):
        translation = check_publish_translation(admin_actor, article, language="tr")

    translation.refresh_from_db()
    assert translation.published_title == "İade nasıl yapılır?"
    assert translation.published_body == body
    assert translation.published_at is not None
    html = translation.published_html
    assert "<script" not in html
    assert "<table>" in html
    assert "<td>14</td>" in html
    assert '<img src="https://x.example/e.png" alt="Etiket">' in html
    assert translation_status(translation) == TranslationStatus.PUBLISHED
    assert [(e.type, e.op, e.model_dump().get("language")) for e in captured_events] == [
        ("help_article", "published", "tr")
    ]


def test_editing_a_published_article_leaves_the_published_copy(
    admin_actor: Actor, agent_actor: Actor, category: Category
) -> None:
    article = new_article(admin_actor, category, body="Eski metin")
    check_publish_translation(admin_actor, article, language="tr")

    translation = check_save_translation(
        agent_actor, article, language="tr", title="Yeni başlık", body="Yeni metin"
    )

    translation.refresh_from_db()
    assert (translation.title, translation.body) == ("Yeni başlık", "Yeni metin")
    assert (translation.published_title, translation.published_body) == (
        "İade nasıl yapılır?",
        "Eski metin",
    )
    assert translation.published_html == "<p>Eski metin</p>\n"
    assert translation_status(translation) == TranslationStatus.CHANGED


def test_an_empty_draft_is_not_published(admin_actor: Actor, category: Category) -> None:
    article = new_article(admin_actor, category, body="  ")

    with pytest.raises(HelpCenterValidationFailed) as caught:
        check_publish_translation(admin_actor, article, language="tr")

    assert caught.value.fields.keys() == {"body"}
    assert article.translations.get().published_at is None


def test_publishing_a_missing_translation_is_not_found(
    admin_actor: Actor, category: Category
) -> None:
    article = new_article(admin_actor, category)

    with pytest.raises(NotFound):
        check_publish_translation(admin_actor, article, language="en")


def test_save_and_publish_is_all_or_nothing(admin_actor: Actor, category: Category) -> None:
    article = new_article(admin_actor, category, body="Eski")

    with pytest.raises(HelpCenterValidationFailed):
        check_save_and_publish_translation(
            admin_actor, article, language="tr", title="Yeni", body=""
        )

    translation = article.translations.get()
    assert (translation.title, translation.body, translation.published_at) == (
        "İade nasıl yapılır?",
        "Eski",
        None,
    )


def test_publishing_indexes_for_search_and_unpublishing_removes(
    admin_actor: Actor,
    category: Category,
    store: Store,
    django_capture_on_commit_callbacks: Any,
    captured_events: list[Event],
) -> None:
    article = new_article(
        admin_actor, category, title="İADE süresi", body="Ürünü **30 gün** içinde\n\n" + TABLE
    )
    check_save_translation(admin_actor, article, language="en", title="Returns", body="Send back")

    with django_capture_on_commit_callbacks(execute=True):
        check_publish_translation(admin_actor, article, language="tr")
        check_publish_translation(admin_actor, article, language="en")

    key = str(article.pk)
    assert documents() == [
        (key, "en", "Returns", f"/help/en/iade/{article.slug}/"),
        (key, "tr", "İADE süresi", f"/help/tr/iade/{article.slug}/"),
    ]
    body = SearchDocument.objects.get(language="tr").body
    assert body == "Ürünü 30 gün içinde Size Days S 14 M 30"
    assert [hit.key for hit in search_documents(store, language="tr", query="iade")] == [key]

    with django_capture_on_commit_callbacks(execute=True):
        check_unpublish_translation(admin_actor, article, language="tr")

    assert documents() == [(key, "en", "Returns", f"/help/en/iade/{article.slug}/")]
    translation = article.translations.get(language="tr")
    assert (translation.published_at, translation.published_html, translation.title) == (
        None,
        "",
        "İADE süresi",
    )
    assert translation_status(translation) == TranslationStatus.DRAFT

    with django_capture_on_commit_callbacks(execute=True):
        check_delete_article(admin_actor, article)

    assert documents() == []
    assert [(e.op, e.model_dump().get("language")) for e in captured_events] == [
        ("published", "tr"),
        ("published", "en"),
        ("unpublished", "tr"),
        ("deleted", None),
    ]


def test_moving_a_published_article_updates_its_search_address(
    admin_actor: Actor, category: Category, store: Store, django_capture_on_commit_callbacks: Any
) -> None:
    other = check_save_category(admin_actor, slug="kargo", names={"tr": "Kargo"})
    article = new_article(admin_actor, category, slug="sure")
    with django_capture_on_commit_callbacks(execute=True):
        check_publish_translation(admin_actor, article, language="tr")

    with django_capture_on_commit_callbacks(execute=True):
        check_update_article(admin_actor, article, category_id=other.pk, slug="teslim-suresi")

    assert [d[3] for d in documents()] == ["/help/tr/kargo/teslim-suresi/"]


def test_plain_text_keeps_words_apart_and_decodes_entities() -> None:
    assert plain_text("<p>A &amp; B</p><p>C</p><table><tr><td>x</td><td>y</td></tr></table>") == (
        "A & B C x y"
    )


# Related articles ---------------------------------------------------------------------


def test_related_articles_come_from_the_same_store_only(
    agent_actor: Actor, category: Category, other_store: Store
) -> None:
    article = new_article(agent_actor, category)
    sibling = new_article(agent_actor, category, title="Kargo")
    foreign = ArticleFactory(category__store=other_store)

    check_set_related_articles(agent_actor, article, [sibling.pk])
    with pytest.raises(NotFound):
        check_set_related_articles(agent_actor, article, [foreign.pk])
    with pytest.raises(HelpCenterValidationFailed):
        check_set_related_articles(agent_actor, article, [article.pk])

    assert list(article.related.all()) == [sibling]


# Editor home --------------------------------------------------------------------------


def test_the_editor_home_shows_a_status_per_language_in_fixed_queries(
    agent_actor: Actor, store: Store
) -> None:
    for number in range(3):
        category = CategoryFactory(store=store, slug=f"c{number}")
        CategoryTranslationFactory(category=category, language="tr", name=f"Kategori {number}")
        for _ in range(4):
            article = ArticleFactory(category=category)
            ArticleTranslationFactory(article=article, language="tr", published=True)
            ArticleTranslationFactory(article=article, language="en")

    with CaptureQueriesContext(connection) as queries:
        rows = list_editor_home(agent_actor)

    assert len(queries) == 4
    assert [row.name for row in rows] == ["Kategori 0", "Kategori 1", "Kategori 2"]
    first = rows[0].articles[0]
    assert [(s.language, s.status) for s in first.languages] == [
        ("tr", TranslationStatus.PUBLISHED),
        ("en", TranslationStatus.DRAFT),
    ]
    assert first.languages[0].public_url == f"/help/tr/c0/{first.article.slug}/"
    assert first.languages[1].public_url is None


def test_the_editor_home_filters_by_language(agent_actor: Actor, category: Category) -> None:
    article = ArticleFactory(category=category)
    ArticleTranslationFactory(article=article, language="tr")

    rows = list_editor_home(agent_actor, language="en")

    assert [(s.language, s.status) for s in rows[0].articles[0].languages] == [
        ("en", TranslationStatus.MISSING)
    ]


# Settings -----------------------------------------------------------------------------


def test_settings_are_saved_with_phone_numbers_in_e164(admin_actor: Actor, store: Store) -> None:
    team = Team.objects.create(store=store, name="Destek", timezone="Europe/Istanbul")

    settings = check_update_help_center_settings(
        admin_actor,
        HelpCenterSettingsInput(
            public_host=" Help.Moda.Example ",
            contact_email="destek@moda.example",
            phone_number="0212 555 01 01",
            whatsapp_number="+90 532 123 45 67",
            chat_enabled=False,
            support_team_id=team.pk,
            expected_response_hours=48,
        ),
    )

    settings.refresh_from_db()
    assert (
        settings.public_host,
        settings.phone_number,
        settings.whatsapp_number,
        settings.chat_enabled,
        settings.support_team,
        settings.expected_response_hours,
    ) == ("help.moda.example", "+902125550101", "+905321234567", False, team, 48)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (HelpCenterSettingsInput(public_host="https://help.example.com/"), "public_host"),
        (HelpCenterSettingsInput(public_host="localhost"), "public_host"),
        (HelpCenterSettingsInput(contact_email="not-an-email"), "contact_email"),
        (HelpCenterSettingsInput(phone_number="12"), "phone_number"),
        (HelpCenterSettingsInput(whatsapp_number="+90 555"), "whatsapp_number"),
        (HelpCenterSettingsInput(expected_response_hours=0), "expected_response_hours"),
        (HelpCenterSettingsInput(expected_response_hours=721), "expected_response_hours"),
    ],
)
def test_bad_settings_are_refused(
    admin_actor: Actor, values: HelpCenterSettingsInput, field: str
) -> None:
    with pytest.raises(HelpCenterValidationFailed) as caught:
        check_update_help_center_settings(admin_actor, values)

    assert caught.value.fields.keys() == {field}
    assert not HelpCenterSettings.objects.exists()


def test_settings_refuse_another_stores_team_and_host(
    admin_actor: Actor, agent_actor: Actor, other_store: Store
) -> None:
    team = Team.objects.create(store=other_store, name="Obsługa", timezone="Europe/Warsaw")
    HelpCenterSettings.objects.create(store=other_store, public_host="pomoc.sklep.example")

    with pytest.raises(NotFound):
        check_update_help_center_settings(
            admin_actor, HelpCenterSettingsInput(support_team_id=team.pk)
        )
    with pytest.raises(HostTaken):
        check_update_help_center_settings(
            admin_actor, HelpCenterSettingsInput(public_host="pomoc.sklep.example")
        )
    with pytest.raises(PermissionDenied):
        check_update_help_center_settings(agent_actor, HelpCenterSettingsInput())

    assert HelpCenterSettings.objects.count() == 1
