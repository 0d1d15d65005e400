"""The public policy pages: rendered from the published rules in every store language."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.tests.factories import StoreFactory
from storedesk.catalog.models import Category, CategoryTranslation
from storedesk.core.models import Store
from storedesk.helpcenter.tests.factories import HelpCenterSettingsFactory
from storedesk.policies import indexing
from storedesk.policies.actions import (
    check_publish_return_version,
    check_publish_shipping_version,
    check_start_return_draft,
    check_start_shipping_draft,
    check_update_return_draft,
    check_update_shipping_draft,
)
from storedesk.policies.site import format_money, public_policy_links
from storedesk.policies.tasks import index_versions_taking_effect
from storedesk.policies.tests.factories import (
    ProsePolicyFactory,
    ProsePolicyTranslationFactory,
)
from storedesk.search.models import SearchDocument
from storedesk.search.selectors import search_documents

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "tr", "pl", "de", "fr", "es"]
SHOE_NAMES = {
    "en": "Shoes",
    "tr": "Ayakkabı",
    "pl": "Buty",
    "de": "Schuhe",
    "fr": "Chaussures",
    "es": "Zapatos",
}


@pytest.fixture
def shop() -> Store:
    """The installation's only store, so the help center answers for it on any host."""
    return StoreFactory(
        name="Moda",
        slug="moda",
        languages=LANGUAGES,
        default_language="en",
        default_currency="TRY",
        timezone="Europe/Istanbul",
        country="TR",
    )


@pytest.fixture
def shoes(shop: Store) -> Category:
    category = Category.objects.create(store=shop, slug="shoes")
    for language, name in SHOE_NAMES.items():
        CategoryTranslation.objects.create(category=category, language=language, name=name)
    return category


@pytest.fixture
def actor(shop: Store) -> Actor:
    return system_actor(shop)


@pytest.fixture
def publish_on_commit(
    django_capture_on_commit_callbacks: Callable[..., Any],
    run_queued_tasks: Callable[[], list[str]],
) -> Callable[[], AbstractContextManager[None]]:
    """Runs on-commit work (events) the way a real commit would, then the tasks it queued
    (indexing) the way the worker would."""

    @contextmanager
    def publish() -> Iterator[None]:
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_queued_tasks()

    return publish


def publish_returns(actor: Actor, shoes: Category, *, shoe_days: int, default_days: int) -> None:
    draft = check_start_return_draft(actor)
    draft = check_update_return_draft(
        actor,
        draft,
        {
            "rules": [
                {"category_id": None, "window_days": default_days},
                {
                    "category_id": shoes.pk,
                    "window_days": shoe_days,
                    "offers_store_credit": True,
                    "store_credit_bonus_percent": Decimal(10),
                    "requires_original_packaging": True,
                    "refund_within_hours": 72,
                },
            ]
        },
    )
    check_publish_return_version(actor, draft)


def publish_shipping(actor: Actor, *, cost: Decimal) -> None:
    draft = check_start_shipping_draft(actor)
    draft = check_update_shipping_draft(
        actor,
        draft,
        {
            "dispatch_cutoff": "14:00",
            "working_days": [1, 2, 3, 4, 5],
            "zones": [
                {
                    "name": "Türkiye",
                    "countries": ["TR"],
                    "methods": [
                        {
                            "name": "Standard",
                            "cost": cost,
                            "free_shipping_threshold": Decimal("750.00"),
                            "min_days": 1,
                            "max_days": 3,
                        }
                    ],
                },
                {
                    "name": "Europe",
                    "countries": ["DE", "PL", "FR"],
                    "duties_included": False,
                    "duties_paid_by": "customer",
                    "customs_note": {"en": "Import VAT is collected by the carrier."},
                    "methods": [
                        {"name": "Express", "cost": Decimal("350.00"), "min_days": 2, "max_days": 4}
                    ],
                },
            ],
        },
    )
    check_publish_shipping_version(actor, draft)


def page(client: Client, name: str, language: str, **kwargs: str) -> str:
    response = client.get(reverse(name, kwargs={"language": language, **kwargs}))
    assert response.status_code == 200, (language, response.status_code)
    assert response["Content-Language"] == language
    return response.content.decode()


def page_text(client: Client, name: str, language: str) -> str:
    """What a reader sees: no attributes, so a random CSP nonce can never hold a number."""
    return strip_tags(page(client, name, language))


# The acceptance test: one rule, every language ----------------------------------------


def test_changing_a_window_changes_the_returns_page_in_every_language(
    client: Client, actor: Actor, shoes: Category
) -> None:
    publish_returns(actor, shoes, shoe_days=47, default_days=21)

    for language in LANGUAGES:
        html = page_text(client, "policy-returns", language)
        assert "47" in html, language
        assert "21" in html, language
        assert SHOE_NAMES[language] in html, language
        assert "63" not in html

    publish_returns(actor, shoes, shoe_days=63, default_days=21)

    for language in LANGUAGES:
        html = page_text(client, "policy-returns", language)
        assert "63" in html, language
        assert "47" not in html, language


