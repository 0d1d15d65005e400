"""REST API of the channels: a store's connections to messaging platforms.

Credentials are write-only: a response shows only their last characters (``secret_hint``)
and the webhook URL to give the platform.
"""

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from storedesk.accounts.auth import request_actor
from storedesk.connectors.actions import (
    ConnectionChanges,
    check_create_connection,
    check_delete_connection,
    check_update_connection,
)
from storedesk.connectors.models import ChannelConnection
from storedesk.connectors.selectors import access_connection, list_connections, webhook_url
from storedesk.core.api import (
    ERROR_STATUSES,
    ErrorResponse,
    Flag,
    InputSchema,
    ObjectId,
    PageQuery,
    Text,
    provided_fields,
)
from storedesk.core.pagination import paginate

router = Router()

SettingValue = Annotated[str, Text(500)]
SecretValue = Annotated[str, Text(500)]
Name = Annotated[str, Text(60, min_length=1)]


class ChannelIn(InputSchema):
    kind: Annotated[str, Text(16, min_length=1)] = Field(description="The channel: telegram.")
    name: Annotated[str, Text(120)] = ""
    enabled: Flag = True
    team_id: ObjectId | None = Field(
        None, description="The team new conversations go to; none follows the channel's route."
    )
    settings: dict[Name, SettingValue] = Field(
        default_factory=dict,
        max_length=20,
        description="What may be shown, such as api_base_url (a self-hosted Bot API server).",
    )
    secrets: dict[Name, SecretValue] = Field(
        max_length=20,
        description="Credentials, such as Telegram's bot_token. Never returned.",
    )


class ChannelPatch(InputSchema):
    name: Annotated[str, Text(120)] | None = None
    enabled: Flag | None = None
    team_id: ObjectId | None = None
    settings: dict[Name, SettingValue] | None = Field(None, max_length=20)
    secrets: dict[Name, SecretValue] | None = Field(
        None, max_length=20, description="Only the credentials given are replaced."
    )


class ChannelOut(Schema):
    id: int
    kind: str
    name: str
    enabled: bool
    team_id: int | None
    settings: dict[str, object]
    secret_hint: str = Field(description="The main credential's last characters: …a1b2.")
    webhook_url: str
    webhook_registered_at: datetime | None
    webhook_error: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_webhook_url(obj: ChannelConnection) -> str:
        return webhook_url(obj)

    @staticmethod
    def resolve_secret_hint(obj: ChannelConnection) -> str:
        return f"…{obj.secret_hint}" if obj.secret_hint else ""


class ChannelPage(Schema):
    items: list[ChannelOut]
    next_cursor: str | None


@router.get("", response={200: ChannelPage, ERROR_STATUSES: ErrorResponse})
def list_channels(request: HttpRequest, query: Query[PageQuery]) -> dict[str, object]:
    """The store's channel connections, oldest first."""
    connections = list_connections(request_actor(request))
    items, next_cursor = paginate(
        connections, ordering=("created_at", "id"), cursor=query.cursor, limit=query.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post("", response={201: ChannelOut, ERROR_STATUSES: ErrorResponse})
def create_channel(request: HttpRequest, payload: ChannelIn) -> Status[ChannelConnection]:
    """Connect a platform account; the answer's ``webhook_url`` is registered with the
    platform by the worker (Telegram) or is to be pasted into the platform's settings."""
    actor = request_actor(request)
    connection = check_create_connection(
        actor,
        kind=payload.kind,
        name=payload.name,
        enabled=payload.enabled,
        team_id=payload.team_id,
        settings=dict(payload.settings),
        secrets_in=dict(payload.secrets),
    )
    return Status(201, access_connection(actor, connection.pk))


@router.get("/{channel_id}", response={200: ChannelOut, ERROR_STATUSES: ErrorResponse})
def get_channel(request: HttpRequest, channel_id: ObjectId) -> ChannelConnection:
    return access_connection(request_actor(request), channel_id)


@router.patch("/{channel_id}", response={200: ChannelOut, ERROR_STATUSES: ErrorResponse})
def update_channel(
    request: HttpRequest, channel_id: ObjectId, payload: ChannelPatch
) -> ChannelConnection:
    """Change the fields sent; ``team_id: null`` goes back to the channel's route."""
    actor = request_actor(request)
    connection = access_connection(actor, channel_id)
    changes = provided_fields(payload, ConnectionChanges, nullable=frozenset({"team_id"}))
    check_update_connection(actor, connection, changes)
    return access_connection(actor, channel_id)


@router.delete("/{channel_id}", response={204: None, ERROR_STATUSES: ErrorResponse})
def delete_channel(request: HttpRequest, channel_id: ObjectId) -> Status[None]:
    actor = request_actor(request)
    check_delete_connection(actor, access_connection(actor, channel_id))
    return Status(204, None)
