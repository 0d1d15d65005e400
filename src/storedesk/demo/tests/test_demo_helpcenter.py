import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import timezone

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.catalog.models import Category as CatalogCategory
from storedesk.core.markdown import render_markdown
from storedesk.core.models import Store
from storedesk.demo import helpcenter_content as content
from storedesk.demo import vocabulary as words
from storedesk.demo.helpcenter import has_demo_help_center, load_demo_help_center
from storedesk.helpcenter.models import (
    Article,
    ArticleTranslation,
    Category,
    CategoryTranslation,
    HelpCenterSettings,
)
from storedesk.policies.indexing import index_prose_policies
from storedesk.policies.models import (
    ProsePolicy,
    ProsePolicyTranslation,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingMethod,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
)
from storedesk.search.selectors import search_documents

LANGUAGES = set(words.LANGUAGES)
ARTICLES = {article.slug: article for article in content.ARTICLES}
TURKISH_LETTERS = set("ıİşŞğĞçÇöÖüÜ")
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def article_text(slug: str, language: str) -> str:
    title, body = ARTICLES[slug].texts[language]
    return f"{title}\n{body}"


# Content -----------------------------------------------------------------------------


def test_the_content_is_written_in_the_demo_store_languages() -> None:
    assert set(content.LANGUAGES) == LANGUAGES


def test_every_category_has_a_name_and_description_in_six_languages() -> None:
    slugs = [category.slug for category in content.CATEGORIES]
    assert len(slugs) == len(set(slugs)) == 6
    for category in content.CATEGORIES:
        assert set(category.names) == LANGUAGES, category.slug
        assert set(category.descriptions) == LANGUAGES, category.slug
        assert all(name.strip() for name in category.names.values())
        assert all(len(text) <= 300 for text in category.descriptions.values())


def test_there_are_twenty_questions_an_about_page_and_a_size_chart() -> None:
    slugs = [article.slug for article in content.ARTICLES]
    assert len(slugs) == len(set(slugs))
    assert {"about-us", "size-chart", "how-to-return", "when-is-my-refund"} <= set(slugs)
    assert len(set(slugs) - {"about-us", "size-chart"}) >= 20
    categories = {category.slug for category in content.CATEGORIES}
    for article in content.ARTICLES:
        assert article.category in categories, article.slug
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article.slug)
        assert article.slug not in article.related
        assert set(article.related) <= set(slugs), article.slug
    assert {article.category for article in content.ARTICLES} == categories


def test_every_article_is_written_in_six_languages() -> None:
    for article in content.ARTICLES:
        assert set(article.texts) == LANGUAGES, article.slug
        for language, (title, body) in article.texts.items():
            assert 0 < len(title.strip()) <= 200, (article.slug, language)
            assert len(body) >= 300, (article.slug, language)
            assert body == body.strip()


def test_turkish_and_polish_texts_are_written_with_their_own_letters() -> None:
    for article in content.ARTICLES:
        assert set(article_text(article.slug, "tr")) & TURKISH_LETTERS, article.slug
        assert set(article_text(article.slug, "pl")) & POLISH_LETTERS, article.slug
    for policy in content.PROSE_POLICIES:
        assert set("".join(policy.texts["tr"])) & TURKISH_LETTERS, policy.kind
        assert set("".join(policy.texts["pl"])) & POLISH_LETTERS, policy.kind


def test_every_prose_policy_is_written_in_six_languages() -> None:
    assert [policy.kind for policy in content.PROSE_POLICIES] == [
        "privacy",
        "terms",
        "cancellation",
    ]
    for policy in content.PROSE_POLICIES:
        assert set(policy.texts) == LANGUAGES, policy.kind
        for language, (title, body) in policy.texts.items():
            assert 0 < len(title) <= 200, (policy.kind, language)
            assert body.count("\n\n") >= 3, (policy.kind, language)


