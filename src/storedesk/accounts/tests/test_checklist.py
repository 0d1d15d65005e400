"""The getting-started checklist: each step ticks itself from what the store has done, for
that store only, and the page showing it is for those who manage the store."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from storedesk.accounts.actions.stores import NewOwner, StoreDetails, do_create_store
from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.actors import system_actor
from storedesk.accounts.checklist import Checklist, ChecklistItem, checklist
from storedesk.accounts.models import Invitation, Membership, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_token
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.inbox.models import Channel
from storedesk.inbox.tests.factories import ConversationFactory
from storedesk.livechat.actions import check_send_visitor_message, check_start_session
from storedesk.livechat.selectors import read_visitor_token
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.orders.tests.factories import OrderFactory
from storedesk.policies.actions import (
    check_publish_return_version,
    check_save_return_rule,
    check_start_return_draft,
)
from storedesk.policies.selectors import get_return_preset

pytestmark = pytest.mark.django_db

STEPS = ["shop", "email", "chat", "team", "return_policy"]


def done(store: Store) -> dict[str, bool]:
    return {entry.name: entry.done for entry in checklist.progress(store).entries}


def only(*names: str) -> dict[str, bool]:
    return {name: name in names for name in STEPS}


@pytest.fixture
def new_store(db: None) -> Store:
    """A store as the first-run page leaves it: its owner and nothing else."""
    details = StoreDetails(
        name="Kargo Dükkanı",
        slug="kargo",
        default_language="tr",
        languages=("tr", "en"),
        currency="TRY",
        timezone="Europe/Istanbul",
        country="TR",
    )
    return do_create_store(details, owner=NewOwner(email="ada@example.com")).store


def test_a_new_store_has_every_step_to_do_in_order(new_store: Store) -> None:
    progress = checklist.progress(new_store)

    assert [entry.name for entry in progress.entries] == STEPS
    assert [entry.label for entry in progress.entries] == [
        "Connect your shop",
        "Connect email",
        "Add the chat to your site",
        "Invite your team",
        "Publish your return policy",
    ]
    assert (progress.done_count, progress.total, progress.complete) == (0, 5, False)
    assert [entry.url for entry in progress.entries] == [
        "/s/kargo/settings/#tokens",
        "/s/kargo/settings/#tokens",
        "/s/kargo/settings/chat/",
        "/s/kargo/settings/#staff",
        "/s/kargo/settings/policies/returns/",
    ]


def test_the_shop_is_connected_once_its_token_is_used(new_store: Store) -> None:
    _token, raw = do_create_api_token(new_store, name="Shop platform")
    assert done(new_store) == only()

    get_actor_for_token(raw)

    assert done(new_store) == only("shop")


def test_the_shop_is_connected_once_an_order_arrived(new_store: Store) -> None:
    OrderFactory(customer__store=new_store)

    assert done(new_store) == only("shop")


def test_email_is_connected_once_an_email_conversation_arrived(new_store: Store) -> None:
    ConversationFactory(customer__store=new_store, channel=Channel.WHATSAPP)
    assert done(new_store) == only()

    ConversationFactory(customer__store=new_store, channel=Channel.EMAIL)

    assert done(new_store) == only("email")


def test_the_chat_is_on_the_site_once_a_shopper_wrote(new_store: Store) -> None:
    widget = ChatWidgetFactory(store=new_store)
    session = check_start_session(
        key=widget.key, token=None, language="tr", identity=None, origin=None,
        client_address="127.0.0.1",
    )  # fmt: skip
    # A widget that exists, even one a visitor opened, is not yet a chat on the site.
    assert done(new_store) == only()

    check_send_visitor_message(read_visitor_token(session.token), client_id="c1", text="Merhaba")

    assert done(new_store)["chat"]


def test_chats_brought_over_count_as_the_chat_in_use(new_store: Store) -> None:
    ConversationFactory(customer__store=new_store, channel=Channel.CHAT)

    assert done(new_store) == only("chat")


def test_the_team_is_invited_by_a_second_member(
    new_store: Store, make_staff: Callable[..., User]
) -> None:
    colleague = make_staff(new_store, Role.AGENT)
    assert done(new_store) == only("team")

    Membership.objects.filter(user=colleague).update(deactivated_at=timezone.now())

    assert done(new_store) == only()


@pytest.mark.parametrize(
    ("state", "counts"),
    [
        ({}, True),
        ({"accepted_at": timezone.now()}, False),  # accepted: then they are a member
        ({"revoked_at": timezone.now()}, False),
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, False),
    ],
)
def test_the_team_is_invited_by_a_pending_invitation(
    new_store: Store, state: dict[str, object], counts: bool
) -> None:
    fields: dict[str, object] = {
        "store": new_store,
        "email": "ayse@example.com",
        "role": Role.AGENT.value,
        "token_hash": "0" * 64,
        "sent_at": timezone.now(),
        "expires_at": timezone.now() + timedelta(days=7),
    }
    Invitation.objects.create(**(fields | state))

    assert done(new_store)["team"] is counts


def test_the_return_policy_counts_once_published(new_store: Store) -> None:
    actor = system_actor(new_store)
    draft = check_start_return_draft(actor)
    draft = check_save_return_rule(actor, draft, get_return_preset("30") | {"category_id": None})
    assert done(new_store) == only()

    check_publish_return_version(actor, draft)

    assert done(new_store) == only("return_policy")


def test_each_store_ticks_its_own_steps(new_store: Store, store: Store) -> None:
    OrderFactory(customer__store=store)
    ConversationFactory(customer__store=store, channel=Channel.EMAIL)
    ChatWidgetFactory(store=store)

    assert done(new_store) == only()


def take_every_step(store: Store, make_staff: Callable[..., User]) -> None:
    OrderFactory(customer__store=store)
    ConversationFactory(customer__store=store, channel=Channel.EMAIL)
    widget = ChatWidgetFactory(store=store)
    session = check_start_session(
        key=widget.key, token=None, language="tr", identity=None, origin=None,
        client_address="127.0.0.1",
    )  # fmt: skip
    check_send_visitor_message(read_visitor_token(session.token), client_id="c1", text="Selam")
    make_staff(store, Role.AGENT)
    actor = system_actor(store)
    draft = check_start_return_draft(actor)
    draft = check_save_return_rule(actor, draft, get_return_preset("14") | {"category_id": None})
    check_publish_return_version(actor, draft)


def test_every_step_done_completes_the_checklist(
    new_store: Store, make_staff: Callable[..., User]
) -> None:
    take_every_step(new_store, make_staff)

    progress = checklist.progress(new_store)

    assert (progress.done_count, progress.complete) == (5, True)


def test_an_app_registers_a_step_of_its_own(new_store: Store) -> None:
    registry = Checklist()
    remove = registry.register(
        ChecklistItem(
            name="reviews",
            label="Ask for reviews",
            hint="",
            url=lambda store: f"/s/{store.slug}/reviews/",
            done=lambda store: True,
        )
    )
    registry.register(
        ChecklistItem(
            name="first", label="First", hint="", url=lambda store: "", done=lambda s: False,
            position=1,
        )
    )  # fmt: skip

    assert [entry.name for entry in registry.progress(new_store).entries] == ["first", "reviews"]
    remove()
    assert [entry.name for entry in registry.progress(new_store).entries] == ["first"]


# The getting-started page ---------------------------------------------------------------


def test_the_page_shows_each_step_with_its_state(
    new_store: Store, make_staff: Callable[..., User]
) -> None:
    OrderFactory(customer__store=new_store)
    admin = make_staff(new_store, Role.ADMIN)

    response = logged_in(admin).get(reverse("store-start", args=[new_store.slug]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "2 of 5 done" in html  # the shop, and the team now that the admin is in it
    shop = html[html.index('id="step-shop"') : html.index('id="step-email"')]
    email = html[html.index('id="step-email"') : html.index('id="step-chat"')]
    assert '<a href="/s/kargo/settings/#tokens">Connect your shop</a>' in shop
    assert '<span class="badge good">Done</span>' in shop
    assert '<span class="badge muted">To do</span>' in email


@pytest.mark.parametrize("role", [Role.AGENT, Role.VIEWER])
def test_the_page_is_for_those_who_manage_the_store(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    client = logged_in(make_staff(store, role))

    assert client.get(reverse("store-start", args=[store.slug])).status_code == 403


def test_another_stores_owner_finds_no_such_page(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    outsider = logged_in(make_staff(other_store, Role.OWNER))

    assert outsider.get(reverse("store-start", args=[store.slug])).status_code == 404


def test_the_page_needs_a_login(client: Client, store: Store) -> None:
    response = client.get(reverse("store-start", args=[store.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_inbox_shows_nothing_of_the_checklist(new_store: Store) -> None:
    owner = User.objects.get(email="ada@example.com")

    html = logged_in(owner).get(reverse("inbox", args=[new_store.slug])).content.decode()

    assert reverse("store-start", args=[new_store.slug]) not in html


def test_home_leads_a_manager_to_the_checklist_until_it_is_done(
    store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)
    agent = make_staff(store, Role.AGENT)

    assert logged_in(owner).get("/")["Location"] == reverse("store-start", args=[store.slug])
    # Agents land in the inbox whatever the checklist says.
    assert logged_in(agent).get("/")["Location"] == reverse("inbox", args=[store.slug])


def test_home_leads_a_manager_to_the_inbox_once_the_checklist_is_done(
    new_store: Store, make_staff: Callable[..., User]
) -> None:
    take_every_step(new_store, make_staff)
    owner = User.objects.get(email="ada@example.com")

    assert logged_in(owner).get("/")["Location"] == reverse("inbox", args=[new_store.slug])
