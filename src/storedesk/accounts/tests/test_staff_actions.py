"""Staff actions: invitations (sent, resent, revoked, accepted), roles, deactivation and
leaving, with every refusal writing nothing."""

import hashlib
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth.hashers import check_password
from django.core import mail
from django.db import connection, connections, transaction
from django.utils import translation

from storedesk.accounts.actions.staff import (
    AlreadyInvited,
    AlreadyStaff,
    InvitationGone,
    SignInRequired,
    check_change_role,
    check_deactivate_member,
    check_invite_staff,
    check_leave_store,
    check_reactivate_member,
    check_resend_invitation,
    check_revoke_invitation,
    do_accept_invitation,
    grantable_roles,
    member_controls,
)
from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import Invitation, Membership, Team, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.accounts.selectors.staff import list_pending_invitations, list_staff
from storedesk.accounts.staff_events import MemberEvent
from storedesk.core.errors import (
    Conflict,
    FieldsInvalid,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PASSWORD = "kargo dükkanı parolası"


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def owner(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.OWNER, email="owner@moda.example", name="Deniz Yılmaz")


def actor_of(user: User, store: Store) -> Actor:
    return get_actor_for_user(user, store_slug=store.slug)


def membership_of(user: User, store: Store) -> Membership:
    return Membership.objects.get(store=store, user=user)


def token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


def invite(actor: Actor, email: str, role: Role = Role.AGENT) -> tuple[Invitation, str]:
    sent = check_invite_staff(actor, email=email, role=role)
    return sent.invitation, token_of(sent.link)


def audit_actions(store: Store) -> list[str]:
    return list(
        AuditLogEntry.objects.filter(store=store).order_by("pk").values_list("action", flat=True)
    )


def rows() -> dict[str, int]:
    """How many of each staff row there are: a refusal changes none of them."""
    return {
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "active": Membership.objects.filter(deactivated_at__isnull=True).count(),
        "invitations": Invitation.objects.count(),
        "open": Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True
        ).count(),
        "audit": AuditLogEntry.objects.count(),
    }


# Inviting --------------------------------------------------------------------------------


def test_an_invitation_keeps_only_the_hash_of_its_link_and_expires_in_seven_days(
    store: Store, admin: User, clock: time_machine.Traveller
) -> None:
    sent = check_invite_staff(actor_of(admin, store), email=" Selin@Moda.Example ", role="agent")

    invitation = Invitation.objects.get()
    token = token_of(sent.link)
    assert sent.link == f"http://127.0.0.1:8000/invitations/{token}/"
    assert invitation.email == "selin@moda.example"
    assert invitation.role == "agent"
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Invitation.objects.values().get())
    assert invitation.invited_by == admin
    assert invitation.sent_at == NOW
    assert invitation.expires_at == NOW + timedelta(days=7)
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.target_type, entry.target_id) == (
        "invitation.created",
        "invitation",
        str(invitation.pk),
    )
    assert entry.details == {"email": "selin@moda.example", "role": "agent"}
    assert entry.actor_user == admin


def test_the_invitation_days_come_from_the_settings(
    store: Store, admin: User, clock: time_machine.Traveller, settings: Any
) -> None:
    settings.STAFF_INVITATION_DAYS = 2

    invitation, _token = invite(actor_of(admin, store), "selin@moda.example")

    assert invitation.expires_at == NOW + timedelta(days=2)


