"""What the data says about an order, told to its customer in a reply's language.

Canned replies use these through ``{{ order.status }}`` and ``{{ order.shipping_status }}``,
so that a reply says "on its way" only once a carrier has the parcel, never when a label is
all there is. The texts are sentences a shopper reads, not the agent UI's status labels."""

from django.utils import translation
from django.utils.translation import pgettext_lazy

FULFILLMENT_LABELS = {
    "unfulfilled": pgettext_lazy("order status told to a customer", "Not shipped yet"),
    "packed": pgettext_lazy("order status told to a customer", "Packed"),
    "partially_fulfilled": pgettext_lazy("order status told to a customer", "Partly shipped"),
    "fulfilled": pgettext_lazy("order status told to a customer", "Shipped"),
    "returned": pgettext_lazy("order status told to a customer", "Returned"),
}

# The order has no shipment yet: its fulfilment status is all there is to tell.
SHIPPING_WITHOUT_SHIPMENT = {
    "unfulfilled": pgettext_lazy("told to a customer", "The order has not been shipped yet."),
    "packed": pgettext_lazy(
        "told to a customer", "The order is packed and waiting for the carrier."
    ),
    "partially_fulfilled": pgettext_lazy(
        "told to a customer", "Part of the order has been shipped."
    ),
    "fulfilled": pgettext_lazy("told to a customer", "The order has been shipped."),
    "returned": pgettext_lazy("told to a customer", "The order has been returned."),
}

# The latest shipment's tracking status (orders.models.ShipmentStatus).
SHIPPING_BY_SHIPMENT = {
    "pending": pgettext_lazy("told to a customer", "The parcel is being prepared for the carrier."),
    "info_received": pgettext_lazy(
        "told to a customer",
        "A shipping label is ready; the carrier has not collected the parcel yet.",
    ),
    "in_transit": pgettext_lazy("told to a customer", "The parcel is on its way."),
    "out_for_delivery": pgettext_lazy("told to a customer", "The parcel is out for delivery."),
    "attempt_fail": pgettext_lazy(
        "told to a customer", "The carrier tried to deliver the parcel but could not."
    ),
    "delivered": pgettext_lazy("told to a customer", "The parcel has been delivered."),
    "available_for_pickup": pgettext_lazy(
        "told to a customer", "The parcel is waiting at the pickup point."
    ),
    "exception": pgettext_lazy(
        "told to a customer", "The carrier has reported a problem with the delivery."
    ),
    "expired": pgettext_lazy(
        "told to a customer", "The carrier no longer shows tracking for the parcel."
    ),
}


def order_status_variables(
    fulfillment_status: str, shipment_status: str | None, *, language: str
) -> dict[str, str]:
    """``order.status`` and ``order.shipping_status`` in ``language``; ``shipment_status``
    is the latest shipment's, None when the order has none."""
    with translation.override(language):
        if shipment_status is not None:
            shipping = SHIPPING_BY_SHIPMENT.get(shipment_status)
        else:
            shipping = SHIPPING_WITHOUT_SHIPMENT.get(fulfillment_status)
        status = FULFILLMENT_LABELS.get(fulfillment_status)
        return {
            "order.status": str(status) if status is not None else "",
            "order.shipping_status": str(shipping) if shipping is not None else "",
        }