def all_markdown() -> list[tuple[str, str]]:
    texts = [
        (f"{article.slug}/{language}", body)
        for article in content.ARTICLES
        for language, (_, body) in article.texts.items()
    ]
    texts += [
        (f"{policy.kind}/{language}", body)
        for policy in content.PROSE_POLICIES
        for language, (_, body) in policy.texts.items()
    ]
    return texts


def test_markdown_renders_without_raw_html_or_stray_indentation() -> None:
    for name, body in all_markdown():
        assert "<" not in body, name
        html = render_markdown(body)
        assert "&lt;" not in html, name
        # Indented source lines would render as code blocks.
        assert "<pre>" not in html, name
        assert "<code>" not in html, name
        assert html.startswith(("<p>", "<h2>")), name


def test_markdown_tables_render_as_tables() -> None:
    for name, body in all_markdown():
        table_rows = [line for line in body.splitlines() if line.startswith("|")]
        if table_rows:
            html = render_markdown(body)
            assert "<table>" in html, name
            separators = [row for row in table_rows if set(row) <= set("|- ")]
            assert html.count("<table>") == len(separators), name
            assert html.count("<tr>") == len(table_rows) - len(separators), name


def test_the_size_chart_has_tops_bottoms_and_shoes_tables_in_every_language() -> None:
    for language in LANGUAGES:
        _, body = ARTICLES["size-chart"].texts[language]
        html = render_markdown(body)
        assert html.count("<table>") == 3, language
        for system in ("EU", "UK", "US"):
            assert f"<th>{system}</th>" in html, language
        assert "(cm)" in html, language
        for size in words.CLOTHING_SIZES + words.SHOE_SIZES:
            assert f"<td>{size}</td>" in html, (language, size)
    assert "<td>7.5</td>" in render_markdown(ARTICLES["size-chart"].texts["en"][1])
    assert "<td>7,5</td>" in render_markdown(ARTICLES["size-chart"].texts["de"][1])


def test_turkish_return_texts_say_iade_and_polish_ones_zwrot_pieniedzy() -> None:
    for slug in ("how-to-return", "when-is-my-refund"):
        turkish = article_text(slug, "tr")
        assert "iade" in turkish, slug
        assert "İade" in turkish, slug
    assert "zwrot pieniędzy" in article_text("when-is-my-refund", "pl")
    assert "zwrot pieniędzy" in article_text("how-to-return", "pl")


def test_the_numbers_in_the_articles_are_the_ones_in_the_rules() -> None:
    electronics = next(rule for rule in content.RETURN_RULES if rule.category == "electronics")
    assert electronics.return_shipping_fee == Decimal("4.95")
    assert "4.95 EUR" in article_text("how-to-return", "en")
    assert "4,95 EUR" in article_text("how-to-return", "de")
    clothing = [rule for rule in content.RETURN_RULES if rule.category != "electronics"]
    assert {rule.store_credit_bonus_percent for rule in clothing} == {Decimal(10)}
    assert {rule.return_shipping_paid_by for rule in clothing} == {"store"}
    assert "10%" in article_text("store-credit", "en")
    assert {rule.refund_within_hours for rule in content.RETURN_RULES} == {24}
    assert "24 hours" in article_text("when-is-my-refund", "en")
    # Delivery times of the standard and express methods, zone by zone.
    delivery = article_text("delivery-times-and-costs", "en")
    for zone in content.SHIPPING_ZONES:
        standard, express = zone.methods
        assert f"{standard.min_days}–{standard.max_days} business days" in delivery, zone.name
        if express.min_days != express.max_days:
            assert f"{express.min_days}–{express.max_days} business days" in delivery
    assert f"{content.DISPATCH_CUTOFF:%H:%M}" in delivery
    # The return window comes from the policy page, never from a returns article.
    window = re.compile(r"\b30[ -](days?|gün|dni|Tage|jours|días)")
    for article in content.ARTICLES:
        if article.category == "returns-refunds":
            for language in LANGUAGES:
                assert not window.search(article_text(article.slug, language)), article.slug


