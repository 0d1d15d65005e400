"""Settings → Chat widget: only the store's admins see and change it; bad input saves
nothing."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.livechat.models import ChatWidget

pytestmark = pytest.mark.django_db


def settings_url(store: Store) -> str:
    return reverse("chat-widget-settings", args=[store.slug])


def test_the_page_shows_the_snippet_and_secret_to_an_admin(
    admin: User, store: Store, widget: ChatWidget
) -> None:
    response = logged_in(admin).get(settings_url(store))

    body = response.content.decode()
    assert response.status_code == 200
    assert f'data-storedesk-key="{widget.key}"' in body
    assert "http://testserver/static/livechat/widget.js" in body
    assert widget.identity_secret in body


@pytest.mark.parametrize(("role", "status"), [(Role.AGENT, 403), (Role.VIEWER, 403)])
def test_staff_who_cannot_manage_the_store_are_refused(
    store: Store, widget: ChatWidget, make_staff: Callable[..., User], role: Role, status: int
) -> None:
    user = make_staff(store, role)

    page = logged_in(user).get(settings_url(store))
    rotate = logged_in(user).post(reverse("chat-widget-rotate-secret", args=[store.slug]))

    assert (page.status_code, rotate.status_code) == (status, status)
    assert ChatWidget.objects.get().identity_secret == widget.identity_secret


def test_anonymous_visitors_are_sent_to_log_in(store: Store, widget: ChatWidget) -> None:
    response = Client().get(settings_url(store))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_another_stores_admin_is_not_found(
    store: Store, other_store: Store, widget: ChatWidget, make_staff: Callable[..., User]
) -> None:
    stranger = make_staff(other_store, Role.ADMIN)

    response = logged_in(stranger).get(settings_url(store))

    assert response.status_code == 404
    assert widget.identity_secret not in response.content.decode()


def test_an_admin_creates_the_widget(admin: User, store: Store) -> None:
    response = logged_in(admin).post(reverse("chat-widget-create", args=[store.slug]))

    widget = ChatWidget.objects.get()
    assert response.status_code == 302
    assert widget.key.startswith("wk_")
    assert len(widget.identity_secret) == 64
    assert AuditLogEntry.objects.get().action == "chat_widget.created"


def test_an_admin_changes_the_settings(admin: User, store: Store, widget: ChatWidget) -> None:
    team = Team.objects.create(store=store, name="Europe", timezone="Europe/Istanbul")

    response = logged_in(admin).post(
        settings_url(store),
        {
            "enabled": "on",
            "team": str(team.pk),
            "allowed_origins": "https://Shop.example/\nhttps://www.shop.example:8443",
            "greeting-tr": "  Hoş geldiniz!  ",
            "greeting-en": "",
            "accent_color": "#FF6600",
        },
    )

    widget.refresh_from_db()
    assert response.status_code == 302
    assert widget.team_id == team.pk
    assert widget.allowed_origins == ["https://shop.example", "https://www.shop.example:8443"]
    assert widget.greeting == {"tr": "Hoş geldiniz!"}
    assert widget.accent_color == "#ff6600"


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("allowed_origins", "https://shop.example/checkout", "is not an origin"),
        ("allowed_origins", "javascript:alert(1)", "is not an origin"),
        ("accent_color", "red", "accent colour"),
        ("team", "999999", "No such team"),
        ("team", "abc", "Choose a team"),
        ("greeting-tr", "x" * 501, "at most 500"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_saved(
    admin: User, store: Store, widget: ChatWidget, field: str, value: str, fragment: str
) -> None:
    form = {"enabled": "on", "allowed_origins": "", "accent_color": "#2563eb", field: value}

    response = logged_in(admin).post(settings_url(store), form)

    assert response.status_code == 422
    assert fragment in response.content.decode()
    saved = ChatWidget.objects.get()
    assert (saved.allowed_origins, saved.accent_color, saved.team_id) == ([], "#2563eb", None)


def test_another_stores_team_cannot_be_chosen(
    admin: User, store: Store, other_store: Store, widget: ChatWidget
) -> None:
    theirs = Team.objects.create(store=other_store, name="Polska", timezone="Europe/Warsaw")

    response = logged_in(admin).post(
        settings_url(store), {"team": str(theirs.pk), "accent_color": "#2563eb"}
    )

    assert response.status_code == 422
    assert ChatWidget.objects.get().team_id is None


def test_rotating_the_secret_replaces_it(admin: User, store: Store, widget: ChatWidget) -> None:
    response = logged_in(admin).post(reverse("chat-widget-rotate-secret", args=[store.slug]))

    widget_after = ChatWidget.objects.get()
    assert response.status_code == 302
    assert widget_after.identity_secret != widget.identity_secret
    assert len(widget_after.identity_secret) == 64
    assert AuditLogEntry.objects.get().action == "chat_widget.secret_rotated"
