"""Staff: inviting people by email, accepting an invitation, changing roles, deactivating and
reactivating members, leaving a store, and a member's own preferences.

The rules about owners, in one place (docs/staff.md):

- Only an owner invites an owner, makes someone owner, or changes, deactivates or reactivates
  an owner; an admin manages every other role but never their own.
- A store keeps at least one active owner: the last one cannot be demoted, deactivated or
  leave. The owners' rows are locked while this is checked, so two owners demoting each
  other at the same moment cannot leave the store without one.
- Nobody deactivates themselves; they leave the store, which any member may do.
"""

import logging
import secrets
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Invitation, Membership, Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Permission, Role
from storedesk.accounts.selectors import hash_token_secret
from storedesk.accounts.staff_events import MemberEvent
from storedesk.core.errors import (
    Conflict,
    FieldError,
    FieldsInvalid,
    NotFound,
    PermissionDenied,
    StoredeskError,
    ValidationFailed,
)
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.core.tenancy import check_in_store
from storedesk.core.validation import check_timezone

logger = logging.getLogger(__name__)

MAX_NAME_LENGTH = 200
MAX_EMAIL_LENGTH = 254
# A second mail within this time is a double click, not a lost mail: it would only kill the
# link of the mail that is on its way.
RESEND_INTERVAL = timedelta(minutes=1)


class AlreadyStaff(Conflict):
    code = "already_staff"


class AlreadyInvited(Conflict):
    """The address has an open invitation; ``details["invitation_id"]`` names it, to resend."""

    code = "already_invited"


class SignInRequired(Conflict):
    """The invited address has an account: its owner accepts by signing in, not by making a
    second account."""

    code = "sign_in_required"


GoneReason = Literal["expired", "revoked", "accepted"]


class InvitationGone(StoredeskError):
    """The invitation's link no longer works."""

    code = "invitation_gone"
    status = 410

    def __init__(self, message: str, *, reason: GoneReason) -> None:
        super().__init__(message, details={"reason": reason})
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SentInvitation:
    invitation: Invitation
    # The link with the raw token: mailed, and shown once to whoever sent it.
    link: str


@dataclass(frozen=True, slots=True)
class AcceptedInvitation:
    membership: Membership
    user: User
    created_user: bool


@dataclass(frozen=True, slots=True)
class MemberControls:
    """What the actor may do to one member, for showing only the buttons that work."""

    change_role: bool
    deactivate: bool
    reactivate: bool


# Rules -----------------------------------------------------------------------------------


def _acts_as_owner(actor: Actor) -> bool:
    """Owners, and Storedesk's own work (the system actor), may do anything with staff."""
    return actor.role == Role.OWNER or (actor.user is None and actor.token is None)


def _is_self(actor: Actor, membership: Membership) -> bool:
    return actor.user is not None and membership.user_id == actor.user.pk


def grantable_roles(actor: Actor) -> list[Role]:
    """The roles the actor may give, by invitation or by a change of role."""
    others = [Role.ADMIN, Role.AGENT, Role.VIEWER]
    return [Role.OWNER, *others] if _acts_as_owner(actor) else others


def _parse_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationFailed(
            _("A role is one of: %(roles)s.") % {"roles": ", ".join(r.value for r in Role)},
            details={"role": str(role)[:40]},
        ) from None


def _check_role_change(
    actor: Actor, membership: Membership, role: Role | None, *, active_owners: int
) -> None:
    """Refuse the change of ``membership`` to ``role`` (None: to any other role)."""
    if membership.deactivated_at is not None:
        raise ValidationFailed(_("Reactivate this member before changing their role."))
    if not _acts_as_owner(actor):
        if _is_self(actor, membership):
            raise PermissionDenied(_("You cannot change your own role; ask an owner."))
        if membership.role == Role.OWNER:
            raise PermissionDenied(_("Only an owner can change an owner's role."))
        if role == Role.OWNER:
            raise PermissionDenied(_("Only an owner can make someone an owner."))
    if membership.role == Role.OWNER and role != Role.OWNER and active_owners <= 1:
        raise ValidationFailed(
            _("The store's last owner must stay owner: make someone else owner first.")
        )


