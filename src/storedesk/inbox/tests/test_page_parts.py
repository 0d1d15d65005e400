"""A conversation's page shows the conversation first: the list beside it follows in the
list's own request, and the customer panel keeps the tracking history to the latest order."""

import re

import pytest

from storedesk.accounts.models import User
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.models import ConversationStatus
from storedesk.inbox.tests.factories import ConversationFactory
from storedesk.inbox.tests.test_views import url
from storedesk.orders.tests.factories import give_orders

pytestmark = pytest.mark.django_db


def test_a_conversations_page_leaves_the_list_to_the_lists_request(
    store: Store, agent: User
) -> None:
    shown = ConversationFactory(customer=CustomerFactory(store=store, first_name="Ayşe"))
    other = ConversationFactory(
        customer=CustomerFactory(store=store, first_name="Jan"), status=ConversationStatus.PENDING
    )
    client = logged_in(agent)
    query = "view=all&status=pending"

    page = client.get(f"{url('inbox-conversation', store, shown.pk)}?{query}").content.decode()

    [placeholder] = re.findall(r'<div id="conversation-list"[^>]*>', page)
    list_url = f"{url('inbox', store)}?{query}"
    assert f'hx-get="{list_url.replace("&", "&amp;")}"' in placeholder
    assert 'hx-trigger="load"' in placeholder
    assert "conversation-row" not in page
    # Without scripts, a link opens the list instead.
    assert f'<noscript><p class="empty"><a href="{list_url.replace("&", "&amp;")}">' in page
    fragment = client.get(list_url, headers={"HX-Request": "true"}).content.decode()
    assert f'data-conversation-id="{other.pk}"' in fragment
    assert f'data-conversation-id="{shown.pk}"' not in fragment
    # The views' tabs come along with their counts.
    assert 'id="inbox-views"' in fragment
    assert 'hx-swap-oob="true"' in fragment
    assert 'data-view="all">All <span class="count">2</span>' in fragment


def test_the_inbox_page_still_shows_its_list_at_once(store: Store, agent: User) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    page = logged_in(agent).get(url("inbox", store)).content.decode()

    assert f'data-conversation-id="{conversation.pk}"' in page
    assert 'hx-trigger="load"' not in page


def test_only_the_latest_order_shows_its_tracking_history(store: Store, agent: User) -> None:
    customer = CustomerFactory(store=store)
    give_orders(customer, 3)
    conversation = ConversationFactory(customer=customer)
    latest, *older = customer.orders.order_by("-placed_at", "-id")

    page = logged_in(agent).get(url("inbox-conversation", store, conversation.pk)).content.decode()

    panel = page[page.index('id="orders-heading"') :]
    assert panel.count('<ol class="timeline"') == 1
    latest_index = latest.pk - min(order.pk for order in [latest, *older])
    assert f"Scan {latest_index}-2" in panel
    for order in older:
        # Each older parcel still shows its carrier and state.
        assert f"#{order.number}" in panel
    assert panel.count('<div class="shipment">') == 3
