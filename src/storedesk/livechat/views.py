"""Settings → Chat widget: the embed snippet, identity secret, routing and greetings."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.selectors import list_teams
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.livechat.actions import (
    check_create_widget,
    check_rotate_identity_secret,
    check_update_widget,
)
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.selectors import access_widget


@store_view
def widget_settings(request: HttpRequest, actor: Actor) -> HttpResponse:
    widget = access_widget(actor)
    if request.method != "POST":
        return _render(request, actor, widget)
    if widget is None:
        raise NotFound(_("This store has no chat widget yet."))
    languages = _languages(actor)
    greeting = {code: request.POST.get(f"greeting-{code}", "") for code in languages}
    origins = request.POST.get("allowed_origins", "").split()
    try:
        check_update_widget(
            actor,
            widget,
            enabled=request.POST.get("enabled") == "on",
            team_id=_team_id(request.POST.get("team", "")),
            allowed_origins=origins,
            greeting=greeting,
            accent_color=request.POST.get("accent_color", "").strip(),
        )
    except ValidationFailed as error:
        # Shown again with what was typed, so nothing has to be typed twice.
        typed = {
            "enabled": request.POST.get("enabled") == "on",
            "team": request.POST.get("team", ""),
            "origins": "\n".join(origins),
            "greeting": greeting,
            "accent_color": request.POST.get("accent_color", ""),
        }
        widget.refresh_from_db()
        return _render(request, actor, widget, error=error.message, typed=typed, status=422)
    messages.success(request, _("The chat widget settings are saved."))
    return redirect("chat-widget-settings", store_slug=actor.store.slug)


@require_POST
@store_view
def create_widget(request: HttpRequest, actor: Actor) -> HttpResponse:
    check_create_widget(actor)
    messages.success(request, _("The chat widget is ready: add the snippet to your website."))
    return redirect("chat-widget-settings", store_slug=actor.store.slug)


@require_POST
@store_view
def rotate_identity_secret(request: HttpRequest, actor: Actor) -> HttpResponse:
    widget = access_widget(actor)
    if widget is None:
        raise NotFound(_("This store has no chat widget yet."))
    check_rotate_identity_secret(actor, widget)
    messages.success(
        request,
        _("A new identity secret is in place; update it on your shop's server now."),
    )
    return redirect("chat-widget-settings", store_slug=actor.store.slug)


def _render(
    request: HttpRequest,
    actor: Actor,
    widget: ChatWidget | None,
    *,
    error: str = "",
    typed: dict[str, object] | None = None,
    status: int = 200,
) -> HttpResponse:
    values: dict[str, object] = typed or (
        {
            "enabled": widget.enabled,
            "team": str(widget.team_id or ""),
            "origins": "\n".join(widget.allowed_origins),
            "greeting": widget.greeting,
            "accent_color": widget.accent_color,
        }
        if widget is not None
        else {}
    )
    greeting = values.get("greeting") or {}
    assert isinstance(greeting, dict)
    greetings = [(code, name, greeting.get(code, "")) for code, name in _languages(actor).items()]
    return render(
        request,
        "livechat/widget_settings.html",
        {
            "section": "settings",
            "widget": widget,
            "values": values,
            "teams": list_teams(actor),
            "greetings": greetings,
            "script_url": request.build_absolute_uri(static("livechat/widget.js")),
            "error": error,
        },
        status=status,
    )


def _languages(actor: Actor) -> dict[str, str]:
    names = dict(settings.LANGUAGES)
    codes = actor.store.languages or [actor.store.default_language]
    return {code: str(names.get(code, code)) for code in codes}


def _team_id(value: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError as error:
        raise ValidationFailed(_("Choose a team from the list.")) from error
