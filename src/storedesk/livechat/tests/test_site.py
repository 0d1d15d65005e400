import re

import pytest
from django.test import Client

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.core.models import Store
from storedesk.helpcenter.tests.factories import HelpCenterSettingsFactory
from storedesk.livechat.tests.factories import ChatWidgetFactory

pytestmark = pytest.mark.django_db


def test_preview_page_embeds_the_stores_widget_in_its_default_language(
    client: Client, store: Store
) -> None:
    ChatWidgetFactory(store=store, key="wk_moda0001")

    response = client.get(f"/chat-preview/{store.slug}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="tr">' in page
    assert '<h1 class="logo">Moda Çarşı</h1>' in page
    assert "<h3>Keten gömlek</h3>" in page
    assert (
        '<script src="/static/livechat/widget.js" data-storedesk-key="wk_moda0001" '
        'data-language="tr" async>'
    ) in page


def test_the_turkish_contact_page_tells_the_widget_its_language(
    client: Client, store: Store
) -> None:
    # A Turkish shopper whose browser prefers English reads the Turkish contact page: the
    # chat on it speaks Turkish too (it used to say "Chat with us").
    HelpCenterSettingsFactory(store=store)
    ChatWidgetFactory(store=store, key="wk_moda")

    page = client.get("/help/tr/contact/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="tr">' in page
    assert re.search(r'<script [^>]*data-storedesk-key="wk_moda" data-language="tr"', page)


def test_preview_page_speaks_a_polish_stores_language(client: Client, other_store: Store) -> None:
    ChatWidgetFactory(store=other_store)

    response = client.get(f"/chat-preview/{other_store.slug}/")

    page = response.content.decode()
    assert '<html lang="pl">' in page
    assert "<h3>Lniana koszula</h3>" in page
    assert "Dodaj do koszyka" in page


def test_preview_page_loads_nothing_from_another_server(client: Client, store: Store) -> None:
    ChatWidgetFactory(store=store)

    page = client.get(f"/chat-preview/{store.slug}/").content.decode()

    addresses = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert addresses == ["#", "#", "#", "#", "/static/livechat/widget.js"]
    assert "url(" not in page
    assert "@import" not in page


def test_preview_page_of_an_unknown_store_is_not_found(client: Client, db: None) -> None:
    response = client.get("/chat-preview/no-such-store/")

    assert response.status_code == 404


def test_preview_page_of_a_store_without_a_widget_is_not_found(
    client: Client, store: Store
) -> None:
    response = client.get(f"/chat-preview/{store.slug}/")

    assert response.status_code == 404


def test_preview_page_of_a_store_whose_widget_is_off_is_not_found(
    client: Client, store: Store
) -> None:
    ChatWidgetFactory(store=store, enabled=False)

    response = client.get(f"/chat-preview/{store.slug}/")

    assert response.status_code == 404


def test_preview_page_shows_only_its_own_stores_widget(client: Client, store: Store) -> None:
    ChatWidgetFactory(store=store, key="wk_moda0001")
    ChatWidgetFactory(store=StoreFactory(slug="other"), key="wk_other001")

    page = client.get(f"/chat-preview/{store.slug}/").content.decode()

    assert "wk_moda0001" in page
    assert "wk_other001" not in page


def test_preview_page_only_answers_get(client: Client, store: Store) -> None:
    ChatWidgetFactory(store=store)

    response = client.post(f"/chat-preview/{store.slug}/")

    assert response.status_code == 405
