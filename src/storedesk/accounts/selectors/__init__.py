import hashlib
import hmac
from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import ApiToken, Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import (
    INTEGRATION_PERMISSIONS,
    ROLE_PERMISSIONS,
    Permission,
    Role,
)
from storedesk.core.errors import NotFound

TOKEN_PREFIX = "sd"  # noqa: S105  (a public prefix, not a secret)
_LAST_USED_PRECISION = timedelta(minutes=5)


def hash_token_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def list_memberships(user: User) -> QuerySet[Membership]:
    """The stores ``user`` may work in: a deactivated membership no longer counts."""
    return (
        Membership.objects.filter(user=user, deactivated_at__isnull=True)
        .select_related("store")
        .order_by("store__name")
    )


def get_actor_for_user(user: User, *, store_slug: str | None) -> Actor:
    """The user's actor in the named store, or in their only store when none is named.

    A store the user does not belong to is reported as not found, never as forbidden,
    so that store slugs cannot be probed.
    """
    memberships = list_memberships(user)
    if store_slug is not None:
        memberships = memberships.filter(store__slug=store_slug)
    found = list(memberships[:2])
    if len(found) != 1:
        if store_slug is None and found:
            raise NotFound(
                "You belong to several stores: name one with the Storedesk-Store header."
            )
        raise NotFound("No such store.")
    membership = found[0]
    role = Role(membership.role)
    return Actor(store=membership.store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


def get_actor_for_token(raw_token: str) -> Actor | None:
    """The integration actor for a raw ``sd_<prefix>_<secret>`` token, or None."""
    parts = raw_token.split("_")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    _, prefix, secret = parts
    token = (
        ApiToken.objects.select_related("store")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, hash_token_secret(secret)):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > _LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return Actor(store=token.store, token=token, permissions=INTEGRATION_PERMISSIONS)


def list_teams(actor: Actor) -> QuerySet[Team]:
    return Team.objects.filter(store=actor.store).prefetch_related("members")


def list_api_tokens(actor: Actor) -> QuerySet[ApiToken]:
    actor.require(Permission.MANAGE_STORE)
    return ApiToken.objects.filter(store=actor.store).order_by("revoked_at", "-created_at")


def list_role_authorities(actor: Actor) -> QuerySet[RoleAuthority]:
    return RoleAuthority.objects.filter(store=actor.store).order_by("max_refund")