def test_the_mail_goes_after_commit_in_the_stores_language(
    store: Store, admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        sent = check_invite_staff(actor_of(admin, store), email="selin@moda.example", role="agent")
        assert mail.outbox == []
    for callback in callbacks:
        callback()

    [message] = mail.outbox
    assert message.to == ["selin@moda.example"]
    assert message.from_email == "storedesk@localhost"
    with translation.override("tr"):
        subject = translation.gettext("%(inviter)s invited you to %(store)s on Storedesk")
    assert message.subject == subject % {"inviter": "Emily Carter", "store": "Moda Çarşı"}
    assert sent.link in message.body
    assert "Emily Carter" in message.body
    assert "Moda Çarşı" in message.body
    # The role's name is in Turkish, the store's default language.
    assert "Temsilci" in message.body
    [(html, kind)] = message.alternatives  # type: ignore[attr-defined]
    assert kind == "text/html"
    assert f'href="{sent.link}"' in html
    assert '<html lang="tr">' in html
    assert "Temsilci" in html
    # The inviter's own language is untouched.
    assert translation.get_language() == "en"


def test_the_mail_of_a_polish_store_speaks_polish(
    other_store: Store, make_staff: Callable[..., User], django_capture_on_commit_callbacks: Any
) -> None:
    owner = make_staff(other_store, Role.OWNER, name="Jan Kowalski")

    with django_capture_on_commit_callbacks(execute=True):
        check_invite_staff(actor_of(owner, other_store), email="ola@lodz.example", role="agent")

    [message] = mail.outbox
    assert "Konsultant" in message.body
    assert "Sklep Łódź" in message.body
    assert "Europe/Warsaw" in message.body


def test_no_mail_when_the_invitation_is_rolled_back(
    store: Store, admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    class Undo(Exception):
        pass

    def invite_then_fail() -> None:
        with transaction.atomic():
            invite(actor_of(admin, store), "selin@moda.example")
            raise Undo

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Undo):
        invite_then_fail()

    assert mail.outbox == []
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("inviter_role", "invited_role", "allowed"),
    [
        (Role.OWNER, Role.OWNER, True),
        (Role.OWNER, Role.ADMIN, True),
        (Role.ADMIN, Role.OWNER, False),
        (Role.ADMIN, Role.ADMIN, True),
        (Role.ADMIN, Role.AGENT, True),
        (Role.ADMIN, Role.VIEWER, True),
        (Role.AGENT, Role.VIEWER, False),
        (Role.VIEWER, Role.VIEWER, False),
    ],
)
def test_who_may_invite_whom(
    store: Store,
    make_staff: Callable[..., User],
    inviter_role: Role,
    invited_role: Role,
    allowed: bool,
) -> None:
    inviter = make_staff(store, inviter_role)
    before = rows()

    if allowed:
        invite(actor_of(inviter, store), "new@moda.example", invited_role)
        assert Invitation.objects.get().role == invited_role
    else:
        with pytest.raises(PermissionDenied):
            invite(actor_of(inviter, store), "new@moda.example", invited_role)
        assert rows() == before


def test_only_an_owner_may_give_the_owner_role(store: Store, admin: User, owner: User) -> None:
    assert grantable_roles(actor_of(admin, store)) == [Role.ADMIN, Role.AGENT, Role.VIEWER]
    assert grantable_roles(actor_of(owner, store)) == [
        Role.OWNER,
        Role.ADMIN,
        Role.AGENT,
        Role.VIEWER,
    ]


def test_an_email_already_on_the_staff_is_refused(
    store: Store, admin: User, agent: User, django_capture_on_commit_callbacks: Any
) -> None:
    before = rows()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(AlreadyStaff) as raised:
        invite(actor_of(admin, store), "AGENT@moda.example")

    assert raised.value.message == "agent@moda.example is already on this store's staff."
    assert raised.value.status == 409
    assert rows() == before
    assert mail.outbox == []


def test_a_member_of_another_store_may_be_invited(
    store: Store, other_store: Store, admin: User, make_staff: Callable[..., User]
) -> None:
    make_staff(other_store, Role.AGENT, email="ola@lodz.example")

    invitation, _token = invite(actor_of(admin, store), "ola@lodz.example")

    assert invitation.store == store


def test_a_second_open_invitation_for_the_same_address_is_refused(
    store: Store, admin: User
) -> None:
    first, _token = invite(actor_of(admin, store), "selin@moda.example")
    before = rows()

    with pytest.raises(AlreadyInvited) as raised:
        invite(actor_of(admin, store), "Selin@moda.example", Role.VIEWER)

    assert raised.value.code == "already_invited"
    assert raised.value.details == {"email": "selin@moda.example", "invitation_id": first.pk}
    assert "resend that invitation instead" in raised.value.message
    assert rows() == before


