"""Reads of the connectors: a store's connections, their webhook URLs, the dead letters,
and whether a conversation's replies have a way out."""

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.connectors.models import ChannelConnection, EventStatus, InboundEvent
from storedesk.connectors.registry import get_connector
from storedesk.core.errors import NotFound
from storedesk.core.models import Store
from storedesk.inbox.models import Channel, Conversation

# How many dead letters the settings page shows.
DEAD_LETTERS_SHOWN = 50


def webhook_url(connection: ChannelConnection) -> str:
    """The address to give the platform: absolute, from ``STOREDESK_URL``."""
    path = reverse(
        "connector-webhook", kwargs={"kind": connection.kind, "key": connection.webhook_key}
    )
    return f"{settings.STOREDESK_URL}{path}"


def list_connections(actor: Actor) -> QuerySet[ChannelConnection]:
    actor.require(Permission.MANAGE_STORE)
    return ChannelConnection.objects.filter(store=actor.store).select_related("team")


def access_connection(actor: Actor, connection_id: int) -> ChannelConnection:
    """The store's connection, for those who manage the store; any other is not found."""
    actor.require(Permission.MANAGE_STORE)
    connection = (
        ChannelConnection.objects.filter(store=actor.store, pk=connection_id)
        .select_related("team")
        .first()
    )
    if connection is None:
        raise NotFound(_("No such channel in this store."), details={"id": connection_id})
    return connection


def find_webhook_connection(kind: str, key: str) -> ChannelConnection | None:
    """The enabled connection a webhook URL names, or None."""
    if get_connector(kind) is None:
        return None
    return (
        ChannelConnection.objects.filter(kind=kind, webhook_key=key, enabled=True)
        .select_related("store")
        .first()
    )


def list_dead_events(actor: Actor, *, limit: int = DEAD_LETTERS_SHOWN) -> list[InboundEvent]:
    """Events that failed too often, newest first, without their bodies."""
    actor.require(Permission.MANAGE_STORE)
    return list(
        InboundEvent.objects.filter(store=actor.store, status=EventStatus.DEAD)
        .select_related("connection")
        .defer("body")
        .order_by("-received_at", "-id")[:limit]
    )


def access_event(actor: Actor, event_id: int) -> InboundEvent:
    actor.require(Permission.MANAGE_STORE)
    event = (
        InboundEvent.objects.filter(store=actor.store, pk=event_id)
        .select_related("connection")
        .first()
    )
    if event is None:
        raise NotFound(_("No such event in this store."), details={"id": event_id})
    return event


def get_sending_connection(store: Store, conversation: Conversation) -> ChannelConnection | None:
    """The enabled connection that answers ``conversation``: the one its customer last wrote
    through, else the store's first enabled one of the channel."""
    if get_connector(conversation.channel) is None:
        return None
    connections = ChannelConnection.objects.filter(
        store=store, kind=conversation.channel, enabled=True
    )
    last = (
        InboundEvent.objects.filter(
            store=store,
            message__conversation=conversation,
            connection__enabled=True,
        )
        .order_by("-received_at", "-id")
        .values_list("connection_id", flat=True)
        .first()
    )
    if last is not None:
        found = connections.filter(pk=last).first()
        if found is not None:
            return found
    return connections.order_by("created_at", "id").first()


def has_working_connector(store: Store, channel: str) -> bool:
    """Whether replies on ``channel`` have a way to reach the customer."""
    if channel == Channel.CHAT:
        return True
    if get_connector(channel) is None:
        return False
    return ChannelConnection.objects.filter(store=store, kind=channel, enabled=True).exists()