def _check_deactivation(actor: Actor, membership: Membership, *, active_owners: int) -> None:
    if _is_self(actor, membership):
        raise ValidationFailed(_("You cannot deactivate yourself; leave the store instead."))
    if membership.role == Role.OWNER and not _acts_as_owner(actor):
        raise PermissionDenied(_("Only an owner can deactivate an owner."))
    if membership.role == Role.OWNER and active_owners <= 1:
        raise ValidationFailed(
            _("The store's last owner cannot be deactivated: make someone else owner first.")
        )


def _check_reactivation(actor: Actor, membership: Membership) -> None:
    if membership.role == Role.OWNER and not _acts_as_owner(actor):
        raise PermissionDenied(_("Only an owner can reactivate an owner."))


def _check_handles_invitation(actor: Actor, invitation: Invitation) -> None:
    if invitation.role == Role.OWNER and not _acts_as_owner(actor):
        raise PermissionDenied(_("Only an owner can handle an invitation to become owner."))


def member_controls(actor: Actor, membership: Membership, *, active_owners: int) -> MemberControls:
    """Which of the staff list's buttons work for ``membership``: the same rules the
    actions enforce, asked without acting."""
    if not actor.can(Permission.MANAGE_STAFF):
        return MemberControls(change_role=False, deactivate=False, reactivate=False)
    active = membership.deactivated_at is None
    return MemberControls(
        change_role=active
        and _passes(
            lambda: _check_role_change(actor, membership, None, active_owners=active_owners)
        ),
        deactivate=active
        and _passes(lambda: _check_deactivation(actor, membership, active_owners=active_owners)),
        reactivate=not active and _passes(lambda: _check_reactivation(actor, membership)),
    )


def may_handle_invitation(actor: Actor, invitation: Invitation) -> bool:
    return actor.can(Permission.MANAGE_STAFF) and _passes(
        lambda: _check_handles_invitation(actor, invitation)
    )


def may_leave(membership: Membership, *, active_owners: int) -> bool:
    """Whether the member may leave the store: anyone but its last owner."""
    return not (membership.role == Role.OWNER and active_owners <= 1)


def _passes(check: Callable[[], None]) -> bool:
    try:
        check()
    except StoredeskError:
        return False
    return True


# Locks -----------------------------------------------------------------------------------


def _lock_active_owners(store: Store) -> int:
    """How many active owners the store has, their rows locked until the transaction ends
    (in id order: two changes at once wait in turn instead of deadlocking)."""
    return len(
        Membership.objects.select_for_update()
        .filter(store=store, role=Role.OWNER.value, deactivated_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _lock_membership(membership: Membership) -> Membership:
    """The membership as it is now, its row locked until the transaction ends."""
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=membership.pk)
    )


# Invitations -----------------------------------------------------------------------------


def _check_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
        valid = len(email) <= MAX_EMAIL_LENGTH
    except DjangoValidationError:
        valid = False
    if not valid:
        raise ValidationFailed(
            _("Enter a valid email address."), details={"email": email[:MAX_EMAIL_LENGTH]}
        )
    return email


def invitation_link(token: str) -> str:
    base: str = settings.STOREDESK_URL
    return base + reverse("invitation-accept", args=[token])


def check_invite_staff(actor: Actor, *, email: str, role: Role | str) -> SentInvitation:
    """Invite ``email`` to the store's staff with ``role``; the link goes by mail."""
    actor.require(Permission.MANAGE_STAFF)
    role = _parse_role(role)
    email = _check_email(email)
    if role == Role.OWNER and not _acts_as_owner(actor):
        raise PermissionDenied(_("Only an owner can invite another owner."))
    if Membership.objects.filter(
        store=actor.store, user__email=email, deactivated_at__isnull=True
    ).exists():
        raise AlreadyStaff(
            _("%(email)s is already on this store's staff.") % {"email": email},
            details={"email": email},
        )
    pending = _pending_invitation(actor.store, email)
    if pending is not None:
        raise _already_invited(email, pending)
    return do_invite_staff(actor, email=email, role=role)


def _pending_invitation(store: Store, email: str) -> Invitation | None:
    return Invitation.objects.filter(
        store=store, email=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).first()


def _already_invited(email: str, pending: Invitation | None) -> AlreadyInvited:
    return AlreadyInvited(
        _("%(email)s has been invited already: resend that invitation instead.") % {"email": email},
        details={"email": email, "invitation_id": pending.pk if pending else None},
    )