def test_a_revoked_invitation_does_not_stop_a_new_one(store: Store, admin: User) -> None:
    actor = actor_of(admin, store)
    first, _token = invite(actor, "selin@moda.example")
    check_revoke_invitation(actor, first)

    second, _token = invite(actor, "selin@moda.example")

    assert second.pk != first.pk


@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("not an address", "agent", "Enter a valid email address."),
        ("", "agent", "Enter a valid email address."),
        ("a" * 250 + "@x.example", "agent", "Enter a valid email address."),
        ("selin@moda.example", "boss", "A role is one of: owner, admin, agent, viewer."),
    ],
)
def test_bad_input_is_refused_with_nothing_written(
    store: Store, admin: User, email: str, role: str, message: str
) -> None:
    before = rows()

    with pytest.raises(ValidationFailed) as raised:
        check_invite_staff(actor_of(admin, store), email=email, role=role)

    assert raised.value.message == message
    assert rows() == before


def test_refusals_are_in_the_staff_members_language(store: Store, admin: User, agent: User) -> None:
    with translation.override("tr"), pytest.raises(ValidationFailed) as invalid:
        check_invite_staff(actor_of(admin, store), email="not an address", role="agent")
    with translation.override("tr"), pytest.raises(PermissionDenied) as forbidden:
        check_invite_staff(actor_of(agent, store), email="new@moda.example", role="viewer")

    assert invalid.value.message == "Geçerli bir e-posta adresi girin."
    assert forbidden.value.message == "Bunu yapma yetkiniz yok."


# Resending and revoking --------------------------------------------------------------------


def test_resending_gives_a_new_link_and_kills_the_old_one(
    store: Store,
    admin: User,
    clock: time_machine.Traveller,
    django_capture_on_commit_callbacks: Any,
) -> None:
    actor = actor_of(admin, store)
    with django_capture_on_commit_callbacks(execute=True):
        invitation, old_token = invite(actor, "selin@moda.example")
    clock.shift(timedelta(days=8))

    with django_capture_on_commit_callbacks(execute=True):
        sent = check_resend_invitation(actor, invitation)

    invitation.refresh_from_db()
    assert invitation.sent_at == NOW + timedelta(days=8)
    assert invitation.expires_at == NOW + timedelta(days=15)
    assert [message.to for message in mail.outbox] == [["selin@moda.example"]] * 2
    assert sent.link in mail.outbox[1].body
    with pytest.raises(NotFound):
        do_accept_invitation(old_token, name="Selin", password=PASSWORD)
    assert audit_actions(store) == ["invitation.created", "invitation.resent"]


def test_a_double_click_on_resend_sends_one_mail(
    store: Store,
    admin: User,
    clock: time_machine.Traveller,
    django_capture_on_commit_callbacks: Any,
) -> None:
    actor = actor_of(admin, store)
    invitation, _token = invite(actor, "selin@moda.example")
    clock.shift(timedelta(hours=1))
    check_resend_invitation(actor, invitation)
    invitation.refresh_from_db()
    before = (invitation.token_hash, rows())

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Conflict):
        check_resend_invitation(actor, invitation)

    invitation.refresh_from_db()
    assert (invitation.token_hash, rows()) == before
    assert mail.outbox == []


def test_revoking_kills_the_link_and_twice_is_harmless(store: Store, admin: User) -> None:
    actor = actor_of(admin, store)
    invitation, token = invite(actor, "selin@moda.example")

    check_revoke_invitation(actor, invitation)
    check_revoke_invitation(actor, invitation)

    with pytest.raises(InvitationGone) as raised:
        do_accept_invitation(token, name="Selin", password=PASSWORD)
    assert raised.value.reason == "revoked"
    assert raised.value.message == "This invitation has been withdrawn."
    assert audit_actions(store) == ["invitation.created", "invitation.revoked"]
    assert not User.objects.filter(email="selin@moda.example").exists()
    with pytest.raises(InvitationGone):
        check_resend_invitation(actor, invitation)


def test_an_accepted_invitation_cannot_be_revoked(store: Store, admin: User) -> None:
    actor = actor_of(admin, store)
    invitation, token = invite(actor, "selin@moda.example")
    do_accept_invitation(token, name="Selin", password=PASSWORD)

    with pytest.raises(InvitationGone) as raised:
        check_revoke_invitation(actor, invitation)

    assert raised.value.reason == "accepted"


