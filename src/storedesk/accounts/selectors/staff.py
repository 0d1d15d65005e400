"""Reads of a store's staff: its members with their role, teams and status, and the
invitations still waiting for an answer."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Invitation, Membership, Team, User
from storedesk.accounts.permissions import Permission, Role
from storedesk.accounts.selectors import hash_token_secret
from storedesk.core.errors import NotFound
from storedesk.core.models import Store


@dataclass(frozen=True, slots=True)
class StaffMember:
    """One row of the staff list."""

    membership: Membership
    user: User
    role: Role
    # The names of the store's teams the member is in.
    teams: tuple[str, ...]
    active: bool
    last_sign_in: datetime | None


@dataclass(frozen=True, slots=True)
class PendingInvitation:
    """An invitation neither accepted nor revoked; ``expired`` once its link no longer works."""

    invitation: Invitation
    role: Role
    expired: bool


@dataclass(frozen=True, slots=True)
class StaffCounts:
    active_members: int
    pending_invitations: int


def list_staff(actor: Actor) -> list[StaffMember]:
    """Every member of the actor's store, active ones first, then by name."""
    actor.require(Permission.MANAGE_STAFF)
    memberships = (
        Membership.objects.filter(store=actor.store)
        .select_related("user")
        .order_by(F("deactivated_at").asc(nulls_first=True), "user__name", "user__email", "pk")
    )
    teams: dict[int, list[str]] = defaultdict(list)
    for user_id, name in (
        Team.members.through.objects.filter(team__store=actor.store)
        .order_by("team__name")
        .values_list("user_id", "team__name")
    ):
        teams[user_id].append(name)
    return [
        StaffMember(
            membership=membership,
            user=membership.user,
            role=Role(membership.role),
            teams=tuple(teams.get(membership.user_id, ())),
            active=membership.deactivated_at is None,
            last_sign_in=membership.user.last_login,
        )
        for membership in memberships
    ]


def list_pending_invitations(
    actor: Actor, *, now: datetime | None = None
) -> list[PendingInvitation]:
    """The store's invitations still open, newest first; an expired one is shown as such
    until it is resent or revoked."""
    actor.require(Permission.MANAGE_STAFF)
    now = now or timezone.now()
    invitations = Invitation.objects.filter(
        store=actor.store, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("invited_by")
    return [
        PendingInvitation(
            invitation=invitation,
            role=Role(invitation.role),
            expired=invitation.expires_at <= now,
        )
        for invitation in invitations
    ]


def count_staff(actor: Actor) -> StaffCounts:
    actor.require(Permission.MANAGE_STAFF)
    return StaffCounts(
        active_members=Membership.objects.filter(
            store=actor.store, deactivated_at__isnull=True
        ).count(),
        pending_invitations=Invitation.objects.filter(
            store=actor.store, accepted_at__isnull=True, revoked_at__isnull=True
        ).count(),
    )


def access_membership(actor: Actor, membership_id: int) -> Membership:
    """The actor's store's membership with this id; another store's is not found."""
    actor.require(Permission.MANAGE_STAFF)
    membership = (
        Membership.objects.filter(store=actor.store, pk=membership_id)
        .select_related("user", "store")
        .first()
    )
    if membership is None:
        raise NotFound(_("No such member of staff."), details={"membership_id": membership_id})
    return membership


def access_invitation(actor: Actor, invitation_id: int) -> Invitation:
    """The actor's store's invitation with this id; another store's is not found."""
    actor.require(Permission.MANAGE_STAFF)
    invitation = (
        Invitation.objects.filter(store=actor.store, pk=invitation_id)
        .select_related("store")
        .first()
    )
    if invitation is None:
        raise NotFound(_("No such invitation."), details={"invitation_id": invitation_id})
    return invitation


def get_own_membership(actor: Actor) -> Membership | None:
    """The acting member's own active membership of the store (None for a token)."""
    if actor.user is None:
        return None
    return (
        Membership.objects.filter(store=actor.store, user=actor.user, deactivated_at__isnull=True)
        .select_related("user", "store")
        .first()
    )


def get_invitation_by_token(token: str) -> Invitation | None:
    """The invitation whose link carries ``token``, in whatever state it is."""
    if not token:
        return None
    return (
        Invitation.objects.filter(token_hash=hash_token_secret(token))
        .select_related("store", "invited_by")
        .first()
    )


def get_user_by_email(email: str) -> User | None:
    return User.objects.filter(email=email.strip().lower()).first()


def count_active_owners(store: Store) -> int:
    return Membership.objects.filter(
        store=store, role=Role.OWNER.value, deactivated_at__isnull=True
    ).count()


def is_active_member(store_id: int, user_id: int) -> bool:
    """Whether the user still works in the store (a deactivated member does not)."""
    return Membership.objects.filter(
        store_id=store_id, user_id=user_id, deactivated_at__isnull=True
    ).exists()
