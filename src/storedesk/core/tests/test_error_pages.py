"""Forbidden and not-found pages are pages of the app, in the reader's language; after
logging in an agent lands in the inbox; the phone's account menu has a name."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _not_debug(settings: Any) -> None:
    # What every deployment runs with: Django's technical pages are off.
    settings.DEBUG = False


def test_a_mistyped_address_is_a_page_of_the_app(agent: User) -> None:
    response = logged_in(agent).get("/s/moda/inboxx/")

    body = response.content.decode()
    assert response.status_code == 404
    assert "<title>Page not found · Storedesk</title>" in body
    assert '<link rel="stylesheet" href="/static/core/app.css">' in body
    assert '<a href="/">Go to the start page</a>' in body
    # Never Django's technical page, which lists every URL pattern.
    assert "URLconf" not in body
    assert "s/&lt;slug:store_slug&gt;" not in body


def test_a_missing_conversation_is_not_found_inside_the_frame(store: Store, agent: User) -> None:
    response = logged_in(agent).get(reverse("inbox-conversation", args=[store.slug, 999999]))

    body = response.content.decode()
    assert response.status_code == 404
    assert '<header class="topbar">' in body
    assert "<h1>Page not found</h1>" in body


def test_a_forbidden_action_is_a_page_of_the_app(
    store: Store, make_staff: Callable[..., User]
) -> None:
    viewer = make_staff(store, Role.VIEWER)

    response = logged_in(viewer).get(reverse("canned-reply-create", args=[store.slug]))

    body = response.content.decode()
    assert response.status_code == 403
    assert "<title>Not allowed · Storedesk</title>" in body
    assert '<header class="topbar">' in body
    assert "403 Forbidden" not in body


def test_error_pages_speak_the_readers_language(
    store: Store, make_staff: Callable[..., User]
) -> None:
    turkish = logged_in(make_staff(store, Role.VIEWER, language="tr"))

    missing = turkish.get(reverse("inbox-conversation", args=[store.slug, 999999]))
    forbidden = turkish.get(reverse("canned-reply-create", args=[store.slug]))

    for response in (missing, forbidden):
        body = response.content.decode()
        assert '<html lang="tr">' in body
        assert "İçeriğe geç" in body  # the frame, already translated
        assert "Çıkış yap" in body


def test_error_pages_titles_are_translated(store: Store, make_staff: Callable[..., User]) -> None:
    """Needs the Turkish catalogue to have the error pages' new sentences."""
    turkish = logged_in(make_staff(store, Role.VIEWER, language="tr"))

    missing = turkish.get("/s/moda/inboxx/").content.decode()
    forbidden = turkish.get(reverse("canned-reply-create", args=[store.slug])).content.decode()

    assert "Page not found" not in missing
    assert "Go to the start page" not in missing
    assert "Not allowed" not in forbidden


def test_an_anonymous_visitor_gets_the_not_found_page_too(client: Client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_after_login_an_agent_lands_in_the_inbox(store: Store, agent: User) -> None:
    agent.set_password("kargo-takip-2026")
    agent.save()
    client = Client()

    response = client.post(
        "/login/", {"username": agent.email, "password": "kargo-takip-2026"}, follow=True
    )

    assert response.redirect_chain[-1] == (f"/s/{store.slug}/inbox/", 302)
    assert response.status_code == 200
    assert '<h1 id="conversations-heading">Conversations</h1>' in response.content.decode()


def test_a_member_of_several_stores_chooses_one_and_lands_in_its_inbox(
    store: Store, other_store: Store, agent: User, make_staff: Callable[..., User]
) -> None:
    from storedesk.accounts.tests.factories import MembershipFactory

    MembershipFactory(store=other_store, user=agent, role=Role.AGENT.value)

    body = logged_in(agent).get("/").content.decode()

    assert f'<a href="/s/{store.slug}/inbox/">' in body
    assert f'<a href="/s/{other_store.slug}/inbox/">' in body


def test_the_account_menu_button_has_an_accessible_name(store: Store, agent: User) -> None:
    body = logged_in(agent).get(reverse("inbox", args=[store.slug])).content.decode()

    # On a phone the name beside the avatar is hidden: the button is named by its label.
    assert (
        '<summary aria-label="Your account and language"><span class="avatar" aria-hidden="true">'
        in body
    )


def test_the_account_menu_name_is_translated(store: Store, make_staff: Callable[..., User]) -> None:
    """Needs the Turkish catalogue to have the new label."""
    turkish = logged_in(make_staff(store, Role.AGENT, language="tr"))

    body = turkish.get(reverse("inbox", args=[store.slug])).content.decode()

    assert '<summary aria-label="' in body
    assert 'aria-label="Your account and language"' not in body
