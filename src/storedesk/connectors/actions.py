"""Writes of the connectors' configuration: a store's connections and its dead letters.

Every change is audited without the credentials; credentials are encrypted before they
reach a model (connectors.secrets) and never come back out of these functions.
"""

import secrets
from collections.abc import Mapping
from typing import TypedDict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team
from storedesk.accounts.permissions import Permission
from storedesk.connectors.models import ChannelConnection, EventStatus, InboundEvent
from storedesk.connectors.registry import Connector, get_connector
from storedesk.connectors.secrets import decrypt_secrets, encrypt_secrets
from storedesk.core.errors import FieldError, FieldsInvalid, ValidationFailed
from storedesk.core.tenancy import check_in_store

MAX_NAME = 120


class ConnectionChanges(TypedDict, total=False):
    name: str
    enabled: bool
    team_id: int | None
    settings: dict[str, object]
    # Only the credentials given change; the others are kept.
    secrets: dict[str, str]


def check_create_connection(
    actor: Actor,
    *,
    kind: str,
    secrets_in: Mapping[str, str],
    name: str = "",
    settings: Mapping[str, object] | None = None,
    team_id: int | None = None,
    enabled: bool = True,
) -> ChannelConnection:
    """Connect the store to a platform; its webhook is registered by the worker."""
    actor.require(Permission.MANAGE_STORE)
    connector = _connector(kind)
    team = _team(actor, team_id)
    checked_settings, checked_secrets = connector.check_settings(settings or {}, secrets_in)
    with transaction.atomic():
        connection = ChannelConnection.objects.create(
            store=actor.store,
            kind=connector.channel.value,
            name=_name(name, default=connector.label),
            enabled=enabled,
            team=team,
            settings=checked_settings,
            secrets=encrypt_secrets(checked_secrets),
            secret_hint=_hint(connector, checked_secrets),
            webhook_key=secrets.token_urlsafe(32),
        )
        actor.audit(
            "channel.created", "channel", connection.pk,
            kind=connection.kind, name=connection.name, enabled=enabled,
            team_id=team.pk if team else None,
        )  # fmt: skip
        if enabled:
            _queue_registration(connection)
    return connection


def check_update_connection(
    actor: Actor, connection: ChannelConnection, changes: ConnectionChanges
) -> ChannelConnection:
    """Change what ``changes`` names; turning a connection on, or new credentials,
    registers its webhook again."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, connection)
    connector = _connector(connection.kind)
    updated: list[str] = []
    reregister = False
    if "name" in changes:
        connection.name = _name(changes["name"], default=connection.name)
        updated.append("name")
    if "team_id" in changes:
        team = _team(actor, changes["team_id"])
        connection.team = team
        updated.append("team")
    if "settings" in changes or "secrets" in changes:
        current = decrypt_secrets(connection.secrets)
        given = {key: value for key, value in changes.get("secrets", {}).items() if value}
        new_settings, new_secrets = connector.check_settings(
            changes.get("settings", connection.settings), {**current, **given}
        )
        reregister = new_settings != connection.settings or new_secrets != current
        connection.settings = new_settings
        connection.secrets = encrypt_secrets(new_secrets)
        connection.secret_hint = _hint(connector, new_secrets)
        updated += ["settings", "secrets", "secret_hint"]
    if "enabled" in changes and changes["enabled"] != connection.enabled:
        connection.enabled = changes["enabled"]
        reregister = reregister or connection.enabled
        updated.append("enabled")
    if not updated:
        return connection
    with transaction.atomic():
        connection.save(update_fields=[*updated, "updated_at"])
        actor.audit(
            "channel.updated", "channel", connection.pk,
            fields=sorted(set(updated) - {"secret_hint"}), enabled=connection.enabled,
        )  # fmt: skip
        if reregister and connection.enabled:
            _queue_registration(connection)
    return connection


def check_delete_connection(actor: Actor, connection: ChannelConnection) -> None:
    """Remove the connection with its stored events; the conversations stay."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, connection)
    with transaction.atomic():
        actor.audit(
            "channel.deleted", "channel", connection.pk, kind=connection.kind, name=connection.name
        )
        connection.delete()


def check_register_webhook(actor: Actor, connection: ChannelConnection) -> None:
    """Ask the worker to tell the platform the webhook URL again (a button in the UI)."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, connection)
    if not connection.enabled:
        raise ValidationFailed(_("Turn the channel on first."))
    with transaction.atomic():
        ChannelConnection.objects.filter(pk=connection.pk).update(
            webhook_error="", webhook_registered_at=None
        )
        actor.audit("channel.webhook_requested", "channel", connection.pk)
        _queue_registration(connection)


def do_record_webhook_registration(connection: ChannelConnection, *, error: str = "") -> None:
    """What the platform answered to the registration: its reason when it refused."""
    ChannelConnection.objects.filter(pk=connection.pk).update(
        webhook_registered_at=None if error else timezone.now(), webhook_error=error[:500]
    )


def check_retry_event(actor: Actor, event: InboundEvent) -> InboundEvent:
    """Give a dead event to the worker again, with a fresh count of attempts."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, event)
    from storedesk.connectors.tasks import process_inbound_event

    with transaction.atomic():
        retried = InboundEvent.objects.filter(pk=event.pk, status=EventStatus.DEAD).update(
            status=EventStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        if retried:
            actor.audit("channel_event.retried", "channel_event", event.pk)
            # The task row commits with the event's new state, or neither does.
            process_inbound_event.enqueue(event_id=event.pk)
    event.refresh_from_db()
    return event


def _queue_registration(connection: ChannelConnection) -> None:
    from storedesk.connectors.tasks import register_webhook

    register_webhook.enqueue(connection_id=connection.pk)


def _connector(kind: str) -> Connector:
    connector = get_connector(kind)
    if connector is None:
        raise FieldsInvalid(
            [FieldError("kind", _("This kind of channel cannot be connected yet."), "unknown")]
        )
    return connector


def _team(actor: Actor, team_id: int | None) -> Team | None:
    if team_id is None:
        return None
    team = Team.objects.filter(store=actor.store, pk=team_id).first()
    if team is None:
        raise FieldsInvalid([FieldError("team_id", _("No such team in this store."), "not_found")])
    return team


def _name(name: str, *, default: str) -> str:
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise FieldsInvalid(
            [
                FieldError(
                    "name", _("A name may have at most %(limit)s characters.") % {"limit": MAX_NAME}
                )
            ]
        )
    return name or default


def _hint(connector: Connector, values: Mapping[str, str]) -> str:
    main = values.get(connector.secret_fields()[0], "")
    return main[-4:] if len(main) >= 12 else ""