def do_invite_staff(
    actor: Actor, *, email: str, role: Role, now: datetime | None = None
) -> SentInvitation:
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                store=actor.store,
                email=email,
                role=role.value,
                token_hash=hash_token_secret(token),
                invited_by=actor.user,
                sent_at=now,
                expires_at=now + _validity(),
            )
            actor.audit("invitation.created", "invitation", invitation.pk, email=email, role=role)
            _mail_on_commit(actor, invitation, token)
    except IntegrityError:
        # A second submit that raced the first: the unique open invitation per address.
        raise _already_invited(email, _pending_invitation(actor.store, email)) from None
    return SentInvitation(invitation=invitation, link=invitation_link(token))


def _validity() -> timedelta:
    return timedelta(days=settings.STAFF_INVITATION_DAYS)


def check_resend_invitation(actor: Actor, invitation: Invitation) -> SentInvitation:
    """Send the invitation again with a new link and expiry; the old link stops working."""
    actor.require(Permission.MANAGE_STAFF)
    check_in_store(actor, invitation)
    _check_handles_invitation(actor, invitation)
    return do_resend_invitation(actor, invitation)


def do_resend_invitation(
    actor: Actor, invitation: Invitation, *, now: datetime | None = None
) -> SentInvitation:
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        refuse_closed_invitation(invitation, now=now, expired_is_open=True)
        if invitation.sent_at > now - RESEND_INTERVAL:
            raise Conflict(
                _("The invitation to %(email)s was sent a moment ago; give the mail a minute.")
                % {"email": invitation.email},
                details={"invitation_id": invitation.pk},
            )
        invitation.token_hash = hash_token_secret(token)
        invitation.sent_at = now
        invitation.expires_at = now + _validity()
        invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
        actor.audit(
            "invitation.resent", "invitation", invitation.pk,
            email=invitation.email, role=invitation.role,
        )  # fmt: skip
        _mail_on_commit(actor, invitation, token)
    return SentInvitation(invitation=invitation, link=invitation_link(token))


def check_revoke_invitation(actor: Actor, invitation: Invitation) -> Invitation:
    """Withdraw an open invitation: its link stops working. Revoking twice changes nothing."""
    actor.require(Permission.MANAGE_STAFF)
    check_in_store(actor, invitation)
    _check_handles_invitation(actor, invitation)
    return do_revoke_invitation(actor, invitation)


def do_revoke_invitation(
    actor: Actor, invitation: Invitation, *, now: datetime | None = None
) -> Invitation:
    now = now or timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.revoked_at is not None:
            return invitation
        if invitation.accepted_at is not None:
            raise InvitationGone(
                _("This invitation has been accepted already: deactivate the member instead."),
                reason="accepted",
            )
        invitation.revoked_at = now
        invitation.save(update_fields=["revoked_at"])
        actor.audit(
            "invitation.revoked", "invitation", invitation.pk,
            email=invitation.email, role=invitation.role,
        )  # fmt: skip
    return invitation


def refuse_closed_invitation(
    invitation: Invitation, *, now: datetime | None = None, expired_is_open: bool = False
) -> None:
    """Refuse an invitation whose link no longer works (an expired one may be resent)."""
    now = now or timezone.now()
    if invitation.accepted_at is not None:
        raise InvitationGone(
            _("This invitation has been accepted already: sign in to open the store."),
            reason="accepted",
        )
    if invitation.revoked_at is not None:
        raise InvitationGone(_("This invitation has been withdrawn."), reason="revoked")
    if not expired_is_open and invitation.expires_at <= now:
        raise InvitationGone(
            _("This invitation has expired: ask whoever invited you to send it again."),
            reason="expired",
        )


