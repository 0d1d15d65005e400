"""The connectors' pages: the webhook every platform calls, and the Channels section of the
store's settings (connections, their webhook URLs, dead letters with a retry)."""

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import list_teams
from storedesk.connectors.actions import (
    check_create_connection,
    check_delete_connection,
    check_register_webhook,
    check_retry_event,
    check_update_connection,
)
from storedesk.connectors.intake import receive_webhook
from storedesk.connectors.registry import WebhookRequest, connectable_channels, get_connector
from storedesk.connectors.selectors import (
    access_connection,
    access_event,
    find_webhook_connection,
    has_working_connector,
    list_connections,
    list_dead_events,
    webhook_url,
)
from storedesk.core.errors import FieldsInvalid, StoredeskError
from storedesk.core.models import Store
from storedesk.core.ratelimit import client_address
from storedesk.inbox.models import Channel, Conversation

# The webhook ------------------------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Where a platform delivers its events. No session, no CSRF: the connector verifies the
    platform's signature or secret token instead."""
    connector = get_connector(kind)
    if request.method == "GET":
        connection = find_webhook_connection(kind, key)
        if connection is None or connector is None:
            return _answer(404, "not_found")
        return connector.handshake(connection, _webhook_request(request, body=b""))
    limit = connector.max_body_bytes if connector is not None else 0
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if connector is not None and declared.isdigit() and int(declared) > limit:
        # Refused before the body is read into memory.
        return _answer(413, "payload_too_large")
    body = request.read(limit + 1) if connector is not None else b""
    acknowledgement = receive_webhook(
        kind, key, _webhook_request(request, body=body), remote_address=client_address(request)
    )
    return _answer(acknowledgement.status, acknowledgement.code)


def _webhook_request(request: HttpRequest, *, body: bytes) -> WebhookRequest:
    return WebhookRequest(
        method=request.method or "POST",
        body=body,
        headers={name.lower(): value for name, value in request.headers.items()},
        query={name: request.GET.get(name, "") for name in request.GET},
    )


def _answer(status: int, code: str) -> JsonResponse:
    return JsonResponse({"ok": status == 200, "code": code}, status=status)


# The settings section ---------------------------------------------------------------------


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """The store's channels and dead letters, for those who manage the store."""
    if not actor.can(Permission.MANAGE_STORE):
        return None
    return _section(actor)


def _section(
    actor: Actor, *, typed: Mapping[str, str] | None = None, errors: Mapping[str, str] | None = None
) -> dict[str, Any]:
    return {
        "connections": [
            (connection, webhook_url(connection)) for connection in list_connections(actor)
        ],
        "kinds": [(c.channel.value, c.label) for c in connectable_channels()],
        "teams": list(list_teams(actor).prefetch_related(None)),
        "dead_events": list_dead_events(actor),
        "typed": typed or {},
        "errors": errors or {},
    }


def _settings_url(actor: Actor) -> str:
    return reverse("store-settings", args=[actor.store.slug]) + "#channels"


@require_http_methods(["GET", "POST"])
@store_view
def add_channel(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_STORE)
    if request.method == "GET":
        return _render_add(request, actor, _section(actor))
    typed = {
        name: request.POST.get(name, "").strip()[:300]
        for name in ("kind", "name", "bot_token", "api_base_url", "team_id")
    }
    team = typed["team_id"]
    try:
        connection = check_create_connection(
            actor,
            kind=typed["kind"],
            name=typed["name"],
            secrets_in={"bot_token": typed["bot_token"]},
            settings={"api_base_url": typed["api_base_url"]} if typed["api_base_url"] else {},
            team_id=int(team) if team.isdigit() else None,
        )
    except FieldsInvalid as error:
        typed.pop("bot_token")
        return _render_add(request, actor, _section(actor, typed=typed, errors=error.fields), 422)
    except StoredeskError as error:
        typed.pop("bot_token")
        section = _section(actor, typed=typed, errors={"form": error.message})
        return _render_add(request, actor, section, 422)
    messages.success(
        request,
        _("%(name)s is connected; its webhook is being registered.") % {"name": connection.name},
    )
    return redirect(_settings_url(actor))


def _render_add(
    request: HttpRequest, actor: Actor, section: Mapping[str, Any], status: int = 200
) -> HttpResponse:
    return render(
        request,
        "connectors/add_channel.html",
        {"section": "settings", "channels": section},
        status=status,
    )


@require_POST
@store_view
def toggle_channel(request: HttpRequest, actor: Actor, connection_id: int) -> HttpResponse:
    connection = access_connection(actor, connection_id)
    enabled = request.POST.get("enabled") == "on"
    check_update_connection(actor, connection, {"enabled": enabled})
    messages.success(
        request,
        (_("%(name)s is on.") if enabled else _("%(name)s is off.")) % {"name": connection.name},
    )
    return redirect(_settings_url(actor))


@require_POST
@store_view
def register_channel_webhook(
    request: HttpRequest, actor: Actor, connection_id: int
) -> HttpResponse:
    connection = access_connection(actor, connection_id)
    try:
        check_register_webhook(actor, connection)
    except StoredeskError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The webhook is being registered again."))
    return redirect(_settings_url(actor))


@require_POST
@store_view
def delete_channel(request: HttpRequest, actor: Actor, connection_id: int) -> HttpResponse:
    connection = access_connection(actor, connection_id)
    check_delete_connection(actor, connection)
    messages.success(request, _("%(name)s is removed.") % {"name": connection.name})
    return redirect(_settings_url(actor))


@require_POST
@store_view
def retry_event(request: HttpRequest, actor: Actor, event_id: int) -> HttpResponse:
    event = access_event(actor, event_id)
    check_retry_event(actor, event)
    messages.success(request, _("The event is queued to be processed again."))
    return redirect(_settings_url(actor))


# The composer's notice -------------------------------------------------------------------


def composer_notice(actor: Actor, conversation: Conversation) -> Mapping[str, Any] | None:
    """Said in the composer when a reply on this channel has no way to reach the customer."""
    if conversation.channel == Channel.CHAT or has_working_connector(
        actor.store, conversation.channel
    ):
        return None
    return {
        "channel": conversation.channel,
        "connectable": get_connector(conversation.channel) is not None,
        "can_manage": actor.can(Permission.MANAGE_STORE),
    }
