"""Events about a store's staff, published after the change commits. The inbox listens for a
member who stops working in the store (``deactivated``) to give their conversations back to
the queue; accounts itself knows nothing of conversations."""

from typing import Literal

from storedesk.core.events import Event


class MemberEvent(Event):
    """A change to one member of a store's staff; ``role`` is their role after it."""

    type: Literal["member"] = "member"
    op: Literal["joined", "role_changed", "deactivated", "reactivated"]
    user_id: int
    role: str
