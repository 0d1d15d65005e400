"""Signing in and out: the password, then, for a member who set it up, a code from their
authenticator app or a recovery code; and choosing a new password through an emailed link."""

import math
import time
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from storedesk.accounts.actions.passwords import check_request_password_reset, do_reset_password
from storedesk.accounts.actions.two_factor import (
    InvalidCode,
    TwoFactorMethod,
    check_sign_in_code,
    login_failure_limit,
)
from storedesk.accounts.models import User
from storedesk.accounts.selectors.stores import any_store_exists
from storedesk.accounts.selectors.two_factor import count_unused_recovery_codes, has_two_factor
from storedesk.core.ratelimit import RateLimited, client_address, hit, peek

# Between a right password and the code: what the second step needs, in the session.
PENDING_SIGN_IN = "sign_in_pending"
# Long enough to find the phone and read a code; the password is asked again after it.
PENDING_SECONDS = 5 * 60


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # A fresh install has nobody to sign in yet: its first store is made first.
        if not any_store_exists():
            return redirect("setup")
        return super().get(request, *args, **kwargs)

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

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if not isinstance(user, User) or not has_two_factor(user):
            return super().form_valid(form)
        # The password was right, but the member is not signed in until the code is too.
        # A new session key, so that a session id planted before cannot take the next step.
        self.request.session.cycle_key()
        self.request.session[PENDING_SIGN_IN] = {
            "user": user.pk,
            "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
            # A password changed meanwhile ends the pending sign-in, as it ends sessions.
            "hash": user.get_session_auth_hash(),
            "since": time.time(),
            "next": self.get_success_url(),
        }
        return redirect("login-verify")

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        hit(login_failure_limit(), client_address(self.request))
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    pass


def _pending_sign_in(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    """The member whose password was right a moment ago, and the rest of the pending state;
    None (and the state forgotten) once it is stale or no longer fits the account."""
    pending = request.session.get(PENDING_SIGN_IN)
    if not isinstance(pending, dict) or not isinstance(pending.get("user"), int):
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    if (
        user is None
        or time.time() - float(pending.get("since", 0)) > PENDING_SECONDS
        or not constant_time_compare(user.get_session_auth_hash(), str(pending.get("hash")))
        or not has_two_factor(user)
    ):
        del request.session[PENDING_SIGN_IN]
        return None
    return user, pending


def _safe_next(request: HttpRequest, target: object) -> str:
    if isinstance(target, str) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: the code from the authenticator app, or a recovery
    code. A wrong one counts as a failed sign-in, for the account's lockout and for the
    address's limit, as a wrong password does."""
    found = _pending_sign_in(request)
    if found is None:
        messages.error(
            request, _("Your sign-in took too long. Please enter your email and password again.")
        )
        return redirect("login")
    user, pending = found
    if request.method != "POST":
        return render(request, "accounts/login_verify.html", {"pending_user": user})
    if "cancel" in request.POST:
        del request.session[PENDING_SIGN_IN]
        return redirect("login")
    credentials = {settings.AXES_USERNAME_FORM_FIELD: user.email}
    if not AxesProxyHandler.is_allowed(request, credentials):
        del request.session[PENDING_SIGN_IN]
        lockout: HttpResponse = get_lockout_response(request, None, credentials)
        return lockout
    try:
        method = check_sign_in_code(
            user, code=request.POST.get("code", ""), address=client_address(request)
        )
    except RateLimited as error:
        response = render(
            request,
            "accounts/login_verify.html",
            {"pending_user": user, "error": error.message},
            status=429,
        )
        response["Retry-After"] = str(error.retry_after)
        return response
    except InvalidCode as error:
        # Axes counts it against the account and address, and locks them out at its limit
        # (its middleware then answers with the lockout page).
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return render(
            request, "accounts/login_verify.html", {"pending_user": user, "error": error.message}
        )
    del request.session[PENDING_SIGN_IN]
    login(request, user, backend=str(pending["backend"]))
    if method == TwoFactorMethod.RECOVERY_CODE:
        left = count_unused_recovery_codes(user)
        messages.warning(
            request,
            ngettext(
                "You signed in with a recovery code; %(count)d is left. If you lost your "
                "phone, set up two-factor again on your security page.",
                "You signed in with a recovery code; %(count)d are left. If you lost your "
                "phone, set up two-factor again on your security page.",
                left,
            )
            % {"count": left},
        )
    return redirect(_safe_next(request, pending.get("next")))


# Password reset -------------------------------------------------------------------------


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"), max_length=254)


@csrf_protect
@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    """Ask for a link to choose a new password. The answer is the same whether or not the
    address belongs to a member of staff."""
    form = PasswordResetRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            check_request_password_reset(
                form.cleaned_data["email"], address=client_address(request)
            )
        except RateLimited as error:
            response = render(
                request,
                "accounts/password_reset.html",
                {"form": form, "throttled": error.message},
                status=429,
            )
            response["Retry-After"] = str(error.retry_after)
            return response
        return redirect("password-reset-sent")
    return render(request, "accounts/password_reset.html", {"form": form})


def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password_reset_sent.html")


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The page an emailed (or printed) link opens: choose a password, then sign in with it,
    through the two-factor step for a member who has it. A link works once."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        # Someone who may no longer sign in has no use for a new password.
        return user if isinstance(user, User) and user.is_active else None

    def form_valid(self, form: "SetPasswordForm[User]") -> HttpResponse:
        do_reset_password(form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("Your new password is set. Sign in with it now."))
        return HttpResponseRedirect(self.get_success_url())
