"""API authentication: a store's integration token, or a logged-in staff member's session."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.selectors import get_actor_for_token
from storedesk.accounts.selectors.two_factor import get_actor_for_session
from storedesk.core.ratelimit import RateLimit, RateLimited, client_address, hit, peek

STORE_HEADER = "Storedesk-Store"
AUTHORIZATION_HEADER = "Authorization"


def token_failure_limit() -> RateLimit:
    """Unknown or revoked tokens one address may send before it must wait."""
    return RateLimit(
        "api-token-failures",
        limit=settings.API_TOKEN_FAILURES_PER_ADDRESS,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


class TokenAuth(HttpBearer):
    """``Authorization: Bearer sd_<prefix>_<secret>``; the token decides the store."""

    def __call__(self, request: HttpRequest) -> Actor | None:
        # Replaces HttpBearer.__call__, which logs any other scheme's header in full (a
        # token sent as "Token sd_…", a visitor token, a Basic password): a credential must
        # never reach a log line, so another scheme is simply not this one.
        scheme, _separator, token = request.headers.get(AUTHORIZATION_HEADER, "").partition(" ")
        if scheme.lower() != self.openapi_scheme:
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        # Counted by address across every token, so guessing costs the same whichever
        # store's prefix is tried; while an address waits, even a right token is refused,
        # or the answer would tell a guess apart.
        rule = token_failure_limit()
        address = client_address(request)
        verdict = peek(rule, address)
        if not verdict.allowed:
            raise RateLimited(
                _("Too many invalid API tokens from this address; try again later."),
                retry_after=verdict.retry_after,
            )
        actor = get_actor_for_token(token)
        if actor is None:
            hit(rule, address)
        return actor


class SessionActorAuth(APIKeyCookie):
    """The UI's session cookie (with CSRF on writes). A member of several stores names
    one in the ``Storedesk-Store`` header. A store that requires two-factor answers a
    member without it with 403 ``two_factor_required``."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        # Only a logged-in session is checked for its CSRF token. A request without one, or
        # one that brings its own credentials in the Authorization header, is judged by
        # those alone: a missing or revoked token is a 401, never a 403 "CSRF check failed".
        user = getattr(request, "user", None)
        if (
            AUTHORIZATION_HEADER in request.headers
            or not isinstance(user, User)
            or not user.is_authenticated
        ):
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        user = request.user
        if key is None or not isinstance(user, User) or not user.is_authenticated:
            return None
        return get_actor_for_session(user, store_slug=request.headers.get(STORE_HEADER))


def request_actor(request: HttpRequest) -> Actor:
    """The actor that ninja's authentication put on the request."""
    actor = request.auth  # type: ignore[attr-defined]
    assert isinstance(actor, Actor)
    return actor
