import math
from typing import Any
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from storedesk.accounts.actions import (
    check_create_api_token,
    check_revoke_api_token,
    do_update_preferences,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import (
    list_api_tokens,
    list_memberships,
    list_role_authorities,
    list_teams,
)
from storedesk.core.errors import StoredeskError
from storedesk.core.ratelimit import RateLimit, client_address, hit, peek

COMMON_ZONES = sorted(
    zone for zone in available_timezones() if zone.startswith(("Europe/", "America/", "Asia/"))
)


def login_failure_limit() -> RateLimit:
    """Failed sign-ins one address may make, whatever accounts it tries (password spraying
    goes round many accounts, so the per-account lockout alone never trips)."""
    return RateLimit(
        "login-failures",
        limit=settings.LOGIN_FAILURES_PER_ADDRESS,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        verdict = peek(login_failure_limit(), client_address(request))
        if verdict.allowed:
            return super().post(request, *args, **kwargs)
        # Refused before the password is even checked. An unbound form: a bound one would
        # authenticate when the page shows its errors.
        form = self.get_form_class()(request, initial={"username": request.POST.get("username")})
        minutes = math.ceil(verdict.retry_after / 60)
        message = ngettext(
            "Too many failed sign-ins from your network. Please try again in %(minutes)d minute.",
            "Too many failed sign-ins from your network. Please try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        response = self.render_to_response(
            self.get_context_data(form=form, throttled=message), status=429
        )
        response["Retry-After"] = str(verdict.retry_after)
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        hit(login_failure_limit(), client_address(self.request))
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight into the only store's inbox, or a choice between several."""
    assert isinstance(request.user, User)
    memberships = list(list_memberships(request.user))
    if len(memberships) == 1:
        return redirect("inbox", store_slug=memberships[0].store.slug)
    return render(request, "accounts/choose_store.html", {"memberships": memberships})


@store_view
def store_settings(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _render_settings(request, actor)


def _working_hours(hours: dict[str, list[list[str]]]) -> list[tuple[str, list[list[str]]]]:
    """Working hours as readable rows, consecutive days with the same hours run together:
    [("Mon–Fri", [["09:00", "17:00"]]), ("Sat", [["10:00", "14:00"]])]."""
    rows: list[tuple[int, int, list[list[str]]]] = []
    for day in sorted(hours, key=int):
        intervals = hours[day]
        if not intervals:
            continue
        number = int(day)
        if rows and rows[-1][1] == number - 1 and rows[-1][2] == intervals:
            rows[-1] = (rows[-1][0], number, intervals)
        else:
            rows.append((number, number, intervals))
    return [
        (
            str(WEEKDAYS_ABBR[first - 1])
            if first == last
            else f"{WEEKDAYS_ABBR[first - 1]}–{WEEKDAYS_ABBR[last - 1]}",
            intervals,
        )
        for first, last, intervals in rows
    ]


def _render_settings(request: HttpRequest, actor: Actor, *, new_token: str = "") -> HttpResponse:
    teams = [(team, _working_hours(team.working_hours)) for team in list_teams(actor)]
    response = render(
        request,
        "accounts/store_settings.html",
        {
            "section": "settings",
            "teams": teams,
            "authorities": list_role_authorities(actor),
            "tokens": list_api_tokens(actor) if actor.can(Permission.MANAGE_STORE) else None,
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
