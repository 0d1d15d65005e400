from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def test_the_order_page_shows_lines_totals_and_a_late_shipment(
    store: Store, make_staff: Callable[..., User]
) -> None:
    polish_agent = make_staff(store, Role.AGENT, language="pl")
    order = OrderFactory(customer__store=store, currency="PLN", number="5001")
    LineItemFactory(order=order, title="Koszula lniana", unit_price="171.57")
    ShipmentFactory(
        order=order, carrier="InPost", estimated_delivery_at=timezone.now() - timedelta(days=1)
    )

    body = (
        logged_in(polish_agent)
        .get(reverse("order-detail", args=[store.slug, order.pk]))
        .content.decode()
    )

    assert "Zamówienie #5001" in body
    assert "Koszula lniana" in body
    assert "530,00\xa0zł" in body  # 500.00 items + 30.00 shipping, Polish style
    assert "Opóźnienie" in body  # late


def test_the_order_list_filters_by_status(store: Store, agent: User) -> None:
    OrderFactory(customer__store=store, number="7001", status="cancelled")
    OrderFactory(
        customer__store=store,
        number="7002",
        status="open",
        placed_at=datetime(2026, 11, 1, tzinfo=UTC),
    )

    body = (
        logged_in(agent)
        .get(reverse("order-list", args=[store.slug]), {"status": "cancelled"})
        .content.decode()
    )

    assert "#7001" in body
    assert "#7002" not in body


def test_another_stores_order_is_not_found(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    theirs = OrderFactory(customer__store=other_store, number="9999")
    client = logged_in(make_staff(store, Role.OWNER))

    response = client.get(reverse("order-detail", args=[store.slug, theirs.pk]))
    listing = client.get(reverse("order-list", args=[store.slug])).content.decode()

    assert response.status_code == 404
    assert "#9999" not in listing


def test_order_list_for_another_stores_customer_is_not_found(
    store: Store, other_store: Store, agent: User
) -> None:
    theirs = OrderFactory(customer__store=other_store)

    response = logged_in(agent).get(
        reverse("order-list", args=[store.slug]), {"customer": theirs.customer_id}
    )

    assert response.status_code == 404
