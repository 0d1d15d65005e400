"""Policy events: published after commit so the help center, public pages and the
assistant can refresh what they say about returns and shipping."""

from datetime import datetime
from typing import Literal

from storedesk.core.events import Event


class PolicyEvent(Event):
    """A version of the return or shipping rules, or a prose policy, was published.

    ``version_number`` is set for ``returns`` and ``shipping``; ``slug`` for ``prose``.
    """

    type: Literal["policy"] = "policy"
    op: Literal["published", "unpublished"]
    kind: Literal["returns", "shipping", "prose"]
    version_number: int | None = None
    effective_from: datetime | None = None
    slug: str | None = None
