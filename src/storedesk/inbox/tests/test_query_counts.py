"""The inbox's pages and lists cost a fixed, small number of queries, whatever they show."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from storedesk.accounts.models import Team, User
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.actions.attachments import do_store_attachment
from storedesk.inbox.models import Attachment, Channel, Conversation, ConversationTag
from storedesk.inbox.schemas import ConversationOut
from storedesk.inbox.tests.factories import (
    CannedReplyFactory,
    CannedReplyTextFactory,
    ConversationFactory,
    MessageFactory,
)
from storedesk.inbox.tests.test_views import PNG, url
from storedesk.orders.tests.factories import give_orders

pytestmark = pytest.mark.django_db

# Session, user and membership: what every staff page costs before it starts.
STAFF_PAGE = 3
# The agents' presence: the toggle and the assignment menu share one query.
PRESENCE = 1
# The conversation: itself and its tags, its messages and their attachments, the canned
# replies and their texts, the order a reply is about (one query), the customer's earlier
# conversations, the agents, the teams, the linked orders, the customer's latest orders with
# their lines, shipments and scans, their totals, and the customer's tags. A customer without
# orders costs three fewer: nothing to fetch lines for.
CONVERSATION = 17
NO_ORDERS = 3
# The list: the page of conversations and their tags' names.
LIST = 2
# The views' counts: one query for the four.
VIEW_COUNTS = 1
# Around the list on the whole page: the store switcher and the tag filter.
PAGE_FRAME = 2


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def busy_conversation(store: Store, agent: User, *, messages: int, orders: int) -> Conversation:
    customer = CustomerFactory(store=store)
    conversation = ConversationFactory(customer=customer, assignee=agent)
    tag, _ = ConversationTag.objects.get_or_create(store=store, key="kargo", name="Kargo")
    conversation.tags.add(tag)
    for index in range(messages):
        message = MessageFactory(conversation=conversation, text=f"Mesaj {index}")
        if index % 10 == 0:
            attachment = do_store_attachment(store, filename="a.png", content=PNG)
            Attachment.objects.filter(pk=attachment.pk).update(message=message)
    give_orders(customer, orders)
    conversation.orders.add(*customer.orders.all()[:2])
    for _ in range(orders):
        ConversationFactory(customer=customer, channel=Channel.EMAIL)
    return conversation


def count(client: Client, path: str, **headers: str) -> int:
    client.get(path, headers=headers)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def setting(store: Store, agent: User) -> Callable[[int, int], Conversation]:
    team = Team.objects.create(store=store, name="Returns", timezone="UTC")
    team.members.add(agent)
    CannedReplyTextFactory(reply=CannedReplyFactory(store=store))

    def make(messages: int, orders: int) -> Conversation:
        return busy_conversation(store, agent, messages=messages, orders=orders)

    return make


@pytest.mark.parametrize(("messages", "orders"), [(1, 0), (2, 1), (60, 5)])
def test_a_conversations_partial_costs_a_fixed_small_number_of_queries(
    store: Store,
    agent: User,
    setting: Callable[[int, int], Conversation],
    messages: int,
    orders: int,
) -> None:
    conversation = setting(messages, orders)
    path = url("inbox-conversation", store, conversation.pk)

    queries = count(
        logged_in(agent), path, **{"HX-Request": "true", "HX-Target": "conversation-area"}
    )

    expected = STAFF_PAGE + PRESENCE + CONVERSATION
    assert queries == (expected if orders else expected - NO_ORDERS)


@pytest.mark.parametrize(("messages", "orders"), [(1, 0), (2, 1), (60, 5)])
def test_a_conversations_whole_page_costs_a_fixed_small_number_of_queries(
    store: Store,
    agent: User,
    setting: Callable[[int, int], Conversation],
    messages: int,
    orders: int,
) -> None:
    conversation = setting(messages, orders)
    for _ in range(messages):
        ConversationFactory(customer=CustomerFactory(store=store), assignee=agent)

    queries = count(logged_in(agent), url("inbox-conversation", store, conversation.pk))

    # The list and its views' counts follow in a request of their own (the list's).
    expected = STAFF_PAGE + PRESENCE + CONVERSATION + PAGE_FRAME
    assert queries == (expected if orders else expected - NO_ORDERS)


@pytest.mark.parametrize("conversations", [1, 40])
def test_the_inbox_page_costs_a_fixed_small_number_of_queries(
    store: Store, agent: User, setting: Callable[[int, int], Conversation], conversations: int
) -> None:
    for index in range(conversations):
        setting(1 + index % 3, 0)

    queries = count(logged_in(agent), url("inbox", store))

    assert queries == STAFF_PAGE + PRESENCE + LIST + PAGE_FRAME + VIEW_COUNTS


@pytest.mark.parametrize("conversations", [1, 40])
def test_the_list_a_conversations_page_loads_costs_a_fixed_small_number_of_queries(
    store: Store, agent: User, setting: Callable[[int, int], Conversation], conversations: int
) -> None:
    for index in range(conversations):
        setting(1 + index % 3, 0)

    queries = count(logged_in(agent), url("inbox", store), **{"HX-Request": "true"})

    assert queries == STAFF_PAGE + LIST + VIEW_COUNTS


@pytest.mark.parametrize("conversations", [1, 40])
def test_the_api_list_costs_three_queries(
    store: Store, api_client: Client, agent: User, conversations: int
) -> None:
    for index in range(conversations):
        busy_conversation(store, agent, messages=1, orders=index % 2)

    # The token, the page of conversations, the tag names.
    assert count(api_client, "/api/v1/conversations") == 3


def test_the_api_lists_rows_have_every_field_of_the_schema(
    store: Store, api_client: Client, agent: User
) -> None:
    conversation = busy_conversation(store, agent, messages=1, orders=0)
    customer = conversation.customer

    [row] = api_client.get("/api/v1/conversations").json()["items"]

    assert set(row) == set(ConversationOut.model_fields)
    assert row["customer"] == {"id": customer.pk, "name": str(customer), "email": customer.email}
    assert (row["id"], row["tags"], row["assignee_id"]) == (conversation.pk, ["Kargo"], agent.pk)
