"""Reads of sign-in security: a member's authenticator app and recovery codes, and the one
place that decides whether a signed-in member may work in a store that requires two-factor
authentication (the pages, the session API and the agent socket all ask it)."""

import pyotp
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, RecoveryCode, TwoFactorDevice, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_user, list_memberships
from storedesk.core.errors import PermissionDenied
from storedesk.core.models import Store

# The name authenticator apps show above the codes, before the member's email address.
TOTP_ISSUER = "Storedesk"


class TwoFactorRequired(PermissionDenied):
    """The store requires two-factor authentication and the member has not set it up."""

    code = "two_factor_required"


def get_two_factor_device(user: User) -> TwoFactorDevice | None:
    """The member's authenticator app, confirmed or still being set up; None without one."""
    return TwoFactorDevice.objects.filter(user=user).first()


def has_two_factor(user: User) -> bool:
    """Whether signing in as ``user`` asks for a second factor."""
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def count_unused_recovery_codes(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def provisioning_uri(device: TwoFactorDevice) -> str:
    """The ``otpauth://`` address an authenticator app reads from the QR code."""
    return pyotp.TOTP(device.secret).provisioning_uri(
        name=device.user.email, issuer_name=TOTP_ISSUER
    )


def list_stores_requiring_two_factor(user: User) -> list[Store]:
    """The stores ``user`` works in that require every member to use two-factor."""
    return [
        membership.store
        for membership in list_memberships(user).filter(store__require_two_factor=True)
    ]


def list_owned_memberships(user: User) -> QuerySet[Membership]:
    """The memberships in which ``user`` is an owner, who decides the store's requirement."""
    return list_memberships(user).filter(role=Role.OWNER.value)


def _require_two_factor(actor: Actor) -> None:
    """Refuse a member without two-factor in a store that requires it. An integration's
    token is not a person signing in, and is never refused here."""
    user = actor.user
    if user is None or not actor.store.require_two_factor or has_two_factor(user):
        return
    raise TwoFactorRequired(
        _(
            "%(store)s requires two-factor authentication. Set it up on your security page "
            "to continue."
        )
        % {"store": actor.store.name}
    )


def get_actor_for_session(user: User, *, store_slug: str | None) -> Actor:
    """``get_actor_for_user`` for a signed-in member of staff (a page, the session API, the
    agent socket): a store that requires two-factor refuses a member without it."""
    actor = get_actor_for_user(user, store_slug=store_slug)
    _require_two_factor(actor)
    return actor
