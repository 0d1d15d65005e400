"""The staff page and the invitation page: who sees what, forms that refuse bad input with
nothing written, double submits, and a deactivated member shut out of every door."""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async as db
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from storedesk.accounts.actions.staff import check_deactivate_member, check_invite_staff
from storedesk.accounts.models import Invitation, Membership, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.accounts.views import staff as staff_views
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.core.tests.languages import in_turkish
from storedesk.realtime.tests.sockets import agent_socket, close_code, session_cookie

pytestmark = pytest.mark.django_db


def as_printed(text: str) -> str:
    """``text`` as the pages of the test store (whose language is Turkish) print it."""
    return escape(in_turkish(text))


PASSWORD = "kargo dükkanı parolası"


@pytest.fixture
def owner(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.OWNER, email="owner@moda.example", name="Deniz Yılmaz")


def staff_url(store: Store) -> str:
    return reverse("staff-list", args=[store.slug])


def membership_of(user: User, store: Store) -> Membership:
    return Membership.objects.get(store=store, user=user)


def send_invitation(
    by: User, store: Store, email: str = "selin@moda.example", role: str = "agent"
) -> tuple[Invitation, str]:
    sent = check_invite_staff(get_actor_for_user(by, store_slug=store.slug), email=email, role=role)
    return sent.invitation, reverse(
        "invitation-accept", args=[sent.link.rstrip("/").split("/")[-1]]
    )


def page(response: Any) -> str:
    return str(response.content.decode())


def following(client: Client, response: Any) -> str:
    assert response.status_code == 302, response.status_code
    return page(client.get(response["Location"]))


# The staff page ------------------------------------------------------------------------------


def test_the_staff_page_is_for_those_who_manage_staff(
    client: Client,
    store: Store,
    other_store: Store,
    admin: User,
    agent: User,
    viewer: User,
    make_staff: Callable[..., User],
) -> None:
    outsider = make_staff(other_store, Role.OWNER)

    assert client.get(staff_url(store))["Location"].startswith("/login/")
    assert logged_in(agent).get(staff_url(store)).status_code == 403
    assert logged_in(viewer).get(staff_url(store)).status_code == 403
    assert logged_in(outsider).get(staff_url(store)).status_code == 404
    assert logged_in(admin).get(staff_url(store)).status_code == 200


def test_the_staff_page_shows_only_the_buttons_that_work(
    store: Store, owner: User, admin: User, agent: User
) -> None:
    html = page(logged_in(admin).get(staff_url(store)))

    def url(name: str, user: User) -> str:
        return reverse(name, args=[store.slug, membership_of(user, store).pk])

    assert url("member-deactivate", agent) in html
    assert url("member-role", agent) in html
    # Not the owner, and not themselves.
    for user in (owner, admin):
        assert url("member-deactivate", user) not in html
        assert url("member-role", user) not in html
    assert '<option value="owner"' not in html
    assert "Deniz Yılmaz" in html
    assert "agent@moda.example" in html

    as_owner = page(logged_in(owner).get(staff_url(store)))
    assert url("member-deactivate", admin) in as_owner
    assert '<option value="owner"' in as_owner
    # The only owner can neither be demoted nor deactivated.
    assert url("member-role", owner) not in as_owner
    assert url("member-deactivate", owner) not in as_owner


def test_inviting_mails_the_link_and_shows_it_once(
    store: Store, admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    client = logged_in(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("staff-invite", args=[store.slug]),
            {"email": "selin@moda.example", "role": "agent"},
        )

    assert response.status_code == 302
    assert response["Location"] == staff_url(store)
    [message] = mail.outbox
    link = re.search(r"http://\S+/invitations/\S+/", str(message.body))
    assert link is not None
    first = client.get(staff_url(store))
    assert link.group(0) in page(first)
    assert "no-store" in first["Cache-Control"]
    assert "The invitation is on its way to selin@moda.example." in page(first)
    assert link.group(0) not in page(client.get(staff_url(store)))
    assert Invitation.objects.get().email == "selin@moda.example"


def test_a_double_submitted_invitation_makes_one_and_offers_a_resend(
    store: Store, admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    client = logged_in(admin)
    form = {"email": "selin@moda.example", "role": "agent"}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("staff-invite", args=[store.slug]), form)
        second = client.post(reverse("staff-invite", args=[store.slug]), form)

    invitation = Invitation.objects.get()
    assert second.status_code == 409
    assert "has been invited already" in page(second)
    assert reverse("invitation-resend", args=[store.slug, invitation.pk]) in page(second)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("form", "status", "message"),
    [
        ({"email": "not an address", "role": "agent"}, 422, "Enter a valid email address."),
        ({"email": "agent@moda.example", "role": "agent"}, 409, "already on this store"),
        ({"email": "x@moda.example", "role": "owner"}, 403, "Only an owner can invite"),
        ({"email": "x@moda.example", "role": "boss"}, 422, "A role is one of"),
        ({"email": "x@moda.example"}, 422, "Give an email address and a role."),
    ],
)
def test_a_bad_invitation_is_refused_on_the_page_with_nothing_written(
    store: Store, admin: User, agent: User, form: dict[str, str], status: int, message: str
) -> None:
    response = logged_in(admin).post(reverse("staff-invite", args=[store.slug]), form)

    assert response.status_code == status
    assert message in page(response)
    assert f'value="{form["email"]}"' in page(response)
    assert not Invitation.objects.exists()
    assert not AuditLogEntry.objects.exists()