def test_changing_a_cost_changes_the_shipping_page_in_every_language(
    client: Client, actor: Actor
) -> None:
    publish_shipping(actor, cost=Decimal("49.90"))
    for language in LANGUAGES:
        html = page_text(client, "policy-shipping", language)
        assert format_money(Decimal("49.90"), "TRY", language) in html, language
        assert format_money(Decimal("750.00"), "TRY", language) in html, language

    publish_shipping(actor, cost=Decimal("59.90"))

    for language in LANGUAGES:
        html = page_text(client, "policy-shipping", language)
        assert format_money(Decimal("59.90"), "TRY", language) in html, language
        assert format_money(Decimal("49.90"), "TRY", language) not in html, language


def test_the_returns_page_lists_outcomes_conditions_costs_and_steps(
    client: Client, actor: Actor, shoes: Category
) -> None:
    publish_returns(actor, shoes, shoe_days=30, default_days=14)

    html = page(client, "policy-returns", "en")

    assert "30 days from delivery" in html
    assert "14 days from delivery" in html
    assert "Store credit with a 10% bonus" in html
    assert "In the original packaging" in html
    assert "Within 3 days of the return arriving" in html
    assert "As soon as we have checked the returned item" in html
    assert "How to return an item" in html
    assert "All other items" in html
    assert "In force since" in html


def test_the_shipping_page_names_countries_cut_off_zone_and_duties(
    client: Client, actor: Actor
) -> None:
    publish_shipping(actor, cost=Decimal("49.90"))

    english = page(client, "policy-shipping", "en")
    polish = page(client, "policy-shipping", "pl")

    assert "Germany" in english
    assert "Poland" in english
    assert "Niemcy" in polish
    assert "Polska" in polish
    assert "2:00\u202fPM" in english or "2:00 PM" in english
    assert "Europe/Istanbul" in english
    assert "Monday" in english
    assert "Saturday" not in english
    assert "1–3 business days" in english
    assert "Import VAT is collected by the carrier." in english
    assert "not included; the carrier collects them" in english
    assert "If you order now" in english


# Languages, fallbacks and what is not published -----------------------------------------


def test_an_unknown_language_redirects_to_the_default_language(
    client: Client, actor: Actor, shoes: Category
) -> None:
    publish_returns(actor, shoes, shoe_days=30, default_days=14)

    for code in ("xx", "zz-ZZ", "tr-TR"):
        response = client.get(f"/help/{code}/policies/returns/")
        assert response.status_code == 302
        assert response["Location"] == "/help/en/policies/returns/"


def test_pages_without_a_published_version_say_so_with_a_404(
    client: Client, shop: Store, actor: Actor
) -> None:
    check_start_return_draft(actor)  # a draft is not published

    for name in ("policy-returns", "policy-shipping"):
        response = client.get(reverse(name, kwargs={"language": "en"}))
        assert response.status_code == 404
        assert "has not been published yet" in response.content.decode()
        in_turkish = client.get(reverse(name, kwargs={"language": "tr"}))
        assert in_turkish.status_code == 404
        assert 'lang="tr"' in in_turkish.content.decode()
    response = client.get(reverse("policy-page", kwargs={"language": "en", "slug": "privacy"}))
    assert response.status_code == 404


def test_an_unpublished_prose_policy_is_not_shown(client: Client, shop: Store) -> None:
    policy = ProsePolicyFactory(store=shop, is_published=False)
    ProsePolicyTranslationFactory(policy=policy, language="en", title="Privacy", body="Secret")

    response = client.get(reverse("policy-page", kwargs={"language": "en", "slug": "privacy"}))

    assert response.status_code == 404
    assert "Secret" not in response.content.decode()


def test_prose_markdown_renders_without_script(client: Client, shop: Store) -> None:
    policy = ProsePolicyFactory(store=shop)
    ProsePolicyTranslationFactory(
        policy=policy,
        language="en",
        title="Privacy",
        body="We **care**.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n\n"
        "| Data | Kept |\n|---|---|\n| Orders | 10 years |",
    )

    html = page(client, "policy-page", "en", slug="privacy")

    assert "<strong>care</strong>" in html
    assert "<table>" in html
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html


def test_a_prose_policy_falls_back_to_the_default_language_with_a_note(
    client: Client, shop: Store
) -> None:
    policy = ProsePolicyFactory(store=shop)
    ProsePolicyTranslationFactory(policy=policy, language="en", title="Privacy", body="English.")

    html = page(client, "policy-page", "pl", slug="privacy")

    assert "English." in html
    assert 'class="note"' in html
    assert 'lang="en"' in html


