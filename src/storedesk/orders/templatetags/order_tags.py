"""Template tags of the order pages. They show the rules of ``orders.selectors``; they
decide nothing themselves."""

from decimal import Decimal

from django import template
from django.utils import timezone

from storedesk.core.models import Store
from storedesk.orders.models import LineItem, Order, Shipment
from storedesk.orders.selectors import get_line_subtotal, is_order_late, is_shipment_late

register = template.Library()


@register.filter
def line_subtotal(line: LineItem) -> Decimal:
    return get_line_subtotal(line)


@register.simple_tag
def shipment_is_late(shipment: Shipment, order: Order, store: Store) -> bool:
    return is_shipment_late(
        shipment,
        promised_date=order.promised_delivery_date,
        now=timezone.now(),
        zone=store.zone,
    )


@register.simple_tag
def order_is_late(order: Order, store: Store) -> bool:
    return is_order_late(order, now=timezone.now(), zone=store.zone)