def do_accept_invitation(
    token: str,
    *,
    user: User | None = None,
    name: str = "",
    password: str = "",
    now: datetime | None = None,
) -> AcceptedInvitation:
    """Join the store with the invitation's role, once.

    ``user`` is the signed-in account of the invited address; without one, a new account is
    made from ``name`` and ``password``, in the store's language and time zone. A member who
    was deactivated comes back with the invited role. The invitation's row stays locked
    until the end, so a second submit or a second tab finds it used and writes nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("store")
            .filter(token_hash=hash_token_secret(token))
            .first()
        )
        if invitation is None:
            raise NotFound(_("This invitation link is not valid."))
        refuse_closed_invitation(invitation, now=now)
        store = invitation.store
        created = user is None
        if user is None:
            user = _create_invited_user(invitation, name=name, password=password)
        elif user.email.lower() != invitation.email:
            raise PermissionDenied(
                _("This invitation is for %(email)s: sign in with that address to accept it.")
                % {"email": invitation.email}
            )
        role = Role(invitation.role)
        membership = Membership.objects.select_for_update().filter(store=store, user=user).first()
        reactivated = membership is not None
        if membership is None:
            membership = Membership.objects.create(store=store, user=user, role=role.value)
        elif membership.deactivated_at is None:
            raise AlreadyStaff(
                _("You are already on the staff of %(store)s.") % {"store": store.name}
            )
        else:
            membership.role = role.value
            membership.deactivated_at = None
            membership.save(update_fields=["role", "deactivated_at"])
        invitation.accepted_at = now
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        member = Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])
        member.audit(
            "invitation.accepted", "invitation", invitation.pk,
            email=invitation.email, role=role, membership_id=membership.pk,
            reactivated=reactivated,
        )  # fmt: skip
        _publish_member_event(membership, "reactivated" if reactivated else "joined")
    membership.user = user
    return AcceptedInvitation(membership=membership, user=user, created_user=created)


def _create_invited_user(invitation: Invitation, *, name: str, password: str) -> User:
    if User.objects.filter(email=invitation.email).exists():
        raise _sign_in_required(invitation)
    name = " ".join(name.split())
    errors = []
    if not name:
        errors.append(FieldError("name", _("Tell your colleagues your name."), "missing"))
    elif len(name) > MAX_NAME_LENGTH:
        errors.append(
            FieldError("name", _("At most %(limit)s characters.") % {"limit": MAX_NAME_LENGTH})
        )
    store = invitation.store
    candidate = User(email=invitation.email, name=name)
    try:
        validate_password(password, user=candidate)
    except DjangoValidationError as error:
        errors.extend(FieldError("password", message) for message in error.messages)
    if errors:
        raise FieldsInvalid(errors)
    language = store.default_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    check_timezone(store.timezone)
    try:
        with transaction.atomic():
            return User.objects.create_user(
                invitation.email,
                password,
                name=name,
                language=language,
                timezone=store.timezone,
            )
    except IntegrityError:
        # The address got an account in the meantime (another store's invitation).
        raise _sign_in_required(invitation) from None


def _sign_in_required(invitation: Invitation) -> SignInRequired:
    return SignInRequired(
        _("There is an account for %(email)s already: sign in to accept the invitation.")
        % {"email": invitation.email},
        details={"email": invitation.email},
    )


def _inviter_name(actor: Actor) -> str:
    if actor.user is not None:
        return actor.user.name or actor.user.email
    return actor.store.name


def _mail_on_commit(actor: Actor, invitation: Invitation, token: str) -> None:
    inviter = _inviter_name(actor)
    store = actor.store
    transaction.on_commit(lambda: send_invitation_mail(store, invitation, token, inviter=inviter))


def send_invitation_mail(store: Store, invitation: Invitation, token: str, *, inviter: str) -> bool:
    """Mail the invitation in the store's language and time zone; False when the mail
    server refused it (the one who invited sees the link and may pass it on)."""
    context = {
        "store": store,
        "inviter": inviter,
        "role": invitation.role,
        "link": invitation_link(token),
        "expires_at": invitation.expires_at,
    }
    with translation.override(store.default_language), timezone.override(store.zone):
        subject = _("%(inviter)s invited you to %(store)s on Storedesk") % {
            "inviter": inviter,
            "store": store.name,
        }
        text = render_to_string("accounts/staff/invitation_email.txt", context)
        html = render_to_string("accounts/staff/invitation_email.html", context)
    mail = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    mail.attach_alternative(html, "text/html")
    try:
        mail.send()
    except (smtplib.SMTPException, OSError):
        # The invitation stands; the log names it, never its link.
        logger.exception("Could not mail invitation %s of store %s", invitation.pk, store.pk)
        return False
    return True


# Members ---------------------------------------------------------------------------------


@transaction.atomic
def do_add_member(store: Store, *, user: User, role: Role) -> Membership:
    membership, _created = Membership.objects.update_or_create(
        store=store, user=user, defaults={"role": role.value}
    )
    return membership


def check_change_role(actor: Actor, membership: Membership, *, role: Role | str) -> Membership:
    """Give a member another role; changing to the role they have changes nothing."""
    actor.require(Permission.MANAGE_STAFF)
    check_in_store(actor, membership)
    role = _parse_role(role)
    with transaction.atomic():
        active_owners = _lock_active_owners(actor.store)
        membership = _lock_membership(membership)
        if membership.role == role:
            return membership
        _check_role_change(actor, membership, role, active_owners=active_owners)
        return do_change_role(actor, membership, role=role)


def do_change_role(actor: Actor, membership: Membership, *, role: Role) -> Membership:
    before = membership.role
    with transaction.atomic():
        membership.role = role.value
        membership.save(update_fields=["role"])
        actor.audit(
            "member.role_changed", "membership", membership.pk,
            user_id=membership.user_id, email=membership.user.email,
            old_role=before, new_role=role,
        )  # fmt: skip
        _publish_member_event(membership, "role_changed")
    return membership


def check_deactivate_member(actor: Actor, membership: Membership) -> Membership:
    """Stop a member working in the store: they can no longer open it, leave its teams, and
    their open conversations go back to the queue. Their history stays theirs. A member
    deactivated already is left as they are."""
    actor.require(Permission.MANAGE_STAFF)
    check_in_store(actor, membership)
    with transaction.atomic():
        active_owners = _lock_active_owners(actor.store)
        membership = _lock_membership(membership)
        if membership.deactivated_at is not None:
            return membership
        _check_deactivation(actor, membership, active_owners=active_owners)
        return do_deactivate_member(actor, membership)


def check_leave_store(actor: Actor) -> Membership:
    """The acting member stops working in the store, as deactivation would; the store's
    last owner cannot."""
    if actor.user is None:
        raise PermissionDenied(_("Only a member of staff can leave a store."))
    with transaction.atomic():
        active_owners = _lock_active_owners(actor.store)
        membership = (
            Membership.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(store=actor.store, user=actor.user, deactivated_at__isnull=True)
            .first()
        )
        if membership is None:
            raise NotFound(_("You are not on this store's staff."))
        if not may_leave(membership, active_owners=active_owners):
            raise ValidationFailed(
                _("You are the store's last owner: make someone else owner before you leave.")
            )
        return do_deactivate_member(actor, membership, left=True)


def do_deactivate_member(
    actor: Actor, membership: Membership, *, left: bool = False, now: datetime | None = None
) -> Membership:
    with transaction.atomic():
        membership.deactivated_at = now or timezone.now()
        membership.save(update_fields=["deactivated_at"])
        memberships_of_teams = Team.members.through.objects.filter(
            team__store_id=membership.store_id, user_id=membership.user_id
        )
        teams = sorted(memberships_of_teams.values_list("team__name", flat=True))
        memberships_of_teams.delete()
        actor.audit(
            "member.left" if left else "member.deactivated", "membership", membership.pk,
            user_id=membership.user_id, email=membership.user.email, role=membership.role,
            teams=teams,
        )  # fmt: skip
        _publish_member_event(membership, "deactivated")
    return membership


def check_reactivate_member(actor: Actor, membership: Membership) -> Membership:
    """Let a deactivated member work in the store again, with the role they had (not in
    the teams they left). An active member is left as they are."""
    actor.require(Permission.MANAGE_STAFF)
    check_in_store(actor, membership)
    with transaction.atomic():
        membership = _lock_membership(membership)
        if membership.deactivated_at is None:
            return membership
        _check_reactivation(actor, membership)
        return do_reactivate_member(actor, membership)


def do_reactivate_member(actor: Actor, membership: Membership) -> Membership:
    with transaction.atomic():
        membership.deactivated_at = None
        membership.save(update_fields=["deactivated_at"])
        actor.audit(
            "member.reactivated", "membership", membership.pk,
            user_id=membership.user_id, email=membership.user.email, role=membership.role,
        )  # fmt: skip
        _publish_member_event(membership, "reactivated")
    return membership


def _publish_member_event(
    membership: Membership, op: Literal["joined", "role_changed", "deactivated", "reactivated"]
) -> None:
    publish_event(
        MemberEvent(
            op=op, store_id=membership.store_id, user_id=membership.user_id, role=membership.role
        )
    )


@transaction.atomic
def do_update_preferences(user: User, *, language: str, timezone: str) -> User:
    """A staff member's own UI language (one Storedesk ships) and time zone."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationFailed(
            _("%(language)s is not a language Storedesk supports.") % {"language": repr(language)},
            details={"language": language},
        )
    check_timezone(timezone)
    user.language = language
    user.timezone = timezone
    user.save(update_fields=["language", "timezone"])
    return user