def test_an_agent_cannot_invite(store: Store, agent: User) -> None:
    response = logged_in(agent).post(
        reverse("staff-invite", args=[store.slug]), {"email": "x@moda.example", "role": "viewer"}
    )

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_resend_and_revoke_from_the_page(
    store: Store, admin: User, django_capture_on_commit_callbacks: Any
) -> None:
    client = logged_in(admin)
    invitation, _path = send_invitation(admin, store)
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post(reverse("invitation-resend", args=[store.slug, invitation.pk]))
    assert "The invitation is sent again to selin@moda.example." in following(client, resent)
    assert len(mail.outbox) == 1

    again = client.post(reverse("invitation-resend", args=[store.slug, invitation.pk]))
    assert "was sent a moment ago" in following(client, again)

    revoked = client.post(reverse("invitation-revoke", args=[store.slug, invitation.pk]))
    assert "is withdrawn" in following(client, revoked)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert "No open invitations." in page(client.get(staff_url(store)))


def test_another_stores_invitation_or_member_is_not_found_and_unchanged(
    store: Store, other_store: Store, owner: User, make_staff: Callable[..., User]
) -> None:
    their_owner = make_staff(other_store, Role.OWNER)
    their_agent = make_staff(other_store, Role.AGENT)
    invitation, _path = send_invitation(their_owner, other_store, "ola@lodz.example")
    membership = membership_of(their_agent, other_store)
    before = (Invitation.objects.values().get(), Membership.objects.values().get(pk=membership.pk))
    client = logged_in(owner)

    for name, target in (
        ("invitation-resend", invitation.pk),
        ("invitation-revoke", invitation.pk),
        ("member-role", membership.pk),
        ("member-deactivate", membership.pk),
        ("member-reactivate", membership.pk),
    ):
        response = client.post(reverse(name, args=[store.slug, target]), {"role": "viewer"})
        assert response.status_code == 404, name

    after = (Invitation.objects.values().get(), Membership.objects.values().get(pk=membership.pk))
    assert after == before
    assert AuditLogEntry.objects.filter(action__startswith="member.").count() == 0


def test_an_admin_raising_their_own_role_is_told_no(store: Store, admin: User, owner: User) -> None:
    client = logged_in(admin)

    response = client.post(
        reverse("member-role", args=[store.slug, membership_of(admin, store).pk]),
        {"role": "owner"},
    )

    assert "You cannot change your own role; ask an owner." in following(client, response)
    assert membership_of(admin, store).role == "admin"


def test_changing_deactivating_and_reactivating_from_the_page(
    store: Store, admin: User, agent: User
) -> None:
    client = logged_in(admin)
    membership = membership_of(agent, store)

    changed = client.post(
        reverse("member-role", args=[store.slug, membership.pk]), {"role": "viewer"}
    )
    assert "role is saved" in following(client, changed)
    assert membership_of(agent, store).role == "viewer"

    deactivated = client.post(reverse("member-deactivate", args=[store.slug, membership.pk]))
    assert "is deactivated" in following(client, deactivated)
    assert membership_of(agent, store).deactivated_at is not None
    assert reverse("member-reactivate", args=[store.slug, membership.pk]) in page(
        client.get(staff_url(store))
    )

    reactivated = client.post(reverse("member-reactivate", args=[store.slug, membership.pk]))
    assert "can work in the store again" in following(client, reactivated)
    assert membership_of(agent, store).deactivated_at is None
    assert list(AuditLogEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "member.role_changed",
        "member.deactivated",
        "member.reactivated",
    ]


