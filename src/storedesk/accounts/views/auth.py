"""Signing in and out."""

import math
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from storedesk.core.ratelimit import RateLimit, client_address, hit, peek


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
