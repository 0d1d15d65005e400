"""API authentication: a store's integration token, or a logged-in staff member's session."""

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.selectors import get_actor_for_token, get_actor_for_user

STORE_HEADER = "Storedesk-Store"


class TokenAuth(HttpBearer):
    """``Authorization: Bearer sd_<prefix>_<secret>``; the token decides the store."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        return get_actor_for_token(token)


class SessionActorAuth(APIKeyCookie):
    """The UI's session cookie (with CSRF on writes). A member of several stores names
    one in the ``Storedesk-Store`` header."""

    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        user = request.user
        if not isinstance(user, User) or not user.is_authenticated:
            return None
        return get_actor_for_user(user, store_slug=request.headers.get(STORE_HEADER))


def request_actor(request: HttpRequest) -> Actor:
    """The actor that ninja's authentication put on the request."""
    actor = request.auth  # type: ignore[attr-defined]
    assert isinstance(actor, Actor)
    return actor
