"""Every link on the store's settings page opens for the member who sees it: a card whose
page a role may not open is not shown to that role. The page gathers sections from every
part of accounts (and other apps), so the test follows whatever links the page has."""

from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.actions import do_record_audit
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db


class _Links(HTMLParser):
    """The targets of every ``<a href>`` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def site_links(html: str) -> list[str]:
    """The page's links within Storedesk (into the store, and the member's own pages),
    without their fragments, each once."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    found: list[str] = []
    for href in parser.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        link = parts.path + (f"?{parts.query}" if parts.query else "")
        if link not in found:
            found.append(link)
    return found


@pytest.fixture
def furnished_store(store: Store, team: Team, make_staff: Callable[..., User]) -> Store:
    """A store with something in each section: a team, a token, entries in the log."""
    do_create_api_token(store, name="Platform sync")
    owner = make_staff(store, Role.OWNER, email="owner@moda.example")
    for action in ("order.updated", "conversation.assigned"):
        do_record_audit(
            store_id=store.pk, actor_user_id=owner.pk, actor_label=owner.email,
            action=action, target_type=action.split(".")[0], target_id=1,
        )  # fmt: skip
    return store


@pytest.mark.parametrize("role", list(Role))
def test_every_link_on_the_settings_page_opens_for_the_role_that_sees_it(
    furnished_store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    client = logged_in(make_staff(furnished_store, role))
    page = client.get(reverse("store-settings", args=[furnished_store.slug]))
    links = site_links(page.content.decode())

    failures = []
    for link in links:
        # The home page sends a member of one store on to its inbox.
        response = client.get(link, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else link
        if response.status_code != 200 or landed.startswith("/login/"):
            failures.append((link, response.status_code, landed))

    assert page.status_code == 200
    assert sum(link.startswith(f"/s/{furnished_store.slug}/") for link in links) >= 6
    assert failures == []


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.VIEWER, {"canned-reply-list", "policy-settings"}),
        (Role.AGENT, {"canned-reply-list", "policy-settings"}),
        (
            Role.ADMIN,
            {
                "canned-reply-list",
                "policy-settings",
                "chat-widget-settings",
                "help-center-settings",
                "audit-log",
            },
        ),
        (
            Role.OWNER,
            {
                "canned-reply-list",
                "policy-settings",
                "chat-widget-settings",
                "help-center-settings",
                "audit-log",
            },
        ),
    ],
)
def test_each_role_sees_the_cards_it_may_open(
    furnished_store: Store, make_staff: Callable[..., User], role: Role, shown: set[str]
) -> None:
    cards = {
        "canned-reply-list",
        "policy-settings",
        "chat-widget-settings",
        "help-center-settings",
        "audit-log",
    }
    client = logged_in(make_staff(furnished_store, role))

    links = site_links(
        client.get(reverse("store-settings", args=[furnished_store.slug])).content.decode()
    )

    assert {name for name in cards if reverse(name, args=[furnished_store.slug]) in links} == shown
