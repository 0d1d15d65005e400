"""The store's settings page, its API tokens and a member's own preferences."""

from zoneinfo import available_timezones

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from storedesk.accounts.actions.staff import do_update_preferences
from storedesk.accounts.actions.tokens import check_create_api_token, check_revoke_api_token
from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import list_api_tokens
from storedesk.accounts.settings_page import settings_sections
from storedesk.core.errors import StoredeskError

COMMON_ZONES = sorted(
    zone for zone in available_timezones() if zone.startswith(("Europe/", "America/", "Asia/"))
)


@store_view
def store_settings(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _render_settings(request, actor)


def _render_settings(request: HttpRequest, actor: Actor, *, new_token: str = "") -> HttpResponse:
    response = render(
        request,
        "accounts/store_settings.html",
        {
            "section": "settings",
            "sections": settings_sections.gather(actor, actor.store),
            "tokens": list_api_tokens(actor) if actor.can(Permission.MANAGE_STORE) else None,
            "cards": _linked_cards(actor),
            "new_token": new_token,
            "languages": settings.LANGUAGES,
            "common_zones": COMMON_ZONES,
            "now": timezone.now(),
        },
    )
    if new_token:
        # The raw token is on this page once: keep it out of every cache.
        add_never_cache_headers(response)
    return response


def _linked_cards(actor: Actor) -> dict[str, bool]:
    """Which cards that link to another app's page to show: each only to those the page
    opens for (the permission its view requires), so no link on the page ends in a 403."""
    return {
        "canned_replies": actor.can(Permission.VIEW_CONVERSATIONS),
        "chat_widget": actor.can(Permission.MANAGE_STORE),
        "policies": actor.can(Permission.VIEW_ORDERS),
        "help_center_settings": actor.can(Permission.PUBLISH_HELP_CENTER),
    }


@require_POST
@store_view
def create_api_token(request: HttpRequest, actor: Actor) -> HttpResponse:
    name = request.POST.get("name", "").strip()
    if not name or len(name) > 120:
        messages.error(request, _("Give the token a name of up to 120 characters."))
        return redirect("store-settings", store_slug=actor.store.slug)
    _token, raw = check_create_api_token(actor, name=name)
    return _render_settings(request, actor, new_token=raw)


@require_POST
@store_view
def revoke_api_token(request: HttpRequest, actor: Actor, token_id: int) -> HttpResponse:
    token = check_revoke_api_token(actor, token_id)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("store-settings", store_slug=actor.store.slug)


@require_POST
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    try:
        do_update_preferences(
            request.user,
            language=request.POST.get("language", ""),
            timezone=request.POST.get("timezone", ""),
        )
    except StoredeskError as error:
        messages.error(request, error.message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)
