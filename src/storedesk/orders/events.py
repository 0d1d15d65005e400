from typing import Literal

from storedesk.core.events import Event


class OrderEvent(Event):
    type: Literal["order"] = "order"
    op: Literal["created", "updated"]
    order_id: int
    customer_id: int


class ShipmentEvent(Event):
    """A shipment was created or changed; ``op`` "delivered" is sent once, on delivery."""

    type: Literal["shipment"] = "shipment"
    op: Literal["created", "updated", "delivered"]
    shipment_id: int
    order_id: int
    status: str
