"""The public site's shell: the store and language of a public request and the shared
layout, with what each room contributes through its registered section."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.core.models import Store
from storedesk.helpcenter.tests.factories import HelpCenterSettingsFactory
from storedesk.policies.tests.factories import ProsePolicyFactory, ProsePolicyTranslationFactory
from storedesk.publicsite.site import (
    PublicSection,
    footer_links,
    home_path,
    public_context,
    public_store,
    register_section,
    root_path,
    swap_language,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _any_host(settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["*"]


@dataclass(frozen=True, slots=True)
class Link:
    slug: str
    title: str
    url: str


@pytest.fixture
def shop() -> Store:
    return StoreFactory(
        name="Moda", slug="moda", languages=["tr", "en", "pl"], default_language="tr"
    )


@pytest.fixture
def gift_cards() -> Iterator[None]:
    """A room the shell has never heard of: a gift-card page, on its own host for Moda."""

    def store_for_host(host: str) -> Store | None:
        return Store.objects.filter(slug="moda").first() if host == "gifts.example" else None

    remove = register_section(
        PublicSection(
            name="gift_cards",
            store_for_host=store_for_host,
            links=lambda store, language: [Link("gift-cards", "Gift cards", f"/{language}/gc/")],
            context=lambda store, language: {"gift_card_note": language, "store": None},
        )
    )
    yield
    remove()


def test_the_sites_addresses_are_the_help_centers() -> None:
    assert root_path() == reverse("help-root") == "/help/"
    assert home_path("pl") == reverse("help-home", args=["pl"]) == "/help/pl/"


@pytest.mark.parametrize(
    ("path", "swapped"),
    [
        ("/help/tr/policies/returns/", "/help/pl/policies/returns/"),
        ("/help/tr/search/?q=iade/zwrot", "/help/pl/search/?q=iade/zwrot"),
        ("/help/", "/help/pl/"),
        ("/elsewhere/", "/help/pl/"),
    ],
)
def test_swapping_the_language_of_a_path(path: str, swapped: str) -> None:
    assert swap_language(path, "pl") == swapped


@pytest.mark.usefixtures("gift_cards")
def test_a_registered_section_adds_its_host_links_and_context(
    shop: Store, other_store: Store
) -> None:
    request = RequestFactory().get("/help/en/", HTTP_HOST="gifts.example")

    store = public_store(request)
    context = public_context(request, store, "en")

    assert store == shop
    assert [link.slug for link in footer_links(shop, "en")][-1] == "gift-cards"
    assert context["footer_links"][-1] == Link("gift-cards", "Gift cards", "/en/gc/")
    assert context["gift_card_note"] == "en"
    # A section adds to the page; which store and language it is stays the shell's.
    assert context["store"] == shop
    assert [(o.code, o.name, o.url, o.current) for o in context["languages"]] == [
        ("tr", "Türkçe", "/help/tr/", False),
        ("en", "English", "/help/en/", True),
        ("pl", "Polski", "/help/pl/", False),
    ]


def test_an_unknown_host_of_a_multi_store_installation_is_not_found(
    shop: Store, other_store: Store
) -> None:
    HelpCenterSettingsFactory(store=shop, public_host="help.moda.example")

    by_host = public_store(RequestFactory().get("/help/", HTTP_HOST="help.moda.example"))

    assert by_host == shop
    with pytest.raises(Http404):
        public_store(RequestFactory().get("/help/", HTTP_HOST="unknown.example"))


def test_policy_pages_reach_the_help_centers_footer_through_the_shell(
    client: Client, shop: Store
) -> None:
    policy = ProsePolicyFactory(store=shop, slug="privacy")
    ProsePolicyTranslationFactory(policy=policy, language="tr", title="Gizlilik", body="Metin.")

    home = client.get("/help/tr/").content.decode()

    footer = home.split('<footer class="site-footer">')[1]
    assert '<a href="/help/tr/policies/privacy/">Gizlilik</a>' in footer
    assert 'href="/help/tr/contact/"' in footer