def test_an_admin_cannot_resend_or_revoke_an_owners_invitation(
    store: Store, admin: User, owner: User
) -> None:
    invitation, _token = invite(actor_of(owner, store), "partner@moda.example", Role.OWNER)
    before = rows()

    with pytest.raises(PermissionDenied):
        check_resend_invitation(actor_of(admin, store), invitation)
    with pytest.raises(PermissionDenied):
        check_revoke_invitation(actor_of(admin, store), invitation)

    assert rows() == before


# Accepting ---------------------------------------------------------------------------------


def test_a_new_person_joins_in_the_stores_language_and_time_zone(
    store: Store,
    admin: User,
    clock: time_machine.Traveller,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    invitation, token = invite(actor_of(admin, store), "selin@moda.example")

    with django_capture_on_commit_callbacks(execute=True):
        accepted = do_accept_invitation(token, name="  Selin   Kaya ", password=PASSWORD)

    user = User.objects.get(email="selin@moda.example")
    assert accepted.user == user
    assert accepted.created_user
    assert (user.name, user.language, user.timezone) == ("Selin Kaya", "tr", "Europe/Istanbul")
    assert user.check_password(PASSWORD)
    membership = membership_of(user, store)
    assert (membership.role, membership.deactivated_at) == ("agent", None)
    invitation.refresh_from_db()
    assert (invitation.accepted_at, invitation.accepted_by) == (NOW, user)
    entry = AuditLogEntry.objects.filter(action="invitation.accepted").get()
    assert entry.actor_user == user
    assert entry.details == {
        "email": "selin@moda.example",
        "role": "agent",
        "membership_id": membership.pk,
        "reactivated": False,
    }
    assert captured_events == [
        MemberEvent(op="joined", store_id=store.pk, user_id=user.pk, role="agent")
    ]
    assert actor_of(user, store).role == Role.AGENT


def test_the_new_password_is_hashed_with_argon2(store: Store, admin: User, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    _invitation, token = invite(actor_of(admin, store), "selin@moda.example")

    do_accept_invitation(token, name="Selin", password=PASSWORD)

    user = User.objects.get(email="selin@moda.example")
    assert user.password.startswith("argon2$")
    assert check_password(PASSWORD, user.password)


def test_a_store_language_without_a_ui_falls_back_to_english(admin: User, store: Store) -> None:
    Store.objects.filter(pk=store.pk).update(default_language="it", languages=["it"])
    store.refresh_from_db()
    _invitation, token = invite(actor_of(admin, store), "giulia@moda.example")

    accepted = do_accept_invitation(token, name="Giulia", password=PASSWORD)

    assert accepted.user.language == "en"


def test_accepting_twice_is_refused_the_second_time_with_nothing_written(
    store: Store, admin: User
) -> None:
    _invitation, token = invite(actor_of(admin, store), "selin@moda.example")
    do_accept_invitation(token, name="Selin", password=PASSWORD)
    before = rows()

    with pytest.raises(InvitationGone) as raised:
        do_accept_invitation(token, name="Another", password=PASSWORD + "!")

    assert raised.value.reason == "accepted"
    assert raised.value.status == 410
    assert rows() == before


def test_an_expired_invitation_is_refused_with_nothing_written(
    store: Store, admin: User, clock: time_machine.Traveller
) -> None:
    _invitation, token = invite(actor_of(admin, store), "selin@moda.example")
    clock.shift(timedelta(days=7))
    before = rows()

    with pytest.raises(InvitationGone) as raised:
        do_accept_invitation(token, name="Selin", password=PASSWORD)

    assert raised.value.reason == "expired"
    assert "expired" in raised.value.message
    assert rows() == before


def test_an_unknown_link_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound) as raised:
        do_accept_invitation("guessed-token", name="Mallory", password=PASSWORD)

    assert raised.value.message == "This invitation link is not valid."
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("name", "password", "fields"),
    [
        ("", PASSWORD, {"name"}),
        ("Selin", "short", {"password"}),
        ("Selin", "password123", {"password"}),
        ("Selin", "1234567890123", {"password"}),
        ("Selin", "selin@moda.example", {"password"}),
        ("x" * 201, "", {"name", "password"}),
    ],
)
def test_a_bad_name_or_password_is_refused_by_field_with_nothing_written(
    store: Store, admin: User, name: str, password: str, fields: set[str]
) -> None:
    invitation, token = invite(actor_of(admin, store), "selin@moda.example")
    before = rows()

    with pytest.raises(FieldsInvalid) as raised:
        do_accept_invitation(token, name=name, password=password)

    assert set(raised.value.fields) == fields
    assert rows() == before
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_someone_with_an_account_must_sign_in_to_accept(
    store: Store, other_store: Store, admin: User, make_staff: Callable[..., User]
) -> None:
    ola = make_staff(other_store, Role.AGENT, email="ola@lodz.example", language="pl")
    _invitation, token = invite(actor_of(admin, store), "ola@lodz.example", Role.VIEWER)
    before = rows()

    with pytest.raises(SignInRequired):
        do_accept_invitation(token, name="Ola", password=PASSWORD)
    assert rows() == before

    accepted = do_accept_invitation(token, user=ola)

    assert not accepted.created_user
    assert membership_of(ola, store).role == "viewer"
    assert membership_of(ola, other_store).role == "agent"
    ola.refresh_from_db()
    assert ola.language == "pl"


