"""Channel routing in the store's settings: a section of the settings page, and the page its
form is sent to (which shows the form again, with the error beside it, when it is refused)."""

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import list_teams
from storedesk.core.errors import StoredeskError, ValidationFailed
from storedesk.core.models import Store
from storedesk.inbox.routing import (
    ROUTABLE_CHANNELS,
    check_set_channel_routes,
    list_channel_routes,
)

FIELD_PREFIX = "route-"


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """Which team each channel's new conversations go to; editable with MANAGE_STORE."""
    return _section(actor, store)


def _section(
    actor: Actor,
    store: Store,
    *,
    typed: Mapping[str, str] | None = None,
    error: str = "",
) -> dict[str, Any]:
    routes = list_channel_routes(store)
    chosen = typed or {
        channel.value: str(routes[channel.value].pk) if channel.value in routes else ""
        for channel in ROUTABLE_CHANNELS
    }
    return {
        "rows": [
            (channel.value, routes.get(channel.value), chosen.get(channel.value, ""))
            for channel in ROUTABLE_CHANNELS
        ],
        "teams": list(list_teams(actor)),
        "routed": bool(routes),
        "can_edit": actor.can(Permission.MANAGE_STORE),
        "error": error,
    }


@require_http_methods(["GET", "POST"])
@store_view
def channel_routes(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_STORE)
    if request.method == "GET":
        return _render(request, actor, _section(actor, actor.store))
    typed = {
        channel.value: request.POST.get(FIELD_PREFIX + channel.value, "").strip()[:20]
        for channel in ROUTABLE_CHANNELS
    }
    try:
        team_ids = {channel: _team_id(value) for channel, value in typed.items()}
        check_set_channel_routes(actor, team_ids=team_ids)
    except StoredeskError as error:
        section = _section(actor, actor.store, typed=typed, error=error.message)
        return _render(request, actor, section, status=422)
    messages.success(request, _("Channel routing is saved."))
    return redirect(reverse("store-settings", args=[actor.store.slug]) + "#routing")


def _team_id(value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise ValidationFailed(_("Choose a team from the list."))
    return int(value)


def _render(
    request: HttpRequest, actor: Actor, section: Mapping[str, Any], *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "inbox/settings/routing.html",
        {"section": "settings", "routing": section},
        status=status,
    )