def test_shipping_zones_do_not_overlap_and_cover_the_demo_markets() -> None:
    countries = [country for zone in content.SHIPPING_ZONES for country in zone.countries]
    assert len(countries) == len(set(countries))
    assert {market.country for market in words.MARKETS} <= set(countries)
    assert len(content.EU_COUNTRIES) == 27
    for zone in content.SHIPPING_ZONES:
        assert set(zone.customs_note) == LANGUAGES, zone.name


# Loading -----------------------------------------------------------------------------


@pytest.fixture
def demo_store(db: None) -> Store:
    store = StoreFactory(
        name="Atlas Store",
        slug="atlas-test",
        default_currency="EUR",
        languages=list(words.LANGUAGES),
        default_language="en",
        timezone="Europe/Istanbul",
        country="TR",
    )
    for slug in words.CATEGORIES:
        CatalogCategory.objects.create(store=store, slug=slug)
    return store


def fingerprint(store: Store) -> list[object]:
    return [
        sorted(Category.objects.filter(store=store).values_list("id", "slug")),
        sorted(Article.objects.filter(store=store).values_list("id", "slug", "updated_at")),
        ArticleTranslation.objects.filter(article__store=store).count(),
        ReturnPolicyVersion.objects.filter(store=store).count(),
        ShippingPolicyVersion.objects.filter(store=store).count(),
        sorted(ProsePolicy.objects.filter(store=store).values_list("id", "slug")),
        ProsePolicyTranslation.objects.filter(policy__store=store).count(),
    ]


def test_loading_publishes_every_article_in_six_languages(demo_store: Store) -> None:
    assert not has_demo_help_center(demo_store)

    load_demo_help_center(demo_store)

    assert has_demo_help_center(demo_store)
    assert list(
        Category.objects.filter(store=demo_store)
        .order_by("position")
        .values_list("slug", flat=True)
    ) == [category.slug for category in content.CATEGORIES]
    assert CategoryTranslation.objects.filter(category__store=demo_store).count() == 6 * 6
    assert Article.objects.filter(store=demo_store).count() == len(content.ARTICLES)
    translations = ArticleTranslation.objects.filter(article__store=demo_store)
    assert translations.count() == 6 * len(content.ARTICLES)
    for translation in translations.select_related("article"):
        assert translation.is_published
        assert not translation.has_unpublished_changes
        assert translation.published_html.startswith(("<p>", "<h2>"))
        expected = ARTICLES[translation.article.slug].texts[translation.language]
        assert (translation.published_title, translation.published_body) == expected
    size_chart = translations.get(article__slug="size-chart", language="tr")
    assert size_chart.published_html.count("<table>") == 3
    how_to_return = Article.objects.get(store=demo_store, slug="how-to-return")
    assert sorted(how_to_return.related.values_list("slug", flat=True)) == sorted(
        ARTICLES["how-to-return"].related
    )


