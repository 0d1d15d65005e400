"""A member's own sign-in security page (``/account/security/``): two-factor authentication
with an authenticator app, recovery codes, and, for owners, each store's requirement."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from storedesk.accounts.actions.two_factor import (
    check_confirm_two_factor,
    check_disable_two_factor,
    check_regenerate_recovery_codes,
    check_set_store_two_factor_required,
    do_begin_two_factor,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import TwoFactorDevice, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors.two_factor import (
    count_unused_recovery_codes,
    get_actor_for_session,
    get_two_factor_device,
    has_two_factor,
    list_owned_memberships,
    list_stores_requiring_two_factor,
    provisioning_uri,
)
from storedesk.core.errors import Conflict, NotFound, StoredeskError
from storedesk.core.models import Store
from storedesk.core.ratelimit import client_address

# Recovery codes just made, kept in the session from the POST that made them to the one page
# that shows them; read once, then gone.
NEW_RECOVERY_CODES = "new_recovery_codes"


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """This part's section of the store's settings page, or None to leave it out."""
    if actor.user is None:
        return None
    return {
        "required": store.require_two_factor,
        "enabled": has_two_factor(actor.user),
        "is_owner": actor.role == Role.OWNER,
    }


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _next(request: HttpRequest) -> str:
    """Where to go once two-factor is set up: a page of this site, or nowhere."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _back(request: HttpRequest) -> HttpResponse:
    """Post, redirect, get: back to the security page, keeping where to go afterwards."""
    target = reverse("account-security")
    if next_page := _next(request):
        target += "?" + urlencode({"next": next_page})
    return redirect(target)


def _qr_code(device: TwoFactorDevice) -> SafeString:
    svg = segno.make(provisioning_uri(device), error="m").svg_inline(
        scale=5, dark="#000", light="#fff", border=4
    )
    # segno writes the SVG from the secret alone: nothing typed by anyone reaches it.
    return mark_safe(svg)  # noqa: S308


def _grouped(secret: str) -> str:
    """The key in groups of four, as people type it from one screen into another."""
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


@never_cache
@login_required
@require_GET
def security(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    device = get_two_factor_device(user)
    enabled = device is not None and device.confirmed_at is not None
    setting_up = device if device is not None and not enabled else None
    codes = request.session.pop(NEW_RECOVERY_CODES, None)
    new_codes = [str(code) for code in codes] if isinstance(codes, list) else []
    return render(
        request,
        "accounts/two_factor/security.html",
        {
            "enabled": enabled,
            "device": device,
            "setting_up": setting_up,
            "qr_code": _qr_code(setting_up) if setting_up is not None else "",
            "key": _grouped(setting_up.secret) if setting_up is not None else "",
            "new_codes": new_codes,
            "new_codes_text": "\r\n".join(new_codes),
            "codes_left": count_unused_recovery_codes(user) if enabled else 0,
            "requiring": list_stores_requiring_two_factor(user),
            "owned": list_owned_memberships(user),
            "next": _next(request),
        },
    )


@login_required
@require_POST
def begin(request: HttpRequest) -> HttpResponse:
    try:
        do_begin_two_factor(_user(request))
    except Conflict as error:
        messages.info(request, error.message)
    return _back(request)


@sensitive_post_parameters("code")
@login_required
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    try:
        codes = check_confirm_two_factor(
            _user(request), code=request.POST.get("code", ""), address=client_address(request)
        )
    except Conflict:
        # A second submit of the same form: the first turned it on, and its codes wait in
        # the session for the page this redirects to.
        return _back(request)
    except StoredeskError as error:
        messages.error(request, error.message)
        return _back(request)
    request.session[NEW_RECOVERY_CODES] = codes
    messages.success(request, _("Two-factor authentication is on."))
    return _back(request)


@login_required
@require_POST
def regenerate_recovery_codes(request: HttpRequest) -> HttpResponse:
    try:
        request.session[NEW_RECOVERY_CODES] = check_regenerate_recovery_codes(_user(request))
    except StoredeskError as error:
        messages.error(request, error.message)
    return _back(request)


@sensitive_post_parameters("code", "password")
@login_required
@require_POST
def disable(request: HttpRequest) -> HttpResponse:
    try:
        check_disable_two_factor(
            _user(request),
            code=request.POST.get("code", "").strip(),
            password=request.POST.get("password", ""),
            address=client_address(request),
        )
    except Conflict:
        return _back(request)
    except StoredeskError as error:
        messages.error(request, error.message)
        return _back(request)
    messages.success(request, _("Two-factor authentication is off."))
    return _back(request)


@login_required
@require_POST
def store_requirement(request: HttpRequest, store_slug: str) -> HttpResponse:
    choice = request.POST.get("required")
    if choice not in {"0", "1"}:
        return HttpResponseBadRequest(_("Choose whether two-factor authentication is required."))
    try:
        actor = get_actor_for_session(_user(request), store_slug=store_slug)
    except NotFound as error:
        raise Http404(error.message) from error
    except StoredeskError as error:
        messages.error(request, error.message)
        return _back(request)
    try:
        store = check_set_store_two_factor_required(actor, required=choice == "1")
    except StoredeskError as error:
        messages.error(request, error.message)
        return _back(request)
    if store.require_two_factor:
        message = _("%(store)s now requires two-factor authentication of every member.")
    else:
        message = _("%(store)s no longer requires two-factor authentication.")
    messages.success(request, message % {"store": store.name})
    return _back(request)
