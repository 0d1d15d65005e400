"""The Channels section of the store's settings: connections with their webhook URLs,
connecting a Telegram bot, turning it off and on, and the dead letters."""

from collections.abc import Callable

import pytest
from django.test import Client

from storedesk.accounts.models import User
from storedesk.connectors.models import ChannelConnection, InboundEvent
from storedesk.connectors.selectors import webhook_url
from storedesk.connectors.tests import channel_fixtures
from storedesk.connectors.tests.channel_fixtures import (
    connect_telegram,
)
from storedesk.connectors.tests.telegram_server import BOT_TOKEN, FakeTelegram
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db
# The shared fixtures, by assignment: pytest finds them as this module's own.
connection = channel_fixtures.connection
telegram = channel_fixtures.telegram


def _settings(store: Store) -> str:
    return f"/s/{store.slug}/settings/"


def test_admins_see_each_channel_with_its_webhook_url_and_never_its_token(
    store: Store, admin_client: Client, connection: ChannelConnection
) -> None:
    page = admin_client.get(_settings(store)).content.decode()

    assert 'id="channels"' in page
    assert webhook_url(connection) in page
    assert "…saw0" in page
    assert BOT_TOKEN not in page


def test_agents_and_viewers_do_not_see_the_section(
    store: Store, agent_client: Client, viewer_client: Client, connection: ChannelConnection
) -> None:
    for client in (agent_client, viewer_client):
        page = client.get(_settings(store)).content.decode()
        assert 'id="channels"' not in page
        assert connection.webhook_key not in page
    assert agent_client.get(f"/s/{store.slug}/settings/channels/new/").status_code == 403


def test_an_admin_connects_a_bot_and_its_webhook_is_registered(
    store: Store,
    admin_client: Client,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    response = admin_client.post(
        f"/s/{store.slug}/settings/channels/new/",
        {"kind": "telegram", "name": "Destek botu", "bot_token": BOT_TOKEN,
         "api_base_url": telegram.url},
    )  # fmt: skip
    run_queued_tasks()

    assert response.status_code == 302
    connection = ChannelConnection.objects.get()
    assert (connection.name, connection.store_id) == ("Destek botu", store.pk)
    assert len(telegram.calls("setWebhook")) == 1
    page = admin_client.get(_settings(store)).content.decode()
    assert "Webhook registered" in page


def test_a_bad_token_is_shown_beside_the_field_and_nothing_is_saved(
    store: Store, admin_client: Client
) -> None:
    response = admin_client.post(
        f"/s/{store.slug}/settings/channels/new/",
        {"kind": "telegram", "name": "Bot", "bot_token": "hello"},
    )

    assert response.status_code == 422
    assert "This is not a bot token" in response.content.decode()
    assert 'value="hello"' not in response.content.decode()
    assert not ChannelConnection.objects.exists()


def test_turning_a_channel_off_and_on_again_registers_the_webhook_again(
    store: Store,
    admin_client: Client,
    connection: ChannelConnection,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    run_queued_tasks()
    toggle = f"/s/{store.slug}/settings/channels/{connection.pk}/toggle/"

    admin_client.post(toggle, {})
    assert ChannelConnection.objects.get(pk=connection.pk).enabled is False
    admin_client.post(toggle, {"enabled": "on"})
    admin_client.post(f"/s/{store.slug}/settings/channels/{connection.pk}/webhook/")
    run_queued_tasks()

    connection.refresh_from_db()
    assert connection.enabled is True
    assert len(telegram.calls("setWebhook")) == 3


def test_another_stores_channel_and_event_are_not_found(
    store: Store,
    other_store: Store,
    make_staff: Callable[..., User],
    telegram: FakeTelegram,
) -> None:
    theirs = connect_telegram(other_store, telegram)
    event = InboundEvent.objects.create(
        store=other_store, connection=theirs, status="dead", received_at=theirs.created_at
    )
    from storedesk.accounts.permissions import Role

    client = logged_in(make_staff(store, Role.OWNER))
    base = f"/s/{store.slug}/settings/channels"

    answers = [
        client.post(f"{base}/{theirs.pk}/toggle/", {}).status_code,
        client.post(f"{base}/{theirs.pk}/webhook/").status_code,
        client.post(f"{base}/{theirs.pk}/delete/").status_code,
        client.post(f"{base}/events/{event.pk}/retry/").status_code,
    ]

    assert answers == [404] * 4
    theirs.refresh_from_db()
    assert theirs.enabled is True
    event.refresh_from_db()
    assert event.status == "dead"


def test_removing_a_channel(
    store: Store, admin_client: Client, connection: ChannelConnection
) -> None:
    response = admin_client.post(f"/s/{store.slug}/settings/channels/{connection.pk}/delete/")

    assert response.status_code == 302
    assert not ChannelConnection.objects.exists()