def test_loading_publishes_the_return_shipping_and_prose_policies(demo_store: Store) -> None:
    load_demo_help_center(demo_store)

    returns = ReturnPolicyVersion.objects.get(store=demo_store)
    assert returns.status == VersionStatus.PUBLISHED
    rules = {
        (rule.category.slug if rule.category else None): rule
        for rule in ReturnRule.objects.filter(version=returns).select_related("category")
    }
    assert set(rules) == {None, "tops", "bottoms", "outerwear", "dresses", "shoes", "electronics"}
    assert rules["electronics"].window_days == 14
    assert rules["electronics"].outcomes == ("refund", "exchange")
    assert rules["electronics"].return_shipping_fee == Decimal("4.95")
    assert rules["shoes"].requires_original_packaging
    assert rules[None].window_days == rules["tops"].window_days == 30
    assert rules["tops"].outcomes == ("refund", "exchange", "store_credit")
    assert rules["tops"].store_credit_bonus_percent == Decimal(10)
    assert {rule.currency for rule in rules.values()} == {"EUR"}

    shipping = ShippingPolicyVersion.objects.get(store=demo_store)
    assert shipping.status == VersionStatus.PUBLISHED
    assert shipping.dispatch_cutoff == content.DISPATCH_CUTOFF
    assert shipping.working_days == [1, 2, 3, 4, 5]
    assert f"{timezone.now().year}-10-29" in shipping.holidays
    assert f"{timezone.now().year + 1}-04-23" in shipping.holidays
    zones = list(ShippingZone.objects.filter(version=shipping).order_by("position"))
    assert [zone.name for zone in zones] == [zone.name for zone in content.SHIPPING_ZONES]
    eu = zones[1]
    assert "PL" in eu.countries
    assert eu.duties_paid_by == "store"
    assert eu.duties_included
    assert set(eu.customs_note) == LANGUAGES
    assert ShippingMethod.objects.filter(zone__version=shipping).count() == 8

    policies = ProsePolicy.objects.filter(store=demo_store)
    assert sorted(policies.values_list("slug", flat=True)) == ["cancellation", "privacy", "terms"]
    assert all(policy.is_published for policy in policies)
    assert ProsePolicyTranslation.objects.filter(policy__store=demo_store).count() == 3 * 6

    settings = HelpCenterSettings.objects.get(store=demo_store)
    assert settings.contact_email == "support@atlas.example"
    assert settings.phone_number == "+902125550101"


def test_loading_twice_adds_nothing(demo_store: Store) -> None:
    load_demo_help_center(demo_store)
    before = fingerprint(demo_store)

    load_demo_help_center(demo_store)

    assert fingerprint(demo_store) == before


def test_loading_keeps_what_the_merchant_changed(demo_store: Store) -> None:
    load_demo_help_center(demo_store)
    Article.objects.filter(store=demo_store, slug="gift-cards").delete()
    edited = ArticleTranslation.objects.get(article__slug="invoices", language="en")
    edited.title = "Invoices and receipts"
    edited.save()

    load_demo_help_center(demo_store)

    assert Article.objects.filter(store=demo_store, slug="gift-cards").exists()
    edited.refresh_from_db()
    assert edited.title == "Invoices and receipts"
    assert Article.objects.filter(store=demo_store).count() == len(content.ARTICLES)


def test_a_store_without_the_demo_categories_gets_the_default_return_rule(db: None) -> None:
    store = StoreFactory(default_currency="EUR", languages=["en", "tr"], default_language="en")

    load_demo_help_center(store)

    assert list(ReturnRule.objects.filter(store=store).values_list("category", flat=True)) == [None]
    assert set(
        ArticleTranslation.objects.filter(article__store=store).values_list("language", flat=True)
    ) == {"en", "tr"}


def test_searching_the_loaded_help_center_in_turkish_and_polish(
    demo_store: Store, django_capture_on_commit_callbacks: Callable[..., object]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        load_demo_help_center(demo_store)
    index_prose_policies(demo_store)

    def keys(language: str, query: str, kinds: tuple[str, ...] = ("article",)) -> list[str]:
        hits = search_documents(demo_store, language=language, query=query, kinds=kinds)
        return [hit.key for hit in hits if hit.language == language]

    article_ids = dict(Article.objects.filter(store=demo_store).values_list("slug", "id"))
    iade = keys("tr", "iade")
    assert str(article_ids["how-to-return"]) in iade
    assert str(article_ids["when-is-my-refund"]) in iade
    assert keys("tr", "İADE") == iade
    assert "cancellation" in keys("tr", "iade", kinds=("policy",))
    assert str(article_ids["when-is-my-refund"]) in keys("pl", "zwrot pieniedzy")
