from typing import Literal

from storedesk.core.events import Event


class CustomerEvent(Event):
    type: Literal["customer"] = "customer"
    op: Literal["created", "updated"]
    customer_id: int