def test_a_signed_in_account_of_another_address_cannot_accept(
    store: Store, admin: User, agent: User
) -> None:
    _invitation, token = invite(actor_of(admin, store), "selin@moda.example", Role.ADMIN)
    before = rows()

    with pytest.raises(PermissionDenied):
        do_accept_invitation(token, user=agent)

    assert rows() == before
    assert membership_of(agent, store).role == "agent"


def test_a_deactivated_member_comes_back_with_the_invited_role(
    store: Store,
    admin: User,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    actor = actor_of(admin, store)
    check_deactivate_member(actor, membership_of(agent, store))
    _invitation, token = invite(actor, "agent@moda.example", Role.VIEWER)

    with django_capture_on_commit_callbacks(execute=True):
        accepted = do_accept_invitation(token, user=agent)

    membership = membership_of(agent, store)
    assert accepted.membership.pk == membership.pk
    assert (membership.role, membership.deactivated_at) == ("viewer", None)
    assert AuditLogEntry.objects.get(action="invitation.accepted").details["reactivated"] is True
    assert captured_events == [
        MemberEvent(op="reactivated", store_id=store.pk, user_id=agent.pk, role="viewer")
    ]


# Roles ---------------------------------------------------------------------------------------


def test_an_admin_cannot_raise_their_own_role(store: Store, admin: User, owner: User) -> None:
    before = rows()

    with pytest.raises(PermissionDenied) as raised:
        check_change_role(actor_of(admin, store), membership_of(admin, store), role=Role.OWNER)

    assert raised.value.message == "You cannot change your own role; ask an owner."
    assert membership_of(admin, store).role == "admin"
    assert rows() == before


def test_an_admin_cannot_change_an_owner_or_make_an_owner(
    store: Store, admin: User, owner: User, agent: User
) -> None:
    actor = actor_of(admin, store)

    with pytest.raises(PermissionDenied, match="Only an owner can change an owner's role"):
        check_change_role(actor, membership_of(owner, store), role=Role.AGENT)
    with pytest.raises(PermissionDenied, match="Only an owner can make someone an owner"):
        check_change_role(actor, membership_of(agent, store), role=Role.OWNER)

    assert membership_of(owner, store).role == "owner"
    assert membership_of(agent, store).role == "agent"
    assert audit_actions(store) == []


def test_an_admin_changes_an_agents_role_audited_with_the_old_and_new(
    store: Store,
    admin: User,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        check_change_role(actor_of(admin, store), membership_of(agent, store), role="viewer")

    membership = membership_of(agent, store)
    assert membership.role == "viewer"
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.target_type, entry.target_id) == (
        "member.role_changed",
        "membership",
        str(membership.pk),
    )
    assert entry.details == {
        "user_id": agent.pk,
        "email": "agent@moda.example",
        "old_role": "agent",
        "new_role": "viewer",
    }
    assert captured_events == [
        MemberEvent(op="role_changed", store_id=store.pk, user_id=agent.pk, role="viewer")
    ]
    assert actor_of(agent, store).role == Role.VIEWER


def test_the_same_role_again_changes_nothing(store: Store, admin: User, agent: User) -> None:
    check_change_role(actor_of(admin, store), membership_of(agent, store), role=Role.AGENT)

    assert audit_actions(store) == []


def test_an_owner_may_make_an_owner_and_step_down_but_the_last_owner_may_not(
    store: Store, owner: User, admin: User
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        check_change_role(actor_of(owner, store), membership_of(owner, store), role=Role.ADMIN)
    assert raised.value.message == (
        "The store's last owner must stay owner: make someone else owner first."
    )

    check_change_role(actor_of(owner, store), membership_of(admin, store), role=Role.OWNER)
    check_change_role(actor_of(owner, store), membership_of(owner, store), role=Role.ADMIN)

    assert membership_of(admin, store).role == "owner"
    assert membership_of(owner, store).role == "admin"
    with pytest.raises(ValidationFailed):
        check_change_role(actor_of(admin, store), membership_of(admin, store), role=Role.AGENT)


def test_agents_and_viewers_cannot_change_roles(store: Store, agent: User, viewer: User) -> None:
    with pytest.raises(PermissionDenied):
        check_change_role(actor_of(agent, store), membership_of(viewer, store), role=Role.AGENT)
    with pytest.raises(PermissionDenied):
        check_change_role(actor_of(viewer, store), membership_of(viewer, store), role=Role.AGENT)

    assert membership_of(viewer, store).role == "viewer"


def test_a_deactivated_members_role_is_not_changed(store: Store, admin: User, agent: User) -> None:
    actor = actor_of(admin, store)
    check_deactivate_member(actor, membership_of(agent, store))

    with pytest.raises(ValidationFailed, match="Reactivate this member"):
        check_change_role(actor, membership_of(agent, store), role=Role.VIEWER)


def test_an_unknown_role_is_refused(store: Store, owner: User, agent: User) -> None:
    with pytest.raises(ValidationFailed, match="A role is one of"):
        check_change_role(actor_of(owner, store), membership_of(agent, store), role="superuser")


# Deactivating, reactivating, leaving ---------------------------------------------------------


def test_deactivating_locks_the_member_out_and_takes_them_off_the_stores_teams(
    store: Store,
    other_store: Store,
    admin: User,
    agent: User,
    team: Team,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
    clock: time_machine.Traveller,
) -> None:
    Membership.objects.create(store=other_store, user=agent, role="agent")
    other_team = Team.objects.create(store=other_store, name="Łódź", timezone="Europe/Warsaw")
    other_team.members.add(agent)

    with django_capture_on_commit_callbacks(execute=True):
        check_deactivate_member(actor_of(admin, store), membership_of(agent, store))

    assert membership_of(agent, store).deactivated_at == NOW
    assert list(team.members.all()) == []
    assert list(other_team.members.all()) == [agent]
    with pytest.raises(NotFound):
        actor_of(agent, store)
    assert actor_of(agent, other_store).store == other_store
    entry = AuditLogEntry.objects.get(store=store)
    assert entry.action == "member.deactivated"
    assert entry.details == {
        "user_id": agent.pk,
        "email": "agent@moda.example",
        "role": "agent",
        "teams": ["Europe"],
    }
    assert captured_events == [
        MemberEvent(op="deactivated", store_id=store.pk, user_id=agent.pk, role="agent")
    ]


def test_deactivating_twice_is_harmless(store: Store, admin: User, agent: User) -> None:
    actor = actor_of(admin, store)
    check_deactivate_member(actor, membership_of(agent, store))
    deactivated_at = membership_of(agent, store).deactivated_at

    check_deactivate_member(actor, membership_of(agent, store))

    assert membership_of(agent, store).deactivated_at == deactivated_at
    assert audit_actions(store) == ["member.deactivated"]


def test_an_admin_cannot_deactivate_an_owner_nor_themselves(
    store: Store, admin: User, owner: User
) -> None:
    actor = actor_of(admin, store)
    before = rows()

    with pytest.raises(PermissionDenied, match="Only an owner can deactivate an owner"):
        check_deactivate_member(actor, membership_of(owner, store))
    with pytest.raises(ValidationFailed, match="leave the store instead"):
        check_deactivate_member(actor, membership_of(admin, store))

    assert rows() == before


def test_an_owner_may_deactivate_another_owner_but_never_the_last(
    store: Store, owner: User, make_staff: Callable[..., User]
) -> None:
    partner = make_staff(store, Role.OWNER, email="partner@moda.example")

    check_deactivate_member(actor_of(owner, store), membership_of(partner, store))

    before = rows()
    with pytest.raises(ValidationFailed, match="last owner cannot be deactivated"):
        check_deactivate_member(system_actor(store), membership_of(owner, store))
    assert rows() == before


def test_reactivating_brings_the_member_back_with_their_role(
    store: Store,
    admin: User,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    actor = actor_of(admin, store)
    check_deactivate_member(actor, membership_of(agent, store))

    with django_capture_on_commit_callbacks(execute=True):
        check_reactivate_member(actor, membership_of(agent, store))
        check_reactivate_member(actor, membership_of(agent, store))

    assert captured_events == [
        MemberEvent(op="reactivated", store_id=store.pk, user_id=agent.pk, role="agent")
    ]

    assert membership_of(agent, store).deactivated_at is None
    assert actor_of(agent, store).role == Role.AGENT
    assert audit_actions(store) == ["member.deactivated", "member.reactivated"]


def test_an_admin_cannot_reactivate_an_owner(
    store: Store, admin: User, owner: User, make_staff: Callable[..., User]
) -> None:
    partner = make_staff(store, Role.OWNER, email="partner@moda.example")
    check_deactivate_member(actor_of(owner, store), membership_of(partner, store))

    with pytest.raises(PermissionDenied):
        check_reactivate_member(actor_of(admin, store), membership_of(partner, store))

    assert membership_of(partner, store).deactivated_at is not None


def test_any_member_may_leave_but_not_the_last_owner(
    store: Store,
    owner: User,
    viewer: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        check_leave_store(actor_of(viewer, store))

    assert membership_of(viewer, store).deactivated_at is not None
    assert audit_actions(store) == ["member.left"]
    assert [event.op for event in captured_events] == ["deactivated"]

    with pytest.raises(ValidationFailed, match="last owner"):
        check_leave_store(actor_of(owner, store))
    assert membership_of(owner, store).deactivated_at is None


def test_an_owner_with_a_partner_may_leave(
    store: Store, owner: User, make_staff: Callable[..., User]
) -> None:
    make_staff(store, Role.OWNER, email="partner@moda.example")

    check_leave_store(actor_of(owner, store))

    assert membership_of(owner, store).deactivated_at is not None


def test_another_stores_member_is_not_found_and_nothing_changes(
    store: Store, other_store: Store, owner: User, make_staff: Callable[..., User]
) -> None:
    stranger = make_staff(other_store, Role.AGENT)
    membership = membership_of(stranger, other_store)
    actor = actor_of(owner, store)
    before = rows()

    attempts: list[Callable[[], object]] = [
        lambda: check_change_role(actor, membership, role=Role.VIEWER),
        lambda: check_deactivate_member(actor, membership),
        lambda: check_reactivate_member(actor, membership),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound):
            attempt()

    assert rows() == before
    assert membership_of(stranger, other_store).role == "agent"


def test_another_stores_invitation_is_not_found_and_nothing_changes(
    store: Store, other_store: Store, owner: User, make_staff: Callable[..., User]
) -> None:
    their_owner = make_staff(other_store, Role.OWNER)
    invitation, _token = invite(actor_of(their_owner, other_store), "ola@lodz.example")
    before = rows()

    with pytest.raises(NotFound):
        check_resend_invitation(actor_of(owner, store), invitation)
    with pytest.raises(NotFound):
        check_revoke_invitation(actor_of(owner, store), invitation)

    assert rows() == before


# What the staff page may offer ----------------------------------------------------------------


def test_the_controls_follow_the_rules(store: Store, owner: User, admin: User, agent: User) -> None:
    owners = 1
    as_admin, as_owner = actor_of(admin, store), actor_of(owner, store)

    def controls(actor: Actor, user: User) -> tuple[bool, bool, bool]:
        found = member_controls(actor, membership_of(user, store), active_owners=owners)
        return found.change_role, found.deactivate, found.reactivate

    assert controls(as_admin, owner) == (False, False, False)
    assert controls(as_admin, admin) == (False, False, False)
    assert controls(as_admin, agent) == (True, True, False)
    assert controls(as_owner, owner) == (False, False, False)
    assert controls(as_owner, admin) == (True, True, False)
    assert controls(actor_of(agent, store), agent) == (False, False, False)
    check_deactivate_member(as_admin, membership_of(agent, store))
    assert controls(as_admin, agent) == (False, False, True)


def test_the_staff_list_shows_roles_teams_status_and_last_sign_in(
    store: Store, admin: User, agent: User, viewer: User, team: Team
) -> None:
    actor = actor_of(admin, store)
    check_deactivate_member(actor, membership_of(viewer, store))
    User.objects.filter(pk=agent.pk).update(last_login=NOW)

    staff = list_staff(actor)

    # Active members by name ("Agent …" before "Emily Carter"), then the deactivated.
    assert [(m.user.email, m.role, m.teams, m.active) for m in staff] == [
        ("agent@moda.example", Role.AGENT, ("Europe",), True),
        ("admin@moda.example", Role.ADMIN, (), True),
        ("viewer@moda.example", Role.VIEWER, (), False),
    ]
    assert next(m for m in staff if m.user == agent).last_sign_in == NOW
    with pytest.raises(PermissionDenied):
        list_staff(actor_of(agent, store))


def test_open_invitations_show_which_have_expired(
    store: Store, admin: User, clock: time_machine.Traveller
) -> None:
    actor = actor_of(admin, store)
    old, _token = invite(actor, "old@moda.example")
    clock.shift(timedelta(days=8))
    new, _token = invite(actor, "new@moda.example")
    revoked, _token = invite(actor, "gone@moda.example")
    check_revoke_invitation(actor, revoked)

    pending = list_pending_invitations(actor)

    assert [(p.invitation.pk, p.expired) for p in pending] == [(new.pk, False), (old.pk, True)]


# At the same moment (PostgreSQL: SQLite runs one writer at a time) ---------------------------

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


def in_another_connection(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """Start ``work`` in a thread of its own, with its own database connection; the list
    gets what it returned or raised."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as error:  # the test reads whatever happened
            outcome.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@only_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_owners_demoting_each_other_at_once_leave_one_owner(
    store: Store, make_staff: Callable[..., User]
) -> None:
    first = make_staff(store, Role.OWNER, email="first@moda.example")
    second = make_staff(store, Role.OWNER, email="second@moda.example")
    first_actor, second_actor = actor_of(first, store), actor_of(second, store)

    with transaction.atomic():
        check_change_role(first_actor, membership_of(second, store), role=Role.ADMIN)
        thread, outcome = in_another_connection(
            lambda: check_change_role(second_actor, membership_of(first, store), role=Role.ADMIN)
        )
        thread.join(timeout=1)
        assert thread.is_alive()  # waiting for the owners' rows
    thread.join(timeout=10)

    [refused] = outcome
    assert isinstance(refused, ValidationFailed)
    assert membership_of(first, store).role == "owner"
    assert membership_of(second, store).role == "admin"


@only_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_tabs_accepting_at_once_join_once(store: Store, admin: User) -> None:
    _invitation, token = invite(actor_of(admin, store), "selin@moda.example")

    with transaction.atomic():
        do_accept_invitation(token, name="Selin", password=PASSWORD)
        thread, outcome = in_another_connection(
            lambda: do_accept_invitation(token, name="Selin", password=PASSWORD)
        )
        thread.join(timeout=1)
        assert thread.is_alive()  # waiting for the invitation's row
    thread.join(timeout=10)

    [refused] = outcome
    assert isinstance(refused, InvitationGone)
    assert User.objects.filter(email="selin@moda.example").count() == 1
    assert Membership.objects.filter(store=store, user__email="selin@moda.example").count() == 1