def test_policy_links_list_published_pages_in_the_language(
    shop: Store, actor: Actor, shoes: Category
) -> None:
    publish_returns(actor, shoes, shoe_days=30, default_days=14)
    published = ProsePolicyFactory(store=shop)
    ProsePolicyTranslationFactory(policy=published, language="en", title="Privacy")
    ProsePolicyTranslationFactory(policy=published, language="tr", title="Gizlilik")
    draft = ProsePolicyFactory(store=shop, kind="terms", is_published=False)
    ProsePolicyTranslationFactory(policy=draft, language="en", title="Terms")

    links = public_policy_links(shop, "tr")

    assert [(link.slug, link.url) for link in links] == [
        ("returns", "/help/tr/policies/returns/"),
        ("privacy", "/help/tr/policies/privacy/"),
    ]
    assert links[1].title == "Gizlilik"
    assert [link.title for link in public_policy_links(shop, "de")][1] == "Privacy"


def test_another_stores_policies_are_not_served_on_this_host(
    client: Client, shop: Store, settings: Any
) -> None:
    settings.ALLOWED_HOSTS = [".example"]
    HelpCenterSettingsFactory(store=shop, public_host="help.moda.example")
    other = StoreFactory(languages=["en"], default_language="en")
    HelpCenterSettingsFactory(store=other, public_host="help.other.example")
    policy = ProsePolicyFactory(store=other)
    ProsePolicyTranslationFactory(policy=policy, language="en", title="Other", body="Theirs")

    mine = client.get("/help/en/policies/privacy/", HTTP_HOST="help.moda.example")
    theirs = client.get("/help/en/policies/privacy/", HTTP_HOST="help.other.example")

    assert mine.status_code == 404
    assert theirs.status_code == 200
    assert "Theirs" in theirs.content.decode()


# Search ---------------------------------------------------------------------------------


def test_publishing_indexes_the_returns_page_in_every_language(
    actor: Actor, shoes: Category, publish_on_commit: Callable[..., Any]
) -> None:
    with publish_on_commit():
        publish_returns(actor, shoes, shoe_days=47, default_days=21)

    documents = SearchDocument.objects.filter(store=actor.store, kind="policy", key="returns")
    assert sorted(documents.values_list("language", flat=True)) == sorted(LANGUAGES)
    turkish = documents.get(language="tr")
    assert turkish.url == "/help/tr/policies/returns/"
    assert "Ayakkabı" in turkish.body
    assert "47" in turkish.body
    assert "<" not in turkish.body
    hits = search_documents(actor.store, language="tr", query="ayakkabi")
    assert [(hit.kind, hit.key, hit.language) for hit in hits] == [("policy", "returns", "tr")]

    with publish_on_commit():
        publish_returns(actor, shoes, shoe_days=63, default_days=21)

    turkish = SearchDocument.objects.get(
        store=actor.store, kind="policy", key="returns", language="tr"
    )
    assert "63" in turkish.body
    assert "47" not in turkish.body


def test_index_policy_pages_indexes_prose_and_drops_unpublished(shop: Store, actor: Actor) -> None:
    policy = ProsePolicyFactory(store=shop)
    ProsePolicyTranslationFactory(
        policy=policy, language="pl", title="Zwroty", body="Szybki zwrot pieniędzy."
    )
    ProsePolicyTranslationFactory(policy=policy, language="en", title="Refunds", body="Quick.")
    publish_shipping(actor, cost=Decimal("49.90"))

    indexing.index_policy_pages(shop)

    keys = set(
        SearchDocument.objects.filter(store=shop, kind="policy").values_list("key", "language")
    )
    assert {("privacy", code) for code in LANGUAGES} <= keys
    assert {("shipping", code) for code in LANGUAGES} <= keys
    assert ("returns", "en") not in keys
    hits = search_documents(shop, language="pl", query="zwrot pieniedzy")
    assert [(hit.key, hit.language) for hit in hits] == [("privacy", "pl")]

    policy.is_published = False
    policy.save()
    indexing.index_policy_pages(shop)

    assert not SearchDocument.objects.filter(store=shop, key="privacy").exists()


def test_a_version_published_for_later_is_indexed_when_it_takes_effect(
    actor: Actor, shoes: Category, publish_on_commit: Callable[..., Any]
) -> None:
    with publish_on_commit():
        publish_returns(actor, shoes, shoe_days=47, default_days=21)
    takes_effect = timezone.now() + timedelta(hours=2)
    draft = check_start_return_draft(actor)
    draft = check_update_return_draft(
        actor, draft, {"rules": [{"category_id": None, "window_days": 63}]}
    )
    with publish_on_commit():
        check_publish_return_version(actor, draft, effective_from=takes_effect)

    def indexed_body() -> str:
        return SearchDocument.objects.get(
            store=actor.store, kind="policy", key="returns", language="en"
        ).body

    assert "47" in indexed_body()
    with time_machine.travel(takes_effect + timedelta(minutes=3)):
        index_versions_taking_effect()
    assert "63" in indexed_body()
    assert "47" not in indexed_body()
