"""Fixtures and builders of the channel tests: a fake Telegram server, a store's Telegram
connection pointed at it, and updates in the Bot API's documented shape."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from storedesk.accounts.actors import system_actor
from storedesk.connectors.actions import check_create_connection
from storedesk.connectors.models import ChannelConnection
from storedesk.connectors.secrets import decrypt_secrets
from storedesk.connectors.tests.telegram_server import BOT_TOKEN, FakeTelegram, fake_telegram
from storedesk.core.models import Store

CUSTOMER_ID = 987654321


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake


def connect_telegram(store: Store, telegram: FakeTelegram, **fields: Any) -> ChannelConnection:
    return check_create_connection(
        system_actor(store),
        kind="telegram",
        name=fields.pop("name", "Moda bot"),
        secrets_in={"bot_token": fields.pop("bot_token", BOT_TOKEN)},
        settings={"api_base_url": telegram.url},
        **fields,
    )


@pytest.fixture
def connection(store: Store, telegram: FakeTelegram) -> ChannelConnection:
    return connect_telegram(store, telegram)


def secret_token(connection: ChannelConnection) -> str:
    return decrypt_secrets(connection.secrets)["secret_token"]


def webhook_path(connection: ChannelConnection) -> str:
    return f"/hooks/telegram/{connection.webhook_key}/"


def text_update(
    update_id: int = 10000,
    *,
    text: str = "Merhaba, siparişim nerede?",
    message_id: int = 1365,
    chat_id: int = CUSTOMER_ID,
    chat_type: str = "private",
    **message: Any,
) -> dict[str, Any]:
    """An Update with a message, as the Bot API documents it."""
    body: dict[str, Any] = {
        "message_id": message_id,
        "from": {
            "id": CUSTOMER_ID,
            "is_bot": False,
            "first_name": "Ayşe",
            "last_name": "Yılmaz",
            "username": "ayseyilmaz",
            "language_code": "tr",
        },
        "chat": {
            "id": chat_id,
            "first_name": "Ayşe",
            "last_name": "Yılmaz",
            "username": "ayseyilmaz",
            "type": chat_type,
        },
        "date": 1764950400,
        **message,
    }
    if text:
        body["text"] = text
    return {"update_id": update_id, "message": body}


def post_update(
    client: Client,
    connection: ChannelConnection,
    update: object,
    *,
    secret: str | None = None,
    raw: bytes | None = None,
) -> Any:
    headers = {}
    token = secret_token(connection) if secret is None else secret
    if token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = token
    return client.post(
        webhook_path(connection),
        raw if raw is not None else json.dumps(update),
        content_type="application/json",
        headers=headers,
    )