def test_the_staff_pages_need_a_post(store: Store, admin: User, agent: User) -> None:
    membership = membership_of(agent, store)

    response = logged_in(admin).get(reverse("member-deactivate", args=[store.slug, membership.pk]))

    assert response.status_code == 405
    assert membership_of(agent, store).deactivated_at is None


# The settings page ---------------------------------------------------------------------------


def test_settings_show_the_staff_link_only_to_those_who_may_use_it(
    store: Store, admin: User, agent: User
) -> None:
    send_invitation(admin, store)
    settings_url = reverse("store-settings", args=[store.slug])

    as_admin = page(logged_in(admin).get(settings_url))
    as_agent = page(logged_in(agent).get(settings_url))

    assert f'href="{staff_url(store)}"' in as_admin
    assert "2 active members" in as_admin
    assert "1 open invitation" in as_admin
    assert f'href="{staff_url(store)}"' not in as_agent
    assert reverse("store-leave", args=[store.slug]) in as_agent


def test_a_member_leaves_and_the_last_owner_cannot(store: Store, owner: User, agent: User) -> None:
    agent_client = logged_in(agent)

    left = agent_client.post(reverse("store-leave", args=[store.slug]))

    assert left["Location"] == reverse("home")
    assert membership_of(agent, store).deactivated_at is not None
    assert agent_client.get(reverse("inbox", args=[store.slug])).status_code == 404

    owner_client = logged_in(owner)
    settings_page = page(owner_client.get(reverse("store-settings", args=[store.slug])))
    assert "only owner" in settings_page
    refused = owner_client.post(reverse("store-leave", args=[store.slug]))
    assert "last owner" in following(owner_client, refused)
    assert membership_of(owner, store).deactivated_at is None


# The invitation page -------------------------------------------------------------------------


def test_the_invitation_page_speaks_the_stores_language(
    client: Client, store: Store, admin: User
) -> None:
    _invitation, path = send_invitation(admin, store)

    response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")

    html = page(response)
    assert response.status_code == 200
    assert '<html lang="tr">' in html
    assert "Moda Çarşı" in html
    assert "Emily Carter" in html
    assert "Temsilci" in html
    assert "selin@moda.example" in html
    assert 'name="password_again"' in html
    assert "no-store" in response["Cache-Control"]


def test_a_new_person_joins_and_lands_in_the_inbox_in_turkish(
    client: Client, store: Store, admin: User
) -> None:
    invitation, path = send_invitation(admin, store)

    response = client.post(
        path, {"name": "Selin Kaya", "password": PASSWORD, "password_again": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("inbox", args=[store.slug])
    user = User.objects.get(email="selin@moda.example")
    assert client.session["_auth_user_id"] == str(user.pk)
    inbox = client.get(response["Location"])
    assert inbox.status_code == 200
    assert '<html lang="tr">' in page(inbox)
    assert "Gelen kutusu" in page(inbox)
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_a_double_submit_lands_in_the_inbox_and_a_second_tab_is_told_it_is_used(
    client: Client, store: Store, admin: User
) -> None:
    _invitation, path = send_invitation(admin, store)
    form = {"name": "Selin Kaya", "password": PASSWORD, "password_again": PASSWORD}
    client.post(path, form)

    again = client.post(path, form)
    other_tab = Client().post(path, form)

    assert again["Location"] == reverse("inbox", args=[store.slug])
    assert other_tab.status_code == 410
    assert as_printed(
        "This invitation has been accepted already: sign in to open the store."
    ) in page(other_tab)
    assert User.objects.filter(email="selin@moda.example").count() == 1
    assert Membership.objects.filter(store=store).count() == 2


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (
            {"name": "Selin", "password": PASSWORD, "password_again": PASSWORD + "x"},
            "password-again",
        ),
        ({"name": "Selin", "password": "short", "password_again": "short"}, "password"),
        (
            {
                "name": "Selin",
                "password": "selin@moda.example",
                "password_again": "selin@moda.example",
            },
            "password",
        ),
        ({"name": "", "password": PASSWORD, "password_again": PASSWORD}, "name"),
        ({"name": "x" * 201, "password": PASSWORD, "password_again": PASSWORD}, "name"),
    ],
)
def test_a_bad_form_is_shown_again_with_nothing_written(
    client: Client, store: Store, admin: User, form: dict[str, str], field: str
) -> None:
    invitation, path = send_invitation(admin, store)

    response = client.post(path, form)

    assert response.status_code == 422
    assert f'id="{field}-errors"' in page(response)
    assert f'value="{form["name"]}"' in page(response)
    assert not User.objects.filter(email="selin@moda.example").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_closed_and_unknown_links_get_friendly_pages(
    client: Client, store: Store, admin: User
) -> None:
    expired, expired_path = send_invitation(admin, store, "old@moda.example")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    revoked, revoked_path = send_invitation(admin, store, "gone@moda.example")
    Invitation.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())

    expired_page = client.get(expired_path)
    revoked_page = client.post(
        revoked_path, {"name": "X", "password": PASSWORD, "password_again": PASSWORD}
    )
    unknown = client.get(reverse("invitation-accept", args=["not-a-real-token"]))

    assert expired_page.status_code == 410
    assert as_printed(
        "This invitation has expired: ask whoever invited you to send it again."
    ) in page(expired_page)
    assert revoked_page.status_code == 410
    assert as_printed("This invitation has been withdrawn.") in page(revoked_page)
    assert unknown.status_code == 404
    assert "not valid" in page(unknown)
    assert not User.objects.filter(email__in=["old@moda.example", "gone@moda.example"]).exists()


