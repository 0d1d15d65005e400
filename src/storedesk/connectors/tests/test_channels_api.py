"""/api/v1/channels: credentials are write-only, the webhook URL comes back, bad input is
refused with nothing written, and another store's channel is not found."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection as db_connection
from django.test import Client

from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.connectors.models import ChannelConnection
from storedesk.connectors.secrets import decrypt_secrets
from storedesk.connectors.tests import channel_fixtures
from storedesk.connectors.tests.channel_fixtures import (
    connect_telegram,
)
from storedesk.connectors.tests.telegram_server import BOT_TOKEN, FakeTelegram
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db
# The shared fixtures, by assignment: pytest finds them as this module's own.
telegram = channel_fixtures.telegram
URL = "/api/v1/channels"


@pytest.fixture
def admin_api(admin: User) -> Client:
    return logged_in(admin)


def _create(client: Client, **body: object) -> Any:
    payload = {"kind": "telegram", "secrets": {"bot_token": BOT_TOKEN}} | body
    return client.post(URL, payload, content_type="application/json")


def test_creating_a_channel_answers_its_webhook_url_and_never_its_credentials(
    store: Store, admin_api: Client, run_queued_tasks: Callable[[], list[str]]
) -> None:
    response = _create(admin_api, name="Moda bot")

    assert response.status_code == 201, response.content
    body = response.json()
    connection = ChannelConnection.objects.get()
    assert body["webhook_url"] == (
        f"http://127.0.0.1:8000/hooks/telegram/{connection.webhook_key}/"
    )
    assert (body["kind"], body["name"], body["enabled"], body["team_id"]) == (
        "telegram", "Moda bot", True, None,
    )  # fmt: skip
    assert body["secret_hint"] == "…saw0"
    assert "secrets" not in body
    assert BOT_TOKEN not in response.content.decode()
    assert BOT_TOKEN[-10:] not in response.content.decode()
    assert decrypt_secrets(connection.secrets)["bot_token"] == BOT_TOKEN
    audit = AuditLogEntry.objects.get(action="channel.created")
    assert BOT_TOKEN not in str(audit.details)


def test_the_credentials_are_encrypted_in_the_database(store: Store, admin_api: Client) -> None:
    _create(admin_api)

    with db_connection.cursor() as cursor:
        cursor.execute("SELECT secrets, settings FROM connectors_channelconnection")
        ((raw_secrets, raw_settings),) = cursor.fetchall()

    assert BOT_TOKEN not in str(raw_secrets)
    assert BOT_TOKEN.split(":")[1] not in str(raw_secrets)
    assert str(raw_secrets).startswith("gAAAAA")  # a Fernet token
    assert BOT_TOKEN not in str(raw_settings)


def test_list_get_update_and_delete(
    store: Store, admin_api: Client, telegram: FakeTelegram
) -> None:
    connection = connect_telegram(store, telegram)
    team = Team.objects.create(store=store, name="Destek", timezone="Europe/Istanbul")
    other_token = "987654321:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDzzzz"

    listed = admin_api.get(URL).json()
    got = admin_api.get(f"{URL}/{connection.pk}").json()
    patched = admin_api.patch(
        f"{URL}/{connection.pk}",
        {"name": "Yeni bot", "team_id": team.pk, "secrets": {"bot_token": other_token}},
        content_type="application/json",
    )
    secret_before = decrypt_secrets(connection.secrets)["secret_token"]
    connection.refresh_from_db()
    secrets_after = decrypt_secrets(connection.secrets)
    unrouted = admin_api.patch(
        f"{URL}/{connection.pk}", {"team_id": None}, content_type="application/json"
    )
    deleted = admin_api.delete(f"{URL}/{connection.pk}")

    assert [item["id"] for item in listed["items"]] == [connection.pk]
    assert got["settings"] == {"api_base_url": telegram.url}
    assert patched.status_code == 200
    assert (patched.json()["name"], patched.json()["team_id"]) == ("Yeni bot", team.pk)
    assert patched.json()["secret_hint"] == "…zzzz"
    assert secrets_after == {"bot_token": other_token, "secret_token": secret_before}
    assert unrouted.json()["team_id"] is None
    assert deleted.status_code == 204
    assert not ChannelConnection.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"secrets": {"bot_token": "not-a-token"}}, "bot_token"),
        ({"secrets": {}}, "bot_token"),
        ({"kind": "carrier-pigeon"}, "kind"),
        ({"kind": "chat"}, "kind"),
        ({"team_id": 999_999}, "team_id"),
        ({"settings": {"api_base_url": "ftp://example.com"}}, "api_base_url"),
        ({"settings": {"webhook": "x"}}, "settings"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    store: Store, admin_api: Client, body: dict[str, object], field: str
) -> None:
    response = _create(admin_api, **body)

    assert response.status_code == 422, response.content
    assert response.json()["error"]["code"] == "validation_error"
    assert field in {detail["field"] for detail in response.json()["error"]["details"]}
    assert not ChannelConnection.objects.exists()


def test_malformed_bodies_are_refused(store: Store, admin_api: Client) -> None:
    not_json = admin_api.post(URL, "{", content_type="application/json")
    a_list = admin_api.post(URL, "[]", content_type="application/json")
    wrong_type = _create(admin_api, enabled="yes")

    assert [not_json.status_code, a_list.status_code, wrong_type.status_code] == [400, 422, 422]
    assert not ChannelConnection.objects.exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.AGENT])
def test_only_those_who_manage_the_store_see_or_change_channels(
    store: Store,
    make_staff: Callable[..., User],
    telegram: FakeTelegram,
    role: Role,
) -> None:
    connection = connect_telegram(store, telegram)
    client = logged_in(make_staff(store, role))

    answers = [
        client.get(URL).status_code,
        client.get(f"{URL}/{connection.pk}").status_code,
        _create(client).status_code,
        client.delete(f"{URL}/{connection.pk}").status_code,
    ]

    assert answers == [403] * 4
    assert ChannelConnection.objects.count() == 1


def test_another_stores_channel_is_not_found(
    store: Store, other_store: Store, make_staff: Callable[..., User], telegram: FakeTelegram
) -> None:
    theirs = connect_telegram(other_store, telegram)
    client = logged_in(make_staff(store, Role.OWNER))

    answers = [
        client.get(f"{URL}/{theirs.pk}").status_code,
        client.patch(
            f"{URL}/{theirs.pk}", {"name": "x"}, content_type="application/json"
        ).status_code,
        client.delete(f"{URL}/{theirs.pk}").status_code,
    ]

    assert answers == [404] * 3
    assert client.get(URL).json()["items"] == []
    theirs.refresh_from_db()
    assert theirs.name == "Moda bot"


def test_a_teams_of_another_store_cannot_be_named(
    store: Store, other_store: Store, admin_api: Client
) -> None:
    their_team = Team.objects.create(store=other_store, name="Zespół", timezone="Europe/Warsaw")

    response = _create(admin_api, team_id=their_team.pk)

    assert response.status_code == 422
    assert not ChannelConnection.objects.exists()
