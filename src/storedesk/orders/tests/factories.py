from datetime import UTC, datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from storedesk.customers.models import Customer
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.orders.models import (
    FinancialStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentEvent,
    ShipmentStatus,
)


class OrderFactory(DjangoModelFactory[Order]):
    class Meta:
        model = Order

    customer = factory.SubFactory(CustomerFactory)
    store = factory.SelfAttribute("customer.store")
    number = factory.Sequence(lambda n: f"{1000 + n}")
    status = OrderStatus.OPEN
    financial_status = FinancialStatus.PAID
    fulfillment_status = FulfillmentStatus.UNFULFILLED
    currency = "TRY"
    items_total = Decimal("500.00")
    shipping_total = Decimal("30.00")
    tax_total = Decimal("0.00")
    discount_total = Decimal("0.00")
    placed_at = factory.LazyFunction(lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC))


class LineItemFactory(DjangoModelFactory[LineItem]):
    class Meta:
        model = LineItem

    order = factory.SubFactory(OrderFactory)
    store = factory.SelfAttribute("order.store")
    sku = factory.Sequence(lambda n: f"SKU-{n}")
    title = "Keten gömlek"
    quantity = 1
    unit_price = Decimal("500.00")
    currency = factory.SelfAttribute("order.currency")


class ShipmentFactory(DjangoModelFactory[Shipment]):
    class Meta:
        model = Shipment

    order = factory.SubFactory(OrderFactory)
    store = factory.SelfAttribute("order.store")
    carrier = "Yurtiçi Kargo"
    tracking_number = factory.Sequence(lambda n: f"YK{100000 + n}")
    status = ShipmentStatus.IN_TRANSIT


def give_orders(customer: Customer, count: int) -> None:
    """``count`` orders of ``customer``, each with a line, a shipment and three tracking
    scans: the history that makes a profile or a customer panel cost queries."""
    for index in range(count):
        order = OrderFactory(customer=customer)
        LineItemFactory(order=order)
        shipment = ShipmentFactory(order=order)
        for hour in range(3):
            ShipmentEvent.objects.create(
                store=order.store,
                shipment=shipment,
                status=ShipmentStatus.IN_TRANSIT,
                message=f"Scan {index}-{hour}",
                location="Ankara",
                occurred_at=datetime(2026, 11, 21, hour, tzinfo=UTC),
            )
