from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.models import ApiToken, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_token
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


@pytest.mark.parametrize(
    "name", ["inbox", "customer-list", "order-list", "help-center", "reports", "store-settings"]
)
def test_every_page_of_the_frame_needs_a_login(client: Client, store: Store, name: str) -> None:
    response = client.get(reverse(name, args=[store.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    "name", ["inbox", "customer-list", "order-list", "help-center", "reports", "store-settings"]
)
def test_a_member_sees_the_frame_and_another_stores_agent_gets_404(
    store: Store, other_store: Store, make_staff: Callable[..., User], name: str
) -> None:
    member = make_staff(store, Role.VIEWER)
    outsider = make_staff(other_store, Role.OWNER)

    assert logged_in(member).get(reverse(name, args=[store.slug])).status_code == 200
    assert logged_in(outsider).get(reverse(name, args=[store.slug])).status_code == 404


def test_login_with_the_right_password_opens_the_stores_inbox(store: Store, agent: User) -> None:
    agent.set_password(PASSWORD)
    agent.save()
    client = Client()

    response = client.post("/login/", {"username": agent.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/")["Location"] == f"/s/{store.slug}/inbox/"


def test_five_wrong_passwords_lock_the_account_out(store: Store, agent: User) -> None:
    agent.set_password(PASSWORD)
    agent.save()
    client = Client()

    for _ in range(5):
        response = client.post("/login/", {"username": agent.email, "password": "wrong"})
    locked = client.post("/login/", {"username": agent.email, "password": PASSWORD})

    assert response.status_code == 429
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(store: Store, agent: User) -> None:
    client = logged_in(agent)

    assert client.get("/logout/").status_code == 405
    assert client.post("/logout/").status_code == 302
    assert client.get(reverse("customer-list", args=[store.slug])).status_code == 302


def test_the_ui_speaks_the_agents_language(store: Store, make_staff: Callable[..., User]) -> None:
    turkish = make_staff(store, Role.AGENT, language="tr")

    page = logged_in(turkish).get(reverse("customer-list", args=[store.slug]))

    assert "Müşteriler" in page.content.decode()


def test_an_agent_changes_their_language_and_time_zone(store: Store, agent: User) -> None:
    client = logged_in(agent)

    response = client.post(
        "/preferences/", {"language": "pl", "timezone": "Europe/Warsaw", "next": "/"}
    )

    agent.refresh_from_db()
    assert response.status_code == 302
    assert (agent.language, agent.timezone) == ("pl", "Europe/Warsaw")


def test_unknown_preferences_are_refused_with_a_message(store: Store, agent: User) -> None:
    client = logged_in(agent)

    client.post("/preferences/", {"language": "xx", "timezone": "Mars/Olympus", "next": "/"})

    agent.refresh_from_db()
    assert (agent.language, agent.timezone) == ("en", "UTC")


def test_only_admins_see_and_manage_api_tokens(
    store: Store, make_staff: Callable[..., User]
) -> None:
    agent_client = logged_in(make_staff(store, Role.AGENT))
    admin_client = logged_in(make_staff(store, Role.ADMIN))
    create = reverse("api-token-create", args=[store.slug])

    assert (
        "API tokens"
        not in agent_client.get(reverse("store-settings", args=[store.slug])).content.decode()
    )
    assert agent_client.post(create, {"name": "Shop"}).status_code == 403
    assert not ApiToken.objects.exists()

    page = admin_client.post(create, {"name": "Shop"}).content.decode()
    token = ApiToken.objects.get()
    raw = page.split('<p class="secret" id="new-token">')[1].split("</p>")[0]
    assert get_actor_for_token(raw) is not None

    revoke = reverse("api-token-revoke", args=[store.slug, token.pk])
    assert agent_client.post(revoke).status_code == 403
    assert admin_client.post(revoke).status_code == 302
    assert get_actor_for_token(raw) is None
    assert AuditLogEntry.objects.filter(
        action="api_token.revoked", target_id=str(token.pk)
    ).exists()


def test_another_stores_token_cannot_be_revoked(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    admin_client = logged_in(make_staff(store, Role.ADMIN))
    foreign = ApiToken.objects.create(
        store=other_store, name="Theirs", prefix="abcd1234", secret_hash="x" * 64
    )

    response = admin_client.post(reverse("api-token-revoke", args=[store.slug, foreign.pk]))

    foreign.refresh_from_db()
    assert response.status_code == 404
    assert foreign.revoked_at is None


def test_token_creation_needs_csrf(store: Store, make_staff: Callable[..., User]) -> None:
    client = logged_in(make_staff(store, Role.ADMIN), enforce_csrf_checks=True)

    response = client.post(reverse("api-token-create", args=[store.slug]), {"name": "Shop"})

    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_only_admins_are_offered_the_website_chat_settings(
    store: Store, make_staff: Callable[..., User]
) -> None:
    settings_page = reverse("store-settings", args=[store.slug])
    chat_settings = reverse("chat-widget-settings", args=[store.slug])

    admin_page = logged_in(make_staff(store, Role.ADMIN)).get(settings_page).content.decode()
    agent_page = logged_in(make_staff(store, Role.AGENT)).get(settings_page).content.decode()

    assert chat_settings in admin_page
    assert chat_settings not in agent_page