def test_guessing_links_is_rate_limited_per_address(
    client: Client, store: Store, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staff_views, "INVITATION_GUESSES_PER_ADDRESS", 2)
    _invitation, path = send_invitation(admin, store)

    guesses = [
        client.get(reverse("invitation-accept", args=[f"guess-{n}"])).status_code for n in range(3)
    ]
    right = client.get(path)

    assert guesses == [404, 404, 429]
    assert right.status_code == 429
    assert int(right["Retry-After"]) > 0
    assert "Too many" in page(right)
    # Another address is not held back.
    assert client.get(path, REMOTE_ADDR="10.0.0.8").status_code == 200


def test_someone_with_an_account_signs_in_to_accept(
    client: Client, store: Store, other_store: Store, admin: User, make_staff: Callable[..., User]
) -> None:
    ola = make_staff(other_store, Role.AGENT, email="ola@lodz.example", language="pl")
    _invitation, path = send_invitation(admin, store, "ola@lodz.example", "viewer")

    anonymous = page(client.get(path))
    assert f"/login/?next={path.replace('/', '%2F')}" in anonymous
    assert 'name="password_again"' not in anonymous
    refused = client.post(path, {"name": "Ola", "password": PASSWORD, "password_again": PASSWORD})
    assert refused.status_code == 409
    assert not Membership.objects.filter(store=store, user=ola).exists()

    signed_in = logged_in(ola)
    offered = page(signed_in.get(path))
    assert '<form method="post" class="stacked">' in offered
    assert 'name="password"' not in offered
    joined = signed_in.post(path)

    assert joined["Location"] == reverse("inbox", args=[store.slug])
    assert membership_of(ola, store).role == "viewer"
    assert signed_in.get(reverse("inbox", args=[store.slug])).status_code == 200


def test_a_signed_in_account_of_another_address_cannot_accept(
    store: Store, admin: User, agent: User
) -> None:
    _invitation, path = send_invitation(admin, store, "selin@moda.example", "admin")
    client = logged_in(agent)

    shown = page(client.get(path))
    refused = client.post(path)

    assert "this invitation is for selin@moda.example" in shown
    assert refused.status_code == 403
    assert membership_of(agent, store).role == "agent"
    assert not User.objects.filter(email="selin@moda.example").exists()


# A deactivated member ------------------------------------------------------------------------


def test_a_deactivated_member_is_refused_by_the_ui_and_the_api(
    store: Store, admin: User, agent: User
) -> None:
    client = logged_in(agent)
    assert client.get("/api/v1/conversations").status_code == 200
    check_deactivate_member(
        get_actor_for_user(admin, store_slug=store.slug), membership_of(agent, store)
    )

    assert client.get(reverse("inbox", args=[store.slug])).status_code == 404
    assert client.get(reverse("store-settings", args=[store.slug])).status_code == 404
    api = client.get("/api/v1/conversations")
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/conversations", HTTP_STOREDESK_STORE=store.slug).status_code == 404


@pytest.mark.anyio
@pytest.mark.django_db(transaction=True)
async def test_a_deactivated_members_socket_is_closed_with_4404(
    store: Store, admin: User, agent: User
) -> None:
    cookie = await db(session_cookie)(agent)
    admin_actor = await db(get_actor_for_user)(admin, store_slug=store.slug)
    membership = await db(membership_of)(agent, store)

    await db(check_deactivate_member)(admin_actor, membership)

    assert await close_code(agent_socket(store.slug, cookie)) == 4404
