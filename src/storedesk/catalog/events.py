from typing import Literal

from storedesk.core.events import Event


class ProductEvent(Event):
    type: Literal["product"] = "product"
    op: Literal["created", "updated"]
    product_id: int
